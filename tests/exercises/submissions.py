"""Generated submissions, shared by the grading tests and ``bench/bench_grade.py``.

An answers file is written through the student API: every answer right (``full``), right and
wrong mixed (``partial``), or values of the wrong shape written straight into the file
(``invalid``). For a lesson with code exercises the student's copy of the notebook is handed in
too, with the code answers filled in (right for ``full``, the first right and the next wrong
for ``partial``, left as the scaffold for ``invalid``).
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOWS = ("full", "partial", "invalid")

# scaffold line of the notebook -> (a right answer in code, a wrong one)
CODE_ANSWERS = {
    "05_checking_figures": [
        ("answer_q5_8 = ...   # years; keep the units in mind at each step",
         "answer_q5_8 = reserves / world_use_per_day / 365",
         "answer_q5_8 = reserves / world_use_per_day   # days, not years"),
        ("answer_q5_14 = ...   # e.g. [c.check for c in check_internal(...) if ...]",
         "answer_q5_14 = [c.check for c in check_internal(paragraph, article_date='2023-06-01')\n"
         "                if c.verdict == 'inconsistent']",
         "answer_q5_14 = [c.check for c in check_internal(paragraph, article_date='2023-06-01')]"),
    ],
}


def write_answers(folder: Path, lesson: str, how: str, exercises: Path = ROOT / "exercises") -> Path:
    """``<lesson>.answers.json`` in ``folder``, answered the ``how`` way."""
    from medialit import exercises as api
    from medialit.exercises.authoring import key_answer
    from medialit.exercises.kinds import KINDS

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{lesson}.answers.json"
    ex = api.load(lesson, folder=exercises, answers=path)
    for n, item in enumerate(ex.set.exercises):
        wrong = KINDS[item.kind].misconceptions(item)
        if how == "full" or (how == "partial" and n % 2 == 0):
            ex.answer(item.id, key_answer(item))
        elif how == "partial" and wrong:
            ex.answer(item.id, wrong[0][0])
    if how == "invalid":
        junk = [{"not": "an answer"}, [[1, 2], [3]], True, "x" * 300]
        path.write_text(json.dumps({"format": "medialit-answers/1", "notebook": lesson, "answers": {
            item.id: {"value": junk[n % len(junk)], "saved": "2024-09-02T10:00:00Z"}
            for n, item in enumerate(ex.set.exercises)}}), encoding="utf-8")
    return path


def write_notebook(folder: Path, lesson: str, how: str, notebooks: Path = ROOT / "notebooks") -> Path:
    """The student's copy of ``<lesson>.ipynb`` in ``folder``, its code answers filled in the ``how`` way."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{lesson}.ipynb"
    text = (notebooks / f"{lesson}.ipynb").read_text(encoding="utf-8")
    for n, (scaffold, right, wrong) in enumerate(CODE_ANSWERS.get(lesson, [])):
        if scaffold not in text:
            raise ValueError(f"{lesson}.ipynb no longer has the scaffold {scaffold!r}")
        code = {"full": right, "partial": right if n == 0 else wrong}.get(how)
        if code is not None:
            text = text.replace(scaffold, json.dumps(code)[1:-1])
    target.write_text(text, encoding="utf-8")
    return target


def make_class(target: Path, students: int, lessons: list[str], *, exercises: Path = ROOT / "exercises",
               notebooks: Path = ROOT / "notebooks") -> dict[str, str]:
    """``students`` folders in ``target`` (``s01``...), each answering every lesson; lessons with code
    exercises get the notebook too. Returns {student: how}."""
    made = {}
    for number in range(1, students + 1):
        name, how = f"s{number:02d}", HOWS[(number - 1) % len(HOWS)]
        for lesson in lessons:
            write_answers(target / name, lesson, how, exercises)
            if lesson in CODE_ANSWERS:
                write_notebook(target / name, lesson, how, notebooks)
        made[name] = how
    return made
