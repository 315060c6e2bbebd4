"""What every ``medialit`` command shares: how errors and warnings are printed, how JSON is
printed and ``--json`` declared, how article files are read, and how a command asks for the
options it does not know (``lab`` hands them to JupyterLab).

Errors and warnings are one line on stderr, prefixed with the command:

>>> import contextlib, io
>>> err = io.StringIO()
>>> with contextlib.redirect_stderr(err):
...     error("analyze", "notes/a.txt: file does not exist")
...     warning("analyze", "catalog.toml, line 3:\\n invalid TOML")
>>> print(err.getvalue(), end="")
medialit analyze: notes/a.txt: file does not exist
medialit analyze: warning: catalog.toml, line 3: invalid TOML
"""
from __future__ import annotations

import argparse
import contextlib
import json
import sys
import warnings
from pathlib import Path
from typing import Any, Callable, Generic, Iterable, Iterator, TextIO, TypeVar

from medialit.corpus.files import CorpusError

T = TypeVar("T")

#: Where a command that calls :func:`pass_unknown_args` finds the options it did not declare.
UNKNOWN_ARGS = "extra"


def one_line(message: object) -> str:
    """The message with every run of whitespace (newlines included) made one space.

    >>> one_line("line 3:\\n  invalid   TOML ")
    'line 3: invalid TOML'
    """
    return " ".join(str(message).split())


def error(command: str, message: object) -> None:
    """Print ``medialit <command>: <message>`` on stderr, as one line."""
    print(f"medialit {command}: {one_line(message)}", file=sys.stderr, flush=True)


def warning(command: str, message: object) -> None:
    """Print ``medialit <command>: warning: <message>`` on stderr, as one line."""
    print(f"medialit {command}: warning: {one_line(message)}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def warnings_as_lines(command: str) -> Iterator[None]:
    """Within the block, a warning is printed by :func:`warning`: no source path, no code line.

    Which warnings are shown (once per place, by default) is still up to Python's filters.

    >>> import contextlib, io
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err), warnings_as_lines("families"):
    ...     warnings.warn("a.txt: file is empty")
    >>> err.getvalue()
    'medialit families: warning: a.txt: file is empty\\n'
    """
    def show(message: Warning | str, category: type[Warning], filename: str, lineno: int,
             file: TextIO | None = None, line: str | None = None) -> None:
        warning(command, message)

    with warnings.catch_warnings():
        warnings.showwarning = show
        yield


def add_json_option(parser: argparse.ArgumentParser, help: str) -> None:
    """Declare ``--json`` (``args.json``); ``help`` says what is printed or where it is documented."""
    parser.add_argument("--json", action="store_true", help=help)


def print_json(data: Any, file: TextIO | None = None) -> None:
    """Print ``data`` as JSON: UTF-8 as is (no ``\\u`` escapes), indented by one, newline at the end.

    >>> print_json({"families": [["a.txt", "café.txt"]]})
    {
     "families": [
      [
       "a.txt",
       "café.txt"
      ]
     ]
    }
    """
    out = sys.stdout if file is None else file
    out.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


class ArticleFiles(Generic[T]):
    """Read files one by one with ``read`` (a function that raises ``CorpusError`` naming the
    file), report each file that fails as one error line, and go on with the others.

    Iterate to get ``(name, result)`` for each file that could be read; afterwards ``failed``
    lists the names that could not.

    >>> from medialit.corpus import load_article
    >>> files = ArticleFiles("analyze", ["no/such/file.txt"], load_article)
    >>> list(files), files.failed  # the error line went to stderr
    ([], ['no/such/file.txt'])
    """

    def __init__(self, command: str, names: Iterable[str], read: Callable[[Path], T]) -> None:
        self.command = command
        self.names = list(names)
        self.read = read
        self.failed: list[str] = []

    def __iter__(self) -> Iterator[tuple[str, T]]:
        for name in self.names:
            try:
                result = self.read(Path(name))
            except CorpusError as err:  # its message names the file and the problem
                error(self.command, err)
                self.failed.append(name)
                continue
            yield name, result


def pass_unknown_args(parser: argparse.ArgumentParser, help: str) -> None:
    """Declare that the command takes options it does not know; they arrive, in order, as
    the list ``args.extra``. ``help`` (shown at the end of ``--help``) says where they go."""
    parser.set_defaults(**{UNKNOWN_ARGS: []})
    parser.epilog = help


def passes_unknown_args(parser: argparse.ArgumentParser) -> bool:
    """Whether the command's ``register`` called :func:`pass_unknown_args`."""
    return parser.get_default(UNKNOWN_ARGS) is not None
