"""Practice releases built by these tests use a cheap scrypt cost, so a test builds one in
seconds; the real cost is measured in tests/exercises/test_keys_bruteforce.py."""
from __future__ import annotations

import pytest

from medialit.exercises import keys

CHEAP = {"n": 16, "r": 1, "p": 1}


@pytest.fixture(autouse=True)
def cheap_release_hash(monkeypatch, request):
    """Every practice key written during a test uses :data:`CHEAP` (unless marked ``real_hash_cost``)."""
    if request.node.get_closest_marker("real_hash_cost") is None:
        monkeypatch.setattr(keys, "COST", CHEAP)
