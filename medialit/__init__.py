"""medialit: honest, explainable text utilities for a media-literacy teaching kit.

The analysis layer (``medialit.text.split``, ``clean``, ``corpus``, ``sourcing``, ``quotes``,
``figures``, ``compare``) imports neither ipywidgets nor matplotlib, so
``import medialit`` stays fast; display, plots and exercises are imported on demand.
"""

__version__ = "0.1.0"
