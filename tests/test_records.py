"""The shared JSON mechanism of medialit.records, and the kit's records that rely on it."""
from __future__ import annotations

import datetime as dt
import enum
import importlib
import json
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import medialit
from medialit.records import Record, as_json, jsonable, rounded, to_dict


class Colour(enum.Enum):
    RED = "red"


@dataclass(frozen=True, slots=True)
class Leaf(Record):
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Tree(Record):
    name: str
    hidden: str = field(default="secret", metadata=as_json(skip=True))
    leaves: tuple[Leaf, ...] = ()
    score: float = field(default=0.0, metadata=as_json(key="similarity", convert=rounded(2)))
    tags: dict = field(default_factory=dict)
    colour: Colour = Colour.RED
    where: Path = Path("a/b.txt")
    when: dt.date = dt.date(2019, 2, 8)


@dataclass(frozen=True)
class Reordered(Record):
    a: int
    b: int
    json_keys = ("b", "total", "a")

    @property
    def total(self) -> int:
        return self.a + self.b


def test_fields_come_out_in_field_order_with_nested_records_as_dicts():
    tree = Tree("t", leaves=(Leaf(0, 3, "One"), Leaf(4, 7, "Two")), score=0.123456,
                tags={"k": ("x", "y")})
    d = tree.to_dict()
    assert list(d) == ["name", "leaves", "similarity", "tags", "colour", "where", "when"]
    assert d == {"name": "t", "leaves": [{"start": 0, "end": 3, "text": "One"}, {"start": 4, "end": 7, "text": "Two"}],
                 "similarity": 0.12, "tags": {"k": ["x", "y"]}, "colour": "red", "where": str(Path("a/b.txt")),
                 "when": "2019-02-08"}
    assert json.loads(json.dumps(d)) == d


def test_skip_rename_and_convert_come_from_field_metadata():
    d = Tree("t", hidden="not for json", score=0.129).to_dict()
    assert "hidden" not in d and "not for json" not in json.dumps(d)
    assert "score" not in d and d["similarity"] == 0.13


def test_exclude_leaves_out_attributes_by_their_attribute_name():
    d = Tree("t").to_dict(exclude=("score", "where"))
    assert list(d) == ["name", "leaves", "tags", "colour", "when"]
    assert list(Leaf(1, 2, "x").to_dict(exclude={"text"})) == ["start", "end"]


def test_json_keys_sets_the_order_and_can_name_a_property():
    d = Reordered(1, 2).to_dict()
    assert list(d) == ["b", "total", "a"]
    assert d == {"b": 2, "total": 3, "a": 1}


def test_json_keys_must_list_every_field_that_is_not_skipped():
    @dataclass(frozen=True)
    class Forgetful(Record):
        a: int
        b: int
        json_keys = ("a",)

    with pytest.raises(TypeError, match="missing: \\['b'\\]"):
        Forgetful(1, 2).to_dict()


def test_a_skipped_field_takes_no_other_option():
    with pytest.raises(ValueError):
        as_json(skip=True, key="x")


def test_output_is_a_copy_and_tuples_become_lists():
    tags = {"k": ["x"]}
    tree = Tree("t", tags=tags)
    d = tree.to_dict()
    d["tags"]["k"].append("y")
    assert tags == {"k": ["x"]}
    assert type(Tree("t", leaves=(Leaf(0, 1, "a"),)).to_dict()["leaves"]) is list


def test_slotted_records_have_no_instance_dict_and_still_convert():
    leaf = Leaf(0, 1, "a")
    assert not hasattr(leaf, "__dict__")
    assert leaf.to_dict() == {"start": 0, "end": 1, "text": "a"}


def test_plain_dataclasses_and_values_convert_too():
    @dataclass
    class Plain:
        x: tuple
        y: frozenset

    assert to_dict(Plain((1, 2), frozenset({"b", "a"}))) == {"x": [1, 2], "y": ["a", "b"]}
    assert jsonable([Colour.RED, None, 1.5]) == ["red", None, 1.5]
    assert rounded(1)(None) is None and rounded(1)(2.26) == 2.3


def _all_modules():
    for info in pkgutil.walk_packages(medialit.__path__, "medialit."):
        if ".views" in info.name or ".cli" in info.name:
            continue  # optional plotting and notebook dependencies; no records there
        importlib.import_module(info.name)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_no_record_of_the_kit_writes_its_own_to_dict():
    _all_modules()
    # slots=True makes a new class; the one it replaced may linger among the subclasses
    kit = {(c.__module__, c.__qualname__): c for c in _subclasses(Record) if c.__module__.startswith("medialit.")}
    assert len(kit) >= 31  # every class that had a hand-written to_dict
    assert [name for (_, name), c in kit.items() if "to_dict" in vars(c)] == []


# --- the kit's records whose JSON is not simply their fields ---------------------------------

def test_aligned_pair_json_is_flat_text_then_offsets():
    from medialit.compare.alignment import AlignedPair
    from medialit.text.split import Span

    pair = AlignedPair(Span(0, 3, "One"), None, 0.12345, (), "a_only")
    assert pair.to_dict() == {"a": "One", "b": "", "similarity": 0.123, "changes": [], "kind": "a_only",
                              "a_start": 0, "a_end": 3, "b_start": None, "b_end": None}
    assert list(pair.to_dict()) == ["a", "b", "similarity", "changes", "kind", "a_start", "a_end", "b_start", "b_end"]


def test_comparison_json_keeps_its_contract_order():
    from medialit.compare import compare

    d = compare("The mayor said the bridge will close.", "The mayor said the bridge will close.").to_dict()
    assert list(d) == ["similarity", "same_story", "pairs", "quote_changes", "verdict", "evidence",
                       "attribution_changes", "added_later", "left_out"]   # new keys go at the end
    assert list(d["verdict"]) == ["label", "description", "rule", "reason", "passages"]
    assert d["same_story"] is True


def test_article_to_dict_can_leave_the_text_out():
    from medialit.corpus.articles import Article

    art = Article("x", Path("x.txt"), "Some text.", meta={"desk": "city"})
    d = art.to_dict(exclude=("text",))
    assert "text" not in d and d["path"] == "x.txt" and d["meta"] == {"desk": "city"}
    assert list(art.to_dict())[:3] == ["id", "path", "text"]


# --- named records between modules ------------------------------------------------------------

def test_quotation_mark_pairs_are_named():
    from medialit.quotes.marks import MarkPair, scan_marks

    (pair,) = scan_marks("He said “yes” and left.", 0, 23)
    assert isinstance(pair, MarkPair) and (pair.start, pair.end, pair.depth, pair.closed) == (8, 13, 0, True)


def test_subject_before_names_its_parts():
    from medialit.attribution.phrases import Subject, subject_before

    text = "John Smith, the mayor, said"
    subj = subject_before(text, 0, text.index("said"))
    assert isinstance(subj, Subject)
    assert text[subj.start:subj.end] == "John Smith" and subj.appositive == "the mayor"
