"""A toponym candidate: a span of the article that may name a place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Toponym:
    start: int
    end: int
    text: str  # the name to look up
    kind: str  # "name", "located" (after "in"/"near"; dropped if unknown), "cued" (a town named in passing:
    # "a Gainesville man"; dropped if unknown), "street" (named, never placed), "territory", "region", "demonym"
    country_hint: str | None = None  # ISO2 for territory/region/demonym forms
    county: bool = False  # followed by "counties": "Eastland and Callahan counties"
    shown: str | None = None  # the name as written, when ``text`` differs from it
    label: str | None = None  # the entity label spaCy gave the span, if any ("GPE")
    within: str | None = None  # the state or country named right after it: "Greenwood, W. Va."
