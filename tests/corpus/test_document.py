"""The Document: one article's text, read once. Its spans and its cache, the same results
from a str and from a Document, and how often each analysis reads the text."""
from __future__ import annotations

import ast
import sys
from collections import Counter

import pytest

import medialit.corpus.clean as clean
import medialit.corpus.document as document
import medialit.quotes.finder as finder
import medialit.text.split as split
from medialit.checks import check_text
from medialit.compare import compare
from medialit.corpus import Document, as_document, find_boilerplate
from medialit.figures import extract
from medialit.framing import concordance, find_loaded_terms, name_labels
from medialit.quotes import find_quotes
from medialit.quotes.marks import paragraph_spans
from medialit.report import analyze_text, build_report
from medialit.report.capstone import SAMPLE_ARTICLE
from medialit.sourcing import tag
from medialit.text.split import sentences

from helpers import ROOT, SEED_FILES

TEXTS = {p.stem[:3]: p.read_text(encoding="utf-8") for p in SEED_FILES}


def _dicts(items) -> list[dict]:
    return [i.to_dict() for i in items]


# ---------------------------------------------------------------- the Document itself

@pytest.mark.parametrize("key", sorted(TEXTS))
def test_spans_point_into_the_text_and_match_the_functions(key):
    text = TEXTS[key]
    doc = Document(text)
    assert doc.text is text and len(doc) == len(text)
    assert list(doc.boilerplate) == find_boilerplate(text)
    assert list(doc.sentences) == sentences(text, skip=find_boilerplate(text))
    assert [(p.start, p.end) for p in doc.paragraphs] == paragraph_spans(text)
    for span in (*doc.sentences, *doc.boilerplate, *doc.paragraphs, *doc.segments):
        assert text[span.start:span.end] == span.text
    assert [s.start for s in doc.segments] == sorted(s.start for s in (*doc.sentences, *doc.boilerplate))
    assert doc.char_span(0, 5).text == text[:5]


def test_each_layer_is_computed_once_and_kept(monkeypatch):
    doc = Document(TEXTS["000"])
    calls = _count(monkeypatch, (clean, "find_boilerplate"), (split, "sentences"))
    assert doc.layers == ()
    first = doc.sentences
    assert doc.sentences is first and doc.boilerplate is doc.boilerplate
    assert (calls["find_boilerplate"], calls["sentences"]) == (1, 1)
    assert doc.layers == ("boilerplate", "sentences")
    seen = []
    assert doc.layer("mine", lambda d: seen.append(d) or 42) == 42
    assert doc.layer("mine", lambda d: seen.append(d) or 43) == 42
    assert seen == [doc] and doc.has_layer("mine") and not doc.has_layer("quotes")


def test_results_handed_out_are_copies_so_the_cache_cannot_be_spoiled():
    doc = Document(TEXTS["001"])
    quotes = find_quotes(doc)
    quotes.clear()
    assert find_quotes(doc) and find_quotes(doc) == find_quotes(TEXTS["001"])
    tags = tag(doc)
    tags.pop()
    assert len(tag(doc)) == len(tags) + 1


def test_as_document_and_bad_input():
    doc = as_document("Rain fell.")
    assert isinstance(doc, Document) and as_document(doc) is doc
    with pytest.raises(TypeError):
        Document(b"bytes")
    with pytest.raises(TypeError):
        tag(42)
    with pytest.raises(TypeError):
        find_quotes(None)
    with pytest.raises(IndexError):
        doc.char_span(3, 99)
    assert "Rain fell." in repr(doc)


def test_an_empty_document():
    doc = Document("")
    assert doc.sentences == () and doc.boilerplate == () and doc.paragraphs == ()
    assert tag(doc) == [] and extract(doc) == [] and find_quotes(doc) == []


def test_the_corpus_layer_imports_nothing_from_above():
    above = ("attribution", "quotes", "sourcing", "figures", "checks", "compare", "framing", "report",
             "exercises", "views", "cli")
    for path in (ROOT / "medialit" / "corpus").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                assert not name.startswith(tuple(f"medialit.{a}" for a in above)), f"{path.name} imports {name}"


