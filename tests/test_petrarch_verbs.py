"""PETRARCH2 CAMEO verb dictionaries as an event-trigger source (knowledge/petrarch_verbs.py)."""

from __future__ import annotations

import re

import pytest

from whodid.events import EventsStage
from whodid.knowledge import Resources
from whodid.knowledge import petrarch_verbs as pv
from whodid.knowledge.lexicon import Lexicon
from whodid.model import Actor, Analysis, Article, Mention

SMALL = """\
####### SYNONYM SETS #######

&ENVOY
+AMBASSADOR
+ENVOY
+CHARGE_D'AFFAIRES_

####### VERB PATTERNS #######

---  SCOLD   [111]  ---
UPBRAID
CHIDE {CHIDES CHIDED CHIDING CHID}  # irregular forms, all of them
+TELL_OFF {+TELLS_OFF +TOLD_OFF +TELLING_OFF} [112]
- * &ENVOY                         [1125]   # a synset as the object
- * (OVER {TRADE TARIFFS})         [111:111]
- * (FOR TALKS)                    [:040]
- * ABSENCE                        [---]
- &ENVOY * (AT)                    [112]

~ a (a b ATTACK) SAY = a b 015
"""


def _hand(text: str, names: dict[str, tuple[str, str]]) -> Analysis:
    # an actor's country and sector are its code's (as the actors stage gives them)
    actors = [Actor(id=aid, name=word, kind="country" if len(code) == 3 else "person", code=code, country=code[:3],
                    sector=code[3:6] or None,
                    mentions=[Mention(m.start(), m.end(), word) for m in re.finditer(rf"\b{re.escape(word)}\b", text)])
              for word, (aid, code) in names.items()]
    return Analysis(article=Article(text=text), actors=actors)


# ---------------------------------------------------------------- the format


def test_reader_reads_synsets_verbs_patterns_and_codes():
    d = pv.parse(SMALL, "small.txt")
    assert [m for m, _ in d.synsets["ENVOY"].members] == [("AMBASSADOR",), ("ENVOY",), ("CHARGE", "D'AFFAIRES")]
    assert [plural for _, plural in d.synsets["ENVOY"].members] == [True, True, False]  # "_": no plural
    (block,) = d.blocks
    assert (block.name, block.code) == ("SCOLD", pv.Code("111"))
    upbraid, chide, tell_off = block.verbs
    assert (upbraid.word, upbraid.code) == ("upbraid", None)
    assert chide.forms == ("chides", "chided", "chiding", "chid")
    assert (tell_off.word, tell_off.back, tell_off.code) == ("tell", ("off",), pv.Code("112"))
    envoy, over, talks, absence, before = block.patterns
    assert envoy.after == [pv.Noun(("&ENVOY",))] and envoy.code == pv.Code("1125")
    assert over.after == [pv.Prep("OVER", (pv.Noun(("TRADE", "TARIFFS")),))] and over.code == pv.Code("111", "111")
    assert talks.code == pv.Code(None, "040") and talks.code.null  # only the reversed event
    assert absence.code.null
    assert before.before == [pv.Noun(("&ENVOY",))] and before.after == [pv.Prep("AT", ())]
    assert d.transformations == [(20, "~ a (a b ATTACK) SAY = a b 015")]


@pytest.mark.parametrize("line, problem", [
    ("- * (OVER TARIFFS [111]", "( not closed"),
    ("- * OVER TARIFFS) [111]", ") without ("),
    ("- * {TRADE TARIFFS [111]", "{ not closed"),
    ("- * TARIFFS [11x]", "not a CAMEO code"),
    ("- * TARIFFS", "no code"),
    ("- TARIFFS [111]", "exactly one *"),
    ("- * * TARIFFS [111]", "exactly one *"),
    ("- * &DIPLOMAT [111]", "synset &DIPLOMAT is not defined"),
    ("- * TARIFFS [111] [112]", "two codes"),
    ("WIRE_TAP", "mark its verb word with one +"),
    ("---  BROKEN [111  ---", "block header"),
])
def test_a_malformed_line_is_refused_with_file_line_and_problem(line, problem):
    text = SMALL.replace("- * ABSENCE                        [---]", line)
    at = text.splitlines().index(line) + 1
    with pytest.raises(pv.VerbDictionaryError) as err:
        pv.parse(text, "mine.txt")
    assert (err.value.path, err.value.line) == ("mine.txt", at)
    assert problem in err.value.problem
    assert str(err.value).startswith(f"mine.txt:{at}: ")


