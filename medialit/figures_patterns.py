"""Candidate finders for :mod:`medialit.figures`: each scans the text with one kind of
pattern (not-figures, dates, vague quantities, numbers) and proposes spans. The extractor then
keeps the longest non-overlapping proposals, so "January 23, 2019" beats "23" and
"Resolution 2202" (a name) beats "2202".

Internal module: use :func:`medialit.figures.extract`.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from .figures_rules import FigureRules
from .numwords import NUMBER_WORDS, parse_number_words, parse_numeral

# Priorities break ties between proposals of the same length (lower wins).
P_EXCLUDE, P_DATE, P_AGE, P_VAGUE, P_NUMBER = 0, 1, 2, 3, 4


@dataclass
class Cand:
    """A proposed span: a figure (``kind`` set) or a not-figure (``reason`` set)."""

    start: int
    end: int
    prio: int
    kind: str | None = None
    value: float | str | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    notes: list[str] = field(default_factory=list)
    rule: str = ""
    reason: str | None = None
    scale: float = 1.0
    numeric_end: int = 0   # end of the number itself (before any unit), for ranges


MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
               "sept": 9, "oct": 10, "nov": 11, "dec": 12})
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>[12]\d{3})"

_D_MDY = re.compile(rf"(?<![\w-])(?P<m>{_MONTH})(?<!\.)\.?\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?")
_D_DMY = re.compile(rf"(?<![\w.,-]){_DAY}\s+(?:of\s+)?(?P<m>{_MONTH})(?![\w])(?:,?\s+{_YEAR}\b)?")
_D_MY = re.compile(rf"(?<![\w-])(?P<m>{_MONTH}),?\s+{_YEAR}\b")
_D_ISO = re.compile(r"(?<![\w./-])(?P<y>[12]\d{3})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w/-])")
_D_SLASH = re.compile(r"(?<![\w./-])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\w/])")
_DECADE = re.compile(r"(?<![\w'’-])(?P<y>[12]\d{2}0)s\b")
_YEAR_RANGE = re.compile(r"(?<![\w.,-])(?P<a>[12]\d{3})\s?[-–/]\s?(?P<b>[12]\d{3}|\d{2})(?![\w%.-])")
_AGE_DECADE = re.compile(
    r"\b(?:his|her|their|my|your|its)\s+(?:(?P<q>early|mid|late)[\s-]+)?"
    r"(?P<n>[1-9]0s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", re.I)
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}

_DIGITS = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?![\d]|[,.]\d)"
           r"|\d{1,3}(?:\.\d{3}){2,}|\d+(?:\.\d+)?|\.\d+")
_SCALE_AFTER = re.compile(
    r"(?:[\s\u00a0]?(?P<abbr>bn|mn|mln|tn|trn)\b|[\s\u00a0-]+(?P<word>thousand|million|billion|trillion|lakh|crore)\b"
    r"|(?P<glued>[mkb])(?![\w]))", re.I)
_FRACTION = re.compile(
    r"\b(?P<n>one|two|three|four|a)[\s-](?P<d>half|third|thirds|quarter|quarters|fifth|fifths)\b(?=\s+(?:of|the)\b)"
    r"|\b(?P<half>half)(?=\s+of\b)", re.I)
_FRACTION_DEN = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5}
_RATIO = re.compile(r"\b(?P<a>one|two|three|four|five|\d{1,2})\s+in\s+(?P<b>two|three|four|five|six|seven|eight|nine|ten|\d{1,5}(?:,\d{3})*)\b(?!\s*(?:%|per))", re.I)

# not-figures that need no rules table
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|co|uk|lb|ru|io|info|int|html?|php|aspx?)(?:/\S*)?", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|(?<!\w)[@#]\w+")
_TIME = re.compile(
    r"(?<![\w.:])\d{1,2}(?::\d{2}){1,2}(?:\s?(?:[ap]\.m\.|[ap]m\b|[AP]\.M\.|[AP]M\b))?"
    r"(?:\s?(?:GMT|UTC|ET|EST|EDT|PT|PST|PDT|CET|CEST|BST)\b)?"
    r"|(?<![\w.:])\d{1,2}\s?(?:[ap]\.m\.|[ap]\.m\b|[ap]m\b|[AP]\.M\.|[AP]M\b)")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+?1[\s.-])?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\w)"
    r"|(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}(?!\w)"
    r"|\b(?:911|999|112)\b(?=\s+(?:call|calls|dispatcher|dispatchers|operator|operators|centre|center|line|emergency)\b)")
_SECTION = re.compile(r"§+\s?\d+[\w.()-]*|\b\d+\s+U\.\s?S\.\s?C\.?(?:\s*§+)?(?:\s*\d+[\w.()-]*)?")
_LETTER_CODE = re.compile(r"\b[A-Za-z]+\d[\w]*(?:\.\d+)?|\b[A-Za-z][A-Za-z.]{0,9}-\d+(?:[-.]\w+)*\b")
_CODE_PREFIX_OK = {"mid", "pre", "post", "early", "late", "circa", "since", "by", "from"}
_ORDINAL = re.compile(r"(?<![\w.,])\d+(?:st|nd|rd|th)\b", re.I)
_NUMBER_LABEL = re.compile(r"#\s?\d+\b")
_SHORT_SLASH = re.compile(r"(?<![\w/.,])\d{1,2}/\d{1,2}(?![\w/]|[.,]\d)")


def _add_excl(out: list, m: re.Match, reason: str, start: int | None = None, end: int | None = None) -> None:
    s = m.start() if start is None else start
    e = m.end() if end is None else end
    if e > s:
        out.append(Cand(s, e, P_EXCLUDE, reason=reason))


def find_exclusions(text: str, rules: FigureRules, out: list) -> None:
    """Spans that contain digits but are not figures: links, times of day, phone numbers,
    codes (G7, COVID-19, F-16), section references, tickers, ordinals."""
    for m in _URL.finditer(text):
        _add_excl(out, m, "part of a web address")
    for m in _EMAIL.finditer(text):
        _add_excl(out, m, "an e-mail address, handle or hashtag")
    for m in _TIME.finditer(text):
        _add_excl(out, m, "a time of day")
    for m in _PHONE.finditer(text):
        _add_excl(out, m, "a phone number")
    for m in _SECTION.finditer(text):
        _add_excl(out, m, "a section reference")
    for m in _NUMBER_LABEL.finditer(text):
        _add_excl(out, m, "a number used as a label ('#5')")
    for m in _SHORT_SLASH.finditer(text):
        _add_excl(out, m, "a short slash form ('9/11', '24/7'): a name or idiom, not an amount")
    for m in _LETTER_CODE.finditer(text):
        head = re.match(r"[A-Za-z]+", m.group()).group().lower()
        if "-" in m.group() and head in _CODE_PREFIX_OK:
            continue
        _add_excl(out, m, "a code or model name (letters and digits together)")
    for m in _ORDINAL.finditer(text):
        _add_excl(out, m, "an ordinal ('3rd'), not an amount")
    exch = "|".join(re.escape(e) for e in rules.exchanges)
    for m in re.finditer(rf"\(?\b(?:{exch})\s?:\s?[A-Z0-9.]{{1,8}}\)?", text, re.I):
        _add_excl(out, m, "a stock ticker")


def _iso(y: int | None, mo: int, d: int | None) -> str | None:
    if d is not None:
        last = calendar.monthrange(y if y else 2000, mo)[1]   # 2000 is a leap year: 29 Feb allowed without a year
        if not 1 <= d <= last:
            return None
        return f"{y:04d}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}"
    return f"{y:04d}-{mo:02d}" if y else f"--{mo:02d}"


def find_dates(text: str, rules: FigureRules, out: list) -> None:
    """Full and partial dates, decades and year ranges (years alone come from find_numbers)."""
    def add(m, y, mo, d, rule):
        iso = _iso(int(y) if y else None, mo, int(d) if d else None)
        if iso and (not y or rules.year_min <= int(y) <= rules.year_max):
            note = "partial date: no year written, shown as --MM-DD" if iso.startswith("--") else "ISO 8601 date"
            out.append(Cand(m.start(), m.end(), P_DATE, kind="date", value=iso, notes=[note], rule=rule))

    for m in _D_MDY.finditer(text):
        add(m, m.group("y"), MONTHS[m.group("m").rstrip(".").lower()], m.group("d"), "date: month day[, year]")
    for m in _D_DMY.finditer(text):
        add(m, m.group("y"), MONTHS[m.group("m").rstrip(".").lower()], m.group("d"), "date: day month [year]")
    for m in _D_MY.finditer(text):
        add(m, m.group("y"), MONTHS[m.group("m").rstrip(".").lower()], None, "date: month year")
    for m in _D_ISO.finditer(text):
        add(m, m.group("y"), int(m.group("m")), m.group("d"), "date: ISO yyyy-mm-dd")
    for m in _D_SLASH.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
        year = int(y) if len(y) == 4 else 2000 + int(y)
        if a > 12 and 1 <= b <= 12:
            iso, note = _iso(year, b, a), "day/month/year (the first number is above 12)"
        elif b > 12 and 1 <= a <= 12:
            iso, note = _iso(year, a, b), "month/day/year (the second number is above 12)"
        elif 1 <= a <= 12 and 1 <= b <= 12:
            iso, note = None, f"ambiguous: {a}/{b} could be day/month or month/day"
        else:
            continue
        out.append(Cand(m.start(), m.end(), P_DATE, kind="date", value=iso, notes=[note], rule="date: numeric with slashes"))
    # a month name alone needs a lead word ("in May", "since January", "late January")
    leads = sorted(rules.month_lead_words, key=len, reverse=True)
    lead_alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in leads)
    month_alone = re.compile(rf"(?i:\b(?P<lead>{lead_alt}))(?:\s+|(?<=-))(?P<m>{_MONTH_FULL})\b(?![\s,]+(?:[0-3]?\d\b|[12]\d{{3}}))")
    may_ok = {"in", "since", "until", "till", "during", "through", "throughout", "early", "late", "mid", "mid-",
              "end of", "start of", "beginning of", "middle of", "last", "next", "this"}
    for m in month_alone.finditer(text):
        lead = re.sub(r"\s+", " ", m.group("lead").lower())
        if m.group("m") == "May" and lead not in may_ok:
            continue
        c = Cand(m.start("m"), m.end("m"), P_DATE, kind="date", value=f"--{MONTHS[m.group('m').lower()]:02d}",
                 notes=["a month without a year, shown as --MM"], rule="date: month after a lead word")
        if lead.rstrip("-") in [q.rstrip("-") for q in rules.period_qualifiers]:
            c.qualifier = lead.rstrip("-")
        out.append(c)
    for m in _DECADE.finditer(text):
        y = int(m.group("y"))
        if rules.year_min <= y <= rules.year_max:
            out.append(Cand(m.start(), m.end(), P_DATE, kind="year", value=y, low=y, high=y + 9,
                            notes=[f"a decade: {y} to {y + 9}"], rule="year: decade"))
    for m in _YEAR_RANGE.finditer(text):
        a, b = int(m.group("a")), m.group("b")
        bb = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)
        if rules.year_min <= a < bb <= rules.year_max and bb - a <= 100:
            out.append(Cand(m.start(), m.end(), P_DATE, kind="year", value=None, low=a, high=bb,
                            notes=[f"a range of years: {a} to {bb}"], rule="year: range"))
    for m in _AGE_DECADE.finditer(text):
        n = m.group("n").lower()
        base = _DECADE_WORDS.get(n) or int(n[:-1])
        lo, hi = base, base + 9
        q = (m.group("q") or "").lower()
        if q:
            lo, hi = {"early": (base, base + 3), "mid": (base + 4, base + 6), "late": (base + 7, base + 9)}[q]
        out.append(Cand(m.start("n"), m.end("n"), P_AGE, kind="vague", low=lo, high=hi, unit="years old",
                        qualifier=q or None, notes=[f"an age range: {lo} to {hi}"], rule="age: in his/her 30s"))


def find_vague(text: str, rules: FigureRules, out: list, counted) -> None:
    """Vague quantities from the rules table, vague money words and age words."""
    for m in rules.vague_re.finditer(text):
        phrase = re.sub(r"\s+", " ", m.group(1).lower())
        lo, hi = rules.vague[phrase]
        c = Cand(m.start(), m.end(), P_VAGUE, kind="vague", low=lo, high=hi,
                 notes=[f"'{phrase}' read as {lo:g} to {hi:g} (rules table [vague])"], rule="vague quantity")
        cur = rules.currency_word_re.match(text, m.end() if phrase.endswith(" of") else m.end())
        if cur and rules.currency_words.get(cur.group(1).lower()) not in (None, "cent", "pence"):
            c.unit = rules.currency_words[cur.group(1).lower()]
            c.end = cur.end()
        else:
            noun = counted(text, m.end(), 2.0, after_of=phrase.endswith(" of"))
            if noun:
                c.unit, c.end = noun[1], noun[0]
            elif phrase.endswith(" of"):
                c.end = m.start() + len(m.group(1).rstrip()[:-2].rstrip())
        out.append(c)
    pre = "|".join(re.escape(k) for k in sorted(rules.vague_money_prefixes, key=len, reverse=True))
    for m in re.finditer(rf"\b({pre})[\s-]?(dollar|euro|pound|yen|rupee|rouble|ruble|yuan)s?\b", text, re.I):
        lo, hi = rules.vague_money_prefixes[m.group(1).lower()]
        unit = {"pound": "GBP"}.get(m.group(2).lower()) or rules.currency_words.get(m.group(2).lower(), m.group(2))
        out.append(Cand(m.start(), m.end(), P_VAGUE, kind="vague", low=lo, high=hi, unit=unit,
                        notes=[f"'{m.group(1)}' read as {lo:g} to {hi:g}"], rule="vague money"))
    ages = "|".join(re.escape(k) for k in rules.age_words)
    for m in re.finditer(rf"\b({ages})\b", text, re.I):
        lo, hi = rules.age_words[m.group(1).lower()]
        out.append(Cand(m.start(), m.end(), P_AGE, kind="vague", low=lo, high=hi, unit="years old",
                        notes=[f"age word: '{m.group(1)}' means aged {lo:g} to {hi:g}"], rule="age word"))
    for m in _FRACTION.finditer(text):
        if m.group("half"):
            val, note = 0.5, "'half' = 1/2"
        else:
            n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}[m.group("n").lower()]
            d = _FRACTION_DEN[m.group("d").lower()]
            if n >= d:
                continue
            val, note = n / d, f"'{m.group()}' = {n}/{d}"
        out.append(Cand(m.start(), m.end(), P_VAGUE, kind="number", value=round(val, 4), unit="fraction",
                        notes=[note], rule="fraction"))
    for m in _RATIO.finditer(text):
        try:
            a = _word_or_digits(m.group("a"))
            b = _word_or_digits(m.group("b"))
        except ValueError:
            continue
        if 0 < a < b and not (rules.year_min <= b <= rules.year_max and "," not in m.group("b")):
            out.append(Cand(m.start(), m.end(), P_VAGUE, kind="number", value=round(a / b, 4), unit="ratio",
                            notes=[f"'{m.group()}' = {a:g}/{b:g}"], rule="ratio: one in five"))


def _word_or_digits(s: str) -> float:
    return parse_numeral(s)[0] if s[0].isdigit() else parse_number_words(s)


def number_regex(rules: FigureRules) -> re.Pattern:
    """Currency prefix (optional), then digits or number words, then an optional scale."""
    cur_parts = []
    for k in sorted(rules.currency_prefixes, key=len, reverse=True):
        cur_parts.append((r"\b" if k[0].isalpha() else "") + re.escape(k))
    cur = "|".join(cur_parts)
    return re.compile(
        rf"(?:(?P<cur>{cur})[\s\u00a0]?)?(?:(?<![\w.,])(?P<sign2>[-−](?=\d))?(?P<num>{_DIGITS})"
        rf"|(?<![\w-])(?P<words>{NUMBER_WORDS}))", re.I)


def scale_after(text: str, pos: int, has_currency: bool) -> tuple[float, int, str]:
    """A scale word right after a number: ("bn" = 1e9). Returns (scale, new end, note)."""
    m = _SCALE_AFTER.match(text, pos)
    if not m:
        return 1.0, pos, ""
    if m.group("abbr"):
        word = m.group("abbr").lower()
    elif m.group("word"):
        word = m.group("word").lower()
    else:
        word = m.group("glued").lower()
        if not has_currency and word != "k":
            return 1.0, pos, ""   # "100m" without a currency: the matcher decides metres or million
    scale = {"bn": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12, "thousand": 1e3, "million": 1e6,
             "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7, "m": 1e6, "k": 1e3, "b": 1e9}[word]
    return scale, m.end(), f"'{word}' = {scale:g}"
