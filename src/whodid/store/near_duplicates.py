"""Near-duplicate articles (wire copy republished with small edits) grouped into stories.

MinHash signatures of word 5-gram shingles, indexed with datasketch's LSH: an
article whose estimated Jaccard similarity to a stored one is at least
``THRESHOLD`` joins that article's story; otherwise it starts a story of its own
(story id = its content hash). Signatures are stored, so the index is rebuilt
from the database and a later run links new copies to old stories.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
THRESHOLD = 0.8
SHINGLE_WORDS = 5
# Fixed so that signatures stored by one run match those computed by the next.
SCHEME = "affine32"
_DTYPE = MinHash(num_perm=NUM_PERM, scheme=SCHEME).hashvalues.dtype


def signature(text: str) -> np.ndarray:
    words = text.lower().split()
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8")
                for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(shingles))
    return minhash.hashvalues


class StoryIndex:
    def __init__(self, stored: Iterable[tuple[str, str, list[int]]] = ()):
        """``stored``: (article sha1, story id, signature) of articles already in the database."""
        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.story: dict[str, str] = {}
        self.minhash: dict[str, MinHash] = {}
        for sha, story_id, values in stored:
            self._add(sha, story_id, np.asarray(values, dtype=_DTYPE))

    def _add(self, sha: str, story_id: str, values: np.ndarray) -> None:
        minhash = MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME)
        self.lsh.insert(sha, minhash)
        self.story[sha] = story_id
        self.minhash[sha] = minhash

    def assign(self, sha: str, values: np.ndarray) -> tuple[str, float | None]:
        """(story id, similarity to the closest earlier member, or None for a new story)."""
        if sha in self.story:
            return self.story[sha], None
        minhash = MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME)
        best = max(((minhash.jaccard(self.minhash[k]), k) for k in self.lsh.query(minhash)), default=None)
        story_id, similarity = (self.story[best[1]], best[0]) if best else (sha, None)
        self._add(sha, story_id, values)
        return story_id, similarity