def test_a_pattern_before_any_block_is_refused():
    with pytest.raises(pv.VerbDictionaryError, match=r"x.txt:1: pattern before any"):
        pv.parse("- * TARIFFS [111]\n", "x.txt")


def test_the_built_in_dictionary_is_petrarch2s_and_reads_whole():
    index = pv.load_index()
    assert len(index.senses) > 900 and index.entries
    d = pv.parse(pv._data("CAMEO.2.0.txt"))
    assert len(d.blocks) > 390 and len(d.synsets) >= 40 and sum(len(b.patterns) for b in d.blocks) > 4600


def test_cameo_codes_become_plover_through_the_table():
    settings, table = pv.builtin_settings()
    assert pv.plover_for("0256", table, settings) == (pv.Plover("REQUEST", "yield", ("military",)), "1056")  # appeal
    assert pv.plover_for("190", table, settings)[0].type == "ASSAULT"
    assert pv.plover_for("1952", table, settings)[0].type == "ASSAULT"  # not in the table: its parent, 195
    assert pv.plover_for("116", table, settings)[0] == pv.Plover("SANCTION", "convict", ("legal",))  # guidelines
    assert pv.plover_for("010", table, settings) is None  # public statements: PLOVER drops them


def test_the_table_reader_refuses_a_bad_line():
    with pytest.raises(pv.VerbDictionaryError, match=r"t.txt:2: HUG is not a PLOVER 2.0 type"):
        pv.read_table("010: AGREE, , # ok\n011: HUG, , # no\n", "t.txt")


# ---------------------------------------------------------------- as a lexicon source


def test_a_verb_pattern_codes_an_event_whodid_wrote_no_trigger_for(nlp):
    text = "Syria hurled insults at Turkey."
    doc = nlp(text)
    a = _hand(text, {"Syria": ("SYR", "SYR"), "Turkey": ("TUR", "TUR")})
    EventsStage()(doc, a)
    (e,) = a.events
    assert (e.type, e.cameo, e.mode, e.actor, e.recipient) == ("ACCUSE", "111", "disapprove", ["SYR"], ["TUR"])
    assert e.trigger.text == "hurled insults"


def test_a_verb_pattern_needs_two_known_parties(nlp):
    text = "Syria hurled insults at the referee."
    doc = nlp(text)
    a = _hand(text, {"Syria": ("SYR", "SYR")})
    EventsStage()(doc, a)
    assert not a.events  # PETRARCH codes a source and a target: one party is not enough


def test_a_verb_alone_gives_no_event_from_the_dictionary(nlp):
    # PETRARCH's block default for GIVE is AID; the bare verb is too broad to code
    text = "Russia gave Ukraine a long speech."
    doc = nlp(text)
    a = _hand(text, {"Russia": ("RUS", "RUS"), "Ukraine": ("UKR", "UKR")})
    EventsStage()(doc, a)
    assert not a.events


