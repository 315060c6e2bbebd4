"""The quotation finder's shortcuts change nothing: with them turned off, every text gives
the same quotations (speaker, verb, kind, resolution, label)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import medialit.quotes.finder as finder

ROOT = Path(__file__).resolve().parent.parent.parent

# Quotations followed right away by another quotation, a phrase, a dash, a colon or a
# bracket: where the finder skips the look-up of an attribution after the quotation.
_ADJACENT = [
    "“We are ready,” “We will win,” the minister said.",
    "“We are ready.” “We will win,” the minister said. “Not now.” (The minister left.)",
    "“Yes” — said the mayor — “we will.” “No”: the council said it would not.",
    "“It is over,” ‘the plan’ said the union. “Maybe,” “perhaps” and “soon,” she added.",
    '"We are ready," "We will win," said Ana Ruiz, the minister. "Not yet"; officials said.',
    "The doctor said “it hurts.” “A doctor said so,” the doctor said. “Fine,” said the doctor.",
    "“One,” “two,” “three,” “four,” he said, “five.” [“Six,” she said.] “Seven” — “eight.”",
]


def _texts() -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    tree = ast.parse((ROOT / "tests" / "quotes" / "test_finder.py").read_text(encoding="utf-8"))
    examples = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                and any(c in n.value for c in "“”\"«")]
    local = (ROOT / "tests" / "data" / "sourcing_local_news.txt").read_text(encoding="utf-8")
    # "the doctor" quotations: the shared index of "a doctor" mentions
    doctors = ["A doctor said it was fine. “It is fine,” the doctor said. “Really,” the doctor, Ann Lee, said.",
               "“No,” the doctor said. A doctor, Ann Lee, spoke. “Yes,” the doctor said. " * 40]
    return seeds + examples + [local] + _ADJACENT + doctors + [" ".join(_ADJACENT), "\n\n".join(examples)]


def _found(text: str) -> list[tuple]:
    return [(q.start, q.end, q.speaker, q.speaker_span, q.verb, q.verb_note, q.kind, q.closed, q.resolution,
             q.speaker_label, q.pronoun) for q in finder.find_quotes(text)]


def test_shortcuts_change_no_quotation(monkeypatch):
    texts = _texts()
    assert len(texts) > 30
    with_shortcuts = [_found(t) for t in texts]
    assert sum(map(len, with_shortcuts)) > 200
    monkeypatch.setattr(finder, "_NO_CUE_START", frozenset())  # never skip the look-up after a quotation
    real = finder.unnamed_antecedent
    monkeypatch.setattr(finder, "unnamed_antecedent", lambda m, b, s, w, mentions=None: real(m, b, s, w))
    without = [_found(t) for t in texts]
    for text, a, b in zip(texts, with_shortcuts, without):
        assert a == b, text[:200]


@pytest.mark.parametrize("text", _ADJACENT)
def test_adjacent_quotations_are_skipped(text, monkeypatch):
    """The shortcut is taken on these texts (so the test above compares something)."""
    calls = []
    real = finder._Reader.attributions
    monkeypatch.setattr(finder._Reader, "attributions", lambda self, a, b: calls.append((a, b)) or real(self, a, b))
    finder.find_quotes(text)
    n_skipping = len(calls)
    calls.clear()
    monkeypatch.setattr(finder, "_NO_CUE_START", frozenset())
    finder.find_quotes(text)
    assert len(calls) > n_skipping


def test_paragraph_spans_without_the_paragraphs_layer():
    """paragraphs_of reads the bounds itself when the paragraphs are not kept yet: the same spans."""
    from medialit.corpus.document import Document

    for text in _texts() + ["", "\n\n\n", "one\ntwo\n\nThree\nfour\n  five"]:
        fresh, kept = Document(text), Document(text)
        kept.paragraphs
        assert finder.paragraphs_of(fresh) == finder.paragraphs_of(kept), text[:100]
        assert not fresh.has_layer("paragraphs")
