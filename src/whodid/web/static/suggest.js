// Autocomplete for actor fields: as the user types, the datalist fills with the actors whose
// name, code or a name the texts used begins with what was typed (GET /api/suggest/actors).
"use strict";
(function () {
  const list = document.getElementById("actor-suggestions");
  if (!list) return;
  let timer = null;
  let asked = "";
  async function suggest(input) {
    const q = input.value.trim();
    if (q.length < 2 || q === asked) return;
    asked = q;
    let body;
    try {
      body = await getJSON("/api/suggest/actors?limit=12&q=" + encodeURIComponent(q));
    } catch (e) {
      return;
    }
    if (input.value.trim() !== q) return; // the user typed on
    list.replaceChildren(...body.items.map((x) => {
      const label = [x.code, x.alias ? "written " + x.alias : null, x.articles + " articles"].filter(Boolean).join(" · ");
      return el("option", { value: x.name, label: label });
    }));
  }
  for (const input of document.querySelectorAll("input.actor-input")) {
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => suggest(input), 150); });
  }
})();
