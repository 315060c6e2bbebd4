"""`medialit grade` on a generated class of 30 with code exercises (budget: < 60 s with --jobs 2).

Every student hands in answers for every lesson (right, partly right or invalid, from the
generator the grading tests use, ``tests/exercises/submissions.py``) and notebook 05 with its
code answers, which the grader runs."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STUDENTS = 30
BUDGET = 60.0


def _generator():
    spec = importlib.util.spec_from_file_location("submissions", ROOT / "tests" / "exercises" / "submissions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _grade(submissions: Path, out: Path, jobs: int) -> tuple[float, int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "medialit.cli", "grade", str(submissions), "--exercises",
                           str(ROOT / "exercises"), "--out", str(out), "--jobs", str(jobs)],
                          env=env, capture_output=True, text=True, timeout=1800)
    return time.perf_counter() - t, done.returncode


def run() -> str:
    lessons = sorted(p.stem for p in (ROOT / "exercises").glob("*.toml"))
    with tempfile.TemporaryDirectory() as tmp:
        cls = Path(tmp) / "class"
        made = _generator().make_class(cls, STUDENTS, lessons)
        code = [name for name in lessons if name in _generator().CODE_ANSWERS]
        rows = []
        for jobs in (1, 2):
            seconds, returncode = _grade(cls, Path(tmp) / f"grades{jobs}.csv", jobs)
            verdict = "-" if jobs == 1 else f"{'met' if seconds < BUDGET else 'MISSED'}"
            print(f"bench_grade: --jobs {jobs}: {seconds:.1f} s, exit {returncode}", file=sys.stderr, flush=True)
            rows.append(f"| `medialit grade CLASS --jobs {jobs}` (wall, exit {returncode}) | {seconds:.1f} s "
                        f"= {seconds / len(made):.2f} s a student | {verdict} |")
        books = [Path(tmp) / f"grades{jobs}.csv" for jobs in (1, 2)]
        same = all(b.is_file() for b in books) and books[0].read_bytes() == books[1].read_bytes()
    return "\n".join([
        "## Grading a class (`medialit grade`)",
        "",
        f"A generated class of {len(made)} students (right, partly right and invalid answers in turn, "
        f"`tests/exercises/submissions.py`), each with answers for the {len(lessons)} lessons and the notebook "
        f"of {', '.join(code)} with its code answers, which the grader runs. One run each, CLI start-up included.",
        "",
        "| measure | result | budget < 60 s on 2 cores |",
        "|---|---|---|",
        *rows,
        "",
        f"The gradebooks of `--jobs 1` and `--jobs 2` are {'byte-identical' if same else 'DIFFERENT'}.",
    ])


if __name__ == "__main__":
    print(run())
