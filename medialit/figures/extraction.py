"""Figures in news text: every number, amount, percent, date, duration and vague quantity,
with where it is, what it is, and how it was read.

``extract(text)`` returns :class:`Figure` records. Each carries its surface ``text`` and
offsets, a ``kind`` (money, percent, count, date, year, duration, quantity, vague, number),
the ``value`` as written and scaled ("$2.5bn" -> 2.5e9), ``low``/``high`` for ranges and vague
words ("dozens" -> 24..99), the ``unit`` ("USD", "%", "USD/barrel", "mercenaries"), the
``qualifier`` written before it ("more than", "topping"), a ``normalisation`` note saying how
it was read, the ``rule`` that decided the kind, and the sentence it sits in.

The word lists (units, vague ranges, qualifiers, not-figure labels) live in
``medialit/rules/figures.toml``. Conventions are documented in docs/figures.md.

>>> [(f.text, f.kind, f.value, f.unit) for f in extract("Oil topped $110 a barrel.")]
[('$110 a barrel', 'money', 110.0, 'USD/barrel')]
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from sys import intern as _intern
from functools import lru_cache
from pathlib import Path

from medialit.corpus.document import Document
from medialit.figures.ambiguous import sterling_note
from medialit.figures.classify import KINDS, _person_noun, classify_candidate, counted_noun, name_label_start
from medialit.figures.patterns import DIGITS_AT, MONTHS, ORDINAL_WORDS, P_EXCLUDE, P_NUMBER, WORDS_AT, Cand, digit_anchor, month_anchor, word_anchor
from medialit.figures.tables import FigureRules, currency_left_regex, load_rules, trie_regex
from medialit.records import Record
from medialit.text.numbers import MULTIPLIERS, ONES, TENS

__all__ = ["Figure", "Exclusion", "extract", "excluded", "KINDS"]



@dataclass(frozen=True, slots=True)
class Figure(Record):
    """One figure mention. ``text[start:end] == figure.text`` for the text it came from."""

    start: int
    end: int
    text: str
    kind: str
    value: float | str | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    normalisation: str = ""
    rule: str = ""
    sentence_start: int | None = None
    sentence_end: int | None = None


def _figure(start, end, text, kind, value, low, high, unit, qualifier, normalisation, rule,
            sentence_start, sentence_end) -> Figure:
    """Figure(...) without the frozen dataclass's per-field checks (same object, built faster:
    extract makes one per figure); each slot is set through its descriptor."""
    f = object.__new__(Figure)
    # the labels repeat from figure to figure (one rule, one unit): one string each, not one a figure
    for put, v in zip(_FIGURE_SLOTS, (start, end, text, kind, value, low, high, _label(unit), _label(qualifier),
                                      _label(normalisation), _label(rule), sentence_start, sentence_end)):
        put(f, v)
    return f


def _label(value):
    return _intern(value) if value.__class__ is str else value


#: The setters of Figure's slots, in field order (the order of _figure's arguments).
_FIGURE_SLOTS = tuple(getattr(Figure, f.name).__set__ for f in fields(Figure))


@dataclass(frozen=True, slots=True)
class Exclusion(Record):
    """A span with digits or number words that is deliberately NOT a figure, and why."""

    start: int
    end: int
    text: str
    reason: str


@lru_cache(maxsize=4)
def _scanner(rules: FigureRules):
    """Anchor words (number words, months, vague words, age words) as one fast regex, and
    the sets that say which handler each anchor goes to."""
    number_words = set(ONES) | set(TENS) | set(MULTIPLIERS) | {"dozen"}
    number_words |= {f"a {w}" for w in ("dozen", "hundred", "thousand", "million", "billion", "trillion")}
    number_words |= {f"half {a} {w}" for a in ("a", "an") for w in ("dozen", "hundred", "thousand", "million", "billion", "trillion")}
    months = set(MONTHS)
    vague_first = set()
    for key in rules.vague:
        parts = key.split()
        vague_first.add(" ".join(parts[:2]) if parts[0] in ("a", "an") else parts[0])
    other = set(rules.age_words) | {"twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                                    "eighties", "nineties", "half", "a half", "a third", "a quarter", "a fifth",
                                    "a sixth", "an eighth", "a tenth", "multi",
                                    "multibillion", "multimillion", "multitrillion"}
    other |= set(rules.multiples) | set(rules.vague_durations) | set(rules.vague_joined) | set(ORDINAL_WORDS)
    other |= {f"{lead} {w}" for w in rules.word_durations for lead in ("a", "an", "half a", "half an", "another")}
    other |= {f"{lead} {w}" for w in rules.word_distances for lead in ("a", "an")}
    other |= {f"the {p} {w}" for p in ("past", "previous") for w in ("decade", "century") if w in rules.word_durations}
    anchors = number_words | months | vague_first | other
    trie = re.compile(rf"\b{trie_regex(sorted(anchors))}\b")
    trie_i = re.compile(trie.pattern, re.I)
    leads = sorted(rules.month_lead_words, key=len, reverse=True)
    lead_alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in leads)
    lead_left = re.compile(rf"\b(?P<lead>{lead_alt})(?:\s+|(?<=-))$", re.I)
    exch = "|".join(re.escape(e) for e in rules.exchanges)
    ticker_left = re.compile(rf"\(?\b(?:{exch})\s?:\s?$", re.I)
    return (trie, trie_i, number_words, months, vague_first | other, lead_left, ticker_left,
            currency_left_regex(rules))


_DIGIT_RUN = re.compile(r"\d+")


@lru_cache(maxsize=4)
def _currency_last_chars(rules: FigureRules) -> frozenset[str]:
    """Characters a currency prefix can end with (either case): a cheap test before the regex."""
    last = {k[-1] for k in rules.currency_prefixes}
    return frozenset(last | {c.lower() for c in last} | {c.upper() for c in last} | {"\u017f", "\u212a"})


def _candidates(text: str, rules: FigureRules) -> list[Cand]:
    """Propose figures and not-figures at every digit run and every anchor word."""
    trie, trie_i, number_words, months, word_handlers, lead_left, ticker_left, cur_left = _scanner(rules)
    cands: list[Cand] = []
    counted = lambda t, p, v, after_of=False: counted_noun(rules, t, p, v, after_of=after_of)  # noqa: E731
    explained = 0
    judged = [0]   # end of the last whitespace-free token judged not to be a link (see digit_anchor)
    cur_last = _currency_last_chars(rules)
    for dm in _DIGIT_RUN.finditer(text):
        s = dm.start()
        if s < explained:
            continue
        explained = digit_anchor(text, rules, s, cands, ticker_left, dm.end(), judged)
        if explained > s:
            continue
        nm = DIGITS_AT.match(text, s)
        if not nm:
            continue
        start, sign, cur = s, None, None
        p1 = text[s - 1] if s else ""
        cm = None
        if p1 in cur_last or (p1 in " \u00a0" and s > 1 and text[s - 2].isalpha() and text[s - 2].isupper()):
            cm = cur_left.search(text, max(0, s - 6), s)
        if cm:
            cur, start = cm.group("cur"), cm.start()
        elif p1 in "-−" and p1 and (s == 1 or text[s - 2] in " \t\n(["):
            sign, start = p1, s - 1
        explained = max(nm.end(), _add_number(rules, text, start, nm.end(), cur, nm.group("num"), sign, None, cands))
    low = text.lower()
    scan_text, rx = (low, trie) if len(low) == len(text) else (text, trie_i)
    words_end = 0
    for wm in rx.finditer(scan_text):
        s, word = wm.start(), wm.group().lower()
        if word in months and text[s].isupper():
            month_anchor(text, rules, s, cands, lead_left)
        if word in number_words and s >= words_end:
            m = WORDS_AT.match(text, s)
            if m:
                words_end = m.end()
                _add_number(rules, text, s, m.end(), None, None, None, m.group("words"), cands)
        if word in word_handlers or word in number_words:
            word_anchor(text, rules, s, word, cands, counted)
    return cands


def _add_number(rules: FigureRules, text: str, start: int, end: int, cur: str | None, num: str | None,
                sign: str | None, words: str | None, cands: list[Cand]) -> int:
    """Propose what the number at ``start`` is; returns the end of a not-figure it starts
    ("787-9": the digits after the hyphen are explained too), else 0."""
    c = classify_candidate(rules, text, start, end, cur, num, sign, words)
    if c is None:
        return 0
    if c.reason is None:
        label_start = name_label_start(rules, text, c)
        if label_start is not None:
            c = Cand(label_start, c.end, P_EXCLUDE, reason="a number in a name or reference ('Resolution 2202', 'Phase 3')")
    cands.append(c)
    return c.end if c.reason else 0


def _resolve(cands: list[Cand]) -> list[Cand]:
    """Keep the longest proposals that do not overlap (ties: lower priority number wins).
    Works cluster by cluster (runs of overlapping proposals), so it stays linear in practice."""
    kept: list[Cand] = []
    cands = sorted(cands, key=lambda c: (c.start, -c.end))
    i, n = 0, len(cands)
    while i < n:
        j, end = i + 1, cands[i].end
        while j < n and cands[j].start < end:
            end = max(end, cands[j].end)
            j += 1
        if j - i == 1:
            kept.append(cands[i])
        elif j - i <= 8:
            chosen: list[Cand] = []
            for c in sorted(cands[i:j], key=lambda c: (-(c.end - c.start), c.prio, c.start)):
                if all(c.end <= k.start or k.end <= c.start for k in chosen):
                    chosen.append(c)
            kept.extend(sorted(chosen, key=lambda c: c.start))
        else:
            kept.extend(_resolve_cluster(cands[i:j], cands[i].start, end))
        i = j
    return kept


def _resolve_cluster(cluster: list[Cand], lo: int, hi: int) -> list[Cand]:
    """The same choice as in :func:`_resolve` for a long run of overlapping proposals (a pasted
    string of codes or digits): which characters are taken is kept in a byte array, so each
    proposal costs its own length, not the number already chosen."""
    taken = bytearray(hi - lo)
    chosen: list[Cand] = []
    for c in sorted(cluster, key=lambda c: (-(c.end - c.start), c.prio, c.start)):
        a, b = c.start - lo, c.end - lo
        if taken.find(1, a, b) < 0:
            taken[a:b] = b"\x01" * (b - a)
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


_WS = re.compile(r"\s+")
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|or|and)\s*$")
_RANGE_LEAD = re.compile(r"\b(between|from)\s+$", re.I)
_CARRY_GAP = re.compile(r"^[^.;:!?\n]{0,40}?,?\s+and\s+$")


def _word_before(text: str, pos: int) -> str:
    words = text[max(0, pos - 24):pos].split()
    return words[-1].lower().strip("([\"“,") if words else ""


_CLAUSE_BREAK = re.compile(r"[.;:!?\n]|,\s+(?:and|but|while|which|who)\b")


def _change_before(text: str, pos: int, change_words: frozenset[str]) -> bool:
    """A word of change (rose, cut, increase...) earlier in the same clause, within 80 characters
    before ``pos`` (the "from" of "from X to Y")."""
    window = text[max(0, pos - 80):pos]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end():]
    return any(w.lower().strip(",") in change_words for w in window.split())


_SCORE_BEFORE = re.compile(r"\d-\d{1,2}\)?,?\s*\(?$")
_SCORE_AFTER = re.compile(r"\)?,?\s*\(?\d{1,2}-\d")


def _in_score_list(text: str, start: int, end: int) -> bool:
    """A hyphen pair next to another one, in a list or a tie-break: "6-4, 3-6", "7-6 (10-8)"."""
    return bool(_SCORE_BEFORE.search(text, max(0, start - 8), start) or _SCORE_AFTER.match(text, end, end + 8))


def _merge_ranges(text: str, kept: list[Cand], change_words: frozenset[str] = frozenset()) -> list[Cand]:
    """Join "5 to 10 people", "between $5m and $10m", "5-10%" into one figure with low/high;
    "a 5-4 ruling" (falling pair joined by a hyphen) becomes one tally. "X to Y" after a word
    of change ("rose $2.10 to $96.40") stays two figures."""
    out: list[Cand] = []
    for c in kept:
        prev = out[-1] if out else None
        if (prev is None or prev.reason or c.reason or prev.kind in ("date", "vague") or c.kind in ("date", "vague")
                or not isinstance(prev.value, float) or not isinstance(c.value, float)):
            out.append(c)
            continue
        gap = text[prev.end:c.start]
        gm = _RANGE_GAP.fullmatch(gap) if len(gap) <= 5 else None
        if not gm:
            out.append(c)
            continue
        conn = gap.strip().lower()
        if conn == "to" and _word_before(text, prev.start) in change_words:
            out.append(c)   # "slid $4.18 to $171.30": the change, then the new level
            continue
        lead = _RANGE_LEAD.search(text[max(0, prev.start - 9):prev.start])
        if conn == "to" and lead and lead.group(1).lower() == "from" and change_words \
                and _change_before(text, prev.start - 9 + lead.start() if prev.start >= 9 else lead.start(), change_words):
            # "raise efficiency from 23% to 35%", "prices rose from $40 to $55": the level before
            # and the level after a change, two figures ("tickets cost from $40 to $55" is a range)
            if c.kind == prev.kind and prev.unit and c.unit and prev.unit.startswith(c.unit + "/"):
                c.unit = prev.unit
                c.notes.append(f"unit '{prev.unit}' carried from '{text[prev.start:prev.end]}' (from ... to ...)")
            elif c.kind == prev.kind and prev.unit and c.unit and c.unit.startswith(prev.unit + "/"):
                prev.unit = c.unit   # "from $84 to $79 a barrel": both are prices a barrel
                prev.notes.append(f"unit '{c.unit}' carried from '{text[c.start:c.end]}' (from ... to ...)")
            elif c.kind == "number" and c.unit is None and c.rule == "number" and prev.unit and prev.kind != "number":
                # "cut opening hours from 48 hours a week to 35": the bare level after is in the same unit
                c.kind, c.unit, c.rule = prev.kind, prev.unit, f"{prev.kind}: unit of the level before (from ... to ...)"
                c.notes.append(f"unit '{prev.unit}' carried from '{text[prev.start:prev.end]}' (from ... to ...)")
            c.notes.append("the level after a change written 'from ... to ...'")
            out.append(c)
            continue
        if conn == "and" and not (lead and lead.group(1).lower() == "between"):
            out.append(c)
            continue
        lo = prev.value
        # "$1.1tn-$1.3tn a year": the rate written once, after the second end, is the range's
        same = prev.kind == c.kind and (prev.unit == c.unit or (
            prev.unit is not None and c.unit is not None and c.unit.startswith(prev.unit + "/")))
        bare_first = prev.kind == "number" and prev.unit is None and prev.end == prev.numeric_end
        age_first = prev.unit == "years old" and c.kind == "number" and c.unit is None and c.end == c.numeric_end
        if conn == "-" and c.kind == prev.kind == "number" and not c.unit and lo < 100 and c.value < 100 \
                and lo == int(lo) and c.value == int(c.value) and _in_score_list(text, prev.start, c.end):
            # "6-4, 3-6, 7-6 (10-8)": set scores in a list, each a tally (the lower first too)
            out[-1] = Cand(prev.start, c.end, P_NUMBER, kind="number", value=f"{lo:g}-{c.value:g}",
                           notes=["a tally (a score in a list of scores), not a range"], rule="tally: N-M")
            continue
        if age_first and lo < c.value:   # "aged 13 to 18": an age range
            out[-1] = Cand(prev.start, c.end, P_NUMBER, kind="number", value=None, low=lo, high=c.value,
                           unit="years old", notes=prev.notes + [f"an age range: {lo:g} to {c.value:g}"],
                           rule="range: age", numeric_end=c.numeric_end)
            continue
        if not (same or bare_first):
            out.append(c)
            continue
        if bare_first and prev.scale == 1.0 and c.scale != 1.0 and lo * c.scale <= c.value:
            lo *= c.scale
        small_or = conn != "or" or (lo == int(lo) and c.value == int(c.value) and c.value - lo <= max(2, lo / 2))
        if lo < c.value and small_or:
            merged = Cand(prev.start, c.end, P_NUMBER,
                          kind=c.kind, value=None, low=lo, high=c.value, unit=c.unit,
                          notes=prev.notes + [n for n in c.notes if n not in prev.notes] + [f"a range: {lo:g} to {c.value:g}"],
                          rule=f"range: {c.rule}", numeric_end=c.numeric_end, scale=c.scale)
            out[-1] = merged
        elif conn == "-" and c.kind == prev.kind == "number" and lo >= c.value and lo < 100 and not c.unit:
            out[-1] = Cand(prev.start, c.end, P_NUMBER, kind="number", value=f"{lo:g}-{c.value:g}",
                           notes=["a tally (votes or score), not a range"], rule="tally: N-M")
        else:
            out.append(c)
    return out


@lru_cache(maxsize=4)
def _qualifier_lookups(rules: FigureRules):
    pq = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in rules.period_qualifiers)
    period_re = re.compile(rf"\b({pq})(?:\s+|-)$", re.I)
    last_words = frozenset(q.split()[-1] for q in rules.qualifiers) | frozenset(q.split()[-1] for q in rules.period_qualifiers)
    return period_re, last_words


def _apply_qualifier(rules: FigureRules, text: str, c: Cand, carried: str | None) -> None:
    period_re, last_words = _qualifier_lookups(rules)
    cs = c.start
    prev = text[max(0, cs - 16):cs].rstrip(" \u00a0-").rsplit(None, 1)
    prev_word = prev[-1].lower().lstrip("([\"“") if prev else ""
    maybe = prev_word in last_words or prev_word.endswith("~")
    if c.kind in ("date", "year"):
        if c.qualifier is None and maybe:
            qm = period_re.search(text[max(0, cs - 26):cs])
            if qm:
                c.qualifier = _WS.sub(" ", qm.group(1).lower())
        return
    if not maybe and not carried and c.qualifier is None:
        return
    qm = rules.qualifier_re.search(text[max(0, cs - 26):cs]) if maybe else None
    if qm:
        c.qualifier = _WS.sub(" ", qm.group(1).lower())
    elif carried:
        c.qualifier = carried
        c.notes.append(f"qualifier '{carried}' carried over from the earlier figure in the same list")
    if not c.qualifier or not isinstance(c.value, float):
        return
    v = c.value
    bound = rules.qualifiers.get(c.qualifier) or rules.qualifiers_after.get(c.qualifier)
    if bound is None:
        return
    whole = c.kind in ("count", "number") and v == int(v)
    f = rules.approx_fraction
    if bound == "odd":   # "50-odd": 50 up to just below the next round number (59)
        step = 10
        while v >= step * 10 and v % (step * 10) == 0:
            step *= 10
        c.low, c.high = v, v + step - 1 if whole else v + step
    elif bound == "strict_lower":
        c.low = v + 1 if whole else v
    elif bound == "lower":
        c.low = v
    elif bound == "upper":
        c.high = v
    elif bound == "strict_upper":
        c.high = v - 1 if whole else v
    elif bound == "approx":
        c.low, c.high = v * (1 - f), v * (1 + f)
    elif bound == "near_below":
        c.low, c.high = v * (1 - f), v
    c.notes.append(f"'{c.qualifier}' ({'from the value to just below the next round number' if bound == 'odd' else bound.replace('_', ' ')})")


def _candidates_resolved(text: str, rules: FigureRules) -> list[Cand]:
    return _merge_ranges(text, _resolve(_candidates(text, rules)), rules.change_words)


def extract(text: str | Document, *, rules: FigureRules | str | Path | None = None,
            sentence_spans: Sequence | None = None) -> list[Figure]:
    """Every figure mention in ``text``, in order.

    ``sentence_spans`` (optional) are the sentences of ``text`` as
    ``medialit.text.split.sentences(text)`` gives them (anything with ``start`` and ``end``, in
    order); a caller that has already split the text passes them to save the work. A figure
    outside every given span gets no sentence.

    ``text`` may be a :class:`medialit.corpus.document.Document`: then a figure's sentence is
    the Document's sentence or boilerplate line it sits in (``Document.segments``, as
    ``medialit analyze`` reports it), and with the default ``rules`` and ``sentence_spans``
    the figures are found once and kept on it (the layer "figures").

    >>> [(f.kind, f.value, f.unit) for f in extract("Eight mercenaries were killed in May 2020.")]
    [('count', 8.0, 'mercenaries'), ('date', '2020-05', None)]
    """
    if isinstance(text, Document):
        doc = text
        if rules is None and sentence_spans is None:
            return list(doc.layer("figures", lambda d: tuple(_extract(d.text, load_rules(), d.segments))))
        return _extract(doc.text, load_rules(rules), doc.segments if sentence_spans is None else sentence_spans)
    if not isinstance(text, str):
        raise TypeError(f"extract() needs the article text as a str or a Document, got {type(text).__name__}")
    rules = load_rules(rules)
    if not text.strip():
        return []
    if sentence_spans is None:
        from medialit.text.split import sentences   # imported here so that `import medialit.figures.extraction` stays light
        sentence_spans = sentences(text)
    return _extract(text, rules, sentence_spans)


_ELLIPSIS_AFTER = re.compile(r"\s+(?:to|for|in|from|at|on|with|and|were|are|remain|remained|have|had|will|would)\b"
                             r"|\s+[a-z]{2,}ed\b(?!\s+(?:by|to)\b)"   # a past-tense verb it is the subject of: "two walked out"
                             r"|\s+(?:said|told|went|came|left|got|took|made|gave|saw|found|won|lost|felt|kept|paid|ran|"
                             r"sat|spent|stood|chose|voted|wrote|did|were|was|say|says|think|thought)\b"
                             r"|\s*[,;.)]|\s*$")
# A bare number that points back to a group already counted, possibly in an earlier sentence:
# "police arrested two of them", "the other two remain at large".
_OF_THEM_AFTER = re.compile(r"\s+of\s+(?:them|those|whom)\b")
_OTHER_BEFORE = re.compile(r"\b(?:the|The)\s+(?:other|remaining)\s+$")


def _antecedent(rules: FigureRules, i: int, last_count, last_people):
    """The group "them" / "the other N" most likely points back to: the last count of people
    within this sentence and the two before it, else the last count there."""
    for cand in (last_people, last_count):
        if cand is not None and 0 <= i - cand[0] <= 2:
            return cand
    return None


def _carry_back(text: str, c: Cand, count: Cand) -> bool:
    """"two of them", "the other two": a bare whole number that names part of a group counted in
    this sentence or one of the two before it takes the group's noun (unsure)."""
    if c.kind != "number" or c.unit is not None or c.rule != "number" or c.qualifier or not isinstance(c.value, float):
        return False
    whole = count.value if isinstance(count.value, float) else count.high
    if whole is None or not (1 <= c.value <= whole and c.value < 1e15 and c.value == int(c.value)):
        return False
    how = "'of them'" if _OF_THEM_AFTER.match(text, c.end) else "'the other'" if _OTHER_BEFORE.search(
        text, max(0, c.start - 16), c.start) else None
    if how is None:
        return False
    c.kind, c.unit, c.rule = "count", count.unit, "count: noun carried from an earlier count (unsure)"
    c.notes.append(f"unsure: the noun is not written ({how}); '{count.unit}' carried from "
                   f"'{text[count.start:count.end]}' earlier")
    return True


