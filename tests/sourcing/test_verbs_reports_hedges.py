"""Reporting verbs beyond "say", "reportedly" and asides, and the hedges of the labelling
guide (tracker issue, round one). Every text here is invented for these tests."""
from __future__ import annotations

import pytest

from medialit.sourcing import tag


def last(text: str):
    return tag(text)[-1]


def test_an_aside_in_parentheses_does_not_decide_when_reportedly_does():
    t = last("The mill reportedly cut 80 jobs (the owner would not confirm the number) in the spring.")
    assert t.sourcing == "anonymous" and t.cues == ("reportedly",), t.reason


def test_reportedly_with_no_other_source_points_at_unnamed_reports():
    t = last("The coach reportedly asked to leave the club.")
    assert (t.sourcing, t.source, t.hedged) == ("anonymous", None, True)
    assert "unnamed reports" in t.reason


def test_reportedly_inside_a_quotation_does_not_make_the_writer_anonymous():
    t = last('Prices rose. "They reportedly doubled," Ann Ruiz said.')
    assert t.sourcing == "named", t.reason


# --- attribution beyond "say" ----------------------------------------------------------------

@pytest.mark.parametrize("text,source", [
    ("Farm groups estimated this spring that a quarter of the harvest was lost.", "Farm groups"),
    ("The mayor pledged that no library would close.", "The mayor"),
    ("Ruth Okafor pointed to a rise in hospital admissions.", "Ruth Okafor"),
    ("Governor Dan Hale touted the budget as the fairest in a decade.", "Governor Dan Hale"),
    ("Councillor Amy Brandt has cited a survey showing rents up 9%.", "Councillor Amy Brandt"),
    ("The Port Authority unveiled a plan to dredge the harbour.", "The Port Authority"),
    ("Ben Ito stressed that the vote was only advisory.", "Ben Ito"),
])
def test_reporting_verbs_beyond_say_attribute_the_sentence(text, source):
    t = last(text)
    assert t.source == source and t.sourcing in ("named", "anonymous"), t.reason


def test_a_cognition_verb_without_a_clause_is_not_an_attribution():
    assert last("The retailer expects delivery of the parts in May.").sourcing == "unattributed"


# --- hedges as the labelling guide defines them ----------------------------------------------

@pytest.mark.parametrize("text,marker", [
    ("The new bridge is seen as a test of the mayor's promises.", "is seen as"),
    ("The claim could not be independently verified.", "could not be independently verified"),
    ("They seem intent on avoiding a fight with the unions.", "seem"),
    ("At the reported price, the sale would raise $9 million.", "the reported"),
    ("It is also regarded as a turning point for the league.", "is also regarded as"),
])
def test_distancing_markers_of_the_guide_hedge(text, marker):
    t = last(text)
    assert t.hedged and marker in [h.lower() for h in t.hedges], t.hedges


@pytest.mark.parametrize("text", [
    "Police arrested a suspect near the station.",
    "Prices may rise again next year.",
    "The council could approve the plan in June.",
])
def test_the_noun_suspect_and_plain_modals_do_not_hedge(text):
    assert not last(text).hedged


def test_the_verb_suspect_hedges():
    assert last("I suspect that the figures were rounded, she said.").hedged


def test_a_forecast_with_a_to_infinitive_is_attributed_to_the_forecaster():
    t = last("The central bank of Arland expects inflation to ease next year.")
    assert (t.sourcing, t.verb) == ("named", "expects"), t.reason
    assert last("Some traders expect the currency to weaken.").sourcing == "anonymous"


@pytest.mark.parametrize("text,source", [
    ("The company claims the dam is safe.", "The company"),   # "company" ends in "any" but is not "any"
    ("Germany reports 40 new cases of the flu.", "Germany"),
])
def test_a_noun_too_verb_after_a_word_ending_like_a_determiner_is_still_a_verb(text, source):
    t = last(text)
    assert t.source == source, t.reason


def test_a_noun_too_form_after_an_adjective_is_a_noun_and_does_not_hedge():
    t = last("Arland rejects the sweeping territorial claims of its neighbour.")
    assert not t.hedged and t.source == "Arland"
    assert not last("There were conflicting reports of casualties.").hedged
    assert last("The official claims that the dam is safe.").hedged
