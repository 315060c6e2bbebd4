"""``single_choice``: one right choice among several; radio buttons.

>>> from medialit.exercises.spec import parse_exercises
>>> ex = parse_exercises({"exercise": [{"id": "q0.1", "kind": "single_choice", "prompt": "2+2?",
...     "points": 1, "hint": "Count.", "choices": ["3", "4"], "answer": "4"}]}, "demo.toml").exercises[0]
>>> SingleChoice().check(ex, "4").status
'correct'
"""
from __future__ import annotations

from typing import Any

from medialit.exercises.choiceids import option_ids
from medialit.exercises.keys import digest, normalise, seal
from medialit.exercises.kinds.base import (Compiled, Fail, Input, Kind, Verdict, feedback, find_option,
                                           messages, pick_option, string_list)


class SingleChoice(Kind):
    """Pick the one right choice; feedback is keyed to wrong choices."""

    name = "single_choice"
    source_fields = frozenset({"choices", "choice_ids", "answer"})
    release_fields = frozenset({"choices", "choice_ids"})
    answer_example = '"choice text" or its number'

    def compile(self, table: dict, ex_id: str, salt: str, fail: Fail) -> Compiled:
        choices = string_list(table, "choices", fail, minimum=2)
        answer = table.get("answer")
        if not isinstance(answer, str) or find_option(answer, choices) is None:
            raise fail(f"field 'answer' names choice {answer!r}, which is not among the choices")
        right = normalise(answer)
        sealed = {}
        for choice, message in messages(table.get("feedback"), "feedback", fail).items():
            if find_option(choice, choices) is None:
                raise fail(f"field 'feedback' has a message for {choice!r}, which is not among the choices")
            if normalise(choice) == right:
                raise fail(f"field 'feedback' has a message for {choice!r}, the right answer; use 'explanation'")
            token = "choice:" + normalise(choice)
            sealed[digest(salt, ex_id, token)] = seal(message, salt, ex_id, token)
        return Compiled({"choices": choices, "choice_ids": option_ids(table, self.name, len(choices), fail)}, [digest(salt, ex_id, "choice:" + right)], sealed,
                        ["explain:choice:" + right])

    def read_release(self, table: dict, key: dict, fail: Fail) -> dict:
        data = super().read_release(table, key, fail)
        data["choice_ids"] = option_ids(table, self.name, len(data.get("choices") or []), fail)
        return data

    def options(self, exercise) -> list[str]:
        return list(exercise.data.get("choices") or [])

    def coerce(self, exercise, raw: Any) -> str:
        return pick_option(raw, self.options(exercise), "choices")

    def check(self, exercise, answer: Any) -> Verdict:
        choice = pick_option(answer, self.options(exercise), "choices")
        token = "choice:" + normalise(choice)
        if digest(exercise.salt, exercise.id, token) in exercise.key["correct"]:
            return Verdict("correct", f"Correct: {choice!r} is the right choice.", [], token)
        message = feedback(exercise, token)
        return Verdict("incorrect", f"Not yet: {choice!r} is not the answer.", [message] if message else [], None)

    def widget(self, exercise) -> Input:
        import ipywidgets as w

        radio = w.RadioButtons(options=self.options(exercise), value=None, description="Answer",
                               layout=w.Layout(width="auto"))

        def put(value: Any) -> None:
            radio.value = next((o for o in radio.options if normalise(o) == normalise(value)), None)

        return Input(radio, lambda: radio.value, put)

    def key_answer(self, exercise) -> Any:
        return exercise.source["answer"]

    def misconceptions(self, exercise) -> list[tuple[Any, str]]:
        return [(choice, message) for choice, message in exercise.source.get("feedback", {}).items()]
