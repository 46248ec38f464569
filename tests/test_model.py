from whodid.model import Actor, Analysis, Article, Check, Event, Mention, Quote, Offsets, text_sha1

import pytest


def test_article_gets_content_hash_and_default_id():
    article = Article(text="Putin met Macron.")
    assert article.text_sha1 == text_sha1("Putin met Macron.")
    assert article.id == article.text_sha1[:12]


def test_analysis_round_trips_through_json():
    text = "Putin met Macron in Moscow."
    analysis = Analysis(
        article=Article(text=text, title="Talks", published="2022-02-07"),
        actors=[Actor(id="Q7747", name="Vladimir Putin", kind="person", code="RUSGOV",
                      mentions=[Mention(0, 5, "Putin")])],
        quotes=[Quote(text="open to talks", start=3, end=9, kind="partial", speaker="Q7747")],
        events=[Event(type="CONSULT", sentence=Offsets(0, len(text)), trigger=Mention(6, 9, "met"),
                      actor=["Q7747"], context=["diplomatic"], modality="asserted", confidence=0.8)],
        checks=[Check(kind="x", message="y", start=0, end=5)],
    )
    again = Analysis.from_json(analysis.to_json())
    assert again == analysis
    assert isinstance(again.events[0].trigger, Mention)
    assert again.actors[0].mentions[0].text == text[0:5]


def test_from_dict_rejects_unknown_fields_and_versions():
    data = Analysis(article=Article(text="x")).to_dict()
    data["article"]["colour"] = "red"
    with pytest.raises(ValueError, match="colour"):
        Analysis.from_dict(data)
    with pytest.raises(ValueError, match="schema_version"):
        Analysis.from_dict({**Analysis(article=Article(text="x")).to_dict(), "schema_version": 99})


def test_reading_many_items_resolves_each_class_type_hints_once(monkeypatch):
    # get_type_hints re-evaluates every annotation; run per object it made from_json cost ~24 ms an article
    import typing

    calls = []
    real = typing.get_type_hints
    monkeypatch.setattr(typing, "get_type_hints", lambda tp, *a, **k: calls.append(tp) or real(tp, *a, **k))
    text = "Putin met Macron. " * 50
    analysis = Analysis(
        article=Article(text=text),
        actors=[Actor(id=f"Q{i}", name="Putin", kind="person", mentions=[Mention(0, 5, "Putin")] * 5)
                for i in range(20)],
        events=[Event(type="CONSULT", sentence=Offsets(0, 17), trigger=Mention(6, 9, "met")) for _ in range(20)],
    )
    assert Analysis.from_json(analysis.to_json()) == analysis
    assert len(calls) == len(set(calls)) <= 9  # at most once per dataclass, however many objects
