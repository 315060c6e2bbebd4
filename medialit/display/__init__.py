"""HTML views for notebooks: each concern has its own module (``medialit.display.sourcing``,
``medialit.display.compare``, ``medialit.display.figures``). Imports ipywidgets/IPython only here."""
