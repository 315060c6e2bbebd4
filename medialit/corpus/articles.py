"""Articles and their provenance: load the seed articles, or any folder of text files.

A folder of UTF-8 ``.txt`` files (and saved web pages, ``.html``) is a corpus. Each text file may start with TOML front matter
between two ``+++`` lines, and the folder may hold a ``catalog.toml`` with one
``[[article]]`` table per file (see ``docs/corpus.md``). Offsets into an article always
refer to ``Article.text``: the file's text after the front matter (and after a leading
byte-order mark, if any), with its newlines unchanged.

>>> from medialit.corpus.articles import load_corpus
>>> corpus = load_corpus()                     # the seed articles
>>> corpus["001"].outlet
'Al-Ahed News (English site)'
>>> [a.id for a in corpus]
['000', '001', '002', '003', '004']

Bad input never raises a bare ``KeyError`` or ``UnicodeDecodeError``: it raises
:class:`CorpusError` (a ``ValueError``) whose message names the file and the problem.
"""
from __future__ import annotations

import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from medialit.records import Record
from medialit.corpus.files import (CATALOG_NAME, UNKNOWN, CorpusError, CorpusWarning, article_fields, read_catalog,
                                    read_text, split_front_matter)
from medialit.corpus.pages import PAGE_SUFFIXES, read_page
from medialit.errors import show_path

__all__ = ["Article", "Corpus", "CorpusError", "CorpusWarning", "Upstream", "guess_title", "load_article",
           "load_article_text", "looks_like_html", "load_corpus", "read_catalog", "seeds_dir", "split_front_matter"]
SEEDS_ENV = "MEDIALIT_SEEDS"


@dataclass(frozen=True, slots=True)
class Upstream(Record):
    """One link in an article's copy chain: ``subject`` is a ``relation`` ``outlet``.

    ``relation`` is one of "rewrite of", "near-copy of", "paraphrase of", "cites",
    "original interview" (or a teacher's own phrase). ``subject`` is "this article" or the
    outlet of an earlier link.

    >>> Upstream(outlet="Reuters", relation="rewrite of", date="2019-02-08").describe()
    'this article → rewrite of → Reuters (2019-02-08)'
    """

    outlet: str
    relation: str
    date: str = UNKNOWN
    url: str = UNKNOWN
    subject: str = "this article"
    title: str | None = None
    author: str | None = None
    note: str | None = None

    def describe(self) -> str:
        """The link as one readable line."""
        return f"{self.subject} → {self.relation} → {self.outlet} ({self.date})"


@dataclass(frozen=True, slots=True)
class Article(Record):
    """One article: its text and what is known about where it came from.

    Unknown values are the string ``"unknown"`` (or ``None`` for optional fields such as
    ``title`` and ``byline``). ``published`` is the date of the page, ``story_date`` the
    date of the story it retells when only that is known. Keys of the catalog or front
    matter that are not fields land in ``meta``.
    """

    id: str
    path: Path
    text: str = field(repr=False)
    title: str | None = None
    outlet: str = UNKNOWN
    outlet_kind: str = UNKNOWN
    published: str = UNKNOWN
    url: str = UNKNOWN
    byline: str | None = None
    story_date: str | None = None
    upstream: tuple[Upstream, ...] = field(default=(), repr=False)
    notes: str = field(default="", repr=False)
    meta: dict[str, Any] = field(default_factory=dict, hash=False, repr=False)

    @property
    def stem(self) -> str:
        """The file name without ``.txt`` (``corpus[stem]`` works as well as the id)."""
        return self.path.stem


class Corpus:
    """An ordered collection of articles, looked up by id or file stem.

    ``errors`` lists the files that could not be loaded (each a :class:`CorpusError`).

    >>> corpus = load_corpus()
    >>> len(corpus), corpus["002"].published
    (5, '2019-02-09')
    """

    def __init__(self, articles: Iterable[Article], *, root: Path | None = None,
                 errors: Iterable[CorpusError] = ()) -> None:
        self.articles: tuple[Article, ...] = tuple(articles)
        self.root = root
        self.errors: list[CorpusError] = list(errors)
        self._index: dict[str, Article] = {}
        for a in self.articles:
            self._index.setdefault(a.stem, a)
        for a in self.articles:  # ids win over stems
            self._index[a.id] = a

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __getitem__(self, key: str | int) -> Article:
        if isinstance(key, int):
            return self.articles[key]
        try:
            return self._index[key]
        except KeyError:
            ids = ", ".join(a.id for a in self.articles) or "none"
            raise KeyError(f"no article {key!r} in this corpus (ids: {ids})") from None

    def get(self, key: str, default: Article | None = None) -> Article | None:
        return self._index.get(key, default)

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.articles]

    def __repr__(self) -> str:
        where = f" from {show_path(self.root)}" if self.root else ""
        bad = f", {len(self.errors)} errors" if self.errors else ""
        return f"<Corpus of {len(self)} articles{where}{bad}>"


# ---------------------------------------------------------------- locating the seeds

