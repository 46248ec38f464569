"""An article's text cut into segments, each with the analysis items covering it.

Mentions, quotes, event triggers, places and dates overlap and nest (a mention
inside a quote inside a sentence), so the text is cut at every item boundary
and each piece lists what covers it; the template renders one <span> per piece,
with the text escaped by Jinja. Nothing here builds HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SPEAKER_COLOURS = 8  # quote colours cycle through .spk0 .. .spk7 in the stylesheet


@dataclass
class Segment:
    text: str
    actors: list[str] = field(default_factory=list)
    quotes: list[int] = field(default_factory=list)
    events: list[int] = field(default_factory=list)
    places: list[int] = field(default_factory=list)
    dates: list[int] = field(default_factory=list)
    speaker_colour: int | None = None

    @property
    def marked(self) -> bool:
        return bool(self.actors or self.quotes or self.events or self.places or self.dates)

    def classes(self) -> str:
        names = []
        if self.quotes:
            names.append("quote" if self.speaker_colour is None else f"quote spk{self.speaker_colour}")
        if self.actors:
            names.append("mention")
        if self.events:
            names.append("trigger")
        if self.places:
            names.append("place")
        if self.dates:
            names.append("date")
        return " ".join(names)


def speaker_colours(analysis: dict[str, Any]) -> dict[str, int]:
    """A colour index per quote speaker, in order of first quote."""
    colours: dict[str, int] = {}
    for quote in analysis["quotes"]:
        speaker = quote.get("speaker")
        if speaker and speaker not in colours:
            colours[speaker] = len(colours) % SPEAKER_COLOURS
    return colours


def segments(analysis: dict[str, Any]) -> list[Segment]:
    text: str = analysis["article"]["text"]
    spans: list[tuple[int, int, str, Any]] = []
    for actor in analysis["actors"]:
        spans += [(m["start"], m["end"], "actors", actor["id"]) for m in actor["mentions"]]
    spans += [(q["start"], q["end"], "quotes", i) for i, q in enumerate(analysis["quotes"])]
    spans += [(e["trigger"]["start"], e["trigger"]["end"], "events", i) for i, e in enumerate(analysis["events"])]
    for i, place in enumerate(analysis["places"]):
        spans += [(m["start"], m["end"], "places", i) for m in place["mentions"]]
    spans += [(d["start"], d["end"], "dates", i) for i, d in enumerate(analysis["dates"])]
    # offsets outside the text (a corrupt row) are dropped, not allowed to break the page
    spans = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted({0, len(text)} | {s[0] for s in spans} | {s[1] for s in spans})
    colours = speaker_colours(analysis)
    quotes = analysis["quotes"]
    pieces: list[Segment] = []
    for start, end in zip(cuts, cuts[1:]):
        piece = Segment(text[start:end])
        for s_start, s_end, kind, key in spans:
            if s_start <= start and end <= s_end and key not in getattr(piece, kind):
                getattr(piece, kind).append(key)
        if piece.quotes:
            # the innermost quote (the last to start) gives the colour
            inner = max(piece.quotes, key=lambda i: quotes[i]["start"])
            piece.speaker_colour = colours.get(quotes[inner].get("speaker") or "")
        pieces.append(piece)
    return pieces
