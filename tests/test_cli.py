"""The command line as a user meets it: `medialit analyze` on the seeds and on bad input."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SCHEMA = json.loads((ROOT / "medialit" / "schema" / "analyze.schema.json").read_text())


def medialit(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "medialit.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def seeds_json() -> list:
    proc = medialit("analyze", "--json", *map(str, SEEDS))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return json.loads(proc.stdout)


def test_analyze_json_of_every_seed_is_valid_against_the_schema(seeds_json):
    jsonschema.validate(seeds_json, SCHEMA)
    assert [Path(r["path"]).name for r in seeds_json] == [p.name for p in SEEDS]


def test_analyze_json_offsets_point_into_the_file_as_read(seeds_json):
    for result, path in zip(seeds_json, SEEDS):
        text = path.read_text(encoding="utf-8")
        for field in ("sentences", "quotes", "figures", "boilerplate"):
            for item in result[field]:
                assert text[item["start"]:item["end"]] == item["text"], (path.name, field, item)


def test_sentences_and_boilerplate_cover_every_word_of_the_text(seeds_json):
    for result, path in zip(seeds_json, SEEDS):
        text = path.read_text(encoding="utf-8")
        covered = bytearray(len(text))
        for item in result["sentences"] + result["boilerplate"]:
            covered[item["start"]:item["end"]] = b"\x01" * (item["end"] - item["start"])
        missed = "".join(ch if not covered[i] else " " for i, ch in enumerate(text)).split()
        assert missed == [], (path.name, missed[:10])


def test_headline_is_a_sentence_that_is_not_a_claim(seeds_json):
    first = seeds_json[0]["sentences"][0]
    assert first["text"].startswith("US Creates 'Higher Sense of Crisis'")
    assert first["sourcing"] == "not_a_claim"


def test_analyze_fills_sourcing_quotes_figures_and_boilerplate(seeds_json):
    by_name = {Path(r["path"]).name[:3]: r for r in seeds_json}
    assert any(s["sourcing"] == "anonymous" for s in by_name["001"]["sentences"])
    assert any(q["speaker"] for q in by_name["004"]["quotes"])
    assert any(f["kind"] == "money" for f in by_name["003"]["figures"])
    assert any("comment" in b["reason"].lower() for b in by_name["002"]["boilerplate"])


def test_a_text_of_one_line_is_a_sentence_not_a_title(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("The minister said prices would fall", encoding="utf-8")
    proc = medialit("analyze", "--json", str(one))
    assert proc.returncode == 0, proc.stderr
    [result] = json.loads(proc.stdout)
    assert [s["text"] for s in result["sentences"]] == ["The minister said prices would fall"]


def test_human_report_shows_labels_and_boilerplate_reasons():
    proc = medialit("analyze", str(SEEDS[1]))
    assert proc.returncode == 0, proc.stderr
    assert "Boilerplate lines" in proc.stdout and "Please Wait" in proc.stdout
    assert "[A]" in proc.stdout and "[N]" in proc.stdout


@pytest.mark.parametrize("name, content, problem", [
    ("missing.txt", None, "does not exist"),
    ("latin1.txt", "Caf\xe9 prices rose.".encode("latin-1"), "UTF-8"),
    ("empty.txt", b"", "empty"),
    ("badfront.txt", b"+++\ntitle = \n+++\nBody text here.\n", "TOML"),
])
def test_each_bad_file_gets_a_clear_error_and_the_others_are_still_analysed(tmp_path, name, content, problem):
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    proc = medialit("analyze", "--json", str(SEEDS[2]), str(bad), str(SEEDS[3]))
    assert proc.returncode == 1
    [line] = proc.stderr.strip().splitlines()
    assert name in line and problem.lower() in line.lower(), line
    results = json.loads(proc.stdout)
    assert [Path(r["path"]).name for r in results] == [SEEDS[2].name, SEEDS[3].name]


def test_help_lists_every_command():
    proc = medialit("--help")
    assert proc.returncode == 0
    for command in ("lab", "analyze", "compare", "families", "release", "grade"):
        assert command in proc.stdout


def test_offsets_count_from_the_top_of_a_file_with_front_matter(tmp_path):
    path = tmp_path / "front.txt"
    path.write_text('+++\ntitle = "Council budget"\n+++\nThe council passed the budget, the clerk said.\n', encoding="utf-8")
    proc = medialit("analyze", "--json", str(path))
    assert proc.returncode == 0, proc.stderr
    [result] = json.loads(proc.stdout)
    text = path.read_text(encoding="utf-8")
    assert result["title"] == "Council budget"
    assert [s["text"] for s in result["sentences"]] == ["The council passed the budget, the clerk said."]
    for s in result["sentences"]:
        assert text[s["start"]:s["end"]] == s["text"]
