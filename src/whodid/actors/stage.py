"""The actors stage: knowledge-base actors and their mentions for one article."""

from __future__ import annotations

from collections.abc import Iterable

import datetime as _dt

from spacy.tokens import Doc

from whodid.knowledge import Resources
from whodid.knowledge.kb import normalize_date
from whodid.actors.records import Resolution
from whodid.actors.resolve import Resolver, apply, to_actors
from whodid.knowledge.titles import title_constraints
from whodid.model import Analysis, Check
from whodid.nlp.extensions import span_at
from whodid.nlp.dates import find_expressions, resolve_dates, stated_dates
from whodid.nlp.publication import ConstraintSource, DateConstraint, bounds, gather_constraints, infer_publication


def reference_date(doc: Doc) -> tuple[str | None, str]:
    """A date to resolve roles at when the article has none: its latest explicit date.

    The latest full date ("February 24th, 2022") in the latest year the text
    names (``nlp.dates.stated_dates``), else the middle of that year. ``(None, "")`` if no
    year is named.
    """
    years, full = stated_dates(doc)
    if not years and not full:
        return None, ""
    latest = max(years + [f.year for f in full])
    in_year = [f for f in full if f.year == latest]
    if in_year:
        return max(in_year).isoformat(), f"the latest date the text names ({max(in_year).isoformat()})"
    return f"{latest}-07-01", f"the middle of the latest year the text names ({latest})"


def within(date: str | None, why: str, constraints: list[DateConstraint]) -> tuple[str | None, str]:
    """The reference date kept inside the outside bounds: a date the text names outside
    them ("a target for 2012" in a 2005 story) is a plan or a memory, not the article's
    date, so the middle of the bounded period is used instead."""
    lo, hi = bounds(constraints)
    if lo is None and hi is None:
        return date, why
    if date is not None and (lo is None or lo.isoformat() <= date) and (hi is None or date <= hi.isoformat()):
        return date, why
    if lo is not None and hi is not None:
        middle = lo + (hi - lo) / 2
    else:
        middle = lo or hi
    reason = "; ".join(c.reason for c in constraints if c.reason) or "the bounds given for the article's date"
    return middle.isoformat(), f"the middle of the period the article is known to be from ({reason})"


def inside_terms(date: str, constraints: list[DateConstraint]) -> tuple[str, str]:
    """The reference date moved inside the terms of the titled people the text names, when it
    falls outside them: a story naming 2019 last that calls Fumio Kishida "Prime Minister" was
    written after 2021-10-04, so its roles are those of that date (Shinzo Abe a former
    officeholder), not of 2019. The nearest bound is taken (the text's own year is the best
    evidence left); conflicting bounds move nothing."""
    lo, hi = bounds(constraints)
    day = _dt.date.fromisoformat(date)
    if lo is not None and day < lo:
        day = lo
    elif hi is not None and day > hi:
        day = hi
    else:
        return date, ""
    terms = "; ".join(c.reason for c in constraints if c.reason and (c.earliest == day or c.latest == day))
    return day.isoformat(), f"the nearest date the titles of the people it names allow ({terms})"


class ActorsStage:
    """Pipeline stage ``actors``: fills ``analysis.actors`` (and name/date checks).

    ``resources``: the process's knowledge (default: the built-in one); its
    knowledge base includes the user's ``--kb`` files and the plugins' sources.
    Roles are resolved at ``analysis.article.published``. Without one, at the
    publication date the text gives away (the time stage's inference, with the
    titles of known people as bounds: "US President Joe Biden" writes between
    2021 and 2025), else at the latest date the text names, with an info check
    saying so. The title bounds are left in ``doc._.whodid_date_constraints`` and the
    expressions in ``doc._.whodid_text_dates`` for the time stage.

    ``constraints``: outside bounds on an undated article's date, as the time stage
    takes them (``DateConstraint`` objects or callables ``(doc, analysis)``): "these
    articles are from 2004-2005". Roles are then resolved inside the bounds: at the
    latest date the text names when it is inside them, else in the middle of the
    period, so that "Mr Blair" in a 2005 story is the prime minister he was then.
    """

    name = "actors"

    def __init__(self, resources: Resources | None = None, fuzzy_cutoff: float = 85.0,
                 constraints: Iterable[ConstraintSource] = ()) -> None:
        resources = resources or Resources.build()
        self.kb = resources.kb
        self.resolver = Resolver(self.kb, fuzzy_cutoff=fuzzy_cutoff, places=lambda: resources.gazetteer,
                                 people_nouns=resources.lexicon.classes.get("people", ()),
                                 event_nouns={lemma for lemma, pos in resources.lexicon.words if pos == "NOUN"})
        self.constraints = list(constraints)

    def __call__(self, doc: Doc, analysis: Analysis) -> None:
        published = analysis.article.published
        url = analysis.article.url
        date = normalize_date(published)
        if published and date is None:
            analysis.checks.append(Check(kind="role_date_assumed", severity="info",
                                         message=f"publication date {published!r} is not an ISO date; "
                                                 "roles were resolved at their most recent holders"))
        if date is not None or published:
            res = self.resolver.resolve(doc, date, url)
        else:
            res = self._undated(doc, analysis, url)
        apply(doc, analysis, res)

    def _undated(self, doc: Doc, analysis: Analysis, url: str | None = None) -> Resolution:
        """Resolve an article with no publication date: first at the latest date it names,
        then, if the text and its titled people give away when it was written, at that date."""
        date, why = reference_date(doc)
        outside = gather_constraints(self.constraints, doc, analysis)
        date, why = within(date, why, outside)
        res = self.resolver.resolve(doc, date, url)
        exprs = find_expressions(doc)
        resolve_dates(exprs, None, doc)
        doc._.whodid_text_dates = exprs  # the time stage goes on from here
        spans = [span_at(doc, e)
                 for e in exprs if e.value is not None and e.precision in ("day", "month", "year")]
        dated = {span.sent.start for span in spans if span is not None}
        constraints = title_constraints(doc, to_actors(doc, res), self.kb, dated)
        doc._.whodid_date_constraints = (doc._.whodid_date_constraints or []) + constraints
        inferred = infer_publication(exprs, constraints=constraints + outside)
        if inferred is not None and inferred.date.isoformat() != date:
            date = inferred.date.isoformat()
            why = "the publication date inferred from the text (see published_inferred)"
            res = self.resolver.resolve(doc, date, url)
        elif inferred is None and date is not None:
            moved, reason = inside_terms(date, constraints + outside)
            if moved != date:
                date, why = moved, reason
                res = self.resolver.resolve(doc, date, url)
        if date is not None:
            analysis.checks.append(Check(
                kind="role_date_assumed", severity="info",
                message=f"the article has no publication date; roles are resolved at {date}, {why}"))
        return res
