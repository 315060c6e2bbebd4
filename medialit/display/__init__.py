"""HTML views for notebooks: each concern has its own module (``medialit.display.sourcing``,
``medialit.display.compare``, ``medialit.display.figures``). Imports ipywidgets/IPython only here."""


class HTML:
    """A rich-display object: Jupyter renders ``_repr_html_``; ``str()`` gives the HTML.

    Plain on purpose, so the views need neither IPython nor ipywidgets to be built or tested."""

    def __init__(self, html: str):
        self.html = html

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html
