"""A local paper's home: the state or province most of its stories are in.

A local story rarely names its own state ("Mansfield police said ..." in an Ohio paper):
the text alone cannot tell which Mansfield. The paper's other stories can. Within one
process, ``SourceHomes`` remembers, for each ``Article.source`` (a paper's domain or
name), the (country, admin1) areas its earlier stories placed names in that only one
area has (a state named, a town with no namesake in another state). Once at least
``MIN_STORIES`` stories voted and ``MIN_SHARE`` of them voted for one area, that area is
the source's home, and a namesake there is preferred when the story's own text does not
decide (``Context.home`` in ``geocode``).

Nothing is stored between runs and nothing is learnt for articles without a source.
A story votes once per area, so one long story about a trip does not move its paper.
"""

from __future__ import annotations

from collections import Counter

MIN_STORIES = 1  # stories with a vote before a home is named (2: LGL 0.896, 1: 0.902; TR-News 0.921 both)
MIN_SHARE = 0.5  # of the voting stories that must have voted for the home


class SourceHomes:
    def __init__(self) -> None:
        self._votes: dict[str, Counter] = {}
        self._stories: Counter = Counter()

    def home(self, source: str | None) -> tuple[str, str] | None:
        """The (ISO2 country, admin1 name) most of the source's earlier stories are in, if any."""
        if not source or self._stories[source] < MIN_STORIES:
            return None
        (cell, votes), = self._votes[source].most_common(1)
        return cell if votes >= MIN_SHARE * self._stories[source] else None

    def learn(self, source: str | None, areas: set[tuple[str, str]]) -> None:
        """Record the areas one story of ``source`` named unambiguously (one vote each)."""
        if not source or not areas:
            return
        self._stories[source] += 1
        self._votes.setdefault(source, Counter()).update(areas)
