"""``medialit fetch URL [--out FOLDER]``: save a snapshot of a web page (the fetching is
:func:`medialit.corpus.fetch.save_snapshot`).

It writes two files in ``FOLDER`` (the current folder by default): the page's HTML as the
server sent it and a ``.txt`` with TOML front matter (url, canonical_url, title, authors,
outlet, published, updated, retrieved, language, wire_credits), then the headline, a blank
line and the body, which every other command reads. A snapshot already there is never
overwritten: the new one gets a suffix (``-2``). It prints the path of the ``.txt``.
"""
from __future__ import annotations

import argparse

from medialit.cli.common import error
from medialit.corpus.files import CorpusError


def register(parser: argparse.ArgumentParser) -> None:
    """Declare ``URL`` and ``--out``."""
    parser.add_argument("url", metavar="URL", help="an http:// or https:// address")
    parser.add_argument("--out", metavar="FOLDER", default=".", help="where to save the snapshot (default: here)")


def run(args: argparse.Namespace) -> int:
    """Fetch and save; 1 if the page could not be fetched or read, else 0."""
    from medialit.corpus.fetch import save_snapshot

    try:
        html_path, txt_path = save_snapshot(args.url, args.out)
    except CorpusError as err:
        error("fetch", err)
        return 1
    print(txt_path)
    return 0
