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

from exercises.submissions import write_answers
from helpers import ROOT
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


def make_course(tmp_path: Path, assignment: str) -> Path:
    """A course folder with the released notebook as nbgrader's source, and the generated assignment."""
    release = build_release(tmp_path / "student", notebooks=ROOT / "notebooks",
                            exercises=ROOT / "exercises", seeds=None).out
    course = tmp_path / "course"
    (course / "source" / assignment).mkdir(parents=True)
    shutil.copy(release / "notebooks" / f"{assignment}.ipynb", course / "source" / assignment)
    # The instructor's exercise files sit in the course root, out of the students' reach.
    shutil.copytree(release / "exercises", course / "exercises")
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        "c.CourseDirectory.course_id = 'medialit'\n"
        f"c.CourseDirectory.root = {str(course)!r}\n"
        "c.Execute.timeout = 60\n", encoding="utf-8")
    nbgrader(course, "generate_assignment", assignment)
    return course


def hand_in(course: Path, assignment: str, student: str) -> Path:
    folder = course / "submitted" / student / assignment
    folder.mkdir(parents=True)
    shutil.copy(course / "release" / assignment / f"{assignment}.ipynb", folder)
    return folder


def compare_totals(course: Path, assignment: str, students: tuple[str, ...]) -> dict:
    nbgrader(course, "autograde", assignment)
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        nbgrader_totals = {s: gb.find_submission(assignment, s).score for s in students}
    _, grades = grade_submissions(course / "submitted", exercises=course / "exercises")
    medialit_totals = {g.student: g.total for g in grades}
    assert nbgrader_totals == medialit_totals
    return medialit_totals


def test_nbgrader_autograde_gives_the_same_totals_as_medialit_grade(tmp_path):
    pytest.importorskip("nbgrader")
    course = make_course(tmp_path, ASSIGNMENT)
    for student in ("alice", "bob"):
        answers = next((CLASS / student).rglob(f"{ASSIGNMENT}.answers.json"))
        shutil.copy(answers, hand_in(course, ASSIGNMENT, student))
    totals = compare_totals(course, ASSIGNMENT, ("alice", "bob"))
    assert totals["alice"] > totals["bob"]     # the comparison is not trivially 0 == 0


def test_nbgrader_and_medialit_grade_agree_on_a_lesson_with_a_code_exercise(tmp_path):
    """Notebook 05: Q5.8 is answered by code in the notebook, so both graders run it."""
    pytest.importorskip("nbgrader")
    from medialit import exercises
    from medialit.exercises.authoring import key_answer

    lesson = "05_checking_figures"
    course = make_course(tmp_path, lesson)
    full = hand_in(course, lesson, "erin")      # every answer right, Q5.8 computed in code
    ex = exercises.load(lesson, folder=ROOT / "exercises", answers=full / f"{lesson}.answers.json")
    for item in ex.set.exercises:
        if item.id != "q5.8":                   # other code exercises: their saved answer is graded
            ex.answer(item.id, key_answer(item))
    notebook = full / f"{lesson}.ipynb"
    scaffold = "answer_q5_8 = ...   # years; keep the units in mind at each step"
    text = notebook.read_text(encoding="utf-8")
    assert scaffold in text
    notebook.write_text(text.replace(scaffold, "answer_q5_8 = reserves / world_use_per_day / 365"), encoding="utf-8")
    part = hand_in(course, lesson, "femi")      # two answers, Q5.8 left as the scaffold
    ex = exercises.load(lesson, folder=ROOT / "exercises", answers=part / f"{lesson}.answers.json")
    for item in ex.set.exercises[:2]:
        ex.answer(item.id, key_answer(item))
    totals = compare_totals(course, lesson, ("erin", "femi"))
    possible = sum(item.points for item in ex.set.exercises)
    assert totals["erin"] == possible and 0 < totals["femi"] < possible


LESSONS = sorted(p.stem for p in (ROOT / "exercises").glob("*.toml"))


@pytest.mark.parametrize("lesson", LESSONS)
def test_nbgrader_and_medialit_grade_agree_on_generated_submissions_of_every_lesson(tmp_path, lesson):
    pytest.importorskip("nbgrader")
    course = make_course(tmp_path, lesson)
    students = ("full", "partial", "invalid")
    for how in students:
        write_answers(hand_in(course, lesson, how), lesson, how)
    totals = compare_totals(course, lesson, students)
    assert totals["full"] > totals["invalid"] == 0
