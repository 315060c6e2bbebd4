"""The offline lateral-reading snapshot: what a search *elsewhere* finds about each outlet
and each named person in the seeds, for classes without internet (notebook 07, part B).

It is a **teaching snapshot** written by the kit's authors (``lateral_snapshot.toml``
beside this module), not live search results: it says which years it describes, and each
row says how sure it is. Every outlet, the wire service included, answers the same
questions.

>>> snap = load_snapshot()
>>> [e.outlet for e in snap.find("reuters")]
['Reuters']
>>> len({len(e.answers) for e in snap.entries}) == 1   # the same questions for every outlet
True
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from medialit.corpus.files import CorpusError
from medialit.records import Record
from medialit.rules import tomllib

__all__ = ["Entry", "Snapshot", "load_snapshot", "SNAPSHOT_FILE"]

SNAPSHOT_FILE = "lateral_snapshot.toml"
OUTLET_KEYS = ("owner", "funding", "kind", "in_seeds", "weigh", "sure")
PERSON_KEYS = ("role", "speaks_for", "in_seeds", "sure")


@dataclass(frozen=True, slots=True)
class Entry(Record):
    """One outlet or person: ``answers`` in the order of the snapshot's questions."""

    outlet: str
    answers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Snapshot(Record):
    describes: str
    note: str
    questions: tuple[str, ...]
    entries: tuple[Entry, ...]
    person_questions: tuple[str, ...]
    people: tuple[Entry, ...]

    def find(self, name: str) -> list[Entry]:
        """The outlets whose name contains ``name`` (any case)."""
        return [e for e in self.entries if name.casefold() in e.outlet.casefold()]

    def person(self, name: str) -> list[Entry]:
        """The people whose name contains ``name`` (any case)."""
        return [e for e in self.people if name.casefold() in e.outlet.casefold()]


def _entries(rows: list, keys: tuple[str, ...], where: str) -> tuple[Entry, ...]:
    out = []
    for n, row in enumerate(rows, 1):
        missing = [k for k in ("name", *keys) if not isinstance(row.get(k), str) or not row[k].strip()]
        if missing:
            raise CorpusError(where, f"entry {n} lacks {', '.join(missing)}: every row answers every question")
        out.append(Entry(row["name"], tuple(row[k] for k in keys)))
    return tuple(out)


@lru_cache(maxsize=1)
def load_snapshot() -> Snapshot:
    """The packaged snapshot, checked: every outlet answers every outlet question, every
    person every person question (a gap is a ``CorpusError`` naming the file)."""
    where = f"medialit/corpus/{SNAPSHOT_FILE}"
    data = tomllib.loads(resources.files("medialit.corpus").joinpath(SNAPSHOT_FILE).read_text(encoding="utf-8"))
    return Snapshot(describes=data["describes"], note=data["note"],
                    questions=tuple(data["outlet_questions"]),
                    entries=_entries(data.get("outlet", []), OUTLET_KEYS, where),
                    person_questions=tuple(data["person_questions"]),
                    people=_entries(data.get("person", []), PERSON_KEYS, where))
