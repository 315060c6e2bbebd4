"""``medialit grade SUBMISSIONS``: grade a class's saved answers, treating every submission as untrusted.

``SUBMISSIONS`` holds one folder per student, either nbgrader's ``submitted/<student>/<assignment>/``
or a plain ``<student>/`` folder; every ``<notebook>.answers.json`` inside is graded against the
instructor's exercise files (never a file handed in by a student). For an exercise file with
``code`` exercises, the student's notebook is run headless in a separate process, in a clean
temporary folder, with time and memory limits (``coderun.py``), and the values its code sets
are graded; a code exercise whose variable the run did not set is graded from the saved
answer, as the notebook's own check (and so nbgrader) does. Other answers come from the file.

What a submission can do is limited: symbolic links (a student folder, an answers file or a
notebook that is a link) are never followed; an answers file over :data:`MAX_ANSWERS_BYTES` or
nested too deeply is refused; a student whose submission breaks anything gets one row with
status ``error`` and a short reason, and the rest of the class is graded. The gradebook files
are written by ``gradebook.py``.

>>> book = grade_submissions("tests/fixtures/class_small")   # doctest: +SKIP
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from medialit.errors import AnswersFileError
from medialit.exercises.checking import check_saved
from medialit.exercises.kinds import KINDS
from medialit.exercises.results import CheckResult
from medialit.exercises.spec import ExerciseFileError, ExerciseSet, load_exercise_file
from medialit.exercises.store import SUFFIX, AnswersFile, parse_answers_file

MAX_ANSWERS_BYTES = 5_000_000       # a real answers file is a few kB
MAX_FILES = 5_000                   # files looked at in one student's folder
MAX_DEPTH = 6                       # folder levels looked into below a student's folder

# The status column: the worse status wins when a student has several problems.
STATUS_RANK = {"complete": 0, "incomplete": 1, "late": 2, "missing": 3, "error": 4}


@dataclass
class RunOptions:
    """How ``code`` exercises are graded: run the notebook (default) or read the saved file."""

    run: bool = True
    cell_timeout: float = 30.0
    run_timeout: float = 300.0
    memory_mb: int = 2048            # address-space limit of the run of a student's notebook


@dataclass
class StudentGrade:
    student: str
    status: str = "complete"             # complete | incomplete | late | missing | error
    scores: dict[str, float] = field(default_factory=dict)   # "<notebook>:<id>" -> points earned
    total: float = 0.0
    possible: float = 0.0
    free_text_answered: int = 0
    problems: list[str] = field(default_factory=list)
    free_texts: list[tuple[str, str]] = field(default_factory=list)   # ("<notebook>:<id>", answer)
    results: dict[str, CheckResult] = field(default_factory=dict)     # every exercise, for feedback
    handed_in: str | None = None         # latest save time found (ISO, UTC)
    late: bool = False
    overrides: dict[str, tuple[float, str]] = field(default_factory=dict)
    attempts: dict[str, dict] = field(default_factory=dict)   # column -> {"count", "first", "last"} (student-reported)

    @property
    def total_attempts(self) -> int:
        """The checks recorded for the graded exercises (what the ``attempts`` column shows)."""
        return sum(entry["count"] for column, entry in self.attempts.items() if column in self.scores)

    def worsen(self, status: str, problem: str | None = None) -> None:
        if STATUS_RANK[status] > STATUS_RANK[self.status]:
            self.status = status
        if problem:
            self.problems.append(problem)

    def subtotal(self, stem: str) -> float:
        return sum(v for k, v in self.scores.items() if k.split(":", 1)[0] == stem)


@dataclass
class Gradebook:
    """The graded class: exercise columns, the points each is worth, one grade per student."""

    columns: list[str]
    grades: list[StudentGrade]
    maxima: dict[str, float]                 # column -> points it is worth
    notebooks: list[str]

    def __iter__(self) -> Iterator:          # ``columns, grades = grade_submissions(...)``
        return iter((self.columns, self.grades))

    def __getitem__(self, index: int):       # ``book[0]`` columns, ``book[1]`` grades, as a pair
        return (self.columns, self.grades)[index]

    @property
    def possible(self) -> float:
        return sum(self.maxima.values())

    def notebook_max(self, stem: str) -> float:
        return sum(v for k, v in self.maxima.items() if k.split(":", 1)[0] == stem)


def has_code(exercise_set: ExerciseSet) -> bool:
    """Whether a notebook has exercises answered by its code (kind ``code``): grading runs it."""
    return any(KINDS[e.kind].reads_variable for e in exercise_set.exercises)


def load_exercise_sets(folder: Path, broken: dict[str, str] | None = None) -> dict[str, ExerciseSet]:
    """Every exercise file in ``folder`` by notebook stem (source or release files).

    With ``broken`` given, a file that does not load is recorded there (stem -> message) and the
    others still load; without it, the first one raises :class:`ExerciseFileError`.
    """
    sets = {}
    paths = sorted(folder.glob("*.toml"))
    for path in paths:
        try:
            sets[path.stem] = load_exercise_file(path)
        except ExerciseFileError as err:
            if broken is None:
                raise
            broken[path.stem] = str(err)
    if not paths:
        raise ExerciseFileError(f"{folder}: no exercise files (*.toml) found")
    return sets


def student_folders(submissions: Path) -> list[Path]:
    """One entry per student (``submissions/submitted/`` is used when it exists); symbolic
    links are listed too, so that they get a row saying they were not followed."""
    if (submissions / "submitted").is_dir() and not (submissions / "submitted").is_symlink():
        submissions = submissions / "submitted"
    return sorted(p for p in submissions.iterdir()
                  if not p.name.startswith(".") and (p.is_symlink() or p.is_dir()))


@dataclass
class _Found:
    answers: dict[str, list[Path]] = field(default_factory=dict)
    notebooks: dict[str, list[Path]] = field(default_factory=dict)
    timestamp: str | None = None            # nbgrader's timestamp.txt
    problems: list[str] = field(default_factory=list)


def scan_folder(folder: Path) -> _Found:
    """The answers files and notebooks in a student's folder, never following a symbolic link."""
    found = _Found()
    seen = 0
    def unreadable(err: OSError) -> None:
        where = Path(err.filename).relative_to(folder).as_posix() if err.filename else folder.name
        found.problems.append(f"{where or '.'}: cannot be read ({err.strerror}); not graded")

    for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=False):
        here = Path(root)
        depth = len(here.relative_to(folder).parts)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__"
                         and depth < MAX_DEPTH and not os.path.islink(here / d))
        for name in sorted(files):
            seen += 1
            if seen > MAX_FILES:
                found.problems.append(f"more than {MAX_FILES} files; the rest were not looked at")
                return found
            path = here / name
            rel = path.relative_to(folder).as_posix()
            wanted = name.endswith(SUFFIX) or name.endswith(".ipynb") or name == "timestamp.txt"
            if not wanted:
                continue
            if path.is_symlink():
                target = "a missing file" if not path.exists() else "another file"
                found.problems.append(f"{rel} is a symbolic link to {target}; not read")
                continue
            if not path.is_file():                       # a named pipe or device would block a read
                found.problems.append(f"{rel} is not a regular file; not read")
                continue
            if name.endswith(SUFFIX):
                found.answers.setdefault(name[: -len(SUFFIX)], []).append(path)
            elif name.endswith(".ipynb"):
                found.notebooks.setdefault(path.stem, []).append(path)
            elif found.timestamp is None:
                try:
                    found.timestamp = path.read_text(encoding="utf-8", errors="replace")[:40].strip()
                except OSError:
                    pass
    return found


