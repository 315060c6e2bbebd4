"""Saved web pages: the article text and metadata of one HTML page.

:func:`read_page` takes a saved page (a path, or the HTML itself as ``str`` or ``bytes``)
and returns a :class:`Page`: the body text with the headline, navigation, related links
and comments left out, and what the page says about itself (title, authors, dates,
outlet, canonical address, language). The extraction itself is trafilatura's (with the
settings that scored best on the kit's development pages, ``docs/corpus.md``); dates are
htmldate's. This module only decodes the bytes, guards against hostile input, and tidies
what the libraries return.

>>> html = '''<html lang="en"><head><title>Rain due | The Valley Gazette</title>
... <meta property="og:site_name" content="The Valley Gazette">
... <meta name="author" content="Ana Ortiz">
... <meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>
... <body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>
... <h1>Rain due across the valley</h1>
... <p>SPRINGDALE (Valley Wire) — Forecasters said on Tuesday that heavy rain would reach
... the valley by the weekend, the first in nine weeks.</p>
... <p>The weather office said farmers should expect between 20 and 40 millimetres, and
... warned that low roads near the river could flood for a day or two.</p>
... </article></body></html>'''
>>> page = read_page(html)
>>> page.title, page.authors, page.date, page.outlet, page.language
('Rain due across the valley', ('Ana Ortiz',), '2024-03-05', 'The Valley Gazette', 'en')
>>> page.text.split("\\n")[0][:40]
'SPRINGDALE (Valley Wire) — Forecasters s'
"""
from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from medialit.corpus.clean import find_boilerplate
from medialit.errors import CorpusError
from medialit.records import Record

__all__ = ["Page", "Removed", "read_page", "decode_html", "find_wire_credits", "MAX_PAGE_BYTES",
           "MAX_SECONDS", "MIN_TEXT_CHARS", "PAGE_SUFFIXES"]

#: File name endings read as a web page rather than a text file.
PAGE_SUFFIXES = (".html", ".htm")
#: A page larger than this (10 MB; news pages are well under 2 MB) is refused.
MAX_PAGE_BYTES = 10_000_000
#: Extraction taking longer than this many seconds is abandoned.
MAX_SECONDS = 30.0
#: An extraction shorter than this many characters is not an article.
MIN_TEXT_CHARS = 200
#: A page with more elements than this is refused before it is parsed twice.
MAX_ELEMENTS = 200_000

#: trafilatura's settings: ``favor_precision`` scored best on the development pages
#: (body F1 0.975 against 0.971 for the defaults and 0.952 for ``favor_recall``).
EXTRACT_SETTINGS: dict[str, Any] = {"favor_precision": True, "include_comments": True,
                                    "include_tables": True, "deduplicate": False}

# Wire services credited at the start of a story: "PARIS (Reuters) —", "AP —", "(AFP) -".
WIRE_SERVICES = ("Reuters", "AP", "AFP", "Associated Press", "The Associated Press", "Bloomberg", "UPI",
                 "dpa", "DPA", "Xinhua", "PA", "ANSA", "EFE", "Kyodo", "TASS", "CNA", "IANS", "PTI")
_WIRE = "|".join(sorted((re.escape(w) for w in WIRE_SERVICES), key=len, reverse=True))
_WIRE_CREDIT = re.compile(rf"\(\s*((?:{_WIRE})(?:\s*/\s*(?:{_WIRE}))*)\s*\)\s*[—–-]|^\s*((?:{_WIRE}))\s*[—–-]{{1,2}}\s")


@dataclass(frozen=True, slots=True)
class Removed(Record):
    """A part of the page left out of the text, and its size in characters.

    >>> Removed("comments", 1200).to_dict()
    {'what': 'comments', 'chars': 1200}
    """

    what: str
    chars: int


