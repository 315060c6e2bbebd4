"""Loading and validating exercise files (``exercises/<notebook stem>.toml``).

A source file holds plaintext keys; a release file (written by ``medialit release``) holds
the same exercises with hashed keys. Both load into the same :class:`Exercise` records.
The format is documented in docs/exercise-format.md.

>>> from medialit.exercises.spec import parse_exercises
>>> exs = parse_exercises({"exercise": [{"id": "q0.1", "kind": "single_choice", "prompt": "2+2?",
...     "points": 1, "hint": "Count.", "choices": ["3", "4"], "answer": "4"}]}, "demo.toml")
>>> exs.exercises[0].kind
'single_choice'
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from medialit.errors import ExerciseFileError
from medialit.exercises import compiling
from medialit.exercises.kinds import KINDS
from medialit.rules import tomllib

COMMON = {"id", "kind", "prompt", "points", "hint", "feedback", "explanation", "instructor_note", "aliases",
          "rubric", "model_answer"}
TEACHER_ONLY = {"feedback", "explanation", "instructor_note", "rubric", "model_answer"}
"""Fields of a source file that never go into a release (feedback and explanations go in sealed)."""


@dataclass(frozen=True)
class Exercise:
    """One exercise, ready to show and check (key in hashed form, see ``keys.py``)."""

    id: str
    kind: str
    prompt: str
    points: float
    hint: str
    data: Mapping[str, Any]          # what the student sees: choices, items, labels, unit...
    key: Mapping[str, Any]           # hashed key, sealed feedback and explanation
    salt: str
    source: Mapping[str, Any] | None = field(default=None, repr=False)  # the raw table (source files only)
    file: str = ""
    aliases: tuple[str, ...] = ()    # former ids: still found by ``ExerciseSet[...]``, saved answers move over

    @property
    def graded(self) -> bool:
        """False for a kind saved for the instructor (``free_text``)."""
        return KINDS[self.kind].graded

    def items(self) -> list[str]:
        """The items a student picks, labels or matches (sentences of the article for ``pick_sentences``)."""
        return KINDS[self.kind].items(self)

    def options(self) -> list[str]:
        """The choices, labels or right-hand items offered."""
        return KINDS[self.kind].options(self)


class UnknownExerciseError(ExerciseFileError, KeyError):
    """An exercise id that the notebook's exercise file does not have (a ``KeyError`` too)."""

    def __str__(self) -> str:          # KeyError would print the message in quotes
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class ExerciseSet:
    """The exercises of one notebook, in file order."""

    name: str
    path: Path
    title: str
    exercises: tuple[Exercise, ...]
    released: bool
    mode: str = "source"             # "source", or a release's "practice" / "assessment"

    def __getitem__(self, exercise_id: str) -> Exercise:
        wanted = str(exercise_id).strip().casefold()
        for exercise in self.exercises:
            if exercise.id.casefold() == wanted or wanted in (a.casefold() for a in exercise.aliases):
                return exercise
        known = ", ".join(e.id for e in self.exercises)
        raise UnknownExerciseError(f"{self.name} has no exercise {str(exercise_id)[:40]!r}; "
                                   f"its exercises are {known}")

    @property
    def ids(self) -> list[str]:
        return [e.id for e in self.exercises]


def display_path(path: Path) -> str:
    """``exercises/04_x.toml`` when under the current folder, else the full path."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:  # another drive on Windows
        return str(path)


def read_exercise_toml(path: str | os.PathLike) -> dict:
    """The TOML data of an exercise file, unvalidated; raises :class:`ExerciseFileError`
    naming the file when it is missing, not UTF-8 or not TOML."""
    path = Path(path)
    where = display_path(path)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExerciseFileError(f"{where}: no such exercise file") from None
    except UnicodeDecodeError as err:
        raise ExerciseFileError(f"{where}: not UTF-8 text ({err.reason})") from None
    except tomllib.TOMLDecodeError as err:
        found = _AT_LINE.search(str(err))
        line = f":{found.group(1)}" if found else ""
        raise ExerciseFileError(f"{where}{line}: not valid TOML: {_AT_LINE.sub('', str(err)).strip()}") from None


_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def id_line(path: Path | None, exercise_id: str, occurrence: int = 1) -> int | None:
    """The line of the ``occurrence``-th ``id = "<exercise_id>"`` in an exercise file, if found."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines() if path else []
    except (OSError, UnicodeDecodeError):
        return None
    wanted = re.compile(r"""^\s*id\s*=\s*["']\s*""" + re.escape(exercise_id) + r"""\s*["']""", re.IGNORECASE)
    seen = 0
    for number, line in enumerate(lines, start=1):
        if wanted.match(line):
            seen += 1
            if seen == occurrence:
                return number
    return None


