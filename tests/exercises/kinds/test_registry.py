"""The kind registry (medialit/exercises/kinds/): every kind implements every step, and a new
kind written in one place (here, a toy kind registered by the test) is validated, compiled,
checked, shown, released and graded by the generic code without touching any other file."""
from __future__ import annotations

import inspect
import subprocess
import sys
from typing import Any

import pytest

from medialit.exercises import Exercises, ExerciseFileError, load_exercise_file
from medialit.exercises.authoring import key_answer, verify
from medialit.exercises.checking import AnswerError, check, coerce
from medialit.exercises.compiling import release_table
from medialit.exercises.keys import digest, normalise
from medialit.exercises.kinds import KINDS, STEPS, Compiled, Fail, Input, Kind, Verdict
from medialit.exercises.kinds.base import feedback, sealed_messages
from medialit.exercises.spec import parse_exercises
from medialit.exercises.store import AnswerStore
from medialit.exercises.text_view import plain_text
from medialit.exercises.tomlwrite import dumps_exercise_file
from medialit.rules import tomllib

from helpers import ROOT
ALL_KINDS = ROOT / "tests/fixtures/class_exercises/all_kinds.toml"
CODE = ROOT / "tests/fixtures/class_code/exercises/09_code_practice.toml"
DOCUMENTED = ("single_choice", "multiple_choice", "pick_sentences", "label_items", "number", "match_pairs",
              "free_text", "code")


def test_the_registry_holds_the_documented_kinds_in_order():
    assert tuple(KINDS) == DOCUMENTED
    text = (ROOT / "docs/exercise-format.md").read_text(encoding="utf-8")
    assert all(f"### `{name}`" in text for name in KINDS)


@pytest.mark.parametrize("name", DOCUMENTED)
def test_every_kind_implements_every_step_in_its_own_module(name):
    kind = KINDS[name]
    assert isinstance(kind, Kind) and kind.name == name
    assert not inspect.isabstract(type(kind))
    assert type(kind).__module__ == f"medialit.exercises.kinds.{name}"
    for step in STEPS:
        assert callable(getattr(kind, step)), step
    abstract = {n for n, v in vars(Kind).items() if getattr(v, "__isabstractmethod__", False)}
    assert abstract <= set(STEPS)
    for step in abstract:       # written by the kind (or a shared base of kinds), not inherited from Kind
        assert getattr(type(kind), step) is not getattr(Kind, step), step
    assert isinstance(kind.source_fields, frozenset) and isinstance(kind.release_fields, frozenset)
    assert isinstance(kind.answer_example, str) and isinstance(kind.graded, bool)


@pytest.mark.parametrize("name", DOCUMENTED)
def test_every_step_of_every_kind_runs_on_a_real_exercise(name):
    exercises = [e for path in (ALL_KINDS, CODE) for e in load_exercise_file(path).exercises if e.kind == name]
    assert exercises
    for exercise in exercises:
        _run_every_step(KINDS[name], exercise)


def _run_every_step(kind: Kind, exercise) -> None:
    answer = kind.coerce(exercise, kind.key_answer(exercise))
    assert not kind.is_empty(answer)
    verdict = kind.check(exercise, answer)
    assert verdict.status == ("saved" if not kind.graded else "correct")
    assert kind.answer_in_code(exercise) in plain_text(exercise)
    for wrong, message in kind.misconceptions(exercise):
        assert message.strip() in kind.check(exercise, kind.coerce(exercise, wrong)).details
    pytest.importorskip("ipywidgets")
    made = kind.widget(exercise)
    assert isinstance(made, Input)
    made.put(answer)


