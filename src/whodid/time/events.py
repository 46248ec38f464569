"""Dates for events: the date expression the text ties to each event.

An event takes the date the text ties to it. First, a time expression the parse
attaches to the trigger itself or to its clause's verb (directly or through a
preposition: "acquitted ... yesterday", "met on Tuesday", "the invasion in 2003"),
in the event's own telling and then in its other tellings (``Event.mentions``: one
real-world event, one event; the lead often says when, "police arrested him on
Tuesday", while the telling kept names the parties best); when that expression
cannot be resolved ("on Monday" in an undated article) the event gets no date
rather than another expression's. Otherwise a dated expression from its own
sentence, preferring one inside the trigger's clause (the parse subtree of the
trigger's head verb), then the nearest one, leaving out one in another relative clause than
the trigger's ("rejected the agreement that took effect in 2019": the taking effect's date);
then the other tellings, the same way.
A date that modifies something else ("funds from 2000 to 2006", "an official killed
in 2020 said Tuesday ...") is thus passed over when a closer one is there. No
dated expression, no date: the publication date is never put on an event silently. An asserted event dated more than
``HISTORICAL_DAYS`` before publication is marked ``historical``: background the
story recalls, not news it reports.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from whodid.model import Analysis, Event, Mention
from whodid.nlp import clause_head, token_at
from whodid.nlp.dates import TimeExpr
from whodid.nlp.extensions import span_at

HISTORICAL_DAYS = 90
DATED = ("day", "month", "year")


def date_events(doc: Doc, analysis: Analysis, exprs: list[TimeExpr], published: dt.date | None) -> None:
    dated = [e for e in exprs if e.value and e.precision in DATED and e.kind not in ("duration", "time")]
    timed = [e for e in exprs if e.kind not in ("duration", "time", "decade", "vague")]
    for event in analysis.events:
        tellings = _tellings(doc, event)
        direct = next((x for _, _, at in tellings for x in _attached(doc, at, timed)), None)
        if direct is not None:
            if direct.value and direct.precision in DATED:
                _put(event, direct, published)
            continue
        best = None
        for start, end, at in tellings:
            in_sentence = [e for e in dated if start <= e.start < end and not _in_other_relative(doc, e, at)]
            if in_sentence:
                clause = _clause(doc, at)
                tied = [e for e in in_sentence if clause[0] <= e.start < clause[1]] or in_sentence
                best = min(tied, key=lambda e: abs(e.start - at))
                break
        if best is not None:
            _put(event, best, published)


def _put(event: Event, best: TimeExpr, published: dt.date | None) -> None:
    event.date, event.date_precision = best.value, best.precision
    event.date_mention = Mention(best.start, best.end, best.text)
    first = best.as_date()
    if (published and first and event.modality == "asserted"
            and _last_day(first, best.precision) < published - dt.timedelta(days=HISTORICAL_DAYS)):
        event.modality = "historical"


def _attached(doc: Doc, offset: int, exprs: list[TimeExpr]) -> list[TimeExpr]:
    """The time expressions the parse attaches to the trigger at ``offset`` or to its clause's
    verb, directly or through a preposition ("on Tuesday", "in 2003"), nearest first."""
    token = token_at(doc, offset)
    if token is None:
        return []
    targets = {token.i, clause_head(token).i}
    out = []
    for e in exprs:
        span = span_at(doc, e)
        if span is None or token.i in range(span.start, span.end):
            continue
        head = span.root.head
        while head.pos_ == "ADP" and head.head.i != head.i:
            head = head.head
        if head.i in targets and head.sent.start == token.sent.start:
            out.append(e)
    return sorted(out, key=lambda e: abs(e.start - offset))


def _in_other_relative(doc: Doc, expr: TimeExpr, offset: int) -> bool:
    """The expression and the trigger at ``offset`` are not in the same relative clause, so the
    expression dates another event: the relative clause's own ("the civil war that ended in 2009",
    "an agreement that took effect in 2019", "the crisis the country has been experiencing since
    2018"), or, for a trigger inside a relative clause, the main clause's ("Pecci had married her
    on April 30, who said two men shot him")."""
    span = span_at(doc, expr)
    trigger = token_at(doc, offset)
    if span is None or trigger is None:
        return False
    return _relative_clauses(span.root) != _relative_clauses(trigger)


def _relative_clauses(token) -> set[int]:
    """The relative clauses (by their verbs) the token is in."""
    out = set()
    while True:
        if token.dep_ == "relcl":
            out.add(token.i)
        if token.head.i == token.i:
            return out
        token = token.head


def _tellings(doc: Doc, event: Event) -> list[tuple[int, int, int]]:
    """(sentence start, sentence end, trigger offset) of the event's own telling, then of its
    other tellings in text order."""
    out = [(event.sentence.start, event.sentence.end, event.trigger.start)]
    for m in sorted(event.mentions, key=lambda m: m.start):
        token = token_at(doc, m.start)
        if token is not None:
            out.append((token.sent.start_char, token.sent.end_char, m.start))
    return out


def _clause(doc: Doc, offset: int) -> tuple[int, int]:
    """Character range of the clause around the token at ``offset``."""
    token = token_at(doc, offset)
    if token is None:
        return offset, offset
    tokens = list(clause_head(token).subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _last_day(first: dt.date, precision: str) -> dt.date:
    if precision == "year":
        return dt.date(first.year, 12, 31)
    if precision == "month":
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return first
