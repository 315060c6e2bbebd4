"""``match_pairs``: match each left-hand item with a right-hand one (plus distractors).

>>> from medialit.exercises.spec import parse_exercises
>>> ex = parse_exercises({"exercise": [{"id": "q0.5", "kind": "match_pairs", "prompt": "Match.",
...     "points": 1, "hint": "Look.", "pairs": [{"left": "AP", "right": "agency"},
...     {"left": "BBC", "right": "broadcaster"}]}]}, "demo.toml").exercises[0]
>>> MatchPairs().options(ex)
['agency', 'broadcaster']
"""
from __future__ import annotations

from typing import Any

from medialit.exercises.keys import normalise
from medialit.exercises.kinds.base import Compiled, Fail, find_option, messages
from medialit.exercises.kinds.labelled import LabelledKind, item_tables, labelled_key


class MatchPairs(LabelledKind):
    """Match every pair; the right-hand items are shown sorted, with the distractors."""

    name = "match_pairs"
    source_fields = frozenset({"pairs", "distractors"})
    release_fields = frozenset({"lefts", "rights"})
    answer_example = "{left: right} or a list in order"
    what, noun, entries = "right-hand items", "pairs matched", "pairs"

    def compile(self, table: dict, ex_id: str, salt: str, fail: Fail) -> Compiled:
        entries = item_tables(table, "pairs", ("left", "right"), fail)
        distractors = table.get("distractors", [])
        if not isinstance(distractors, list) or not all(isinstance(d, str) and d.strip() for d in distractors):
            raise fail("field 'distractors' must be a list of strings")
        lefts = [e["left"].strip() for e in entries]
        if len({normalise(x) for x in lefts}) < len(lefts):
            raise fail("field 'pairs' has the same 'left' twice")
        rights: list[str] = []
        for r in [e["right"].strip() for e in entries] + [d.strip() for d in distractors]:
            if find_option(r, rights) is None:
                rights.append(r)
        rights.sort(key=normalise)
        if len(rights) < 2:
            raise fail("field 'pairs' needs at least two different right-hand items (or add 'distractors')")
        items = [(e["left"].strip(), e["right"], messages(e.get("feedback"), "feedback", fail)) for e in entries]
        correct, sealed, explanations = labelled_key(items, rights, ex_id, salt, fail, "pair")
        return Compiled({"lefts": lefts, "rights": rights}, correct, sealed, explanations)

    def items(self, exercise) -> list[str]:
        return list(exercise.data["lefts"])

    def options(self, exercise) -> list[str]:
        return list(exercise.data.get("rights") or [])

    def key_answer(self, exercise) -> Any:
        return [pair["right"] for pair in exercise.source["pairs"]]
