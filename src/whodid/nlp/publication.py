"""Publication-date inference for articles that carry no date.

Evidence, strongest first:

- **weekday-date agreement**: "Friday, December 2nd" (no year) can only be in a
  year where 2 December is a Friday (2005, 2011, 2016, 2022, 2033, ...);
- **stated past dates**: a story is published on or after the latest date it
  states as past ("February 24th, 2022", and "eight months later" chained on
  it); its latest explicit year bounds the year from below;
- **outside constraints** (``DateConstraint``): e.g. the actors stage knows that
  "US President Joe Biden" puts the story between 2021-01-20 and 2025-01-20.
  Pass them to ``infer_publication(..., constraints=...)`` (``TimeStage`` takes
  them as objects or as callables of ``(doc, analysis)``);
- **today**: a story is not published in the future.

Before any of this, an article's URL often carries its date, the publisher's own
(``url_date``: ``.../archives/2022/07/16/2003781846``, ``.../2022-07-28/...``);
``whodid.ingest`` takes it as the publication date of an article that gives none.
So is a dateline (``dateline``): a full date opening the article after a place or an
agency name ("CAIRO - 26 July 2022: ...", "Durban, May 17 2022 (IPS) - ...") or given
as today's ("Police today (July 26, 2022) recovered ..."); the time stage takes it
before any inference.

Choice: among the weekday-fitting dates that respect the bounds, prefer those in
the year of the latest dated event the story states as past (a date of day or
month precision) or the year after it ("consistent with the explicit years";
bare years like "since 1948" only bound from below); if several remain, take
the most recent one not after today, and say that the choice was ambiguous. The publication date is then the later of that
date and the latest stated past date. Without weekday evidence nothing is
inferred (``infer_publication`` returns ``None``): a lower bound alone is too
often a historical reference ("September 11th 2001") to serve as the base for
"yesterday"; ``bounds_note`` says what the text does tell.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Union

from whodid.nlp.dates import WEEKDAYS, TimeExpr

FIRST_YEAR = 1900  # weekday-fitting years are searched from here to today + 12


@dataclass
class DateConstraint:
    """An outside bound on the publication date, with the reason a reader will see."""

    earliest: dt.date | None = None
    latest: dt.date | None = None
    reason: str = ""


# a date as a URL path writes it: /2022/07/16/, /2022-07-28/, /2022_07_28/ (year first, four
# digits, then month and day), or one path segment of eight digits (/20220716/)
_URL_DATE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})([/_-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12][0-9]|3[01])(?![0-9])")
_URL_COMPACT = re.compile(r"/((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?=/|\.html?$|$)")


def url_date(url: str | None, today: dt.date | None = None) -> dt.date | None:
    """The publication day an article's URL carries in its path, or None: ``/2022/07/16/``,
    ``/2022-07-28/``, ``/20220716/``. Only a whole day counts (``/2022/07/`` says the month
    alone), only in the path (not the host or the query), never after ``today``."""
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url.strip(), flags=re.I).split("?")[0].split("#")[0]
    found = [(m.group(1), m.group(3), m.group(4)) for m in _URL_DATE.finditer(path)]
    found += [m.groups() for m in _URL_COMPACT.finditer(path)]
    for year, month, day in found:
        try:
            d = dt.date(int(year), int(month), int(day))
        except ValueError:
            continue
        if d <= (today or dt.date.today()):
            return d
    return None


# what may stand before a dateline's date: capitalised place or agency words and their
# punctuation ("CAIRO -", "Durban,", "WASHINGTON (Reuters) -"), at most a few
_DATELINE_HEAD = re.compile(r"^\s*(?:[A-Z][\w'./&]*[\s,()/-]*){0,5}[-\u2013\u2014:,]?\s*$")
# what follows it: the dash, colon or bracket that ends the dateline
_DATELINE_TAIL = re.compile(r"^\s*[-\u2013\u2014:(]")
_TODAY_OPEN = re.compile(r"\btoday\s*\(\s*$", re.I)


def dateline(text: str, exprs: Iterable[TimeExpr], today: dt.date | None = None) -> TimeExpr | None:
    """The date an article's dateline gives, or None: a full date (day, month and year)
    opening the text after at most a few capitalised words and ending at a dash, colon or
    bracket ("CAIRO - 26 July 2022: ..."), or written as today's ("today (July 26, 2022)")."""
    today = today or dt.date.today()
    for e in sorted(exprs, key=lambda e: e.start):
        if e.kind != "date" or e.precision != "day" or not e.value:
            continue
        d = e.as_date()
        if d is None or d > today:
            continue
        if (e.start <= 60 and _DATELINE_HEAD.match(text[:e.start]) and _DATELINE_TAIL.match(text[e.end:e.end + 8])) \
                or (_TODAY_OPEN.search(text[max(0, e.start - 12):e.start]) and text[e.end:e.end + 3].lstrip().startswith(")")):
            return e
    return None


