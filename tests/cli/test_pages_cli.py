"""`medialit extract` and `medialit fetch` (medialit/cli/extract.py, fetch.py), and the other
commands on saved pages, against the invented pages of tests/fixtures/pages and the local
server of the ``page_server`` fixture (no test needs the internet)."""
from __future__ import annotations

import json

import jsonschema

from helpers import FIXTURES, PACKAGE, run_medialit
from medialit.corpus import load_article, read_page

PAGES = FIXTURES / "pages"
FERRY = PAGES / "harbor-ledger-ferry.html"
FERRY_PATH = "/news/2023/06/14/night-ferry-cancelled"
KEYS = ["text", "title", "authors", "date", "updated", "outlet", "url", "canonical_url", "language",
        "wire_credits", "removed"]


def test_extract_prints_the_body():
    proc = run_medialit("extract", str(FERRY))
    assert proc.returncode == 0 and proc.stderr == ""
    assert proc.stdout == read_page(FERRY).text + "\n"


def test_extract_json_prints_the_page_record_with_exactly_its_keys():
    proc = run_medialit("extract", "--json", str(FERRY))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert list(data) == KEYS
    assert data == read_page(FERRY).to_dict()
    assert data["wire_credits"] == ["Reuters"] and data["authors"] == ["Mara Quill"]


def test_extract_of_an_empty_page_is_one_error_line():
    proc = run_medialit("extract", str(PAGES / "javascript-shell.html"))
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.endswith("javascript-shell.html: the page seems to hold no article text: "
                                "is it behind a paywall or built by JavaScript?\n")
    assert proc.stderr.count("\n") == 1


def test_extract_fetches_a_url(page_server):
    url = page_server.url(FERRY_PATH)
    proc = run_medialit("extract", "--json", url)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["url"] == url and data["title"].startswith("Night ferry")


def test_extract_of_a_missing_url_is_one_error_line(page_server):
    url = page_server.url("/missing")
    proc = run_medialit("extract", url)
    assert (proc.returncode, proc.stderr) == (1, f"medialit extract: {url}: the server answered HTTP 404 Not Found\n")


def test_fetch_saves_a_snapshot_and_prints_its_txt(tmp_path, page_server):
    proc = run_medialit("fetch", page_server.url(FERRY_PATH), "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    txt = tmp_path / "127.0.0.1-night-ferry-cancelled.txt"
    assert proc.stdout == f"{txt}\n"
    assert (tmp_path / "127.0.0.1-night-ferry-cancelled.html").read_bytes() == FERRY.read_bytes()
    assert load_article(txt).outlet == "The Harbor Ledger"
    again = run_medialit("fetch", page_server.url(FERRY_PATH), "--out", str(tmp_path))
    assert again.stdout == f"{tmp_path / '127.0.0.1-night-ferry-cancelled-2.txt'}\n"


def test_fetch_of_a_pdf_is_one_error_line(tmp_path, page_server):
    url = page_server.url("/report.pdf")
    proc = run_medialit("fetch", url, "--out", str(tmp_path))
    assert (proc.returncode, proc.stderr) == (
        1, f"medialit fetch: {url}: is not an HTML page (the server sent application/pdf)\n")
    assert list(tmp_path.iterdir()) == []


def test_analyze_reads_a_saved_page_as_headline_blank_line_body():
    proc = run_medialit("analyze", "--json", str(FERRY))
    assert proc.returncode == 0, proc.stderr
    (result,) = json.loads(proc.stdout)
    jsonschema.validate([result], json.loads((PACKAGE / "schema" / "analyze.schema.json").read_text()))
    text = load_article(FERRY).text
    assert result["title"] == "Night ferry to Carrow Island cancelled after engine fault"
    for item in result["sentences"]:
        assert text[item["start"]:item["end"]] == item["text"]
    assert any(q["speaker"] == "Oren Platt" for q in result["quotes"]), result["quotes"]


def test_compare_and_families_take_saved_pages_and_text_files(tmp_path):
    page = load_article(FERRY)
    (tmp_path / "copy.txt").write_text(page.text, encoding="utf-8")
    (tmp_path / "ferry.html").write_bytes(FERRY.read_bytes())
    (tmp_path / "library.html").write_bytes((PAGES / "meta-date-only.html").read_bytes())
    proc = run_medialit("compare", str(tmp_path / "ferry.html"), str(tmp_path / "copy.txt"))
    assert proc.returncode == 0, proc.stderr
    assert "Verdict: same story" in proc.stdout, proc.stdout[:300]
    proc = run_medialit("families", "--json", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    families = json.loads(proc.stdout)["families"]
    assert families == [[str(tmp_path / "copy.txt"), str(tmp_path / "ferry.html")], [str(tmp_path / "library.html")]]


def test_the_capstone_report_reads_a_saved_page():
    from medialit.report.capstone import read_article

    article = read_article(str(FERRY))
    assert article.title.startswith("Night ferry") and article.outlet == "The Harbor Ledger"


def test_extract_of_an_address_without_its_scheme_says_how_to_fetch_it(tmp_path):
    proc = run_medialit("extract", "news.example/2024/05/story", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr == ("medialit extract: news.example/2024/05/story: file does not exist "
                           "(to fetch it, give the address with https://: https://news.example/2024/05/story)\n")


def test_analyze_of_a_saved_page_gives_the_sentences_its_text_would(tmp_path):
    text_file = tmp_path / "ferry.txt"
    text_file.write_text(load_article(FERRY).text, encoding="utf-8")
    proc = run_medialit("analyze", "--json", str(FERRY), str(text_file))
    assert proc.returncode == 0, proc.stderr
    page, text = json.loads(proc.stdout)
    assert page["sentences"] and page["sentences"] == text["sentences"]
    assert page["figures"] == text["figures"] and page["quotes"] == text["quotes"]
