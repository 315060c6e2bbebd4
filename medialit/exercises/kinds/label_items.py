"""``label_items``: give each item one of the labels; a drop-down per item.

>>> from medialit.exercises.spec import parse_exercises
>>> ex = parse_exercises({"exercise": [{"id": "q0.4", "kind": "label_items", "prompt": "Label.",
...     "points": 1, "hint": "Look.", "labels": ["fact", "opinion"],
...     "items": [{"text": "It rained.", "answer": "fact"}, {"text": "Rain is sad.", "answer": "opinion"}]}]},
...     "demo.toml").exercises[0]
>>> LabelItems().check(ex, ["fact", "fact"]).message
'Not yet: 1 of 2 items labelled right.'
"""
from __future__ import annotations

from typing import Any

from medialit.exercises.choiceids import option_ids
from medialit.exercises.kinds.base import Compiled, Fail, find_option, messages, string_list
from medialit.exercises.kinds.labelled import LabelledKind, item_tables, labelled_key


class LabelItems(LabelledKind):
    """Label every item; feedback is keyed to a wrong label of one item."""

    name = "label_items"
    source_fields = frozenset({"labels", "label_ids", "items"})
    release_fields = frozenset({"labels", "label_ids", "items"})
    answer_example = "a list of labels in item order"
    what, noun, entries = "labels", "items labelled", "items"

    def compile(self, table: dict, ex_id: str, salt: str, fail: Fail) -> Compiled:
        labels = string_list(table, "labels", fail, minimum=2)
        items = []
        for entry in item_tables(table, "items", ("text", "answer"), fail):
            if find_option(entry["answer"], labels) is None:
                raise fail(f"field 'answer' of item {entry['text'][:40]!r} names label {entry['answer']!r}, "
                           "which is not among the labels")
            items.append((entry["text"].strip(), entry["answer"], messages(entry.get("feedback"), "feedback", fail)))
        correct, sealed, explanations = labelled_key(items, labels, ex_id, salt, fail, "item")
        return Compiled({"labels": labels, "label_ids": option_ids(table, self.name, len(labels), fail),
                         "items": [t for t, _, _ in items]}, correct, sealed, explanations)

    def read_release(self, table: dict, key: dict, fail: Fail) -> dict:
        data = super().read_release(table, key, fail)
        data["label_ids"] = option_ids(table, self.name, len(data.get("labels") or []), fail)
        return data

    def items(self, exercise) -> list[str]:
        return list(exercise.data["items"])

    def options(self, exercise) -> list[str]:
        return list(exercise.data.get("labels") or [])

    def key_answer(self, exercise) -> Any:
        return [item["answer"] for item in exercise.source["items"]]
