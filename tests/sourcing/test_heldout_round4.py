"""General rules found on the fourth held-out round (tests/fixtures/sourcing_heldout/p*),
each tested on sentences written for this file (not the fixtures' sentences)."""
from __future__ import annotations

import pytest

from helpers import one_claim as one
from medialit.sourcing import tag


def by_start(text: str, start: str):
    return next(t for t in tag(text) if t.text.startswith(start))


QA = ("Mayor says the bridge will reopen\n\n"
      "Q: When will the bridge reopen?\n\n"
      "Lind: In the spring. The repairs are on schedule.\n\n"
      "Q: And the cost?\n\n"
      "Lind: About two million. The state pays half.\n")


def test_q_labels_make_a_transcript_so_the_answers_are_the_speakers():
    for start in ("Lind: In the spring", "The repairs are on schedule", "Lind: About two million"):
        t = by_start(QA, start)
        assert t.sourcing == "named" and t.source == "Lind", (start, t.reason)


def test_a_single_speaker_label_without_a_q_label_is_still_no_interview():
    text = "Results\n\nLind: In the spring the repairs will end.\n\nOther towns wait longer.\n"
    assert by_start(text, "Lind: In the spring").sourcing == "unattributed"


def test_its_plus_a_title_is_an_officer_of_the_named_organisation():
    text = ("The utility, Vestkraft, raised prices. "
            "The increase was unavoidable, its finance director told reporters.")
    t = by_start(text, "The increase")
    assert t.sourcing == "named" and "its finance director" in t.source


def test_its_with_a_group_noun_stays_anonymous():
    text = "The union, Unite, met on Monday. Its members said the offer was too low."
    assert by_start(text, "Its members").sourcing == "anonymous"


@pytest.mark.parametrize("text", [
    "Every councillor says the budget is too tight.",
    "Each candidate claims to have the best plan for the harbour.",
    "Several teachers said the new timetable was confusing.",
])
def test_a_quantifier_at_the_start_is_not_a_name(text):
    assert one(text).sourcing == "anonymous"


@pytest.mark.parametrize("text", [
    "A survey conducted by the Tenants Forum found that rents rose 9%.",
    "A poll commissioned by this newspaper found that most readers cycle to work.",
    "A study carried out by the regional water authority found lead in old pipes.",
    "A report by the national road safety investigation board found that the brakes were worn.",
])
def test_a_poll_or_report_credits_who_ran_it(text):
    t = one(text)
    assert t.sourcing == "named", t.reason


def test_a_poll_of_unnamed_origin_is_still_not_named():
    assert one("A poll carried out by a small firm found that most readers cycle.").sourcing != "named"


def test_not_yet_between_the_auxiliary_and_the_verb():
    t = one("The ministry has not yet said when the border will reopen.")
    assert t.sourcing == "named" and "has not yet said" in t.cues[0]


@pytest.mark.parametrize("text, label", [
    ("Several neighbours posted videos showing cars floating down the street.", "anonymous"),
    ("Online, many patients shared their stories of long waits.", "anonymous"),
    ("The fire chief posted a video showing the burnt roof.", "named"),
])
def test_witness_material_put_online_speaks_for_its_posters(text, label):
    assert one(text).sourcing == label


def test_posting_something_that_is_not_an_account_is_no_attribution():
    assert one("The shop posted higher profits this quarter.").sourcing == "unattributed"


# Fifth round (tests/fixtures/sourcing_heldout/r*): rules found there, tested on new sentences.

@pytest.mark.parametrize("text", [
    "\u201cThe queue was out of the door,\u201d said Lea Holm, manager of the food bank.",
    "Rents will keep rising, said Omar Said, head of research at the Housing Trust.",
    "\u201cWe found no link at all,\u201d said the report's co-author, Dr. Mia Stone.",
])
def test_an_inverted_speaker_with_a_title_in_apposition(text):
    t = one(text)
    assert t.sourcing == "named" and t.cues[0].startswith("said"), t.reason


@pytest.mark.parametrize("text", [
    "According to Morvik's quarterly filing, the firm lost 12 million euros.",
    "According to the court's written ruling, the contract was void.",
])
def test_a_document_noun_ending_in_ing_after_a_named_possessor(text):
    assert one(text).sourcing == "named"


@pytest.mark.parametrize("text", [
    "Polls show most voters want the tram extended.",
    "Studies show that short naps improve memory.",
    "Partisan websites claimed that the count had been rigged.",
])
def test_unnamed_polls_studies_and_websites_are_anonymous(text):
    assert one(text).sourcing == "anonymous"


@pytest.mark.parametrize("text", [
    "We opened on Sundays, and not one neighbour has complained.",
    "No official has commented on the figures.",
])
def test_a_negative_quantifier_cites_nobody(text):
    assert one(text).sourcing == "unattributed"


def test_an_unowned_filing_does_not_outvote_the_named_subject():
    t = one("The retailer expects to close 40 stores, according to a regulatory filing.")
    assert t.sourcing == "named" and "retailer" in t.source


def test_polls_named_by_who_ran_them_are_named():
    t = one("The mayor is trailing, according to polls published by the regional broadcaster NTV.")
    assert t.sourcing == "named", t.reason
    assert one("The mayor is trailing, according to polls.").sourcing == "anonymous"


@pytest.mark.parametrize("text", [
    "Scientists not involved in the trial said the dose was high.",
    "Officials not authorised to speak publicly said the talks had stalled.",
])
def test_a_negated_participle_after_a_group_noun_is_a_modifier(text):
    assert one(text).sourcing == "anonymous"
