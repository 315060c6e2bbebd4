"""medialit.figures.extraction: the cost of ``extract`` grows with the text, not with its square,
whatever the shape of the text (issue 18). Small sizes and a generous ratio keep the test fast and
steady: 4x the text must cost less than 8x the time (a quadratic path costs about 16x). The
20 kB / 80 kB growth factors are measured in bench/bench_figures.py."""
from __future__ import annotations

import gc
import time

import pytest

from figures_shapes import SHAPES, shape
from medialit.figures import extract
from medialit.text import sentences

SMALL, LARGE = 4_000, 16_000


def _cost(text: str, times: int, repeat: int) -> float:
    """Best CPU time, over ``repeat`` tries, of ``times`` runs of extract in a row (sentences split
    beforehand, GC paused). The small text runs 4 times per try so that both measurements are
    about as long, and the clock's grain does not decide the ratio."""
    spans = sentences(text)
    best = float("inf")
    gc.disable()
    try:
        for _ in range(repeat):
            t0 = time.process_time()
            for _ in range(times):
                extract(text, sentence_spans=spans)
            best = min(best, time.process_time() - t0)
    finally:
        gc.enable()
    return best


def _ratio(name: str, repeat: int) -> float:
    """Time of the large text over a quarter of the time of four runs of the small one."""
    k = LARGE // SMALL
    return k * _cost(shape(name, LARGE), 1, repeat) / max(_cost(shape(name, SMALL), k, repeat), 1e-4)


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_four_times_the_text_costs_less_than_eight_times_the_time(name):
    extract("warm up: $5 on 1 May 2020")
    ratio = _ratio(name, 3)
    if ratio >= 8:   # one retry: a busy machine can stall one measurement, a quadratic path stalls every time
        ratio = _ratio(name, 5)
    assert ratio < 8, f"{name}: {LARGE // SMALL}x the text took {ratio:.1f}x the time"


def test_a_long_run_with_no_spaces_is_not_one_web_address():
    """A pasted string longer than any link is read piece by piece, not judged as one address."""
    text = "ref " + "1.2." * 1000 + "www.example.com"
    figs = extract(text)
    assert figs and all(f.kind == "number" for f in figs)


def test_a_link_with_digits_is_still_excluded_once_as_a_whole():
    from medialit.figures import excluded
    text = "See example.com/2019/05/story-123.html and 40 people."
    ex = excluded(text)
    assert [e.text for e in ex] == ["example.com/2019/05/story-123.html"]
    assert [f.text for f in extract(text)] == ["40 people"]
