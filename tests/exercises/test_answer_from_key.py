"""The "answer every exercise from its key" mode: with MEDIALIT_ANSWER_FROM_KEY=1 every notebook
runs with each exercise answered from its source key, and every check cell passes (grading mode
is on too, so a check that does not pass raises and fails the run)."""
from __future__ import annotations

import json
import shutil

import nbformat
import pytest

from medialit import exercises
from medialit.exercises.release import release_exercise_file
from medialit.exercises import load_exercise_file

from helpers import ROOT
ALL_KINDS = ROOT / "tests" / "fixtures" / "class_exercises" / "all_kinds.toml"
CODE = ROOT / "tests" / "fixtures" / "class_code" / "exercises" / "09_code_practice.toml"
NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").glob("*.ipynb")
                   if (ROOT / "exercises" / f"{p.stem}.toml").is_file())
REPORT = """
import json as _json
from medialit.exercises.api import Exercises as _Exercises
print("MEDIALIT-KEY-REPORT " + _json.dumps(sorted(
    [e.set.name, i, e.result(i).status, e.from_key]
    for e in {id(v): v for v in list(globals().values()) if isinstance(v, _Exercises)}.values() for i in e.ids)))
"""


@pytest.fixture
def key_mode(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIALIT_ANSWER_FROM_KEY", "1")
    monkeypatch.setenv("MEDIALIT_ANSWERS_DIR", str(tmp_path / "answers"))
    monkeypatch.delenv("MEDIALIT_EXERCISES", raising=False)
    return tmp_path


@pytest.mark.parametrize("path", [ALL_KINDS, CODE], ids=lambda p: p.stem)
def test_key_mode_answers_every_kind_and_every_check_passes(key_mode, path):
    folder = key_mode / "kit"
    (folder / "exercises").mkdir(parents=True)
    shutil.copy(path, folder / "exercises")
    ex = exercises.load(path.stem, folder=folder)
    assert ex.from_key and "answered from the source key" in repr(ex)
    results = [ex.check(i, namespace={}) for i in ex.ids]
    assert [r.status for r in results] == ["saved" if r.kind == "free_text" else "correct" for r in results]
    total = sum(e.points for e in ex.set.exercises)
    assert ex.progress().footer[-1] == f"{total:g}/{total:g}"
    assert not (key_mode / "answers").exists()          # nothing written: a student's file is never touched


def test_key_mode_ignores_the_variables_in_the_notebook(key_mode):
    folder = key_mode / "kit"
    (folder / "exercises").mkdir(parents=True)
    shutil.copy(CODE, folder / "exercises")
    ex = exercises.load(CODE.stem, folder=folder)
    assert ex.check("q9.2", namespace={"answer_q9_2": 0}).passed


def test_key_mode_is_refused_for_a_student_release(key_mode):
    folder = key_mode / "student"
    (folder / "exercises").mkdir(parents=True)
    text, _ = release_exercise_file(ALL_KINDS, salt="s")
    (folder / "exercises" / ALL_KINDS.name).write_text(text, encoding="utf-8")
    with pytest.raises(RuntimeError, match="needs the source exercise files; a student release has no plaintext"):
        exercises.load(ALL_KINDS.stem, folder=folder)


def test_without_the_flag_nothing_is_pre_answered(tmp_path, monkeypatch):
    monkeypatch.delenv("MEDIALIT_ANSWER_FROM_KEY", raising=False)
    ex = exercises.load(str(ALL_KINDS), answers=tmp_path / "a.answers.json")
    assert not ex.from_key and {ex.result(i).status for i in ex.ids} == {"unanswered"}


@pytest.mark.slow
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_passes_every_check_when_answered_from_the_key(key_mode, monkeypatch, notebook):
    from nbclient import NotebookClient

    monkeypatch.setenv("MEDIALIT_GRADING", "1")         # a check cell that does not pass raises
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(REPORT))
    NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(notebook.parent)}}).execute()
    printed = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("output_type") == "stream")
    rows = json.loads(printed.split("MEDIALIT-KEY-REPORT ", 1)[1])
    expected = load_exercise_file(ROOT / "exercises" / f"{notebook.stem}.toml")
    assert {(name, i) for name, i, _, _ in rows} >= {(notebook.stem, i) for i in expected.ids}
    kinds = {e.id: e.kind for e in expected.exercises}
    for name, exercise_id, status, from_key in rows:
        assert from_key, f"{name} was not loaded in key mode"
        assert status == ("saved" if kinds.get(exercise_id) == "free_text" else "correct"), (name, exercise_id)
    checked = [c for c in nb.cells if "check" in c.metadata.get("tags", [])]
    assert checked and all(c.get("execution_count") for c in checked)
    assert not (key_mode / "answers").exists()
