"""The setup self-test of notebook 00: does everything a student needs work here, offline?

Each step reports ✓ or ✗ with what it found; nothing raises, nothing is downloaded.

>>> report = self_test(widgets=False)   # doctest: +SKIP
>>> print(report)                       # doctest: +SKIP
"""
from __future__ import annotations

import importlib
import sys
from typing import Callable

from medialit.exercises.results import ResultTable


def _medialit() -> str:
    import medialit
    return f"medialit {medialit.__version__} on Python {sys.version.split()[0]}"


def _seeds() -> str:
    from medialit.corpus.articles import load_corpus
    corpus = load_corpus()
    ids = [a.id for a in corpus]
    if not ids:
        raise RuntimeError("no seed articles found")
    return f"{len(ids)} seed articles load ({', '.join(ids)})"


def _sentences() -> str:
    from medialit.text.split import sentences
    found = sentences("Mr. Smith arrived at 9 a.m. in the U.S. capital. He left.")
    if len(found) != 2:
        raise RuntimeError(f"expected 2 sentences in a test text, found {len(found)}")
    return "a two-sentence test text splits into 2 sentences; nothing was downloaded"


def _widgets() -> str:
    widgets = importlib.import_module("ipywidgets")
    widgets.RadioButtons(options=["a", "b"])
    return f"ipywidgets {widgets.__version__} can build widgets (if none show below, use the code answers)"


def self_test(*, widgets: bool = True) -> ResultTable:
    """Run the setup checks and return a table of ✓/✗ lines (never raises)."""
    steps: list[tuple[str, Callable[[], str]]] = [
        ("import medialit", _medialit), ("seed articles", _seeds), ("sentences", _sentences)]
    if widgets:
        steps.append(("widgets", _widgets))
    rows = []
    for name, step in steps:
        try:
            rows.append((name, "✓ ok", step()))
        except Exception as err:  # noqa: BLE001 - every failure is reported, none stops the test
            rows.append((name, "✗ problem", f"{type(err).__name__}: {err}"))
    return ResultTable("Setup self-test", ("check", "result", "details"), tuple(rows))
