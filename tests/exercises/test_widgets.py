"""The exercise widget as a student uses it: Check grades what is in the box (never an older
saved answer), a change clears the last feedback, and the check cell shows the widget's own
feedback, so the two never disagree."""
from __future__ import annotations

import pytest

from medialit.exercises import Exercises, load_exercise_file
from medialit.exercises.store import AnswerStore

from helpers import ROOT
ALL_KINDS = ROOT / "tests" / "fixtures" / "class_exercises" / "all_kinds.toml"


@pytest.fixture
def ex(tmp_path) -> Exercises:
    return Exercises(load_exercise_file(ALL_KINDS), AnswerStore(tmp_path / "all_kinds.answers.json"))


def number_box(widget):
    return widget.input.children[0]


def test_an_unreadable_box_is_never_graded_as_the_saved_answer(ex):
    widget = ex.show("q9.5")
    number_box(widget).value = "55"
    assert ex.store.get("q9.5") == 55
    number_box(widget).value = "fifty-five"          # saved 55 stays in the file, the box says otherwise
    assert "Not saved" in widget.saved.value
    widget.check_button.click()
    assert "Correct" not in widget.feedback.value and "not saved" in widget.feedback.value
    result = ex.check("q9.5")
    assert result.status == "invalid" and not result.passed and result.score == 0
    number_box(widget).value = "55"
    assert ex.check("q9.5").passed


def test_check_grades_what_is_in_the_box_even_if_it_was_not_saved_by_a_change_event(ex):
    widget = ex.show("q9.1")
    widget.input.value = "anonymous"
    widget._quiet = True                  # a change the kernel did not hear about as a change
    widget.input.value = "named"
    widget._quiet = False
    widget.check_button.click()
    assert "Not yet" in widget.feedback.value and ex.store.get("q9.1") == "named"


def test_changing_the_answer_clears_the_last_feedback(ex):
    widget = ex.show("q9.1")
    widget.input.value = "anonymous"
    widget.check_button.click()
    assert "Correct" in widget.feedback.value
    widget.input.value = "named"
    assert "Correct" not in widget.feedback.value and "changed since the last check" in widget.feedback.value
    ex.answer("q9.1", "anonymous")                     # answered in code: the widget's feedback is stale too
    assert "Correct" not in widget.feedback.value


def test_the_check_cell_shows_the_widget_feedback_and_follows_it(ex):
    widget = ex.show("q9.1")
    shown = ex.check("q9.1")
    assert shown.status == "unanswered"
    bundle = shown._repr_mimebundle_()
    model = bundle["application/vnd.jupyter.widget-view+json"]["model_id"]
    assert model == widget.feedback.model_id and "Not answered" in bundle["text/plain"]
    widget.input.value = "anonymous"
    widget.check_button.click()
    assert "Correct" in widget.feedback.value         # the check cell's view shows this same model


def test_without_a_widget_the_check_cell_shows_a_plain_result(ex):
    assert not hasattr(ex.check("q9.1"), "_widget")


def test_a_code_exercise_without_its_variable_says_to_set_it_not_to_use_a_widget(tmp_path):
    code = load_exercise_file(ROOT / "tests" / "fixtures" / "class_code" / "exercises" / "09_code_practice.toml")
    ex = Exercises(code, AnswerStore(tmp_path / "code.answers.json"))
    exercise = next(e for e in code.exercises if e.kind == "code")
    result = ex.check(exercise.id, namespace={})
    assert result.status == "unanswered" and "widget" not in result.message
    assert exercise.data["variable"] in result.message


def test_a_check_box_label_with_dollar_signs_is_kept_from_mathjax():
    from medialit.exercises.kinds.base import checkbox_input

    boxes = checkbox_input(["topping $110 and $115 a barrel", "no money here"], numbered=True).widget.children
    assert boxes[0].description_allow_html and 'class="tex2jax_ignore mathjax_ignore"' in boxes[0].description
    assert "1. topping $110 and $115 a barrel" in boxes[0].description
    assert not boxes[1].description_allow_html and boxes[1].description == "2. no money here"


def test_feedback_html_is_kept_from_mathjax():
    from medialit.exercises.results import CheckResult

    html = CheckResult("q5.5", "single_choice", "incorrect", 0, 1, "'Topping $115' means above $115")._repr_html_()
    assert "mathjax_ignore" in html
