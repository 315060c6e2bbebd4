"""Sentences and words with exact character offsets, for news text, with no data download.

The sentence splitter is a small set of readable rules (documented in ``docs/text.md``);
the abbreviations and sentence openers it relies on are data, in
``medialit/rules/abbreviations.toml``.

>>> [s.text for s in sentences("I live in the U.S. How about you? At 5 p.m. Mr. Smith left.")]
['I live in the U.S.', 'How about you?', 'At 5 p.m. Mr. Smith left.']
>>> [w.text for w in words("The U.S. paid $2.5bn, didn't it?")]
['The', 'U.S.', 'paid', '$2.5bn', "didn't", 'it']

Every span satisfies ``text[span.start:span.end] == span.text``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from medialit.records import Record
from medialit.rules import load_table

__all__ = ["Span", "sentences", "words"]


@dataclass(frozen=True, slots=True)
class Span(Record):
    """A piece of a text: ``text[span.start:span.end] == span.text``.

    >>> Span(0, 5, "Hello").to_dict()
    {'start': 0, 'end': 5, 'text': 'Hello'}
    """

    start: int
    end: int
    text: str


# ---------------------------------------------------------------------------------------
# Rules as data


class _Rules:
    """The word lists from ``rules/abbreviations.toml``, expanded for fast look-up."""

    def __init__(self, table: dict) -> None:
        def expand(name: str) -> frozenset[str]:
            out: set[str] = set()
            for word in table.get(name, {}).get("words", []):
                word = word.strip().rstrip(".")  # forgive "Mr." written with its dot
                out.add(word)
                out.add(word.upper())
                if word.islower():
                    out.add(word[:1].upper() + word[1:])
            return frozenset(out)

        self.never_final = expand("never_final")
        self.before_number = expand("before_number")
        self.time = expand("time")
        self.ambiguous = expand("ambiguous")
        self.openers = frozenset(table.get("sentence_openers", {}).get("words", []))
        self.continuation = frozenset(table.get("continuation_words", {}).get("words", []))
        self.reporting = frozenset(table.get("reporting_verbs", {}).get("words", []))


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    return _Rules(load_table("abbreviations").data)


# ---------------------------------------------------------------------------------------
# Patterns

_CLOSERS = "\"'”’»)\\]"
_OPENERS = "\"'“‘«(\\[¿¡"
# Terminal punctuation at the end of a token: a run of . ! ? … (spaced dots ". . ." too),
# then closing quotes/brackets and citation marks like "[1]", then whitespace or the end.
# (Written so that no run of characters can be matched in two ways: long runs of
# "!!!!" or quote marks stay linear-time.)
_CANDIDATE = re.compile(
    r"(?<![.!?…])[.!?…]+(?:[ \u00a0]\.(?!\w))*"
    r"(?P<close>[" + _CLOSERS + r"]*(?:\[(?:\d{1,3}|[a-z][a-z ]{0,24})\][" + _CLOSERS + r"]*)*)"
    r"(?=\s|$)"
)
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_NEXT = re.compile(r"\s*([" + _OPENERS + r"]*)(\S*)")
_LEAD_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MULTI_DOT = re.compile(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}")
_INNER_LETTERS = re.compile(r"[A-Za-z]")
_LIST_MARKER = re.compile(
    r"(?<!\S)(?P<bullet>[•▪◦‣⁃∙][ \t]?)?"
    r"(?P<label>\d{1,2}|[a-z])(?P<style>\.\)|\.|\))(?=[ \t]+[" + _OPENERS + r"]?[A-Z0-9])",
    re.M,
)
# The end of a possible list marker: a cheap first pass, since markers are rare.
_MARKER_END = re.compile(r"[.)](?=[ \t]+[" + _OPENERS + r"]?[A-Z0-9])")
_BULLET = re.compile(r"[•▪◦‣⁃∙](?<!\S[•▪◦‣⁃∙])(?=\s)")
# "Jim Jatras: Well, ..." at the start of a line (1 to 4 capitalised words, a colon).
_SPEAKER = re.compile(r"\n[ \t]*((?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’.-]*:[ \t]+\S)")
_CONTINUATION_END = ",;(-–—/&+"


# ---------------------------------------------------------------------------------------
# Sentences


def sentences(text: str, *, skip: Iterable = ()) -> list[Span]:
    """Split ``text`` into sentences, each a :class:`Span` with exact offsets.

    ``skip`` holds spans (anything with ``.start`` and ``.end``, e.g. boilerplate lines
    from :func:`medialit.corpus.clean.find_boilerplate`) to leave out; each acts as a boundary.
    Spans are stripped of surrounding whitespace, in order and non-overlapping.

    >>> [s.text for s in sentences("Sputnik: What now?\\nJim Jatras: Well, we wait.")]
    ['Sputnik: What now?', 'Jim Jatras: Well, we wait.']
    """
    if not isinstance(text, str):
        raise TypeError(f"sentences() needs a str, not {type(text).__name__}")
    if not text or text.isspace():
        return []
    excluded = _merge_spans(skip, len(text))
    cuts: set[int] = {m.start() for m in _BLANK_LINE.finditer(text)}
    candidates = list(_CANDIDATE.finditer(text))
    ends = {m.end() for m in candidates}
    wrap = _wrap_width(text)
    cuts.update(_line_cuts(text, ends, wrap))
    list_cuts, no_cut = _list_cuts(text)
    cuts.update(list_cuts)
    cuts.update(m.start(1) - 1 for m in _SPEAKER.finditer("\n" + text))  # "\n" + shifts by one
    known = sorted(cuts)
    rules = _rules()
    last_cut = 0
    for m in candidates:
        if m.start() in no_cut:
            continue
        cut = _decide(text, m, rules, wrap, known, last_cut)
        if cut is not None:
            cuts.add(cut)
            last_cut = cut
    return _pieces(text, sorted(cuts), excluded)


def _merge_spans(skip: Iterable, length: int) -> list[tuple[int, int]]:
    spans = []
    for s in skip:
        try:
            a, b = int(s.start), int(s.end)
        except AttributeError:
            raise TypeError(f"skip items need .start and .end, got {s!r}") from None
        a, b = max(0, a), min(length, b)
        if a < b:
            spans.append((a, b))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _pieces(text: str, cuts: list[int], excluded: list[tuple[int, int]]) -> list[Span]:
    bounds = [0] + [c for c in cuts if 0 < c < len(text)] + [len(text)]
    out: list[Span] = []
    ex = 0
    for a, b in zip(bounds, bounds[1:]):
        parts = [(a, b)]
        if excluded:
            while ex < len(excluded) and excluded[ex][1] <= a:
                ex += 1
            j = ex
            while j < len(excluded) and excluded[j][0] < b:
                s0, s1 = excluded[j]
                last = parts.pop()
                if last[0] < s0:
                    parts.append((last[0], s0))
                if s1 < last[1]:
                    parts.append((s1, last[1]))
                else:
                    break
                j += 1
        for p0, p1 in parts:
            piece = text[p0:p1]
            stripped = piece.strip()
            if stripped:
                p0 += len(piece) - len(piece.lstrip())
                out.append(Span(p0, p0 + len(stripped), stripped))
    return out


def _wrap_width(text: str) -> int:
    """The line width if ``text`` looks hard-wrapped (most inner lines of similar length,
    at most 120 characters), else 0."""
    if text.count("\n") < 3:
        return 0
    lengths = [len(line.rstrip()) for line in text.split("\n")]
    inner = [n for n, nxt in zip(lengths, lengths[1:]) if n and nxt]
    if len(inner) < 3:
        return 0
    width = max(inner)
    if width > 120:
        return 0
    long_lines = sum(1 for n in inner if n >= 0.6 * width)
    return width if long_lines >= 0.7 * len(inner) else 0


def _line_cuts(text: str, punct_ends: set[int], wrap: int) -> list[int]:
    """Cuts at single line breaks after lines that have no terminal punctuation."""
    cuts = []
    rules = _rules()
    pos = 0
    lines = text.split("\n")
    for line, nxt in zip(lines, lines[1:]):
        start, pos = pos, pos + len(line) + 1
        body, following = line.rstrip(), nxt.lstrip()
        if not body.strip() or not following:
            continue  # blank lines are handled separately
        if start + len(body) in punct_ends:
            continue  # the line ends in . ! ? : the punctuation rules decide
        first = following.lstrip(_OPENERS)
        if (first[:1].islower() and not _camel(first.split(None, 1)[0])) or body[-1] in _CONTINUATION_END:
            continue
        last_word = body.rsplit(None, 1)[-1]
        if last_word in rules.continuation:
            continue
        if wrap and len(body) >= 0.6 * wrap:
            continue
        cuts.append(pos + (len(nxt) - len(following)))
    return cuts


_NEWLINE = re.compile("\n")


def _list_cuts(text: str) -> tuple[list[int], set[int]]:
    """Cuts before list items ("1.) ", "2. ", "b. ", "• "); also the positions of the
    markers' own full stops, which must not end a sentence."""
    markers = []
    for end in _MARKER_END.finditer(text):
        e = end.end()
        for s in range(max(0, e - 6), e - 1):
            m = _LIST_MARKER.match(text, s)
            if m and m.end() == e:
                markers.append(m)
                break
    cuts = [m.start() for m in _BULLET.finditer(text)]
    no_cut: set[int] = set()
    if not markers:
        return cuts, no_cut
    # A list starts at an anchor (a marker at the start of a line, after a bullet or
    # after a colon) and goes on with the next label on the same line: "1." then "2.".
    accepted: set[tuple[int, str, str]] = set()
    newlines = [m.start() for m in _NEWLINE.finditer(text)]  # (a regex scan: no Python loop per character)
    for m in markers:
        label, style = m.group("label"), m.group("style")
        i = bisect.bisect_left(newlines, m.start()) - 1
        line = newlines[i] if i >= 0 else -1
        k = m.start() - 1
        while k > line and text[k] in " \t\u00a0":
            k -= 1
        anchored = k <= line or text[k] == ":"  # line start, or after a colon
        previous = str(int(label) - 1) if label.isdigit() else chr(ord(label) - 1)
        if anchored or m.group("bullet") or (line, style, previous) in accepted:
            accepted.add((line, style, label))
            cuts.append(m.start())
            if "." in style:
                no_cut.add(m.start("style"))
    return cuts, no_cut


