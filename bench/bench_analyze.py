"""`medialit analyze`: import and start-up time, throughput on a figure- and quote-dense mix of
the kit's own texts (with nltk Punkt's split-only speed on the same text, measured in the
same run), the cost of `--json`, peak memory on a 50 MB file, and `--jobs 2` against one job."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMPORT = "import medialit.report.analysis, medialit.compare.comparison, medialit.corpus.articles"


def import_seconds(repeat: int = 5) -> tuple[float, float]:
    """Median wall time of a fresh interpreter importing the analysis layer, minus a bare start-up."""
    def best(code: str) -> float:
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append(time.perf_counter() - t)
        return statistics.median(times)
    bare = best("pass")
    return best(IMPORT) - bare, bare


def large_text(target_bytes: int = 2_000_000) -> str:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    parts, size, i = [], 0, 0
    while size < target_bytes:
        parts.append(seeds[i % len(seeds)])
        size += len(parts[-1].encode("utf-8"))
        i += 1
    return "\n\n".join(parts)


def _test_quotes() -> list[str]:
    """The quotation examples of tests/quotes/test_finder.py (string literals with a quotation mark)."""
    import ast
    tree = ast.parse((ROOT / "tests" / "quotes" / "test_finder.py").read_text(encoding="utf-8"))
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and len(n.value) > 40 and any(c in n.value for c in "“”\"«")]


def mix_units() -> list[str]:
    """One round of the figure- and quote-dense mix, as separate articles: the five seeds,
    the hand-labelled figure paragraphs (tests/data/figures_gold.toml) twice, the
    quotation examples of the quote tests three times and the local-news test article
    twice. All of it is the kit's own text (no devset article)."""
    from medialit.rules import tomllib

    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    figures = [p["text"] for p in tomllib.loads((ROOT / "tests" / "data" / "figures_gold.toml")
                                                 .read_text(encoding="utf-8"))["paragraph"]]
    quotes = _test_quotes()
    local = (ROOT / "tests" / "data" / "sourcing_local_news.txt").read_text(encoding="utf-8")
    units = []
    for i, seed in enumerate(seeds):
        units.append(seed)
        units.append("\n\n".join(figures[i::len(seeds)] * 2))
        units.append("\n\n".join(quotes[i::len(seeds)] * 3))
    units += [local, local]
    return units


def mix_text(target_bytes: int = 2_000_000) -> str:
    """The mix repeated to about ``target_bytes`` (UTF-8), units separated by blank lines."""
    units = mix_units()
    parts, size, i = [], 0, 0
    while size < target_bytes:
        parts.append(units[i % len(units)])
        size += len(parts[-1].encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


def _best(fn, repeat: int = 3) -> tuple[float, float]:
    """(wall, CPU) seconds of the fastest of ``repeat`` calls (other work on a shared machine
    only ever slows a run down)."""
    runs = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    return min(runs)


def _env() -> dict:
    """This checkout first on the path, and bytecode written and used as an installed package
    has it (a PYTHONDONTWRITEBYTECODE in the environment would make every run compile
    every module from source)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    return env


def _cli(*args: str, stdout=subprocess.DEVNULL) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "medialit.cli", *args], check=True, stdout=stdout, cwd=ROOT, env=_env())
    return time.perf_counter() - t


def startup_seconds(tmp: Path, repeat: int = 5) -> tuple[float, float]:
    """Median wall time of ``medialit --version`` and of ``medialit analyze`` on a one-line
    file, each in a fresh interpreter (with bytecode already written, as an install has it)."""
    one = tmp / "one.txt"
    one.write_text("Officials said the talks failed.\n", encoding="utf-8")
    _cli("analyze", str(one))  # writes the bytecode once
    version = statistics.median(_cli("--version") for _ in range(repeat))
    analyze = statistics.median(_cli("analyze", str(one)) for _ in range(repeat))
    return version, analyze


def punkt_split(text: str) -> list[str]:
    """nltk's Punkt sentence splitting alone (no training, no downloaded model)."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    return PunktSentenceTokenizer().tokenize(text)


def json_overhead(path: Path, repeat: int = 5) -> tuple[float, float]:
    """CPU seconds of `analyze`'s per-file work on ``path`` with a text report and with
    ``--json`` (reading, analysis, rendering), best of ``repeat`` each; the two are run in
    turn, so a busy spell of a shared machine slows both alike."""
    from medialit.cli.analyze import render

    text, as_json = [], []
    for _ in range(repeat):
        text.append(_best(lambda: render(path, as_json=False), 1)[1])
        as_json.append(_best(lambda: render(path, as_json=True), 1)[1])
    return min(text), min(as_json)


_PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)
"""


def peak_memory(path: Path, *extra: str) -> tuple[int, float]:
    """(peak resident bytes, wall seconds) of ``medialit analyze EXTRA PATH`` in a fresh process."""
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _PEAK, sys.executable, "-m", "medialit.cli", "analyze",
                          "--max-size", "1000", *extra, str(path)], check=True, capture_output=True, text=True,
                         cwd=ROOT, env=_env())
    return int(out.stdout.strip()), time.perf_counter() - t


def memory_by_pass(text: str) -> list[tuple[str, float, float]]:
    """(pass, peak, held after it) in bytes of Python allocations (tracemalloc) while
    ``analyze_text``'s passes run one after another on ``text``, as it runs them."""
    import tracemalloc

    from medialit.corpus.document import Document
    from medialit.figures import extraction
    from medialit.quotes import finder
    from medialit.records import dump
    from medialit.report.analysis import _READ_BEFORE_FIGURES, Analysis
    from medialit.sourcing import tagger

    rows = []
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]

    def step(name: str) -> None:
        now, peak = tracemalloc.get_traced_memory()
        rows.append((name, peak - base, now - base))
        tracemalloc.reset_peak()

    try:
        doc = Document(text)
        doc.sentences
        step("boilerplate and sentences")
        tagged = tuple(tagger.tag(doc))
        step("quotes and sourcing")
        found = tuple(finder.find_quotes(doc))
        doc.forget(*_READ_BEFORE_FIGURES)
        step("layers let go")
        figures = tuple(extraction.extract(doc))
        step("figures")
        result = Analysis(path=None, title=None, text=text, sentences=tagged, quotes=found, figures=figures,
                          boilerplate=doc.boilerplate)
        del doc, tagged, found, figures
        step("the report alone")
        dump(result, lambda chunk: None)
        step("JSON written (streamed)")
    finally:
        tracemalloc.stop()
    return rows


