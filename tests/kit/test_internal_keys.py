"""Notebook 05's "Figures that check each other" (q5.11-q5.14): each key is what
``medialit.checks.check_internal`` computes on the text the notebook shows, so a change in the
checks (or in the practice paragraph) that moves a verdict fails here before a student sees a
key that disagrees with the kit."""
from __future__ import annotations

import json

import pytest

from medialit.checks import check_internal
from medialit.corpus import load_corpus
from medialit.exercises import load_exercise_file
from medialit.exercises.checking import check as check_stored, coerce

from helpers import ROOT

SET = load_exercise_file(ROOT / "exercises" / "05_checking_figures.toml")


def check(exercise, raw):
    """Check an answer as ``ex.answer`` would store it."""
    return check_stored(exercise, coerce(exercise, raw))
DATE = "2023-06-01"      # the paragraph's date, as the notebook and q5.12's prompt give it


def notebook_paragraph() -> str:
    """The practice paragraph, run from the notebook's own cell (the one that defines it)."""
    nb = json.loads((ROOT / "notebooks" / "05_checking_figures.ipynb").read_text(encoding="utf-8"))
    [cell] = [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).startswith("paragraph = (")]
    namespace: dict = {}
    exec("".join(cell["source"]), namespace)
    return namespace["paragraph"]


@pytest.fixture(scope="module")
def results():
    return check_internal(notebook_paragraph(), article_date=DATE)


def test_q5_11_key_is_the_kits_percent_change(results):
    first = results[0]
    assert first.check == "percent change" and first.verdict == "inconsistent"
    assert "120 to 150" in first.text and "30%" in first.text
    assert "= +25%" in first.arithmetic
    key = SET["q5.11"].source
    assert key["answer"] == 25 and abs((150 - 120) / 120 * 100 - key["answer"]) <= key["tolerance"]
    assert check(SET["q5.11"], 25).status == "correct"
    assert check(SET["q5.11"], 30).status == "incorrect"          # the paragraph's own figure


def test_q5_12_each_label_is_the_kits_verdict_on_that_claim(results):
    items = SET["q5.12"].source["items"]
    paragraph = notebook_paragraph()
    for item in items:
        assert item["text"] in paragraph, item["text"]
        start = paragraph.index(item["text"])
        mine = [c for c in results if start <= c.start < start + len(item["text"]) or
                (c.start <= start < c.end)]
        mine = [c for c in mine if any(f.text in item["text"] for f in c.figures)]
        assert mine, f"the kit checks nothing in {item['text']!r}"
        assert {c.verdict for c in mine} == {item["answer"]}, (item["text"], [(c.check, c.verdict) for c in mine])
    answer = {i + 1: item["answer"] for i, item in enumerate(items)}
    assert check(SET["q5.12"], answer).status == "correct"


def test_q5_13_key_is_the_kits_verdict_on_003():
    corpus = load_corpus()
    text = corpus["003"].text
    quoted = SET["q5.13"].prompt.split("'")[1]
    assert quoted in text
    found = check_internal(text, article_date=corpus["003"].published)
    [among] = [c for c in found if "among them" in c.text]
    assert among.check == "parts and total" and among.verdict == "consistent"
    assert SET["q5.13"].source["answer"].startswith("consistent")
    assert "12" in among.arithmetic                               # the floor the explanation uses ("more than 12")


def test_q5_14_key_is_what_the_hinted_code_returns(results):
    computed = [c.check for c in results if c.verdict == "inconsistent"]
    assert sorted(computed) == sorted(SET["q5.14"].source["answer"])
    assert check(SET["q5.14"], computed).status == "correct"
    every = [c.check for c in results]                            # kept every result: not right
    outcome = check(SET["q5.14"], every)
    assert outcome.status == "incorrect" and any("every result" in d for d in outcome.details)
    # the regatta's 10% is the kit's "cannot tell", which the explanation names
    assert [c.verdict for c in results if "regatta" in c.text] == ["cannot tell"]
