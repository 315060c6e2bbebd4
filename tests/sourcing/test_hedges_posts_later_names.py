"""Round three of the real-news issue: modal perfects and "claimed responsibility" as
hedges, social-media posts as speakers, data credited after a dash, and a source named
later in the article. Every text here is invented for these tests."""
from __future__ import annotations

import pytest

from medialit.sourcing import tag


def last(text: str):
    return tag(text)[-1]


# --- hedges: uncertainty about what happened ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Investigators say the blaze may have started in a storeroom.",
    "The bridge may well have been weakened by the floods.",
    "The ferry may not have carried enough life jackets.",
])
def test_a_modal_perfect_about_a_past_event_hedges(text):
    assert last(text).hedged, last(text).hedges


@pytest.mark.parametrize("text", [
    "The bakery may have to close next spring.",          # obligation about the future
    "Rents may rise again in the autumn.",                 # a forecast
    "Nobody has explained the loans that she may have taken out.",  # possible things, not the claim
    "With more rain the two farms might have merged.",    # counterfactual "might have"
])
def test_forecasts_obligations_and_possible_things_do_not_hedge(text):
    assert not last(text).hedged, last(text).hedges


def test_claimed_responsibility_hedges_but_not_when_negated():
    t = last("A militant group claimed responsibility for the roadside bomb.")
    assert t.hedged and t.hedges == ("claimed",)
    assert not last("No group has claimed responsibility for the roadside bomb.").hedged
    assert not last("The rebels did not claim responsibility for the raid.").hedged
    assert not last("The flood claimed the lives of nine people.").hedged


def test_claim_objects_come_from_the_table():
    text = "The striker claimed victory after the race."
    assert not tag(text)[-1].hedged
    assert tag(text, rules={"claim_objects": ["victory"]})[-1].hedged
