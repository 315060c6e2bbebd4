"""Run the development set's ``score.py`` (in ``../shared/devset``, beside the repository,
never inside it) on this checkout's own ``medialit``; used by the benches that report it."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset"


def run_score(kind: str, devset: Path = DEVSET) -> subprocess.CompletedProcess | None:
    """``score.py <kind>`` run with this checkout's medialit, or None when there is no devset."""
    score = devset / "score.py"
    if not score.exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        # score.py runs `<exe> analyze|extract ...`: a wrapper runs this checkout's medialit.
        exe = Path(tmp, "medialit")
        exe.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m medialit.cli "$@"\n', encoding="utf-8")
        exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        return subprocess.run([sys.executable, str(score), kind, "--medialit", str(exe)],
                              capture_output=True, text=True, timeout=900, env=env)
