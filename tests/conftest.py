"""Shared fixtures. The spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import pytest

from helpers import SEED


@pytest.fixture(scope="session")
def nlp():
    from whodid import nlp as whodid_nlp

    return whodid_nlp.load()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(nlp, seed_text):
    return nlp(seed_text)


@pytest.fixture(scope="session")
def make_articles(seed_text):
    """``n`` distinct English articles as JSONL objects, built from the reference article's paragraphs."""
    paragraphs = [p for p in seed_text.split("\n\n") if len(p) > 80]

    def make(n: int, paragraphs_each: int = 3) -> list[dict]:
        articles = []
        for i in range(n):
            picked = [paragraphs[(i + k) % len(paragraphs)] for k in range(paragraphs_each)]
            text = "\n\n".join(picked) + f"\n\nThis is report number {i} on the talks."
            articles.append({"id": f"art-{i:04d}", "title": f"Report {i}", "text": text, "published": "2022-12-02"})
        return articles

    return make
