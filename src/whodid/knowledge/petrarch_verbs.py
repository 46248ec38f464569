"""PETRARCH2 CAMEO verb dictionaries as an event-trigger source, coded in PLOVER.

The verb dictionary of the open event coder PETRARCH2 (``CAMEO.2.0.txt``,
Open Event Data Alliance, MIT) is the field's hand-built vocabulary of political
verbs: about 400 blocks of synonymous verbs, each with a default CAMEO code and
the patterns that give a more precise code from the words around the verb. whodid
reads it as it is written and codes its CAMEO codes in PLOVER 2.0 through the
CAMEO to PLOVER table, so its vocabulary is the field's and not only what whodid's
authors wrote by hand (``data/events/lexicon.yaml``, which keeps priority).

The format (PETRARCH2's ``PETRreader.read_verb_dictionary``):

    &CEASEFIRE                          a synset: its members on ``+`` lines;
    +TRUCE                              ``_`` joins words; a trailing ``_`` (on a
    +CEASE_FIRE                         member or the name) means "no plural"

    ---  AGREE   [050]  ---             a block: name and default code
    AGREE                               a verb (regular forms are derived)
    DEAL {DEALS DEALING DEALT}          irregular forms, all of them
    +CALL_OFF [160]                     a multi-word verb, ``+`` on the verb word;
                                        a verb's own code overrides the block's
    - * (TO &CEASEFIRE)   [0356]        a pattern: ``*`` is the verb; after it the
    - * {PEACE PLAN}      [037]         object nouns (``{...}``: a noun phrase, head
    - &MILITARY * ATTACK  [190]         last), ``(PREP ...)`` a prepositional phrase,
    - * + THAT $ WILL PULLOUT [0356]    ``&NAME`` a synset; before it, the subject;
                                        ``$``/``+`` source/target, ``^`` skip, ``%``
                                        compound; codes ``[xxx]``, ``[xxx:yyy]`` (a
                                        reciprocal event), ``[:yyy]`` (only the
                                        reversed event), ``[---]`` (no event)
    ~ a (a b ATTACK) SAY = a b 015      a transformation (read, not used)

Comments start with ``#`` (and, on verb lines, TABARI's ``;``). A malformed line is
refused with ``VerbDictionaryError`` naming the file, the line and the problem.

What whodid uses, because the parse can check it (PETRARCH's patterns are broad):

- patterns with nothing before the verb and no role markers, whose words after the
  verb are found on the parse as the verb's objects, particles or complements and
  prepositional phrases hanging off the verb or off a word already matched
  ("STAGE * PROTEST", "CALL * (FOR &CEASEFIRE)");
- a pattern only on the verbs its comment names: the dictionary's header says the
  comment gives "the verb[s] where the pattern was originally found" (TABARI's), before
  the blocks grouped WordNet synonyms under them, so "BACK * INITIATIVE" is no "promoted
  initiatives", "CONVICT * (OF &CRIME)" no "accused of crimes"; a pattern whose comment
  names no verb of its block is tried on them all, as PETRARCH does;
- a multi-word verb's particle only as a particle ("gave their answers in 100 hours" is no
  GIVE_IN);
- an event only between two parties the text places in a country, one of them political
  (PETRARCH codes a source and a target from its actor dictionaries; ``events.coder``);
- a verb's default code only when the verb has a recipient that is a known actor
  (PETRARCH itself codes only a source and a target);
- ``[---]`` and ``[:yyy]`` patterns that match mean "no event from this verb here".

A trigger whodid's own lexicon already codes is left to it, and so is an object that
is already an event of its own ("staged a protest": the protest). See
``data/events/petrarch.yaml`` for how CAMEO codes become PLOVER types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from whodid.knowledge.entries import GOVERNS, PARTICLES, PLOVER_TYPES, Entry
from whodid.nlp.extensions import positions_of

VERB_SECTION = "####### VERB PATTERNS"
CODE = re.compile(r"^(?:---|\d{2,4})$")
WORD = re.compile(r"^[A-Z0-9][A-Z0-9'./-]*$")
NAME = re.compile(r"^[A-Z0-9][A-Z0-9_'./-]*$")
VERB_LINE = re.compile(r"^(?P<word>[A-Z0-9'_+./-]+)\s*(?:\{(?P<forms>[^{}]*)\})?\s*(?:\[(?P<code>[^\[\]]*)\])?\s*$")
HEADER = re.compile(r"^---\s+(?P<name>\S+)\s+\[(?P<code>[^\[\]]*)\]\s*-*\s*---$")
TOKEN = re.compile(r"\(|\)|\{|\}|\*|\[[^\]]*\]|[^\s(){}*\[\]]+")
MARKERS = {"$", "+", "^", "%"}


class VerbDictionaryError(ValueError):
    """A malformed verb dictionary or CAMEO to PLOVER table: ``path:line: problem``."""

    def __init__(self, path: str | Path, line: int | None, problem: str) -> None:
        self.path, self.line, self.problem = str(path), line, problem
        super().__init__(f"{path}:{line}: {problem}" if line else f"{path}: {problem}")


# ---------------------------------------------------------------- the dictionary, as written


@dataclass(frozen=True)
class Code:
    """``[xxx]``, ``[xxx:yyy]``, ``[:yyy]`` or ``[---]``: the event, and the reversed one."""

    primary: str | None
    reverse: str | None = None

    @property
    def null(self) -> bool:
        return self.primary is None


@dataclass(frozen=True)
class Noun:
    """Words of a noun phrase (head last), or a synset (``&NAME``) in it."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class Prep:
    """``(PREP noun ...)``: a preposition and the noun phrases it governs."""

    prep: str
    nouns: tuple[Noun, ...]


