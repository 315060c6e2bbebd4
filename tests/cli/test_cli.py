"""The command line as a user meets it: `medialit analyze` on the seeds and on bad input."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from helpers import PACKAGE, ROOT, SEED_FILES, run_medialit

SCHEMA = json.loads((PACKAGE / "schema" / "analyze.schema.json").read_text())


@pytest.fixture(scope="module")
def seeds_json() -> list:
    proc = run_medialit("analyze", "--json", *map(str, SEED_FILES))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return json.loads(proc.stdout)


def test_analyze_json_of_every_seed_is_valid_against_the_schema(seeds_json):
    jsonschema.validate(seeds_json, SCHEMA)
    assert [Path(r["path"]).name for r in seeds_json] == [p.name for p in SEED_FILES]


def test_analyze_json_offsets_point_into_the_file_as_read(seeds_json):
    for result, path in zip(seeds_json, SEED_FILES):
        text = path.read_text(encoding="utf-8")
        for field in ("sentences", "quotes", "figures", "boilerplate"):
            for item in result[field]:
                assert text[item["start"]:item["end"]] == item["text"], (path.name, field, item)


def test_sentences_and_boilerplate_cover_every_word_of_the_text(seeds_json):
    for result, path in zip(seeds_json, SEED_FILES):
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
    proc = run_medialit("analyze", "--json", str(one))
    assert proc.returncode == 0, proc.stderr
    [result] = json.loads(proc.stdout)
    assert [s["text"] for s in result["sentences"]] == ["The minister said prices would fall"]


def test_human_report_shows_labels_and_boilerplate_reasons():
    proc = run_medialit("analyze", str(SEED_FILES[1]))
    assert proc.returncode == 0, proc.stderr
    assert "Boilerplate lines" in proc.stdout and "Please Wait" in proc.stdout
    assert "[A]" in proc.stdout and "[N]" in proc.stdout


@pytest.mark.parametrize("name, content, problem", [
    ("missing.txt", None, "does not exist"),
    ("junk.txt", b"Text. " + bytes(range(128, 256)) * 4, "no text encoding fits"),
    ("empty.txt", b"", "empty"),
    ("badfront.txt", b"+++\ntitle = \n+++\nBody text here.\n", "TOML"),
])
def test_each_bad_file_gets_a_clear_error_and_the_others_are_still_analysed(tmp_path, name, content, problem):
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    proc = run_medialit("analyze", "--json", str(SEED_FILES[2]), str(bad), str(SEED_FILES[3]))
    assert proc.returncode == 1
    [line] = proc.stderr.strip().splitlines()
    assert name in line and problem.lower() in line.lower(), line
    results = json.loads(proc.stdout)
    assert [Path(r["path"]).name for r in results] == [SEED_FILES[2].name, SEED_FILES[3].name]


def test_help_lists_every_command():
    proc = run_medialit("--help")
    assert proc.returncode == 0
    for command in ("lab", "analyze", "compare", "families", "release", "grade"):
        assert command in proc.stdout


def test_offsets_count_from_the_top_of_a_file_with_front_matter(tmp_path):
    path = tmp_path / "front.txt"
    path.write_text('+++\ntitle = "Council budget"\n+++\nThe council passed the budget, the clerk said.\n', encoding="utf-8")
    proc = run_medialit("analyze", "--json", str(path))
    assert proc.returncode == 0, proc.stderr
    [result] = json.loads(proc.stdout)
    text = path.read_text(encoding="utf-8")
    assert result["title"] == "Council budget"
    assert [s["text"] for s in result["sentences"]] == ["The council passed the budget, the clerk said."]
    for s in result["sentences"]:
        assert text[s["start"]:s["end"]] == s["text"]


# ---------------------------------------------------------------- one style for every command

CLI = ROOT / "medialit" / "cli"
COMMAND_MODULES = sorted(p.stem for p in CLI.glob("*.py") if p.stem not in ("__init__", "__main__", "common"))


def test_help_lists_every_command_and_every_command_has_a_module_and_help():
    from medialit.cli import COMMANDS

    assert sorted(COMMANDS) == COMMAND_MODULES
    listing = run_medialit("--help").stdout
    for name in COMMANDS:
        assert f"    {name} " in listing
        proc = run_medialit(name, "--help")
        assert proc.returncode == 0 and proc.stdout.startswith(f"usage: medialit {name} "), proc.stderr


@pytest.mark.parametrize("name", COMMAND_MODULES)
def test_every_command_module_defines_exactly_register_and_run(name):
    import importlib
    import inspect

    module = importlib.import_module(f"medialit.cli.{name}")
    for function, parameter in (("register", "parser"), ("run", "args")):
        obj = getattr(module, function)
        assert inspect.isfunction(obj) and obj.__module__ == module.__name__, function
        assert list(inspect.signature(obj).parameters) == [parameter], function
    assert inspect.signature(module.run).return_annotation in (int, "int")
    # No second style: no register_<name>/run_<name>, no module-level flags read by main().
    others = [n for n in vars(module) if n.startswith(("register_", "run_")) or n.isupper() and "ARGS" in n]
    assert others == []


def _one_error_line(proc: subprocess.CompletedProcess, command: str, *names: str) -> str:
    assert proc.returncode != 0
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith(f"medialit {command}: "), line
    assert all(n in line for n in names), line
    assert "Traceback" not in proc.stderr
    return line


def test_compare_bad_file_is_one_line_naming_it(tmp_path):
    missing = tmp_path / "gone.txt"
    proc = run_medialit("compare", str(SEED_FILES[0]), str(missing))
    _one_error_line(proc, "compare", "gone.txt", "does not exist")
    assert proc.stdout == ""


def test_compare_reports_each_bad_file_not_just_the_first(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run_medialit("compare", str(tmp_path / "gone.txt"), str(tmp_path / "empty.txt"))
    assert proc.returncode == 1
    first, second = proc.stderr.strip().splitlines()
    assert "gone.txt" in first and "empty.txt" in second


def test_families_bad_file_is_one_line_naming_it_and_the_others_are_grouped(tmp_path):
    for seed in SEED_FILES[:2]:
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run_medialit("families", "--json", str(tmp_path))
    _one_error_line(proc, "families", "empty.txt", "empty")
    grouped = [Path(p).name for family in json.loads(proc.stdout)["families"] for p in family]
    assert sorted(grouped) == sorted(s.name for s in SEED_FILES[:2])


def test_families_missing_folder_is_one_line_naming_it(tmp_path):
    _one_error_line(run_medialit("families", str(tmp_path / "nowhere")), "families", "nowhere")


def _release_with_exercise_file(tmp_path: Path, text: str) -> subprocess.CompletedProcess:
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "00_broken.toml").write_text(text, encoding="utf-8")
    (tmp_path / "notebooks").mkdir()
    return run_medialit("release", str(tmp_path / "out"), "--exercises", str(tmp_path / "exercises"),
                    "--notebooks", str(tmp_path / "notebooks"))


def test_release_bad_exercise_file_is_one_line_naming_it(tmp_path):
    proc = _release_with_exercise_file(tmp_path, 'title = "Broken"\n[[exercise]]\nid = "q1"\nkind = "nonsense"\n')
    _one_error_line(proc, "release", "00_broken.toml", "nonsense")
    assert proc.returncode == 2


def test_release_exercise_file_that_is_not_toml_is_one_line_naming_it(tmp_path):
    _one_error_line(_release_with_exercise_file(tmp_path, "title = \n"), "release", "00_broken.toml")


def test_grade_missing_folder_is_one_line_naming_it(tmp_path):
    proc = run_medialit("grade", str(tmp_path / "nowhere"), "--out", str(tmp_path / "grades.csv"))
    _one_error_line(proc, "grade", "nowhere")


def test_lab_without_notebooks_is_one_line(monkeypatch, capsys):
    from medialit.cli import lab, main

    def nowhere() -> Path:
        raise FileNotFoundError("cannot find the notebooks folder")

    monkeypatch.setattr(lab, "find_notebooks", nowhere)
    assert main(["lab", "--no-browser"]) == 2
    assert capsys.readouterr().err == "medialit lab: cannot find the notebooks folder\n"


def test_lab_passes_options_it_does_not_know_to_jupyterlab_in_order(monkeypatch, capsys):
    from medialit.cli import lab, main

    calls = []
    monkeypatch.setattr(lab.subprocess, "call", lambda cmd: calls.append(cmd) or 0)
    assert main(["lab", "--ServerApp.token=secret", "--no-browser", "--port", "8899", "--ServerApp.ip=127.0.0.1"]) == 0
    [cmd] = calls
    assert cmd[-2:] == ["--ServerApp.token=secret", "--ServerApp.ip=127.0.0.1"]
    assert "--port=8899" in cmd and "--no-browser" in cmd


def test_other_commands_refuse_options_they_do_not_know():
    proc = run_medialit("analyze", "--ServerApp.token=secret", str(SEED_FILES[0]))
    assert proc.returncode == 2 and "unrecognized arguments: --ServerApp.token=secret" in proc.stderr


# ---------------------------------------------------------------- warnings, broken pipes

BAD_CATALOG = "tests/fixtures/corpus_bad_catalog/a.txt"


def test_a_warning_is_one_line_naming_the_command_and_no_source_code():
    proc = run_medialit("analyze", "--json", BAD_CATALOG)
    assert proc.returncode == 0
    assert proc.stderr == ("medialit analyze: warning: tests/fixtures/corpus_bad_catalog/catalog.toml, line 3: "
                           "invalid TOML catalog: Illegal character '\\n' (loading "
                           "tests/fixtures/corpus_bad_catalog/a.txt without it)\n")
    assert [r["path"] for r in json.loads(proc.stdout)] == [BAD_CATALOG]


def test_every_command_prints_warnings_the_same_way():
    proc = run_medialit("compare", "--json", BAD_CATALOG, str(SEED_FILES[0]))
    assert proc.returncode == 0, proc.stderr
    [line] = proc.stderr.splitlines()
    assert line.startswith("medialit compare: warning: tests/fixtures/corpus_bad_catalog/catalog.toml, line 3:")
    assert ".py:" not in line


def test_a_closed_pipe_ends_quietly():
    # `medialit analyze ... | head`: far more output than a pipe holds, and the reader leaves early.
    files = [str(p) for p in SEED_FILES] * 10
    proc = subprocess.Popen([sys.executable, "-m", "medialit.cli", "analyze", *files], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.read(100).startswith(b"== ")
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) in (0, 141)
    assert err == ""