def _decide(text: str, m: re.Match, rules: _Rules, wrap: int, known: list[int],
            last_cut: int) -> int | None:
    """Where the candidate ``m`` ends a sentence (a position), or None if it does not."""
    punct = m.group()[: len(m.group()) - len(m.group("close"))]
    close = m.group("close")
    cut = m.end()
    nxt = _NEXT.match(text, cut)
    gap = text[cut:nxt.start(1)]
    opener, token = nxt.group(1), nxt.group(2)
    if not opener and not token:
        return None  # end of text
    head = token[:1]
    upperish = head.isupper() or head.isdigit() or head in "$€£¥" or _camel(token)
    if "\n" in gap and not wrap:
        # An unwrapped line that ends in punctuation ends its sentence, unless the
        # next line plainly continues it (starts in lower case).
        return cut if upperish or (opener and not head.islower()) else None
    start = m.start()
    body = text[max(0, start - 80):start].rsplit(None, 1)[-1] if start and not text[start - 1].isspace() else ""
    body = body.lstrip(_OPENERS)
    if "?" in punct or "!" in punct:
        if not upperish:
            return None
        # '"Why now?" Maduro asked.': a quoted question followed by who asked it.
        if close and close[-1] in "\"'”’»" and _attribution_follows(text, cut, rules):
            return None
        return cut
    dots = punct.count(".") + 3 * punct.count("…")
    if dots >= 2 or "…" in punct:
        if text[start - 1:start] in "[(" and close[:1] in "])":
            return None  # "[...]" marks words left out of a quotation
        if " " in punct or "\u00a0" in punct:
            if dots < 4 or not upperish:
                return None  # ". . ." inside a sentence
            if body and not close:
                return start + 1  # "word. . . . Next": the full stop, then an ellipsis
        return cut if upperish else None
    # A single full stop.
    if not upperish:
        return None
    word = _LEAD_WORD.match(token)
    next_word = word.group() if word else ""
    if body in rules.never_final:
        return None
    if body in rules.before_number:
        return None if head.isdigit() else cut
    starts = next_word in rules.openers or (opener and head.isupper())
    titled = next_word + "." == token[: len(next_word) + 1] and next_word in rules.never_final
    if body in rules.time or body.lower() in rules.time:
        enough = _words_since(text, known, last_cut, start - len(body)) >= 3
        return cut if enough and (starts or titled) else None
    if body in rules.ambiguous or _MULTI_DOT.fullmatch(body) or (
            len(body) == 1 and _INNER_LETTERS.match(body)):
        if starts or (titled and _words_since(text, known, last_cut, start - len(body)) >= 3):
            # "J. R. Smith": an initial followed by another initial is not an end.
            if len(body) == 1 and len(token) == 2 and token[1] == ".":
                return None
            return cut
        return None
    return cut