@dataclass
class VerbPattern:
    before: list[Noun | Prep | str]  # str: a marker ($ + ^ %)
    after: list[Noun | Prep | str]
    code: Code
    line: int
    text: str
    # the verbs the pattern was written for, from its comment ("# SURRENDER", "# STEP_UP ,
    # STEPPED_UP"): the dictionary's header says each pattern's comment names "the verb[s]
    # where the pattern was originally found" before the blocks merged WordNet synonyms
    origin: tuple[tuple[str, ...], ...] = ()


@dataclass
class Verb:
    word: str  # the verb word, lower case ("call" in "+CALL_OFF")
    front: tuple[str, ...]  # words before it in a multi-word verb
    back: tuple[str, ...]  # words after it ("off")
    forms: tuple[str, ...]  # irregular forms given in {...}
    code: Code | None  # its own code; None: the block's
    line: int


@dataclass
class Block:
    name: str
    code: Code
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass
class Synset:
    name: str
    members: list[tuple[tuple[str, ...], bool]]  # (words, plural allowed)
    line: int


@dataclass
class VerbDictionary:
    path: str
    synsets: dict[str, Synset]
    blocks: list[Block]
    transformations: list[tuple[int, str]]


def _code(raw: str, path: str, line: int) -> Code:
    text = raw.strip()
    if text == "---":
        return Code(None)
    primary, sep, reverse = text.partition(":")
    parts = [primary] + ([reverse] if sep else [])
    for part in parts:
        if part and not CODE.match(part):
            raise VerbDictionaryError(path, line, f"code [{raw}] is not a CAMEO code (2 to 4 digits, or ---)")
    if not primary and not reverse:
        raise VerbDictionaryError(path, line, f"code [{raw}] is empty")
    return Code(primary if primary and primary != "---" else None, reverse if reverse and reverse != "---" else None)


def _strip_comment(line: str, semicolon: bool = False) -> str:
    cut = line.find("#")
    if cut >= 0:
        line = line[:cut]
    if semicolon:
        cut = line.find(";")
        if cut >= 0:
            line = line[:cut]
    return line.strip()


def _words(t: str, path: str, line: int) -> list[str]:
    """A pattern word, a synset (``&NAME``) or words joined by ``_`` ("FIGHTER_&AIRCRAFT");
    a trailing ``_`` (TABARI's "whole word") is dropped."""
    head, amp, synset = t.partition("&")
    words = [w for w in head.rstrip("_").split("_")] if head else []
    if amp:
        if head and not head.endswith("_"):
            raise VerbDictionaryError(path, line, f"{t!r}: a synset (&NAME) must start a word")
        words.append("&" + synset)
    for w in words:
        if not (NAME.match(w[1:]) if w.startswith("&") else WORD.match(w)):
            raise VerbDictionaryError(path, line, f"{t!r} is not a word, synset (&NAME) or marker")
    return words


