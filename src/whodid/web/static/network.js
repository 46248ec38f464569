// Actor network: nodes on a circle (ordered by kind, then name), arrows actor -> recipient.
"use strict";
(function () {
  const form = document.getElementById("network-form");
  const box = document.getElementById("network");
  const status = document.getElementById("network-status");

  function draw(data) {
    const W = 900, H = 700, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 110;
    const svg = svgEl("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", class: "network-svg" });
    svg.append(svgEl("title", {}, "Who acts on whom"));
    const defs = svgEl("defs");
    const marker = svgEl("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" });
    marker.append(svgEl("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#555" }));
    defs.append(marker);
    svg.append(defs);
    const nodes = [...data.nodes].sort((a, b) => (a.kind || "").localeCompare(b.kind || "") || a.name.localeCompare(b.name));
    const pos = {};
    nodes.forEach((n, i) => {
      const t = (2 * Math.PI * i) / Math.max(1, nodes.length) - Math.PI / 2;
      pos[n.id] = { x: cx + R * Math.cos(t), y: cy + R * Math.sin(t), t };
    });
    const maxEvents = Math.max(1, ...data.edges.map((e) => e.events));
    const edges = svgEl("g", { class: "edges" });
    for (const e of data.edges) {
      const a = pos[e.source], b = pos[e.target];
      if (!a || !b) continue;
      // bend each edge a little so A->B and B->A do not overlap
      const mx = (a.x + b.x) / 2 + (b.y - a.y) * 0.12, my = (a.y + b.y) / 2 - (b.x - a.x) * 0.12;
      const dx = b.x - mx, dy = b.y - my, d = Math.hypot(dx, dy) || 1;
      const ex = b.x - (dx / d) * 9, ey = b.y - (dy / d) * 9;
      const path = svgEl("path", {
        d: `M ${a.x} ${a.y} Q ${mx} ${my} ${ex} ${ey}`, class: "edge",
        stroke: scoreColour(e.mean_score), "stroke-width": 1 + 7 * (e.events / maxEvents), "marker-end": "url(#arrow)",
        "data-source": e.source, "data-target": e.target,
      });
      path.append(svgEl("title", {}, `${e.source} → ${e.target}: ${e.events} events, mean score ${e.mean_score}`));
      edges.append(path);
    }
    svg.append(edges);
    for (const n of nodes) {
      const p = pos[n.id];
      const link = svgEl("a", { href: "/actors/" + encodeURIComponent(n.id), class: "node" });
      link.append(svgEl("circle", { cx: p.x, cy: p.y, r: 8, class: "kind-" + (n.kind || "other") }));
      const right = Math.cos(p.t) >= 0;
      link.append(svgEl("text", { x: p.x + (right ? 12 : -12), y: p.y + 4, "text-anchor": right ? "start" : "end" }, n.name));
      link.append(svgEl("title", {}, `${n.name} (${n.code || n.kind})`));
      svg.append(link);
    }
    box.replaceChildren(svg);
  }

  async function load() {
    const params = formParams(form);
    let data;
    try { data = await getJSON("/api/network?" + params.toString(), status); } catch (e) { box.replaceChildren(); return; }
    status.textContent = `${data.nodes.length} actors, ${data.edges.length} edges`;
    draw(data);
  }
  form.addEventListener("submit", (ev) => { ev.preventDefault(); load(); });
  load();
})();
