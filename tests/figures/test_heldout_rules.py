"""The general rules added after round A of the held-out figures (tests/figures/test_heldout.py).
Every text here is invented for the test (none is taken from the held-out articles)."""
from __future__ import annotations

import pytest

from helpers import figure_at as at
from medialit.figures import excluded, extract


def none_at(text: str, fragment: str) -> None:
    i = text.index(fragment)
    hits = [f for f in extract(text) if f.start < i + len(fragment) and i < f.end]
    assert not hits, [(f.text, f.kind, f.rule) for f in hits]


# ------------------------------------------------------------------ not figures

@pytest.mark.parametrize("text,number", [
    ("For tickets ring 0161 555 0987 before noon.", "555 0987"),
    ("The helpline, 0800 123 456, is free.", "123 456"),
    ("Call the desk on (031) 220 4410 today.", "220 4410"),
])
def test_a_national_phone_number_with_its_trunk_zero_is_not_a_figure(text, number):
    none_at(text, number)
    assert any(e.reason == "a phone number" for e in excluded(text))


def test_digits_joined_by_two_slashes_that_are_no_date_are_a_reference():
    text = "Quote incident 17/30452/24 when you write."
    none_at(text, "17/30452/24")
    assert [e.reason for e in excluded(text)] == ["a reference number (digits joined by slashes, not a date)"]
    assert at("It opened on 21/06/2024 with 40 guests.", "21/06/2024").kind == "date"


# ------------------------------------------------------------------ counted nouns

@pytest.mark.parametrize("text,fragment,unit", [
    ("Two masked gunmen robbed the bank.", "Two", "gunmen"),
    ("Three retired teachers volunteered.", "Three", "teachers"),
    ("Five serious injuries were reported.", "Five", "injuries"),
    ("Six policemen were on duty.", "Six", "policemen"),
])
def test_an_adjective_in_ous_or_ed_before_a_people_noun_does_not_hide_the_count(text, fragment, unit):
    f = at(text, fragment)
    assert (f.kind, f.unit) == ("count", unit)


def test_an_ed_word_before_a_noun_that_is_not_people_is_still_not_a_modifier():
    # "raised" is the verb here: five (people) raised concerns
    assert at("Five raised concerns at the meeting.", "Five").kind == "number"


def test_a_part_of_a_group_counted_earlier_takes_its_noun_unsure():
    text = ("Eight hikers and two dogs set out. Rangers found five of them by dusk. "
            "The weather turned. The other three spent the night on the ridge.")
    five, three = at(text, "five"), at(text, "three")
    assert (five.kind, five.unit, three.kind, three.unit) == ("count", "hikers", "count", "hikers")
    assert "unsure" in five.rule and "'of them'" in five.normalisation


def test_a_bare_number_after_a_count_and_before_a_past_tense_verb_counts_the_same_thing():
    f = at("Four of the board's 11 directors backed the deal and three objected.", "three")
    assert (f.kind, f.unit) == ("count", "directors")


@pytest.mark.parametrize("text,fragment,unit", [
    ("Thefts in the borough rose by 8% last year to 2,310.", "2,310", "thefts"),
    ("Admissions fell from 930 to 610 over the winter.", "930", "admissions"),
    ("Admissions fell from 930 to 610 over the winter.", "610", "admissions"),
    ("The evictions climbed to 77 in March.", "77", "evictions"),
])
def test_the_plural_subject_of_a_change_counts_the_bare_number_it_reaches(text, fragment, unit):
    f = at(text, fragment)
    assert (f.kind, f.unit) == ("count", unit) and "unsure" in f.rule


@pytest.mark.parametrize("text,fragment", [
    ("Shares rose 2% to 51 on Monday.", "51"),         # a price, not a count of shares
    ("Prices fell to 80 in May.", "80"),
    ("Police said it rose to 40.", "40"),              # no plural noun opens the sentence
])
def test_a_subject_that_names_an_amount_does_not_make_a_count(text, fragment):
    assert at(text, fragment).kind == "number"


