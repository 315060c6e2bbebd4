"""Reference fact tables for checking figures: oil prices, people, events, counts, facts.

The tables are CSV files in ``seeds/reference/`` (columns described in its README.md); a
teacher can add rows, or point :func:`load_reference` at their own folder with the same
files. Every row must name its source. Bad files give an error naming the file, the line and
the problem.

>>> ref = load_reference()
>>> [p.usd_per_barrel for p in ref.prices if p.series == "WTI" and str(p.date) == "2022-03-04"]
[115.77]
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from medialit.errors import ReferenceDataError

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "seeds" / "reference"
PACKAGED_DIR = Path(__file__).resolve().parents[1] / "kit" / "seeds" / "reference"  # a student release's wheel


def fold(s: str) -> str:
    """Lower case without accents, so "Guaidó" matches "Guaido"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).lower()


@dataclass(frozen=True)
class Cues:
    """Words that must appear near a figure for a row to apply: every group must match, and a
    group matches if any of its alternatives starts a word of the context ("recogni" matches
    "recognized"). Written in the CSV as ``group;group``, alternatives as ``a|b``."""

    groups: tuple[tuple[str, ...], ...]

    @classmethod
    def parse(cls, s: str) -> "Cues":
        groups = tuple(tuple(fold(a).strip() for a in g.split("|") if a.strip()) for g in s.split(";") if g.strip())
        return cls(groups)

    def matches(self, context: str) -> list[str]:
        """The alternative that matched in each group, or [] if some group does not match."""
        ctx = " " + re.sub(r"[^\w]+", " ", fold(context)) + " "
        hits = []
        for group in self.groups:
            hit = next((a for a in group if (" " + re.sub(r"[^\w]+", " ", a).strip()) in ctx), None)
            if hit is None:
                return []
            hits.append(hit)
        return hits

    def __str__(self) -> str:
        return ";".join("|".join(g) for g in self.groups)


@dataclass(frozen=True)
class PriceRow:
    table: str
    line: int
    date: dt.date
    series: str
    usd_per_barrel: float
    source: str


@dataclass(frozen=True)
class Person:
    table: str
    line: int
    name: str
    aliases: tuple[str, ...]
    born: dt.date
    source: str


@dataclass(frozen=True)
class Event:
    table: str
    line: int
    event: str
    date: dt.date
    cues: Cues
    source: str
    note: str


@dataclass(frozen=True)
class CountRow:
    table: str
    line: int
    what: str
    date: dt.date
    value: float
    unit: str
    approx: bool
    cues: Cues
    counted: tuple[str, ...]
    source: str
    note: str


@dataclass(frozen=True)
class FactRow:
    table: str
    line: int
    fact: str
    value: float
    unit: str
    approx: bool
    as_of: dt.date
    cues: Cues
    source: str
    note: str


def row_dict(row) -> dict:
    """A JSON-friendly dict of any reference row (dates as ISO strings, cues as written)."""
    d = asdict(row)
    for k, v in list(d.items()):
        if isinstance(v, (dt.date,)):
            d[k] = v.isoformat()
        elif isinstance(getattr(row, k), Cues):
            d[k] = str(getattr(row, k))
        elif isinstance(v, tuple):
            d[k] = list(v)
    return d


@dataclass(frozen=True)
class Reference:
    """All reference tables, loaded from one folder."""

    folder: str
    prices: tuple[PriceRow, ...]
    people: tuple[Person, ...]
    events: tuple[Event, ...]
    counts: tuple[CountRow, ...]
    facts: tuple[FactRow, ...]

    def series(self, name: str) -> list[PriceRow]:
        """Price rows of one series, oldest first."""
        return sorted((p for p in self.prices if p.series == name), key=lambda p: p.date)


_COLUMNS = {
    "oil_prices.csv": ["date", "series", "usd_per_barrel", "source"],
    "people.csv": ["name", "aliases", "born", "source"],
    "events.csv": ["event", "date", "cues", "source", "note"],
    "counts.csv": ["what", "date", "value", "unit", "approx", "cues", "counted", "source", "note"],
    "facts.csv": ["fact", "value", "unit", "approx", "as_of", "cues", "source", "note"],
}
#: Columns a teacher's table may leave out (the value is then empty).
_OPTIONAL = frozenset(("note", "aliases"))
#: Columns that may not be empty in any row.
_REQUIRED = {
    "oil_prices.csv": ("date", "series", "usd_per_barrel", "source"),
    "people.csv": ("name", "born", "source"),
    "events.csv": ("event", "date", "cues", "source"),
    "counts.csv": ("what", "date", "value", "unit", "cues", "counted", "source"),
    "facts.csv": ("fact", "value", "unit", "as_of", "cues", "source"),
}
#: Limits for a teacher's folder (untrusted input): bytes per file, files per folder.
MAX_TABLE_BYTES = 5_000_000
MAX_TABLES = 200


