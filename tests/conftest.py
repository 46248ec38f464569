"""Shared fixtures. The spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import pytest

from helpers import SEED, hand_coder, word_mentions
from pg_server import pg_server, pg_url  # noqa: F401  (PostgreSQL fixtures, started only when a test asks)


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


@pytest.fixture(scope="session")
def code_events(nlp):
    """``run(text, published)``: the actors, quotes and events stages on one text, built once."""
    from whodid.actors import ActorsStage
    from whodid.events import EventsStage
    from whodid.model import Analysis, Article
    from whodid.quotes import QuotesStage

    stages = [ActorsStage(), QuotesStage(), EventsStage()]

    def run(text: str, published: str | None) -> Analysis:
        doc = nlp(text)
        analysis = Analysis(article=Article(text=text, published=published))
        for stage in stages:
            stage(doc, analysis)
        return analysis

    return run


@pytest.fixture(scope="session")
def places_of():
    """``places_of(text)``: each place mention's text -> its Place, from the actors and places stages."""
    from whodid.model import Article
    from whodid.pipeline import Pipeline, PipelineConfig

    pipeline = Pipeline(PipelineConfig(stages=("actors", "places")))

    def run(text: str) -> dict:
        return {m.text: p for p in pipeline.analyze(Article(text=text)).places for m in p.mentions}

    return run


@pytest.fixture(scope="module")
def actors_pipeline(nlp):
    """A pipeline of the actors stage alone."""
    from whodid.actors import ActorsStage
    from whodid.pipeline import Pipeline

    return Pipeline(stages=[ActorsStage()])


@pytest.fixture(scope="module")
def hand_code(nlp):
    """``hand_code(text, {word: (id, code)})``: the events stage's events with persons built by hand."""
    from whodid.model import Actor

    run = hand_coder(nlp)
    return lambda text, names: run(text, [Actor(id=aid, name=word, kind="person", code=c, mentions=word_mentions(text, word))
                                          for word, (aid, c) in names.items()])


@pytest.fixture(scope="module")
def criticism_code(nlp):
    """``criticism_code(text, {word: (id, code)}, triggers=False)``: the events stage's (type, actor,
    recipient) with persons of the codes' country and sector built by hand (or the triggers' texts)."""
    from whodid.model import Actor

    coder = hand_coder(nlp)

    def run(text: str, names: dict[str, tuple[str, str]], triggers: bool = False):
        events = coder(text, [Actor(id=aid, name=word, kind="person", code=c, country=c[:3], sector=c[3:] or None,
                                    mentions=word_mentions(text, word)) for word, (aid, c) in names.items()])
        return [(e.type, e.actor, e.recipient) for e in events] if not triggers else [e.trigger.text for e in events]

    return run