_SUBJECT = re.compile(r"\s*[\"“‘']?(?:(?P<det>The|the|Its|Their|Annual|Total|Reported)\s+)?(?P<w>[A-Za-z][a-z]+)\b")
_TO_BY_FROM = re.compile(r"\b(?:to|by|from)\s+$")
_WORD = re.compile(r"[A-Za-z]+")
# words between the opening noun and the verb of change that give the change another subject
_NOT_THE_SUBJECT = frozenset("said says say told reported estimated estimate expects expected believe believes "
                             "it which that they who this there".split())
_WHO_AFTER = re.compile(r"\s+(?:who|whom)\b")
_CROWD_OF = re.compile(r"\b(?P<w>[a-z]+)\s+of\s+(?:(?:about|around|some|roughly|nearly|almost|approximately|"
                       r"more\s+than|over|at\s+least|close\s+to|just\s+(?:over|under))\s+)?$")
# "the number of children in care rose from 410 to 566": the counted noun is named by "the
# number of", and a verb of change leads to the bare number
_NUMBER_OF = re.compile(r"\b(?:the|The)\s+(?:total\s+)?number\s+of\s+(?:[a-z]+\s+)?(?P<w>[a-z]{3,})\b")


# qualifiers of approximation, which leave what is counted unchanged ("kills about 16,500")
_APPROX = frozenset({"about", "around", "some", "roughly", "nearly", "almost", "approximately", "an estimated",
                     "close to", "more than", "at least"})
