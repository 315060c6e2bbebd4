"""A long text analysed a stretch at a time, so ``analyze`` on a 50 MB file holds one
stretch's records, not the whole file's (``docs/streaming.md``).

The text is cut into *stretches* of about :data:`STRETCH` characters, at a blank line
between paragraphs (:func:`stretches`). Each stretch is analysed inside a *window*: the
stretch with about :data:`CONTEXT` characters of the text on each side (whole paragraphs
where there are any), so that the rules that look back ("he added", "the doctor", the last
name mentioned) or forward (a source named later in the article) still see their context.
Of a window's records, only those that start inside the stretch are kept; their offsets
are shifted to count from the start of the whole text.

>>> text = "Officials said the talks failed.\\n\\n" * 3 + "Prices rose 5%, the minister said."
>>> [(s.start, s.sourcing) for part in analyze_in_stretches(text, size=40, context=10)
...  for s in part.sentences]
[(0, 'anonymous'), (34, 'anonymous'), (68, 'anonymous'), (102, 'named')]
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Iterator

from medialit.report.analysis import analyze_text
from medialit.text.split import sentences as split_sentences

#: A file larger than this (bytes on disk) is analysed in stretches by ``medialit analyze``;
#: anything smaller is analysed whole, exactly as before. 2 MB is some 300 news articles
#: in one file: no single article comes near it.
STREAM_ABOVE = 2_000_000

#: About how many characters one stretch holds. An analysis holds some 25 times its text
#: while it runs (``docs/benchmarks.md``), so a stretch of 0.5 M characters keeps that
#: under 30 MB, while the context read twice around each cut costs under 2% more time.
STRETCH = 500_000

#: Characters of text read on each side of a stretch, so the rules that look back or ahead
#: see what they would see in the whole text: the longest of their windows is the 3,000
#: characters in which a source described as "a spokeswoman" may be named later.
CONTEXT = 4_000

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Stretch:
    """Part of a text: ``start``/``end`` (the records kept) inside ``window_start``/``window_end``
    (the text analysed). Offsets into the whole text."""

    window_start: int
    start: int
    end: int
    window_end: int


@dataclass(frozen=True, slots=True)
class Part:
    """The records of one stretch, offsets into the whole text, in the order of the text."""

    stretch: Stretch
    sentences: tuple
    quotes: tuple
    figures: tuple
    boilerplate: tuple


def _last(pattern: re.Pattern, text: str, lo: int, hi: int) -> int | None:
    """The end of the last match of ``pattern`` within ``text[lo:hi]``, or None."""
    end = None
    for m in pattern.finditer(text, lo, hi):
        end = m.end()
    return end


def _cut(text: str, lo: int, target: int) -> int:
    """Where a stretch that starts at ``lo`` ends, at most ``target`` (and past ``lo``):
    after the last blank line in the second half of the stretch; failing that (one giant
    paragraph) where the last sentence that starts before ``target`` starts, as the kit's
    sentence splitter reads the last 20,000 characters; failing that after the last space;
    failing that (a single 'word' of 0.25 M characters) at ``target`` itself."""
    half = lo + (target - lo) // 2
    at = _last(_BLANK_LINE, text, half, target)
    if at is not None and lo < at <= target:
        return at
    region = max(half, target - 20_000)
    starts = [s.start for s in split_sentences(text[region:target])]
    if len(starts) >= 2:  # the first may be a sentence cut in the middle by ``region``
        return region + starts[-1]
    at = _last(_SPACE, text, half, target)
    if at is not None and lo < at < target:
        return at
    return target


def _window_start(text: str, start: int, context: int) -> int:
    """About ``context`` characters before ``start``: the start of a paragraph if one starts
    between 3 and 1 times ``context`` before it, else after a space, else exactly."""
    if start == 0:
        return 0
    near = max(0, start - context)
    at = _last(_BLANK_LINE, text, max(0, start - 3 * context), near)
    if at is not None:
        return at
    at = _last(_SPACE, text, max(0, start - 2 * context), near)
    return near if at is None else at


def _window_end(text: str, end: int, context: int) -> int:
    """About ``context`` characters after ``end``: the end of a paragraph if one ends between
    1 and 3 times ``context`` after it, else at a space, else exactly."""
    n = len(text)
    if end >= n:
        return n
    near = min(n, end + context)
    m = _BLANK_LINE.search(text, near, min(n, end + 3 * context))
    if m is None:
        m = _SPACE.search(text, near, min(n, end + 2 * context))
    return near if m is None else m.start()


def stretches(text: str, *, size: int = STRETCH, context: int = CONTEXT) -> Iterator[Stretch]:
    """The stretches of ``text``, in order: their ``start``-``end`` ranges cover the text with
    no gap or overlap; each is cut as :func:`_cut` says, so never inside a paragraph unless
    a paragraph is longer than half of ``size``.

    >>> text = "One.\\n\\nTwo.\\n\\nThree."
    >>> [(s.start, s.end, text[s.start:s.end]) for s in stretches(text, size=8, context=2)]
    [(0, 6, 'One.\\n\\n'), (6, 12, 'Two.\\n\\n'), (12, 18, 'Three.')]
    """
    if size < 2 or context < 0:
        raise ValueError("stretches: size must be 2 or more and context 0 or more")
    n, start = len(text), 0
    while start < n:
        end = n if n - start <= size else _cut(text, start, start + size)
        yield Stretch(_window_start(text, start, context), start, end, _window_end(text, end, context))
        start = end


#: Fields that hold an offset into the text (-1 or None: none), and those that hold (start, end) pairs.
_OFFSETS = ("start", "end", "content_start", "content_end", "sentence_start", "sentence_end")
_PAIRS = ("speaker_span",)
_PAIR_LISTS = ("cue_spans", "hedge_spans")
_PLANS: dict[type, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {}


def _plan(cls: type) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    plan = _PLANS.get(cls)
    if plan is None:
        names = [f.name for f in dataclasses.fields(cls)]
        unknown = [n for n in names if n not in _OFFSETS + _PAIRS + _PAIR_LISTS
                   and (n.endswith(("start", "end", "span", "spans", "offset")))]
        if unknown:  # a new offset field this module does not know how to shift
            raise TypeError(f"cannot shift {cls.__name__}: unknown offset fields {unknown}")
        plan = _PLANS[cls] = (tuple(n for n in names if n in _OFFSETS), tuple(n for n in names if n in _PAIRS),
                              tuple(n for n in names if n in _PAIR_LISTS))
    return plan


def shifted(record, delta: int):
    """``record`` with every offset it holds moved by ``delta`` (none, -1 or None, stays so).

    >>> from medialit.quotes.finder import find_quotes
    >>> q = find_quotes('“Yes,” she said.')[0]
    >>> (q.start, q.content_start), (shifted(q, 10).start, shifted(q, 10).content_start)
    ((0, 1), (10, 11))
    """
    if not delta:
        return record
    offsets, pairs, lists = _plan(type(record))
    changes = {}
    for name in offsets:
        v = getattr(record, name)
        if v is not None and v >= 0:
            changes[name] = v + delta
    for name in pairs:
        v = getattr(record, name)
        if v is not None:
            changes[name] = (v[0] + delta, v[1] + delta)
    for name in lists:
        v = getattr(record, name)
        if v:
            changes[name] = tuple((a + delta, b + delta) for a, b in v)
    return dataclasses.replace(record, **changes)


_SENTENCE_NUMBER = re.compile(r"\(sentence (\d+)\)")


def renumbered(sentence, by: int):
    """A tagged sentence whose reason names other sentences by number ("refers back to
    'Maduro' (sentence 41)"), with those numbers moved by ``by``: a window counts its
    sentences from its own start, the whole text from the top.

    >>> from medialit.sourcing.tagger import TaggedSentence
    >>> t = TaggedSentence(0, 3, "He.", "named", False, "X", (), (), "'he' refers back to 'X' (sentence 2)")
    >>> renumbered(t, 40).reason
    "'he' refers back to 'X' (sentence 42)"
    """
    if not by or "(sentence " not in sentence.reason:
        return sentence
    reason = _SENTENCE_NUMBER.sub(lambda m: f"(sentence {int(m.group(1)) + by})", sentence.reason)
    return dataclasses.replace(sentence, reason=reason)


def analyze_stretch(text: str, stretch: Stretch, sentences_before: int = 0) -> Part:
    """The records of one stretch: the window analysed alone, those starting inside the
    stretch kept, offsets shifted into the whole text and sentence numbers in reasons
    counted from its top (``sentences_before``: how many sentences start before the stretch)."""
    w0 = stretch.window_start
    result = analyze_text(text[w0:stretch.window_end])
    lo, hi = stretch.start - w0, stretch.end - w0

    def keep(records) -> tuple:
        return tuple(shifted(r, w0) for r in records if lo <= r.start < hi)

    in_context = sum(1 for s in result.sentences if s.start < lo)  # the look-back's sentences
    by = sentences_before - in_context
    return Part(stretch, tuple(renumbered(s, by) for s in keep(result.sentences)), keep(result.quotes),
                keep(result.figures), keep(result.boilerplate))


def analyze_in_stretches(text: str, *, size: int = STRETCH, context: int = CONTEXT) -> Iterator[Part]:
    """:func:`analyze_stretch` for each of :func:`stretches`, one at a time: only one
    stretch's analysis is held at once."""
    before = 0
    for stretch in stretches(text, size=size, context=context):
        part = analyze_stretch(text, stretch, before)
        before += len(part.sentences)
        yield part