def test_a_users_verb_dictionary_extends_the_lexicon(nlp, tmp_path):
    mine = tmp_path / "mine.verbs.txt"
    mine.write_text(SMALL, encoding="utf-8")
    text = "Biden upbraided Macron over trade tariffs."
    doc = nlp(text)
    if doc[1].lemma_ != "upbraid" or doc[1].pos_ != "VERB":
        pytest.skip("the parser does not read 'upbraided' as the verb upbraid")
    names = {"Biden": ("B", "USAGOV"), "Macron": ("M", "FRAGOV")}
    plain = _hand(text, names)
    EventsStage()(doc, plain)
    assert not plain.events
    extended = _hand(text, names)
    EventsStage(Resources.build(lexicon_files=[mine]))(doc, extended)
    (e,) = extended.events
    assert (e.type, e.cameo, e.actor, e.recipient) == ("ACCUSE", "111", ["B"], ["M"])


def test_a_malformed_user_dictionary_is_refused_and_the_built_in_keeps_working(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(SMALL.replace("[1125]", "[11x5]"), encoding="utf-8")
    with pytest.raises(pv.VerbDictionaryError) as err:
        Lexicon.load(bad)
    assert err.value.path == str(bad) and err.value.line == 14
    assert Lexicon.load().verb_indexes  # the built-in lexicon and dictionary still load


# ---------------------------------------------------------------- patterns fire where they were written

ORIGINS = """\
####### VERB PATTERNS #######

---  GRANT   [060]  ---
GRANT
ACCORD
+GIVE_IN {+GIVES_IN +GAVE_IN +GIVEN_IN +GIVING_IN}
- * RECOGNITION                    [054]         # GRANT
- * ASYLUM                         [075]         # ACCORD , GRANT
- * SUPPORT                        [051]         # a note, no verb
- * PRISONERS                      [0841]        # FREE
"""


def test_a_pattern_is_tried_on_the_verbs_its_comment_names():
    # the dictionary's header: a pattern's comment names "the verb[s] where the pattern was
    # originally found"; the blocks group WordNet synonyms under them
    d = pv.parse(ORIGINS, "o.txt")
    recognition, asylum, support, prisoners = d.blocks[0].patterns
    assert recognition.origin == (("grant",),) and asylum.origin == (("accord",), ("grant",))
    assert support.origin == () and prisoners.origin == (("free",),)
    settings, table = pv.builtin_settings()
    index = pv.compile_index(d, table, settings)

    def lines(word):
        return sorted({c.line for s in index.senses[word] for c in s.patterns})

    at = {p.text.split()[1]: p.line for p in d.blocks[0].patterns}
    assert lines("grant") == sorted([at["RECOGNITION"], at["ASYLUM"], at["SUPPORT"], at["PRISONERS"]])
    # "accorded recognition" is not tried: RECOGNITION was written for GRANT; a pattern whose
    # comment names no verb of the block (FREE) or none at all is tried on every verb
    assert lines("accord") == sorted([at["ASYLUM"], at["SUPPORT"], at["PRISONERS"]])
    assert pv._written_for(pv.Verb("step", (), ("up",), (), None, 1), ("stepped", "up"))
    assert not pv._written_for(pv.Verb("step", (), ("up",), (), None, 1), ("stepped",))


def test_a_particle_with_an_object_of_its_own_is_a_preposition(nlp):
    # PETRARCH's YIELD block has GIVE_IN and "* &SOLUTION" (ANSWER): "gave their answers in
    # 100 hours of interviews" gives in to nothing
    text = """####### VERB PATTERNS #######

---  YIELD   [080]  ---
+GIVE_IN {+GIVES_IN +GAVE_IN +GIVEN_IN +GIVING_IN}
- * ANSWER                         [080]
"""
    index = pv.compile_index(pv.parse(text, "y.txt"), *reversed(pv.builtin_settings()))
    doc = nlp("The MPs gave their answers in 100 hours of interviews.")
    gave = doc[2]
    if gave.lemma_ != "give" or not any(c.lower_ == "in" and c.dep_ == "prep" for c in gave.children):
        pytest.skip("the parser does not hang 'in 100 hours' on 'gave'")
    assert index.match(doc, set()) == []
    (sense,) = index.senses["give"]
    assert sense.verb.back == ("in",)