# a bound, or a callable ``(doc, analysis) -> iterable of bounds`` (a stage's hook)
ConstraintSource = Union[DateConstraint, Callable[[Any, Any], Iterable[DateConstraint]]]


def gather_constraints(sources: Iterable[ConstraintSource], doc: Any, analysis: Any) -> list[DateConstraint]:
    """The bounds the ``sources`` give for one article."""
    out: list[DateConstraint] = []
    for c in sources:
        if isinstance(c, DateConstraint):
            out.append(c)
        else:
            out.extend(c(doc, analysis))
    return out


def bounds(constraints: Iterable[DateConstraint]) -> tuple[dt.date | None, dt.date | None]:
    """The tightest ``(earliest, latest)`` the constraints allow (None: unbounded); conflicting
    bounds give ``(None, None)``."""
    lo = hi = None
    for c in constraints:
        if c.earliest and (lo is None or c.earliest > lo):
            lo = c.earliest
        if c.latest and (hi is None or c.latest < hi):
            hi = c.latest
    if lo is not None and hi is not None and lo > hi:
        return None, None
    return lo, hi


@dataclass
class Inference:
    date: dt.date
    message: str
    ambiguous: bool = False
    candidates: list[dt.date] = field(default_factory=list)  # weekday-fitting dates that were allowed
    evidence: TimeExpr | None = None  # the weekday-date that decided, if any


