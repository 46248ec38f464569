"""The event lexicon: a YAML data file turned into one dependency matcher (``nlp.treematch``).

The file (``whodid/data/events/lexicon.yaml``) lists, per PLOVER type, trigger
lemmas (verbs, event nouns), multi-word phrases and raw dependency patterns with
the CAMEO code, mode and context they stand for, plus the marker words the
modality code reads. Users add entries with their own file (same format).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from spacy.matcher import DependencyMatcher
from spacy.tokens import Token
from spacy.vocab import Vocab

from whodid.knowledge import petrarch_verbs
from whodid.knowledge.entries import GOVERNS, PARTICLES, PLOVER_TYPES, Condition, Entry
from whodid.nlp.extensions import positions_in, positions_of_lemmas
from whodid.nlp.treematch import TreeMatcher

REQUIRES = ("recipient", "object", "complement", "counterpart", "dyad", "rebuttal", "accord")
# the words a sense constraint can look at (see lexicon.yaml, "Sense constraints")
ROLES = ("object", "direct_object", "subject", "doer", "complement", "complement_subject", "complement_object", "clause_subject", "predicate",
         "dependent", "modifier", "subtree", "trigger")
PREP_ROLE = re.compile(r"^prep:[a-z]+$")
# word classes computed from the parse and the actors, not listed in a file
BUILTIN_CLASSES = ("any", "none", "actor", "person", "group", "organization", "armed", "place", "gpe", "date", "event", "plural", "passive",
                   "question", "own", "description", "judgement", "infinitive", "clause", "single", "state_body", "said_by", "issue", "thing")
ENTRY_KEYS = {
    "type", "cameo", "mode", "context", "verbs", "nouns", "adjs", "phrases", "patterns", "ambiguous", "requires",
    "of", "poss", "compound", "governs", "object", "speaker_is_actor", "fallback", "table_exception",
    "intent", "request", "refuse", "threat", "when", "unless", "void_when",
}
TOP_KEYS = {"version", "type_defaults", "markers", "classes", "entries"}


class LexiconError(ValueError):
    """A malformed lexicon file: the message names the file, the line and the problem."""


# the built-in lexicon files, in order (an earlier entry wins on the same word): the
# hand-written lexicon, then the cases the news-events guidelines decide
BUILT_IN = ("lexicon.yaml", "decisions.yaml")


@dataclass
class Pattern:
    entry: Entry
    nodes: list[dict[str, Any]]
    noun: bool  # the trigger is an event noun
    phrase: bool = False  # written as a phrase: its words must stand in the phrase's relation

    @property
    def size(self) -> int:
        return len(self.nodes)




def _phrase_nodes(phrase: str) -> tuple[list[dict[str, Any]], bool]:
    words = phrase.split()
    heads = [i for i, w in enumerate(words) if w.isupper() and any(c.isalpha() for c in w)]
    if len(words) == 1:
        heads = [0]
    if len(heads) != 1:
        raise ValueError(f"phrase {phrase!r}: write exactly one word (the head) in CAPITALS")
    h = heads[0]
    noun = h > 0  # "missile ATTACK": a noun head; "PULL out": a verb head
    nodes: list[dict[str, Any]] = [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {
        "LEMMA": words[h].lower(), "POS": "NOUN" if noun else "VERB"}}]
    for i, w in enumerate(words):
        if i != h:
            nodes.append({"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": f"w{i}",
                          "RIGHT_ATTRS": {"LEMMA": w.lower()}})
    return nodes, noun


def phrase_fits(doc, ids: list[int]) -> bool:
    """A phrase's words stand in the relation the phrase means: a verb's subject is not
    its object ("talks ended" is not "END talks", "police sent" is not "SEND police"),
    and a particle is no preposition with an object ("given more time in Iraq" is not "GIVE in")."""
    head = doc[ids[0]]
    for i in ids[1:]:
        t = doc[i]
        if head.pos_ == "VERB" and t.dep_ in ("nsubj", "csubj"):
            return False
        if t.lower_ in PARTICLES and any(c.dep_ == "pobj" for c in t.children):
            return False
    return True


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser: 10x faster, same marks
    """A YAML loader whose mappings remember the line they start on (``_Located``)."""


class _Located(dict):
    line: int = 0


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _Located:
    m = _Located(loader.construct_mapping(node, deep=True))
    m.line = node.start_mark.line + 1
    return m


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(text: str, name: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise LexiconError(f"{name}{line}: not valid YAML ({getattr(exc, 'problem', None) or exc})") from None


class Lexicon:
    """Entries, marker words, word classes, recoding defaults; ``matcher()`` compiles the triggers.

    Single words and two-word phrases are compiled into a handful of grouped
    dependency patterns (head lemma IN [...], dependent lemma IN [...]) and
    told apart afterwards by a dictionary lookup, so matching costs the same with
    ten entries or a thousand; longer phrases and raw patterns are added one by one.
    A word may stand for several entries (its senses): ``senses`` lists them in the
    order the coder tries them.
    """

    def __init__(self, data: list[dict[str, Any]], names: list[str] | None = None):
        self.entries: list[Entry] = []
        self.patterns: list[Pattern] = []  # raw patterns and phrases of 3+ words
        self.words: dict[tuple[str, str], list[Entry]] = {}  # (lemma, POS) -> entries
        self.pairs: dict[tuple[str, str, str], list[Entry]] = {}  # (head lemma, POS, dependent lemma) -> entries
        self.type_defaults: dict[str, dict[str, Any]] = {}
        self.markers: dict[str, set[str]] = {}
        self.classes: dict[str, frozenset[str]] = {}
        # verb dictionaries in PETRARCH's format: triggers for verbs the entries leave alone
        self.verb_indexes: list[Any] = []
        names = names or []
        pending: list[tuple[Entry, str]] = []
        for n, doc in enumerate(data):
            name = names[n] if n < len(names) else f"lexicon source {n + 1}"
            pending += self._add(doc or {}, name)
        for entry, where in pending:  # classes may be defined in any file, before or after their use
            for condition in entry.when + entry.unless + entry.void_when:
                for values in condition.values():
                    for v in values:
                        if v not in BUILTIN_CLASSES and v not in self.classes:
                            raise LexiconError(f"{where}: unknown word class {v!r} (define it under 'classes:' "
                                               f"or use one of {', '.join(BUILTIN_CLASSES)})")

    @classmethod
    def load(cls, *extra: str | Path) -> Lexicon:
        """The built-in lexicon (``BUILT_IN``), then any user files (their entries come after): YAML
        lexicons, or PETRARCH verb dictionaries (any other suffix), which come after the
        built-in one, PETRARCH2's CAMEO.2.0.txt (see ``petrarch_verbs``). A malformed file
        raises ``LexiconError`` (or ``petrarch_verbs``' error) naming the file, the line and the problem."""
        data = resources.files("whodid") / "data" / "events"
        names = [f"{name} (built-in)" for name in BUILT_IN]
        docs = [read_yaml((data / name).read_text(encoding="utf-8"), label) for name, label in zip(BUILT_IN, names)]
        verb_files = [p for p in extra if petrarch_verbs.is_verb_dictionary(p)]
        for path in extra:
            if path not in verb_files:
                docs.append(read_yaml(Path(path).read_text(encoding="utf-8"), str(path)))
                names.append(str(path))
        lex = cls(docs, names)
        for path in [None, *verb_files]:
            index = petrarch_verbs.load_index(path, first_index=len(lex.entries) + sum(
                len(v.entries) for v in lex.verb_indexes))
            lex.verb_indexes.append(index)
        return lex

    def _add(self, doc: dict[str, Any], name: str) -> list[tuple[Entry, str]]:
        def where(node: Any) -> str:
            line = getattr(node, "line", 0)
            return f"{name}:{line}" if line else name

        if not isinstance(doc, dict):
            raise LexiconError(f"{name}: a lexicon file is a mapping with 'entries:' (and optionally "
                               f"'markers:', 'classes:', 'type_defaults:')")
        unknown = set(doc) - TOP_KEYS
        if unknown:
            raise LexiconError(f"{where(doc)}: unknown section(s) {', '.join(sorted(map(str, unknown)))}; "
                               f"expected {', '.join(sorted(TOP_KEYS))}")
        for t, d in (doc.get("type_defaults") or {}).items():
            if t not in PLOVER_TYPES or not isinstance(d, dict):
                raise LexiconError(f"{where(doc.get('type_defaults'))}: type_defaults: {t!r} must be a PLOVER type "
                                   f"with a mapping of intent/request/refuse/threat")
            self.type_defaults.setdefault(t, {}).update(d)
        for section, target in (("markers", self.markers), ("classes", None)):
            block = doc.get(section) or {}
            if not isinstance(block, dict):
                raise LexiconError(f"{where(doc)}: '{section}:' must map names to lists of words")
            for k, words in block.items():
                if not isinstance(words, list) or not all(isinstance(w, (str, int)) for w in words):
                    raise LexiconError(f"{where(block)}: {section}: {k!r} must be a list of words")
                if any(isinstance(w, bool) for w in words):
                    raise LexiconError(f"{where(block)}: {section}: {k!r}: quote on, off, yes, no "
                                       f"(YAML reads them as true/false)")
                if section == "classes":
                    if k in BUILTIN_CLASSES:
                        raise LexiconError(f"{where(block)}: classes: {k!r} is a built-in class")
                    self.classes[k] = self.classes.get(k, frozenset()) | {str(w).lower() for w in words}
                else:
                    target.setdefault(k, set()).update(str(w).lower() for w in words)
        entries = doc.get("entries") or []
        if not isinstance(entries, list):
            raise LexiconError(f"{where(doc)}: 'entries:' must be a list of entries")
        pending = []
        for raw in entries:
            at = where(raw)
            try:
                e = self._entry(raw, at)
            except LexiconError:
                raise
            except (ValueError, TypeError, KeyError) as exc:
                raise LexiconError(f"{at}: {exc}") from None
            pending.append((e, at))
        return pending

    def _entry(self, raw: Any, at: str) -> Entry:
        if not isinstance(raw, dict):
            raise LexiconError(f"{at}: an entry is a mapping (type:, cameo:, verbs: ...), not {raw!r}")
        unknown = set(raw) - ENTRY_KEYS
        if unknown:
            raise LexiconError(f"{at}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        t = raw.get("type")
        if t not in PLOVER_TYPES:
            raise LexiconError(f"{at}: type must be one of {', '.join(PLOVER_TYPES)}, not {t!r}")
        for key, allowed in (("governs", GOVERNS), ("requires", REQUIRES), ("of", ("actor", "recipient")),
                             ("poss", ("actor", "recipient")), ("compound", ("actor", "recipient")),
                             ("object", ("recipient", "theme"))):
            if key in raw and raw[key] not in allowed:
                raise LexiconError(f"{at}: {key} must be one of {', '.join(allowed)}, not {raw[key]!r}")
        for key in ("verbs", "nouns", "adjs", "phrases", "context", "patterns"):
            if key in raw and not isinstance(raw[key], list):
                raise LexiconError(f"{at}: {key} must be a list")
        if not any(raw.get(k) for k in ("verbs", "nouns", "phrases", "patterns")):
            raise LexiconError(f"{at}: an entry needs verbs, nouns, phrases or patterns")
        for key in ("intent", "request", "refuse", "threat"):
            if key in raw and not isinstance(raw[key], dict):
                raise LexiconError(f"{at}: {key} must be a mapping such as {{cameo: \"100\"}}")
        e = Entry(index=len(self.entries), type=t, cameo=str(raw["cameo"]) if raw.get("cameo") else None,
                  mode=raw.get("mode"), context=list(raw.get("context") or []),
                  ambiguous=bool(raw.get("ambiguous")), requires=raw.get("requires"), of=raw.get("of"),
                  compound=raw.get("compound", "actor"), poss=raw.get("poss", "actor"),
                  governs=raw.get("governs"),
                  speaker_is_actor=bool(raw.get("speaker_is_actor")), fallback=bool(raw.get("fallback")),
                  object=raw.get("object", "recipient"),
                  recode={k: raw[k] for k in ("intent", "request", "refuse", "threat") if k in raw},
                  when=_constraint(raw.get("when"), "when", at), unless=_constraint(raw.get("unless"), "unless", at),
                  void_when=_constraint(raw.get("void_when"), "void_when", at), where=at)
        self.entries.append(e)
        for pos, key in (("VERB", "verbs"), ("NOUN", "nouns")):
            for w in raw.get(key) or []:
                if " " not in str(w):
                    self.words.setdefault((str(w).lower(), pos), []).append(e)
        multi = [str(w) for w in (raw.get("verbs") or []) + (raw.get("nouns") or []) if " " in str(w)]
        phrases = [str(p) for p in raw.get("phrases") or []]
        # multi-word nouns ("peace talk") are phrases headed by their last word
        phrases += [" ".join(w.split()[:-1] + [w.split()[-1].upper()]) for w in multi]
        # the tokenizer splits a hyphenated noun ("sit-in": "sit" "-" "in", the last piece the
        # head): the pieces as a phrase headed by the last one
        phrases += [" ".join(w.split("-")[:-1] + [w.split("-")[-1].upper()])
                    for w in raw.get("nouns") or [] if "-" in str(w) and " " not in str(w)]
        for phrase in phrases:
            nodes, noun = _phrase_nodes(phrase)
            pos = "NOUN" if noun else "VERB"
            if len(nodes) == 1:
                self.words.setdefault((nodes[0]["RIGHT_ATTRS"]["LEMMA"], pos), []).append(e)
            elif len(nodes) == 2:
                key = (nodes[0]["RIGHT_ATTRS"]["LEMMA"], pos, nodes[1]["RIGHT_ATTRS"]["LEMMA"])
                self.pairs.setdefault(key, []).append(e)
            else:
                self.patterns.append(Pattern(e, nodes, noun, phrase=True))
        for nodes in raw.get("patterns") or []:
            if not isinstance(nodes, list) or not nodes or not isinstance(nodes[0], dict) \
                    or nodes[0].get("RIGHT_ID") != "trigger":
                raise LexiconError(f"{at}: a pattern is a list of DependencyMatcher nodes whose first is named 'trigger'")
            pos = nodes[0].get("RIGHT_ATTRS", {}).get("POS")
            nodes = [dict(n) for n in nodes]
            _check_pattern(nodes, at)
            self.patterns.append(Pattern(e, nodes, pos == "NOUN"))
        return e

    def marker(self, name: str) -> set[str]:
        return self.markers.get(name, set())

    def recoded(self, entry: Entry, how: str) -> dict[str, Any] | None:
        """What ``entry``'s event becomes when intended / agreed to / requested / refused /
        threatened. Agreed to ("agreed to resign") is intended, but always AGREE."""
        key = "intent" if how == "agreement" else how
        spec = entry.recode.get(key) or self.type_defaults.get(entry.type, {}).get(key)
        if how == "agreement" and spec is not None and spec.get("type", entry.type) != "AGREE":
            spec = self.type_defaults.get(entry.type, {}).get(key)
            if spec is None or spec.get("type", entry.type) != "AGREE":
                spec = {"type": "AGREE", "cameo": "030"}
        if spec is None:
            spec = {"request": {"cameo": "100"}, "refuse": {"cameo": "120"}, "threat": {"cameo": "130"}}.get(key)
        if spec is None:
            return None
        target = {"intent": spec.get("type", entry.type), "request": "REQUEST",
                  "refuse": "REJECT", "threat": "THREATEN"}[key]
        return {"type": target, "cameo": str(spec["cameo"]) if spec.get("cameo") else None,
                "mode": spec.get("mode")}

    def matcher(self, vocab: Vocab) -> TreeMatcher:
        """The triggers compiled into one matcher: whodid's ``TreeMatcher``, which gives spaCy's
        ``DependencyMatcher`` matches at a fraction of its cost (and hands it the patterns it does not handle)."""
        _register()
        m = TreeMatcher(vocab)
        for pos in ("VERB", "NOUN"):
            words = sorted({w for w, p in self.words if p == pos})
            if words:
                m.add(f"whodid_word_{pos}", [[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"IN": words}, "POS": pos}}]])
            heads = sorted({h for h, p, _ in self.pairs if p == pos})
            deps = sorted({d for h, p, d in self.pairs if p == pos})
            if heads:
                m.add(f"whodid_pair_{pos}", [[
                    {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"IN": heads}, "POS": pos}},
                    {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "dep", "RIGHT_ATTRS": {"LEMMA": {"IN": deps}}}]])
        for i, p in enumerate(self.patterns):
            m.add(f"whodid_event_{i}", [p.nodes])
        return m

    def patterns_for(self, name: str, doc, ids: list[int]) -> list[Pattern]:
        """The lexicon patterns behind one DependencyMatcher match: every entry the
        matched words stand for, in lexicon order (empty: no entry, or a phrase whose
        words do not stand in the phrase's relation)."""
        kind, _, rest = name[len("whodid_"):].partition("_")
        if kind == "event":
            p = self.patterns[int(rest)]
            if p.phrase and not phrase_fits(doc, ids):
                return []
            return [p]
        head = doc[ids[0]]
        if kind == "word":
            return [Pattern(e, [{}], rest == "NOUN") for e in self.words.get((head.lemma_.lower(), rest), [])]
        if kind == "pair":
            if not phrase_fits(doc, ids):
                return []
            found = self.pairs.get((head.lemma_.lower(), rest, doc[ids[1]].lemma_.lower()), [])
            return [Pattern(e, [{}, {}], rest == "NOUN") for e in found]
        return []

    def pattern_for(self, name: str, doc, ids: list[int]) -> Pattern | None:
        """The first lexicon pattern behind one match (None: no entry)."""
        found = self.patterns_for(name, doc, ids)
        return found[0] if found else None

    def mark_pejoratives(self, doc) -> None:
        """Set ``token._.whodid_pejorative`` (read by the "called X barbaric" patterns)."""
        _register()
        words = self.marker("pejoratives")
        # by the word or its lemma, read from the Doc's word indexes (no loop over every token)
        marked = set(positions_in(doc, words)) | positions_of_lemmas(doc, words)
        for i in sorted(marked):  # the default is False: set only the few that are (an extension write is slow)
            doc[i]._.whodid_pejorative = True


