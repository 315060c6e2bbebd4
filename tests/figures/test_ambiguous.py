"""Unit words with two meanings (medialit/figures/ambiguous.py): "pounds" is money or weight,
decided by the words near the figure, else marked unsure. All sentences invented for these tests."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from medialit.errors import RulesError
from medialit.figures import extract
from medialit.figures.tables import parse_rules
from medialit.rules.schema import check_table

RULES = Path(__file__).resolve().parents[2] / "medialit" / "rules" / "figures.toml"


def only(text: str, fragment: str):
    found = [f for f in extract(text) if fragment in f.text]
    assert len(found) == 1, [(f.text, f.kind, f.unit) for f in extract(text)]
    return found[0]


@pytest.mark.parametrize("text, fragment, value, unit, cue", [
    ("The council says the new roof will cost roughly 85,000 pounds.", "85,000", 85000, "GBP", "cost"),
    ("She was fined 250 pounds for dropping litter.", "250", 250, "GBP", "fined"),
    ("The school raised 1,200 pounds at its summer fair.", "1,200", 1200, "GBP", "raised"),
    ("Nurses on the ward earn about 28,000 pounds a year.", "28,000", 28000, "GBP/year", "earn"),
    ("He found a crumpled 20-pound note in the gutter.", "20-pound", 20, "GBP", "note"),
    ("The club paid 40m pounds for the striker.", "40m", 4e7, "GBP", "paid"),
    ("Storms left 60,000 pounds of damage along the pier.", "60,000", 60000, "GBP", "damage"),
    ("A season ticket now sets fans back 900 pounds.", "900", 900, "GBP", "ticket"),
])
def test_money_words_near_pounds_make_it_money(text, fragment, value, unit, cue):
    f = only(text, fragment)
    assert (f.kind, f.value, f.unit) == ("money", value, unit)
    assert f"'{cue}' near it" in f.normalisation and "unsure" not in f.rule + f.normalisation


@pytest.mark.parametrize("text, fragment, value, unit, cue", [
    ("The newborn calf weighed 90 pounds.", "90", 90, "lb", "weighed"),
    ("Customs officers found 400 pounds of cocaine in the lorry.", "400", 400, "lb", "of cocaine"),
    ("The recall covers 2 million pounds of frozen chicken.", "2 million", 2e6, "lb", "of chicken"),
    ("The new frame is 15 pounds lighter than the old one.", "15", 15, "lb", "lighter"),
    ("Loaded, the van carries 1,500 pounds a day.", "1,500", 1500, "lb/day", None),
])
def test_weight_words_near_pounds_make_it_weight(text, fragment, value, unit, cue):
    f = only(text, fragment)
    assert (f.kind, f.value, f.unit) == ("quantity", value, unit)
    if cue:
        assert f"'{cue}' near it" in f.normalisation and "unsure" not in f.rule
    else:   # no cue: the usual reading (weight), said to be unsure
        assert "unsure" in f.rule and "could be money or weight" in f.normalisation


def test_no_word_near_keeps_weight_and_says_unsure():
    f = only("She lost 20 pounds over the summer.", "20")
    assert (f.kind, f.value, f.unit) == ("quantity", 20, "lb")
    assert "unsure" in f.rule
    assert "unsure: 'pounds' could be money or weight" in f.normalisation and "read as weight (lb)" in f.normalisation


def test_after_a_scale_word_or_a_vague_word_the_usual_reading_is_money_and_unsure():
    f = only("The bridge took 3 million pounds to rebuild.", "3 million")
    assert (f.kind, f.value, f.unit) == ("money", 3e6, "GBP") and "unsure" in f.rule
    v = only("The family lost thousands of pounds.", "thousands")
    assert (v.kind, v.unit) == ("vague", "GBP") and "unsure" in v.rule and "could be money or weight" in v.normalisation
    w = only("Tens of thousands of pounds of beef were recalled.", "thousands")
    assert (w.kind, w.unit) == ("vague", "lb") and "'of beef' near it" in w.normalisation


def test_a_money_cue_and_a_weight_cue_as_near_give_unsure():
    f = only("They paid for 12 pounds of fish.", "12")
    assert f.unit == "lb" and "unsure" in f.rule and "'paid' and 'of fish' are as near" in f.normalisation


def test_the_nearest_cue_wins_in_a_sentence_with_both():
    figs = [f for f in extract("Weighing 300 pounds, the statue cost 40,000 pounds.") if "pounds" in f.text]
    assert [(f.kind, f.unit) for f in figs] == [("quantity", "lb"), ("money", "GBP")]


def test_sterling_elsewhere_in_the_article_makes_an_unsure_pounds_money():
    f = only("She lost 20 pounds in a month. A pint of milk costs 90 pence.", "20 pounds")
    assert (f.kind, f.unit) == ("money", "GBP")
    assert "'pence' elsewhere in the article" in f.normalisation and "unsure" not in f.rule + f.normalisation
    g = only("She lost 20 pounds over the summer. Tickets are £9.", "20 pounds")
    assert (g.kind, g.unit) == ("money", "GBP") and "'£' elsewhere" in g.rule


def test_a_weight_word_near_beats_sterling_elsewhere():
    f = only("The parcel weighed 12 pounds. Postage was £9.", "12")
    assert (f.kind, f.unit) == ("quantity", "lb")


def test_unambiguous_words_are_not_touched():
    assert only("The fee was 20 pounds sterling.", "20").unit == "GBP"
    f = only("The box holds 12 lb of nails.", "12")
    assert (f.unit, f.normalisation) == ("lb", "")
    assert only("The meal came to 500 francs.", "500").unit == "CHF"


def test_cues_stop_at_the_sentence_end():
    f = only("The budget was cut. She lost 20 pounds.", "20")
    assert f.unit == "lb" and "unsure" in f.rule


def test_a_teachers_older_table_without_the_entries_reads_pounds_as_weight():
    data = tomllib.loads(RULES.read_text(encoding="utf-8"))
    data.pop("ambiguous_units")
    data.pop("money_cues")
    figs = extract("Repairs will cost 40,000 pounds.", rules=parse_rules(data, "old.toml"))
    assert [(g.kind, g.unit, g.normalisation) for g in figs] == [("quantity", "lb", "',' = thousands separator")]


def test_schema_names_a_bad_entry():
    with pytest.raises(RulesError, match="forms"):
        check_table("figures", {"ambiguous_units": [{"forms": "pounds", "money": "GBP", "measure": "lb"}]}, "mine.toml")
    with pytest.raises(RulesError, match="before"):
        check_table("figures", {"money_cues": {"before": "six"}}, "mine.toml")
