"""Text shapes that once made ``medialit.figures.extract`` slow down faster than the text grew
(issue 18), and others of the same family: pasted strings with no spaces, numbers glued by
punctuation, long runs of codes. Shared by ``tests/figures/test_linearity.py`` (small sizes,
a generous ratio) and ``bench/bench_figures.py`` (20 kB against 80 kB, the growth factor)."""
from __future__ import annotations

import random


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _numbers(n: int, glue: str, top: int) -> str:
    r = random.Random(7)   # the same text every run
    out, size = [], 0
    while size < n:
        piece = f"{r.randint(0, top)}{glue}"
        out.append(piece)
        size += len(piece)
    return "".join(out)[:n]


SHAPES = {
    "digits and dots, no spaces": lambda n: _numbers(n, ".", 999),
    "numbers glued by commas": lambda n: _numbers(n, ",", 9999),
    "digits and slashes": lambda n: _numbers(n, "/", 99),
    # the same run ending in a letter: nothing after it may be re-read from every group
    "digits and slashes, then a letter": lambda n: _numbers(n - 1, "/", 99).rstrip("/") + "x",
    "digits and colons": lambda n: _numbers(n, ":", 99),
    "digits and hyphens": lambda n: _numbers(n, "-", 99),
    "letters, digits and dots (codes)": lambda n: _repeat("x1.", n),
    "percents joined by hyphens": lambda n: _repeat("1%-", n),
    "dollar amounts glued by commas": lambda n: _repeat("$1,", n),
    "section signs and digits": lambda n: _repeat("§1.", n),
    "numbers and spaces": lambda n: _repeat("1 ", n),
    "ranges chained by 'to'": lambda n: _repeat("1 to ", n),
    "vague words repeated": lambda n: _repeat("dozens of hundreds of ", n),
    "number words repeated": lambda n: _repeat("one hundred and ", n),
    "web addresses glued together": lambda n: _repeat("www.a1.com/", n),
    # round 2 paths (issue 13): words of time, ordinals, "N of the", fractions, changes
    "time words and ordinals": lambda n: _repeat("a year after the fifth straight week, ", n),
    "'N of the' chains": lambda n: _repeat("3 of the state's 4 of the ", n),
    "fractions and multiples": lambda n: _repeat("nearly half of twice the ", n),
    "changes 'from X to Y'": lambda n: _repeat("rose from 1% to 2% and ", n),
    "number words and hyphens": lambda n: _repeat("two-two-", n),
}


def shape(name: str, n: int) -> str:
    """The text of shape ``name``, ``n`` characters long."""
    return SHAPES[name](n)
