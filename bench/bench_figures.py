"""Benchmark for medialit.figures.extraction: the seeds and a large text through ``medialit.figures.extraction.extract``
and, side by side, through quantulum3 (a test-only dependency, never used inside medialit).

``run()`` measures at run time and returns a Markdown section; nothing here is hard-coded.
"""
from __future__ import annotations

import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Figure-dense news-style paragraphs written for this benchmark (markets, health, crime, courts),
# so the speed is also measured on text with many more numbers than the seeds.
DENSE = """\
Shares of the carmaker fell 4.2% to $31.15 on Tuesday after it cut its forecast, wiping about $3bn off its market value. The S&P 500 slipped 0.8%, or 36 points, to 4,512.
Brent crude rose $2.10 to $96.40 a barrel, its highest since September, while US crude gained 1.9 per cent. Analysts expect demand of 101.2 million barrels a day next year.
Health officials reported 1,245 new cases and 12 deaths in the past 24 hours, bringing the total to more than 310,000 cases since March 2020. About 68% of adults have had two doses.
The hospital said waiting times rose by 15 minutes on average, and that one in five patients waited more than four hours. The trust will spend £12.5m on 40 extra beds by 2025.
Police arrested three men, aged 19, 23 and 27, after a stabbing in the 300 block of Elm Street at about 11 p.m. on Saturday. A 16-year-old boy was taken to hospital with serious injuries.
A jury found the former official guilty on four counts of fraud. He faces up to 20 years in prison and a fine of up to $250,000; sentencing is set for 14 June.
The court ruled 6-3 that the law, passed in 2019, was valid. Lawyers for the two companies said they would appeal within 30 days, citing damages of between $5 million and $10 million.
Dozens of residents attended the meeting, and several hundred signed a petition against the 12-storey tower, which would add 240 flats and cost an estimated $85 million.
"""


def _seed_texts() -> dict[str, str]:
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}


def _time(fn, text: str, repeat: int = 1) -> tuple[float, int]:
    best, n = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n = len(fn(text))
        best = min(best, time.perf_counter() - t0)
    return best, n


def _gold_section() -> list[str]:
    """Recall, precision and kind/value agreement on the hand-labelled news paragraphs."""
    import sys
    sys.path.insert(0, str(ROOT / "tests"))
    from figures_gold import score

    s = score()
    return ["Accuracy on `tests/data/figures_gold.toml` (hand-labelled news paragraphs: markets, health, "
            "crime, courts; the misses are listed in docs/figures.md):", "",
            "| labelled figures | found (recall) | reported | real (precision) | right kind and value | right unit |",
            "|---:|---:|---:|---:|---:|---:|",
            f"| {s.labels} | {s.found} ({s.recall:.1%}) | {s.reported} | {s.correct_reports} ({s.precision:.1%}) "
            f"| {s.agree} of {s.found} ({s.agreement:.1%}) | {s.unit_agree} of {s.found} |", ""]


def _heldout_section() -> list[str]:
    """The held-out invented articles (tests/fixtures/figures_heldout/), scored the devset's way,
    one line per round and one for all (first scores, before the rules for each round: docs/figures.md)."""
    import sys
    sys.path.insert(0, str(ROOT / "tests"))
    from figures_heldout import FIRST_SCORES, HERE, score

    rounds = sorted({p.name[0] for p in HERE.glob("*.txt")})
    lines = ["Held-out invented articles (`tests/fixtures/figures_heldout/`, labels written before the kit was run "
             "on them; issue 13's targets on unseen news: recall 0.96, precision 0.97, kind 0.93), now:", ""]
    for pattern in [f"{r}*.txt" for r in rounds] + ["*.txt"]:
        lines.append(f"    {score(pattern).line(f'held-out figures ({pattern})')}")
    lines += ["", "The first score of each round, before any rule was written for it (the honest estimate; "
              "recorded in tests/figures_heldout.py, see docs/figures.md):", ""]
    lines += [f"    {FIRST_SCORES[f'{r}*.txt']}" for r in rounds if f"{r}*.txt" in FIRST_SCORES]
    return lines + [""]


def devset_line(devset: Path | None = None) -> str:
    """The summary line of ``../shared/devset/score.py figures`` run with this checkout's
    ``medialit`` (issue 13's targets: recall 0.98, precision 0.97, kind 0.95, value 0.97)."""
    import sys
    sys.path.insert(0, str(ROOT / "bench"))
    from devset_score import DEVSET, run_score

    r = run_score("figures", devset or DEVSET)
    if r is None:
        return "devset not present: skipped"
    if r.returncode != 0:
        return f"devset score failed ({r.returncode}): {(r.stderr or r.stdout).strip()[-200:]}"
    lines = [ln.strip() for ln in r.stdout.splitlines() if ln.strip().startswith("devset")]
    return lines[-1] if lines else (r.stdout.strip().splitlines() or ["no output"])[-1]


