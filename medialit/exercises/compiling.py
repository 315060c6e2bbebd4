"""Turn a source exercise table (plaintext key) into what the student sees plus a hashed key.

``compile_source`` validates one ``[[exercise]]`` table of a source file; ``released_parts``
reads the same parts back from a release file. What is particular to a kind is its
``compile``/``read_release`` step (``kinds/``); the explanation, the instructor's note and
the layout of the key are common and done here. The token scheme is described in ``keys.py``.

>>> data, key = compile_source({"choices": ["3", "4"], "answer": "4"}, "single_choice", "q0.1", "s",
...                            ValueError)
>>> data, sorted(key)
({'choices': ['3', '4']}, ['correct', 'explanation', 'feedback'])
"""
from __future__ import annotations

from typing import Any

from medialit.exercises.keys import digest, seal
from medialit.exercises.kinds import KINDS, Fail


def compile_source(table: dict, kind: str, ex_id: str, salt: str, fail: Fail) -> tuple[dict, dict]:
    """Validate a source table; return (display data, hashed key)."""
    data, correct, feedback, explanations, grid = KINDS[kind].compile(table, ex_id, salt, fail)
    key: dict[str, Any] = {"correct": correct, "feedback": feedback}
    explanation = table.get("explanation")
    if explanation is not None:
        if not isinstance(explanation, str):
            raise fail("field 'explanation' must be a string")
        key["explanation"] = {digest(salt, ex_id, t): seal(explanation, salt, ex_id, t) for t in explanations}
    else:
        key["explanation"] = {}
    if grid is not None:                     # number answers (kinds number and code)
        key["grid"] = grid
    note = table.get("instructor_note")
    if note is not None and not isinstance(note, str):
        raise fail("field 'instructor_note' must be a string")
    return data, key


def released_parts(table: dict, kind: str, fail: Fail) -> tuple[dict, dict]:
    """The display data and hashed key of a release file's table."""
    key = table.get("key")
    if not isinstance(key, dict) or "correct" not in key:
        raise fail("field 'key' is missing or damaged (rebuild the release with `medialit release`)")
    key = {"feedback": {}, "explanation": {}, **key}
    return KINDS[kind].read_release(table, key, fail), key


def release_table(exercise) -> dict:
    """The release form of an exercise: what the student sees, the hashed key, no notes."""
    table = {"id": exercise.id, "kind": exercise.kind, "prompt": exercise.prompt,
             "points": exercise.points, "hint": exercise.hint}
    table.update(exercise.data)
    if exercise.aliases:
        table["aliases"] = list(exercise.aliases)
    table["key"] = dict(exercise.key)
    return table
