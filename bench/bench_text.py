"""Benchmark for medialit.text.split: splitting speed and accuracy against other splitters.

``run()`` measures, at run time, on this machine:
- throughput of ``sentences()`` and ``words()`` on the seed articles repeated to ~2 MB;
- exact-match rate of medialit, nltk Punkt (default parameters, no trained model) and
  pysbd (if installed) on the case table in ``tests/text/test_split.py``;
- the throughput of those two alternatives on a smaller sample.

Run it alone with ``python bench/bench_text.py``.
"""
from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
TARGET_BYTES = 2_000_000


def _corpus(target: int) -> str:
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    return "\n\n".join([seeds] * (target // len(seeds.encode("utf-8")) + 1))


def _best_rate(fn: Callable[[str], object], text: str, repeat: int = 3) -> float:
    """Best-of-``repeat`` throughput in MB/s (UTF-8 bytes)."""
    size = len(text.encode("utf-8")) / 1e6
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return size / best


def _case_table() -> list[tuple[str, str, list[str]]]:
    sys.path.insert(0, str(ROOT / "tests"))  # the case table module imports tests/helpers.py
    spec = importlib.util.spec_from_file_location("_text_cases", ROOT / "tests" / "text" / "test_split.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.SPLIT_CASES


def _splitters() -> dict[str, Callable[[str], list[str]]]:
    from medialit.text import sentences

    out: dict[str, Callable[[str], list[str]]] = {
        "medialit.text.split": lambda t: [s.text for s in sentences(t)],
    }
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    punkt = PunktSentenceTokenizer()  # no training, no downloaded model
    out["nltk Punkt (default parameters)"] = lambda t: [s.strip() for s in punkt.tokenize(t) if s.strip()]
    out["nltk Punkt + medialit's abbreviations"] = _punkt_with_our_abbreviations()
    try:
        import pysbd
    except ImportError:  # optional comparison
        return out
    seg = pysbd.Segmenter(language="en", clean=False)
    out[f"pysbd {getattr(pysbd, '__version__', '')}".strip()] = (
        lambda t: [s.strip() for s in seg.segment(t) if s.strip()])
    return out


def _punkt_with_our_abbreviations() -> Callable[[str], list[str]]:
    """Punkt given the abbreviation table medialit uses (the 'set parameters' option)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from medialit.text.split import _rules

    rules = _rules()
    params = PunktParameters()
    params.abbrev_types = {w.lower() for w in rules.never_final | rules.ambiguous | rules.before_number
                           | rules.time} | {"u.s", "u.n", "e.u", "u.k", "u.s.a", "d.c", "ph.d"}
    punkt = PunktSentenceTokenizer(params)
    return lambda t: [s.strip() for s in punkt.tokenize(t) if s.strip()]


def run() -> str:
    """Measure and return a Markdown section with the numbers."""
    from medialit.text import sentences, words

    big = _corpus(TARGET_BYTES)
    mb = len(big.encode("utf-8")) / 1e6
    n_sent, n_words = len(sentences(big)), len(words(big))
    rate_s = _best_rate(sentences, big)
    rate_w = _best_rate(words, big)

    cases = _case_table()
    sample = _corpus(200_000)[:200_000]
    rows = []
    failures: dict[str, list[str]] = {}
    for name, split in _splitters().items():
        ok = 0
        for case_id, text, expected in cases:
            try:
                good = split(text) == expected
            except Exception:  # a crash counts as a miss
                good = False
            ok += good
            if not good:
                failures.setdefault(name, []).append(case_id)
        speed = _best_rate(split, sample)
        rows.append(f"| {name} | {ok}/{len(cases)} ({100 * ok / len(cases):.0f}%) | {speed:.2f} |")

    lines = [
        "## Text: sentences and words",
        "",
        f"Input: the seed articles repeated to {mb:.1f} MB ({n_sent} sentences, {n_words} words).",
        "",
        "| function | throughput (MB/s, best of 3) |",
        "|---|---|",
        f"| `sentences()` | {rate_s:.1f} |",
        f"| `words()` | {rate_w:.1f} |",
        "",
        f"Sentence splitting on the {len(cases)}-case table in `tests/text/test_split.py` (exact match "
        "of every sentence), and throughput on a 0.2 MB sample (best of 3):",
        "",
        "| splitter | cases right | MB/s |",
        "|---|---|---|",
        *rows,
        "",
    ]
    for name, missed in failures.items():
        shown = ", ".join(missed[:12]) + (" ..." if len(missed) > 12 else "")
        lines.append(f"- {name} misses: {shown}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run())
