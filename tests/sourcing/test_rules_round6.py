"""Rules added before round 6 of the held-out articles (issue 12): the error kinds left by
rounds 1-5 and the development set, each tested on sentences written for this file."""
from __future__ import annotations

import pytest

from helpers import one_claim as one
from medialit.sourcing import tag


def labels(text: str):
    return [t.sourcing for t in tag(text) if t.sourcing != "not_a_claim"]


@pytest.mark.parametrize("text", [
    "The water board recommends boiling tap water for one minute.",
    "The county's health department advises caution near the lake.",
])
def test_advice_with_a_bare_object_is_the_body_s_position(text):
    t = one(text)
    assert t.sourcing == "named" and t.verb.split()[-1] in ("recommends", "advises")


def test_an_adjective_recommended_is_not_advice():
    assert one("Patients took twice the recommended dose.").sourcing == "unattributed"


def test_footage_that_appears_to_show_speaks_for_who_posted_it():
    t = one("Footage shared online appears to show a fire engine blocked by parked cars.")
    assert (t.sourcing, t.hedged) == ("anonymous", True)
    assert "appears to show" in t.cues[0]


def test_a_forecast_with_sees_is_the_company_s():
    t = one("Brannock now sees full-year revenue of 2.1 billion euros.")
    assert t.sourcing == "named" and "sees" in t.cues[0]


@pytest.mark.parametrize("text", ["The harbour sees two hundred ships a month.", "Visitors can see the castle from the bridge."])
def test_sees_without_a_forecast_noun_is_no_attribution(text):
    assert one(text).sourcing == "unattributed"


def test_a_study_identified_by_its_journal_is_named_but_uncertain():
    t = one("The trial, published in the journal Heart Research, enrolled 900 patients in six countries.")
    assert t.sourcing == "named" and "Heart Research" in t.source and t.uncertain


def test_a_study_without_where_it_appeared_stays_unattributed():
    assert one("The trial, which began in 2019, enrolled 900 patients.").sourcing == "unattributed"


def test_the_researchers_after_a_named_study_are_its_authors():
    text = ("A study by the Marston Institute found that cycling lowers blood pressure. "
            "Blood pressure fell most in older riders, the researchers reported.")
    assert labels(text) == ["named", "named"]


def test_the_researchers_with_no_study_named_stay_anonymous():
    assert labels("Blood pressure fell most in older riders, the researchers reported.") == ["anonymous"]


def test_a_person_who_withholds_her_name_is_anonymous_and_so_is_her_she_said():
    text = ("His lawyer told the court the owner had been abroad. "
            "A resident who asked that her name not be used because she rents from him said the heating failed in May. "
            "“We wore coats indoors,” she said.")
    assert labels(text) == ["named", "anonymous", "anonymous"]


def test_lawyers_for_identified_parties_are_named_bare_lawyers_are_not():
    assert one("Lawyers for the residents wrote in the complaint that the dam was unsafe.").sourcing == "named"
    assert one("Attorneys for Delmar Foods argued the recall was voluntary.").sourcing == "named"
    assert one("Lawyers said the appeal would take years.").sourcing == "anonymous"


@pytest.mark.parametrize("text", [
    "The landlord could not be reached for comment.",
    "Vantor Ltd did not respond to a request for comment.",
    "The school did not immediately respond to emailed questions.",
    "Ms Okafor did not return calls seeking comment on Friday.",
])
def test_nobody_answered_is_the_writer_s_account_not_an_attribution(text):
    t = one(text)
    assert t.sourcing == "unattributed" and t.cues and "nobody answered" in t.reason


def test_declining_to_comment_is_the_source_s_answer():
    t = one("Vantor Ltd declined to comment on the report.")
    assert t.sourcing == "named" and t.source == "Vantor Ltd"


def test_a_no_answer_sentence_does_not_become_a_pronoun_antecedent():
    text = ("Police said two men were arrested. The owner could not be reached for comment. "
            "They said the men would appear in court on Monday.")
    assert labels(text) == ["named", "unattributed", "named"]


def test_executives_of_both_companies_are_named_but_uncertain():
    t = one("Halvard and Corin agreed to merge, executives of both companies said on Monday.")
    assert t.sourcing == "named" and t.uncertain
    assert one("Executives said the merger would close in May.").sourcing == "anonymous"


def test_successive_governments_of_the_country_are_named():
    t = one("Successive governments have, however, acknowledged that the dam was built too fast.")
    assert t.sourcing == "named"
    assert one("Western governments said the vote was flawed.").sourcing == "anonymous"


def test_a_sentence_adverb_between_commas_is_not_an_apposition():
    t = one("The ministry has, however, said that the road will reopen in June.")
    assert (t.sourcing, t.source) == ("named", "The ministry")


def test_recognised_that_is_a_verb_of_acknowledging():
    assert one("The regulator recognised that the rules had been too loose.").sourcing == "named"
    assert one("The court recognised the marriage in 2004.").sourcing == "unattributed"


def test_scare_quotes_credited_by_the_next_sentence_take_its_source():
    text = ("The new line will be “faster” and “far more reliable” than the old one. "
            "That is the promise voiced by Lena Ortiz, the transport minister, in March.")
    assert labels(text) == ["named", "named"]
    assert labels("The new line will be “faster” and “far more reliable” than the old one.") == ["unattributed"]


def test_a_plural_group_matched_to_a_named_organisation_is_named_but_uncertain():
    text = ("The Riverside Nurses Federation called the strike. "
            "About 40 clinics closed, according to nurses unions.")
    t = [x for x in tag(text)][-1]
    assert t.sourcing == "named" and t.uncertain
    assert one("About 40 clinics closed, according to nurses unions.").sourcing == "anonymous"
