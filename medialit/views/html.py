"""The base of every HTML view: an object Jupyter renders as HTML and ``str()`` turns into
the HTML text. The views themselves are in ``medialit.views.sourcing``, ``.figures`` and ``.compare``.

Shared accessibility rules (``docs/accessibility.md``): text sizes follow JupyterLab's
settings (``FONT``: ``var(--jp-content-font-size1)``, and ``em`` below it, never ``px``);
colours that must follow the light or dark theme are JupyterLab variables with fallbacks;
a fixed light highlight background always comes with the fixed dark text colour ``INK``;
``.ml-sr`` text is read by screen readers and not shown; a mark's reason (:func:`reason`) is
read by screen readers in the text's flow and shown when the mark has keyboard focus or the
mouse is over it, never only in a ``title`` attribute.
"""
from html import escape


FONT = "font-size:var(--jp-content-font-size1,1em)"
INK = "#111111"          # text on the kit's fixed light highlight backgrounds, in either theme
MUTED = "var(--jp-content-font-color2,#444444)"
BORDER = "var(--jp-border-color1,#bbbbbb)"
SR_ONLY_CSS = (".ml-sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;"
               "clip:rect(0,0,0,0);white-space:nowrap;border:0}")

FOCUSABLE = 'tabindex="0"'
"""The attribute of a mark that takes keyboard focus and shows the :func:`reason` inside it."""
REASON_CSS = (
    # Hidden from sight (not from screen readers) until its mark is hovered or has the focus.
    ".ml-why{position:absolute;width:0.1em;height:0.1em;padding:0;margin:-0.1em;overflow:hidden;"
    "clip:rect(0,0,0,0);clip-path:inset(50%);white-space:nowrap;border:0}"
    "[tabindex]:focus:has(>.ml-why){outline:0.15em solid #0072B2;outline-offset:0.1em}"
    "[tabindex]:hover>.ml-why,[tabindex]:focus>.ml-why,[tabindex]:focus-within>.ml-why{position:static;"
    "width:auto;height:auto;margin:0 0 0 0.3em;overflow:visible;clip:auto;clip-path:none;white-space:normal;"
    f"padding:0 0.25em;border:1px solid #555555;background:#ffffff;color:{INK};font-size:0.85em;"
    "font-weight:normal;font-style:normal;font-variant:normal;text-decoration:none}")


def reason(text: str) -> str:
    """The HTML of a mark's reason: put it last inside the mark, an element with
    ``tabindex="0"`` (:data:`FOCUSABLE`). Screen readers read it after the marked words; sighted readers see it on
    focus (Tab) or hover.

    >>> reason("No source: no speaker is named.")
    '<span class="ml-why" role="note"> (why: No source: no speaker is named.)</span>'
    """
    return f'<span class="ml-why" role="note"> (why: {escape(text)})</span>'


def table_css(cls: str, *, align: str = "left") -> str:
    """CSS for a kit table (``<table class="cls">``) that holds in JupyterLab too.

    JupyterLab's own rule for rendered tables (``.jp-RenderedHTMLCommon table``: fixed layout,
    right-aligned cells, no borders) is as specific as a plain ``.cls td`` and wins by load
    order, which squeezed long explanations into narrow right-aligned columns; these rules are
    more specific, so the table lays out by its content and reads left to right.
    """
    t = f".jp-RenderedHTMLCommon table.{cls},table.{cls}"
    cells = f".jp-RenderedHTMLCommon table.{cls} td,.jp-RenderedHTMLCommon table.{cls} th,table.{cls} td,table.{cls} th"
    return (f"{t}{{border-collapse:collapse;table-layout:auto;width:auto;max-width:100%;margin:0 0 8px 0}}"
            f"{cells}{{border:1px solid {BORDER};padding:3px 6px;text-align:{align};vertical-align:top;"
            "white-space:normal;max-width:40em;line-height:1.35}"
            f".jp-RenderedHTMLCommon table.{cls} th,table.{cls} th{{font-weight:bold;"
            "background:var(--jp-layout-color2,#f3f3f3);color:var(--jp-content-font-color1,#000000)}"
            f".jp-RenderedHTMLCommon table.{cls} code,table.{cls} code{{white-space:pre-wrap;word-break:break-word}}"
            f".jp-RenderedHTMLCommon table.{cls} caption,table.{cls} caption{{text-align:left;font-weight:bold;"
            "padding:0.2em 0}")


class HTML:
    """A rich-display object: Jupyter renders ``_repr_html_``; ``str()`` gives the HTML.

    Plain on purpose, so the views need neither IPython nor ipywidgets to be built or tested."""

    def __init__(self, html: str):
        self.html = html

    def _repr_html_(self) -> str:
        # The kit shows no maths: MathJax must not read "$110 ... $115" in a table as a formula.
        return f'<div class="tex2jax_ignore mathjax_ignore">{self.html}</div>'

    def __str__(self) -> str:
        return self.html
