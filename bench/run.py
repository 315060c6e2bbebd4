"""`make bench`: run every bench/bench_*.py and write docs/benchmarks.md.

Each module exposes `run() -> str` returning a Markdown section measured at run time.
A benchmark that fails is reported in the page (with its error), and the others still run.
"""
from __future__ import annotations

import datetime
import importlib.util
import os
import platform
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORDER = ["analyze", "linearity", "text", "sourcing", "figures", "families", "pages", "notebooks", "grade"]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 2**20:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} cores{mem}; "
            f"Python {platform.python_version()}")


def modules() -> list[Path]:
    found = {p.stem.removeprefix("bench_"): p for p in (ROOT / "bench").glob("bench_*.py")}
    names = [n for n in ORDER if n in found] + sorted(set(found) - set(ORDER))
    return [found[n] for n in names]


def main() -> int:
    sys.path.insert(0, str(ROOT))
    sections, failed = [], 0
    for path in modules():
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        print(f"bench: {path.name} ...", flush=True)
        t = time.perf_counter()
        try:
            spec.loader.exec_module(module)
            sections.append(module.run().strip())
        except Exception:  # one broken benchmark must not hide the others
            failed += 1
            sections.append(f"## {path.name}\n\nFAILED:\n\n```\n{traceback.format_exc()}```")
        print(f"bench: {path.name} done in {time.perf_counter() - t:.1f} s", flush=True)
    page = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`bench/run.py`); every number below was measured by that run.",
        "",
        f"- Run on {datetime.date.today().isoformat()}",
        f"- Machine: {machine()}",
        "",
        *("\n\n".join(sections).splitlines()),
        "",
    ]
    out = ROOT / "docs" / "benchmarks.md"
    out.write_text("\n".join(page), encoding="utf-8")
    print(f"bench: wrote {out.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
