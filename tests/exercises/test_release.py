"""The student release in both modes: no key in any encoding the kit uses, notebooks without
outputs, check cells marked for nbgrader, authoring errors as one line, and an assessment
release that depends only on what students see (byte-identical whatever the answers)."""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from medialit.cli import main
from medialit.exercises import load_exercise_file
from medialit.exercises.grade import grade_submissions
from medialit.exercises.kinds.pick_sentences import article_sentences
from medialit.exercises.release import build_release
from medialit.exercises.tomlwrite import dumps_exercise_file
from medialit.rules import tomllib

from helpers import ROOT
from release_keys import changed_answers, leaks, release_files

KEY_FIELDS = {"answer", "feedback", "explanation", "instructor_note", "pairs", "tolerance"}
SOURCES = [load_exercise_file(p) for p in sorted((ROOT / "exercises").glob("*.toml"))]


def _build(out: Path, mode: str = "practice", exercises: Path = ROOT / "exercises") -> Path:
    report = build_release(out, notebooks=ROOT / "notebooks", exercises=exercises, seeds=ROOT / "seeds", mode=mode)
    assert report.problems == []
    return out


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    from medialit.exercises import keys
    saved, keys.COST = keys.COST, {"n": 16, "r": 1, "p": 1}      # a module fixture: set the cheap cost by hand
    try:
        return _build(tmp_path_factory.mktemp("student"))
    finally:
        keys.COST = saved


@pytest.fixture(scope="module")
def assessment(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("assessment"), mode="assessment")


def test_the_key_search_finds_every_form_in_the_source_files():
    # the search must be able to fail: run on the source exercise files, it finds the keys
    files = {p.name: p.read_bytes() for p in (ROOT / "exercises").glob("*.toml")}
    files = {f"exercises/{k}": v for k, v in files.items()}
    found = leaks(files, SOURCES)
    assert len({line.split(": ")[1] for line in found}) >= 40, found[:5]


@pytest.mark.parametrize("mode", ["practice", "assessment"])
def test_release_holds_no_key_in_any_encoding(mode, release, assessment):
    out = release if mode == "practice" else assessment
    files = release_files(out)
    assert any(name.endswith(".whl!medialit/kit/exercises/04_unsourced_claims.toml") for name in files)
    assert leaks(files, SOURCES) == []
    for name, data in files.items():
        if name.endswith(".toml") and "exercises/" in name:
            raw = tomllib.loads(data.decode("utf-8"))
            assert raw["released"] is True and raw["mode"] == mode
            for table in raw["exercise"]:
                assert not KEY_FIELDS & set(table), (name, table["id"])
                assert ("key" in table) == (mode == "practice" and table["kind"] != "free_text"), (name, table["id"])


def test_assessment_release_is_byte_identical_whatever_the_answers(tmp_path, assessment):
    changed = tmp_path / "changed"
    changed.mkdir()
    for source in sorted((ROOT / "exercises").glob("*.toml")):
        raw = tomllib.loads(source.read_text(encoding="utf-8"))

        def items_of(table):
            return list(article_sentences(table["article"])) if "article" in table else table["items"]
        other = changed_answers(raw, items_of)
        (changed / source.name).write_text(dumps_exercise_file("changed answers", {k: v for k, v in other.items()
                                                                                  if k != "exercise"},
                                                               other["exercise"]), encoding="utf-8")
        before, after = load_exercise_file(source), load_exercise_file(changed / source.name)
        graded = [e.id for e in before.exercises if e.graded]
        differ = [i for i in graded if dict(before[i].key) != dict(after[i].key)]
        assert differ == graded, f"{source.name}: answers left unchanged for {set(graded) - set(differ)}"
    second = _build(tmp_path / "second", mode="assessment", exercises=changed)
    a, b = release_files(assessment), release_files(second)
    assert sorted(a) == sorted(b)
    different = [name for name in a if a[name] != b[name]]
    assert different == []


def test_assessment_release_checks_the_form_only(assessment):
    from medialit.exercises.api import Exercises
    from medialit.exercises.store import AnswerStore
    exercise_set = load_exercise_file(assessment / "exercises" / "00_start_here.toml")
    ex = Exercises(exercise_set, AnswerStore("unused.json", persist=False))
    right = ex.answer("q0.1", "Shift+Enter")
    assert right.ok
    results = [ex.check("q0.1", strict=False)]
    ex.answer("q0.1", "Tab")
    results.append(ex.check("q0.1", strict=False))
    assert {(r.status, r.score, r.details, r.explanation) for r in results} == {("saved", 0.0, (), None)}
    assert results[0].message == results[1].message and results[0].hint
    assert not ex.answer("q0.1", "Not a choice").ok          # the format check still speaks


def test_release_notebooks_have_no_outputs_and_graded_check_cells_carry_nbgrader_metadata(release):
    nb = nbformat.read(release / "notebooks" / "00_start_here.ipynb", as_version=4)
    exercises = load_exercise_file(ROOT / "exercises" / "00_start_here.toml")
    graded = {}
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
        meta = cell.metadata.get("nbgrader")
        if meta:
            assert meta["grade"] and meta["locked"] and not meta["solution"] and meta["schema_version"] == 3
            graded[meta["grade_id"]] = meta["points"]
    expected = {e.id.replace(".", "_"): e.points for e in exercises.exercises if e.kind != "free_text"}
    assert graded == expected


