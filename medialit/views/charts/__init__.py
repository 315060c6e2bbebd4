"""matplotlib charts: titled, with labelled axes, a colour-blind-safe palette, and hatches or
markers so that colour never carries meaning alone."""

from medialit.views.charts.compare import similarity_heatmap, similarity_matrix
from medialit.views.charts.lineage import lineage_graph
from medialit.views.charts.figures import kinds_by_source, oil_prices
from medialit.views.charts.sourcing import sourcing_bars
from medialit.views.charts.framing import Chart, dispersion

__all__ = ["lineage_graph", "similarity_heatmap", "similarity_matrix", "kinds_by_source", "oil_prices", "sourcing_bars", "Chart", "dispersion"]
