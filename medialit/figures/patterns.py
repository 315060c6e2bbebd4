"""Candidate finders for :mod:`medialit.figures.extraction`: each scans the text with one kind of
pattern (not-figures, dates, vague quantities, numbers) and proposes spans. The extractor then
keeps the longest non-overlapping proposals, so "January 23, 2019" beats "23" and
"Resolution 2202" (a name) beats "2202".

Internal module: use :func:`medialit.figures.extraction.extract`.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from medialit.figures.ambiguous import read_unit
from medialit.figures.tables import FigureRules
from medialit.text.numbers import MULTIPLIERS, NUMBER_WORDS, parse_number_words, parse_numeral  # noqa: F401

_WS = re.compile(r"\s+")
# Priorities break ties between proposals of the same length (lower wins).
P_EXCLUDE, P_DATE, P_AGE, P_VAGUE, P_NUMBER = 0, 1, 2, 3, 4


@dataclass(slots=True)
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
    ambiguous: str | None = None   # a unit word read without a cue ("pounds": money or weight)


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
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}

# A thousands separator may be a no-break or thin space ("10\u00a0000"), never a plain space: in
# English news "400 737 Max jets" is two numbers (a count and a model), not 400,737.
_DIGITS = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?![\d]|[,.]\d)"
           r"|\d{1,3}(?:\.\d{3}){2,}|\d+(?:\.\d+)?|\.\d+")
_SCALE_AFTER = re.compile(
    r"(?:[\s\u00a0]?(?P<abbr>bn|mn|mln|tn|trn)\b|[\s\u00a0-]+(?P<word>thousand|million|billion|trillion|lakh|crore)\b"
    r"|(?P<glued>[mkb])(?![\w]))", re.I)
_FRACTION = re.compile(
    r"\b(?P<n>one|two|three|four|five|seven|nine|an?)[\s-](?P<d>half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\b"
    r"(?=\s+(?P<after>of|the|as)\b|(?P<end>))"
    r"|\b(?P<half>half)(?=\s+(?P<after2>of|the|as)\b|(?P<end2>))", re.I)
# a fraction with no "of"/"the"/"as" after it is a share only after a qualifier ("nearly half",
# "just under a third", "more than half"), else it is left out ("half-time", "a third party")
_FRACTION_QUAL_LEFT = re.compile(r"\b(?:nearly|almost|about|around|roughly|more\s+than|less\s+than|over|under|"
                                 r"just\s+over|just\s+under|some|only|barely|fully|well\s+over|close\s+to|"
                                 r"at\s+least|at\s+most|up\s+to)\s+$", re.I)
_NUMBER_AFTER_FRACTION = re.compile(r"\s+(?:of\s+)?an?\s+(?:million|billion|trillion|thousand|hundred|dozen)\b", re.I)
# "half the size", "a third the price": after "the", a word of size or rate makes the fraction a
# multiple; any other noun makes it a share ("half the members", "at least half the money")
_MULTIPLE_NOUNS = frozenset("size rate pace speed price cost level height length width weight value amount "
                            "average distance time number capacity density volume population strength".split())
_NEXT_WORD = re.compile(r"\s+(?:the|as)\s+([a-z]+)(?:\s+([a-z]+))?", re.I)
_HALF_POINT = re.compile(r"(?P<f>half|quarter)(?:[\s-](?:a[\s-])?|\s+of\s+an?\s+)(?P<u>percentage[\s-]point|point)\b", re.I)
_SLASH_FRACTION = re.compile(r"(?P<a>\d)/(?P<b>\d{1,2})\s+of\s+(?:(?P<pt>an?\s+(?:percentage\s+)?point)\b|(?P<grp>\w))", re.I)
_DENOMINATORS = frozenset((2, 3, 4, 5, 6, 8, 10, 16, 32))   # fractions written with a slash in news and markets
ORDINAL_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}
_ORDINAL_AHEAD = re.compile(r"(?:[\s-]+(?P<w>[a-z][a-z-]*))")
# "twice a day" (a frequency), "$15 an hour", "$90 more a year" (rates), "52 weeks in a year" (a conversion)
_NOT_DURATION_LEFT = re.compile(r"(?:\b(?:once|twice|thrice|times|per|every|each|more|less|extra|on)|\d"
                                r"|\b(?:seconds|minutes|hours|days|weeks|months)\s+in"
                                # "48 hours a week", "three nights a month": the rate of the time before it
                                r"|\d[\d,.]*\s+(?:seconds|minutes|hours|days|nights|weeks|months))\s+$", re.I)
# "a year ago", "from a year earlier", "a week before": a point in the past to compare with, like
# "last year" (not a figure); "a day after", "a week later" measure the time between two events
# "... €410 million, a year." / "... 2,000 people, a week,": a rate set off by a comma after an amount
_AMOUNT_COMMA_LEFT = re.compile(r"(?:\d|\b(?:million|billion|trillion|thousand|bn|mn|m|k))\s*,\s+$", re.I)
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$)")
_PAST_POINT_AFTER = re.compile(r"\s+(?:ago|earlier|before|previously|prior)\b", re.I)
_WORD_DISTANCE = re.compile(r"an?\s+(?P<w>[a-z]+)\s+(?:away|from|long|wide|high|deep|off|north|south|east|west|"
                            r"further|farther|closer|down|up|along|inland|offshore)\b", re.I)
_WORD_DURATION = re.compile(r"(?P<half>half\s+)?(?:an?|one|another)\s+(?P<w>[a-z]+)\b(?![-\w])"
                            r"(?P<and_half>\s+and\s+a\s+half\b)?", re.I)
_FRACTION_DEN = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
                 "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
_RATIO = re.compile(r"\b(?P<a>one|two|three|four|five|six|seven|eight|nine|\d{1,2})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<b>two|three|four|five|six|seven|eight|nine|ten|\d{1,5}(?:,\d{3})*)\b(?!\s*(?:%|per))", re.I)

# not-figures that need no rules table
_TIME = re.compile(
    r"(?<![\w.:])\d{1,2}(?::\d{2}){1,2}(?:\s?(?:[ap]\.m\.|[ap]m\b|[AP]\.M\.|[AP]M\b))?"
    r"(?:\s?(?:GMT|UTC|ET|EST|EDT|PT|PST|PDT|CET|CEST|BST)\b)?"
    r"|(?<![\w.:])\d{1,2}\s?(?:[ap]\.m\.|[ap]\.m\b|[ap]m\b|[AP]\.M\.|[AP]M\b)")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+?1[\s.-])?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\w)"
    r"|(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}(?!\w)"
    r"|\b(?:911|999|112)\s+(?:call|calls|dispatcher|dispatchers|operator|operators|centre|center|line|emergency)\b"
    # a national number with its trunk 0, in groups: "0116 496 0123", "0800 555 111", "(022) 415 7730"
    r"|(?<![\w+])(?:\(0\d{1,4}\)|0\d{1,4})(?:[\s.-]\d{3,4}){2,3}(?![\w]|[.,]\d)"
    r"|(?<![\w+])\(0\d{1,4}\)[\s.-]?\d{3,4}[\s.-]\d{3,4}(?![\w]|[.,]\d)")
_SECTION = re.compile(r"§+\s?\d+[\w.()-]*|\b\d+\s+U\.\s?S\.\s?C\.?(?:\s*§+)?(?:\s*\d+[\w.()-]*)?")
_CODE_PREFIX_OK = {"mid", "pre", "post", "early", "late", "circa", "since", "by", "from"}
_ORDINAL = re.compile(r"(?<![\w.,])\d+(?:st|nd|rd|th)\b", re.I)
_RACE_TIME = re.compile(r"\d{1,2}:[0-5]\d:[0-5]\d")
_RACE_LEFT = re.compile(r"\b(?:in|of|clocked|timed|record|best)\s+$", re.I)
# Tried only where a run of digit groups starts (not after "12/"), and without backtracking: a
# start inside a run can only fail where the run's start failed, and a long pasted run such as
# "12/5/99/..." that ends badly was re-scanned from every group (quadratic; issue 18).
_REF_SLASH = re.compile(r"(?<!\d/)\d++(?:/\d++){2,}+(?!\w|/\d|[.,]\d)")
_SHORT_SLASH = re.compile(r"(?<![\w/.,])\d{1,2}/\d{1,2}(?![\w/]|[.,]\d)")


def _excl(out: list, s: int, e: int, reason: str) -> None:
    if e > s:
        out.append(Cand(s, e, P_EXCLUDE, reason=reason))


def _iso(y: int | None, mo: int, d: int | None) -> str | None:
    if d is not None:
        last = calendar.monthrange(y if y else 2000, mo)[1]   # 2000 is a leap year: 29 Feb allowed without a year
        if not 1 <= d <= last:
            return None
        return f"{y:04d}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}"
    return f"{y:04d}-{mo:02d}" if y else f"--{mo:02d}"


def _date(out: list, rules: FigureRules, m: re.Match | None, y, mo: int, d, rule: str) -> None:
    if not m:
        return
    iso = _iso(int(y) if y else None, mo, int(d) if d else None)
    if iso and (not y or rules.year_min <= int(y) <= rules.year_max):
        note = "partial date: no year written, shown as --MM-DD" if iso.startswith("--") else "ISO 8601 date"
        out.append(Cand(m.start(), m.end(), P_DATE, kind="date", value=iso, notes=[note], rule=rule))


_URLISH = re.compile(r"://|www\.|@|\.(?:com|org|net|gov|edu|co|uk|lb|ru|io|info|int|html?|php|aspx?)\b|[a-z]/\w*\d", re.I)
_TOKEN_RIGHT = re.compile(r"\S*")
# Longest whitespace-free run judged as one link or address; a longer run (a pasted string with
# no spaces) is not a link as a whole, and its digit runs are read one by one.
_TOKEN_MAX = 2000
_CODE_LEFT = re.compile(r"[A-Za-z][\w.]*$|[A-Za-z][A-Za-z.]{0,9}-$")


_CODE_RIGHT = re.compile(r"[\w]*(?:[.-]\d+)*")
_LETTERS = re.compile(r"[A-Za-z]+")
_DIGITS_RIGHT = re.compile(r"\d+")
_TICKER_RIGHT = re.compile(r"[A-Z0-9.]*\)?")
_DMY_NEXT = frozenset("JFMASONDo")
_PRICE_TOKEN = re.compile(r"[\d.,/%$()-]+[.,;:!?)]*")


def digit_anchor(text: str, rules: FigureRules, s: int, out: list, ticker_left: re.Pattern, e: int | None = None,
                 judged: list | None = None) -> int:
    """Everything that can start at (or just before) the digit run at ``s`` (ending at ``e``
    if known): not-figures (links, codes, times, phone numbers, sections, ordinals) and
    digit-first dates. Returns the position up to which later digit runs are already explained.

    ``judged`` (a one-item list the caller keeps across calls) holds the end of the last
    whitespace-free token already judged not to be a link, so that the token is read once
    however many digit runs it holds (a pasted string of digits and dots stays linear)."""
    p1 = text[s - 1] if s else ""
    if judged is None or s >= judged[0]:
        # links and addresses: judge the whole whitespace-free token around the digits, once
        if not s or p1.isspace():
            t0 = s
        else:
            lo = max(0, s - _TOKEN_MAX)
            t0 = max(text.rfind(" ", lo, s), text.rfind("\n", lo, s), text.rfind("\t", lo, s), text.rfind("\u00a0", lo, s)) + 1 or lo
        t1 = _TOKEN_RIGHT.match(text, s).end()
        if judged is not None:
            judged[0] = t1
        if t1 - t0 <= _TOKEN_MAX:
            token = text[t0:t1]
            if ("." in token or "/" in token or "@" in token or ":" in token) and _URLISH.search(token) \
                    and not _PRICE_TOKEN.fullmatch(token):
                while t1 > t0 and text[t1 - 1] in ".,;:!?)\"'”’":
                    t1 -= 1
                reason = "an e-mail address, handle or hashtag" if "@" in token or token.startswith("#") else "part of a web address"
                _excl(out, t0, t1, reason)
                return t1
    if s and (p1.isalpha() or p1 == "_" or p1 == "-" and s > 1 and text[s - 2].isalpha()):
        cm = _CODE_LEFT.search(text, max(0, s - 12), s)
        end = _CODE_RIGHT.match(text, s).end()
        if cm:
            head = _LETTERS.match(cm.group()).group().lower()
            if not (cm.group().endswith("-") and head in _CODE_PREFIX_OK):
                _excl(out, cm.start(), end, "a code or model name (letters and digits together)")
                return end
    left = text[max(0, s - 3):s]
    if "#" in left and left[-2:].strip() == "#":
        _excl(out, s - (2 if p1 == " " else 1), _DIGITS_RIGHT.match(text, s).end(), "a number used as a label ('#5')")
    if "§" in left:
        m = _SECTION.match(text, text.rindex("§", max(0, s - 3), s))
        if m:
            _excl(out, m.start(), m.end(), "a section reference")
            return m.end()
    tk = ticker_left.search(text, max(0, s - 14), s) if ":" in left else None
    if tk:
        _excl(out, tk.start(), _TICKER_RIGHT.match(text, s).end(), "a stock ticker")
    if e is None:
        e = s
    n = len(text)
    while e < n and text[e].isdigit():
        e += 1
    nxt = text[e:e + 2]
    c0 = nxt[:1]
    c1 = nxt[1:2]
    # a time needs ":" or am/pm right after one or two digits
    if e - s <= 2 and (c0 == ":" or c0 in ("a", "p", "A", "P") or (c0 in (" ", "\u00a0") and c1 in ("a", "p", "A", "P"))):
        m = _TIME.match(text, s)
        if m and _RACE_TIME.fullmatch(m.group()) and _RACE_LEFT.search(text, max(0, s - 12), s):
            # "won in 2:04:17", "a time of 1:58:40": hours, minutes and seconds taken, a duration
            h, mi, se = (int(x) for x in m.group().split(":"))
            v = round(h + mi / 60 + se / 3600, 4)
            out.append(Cand(m.start(), m.end(), P_DATE, kind="duration", value=v, unit="hours",
                            notes=[f"'{m.group()}' = {h} h {mi} min {se} s = {v:g} hours (a time taken, not a time of day)"],
                            rule="duration: h:mm:ss after 'in' or 'time of'"))
        elif m:
            _excl(out, m.start(), m.end(), "a time of day")
    if c0 == " " and nxt[1:2] == "U":
        m = _SECTION.match(text, s)
        if m:
            _excl(out, m.start(), m.end(), "a section reference")
    if c0 == "/":
        m = _SHORT_SLASH.match(text, s) if not (e - s == 1 and _SLASH_FRACTION.match(text, s)) else None
        if m:
            _excl(out, m.start(), m.end(), "a short slash form ('9/11', '24/7'): a name or idiom, not an amount")
            return m.end()   # the digits after the slash are explained too ("9/11 airports" is not 11 airports)
        m = _REF_SLASH.match(text, s)
        if m and not _D_SLASH.fullmatch(m.group()):
            # "crime reference 23/44871/25", "case 4/2031/7": three or more groups that are no date
            _excl(out, m.start(), m.end(), "a reference number (digits joined by slashes, not a date)")
            return m.end()
        m = _D_SLASH.match(text, s)
        if m:
            _slash_date(out, m)
    if c0 in ("s", "n", "r", "t", "S", "N", "R", "T"):
        m = _ORDINAL.match(text, s)
        if m:
            _excl(out, m.start(), m.end(), "an ordinal ('3rd'), not an amount")
            _ordinal(out, text, s, m.end(), int(text[s:e]), rules)   # "the 5th straight week" counts
    if c0 == "/" and e - s == 1:
        m = _SLASH_FRACTION.match(text, s)
        if m and 0 < int(m.group("a")) < int(m.group("b")) and int(m.group("b")) in _DENOMINATORS:
            a, b = int(m.group("a")), int(m.group("b"))
            if m.group("pt"):   # "5/8 of a point"
                out.append(Cand(s, m.end("pt"), P_DATE, kind="number", value=round(a / b, 4), unit="points",
                                notes=[f"'{a}/{b} of a point' = {a / b:g} points"], rule="fraction: N/M of a point"))
            else:               # "3/4 of voters": a share
                out.append(Cand(s, s + len(f"{a}/{b}"), P_DATE, kind="percent", value=round(100 * a / b, 2), unit="%",
                                notes=[f"'{a}/{b}' of a whole, a share of {100 * a / b:.4g}%"], rule="fraction: a share"))
    phone_ok = (c0 in (" ", ".", "-", ")") and nxt[1:2].isdigit()) or c0 == ")" or text[s - 1:s] in ("(", "+") \
        or text[s:e] in ("911", "999", "112")
    if phone_ok:
        m = _PHONE.search(text, max(0, s - 6), min(len(text), s + 40))
        if m and m.start() <= s < m.end():
            _excl(out, m.start(), m.end(), "a phone number")
    # a day then a month name (capitalised) or "of"
    if e - s <= 2 and ((c0 in (" ", "\u00a0") and (c1 in _DMY_NEXT or c1.isspace())) or nxt[:2] in ("st", "nd", "rd", "th")):
        m = _D_DMY.match(text, s)
        if m:
            _date(out, rules, m, m.group("y"), MONTHS[m.group("m").rstrip(".").lower()], m.group("d"), "date: day month [year]")
    if e - s == 4:
        if c0 == "-":
            m = _D_ISO.match(text, s)
            if m:
                _date(out, rules, m, m.group("y"), int(m.group("m")), m.group("d"), "date: ISO yyyy-mm-dd")
        if c0 == "s":
            m = _DECADE.match(text, s)
            if m:
                y = int(m.group("y"))
                if rules.year_min <= y <= rules.year_max:
                    out.append(Cand(m.start(), m.end(), P_DATE, kind="year", value=y, low=y, high=y + 9,
                                    notes=[f"a decade: {y} to {y + 9}"], rule="year: decade"))
        if c0 in ("-", "–", "/", " "):
            m = _YEAR_RANGE.match(text, s)
            if m:
                a, b = int(m.group("a")), m.group("b")
                bb = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)
                if rules.year_min <= a < bb <= rules.year_max and bb - a <= 100:
                    out.append(Cand(m.start(), m.end(), P_DATE, kind="year", value=None, low=a, high=bb,
                                    notes=[f"a range of years: {a} to {bb}"], rule="year: range"))
    if text[e:e + 4] in (" in ", " out"):
        _ratio(out, rules, _RATIO.match(text, s))
    if c0 != "s":
        return s
    m = _AGE_DECADE_DIGITS.match(text, s)
    if m and _POSSESSIVE_LEFT.search(text, max(0, s - 16), s):
        _age_decade(out, m, _POSSESSIVE_LEFT.search(text, max(0, s - 16), s).group("q"))
    return s


def _slash_date(out: list, m: re.Match) -> None:
    a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
    year = int(y) if len(y) == 4 else 2000 + int(y)
    if a > 12 and 1 <= b <= 12:
        iso, note = _iso(year, b, a), "day/month/year (the first number is above 12)"
    elif b > 12 and 1 <= a <= 12:
        iso, note = _iso(year, a, b), "month/day/year (the second number is above 12)"
    elif 1 <= a <= 12 and 1 <= b <= 12:
        iso, note = None, f"ambiguous: {a}/{b} could be day/month or month/day"
    else:
        return
    out.append(Cand(m.start(), m.end(), P_DATE, kind="date", value=iso, notes=[note], rule="date: numeric with slashes"))


_POSSESSIVE_LEFT = re.compile(r"\b(?:his|her|their|my|your|its)\s+(?:(?P<q>early|mid|late)[\s-]+)?$", re.I)
_AGE_DECADE_DIGITS = re.compile(r"(?P<n>[1-9]0s)\b")
_AGE_DECADE_WORDS = re.compile(r"(?P<n>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", re.I)


def _age_decade(out: list, m: re.Match, q: str | None) -> None:
    n = m.group("n").lower()
    base = _DECADE_WORDS.get(n) or int(n[:-1])
    lo, hi = base, base + 9
    q = (q or "").lower()
    if q:
        lo, hi = {"early": (base, base + 3), "mid": (base + 4, base + 6), "late": (base + 7, base + 9)}[q]
    out.append(Cand(m.start("n"), m.end("n"), P_AGE, kind="vague", low=lo, high=hi, unit="years old",
                    qualifier=q or None, notes=[f"an age range: {lo} to {hi}"], rule="age: in his/her 30s"))


_MAY_OK = {"in", "since", "until", "till", "during", "through", "throughout", "early", "late", "mid", "mid-",
           "end of", "start of", "beginning of", "middle of", "last", "next", "this"}


def month_anchor(text: str, rules: FigureRules, s: int, out: list, lead_left: re.Pattern) -> None:
    """Dates that start with a month name at ``s`` (capitalised): "January 23, 2019",
    "May 2020", and a month alone after a lead word ("in May", "late January")."""
    if s and (text[s - 1].isalnum() or text[s - 1] == "-" and not text[max(0, s - 4):s].lower() == "mid-"):
        return
    m = _D_MDY.match(text, s)
    if m:
        _date(out, rules, m, m.group("y"), MONTHS[m.group("m").rstrip(".").lower()], m.group("d"), "date: month day[, year]")
    m = _D_MY.match(text, s)
    if m:
        _date(out, rules, m, m.group("y"), MONTHS[m.group("m").rstrip(".").lower()], None, "date: month year")
    m = _MONTH_ALONE.match(text, s)
    if not m:
        return
    lm = lead_left.search(text, max(0, s - 24), s)
    if not lm:
        return
    lead = _WS.sub(" ", lm.group("lead").lower())
    if m.group("m") == "May" and lead not in _MAY_OK:
        return
    c = Cand(m.start("m"), m.end("m"), P_DATE, kind="date", value=f"--{MONTHS[m.group('m').lower()]:02d}",
             notes=["a month without a year, shown as --MM"], rule="date: month after a lead word")
    if lead.rstrip("-") in [q.rstrip("-") for q in rules.period_qualifiers]:
        c.qualifier = lead.rstrip("-")
    out.append(c)


_MONTH_ALONE = re.compile(rf"(?P<m>{_MONTH_FULL})\b(?![\s,]+(?:[0-3]?\d\b|[12]\d{{3}}))")
_VAGUE_SCALE = re.compile(r"\s+(hundred|thousand|million|billion|trillion)\b(?!\s+(?:of|and)\b)", re.I)
_VAGUE_MONEY = re.compile(r"(multi-?(?:million|billion|trillion))[\s-]?(dollar|euro|pound|yen|rupee|rouble|ruble|yuan)s?\b", re.I)


def word_anchor(text: str, rules: FigureRules, s: int, word: str, out: list, counted) -> None:
    """Vague quantities, vague money, age words, fractions and ratios starting at ``s``."""
    m = rules.vague_re.match(text, s)
    if m:
        phrase = _WS.sub(" ", m.group(1).lower())
        lo, hi = rules.vague[phrase]
        bounded = hi != float("inf")
        c = Cand(m.start(), m.end(), P_VAGUE, kind="vague", low=lo, high=hi if bounded else None,
                 notes=[f"'{phrase}' read as {lo:g} to {hi:g} (rules table [vague])" if bounded else
                        f"'{phrase}' read as at least {lo:g}, with no upper bound (rules table [vague])"],
                 rule="vague quantity")
        sm = _VAGUE_SCALE.match(text, m.end()) if not phrase.endswith(" of") else None
        if sm:   # "several thousand", "a few million": the vague word counts thousands, millions
            k = MULTIPLIERS[sm.group(1).lower()]
            c.low, c.high, c.end = lo * k, hi * k if bounded else None, sm.end()
            c.notes = [f"'{phrase} {sm.group(1).lower()}' read as {lo * k:g} to {hi * k:g} ('{phrase}' from the rules "
                       f"table [vague], times {k:g})" if bounded else f"'{phrase}' times {k:g}: at least {lo * k:g}"]
            m = sm
        if phrase.endswith(("percent", "per cent")):
            c.unit = "%"
            out.append(c)
            return
        if phrase.endswith("percentage point"):
            c.unit = "percentage points"
            out.append(c)
            return
        cur = rules.currency_word_re.match(text, c.end)
        if cur and rules.currency_words.get(cur.group(1).lower()) not in (None, "cent", "pence"):
            c.unit = rules.currency_words[cur.group(1).lower()]
            c.end = cur.end()
        else:
            noun = counted(text, c.end, 2.0, after_of=phrase.endswith(" of"))
            if noun and noun[1] in rules.ambiguous_units:   # "thousands of pounds": money or weight
                unit = rules.ambiguous_units[noun[1]]
                reading, note, sure = read_unit(rules, text, c.start, noun[0], noun[1], "money")
                c.unit, c.end = (unit.money if reading == "money" else unit.measure), noun[0]
                c.notes.append(note)
                if not sure:
                    c.ambiguous, c.rule = noun[1], "vague quantity (money or weight, unsure)"
            elif noun:
                c.unit, c.end = noun[1], noun[0]
                if noun[1] in rules.time_units:   # "several more years": a vague duration
                    c.unit = rules.time_units[noun[1]]
            elif phrase.endswith(" of"):
                c.end = m.start() + len(m.group(1).rstrip()[:-2].rstrip())
        out.append(c)
    m = _VAGUE_MONEY.match(text, s)
    if m:
        key = m.group(1).lower()
        if key in rules.vague_money_prefixes:
            lo, hi = rules.vague_money_prefixes[key]
            unit = {"pound": "GBP"}.get(m.group(2).lower()) or rules.currency_words.get(m.group(2).lower(), m.group(2))
            out.append(Cand(m.start(), m.end(), P_VAGUE, kind="vague", low=lo, high=hi, unit=unit,
                            notes=[f"'{m.group(1)}' read as {lo:g} to {hi:g}"], rule="vague money"))
    if word in rules.age_words:
        lo, hi = rules.age_words[word]
        out.append(Cand(s, s + len(word), P_AGE, kind="vague", low=lo, high=hi, unit="years old",
                        notes=[f"age word: '{text[s:s + len(word)]}' means aged {lo:g} to {hi:g}"], rule="age word"))
    m = _AGE_DECADE_WORDS.match(text, s)
    if m:
        pl = _POSSESSIVE_LEFT.search(text, max(0, s - 16), s)
        if pl:
            _age_decade(out, m, pl.group("q"))
    m = _FRACTION.match(text, s)
    if m and m.group("half") and re.search(r"\b(?:first|second|the)\s+$", text[max(0, s - 8):s], re.I):
        m = None   # "the first half of 2021" is a period, not a fraction
    if m and _NUMBER_AFTER_FRACTION.match(text, m.end()):
        m = None   # "half a million homes", "a quarter of a million": number words, read as a number
    if m and _HALF_POINT.match(text, s + (2 if text[s:s + 2].lower() == "a " else 0)):
        m = None   # "a quarter of a percentage point": a rate move, below
    if m:
        _fraction(out, text, m, rules)
    if word in ("half", "a half", "a quarter") or word.startswith(("half", "quarter")):
        hp = _HALF_POINT.match(text, s + (2 if word.startswith("a ") else 0))
        if hp:
            v = 0.5 if hp.group("f").lower() == "half" else 0.25
            out.append(Cand(s, hp.end(), P_VAGUE, kind="percent", value=v, unit="percentage points",
                            notes=[f"'{text[s:hp.end()]}' = {v:g} percentage points (a rate move)"],
                            rule="fraction: a half-point / quarter-point move"))
    if word in rules.multiples:
        _multiple(out, text, s, word, rules.multiples[word])
    if word in rules.vague_durations:
        lo, hi = rules.vague_durations[word]
        out.append(Cand(s, s + len(word), P_VAGUE, kind="vague", low=lo, high=hi, unit="years",
                        notes=[f"'{word}' read as {lo:g} to {hi:g} years (rules table [vague_durations])"],
                        rule="vague duration"))
    if word in rules.vague_joined:
        _vague_joined(out, text, s, word, rules)
    if word in ORDINAL_WORDS and (text[s].islower() or _sentence_start(text, s)):
        _ordinal(out, text, s, s + len(word), ORDINAL_WORDS[word], rules)
    elif word.split()[0] in ("a", "an") and word.split()[-1] in ORDINAL_WORDS and text[s + len(word) - 1].islower():
        k = word.index(" ") + 1   # "a third title in a row", "an eighth term"
        _ordinal(out, text, s + k, s + len(word), ORDINAL_WORDS[word[k:]], rules)
    if word.split()[-1] in rules.word_durations and word.split()[0] in ("a", "an", "one", "half", "another"):
        _word_duration(out, text, s, rules)
    if word.startswith("the ") and word.split()[1] in ("past", "previous") and text[s + 4].islower():
        w = word.split()[-1]
        value, unit = rules.word_durations[w]
        out.append(Cand(s, s + len(word), P_VAGUE, kind="duration", value=value, unit=unit,
                        notes=[f"'{text[s:s + len(word)]}' = the {value:g} {unit} up to now (rules table [word_durations])"],
                        rule="duration: the past decade or century"))
    if word.split()[-1] in rules.word_distances and word.split()[0] in ("a", "an"):
        dm = _WORD_DISTANCE.match(text, s)
        if dm and dm.group("w").lower() in rules.word_distances:
            value, unit = rules.word_distances[dm.group("w").lower()]
            out.append(Cand(s, dm.end("w"), P_VAGUE, kind="quantity", value=value, unit=unit,
                            notes=[f"'{text[s:dm.end('w')]}' = {value:g} {unit} (rules table [word_distances])"],
                            rule="quantity: a distance word with no digit"))
    _ratio(out, rules, _RATIO.match(text, s))


_BY_LEFT = re.compile(r"\bby\s+$", re.I)
_CLAUSE_WORDS = re.compile(r"[^.;:!?\n]*$")


def _change_by(text: str, s: int, rules: FigureRules) -> bool:
    """"rose by a quarter", "cut the deficit by half": "by" right before, and a verb of change
    ([ranges] change_words) among the six words before it in the same clause."""
    if not _BY_LEFT.search(text, max(0, s - 4), s):
        return False
    clause = _CLAUSE_WORDS.search(text, max(0, s - 80), s - 3).group()
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", clause)][-6:]
    return any(w in rules.change_words and w != "by" for w in words)


def _fraction(out: list, text: str, m: re.Match, rules: FigureRules) -> None:
    """"two-thirds of voters" (a share: percent), "half the size" (a multiple: number), "nearly
    half" (a share after a qualifier)."""
    if m.group("half"):
        n, d, after, bare = 1, 2, m.group("after2"), m.group("end2") is not None
    else:
        n = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "nine": 9}[m.group("n").lower()]
        d = _FRACTION_DEN[m.group("d").lower()]
        after, bare = m.group("after"), m.group("end") is not None
    if n >= d:
        return
    s = m.start()
    change = bare and _change_by(text, s, rules)
    if bare and not change and not _FRACTION_QUAL_LEFT.search(text, max(0, s - 16), s):
        return
    if bare and text[m.end():m.end() + 1] == "-":
        return   # "half-time", "a third-party bid"
    val = n / d
    if change:   # "rose by a quarter": a change of 25%
        out.append(Cand(s, m.end(), P_VAGUE, kind="percent", value=round(100 * val, 2), unit="%",
                        notes=[f"'{m.group()}' after a verb of change and 'by' = a change of {n}/{d}, "
                               f"{100 * val:.4g}%"], rule="fraction: a change by a fraction"))
        return
    nw = _NEXT_WORD.match(text, m.end()) if after and after.lower() == "the" else None
    if after and (after.lower() == "as" or (after.lower() == "the" and nw is not None and (
            nw.group(1).lower() in _MULTIPLE_NOUNS or (nw.group(2) or "").lower() in _MULTIPLE_NOUNS))):
        out.append(Cand(s, m.end(), P_VAGUE, kind="number", value=round(val, 4), unit="fraction",
                        notes=[f"'{m.group()}' = {n}/{d}, a multiple ('half the size', 'half as many')"],
                        rule="fraction: a multiple"))
        return
    out.append(Cand(s, m.end(), P_VAGUE, kind="percent", value=round(100 * val, 2), unit="%",
                    notes=[f"'{m.group()}' = {n}/{d} of a whole, a share of {100 * val:.4g}%"], rule="fraction: a share"))


