"""Rounds 23-25 of the held-out sourcing articles (tests/fixtures/sourcing_heldout/a*, b*, c*),
written and labelled by three helpers who never ran the tagger nor read its code, committed
before the tagger was run on them. First scores: a* 0.905 (74 sentences), b* 0.958 (72), c*
0.920 (75); 0.928 together. The rules below were then written from the errors that were
general, each tested here on sentences written for this file.
"""
from __future__ import annotations

import pytest

from helpers import one_claim as one
from medialit.sourcing import tag


@pytest.mark.parametrize("text, label", [
    # a preposition after the verb is not an inverted subject ("cautioned against ...")
    ("The pollster's chief analyst, Ida Berg, cautioned against reading too much into one poll.", "named"),
    ("Neither claim could be independently verified.", "unattributed"),   # "claim" after "Neither" is a noun
    ("Online, dozens of patients have described dizziness and nausea.", "anonymous"),
    ("In a post on Sunday, the 31-year-old wrote that she needed rest.", "named"),
    ("The firm denied wrongdoing, according to a statement posted on its website.", "named"),
    ("Prices rose, according to a statement.", "anonymous"),
])
def test_round_23_forms(text, label):
    assert one(text).sourcing == label


def test_the_analysts_after_analysts_of_a_named_bank_are_named_and_uncertain():
    tags = tag("Analysts at Norrland Bank estimated that the charge would reach 2 billion. "
               "\u201cThe write-down is manageable,\u201d the analysts wrote.")
    assert tags[1].sourcing == "named" and tags[1].uncertain
    assert "refers back to 'Analysts at Norrland Bank'" in tags[1].reason


def test_the_analysts_after_unnamed_analysts_stay_anonymous():
    tags = tag("Analysts said the charge was large. \u201cIt is large,\u201d the analysts wrote.")
    assert tags[1].sourcing == "anonymous"
