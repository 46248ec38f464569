// Pair timeline: one bar per period (continuous), A → B above the line and B → A below,
// stacked by quad class; each bar links to the events behind it. Events with no date are
// counted apart, right of the periods.
"use strict";
(function () {
  const form = document.getElementById("pair-form");
  const chart = document.getElementById("pair-chart");
  const status = document.getElementById("pair-status");
  const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  const initial = new URLSearchParams(location.search);
  for (const input of form.elements) if (input.name && initial.has(input.name)) input.value = initial.get(input.name);

  function eventsLink(data, extra) {
    const p = new URLSearchParams({ actor: data.a, recipient: data.b, either_way: "true",
      min_confidence: form.elements.min_confidence.value || "0", sort: "date", order: "asc" });
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return "/events?" + p.toString();
  }

  function stack(g, x, width, y0, counts, total, scale, dir) {
    // quad classes 1..4, then events without one, outward from the line
    let y = y0;
    const parts = [1, 2, 3, 4].map((q) => [q, counts[q] || 0]);
    const known = parts.reduce((s, [, n]) => s + n, 0);
    parts.push([0, Math.max(0, total - known)]);
    for (const [q, n] of parts) {
      if (!n) continue;
      const h = n * scale;
      g.append(svgEl("rect", { x: x, y: dir > 0 ? y - h : y, width: width, height: Math.max(h, 1), class: "q" + q }));
      y += dir > 0 ? -h : h;
    }
  }

  function draw(data) {
    const periods = data.periods;
    const undated = data.undated;
    const H = 300, top = 24, bottom = 46, left = 44;
    const columns = periods.length + (undated.events ? 2 : 0);
    const avail = Math.max(300, chart.clientWidth - 2);
    const step = Math.max(6, Math.min(60, (avail - left - 10) / Math.max(1, columns)));
    const W = Math.max(avail, left + step * columns + 10);
    const svg = svgEl("svg", { width: W, height: H, role: "group", "aria-label": `Events between ${data.a} and ${data.b} per ${data.bucket}` });
    const mid = top + (H - top - bottom) / 2, half = (H - top - bottom) / 2 - 4;
    const rows = periods.concat(undated.events ? [undated] : []);
    const most = Math.max(1, ...rows.map((p) => Math.max(p.a_to_b, p.b_to_a)));
    const scale = half / most;
    svg.append(svgEl("line", { x1: left, x2: W - 4, y1: mid, y2: mid, class: "axis" }));
    svg.append(svgEl("text", { x: 2, y: top + 4, class: "axis-label" }, "A → B"));
    svg.append(svgEl("text", { x: 2, y: H - bottom, class: "axis-label" }, "B → A"));
    svg.append(svgEl("text", { x: 2, y: top + 18, class: "tick" }, String(most)));
    const labelEvery = Math.max(1, Math.ceil(80 / step));
    const barW = Math.max(3, step * 0.7);
    periods.forEach((p, i) => {
      const x = left + step * i + (step - barW) / 2;
      const a = svgEl("a", { href: eventsLink(data, { date_from: p.period, date_to: p.end }), class: "period",
                             "aria-label": `${p.period}: ${p.events} events, ${p.a_to_b} A to B, ${p.b_to_a} B to A` });
      const g = svgEl("g", {});
      g.append(svgEl("title", {}, `${p.period} – ${p.end}: ${p.events} events (${p.a_to_b} A → B, ${p.b_to_a} B → A)` +
        (p.dated_by_publication ? `, ${p.dated_by_publication} dated by publication` : "")));
      g.append(svgEl("rect", { x: left + step * i, y: top, width: step, height: H - top - bottom, class: "hit" }));
      const up = {}, down = {};
      // the API gives the quad mix per period, not per direction: split it in proportion
      for (const q of [1, 2, 3, 4]) {
        const n = p.quad_classes[q] || 0;
        up[q] = p.events ? n * p.a_to_b / p.events : 0;
        down[q] = p.events ? n * p.b_to_a / p.events : 0;
      }
      stack(g, x, barW, mid, up, p.a_to_b, scale, 1);
      stack(g, x, barW, mid, down, p.b_to_a, scale, -1);
      if (p.dated_by_publication) g.append(svgEl("text", { x: x + barW / 2, y: mid - p.a_to_b * scale - 4, class: "pub-mark", "text-anchor": "middle" }, "◆"));
      a.append(g);
      svg.append(a);
      if (i % labelEvery === 0) svg.append(svgEl("text", { x: left + step * i + step / 2, y: H - bottom + 16, class: "tick", "text-anchor": "middle" }, p.period));
    });
    if (undated.events) {
      const i = periods.length + 1;
      const x = left + step * i + (step - barW) / 2;
      svg.append(svgEl("line", { x1: left + step * (i - 0.5), x2: left + step * (i - 0.5), y1: top, y2: H - bottom, class: "divider" }));
      const a = svgEl("a", { href: eventsLink(data, { date_basis: "none" }), class: "period undated",
                             "aria-label": `no date: ${undated.events} events` });
      const g = svgEl("g", {});
      g.append(svgEl("title", {}, `${undated.events} events with no date, neither their own nor their article's`));
      g.append(svgEl("rect", { x: left + step * i, y: top, width: step, height: H - top - bottom, class: "hit" }));
      stack(g, x, barW, mid, undated.quad_classes, undated.a_to_b, scale, 1);
      stack(g, x, barW, mid, {}, undated.b_to_a, scale, -1);
      a.append(g);
      svg.append(a);
      svg.append(svgEl("text", { x: x + barW / 2, y: H - bottom + 16, class: "tick", "text-anchor": "middle" }, "no date"));
    }
    chart.replaceChildren(svg);
  }

  function fillTables(data) {
    document.querySelector("#pair-table tbody").replaceChildren(...data.periods.filter((p) => p.events).map((p) => {
      const tr = el("tr");
      const td = el("td");
      td.append(el("a", { href: eventsLink(data, { date_from: p.period, date_to: p.end }) }, p.period));
      tr.append(td, el("td", { class: "num" }, p.events), el("td", { class: "num" }, p.a_to_b), el("td", { class: "num" }, p.b_to_a),
        el("td", { class: "num" }, p.dated_by_publication), el("td", { class: "num" }, p.mean_score === null ? "" : p.mean_score));
      return tr;
    }).concat(data.undated.events ? [(() => {
      const tr = el("tr", { class: "undated-row" });
      const td = el("td");
      td.append(el("a", { href: eventsLink(data, { date_basis: "none" }) }, "no date"));
      tr.append(td, el("td", { class: "num" }, data.undated.events), el("td", { class: "num" }, data.undated.a_to_b),
        el("td", { class: "num" }, data.undated.b_to_a), el("td", { class: "num" }, ""), el("td", { class: "num" }, ""));
      return tr;
    })()] : []));
    document.querySelector("#pair-mix tbody").replaceChildren(...data.types.map((t) => {
      const tr = el("tr");
      const td = el("td");
      td.append(el("a", { href: eventsLink(data, { type: t.type }) }, t.type));
      tr.append(td, el("td", { class: "num" }, t.a_to_b), el("td", { class: "num" }, t.b_to_a));
      return tr;
    }));
    document.querySelector("#pair-quads tbody").replaceChildren(...[1, 2, 3, 4].map((q) => {
      const tr = el("tr");
      const td = el("td");
      td.append(el("span", { class: "swatch q" + q }), el("a", { href: eventsLink(data, { quad_class: q }) }, QUADS[q]));
      tr.append(td, el("td", { class: "num" }, data.quad_classes[q].a_to_b), el("td", { class: "num" }, data.quad_classes[q].b_to_a));
      return tr;
    }));
  }

  async function load() {
    const params = formParams(form);
    if (!params.get("a") || !params.get("b")) return;
    status.textContent = "Loading…";
    let data;
    try {
      data = await getJSON("/api/pair?" + params.toString(), status);
    } catch (e) {
      chart.replaceChildren();
      return;
    }
    const parts = [`${data.events} events between ${data.a} and ${data.b}`];
    if (data.events) {
      parts.push(`${data.dated - data.dated_by_publication} dated by the text, ${data.dated_by_publication} by their article's publication (◆), ${data.undated.events} with no date at all (apart, right)`);
      parts.push(`per ${data.bucket}`);
    }
    if (!data.a_ids || !data.b_ids) parts.push(`no actor goes by ${!data.a_ids ? data.a : data.b}`);
    status.textContent = parts.join("; ") + ".";
    draw(data);
    fillTables(data);
  }
  load();
  let resized = null;
  window.addEventListener("resize", () => { clearTimeout(resized); resized = setTimeout(load, 200); });
})();
