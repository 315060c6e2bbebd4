"""Reading a student's answer forgivingly, and checking it against the hashed key.

``coerce(exercise, raw)`` turns what a student typed (or a widget holds) into the stored form;
``check(exercise, stored)`` returns a :class:`CheckResult` and never raises on a wrong or
missing answer.

>>> from medialit.exercises.spec import parse_exercises
>>> ex = parse_exercises({"exercise": [{"id": "q0.1", "kind": "single_choice", "prompt": "2+2?",
...     "points": 1, "hint": "Count.", "choices": ["3", "4"], "answer": "4"}]}, "demo.toml").exercises[0]
>>> check(ex, coerce(ex, " 4 ")).status
'correct'
"""
from __future__ import annotations

from typing import Any

from medialit.errors import AnswerError
from medialit.exercises.keys import digest, normalise, number_tokens, parse_number, unseal, word_key
from medialit.exercises.results import CheckResult


def _option(value: Any, options: list[str], what: str) -> str:
    if isinstance(value, bool):
        raise AnswerError(f"expected one of the {what}, not {value!r}")
    if isinstance(value, int) and 1 <= value <= len(options):
        return options[value - 1]
    wanted = normalise(value)
    for option in options:
        if normalise(option) == wanted:
            return option
    if wanted.isdigit() and 1 <= int(wanted) <= len(options):
        return options[int(wanted) - 1]
    listed = "; ".join(f"{i}. {o}" for i, o in enumerate(options, start=1))
    raise AnswerError(f"{value!r} is not one of the {what}: {listed}")


def _as_list(value: Any) -> list:
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    return [value]


def _item(value: Any, items: list[str], what: str) -> int:
    """An item by number (1 = first), by its text, or by a fragment found in exactly one item."""
    if isinstance(value, int) and not isinstance(value, bool):
        if 1 <= value <= len(items):
            return value - 1
        raise AnswerError(f"there is no {what} number {value} (they are numbered 1 to {len(items)})")
    wanted = normalise(value)
    exact = [i for i, t in enumerate(items) if normalise(t) == wanted]
    if exact:
        return exact[0]
    if wanted.isdigit():
        return _item(int(wanted), items, what)
    from medialit.exercises.compiling import fragment_hits
    words = word_key(str(value))
    hits = fragment_hits(words, items) if words else []
    if len(hits) == 1:
        return hits[0]
    problem = "is in no" if not hits else f"is in {len(hits)}"
    raise AnswerError(f"{str(value)[:60]!r} {problem} {what}s; give its number or more of its words")


def coerce(exercise, raw: Any) -> Any:
    """The stored form of an answer; raises :class:`AnswerError` with a helpful message."""
    kind = exercise.kind
    if raw is None:
        raise AnswerError("the answer is empty")
    if kind == "single_choice":
        return _option(raw, exercise.options(), "choices")
    if kind == "multiple_choice":
        options = exercise.options()
        picked = {_option(v, options, "choices") for v in _as_list(raw)}
        return [o for o in options if o in picked]
    if kind == "pick_sentences":
        items = exercise.items()
        picked = {_item(v, items, "sentence") for v in _as_list(raw)}
        return [items[i] for i in sorted(picked)]
    if kind in ("label_items", "match_pairs"):
        items, options = exercise.items(), exercise.options()
        what = "labels" if kind == "label_items" else "right-hand items"
        labels: list[str | None] = [None] * len(items)
        if isinstance(raw, dict):
            for k, v in raw.items():
                labels[_item(k, items, "item")] = None if v is None else _option(v, options, what)
        else:
            values = _as_list(raw)
            if len(values) != len(items):
                raise AnswerError(f"give {len(items)} answers in item order (or a dict {{item: answer}}), "
                                  f"not {len(values)}")
            labels = [None if v is None else _option(v, options, what) for v in values]
        return labels
    if kind == "number":
        try:
            return parse_number(raw)
        except ValueError as err:
            raise AnswerError(str(err)) from None
    if kind == "free_text":
        return str(raw)
    if kind == "code":
        from medialit.exercises.codekind import coerce_code
        return coerce_code(exercise, raw)  # raises AnswerError
    raise AnswerError(f"unknown kind {kind!r}")