# change words that are also prepositions or adverbs ("by", "up"): not a verb of change by themselves
_NOT_A_CHANGE_VERB = frozenset({"by", "up", "down", "higher", "lower"})


def _change_verb(rules: FigureRules, word: str) -> bool:
    return word in rules.change_words and word not in _NOT_A_CHANGE_VERB


def _bare(c: Cand) -> bool:
    """A bare whole number: no unit, no noun (a qualifier such as "about" may stand before it:
    it changes how many, not what is counted)."""
    return c.kind == "number" and c.unit is None and c.rule == "number" \
        and (not c.qualifier or c.qualifier.lower() in _APPROX) and isinstance(c.value, float) and 2 <= c.value < 1e15 and c.value == int(c.value)


def _count_from_sentence(rules: FigureRules, text: str, c: Cand, sent_start: int) -> None:
    """A bare number whose counted noun stands elsewhere in its sentence: "a crowd of 41,000"
    counts people ([counted_nouns] crowd_words); "Burglaries rose by 9% to 1,312" counts the
    plural noun that opens the sentence when a verb of change leads to the number with "to",
    "by" or "from" (not for the nouns of amounts in [counted_nouns] amount_subjects). Unsure:
    the noun is not next to the number."""
    if not _bare(c):
        return
    before = text[max(sent_start, c.start - 40):c.start]
    cm = _CROWD_OF.search(before)
    if cm and (cm.group("w") in rules.crowd_words or cm.group("w") in rules.population_words):
        crowd = cm.group("w") in rules.crowd_words
        c.kind, c.unit = "count", "people"
        c.rule = "count: a crowd of N (people)" if crowd else "count: a city of N (its people)"
        c.notes.append(f"counts people: 'a {cm.group('w')} of' is a number of people" if crowd else
                       f"counts people: 'a {cm.group('w')} of N' gives its population")
        return
    if _WHO_AFTER.match(text, c.end):
        c.kind, c.unit, c.rule = "count", "people", "count: N who ... (people)"
        c.notes.append("counts people: 'who' after the number")
        return
    if not _TO_BY_FROM.search(before):
        return
    if _number_of(rules, text, c, sent_start):
        return
    m = _SUBJECT.match(text, sent_start, c.start)
    if not m or c.start - m.end() > 240:
        return   # the subject must be near: a long sentence is not read back to its start for every number
    w, lw = m.group("w"), m.group("w").lower()
    if (m.group("det") is None) != w[0].isupper() or lw in rules.amount_subjects or lw in rules.not_nouns:
        return
    if not (lw in rules.irregular_plurals or (lw.endswith("s") and not lw.endswith("ss") and len(lw) >= 4)):
        return
    words = [x.lower() for x in _WORD.findall(text, m.end(), c.start)]
    k = next((j for j, x in enumerate(words) if _change_verb(rules, x)), None)
    if k is None or _NOT_THE_SUBJECT & set(words[:k]):
        return   # "Police said it rose to 40": the change has a subject of its own
    c.kind, c.unit, c.rule = "count", lw, "count: the noun that opens the sentence, after a verb of change (unsure)"
    c.notes.append(f"unsure: the noun is not next to the number; '{lw}' is the subject of the sentence, "
                   "and a verb of change leads to the number")


