from whodid import nlp as whodid_nlp


def test_split_text_keeps_every_character_and_prefers_paragraphs():
    paragraph = "The minister said talks would resume. " * 40 + "\n\n"
    text = paragraph * 30
    pieces = whodid_nlp.split_text(text, limit=5000)
    assert "".join(pieces) == text
    assert all(len(p) <= 5000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_split_text_hard_cuts_a_run_without_whitespace():
    text = "x" * 12_000
    pieces = whodid_nlp.split_text(text, limit=5000)
    assert "".join(pieces) == text and len(pieces) == 3


def test_long_article_is_parsed_whole_with_offsets_intact(nlp, seed_text):
    text = "\n\n".join([seed_text] * 25)  # ~130k characters: two chunks
    docs = list(whodid_nlp.parse([seed_text, text], nlp))
    (short, short_chunks), (long_doc, chunks) = docs
    assert short_chunks == 1 and chunks == 2
    assert long_doc.text == text
    # the same sentence is found at the same offsets in the last copy
    last = text.rindex("Peskov told reporters")
    token = next(t for t in long_doc if t.idx == last)
    assert token.text == "Peskov" and token.ent_type_ == "PERSON"
    assert sum(1 for _ in long_doc.sents) >= 25 * 30


def test_a_blank_line_always_ends_a_sentence(nlp):
    text = "Biden and Macron to meet Putin\n\nThe Kremlin said on Friday that talks were possible."
    (doc, _), = whodid_nlp.parse([text], nlp)
    first = next(doc.sents)
    assert first.text.strip() == "Biden and Macron to meet Putin"


def test_positions_of_finds_a_words_tokens_in_order_by_each_attribute(nlp):
    from whodid.nlp.extensions import positions_in, positions_of

    doc = nlp("Talks failed. The talks will resume, officials said of the TALKS on Monday.")
    assert list(positions_of(doc, "talks")) == [t.i for t in doc if t.lower_ == "talks"] == [0, 4, 12]
    assert list(positions_of(doc, "talks", "orth")) == [4]
    assert list(positions_of(doc, "talk", "lemma")) == [t.i for t in doc if t.lemma_ == "talk"]
    assert list(positions_of(doc, "VERB", "pos")) == [t.i for t in doc if t.pos_ == "VERB"]
    assert list(positions_of(doc, "summit")) == [] and list(positions_of(doc, "")) == []
    assert positions_in(doc, ["on", "the", "talks"]) == [t.i for t in doc if t.lower_ in ("on", "the", "talks")]


def test_pejoratives_are_marked_by_word_or_lemma(nlp):
    from whodid.knowledge.lexicon import Lexicon

    lex = Lexicon.load()
    words = lex.marker("pejoratives")
    assert {"barbaric", "terrorist"} <= words
    doc = nlp("Barbaric attacks, the minister said: they are terrorists, not the calm police.")
    lex.mark_pejoratives(doc)
    # "Barbaric" by its lower-case form, "terrorists" by its lemma
    assert [t.text for t in doc if t._.whodid_pejorative] == ["Barbaric", "terrorists"]
