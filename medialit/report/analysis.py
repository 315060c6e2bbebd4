"""``medialit analyze``: one report per article: sentences with their sourcing, quotes,
figures and boilerplate lines, each pointing into the text by character offsets.

>>> from medialit.report.analysis import analyze_text
>>> report = analyze_text("Officials said the talks failed. Prices rose 5%.")
>>> [s["sourcing"] for s in report.to_dict()["sentences"]]
['anonymous', 'unattributed']

The JSON shape is a stable contract, documented in ``docs/cli.md`` and pinned by
``medialit/schema/analyze.schema.json``.
"""
from __future__ import annotations

import contextlib
import gc
import re
from dataclasses import dataclass, field
from pathlib import Path

from medialit.corpus.document import Document, as_document
from medialit.figures import extraction as figures
from medialit.quotes import finder as quotes
from medialit.records import Record, as_json
from medialit.sourcing import tagger as sourcing
from medialit.corpus.articles import load_article_text


@dataclass(frozen=True, slots=True)
class Analysis(Record):
    """Everything ``analyze`` found in one text. Offsets are into ``text``."""

    path: str | None
    title: str | None
    text: str = field(metadata=as_json(skip=True))
    sentences: tuple
    quotes: tuple
    figures: tuple
    boilerplate: tuple


def analyze_text(text: str | Document, *, path: str | None = None, title: str | None = None) -> Analysis:
    """Analyse one article's text (no file access).

    The text is read once, as a :class:`~medialit.corpus.document.Document` (pass one to
    reuse or keep what it holds): its boilerplate lines and sentences are worked out once
    and every analysis (quotes, sourcing, figures) adds its layer to the same Document.

    >>> from medialit.corpus.document import Document
    >>> doc = Document("Officials said the talks failed. Prices rose 5%.")
    >>> [f.text for f in analyze_text(doc).figures], doc.has_layer("sourcing")
    (['5%'], True)
    """
    doc = as_document(text)
    with collector_paused():
        tagged = tuple(sourcing.tag(doc))
        found = tuple(quotes.find_quotes(doc))
        if doc is not text:
            # A Document made here is not seen by the caller: let go of what only the quotes and
            # sourcing passes read (the rule index with its lower-cased and masked copies of
            # the text, the paragraphs) before the figures pass, so they are not all held at once.
            doc.forget(*_READ_BEFORE_FIGURES)
        return Analysis(
            path=path,
            title=title,
            text=doc.text,
            sentences=tagged,
            quotes=found,
            # A figure in a boilerplate line (a caption's "© AFP 2022") has that line as its sentence.
            figures=tuple(figures.extract(doc)),
            boilerplate=doc.boilerplate,
        )


#: Document layers that no pass after quotes and sourcing reads.
_READ_BEFORE_FIGURES = ("attribution.index", "paragraphs", "quotes.paragraph_spans", "quotes.transcript")


@contextlib.contextmanager
def collector_paused():
    """Python's cyclic garbage collector switched off for the block (and on again after it,
    if it was on). An analysis makes hundreds of thousands of small records and tuples that
    live until it ends and form no reference cycles, so each automatic collection walks
    them all for nothing: about a tenth of ``analyze_text``'s time on a long text. Memory
    is freed as usual by reference counting; only cycles wait until the block ends.

    >>> gc.isenabled()
    True
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def analyze_file(path: str | Path, *, encoding: str | None = None, limit: int | None = None) -> Analysis:
    """Read and analyse one file; raises ``CorpusError`` naming the file if it cannot be read.

    Offsets are into the file's text as read. A file with TOML front matter is analysed with
    the front matter blanked out (same length, newlines kept), so offsets still count from
    the top of the file and the front matter yields no sentences. A saved web page
    (``.html``, ``.htm``, or a text file that is one) is analysed as the text the kit
    extracted from it (headline, blank line, body), and offsets count in that text.
    ``encoding`` and ``limit``: as for :func:`medialit.corpus.files.read_text`.
    """
    text, title = file_text(path, encoding=encoding, limit=limit)
    return analyze_text(text, path=str(path), title=title)


def file_text(path: str | Path, *, encoding: str | None = None, limit: int | None = None) -> tuple[str, str | None]:
    """The text :func:`analyze_file` analyses (offsets count into it) and the file's title;
    raises ``CorpusError`` naming the file if it cannot be read."""
    article, raw = load_article_text(Path(path), encoding=encoding, limit=limit)
    if raw is None:  # a web page
        return article.text, article.title
    title = article.title
    head = len(raw) - len(article.text) if raw.endswith(article.text) else 0
    text = _FRONT_MATTER_CHAR.sub(" ", raw[:head]) + article.text if head else article.text
    del raw, article  # a large file: keep one copy of its text
    return text, title


_FRONT_MATTER_CHAR = re.compile(r"[^\n]")
