"""Titles against dates: "President Trump" in a 2022 story, "Vice President Biden" after 2017.

A person mention that carries a title ("US President Joe Biden", "Former President
Donald Trump") is compared with the knowledge base's dated roles at the article's
date (given or inferred). Flagged, as ``role_date_mismatch``:

- a title the person held at another time but not at that date ("President Donald
  Trump" on 2021-08-16: "former" was likely meant);
- a top office (head of state or government, vice president) the person never
  held while the knowledge base knows who held it then (and its data for that
  country reach the article's date) ("US Vice President Donald
  Trump" in 2018: the vice president was Mike Pence);
- "former" on an office the person holds at that date and never held before.

Not flagged: "then-President ..." and mentions in a sentence that dates itself to
a time the title fits ("In 2016, Vice President Joe Biden visited Kyiv").
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from whodid.knowledge.kb import KnowledgeBase, Person, Role, normalize_date
from whodid.knowledge.titles import TOP_OFFICES, is_then_title, roles_titled, title_of
from whodid.model import Analysis, Check, Mention
from whodid.nlp.extensions import span_at


def check_roles(doc: Doc, analysis: Analysis, kb: KnowledgeBase) -> list[Check]:
    date = normalize_date(analysis.article.published)
    if date is None:
        return []
    checks = []
    for actor in analysis.actors:
        i = kb.person_by_id.get(actor.id) if actor.kind == "person" else None
        if i is None:
            continue
        person = kb.people[i]
        for m in actor.mentions:
            check = _check_mention(doc, analysis, kb, person, m, date)
            if check is not None:
                checks.append(check)
    return checks


def _check_mention(doc: Doc, analysis: Analysis, kb: KnowledgeBase, person: Person, m: Mention,
                   date: str) -> Check | None:
    if is_then_title(analysis.article.text, m):
        return None
    title = title_of(kb, person, m)
    if title is None:
        return None
    former, country, noun = title
    held = roles_titled(person, title)
    now = [r for r in held if r.active(date)]
    if any(_sentence_dates_fit(doc, analysis, m, r) for r in held):
        return None
    shown = f"“{m.text}”"
    when = f"the article's date {date}{' (inferred)' if analysis.article.published_inferred else ''}"
    if former:
        if now and not any(r.end and r.end < date for r in held):
            return _check(m, f"{shown}: {person.name} held this office on {when} ({_terms(now)}); "
                             "'former' does not fit")
        return None
    if now:
        return None
    if held:
        return _check(m, f"{shown}: {person.name} was {held[0].position} {_terms(held)}, not on {when}"
                         + ("; 'former' was likely meant" if any(r.end and r.end < date for r in held) else ""))
    if noun.role in TOP_OFFICES:
        where = country or person.country
        known = kb.country(where)
        if known is not None and known.as_of and date > known.as_of:
            return None  # the knowledge base's data for that country end before the article: it cannot tell
        holders = kb.holders(where, noun.role, date) if where else []
        if holders:
            other, r = holders[0]
            return _check(m, f"{shown}: the knowledge base has no such office for {person.name}; "
                             f"{r.position} on {when} was {other.name}")
    return None


def _check(m: Mention, message: str) -> Check:
    return Check(kind="role_date_mismatch", severity="warning", start=m.start, end=m.end, message=message)


def _terms(roles: list[Role]) -> str:
    return ", ".join(f"{r.start or '…'} to {r.end or 'now'}" for r in roles)


def _sentence_dates_fit(doc: Doc, analysis: Analysis, m: Mention, role: Role) -> bool:
    """A date in the mention's own sentence at which ``role`` was held: the title fits its time."""
    span = span_at(doc, m)
    if span is None:
        return False
    sent = span.sent
    for d in analysis.dates:
        if d.value and sent.start_char <= d.start < sent.end_char:
            lo, hi = _bounds(d.value)
            if (role.start is None or role.start <= hi) and (role.end is None or lo <= role.end):
                return True
    return False


def _bounds(value: str) -> tuple[str, str]:
    """First and last ISO day of a YYYY, YYYY-MM or YYYY-MM-DD value."""
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        y, mo = int(value[:4]), int(value[5:7])
        last = (dt.date(y + mo // 12, mo % 12 + 1, 1) - dt.timedelta(days=1)).day
        return f"{value}-01", f"{value}-{last:02d}"
    return value[:10], value[:10]
