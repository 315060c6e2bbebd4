"""New optional exercise fields: ``aliases`` (a renamed exercise keeps its saved answers and its
old id still works) and ``rubric``/``model_answer`` (teacher-only, refused in a release)."""
from __future__ import annotations

import json

import pytest

from medialit import exercises
from medialit.errors import ExerciseFileError
from medialit.exercises.spec import parse_exercises

TABLE = {"id": "q1.1b", "kind": "single_choice", "prompt": "2+2?", "points": 1, "hint": "Count.",
         "choices": ["3", "4"], "answer": "4", "aliases": ["q1.10"]}


def test_an_alias_finds_the_renamed_exercise():
    exs = parse_exercises({"exercise": [TABLE]}, "demo.toml")
    assert exs["q1.10"].id == "q1.1b" and exs["Q1.1B"].id == "q1.1b"


def test_an_alias_may_not_be_another_exercise_id():
    other = dict(TABLE, id="q1.10", aliases=[])
    with pytest.raises(ExerciseFileError, match="used twice"):
        parse_exercises({"exercise": [TABLE, other]}, "demo.toml")


def test_an_answer_saved_under_the_old_id_moves_to_the_new_one(tmp_path, monkeypatch):
    folder = tmp_path / "exercises"
    folder.mkdir()
    (folder / "01_demo.toml").write_text(
        '[[exercise]]\nid = "q1.1b"\nkind = "single_choice"\nprompt = "2+2?"\npoints = 1\nhint = "Count."\n'
        'choices = ["3", "4"]\nanswer = "4"\naliases = ["q1.10"]\n', encoding="utf-8")
    monkeypatch.setenv("MEDIALIT_EXERCISES", str(folder))
    monkeypatch.setenv("MEDIALIT_ANSWERS_DIR", str(tmp_path))
    first = exercises.load("01_demo")
    first.store.set("q1.10", "4")                      # as an older copy of the kit saved it
    again = exercises.load("01_demo")
    assert again.check("q1.1b").status == "correct" and "q1.10" not in again.store
    saved = json.loads(again.store.path.read_text(encoding="utf-8"))["answers"]
    assert list(saved) == ["q1.1b"]


def test_rubric_and_model_answer_are_allowed_in_a_source_and_refused_in_a_release():
    free = {"id": "q0.4", "kind": "free_text", "prompt": "Why?", "points": 0, "hint": "Think.",
            "rubric": ["names a source"], "model_answer": "Because."}
    assert parse_exercises({"exercise": [free]}, "demo.toml").exercises[0].source["rubric"] == ["names a source"]
    with pytest.raises(ExerciseFileError, match="rubric"):
        parse_exercises({"exercise": [dict(free, rubric=[""])]}, "demo.toml")
    released = {"released": True, "salt": "s", "exercise": [dict(free, key={"correct": []})]}
    with pytest.raises(ExerciseFileError, match="unknown field"):
        parse_exercises(released, "release.toml")