def weekday_years(month: int, day: int, weekday: int, first: int, last: int) -> list[dt.date]:
    """Dates ``month``/``day`` in ``first..last`` that fall on ``weekday`` (0 = Monday)."""
    out = []
    for y in range(first, last + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if d.weekday() == weekday:
            out.append(d)
    return out


_NOT_DATES = ("duration", "time", "vague", "decade", "in_n")


def _stated_past(exprs: Iterable[TimeExpr], today: dt.date) -> list[TimeExpr]:
    """Resolved expressions the text states as past or present (not future), not after today.

    Bare years count only in a past-tense clause ("in 1991, the Soviet Union fell"): in the
    present they are as often plans and forecasts ("a return to racing in 2006")."""
    out = []
    for e in exprs:
        if e.value is None or e.kind in _NOT_DATES or e.tense == "future":
            continue
        if e.resolved_from == "publication":
            continue
        if e.precision == "year" and e.tense != "past":
            continue  # "hopes to float the firm in 2006", "by 2015": bare years are often plans
        d = e.as_date()
        if d is not None and d <= today:
            out.append(e)
    return out


def infer_publication(exprs: list[TimeExpr], today: dt.date | None = None,
                      constraints: Iterable[DateConstraint] = ()) -> Inference | None:
    """Infer a publication date from ``exprs`` (resolved as far as possible without a base)."""
    today = today or dt.date.today()
    constraints = list(constraints)
    stated = _stated_past(exprs, today)

    lower_e = max(stated, key=lambda e: (e.as_date(), e.start), default=None)
    lower = lower_e.as_date() if lower_e else None
    explicit = [e for e in stated if e.year is not None and e.kind in ("date", "month_year", "year", "other")]
    latest_year = max((e.year for e in explicit), default=None)  # type: ignore[type-var]
    latest_year_e = max(explicit, key=lambda e: (e.year, e.start), default=None)
    # a dated event of the story ("February 24th, 2022") says more about when it was written than a
    # bare year ("since 1948"): only dates of day or month precision narrow the choice to their year
    dated = [e for e in explicit if e.precision in ("day", "month")]
    story_year = max((e.year for e in dated), default=None)  # type: ignore[type-var]

    lo, hi = lower, today
    for c in constraints:
        if c.earliest and (lo is None or c.earliest > lo):
            lo = c.earliest
        if c.latest and c.latest < hi:
            hi = c.latest
    if lo is not None and lo > hi:
        lo = lower if lower is not None and lower <= hi else None  # conflicting bounds: trust the text

    reasons: list[str] = []
    if latest_year_e is not None:
        reasons.append(f"the latest stated year {latest_year} ('{latest_year_e.text}')")
    if lower_e is not None and lower != (dt.date(latest_year, 1, 1) if latest_year else None):
        if lower_e is not latest_year_e or lower_e.precision != "year":
            reasons.append(f"it states {lower_e.value} ('{lower_e.text}') as past")
    for c in constraints:
        reasons.append(c.reason or f"a constraint {c.earliest or '…'} to {c.latest or '…'}")

    evidence = [e for e in exprs if e.kind == "partial" and e.weekday is not None and e.tense != "future"]
    chosen: list[tuple[dt.date, TimeExpr, list[dt.date], list[dt.date], bool]] = []
    for e in evidence:
        fits = weekday_years(e.month, e.day, e.weekday, FIRST_YEAR, today.year + 12)  # type: ignore[arg-type]
        allowed = [c for c in fits if c <= hi and (lo is None or c.year >= lo.year) and max(c, lo or c) <= hi]
        if not allowed:
            continue
        window = [c for c in allowed if story_year is not None and story_year <= c.year <= story_year + 1]
        pool = window or allowed
        chosen.append((max(pool), e, fits, allowed, len(pool) > 1))

    if chosen:
        date, e, fits, allowed, ambiguous = max(chosen, key=lambda t: t[0])
        wd = WEEKDAYS[e.weekday].title()  # type: ignore[index]
        recent = [str(c.year) for c in fits if abs(c.year - date.year) <= 20 and c != date]
        msg = (f"no publication date; inferred {max(date, lo or date).isoformat()} from '{e.text}' "
               f"(a {wd} in {date.year}; also in {', '.join(recent) or 'no nearby year'})")
        if reasons:
            msg += " and " + reasons[0] + "".join("; " + r for r in reasons[1:])
        if ambiguous:
            others = [str(c.year) for c in allowed if c != date][-5:]
            msg += (f"; ambiguous: {', '.join(others)}{' and earlier years' if len(allowed) > 6 else ''} also fit"
                    f"{' the stated years' if latest_year else ''}, took the most recent not after "
                    f"{'today (' + today.isoformat() + ')' if hi == today else hi.isoformat()}")
        if lo is not None and lo > date:
            msg += f"; the story states {lo.isoformat()} as past, so it was published on or after that"
            date = lo
        return Inference(date=date, message=msg, ambiguous=ambiguous, candidates=allowed, evidence=e)

    return None


def bounds_note(exprs: list[TimeExpr], today: dt.date | None = None) -> str:
    """What the text says about its date when nothing could be inferred: "on or after 2001-09-11 (...)"."""
    stated = _stated_past(exprs, today or dt.date.today())
    lower_e = max(stated, key=lambda e: (e.as_date(), e.start), default=None)
    if lower_e is None:
        return ""
    return f"it was published on or after {lower_e.value} ('{lower_e.text}'), the latest date it states as past"
