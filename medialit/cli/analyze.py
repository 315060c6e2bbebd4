"""``medialit analyze FILE... [--json] [--jobs N]``: one report per article, sentences with
their sourcing, quotes, figures and boilerplate lines (the analysis is
:func:`medialit.report.analysis.analyze_file`).

``--json`` prints a JSON array, one object per file that could be read; its shape is
documented in ``docs/cli.md`` and pinned by ``medialit/schema/analyze.schema.json``.
A file that cannot be read is reported as one line on stderr and the others are analysed.
Output is written file by file as each is done (nothing is held back for the end), in the
order the files were given, whatever ``--jobs`` is. A file larger than
:data:`medialit.report.streaming.STREAM_ABOVE` is analysed a stretch at a time in this
process (:func:`write_long_json`, :func:`write_long_report`), its output written as each
stretch is done, so its records are never all held at once (``docs/streaming.md``).
"""
from __future__ import annotations

import argparse
import functools
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Callable

from medialit.cli.common import (JsonArray, ParallelFiles, add_jobs_option, add_json_option, add_reading_options,
                                 error, reading_options)
from medialit.corpus.files import CorpusError
from medialit.records import dumps
from medialit.report import streaming
from medialit.report.analysis import Analysis, analyze_file, file_text

_MARK = {"named": "[N]", "anonymous": "[A]", "unattributed": "[U]", "not_a_claim": "[-]"}


def register(parser: argparse.ArgumentParser) -> None:
    """Declare ``FILE...``, ``--json``, ``--jobs``, ``--encoding`` and ``--max-size``."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 .txt files or saved .html pages, one article each")
    add_json_option(parser, "print a JSON array, one object per file (see docs/cli.md)")
    add_jobs_option(parser)
    add_reading_options(parser)


def render(path: Path, *, as_json: bool, encoding: str | None = None, limit: int | None = None) -> str:
    """One file's output: its JSON object (as :func:`medialit.records.dumps` writes it) or its
    text report. Module-level, so worker processes can run it."""
    result = analyze_file(path, encoding=encoding, limit=limit)
    return dumps(result) if as_json else format_report(result)


def render_bytes(path: Path, *, as_json: bool, encoding: str | None = None, limit: int | None = None,
                 out: tuple[str, str] = ("utf-8", "strict")) -> bytes:
    """:func:`render`'s text as a worker process sends it back: already laid out as it is
    printed (a JSON object indented as an item of the array) and encoded as ``out``
    (stdout's encoding and error handler), so the main process only copies bytes to its
    output; with two workers on two cores it would otherwise spend a core's share turning
    their text into output."""
    text = render(path, as_json=as_json, encoding=encoding, limit=limit)
    text = text.replace("\n", "\n ") if as_json else text + "\n\n"
    return text.encode(*out)


def _raw_stdout():
    """stdout's byte buffer when bytes written to it appear exactly as text written to
    stdout would (a POSIX stream with an encoding), else None."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None or os.linesep != "\n" or not getattr(sys.stdout, "encoding", None):
        return None
    return buffer


def _warm_up() -> None:
    """Load and compile the rule tables (the workers forked afterwards share them)."""
    from medialit.report.analysis import analyze_text

    analyze_text("“We are ready,” officials said on Monday. Prices rose 5% to $2.5bn.")


class LongFile(str):
    """What the per-file work gives back, instead of its output, for a file larger than
    ``STREAM_ABOVE``: its name, for this process to analyse in stretches."""


def unless_long(work: Callable[[Path], object], path: Path, *, above: int | None = None) -> object:
    """``work(path)``, or a :class:`LongFile` (without reading it) when ``path`` is a regular
    file of more than ``above`` bytes (default: ``streaming.STREAM_ABOVE``). Module-level, so
    worker processes can run it."""
    try:
        info = path.stat()
    except OSError:  # missing, a link loop...: ``work`` says so
        return work(path)
    limit = streaming.STREAM_ABOVE if above is None else above
    if stat.S_ISREG(info.st_mode) and info.st_size > limit:
        return LongFile(path)
    return work(path)


#: How much of a section of a long file's output is kept in memory before it goes to a temporary file.
_SPOOL_BYTES = 4_000_000


def _spool():
    return tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES, mode="w+", encoding="utf-8", newline="")