_VERB_LEFT = re.compile(r"\b(?:would|will|could|can|may|might|should|must|to|did|does|do|shall)"
                        r"(?:\s+(?:more\s+than|nearly|almost|roughly|not|also|at\s+least))?\s+$", re.I)
_MULTIPLE_AFTER = re.compile(r"\s+(?:the|as|that|what|over|more|higher|larger|bigger|faster|[a-z]+er\b)", re.I)


def _multiple(out: list, text: str, s: int, word: str, n: float) -> None:
    """"twice the rate", "about twice as many": a number with unit "times"."""
    e = s + len(word)
    if word in ("double", "triple") and not re.match(r"\s+the\b", text[e:e + 5], re.I):
        return   # "double" as an adjective or verb ("a double murder") is not a multiple
    if word in ("double", "triple") and _VERB_LEFT.search(text, max(0, s - 30), s):
        return   # "would more than double the money", "plans to triple the fleet": the verb, a change
    if word in ("twice", "thrice") or _MULTIPLE_AFTER.match(text, e):
        out.append(Cand(s, e, P_VAGUE, kind="number", value=n, unit="times",
                        notes=[f"'{word}' = {n:g} times"], rule="multiple: twice / N times"))


_JOINED = re.compile(r"(?:\s*,?\s+(?:or|and|to|even|if\s+not)\s+|\s*,\s*(?:even\s+)?)(?P<v>[a-z]+)\b", re.I)


