"""A dependency-tree matcher giving spaCy's ``DependencyMatcher`` results, faster on the event lexicon.

Why it exists: the events coder matched the lexicon (``Lexicon.matcher``) with spaCy's
``DependencyMatcher``, which runs a token ``Matcher`` with one pattern per node of every
pattern over every token of the article, walks each matched token up to its sentence's root,
then tries the cartesian product of every node's candidates in that sentence. On 100 newswire
articles that was 10 of the events stage's 22 seconds (under cProfile). ``TreeMatcher`` indexes
the patterns by their trigger's lemma (a trigger that names none: by its dependency label or
part of speech), read for the whole Doc at once with ``Doc.to_array``, so only a token that can
start a pattern is tried, and looks for each further node only among the tokens its relation
reaches (the children, the head, the subtree, the ancestors).

It handles the pattern forms the lexicon files use, and gives the same matches in the same order
as ``DependencyMatcher`` (keys in the order they were added; a key's patterns in order; a
pattern's matches by their tokens' positions, node by node):

- node attributes ``LEMMA``, ``LOWER``, ``ORTH``/``TEXT``, ``NORM``, ``POS``, ``TAG``, ``DEP``,
  ``ENT_TYPE`` given as a string, ``{"IN": [...]}`` and/or ``{"NOT_IN": [...]}`` of strings, and
  custom attributes (``"_": {"name": value}``) with a plain value;
- relations ``>`` (child), ``<`` (head), ``>>`` (descendant), ``<<`` (ancestor).

A key with any pattern in another form (other relations or attributes, ``OP``, predicates such
as ``REGEX``) is matched by a spaCy ``DependencyMatcher`` kept for those keys, so any lexicon a
user writes matches as before. (The order of matches equals spaCy's on a parsed Doc, whose trees
are its sentences, each a run of consecutive tokens: spaCy orders trees by their first matched
token, this matcher by their first token.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from spacy.attrs import DEP, ENT_TYPE, LEMMA, LOWER, NORM, ORTH, POS, TAG
from spacy.matcher import DependencyMatcher
from spacy.strings import StringStore
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

# pattern attribute -> (Token attribute holding its string's hash, spaCy attribute id)
_ATTRS = {"LEMMA": ("lemma", LEMMA), "LOWER": ("lower", LOWER), "ORTH": ("orth", ORTH), "TEXT": ("orth", ORTH),
          "NORM": ("norm", NORM), "POS": ("pos", POS), "TAG": ("tag", TAG), "DEP": ("dep", DEP),
          "ENT_TYPE": ("ent_type", ENT_TYPE)}
# the attributes a trigger is filed under, the most telling first
_INDEX_ORDER = ("LEMMA", "LOWER", "ORTH", "TEXT", "NORM", "DEP", "TAG", "POS", "ENT_TYPE")
_NODE_KEYS = {"RIGHT_ID", "RIGHT_ATTRS", "LEFT_ID", "REL_OP"}


def _children(t: Token) -> Iterator[Token]:
    return t.children  # in document order


def _head(t: Token) -> list[Token]:
    return [] if t.head.i == t.i else [t.head]


def _descendants(t: Token) -> list[Token]:
    return [d for d in t.subtree if d.i != t.i]


def _ancestors(t: Token) -> list[Token]:
    return sorted(t.ancestors, key=lambda a: a.i)


# relation -> the tokens it reaches from the left node, in document order
_RELATIONS: dict[str, Callable[[Token], Any]] = {">": _children, "<": _head, ">>": _descendants, "<<": _ancestors}


class _Unsupported(Exception):
    """A pattern form this matcher leaves to spaCy's."""


def _test(attrs: Any, strings: StringStore) -> Callable[[Token], bool]:
    """One node's ``RIGHT_ATTRS`` as a test of a token (``_Unsupported`` for any other form). Like
    spaCy's Matcher, it compares the hashes of the strings (``strings``: the vocabulary's)."""
    if not isinstance(attrs, dict):
        raise _Unsupported
    checks: list[tuple[str, str, Any]] = []  # (token attribute, how, hash or hashes)
    extensions: list[tuple[str, Any]] = []
    for key, value in attrs.items():
        if key == "_":
            if not isinstance(value, dict):
                raise _Unsupported
            for name, v in value.items():
                if isinstance(v, (dict, list, float)) or v is None:
                    raise _Unsupported
                extensions.append((name, v))
            continue
        if key not in _ATTRS:
            raise _Unsupported
        attr = _ATTRS[key][0]
        if isinstance(value, str):
            checks.append((attr, "==", strings.add(value)))
        elif isinstance(value, dict) and value and set(value) <= {"IN", "NOT_IN"}:
            for how, words in value.items():
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    raise _Unsupported
                checks.append((attr, how, frozenset(strings.add(w) for w in words)))
        else:
            raise _Unsupported

    def test(t: Token) -> bool:
        for attr, how, value in checks:
            v = getattr(t, attr)
            if (v != value) if how == "==" else ((v not in value) if how == "IN" else (v in value)):
                return False
        # spaCy's Matcher compares a custom attribute as a number or a string (True == 1)
        return all(t._.get(name) == v for name, v in extensions)

    return test


