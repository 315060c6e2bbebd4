"""``medialit compare A B`` and ``medialit families DIR``.

``compare --json`` prints ``{"similarity", "same_story", "pairs": [{"a", "b", "similarity",
"changes": [{"op", "a", "b"}]}], "quote_changes": [{"a", "b", "changes"}]}`` plus the extra
fields ``verdict``, ``evidence`` and ``attribution_changes`` (see docs/compare.md).
``families --json`` prints ``{"families": [[path, ...], ...]}`` (singletons included).
Errors: one line on stderr naming the file and the problem, and a non-zero exit.
"""
from __future__ import annotations

import argparse
import json
import sys
import textwrap
import warnings
from pathlib import Path

from medialit.corpus.articles import CorpusError, load_article


def register_compare(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", metavar="A", help="first article (UTF-8 text file)")
    parser.add_argument("b", metavar="B", help="second article (UTF-8 text file)")
    parser.add_argument("--json", action="store_true", help="print JSON (see docs/compare.md)")
    parser.add_argument("--all", action="store_true", help="also list unchanged and unmatched sentences")


def run_compare(args: argparse.Namespace) -> int:
    from medialit.compare import compare

    texts = []
    for name in (args.a, args.b):
        try:
            texts.append(load_article(Path(name)).text)
        except CorpusError as err:  # names the file and the problem
            print(f"medialit compare: {err}", file=sys.stderr)
            return 1
    result = compare(texts[0], texts[1])
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(format_comparison(result, args.a, args.b, show_all=getattr(args, "all", False)))
    return 0


def _short(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _wrap(label: str, text: str) -> list[str]:
    return textwrap.wrap(_short(text, 400), width=100, initial_indent=f"  {label} ", subsequent_indent="      ")


def format_comparison(result, a_name: str = "A", b_name: str = "B", *, show_all: bool = False) -> str:
    """A readable summary: similarity, verdict and why, aligned pairs with their word
    changes, then quote and attribution drift."""
    v, ev = result.verdict, result.evidence
    out = [f"A = {a_name}", f"B = {b_name}", "",
           f"Similarity: {result.similarity:.2f}   Verdict: {v.description}",
           f"  why ({v.rule}): {v.reason}",
           f"  shared word triples {ev.word_containment:.0%}, function-word patterns "
           f"{ev.function_word_containment:.0%}, close sentence pairs {ev.close_pairs}", ""]
    kinds = {}
    for p in result.pairs:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    out.append("Sentences: " + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(kinds.items())))
    for p in result.pairs:
        if p.kind in ("a_only", "b_only"):
            if show_all:
                out += _wrap("A only:" if p.kind == "a_only" else "B only:", (p.a or p.b).text)
            continue
        if not p.changes and not show_all:
            continue
        out.append(f"- {p.kind}, similarity {p.similarity:.2f}")
        out += _wrap("A:", p.a.text)
        out += _wrap("B:", p.b.text)
        for c in p.changes:
            if c.op == "delete":
                out.append(f"      - deleted  [{_short(c.a, 80)}]")
            elif c.op == "insert":
                out.append(f"      + inserted [{_short(c.b, 80)}]")
            else:
                out.append(f"      ~ replaced [{_short(c.a, 60)}] -> [{_short(c.b, 60)}]")
    out += ["", f"Quote drift ({len(result.quote_changes)}):"]
    for q in result.quote_changes:
        out += _wrap("A:", f"“{q.a}”")
        out += _wrap("B:", f"“{q.b}”")
        out += [f"      * {e.explanation}" for e in q.changes] or [f"      * {q.explanation}"]
        if q.kind != "wording":
            out.append(f"      * {q.explanation}")
    out += ["", f"Attribution drift ({len(result.attribution_changes)}):"]
    for c in result.attribution_changes:
        out.append(f"  * [{c.kind}] {c.explanation}")
    return "\n".join(out)


def register_families(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", metavar="DIR", help="a folder of .txt articles")
    parser.add_argument("--json", action="store_true", help='print {"families": [[path, ...], ...]}')
    parser.add_argument("--progress", action="store_true", help="show a progress bar (long runs)")


def run_families(args: argparse.Namespace) -> int:
    from medialit.compare.families import FamilyLink, story_families
    from medialit.corpus.articles import load_corpus

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # bad files are reported below, once each
            corpus = load_corpus(Path(args.dir))
    except CorpusError as err:
        print(f"medialit families: {err}", file=sys.stderr)
        return 1
    for err in corpus.errors:
        print(f"medialit families: {err}", file=sys.stderr)
    paths = {a.id: str(a.path) for a in corpus}
    links: list[FamilyLink] = []
    families = story_families(corpus, progress=args.progress, links=links)
    if args.json:
        json.dump({"families": [[paths[k] for k in fam] for fam in families]}, sys.stdout, ensure_ascii=False,
                  indent=1)
        print()
    else:
        groups = [f for f in families if len(f) > 1]
        print(f"{len(corpus)} articles in {len(families)} families ({len(groups)} with more than one article)")
        for k, fam in enumerate(families, 1):
            print(f"Family {k}:" + ("" if len(fam) > 1 else " (alone)"))
            for key in fam:
                print(f"  {paths[key]}")
        if links:
            print("Links (pairs that passed a same-story rule):")
            for link in links:
                print(f"  {paths[link.a]} ~ {paths[link.b]}: {link.rule}, similarity {link.similarity:.2f}")
    return 1 if corpus.errors else 0
