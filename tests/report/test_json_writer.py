"""`medialit.records.dumps` writes records through a writer made for each class: its text
must stay exactly what ``json.dumps(jsonable(...), ensure_ascii=False, indent=1)`` writes,
for the kit's own results and for records using every field option."""
from __future__ import annotations

import datetime as dt
import enum
import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpers import SEED_FILES
from medialit.records import Record, as_json, dump, dumps, jsonable, rounded
from medialit.report.analysis import analyze_file, analyze_text


class Mood(enum.IntEnum):
    CALM = 1


@dataclass(frozen=True, slots=True)
class Empty(Record):
    hidden: str = field(default="x", metadata=as_json(skip=True))


@dataclass(frozen=True)
class Everything(Record):
    name: str
    count: int
    ratio: float
    flag: bool
    nothing: None
    mood: Mood
    when: dt.date
    where: Path
    nested: tuple
    mapping: dict
    empty: Empty
    score: float = field(default=0.123456, metadata=as_json(key="similarity", convert=rounded(2)))
    secret: str = field(default="s", metadata=as_json(skip=True))
    json_keys = ("score", "name", "count", "ratio", "flag", "nothing", "mood", "when", "where", "nested",
                 "mapping", "empty", "double")

    @property
    def double(self) -> int:
        return self.count * 2


def _reference(data) -> str:
    return json.dumps(jsonable(data), ensure_ascii=False, indent=1)


def test_records_with_every_field_option_are_written_as_json_dumps_writes_them():
    rec = Everything("café “x” \n\t\\", 3, 2.5e-7, False, None, Mood.CALM, dt.date(2020, 1, 2), Path("a/b"),
                     ((1, "two"), [], {}, [Empty()]), {"k": [Empty(), None], 2: "int key"}, Empty())
    for data in (rec, [rec, rec], {"deep": [[rec]]}, Empty(), [Empty(), Empty()]):
        assert dumps(data) == _reference(data)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem[:3])
def test_an_analysis_is_written_exactly_as_before(path):
    result = analyze_file(path)
    assert dumps(result) == _reference(result)
    chunks: list[str] = []
    dump(result, chunks.append)
    assert "".join(chunks) == dumps(result)


def test_a_long_analysis_is_written_in_chunks_with_the_same_text():
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in SEED_FILES) * 4
    result = analyze_text(text)
    chunks: list[str] = []
    dump(result, chunks.append)
    assert len(chunks) > 3 and "".join(chunks) == _reference(result)


def test_the_collector_is_switched_back_on_after_an_analysis_even_one_that_fails():
    import gc

    from medialit.report.analysis import collector_paused
    assert gc.isenabled()
    analyze_text("Officials said the talks failed. Prices rose 5%.")
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:  # switched off by the caller: left off
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
