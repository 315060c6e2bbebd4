"""Cross-source comparison of figures: the same quantity reported differently.

``compare_figures(text_a, text_b)`` pairs figures that count the same kind of thing (the
counted nouns match, directly or through the synonym groups in ``rules/figures.toml``) in
sentences that share content words, and says whether their ranges agree.

>>> a = "Guaido was recognized by the United States and a handful of its allies."
>>> b = "Guaido won the recognition of the United States and dozens of other countries."
>>> [c.relation for c in compare_figures(a, b)]
['disagree']
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from medialit.figures.tables import FigureRules, load_rules
from medialit.records import Record

if TYPE_CHECKING:
    from medialit.figures.extraction import Figure

_STOPWORDS = frozenset(
    "the a an of in on at to for and or but were are is was be been has have had will would that this "
    "these those from with by as its their his her it they he she we who which since than then also "
    "other more said says after before into about over under some such only not no".split())


@dataclass(frozen=True, slots=True)
class FigureComparison(Record):
    """Two figures, one from each text, that seem to report the same quantity."""

    a: Figure
    b: Figure
    relation: str          # "agree" (ranges overlap) or "disagree" (they cannot both be right)
    shared: tuple[str, ...]  # content words both sentences share (as written in A, matched on 6 letters)
    explanation: str


def _fold(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).lower()


def _stems(sentence: str) -> dict[str, str]:
    """Content words by their first six letters ("recognised" and "recognition" share "recogn")."""
    out: dict[str, str] = {}
    for w in re.findall(r"[a-z]+", _fold(sentence)):
        if len(w) > 2 and w not in _STOPWORDS:
            out.setdefault(w[:6], w)
    return out


def _range(f) -> tuple[float, float] | None:
    if f.low is not None or f.high is not None:
        lo = f.low if f.low is not None else (f.value if isinstance(f.value, float) else 0.0)
        hi = f.high if f.high is not None else float("inf")
        return lo, hi
    if isinstance(f.value, (int, float)):
        return float(f.value), float(f.value)
    return None


def _group(rules: FigureRules, noun: str | None) -> frozenset[str] | None:
    if not noun:
        return None
    for g in rules.synonyms:
        if noun in g:
            return g
    return frozenset([noun])


def _fmt(lo: float, hi: float) -> str:
    if lo == hi:
        return f"{lo:g}"
    return f"{lo:g} or more" if hi == float("inf") else f"{lo:g} to {hi:g}"


def compare_figures(text_a: str, text_b: str, *, min_shared: int = 2,
                    rules: FigureRules | str | Path | None = None) -> list[FigureComparison]:
    """Figures in ``text_a`` and ``text_b`` that count the same thing in similar sentences,
    with "agree" when their ranges overlap and "disagree" when they cannot both be right."""
    from medialit.figures.extraction import extract
    rules = load_rules(rules)
    fa, fb = extract(text_a, rules=rules), extract(text_b, rules=rules)
    out: list[FigureComparison] = []
    countable = ("count", "vague", "money", "percent", "quantity")
    for x in fa:
        if x.kind not in countable or x.sentence_start is None:
            continue
        gx = _group(rules, x.unit)
        sx = _stems(text_a[x.sentence_start:x.sentence_end])
        for y in fb:
            if y.kind not in countable or y.sentence_start is None or y.unit is None or x.unit is None:
                continue
            gy = _group(rules, y.unit)
            if not (gx & gy) and not (gx == gy):
                continue
            if (x.kind in ("money", "percent")) != (y.kind in ("money", "percent")):
                continue
            common = set(sx) & set(_stems(text_b[y.sentence_start:y.sentence_end]))
            common -= {_fold(x.unit)[:6], _fold(y.unit)[:6]}
            shared = {sx[k] for k in common}
            if len(shared) < min_shared:
                continue
            rx, ry = _range(x), _range(y)
            if rx is None or ry is None:
                continue
            agree = rx[0] <= ry[1] and ry[0] <= rx[1]
            words = ", ".join(sorted(shared)[:6])
            expl = (f"Both count {x.unit if x.unit == y.unit else x.unit + '/' + y.unit} in sentences sharing "
                    f"[{words}]: A says '{x.text}' ({_fmt(*rx)}), B says '{y.text}' ({_fmt(*ry)}). "
                    + ("The ranges overlap, so the two reports agree." if agree else
                       "The ranges do not overlap, so at least one source misstates the number."))
            out.append(FigureComparison(x, y, "agree" if agree else "disagree", tuple(sorted(shared)), expl))
    return out
