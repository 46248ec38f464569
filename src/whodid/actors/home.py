"""Where an article's story is, from places the text names by their region.

"tortured by police in Rajshahi's Mohonpur": a place named with the region it lies in
("in X's Y") says where the story happens as plainly as a dateline does, even when the
parse takes the region for a person (spaCy tags "Rajshahi" PERSON there) and the town
is too small for the gazetteer. The region's country counts for the article's country
(``_State.article_country``) with ``REGION_PLACE_VOTES``: more than one place named in
passing (1.0), less than a dateline (3.0).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from whodid.nlp.extensions import positions_in

if TYPE_CHECKING:
    from whodid.actors.resolve import _State

PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "from"})
REGION_PLACE_VOTES = 1.5
POSS = frozenset({"'s", "’s"})
# a site's section named for a country ("thedailystar.net/news/bangladesh/...", "/india-news/"):
# the editors filed the story under that country, as plain as a region named with its place
URL_SECTION_VOTES = 1.5
# a country-code domain ("chiletoday.cl", "rnz.co.nz"): the publisher's country, where most of
# its stories are, counted as one place named in passing
URL_DOMAIN_VOTES = 1.0
# country codes sold as generic domains, which say nothing of where a site is
GENERIC_TLDS = frozenset({"co", "io", "tv", "me", "ly", "fm", "ai", "am", "cc", "ws", "to", "la", "gg", "nu", "so",
                          "sh", "ac", "st", "is", "it", "im", "vc", "tk", "ml", "ga", "cf", "gq", "eu", "su"})
_SLUG = re.compile(r"[a-z]+(?:-[a-z]+)*")
# a publication at home in one country (a section the editors filed the story under, "/news/taiwan/";
# a site named for the country, its people or its capital, "taipeitimes.com", "todaynicaragua.com",
# "namibian.com.na") tells of that country's groups and bodies when it names them with no country
# ("the military court", "lawmakers"): its home is the article's country unless another country is
# named this many times as often (a Taipei Times story that names China 8 times and Taiwan 4)
PUBLISHER_MARGIN = 3.0
# host labels that are no part of a site's name
_HOST_NOISE = frozenset({"www", "com", "net", "org", "co", "en", "english", "news"})


def region_place_countries(st: _State) -> list[str]:
    """The countries of the regions in "in X's Y" phrases (X a place the gazetteer places in
    one country, not a person the knowledge base knows, Y a proper name)."""
    doc = st.doc
    out: list[str] = []
    gaz = None
    n = len(doc)
    for i in positions_in(doc, PLACE_PREPOSITIONS):
        t = doc[i]
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


def url_countries(st: _State, url: str | None) -> list[tuple[str, float]]:
    """Votes for the article's country from its address: a path section that is a country's
    name ("/news/bangladesh/", "/india-news/"; not the headline's slug, the last part) and a
    country-code domain (".cl", ".co.nz"; the generic ones such as ".tv" or ".co" aside)."""
    if not url:
        return []
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    names = _country_slugs(st)
    out: list[tuple[str, float]] = []
    sections = [x.lower() for x in parts.path.split("/") if x][:-1]
    found = {names[x.removesuffix("-news")] for x in sections if _SLUG.fullmatch(x) and x.removesuffix("-news") in names}
    out += [(c, URL_SECTION_VOTES) for c in sorted(found)]
    host = (parts.hostname or "").lower().rstrip(".")
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    country = _country_codes(st).get(tld) if tld not in GENERIC_TLDS else None
    if country:
        out.append((country, URL_DOMAIN_VOTES))
    return out


def publisher_country(st: _State, url: str | None) -> str | None:
    """The country the publication is at home in, from its address: the country whose
    name, people's adjective or capital the site's name holds ("taipeitimes.com",
    "todaynicaragua.com", "namibian.com.na", "tehrantimes.com"; the longest such name, a
    four-letter one only at the start or end of the name: "diariodecuba", not "womanstimes")."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower().rstrip(".")
    labels = [x.replace("-", "") for x in host.split(".")[:-1] if x not in _HOST_NOISE]
    names = _site_names(st)
    best: tuple[int, set[str]] = (0, set())
    for label in labels:
        for name, isos in names.items():
            at = label.find(name)
            if at < 0 or (len(name) < 5 and at not in (0, len(label) - len(name))):
                continue
            if len(name) > best[0]:
                best = (len(name), set(isos))
            elif len(name) == best[0]:
                best[1].update(isos)
    return next(iter(best[1])) if len(best[1]) == 1 else None


def _site_names(st: _State) -> dict[str, set[str]]:
    """Countries' names, their people's adjectives and their capitals as written in a site's
    name ("southafrica", "namibian", "taipei") -> ISO3 (four letters or more)."""
    cache = getattr(st.kb, "_site_names", None)
    if cache is None:
        cache = {}

        def add(name: str, iso: str) -> None:
            key = re.sub(r"[^a-z]", "", name.lower())
            if len(key) >= 4:
                cache.setdefault(key, set()).add(iso)

        for iso, c in st.kb.countries.items():
            if not c.historical:
                for name in [*c.names, *c.adjectives]:
                    add(name, iso)
        gaz = st.gazetteer()
        for iso, c in (gaz.by_iso3.items() if gaz is not None else ()):
            if iso in st.kb.countries and c.get("capital"):
                add(c["capital"], iso)
        st.kb._site_names = cache
    return cache


def _country_slugs(st: _State) -> dict[str, str]:
    """Country names as written in addresses ("bangladesh", "south-korea") -> ISO3."""
    cache = getattr(st.kb, "_url_slugs", None)
    if cache is None:
        cache = {}
        for iso, c in st.kb.countries.items():
            if c.historical:
                continue
            for name in c.names:
                slug = "-".join(re.findall(r"[a-z]+", name.lower()))
                if slug:
                    cache.setdefault(slug, iso)
        st.kb._url_slugs = cache
    return cache


def _country_codes(st: _State) -> dict[str, str]:
    """Country-code top-level domains -> ISO3 (the ISO 3166 two-letter code; Britain's is .uk)."""
    cache = getattr(st.kb, "_url_tlds", None)
    if cache is None:
        cache = {c.iso2.lower(): iso for iso, c in st.kb.countries.items() if getattr(c, "iso2", None)}
        cache["uk"] = "GBR"
        st.kb._url_tlds = cache
    return cache
