"""The quotes stage: adds ``Analysis.quotes``, speakers tied to the actors found before it."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from whodid.knowledge import Resources
from whodid.model import Analysis, Mention, Quote
from whodid.quotes.extract import antecedent, extract
from whodid.quotes.unnamed import unnamed_actor


class QuotesStage:
    """Pipeline stage ``quotes``: fills ``analysis.quotes``, with speakers tied to the
    actors found before it.

    ``unnamed_speakers``: an unnamed speaker ("officials said") becomes a generic actor,
    added to ``analysis.actors`` (the pipeline turns this off when it runs no actors
    stage, so that a missing actor list is not half-filled).
    """

    name = "quotes"

    def __init__(self, resources: Resources | None = None, unnamed_speakers: bool = True) -> None:
        self.kb = (resources or Resources.build()).kb
        self.role_nouns = frozenset(self.kb.role_nouns)
        self.unnamed_speakers = unnamed_speakers

    def __call__(self, doc: Doc, analysis: Analysis) -> None:
        found = extract(doc, self.role_nouns)
        text = analysis.article.text
        with_actors = self.unnamed_speakers
        actor_of: dict[tuple[int, int], str | None] = {}
        order = sorted(range(len(found)), key=lambda i: (found[i].start, found[i].kind != "direct"))
        position = {old: new for new, old in enumerate(order)}
        for old in order:
            item = found[old]
            speaker = item.speaker
            if speaker is not None and (speaker.start_char, speaker.end_char) not in actor_of:
                # a relative pronoun ("X, who said") is the speaker's mention; its actor is the
                # antecedent's
                named = antecedent(doc, speaker) or speaker
                actor = _actor_at(analysis, named)
                if actor is None and with_actors:
                    actor = unnamed_actor(analysis, named, self.kb)
                actor_of[(speaker.start_char, speaker.end_char)] = actor
            analysis.quotes.append(Quote(
                text=text[item.start:item.end], start=item.start, end=item.end, kind=item.kind,
                speaker=actor_of[(speaker.start_char, speaker.end_char)] if speaker is not None else None,
                speaker_text=speaker.text if speaker is not None else None,
                cue=item.cue.text if item.cue is not None else None,
                nested_in=position[item.nested_in] if item.nested_in is not None else None,
                speaker_mention=Mention(speaker.start_char, speaker.end_char, speaker.text) if speaker is not None else None,
                carried_over=item.carried_over,
            ))


def _actor_at(analysis: Analysis, span: Span | None) -> str | None:
    """The actor with a mention on the speaker's words, preferring one that ends where the name ends."""
    if span is None:
        return None
    best = None
    for actor in analysis.actors:
        for m in actor.mentions:
            if m.start < span.end_char and span.start_char < m.end:
                rank = (m.end == span.end_char, m.end - m.start)
                if best is None or rank > best[0]:
                    best = (rank, actor.id)
    return best[1] if best else None
