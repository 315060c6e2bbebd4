"""``medialit exercises lint``: authoring problems of the kit's exercise files and notebooks.

One line per problem on stderr, naming the file and line (or notebook cell): a TOML syntax
error, a duplicate id, a bad field, an exercise without its check cell, a check cell without
its exercise, a key that does not pass its own check. Exit code 0 when there is none, 1 otherwise.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from medialit.cli.common import error
from medialit.exercises.authoring import lint
from medialit.exercises.release import repo_folder


def register(parser: argparse.ArgumentParser) -> None:
    """Declare the ``lint`` action, ``--exercises`` and ``--notebooks``."""
    parser.add_argument("action", choices=["lint"], help="lint: check exercise files against the notebooks")
    parser.add_argument("--exercises", type=Path, default=None, help="exercise files (default: ./exercises)")
    parser.add_argument("--notebooks", type=Path, default=None, help="notebooks folder (default: ./notebooks)")


def run(args: argparse.Namespace) -> int:
    """Lint and print each problem; see the module docstring for the exit codes."""
    exercises = args.exercises or repo_folder("exercises")
    notebooks = args.notebooks or repo_folder("notebooks")
    problems = lint(exercises, notebooks)
    for problem in problems:
        error("exercises", problem)
    count = len(list(Path(exercises).glob("*.toml"))) if Path(exercises).is_dir() else 0
    print(f"Linted {count} exercise files against {notebooks}: "
          f"{len(problems)} problem{'' if len(problems) == 1 else 's'}.")
    return 1 if problems else 0
