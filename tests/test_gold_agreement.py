"""scripts/gold_agreement.py: two made-up codings scored against each other by whodid's news scorer (no ../shared)."""

import importlib.util
import json
from pathlib import Path

import pytest

from whodid.eval.news import GoldArticle, GoldError, GoldEvent, Party

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "gold_agreement.py"
spec = importlib.util.spec_from_file_location("gold_agreement", SCRIPT)
gold_agreement = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gold_agreement)

TEXT = ("Britain accused France of lying about the deal. The two leaders met in Paris on Monday.\n\n"
        "Rebels attacked a convoy near the border. Officials said the rebels attacked it again.")
ACCUSE_S = (0, 47)
MEET_S = (48, 87)
ATTACK_S = (89, 130)
AGAIN_S = (131, 178)


def event(type_, span, trigger, actor, recipient=(), mentions=()):
    return GoldEvent(type=type_, spans=[span, *mentions], actor=[Party("", c) for c in actor],
                     recipient=[Party("", c) for c in recipient], trigger=trigger)


def article(*events, article_id="a1"):
    return GoldArticle("newswire", article_id, TEXT, list(events))


ACCUSE = event("ACCUSE", ACCUSE_S, "accused", ["GBRGOV"], ["FRAGOV"])
MEET = event("CONSULT", MEET_S, "met", ["GBRGOV", "FRAGOV"])
ATTACK = event("ASSAULT", ATTACK_S, "attacked", ["---REB"], ["---CVL"], mentions=[AGAIN_S])


def test_the_made_up_text_has_the_sentences_the_tests_assume():
    assert TEXT[slice(*ACCUSE_S)].endswith("deal.") and TEXT[slice(*AGAIN_S)].endswith("again.")
    assert TEXT[slice(*ATTACK_S)].startswith("Rebels") and TEXT[slice(*MEET_S)].startswith("The two")


def test_identical_codings_agree_fully_both_ways():
    result = gold_agreement.agreement([article(ACCUSE, MEET, ATTACK)], [article(ACCUSE, MEET, ATTACK)])
    for key in ("B against A", "A against B"):
        for level in ("full", "type"):
            assert result[key][level]["f1"] == 1.0
    assert result["events"] == {"A": 3, "B": 3}


def test_a_missed_event_and_an_extra_one_count_in_precision_and_recall():
    extra = event("REQUEST", MEET_S, "met", ["FRAGOV"], ["GBRGOV"])
    result = gold_agreement.agreement([article(ACCUSE, MEET, ATTACK)], [article(ACCUSE, extra)])
    full = result["B against A"]["full"]
    assert (full["gold"], full["emitted"], full["matched"]) == (3, 2, 1)
    assert full["precision"] == 0.5 and full["recall"] == pytest.approx(1 / 3)
    back = result["A against B"]["full"]
    assert (back["gold"], back["emitted"], back["matched"]) == (2, 3, 1)
    assert result["B against A"]["confusion"]["CONSULT"] == {"REQUEST": 1}


def test_a_wrong_country_fails_the_parties_but_not_the_type():
    other = event("ACCUSE", ACCUSE_S, "accused", ["GBRGOV"], ["DEUGOV"])
    fig = gold_agreement.agreement([article(ACCUSE)], [article(other)])["B against A"]
    assert fig["full"]["matched"] == 0 and fig["type"]["matched"] == 1


def test_an_empty_gold_recipient_makes_the_directions_differ():
    named = event("ASSAULT", ATTACK_S, "attacked", ["---REB"], ["NGAMIL"])
    unnamed = event("ASSAULT", ATTACK_S, "attacked", ["---REB"])
    result = gold_agreement.agreement([article(unnamed)], [article(named)])
    assert result["B against A"]["full"]["matched"] == 1      # A names no recipient: no condition
    assert result["A against B"]["full"]["matched"] == 0      # B names one, A has none
    assert result["A against B"]["type"]["matched"] == 1
    assert result["A against B"]["false_by_cause"] == {"recipient missing": 1}


