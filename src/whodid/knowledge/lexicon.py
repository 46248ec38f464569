"""The event lexicon: a YAML data file turned into one spaCy DependencyMatcher.

The file (``whodid/data/events/lexicon.yaml``) lists, per PLOVER type, trigger
lemmas (verbs, event nouns), multi-word phrases and raw dependency patterns with
the CAMEO code, mode and context they stand for, plus the marker words the
modality code reads. Users add entries with their own file (same format).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from spacy.matcher import DependencyMatcher
from spacy.tokens import Token
from spacy.vocab import Vocab

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
GOVERNS = ("request", "refuse", "intent", "threaten")
# the built-in lexicon files, in order (an earlier entry wins on the same word): the
# hand-written lexicon, then the cases the news-events guidelines decide
BUILT_IN = ("lexicon.yaml", "decisions.yaml")


@dataclass
class Entry:
    index: int
    type: str
    cameo: str | None = None
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    ambiguous: bool = False
    requires: str | None = None  # recipient | object
    of: str | None = None  # role of an "of" phrase on an event noun
    compound: str = "actor"  # role of a compound/adjective modifier on an event noun
    poss: str = "actor"  # role of a possessive on an event noun
    governs: str | None = None  # request | refuse | intent | threaten
    speaker_is_actor: bool = False
    fallback: bool = False  # any other match on the same word wins
    object: str = "recipient"  # or "theme": the direct object is never a recipient
    recode: dict[str, dict[str, Any]] = field(default_factory=dict)  # intent/request/refuse/threat overrides


@dataclass
class Pattern:
    entry: Entry
    nodes: list[dict[str, Any]]
    noun: bool  # the trigger is an event noun

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


class Lexicon:
    """Entries, marker words, recoding defaults; ``matcher()`` compiles the triggers.

    Single words and two-word phrases are compiled into a handful of grouped
    DependencyMatcher patterns (head lemma IN [...], dependent lemma IN [...]) and
    told apart afterwards by a dictionary lookup, so matching costs the same with
    ten entries or a thousand; longer phrases and raw patterns are added one by one.
    """

    def __init__(self, data: list[dict[str, Any]]):
        self.entries: list[Entry] = []
        self.patterns: list[Pattern] = []  # raw patterns and phrases of 3+ words
        self.words: dict[tuple[str, str], Entry] = {}  # (lemma, POS) -> first entry
        self.pairs: dict[tuple[str, str, str], Entry] = {}  # (head lemma, POS, dependent lemma) -> entry
        self.type_defaults: dict[str, dict[str, Any]] = {}
        self.markers: dict[str, set[str]] = {}
        # verb dictionaries in PETRARCH's format: triggers for verbs the entries leave alone
        self.verb_indexes: list[Any] = []
        for doc in data:
            self._add(doc)

    @classmethod
    def load(cls, *extra: str | Path) -> Lexicon:
        """The built-in lexicon (``BUILT_IN``), then any user files (their entries come after): YAML
        lexicons, or PETRARCH verb dictionaries (any other suffix), which come after the
        built-in one, PETRARCH2's CAMEO.2.0.txt (see ``petrarch_verbs``)."""
        from whodid.knowledge import petrarch_verbs

        data = resources.files("whodid") / "data" / "events"
        docs = [yaml.safe_load((data / name).read_text(encoding="utf-8")) for name in BUILT_IN]
        verb_files = [p for p in extra if petrarch_verbs.is_verb_dictionary(p)]
        for path in extra:
            if path not in verb_files:
                docs.append(yaml.safe_load(Path(path).read_text(encoding="utf-8")))
        lex = cls(docs)
        for path in [None, *verb_files]:
            index = petrarch_verbs.load_index(path, first_index=len(lex.entries) + sum(
                len(v.entries) for v in lex.verb_indexes))
            lex.verb_indexes.append(index)
        return lex

    def _add(self, doc: dict[str, Any]) -> None:
        for t, d in (doc.get("type_defaults") or {}).items():
            self.type_defaults.setdefault(t, {}).update(d)
        for k, words in (doc.get("markers") or {}).items():
            self.markers.setdefault(k, set()).update(str(w).lower() for w in words)
        for raw in doc.get("entries") or []:
            t = raw.get("type")
            if t not in PLOVER_TYPES:
                raise ValueError(f"lexicon entry {raw!r}: type must be one of {', '.join(PLOVER_TYPES)}")
            if raw.get("governs") not in (None, *GOVERNS):
                raise ValueError(f"lexicon entry {raw!r}: governs must be one of {', '.join(GOVERNS)}")
            e = Entry(index=len(self.entries), type=t, cameo=str(raw["cameo"]) if raw.get("cameo") else None,
                      mode=raw.get("mode"), context=list(raw.get("context") or []),
                      ambiguous=bool(raw.get("ambiguous")), requires=raw.get("requires"), of=raw.get("of"),
                      compound=raw.get("compound", "actor"), poss=raw.get("poss", "actor"),
                      governs=raw.get("governs"),
                      speaker_is_actor=bool(raw.get("speaker_is_actor")), fallback=bool(raw.get("fallback")),
                      object=raw.get("object", "recipient"),
                      recode={k: raw[k] for k in ("intent", "request", "refuse", "threat") if k in raw})
            self.entries.append(e)
            for pos, key in (("VERB", "verbs"), ("NOUN", "nouns")):
                for w in raw.get(key) or []:
                    if " " not in w:
                        self.words.setdefault((str(w).lower(), pos), e)
            multi = [w for w in (raw.get("verbs") or []) + (raw.get("nouns") or []) if " " in w]
            phrases = list(raw.get("phrases") or [])
            # multi-word nouns ("peace talk") are phrases headed by their last word
            phrases += [" ".join(w.split()[:-1] + [w.split()[-1].upper()]) for w in multi]
            for phrase in phrases:
                nodes, noun = _phrase_nodes(phrase)
                pos = "NOUN" if noun else "VERB"
                if len(nodes) == 1:
                    self.words.setdefault((nodes[0]["RIGHT_ATTRS"]["LEMMA"], pos), e)
                elif len(nodes) == 2:
                    key = (nodes[0]["RIGHT_ATTRS"]["LEMMA"], pos, nodes[1]["RIGHT_ATTRS"]["LEMMA"])
                    self.pairs.setdefault(key, e)
                else:
                    self.patterns.append(Pattern(e, nodes, noun))
            for nodes in raw.get("patterns") or []:
                if not nodes or nodes[0].get("RIGHT_ID") != "trigger":
                    raise ValueError(f"lexicon entry {raw!r}: a pattern's first node must be named 'trigger'")
                pos = nodes[0].get("RIGHT_ATTRS", {}).get("POS")
                self.patterns.append(Pattern(e, nodes, pos == "NOUN"))

    def marker(self, name: str) -> set[str]:
        return self.markers.get(name, set())

    def recoded(self, entry: Entry, how: str) -> dict[str, Any] | None:
        """What ``entry``'s event becomes when intended / requested / refused / threatened."""
        spec = entry.recode.get(how) or self.type_defaults.get(entry.type, {}).get(how)
        if spec is None:
            spec = {"request": {"cameo": "100"}, "refuse": {"cameo": "120"}, "threat": {"cameo": "130"}}.get(how)
        if spec is None:
            return None
        target = {"intent": spec.get("type", entry.type), "request": "REQUEST",
                  "refuse": "REJECT", "threat": "THREATEN"}[how]
        return {"type": target, "cameo": str(spec["cameo"]) if spec.get("cameo") else None,
                "mode": spec.get("mode")}

    def matcher(self, vocab: Vocab) -> DependencyMatcher:
        _register()
        m = DependencyMatcher(vocab, validate=True)
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

    def pattern_for(self, name: str, doc, ids: list[int]) -> Pattern | None:
        """The lexicon pattern behind one DependencyMatcher match (None: no entry)."""
        kind, _, rest = name[len("whodid_"):].partition("_")
        if kind == "event":
            return self.patterns[int(rest)]
        head = doc[ids[0]]
        if kind == "word":
            e = self.words.get((head.lemma_.lower(), rest))
            return Pattern(e, [{}], rest == "NOUN") if e else None
        if kind == "pair":
            e = self.pairs.get((head.lemma_.lower(), rest, doc[ids[1]].lemma_.lower()))
            return Pattern(e, [{}, {}], rest == "NOUN") if e else None
        return None

    def mark_pejoratives(self, doc) -> None:
        """Set ``token._.whodid_pejorative`` (read by the "called X barbaric" patterns)."""
        _register()
        words = self.marker("pejoratives")
        for t in doc:
            t._.whodid_pejorative = t.lemma_.lower() in words or t.lower_ in words


def _register() -> None:
    if not Token.has_extension("whodid_pejorative"):
        Token.set_extension("whodid_pejorative", default=False)


@lru_cache(maxsize=1)
def load_scores() -> dict[str, Any]:
    text = (resources.files("whodid") / "data" / "events" / "plover_scores.json").read_text(encoding="utf-8")
    return json.loads(text)
