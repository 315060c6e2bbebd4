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
import os
import sys
import warnings
from pathlib import Path
from typing import Any, Callable, Generic, Iterable, Iterator, TextIO, TypeVar

from medialit.corpus.files import CorpusError
from medialit.records import dump, dumps

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
    out.write(dumps(data) + "\n")


class JsonArray:
    """Write a JSON array one item at a time, exactly as :func:`print_json` writes the whole
    list: "[]" when empty, else one item an indented block. Each item is flushed as it
    comes, so a long run shows (and streams) its output file by file.

    >>> import io
    >>> out = io.StringIO()
    >>> array = JsonArray(out)
    >>> array.add({"a": 1}); array.add([]); array.close()
    >>> out.getvalue() == io.StringIO().getvalue() or print(out.getvalue(), end="")
    [
     {
      "a": 1
     },
     []
    ]
    """

    def __init__(self, file: TextIO | None = None) -> None:
        self.file = file
        self.count = 0

    def add(self, item: Any, text: str | None = None) -> None:
        """Add ``item`` (or its JSON ``text`` from :func:`medialit.records.dumps`, already
        made). An item is written in chunks as it is turned into JSON (a record's lists one
        record at a time), so a large one is never held as one string."""
        out = sys.stdout if self.file is None else self.file
        out.write("[\n " if self.count == 0 else ",\n ")
        if text is not None:
            out.write(text.replace("\n", "\n "))
        else:
            dump(item, lambda chunk: out.write(chunk.replace("\n", "\n ")))
        out.flush()
        self.count += 1

    def add_written(self, write_item: Callable[[Callable[[str], Any]], Any]) -> None:
        """Add an item whose JSON text (as :func:`medialit.records.dumps` lays it out)
        ``write_item(write)`` writes in pieces through ``write``: a long file's analysis,
        written as it is worked out."""
        out = sys.stdout if self.file is None else self.file
        out.write("[\n " if self.count == 0 else ",\n ")
        write_item(lambda chunk: out.write(chunk.replace("\n", "\n ")))
        out.flush()
        self.count += 1

    def add_raw(self, data: bytes, buffer) -> None:
        """Add an item already laid out and encoded (as :meth:`add` would write its text,
        every line after the first indented by one), written to ``buffer``: the byte
        stream under this array's text stream."""
        out = sys.stdout if self.file is None else self.file
        out.write("[\n " if self.count == 0 else ",\n ")
        out.flush()
        buffer.write(data)
        buffer.flush()
        self.count += 1

    def close(self) -> None:
        out = sys.stdout if self.file is None else self.file
        out.write("[]\n" if self.count == 0 else "\n]\n")
        out.flush()


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
        return self.collect(self.failed)

    def collect(self, failed: list[str]) -> Iterator[tuple[str, T]]:
        """Iterate, adding the names that could not be read to ``failed``."""
        for name in self.names:
            try:
                result = self.read(Path(name))
            except CorpusError as err:  # its message names the file and the problem
                error(self.command, err)
                failed.append(name)
                continue
            yield name, result


def add_jobs_option(parser: argparse.ArgumentParser, help: str | None = None) -> None:
    """Declare ``--jobs N`` (``args.jobs``, None when not given): the work is shared by N
    processes; the output is the same as with one, in the order the files were given.
    Default: the number of cores (:func:`default_jobs`; never more processes than files,
    see :func:`jobs_for`). Every command declares it here, so ``--jobs 0`` or ``--jobs x``
    gets the same one-line usage error everywhere. ``help`` replaces the default help text."""
    parser.add_argument("--jobs", "-j", type=_positive_int, default=None, metavar="N",
                        help=help or "worker processes (default: the number of cores); output order and content do not change")


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """Declare ``--encoding NAME`` and ``--max-size MB`` (how article files are read)."""
    parser.add_argument("--encoding", default=None, metavar="NAME",
                        help="text encoding of the files (default: UTF-8, UTF-16/32 with a byte-order mark, or "
                             "else the encoding detected, named in a warning); forces NAME for every file")
    parser.add_argument("--max-size", type=_positive_float, default=None, metavar="MB",
                        help="largest file read, in megabytes (default: 100, or MEDIALIT_MAX_MB)")


def reading_options(args: argparse.Namespace) -> dict[str, Any]:
    """``encoding`` and ``limit`` (bytes) for :func:`medialit.corpus.files.read_text`, from the options."""
    mb = getattr(args, "max_size", None)
    return {"encoding": getattr(args, "encoding", None), "limit": None if mb is None else int(mb * 1_000_000)}


def _positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {n}")
    return n


def _positive_float(text: str) -> float:
    try:
        x = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not x > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
    return x


def jobs_for(requested: int | None, n_files: int) -> int:
    """How many processes to use: ``requested`` (default: the cores this process may use),
    never more than there are files.

    >>> jobs_for(4, 2), jobs_for(None, 1)
    (2, 1)
    """
    if requested is None:
        requested = default_jobs()
    return max(1, min(requested, n_files))