def seeds_dir() -> Path:
    """The folder of seed articles: ``$MEDIALIT_SEEDS``, else ``seeds/`` beside the package
    (a checkout or editable install), else ``medialit/kit/seeds`` (the wheel of a student
    release, see ``exercises/release.py``), else the nearest ``seeds/catalog.toml`` above the
    current directory."""
    env = os.environ.get(SEEDS_ENV)
    if env:
        path = Path(env).expanduser()
        if not path.is_dir():
            raise CorpusError(path, f"folder named by ${SEEDS_ENV} does not exist")
        return path
    beside = Path(__file__).resolve().parents[2] / "seeds"
    if (beside / CATALOG_NAME).is_file():
        return beside
    packaged = Path(__file__).resolve().parents[1] / "kit" / "seeds"   # a student release's wheel
    if (packaged / CATALOG_NAME).is_file():
        return packaged
    for folder in [Path.cwd(), *Path.cwd().parents]:
        if (folder / "seeds" / CATALOG_NAME).is_file():
            return folder / "seeds"
    raise CorpusError("seeds", f"cannot find the seed articles; set ${SEEDS_ENV} to their folder "
                      "or run from inside a medialit checkout")


# ---------------------------------------------------------------- one file

def _looks_like_headline(line: str, rest: str) -> bool:
    line = line.strip()
    return (bool(line) and bool(rest.strip()) and len(line) <= 200 and len(line.split()) <= 20
            and not line.endswith((".", ",", ";", ":", "…")))


def guess_title(text: str) -> str | None:
    """The first line when it looks like a headline (short, no final full stop, more text
    after it), else ``None``.

    >>> guess_title("Rain Expected Tomorrow\\n\\nForecasters say rain will fall.")
    'Rain Expected Tomorrow'
    >>> guess_title("Forecasters say rain will fall.") is None
    True
    """
    # (offsets, not lstrip/partition: a 50 MB file would be copied twice just to read its first line)
    start = _LEADING_SPACE.match(text).end()
    nl = text.find("\n", start)
    first = text[start:] if nl < 0 else text[start:nl]
    more = nl >= 0 and _NOT_SPACE.search(text, nl + 1) is not None
    return first.strip() if _looks_like_headline(first, "x" if more else "") else None


_LEADING_SPACE = re.compile(r"\s*")
_NOT_SPACE = re.compile(r"\S")


def load_article(path: str | Path, *, entry: dict[str, Any] | None = None, catalog: bool = True,
                 encoding: str | None = None, limit: int | None = None) -> Article:
    """Load one text file (with optional front matter) or saved web page as an :class:`Article`.

    A web page (``.html``, ``.htm``) is read by :func:`medialit.corpus.pages.read_page`:
    its text is the headline, a blank line, then the body, and its metadata fill the
    title, outlet, published date, url and byline (the rest lands in ``meta``).

    Values come from, in order of precedence: the ``entry`` given (or, with
    ``catalog=True``, the file's entry in a ``catalog.toml`` beside it), the front matter,
    then defaults. The id is the catalog's or front matter's ``id``, else the file stem.

    ``encoding`` and ``limit`` are passed to :func:`medialit.corpus.files.read_text` (a text
    encoding to force, else UTF-8 or the one detected; the size limit in bytes). A ``.txt`` file that
    is really a saved web page (it starts with ``<!DOCTYPE html`` or ``<html``) is read as
    a page, with a warning.

    >>> a = load_article(seeds_dir() / "002_fa9433598ee9ccdc.txt")
    >>> a.id, a.title
    ('002', 'United States Godfathering Mutiny in Venezuela')
    """
    return load_article_text(path, entry=entry, catalog=catalog, encoding=encoding, limit=limit)[0]


_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)


def looks_like_html(text: str) -> bool:
    """Whether a text file is really a saved web page (it starts like an HTML document).

    >>> looks_like_html("<!DOCTYPE html><html><body>Hi</body></html>"), looks_like_html("<b>Hi</b> there")
    (True, False)
    """
    return _HTML_START.match(text[:2000]) is not None


def load_article_text(path: str | Path, *, entry: dict[str, Any] | None = None, catalog: bool = True,
                      encoding: str | None = None, limit: int | None = None) -> tuple[Article, str | None]:
    """:func:`load_article`, with the file's text as read (``None`` for a web page), so a
    caller that needs both reads the file once."""
    path = Path(path)
    raw = None
    if path.suffix.lower() in PAGE_SUFFIXES:
        front, body = _page_fields(path)
    else:
        raw = read_text(path, encoding=encoding, limit=limit)
        if looks_like_html(raw):
            warnings.warn(f"{show_path(path)}: looks like a saved web page (HTML), not plain text: read as a page",
                          CorpusWarning, stacklevel=2)
            front, body = _page_fields(path)
            raw = None
        else:
            front, body = split_front_matter(raw, path)
            if not body or body.isspace():  # (not body.strip(): no copy of a large file)
                raise CorpusError(path, "file is empty" if not raw else "no text (only whitespace)" if raw.isspace()
                                  else "has front matter but no article text")
    if entry is None and catalog:
        entry = _catalog_entry_for(path)
    fields = article_fields(front, path, "front matter: ")
    ident = front.get("id", path.stem)
    if entry:
        cat = article_fields(entry, path.parent / CATALOG_NAME, f"article {entry.get('id')!r}: ")
        cat["meta"] = {**fields["meta"], **cat["meta"]}
        fields.update(cat)
        ident = entry.get("id", ident)
    if not isinstance(ident, str) or not ident:
        raise CorpusError(path, f"id must be a non-empty string, not {ident!r}")
    fields.setdefault("title", guess_title(body))
    authors = fields["meta"].get("authors")
    if "byline" not in fields and isinstance(authors, list) and authors and all(isinstance(a, str) for a in authors):
        fields["byline"] = ", ".join(authors)
    fields["upstream"] = tuple(Upstream(**link) for link in fields.get("upstream", ()))
    return Article(id=ident, path=path, text=body, **fields), raw


