"""Names two states share: "Korea", "Korean", "Koreans" (the knowledge base's ``shared_names``,
listed in ``data/kb/shared_names.tsv``).

The knowledge base names North and South Korea only in full ("South Korea", "North Korean",
"DPRK"), so a bare "Korea" or "Korean" named no country, and a group it qualifies took the
country of the article ("Korean government officials" in a story told from Washington:
USAGOV). English news qualifies the North ("North Korea", "Pyongyang", "the DPRK"); the
unqualified name is the South's, which calls itself Korea (the Republic of Korea; "Korea's
imports", "Korean companies"). So a bare form is South Korea's, unless the article names
North Korea and not South Korea, when it is the North's. The form then counts as its
country's name, adjective or people ("Korean government officials": KORGOV).

Left alone: the form after "North"/"South" (the knowledge base reads those), after a hyphen
("inter-Korean", "pro-Korean"), and inside a name or a place ("Korean Peninsula", "the Korean
War", "Korean Air").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from whodid.actors.resolve import _State

QUALIFIERS = frozenset({"north", "south"})
NAMED_ENTITIES = frozenset({"GPE", "LOC", "FAC", "ORG", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})


def shared_names(st: _State) -> None:
    """Add the bare forms of the knowledge base's shared names (``kb.shared_names``, from
    ``data/kb/shared_names.tsv``) as mentions of the state the article means by them."""
    doc = st.doc
    shared = st.kb.shared_names
    if not shared:
        return
    chosen: dict[tuple[str, ...], str] = {}
    for i, text in enumerate(st.texts):  # the words, not the Doc: a Token object per word costs
        entry = shared.get(text)
        if entry is None:
            continue
        t = doc[i]
        if st.at(t.i) is not None or t.ent_type_ in NAMED_ENTITIES and t.ent_iob_ == "I":
            continue
        if t.i > 0 and (doc[t.i - 1].lower_ in QUALIFIERS or doc[t.i - 1].text in ("-", "–")
                        and not doc[t.i - 1].whitespace_):
            continue
        if t.ent_type_ in NAMED_ENTITIES and t.i + 1 < len(doc) and doc[t.i + 1].ent_iob_ == "I":
            continue  # the first word of a longer name: "Korean Air", "the Korean Peninsula"
        form, states = entry
        if states not in chosen:
            chosen[states] = _meant(st, states)
        iso = chosen[states]
        if form == "C":
            st.add(st.country_actor(iso), t.i, t.i + 1, "name", 0.8)
        elif form == "A":
            st.add(st.country_actor(iso), t.i, t.i + 1, "adjective", 0.6)
        else:
            st.add(st.group_actor(iso, "CVL", plural_name=True), t.i, t.i + 1, "name", 0.7)


def _meant(st: _State, states: tuple[str, ...]) -> str:
    """The first of ``states`` unless the article names only another of them."""
    named = {st.res.actors[f.actor].country for f in st.res.found if f.how != "pronoun"}
    named = {s for s in states if s in named}
    if len(named) == 1:
        return named.pop()
    return states[0]
