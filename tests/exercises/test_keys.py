"""Whole-answer keys (practice releases) and the public rounding of number answers."""
from __future__ import annotations

import math

import pytest

from medialit.exercises import keys
from medialit.exercises.checking import check, coerce
from medialit.exercises.compiling import release_table
from medialit.exercises.spec import parse_exercises

CHEAP = {"n": 16, "r": 1, "p": 1}


def test_a_whole_key_opens_for_each_accepted_form_and_its_messages_for_their_wrong_answers_only():
    key = keys.whole_key("salt", "q1", ["a|b", "a|c"], [("x|b", "Look again at x.")], "Because.", cost=CHEAP, slots=8)
    assert len(key["accept"]) == 8 and key["accept"] == sorted(key["accept"])
    assert keys.whole_check(key, "salt", "q1", "a|b") == (True, "Because.", None)
    assert keys.whole_check(key, "salt", "q1", "a|c") == (True, "Because.", None)
    assert keys.whole_check(key, "salt", "q1", "x|b") == (False, None, "Look again at x.")
    assert keys.whole_check(key, "salt", "q1", "a|x") == (False, None, None)
    assert keys.whole_check(key, "other salt", "q1", "a|b")[0] is False
    assert keys.whole_check(key, "salt", "q2", "a|b")[0] is False
    text = repr(key)
    assert "Because" not in text and "Look again" not in text and "a|b" not in text


def test_two_keys_for_the_same_answer_share_nothing():
    one, two = (keys.whole_key("s", "q1", ["a"], [], "E", cost=CHEAP) for _ in range(2))
    assert one["accept"] != two["accept"] and one["explanation"] != two["explanation"]


def test_the_hash_cost_cannot_be_made_trivial_by_a_forged_file():
    for cost in ({"n": 2, "r": 1, "p": 1}, {"n": 1000, "r": 1, "p": 1}, {"n": 16, "r": 99, "p": 1}):
        with pytest.raises(ValueError):
            keys.slow_hash("s", "q", "f", cost)
    assert keys.COST["n"] >= 2 ** 14 or keys.COST == {"n": 16, "r": 1, "p": 1}     # the real one, or this suite's


@pytest.mark.parametrize("answer,tolerance", [(50, "5"), (37, "10%"), (115.77, "0.02"), (-12.5, "20%"),
                                              (0.004, "0.001"), (8.2, "15%"), (20.83, "1"), (1234567, "3%")])
def test_number_rounding_accepts_the_band_and_no_more_than_a_twentieth_beyond_it(answer, tolerance):
    tol, relative = keys.parse_tolerance(tolerance[:-1] + "%" if tolerance.endswith("%") else float(tolerance))
    rounding = keys.number_rounding(answer, tol, relative)
    accepted = set(keys.accepted_number_forms(answer, tol, relative, rounding))
    assert len(accepted) <= keys.NUMBER_SLOTS
    if relative:
        low, high = sorted((answer * (1 - tol), answer * (1 + tol)))
    else:
        low, high = answer - tol, answer + tol
    width = high - low
    inner = [low + width * f for f in (0.06, 0.25, 0.5, 0.75, 0.94)]
    outer = [low - width * 0.06, high + width * 0.06, low - width, high + width, answer * 3 + 1, -answer]
    assert all(keys.number_form(v, rounding) in accepted for v in inner), (rounding, inner)
    assert not any(keys.number_form(v, rounding) in accepted for v in outer), (rounding, outer)
    step = rounding["step"]
    assert step <= (math.log((1 + tol) / (1 - tol)) if relative else 2 * tol) / 10 * (1 + 1e-9)
    # 1, 2 or 5 times a power of ten: aligned with zero
    assert f"{step:.0e}"[0] in "125" and float(f"{step:.0e}") == step


def test_the_rounding_does_not_depend_on_where_the_answer_is():
    # two answers with the same tolerance publish the same step: the file tells nothing of the answer
    assert keys.number_rounding(50, 5, False) == keys.number_rounding(7123.4, 5, False)
    assert keys.number_rounding(37, 0.1, True) == keys.number_rounding(0.0021, 0.1, True)


def _one(table: dict):
    base = {"id": "q9.1", "prompt": "p", "points": 1, "hint": "Look at the numbers again."}
    return parse_exercises({"exercise": [{**base, **table}]}, "demo.toml").exercises[0]


def _released(exercise, mode="practice"):
    table = release_table(exercise, mode=mode, cost=CHEAP)
    top = {"released": True, "mode": mode, "exercise": [table]}
    if mode == "practice":
        top["salt"] = exercise.salt
    return parse_exercises(top, "release.toml").exercises[0]


def test_a_practice_number_checks_like_the_source_inside_and_well_outside_the_band():
    source = _one({"kind": "number", "answer": 120, "tolerance": "10%",
                   "ranges": [{"max": 50, "message": "Far too low."}]})
    twin = _released(source)
    assert "answer" not in repr(twin.data) and "grid" not in twin.key and len(twin.key["accept"]) == keys.NUMBER_SLOTS
    for value, status in [(120, "correct"), (111, "correct"), (129, "correct"), (100, "incorrect"),
                          (145, "incorrect"), (-120, "incorrect"), (0, "incorrect")]:
        assert check(twin, coerce(twin, value)).status == check(source, coerce(source, value)).status == status, value
    low = check(twin, coerce(twin, 10))
    assert low.details == ("Far too low.",) and low.hint


def test_a_practice_label_exercise_says_not_yet_without_saying_which_item():
    source = _one({"kind": "label_items", "labels": ["fact", "opinion"],
                   "items": [{"text": "It rained.", "answer": "fact"}, {"text": "Rain is sad.", "answer": "opinion"},
                             {"text": "It was 3 mm.", "answer": "fact", "feedback": {"opinion": "A measure."}}]})
    twin = _released(source)
    one_wrong = check(twin, coerce(twin, ["opinion", "opinion", "fact"]))
    all_wrong = check(twin, coerce(twin, ["opinion", "fact", "opinion"]))
    assert (one_wrong.status, one_wrong.message, one_wrong.details) == \
           (all_wrong.status, all_wrong.message, all_wrong.details)
    # the message written for item 3 opens for the answer that is right but for item 3
    assert check(twin, coerce(twin, ["fact", "opinion", "opinion"])).details == ("A measure.",)
    assert check(twin, coerce(twin, [" FACT", "Opinion ", "fact"])).status == "correct"


@pytest.mark.parametrize("env", [{}, {"MEDIALIT_GRADING": "1"}, {"MEDIALIT_GRADING": "no"},
                                 {"NBGRADER_EXECUTION": "autograde"}, {"NBGRADER_EXECUTION": "validate"},
                                 {"NBGRADER_EXECUTION": "other"}])
def test_the_checker_knows_a_grader_runs_exactly_when_the_api_does(env, monkeypatch):
    from medialit.exercises.api import grading_mode
    from medialit.exercises.checking import under_grader
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.delenv("MEDIALIT_GRADING", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert under_grader() == grading_mode()


def test_an_assessment_release_reads_the_form_and_fails_closed_under_a_grader(monkeypatch):
    source = _one({"kind": "single_choice", "choices": ["a", "b"], "answer": "b", "feedback": {"a": "No."}})
    twin = _released(source, mode="assessment")
    assert dict(twin.key) == {"scheme": "none"} and twin.salt == ""
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.delenv("MEDIALIT_GRADING", raising=False)
    assert {check(twin, v).status for v in ("a", "b")} == {"saved"}
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    graded = check(twin, "b")
    assert graded.status == "invalid" and not graded.passed and "instructor" in graded.message
