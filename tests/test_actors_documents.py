"""actors (issue #15): a document that speaks or acts ("the statement said", "the report says",
"the resolution calls on") stands for whoever issued it, as the news-events guidelines code it;
and "Korea"/"Korean", which the knowledge base names only with North or South, are the Korea the
article means ("Korean government officials": KORGOV, not the article's other country).
Made-up sentences."""

from __future__ import annotations

from helpers import codes, found


def _speaker_codes(analysis, speaker_text):
    by_id = {a.id: a.code or a.id for a in analysis.actors}
    return [by_id.get(q.speaker) for q in analysis.quotes if q.speaker_text == speaker_text]


def test_a_statement_named_again_speaks_for_the_body_that_issued_it(code_events):
    an = code_events("Iran's Foreign Ministry issued a statement on Monday. The statement said Israel had attacked "
                     "Iranian ships in the Gulf.", "2022-05-01")
    assert _speaker_codes(an, "The statement") == ["IRNGOV"]
    attack = found(an, "ASSAULT")
    assert codes(an, attack.actor) == ["ISR"] and codes(an, [attack.reported_by]) == ["IRNGOV"]


def test_a_report_by_a_body_is_the_bodys_and_its_criticism_the_bodys_act(code_events):
    an = code_events("Amnesty International's report accuses the Nigerian army of killing civilians.", "2022-05-01")
    accuse = found(an, "ACCUSE")
    assert codes(an, accuse.actor) == ["NGOHRIAMN"] and codes(an, accuse.recipient) == ["NGAMIL"]


def test_a_resolution_adopted_by_a_council_demands_what_the_council_demands(code_events):
    an = code_events("The UN Security Council adopted a resolution on Friday. The resolution calls on Russia to "
                     "withdraw its troops.", "2022-05-01")
    request = found(an, "REQUEST")
    assert codes(an, request.actor) == ["IGOUNO"] and codes(an, request.recipient) == ["RUS"]


def test_a_document_no_one_is_said_to_have_issued_speaks_for_no_one(code_events):
    an = code_events("A new report says the government has failed to cut waiting lists.", "2022-05-01")
    assert _speaker_codes(an, "A new report") == [None]


def test_korean_alone_is_south_korea_in_a_story_told_from_washington(code_events):
    an = code_events("WASHINGTON - The US-Korea Business Council met Korean government officials on Monday. "
                     "Korea is importing less from the United States.", "2022-05-01")
    by_text = {m.text: a.code for a in an.actors for m in a.mentions}
    assert by_text["Korean government officials"] == "KORGOV"
    assert by_text["Korea"] == "KOR"


def test_korean_alone_is_north_korea_when_the_story_names_only_the_north(code_events):
    an = code_events("North Korea fired a missile on Monday. Korean state media said the launch was a success.",
                     "2022-05-01")
    by_text = {m.text: a.code for a in an.actors for m in a.mentions}
    assert by_text["Korean state media"] == "PRKMED"


def test_the_shared_names_are_the_knowledge_files_rows():
    # the table the actors stage reads is data (data/kb/shared_names.tsv), not code
    from importlib import resources

    from whodid.knowledge.kb import load_kb

    text = (resources.files("whodid") / "data" / "kb" / "shared_names.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert {name: (form, tuple(states.split(","))) for name, form, states in rows} == load_kb().shared_names
    assert load_kb().shared_names["Korean"] == ("A", ("KOR", "PRK"))


def test_a_body_named_after_its_countrys_possessive_is_of_that_country(code_events):
    an = code_events("BEIJING - China warned on Monday that it would respond to any provocation. Chinese officials "
                     "said the drills would continue. Taiwan's Supreme Court upheld the ruling.", "2022-08-10")
    by_text = {m.text: a.code for a in an.actors for m in a.mentions}
    assert by_text["Supreme Court"] == "TWNJUD"
    assert by_text["Chinese officials"] == "CHNGOV"  # the guard: the article's own bodies stay its country's


def test_a_report_named_after_a_study_is_that_study_and_it_consults_no_one(code_events):
    an = code_events("A study by the local chapter of Transparency International says gold smuggling has grown. "
                     "The report also consulted internal sources. Soldiers run the trade, the report says.",
                     "2022-05-01")
    assert _speaker_codes(an, "the report") == ["NGODEV"]
    assert not [e for e in an.events if e.type == "CONSULT"]  # a document consults no one
