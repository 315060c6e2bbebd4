"""medialit.compare.comparison.story_families and the compare/families command line."""
from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from medialit.cli import main
from medialit.compare import story_families
from medialit.compare import FamilyLink

from helpers import ROOT


def _bench():
    spec = importlib.util.spec_from_file_location("bench_families", ROOT / "bench" / "bench_families.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seeds_form_one_family_for_001_and_002_and_singletons_for_the_rest(seeds):
    families = story_families(seeds)
    assert sorted(sorted(f) for f in families) == [["000"], ["001", "002"], ["003"], ["004"]]


def test_families_accept_a_mapping_and_keep_input_order(seeds):
    texts = {a.id: a.text for a in seeds}
    reordered = {k: texts[k] for k in ["004", "002", "000", "001", "003"]}
    assert story_families(reordered) == [["004"], ["002", "001"], ["000"], ["003"]]


def test_families_accept_a_list_of_articles_and_report_the_deciding_rule(seeds):
    links: list[FamilyLink] = []
    families = story_families(list(seeds), links=links)
    assert ["001", "002"] in families
    assert [(l.a, l.b, l.rule) for l in links] == [("001", "002", "shared_narrative")]


def test_unreadable_input_is_a_clear_error():
    with pytest.raises(TypeError, match="cannot read an article from 'int'"):
        story_families([1, 2])
    with pytest.raises(TypeError, match="article 'x' has text of type bytes"):
        story_families({"x": b"bytes"})
    with pytest.raises(ValueError, match="article id 'a' appears more than once"):
        story_families([("a", "one text"), ("a", "another text")])


def test_texts_too_short_to_fingerprint_stay_singletons():
    # fewer than three words give no word triples: nothing to compare, so no family
    assert story_families({"a": "", "b": "Short.", "c": "Short."}) == [["a"], ["b"], ["c"]]
    assert story_families({}) == []


def test_progress_bar_is_off_by_default(capsys):
    story_families({"a": "One text here.", "b": "Another text there."})
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


def test_planted_rewrite_families_are_recovered_in_a_300_article_corpus():
    bench = _bench()
    articles, planted = bench.generate_corpus(300, seed=7)
    assert len(articles) == 300 and planted
    predicted = story_families(articles)
    precision, recall, n_pred, n_true = bench.pairwise_scores(predicted, planted)
    assert n_true > 50
    assert precision >= 0.95 and recall >= 0.9


def test_bench_generator_is_deterministic():
    bench = _bench()
    assert bench.generate_corpus(20, seed=3) == bench.generate_corpus(20, seed=3)
    assert bench.generate_corpus(20, seed=3) != bench.generate_corpus(20, seed=4)


# --- command line -------------------------------------------------------------------------

def test_cli_families_json_lists_paths_with_singletons(tmp_path, capsys, seeds):
    for a in seeds:
        shutil.copy(a.path, tmp_path / a.path.name)
    assert main(["families", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    names = sorted(sorted(Path(p).name[:3] for p in fam) for fam in data["families"])
    assert names == [["000"], ["001", "002"], ["003"], ["004"]]


def test_cli_families_missing_folder_is_one_line_on_stderr(tmp_path, capsys):
    assert main(["families", str(tmp_path / "nowhere")]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nowhere" in err[0] and "does not exist" in err[0]


def test_cli_compare_json_has_the_contract_fields(capsys, seeds):
    assert main(["compare", str(seeds["001"].path), str(seeds["002"].path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"similarity", "same_story", "pairs", "quote_changes"} <= set(data)
    assert data["same_story"] is True
    assert any("former" in e["a"] for q in data["quote_changes"] for e in q["changes"])


def test_cli_compare_human_output_shows_verdict_changes_and_drift(capsys, seeds):
    assert main(["compare", str(seeds["003"].path), str(seeds["004"].path)]) == 0
    out = capsys.readouterr().out
    assert "Verdict: same event, different source text" in out and "why (shared_names)" in out
    assert main(["compare", str(seeds["001"].path), str(seeds["002"].path)]) == 0
    out = capsys.readouterr().out
    assert "'former' was dropped inside the quotation, with no ellipsis" in out
    assert "[speaker]" in out and "replaced [a handful]" in out


def test_cli_compare_missing_file_names_it(tmp_path, capsys, seeds):
    missing = tmp_path / "missing.txt"
    assert main(["compare", str(missing), str(seeds["001"].path)]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing.txt" in err[0]


def test_small_corpora_are_compared_pair_by_pair_without_heavy_imports():
    # families need numpy and the kit only: no MinHash library (datasketch is no longer a
    # dependency), no dataframes, no plotting, no progress bar unless asked for
    import subprocess
    import sys
    heavy = ("datasketch", "pandas", "matplotlib", "scipy", "sklearn", "tqdm")
    code = ("import sys; from medialit.corpus import load_corpus; from medialit.compare import story_families; "
            f"print(story_families(load_corpus())); print(sorted(m for m in {heavy!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "[['000'], ['001', '002'], ['003'], ['004']]"
    assert out[1] == "[]"


def test_two_jobs_give_the_same_families_and_links_as_one():
    bench = _bench()
    articles, _ = bench.generate_corpus(200, seed=11)
    one: list[FamilyLink] = []
    two: list[FamilyLink] = []
    assert story_families(articles, links=one) == story_families(articles, links=two, jobs=2)
    assert one == two and one


def test_a_short_early_version_inside_a_long_one_is_a_candidate_in_a_large_corpus():
    # containment, not Jaccard: a 3-paragraph version inside a 12-paragraph one
    bench = _bench()
    articles, _ = bench.generate_corpus(120, seed=5)
    long_text = "\n\n".join(f"Paragraph {k} of the harbour story says the crane number {k} was idle while "
                            f"dockers waited for the tide and the pilot boat on shift {k}." for k in range(40))
    short_text = "\n\n".join(long_text.split("\n\n")[:4])
    articles = dict(articles, early=short_text, late=long_text)
    families = story_families(articles)
    assert any({"early", "late"} <= set(f) for f in families)


def test_furniture_learned_by_families_is_reported(tmp_path):
    foot = "Read more stories like this on the Tarn Ledger, the county's oldest independent paper."
    bodies = ["Rain closed the mountain pass on Monday and drivers were sent back to the valley.",
              "The choir sang to a full abbey on Sunday night, raising money for the roof.",
              "A new bakery opened on the square, and the queue reached the post office by nine.",
              "Farmers say the late frost has cost them most of this year's cherries.",
              "The ferry timetable changes next week, with an extra crossing at dawn."]
    texts = {f"p{k}": f"{body}\n{foot}" for k, body in enumerate(bodies)}
    furniture = []
    assert all(len(f) == 1 for f in story_families(texts, furniture=furniture))
    assert [(f.text, f.articles) for f in furniture] == [(foot, 5)]


def test_two_posts_of_one_site_are_not_joined_by_the_template_only_they_share():
    head = "Tarn Ledger | the county's news since 1890, every morning"
    foot = ("About the Tarn Ledger: an independent paper owned by its readers' cooperative, "
            "printed in Tarn and delivered to every village of the upper valley.")
    a = f"{head}\nRain closed the mountain pass on Monday and drivers were sent back to the valley.\n{foot}"
    b = f"{head}\nThe choir sang to a full abbey on Sunday night, raising money for the roof.\n{foot}"
    assert story_families({"a": a, "b": b, "c": "Something else entirely, about a bakery on the square."}) == \
        [["a"], ["b"], ["c"]]