def test_a_crowd_of_n_counts_people():
    f = at("An attendance of 18,450 was the season's best.", "18,450")
    assert (f.kind, f.value, f.unit) == ("count", 18450, "people")


@pytest.mark.parametrize("text,fragment,value,unit", [
    ("They met in a 240-seat hall.", "240-seat", 240, "seats"),
    ("A seven-member board decides.", "seven-member", 7, "members"),
    ("A 2,000-strong march set off.", "2,000-strong", 2000, "people"),
])
def test_a_number_glued_to_a_counting_noun_is_a_count(text, fragment, value, unit):
    f = at(text, fragment)
    assert (f.text, f.kind, f.value, f.unit) == (fragment, "count", value, unit)


# ------------------------------------------------------------------ money, durations, fractions

@pytest.mark.parametrize("text,fragment,value,unit", [
    ("The fine was 6.5 million crowns.", "6.5 million crowns", 6.5e6, "crown"),
    ("A ticket costs 350 kronor.", "350 kronor", 350, "SEK"),
    ("Lunch was 9,000 won.", "9,000 won", 9000, "KRW"),
])
def test_more_currency_words(text, fragment, value, unit):
    f = at(text, fragment)
    assert (f.text, f.kind, f.value, f.unit) == (fragment, "money", value, unit)


def test_a_currency_word_that_is_also_a_noun_is_not_money_after_a_number_word():
    f = at("The club has won four crowns in a decade.", "four crowns")
    assert (f.kind, f.unit) == ("count", "crowns")


def test_a_rate_set_off_by_a_comma_after_an_amount_is_not_a_duration():
    text = "The scheme costs 2.1 billion rand, some $115 million, a year."
    assert [f.kind for f in extract(text)] == ["money", "money"]


def test_a_rate_before_from_and_a_year_stays_one_figure():
    f = at("The mill will make 40 million bags a year from 2028.", "40 million bags")
    assert (f.text, f.unit) == ("40 million bags a year", "bags/year")


def test_a_time_word_before_apart_is_a_duration_not_a_rate():
    f = at("Patients get two injections a week apart.", "a week")
    assert (f.text, f.kind, f.value) == ("a week", "duration", 1)


def test_an_age_in_months_written_as_a_range_is_a_duration_range():
    f = at("The trial took infants aged 6 to 20 months.", "6 to 20 months")
    assert (f.kind, f.low, f.high, f.unit) == ("duration", 6, 20, "months")


@pytest.mark.parametrize("text,fragment,value", [
    ("Break-ins rose by a third in the spring.", "a third", 33.33),
    ("The city will cut its fleet by half.", "half", 50),
    ("Fares have gone up by a quarter since 2021.", "a quarter", 25),
])
def test_a_change_by_a_fraction_is_a_percent(text, fragment, value):
    f = at(text, fragment)
    assert (f.kind, f.value, f.unit) == ("percent", value, "%") and "change" in f.rule


def test_by_half_without_a_verb_of_change_is_not_a_share():
    none_at("The letter was signed by half.", "half")


@pytest.mark.parametrize("text,fragment,value,unit", [
    ("A fifth dose may follow next year.", "fifth dose", 5, "dose"),
    ("The second round of talks ended.", "second round", 2, "round"),
])
def test_doses_and_rounds_are_occurrences_an_ordinal_counts(text, fragment, value, unit):
    f = at(text, fragment)
    assert (f.kind, f.value, f.unit) == ("count", value, unit)


# ------------------------------------------------------------------ after round B

def test_set_scores_in_a_list_are_tallies_even_when_the_first_number_is_lower():
    text = "He won 7-5, 2-6, 7-6 (9-7) over four hours."
    assert [(f.text, f.kind, f.value) for f in extract(text)][:4] == [
        ("7-5", "number", "7-5"), ("2-6", "number", "2-6"), ("7-6", "number", "7-6"), ("9-7", "number", "9-7")]
    assert at("Waits of 2-6 weeks are common.", "2-6 weeks").low == 2   # alone, a rising pair is a range