def test_a_mention_in_the_gold_widens_only_the_gold():
    # A codes the attack in its first sentence with the second as a mention; B codes it in the second only
    b_attack = event("ASSAULT", AGAIN_S, "attacked", ["---REB"], ["---CVL"])
    result = gold_agreement.agreement([article(ATTACK)], [article(b_attack)])
    assert result["B against A"]["type"]["matched"] == 1
    assert result["A against B"]["type"]["matched"] == 0


def test_events_lie_at_their_trigger_else_at_their_sentence():
    a = article()
    assert gold_agreement.as_emitted(a, ATTACK).start == TEXT.index("attacked")
    no_trigger = event("ASSAULT", AGAIN_S, None, ["---REB"])
    assert gold_agreement.as_emitted(a, no_trigger).start == AGAIN_S[0]
    elsewhere = event("ASSAULT", AGAIN_S, "accused", ["---REB"])  # trigger text not in its sentence
    assert gold_agreement.as_emitted(a, elsewhere).start == AGAIN_S[0]


def test_only_common_articles_are_compared_and_none_is_an_error():
    result = gold_agreement.agreement([article(ACCUSE), article(MEET, article_id="a2")], [article(ACCUSE)])
    assert result["articles"] == ["a1"]
    with pytest.raises(GoldError, match="no article in common"):
        gold_agreement.agreement([article(ACCUSE, article_id="x")], [article(ACCUSE)])


def test_different_texts_are_an_error():
    changed = GoldArticle("newswire", "a1", TEXT.replace("Paris", "Lyon"), [ACCUSE])
    with pytest.raises(GoldError, match="different texts"):
        gold_agreement.agreement([article(ACCUSE)], [changed])


def test_command_line_on_files_in_the_shared_format(tmp_path, capsys):
    corpora = tmp_path / "corpora"
    corpora.mkdir()
    (corpora / "en-worldwide-newswire.jsonl").write_text(json.dumps({"id": "a1", "text": TEXT}) + "\n")

    def raw(events):
        return {"corpus": "newswire", "id": "a1", "events": [
            {"sentence": TEXT[slice(*span)], "start": span[0], "trigger": trig, "type": t, "modality": "asserted",
             "actor": [{"name": "x", "code": c} for c in actor], "recipient": [{"name": "y", "code": c} for c in rec]}
            for span, trig, t, actor, rec in events]}

    a = tmp_path / "a.jsonl"
    b = tmp_path / "b.jsonl"
    a.write_text(json.dumps(raw([(ACCUSE_S, "accused", "ACCUSE", ["GBRGOV"], ["FRAGOV"]),
                                 (MEET_S, "met", "CONSULT", ["GBRGOV"], [])])) + "\n")
    b.write_text(json.dumps(raw([(ACCUSE_S, "accused", "ACCUSE", ["GBRGOV"], ["FRAGOV"])])) + "\n")
    assert gold_agreement.main([str(a), str(b), "--shared", str(tmp_path), "--json", "--names", "one", "two"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["two against one"]["full"]["recall"] == 0.5 and out["two against one"]["full"]["precision"] == 1.0
    assert out["one against two"]["full"]["recall"] == 1.0 and out["one against two"]["full"]["precision"] == 0.5
    assert gold_agreement.main([str(a), str(b), "--shared", str(tmp_path), "--show"]) == 0
    shown = capsys.readouterr().out
    assert "ONLY IN A (unmatched when A is the gold)" in shown and "CONSULT 'met'" in shown
    common = tmp_path / "common.jsonl"
    assert gold_agreement.main([str(a), str(b), "--shared", str(tmp_path), "--common-out", str(common)]) == 0
    assert [json.loads(line)["events"] for line in common.read_text().splitlines()] == [json.loads(a.read_text())["events"]]


def test_command_line_names_a_missing_file(tmp_path, capsys):
    assert gold_agreement.main([str(tmp_path / "none.jsonl"), str(tmp_path / "none.jsonl"),
                                "--shared", str(tmp_path)]) == 2
    assert "none.jsonl: no such gold file" in capsys.readouterr().err
