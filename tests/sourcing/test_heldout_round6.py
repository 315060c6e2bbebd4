"""General rules found on the sixth held-out round (tests/fixtures/sourcing_heldout/s*),
each tested on sentences written for this file (not the fixtures' sentences).

Round 6 (s*, 80 sentences), written after the pre-round rules of issue 12 (see
test_rules_round6.py) and scored before any change for it: accuracy 0.750, anonymous
precision 0.56, recall 0.33.
"""
from __future__ import annotations

import pytest

from helpers import one_claim as one
from medialit.sourcing import tag


def labels(text: str):
    return [t.sourcing for t in tag(text) if t.sourcing != "not_a_claim"]


@pytest.mark.parametrize("text", [
    "Drivers must tell the insurer about any change of address.",
    "The minister should say why the report was delayed.",
    "Applicants have to explain why they missed the deadline.",
])
def test_an_obligation_is_not_a_report_of_speech(text):
    assert one(text).sourcing == "unattributed"


def test_he_after_an_unnamed_group_is_the_name_since_then():
    text = ("Three people close to the talks said the deal was near. "
            "Chief executive Omar Lind thanked his staff. “We did it,” he wrote on X.")
    assert labels(text) == ["anonymous", "unattributed", "named"]


def test_a_prospectus_or_minutes_speak_for_their_organisation():
    assert one("Revenue doubled in two years, the prospectus shows.").sourcing == "named"
    assert one("The plan was approved unanimously, the minutes show.").sourcing == "named"


def test_less_convinced_is_a_view_of_a_group():
    t = one("Some bondholders are less convinced.")
    assert t.sourcing == "anonymous" and t.uncertain


def test_one_alone_is_one_of_a_group_not_a_name():
    text = "Several farmers said the price was too low. One said he would sell his herd."
    assert labels(text) == ["anonymous", "anonymous"]


def test_issuing_a_warning_is_a_statement_but_issuing_shares_is_not():
    assert one("The coastguard has issued a storm warning for the whole coast.").sourcing == "named"
    assert one("The company issued new shares worth 40 million.").sourcing == "unattributed"


@pytest.mark.parametrize("text", ["Forecasters say the rain will clear by Friday.",
                                  "Meteorologists expect the storm to weaken."])
def test_forecasters_are_unnamed_people_not_a_name(text):
    assert one(text).sourcing == "anonymous"


def test_an_appeal_with_asking_is_the_speaker_s():
    t = one("Firefighters in Marlow are asking drivers to avoid the ring road.")
    assert t.sourcing == "named"


def test_asked_to_leave_is_no_appeal():
    assert one("The coach asked to leave the club in May.").sourcing == "unattributed"


def test_a_place_after_an_unnamed_person_is_not_a_name():
    text = "A shopkeeper on Mill Lane said the window was smashed twice. “I am tired,” she said."
    assert labels(text) == ["anonymous", "anonymous"]


def test_police_with_a_place_name_is_an_institution():
    t = one("Two cars were stolen overnight, Dunmore police said.")
    assert (t.sourcing, t.source) == ("named", "Dunmore police")


def test_the_force_is_the_police():
    assert one("The force advises owners to lock their garages.").sourcing == "named"


def test_the_post_after_a_named_source_posted_online_is_named():
    text = ("Police said in an appeal posted on Facebook that two vans were seen. "
            "One van was white, according to the post.")
    assert labels(text) == ["named", "named"]
    assert labels("One van was white, according to the post.") == ["anonymous"]


def test_a_promise_with_a_bare_object_is_attributed():
    assert one("Backers of the bid promise a new train line.").sourcing == "anonymous"
    assert one("We have heard these promises before.").sourcing == "unattributed"


def test_found_again_and_again_that_is_a_finding():
    assert one("Researchers have found again and again that fines do not stop speeding.").sourcing == "anonymous"


def test_the_writer_s_own_interviewees_are_anonymous():
    assert one("Everyone I spoke to on the ferry had an opinion about the fare.").sourcing == "anonymous"
    assert one("I have talked to nurses who say the night shifts are unsafe.").sourcing == "anonymous"


def test_such_is_not_a_name():
    assert one("Such claims are false and aim to divide the public.").sourcing == "unattributed"


def test_he_after_a_person_whose_name_ends_in_s_keeps_that_person():
    text = ('Tom Jones said the plan was late. Ann Lee, the mayor, disagreed with the figures. '
            '"It is nonsense," he said.')
    t = tag(text)[-1]
    assert (t.sourcing, t.source) == ("named", "Tom Jones") and t.uncertain
