"""For exercise authors: does every key pass its own check, every feedback message show, and
does every exercise have its notebook cell (and every cell its exercise)?

``verify(load_exercise_file("exercises/04_unsourced_claims.toml"))`` returns a list of problems
(empty when the file is sound). ``lint(exercises, notebooks)`` checks a whole kit and returns
one line per problem, naming the file and line (or notebook cell): ``medialit exercises lint``
and ``medialit release`` print them. The tests run both over the kit's own files.

>>> from medialit.exercises.spec import parse_exercises
>>> s = parse_exercises({"exercise": [{"id": "q0.1", "kind": "single_choice", "prompt": "2+2?",
...     "points": 1, "hint": "Count.", "choices": ["3", "4"], "answer": "4",
...     "feedback": {"3": "Count again."}}]}, "demo.toml")
>>> verify(s)
[]
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from medialit.errors import ExerciseFileError
from medialit.exercises.checking import check, coerce
from medialit.exercises.kinds import KINDS
from medialit.exercises.spec import ExerciseSet, display_path, id_line, load_exercise_file

CHECK_CALL = re.compile(r"""\bex\.check\(\s*["']([^"']+)["']""")
ANY_CALL = re.compile(r"""\bex\.(?:check|show|answer|result)\(\s*["']([^"']+)["']""")


def key_answer(exercise) -> Any:
    """The right answer, from a source file's plaintext key (in the form a student may type)."""
    if exercise.source is None:
        raise ValueError(f"{exercise.id}: a released file has no plaintext key")
    return KINDS[exercise.kind].key_answer(exercise)


def misconception_answers(exercise) -> list[tuple[Any, str]]:
    """(wrong answer, the feedback message it must bring up) for every listed misconception."""
    return KINDS[exercise.kind].misconceptions(exercise)


def verify(exercise_set, *, against=None) -> list[str]:
    """Problems with a source file's keys and feedback (``[]`` when sound).

    ``against`` is another loaded copy of the same exercises (e.g. the release) to check with.
    """
    problems = []
    checked = {e.id: e for e in (against or exercise_set).exercises}
    for exercise in exercise_set.exercises:
        target = checked[exercise.id]
        name = f"{exercise_set.name} {exercise.id}"
        result = check(target, coerce(target, key_answer(exercise)))
        if not result.passed:
            problems.append(f"{name}: the key does not pass its own check: {result}")
        elif exercise.source.get("explanation") and result.explanation != exercise.source["explanation"].strip() \
                and result.explanation != exercise.source["explanation"]:
            problems.append(f"{name}: the explanation is not shown after a correct answer")
        for wrong, message in misconception_answers(exercise):
            result = check(target, coerce(target, wrong))
            if result.passed:
                problems.append(f"{name}: the misconception answer {wrong!r} passes")
            elif message.strip() not in result.details:
                problems.append(f"{name}: answer {wrong!r} does not bring up its message {message[:50]!r}; "
                                f"got {list(result.details)}")
    return problems


def load_sets(exercises: Path) -> tuple[dict[str, ExerciseSet], list[str]]:
    """Every exercise file of a folder that loads, and one line per file that does not."""
    sets, problems = {}, []
    for path in sorted(Path(exercises).glob("*.toml")):
        try:
            sets[path.stem] = load_exercise_file(path)
        except ExerciseFileError as err:
            problems.append(str(err))
    return sets, problems


def _cells(path: Path) -> list[tuple[int, list[str], str]]:
    """(cell number from 1, tags, source) of every code cell; raises ValueError when unreadable."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        out = []
        for number, cell in enumerate(nb.get("cells", []), start=1):
            if cell.get("cell_type") == "code":
                source = cell.get("source", "")
                out.append((number, list(cell.get("metadata", {}).get("tags", [])),
                            "".join(source) if isinstance(source, list) else str(source)))
        return out
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError) as err:
        raise ValueError(f"not a readable notebook ({err})") from None


def lint_notebooks(sets: dict[str, ExerciseSet], notebooks: Path, broken: set[str] = frozenset()) -> list[str]:
    """Exercises without a check cell, check cells without an exercise, calls naming unknown ids."""
    problems = []
    stems = set()
    for path in sorted(Path(notebooks).glob("*.ipynb")):
        stems.add(path.stem)
        where = display_path(path)
        try:
            cells = _cells(path)
        except ValueError as err:
            problems.append(f"{where}: {err}")
            continue
        exercise_set = sets.get(path.stem)
        checked: set[str] = set()
        for number, tags, source in cells:
            calls = ANY_CALL.findall(source)
            if (calls or "check" in tags) and exercise_set is None:
                if path.stem not in broken:
                    problems.append(f"{where}: cell {number}: calls exercises but there is no "
                                    f"exercises/{path.stem}.toml")
                break
            if exercise_set is None:
                continue
            known = {e.id.casefold(): e.id for e in exercise_set.exercises}
            for wanted in calls:
                if wanted.strip().casefold() not in known:
                    problems.append(f"{where}: cell {number}: exercise {wanted!r} is not in "
                                    f"{display_path(exercise_set.path)}")
            if "check" in tags:
                found = CHECK_CALL.findall(source)
                if len(found) != 1:
                    problems.append(f"{where}: cell {number}: a cell tagged 'check' must call ex.check(\"<id>\") once")
                elif found[0].strip().casefold() in known:
                    checked.add(known[found[0].strip().casefold()])
        if exercise_set is None:
            continue
        for exercise in exercise_set.exercises:
            if exercise.id not in checked:
                line = id_line(exercise_set.path, exercise.id)
                at = display_path(exercise_set.path) + (f":{line}" if line else "")
                problems.append(f"{at}: exercise {exercise.id} has no cell tagged 'check' calling "
                                f"ex.check({exercise.id!r}) in {where}")
    for stem, exercise_set in sorted(sets.items()):
        if stem not in stems:
            problems.append(f"{display_path(exercise_set.path)}: no notebook {stem}.ipynb in {display_path(Path(notebooks))}")
    return problems


def lint(exercises: Path, notebooks: Path, *, keys: bool = True) -> list[str]:
    """Every authoring problem of a kit, one line each naming the file and line or cell.

    ``keys`` also runs :func:`verify` (every key passes its own check, every message shows)."""
    exercises, notebooks = Path(exercises), Path(notebooks)
    if not exercises.is_dir():
        return [f"{display_path(exercises)}: no such folder of exercise files"]
    sets, problems = load_sets(exercises)
    broken = {p.stem for p in exercises.glob("*.toml")} - set(sets)
    if notebooks.is_dir():
        problems += lint_notebooks(sets, notebooks, broken)
    else:
        problems.append(f"{display_path(notebooks)}: no such folder of notebooks")
    if keys:
        for exercise_set in sets.values():
            if not exercise_set.released:
                problems += verify(exercise_set)
    return problems