def _number_of(rules: FigureRules, text: str, c: Cand, sent_start: int) -> bool:
    """"The number of children in care has risen from 410 to 566": the plural noun after "the
    number of", earlier in the sentence (at most 160 characters back), with a verb of change
    between it and the number, is what the number counts (unsure)."""
    lo = max(sent_start, c.start - 160)
    m = None
    for m in _NUMBER_OF.finditer(text, lo, c.start):
        pass
    if m is None:
        return False
    lw = m.group("w").lower()
    if lw in rules.amount_subjects or lw in rules.not_nouns or not (
            lw in rules.irregular_plurals or (lw.endswith("s") and not lw.endswith("ss"))):
        return False
    words = [x.lower() for x in _WORD.findall(text, m.end(), c.start)]
    if not any(_change_verb(rules, x) for x in words):
        return False
    c.kind, c.unit, c.rule = "count", lw, "count: 'the number of' + noun, after a verb of change (unsure)"
    c.notes.append(f"unsure: the noun is not next to the number; '{text[m.start():m.end()]}' names what is "
                   "counted, and a verb of change leads to the number")
    return True


def _carry_noun(text: str, c: Cand, count: Cand) -> None:
    """A bare whole number after a count in the same sentence, no larger than it and followed by a
    preposition, a comma or a verb it is the subject of ("14 patients; four remain ..."), counts the same thing with the noun left out: "five jet sales this
    week: two to one airline and three to another". Marked unsure: the noun is not written."""
    if c.kind != "number" or c.unit is not None or c.rule != "number" or not isinstance(c.value, float) \
            or (c.qualifier and c.qualifier.lower() not in _APPROX):
        return   # "children ... under five": "under"/"over" before a bare number is an age as often as a count
    v, whole = c.value, count.value if isinstance(count.value, float) else count.high
    if whole is None or not (2 <= v <= whole and v == int(v)) or not _ELLIPSIS_AFTER.match(text, c.end, min(len(text), c.end + 12)):
        return
    c.kind, c.unit, c.rule = "count", count.unit, "count: noun carried from an earlier count (unsure)"
    c.notes.append(f"unsure: the noun is not written; '{count.unit}' carried from '{text[count.start:count.end]}' "
                   "earlier in the sentence")


