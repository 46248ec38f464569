import json
import sys
from pathlib import Path

from whodid.model import Actor, Analysis, Article, Check, Event, Mention, Quote, Offsets, text_sha1

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))


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


def _event_dict(**changes):
    text = "Putin met Macron."
    data = Analysis(article=Article(text=text), events=[
        Event(type="CONSULT", sentence=Offsets(0, len(text)), trigger=Mention(6, 9, "met"))]).to_dict()
    data["events"][0].update(changes)
    return data


@pytest.mark.parametrize("changes, named", [
    ({"modality": "maybe"}, "events.0.modality"),
    ({"date_precision": "week"}, "events.0.date_precision"),
    ({"confidence": 1.5}, "events.0.confidence"),
    ({"quad_class": 7}, "events.0.quad_class"),
    ({"actor": "Q7747"}, "events.0.actor"),
])
def test_invalid_values_are_refused_with_the_field_named(changes, named):
    with pytest.raises(ValueError, match=named.replace(".", r"\.")):
        Analysis.from_dict(_event_dict(**changes))


def test_reading_json_keeps_the_dataclasses_and_their_attributes():
    analysis = Analysis.from_json(json.dumps(_event_dict(modality="negated")))
    assert type(analysis) is Analysis and isinstance(analysis.events[0], Event)
    assert analysis.events[0].modality == "negated" and analysis.article.id == analysis.article.text_sha1[:12]


def test_published_json_schema_is_generated_from_the_model_and_validates_its_output():
    import jsonschema

    from build_schema import TARGET, render

    assert TARGET.read_text("utf-8") == render(), "docs/analysis.schema.json is stale: run scripts/build_schema.py"
    schema = json.loads(TARGET.read_text("utf-8"))
    jsonschema.validate(_event_dict(), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(_event_dict(modality="maybe"), schema)
