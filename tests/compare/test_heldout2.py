"""The second held-out collection (tests/fixtures/compare_heldout2, invented texts, expected
verdicts in its expected.toml, committed before the kit was first run on it): the score of
that first run, pinned. Right answers are asserted; the wrong ones are recorded as strict
``xfail`` with the reason found, not fixed (measure only: no rule was tuned on these texts).
If a later rule fixes one, its xfail turns into a failure: update the pin and say so."""
from __future__ import annotations

import pytest

from .heldout import HELDOUT2, _right, expected, score  # tests/compare/heldout.py

# What the first run got wrong, and why (diagnosed, not tuned).
WRONG_VERDICTS = {
    ("drug_v1", "drug_tr"): "translation-style paraphrase: word order changed, no shared narrative (4%) or "
                            "function-word patterns (0%), one close sentence pair: only quotes, names and figures",
    ("drug_rw", "drug_tr"): "the same translation-style paraphrase, against the other outlet's rewrite",
    ("museum_a", "museum_b"): "two release sentences pasted unattributed in two places, in reverse order: two "
                              "blocks, neither introduced as a statement, so they still count as narrative (37%)",
    ("rail_a", "rail_b"): "one press conference: 14 shared quoted triples but one shared two-word name and no "
                          "shared figure (one-digit figures such as '4 per cent' and 'March 4' are not counted)",
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


def test_first_run_totals(result):
    # the numbers of the first run (docs/compare.md)
    assert round(result["pairs_precision"], 2) == 0.89 and round(result["pairs_recall"], 2) == 0.80
    assert result["independent"] == 14 and result["false_families"] == [["museum_a", "museum_b"]]
    assert result["verdicts_right"] == 15 and len(result["verdicts"]) == 19
    assert result["quotes_found"] == 3 and len(result["quotes"]) == 6


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
