"""medialit.figures.extraction, round 2 (issue 13): the kinds of figure real news uses that the
first round missed. Every text here is invented for the test."""
from __future__ import annotations

import pytest

from medialit.figures import excluded, extract, load_rules


def only(text: str, fragment: str):
    """The one figure that overlaps ``fragment`` in ``text``."""
    at = text.index(fragment)
    hits = [f for f in extract(text) if f.start < at + len(fragment) and at < f.end]
    assert len(hits) == 1, [(f.text, f.kind) for f in extract(text)]
    return hits[0]


def none_at(text: str, fragment: str) -> None:
    at = text.index(fragment)
    hits = [f for f in extract(text) if f.start < at + len(fragment) and at < f.end]
    assert not hits, [(f.text, f.kind, f.rule) for f in hits]


# ------------------------------------------------------------------ ordinals that count

@pytest.mark.parametrize("text,fragment,value,unit", [
    ("The index fell for the fifth straight week on Friday.", "fifth straight week", 5, "week"),
    ("The bank announced its third rate rise this year.", "third rate rise", 3, "rate rise"),
    ("The mayor was arrested for the second time in May.", "second time", 2, "time"),
    ("Ticket sales dropped for a 4th consecutive month.", "4th consecutive month", 4, "month"),
    ("Second straight loss for the visitors.", "Second straight loss", 2, "loss"),
    ("The index posted its third straight daily loss.", "third straight daily loss", 3, "daily loss"),
    ("Prices rose for the sixth week in a row.", "sixth week", 6, "week"),
    ("It was the second crash on the road this month.", "second crash", 2, "crash"),
])
def test_an_ordinal_that_counts_occurrences_is_a_count(text, fragment, value, unit):
    f = only(text, fragment)
    assert (f.text, f.kind, f.value, f.unit) == (fragment, "count", value, unit)
    assert f.rule == "count: ordinal that counts occurrences" and "ordinal" in f.normalisation


@pytest.mark.parametrize("text,fragment", [
    ("The First Amendment protects the press.", "First"),
    ("The shop on Fifth Avenue closed.", "Fifth"),
    ("It is the second-largest city in the region.", "second"),
    ("Results for the third quarter were weak.", "third"),
    ("It was the first time she had spoken.", "first"),
    ("He lives on 3rd Street.", "3rd"),
])
def test_ordinals_used_as_names_or_ranks_are_not_figures(text, fragment):
    none_at(text, fragment)


# ------------------------------------------------------------------ months and partial dates

@pytest.mark.parametrize("text,fragment,kind,value,low,high,qualifier", [
    ("Talks resumed in March after a pause.", "March", "date", "--03", None, None, None),
    ("The plant closed last September.", "September", "date", "--09", None, None, None),
    ("The mill was built in the 1800s.", "1800s", "year", 1800, 1800, 1809, None),
    ("Crime peaked in the late 1990s.", "1990s", "year", 1990, 1990, 1999, "late"),
    ("Work should finish by mid-2024.", "2024", "year", 2024, None, None, "mid"),
])
def test_months_and_partial_dates(text, fragment, kind, value, low, high, qualifier):
    f = only(text, fragment)
    assert (f.kind, f.value, f.low, f.high, f.qualifier) == (kind, value, low, high, qualifier)


# ------------------------------------------------------------------ fractions and parts

@pytest.mark.parametrize("text,fragment,kind,value,unit", [
    ("Two-thirds of voters backed the plan.", "Two-thirds", "percent", 66.67, "%"),
    ("Just under a third said they would move.", "a third", "percent", 33.33, "%"),
    ("More than half of the schools closed.", "half", "percent", 50, "%"),
    ("About 3/4 of the members voted.", "3/4", "percent", 75, "%"),
    ("It cut roughly a tenth of its workforce.", "a tenth", "percent", 10, "%"),
    ("Three-fifths of members agreed.", "Three-fifths", "percent", 60, "%"),
    ("The new flats are half the size of the old ones.", "half", "number", 0.5, "fraction"),
    ("The central bank announced a half-point rise.", "a half-point", "percent", 0.5, "percentage points"),
    ("Lenders expect a quarter-point cut in June.", "a quarter-point", "percent", 0.25, "percentage points"),
    ("The bond slipped 5/8 of a point.", "5/8 of a point", "number", 0.625, "points"),
    ("Costs rose at about twice the rate of wages.", "twice", "number", 2, "times"),
    ("Rents are three times as high as in 2010.", "three times", "number", 3, "times"),
])
def test_fractions_shares_and_multiples(text, fragment, kind, value, unit):
    f = only(text, fragment)
    assert (f.kind, f.unit) == (kind, unit)
    assert f.value == pytest.approx(value)
    assert f.normalisation


