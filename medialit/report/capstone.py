"""The full report on one article a student brings (notebook 07, the capstone).

A report puts every tool of the kit on one text: its boilerplate lines, the sourcing of each
sentence, the quotations, the figures, how it compares with every article of a corpus (is
one of them the same story?), and a short list of the claims most worth checking first.
It is plain data (frozen dataclasses with ``to_dict()``); notebooks show it with the
display modules, and ``summary()`` gives a plain-text version for a terminal.

>>> from medialit.report.capstone import build_report, read_article
>>> report = build_report(read_article())          # no article given: the invented sample
>>> report.source
'sample article (invented for this exercise)'
>>> report.nearest.verdict                          # the seeds are about something else
'unrelated'

``read_article`` accepts a path to a ``.txt`` file, pasted text, or nothing (the sample).
Bad input raises :class:`medialit.errors.CorpusError` (a ``ValueError``) naming the file and the problem.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from medialit.corpus.document import Document, as_document
from medialit.records import Record, as_json, rounded
from medialit.report.analysis import analyze_text
from medialit.corpus.pages import PAGE_SUFFIXES
from medialit.corpus.articles import UNKNOWN, Article, Corpus, CorpusError, guess_title, load_article, load_corpus, \
    split_front_matter

__all__ = ["SAMPLE_ARTICLE", "SAMPLE_SOURCE", "Neighbour", "ClaimToCheck", "ArticleReport",
           "read_article", "build_report", "compare_with_corpus", "claims_to_check"]

SAMPLE_SOURCE = "sample article (invented for this exercise)"

# An INVENTED article, written for the kit so the capstone runs when a student has not yet
# chosen one. Riverton, its council and everyone named in it do not exist. It is built to
# contain one of each thing the kit finds: page furniture, a named source and a quotation,
# an anonymous source, an unattributed claim, a hedge, money, a percentage that does not
# match its own numbers, a date and a vague quantity.
SAMPLE_ARTICLE = """+++
title = "Riverton Council Votes to Raise Bus Fares"
outlet = "none: invented for the medialit capstone (not real news)"
published = "2024-05-14"
+++
Riverton Council Votes to Raise Bus Fares

Share this article

Riverton city council voted on Tuesday to raise the standard single bus fare from £2.40 to £2.90, a rise of almost 30%, starting on 1 July.

Council leader Amira Hossain said the increase was needed to close a £4.5m gap in the transport budget. “Nobody wants to pay more, but the alternative was cutting routes,” she said.

Ridership has fallen every year since 2020, and the network now runs at a loss.

Officials said a handful of routes could still be cut if passenger numbers do not recover.

A person familiar with the budget talks said councillors had also discussed a fare of £3.20.

Jo Marsh, who chairs the Riverton Bus Users' Group, said the vote was “a tax on people who cannot drive”.

It is believed that the rise will push more commuters into cars.

Read more: Riverton's new cycle lanes open next month

