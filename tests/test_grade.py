"""`medialit grade`: a CSV gradebook from saved answers; a missing or damaged submission is
reported in its row and on stderr while the others are still graded."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

from medialit.cli import main

ROOT = Path(__file__).resolve().parent.parent
CLASS = ROOT / "tests" / "fixtures" / "class_small"


def read(path: Path) -> dict[str, dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


def test_grade_writes_expected_csv_for_a_class_with_broken_submissions(tmp_path, capsys):
    out = tmp_path / "grades.csv"
    code = main(["grade", str(CLASS), "--out", str(out), "--exercises", str(ROOT / "exercises")])
    rows = read(out)
    assert code == 1                                    # some submissions had problems
    assert set(rows) == {"alice", "bob", "carol", "dave"}
    alice, bob = rows["alice"], rows["bob"]
    assert (alice["status"], alice["total"], alice["possible"], alice["free_text_answered"]) == ("ok", "3", "3", "1")
    assert (bob["00_start_here:q0.1"], bob["00_start_here:q0.2"], bob["00_start_here:q0.3"]) == ("0", "1", "0")
    assert (bob["status"], bob["total"]) == ("ok", "1")  # nbgrader's nested layout is read too
    assert (rows["carol"]["status"], rows["carol"]["total"]) == ("malformed", "0")
    assert "not valid JSON" in rows["carol"]["problems"]
    assert (rows["dave"]["status"], rows["dave"]["problems"]) == ("missing", "no answers files handed in")
    err = capsys.readouterr().err
    assert "carol: malformed" in err and "dave: missing" in err and "alice" not in err


def test_grade_reads_nbgrader_course_layout_and_never_moves_damaged_files(tmp_path):
    course = tmp_path / "course"
    shutil.copytree(CLASS, course / "submitted")
    out = tmp_path / "g.csv"
    main(["grade", str(course), "--out", str(out), "--exercises", str(ROOT / "exercises")])
    assert read(out)["alice"]["total"] == "3"
    assert (course / "submitted" / "carol" / "00_start_here.answers.json").is_file()


def test_grade_reports_a_student_missing_one_of_the_notebooks(tmp_path):
    shutil.copytree(CLASS / "alice", tmp_path / "class" / "alice")
    (tmp_path / "class" / "erin").mkdir(parents=True)
    (tmp_path / "class" / "erin" / "all_kinds.answers.json").write_text(
        '{"answers": {"q9.1": {"value": "anonymous", "saved": "2024-09-02T10:00:00Z"}}}', encoding="utf-8")
    exercises = tmp_path / "ex"
    shutil.copytree(ROOT / "exercises", exercises)
    shutil.copy(ROOT / "tests/fixtures/class_exercises/all_kinds.toml", exercises)
    out = tmp_path / "g.csv"
    main(["grade", str(tmp_path / "class"), "--out", str(out), "--exercises", str(exercises)])
    rows = read(out)
    assert rows["erin"]["status"] == "incomplete" and "no 00_start_here.answers.json" in rows["erin"]["problems"]
    assert rows["erin"]["all_kinds:q9.1"] == "1" and rows["erin"]["possible"] == "12"
    assert rows["alice"]["status"] == "incomplete" and rows["alice"]["00_start_here:q0.1"] == "1"


def test_grade_with_missing_folder_is_one_clear_error(tmp_path, capsys):
    assert main(["grade", str(tmp_path / "nowhere"), "--out", str(tmp_path / "g.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nowhere: no such folder of submissions" in err
