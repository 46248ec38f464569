// Actor network: a force-directed layout (d3-force, vendored) of the actors with the most events,
// run to rest before drawing; arrows actor -> recipient, coloured by cooperation or conflict.
"use strict";
(function () {
  const form = document.getElementById("network-form");
  const box = document.getElementById("network");
  const status = document.getElementById("network-status");
  // the best-connected actors get a standing label where it overlaps no other; the rest on hover or focus
  const LABEL_H = 15;
  const initial = new URLSearchParams(location.search);
  for (const input of form.elements) if (input.name && initial.has(input.name)) input.value = initial.get(input.name);

  function tone(score) {
    if (score === null || score === undefined) return "edge-neutral";
    return score > 1 ? "edge-coop" : score < -1 ? "edge-conflict" : "edge-neutral";
  }

  function draw(data) {
    const W = Math.max(300, box.clientWidth - 2);
    const H = W < 600 ? 520 : 680;
    const nodes = data.nodes.map((n) => Object.assign({}, n));
    const links = data.edges.map((e) => Object.assign({}, e));
    const most = Math.max(1, ...nodes.map((n) => n.events));
    const radius = (n) => 5 + 13 * Math.sqrt(n.events / most);
    const sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id((d) => d.id).distance(70).strength(0.4))
      .force("charge", d3.forceManyBody().strength(-260).distanceMax(400))
      .force("x", d3.forceX(0).strength(0.12)).force("y", d3.forceY(0).strength(0.12))
      .force("collide", d3.forceCollide((d) => radius(d) + 6))
      .stop();
    sim.tick(400);
    // fit the layout to the box in pixels; text keeps its size on any screen
    const pad = 60;
    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
    const k = Math.min((W - 2 * pad) / Math.max(1, maxX - minX), (H - 2 * pad) / Math.max(1, maxY - minY), 2.5);
    for (const n of nodes) {
      n.px = pad + (n.x - minX) * k + ((W - 2 * pad) - (maxX - minX) * k) / 2;
      n.py = pad + (n.y - minY) * k + ((H - 2 * pad) - (maxY - minY) * k) / 2;
    }
    const svg = svgEl("svg", { width: W, height: H, role: "group", "aria-label": "Who acts on whom" });
    const defs = svgEl("defs");
    for (const t of ["edge-coop", "edge-neutral", "edge-conflict"]) {
      const marker = svgEl("marker", { id: "arrow-" + t, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto" });
      marker.append(svgEl("path", { d: "M 0 0 L 10 5 L 0 10 z", class: t + "-fill" }));
      defs.append(marker);
    }
    svg.append(defs);
    const mostEdge = Math.max(1, ...links.map((e) => e.events));
    const edgeLayer = svgEl("g", { class: "edges" });
    for (const e of links) {
      const s = e.source, t = e.target;
      const dx = t.px - s.px, dy = t.py - s.py, len = Math.max(1, Math.hypot(dx, dy));
      const rt = radius(t) + 3, rs = radius(s);
      // a slight curve, so A -> B and B -> A do not lie on each other
      const mx = (s.px + t.px) / 2 - dy * 0.12, my = (s.py + t.py) / 2 + dx * 0.12;
      const ex = t.px - (t.px - mx) / Math.hypot(t.px - mx, t.py - my) * rt, ey = t.py - (t.py - my) / Math.hypot(t.px - mx, t.py - my) * rt;
      const path = svgEl("path", { d: `M ${s.px + dx / len * rs} ${s.py + dy / len * rs} Q ${mx} ${my} ${ex} ${ey}`,
        class: "edge " + tone(e.mean_score), "stroke-width": (1 + 5 * Math.sqrt(e.events / mostEdge)).toFixed(2),
        "marker-end": `url(#arrow-${tone(e.mean_score)})` });
      path.append(svgEl("title", {}, `${s.name} → ${t.name}: ${e.events} events, mean score ${e.mean_score === null ? "–" : e.mean_score} (${e.cooperation} cooperation, ${e.conflict} conflict)`));
      edgeLayer.append(path);
    }
    svg.append(edgeLayer);
    // a label's width as the browser draws it (12px, the page's font): "BAB AL-HAWA" in capitals
    // is wider than 7px a letter, and an estimate let two standing labels overlap
    const ctx = document.createElement("canvas").getContext("2d");
    const labelWidth = (s) => {
      if (!ctx) return 7 * s.length;
      ctx.font = "12px " + getComputedStyle(box).fontFamily;
      return Math.ceil(ctx.measureText(s).width) + 1;
    };
    const ranked = [...nodes].sort((a, b) => b.events - a.events);
    const placed = [];
    const free = (b) => b.x >= 0 && b.x + b.w <= W && b.y >= 0 && b.y + b.h <= H &&
      placed.every((o) => b.x + b.w < o.x || o.x + o.w < b.x || b.y + b.h < o.y || o.y + o.h < b.y);
    for (const n of ranked) {
      const r = radius(n), w = labelWidth(n.name), h = LABEL_H;
      const spots = [[n.px + r + 4, n.py - h / 2 - 1, "start"], [n.px - r - 4 - w, n.py - h / 2 - 1, "end"],
                     [n.px - w / 2, n.py - r - h - 1, "middle"], [n.px - w / 2, n.py + r + 1, "middle"]];
      const spot = spots.find(([x, y]) => free({ x: x, y: y, w: w, h: h }));
      if (spot) placed.push({ x: spot[0], y: spot[1], w: w, h: h });
      n.label = spot || [n.px + r + 4, n.py - h / 2 - 1, "start"];
      n.named = Boolean(spot);
    }
    for (const n of [...ranked].reverse()) { // the biggest drawn last, on top
      const a = svgEl("a", { href: "/actors/" + encodeURIComponent(n.id), class: "node" + (n.named ? " named" : ""),
        "aria-label": `${n.name}: ${n.events} events` });
      a.append(svgEl("title", {}, `${n.name}${n.code ? " (" + n.code + ")" : ""}: ${n.events} events`));
      a.append(svgEl("circle", { cx: n.px, cy: n.py, r: radius(n), class: "kind-" + (n.kind || "other") }));
      const [lx, ly, anchor] = n.label;
      const w = labelWidth(n.name);
      const x = anchor === "start" ? lx : anchor === "end" ? lx + w : lx + w / 2;
      a.append(svgEl("text", { x: x, y: ly + LABEL_H - 3, "text-anchor": anchor }, n.name));
      svg.append(a);
    }
    box.replaceChildren(svg);
  }

  async function load() {
    const params = formParams(form);
    params.set("limit", "500");
    status.textContent = "Loading…";
    let data;
    try {
      data = await getJSON("/api/network?" + params.toString(), status);
    } catch (e) {
      box.replaceChildren();
      return;
    }
    const capped = data.nodes.length < data.all_actors;
    status.textContent = `${data.nodes.length} actors and ${data.edges.length} edges shown` +
      (capped ? ` of ${data.all_actors} actors and ${data.all_edges} edges: those among the ${params.get("top")} actors with the most events` : "") +
      `, each edge at least ${params.get("min_events") || 1} events.`;
    if (data.nodes.length) draw(data); else box.replaceChildren();
  }
  load();
})();
