"""The second held-out collection (tests/fixtures/compare_heldout2, invented texts, expected
verdicts in its expected.toml, committed before the kit was first run on it).

The first run is the honest estimate and stays recorded (``FIRST_RUN``, docs/compare.md).
Round 5 fixed two of its kinds with general rules, each proved first on the tests' own texts
(test_comparison.py): scattered pasted release lines, and one-digit figures with their unit
or date. The totals asserted now are **after fixes, fitted**: no longer an unseen-data score.
The wrong ones left are strict ``xfail`` with the reason found (documented limits): if a later
rule fixes one, its xfail turns into a failure: update the pin and say so."""
from __future__ import annotations

import pytest

from .heldout import HELDOUT2, _right, expected, score  # tests/compare/heldout.py

# The first run (rules of round 4), measured once before any rule looked at these texts.
FIRST_RUN = {"pairs_precision": 0.89, "pairs_recall": 0.80, "false_families": 1, "verdicts_right": 15,
             "quotes_found": 3}
# Wrong on the first run and fixed in round 5 by general rules (now asserted right):
FIXED = {
    ("museum_a", "museum_b"): "two release sentences pasted unattributed in two places, in reverse order: now "
                              "statement material (small blocks in a different order; rule pasted_statement)",
    ("rail_a", "rail_b"): "one press conference sharing one two-word name, a quote and '4 per cent', 'March 4': "
                          "one-digit figures now count with their unit or date (shared_quotes_and_figures)",
}
# What is still wrong, and why (diagnosed, not tuned).
WRONG_VERDICTS = {
    ("drug_v1", "drug_tr"): "translation-style paraphrase: word order changed, no shared narrative (4%) or "
                            "function-word patterns (0%), one close sentence pair: only quotes, names and figures",
    ("drug_rw", "drug_tr"): "the same translation-style paraphrase, against the other outlet's rewrite",
}
MISSED_QUOTES = {
    ("quake_v2", "quake_sp", "The sea wall held"): "found as reworded, but with no speaker: the spinner's "
                                                    "'informed journalists' is not a reporting verb",
    ("quake_v2", "quake_sp", "We felt the whole house move"): "not listed: the spinner's 'stated Lucia Ferran' "
                                                              "rewording is not paired",
    ("drug_v1", "drug_tr", "For the first time we can offer"): "not listed: the pair is not found to be the same "
                                                               "story, so the heavier rewording check is not tried",
}


@pytest.fixture(scope="module")
def result():
    return score(HELDOUT2)


def test_totals_after_fixes_fitted(result):
    # after the round-5 fixes (fitted: these texts guided which kinds were fixed); the first
    # run's numbers are FIRST_RUN, and stay the estimate for unseen data (docs/compare.md)
    assert round(result["pairs_precision"], 2) == 1.00 and round(result["pairs_recall"], 2) == 0.80
    assert result["independent"] == 14 and result["false_families"] == []
    assert result["verdicts_right"] == 17 and len(result["verdicts"]) == 19
    assert result["quotes_found"] == 3 and len(result["quotes"]) == 6
    assert result["verdicts_right"] - FIRST_RUN["verdicts_right"] == len(FIXED)


def test_the_fixed_pairs_are_decided_by_the_new_rules(result):
    rules = {(v[0], v[1]): (v[3], v[4]) for v in result["verdicts"]}
    assert rules[("museum_a", "museum_b")] == ("shared_statement", "pasted_statement")
    assert rules[("rail_a", "rail_b")] == ("same_event", "shared_quotes_and_figures")


def _verdict_cases():
    exp = expected(HELDOUT2)
    import itertools
    pairs = [(a, b) for f in exp["families"] for a, b in itertools.combinations(f, 2)]
    pairs += [(p["a"], p["b"]) for p in exp["pair"]]
    return [pytest.param(a, b, id=f"{a}-{b}", marks=[pytest.mark.xfail(strict=True, reason=WRONG_VERDICTS[(a, b)])]
                         if (a, b) in WRONG_VERDICTS else []) for a, b in pairs]


@pytest.mark.parametrize("a,b", _verdict_cases())
def test_pair_verdict(result, a, b):
    got = {(v[0], v[1]): v for v in result["verdicts"]}[(a, b)]
    assert _right(got[2], got[3]), got


def _quote_cases():
    out = []
    for q in expected(HELDOUT2)["altered"]:
        key = (q["a"], q["b"], q["quote"])
        marks = [pytest.mark.xfail(strict=True, reason=MISSED_QUOTES[key])] if key in MISSED_QUOTES else []
        out.append(pytest.param(*key, id=f"{q['a']}-{q['b']}-{q['quote'][:20]}", marks=marks))
    return out


@pytest.mark.parametrize("a,b,quote", _quote_cases())
def test_altered_quote(result, a, b, quote):
    hit = next(q for q in result["quotes"] if (q[0], q[1], q[2]) == (a, b, quote))[4]
    assert hit and hit[0], hit


def test_pasted_release_pairs_are_not_joined_by_the_pasted_statement_rule(result):
    # the three pasted-block pairs the first run got right, and the rule that decided them
    rules = {(v[0], v[1]): v[4] for v in result["verdicts"]}
    for pair in [("plant_a", "plant_b"), ("results_a", "results_b"), ("tour_a", "tour_b")]:
        assert rules[pair] == "pasted_statement"
