"""Benchmark for medialit.checks.internal (an article's figures checked against each other).

``run()`` measures, at run time, on this machine:
- the invented test set of ``tests/checks/test_internal.py``: how many cases are judged right;
- the internal verdicts on the seeds and, when it is there (``../shared/devset``, beside the
  repository), on the development set's articles (their text is read, never copied);
- the time ``check_internal`` adds to figure extraction, at 20 kB and 80 kB of the test
  sentences, and on one long sentence of shares (the growth factor for 4x the text).

Run it alone with ``python bench/bench_checks.py``.
"""
from __future__ import annotations

import importlib.util
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset"


def _cases():
    sys.path.insert(0, str(ROOT / "tests"))
    spec = importlib.util.spec_from_file_location("_internal_cases", ROOT / "tests" / "checks" / "test_internal.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.CASES, module.SILENT


def _time_internal(text: str) -> float:
    """Seconds check_internal takes on ``text`` beyond its figure extraction (best of 5)."""
    from medialit.checks import check_internal
    from medialit.corpus.document import Document
    from medialit.figures import extract

    best = float("inf")
    for _ in range(5):
        doc = Document(text)
        extract(doc)                      # figures found first: only the checks are timed
        t0 = time.perf_counter()
        check_internal(doc)
        best = min(best, time.perf_counter() - t0)
    return best


def _sized(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def run() -> str:
    from medialit.checks import check_internal
    from medialit.corpus import load_corpus

    cases, silent = _cases()
    right = sum([(c.check, c.verdict) for c in check_internal(t, article_date=d)] == [(n, v)] for t, d, n, v, _ in cases)
    quiet = sum(check_internal(t, article_date="2024-05-01") == [] for t in silent)
    verdicts = [v for *_, v, _ in cases]
    lines = ["## Internal consistency checks (`medialit.checks.check_internal`)", ""]
    lines.append(f"- Invented test set: **{right} of {len(cases)}** cases judged right "
                 f"({verdicts.count('consistent')} consistent, {verdicts.count('inconsistent')} inconsistent, "
                 f"{verdicts.count('cannot tell')} cannot tell); {quiet} of {len(silent)} texts with untied figures "
                 "left alone.")

    def tally(found) -> str:
        return ", ".join(f"{found.count(v)} {v}" for v in ("consistent", "inconsistent", "cannot tell"))

    seeds = []
    for a in load_corpus():
        date = a.published if a.published != "unknown" else a.story_date
        seeds += [c.verdict for c in check_internal(a.text, article_date=date)]
    lines.append(f"- The five seeds: {tally(seeds)}.")
    if (DEVSET / "articles").is_dir():
        dev, n = [], 0
        for path in sorted((DEVSET / "articles").glob("*.txt")):
            raw = path.read_text(encoding="utf-8")
            m = re.search(r"^DATE:\s*(\d{4}-\d{2}-\d{2})", raw, re.M)
            dev += [c.verdict for c in check_internal(raw.split("\n\n", 1)[-1], article_date=m.group(1) if m else None)]
            n += 1
        lines.append(f"- The development set ({n} real articles): {tally(dev)}.")
    else:
        lines.append("- The development set is not beside the repository: not measured.")
    lines.append("")
    lines.append("Time `check_internal` adds to figure extraction (best of 5), and its growth for 4x the text "
                 "(linear is x4; the machine is shared, so small timings are noisy):")
    lines.append("")
    lines.append("| input | 20 kB | 80 kB | growth |")
    lines.append("|---|---:|---:|---:|")
    mix = " ".join(t for t, *_ in cases) + "\n\n"
    inputs = {
        "the test sentences, repeated": mix,
        "one paragraph of shares ('Twelve of the 40 members, nearly half, voted no. ...')":
            "Twelve of the 40 members, nearly half, voted no. ",
        "one paragraph of sums ('40 homes in Ashby and 25 in Brill. In all, 65 homes were lost. ...')":
            "The flood destroyed 40 homes in Ashby and 25 in Brill. In all, 65 homes were lost. ",
        "one sentence of changes, no full stop ('from 120 to 150, a 30% jump, and ...'; over 60 figures: skipped)":
            "rose from 120 to 150, a 30% jump, and ",
    }
    for name, unit in inputs.items():
        small, big = _time_internal(_sized(unit, 20_000)), _time_internal(_sized(unit, 80_000))
        lines.append(f"| {name} | {small * 1000:.1f} ms | {big * 1000:.1f} ms | x{big / max(small, 1e-9):.1f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(run())
