"""The teacher key (docs/teacher-key.md) is generated from the exercise files and up to date; every
free-text exercise has a rubric and a model answer there; none of them reaches a student release."""
from __future__ import annotations

import subprocess
import sys

import pytest

from medialit.exercises import load_exercise_file

from helpers import ROOT

KEY = ROOT / "docs" / "teacher-key.md"
FREE_TEXT = [e for path in sorted((ROOT / "exercises").glob("*.toml"))
             for e in load_exercise_file(path).exercises if e.kind == "free_text"]


def test_the_teacher_key_is_up_to_date_with_the_exercise_files():
    proc = subprocess.run([sys.executable, str(ROOT / "docs" / "make_teacher_key.py"), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_there_are_fifteen_free_text_exercises():
    assert len(FREE_TEXT) >= 15


@pytest.mark.parametrize("ex", FREE_TEXT, ids=lambda e: e.id)
def test_every_free_text_exercise_has_a_rubric_and_model_answer_in_the_key(ex):
    rubric, model = ex.source.get("rubric"), ex.source.get("model_answer")
    assert rubric and len(rubric) >= 2 and model and len(model.split()) >= ex.source.get("min_words", 1)
    key = KEY.read_text(encoding="utf-8")
    section = key.split(f"### Q{ex.id[1:]} (")[1].split("\n### ")[0]
    assert model in section and all(criterion in section for criterion in rubric)


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    out = tmp_path_factory.mktemp("release") / "student"
    proc = subprocess.run([sys.executable, "-m", "medialit.cli", "release", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return {p.relative_to(out): p.read_text(encoding="utf-8", errors="replace")
            for p in out.rglob("*") if p.is_file() and p.suffix in (".toml", ".ipynb", ".md", ".txt", ".json")}


def test_no_rubric_or_model_answer_is_in_the_student_release(release):
    assert not any(path.name == "teacher-key.md" for path in release)
    texts = "\n".join(release.values())
    assert "rubric" not in texts and "model_answer" not in texts
    for ex in FREE_TEXT:
        assert ex.source["model_answer"][:60] not in texts, ex.id
        for criterion in ex.source["rubric"]:
            assert criterion[:60] not in texts, (ex.id, criterion)
