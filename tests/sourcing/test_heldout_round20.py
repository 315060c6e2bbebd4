"""Rounds 20-22 of the held-out sourcing articles (tests/fixtures/sourcing_heldout/o*, i*, u*),
written and labelled by three helpers who never ran the tagger nor read its code, committed
before the tagger was run on them. First scores: i* 0.947 (75 sentences), o* 0.908 (76), u*
0.865 (74); 0.907 together. The rules below were then written from the errors that were
general, each tested here on sentences written for this file.
"""
from __future__ import annotations

import pytest

from helpers import one_claim as one
from medialit.sourcing import tag


@pytest.mark.parametrize("text, label", [
    # an -ing word before a noun is a modifier, not the end of the source phrase
    ("The planning department said the permit would be reviewed.", "named"),
    ("The polling firm said turnout was the lowest since 2001.", "named"),
    ("The route was changed, according to data from the ship-tracking service SeaLine.", "named"),
    ("Officials meeting in Oslo said the talks had stalled.", "anonymous"),
    # a description after the speaker's name: "her voice shaking", "his eyes streaming"
    ('"We will be back," said one woman in her sixties, her voice shaking.', "anonymous"),
    ("Councillor Ruth Adeyemi defended the plan at a public meeting.", "named"),
    ("The team defended the title.", "unattributed"),
    ("Waiting times fell by 6% in March, its figures show.", "named"),
    ("The law's text also states that the allowance ends in June.", "named"),
    ("Tax adviser Jon Lund advised owners to check their profits before December.", "named"),
    ("The petition argues that the new lane blocks deliveries.", "named"),
])
def test_round_20_forms(text, label):
    assert one(text).sourcing == label


def test_he_after_a_group_is_the_last_person_cited_by_name_and_uncertain():
    tags = tag("Tax adviser Jon Lund said the change was fair. Others have pointed out that the threshold is low. "
               "\u201cTalk to your accountant early,\u201d he said.")
    assert (tags[2].sourcing, tags[2].source) == ("named", "Tax adviser Jon Lund")
    assert tags[2].uncertain and "the last person the text cited by name" in tags[2].reason
