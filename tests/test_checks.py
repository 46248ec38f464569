"""Checks an editor acts on: the reference article's, and none on clean copy."""

import json

import pytest

from helpers import SAMPLES
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
    stance = kinds["stance_contradiction"]
    assert seed_text[stance.start:stance.end] == "throwing his weight behind the invasion"
    assert stance.severity == "warning" and "Joe Biden" in stance.message
    cited = [seed_text[s.start:s.end] for s in stance.spans]
    assert "invading Ukraine" in " ".join(cited[1:]), "the statement it contradicts is cited"
    assert not [c for c in a.checks if c.severity != "info" and c.kind not in
                ("headline_unsupported", "name_mismatch", "stance_contradiction")]
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


def test_bundled_clean_articles_raise_nothing_above_info(pipeline):
    rows = [json.loads(line) for line in (SAMPLES / "articles.jsonl").open(encoding="utf-8")]
    for row, analysis in zip(rows, pipeline.analyze_many(
            Article(text=r["text"], title=r["title"], published=r.get("published")) for r in rows)):
        assert [(c.kind, c.message) for c in analysis.checks if c.severity != "info"] == [], row["id"]


def _checks(pipeline, text, published, kind):
    a = pipeline.analyze(Article(text=text, published=published))
    return [c for c in a.checks if c.kind == kind]


GENEVA = ("US President Joe Biden and Russian President Vladimir Putin met in Geneva on Wednesday, June 16, "
          "for their first summit.")


def test_a_title_the_person_did_not_hold_at_the_date_is_flagged(pipeline):
    text = GENEVA.replace("US President Joe Biden", "US Vice President Joe Biden")
    [check] = _checks(pipeline, text, "2021-06-16", "role_date_mismatch")
    assert text[check.start:check.end] == "US Vice President Joe Biden"
    assert "2009-01-20 to 2017-01-20" in check.message and check.severity == "warning"
    assert not _checks(pipeline, GENEVA, "2021-06-16", "role_date_mismatch")


def test_president_trump_in_2022_but_not_former_or_then_president(pipeline):
    said = "{} said the withdrawal from Afghanistan had been a disgrace."
    [check] = _checks(pipeline, said.format("President Donald Trump"), "2022-03-01", "role_date_mismatch")
    assert "'former' was likely meant" in check.message
    for ok in ("Former President Donald Trump", "then-President Donald Trump"):
        assert not _checks(pipeline, said.format(ok), "2022-03-01", "role_date_mismatch"), ok
    # a sentence dated to the time of the office
    assert not _checks(pipeline, "In 2016, Vice President Joe Biden visited Kyiv.", "2022-03-01",
                       "role_date_mismatch")


def test_transliteration_variants_are_info_and_typos_warnings(pipeline):
    # (the French romanisation; "Sergei Lavrov" no longer serves: the Phoenix dictionaries spell him so)
    a = pipeline.analyze(Article(text="Russian Prime Minister Mikhail Mishoustin met Vladimir Puttin in Moscow on "
                                      "Monday.", published="2022-03-01"))
    by_kind = {c.kind: c for c in a.checks}
    assert by_kind["name_variant"].severity == "info" and "Mikhail Mishustin" in by_kind["name_variant"].message
    assert by_kind["name_mismatch"].severity == "warning" and "Vladimir Putin" in by_kind["name_mismatch"].message


STANCE = ("Scholz condemned Russia's annexation of four regions of Ukraine on Friday. "
          "Later on Friday, Scholz {} the annexation at a news conference in Berlin.")


def test_opposite_stances_toward_one_target_are_flagged_with_both_spans(pipeline):
    text = STANCE.format("praised")
    [check] = _checks(pipeline, text, "2022-09-30", "stance_contradiction")
    assert "Olaf Scholz" in check.message and len(check.spans) == 2
    assert {text[s.start:s.end] for s in check.spans} == {"condemned Russia's annexation of four regions of Ukraine",
                                                           "praised the annexation"}


def test_consistent_or_conditional_stances_are_not_flagged(pipeline):
    for verb in ("denounced", "again criticised", "would praise"):
        assert not _checks(pipeline, STANCE.format(verb), "2022-09-30", "stance_contradiction"), verb
    # different targets: the invasion and Ukraine's defence
    text = "Scholz condemned the invasion. Scholz supported Ukraine's defence of its territory."
    assert not _checks(pipeline, text, "2022-09-30", "stance_contradiction")


RELATIVE = ("Finland joined the alliance on April 4, 2023. {} later, on March 7, Sweden followed after "
            "Hungary's parliament approved its bid.")


def test_a_relative_date_that_does_not_fit_the_dates_around_it_is_flagged(pipeline):
    text = RELATIVE.format("Six months")
    [check] = _checks(pipeline, text, "2024-03-07", "relative_date_mismatch")
    assert text[check.start:check.end] == "Six months later" and check.severity == "warning"
    assert [text[s.start:s.end] for s in check.spans] == ["April 4, 2023", "March 7"]
    assert "2023-10-04" in check.message


def test_a_relative_date_that_fits_or_is_vague_is_not_flagged(pipeline):
    for n in ("Eleven months", "Several months"):
        assert not _checks(pipeline, RELATIVE.format(n), "2024-03-07", "relative_date_mismatch"), n


def test_a_lede_whose_event_the_body_does_not_repeat_is_not_flagged(pipeline):
    lede = ("Police in Dhaka arrested two men on Tuesday for attacking a bus driver on the Dhaka-Mymensingh highway.\n\n"
            "The driver was taken to hospital with head injuries, a police spokesman said. Traffic on the highway "
            "was disrupted for several hours.")
    assert not _checks(pipeline, lede, "2022-05-03", "headline_unsupported")
    # the same words as a headline (no full stop) report an arrest the body never mentions
    headline = lede.replace(" on the Dhaka-Mymensingh highway.", " on the Dhaka-Mymensingh highway", 1)
    assert _checks(pipeline, headline, "2022-05-03", "headline_unsupported")


def test_latin_script_names_get_no_transliteration_latitude(pipeline):
    a = pipeline.analyze(Article(text="British Prime Minister Rishi Sounak met Iranian Foreign Minister "
                                      "Hossein Amir-Abdollahian in New York on Tuesday.", published="2023-09-19"))
    kinds = {a.article.text[c.start:c.end]: (c.kind, c.severity) for c in a.checks if c.start is not None}
    assert kinds.get("Rishi Sounak") == ("name_mismatch", "warning")