# ---------------------------------------------------------------- a str and a Document agree

@pytest.mark.parametrize("key", sorted(TEXTS))
def test_a_str_and_a_document_give_the_same_results(key):
    text = TEXTS[key]
    doc = Document(text)
    assert _dicts(find_quotes(doc)) == _dicts(find_quotes(text))
    assert _dicts(tag(doc)) == _dicts(tag(text))
    assert _dicts(extract(doc)) == _dicts(extract(text))
    assert _dicts(check_text(doc, article_date="2022-03-06")) == _dicts(check_text(text, article_date="2022-03-06"))
    assert _dicts(find_loaded_terms(doc)) == _dicts(find_loaded_terms(text))
    assert _dicts(concordance(doc, "sanction*")) == _dicts(concordance(text, "sanction*"))
    assert _dicts(name_labels(doc, "Maduro")) == _dicts(name_labels(text, "Maduro"))
    assert analyze_text(doc).to_dict() == analyze_text(text).to_dict()
    assert {"boilerplate", "sentences", "quotes", "sourcing", "figures"} <= set(doc.layers)


def test_optional_arguments_still_apply_to_a_document():
    text = TEXTS["002"]
    doc = Document(text)
    extra = {"phrases": ["people in the know"]}
    assert _dicts(tag(doc, rules=extra)) == _dicts(tag(text, rules=extra))
    assert _dicts(find_quotes(doc, skip=[])) == _dicts(find_quotes(text, skip=[]))
    some = sentences(text)[:3]
    assert _dicts(extract(doc, sentence_spans=some)) == _dicts(extract(text, sentence_spans=some))
    assert _dicts(find_loaded_terms(doc, skip_boilerplate=False)) == _dicts(find_loaded_terms(text, skip_boilerplate=False))
    assert not doc.has_layer("sourcing")  # custom rules are not kept as the default layer


def test_compare_of_documents_and_of_texts_agree():
    a, b = TEXTS["001"], TEXTS["002"]
    da, db = Document(a), Document(b)
    assert compare(da, db).to_dict() == compare(a, b).to_dict()
    assert compare(da, db).to_dict() == compare(da, b).to_dict()


# ---------------------------------------------------------------- how often the text is read

def _count(monkeypatch, *targets) -> Counter:
    """Count calls of each function, wherever a medialit module imported it from."""
    calls: Counter = Counter()
    for module, name in targets:
        original = getattr(module, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            calls[_name] += 1
            calls[_name, len(args[0]) if args and isinstance(args[0], str) else None] += 1
            return _original(*args, **kwargs)

        for mod in list(sys.modules.values()):
            if getattr(mod, "__name__", "").startswith("medialit") and getattr(mod, name, None) is original:
                monkeypatch.setattr(mod, name, counted)
    return calls


def _reads(monkeypatch) -> Counter:
    return _count(monkeypatch, (clean, "find_boilerplate"), (split, "sentences"),
                  (document, "paragraph_bounds"), (finder, "_find_quotes"))


def test_analyze_text_reads_the_text_once(monkeypatch):
    calls = _reads(monkeypatch)
    analyze_text(TEXTS["000"])
    assert calls["find_boilerplate"] == 1
    assert calls["sentences"] == 1
    assert calls["paragraph_bounds"] == 1
    assert calls["_find_quotes"] == 1


def test_compare_reads_each_text_once(monkeypatch):
    a, b = TEXTS["001"], TEXTS["003"]
    calls = _reads(monkeypatch)
    compare(a, b)
    for text in (a, b):
        assert calls["find_boilerplate", len(text)] == 1
        assert calls["sentences", len(text)] == 1
        assert calls["_find_quotes", len(text)] == 1


def test_build_report_reads_the_article_once_for_the_analysis_and_every_comparison(monkeypatch):
    body = SAMPLE_ARTICLE.split("+++\n", 2)[2]
    calls = _reads(monkeypatch)
    report = build_report()
    assert report.text == body and len(report.neighbours) == len(SEED_FILES)
    assert calls["find_boilerplate", len(body)] == 1
    assert calls["sentences", len(body)] == 1
    assert calls["_find_quotes", len(body)] == 1
