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
from medialit.exercises.keys import normalise


def key_answer(exercise) -> Any:
    """The right answer, from a source file's plaintext key (in the form a student may type)."""
    src = exercise.source
    if src is None:
        raise ValueError(f"{exercise.id}: a released file has no plaintext key")
    kind = exercise.kind
    if kind in ("single_choice", "multiple_choice", "pick_sentences", "number", "code"):
        return src["answer"]
    if kind == "label_items":
        return [item["answer"] for item in src["items"]]
    if kind == "match_pairs":
        return [pair["right"] for pair in src["pairs"]]
    words = max(1, src.get("min_words", 1))
    return " ".join(["word"] * words)


def misconception_answers(exercise) -> list[tuple[Any, str]]:
    """(wrong answer, the feedback message it must bring up) for every listed misconception."""
    src, kind = exercise.source, exercise.kind
    out: list[tuple[Any, str]] = []
    if kind == "single_choice":
        out = [(choice, message) for choice, message in src.get("feedback", {}).items()]
    elif kind in ("multiple_choice", "pick_sentences"):
        key = list(src["answer"])
        for option, message in src.get("feedback", {}).items():
            if kind == "pick_sentences":
                inside = _same_sentence(exercise, option, key)
            else:
                inside = next((k for k in key if normalise(k) == normalise(option)), None)
            wrong = [k for k in key if k is not inside] if inside is not None else key + [option]
            out.append((wrong, message))
    elif kind in ("label_items", "match_pairs"):
        entries = src["items"] if kind == "label_items" else src["pairs"]
        right = key_answer(exercise)
        for i, entry in enumerate(entries):
            for label, message in entry.get("feedback", {}).items():
                wrong = list(right)
                wrong[i] = label
                out.append((wrong, message))
    elif kind == "code" and isinstance(src["answer"], str):
        out = [(value, message) for value, message in src.get("feedback", {}).items()]
    elif kind == "code" and isinstance(src["answer"], list):
        out = [(list(src["answer"]) + [item], message) for item, message in src.get("feedback", {}).items()]
    elif kind in ("number", "code"):
        for r in src.get("ranges", []):
            low, high = r.get("min"), r.get("max")
            value = (low + high) / 2 if low is not None and high is not None else (high if low is None else low)
            out.append((value, r["message"]))
    return out


def _same_sentence(exercise, fragment: str, key: list[str]):
    """The key fragment naming the same sentence as ``fragment``, if any."""
    from medialit.exercises.checking import _item
    items = exercise.items()
    where = _item(fragment, items, "sentence")
    return next((k for k in key if _item(k, items, "sentence") == where), None)


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
