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


def one_claim(text: str):
    """The one tagged sentence of ``text`` that is a claim (``medialit.sourcing.tag``)."""
    from medialit.sourcing import tag
    tags = [t for t in tag(text) if t.sourcing != "not_a_claim"]
    assert len(tags) == 1, [t.text for t in tags]
    return tags[0]


def figure_at(text: str, fragment: str):
    """The one figure of ``text`` (``medialit.figures.extract``) that overlaps ``fragment``."""
    from medialit.figures import extract
    i = text.index(fragment)
    hits = [f for f in extract(text) if f.start < i + len(fragment) and i < f.end]
    assert len(hits) == 1, [(f.text, f.kind, f.rule) for f in extract(text)]
    return hits[0]
