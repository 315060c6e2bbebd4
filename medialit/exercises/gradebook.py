"""The files ``medialit grade`` writes from a graded class (:class:`grade.Gradebook`).

* ``grades.csv``: UTF-8 with a BOM (spreadsheets then read accents right), one row per
  student after a ``(max points)`` row: status, late flag, points per exercise, a subtotal
  per notebook, total, possible, percent, free-text answers saved, attempts (the checks the
  answers files record for the graded exercises: student-reported, the feedback file has them
  per exercise), and a short problems column (at most :data:`PROBLEMS_CHARS` characters; the
  feedback file has them all).
* ``grades_lms.csv``: the totals in the column layout of Canvas's gradebook import
  (``Student, ID, SIS User ID, SIS Login ID, Section``, then one column per notebook and the
  total); Moodle's CSV grade import reads the same file (map ``SIS Login ID`` to the username).
* ``grades_feedback/<student>.md``: each exercise's result, feedback, hint and recorded checks,
  and every problem.
* ``grades_free_text.csv``: the free-text answers for the instructor to read.

Overrides (``--overrides FILE``) are a CSV ``student,exercise,points[,note]`` whose points
replace the graded ones (``exercise`` is a gradebook column such as ``05_checking_figures:q5.3``).
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

from medialit.errors import MedialitError
from medialit.exercises.grade import Gradebook, StudentGrade

PROBLEMS_CHARS = 240
MAX_ROW = "(max points)"
LMS_HEAD = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]


class OverridesError(MedialitError):
    """The overrides file cannot be used (one line names the file and the row)."""


def _points(x: float) -> str:
    return f"{x:g}"


def short_problems(problems: list[str], limit: int = PROBLEMS_CHARS) -> str:
    """The problems joined with ``; ``, cut to ``limit`` characters with a count of the rest."""
    out, used = [], 0
    for i, problem in enumerate(problems):
        problem = problem if len(problem) <= 160 else problem[:157] + "..."
        if used + len(problem) > limit and out:
            out.append(f"(+{len(problems) - i} more in the feedback file)")
            break
        out.append(problem)
        used += len(problem) + 2
    return "; ".join(out)


def percent(grade: StudentGrade, possible: float) -> str:
    return f"{100 * grade.total / possible:.1f}" if possible else ""


def write_csv(path: Path, book: Gradebook) -> None:
    """The class gradebook (see the module docstring for its columns)."""
    subtotals = [f"{stem}:total" for stem in book.notebooks]
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "status", "late", *book.columns, *subtotals, "total", "possible", "percent",
                         "free_text_answered", "attempts", "problems"])
        writer.writerow([MAX_ROW, "", "", *(_points(book.maxima[c]) for c in book.columns),
                         *(_points(book.notebook_max(s)) for s in book.notebooks), _points(book.possible),
                         _points(book.possible), "100", "", "", ""])
        for g in book.grades:
            writer.writerow([g.student, g.status, "yes" if g.late else "",
                             *(_points(g.scores.get(c, 0.0)) for c in book.columns),
                             *(_points(g.subtotal(s)) for s in book.notebooks), _points(g.total),
                             _points(book.possible), percent(g, book.possible), g.free_text_answered,
                             g.total_attempts, short_problems(g.problems)])


def write_lms_csv(path: Path, book: Gradebook) -> None:
    """Totals per notebook in Canvas's gradebook-import layout (Moodle imports it too)."""
    heads = [f"{stem} ({_points(book.notebook_max(stem))})" for stem in book.notebooks]
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow([*LMS_HEAD, *heads, f"medialit total ({_points(book.possible)})"])
        for g in book.grades:
            writer.writerow([g.student, "", "", g.student, "", *(_points(g.subtotal(s)) for s in book.notebooks),
                             _points(g.total)])


def safe_name(student: str) -> str:
    """A file name for a student's feedback (the folder name, with anything odd replaced)."""
    name = re.sub(r"[^\w.-]+", "_", student).strip("._") or "student"
    return name[:80]


