"""The base of every HTML view: an object Jupyter renders as HTML and ``str()`` turns into
the HTML text. The views themselves are in ``medialit.views.sourcing``, ``.figures`` and ``.compare``."""


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
            f"{cells}{{border:1px solid #bbb;padding:3px 6px;text-align:{align};vertical-align:top;"
            "white-space:normal;max-width:40em;line-height:1.35}"
            f".jp-RenderedHTMLCommon table.{cls} th,table.{cls} th{{font-weight:bold;background:#f3f3f3}}"
            f".jp-RenderedHTMLCommon table.{cls} code,table.{cls} code{{white-space:pre-wrap;word-break:break-word}}")


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
