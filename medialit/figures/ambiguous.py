"""Unit words with two meanings: "pounds" is money (pounds sterling) or weight. The words near
the figure decide (rules table ``[[ambiguous_units]]`` and ``[money_cues]``); with none, the
figure keeps its usual reading and says it is unsure.

Internal module: use :func:`medialit.figures.extraction.extract`.

>>> from medialit.figures.tables import load_rules
>>> text = "Repairs are expected to cost about 40,000 pounds."
>>> read_unit(load_rules(), text, 35, 48, "pounds", "measure")[:2]
('money', "'pounds' read as money (GBP), not weight: 'cost' near it")
"""
from __future__ import annotations

import re
from medialit.figures.tables import FigureRules

_BREAK_BEFORE = re.compile(r".*(?:[.!?;:](?=\s)|\n)", re.S)   # the last sentence or clause break
_BREAK_AFTER = re.compile(r"[.!?;:,()\n]|\d")                  # the first break after the figure
_WORD = re.compile(r"£|[A-Za-z][A-Za-z'’-]*")
_WINDOW = 120   # characters looked at on each side (bounded: the cost stays per figure)


def read_unit(rules: FigureRules, text: str, start: int, end: int, form: str, default: str) -> tuple[str, str, bool]:
    """Read the unit word ``form`` of the figure ``text[start:end]`` as "money" or "measure".
    Returns (reading, note, sure). The nearest word from the tables wins (words before the
    figure and words after it, in the same sentence; "N pounds of fish" counts the words after
    "of"); a tie, or no word at all, gives ``default`` and ``sure`` False."""
    unit = rules.ambiguous_units[form]
    cues = rules.money_cues
    left = text[max(0, start - _WINDOW):start]
    bm = _BREAK_BEFORE.match(left)
    if bm:
        left = left[bm.end():]
    before = [w.lower() for w in _WORD.findall(left)][-cues.before:]
    right = text[end:end + _WINDOW]
    am = _BREAK_AFTER.search(right)
    after = [w.lower() for w in _WORD.findall(right[:am.start()] if am else right)][:cues.after + 1]
    money = measure = None   # (distance, word) of the nearest cue
    for d, w in enumerate(reversed(before), 1):
        if money is None and w in cues.words:
            money = (d, w)
        if measure is None and w in unit.words:
            measure = (d, w)
    of = bool(after) and after[0] == "of"
    for d, w in enumerate(after[:cues.after + (1 if of else 0)], 1):
        if money is None or d < money[0]:
            if w in cues.words:
                money = (d, w)
        if measure is None or d < measure[0]:
            if w in unit.words or (of and d > 1 and w in unit.of):
                measure = (d, f"of {w}" if of and d > 1 and w in unit.of else w)
    m_name, x_name = f"money ({unit.money})", f"{unit.measure_name} ({unit.measure})"
    if money and (measure is None or money[0] < measure[0]):
        return "money", f"'{form}' read as {m_name}, not {unit.measure_name}: '{money[1]}' near it", True
    if measure and (money is None or measure[0] < money[0]):
        return "measure", f"'{form}' read as {x_name}, not money: '{measure[1]}' near it", True
    why = (f"'{money[1]}' and '{measure[1]}' are as near" if money and measure
           else f"no word of money or {unit.measure_name} near it")
    kept = m_name if default == "money" else x_name
    return default, f"unsure: '{form}' could be money or {unit.measure_name} ({why}); read as {kept}", False


def sterling_note(rules: FigureRules, text: str) -> str | None:
    """The money sign or word elsewhere in ``text`` that makes an unsure "pounds" money, or None."""
    m = rules.money_cues.article.search(text)
    return m.group() if m else None
