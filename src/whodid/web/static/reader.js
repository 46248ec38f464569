// The article reader: shows the event, quote, actor or place behind a marked word.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("analysis-data").textContent);
  const detail = document.getElementById("detail");
  const text = document.getElementById("article-text");
  const actors = Object.fromEntries(data.actors.map((a) => [a.id, a]));
  const actorName = (id) => (actors[id] ? actors[id].name : id);
  const who = (ids) => (ids && ids.length ? ids.map(actorName).join(", ") : "–");

  function add(parent, tag, cls, content) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    node.textContent = content;
    parent.append(node);
    return node;
  }

  function row(dl, label, value) {
    if (value === null || value === undefined || value === "") return;
    add(dl, "dt", "", label);
    add(dl, "dd", "", value);
  }

  function eventCard(i) {
    const e = data.events[i];
    const card = document.createElement("div");
    card.className = "card event-card";
    add(card, "h3", "", `Event: ${e.type}${e.mode ? " (" + e.mode + ")" : ""}`);
    const dl = document.createElement("dl");
    row(dl, "actor → recipient", `${who(e.actor)} → ${who(e.recipient)}`);
    row(dl, "inferred by convention", e.inferred && e.inferred.length ? e.inferred.join(", ") : null);
    row(dl, "modality", e.modality);
    row(dl, "reported by", e.reported_by ? actorName(e.reported_by) : null);
    row(dl, "date", e.date ? `${e.date} (${e.date_precision})` : "not given in its sentence");
    row(dl, "place", e.place || "not given");
    row(dl, "trigger", `“${e.trigger.text}”`);
    row(dl, "CAMEO", e.cameo);
    row(dl, "score", e.score);
    row(dl, "confidence", e.confidence);
    card.append(dl);
    return card;
  }

  function quoteCard(i) {
    const q = data.quotes[i];
    const card = document.createElement("div");
    card.className = "card quote-card";
    add(card, "h3", "", `Quote (${q.kind})`);
    const dl = document.createElement("dl");
    row(dl, "speaker", q.speaker ? actorName(q.speaker) : (q.speaker_text || (q.kind === "term" ? "a term, no speaker" : "unknown")));
    row(dl, "cue", q.cue);
    row(dl, "speaker carried over", q.carried_over ? "yes, from an earlier paragraph" : null);
    card.append(dl);
    return card;
  }

  function actorCard(id) {
    const a = actors[id] || { name: id };
    const card = document.createElement("div");
    card.className = "card actor-card";
    add(card, "h3", "", `Actor: ${a.name}`);
    const dl = document.createElement("dl");
    row(dl, "code", a.code);
    row(dl, "role", a.role);
    row(dl, "kind", a.kind);
    card.append(dl);
    const link = add(card, "a", "", "actor page");
    link.href = "/actors/" + encodeURIComponent(id);
    return card;
  }

  function placeCard(i) {
    const p = data.places[i];
    const card = document.createElement("div");
    card.className = "card place-card";
    add(card, "h3", "", `Place: ${p.name}`);
    const dl = document.createElement("dl");
    row(dl, "country", p.country);
    row(dl, "coordinates", p.lat !== null ? `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}` : "not resolved");
    row(dl, "GeoNames", p.geonames_id);
    card.append(dl);
    return card;
  }

  const ids = (node, key) => (node.dataset[key] ? node.dataset[key].split(" ") : []);

  function show(node) {
    const cards = [];
    for (const i of ids(node, "events")) cards.push(eventCard(+i));
    for (const i of ids(node, "quotes")) cards.push(quoteCard(+i));
    for (const id of ids(node, "actors")) cards.push(actorCard(id));
    for (const i of ids(node, "places")) cards.push(placeCard(+i));
    if (cards.length) detail.replaceChildren(...cards);
  }

  function selectEvent(i, scroll) {
    for (const n of document.querySelectorAll(".selected")) n.classList.remove("selected");
    const item = document.getElementById("event-" + i);
    if (item) item.classList.add("selected");
    let first = null;
    for (const span of text.querySelectorAll("[data-events]")) {
      if (ids(span, "events").includes(String(i))) {
        span.classList.add("selected");
        first = first || span;
      }
    }
    detail.replaceChildren(eventCard(i));
    if (scroll && first) first.scrollIntoView({ block: "center" });
  }

  text.addEventListener("mouseover", (ev) => {
    const node = ev.target.closest("span[class]");
    if (node) show(node);
  });
  // the keyboard reaches every marked word: Tab to it shows its card, Enter selects its event
  text.addEventListener("focusin", (ev) => {
    const node = ev.target.closest("span[tabindex]");
    if (node) show(node);
  });
  text.addEventListener("keydown", (ev) => {
    const node = ev.target.closest("span[tabindex]");
    if (!node || ev.key !== "Enter") return;
    const events = ids(node, "events");
    if (events.length) selectEvent(+events[0], false);
  });
  text.addEventListener("click", (ev) => {
    const node = ev.target.closest("span[class]");
    if (!node) return;
    const events = ids(node, "events");
    if (events.length) selectEvent(+events[0], false);
    else show(node);
  });
  for (const item of document.querySelectorAll("#event-list .event")) {
    const pick = () => { history.replaceState(null, "", "#event-" + item.dataset.event); selectEvent(+item.dataset.event, true); };
    item.addEventListener("click", pick);
    item.addEventListener("keydown", (ev) => { if (ev.key === "Enter") pick(); });
  }
  const match = /^#event-(\d+)$/.exec(location.hash);
  if (match && data.events[+match[1]]) selectEvent(+match[1], true);
})();