def test_checking_and_grading_do_not_import_ipywidgets():
    code = ("import sys\n"
            "from medialit.exercises import load_exercise_file\n"
            "from medialit.exercises.authoring import verify\n"
            "import medialit.exercises.grade, medialit.exercises.release\n"
            f"assert verify(load_exercise_file({str(ALL_KINDS)!r})) == []\n"
            "assert 'ipywidgets' not in sys.modules, 'ipywidgets imported'\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


# --- a toy kind, written here and registered by the test only ------------------------------------

class YesNo(Kind):
    """Answer yes or no; feedback for the wrong one."""

    name = "yes_no"
    source_fields = frozenset({"answer"})
    release_fields = frozenset()
    answer_example = '"yes" or "no"'

    def compile(self, table: dict, ex_id: str, salt: str, fail: Fail) -> Compiled:
        answer = table.get("answer")
        if not isinstance(answer, str) or normalise(answer) not in ("yes", "no"):
            raise fail(f"field 'answer' must be \"yes\" or \"no\", not {answer!r}")
        right = normalise(answer)
        wrong = "no" if right == "yes" else "yes"
        message = table.get("feedback", {}).get(wrong)
        sealed = sealed_messages({"yn:" + wrong: message}, ex_id, salt) if message else {}
        return Compiled({}, [digest(salt, ex_id, "yn:" + right)], sealed, ["explain:yn:" + right])

    def options(self, exercise) -> list[str]:
        return ["yes", "no"]

    def coerce(self, exercise, raw: Any) -> str:
        value = ("yes" if raw else "no") if isinstance(raw, bool) else normalise(raw)
        value = {"y": "yes", "n": "no"}.get(value, value)
        if value not in ("yes", "no"):
            raise AnswerError(f"answer yes or no, not {raw!r}")
        return value

    def check(self, exercise, answer: Any) -> Verdict:
        answer = self.coerce(exercise, answer)     # a damaged saved answer raises: "invalid"
        token = "yn:" + answer
        if digest(exercise.salt, exercise.id, token) in exercise.key["correct"]:
            return Verdict("correct", f"Correct: {answer}.", [], token)
        message = feedback(exercise, token)
        return Verdict("incorrect", f"Not yet: not {answer}.", [message] if message else [], None)

    def widget(self, exercise) -> Input:
        import ipywidgets as w

        toggle = w.ToggleButtons(options=["yes", "no"], value=None)

        def put(value: Any) -> None:
            toggle.value = value

        return Input(toggle, lambda: toggle.value, put)

    def key_answer(self, exercise) -> Any:
        return exercise.source["answer"]

    def misconceptions(self, exercise) -> list[tuple[Any, str]]:
        return [(wrong, message) for wrong, message in exercise.source.get("feedback", {}).items()]


TOY = {"title": "Toy", "exercise": [
    {"id": "q9.1", "kind": "yes_no", "prompt": "Is a press release independent coverage?", "points": 2,
     "hint": "Who wrote it?", "answer": "no", "feedback": {"yes": "The company wrote it about itself."},
     "explanation": "It is the company speaking.", "instructor_note": "Pairs with notebook 03."}]}


@pytest.fixture
def toy(monkeypatch):
    monkeypatch.setitem(KINDS, "yes_no", YesNo())
    return parse_exercises(TOY, "toy.toml")


def test_a_registered_kind_is_validated_by_the_generic_loader(toy):
    assert toy["q9.1"].kind == "yes_no" and toy["q9.1"].graded and toy["q9.1"].options() == ["yes", "no"]
    for change, message in [({"answer": "maybe"}, "field 'answer' must be \"yes\" or \"no\""),
                            ({"choices": ["a"]}, "unknown field(s) 'choices' for kind yes_no"),
                            ({"points": -1}, "field 'points' must be a number >= 0")]:
        table = {**TOY["exercise"][0], **change}
        with pytest.raises(ExerciseFileError, match="toy.toml: exercise q9.1: " + message.replace("(", r"\(")
                           .replace(")", r"\)")):
            parse_exercises({"exercise": [table]}, "toy.toml")


def test_an_unregistered_kind_is_refused_with_the_list_of_kinds():
    with pytest.raises(ExerciseFileError, match="field 'kind' is 'yes_no'; expected one of single_choice, "):
        parse_exercises(TOY, "toy.toml")


def test_a_registered_kind_is_checked_by_the_generic_checker(toy):
    exercise = toy["q9.1"]
    right = check(exercise, coerce(exercise, "N"))
    assert (right.status, right.score, right.explanation) == ("correct", 2.0, "It is the company speaking.")
    wrong = check(exercise, coerce(exercise, True))
    assert (wrong.status, wrong.score, wrong.hint) == ("incorrect", 0.0, "Who wrote it?")
    assert wrong.details == ("The company wrote it about itself.",)
    assert check(exercise, None).status == "unanswered"
    assert check(exercise, "perhaps").status == "invalid"
    with pytest.raises(AnswerError, match="answer yes or no"):
        coerce(exercise, "perhaps")
    assert key_answer(exercise) == "no" and verify(toy) == []


def test_a_registered_kind_is_shown_as_text_and_as_a_widget(toy, tmp_path):
    text = plain_text(toy["q9.1"])
    assert text.startswith("Q9.1 (2 points): Is a press release") and "Options: 1. yes; 2. no" in text
    assert "ex.answer('q9.1', \"yes\" or \"no\")" in text
    ex = Exercises(toy, AnswerStore(tmp_path / "toy.answers.json", notebook="toy"))
    assert ex.answer("q9.1", "no").ok and ex.check("q9.1", strict=False).passed
    pytest.importorskip("ipywidgets")
    widget = ex.show("q9.1")
    assert widget.input.value == "no"
    widget.input.value = "yes"
    assert ex.store.get("q9.1") == "yes"
    widget.check_button.click()
    assert "The company wrote it about itself." in widget.feedback.value


def test_a_registered_kind_is_released_with_a_hashed_key_that_checks_the_same(toy):
    text = dumps_exercise_file("toy release", {"format": "medialit-exercises/1", "released": True,
                                               "salt": toy["q9.1"].salt, "title": "Toy"},
                               [release_table(e) for e in toy.exercises])
    assert "press release independent" in text and "wrote it about itself" not in text
    assert "Pairs with notebook" not in text and "answer =" not in text
    released = parse_exercises(tomllib.loads(text), "release.toml")
    assert released.released and verify(toy, against=released) == []
    for value in ("yes", "no"):
        a, b = check(toy["q9.1"], value), check(released["q9.1"], value)
        # the release checks the whole answer at once: same verdict, feedback and explanation;
        # its message does not say which part is wrong
        assert (a.status, a.score, a.details, a.explanation) == (b.status, b.score, b.details, b.explanation)
