"""What the internal consistency checks need besides the figures: the rules table
``medialit/rules/consistency.toml`` compiled, claims as intervals (what "nearly half" or "a
30% jump" allows), and the small text patterns that link two figures ("from X to Y",
"X of the Y").

Internal module: use :func:`medialit.checks.internal.check_internal`.

>>> rules = load_rules()
>>> claim_interval(50.0, "nearly", rules, rounding=0.5)
(44.5, 50.5)
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from medialit.errors import RulesError
from medialit.figures.extraction import Figure
from medialit.rules import Table, load_table
from medialit.text.numbers import format_value

INF = math.inf


@dataclass(frozen=True, eq=False)
class ConsistencyRules:
    """``medialit/rules/consistency.toml``, ready to match with."""

    label: str
    percent_rounding: float
    share_word_points: float
    approx_fraction: float
    multiple_fraction: float
    age_years: int
    qualifiers: dict
    qualifier_re: re.Pattern
    up: frozenset
    down: frozenset
    change_re: re.Pattern
    multiples: dict          # word -> factor
    multiple_re: re.Pattern
    shares: dict             # phrase -> (low, high) as fractions of the whole
    share_re: re.Pattern
    in_all: tuple
    exhaustive: tuple
    some_of: tuple
    born_re: re.Pattern


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def compile_rules(table: Table) -> ConsistencyRules:
    """Compile a checked table; a value the schema cannot see (a range with low above high,
    a multiple word without a factor) raises :class:`RulesError` naming the file."""
    d = table.data
    tol = d.get("tolerances", {})
    quals = {k.lower(): v for k, v in d.get("qualifiers", {}).items()}
    bad = [k for k, v in quals.items() if v not in ("approx", "near_below", "near_above", "lower", "upper")]
    if bad:
        raise RulesError(f"{table.label}: [qualifiers] '{bad[0]}' must be one of approx, near_below, near_above, "
                         f"lower, upper (got '{quals[bad[0]]}')")
    changes = d.get("changes", {})
    up, down = frozenset(w.lower() for w in changes.get("up", [])), frozenset(w.lower() for w in changes.get("down", []))
    mult = d.get("multiples", {})
    factors = mult.get("factor", {})
    multiples = {}
    for name, words in mult.get("words", {}).items():
        if name not in factors:
            raise RulesError(f"{table.label}: [multiples.words] '{name}' has no factor in [multiples.factor]")
        for w in words:
            multiples[w.lower()] = float(factors[name])
    shares = {k.lower(): (float(v), float(v)) for k, v in d.get("shares", {}).items()}
    for k, (lo, hi) in d.get("share_ranges", {}).items():
        if lo > hi:
            raise RulesError(f"{table.label}: [share_ranges] '{k}': low {lo} is above high {hi}")
        shares[k.lower()] = (float(lo), float(hi))
    parts = d.get("parts", {})
    return ConsistencyRules(
        label=table.label,
        percent_rounding=float(tol.get("percent_rounding", 0.5)),
        share_word_points=float(tol.get("share_word_points", 3.0)),
        approx_fraction=float(tol.get("approx_fraction", 0.1)),
        multiple_fraction=float(tol.get("multiple_fraction", 0.1)),
        age_years=int(tol.get("age_years", 1)),
        qualifiers=quals,
        qualifier_re=re.compile(rf"(?:^|[\s(,])({_alternation(quals)})\s+(?:an?\s+)?$", re.I) if quals else re.compile(r"(?!)"),
        up=up, down=down,
        change_re=re.compile(rf"\b({_alternation(up | down)})\b", re.I),
        multiples=multiples,
        multiple_re=re.compile(rf"\b({_alternation(multiples)})\b", re.I) if multiples else re.compile(r"(?!)"),
        shares=shares,
        share_re=re.compile(rf"\b({_alternation(shares)})\b", re.I) if shares else re.compile(r"(?!)"),
        in_all=tuple(p.lower() for p in parts.get("in_all", [])),
        exhaustive=tuple(p.lower() for p in parts.get("exhaustive", [])),
        some_of=tuple(p.lower() for p in parts.get("some_of", [])),
        born_re=re.compile(rf"\b({_alternation(d.get('ages', {}).get('born', ['born']))})\s*(?:in\s+|on\s+)?$", re.I),
    )


@lru_cache(maxsize=1)
def _packaged() -> ConsistencyRules:
    return compile_rules(load_table("consistency"))


def load_rules(rules: ConsistencyRules | str | Path | None = None) -> ConsistencyRules:
    """The consistency rules: ``None`` (the packaged table), a path to a teacher's copy, or
    rules already loaded."""
    if rules is None:
        return _packaged()
    if isinstance(rules, ConsistencyRules):
        return rules
    return compile_rules(load_table("consistency", rules))


# --- numbers and claims ------------------------------------------------------------------

def fmt(v: float) -> str:
    """A number for the arithmetic shown to a student: 25 -> "25", 0.3333 -> "0.3333"."""
    if v in (INF, -INF):
        return "∞" if v > 0 else "-∞"
    if abs(v - round(v)) < 1e-9:
        return format_value(float(round(v)))
    return format_value(round(v, 4))


def interval(lo: float, hi: float) -> str:
    """An interval in words: "45 to 50.5", "at least 30", "at most 12"."""
    if hi == INF:
        return f"at least {fmt(lo)}"
    if lo == -INF:
        return f"at most {fmt(hi)}"
    return fmt(lo) if abs(hi - lo) < 1e-9 else f"{fmt(lo)} to {fmt(hi)}"


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] + 1e-9 and b[0] <= a[1] + 1e-9


_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def rounding_of(fig: Figure, floor: float = 0.0) -> float:
    """Half a unit of the last digit written ("4.25%" -> 0.005); for a whole number, half a
    unit or ``floor`` if larger ("30%" -> 0.5); ``floor`` for numbers written in words."""
    m = None
    for m in _DIGITS.finditer(fig.text):
        pass
    if m is None:
        return floor
    decimals = len(m.group(1) or "")
    return 0.5 * 10 ** -decimals if decimals else max(0.5, floor)


def qualifier_before(text: str, start: int, rules: ConsistencyRules) -> str | None:
    """The qualifier written just before ``start`` ("nearly", "more than"), or None."""
    m = rules.qualifier_re.search(text[max(0, start - 24):start])
    return " ".join(m.group(1).lower().split()) if m else None


def claim_interval(v: float, qualifier: str | None, rules: ConsistencyRules, *, rounding: float) -> tuple[float, float]:
    """The values a claim of ``v`` allows, given its qualifier and how it was rounded."""
    how = rules.qualifiers.get(qualifier or "")
    f = rules.approx_fraction
    if how == "approx":
        return v - abs(v) * f - rounding, v + abs(v) * f + rounding
    if how == "near_below":
        return v - abs(v) * f - rounding, v + rounding
    if how == "near_above":
        return v - rounding, v + abs(v) * f + rounding
    if how == "lower":
        return v - rounding, INF
    if how == "upper":
        return -INF, v + rounding
    return v - rounding, v + rounding


def figure_interval(fig: Figure, text: str, rules: ConsistencyRules) -> tuple[tuple[float, float], str] | None:
    """A count or amount as an interval, with a note on the qualifier (None if not numeric)."""
    if isinstance(fig.value, (int, float)) and not isinstance(fig.value, bool):
        q = qualifier_before(text, fig.start, rules)
        if q:
            return claim_interval(float(fig.value), q, rules, rounding=0.0), f"'{q}'"
        if fig.low is not None or fig.high is not None:   # a qualifier the extractor read ("20 or so")
            return (fig.low if fig.low is not None else -INF, fig.high if fig.high is not None else INF), "as qualified"
        r = scaled_rounding(fig, float(fig.value))
        return (float(fig.value) - r, float(fig.value) + r), ("rounded" if r else "")
    if fig.low is not None and fig.high is not None:
        return (fig.low, fig.high), "a range"
    return None


def numeric(fig: Figure) -> bool:
    """A figure with one plain number (not a date, a year, a range or a tally)."""
    return isinstance(fig.value, (int, float)) and not isinstance(fig.value, bool) and fig.kind not in ("date", "year")


def same_measure(a: Figure, b: Figure) -> bool:
    """Two figures measure the same thing: same unit (a bare number counts as any count)."""
    # a rate ("$1,200 a month", "900 ships a year") may be written on one of the two only
    ua, ub = (a.unit or "").split("/"), (b.unit or "").split("/")
    same_rate = len(ua) == 1 or len(ub) == 1 or ua[1:] == ub[1:]
    if a.kind == "money" or b.kind == "money":
        return a.kind == b.kind and ua[0] == ub[0] and same_rate
    if a.kind == "percent" or b.kind == "percent":
        return a.kind == b.kind and a.unit == b.unit
    if a.kind in ("count", "number", "quantity") and b.kind in ("count", "number", "quantity"):
        return (ua[0] == ub[0] and same_rate) or a.unit is None or b.unit is None
    return False


def scaled_rounding(fig: Figure, value: float, which: int = -1) -> float:
    """How much a value may have been rounded, from how it is written: "$2.5 million" is 2.45
    to 2.55 million (half a unit of the last digit, times the scale); a whole number of 1,000
    or more ending in two or more zeros is rounded to its last non-zero digit ("4,500" is
    4,450 to 4,550); anything else ("120", "$4", "4,512") is read as exact (0). ``which``
    picks the number in the figure's text (0: the first, -1: the last, for a range's ends)."""
    found = list(_DIGITS.finditer(fig.text))
    if not found:
        return 0.0
    m = found[which]
    digits = m.group(0).replace(",", "")
    try:
        shown = float(digits)
    except ValueError:
        return 0.0
    if shown == 0:
        return 0.0
    if value / shown >= 1000 and "," not in m.group(0):
        return 0.5 * 10 ** -len(m.group(1) or "") * (value / shown)
    if m.group(1) is None and shown >= 1000 and abs(value - shown) < 1e-9:
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros >= 2:
            return 0.5 * 10 ** zeros
    return 0.0


class Change(NamedTuple):
    """An old and a new value written as "from X to Y" or "to Y from X", each with the
    rounding its writing allows (:func:`scaled_rounding`)."""

    old: float
    new: float
    figures: tuple          # the figure(s) that hold them
    kind: str
    unit: str | None
    text: str               # "from 120 to 150"
    old_rounding: float = 0.0
    new_rounding: float = 0.0

    def ratio_range(self) -> tuple[float, float]:
        """new / old at the ends of both roundings."""
        olds = (self.old - self.old_rounding, self.old + self.old_rounding)
        news = (self.new - self.new_rounding, self.new + self.new_rounding)
        ratios = [n / o for n in news for o in olds if o > 0]
        return (min(ratios), max(ratios)) if ratios else (self.new / self.old, self.new / self.old)


_FROM = re.compile(r"\bfrom\s+$", re.I)
_TO = re.compile(r"\bto\s+$", re.I)
_GAP_TO = re.compile(r"\s+to\s+", re.I)
_GAP_FROM = re.compile(r",?\s+from\s+", re.I)


_UP_BY = re.compile(r",?\s+(?:up|down|rising|falling|an?\s+(?:increase|rise|gain|jump|drop|fall|decline|decrease)\s+of)\s+"
                    r"(?:(?:about|nearly|almost|some|roughly|around|more\s+than|over)\s+)?", re.I)
_UP_FROM = re.compile(r"\s+(?:from|on|over|compared\s+with|compared\s+to|versus|vs\.?)\s+(?:the\s+)?", re.I)


def changes_in(text: str, figs: list[Figure]) -> list[Change]:
    """Every "from X to Y", "to Y from X" and "Y, up P% from X" in a sentence's figures."""
    out = []
    for i, f in enumerate(figs):
        # "revenue was $120 million, up 25% from $96 million": the new value, the percent, the old
        if i + 2 < len(figs) and numeric(f) and figs[i + 1].kind == "percent" and numeric(figs[i + 2]):
            p, g = figs[i + 1], figs[i + 2]
            if same_measure(f, g) and f.kind != "percent" and _UP_BY.fullmatch(text[f.end:p.start]) \
                    and _UP_FROM.fullmatch(text[p.end:g.start]):
                out.append(Change(float(g.value), float(f.value), (f, g), f.kind, f.unit or g.unit,
                                  f"from {g.text} to {f.text}", scaled_rounding(g, float(g.value)),
                                  scaled_rounding(f, float(f.value))))
                continue
        before = text[max(0, f.start - 8):f.start]
        starts_from = f.text[:5].lower() == "from "   # a range whose text keeps its "from"
        if (f.value is None and f.low is not None and f.high is not None and f.kind not in ("date", "year", "vague")
                and (_FROM.search(before) or starts_from)):
            out.append(Change(f.low, f.high, (f,), f.kind, f.unit, f.text if starts_from else f"from {f.text}",
                              scaled_rounding(f, f.low, 0), scaled_rounding(f, f.high, -1)))
            continue
        if i + 1 >= len(figs) or not numeric(f) or not numeric(figs[i + 1]):
            continue
        g = figs[i + 1]
        gap = text[f.end:g.start]
        if not same_measure(f, g):
            continue
        if _FROM.search(before) and _GAP_TO.fullmatch(gap):
            out.append(Change(float(f.value), float(g.value), (f, g), g.kind, g.unit or f.unit, f"from {f.text} to {g.text}",
                              scaled_rounding(f, float(f.value)), scaled_rounding(g, float(g.value))))
        elif _TO.search(before) and _GAP_FROM.fullmatch(gap):
            out.append(Change(float(g.value), float(f.value), (f, g), f.kind, f.unit or g.unit, f"to {f.text} from {g.text}",
                              scaled_rounding(g, float(g.value)), scaled_rounding(f, float(f.value))))
    return out