def _pattern(text: str, path: str, line: int) -> VerbPattern:
    body = _strip_comment(text[1:])
    tokens = TOKEN.findall(body)
    codes = [i for i, t in enumerate(tokens) if t.startswith("[")]
    if not codes:
        raise VerbDictionaryError(path, line, "pattern has no code: end it with [code]")
    if len(codes) > 1 or codes[0] != len(tokens) - 1:
        raise VerbDictionaryError(path, line, "pattern has text after its code, or two codes")
    code = _code(tokens[-1][1:-1], path, line)
    tokens = tokens[:-1]
    if tokens.count("*") != 1:
        raise VerbDictionaryError(path, line, "pattern needs exactly one * (the verb's place)")
    sides: list[list[Noun | Prep | str]] = [[], []]
    side = 0
    prep: tuple[str, list[Noun]] | None = None
    phrase: list[str] | None = None
    for t in tokens:
        if t == "*":
            if prep is not None or phrase is not None:
                raise VerbDictionaryError(path, line, "the verb's * is inside a (...) or {...}")
            side = 1
        elif t == "(":
            if prep is not None:
                raise VerbDictionaryError(path, line, "( inside (...): prepositional phrases do not nest")
            if phrase is not None:
                raise VerbDictionaryError(path, line, "( inside {...}")
            prep = ("", [])
        elif t == ")":
            if prep is None:
                raise VerbDictionaryError(path, line, ") without (")
            if phrase is not None:
                raise VerbDictionaryError(path, line, "{ not closed before )")
            if not prep[0]:
                raise VerbDictionaryError(path, line, "() has no preposition")
            sides[side].append(Prep(prep[0], tuple(prep[1])))
            prep = None
        elif t == "{":
            if phrase is not None:
                raise VerbDictionaryError(path, line, "{ inside {...}: noun phrases do not nest")
            phrase = []
        elif t == "}":
            if phrase is None:
                raise VerbDictionaryError(path, line, "} without {")
            if not phrase:
                raise VerbDictionaryError(path, line, "{} is empty")
            noun = Noun(tuple(phrase))
            phrase = None
            if prep is not None:
                if not prep[0]:
                    raise VerbDictionaryError(path, line, "(...) must start with its preposition")
                prep[1].append(noun)
            else:
                sides[side].append(noun)
        else:
            if t in MARKERS:
                if phrase is not None:
                    raise VerbDictionaryError(path, line, f"marker {t} inside {{...}}")
                if prep is not None and prep[0]:
                    prep[1].append(Noun((t,)))
                else:
                    sides[side].append(t)
                continue
            words = _words(t, path, line)
            if phrase is not None:
                phrase.extend(words)
            elif prep is not None:
                if not prep[0]:
                    if len(words) > 1 or t.startswith("&"):
                        raise VerbDictionaryError(path, line, f"(...) must start with its preposition, not {t}")
                    prep = (t, prep[1])
                else:
                    prep[1].append(Noun(tuple(words)))
            else:
                sides[side].append(Noun(tuple(words)))
    if prep is not None:
        raise VerbDictionaryError(path, line, "( not closed")
    if phrase is not None:
        raise VerbDictionaryError(path, line, "{ not closed")
    return VerbPattern(sides[0], sides[1], code, line, body, _origin(text))


ORIGIN = re.compile(r"^[A-Z][A-Z'-]*(?:[_ ][A-Z][A-Z'-]*)*$")


def _origin(text: str) -> tuple[tuple[str, ...], ...]:
    """The verbs a pattern's comment names first ("# SURRENDER", "# STEP_UP , STEPPED_UP",
    "# BLOWN UP"), each as its lower-case words; none when the comment is anything else."""
    cut = text.find("#")
    if cut < 0:
        return ()
    found: list[tuple[str, ...]] = []
    for item in text[cut + 1:].split(","):
        item = item.strip()
        if not ORIGIN.match(item):
            break
        found.append(tuple(w.lower() for w in item.replace(" ", "_").split("_")))
    return tuple(found)


def _verb(text: str, path: str, line: int) -> Verb:
    body = _strip_comment(text, semicolon=True)
    m = VERB_LINE.match(body)
    if not m:
        raise VerbDictionaryError(path, line, f"not a verb line: {body!r} (VERB {{FORMS}} [code])")
    word = m["word"]
    forms = tuple(f.lower() for f in (m["forms"] or "").split())
    code = _code(m["code"], path, line) if m["code"] is not None else None
    front: tuple[str, ...] = ()
    back: tuple[str, ...] = ()
    if "_" in word or "+" in word:
        if word.count("+") != 1:
            raise VerbDictionaryError(path, line, f"multi-word verb {word}: mark its verb word with one +")
        before, _, after = word.partition("+")
        if before and not before.endswith("_"):
            raise VerbDictionaryError(path, line, f"multi-word verb {word}: + must start a word")
        head, *rest = after.split("_")
        front = tuple(w.lower() for w in before.split("_") if w)
        back = tuple(w.lower() for w in rest if w)
        word = head
        # irregular forms of a multi-word verb repeat its shape: keep the verb word
        forms = tuple(f.lstrip("+").split("_")[len(front)] if "_" in f else f.lstrip("+") for f in forms)
    if not WORD.match(word):
        raise VerbDictionaryError(path, line, f"{word!r} is not a verb")
    return Verb(word.lower(), front, back, forms, code, line)