def _register() -> None:
    if not Token.has_extension("whodid_pejorative"):
        Token.set_extension("whodid_pejorative", default=False)


@lru_cache(maxsize=1)
def load_scores() -> dict[str, Any]:
    text = (resources.files("whodid") / "data" / "events" / "plover_scores.json").read_text(encoding="utf-8")
    return json.loads(text)


def _constraint(value: Any, key: str, at: str) -> list[Condition]:
    """``when`` / ``unless`` / ``void_when``: one condition (role -> word classes) or a list of them."""
    if value is None:
        return []
    conditions = value if isinstance(value, list) else [value]
    out: list[Condition] = []
    for cond in conditions:
        if not isinstance(cond, dict) or not cond:
            raise LexiconError(f"{at}: {key} must be a mapping of role to word classes "
                               f"(e.g. {{object: [person]}}) or a list of such mappings")
        parsed: Condition = {}
        for role, classes in cond.items():
            if role not in ROLES and not PREP_ROLE.match(str(role)):
                raise LexiconError(f"{at}: {key}: unknown role {role!r}; roles are {', '.join(ROLES)} "
                                   f"and prep:<preposition>")
            if isinstance(classes, str):
                classes = [classes]
            if not isinstance(classes, list) or not classes or not all(isinstance(c, str) for c in classes):
                raise LexiconError(f"{at}: {key}: {role} must list word classes")
            parsed[str(role)] = tuple(classes)
        out.append(parsed)
    return out


def _check_pattern(nodes: list[dict[str, Any]], at: str) -> None:
    """A raw pattern spaCy would refuse is refused here, with its place in the file."""
    _register()
    try:
        DependencyMatcher(Vocab(), validate=True).add("check", [nodes])
    except Exception as exc:  # spaCy raises ValueError / MatchPatternError subclasses
        problem = " ".join(str(exc).split())
        raise LexiconError(f"{at}: invalid dependency pattern: {problem[:300]}") from None
