"""The student API: answers round-trip through the saved file and the widgets, feedback names
the misconception, checks never raise on wrong answers or write to stderr."""
from __future__ import annotations

import json
import shutil

import pytest

from medialit import exercises
from medialit.exercises import Exercises
from medialit.exercises.checking import coerce
from medialit.exercises import ExerciseFileError, load_exercise_file
from medialit.exercises.spec import parse_exercises
from medialit.exercises.store import AnswerStore

from helpers import ROOT
ALL_KINDS = ROOT / "tests" / "fixtures" / "class_exercises" / "all_kinds.toml"


@pytest.fixture
def ex(tmp_path) -> Exercises:
    return Exercises(load_exercise_file(ALL_KINDS), AnswerStore(tmp_path / "all_kinds.answers.json"))


def restart(ex: Exercises) -> Exercises:
    """A new object on the same files: what a kernel restart gives."""
    return Exercises(load_exercise_file(ex.set.path), AnswerStore(ex.store.path))


# (exercise id, a right answer as a student may type it, a wrong answer, its expected message)
ROUND_TRIPS = [
    ("q9.1", " ANONYMOUS ", "named", "The White House is named, but the speaker is not."),
    ("q9.2", [1, "Reportedly"], ["allegedly", "said"], "'said' is neutral."),
    ("q9.3", ["officials said the talks", 3], [2, 3],
     "You picked the Sabatini sentence, but it names its source: Sabatini."),
    ("q9.4", {1: "named", "Officials said": "anonymous"}, ["anonymous", "anonymous"],
     "You marked the Bolton sentence as anonymous, but it names its source: John Bolton."),
    ("q9.5", "55 countries", "5", "Too low: 'a handful' understates it."),
    ("q9.6", {"pebbles": "the official", "lifting sanctions": "john bolton"}, ["John Bolton", "John Bolton"],
     "Bolton tweeted, but this quote is the official's."),
]


@pytest.mark.parametrize("qid,right,wrong,message", ROUND_TRIPS, ids=[r[0] for r in ROUND_TRIPS])
def test_every_kind_round_trips_through_save_restart_and_widget(ex, qid, right, wrong, message):
    assert ex.answer(qid, wrong).ok
    first = ex.check(qid)
    assert first.status == "incorrect" and message in first.details and first.hint
    assert ex.answer(qid, right).ok
    again = restart(ex)
    assert again.check(qid).passed
    widget = again.show(qid)
    exercise = again.set[qid]
    assert coerce(exercise, widget._get()) == again.store.get(qid)   # the saved answer is back in the widget
    assert "restored" in widget.saved.value


def test_free_text_is_saved_not_graded_and_restored(ex):
    ex.answer("q9.7", "I would read the original Reuters story first.")
    result = restart(ex).check("q9.7")
    assert result.status == "saved" and result.score == 0 and "not autograded" in result.message
    assert restart(ex).show("q9.7")._get() == "I would read the original Reuters story first."


def test_a_pass_says_exactly_what_was_checked(ex):
    ex.answer("q9.3", ["officials said the talks", "a person familiar"])
    assert ex.check("q9.3").message == "Correct: all 2 anonymously sourced sentences picked, none extra."


def test_explanation_appears_only_after_a_correct_answer(ex):
    ex.answer("q9.1", "named")
    assert ex.check("q9.1").explanation is None
    ex.answer("q9.1", 2)
    assert ex.check("q9.1").explanation == "A senior official is not named."


def test_missing_answer_is_reported_not_raised(ex, capsys):
    result = ex.check("q9.2")
    assert result.status == "unanswered" and "ex.answer('q9.2'" in result.message
    assert capsys.readouterr().err == ""


def test_unreadable_answer_is_not_saved_and_says_what_is_expected(ex):
    note = ex.answer("q9.1", "maybe")
    assert not note.ok and "1. named" in str(note)
    assert "q9.1" not in ex.store


def test_number_tolerance_edges_are_inclusive(ex):
    for value, passes in [(40, True), (60, True), (39.99, False), (60.01, False), ("1,000", False)]:
        ex.answer("q9.5", value)
        assert ex.check("q9.5").passed is passes, value


def test_widget_change_saves_at_once_and_check_button_shows_feedback(ex):
    widget = ex.show("q9.1")
    widget.input.value = "named"
    assert json.loads(ex.store.path.read_text())["answers"]["q9.1"]["value"] == "named"
    widget.check_button.click()
    assert "✗" in widget.feedback.value and "Not yet" in widget.feedback.value
    assert "The White House is named" in widget.feedback.value