def test_a_share_keeps_its_qualifier():
    f = only("More than half of the schools closed.", "half")
    assert f.qualifier == "more than" and f.low == 50


def test_a_fraction_of_a_percent_is_vague_and_below_one_percent():
    f = only("Yields moved by a fraction of a percent.", "fraction")
    assert (f.kind, f.value, f.low, f.high, f.unit) == ("vague", None, 0, 1, "%")


@pytest.mark.parametrize("text,fragment", [
    ("The score at half-time was level.", "half"),
    ("She backed a third-party candidate.", "third"),
    ("In the first half of 2021 sales fell.", "half"),
    ("After 9/11 airports changed.", "9/11"),
])
def test_fractions_that_are_not_amounts(text, fragment):
    none_at(text, fragment)


# ------------------------------------------------------------------ durations without a digit

@pytest.mark.parametrize("text,fragment,value,unit", [
    ("The strike lasted a year.", "a year", 1, "years"),
    ("The talks ran for half an hour.", "half an hour", 0.5, "hours"),
    ("The plant has been idle for a decade.", "a decade", 10, "years"),
    ("The verdict came a day after the hearing.", "a day", 1, "days"),
    ("He was away for a fortnight.", "a fortnight", 2, "weeks"),
])
def test_durations_written_without_a_digit(text, fragment, value, unit):
    f = only(text, fragment)
    assert (f.text, f.kind, f.value, f.unit) == (fragment, "duration", value, unit)


def test_more_than_a_decade_is_more_than_ten_years():
    f = only("The road has been closed for more than a decade.", "a decade")
    assert (f.value, f.unit, f.qualifier, f.low) == (10, "years", "more than", 10)


def test_decades_is_a_vague_duration():
    f = only("The town argued for decades about the bridge.", "decades")
    assert (f.kind, f.value, f.low, f.high, f.unit) == ("vague", None, 20, 99, "years")


@pytest.mark.parametrize("text,fragment", [
    ("Take the pills twice a day.", "a day"),
    ("Staff earn $15 an hour.", "an hour"),          # the money rate holds it
    ("Owners will pay $90 more a year.", "a year"),
    ("There are 52 weeks in a year.", "a year"),
    ("Sales rose 4% from a year earlier.", "a year"),
    ("The law was passed a year ago.", "a year"),
    ("She was elected to a second term.", "second"),
])
def test_time_words_that_are_rates_frequencies_or_reference_points(text, fragment):
    hits = [f for f in extract(text) if f.kind == "duration" and fragment in f.text]
    assert not hits, [(f.text, f.rule) for f in hits]


# ------------------------------------------------------------------ vague amounts

@pytest.mark.parametrize("text,fragment,low,high,unit", [
    ("A sprinkling of fans waited outside.", "A sprinkling of fans", 2, 9, "fans"),
    ("Scores of firms signed up.", "Scores of firms", 40, 99, "firms"),
    ("A couple of witnesses spoke.", "A couple of witnesses", 2, 3, "witnesses"),
    ("Countless volunteers helped.", "Countless volunteers", 100, None, "volunteers"),
    ("The council passed a raft of measures.", "a raft of measures", 3, None, "measures"),
    ("Several thousand nurses marched.", "Several thousand nurses", 3000, 9000, "nurses"),
    ("A few hundred residents came.", "A few hundred residents", 200, 500, "residents"),
    ("The firm laid off scores or hundreds of staff.", "scores", 40, 99, None),
])
def test_vague_amounts_have_a_documented_range_or_no_upper_bound(text, fragment, low, high, unit):
    f = only(text, fragment)
    assert (f.text, f.kind, f.value, f.low, f.high, f.unit) == (fragment, "vague", None, low, high, unit)
    assert ("no upper bound" in f.normalisation) == (high is None)


def test_scores_alone_is_a_result_not_a_vague_amount():
    none_at("The test scores rose sharply.", "scores")