def _read(path: Path, folder: Path) -> tuple[AnswersFile, str]:
    """(what the file holds, its latest save time) of one answers file; AnswersFileError names it."""
    rel = path.relative_to(folder).as_posix()
    size = path.stat().st_size
    if size > MAX_ANSWERS_BYTES:
        raise AnswersFileError(f"{rel}: {size / 1e6:.0f} MB, over the {MAX_ANSWERS_BYTES // 1_000_000} MB "
                               "an answers file may have; not read")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise AnswersFileError(f"{rel}: not UTF-8 text (byte {err.start})") from None
    except OSError as err:
        raise AnswersFileError(f"{rel}: cannot be read ({err.strerror})") from None
    content = parse_answers_file(text, rel)
    saved = [str(e.get("saved", "")) for e in content.answers.values() if isinstance(e.get("saved"), str)]
    return content, max(saved, default="")


def _pick_copy(stem: str, paths: list[Path], folder: Path, grade: StudentGrade) -> tuple[AnswersFile, str]:
    """The copy saved last when a student handed in several; a problem names both."""
    readable: list[tuple[str, float, Path, AnswersFile]] = []
    for path in paths:
        try:
            answers, updated = _read(path, folder)
        except AnswersFileError as err:
            grade.worsen("error", str(err))
            continue
        readable.append((updated, path.stat().st_mtime, path, answers))
    if not readable:
        return AnswersFile({}, {}), ""
    readable.sort(key=lambda r: (r[0], r[1]))
    updated, _, used, answers = readable[-1]
    if len(paths) > 1:
        others = ", ".join(p.relative_to(folder).as_posix() for p in paths if p != used)
        grade.problems.append(f"{len(paths)} copies of {stem}{SUFFIX}: used {used.relative_to(folder).as_posix()} "
                              f"(saved last), ignored {others}")
    return answers, updated


