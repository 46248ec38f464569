"""AID told by a verb of sending or providing (issue 15, branch ev-types18): PLOVER's AID is
material aid (money and credit, arms, relief goods), so "send", "supply", "provide" are aid only
with such a thing sent; trade, a service or words provided are no event. Made-up sentences
through the real pipeline, each rule with a guard that the aid it keeps is still coded."""

from __future__ import annotations

import pytest

from helpers import types_at


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2023-03-01")


def test_electricity_supplied_to_homes_is_trade_no_aid(analyze):
    a = analyze("A Chinese state company supplies electricity to more than 10 million Brazilian homes.")
    assert "AID" not in [e.type for e in a.events]


def test_a_comment_provided_is_no_event(analyze):
    a = analyze("The Kenyan police spokeswoman said they cannot provide a comment to the opposition party.")
    assert types_at(a, "provide") == []


def test_goods_sent_by_couriers_are_no_aid(analyze):
    a = analyze("Courier companies send goods from the United States to people's homes in Venezuela.")
    assert types_at(a, "send") == []


def test_weapons_sent_to_a_country_are_still_aid(analyze):
    a = analyze("Germany sent weapons to Ukraine last week.")
    assert [e.type for e in a.events if e.trigger.text.startswith("sent")] == ["AID"]


def test_food_supplied_to_refugees_is_still_aid(analyze):
    a = analyze("The United Nations supplied food and medicine to Syrian refugees in Jordan.")
    assert types_at(a, "supplied") == ["AID"]


def test_a_country_provided_with_loans_is_still_aided(analyze):
    a = analyze("Japan provided Sri Lanka with loans after the government defaulted.")
    assert types_at(a, "provided") == ["AID"]
