"""The ``code`` kind: the student writes code that sets a named variable; the check reads it.

The key is a number (with a tolerance and ``ranges`` feedback, hashed like the ``number``
kind), a text (compared after normalising) or a list (compared as a set, or in order with
``ordered = true``). In a notebook, ``ex.check("q5.3")`` reads ``answer_q5_3`` from the
kernel's namespace (IPython's user namespace, else ``__main__``); ``ex.answer`` works too.
``medialit grade`` runs the notebook to get the value (see ``coderun.py``).

>>> from medialit.exercises.spec import parse_exercises
>>> ex = parse_exercises({"exercise": [{"id": "q5.3", "kind": "code", "prompt": "How many?",
...     "points": 1, "hint": "Use len().", "answer": 3}]}, "demo.toml").exercises[0]
>>> ex.data["variable"], check_code(ex, 3.0)[0]
('answer_q5_3', 'correct')
"""
from __future__ import annotations

import keyword
import math
import numbers
import re
import sys
from typing import Any, Callable, Mapping

from medialit.errors import AnswerError
from medialit.exercises.keys import digest, normalise, number_tokens, parse_number, seal, unseal

Fail = Callable[[str], Exception]
MISSING = object()
_PLAIN_NUMBER = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$")


def default_variable(exercise_id: str) -> str:
    """``q5.3`` -> ``answer_q5_3``."""
    return "answer_" + re.sub(r"\W", "_", exercise_id.strip())


def item_key(value: Any) -> str:
    """One list item or text answer, normalised: ``3``, ``3.0`` and ``"3"`` agree; case and spacing do not matter."""
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


# --- compiling a source table ----------------------------------------------------------------

def compile_code(table: dict, ex_id: str, salt: str, fail: Fail):
    """(display data, correct digests, feedback, explanation tokens) of a source ``code`` table."""
    variable = table.get("variable", default_variable(ex_id))
    if not isinstance(variable, str) or not variable.isidentifier() or keyword.iskeyword(variable):
        raise fail(f"field 'variable' must be a Python name like \"answer_q5_3\", not {variable!r}")
    answer = table.get("answer")
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        if "ordered" in table:
            raise fail("field 'ordered' only applies to a list answer")
        from medialit.exercises.compiling import _number
        data, correct, feedback, explain = _number(table, ex_id, salt, fail)
        data.update(variable=variable, expects="number")
        return data, correct, feedback, explain
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
        data = {"variable": variable, "expects": "text"}
        return data, [digest(salt, ex_id, "text:" + right)], _sealed(tokens, ex_id, salt), ["explain:text:" + right]
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
        data = {"variable": variable, "expects": "list", "ordered": ordered}
        correct = [digest(salt, ex_id, "seq:" + "|".join(items))] if ordered else \
            sorted(digest(salt, ex_id, "item:" + i) for i in items)
        if ordered:
            data["length"] = len(items)
        explain = "seq:" + "|".join(items) if ordered else "set:" + "|".join(sorted(items))
        return data, correct, _sealed(tokens, ex_id, salt), ["explain:" + explain]
    raise fail("field 'answer' must be a number, a non-empty text or a non-empty list")


def _sealed(tokens: dict[str, str], ex_id: str, salt: str) -> dict[str, str]:
    return {digest(salt, ex_id, t): seal(m, salt, ex_id, t) for t, m in tokens.items()}


# --- reading and checking a value -------------------------------------------------------------

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


def check_code(exercise, answer: Any) -> tuple[str, str, list[str], str | None]:
    """(status, message, details, explanation token) for a stored value."""
    variable, expects = exercise.data["variable"], exercise.data["expects"]
    salt, ex_id, key = exercise.salt, exercise.id, exercise.key
    value = coerce_code(exercise, answer)
    if expects == "number":
        unit = exercise.data.get("unit")
        shown = f"{value:g}" + (f" {unit}" if unit else "")
        for token in number_tokens(value, key["grid"]):
            if digest(salt, ex_id, token) in key["correct"]:
                return "correct", f"Correct: {variable} = {shown}, within the accepted range.", [], token
        details = [r["message"] for r in exercise.data.get("ranges", [])
                   if r.get("min", float("-inf")) <= value <= r.get("max", float("inf"))]
        return "incorrect", f"Not yet: {variable} = {shown}, outside the accepted range.", details, None
    if expects == "text":
        token = "text:" + item_key(value)
        if digest(salt, ex_id, token) in key["correct"]:
            return "correct", f"Correct: {variable} = {_describe(value)} is the right value.", [], token
        message = _feedback(exercise, token)
        return "incorrect", f"Not yet: {variable} = {_describe(value)} is not the right value.", \
            [message] if message else [], None
    items = [item_key(v) for v in value]
    details = [m for m in (_feedback(exercise, "extra:" + i) for i in dict.fromkeys(items)) if m]
    if exercise.data.get("ordered"):
        seq = "seq:" + "|".join(items)
        if digest(salt, ex_id, seq) in key["correct"]:
            return "correct", f"Correct: {variable} holds the {len(items)} right items in the right order.", [], seq
        length = exercise.data.get("length")
        size = f"; it has {len(items)} items, the answer has {length}" if length and length != len(items) else ""
        return "incorrect", f"Not yet: {variable} is not the right list, in order{size}.", details, None
    right = {i for i in set(items) if digest(salt, ex_id, "item:" + i) in key["correct"]}
    extra = set(items) - right
    if not extra and len(right) == len(key["correct"]):
        return "correct", f"Correct: {variable} holds all {len(right)} right items, none extra.", [], \
            "set:" + "|".join(sorted(right))
    parts = [f"{len(right)} of {len(key['correct'])} right items in {variable}"]
    if extra:
        parts.append(f"{len(extra)} item{'s are' if len(extra) > 1 else ' is'} not right")
    return "incorrect", "Not yet: " + "; ".join(parts) + ".", details, None


def _feedback(exercise, token: str) -> str | None:
    sealed = exercise.key.get("feedback", {}).get(digest(exercise.salt, exercise.id, token))
    return unseal(sealed, exercise.salt, exercise.id, token) if sealed else None


# --- the notebook's namespace ------------------------------------------------------------------

def user_namespace() -> Mapping[str, Any]:
    """IPython's user namespace when running in a kernel, else the ``__main__`` module's globals."""
    ipython_module = sys.modules.get("IPython")
    if ipython_module is not None:
        shell = ipython_module.get_ipython()
        if shell is not None:
            return shell.user_ns
    main = sys.modules.get("__main__")
    return vars(main) if main is not None else {}


def read_variable(exercise, namespace: Mapping[str, Any] | None = None) -> Any:
    """The value the student's code gave the exercise's variable, or :data:`MISSING`.

    ``None`` and ``...`` (placeholders in a scaffold cell) count as not answered yet.
    """
    ns = user_namespace() if namespace is None else namespace
    value = ns.get(exercise.data["variable"], MISSING)
    return MISSING if value is None or value is Ellipsis else value
