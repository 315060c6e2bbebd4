"""``code``: the student writes code that sets a named variable; the check reads its value.

The key is a number (with a tolerance and ``ranges`` feedback, hashed like the ``number``
kind), a text (compared after normalising) or a list (compared as a set, or in order with
``ordered = true``). In a notebook, ``ex.check("q5.3")`` reads ``answer_q5_3`` from the
kernel's namespace (see ``codekind.py``); ``ex.answer`` works too. ``medialit grade`` runs
the notebook to get the value (see ``coderun.py``).

>>> from medialit.exercises.spec import parse_exercises
>>> ex = parse_exercises({"exercise": [{"id": "q5.3", "kind": "code", "prompt": "How many?",
...     "points": 1, "hint": "Use len().", "answer": 3}]}, "demo.toml").exercises[0]
>>> ex.data["variable"], Code().check(ex, 3.0).status
('answer_q5_3', 'correct')
"""
from __future__ import annotations

import html
import keyword
import math
import numbers
import re
from typing import Any

from medialit.errors import AnswerError
from medialit.exercises.keys import digest, normalise, parse_number
from medialit.exercises.kinds.base import Compiled, Fail, Input, Kind, Verdict, feedback, sealed_messages
from medialit.exercises.keys import NUMBER_SLOTS, answer_form, number_form
from medialit.exercises.kinds.number import (compile_number, number_accepted_forms, number_verdict, range_messages,
                                            range_misconceptions, require_grid, rounding_of)

_PLAIN_NUMBER = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$")


def default_variable(exercise_id: str) -> str:
    """``q5.3`` -> ``answer_q5_3``.

    >>> default_variable("q5.3")
    'answer_q5_3'
    """
    return "answer_" + re.sub(r"\W", "_", exercise_id.strip())


def item_key(value: Any) -> str:
    """One list item or text answer, normalised: ``3``, ``3.0`` and ``"3"`` agree; case and spacing do not matter.

    >>> item_key(3) == item_key("3.0") == "3"
    True
    """
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, numbers.Real):
        number = float(value)
        if math.isnan(number) or math.isinf(number):
            raise AnswerError(f"{value!r} is not a finite number")
        return f"{number:.12g}"
    text = normalise(value)
    if _PLAIN_NUMBER.match(text):
        return f"{float(text):.12g}"
    return text


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def coerce_code(exercise, raw: Any) -> Any:
    """The stored (JSON) form of a value for a ``code`` exercise; raises :class:`AnswerError`."""
    expects, variable = exercise.data["expects"], exercise.data["variable"]
    if expects == "number":
        if isinstance(raw, (list, tuple, dict, set)):
            raise AnswerError(f"{variable} should hold a number, not {_describe(raw)}")
        try:
            return parse_number(raw.item() if hasattr(raw, "item") and not isinstance(raw, str) else raw)
        except (ValueError, TypeError):
            raise AnswerError(f"{variable} should hold a number, not {_describe(raw)}") from None
    if expects == "text":
        if isinstance(raw, (str, numbers.Real)) and not isinstance(raw, bool):
            return str(raw)
        raise AnswerError(f"{variable} should hold a text, not {_describe(raw)}")
    if isinstance(raw, (str, bytes, dict)) or not hasattr(raw, "__iter__"):
        raise AnswerError(f"{variable} should hold a list, not {_describe(raw)}")
    if isinstance(raw, (set, frozenset)) and exercise.data.get("ordered"):
        raise AnswerError(f"{variable} should hold a list in order, not a set")
    values = list(raw.tolist() if hasattr(raw, "tolist") else raw)
    if isinstance(raw, (set, frozenset)):
        values.sort(key=str)
    out = []
    for v in values:
        if isinstance(v, (list, tuple, dict, set)) or not isinstance(v, (str, numbers.Real)):
            raise AnswerError(f"{variable} should hold a list of texts or numbers; it holds {_describe(v)}")
        out.append(v if isinstance(v, str) else item_key(v))
    return out