def grade_student(folder: Path, sets: dict[str, ExerciseSet], notebooks: list[str],
                  options: RunOptions | None = None, exercises_dir: Path | None = None,
                  deadline: datetime | None = None) -> StudentGrade:
    """Grade one student; never raises: anything that breaks is the row's ``error`` status."""
    grade = StudentGrade(folder.name)
    try:
        _grade_into(grade, folder, sets, notebooks, options or RunOptions(), exercises_dir, deadline)
    except Exception as err:  # noqa: BLE001 - one bad submission must not stop the class
        grade.worsen("error", f"could not be graded: {type(err).__name__}: {str(err)[:120]}")
    return grade


def _grade_into(grade: StudentGrade, folder: Path, sets: dict[str, ExerciseSet], notebooks: list[str],
                options: RunOptions, exercises_dir: Path | None, deadline: datetime | None) -> None:
    if folder.is_symlink():
        grade.worsen("error", "the student's folder is a symbolic link; not followed, not graded")
        _zero(grade, sets, notebooks)
        return
    found = scan_folder(folder)
    grade.problems += found.problems
    if any(word in p for p in found.problems for word in ("symbolic link", "cannot be read", "not a regular")):
        grade.worsen("error")
    runnable = {stem: paths[0] for stem, paths in found.notebooks.items()
                if stem in sets and has_code(sets[stem]) and options.run}
    if not found.answers and not set(runnable) & set(notebooks):
        grade.worsen("missing", "no answers files handed in")
        _zero(grade, sets, notebooks)
        return
    times = []
    for stem in notebooks:
        exercise_set = sets[stem]
        answers: dict = {}
        unreadable = stem not in found.answers
        if unreadable:
            grade.worsen("incomplete", f"no {stem}{SUFFIX}")
        else:
            before = len(grade.problems)
            content, updated = _pick_copy(stem, found.answers[stem], folder, grade)
            answers = content.answers
            unreadable = not answers and len(grade.problems) > before
            times.append(updated)
            _attempts(grade, stem, exercise_set, content)
        if has_code(exercise_set) and options.run:
            # as the notebook's own check does: the value the run gave the variable, else the saved answer
            answers = {**answers, **_run_values(grade, stem, exercise_set, runnable.get(stem), options, exercises_dir)}
        _score(grade, stem, exercise_set, answers, quiet=unreadable and not has_code(exercise_set))
    for stem in sorted(set(found.answers) - set(notebooks)):
        if stem not in sets:
            grade.problems.append(f"{stem}{SUFFIX} has no exercise file; ignored")
    grade.handed_in = _handed_in(found.timestamp, times)
    if deadline and grade.handed_in and _parse_time(grade.handed_in) and _parse_time(grade.handed_in) > deadline:
        grade.late = True
        grade.worsen("late", f"handed in {grade.handed_in}, after the deadline")


