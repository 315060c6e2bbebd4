"""Rounds 9 and 10 of the held-out sourcing articles (tests/fixtures/sourcing_heldout/w* and
x*), written and labelled by two helpers who never ran the tagger nor read its code, and
committed before the tagger was run on them. First scores: w* accuracy 0.948 on 77
sentences, x* 0.882 on 76 (anonymous precision 0.92, recall 0.89 over both; 0.915 together).
One x* label was then changed to the devset's convention, not the tagger's ("a ministry
spokesperson" is anonymous as the devset labels "an agency spokesman"; the first score with
it is 0.922), and one round-8 label the other way ("A Skyline spokeswoman" is named as the
devset labels "An Alibaba spokesperson"). The rules below were then written from the errors
that were general, each tested here on sentences written for this file.
"""
from __future__ import annotations

import pytest

from helpers import one_claim as one
from medialit.sourcing import tag


@pytest.mark.parametrize("text, source", [
    ('"We will appeal," said Tomas Ried, 52, a bus driver from the north of the city.', "Tomas Ried"),
    ('"It is too late now," said Councillor Aino Berg, 71.', "Councillor Aino Berg"),
])
def test_a_speaker_after_the_quote_with_an_age_is_named(text, source):
    t = one(text)
    assert (t.sourcing, t.source) == ("named", source)


def test_a_plural_person_noun_no_table_lists_is_an_unnamed_group_and_says_how_it_was_read():
    t = one("Three paediatricians at the regional hospital said waiting lists had doubled.")
    assert t.sourcing == "anonymous" and t.uncertain
    assert "by its ending" in t.reason


def test_a_plural_noun_for_things_is_still_not_a_source():
    assert one("Two plants said goodbye to their night shifts this year.").sourcing == "unattributed"


def test_the_same_unnamed_person_introduced_with_one_stays_anonymous():
    tags = tag("One nurse, who asked not to be named, said night shifts had been cut. "
               "\u201cWe are exhausted,\u201d the nurse said.")
    assert [t.sourcing for t in tags] == ["anonymous", "anonymous"]
    assert "One nurse" in tags[1].reason


def test_an_anonymity_phrase_decides_over_what_a_pronoun_refers_to():
    tags = tag("Mayor Ana Ruiz backed the plan. Several councillors are less sure. Two of them, "
               "speaking on condition of anonymity, said the vote would be close.")
    assert tags[2].sourcing == "anonymous"
    assert "condition of anonymity" in tags[2].reason


@pytest.mark.parametrize("second", ["Neither would say when they might resume.", "Both said no date had been set."])
def test_neither_and_both_refer_back_to_the_sources_just_cited(second):
    tags = tag("Two aides familiar with the talks said they had stalled. " + second)
    assert tags[1].sourcing == "anonymous"
    assert "refers back to 'Two aides" in tags[1].reason


def test_neither_after_named_sources_is_named():
    tags = tag("Ana Ruiz and Tom Berg, the two negotiators, said the talks had stalled. Neither would say why.")
    assert tags[1].sourcing == "named"


@pytest.mark.parametrize("text", [
    "Finance Minister Lea Kahn dismissed the suggestion.",
    "Acme Corp dismissed concerns about the merger.",
    "Finance Minister Lea Kahn dismissed the report as speculation.",
])
def test_dismissing_a_claim_is_attributed(text):
    assert one(text).sourcing == "named"


def test_dismissing_people_is_not_a_report():
    assert one("Acme Corp dismissed 40 staff in March.").sourcing == "unattributed"


@pytest.mark.parametrize("text", [
    "Mayor Lina Ortiz credited the drop in burglaries to new street lighting.",
    "Acme Corp attributed the delay to a shortage of parts.",
])
def test_giving_a_cause_is_attributed(text):
    t = one(text)
    assert t.sourcing == "named" and "explanation" in (t.verb_note or "")


def test_a_passive_attributed_to_is_not_the_writer_citing_a_cause():
    assert one("The painting was attributed to a pupil of the master.").sourcing == "unattributed"


@pytest.mark.parametrize("text", [
    "Union leader Petra Holm denounced the decision.",
    "Union leader Petra Holm hailed the agreement.",
])
def test_denounced_and_hailed_need_no_as(text):
    assert one(text).sourcing == "named"


@pytest.mark.parametrize("text", [
    "The city will pay half of any overrun, according to the contract.",
    "Both sides will withdraw by June, according to the agreement.",
])
def test_according_to_an_agreement_or_contract_is_a_document(text):
    assert one(text).sourcing == "named"


def test_results_published_in_a_named_journal_are_named():
    t = one("The drug halved relapses, according to results published on Monday in the Journal of Clinical Studies.")
    assert t.sourcing == "named"


def test_results_with_no_publisher_stay_unnamed():
    assert one("The drug halved relapses, according to early results.").sourcing == "anonymous"


# The verb table filled in from VerbNet's communication classes and FrameNet's Statement frame
# (reporting_verbs.toml): each entry only in the frame where news uses it to report speech.

@pytest.mark.parametrize("text, label", [
    ('"Absolutely not," replied the minister.', "named"),
    ("Acme Corp responded that the figures were wrong.", "named"),
    ("The council responded to the flooding with sandbags.", "unattributed"),
    ("Mayor Lina Ortiz assured residents that the water was safe.", "named"),
    ("The bank reminded customers that fees would rise in May.", "named"),
    ("Mayor Lina Ortiz is assured of a place on the committee.", "unattributed"),
    ('"Get out!" shouted a protester.', "anonymous"),
    ("Protesters chanted slogans outside the town hall.", "unattributed"),
    ("Residents protested outside the town hall.", "unattributed"),
    ("Residents protested that the plan was unfair.", "anonymous"),
    ("The sale was mentioned in the annual report.", "unattributed"),
    ('"We felt the floor move," stated Ana Ruiz, who runs a bakery.', "named"),
    ('"The wall held," the mayor, Joaquim Serra, informed journalists outside the town hall.', "named"),
    ("The mayor informed the council of her plans on Monday.", "unattributed"),
])
def test_verbs_of_communication_count_only_in_their_reporting_frame(text, label):
    assert one(text).sourcing == label


def test_one_of_an_unnamed_group_is_anonymous_and_the_same_person_later_too():
    tags = tag("A protester said the police moved in at dawn. \u201cThey just charged,\u201d the protester said.")
    assert [t.sourcing for t in tags] == ["anonymous", "anonymous"]
    assert "one of the 'protesters'" in tags[0].reason
