"""The PolNeAR quote evaluation: brat reading and scoring, on a tiny corpus written here.

The sentences below are made up for these tests; no PolNeAR text is used.
"""

from __future__ import annotations

import json

import pytest

from whodid.eval import quotes as ev
from whodid.model import Actor, Analysis, Article, Mention, Quote

TEXT = (
    "Mayor Jane Rowe said that the old bridge would reopen in May.\n\n"
    "\u201cWe are almost done,\u201d Rowe told reporters. \u201cThe steel is in.\u201d\n\n"
    "The council, according to its clerk, has approved the budget.\n\n"
    "It is widely believed the river will flood again.\n\n"
    "Follow the mayor on Twitter.\n"
)


def at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def t_line(tid: str, kind: str, *pieces: tuple[int, int], text: str = TEXT) -> str:
    offsets = ";".join(f"{s} {e}" for s, e in pieces)
    covered = " ".join(text[s:e] for s, e in pieces)
    return f"{tid}\t{kind} {offsets}\t{covered}"


def sample_ann() -> str:
    q1 = at(TEXT, "\u201cWe are almost done,\u201d")
    q2 = at(TEXT, "\u201cThe steel is in.\u201d")
    lines = [
        t_line("T1", "Source", at(TEXT, "Mayor Jane Rowe")),
        t_line("T2", "Cue", at(TEXT, "said")),
        t_line("T3", "Content", at(TEXT, "that the old bridge would reopen in May")),
        t_line("T4", "Attribution", at(TEXT, "said")),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        # a direct quote interrupted by its attribution: one discontinuous content span
        t_line("T5", "Source", at(TEXT, "Rowe", 1)),
        t_line("T6", "Cue", at(TEXT, "told")),
        t_line("T7", "Content", q1, q2),
        t_line("T8", "Attribution", at(TEXT, "told")),
        "E2\tAttribution:T8 Source:T5 Content:T7 Cue:T6",
        t_line("T9", "Source", at(TEXT, "its clerk")),
        t_line("T10", "Cue", at(TEXT, "according to")),
        t_line("T11", "Content", at(TEXT, "The council"), at(TEXT, "has approved the budget")),
        t_line("T12", "Attribution", at(TEXT, "according to")),
        "E3\tAttribution:T12 Cue:T10 Content:T11 Source:T9",
        # no source
        t_line("T13", "Cue", at(TEXT, "widely believed")),
        t_line("T14", "Content", at(TEXT, "the river will flood again")),
        t_line("T15", "Attribution-no-source", at(TEXT, "widely believed")),
        "E4\tAttribution-no-source:T15 Content:T14 Cue:T13",
        t_line("T16", "Discard", at(TEXT, "Follow the mayor on Twitter.")),
        "#1\tAnnotatorNotes T3\ta note to skip",
        # a covered text with a line break continues on the next physical line
        f"T17\tDiscuss {at(TEXT, 'May.')[0]} {at(TEXT, 'We')[0]}\tMay.",
        "",
        "\u201cWe",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture()
def corpus(tmp_path):
    """A PolNeAR-shaped folder: dev/text, dev/attributions (two annotators for one article), metadata.tsv."""
    root = tmp_path / "polnear"
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir(parents=True)
    stem = "example_2016-09-10_bridge-reopens"
    (root / "dev" / "text" / f"{stem}.txt").write_text(TEXT, encoding="utf-8")
    (root / "dev" / "attributions" / f"{stem}_aaaa.ann").write_text(sample_ann(), encoding="utf-8")
    # a second annotator, sorted after the first: not read
    (root / "dev" / "attributions" / f"{stem}_zzzz.ann").write_text("", encoding="utf-8")
    (root / "metadata.tsv").write_text(
        "compartment\tfilename\tpublication_date\n" f"dev\t{stem}\t2016-09-10\n", encoding="utf-8")
    return root


# --------------------------------------------------------------------------- reading


def test_parse_ann_spans_and_relations():
    ann = ev.parse_ann(sample_ann())
    assert len(ann.spans) == 17
    assert ann.spans["T7"].pieces == (at(TEXT, "\u201cWe are almost done,\u201d"), at(TEXT, "\u201cThe steel is in.\u201d"))
    assert [s.type for s in ann.of_type("Discard")] == ["Discard"]
    assert [a.id for a in ann.attributions] == ["E1", "E2", "E3", "E4"]
    e1, e2, _, e4 = ann.attributions
    assert e1.anchor == "Attribution"
    assert TEXT[e1.source.start:e1.source.end] == "Mayor Jane Rowe"
    assert TEXT[e1.cue.start:e1.cue.end] == "said"
    assert [c.id for c in e1.content] == ["T3"]
    assert e2.source.id == "T5" and e2.cue.id == "T6"  # roles in any order
    assert e4.anchor == "Attribution-no-source" and e4.source is None


def test_parse_ann_content2_and_unknown_lines():
    data = (
        "T1\tSource 0 4\tMary\nT2\tCue 5 9\tsaid\nT3\tContent 10 20\tabcdefghij\n"
        "T4\tContent 30 40\tabcdefghij\nT5\tAttribution 5 9\tsaid\n"
        "E1\tAttribution:T5 Source:T1 Cue:T2 Content:T3 Content2:T4\n"
        "A1\tNegated E1\nR1\tOther Arg1:T1 Arg2:T2\nTheir words continue here\n"
    )
    ann = ev.parse_ann(data)
    assert [c.id for c in ann.attributions[0].content] == ["T3", "T4"]
    assert set(ann.spans) == {"T1", "T2", "T3", "T4", "T5"}


def test_load_split_first_ann_and_metadata(corpus):
    [article] = ev.load_split("dev", corpus)
    assert article.ann.name.endswith("_aaaa.ann")
    assert article.published == "2016-09-10"
    assert article.discard == [at(TEXT, "Follow the mayor on Twitter.")]
    with pytest.raises(FileNotFoundError):
        ev.load_split("train", corpus)


def test_gold_items_split_and_classes():
    items = ev.gold_items(TEXT, ev.parse_ann(sample_ann()))
    got = [(TEXT[i.start:i.end], i.cls, i.has_source) for i in items]
    assert got == [
        ("the old bridge would reopen in May", "indirect", True),  # leading "that" trimmed
        ("We are almost done", "direct", True),  # trimmed: marks and comma
        ("The steel is in", "direct", True),
        ("The council", "indirect", True),
        ("has approved the budget", "indirect", True),
        ("the river will flood again", "indirect", False),
    ]


def test_gold_pieces_joined_across_whitespace():
    text = "She said: \u201cone two\nthree four.\u201d"
    s = text.index("\u201c")
    ann = ev.parse_ann(f"T1\tContent {s} {s + 8};{s + 9} {len(text)}\tx\nT2\tAttribution 4 8\tsaid\n"
                       "E1\tAttribution:T2 Content:T1\n")
    [item] = ev.gold_items(text, ann)
    assert text[item.start:item.end] == "one two\nthree four" and item.cls == "direct"


def test_trim_and_is_direct():
    text = 'He said "we will win," and left. He said we will win.'
    s, e = ev.trim(text, text.index('"'), text.index(",") + 2)
    assert text[s:e] == "we will win"
    assert ev.is_direct(text, s, e)  # enclosed by marks, a comma before the closing one
    s2 = text.index("we will win.")
    assert not ev.is_direct(text, s2, s2 + len("we will win"))
    assert ev.is_direct('that he was \u201cbarbaric\u201d', 0, 23)  # contains a mark


# --------------------------------------------------------------------------- scoring


def analysis_with(quotes: list[Quote], actors: list[Actor] | None = None) -> Analysis:
    return Analysis(article=Article(text=TEXT, id="x"), quotes=quotes, actors=actors or [])


def quote(phrase: str, kind: str, speaker: str | None, nth: int = 0, speaker_nth: int = 0, actor: str | None = None) -> Quote:
    s, e = at(TEXT, phrase, nth)
    mention = None
    if speaker is not None:
        ms, me = at(TEXT, speaker, speaker_nth)
        mention = Mention(ms, me, speaker)
    return Quote(TEXT[s:e], s, e, kind, speaker=actor, speaker_text=speaker, speaker_mention=mention)


def perfect() -> list[Quote]:
    return [
        quote("the old bridge would reopen in May", "indirect", "Mayor Jane Rowe"),  # "that" left out: still exact
        quote("We are almost done,", "direct", "Rowe", speaker_nth=1),
        quote("The steel is in.", "direct", "Rowe", speaker_nth=1),
        quote("The council", "indirect", "its clerk"),
        quote("has approved the budget", "indirect", "its clerk"),
        quote("the river will flood again", "indirect", None),
    ]


def totals(result: dict[str, ev.ClassResult]) -> dict[str, dict]:
    return {cls: ev.metrics(r.counts()) for cls, r in result.items()}


def test_perfect_prediction_scores_one():
    gold = ev.gold_items(TEXT, ev.parse_ann(sample_ann()))
    quotes = perfect()
    quotes[0] = quote("that the old bridge would reopen in May", "indirect", "Mayor Jane Rowe")
    m = totals(ev.score(gold, ev.whodid_items(analysis_with(quotes))))
    for cls in ("direct", "indirect", "all"):
        for mode in ("exact", "overlap"):
            assert m[cls][mode]["f1"] == 1.0, (cls, mode, m[cls])
        assert m[cls]["speaker"]["accuracy"] == 1.0
    assert m["indirect"]["speaker"]["pairs"] == 3  # the source-less item is not in speaker accuracy
    assert m["direct"]["gold"] == 2 and m["indirect"]["gold"] == 4


def test_overlap_but_not_exact():
    gold = ev.gold_items(TEXT, ev.parse_ann(sample_ann()))
    m = totals(ev.score(gold, ev.whodid_items(analysis_with(perfect()))))
    assert m["indirect"]["exact"]["tp"] == 4 and m["indirect"]["overlap"]["tp"] == 4
    quotes = perfect()
    quotes[0] = quote("the old bridge would reopen", "indirect", "Mayor Jane Rowe")  # "in May" missing
    m = totals(ev.score(gold, ev.whodid_items(analysis_with(quotes))))
    assert m["indirect"]["exact"]["tp"] == 3 and m["indirect"]["overlap"]["tp"] == 4
    assert m["indirect"]["exact"]["recall"] == 0.75
    assert m["direct"]["exact"]["f1"] == 1.0


def test_wrong_speaker_lowers_accuracy_and_missing_counted():
    gold = ev.gold_items(TEXT, ev.parse_ann(sample_ann()))
    quotes = perfect()
    quotes[1] = quote("We are almost done,", "direct", "Mayor Jane Rowe")  # wrong mention
    quotes[2] = quote("The steel is in.", "direct", None)
    m = totals(ev.score(gold, ev.whodid_items(analysis_with(quotes))))
    assert m["direct"]["exact"]["f1"] == 1.0
    assert m["direct"]["speaker"] == {"pairs": 2, "correct": 0, "missing": 1, "accuracy": 0.0}


def test_speaker_resolved_through_actor_mentions():
    gold = ev.gold_items(TEXT, ev.parse_ann(sample_ann()))
    quotes = perfect()
    # the speaker mention points at "Mayor Jane Rowe", but the actor has a mention on the gold "Rowe"
    quotes[1] = quote("We are almost done,", "direct", "Mayor Jane Rowe", actor="A1")
    actor = Actor("A1", "Jane Rowe", "person", mentions=[Mention(*at(TEXT, "Mayor Jane Rowe"), "Mayor Jane Rowe"),
                                                          Mention(*at(TEXT, "Rowe", 1), "Rowe")])
    m = totals(ev.score(gold, ev.whodid_items(analysis_with(quotes, [actor]))))
    assert m["direct"]["speaker"]["correct"] == 2


def test_terms_discards_and_spurious_predictions():
    gold = ev.gold_items(TEXT, ev.parse_ann(sample_ann()))
    quotes = perfect() + [
        quote("old bridge", "term", None),  # never a quote
        quote("Follow the mayor on Twitter", "direct", None),  # inside a Discard span
        quote("Rowe told reporters", "direct", None),  # a spurious one
    ]
    discard = ev.parse_ann(sample_ann()).of_type("Discard")[0].pieces
    m = totals(ev.score(gold, ev.whodid_items(analysis_with(quotes), discard)))
    assert m["direct"]["pred"] == 3
    assert m["direct"]["exact"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["direct"]["exact"]["recall"] == 1.0


def test_partial_counts_as_direct_and_class_mismatch_is_a_miss():
    gold = ev.gold_items(TEXT, ev.parse_ann(sample_ann()))
    quotes = perfect()
    quotes[1] = quote("We are almost done,", "partial", "Rowe", speaker_nth=1)
    quotes[2] = quote("The steel is in.", "indirect", "Rowe", speaker_nth=1)
    m = totals(ev.score(gold, ev.whodid_items(analysis_with(quotes), class_by="kind")))
    assert m["direct"]["exact"]["tp"] == 1 and m["direct"]["pred"] == 1 and m["direct"]["gold"] == 2
    assert m["indirect"]["pred"] == 5
    assert m["all"]["exact"]["tp"] == 6  # matched across classes in the "all" row
    # by span (the default), the indirect quote between quotation marks is in the direct class, as gold is
    m = totals(ev.score(gold, ev.whodid_items(analysis_with(quotes))))
    assert m["direct"]["exact"]["tp"] == 2 and m["indirect"]["pred"] == 4


def test_quote_inside_a_larger_one_is_part_of_it():
    gold = ev.gold_items(TEXT, ev.parse_ann(sample_ann()))
    quotes = perfect() + [quote("old bridge", "partial", "Mayor Jane Rowe")]  # inside the reported clause
    m = totals(ev.score(gold, ev.whodid_items(analysis_with(quotes))))
    assert m["all"]["pred"] == 6 and m["all"]["exact"]["tp"] == 6
    m = totals(ev.score(gold, ev.whodid_items(analysis_with(quotes), class_by="kind")))
    assert m["all"]["pred"] == 7


def test_overlap_matching_is_one_to_one_largest_first():
    g = [ev.Item(0, 10, "direct"), ev.Item(20, 30, "direct")]
    p = [ev.Item(5, 25, "direct"), ev.Item(8, 12, "direct")]
    # (g0,p0) overlap 5, (g1,p0) 5, (g0,p1) 2: p0 goes to g0 (first of the largest), p1 has nothing left but g0
    assert ev.match_overlap(g, p) == [(0, 0)]
    assert ev.match_overlap(g, [ev.Item(9, 11, "direct"), ev.Item(0, 9, "direct")]) == [(0, 1)]
    assert ev.match_exact(g, [ev.Item(0, 10, "direct"), ev.Item(0, 10, "direct")]) == [(0, 0)]


def test_metrics_empty_and_report_format():
    m = ev.metrics(ev.Counts())
    assert m["exact"]["f1"] is None and m["speaker"]["accuracy"] is None
    figures = {
        "split": "dev", "articles": 0, "attributions": 0, "attributions_without_source": 0,
        "attributions_without_content": 0, "seconds": 0.0,
        "whodid": {cls: m for cls in ("direct", "indirect", "all")}, "textacy": {"direct": m},
        "textacy_note": "note", "targets": dict(ev.TARGETS),
    }
    report = ev.format_report(figures)
    assert "textacy  direct" in report and ">= 0.90" in report and "n/a" in report


def test_textacy_items_trim_and_discard():
    items = ev.textacy_items(TEXT, [(*at(TEXT, "\u201cThe steel is in.\u201d"), *at(TEXT, "Rowe", 1)),
                                    (*at(TEXT, "Follow the mayor on Twitter."), 0, 4)],
                             [at(TEXT, "Follow the mayor on Twitter.")])
    assert [(TEXT[i.start:i.end], i.speakers) for i in items] == [("The steel is in", (at(TEXT, "Rowe", 1),))]


# --------------------------------------------------------------------------- end to end (loads spaCy)


def test_run_on_tiny_corpus(corpus, capsys):
    seen = []
    figures = ev.run("dev", corpus, progress=lambda done, total, stem: seen.append((done, total)), baseline=False)
    assert seen == [(1, 1)]
    assert figures["articles"] == 1 and figures["attributions"] == 4
    assert figures["attributions_without_source"] == 1
    assert figures["whodid"]["direct"]["gold"] == 2
    assert figures["textacy"] is None and "not requested" in figures["textacy_note"]
    for cls in ("direct", "indirect", "all"):
        m = figures["whodid"][cls]
        for value in (m["exact"]["precision"], m["exact"]["recall"], m["overlap"]["f1"], m["speaker"]["accuracy"]):
            assert value is None or 0.0 <= value <= 1.0
        assert m["exact"]["tp"] <= m["overlap"]["tp"] <= min(m["gold"], m["pred"])
    assert "whodid   direct" in ev.format_report(figures)

    assert ev.main(["--split", "dev", "--root", str(corpus), "--no-baseline", "--json", "--quiet"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 1


def test_run_with_textacy_baseline(corpus):
    pytest.importorskip("textacy")
    figures = ev.run("dev", corpus)
    assert figures["textacy"]["direct"]["gold"] == 2
    assert "refused 0 of 1" in figures["textacy_note"]


def test_main_missing_root(tmp_path, capsys):
    assert ev.main(["--root", str(tmp_path / "nowhere"), "--quiet"]) == 2
    assert "no PolNeAR split" in capsys.readouterr().err


def test_two_apostrophes_are_quotation_marks():
    text = "Ms. Lee said, ''We will build it.'' Then: ''Soon''.\n\n''It is done,'' she said."
    restored = ev.restore_quote_marks(text)
    assert len(restored) == len(text)
    assert restored == "Ms. Lee said,  \u201cWe will build it.\u201d  Then:  \u201cSoon\u201d .\n\n \u201cIt is done,\u201d  she said."
    assert ev.restore_quote_marks("It's the voters' choice.") == "It's the voters' choice."
    s = text.index("We")
    assert ev.is_direct(text, s, s + len("We will build it"))  # enclosed by '' ... ''
    s = text.index("It is")
    assert ev.is_direct(text, s - 2, s + len("It is done,''"))  # contains them
    assert not ev.is_direct(text, text.index("she said"), len(text))
