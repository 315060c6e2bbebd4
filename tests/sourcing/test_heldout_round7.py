"""General rules found on the seventh held-out round (tests/fixtures/sourcing_heldout/t*),
each tested on sentences written for this file (not the fixtures' sentences).

Round 7 (t*, 78 sentences), written after round 6's rules and scored before any change
for it: accuracy 0.769, anonymous precision 0.89, recall 0.57.
"""
from __future__ import annotations

import pytest

from helpers import one_claim as one
from medialit.sourcing import tag


def labels(text: str):
    return [t.sourcing for t in tag(text) if t.sourcing != "not_a_claim"]


@pytest.mark.parametrize("text", ["Insurers estimate the repairs will cost 40 million.",
                                  "Banks say mortgage demand fell in May."])
def test_a_capitalised_plural_organisation_noun_is_unnamed(text):
    assert one(text).sourcing == "anonymous"


def test_conceded_goals_is_not_a_concession_of_a_point():
    assert one("The visitors conceded three goals in the second half.").sourcing == "unattributed"
    assert one("The minister conceded that the target would be missed.").sourcing == "named"


def test_did_not_name_is_what_the_source_would_not_say():
    t = one("Tolvan did not name the buyer.")
    assert (t.sourcing, t.source) == ("named", "Tolvan")


def test_a_plan_with_a_noun_is_a_stated_plan():
    assert one("The museum plans a new wing for 2027.").sourcing == "named"


def test_stress_in_the_present_is_a_verb_of_saying():
    assert one("The authors stress that the sample was small.").sourcing == "named"


def test_a_time_phrase_between_verb_and_that():
    assert one("Lena Voss admitted after the vote that the party had lost touch.").sourcing == "named"


def test_testified_before_a_committee_is_an_event():
    assert one("Ann Kerr testified before the Senate committee on Tuesday.").sourcing == "unattributed"


def test_name_age_and_address_before_the_verb():
    t = one("Mark Dunn, 37, of Elm Grove, denies theft.")
    assert (t.sourcing, t.source) == ("named", "Mark Dunn")


def test_an_intensifier_after_the_name_does_not_hide_it():
    t = one("Ortiz herself acknowledged the risk.")
    assert t.sourcing == "named" and "Ortiz" in t.source


def test_one_brand_s_post_does_not_name_its_author():
    t = one("One retailer's post claimed the shoes were waterproof.")
    assert (t.sourcing, t.hedged) == ("anonymous", True)
    assert one("Vexo's post claimed the shoes were waterproof.").sourcing == "named"


def test_a_former_holder_with_an_indefinite_article_is_unnamed():
    assert one("A former Rovers manager told me the club was in debt.").sourcing == "anonymous"
    assert one("The former Rovers manager said the club was in debt.").sourcing == "named"


def test_netizens_are_unnamed_users():
    assert one("Netizens praised the new rail line.").sourcing == "anonymous"


def test_a_study_posted_online_identified_by_its_team_later():
    text = ("Coffee may protect the liver, a study posted online on Monday suggests. "
            "The team at the Orvik Liver Institute followed 900 patients.")
    assert labels(text)[0] == "named"
    assert labels("Coffee may protect the liver, a study posted online on Monday suggests.") == ["anonymous"]


def test_under_the_deal_states_a_documents_terms():
    t = one("Under the deal, Corvia will pay 12 million a year.")
    assert (t.sourcing, t.source) == ("named", "the deal")
    assert one("Under pressure, the club sold its striker.").sourcing == "unattributed"


def test_a_survey_identified_later_as_a_poll_is_named():
    text = ("Most drivers back lower speed limits, a new survey suggests. "
            "The poll of 2,000 drivers, carried out by the Road Safety Trust, found that 61% agreed.")
    assert labels(text) == ["named", "named"]