@dataclass(frozen=True, slots=True)
class Page(Record):
    """One web page read as an article. Unknown values are ``None`` (or empty tuples).

    ``text`` is the body only (no headline, navigation, related links or comments), its
    paragraphs separated by a blank line;
    ``date`` is the publication date and ``updated`` the last change when the page gives
    a later one (ISO dates); ``wire_credits`` are the agencies credited at the start of
    the body ("(Reuters) —"), which stay in ``text``; ``removed`` says what was left out.
    """

    text: str = field(repr=False)
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    updated: str | None = None
    outlet: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    wire_credits: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = field(default=(), repr=False)

    @property
    def article_text(self) -> str:
        """The headline, a blank line, then the body: what the kit analyses.

        >>> Page(text="Body.", title="Head").article_text
        'Head\\n\\nBody.'
        """
        return f"{self.title}\n\n{self.text}" if self.title else self.text


# ---------------------------------------------------------------- bytes to text

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# The WHATWG encoding standard reads these labels as Windows-1252, as every browser does.
_AS_1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819", "iso_8859-1",
            "windows-1252", "cp1252", "x-cp1252"}


def _encoding(label: str | bytes | None) -> str | None:
    if not label:
        return None
    name = (label.decode("ascii", "ignore") if isinstance(label, bytes) else label).strip().lower()
    if name in _AS_1252:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes, charset: str | None = None) -> str:
    """The page's bytes as text: by its byte-order mark, else the ``charset`` given (an
    HTTP header's), else its ``<meta charset>``, else UTF-8 if the bytes are valid UTF-8,
    else Windows-1252 (what browsers assume).

    >>> decode_html('<meta charset="windows-1252"><p>caf\\xe9 \\u2014 “quoted”</p>'.encode("cp1252"))
    '<meta charset="windows-1252"><p>café — “quoted”</p>'
    >>> decode_html("<p>café</p>".encode("utf-8"))
    '<p>café</p>'
    >>> decode_html(b"<p>caf\\xe9</p>")
    '<p>café</p>'
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace")
    declared = _encoding(charset)
    if declared is None:
        m = _META_CHARSET.search(data[:4096])
        declared = _encoding(m.group(1)) if m else None
    if declared is not None and declared not in ("utf-16-le", "utf-16-be", "utf-16"):  # a meta tag cannot be UTF-16
        if declared == "utf-8":
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:  # declared UTF-8 but saved in another encoding
                pass
        else:
            return data.decode(declared, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# ---------------------------------------------------------------- metadata helpers

def find_wire_credits(text: str) -> tuple[str, ...]:
    """The news agencies credited at the start of a story's first paragraph.

    >>> find_wire_credits("HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper said...")
    ('AP',)
    >>> find_wire_credits("LONDON (Reuters/AFP) - Shares fell.")
    ('Reuters', 'AFP')
    >>> find_wire_credits("AP — The storm weakened.")
    ('AP',)
    >>> find_wire_credits("The AP reported - later - that ...")
    ()
    """
    first = text.lstrip().split("\n", 1)[0][:160]
    m = _WIRE_CREDIT.search(first)
    if not m or (m.group(1) and m.start() > 100):
        return ()
    return tuple(w.strip() for w in (m.group(1) or m.group(2)).split("/"))


_JOB = re.compile(r"\b(writer|correspondent|reporter|editor|staff|contributor|columnist)s?\b", re.I)


def _authors(value: str | None) -> tuple[str, ...]:
    """The names in trafilatura's author string.

    >>> _authors("ROBERT BURNS; AP National Security Writer")
    ('ROBERT BURNS',)
    >>> _authors("By Ana Ortiz and Li Wei")
    ('Ana Ortiz', 'Li Wei')
    """
    if not value:
        return ()
    names = [re.sub(r"^\s*by\s+", "", n, flags=re.I).strip() for n in re.split(r";|\band\b|,(?=\s*[A-Z])", value)]
    seen: list[str] = []
    for n in names:
        if _JOB.search(n):  # "AP National Security Writer" is a job, not a name
            continue
        if n and n.lower() not in (s.lower() for s in seen):
            seen.append(n)
    return tuple(seen)


def _head_links(tree: Any, base: str | None) -> tuple[str | None, str | None]:
    """The canonical address (``<link rel=canonical>``, else ``og:url``) and the ``<html lang>``."""
    canonical = None
    for el in tree.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
            canonical = el.get("href").strip()
            break
    if canonical is None:
        for el in tree.iter("meta"):
            if (el.get("property") or el.get("name") or "").lower() == "og:url" and el.get("content"):
                canonical = el.get("content").strip()
                break
    if canonical and base:
        canonical = urljoin(base, canonical)
    if canonical and not urlsplit(canonical).scheme:  # a relative link, and no address to resolve it
        canonical = None
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    return canonical, (lang.strip() or None) if lang else None


_MODIFIED = {"article:modified_time", "og:updated_time", "datemodified", "last-modified", "modified",
             "dc.date.modified", "dcterms.modified"}
_ISO_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})")
_JSONLD_MODIFIED = re.compile(r'"dateModified"\s*:\s*"(\d{4}-\d{2}-\d{2})')


def _modified(tree: Any, html: str) -> str | None:
    """The last-change date the page declares (meta tags, JSON-LD ``dateModified``), if any.

    htmldate's ``original_date=False`` prefers a date in the page's text to these.
    """
    days = []
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").lower()
        m = _ISO_DAY.match((el.get("content") or "").strip()) if key in _MODIFIED else None
        if m:
            days.append(m.group(1))
    days += _JSONLD_MODIFIED.findall(html)
    return max(days) if days else None


def _visible_chars(tree: Any) -> int:
    """Characters of text a reader sees in the page's body (scripts and styles dropped: the tree is changed)."""
    body = tree.find("body")
    root = body if body is not None else tree
    for hidden in root.xpath(".//script|.//style|.//noscript|.//template"):
        if hidden.getparent() is not None:
            hidden.drop_tree()
    return len(" ".join(root.text_content().split()))


