"""``medialit families DIR [--json] [--progress] [--jobs N] [--trail]``: group a folder of
articles into story families (articles derived from the same text; see ``docs/compare.md``).

``--json`` prints ``{"families": [[path, ...], ...], "links": [...], "furniture": [...]}``
(singletons included; ``"trails"`` too with ``--trail``). The site furniture learned from
the folder (lines that recur across unrelated articles) is listed with how many articles
carry it. ``--jobs N`` works in N processes (default: the number of cores; the same
result as one). Each file of the
folder that cannot be loaded is reported as one line on stderr, the others are grouped,
and the exit code is 1.
"""
from __future__ import annotations

import argparse
import warnings
from pathlib import Path
from typing import Mapping, Sequence

from medialit.cli.common import add_jobs_option, add_json_option, default_jobs, error, print_json
from medialit.compare.families import FamilyLink, story_families
from medialit.compare.furniture import FurnitureLine
from medialit.corpus.articles import CorpusError, load_corpus


def register(parser: argparse.ArgumentParser) -> None:
    """Declare ``DIR``, ``--json``, ``--progress``, ``--jobs`` and ``--trail``."""
    parser.add_argument("dir", metavar="DIR", help="a folder of .txt articles and saved .html pages")
    add_json_option(parser, 'print {"families": [[path, ...], ...], "links": [...], "furniture": [...]} (see docs/compare.md)')
    parser.add_argument("--progress", action="store_true", help="show a progress bar (long runs)")
    add_jobs_option(parser, "work in N processes (default: the number of cores; the result is the same "
                            "with any N; folders of 60 articles or fewer use one)")
    parser.add_argument("--trail", action="store_true",
                        help="also show each family's copy trail: versions in order, what each added, cut or changed")


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
    furniture: list[FurnitureLine] = []
    families = story_families(corpus, progress=args.progress, links=links, jobs=args.jobs or default_jobs(), furniture=furniture)
    trails = {}
    if args.trail:
        from medialit.compare.furniture import Furniture, line_key
        from medialit.compare.lineage import lineage
        learned = Furniture(tuple(furniture), frozenset(line_key(f.text) for f in furniture))
        for fam in families:
            if len(fam) > 1:
                trails[fam[0]] = lineage([corpus[k] for k in fam], furniture=learned or None)
    if args.json:
        out = {"families": [[paths[k] for k in fam] for fam in families],
               "links": [dict(link.to_dict(), a=paths[link.a], b=paths[link.b]) for link in links],
               "furniture": [f.to_dict() for f in furniture]}
        if args.trail:
            out["trails"] = [_trail_json(t, paths) for t in trails.values()]
        print_json(out)
    else:
        print(format_families(families, paths, links, furniture))
        for first, trail in trails.items():
            print(f"\nCopy trail of the family of {paths[first]}:")
            print(trail.describe())
    return 1 if corpus.errors else 0


def _trail_json(trail, paths: Mapping[str, str]) -> list[dict]:
    out = []
    for v in trail.versions:
        d = v.to_dict()
        d["id"] = paths.get(v.id, v.id)
        d["parent"] = paths.get(v.parent, v.parent) if v.parent else None
        out.append(d)
    return out


def format_families(families: Sequence[Sequence[str]], paths: Mapping[str, str],
                    links: Sequence[FamilyLink] = (), furniture: Sequence[FurnitureLine] = ()) -> str:
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
    if furniture:
        out.append("Site furniture left out of every comparison (lines recurring across unrelated articles):")
        out += [f"  [{f.articles} articles] {f.text if len(f.text) <= 100 else f.text[:97] + '...'}" for f in furniture]
    return "\n".join(out)