def _rows(path: Path, label: str, kind: str | None) -> tuple[str, list[tuple[int, dict]]]:
    """The kind of table (its file name in the kit) and its rows, each checked for missing
    values; ``kind`` None means: tell it from the header."""
    try:
        size = path.stat().st_size
        if size > MAX_TABLE_BYTES:
            raise ReferenceDataError(f"{label}: too large for a reference table ({size:,} bytes; the limit is "
                                     f"{MAX_TABLE_BYTES:,})")
        raw = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ReferenceDataError(f"{label}: reference table not found") from None
    except UnicodeDecodeError as exc:
        raise ReferenceDataError(f"{label}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8 CSV") from None
    except OSError as exc:
        raise ReferenceDataError(f"{label}: cannot read the file ({exc.strerror or exc})") from None
    if "\x00" in raw:
        raise ReferenceDataError(f"{label}: holds NUL bytes: not a CSV text file")
    reader = csv.reader(raw.splitlines())
    try:
        header = [h.strip() for h in next(reader, [])]
    except csv.Error as exc:
        raise ReferenceDataError(f"{label}, line 1: not valid CSV ({exc})") from None
    if not any(header):
        raise ReferenceDataError(f"{label}: the file is empty (a reference table starts with a header line)")
    if kind is None:
        fits = [k for k, cols in _COLUMNS.items() if all(c in header for c in cols if c not in _OPTIONAL)]
        if len(fits) != 1:
            kinds = "; ".join(f"{k[:-4]}: {', '.join(c)}" for k, c in _COLUMNS.items())
            raise ReferenceDataError(f"{label}, line 1: the columns ({', '.join(header)}) match no reference table "
                                     f"(name the file like one of the kit's tables or use their columns: {kinds})")
        kind = fits[0]
    columns = _COLUMNS[kind]
    missing = [c for c in columns if c not in header and c not in _OPTIONAL]
    if missing:
        raise ReferenceDataError(f"{label}: missing column(s) {', '.join(missing)} (expected {', '.join(columns)})")
    unknown = [c for c in header if c not in columns]
    if unknown:
        raise ReferenceDataError(f"{label}, line 1, column '{unknown[0]}': unknown column (expected {', '.join(columns)})")
    rows = []
    try:
        for i, fields in enumerate(reader, start=2):
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != len(header):
                raise ReferenceDataError(f"{label}, line {i}: wrong number of fields ({len(fields)}; the header has "
                                         f"{len(header)})")
            row = {c: "" for c in columns}
            row.update({h: v.strip() for h, v in zip(header, fields)})
            for c in _REQUIRED[kind]:
                if not row[c]:
                    what = "every row must name its source" if c == "source" else "must not be empty"
                    raise ReferenceDataError(f"{label}, line {i}, column '{c}': {what}")
            rows.append((i, row))
    except csv.Error as exc:
        raise ReferenceDataError(f"{label}, line {reader.line_num}: not valid CSV ({exc})") from None
    return kind, rows


def _date(s: str, label: str) -> dt.date:
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise ReferenceDataError(f"{label}: '{s}' is not a date (use YYYY-MM-DD)") from None


def _float(s: str, label: str) -> float:
    try:
        v = float(s)
    except ValueError:
        raise ReferenceDataError(f"{label}: '{s}' is not a number (write 1250000 or 1.25e6, no commas or units)") from None
    if v != v or v in (float("inf"), float("-inf")):
        raise ReferenceDataError(f"{label}: '{s}' is not a number")
    return v


def _bool(s: str, label: str) -> bool:
    if s.lower() in ("yes", "true", "1"):
        return True
    if s.lower() in ("no", "false", "0", ""):
        return False
    raise ReferenceDataError(f"{label}: approx must be yes or no, got '{s}'")


def _cues(s: str, label: str) -> Cues:
    cues = Cues.parse(s)
    if not cues.groups:
        raise ReferenceDataError(f"{label}: cues must not be empty")
    return cues


