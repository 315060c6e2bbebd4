"""``medialit analyze``: one report per article: sentences with their sourcing, quotes,
figures and boilerplate lines, each pointing into the text by character offsets.

>>> from medialit.report.analysis import analyze_text
>>> report = analyze_text("Officials said the talks failed. Prices rose 5%.")
>>> [s["sourcing"] for s in report.to_dict()["sentences"]]
['anonymous', 'unattributed']

The JSON shape is a stable contract, documented in ``docs/cli.md`` and pinned by
``medialit/schema/analyze.schema.json``.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from medialit.corpus.document import Document, as_document
from medialit.figures import extraction as figures
from medialit.quotes import finder as quotes
from medialit.sourcing import tagger as sourcing
from medialit.corpus.articles import CorpusError, load_article
from medialit.corpus.files import read_text


@dataclass(frozen=True)
class Analysis:
    """Everything ``analyze`` found in one text. Offsets are into ``text``."""

    path: str | None
    title: str | None
    text: str
    sentences: tuple
    quotes: tuple
    figures: tuple
    boilerplate: tuple

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "title": self.title,
            "sentences": [s.to_dict() for s in self.sentences],
            "quotes": [q.to_dict() for q in self.quotes],
            "figures": [f.to_dict() for f in self.figures],
            "boilerplate": [b.to_dict() for b in self.boilerplate],
        }


def analyze_text(text: str | Document, *, path: str | None = None, title: str | None = None) -> Analysis:
    """Analyse one article's text (no file access).

    The text is read once, as a :class:`~medialit.corpus.document.Document` (pass one to
    reuse or keep what it holds): its boilerplate lines and sentences are worked out once
    and every analysis (quotes, sourcing, figures) adds its layer to the same Document.

    >>> from medialit.corpus.document import Document
    >>> doc = Document("Officials said the talks failed. Prices rose 5%.")
    >>> [f.text for f in analyze_text(doc).figures], doc.has_layer("sourcing")
    (['5%'], True)
    """
    doc = as_document(text)
    return Analysis(
        path=path,
        title=title,
        text=doc.text,
        sentences=tuple(sourcing.tag(doc)),
        quotes=tuple(quotes.find_quotes(doc)),
        # A figure in a boilerplate line (a caption's "© AFP 2022") has that line as its sentence.
        figures=tuple(figures.extract(doc)),
        boilerplate=doc.boilerplate,
    )


def analyze_file(path: str | Path) -> Analysis:
    """Read and analyse one file; raises ``CorpusError`` naming the file if it cannot be read.

    Offsets are into the file's text as read. A file with TOML front matter is analysed with
    the front matter blanked out (same length, newlines kept), so offsets still count from
    the top of the file and the front matter yields no sentences.
    """
    article = load_article(Path(path))
    raw = read_text(Path(path))
    head = len(raw) - len(article.text) if raw.endswith(article.text) else 0
    text = re.sub(r"[^\n]", " ", raw[:head]) + article.text
    return analyze_text(text, path=str(path), title=article.title)


# ---------------------------------------------------------------- human-readable report

_MARK = {"named": "[N]", "anonymous": "[A]", "unattributed": "[U]", "not_a_claim": "[-]"}


def _short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_report(result: Analysis) -> str:
    """A plain-text report a person can read in a terminal."""
    lines = [f"== {result.path or '<text>'}" + (f": {result.title}" if result.title else "")]
    lines.append(f"Boilerplate lines ({len(result.boilerplate)}, left out of the sentences):")
    for b in result.boilerplate:
        lines.append(f"  {b.start:>6}  {_short(b.text, 60)!r}  ({b.reason})")
    lines.append(f"Sentences ({len(result.sentences)}): [N] named  [A] anonymous  [U] unattributed  [-] not a claim  ~ hedged")
    for s in result.sentences:
        mark = _MARK.get(s.sourcing, "[?]") + ("~" if s.hedged else " ")
        why = f"  <- {s.source}" if s.source else ""
        if s.cues:
            why += f"  (cues: {', '.join(s.cues)})"
        lines.append(f"  {mark} {_short(s.text)}{why}")
    lines.append(f"Quotes ({len(result.quotes)}):")
    for q in result.quotes:
        verb = getattr(q, "verb", None)
        lines.append(f"  {_short(q.text, 80)}  — {q.speaker or 'speaker unknown'}" + (f" ({verb})" if verb else ""))
    lines.append(f"Figures ({len(result.figures)}):")
    for f in result.figures:
        unit = f" {f.unit}" if f.unit else ""
        lines.append(f"  {f.text!r:32} {f.kind:9} {f.value}{unit}")
    return "\n".join(lines)


# ---------------------------------------------------------------- command line

def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files, one article each")
    parser.add_argument("--json", action="store_true", help="print a JSON array, one object per file (see docs/cli.md)")


def run(args: argparse.Namespace) -> int:
    results, failed = [], 0
    for name in args.files:
        try:
            result = analyze_file(name)
        except CorpusError as err:  # already names the file and the problem
            print(f"medialit analyze: {err}", file=sys.stderr)
            failed += 1
            continue
        if args.json:
            results.append(result.to_dict())
        else:
            print(format_report(result), end="\n\n", flush=True)
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
        print()
    return 1 if failed else 0
