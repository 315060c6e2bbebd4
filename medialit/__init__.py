"""medialit: honest, explainable text utilities for a media-literacy teaching kit.

One subpackage a concept, imports pointing down only (``docs/architecture.md``):
``text`` → ``corpus`` → ``attribution`` → ``quotes`` → ``sourcing`` / ``figures`` → ``checks``
→ ``compare`` / ``framing`` → ``report`` → ``exercises`` → ``views`` → ``cli``. The analysis
layers (everything below ``exercises``) import neither ipywidgets nor matplotlib, and
``import medialit`` imports none of them, so it stays fast.
"""

__version__ = "0.1.0"


def __getattr__(name: str):
    """``medialit.show_article`` (the reading view) without importing the views at ``import medialit``."""
    if name == "show_article":
        from medialit.views.reading import show_article
        return show_article
    raise AttributeError(f"module 'medialit' has no attribute {name!r}")
