"""`medialit compare` and `medialit families` on the compare test collection: verdicts with
their passages, growing stories, site furniture, copy trails and --jobs."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from helpers import ROOT, run_medialit

COLLECTION = "tests/fixtures/compare_collection"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_families", ROOT / "bench" / "bench_families.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_compare_names_the_passages_and_what_the_longer_version_added():
    proc = run_medialit("compare", f"{COLLECTION}/wire_v1.txt", f"{COLLECTION}/wire_v3.txt")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "why (shared_narrative)" in out and "decided by: shared narrative:" in out
    assert "A is contained in B: 6 sentence(s) of B added later" in out
    assert "+ The vessel was built in 1998" in out


def test_compare_says_shared_statement_for_two_reports_quoting_one_letter():
    proc = run_medialit("compare", "--json", f"{COLLECTION}/letter_a.txt", f"{COLLECTION}/letter_b.txt")
    data = json.loads(proc.stdout)
    assert data["verdict"]["label"] == "shared_statement" and data["same_story"] is False
    assert data["verdict"]["passages"] and all(p.startswith("shared quotation:") for p in data["verdict"]["passages"])


def test_compare_with_a_collection_leaves_the_sites_template_out():
    proc = run_medialit("compare", "--collection", COLLECTION, f"{COLLECTION}/site_02.txt", f"{COLLECTION}/site_08.txt")
    assert proc.returncode == 0, proc.stderr
    assert "Verdict: unrelated" in proc.stdout and "left out as site furniture: 4 line(s)" in proc.stdout


def test_compare_collection_that_does_not_exist_is_one_line(tmp_path):
    proc = run_medialit("compare", "--collection", str(tmp_path / "nowhere"), f"{COLLECTION}/site_02.txt",
                        f"{COLLECTION}/site_08.txt")
    assert proc.returncode == 1
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith("medialit compare: ") and "nowhere" in line and "Traceback" not in proc.stderr


def test_compare_shows_a_reworded_quote_with_its_similarity():
    proc = run_medialit("compare", f"{COLLECTION}/spin_orig.txt", f"{COLLECTION}/spin_copy.txt")
    assert "quote reworded (similarity 0." in proc.stdout and "speaker Mayor Elena Ruiz" in proc.stdout


def test_families_lists_furniture_with_counts_and_the_copy_trail():
    proc = run_medialit("families", "--trail", COLLECTION)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "37 articles in 31 families (5 with more than one article)" in out
    assert "[10 articles] Subscribe to our morning briefing" in out
    assert "wire_v2 (2031-05-06) <- wire_v1:" in out and "wire_v3 (2031-05-07) <- wire_v2:" in out


def test_families_json_has_links_furniture_and_trails():
    data = json.loads(run_medialit("families", "--json", "--trail", COLLECTION).stdout)
    assert {"families", "links", "furniture", "trails"} <= set(data)
    assert {f["articles"] for f in data["furniture"]} == {10, 3}  # the Courier template; two smaller sites
    wire = next(t for t in data["trails"] if any("wire_v1" in v["id"] for v in t))
    assert [Path(v["id"]).stem for v in wire] == ["wire_v1", "wire_v2", "wire_v3"]


def test_families_jobs_2_prints_exactly_what_jobs_1_prints(tmp_path):
    articles, _ = _bench().generate_corpus(90, seed=3)
    for key, text in articles.items():
        (tmp_path / f"{key}.txt").write_text(text, encoding="utf-8")
    one = run_medialit("families", "--json", "--jobs", "1", str(tmp_path))
    two = run_medialit("families", "--json", "--jobs", "2", str(tmp_path))
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert one.stdout == two.stdout and len(json.loads(one.stdout)["links"]) > 10


def test_families_jobs_must_be_a_positive_number():
    proc = run_medialit("families", "--jobs", "0", COLLECTION)
    assert proc.returncode == 2 and "argument --jobs/-j: must be 1 or more, not 0" in proc.stderr
    assert "Traceback" not in proc.stderr
