"""Event confidence: the features the coder knows about each event, and the trained
model's probability that the event is right.

``confidence`` on an event is P(an analyst coding the whole article under the
news-events guidelines codes this event: same type, an actor and a recipient of the
same country), estimated by a logistic regression (``whodid.knowledge.confidence``,
weights in ``data/events/confidence.json``) trained by
``scripts/train_event_confidence.py`` on the development gold and recalibrated on
its predictions for whole annotation rounds left out of the fit, its level set by the
rounds the rules were not yet tuned to (the ones right least often), so that events at
0.8 are right about 80% of the time on articles nobody has read (on the articles the
rules were tuned on they are right more often than their confidence says); events with thin
evidence (no syntactic object, ...: chosen by that validation) are capped below 0.8.
The features are what the coder already has at coding time (the trigger's lemma and its
lexicon entry's requirements are recorded but not weighed: the rules were tuned entry by
entry on the training articles, so such weights do not carry over):

- the trigger: lemma, part of speech, dependency label and its head's part of
  speech, how deep it sits under the sentence root, a noun or a phrase match, the tense
  and dependency of the clause it is told in;
- its lexicon entry: ambiguous, fallback, what it requires, what it governs;
- how the event was coded: recoded by a governing word ("refused to meet"),
  anchored by a support verb ("held talks"), its type and modality, the modal
  flags, a reported speaker;
- its parties: found or not, a pronoun, a modifier rather than the role word,
  read by location, inferred by a coding convention, their kind, whether they have
  a country and a code, their sector, how their mention was resolved and how sure,
  how far they are from the trigger, same country on both sides;
- its place: the sentence's position in the article, the sentence's length, the
  other events in it, an earlier event of the same type and parties (a re-mention
  that the scorer counts as a duplicate), later re-mentions merged into it;
- the coder's own rule-based score.

With no model file, the events keep the coder's rule-based score.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from whodid.events.coder import Coder, Frame
from whodid.knowledge.confidence import ConfidenceModel
from whodid.model import Actor, Analysis, Event, Mention
from whodid.nlp.extensions import span_at

# categorical groups whose values are many and open-ended: rare values are pooled as "group=?"
OPEN_GROUPS = ("lemma",)
_CLAUSE_DEPS = ("ROOT", "ccomp", "relcl", "advcl", "conj", "pcomp", "acl", "xcomp", "csubj")
_MODAL_FLAGS = ("negated", "conditional", "hypothetical", "future", "intent", "obligation", "purpose")


class RecordingCoder(Coder):
    """The coder, remembering the frame each event was coded from (``frame_of[id(event)]``)."""

    def code(self, doc: Doc, analysis: Analysis) -> list[Event]:
        self.frame_of: dict[int, Frame] = {}
        # every event coded for this article is kept alive until the next one: an event the
        # coder drops would otherwise free its id for a later event, which would then be given
        # the dropped one's frame (and confidence would depend on memory layout)
        self._coded: list[Event] = []
        return super().code(doc, analysis)

    def _event(self, f: Frame, doc: Doc, sent: tuple[int, int]) -> Event | None:
        ev = super()._event(f, doc, sent)
        if ev is not None:
            self.frame_of[id(ev)] = f
            self._coded.append(ev)
        return ev


def _depth(t) -> int:
    n = 0
    while t.head.i != t.i and n < 10:
        t = t.head
        n += 1
    return n


def _clause_head(t):
    """The verb of the clause the trigger is told in, above any infinitive it sits in ("wants to
    meet" -> wants; a noun's verb: "held talks" -> held)."""
    h = t
    while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i:
        h = h.head
    while h.dep_ == "xcomp" and h.head.i != h.i:
        h = h.head
    return h


def _party(prefix: str, ids: list[str], mentions: list[Mention], actors: dict[str, Actor],
           trigger_start: int, sent: tuple[int, int], out: dict[str, float]) -> None:
    if not ids:
        out[f"{prefix}.none"] = 1.0
        return
    out[f"{prefix}.several"] = float(len(ids) > 1)
    first = actors.get(ids[0])
    if first is not None:
        out[f"{prefix}.kind={first.kind}"] = 1.0
        out[f"{prefix}.sector={first.sector or '-'}"] = 1.0
        out[f"{prefix}.no_country"] = float(not first.country)
        out[f"{prefix}.no_code"] = float(not first.code)
    if mentions:
        m = min(mentions, key=lambda m: abs(m.start - trigger_start))
        out[f"{prefix}.how={m.how or '-'}"] = 1.0
        if m.confidence is not None:
            out[f"{prefix}.mention_confidence"] = float(m.confidence)
        out[f"{prefix}.outside_sentence"] = float(not (sent[0] <= m.start < sent[1]))
        out[f"{prefix}.distance"] = min(1.0, math.log1p(abs(m.start - trigger_start)) / math.log1p(500))
    else:
        out[f"{prefix}.no_mention"] = 1.0


def features(doc: Doc, analysis: Analysis, events: list[Event], frame_of: dict[int, Frame]) -> list[dict[str, float]]:
    """One feature dict per event (names -> values, 0/1 for flags, 0..1 for amounts)."""
    actors = {a.id: a for a in analysis.actors}
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    starts = [s for s, _ in sents]
    n_sents = max(1, len(sents))
    quotes = [q for q in analysis.quotes if q.kind != "term"]
    per_sentence: dict[int, int] = {}
    for ev in events:
        per_sentence[ev.sentence.start] = per_sentence.get(ev.sentence.start, 0) + 1
    seen: set[tuple] = set()
    seen_types: dict[str, int] = {}
    out = []
    for ev in events:
        x: dict[str, float] = {"rule_score": ev.confidence}
        x[f"type={ev.type}"] = 1.0
        x[f"modality={ev.modality}"] = 1.0
        f = frame_of.get(id(ev))
        span = span_at(doc, ev.trigger)
        t = f.token if f is not None else (span.root if span is not None else None)
        if t is not None:
            x[f"lemma={t.lemma_.lower()}"] = 1.0
            x[f"pos={t.pos_}"] = 1.0
            x[f"dep={t.dep_}"] = 1.0
            x[f"head_pos={t.head.pos_ if t.head.i != t.i else 'ROOT'}"] = 1.0
            x["depth"] = min(_depth(t), 4) / 4
            # the tense and place of the clause that tells the act: a past main clause reports
            # acts, a present one habits and stances, a relative clause background
            h = _clause_head(t)
            x[f"clause_tag={h.tag_ if h.pos_ in ('VERB', 'AUX') else '-'}"] = 1.0
            x[f"clause_dep={h.dep_ if h.dep_ in _CLAUSE_DEPS else 'other'}"] = 1.0
        if f is not None:
            e = f.entry
            x["noun"] = float(f.noun)
            x["phrase"] = float(len(f.tokens) > 1)
            x["ambiguous"] = float(e.ambiguous)
            x["fallback"] = float(e.fallback)
            x[f"requires={e.requires or '-'}"] = 1.0
            x[f"governs={e.governs or '-'}"] = 1.0
            x["recoded"] = float(f.type != e.type)
            x["complement"] = float(f.complement)
            x["anchored"] = float(f.anchored)
            x["vowed"] = float(f.vowed)
            x["place_target"] = float(f.place_target)
            x["has_object"] = float(f.has_object)
            for flag in _MODAL_FLAGS:
                x[f"modal.{flag}"] = float(getattr(f.modal, flag, False))
            own = [p for p in f.actors if p.actor in ev.actor]
            x["actor.pronoun"] = float(bool(own) and all(p.pronoun for p in own))
            x["actor.indirect"] = float(any(not p.direct for p in own))
            x["located"] = float(any(p.located for p in f.actors + f.recipients))
            x["speaker_is_actor"] = float(bool(f.reported_by) and bool(ev.actor) and ev.actor[0] == f.reported_by
                                          and f.reported_by not in {p.actor for p in f.actors})
        else:
            x["no_frame"] = 1.0
        x["reported"] = float(ev.reported_by is not None)
        inner = [q for q in quotes if q.start <= ev.trigger.start < q.end]
        if inner:
            x[f"quote={min(inner, key=lambda q: q.end - q.start).kind}"] = 1.0
        for role in ev.inferred:
            x[f"inferred.{role}"] = 1.0
        sent = (ev.sentence.start, ev.sentence.end)
        _party("actor", ev.actor, ev.actor_mentions, actors, ev.trigger.start, sent, x)
        _party("recipient", ev.recipient, ev.recipient_mentions, actors, ev.trigger.start, sent, x)
        countries = [{actors[i].country for i in ids if i in actors and actors[i].country}
                     for ids in (ev.actor, ev.recipient)]
        if countries[0] and countries[1]:
            x["same_country"] = float(bool(countries[0] & countries[1]))
        i = max(0, bisect.bisect_right(starts, ev.sentence.start) - 1)
        x["sentence_position"] = i / n_sents
        x["first_sentence"] = float(i == 0)
        x["sentence_length"] = min(1.0, (ev.sentence.end - ev.sentence.start) / 400)
        x["events_in_sentence"] = min(1.0, (per_sentence.get(ev.sentence.start, 1) - 1) / 3)
        key = (ev.type, tuple(sorted(ev.actor)), tuple(sorted(ev.recipient)))
        x["repeat"] = float(key in seen)
        # later reports of the same event merged into this one (when the coder merges re-mentions)
        x["rementioned"] = min(1.0, len(getattr(ev, "mentions", None) or []) / 3)
        x["type_seen_before"] = min(1.0, seen_types.get(ev.type, 0) / 3)
        seen.add(key)
        seen_types[ev.type] = seen_types.get(ev.type, 0) + 1
        out.append(x)
    return out


def assign(doc: Doc, analysis: Analysis, events: list[Event], frame_of: dict[int, Frame],
           model: ConfidenceModel | None, record: Callable[[Analysis, list[Event], list[dict[str, float]]], Any]
           | None = None) -> None:
    """Set each event's ``confidence`` from the model (kept as the coder gave it with no model);
    ``record`` (training) receives the features."""
    if not events or (model is None and record is None):
        return
    feats = features(doc, analysis, events, frame_of)
    if record is not None:
        record(analysis, events, feats)
    if model is not None:
        for ev, x in zip(events, feats):
            ev.confidence = model.probability(x)