class _Pattern:
    """A compiled pattern: the trigger's test, and per further node (index of its left node,
    relation, test); ``index``: the trigger attribute and the hashes it is filed under (None:
    tried on every token)."""

    def __init__(self, nodes: list[dict[str, Any]], strings: StringStore):
        if not isinstance(nodes, list) or not nodes or not all(isinstance(n, dict) for n in nodes):
            raise _Unsupported
        first = nodes[0]
        if set(first) != {"RIGHT_ID", "RIGHT_ATTRS"}:
            raise _Unsupported
        position = {first["RIGHT_ID"]: 0}
        self.trigger = _test(first["RIGHT_ATTRS"], strings)
        self.steps: list[tuple[int, Callable[[Token], Any], Callable[[Token], bool]]] = []
        for k, node in enumerate(nodes[1:], start=1):
            if set(node) != _NODE_KEYS or node["REL_OP"] not in _RELATIONS or node["LEFT_ID"] not in position \
                    or node["RIGHT_ID"] in position:
                raise _Unsupported
            self.steps.append((position[node["LEFT_ID"]], _RELATIONS[node["REL_OP"]],
                               _test(node["RIGHT_ATTRS"], strings)))
            position[node["RIGHT_ID"]] = k
        self.index: tuple[int, frozenset[int]] | None = None
        for key in _INDEX_ORDER:
            value = first["RIGHT_ATTRS"].get(key)
            if isinstance(value, str):
                self.index = (_ATTRS[key][1], frozenset([strings.add(value)]))
            elif isinstance(value, dict) and "IN" in value:
                self.index = (_ATTRS[key][1], frozenset(strings.add(w) for w in value["IN"]))
            if self.index is not None:
                break

    def matches(self, trigger: Token, out: list[list[int]]) -> None:
        """Append every match starting on ``trigger`` (already tested), in spaCy's order."""
        tokens = [trigger]
        steps = self.steps
        last = len(steps)

        def extend(k: int) -> None:
            if k == last:
                out.append([t.i for t in tokens])
                return
            left, relation, test = steps[k]
            for t in relation(tokens[left]):
                if test(t):
                    tokens.append(t)
                    extend(k + 1)
                    tokens.pop()

        extend(0)


class TreeMatcher:
    """``add(key, patterns)`` and ``matcher(doc)`` -> ``[(key id, [token index per node]), ...]``,
    like spaCy's ``DependencyMatcher`` (without callbacks)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self._raw: dict[int, list[list[dict[str, Any]]]] = {}  # key id -> its patterns, keys in order added
        self._slots: dict[int, list[int] | None] = {}  # key id -> its patterns' slots (None: spaCy's matcher)
        self._patterns: list[_Pattern | None] = []  # by slot (None: its key went to spaCy's matcher)
        self._index: dict[int, dict[int, list[int]]] = {}  # trigger attribute -> hash -> slots
        self._anywhere: list[int] = []  # slots of the patterns tried on every token
        self._spacy: DependencyMatcher | None = None

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        key_id = self.vocab.strings.add(key)
        self._raw.setdefault(key_id, []).extend(patterns)
        try:
            compiled = [_Pattern(p, self.vocab.strings) for p in patterns]
        except _Unsupported:
            compiled = None
        before = self._slots.get(key_id, [])
        if compiled is None or before is None:
            for slot in before or []:  # the key's earlier patterns go to spaCy's matcher too
                self._patterns[slot] = None
            if self._spacy is None:
                self._spacy = DependencyMatcher(self.vocab, validate=True)
            self._spacy.add(key, patterns if before is None else self._raw[key_id])
            self._slots[key_id] = None
            return
        slots = self._slots.setdefault(key_id, [])
        for p in compiled:
            slot = len(self._patterns)
            slots.append(slot)
            if p.index is None:
                self._anywhere.append(slot)
            else:
                table = self._index.setdefault(p.index[0], {})
                for h in p.index[1]:
                    table.setdefault(h, []).append(slot)
            self._patterns.append(p)

    def __len__(self) -> int:
        return len(self._slots)

    @property
    def fallback(self) -> DependencyMatcher | None:
        """The spaCy matcher for the keys whose patterns this one does not handle (None: none)."""
        return self._spacy

    def __call__(self, doc: Doc) -> list[tuple[int, list[int]]]:
        patterns = self._patterns
        found: list[list[list[int]]] = [[] for _ in patterns]  # per slot, in trigger order

        def attempt(t: Token, slot: int) -> None:
            p = patterns[slot]
            if p is not None and p.trigger(t):
                p.matches(t, found[slot])

        if self._index and len(doc):
            attrs = list(self._index)
            columns = doc.to_array(attrs).T.tolist()  # one hash per token and attribute, no Token made
            for attr, column in zip(attrs, columns):
                table = self._index[attr]
                for i, h in enumerate(column):
                    slots = table.get(h)
                    if slots:
                        t = doc[i]
                        for slot in slots:
                            attempt(t, slot)
        if self._anywhere:
            for t in doc:
                for slot in self._anywhere:
                    attempt(t, slot)
        spacy_found: dict[int, list[tuple[int, list[int]]]] = {}
        if self._spacy is not None:
            for key_id, ids in self._spacy(doc):
                spacy_found.setdefault(key_id, []).append((key_id, ids))
        out: list[tuple[int, list[int]]] = []
        for key_id, slots in self._slots.items():
            if slots is None:
                out += spacy_found.get(key_id, [])
            else:
                for slot in slots:
                    out += [(key_id, ids) for ids in found[slot]]
        return out