def _copy(spool, write: Callable[[str], object]) -> None:
    spool.seek(0)
    while chunk := spool.read(1 << 20):
        write(chunk)


class _List:
    """A JSON array of records written one at a time, laid out as :func:`medialit.records.dumps`
    lays out a list that is a field of a top-level object (items indented by two)."""

    def __init__(self, write: Callable[[str], object]) -> None:
        self.write, self.count = write, 0

    def add(self, record) -> None:
        self.write(("[\n  " if self.count == 0 else ",\n  ") + dumps(record).replace("\n", "\n  "))
        self.count += 1

    def close(self) -> None:
        self.write("[]" if self.count == 0 else "\n ]")


def write_long_json(text: str, path: str, title: str | None, write: Callable[[str], object], *,
                    size: int | None = None, context: int | None = None) -> None:
    """Write, through ``write``, the text :func:`medialit.records.dumps` gives for
    ``analyze_text(text, path=path, title=title)`` (same layout and keys), working a stretch
    at a time (:func:`medialit.report.streaming.analyze_in_stretches`): the sentences are
    written as they come, the quotes, figures and boilerplate lines kept in temporary files
    (in memory up to 4 MB each) until the sentences are all written."""
    write("{\n \"path\": " + dumps(path) + ",\n \"title\": " + dumps(title) + ",\n \"sentences\": ")
    with _spool() as quotes, _spool() as figures, _spool() as boilerplate:
        lists = {"sentences": _List(write), "quotes": _List(quotes.write), "figures": _List(figures.write),
                 "boilerplate": _List(boilerplate.write)}
        for part in _parts(text, size, context):
            for key, out in lists.items():
                for record in getattr(part, key):
                    out.add(record)
        for key, spool in (("sentences", None), ("quotes", quotes), ("figures", figures), ("boilerplate", boilerplate)):
            if spool is not None:
                write(",\n " + dumps(key) + ": ")
                lists[key].close()
                _copy(spool, write)
            else:
                lists[key].close()
    write("\n}")


def write_long_report(text: str, path: str, title: str | None, write: Callable[[str], object], *,
                      size: int | None = None, context: int | None = None) -> None:
    """Write, through ``write``, :func:`format_report`'s text for the analysis of ``text``
    followed by a blank line (as ``run`` prints it), working a stretch at a time; each
    section is kept in a temporary file until its count is known."""
    counts = dict.fromkeys(("boilerplate", "sentences", "quotes", "figures"), 0)
    lines = {"boilerplate": _boilerplate_line, "sentences": _sentence_line, "quotes": _quote_line,
             "figures": _figure_line}
    with _spool() as b, _spool() as s, _spool() as q, _spool() as f:
        spools = {"boilerplate": b, "sentences": s, "quotes": q, "figures": f}
        for part in _parts(text, size, context):
            for key, spool in spools.items():
                records = getattr(part, key)
                counts[key] += len(records)
                spool.write("".join(lines[key](r) + "\n" for r in records))
        write(_title_line(path, title) + "\n")
        for key, spool in spools.items():
            write(_HEADINGS[key].format(counts[key]) + "\n")
            _copy(spool, write)
    write("\n")


def _parts(text: str, size: int | None, context: int | None):
    """The stretches' records (``size`` and ``context``: default, the module's constants as they are now)."""
    return streaming.analyze_in_stretches(text, size=streaming.STRETCH if size is None else size,
                                          context=streaming.CONTEXT if context is None else context)