def test_grading_from_the_practice_release_agrees_with_grading_from_the_source(release):
    source = grade_submissions(ROOT / "tests/fixtures/class_small", exercises=ROOT / "exercises")
    released = grade_submissions(ROOT / "tests/fixtures/class_small", exercises=release / "exercises")
    assert source[0] == released[0]
    assert [(g.student, g.status, g.scores, g.total) for g in source[1]] == \
           [(g.student, g.status, g.scores, g.total) for g in released[1]]
    assert any(g.total > 0 for g in source[1]) and any(g.total < g.possible for g in source[1])


def test_release_salts_differ_between_builds(tmp_path):
    a = build_release(tmp_path / "a", notebooks=ROOT / "notebooks", exercises=ROOT / "exercises", seeds=None,
                      wheel=False)
    b = build_release(tmp_path / "b", notebooks=ROOT / "notebooks", exercises=ROOT / "exercises", seeds=None,
                      wheel=False)
    name = a.exercise_files[0]
    assert (a.out / "exercises" / name).read_text() != (b.out / "exercises" / name).read_text()


def test_toml_writer_round_trips_awkward_strings():
    odd = 'quote " back\\slash\nnew line, tab\t, “curly”, emoji 🙂, DEL \x7f, Заголовок'
    text = dumps_exercise_file("header", {"title": odd}, [{"id": "q1", "choices": [odd, "b"],
                                                           "key": {"feedback": {"a b": odd}, "n": [1, 2.5]}}])
    data = tomllib.loads(text)
    assert data["title"] == odd and data["exercise"][0]["choices"][0] == odd
    assert data["exercise"][0]["key"] == {"feedback": {"a b": odd}, "n": [1, 2.5]}


def test_release_command_writes_the_student_copy(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["release", "--no-keys", str(tmp_path / "student")]) == 0
    assert "assessment release, no keys" in capsys.readouterr().out
    assert (tmp_path / "student" / "notebooks" / "00_start_here.ipynb").is_file()
    assert (tmp_path / "student" / "dist" / "medialit-0.1.0-py3-none-any.whl").is_file()
    assert not list((tmp_path / "student").rglob("*.answers.json"))


def _kit_copy(tmp_path: Path) -> tuple[Path, Path]:
    exercises, notebooks = tmp_path / "exercises", tmp_path / "notebooks"
    exercises.mkdir()
    notebooks.mkdir()
    for name in ("00_start_here", "01_who_is_behind_it"):
        (exercises / f"{name}.toml").write_bytes((ROOT / "exercises" / f"{name}.toml").read_bytes())
        (notebooks / f"{name}.ipynb").write_bytes((ROOT / "notebooks" / f"{name}.ipynb").read_bytes())
    return exercises, notebooks


def test_a_toml_syntax_error_is_one_line_naming_file_and_line(tmp_path, capsys):
    exercises, notebooks = _kit_copy(tmp_path)
    path = exercises / "01_who_is_behind_it.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(5, "this is not = = toml")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["release", str(tmp_path / "out"), "--exercises", str(exercises), "--notebooks", str(notebooks)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert err.splitlines() == [next(line for line in err.splitlines() if "01_who_is_behind_it.toml:6: not valid TOML" in line)]
    assert not (tmp_path / "out" / "exercises").exists()        # nothing half-written


def test_a_duplicate_id_names_its_second_line(tmp_path, capsys):
    exercises, notebooks = _kit_copy(tmp_path)
    path = exercises / "00_start_here.toml"
    text = path.read_text(encoding="utf-8")
    second = text.index('id = "q0.2"')
    path.write_text(text[:second] + 'id = "q0.1"' + text[second + len('id = "q0.2"'):], encoding="utf-8")
    line = text[:second].count("\n") + 1
    assert main(["exercises", "lint", "--exercises", str(exercises), "--notebooks", str(notebooks)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert any(f"00_start_here.toml:{line}: exercise q0.1: field 'id' is used twice" in e for e in err), err


def test_an_exercise_without_its_cell_and_a_cell_without_its_exercise_are_reported(tmp_path, capsys):
    exercises, notebooks = _kit_copy(tmp_path)
    path = notebooks / "00_start_here.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if not ("check" in c.get("metadata", {}).get("tags", [])
                                            and 'ex.check("q0.2")' in "".join(c["source"]))]
    extra = {"cell_type": "code", "id": "extra-check", "metadata": {"tags": ["check"]}, "source": ['ex.check("q0.99")'],
             "outputs": [], "execution_count": None}
    nb["cells"] = cells + [extra]
    path.write_text(json.dumps(nb), encoding="utf-8")
    (notebooks / "01_who_is_behind_it.ipynb").unlink()
    code = main(["release", str(tmp_path / "out"), "--exercises", str(exercises), "--notebooks", str(notebooks)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    q02 = (exercises / "00_start_here.toml").read_text(encoding="utf-8").split('id = "q0.2"')[0].count("\n") + 1
    assert f"00_start_here.toml:{q02}: exercise q0.2 has no cell tagged 'check'" in err
    assert f"00_start_here.ipynb: cell {len(cells) + 1}: exercise 'q0.99' is not in" in err
    assert "01_who_is_behind_it.toml: no notebook 01_who_is_behind_it.ipynb" in err
    assert len(err.splitlines()) == 3


def test_the_kits_own_exercises_lint_clean(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["exercises", "lint"]) == 0, capsys.readouterr().err
    assert "0 problems" in capsys.readouterr().out
