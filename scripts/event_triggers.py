"""A trained trigger detector: proposes event frames on words the coder's rules leave alone
(the model, its features and ``TriggerCoder``, the coder with it; used by
``scripts/train_event_triggers.py``, not by the package: out of fold it did not help).

The rules (``whodid/data/events/lexicon.yaml`` and PETRARCH2's verb dictionary) propose a
frame only on words they list; a gold event whose trigger is a word no rule lists is missed
whatever the parse says. This module reads, for each verb or noun that no rule proposed, the
parse's own evidence (its lemma, the PLOVER types the field's verb dictionary gives the
lemma in any sense, part of speech, dependency label, its children's labels, whether its
subject and object are actors the actors stage found, a quotation, negation, a modal) and a
linear model (multinomial logistic regression, weights in ``data/events/triggers.json``,
trained by ``scripts/train_event_triggers.py`` on the development gold) gives P(type) for
each PLOVER type and "no event". A word whose best type reaches the model's threshold becomes
a frame of that type; the coder then fills its parties with its usual role filling
(``Coder.verb_roles`` / ``noun_roles``) and keeps or drops it by its usual rules. Its entry's
``where`` is ``MODEL_WHERE``, so traces and the confidence can tell it from a rule's frame.

Out of fold it did not raise F1 on the development gold (``docs/accuracy.md``), so whodid's
coder does not use it; ``TriggerCoder`` is how it would be wired in.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from whodid.events.confidence import RecordingCoder
from whodid.events.coder import Frame
from whodid.knowledge.lexicon import Entry, Pattern

import logistic

MODEL_WHERE = "trigger model"
NONE = logistic.NONE
RULES = "rules proposed a frame here"  # a training row's mark: the word is one the rules read
CANDIDATE_POS = ("VERB", "NOUN")
_SUBJ = ("nsubj", "nsubjpass", "csubj", "agent")
_OBJ = ("dobj", "dative", "attr", "oprd")
_MODALS = frozenset({"could", "would", "may", "might", "will", "shall", "should", "must", "can", "ca", "wo"})


@dataclass
class TriggerModel:
    classes: list[str]  # NONE first, then PLOVER types
    bias: list[float]
    weights: dict[str, list[float]]  # feature -> one weight per class
    threshold: float
    trained: dict[str, Any]

    @classmethod
    def load(cls, path: str | Path) -> TriggerModel:
        d = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(d["classes"], d["bias"], d["weights"], float(d["threshold"]), d.get("trained", {}))

    def probabilities(self, feats: list[str]) -> list[float]:
        z = logistic.scores(self.bias, self.weights, feats)
        top = max(z)
        e = [math.exp(v - top) for v in z]
        s = sum(e)
        return [v / s for v in e]

    def best(self, feats: list[str]) -> tuple[str, float]:
        """The most probable event type (never NONE) and the probability of an event (1 - P(NONE))."""
        p = self.probabilities(feats)
        k = max(range(1, len(p)), key=lambda i: p[i])
        return self.classes[k], 1.0 - p[0]


def lemma_types(lex, lemma: str, pos: str) -> set[str]:
    """The PLOVER types the lexicon and the verb dictionary give ``lemma`` in any sense."""
    out = {e.type for e in lex.words.get((lemma, pos), ())}
    for index in lex.verb_indexes:
        for sense in index.senses.get(lemma, ()):
            if sense.default is not None:
                out.add(sense.default.type)
            out.update(p.entry.type for p in sense.patterns if p.entry is not None)
    return out


def lemma_cameo(lex, lemma: str) -> set[str]:
    """The CAMEO root classes (two digits) PETRARCH2's verb dictionary (``CAMEO.2.0.txt``)
    gives ``lemma`` in any sense."""
    out = set()
    for index in lex.verb_indexes:
        for sense in index.senses.get(lemma, ()):
            entries = [sense.default] + [p.entry for p in sense.patterns]
            out.update(e.cameo[:2] for e in entries if e is not None and e.cameo)
    return out


def candidate(t) -> bool:
    return t.pos_ in CANDIDATE_POS and t.is_alpha and len(t.text) > 2


def features(t, idx, lex, quoted: list[tuple[int, int]]) -> list[str]:
    """The evidence on one candidate word (strings; a linear model weighs each)."""
    lemma = t.lemma_.lower()
    f = [f"lemma={lemma}", f"pos={t.pos_}", f"tag={t.tag_}", f"dep={t.dep_}", f"head_pos={t.head.pos_}",
         f"pos_dep={t.pos_}|{t.dep_}", f"head_lemma={t.head.lemma_.lower()}"]
    types = lemma_types(lex, lemma, t.pos_)
    f += [f"vd={x}" for x in types] or ["vd=none"]
    f += [f"lemma_vd={lemma}|{x}" for x in types]
    f += [f"cameo={c}" for c in lemma_cameo(lex, lemma)]
    deps = {c.dep_ for c in t.children}
    f += [f"cdep={d}" for d in deps]
    for name, group in (("subj", _SUBJ), ("obj", _OBJ)):
        kids = [c for c in t.children if c.dep_ in group]
        if kids:
            f.append(f"{name}=actor" if any(idx.at(k) is not None for k in kids) else f"{name}=other")
            f += [f"{name}_ent={k.ent_type_ or k.pos_}" for k in kids]
            f += [f"{name}_head={k.lemma_.lower()}" for k in kids if k.pos_ in ("NOUN", "PROPN")]
    pobj = [g for c in t.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if any(idx.at(g) is not None for g in pobj):
        f.append("pobj=actor")
    if any(c.dep_ == "poss" and idx.at(c) is not None for c in t.children):
        f.append("poss=actor")
    if any(s <= t.idx < e for s, e in quoted):
        f.append("quoted")
    if "neg" in deps:
        f.append("negated")
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in t.children):
        f.append("modal")
    if t.dep_ == "xcomp":
        f.append(f"xcomp_of={t.head.lemma_.lower()}")
    return f


@lru_cache(maxsize=None)
def cameo_of(type_: str) -> str | None:
    """The broadest CAMEO code the CAMEO to PLOVER table gives this type (a model frame's code)."""
    from whodid.knowledge.petrarch_verbs import builtin_settings

    codes = sorted((len(c), c) for c, p in builtin_settings()[1].items() if p.type == type_)
    return codes[0][1] if codes else None


class TriggerCoder(RecordingCoder):
    """whodid's coder (``RecordingCoder``, as ``EventsStage`` uses) with the trigger model:
    after the rules' frames, frames the model proposes on verbs and nouns no rule proposed
    one on (nor reads as a report, belief or intent verb). ``triggers``: the model (None:
    the rules alone); ``trigger_rows``: when a list, every candidate word with its features
    (training; the rules' own words too, marked ``RULES``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.triggers: TriggerModel | dict[int, str] | None = None
        self.trigger_rows: list[tuple[int, list[str]]] | None = None
        self.proposed: set[int] = set()
        self._quoted: list[tuple[int, int]] = []

    def code(self, doc, analysis):
        self._quoted = [(q.start, q.end) for q in analysis.quotes if q.kind != "term"]
        return super().code(doc, analysis)

    def _verb_dictionary_frames(self, doc, frames, inner, refused=frozenset()):
        super()._verb_dictionary_frames(doc, frames, inner, refused)
        # the words the rules proposed a frame on, kept or not (refused: matched, no sense fitted)
        self.proposed = set(refused) | set(inner) | {i for f in frames.values() for i in f.tokens}

    def frames(self, doc, idx):
        frames = super().frames(doc, idx)
        if self.triggers is not None or self.trigger_rows is not None:
            self._model_frames(doc, idx, frames)
        return frames

    def _model_frames(self, doc, idx, frames: dict[int, Frame]) -> None:
        for t in doc:
            if not candidate(t) or t.lemma_.lower() in self._verb_exclude:
                continue
            if t.i in self.proposed:
                if self.trigger_rows is not None:
                    self.trigger_rows.append((t.i, features(t, idx, self.lex, self._quoted) + [RULES]))
                continue
            feats = features(t, idx, self.lex, self._quoted)
            if self.trigger_rows is not None:
                self.trigger_rows.append((t.i, feats))
            if self.triggers is None:
                continue
            if isinstance(self.triggers, dict):  # an oracle (the training script): word -> gold type
                if t.i in self.triggers:
                    entry = Entry(index=-1, type=self.triggers[t.i], cameo=cameo_of(self.triggers[t.i]),
                                  where=f"{MODEL_WHERE} p=1.000")
                    frames[t.i] = Frame(token=t, pattern=Pattern(entry, [{}], t.pos_ == "NOUN"), tokens=[t.i])
                continue
            type_, p = self.triggers.best(feats)
            if p < self.triggers.threshold:
                continue
            entry = Entry(index=-1, type=type_, cameo=cameo_of(type_), where=f"{MODEL_WHERE} p={p:.3f}")
            frames[t.i] = Frame(token=t, pattern=Pattern(entry, [{}], t.pos_ == "NOUN"), tokens=[t.i])
