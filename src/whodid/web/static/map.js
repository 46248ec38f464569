// Map: country outlines (Natural Earth via world-atlas, vendored) in an equirectangular view fitted
// to the places, places clustered on screen, a cluster's places and events on click.
"use strict";
(function () {
  const box = document.getElementById("map");
  const status = document.getElementById("map-status");
  const detail = document.getElementById("place-detail");
  const CLUSTER_PX = 26; // places nearer than this on screen share a circle
  // at most 2000 places (the API's cap), fewer with ?limit= in the page's address
  const LIMIT = Math.min(2000, Math.max(1, parseInt(new URLSearchParams(location.search).get("limit"), 10) || 2000));

  function ringPath(ring, project) {
    let d = "", prev = null;
    for (const [lon, lat] of ring) {
      const [x, y] = project(lon, lat);
      // a jump across the antimeridian starts a new piece instead of a line across the map
      d += (prev === null || Math.abs(lon - prev) > 180 ? "M" : "L") + x.toFixed(1) + " " + y.toFixed(1);
      prev = lon;
    }
    return d + "Z";
  }

  function draw(world, places) {
    const W = Math.max(300, box.clientWidth - 2);
    const H = Math.round(Math.min(560, Math.max(300, W * 0.6)));
    let [lon0, lon1, lat0, lat1] = [-170, 190, -58, 84];
    if (places.length) {
      lon0 = Math.min(...places.map((p) => p.lon)) - 6; lon1 = Math.max(...places.map((p) => p.lon)) + 6;
      lat0 = Math.min(...places.map((p) => p.lat)) - 5; lat1 = Math.max(...places.map((p) => p.lat)) + 5;
    }
    // square degrees, at least 30° across, the whole box used
    const span = Math.max(30, lon1 - lon0, (lat1 - lat0) * W / H);
    const cx = (lon0 + lon1) / 2, cy = (lat0 + lat1) / 2;
    const k = W / span;
    const project = (lon, lat) => [W / 2 + (lon - cx) * k, H / 2 - (lat - cy) * k];
    const svg = svgEl("svg", { width: W, height: H, role: "group", "aria-label": "Map of places" });
    svg.append(svgEl("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }));
    const land = svgEl("g", { class: "countries" });
    const countries = topojson.feature(world, world.objects.countries);
    for (const f of countries.features) {
      if (!f.geometry) continue;
      const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      const d = polys.map((poly) => poly.map((ring) => ringPath(ring, project)).join("")).join("");
      const path = svgEl("path", { d: d, class: "country" });
      path.append(svgEl("title", {}, f.properties.name));
      land.append(path);
    }
    svg.append(land);
    // greedy clustering, the places with the most events first
    const clusters = [];
    for (const p of [...places].sort((a, b) => b.events - a.events || b.articles - a.articles)) {
      const [x, y] = project(p.lon, p.lat);
      const near = clusters.find((c) => Math.hypot(c.x - x, c.y - y) < CLUSTER_PX);
      if (near) { near.places.push(p); near.events += p.events; near.articles += p.articles; }
      else clusters.push({ x: x, y: y, places: [p], events: p.events, articles: p.articles });
    }
    const most = Math.max(1, ...clusters.map((c) => c.events + c.articles));
    const placed = [];
    for (const c of clusters) {
      const r = 6 + 12 * Math.sqrt((c.events + c.articles) / most);
      const names = c.places.map((p) => p.name);
      const g = svgEl("g", { class: "place-dot" + (c.places.length > 1 ? " cluster" : ""), tabindex: "0", role: "button",
        "aria-label": `${names.slice(0, 3).join(", ")}${names.length > 3 ? " and " + (names.length - 3) + " more" : ""}: ${c.events} events` });
      g.append(svgEl("title", {}, `${names.slice(0, 8).join(", ")}${names.length > 8 ? "…" : ""} (${c.events} events)`));
      g.append(svgEl("circle", { cx: c.x, cy: c.y, r: r }));
      if (c.places.length > 1) g.append(svgEl("text", { x: c.x, y: c.y + 4, "text-anchor": "middle", class: "cluster-count" }, c.places.length));
      // a name beside the circle where it overlaps no other name
      const label = c.places[0].name + (c.places.length > 1 ? " …" : "");
      const box_ = { x: c.x + r + 3, y: c.y - 8, w: 7 * label.length, h: 15 };
      if (box_.x + box_.w < W && placed.every((o) => box_.x + box_.w < o.x || o.x + o.w < box_.x || box_.y + box_.h < o.y || o.y + o.h < box_.y)) {
        placed.push(box_);
        g.append(svgEl("text", { x: box_.x, y: c.y + 4, class: "place-name" }, label));
      }
      const open = () => show(c);
      g.addEventListener("click", open);
      g.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); open(); } });
      svg.append(g);
    }
    box.replaceChildren(svg);
    return clusters.length;
  }

  async function show(cluster) {
    const heading = el("h2", {}, cluster.places.length === 1 ? cluster.places[0].name : `${cluster.places.length} places`);
    const list = el("ul", { class: "place-list" });
    for (const p of cluster.places.slice(0, 12)) {
      const li = el("li", {});
      li.append(el("a", { href: "/events?min_confidence=0&all_rows=true&place=" + encodeURIComponent(p.name) }, p.name),
        ` ${p.country || ""} · ${p.events} events · ${p.articles} articles`);
      list.append(li);
    }
    if (cluster.places.length > 12) list.append(el("li", { class: "muted" }, `and ${cluster.places.length - 12} more`));
    const events = el("ol", { class: "place-events" });
    detail.replaceChildren(heading, list, el("h3", {}, "Events"), events);
    for (const p of cluster.places.slice(0, 5)) {
      if (!p.events) continue;
      const page = await getJSON("/api/events?min_confidence=0&limit=10&sort=date&order=desc&place=" + encodeURIComponent(p.name));
      for (const e of page.items) {
        const li = el("li", {});
        li.append(el("a", { href: `/articles/${e.article_sha1}#event-${e.idx}` }, `${e.type}: ${names(e.actor)} → ${names(e.recipient)}`),
          ` ${e.day || ""} at ${e.place}`);
        events.append(li);
      }
    }
    if (!events.children.length) events.append(el("li", { class: "muted" }, "No event is placed here; articles only mention it."));
    detail.scrollIntoView({ block: "nearest" });
  }

  async function load() {
    status.textContent = "Loading…";
    const [world, data] = await Promise.all([getJSON("/static/vendor/countries-110m.json"), getJSON("/api/places?limit=" + LIMIT, status)]);
    const n = draw(world, data.items);
    status.textContent = `${data.items.length} places with coordinates` +
      (data.total > data.items.length ? ` shown of ${data.total}: the ${data.items.length} with the most events` : "") +
      `, in ${n} circles.`;
  }
  load();
  let resized = null;
  window.addEventListener("resize", () => { clearTimeout(resized); resized = setTimeout(load, 250); });
})();