def parse(text: str, path: str | Path = "<verb dictionary>") -> VerbDictionary:
    """Read a verb dictionary's text; every problem names ``path`` and the line."""
    path = str(path)
    synsets: dict[str, Synset] = {}
    blocks: list[Block] = []
    transformations: list[tuple[int, str]] = []
    current_synset: Synset | None = None
    block: Block | None = None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith(VERB_SECTION):
            current_synset = None
            continue
        if stripped.startswith("#") or stripped.startswith("<!"):
            continue
        if line.startswith("---"):
            m = HEADER.match(_strip_comment(line))
            if not m:
                raise VerbDictionaryError(path, n, "block header must read ---  NAME  [code]  ---")
            block = Block(m["name"], _code(m["code"], path, n), n)
            blocks.append(block)
            current_synset = None
        elif line.startswith("&"):
            name = _strip_comment(line)
            if " " in name or not NAME.match(name[1:]):
                raise VerbDictionaryError(path, n, f"synset name {name!r} must be one word after &")
            if name[1:].rstrip("_") in synsets:
                raise VerbDictionaryError(path, n, f"synset {name} is defined twice (first at line "
                                                   f"{synsets[name[1:].rstrip('_')].line})")
            current_synset = Synset(name[1:].rstrip("_"), [], n)
            current_synset.plural = not name.endswith("_")  # type: ignore[attr-defined]
            synsets[current_synset.name] = current_synset
        elif line.startswith("+") and current_synset is not None:
            member = _strip_comment(line[1:])
            words = member.rstrip("_").replace("_", " ").split()
            if not words or any(not WORD.match(w) for w in words):
                raise VerbDictionaryError(path, n, f"synset member {member!r} must be words")
            plural = current_synset.plural and not member.endswith("_")  # type: ignore[attr-defined]
            current_synset.members.append((tuple(words), plural))
        elif line.startswith("~"):
            if "=" not in line:
                raise VerbDictionaryError(path, n, "transformation needs '=': ~ pattern = result")
            transformations.append((n, line))
        elif line.startswith("-"):
            if block is None:
                raise VerbDictionaryError(path, n, "pattern before any ---  VERB  [code]  --- block")
            block.patterns.append(_pattern(line, path, n))
        else:
            if current_synset is not None and block is None:
                raise VerbDictionaryError(path, n, "synset members start with +")
            if block is None:
                raise VerbDictionaryError(path, n, "verb before any ---  VERB  [code]  --- block")
            current_synset = None
            block.verbs.append(_verb(line, path, n))
    for b in blocks:
        for p in b.patterns:
            for element in p.before + p.after:
                nouns = element.nouns if isinstance(element, Prep) else (element,) if isinstance(element, Noun) else ()
                for noun in nouns:
                    for w in noun.words:
                        if w.startswith("&") and w[1:].rstrip("_") not in synsets:
                            raise VerbDictionaryError(path, p.line, f"synset {w} is not defined")
    return VerbDictionary(path, synsets, blocks, transformations)


def read(path: str | Path) -> VerbDictionary:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise VerbDictionaryError(path, None, f"cannot read the file ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise VerbDictionaryError(path, None, "the file is not UTF-8 text") from exc
    return parse(text, path)


# ---------------------------------------------------------------- CAMEO to PLOVER


@dataclass(frozen=True)
class Plover:
    type: str
    mode: str | None
    context: tuple[str, ...]


TABLE_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#.*)?$")


def read_table(text: str, path: str | Path = "<CAMEO to PLOVER table>") -> dict[str, Plover]:
    """``CAMEO2PLOVER-2021.txt``: ``code: TYPE, mode, context # description`` lines."""
    table: dict[str, Plover] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("~"):
            continue
        m = TABLE_LINE.match(line)
        if not m:
            raise VerbDictionaryError(path, n, "not a table line: CODE: TYPE, mode, context # description")
        code, type_, mode, context = m[1], m[2], (m[3] or "").strip(), (m[4] or "").strip()
        if type_ not in PLOVER_TYPES:
            raise VerbDictionaryError(path, n, f"{type_} is not a PLOVER 2.0 type")
        if len(code) == 2 and code in table:
            continue  # "08: CONCEDE" and "08: RETREAT": a category split in two; the codes below decide
        table.setdefault(code, Plover(type_, mode.replace(" ", "") or None,
                                      tuple(c.strip() for c in context.split(";") if c.strip())))
    return table


# ---------------------------------------------------------------- compiled for matching

_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "acomp", "prt", "advmod", "dative", "npadvmod",
                          "xcomp", "ccomp", "obj", "pobj", "pcomp", "compound", "amod", "nmod", "appos", "conj"})
