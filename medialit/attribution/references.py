"""What a definite source phrase refers back to, and a source identified later.

"A doctor said ..." and then "the doctor said ...": the second is the same unnamed doctor
(``unnamed_antecedent``), unless the text names her in between ("the doctor, Ann Lee,").
"A spokeswoman said ..." and later "The spokeswoman, Jane Doe, added ...": the first
mention is identified later in the article (``identified_later``). Both the sourcing
tagger and the quotation finder use these, so a sentence and the quotation in it agree.
"""
from __future__ import annotations

import bisect
import functools
import re

_ROLE_WHY = "points at one identifiable person"


def unnamed_antecedent(masked: str, before: int, source: str, why: str, mentions: dict | None = None) -> str | None:
    """For "the doctor" (a definite person noun from the roles table): the earlier "a
    doctor ..." it refers back to, when no name stands right after that mention ("a
    doctor, Ann Lee," / "a doctor named ..."); None otherwise.

    The mention is the last match in the 3,000 characters before ``before``. ``mentions``
    (a dict kept for one text) holds every match in the whole text by head noun, so each
    sentence looks its mention up instead of scanning its window again; the window is still
    scanned where the two could differ (a match across either edge of the window, a word
    running into ``before``, a window starting inside a word)."""
    if _ROLE_WHY not in why:
        return None
    words = source.split()
    if len(words) < 2 or words[0].lower() not in ("the", "this"):
        return None
    head = words[-1]
    rx = _indefinite(head)
    lo = max(0, before - 3000)
    found = None
    if lo > 0 and masked[lo] in "Aa" and _WORD_CHAR.match(masked, lo - 1):
        # the window starts inside a word with an "a": the match may start there (as in a copy)
        for m in rx.finditer(masked[lo:before]):
            found = m
        if found is None:
            return None
        at, text, m0 = lo + found.end(), found.group(), lo + found.start()
    else:
        span = _mention_from_index(masked, lo, before, head, rx, mentions)
        if span is None:  # the same matches, read in place (no copy of the window)
            for m in rx.finditer(masked, lo, before):
                found = m
            span = found.span() if found else ()
        if not span:
            return None
        at, text, m0 = span[1], masked[span[0]:span[1]], span[0]
    if _NAMED_AFTER.match(masked, at) or _NAME_BEFORE.search(masked, max(0, m0 - 80), m0) \
            or _identification(head).search(masked, at, before):
        return None  # "a doctor, Ann Lee,", "Ann Lee, a doctor," or, since then, "the doctor, Ann Lee,"
    return text


def _mention_from_index(masked: str, lo: int, before: int, head: str, rx, mentions: dict | None):
    """The span of the last match of ``rx`` within ``[lo, before)`` from the whole-text
    matches (``()`` for none), or None when the window must be scanned itself."""
    if mentions is None or not _WORD_CHAR.match(head[-1]) or (before > 0 and _WORD_CHAR.match(masked, before - 1)):
        return None
    found = mentions.get(head)
    if found is None:
        # two scans, each starting with its letter (much faster than one with the alternation),
        # merged: the same matches as rx.finditer (they all end at the head, so none overlap)
        spans = sorted({m.span() for part in _indefinite_parts(head) for m in part.finditer(masked)})
        found = mentions[head] = ([a for a, _ in spans], [b for _, b in spans])
    starts, ends = found
    k = bisect.bisect_left(starts, lo) - 1
    if k >= 0 and ends[k] > lo:
        return None  # a match across the window's start
    k = bisect.bisect_left(starts, before) - 1
    if k >= 0 and ends[k] > before:
        return None  # a match across its end
    i = bisect.bisect_right(ends, before) - 1
    if i >= 0 and starts[i] >= lo:
        return (starts[i], ends[i])
    return ()


