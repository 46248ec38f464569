"""Where an article's story is, from places the text names by their region.

"tortured by police in Rajshahi's Mohonpur": a place named with the region it lies in
("in X's Y") says where the story happens as plainly as a dateline does, even when the
parse takes the region for a person (spaCy tags "Rajshahi" PERSON there) and the town
is too small for the gazetteer. The region's country counts for the article's country
(``_State.article_country``) with ``REGION_PLACE_VOTES``: more than one place named in
passing (1.0), less than a dateline (3.0).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from whodid.actors.resolve import _State

PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "from"})
REGION_PLACE_VOTES = 1.5
POSS = frozenset({"'s", "’s"})


def region_place_countries(st: _State) -> list[str]:
    """The countries of the regions in "in X's Y" phrases (X a place the gazetteer places in
    one country, not a person the knowledge base knows, Y a proper name)."""
    doc = st.doc
    out: list[str] = []
    gaz = None
    n = len(doc)
    for t in doc:
        if t.lower_ not in PLACE_PREPOSITIONS:
            continue
        k = t.i + 1
        while k < n and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            k += 1
        if k == t.i + 1 or k + 1 >= n or doc[k].text not in POSS or doc[k + 1].pos_ != "PROPN" \
                or not doc[k + 1].text[:1].isupper():
            continue
        name = doc[t.i + 1:k].text
        if any(r[0] == "P" for r in st.kb.lookup(name)):
            continue  # "in Blair's Sedgefield": a person's
        gaz = gaz or st.gazetteer()
        if gaz is None:
            return out
        country = gaz.country_of_place(name)
        if country and country in st.kb.countries:
            out.append(country)
    return out
