"""Benchmark for medialit.sourcing and medialit.quotes: speed and agreement with the gold file.

``run()`` measures, at run time, on this machine:
- throughput of ``sourcing.tag`` + ``quotes.find_quotes`` article by article (the five
  seeds, repeated), and on one long text (the seeds joined and repeated to ~1 MB), in MB
  of UTF-8 text per second on one core;
- agreement of ``tag`` with the hand-labelled ``tests/data/sourcing_gold.toml``.

Run it alone with ``python bench/bench_sourcing.py``.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_MB_S = 1.0


def _rate(fn, texts: list[str], repeat: int = 3) -> float:
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()  # CPU time of this process: "per core", even on a busy machine
        for t in texts:
            fn(t)
        best = min(best, time.process_time() - t0)
    return size / best


def run() -> str:
    from medialit.quotes import find_quotes
    from medialit.sourcing import tag

    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    articles = seeds * 20
    joined = "\n\n".join(seeds)
    long_text = "\n\n".join([joined] * (1_000_000 // len(joined.encode("utf-8")) + 1))

    def both(text: str) -> None:
        tag(text)  # tag() finds the quotations itself; find_quotes is timed on its own below
    tag_rate = _rate(both, articles)
    quote_rate = _rate(find_quotes, articles)
    long_rate = _rate(both, [long_text], repeat=1)
    combined = 1 / (1 / tag_rate + 1 / quote_rate)

    sys.path.insert(0, str(ROOT / "tests"))
    from sourcing_gold import agreement, compare
    rows = compare()
    labels, hedges = agreement(rows)

    ok = "meets" if min(tag_rate, long_rate) >= BUDGET_MB_S else "MISSES"
    return "\n".join([
        "## Sourcing and quotes",
        "",
        f"Measured with `bench/bench_sourcing.py` (best of 3, CPU time of one process, so per core). Budget: `medialit analyze` "
        f">= {BUDGET_MB_S:g} MB/s per core; sourcing {ok} it on its own.",
        "",
        "| what | throughput |",
        "|---|---|",
        f"| `sourcing.tag` (includes finding quotations), seed articles one by one | {tag_rate:.2f} MB/s |",
        f"| `quotes.find_quotes` alone, seed articles one by one | {quote_rate:.2f} MB/s |",
        f"| `tag` + `find_quotes` called one after the other | {combined:.2f} MB/s |",
        f"| `tag` on one long text of {len(long_text.encode('utf-8')) / 1e6:.1f} MB | {long_rate:.2f} MB/s |",
        "",
        f"Agreement with the hand-labelled gold file ({len(rows)} sentences and boilerplate lines of the "
        f"five seeds): labels {labels:.1%}, hedge flags {hedges:.1%}. The seeds were also used to develop "
        "the rules, so this is an upper bound; see docs/sourcing.md.",
    ])


if __name__ == "__main__":
    print(run())
