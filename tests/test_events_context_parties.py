"""Parties told in an earlier clause or sentence (issue 15, item 4; ``events.context``): a counted
plural ("both sides", "the two governments") names the parties told together just before; an
agreement with no counterpart of its own is made with the other party of the latest interaction
its actor took part in; praise of "the move" is aimed at whoever made it. Made-up texts."""

from __future__ import annotations

import pytest

from test_events_roles_context import codes  # an actor's code, else its country


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2022-07-20")


def _countries(a, ids):
    return {c[:3] for c in codes(a, ids)}


def _of(a, etype):
    return [e for e in a.events if e.type == etype]


_TALKS = ("India and Pakistan held talks in Islamabad on Thursday. Both sides agreed to begin talks on "
          "reducing the risk of nuclear accidents. The Indian side agreed to examine the objections with "
          "an open mind. India agreed to arrange a tour by the Pakistani team. Kashmiri politicians on "
          "both sides welcomed the move.")


def test_both_sides_are_the_two_parties_of_the_talks_told_before(analyze):
    a = analyze(_TALKS)
    joint = [e for e in _of(a, "AGREE") if _countries(a, e.actor) == {"IND", "PAK"}]
    assert joint, [(e.type, codes(a, e.actor), codes(a, e.recipient)) for e in a.events]


def test_an_agreement_of_one_side_is_made_with_the_other_side_of_the_talks(analyze):
    a = analyze(_TALKS)
    assert any(_countries(a, e.actor) == {"IND"} and _countries(a, e.recipient) == {"PAK"}
               for e in _of(a, "AGREE"))


def test_welcoming_the_move_is_aimed_at_whoever_made_it(analyze):
    a = analyze(_TALKS)
    assert any("IND" in _countries(a, e.recipient) for e in _of(a, "SUPPORT"))


def test_the_two_governments_and_the_move_after_a_meeting(analyze):
    a = analyze("Officials of Brazil and Argentina met in Brasilia on Monday. The two governments agreed "
                "to set up a joint commission on trade. Business leaders in Uruguay welcomed the move.")
    assert any(_countries(a, e.actor) == {"BRA", "ARG"} for e in _of(a, "AGREE"))
    assert any(_countries(a, e.recipient) == {"BRA", "ARG"} for e in _of(a, "SUPPORT"))


def test_a_country_agrees_with_the_other_party_of_its_leaders_talks(analyze):
    a = analyze("Kenyan President William Ruto held talks with Ugandan President Yoweri Museveni in Nairobi "
                "on Tuesday. Kenya agreed to reduce tariffs on sugar.")
    assert any(_countries(a, e.actor) == {"KEN"} and _countries(a, e.recipient) == {"UGA"}
               for e in _of(a, "AGREE"))


def test_a_counterpart_from_the_story_points_at_its_own_words(analyze):
    # the recipient taken from the talks before is read from the words naming it, not the actor's
    a = analyze("Kenyan President William Ruto held talks with Ugandan President Yoweri Museveni in Nairobi "
                "on Tuesday. Kenya agreed to reduce tariffs on sugar.")
    agreed = [e for e in _of(a, "AGREE") if _countries(a, e.actor) == {"KEN"}]
    assert agreed and all("Museveni" in m.text for e in agreed for m in e.recipient_mentions) \
        and all(e.recipient_mentions for e in agreed)
    a = analyze(_TALKS)
    for e in _of(a, "AGREE"):
        if _countries(a, e.actor) == {"IND"} and _countries(a, e.recipient) == {"PAK"}:
            assert [m.text for m in e.recipient_mentions] == ["Pakistan"]


def test_one_party_agreeing_with_no_interaction_before_is_no_event(analyze):
    assert not _of(analyze("Germany agreed to raise its defence budget next year."), "AGREE")
    a = analyze("Chancellor Olaf Scholz visited a factory in Bavaria on Monday. Germany agreed to raise its "
                "defence budget next year.")
    assert not _of(a, "AGREE")


def test_any_two_countries_are_not_the_two_told_before(analyze):
    # "two countries" with no article: not the parties of the talks
    a = analyze("India and Pakistan held talks in Islamabad on Thursday. Two countries agreed to send "
                "observers.")
    assert not any(_countries(a, e.actor) == {"IND", "PAK"} for e in _of(a, "AGREE"))
