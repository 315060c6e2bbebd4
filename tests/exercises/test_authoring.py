"""Every exercise file in exercises/ (including ones added later) is tested against its own
checks: each key passes, each listed misconception brings up its message, from the source
file and from its student release."""
from __future__ import annotations

from medialit.rules import tomllib

import pytest

from medialit.exercises.authoring import key_answer, misconception_answers, verify
from medialit.exercises.checking import check, coerce
from medialit.exercises.release import release_exercise_file
from medialit.exercises import load_exercise_file
from medialit.exercises.spec import parse_exercises

from helpers import ROOT
FILES = sorted((ROOT / "exercises").glob("*.toml")) + [ROOT / "tests/fixtures/class_exercises/all_kinds.toml",
                                                     ROOT / "tests/fixtures/class_code/exercises/09_code_practice.toml"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_key_passes_and_every_misconception_gets_its_message(path):
    exercise_set = load_exercise_file(path)
    assert verify(exercise_set) == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_checks_from_the_release_give_the_same_feedback(path):
    source = load_exercise_file(path)
    text, _ = release_exercise_file(path, salt="test-salt")
    released = parse_exercises(tomllib.loads(text), "release", path=path)
    assert verify(source, against=released) == []
    for exercise in source.exercises:
        twin = released[exercise.id]
        for wrong, _ in misconception_answers(exercise):
            a, b = check(exercise, coerce(exercise, wrong)), check(twin, coerce(twin, wrong))
            # the release checks the whole answer: same verdict, and no message the source would not give
            assert (a.status, a.score) == (b.status, b.score) and set(b.details) <= set(a.details)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_exercise_ids_match_the_notebook_number(path):
    number = path.stem.split("_")[0].lstrip("0") or "0"
    for exercise in load_exercise_file(path).exercises:
        if path.parent.name == "exercises":
            assert exercise.id.startswith(f"q{number}."), exercise.id


def test_verify_reports_a_key_that_does_not_pass():
    path = ROOT / "tests/fixtures/class_exercises/all_kinds.toml"
    source = load_exercise_file(path)
    raw = tomllib.loads(release_exercise_file(path, salt="s")[0])
    raw["exercise"][0]["key"]["accept"] = [["0" * 32, "0" * 32]]          # a damaged key
    broken = parse_exercises(raw, "release", path=path)
    problems = verify(source, against=broken)
    assert any("q9.1: the key does not pass" in p for p in problems)
    assert key_answer(source["q9.1"]) == "anonymous"
