"""``multiple_choice``: every right choice and no other; check boxes.

>>> from medialit.exercises.spec import parse_exercises
>>> ex = parse_exercises({"exercise": [{"id": "q0.2", "kind": "multiple_choice", "prompt": "Even?",
...     "points": 1, "hint": "Halve.", "choices": ["1", "2", "4"], "answer": ["2", "4"]}]},
...     "demo.toml").exercises[0]
>>> MultipleChoice().check(ex, ["2"]).message
'Not yet: 1 of 2 right choices picked.'
"""
from __future__ import annotations

from typing import Any

from medialit.exercises.choiceids import option_ids
from medialit.exercises.keys import digest, normalise, seal
from medialit.exercises.kinds.base import (Compiled, Fail, Input, Kind, Verdict, as_list, checkbox_input,
                                           feedback, find_option, messages, pick_option, string_list)


class MultipleChoice(Kind):
    """Pick all the right choices; feedback shows for a choice answered wrongly either way."""

    name = "multiple_choice"
    source_fields = frozenset({"choices", "choice_ids", "answer"})
    release_fields = frozenset({"choices", "choice_ids"})
    answer_example = "[1, 3] or a list of texts"

    def compile(self, table: dict, ex_id: str, salt: str, fail: Fail) -> Compiled:
        choices = string_list(table, "choices", fail, minimum=2)
        answer = table.get("answer")
        if not isinstance(answer, list) or not answer:
            raise fail("field 'answer' must be a list of one or more of the choices")
        for a in answer:
            if not isinstance(a, str) or find_option(a, choices) is None:
                raise fail(f"field 'answer' names choice {a!r}, which is not among the choices")
        right = sorted({normalise(a) for a in answer})
        sealed = {}
        for choice, message in messages(table.get("feedback"), "feedback", fail).items():
            if find_option(choice, choices) is None:
                raise fail(f"field 'feedback' has a message for {choice!r}, which is not among the choices")
            token = "fb:" + normalise(choice)
            sealed[digest(salt, ex_id, token)] = seal(message, salt, ex_id, token)
        correct = sorted(digest(salt, ex_id, "pick:" + r) for r in right)
        return Compiled({"choices": choices, "choice_ids": option_ids(table, self.name, len(choices), fail)}, correct, sealed, ["explain:set:" + "|".join(right)])

    def read_release(self, table: dict, key: dict, fail: Fail) -> dict:
        data = super().read_release(table, key, fail)
        data["choice_ids"] = option_ids(table, self.name, len(data.get("choices") or []), fail)
        return data

    def options(self, exercise) -> list[str]:
        return list(exercise.data.get("choices") or [])

    def coerce(self, exercise, raw: Any) -> list[str]:
        options = self.options(exercise)
        picked = {pick_option(v, options, "choices") for v in as_list(raw)}
        return [o for o in options if o in picked]

    def is_empty(self, answer: Any) -> bool:
        return False  # "none of them" is an answer

    def check(self, exercise, answer: Any) -> Verdict:
        options = self.options(exercise)
        picked = {normalise(pick_option(a, options, "choices")) for a in as_list(answer)}
        right = {normalise(o) for o in options
                 if digest(exercise.salt, exercise.id, "pick:" + normalise(o)) in exercise.key["correct"]}
        extra, missed = picked - right, right - picked
        details = []
        for option in options:
            if normalise(option) in extra | missed:
                message = feedback(exercise, "fb:" + normalise(option))
                if message:
                    details.append(message)
        if not extra and not missed:
            return Verdict("correct", f"Correct: all {len(right)} right choices picked, none extra.", [],
                           "set:" + "|".join(sorted(right)))
        parts = [f"{len(picked & right)} of {len(right)} right choices picked"]
        if extra:
            parts.append(f"{len(extra)} picked choice{'s are' if len(extra) > 1 else ' is'} not right")
        return Verdict("incorrect", "Not yet: " + "; ".join(parts) + ".", details, None)

    def widget(self, exercise) -> Input:
        return checkbox_input(self.options(exercise), numbered=False)

    def key_answer(self, exercise) -> Any:
        return exercise.source["answer"]

    def misconceptions(self, exercise) -> list[tuple[Any, str]]:
        key = list(exercise.source["answer"])
        out: list[tuple[Any, str]] = []
        for option, message in exercise.source.get("feedback", {}).items():
            inside = next((k for k in key if normalise(k) == normalise(option)), None)
            wrong = [k for k in key if k is not inside] if inside is not None else key + [option]
            out.append((wrong, message))
        return out
