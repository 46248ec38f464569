"""The actors stage: knowledge-base actors and their mentions for one article."""

from __future__ import annotations

from pathlib import Path

import datetime as _dt
import re

from spacy.tokens import Doc

from whodid.actors.extend import extend_kb
from whodid.actors.kb import KnowledgeBase, load_kb, normalize_date
from whodid.actors.resolve import Resolver, apply
from whodid.model import Analysis, Check


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"], start=1)}
_FULL = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)


def reference_date(doc: Doc) -> tuple[str | None, str]:
    """A date to resolve roles at when the article has none: its latest explicit date.

    The latest full date ("February 24th, 2022") in the latest year the text
    names, else the middle of that year. ``(None, "")`` if no year is named.
    """
    this_year = _dt.date.today().year
    years, full = [], []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        for m in _YEAR.finditer(ent.text):
            if int(m.group(1)) <= this_year:
                years.append(int(m.group(1)))
    for m in _FULL.finditer(doc.text):
        y, mo, d = int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2))
        try:
            full.append(_dt.date(y, mo, d))
        except ValueError:
            pass
    if not years and not full:
        return None, ""
    latest = max(years + [f.year for f in full])
    in_year = [f for f in full if f.year == latest]
    if in_year:
        return max(in_year).isoformat(), f"the latest date the text names ({max(in_year).isoformat()})"
    return f"{latest}-07-01", f"the middle of the latest year the text names ({latest})"


class ActorsStage:
    """Pipeline stage ``actors``: fills ``analysis.actors`` (and name/date checks).

    ``kb``: a KnowledgeBase (default: the built-in one). ``extra``: user files
    added on top of it (``.yaml``/``.yml``/``.csv``/``.tsv``, or a PETRARCH
    actor dictionary), as ``whodid --kb FILE`` passes them.
    Roles are resolved at ``analysis.article.published``; without a date, at the
    most recent holder, with an info check saying so.
    """

    name = "actors"

    def __init__(self, kb: KnowledgeBase | None = None, fuzzy_cutoff: float = 85.0,
                 extra: list[str | Path] | None = None) -> None:
        self.kb = kb or load_kb()
        for path in extra or []:  # user files: YAML/CSV/TSV, or a PETRARCH dictionary
            self.kb = extend_kb(path, self.kb)
        self.resolver = Resolver(self.kb, fuzzy_cutoff=fuzzy_cutoff)

    def __call__(self, doc: Doc, analysis: Analysis) -> None:
        published = analysis.article.published
        date = normalize_date(published)
        if published and date is None:
            analysis.checks.append(Check(kind="role_date_assumed", severity="info",
                                         message=f"publication date {published!r} is not an ISO date; "
                                                 "roles were resolved at their most recent holders"))
        if date is None:
            date, why = reference_date(doc)
            if date is not None:
                analysis.checks.append(Check(
                    kind="role_date_assumed", severity="info",
                    message=f"the article has no publication date; roles are resolved at {date}, {why}"))
        res = self.resolver.resolve(doc, date)
        apply(doc, analysis, res)
