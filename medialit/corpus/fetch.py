"""Fetching a web page and saving a snapshot of it: the only code in the kit that uses the network.

:func:`download` gets a page's bytes with the standard library (a User-Agent naming the
kit, a timeout, a size limit, at most :data:`MAX_REDIRECTS` redirects); :func:`fetch`
reads the page it downloaded (:func:`medialit.corpus.pages.read_page`);
:func:`save_snapshot` writes the original HTML and a ``.txt`` with TOML front matter
that :func:`medialit.corpus.load_article` reads back. Every problem is a one-line
:class:`CorpusError` naming the URL.

>>> is_url("https://example.org/news/1"), is_url("saved/page.html")
(True, False)
>>> snapshot_stem("https://news.example.org/2024/03/rain-due-across-the-valley.html")
'news.example.org-rain-due-across-the-valley'
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import medialit
from medialit.corpus.pages import MAX_PAGE_BYTES, Page, read_page
from medialit.errors import CorpusError
from medialit.records import Record, as_json

__all__ = ["Download", "download", "fetch", "is_url", "save_snapshot", "snapshot_stem", "USER_AGENT",
           "TIMEOUT_SECONDS", "MAX_REDIRECTS"]

USER_AGENT = f"medialit/{medialit.__version__} (media-literacy teaching kit; one page at a student's request)"
#: Seconds to wait for the server to connect or send more data.
TIMEOUT_SECONDS = 20.0
#: Redirects followed before giving up.
MAX_REDIRECTS = 5
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _error(url: str, problem: str) -> CorpusError:
    """A one-line error naming the URL as given (a path would fold its ``//``)."""
    return CorpusError(f"{url}: {problem}")


def is_url(value: str) -> bool:
    """Whether ``value`` is an ``http://`` or ``https://`` address (anything else is a file)."""
    return bool(re.match(r"https?://", value.strip(), flags=re.I))


@dataclass(frozen=True, slots=True)
class Download(Record):
    """The bytes of one page as the server sent them, where they came from, and when."""

    url: str
    final_url: str
    data: bytes = field(repr=False, metadata=as_json(skip=True))
    charset: str | None
    retrieved: str


@functools.lru_cache(maxsize=1)
def _redirects() -> type:
    """The redirect handler class, made on first use: the standard library's HTTP modules
    (with TLS and e-mail parsing) are imported only when something is downloaded, so that
    reading local files (``medialit analyze``) starts faster."""
    import urllib.request

    class _Redirects(urllib.request.HTTPRedirectHandler):
        """At most :data:`MAX_REDIRECTS` redirects, none to the same address twice, and only to
        http(s) (urllib would follow one to ``ftp://``)."""

        max_redirections = MAX_REDIRECTS
        max_repeats = 1

        def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
            if urlsplit(newurl).scheme.lower() not in ("http", "https"):
                raise _error(req.full_url, f"redirects to {newurl}, which is not an http(s) address")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return _Redirects


def _opener():
    import urllib.request

    return urllib.request.build_opener(_redirects()())


def download(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_PAGE_BYTES) -> Download:
    """Fetch ``url`` and return its bytes; a :class:`CorpusError` naming the URL if the host
    cannot be reached, the server answers with an error or too many redirects, it is too
    slow, sends something that is not HTML, or more than ``max_bytes``."""
    if not is_url(url):
        raise _error(url, "not an http:// or https:// address")
    import http.client
    import socket
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"})
    try:
        with _opener().open(request, timeout=timeout) as response:
            kind = response.headers.get_content_type() if response.headers.get("Content-Type") else None
            if kind is not None and kind not in _HTML_TYPES:
                raise _error(url, f"is not an HTML page (the server sent {kind})")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise _error(url, f"page is too large ({int(length):,} bytes; the limit is {max_bytes:,})")
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise _error(url, f"page is too large (over {max_bytes:,} bytes, the limit)")
            charset = response.headers.get_content_charset()
            final = response.geturl()
    except CorpusError:
        raise
    except urllib.error.HTTPError as err:
        if 300 <= err.code < 400:
            raise _error(url, f"too many redirects or a redirect loop (HTTP {err.code})") from None
        raise _error(url, f"the server answered HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise _error(url, f"no answer within {timeout:g} seconds (timed out)") from None
        raise _error(url, f"cannot reach the host ({reason})") from None
    except (socket.timeout, TimeoutError):
        raise _error(url, f"no answer within {timeout:g} seconds (timed out)") from None
    except (http.client.HTTPException, OSError, ValueError) as err:
        raise _error(url, f"the download failed ({type(err).__name__}: {err})") from None
    if kind is None and (data[:5] == b"%PDF-" or b"\x00" in data[:1024]):
        raise _error(url, "is not an HTML page (it looks like a PDF or other binary file)")
    retrieved = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return Download(url=url, final_url=final, data=data, charset=charset, retrieved=retrieved)


def _read(got: Download) -> Page:
    try:
        return read_page(got.data, url=got.final_url, charset=got.charset)
    except CorpusError as err:  # name the URL, not "<html>"
        raise _error(got.url, err.problem) from None


def fetch(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_PAGE_BYTES) -> Page:
    """Download ``url`` and read it as a :class:`~medialit.corpus.pages.Page` (needs the network)::

        page = fetch("https://example.org/news/rain-due")
        print(page.title, page.date)
    """
    return _read(download(url, timeout=timeout, max_bytes=max_bytes))


def snapshot_stem(url: str) -> str:
    """A file name (no suffix) for a snapshot of ``url``: the host and the last part of the path."""
    parts = urlsplit(url)
    last = [p for p in parts.path.split("/") if p]
    slug = re.sub(r"\.(s?html?|php|aspx?)$", "", last[-1], flags=re.I) if last else ""
    stem = "-".join(s for s in (parts.hostname or "page", slug) if s)
    return re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.")[:100] or "page"


def _toml_string(value: str) -> str:
    out = value.replace("\\", "\\\\").replace('"', '\\"')
    out = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\u{ord(m.group()):04x}", out)
    return f'"{out}"'


def _front_matter(page: Page, got: Download) -> str:
    values: list[tuple[str, str | None | tuple[str, ...]]] = [
        ("url", got.url), ("canonical_url", page.canonical_url), ("title", page.title), ("authors", page.authors),
        ("outlet", page.outlet), ("published", page.date), ("updated", page.updated), ("retrieved", got.retrieved),
        ("language", page.language), ("wire_credits", page.wire_credits)]
    lines = ["+++"]
    for key, value in values:
        if isinstance(value, tuple):
            lines.append(f"{key} = [{', '.join(_toml_string(v) for v in value)}]")
        elif value is not None:
            lines.append(f"{key} = {_toml_string(value)}")
    lines.append("+++")
    return "\n".join(lines) + "\n"


def save_snapshot(url: str, folder: str | Path = ".", *, timeout: float = TIMEOUT_SECONDS,
                  max_bytes: int = MAX_PAGE_BYTES) -> tuple[Path, Path]:
    """Fetch ``url`` and save ``<stem>.html`` (the bytes as sent) and ``<stem>.txt`` (front
    matter, then the headline, a blank line and the body) in ``folder``; returns both paths.

    A snapshot already there is never overwritten: the new one gets a suffix ``-2``, ``-3``...
    """
    got = download(url, timeout=timeout, max_bytes=max_bytes)
    page = _read(got)
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise CorpusError(folder, f"cannot create the folder ({err.strerror})") from None
    stem = snapshot_stem(got.final_url or url)
    n = 1
    while True:
        name = stem if n == 1 else f"{stem}-{n}"
        html_path, txt_path = folder / f"{name}.html", folder / f"{name}.txt"
        if not html_path.exists() and not txt_path.exists():
            break
        n += 1
    try:
        with open(html_path, "xb") as out:
            out.write(got.data)
        with open(txt_path, "x", encoding="utf-8", newline="\n") as out:
            out.write(_front_matter(page, got) + page.article_text + "\n")
    except OSError as err:
        raise CorpusError(folder, f"cannot save the snapshot ({err.strerror})") from None
    return html_path, txt_path
