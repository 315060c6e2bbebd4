"""Kit tables keep their layout in JupyterLab: the kit's rules are more specific than
JupyterLab's ``.jp-RenderedHTMLCommon td`` (right-aligned, fixed layout), so they win."""
from __future__ import annotations

import re

from medialit.checks import check_text
from medialit.corpus import load_corpus
from medialit.views import checks_table
from medialit.views.html import table_css


def specificity(selector: str) -> tuple[int, int]:
    """(classes and pseudo-classes, element names) of a simple CSS selector."""
    classes = len(re.findall(r"[.:][\w-]+", selector))
    elements = len(re.findall(r"(?:^|[\s>+~])([a-z]+)", selector))
    return classes, elements


def test_cell_rules_outrank_jupyterlab_rendered_table_rules():
    css = table_css("ml-figtab")
    cell_rule = next(r for r in css.split("}") if "text-align:left" in r)
    selectors = cell_rule.split("{")[0].split(",")
    assert max(specificity(s) for s in selectors) > specificity(".jp-RenderedHTMLCommon td")
    assert "table-layout:auto" in css and "white-space:normal" in css


def test_checks_table_carries_the_style_that_outranks_jupyterlab():
    table = checks_table(check_text(load_corpus()["003"].text, article_date="2022-03-06")).html
    assert '<table class="ml-figtab">' in table and ".jp-RenderedHTMLCommon table.ml-figtab td" in table


def test_views_tell_mathjax_to_leave_prices_alone():
    """JupyterLab typesets $...$ in HTML outputs: "$110 ... $115" in a figures table became maths."""
    shown = checks_table(check_text(load_corpus()["003"].text, article_date="2022-03-06"))._repr_html_()
    assert "$" in shown and shown.startswith('<div class="tex2jax_ignore mathjax_ignore">')