def test_every_unbounded_vague_entry_says_so_and_json_stays_finite():
    import json
    rules = load_rules()
    unbounded = [k for k, (lo, hi) in rules.vague.items() if hi == float("inf")]
    assert unbounded, "the table marks some entries as not bounded"
    figs = extract("Countless fans and numerous critics came.")
    assert len(figs) == 2 and all(f.high is None for f in figs)
    json.dumps([f.to_dict() for f in figs], allow_nan=False)


# ------------------------------------------------------------------ the counted noun away from the number

@pytest.mark.parametrize("text,fragment,value,unit", [
    ("Flooding hit 11 of the state's 39 districts.", "11", 11, "districts"),
    ("Flooding hit 11 of the state's 39 districts.", "39 districts", 39, "districts"),
    ("Six people died; three of them were children.", "three", 3, "children"),
    ("Police said two were arrested.", "two", 2, "people"),
    ("Four died in the blaze.", "Four", 4, "people"),
    ("The airline owns 120 of the planes.", "120", 120, "planes"),
    ("Rebels freed three of its commanders.", "three", 3, "commanders"),
    ("The order covers 30 of Acme's 48 trucks.", "30", 30, "trucks"),
    ("Two United States service members died.", "Two United States service members", 2, "members"),
    ("The chain owns 263 daily news organizations.", "263 daily news organizations", 263, "organizations"),
    ("Eleven energy technology priorities were named.", "Eleven energy technology priorities", 11, "priorities"),
])
def test_the_counted_noun_can_stand_away_from_the_number(text, fragment, value, unit):
    f = only(text, fragment)
    assert (f.text, f.kind, f.value, f.unit) == (fragment, "count", value, unit)


def test_a_noun_left_out_in_a_list_is_carried_and_marked_unsure():
    text = "The firm sold seven buses this month: four to the city and three to a school."
    four, three = only(text, "four"), only(text, "three")
    assert (four.kind, four.unit, three.kind, three.unit) == ("count", "buses", "count", "buses")
    assert "unsure" in four.rule and "carried" in four.normalisation


def test_a_bare_number_as_the_subject_after_a_count_takes_its_noun():
    f = only("The hospital treated 14 patients; four remain in critical condition.", "four")
    assert (f.kind, f.unit) == ("count", "patients") and "unsure" in f.rule


def test_n_were_noun_counts_that_noun():
    text = "Of the 40 passengers, 25 were adults and 15 were children."
    assert [(f.text, f.kind, f.unit) for f in extract(text)] == [
        ("40 passengers", "count", "passengers"), ("25", "count", "adults"), ("15", "count", "children")]


def test_a_number_larger_than_the_earlier_count_is_not_given_its_noun():
    f = only("Police held three men after 40 minutes, then 200 left.", "200")
    assert f.kind == "number" and f.unit is None


def test_two_more_years_is_a_duration():
    f = only("Staff face two more years of cuts.", "two more years")
    assert (f.kind, f.value, f.unit) == ("duration", 2, "years")


def test_a_model_number_between_count_and_noun_is_not_read_as_thousands():
    text = "The airline grounded its fleet of roughly 400 737 Max jets."
    f = only(text, "400")
    assert (f.kind, f.value, f.unit, f.qualifier) == ("count", 400, "jets", "roughly")


@pytest.mark.parametrize("text,fragment", [
    ("The 777 program has faced delays.", "777"),
    ("Its popular 737 Max jet was grounded.", "737"),
    ("The mid-size 787-9 jet is longer.", "787-9"),
    ("Dispatchers took 911 calls all night.", "911"),
])
def test_model_numbers_and_emergency_numbers_are_not_figures(text, fragment):
    none_at(text, fragment)
    assert any(fragment in e.text for e in excluded(text))


# ------------------------------------------------------------------ ranges and changes

@pytest.mark.parametrize("text,fragment,kind,low,high", [
    ("Growth will be between 2.15 percent and 2.6 percent.", "2.15 percent and 2.6 percent", "percent", 2.15, 2.6),
    ("Tickets cost from $40 to $55.", "$40 to $55", "money", 40, 55),
    ("It will take 3 to 5 years.", "3 to 5 years", "duration", 3, 5),
])
def test_a_range_is_one_figure_with_low_and_high(text, fragment, kind, low, high):
    f = only(text, fragment)
    assert (f.text, f.kind, f.value, f.low, f.high) == (fragment, kind, None, low, high)