def _feedback(exercise, token: str) -> str | None:
    sealed = exercise.key.get("feedback", {}).get(digest(exercise.salt, exercise.id, token))
    return unseal(sealed, exercise.salt, exercise.id, token) if sealed else None


def _explanation(exercise, token: str) -> str | None:
    token = "explain:" + token
    sealed = exercise.key.get("explanation", {}).get(digest(exercise.salt, exercise.id, token))
    return unseal(sealed, exercise.salt, exercise.id, token) if sealed else None


def _is_empty(kind: str, answer: Any) -> bool:
    if answer is None:
        return True
    if kind in ("label_items", "match_pairs"):
        return all(a is None for a in answer)
    if kind in ("multiple_choice", "pick_sentences"):
        return False  # "none of them" is an answer
    return isinstance(answer, str) and not answer.strip()


def check(exercise, answer: Any) -> CheckResult:
    """Check a stored answer (``None`` = not answered). Never raises on a wrong answer."""
    base = dict(exercise_id=exercise.id, kind=exercise.kind, points=exercise.points)
    if _is_empty(exercise.kind, answer):
        how = f"use the widget, or ex.answer({exercise.id!r}, ...)"
        return CheckResult(status="unanswered", score=0.0, message=f"Not answered yet: {how}.", **base)
    try:
        status, message, details, explain_token = _CHECKERS[exercise.kind](exercise, answer)
    except (AnswerError, TypeError, ValueError, KeyError, IndexError) as err:
        return CheckResult(status="invalid", score=0.0, hint=exercise.hint,
                           message=f"The saved answer could not be read ({err}); answer again.", **base)
    if status == "correct":
        explanation = _explanation(exercise, explain_token) if explain_token else None
        return CheckResult(status=status, score=exercise.points, message=message, details=tuple(details),
                           explanation=explanation, **base)
    if status == "saved":
        return CheckResult(status=status, score=0.0, message=message, details=tuple(details), **base)
    return CheckResult(status=status, score=0.0, message=message, details=tuple(details),
                       hint=exercise.hint, **base)


def _single_choice(exercise, answer):
    choice = _option(answer, exercise.options(), "choices")
    token = "choice:" + normalise(choice)
    if digest(exercise.salt, exercise.id, token) in exercise.key["correct"]:
        return "correct", f"Correct: {choice!r} is the right choice.", [], token
    message = _feedback(exercise, token)
    return "incorrect", f"Not yet: {choice!r} is not the answer.", [message] if message else [], None


def _multiple_choice(exercise, answer):
    options = exercise.options()
    picked = {normalise(_option(a, options, "choices")) for a in _as_list(answer)}
    right = {normalise(o) for o in options
             if digest(exercise.salt, exercise.id, "pick:" + normalise(o)) in exercise.key["correct"]}
    extra, missed = picked - right, right - picked
    details = []
    for option in options:
        if normalise(option) in extra | missed:
            message = _feedback(exercise, "fb:" + normalise(option))
            if message:
                details.append(message)
    if not extra and not missed:
        return "correct", f"Correct: all {len(right)} right choices picked, none extra.", [], \
            "set:" + "|".join(sorted(right))
    parts = [f"{len(picked & right)} of {len(right)} right choices picked"]
    if extra:
        parts.append(f"{len(extra)} picked choice{'s are' if len(extra) > 1 else ' is'} not right")
    return "incorrect", "Not yet: " + "; ".join(parts) + ".", details, None


def _windows(exercise, text: str, prefix: str, sizes: set[int]) -> dict[str, str]:
    """Hash -> fragment words, for every run of ``n`` words in ``text`` (n in ``sizes``)."""
    words = word_key(text)
    out = {}
    for n in sizes:
        for j in range(len(words) - n + 1):
            frag = " ".join(words[j:j + n])
            out[digest(exercise.salt, exercise.id, prefix + frag)] = frag
    return out


