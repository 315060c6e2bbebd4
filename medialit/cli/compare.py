"""``medialit compare A B [--json] [--all] [--collection DIR]``: how two articles relate.

``--collection DIR`` learns the site furniture of a folder of articles (lines recurring
across unrelated articles of one site) and leaves it out of the comparison.

``--json`` prints ``{"similarity", "same_story", "pairs": [{"a", "b", "similarity",
"changes": [{"op", "a", "b"}]}], "quote_changes": [{"a", "b", "changes"}]}`` plus the extra
fields ``verdict``, ``evidence`` and ``attribution_changes`` (see docs/compare.md).
A file that cannot be read is reported as one line on stderr naming it (both files are
tried), and the exit code is 1.
"""
from __future__ import annotations

import argparse
import textwrap
from typing import TYPE_CHECKING

from medialit.cli.common import ArticleFiles, add_json_option, print_json
from medialit.corpus.articles import load_article

if TYPE_CHECKING:
    from medialit.compare.comparison import Comparison


def register(parser: argparse.ArgumentParser) -> None:
    """Declare ``A``, ``B``, ``--json`` and ``--all``."""
    parser.add_argument("a", metavar="A", help="first article (UTF-8 text file)")
    parser.add_argument("b", metavar="B", help="second article (UTF-8 text file)")
    add_json_option(parser, "print JSON (see docs/compare.md)")
    parser.add_argument("--all", action="store_true", help="also list unchanged and unmatched sentences")
    parser.add_argument("--collection", metavar="DIR",
                        help="learn site furniture from this folder of articles and leave it out")


def run(args: argparse.Namespace) -> int:
    """Compare the two files; 1 if either could not be read, else 0."""
    from medialit.compare import compare

    files = ArticleFiles("compare", [args.a, args.b], load_article)
    texts = [article.text for _, article in files]
    if files.failed:
        return 1
    furniture = None
    if args.collection:
        import warnings

        from medialit.cli.common import error
        from medialit.compare.furniture import learn_furniture
        from medialit.corpus.articles import CorpusError, load_corpus
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                corpus = load_corpus(args.collection)
        except CorpusError as err:
            error("compare", err)
            return 1
        furniture = learn_furniture([a.text for a in corpus] + texts)
    result = compare(texts[0], texts[1], furniture=furniture)
    if args.json:
        print_json(result.to_dict())
    else:
        print(format_comparison(result, args.a, args.b, show_all=args.all))
    return 0


def _short(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _wrap(label: str, text: str) -> list[str]:
    return textwrap.wrap(_short(text, 400), width=100, initial_indent=f"  {label} ", subsequent_indent="      ")


def format_comparison(result: Comparison, a_name: str = "A", b_name: str = "B", *, show_all: bool = False) -> str:
    """A readable summary: similarity, verdict and why, aligned pairs with their word
    changes, then quote and attribution drift."""
    v, ev = result.verdict, result.evidence
    out = [f"A = {a_name}", f"B = {b_name}", "",
           f"Similarity: {result.similarity:.2f}   Verdict: {v.description}",
           f"  why ({v.rule}): {v.reason}"]
    out += [f"  decided by: {p}" for p in v.passages]
    out += [f"  shared word triples {ev.word_containment:.0%} (narrative {ev.narrative_containment:.0%}, "
            f"inside quotations {ev.shared_quoted}), function-word patterns "
            f"{ev.function_word_containment:.0%}, close sentence pairs {ev.close_pairs}"]
    if ev.contained:
        small, large = ("A", "B") if ev.contained == "a_in_b" else ("B", "A")
        out.append(f"  {small} is contained in {large}: {len(result.added_later)} sentence(s) of {large} "
                   f"added later (if this is a growing story; check the dates):")
        out += [f"    + {_short(s, 120)}" for s in result.added_later]
    if result.left_out:
        out.append(f"  left out as site furniture: {len(result.left_out)} line(s)")
    out.append("")
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
        if q.kind == "reworded":
            out.append(f"  quote reworded (similarity {q.similarity:.2f})" + (f", speaker {q.speaker}" if q.speaker else ""))
        out += _wrap("A:", f"“{q.a}”")
        out += _wrap("B:", f"“{q.b}”")
        out += [f"      * {e.explanation}" for e in q.changes] or [f"      * {q.explanation}"]
        if q.kind != "wording":
            out.append(f"      * {q.explanation}")
    out += ["", f"Attribution drift ({len(result.attribution_changes)}):"]
    for c in result.attribution_changes:
        out.append(f"  * [{c.kind}] {c.explanation}")
    return "\n".join(out)
