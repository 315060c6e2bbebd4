"""medialit.figures.extraction: every kind of figure, the not-figures, odd inputs, and the figures the
teaching notes ask students to check in the seed articles."""
from __future__ import annotations

import json

import pytest

from medialit.figures.extraction import KINDS
from medialit.figures import compare_figures, excluded, extract
from medialit.figures import RulesError, load_rules

from helpers import PACKAGE, seed_text



def find(figs, surface):
    hits = [f for f in figs if f.text == surface]
    assert hits, f"{surface!r} not extracted; got {[f.text for f in figs]}"
    return hits[0]


# ------------------------------------------------------------------ the seed articles

SEED_FIGURES = [
    # seed, surface, kind, value, unit, low, high
    ("000", "72 Hours", "duration", 72, "hours", None, None),
    ("000", "2022", "year", 2022, None, None, None),
    ("000", "February 23, 2019", "date", "2019-02-23", None, None, None),
    ("001", "23 January", "date", "--01-23", None, None, None),
    ("001", "a handful of its allies", "vague", None, "allies", 3, 5),
    ("001", "a few officers", "vague", None, "officers", 2, 5),
    ("002", "dozens of other countries", "vague", None, "countries", 24, 99),
    ("002", "9 February 2019", "date", "2019-02-09", None, None, None),
    ("003", "$110 per barrel", "money", 110, "USD/barrel", 110, None),
    ("003", "$115 a barrel", "money", 115, "USD/barrel", 115, None),
    ("003", "January 2019", "date", "2019-01", None, None, None),
    ("003", "May 2020", "date", "2020-05", None, None, None),
    ("003", "eight mercenaries", "count", 8, "mercenaries", None, None),
    ("003", "two US nationals", "count", 2, "nationals", None, None),
    ("003", "2015", "year", 2015, None, None, None),
    ("003", "seven years", "duration", 7, "years", None, None),
    ("003", "tens of billions of dollars", "vague", None, "USD", 2e10, 99999999999),
    ("004", "teenage", "vague", None, "years old", 13, 19),
    ("004", "2013", "year", 2013, None, None, None),
    ("004", "multibillion-dollar", "vague", None, "USD", 2e9, 999999999999),
]


@pytest.mark.parametrize("prefix,surface,kind,value,unit,low,high", SEED_FIGURES)
def test_teaching_notes_figures_are_extracted_from_their_seed(prefix, surface, kind, value, unit, low, high):
    f = find(extract(seed_text(prefix)), surface)
    assert (f.kind, f.unit) == (kind, unit)
    assert f.value == value
    assert (f.low, f.high) == (low, high)


def test_topping_is_the_qualifier_of_both_oil_prices_in_003():
    figs = extract(seed_text("003"))
    assert find(figs, "$110 per barrel").qualifier == "topping"
    b = find(figs, "$115 a barrel")
    assert b.qualifier == "topping" and "carried over" in b.normalisation


def test_resolution_2202_is_a_name_not_a_figure():
    text = seed_text("003")
    assert not [f for f in extract(text) if "2202" in f.text]
    assert any(e.text == "Resolution 2202" for e in excluded(text))


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_figure_points_into_its_text_and_sentence(prefix):
    text = seed_text(prefix)
    figs = extract(text)
    assert figs, "every seed has at least one figure"
    for f in figs:
        assert text[f.start:f.end] == f.text
        assert f.kind in KINDS
        assert f.sentence_start is not None and f.sentence_start <= f.start < f.end <= f.sentence_end
    assert [f.start for f in figs] == sorted(f.start for f in figs)
    json.dumps([f.to_dict() for f in figs])


# ------------------------------------------------------------------ every kind