def load_exercise_file(path: str | os.PathLike) -> ExerciseSet:
    """Read and validate one exercise file (source or release).

    Raises :class:`ExerciseFileError` naming the file, the exercise and the field at fault.
    """
    return parse_exercises(read_exercise_toml(path), display_path(Path(path)), path=Path(path))


def parse_exercises(raw: Mapping[str, Any], where: str, *, path: Path | None = None) -> ExerciseSet:
    """Validate a parsed exercise file; ``where`` names it in error messages (with the line of
    the exercise at fault when ``path`` is the file the data were read from)."""
    read_from = path
    path = path or Path(where)
    unknown = set(raw) - {"title", "exercise", "released", "salt", "format", "mode"}
    if unknown:
        raise ExerciseFileError(f"{where}: unknown top-level field(s) {', '.join(sorted(unknown))} "
                                "(expected title and [[exercise]] tables)")
    released = bool(raw.get("released", False))
    mode = raw.get("mode", "practice") if released else "source"
    if released and mode not in compiling.MODES:
        raise ExerciseFileError(f"{where}: field 'mode' must be one of {', '.join(compiling.MODES)}")
    salt = raw.get("salt", path.stem if not released else ("" if mode == "assessment" else None))
    if not isinstance(salt, str) or (mode == "practice" and not salt):
        raise ExerciseFileError(f"{where}: a practice release needs a 'salt' string")
    tables = raw.get("exercise")
    if not isinstance(tables, list) or not tables:
        raise ExerciseFileError(f"{where}: no exercises (add [[exercise]] tables)")
    exercises: list[Exercise] = []
    seen: set[str] = set()
    for number, table in enumerate(tables, start=1):
        exercise = _parse_one(table, number, where, salt, mode, read_from)
        if exercise.id.casefold() in seen:
            line = id_line(read_from, exercise.id, 2)
            at = f"{where}:{line}" if line else where
            raise ExerciseFileError(f"{at}: exercise {exercise.id}: field 'id' is used twice "
                                    f"(first at line {id_line(read_from, exercise.id)})" if line else
                                    f"{at}: exercise {exercise.id}: field 'id' is used twice")
        for name in exercise.aliases:
            if name.casefold() in seen:
                raise ExerciseFileError(f"{where}: exercise {exercise.id}: {name!r} is used twice as an id or alias")
        seen.update(name.casefold() for name in (exercise.id, *exercise.aliases))
        exercises.append(exercise)
    title = raw.get("title", path.stem)
    return ExerciseSet(name=path.stem, path=path, title=str(title), exercises=tuple(exercises),
                       released=released, mode=mode)


