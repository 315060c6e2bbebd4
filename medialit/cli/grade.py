"""``medialit grade SUBMISSIONS [--out grades.csv] ...``: a CSV gradebook from the saved
answers of a class (the work is :func:`medialit.exercises.grade.grade_submissions`).

Exit code 2 when nothing could be graded (no such folder, a bad exercise file, a CSV that
cannot be written), 1 when a student's submission had problems (one line each on stderr,
and the ``status`` column says which).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from medialit.cli.common import error
from medialit.exercises.grade import RunOptions, free_text_path, grade_submissions, write_csv, write_free_text
from medialit.exercises.spec import ExerciseFileError


def register(parser: argparse.ArgumentParser) -> None:
    """Declare ``SUBMISSIONS`` and the options of the gradebook and of running code exercises."""
    parser.add_argument("submissions", type=Path, help="folder with one subfolder per student")
    parser.add_argument("--out", type=Path, default=Path("grades.csv"), help="CSV to write (default grades.csv)")
    parser.add_argument("--free-text", type=Path, default=None, dest="free_text",
                        help="CSV of the free-text answers for you to read (default: <out stem>_free_text.csv "
                             "next to --out)")
    parser.add_argument("--exercises", type=Path, default=None,
                        help="the instructor's exercise files (default: ./exercises or the kit's)")
    parser.add_argument("--notebook", action="append", dest="notebooks", default=None,
                        help="grade only this notebook stem (repeatable; default: every one handed in)")
    parser.add_argument("--cell-timeout", type=float, default=30.0,
                        help="code exercises: seconds each cell of a student's notebook may run (default 30)")
    parser.add_argument("--run-timeout", type=float, default=300.0,
                        help="code exercises: seconds a whole notebook may run (default 300)")
    parser.add_argument("--no-run", action="store_true",
                        help="never run student notebooks; grade code exercises from the saved answers file")


def run(args: argparse.Namespace) -> int:
    """Grade, write the two CSVs and print a summary; see the module docstring for the exit codes."""
    options = RunOptions(run=not args.no_run, cell_timeout=args.cell_timeout, run_timeout=args.run_timeout)
    free_text = args.free_text or free_text_path(args.out)
    try:
        columns, grades = grade_submissions(args.submissions, exercises=args.exercises, notebooks=args.notebooks,
                                            options=options)
        write_csv(args.out, columns, grades)
        answered = write_free_text(free_text, grades)
    except (ExerciseFileError, OSError) as err:
        error("grade", err)
        return 2
    troubled = [g for g in grades if g.status != "ok"]
    for g in troubled:
        error("grade", f"{g.student}: {g.status}: {'; '.join(g.problems)}")
    print(f"Graded {len(grades)} students on {len(columns)} exercises into {args.out}"
          + (f" ({len(troubled)} with problems, see the status column)" if troubled else "")
          + f"; {answered} free-text answers in {free_text}")
    return 1 if troubled else 0
