"""Rounds 14-16 of the held-out sourcing articles (tests/fixtures/sourcing_heldout/j*, q*, l*),
written and labelled by three helpers who never ran the tagger nor read its code, committed
before the tagger was run on them. First scores: j* 0.875 (72 sentences), q* 0.897 (78), l*
0.866 (82); 0.879 together, anonymous precision 0.84, recall 0.78. The rules below were then
written from the errors that were general, each tested here on sentences written for this file.
"""
from __future__ import annotations

import pytest

from helpers import one_claim as one
from medialit.sourcing import tag


@pytest.mark.parametrize("text, label", [
    # a passive with its agent: "by X" after when or how (the agent was never read before)
    ("The closure was announced by the mayor.", "named"),
    ("The figures were first reported in May by the weekly Harbour News.", "named"),
    ("His retirement was announced in a statement by the club.", "named"),
    ("The sanctions were announced by the foreign ministers of five Nordic countries.", "named"),
    ("Ministers of several countries said the talks had failed.", "anonymous"),
    # "described" with any object is someone's account; "accepted that" a concession
    ("Villagers reached by phone described hours of shelling.", "anonymous"),
    ("The report described the plan as reckless.", "named"),
    ("The events described in the report took place in May.", "unattributed"),
    ("The defence barrister accepted, however, that the driving was dangerous.", "named"),
    ("The firm accepted the offer.", "unattributed"),
    # a person noun read by its ending keeps its participle ("migrants interviewed by ...")
    ("Migrants interviewed at the port described sleeping in shifts.", "anonymous"),
    # "with X saying": the phrase after "with" speaks
    ("Other fans were less forgiving, with several season-ticket holders telling reporters that the club had lied.",
     "anonymous"),
    ("The city was flooded, with water reaching the first floor.", "unattributed"),
    # the data of the source that cites them; a report by a body the phrase names
    ("Footfall fell 12%, the chamber said, citing data from its member shops.", "named"),
    ("Rents rose 9%, according to a report released on Monday by the city's planning department.", "named"),
    # an adverb between the auxiliary and the verb; "Some who worked with her"
    ("Marine biologists have since argued that the ban came too late.", "anonymous"),
    ("Some who worked with her said she could be curt.", "anonymous"),
])
def test_round_14_forms(text, label):
    assert one(text).sourcing == label


def test_a_first_name_alone_with_a_reason_for_it_is_anonymous_and_so_are_her_quotes():
    tags = tag("Lena, a teacher who asked that her last name not be used because she rents from the council, "
               "said the rent had doubled. \u201cI will have to move,\u201d she said.")
    assert [t.sourcing for t in tags] == ["anonymous", "anonymous"]
    assert "last name not be used" in tags[0].reason


@pytest.mark.parametrize("text", [
    "Applicants whose claims are rejected may appeal, the ministry said.",
    "One of them, who asked not to be named, described the water claim as premature.",
])
def test_claim_as_a_noun_is_not_a_hedge(text):
    assert not one(text).hedged


def test_is_reported_to_is_an_unnamed_report_and_a_hedge():
    t = one("A rival team is reported to have seen the same signal.")
    assert (t.sourcing, t.hedged) == ("anonymous", True)
