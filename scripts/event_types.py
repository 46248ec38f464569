"""A trained re-typer of the events stage's emitted events (the model and its features; used by
``scripts/train_event_types.py``, not by the package: out of fold it did not help).

The rules pick an event's PLOVER type from its trigger's lexicon entry or PETRARCH2 verb
pattern and their sense constraints. This module reads, for each event the stage emits, the
evidence around its trigger (the rules' type and CAMEO code, the sense that was chosen, the
trigger's lemma, part of speech, dependency label, head and children, the entity types of
its subject and object, its parties' kinds and sectors, its modality and negation, the words
in a small window) and a multinomial logistic regression gives P(type) for each PLOVER type
and "no event". The rules' type enters twice: as features, and as a shared bonus on the
class the rules chose (``agree``), so that the model keeps the rules' type unless the
evidence says otherwise. ``decide`` re-types an event when another type's log-probability
exceeds the rules' by ``margin`` and drops it when P(no event) exceeds ``drop``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whodid.nlp.extensions import span_at

import logistic

NONE = logistic.NONE
WINDOW = 3
_SUBJ = ("nsubj", "nsubjpass", "csubj", "agent")
_OBJ = ("dobj", "dative", "attr", "oprd")


def _trigger_token(doc, ev, frame):
    if frame is not None:
        return frame.token
    span = span_at(doc, ev.trigger)
    return span.root if span is not None else None


def features(doc, analysis, ev, frame) -> list[str]:
    """The evidence on one emitted event (strings; the model weighs each)."""
    rt = ev.type
    f = [f"rt={rt}", f"modality={ev.modality}|{rt}"]
    if ev.cameo:
        f += [f"cameo={ev.cameo}", f"cameo2={ev.cameo[:2]}"]
    if frame is None:
        f.append(f"no_frame|{rt}")
    else:
        e = frame.entry
        # the sense the lexicon chose: its entry (file:line), and whether it was recoded by a governor
        f.append(f"entry={e.where.rsplit('/', 1)[-1]}")
        if frame.type != e.type:
            f.append(f"recoded={e.type}>{frame.type}")
        f.append(f"noun={int(frame.noun)}|{rt}")
        f.append(f"has_object={int(frame.has_object)}|{rt}")
        if frame.modal.negated:
            f.append("negated")
        for flag in ("conditional", "hypothetical", "future", "intent", "obligation"):
            if getattr(frame.modal, flag, False):
                f.append(f"modal={flag}")
    t = _trigger_token(doc, ev, frame)
    if t is not None:
        lemma = t.lemma_.lower()
        f += [f"lemma={lemma}", f"lemma_rt={lemma}|{rt}", f"pos={t.pos_}|{rt}", f"dep={t.dep_}|{rt}",
              f"head={t.head.lemma_.lower()}", f"head_rt={t.head.lemma_.lower()}|{rt}"]
        for c in t.children:
            if c.dep_ in ("dobj", "prep", "pobj", "xcomp", "ccomp", "compound", "amod", "prt", "neg"):
                f.append(f"child={c.dep_}:{c.lemma_.lower()}")
                if c.dep_ == "prep":
                    f.append(f"prep_rt={c.lemma_.lower()}|{rt}")
            if c.dep_ in _SUBJ:
                f.append(f"subj_ent={c.ent_type_ or c.pos_}|{rt}")
            if c.dep_ in _OBJ:
                f.append(f"obj_ent={c.ent_type_ or c.pos_}|{rt}")
                if c.pos_ == "NOUN":
                    f.append(f"obj={c.lemma_.lower()}")
        lo, hi = max(t.sent.start, t.i - WINDOW), min(t.sent.end, t.i + WINDOW + 1)
        f += [f"w={w.lemma_.lower()}" for w in doc[lo:hi] if w.i != t.i and w.is_alpha and not w.is_stop]
    actors = {a.id: a for a in analysis.actors}
    for role, ids in (("actor", ev.actor), ("recipient", ev.recipient)):
        a = actors.get(ids[0]) if ids else None
        if a is None:
            f.append(f"{role}=none|{rt}")
        else:
            f += [f"{role}_kind={a.kind}|{rt}", f"{role}_sector={a.sector or '-'}|{rt}"]
    if ev.reported_by is not None:
        f.append(f"reported|{rt}")
    return f


@dataclass
class TypeModel:
    classes: list[str]  # NONE first, then PLOVER types
    bias: list[float]
    weights: dict[str, list[float]]  # feature -> one weight per class
    agree: float  # added to the class the rules chose
    margin: float = math.inf  # re-type when log P(other) - log P(rules') exceeds this
    drop: float = 2.0  # drop when P(no event) exceeds this
    trained: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path) -> TypeModel:
        d = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(d["classes"], d["bias"], d["weights"], d["agree"], d["margin"], d["drop"], d.get("trained", {}))

    def dump(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps({"classes": self.classes, "bias": self.bias, "agree": self.agree,
                                          "margin": self.margin, "drop": self.drop, "trained": self.trained,
                                          "weights": self.weights}, indent=0, sort_keys=True), encoding="utf-8")

    def log_probabilities(self, feats: list[str], rules_type: str) -> list[float]:
        z = logistic.scores(self.bias, self.weights, feats)
        if rules_type in self.classes:
            z[self.classes.index(rules_type)] += self.agree
        top = max(z)
        s = math.log(sum(math.exp(v - top) for v in z))
        return [v - top - s for v in z]

    def decide(self, feats: list[str], rules_type: str, margin: float | None = None,
               drop: float | None = None) -> str | None:
        """The type to give the event (None: drop it)."""
        margin = self.margin if margin is None else margin
        drop = self.drop if drop is None else drop
        lp = self.log_probabilities(feats, rules_type)
        if math.exp(lp[0]) > drop:
            return None
        own = lp[self.classes.index(rules_type)] if rules_type in self.classes else -math.inf
        k = max(range(1, len(lp)), key=lambda i: lp[i])
        if self.classes[k] != rules_type and lp[k] - own > margin:
            return self.classes[k]
        return rules_type
