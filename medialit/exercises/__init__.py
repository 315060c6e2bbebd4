"""Exercises with immediate feedback: the student API and the instructor's tools.

Students::

    from medialit import exercises
    ex = exercises.load("04_unsourced_claims")
    ex.show("q4.1")                    # a widget with a Check button
    ex.answer("q4.1", "anonymous")     # or answer in code
    ex.check("q4.1")
    ex.check_all(); ex.progress()

Instructors: ``medialit release OUT`` and ``medialit grade SUBMISSIONS``. The file format is
in docs/exercise-format.md. Widgets are imported only by ``show``. Each kind of exercise
(``single_choice``, ``number``, ``code``...) is one module of ``medialit.exercises.kinds``.
"""
from medialit.exercises.api import Exercises, grading_mode, load
from medialit.exercises.checking import AnswerError
from medialit.exercises.results import CheckResult
from medialit.exercises.spec import Exercise, ExerciseFileError, ExerciseSet, load_exercise_file

__all__ = ["load", "Exercises", "grading_mode", "CheckResult", "AnswerError", "Exercise", "ExerciseSet",
           "ExerciseFileError", "load_exercise_file"]
