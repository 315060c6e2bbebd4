"""Quotation marks: paragraphs, pairing opening and closing marks (with nesting and
apostrophes told apart), and masking spans of a text. Used by :mod:`medialit.quotes.finder`.

>>> scan_marks('He said “yes” and left.', 0, 23)
[MarkPair(start=8, end=13, depth=0, closed=True)]
"""
from __future__ import annotations

import re
from typing import NamedTuple

from medialit.corpus.document import paragraph_bounds

OPEN_CLOSE = {"“": "”", "«": "»", "„": "“", '"': '"', "‘": "’", "'": "'"}
MARKS = re.compile(r"[“”«»„\"‘’']")
_SPACE_BEFORE = set(" \t\n\r([{—–-/\u00a0") | {""}


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: a blank line always ends one; a single line break ends one unless
    the next line starts in lower case (a hard-wrapped sentence). The same as
    ``Document.paragraphs``: :func:`medialit.corpus.document.paragraph_bounds`."""
    return paragraph_bounds(text)


class MarkPair(NamedTuple):
    """A quotation in one paragraph: ``text[start:end]`` includes its marks; ``depth`` is 0
    for an outer quotation; ``closed`` is False when no closing mark was found (``end`` is
    then the end of the paragraph)."""

    start: int
    end: int
    depth: int
    closed: bool


def _role(text: str, i: int) -> str:
    """open, close or none for the quotation mark at ``text[i]``."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if ch in "“«„":
        return "open"
    if ch in "”»":
        return "close"
    opens = prev in _SPACE_BEFORE or prev in "“\"'‘" or prev.isspace()
    if ch == '"':
        if opens and nxt and not nxt.isspace():
            return "open"
        return "close" if prev and not prev.isspace() else "none"
    # single quotes: ‘ ’ '
    if ch == "‘" or (ch == "'" and opens):
        if opens and nxt and (nxt.isalpha() or nxt in "“\"") and not re.match(r"[’'](?:s|n|em|til|cause|tis)\b", text[i:i + 6], re.I):
            return "open"
        return "none"
    # ’ or ' after a non-space: closing only when followed by a non-letter (not "it’s")
    if prev and not prev.isspace() and not (nxt.isalnum()):
        return "close"
    return "none"


def scan_marks(text: str, p0: int, p1: int) -> list[MarkPair]:
    """Pair quotation marks inside one paragraph, in order of their start."""
    out, stack = [], []  # stack of (mark, position)
    for m in MARKS.finditer(text, p0, p1):
        i, ch = m.start(), m.group()
        if ch == "’" and text[i - 1:i].isalpha() and text[i + 1:i + 2].isalnum():
            continue  # an apostrophe inside a word ("it’s"): _role would say "none"
        role = _role(text, i)
        single = ch in "‘’'"
        if role == "close" and stack:
            # close the innermost quote that this mark can close
            for k in range(len(stack) - 1, -1, -1):
                om, oi = stack[k]
                if (om in "‘'") == single and (OPEN_CLOSE[om] == ch or (om in "\"“„" and ch in "\"”“") or (single and ch in "’'")):
                    del stack[k:]
                    out.append(MarkPair(oi, i + 1, k, True))
                    break
            else:
                if not single and ch in "\"”" and role == "close":
                    continue
            continue
        if role == "open":
            if not single and stack and stack[-1][0] == '"' and ch == '"':
                out.append(MarkPair(stack[-1][1], i + 1, len(stack) - 1, True))
                stack.pop()
                continue
            stack.append((ch, i))
    # Marks still open at the end of the paragraph. An unclosed single mark is almost always
    # an apostrophe: dropped. An unclosed double mark runs to the end of the paragraph, unless
    # another unclosed double mark opens after it: then the writer forgot a closing mark, and
    # it ends where the next one opens (at the same depth), so each unclosed quotation is
    # read once ("“We will stay “We will not go": two quotations, not one inside the other).
    unclosed = [(k, oi) for k, (om, oi) in enumerate(stack) if om not in "‘'"]
    for n, (k, oi) in enumerate(unclosed):
        end = unclosed[n + 1][1] if n + 1 < len(unclosed) else p1
        while end > oi and text[end - 1].isspace():
            end -= 1
        out.append(MarkPair(oi, end, unclosed[0][0], False))
    out.sort()
    return out


def mask_spans(text: str, spans, fill: str) -> str:
    parts, pos = [], 0
    for s, e in spans:
        if s < pos:
            continue
        parts.append(text[pos:s])
        parts.append(fill * (e - s))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)
