"""medialit.checks.checking: the verdicts of the teaching notes' "Checking quoted figures" table come
out of check(), with the arithmetic and the reference rows; "cannot tell" when no row applies."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from medialit.checks import check, check_text
from medialit.checks.dates import as_span, figure_span
from medialit.figures import extract

from helpers import seed_text
# Article dates from the teaching notes (provenance table): inputs, not outputs.
ARTICLE_DATES = {"000": "2019-03-12", "001": "2019-02-09", "002": "2019-02-09", "003": "2022-03-06", "004": "2022-03-06"}



def checks_of(prefix: str) -> dict[str, object]:
    out = {}
    for c in check_text(seed_text(prefix), article_date=ARTICLE_DATES[prefix]):
        out.setdefault(c.figure.text, c)
    return out


TABLE = [
    # seed, figure, verdict, check, a fragment the working must show
    ("004", "teenage", "inconsistent", "age", "born 1983-07-28"),
    ("001", "a handful of its allies", "inconsistent", "count", "about 50"),
    ("002", "dozens of other countries", "consistent", "count", "about 50"),
    ("001", "23 January", "consistent", "event date", "2019-01-23"),
    ("003", "$110 per barrel", "consistent", "price", "2022-03-04 115.77"),
    ("003", "$115 a barrel", "consistent", "price", "2022-03-04 123.86"),
    ("003", "January 2019", "consistent", "event date", "2019-01-23"),
    ("003", "eight mercenaries", "consistent", "count", "8"),
    ("003", "two US nationals", "consistent", "count", "2"),
    ("003", "May 2020", "consistent", "event date", "2020-05-03"),
    ("003", "2015", "consistent", "event date", "2015-02-17"),
    ("003", "seven years", "consistent", "duration", "2022-03-06 - 2015-02-17 = 7.05"),
    ("004", "2013", "consistent", "event date", "2013-03-08"),
    ("000", "72 Hours", "consistent", "count", "72"),
    ("000", "2022", "inconsistent", "page date", "2022 > 2019"),
]


@pytest.mark.parametrize("prefix,surface,verdict,name,working", TABLE)
def test_teaching_notes_verdicts_come_out_of_check(prefix, surface, verdict, name, working):
    c = checks_of(prefix).get(surface)
    assert c is not None, f"no check for {surface!r} in {prefix}"
    assert (c.verdict, c.check) == (verdict, name)
    assert working in c.arithmetic
    assert c.explanation
    if name != "page date":
        assert c.rows and all(getattr(r, "source", "") for r in c.rows)


def test_age_check_gives_the_age_at_the_time_the_sentence_is_about():
    c = checks_of("004")["teenage"]
    assert "aged 35 to 36" in c.arithmetic and "'2019'" in c.arithmetic
    assert c.rows[0].name == "Juan Guaidó"


def test_topping_price_notes_that_it_understates_the_peak_and_mentions_futures():
    c = checks_of("003")["$110 per barrel"]
    assert "understates the peak" in c.explanation
    assert "115.68" in c.explanation   # the futures settlement: which number did they mean?
    assert "2022-02-27 to 2022-03-06" in c.arithmetic


def test_a_price_above_the_windows_peak_is_inconsistent():
    text = "Over the past week oil prices jumped, topping $130 per barrel of WTI crude."
    c = check_text(text, article_date="2022-03-06")[0]
    assert c.verdict == "inconsistent" and "96.13 to 115.77" in c.arithmetic


def test_a_plain_price_on_a_day_is_checked_against_the_last_trading_day():
    text = "Brent crude traded at $124 a barrel."
    c = check_text(text, article_date="2022-03-05")[0]
    assert c.verdict == "consistent" and "2022-03-04 123.86" in c.arithmetic
    c2 = check_text("Brent crude traded at $100 a barrel.", article_date="2022-03-05")[0]
    assert c2.verdict == "inconsistent"


def test_a_price_without_a_benchmark_or_without_a_date_cannot_be_told():
    c = check_text("Oil rose to $110 a barrel.", article_date="2022-03-06")[0]
    assert c.verdict == "cannot tell" and "benchmark" in c.explanation
    c2 = check_text("WTI crude rose to $110 a barrel.")[0]
    assert c2.verdict == "cannot tell" and "date" in c2.explanation


def test_a_count_far_from_every_reference_date_cannot_be_told():
    text = "Guaido was recognised by the United States and dozens of other countries."
    c = check_text(text, article_date="2019-09-01")[0]
    assert c.verdict == "cannot tell"


def test_the_count_row_nearest_the_article_date_is_used():
    text = "Guaido has been recognized by 56 countries."
    c = check_text(text, article_date="2019-03-11")[0]
    assert c.verdict == "consistent" and c.rows[0].date == dt.date(2019, 3, 10)
    c2 = check_text("Guaido has been recognized by 5 countries.", article_date="2019-03-11")[0]
    assert c2.verdict == "inconsistent"


def test_a_wrong_date_for_a_known_event_is_inconsistent():
    text = "Guaido declared himself interim president on 23 February."
    c = check_text(text, article_date="2019-03-01")[0]
    assert c.verdict == "inconsistent" and "2019-01-23" in c.explanation


def test_a_wrong_duration_is_inconsistent():
    text = "Caracas backed UN Resolution 2202 on the Minsk Agreements. They were wasted after three years."
    c = [c for c in check_text(text, article_date="2022-03-06") if c.figure.text == "three years"][0]
    assert c.verdict == "inconsistent" and "7.05" in c.arithmetic


def test_a_right_age_is_consistent():
    c = check_text("Juan Guaidó, 35, leads the opposition.", article_date="2019-02-01")[0]
    assert c.verdict == "consistent" and c.check == "age"


def test_a_credit_year_no_later_than_the_article_is_consistent():
    c = check_text("© AFP 2019 / Photo of a march", article_date="2019-03-12")[0]
    assert (c.verdict, c.check) == ("consistent", "page date")


def test_no_reference_row_means_cannot_tell_never_a_guess():
    text = "The bakery sold 400 loaves in 2021."
    assert check_text(text, article_date="2021-06-01") == []
    every = check_text(text, article_date="2021-06-01", include_unchecked=True)
    assert [c.verdict for c in every] == ["cannot tell", "cannot tell"]
    assert all(c.check == "none" and not c.rows for c in every)


def test_unrelated_figures_in_the_seeds_are_not_checked():
    # 002's second "dozens" counts officials under sanctions: no reference row covers it
    texts = [c.figure.text for c in check_text(seed_text("002"), article_date="2019-02-09")]
    assert texts.count("dozens") == 0


def test_checks_serialise_to_json_with_their_rows():
    data = [c.to_dict() for c in check_text(seed_text("003"), article_date="2022-03-06")]
    blob = json.dumps(data)
    assert '"verdict": "consistent"' in blob and '"source"' in blob


def test_check_accepts_dates_and_partial_dates():
    f = extract("Guaido declared himself interim president on 23 January.")[0]
    text = "Guaido declared himself interim president on 23 January."
    for when in (dt.date(2019, 2, 9), "2019-02", "2019-02-09"):
        assert check(f, text=text, article_date=when).verdict == "consistent"


def test_a_bad_article_date_is_a_clear_error():
    f = extract("It happened in 2019.")[0]
    with pytest.raises(ValueError, match="not a date"):
        check(f, text="It happened in 2019.", article_date="March 2019")


def test_partial_dates_take_the_year_nearest_the_article():
    f = extract("On 23 December they met.")[0]
    span, note = figure_span(f, as_span("2019-01-10"))
    assert span.lo == dt.date(2018, 12, 23) and "2018" in note