_VERB_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "acomp", "prt", "advmod", "dative",
                               "npadvmod", "xcomp", "ccomp", "obj"})
_PREP_DEPS = frozenset({"prep", "agent", "dative", "prt"})
# a pattern is only as specific as its content words: a noun, name, adjective or number
_CONTENT = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


@lru_cache(maxsize=None)
def _forms(word: str) -> frozenset[str]:
    """A pattern word and its singular: PETRARCH writes surface forms ("SANCTIONS")."""
    w = word.lower()
    out = {w}
    if w.endswith("ies") and len(w) > 4:
        out.add(w[:-3] + "y")
    elif w.endswith("es") and len(w) > 3:
        out.update({w[:-2], w[:-1]})
    elif w.endswith("s") and len(w) > 3:
        out.add(w[:-1])
    return frozenset(out)


def _plural(words: tuple[str, ...]) -> tuple[str, ...]:
    last = words[-1]
    if last.endswith("Y"):
        plural = last[:-1] + "IES"
    elif last.endswith("S"):
        plural = last + "ES"
    else:
        plural = last + "S"
    return words[:-1] + (plural,)


@dataclass(frozen=True)
class NounMatch:
    """Alternatives for one noun phrase: each a head's forms and its modifiers' forms."""

    alternatives: tuple[tuple[frozenset[str], tuple[frozenset[str], ...]], ...]

    def keys(self) -> set[str]:
        return {w for head, _ in self.alternatives for w in head}

    @cached_property
    def by_head(self) -> dict[str, tuple[int, ...]]:
        """Each head form -> the alternatives (their positions) it heads: a noun is tried only
        against the alternatives its word heads, not against every one of a synset's members."""
        index: dict[str, list[int]] = {}
        for k, (head, _mods) in enumerate(self.alternatives):
            for w in head:
                index.setdefault(w, []).append(k)
        return {w: tuple(ks) for w, ks in index.items()}


@dataclass(frozen=True)
class PrepMatch:
    prep: str
    nouns: tuple[NounMatch, ...]


@dataclass
class Compiled:
    elements: tuple[NounMatch | PrepMatch, ...]
    entry: Any  # lexicon.Entry, or None: "no event from this verb here"
    line: int
    origin: tuple[tuple[str, ...], ...] = ()  # the verbs it was written for (``VerbPattern.origin``)

    @property
    def size(self) -> int:
        return 1 + len(self.elements) + sum(len(e.nouns) for e in self.elements if isinstance(e, PrepMatch))


@dataclass
class Sense:
    verb: Verb
    default: Any  # lexicon.Entry or None
    patterns: list[Compiled]  # the most specific first
    # a word the first element needs on the verb (its head noun or preposition) -> the
    # positions of the patterns that need it: only those are tried on a verb
    by_key: dict[str, list[int]] = field(default_factory=dict)

    def candidates(self, t) -> list[Compiled]:
        keys = {k for c in t.children for k in (c.lower_, c.lemma_.lower())}
        found = sorted({i for k in keys for i in self.by_key.get(k, ())})
        return [self.patterns[i] for i in found]


@dataclass
class Match:
    token: int
    tokens: list[int]
    entry: Any
    line: int  # the dictionary line that decided


