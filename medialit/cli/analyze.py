"""``medialit analyze FILE... [--json] [--jobs N]``: one report per article, sentences with
their sourcing, quotes, figures and boilerplate lines (the analysis is
:func:`medialit.report.analysis.analyze_file`).

``--json`` prints a JSON array, one object per file that could be read; its shape is
documented in ``docs/cli.md`` and pinned by ``medialit/schema/analyze.schema.json``.
A file that cannot be read is reported as one line on stderr and the others are analysed.
Output is written file by file as each is done (nothing is held back for the end), in the
order the files were given, whatever ``--jobs`` is.
"""
from __future__ import annotations

import argparse
import functools
import os
import sys
from pathlib import Path

from medialit.cli.common import (JsonArray, ParallelFiles, add_jobs_option, add_json_option, add_reading_options,
                                 reading_options)
from medialit.records import dumps
from medialit.report.analysis import Analysis, analyze_file

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
    array = JsonArray() if args.json else None
    for _, result in files:
        if isinstance(result, bytes):
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
    return 1 if files.failed else 0


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
    lines = [f"== {result.path or '<text>'}" + (f": {result.title}" if result.title else "")]
    lines.append(f"Boilerplate lines ({len(result.boilerplate)}, left out of the sentences):")
    for b in result.boilerplate:
        lines.append(f"  {b.start:>6}  {_short(b.text, 60)!r}  ({b.reason})")
    lines.append(f"Sentences ({len(result.sentences)}): [N] named  [A] anonymous  [U] unattributed  [-] not a claim  ~ hedged")
    for s in result.sentences:
        mark = _MARK.get(s.sourcing, "[?]") + ("~" if s.hedged else " ")
        why = f"  <- {s.source}" if s.source else ""
        if s.cues:
            why += f"  (cues: {', '.join(s.cues)})"
        lines.append(f"  {mark} {_short(s.text)}{why}")
    lines.append(f"Quotes ({len(result.quotes)}):")
    for q in result.quotes:
        verb = getattr(q, "verb", None)
        lines.append(f"  {_short(q.text, 80)}  — {q.speaker or 'speaker unknown'}" + (f" ({verb})" if verb else ""))
    lines.append(f"Figures ({len(result.figures)}):")
    for f in result.figures:
        unit = f" {f.unit}" if f.unit else ""
        lines.append(f"  {f.text!r:32} {f.kind:9} {f.value}{unit}")
    return "\n".join(lines)
