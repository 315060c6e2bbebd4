"""Benchmark for medialit.corpus.read_page: speed on a large page, and body F1 on the devset.

``run()`` measures, at run time, on this machine:
- seconds for one ~200 kB page with ``read_page`` (best of 5) and pages per second, against
  the budget "a 200 kB page in < 0.2 s on one core". The page is the kit's own invented
  fixture ``tests/fixtures/pages/harbor-ledger-ferry.html`` with its story body repeated
  (fresh paragraphs, so trafilatura sees a long article) and its comment section repeated
  (so there is plenty of furniture to leave out);
- when ``ROOT.parent/"shared"/"devset"`` exists, the body F1 line printed by
  ``score.py pages`` run against this checkout's code. When it is absent the section says
  so and the benchmark still succeeds.

Run it alone with ``python bench/bench_pages.py``.
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devset_score import DEVSET, ROOT, run_score  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "pages" / "harbor-ledger-ferry.html"
TARGET_BYTES = 200_000
BUDGET_SECONDS = 0.2


def big_page(target: int = TARGET_BYTES) -> str:
    """The fixture grown to about ``target`` bytes: story paragraphs and comments repeated."""
    html = FIXTURE.read_text(encoding="utf-8")
    body = re.search(r'(<div class="story-body">)(.*?)(</div>)', html, re.S)
    comment = re.search(r'<div class="comment">.*?</div>', html, re.S)
    assert body and comment, "the fixture changed shape: update bench_pages.big_page"
    extra = target - len(html.encode("utf-8"))
    unit = len(body.group(2).encode("utf-8")) + len(comment.group(0).encode("utf-8"))
    n = max(extra // unit, 1)
    # Number the copies so no two paragraphs are identical (extractors drop duplicates).
    paras = "".join(re.sub(r"<p>", f"<p>[{i}] ", body.group(2)) for i in range(n))
    comments = "\n".join(comment.group(0).replace("<p>", f"<p>#{i} ", 1) for i in range(n))
    html = html[:body.start(2)] + paras + html[body.end(2):]
    return html.replace(comment.group(0), comments, 1)


def _best_seconds(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def devset_line() -> str:
    """The ``devset pages body F1 ...`` line of score.py, or why there is none."""
    r = run_score("pages")
    if r is None:
        return f"Devset not found (looked for `{DEVSET}/score.py`): body F1 not measured."
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("devset pages body F1")]
    if r.returncode or not lines:
        raise RuntimeError(f"score.py pages failed ({r.returncode}): {(r.stderr or r.stdout).strip()[-400:]}")
    return f"`score.py pages` (shingle F1 of the body against the hand-checked text): {lines[-1]}"


def run() -> str:
    """Measure and return a Markdown section with the numbers."""
    from medialit.corpus import read_page

    html = big_page().encode("utf-8")
    kb = len(html) / 1000
    page = read_page(html)
    seconds = _best_seconds(lambda: read_page(html))
    small = FIXTURE.read_bytes()
    small_s = _best_seconds(lambda: read_page(small), repeat=20)
    verdict = "within" if seconds < BUDGET_SECONDS * kb / (TARGET_BYTES / 1000) else "OVER"
    return "\n".join([
        "## Pages: reading saved web pages",
        "",
        f"Input: `tests/fixtures/pages/harbor-ledger-ferry.html` grown to {kb:.0f} kB (story paragraphs "
        f"and comments repeated); the body kept is {len(page.text):,} characters.",
        "",
        "| page | seconds (best of 5) | pages per second |",
        "|---|---|---|",
        f"| {kb:.0f} kB | {seconds:.3f} | {1 / seconds:.1f} |",
        f"| {len(small) / 1000:.1f} kB (the fixture as it is, best of 20) | {small_s:.4f} | {1 / small_s:.0f} |",
        "",
        f"Budget: a 200 kB page in < {BUDGET_SECONDS} s on one core: {verdict} budget.",
        "",
        devset_line(),
        "",
    ])


if __name__ == "__main__":
    print(run())
