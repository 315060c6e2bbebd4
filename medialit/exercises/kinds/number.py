"""``number``: a number within a tolerance (absolute, or relative like ``"10%"``); a text box.

A source file compiles the band to hashed buckets (fast, instructor side). A practice
release rounds a typed number on a public step aligned with zero (``keys.number_rounding``)
and holds one slow hash per bin inside the band, padded to a fixed count, so neither the
band's edges nor its width in bins can be read; the step tells the tolerance within a
factor of 2.5.

>>> from medialit.exercises.spec import parse_exercises
>>> ex = parse_exercises({"exercise": [{"id": "q0.6", "kind": "number", "prompt": "How many?",
...     "points": 1, "hint": "Count.", "answer": 50, "tolerance": 5}]}, "demo.toml").exercises[0]
>>> Number().check(ex, Number().coerce(ex, "about 52")).status
'correct'
"""
from __future__ import annotations

from typing import Any

from medialit.errors import AnswerError
from medialit.exercises.keys import (NUMBER_SLOTS, accepted_number_forms, band_tokens, digest, number_form,
                                    number_grid,
                                    number_rounding, number_tokens, parse_number, parse_tolerance)
from medialit.exercises.kinds.base import Compiled, Fail, Input, Kind, Verdict, no_feedback_field


def compile_number(table: dict, ex_id: str, salt: str, fail: Fail) -> Compiled:
    """Validate ``answer``, ``tolerance``, ``unit`` and ``ranges``; the hashed band and its grid."""
    no_feedback_field(table, fail, "use [[exercise.ranges]] with min/max and a message")
    answer = table.get("answer")
    if isinstance(answer, bool) or not isinstance(answer, (int, float)):
        raise fail("field 'answer' must be a number")
    try:
        tolerance, relative = parse_tolerance(table.get("tolerance", 0))
        grid = number_grid(float(answer), tolerance, relative)
    except ValueError as err:
        raise fail(f"field 'tolerance' {err}") from None
    if relative:
        ends = sorted((answer * (1 - tolerance), answer * (1 + tolerance)))
    else:
        ends = [answer - tolerance, answer + tolerance]
    data: dict[str, Any] = {}
    unit = table.get("unit")
    if unit is not None:
        if not isinstance(unit, str):
            raise fail("field 'unit' must be a string")
        data["unit"] = unit
    ranges = []
    for number, entry in enumerate(table.get("ranges", []), start=1):
        if not isinstance(entry, dict) or set(entry) - {"min", "max", "message"} \
                or not isinstance(entry.get("message"), str):
            raise fail(f"field 'ranges' #{number} must be a table with min and/or max and a message")
        low, high = entry.get("min", float("-inf")), entry.get("max", float("inf"))
        if not all(isinstance(b, (int, float)) and not isinstance(b, bool) for b in (low, high)) or low > high \
                or ("min" not in entry and "max" not in entry):
            raise fail(f"field 'ranges' #{number} needs numeric min and/or max with min <= max")
        if low <= ends[1] and high >= ends[0]:
            raise fail(f"field 'ranges' #{number} overlaps the accepted answers ({ends[0]:g} to {ends[1]:g})")
        ranges.append({k: entry[k] for k in ("min", "max", "message") if k in entry})
    if ranges:
        data["ranges"] = ranges
    tokens = band_tokens(float(answer), tolerance, relative, grid)
    return Compiled(data, [digest(salt, ex_id, t) for t in tokens], {}, ["explain:" + t for t in tokens], grid)


def require_grid(key: dict, fail: Fail) -> None:
    """A practice release key of a number answer must carry its rounding."""
    if key.get("scheme") not in (None, "none") and not isinstance(key.get("rounding"), dict):
        raise fail("field 'key' has no 'rounding' (rebuild the release)")


def source_rounding(source: dict) -> tuple[float, float, bool, dict]:
    """(answer, tolerance, relative?, public rounding) of a source number table."""
    tolerance, relative = parse_tolerance(source.get("tolerance", 0))
    answer = float(source["answer"])
    return answer, tolerance, relative, number_rounding(answer, tolerance, relative)


