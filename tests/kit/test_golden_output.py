"""`medialit analyze`, `compare` and `families` print exactly what they printed before the
restructure, byte for byte, on the seeds and on every text under tests/ (see
tests/golden/make_golden.py for how the expected outputs were made)."""
from __future__ import annotations

import sys

import pytest

from helpers import TESTS

sys.path.insert(0, str(TESTS / "golden"))
import make_golden  # noqa: E402

CASES = make_golden.cases()
GOLD = make_golden.gold_paragraphs()


def _expected(name: str) -> str:
    path = make_golden.EXPECTED / f"{name}.json"
    assert path.exists(), f"{path}: no expected output; run python tests/golden/make_golden.py"
    return path.read_text(encoding="utf-8")


def test_every_case_has_an_expected_output_and_no_expected_output_is_orphaned():
    names = {p.stem for p in make_golden.EXPECTED.glob("*.json")}
    assert names == set(CASES) | set(GOLD)


@pytest.mark.parametrize("name", sorted(CASES))
def test_command_output_is_unchanged(name):
    assert make_golden.run(CASES[name]) == _expected(name)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_analyze_of_figures_gold_paragraph_is_unchanged(name):
    assert make_golden.run_gold(GOLD[name]) == _expected(name)
