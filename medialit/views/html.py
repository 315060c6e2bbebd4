"""The base of every HTML view: an object Jupyter renders as HTML and ``str()`` turns into
the HTML text. The views themselves are in ``medialit.views.sourcing``, ``.figures`` and ``.compare``."""


class HTML:
    """A rich-display object: Jupyter renders ``_repr_html_``; ``str()`` gives the HTML.

    Plain on purpose, so the views need neither IPython nor ipywidgets to be built or tested."""

    def __init__(self, html: str):
        self.html = html

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html
