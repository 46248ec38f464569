"""Unnamed speakers as generic actors: "officials said" -> GOV, "Russian officials" -> RUSGOV.

A speaker the actors stage left without an actor, whose head is a common noun that
names a kind of speaker, becomes a group actor of that sector (CAMEO sector codes,
as the knowledge base uses them), with the country of a demonym or country name
before the noun. A noun that gives no sector ("analysts", "sources") still becomes
an actor, with no sector, so the quote says who spoke as far as the text does.
"""

from __future__ import annotations

from spacy.tokens import Span

from whodid.knowledge.cues import load as load_cues
from whodid.knowledge.kb import KnowledgeBase, group_identity
from whodid.model import Actor, Analysis, Mention
from whodid.nlp import extensions  # noqa: F401  (declares doc._.whodid_article_country)

_MISSING = object()


def noun_sector(kb: KnowledgeBase, noun: str) -> object:
    """The sector a speaker noun gives (None: none), or ``_MISSING`` when it names no kind of speaker."""
    unnamed = load_cues().unnamed_speakers
    if noun in unnamed:
        return unnamed[noun]
    role = kb.role_nouns.get(noun)
    if role is not None and role.sector:
        return role.sector
    return _MISSING


def _country(kb: KnowledgeBase, span: Span) -> str | None:
    for token in span:
        if token.i >= span.root.i:
            break
        for ref in kb.lookup(token.text):
            if ref[:2] in ("A:", "C:", "D:"):
                return ref[2:]
    return None


def unnamed_actor(analysis: Analysis, span: Span, kb: KnowledgeBase) -> str | None:
    """The id of the generic actor for ``span`` (added to ``analysis.actors`` or given a new mention),
    or None when the span is not an unnamed speaker."""
    head = span.root
    if head.pos_ != "NOUN":
        return None
    sector = noun_sector(kb, head.lower_)
    if sector is _MISSING:
        sector = noun_sector(kb, head.lemma_.lower())
    if sector is _MISSING:
        return None
    country = _country(kb, span)
    # no country word: the country the article is about, as a guess ("officials said" in a
    # story about Kenya are Kenyan officials)
    guessed = country is None and bool(span.doc._.whodid_article_country)
    if guessed:
        country = span.doc._.whodid_article_country
    if sector is not None:
        group = group_identity(kb, country, sector)
        aid, name, kind, code = group.id, group.name, group.kind, group.code
    else:  # "analysts said": an actor of no sector, named by its noun
        aid = f"{country + ':' if country else ''}unnamed:{head.lemma_.lower()}"
        name, kind, code = f"{head.lemma_.lower()} (unnamed)", "group", None
    mention = Mention(span.start_char, span.end_char, span.text, how="unnamed", confidence=0.6)
    for actor in analysis.actors:
        if actor.id == aid:
            if all((m.start, m.end) != (mention.start, mention.end) for m in actor.mentions):
                actor.mentions.append(mention)
            return aid
    analysis.actors.append(Actor(id=aid, name=name, kind=kind, country=country, sector=sector,  # type: ignore[arg-type]
                                 code=code or country, mentions=[mention], inferred=["country"] if guessed else []))
    return aid
