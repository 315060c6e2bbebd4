"""What ``label_items`` and ``match_pairs`` share: one answer per item, chosen from a list.

The stored answer is a list with one option (or None) per item, in item order; token
``item:<i>:<option>`` per item. Each of the two kinds subclasses :class:`LabelledKind`.
"""
from __future__ import annotations

import html
from typing import Any

from medialit.errors import AnswerError
from medialit.exercises.keys import digest, normalise, seal
from medialit.exercises.kinds.base import Fail, Input, Kind, Verdict, as_list, feedback, find_option, \
    pick_item, pick_option

CHOOSE = "— choose —"


def labelled_key(items: list[tuple[str, str, dict]], options: list[str], ex_id: str, salt: str, fail: Fail,
                 what: str) -> tuple[list[str], dict[str, str], list[str]]:
    """(correct digests, sealed feedback, explanation tokens) for (text, answer, messages) items."""
    correct, sealed, rights = [], {}, []
    for i, (text, answer, item_messages) in enumerate(items):
        right = normalise(answer)
        rights.append(right)
        correct.append(digest(salt, ex_id, f"item:{i}:{right}"))
        for option, message in item_messages.items():
            if find_option(option, options) is None:
                raise fail(f"field 'feedback' of {what} {text[:40]!r} names {option!r}, which is not an option")
            if normalise(option) == right:
                raise fail(f"field 'feedback' of {what} {text[:40]!r} has a message for the right answer {option!r}")
            token = f"item:{i}:{normalise(option)}"
            sealed[digest(salt, ex_id, token)] = seal(message, salt, ex_id, token)
    return correct, sealed, ["explain:labels:" + "|".join(rights)]


def item_tables(table: dict, name: str, fields: tuple[str, str], fail: Fail) -> list[dict]:
    """Field ``name`` as a list of tables, each with non-empty ``fields`` (and maybe ``feedback``)."""
    value = table.get(name)
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        raise fail(f"field '{name}' must be a list of tables ([[exercise.{name}]])")
    for number, entry in enumerate(value, start=1):
        unknown = set(entry) - {*fields, "feedback"}
        if unknown:
            raise fail(f"field '{name}' #{number} has unknown field(s) {', '.join(sorted(unknown))}")
        for f in fields:
            if not isinstance(entry.get(f), str) or not entry[f].strip():
                raise fail(f"field '{name}' #{number} needs a non-empty '{f}'")
    return value


class LabelledKind(Kind):
    """An answer per item; subclasses say what the items, options and entries are called."""

    what: str = "labels"          # the options, in answer errors
    noun: str = "items labelled"  # in the check message
    entries: str = "items"        # the source field of item tables

    def coerce(self, exercise, raw: Any) -> list[str | None]:
        items, options = self.items(exercise), self.options(exercise)
        labels: list[str | None] = [None] * len(items)
        if isinstance(raw, dict):
            for k, v in raw.items():
                labels[pick_item(k, items, "item")] = None if v is None else pick_option(v, options, self.what)
        else:
            values = as_list(raw)
            if len(values) != len(items):
                raise AnswerError(f"give {len(items)} answers in item order (or a dict {{item: answer}}), "
                                  f"not {len(values)}")
            labels = [None if v is None else pick_option(v, options, self.what) for v in values]
        return labels

    def is_empty(self, answer: Any) -> bool:
        return isinstance(answer, list) and all(a is None for a in answer)

    def check(self, exercise, answer: Any) -> Verdict:
        items, options = self.items(exercise), self.options(exercise)
        if not isinstance(answer, list) or len(answer) != len(items):
            raise AnswerError(f"the saved answer is not a list of {len(items)} {self.what} in item order")
        right, details, blank = 0, [], 0
        for i, (item, label) in enumerate(zip(items, answer)):
            if label is None:
                blank += 1
                continue
            token = f"item:{i}:{normalise(pick_option(label, options, 'options'))}"
            if digest(exercise.salt, exercise.id, token) == exercise.key["correct"][i]:
                right += 1
                continue
            message = feedback(exercise, token)
            short = item if len(item) <= 60 else item[:57] + "..."
            details.append(message or f"Item {i + 1} ({short!r}): {label!r} is not right.")
        if right == len(items):
            return Verdict("correct", f"Correct: all {len(items)} {self.noun} right.", [],
                           "labels:" + "|".join(normalise(a) for a in answer))
        parts = [f"{right} of {len(items)} {self.noun} right"]
        if blank:
            parts.append(f"{blank} still without an answer")
        return Verdict("incorrect", "Not yet: " + "; ".join(parts) + ".", details, None)

    def widget(self, exercise) -> Input:
        import ipywidgets as w

        options = [(CHOOSE, "")] + [(o, o) for o in self.options(exercise)]
        rows, drops = [], []
        for i, item in enumerate(self.items(exercise), start=1):
            drop = w.Dropdown(options=options, value="", description=f"Item {i}")
            drops.append(drop)
            rows.append(w.VBox([w.HTML(f"<p>{i}. {html.escape(item)}</p>"), drop]))

        def put(value: Any) -> None:
            for drop, label in zip(drops, value or []):
                drop.value = next((o for _, o in options if o and normalise(o) == normalise(label)), "")

        return Input(w.VBox(rows), lambda: [d.value or None for d in drops], put)

    def misconceptions(self, exercise) -> list[tuple[Any, str]]:
        right = self.key_answer(exercise)
        out: list[tuple[Any, str]] = []
        for i, entry in enumerate(exercise.source[self.entries]):
            for label, message in entry.get("feedback", {}).items():
                wrong = list(right)
                wrong[i] = label
                out.append((wrong, message))
        return out