def _linearity_section(extract) -> list[str]:
    """Growth factor of ``extract`` from 20 kB to 80 kB of each text shape in
    tests/figures_shapes.py (one paragraph, no sentence breaks); linear is 4x, quadratic 16x."""
    import gc
    import sys
    sys.path.insert(0, str(ROOT / "tests"))
    from figures_shapes import SHAPES, shape
    from medialit.text import sentences

    def once(text: str, spans) -> float:
        gc.collect()
        gc.disable()
        try:
            t0 = time.process_time()
            extract(text, sentence_spans=spans)
            return time.process_time() - t0
        finally:
            gc.enable()

    rows, worst = [], 0.0
    for name in SHAPES:
        small, large = shape(name, 20_000), shape(name, 80_000)
        s_spans, l_spans = sentences(small), sentences(large)
        a = b = float("inf")
        for _ in range(5):   # alternated, so that a busy spell on the shared machine hits both sizes
            a = min(a, once(small, s_spans))
            b = min(b, once(large, l_spans))
        growth = b / max(a, 1e-6)
        worst = max(worst, growth)
        rows.append(f"| {name} | {a * 1000:.1f} | {b * 1000:.1f} | {growth:.1f}x |")
    return ["Linearity (issue 18): CPU time of `extract` (sentences given, garbage collection paused, best of 5, the two sizes alternated) on one paragraph of "
            "each shape at 20 kB and at 80 kB. Linear growth is 4x; the budget is at most 5x.", "",
            "| shape | 20 kB ms | 80 kB ms | growth |", "|---|---:|---:|---:|", *rows, "",
            f"Largest growth: {worst:.1f}x ({'met' if worst <= 5 else 'NOT met'}, budget 5x).", ""]


def run() -> str:
    from medialit.figures import extract

    seeds = _seed_texts()
    extract("warm up: $5 on 1 May 2020")          # load the rules once, outside the timings
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser as q_parser
            t0 = time.perf_counter()
            q_parser.parse("warm up: $5")
            q_load = time.perf_counter() - t0
        quantulum = q_parser.parse
    except Exception as exc:  # pragma: no cover - quantulum3 is optional
        quantulum, q_load = None, 0.0
        q_error = f"{type(exc).__name__}: {exc}"

    lines = ["## Figures (`medialit.figures.extraction.extract`, compared with quantulum3)", ""]
    lines.append("Figures found in each seed and the time taken. quantulum3 finds quantities with units; "
                 "it does not read dates, years, vague words ('dozens') or number words used as counts the "
                 "same way, so the counts measure different things: the point is what each one sees.")
    lines.append("")
    lines.append("| text | characters | medialit figures | medialit ms | quantulum3 quantities | quantulum3 ms |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for name, text in seeds.items():
        t_m, n_m = _time(extract, text, repeat=5)
        if quantulum:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                t_q, n_q = _time(quantulum, text)
            q_cells = f"{n_q} | {t_q * 1000:.1f}"
        else:
            q_cells = "n/a | n/a"
        lines.append(f"| seed {name} | {len(text):,} | {n_m} | {t_m * 1000:.2f} | {q_cells} |")

    from medialit.text import sentences

    big_seeds = "\n\n".join(seeds.values())
    big_seeds = big_seeds * max(1, 1_000_000 // len(big_seeds))
    big_dense = DENSE * max(1, 1_000_000 // len(DENSE))
    lines += ["", "Speed on about 1 MB of text (best of 3 runs; quantulum3 timed on a 20 kB sample and scaled). "
              "`extract` splits the text into sentences itself (`medialit.text.split.sentences`, timed alone in its own "
              "column); a caller that already has the sentences passes `sentence_spans=` and pays only the "
              "figures work (column 'given sentences'):", "",
              "| text | MB | medialit figures | figures per kB | `extract` MB/s | given sentences MB/s | `sentences` alone MB/s | quantulum3 MB/s |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    rates, speedups = [], []
    for label, text in (("seeds, repeated", big_seeds), ("figure-dense news paragraphs, repeated", big_dense)):
        t_m, n_m = _time(extract, text, repeat=3)
        spans = sentences(text)
        t_g, _ = _time(lambda t: extract(t, sentence_spans=spans), text, repeat=3)
        t_s, _ = _time(sentences, text, repeat=3)
        mb = len(text.encode("utf-8")) / 1e6
        if quantulum:
            sample = text[:20_000]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                t_q, _ = _time(quantulum, sample)
            q_rate = f"{len(sample.encode('utf-8')) / 1e6 / t_q:.3f}"
            t_ms, _ = _time(extract, sample, repeat=5)
            speedups.append((label.split(",")[0], t_q / t_ms))
        else:
            q_rate = "n/a"
        rates.append((f"`extract` on {label.split(',')[0]}", mb / t_m, 6.0 if label.startswith("seeds") else 2.0))
        lines.append(f"| {label} | {mb:.2f} | {n_m:,} | {n_m / (mb * 1000):.1f} | {mb / t_m:.2f} | {mb / t_g:.2f} "
                     f"| {mb / t_s:.2f} | {q_rate} |")
    lines.append("")
    if speedups:
        lines.append("On the same 20 kB samples, `extract` is " + "; ".join(
            f"{x:,.0f}x as fast as quantulum3 on the {name} ({'met' if x >= 500 else 'NOT met'}, goal 500x)"
            for name, x in speedups) + ".")
        lines.append("")
    lines += _linearity_section(extract)
    lines += ["Development set (12 real articles, `../shared/devset/score.py figures`; targets recall 0.98, "
              "precision 0.97, kind 0.95, value 0.97):", "", f"    {devset_line()}", ""]
    lines += _heldout_section()
    lines += _gold_section()
    if quantulum:
        lines.append(f"quantulum3 needed {q_load:.1f} s to load before its first answer (not included above).")
    else:
        lines.append(f"quantulum3 could not be loaded ({q_error}); only medialit was measured.")
    lines.append("The budget is at least 1 MB/s per core for `medialit analyze`, which runs five passes, so the "
                 "figures pass aims at 6 MB/s on the seeds and 2 MB/s on figure-dense text. Measured here: "
                 + "; ".join(f"{label} {rate:.2f} MB/s ({'met' if rate >= goal else 'NOT met'}, goal {goal:g})"
                             for label, rate, goal in rates) + ". "
                 "Its cost grows with the number of figures, not the length of the text: the dense paragraphs have "
                 "a figure every few words, far more than news articles usually do.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run())
