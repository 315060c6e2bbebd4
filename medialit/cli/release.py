"""``medialit release OUT``: write the student copy of the kit (the work is
:func:`medialit.exercises.release.build_release`).

Exit code 2 when nothing could be written (a bad exercise file, a folder that cannot be
written), 1 when the copy was written but a notebook had a problem (each one line on stderr).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from medialit.cli.common import error
from medialit.exercises.release import build_release
from medialit.exercises.spec import ExerciseFileError


def register(parser: argparse.ArgumentParser) -> None:
    """Declare ``OUT``, ``--notebooks`` and ``--exercises``."""
    parser.add_argument("out", help="folder to write the student copy into (created if needed)")
    parser.add_argument("--notebooks", type=Path, default=None, help="notebooks folder (default: ./notebooks)")
    parser.add_argument("--exercises", type=Path, default=None, help="exercise files (default: ./exercises)")


def run(args: argparse.Namespace) -> int:
    """Build the release and print a summary; see the module docstring for the exit codes."""
    try:
        report = build_release(args.out, notebooks=args.notebooks, exercises=args.exercises)
    except (ExerciseFileError, OSError) as err:
        error("release", err)
        return 2
    for problem in report.problems:
        error("release", problem)
    print(f"Wrote {report.out}: {len(report.notebooks)} notebooks, {len(report.exercise_files)} exercise files "
          f"(keys hashed), {report.check_cells} check cells marked for nbgrader.")
    return 1 if report.problems else 0
