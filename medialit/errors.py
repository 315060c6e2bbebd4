"""The errors a user of the kit meets, each a one-line message that names the file (or
table, or exercise) and the problem.

Every error the kit raises on purpose is a :class:`MedialitError`, so a notebook or script
can catch them all at once; each is also a ``ValueError``, as the kit's errors were before.

>>> from medialit.errors import CorpusError, MedialitError
>>> issubclass(CorpusError, MedialitError) and issubclass(CorpusError, ValueError)
True
"""
from __future__ import annotations

__all__ = ["MedialitError", "CorpusError", "RulesError", "ReferenceDataError", "ExerciseFileError",
           "AnswersFileError", "AnswerError"]


class MedialitError(ValueError):
    """Base of every error the kit raises on purpose."""


class CorpusError(MedialitError):
    """An article, a folder of articles or its catalog cannot be read as given."""


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
