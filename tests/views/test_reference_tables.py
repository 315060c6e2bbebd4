"""The reference tables as the notebooks show them (no pandas): every row, its source, and a
clear error for a table or series that does not exist."""
import pytest

from medialit.checks import load_reference
from medialit.views import prices_table, reference_table, table


def test_the_people_table_shows_every_person_with_the_source_of_the_row():
    ref = load_reference()
    html = str(reference_table(ref, "people"))
    for person in ref.people:
        assert person.name in html and person.born.isoformat() in html
    assert "<th>source</th>" in html and "<th>line</th>" not in html


def test_prices_side_by_side_one_row_per_date_with_an_empty_cell_where_a_series_has_no_price():
    ref = load_reference()
    html = str(prices_table(ref, ["WTI", "Brent"]))
    wti, brent = ref.series("WTI"), ref.series("Brent")
    dates = {p.date for p in wti} | {p.date for p in brent}
    assert html.count("<tr>") == len(dates) + 1
    assert f"<td>{wti[-1].date.isoformat()}</td><td>{wti[-1].usd_per_barrel:g}</td>" in html
    assert "source: " in html


def test_unknown_tables_and_series_are_one_line_naming_them():
    ref = load_reference()
    with pytest.raises(ValueError, match="no table 'oil'"):
        reference_table(ref, "oil")
    with pytest.raises(ValueError, match="no price series 'Urals'; known: Brent"):
        prices_table(ref, ["Urals"])


def test_any_rows_make_a_table_in_the_columns_asked_for():
    html = str(table([{"id": "001", "outlet": "X", "extra": 1}], ["id", "outlet"]))
    assert "<th>id</th><th>outlet</th></tr>" in html and "extra" not in html
