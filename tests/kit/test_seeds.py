"""The seed folder: files unchanged (SHA256SUMS) and a complete, honest catalog.

Reads only files inside the repository."""
from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest

from medialit.rules import tomllib

from helpers import SEEDS
CATALOG = tomllib.loads((SEEDS / "catalog.toml").read_text(encoding="utf-8"))
ENTRIES = CATALOG["article"]
RELATIONS = {"rewrite of", "near-copy of", "cites", "paraphrase of", "original interview"}
REQUIRED = ("id", "file", "title", "outlet", "outlet_kind", "published", "url", "notes", "upstream")


def _valid_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


def test_seed_files_match_their_published_checksums():
    listed = {}
    for line in (SEEDS / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        listed[name.lstrip("*")] = digest
    assert set(listed) == {p.name for p in SEEDS.glob("*.txt")}
    for name, digest in listed.items():
        assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == digest, f"{name} was modified"


def test_catalog_lists_every_seed_file_once_with_ids_000_to_004():
    assert [e["id"] for e in ENTRIES] == ["000", "001", "002", "003", "004"]
    assert sorted(e["file"] for e in ENTRIES) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for e in ENTRIES:
        assert e["file"].startswith(e["id"] + "_")


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["id"] for e in ENTRIES])
def test_catalog_entry_is_complete(entry):
    missing = [k for k in REQUIRED if not entry.get(k)]
    assert not missing, f"article {entry['id']} lacks {missing}"
    for key in ("title", "outlet", "outlet_kind", "url", "notes"):
        assert isinstance(entry[key], str) and entry[key].strip()
    assert entry["url"] == "unknown" or entry["url"].startswith("https://")


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["id"] for e in ENTRIES])
def test_catalog_title_is_a_line_of_the_article(entry):
    lines = [line.strip() for line in (SEEDS / entry["file"]).read_text(encoding="utf-8").splitlines()]
    assert entry["title"] in lines


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["id"] for e in ENTRIES])
def test_catalog_dates_are_iso_or_unknown_with_a_story_date(entry):
    published = entry["published"]
    assert published == "unknown" or _valid_date(published), published
    if published == "unknown":
        assert _valid_date(entry.get("story_date", "")), "an unknown page date needs the story's date"
    assert entry.get("published_basis"), "say how the date was established"
    for link in entry["upstream"]:
        assert link["date"] == "unknown" or _valid_date(link["date"]), link


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["id"] for e in ENTRIES])
def test_catalog_upstream_chain_uses_known_relations(entry):
    assert entry["upstream"], "every article has at least one upstream link"
    subjects = {"this article"}
    for link in entry["upstream"]:
        assert link["relation"] in RELATIONS
        assert link["outlet"].strip()
        assert link["url"] == "unknown" or link["url"].startswith("https://")
        assert link.get("subject", "this article") in subjects, "a link must hang off an earlier one"
        subjects.add(link["outlet"])


def test_catalog_keeps_what_the_teaching_notes_say_is_unknown():
    by_id = {e["id"]: e for e in ENTRIES}
    assert by_id["001"]["published"] == "unknown" and by_id["001"]["story_date"] == "2019-02-09"
    assert by_id["004"]["outlet"] == "unknown" and by_id["004"]["url"] == "unknown"
    assert by_id["002"]["url"] == "unknown" and by_id["002"]["outlet_kind"] == "blog"
    assert by_id["001"]["byline"] == "By Staff, News Agencies"
    # The copy chains: 001 is a near-copy of Sputnik, which rewrote Reuters.
    chain = [(link["relation"], link["outlet"]) for link in by_id["001"]["upstream"]]
    assert chain == [("near-copy of", "Sputnik International"), ("rewrite of", "Reuters")]
    assert by_id["004"]["upstream"][0]["outlet"] == "The Guardian"