def _drop_furniture(paragraphs: list[str]) -> tuple[str, list[Removed]]:
    """The paragraphs joined by blank lines, without those the kit's boilerplate table
    (``rules/boilerplate.toml``) flags as a whole: "Read more: ..." links, share prompts,
    captions that trafilatura kept. Each rule's lines are counted in a :class:`Removed`.

    >>> _drop_furniture(["Rain fell all day in the valley.", "Share this article", "The port closed."])
    ('Rain fell all day in the valley.\\n\\nThe port closed.', [Removed(what='boilerplate (share_button)', chars=18)])
    """
    text = "\n\n".join(paragraphs)
    rule_of = {b.text: b.rule for b in find_boilerplate(text)}
    kept: list[str] = []
    sizes: dict[str, int] = {}
    if rule_of:
        for p in paragraphs:
            if p in rule_of:
                key = f"boilerplate ({rule_of[p]})"
                sizes[key] = sizes.get(key, 0) + len(p)
            else:
                kept.append(p)
        if kept:
            text = "\n\n".join(kept)
    return text, [Removed(what, n) for what, n in sizes.items()]


_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(https?://[^\s>]+?)\s*-->|"
                         r"<!--\s*Page saved with SingleFile\s*url:\s*(https?://\S+)", re.I)


def _saved_from(html: str) -> str | None:
    """The address a browser noted when it saved the page (``<!-- saved from url=(0042)... -->``,
    or SingleFile's ``url:`` comment).

    >>> _saved_from('<!DOCTYPE html>\\n<!-- saved from url=(0027)https://news.example/a/b -->\\n<html>')
    'https://news.example/a/b'
    """
    m = _SAVED_FROM.search(html[:4096])
    return (m.group(1) or m.group(2)) if m else None


# ---------------------------------------------------------------- reading a page

def _source(page: str | bytes | Path) -> tuple[bytes | str, str]:
    """The HTML and how to name it in an error."""
    if isinstance(page, bytes):
        return page, "<html>"
    if isinstance(page, str) and page.lstrip()[:1] == "<":
        return page, "<html>"
    path = Path(page)
    if not path.exists():
        raise CorpusError(path, "file does not exist")
    if path.is_dir():
        raise CorpusError(path, "is a folder, not a web page")
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise CorpusError(path, f"page is too large ({size:,} bytes; the limit is {MAX_PAGE_BYTES:,})")
        return path.read_bytes(), str(path)
    except OSError as err:
        raise CorpusError(path, f"cannot be read ({err.strerror})") from None


def _fail(name: str, problem: str) -> CorpusError:
    return CorpusError(name, problem)