class Code(Kind):
    """A variable set by the student's code; a number, a text or a list."""

    name = "code"
    source_fields = frozenset({"variable", "answer", "tolerance", "unit", "ranges", "ordered"})
    release_fields = frozenset({"variable", "expects", "unit", "ranges", "ordered", "length"})
    answer_data = frozenset({"ranges", "length"})
    reads_variable = True

    def compile(self, table: dict, ex_id: str, salt: str, fail: Fail) -> Compiled:
        variable = table.get("variable", default_variable(ex_id))
        if not isinstance(variable, str) or not variable.isidentifier() or keyword.iskeyword(variable):
            raise fail(f"field 'variable' must be a Python name like \"answer_q5_3\", not {variable!r}")
        answer = table.get("answer")
        if isinstance(answer, (int, float)) and not isinstance(answer, bool):
            if "ordered" in table:
                raise fail("field 'ordered' only applies to a list answer")
            compiled = compile_number(table, ex_id, salt, fail)
            compiled.data.update(variable=variable, expects="number")
            return compiled
        for name in ("tolerance", "unit", "ranges"):
            if name in table:
                raise fail(f"field '{name}' only applies to a number answer")
        messages = table.get("feedback") or {}
        if not isinstance(messages, dict) or not all(isinstance(m, str) and m.strip() for m in messages.values()):
            raise fail("field 'feedback' must be a table of messages (\"wrong value\" = \"message\")")
        if isinstance(answer, str) and answer.strip():
            if "ordered" in table:
                raise fail("field 'ordered' only applies to a list answer")
            right = item_key(answer)
            tokens = {"text:" + item_key(k): m.strip() for k, m in messages.items()}
            if "text:" + right in tokens:
                raise fail(f"field 'feedback' has a message for the right answer {answer!r}; use 'explanation'")
            return Compiled({"variable": variable, "expects": "text"}, [digest(salt, ex_id, "text:" + right)],
                            sealed_messages(tokens, ex_id, salt), ["explain:text:" + right])
        if isinstance(answer, list) and answer:
            try:
                items = [item_key(a) for a in answer if not isinstance(a, (list, dict))]
            except AnswerError as err:
                raise fail(f"field 'answer': {err}") from None
            if len(items) != len(answer):
                raise fail("field 'answer' must be a list of texts or numbers")
            if len(set(items)) != len(items):
                raise fail("field 'answer' lists the same item twice")
            ordered = table.get("ordered", False)
            if not isinstance(ordered, bool):
                raise fail("field 'ordered' must be true or false")
            tokens = {}
            for k, m in messages.items():
                if item_key(k) in items:
                    raise fail(f"field 'feedback' names {k!r}, which is in the answer; feedback is for items "
                               "that should not be in the list")
                tokens["extra:" + item_key(k)] = m.strip()
            data: dict[str, Any] = {"variable": variable, "expects": "list", "ordered": ordered}
            correct = [digest(salt, ex_id, "seq:" + "|".join(items))] if ordered else \
                sorted(digest(salt, ex_id, "item:" + i) for i in items)
            if ordered:
                data["length"] = len(items)
            explain = "seq:" + "|".join(items) if ordered else "set:" + "|".join(sorted(items))
            return Compiled(data, correct, sealed_messages(tokens, ex_id, salt), ["explain:" + explain])
        raise fail("field 'answer' must be a number, a non-empty text or a non-empty list")

    def read_release(self, table: dict, key: dict, fail: Fail) -> dict:
        if table.get("expects") == "number":
            require_grid(key, fail)
        return super().read_release(table, key, fail)

    def coerce(self, exercise, raw: Any) -> Any:
        return coerce_code(exercise, raw)

    def check(self, exercise, answer: Any) -> Verdict:
        variable, expects = exercise.data["variable"], exercise.data["expects"]
        salt, ex_id, key = exercise.salt, exercise.id, exercise.key
        value = coerce_code(exercise, answer)
        if expects == "number":
            return number_verdict(exercise, value, f"Correct: {variable} = {{shown}}, within the accepted range.",
                                  f"Not yet: {variable} = {{shown}}, outside the accepted range.")
        if expects == "text":
            token = "text:" + item_key(value)
            if digest(salt, ex_id, token) in key["correct"]:
                return Verdict("correct", f"Correct: {variable} = {_describe(value)} is the right value.", [], token)
            message = feedback(exercise, token)
            return Verdict("incorrect", f"Not yet: {variable} = {_describe(value)} is not the right value.",
                           [message] if message else [], None)
        items = [item_key(v) for v in value]
        details = [m for m in (feedback(exercise, "extra:" + i) for i in dict.fromkeys(items)) if m]
        if exercise.data.get("ordered"):
            seq = "seq:" + "|".join(items)
            if digest(salt, ex_id, seq) in key["correct"]:
                return Verdict("correct", f"Correct: {variable} holds the {len(items)} right items in the right order.",
                               [], seq)
            length = exercise.data.get("length")
            size = f"; it has {len(items)} items, the answer has {length}" if length and length != len(items) else ""
            return Verdict("incorrect", f"Not yet: {variable} is not the right list, in order{size}.", details, None)
        right = {i for i in set(items) if digest(salt, ex_id, "item:" + i) in key["correct"]}
        extra = set(items) - right
        if not extra and len(right) == len(key["correct"]):
            return Verdict("correct", f"Correct: {variable} holds all {len(right)} right items, none extra.", [],
                           "set:" + "|".join(sorted(right)))
        parts = [f"{len(right)} of {len(key['correct'])} right items in {variable}"]
        if extra:
            parts.append(f"{len(extra)} item{'s are' if len(extra) > 1 else ' is'} not right")
        return Verdict("incorrect", "Not yet: " + "; ".join(parts) + ".", details, None)

    def widget(self, exercise) -> Input:
        """No input: the student's code sets the variable; Check reads it."""
        import ipywidgets as w

        variable, expects = exercise.data["variable"], exercise.data["expects"]
        what = {"number": "a number" + (f" (in {exercise.data['unit']})" if exercise.data.get("unit") else ""),
                "text": "a text", "list": "a list" + (" in order" if exercise.data.get("ordered") else "")}[expects]
        intro = (f"<p>Answer in code: write code in a cell below that sets <code>{html.escape(variable)}</code> "
                 f"to {html.escape(what)}, run it, then click Check.</p>")
        panel = w.HTML(intro)

        def put(value: Any) -> None:
            panel.value = intro + f"<p>Last value checked: <code>{html.escape(repr(value))}</code></p>"

        return Input(panel, lambda: None, put)

    def answer_in_code(self, exercise) -> str:
        return (f"Answer in code: set {exercise.data['variable']} = ... (a {exercise.data['expects']}), "
                f"run the cell, then ex.check({exercise.id!r})")

    def key_answer(self, exercise) -> Any:
        return exercise.source["answer"]

    def misconceptions(self, exercise) -> list[tuple[Any, str]]:
        src = exercise.source
        if isinstance(src["answer"], str):
            return [(value, message) for value, message in src.get("feedback", {}).items()]
        if isinstance(src["answer"], list):
            return [(list(src["answer"]) + [item], message) for item, message in src.get("feedback", {}).items()]
        return range_misconceptions(src)

    def answer_form(self, exercise, answer: Any) -> str:
        value = coerce_code(exercise, answer)
        expects = exercise.data["expects"]
        if expects == "number":
            return number_form(value, rounding_of(exercise))
        if expects == "text":
            return "text:" + item_key(value)
        items = [item_key(v) for v in value]
        return answer_form(items if exercise.data.get("ordered") else sorted(set(items)))

    def accepted_forms(self, exercise) -> list[str]:
        if exercise.data["expects"] == "number":
            return number_accepted_forms(exercise)
        return super().accepted_forms(exercise)

    def practice_layout(self, exercise) -> tuple[dict, int]:
        if exercise.data["expects"] == "number":
            return {"rounding": rounding_of(exercise)}, NUMBER_SLOTS
        return {}, 1

    def public_feedback(self, exercise, answer: Any) -> list[str]:
        value = coerce_code(exercise, answer)
        if exercise.data["expects"] == "number":
            return range_messages(exercise, value)
        length = exercise.data.get("length")
        if exercise.data["expects"] == "list" and length and length != len(value):
            return [f"{exercise.data['variable']}: it has {len(value)} items, "
                    f"the answer has {length}."]
        return []