def _fragment_feedback(exercise, text: str) -> list[str]:
    entries = exercise.key.get("feedback") or []
    sizes = {int(n) for n, _, _ in entries}
    found = _windows(exercise, text, "fbfrag:", sizes)
    messages = []
    for n, h, sealed in entries:
        if h in found:
            message = unseal(sealed, exercise.salt, exercise.id, "fbfrag:" + found[h])
            if message:
                messages.append(message)
    return messages


def _pick_sentences(exercise, answer):
    target = exercise.data.get("target", "sentences to pick")
    correct = {h: int(n) for n, h in exercise.key["correct"]}
    sizes = set(correct.values())
    found: dict[str, str] = {}
    extras, details = [], []
    for text in _as_list(answer):
        hits = {h: f for h, f in _windows(exercise, text, "frag:", sizes).items() if h in correct}
        if hits:
            found.update(hits)
        else:
            extras.append(text)
            details += _fragment_feedback(exercise, text)
    missed = set(correct) - set(found)
    if missed:
        for item in exercise.items():
            if any(h in missed for h in _windows(exercise, item, "frag:", sizes)):
                details += _fragment_feedback(exercise, item)
    if not extras and not missed:
        return "correct", f"Correct: all {len(correct)} {target} picked, none extra.", [], \
            "frags:" + "|".join(sorted(found.values()))
    parts = [f"{len(found)} of {len(correct)} {target} picked"]
    if extras:
        parts.append(f"{len(extras)} picked sentence{'s are' if len(extras) > 1 else ' is'} not among them")
    return "incorrect", "Not yet: " + "; ".join(parts) + ".", details, None


def _labels(exercise, answer):
    items, options = exercise.items(), exercise.options()
    noun = "items labelled" if exercise.kind == "label_items" else "pairs matched"
    right, details, blank = 0, [], 0
    for i, (item, label) in enumerate(zip(items, answer)):
        if label is None:
            blank += 1
            continue
        token = f"item:{i}:{normalise(_option(label, options, 'options'))}"
        if digest(exercise.salt, exercise.id, token) == exercise.key["correct"][i]:
            right += 1
            continue
        message = _feedback(exercise, token)
        short = item if len(item) <= 60 else item[:57] + "..."
        details.append(message or f"Item {i + 1} ({short!r}): {label!r} is not right.")
    if right == len(items):
        return "correct", f"Correct: all {len(items)} {noun} right.", [], \
            "labels:" + "|".join(normalise(a) for a in answer)
    parts = [f"{right} of {len(items)} {noun} right"]
    if blank:
        parts.append(f"{blank} still without an answer")
    return "incorrect", "Not yet: " + "; ".join(parts) + ".", details, None


def _number(exercise, answer):
    value = parse_number(answer)
    unit = exercise.data.get("unit")
    shown = f"{value:g}" + (f" {unit}" if unit else "")
    for token in number_tokens(value, exercise.key["grid"]):
        if digest(exercise.salt, exercise.id, token) in exercise.key["correct"]:
            return "correct", f"Correct: {shown} is within the accepted range.", [], token
    details = [r["message"] for r in exercise.data.get("ranges", [])
               if r.get("min", float("-inf")) <= value <= r.get("max", float("inf"))]
    return "incorrect", f"Not yet: {shown} is outside the accepted range.", details, None


def _code(exercise, answer):
    from medialit.exercises.codekind import check_code
    return check_code(exercise, answer)


def _free_text(exercise, answer):
    count = len(str(answer).split())
    minimum = exercise.data.get("min_words", 0)
    if count < minimum:
        return "incorrect", f"Saved, but short: {count} words; write at least {minimum}.", [], None
    return "saved", f"Saved (not autograded): {count} words. Your instructor will read it.", [], None


_CHECKERS = {"single_choice": _single_choice, "multiple_choice": _multiple_choice,
             "pick_sentences": _pick_sentences, "label_items": _labels, "match_pairs": _labels,
             "number": _number, "free_text": _free_text, "code": _code}
