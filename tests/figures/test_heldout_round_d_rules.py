"""General rules found on held-out round D (tests/fixtures/figures_heldout/d*), each tested on
sentences written for this file, not the fixtures' sentences.

Round D (d*, 163 labels), written after rounds A and B's rules and scored before any change
for it: recall 0.982, precision 0.994, kind 0.938, value 0.950.
"""
from __future__ import annotations

import pytest

from helpers import figure_at
from medialit.figures import extract


def one(text: str, span: str):
    """The one figure overlapping ``span``, which must be exactly ``span``."""
    f = figure_at(text, span)
    assert f.text == span, (f.text, span)
    return f


@pytest.mark.parametrize("text, span, unit", [
    ("The charity runs 14 family centres in the north.", "14 family centres", "centres"),
    ("Police recorded 9 deadly collisions on the bypass.", "9 deadly collisions", "collisions"),
    ("The club played 6 friendly matches in July.", "6 friendly matches", "matches"),
])
def test_a_noun_or_adjective_in_ly_may_stand_before_the_counted_noun(text, span, unit):
    f = one(text, span)
    assert (f.kind, f.unit) == ("count", unit)


def test_an_ly_adverb_still_does_not():
    assert [f.kind for f in extract("Only 12 newly qualified staff and 5 quickly.")][:1] == ["count"]
    assert one("They sold 40 mostly to friends.", "40").kind == "number"


def test_a_qualifier_of_approximation_does_not_stop_a_carried_noun():
    f = one("About 900 nurses work at the hospital, and nearly 300 are on night shifts.", "300")
    assert (f.kind, f.unit) == ("count", "nurses") and "unsure" in f.normalisation


def test_under_or_over_before_a_bare_number_is_not_read_as_the_same_count():
    # "children under five": an age as often as a count
    assert one("The drug protects 4,000 children under five, the agency said.", "five").unit != "children"


def test_a_town_of_about_n_counts_people():
    f = one("Brill, a town of about 12,000, lost its bank.", "12,000")
    assert (f.kind, f.unit) == ("count", "people")


def test_the_number_of_names_what_a_changed_number_counts():
    f = one("The number of foster carers in the county fell from 310 to 254 last year.", "254")
    assert (f.kind, f.unit) == ("count", "carers") and "unsure" in f.normalisation
    assert one("The number of shares rose to 40.", "40").kind == "number"   # an amount, not things counted


@pytest.mark.parametrize("text, span, value", [
    ("The repairs took a year and a half.", "a year and a half", 1.5),
    ("The feud lasted a decade and a half.", "a decade and a half", 15),
])
def test_a_time_word_and_a_half(text, span, value):
    f = one(text, span)
    assert (f.kind, f.value) == ("duration", value)


def test_the_past_decade_is_a_span_up_to_now_but_a_title_is_not():
    f = one("Rents have doubled over the past decade.", "the past decade")
    assert (f.kind, f.value, f.unit) == ("duration", 10, "years")
    assert not [f for f in extract("She wrote The Past Decade, a memoir.") if f.kind == "duration"]


def test_a_time_word_after_an_amount_of_time_is_its_rate():
    assert [f.text for f in extract("Drivers work 50 hours a week.")] == ["50 hours"]


@pytest.mark.parametrize("text, span, value, unit", [
    ("A stamp now costs 95p.", "95p", 0.95, "GBP"),
    ("Revenue was $4bn, or 51 cents a share.", "51 cents a share", 0.51, "USD/share"),
    ("Sales reached €12m and the dividend is 40 cents.", "40 cents", 0.40, "EUR"),
])
def test_subunit_money_is_given_in_the_main_unit(text, span, value, unit):
    f = one(text, span)
    assert f.kind == "money" and f.value == pytest.approx(value) and f.unit == unit


def test_cents_with_no_dollars_or_euros_stay_in_cents_and_say_so():
    f = one("A call costs 20 cents.", "20 cents")
    assert (f.value, f.unit) == (20, "cent") and "unsure" in f.normalisation


def test_a_bare_level_after_from_x_to_takes_the_unit_of_x():
    f = one("The fare rose from $2.50 to 3 in May.", "3")
    assert (f.kind, f.unit) == ("money", "USD")
