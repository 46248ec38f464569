"""actors (issue #15): groups marked by a nationality or a people with no state of its own are
of that country, not of the place they are in; refugees are of the country they fled, sector
REF (CAMEO; the news-events gold's convention: Rohingya in India MMRREF). Made-up sentences."""

from __future__ import annotations

import pytest

from test_actors_round5 import actor, analyse
from test_events_roles_context import codes  # an actor's code, else its country


def test_refugees_of_a_people_are_of_its_country_not_the_hosts(actors_pipeline):
    an = analyse(actors_pipeline, "NEW DELHI: Indian police arrested 20 Rohingya refugees in Jammu on Monday.", "2022-06-01")
    assert actor(an, "Rohingya refugees").code == "MMRREF"
    assert actor(an, "Indian police").code == "INDCOP"  # the guard: the host's police stay the host's


@pytest.mark.parametrize("text, name, code", [
    ("Pakistan expelled thousands of Afghan refugees last month.", "Afghan refugees", "AFGREF"),
    ("Turkish police detained Syrian asylum seekers near the border.", "Syrian asylum seekers", "SYRREF"),
    ("Kuwait deported Filipino workers.", "Filipino workers", "PHLLAB"),
])
def test_a_nationality_on_a_people_noun_gives_its_country(actors_pipeline, text, name, code):
    assert actor(analyse(actors_pipeline, text, "2022-06-01"), name).code == code


def test_a_stateless_people_named_alone_abroad_are_refugees_and_at_home_civilians(actors_pipeline):
    an = analyse(actors_pipeline, "NEW DELHI: Police in Delhi detained several Rohingya on Tuesday. The arrests were part of "
                           "a government crackdown against Rohingya.", "2022-06-01")
    rohingya = [a for a in an.actors if any(m.text == "Rohingya" for m in a.mentions)]
    assert [a.code for a in rohingya] == ["MMRREF"]  # both mentions, "several Rohingya" tagged PERSON too
    assert len(rohingya[0].mentions) == 2
    assert actor(an, "Police").code == "INDCOP"  # the Rohingya do not make the story Myanmar's
    an = analyse(actors_pipeline, "Myanmar's army attacked the Rohingya in Rakhine.", "2022-06-01")
    assert actor(an, "Rohingya").code == "MMRCVL"


def test_refugees_named_again_without_a_designator_keep_their_origin(actors_pipeline):
    an = analyse(actors_pipeline, "NEW DELHI: Indian police arrested 20 Rohingya refugees in Jammu. Rights groups say the "
                           "Indian government has deported 17 refugees since 2017.", "2022-06-01")
    assert [m.text for m in actor(an, "Rohingya refugees").mentions] == ["Rohingya refugees", "refugees"]
    an = analyse(actors_pipeline, "NEW DELHI: Police arrested 20 refugees in Jammu on Monday.", "2022-06-01")
    assert actor(an, "refugees").code == "INDREF"  # no origin named: the host's, as before


def test_refugees_held_by_no_named_doer_are_held_by_the_hosts_police(code_events):
    # told with no doer, the detention is the police's of where it happens, else of those held;
    # refugees are coded by the country they fled, which is not the one holding them
    a = code_events("NEW DELHI: Another Afghan refugee was detained last week, activists told Al Jazeera.", "2022-06-01")
    (held,) = [e for e in a.events if e.type == "COERCE"]
    assert codes(a, held.recipient) == ["AFGREF"]
    assert codes(a, held.actor) == ["INDCOP"]
