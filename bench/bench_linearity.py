"""Linearity of `analyze` in the length of the text, whatever its shape.

Each shape is a text a badly copied page or a pasted string can produce (one paragraph,
or one long line), built at 20 kB and at 80 kB; the growth factor is the time at 80 kB
divided by the time at 20 kB. A linear path grows about 4x; the budget is 5x. Each size
is timed in a fresh process with a time limit, so one quadratic shape cannot stall the
others, and the best of a few runs is kept (other work on a shared machine only ever
slows a run down). Quote-dense text is also timed against ordinary news of the same size
(budget: at most 3x slower per byte).

The shapes are invented here; `tests/report/test_linearity.py` runs the same shapes at
small sizes with a generous ratio, so a quadratic path fails `make test` too.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL, LARGE = 20_000, 80_000
TIME_LIMIT = 60.0
GROWTH_BUDGET = 5.0
QUOTE_DENSE_BUDGET = 3.0

_NEWS = ("The council voted on Tuesday to approve the budget, officials said. "
         "Prices rose 3% in March, according to the statistics office. "
         "Residents were not consulted, the mayor's critics argued. ")


def _repeat(unit: str, size: int, sep: str = "") -> str:
    n = max(1, size // len((unit + sep).encode("utf-8")))
    return sep.join([unit] * n)


#: name -> (what it is, build(size) -> text). Owners of a shape's code are in the issue.
SHAPES = {
    "ordinary news (reference)": ("short paragraphs of plain reported sentences",
                                  lambda n: _repeat(_NEWS, n, "\n\n")),
    "unclosed opening quotes": ("one paragraph of “ marks that never close",
                                lambda n: _repeat("“We will not leave the talks ", n)),
    "unclosed straight quotes": ('one paragraph of " marks opening words that never close',
                                 lambda n: _repeat('He said "we will go ', n)),
    "repeated cue": ("`according to` over and over in one sentence",
                     lambda n: _repeat("according to ", n)),
    "attributed and bare quotes": ("one paragraph of quotations, half with a speaker",
                                   lambda n: _repeat("“We are ready,” the minister said. “We will win.” ", n)),
    "bare quotes": ("one paragraph of quotations nobody is said to have said",
                    lambda n: _repeat("“We will win the vote.” ", n)),
    "pronoun quotes": ("one paragraph of quotations each with `he added`",
                       lambda n: _repeat("“The talks went well,” he added. ", n)),
    "reporting verbs, no stops": ("`officials said that` with no full stop, one long line",
                                  lambda n: _repeat("officials said that the minister said that ", n)),
    "capitalised names, no stops": ("names one after another with no full stop",
                                    lambda n: _repeat("Maria Lopez Juan Perez ", n)),
    "apostrophes": ("possessives and contractions with single quotes",
                    lambda n: _repeat("it's the mayor's 'plan' and 'the council's' view ", n)),
    "one word, no spaces": ("one token with no space or punctuation",
                            lambda n: "a" * n),
    "dots and spaces": ("an ellipsis run: dots separated by spaces",
                        lambda n: _repeat(". ", n)),
    "short lines": ("one word a line, no blank lines (a pasted list)",
                    lambda n: _repeat("officials\n", n)),
    "numbers glued by commas": ("1234,56,7890,...",
                                lambda n: _repeat("1234,56,7890,", n)),
    "digits and dots": ("a pasted version string with no spaces",
                        lambda n: _repeat("1.2.3.4.", n)),
}

#: The quote-dense shape compared with ordinary news.
QUOTE_DENSE = "attributed and bare quotes"

_CHILD = r"""
import sys, time, json
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[1] + "/bench")
from bench_linearity import SHAPES
from medialit.report import analyze_text
analyze_text("Officials said the talks failed. Prices rose 5%.")  # tables loaded before timing
text = SHAPES[sys.argv[2]][1](int(sys.argv[3]))
best = None
for _ in range(int(sys.argv[4])):
    t = time.process_time()
    analyze_text(text)
    dt = time.process_time() - t
    best = dt if best is None else min(best, dt)
print(json.dumps({"seconds": best, "bytes": len(text.encode("utf-8"))}))
"""


def time_shape(name: str, size: int, repeat: int = 3, limit: float = TIME_LIMIT) -> float | None:
    """CPU seconds of `analyze_text` on shape ``name`` at ``size`` bytes (best of ``repeat``),
    or None when it did not finish within ``limit`` seconds."""
    try:
        done = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT), name, str(size), str(repeat)],
                              capture_output=True, text=True, timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout)["seconds"]


def measure(shapes=None, small: int = SMALL, large: int = LARGE) -> list[tuple[str, float | None, float | None]]:
    out = []
    for name in shapes or SHAPES:
        a = time_shape(name, small)
        b = time_shape(name, large) if a is not None else None
        out.append((name, a, b))
    return out


def _fmt(seconds: float | None) -> str:
    return f"> {TIME_LIMIT:.0f} s" if seconds is None else f"{seconds:.3f} s"


def run() -> str:
    rows = measure()
    lines = ["## Linearity of `analyze`", "",
             f"CPU time of `analyze_text` per shape at {SMALL // 1000} kB and {LARGE // 1000} kB (best of 3, "
             f"fresh process, {TIME_LIMIT:.0f} s limit); growth budget: at most {GROWTH_BUDGET:.0f}x for 4x the text.", "",
             "| shape | 20 kB | 80 kB | growth | budget |", "|---|---|---|---|---|"]
    times = {}
    for name, a, b in rows:
        times[name] = b
        if a is None or b is None:
            growth, verdict = "-", "(MISSED)"
        else:
            g = b / max(a, 1e-4)
            growth, verdict = f"x{g:.1f}", "(met)" if g <= GROWTH_BUDGET else "(MISSED)"
        lines.append(f"| {name}: {SHAPES[name][0]} | {_fmt(a)} | {_fmt(b)} | {growth} | <= x{GROWTH_BUDGET:.0f} {verdict} |")
    news, dense = times.get("ordinary news (reference)"), times.get(QUOTE_DENSE)
    if news and dense:
        r = dense / news
        lines += ["", f"Quote-dense text ({QUOTE_DENSE}) at {LARGE // 1000} kB takes {r:.2f}x the time of ordinary news "
                  f"of the same size (budget <= {QUOTE_DENSE_BUDGET:.0f}x {'(met)' if r <= QUOTE_DENSE_BUDGET else '(MISSED)'})."]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"
    lines += ["", f"CPU times; load average {load} (1, 5, 15 minutes) when the runs ended."]
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) > 1:  # python bench/bench_linearity.py "repeated cue" ...: only those shapes
        for name, a, b in measure(sys.argv[1:]):
            print(f"{name}: {_fmt(a)} -> {_fmt(b)}" + (f" x{b / max(a, 1e-4):.1f}" if a and b else ""))
    else:
        print(run())
