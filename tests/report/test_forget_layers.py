"""analyze_text lets go of layers before the figures pass only on a Document it made itself;
the report is the same either way, and a caller's Document keeps every layer."""
from __future__ import annotations

from pathlib import Path

from medialit.corpus.document import Document
from medialit.records import dumps
from medialit.report.analysis import analyze_text

ROOT = Path(__file__).resolve().parent.parent.parent


def test_same_report_with_and_without_the_layers_forgotten():
    for path in sorted((ROOT / "seeds").glob("*.txt")) + [ROOT / "tests" / "data" / "sourcing_local_news.txt"]:
        text = path.read_text(encoding="utf-8")
        doc = Document(text)
        kept = analyze_text(doc)
        # the caller's Document keeps what the passes kept on it
        assert doc.has_layer("attribution.index") and doc.has_layer("quotes.paragraph_spans"), path.name
        assert dumps(analyze_text(text)) == dumps(kept), path.name


def test_forget_then_compute_again():
    doc = Document("“We are ready,” the minister said.\n\nPrices rose 5%.")
    first = doc.paragraphs
    doc.forget("paragraphs", "never computed")
    assert not doc.has_layer("paragraphs")
    assert doc.paragraphs == first
