"""Reading a student's answer forgivingly, and checking it against the hashed key.

``coerce(exercise, raw)`` turns what a student typed (or a widget holds) into the stored form;
``check(exercise, stored)`` returns a :class:`CheckResult` and never raises on a wrong or
missing answer. What is particular to a kind is its ``coerce``/``check`` step (``kinds/``);
the empty answer, unreadable answers, scores, hints and explanations are common and done here.

>>> from medialit.exercises.spec import parse_exercises
>>> ex = parse_exercises({"exercise": [{"id": "q0.1", "kind": "single_choice", "prompt": "2+2?",
...     "points": 1, "hint": "Count.", "choices": ["3", "4"], "answer": "4"}]}, "demo.toml").exercises[0]
>>> check(ex, coerce(ex, " 4 ")).status
'correct'
"""
from __future__ import annotations

import os
from typing import Any

from medialit.errors import AnswerError
from medialit.exercises.choiceids import resolve
from medialit.exercises.keys import SCHEME, digest, unseal, whole_check
from medialit.exercises.kinds import KINDS
from medialit.exercises.results import CheckResult


def coerce(exercise, raw: Any) -> Any:
    """The stored form of an answer; raises :class:`AnswerError` with a helpful message."""
    if raw is None:
        raise AnswerError("the answer is empty")
    kind = KINDS.get(exercise.kind)
    if kind is None:
        raise AnswerError(f"unknown kind {exercise.kind!r}")
    return kind.coerce(exercise, raw)


def explanation(exercise, token: str) -> str | None:
    """The explanation sealed for a correct answer's token, if the exercise has one."""
    token = "explain:" + token
    sealed = exercise.key.get("explanation", {}).get(digest(exercise.salt, exercise.id, token))
    return unseal(sealed, exercise.salt, exercise.id, token) if sealed else None


def check(exercise, answer: Any) -> CheckResult:
    """Check a stored answer (``None`` = not answered). Never raises on a wrong answer."""
    base = dict(exercise_id=exercise.id, kind=exercise.kind, points=exercise.points)
    kind = KINDS[exercise.kind]
    if answer is None or kind.is_empty(answer):
        how = f"use the widget, or ex.answer({exercise.id!r}, ...)"
        return CheckResult(status="unanswered", score=0.0, message=f"Not answered yet: {how}.", **base)
    scheme = exercise.key.get("scheme") if kind.graded else None
    try:
        if scheme == "none":
            return _format_only(exercise, kind, answer, base)
        if scheme == SCHEME:
            return _whole_answer(exercise, kind, answer, base)
        status, message, details, explain_token = kind.check(exercise, answer)
    except (AnswerError, TypeError, ValueError, KeyError, IndexError) as err:
        return CheckResult(status="invalid", score=0.0, hint=exercise.hint,
                           message=f"The saved answer could not be read ({err}); answer again.", **base)
    if status == "correct":
        shown = explanation(exercise, explain_token) if explain_token else None
        return CheckResult(status=status, score=exercise.points, message=message, details=tuple(details),
                           explanation=shown, **base)
    if status == "saved":
        return CheckResult(status=status, score=0.0, message=message, details=tuple(details), **base)
    return CheckResult(status=status, score=0.0, message=message, details=tuple(details),
                       hint=exercise.hint, **base)


def check_saved(exercise, entry: Any) -> CheckResult:
    """Check a saved answer entry (``{"value": ..., "ids": ...}``, None when not answered) with the
    option ids saved in it (``choiceids.py``): an option reworded since is found by its id; one
    removed since makes the answer ``invalid``, with a message that says so."""
    answer, problem = resolve(exercise, entry)
    if problem is None:
        return check(exercise, answer)
    return CheckResult(status="invalid", score=0.0, hint=exercise.hint, exercise_id=exercise.id,
                       kind=exercise.kind, points=exercise.points, message=f"Not graded: {problem}.")


def under_grader() -> bool:
    """True under nbgrader's autograder or ``MEDIALIT_GRADING=1`` (the test pins that it agrees
    with ``api.grading_mode``, which the student API uses; api imports this module)."""
    flag = os.environ.get("MEDIALIT_GRADING", "").strip().lower() in ("1", "true", "yes")
    return flag or os.environ.get("NBGRADER_EXECUTION") in ("autograde", "validate")


def _short(answer: Any) -> str:
    text = repr(answer)
    return text if len(text) <= 60 else text[:57] + "..."


def _format_only(exercise, kind, answer: Any, base: dict) -> CheckResult:
    """An assessment release: the answer is read (its form checked), never scored here. Under a
    grader (nbgrader's autograder, ``MEDIALIT_GRADING=1``) it fails closed: this copy cannot score."""
    kind.coerce(exercise, answer)
    if under_grader():
        return CheckResult(status="invalid", score=0.0, hint=exercise.hint,
                           message="This student copy has no answer key (an assessment release): grade with "
                                   "the instructor's exercise files.", **base)
    return CheckResult(status="saved", score=0.0, hint=exercise.hint,
                       message="Saved for grading: the answer has the right form. Your instructor's "
                               "grading scores it; this copy cannot tell right from wrong.", **base)


def _whole_answer(exercise, kind, answer: Any, base: dict) -> CheckResult:
    """A practice release: the whole answer against one slow hash; no per-item verdict.

    The saved answer is read against what the exercise offers first, as the other paths do: a
    right-hand item or pick reworded since the answer was saved is ``invalid``, not "not yet"."""
    kind.coerce(exercise, answer)
    right, shown, message = whole_check(exercise.key, exercise.salt, exercise.id, kind.answer_form(exercise, answer))
    if right:
        return CheckResult(status="correct", score=exercise.points, message=f"Correct: {_short(answer)} is right.",
                           explanation=shown, **base)
    details = tuple(dict.fromkeys(([message] if message else []) + kind.public_feedback(exercise, answer)))
    return CheckResult(status="incorrect", score=0.0, hint=exercise.hint, details=details,
                       message="Not yet: the answer is not right as a whole (this copy checks the whole "
                               "answer at once, not item by item).", **base)