def _attempts(grade: StudentGrade, stem: str, exercise_set: ExerciseSet, content: AnswersFile) -> None:
    """Copy the checks recorded for this notebook's exercises (student-reported) into the grade."""
    for exercise in exercise_set.exercises:
        entry = content.attempts.get(exercise.id)
        if entry:
            grade.attempts[f"{stem}:{exercise.id}"] = entry
    if content.dropped_attempts:
        grade.problems.append(f"{stem}{SUFFIX}: {content.dropped_attempts} attempts entries not readable; "
                              "not counted")


def _zero(grade: StudentGrade, sets: dict[str, ExerciseSet], notebooks: list[str]) -> None:
    for stem in notebooks:
        _score(grade, stem, sets[stem], {}, quiet=True)


def _score(grade: StudentGrade, stem: str, exercise_set: ExerciseSet, answers: dict, *, quiet: bool = False) -> None:
    unanswered, invalid = 0, []
    for exercise in exercise_set.exercises:
        entry = answers.get(exercise.id)
        value = entry.get("value") if isinstance(entry, dict) else None
        result = check_saved(exercise, entry if isinstance(entry, dict) else None)
        column = f"{stem}:{exercise.id}"
        grade.results[column] = result
        if not exercise.graded:              # free text: saved for the instructor to read
            grade.free_text_answered += result.status == "saved"
            if isinstance(value, str) and value.strip():
                grade.free_texts.append((column, value))
            continue
        grade.scores[column] = result.score
        grade.total += result.score
        grade.possible += exercise.points
        if result.status == "invalid":
            invalid.append(exercise.id)
        elif result.status == "unanswered":
            unanswered += 1
    if invalid and not quiet:
        grade.worsen("incomplete", f"{stem}: answer not valid for {', '.join(invalid)} (scored 0; the feedback "
                                   "file says why)")
    if unanswered and not quiet:
        graded = sum(e.graded for e in exercise_set.exercises)
        grade.worsen("incomplete", f"{stem}: {unanswered} of {graded} exercises not answered")


def _parse_time(text: str) -> datetime | None:
    """A time from an answers file or nbgrader's timestamp.txt (UTC when no zone is given)."""
    text = text.strip().replace(" UTC", "").replace("Z", "+00:00")
    for candidate in (text, text.replace(" ", "T", 1)):
        try:
            moment = datetime.fromisoformat(candidate)
        except ValueError:
            continue
        return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return None


def parse_deadline(text: str) -> datetime:
    """``--deadline`` (ISO 8601, e.g. ``2026-03-01T23:59``; UTC unless a zone is given)."""
    moment = _parse_time(text)
    if moment is None:
        raise ValueError(f"deadline {text!r} is not a date and time like 2026-03-01T23:59 or 2026-03-01T23:59+01:00")
    return moment


