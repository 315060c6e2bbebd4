"""The plain-text form of an exercise (for front ends without widgets) and its CSS id.

>>> css_id("q0.1")
'medialit-ex-q0-1'
"""
from __future__ import annotations


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
    examples = {"single_choice": '"choice text" or its number', "multiple_choice": "[1, 3] or a list of texts",
                "pick_sentences": "[2, 5] (sentence numbers) or a list of sentence fragments",
                "label_items": "a list of labels in item order", "match_pairs": "{left: right} or a list in order",
                "number": "a number", "free_text": '"your text"', "code": "..."}
    if exercise.kind == "code":
        lines.append(f"Answer in code: set {exercise.data['variable']} = ... (a {exercise.data['expects']}), "
                     f"run the cell, then ex.check({exercise.id!r})")
        return "\n".join(lines)
    lines.append(f"No widgets? Answer in code: ex.answer({exercise.id!r}, {examples[exercise.kind]})")
    return "\n".join(lines)
