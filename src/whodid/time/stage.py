"""The time stage: dates found and normalised, publication date inferred when missing, date checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from spacy.tokens import Doc

from whodid.model import Analysis, Check
from whodid.nlp.extensions import text_of
from whodid.nlp.dates import WEEKDAYS, TimeExpr, find_expressions, parse_date, resolve_dates
from whodid.time.events import date_events
from whodid.nlp.publication import (ConstraintSource, DateConstraint, bounds_note, dateline, gather_constraints,
                                    infer_publication)


def parse_published(value: str | None) -> dt.date | None:
    """The date part of an ISO 8601 (or any dateparser-readable) publication date."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    d, _ = parse_date(value, dt.date(2000, 1, 1))
    return d


class TimeStage:
    """Finds and normalises dates; infers ``article.published`` when it is missing (from a
    dateline, "CAIRO - 26 July 2022: ...", else from the text's evidence).

    ``constraints``: outside bounds on the publication date, as ``DateConstraint``
    objects or callables ``(doc, analysis) -> iterable of DateConstraint`` (the
    hook for dated actor roles: "President Joe Biden" -> 2021-01-20 .. 2025-01-20).
    An earlier stage can also leave DateConstraint objects in
    ``doc._.whodid_date_constraints`` (see ``whodid.nlp.extensions``); they are used the same way.
    ``today``: the day after which nothing is published (default: the real today).
    """

    name = "time"

    def __init__(self, constraints: Iterable[ConstraintSource] = (), today: dt.date | None = None):
        self.constraints = list(constraints)
        self.today = today

    def _constraints(self, doc: Doc, analysis: Analysis) -> list[DateConstraint]:
        return list(doc._.whodid_date_constraints or ()) + gather_constraints(self.constraints, doc, analysis)

    def __call__(self, doc: Doc, analysis: Analysis) -> None:
        article = analysis.article
        today = self.today or dt.date.today()
        found = doc._.whodid_text_dates if self.today is None else None
        doc._.whodid_text_dates = None
        exprs = found if found is not None else find_expressions(doc, today)
        base = parse_published(article.published)
        if article.published and base is None:
            analysis.checks.append(Check(
                kind="published_unreadable", severity="warning",
                message=f"publication date {article.published!r} is not a date whodid can read; "
                        "relative dates are left unresolved"))
        elif base is None:
            if found is None:
                resolve_dates(exprs, None, doc)  # what the text dates by itself, and chains on it
            line = dateline(text_of(doc), exprs, today)
            inference = None if line is not None else infer_publication(exprs, today, self._constraints(doc, analysis))
            if line is not None:
                base = line.as_date()
                article.published = base.isoformat()  # type: ignore[union-attr]
                article.published_inferred = True
                analysis.checks.append(Check(
                    kind="published_inferred", severity="info", start=line.start, end=line.end,
                    message=f"no publication date; took {article.published} from the dateline '{line.text}'"))
            elif inference is not None:
                base = inference.date
                article.published = base.isoformat()
                article.published_inferred = True
                ev = inference.evidence
                analysis.checks.append(Check(
                    kind="published_inferred", severity="info", message=inference.message,
                    start=ev.start if ev else None, end=ev.end if ev else None))
            else:
                note = bounds_note(exprs, today)
                analysis.checks.append(Check(
                    kind="published_unknown", severity="info",
                    message="no publication date and too little evidence to infer one"
                            + (f" ({note})" if note else "") + "; relative dates are left unresolved"))
            for e in exprs:
                e.value, e.precision, e.resolved_from = None, "none", ""
        resolve_dates(exprs, base, doc)
        doc._.whodid_dates = exprs
        analysis.dates.extend(e.to_date_expr() for e in exprs)
        date_events(doc, analysis, exprs, base)
        analysis.checks.extend(date_checks(exprs, base, article.published_inferred))


def date_checks(exprs: list[TimeExpr], base: dt.date | None, inferred: bool) -> list[Check]:
    checks: list[Check] = []
    for e in exprs:
        if "no such day" in e.notes:
            checks.append(Check(kind="date_invalid", severity="warning", start=e.start, end=e.end,
                                message=f"'{e.text}' is not a day of the calendar"))
            continue
        if e.weekday is not None and e.kind in ("date", "partial") and e.precision == "day":
            d = e.as_date()
            if d is not None and d.weekday() != e.weekday:
                stated = WEEKDAYS[e.weekday].title()
                fits = [str(y) for y in range(d.year - 12, d.year + 13)
                        if _weekday_of(y, d.month, d.day) == e.weekday]
                checks.append(Check(
                    kind="date_mismatch", severity="warning", start=e.start, end=e.end,
                    message=(f"'{e.text}': {d.strftime('%B')} {d.day}, {d.year} was a "
                             f"{WEEKDAYS[d.weekday()].title()}, not a {stated}"
                             + (f" (a {stated} in {', '.join(fits)})" if fits else ""))))
        if base is not None and e.tense == "past" and e.kind in ("date", "month_year", "year") and e.value:
            first = e.as_date()
            if first is not None and first > base:
                checks.append(Check(
                    kind="date_after_publication", severity="warning", start=e.start, end=e.end,
                    message=(f"'{e.text}' is told in the past tense but is after the "
                             f"{'inferred ' if inferred else ''}publication date {base.isoformat()}")))
    return checks


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None