def _page_fields(path: Path) -> tuple[dict[str, Any], str]:
    """A saved web page as front-matter values and article text (headline, blank line, body)."""
    page = read_page(path)
    front: dict[str, Any] = {"url": page.canonical_url or page.url or UNKNOWN}
    if page.title:
        front["title"] = page.title
    if page.outlet:
        front["outlet"] = page.outlet
    if page.date:
        front["published"] = page.date
    if page.authors:
        front["authors"] = list(page.authors)
    for key in ("updated", "language", "canonical_url"):
        if getattr(page, key):
            front[key] = getattr(page, key)
    if page.wire_credits:
        front["wire_credits"] = list(page.wire_credits)
    return front, page.article_text


def _article_files(root: Path) -> list[Path]:
    """The articles of a folder: ``.txt`` files and saved pages, in name order. A saved page
    whose ``.txt`` twin is beside it (a ``medialit fetch`` snapshot) is read from the twin.
    A link that leads nowhere (broken, or a loop) is listed too, so that reading it reports
    it by name instead of skipping it without a word."""
    texts = {p.stem for p in root.glob("*.txt")}
    found = [p for p in root.iterdir()
             if (p.is_file() or (p.is_symlink() and not p.exists()))
             and (p.suffix == ".txt" or (p.suffix.lower() in PAGE_SUFFIXES and p.stem not in texts))]
    return sorted(found)


# ---------------------------------------------------------------- catalogs and folders

def _catalog_entry_for(path: Path) -> dict[str, Any] | None:
    catalog = path.parent / CATALOG_NAME
    if not catalog.is_file():
        return None
    try:
        entries = read_catalog(catalog)
    except CorpusError as err:
        warnings.warn(f"{err} (loading {show_path(path)} without it)", CorpusWarning, stacklevel=3)
        return None
    return next((e for e in entries if e["file"] == path.name), None)


def load_corpus(path: str | Path | None = None, *, strict: bool = False) -> Corpus:
    """Load every ``.txt`` file and saved web page (``.html``, ``.htm``) of a folder (the seed
    articles by default).

    Files listed in the folder's ``catalog.toml`` come first, in catalog order, with the
    catalog's metadata; other ``.txt`` files follow in name order. A file that cannot be
    loaded is reported in ``Corpus.errors`` and as a :class:`CorpusWarning`, and the rest
    load; with ``strict=True`` the first problem raises :class:`CorpusError`.

    >>> load_corpus()["003"].outlet_kind
    'state-funded outlet'
    """
    root = seeds_dir() if path is None else Path(path)
    if not root.exists():
        raise CorpusError(root, "folder does not exist")
    if not root.is_dir():
        raise CorpusError(root, "is a file, not a folder (use load_article for one file)")
    articles: list[Article] = []
    errors: list[CorpusError] = []
    seen: dict[str, Path] = {}

    def problem(err: CorpusError) -> None:
        if strict:
            raise err
        errors.append(err)
        warnings.warn(str(err), CorpusWarning, stacklevel=3)

    def add(article: Article, where: Path) -> None:
        if article.id in seen:
            problem(CorpusError(where, f"duplicate id {article.id!r}: {article.path.name} and "
                                f"{seen[article.id].name} both have it, so {article.path.name} was skipped"))
            return
        seen[article.id] = article.path
        articles.append(article)

    catalog = root / CATALOG_NAME
    catalogued: set[str] = set()
    entries: list[dict[str, Any]] = []
    if catalog.is_file():
        try:
            entries = read_catalog(catalog)
        except CorpusError as err:
            problem(err)
    for entry in entries:
        catalogued.add(entry["file"])
        file = root / entry["file"]
        if not file.is_file():
            problem(CorpusError(catalog, f"article {entry['id']!r} names file {entry['file']!r}, which does not exist"))
            continue
        try:
            add(load_article(file, entry=entry), catalog)
        except CorpusError as err:
            problem(err)
    others = [p for p in _article_files(root) if p.name not in catalogued]
    if not others and not entries and not errors:
        raise CorpusError(root, "no .txt or .html files in this folder")
    for file in others:
        try:
            add(load_article(file, catalog=False), file)
        except CorpusError as err:
            problem(err)
    return Corpus(articles, root=root, errors=errors)