def _handed_in(timestamp: str | None, times: list[str]) -> str | None:
    """nbgrader's timestamp when there is one, else the latest save time in the answers files."""
    if timestamp and _parse_time(timestamp):
        return _parse_time(timestamp).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    known = [t for t in times if t and _parse_time(t)]
    if not known:
        return None
    return max(_parse_time(t) for t in known).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _run_values(grade: StudentGrade, stem: str, exercise_set: ExerciseSet, notebook: Path | None,
                options: RunOptions, exercises_dir: Path | None) -> dict[str, dict]:
    """Run the student's notebook; ``{exercise id: {"value": ...}}`` for the code exercises it set."""
    from medialit.exercises.coderun import run_notebook

    if notebook is None:
        grade.worsen("incomplete", f"no {stem}.ipynb to run: its code exercises score 0")
        return {}
    variables = {e.id: e.data["variable"] for e in exercise_set.exercises if KINDS[e.kind].reads_variable}
    outcome = run_notebook(notebook, variables, exercise_file=exercise_set.path,
                           cell_timeout=options.cell_timeout, run_timeout=options.run_timeout,
                           memory_mb=options.memory_mb)
    if outcome.status != "ok":
        grade.worsen("error")
    grade.problems += [f"{stem}.ipynb: {p}" for p in outcome.problems]
    return {i: {"value": v} for i, v in outcome.values.items()}


def apply_overrides(book: Gradebook, overrides: dict[tuple[str, str], tuple[float, str]]) -> list[str]:
    """Put the instructor's points in place of the graded ones; returns the overrides that matched nothing."""
    by_name = {g.student: g for g in book.grades}
    unused = []
    for (student, column), (points, note) in overrides.items():
        grade = by_name.get(student)
        if grade is None or column not in book.maxima:
            unused.append(f"{student},{column}")
            continue
        old = grade.scores.get(column, 0.0)
        grade.scores[column] = points
        grade.total += points - old
        grade.overrides[column] = (points, note)
        grade.problems.append(f"{column}: {points:g} points set by the instructor" + (f" ({note})" if note else ""))
    return unused


def grade_submissions(submissions: str | Path, *, exercises: str | Path | None = None,
                      notebooks: list[str] | None = None, options: RunOptions | None = None,
                      deadline: datetime | None = None, jobs: int = 1,
                      progress: Callable[[int, int], None] | None = None) -> Gradebook:
    """Grade every student folder; unpacks as ``(exercise columns, grades)``.

    ``jobs`` > 1 grades students in that many processes, never more than there are students
    (same result as one).
    """
    submissions = Path(submissions)
    if not submissions.is_dir():
        raise FileNotFoundError(f"{submissions}: no such folder of submissions")
    if exercises is None:
        from medialit.exercises.release import repo_folder   # imports nbformat (slow): only when needed
        exercises = repo_folder("exercises")
    exercises_dir = Path(exercises)
    broken: dict[str, str] = {}
    sets = load_exercise_sets(exercises_dir, broken)
    folders = student_folders(submissions)
    if notebooks is None:
        seen: set[str] = set()
        for f in folders:
            if not f.is_symlink():
                found = scan_folder(f)
                seen |= set(found.answers) | {s for s in found.notebooks if s in sets and has_code(sets[s])}
        notebooks = sorted(seen & set(sets))
        needed_broken = sorted(seen & set(broken))
    else:
        needed_broken = sorted(set(notebooks) & set(broken))
    if needed_broken:                 # a file nobody handed answers for does not stop the class
        raise ExerciseFileError(broken[needed_broken[0]])
    unknown = [n for n in notebooks if n not in sets]
    if unknown:
        raise ExerciseFileError(f"no exercise file for {', '.join(unknown)}")
    args = [(f, sets, notebooks, options, exercises_dir, deadline) for f in folders]
    grades: list[StudentGrade] = []
    if jobs > 1 and len(folders) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(folders))) as pool:
            for grade in pool.map(_grade_args, args):
                grades.append(grade)
                if progress:
                    progress(len(grades), len(folders))
    else:
        for a in args:
            grades.append(_grade_args(a))
            if progress:
                progress(len(grades), len(folders))
    columns = [f"{stem}:{e.id}" for stem in notebooks for e in sets[stem].exercises if e.graded]
    maxima = {f"{stem}:{e.id}": e.points for stem in notebooks for e in sets[stem].exercises if e.graded}
    return Gradebook(columns, grades, maxima, list(notebooks))


def _grade_args(args: tuple) -> StudentGrade:
    return grade_student(*args)
