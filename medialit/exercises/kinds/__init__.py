"""The exercise kinds: one module per kind, each a :class:`Kind` registered in :data:`KINDS`.

The generic modules (``spec``, ``compiling``, ``checking``, ``widgets``, ``text_view``,
``authoring``, ``grade``) look a kind up here and call its steps (see ``kinds/base.py``);
they have no per-kind branches. Adding a kind is writing one module here and listing it
below (docs/exercise-format.md, "Adding a kind").

>>> list(KINDS)[:2]
['single_choice', 'multiple_choice']
>>> KINDS["free_text"].graded
False
"""
from __future__ import annotations

from medialit.exercises.kinds.base import STEPS, Compiled, Fail, Input, Kind, Verdict
from medialit.exercises.kinds.code import Code
from medialit.exercises.kinds.free_text import FreeText
from medialit.exercises.kinds.label_items import LabelItems
from medialit.exercises.kinds.match_pairs import MatchPairs
from medialit.exercises.kinds.multiple_choice import MultipleChoice
from medialit.exercises.kinds.number import Number
from medialit.exercises.kinds.pick_sentences import PickSentences
from medialit.exercises.kinds.single_choice import SingleChoice

__all__ = ["KINDS", "Kind", "Compiled", "Verdict", "Input", "Fail", "STEPS", "register", "kind_of"]

KINDS: dict[str, Kind] = {}
"""Kind name (as written in the TOML files) -> its :class:`Kind`, in the order the docs list them."""


def register(kind: Kind) -> Kind:
    """Add ``kind`` to :data:`KINDS` under ``kind.name`` (replacing a kind of that name)."""
    KINDS[kind.name] = kind
    return kind


def kind_of(exercise) -> Kind:
    """The :class:`Kind` of a loaded exercise."""
    return KINDS[exercise.kind]


for _kind in (SingleChoice(), MultipleChoice(), PickSentences(), LabelItems(), Number(), MatchPairs(),
              FreeText(), Code()):
    register(_kind)
