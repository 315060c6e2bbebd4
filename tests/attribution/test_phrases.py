"""Sourcing labels for attribution wording beyond "said": reporting verbs with their own
notes, labelling verbs ("called the vote “...”", "dismissed ... as"), and documents or data
that name the institution that produced them."""
from __future__ import annotations

import pytest

from medialit.attribution import RulesError, load_rules
from medialit.sourcing import tag


def last(text: str):
    return tag(text)[-1]


# --- reporting verbs, labels and documents that name their producer ---------------------------

@pytest.mark.parametrize("text, source, verb", [
    ("The city council rejected the developer's request for a delay.", "The city council", "rejected"),
    ("Union leader Maria Costa blamed the company for the delays.", "Union leader Maria Costa", "blamed"),
    ("The airline denied that safety checks had been skipped.", "The airline", "denied"),
    ("Finance Minister Jo Park insisted the budget was balanced.", "Finance Minister Jo Park", "insisted"),
    ("The central bank warned that inflation could rise again.", "The central bank", "warned"),
    ("Professor Ann Lee argued that the policy had failed.", "Professor Ann Lee", "argued"),
    ("Coach Ray Dunn noted that the team had won five straight games.", "Coach Ray Dunn", "noted"),
    ("Mayor Tom Reed acknowledged that the project was late.", "Mayor Tom Reed", "acknowledged"),
    ("Senator Ruth Ames conceded the bill would not pass.", "Senator Ruth Ames", "conceded"),
])
def test_reporting_verbs_attribute_the_sentence_and_carry_a_note(text, source, verb):
    t = last(text)
    assert (t.sourcing, t.source, t.verb) == ("named", source, verb)
    assert t.verb_note == load_rules().verbs[verb].note != ""


def test_rejected_and_denied_have_their_own_notes():
    notes = {v: load_rules().verbs[v].note for v in ("rejected", "denied", "confirmed", "admitted", "acknowledged")}
    assert len(set(notes.values())) == len(notes)


@pytest.mark.parametrize("text, source", [
    ("Councillor Dan Ortiz called the vote “a tax on the poor”.", "Councillor Dan Ortiz"),
    ("The governor described the plan as “reckless and cruel”.", "The governor"),
    ("Ms Ortiz dismissed the report as “fake news”.", "Ms Ortiz"),
    ("The mayor dismissed the complaints as politically motivated.", "The mayor"),
])
def test_labelling_verbs_attribute_the_label_to_the_subject(text, source):
    t = last(text)
    assert (t.sourcing, t.source) == ("named", source)
    assert "speaker" in t.verb_note


@pytest.mark.parametrize("text", [
    "The board called the meeting to order.",
    "Opposition leaders called the result a fraud.",
    "The chairman dismissed the staff on Friday.",
])
def test_call_and_dismiss_without_a_quoted_label_or_as_are_not_attributions(text):
    assert last(text).sourcing == "unattributed"


@pytest.mark.parametrize("text, source", [
    ("Data from the Bureau of Labor Statistics show unemployment fell.", "the Bureau of Labor Statistics"),
    ("Figures published by the Office for National Statistics showed inflation rose to 4%.",
     "the Office for National Statistics"),
    ("A report by the Institute for Fiscal Studies found taxes will rise.", "the Institute for Fiscal Studies"),
    ("Unemployment fell in March, data from the Bureau of Labor Statistics show.", "the Bureau of Labor Statistics"),
    ("Figures from the health ministry show 40 new cases.", "the health ministry"),
])
def test_data_and_reports_are_attributed_to_the_institution_that_produced_them(text, source):
    t = last(text)
    assert (t.sourcing, t.source) == ("named", source)
    assert "ultimate source" in t.reason


@pytest.mark.parametrize("text", [
    "Data from the past decade show unemployment fell.",
    "Data from March show unemployment fell.",
    "Figures from 2019 show unemployment fell.",
])
def test_data_from_a_period_names_no_source(text):
    assert last(text).sourcing == "unattributed"


def test_a_teacher_can_add_a_data_noun_and_a_bad_object_then_is_explained(tmp_path):
    text = "A spreadsheet kept by the Transit Authority shows ridership fell."
    assert last(text).sourcing == "unattributed"
    extra = {"evidence_nouns": ["spreadsheet"], "evidence_links": ["kept by"]}
    assert tag(text, rules=extra)[-1].source == "the Transit Authority"
    with pytest.raises(RulesError, match="object_then"):
        load_rules({"verb": [{"lemma": "brand", "forms": ["branded"], "object_then": "label"}]})
