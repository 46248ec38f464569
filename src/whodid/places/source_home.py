"""A local paper's home: the state or province most of its stories are in.

A local story rarely names its own state ("Mansfield police said ..." in an Ohio paper):
the text alone cannot tell which Mansfield. The paper's other stories can. ``SourceHomes``
holds, for each ``Article.source`` (a paper's domain or name), the (country, admin1) areas
its stories placed names in that only one area has (a state named, a town with no namesake
in another state, a small namesake the story's own context chose). Once at least
``MIN_STORIES`` stories voted and ``MIN_SHARE`` of them voted for one area, that area is
the source's home, and a namesake there is preferred when the story's own text does not
decide (``Context.home`` in ``geocode``).

The votes are learnt in a first pass over a batch that uses no home itself
(``PlacesStage(homes, learn=True)``); the second pass reads the table and never
changes it. So the home is a function of the set of stories, not of their order: an
article's places are the same whichever stories came before it, in one process or split
among workers that share the table. Nothing is stored between runs and nothing is learnt
for articles without a source. A story votes once per area, so one long story about a
trip does not move its paper.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

MIN_STORIES = 1  # stories with a vote before a home is named (2: LGL 0.896, 1: 0.902; TR-News 0.921 both)
MIN_SHARE = 0.5  # of the voting stories that must have voted for the home


class SourceHomes:
    def __init__(self) -> None:
        self._votes: dict[str, Counter] = {}
        self._stories: Counter = Counter()

    def home(self, source: str | None) -> tuple[str, str] | None:
        """The (ISO2 country, admin1 name) most of the source's stories are in, if any
        (of two areas with as many votes, the first in sorted order: never the order learnt)."""
        if not source or self._stories[source] < MIN_STORIES:
            return None
        cell, votes = min(self._votes[source].items(), key=lambda item: (-item[1], item[0]))
        return cell if votes >= MIN_SHARE * self._stories[source] else None

    def learn(self, source: str | None, areas: Iterable[tuple[str, str]]) -> None:
        """Record the areas one story of ``source`` named unambiguously (one vote each)."""
        areas = set(areas)
        if not source or not areas:
            return
        self._stories[source] += 1
        self._votes.setdefault(source, Counter()).update(areas)