def _attribution_follows(text: str, pos: int, rules: _Rules) -> bool:
    """True if a reporting verb comes within the three words after ``pos``."""
    following = text[pos:pos + 60].split(None, 4)[:4]
    return any(w.strip(",.;:") in rules.reporting for w in following[1:])


def _camel(token: str) -> bool:
    """True for a lower-case word with a capital inside ("eBay", "iPhone", "starAdd")."""
    return token[:1].islower() and not token.islower() and any(c.isupper() for c in token[1:12])


def _words_since(text: str, known: list[int], last_cut: int, pos: int) -> int:
    """Words between the latest sentence start before ``pos`` and ``pos``."""
    i = bisect.bisect_right(known, pos) - 1
    begin = max(last_cut, known[i] if i >= 0 else 0, text.rfind("\n", max(0, pos - 100), pos) + 1, pos - 100)
    return len(text[begin:pos].split())  # only "at least 3?" matters: 100 characters will do


# ---------------------------------------------------------------------------------------
# Words

_WORD = re.compile(
    r"(?:https?://|www\.)[^\s<>\"“”]+?(?=[.,;:!?)\]\"'”’]*(?:\s|$))"   # URLs
    r"|(?<![\w.])(?:[A-Za-z]\.){2,}"                                   # U.S., e.g., a.m.
    r"|[$€£¥]?\d+(?:[.,:]\d+)*(?:[A-Za-z]+\b)?%?(?:[-–]\w+)*"          # 2.5bn, $110, 80%
    r"|\w+(?:[-'’&]\w+)*"                                              # don't, self-made
    r"(?:(?:[.+-]\w+)*@[\w-]+(?:\.[\w-]+)+"                             # ... e-mail
    r"|\.(?=\s))?"                                                     # ... Mr. (checked)
)


def words(text: str) -> list[Span]:
    """Word tokens with offsets: words with inner hyphens and apostrophes ("don't",
    "self-proclaimed"), numbers with their currency, scale and percent ("$2.5bn", "80%"),
    dotted abbreviations ("U.S.", "Mr."), URLs and e-mail addresses. Punctuation is not
    a word.

    >>> [w.text for w in words("Mr. Guaidó’s self-proclaimed role cost $110.")]
    ['Mr.', 'Guaidó’s', 'self-proclaimed', 'role', 'cost', '$110']
    """
    if not isinstance(text, str):
        raise TypeError(f"words() needs a str, not {type(text).__name__}")
    rules = _rules()
    abbreviations = rules.never_final | rules.ambiguous | rules.before_number
    out: list[Span] = []
    for m in _WORD.finditer(text):
        a, b = m.span()
        token = m.group()
        if token.endswith(".") and "." not in token[:-1] and token[:-1] not in abbreviations:
            b -= 1  # an ordinary word before a full stop
            token = token[:-1]
        out.append(Span(a, b, token))
    return out