Leave a comment
"""

# How many characters a single line must stay under to be taken for a file name.
_MAX_PATH = 260


@dataclass(frozen=True, slots=True)
class Neighbour(Record):
    """How one corpus article compares with the reported text (``verdict`` as in ``medialit.compare.comparison``)."""

    id: str
    title: str | None
    outlet: str
    similarity: float = field(metadata=as_json(convert=rounded(4)))
    verdict: str          # "same_story", "shared_statement", "same_event" or "unrelated"
    description: str      # the verdict in words
    reason: str           # the rule that decided, with its numbers


@dataclass(frozen=True, slots=True)
class ClaimToCheck(Record):
    """A sentence worth tracing, with every reason it was picked (``text[start:end]``)."""

    start: int
    end: int
    text: str
    sourcing: str
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ArticleReport(Record):
    """Everything the kit finds in one article. Offsets are into ``text``."""

    source: str
    title: str | None
    outlet: str
    published: str
    text: str = field(repr=False, metadata=as_json(skip=True))
    boilerplate: tuple = field(repr=False)
    sentences: tuple = field(repr=False)
    quotes: tuple = field(repr=False)
    figures: tuple = field(repr=False)
    neighbours: tuple[Neighbour, ...] = field(repr=False)
    claims: tuple[ClaimToCheck, ...] = field(repr=False, metadata=as_json(key="claims_to_check"))

    json_keys = ("source", "title", "outlet", "published", "boilerplate", "sentences", "quotes", "figures",
                 "sourcing_counts", "neighbours", "claims")

    @property
    def nearest(self) -> Neighbour | None:
        """The most similar corpus article (``None`` when the corpus was empty)."""
        return self.neighbours[0] if self.neighbours else None

    @property
    def sourcing_counts(self) -> dict[str, int]:
        """Sentences per sourcing label, every label present (0 when absent)."""
        counts = Counter(s.sourcing for s in self.sentences)
        return {label: counts.get(label, 0) for label in ("named", "anonymous", "unattributed", "not_a_claim")}

    @property
    def named_share(self) -> float | None:
        """The share of claims (sentences that are not ``not_a_claim``) with a named source."""
        counts = self.sourcing_counts
        claims = counts["named"] + counts["anonymous"] + counts["unattributed"]
        return counts["named"] / claims if claims else None

    def summary(self) -> str:
        """The report in a few plain-text lines."""
        counts = self.sourcing_counts
        lines = [f"Report on: {self.title or '(no headline found)'}  [{self.source}]",
                 f"Outlet: {self.outlet}; published: {self.published}",
                 f"Boilerplate: {len(self.boilerplate)} line(s) left out of the analysis"]
        lines += [f"  - {_short(b.text, 60)!r}: {b.reason}" for b in self.boilerplate]
        share = self.named_share
        lines.append(f"Sentences: {len(self.sentences)} (named {counts['named']}, anonymous {counts['anonymous']}, "
                     f"unattributed {counts['unattributed']}, not a claim {counts['not_a_claim']}); "
                     + ("no claims found" if share is None else f"{share:.0%} of claims name their source"))
        speakers = sorted({q.speaker for q in self.quotes if getattr(q, "speaker", None)})
        unknown = sum(1 for q in self.quotes if not getattr(q, "speaker", None))
        notes = ([f"speakers: {', '.join(speakers)}"] if speakers else []) + \
            ([f"{unknown} with no speaker found"] if unknown else [])
        lines.append(f"Quotes: {len(self.quotes)}" + (f" ({'; '.join(notes)})" if notes else ""))
        kinds = Counter(f.kind for f in self.figures)
        lines.append(f"Figures: {len(self.figures)}"
                     + (" (" + ", ".join(f"{k} {n}" for k, n in kinds.most_common()) + ")" if kinds else ""))
        near = self.nearest
        if near is None:
            lines.append("Closest corpus article: none (empty corpus)")
        else:
            lines.append(f"Closest corpus article: {near.id} {near.title or ''!s} ({near.outlet}): "
                         f"similarity {near.similarity:.0%}, {near.description}")
        lines.append("Claims to check first:" if self.claims else "Claims to check first: none found")
        for n, claim in enumerate(self.claims, 1):
            lines.append(f"  {n}. {_short(claim.text, 90)!r}: {'; '.join(claim.reasons)}")
        return "\n".join(lines)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------- reading what the student gives

def _looks_like_path(value: str) -> bool:
    one_line = "\n" not in value and len(value) < _MAX_PATH
    return one_line and (value.lower().endswith((".txt", ".md", ".text", *PAGE_SUFFIXES)) or os.path.exists(value))


def read_article(source: str | os.PathLike | Article | None = None) -> Article:
    """The article to report on: a path to a text file or a saved web page (``.html``),
    pasted text, or (empty) the sample.

    Pasted text may start with ``+++`` front matter (``title``, ``outlet``, ``published``,
    as in ``docs/corpus.md``); without it the first line is taken as the headline when it
    looks like one.

    >>> read_article("Officials said the bridge will close.\\n").outlet
    'unknown'
    >>> read_article().id
    'sample'
    """
    if isinstance(source, Article):
        return source
    if source is None or (isinstance(source, str) and not source.strip()):
        return _from_text(SAMPLE_ARTICLE, "sample", SAMPLE_SOURCE)
    if isinstance(source, os.PathLike) or _looks_like_path(source.strip()):
        path = Path(source if isinstance(source, os.PathLike) else source.strip())
        if not path.exists():
            raise CorpusError(f"{path}: file does not exist (looked from {Path.cwd()}); give the path "
                              "to a .txt or .html file, or paste the article's text itself")
        return load_article(path, catalog=False)
    if not isinstance(source, str):
        raise CorpusError(f"cannot read an article from a {type(source).__name__}: give a path or a string")
    return _from_text(source, "pasted", "pasted text")


def _from_text(text: str, ident: str, where: str) -> Article:
    front, body = split_front_matter(text, where)
    if not body.strip():
        raise CorpusError(f"{where}: there is no article text (only front matter or spaces)")
    published = front.get("published", UNKNOWN)
    return Article(id=str(front.get("id", ident)), path=Path(f"<{where}>"), text=body,
                   title=front.get("title") or guess_title(body), outlet=str(front.get("outlet", UNKNOWN)),
                   published=str(published), url=str(front.get("url", UNKNOWN)), byline=front.get("byline"),
                   meta={k: v for k, v in front.items()
                         if k not in {"id", "title", "outlet", "published", "url", "byline"}})


# ---------------------------------------------------------------- the parts of the report

def compare_with_corpus(text: str | Document, corpus: Corpus | Iterable[Article] | None = None) -> list[Neighbour]:
    """Every corpus article compared with ``text``, most similar first. ``text`` is read once
    (as a :class:`~medialit.corpus.document.Document`) for all the comparisons.

    >>> [n.verdict for n in compare_with_corpus("A cat sat on the mat.")][:1]
    ['unrelated']
    """
    from medialit.compare import compare

    articles = load_corpus() if corpus is None else corpus
    doc = as_document(text)
    out = []
    for article in articles:
        result = compare(doc, article.text)
        out.append(Neighbour(id=article.id, title=article.title, outlet=article.outlet,
                             similarity=float(result.similarity), verdict=result.verdict.label,
                             description=result.verdict.description, reason=result.verdict.reason))
    order = {"same_story": 0, "shared_statement": 1, "same_event": 2, "unrelated": 3}
    return sorted(out, key=lambda n: (order.get(n.verdict, 4), -n.similarity, n.id))


def claims_to_check(sentences: Iterable[Any], figures: Iterable[Any] = (), *, limit: int | None = 5) -> list[ClaimToCheck]:
    """The sentences most worth tracing first, each with the reasons it was picked.

    A claim qualifies when it has no source, an anonymous source, or a hedge. Ranking (one
    point each, ties in text order): it carries a figure (figures can be checked), it has
    no source at all, it is hedged, its source is anonymous.
    """
    figures = list(figures)
    ranked = []
    for order, s in enumerate(sentences):
        if s.sourcing == "not_a_claim" or (s.sourcing == "named" and not s.hedged):
            continue
        reasons, score = [], 0
        if s.sourcing == "unattributed":
            reasons.append("no source given")
            score += 1
        elif s.sourcing == "anonymous":
            reasons.append(f"anonymous source ({s.source})" if s.source else "anonymous source")
            score += 1
        if s.hedged:
            hedges = list(getattr(s, "hedges", ()) or ())
            reasons.append("hedged" + (f" (cues: {', '.join(hedges)})" if hedges else ""))
            score += 1
        inside = [f.text for f in figures if s.start <= f.start < s.end]
        if inside:
            reasons.append("figures to check: " + ", ".join(inside))
            score += 1
        ranked.append((-score, order, ClaimToCheck(s.start, s.end, s.text, s.sourcing, tuple(reasons))))
    ranked.sort(key=lambda t: (t[0], t[1]))
    picked = [c for _, _, c in ranked]
    return picked if limit is None else picked[:limit]


def build_report(article: Article | str | os.PathLike | None = None, *,
                 corpus: Corpus | Iterable[Article] | None = None, limit: int | None = 5) -> ArticleReport:
    """Run the whole kit on one article (see :func:`read_article` for what it accepts).

    ``corpus`` defaults to the seed articles; ``limit`` caps the claims-to-check list.
    """
    source_given = article
    article = read_article(article)
    if source_given is None or (isinstance(source_given, str) and not source_given.strip()):
        source = SAMPLE_SOURCE
    elif str(article.path).startswith("<"):
        source = str(article.path).strip("<>")
    else:
        source = str(article.path)
    doc = Document(article.text)  # read once: the analysis and every comparison share it
    found = analyze_text(doc, path=None if source.startswith(("pasted", "sample")) else source,
                         title=article.title)
    return ArticleReport(source=source, title=article.title, outlet=article.outlet,
                         published=article.published or UNKNOWN, text=article.text,
                         boilerplate=found.boilerplate, sentences=found.sentences, quotes=found.quotes,
                         figures=found.figures, neighbours=tuple(compare_with_corpus(doc, corpus)),
                         claims=tuple(claims_to_check(found.sentences, found.figures, limit=limit)))
