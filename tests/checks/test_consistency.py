"""medialit.checks.consistency: rules/consistency.toml loaded and checked, claims as intervals,
and how much rounding a written value carries."""
from __future__ import annotations

import pytest

from medialit.checks import check_internal
from medialit.checks.consistency import claim_interval, load_rules, scaled_rounding
from medialit.errors import RulesError
from medialit.figures import extract

def _teacher_copy(tmp_path, replace: tuple[str, str] | None = None, append: str = ""):
    from importlib import resources
    raw = resources.files("medialit").joinpath("rules/consistency.toml").read_text(encoding="utf-8")
    if replace:
        assert replace[0] in raw
        raw = raw.replace(replace[0], replace[1], 1)
    path = tmp_path / "my_consistency.toml"
    path.write_text(raw + append, encoding="utf-8")
    return path


def test_the_packaged_table_loads_and_its_words_are_used():
    rules = load_rules()
    assert rules.multiples["doubled"] == 2.0 and rules.multiples["halved"] == 0.5
    assert rules.shares["a third"] == (0.3333, 0.3333) and rules.shares["a majority"][0] > 0.5
    assert "rose" in rules.up and "fell" in rules.down


@pytest.mark.parametrize("qualifier,expected", [
    (None, (29.5, 30.5)),            # as written, rounded to a whole percent
    ("about", (26.5, 33.5)),         # +-10% of 30, plus the rounding
    ("nearly", (26.5, 30.5)),        # up to 10% below, up to the value
    ("just over", (29.5, 33.5)),
    ("more than", (29.5, float("inf"))),
    ("up to", (float("-inf"), 30.5)),
])
def test_a_claim_is_an_interval_set_by_its_qualifier(qualifier, expected):
    lo, hi = claim_interval(30.0, qualifier, load_rules(), rounding=0.5)
    assert (round(lo, 6), round(hi, 6)) == expected


def test_values_with_a_scale_word_or_round_thousands_carry_their_rounding():
    figs = {f.text: f for f in extract("It cost $2.5 million, then 4,500 units, then 4,512 units, then 120 units.")}
    assert scaled_rounding(figs["$2.5 million"], 2.5e6) == pytest.approx(50_000)
    assert scaled_rounding(figs["4,500 units"], 4500) == 50
    assert scaled_rounding(figs["4,512 units"], 4512) == 0
    assert scaled_rounding(figs["120 units"], 120) == 0


def test_a_teachers_copy_is_used(tmp_path):
    path = _teacher_copy(tmp_path, ('multiple_fraction = 0.1', 'multiple_fraction = 0.2'))
    text = "The price of a loaf doubled from $2 to $4.50 in a year."
    assert check_internal(text)[0].verdict == "inconsistent"            # 2.25 is outside 1.8..2.2
    assert check_internal(text, rules=path)[0].verdict == "consistent"  # but inside 1.6..2.4


@pytest.mark.parametrize("replace,append,message", [
    (('"about" = "approx"', '"about" = "roughly"'), "",
     r"my_consistency\.toml: \[qualifiers\] 'about' must be one of approx, near_below, near_above, lower, upper"),
    (None, '\n[share_ranges]\n"a sliver" = [0.2, 0.1]\n', None),   # a second [share_ranges] header: invalid TOML
    (('"a minority" = [0.0, 0.4999]', '"a minority" = [0.6, 0.4999]'), "",
     r"my_consistency\.toml: \[share_ranges\] 'a minority': low 0\.6 is above high 0\.4999"),
    (('halved = 0.5\n', ''), "", r"my_consistency\.toml: \[multiples\.words\] 'halved' has no factor"),
    (('age_years = 1', 'age_years = "one"'), "", r"my_consistency\.toml, line \d+: key 'age_years' must be an integer"),
    (('[ages]', '[age]'), "", r"my_consistency\.toml, line \d+: unknown key 'age'"),
])
def test_a_mistake_in_a_teachers_copy_is_one_line_naming_the_file(tmp_path, replace, append, message):
    path = _teacher_copy(tmp_path, replace, append)
    with pytest.raises(RulesError) as info:
        load_rules(path)
    assert "\n" not in str(info.value) and "my_consistency.toml" in str(info.value)
    if message:
        assert __import__("re").search(message, str(info.value)), str(info.value)
