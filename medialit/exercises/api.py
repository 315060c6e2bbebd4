"""The student API: ``ex = exercises.load("00_start_here")``, then ``show``, ``answer``, ``check``.

>>> from medialit import exercises            # doctest: +SKIP
>>> ex = exercises.load("00_start_here")        # doctest: +SKIP
>>> ex.answer("q0.1", "Shift+Enter")            # doctest: +SKIP
>>> ex.check("q0.1")                            # doctest: +SKIP
"""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any, Mapping

from medialit.exercises.checking import AnswerError, check_saved, coerce
from medialit.exercises.choiceids import extras, resolve
from medialit.exercises.codekind import MISSING, read_variable
from medialit.exercises.kinds import KINDS
from medialit.exercises.results import CheckResult, Note, ResultTable
from medialit.exercises.spec import ExerciseSet, find_exercise_file, load_exercise_file
from medialit.exercises.store import AnswerStore, answers_path


COUNTED = ("correct", "incorrect", "saved")     # check statuses recorded as an attempt


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes")


def grading_mode() -> bool:
    """True under ``nbgrader autograde``/``validate`` or with ``MEDIALIT_GRADING=1``."""
    return _flag("MEDIALIT_GRADING") or os.environ.get("NBGRADER_EXECUTION") in ("autograde", "validate")


def answer_from_key_mode() -> bool:
    """True with ``MEDIALIT_ANSWER_FROM_KEY=1``: every exercise is pre-answered from its source key."""
    return _flag("MEDIALIT_ANSWER_FROM_KEY")


class _Unreadable:
    """A code exercise's variable holds something that cannot be the answer."""

    def __init__(self, message: str) -> None:
        self.message = message


