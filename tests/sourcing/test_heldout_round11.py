"""Rounds 11-13 of the held-out sourcing articles (tests/fixtures/sourcing_heldout/y*, z*, n*),
written and labelled by three helpers who never ran the tagger nor read its code, committed
before the tagger was run on them. First scores: y* 0.795 (73 sentences), z* 0.889 (72), n*
0.894 (66); 0.858 together, anonymous precision 0.80, recall 0.85. The rules below were then
written from the errors that were general, each tested here on sentences written for this file.
"""
from __future__ import annotations

import pytest

from helpers import one_claim as one
from medialit.sourcing import tag


@pytest.mark.parametrize("text, label", [
    ("Court filings show that the fund lost $2 million.", "named"),   # a plural document noun with a name
    ("Ministry figures showed that exports fell.", "named"),          # the figures of a body the phrase names
    ("Exports fell by a tenth, according to police figures.", "named"),
    ("Police figures published in March showed 212 thefts in the town.", "named"),
    ("Unconfirmed reports said the minister had resigned.", "anonymous"),  # "reports" is a noun after an adjective
    ("Some parents have questioned whether the cuts are legal.", "anonymous"),  # a reported question
    ("The exit poll gave the Greens 18 percent of the vote.", "named"),
    ("The company gave staff a bonus in March.", "unattributed"),
    ("On social media, users posted screenshots of the error message.", "anonymous"),
    ("The tenants' group Fair Rent Now welcomed the ruling.", "named"),  # a name ending in a heads word
    ("The thermometer showed 41C at noon.", "unattributed"),
])
def test_round_11_forms(text, label):
    assert one(text).sourcing == label


def test_a_view_ascribed_to_a_group_is_anonymous_and_uncertain():
    t = one("Some economists see it differently.")
    assert t.sourcing == "anonymous" and t.uncertain


def test_a_noun_in_er_before_a_verb_of_speech_is_a_person_read_by_its_ending():
    t = one("\u201cThe water turned white,\u201d one rower told reporters.")
    assert t.sourcing == "anonymous" and t.uncertain
    assert "by its ending" in t.reason


def test_analysts_of_a_firm_the_text_names_are_named_but_not_analysts_of_a_country():
    tags = tag("Analysts at Norrland Bank cut their forecast. \u201cThe numbers are hard,\u201d the Norrland analysts wrote.")
    assert tags[1].sourcing == "named"
    assert one("Some Swedish analysts said the forecast was too high.").sourcing == "anonymous"


def test_is_understood_to_is_an_unnamed_report_and_a_hedge():
    t = one("The council is understood to have approved the sale.")
    assert (t.sourcing, t.hedged) == ("anonymous", True)


def test_an_instruction_to_a_listener_is_attributed():
    assert one("Judge Mira Holt reminded jurors not to discuss the case.").sourcing == "named"
