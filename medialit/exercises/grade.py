"""``medialit grade SUBMISSIONS [--out grades.csv]``: a CSV gradebook from saved answers.

``SUBMISSIONS`` holds one folder per student, either nbgrader's ``submitted/<student>/<assignment>/``
or a plain ``<student>/`` folder; every ``<notebook>.answers.json`` inside is graded against the
instructor's exercise files (never a copy handed in by a student). For an exercise file with
``code`` exercises, the student's notebook is run headless in a separate process with a time
limit per cell (``coderun.py``) and the values its code sets are graded; the other answers
come from the saved file. Free-text answers go to a second CSV for the instructor to read.

>>> rows = grade_submissions("tests/fixtures/class_small")   # doctest: +SKIP
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from medialit.exercises.checking import check
from medialit.exercises.kinds import KINDS
from medialit.exercises.release import repo_folder
from medialit.exercises.spec import ExerciseFileError, ExerciseSet, load_exercise_file
from medialit.errors import AnswersFileError
from medialit.exercises.store import read_answers

SUFFIX = ".answers.json"
# The worse status wins when a student has several problems.
STATUS_RANK = {"ok": 0, "incomplete": 1, "error": 2, "timeout": 3, "missing": 4, "malformed": 5}


@dataclass
class RunOptions:
    """How ``code`` exercises are graded: run the notebook (default) or read the saved file."""

    run: bool = True
    cell_timeout: float = 30.0
    run_timeout: float = 300.0


@dataclass
class StudentGrade:
    student: str
    status: str = "ok"                       # ok | missing | incomplete | error | timeout | malformed
    scores: dict[str, float] = field(default_factory=dict)   # "<notebook>:<id>" -> points earned
    total: float = 0.0
    possible: float = 0.0
    free_text_answered: int = 0
    problems: list[str] = field(default_factory=list)
    free_texts: list[tuple[str, str]] = field(default_factory=list)   # ("<notebook>:<id>", answer)

    def worsen(self, status: str, problem: str | None = None) -> None:
        if STATUS_RANK[status] > STATUS_RANK[self.status]:
            self.status = status
        if problem:
            self.problems.append(problem)


def has_code(exercise_set: ExerciseSet) -> bool:
    """Whether a notebook has exercises answered by its code (kind ``code``): grading runs it."""
    return any(KINDS[e.kind].reads_variable for e in exercise_set.exercises)


def _notebooks_in(folder: Path) -> dict[str, Path]:
    return {p.stem: p for p in sorted(folder.rglob("*.ipynb")) if ".ipynb_checkpoints" not in p.parts}


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


def grade_student(folder: Path, sets: dict[str, ExerciseSet], notebooks: list[str],
                  options: RunOptions | None = None, exercises_dir: Path | None = None) -> StudentGrade:
    """Grade one student's answers files (and, for code exercises, notebooks) for the given notebooks."""
    options = options or RunOptions()
    grade = StudentGrade(folder.name)
    files = {p.name[: -len(SUFFIX)]: p for p in sorted(folder.rglob(f"*{SUFFIX}"))}
    runnable = {stem: path for stem, path in _notebooks_in(folder).items()
                if stem in sets and has_code(sets[stem]) and options.run}
    if not files and not set(runnable) & set(notebooks):
        grade.worsen("missing", "no answers files handed in")
        runnable = {}
    for stem in notebooks:
        exercise_set = sets[stem]
        answers: dict = {}
        if stem not in files:
            if grade.status != "missing":
                grade.worsen("incomplete", f"no {stem}{SUFFIX}")
        else:
            try:
                answers = read_answers(files[stem])
            except AnswersFileError as err:
                grade.worsen("malformed", str(err).replace(str(folder) + "/", ""))
        if has_code(exercise_set) and options.run and grade.status != "missing":
            code_ids = {e.id for e in exercise_set.exercises if KINDS[e.kind].reads_variable}
            answers = {i: v for i, v in answers.items() if i not in code_ids}   # code: the run decides
            answers.update(_run_values(grade, stem, exercise_set, runnable.get(stem), options, exercises_dir))
        for exercise in exercise_set.exercises:
            entry = answers.get(exercise.id)
            value = None if entry is None else entry.get("value")
            result = check(exercise, value)
            if not exercise.graded:              # free text: saved for the instructor to read
                grade.free_text_answered += result.status == "saved"
                if isinstance(value, str) and value.strip():
                    grade.free_texts.append((f"{stem}:{exercise.id}", value))
                continue
            grade.scores[f"{stem}:{exercise.id}"] = result.score
            grade.total += result.score
            grade.possible += exercise.points
    for stem in sorted(set(files) - set(notebooks)):
        if stem not in sets:
            grade.problems.append(f"{stem}{SUFFIX} has no exercise file; ignored")
    return grade


