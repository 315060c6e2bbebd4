"""`medialit grade`: a CSV gradebook from saved answers; a missing or damaged submission is
reported in its row and on stderr while the others are still graded."""
from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from medialit.cli import main

from helpers import ROOT
CLASS = ROOT / "tests" / "fixtures" / "class_small"


def read(path: Path) -> dict[str, dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


def test_grade_writes_expected_csv_for_a_class_with_broken_submissions(tmp_path, capsys):
    out = tmp_path / "grades.csv"
    code = main(["grade", str(CLASS), "--out", str(out), "--exercises", str(ROOT / "exercises")])
    rows = read(out)
    assert code == 1                                    # some submissions had problems
    assert set(rows) == {"(max points)", "alice", "bob", "carol", "dave"}
    assert rows["(max points)"]["total"] == "9" and rows["(max points)"]["00_start_here:total"] == "9"   # q0.4 is free text
    alice, bob = rows["alice"], rows["bob"]
    assert (alice["status"], alice["total"], alice["possible"], alice["free_text_answered"]) == ("complete", "9", "9", "1")
    assert (bob["00_start_here:q0.1"], bob["00_start_here:q0.2"], bob["00_start_here:q0.3"]) == ("0", "1", "0")
    assert (bob["status"], bob["total"]) == ("incomplete", "1")  # nbgrader's nested layout is read too
    assert (rows["carol"]["status"], rows["carol"]["total"]) == ("error", "0")
    assert "not valid JSON" in rows["carol"]["problems"]
    assert (rows["dave"]["status"], rows["dave"]["problems"]) == ("missing", "no answers files handed in")
    err = capsys.readouterr().err
    assert "carol: error" in err and "dave: missing" in err and "alice" not in err


def test_grade_reads_nbgrader_course_layout_and_never_moves_damaged_files(tmp_path):
    course = tmp_path / "course"
    shutil.copytree(CLASS, course / "submitted")
    out = tmp_path / "g.csv"
    main(["grade", str(course), "--out", str(out), "--exercises", str(ROOT / "exercises")])
    assert read(out)["alice"]["total"] == "9"
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
    assert rows["erin"]["all_kinds:q9.1"] == "1" and rows["erin"]["possible"] == "18"
    assert rows["alice"]["status"] == "incomplete" and rows["alice"]["00_start_here:q0.1"] == "1"


def test_grade_with_missing_folder_is_one_clear_error(tmp_path, capsys):
    assert main(["grade", str(tmp_path / "nowhere"), "--out", str(tmp_path / "g.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nowhere: no such folder of submissions" in err


def test_grade_writes_free_text_answers_next_to_the_gradebook_for_the_instructor(tmp_path, capsys):
    out = tmp_path / "grades.csv"
    main(["grade", str(CLASS), "--out", str(out), "--exercises", str(ROOT / "exercises")])
    with open(tmp_path / "grades_free_text.csv", newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    saved = json.loads((CLASS / "alice" / "00_start_here.answers.json").read_text(encoding="utf-8"))
    assert rows[0] == ["student", "exercise", "answer"]
    # only alice answered q0.4; bob did not, carol's file is damaged, dave handed nothing in
    assert rows[1:] == [["alice", "00_start_here:q0.4", saved["answers"]["q0.4"]["value"]]]
    assert "1 free-text answers in" in capsys.readouterr().out


def test_grade_free_text_option_chooses_the_file_and_keeps_awkward_text_intact(tmp_path):
    student = tmp_path / "class" / "erin"
    student.mkdir(parents=True)
    essay = 'She wrote "maybe", then a comma, a second line\nand the word 50%.'
    (student / "00_start_here.answers.json").write_text(json.dumps(
        {"answers": {"q0.4": {"value": essay, "saved": "2024-09-02T10:00:00Z"}}}), encoding="utf-8")
    target = tmp_path / "reading" / "essays.csv"
    target.parent.mkdir()
    main(["grade", str(tmp_path / "class"), "--out", str(tmp_path / "g.csv"), "--free-text", str(target),
          "--exercises", str(ROOT / "exercises")])
    with open(target, newline="", encoding="utf-8-sig") as handle:
        assert list(csv.DictReader(handle)) == [{"student": "erin", "exercise": "00_start_here:q0.4",
                                                 "answer": essay}]
    assert not (tmp_path / "g_free_text.csv").exists()


def test_checks_made_in_the_notebook_reach_the_gradebook(tmp_path, monkeypatch):
    from medialit import exercises

    student = tmp_path / "class" / "erin"
    student.mkdir(parents=True)
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.delenv("MEDIALIT_GRADING", raising=False)
    monkeypatch.setenv("MEDIALIT_EXERCISES", str(ROOT / "exercises"))
    monkeypatch.setenv("MEDIALIT_ANSWERS_DIR", str(student))
    ex = exercises.load("00_start_here")
    ex.answer("q0.1", "Esc")
    ex.check("q0.1")
    ex.answer("q0.1", "Shift+Enter")
    ex.check("q0.1")
    ex.answer("q0.2", 5)
    ex.check("q0.2")
    out = tmp_path / "g.csv"
    main(["grade", str(tmp_path / "class"), "--out", str(out), "--exercises", str(ROOT / "exercises")])
    assert read(out)["erin"]["attempts"] == "3"
    assert "Checks recorded: 2 times" in (tmp_path / "g_feedback" / "erin.md").read_text(encoding="utf-8")
