"""Turn a source exercise table (plaintext key) into what the student sees plus a hashed key.

``compile_source`` validates one ``[[exercise]]`` table of a source file (and gives the fast,
per-token key the instructor side checks with); ``release_table`` writes an exercise in one
of the two release modes (``practice``: one slow hash of the whole answer; ``assessment``: no
key at all); ``released_parts`` reads a release table back. What is particular to a kind is its
``compile``/``read_release`` step (``kinds/``); the explanation, the instructor's note and
the layout of the key are common and done here. The token scheme is described in ``keys.py``.

>>> data, key = compile_source({"choices": ["3", "4"], "answer": "4"}, "single_choice", "q0.1", "s",
...                            ValueError)
>>> data, sorted(key)
({'choices': ['3', '4'], 'choice_ids': ['c1', 'c2']}, ['correct', 'explanation', 'feedback'])
"""
from __future__ import annotations

from typing import Any

from medialit.exercises.keys import SCHEME, digest, seal, whole_key
from medialit.exercises.kinds import KINDS, Fail

MODES = ("practice", "assessment")
NO_KEY = {"scheme": "none"}


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


def released_parts(table: dict, kind: str, fail: Fail, *, mode: str = "practice") -> tuple[dict, dict]:
    """The display data and key of a release file's table (``{"scheme": "none"}`` without a key)."""
    if mode == "assessment" or not KINDS[kind].graded:
        if "key" in table:
            raise fail("field 'key' must not be in an assessment release or an ungraded exercise")
        return KINDS[kind].read_release(table, dict(NO_KEY), fail), dict(NO_KEY)
    key = table.get("key")
    if not isinstance(key, dict) or key.get("scheme") != SCHEME or not isinstance(key.get("accept"), list) \
            or not isinstance(key.get("cost"), dict):
        raise fail("field 'key' is missing or damaged (rebuild the release with `medialit release`)")
    key = {"feedback": {}, **key}
    return KINDS[kind].read_release(table, key, fail), key


def practice_key(exercise, *, cost: dict | None = None) -> dict:
    """The practice key of a source exercise: one slow hash per right whole answer, the sealed
    explanation, and a message for each listed misconception, keyed to that whole wrong answer."""
    kind = KINDS[exercise.kind]
    accepted = kind.accepted_forms(exercise)
    wrong = [(kind.answer_form(exercise, kind.coerce(exercise, answer)), message.strip())
             for answer, message in kind.misconceptions(exercise)]
    explanation = exercise.source.get("explanation")
    public, slots = kind.practice_layout(exercise)
    key = whole_key(exercise.salt, exercise.id, accepted, wrong, explanation.strip() if explanation else None,
                    cost=cost, slots=slots)
    key.update(public)
    return key


def release_table(exercise, *, mode: str = "practice", cost: dict | None = None) -> dict:
    """The release form of a source exercise: what the student sees, no notes, and in
    ``practice`` mode the whole-answer key (in ``assessment`` mode no key and none of the
    data that depend on the answer, like a number's ``ranges``)."""
    if mode not in MODES:
        raise ValueError(f"release mode must be one of {', '.join(MODES)}, not {mode!r}")
    kind = KINDS[exercise.kind]
    table = {"id": exercise.id, "kind": exercise.kind, "prompt": exercise.prompt,
             "points": exercise.points, "hint": exercise.hint}
    data = dict(exercise.data)
    if mode == "assessment":
        for name in kind.answer_data:
            data.pop(name, None)
    table.update(data)
    if exercise.aliases:
        table["aliases"] = list(exercise.aliases)
    if mode == "practice" and kind.graded:
        table["key"] = practice_key(exercise, cost=cost)
    return table
