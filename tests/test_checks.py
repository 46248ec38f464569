"""Checks an editor acts on: the reference article's, and none on clean copy."""

import json

import pytest

from conftest import SAMPLES
from whodid.model import Article
from whodid.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def test_reference_article_checks(pipeline, seed_text):
    a = pipeline.analyze(Article(text=seed_text))
    kinds = {c.kind: c for c in a.checks}
    headline = kinds["headline_unsupported"]
    assert seed_text[headline.start:headline.end].startswith("Biden and Macron are to meet")
    assert "conditional" in headline.message and headline.severity == "warning"
    mismatch = kinds["name_mismatch"]
    assert seed_text[mismatch.start:mismatch.end] == "Manuel Macron" and "Emmanuel Macron" in mismatch.message
    assert kinds["published_inferred"].severity == "info" and "2022-12-02" in kinds["published_inferred"].message
    # warnings first, then info
    severities = [c.severity for c in a.checks]
    assert severities == sorted(severities, key={"error": 0, "warning": 1, "info": 2}.get)


def test_a_headline_the_body_supports_raises_nothing(pipeline):
    text = ("Putin and Macron meet in Moscow\n\n"
            "Russian President Vladimir Putin met French President Emmanuel Macron in Moscow on Monday "
            "for five hours of talks on Ukraine, the Kremlin said.")
    a = pipeline.analyze(Article(text=text, published="2022-02-08"))
    assert [e for e in a.events if e.trigger.start < text.index("\n")], "the headline's own event"
    assert not [c for c in a.checks if c.kind == "headline_unsupported"]


def test_bundled_clean_articles_raise_no_headline_warning(pipeline):
    rows = [json.loads(line) for line in (SAMPLES / "articles.jsonl").open(encoding="utf-8")]
    for row, analysis in zip(rows, pipeline.analyze_many(
            Article(text=r["text"], title=r["title"], published=r.get("published")) for r in rows)):
        assert not [c for c in analysis.checks if c.kind == "headline_unsupported"], row["id"]
