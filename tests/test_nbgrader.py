"""A course that runs nbgrader gets the same totals from `nbgrader autograde` as from
`medialit grade` (released notebooks carry nbgrader metadata on their check cells)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from medialit.exercises.grade import grade_submissions
from medialit.exercises.release import build_release

ROOT = Path(__file__).resolve().parent.parent
CLASS = ROOT / "tests" / "fixtures" / "class_small"
ASSIGNMENT = "00_start_here"

pytestmark = pytest.mark.slow


def nbgrader(course: Path, *args: str) -> None:
    # nbgrader runs the `alembic` script of its environment, so that environment's bin goes first.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("MEDIALIT_GRADING", None)
    done = subprocess.run([sys.executable, "-m", "nbgrader", *args, "--force"], cwd=course, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_nbgrader_autograde_gives_the_same_totals_as_medialit_grade(tmp_path):
    pytest.importorskip("nbgrader")
    from nbgrader.api import Gradebook

    release = build_release(tmp_path / "student", notebooks=ROOT / "notebooks",
                            exercises=ROOT / "exercises", seeds=None).out
    course = tmp_path / "course"
    (course / "source" / ASSIGNMENT).mkdir(parents=True)
    shutil.copy(release / "notebooks" / f"{ASSIGNMENT}.ipynb", course / "source" / ASSIGNMENT)
    # The instructor's exercise files sit in the course root, out of the students' reach.
    shutil.copytree(release / "exercises", course / "exercises")
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        "c.CourseDirectory.course_id = 'medialit'\n"
        f"c.CourseDirectory.root = {str(course)!r}\n"
        "c.Execute.timeout = 60\n", encoding="utf-8")
    nbgrader(course, "generate_assignment", ASSIGNMENT)
    for student in ("alice", "bob"):
        folder = course / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        shutil.copy(course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", folder)
        answers = next((CLASS / student).rglob(f"{ASSIGNMENT}.answers.json"))
        shutil.copy(answers, folder)
    nbgrader(course, "autograde", ASSIGNMENT)

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        nbgrader_totals = {s: gb.find_submission(ASSIGNMENT, s).score for s in ("alice", "bob")}
    _, grades = grade_submissions(course / "submitted", exercises=course / "exercises")
    medialit_totals = {g.student: g.total for g in grades}
    assert nbgrader_totals == medialit_totals
    assert medialit_totals["alice"] > medialit_totals["bob"]     # the comparison is not trivially 0 == 0
