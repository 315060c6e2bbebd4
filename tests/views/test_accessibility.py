"""Accessibility of the HTML views: every highlight carries a text marker besides its colour,
text sizes follow JupyterLab's settings (no px), text on a fixed background has its own
colour with WCAG AA contrast (so the dark theme cannot put light text on a light highlight),
and bars that stand for numbers say the numbers to screen readers."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from helpers import FIXTURES
from medialit.checks import check_text
from medialit.compare import compare
from medialit.exercises.results import CheckResult, Note, ResultTable
from medialit.figures import compare_figures, extract
from medialit.views import (checks_table, comparisons_table, figures_table, legend, show_figures, show_page,
                            show_sourcing, side_by_side, summary_table)
from medialit.views.charts.alt import caption_html
from medialit.views.colours import AA_TEXT, contrast
from medialit.views.sourcing import MARKERS

FERRY = FIXTURES / "pages" / "harbor-ledger-ferry.html"
DATES = {"000": "2019-03-12", "001": "2019-02-09", "002": "2019-02-09", "003": "2022-03-06", "004": "2022-03-06"}
RESULTS = [CheckResult("q0.1", "single_choice", "correct", 1.0, 1.0, "Correct: 'anonymous'."),
           CheckResult("q0.2", "single_choice", "incorrect", 0.0, 1.0, "Not yet.", details=("Look at who speaks.",),
                       hint="Who is named?"),
           CheckResult("q0.3", "free_text", "saved", 0.0, 0.0, "Saved."),
           CheckResult("q0.4", "number", "unanswered", 0.0, 1.0, "Not answered yet."),
           CheckResult("q0.5", "number", "invalid", 0.0, 1.0, "Not a number: 'five'.")]


def _views(seeds) -> dict[str, str]:
    """Every HTML view of the kit, as Jupyter receives it."""
    views = {}
    for a in seeds:
        views[f"show_sourcing {a.id}"] = show_sourcing(a)._repr_html_()
        views[f"show_figures {a.id}"] = show_figures(a)._repr_html_()
        views[f"figures_table {a.id}"] = figures_table(a)._repr_html_()
        views[f"checks_table {a.id}"] = checks_table(check_text(a.text, article_date=DATES[a.id]))._repr_html_()
    views["legend"] = legend()._repr_html_()
    views["summary_table"] = summary_table(seeds)._repr_html_()
    views["comparisons_table"] = comparisons_table(compare_figures(seeds["001"].text, seeds["002"].text))._repr_html_()
    views["side_by_side 001 002"] = side_by_side(seeds["001"].text, seeds["002"].text)._repr_html_()
    views["side_by_side 003 004"] = side_by_side(seeds["003"].text, seeds["004"].text)._repr_html_()
    views["show_page"] = show_page(FERRY)._repr_html_()
    for r in RESULTS:
        views[f"check result {r.status}"] = r._repr_html_()
    views["result table"] = ResultTable("Your answers", ("exercise", "status"), (("q0.1", "✓ correct"),))._repr_html_()
    views["note"] = Note("Saved.")._repr_html_()
    views["chart caption"] = caption_html("Bar chart: a 40%, b 60%.")
    return views


@pytest.fixture(scope="module")
def views(seeds):
    return _views(seeds)


# --- parsing helpers ---------------------------------------------------------------------------

def _declarations(body: str) -> dict[str, str]:
    out = {}
    for part in body.split(";"):
        if ":" in part:
            name, value = part.split(":", 1)
            out[name.strip().lower()] = value.strip()
    return out


def _rules(html: str) -> list[tuple[str, dict[str, str]]]:
    css = "".join(re.findall(r"<style>(.*?)</style>", html, flags=re.S))
    return [(sel.strip(), _declarations(body)) for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)]


def _fixed_colour(value: str | None) -> str | None:
    """A hex colour, or the hex fallback of ``var(--jp-..., #hex)``; None if the theme decides."""
    if not value:
        return None
    match = re.fullmatch(r"(#[0-9a-fA-F]{3,6})|var\(--[\w-]+,\s*(#[0-9a-fA-F]{3,6})\)", value.strip())
    return (match.group(1) or match.group(2)) if match else None


class _Elements(HTMLParser):
    """Each element with its tag, classes, inline style and whether it holds any text."""

    VOID = {"br", "img", "hr", "meta", "input", "link"}

    def __init__(self):
        super().__init__()
        self.stack, self.elements = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        element = {"tag": tag, "classes": (a.get("class") or "").split(), "style": _declarations(a.get("style") or ""),
                   "attrs": a, "text": ""}
        self.elements.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        in_style = any(e["tag"] == "style" for e in self.stack)
        for element in self.stack:
            if not in_style:
                element["text"] += data


def _elements(html: str) -> list[dict]:
    parser = _Elements()
    parser.feed(html)
    return parser.elements


def _matches(selector: str, element: dict) -> bool:
    """Does the last compound of ``selector`` (``.a .b``, ``span.ml-l``, ``.ml-cmp del``) fit?"""
    last = selector.split()[-1]
    tag, *classes = last.split(".")
    return (not tag or tag == element["tag"]) and all(c in element["classes"] for c in classes) and bool(tag or classes)


def _style_of(element: dict, rules) -> dict[str, str]:
    merged = {}
    for selectors, decls in rules:
        if any(_matches(s, element) for s in selectors.split(",")):
            merged.update(decls)
    merged.update(element["style"])
    return merged


# --- the tests ---------------------------------------------------------------------------------

def test_no_view_sets_a_text_size_in_px(views):
    for name, html in views.items():
        assert not re.search(r"font(?:-size)?\s*:[^;}\"']*\d(?:\.\d+)?px", html), name


def test_the_text_views_follow_jupyterlabs_content_font_size(views):
    for name, html in views.items():
        if name.split()[0] in ("show_sourcing", "show_figures", "legend", "side_by_side", "show_page", "chart"):
            assert "font-size:var(--jp-content-font-size1," in html, name


def test_text_on_a_fixed_background_has_its_own_colour_with_aa_contrast(views):
    checked = 0
    for name, html in views.items():
        rules = _rules(html)
        for element in _elements(html):
            style = _style_of(element, rules)
            background = _fixed_colour(style.get("background") or style.get("background-color"))
            if background is None or not element["text"].strip():
                continue
            colour = _fixed_colour(style.get("color"))
            assert colour, f"{name}: <{element['tag']} class={element['classes']}> on {background} has no text colour"
            assert contrast(colour, background) >= AA_TEXT, (name, element["tag"], colour, background)
            checked += 1
    assert checked > 100


def test_muted_and_theme_colours_fall_back_to_readable_ones(views):
    """Where the theme decides the colour, its fallback (used outside JupyterLab) reads on white."""
    seen = set()
    for html in views.values():
        for _, decls in _rules(html):
            value = decls.get("color", "")
            if value.startswith("var("):
                fallback = _fixed_colour(value)
                if fallback:
                    seen.add(fallback)
                    assert contrast(fallback, "#ffffff") >= AA_TEXT, value
    assert seen


def test_every_sourcing_highlight_has_its_marker_and_every_hedge_a_tilde(seeds):
    for a in seeds:
        html = show_sourcing(a).html
        sentences = re.findall(r'<span class="ml-s" tabindex="0"[^>]*data-label="(\w+)"([^>]*)><span class="ml-m">([^<]*)</span>'
                               r'(.*?)(?=<span class="ml-s"|</div>)', html, flags=re.S)
        assert len(sentences) == html.count('class="ml-s" tabindex="0"') > 5, a.id
        for label, attrs, marker, inner in sentences:
            assert marker.rstrip("~") == MARKERS[label], (a.id, label, marker)
            if 'class="ml-hedge"' in inner:
                assert marker.endswith("~"), (a.id, inner[:80])
            assert ('data-uncertain="true"' in attrs) == ("(check this yourself)" in inner), (a.id, inner[:80])


def test_every_highlighted_figure_is_followed_by_its_kind_in_words(seeds):
    for a in seeds:
        html = show_figures(a).html
        figures = extract(a.text)
        marked = re.findall(r'<span class="ml-f"[^>]*>[^<]*</span><span class="ml-k" tabindex="0">\[(\w+)\]'
                            r'<span class="ml-why" role="note"> \(why: (\w+):', html)
        assert len(marked) == html.count('class="ml-f"') == len(figures), a.id
        assert all(kind == shown for kind, shown in marked)


def test_every_coloured_verdict_cell_says_its_verdict_with_a_symbol_and_a_word(seeds):
    checks = [c for a in seeds for c in check_text(a.text, article_date=DATES[a.id])]
    html = checks_table(checks).html
    cells = re.findall(r'<td style="border-left:[^"]*"><b>([^<]*)</b></td>', html)
    assert len(cells) == len(checks) > 3
    for cell, c in zip(cells, checks):
        assert cell.split(" ", 1) == [{"consistent": "✔", "inconsistent": "✘", "cannot tell": "?"}[c.verdict], c.verdict]
    assert f"({len(checks)}: " in html   # the caption counts the verdicts


def test_every_deletion_and_insertion_is_spoken_before_it_is_shown(seeds):
    html = side_by_side(seeds["001"].text, seeds["002"].text).html
    table = html.split('<table class="ml-cmp">')[1].split("</table>")[0]
    assert table.count("<del>") == table.count('<span class="ml-sr">deleted: </span><del>') > 0
    assert table.count("<ins>") == table.count('<span class="ml-sr">inserted: </span><ins>') > 0
    assert ".ml-sr{position:absolute" in html
    assert "<del>struck-through</del> words were deleted" in html   # the legend, in words


def test_comparison_counts_match_the_result(seeds):
    result = compare(seeds["001"].text, seeds["002"].text)
    html = side_by_side(seeds["001"].text, seeds["002"].text, result=result).html
    html = html.split('<table class="ml-cmp">')[1].split("</table>")[0]
    deleted = sum(1 for p in result.pairs if p.a is not None and p.b is not None
                  for c in p.changes if c.op in ("delete", "replace") and c.a_start is not None)
    assert 0 < html.count("<del>") <= deleted


def test_the_page_bar_says_every_part_and_its_size_to_screen_readers():
    html = show_page(FERRY).html
    bar = re.search(r'<div class="ml-bar" role="img" aria-label="([^"]*)">(.*?)</div>', html, flags=re.S)
    assert bar
    segments = re.findall(r'title="([^"]*): ([\d,]+) characters"', bar.group(2))
    assert len(segments) >= 4
    listing = re.search(r'<ul aria-label="the page text by size">(.*?)</ul>', html, flags=re.S).group(1)
    for label, n in segments:
        assert f"{label}: {n} characters (" in bar.group(1), label
        assert f"{label}: {n} characters (" in listing, label
    assert '<span class="ml-wire" title="wire credit">Reuters</span><span class="ml-k">[wire credit]</span>' in html


def test_check_results_say_their_status_with_a_symbol_and_words(views):
    for r in RESULTS:
        html = views[f"check result {r.status}"]
        assert f"{r.exercise_id} {'✓' if r.passed else ('○' if r.status == 'unanswered' else '✗')} " in html
        assert r.message.replace("'", "&#x27;") in html and 'role="status"' in html


def test_tables_name_their_headers_for_screen_readers(seeds):
    for html in (figures_table(seeds["003"]).html, checks_table(check_text(seeds["003"].text)).html,
                 show_page(FERRY).html):
        assert "<caption>" in html and "<th>" not in html


# --- reasons: reachable by keyboard and read by screen readers, never in a title only ---------------

class _Marks(HTMLParser):
    """The focusable marks of a view (``tabindex`` and the text of the reason inside each), and
    every ``title`` attribute."""

    def __init__(self):
        super().__init__()
        self.marks: list[dict] = []
        self.titles: list[str] = []
        self._stack: list[tuple[str, bool, bool]] = []      # (tag, opens a mark, opens a reason)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if "title" in attrs:
            self.titles.append(attrs["title"])
        mark, why = "tabindex" in attrs, "ml-why" in classes
        if mark:
            self.marks.append({"tabindex": attrs.get("tabindex"), "why": "", "reasons": 0})
        if why and self.marks:
            self.marks[-1]["reasons"] += 1
        self._stack.append((tag, mark, why))

    def handle_endtag(self, tag):
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if any(why for _, _, why in self._stack) and self.marks:
            self.marks[-1]["why"] += data


def marks_of(html: str) -> _Marks:
    parser = _Marks()
    parser.feed(html)
    return parser


def _reason(why: str) -> str:
    assert why.startswith(" (why: ") and why.endswith(")"), why
    return why[len(" (why: "):-1]


def test_no_view_keeps_a_reason_in_a_title_attribute_only(views, seeds):
    from medialit import show_article
    for name, html in {**views, **{f"show_article {a.id}": show_article(a.id).html for a in seeds}}.items():
        titles = marks_of(html).titles
        if name != "show_page":
            assert not titles, (name, titles[:3])
    page = marks_of(views["show_page"])
    listing = re.search(r"<ul[^>]*>(.*?)</ul>", views["show_page"], flags=re.S).group(1)
    for title in page.titles:               # the bar's parts: each is also in the list under it, in words
        assert title == "wire credit" or title.split(":")[0] in listing, title


def test_every_sourcing_reason_is_in_a_mark_that_takes_the_keyboard_focus(seeds):
    from medialit.sourcing.tagger import tag
    for a in seeds:
        tags = tag(a.text)
        marks = marks_of(show_sourcing(a).html).marks
        assert len(marks) == len(tags) > 5, a.id
        for t, mark in zip(tags, marks):
            assert mark["tabindex"] == "0" and mark["reasons"] == 1, (a.id, t.text[:40])
            assert _reason(mark["why"]) == t.reason + (f" Source: {t.source}." if t.source else ""), a.id


def test_every_figure_reading_is_in_a_mark_that_takes_the_keyboard_focus(seeds):
    for a in seeds:
        figures = sorted(extract(a.text), key=lambda f: f.start)
        marks = marks_of(show_figures(a).html).marks
        assert len(marks) == len(figures) > 0, a.id
        for f, mark in zip(figures, marks):
            assert mark["tabindex"] == "0" and mark["reasons"] == 1
            why = _reason(mark["why"])
            assert why.startswith(f"{f.kind}: value ") and (not f.unit or f"unit {f.unit}" in why), why


def test_every_page_furniture_reason_is_in_a_mark_that_takes_the_keyboard_focus(seeds):
    from medialit import show_article
    from medialit.views.reading import blocks
    for a in seeds:
        furniture = [b for b in blocks(a.text) if b.kind == "boilerplate"]
        marks = marks_of(show_article(a.id).html).marks
        assert [_reason(m["why"]) for m in marks] == [b.reason for b in furniture], a.id
        assert all(m["tabindex"] == "0" for m in marks)
    assert sum(1 for a in seeds for b in blocks(a.text) if b.kind == "boilerplate") > 10


def test_a_reason_is_hidden_from_sight_until_its_mark_is_focused_or_hovered():
    from medialit.views.html import REASON_CSS
    rules = dict(re.findall(r"([^{}]+)\{([^}]*)\}", REASON_CSS))
    hidden = rules[".ml-why"]
    assert "clip:rect(0,0,0,0)" in hidden and "position:absolute" in hidden and "display:none" not in hidden
    shown = next(body for selector, body in rules.items() if "[tabindex]:focus>.ml-why" in selector.split(","))
    assert "position:static" in shown and "clip:auto" in shown and "clip-path:none" in shown
    assert any("[tabindex]:hover>.ml-why" in s.split(",") and "[tabindex]:focus-within>.ml-why" in s.split(",")
               for s in rules)
    assert contrast("#111111", "#ffffff") >= AA_TEXT and "color:#111111" in shown and "background:#ffffff" in shown
