"""The errors a user of the kit meets, each a one-line message that names the file (or
table, or exercise) and the problem.

Every error the kit raises on purpose is a :class:`MedialitError`, so a notebook or script
can catch them all at once; each is also a ``ValueError``, as the kit's errors were before.

>>> from medialit.errors import CorpusError, MedialitError
>>> issubclass(CorpusError, MedialitError) and issubclass(CorpusError, ValueError)
True
"""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["show_path", "MedialitError", "CorpusError", "RulesError", "ReferenceDataError", "ExerciseFileError",
           "AnswersFileError", "AnswerError"]


def show_path(path: str | Path | None) -> str:
    """A path as a person would type it: relative to the current folder when inside it."""
    if path is None:
        return "<text>"
    p = Path(path)
    if p.is_absolute():
        try:
            return str(p.relative_to(Path.cwd()))
        except ValueError:
            pass
    return str(p)

class MedialitError(ValueError):
    """Base of every error the kit raises on purpose."""


class CorpusError(MedialitError):
    """An article, a folder of articles or its catalog cannot be read as given.

    ``CorpusError(path, problem, line=N)`` reads "<file>[, line N]: <problem>" (the path
    shown relative to the current folder when inside it); ``CorpusError(message)`` is a
    message that already names the text (``path`` and ``line`` are then None).

    >>> str(CorpusError("notes.txt", "file is empty", line=2))
    'notes.txt, line 2: file is empty'
    >>> CorpusError("pasted text: there is no article text").problem
    'pasted text: there is no article text'
    """

    def __init__(self, where: str | os.PathLike, problem: str | None = None, *, line: int | None = None) -> None:
        if problem is None:
            self.path, self.problem, self.line = None, str(where), None
            super().__init__(self.problem)
            return
        self.path: str | None = show_path(where)
        self.problem = problem
        self.line = line
        super().__init__(self.path + (f", line {line}" if line else "") + f": {problem}")


class RulesError(MedialitError):
    """A rules table (``medialit/rules/*.toml`` or a teacher's edited copy) is not valid."""


class ReferenceDataError(MedialitError):
    """A reference table (``seeds/reference/*.csv``) is missing or not valid."""


class ExerciseFileError(MedialitError):
    """An exercise file (``exercises/*.toml``) is not valid."""


class AnswersFileError(MedialitError):
    """A saved answers file is damaged (it is kept aside, never silently dropped)."""


class AnswerError(MedialitError):
    """An answer given in code does not have the shape its exercise expects."""
