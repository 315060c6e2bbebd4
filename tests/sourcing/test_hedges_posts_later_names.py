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


# --- social-media posts as speakers --------------------------------------------------------

@pytest.mark.parametrize("text,label", [
    ("A post on X claimed that the ferry had sunk.", "anonymous"),
    ("A viral video said the dam had burst.", "anonymous"),
    ("Councillor Mia Berg's post claimed that the pool would close.", "named"),
    ("A post by the Harbour Trust said the pier would reopen.", "named"),
])
def test_a_post_speaks_for_its_author(text, label):
    t = last(text)
    assert t.sourcing == label, t.reason
    assert "wrote it" in t.reason


def test_a_definite_post_without_an_author_is_anonymous_and_uncertain():
    t = last("While the tweet shown above claimed that the dam had burst, the council denied it.")
    assert (t.sourcing, t.uncertain) == ("anonymous", True), t.reason
    assert "may point back" in t.reason


def test_posts_come_from_the_table():
    text = "A leaflet claimed that the pool would close."
    assert last(text).sourcing != "anonymous"
    assert tag(text, rules={"posts": ["leaflet"]})[-1].sourcing == "anonymous"


# --- a participle of saying after the main clause takes the sentence's subject -----------

@pytest.mark.parametrize("text,label,source", [
    ("Critics went online to complain, claiming that the fees were hidden.", "anonymous", "Critics"),
    ("Some parents wrote to the school, claiming that the test had leaked.", "anonymous", "Some parents"),
    ("The Water Board raised its rates, saying that repairs were overdue.", "named", "The Water Board"),
])
def test_a_participle_of_saying_after_a_comma_is_the_subjects(text, label, source):
    t = last(text)
    assert (t.sourcing, t.source) == (label, source), t.reason
    assert t.hedged == ("claiming" in text)


def test_a_participle_after_a_subject_that_is_no_source_gives_no_attribution():
    t = last("Prices rose all week, claiming that nothing had changed.")
    assert t.sourcing == "unattributed" and t.source is None, t.reason
