"""``medialit families DIR [--json] [--progress]``: group a folder of articles into story
families (articles derived from the same text; see ``docs/compare.md``).

``--json`` prints ``{"families": [[path, ...], ...]}`` (singletons included). Each file of
the folder that cannot be loaded is reported as one line on stderr, the others are grouped,
and the exit code is 1.
"""
from __future__ import annotations

import argparse
import warnings
from pathlib import Path
from typing import Mapping, Sequence

from medialit.cli.common import add_json_option, error, print_json
from medialit.compare.families import FamilyLink, story_families
from medialit.corpus.articles import CorpusError, load_corpus


def register(parser: argparse.ArgumentParser) -> None:
    """Declare ``DIR``, ``--json`` and ``--progress``."""
    parser.add_argument("dir", metavar="DIR", help="a folder of .txt articles and saved .html pages")
    add_json_option(parser, 'print {"families": [[path, ...], ...]}')
    parser.add_argument("--progress", action="store_true", help="show a progress bar (long runs)")


def run(args: argparse.Namespace) -> int:
    """Group the folder's articles; 1 if the folder or any file in it could not be loaded, else 0."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # bad files are reported below, once each
            corpus = load_corpus(Path(args.dir))
    except CorpusError as err:
        error("families", err)
        return 1
    for err in corpus.errors:
        error("families", err)
    paths = {a.id: str(a.path) for a in corpus}
    links: list[FamilyLink] = []
    families = story_families(corpus, progress=args.progress, links=links)
    if args.json:
        print_json({"families": [[paths[k] for k in fam] for fam in families]})
    else:
        print(format_families(families, paths, links))
    return 1 if corpus.errors else 0


def format_families(families: Sequence[Sequence[str]], paths: Mapping[str, str],
                    links: Sequence[FamilyLink] = ()) -> str:
    """A readable listing: a count, each family's files, then the links that made them.

    >>> print(format_families([["a", "b"], ["c"]], {"a": "a.txt", "b": "b.txt", "c": "c.txt"},
    ...                       [FamilyLink("a", "b", "shared wording", 0.91)]))
    3 articles in 2 families (1 with more than one article)
    Family 1:
      a.txt
      b.txt
    Family 2: (alone)
      c.txt
    Links (pairs that passed a same-story rule):
      a.txt ~ b.txt: shared wording, similarity 0.91
    """
    groups = [f for f in families if len(f) > 1]
    out = [f"{len(paths)} articles in {len(families)} families ({len(groups)} with more than one article)"]
    for k, fam in enumerate(families, 1):
        out.append(f"Family {k}:" + ("" if len(fam) > 1 else " (alone)"))
        out += [f"  {paths[key]}" for key in fam]
    if links:
        out.append("Links (pairs that passed a same-story rule):")
        out += [f"  {paths[link.a]} ~ {paths[link.b]}: {link.rule}, similarity {link.similarity:.2f}" for link in links]
    return "\n".join(out)
