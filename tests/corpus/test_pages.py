"""Tests of medialit/corpus/pages.py (reading a saved page) and medialit/corpus/fetch.py
(fetching one and saving a snapshot), on the invented pages of tests/fixtures/pages served
from 127.0.0.1 (the ``page_server`` fixture): no test needs the internet."""
from __future__ import annotations

import json
import socket
import time

import pytest

from helpers import FIXTURES
from medialit.corpus import (CorpusError, Page, decode_html, fetch, find_wire_credits, load_article, load_corpus,
                             read_page, save_snapshot)
from medialit.corpus.fetch import USER_AGENT, download
from medialit.corpus.pages import MIN_TEXT_CHARS

PAGES = FIXTURES / "pages"
FERRY = PAGES / "harbor-ledger-ferry.html"
FERRY_PATH = "/news/2023/06/14/night-ferry-cancelled"


# ---------------------------------------------------------------- reading a saved page

def test_the_body_leaves_out_headline_navigation_related_links_newsletter_and_comments():
    page = read_page(FERRY)
    assert page.text.startswith("PORT ELLIS (Reuters) — The overnight ferry")
    assert page.text.endswith("at its meeting next month.")
    for left_out in ("Night ferry to Carrow Island", "Subscribe", "Read more", "Related stories", "Harbour dredging",
                     "Sign up now", "Third cancellation", "islandgran", "All rights reserved", "ledgerAds"):
        assert left_out not in page.text, left_out
    assert "“Safety comes before the timetable,” said Oren Platt" in page.text


def test_paragraphs_are_separated_by_a_blank_line():
    paragraphs = read_page(FERRY).text.split("\n\n")
    assert len(paragraphs) == 5 and all(p.strip() and "\n" not in p for p in paragraphs)


def test_the_metadata_of_the_page():
    page = read_page(FERRY, url="https://ledger.example/old-address")
    assert page.title == "Night ferry to Carrow Island cancelled after engine fault"
    assert page.authors == ("Mara Quill",)
    assert (page.date, page.updated) == ("2023-06-14", "2023-06-15")
    assert page.outlet == "The Harbor Ledger"
    assert page.url == "https://ledger.example/old-address"
    assert page.canonical_url == "https://ledger.example/news/2023/06/14/night-ferry-cancelled"
    assert page.language == "en-GB"
    assert page.wire_credits == ("Reuters",)


def test_removed_says_what_was_left_out_with_sizes():
    removed = {r.what: r.chars for r in read_page(FERRY).removed}
    assert removed["headline (kept as the title)"] == len("Night ferry to Carrow Island cancelled after engine fault")
    assert removed["boilerplate (read_more_link)"] == len("Read more: Harbour dredging to start in July")
    assert removed["comments"] > 100
    assert removed["navigation, links and other page text"] > 100


def test_the_json_has_exactly_the_documented_keys():
    data = read_page(FERRY).to_dict()
    assert list(data) == ["text", "title", "authors", "date", "updated", "outlet", "url", "canonical_url",
                          "language", "wire_credits", "removed"]
    json.dumps(data)
    assert data["removed"][0] == {"what": "headline (kept as the title)", "chars": 57}


def test_a_saved_page_knows_where_it_was_saved_from():
    html = FERRY.read_text(encoding="utf-8").replace(
        "<html", "<!-- saved from url=(0055)https://ledger.example/news/2023/06/14/night-ferry -->\n<html", 1)
    page = read_page(html)
    assert page.url == "https://ledger.example/news/2023/06/14/night-ferry"
    assert page.canonical_url == "https://ledger.example/news/2023/06/14/night-ferry-cancelled"
    assert read_page(FERRY).canonical_url is None  # relative, with nothing to resolve it against


def test_html_given_as_str_or_bytes_reads_like_the_file():
    assert read_page(FERRY.read_text(encoding="utf-8")) == read_page(FERRY) == read_page(FERRY.read_bytes())


def test_a_date_only_in_the_metadata_is_found():
    page = read_page(PAGES / "meta-date-only.html")
    assert page.date == "2022-11-03" and page.updated is None
    assert page.outlet == "The Fenwick Courier" and page.authors == ()


def test_a_windows_1252_page_reads_right():
    page = read_page(PAGES / "windows-1252.html")
    assert page.title == "La feria del café abre el sábado"
    assert "“Queremos que la gente pruebe el café de aquí”, dijo Lucía Ibáñez" in page.text
    assert "el ayuntamiento — la primera" in page.text and "3 €" in page.text
    assert page.language == "es" and page.date == "2021-09-10"