def _run_values(grade: StudentGrade, stem: str, exercise_set: ExerciseSet, notebook: Path | None,
                options: RunOptions, exercises_dir: Path | None) -> dict[str, dict]:
    """Run the student's notebook; ``{exercise id: {"value": ...}}`` for the code exercises it set."""
    from medialit.exercises.coderun import run_notebook

    if notebook is None:
        grade.worsen("incomplete", f"no {stem}.ipynb to run: its code exercises score 0")
        return {}
    variables = {e.id: e.data["variable"] for e in exercise_set.exercises if KINDS[e.kind].reads_variable}
    outcome = run_notebook(notebook, variables, exercises_dir=exercises_dir or exercise_set.path.parent,
                           cell_timeout=options.cell_timeout, run_timeout=options.run_timeout)
    if outcome.status != "ok":
        grade.worsen(outcome.status)
    grade.problems += [f"{stem}.ipynb: {p}" for p in outcome.problems]
    return {i: {"value": v} for i, v in outcome.values.items()}


def grade_submissions(submissions: str | Path, *, exercises: str | Path | None = None,
                      notebooks: list[str] | None = None,
                      options: RunOptions | None = None) -> tuple[list[str], list[StudentGrade]]:
    """(exercise columns, one StudentGrade per student folder)."""
    submissions = Path(submissions)
    if not submissions.is_dir():
        raise FileNotFoundError(f"{submissions}: no such folder of submissions")
    exercises_dir = Path(exercises) if exercises else repo_folder("exercises")
    sets = load_exercise_sets(exercises_dir)
    folders = student_folders(submissions)
    if notebooks is None:
        seen = {p.name[: -len(SUFFIX)] for f in folders for p in f.rglob(f"*{SUFFIX}")}
        seen |= {stem for f in folders for stem in _notebooks_in(f) if stem in sets and has_code(sets[stem])}
        notebooks = sorted(seen & set(sets))
    unknown = [n for n in notebooks if n not in sets]
    if unknown:
        raise ExerciseFileError(f"no exercise file for {', '.join(unknown)}")
    grades = [grade_student(f, sets, notebooks, options, exercises_dir) for f in folders]
    columns = [f"{stem}:{e.id}" for stem in notebooks for e in sets[stem].exercises if e.graded]
    return columns, grades


def write_csv(path: Path, columns: list[str], grades: list[StudentGrade]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "status", *columns, "total", "possible", "free_text_answered", "problems"])
        for g in grades:
            writer.writerow([g.student, g.status, *(f"{g.scores.get(c, 0.0):g}" for c in columns),
                             f"{g.total:g}", f"{g.possible:g}", g.free_text_answered, "; ".join(g.problems)])


def write_free_text(path: Path, grades: list[StudentGrade]) -> int:
    """One row per free-text answer (student, exercise, answer); returns the number of rows."""
    rows = [(g.student, column, text) for g in grades for column, text in g.free_texts]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "exercise", "answer"])
        writer.writerows(rows)
    return len(rows)


def free_text_path(out: Path) -> Path:
    """``grades.csv`` -> ``grades_free_text.csv`` in the same folder."""
    return out.with_name(f"{out.stem}_free_text.csv")
