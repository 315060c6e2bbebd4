"""Every check of one article, as ``medialit check`` reports it: its figures against the
reference tables (:func:`medialit.checks.checking.check_text`) and against each other
(:func:`medialit.checks.internal.check_internal`).

>>> result = check_article("Membership rose from 120 to 150, a 30% jump.")
>>> [(c.check, c.verdict) for c in result.internal], result.counts["inconsistent"]
([('percent change', 'inconsistent')], 1)
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from medialit.checks.checking import VERDICTS, check_text
from medialit.checks.dates import as_span
from medialit.checks.internal import check_internal
from medialit.checks.reference import Reference, load_reference
from medialit.corpus.articles import UNKNOWN, load_article
from medialit.corpus.document import Document
from medialit.corpus.files import CorpusWarning, read_text
from medialit.corpus.pages import PAGE_SUFFIXES
from medialit.records import Record, as_json

__all__ = ["ArticleChecks", "check_article", "check_file", "article_date"]


@dataclass(frozen=True, slots=True)
class ArticleChecks(Record):
    """The checks of one article. Offsets in the checks are into ``text``."""

    path: str | None
    title: str | None
    date: str | None            # the article date the checks used (YYYY[-MM[-DD]]), None if unknown
    date_basis: str             # where it came from: "published", "story date", "--date", "unknown"
    text: str = field(metadata=as_json(skip=True))
    reference: tuple = ()       # Check records: figures against the reference tables
    internal: tuple = ()        # InternalCheck records: figures against each other
    json_keys = ("path", "title", "date", "date_basis", "counts", "reference", "internal")

    @property
    def counts(self) -> dict[str, int]:
        """How many checks gave each verdict (reference and internal together)."""
        every = [c.verdict for c in self.reference] + [c.verdict for c in self.internal]
        return {v: every.count(v) for v in VERDICTS}


def check_article(text: str | Document, *, article_date=None, reference: Reference | None = None,
                  include_unchecked: bool = False, path: str | None = None, title: str | None = None,
                  date_basis: str | None = None) -> ArticleChecks:
    """Check one article's text (no file access). ``reference`` defaults to the kit's tables;
    pass ``load_reference(extra="my_tables/")`` to use a class's own tables as well."""
    doc = text if isinstance(text, Document) else Document(text)
    when = None if article_date is None else str(article_date)
    ref = reference or load_reference()
    return ArticleChecks(
        path=path, title=title, date=when,
        date_basis=date_basis or ("given" if when else "unknown"),
        text=doc.text,
        reference=tuple(check_text(doc, article_date=when, reference=ref, include_unchecked=include_unchecked)),
        internal=tuple(check_internal(doc, article_date=when)),
    )


def article_date(article) -> tuple[str | None, str]:
    """The date to check an article at, and where it came from: its ``published`` date, else
    the date of the story it retells (``story_date``), else unknown."""
    for value, basis in ((article.published, "published"), (article.story_date, "story date")):
        if value and value != UNKNOWN:
            try:
                as_span(value)
            except ValueError:
                continue
            return str(value), basis
    return None, "unknown"


def check_file(path: str | Path, *, reference: Reference | None = None, article_date_override=None,
               include_unchecked: bool = False, encoding: str | None = None, limit: int | None = None) -> ArticleChecks:
    """Read and check one file (``.txt`` with optional front matter, or a saved ``.html``
    page); raises ``CorpusError`` naming the file if it cannot be read. Offsets count from
    the top of the file, as in ``medialit analyze``. ``encoding`` and ``limit``: as for
    :func:`medialit.corpus.files.read_text`."""
    path = Path(path)
    article = load_article(path, encoding=encoding, limit=limit)
    if path.suffix.lower() in PAGE_SUFFIXES:
        text = article.text
    else:
        with warnings.catch_warnings():   # load_article already warned about this file
            warnings.simplefilter("ignore", CorpusWarning)
            raw = read_text(path, encoding=encoding, limit=limit)
        head = len(raw) - len(article.text) if raw.endswith(article.text) else 0
        text = re.sub(r"[^\n]", " ", raw[:head]) + article.text
    if article_date_override is not None:
        when, basis = str(article_date_override), "--date"
    else:
        when, basis = article_date(article)
    return check_article(text, article_date=when, reference=reference, include_unchecked=include_unchecked,
                         path=str(path), title=article.title, date_basis=basis)
