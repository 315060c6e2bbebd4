"""The glossary (docs/glossary.md) has the course's terms, and the notebooks link them: every
glossary link in a notebook points at an anchor that exists, and in the notebooks of this course
round (00, 01, 03, 04, 05, 07) the first markdown cell that uses a glossary term links it."""
from __future__ import annotations

import json
import re

import pytest

from helpers import NOTEBOOKS, ROOT

GLOSSARY = ROOT / "docs" / "glossary.md"
LINK = re.compile(r"\]\((?:\.\./)?docs/glossary\.md#([^)\s]+)\)")

REQUIRED = ["attribution", "anonymous-source", "named-source", "unattributed-claim", "hedge", "reporting-verb",
            "wire-service", "rewrite", "lateral-reading", "loaded-term", "concordance", "collocation", "framing",
            "quote-drift", "reference-data"]

# anchor -> the forms of the term a notebook may use (case-insensitive, except SIFT)
TERMS = {
    "attribution": r"attribution", "anonymous-source": r"anonymous sources?", "named-source": r"named sources?",
    "unattributed-claim": r"unattributed(?: claims?)?", "hedge": r"hedge[sd]?", "reporting-verb": r"reporting verbs?",
    "wire-service": r"wire services?|news agency|news agencies", "rewrite": r"rewrites?",
    "lateral-reading": r"lateral reading", "loaded-term": r"loaded (?:terms?|words?)", "concordance": r"concordances?",
    "collocation": r"collocations?", "framing": r"framing", "quote-drift": r"quote drift",
    "reference-data": r"reference data|reference tables?", "page-furniture": r"page furniture", "byline": r"bylines?",
    "dateline": r"datelines?", "copy-trail": r"copy trails?", "sift": r"SIFT", "state-funded": r"state-funded",
    "ultimate-source": r"ultimate source", "fermi-estimate": r"Fermi estimates?", "vague-amount": r"vague amounts?",
    "teaching-snapshot": r"teaching snapshot", "attribution-drift": r"attribution drift",
}
COURSE = ["00_start_here", "01_who_is_behind_it", "03_quotes_and_attribution_drift", "04_unsourced_claims",
          "05_checking_figures", "07_capstone_bring_your_own"]
# code, headings and HTML tags are not prose; a link's text is (the link itself is checked separately)
NOT_PROSE = re.compile(r"`[^`]*`|^#.*$|<[^>]+>|\]\([^)]*\)", re.M)


def anchors() -> set[str]:
    return set(re.findall(r'<a id="([\w-]+)"></a>', GLOSSARY.read_text(encoding="utf-8")))


def markdown_cells(path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


def test_the_glossary_has_every_required_term_and_every_anchor_heads_an_entry():
    text = GLOSSARY.read_text(encoding="utf-8")
    assert set(REQUIRED) <= anchors() and set(TERMS) <= anchors()
    for anchor in anchors():
        assert re.search(rf'<a id="{anchor}"></a>\n## \S', text), f"anchor {anchor} is not right above a heading"
    assert len(re.findall(r'<a id=', text)) == len(anchors()), "an anchor is used twice"


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_every_glossary_link_points_at_an_anchor_that_exists(path):
    known = anchors()
    for cell in markdown_cells(path):
        for anchor in LINK.findall(cell):
            assert anchor in known, f"{path.name}: link to glossary.md#{anchor}, which does not exist"


def test_the_link_checker_sees_a_broken_link():
    assert LINK.findall("a [hedge](../docs/glossary.md#hedges) here") == ["hedges"]
    assert "hedges" not in anchors()


@pytest.mark.parametrize("stem", COURSE)
def test_the_first_cell_using_a_term_links_it_to_the_glossary(stem):
    cells = markdown_cells(NOTEBOOKS / f"{stem}.ipynb")
    assert any(LINK.search(c) for c in cells), f"{stem} links nothing in the glossary"
    for anchor, pattern in TERMS.items():
        term = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", 0 if anchor == "sift" else re.I)
        first = next((c for c in cells if term.search(NOT_PROSE.sub(" ", c))), None)
        if first is not None:
            assert f"glossary.md#{anchor})" in first, \
                f"{stem}: the first cell using {anchor!r} does not link it: {first[:80]!r}"