def _stream(name: str, *, as_json: bool, array: JsonArray | None, options: dict) -> bool:
    """Analyse the long file ``name`` in stretches and write its output; False (after one
    error line) if it cannot be read."""
    try:
        text, title = file_text(Path(name), **options)
    except CorpusError as err:
        error("analyze", err)
        return False
    if array is not None:
        array.add_written(lambda write: write_long_json(text, name, title, write))
    else:
        write_long_report(text, name, title, sys.stdout.write)
        sys.stdout.flush()
    return True


def run(args: argparse.Namespace) -> int:
    """Analyse each file; 1 if any file could not be read, else 0."""
    options = reading_options(args)
    files = ParallelFiles("analyze", args.files, functools.partial(render, as_json=args.json, **options), args.jobs,
                          warm_up=_warm_up)
    raw = _raw_stdout() if files.jobs > 1 else None
    if files.jobs == 1 and args.json:  # in this process: each result written as it is turned into JSON
        files.work = functools.partial(analyze_file, **options)
    elif raw is not None:  # workers send back the bytes to print
        files.work = functools.partial(render_bytes, as_json=args.json, out=(sys.stdout.encoding, sys.stdout.errors),
                                       **options)
    files.work = functools.partial(unless_long, files.work)
    array = JsonArray() if args.json else None
    failed = False
    for name, result in files:
        if isinstance(result, LongFile):
            failed = not _stream(name, as_json=args.json, array=array, options=options) or failed
        elif isinstance(result, bytes):
            if array is not None:
                array.add_raw(result, raw)
            else:
                sys.stdout.flush()
                raw.write(result)
                raw.flush()
        elif array is not None:
            array.add(result) if isinstance(result, Analysis) else array.add(None, result)
        else:
            print(result, end="\n\n", flush=True)
    if array is not None:
        array.close()
    return 1 if files.failed or failed else 0


def _short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_report(result: Analysis) -> str:
    """A plain-text report a person can read in a terminal.

    >>> from medialit.report.analysis import analyze_text
    >>> print(format_report(analyze_text("Officials said the talks failed.")))
    == <text>
    Boilerplate lines (0, left out of the sentences):
    Sentences (1): [N] named  [A] anonymous  [U] unattributed  [-] not a claim  ~ hedged
      [A]  Officials said the talks failed.  <- Officials  (cues: Officials said)
    Quotes (0):
    Figures (0):
    """
    lines = [_title_line(result.path, result.title)]
    for key, line in (("boilerplate", _boilerplate_line), ("sentences", _sentence_line), ("quotes", _quote_line),
                      ("figures", _figure_line)):
        records = getattr(result, key)
        lines.append(_HEADINGS[key].format(len(records)))
        lines.extend(line(r) for r in records)
    return "\n".join(lines)


_HEADINGS = {"boilerplate": "Boilerplate lines ({}, left out of the sentences):",
             "sentences": "Sentences ({}): [N] named  [A] anonymous  [U] unattributed  [-] not a claim  ~ hedged",
             "quotes": "Quotes ({}):", "figures": "Figures ({}):"}


def _title_line(path: str | None, title: str | None) -> str:
    return f"== {path or '<text>'}" + (f": {title}" if title else "")


def _boilerplate_line(b) -> str:
    return f"  {b.start:>6}  {_short(b.text, 60)!r}  ({b.reason})"


def _sentence_line(s) -> str:
    mark = _MARK.get(s.sourcing, "[?]") + ("~" if s.hedged else " ")
    why = f"  <- {s.source}" if s.source else ""
    if s.cues:
        why += f"  (cues: {', '.join(s.cues)})"
    return f"  {mark} {_short(s.text)}{why}"


def _quote_line(q) -> str:
    verb = getattr(q, "verb", None)
    return f"  {_short(q.text, 80)}  — {q.speaker or 'speaker unknown'}" + (f" ({verb})" if verb else "")


def _figure_line(f) -> str:
    unit = f" {f.unit}" if f.unit else ""
    return f"  {f.text!r:32} {f.kind:9} {f.value}{unit}"