def folder_of_articles(tmp: Path, n: int = 200) -> Path:
    """``n`` article-sized files (a seed with its figure and quotation paragraphs from the mix)."""
    folder = tmp / "folder"
    folder.mkdir()
    units = mix_units()
    articles = ["\n\n".join(units[k:k + 3]) for k in range(0, len(units) - 2, 3)]
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(articles[i % len(articles)], encoding="utf-8")
    return folder


def _cli_timed(*args: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one ``medialit`` run; CPU counts the process and its workers."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = _cli(*args)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def jobs_seconds(folder: Path, repeat: int = 3) -> dict[int, tuple[float, float]]:
    """Best (wall, CPU) of ``repeat`` runs of ``analyze --json --jobs N`` on the folder for
    N = 1 and 2, the two run in turn, so a busy spell of a shared machine slows both alike."""
    files = sorted(str(p) for p in folder.glob("*.txt"))
    runs: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
    for _ in range(repeat):
        for jobs in runs:
            runs[jobs].append(_cli_timed("analyze", "--json", "--jobs", str(jobs), *files))
    return {jobs: min(times) for jobs, times in runs.items()}


def jobs_bound(folder: Path, repeat: int = 3) -> tuple[float, float, float]:
    """(serial, work, bound): CPU seconds of what every ``analyze --jobs`` run does once
    before any file is worked on (a fresh interpreter starting, importing the command and
    compiling the rule tables: the workers are forked after it), CPU seconds of the files' own work
    (read, analyse, lay out the JSON) in one process, best of ``repeat`` each, and the best
    ratio of one job's time to two jobs' that these allow (Amdahl's law, with no cost at
    all for the workers)."""
    from medialit.cli.analyze import _warm_up, render_bytes

    code = "import time; import medialit.cli.analyze as a; a._warm_up(); print(time.process_time())"
    serial = min(float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                                      cwd=ROOT, env=_env()).stdout) for _ in range(repeat))
    _warm_up()
    files = sorted(folder.glob("*.txt"))
    work = _best(lambda: [render_bytes(p, as_json=True) for p in files], repeat)[1]
    return serial, work, (serial + work) / (serial + work / 2)


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"