def feedback_markdown(grade: StudentGrade, book: Gradebook) -> str:
    """One student's feedback: status, totals, each exercise's result, and every problem."""
    lines = [f"# Feedback for {grade.student}", "",
             f"- Status: **{grade.status}**" + (" (handed in after the deadline)" if grade.late else ""),
             f"- Total: **{_points(grade.total)} / {_points(book.possible)}** ({percent(grade, book.possible)}%)",
             f"- Checks recorded in your answers files (graded exercises): {grade.total_attempts}", ""]
    for stem in book.notebooks:
        lines += [f"## {stem}: {_points(grade.subtotal(stem))} / {_points(book.notebook_max(stem))}", ""]
        for column, result in grade.results.items():
            if column.split(":", 1)[0] != stem:
                continue
            shown = str(result).splitlines()
            if column in grade.overrides:
                points, note = grade.overrides[column]
                shown.append(f"  Set by your instructor: {_points(points)} points" + (f" ({note})" if note else ""))
            shown.append(f"  {attempts_line(grade.attempts.get(column))}")
            lines += [f"- {shown[0]}", *(f"  {line}" for line in shown[1:])]
        lines.append("")
    if grade.problems:
        lines += ["## Problems with the submission", "", *(f"- {p}" for p in grade.problems), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def attempts_line(entry: dict | None) -> str:
    """How often an exercise was checked, as the feedback file says it."""
    if not entry:
        return "Checks recorded: none"
    times = "1 time" if entry["count"] == 1 else f"{entry['count']} times"
    when = entry["first"] if entry["first"] == entry["last"] else f"first {entry['first']}, last {entry['last']}"
    return f"Checks recorded: {times} ({when})"


def write_feedback(folder: Path, book: Gradebook) -> int:
    """``folder/<student>.md`` for every student; returns how many were written."""
    folder.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    for grade in book.grades:
        name = safe_name(grade.student)
        while name in used:
            name += "_"
        used.add(name)
        (folder / f"{name}.md").write_text(feedback_markdown(grade, book), encoding="utf-8")
    return len(book.grades)


def write_free_text(path: Path, grades: list[StudentGrade]) -> int:
    """One row per free-text answer (student, exercise, answer); returns the number of rows."""
    rows = [(g.student, column, text) for g in grades for column, text in g.free_texts]
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "exercise", "answer"])
        writer.writerows(rows)
    return len(rows)


def free_text_path(out: Path) -> Path:
    """``grades.csv`` -> ``grades_free_text.csv`` in the same folder."""
    return out.with_name(f"{out.stem}_free_text.csv")


def lms_path(out: Path) -> Path:
    """``grades.csv`` -> ``grades_lms.csv`` in the same folder."""
    return out.with_name(f"{out.stem}_lms.csv")


def feedback_path(out: Path) -> Path:
    """``grades.csv`` -> ``grades_feedback/`` (not ``feedback/``, which is nbgrader's own folder)."""
    return out.with_name(f"{out.stem}_feedback")


def read_overrides(path: Path) -> dict[tuple[str, str], tuple[float, str]]:
    """``{(student, column): (points, note)}`` from a CSV ``student,exercise,points[,note]``."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise OverridesError(f"{path}: cannot be read ({err})") from None
    out: dict[tuple[str, str], tuple[float, str]] = {}
    for number, row in enumerate(csv.reader(text.splitlines()), start=1):
        if not row or not "".join(row).strip() or row[0].strip().startswith("#"):
            continue
        if number == 1 and row[0].strip().lower() == "student":
            continue
        if len(row) < 3:
            raise OverridesError(f"{path}, line {number}: expected student,exercise,points[,note]")
        try:
            points = float(row[2])
        except ValueError:
            raise OverridesError(f"{path}, line {number}: points {row[2]!r} is not a number") from None
        if not points >= 0:
            raise OverridesError(f"{path}, line {number}: points must be a number >= 0")
        out[(row[0].strip(), row[1].strip())] = (points, ",".join(row[3:]).strip())
    return out
