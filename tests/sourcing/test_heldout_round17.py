"""Rounds 17-19 of the held-out sourcing articles (tests/fixtures/sourcing_heldout/e*, f*, g*),
written and labelled by three helpers who never ran the tagger nor read its code, committed
before the tagger was run on them. First scores: e* 0.962 (78 sentences), f* 0.868 (76), g*
0.899 (69); 0.910 together. The rules below were then written from the errors that were
general, each tested here on sentences written for this file.
"""
from __future__ import annotations

import pytest

from helpers import one_claim as one


@pytest.mark.parametrize("text, source", [
    ("Ana Ruiz, 58, a retired nurse, said the road had flooded twice.", "Ana Ruiz"),  # an age, then who she is
    ("The letter, dated May 2 and signed by the chair, Tom Berg, warned members that fees would rise.", "The letter"),
    ("Party members who asked not to be named because the talks were private said a deal was close.",
     "Party members who asked not to be named because the talks were private"),
])
def test_the_subject_before_appositions_and_a_withheld_name(text, source):
    assert one(text).source == source


@pytest.mark.parametrize("text, label", [
    ("Ward closures rose by a fifth, according to figures released on Monday by the Health Ministry.", "named"),
    ("A team at the Marlow Institute for Robotics found that the arm failed one test in ten.", "named"),
    ("Hospital management said in a statement that wards would stay open.", "named"),
    ("Six ministers lost their posts, according to a list released by the president's office.", "named"),
    ("Documents seen by the Evening Ledger show that the tender was never advertised.", "named"),
    ("Free buses would cost 40 million a year, by the council's own estimate.", "named"),
    ("The bill was passed by the assembly.", "unattributed"),
])
def test_round_17_forms(text, label):
    assert one(text).sourcing == label
