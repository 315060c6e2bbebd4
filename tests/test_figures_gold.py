"""Accuracy of medialit.figures.extract on hand-labelled news paragraphs (tests/data/figures_gold.toml):
markets, health, local crime and courts. The misses and disagreements are listed in docs/figures.md."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from figures_gold import GOLD, load, score  # noqa: E402


@pytest.fixture(scope="module")
def gold_score():
    return score()


def test_gold_file_has_enough_labelled_figures_across_the_beats():
    paragraphs = load()
    beats = {pid.split("-")[0] for pid, *_ in paragraphs}
    assert sum(len(labels) for _, _, labels, _ in paragraphs) >= 60
    assert {"markets", "health", "crime", "courts"} <= beats, GOLD


def test_recall_on_labelled_news_figures_is_at_least_90_percent(gold_score):
    assert gold_score.recall >= 0.9, gold_score.misses


def test_precision_on_labelled_news_figures_is_at_least_90_percent(gold_score):
    assert gold_score.precision >= 0.9, gold_score.false_alarms


def test_found_figures_have_the_labelled_kind_and_value(gold_score):
    assert gold_score.agreement >= 0.9, gold_score.disagreements


def test_not_figures_in_the_gold_paragraphs_are_not_reported(gold_score):
    assert not [f for f in gold_score.false_alarms if "not-figure" in f]


def test_a_wrong_extractor_scores_badly():
    """The scorer itself can fail: an extractor that finds nothing has no recall."""
    assert score(lambda text: []).recall == 0.0