def _vague_joined(out: list, text: str, s: int, word: str, rules: FigureRules) -> None:
    """"scores or hundreds of workers": a word that is vague only when joined to another vague word."""
    e = s + len(word)
    jm = _JOINED.match(text, e)
    if not jm or not any(k.split()[0] == jm.group("v").lower() for k in rules.vague):
        return
    lo, hi = rules.vague_joined[word]
    out.append(Cand(s, e, P_VAGUE, kind="vague", low=lo, high=hi,
                    notes=[f"'{word}' joined to '{jm.group('v')}': read as {lo:g} to {hi:g} (rules table [vague_joined])"],
                    rule="vague quantity joined to another"))


def _sentence_start(text: str, s: int) -> bool:
    before = text[max(0, s - 3):s].rstrip(" \"“'‘(")
    return not before or before[-1] in ".!?\n"


def _ordinal(out: list, text: str, s: int, e: int, n: int, rules: FigureRules) -> None:
    """An ordinal that counts: "the fifth straight week", "its third rate rise", "for the second time"."""
    if text[e:e + 1] == "-":
        return   # "second-largest", "third-party": a rank or a compound, not a count
    words, p = [], e
    for _ in range(3):
        m = _ORDINAL_AHEAD.match(text, p)
        if not m or not text[m.start():m.start() + 1].isspace():
            break
        words.append(m.group("w"))
        p = m.end()
    if not words:
        return
    succession = words[0] in rules.ordinal_succession
    if not succession and words[0].isalpha():
        first = _ORDINAL_AHEAD.match(text, e)
        if _IN_A_ROW.match(text, first.end()):   # "the fifth week in a row"
            out.append(Cand(s, first.end(), P_VAGUE, kind="count", value=float(n), unit=words[0],
                            notes=[f"an ordinal that counts: '{text[s:e]}' = the {n}th {words[0]} in a row"],
                            rule="count: ordinal that counts occurrences"))
            return
    rest = words[1:] if succession else words
    for i, w in enumerate(rest[:2]):
        base = w[:-1] if w.endswith("s") and w[:-1] in rules.ordinal_nouns else w
        if succession and i == 0 and w.endswith("ly") and len(rest) > 1:
            continue   # "its third straight daily loss": the noun comes after the adverb-like adjective
        if base in rules.ordinal_nouns or (succession and w.isalpha() and (i == 0 or rest[0].endswith("ly"))):
            if n == 1 and not succession:
                return   # "the first time", "its first rise": not yet a count worth checking
            end = e
            for _ in range(1 + succession + i):
                end = _ORDINAL_AHEAD.match(text, end).end()
            noun = " ".join(rest[:i + 1])
            out.append(Cand(s, end, P_VAGUE, kind="count", value=float(n), unit=noun,
                            notes=[f"an ordinal that counts: '{text[s:e]}' = the {n}th {noun}" +
                                   (" in a row" if succession else "")], rule="count: ordinal that counts occurrences"))
            return
        if w in _STOPWORDS:
            return


