"""Where the quoted words are: a cheap, linear mask of quotations for comparing texts.

Comparison has to tell a rewrite (shared *narrative*) from two reports that quote the same
statement (shared words *inside quotation marks*). This module finds the quoted stretches
of a text in one pass over its quotation marks, with the pairing rules of
:mod:`medialit.quotes.marks` (curly, straight and single marks; apostrophes told apart):

* a closed quotation at depth 0 is quoted from its opening to its closing mark;
* a double quotation still open at the end of its paragraph is quoted to the paragraph's
  end (wire style: a long quotation reopens each paragraph and closes only at the last),
  unless that runs more than ``MAX_UNCLOSED`` characters: a stray mark at the top of a
  pasted page must not turn the whole article into a "quotation";
* a *quoted block*: a run of paragraphs each of which opens with a quotation mark.

It does not look for speakers (that is :func:`medialit.quotes.finder.find_quotes`, much
more work); families of thousands of articles only need to know which words are quoted.

>>> text = "He wrote: 'We will not sign this deal.' Talks ended."
>>> [text[s:e] for s, e in quoted_spans(text)]
["'We will not sign this deal.'"]
>>> quoted_spans('"A stray mark opens a pasted page ' + "and never closes. " * 100) == []
True
"""
from __future__ import annotations

from medialit.quotes.marks import paragraph_spans, scan_marks

MAX_UNCLOSED = 1500   # characters an unclosed quotation may run before it is taken for a stray mark


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ``(start, end)`` character spans of quoted text (marks included)."""
    out: list[tuple[int, int]] = []
    for p0, p1 in paragraph_spans(text):
        pos = p0
        for pair in scan_marks(text, p0, p1):
            if pair.depth != 0 or pair.start < pos:
                continue
            if not pair.closed and pair.end - pair.start > MAX_UNCLOSED:
                continue
            out.append((pair.start, pair.end))
            pos = pair.end
    return out


def quoted_mask(n_tokens: int, starts: list[int], spans: list[tuple[int, int]]) -> list[bool]:
    """For tokens starting at ``starts`` (sorted), whether each lies inside one of ``spans``.

    >>> quoted_mask(3, [0, 5, 12], [(4, 10)])
    [False, True, False]
    """
    out = [False] * n_tokens
    k = 0
    for i, s in enumerate(starts):
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        if k < len(spans) and spans[k][0] <= s:
            out[i] = True
    return out
