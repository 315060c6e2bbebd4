"""`analyze_text` stays linear in the length of the text, whatever its shape.

The shapes are the ones of `bench/bench_linearity.py` (which times them at 20 kB and 80 kB
and records the growth in docs/benchmarks.md), here at 5 kB and 20 kB. A linear path grows
about 4x for 4x the text; the quadratic paths this guards against (every unclosed quote
read to the end of its paragraph, a cue's noun phrase searched to the end of the
sentence, a speaker looked up over the whole paragraph) grew 14x to 16x at these sizes.
The bound, 10x, is far from both, and each size is timed in CPU seconds, best of three,
so other work on the machine does not make the test fail.
"""
from __future__ import annotations

import importlib.util
import time

import pytest

from helpers import ROOT

_spec = importlib.util.spec_from_file_location("bench_linearity", ROOT / "bench" / "bench_linearity.py")
bench_linearity = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_linearity)

#: The figure shapes belong to the figure patterns (timed in bench/, fixed there).
SHAPES = [name for name in bench_linearity.SHAPES if "another owner" not in bench_linearity.SHAPES[name][0]]
SMALL, LARGE, BOUND = 5_000, 20_000, 10.0


def _cpu_seconds(text: str) -> float:
    from medialit.report import analyze_text

    best = float("inf")
    for _ in range(3):
        t = time.process_time()
        analyze_text(text)
        best = min(best, time.process_time() - t)
    return best


@pytest.mark.parametrize("shape", SHAPES)
def test_four_times_the_text_takes_less_than_ten_times_as_long(shape):
    from medialit.report import analyze_text

    analyze_text("Officials said the talks failed.")  # tables loaded before timing
    build = bench_linearity.SHAPES[shape][1]
    small, large = _cpu_seconds(build(SMALL)), _cpu_seconds(build(LARGE))
    assert large < BOUND * max(small, 0.002), f"{shape}: {small:.4f} s -> {large:.4f} s (x{large / max(small, 1e-6):.1f})"


def test_the_shapes_are_what_they_say():
    """Each shape keeps its character at both sizes (a builder that returned the same short
    text for every size would make the timing test pass without testing anything)."""
    for name in SHAPES:
        build = bench_linearity.SHAPES[name][1]
        small, large = build(SMALL), build(LARGE)
        assert 0.8 * SMALL <= len(small.encode("utf-8")) <= SMALL * 1.05, name
        assert 0.8 * LARGE <= len(large.encode("utf-8")) <= LARGE * 1.05, name
    assert "\n" not in bench_linearity.SHAPES["unclosed opening quotes"][1](LARGE)  # one paragraph
    assert "”" not in bench_linearity.SHAPES["unclosed opening quotes"][1](LARGE)  # never closed


def test_unclosed_quotes_are_read_once_each():
    """Each unclosed opening mark in a paragraph gives one quotation that ends where the
    next one opens, not one per mark running to the end of the paragraph."""
    from medialit.quotes import find_quotes

    text = "“We will stay “We will not go “We are ready"
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["“We will stay", "“We will not go", "“We are ready"]
    assert all(not q.closed and q.depth == 0 for q in quotes)
    many = find_quotes("“We will not leave the talks " * 400)
    assert len(many) == 400 and sum(len(q.text) for q in many) < 13_000  # linear, not 400 x the paragraph