class Exercises:
    """The exercises of one notebook with its saved answers."""

    def __init__(self, exercise_set: ExerciseSet, store: AnswerStore, *, from_key: bool = False) -> None:
        self.set = exercise_set
        self.store = store
        self.from_key = from_key        # answered from the source key (MEDIALIT_ANSWER_FROM_KEY)
        self._widgets: dict[str, Any] = {}

    @property
    def ids(self) -> list[str]:
        """The exercise ids, in order."""
        return self.set.ids

    def _find(self, exercise_id: str):
        return self.set[exercise_id]

    def show(self, exercise_id: str):
        """The widget for one exercise, with the saved answer (if any) put back in."""
        try:
            exercise = self._find(exercise_id)
        except KeyError as err:
            return Note(str(err), ok=False)
        try:
            from medialit.exercises.widgets import ExerciseWidget
        except ImportError:  # no ipywidgets: the text form with the code fallback
            from medialit.exercises.text_view import plain_text  # pragma: no cover
            return Note(plain_text(exercise))  # pragma: no cover
        saved, _ = resolve(exercise, self.store.entry(exercise.id))     # a reworded choice by its id
        widget = ExerciseWidget(exercise, saved,
                                on_change=lambda value: self._save(exercise, value, quiet=True),
                                on_check=lambda: self._counted(self.result(exercise.id)))
        self._widgets[exercise.id] = widget
        return widget

    def answer(self, exercise_id: str, value: Any) -> Note:
        """Answer in code (works without widgets); forgiving about case, spacing, numbers or texts."""
        try:
            exercise = self._find(exercise_id)
        except KeyError as err:
            return Note(f"Not saved: {err}", ok=False)
        note = self._save(exercise, value, quiet=False)
        widget = self._widgets.get(exercise.id)
        if widget is not None and exercise.id in self.store:
            widget.set_answer(self.store.get(exercise.id))
        return Note(note, ok=note.startswith("Saved"))

    def _save(self, exercise, value: Any, *, quiet: bool) -> str:
        if value is None or (isinstance(value, str) and not value.strip() and exercise.graded):
            self.store.clear(exercise.id)
            return "Answer cleared."
        try:
            stored = coerce(exercise, value)
        except AnswerError as err:
            return f"Not saved: {err}"
        self.store.set(exercise.id, stored, extras=extras(exercise, stored))
        if quiet:
            return f"✓ Saved {self.store.saved_at(exercise.id)[11:19]} UTC"
        return f"Saved {exercise.id}: {stored!r}. Check it with ex.check({exercise.id!r})."

    def _value(self, exercise, namespace: Mapping[str, Any] | None = None) -> Any:
        """The answer to check. For a ``code`` exercise, the value the student's code gave its
        variable when it is defined (saved at once), else the saved answer."""
        if KINDS[exercise.kind].reads_variable and not self.from_key:
            value = read_variable(exercise, namespace)
            if value is not MISSING:
                try:
                    stored = coerce(exercise, value)
                except AnswerError as err:
                    return _Unreadable(str(err))
                if exercise.id not in self.store or self.store.get(exercise.id) != stored:
                    self.store.set(exercise.id, stored)
                return stored
        return self.store.get(exercise.id)

    def _check(self, exercise, namespace: Mapping[str, Any] | None = None) -> CheckResult:
        widget = self._widgets.get(exercise.id)
        if widget is not None and widget.unsaved:
            # The box holds something else than the saved answer: never grade the saved one instead.
            return CheckResult(exercise.id, exercise.kind, "invalid", 0.0, exercise.points,
                               f"The answer in the box is not saved ({widget.unsaved.removeprefix('Not saved: ')}); "
                               "fix it, then check again. Nothing was graded.", hint=exercise.hint)
        value = self._value(exercise, namespace)
        if isinstance(value, _Unreadable):
            return CheckResult(exercise.id, exercise.kind, "invalid", 0.0, exercise.points,
                               f"Not readable: {value.message}. Fix the code that sets it and run it again.",
                               hint=exercise.hint)
        result = check_saved(exercise, {**(self.store.entry(exercise.id) or {}), "value": value})
        if result.status == "unanswered" and KINDS[exercise.kind].reads_variable:
            variable = exercise.data.get("variable", "the answer variable")
            result = dataclasses.replace(result, message=f"Not answered yet: set {variable} in a code cell and "
                                         f"run it, then check again (or ex.answer({exercise.id!r}, ...)).")
        return result

    def result(self, exercise_id: str, *, namespace: Mapping[str, Any] | None = None) -> CheckResult:
        """The check result of one exercise, without printing or raising.

        A ``code`` exercise reads its variable from ``namespace`` (default: the notebook's).
        """
        return self._check(self._find(exercise_id), namespace)

    def _counted(self, result: CheckResult) -> CheckResult:
        """Record a check as an attempt in the answers file (every Check button click and every
        ``ex.check`` outside grading mode), when it checked an answer: a check that graded
        nothing (no answer yet, or one that cannot be read) is not an attempt. A count that
        cannot be written (a read-only folder) never stops the check."""
        if result.status in COUNTED and not grading_mode():
            try:
                self.store.record_attempt(result.exercise_id)
            except OSError:
                pass
        return result

    def attempts(self, exercise_id: str) -> int:
        """How many checks of one exercise are recorded in the answers file."""
        entry = self.store.attempts(self._find(exercise_id).id)
        return entry["count"] if entry else 0

    def check(self, exercise_id: str, *, strict: bool | None = None,
              namespace: Mapping[str, Any] | None = None) -> CheckResult | Note | None:
        """Check one exercise and return the result (shows as feedback in a notebook).

        In grading mode (``strict=True``, nbgrader's autograder, or ``MEDIALIT_GRADING=1``) the
        result is printed and a graded exercise that does not pass raises ``AssertionError``,
        which is how nbgrader scores a check cell.
        """
        strict = grading_mode() if strict is None else strict
        try:
            result = self.result(exercise_id, namespace=namespace)
        except KeyError as err:
            if strict:
                raise AssertionError(str(err)) from None
            return Note(str(err), ok=False)
        if not strict:
            self._counted(result)
            widget = self._widgets.get(result.exercise_id)
            if widget is None:
                return result
            from medialit.exercises.widgets import LiveResult
            widget.show_result(result)
            return LiveResult(result, widget)
        print(result)
        if KINDS[result.kind].graded and result.points > 0 and not result.passed:
            raise AssertionError(f"{result.exercise_id} does not pass yet (see above)")
        return None

    def check_all(self) -> ResultTable:
        """Every exercise checked, as a table (nothing is raised)."""
        rows = []
        for exercise in self.set.exercises:
            r = self._check(exercise)
            rows.append((exercise.id, f"{_icon(r)} {r.message}", f"{r.score:g}/{r.points:g}"))
        return ResultTable(f"Checks: {self.set.title}", ("exercise", "result", "points"), tuple(rows),
                           footer=self._totals())

    def progress(self) -> ResultTable:
        """Answered / correct / points per exercise, with totals."""
        rows = []
        for exercise in self.set.exercises:
            r = self._check(exercise)
            correct = "—" if not exercise.graded else ("yes" if r.passed else "no")
            answered = "no" if r.status == "unanswered" else "yes"
            rows.append((exercise.id, exercise.kind.replace("_", " "), answered, correct, f"{r.score:g}/{r.points:g}"))
        totals = self._totals()
        return ResultTable(f"Progress: {self.set.title} (answers in {self.store.path.name})",
                           ("exercise", "kind", "answered", "correct", "points"), tuple(rows),
                           footer=(totals[0], "", "", "", totals[2]))

    def _totals(self) -> tuple[str, str, str]:
        results = [self._check(e) for e in self.set.exercises]
        score = sum(r.score for r in results)
        possible = sum(e.points for e in self.set.exercises)
        return ("total", "", f"{score:g}/{possible:g}")

    def __repr__(self) -> str:
        where = "answered from the source key (MEDIALIT_ANSWER_FROM_KEY), nothing saved" if self.from_key \
            else f"answers saved in {self.store.path}"
        lines = [f"{self.set.title}: {len(self.ids)} exercises ({', '.join(self.ids)}); {where}"]
        return "\n".join(lines)


