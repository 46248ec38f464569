"""The write path: store analysed articles as an ingest does.

Each article joins its story (near-duplicates, ``near_duplicates.StoryIndex``) and
its events join the event clusters of earlier articles (``clusters.link_events``).
Ingest, watch and the web app's "analyse and store" all write through here.
"""

from __future__ import annotations

from collections.abc import Sequence

from whodid.model import Analysis
from whodid.store import Store
from whodid.store.clusters import DEFAULT_WINDOW_DAYS, link_events
from whodid.store.near_duplicates import StoryIndex, signature

Batch = list[tuple[Analysis, str]]  # analyses with the origin of each article


def store_analyses(store: Store, stories: StoryIndex, done: Batch, failures: Sequence[tuple[str, str, str]] = (),
                   window_days: int = DEFAULT_WINDOW_DAYS) -> tuple[int, list[tuple]]:
    """Store analysed articles as an ingest does: each joins its story (near-duplicates), its events
    their clusters. Returns how many were stored and the story links written."""
    links = []
    for analysis, _ in done:
        sha, values = analysis.article.text_sha1, signature(analysis.article.text)
        story_id, similarity = stories.assign(sha, values)
        links.append((sha, story_id, similarity, values.tolist()))
    stored = store.write(done, failures, links)
    # one event, many reports: the batch's events join the clusters of earlier articles
    if done:
        link_events(store.con, window_days, [a.article.text_sha1 for a, _ in done])
    return stored, links
