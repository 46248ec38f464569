"""Titles on person mentions ("US President Joe Biden") and what they say about dates.

A title in front of a known person's name is a claim about when the text was
written: "President Joe Biden" is written while Biden is president. The checks
stage compares such titles with the article's date (``checks.roles``); for an
undated article the actors stage turns them into bounds on the publication date
(``title_constraints``), which the time stage's inference uses.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from spacy.tokens import Doc

from whodid.knowledge.kb import KnowledgeBase, Person, Role, RoleNoun, tokenize
from whodid.model import Actor, Mention
from whodid.nlp.extensions import span_at, text_of
from whodid.nlp.publication import DateConstraint
from whodid.nlp.vocab import FORMER

TOP_OFFICES = ("head_of_state", "head_of_government", "vice_president", "supreme_leader")
THEN = re.compile(r"\b(then|late)[\s-]*$", re.I)  # "then-President Biden", "the late President ..."


class Title(NamedTuple):
    former: bool
    country: str | None  # ISO3 (or org id) named before the role noun: "US President" -> USA
    noun: RoleNoun


def name_words(kb: KnowledgeBase, person: Person) -> set[str]:
    """The words of a person's names. A dictionary's alias may carry a title ("German Chancellor
    Angela Merkel", "Prime Minister Putin"): such an alias is a description, not a name."""
    words = set(tokenize(person.name))  # (the name itself always counts: "Martin Luther King")
    for name in person.aliases:
        toks = tokenize(name)
        lowers = [t.lower() for t in toks]
        titled = any(kb.role_nouns.get(" ".join(lowers[a:b])) is not None
                     for a in range(len(lowers)) for b in range(a + 1, min(a + 3, len(lowers)) + 1))
        if not titled and not any(r[0] in "CA" for t in toks for r in kb.lookup(t)):
            words.update(toks)
    return words


def title_of(kb: KnowledgeBase, person: Person, mention: Mention) -> Title | None:
    """The title words before the name in ``mention``, or None if it has no office title."""
    toks = tokenize(mention.text)
    names = name_words(kb, person)
    # the title ends where the name begins
    end = next((k for k, t in enumerate(toks) if t in names), len(toks))
    lowers = [t.lower() for t in toks[:end]]
    best = None
    for a in range(len(lowers)):
        for b in range(len(lowers), a, -1):
            noun = kb.role_nouns.get(" ".join(lowers[a:b]))
            if noun is not None and noun.title and noun.role and (best is None or b - a > best[1] - best[0]):
                best = (a, b, noun)
    if best is None:
        return None
    a, _b, noun = best
    former = any(w in FORMER for w in lowers[:a])
    country = None
    for t in toks[:a]:
        ref = next((r for r in kb.lookup(t) if r[0] in "CA"), None)
        if ref is not None:
            country = ref[2:]
    return Title(former, country, noun)


def is_then_title(text: str, mention: Mention) -> bool:
    """"then-President Biden", "the late President ...": a title of another time, by the writer's own word."""
    return bool(THEN.search(text[max(0, mention.start - 12):mention.start])) \
        or mention.text.lower().startswith(("then", "late "))


def roles_titled(person: Person, title: Title) -> list[Role]:
    """The roles of ``person`` that ``title`` names ("President" of the country named, if any)."""
    held = [r for r in person.roles if r.role == title.noun.role
            and (title.country is None or r.country == title.country or r.org == title.country)]
    if not held and title.noun.role == "leader":
        held = [r for r in person.roles if r.role in TOP_OFFICES
                and (title.country is None or r.country == title.country)]
    return held


def title_constraints(doc: Doc, actors: list[Actor], kb: KnowledgeBase,
                      dated_sentences: set[int] = frozenset()) -> list[DateConstraint]:
    """Bounds on the publication date from current titles of known people.

    "US President Joe Biden" bounds it to Biden's terms as president (from the
    first start to the last end, when he held the office more than once). Left
    out: "former" titles, "then-"/"late" titles, and mentions in a sentence
    (index of its first token in ``dated_sentences``) that dates itself, where
    the title may belong to that date ("In 2016, Vice President Joe Biden ...").
    """
    out: list[DateConstraint] = []
    seen: set[tuple[str, str | None, str | None]] = set()
    text = text_of(doc)
    for actor in actors:
        i = kb.person_by_id.get(actor.id) if actor.kind == "person" else None
        if i is None:
            continue
        person = kb.people[i]
        for m in actor.mentions:
            names = name_words(kb, person)
            if not names.intersection(tokenize(m.text)):
                continue  # "the Russian leader": resolved by the date, so it cannot bound the date
            title = title_of(kb, person, m)
            if title is None or title.former or is_then_title(text, m):
                continue
            span = span_at(doc, m)
            if span is None or span.sent.start in dated_sentences:
                continue
            held = roles_titled(person, title)
            if not held:
                continue
            starts = [r.start for r in held]
            ends = [r.end for r in held]
            earliest = None if None in starts else min(starts)  # type: ignore[type-var]
            latest = None if None in ends else max(ends)  # type: ignore[type-var]
            key = (person.id, earliest, latest)
            if key in seen or (earliest is None and latest is None):
                continue
            seen.add(key)
            terms = ", ".join(f"{r.start or '…'} to {r.end or 'now'}" for r in sorted(held, key=lambda r: r.start or ""))
            out.append(DateConstraint(_day(earliest), _day(latest),
                                      f"'{m.text}': {person.name} was {held[0].position} {terms}"))
    return out


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