_IN_A_ROW = re.compile(r"\s+in\s+a\s+row\b", re.I)
_STOPWORDS = frozenset("the a an of in on at to for and or but was is were are be by with as from that this".split())


def _word_duration(out: list, text: str, s: int, rules: FigureRules) -> None:
    """"a year", "an hour", "a decade" (10 years), "half an hour" (0.5 hours), "more than a decade"."""
    m = _WORD_DURATION.match(text, s)
    if not m:
        return
    w = m.group("w").lower()
    if w not in rules.word_durations or _NOT_DURATION_LEFT.search(text, max(0, s - 16), s):
        return
    if _PAST_POINT_AFTER.match(text, m.end()):
        return
    if _AMOUNT_COMMA_LEFT.search(text, max(0, s - 12), s) and _CLAUSE_END.match(text, m.end()):
        return   # "costing 9.8 billion, about €410 million, a year.": the rate of the amounts before it
    value, unit = rules.word_durations[w]
    if m.group("half"):
        value /= 2
    elif m.group("and_half"):
        value *= 1.5   # "a year and a half", "a decade and a half"
    out.append(Cand(s, m.end(), P_VAGUE, kind="duration", value=value, unit=unit,
                    notes=[f"'{m.group()}' = {value:g} {unit} (rules table [word_durations])"],
                    rule="duration: a time word with no digit"))


def _ratio(out: list, rules: FigureRules, m: re.Match | None) -> None:
    if not m:
        return
    try:
        a, b = _word_or_digits(m.group("a")), _word_or_digits(m.group("b"))
    except ValueError:
        return
    if 0 < a < b and not (rules.year_min <= b <= rules.year_max and "," not in m.group("b")):
        noun = _RATIO_NOUN.match(m.string, m.end())
        end = noun.end() if noun else m.end()
        out.append(Cand(m.start(), end, P_VAGUE, kind="number", value=round(a / b, 4), unit="ratio",
                        notes=[f"'{m.group()}' = {a:g}/{b:g} = {100 * a / b:.3g}%"], rule="ratio: one in five"))


_RATIO_NOUN = re.compile(r"\s+(?:[A-Z][\w-]*\s+)?(?:[a-z]+s|people|men|women|children)\b")


def _word_or_digits(s: str) -> float:
    return parse_numeral(s)[0] if s[0].isdigit() else parse_number_words(s)


DIGITS_AT = re.compile(rf"(?<![\w.,])(?P<num>{_DIGITS})")
WORDS_AT = re.compile(rf"(?<![\w-])(?P<words>{NUMBER_WORDS})", re.I)


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