KIND_CASES = [
    ("Profit rose to $2.5bn.", "$2.5bn", "money", 2.5e9, "USD"),
    ("It cost £3m last year.", "£3m", "money", 3e6, "GBP"),
    ("Fines of €4.2 million were paid.", "€4.2 million", "money", 4.2e6, "EUR"),
    ("They paid US$40 each.", "US$40", "money", 40, "USD"),
    ("It will cost 5 million dollars.", "5 million dollars", "money", 5e6, "USD"),
    ("Workers earn $15 an hour.", "$15 an hour", "money", 15, "USD/hour"),
    ("Shares paid $2.50 per share.", "$2.50 per share", "money", 2.5, "USD/share"),
    ("A gallon rose 12 cents.", "12 cents", "money", 12, "cent"),
    ("Turnout was 80% this time.", "80%", "percent", 80, "%"),
    ("Prices rose 3.5 per cent.", "3.5 per cent", "percent", 3.5, "%"),
    ("Support fell 2 percentage points.", "2 percentage points", "percent", 2, "percentage points"),
    ("The bank raised rates by 25 basis points.", "25 basis points", "percent", 25, "basis points"),
    ("Police arrested three men on Friday.", "three men", "count", 3, "men"),
    ("There were 1.2 million cases in total.", "1.2 million cases", "count", 1.2e6, "cases"),
    ("About 3,000 deaths were recorded.", "3,000 deaths", "count", 3000, "deaths"),
    ("One person died at the scene.", "One person", "count", 1, "person"),
    ("A dozen eggs broke.", "A dozen eggs", "count", 12, "eggs"),
    ("The talks lasted 72 hours.", "72 hours", "duration", 72, "hours"),
    ("He was jailed for twelve years.", "twelve years", "duration", 12, "years"),
    ("It was a 10-day trip.", "10-day", "duration", 10, "days"),
    ("Venezuela holds 300 billion barrels of oil.", "300 billion barrels", "quantity", 3e11, "barrel"),
    ("The border is 5 km away.", "5 km", "quantity", 5, "km"),
    ("They seized 2.5 kilos of cocaine.", "2.5 kilos", "quantity", 2.5, "kg"),
    ("It pumps 700,000 bpd.", "700,000 bpd", "quantity", 7e5, "barrel/day"),
    ("It happened on January 23, 2019 in Caracas.", "January 23, 2019", "date", "2019-01-23", None),
    ("It happened on 23 January 2019 in Caracas.", "23 January 2019", "date", "2019-01-23", None),
    ("It happened on Jan. 23 in Caracas.", "Jan. 23", "date", "--01-23", None),
    ("The raid took place in May 2020.", "May 2020", "date", "2020-05", None),
    ("Records dated 2019-01-23 were found.", "2019-01-23", "date", "2019-01-23", None),
    ("The war began in 2014.", "2014", "year", 2014, None),
    ("The 2019 attempt failed.", "2019", "year", 2019, None),
    ("He was 35 when it started, the figure said 7.5 and then 12.", "7.5", "number", 7.5, None),
    ("A 27-year-old man was arrested.", "27-year-old", "number", 27, "years old"),
    ("John Smith, 34, of Leeds, was charged.", "34", "number", 34, "years old"),
    ("One in five adults smoke.", "One in five adults", "number", 0.2, "ratio"),
    ("About 1 in 3 adults smoke.", "1 in 3 adults", "number", 0.3333, "ratio"),
    ("There were 312 new COVID-19 cases.", "312 new COVID-19 cases", "count", 312, "cases"),
    ("Revenue rose to $4.1 billion.", "$4.1 billion", "money", 4.1e9, "USD"),
    ("Two-thirds of voters agreed.", "Two-thirds", "percent", 66.67, "%"),   # a share of a group is a percent
]


@pytest.mark.parametrize("text,surface,kind,value,unit", KIND_CASES)
def test_each_kind_is_recognised_with_value_and_unit(text, surface, kind, value, unit):
    f = find(extract(text), surface)
    assert (f.kind, f.unit) == (kind, unit)
    assert f.value == pytest.approx(value) if isinstance(value, float) else f.value == value
    assert f.normalisation or f.kind in ("year", "count", "duration", "percent", "quantity", "number", "money")


VAGUE_CASES = [
    ("A handful of officers defected.", "A handful of officers", 3, 5),
    ("Dozens of people were hurt.", "Dozens of people", 24, 99),
    ("Scores of protesters gathered.", "Scores of protesters", 40, 99),
    ("Hundreds of thousands fled.", "Hundreds of thousands", 2e5, 999999),
    ("Several officials resigned.", "Several officials", 3, 9),
    ("Only a few senior officers left.", "a few senior officers", 2, 5),
    ("She is in her 30s.", "30s", 30, 39),
]


