"""The anatomy of a web page: what the kit kept as the article, what it left out, and what
the page says about itself.

:func:`show_page` shows a :class:`~medialit.corpus.pages.Page` (or reads a saved page
first): a table of the page's metadata, a bar of the page's text split into the body and
each part left out (every part labelled in words and by its size, so colour is never the
only carrier), and the body itself with the wire credit marked.

>>> from medialit.corpus import Page, Removed
>>> page = Page(text="PARIS (Reuters) — Rain fell.\\n\\nThe port closed.", title="Rain in Paris",
...             outlet="The Example Post", wire_credits=("Reuters",),
...             removed=(Removed("comments", 120), Removed("navigation, links and other page text", 300)))
>>> view = show_page(page)
>>> "[kept] article body" in view.html and "[left out] comments: 120 characters" in view.html
True
>>> "unknown" in view.html   # no date on this page
True
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from medialit.corpus.pages import Page, read_page
from medialit.views.html import BORDER, FONT, HTML, MUTED

__all__ = ["show_page"]

# Okabe & Ito colour-blind-safe colours; the labels say the same in words.
KEPT, LEFT_OUT, HEADLINE = "#0072B2", "#bbbbbb", "#009E73"

_STYLE = """<style>
.ml-page{""" + FONT + """}
.ml-page table{border-collapse:collapse;margin-bottom:0.5em}
.jp-RenderedHTMLCommon .ml-page td,.jp-RenderedHTMLCommon .ml-page th,.ml-page td,.ml-page th{border:1px solid """ + BORDER + """;padding:0.15em 0.5em;text-align:left;vertical-align:top}
.jp-RenderedHTMLCommon .ml-page caption,.ml-page caption{text-align:left;font-weight:bold}
.ml-page .ml-bar{display:flex;width:100%;height:1.5em;border:1px solid #888888;margin:0.3em 0}
.ml-page .ml-bar span{display:block;height:100%}
.ml-page .ml-body{border-left:0.3em solid #0072B2;padding-left:0.5em;max-width:48em}
.ml-page .ml-wire{font-weight:bold;text-decoration:underline}
.ml-page .ml-k{font-size:0.8em;font-variant:small-caps;margin-left:0.15em;color:""" + MUTED + """}
</style>"""

_FIELDS = (("title", "headline"), ("authors", "authors"), ("date", "published"), ("updated", "updated"),
           ("outlet", "outlet"), ("url", "address"), ("canonical_url", "canonical address"),
           ("language", "language"), ("wire_credits", "wire credits"))


def _value(page: Page, name: str) -> str:
    value = getattr(page, name)
    if isinstance(value, tuple):
        value = ", ".join(value)
    return escape(value) if value else "<i>unknown</i>"


def _body(page: Page) -> str:
    paragraphs = []
    for n, paragraph in enumerate(page.text.split("\n\n")):
        html = escape(paragraph)
        if n == 0:
            for credit in page.wire_credits:
                html = html.replace(escape(credit), f'<span class="ml-wire" title="wire credit">{escape(credit)}</span>'
                                    '<span class="ml-k">[wire credit]</span>', 1)
        paragraphs.append(f"<p>{html}</p>")
    return "".join(paragraphs)


def show_page(page: Page | str | Path, *, url: str | None = None) -> HTML:
    """The anatomy of one page: ``page`` is a :class:`Page` or what
    :func:`~medialit.corpus.pages.read_page` takes (a saved page's path, or its HTML)."""
    if not isinstance(page, Page):
        page = read_page(page, url=url)
    rows = "".join(f'<tr><th scope="row">{label}</th><td>{_value(page, name)}</td></tr>' for name, label in _FIELDS)
    body_chars = len(" ".join(page.text.split()))
    parts = [("[kept] article body", body_chars, KEPT)]
    for r in page.removed:
        kept_as_title = r.what.startswith("headline")
        parts.append((f"[{'moved' if kept_as_title else 'left out'}] {r.what}", r.chars,
                      HEADLINE if kept_as_title else LEFT_OUT))
    total = sum(n for _, n, _ in parts) or 1
    bar = "".join(f'<span style="width:{100 * n / total:.2f}%;background:{colour}" title="{escape(label)}: '
                  f'{n:,} characters"></span>' for label, n, colour in parts if n)
    said = "; ".join(f"{label}: {n:,} characters ({n / total:.0%})" for label, n, _ in parts)
    listing = "".join(f'<li><span style="border-left:0.8em solid {colour};padding-left:0.3em">{escape(label)}: '
                      f'{n:,} characters ({n / total:.0%})</span></li>' for label, n, colour in parts)
    return HTML(_STYLE + '<div class="ml-page">'
                f"<h4>{escape(page.title) if page.title else 'Untitled page'}</h4>"
                f"<table><caption>What the page says about itself</caption>{rows}</table>"
                f'<div class="ml-bar" role="img" aria-label="{escape("The page text by size: " + said, quote=True)}">'
                f"{bar}</div>"
                f'<ul aria-label="the page text by size">{listing}</ul>'
                f'<div class="ml-body">{_body(page)}</div></div>')