@pytest.mark.parametrize("text,first,second", [
    ("Revenue was up 3% to $4.2bn.", ("3%", "percent", 3), ("$4.2bn", "money", 4.2e9)),
    ("Prices rose from $40 to $55.", ("$40", "money", 40), ("$55", "money", 55)),
    ("The plan would raise the pass rate from 23% to 35%.", ("23%", "percent", 23), ("35%", "percent", 35)),
])
def test_a_change_is_two_figures(text, first, second):
    figs = [(f.text, f.kind, f.value) for f in extract(text)]
    assert figs == [first, second]


def test_the_level_after_a_change_takes_the_rate_unit_of_the_level_before():
    figs = extract("The plan is a reduction in costs from $0.20/kWh to $0.12.")
    assert [(f.text, f.unit) for f in figs] == [("$0.20/kWh", "USD/kWh"), ("$0.12", "USD/kWh")]
    figs = extract("Oil fell from $84 to $79 a barrel.")
    assert [(f.text, f.unit) for f in figs] == [("$84", "USD/barrel"), ("$79 a barrel", "USD/barrel")]


# ------------------------------------------------------------------ money and years

@pytest.mark.parametrize("text,fragment,value,unit", [
    ("The shares were priced at 176 Hong Kong dollars.", "176 Hong Kong dollars", 176, "HKD"),
    ("It raised 2 billion Swiss francs.", "2 billion Swiss francs", 2e9, "CHF"),
])
def test_currency_names_of_several_words(text, fragment, value, unit):
    f = only(text, fragment)
    assert (f.text, f.kind, f.value, f.unit) == (fragment, "money", value, unit)


def test_a_year_after_fiscal_year_is_a_year_not_a_count():
    f = only("The table shows fiscal year 2019 seizures.", "2019")
    assert (f.kind, f.value) == ("year", 2019)


def test_a_rules_copy_without_the_round_two_tables_still_loads(tmp_path):
    import importlib.resources as res
    import re
    toml = res.files("medialit").joinpath("rules/figures.toml").read_text(encoding="utf-8")
    for table in ("vague_joined", "vague_durations", "word_durations", "ordinals", "multiples"):
        toml = re.sub(rf"\n\[{table}\]\n(?:(?!\n\[).)*", "\n", toml, flags=re.S)
    path = tmp_path / "figures.toml"
    path.write_text(toml, encoding="utf-8")
    rules = load_rules(str(path))
    assert not rules.word_durations and not rules.ordinal_nouns
    assert [f.text for f in extract("It lasted a year, the fifth straight week.", rules=rules)] == []


# ------------------------------------------------------------------ distances without a digit, compound adjectives

@pytest.mark.parametrize("text,fragment,unit", [
    ("The suspect was caught a block away.", "a block", "block"),
    ("The farm lies a mile from the river.", "a mile", "mile"),
])
def test_a_distance_written_without_a_digit(text, fragment, unit):
    f = only(text, fragment)
    assert (f.text, f.kind, f.value, f.unit) == (fragment, "quantity", 1, unit)


@pytest.mark.parametrize("text,fragment", [
    ("The home side won by a mile.", "a mile"),          # an idiom: no word of distance after it
    ("The jet seats 300 people in a two-class layout.", "two"),
    ("It became a three-way race.", "three"),
    ("They backed a two-state solution.", "two"),
])
def test_idioms_and_compound_adjectives_are_not_figures(text, fragment):
    none_at(text, fragment)


def test_a_compound_adjective_is_excluded_with_its_reason():
    reasons = {e.text: e.reason for e in excluded("It became a three-way race.")}
    assert "compound adjective" in reasons["three-way"]


def test_digits_with_a_leading_zero_are_labels_not_amounts():
    text = "Seeds 001 and 002 share long runs of wording, and 003 cites 40 sources."
    assert [(f.text, f.kind) for f in extract(text)] == [("40 sources", "count")]
    assert {e.text for e in excluded(text)} >= {"001", "002", "003"}


def test_a_verb_after_the_number_is_not_a_modifier_of_a_later_noun():
    f = only("The two share long runs of text.", "two")
    assert (f.kind, f.unit) == ("number", None)


def test_an_ordinal_after_a_counts_too_and_is_not_a_fraction():
    f = only("The club won a third title in a row.", "third")
    assert (f.text, f.kind, f.value, f.unit) == ("third title", "count", 3, "title")
