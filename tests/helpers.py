"""Paths and plain helpers shared by the tests.

These are module-level values, not fixtures, because some are needed at collection time
(in ``@pytest.mark.parametrize``). Import them with ``from helpers import ...``: pytest puts
``tests/`` on ``sys.path`` because ``tests/`` itself is not a package (see ``conftest.py``).
Fixtures live in ``tests/conftest.py``.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
PACKAGE = ROOT / "medialit"
NOTEBOOKS = ROOT / "notebooks"
EXERCISES = ROOT / "exercises"
DATA = TESTS / "data"
FIXTURES = TESTS / "fixtures"


def seed_text(prefix: str) -> str:
    """The text of the one seed article whose file name starts with ``<prefix>_``."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def run_medialit(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run ``python -m medialit.cli ARGS`` in a fresh interpreter and capture its output."""
    return subprocess.run([sys.executable, "-m", "medialit.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)
