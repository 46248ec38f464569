"""Headline against body: does the story support what its headline asserts?

The headline is the article's title when its text holds it; with no title, a
short first paragraph of one sentence (a byline paragraph, "By ...", is skipped). Each
headline event that is asserted or planned is looked for in the body: events of
the same PLOVER type that share an actor or recipient. None at all: the headline
reports something the body never does (not raised for a lede, a first paragraph
that is a full sentence: wire copy often reports its event there only). Some, but
none with the headline's
modality: the body weakens it (a planned meeting in the headline, only a
conditional willingness to meet in the body); the check cites those sentences.
"""

from __future__ import annotations

import re

from whodid.model import Analysis, Check, Event

STRONG = ("asserted", "future")
MAX_HEADLINE_WORDS = 30


def headline_span(analysis: Analysis) -> tuple[int, int] | None:
    text, title = analysis.article.text, analysis.article.title
    if title and title.strip():
        if title.strip() not in text:
            return None  # a headline outside the text has no events of its own to compare
        start = text.index(title.strip())
        return start, start + len(title.strip())
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        paragraph = match.group().strip()
        if not paragraph:
            continue
        if paragraph.lower().startswith("by "):
            continue  # a byline
        words = len(paragraph.split())
        sentences = len(re.findall(r"[.!?](\s|$)", paragraph))
        if words <= MAX_HEADLINE_WORDS and sentences <= 1:
            start = match.start() + (len(match.group()) - len(match.group().lstrip()))
            return start, start + len(paragraph)
        return None
    return None


def check_headline(analysis: Analysis) -> list[Check]:
    span = headline_span(analysis)
    if span is None:
        return []
    start, end = span
    # a first paragraph that is a full sentence is the lede, not a headline: wire copy often reports
    # its event there only, so only a body that weakens it is flagged, not a body silent about it
    lede = not (analysis.article.title and analysis.article.title.strip()) and \
        re.search(r"[.:][\"”’']?$", analysis.article.text[start:end].rstrip()) is not None
    # an event told in the headline and again in the body is one event: its tellings are
    # its trigger and its mentions
    head = [e for e in analysis.events if e.modality in STRONG
            and any(start <= m.start < end for m in (e.trigger, *e.mentions))]
    body = [e for e in analysis.events if e.trigger.start >= end]
    text = analysis.article.text
    names = {a.id: a.name for a in analysis.actors}
    countries = {a.id: a.country for a in analysis.actors if a.country}
    checks = []
    for event in head:
        if any(m.start >= end for m in (event.trigger, *event.mentions)):
            continue  # the body tells it too
        # a headline event with no resolved party is compared by kind alone
        parties = bool(event.actor or event.recipient)
        related = [b for b in body if _same_kind(event, b) and (not parties or _share_party(event, b))]
        what = _describe(event, names)
        # "Iran condemns ..." over a body where Iran's foreign ministry spokesman condemns it: the same
        # country in any role, or a body event of that kind whose parties were not resolved, is too
        # close to say the body never reports the event
        loose = related or [b for b in body if _same_kind(event, b) and
                            (not (b.actor or b.recipient) or _share_country(event, b, countries))]
        if not loose and not lede:
            checks.append(Check(
                kind="headline_unsupported", severity="warning", start=start, end=end,
                message=f"the headline reports {what} ({event.modality}); the body reports no such event"))
        elif related and not any(b.modality == event.modality for b in related):
            cited = "; ".join(f"{b.modality}: “{text[b.sentence.start:b.sentence.end].strip()[:160]}”"
                              for b in related[:3])
            checks.append(Check(
                kind="headline_unsupported", severity="warning", start=start, end=end,
                message=(f"the headline reports {what} as {event.modality}; the body only as "
                         f"{', '.join(sorted({b.modality for b in related}))} ({cited})")))
    return checks


def _same_kind(a: Event, b: Event) -> bool:
    """Same PLOVER type and, where both have one, the same three-digit CAMEO root."""
    return a.type == b.type and (not a.cameo or not b.cameo or a.cameo[:3] == b.cameo[:3])


def _share_party(a: Event, b: Event) -> bool:
    """An actor in common, or a recipient in common (roles kept apart). A headline event with
    parties on one side only is matched whatever the role: headlines drop the auxiliary of the
    passive, so "Abe shot dead" reads Abe as the shooter where the body has him as the target."""
    if bool(set(a.actor) & set(b.actor)) or bool(set(a.recipient) & set(b.recipient)):
        return True
    if not a.actor or not a.recipient:
        return bool((set(a.actor) | set(a.recipient)) & (set(b.actor) | set(b.recipient)))
    return False


def _share_country(a: Event, b: Event, countries: dict[str, str]) -> bool:
    """A party of the same country (or the same party), whatever the roles."""
    def keys(e: Event) -> set[str]:
        ids = set(e.actor) | set(e.recipient)
        return ids | {countries[i] for i in ids if i in countries}
    return bool(keys(a) & keys(b))


def _describe(event: Event, names: dict[str, str]) -> str:
    actors = " and ".join(names.get(i, i) for i in event.actor) or "someone"
    target = f" with {' and '.join(names.get(i, i) for i in event.recipient)}" if event.recipient else ""
    return f"{event.type} '{event.trigger.text}' by {actors}{target}"
