"""Accuracy of medialit.figures.extraction.extract on hand-labelled news paragraphs (tests/data/figures_gold.toml):
markets, health, local crime and courts. The misses and disagreements are listed in docs/figures.md."""
from __future__ import annotations

import pytest

from figures_gold import GOLD, load, score


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


# ------------------------------------------------------------------ general rules found while labelling

from medialit.figures import extract
from medialit.text import sentences


def _one(text: str, surface: str):
    hits = [f for f in extract(text) if surface in f.text]
    assert len(hits) == 1, [f.text for f in extract(text)]
    return hits[0]


@pytest.mark.parametrize("text, surface, qualifier, low, high", [
    ("He faces 10 or more years in prison.", "10 or more years", "or more", 10, None),
    ("Police said 50-odd officers searched the area.", "50-odd officers", "odd", 50, 59),
    ("They sold 100-odd copies.", "100-odd copies", "odd", 100, 199),
    ("There are 2,000-plus homes without power.", "2,000-plus homes", "plus", 2000, None),
    ("The death toll is 14 and counting.", "14 and counting", "and counting", 14, None),
    ("Tickets cost $5 or less.", "$5 or less", "or less", None, 5),
    ("Adults aged 65 or older qualify.", "65 or older", "or older", 65, None),
])
def test_a_qualifier_written_after_the_figure_sets_its_range(text, surface, qualifier, low, high):
    f = _one(text, surface)
    assert (f.text, f.qualifier, f.low, f.high) == (surface, qualifier, low, high)
    assert qualifier in f.normalisation


def test_and_over_followed_by_a_noun_phrase_is_not_a_qualifier():
    f = _one("He gave 5 and over the years more.", "5")
    assert f.text == "5" and f.qualifier is None


@pytest.mark.parametrize("text, surface, unit", [
    ("Thieves took 40 catalytic converters.", "40 catalytic converters", "converters"),
    ("Officers found 15 shell casings.", "15 shell casings", "casings"),
    ("Several loud explosions were heard.", "Several loud explosions", "explosions"),
])
def test_one_plain_adjective_may_stand_before_the_counted_noun(text, surface, unit):
    f = _one(text, surface.split()[0])
    assert (f.text, f.unit) == (surface, unit)


def test_a_verb_after_a_number_in_a_headline_is_not_an_adjective():
    f = _one("Two face charges after brawl", "Two")
    assert f.kind == "number" and f.unit is None


def test_a_year_after_in_takes_no_counted_noun():
    f = _one("In 2019 police arrested five men.", "2019")
    assert (f.kind, f.value, f.unit) == ("year", 2019, None)


@pytest.mark.parametrize("text", ["Shares slid $4.18 to $171.30.", "Brent rose $2.10 to $96.40 a barrel."])
def test_a_change_then_a_level_is_two_figures_not_a_range(text):
    money = [f for f in extract(text) if f.kind == "money"]
    assert len(money) == 2 and all(f.value is not None for f in money)


def test_from_to_without_a_word_of_change_is_still_a_range():
    f = _one("Prices will be between $5 and $10.", "$5")
    assert (f.value, f.low, f.high) == (None, 5, 10)


def test_a_rate_per_n_people_is_one_figure():
    figs = extract("The rate rose to 41.7 per 100,000 residents.")
    assert [(f.text, f.kind, f.value, f.unit) for f in figs] == [
        ("41.7 per 100,000 residents", "number", 41.7, "per 100000 residents")]


@pytest.mark.parametrize("text, surface, value", [
    ("One out of every four children is poor.", "One out of every four children", 0.25),
    ("Nine in 10 voters agreed.", "Nine in 10 voters", 0.9),
    ("It affects one in every 100 births.", "one in every 100 births", 0.01),
])
def test_ratios_in_their_common_forms_are_read_with_the_percent_in_the_note(text, surface, value):
    f = _one(text, surface.split()[0])
    assert (f.text, f.kind, f.value, f.unit) == (surface, "number", value, "ratio")
    assert f"{100 * value:.3g}%" in f.normalisation


def test_precomputed_sentences_give_the_same_figures():
    from figures_gold import load
    text = "\n\n".join(t for _, t, _, _ in load())
    assert extract(text, sentence_spans=sentences(text)) == extract(text)
    assert all(f.sentence_start is None for f in extract(text, sentence_spans=[]))