_WORD_CHAR = re.compile(r"\w")
# "Ann Lee, a doctor at the clinic,": the mention is an apposition to a name before it
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z][\w'’-]*)+,\s*$")
# "a doctor, Ann Lee," / "a doctor named Ann Lee" / "a doctor (Ann Lee)": the mention is named
_NAMED_AFTER = re.compile(r"\s*(?:,|\(|\bnamed\b|\bcalled\b|\bidentified\s+as\b)\s*(?:Dr\.?\s+)?[A-Z][a-z]+\s+[A-Z]")


@functools.lru_cache(maxsize=256)
def _identification(head: str) -> re.Pattern:
    """ "the doctor, Ann Lee," / "the spokeswoman (Jane Doe)" / "the official, identified as
    Tom Reyes": a definite mention of ``head`` with a full name right after it."""
    return re.compile(r"\b[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}" + re.escape(head)
                      + r"\s*(?:,|\(|\bnamed\b|\bidentified\s+as\b)\s*(?:Dr\.?\s+)?"
                        r"([A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z][\w'’-]*)+)")


# "according to a study of 78,000 adults ..." and then "The study, published in the journal
# Neurology Today, ..." or "The report, by the Institute for X, ...": a study or report
# identified later by where it was published or who wrote it.
_INDEFINITE_DOCUMENT = re.compile(r"[Aa]n?\s+(?:[a-z][\w-]*\s+){0,2}?(study|report|survey|analysis|review|paper|trial)\b")


# Words news copy uses for the same document ("a national survey ..." and then "The poll of
# 4,100 nurses, carried out by the Nursing Council")
_SAME_DOCUMENT = {"survey": ("survey", "poll"), "poll": ("poll", "survey"), "study": ("study", "paper", "research"),
                  "paper": ("paper", "study")}


@functools.lru_cache(maxsize=16)
def _document_identification(head: str) -> re.Pattern:
    heads = "|".join(map(re.escape, _SAME_DOCUMENT.get(head, (head,))))
    return re.compile(r"\b[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + heads + r")\b[^.;!?\x00]{0,120}?"
                      r"(?:\b(?:published|appearing|released|presented)\s+(?:[^.;!?\x00]{0,60}?\s)?(?:in|by)"
                      r"|\b(?:by|led\s+by|from|carried\s+out\s+by|conducted\s+by)(?:\s+(?:researchers|scientists|a\s+team)\s+(?:at|from))?)"
                      r"\s+(?:the\s+)?(?:journal\s+)?((?:[A-Z][\w'’-]*)(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'’-]*)*)")


@functools.lru_cache(maxsize=256)
def _indefinite(head: str) -> re.Pattern:
    """ "a doctor" / "an emergency room doctor" / "one engineer" / "another nurse":
    ``\\b(?:[Aa](?:nother|n)?|[Oo]ne)\\s+(?:[a-z][\\w-]*\\s+){0,2}head\\b``, written to start
    with the letter (and check the word boundary before it after), so the regular-expression
    engine skips ahead to each "a"/"A"/"o"/"O" instead of trying every position."""
    return re.compile("(?:" + _ARTICLE + "|" + _ONE + ")" + _tail(head))


_ARTICLE, _ONE = r"[Aa](?<!\w[Aa])(?:nother|n)?", r"[Oo](?<!\w[Oo])ne"


def _tail(head: str) -> str:
    return r"\s+(?:[a-z][\w-]*\s+){0,2}" + re.escape(head) + r"\b"


@functools.lru_cache(maxsize=256)
def _indefinite_parts(head: str) -> tuple[re.Pattern, re.Pattern]:
    """:func:`_indefinite` as two patterns, one for "a"/"an"/"another" and one for "one"."""
    return re.compile(_ARTICLE + _tail(head)), re.compile(_ONE + _tail(head))


# a participle after a document noun: "a small study posted online this week"
_TRAILING_PARTICIPLE = re.compile(r"\s+(?:posted|published|released|presented|issued|conducted|circulated|leaked|seen|obtained"
                                  r"|filed|submitted|shared)\b.*$", re.S)
# the authors of a study named by their institution: "The team at the Centre for Sleep Medicine"
_TEAM_AT = re.compile(r"\b[Tt]he\s+(?:research\s+)?(?:team|researchers|scientists|authors)\s+(?:at|from)\s+(?:the\s+)?"
                      r"((?:[A-Z][\w'’-]*)(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'’-]*)*)")
_INDEFINITE_SOURCE = re.compile(r"[Aa]n?\s+(?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*)$")


def identified_later(masked: str, source: str, after: int, limit: int) -> tuple[str, int, int] | None:
    """For an unnamed "a spokeswoman" / "a regional water official" (``source``, ending
    before ``after``): the name a later definite mention gives it ("the spokeswoman, Jane
    Doe,"), as (name, start, end of the mention), searched in ``masked[after:limit]``; None
    when there is none or another "a spokeswoman" (maybe someone else) comes first."""
    source = _TRAILING_PARTICIPLE.sub("", source.strip())  # "a small study posted online": the study
    m = _INDEFINITE_SOURCE.match(source)
    if m is not None and m.group(1) in ("study", "report", "survey", "analysis", "review", "paper", "trial"):
        m = None  # "a small study": a document, identified by where it appeared or who made it
    doc = _INDEFINITE_DOCUMENT.match(source) if m is None else None
    if m is None and doc is None:
        return None
    head = m.group(1) if m else doc.group(1).lower()
    found = (_identification if m else _document_identification)(head).search(masked, after, limit)
    if found is None and doc is not None and head in ("study", "paper", "trial", "analysis"):
        found = _TEAM_AT.search(masked, after, limit)  # "The team at the Centre for Sleep Medicine analysed ..."
    if found is None:
        return None
    other = _indefinite(head).search(masked, after, found.start())
    if other is not None:
        return None
    return found.group(1), found.start(), found.end()
