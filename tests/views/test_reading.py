"""Tests of medialit/views/reading.py (the reading view) and medialit/corpus/lateral.py (the
offline lateral-reading snapshot), on the seeds and small inline texts."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import medialit
from helpers import ROOT, SEED_FILES
from medialit.corpus import CorpusError, load_corpus
from medialit.corpus.lateral import SNAPSHOT_FILE, load_snapshot
from medialit.views import show_article, show_lateral_reading

SEED_IDS = [p.name[:3] for p in SEED_FILES]


def test_show_article_is_exported_at_the_top_level_without_importing_the_views_first():
    out = subprocess.run([sys.executable, "-c", "import sys, medialit; print('medialit.views' in sys.modules); "
                          "f = medialit.show_article; print(f.__module__)"],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.stdout.split() == ["False", "medialit.views.reading"], out.stderr
    assert medialit.show_article is show_article


@pytest.mark.parametrize("seed", SEED_IDS)
def test_every_line_of_the_seed_is_in_the_view_in_order_nothing_dropped(seed):
    article = load_corpus()[seed]
    view = show_article(seed)
    text = view.text
    position = 0
    for line in (l.strip() for l in article.text.splitlines()):
        if line:
            found = text.find(line, position)
            assert found >= 0, f"{seed}: line missing or out of order: {line[:60]!r}"
            position = found + len(line)


def test_the_header_gives_outlet_dates_byline_address_and_the_copy_chain():
    facts = dict(show_article("001").facts)
    assert facts["outlet"] == "Al-Ahed News (English site)"
    assert facts["published"].startswith("unknown (") and "6 months ago" in facts["published"]
    assert facts["date of the story it retells"] == "2019-02-09"
    assert facts["byline / author"] == "By Staff, News Agencies"
    assert facts["address (URL)"] == "https://english.alahednews.com.lb/46528/534"
    assert "Sputnik International" in facts["where it came from"] and "Reuters (2019-02-08)" in facts["where it came from"]
    assert dict(show_article("002").facts)["byline / author"] == "none in the text"


def test_catalog_false_shows_only_what_the_page_itself_shows():
    view = show_article("001", catalog=False)
    assert [k for k, _ in view.facts] == ["headline", "address (URL)", "file"]
    assert "Sputnik" not in view.text.split("\n\n")[0] and "hidden" in view.text.split("\n\n")[0]
    assert "Reuters (2019-02-08)" not in view.html and "finding them is the exercise" in view.html


def test_page_furniture_is_greyed_and_marked_in_words_in_html_and_text():
    view = show_article("002")
    assert "[page furniture: comment prompt] Post a Comment" in view.text
    html = view.html
    marked = re.findall(r'<p class="ml-furniture"[^>]*><span class="ml-marker" tabindex="0">\[page furniture: ([^\]]+)\]<span class="ml-why"[^>]*>[^<]*</span></span> ([^<]+)</p>', html)
    assert ("comment prompt", "No comments:") in marked and ("comment prompt", "Post a Comment") in marked
    assert len(marked) == sum(b.kind == "boilerplate" for b in view.blocks) == 2
    assert "[dateline] Saturday 9 February 2019" in view.text


def test_the_russian_interface_string_of_000_is_shown_as_furniture_not_dropped():
    view = show_article("000")
    (line,) = [b for b in view.blocks if "Заголовок" in b.text]
    assert line.kind == "boilerplate"
    assert "[page furniture:" in view.text.split("Заголовок")[0].splitlines()[-1]


def test_one_paragraph_a_line_stays_apart_and_hard_wrapped_lines_are_joined(tmp_path):
    path = tmp_path / "wrapped.txt"
    path.write_text("Harbour Reopens After Repairs\n\nThe harbour reopened on Monday, the port authority said.\n\n"
                    "Boats returned by noon after a week in which\nfishing crews waited on shore.\n"
                    "The ferry runs again on Tuesday.\nShare this article\n", encoding="utf-8")
    view = show_article(path)
    body = [b.text for b in view.blocks if b.kind == "body"]
    assert body == ["The harbour reopened on Monday, the port authority said.",
                    "Boats returned by noon after a week in which fishing crews waited on shore.",
                    "The ferry runs again on Tuesday."]
    assert view.text.splitlines()[-1] == "[page furniture: share or follow button] Share this article"
    # one seed line, one paragraph: 002 has no blank lines between its paragraphs
    seed = load_corpus()["002"].text
    lines = [l for l in seed.splitlines() if l.strip()]
    assert sum(b.kind == "body" for b in show_article("002").blocks) == len(lines) - 4 == 15   # dateline, headline, 2 prompts


def test_sizes_are_relative_and_the_width_is_readable():
    html = show_article("003").html
    style = html.split("</style>")[0]
    assert not re.search(r"font-size:\s*[\d.]+px", style)
    assert re.search(r"\.ml-read\{max-width:4\d(\.\d+)?em", style)
    assert "px" not in re.sub(r"border[^;}]*", "", style)


def test_text_from_the_file_is_escaped(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text("A <b>bold</b> claim\n\nOfficials said <script>alert(1)</script> nothing.\n", encoding="utf-8")
    view = show_article(path)
    assert "<script>" not in view.html and "&lt;script&gt;" in view.html
    assert "<script>alert(1)</script>" in str(view)


def test_an_unknown_id_names_the_ids_there_are_and_a_bad_file_names_the_file(tmp_path):
    with pytest.raises(KeyError, match=r"no article '009'.*000, 001"):
        show_article("009")
    bad = tmp_path / "empty.txt"
    bad.write_text("  \n", encoding="utf-8")
    with pytest.raises(CorpusError, match="empty.txt"):
        show_article(bad)


# ---------------------------------------------------------------- the lateral-reading snapshot

def test_the_snapshot_asks_every_outlet_the_same_questions_wire_service_included():
    snap = load_snapshot()
    names = [e.outlet for e in snap.entries]
    for outlet in ("Sputnik", "Al-Ahed", "Reuters", "The New York Times", "The Guardian", "Blogger", "WordPress"):
        assert any(outlet in n for n in names), outlet
    assert all(len(e.answers) == len(snap.questions) for e in snap.entries)
    assert all(len(p.answers) == len(snap.person_questions) for p in snap.people)
    owner = snap.questions.index("who owns it")
    assert "Rossiya Segodnya" in snap.find("Sputnik")[0].answers[owner]
    assert "Hezbollah" in snap.find("Al-Ahed")[0].answers[owner]
    assert "Thomson Reuters" in snap.find("Reuters")[0].answers[owner]
    assert "Scott Trust" in snap.find("Guardian")[0].answers[owner]
    # the wire service's own sourcing is weighed like everyone else's
    assert "unnamed" in snap.find("Reuters")[0].answers[snap.questions.index("what to weigh for these stories")]


def test_the_snapshot_is_marked_as_a_teaching_snapshot_with_the_years_it_describes():
    raw = (ROOT / "medialit" / "corpus" / SNAPSHOT_FILE).read_text(encoding="utf-8")
    assert raw.startswith("# TEACHING SNAPSHOT, NOT LIVE SEARCH RESULTS.")
    assert re.search(r"20\d\d-20\d\d", load_snapshot().describes)
    html = str(show_lateral_reading())
    assert "[Teaching snapshot, not live search results]" in html
    assert html.count("<tr>") == len(load_snapshot().entries) + 1
    assert str(show_lateral_reading("reuters")).count("<th scope='row'>") == 1


def test_the_snapshot_ships_in_the_wheel():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = project["tool"]["setuptools"]["package-data"]["medialit"]
    assert any(Path("corpus", SNAPSHOT_FILE).match(p) for p in patterns)


def test_a_row_that_skips_a_question_is_refused_naming_the_file():
    from medialit.corpus.lateral import OUTLET_KEYS, _entries
    with pytest.raises(CorpusError, match="snap.toml: entry 1 lacks funding"):
        _entries([{"name": "X", **{k: "y" for k in OUTLET_KEYS if k != "funding"}}], OUTLET_KEYS, "snap.toml")


def test_the_people_table_asks_every_person_the_same_questions_and_a_miss_says_so():
    html = str(show_lateral_reading(people=True))
    assert "Jim Jatras" in html and "Christopher Sabatini" in html
    assert html.count("<th scope='row'>") == len(load_snapshot().people)
    assert "No row matches 'Daily Example'" in str(show_lateral_reading("Daily Example"))


def test_one_outlet_and_one_person_share_one_banner_and_a_missed_person_says_so():
    html = str(show_lateral_reading("Al-Ahed", person="Bolton"))
    assert html.count("[Teaching snapshot, not live search results]") == 1
    assert html.count("<th scope='row'>") == 2 and "Al-Ahed" in html and "John Bolton" in html
    assert html.count("<table") == 2 and "who owns it" in html and "whom they speak for" in html
    assert "No row matches 'Nobody'" in str(show_lateral_reading("Reuters", person="Nobody"))
    assert "<table" in str(show_lateral_reading("Reuters")) and str(show_lateral_reading("Reuters")).count("<table") == 1
