"""Tests of medialit/views/pages.py: the page-anatomy view, on the invented pages of tests/fixtures/pages."""
from __future__ import annotations

import re

from helpers import FIXTURES
from medialit.corpus import read_page
from medialit.views import show_page

FERRY = FIXTURES / "pages" / "harbor-ledger-ferry.html"


def test_the_view_shows_the_metadata_the_parts_and_the_body():
    html = show_page(FERRY).html
    assert "<h4>Night ferry to Carrow Island cancelled after engine fault</h4>" in html
    assert '<th scope="row">authors</th><td>Mara Quill</td>' in html and '<th scope="row">published</th><td>2023-06-14</td>' in html
    assert '<th scope="row">canonical address</th><td><i>unknown</i></td>' in html
    for label in ("[kept] article body", "[moved] headline (kept as the title)", "[left out] comments",
                  "[left out] boilerplate (read_more_link)", "[left out] navigation, links and other page text"):
        assert label in html, label
    assert '<span class="ml-wire" title="wire credit">Reuters</span>' in html
    assert html.count("<p>") == len(read_page(FERRY).text.split("\n\n"))


def test_the_shares_add_up_and_every_part_is_named_in_words_not_only_by_colour():
    html = show_page(FERRY).html
    widths = [float(w) for w in re.findall(r'<span style="width:([\d.]+)%', html)]
    assert abs(sum(widths) - 100) < 0.1
    assert len(re.findall(r"<li>", html)) == len(widths)


def test_the_page_text_is_escaped():
    sentences = "".join(f"<p>Paragraph {n}: the council said 3 &lt; {n + 4} and &lt;script&gt;alert({n})&lt;/script&gt; "
                        f"is only text here, as item {n} of the agenda shows.</p>" for n in range(5))
    html = show_page("<html><body><article><h1>Tags &lt;script&gt; in text</h1>" + sentences
                     + "</article></body></html>").html
    assert "<script>" not in html and "&lt;script&gt;" in html