def rounding_of(exercise) -> dict:
    """The rounding of a number answer: from the release key, else from the source table."""
    if "rounding" in exercise.key:
        return exercise.key["rounding"]
    return source_rounding(exercise.source)[3]


def number_accepted_forms(exercise) -> list[str]:
    """The bins of the accepted band of a source number exercise."""
    answer, tolerance, relative, rounding = source_rounding(exercise.source)
    return accepted_number_forms(answer, tolerance, relative, rounding)


def range_messages(exercise, value: float) -> list[str]:
    """The public ``ranges`` messages of the ranges ``value`` falls in."""
    return [r["message"] for r in exercise.data.get("ranges", [])
            if r.get("min", float("-inf")) <= value <= r.get("max", float("inf"))]


def number_verdict(exercise, value: float, right: str, wrong: str) -> Verdict:
    """Check ``value`` against the hashed band; ``right``/``wrong`` get the value shown (``{shown}``)."""
    unit = exercise.data.get("unit")
    shown = f"{value:g}" + (f" {unit}" if unit else "")
    try:
        tokens = number_tokens(value, exercise.key["grid"])
    except OverflowError:       # a finite value so large that its bucket overflows
        raise AnswerError(f"{value:g} is too large a number to check") from None
    for token in tokens:
        if digest(exercise.salt, exercise.id, token) in exercise.key["correct"]:
            return Verdict("correct", right.format(shown=shown), [], token)
    return Verdict("incorrect", wrong.format(shown=shown), range_messages(exercise, value), None)


def range_misconceptions(source: dict) -> list[tuple[Any, str]]:
    """A value inside each ``ranges`` entry, with its message."""
    out: list[tuple[Any, str]] = []
    for r in source.get("ranges", []):
        low, high = r.get("min"), r.get("max")
        value = (low + high) / 2 if low is not None and high is not None else (high if low is None else low)
        out.append((value, r["message"]))
    return out


class Number(Kind):
    """A number, typed forgivingly (``"1,200"``, ``"2.5bn"``); ``ranges`` explain wrong ones."""

    name = "number"
    source_fields = frozenset({"answer", "tolerance", "unit", "ranges"})
    release_fields = frozenset({"unit", "ranges"})
    answer_data = frozenset({"ranges"})
    answer_example = "a number"

    def compile(self, table: dict, ex_id: str, salt: str, fail: Fail) -> Compiled:
        return compile_number(table, ex_id, salt, fail)

    def read_release(self, table: dict, key: dict, fail: Fail) -> dict:
        require_grid(key, fail)
        return super().read_release(table, key, fail)

    def coerce(self, exercise, raw: Any) -> float:
        try:
            return parse_number(raw)
        except ValueError as err:
            raise AnswerError(str(err)) from None

    def check(self, exercise, answer: Any) -> Verdict:
        if isinstance(answer, bool) or not isinstance(answer, (int, float, str)):
            raise AnswerError(f"expected a number, not a {type(answer).__name__}")
        return number_verdict(exercise, parse_number(answer), "Correct: {shown} is within the accepted range.",
                              "Not yet: {shown} is outside the accepted range.")

    def widget(self, exercise) -> Input:
        import ipywidgets as w

        box = w.Text(value="", placeholder="a number", description="Answer")
        unit = w.Label(exercise.data.get("unit", ""))

        def put(value: Any) -> None:
            box.value = f"{value:g}" if isinstance(value, (int, float)) else str(value)

        return Input(w.HBox([box, unit]), lambda: box.value, put)

    def key_answer(self, exercise) -> Any:
        return exercise.source["answer"]

    def misconceptions(self, exercise) -> list[tuple[Any, str]]:
        return range_misconceptions(exercise.source)

    def answer_form(self, exercise, answer: Any) -> str:
        return number_form(parse_number(answer), rounding_of(exercise))

    def accepted_forms(self, exercise) -> list[str]:
        return number_accepted_forms(exercise)

    def public_feedback(self, exercise, answer: Any) -> list[str]:
        return range_messages(exercise, parse_number(answer))

    def practice_layout(self, exercise) -> tuple[dict, int]:
        return {"rounding": rounding_of(exercise)}, NUMBER_SLOTS