def run() -> str:
    import tempfile

    from medialit.report import analyze_text

    imp, bare = import_seconds()
    analyze_text("Officials said the talks failed.")  # tables loaded before timing
    text = mix_text()
    mb = len(text.encode("utf-8")) / 1e6
    seconds, cpu_seconds = _best(lambda: analyze_text(text))
    result = analyze_text(text)
    punkt, punkt_cpu = _best(lambda: punkt_split(text))
    rate, punkt_rate = mb / cpu_seconds, mb / punkt_cpu
    by_pass = memory_by_pass(text)
    seeds = large_text()
    seeds_mb = len(seeds.encode("utf-8")) / 1e6
    seeds_cpu = _best(lambda: analyze_text(seeds))[1]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        version, one_line = startup_seconds(tmp)
        mix_file = tmp / "mix.txt"
        mix_file.write_text(text, encoding="utf-8")
        as_text, as_json = json_overhead(mix_file)
        big = tmp / "big.txt"
        big.write_text(mix_text(50_000_000), encoding="utf-8")
        big_mb = big.stat().st_size / 1e6
        peak, peak_wall = peak_memory(big, "--json")
        big.unlink()
        folder = folder_of_articles(tmp)
        folder_mb = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
        serial, work, bound = jobs_bound(folder)
        load_before = _load()
        timed = jobs_seconds(folder)
        (one_job, one_cpu), (two_jobs, two_cpu) = timed[1], timed[2]
        load = _load()
    overhead = as_json / as_text - 1
    ratio = peak / (big_mb * 1e6)
    speedup = one_job / two_jobs
    met = lambda ok: "(met)" if ok else "(MISSED)"  # noqa: E731
    return "\n".join([
        "## `medialit analyze`",
        "",
        f"The mix: {mb:.2f} MB of the kit's own texts (the five seeds, the figure paragraphs of "
        "`tests/data/figures_gold.toml` twice, the quotation examples of `tests/quotes/test_finder.py` three times, "
        "`tests/data/sourcing_local_news.txt` twice), repeated; no devset text. CPU seconds, best of 3, one process.",
        "",
        "| measure | result | budget |",
        "|---|---|---|",
        f"| import of the analysis layer (`{IMPORT}`), median of 5 fresh interpreters, interpreter start-up ({bare:.3f} s) subtracted | {imp:.3f} s | < 1 s {met(imp < 1)} |",
        f"| start-up: `medialit --version`, median of 5 | {version:.3f} s | < 0.3 s {met(version < 0.3)} |",
        f"| start-up: `medialit analyze` of a one-line file, median of 5 | {one_line:.3f} s | < 0.3 s {met(one_line < 0.3)} |",
        f"| `analyze_text` on the mix ({mb:.2f} MB; wall {seconds:.2f} s) | {cpu_seconds:.2f} s = {rate:.2f} MB/s | >= 1.5 MB/s per core {met(rate >= 1.5)} |",
        f"| nltk Punkt sentence splitting alone on the same text, same run | {punkt_cpu:.2f} s = {punkt_rate:.2f} MB/s | - |",
        f"| ratio: `analyze` / Punkt split-only throughput | {rate / punkt_rate:.2f} | >= 1 {met(rate >= punkt_rate)} |",
        f"| `analyze_text` on the five seeds repeated ({seeds_mb:.2f} MB) | {seeds_cpu:.2f} s = {seeds_mb / seeds_cpu:.2f} MB/s | - |",
        f"| `--json` overhead: one file's work on the mix file, text report {as_text:.2f} s, JSON {as_json:.2f} s | {overhead:+.0%} | < 10% {met(overhead < 0.10)} |",
        f"| peak memory (largest resident size) of `medialit analyze --json` on a {big_mb:.0f} MB file (the mix repeated, analysed in stretches; {peak_wall:.0f} s) | {peak / 1e6:.0f} MB = {ratio:.1f}x the file | < 6x {met(ratio < 6)} |",
        f"| a folder of 200 articles ({folder_mb:.1f} MB), `analyze --json --jobs 1` vs `--jobs 2` (wall, best of 3, run in turn) | {one_job:.2f} s vs {two_jobs:.2f} s = {speedup:.2f}x | >= 1.8x on 2 cores {met(speedup >= 1.8)} |",
        f"| the same runs' CPU time (the process and its workers) | {one_cpu:.2f} s vs {two_cpu:.2f} s | - |",
        f"| what limits `--jobs 2` on this folder: CPU of the start-up every run does once (interpreter, import, rule tables compiled) vs the files' own work | {serial:.2f} s vs {work:.2f} s: at best {bound:.2f}x | - |",
        "",
        f"Wall times (start-up, `--jobs`) depend on what else the machine runs: load average {load_before} before "
        f"the `--jobs` runs and {load} when they ended (1, 5, 15 minutes; {os.cpu_count()} cores); CPU times do not.",
        "",
        f"The mix run found {len(result.sentences)} sentences, {len(result.quotes)} quotes, "
        f"{len(result.figures)} figures and {len(result.boilerplate)} boilerplate lines.",
        "",
        f"Where the memory goes: Python allocations (tracemalloc) on the mix ({mb:.2f} MB), the passes of "
        "`analyze_text` run one after another, as multiples of the text's size in bytes (the text itself is held "
        "as 2 bytes a character: it has curly quotation marks):",
        "",
        "| after | peak during the step | held after it |",
        "|---|---:|---:|",
        *(f"| {name} | {peak / (mb * 1e6):.1f}x | {held / (mb * 1e6):.1f}x |" for name, peak, held in by_pass),
        "",
        "The report alone (one record for every sentence, quotation and figure, each with its own text) holds "
        f"{by_pass[-2][2] / (mb * 1e6):.0f}x the text, so a long file is not analysed whole: `analyze` reads a "
        "file over 2 MB a stretch of paragraphs at a time (0.5 M characters, with 4,000 characters of context on "
        "each side for the rules that look back or ahead) and writes each stretch's records before it analyses "
        "the next (`docs/streaming.md`). What is left of the peak is mostly the file's text itself, held once "
        "(2 bytes a character here), and one stretch's analysis.",
    ])


if __name__ == "__main__":
    print(run())
