"""actors (issue #15, recall: parties named in an earlier sentence): "he" or "she" inside a
quotation that names no one it can mean is the person the story named before the quotation,
never the quotation's speaker, and the party stays marked as a pronoun's guess. Made-up
sentences."""

from __future__ import annotations

import pytest

from helpers import found


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2004-11-04")


def mentions_of(analysis, text):
    """(actor code, how) of each mention whose text is exactly ``text``."""
    return [(a.code, m.how) for a in analysis.actors for m in a.mentions if m.text == text]


def test_a_quoted_he_is_the_man_named_before_the_quotation(analyze):
    a = analyze('Michael Howard unveiled new Tory posters on Monday. But Mr Blair dismissed the talk of '
                'splits. "He failed to cut crime and he misled the voters," he said.')
    assert mentions_of(a, "He") == [("GBROPP", "pronoun")]  # Howard, marked as a pronoun's guess
    ev = found(a, "ACCUSE")
    assert [m.how for m in ev.recipient_mentions] == ["pronoun"]
    assert [x.code for x in a.actors if x.id in ev.recipient] == ["GBROPP"]


def test_a_quotation_going_on_from_its_speakers_sentence_does_not_mean_him(analyze):
    # the speaker of the sentence before is the quotation's speaker, not its "he"
    a = analyze('Michael Howard unveiled new posters on Monday, said Mr Blair. "He misled the voters."')
    assert mentions_of(a, "He") == [("GBROPP", "pronoun")]


def test_a_quoted_he_with_only_the_speaker_before_stays_unresolved(analyze):
    a = analyze('Mr Blair spoke on Monday. "He misled the voters," Mr Blair said.')
    assert mentions_of(a, "He") == []
