"""``medialit release OUT``: write the student copy of the kit (the work is
:func:`medialit.exercises.release.build_release`).

``--no-keys`` builds an assessment release: no key in any form, no per-answer feedback.

Exit code 2 when nothing could be written (a bad exercise file, a folder that cannot be
written; each cause one line on stderr naming the file and line), 1 when the copy was written
but a notebook and its exercises do not match (each one line on stderr).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from medialit.cli.common import error
from medialit.exercises.release import ReleaseError, build_release
from medialit.exercises.spec import ExerciseFileError


def register(parser: argparse.ArgumentParser) -> None:
    """Declare ``OUT``, ``--no-keys``, ``--notebooks``, ``--exercises`` and ``--seeds``."""
    parser.add_argument("out", help="folder to write the student copy into (created if needed)")
    parser.add_argument("--no-keys", action="store_true",
                        help="assessment release: no answer key in any form and no per-answer feedback; "
                             "only `medialit grade` scores (default: practice release, immediate feedback)")
    parser.add_argument("--notebooks", type=Path, default=None, help="notebooks folder (default: ./notebooks)")
    parser.add_argument("--exercises", type=Path, default=None, help="exercise files (default: ./exercises)")
    parser.add_argument("--seeds", type=Path, default=None, help="seed articles (default: ./seeds)")


def run(args: argparse.Namespace) -> int:
    """Build the release and print a summary; see the module docstring for the exit codes."""
    mode = "assessment" if args.no_keys else "practice"
    try:
        report = build_release(args.out, notebooks=args.notebooks, exercises=args.exercises, seeds=args.seeds,
                               mode=mode)
    except ReleaseError as err:
        for problem in err.problems:
            error("release", problem)
        return 2
    except (ExerciseFileError, OSError) as err:
        error("release", err)
        return 2
    for problem in report.problems:
        error("release", problem)
    keys = "no keys" if mode == "assessment" else "whole-answer keys, slow-hashed"
    wheel = f", package {report.wheel.relative_to(report.out)}" if report.wheel else ""
    print(f"Wrote {report.out} ({mode} release, {keys}): {len(report.notebooks)} notebooks, "
          f"{len(report.exercise_files)} exercise files, {report.check_cells} check cells marked for nbgrader{wheel}.")
    return 1 if report.problems else 0
