"""scripts/news_gold.py: packing adds to the packed gold instead of replacing it, and pick skips packed articles."""

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "news_gold.py"
spec = importlib.util.spec_from_file_location("news_gold", SCRIPT)
news_gold = importlib.util.module_from_spec(spec)
spec.loader.exec_module(news_gold)

TEXT = "The army attacked the town. Rebels said the army attacked them again.\nPolice arrested ten people."


def even_ids(count, prefix):
    """Ids whose SHA-1 is even (the development half), so the test never needs an odd one."""
    found, n = [], 0
    while len(found) < count:
        candidate = f"{prefix}{n}"
        if news_gold.is_development(candidate):
            found.append(candidate)
        n += 1
    return found


def raw_record(article_id, sentence="The army attacked the town.", mentions=("Rebels said the army attacked them again.",)):
    return {"corpus": "newswire", "id": article_id, "annotator": "t", "events": [
        {"sentence": sentence, "start": 0, "mentions": list(mentions), "trigger": "attacked",
         "type": "ASSAULT", "mode": None, "actor": [{"name": "The army", "code": "---MIL"}],
         "recipient": [], "modality": "asserted"}]}


def write_raw(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def parts(gold_dir):
    return {part: [r["id"] for r in records] for part, records in news_gold.packed_records(gold_dir).items()}


def test_pack_keeps_packed_articles_and_adds_new_ones(tmp_path):
    first, second = even_ids(2, "gold-test-")
    corpus = {first: TEXT, second: TEXT}
    gold = tmp_path / "gold"
    assert news_gold.pack_files([write_raw(tmp_path / "a.jsonl", [raw_record(first)])], corpus, gold) == 0
    assert news_gold.pack_files([write_raw(tmp_path / "b.jsonl", [raw_record(second)])], corpus, gold) == 0
    packed = parts(gold)
    assert sorted(packed["tune"] + packed["heldaside"]) == sorted([first, second])
    for article_id in (first, second):
        part = "heldaside" if news_gold.is_held_aside(article_id) else "tune"
        assert article_id in packed[part]
    record = next(r for recs in news_gold.packed_records(gold).values() for r in recs if r["id"] == first)
    event = record["events"][0]
    assert record["text_sha1"] == hashlib.sha1(TEXT.encode()).hexdigest()
    assert (event["start"], event["end"]) == (0, 27)
    assert event["mentions"] == [TEXT.index("Rebels")]
    assert TEXT[event["trigger"]["start"]:event["trigger"]["end"]] == "attacked"


def test_pack_again_replaces_the_article_once(tmp_path):
    (only,) = even_ids(1, "gold-again-")
    corpus = {only: TEXT}
    gold = tmp_path / "gold"
    news_gold.pack_files([write_raw(tmp_path / "a.jsonl", [raw_record(only)])], corpus, gold)
    news_gold.pack_files([write_raw(tmp_path / "b.jsonl", [raw_record(only, mentions=())])], corpus, gold)
    records = [r for recs in news_gold.packed_records(gold).values() for r in recs]
    assert [r["id"] for r in records] == [only]
    assert records[0]["events"][0]["mentions"] == []


def test_pack_writes_nothing_when_an_annotation_is_wrong(tmp_path, capsys):
    good, bad = even_ids(2, "gold-bad-")
    corpus = {good: TEXT, bad: TEXT}
    gold = tmp_path / "gold"
    news_gold.pack_files([write_raw(tmp_path / "a.jsonl", [raw_record(good)])], corpus, gold)
    before = {p.name: p.read_text() for p in gold.iterdir()}
    wrong = write_raw(tmp_path / "b.jsonl", [raw_record(bad, sentence="The navy attacked the town.")])
    assert news_gold.pack_files([wrong], corpus, gold) == 1
    assert "is not in the article text" in capsys.readouterr().err
    assert {p.name: p.read_text() for p in gold.iterdir()} == before


def test_mention_offset_outside_the_article_is_an_error():
    event = raw_record("x")["events"][0] | {"mentions": [len(TEXT) + 5]}
    with pytest.raises(ValueError, match="outside the article"):
        news_gold.pack_event(event, TEXT)


def test_pick_skips_articles_already_packed(tmp_path):
    first, second = even_ids(2, "gold-taken-")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "tune.jsonl").write_text(json.dumps({"id": first, "events": []}) + "\n")
    (gold / "heldaside.jsonl").write_text(json.dumps({"id": second, "events": []}) + "\n")
    dev = tmp_path / "dev.jsonl"
    dev.write_text(json.dumps({"id": "shared-1", "events": []}) + "\n")
    assert news_gold.taken_ids(gold, dev) == {first, second, "shared-1"}


def test_shipped_gold_has_no_article_twice():
    ids = [r["id"] for recs in news_gold.packed_records(news_gold.GOLD).values() for r in recs]
    assert ids and len(ids) == len(set(ids))
    assert all(news_gold.is_development(i) for i in ids)


def test_pick_takes_one_corpus_and_a_lower_political_threshold(tmp_path, monkeypatch):
    bbc_ids, wire_ids = even_ids(2, "gold-pick-bbc-"), even_ids(1, "gold-pick-wire-")
    # five political words (minister, opposition, party, police, protest): below the default of 8
    mild = "The minister met the opposition party. The police watched the protest. " + "The rain kept falling. " * 10
    articles = {"bbc": [{"id": bbc_ids[0], "text": mild, "category": "politics"},
                        {"id": bbc_ids[1], "text": mild, "category": "sport"}],
                "newswire": [{"id": wire_ids[0], "text": mild}]}
    monkeypatch.setattr(news_gold, "read_corpus", lambda corpus: iter(articles[corpus]))
    monkeypatch.setattr(news_gold, "taken_ids", lambda gold: set())

    def picked(*options):
        out = tmp_path / "-".join(options).replace("--", "")
        args = news_gold.argparse.Namespace(out=str(out), gold="unused", per_corpus=9, min_chars=100,
                                            max_chars=100000, min_political=8, corpus=None)
        for option, value in zip(options[::2], options[1::2]):
            setattr(args, option.lstrip("-").replace("-", "_"), [value] if option == "--corpus" else int(value))
        news_gold.pick(args)
        return (out / "INDEX.txt").read_text().split()

    assert picked("--min-political", "8") == []
    assert picked("--min-political", "5") == ["bbc", bbc_ids[0], "newswire", wire_ids[0]]
    assert picked("--min-political", "5", "--corpus", "bbc") == ["bbc", bbc_ids[0]]
