"""Text alternatives for the kit's charts.

Every chart function returns its matplotlib ``Axes`` with the attribute ``medialit_alt``: a
short description of what the chart shows, with the numbers a reader who cannot see the
picture needs. In a notebook (any IPython shell) the chart function also shows that text
as a caption line above the picture, so ``sourcing_bars(corpus);`` is described with no
extra call; pass ``caption=False`` to a chart function to leave the line out.

:func:`alt_text` reads the description back; :func:`figure_html` gives an HTML
``<figure>`` with the picture as a PNG whose ``alt`` is the description, and the same words
in a ``<figcaption>`` (for pages saved outside Jupyter).

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> _, ax = plt.subplots()
>>> attach(ax, "Bar chart: two bars. a: 1; b: 2.", caption=False) is ax
True
>>> alt_text(ax)
'Bar chart: two bars. a: 1; b: 2.'
>>> 'alt="Bar chart: two bars. a: 1; b: 2."' in figure_html(ax).html
True
>>> plt.close(ax.figure)
"""
from __future__ import annotations

import base64
import io
import sys
from html import escape

from medialit.views.html import HTML

__all__ = ["ATTRIBUTE", "alt_text", "attach", "caption_html", "figure_html", "pct", "usd"]

ATTRIBUTE = "medialit_alt"

CAPTION_STYLE = ("font-size:var(--jp-content-font-size1,1em);color:var(--jp-content-font-color1,inherit);"
                 "margin:0.3em 0;border-left:0.25em solid var(--jp-border-color1,#888);padding-left:0.5em")


def pct(x: float) -> str:
    """A share as a whole percentage: ``pct(0.4)`` is ``'40%'``."""
    return f"{x:.0%}"


def usd(x: float) -> str:
    """A price in dollars with up to two decimals: ``usd(115.0)`` is ``'$115'``."""
    return "$" + (f"{x:,.2f}".rstrip("0").rstrip("."))


class _Caption:
    """What a notebook shows beside a chart: the description as text and as HTML."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return f"Chart description: {self.text}"

    def _repr_html_(self) -> str:
        return caption_html(self.text)


def caption_html(text: str) -> str:
    """The description as one HTML paragraph (screen readers read it; it follows the
    notebook's font size and theme colours)."""
    return (f'<p class="medialit-alt tex2jax_ignore mathjax_ignore" role="note" style="{CAPTION_STYLE}">'
            f"<b>Chart description:</b> {escape(text)}</p>")


def _shell():
    """The Jupyter kernel's shell this code runs in, or None (a script, a test, or a bare
    IPython shell such as the one a test suite keeps: only a kernel shows the caption)."""
    ipython = sys.modules.get("IPython")   # never import IPython: scripts and tests run without it
    get = getattr(ipython, "get_ipython", None)
    shell = get() if get else None
    return shell if getattr(shell, "kernel", None) is not None else None


def attach(ax, text: str, *, caption: bool = True):
    """Store ``text`` as ``ax.medialit_alt`` and, in an IPython shell when ``caption`` is
    true, show it as a caption line; returns ``ax``."""
    setattr(ax, ATTRIBUTE, text)
    if caption and _shell() is not None:
        from IPython.display import display

        display(_Caption(text))
    return ax


def alt_text(ax) -> str:
    """The text alternative of a chart drawn by the kit (``ax.medialit_alt``)."""
    text = getattr(ax, ATTRIBUTE, None)
    if not text:
        raise ValueError("this chart has no text alternative: draw it with a medialit.views.charts function")
    return text


def figure_html(ax, *, dpi: int = 100) -> HTML:
    """The chart as an HTML ``<figure>``: a PNG with the description as its ``alt`` text,
    and the description again as the ``<figcaption>``."""
    text = alt_text(ax)
    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return HTML(f'<figure class="medialit-figure" style="margin:0.5em 0">'
                f'<img src="data:image/png;base64,{data}" alt="{escape(text, quote=True)}" style="max-width:100%">'
                f'<figcaption style="{CAPTION_STYLE}">{escape(text)}</figcaption></figure>')