_OF_GAP = re.compile(r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|his|her|our|those|these|all)\s+)?"
                     r"(?:[A-Z][\w'’.-]*(?:'s|’s)\s+)?", re.I)
_RATIO_TEXT = re.compile(r"^(?P<a>[\w,.-]+)\s+out\s+of\s+(?:every\s+)?(?P<b>[\w,.-]+)", re.I)


class Part(NamedTuple):
    """A part of a whole written "A of (the) B" or "A out of B"."""

    part: float
    whole: float
    figures: tuple
    start: int
    end: int


def parse_number(s: str) -> float | None:
    """A number written with digits or words, or None."""
    from medialit.text.numbers import parse_number_words, parse_numeral
    s = s.strip(",. ")
    try:
        return parse_numeral(s)[0]
    except ValueError:
        pass
    try:
        return parse_number_words(s)
    except ValueError:
        return None


def parts_of_wholes(text: str, figs: list[Figure]) -> list[Part]:
    """Every "A of (the) B" and "A out of B" among a sentence's figures (A no larger than B)."""
    out = []
    for i, f in enumerate(figs):
        if f.unit == "ratio":
            m = _RATIO_TEXT.match(f.text)
            if m:
                a, b = parse_number(m.group("a")), parse_number(m.group("b"))
                if a is not None and b and a <= b:
                    out.append(Part(a, b, (f,), f.start, f.end))
            continue
        if i + 1 >= len(figs) or not numeric(f) or f.kind not in ("count", "number", "money"):
            continue
        g = figs[i + 1]
        if not numeric(g) or g.kind not in ("count", "number", "money") or f.unit == "years old" or g.unit == "years old":
            continue
        if f.kind == "money" and not same_measure(f, g):
            continue
        if _OF_GAP.fullmatch(text[f.end:g.start]) and 0 < float(f.value) <= float(g.value) and (f.unit in (None, g.unit)):
            out.append(Part(float(f.value), float(g.value), (f, g), f.start, g.end))
    return out
