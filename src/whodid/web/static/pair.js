// Pair timeline: cooperation above, conflict below, mean score as dots, per period.
"use strict";
(function () {
  const form = document.getElementById("pair-form");
  const chart = document.getElementById("pair-chart");
  const status = document.getElementById("pair-status");
  const tbody = document.querySelector("#pair-table tbody");
  const initial = new URLSearchParams(location.search);
  for (const input of form.elements) if (input.name && initial.has(input.name)) input.value = initial.get(input.name);

  function draw(data) {
    const W = 900, H = 320, left = 50, right = 50, top = 20, bottom = 50;
    const svg = svgEl("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", class: "pair-svg" });
    svg.append(svgEl("title", {}, `Events between ${data.a} and ${data.b} per ${data.bucket}`));
    const periods = data.periods;
    const mid = top + (H - top - bottom) / 2;
    const half = (H - top - bottom) / 2;
    const maxCount = Math.max(1, ...periods.map((p) => Math.max(p.cooperation, p.conflict, p.events - p.cooperation - p.conflict)));
    const step = (W - left - right) / Math.max(1, periods.length);
    const bar = Math.max(2, Math.min(40, step * 0.35));
    svg.append(svgEl("line", { x1: left, x2: W - right, y1: mid, y2: mid, class: "axis" }));
    svg.append(svgEl("text", { x: 4, y: top + 10, class: "axis-label" }, `${maxCount} coop.`));
    svg.append(svgEl("text", { x: 4, y: H - bottom, class: "axis-label" }, `${maxCount} confl.`));
    svg.append(svgEl("text", { x: W - right + 4, y: top + 10, class: "axis-label" }, "+10"));
    svg.append(svgEl("text", { x: W - right + 4, y: H - bottom, class: "axis-label" }, "−10"));
    const points = [];
    periods.forEach((p, i) => {
      const x = left + step * i + step / 2;
      const up = (p.cooperation / maxCount) * half, down = (p.conflict / maxCount) * half;
      const g = svgEl("g", { class: "period" });
      g.append(svgEl("title", {}, `${p.period}: ${p.events} events, ${p.cooperation} cooperation, ${p.conflict} conflict, mean score ${p.mean_score}`));
      g.append(svgEl("rect", { x: x - bar, y: mid - up, width: bar, height: up, class: "coop" }));
      g.append(svgEl("rect", { x: x, y: mid, width: bar, height: down, class: "conflict" }));
      if (p.mean_score !== null) {
        const y = mid - (p.mean_score / 10) * half;
        points.push(`${x},${y}`);
        g.append(svgEl("circle", { cx: x, cy: y, r: 4, fill: scoreColour(p.mean_score), class: "mean" }));
      }
      if (periods.length <= 24 || i % Math.ceil(periods.length / 24) === 0)
        g.append(svgEl("text", { x: x, y: H - bottom + 16, class: "tick", "text-anchor": "middle" }, p.period));
      svg.append(g);
    });
    if (points.length > 1) svg.insertBefore(svgEl("polyline", { points: points.join(" "), class: "mean-line" }), svg.children[1]);
    chart.replaceChildren(svg);
  }

  async function load() {
    const params = formParams(form);
    history.replaceState(null, "", "?" + params.toString());
    let data;
    try { data = await getJSON("/api/pair?" + params.toString(), status); } catch (e) { chart.replaceChildren(); return; }
    status.textContent = `${data.events} events between ${data.a} and ${data.b}`;
    draw(data);
    tbody.replaceChildren(...data.periods.map((p) => {
      const tr = el("tr");
      for (const v of [p.period, p.events, p.a_to_b, p.b_to_a, p.cooperation, p.conflict, p.mean_score]) tr.append(el("td", {}, v === null ? "" : v));
      return tr;
    }));
  }
  form.addEventListener("submit", (ev) => { ev.preventDefault(); load(); });
  load();
})();
