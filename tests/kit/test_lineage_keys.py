"""Notebook 02's copy-trail section (q2.8, q2.9): the keys agree with what
``medialit.compare.lineage`` measures on the texts the notebook shows, and the clues the feedback
cites are in the seed texts."""
from __future__ import annotations

import json

import pytest

from medialit.compare import lineage
from medialit.corpus import load_corpus
from medialit.exercises import load_exercise_file
from medialit.exercises.checking import check, coerce

from helpers import ROOT

SET = load_exercise_file(ROOT / "exercises" / "02_same_story_different_outlets.toml")


def cell_starting(text: str) -> str:
    nb = json.loads((ROOT / "notebooks" / "02_same_story_different_outlets.ipynb").read_text(encoding="utf-8"))
    [cell] = [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).startswith(text)]
    return "".join(cell["source"])


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_q2_8_key_neither_copied_the_other(corpus):
    key = SET["q2.8"].source["answer"]
    assert key.startswith("Neither copied the other")
    trail = lineage([corpus["001"], corpus["002"]])
    first, second = trail.versions
    assert first.date == second.date                          # one date: the dates cannot decide
    assert second.unsure and "neither version holds the other's text" in second.note
    assert second.added and second.cut                        # each has sentences the other lacks
    # the catalog's links, listed apart from the measurement, lead both to one third text
    ends = {k.article: k.outlet for k in trail.known if k.relation == "rewrite of"}
    assert ends == {"001": "Reuters", "002": "Reuters"}
    assert check(SET["q2.8"], coerce(SET["q2.8"], key)).status == "correct"


def test_q2_8_clues_each_article_keeps_what_the_other_lost(corpus):
    a, b = corpus["001"].text, corpus["002"].text
    assert "dozens of other countries" in b and "dozens of other countries" not in a
    assert "a handful of its allies" in a
    assert "members of the former Maduro regime" in a and "former Maduro" not in b
    feedback = SET["q2.8"].source["feedback"]
    assert "dozens of other countries" in feedback["002 copied 001."]
    assert "former" in feedback["001 copied 002."]


def test_q2_9_key_containment_cannot_tell_growth_from_cutting():
    namespace = {"lineage": lineage, "print": lambda *args: None}
    exec(cell_starting("a = "), namespace)
    a, b, c = namespace["a"], namespace["b"], namespace["c"]
    grown = lineage({"C": c, "A": a, "B": b})
    assert [(v.id, v.parent) for v in grown.versions] == [("A", None), ("B", "A"), ("C", "B")]
    assert all(v.unsure and "containment" in v.basis for v in grown.versions[1:])
    # the same three texts named as an original (C) and two cut copies give the same order:
    # containment alone cannot say which way the text went
    cut = lineage({"original": c, "cut twice": a, "cut once": b})
    assert [v.id for v in cut.versions] == ["cut twice", "cut once", "original"]
    assert SET["q2.9"].source["answer"].startswith("Because a copy that cuts its original")
