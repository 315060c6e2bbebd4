"""The held-out collection (tests/fixtures/compare_heldout, invented texts, expected
verdicts in its expected.toml, written before the kit was run on it): the final score.
The first score, before the round-3 rules, is in docs/compare.md."""
from __future__ import annotations

import pytest

from .heldout import expected, score  # tests/compare/heldout.py


@pytest.fixture(scope="module")
def result():
    return score()


def test_heldout_wire_families_are_found_exactly(result):
    assert result["pairs_precision"] == 1.0 and result["pairs_recall"] == 1.0
    assert sorted(result["families"]) == sorted(sorted(f) for f in expected()["families"])


def test_heldout_independent_reports_form_no_family(result):
    assert result["independent"] >= 12 and result["false_families"] == []


def test_heldout_every_pair_gets_its_expected_verdict(result):
    wrong = [v for v in result["verdicts"] if v[2] != v[3]]
    assert len(result["verdicts"]) >= 19 and not wrong, wrong


def test_heldout_every_altered_quote_is_found_with_its_kind_and_speaker(result):
    missed = [q for q in result["quotes"] if not (q[4] and q[4][0])]
    assert len(result["quotes"]) >= 5 and not missed, missed
