"""medialit.compare.alignment: the anchored matcher used on huge sentence pairs."""
from __future__ import annotations

import random
from difflib import SequenceMatcher

import pytest

from medialit.compare import alignment
from medialit.compare.alignment import matching_blocks, sequence_opcodes, sequence_ratio


def _pair(n: int, seed: int = 1, vocab: int = 400):
    rng = random.Random(seed)
    x = [f"w{rng.randrange(vocab)}" for _ in range(n)]
    y = list(x)
    for _ in range(n // 40):
        k = rng.randrange(len(y))
        op = rng.random()
        if op < 0.4:
            y[k] = f"new{rng.randrange(50)}"
        elif op < 0.7:
            del y[k]
        else:
            y.insert(k, f"ins{rng.randrange(50)}")
    return x, y


def _apply(x, y, ops):
    out = []
    for tag, i1, i2, j1, j2 in ops:
        out += x[i1:i2] if tag == "equal" else y[j1:j2]
        if tag == "equal":
            assert x[i1:i2] == y[j1:j2]
    return out


@pytest.mark.parametrize("vocab", [50, 400, 100_000])  # few, some and many unique words
def test_anchored_opcodes_turn_x_into_y_and_match_nearly_as_much_as_difflib(vocab):
    x, y = _pair(3000, vocab=vocab)
    assert len(x) * len(y) > alignment.DIRECT_LIMIT  # the anchored path is taken
    ops = sequence_opcodes(x, y)
    assert _apply(x, y, ops) == y
    exact = SequenceMatcher(None, x, y, autojunk=False).ratio()
    assert sequence_ratio(x, y) >= exact - 0.03


def test_small_inputs_get_difflibs_own_answer():
    x, y = "the mayor said the bridge will close".split(), "the mayor announced the old bridge will close".split()
    assert sequence_opcodes(x, y) == SequenceMatcher(None, x, y, autojunk=False).get_opcodes()
    blocks = matching_blocks(x, y)
    assert blocks[-1] == (len(x), len(y), 0)
    assert sum(s for _, _, s in blocks) == sum(m.size for m in SequenceMatcher(None, x, y, autojunk=False).get_matching_blocks())


def test_sequences_with_nothing_in_common_are_all_replaced():
    x, y = [f"a{k}" for k in range(1000)], [f"b{k}" for k in range(1000)]
    assert sequence_opcodes(x, y) == [("replace", 0, 1000, 0, 1000)]
    assert sequence_ratio(x, y) == 0.0


def test_huge_one_sentence_texts_align_with_word_changes():
    x, y = _pair(20_000, vocab=5000)
    a, b = " ".join(x), " ".join(y)
    pairs = alignment.align(a, b)
    assert len(pairs) == 1 and pairs[0].kind == "matched" and pairs[0].similarity > 0.9
    assert len(pairs[0].changes) > 100
