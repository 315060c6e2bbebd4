"""``medialit check``: a readable report and --json per article, reference and internal
checks, a teacher's --reference folder, bad files and tables as one line each, --jobs."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from helpers import PACKAGE, ROOT, SEED_FILES, run_medialit

SCHEMA = json.loads((PACKAGE / "schema" / "check.schema.json").read_text(encoding="utf-8"))

TEACHER = ROOT / "tests" / "checks" / "data" / "teacher_tables"
PRACTICE = ("+++\ntitle = \"Ashby news\"\npublished = \"2023-06-01\"\n+++\n"
            "Ashby news\n\nMayor Ada Quill, 52, cut the ribbon. Membership of the rowing club rose from 120 to 150, "
            "a 30% jump.\n")


def _write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_json_has_one_object_per_file_with_reference_and_internal_checks():
    proc = run_medialit("check", "--json", str(SEED_FILES[3]), str(SEED_FILES[4]))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [d["path"] for d in data] == [str(SEED_FILES[3]), str(SEED_FILES[4])]
    first = data[0]
    assert list(first) == ["path", "title", "date", "date_basis", "counts", "reference", "internal"]
    assert (first["date"], first["date_basis"]) == ("2022-03-06", "published")
    assert data[1]["date_basis"] == "story date"
    assert any(c["check"] == "price" and c["verdict"] == "consistent" for c in first["reference"])
    assert [(c["check"], c["verdict"]) for c in first["internal"]] == [("parts and total", "consistent")]
    text = SEED_FILES[3].read_text(encoding="utf-8")
    for c in first["internal"]:
        assert text[c["start"]:c["end"]] == c["text"]
        assert all(text[f["start"]:f["end"]] == f["text"] for f in c["figures"])
    teenage = [c for c in data[1]["reference"] if c["figure"]["text"] == "teenage"][0]
    assert teenage["verdict"] == "inconsistent" and teenage["rows"][0]["source"]
    jsonschema.validate(data, SCHEMA)
    assert first["counts"] == {v: sum(c["verdict"] == v for c in first["reference"] + first["internal"])
                               for v in ("consistent", "inconsistent", "cannot tell")}


def test_the_readable_report_shows_verdict_why_and_working(tmp_path):
    path = _write(tmp_path, "ashby.txt", PRACTICE)
    proc = run_medialit("check", str(path))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "(article date 2023-06-01, published)" in out
    assert "  NO  percent change: '120', '150', '30%'" in out
    assert "working: (150 - 120) / 120 = +25%; '30%' allows 29.5 to 30.5 -> no overlap" in out
    assert "Against the reference tables (0):" in out   # the kit knows nothing of Ashby's mayor


def test_a_teachers_reference_folder_is_used_alongside_the_kits(tmp_path):
    path = _write(tmp_path, "ashby.txt", PRACTICE)
    proc = run_medialit("check", "--json", "--reference", str(TEACHER), str(path), str(SEED_FILES[3]))
    assert proc.returncode == 0, proc.stderr
    ashby, seed = json.loads(proc.stdout)
    jsonschema.validate([ashby, seed], SCHEMA)
    [age] = ashby["reference"]
    assert (age["check"], age["verdict"]) == ("age", "consistent")
    assert age["rows"][0]["table"].endswith("class_people.csv")
    assert any(c["check"] == "price" for c in seed["reference"])   # the kit's own tables still apply


def test_a_bad_teacher_table_is_one_line_and_left_out_the_rest_still_checked(tmp_path):
    folder = tmp_path / "tables"
    folder.mkdir()
    _write(folder, "people.csv", (TEACHER / "class_people.csv").read_text(encoding="utf-8"))
    _write(folder, "events.csv", "event,date,cues,source,note\nFair opens,June 2023,fair;open,a poster,\n")
    path = _write(tmp_path, "ashby.txt", PRACTICE)
    proc = run_medialit("check", "--json", "--reference", str(folder), str(path))
    assert proc.returncode == 1
    [line] = proc.stderr.splitlines()
    assert line == (f"medialit check: {folder / 'events.csv'}, line 2, column 'date': 'June 2023' is not a date "
                    "(use YYYY-MM-DD) (this table is left out)")
    [ashby] = json.loads(proc.stdout)
    assert ashby["reference"][0]["check"] == "age"


def test_a_missing_reference_folder_stops_with_one_line(tmp_path):
    proc = run_medialit("check", "--reference", str(tmp_path / "nowhere"), str(SEED_FILES[0]))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == f"medialit check: {tmp_path / 'nowhere'}: reference folder not found\n"


def test_bad_files_are_one_line_each_and_the_others_are_checked(tmp_path):
    empty = _write(tmp_path, "empty.txt", "")
    latin = _write(tmp_path, "latin.txt", b"Caf\xe9 prices rose from 2 to 3.\n")
    proc = run_medialit("check", "--json", str(empty), str(SEED_FILES[0]), str(latin), str(tmp_path / "gone.txt"))
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert len(lines) == 3 and all(line.startswith("medialit check: ") for line in lines)
    assert "empty.txt: file is empty" in lines[0] and "gone.txt: file does not exist" in lines[2]
    assert "warning" in lines[1] and "latin.txt: not UTF-8; read as" in lines[1]  # read, and said so
    assert "Traceback" not in proc.stderr
    assert [d["path"] for d in json.loads(proc.stdout)] == [str(SEED_FILES[0]), str(latin)]


def test_nothing_checked_is_exit_code_2(tmp_path):
    proc = run_medialit("check", str(tmp_path / "gone.txt"))
    assert proc.returncode == 2 and "gone.txt: file does not exist" in proc.stderr
    proc = run_medialit("check", "--date", "March 2019", str(SEED_FILES[0]))
    assert proc.returncode == 2 and proc.stderr.startswith("medialit check: --date: ")


def test_date_sets_the_article_date_for_every_file(tmp_path):
    path = _write(tmp_path, "roe.txt", "Jane Roe, 45, who was born in 1979, leads the group.\n")
    unknown = json.loads(run_medialit("check", "--json", str(path)).stdout)[0]
    assert unknown["date"] is None and unknown["internal"][0]["verdict"] == "cannot tell"
    given = json.loads(run_medialit("check", "--json", "--date", "2024-05-01", str(path)).stdout)[0]
    assert (given["date"], given["date_basis"]) == ("2024-05-01", "--date")
    assert given["internal"][0]["verdict"] == "consistent"


def test_all_lists_the_figures_no_row_applies_to(tmp_path):
    plain = json.loads(run_medialit("check", "--json", str(SEED_FILES[2])).stdout)[0]
    every = json.loads(run_medialit("check", "--json", "--all", str(SEED_FILES[2])).stdout)[0]
    assert len(every["reference"]) > len(plain["reference"])
    assert {c["check"] for c in every["reference"]} - {c["check"] for c in plain["reference"]} == {"none"}


def test_jobs_gives_the_same_output_as_one_job(tmp_path):
    bad = _write(tmp_path, "empty.txt", "")
    files = [str(p) for p in SEED_FILES] + [str(bad)] + [str(p) for p in SEED_FILES]
    one = run_medialit("check", "--json", *files)
    two = run_medialit("check", "--json", "--jobs", "2", *files)
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)
    text_one = run_medialit("check", *files[:3])
    text_two = run_medialit("check", "--jobs", "2", *files[:3])
    assert text_two.stdout == text_one.stdout and text_one.stdout.count("== ") == 3


def test_the_schema_names_every_internal_check_and_verdict():
    from medialit.checks.checking import VERDICTS
    from medialit.checks.internal import CHECKS
    defs = SCHEMA["$defs"]
    assert defs["internal_check"]["properties"]["check"]["enum"] == list(CHECKS)
    assert defs["verdict"]["enum"] == list(VERDICTS)


def test_the_worked_example_in_docs_checks_md_is_what_the_command_prints(tmp_path):
    doc = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    block = doc.split("$ medialit check --reference my_tables/ ashby.txt\n", 1)[1].split("```", 1)[0]
    (tmp_path / "my_tables").mkdir()
    (tmp_path / "my_tables" / "class_people.csv").write_bytes((TEACHER / "class_people.csv").read_bytes())
    article = ("+++\ntitle = \"Ashby rowing club\"\npublished = \"2023-06-01\"\n+++\nAshby rowing club\n\n"
               "Mayor Ada Quill, 52, opened the new boathouse on Saturday. Membership of the club rose from 120 to "
               "150 in a year, a 30% jump. Twelve of the 40 new members, nearly half, are under 18.\n")
    (tmp_path / "ashby.txt").write_text(article, encoding="utf-8")
    proc = run_medialit("check", "--reference", "my_tables/", "ashby.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.rstrip("\n") == block.rstrip("\n")


def test_check_takes_the_reading_options_of_analyze(tmp_path):
    latin = _write(tmp_path, "latin.txt", "Membership rose from 120 to 150, a 30% jump, the caf\xe9 said.\n".encode("cp1252"))
    guessed = run_medialit("check", "--json", str(latin))
    assert guessed.returncode == 0 and "latin.txt: not UTF-8; read as cp1252" in guessed.stderr
    forced = run_medialit("check", "--json", "--encoding", "latin-1", str(latin))
    assert forced.returncode == 0 and forced.stderr == "", forced.stderr
    assert json.loads(forced.stdout)[0]["internal"][0]["verdict"] == "inconsistent"
    big = run_medialit("check", "--max-size", "0.00001", str(latin), str(SEED_FILES[0]))
    assert big.returncode == 2 and big.stdout == "" and "Traceback" not in big.stderr
    assert [Path(line.split(": ")[1]).name for line in big.stderr.splitlines()] == [latin.name, SEED_FILES[0].name]
    assert big.stderr.count("MB limit for one file (raise it with --max-size MB") == 2, big.stderr


def test_check_warnings_come_in_file_order_with_any_number_of_jobs(tmp_path):
    files = []
    for i in range(4):
        files.append(str(_write(tmp_path, f"{i}.txt", f"Prices rose 5% in caf\xe9 number {i}.\n".encode("cp1252"))))
        files.append(str(SEED_FILES[i]))
    one = run_medialit("check", "--jobs", "1", *files)
    two = run_medialit("check", "--jobs", "2", *files)
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)
    assert [Path(line.split(": ")[2]).name for line in one.stderr.splitlines()] == [Path(f).name for f in files[::2]]
