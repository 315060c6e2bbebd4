"""seeds/reference and medialit.checks.reference: every row names its source, the EIA table holds
the teaching notes' prices, and broken tables give errors naming the file and line."""
from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest

from medialit.checks.reference import Cues
from medialit.checks import ReferenceDataError, load_reference

from helpers import SEEDS

REF = SEEDS / "reference"
TABLES = ["oil_prices.csv", "people.csv", "events.csv", "counts.csv", "facts.csv"]

# The EIA daily spot prices listed in the teaching notes (date, WTI, Brent).
EIA = [
    ("2022-02-22", 92.11, 98.73), ("2022-02-23", 92.14, 99.29), ("2022-02-24", 92.77, 101.29),
    ("2022-02-25", 91.68, 98.56), ("2022-02-28", 96.13, 103.08), ("2022-03-01", 103.66, 110.93),
    ("2022-03-02", 110.74, 118.94), ("2022-03-03", 107.69, 115.36), ("2022-03-04", 115.77, 123.86),
    ("2022-03-07", 119.26, 129.02), ("2022-03-08", 123.64, 133.18), ("2022-03-09", 108.81, 116.58),
    ("2022-03-10", 105.93, 114.54), ("2022-03-11", 109.31, 118.11),
]


@pytest.mark.parametrize("name", TABLES)
def test_every_row_of_every_table_names_its_source(name):
    with open(REF / name, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows, f"{name} is empty"
    for i, row in enumerate(rows, start=2):
        assert (row.get("source") or "").strip(), f"{name} line {i} has no source"


def test_the_readme_describes_every_table():
    readme = (REF / "README.md").read_text(encoding="utf-8")
    for name in TABLES:
        assert f"## {name}" in readme


def test_eia_table_has_every_price_from_the_teaching_notes():
    ref = load_reference()
    wti = {p.date.isoformat(): p.usd_per_barrel for p in ref.series("WTI")}
    brent = {p.date.isoformat(): p.usd_per_barrel for p in ref.series("Brent")}
    for day, w, b in EIA:
        assert wti[day] == w and brent[day] == b
    assert all("RWTC" in p.source for p in ref.series("WTI"))
    assert all("RBRTE" in p.source for p in ref.series("Brent"))


def test_futures_are_a_separate_clearly_named_series():
    ref = load_reference()
    futures = [p for p in ref.prices if "futures" in p.series]
    assert {(p.series.split()[0], p.usd_per_barrel) for p in futures} == {("WTI", 115.68), ("Brent", 118.11)}
    assert not [p for p in ref.series("WTI") if "futures" in p.source.lower() and "not" not in p.source.lower()]


def test_people_events_and_counts_hold_the_teaching_notes_facts():
    ref = load_reference()
    guaido = [p for p in ref.people if "Guaido" in p.aliases][0]
    assert guaido.born == dt.date(1983, 7, 28)
    dates = {e.event: e.date for e in ref.events}
    assert dt.date(2019, 1, 23) in dates.values() and dt.date(2015, 2, 17) in dates.values()
    recog = sorted((c.date, c.value) for c in ref.counts if "recognising" in c.what)
    assert recog == [(dt.date(2019, 2, 15), 50), (dt.date(2019, 3, 10), 56)]


def test_cues_match_word_starts_without_accents_or_case():
    cues = Cues.parse("guaid;recogni|backed")
    assert cues.matches("Guaidó was RECOGNIZED by them") == ["guaid", "recogni"]
    assert cues.matches("Guaido spoke") == []
    assert cues.matches("the unrecognised Guaido") == []   # "recogni" must start a word


def _copy(tmp_path) -> Path:
    dst = tmp_path / "ref"
    shutil.copytree(REF, dst)
    return dst


def test_a_teacher_folder_with_extra_rows_is_loaded(tmp_path):
    folder = _copy(tmp_path)
    with open(folder / "people.csv", "a", encoding="utf-8") as fh:
        fh.write('Ada Lovelace,Lovelace,1815-12-10,"Encyclopaedia entry"\n')
    ref = load_reference(folder)
    assert any(p.name == "Ada Lovelace" for p in ref.people)


def test_a_row_without_source_is_an_error_naming_file_and_line(tmp_path):
    folder = _copy(tmp_path)
    with open(folder / "people.csv", "a", encoding="utf-8") as fh:
        fh.write("Someone,,1990-01-01,\n")
    with pytest.raises(ReferenceDataError, match=r"people\.csv, line 4, column 'source': every row must name its source"):
        load_reference(folder)


def test_a_bad_date_is_an_error_naming_file_and_line(tmp_path):
    folder = _copy(tmp_path)
    text = (folder / "events.csv").read_text(encoding="utf-8").replace("2015-02-17", "17/02/2015")
    (folder / "events.csv").write_text(text, encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"events\.csv, line \d+, column 'date': '17/02/2015' is not a date"):
        load_reference(folder)


def test_a_missing_column_or_table_or_folder_is_named(tmp_path):
    folder = _copy(tmp_path)
    (folder / "counts.csv").write_text("what,date\nx,2020-01-01\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"counts\.csv: missing column"):
        load_reference(folder)
    (folder / "counts.csv").unlink()
    with pytest.raises(ReferenceDataError, match=r"counts\.csv: reference table not found"):
        load_reference(folder)
    with pytest.raises(ReferenceDataError, match="reference folder not found"):
        load_reference(tmp_path / "nowhere")


# --- a teacher's own folder of tables, used alongside the kit's ---------------------------

from medialit.checks import check_text  # noqa: E402
from medialit.checks import reference as reference_module  # noqa: E402
from medialit.checks.reference import read_tables  # noqa: E402

TEACHER = Path(__file__).parent / "data" / "teacher_tables"


def test_a_teachers_tables_are_used_alongside_the_kits():
    ref = load_reference(extra=TEACHER)
    kit = load_reference()
    assert len(ref.people) == len(kit.people) + 1 and len(ref.events) == len(kit.events) + 1
    assert ref.prices == kit.prices   # the kit's rows are all still there
    c = check_text("Mayor Ada Quill, 52, cut the ribbon.", article_date="2023-06-01", reference=ref)[0]
    assert (c.check, c.verdict) == ("age", "consistent")
    assert c.rows[0].table == str(TEACHER / "class_people.csv") and c.rows[0].line == 2
    e = check_text("The Ashby bridge reopened on 14 September.", article_date="2023-09-20", reference=ref)[0]
    assert (e.check, e.verdict) == ("event date", "consistent")
    # without the teacher's tables the kit cannot tell
    assert check_text("Mayor Ada Quill, 52, cut the ribbon.", article_date="2023-06-01") == []


def _folder(tmp_path, name: str, text: str | bytes) -> Path:
    folder = tmp_path / "mine"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return folder


BAD = [
    ("people.csv", "name,aliases,born,source\nBo Lin,,02/03/1990,an obituary\n",
     r"people\.csv, line 2, column 'born': '02/03/1990' is not a date \(use YYYY-MM-DD\)"),
    ("counts.csv", "what,date,value,unit,approx,cues,counted,source,note\n"
                   "pupils,2024-01-10,1 200,pupils,no,school,pupils,the school's report,\n",
     r"counts\.csv, line 2, column 'value': '1 200' is not a number"),
    ("counts.csv", "what,date,value,unit,approx,cues,counted,source,note\n"
                   "pupils,2024-01-10,1200,pupils,maybe,school,pupils,the school's report,\n",
     r"counts\.csv, line 2, column 'approx': approx must be yes or no, got 'maybe'"),
    ("events.csv", "event,date,cues,source,note\nFair opens,2024-06-01,fair;open,,\n",
     r"events\.csv, line 2, column 'source': every row must name its source"),
    ("events.csv", "event,date,cues,source,note\nFair opens,2024-06-01,,a poster,\n",
     r"events\.csv, line 2, column 'cues': must not be empty"),
    ("people.csv", "name,aliases,birth,source\nBo Lin,,1990-03-02,an obituary\n",
     r"people\.csv: missing column\(s\) born"),
    ("class_people.csv", "name,born,source,birthplace\nBo Lin,1990-03-02,an obituary,Ashby\n",
     r"class_people\.csv, line 1, column 'birthplace': unknown column"),
    ("mine.csv", "who,when\nBo Lin,1990\n", r"mine\.csv, line 1: the columns \(who, when\) match no reference table"),
    ("people.csv", "name,aliases,born,source\nBo Lin,,1990-03-02,an obituary,extra\n",
     r"people\.csv, line 2: wrong number of fields \(5; the header has 4\)"),
    ("people.csv", b"name,aliases,born,source\nB\xf6 Lin,,1990-03-02,an obituary\n", r"people\.csv: not UTF-8 text"),
    ("people.csv", "", r"people\.csv: the file is empty"),
    ("people.csv", "name,aliases,born,source\n\x00\x00\n", r"people\.csv: holds NUL bytes"),
]


@pytest.mark.parametrize("name,text,message", BAD)
def test_a_bad_teacher_table_is_one_line_naming_file_line_and_column(tmp_path, name, text, message):
    folder = _folder(tmp_path, name, text)
    with pytest.raises(ReferenceDataError, match=message) as info:
        load_reference(extra=folder)
    assert "\n" not in str(info.value) and str(folder / name) in str(info.value)


def test_one_bad_teacher_table_does_not_hide_the_others(tmp_path):
    folder = _folder(tmp_path, "people.csv", "name,aliases,born,source\nBo Lin,,1990-03-02,an obituary\n")
    _folder(tmp_path, "events.csv", "event,date,cues,source,note\nFair opens,June,fair;open,a poster,\n")
    ref, problems = read_tables(folder)
    assert [p.name for p in ref.people] == ["Bo Lin"] and ref.events == ()
    assert len(problems) == 1 and "events.csv, line 2, column 'date'" in str(problems[0])


def test_a_teacher_table_may_leave_out_optional_columns_and_start_with_a_bom(tmp_path):
    folder = _folder(tmp_path, "staff.csv", "\ufeffname,born,source\nBo Lin,1990-03-02,an obituary\n")
    ref, problems = read_tables(folder)
    assert problems == [] and ref.people[0].aliases == ()


def test_a_teacher_folder_that_is_missing_empty_or_too_large_is_named(tmp_path, monkeypatch):
    with pytest.raises(ReferenceDataError, match="reference folder not found"):
        read_tables(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ReferenceDataError, match=r"empty: no \.csv reference tables"):
        read_tables(tmp_path / "empty")
    folder = _folder(tmp_path, "people.csv", "name,aliases,born,source\nBo Lin,,1990-03-02,an obituary\n")
    monkeypatch.setattr(reference_module, "MAX_TABLE_BYTES", 10)
    ref, problems = read_tables(folder)
    assert "too large for a reference table" in str(problems[0]) and "the limit is 10" in str(problems[0])
