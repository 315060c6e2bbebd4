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


def _read(folder: Path, name: str) -> list[tuple[int, dict]]:
    path = folder / name
    label = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReferenceDataError(f"{label}: reference table not found") from None
    except UnicodeDecodeError as exc:
        raise ReferenceDataError(f"{label}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    reader = csv.DictReader(raw.splitlines())
    missing = [c for c in _COLUMNS[name] if c not in (reader.fieldnames or [])]
    if missing:
        raise ReferenceDataError(f"{label}: missing column(s) {', '.join(missing)} (expected {', '.join(_COLUMNS[name])})")
    rows = []
    for i, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ReferenceDataError(f"{label}, line {i}: wrong number of fields")
        if not (row.get("source") or "").strip():
            raise ReferenceDataError(f"{label}, line {i}: every row must name its source")
        rows.append((i, {k: v.strip() for k, v in row.items()}))
    return rows


def _date(s: str, label: str) -> dt.date:
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise ReferenceDataError(f"{label}: '{s}' is not a date (use YYYY-MM-DD)") from None


def _float(s: str, label: str) -> float:
    try:
        return float(s)
    except ValueError:
        raise ReferenceDataError(f"{label}: '{s}' is not a number") from None


def _bool(s: str, label: str) -> bool:
    if s.lower() in ("yes", "true", "1"):
        return True
    if s.lower() in ("no", "false", "0", ""):
        return False
    raise ReferenceDataError(f"{label}: approx must be yes or no, got '{s}'")


@lru_cache(maxsize=8)
def load_reference(path: str | Path | None = None) -> Reference:
    """Load the five tables from ``path`` (default: the kit's ``seeds/reference``)."""
    folder = Path(path) if path is not None else (DEFAULT_DIR if DEFAULT_DIR.is_dir() or not PACKAGED_DIR.is_dir()
                                                  else PACKAGED_DIR)
    if not folder.is_dir():
        raise ReferenceDataError(f"{folder}: reference folder not found")

    def at(name, i):
        return f"{folder / name}, line {i}"

    prices = tuple(PriceRow("oil_prices.csv", i, _date(r["date"], at("oil_prices.csv", i)), r["series"],
                            _float(r["usd_per_barrel"], at("oil_prices.csv", i)), r["source"])
                   for i, r in _read(folder, "oil_prices.csv"))
    people = tuple(Person("people.csv", i, r["name"], tuple(a.strip() for a in r["aliases"].split(";") if a.strip()),
                          _date(r["born"], at("people.csv", i)), r["source"])
                   for i, r in _read(folder, "people.csv"))
    events = tuple(Event("events.csv", i, r["event"], _date(r["date"], at("events.csv", i)), Cues.parse(r["cues"]),
                         r["source"], r["note"])
                   for i, r in _read(folder, "events.csv"))
    counts = tuple(CountRow("counts.csv", i, r["what"], _date(r["date"], at("counts.csv", i)),
                            _float(r["value"], at("counts.csv", i)), r["unit"], _bool(r["approx"], at("counts.csv", i)),
                            Cues.parse(r["cues"]), tuple(fold(c).strip() for c in r["counted"].split("|") if c.strip()),
                            r["source"], r["note"])
                   for i, r in _read(folder, "counts.csv"))
    facts = tuple(FactRow("facts.csv", i, r["fact"], _float(r["value"], at("facts.csv", i)), r["unit"],
                          _bool(r["approx"], at("facts.csv", i)), _date(r["as_of"], at("facts.csv", i)),
                          Cues.parse(r["cues"]), r["source"], r["note"])
                  for i, r in _read(folder, "facts.csv"))
    for e in events:
        if not e.cues.groups:
            raise ReferenceDataError(f"{at('events.csv', e.line)}: cues must not be empty")
    return Reference(str(folder), prices, people, events, counts, facts)
