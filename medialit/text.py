"""Sentences and words with exact character offsets, without any nltk data download.

INITIAL VERSION (to be replaced by the text work): a simple regex splitter that keeps the
public API stable: ``Span``, ``sentences(text, *, skip=())``, ``words(text)``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, asdict
from typing import Iterable


@dataclass(frozen=True)
class Span:
    """A piece of a text: ``text[start:end] == span.text``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return asdict(self)


_BOUNDARY = re.compile(r"[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|\n\s*")


def sentences(text: str, *, skip: Iterable = ()) -> list[Span]:
    """Split ``text`` into sentences; spans in ``skip`` (e.g. boilerplate lines) are left out
    and act as boundaries."""
    skip = sorted((s.start, s.end) for s in skip)
    out: list[Span] = []
    pos = 0
    cuts = [m.end() for m in _BOUNDARY.finditer(text)] + [len(text)]
    for cut in cuts:
        _add(text, pos, cut, skip, out)
        pos = cut
    return out


def _add(text: str, start: int, end: int, skip, out: list) -> None:
    pieces = [(start, end)]
    for s0, s1 in skip:
        nxt = []
        for a, b in pieces:
            if s1 <= a or s0 >= b:
                nxt.append((a, b))
                continue
            if a < s0:
                nxt.append((a, s0))
            if s1 < b:
                nxt.append((s1, b))
        pieces = nxt
    for a, b in pieces:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append(Span(a, b, text[a:b]))


_WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)


def words(text: str) -> list[Span]:
    """Word tokens (letters and digits, with inner hyphens and apostrophes)."""
    return [Span(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