def _with_time_limit(seconds: float, name: str, work: Any) -> Any:
    """Run ``work()`` in a helper thread; give up (a ``CorpusError``) after ``seconds``."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as err:  # handed to the caller's thread
            box["error"] = err

    worker = threading.Thread(target=target, name="medialit-read-page", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise _fail(name, f"reading the page took longer than {seconds:g} seconds (is it a pathological page?)")
    if "error" in box:
        raise box["error"]
    return box["value"]


def read_page(page: str | bytes | Path, *, url: str | None = None, charset: str | None = None,
              max_bytes: int = MAX_PAGE_BYTES, max_seconds: float = MAX_SECONDS) -> Page:
    """Read one web page: a path to a saved ``.html`` file, or the HTML as ``str`` or ``bytes``.

    ``url`` is where the page came from (it resolves a relative canonical link); without
    it, the address a browser noted in the saved file (``<!-- saved from url=... -->``);
    ``charset`` is the encoding an HTTP server declared. A page over ``max_bytes``,
    one that takes over ``max_seconds`` to read, or one with no article text raises
    :class:`CorpusError` (one line naming the file). The module docstring has an example.

    >>> read_page("<html><body><p>Subscribe to read.</p></body></html>")
    Traceback (most recent call last):
    ...
    medialit.errors.CorpusError: <html>: the page seems to hold no article text: is it behind a paywall or built by JavaScript?
    """
    data, name = _source(page)
    size = len(data)
    if size > max_bytes:
        raise _fail(name, f"page is too large ({size:,} bytes; the limit is {max_bytes:,})")
    html = decode_html(data, charset) if isinstance(data, bytes) else data
    if html.count("<") > MAX_ELEMENTS:
        raise _fail(name, f"page has too many tags (over {MAX_ELEMENTS:,}) to be an article")
    return _with_time_limit(max_seconds, name, lambda: _extract(html, name, url))


def _extract(html: str, name: str, url: str | None) -> Page:
    import htmldate
    import trafilatura
    from lxml import etree, html as lxml_html

    no_text = "the page seems to hold no article text: is it behind a paywall or built by JavaScript?"
    if not html.strip():
        raise _fail(name, no_text)
    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError) as err:
        raise _fail(name, f"cannot be read as HTML ({err})") from None
    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True,
                                      **EXTRACT_SETTINGS)
    text = (doc.text or "").strip() if doc is not None else ""
    title = " ".join(doc.title.split()) if doc is not None and doc.title else None
    if title:  # trafilatura keeps the headline as the body's first line on some pages
        first, _, rest = text.partition("\n")
        if " ".join(first.split()) == title:
            text = rest.strip()
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]  # trafilatura: one paragraph a line
    text, furniture = _drop_furniture(paragraphs)
    if len(text) < MIN_TEXT_CHARS:
        raise _fail(name, no_text)
    tree = lxml_html.document_fromstring(html)  # trafilatura prunes the tree it is given
    url = url or _saved_from(html)
    canonical, language = _head_links(tree, url)
    modified = _modified(tree, html)
    visible_tree = tree  # _visible_chars prunes it: used last
    published = htmldate.find_date(html, original_date=True, url=url, extensive_search=True)
    latest = max(filter(None, (htmldate.find_date(html, original_date=False, url=url, extensive_search=False),
                               modified)), default=None)
    comments = len(" ".join((doc.comments or "").split()))
    removed = [Removed("headline (kept as the title)", len(title))] if title else []
    removed += furniture
    if comments:
        removed.append(Removed("comments", comments))
    kept = len(" ".join(text.split())) + sum(r.chars for r in furniture) + comments + (len(title) if title else 0)
    other = _visible_chars(visible_tree) - kept
    if other > 0:
        removed.append(Removed("navigation, links and other page text", other))
    return Page(
        text=text,
        title=title,
        authors=_authors(doc.author),
        date=published,
        updated=latest if latest and published and latest > published else None,
        outlet=(doc.sitename or doc.hostname or None),
        url=url,
        canonical_url=canonical or (doc.url if doc.url and doc.url != url else None),
        language=language or doc.language,
        wire_credits=find_wire_credits(text),
        removed=tuple(removed),
    )
