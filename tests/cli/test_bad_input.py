"""Bad input to `medialit analyze` (and `families` for folders): every case is one clear line
on stderr naming the file, no traceback, a non-zero exit when a file could not be read, and
the other files still analysed. `docs/bad-input.md` tables these cases and names each test."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, SEED_FILES, run_medialit

GOOD = "Officials said the talks failed. Prices rose 5% in March.\n"


def analyze(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    proc = run_medialit("analyze", *args, cwd=tmp_path)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def one_line_about(stderr: str, name: str) -> str:
    lines = [line for line in stderr.splitlines() if name in line]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("medialit analyze: "), lines[0]
    return lines[0]


def write(tmp_path: Path, name: str, data: bytes) -> str:
    (tmp_path / name).write_bytes(data)
    return name


@pytest.fixture
def good(tmp_path: Path) -> str:
    return write(tmp_path, "good.txt", GOOD.encode())


def _good_was_analysed(proc) -> None:
    assert "== good.txt" in proc.stdout  # the good file after the bad one was still read


def test_nul_bytes_are_named_and_the_next_file_is_read(tmp_path, good):
    bad = write(tmp_path, "nul.txt", b"\x00" * 40)
    proc = analyze(tmp_path, bad, good)
    line = one_line_about(proc.stderr, "nul.txt")
    assert "contains NUL bytes" in line and "not a text file" in line
    assert proc.returncode == 1
    _good_was_analysed(proc)


def test_utf16_without_a_mark_gets_a_hint(tmp_path):
    bad = write(tmp_path, "u16.txt", GOOD.encode("utf-16-le"))
    line = one_line_about(analyze(tmp_path, bad).stderr, "u16.txt")
    assert "NUL bytes" in line and "--encoding utf-16" in line


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    name = write(tmp_path, "u16.txt", GOOD.encode("utf-16"))  # Python writes the mark
    proc = analyze(tmp_path, "--json", name)
    assert proc.returncode == 0 and proc.stderr == ""
    (result,) = json.loads(proc.stdout)
    assert [s["text"] for s in result["sentences"]] == ["Officials said the talks failed.", "Prices rose 5% in March."]


def test_utf32_with_a_byte_order_mark_is_read(tmp_path):
    name = write(tmp_path, "u32.txt", GOOD.encode("utf-32"))
    proc = analyze(tmp_path, "--json", name)
    assert proc.returncode == 0 and json.loads(proc.stdout)[0]["figures"][0]["text"] == "5%"


LATIN1 = "Le ministre a déclaré que les négociations étaient terminées, selon des responsables.\n"


@pytest.mark.parametrize("options", [(), ("--encoding", "auto")])
def test_latin1_is_read_in_the_encoding_detected_and_the_encoding_is_named(tmp_path, options):
    name = write(tmp_path, "l1.txt", LATIN1.encode("cp1252"))
    proc = analyze(tmp_path, "--json", *options, name)
    line = one_line_about(proc.stderr, "l1.txt")
    assert "warning" in line and "read as cp1252" in line and "--encoding" in line
    assert proc.returncode == 0
    assert "déclaré" in json.loads(proc.stdout)[0]["sentences"][0]["text"]


def test_encoding_can_be_forced(tmp_path):
    name = write(tmp_path, "l1.txt", LATIN1.encode("latin-1"))
    proc = analyze(tmp_path, "--json", "--encoding", "latin-1", name)
    assert proc.returncode == 0 and proc.stderr == ""
    assert "négociations" in json.loads(proc.stdout)[0]["sentences"][0]["text"]


def test_an_unknown_encoding_is_one_line(tmp_path, good):
    proc = analyze(tmp_path, "--encoding", "klingon", good)
    assert "unknown encoding 'klingon'" in one_line_about(proc.stderr, "good.txt") and proc.returncode == 1


def test_whitespace_only_is_one_line(tmp_path, good):
    bad = write(tmp_path, "blank.txt", b"\n   \n\t\n")
    proc = analyze(tmp_path, bad, good)
    assert "blank.txt: no text (only whitespace)" in one_line_about(proc.stderr, "blank.txt")
    assert proc.returncode == 1
    _good_was_analysed(proc)


def test_a_file_over_the_size_limit_says_the_limit_and_how_to_raise_it(tmp_path, good):
    bad = write(tmp_path, "big.txt", GOOD.encode() * 20_000)  # about 1.2 MB
    proc = analyze(tmp_path, "--max-size", "1", bad, good)
    line = one_line_about(proc.stderr, "big.txt")
    assert "over the 1 MB limit" in line and "--max-size" in line and "MEDIALIT_MAX_MB" in line
    assert proc.returncode == 1
    _good_was_analysed(proc)
    assert analyze(tmp_path, "--max-size", "2", bad).returncode == 0


def test_the_size_limit_from_the_environment(tmp_path):
    bad = write(tmp_path, "big.txt", GOOD.encode() * 20_000)
    proc = subprocess.run([sys.executable, "-m", "medialit.cli", "analyze", bad], cwd=tmp_path, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT), "MEDIALIT_MAX_MB": "0.5"})
    assert "over the 0.5 MB limit" in proc.stderr and "Traceback" not in proc.stderr and proc.returncode == 1


def test_a_symlink_loop_and_a_broken_link_are_named(tmp_path, good):
    (tmp_path / "loop_a.txt").symlink_to("loop_b.txt")
    (tmp_path / "loop_b.txt").symlink_to("loop_a.txt")
    (tmp_path / "gone.txt").symlink_to("nothing_here.txt")
    proc = analyze(tmp_path, "loop_a.txt", "gone.txt", good)
    assert "symbolic link to nothing" in one_line_about(proc.stderr, "loop_a.txt")
    assert "symbolic link to nothing" in one_line_about(proc.stderr, "gone.txt")
    assert proc.returncode == 1
    _good_was_analysed(proc)


def test_a_folder_with_a_link_loop_and_a_bad_file_still_groups_the_rest(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_bytes(SEED_FILES[0].read_bytes())
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "nul.txt").write_bytes(b"\x00\x01\x02")
    proc = run_medialit("families", "--json", str(folder))
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert any("loop.txt" in x and "symbolic link to nothing" in x for x in lines), proc.stderr
    assert any("nul.txt" in x and "NUL bytes" in x for x in lines), proc.stderr
    families = json.loads(proc.stdout)["families"]
    assert sorted(Path(p).name for f in families for p in f) == ["a.txt", "b.txt"]


def test_an_unreadable_file_is_named(tmp_path, monkeypatch):
    from medialit.corpus.files import CorpusError, read_text

    path = tmp_path / "locked.txt"
    path.write_text(GOOD)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(CorpusError, match=r"locked.txt: cannot be read \(Permission denied\)"):
        read_text(path)


DEEP = "+++\nx = " + "[" * 50_000 + "]" * 50_000 + "\n+++\nThe talks failed, officials said.\n"
HUGE = "+++\nx = 1" + "0" * 5_000 + "\n+++\nThe talks failed, officials said.\n"


@pytest.mark.parametrize("text, why", [(DEEP, "nested too deeply"), (HUGE, "a number with too many digits")],
                         ids=["deep nesting", "huge number"])
def test_front_matter_the_parser_cannot_hold_is_a_bad_file_and_later_files_are_read(tmp_path, good, text, why):
    bad = write(tmp_path, "bad.txt", text.encode())
    proc = analyze(tmp_path, bad, good)
    line = one_line_about(proc.stderr, "bad.txt")
    assert "invalid TOML front matter" in line and why in line and proc.returncode == 1
    _good_was_analysed(proc)


@pytest.mark.parametrize("catalog, why", [
    ("[[article]]\nid = \"a\"\nfile = \"a.txt\"\nx = " + "[" * 50_000 + "]" * 50_000 + "\n", "nested too deeply"),
    ("[[article]]\nid = \"a\"\nfile = \"a.txt\"\nx = 9" + "9" * 5_000 + "\n", "too many digits"),
], ids=["deep nesting", "huge number"])
def test_a_catalog_the_parser_cannot_hold_is_named_and_the_folder_still_loads(tmp_path, catalog, why):
    (tmp_path / "catalog.toml").write_text(catalog)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(SEED_FILES[0].read_bytes())
    proc = run_medialit("families", "--json", str(tmp_path))
    assert "Traceback" not in proc.stderr
    (line,) = [x for x in proc.stderr.splitlines() if "catalog.toml" in x]
    assert "invalid TOML catalog" in line and why in line
    assert sorted(Path(p).name for f in json.loads(proc.stdout)["families"] for p in f) == ["a.txt", "b.txt"]


PAGE = ("<!DOCTYPE html><html><head><title>Port reopens</title></head><body><article><h1>Port reopens</h1>"
        "<p>The port reopened on Monday after a week of repairs, officials said. Traffic rose 12% on the first "
        "day, according to the harbour authority, and more ships are expected this week.</p>"
        "<p>“We are back to normal,” the harbour master said.</p></article></body></html>")


def test_an_html_file_named_txt_is_read_as_a_page_with_a_warning(tmp_path):
    name = write(tmp_path, "page.txt", PAGE.encode())
    proc = analyze(tmp_path, "--json", name)
    line = one_line_about(proc.stderr, "page.txt")
    assert "warning" in line and "looks like a saved web page (HTML)" in line
    assert proc.returncode == 0
    (result,) = json.loads(proc.stdout)
    texts = [s["text"] for s in result["sentences"]]
    assert any(t.startswith("The port reopened on Monday") for t in texts), texts
    assert not any("<p>" in t or "<html" in t.lower() for t in texts), texts


def test_a_closed_pipe_ends_quietly(tmp_path):
    files = [str(p) for p in SEED_FILES] * 4
    for extra in ([], ["--jobs", "2"], ["--json"]):
        proc = subprocess.Popen([sys.executable, "-m", "medialit.cli", "analyze", *extra, *files], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
        proc.stdout.readline()
        proc.stdout.close()  # as `| head -1` does
        err = proc.stderr.read().decode()
        proc.wait(timeout=120)
        assert err == "", err
        assert proc.returncode == 141  # 128 + SIGPIPE, as a shell reports it


def test_a_folder_given_to_analyze_is_one_line(tmp_path, good):
    (tmp_path / "sub").mkdir()
    proc = analyze(tmp_path, "sub", good)
    assert "is a folder, not a text file" in one_line_about(proc.stderr, "sub") and proc.returncode == 1
    _good_was_analysed(proc)
