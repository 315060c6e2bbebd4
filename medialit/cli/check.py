"""``medialit check FILE... [--reference DIR] [--date YYYY-MM-DD] [--all] [--json] [--jobs N]
[--encoding NAME] [--max-size MB]``:
each article's figures checked against the reference tables and against each other (the
checks are :func:`medialit.checks.article.check_file`; ``docs/checks.md`` explains them).

``--reference DIR`` adds a class's own tables (CSV files in the kit's reference format) to
the kit's; a table with a problem is reported as one line and left out, the others are used.
``--json`` prints a JSON array, one object per file that could be read (``docs/cli.md``).
A file that cannot be read is one line on stderr and the others are checked. Exit code: 0
if everything was done, 1 if a file or a table had a problem, 2 if nothing could be checked.
"""
from __future__ import annotations

import argparse
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from medialit.checks.article import ArticleChecks, check_file
from medialit.checks.dates import as_span
from medialit.checks.reference import Reference, ReferenceDataError, load_reference, merge, read_tables
from medialit.cli.common import (add_jobs_option, add_json_option, add_reading_options, error, jobs_for, print_json,
                                 reading_options, warning)
from medialit.corpus.files import CorpusError

COMMAND = "check"


def register(parser: argparse.ArgumentParser) -> None:
    """Declare ``FILE...``, ``--reference``, ``--date``, ``--all``, ``--json``, ``--jobs``,
    ``--encoding`` and ``--max-size``."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 .txt files or saved .html pages, one article each")
    parser.add_argument("--reference", action="append", default=[], metavar="DIR",
                        help="a folder of your own reference tables (CSV, the kit's format: docs/checks.md), "
                             "used alongside the kit's; may be given more than once")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="the article date for every file (default: each file's published date or story date)")
    parser.add_argument("--all", action="store_true",
                        help="also list the figures no reference row applies to (as 'cannot tell')")
    add_json_option(parser, "print a JSON array, one object per file (see docs/cli.md)")
    add_jobs_option(parser, "check N files at a time in separate processes (default: the number of cores; "
                            "the output is the same as with one job)")
    add_reading_options(parser)


def _reference(folders: list[str]) -> tuple[Reference | None, bool]:
    """The kit's tables plus the teacher's; (None, _) if a folder cannot be used at all."""
    ref, problems = load_reference(), False
    for folder in folders:
        try:
            teacher, bad = read_tables(folder)
        except ReferenceDataError as err:
            error(COMMAND, err)
            return None, True
        for err in bad:
            error(COMMAND, f"{err} (this table is left out)")
        problems = problems or bool(bad)
        ref = merge(ref, teacher)
    return ref, problems


_WORKER: dict = {}


def _init_worker(ref: Reference, date: str | None, include: bool, as_json: bool, reading: dict | None = None) -> None:
    """In each worker process: what every file is checked with, sent once (``reading``: the
    ``encoding`` and ``limit`` of :func:`medialit.cli.common.reading_options`)."""
    _WORKER.update(ref=ref, date=date, include=include, as_json=as_json, reading=reading or {})


def _one(name: str) -> tuple[str, dict | str | None, str | None, list[str]]:
    """Check one file: its JSON data or its report (made where it was checked, so that a
    worker process sends back plain data), or the error message if it cannot be read; and
    the warnings raised on the way (an encoding assumed), as text."""
    with warnings.catch_warnings(record=True) as caught:  # printed by the main process, in file order
        warnings.simplefilter("always")
        try:
            result = check_file(Path(name), reference=_WORKER["ref"], article_date_override=_WORKER["date"],
                                include_unchecked=_WORKER["include"], **_WORKER["reading"])
        except CorpusError as err:
            return name, None, str(err), [str(w.message) for w in caught]
    return name, (result.to_dict() if _WORKER["as_json"] else format_checks(result)), None, [str(w.message) for w in caught]


def run(args: argparse.Namespace) -> int:
    """Check each file; 1 if any file or table had a problem, 2 if nothing could be checked."""
    if args.date is not None:
        try:
            as_span(args.date)
        except ValueError as err:
            error(COMMAND, f"--date: {err}")
            return 2
    ref, table_problems = _reference(args.reference)
    if ref is None:
        return 2
    names = list(args.files)
    workers = jobs_for(args.jobs, len(names))
    setup = (ref, args.date, args.all, args.json, reading_options(args))
    results, failed = [], 0
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                                 initargs=setup) as pool:
            outcomes = pool.map(_one, names, chunksize=max(1, len(names) // (workers * 4)))
            for outcome in outcomes:   # in the order of the files, whatever finished first
                failed += _emit(outcome, args.json, results)
    else:
        _init_worker(*setup)
        for name in names:
            failed += _emit(_one(name), args.json, results)
    if args.json:
        print_json(results)
    if failed == len(names):
        return 2
    return 1 if failed or table_problems else 0


def _emit(outcome, as_json: bool, results: list) -> int:
    name, payload, problem, caught = outcome
    for message in caught:
        warning(COMMAND, message)
    if problem is not None:
        error(COMMAND, problem)
        return 1
    if as_json:
        results.append(payload)
    else:
        print(payload, end="\n\n", flush=True)
    return 0


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


_MARK = {"consistent": "ok ", "inconsistent": "NO ", "cannot tell": "?  "}


def format_checks(result: ArticleChecks) -> str:
    """A readable report: the article, then each check with its verdict, why, and the working.

    >>> from medialit.checks.article import check_article
    >>> print(format_checks(check_article("Membership rose from 120 to 150, a 30% jump.")))
    == <text>  (article date unknown)
    Verdicts: 0 consistent, 1 inconsistent, 0 cannot tell   [ok consistent  NO inconsistent  ? cannot tell]
    Against the reference tables (0):
    Inside the article (1):
      NO  percent change: '120', '150', '30%'
          in: Membership rose from 120 to 150, a 30% jump.
          why: From 120 to 150 is a change of +25%, not 30%.
          working: (150 - 120) / 120 = +25%; '30%' allows 29.5 to 30.5 -> no overlap
    """
    head = f"== {result.path or '<text>'}" + (f": {result.title}" if result.title else "")
    head += f"  (article date {result.date}, {result.date_basis})" if result.date else "  (article date unknown)"
    n = result.counts
    lines = [head, f"Verdicts: {n['consistent']} consistent, {n['inconsistent']} inconsistent, {n['cannot tell']} cannot tell"
                   "   [ok consistent  NO inconsistent  ? cannot tell]"]
    lines.append(f"Against the reference tables ({len(result.reference)}):")
    for c in result.reference:
        lines.append(f"  {_MARK[c.verdict]} {c.check}: {c.figure.text!r}")
        lines.append(f"      why: {_short(c.explanation, 10_000)}")
        if c.arithmetic:
            lines.append(f"      working: {_short(c.arithmetic, 10_000)}")
        for r in c.rows[:3]:
            lines.append(f"      row: {r.table}, line {r.line} (source: {_short(r.source, 80)})")
        if len(c.rows) > 3:
            lines.append(f"      ... and {len(c.rows) - 3} more rows")
    lines.append(f"Inside the article ({len(result.internal)}):")
    for c in result.internal:
        lines.append(f"  {_MARK[c.verdict]} {c.check}: " + ", ".join(repr(f.text) for f in c.figures))
        lines.append(f"      in: {_short(c.text)}")
        lines.append(f"      why: {_short(c.explanation, 10_000)}")
        if c.arithmetic:
            lines.append(f"      working: {_short(c.arithmetic, 10_000)}")
    return "\n".join(lines)