def default_jobs() -> int:
    """The number of cores this process may use (at least 1): ``--jobs`` when not given."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _work_on(work: Callable[[Path], T], name: str) -> tuple[str, T | None, str | None, list[str]]:
    """In a worker process: ``work`` on one file, with its error and warnings as text."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result, problem = work(Path(name)), None
        except CorpusError as err:
            result, problem = None, str(err)
    return name, result, problem, [str(w.message) for w in caught]


def _work_on_chunk(work: Callable[[Path], T], names: list[str]) -> list[tuple[str, T | None, str | None, list[str]]]:
    """In a worker process: :func:`_work_on` for each of ``names``, in order."""
    return [_work_on(work, name) for name in names]


def chunk_sizes(n: int, jobs: int, largest: int = 8) -> list[int]:
    """How many files each task a worker takes holds, in order: up to ``largest`` while
    much is left (fewer round trips through the main process, whose management thread must
    refill the workers' queue), then fewer and fewer, down to one file a task at the end,
    so the workers finish together.

    >>> chunk_sizes(40, 2)
    [5, 4, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
    >>> sum(chunk_sizes(200, 2)), chunk_sizes(200, 2)[:3], chunk_sizes(3, 4)
    (200, [8, 8, 8], [1, 1, 1])
    """
    sizes, left = [], n
    while left > 0:
        size = max(1, min(largest, left // (4 * jobs)))
        sizes.append(size)
        left -= size
    return sizes


#: A task holds files of at most this many bytes together (a larger file goes alone), so
#: a worker never holds many long files' output at once.
CHUNK_BYTES = 250_000


def chunks_of(names: list[str], jobs: int) -> list[list[str]]:
    """``names`` cut into tasks of :func:`chunk_sizes` files, each task holding at most
    :data:`CHUNK_BYTES` bytes of files on disk unless it is one file."""
    def size(name: str) -> int:
        try:
            return os.stat(name).st_size
        except OSError:  # the work says what is wrong with it
            return 0

    out, start = [], 0
    for most in chunk_sizes(len(names), jobs):
        if start >= len(names):
            break
        end, total = start + 1, size(names[start])
        while end < start + most and end < len(names) and total + size(names[end]) <= CHUNK_BYTES:
            total += size(names[end])
            end += 1
        out.append(names[start:end])
        start = end
    while start < len(names):  # cut short by the byte cap: the rest one by one
        out.append([names[start]])
        start += 1
    return out


class ParallelFiles(Generic[T]):
    """:class:`ArticleFiles` with ``jobs`` worker processes: ``work(path)`` (a picklable,
    module-level function; it raises ``CorpusError`` naming the file) runs in the workers,
    and the results come back in the order of ``names``, each error and warning printed
    when its file's turn comes, so the output is the same as with one process. One job
    (or one file) works in this process, with nothing to pickle."""

    def __init__(self, command: str, names: Iterable[str], work: Callable[[Path], T], jobs: int | None = None,
                 warm_up: Callable[[], object] | None = None) -> None:
        self.command = command
        self.names = list(names)
        self.work = work
        self.warm_up = warm_up  # called once before the workers start (they are forked from this process)
        self.jobs = jobs_for(jobs, len(self.names))
        self.failed: list[str] = []

    def __iter__(self) -> Iterator[tuple[str, T]]:
        if self.jobs == 1:
            yield from ArticleFiles(self.command, self.names, self.work).collect(self.failed)
            return
        import concurrent.futures
        import functools
        import gc
        import multiprocessing

        if self.warm_up is not None:
            self.warm_up()  # rule tables compiled once here, not once in each worker
        gc.freeze()  # what is loaded now is shared with the workers, not copied by the collector
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        pool = concurrent.futures.ProcessPoolExecutor(self.jobs, mp_context=context)
        try:
            task = functools.partial(_work_on_chunk, self.work)
            chunks = [pool.submit(task, names) for names in chunks_of(self.names, self.jobs)]
            for chunk in chunks:  # in the order of the names, whichever worker finishes first
                for name, result, problem, caught in chunk.result():
                    for message in caught:
                        warning(self.command, message)
                    if problem is not None:
                        error(self.command, problem)
                        self.failed.append(name)
                        continue
                    yield name, result
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def pass_unknown_args(parser: argparse.ArgumentParser, help: str) -> None:
    """Declare that the command takes options it does not know; they arrive, in order, as
    the list ``args.extra``. ``help`` (shown at the end of ``--help``) says where they go."""
    parser.set_defaults(**{UNKNOWN_ARGS: []})
    parser.epilog = help


def passes_unknown_args(parser: argparse.ArgumentParser) -> bool:
    """Whether the command's ``register`` called :func:`pass_unknown_args`."""
    return parser.get_default(UNKNOWN_ARGS) is not None