@pytest.mark.parametrize("text,surface,low,high", VAGUE_CASES)
def test_vague_quantities_carry_their_documented_range(text, surface, low, high):
    f = find(extract(text), surface)
    assert f.kind == "vague" and f.value is None
    assert (f.low, f.high) == (low, high)
    assert f.normalisation


@pytest.mark.parametrize("text,surface,qualifier,low,high", [
    ("More than 50 people were hurt.", "50 people", "more than", 51, None),
    ("Over a dozen were captured.", "a dozen", "over", 13, None),
    ("At least 3 died.", "3", "at least", 3, None),
    ("Fines of up to $5m apply.", "$5m", "up to", None, 5e6),
    ("About 50 countries agreed.", "50 countries", "about", 45, 55),
    ("Nearly 130 million people voted.", "130 million people", "nearly", 1.17e8, 1.3e8),
    ("Fewer than 10 people came.", "10 people", "fewer than", None, 9),
])
def test_qualifiers_are_kept_and_set_the_bounds(text, surface, qualifier, low, high):
    f = find(extract(text), surface)
    assert f.qualifier == qualifier
    assert (f.low, f.high) == (pytest.approx(low) if low else low, pytest.approx(high) if high else high)


@pytest.mark.parametrize("text,surface,kind,low,high", [
    ("Between 5 and 10 people were hurt.", "5 and 10 people", "count", 5, 10),
    ("It cost $5m-$10m.", "$5m-$10m", "money", 5e6, 1e7),
    ("It costs 5 to 10 million dollars.", "5 to 10 million dollars", "money", 5e6, 1e7),
    ("Prices rose 20-30% this year.", "20-30%", "percent", 20, 30),
    ("She lived there from 2001 to 2005.", "2001 to 2005", "year", 2001, 2005),
    ("The 2019-20 season ended early.", "2019-20", "year", 2019, 2020),
    ("Five or six people were hurt.", "Five or six people", "count", 5, 6),
])
def test_ranges_become_one_figure_with_low_and_high(text, surface, kind, low, high):
    f = find(extract(text), surface)
    assert (f.kind, f.value, f.low, f.high) == (kind, None, low, high)


def test_a_falling_pair_is_a_tally_not_a_range():
    f = find(extract("The court ruled 5-4 on Monday."), "5-4")
    assert (f.kind, f.value, f.low, f.high) == ("number", "5-4", None, None)


def test_partial_dates_use_the_documented_iso_style():
    figs = extract("Guaido declared himself president on 23 January, weeks after late December.")
    assert find(figs, "23 January").value == "--01-23"
    dec = find(figs, "December")
    assert (dec.value, dec.qualifier) == ("--12", "late")


# ------------------------------------------------------------------ not figures

NOT_FIGURES = [
    ("Trade deal Phase One was signed.", "One"),
    ("It was one of the best years.", "one"),
    ("There is more than one way to do it.", "one"),
    ("They marched down Fifth Avenue.", "Fifth"),
    ("Call 555-123-4567 today.", "555-123-4567"),
    ("Call +44 20 7946 0958 today.", "7946"),
    ("See sputniknews.com/analysis/201903121073169905-us-pullout/ now.", "1073169905"),
    ("The ID was 1073169905 in the log.", "1073169905"),
    ("The meeting starts at 5 p.m. sharp.", "5"),
    ("The shop opens at 9:30 on weekdays.", "9:30"),
    ("UN Resolution 2202 backed the deal.", "2202"),
    ("Under Section 230 platforms are shielded.", "230"),
    ("The COVID-19 pandemic spread.", "19"),
    ("The G7 summit opened.", "7"),
    ("Shares of Apple (NASDAQ: AAPL) and Tencent (HKEX: 0700) rose.", "0700"),
    ("The S&P 500 closed higher.", "500"),
    ("He lives on 3rd Street.", "3rd"),            # an ordinal as a name ("the 3rd attempt" counts: see test_round2)
    ("Police went to the 1400 block of Main Street.", "1400"),
    ("He lives at 10 Downing Street.", "10"),
    ("After 9/11 everything changed.", "9/11"),
    ("The Phase 3 trial ended.", "3"),
    ("It is covered by 18 U.S.C. § 1001 and § 12.", "1001"),
    ("Pay at #5 on the list.", "5"),
    ("On Friday they met.", "Friday"),
    ("Prices rose last month.", "last month"),
    ("Theresa May spoke to May Jones.", "May"),
]


