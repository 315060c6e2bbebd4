"""Internal consistency: an article's own figures checked against each other, with no
reference table. A percent change against its two values, "doubled" or "three times"
against the numbers, a share against its count and total, parts against a stated total, a
sum against "in all", an age against a year of birth and the article date.

``check_internal(text, article_date=...)`` returns :class:`InternalCheck` records, each with
a verdict ("consistent", "inconsistent", "cannot tell"), the sentence(s), the figures used
and the arithmetic. A check runs only where the wording ties the figures together plainly
(the patterns and tolerances are in ``medialit/rules/consistency.toml``, explained in
``docs/checks.md``); elsewhere it says nothing rather than guess.

>>> [(c.check, c.verdict) for c in check_internal("Membership rose from 120 to 150, a 30% jump.")]
[('percent change', 'inconsistent')]
>>> print(check_internal("Membership rose from 120 to 150, a 30% jump.")[0].arithmetic)
(150 - 120) / 120 = +25%; '30%' allows 29.5 to 30.5 -> no overlap
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from medialit.checks.consistency import (INF, ConsistencyRules, changes_in, claim_interval, figure_interval, fmt,
                                          interval, load_rules, numeric, overlaps, parse_number, parts_of_wholes,
                                          qualifier_before, rounding_of, same_measure)
from medialit.checks.dates import as_span
from medialit.corpus.document import Document, as_document
from medialit.figures.extraction import Figure, extract
from medialit.records import Record

__all__ = ["InternalCheck", "check_internal", "CHECKS"]

#: A sentence with more figures than this is a table or a list of numbers, not prose: it is
#: not checked (and the checks stay linear in the length of the text).
MAX_FIGURES_PER_SENTENCE = 60

#: The internal checks, in the order they are reported within a sentence.
CHECKS = ("percent change", "multiple", "share", "parts and total", "age")


@dataclass(frozen=True, slots=True)
class InternalCheck(Record):
    """One internal check: the figures of one article that were compared, and the result."""

    verdict: str          # consistent, inconsistent, cannot tell
    check: str            # one of CHECKS
    start: int            # the sentence(s) the figures are in
    end: int
    text: str
    figures: tuple        # the Figure records compared
    explanation: str
    arithmetic: str


class _Ctx:
    """One sentence with its figures (and the previous sentence's, for "In all, ...")."""

    def __init__(self, text: str, start: int, end: int, figs: list[Figure], rules: ConsistencyRules, when,
                 previous: tuple[int, int, list[Figure]] | None):
        self.text, self.start, self.end, self.figs, self.rules, self.when = text, start, end, figs, rules, when
        self.previous = previous
        self.sentence = text[start:end]

    def result(self, verdict, check, figs, explanation, arithmetic, start=None) -> InternalCheck:
        s = self.start if start is None else start
        return InternalCheck(verdict, check, s, self.end, self.text[s:self.end], tuple(figs), explanation, arithmetic)


def _upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def _verdict(ok: bool) -> str:
    return "consistent" if ok else "inconsistent"


# --- what ties two things in a sentence together ------------------------------------------

#: Words that start another clause: a figure on the far side of one is about something else
#: ("rose from 120 to 150, while margins fell 3%").
_CLAUSE_BREAK = re.compile(r"[;:.!?]|\b(?:while|whereas|but|although|though|and|as|when|after|before|compared|"
                           r"against|than|which|who|said|says|told|his|her|their|whose|its)\b", re.I)
#: After "N times": only punctuation ends the comparison ("three times more than the 100 tonnes").
_SENTENCE_BREAK = re.compile(r"[;:.!?,]")
#: Between an age and a year of birth: "Jane Roe, 45, who was born in 1979" is one person,
#: "Roe, 45, said her mother, born in 1950" is two.
_PERSON_BREAK = re.compile(r"[;.!?]|\b(?:and|while|but|said|says|told|his|her|their|whose)\b", re.I)


def _tied(text: str, a_start: int, a_end: int, b_start: int, b_end: int, limit: int = 30,
          breaks: re.Pattern = _CLAUSE_BREAK) -> bool:
    """Two spans of one sentence are about the same thing: close together (at most ``limit``
    characters apart) and no clause break between them."""
    gap = text[a_end:b_start] if a_end <= b_start else text[b_end:a_start]
    return len(gap) <= limit and not breaks.search(gap)


def _pair_span(ch) -> tuple[int, int]:
    return min(f.start for f in ch.figures), max(f.end for f in ch.figures)


# --- percent change ------------------------------------------------------------------------

def _direction(ctx: _Ctx, start: int, end: int, fig: Figure) -> str | None:
    """'up' or 'down': the change word nearest the percent, looked for from a little before
    the change to a little after its percent ("the grant was cut 20% to ..."), or None."""
    lo, hi = max(ctx.start, start - 25), min(ctx.end, end + 15)
    best = None
    for m in ctx.rules.change_re.finditer(ctx.text, lo, hi):
        dist = abs(m.start() - fig.start)
        if best is None or dist < best[0]:
            best = (dist, "up" if m.group(1).lower() in ctx.rules.up else "down")
    return best[1] if best else None


def _percent_change(ctx: _Ctx) -> list[InternalCheck]:
    changes = changes_in(ctx.text, ctx.figs)
    in_changes = {id(f) for ch in changes for f in ch.figures}
    percents = [f for f in ctx.figs if f.kind == "percent" and id(f) not in in_changes and numeric(f)
                and f.unit in ("%", "percentage points")]
    # each change with the one percent tied to it ("from 120 to 150, a 30% jump"); a percent
    # tied to two changes, or a change with two percents, is left alone
    tied = {id(ch): [p for p in percents if _tied(ctx.text, p.start, p.end, *_pair_span(ch))] for ch in changes}
    uses = {}
    for ps in tied.values():
        for p in ps:
            uses[id(p)] = uses.get(id(p), 0) + 1
    out = []
    for ch in changes:
        ps = tied[id(ch)]
        if len(ps) == 1 and uses[id(ps[0])] == 1:
            out += _one_percent_change(ctx, ch, ps[0])
    return out


def _one_percent_change(ctx: _Ctx, ch, p: Figure) -> list[InternalCheck]:
    lo_pair, hi_pair = _pair_span(ch)
    direction = _direction(ctx, min(lo_pair, p.start), max(hi_pair, p.end), p)
    if direction is None:
        return []
    figs = list(ch.figures) + [p]
    if ch.old == 0:
        return [ctx.result("cannot tell", "percent change", figs, f"A change from zero has no percent: '{p.text}' "
                           "cannot be checked against it.", f"old value 0; '{p.text}'")]
    q = qualifier_before(ctx.text, p.start, ctx.rules)
    claimed = claim_interval(float(p.value), q, ctx.rules, rounding=rounding_of(p, ctx.rules.percent_rounding))
    rel = (ch.new - ch.old) / abs(ch.old) * 100
    points = ch.new - ch.old
    went = "up" if ch.new > ch.old else "down" if ch.new < ch.old else "flat"
    sign = "+" if rel >= 0 else ""
    work = f"({fmt(ch.new)} - {fmt(ch.old)}) / {fmt(ch.old)} = {sign}{fmt(rel)}%"
    said = f"'{p.text}' allows {interval(*claimed)}" + (f" ('{q}')" if q else "")
    if went != "flat" and direction != went:
        return [ctx.result("inconsistent", "percent change", figs,
                           f"The sentence calls it a {'rise' if direction == 'up' else 'fall'}, but the values go "
                           f"{'up' if went == 'up' else 'down'} ({ch.text}).", f"{work}; stated direction: {direction}")]
    if ch.unit == "%" and p.unit == "percentage points":
        ok = overlaps(claimed, (abs(points), abs(points)))
        return [ctx.result(_verdict(ok), "percent change", figs,
                           f"From {fmt(ch.old)}% to {fmt(ch.new)}% is a change of {fmt(abs(points))} percentage points; "
                           f"the article says {p.text}.", f"{fmt(ch.new)} - {fmt(ch.old)} = {fmt(points)} points; {said} "
                           f"-> {'overlap' if ok else 'no overlap'}")]
    if p.unit == "percentage points":
        return []
    lo_r, hi_r = ch.ratio_range()
    rel_range = ((lo_r - 1) * 100, (hi_r - 1) * 100)
    mag = (min(abs(rel_range[0]), abs(rel_range[1])), max(abs(rel_range[0]), abs(rel_range[1])))
    if rel_range[0] <= 0 <= rel_range[1]:
        mag = (0.0, mag[1])
    rounded = f" ({interval(*rel_range)}% with the values' rounding)" if hi_r - lo_r > 1e-12 else ""
    ok = overlaps(claimed, (abs(rel), abs(rel)))
    arith = f"{work}{rounded}; {said} -> {'overlap' if ok else 'no overlap'}"
    if not ok and rounded and overlaps(claimed, mag):
        return [ctx.result("cannot tell", "percent change", figs,
                           f"As written, {ch.text} is a change of {sign}{fmt(rel)}%, not {p.text}; it fits only if "
                           "the values were rounded as far as their writing allows. Find the exact values.",
                           arith + " only with the values' rounding")]
    if ok:
        return [ctx.result("consistent", "percent change", figs,
                           f"{_upper_first(ch.text)} is a change of {sign}{fmt(rel)}%, which fits '{p.text}'.", arith)]
    if ch.unit == "%" and overlaps(claimed, (abs(points), abs(points))):
        return [ctx.result("cannot tell", "percent change", figs,
                           f"'{p.text}' is the difference in percentage points ({fmt(abs(points))}), not the percent "
                           f"change ({sign}{fmt(rel)}%): the article probably means points. Which did it mean?",
                           arith + f"; {fmt(ch.new)} - {fmt(ch.old)} = {fmt(points)} points")]
    return [ctx.result("inconsistent", "percent change", figs,
                       f"{_upper_first(ch.text)} is a change of {sign}{fmt(rel)}%, not {p.text}.", arith)]


# --- multiples: doubled, halved, three times, tenfold -----------------------------------------


def _bounded_multiple(ctx: _Ctx, factor: float, surface: str, bound: str, ratio: float, work: str,
                      figs: list, how: str, tol: float) -> list[InternalCheck]:
    """"more than doubled" (a floor: at least the factor, less the rounding tolerance) and "nearly
    tripled" (a little below the factor: from 1 - 2 x tolerance to 1 + tolerance of it; well below
    that is inconsistent, in between cannot tell). For a factor below one ("more than halved") the
    ratio and the factor are turned over, so "more" still means a bigger change."""
    r, f = (1 / ratio, 1 / factor) if factor < 1 and ratio > 0 else (ratio, factor)
    said = f"'{bound} {surface}'"
    if bound in _FLOOR_WORDS:
        lo = f * (1 - tol)
        arith = (f"{work}; {said} = at least {fmt(f)} (from {fmt(lo)} with rounding)" if factor >= 1 else
                 f"{work}; {said} = at most {fmt(factor)} (up to {fmt(1 / lo)} with rounding)")
        if r >= lo:
            return [ctx.result("consistent", "multiple", figs, f"{how} is a ratio of {fmt(ratio)}, which fits {said}.",
                               arith + " -> fits")]
        return [ctx.result("inconsistent", "multiple", figs, f"{how} is a ratio of {fmt(ratio)}, a smaller change than {said} "
                           "claims.", arith + " -> does not fit")]
    lo, hi, floor = f * (1 - 2 * tol), f * (1 + tol), f * (1 - 3 * tol)
    arith = f"{work}; {said} = {fmt(lo)} to {fmt(hi)}"
    if lo <= r <= hi:
        return [ctx.result("consistent", "multiple", figs, f"{how} is a ratio of {fmt(ratio)}, which fits {said}.",
                           arith + " -> fits")]
    if floor <= r < lo:
        return [ctx.result("cannot tell", "multiple", figs, f"{how} is a ratio of {fmt(ratio)}: whether that is "
                           f"{said} depends on how near 'nearly' is.", arith + f" -> between {fmt(floor)} and {fmt(lo)}")]
    return [ctx.result("inconsistent", "multiple", figs, f"{how} is a ratio of {fmt(ratio)}, not {said}"
                       + (" (it is more than that)." if r > hi else "."), arith + " -> does not fit")]


_TIMES_NEXT = re.compile(r"\s*(?:,|as\b|the\b|more\b|higher\b|larger\b|bigger\b|greater\b|over\b|what\b|that\b|its\b|"
                         r"their\b|from\b|to\b)", re.I)
_TIMES_MORE = re.compile(r"\s*(?:more|higher|larger|bigger|greater)\b", re.I)
_FOLD = re.compile(r"\b([a-z]+|\d+(?:\.\d+)?)-?fold\b", re.I)


# a bound before the multiple: "more than doubled" is a floor, "nearly tripled" a little below
_BOUND_BEFORE = re.compile(r"\b(?P<q>more\s+than|well\s+over|over|at\s+least|nearly|almost|close\s+to|just\s+under)\s+$", re.I)
_FLOOR_WORDS = ("more than", "well over", "over", "at least")


def _bound_before(text: str, start: int) -> str | None:
    m = _BOUND_BEFORE.search(text, max(0, start - 16), start)
    return re.sub(r"\s+", " ", m.group("q").lower()) if m else None


def _stated_multiples(ctx: _Ctx) -> list[tuple[float, str, int, int, Figure | None, bool]]:
    """(factor, surface, start, end, figure, 'more' wording) for each multiple in the sentence."""
    out = []
    for m in ctx.rules.multiple_re.finditer(ctx.sentence):
        w = m.group(1).lower()
        if w in ("double", "triple", "treble") and not re.match(r"\s+(?:the|from|to|in)\b", ctx.sentence[m.end():]):
            continue   # "a double agent", "triple jump": not a change
        out.append((ctx.rules.multiples[w], m.group(1), ctx.start + m.start(), ctx.start + m.end(), None, False))
    for f in ctx.figs:
        if f.unit == "times" and numeric(f) and float(f.value) > 1:
            after = ctx.text[f.end:ctx.end]
            if _TIMES_NEXT.match(after):
                out.append((float(f.value), f.text, f.start, f.end, f, bool(_TIMES_MORE.match(after))))
    for m in _FOLD.finditer(ctx.sentence):
        v = parse_number(m.group(1))
        if v and v > 1:
            out.append((v, m.group(0), ctx.start + m.start(), ctx.start + m.end(), None, False))
    return out


def _multiple(ctx: _Ctx) -> list[InternalCheck]:
    stated = _stated_multiples(ctx)
    if len(stated) != 1:
        return []
    factor, surface, s_start, s_end, sfig, more = stated[0]
    changes = [c for c in changes_in(ctx.text, ctx.figs) if _tied(ctx.text, s_start, s_end, *_pair_span(c))]
    # "600 tonnes, three times the 200 tonnes": the figures just before and just after "N times"
    i = ctx.figs.index(sfig) if sfig is not None else -1
    others = [ctx.figs[i - 1], ctx.figs[i + 1]] if 0 < i < len(ctx.figs) - 1 else []
    if others and not (all(numeric(f) and f.kind != "percent" for f in others)
                       and _tied(ctx.text, others[0].start, others[0].end, sfig.start, sfig.end)
                       and _tied(ctx.text, sfig.start, sfig.end, others[1].start, others[1].end, limit=25,
                                 breaks=_SENTENCE_BREAK)):
        others = []
    if len(changes) == 1:
        ch = changes[0]
        old, new, figs, how = ch.old, ch.new, list(ch.figures), ch.text
        if old == 0:
            return []
        ratio, work = new / old, f"{fmt(new)} / {fmt(old)} = {fmt(new / old)}"
        span = ch.ratio_range()
        if span[1] - span[0] > 1e-12:
            work += f" ({interval(*span)} with the values' rounding)"
    elif sfig is not None and len(others) == 2 and same_measure(*others):
        a, b = sorted((float(others[0].value), float(others[1].value)))
        if a <= 0:
            return []
        figs, how = others, f"{others[0].text} and {others[1].text}"
        ratio, work = b / a, f"{fmt(b)} / {fmt(a)} = {fmt(b / a)}"
    else:
        return []
    tol = ctx.rules.multiple_fraction
    bound = sfig.qualifier if sfig is not None else _bound_before(ctx.text, s_start)
    if bound is not None and not more and (bound in _FLOOR_WORDS or bound in ("nearly", "almost", "close to", "just under")):
        return _bounded_multiple(ctx, factor, surface, bound, ratio, work, figs + ([sfig] if sfig is not None else []), how, tol)
    targets = [factor] + ([factor + 1] if more else [])
    span = span if len(changes) == 1 else (ratio, ratio)
    ok_at = [t for t in targets if abs(ratio - t) <= t * tol + 1e-9]
    if not ok_at and any(overlaps(span, (t * (1 - tol), t * (1 + tol))) for t in targets):
        figs = figs + ([sfig] if sfig is not None else [])
        return [ctx.result("cannot tell", "multiple", figs, f"As written, {how} is a ratio of {fmt(ratio)}, not what "
                           f"'{surface}' says; it fits only if the values were rounded as far as their writing "
                           "allows. Find the exact values.", f"{work}; '{surface}' = "
                           + " or ".join(f"{fmt(t)} ({fmt(t * (1 - tol))} to {fmt(t * (1 + tol))})" for t in targets)
                           + " -> fits only with the values' rounding")]
    band = "; ".join(f"'{surface}' = {fmt(t)} ({fmt(t * (1 - tol))} to {fmt(t * (1 + tol))})" for t in targets)
    arith = f"{work}; {band} -> {'fits' if ok_at else 'does not fit'}"
    figs = figs + ([sfig] if sfig is not None else [])
    note = (" ('N times more' is read by some as N times as many, by others as N + 1 times: both were tried.)"
            if more else "")
    if ok_at:
        return [ctx.result("consistent", "multiple", figs, f"{how} is a ratio of {fmt(ratio)}, which fits "
                           f"'{surface}'.{note}", arith)]
    return [ctx.result("inconsistent", "multiple", figs, f"{how} is a ratio of {fmt(ratio)}, not what "
                       f"'{surface}' says ({' or '.join(fmt(t) for t in targets)}).{note}", arith)]


# --- shares: 12 of the 40 members, nearly half ----------------------------------------------

_ADJ_AFTER = re.compile(r"^\s*(?:[,(–—-]|\bor\b|\bthat is\b)[\s,(–—-]*(?:or\s+|that\s+is\s+|i\.e\.\s+)?$", re.I)
_ADJ_BEFORE = re.compile(r"^\s*(?:,|\(|–|—|-)?\s*$")
_OF_AFTER = re.compile(r"^\s+of\s+(?:(?:the|its|their|his|her|our|those|these|all)\s+)?$", re.I)


class _Share:
    def __init__(self, lo, hi, surface, start, end, fig, how):
        self.lo, self.hi, self.surface, self.start, self.end, self.fig, self.how = lo, hi, surface, start, end, fig, how


def _share_statements(ctx: _Ctx) -> list[_Share]:
    """Shares written in the sentence: a percent, a fraction, a ratio, a share word."""
    r = ctx.rules
    out = []
    covered = []
    for f in ctx.figs:
        if not numeric(f):
            continue
        if f.kind == "percent" and f.unit == "%":
            # a share in words ("half", "two-thirds of voters") is as loose as the share words below
            written = any(ch.isdigit() for ch in f.text)
            v = float(f.value) / 100
            rnd = (rounding_of(f, r.percent_rounding) if written else r.share_word_points) / 100
        elif f.unit in ("fraction", "ratio") and not (f.unit == "ratio" and " out of " in f.text.lower()):
            v, rnd = float(f.value), r.share_word_points / 100
        else:
            continue
        q = qualifier_before(ctx.text, f.start, r)
        lo, hi = claim_interval(v, q, r, rounding=rnd)
        start = f.start - (len(q) + 1 if q else 0)
        out.append(_Share(lo, hi, (q + " " if q else "") + f.text, start, f.end, f, "percent" if f.kind == "percent" else "fraction"))
        covered.append((f.start, f.end))
    for m in r.share_re.finditer(ctx.sentence):
        s, e = ctx.start + m.start(), ctx.start + m.end()
        if any(a < e and s < b for a, b in covered):
            continue
        lo, hi = r.shares[" ".join(m.group(1).lower().split())]
        q = qualifier_before(ctx.text, s, r)
        if lo == hi:
            lo, hi = claim_interval(lo, q, r, rounding=r.share_word_points / 100)
        start = s - (len(q) + 1 if q else 0)
        out.append(_Share(lo, hi, (q + " " if q else "") + m.group(1), start, e, None, "word"))
    return out


def _share(ctx: _Ctx) -> list[InternalCheck]:
    statements = _share_statements(ctx)
    if not statements:
        return []
    pairs = []
    for part in parts_of_wholes(ctx.text, ctx.figs):
        for st in statements:
            if st.fig is not None and st.fig in part.figures:
                continue
            after = ctx.text[part.end:st.start] if st.start >= part.end else None
            before = ctx.text[st.end:part.start] if st.end <= part.start else None
            if (after is not None and len(after) <= 6 and _ADJ_AFTER.match(after)) or \
                    (before is not None and len(before) <= 3 and _ADJ_BEFORE.match(before)):
                pairs.append((part.part, part.whole, list(part.figures), st))
    # "two-thirds of the 30 staff, 20 people": the share, then the whole, then the part
    for st in statements:
        whole = next((f for f in ctx.figs if f.start > st.end and numeric(f)), None)
        if whole is None or not _OF_AFTER.match(ctx.text[st.end:whole.start]):
            continue
        i = ctx.figs.index(whole)
        part = ctx.figs[i + 1] if i + 1 < len(ctx.figs) else None
        if part is None or not numeric(part) or part.kind not in ("count", "number") or whole.kind not in ("count", "number"):
            continue
        if _ADJ_AFTER.match(ctx.text[whole.end:part.start]) and len(ctx.text[whole.end:part.start]) <= 6 \
                and 0 < float(part.value) <= float(whole.value):
            pairs.append((float(part.value), float(whole.value), [whole, part], st))
    # "40 people, or 20% of the 200 patients": the part, the share, then the whole
    for st in statements:
        if st.fig is None or st.fig not in ctx.figs:
            continue
        i = ctx.figs.index(st.fig)
        if i == 0 or i + 1 >= len(ctx.figs):
            continue
        part, whole = ctx.figs[i - 1], ctx.figs[i + 1]
        if not (numeric(part) and numeric(whole) and part.kind in ("count", "number") and whole.kind in ("count", "number")):
            continue
        gap = ctx.text[part.end:st.start]
        if len(gap) <= 6 and _ADJ_AFTER.match(gap) and _OF_AFTER.match(ctx.text[st.end:whole.start]) \
                and 0 < float(part.value) <= float(whole.value):
            pairs.append((float(part.value), float(whole.value), [part, whole], st))
    if len(pairs) != 1:
        return []
    a, b, figs, st = pairs[0]
    share = a / b
    ok = overlaps((st.lo, st.hi), (share, share))
    figs = figs + ([st.fig] if st.fig is not None else [])
    arith = (f"{fmt(a)} / {fmt(b)} = {fmt(share * 100)}%; '{st.surface}' allows "
             f"{interval(st.lo * 100, min(st.hi, 1.0) * 100 if st.hi != INF else INF)}% -> {'overlap' if ok else 'no overlap'}")
    if ok:
        return [ctx.result("consistent", "share", figs, f"{fmt(a)} of {fmt(b)} is {fmt(share * 100)}%, which fits "
                           f"'{st.surface}'.", arith)]
    return [ctx.result("inconsistent", "share", figs, f"{fmt(a)} of {fmt(b)} is {fmt(share * 100)}%, which is not "
                       f"'{st.surface}'.", arith)]


# --- parts and a total ------------------------------------------------------------------------

_LIST_GAP = re.compile(r"^[^.;:!?()\d%$€£]{0,40}?(?:,\s+(?:and\s+)?|\s+and\s+)$")
_OF_THE = re.compile(r"^\s*(?:[\"“]?\s*)?of\s+(?:(?:the|its|their|his|her|our|those|these|all)\s+)?$", re.I)
_TOTAL_GAP = re.compile(r"^[^.;!?\d%]{0,30}?,\s*$")
_PARTABLE = ("count", "number", "money", "percent")


def _joinable(a: Figure, b: Figure) -> bool:
    """Two figures can stand in one list: the same kind (money and percents: the same unit),
    or a count then bare numbers ("40 homes in Ashby and 25 in Brill")."""
    if a.kind == b.kind:
        return a.kind not in ("money", "percent") or a.unit == b.unit
    return {a.kind, b.kind} == {"count", "number"} and b.kind == "number" and b.unit is None


def _lists(ctx: _Ctx, figs: list[Figure]) -> list[list[Figure]]:
    """Runs of two or more figures written as one list ("12 schools, 5 libraries and 3 pools"),
    ending at the figure after the last "and"."""
    runs, run = [], []
    for f in figs:
        if not numeric(f) or f.kind not in _PARTABLE or f.unit == "years old":
            runs.append(run)
            run = []
            continue
        if run and _LIST_GAP.match(ctx.text[run[-1].end:f.start]) and _joinable(run[0], f):
            run.append(f)
            continue
        runs.append(run)
        run = [f]
    runs.append(run)
    out = []
    for r in runs:
        ands = [k for k in range(1, len(r)) if re.search(r"\band\b", ctx.text[r[k - 1].end:r[k].start])]
        if ands:
            out.append(r[:ands[-1] + 1])
    return out


def _sum(parts: list[Figure], ctx: _Ctx) -> tuple[tuple[float, float], str]:
    lo = hi = 0.0
    for f in parts:
        (a, b), _ = figure_interval(f, ctx.text, ctx.rules)
        lo, hi = lo + a, hi + b
    return (lo, hi), " + ".join(fmt(float(f.value)) for f in parts)


def _marker_between(text: str, words: tuple) -> str | None:
    t = " ".join(text.lower().split())
    for w in sorted(words, key=len, reverse=True):
        if (w in t) if not w[0].isalnum() else re.search(rf"\b{re.escape(w)}\b", t):
            return w
    return None


def _parts_and_total(ctx: _Ctx) -> list[InternalCheck]:
    r = ctx.rules
    out = []
    for parts in _lists(ctx, ctx.figs):
        if len(parts) >= 3 and _OF_THE.match(ctx.text[ctx.start:parts[0].start]):
            parts = parts[1:]   # "Of the 40 passengers, 25 were adults and 15 children": the first is the whole
        first, last = parts[0], parts[-1]
        i, j = ctx.figs.index(first), ctx.figs.index(last)
        before = ctx.figs[i - 1] if i > 0 else None
        after = ctx.figs[j + 1] if j + 1 < len(ctx.figs) else None
        total, mode, marker = None, None, None
        # "12 schools, 5 libraries and 3 pools, 20 buildings in all"
        if after is not None and numeric(after) and (after.kind == first.kind or _joinable(after, first)) and _TOTAL_GAP.match(ctx.text[last.end:after.start]):
            m = _marker_between(ctx.text[max(after.start - 14, last.end):min(after.end + 14, ctx.end)], r.in_all)
            if m:
                total, mode, marker = after, "equal", m
        if total is None and before is not None and numeric(before) and (
                before.kind == first.kind or (first.kind == "number" and before.kind == "count")):
            gap = ctx.text[before.end:first.start]
            lead = ctx.text[ctx.start:before.start]
            if len(gap) <= 30 and "." not in gap:
                m_ex, m_some = _marker_between(gap, r.exhaustive), _marker_between(gap, r.some_of)
                if m_some:
                    total, mode, marker = before, "at most", m_some
                elif m_ex:
                    total, mode, marker = before, "equal", m_ex
                elif _OF_THE.match(lead) and _TOTAL_GAP.match(gap):
                    total, mode, marker = before, "at most", "of the"
                elif _marker_between(ctx.text[max(ctx.start, before.start - 14):before.start], ("a total of", "in all", "in total")):
                    if gap.strip().endswith(":") or _TOTAL_GAP.match(gap):
                        total, mode, marker = before, "equal", "a total of"
        if total is None and first.kind == "percent" and _OF_THE.match(ctx.text[ctx.start:ctx.figs[0].start]) \
                and ctx.figs[0] is not first and ctx.figs[0].kind != "percent":
            # "Of the 1,200 people polled, 45% said yes, 40% no and 20% were undecided": shares of one whole
            out.append(_percent_parts(ctx, parts))
            continue
        if total is None or (first.kind == "percent") != (total.kind == "percent"):
            continue
        out.append(_compare_total(ctx, parts, total, mode, marker))
    if not out:
        out += _one_part(ctx)
    if not out and ctx.previous is not None:
        out += _in_all_after(ctx)
    return out


def _one_part(ctx: _Ctx) -> list[InternalCheck]:
    """"over a dozen were captured, among them two US nationals": one part of a total."""
    r = ctx.rules
    found = []
    for total, part in zip(ctx.figs, ctx.figs[1:]):
        if total.kind not in ("count", "number", "vague") or part.kind not in ("count", "number") or not numeric(part) \
                or "years old" in (total.unit, part.unit):
            continue   # "three people, including a 12-year-old": an age is not a part
        gap = ctx.text[total.end:part.start]
        marker = _marker_between(gap, r.some_of + r.exhaustive) if len(gap) <= 40 and "." not in gap else None
        if marker is None or figure_interval(total, ctx.text, r) is None:
            continue
        found.append((total, part, marker))
    if len(found) != 1:
        return []
    total, part, marker = found[0]
    return [_compare_total(ctx, [part], total, "at most", marker)]


def _compare_total(ctx: _Ctx, parts, total, mode, marker, start=None) -> InternalCheck:
    (lo, hi), work = _sum(parts, ctx)
    (tlo, thi), _ = figure_interval(total, ctx.text, ctx.rules)
    q = qualifier_before(ctx.text, total.start, ctx.rules)
    shown = f"{q} {total.text}" if q else total.text
    if mode == "equal":
        ok = overlaps((lo, hi), (tlo, thi))
        rule = "the parts must add up to the total"
    else:
        ok = lo <= thi + 1e-9
        rule = "the parts may not add up to more than the total"
    summed = interval(lo, hi)
    what = "The parts add up to" if len(parts) > 1 else "The part is"
    head = f"{work} = {summed}" if len(parts) > 1 else f"part '{parts[0].text}' = {summed}"
    arith = f"{head}; total '{shown}' = {interval(tlo, thi)} ('{marker}': {rule}) -> {'fits' if ok else 'does not fit'}"
    if ok:
        rest = "" if mode == "equal" or hi >= tlo or len(parts) == 1 else f" ({fmt(tlo - hi)} not accounted for in the list)"
        expl = f"{what} {summed}, which fits the total '{shown}'{rest}."
    else:
        expl = f"{what} {summed}, but the total given is '{shown}'."
    return ctx.result(_verdict(ok), "parts and total", list(parts) + [total], expl, arith, start=start)


def _percent_parts(ctx: _Ctx, parts) -> InternalCheck:
    (lo, hi), work = _sum(parts, ctx)
    slack = sum(rounding_of(f, ctx.rules.percent_rounding) for f in parts)
    ok = lo <= 100 + slack + 1e-9
    arith = f"{work} = {interval(lo, hi)}%; shares of one whole add up to at most 100% (+{fmt(slack)} for rounding) -> {'fits' if ok else 'does not fit'}"
    expl = (f"The shares add up to {interval(lo, hi)}%, which fits one whole." if ok else
            f"The shares add up to {interval(lo, hi)}%: more than the whole, even allowing for rounding.")
    return ctx.result(_verdict(ok), "parts and total", list(parts), expl, arith)


_IN_ALL_LEAD = re.compile(r"^\s*(?:in\s+all|in\s+total|altogether|all\s+told)\s*,?\s*$", re.I)


def _in_all_after(ctx: _Ctx) -> list[InternalCheck]:
    """"The storm destroyed 40 homes in Ashby and 25 in Brill. In all, 65 homes were lost." """
    if not ctx.figs or not numeric(ctx.figs[0]) or not _IN_ALL_LEAD.match(ctx.text[ctx.start:ctx.figs[0].start]):
        return []
    total = ctx.figs[0]
    p_start, _, p_figs = ctx.previous
    lists = [lst for lst in _lists(ctx, p_figs) if lst[0].kind == total.kind or _joinable(total, lst[0])]
    if len(lists) != 1 or len(lists[0]) != len([f for f in p_figs if numeric(f) and f.kind not in ("year", "date")]):
        return []
    return [_compare_total(ctx, lists[0], total, "equal", "in all", start=p_start)]


# --- an age and a year of birth ---------------------------------------------------------------

def _birth_year(f: Figure) -> int | None:
    """The year of a year figure ("1979") or of a dated one ("March 1979", "1979-03-02")."""
    if f.kind == "year" and isinstance(f.value, int):
        return f.value
    if f.kind == "date" and isinstance(f.value, str) and re.match(r"\d{4}\b", f.value):
        return int(f.value[:4])
    return None


def _age(ctx: _Ctx) -> list[InternalCheck]:
    ages = [f for f in ctx.figs if f.unit == "years old"]
    births = [f for f in ctx.figs if _birth_year(f) is not None
              and ctx.rules.born_re.search(ctx.text[max(ctx.start, f.start - 14):f.start])]
    if len(ages) != 1 or len(births) != 1:
        return []
    age, born = ages[0], births[0]
    year = _birth_year(born)
    if not _tied(ctx.text, age.start, age.end, born.start, born.end, limit=40, breaks=_PERSON_BREAK):
        return []   # "Roe, 45, said her mother, born in 1950, ...": the year may be someone else's
    claimed = figure_interval(age, ctx.text, ctx.rules) if numeric(age) else (((age.low, age.high), "") if age.low is not None else None)
    if claimed is None:
        return []
    (alo, ahi), _ = claimed
    figs = [age, born]
    others = [f for f in ctx.figs if f.kind in ("year", "date") and f is not born]
    if others:
        return [ctx.result("cannot tell", "age", figs, f"The sentence gives a year of birth ({year}) and another date "
                           f"('{others[0].text}'): which time the age '{age.text}' is at is not clear.", "")]
    if ctx.when is None:
        return [ctx.result("cannot tell", "age", figs, f"Born in {year}: the age depends on the article's date, "
                           "which is not known.", "")]
    lo_age = ctx.when.lo.year - year - ctx.rules.age_years
    hi_age = ctx.when.hi.year - year
    ok = overlaps((alo, ahi), (lo_age, hi_age))
    arith = (f"{ctx.when.lo.year if ctx.when.lo.year == ctx.when.hi.year else str(ctx.when)} - {year} = "
             f"{fmt(hi_age)} (or {fmt(hi_age - 1)} before the birthday): {interval(lo_age, hi_age)}; "
             f"'{age.text}' = {interval(alo, ahi)} -> {'overlap' if ok else 'no overlap'}")
    if ok:
        return [ctx.result("consistent", "age", figs, f"Born in {year}, the person was {interval(lo_age, hi_age)} "
                           f"at the article's date ({ctx.when}), which fits '{age.text}'.", arith)]
    return [ctx.result("inconsistent", "age", figs, f"Born in {year}, the person was {interval(lo_age, hi_age)} "
                       f"at the article's date ({ctx.when}), not '{age.text}'.", arith)]


_CHECKERS = (_percent_change, _multiple, _share, _parts_and_total, _age)


def check_internal(text: str | Document, *, article_date=None,
                   rules: ConsistencyRules | str | Path | None = None) -> list[InternalCheck]:
    """Every internal consistency check that applies in ``text``, in text order.

    ``article_date`` (a date or "YYYY[-MM[-DD]]") is needed only for ages; ``rules`` is
    ``None`` (the packaged ``consistency.toml``), a path to a teacher's copy, or rules
    already loaded.

    >>> [c.verdict for c in check_internal("Jane Roe, 45, was born in 1979.", article_date="2024-05-01")]
    ['consistent']
    >>> [c.verdict for c in check_internal("Jane Roe, 45, was born in 1979.")]
    ['cannot tell']
    """
    rules = load_rules(rules)
    doc = as_document(text)
    when = as_span(article_date) if article_date is not None else None
    figures = extract(doc)
    # two numbers with only a space between ("five 787 jets", "2019 15 people") can be read
    # more than one way: neither is used
    blurred = {i for i in range(len(figures) - 1) if not doc.text[figures[i].end:figures[i + 1].start].strip()}
    blurred |= {i + 1 for i in blurred}
    by_sentence: dict[tuple[int, int], list[Figure]] = {}
    for i, f in enumerate(figures):
        if f.sentence_start is not None and i not in blurred:
            by_sentence.setdefault((f.sentence_start, f.sentence_end), []).append(f)
    seg_starts = sorted(s.start for s in doc.segments)
    out: list[InternalCheck] = []
    previous = None
    for (start, end), figs in sorted(by_sentence.items()):
        if len(figs) > MAX_FIGURES_PER_SENTENCE:
            previous = None
            continue
        # the sentence just before, in the same paragraph (for "In all, ..." sentences)
        between = previous is not None and bisect.bisect_left(seg_starts, start) - bisect.bisect_right(seg_starts, previous[0]) > 0
        adjacent = previous if previous is not None and not between and "\n\n" not in doc.text[previous[1]:start] else None
        ctx = _Ctx(doc.text, start, end, figs, rules, when, adjacent)
        for fn in _CHECKERS:
            out.extend(fn(ctx))
        previous = (start, end, figs)
    return out
