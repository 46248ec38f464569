"""Relative dates against the dates around them: "Six months later, on March 7" after "April 4, 2023".

The time stage resolves "N units later/earlier" on the date before it (the
chain). When the same sentence also gives the date outright, the two must agree:
the anchor plus the offset, within a tolerance for the unit (a day for days,
four days for weeks, three weeks for months, four months for years; a month
more when the anchor is known only to the month). A disagreement is a
``relative_date_mismatch`` warning citing the offset, its anchor and the date.
Vague counts ("several months later") are never checked.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from whodid.model import Analysis, Check, Offsets
from whodid.nlp import extensions  # noqa: F401  (declares doc._.whodid_dates)
from whodid.nlp.extensions import span_at

TOLERANCE_DAYS = {"day": 1, "week": 4, "month": 21, "year": 120}
EXPLICIT = ("date", "partial")


def check_relative_dates(doc: Doc, analysis: Analysis) -> list[Check]:
    exprs = doc._.whodid_dates or []
    by_start = {e.start: e for e in exprs}
    checks = []
    for e in exprs:
        if e.kind != "offset" or e.anchor != "chain" or e.num_vague or not e.num or e.unit not in TOLERANCE_DAYS:
            continue
        if not e.resolved_from.startswith("chain:"):
            continue
        anchor = by_start.get(int(e.resolved_from.split(":")[1]))
        if anchor is None or anchor.precision not in ("day", "month") or anchor.as_date() is None:
            continue
        stated = _stated_in_sentence(doc, e, exprs)
        if stated is None:
            continue
        expected = _shift(anchor.as_date(), e.num * e.direction, e.unit)
        if expected is None:
            continue
        tolerance = TOLERANCE_DAYS[e.unit] + (31 if anchor.precision == "month" else 0)
        gap = (stated.as_date() - expected).days
        if abs(gap) <= tolerance:
            continue
        checks.append(Check(
            kind="relative_date_mismatch", severity="warning", start=e.start, end=e.end,
            spans=[Offsets(anchor.start, anchor.end), Offsets(stated.start, stated.end)],
            message=(f"'{e.text}' counted from '{anchor.text}' ({anchor.value}) is about {expected.isoformat()}, "
                     f"but the sentence dates it '{stated.text}' ({stated.value}), {abs(gap)} days "
                     f"{'later' if gap > 0 else 'earlier'}; one of the three is wrong")))
    return checks


def _stated_in_sentence(doc: Doc, offset, exprs):
    span = span_at(doc, offset)
    if span is None:
        return None
    sent = span.sent
    for x in exprs:
        if x is offset or x.kind not in EXPLICIT or x.precision != "day" or x.as_date() is None:
            continue
        if sent.start_char <= x.start < sent.end_char and x.start > offset.start:
            return x
    return None


def _shift(d: dt.date, n: float, unit: str) -> dt.date | None:
    try:
        if unit == "day":
            return d + dt.timedelta(days=n)
        if unit == "week":
            return d + dt.timedelta(weeks=n)
        months = round(n * (12 if unit == "year" else 1))
        y, m = divmod(d.month - 1 + months, 12)
        year, month = d.year + y, m + 1
        for day in (d.day, 30, 29, 28):
            try:
                return dt.date(year, month, min(d.day, day))
            except ValueError:
                continue
    except OverflowError:
        return None
    return None