def _money_from_article(rules: FigureRules, c: Cand, sign: str) -> None:
    """An unsure "pounds" (no word of money or weight near it) in an article that writes "£" or
    "pence" elsewhere is money: the article's money is sterling ([money_cues] article)."""
    unit = rules.ambiguous_units[c.ambiguous]
    if c.kind == "quantity" and c.unit and c.unit.split("/")[0] == unit.measure:
        c.kind, c.unit = "money", unit.money + c.unit[len(unit.measure):]
    elif c.kind == "vague" and c.unit == unit.measure:
        c.unit = unit.money
    c.rule = c.rule.replace("quantity:", "money:", 1).replace(
        "money or weight, unsure", f"money: '{sign}' elsewhere in the article")
    c.notes = [n for n in c.notes if not n.startswith("unsure: ")]
    c.notes.append(f"'{c.ambiguous}' read as money ({unit.money}), not {unit.measure_name}: no word of money or "
                   f"{unit.measure_name} near it, but '{sign}' elsewhere in the article")
    c.ambiguous = None


def _extract(text: str, rules: FigureRules, sentence_spans: Sequence) -> list[Figure]:
    if not text.strip():
        return []
    resolved = _candidates_resolved(text, rules)
    spans = list(sentence_spans)
    starts = [s.start for s in spans]
    figures: list[Figure] = []
    prev: Cand | None = None
    last_count: tuple[int, Cand] | None = None   # the last count with a noun, and its sentence
    last_people: tuple[int, Cand] | None = None  # the last count of people ("four masked men")
    sterling: list[str | None] = []   # the article's money sign, looked for once, when first needed
    for c in resolved:
        if c.reason:
            continue
        if c.ambiguous is not None:
            if not sterling:
                sterling.append(sterling_note(rules, text))
            if sterling[0] is not None:
                _money_from_article(rules, c, sterling[0])
        carried = None
        if prev is not None and prev.qualifier and prev.kind == c.kind and prev.unit and prev.unit.split("/")[0] == (c.unit or "").split("/")[0] \
                and prev.qualifier not in rules.qualifiers_after:
            if _CARRY_GAP.match(text[prev.end:c.start]):
                carried = prev.qualifier
        _apply_qualifier(rules, text, c, carried)
        i = bisect.bisect_right(starts, c.start) - 1
        s = spans[i] if i >= 0 and spans[i].end >= c.end else None
        if s is not None and c.rule == "number":
            _count_from_sentence(rules, text, c, s.start)
        if c.kind == "count" and c.unit and s is not None:
            last_count = (i, c)
            if _person_noun(rules, c.unit.split()[-1]):
                last_people = (i, c)
        elif s is not None and (back := _antecedent(rules, i, last_count, last_people)) is not None \
                and _carry_back(text, c, back[1]):
            last_count = (i, c)
            if back is last_people:
                last_people = (i, c)
        elif last_count is not None and last_count[0] == i and s is not None:
            _carry_noun(text, c, last_count[1])
        value = c.value
        if c.kind == "year" and isinstance(value, float) and value == int(value):
            value = int(value)
        low, high = c.low, c.high
        figures.append(_figure(c.start, c.end, text[c.start:c.end], c.kind, value,
                               None if low is None else float(f"{low:.12g}"),
                               None if high is None else float(f"{high:.12g}"),
                               c.unit, c.qualifier, "; ".join([n for n in c.notes if n]), c.rule,
                               s.start if s else None, s.end if s else None))
        prev = c
    return figures


def excluded(text: str, *, rules: FigureRules | str | Path | None = None) -> list[Exclusion]:
    """The spans that look numeric but were judged not to be figures, each with its reason
    (so a student can ask why "Resolution 2202" or "5 p.m." is not in the list).

    >>> [(e.text, e.reason) for e in excluded("Call 555-123-4567 after 5 p.m.")][0][0]
    '555-123-4567'
    """
    rules = load_rules(rules)
    return [Exclusion(c.start, c.end, text[c.start:c.end], c.reason)
            for c in _candidates_resolved(text, rules) if c.reason]