def test_code_answer_updates_a_shown_widget(ex):
    widget = ex.show("q9.4")
    ex.answer("q9.4", ["named", "anonymous"])
    assert widget._get() == ["named", "anonymous"]


def test_widget_plain_text_form_gives_the_code_fallback(ex):
    bundle = ex.show("q9.1")._repr_mimebundle_()
    assert "ex.answer('q9.1'" in bundle["text/plain"] and "anonymous" in bundle["text/plain"]


def test_strict_check_raises_assertion_on_wrong_answer_and_prints_feedback(ex, capsys):
    ex.answer("q9.1", "named")
    with pytest.raises(AssertionError):
        ex.check("q9.1", strict=True)
    out = capsys.readouterr()
    assert "Not yet" in out.out and out.err == ""
    ex.answer("q9.1", "anonymous")
    assert ex.check("q9.1", strict=True) is None


def test_nbgrader_autograde_turns_on_grading_mode(ex, monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    with pytest.raises(AssertionError):
        ex.check("q9.2")
    ex.answer("q9.7", "")                     # free text never fails a check cell
    assert ex.check("q9.7") is None


def test_answers_file_is_written_atomically_with_timestamps(ex):
    ex.answer("q9.1", "named")
    data = json.loads(ex.store.path.read_text())
    assert data["format"] == "medialit-answers/1" and data["answers"]["q9.1"]["saved"].endswith("Z")
    assert not list(ex.store.path.parent.glob("*.tmp"))


def test_damaged_answers_file_is_moved_aside_with_a_warning_on_stdout(tmp_path, capsys):
    path = tmp_path / "all_kinds.answers.json"
    path.write_text('{"answers": {"q9.1": ', encoding="utf-8")
    ex = Exercises(load_exercise_file(ALL_KINDS), AnswerStore(path))
    out = capsys.readouterr()
    aside = list(tmp_path.glob("all_kinds.answers.json.damaged-*"))
    assert len(aside) == 1 and aside[0].read_text() == '{"answers": {"q9.1": '
    assert "moved to" in out.out and out.err == ""
    assert ex.check("q9.1").status == "unanswered"


def test_load_finds_exercises_beside_the_notebooks_folder(tmp_path, monkeypatch):
    (tmp_path / "exercises").mkdir()
    (tmp_path / "notebooks").mkdir()
    shutil.copy(ALL_KINDS, tmp_path / "exercises" / "all_kinds.toml")
    monkeypatch.chdir(tmp_path / "notebooks")
    monkeypatch.delenv("MEDIALIT_EXERCISES", raising=False)
    monkeypatch.delenv("MEDIALIT_ANSWERS_DIR", raising=False)
    ex = exercises.load("all_kinds")
    ex.answer("q9.1", "anonymous")
    assert (tmp_path / "notebooks" / "all_kinds.answers.json").is_file()


def test_check_all_and_progress_tables_total_the_points(ex):
    ex.answer("q9.1", "anonymous")
    ex.answer("q9.2", ["said"])
    table = ex.progress()
    assert table.footer[-1] == "1/9"
    assert "q9.2" in str(ex.check_all()) and "<table" in table._repr_html_()


def _spec(**fields) -> dict:
    base = {"id": "q4.2", "kind": "single_choice", "prompt": "Who?", "points": 1, "hint": "Look.",
            "choices": ["yes", "no"], "answer": "yes"}
    base.update(fields)
    return {"exercise": [{k: v for k, v in base.items() if v is not None}]}


@pytest.mark.parametrize("fields,expected", [
    ({"answer": "maybe"}, "exercise q4.2: field 'answer' names choice 'maybe', which is not among the choices"),
    ({"kind": "essay"}, "exercise q4.2: field 'kind' is 'essay'"),
    ({"hint": None}, "exercise q4.2: field 'hint' is missing"),
    ({"awnser": "yes"}, "unknown field(s) 'awnser'"),
    ({"feedback": {"perhaps": "x"}}, "field 'feedback' has a message for 'perhaps', which is not among the choices"),
    ({"kind": "number", "choices": None, "answer": 50, "tolerance": 5,
      "ranges": [{"min": 40, "max": 60, "message": "x"}]}, "field 'ranges' #1 overlaps the accepted answers"),
    ({"kind": "pick_sentences", "choices": None, "items": ["Officials said so.", "Officials said no."],
      "answer": ["officials said"]}, "is in 2 sentences of the items; make it longer"),
    ({"kind": "free_text", "choices": None, "answer": None, "points": 2}, "field 'points' must be 0"),
])
def test_bad_exercise_file_error_names_file_exercise_and_field(fields, expected):
    with pytest.raises(ExerciseFileError) as err:
        parse_exercises(_spec(**fields), "exercises/04_unsourced_claims.toml")
    assert str(err.value).startswith("exercises/04_unsourced_claims.toml: ")
    assert expected in str(err.value)


def test_exercise_file_that_is_not_toml_is_reported_with_its_path(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("[[exercise]\nid = 'q1'", encoding="utf-8")
    with pytest.raises(ExerciseFileError, match=r"broken.toml:1: not valid TOML: "):
        load_exercise_file(path)


def test_pick_sentences_from_a_seed_article_offers_no_boilerplate():
    raw = {"exercise": [{"id": "q1.1", "kind": "pick_sentences", "prompt": "Pick", "points": 1, "hint": "h",
                         "article": "001", "answer": ["The insider, who spoke on condition of anonymity"]}]}
    exercise = parse_exercises(raw, "demo.toml").exercises[0]
    items = exercise.items()
    assert not any("Please Wait" in s for s in items)
    from medialit.exercises.checking import check, coerce
    assert check(exercise, coerce(exercise, ["the insider who spoke"])).passed


def test_every_check_in_code_is_counted_once_in_the_answers_file(ex, monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.delenv("MEDIALIT_GRADING", raising=False)
    ex.check("q9.1")                                        # nothing to check yet: not an attempt
    assert ex.attempts("q9.1") == 0
    ex.answer("q9.1", "named")
    ex.check("q9.1")
    ex.answer("q9.1", "anonymous")
    ex.check("q9.1")
    assert ex.attempts("q9.1") == 2
    saved = json.loads(ex.store.path.read_text(encoding="utf-8"))["attempts"]["q9.1"]
    assert saved["count"] == 2 and saved["first"] <= saved["last"] and saved["last"].endswith("Z")
    assert restart(ex).attempts("q9.1") == 2
    ex.check_all(), ex.progress()                           # overviews are not checks of one exercise
    assert ex.attempts("q9.1") == 2 and ex.attempts("q9.2") == 0


def test_the_check_button_counts_one_attempt_per_click_and_a_check_cell_under_it_one_more(ex, monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.delenv("MEDIALIT_GRADING", raising=False)
    widget = ex.show("q9.1")
    widget.input.value = "named"
    assert ex.attempts("q9.1") == 0                         # a change is a save, not a check
    widget.check_button.click()
    widget.check_button.click()
    assert ex.attempts("q9.1") == 2
    ex.check("q9.1")
    assert ex.attempts("q9.1") == 3 and restart(ex).attempts("q9.1") == 3


def test_checks_in_grading_mode_are_not_counted(ex, monkeypatch):
    ex.answer("q9.1", "anonymous")
    assert ex.check("q9.1", strict=True) is None
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    ex.check("q9.1")
    assert ex.attempts("q9.1") == 0 and "attempts" not in json.loads(ex.store.path.read_text(encoding="utf-8"))


def test_a_check_still_answers_when_its_count_cannot_be_written(ex, monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.delenv("MEDIALIT_GRADING", raising=False)
    ex.answer("q9.1", "anonymous")

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(ex.store, "record_attempt", refuse)
    assert ex.check("q9.1").status == "correct"


def test_checks_recorded_under_a_former_id_move_to_the_new_id(tmp_path, monkeypatch):
    folder = tmp_path / "exercises"
    folder.mkdir()
    (folder / "01_demo.toml").write_text(
        '[[exercise]]\nid = "q1.1b"\nkind = "single_choice"\nprompt = "2+2?"\npoints = 1\nhint = "Count."\n'
        'choices = ["3", "4"]\nanswer = "4"\naliases = ["q1.10"]\n', encoding="utf-8")
    monkeypatch.setenv("MEDIALIT_EXERCISES", str(folder))
    monkeypatch.setenv("MEDIALIT_ANSWERS_DIR", str(tmp_path))
    first = exercises.load("01_demo")
    first.store.set("q1.1b", "3")
    first.store.record_attempt("q1.10")                     # as an older copy of the kit counted it
    first.store.record_attempt("q1.10")
    first.store.record_attempt("q1.1b")
    again = exercises.load("01_demo")
    assert again.attempts("q1.1b") == 3 and again.store.attempts("q1.10") is None
