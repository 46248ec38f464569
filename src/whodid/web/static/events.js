"use strict";
(function () {
  const form = document.getElementById("event-filters");
  const tbody = document.querySelector("#events-table tbody");
  const status = document.getElementById("event-status");
  const csv = document.getElementById("csv-link");
  const info = document.getElementById("page-info");
  const state = { sort: "date", order: "asc", offset: 0, limit: 50 };

  // filters live in the page's address, so a filtered view can be bookmarked
  const initial = new URLSearchParams(location.search);
  for (const input of form.elements) if (input.name && initial.has(input.name)) input.value = initial.get(input.name);

  async function load() {
    const params = formParams(form);
    params.set("sort", state.sort);
    params.set("order", state.order);
    csv.href = "/api/events.csv?" + params.toString();
    history.replaceState(null, "", "?" + formParams(form).toString());
    params.set("limit", state.limit);
    params.set("offset", state.offset);
    status.textContent = "Loading…";
    let page;
    try {
      page = await getJSON("/api/events?" + params.toString(), status);
    } catch (e) {
      tbody.replaceChildren();
      return;
    }
    status.textContent = page.total + " events";
    tbody.replaceChildren(...page.items.map(row));
    const last = Math.min(page.offset + page.limit, page.total);
    info.textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}` : "none";
    document.getElementById("prev").disabled = page.offset === 0;
    document.getElementById("next").disabled = last >= page.total;
    for (const th of document.querySelectorAll("th[data-sort]")) {
      th.classList.toggle("sorted", th.dataset.sort === state.sort);
      th.dataset.order = th.dataset.sort === state.sort ? state.order : "";
    }
  }

  function row(e) {
    const tr = el("tr", { class: "event-row", "data-href": `/articles/${e.article_sha1}#event-${e.idx}` });
    const date = el("td", {}, e.day || "");
    if (e.date_basis === "published" && e.day) date.append(" ", el("span", { class: "muted small" }, "pub."));
    const trigger = el("td");
    trigger.append(el("a", { href: `/articles/${e.article_sha1}#event-${e.idx}`, class: "open-event" }, e.trigger));
    const score = el("td", { class: "num" }, e.score === null ? "" : e.score);
    score.style.color = scoreColour(e.score);
    const who = el("td", {}, names(e.actor) + " → " + names(e.recipient));
    // roles a coding convention filled, not read from the text
    if (e.inferred && e.inferred.length) who.append(" ", el("span", { class: "muted small" }, "(inferred: " + e.inferred.join(", ") + ")"));
    tr.append(date, el("td", {}, e.type), who,
      el("td", { class: "m-" + e.modality }, e.modality), el("td", {}, e.place || ""), trigger, score,
      el("td", { class: "num" }, e.confidence === null ? "" : e.confidence.toFixed(2)),
      el("td", { title: e.article_id }, e.article_title || e.article_id));
    tr.addEventListener("click", (ev) => { if (ev.target.tagName !== "A") location.href = tr.dataset.href; });
    return tr;
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); state.offset = 0; load(); });
  for (const th of document.querySelectorAll("th[data-sort]")) {
    th.addEventListener("click", () => {
      state.order = state.sort === th.dataset.sort && state.order === "asc" ? "desc" : "asc";
      state.sort = th.dataset.sort;
      state.offset = 0;
      load();
    });
  }
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.limit); load(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += state.limit; load(); });
  load();
})();