def _icon(result: CheckResult) -> str:
    from medialit.exercises.results import ICONS
    return ICONS[result.status]


def load(name: str, *, folder: str | os.PathLike | None = None,
         answers: str | os.PathLike | None = None) -> Exercises:
    """Load a notebook's exercises and its saved answers.

    ``name`` is the notebook's stem (``"04_unsourced_claims"``). The exercise file is found in
    ``./exercises``, ``../exercises`` (or ``$MEDIALIT_EXERCISES``); answers are saved in
    ``<name>.answers.json`` next to the notebook (or in ``$MEDIALIT_ANSWERS_DIR``, or ``answers``).
    """
    path = find_exercise_file(name, start=folder)
    exercise_set = load_exercise_file(path)
    store_path = Path(answers) if answers else answers_path(exercise_set.name, folder)
    if answer_from_key_mode():
        return _from_key(exercise_set, store_path)
    store = AnswerStore(store_path, notebook=exercise_set.name)
    _move_renamed_answers(exercise_set, store)
    return Exercises(exercise_set, store)


def _move_renamed_answers(exercise_set: ExerciseSet, store: AnswerStore) -> None:
    """An answer saved under an exercise's former id (its ``aliases``) is kept under its new id
    (and so are the checks recorded under it)."""
    for exercise in exercise_set.exercises:
        for alias in exercise.aliases:
            if alias in store and exercise.id not in store:
                store.set(exercise.id, store.get(alias), extras={k: v for k, v in (store.entry(alias) or {}).items()
                                                              if k in ("ids", "offered")})
            if alias in store:
                store.clear(alias)
            store.move_attempts(alias, exercise.id)


def _from_key(exercise_set: ExerciseSet, store_path: Path) -> Exercises:
    """Every exercise answered from the source file's key, in memory (the answers file is untouched)."""
    from medialit.exercises.authoring import key_answer

    if exercise_set.released:
        raise RuntimeError(f"{exercise_set.path}: MEDIALIT_ANSWER_FROM_KEY needs the source exercise files; "
                           "a student release has no plaintext keys")
    store = AnswerStore(store_path, notebook=exercise_set.name, persist=False)
    for exercise in exercise_set.exercises:
        store.set(exercise.id, coerce(exercise, key_answer(exercise)))
    return Exercises(exercise_set, store, from_key=True)
