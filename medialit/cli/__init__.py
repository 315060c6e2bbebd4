"""The ``medialit`` command line: one module a command, ``medialit/cli/<command>.py``, imported
only when that command is used, so ``medialit --help`` stays fast.

Every command module defines exactly two things ``main`` calls: ``register(parser)`` adds the
command's arguments, ``run(args) -> int`` does the work and returns the exit code. What the
commands share (errors and warnings as one line, JSON output, reading article files, passing
unknown options through) is in :mod:`medialit.cli.common`.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from types import ModuleType

#: Command name -> one line of help. The code of ``name`` is the module ``medialit.cli.<name>``.
COMMANDS = {
    "lab": "open JupyterLab on the notebooks (the student's entry)",
    "analyze": "sentences with sourcing, quotes, figures, boilerplate",
    "compare": "similarity, aligned sentences, word changes, quote drift",
    "families": "group a folder of articles into story families",
    "check": "figures checked against reference tables and against each other",
    "extract": "the article text and metadata of a saved web page or a URL",
    "fetch": "save a snapshot of a web page (its HTML and its article text)",
    "release": "student copy: notebooks without outputs, keys not readable",
    "grade": "grade collected submissions into a CSV gradebook",
    "exercises": "exercises lint: authoring problems of exercise files and notebooks",
}

#: Exit code when stdout was closed early (``medialit analyze ... | head``): 128 + SIGPIPE, as the shell reports it.
BROKEN_PIPE = 141


def command_module(name: str) -> ModuleType:
    """The module of command ``name``.

    >>> command_module("compare").__name__
    'medialit.cli.compare'
    """
    return importlib.import_module(f"{__name__}.{name}")


def _top_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="medialit", description="A Jupyter teaching kit on media literacy.")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        sub.add_parser(name, help=help_text, add_help=False)
    return parser


def _quiet_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a real file (a test's StringIO)
        pass


def main(argv: list[str] | None = None) -> int:
    """Run ``medialit COMMAND ...`` and return its exit code."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--version"]:  # answered before anything else is imported
        import medialit
        print(f"medialit {medialit.__version__}")
        return 0
    if not argv or argv[0] not in COMMANDS:
        parser = _top_parser()
        parser.parse_args(argv)  # prints help (exit 0) or a usage error (exit 2)
        parser.print_help()
        return 2 if argv else 0
    # Only the chosen command's module is imported.
    from medialit.cli.common import UNKNOWN_ARGS, passes_unknown_args, warnings_as_lines

    name = argv[0]
    module = command_module(name)
    parser = argparse.ArgumentParser(prog=f"medialit {name}", description=COMMANDS[name])
    module.register(parser)
    if passes_unknown_args(parser):
        args, unknown = parser.parse_known_args(argv[1:])
        setattr(args, UNKNOWN_ARGS, unknown)
    else:
        args = parser.parse_args(argv[1:])
    try:
        with warnings_as_lines(name):
            code = module.run(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's flush at exit
    except BrokenPipeError:
        _quiet_stdout()
        return BROKEN_PIPE
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
