"""The student release: no plaintext keys, notebooks without outputs, check cells marked for
nbgrader, and grading from the release agrees with grading from the source."""
from __future__ import annotations

import json
from medialit.rules import tomllib
from pathlib import Path

import nbformat
import pytest

from medialit.cli import main
from medialit.exercises.keys import fragment_hits
from medialit.exercises.grade import grade_submissions
from medialit.exercises.keys import word_key
from medialit.exercises.release import build_release
from medialit.exercises import load_exercise_file
from medialit.exercises.tomlwrite import dumps_exercise_file

from helpers import ROOT
KEY_FIELDS = {"answer", "feedback", "explanation", "instructor_note", "pairs", "tolerance"}


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("student")
    report = build_release(out, notebooks=ROOT / "notebooks", exercises=ROOT / "exercises", seeds=ROOT / "seeds")
    assert report.problems == []
    return out


def secrets_of(exercise) -> list[str]:
    """Strings only the key holds: messages, explanations, notes, sentence fragments."""
    src = exercise.source
    found = [src.get("explanation"), src.get("instructor_note")]
    found += list(src.get("feedback", {}).values())
    for entry in src.get("items", []) + src.get("pairs", []):
        if isinstance(entry, dict):
            found += list(entry.get("feedback", {}).values())
    return [s for s in found if s]


def test_release_holds_no_key_in_plaintext(release):
    texts = {p: p.read_text(encoding="utf-8") for p in release.rglob("*")
             if p.is_file() and "seeds" not in p.relative_to(release).parts}
    for source in sorted((ROOT / "exercises").glob("*.toml")):
        raw = tomllib.loads((release / "exercises" / source.name).read_text(encoding="utf-8"))
        assert raw["released"] is True
        for table in raw["exercise"]:
            assert not KEY_FIELDS & set(table), (source.name, table["id"])
        for exercise in load_exercise_file(source).exercises:
            for secret in secrets_of(exercise):
                for form in {secret, json.dumps(secret, ensure_ascii=False)[1:-1]}:
                    leaks = [p.name for p, text in texts.items() if form in text]
                    assert not leaks, f"{exercise.id}: {secret[:40]!r} is readable in {leaks}"
            if exercise.kind == "pick_sentences" and "article" in exercise.source:
                # the article is not in the release file: the key fragments must not be either
                table = next(t for t in raw["exercise"] if t["id"] == exercise.id)
                shown = json.dumps(table, ensure_ascii=False)
                for fragment in exercise.source["answer"]:
                    assert not fragment_hits(word_key(fragment), [shown]), (exercise.id, fragment)


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


def test_grading_from_the_release_agrees_with_grading_from_the_source(release):
    source = grade_submissions(ROOT / "tests/fixtures/class_small", exercises=ROOT / "exercises")
    released = grade_submissions(ROOT / "tests/fixtures/class_small", exercises=release / "exercises")
    assert source[0] == released[0]
    assert [(g.student, g.status, g.scores, g.total) for g in source[1]] == \
           [(g.student, g.status, g.scores, g.total) for g in released[1]]
    assert any(g.total > 0 for g in source[1]) and any(g.total < g.possible for g in source[1])


def test_release_salts_differ_between_builds(tmp_path):
    a = build_release(tmp_path / "a", notebooks=ROOT / "notebooks", exercises=ROOT / "exercises", seeds=None)
    b = build_release(tmp_path / "b", notebooks=ROOT / "notebooks", exercises=ROOT / "exercises", seeds=None)
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
    assert main(["release", str(tmp_path / "student")]) == 0
    assert "keys hashed" in capsys.readouterr().out
    assert (tmp_path / "student" / "notebooks" / "00_start_here.ipynb").is_file()
    assert not list((tmp_path / "student").rglob("*.answers.json"))