def test_a_money_range_takes_the_rate_written_after_its_second_end():
    f = at("Repairs need $2bn-$3bn a year.", "$2bn-$3bn a year")
    assert (f.kind, f.low, f.high, f.unit) == ("money", 2e9, 3e9, "USD/year")


def test_an_age_range_after_aged_is_one_figure():
    f = at("Voters aged 18 to 24 were polled.", "18 to 24")
    assert (f.kind, f.low, f.high, f.unit) == ("number", 18, 24, "years old")


@pytest.mark.parametrize("text,fragment,kind,value,unit", [
    ("Rates were cut by a quarter of a percentage point.", "a quarter of a percentage point", "percent", 0.25, "percentage points"),
    ("It plans a 75 basis point rise.", "75 basis point", "percent", 75, "basis points"),
    ("The scheme built nearly half a million homes.", "half a million homes", "count", 500000, "homes"),
    ("It wants at least half the budget spent locally.", "half", "percent", 50, "%"),
    ("The rail line runs at about half the speed of the road.", "half", "number", 0.5, "fraction"),
])
def test_fractions_points_and_half_a_million(text, fragment, kind, value, unit):
    f = at(text, fragment)
    assert (f.kind, f.value, f.unit) == (kind, value, unit)


def test_an_ed_word_after_another_modifier_is_an_adjective():
    f = at("Aid went to the 30 least connected villages.", "30")
    assert (f.kind, f.unit) == ("count", "villages")


@pytest.mark.parametrize("text,fragment,rule_part", [
    ("Lagos, a city of 15 million, floods often.", "15 million", "a city of N"),
    ("Of the 600 who replied, 420 said yes.", "600", "N who"),
    ("Of the 600 who replied, 420 said yes.", "420", "carried"),
])
def test_numbers_of_people_without_the_noun(text, fragment, rule_part):
    f = at(text, fragment)
    assert (f.kind, f.unit) == ("count", "people") and rule_part in f.rule


@pytest.mark.parametrize("text,fragment,value,unit", [
    ("The repairs took three and a half years.", "three and a half years", 3.5, "years"),
    ("The flight lasted 9 hours 45 minutes.", "9 hours 45 minutes", 9.75, "hours"),
    ("The final ran two hours and 30 minutes.", "two hours and 30 minutes", 2.5, "hours"),
    ("She finished in 1:30:00 on a hot day.", "1:30:00", 1.5, "hours"),
    ("It faces another decade of delays.", "another decade", 10, "years"),
    ("Guests stayed for 12 nights.", "12 nights", 12, "nights"),
])
def test_more_ways_to_write_a_duration(text, fragment, value, unit):
    f = at(text, fragment)
    assert (f.text, f.kind, f.value, f.unit) == (fragment, "duration", value, unit)


def test_a_clock_time_with_seconds_after_at_stays_a_time_of_day():
    none_at("The alarm went off at 06:15:00 sharp.", "06:15:00")


def test_days_or_nights_a_week_are_a_frequency_count():
    f = at("Nurses work three nights a week.", "three nights a week")
    assert (f.kind, f.value, f.unit) == ("count", 3, "nights/week")


@pytest.mark.parametrize("text,fragment", [
    ("The embassy is at 25 Rua do Carmo.", "25"),
    ("They bought a three-bedroom flat.", "three"),
    ("The city will more than double the tax.", "double"),
    ("Officials plan to triple the levy.", "triple"),
])
def test_more_not_figures(text, fragment):
    none_at(text, fragment)


def test_a_set_compound_counts_sets_and_double_the_as_a_multiple_stays():
    assert at("A four-set match followed.", "four-set").unit == "sets"
    assert at("Sales were double the forecast.", "double").unit == "times"