@pytest.mark.parametrize("text,fragment", NOT_FIGURES)
def test_not_figures_are_left_out(text, fragment):
    at = text.index(fragment)
    span = (at, at + len(fragment))
    overlapping = [f for f in extract(text) if f.start < span[1] and span[0] < f.end]
    assert not overlapping, f"{fragment!r} should not be a figure, got {[(f.text, f.kind) for f in overlapping]}"


def test_excluded_spans_say_why():
    reasons = {e.text: e.reason for e in excluded("Call 555-123-4567 at 5 p.m. about the G7 and Section 230.")}
    assert "phone" in reasons["555-123-4567"]
    assert "time of day" in reasons["5 p.m."]
    assert "code" in reasons["G7"]
    assert "name" in reasons["Section 230"]


# ------------------------------------------------------------------ odd inputs

def test_empty_and_blank_text_have_no_figures():
    assert extract("") == [] and extract("   \n\t") == []
    assert excluded("") == []


def test_non_text_input_is_a_clear_error():
    with pytest.raises(TypeError, match="str"):
        extract(b"$5")  # type: ignore[arg-type]


def test_a_text_of_only_numbers_gives_one_figure_per_number():
    figs = extract("1 2 3 4.5 1,000")
    assert [f.value for f in figs] == [1, 2, 3, 4.5, 1000]
    assert all(f.kind == "number" for f in figs)


def test_very_long_digit_strings_are_ids_and_do_not_crash():
    text = "Order " + "7" * 400 + " shipped."
    assert extract(text) == []
    assert excluded(text)[0].reason.startswith("a long digit string")


def test_arabic_indic_digits_are_read_as_numbers():
    figs = extract("In ٢٠١٩ some ٣٥ people came.")
    assert [(f.kind, f.value) for f in figs] == [("year", 2019), ("count", 35)]


def test_cyrillic_text_keeps_offsets_and_finds_digits():
    text = "Он родился в 1983 году и заплатил 5000 рублей."
    figs = extract(text)
    assert [f.text for f in figs] == ["1983", "5000"]
    assert all(text[f.start:f.end] == f.text for f in figs)


def test_thousands_separators_and_the_one_point_zero_zero_zero_ambiguity():
    assert find(extract("It was 1,000,000 in all."), "1,000,000").value == 1e6
    one = find(extract("It was 1.000 in all."), "1.000")
    assert one.value == 1.0 and "decimal" in one.normalisation
    assert find(extract("It was 1.000.000 in all."), "1.000.000").value == 1e6
    assert find(extract("It was 10\u00a0000 in all."), "10\u00a0000").value == 10000


def test_text_with_a_dotted_capital_i_keeps_offsets():
    text = "İstanbul had 5 million visitors."   # lower() changes the length of this text
    f = find(extract(text), "5 million visitors")
    assert text[f.start:f.end] == f.text


# ------------------------------------------------------------------ rules and comparison

def test_a_teacher_can_add_a_vague_quantity_in_a_copy_of_the_rules(tmp_path):
    import importlib.resources as res
    toml = res.files("medialit").joinpath("rules/figures.toml").read_text(encoding="utf-8")
    toml = toml.replace('[vague]\n', '[vague]\n"a gaggle of" = [2, 6]\n', 1)
    path = tmp_path / "figures.toml"
    path.write_text(toml, encoding="utf-8")
    rules = load_rules(str(path))
    f = find(extract("A gaggle of critics objected.", rules=rules), "A gaggle of critics")
    assert (f.kind, f.low, f.high) == ("vague", 2, 6)
    assert not [f for f in extract("A gaggle of critics objected.") if f.kind == "vague"]


