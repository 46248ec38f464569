"""whodid's TreeMatcher gives exactly spaCy's DependencyMatcher matches, in the same order, and
hands the pattern forms it does not handle to spaCy's matcher."""

from __future__ import annotations

import json

import pytest
from spacy.matcher import DependencyMatcher

from helpers import SAMPLES
from whodid.knowledge.lexicon import Lexicon, _register
from whodid.nlp.treematch import TreeMatcher


# every relation TreeMatcher handles, with every attribute form the lexicon files use
SENTENCES = [
    "The minister called the protesters terrorists and called off the strike on Monday.",
    "Russia must withdraw its troops, and Ukraine should not attack the city.",
    "The court ruled that the law was illegal and ruled against the government in favour of the union.",
    "Workers went on strike and took to the streets after the union called for a ballot on strike action.",
    "He described the plan as a dangerous and reckless gamble, which she called absurd.",
    "Police arrested him at the request of the prosecutor, and the army seized control of the land.",
    "The president spoke with Putin by phone, and Zelensky told the army to hold the line.",
    "Their policies are disastrous, the opposition said, filing a motion against the government.",
]

PATTERNS = {
    "child": [[{"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}},
               {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "s", "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj", "dobj"]}}}]],
    "head": [[{"RIGHT_ID": "n", "RIGHT_ATTRS": {"POS": {"IN": ["NOUN", "PROPN"]}, "DEP": {"NOT_IN": ["compound"]}}},
              {"LEFT_ID": "n", "REL_OP": "<", "RIGHT_ID": "h", "RIGHT_ATTRS": {}}]],
    "descendant": [[{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": {"IN": ["call", "rule", "describe", "go"]}}},
                    {"LEFT_ID": "v", "REL_OP": ">>", "RIGHT_ID": "d", "RIGHT_ATTRS": {"POS": {"IN": ["NOUN", "ADJ"]}}}]],
    "ancestor": [[{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LOWER": {"IN": ["the", "a", "its"]}}},
                  {"LEFT_ID": "a", "REL_OP": "<<", "RIGHT_ID": "up", "RIGHT_ATTRS": {"POS": "VERB"}}]],
    # two children of one node, and a chain: the order of the cartesian product, node by node
    "branches": [[{"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}},
                  {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "x", "RIGHT_ATTRS": {}},
                  {"LEFT_ID": "v", "REL_OP": ">>", "RIGHT_ID": "y", "RIGHT_ATTRS": {"TAG": {"IN": ["NN", "NNS", "NNP"]}}},
                  {"LEFT_ID": "x", "REL_OP": ">", "RIGHT_ID": "z", "RIGHT_ATTRS": {"ORTH": "the"}}]],
    # two patterns under one key; a custom attribute; an empty attribute set anywhere
    "two": [[{"RIGHT_ID": "t", "RIGHT_ATTRS": {"LEMMA": "call", "POS": "VERB"}},
             {"LEFT_ID": "t", "REL_OP": ">", "RIGHT_ID": "w", "RIGHT_ATTRS": {"LEMMA": "off"}}],
            [{"RIGHT_ID": "t", "RIGHT_ATTRS": {"DEP": {"IN": ["acomp", "attr", "oprd"]}, "_": {"whodid_pejorative": True}}},
             {"LEFT_ID": "t", "REL_OP": "<", "RIGHT_ID": "b", "RIGHT_ATTRS": {"NORM": {"IN": ["be", "are", "called"]}}}]],
    "anything": [[{"RIGHT_ID": "t", "RIGHT_ATTRS": {}},
                  {"LEFT_ID": "t", "REL_OP": ">", "RIGHT_ID": "p", "RIGHT_ATTRS": {"ENT_TYPE": {"IN": ["GPE", "PERSON", "ORG"]}}}]],
}

# forms TreeMatcher leaves to spaCy: other relations, a REGEX predicate, an OP
FALLBACK = {
    "precedes": [[{"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}},
                  {"LEFT_ID": "v", "REL_OP": ".", "RIGHT_ID": "n", "RIGHT_ATTRS": {"POS": "DET"}}]],
    "follows": [[{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": "call"}},
                 {"LEFT_ID": "v", "REL_OP": ";*", "RIGHT_ID": "n", "RIGHT_ATTRS": {"POS": "NOUN"}}]],
    "sibling": [[{"RIGHT_ID": "a", "RIGHT_ATTRS": {"DEP": "nsubj"}},
                 {"LEFT_ID": "a", "REL_OP": "$++", "RIGHT_ID": "b", "RIGHT_ATTRS": {"DEP": "dobj"}}]],
    "regex": [[{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": {"REGEX": "^(call|rule)$"}}},
               {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "n", "RIGHT_ATTRS": {"DEP": "nsubj"}}]],
}


def _pair(vocab, patterns: dict) -> tuple[TreeMatcher, DependencyMatcher]:
    ours, spacys = TreeMatcher(vocab), DependencyMatcher(vocab, validate=True)
    for key, pats in patterns.items():
        ours.add(key, pats)
        spacys.add(key, pats)
    return ours, spacys


@pytest.fixture(scope="module")
def lexicon():
    _register()
    return Lexicon.load()


@pytest.fixture(scope="module")
def sentence_docs(nlp, lexicon):
    docs = [nlp(s) for s in SENTENCES]
    for doc in docs:
        lexicon.mark_pejoratives(doc)
    return docs


def test_lexicon_matches_equal_dependency_matcher_on_the_bundled_samples(nlp, lexicon, seed_text):
    texts = [json.loads(line)["text"] for line in (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()] + [seed_text]
    ours = lexicon.matcher(nlp.vocab)
    assert ours.fallback is None  # the built-in lexicon uses only forms TreeMatcher handles
    spacys = DependencyMatcher(nlp.vocab, validate=True)
    for key, pats in ours._raw.items():
        spacys.add(nlp.vocab.strings[key], pats)
    total = 0
    for doc in nlp.pipe(texts):
        lexicon.mark_pejoratives(doc)
        expected = spacys(doc)
        assert ours(doc) == expected
        total += len(expected)
    assert total > 100


def test_every_relation_and_attribute_form_matches_as_spacy_does(nlp, sentence_docs):
    ours, spacys = _pair(nlp.vocab, PATTERNS)
    assert ours.fallback is None
    seen = set()
    for doc in sentence_docs:
        expected = spacys(doc)
        assert ours(doc) == expected
        seen |= {nlp.vocab.strings[k] for k, _ in expected}
    assert seen == set(PATTERNS)  # each pattern matched somewhere: the comparison tested it


def test_unsupported_forms_fall_back_to_spacy_in_key_order(nlp, sentence_docs):
    mixed = {}
    for (k1, p1), (k2, p2) in zip(PATTERNS.items(), FALLBACK.items()):
        mixed[k1], mixed[k2] = p1, p2
    ours, spacys = _pair(nlp.vocab, mixed)
    assert ours.fallback is not None and len(ours.fallback) == len(FALLBACK)
    seen = set()
    for doc in sentence_docs:
        expected = spacys(doc)
        assert ours(doc) == expected
        seen |= {nlp.vocab.strings[k] for k, _ in expected}
    assert set(FALLBACK) <= seen


def test_a_key_added_twice_keeps_its_place_and_all_its_patterns(nlp, sentence_docs):
    ours, spacys = TreeMatcher(nlp.vocab), DependencyMatcher(nlp.vocab, validate=True)
    for key, pats in [("a", PATTERNS["child"]), ("b", PATTERNS["head"]), ("a", PATTERNS["descendant"]),
                      ("b", FALLBACK["precedes"]), ("b", PATTERNS["ancestor"])]:
        ours.add(key, pats)
        spacys.add(key, pats)
    for doc in sentence_docs:
        assert ours(doc) == spacys(doc)


def test_a_user_lexicon_pattern_in_another_form_still_matches(nlp, lexicon, tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text(
        "entries:\n"
        "  - type: PROTEST\n"
        "    cameo: '141'\n"
        "    patterns:\n"
        "      - - {RIGHT_ID: trigger, RIGHT_ATTRS: {LEMMA: march, POS: VERB}}\n"
        "        - {LEFT_ID: trigger, REL_OP: '.', RIGHT_ID: on, RIGHT_ATTRS: {LOWER: 'on'}}\n",
        encoding="utf-8")
    lex = Lexicon.load(user)
    matcher = lex.matcher(nlp.vocab)
    assert matcher.fallback is not None
    doc = nlp("Thousands of farmers marched on the capital.")
    lex.mark_pejoratives(doc)
    entries = [p.entry for k, ids in matcher(doc) for p in lex.patterns_for(nlp.vocab.strings[k], doc, ids)]
    assert any(e.where.startswith(str(user)) and e.type == "PROTEST" for e in entries)

