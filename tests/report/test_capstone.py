"""medialit.report.capstone: the capstone's full report on one article."""
from __future__ import annotations

import json
import subprocess
import sys
from medialit.rules import tomllib

import pytest

from medialit.report import capstone as report
from medialit.corpus import find_boilerplate
from medialit.errors import CorpusError
from medialit.text import sentences

from helpers import ROOT


@pytest.fixture(scope="module")
def sample_report(seeds):
    return report.build_report(corpus=seeds)


# ---------------------------------------------------------------- reading what the student gives

def test_nothing_given_reads_the_invented_sample_and_says_so():
    article = report.read_article("   \n")
    assert article.id == "sample"
    assert "invented" in article.outlet
    assert article.title == "Riverton Council Votes to Raise Bus Fares"
    assert report.build_report(None, corpus=[]).source == report.SAMPLE_SOURCE


def test_capstone_exercise_items_are_the_sample_sentences():
    spec = tomllib.loads((ROOT / "exercises" / "07_capstone_bring_your_own.toml").read_text(encoding="utf-8"))
    items = next(e for e in spec["exercise"] if e["id"] == "q7.1")["items"]
    text = report.read_article().text
    split = [s.text for s in sentences(text, skip=find_boilerplate(text))]
    assert all(item in split for item in items), [i for i in items if i not in split]


def test_pasted_text_keeps_its_front_matter():
    article = report.read_article('+++\noutlet = "Town Crier"\npublished = 2024-05-01\n+++\nThe bridge closed, police said.\n')
    assert (article.outlet, article.published) == ("Town Crier", "2024-05-01")
    assert article.text == "The bridge closed, police said.\n"


def test_pasted_text_with_broken_front_matter_names_the_pasted_text():
    with pytest.raises(CorpusError, match="pasted text.*never closed"):
        report.read_article("+++\ntitle = 'x'\nNo closing fence.\n")


def test_missing_file_error_names_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CorpusError, match=r"my_article\.txt: file does not exist"):
        report.read_article("my_article.txt")


def test_empty_file_error_names_the_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"empty\.txt: no text \(only whitespace\)"):
        report.read_article(str(empty))


def test_a_file_is_read_by_path(tmp_path):
    path = tmp_path / "council.txt"
    path.write_text("Council Passes Budget\n\nThe council passed the budget, the clerk said.\n", encoding="utf-8")
    rep = report.build_report(str(path), corpus=[])
    assert rep.source == str(path)
    assert rep.title == "Council Passes Budget"
    assert rep.neighbours == ()
    assert rep.nearest is None


# ---------------------------------------------------------------- the report's parts

def test_sample_is_unrelated_to_every_seed(sample_report, seeds):
    assert {n.id for n in sample_report.neighbours} == set(seeds.ids)
    assert {n.verdict for n in sample_report.neighbours} == {"unrelated"}


def test_a_reuters_rewrite_finds_the_other_rewrite_as_the_same_story(seeds):
    others = [a for a in seeds if a.id != "001"]
    rep = report.build_report(seeds["001"], corpus=others)
    assert rep.nearest.id == "002"
    assert rep.nearest.verdict == "same_story"
    assert rep.neighbours[-1].similarity <= rep.nearest.similarity


def test_neighbours_are_sorted_by_verdict_then_similarity(seeds):
    rep = report.build_report(seeds["003"], corpus=seeds)
    assert rep.nearest.id == "003"                    # the article itself is in the corpus
    assert rep.nearest.similarity == pytest.approx(1.0)


def test_named_claims_are_not_listed_to_check_but_anonymous_ones_are(sample_report):
    texts = [c.text for c in sample_report.claims]
    assert not any("Amira Hossain said" in t for t in texts)
    anonymous = [c for c in sample_report.claims if c.sourcing == "anonymous"]
    assert anonymous and all(any(r.startswith("anonymous source") for r in c.reasons) for c in anonymous)


def test_claims_with_figures_come_first(sample_report):
    first = sample_report.claims[0]
    assert any(r.startswith("figures to check") for r in first.reasons)
    assert "£2.40" in first.text


def test_hedged_unattributed_claim_gives_both_reasons():
    rep = report.build_report("It is believed that the mayor will resign.\n", corpus=[])
    (claim,) = rep.claims
    assert claim.reasons[0] == "no source given"
    assert claim.reasons[1].startswith("hedged")


def test_claims_limit_caps_the_list(seeds):
    full = report.build_report(seeds["003"], corpus=[], limit=None)
    capped = report.build_report(seeds["003"], corpus=[], limit=2)
    assert len(full.claims) > 2 and len(capped.claims) == 2
    assert capped.claims == full.claims[:2]


def test_every_offset_points_into_the_text(sample_report):
    text = sample_report.text
    for part in (sample_report.sentences, sample_report.figures, sample_report.boilerplate, sample_report.claims):
        for item in part:
            assert text[item.start:item.end] == item.text


def test_page_furniture_is_reported_not_analysed(sample_report):
    furniture = [b.text for b in sample_report.boilerplate]
    assert "Share this article" in furniture
    assert not any("Share this article" in s.text for s in sample_report.sentences)


def test_sourcing_counts_add_up(sample_report):
    counts = sample_report.sourcing_counts
    assert sum(counts.values()) == len(sample_report.sentences)
    claims = len(sample_report.sentences) - counts["not_a_claim"]
    assert sample_report.named_share == pytest.approx(counts["named"] / claims)


def test_summary_and_json(sample_report):
    text = sample_report.summary()
    assert "Riverton Council Votes to Raise Bus Fares" in text
    assert "Claims to check first:" in text
    assert sample_report.nearest.id in text
    data = json.loads(json.dumps(sample_report.to_dict(), ensure_ascii=False))
    assert data["source"] == report.SAMPLE_SOURCE
    assert len(data["neighbours"]) == 5


def test_report_module_imports_no_widgets_plots_or_pandas():
    code = ("import sys, medialit.report.capstone; "
            "print(sorted(m for m in ('ipywidgets', 'matplotlib', 'IPython', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
