"""``medialit grade SUBMISSIONS [--out grades.csv]``: a CSV gradebook from saved answers.

``SUBMISSIONS`` holds one folder per student, either nbgrader's ``submitted/<student>/<assignment>/``
or a plain ``<student>/`` folder; every ``<notebook>.answers.json`` inside is graded against the
instructor's exercise files (never a copy handed in by a student). No exercise kind needs the
notebook to run, so no student code is executed.

>>> rows = grade_submissions("tests/fixtures/class_small")   # doctest: +SKIP
"""
from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path

from medialit.exercises.checking import check
from medialit.exercises.release import repo_folder
from medialit.exercises.spec import ExerciseFileError, ExerciseSet, load_exercise_file
from medialit.exercises.store import DamagedAnswersFile, read_answers

SUFFIX = ".answers.json"


@dataclass
class StudentGrade:
    student: str
    status: str = "ok"                       # ok | missing | malformed | incomplete
    scores: dict[str, float] = field(default_factory=dict)   # "<notebook>:<id>" -> points earned
    total: float = 0.0
    possible: float = 0.0
    free_text_answered: int = 0
    problems: list[str] = field(default_factory=list)


def load_exercise_sets(folder: Path) -> dict[str, ExerciseSet]:
    """Every exercise file in ``folder`` by notebook stem (source or release files)."""
    sets = {}
    for path in sorted(folder.glob("*.toml")):
        sets[path.stem] = load_exercise_file(path)
    if not sets:
        raise ExerciseFileError(f"{folder}: no exercise files (*.toml) found")
    return sets


def student_folders(submissions: Path) -> list[Path]:
    """One folder per student (``submissions/submitted/`` is used when it exists)."""
    if (submissions / "submitted").is_dir():
        submissions = submissions / "submitted"
    return sorted(p for p in submissions.iterdir() if p.is_dir() and not p.name.startswith("."))


def grade_student(folder: Path, sets: dict[str, ExerciseSet], notebooks: list[str]) -> StudentGrade:
    """Grade one student's answers files for the given notebooks."""
    grade = StudentGrade(folder.name)
    files = {p.name[: -len(SUFFIX)]: p for p in sorted(folder.rglob(f"*{SUFFIX}"))}
    if not files:
        grade.status = "missing"
        grade.problems.append("no answers files handed in")
    for stem in notebooks:
        exercise_set = sets[stem]
        answers: dict = {}
        if stem not in files:
            if files:
                grade.problems.append(f"no {stem}{SUFFIX}")
                grade.status = "incomplete" if grade.status == "ok" else grade.status
        else:
            try:
                answers = read_answers(files[stem])
            except DamagedAnswersFile as err:
                grade.status = "malformed"
                grade.problems.append(str(err).replace(str(folder) + "/", ""))
        for exercise in exercise_set.exercises:
            entry = answers.get(exercise.id)
            result = check(exercise, None if entry is None else entry.get("value"))
            if exercise.kind == "free_text":
                grade.free_text_answered += result.status == "saved"
                continue
            grade.scores[f"{stem}:{exercise.id}"] = result.score
            grade.total += result.score
            grade.possible += exercise.points
    for stem in sorted(set(files) - set(notebooks)):
        if stem not in sets:
            grade.problems.append(f"{stem}{SUFFIX} has no exercise file; ignored")
    return grade


def grade_submissions(submissions: str | Path, *, exercises: str | Path | None = None,
                      notebooks: list[str] | None = None) -> tuple[list[str], list[StudentGrade]]:
    """(exercise columns, one StudentGrade per student folder)."""
    submissions = Path(submissions)
    if not submissions.is_dir():
        raise FileNotFoundError(f"{submissions}: no such folder of submissions")
    sets = load_exercise_sets(Path(exercises) if exercises else repo_folder("exercises"))
    folders = student_folders(submissions)
    if notebooks is None:
        seen = {p.name[: -len(SUFFIX)] for f in folders for p in f.rglob(f"*{SUFFIX}")}
        notebooks = sorted(seen & set(sets))
    unknown = [n for n in notebooks if n not in sets]
    if unknown:
        raise ExerciseFileError(f"no exercise file for {', '.join(unknown)}")
    grades = [grade_student(f, sets, notebooks) for f in folders]
    columns = [f"{stem}:{e.id}" for stem in notebooks for e in sets[stem].exercises if e.kind != "free_text"]
    return columns, grades


def write_csv(path: Path, columns: list[str], grades: list[StudentGrade]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "status", *columns, "total", "possible", "free_text_answered", "problems"])
        for g in grades:
            writer.writerow([g.student, g.status, *(f"{g.scores.get(c, 0.0):g}" for c in columns),
                             f"{g.total:g}", f"{g.possible:g}", g.free_text_answered, "; ".join(g.problems)])


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("submissions", type=Path, help="folder with one subfolder per student")
    parser.add_argument("--out", type=Path, default=Path("grades.csv"), help="CSV to write (default grades.csv)")
    parser.add_argument("--exercises", type=Path, default=None,
                        help="the instructor's exercise files (default: ./exercises or the kit's)")
    parser.add_argument("--notebook", action="append", dest="notebooks", default=None,
                        help="grade only this notebook stem (repeatable; default: every one handed in)")


def run(args: argparse.Namespace) -> int:
    try:
        columns, grades = grade_submissions(args.submissions, exercises=args.exercises, notebooks=args.notebooks)
        write_csv(args.out, columns, grades)
    except (ExerciseFileError, OSError) as err:
        print(f"medialit grade: {err}", file=sys.stderr)
        return 2
    troubled = [g for g in grades if g.status != "ok"]
    for g in troubled:
        print(f"medialit grade: {g.student}: {g.status}: {'; '.join(g.problems)}", file=sys.stderr)
    print(f"Graded {len(grades)} students on {len(columns)} exercises into {args.out}"
          + (f" ({len(troubled)} with problems, see the status column)" if troubled else ""))
    return 1 if troubled else 0
