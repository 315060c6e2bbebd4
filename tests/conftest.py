"""Shared set-up for the whole test suite.

The tests mirror the package: ``tests/<subpackage>/test_<module>.py`` tests
``medialit/<subpackage>/<module>.py``; tests of the kit as a whole (seeds, notebooks, golden
output, the browser) are in ``tests/kit/``. Each test folder has an ``__init__.py`` so that
equal basenames in different folders do not clash, while ``tests/`` itself has none: pytest
therefore puts ``tests/`` on ``sys.path`` and every test can ``from helpers import ...``
(and ``from figures_gold import ...`` / ``from sourcing_gold import ...``).

Constants and plain functions (``ROOT``, ``SEEDS``, ``seed_text``, ``run_medialit``...) are in
``tests/helpers.py``, because collection-time code cannot use fixtures; this file holds the
fixtures.
"""
from __future__ import annotations

import pytest

from medialit.corpus import Corpus, load_corpus


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    """The seed corpus (``medialit.corpus.load_corpus()``), loaded once for the whole run."""
    return load_corpus()
