"""``free_text``: a written answer, saved for the instructor and never autograded (0 points).

>>> from medialit.exercises.spec import parse_exercises
>>> ex = parse_exercises({"exercise": [{"id": "q0.7", "kind": "free_text", "prompt": "Why?",
...     "points": 0, "hint": "Think.", "min_words": 3}]}, "demo.toml").exercises[0]
>>> FreeText().check(ex, "Because.").message
'Saved, but short: 1 words; write at least 3.'
"""
from __future__ import annotations

from typing import Any

from medialit.exercises.kinds.base import Compiled, Fail, Input, Kind, Verdict, no_feedback_field


class FreeText(Kind):
    """A text area; the check only counts words against ``min_words``."""

    name = "free_text"
    source_fields = frozenset({"min_words"})
    release_fields = frozenset({"min_words"})
    answer_example = '"your text"'
    graded = False

    def validate(self, table: dict, fail: Fail) -> None:
        if table.get("points") != 0:
            raise fail("field 'points' must be 0: free text is saved for the instructor, not autograded")

    def compile(self, table: dict, ex_id: str, salt: str, fail: Fail) -> Compiled:
        no_feedback_field(table, fail, "free text is not checked, so there is no wrong answer to explain")
        data = {}
        if "min_words" in table:
            m = table["min_words"]
            if isinstance(m, bool) or not isinstance(m, int) or m < 0:
                raise fail("field 'min_words' must be a whole number >= 0")
            data["min_words"] = m
        return Compiled(data, [], {}, [])

    def coerce(self, exercise, raw: Any) -> str:
        return str(raw)

    def check(self, exercise, answer: Any) -> Verdict:
        count = len(str(answer).split())
        minimum = exercise.data.get("min_words", 0)
        if count < minimum:
            return Verdict("incorrect", f"Saved, but short: {count} words; write at least {minimum}.", [], None)
        return Verdict("saved", f"Saved (not autograded): {count} words. Your instructor will read it.", [], None)

    def widget(self, exercise) -> Input:
        import ipywidgets as w

        area = w.Textarea(value="", placeholder="Write your answer here", description="Your answer",
                          rows=5, layout=w.Layout(width="90%"))

        def put(value: Any) -> None:
            area.value = str(value)

        return Input(area, lambda: area.value, put)

    def key_answer(self, exercise) -> Any:
        words = max(1, exercise.source.get("min_words", 1))
        return " ".join(["word"] * words)
