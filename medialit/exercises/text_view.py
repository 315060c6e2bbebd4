"""The plain-text form of an exercise (for front ends without widgets) and its CSS id.

>>> css_id("q0.1")
'medialit-ex-q0-1'
"""
from __future__ import annotations

from medialit.exercises.kinds import KINDS


def css_id(exercise_id: str) -> str:
    """``q0.1`` -> ``medialit-ex-q0-1`` (the class the browser test looks for)."""
    return "medialit-ex-" + "".join(c if c.isalnum() else "-" for c in exercise_id)


def plain_text(exercise) -> str:
    """The exercise as text, with the code fallback (shown where widgets do not render)."""
    lines = [f"{exercise.id.upper()} ({exercise.points:g} point{'s' if exercise.points != 1 else ''}): {exercise.prompt}"]
    items = exercise.items()
    if items:
        lines += [f"  {i}. {t}" for i, t in enumerate(items, start=1)]
    options = exercise.options()
    if options:
        lines.append("Options: " + "; ".join(f"{i}. {o}" for i, o in enumerate(options, start=1)))
    if exercise.data.get("unit"):
        lines.append(f"Unit: {exercise.data['unit']}")
    lines.append(KINDS[exercise.kind].answer_in_code(exercise))
    return "\n".join(lines)