class VerbIndex:
    """A verb dictionary compiled for matching on a parse: verb word -> senses."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.senses: dict[str, list[Sense]] = {}
        self.entries: list[Any] = []
        self.skipped: dict[str, int] = {}

    def _skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1

    # ------------------------------------------------------------ matching
    def match(self, doc, taken: set[int], exclude: set[str] | frozenset[str] = frozenset()) -> list[Match]:
        """Verb events in ``doc`` on tokens not in ``taken`` (whodid's own triggers),
        with no matched word in ``taken`` either."""
        out = []
        for i in positions_of(doc, "VERB", "pos"):
            if i in taken:
                continue
            t = doc[i]
            lemma = t.lemma_.lower()
            if lemma in exclude:
                continue
            senses = self.senses.get(lemma) or self.senses.get(t.lower_)
            if not senses:
                continue
            found = self._match_token(t, senses, taken)
            if found is not None and found.entry is not None:
                out.append(found)
        return out

    def _match_token(self, t, senses: list[Sense], taken: set[int]) -> Match | None:
        children = list(t.children)
        for sense in senses:
            v = sense.verb
            used = {t.i}
            if v.back:
                # a particle is no preposition with an object of its own: "gave their answers in
                # 100 hours" is not GIVE_IN (as in the lexicon's phrases, ``lexicon.phrase_fits``)
                parts = [next((c for c in children if c.lower_ == w and c.dep_ in ("prt", "prep", "advmod")
                               and not (w in PARTICLES and any(k.dep_ == "pobj" for k in c.children))), None)
                         for w in v.back]
                if any(p is None for p in parts):
                    continue
                used |= {p.i for p in parts if p is not None}
            if v.front:
                prev = t.nbor(-1) if t.i > 0 else None
                if prev is None or prev.lower_.strip("-") != v.front[-1]:
                    continue
            for pattern in sense.candidates(t):
                ids = self._match_pattern(t, pattern, set(used))
                if ids is not None and pattern.entry is not None and \
                        not any(t.doc[i].pos_ in _CONTENT for i in ids if i != t.i):
                    continue  # only adverbs and particles matched ("campaigning ahead"): too broad
                if ids is not None:
                    if pattern.entry is None or ids & taken:
                        return None  # "no event here", or the object is already an event of its own
                    return Match(t.i, sorted(ids), pattern.entry, pattern.line)
            if sense.default is not None:
                return Match(t.i, sorted(used), sense.default, sense.verb.line)
            return None
        return None

    def _match_pattern(self, t, pattern: Compiled, used: set[int]) -> set[int] | None:
        anchors = [t]
        for element in pattern.elements:
            hit = None
            for a in anchors:
                if isinstance(element, PrepMatch):
                    hit = self._prep(a, element, used, verb=a is t)
                else:
                    hit = self._noun(a, element, used, _VERB_OBJECT_DEPS if a is t else _OBJECT_DEPS)
                if hit is not None:
                    break
            if hit is None:
                return None
            used |= hit
            anchors += [t.doc[i] for i in sorted(hit)]
        return used

    @staticmethod
    def _noun(anchor, noun: NounMatch, used: set[int], deps) -> set[int] | None:
        for c in anchor.children:
            if c.i in used or c.dep_ not in deps:
                continue
            by_head = noun.by_head
            lower, lemma = c.lower_, c.lemma_.lower()
            heads = by_head.get(lower, ())
            if lemma != lower and lemma in by_head:
                heads = sorted({*heads, *by_head[lemma]})  # in the alternatives' order
            for alternative in heads:
                _head, mods = noun.alternatives[alternative]
                got = {c.i}
                ok = True
                for mod in mods:
                    m = next((k for k in c.children if k.i not in used and k.i not in got
                              and {k.lower_, k.lemma_.lower()} & mod), None)
                    if m is None:
                        ok = False
                        break
                    got.add(m.i)
                if ok:
                    return got
        return None

    def _prep(self, anchor, prep: PrepMatch, used: set[int], verb: bool) -> set[int] | None:
        for c in anchor.children:
            if c.i in used or c.dep_ not in _PREP_DEPS or c.lower_ != prep.prep:
                continue
            got = {c.i}
            ok = True
            anchors = [c]
            for noun in prep.nouns:
                hit = None
                for a in anchors:
                    hit = self._noun(a, noun, used | got, _OBJECT_DEPS)
                    if hit:
                        break
                if hit is None:
                    ok = False
                    break
                got |= hit
                anchors += [c.doc[i] for i in sorted(hit)]
            if ok:
                return got
        return None


# ---------------------------------------------------------------- dictionary -> index


@dataclass
class Settings:
    """How CAMEO codes become PLOVER events (``data/events/petrarch.yaml``)."""

    appeals_as_request: bool = True  # CAMEO 02x read as the REQUEST of 10x
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)  # code -> {type, mode, context}
    governs: dict[str, str] = field(default_factory=dict)  # PLOVER type -> governs
    skip_blocks: set[str] = field(default_factory=set)
    skip_verbs: set[str] = field(default_factory=set)
    verb_codes: str = "none"  # none | own (a verb's own [code]) | all (block defaults too)
    dyad: bool = True  # an event needs two known parties, as PETRARCH codes a source and a target


def plover_for(code: str, table: dict[str, Plover], settings: Settings) -> tuple[Plover, str] | None:
    """The PLOVER reading of a CAMEO code and the code it was read as (None: PLOVER drops it)."""
    if code in settings.codes:
        spec = settings.codes[code]
        return Plover(spec["type"], spec.get("mode"), tuple(spec.get("context") or ())), code
    # CAMEO 02x (appeal) parallels 10x (demand) code for code: 0256 -> 1056
    read_as = "10" + code[2:] if code.startswith("02") and settings.appeals_as_request else code
    for c in (read_as, read_as[:3], read_as[:2]):
        if c in table:
            return table[c], read_as
    return None


def compile_index(dictionary: VerbDictionary, table: dict[str, Plover], settings: Settings,
                  first_index: int = 0) -> VerbIndex:
    """The parse-checkable part of ``dictionary`` coded in PLOVER (see the module doc)."""
    index = VerbIndex(dictionary.path)
    entries: dict[tuple, Entry] = {}

    def entry(code: Code | None, default: bool) -> Entry | None:
        if code is None or code.primary is None:
            return None
        found = plover_for(code.primary, table, settings)
        if found is None:
            index._skip("code PLOVER drops (CAMEO 01, public statements)")
            return None
        p, read_as = found
        key = (p.type, read_as, p.mode, p.context, default)
        if key not in entries:
            e = Entry(index=first_index + len(entries), type=p.type, cameo=read_as, mode=p.mode,
                      context=list(p.context), ambiguous=True,
                      requires="dyad" if settings.dyad else "recipient" if default else None,
                      governs=settings.governs.get(p.type))
            entries[key] = e
            index.entries.append(e)
        return entries[key]

    made: dict[tuple[str, ...], NounMatch | None] = {}

    def nouns(noun: Noun) -> NounMatch | None:
        if noun.words not in made:
            made[noun.words] = _nouns(noun)
        return made[noun.words]

    def _nouns(noun: Noun) -> NounMatch | None:
        alternatives: list[tuple[str, ...]] = [()]
        for w in noun.words:
            if w in MARKERS:
                return None
            if w.startswith("&"):
                syn = dictionary.synsets[w[1:].rstrip("_")]
                options = [m for m, _ in syn.members]
                options += [_plural(m) for m, plural in syn.members if plural and not w.endswith("_")]
            else:
                options = [(w.rstrip("_"),)]
            alternatives = [a + o for a in alternatives for o in options]
        return NounMatch(tuple((_forms(a[-1]), tuple(_forms(m) for m in a[:-1])) for a in alternatives))

    for block in dictionary.blocks:
        if block.name.lower() in settings.skip_blocks:
            index._skip("block left to whodid's lexicon")
            continue
        compiled: list[Compiled] = []
        for p in block.patterns:
            if p.before:
                index._skip("pattern on the subject")
                continue
            if any(isinstance(e, str) for e in p.after) or \
                    any(isinstance(e, Prep) and any(n.words[0] in MARKERS for n in e.nouns) for e in p.after):
                index._skip("pattern with role markers")
                continue
            if not p.after:
                index._skip("pattern with nothing after the verb")
                continue
            if not any(isinstance(e, Noun) or (isinstance(e, Prep) and e.nouns) for e in p.after) \
                    and p.code.primary is not None:
                index._skip("pattern with only a preposition after the verb")  # "* (TO)": any "came to"
                continue
            elements: list[NounMatch | PrepMatch] = []
            for e in p.after:
                if isinstance(e, Prep):
                    ns = [nouns(n) for n in e.nouns]
                    elements.append(PrepMatch(e.prep.lower(), tuple(n for n in ns if n is not None)))
                else:
                    n = nouns(e)
                    if n is not None:
                        elements.append(n)
            if p.code.primary is None:
                e_ = None  # [---] or [:yyy]: no event whodid can code here
            else:
                e_ = entry(p.code, default=False)
                if e_ is None:
                    continue
            compiled.append(Compiled(tuple(elements), e_, p.line, p.origin))
        compiled.sort(key=lambda c: -c.size)  # the most specific first
        # a pattern is tried on the verbs it was written for: the blocks group WordNet synonyms
        # under TABARI's verbs, and "BACK * INITIATIVE" is no "promoted initiatives" nor
        # "GIVE * &CURRENCY" a "raised cash"; a pattern whose comment names no verb of its
        # block (or none) is tried on them all, as PETRARCH does
        named = {id(c) for c in compiled if any(_written_for(v, o) for v in block.verbs for o in c.origin)}
        shared: dict[tuple[int, ...], tuple[list[Compiled], dict[str, list[int]]]] = {}
        for v in block.verbs:
            if v.word in settings.skip_verbs:
                index._skip("verb left to whodid's lexicon")
                continue
            own = tuple(i for i, c in enumerate(compiled)
                        if id(c) not in named or any(_written_for(v, o) for o in c.origin))
            index.skipped["pattern left to the verb it was written for"] = \
                index.skipped.get("pattern left to the verb it was written for", 0) + len(compiled) - len(own)
            if own not in shared:
                patterns = [compiled[i] for i in own]
                by_key: dict[str, list[int]] = {}
                for i, c in enumerate(patterns):
                    first = c.elements[0] if c.elements else None
                    keys = {first.prep} if isinstance(first, PrepMatch) else first.keys() if first else set()
                    for k in keys:
                        by_key.setdefault(k, []).append(i)
                shared[own] = (patterns, by_key)
            patterns, by_key = shared[own]
            code = v.code if settings.verb_codes != "none" else None
            if settings.verb_codes == "all":
                code = v.code or block.code
            sense = Sense(v, entry(code, default=True), patterns, by_key)
            if sense.default is None and not any(c.entry is not None for c in patterns):
                continue
            for key in {v.word, *v.forms}:
                index.senses.setdefault(key, []).append(sense)
    for senses in index.senses.values():
        senses.sort(key=lambda s: -len(s.verb.back))  # "call off" before "call"
    return index


def _inflections(word: str) -> set[str]:
    """A verb's regular forms ("step": steps, stepped, stepping)."""
    out = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        out.add(word[:-1] + "ing")
    if word.endswith("y"):
        out.update({word[:-1] + "ies", word[:-1] + "ied"})
    if len(word) > 2 and word[-1] not in "aeiouwxy":
        out.update({word + word[-1] + "ed", word + word[-1] + "ing"})
    return out


def _written_for(v: Verb, origin: tuple[str, ...]) -> bool:
    """Whether a pattern's origin verb ("stepped", "up") is the block's verb ``v`` (step up)."""
    words = (*v.front, v.word, *v.back)
    if len(origin) != len(words):
        return False
    at = len(v.front)
    return origin[:at] == words[:at] and origin[at + 1:] == words[at + 1:] and \
        (origin[at] in v.forms or origin[at] in _inflections(v.word))


def load_settings(text: str, path: str | Path = "<settings>") -> Settings:
    data = yaml.safe_load(text) or {}
    codes = {}
    for code, spec in (data.get("codes") or {}).items():
        if not CODE.match(str(code)) or spec.get("type") not in PLOVER_TYPES:
            raise VerbDictionaryError(path, None, f"codes: {code}: needs a CAMEO code and a PLOVER type")
        codes[str(code)] = spec
    governs = {str(k): str(v) for k, v in (data.get("governs") or {}).items()}
    if any(k not in PLOVER_TYPES or v not in GOVERNS for k, v in governs.items()):
        raise VerbDictionaryError(path, None, "governs: PLOVER type -> request | refuse | intent | threaten")
    verb_codes = str(data.get("verb_codes", "none"))
    if verb_codes not in ("none", "own", "all"):
        raise VerbDictionaryError(path, None, "verb_codes: none | own | all")
    return Settings(appeals_as_request=bool(data.get("appeals_as_request", True)), codes=codes, governs=governs,
                    verb_codes=verb_codes, dyad=bool(data.get("dyad", True)),
                    skip_blocks={str(b).lower() for b in data.get("skip_blocks") or []},
                    skip_verbs={str(v).lower() for v in data.get("skip_verbs") or []})


def _data(name: str) -> str:
    return (resources.files("whodid") / "data" / "events" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def builtin_settings() -> tuple[Settings, dict[str, Plover]]:
    settings = load_settings(_data("petrarch.yaml"), "whodid/data/events/petrarch.yaml")
    table = read_table(_data("CAMEO2PLOVER-2021.txt"), "whodid/data/events/CAMEO2PLOVER-2021.txt")
    return settings, table


def load_index(path: str | Path | None = None, first_index: int = 0) -> VerbIndex:
    """The built-in dictionary (``path`` None) or a user's, compiled with the built-in settings."""
    settings, table = builtin_settings()
    if path is None:
        dictionary = parse(_data("CAMEO.2.0.txt"), "whodid/data/events/CAMEO.2.0.txt")
    else:
        dictionary = read(path)
    return compile_index(dictionary, table, settings, first_index)


def is_verb_dictionary(path: str | Path) -> bool:
    """A lexicon file that is not YAML is read as a PETRARCH verb dictionary."""
    return not str(path).lower().endswith((".yaml", ".yml"))
