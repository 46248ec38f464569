"""What stages hand each other on the Doc, declared as spaCy extensions.

Each attribute says which stage writes it and which read it. A stage that needs
another's result reads it from here or from the Analysis, never from an
undeclared ``doc.user_data`` key.

- ``doc._.whodid_analysis``: the ``Analysis`` built so far. Every whodid component
  reads and extends it; created from the Doc's text by the first component when a
  spaCy user runs whodid's components in a pipeline of their own.
- ``doc._.whodid_text_dates``: an undated article's date expressions, found and
  resolved without a base by the actors stage (to date its roles); the time stage
  takes them over instead of finding them twice.
- ``doc._.whodid_date_constraints``: bounds on the publication date from the titles
  of known people ("President Joe Biden": 2021-01-20 .. 2025-01-20), written by the
  actors stage, read by the time stage's inference.
- ``doc._.whodid_dates``: the article's date expressions resolved against its
  (possibly inferred) publication date, written by the time stage, read by checks.
- ``doc._.whodid_article_country``: the country the article is about (ISO3, or None when
  the text does not tell), as the actors stage judged it from the dateline, the actors'
  countries and the places named; read by the quotes stage to place an unnamed speaker
  ("officials said") as a guess.
- ``doc._.whodid_text``: the Doc's text, kept by ``text_of`` the first time a stage asks
  for it: ``Doc.text`` joins every token anew on each call, and a dozen readers across
  the stages asked for it on every article (about 3 ms an article).
- ``doc._.whodid_positions``: the positions of the tokens by word, kept by ``positions_of`` for
  the scans that look for a word across the whole article again and again (a quote's cue word).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

ATTRIBUTES = ("whodid_analysis", "whodid_text_dates", "whodid_date_constraints", "whodid_dates",
              "whodid_article_country", "whodid_text", "whodid_positions")

for _name in ATTRIBUTES:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def text_of(doc: Doc) -> str:
    """The Doc's text, built once per Doc (a Doc's text never changes, retokenized or not)."""
    text = doc._.whodid_text
    if text is None:
        text = doc._.whodid_text = doc.text
    return text


_COLUMNS = {"lower": LOWER, "orth": ORTH, "lemma": LEMMA, "pos": POS}


def char_tokens(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens that cover the characters ``[start, end)``, widened to whole tokens; None when
    no token does (offsets outside the doc, or only whitespace between tokens)."""
    return doc.char_span(start, end, alignment_mode="expand")


def span_at(doc: Doc, at) -> Span | None:
    """The tokens that cover ``at`` (anything with ``start`` and ``end`` character offsets: an
    event's trigger, a mention, a quote), as ``char_tokens`` gives them."""
    return char_tokens(doc, at.start, at.end)


def positions_of(doc: Doc, word: str, attr: str = "lower") -> Sequence[int]:
    """The positions of the tokens whose ``attr`` is ``word``, in document order: ``lower``
    (``Token.lower_``), ``orth`` (the text), ``lemma`` (``Token.lemma_``, as it is) or ``pos``
    ("VERB"). An index of every value, built once per Doc and attribute, for the scans that look
    for a few words across the whole article again and again (a loop over every token, once per
    quote, made a quote's cue word a fifth of the events stage). No stage retokenizes a parsed
    Doc; an index is rebuilt if the Doc's length changed all the same."""
    return positions_by(doc, attr).get(get_string_id(word), ()) if word else ()


def positions_by(doc: Doc, attr: str = "lower") -> dict[int, list[int]]:
    """``positions_of``'s index: the hash of each value of ``attr`` in the Doc -> its tokens' positions."""
    indexes = doc._.whodid_positions
    if indexes is None or indexes[0] != len(doc):
        indexes = doc._.whodid_positions = (len(doc), {})
    index = indexes[1].get(attr)
    if index is None:
        index = indexes[1][attr] = {}
        for i, h in enumerate(doc.to_array(_COLUMNS[attr]).tolist()):
            index.setdefault(h, []).append(i)
    return index


def positions_in(doc: Doc, words: Iterable[str], attr: str = "lower") -> list[int]:
    """The positions of the tokens whose ``attr`` is any of ``words``, in document order."""
    return sorted(i for w in set(words) for i in positions_of(doc, w, attr))


def positions_of_lemmas(doc: Doc, lemmas: Iterable[str]) -> set[int]:
    """The positions of the tokens whose lemma, lower-cased, is one of ``lemmas`` (which are
    lower case), read from the Doc's lemma index (no loop over every token)."""
    wanted = lemmas if isinstance(lemmas, (set, frozenset)) else set(lemmas)
    strings = doc.vocab.strings
    return {i for h, where in positions_by(doc, "lemma").items() if strings[h].lower() in wanted for i in where}
