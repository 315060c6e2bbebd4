"""Numbers as written in news: digits with separators, and English number words.

``parse_numeral("1,200.5")`` gives ``(1200.5, note)``; ``parse_number_words("two hundred and
fifty")`` gives ``250``. Both accept any Unicode decimal digits (Arabic-Indic ``٢٠١٩`` is
2019), because Python's ``float`` does.

Decisions, documented in docs/figures.md:

- ``1,000,000`` uses commas as thousands separators (English news style).
- ``1.000`` (one dot, then exactly three digits) is read as a decimal, 1.0, as English news
  would mean it; the note says that in German or Spanish text it would mean a thousand.
  ``1.000.000`` (several dot groups) can only be thousands separators: 1000000.
- ``10 000`` with a non-breaking or thin space is 10000 (SI style); an ordinary space
  separates two numbers.

>>> parse_number_words("twenty-five")
25.0
>>> parse_numeral("1.000.000")[0]
1000000.0
"""
from __future__ import annotations

import re

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SPECIAL = {"dozen": 12, "half": 0.5, "a": 1, "an": 1}

_ALL_WORDS = sorted(list(ONES) + list(TENS) + list(MULTIPLIERS) + ["dozen"], key=len, reverse=True)
_WORD_ALT = "|".join(_ALL_WORDS)

#: Regex (case-insensitive) for a run of number words: "twenty-five", "two hundred and fifty
#: thousand", "a dozen", "half a million", "a thousand". A lone "a"/"an"/"half" never matches.
NUMBER_WORDS = (
    r"(?:(?:half\s+an?|an?|one\s+and\s+a\s+half)\s+(?=(?:dozen|hundred|thousand|million|billion|trillion)\b))?"
    rf"(?:{_WORD_ALT})\b"
    rf"(?:(?:[\s\u00a0]+|-|(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+)(?:{_WORD_ALT})\b)*"
)

_SEP_SPACE = "\u00a0\u202f\u2009 "
_NUMERAL_RE = re.compile(rf"^\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?$|^\d{{1,3}}(?:[{_SEP_SPACE}]\d{{3}})+(?:\.\d+)?$|^\d*\.?\d+$|^\d{{1,3}}(?:\.\d{{3}}){{2,}}$")


def parse_numeral(s: str) -> tuple[float, str]:
    """Value of a numeral written with digits, and a note on how separators were read.

    >>> parse_numeral("2,500")
    (2500.0, "',' = thousands separator")
    """
    s = s.strip()
    if s.isdigit():
        return float(s), ""
    if not _NUMERAL_RE.match(s):
        raise ValueError(f"not a numeral: {s!r}")
    if "," in s:
        return float(s.replace(",", "")), "',' = thousands separator"
    if any(c in s for c in _SEP_SPACE):
        return float("".join(c for c in s if c not in _SEP_SPACE)), "space = thousands separator"
    if s.count(".") > 1:
        return float(s.replace(".", "")), "'.' between groups of three = thousands separator"
    if re.fullmatch(r"\d{1,3}\.\d{3}", s):
        return float(s), "'.' read as a decimal point (in some languages it separates thousands)"
    return float(s), ""


def parse_number_words(s: str) -> float:
    """Value of English number words: "eight" -> 8, "two hundred and fifty" -> 250,
    "a dozen" -> 12, "half a million" -> 500000, "twenty-five thousand" -> 25000.

    Raises ValueError for words that are not a number ("and", "a" alone).

    >>> parse_number_words("a dozen")
    12.0
    """
    tokens = [t for t in re.split(r"[\s\u00a0-]+", s.lower().strip()) if t and t != "and"]
    if not tokens:
        raise ValueError(f"not a number: {s!r}")
    if tokens[:4] == ["one", "and", "a", "half"]:
        tokens = ["1.5"] + tokens[4:]
    total = 0.0
    current = 0.0
    seen = False
    for i, tok in enumerate(tokens):
        if tok == "1.5":
            current, seen = 1.5, True
        elif tok in ("a", "an"):
            if i + 1 >= len(tokens):
                raise ValueError(f"not a number: {s!r}")
            current, seen = current or 1.0, True
        elif tok == "half":
            current, seen = 0.5, True
        elif tok in ONES:
            current += ONES[tok]
            seen = True
        elif tok in TENS:
            current += TENS[tok]
            seen = True
        elif tok == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif tok == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif tok in MULTIPLIERS:
            total += (current or 1.0) * MULTIPLIERS[tok]
            current = 0.0
            seen = True
        else:
            raise ValueError(f"not a number word: {tok!r} in {s!r}")
    if not seen:
        raise ValueError(f"not a number: {s!r}")
    return float(total + current)


def format_value(v: float) -> str:
    """A value for explanations: 110 -> "110", 2.5e9 -> "2,500,000,000", 0.25 -> "0.25"."""
    if v == int(v) and abs(v) < 1e16:
        return f"{int(v):,}"
    return f"{v:,.4f}".rstrip("0").rstrip(".")
