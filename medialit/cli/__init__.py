"""The ``medialit`` command line. Each subcommand lives in its own module, imported only
when it is used, so ``medialit --help`` stays fast.

Every command module provides ``register(parser)`` (add its arguments) and
``run(args) -> int`` (the exit code)."""
from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS = {
    "lab": ("medialit.cli.lab", "open JupyterLab on the notebooks (the student's entry)"),
    "analyze": ("medialit.report.analysis", "sentences with sourcing, quotes, figures, boilerplate"),
    "compare": ("medialit.cli.compare", "similarity, aligned sentences, word changes, quote drift"),
    "families": ("medialit.cli.compare", "group a folder of articles into story families"),
    "release": ("medialit.exercises.release", "student copy: notebooks without outputs, keys not readable"),
    "grade": ("medialit.exercises.grade", "grade collected submissions into a CSV gradebook"),
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="medialit", description="A Jupyter teaching kit on media literacy.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_, help_text) in COMMANDS.items():
        sub.add_parser(name, help=help_text, add_help=False)
    # Only the chosen command's module is imported.
    if not argv or argv[0] not in COMMANDS:
        parser.parse_args(argv)  # prints help or a usage error
        parser.print_help()
        return 2 if argv else 0
    name = argv[0]
    module = importlib.import_module(COMMANDS[name][0])
    cmd_parser = argparse.ArgumentParser(prog=f"medialit {name}", description=COMMANDS[name][1])
    register = getattr(module, f"register_{name}", None) or module.register
    run = getattr(module, f"run_{name}", None) or module.run
    register(cmd_parser)
    if getattr(module, "PASS_UNKNOWN_ARGS", False):
        args, args.extra = cmd_parser.parse_known_args(argv[1:])
    else:
        args = cmd_parser.parse_args(argv[1:])
    return int(run(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
