"""What students see: HTML views (each sentence, figure or change marked with colour AND a
text marker) and, in :mod:`medialit.views.charts`, matplotlib charts.

>>> from medialit.views import show_sourcing
>>> "[A]" in show_sourcing("Officials said the talks failed.").html
True
"""

from medialit.views.html import HTML
from medialit.views.sourcing import legend, show_sourcing, summaries, summary_table
from medialit.views.figures import checks_table, comparisons_table, figures_table, prices_table, reference_table, show_figures
from medialit.views.compare import comparison_html, side_by_side
from medialit.views.pages import show_page
from medialit.views.framing import concordance_table, counts_table, framing_table, table
from medialit.views.reading import show_article, show_lateral_reading
from medialit.views.charts import kinds_by_source, oil_prices, similarity_heatmap, similarity_matrix, sourcing_bars

__all__ = ["HTML", "legend", "show_sourcing", "summaries", "summary_table", "checks_table", "comparisons_table",
           "figures_table", "prices_table", "reference_table", "show_figures", "comparison_html", "side_by_side", "show_page", "show_article",
           "show_lateral_reading", "kinds_by_source", "oil_prices", "similarity_heatmap", "similarity_matrix",
           "sourcing_bars", "concordance_table", "counts_table", "framing_table", "table"]
