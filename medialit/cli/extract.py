"""``medialit extract PAGE.html|URL [--json]``: the article text of one web page (the extraction
is :func:`medialit.corpus.pages.read_page`).

It prints the body text (no headline, navigation or comments); ``--json`` prints the page
record instead, an object with the keys ``text``, ``title``, ``authors``, ``date``,
``updated``, ``outlet``, ``url``, ``canonical_url``, ``language``, ``wire_credits`` and
``removed`` (``docs/cli.md``). A URL (``http://`` or ``https://``) is fetched first; a saved
page is never sent anywhere.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from medialit.cli.common import add_json_option, error, print_json
from medialit.corpus.files import CorpusError


def register(parser: argparse.ArgumentParser) -> None:
    """Declare ``PAGE`` and ``--json``."""
    parser.add_argument("page", metavar="PAGE", help="a saved .html page, or an http(s):// address to fetch")
    add_json_option(parser, "print the page record as a JSON object (see docs/cli.md)")


def run(args: argparse.Namespace) -> int:
    """Extract the page; 1 if it could not be read or fetched, else 0."""
    from medialit.corpus.fetch import fetch, is_url
    from medialit.corpus.pages import read_page

    try:
        page = fetch(args.page) if is_url(args.page) else read_page(Path(args.page))
    except CorpusError as err:
        hint = ""
        if not is_url(args.page) and not Path(args.page).exists() and re.match(r"(www\.)?[\w-]+(\.[\w-]+)+/", args.page):
            hint = f" (to fetch it, give the address with https://: https://{args.page})"
        error("extract", f"{err}{hint}")
        return 1
    if args.json:
        print_json(page.to_dict())
    else:
        print(page.text)
    return 0
