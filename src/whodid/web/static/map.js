// Map: an equirectangular plot of places on a 10-degree graticule, fitted to the points.
"use strict";
(function () {
  const box = document.getElementById("map");
  const status = document.getElementById("map-status");
  const tbody = document.querySelector("#place-table tbody");

  function draw(places) {
    const W = 900, H = 500, pad = 30;
    let [lon0, lon1, lat0, lat1] = [-180, 180, -70, 80];
    if (places.length) {
      lon0 = Math.min(...places.map((p) => p.lon)) - 8; lon1 = Math.max(...places.map((p) => p.lon)) + 8;
      lat0 = Math.min(...places.map((p) => p.lat)) - 6; lat1 = Math.max(...places.map((p) => p.lat)) + 6;
    }
    // keep degrees square: widen the narrower side
    const scale = Math.min((W - 2 * pad) / (lon1 - lon0), (H - 2 * pad) / (lat1 - lat0));
    const cx = (lon0 + lon1) / 2, cy = (lat0 + lat1) / 2;
    const x = (lon) => W / 2 + (lon - cx) * scale, y = (lat) => H / 2 - (lat - cy) * scale;
    const svg = svgEl("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", class: "map-svg" });
    svg.append(svgEl("title", {}, "Places named in the articles"));
    svg.append(svgEl("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }));
    const grid = svgEl("g", { class: "graticule" });
    for (let lon = -180; lon <= 180; lon += 10) {
      if (x(lon) < 0 || x(lon) > W) continue;
      grid.append(svgEl("line", { x1: x(lon), x2: x(lon), y1: 0, y2: H }));
      grid.append(svgEl("text", { x: x(lon) + 2, y: H - 4 }, `${lon}°`));
    }
    for (let lat = -80; lat <= 80; lat += 10) {
      if (y(lat) < 0 || y(lat) > H) continue;
      grid.append(svgEl("line", { x1: 0, x2: W, y1: y(lat), y2: y(lat) }));
      grid.append(svgEl("text", { x: 2, y: y(lat) - 2 }, `${lat}°`));
    }
    svg.append(grid);
    const most = Math.max(1, ...places.map((p) => p.events || p.articles));
    for (const p of [...places].sort((a, b) => (b.events || b.articles) - (a.events || a.articles))) {
      const g = svgEl("g", { class: "place-dot" });
      const r = 4 + 14 * Math.sqrt((p.events || p.articles) / most);
      g.append(svgEl("circle", { cx: x(p.lon), cy: y(p.lat), r: r }));
      g.append(svgEl("text", { x: x(p.lon) + r + 2, y: y(p.lat) + 4 }, p.name));
      g.append(svgEl("title", {}, `${p.name} (${p.country || "?"}) ${p.lat}, ${p.lon}: ${p.events} events, ${p.articles} articles`));
      svg.append(g);
    }
    box.replaceChildren(svg);
  }

  getJSON("/api/places", status).then((data) => {
    status.textContent = `${data.items.length} places with coordinates`;
    draw(data.items);
    tbody.replaceChildren(...data.items.map((p) => {
      const tr = el("tr");
      for (const v of [p.name, p.country || "", `${p.lat}, ${p.lon}`, p.events, p.articles]) tr.append(el("td", {}, v));
      return tr;
    }));
  }).catch(() => {});
})();
