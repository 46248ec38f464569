"""A body named after its country's possessive: "Taiwan's Supreme Court", "El Salvador's
Farabundo Marti Front".

An organisation the knowledge base does not know gets its country from context (the
article's country, as a guess: ``Resolver._context``); but "Taiwan's Supreme Court" says
whose court it is, and in a story the actors stage takes to be about China the guess
made it CHNJUD. A body whose country was guessed and which the text names right after a
country's possessive is of that country, as the text says (no longer a guess); a guess the
possessive bears out is left as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from whodid.knowledge.kb import state_country
from whodid.nlp.vocab import POSSESSIVE_MARKS

if TYPE_CHECKING:
    from whodid.actors.resolve import _State


def possessed_bodies(st: _State) -> None:
    """Give a body whose country was guessed the country of a possessive before its name."""
    doc = st.doc
    for f in st.res.found:  # (in text order: a body's first such mention decides, as it is then no guess)
        actor = st.res.actors.get(f.actor)
        if actor is None or actor.kind != "organization" or "country" not in actor.inferred \
                or f.how == "pronoun" or f.start < 2 or doc[f.start - 1].text not in POSSESSIVE_MARKS:
            continue
        owner = st.at(f.start - 2)
        owner_actor = st.res.actors.get(owner.actor) if owner is not None else None
        if owner_actor is None or owner_actor.kind != "country" or not owner_actor.country \
                or owner_actor.country == actor.country:
            continue  # (a guess the possessive bears out stays as it was: "Iran's Intelligence Ministry")
        state_country(actor, owner_actor.country)  # (its guessed code is code_for(guess, sector): now the owner's)
