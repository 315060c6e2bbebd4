"""Site furniture learned from a collection: lines that recur across unrelated articles.

The rules table in :mod:`medialit.corpus.clean` knows common page furniture ("Share this
article", "Post a Comment"). A real site has its own: a tag line under every post, an
"About us" blurb, a newsletter box, a company's standard paragraph at the foot of each
press release. Two articles that share only such lines are not the same story, so
comparison leaves them out.

A line (normalised: lower case, digits folded to ``0``, spaces collapsed) is **furniture**
when it recurs in at least ``FURNITURE_MIN`` articles of the collection *and* the articles
that carry it are otherwise unrelated: among pairs of them, fewer than half share at least
``RELATED`` of the smaller one's word triples once the recurring lines are left out. This
second test keeps the paragraphs of a wire story that three versions of it share: those
versions have more in common than the recurring lines.

>>> bodies = ["A storm closed the pass.", "The choir sang in the abbey.", "A bakery opened on the square."]
>>> site = [body + "\\nFollow us for more news from the valley." for body in bodies]
>>> f = learn_furniture(site)
>>> [(line.text, line.articles) for line in f.lines]
[('Follow us for more news from the valley.', 3)]
>>> [s.text for s in f.spans(site[0])]
['Follow us for more news from the valley.']
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from medialit.records import Record
from medialit.text.split import Span

FURNITURE_MIN = 3        # articles that must carry a line before it can be furniture
RELATED = 0.12           # word-triple containment (outside recurring lines) that relates two carriers
MAX_CARRIERS_CHECKED = 12  # carriers of one line compared pairwise (at most 66 pairs)
MIN_LETTERS = 3          # lines with fewer letters are never furniture (they carry nothing)

_LINE = re.compile(r"[^\n]+")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_QUOTE_MARK = re.compile("[\"“”«»‘]|(?:^|\\s)'")  # quotation marks, not apostrophes


@dataclass(frozen=True, slots=True)
class FurnitureLine(Record):
    """A recurring line: its text (as first seen) and how many articles carry it."""

    text: str
    articles: int


@dataclass(frozen=True)
class Furniture:
    """The furniture of a collection: ``lines`` (most widespread first) and their keys."""

    lines: tuple[FurnitureLine, ...] = ()
    keys: frozenset[int] = field(default=frozenset(), repr=False)

    def __bool__(self) -> bool:
        return bool(self.keys)

    def spans(self, text: str) -> list[Span]:
        """The lines of ``text`` that are furniture, as spans."""
        if not self.keys:
            return []
        return [Span(m.start(), m.end(), m.group()) for m in _LINE.finditer(text) if line_key(m.group()) in self.keys]


def line_key(line: str) -> int | None:
    """A line's key: crc32 of the normalised line, or ``None`` for a line with too few letters."""
    norm = _SPACES.sub(" ", _DIGITS.sub("0", line.lower())).strip()
    if sum(map(str.isalpha, norm[:200])) < MIN_LETTERS:
        return None
    return zlib.crc32(norm.encode("utf-8"))


def _triples(text: str) -> frozenset[int]:
    w = [zlib.crc32(x.encode("utf-8")) for x in _WORD.findall(text.lower())]
    return frozenset((w[k] * 1000003 + w[k + 1]) * 1000003 + w[k + 2] & 0xFFFFFFFF for k in range(len(w) - 2))


def learn_furniture(texts: Iterable[str], *, min_articles: int = FURNITURE_MIN, edges: int | None = None,
                    unquoted_middle: bool = False) -> Furniture:
    """Learn the furniture of a collection of article texts (see the module docstring).

    ``edges``: only lines among the first or last ``edges`` lines of an article can be
    furniture (how :func:`pair_furniture` finds a template shared by just two articles),
    and with ``unquoted_middle`` also lines in between that hold no quotation mark.
    """
    texts = list(texts)
    carriers: dict[int, list[int]] = {}
    first_text: dict[int, str] = {}
    article_keys: list[set[int]] = []
    for idx, text in enumerate(texts):
        keys = set()
        lines = [m for m in _LINE.finditer(text) if m.group().strip()]
        if edges is not None:
            middle = [m for m in lines[edges:-edges] if unquoted_middle and not _QUOTE_MARK.search(m.group())]
            lines = lines[:edges] + middle + lines[edges:][-edges:]
        for m in lines:
            k = line_key(m.group())
            if k is None or k in keys:
                continue
            keys.add(k)
            carriers.setdefault(k, []).append(idx)
            first_text.setdefault(k, m.group().strip())
        article_keys.append(keys)
    recurring = {k for k, c in carriers.items() if len(c) >= min_articles}
    if not recurring:
        return Furniture()
    body_cache: dict[int, frozenset[int]] = {}

    def body(idx: int) -> frozenset[int]:
        if idx not in body_cache:
            kept = [m.group() for m in _LINE.finditer(texts[idx]) if line_key(m.group()) not in recurring]
            body_cache[idx] = _triples("\n".join(kept))
        return body_cache[idx]

    by_group: dict[tuple[int, ...], list[int]] = {}
    for k in recurring:
        by_group.setdefault(tuple(carriers[k]), []).append(k)
    keys: set[int] = set()
    for group, members in by_group.items():
        checked = group[:MAX_CARRIERS_CHECKED]
        known = related = 0
        for i, j in combinations(checked, 2):
            x, y = body(i), body(j)
            if not x or not y:
                continue  # one of them is nothing but recurring lines: no evidence either way
            known += 1
            related += len(x & y) / min(len(x), len(y)) >= RELATED
        if known and related < known / 2:
            keys.update(members)
    lines = sorted((FurnitureLine(first_text[k], len(carriers[k])) for k in keys),
                   key=lambda line: (-line.articles, line.text))
    return Furniture(tuple(lines), frozenset(keys))


PAIR_EDGES = 3   # lines at the top and at the foot of an article that a pair's template may hold


def pair_furniture(a: str, b: str) -> Furniture:
    """A template shared by just two articles: identical lines among the first or last
    ``PAIR_EDGES`` lines of both, or anywhere in between when they hold no quotation mark
    (an "About us" blurb or a newsletter box in the middle of each post), when the rest of
    the two articles is unrelated. A line with a quotation mark in the middle of both is
    more likely a shared quotation than furniture, and stays.

    >>> a = "Valley News | since 1921\\nRain closed the pass on Monday and drivers turned back."
    >>> b = "Valley News | since 1921\\nThe choir sang in the abbey to a full house on Sunday night."
    >>> [line.text for line in pair_furniture(a, b).lines]
    ['Valley News | since 1921']
    """
    return learn_furniture([a, b], min_articles=2, edges=PAIR_EDGES, unquoted_middle=True)
