"""Shared set-up for the whole test suite.

The tests mirror the package: ``tests/<subpackage>/test_<module>.py`` tests
``medialit/<subpackage>/<module>.py``; tests of the kit as a whole (seeds, notebooks, golden
output, the browser) are in ``tests/kit/``. Each test folder has an ``__init__.py`` so that
equal basenames in different folders do not clash, while ``tests/`` itself has none: pytest
therefore puts ``tests/`` on ``sys.path`` and every test can ``from helpers import ...``
(and ``from figures_gold import ...`` / ``from sourcing_gold import ...``).

Constants and plain functions (``ROOT``, ``SEEDS``, ``seed_text``, ``run_medialit``...) are in
``tests/helpers.py``, because collection-time code cannot use fixtures; this file holds the
fixtures.
"""
from __future__ import annotations

import http.server
import os
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from medialit.corpus import Corpus, load_corpus


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    """The seed corpus (``medialit.corpus.load_corpus()``), loaded once for the whole run."""
    return load_corpus()


# ---------------------------------------------------------------- a local web server for the page tests

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"


class _PageHandler(http.server.BaseHTTPRequestHandler):
    """Serves the invented pages of ``tests/fixtures/pages`` and the failures a fetch meets."""

    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:  # keep the test output quiet
        pass

    def _send(self, status: int, body: bytes = b"", kind: str | None = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None, length: bool = True) -> None:
        self.send_response(status)
        if kind:
            self.send_header("Content-Type", kind)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.server.requests.append((self.path, self.headers.get("User-Agent", "")))  # type: ignore[attr-defined]
        page = lambda name: (PAGES / name).read_bytes()
        routes = {
            "/news/2023/06/14/night-ferry-cancelled": lambda: self._send(200, page("harbor-ledger-ferry.html")),
            "/old-address": lambda: self._send(301, headers={"Location": "/news/2023/06/14/night-ferry-cancelled"}),
            "/to-ftp": lambda: self._send(302, headers={"Location": "ftp://127.0.0.1/page.html"}),
            "/loop": lambda: self._send(302, headers={"Location": "/loop"}),
            "/missing": lambda: self._send(404, b"<h1>Not found</h1>"),
            "/broken": lambda: self._send(500, b"<h1>Server error</h1>"),
            "/slow": lambda: (time.sleep(3), self._send(200, page("harbor-ledger-ferry.html"))),
            "/huge": lambda: self._send(200, b"<p>" + b"word " * 500_000 + b"</p>", length=False),
            "/huge-declared": lambda: self._send(200, b"<p>" + b"word " * 500_000 + b"</p>"),
            "/report.pdf": lambda: self._send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", kind="application/pdf"),
            "/app": lambda: self._send(200, page("javascript-shell.html")),
            "/feria": lambda: self._send(200, page("windows-1252.html"), kind="text/html"),
            "/library": lambda: self._send(200, page("meta-date-only.html")),
        }
        routes.get(self.path, lambda: self._send(404, b"<h1>Not found</h1>"))()


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:  # a client that gave up (timeouts)
        pass


class PageServer:
    """A web server on 127.0.0.1 in a thread; ``url(path)`` is the address of ``path`` on it."""

    def __init__(self) -> None:
        self.httpd = _QuietServer(("127.0.0.1", 0), _PageHandler)
        self.httpd.requests = []  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    @property
    def requests(self) -> list[tuple[str, str]]:
        """(path, User-Agent) of every request so far."""
        return self.httpd.requests  # type: ignore[attr-defined]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def page_server() -> Iterator[PageServer]:
    """A local web server serving the invented pages (no test needs the internet). Requests
    to it bypass any proxy the machine has set (``no_proxy``), in this process and in the
    ``medialit`` subprocesses the CLI tests start."""
    saved = {key: os.environ.get(key) for key in ("no_proxy", "NO_PROXY")}
    for key in saved:
        os.environ[key] = ",".join(filter(None, [saved[key], "127.0.0.1", "localhost"]))
    server = PageServer()
    yield server
    server.close()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
