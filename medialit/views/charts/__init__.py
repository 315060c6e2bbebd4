"""matplotlib charts: titled, with labelled axes, a colour-blind-safe palette, and hatches or
markers so that colour never carries meaning alone.

Text alternatives, one API for every chart: each chart function returns its matplotlib
``Axes`` with ``ax.medialit_alt``, a description that names the chart's kind, every series
and the main values (read it with :func:`alt_text`). In a notebook the chart function also
shows that description as a "Chart description:" line above the picture (``caption=False``
leaves it out). :func:`dispersion` returns a :class:`Chart` (the Axes and the same
description, printed beneath the picture); its ``ax`` carries ``medialit_alt`` too. :func:`figure_html` gives the picture as ``<img alt=...>`` in a
``<figure>`` with a ``<figcaption>``. See :mod:`medialit.views.charts.alt` and
``docs/accessibility.md``.

Text sizes: every chart's text follows :func:`font_scale` (set it with
:func:`set_font_scale`, the environment variable ``MEDIALIT_FONT_SCALE`` or JupyterLab's
content font size; see :mod:`medialit.views.charts.style`).
"""

from medialit.views.charts.alt import alt_text, figure_html
from medialit.views.charts.compare import similarity_heatmap, similarity_matrix
from medialit.views.charts.lineage import lineage_graph
from medialit.views.charts.figures import kinds_by_source, oil_prices
from medialit.views.charts.sourcing import sourcing_bars
from medialit.views.charts.framing import Chart, dispersion
from medialit.views.charts.style import font_scale, set_font_scale

__all__ = ["alt_text", "figure_html", "lineage_graph", "similarity_heatmap", "similarity_matrix", "kinds_by_source",
           "oil_prices", "sourcing_bars", "Chart", "dispersion", "font_scale", "set_font_scale"]
