"""``medialit grade SUBMISSIONS [--out grades.csv] ...``: the gradebook of a class from the saved
answers (the work is :func:`medialit.exercises.grade.grade_submissions`; the files it writes are
described in :mod:`medialit.exercises.gradebook`).

Exit code 2 when nothing could be graded (no such folder, a bad exercise or overrides file, a
gradebook that cannot be written), 1 when a submission is ``missing`` or could not be graded
(``error``), 0 otherwise. Every student whose status is not ``complete`` gets one line on stderr.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from medialit.cli.common import add_jobs_option, default_jobs, error
from medialit.errors import MedialitError
from medialit.exercises.grade import RunOptions, apply_overrides, grade_submissions, parse_deadline
from medialit.exercises.gradebook import (feedback_path, free_text_path, lms_path, read_overrides, short_problems, write_csv,
                                          write_feedback, write_free_text, write_lms_csv)


def register(parser: argparse.ArgumentParser) -> None:
    """Declare ``SUBMISSIONS`` and the options of the gradebook and of running code exercises."""
    parser.add_argument("submissions", type=Path, help="folder with one subfolder per student")
    parser.add_argument("--out", type=Path, default=Path("grades.csv"), help="CSV to write (default grades.csv)")
    parser.add_argument("--free-text", type=Path, default=None, dest="free_text",
                        help="CSV of the free-text answers for you to read (default: <out stem>_free_text.csv "
                             "next to --out)")
    parser.add_argument("--lms", type=Path, default=None,
                        help="CSV of the totals for a Canvas or Moodle gradebook import (default: <out stem>_lms.csv)")
    parser.add_argument("--feedback", type=Path, default=None,
                        help="folder of per-student feedback files, <student>.md (default: <out stem>_feedback/ next to --out, e.g. grades_feedback/)")
    parser.add_argument("--exercises", type=Path, default=None,
                        help="the instructor's exercise files (default: ./exercises or the kit's)")
    parser.add_argument("--notebook", action="append", dest="notebooks", default=None,
                        help="grade only this notebook stem (repeatable; default: every one handed in)")
    parser.add_argument("--deadline", default=None,
                        help="mark as late what was saved after this time (ISO 8601, e.g. 2026-03-01T23:59; UTC "
                             "unless a zone like +01:00 is given)")
    parser.add_argument("--overrides", type=Path, default=None,
                        help="CSV student,exercise,points[,note]: points you set by hand replace the graded ones")
    add_jobs_option(parser, "grade N students at a time in separate processes (default: the number of cores, never "
                            "more than there are students, at most 32; the gradebook is the same as with one job)")
    parser.add_argument("--cell-timeout", type=float, default=30.0,
                        help="code exercises: seconds each cell of a student's notebook may run (default 30)")
    parser.add_argument("--run-timeout", type=float, default=300.0,
                        help="code exercises: seconds a whole notebook may run (default 300)")
    parser.add_argument("--memory", type=int, default=2048, dest="memory_mb",
                        help="code exercises: megabytes of memory the run of a student's notebook may use (default 2048)")
    parser.add_argument("--no-run", action="store_true",
                        help="never run student notebooks; grade code exercises from the saved answers file")


def _progress(done: int, total: int) -> None:
    """A progress bar on stderr when it is a terminal (nothing in logs and pipes)."""
    if not sys.stderr.isatty():
        return
    width = 30
    filled = int(width * done / total) if total else width
    sys.stderr.write(f"\rgrading [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    """Grade, write the gradebook files and print a summary; see the module docstring for exit codes."""
    options = RunOptions(run=not args.no_run, cell_timeout=args.cell_timeout, run_timeout=args.run_timeout,
                         memory_mb=args.memory_mb)
    free_text = args.free_text or free_text_path(args.out)
    lms = args.lms or lms_path(args.out)
    feedback = args.feedback or feedback_path(args.out)
    jobs = min(args.jobs or default_jobs(), 32)   # grade_submissions uses no more than there are students
    try:
        deadline = parse_deadline(args.deadline) if args.deadline else None
        overrides = read_overrides(args.overrides) if args.overrides else {}
        book = grade_submissions(args.submissions, exercises=args.exercises, notebooks=args.notebooks,
                                 options=options, deadline=deadline, jobs=jobs, progress=_progress)
        unused = apply_overrides(book, overrides)
        write_csv(args.out, book)
        write_lms_csv(lms, book)
        write_feedback(feedback, book)
        answered = write_free_text(free_text, book.grades)
    except (MedialitError, OSError, ValueError) as err:
        error("grade", err)
        return 2
    for entry in unused:
        error("grade", f"{args.overrides}: override {entry} matches no student or exercise; not used")
    troubled = [g for g in book.grades if g.status != "complete"]
    for g in troubled:
        error("grade", f"{g.student}: {g.status}: {short_problems(g.problems)}")
    print(f"Graded {len(book.grades)} students on {len(book.columns)} exercises into {args.out}"
          + (f" ({len(troubled)} not complete, see the status column)" if troubled else "")
          + f"; totals for an LMS in {lms}; feedback in {feedback}/; {answered} free-text answers in {free_text}")
    return 1 if any(g.status in ("error", "missing") for g in book.grades) else 0
