"""Stable ids of the options an exercise offers, so that rewording an option after a release does
not lose the answers given to its old wording.

Which options have ids (the field that lists them in a source and a release file):

=================  ===============  ==========================================
kind               options          ids
=================  ===============  ==========================================
``single_choice``  ``choices``      ``choice_ids``
``multiple_choice`` ``choices``     ``choice_ids``
``label_items``    ``labels``       ``label_ids``
=================  ===============  ==========================================

An author may give the ids (``choice_ids = ["a", "b", "c"]``, one per option, in the same
order); otherwise they are derived from the options' places: ``c1``, ``c2``... for choices,
``l1``, ``l2``... for labels. Either way the ids are written into the release, and every saved
answer keeps, next to its text, the ids of the options it picked (``"ids"``) and the options
offered when it was saved (``"offered"``).

Reading a saved answer back (:func:`resolve`): an option whose saved text is still offered is
taken by its text; one whose text is gone is taken by its id (the option was reworded), unless
the option now under that id was offered already when the answer was saved (a derived id then
only names the place a removed option left); otherwise the option was removed, and the answer
is reported as not valid, never scored silently. Derived ids follow the options' places, so
rewording an option in place keeps its id; an author who rewords options *and* inserts, removes
or reorders them in the same change gives explicit ids (those of the first release were ``c1``,
``c2``... in its order).

>>> from medialit.exercises.spec import parse_exercises
>>> ex = parse_exercises({"exercise": [{"id": "q0.1", "kind": "single_choice", "prompt": "2+2?",
...     "points": 1, "hint": "Count.", "choices": ["three", "four"], "answer": "four"}]}, "demo.toml").exercises[0]
>>> resolve(ex, {"value": "4", "ids": "c2", "offered": ["3", "4"]})
('four', None)
"""
from __future__ import annotations

import re
from typing import Any

from medialit.exercises.keys import normalise

FIELDS = {"single_choice": ("choices", "choice_ids", "c"), "multiple_choice": ("choices", "choice_ids", "c"),
          "label_items": ("labels", "label_ids", "l")}
"""kind -> (options field, ids field, prefix of derived ids)."""

ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


def id_field(kind: str) -> str | None:
    """The field listing the option ids of a kind (None: the kind's options have no ids)."""
    return FIELDS[kind][1] if kind in FIELDS else None


def option_ids(table: dict, kind: str, count: int, fail) -> list[str]:
    """The ids of a table's ``count`` options: its ids field when given (checked), else derived."""
    _, field, prefix = FIELDS[kind]
    given = table.get(field)
    if given is None:
        return [f"{prefix}{n}" for n in range(1, count + 1)]
    if not isinstance(given, list) or len(given) != count or not all(isinstance(i, str) for i in given):
        raise fail(f"field '{field}' must list one id per option ({count} strings, in the options' order)")
    ids = [i.strip() for i in given]
    for i in ids:
        if not ID.match(i):
            raise fail(f"field '{field}' has id {i!r}; an id is 1-40 letters, digits, '_', '.' or '-'")
        if ids.count(i) > 1:
            raise fail(f"field '{field}' lists id {i!r} twice")
    return ids


def extras(exercise, value: Any) -> dict:
    """What to save next to a stored answer: the ids of the options it picked (same shape as the
    answer: one id, or a list with None where an item is unanswered) and the options offered then;
    ``{}`` for a kind without option ids."""
    if exercise.kind not in FIELDS:
        return {}
    options_field, field, _ = FIELDS[exercise.kind]
    options = list(exercise.data.get(options_field) or [])
    by_text = {normalise(o): i for o, i in zip(options, exercise.data.get(field) or [])}

    def one(text: Any) -> str | None:
        return by_text.get(normalise(text)) if isinstance(text, str) else None

    if exercise.kind == "single_choice":
        ids = one(value)
    else:
        ids = [one(v) for v in value] if isinstance(value, list) else None
    return {"ids": ids, "offered": options}


def resolve(exercise, entry: Any) -> tuple[Any, str | None]:
    """(the saved answer of ``entry`` in the exercise's current wording, a problem or None).

    ``entry`` is the saved ``{"value": ..., "ids": ..., "offered": [...]}`` (None: not answered).
    Without ``ids`` (a file saved before ids existed) the value is returned as it is. A saved
    option whose text is still offered is kept; else the option now under its id is taken, unless
    that option was offered already when the answer was saved (then the id only points at another
    option that took the removed one's place); else the option was removed: the problem says so."""
    value = entry.get("value") if isinstance(entry, dict) else None
    ids = entry.get("ids") if isinstance(entry, dict) else None
    if exercise.kind not in FIELDS or ids is None:
        return value, None
    offered = entry.get("offered")
    before = {normalise(o) for o in offered if isinstance(o, str)} if isinstance(offered, list) else set()
    options_field, field, _ = FIELDS[exercise.kind]
    options = list(exercise.data.get(options_field) or [])
    current = dict(zip(exercise.data.get(field) or [], options))
    texts = {normalise(o) for o in options}
    removed: list[str] = []

    def one(text: Any, saved_id: Any) -> Any:
        if not isinstance(text, str) or normalise(text) in texts or not isinstance(saved_id, str):
            return text
        if saved_id in current and normalise(current[saved_id]) not in before:
            return current[saved_id]                 # reworded since: the same option by its id
        removed.append(text)
        return text

    if exercise.kind == "single_choice":
        value = one(value, ids)
    elif isinstance(value, list) and isinstance(ids, list) and len(ids) == len(value):
        value = [one(v, i) for v, i in zip(value, ids)]
        picked = {normalise(v) for v in value if isinstance(v, str)}
        if exercise.kind == "multiple_choice" and not removed and len(picked) == len(value) <= len(options) \
                and picked <= texts:
            value = [o for o in options if normalise(o) in picked]    # in the current order, as saved ones are
    if not removed:
        return value, None
    what = "choice" if options_field == "choices" else "label"
    shown = ", ".join(repr(r[:60]) for r in dict.fromkeys(removed))
    many = len(dict.fromkeys(removed)) > 1
    return value, (f"the saved {what}{'s' if many else ''} {shown} {'are' if many else 'is'} no longer offered "
                   "(removed from the exercise after the answer was saved); answer again")
