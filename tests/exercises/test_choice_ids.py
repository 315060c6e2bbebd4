"""Stable choice ids: an answer saved before a choice (or label) was reworded still checks and
grades right after the re-release; an answer whose choice was removed is reported, never a silent 0."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.errors import ExerciseFileError
from medialit.exercises import api
from medialit.exercises.grade import grade_submissions
from medialit.exercises.release import release_exercise_file
from medialit.exercises.spec import load_exercise_file, parse_exercises
from medialit.exercises.store import AnswerStore
from medialit.rules import tomllib

STEM = "09_ids"
SOURCE = '''title = "Choice ids"

[[exercise]]
id = "q9.1"
kind = "single_choice"
prompt = "Who is the source?"
points = 1
hint = "Look for a name."
choices = ["a named official", "an anonymous official", "nobody"]
answer = "an anonymous official"

[[exercise]]
id = "q9.2"
kind = "multiple_choice"
prompt = "Which verbs keep a distance?"
points = 1
hint = "Who vouches for the claim?"
choices = ["allegedly", "said", "reportedly"]
answer = ["allegedly", "reportedly"]

[[exercise]]
id = "q9.3"
kind = "label_items"
prompt = "Label each sentence."
points = 1
hint = "Is a source named?"
labels = ["named", "unnamed"]

[[exercise.items]]
text = "Smith said it rained."
answer = "named"

[[exercise.items]]
text = "Officials said it rained."
answer = "unnamed"
'''
ANSWERS = {"q9.1": "an anonymous official", "q9.2": ["allegedly", "reportedly"], "q9.3": ["named", "unnamed"]}
REWORDED = (SOURCE.replace('"an anonymous official", "nobody"', '"an official who is not named", "nobody"')
            .replace('answer = "an anonymous official"', 'answer = "an official who is not named"')
            .replace('["allegedly", "said", "reportedly"]', '["allegedly", "said", "reportedly (as reported)"]')
            .replace('answer = ["allegedly", "reportedly"]', 'answer = ["allegedly", "reportedly (as reported)"]')
            .replace('labels = ["named", "unnamed"]', 'labels = ["named", "not named"]')
            .replace('answer = "unnamed"', 'answer = "not named"'))


def write_source(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{STEM}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def release(source: Path, out: Path, mode: str = "practice") -> Path:
    text, _ = release_exercise_file(source, salt="pinned-salt", mode=mode)
    out.mkdir(parents=True, exist_ok=True)
    (out / source.name).write_text(text, encoding="utf-8")
    return out / source.name


def student(exercise_file: Path, answers: Path) -> api.Exercises:
    return api.Exercises(load_exercise_file(exercise_file), AnswerStore(answers, notebook=STEM))


def test_the_ids_are_derived_from_the_places_recorded_in_the_release_and_saved_with_the_answer(tmp_path):
    source = write_source(tmp_path / "exercises", SOURCE)
    released = release(source, tmp_path / "v1")
    table = tomllib.loads(released.read_text(encoding="utf-8"))["exercise"]
    assert table[0]["choice_ids"] == ["c1", "c2", "c3"] and table[2]["label_ids"] == ["l1", "l2"]
    ex = student(released, tmp_path / "answers.json")
    for exercise_id, value in ANSWERS.items():
        assert ex.answer(exercise_id, value).ok
    saved = json.loads((tmp_path / "answers.json").read_text(encoding="utf-8"))["answers"]
    assert (saved["q9.1"]["value"], saved["q9.1"]["ids"]) == ("an anonymous official", "c2")
    assert saved["q9.2"]["ids"] == ["c1", "c3"] and saved["q9.3"]["ids"] == ["l1", "l2"]
    assert saved["q9.1"]["offered"] == ["a named official", "an anonymous official", "nobody"]


@pytest.mark.parametrize("mode", ["practice", "assessment"])
def test_an_answer_to_the_old_wording_checks_and_grades_right_after_a_rewording(tmp_path, mode):
    source = write_source(tmp_path / "exercises", SOURCE)
    answers = tmp_path / "class" / "ana" / f"{STEM}.answers.json"
    answers.parent.mkdir(parents=True)
    ex = student(release(source, tmp_path / "v1", mode), answers)
    for exercise_id, value in ANSWERS.items():
        ex.answer(exercise_id, value)
    write_source(tmp_path / "exercises", REWORDED)            # the author rewords, then re-releases
    again = student(release(source, tmp_path / "v2", mode), answers)
    for exercise_id in ANSWERS:
        result = again.result(exercise_id)
        assert result.status == ("correct" if mode == "practice" else "saved"), (exercise_id, result)
    # without the ids the same file is not readable any more (the test can fail)
    bare = json.loads(answers.read_text(encoding="utf-8"))
    for entry in bare["answers"].values():
        entry.pop("ids")
    (tmp_path / "bare.json").write_text(json.dumps(bare), encoding="utf-8")
    assert student(tmp_path / "v2" / f"{STEM}.toml", tmp_path / "bare.json").result("q9.1").status \
        not in ("correct", "saved")
    # the instructor grades with the reworded source file: full marks, no problem
    book = grade_submissions(tmp_path / "class", exercises=tmp_path / "exercises")
    (grade,) = book.grades
    assert (grade.total, grade.possible, grade.status, grade.problems) == (3.0, 3.0, "complete", [])


def test_a_removed_choice_is_reported_not_scored_zero_silently(tmp_path):
    source = write_source(tmp_path / "exercises", SOURCE)
    answers = tmp_path / "class" / "ben" / f"{STEM}.answers.json"
    answers.parent.mkdir(parents=True)
    ex = student(release(source, tmp_path / "v1"), answers)
    ex.answer("q9.1", "nobody")
    ex.answer("q9.2", ["allegedly", "said"])
    ex.answer("q9.3", ["named", "named"])
    write_source(tmp_path / "exercises", SOURCE.replace(', "nobody"]', ']')
                 .replace('["allegedly", "said", "reportedly"]', '["allegedly", "reportedly"]'))
    again = student(release(source, tmp_path / "v2"), answers)
    result = again.result("q9.1")
    assert result.status == "invalid" and "'nobody' is no longer offered" in result.message
    assert "'said' is no longer offered" in again.result("q9.2").message
    assert again.result("q9.3").status == "incorrect"          # its labels are all still there
    book = grade_submissions(tmp_path / "class", exercises=tmp_path / "exercises")
    (grade,) = book.grades
    assert grade.status == "incomplete" and "answer not valid for q9.1, q9.2" in " ".join(grade.problems)
    assert "'nobody' is no longer offered" in grade.results[f"{STEM}:q9.1"].message


def test_explicit_ids_survive_reordering_and_a_bad_id_list_is_one_clear_error(tmp_path):
    source = write_source(tmp_path / "exercises", SOURCE.replace(
        '"nobody"]\n', '"nobody"]\nchoice_ids = ["named", "anon", "none"]\n', 1))
    answers = tmp_path / "answers.json"
    ex = student(release(source, tmp_path / "v1"), answers)
    ex.answer("q9.1", "an anonymous official")
    write_source(tmp_path / "exercises", SOURCE.replace(
        '["a named official", "an anonymous official", "nobody"]',
        '["nobody", "a source who is not named", "a named official"]\nchoice_ids = ["none", "anon", "named"]')
        .replace('answer = "an anonymous official"', 'answer = "a source who is not named"'))
    assert student(release(source, tmp_path / "v2"), answers).result("q9.1").status == "correct"
    # several picks, reordered and reworded at once: still right as a whole (a practice release
    # hashes the picks in the order shown)
    source = write_source(tmp_path / "exercises", SOURCE.replace(
        '"reportedly"]\n', '"reportedly"]\nchoice_ids = ["alleged", "said", "reported"]\n', 1))
    student(release(source, tmp_path / "v3"), answers).answer("q9.2", ["allegedly", "reportedly"])
    write_source(tmp_path / "exercises", SOURCE.replace(
        '["allegedly", "said", "reportedly"]',
        '["as reported", "said", "allegedly"]\nchoice_ids = ["reported", "said", "alleged"]')
        .replace('answer = ["allegedly", "reportedly"]', 'answer = ["as reported", "allegedly"]'))
    assert student(release(source, tmp_path / "v4"), answers).result("q9.2").status == "correct"
    bad = {"exercise": [{"id": "q9.1", "kind": "single_choice", "prompt": "p", "points": 1, "hint": "h",
                         "choices": ["a", "b"], "answer": "a", "choice_ids": ["x", "x"]}]}
    with pytest.raises(ExerciseFileError, match="field 'choice_ids' lists id 'x' twice"):
        parse_exercises(bad, "demo.toml")
    bad["exercise"][0]["choice_ids"] = ["x"]
    with pytest.raises(ExerciseFileError, match="one id per option"):
        parse_exercises(bad, "demo.toml")



PAIRS = '''title = "Pairs"

[[exercise]]
id = "q9.4"
kind = "match_pairs"
prompt = "Match each outlet with what it is."
points = 2
hint = "Who sells stories to other newsrooms?"
distractors = ["a blogger"]

[[exercise.pairs]]
left = "AP"
right = "a news agency"

[[exercise.pairs]]
left = "BBC"
right = "a broadcaster"
'''
PICKS = '''title = "Picks"

[[exercise]]
id = "q9.4"
kind = "pick_sentences"
prompt = "Pick the claim nobody is quoted for."
points = 2
hint = "Who says so?"
items = ["The minister said taxes rise.", "Taxes will rise sharply.", "It rained, the paper said."]
answer = ["Taxes will rise sharply."]
'''
# (source, old wording, new wording, answer, the start of the invalid message)
NO_IDS = {
    "match_pairs": (PAIRS, '"a news agency"', '"a wire service"', {"AP": "a news agency", "BBC": "a broadcaster"},
                    "'a news agency' is not one of the right-hand items"),
    "pick_sentences": (PICKS, "Taxes will rise sharply.", "Taxes will rise steeply.", [2],
                       "'Taxes will rise sharply.' is in no sentences"),
}


@pytest.mark.parametrize("kind", sorted(NO_IDS))
@pytest.mark.parametrize("mode", ["practice", "assessment"])
def test_an_answer_to_a_reworded_item_without_ids_is_reported_not_valid_everywhere(tmp_path, mode, kind):
    # match_pairs right-hand items and pick_sentences picks have no ids: an answer to the old
    # wording is reported as not valid in the notebook's check, in the gradebook and in the
    # feedback file, never a silent 0 or a plain "not yet"
    from medialit.exercises.gradebook import write_feedback

    text, old, new, value, message = NO_IDS[kind]
    source = write_source(tmp_path / "exercises", text)
    answers = tmp_path / "class" / "cem" / f"{STEM}.answers.json"
    answers.parent.mkdir(parents=True)
    ex = student(release(source, tmp_path / "v1", mode), answers)
    ex.answer("q9.4", value)
    assert ex.result("q9.4").status == ("correct" if mode == "practice" else "saved")
    write_source(tmp_path / "exercises", text.replace(old, new))
    again = student(release(source, tmp_path / "v2", mode), answers)
    result = again.result("q9.4")
    assert result.status == "invalid" and message in result.message, result
    book = grade_submissions(tmp_path / "class", exercises=tmp_path / "exercises")
    (grade,) = book.grades
    assert (grade.total, grade.status) == (0.0, "incomplete")
    assert "answer not valid for q9.4" in " ".join(grade.problems)
    write_feedback(tmp_path / "feedback", book)
    assert message.split(" is ")[0] in (tmp_path / "feedback" / "cem.md").read_text(encoding="utf-8")
