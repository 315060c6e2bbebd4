"""For exercise authors: does every key pass its own check, and every feedback message show?

``verify(load_exercise_file("exercises/04_unsourced_claims.toml"))`` returns a list of problems
(empty when the file is sound). The tests run it over every file in ``exercises/``.

>>> from medialit.exercises.spec import parse_exercises
>>> s = parse_exercises({"exercise": [{"id": "q0.1", "kind": "single_choice", "prompt": "2+2?",
...     "points": 1, "hint": "Count.", "choices": ["3", "4"], "answer": "4",
...     "feedback": {"3": "Count again."}}]}, "demo.toml")
>>> verify(s)
[]
"""
from __future__ import annotations

from typing import Any

from medialit.exercises.checking import check, coerce
from medialit.exercises.kinds import KINDS


def key_answer(exercise) -> Any:
    """The right answer, from a source file's plaintext key (in the form a student may type)."""
    if exercise.source is None:
        raise ValueError(f"{exercise.id}: a released file has no plaintext key")
    return KINDS[exercise.kind].key_answer(exercise)


def misconception_answers(exercise) -> list[tuple[Any, str]]:
    """(wrong answer, the feedback message it must bring up) for every listed misconception."""
    return KINDS[exercise.kind].misconceptions(exercise)


def verify(exercise_set, *, against=None) -> list[str]:
    """Problems with a source file's keys and feedback (``[]`` when sound).

    ``against`` is another loaded copy of the same exercises (e.g. the release) to check with.
    """
    problems = []
    checked = {e.id: e for e in (against or exercise_set).exercises}
    for exercise in exercise_set.exercises:
        target = checked[exercise.id]
        name = f"{exercise_set.name} {exercise.id}"
        result = check(target, coerce(target, key_answer(exercise)))
        if not result.passed:
            problems.append(f"{name}: the key does not pass its own check: {result}")
        elif exercise.source.get("explanation") and result.explanation != exercise.source["explanation"].strip() \
                and result.explanation != exercise.source["explanation"]:
            problems.append(f"{name}: the explanation is not shown after a correct answer")
        for wrong, message in misconception_answers(exercise):
            result = check(target, coerce(target, wrong))
            if result.passed:
                problems.append(f"{name}: the misconception answer {wrong!r} passes")
            elif message.strip() not in result.details:
                problems.append(f"{name}: answer {wrong!r} does not bring up its message {message[:50]!r}; "
                                f"got {list(result.details)}")
    return problems