def test_a_broken_rules_file_names_the_file_and_table(tmp_path):
    path = tmp_path / "figures.toml"
    path.write_text('[vague]\n"dozens" = [99, 24]\n', encoding="utf-8")
    with pytest.raises(RulesError, match=r"figures.toml.*\[vague\].*dozens"):
        load_rules(str(path))


def test_handful_and_dozens_in_001_and_002_are_reported_as_disagreeing():
    comps = compare_figures(seed_text("001"), seed_text("002"))
    pair = [c for c in comps if c.a.text == "a handful of its allies" and c.b.text == "dozens of other countries"]
    assert len(pair) == 1
    assert pair[0].relation == "disagree"
    assert "do not overlap" in pair[0].explanation and "recogni" in " ".join(pair[0].shared)


def test_same_vague_wording_in_both_sources_agrees():
    comps = compare_figures(seed_text("001"), seed_text("002"))
    few = [c for c in comps if c.a.text == "a few officers" and c.b.text == "a few senior officers"]
    assert few and few[0].relation == "agree"


def test_unrelated_counts_are_not_compared():
    comps = compare_figures("Eight mercenaries were killed in the raid.", "Dozens of countries recognised him.")
    assert comps == []


# ------------------------------------------------------------------ display and plots

def test_highlighted_text_marks_every_figure_with_its_kind_in_words():
    from medialit.views.figures import show_figures
    text = "Oil topped $110 a barrel <b>in</b> May 2020."
    html = str(show_figures(text))
    assert html.count('class="ml-f"') == 2
    assert "[money]" in html and "[date]" in html          # kind in words, not colour alone
    assert "&lt;b&gt;in&lt;/b&gt;" in html                  # the article text is escaped


def test_checks_table_shows_verdict_word_working_and_rows():
    from medialit.checks import check_text
    from medialit.views.figures import checks_table
    html = str(checks_table(check_text(seed_text("004"), article_date="2022-03-06")))
    assert "✘ inconsistent" in html and "born 1983-07-28" in html and "people.csv line 2" in html


def test_kinds_chart_and_oil_price_chart_are_titled_and_labelled():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from medialit.checks import check_text
    from medialit.views.charts.figures import kinds_by_source, oil_prices
    ax = kinds_by_source({p: seed_text(p) for p in ("001", "002", "003")})
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert len({tuple(b.get_hatch() or "") for b in ax.patches}) > 1   # kinds differ by hatch too
    checks = check_text(seed_text("003"), article_date="2022-03-06")
    ax2 = oil_prices(checks=checks, article_date="2022-03-06", window_days=7)
    labels = [l.get_label() for l in ax2.get_lines()]
    assert "WTI spot (EIA)" in labels and "Brent spot (EIA)" in labels
    assert any("$110 per barrel" in l for l in labels) and any("$115 a barrel" in l for l in labels)
    styles = {l.get_linestyle() for l in ax2.get_lines() if "spot" in l.get_label()}
    assert len(styles) == 2                                              # not colour alone
    assert ax2.get_title() and ax2.get_xlabel() and ax2.get_ylabel()
    plt.close("all")


def test_the_first_half_of_a_year_is_a_period_not_a_fraction():
    text = "In the first half of 2021, half of the staff left."
    halves = [f for f in extract(text) if f.text == "half"]
    assert [h.start for h in halves] == [text.index("half of the")]


def test_scaled_values_have_no_binary_noise():
    assert find(extract("It earned $4.1 billion."), "$4.1 billion").value == 4100000000.0
    f = find(extract("about 12,000 people"), "12,000 people")
    assert (f.low, f.high) == (10800.0, 13200.0)


def test_the_analyze_schema_lists_exactly_the_figure_kinds_the_extractor_can_give():
    import json

    from medialit.figures.classify import KINDS

    schema = json.loads((PACKAGE / "schema" / "analyze.schema.json").read_text())
    assert schema["$defs"]["figure"]["properties"]["kind"]["enum"] == list(KINDS)
