"""``bench/bench_sourcing.py`` records the development set's score when it sits next to
the repository, and says it was skipped when it does not (a fake score.py stands in)."""
from __future__ import annotations

import sys

from helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import bench_sourcing  # noqa: E402


def test_no_devset_is_skipped(tmp_path):
    assert bench_sourcing.devset_lines(tmp_path / "devset") == ["devset not present: skipped"]


def test_the_summary_lines_of_score_py_are_kept(tmp_path):
    (tmp_path / "score.py").write_text(
        "import subprocess, sys\n"
        "exe = sys.argv[sys.argv.index('--medialit') + 1]\n"
        "r = subprocess.run([exe, '--help'], capture_output=True, text=True)\n"
        "print('some per-article noise')\n"
        "print('  named         precision 1.00 recall 0.50')\n"
        "print(f'devset sourcing accuracy 0.500 on 2 sentences in 1 articles; rc {r.returncode}')\n",
        encoding="utf-8")
    lines = bench_sourcing.devset_lines(tmp_path)
    assert lines == ["named         precision 1.00 recall 0.50",
                     "devset sourcing accuracy 0.500 on 2 sentences in 1 articles; rc 0"]
