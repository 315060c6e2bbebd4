"""Benchmark for medialit.sourcing.tagger and medialit.quotes.finder: speed and agreement with the gold file.

``run()`` measures, at run time, on this machine (CPU time of this process, so "per core"
even when the machine is busy; best of several runs):

- on one long text (the five seeds repeated to about 1 MB, as ``medialit analyze`` gets it;
  see ``bench/bench_analyze.py::large_text``): ``quotes.find_quotes`` and
  ``sourcing.tag(text, boilerplate=..., quotes=...)`` with the boilerplate and quotations
  already found (as ``medialit analyze`` calls it), and ``tag(text)`` finding them itself;
- on the seed articles one by one (the same calls, many short texts);
- how much of ``tag`` is the sentence splitter (``medialit.text.split.sentences``, not part of
  this area) so the rest can be judged on its own;
- agreement of ``tag`` with the hand-labelled ``tests/data/sourcing_gold.toml``;
- when the development set is next to the repository (``../shared/devset/score.py``, kept
  outside the repo), its sourcing score for this repository's own ``medialit`` (the summary
  lines of ``score.py sourcing``); otherwise the section says it was skipped.

Run it alone with ``python bench/bench_sourcing.py``.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devset_score import DEVSET, ROOT, run_score  # noqa: E402
TAG_TARGET_MB_S = 4.0      # sourcing.tag with boilerplate and quotes given
QUOTES_TARGET_MB_S = 8.0   # quotes.find_quotes
REPEAT = 5


def _seconds(fn, repeat: int = REPEAT) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def _verdict(rate: float, target: float) -> str:
    return f"target >= {target:g} MB/s {'(met)' if rate >= target else '(MISSED)'}"


def devset_lines(devset: Path = DEVSET) -> list[str]:
    """The summary lines of ``score.py sourcing`` run with this repository's ``medialit``
    (per-label precision and recall, then the accuracy line), or one line saying why not."""
    r = run_score("sourcing", devset)
    if r is None:
        return ["devset not present: skipped"]
    if r.returncode != 0:
        return [f"devset score failed ({r.returncode}): {(r.stderr or r.stdout).strip()[-200:]}"]
    lines = [ln.strip() for ln in r.stdout.splitlines() if ln.strip()]
    return [ln for ln in lines if ln.startswith(("named", "anonymous", "unattributed", "devset"))] or lines[-1:]


def run() -> str:
    sys.path.insert(0, str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT / "tests"))
    from bench_analyze import large_text
    from sourcing_gold import agreement, compare

    from medialit.corpus import find_boilerplate
    from medialit.quotes import find_quotes
    from medialit.sourcing import tag
    from medialit.text import sentences

    text = large_text(1_000_000)
    mb = len(text.encode("utf-8")) / 1e6
    bp = find_boilerplate(text)
    qs = find_quotes(text, skip=bp)
    t_quotes = _seconds(lambda: find_quotes(text, skip=bp))
    t_tag = _seconds(lambda: tag(text, boilerplate=bp, quotes=qs))
    t_tag_alone = _seconds(lambda: tag(text), repeat=2)
    t_split = _seconds(lambda: sentences(text, skip=bp))

    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    articles = seeds * 20
    seed_mb = sum(len(t.encode("utf-8")) for t in articles) / 1e6
    prepared = [(t, find_boilerplate(t)) for t in articles]
    prepared = [(t, b, find_quotes(t, skip=b)) for t, b in prepared]
    t_seed_quotes = _seconds(lambda: [find_quotes(t, skip=b) for t, b, _ in prepared], repeat=3)
    t_seed_tag = _seconds(lambda: [tag(t, boilerplate=b, quotes=q) for t, b, q in prepared], repeat=3)

    rows = compare()
    labels, hedges = agreement(rows)
    tag_rate, quotes_rate = mb / t_tag, mb / t_quotes
    own = t_tag - t_split
    return "\n".join([
        "## Sourcing and quotes",
        "",
        f"Measured with `bench/bench_sourcing.py`: CPU time of one process (so per core), best of {REPEAT} runs. "
        f"The long text is the five seeds repeated to {mb:.2f} MB.",
        "",
        "| what | time | throughput | target |",
        "|---|---|---|---|",
        f"| `quotes.find_quotes(text, skip=boilerplate)`, long text | {t_quotes * 1000:.0f} ms | {quotes_rate:.2f} MB/s "
        f"| {_verdict(quotes_rate, QUOTES_TARGET_MB_S)} |",
        f"| `sourcing.tag(text, boilerplate=..., quotes=...)`, long text | {t_tag * 1000:.0f} ms | {tag_rate:.2f} MB/s "
        f"| {_verdict(tag_rate, TAG_TARGET_MB_S)} |",
        f"| of which `text.sentences` (the splitter, another module) | {t_split * 1000:.0f} ms | | |",
        f"| `tag` without the splitter | {own * 1000:.0f} ms | {mb / own:.2f} MB/s | |",
        f"| `sourcing.tag(text)` finding boilerplate and quotes itself, long text | {t_tag_alone * 1000:.0f} ms "
        f"| {mb / t_tag_alone:.2f} MB/s | |",
        f"| `find_quotes`, the seeds one by one ({len(articles)} articles, {seed_mb:.2f} MB) | {t_seed_quotes * 1000:.0f} ms "
        f"| {seed_mb / t_seed_quotes:.2f} MB/s | |",
        f"| `tag` with boilerplate and quotes given, the seeds one by one | {t_seed_tag * 1000:.0f} ms "
        f"| {seed_mb / t_seed_tag:.2f} MB/s | |",
        "",
        f"Agreement with the hand-labelled gold file ({len(rows)} sentences and boilerplate lines of the "
        f"five seeds): labels {labels:.1%}, hedge flags {hedges:.1%}. The seeds were also used to develop "
        "the rules, so this is an upper bound; see docs/sourcing.md.",
        "",
        "Development set of real articles (`../shared/devset/score.py sourcing`, kept outside the repository):",
        "",
        *[f"    {ln}" for ln in devset_lines()],
    ])


if __name__ == "__main__":
    print(run())