@pytest.mark.parametrize("data, charset, expected", [
    ("\ufeff<p>naïve</p>".encode("utf-8"), None, "<p>naïve</p>"),
    ("<p>naïve</p>".encode("utf-16"), None, "<p>naïve</p>"),
    ('<meta charset="iso-8859-1"><p>“naïve”</p>'.encode("cp1252"), None, '<meta charset="iso-8859-1"><p>“naïve”</p>'),
    ("<p>€</p>".encode("cp1252"), "windows-1252", "<p>€</p>"),
    ('<meta charset="utf-8"><p>caf\xe9</p>'.encode("cp1252"), None, '<meta charset="utf-8"><p>café</p>'),
    ('<meta charset="no-such-codec"><p>é</p>'.encode("utf-8"), None, '<meta charset="no-such-codec"><p>é</p>'),
])
def test_bytes_are_decoded_by_the_declared_encoding_with_sensible_fallbacks(data, charset, expected):
    assert decode_html(data, charset) == expected


@pytest.mark.parametrize("html", ["", "<html></html>", (PAGES / "javascript-shell.html").read_text(encoding="utf-8"),
                                  "<p>" + "x" * (MIN_TEXT_CHARS - 10) + "</p>", "not html at all, just words"])
def test_an_empty_or_tiny_page_is_a_one_line_error(html, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        read_page(path)
    assert str(caught.value) == f"{path}: the page seems to hold no article text: is it behind a paywall or built by JavaScript?"


def test_a_huge_page_is_refused_before_it_is_parsed(tmp_path):
    path = tmp_path / "huge.html"
    path.write_bytes(b"<p>" + b"word " * 300_000 + b"</p>")
    with pytest.raises(CorpusError, match=r"huge\.html: page is too large \(1,500,007 bytes; the limit is 1,000,000\)"):
        read_page(path, max_bytes=1_000_000)


def test_a_page_with_too_many_tags_is_refused():
    with pytest.raises(CorpusError, match=r"^<html>: page has too many tags"):
        read_page("<div>" * 300_000)


def test_a_page_that_takes_too_long_is_abandoned(monkeypatch):
    import medialit.corpus.pages as pages
    monkeypatch.setattr(pages, "_extract", lambda html, name, url: time.sleep(2))
    started = time.monotonic()
    with pytest.raises(CorpusError, match=r"^<html>: reading the page took longer than 0.2 seconds"):
        read_page("<p>x</p>", max_seconds=0.2)
    assert time.monotonic() - started < 1.5


def test_a_missing_file_or_a_folder_is_a_one_line_error(tmp_path):
    with pytest.raises(CorpusError, match=r"nope\.html: file does not exist"):
        read_page(tmp_path / "nope.html")
    with pytest.raises(CorpusError, match=r"is a folder, not a web page"):
        read_page(tmp_path)


@pytest.mark.parametrize("text, credits", [
    ("PARIS (Reuters) — Shares fell.", ("Reuters",)),
    ("AP — The storm weakened.", ("AP",)),
    ("WASHINGTON (AP/AFP) - Talks resumed.", ("AP", "AFP")),
    ("The Reuters (Reuters) report is cited much later in a long opening sentence that goes on and on, " * 2, ()),
    ("Officials said the talks failed.", ()),
    ("Officials said (AP) nothing.\n\nLONDON (Reuters) — later", ()),
])
def test_wire_credits_at_the_start_of_the_body(text, credits):
    assert find_wire_credits(text) == credits


# ---------------------------------------------------------------- pages as articles

def test_load_article_reads_a_saved_page_as_headline_blank_line_body():
    article = load_article(FERRY)
    page = read_page(FERRY)
    assert article.text == page.title + "\n\n" + page.text
    assert article.id == "harbor-ledger-ferry" and article.title == page.title
    assert (article.outlet, article.published, article.byline) == ("The Harbor Ledger", "2023-06-14", "Mara Quill")
    assert article.url == "unknown"  # the canonical link is relative, and the file does not say where it was saved from
    assert article.meta["updated"] == "2023-06-15" and article.meta["wire_credits"] == ["Reuters"]


def test_a_folder_may_mix_text_and_html_files_and_one_bad_page_stops_nothing(tmp_path):
    (tmp_path / "a.txt").write_text("Rain Expected\n\nForecasters said rain would fall.\n", encoding="utf-8")
    (tmp_path / "b.html").write_bytes(FERRY.read_bytes())
    (tmp_path / "c.HTM").write_bytes((PAGES / "windows-1252.html").read_bytes())
    (tmp_path / "d.html").write_bytes((PAGES / "javascript-shell.html").read_bytes())
    with pytest.warns(UserWarning, match=r"d\.html: the page seems to hold no article text"):
        corpus = load_corpus(tmp_path)
    assert corpus.ids == ["a", "b", "c"]
    assert corpus["c"].title == "La feria del café abre el sábado"
    assert len(corpus.errors) == 1


def test_a_snapshot_folder_reads_each_page_once_from_its_txt(tmp_path, page_server):
    html, txt = save_snapshot(page_server.url(FERRY_PATH), tmp_path)
    corpus = load_corpus(tmp_path)
    assert [a.path for a in corpus] == [txt]


# ---------------------------------------------------------------- fetching

def test_fetch_reads_the_page_and_names_the_kit(page_server):
    page = fetch(page_server.url(FERRY_PATH))
    assert isinstance(page, Page) and page.title.startswith("Night ferry")
    assert page.url == page_server.url(FERRY_PATH) and page.canonical_url == page_server.url(FERRY_PATH)
    assert page_server.requests[-1] == (FERRY_PATH, USER_AGENT) and USER_AGENT.startswith("medialit/")


def test_fetch_follows_a_redirect(page_server):
    got = download(page_server.url("/old-address"))
    assert got.final_url == page_server.url(FERRY_PATH)
    assert fetch(page_server.url("/old-address")).url == page_server.url(FERRY_PATH)


def test_a_windows_1252_page_without_a_charset_header_is_decoded_by_its_meta_tag(page_server):
    assert "Lucía Ibáñez" in fetch(page_server.url("/feria")).text


def test_a_page_dated_only_in_its_metadata(page_server):
    assert fetch(page_server.url("/library")).date == "2022-11-03"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("path, kwargs, problem", [
    ("/missing", {}, r"the server answered HTTP 404 Not Found"),
    ("/broken", {}, r"the server answered HTTP 500 Internal Server Error"),
    ("/loop", {}, r"too many redirects or a redirect loop \(HTTP 302\)"),
    ("/to-ftp", {}, r"redirects to ftp://127\.0\.0\.1/page\.html, which is not an http\(s\) address"),
    ("/slow", {"timeout": 0.5}, r"no answer within 0.5 seconds \(timed out\)"),
    ("/huge", {"max_bytes": 1_000_000}, r"page is too large \(over 1,000,000 bytes, the limit\)"),
    ("/huge-declared", {"max_bytes": 1_000_000}, r"page is too large \(2,500,007 bytes; the limit is 1,000,000\)"),
    ("/report.pdf", {}, r"is not an HTML page \(the server sent application/pdf\)"),
    ("/app", {}, r"the page seems to hold no article text: is it behind a paywall or built by JavaScript\?"),
])
def test_each_fetch_failure_is_one_line_naming_the_url(page_server, path, kwargs, problem):
    url = page_server.url(path)
    with pytest.raises(CorpusError) as caught:
        fetch(url, **kwargs)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(url + ": ")
    assert __import__("re").search(problem, message), message


def test_an_unreachable_host_is_one_line_naming_the_url():
    url = f"http://127.0.0.1:{_closed_port()}/news"
    with pytest.raises(CorpusError, match=r"cannot reach the host") as caught:
        fetch(url, timeout=2)
    assert str(caught.value).startswith(url + ": ")


def test_only_http_and_https_are_fetched():
    with pytest.raises(CorpusError, match=r"file:///etc/passwd: not an http:// or https:// address"):
        fetch("file:///etc/passwd")


# ---------------------------------------------------------------- snapshots

def test_a_snapshot_is_the_html_as_sent_and_a_txt_that_load_article_reads_back(tmp_path, page_server):
    url = page_server.url(FERRY_PATH)
    html, txt = save_snapshot(url, tmp_path / "snaps")
    assert html.name == "127.0.0.1-night-ferry-cancelled.html" and txt.suffix == ".txt"
    assert html.read_bytes() == FERRY.read_bytes()
    article = load_article(txt)
    page = read_page(FERRY, url=url)
    assert article.text == page.article_text + "\n"
    assert (article.title, article.outlet, article.published, article.url, article.byline) == (
        page.title, "The Harbor Ledger", "2023-06-14", url, "Mara Quill")
    meta = article.meta
    assert meta["canonical_url"] == url and meta["updated"] == "2023-06-15" and meta["language"] == "en-GB"
    assert meta["authors"] == ["Mara Quill"] and meta["wire_credits"] == ["Reuters"]
    assert meta["retrieved"].endswith("Z")


def test_fetching_twice_keeps_the_first_snapshot(tmp_path, page_server):
    first = save_snapshot(page_server.url(FERRY_PATH), tmp_path)
    before = first[1].read_text(encoding="utf-8")
    second = save_snapshot(page_server.url(FERRY_PATH), tmp_path)
    assert second[0].name == "127.0.0.1-night-ferry-cancelled-2.html"
    assert second[1].name == "127.0.0.1-night-ferry-cancelled-2.txt"
    assert first[1].read_text(encoding="utf-8") == before


def test_a_failed_fetch_saves_nothing(tmp_path, page_server):
    with pytest.raises(CorpusError):
        save_snapshot(page_server.url("/missing"), tmp_path)
    assert list(tmp_path.iterdir()) == []