def _parse_one(table: Any, number: int, where: str, salt: str, mode: str, path: Path | None = None) -> Exercise:
    released = mode != "source"
    if not isinstance(table, dict):
        raise ExerciseFileError(f"{where}: exercise #{number} is not a table")
    ex_id = table.get("id")
    if not isinstance(ex_id, str) or not ex_id.strip():
        raise ExerciseFileError(f"{where}: exercise #{number}: field 'id' is missing (e.g. id = \"q4.1\")")
    ex_id = ex_id.strip()

    def fail(message: str) -> ExerciseFileError:
        line = id_line(path, ex_id) if path is not None and path.is_file() else None
        return ExerciseFileError(f"{where}{f':{line}' if line else ''}: exercise {ex_id}: {message}")

    kind = table.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        raise fail(f"field 'kind' is {kind!r}; expected one of {', '.join(KINDS)}")
    steps = KINDS[kind]
    allowed = COMMON | (steps.release_fields | {"key"} if released else steps.source_fields)
    if released:
        allowed -= TEACHER_ONLY
    unknown = set(table) - allowed
    if unknown:
        raise fail(f"unknown field(s) {', '.join(repr(u) for u in sorted(unknown))} for kind {kind}")
    for name in ("prompt", "hint"):
        if not isinstance(table.get(name), str) or not table[name].strip():
            raise fail(f"field '{name}' is missing or empty")
    points = table.get("points")
    if isinstance(points, bool) or not isinstance(points, (int, float)) or points < 0:
        raise fail("field 'points' must be a number >= 0")
    aliases = table.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise fail("field 'aliases' must be a list of former ids, e.g. [\"q1.10\"]")
    rubric = table.get("rubric", [])
    if not isinstance(rubric, list) or not all(isinstance(r, str) and r.strip() for r in rubric):
        raise fail("field 'rubric' must be a list of criteria (non-empty strings)")
    if "model_answer" in table and (not isinstance(table["model_answer"], str) or not table["model_answer"].strip()):
        raise fail("field 'model_answer' must be a non-empty string")
    steps.validate(table, fail)
    if released:
        data, key = compiling.released_parts(table, kind, fail, mode=mode)
        source = None
    else:
        data, key = compiling.compile_source(table, kind, ex_id, salt, fail)
        source = table
    return Exercise(id=ex_id, kind=kind, prompt=table["prompt"].strip(), points=float(points),
                    hint=table["hint"].strip(), data=data, key=key, salt=salt, source=source, file=where,
                    aliases=tuple(a.strip() for a in aliases))


GRADING_MARKERS = ("autograded", "submitted")     # nbgrader's folders of students' work


def _grading() -> bool:
    """Under ``nbgrader autograde``: the folder the notebook runs in is a student's submission.
    (``nbgrader validate`` runs on the student's own copy, where their files are theirs.)"""
    return os.environ.get("NBGRADER_EXECUTION") == "autograde"


def course_root(here: Path) -> Path | None:
    """The nbgrader course folder above ``here``: the one holding ``nbgrader_config.py``, else the
    folder above ``autograded/`` or ``submitted/``."""
    for folder in (here, *here.parents):
        if (folder / "nbgrader_config.py").is_file():
            return folder
    for folder in (here, *here.parents):
        if folder.name in GRADING_MARKERS:
            return folder.parent
    return None


def find_exercise_file(name: str, *, start: str | os.PathLike | None = None) -> Path:
    """Find ``<name>.toml``: ``$MEDIALIT_EXERCISES``, then ``exercises/`` in the folder and its parents,
    then the release files inside the package (``medialit/kit/exercises``, a student release's wheel).

    ``name`` may be a notebook stem (``"04_unsourced_claims"``), a notebook file name or a path.
    Under nbgrader's autograder the folder the notebook runs
    in is a student's submission, so nothing in it is trusted: only ``$MEDIALIT_EXERCISES`` and
    the course root's ``exercises/`` are looked in, and a path to a ``.toml`` file is refused.
    """
    grading = _grading()
    candidate = Path(name)
    if candidate.suffix == ".toml" and candidate.is_file() and not grading:
        return candidate
    stem = candidate.stem if candidate.suffix in (".toml", ".ipynb") else candidate.name
    folders: list[Path] = []
    if os.environ.get("MEDIALIT_EXERCISES"):
        folders.append(Path(os.environ["MEDIALIT_EXERCISES"]))
    here = Path(start or os.getcwd()).resolve()
    if grading:
        root = course_root(here)
        if root is not None:
            folders.append(root / "exercises")
    else:
        for folder in (here, *here.parents[:3]):
            folders.append(folder / "exercises")
        folders.append(Path(__file__).resolve().parents[1] / "kit" / "exercises")  # a student release's wheel
    for folder in folders:
        if (folder / f"{stem}.toml").is_file():
            return folder / f"{stem}.toml"
    looked = ", ".join(display_path(f) for f in folders) or "nowhere"
    if grading:
        raise FileNotFoundError(f"grading: cannot find the instructor's exercise file {stem}.toml (looked in "
                                f"{looked}); put it in exercises/ of the course root (next to nbgrader_config.py) "
                                "or set MEDIALIT_EXERCISES; files handed in by students are never used")
    raise FileNotFoundError(f"cannot find the exercise file {stem}.toml (looked in {looked}); "
                            "run the notebook from the kit's notebooks/ folder or set MEDIALIT_EXERCISES")