class _Tables:
    """The rows of some reference tables, by kind."""

    def __init__(self) -> None:
        self.prices: list = []
        self.people: list = []
        self.events: list = []
        self.counts: list = []
        self.facts: list = []

    def add(self, kind: str, table: str, label: str, rows: list[tuple[int, dict]]) -> None:
        """Turn checked rows into records (``table`` is what each row says it came from)."""
        def at(i, column):
            return f"{label}, line {i}, column '{column}'"

        made = []
        for i, r in rows:
            if kind == "oil_prices.csv":
                made.append(PriceRow(table, i, _date(r["date"], at(i, "date")), r["series"],
                                     _float(r["usd_per_barrel"], at(i, "usd_per_barrel")), r["source"]))
            elif kind == "people.csv":
                made.append(Person(table, i, r["name"], tuple(a.strip() for a in r["aliases"].split(";") if a.strip()),
                                   _date(r["born"], at(i, "born")), r["source"]))
            elif kind == "events.csv":
                made.append(Event(table, i, r["event"], _date(r["date"], at(i, "date")), _cues(r["cues"], at(i, "cues")),
                                  r["source"], r["note"]))
            elif kind == "counts.csv":
                made.append(CountRow(table, i, r["what"], _date(r["date"], at(i, "date")), _float(r["value"], at(i, "value")),
                                     r["unit"], _bool(r["approx"], at(i, "approx")), _cues(r["cues"], at(i, "cues")),
                                     tuple(fold(c).strip() for c in r["counted"].split("|") if c.strip()),
                                     r["source"], r["note"]))
            else:
                made.append(FactRow(table, i, r["fact"], _float(r["value"], at(i, "value")), r["unit"],
                                    _bool(r["approx"], at(i, "approx")), _date(r["as_of"], at(i, "as_of")),
                                    _cues(r["cues"], at(i, "cues")), r["source"], r["note"]))
        getattr(self, {"oil_prices.csv": "prices", "people.csv": "people", "events.csv": "events",
                       "counts.csv": "counts", "facts.csv": "facts"}[kind]).extend(made)

    def reference(self, folder: str) -> Reference:
        return Reference(folder, tuple(self.prices), tuple(self.people), tuple(self.events), tuple(self.counts),
                         tuple(self.facts))


@lru_cache(maxsize=8)
def _load_folder(folder: Path) -> Reference:
    """The five tables of a full reference folder (the kit's own, or a complete copy)."""
    if not folder.is_dir():
        raise ReferenceDataError(f"{folder}: reference folder not found")
    tables = _Tables()
    for name in _COLUMNS:
        kind, rows = _rows(folder / name, str(folder / name), name)
        tables.add(kind, name, str(folder / name), rows)
    return tables.reference(str(folder))


def read_tables(folder: str | Path) -> tuple[Reference, list[ReferenceDataError]]:
    """A teacher's folder of reference tables: every ``*.csv`` in it, in name order. A file
    named like one of the kit's tables (``people.csv``) is that table; any other name is
    told by its header (``class_people.csv`` with the columns of ``people.csv``). Each file
    is checked whole; a file with a problem is left out and its error (one line naming the
    file, the line and the column) is returned, so one bad file does not hide the others.

    Rows keep the file they came from in ``table`` (its path) and their ``line``.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ReferenceDataError(f"{folder}: reference folder not found" if not folder.exists()
                                 else f"{folder}: not a folder (give the folder that holds the CSV files)")
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv" and not p.name.startswith("."))
    if not files:
        raise ReferenceDataError(f"{folder}: no .csv reference tables in this folder")
    if len(files) > MAX_TABLES:
        raise ReferenceDataError(f"{folder}: {len(files)} CSV files, more than the {MAX_TABLES} a reference folder may hold")
    tables, problems = _Tables(), []
    for path in files:
        try:
            kind, rows = _rows(path, str(path), path.name if path.name in _COLUMNS else None)
            part = _Tables()
            part.add(kind, str(path), str(path), rows)   # a bad value anywhere leaves the whole file out
        except ReferenceDataError as err:
            problems.append(err)
            continue
        for name in ("prices", "people", "events", "counts", "facts"):
            getattr(tables, name).extend(getattr(part, name))
    return tables.reference(str(folder)), problems


def merge(*references: Reference) -> Reference:
    """Several references as one: the rows of each table, in the order given."""
    return Reference(" + ".join(r.folder for r in references),
                     *(tuple(row for r in references for row in getattr(r, name))
                       for name in ("prices", "people", "events", "counts", "facts")))


def load_reference(path: str | Path | None = None, *, extra: str | Path | None = None) -> Reference:
    """Load the five tables from ``path`` (default: the kit's ``seeds/reference``); with
    ``extra``, a teacher's folder of tables (see :func:`read_tables`) is used alongside them.
    A problem in any table raises :class:`ReferenceDataError` naming the file, line and column.

    >>> teacher = DEFAULT_DIR.parents[1] / "tests" / "checks" / "data" / "teacher_tables"
    >>> ref = load_reference(extra=teacher)
    >>> [p.name for p in ref.people][-1], ref.people[-1].table.endswith("class_people.csv")
    ('Ada Quill', True)
    """
    if path is not None:
        folder = Path(path)
    else:   # the checkout's seeds/reference, else the copy inside a student release's wheel
        folder = DEFAULT_DIR if DEFAULT_DIR.is_dir() or not PACKAGED_DIR.is_dir() else PACKAGED_DIR
    base = _load_folder(folder)
    if extra is None:
        return base
    teacher, problems = read_tables(extra)
    if problems:
        raise problems[0]
    return merge(base, teacher)
