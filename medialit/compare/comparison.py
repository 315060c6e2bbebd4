"""Comparing sources: is B a rewrite of A, what changed, and did the quotations drift?

Three questions, three layers:

* **Text reuse** (:func:`similarity`, :func:`evidence`, :func:`verdict`): how much of the
  shorter article's wording is found in the other, measured three ways that fail
  differently (shared word triples; shared function-word patterns, which survive
  synonym "spinning"; sentence-by-sentence alignment, which survives reordering). The
  verdict is ``same_story`` (derived from the same source text), ``same_event`` (shared
  names and places, little shared wording) or ``unrelated``, and it carries the rule and
  the numbers that decided it. Thresholds and why: ``docs/compare.md``.
* **Alignment** (:func:`align`, in :mod:`medialit.compare.alignment`): sentence pairs with
  word-level changes.
* **Drift** (:mod:`medialit.compare.drift`): quotations whose wording changed, and
  changed attributions (speaker, reporting verb).

Example (two rewrites of one Reuters report):

>>> from medialit.corpus import load_corpus
>>> c = load_corpus()
>>> compare(c["001"].text, c["002"].text).verdict.label
'same_story'
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from medialit.records import Record, as_json, rounded
from medialit.compare.alignment import (CLOSE_THRESHOLD, FUNCTION_WORDS, AlignedPair, WordChange, boilerplate_of,
                                    align, align_prepared, normalize_word, prepare, sentence_similarity,
                                    word_changes)
from medialit.corpus.document import Document, as_document
__all__ = ["AlignedPair", "WordChange", "Fingerprint", "Evidence", "Verdict", "Comparison",
           "align", "compare", "evidence", "fingerprint", "similarity", "verdict",
           "sentence_similarity", "word_changes"]

# --- thresholds (why each value: docs/compare.md) -------------------------------------
WORD_NGRAM = 3                 # shingle length for shared wording
FUNCTION_NGRAM = 6             # length of function-word patterns
SHARED_NARRATIVE = 0.12        # narrative-triple containment that means "copied from the same text"
NARRATIVE_MIN_SHARED = 4       # ... and at least this many shared narrative triples
PLACE_MIN_WORDS = 5            # a "place" of shared narrative: a sentence holding a shared run of this many words
NARRATIVE_MIN_PLACES = 2       # ... and shared narrative needs places in at least this many sentences
SHARED_SKELETON = 0.06         # function-word-pattern containment (outside quotations) that means the same
SKELETON_MIN_SHARED = 3        # ... and at least this many shared patterns
CLOSE_PAIRS_MIN = 3            # close sentence pairs (mostly outside quotations) needed (and ...)
CLOSE_PAIRS_SHARE = 0.15       # ... as a share of the shorter article's sentences
GREY_WORDING = 0.03            # below both of these, alignment is not even tried
GREY_SKELETON = 0.02
STATEMENT_MIN = 20             # shared word triples inside quotations that make a "shared statement" ...
STATEMENT_SHARE = 0.5          # ... when they are at least this share of all the shared triples
STATEMENT_RUN_WORDS = 30       # ... and one shared quoted passage is this long (a text quoted at length)
EVENT_QUOTED_MIN = 3           # shared quoted triples that, with names or figures, mean "same event"
EVENT_NAMES_OR_FIGURES = 3     # shared names + figures needed with them
SAME_EVENT_NAMES = 0.15        # Jaccard of shared two-word names ("White House") ...
SAME_EVENT_NAMES_MIN = 4       # ... and at least this many of them
CONTAINED = 0.6                # the smaller version's narrative found in the larger: "contained"
PASTED_MAX_PLACES = 4          # a pasted statement block: at most this many shared sentences, ...
PASTED_GAP = 2                 # ... each within this many sentences of the next (one unshared sentence between)
VERBATIM_SHARE = 0.8           # a sentence pasted whole: this share of its narrative triples shared, on both sides
# Words that name a document a reporter may paste from: a cue for statement material
STATEMENT_CUES = frozenset({"statement", "statements", "release", "releases", "filing", "filings", "communique",
                            "announcement", "bulletin", "advisory", "letter", "notice", "memo", "circular",
                            "website", "blog"})
# ... when one of these words is near it (within four words): "said in a statement", "the release read"
REPORTING = frozenset({"said", "says", "say", "added", "adds", "according", "read", "reads", "wrote", "writes",
                       "stated", "states", "issued", "issues", "published", "posted", "announced", "told"})
# Kept for older callers: word-triple containment is still reported, but alone it decides nothing.
SHARED_WORDING = SHARED_NARRATIVE

_EMPTY = None  # an empty uint32 array, made on first use
_NO_SENTENCES: frozenset[int] = frozenset()  # shared by every fingerprint with no cue or colon (20,000 of them)


@dataclass(frozen=True, eq=False)
class Fingerprint:
    """What the text-reuse measures need from one article, computed once.

    Hashed n-grams are sorted, unique ``numpy.uint32`` arrays (4 bytes each: 20,000
    articles fit in memory): ``words``, every word triple; ``narrative``, the triples outside
    quotations with no name or number in them (what a reporter wrote, not what was said or
    who), with ``narrative_at`` the token index where each first occurs (to tell one shared
    set phrase from shared wording in several places) and ``sentence_of`` the sentence
    each token sits in (a pasted press-release line is one sentence, however long); ``quoted``, the triples inside
    quotations (``quoted_at``: where each first occurs); ``skeleton``, function-word 6-grams outside quotations (``skeleton_sentence``: the sentence where each first starts). ``names``: two-word capitalised names ("white house");
    ``numbers``: the figures ("4.2", "2019"). ``cue_sentences``: the sentences naming a
    document as a source (a word of ``STATEMENT_CUES`` within four words of one of
    ``REPORTING``: "said in a statement", "the release read"); ``after_colon``: the
    sentences that follow a colon (a block introduced by "the council wrote:").
    """

    words: object
    skeleton: object
    names: frozenset[str]
    n_words: int
    narrative: object = None
    quoted: object = None
    numbers: frozenset[str] = frozenset()
    narrative_at: object = None
    quoted_at: object = None
    sentence_of: object = None
    skeleton_sentence: object = None
    cue_sentences: frozenset[int] = frozenset()
    after_colon: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Evidence(Record):
    """The numbers behind a verdict (all containments are over the smaller set).

    ``narrative_containment``: shared narrative triples (outside quotations, no names or
    numbers); ``shared_quoted``: shared triples that sit inside quotations in either
    article, and ``quoted_share`` their share of all shared triples; ``contained``:
    ``"a_in_b"`` / ``"b_in_a"`` when the smaller version's narrative is mostly in the other;
    ``narrative_places``: the sentences of the shorter article holding an unbroken run of at
    least ``PLACE_MIN_WORDS`` shared narrative words, ``longest_narrative_run`` the longest
    run, in words;
    ``longest_quoted_run``: the longest run of quoted words one article shares with the other;
    ``skeleton_places``: the sentences of the article with fewer patterns where its shared
    function-word patterns start.

    **Statement material** (``statement_*``, ``rest_*``): when the shared narrative sits in
    a few contiguous sentences (at most ``PASTED_MAX_PLACES``) that are the only shared
    block, or that name a document or follow a colon ("said in a statement", "the
    council wrote:"), or several small blocks (at most ``PASTED_MAX_PLACES`` sentences in
    all) in a different order in the two articles or all shared whole (``VERBATIM_SHARE``),
    those sentences are what both reporters pasted from a release or
    statement, provided they are less than ``CONTAINED`` (60%) of the shorter article's
    narrative (else the shorter is a short version of the other): ``statement_places`` counts them, ``statement_cue`` is the cue found
    ("statement", "colon", "order", "verbatim", or "" when the only block has none),
    ``statement_passages`` quotes them (filled in
    by :func:`compare`), and the ``rest_*`` measures are the narrative and function-word
    measures without them. ``statement_blocks``: ``(side, first, last)`` sentence indices
    of each block in the shorter article (side ``"a"`` or ``"b"``), for the passages.
    """

    word_containment: float = field(metadata=as_json(convert=rounded(4)))
    function_word_containment: float = field(metadata=as_json(convert=rounded(4)))
    close_pairs: int | None
    sentences_a: int | None
    sentences_b: int | None
    shared_names: tuple[str, ...]
    name_overlap: float = field(metadata=as_json(convert=rounded(4)))
    narrative_containment: float = field(default=0.0, metadata=as_json(convert=rounded(4)))
    narrative_shared: int = 0
    skeleton_shared: int = 0
    shared_quoted: int = 0
    quoted_share: float = field(default=0.0, metadata=as_json(convert=rounded(4)))
    shared_numbers: tuple[str, ...] = ()
    contained: str | None = None
    narrative_places: int = 0
    longest_narrative_run: int = 0
    longest_quoted_run: int = 0
    skeleton_places: int = 0
    statement_places: int = 0
    statement_cue: str = ""
    statement_passages: tuple[str, ...] = ()
    rest_narrative_containment: float = field(default=0.0, metadata=as_json(convert=rounded(4)))
    rest_narrative_shared: int = 0
    rest_narrative_places: int = 0
    rest_skeleton_containment: float = field(default=0.0, metadata=as_json(convert=rounded(4)))
    rest_skeleton_shared: int = 0
    rest_skeleton_places: int = 0
    statement_blocks: tuple = field(default=(), metadata=as_json(skip=True))

    @property
    def score(self) -> float:
        """The single similarity number: the larger of the two containments."""
        return max(self.word_containment, self.function_word_containment)


LABELS = ("same_story", "shared_statement", "same_event", "unrelated")


@dataclass(frozen=True, slots=True)
class Verdict(Record):
    """``label`` is ``same_story``, ``shared_statement``, ``same_event`` or ``unrelated``;
    ``rule`` names the rule that fired; ``reason`` says it in words, with the numbers;
    ``passages`` quotes the passages that decided it (filled in by :func:`compare`)."""

    label: str
    rule: str
    reason: str
    passages: tuple[str, ...] = ()

    json_keys = ("label", "description", "rule", "reason", "passages")

    @property
    def description(self) -> str:
        return {"same_story": "same story (derived from the same source text)",
                "shared_statement": "shared statement (independent reports quoting or pasting the same "
                                    "statement, letter or release; the shared words are inside quotations "
                                    "or a pasted block)",
                "same_event": "same event, different source text",
                "unrelated": "unrelated (no shared source text, not visibly the same event; "
                             "the topic may still be the same)"}[self.label]


# --- fingerprints and measures --------------------------------------------------------

_TOKEN = re.compile(r"\w+(?:['’.-]\w+)*")
_NAME_RUN = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’-]*[ \t]+)+[A-ZÀ-ÖØ-Þ][\w'’-]*")
_SENTENCE_GAP = re.compile(r"[.!?:;\n]")
_DIGIT = re.compile(r"\d")
_FLAGS_CACHE: list = []  # the last two texts and their token flags (compare() reads each twice)
_HASHES: dict[str, int] = {}
_MASK = 0xFFFFFFFF


def _hash_words(norm: list[str]) -> list[int]:
    """crc32 of each word (deterministic across runs, unlike ``hash``), memoised."""
    if len(_HASHES) > 1_000_000:
        _HASHES.clear()
    out = []
    for w in norm:
        h = _HASHES.get(w)
        if h is None:
            h = _HASHES[w] = zlib.crc32(w.encode("utf-8"))
        out.append(h)
    return out


def _gram_hashes(hashes, n: int):
    """Hashes of every word n-gram, in order (sum of hash * 1000003**k, modulo 2**32)."""
    import numpy as np

    if len(hashes) < n:
        return np.zeros(0, dtype=np.uint32)
    arr = np.asarray(hashes, dtype=np.uint64)
    acc = np.zeros(len(arr) - n + 1, dtype=np.uint64)
    for k in range(n):
        acc = acc * np.uint64(1000003) + arr[k:len(arr) - n + 1 + k]
    return (acc & np.uint64(_MASK)).astype(np.uint32)


def _unique(values):
    import numpy as np
    return np.unique(np.asarray(values, dtype=np.uint32))


def _grams(hashes: list[int], n: int) -> frozenset[int]:
    """The set of n-gram hashes (kept for callers that want a Python set)."""
    return frozenset(_gram_hashes(hashes, n).tolist())


def _without(text: str, spans) -> str:
    """``text`` with the given spans blanked out (a newline keeps words apart)."""
    pieces, pos = [], 0
    for s0, s1 in sorted((s.start, s.end) for s in spans):
        if s0 >= pos:
            pieces.append(text[pos:s0])
            pieces.append("\n")
            pos = s1
        else:
            pos = max(pos, s1)
    pieces.append(text[pos:])
    return "".join(pieces)


def fingerprint(text: str | Document, *, clean: bool = True, furniture=None) -> Fingerprint:
    """Fingerprint an article (boilerplate lines left out when ``clean`` and the cleaner exists).

    ``furniture`` (a :class:`medialit.compare.furniture.Furniture` learned from a
    collection) leaves the site's recurring lines out too.
    Tokens here are a fast regex (letters/digits with inner apostrophes, hyphens, dots),
    lower-cased with accents folded, as in :func:`medialit.compare.alignment.normalize_word`.

    >>> fp = fingerprint("Officials at the White House said on Monday that talks went well.")
    >>> sorted(fp.names), fp.n_words
    (['white house'], 12)

    A :class:`~medialit.corpus.document.Document` gives its own boilerplate lines and keeps
    the fingerprint (the layer ("compare.fingerprint", clean)) when no furniture is given.
    """
    if isinstance(text, Document):
        if furniture:
            skip = (list(text.boilerplate) if clean else []) + furniture.spans(text.text)
            return _fingerprint(text.text, skip)
        return text.layer(("compare.fingerprint", clean),
                          lambda d: _fingerprint(d.text, list(d.boilerplate) if clean else []))
    skip = boilerplate_of(text) if clean else []
    if furniture:
        skip = list(skip) + furniture.spans(text)
    return _fingerprint(text, skip)


def comparable_text(text: str, skip: list) -> str:
    """The text that comparison measures: ``text`` with the ``skip`` spans blanked out."""
    return _without(text, skip) if skip else text


def token_flags(text: str) -> tuple[list[str], list[int], list[bool], list[bool]]:
    """Tokens of ``text`` (normalised), their start offsets, and for each whether it is
    inside a quotation and whether it is a name or a number (capitalised not at a sentence
    start, or holding a digit)."""
    from medialit.compare.quoted import quoted_mask, quoted_spans

    for cached, flags in _FLAGS_CACHE:
        if cached is text:
            return flags
    matches = list(_TOKEN.finditer(text))
    toks = [m.group() for m in matches]
    starts = [m.start() for m in matches]
    norm = [t.lower() if t.isascii() else normalize_word(t) for t in toks]
    gap, digit = _SENTENCE_GAP.search, _DIGIT.search
    special = [False] * len(toks)
    for k, tok in enumerate(toks):
        if tok[0].isupper():
            special[k] = k > 0 and not gap(text, matches[k - 1].end(), starts[k])
        elif not tok[0].isalpha() or not tok.isalpha():
            special[k] = bool(digit(tok))
    quoted = quoted_mask(len(starts), starts, quoted_spans(text))
    _FLAGS_CACHE[:] = [(text, (norm, starts, quoted, special))] + _FLAGS_CACHE[:1]
    return norm, starts, quoted, special


MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                    "sept", "oct", "nov", "dec"})
SCALE_UNITS = frozenset({"million", "billion", "trillion", "bn", "m"})


def _small_figures(text: str, norm: list[str], starts: list[int]) -> frozenset[str]:
    """One-digit figures, counted as shared facts only with the context that makes them a
    fact: a date ("March 4", "4 March": ``"march 4"``), a percentage ("4 per cent", "4%",
    "4 percent": ``"4%"``) or a scale ("4 million": ``"4 million"``). A bare "4" (four
    days, page 4) is too common to count."""
    out = set()
    n = len(norm)
    for k, w in enumerate(norm):
        if len(w) != 1 or not w.isdigit():
            continue
        nxt = norm[k + 1] if k + 1 < n else ""
        after = text[starts[k] + 1:starts[k] + 3].lstrip()
        if after.startswith("%") or nxt == "percent" or (nxt == "per" and k + 2 < n and norm[k + 2] == "cent"):
            out.add(f"{w}%")
        elif nxt in SCALE_UNITS and not text[starts[k] + 1:starts[k] + 2].isalpha():
            out.add(f"{w} {'million' if nxt == 'm' else 'billion' if nxt == 'bn' else nxt}")
        elif k > 0 and norm[k - 1] in MONTHS and text[starts[k - 1]].isupper():
            out.add(f"{norm[k - 1][:3]} {w}")
        elif nxt in MONTHS and text[starts[k + 1]].isupper():
            out.add(f"{nxt[:3]} {w}")
    return frozenset(out)


def _fingerprint(text: str, skip: list) -> Fingerprint:
    import numpy as np

    text = comparable_text(text, skip)
    norm, starts, quoted, special = token_flags(text)
    hashes = _hash_words(norm)
    n = WORD_NGRAM
    triples = _gram_hashes(hashes, n)
    if len(triples):
        q = np.asarray(quoted, dtype=bool)
        bad = q | np.asarray(special, dtype=bool)
        width = len(triples)
        any_bad = bad[:width] | bad[1:width + 1] | bad[2:width + 2]
        all_quoted = q[:width] & q[1:width + 1] & q[2:width + 2]
        narrative, quoted_grams = triples[~any_bad], triples[all_quoted]
        narrative_pos = np.flatnonzero(~any_bad).astype(np.int32)
        quoted_pos = np.flatnonzero(all_quoted).astype(np.int32)
    else:
        narrative = quoted_grams = triples
        narrative_pos = quoted_pos = np.zeros(0, dtype=np.int32)
    narrative, first = np.unique(narrative, return_index=True)
    quoted_grams, first_quoted = np.unique(quoted_grams, return_index=True)
    skeleton_tok = [k for k, (w, inq) in enumerate(zip(norm, quoted)) if w in FUNCTION_WORDS and not inq]
    skeleton = [hashes[k] for k in skeleton_tok]
    sentence_of = _sentence_of(text, starts)
    skel_grams = _gram_hashes(skeleton, FUNCTION_NGRAM)
    skel_unique, skel_first = np.unique(np.asarray(skel_grams, dtype=np.uint32), return_index=True)
    skel_sentence = sentence_of[np.asarray(skeleton_tok, dtype=np.int64)[skel_first]] if len(skel_first) \
        else np.zeros(0, dtype=np.int32)
    names = set()
    for m in _NAME_RUN.finditer(text):
        run = [normalize_word(w).removesuffix("'s") for w in m.group().split()]
        while run and run[0] in FUNCTION_WORDS:
            run.pop(0)
        names.update(f"{x} {y}" for x, y in zip(run, run[1:]))
    digit = _DIGIT.search
    numbers = frozenset(w for w, sp in zip(norm, special) if sp and len(w) > 1 and digit(w)) | \
        _small_figures(text, norm, starts)
    cues = frozenset(int(sentence_of[k]) for k, w in enumerate(norm)
                     if w in STATEMENT_CUES and not REPORTING.isdisjoint(norm[max(0, k - 4):k + 4])) or _NO_SENTENCES
    firsts = (np.flatnonzero(np.diff(sentence_of)) + 1).tolist() if len(norm) > 1 else []
    colon = frozenset(int(sentence_of[k]) for k in firsts if ":" in text[starts[k - 1]:starts[k]]) or _NO_SENTENCES
    return Fingerprint(_unique(triples), skel_unique, frozenset(names), len(norm),
                       narrative, quoted_grams, numbers, narrative_pos[first], quoted_pos[first_quoted],
                       sentence_of, skel_sentence, cues, colon)


def _arr(x):
    """A fingerprint field as a sorted unique uint32 array (older fingerprints held sets)."""
    import numpy as np
    if x is None:
        return np.zeros(0, dtype=np.uint32)
    if isinstance(x, (set, frozenset)):
        return np.unique(np.fromiter(x, dtype=np.uint32, count=len(x)))
    return x


def _shared(x, y):
    import numpy as np
    return np.intersect1d(_arr(x), _arr(y), assume_unique=True)


def _containment(x, y) -> float:
    x, y = _arr(x), _arr(y)
    small = min(len(x), len(y))
    return len(_shared(x, y)) / small if small else 0.0


def evidence(a: str | Document | Fingerprint, b: str | Document | Fingerprint, *, pairs: list[AlignedPair] | None = None,
             sentences_a: int | None = None, sentences_b: int | None = None,
             quoted: tuple[list, list] | None = None) -> Evidence:
    """Measure text reuse between two articles (texts, Documents or fingerprints).

    ``pairs`` (from :func:`align`) adds the sentence-level evidence; without it
    ``close_pairs`` is ``None`` and the alignment rule cannot fire. ``quoted`` (the quoted
    spans of each text, :func:`medialit.compare.quoted.quoted_spans`) leaves sentence pairs
    that are mostly quotation out of ``close_pairs``.
    """
    import numpy as np

    fa = a if isinstance(a, Fingerprint) else fingerprint(a)
    fb = b if isinstance(b, Fingerprint) else fingerprint(b)
    shared = fa.names & fb.names
    union = fa.names | fb.names
    close = None
    if pairs is not None:
        close = sum(1 for p in pairs if p.kind in ("matched", "split", "joined") and p.similarity >= CLOSE_THRESHOLD
                    and (quoted is None or not (_mostly_quoted(p.a, quoted[0]) or _mostly_quoted(p.b, quoted[1]))))
        if sentences_a is None:
            sentences_a = sum(1 for p in pairs if p.a is not None)
        if sentences_b is None:
            sentences_b = len({(p.b.start, p.b.end) for p in pairs if p.b is not None})
    na, nb = _arr(fa.narrative), _arr(fb.narrative)
    shared_narr = len(_shared(na, nb))
    small = min(len(na), len(nb))
    contained = None
    if small and shared_narr / small >= CONTAINED and len(na) != len(nb):
        contained = "a_in_b" if len(na) < len(nb) else "b_in_a"
    both = _shared(fa.words, fb.words)
    in_quotes = np.union1d(_arr(fa.quoted), _arr(fb.quoted))
    shared_quoted = len(np.intersect1d(both, in_quotes, assume_unique=True))
    shared_skel = len(_shared(fa.skeleton, fb.skeleton))
    places, longest = (_runs(na, fa.narrative_at, nb, fa.sentence_of) if len(na) <= len(nb)
                       else _runs(nb, fb.narrative_at, na, fb.sentence_of))
    quoted_run = max(_runs(_arr(fa.quoted), fa.quoted_at, _arr(fb.words))[1],
                     _runs(_arr(fb.quoted), fb.quoted_at, _arr(fa.words))[1])
    ev = Evidence(_containment(fa.words, fb.words), _containment(fa.skeleton, fb.skeleton), close,
                  sentences_a, sentences_b, tuple(sorted(shared)), len(shared) / len(union) if union else 0.0,
                  shared_narr / small if small else 0.0, shared_narr, shared_skel, shared_quoted,
                  shared_quoted / len(both) if len(both) else 0.0, tuple(sorted(fa.numbers & fb.numbers)), contained,
                  places, longest, quoted_run, _skeleton_places(fa, fb))
    if contained is None and places >= NARRATIVE_MIN_PLACES and (_shared_narrative(ev) or _shared_skeleton(ev)):
        from dataclasses import replace
        ev = replace(ev, **_statement_material(fa, fb))
    return ev


def _place_sentences(fs: Fingerprint, hit) -> list[int]:
    """The sentences of ``fs`` holding a place (an unbroken run of ``PLACE_MIN_WORDS``
    shared narrative words), for the narrative triples marked by ``hit``."""
    import numpy as np

    at = np.sort(np.asarray(fs.narrative_at)[hit])
    if not len(at) or fs.sentence_of is None:
        return []
    sent = np.asarray(fs.sentence_of)
    covered = np.zeros(len(sent), dtype=bool)
    idx = (at[:, None] + np.arange(WORD_NGRAM)).ravel()
    covered[idx[idx < len(sent)]] = True
    tok = np.flatnonzero(covered)
    cut = np.flatnonzero((np.diff(tok) != 1) | (np.diff(sent[tok]) != 0)) + 1
    begin = np.concatenate([[0], cut])
    lengths = np.diff(np.concatenate([begin, [len(tok)]]))
    return sorted(set(sent[tok[begin[lengths >= PLACE_MIN_WORDS]]].tolist()))


def _statement_material(fa: Fingerprint, fb: Fingerprint) -> dict:
    """The statement-material fields of :class:`Evidence` (see there): which shared
    sentences are a block pasted from a statement or release, and the measures without them.

    A rewrite shares wording in many places, in the order of its source; two reporters who
    paste one release share a few contiguous sentences (contiguous in both, in the same
    order) and nothing else, each around its own narrative. A block is statement material when it is the only shared block, or when
    it (or the sentence just before it, in either article) names a document, or it follows
    a colon; and all the blocks together must be less than 60% of the shorter article's
    narrative (an early short wire version inside a later one is all "block").
    """
    import numpy as np

    na, nb = _arr(fa.narrative), _arr(fb.narrative)
    side, fs, fo = ("a", fa, fb) if len(na) <= len(nb) else ("b", fb, fa)
    mine, other = (na, nb) if side == "a" else (nb, na)
    if fs.sentence_of is None or fo.sentence_of is None or fs.narrative_at is None or fo.narrative_at is None:
        return {}
    hit = np.isin(mine, other, assume_unique=True)
    placed = _place_sentences(fs, hit)
    if not placed:
        return {}
    sent_s, sent_o = np.asarray(fs.sentence_of), np.asarray(fo.sentence_of)
    mine_sent = sent_s[np.asarray(fs.narrative_at)]
    other_sent = sent_o[np.asarray(fo.narrative_at)]
    # where each place sits in the other article (its first shared triple there)
    where_o = {}
    for s in placed:
        inside = hit & (mine_sent == s)
        where_o[s] = int(other_sent[np.searchsorted(other, mine[inside])].min()) if inside.any() else -1
    # a block is contiguous in both articles, in the same order
    blocks, run = [], [placed[0]]
    for s in placed[1:]:
        step = where_o[s] - where_o[run[-1]]
        if s - run[-1] <= PASTED_GAP and 0 <= step <= PASTED_GAP:
            run.append(s)
        else:
            blocks.append(run)
            run = [s]
    blocks.append(run)
    # Several small blocks with no cue are statement material too when they cannot be a
    # rewrite's: together at most PASTED_MAX_PLACES sentences, and either in a different
    # order in the two articles (a rewrite keeps its source's order across its places), or
    # every one of their sentences shared word for word on both sides (pasted whole; a
    # rewrite edits some of the sentences it shares).
    small_blocks = len(blocks) > 1 and sum(len(b) for b in blocks) <= PASTED_MAX_PLACES
    scattered = small_blocks and any(where_o[b[0]] < where_o[a[-1]] for a, b in zip(blocks, blocks[1:]))
    other_hit = np.isin(other, mine, assume_unique=True) if small_blocks else None
    verbatim = small_blocks and all(_verbatim(b, mine_sent, hit, other_sent, other_hit, where_o) for b in blocks)
    chosen, cues = [], []
    for blk in blocks:
        first, last = blk[0], blk[-1]
        if len(blk) > PASTED_MAX_PLACES:
            continue
        inside = hit & (mine_sent >= first) & (mine_sent <= last)
        where = np.searchsorted(other, mine[inside])
        o_sent = sent_o[np.asarray(fo.narrative_at)[where]] if len(where) else np.zeros(0, dtype=np.int32)
        o_first, o_last = (int(o_sent.min()), int(o_sent.max())) if len(o_sent) else (-1, -2)
        cue = ""
        if any(k in fs.cue_sentences for k in range(first - 1, last + 2)) or \
                any(k in fo.cue_sentences for k in range(o_first - 1, o_last + 2)):
            cue = "statement"
        elif first in fs.after_colon or o_first in fo.after_colon:
            cue = "colon"
        elif scattered:
            cue = "order"
        elif verbatim:
            cue = "verbatim"
        if cue or len(blocks) == 1:
            chosen.append((first, last, o_first, o_last, len(blk)))
            cues.append(cue)
    if not chosen:
        return {}
    out_s = np.zeros(len(mine), dtype=bool)
    out_o = np.zeros(len(other), dtype=bool)
    for first, last, o_first, o_last, _ in chosen:
        out_s |= (mine_sent >= first) & (mine_sent <= last)
        out_o |= (other_sent >= o_first) & (other_sent <= o_last)
    if out_s.sum() >= CONTAINED * len(mine):
        return {}  # the block is most of the shorter article: a short version of the other, not a pasted part
    rest_hit = hit & ~out_s
    small = min(int((~out_s).sum()), int((~out_o).sum()))
    n_places = sum(c[4] for c in chosen)
    rest_places = [s for s in placed if not any(c[0] <= s <= c[1] for c in chosen)]
    # function-word patterns, without the block's sentences on either side
    sk_s, sk_o = _arr(fs.skeleton), _arr(fo.skeleton)
    keep_s = np.ones(len(sk_s), dtype=bool)
    keep_o = np.ones(len(sk_o), dtype=bool)
    if fs.skeleton_sentence is not None and fo.skeleton_sentence is not None:
        ss, so = np.asarray(fs.skeleton_sentence), np.asarray(fo.skeleton_sentence)
        for first, last, o_first, o_last, _ in chosen:
            keep_s &= ~((ss >= first) & (ss <= last))
            keep_o &= ~((so >= o_first) & (so <= o_last))
    rs, ro = sk_s[keep_s], sk_o[keep_o]
    if len(rs) <= len(ro):
        skel_hit, skel_sent = np.isin(rs, ro, assume_unique=True), (np.asarray(fs.skeleton_sentence)[keep_s]
                                                                     if fs.skeleton_sentence is not None else None)
    else:
        skel_hit, skel_sent = np.isin(ro, rs, assume_unique=True), (np.asarray(fo.skeleton_sentence)[keep_o]
                                                                     if fo.skeleton_sentence is not None else None)
    skel_small = min(len(rs), len(ro))
    skel_shared = int(skel_hit.sum())
    skel_places = len(set(skel_sent[skel_hit].tolist())) if skel_sent is not None else 0
    return dict(statement_places=n_places, statement_cue=next((c for c in ("statement", "colon", "order", "verbatim")
                                                               if c in cues), ""),
                rest_narrative_containment=int(rest_hit.sum()) / small if small else 0.0,
                rest_narrative_shared=int(rest_hit.sum()), rest_narrative_places=len(rest_places),
                rest_skeleton_containment=skel_shared / skel_small if skel_small else 0.0,
                rest_skeleton_shared=skel_shared, rest_skeleton_places=skel_places,
                statement_blocks=tuple((side, c[0], c[1]) for c in chosen))


def _verbatim(blk, mine_sent, hit, other_sent, other_hit, where_o) -> bool:
    """True when every sentence of the block ``blk`` (sentence indices in the shorter
    article) is shared nearly whole: at least ``VERBATIM_SHARE`` of its narrative triples,
    and of its counterpart's in the other article, are shared."""
    for s in blk:
        mine = mine_sent == s
        there = other_sent == where_o[s]
        if not mine.any() or not there.any():
            return False
        if hit[mine].mean() < VERBATIM_SHARE or other_hit[there].mean() < VERBATIM_SHARE:
            return False
    return True


def _skeleton_places(fa: Fingerprint, fb: Fingerprint) -> int:
    """The number of sentences (of the article with fewer function-word patterns) where a
    shared pattern starts: one shared sentence (the wording of a charge) is one place."""
    import numpy as np

    small, other = (fa, fb) if len(_arr(fa.skeleton)) <= len(_arr(fb.skeleton)) else (fb, fa)
    mine = _arr(small.skeleton)
    if small.skeleton_sentence is None or not len(mine):
        return 0
    hit = np.isin(mine, _arr(other.skeleton), assume_unique=True)
    return len(set(np.asarray(small.skeleton_sentence)[hit].tolist()))


def _sentence_of(text: str, starts: list[int]):
    """The sentence index of each token (a new sentence after ``.``, ``!``, ``?``, ``:``,
    ``;`` or a line break between two tokens; a point inside a token, "4.25", is not one)."""
    import numpy as np

    n = len(starts)
    if n < 2:
        return np.zeros(n, dtype=np.int32)
    ends = np.fromiter((m.end() for m in _TOKEN.finditer(text)), dtype=np.int64, count=n)
    gaps = np.fromiter((m.start() for m in _SENTENCE_GAP.finditer(text)), dtype=np.int64)
    begin = np.asarray(starts, dtype=np.int64)
    between = np.searchsorted(gaps, begin[1:]) - np.searchsorted(gaps, ends[:-1])
    return np.concatenate([[0], np.cumsum(between > 0)]).astype(np.int32)


def _runs(mine, positions, other, sentence_of=None) -> tuple[int, int]:
    """Where the triples ``mine`` (sorted hashes, first seen at token ``positions``) that
    ``other`` shares sit: the number of places, and the longest run in words. A place is a
    run of at least ``PLACE_MIN_WORDS`` words; with ``sentence_of`` (each token's sentence),
    a sentence holding at least that many words of shared runs, so one long sentence
    shared whole (a line pasted from a press release, the legal name of a charge, broken
    by the names and figures in it) is one place, and two copied sentences are two."""
    import numpy as np

    if positions is None or not len(mine):
        return 0, 0
    hit = np.isin(mine, other, assume_unique=True)
    at = np.sort(np.asarray(positions)[hit])
    if not len(at):
        return 0, 0
    breaks = np.flatnonzero(np.diff(at) != 1)
    lengths = np.diff(np.concatenate([[-1], breaks, [len(at) - 1]])) + WORD_NGRAM - 1  # words per run
    if sentence_of is None or not len(sentence_of):
        return int((lengths >= PLACE_MIN_WORDS).sum()), int(lengths.max())
    return _sentence_places(at, sentence_of, PLACE_MIN_WORDS, WORD_NGRAM), int(lengths.max())


def _sentence_places(at, sentence_of, min_words: int, width: int) -> int:
    """The number of sentences holding an unbroken stretch of at least ``min_words`` tokens
    covered by the grams of ``width`` tokens starting at token indices ``at``."""
    import numpy as np

    sent = np.asarray(sentence_of)
    covered = np.zeros(len(sent), dtype=bool)
    idx = (np.asarray(at)[:, None] + np.arange(width)).ravel()
    covered[idx[idx < len(sent)]] = True
    tok = np.flatnonzero(covered)
    if not len(tok):
        return 0
    cut = np.flatnonzero((np.diff(tok) != 1) | (np.diff(sent[tok]) != 0)) + 1
    starts = np.concatenate([[0], cut])
    lengths = np.diff(np.concatenate([starts, [len(tok)]]))
    return len(set(sent[tok[starts[lengths >= min_words]]].tolist()))


def _mostly_quoted(span, spans) -> bool:
    """True when at least half of ``span``'s characters sit inside the quoted ``spans``."""
    if span is None or span.end <= span.start:
        return False
    inside = sum(max(0, min(span.end, e) - max(span.start, s)) for s, e in spans)
    return inside * 2 >= span.end - span.start


def similarity(a: str | Document, b: str | Document) -> float:
    """Text-reuse similarity in [0, 1]: the share of the shorter article's word triples
    (or function-word patterns, whichever is higher) also found in the other.

    >>> similarity("The storm closed the port on Friday.", "The storm closed the port on Friday.")
    1.0
    """
    return evidence(a, b).score


def _narrative_rule(containment: float, shared: int, places: int) -> bool:
    spread = places >= NARRATIVE_MIN_PLACES or containment >= CONTAINED
    return containment >= SHARED_NARRATIVE and shared >= NARRATIVE_MIN_SHARED and spread


def _skeleton_rule(containment: float, shared: int, places: int) -> bool:
    return containment >= SHARED_SKELETON and shared >= SKELETON_MIN_SHARED and places >= NARRATIVE_MIN_PLACES


def _shared_narrative(ev: Evidence) -> bool:
    """The ``shared_narrative`` rule: enough shared narrative, in at least two sentences (or
    most of the shorter article's narrative: a short text copied whole); one shared sentence,
    however long, is a set phrase or a line pasted from one press release. With statement
    material (a pasted block), the rule is applied to the rest of the narrative."""
    if ev.statement_places:
        return _narrative_rule(ev.rest_narrative_containment, ev.rest_narrative_shared, ev.rest_narrative_places)
    return _narrative_rule(ev.narrative_containment, ev.narrative_shared, ev.narrative_places)


def _shared_skeleton(ev: Evidence) -> bool:
    """The ``shared_skeleton`` rule: enough shared function-word patterns, starting in at
    least two sentences (one shared sentence, such as the legal wording of a charge, is a
    set phrase); without a pasted block's sentences when there is one."""
    if ev.statement_places:
        return _skeleton_rule(ev.rest_skeleton_containment, ev.rest_skeleton_shared, ev.rest_skeleton_places)
    return _skeleton_rule(ev.function_word_containment, ev.skeleton_shared, ev.skeleton_places)


def _pasted_note(ev: Evidence) -> str:
    """What the reason says about a pasted block, when there is one."""
    if not ev.statement_places:
        return ""
    cue = {"statement": "introduced as a statement, release or other document",
           "colon": "introduced by a colon",
           "order": "not attributed, but small blocks in a different order in the two texts, where a rewrite "
                    "keeps its source's order",
           "verbatim": "not attributed, but small blocks of whole sentences shared word for word, with nothing "
                       "edited in them"}.get(ev.statement_cue, "not attributed in either text, and the only "
                                                               "block shared word for word")
    blocks = len(ev.statement_blocks) or 1
    where = "one block of contiguous sentences" if blocks == 1 else f"{blocks} blocks of contiguous sentences"
    return (f"{ev.statement_places} shared sentence(s) in {where} are pasted material such as a press "
            f"release ({cue}), left out of the narrative measures")


def needs_alignment(ev: Evidence) -> bool:
    """True when the cheap measures are in the grey zone where sentence alignment could decide."""
    story = _shared_narrative(ev) or _shared_skeleton(ev)
    return not story and (ev.narrative_containment >= GREY_WORDING or ev.word_containment >= GREY_WORDING
                          or ev.function_word_containment >= GREY_SKELETON)


def verdict(ev: Evidence) -> Verdict:
    """Apply the rules, in order; the first that fires decides (see docs/compare.md).

    Only narrative (words outside quotations, without names and numbers), the grammar
    outside quotations, and sentence pairs that are not mostly quotation can make two
    articles the same story: shared quotations, names and figures are what independent
    reports of one event or one statement have in common.
    """
    nc, fc = ev.narrative_containment, ev.function_word_containment
    grown = {"a_in_b": "; the smaller version (A) is contained in the larger (B)",
             "b_in_a": "; the smaller version (B) is contained in the larger (A)"}.get(ev.contained or "", "")
    pasted = _pasted_note(ev)
    besides = f"; besides that, {pasted}" if pasted else ""
    if _shared_narrative(ev):
        if pasted:
            return Verdict("same_story", "shared_narrative",
                           f"{pasted}; the rest still shares {ev.rest_narrative_containment:.0%} of the shorter "
                           f"article's narrative word triples (threshold {SHARED_NARRATIVE:.0%}), in "
                           f"{ev.rest_narrative_places} sentences with {PLACE_MIN_WORDS}+ shared words: a rewrite "
                           f"that also pastes the statement" + grown)
        return Verdict("same_story", "shared_narrative",
                       f"{nc:.0%} of the shorter article's narrative word triples (outside quotations, "
                       f"without names and numbers) also appear in the other (threshold {SHARED_NARRATIVE:.0%}), "
                       f"in {ev.narrative_places} sentences with {PLACE_MIN_WORDS}+ shared words (longest run "
                       f"{ev.longest_narrative_run} words)" + grown)
    if _shared_skeleton(ev):
        skel = (ev.rest_skeleton_containment, ev.rest_skeleton_places) if pasted else (fc, ev.skeleton_places)
        return Verdict("same_story", "shared_skeleton",
                       f"{skel[0]:.0%} of the shorter article's function-word patterns outside quotations recur in "
                       f"the other, in {skel[1]} sentences, as when words are swapped for synonyms "
                       f"(threshold {SHARED_SKELETON:.0%})" + besides + grown)
    if ev.close_pairs is not None and ev.sentences_a and ev.sentences_b:
        shorter = min(ev.sentences_a, ev.sentences_b)
        close = max(0, ev.close_pairs - ev.statement_places)
        if close >= CLOSE_PAIRS_MIN and close >= CLOSE_PAIRS_SHARE * shorter:
            return Verdict("same_story", "aligned_sentences",
                           f"{close} of {shorter} sentences (not counting those that are mostly "
                           f"quotation) have a close rewrite in the other (similarity >= {CLOSE_THRESHOLD}; "
                           f"needs {CLOSE_PAIRS_MIN} and {CLOSE_PAIRS_SHARE:.0%})" + besides + grown)
    if pasted:
        return Verdict("shared_statement", "pasted_statement",
                       f"{nc:.0%} of the shorter article's narrative word triples are shared, but {pasted}: "
                       f"without them the narrative shares {ev.rest_narrative_containment:.0%} in "
                       f"{ev.rest_narrative_places} sentence(s) and the function-word patterns "
                       f"{ev.rest_skeleton_containment:.0%}: both paste one statement or release, neither "
                       f"rewrites the other (a rewrite shares wording in many places, in its source's order, not "
                       f"{PASTED_MAX_PLACES} pasted sentences or fewer)")
    if ev.shared_quoted >= STATEMENT_MIN and ev.quoted_share >= STATEMENT_SHARE \
            and ev.longest_quoted_run >= STATEMENT_RUN_WORDS:
        return Verdict("shared_statement", "shared_quotation",
                       f"{ev.shared_quoted} shared word triples sit inside quotations ({ev.quoted_share:.0%} of "
                       f"all shared triples), but the narrative around them shares only {nc:.0%}: both quote "
                       f"the same statement: one shared quoted passage runs {ev.longest_quoted_run} words (needs "
                       f"{STATEMENT_MIN} quoted triples and a passage of {STATEMENT_RUN_WORDS} words)")
    n = len(ev.shared_names)
    figures = len(ev.shared_numbers)
    little = f"little shared narrative ({nc:.0%})"
    if nc >= SHARED_NARRATIVE and ev.narrative_shared >= NARRATIVE_MIN_SHARED:
        little = (f"shared narrative ({nc:.0%}) in only {ev.narrative_places} sentence(s) with {PLACE_MIN_WORDS}+ "
                  f"shared words, the longest run {ev.longest_narrative_run} words: a set phrase or one pasted line, "
                  f"not a copy (a copy shares wording in {NARRATIVE_MIN_PLACES} sentences or more, or "
                  f"{CONTAINED:.0%} of the narrative)")
    if ev.shared_quoted >= STATEMENT_MIN and ev.quoted_share >= STATEMENT_SHARE:
        little += (f"; the shared quotations ({ev.shared_quoted} triples) are short, the longest "
                   f"{ev.longest_quoted_run} words: what reporters of one event hear, not a text quoted at length")
    if n >= SAME_EVENT_NAMES_MIN and ev.name_overlap >= SAME_EVENT_NAMES:
        shown = ", ".join(ev.shared_names[:6]) + (", ..." if n > 6 else "")
        return Verdict("same_event", "shared_names",
                       f"{little} but {n} shared names ({shown}; "
                       f"overlap {ev.name_overlap:.0%}, threshold {SAME_EVENT_NAMES:.0%})")
    if ev.shared_quoted >= EVENT_QUOTED_MIN and n + figures >= EVENT_NAMES_OR_FIGURES:
        return Verdict("same_event", "shared_quotes_and_figures",
                       f"{little} but the same quoted words ({ev.shared_quoted} "
                       f"triples) and {n} names, {figures} figures in common")
    return Verdict("unrelated", "nothing_shared",
                   f"{little} and few shared names ({n}, "
                   f"overlap {ev.name_overlap:.0%})")


# --- the passages behind a verdict ----------------------------------------------------

PASSAGES_SHOWN = 3
PASSAGE_MIN_WORDS = 5


def shared_runs(a_text: str, fb: Fingerprint) -> list[tuple[int, int, bool]]:
    """Stretches of ``a_text`` whose word triples all occur in ``fb`` (the other article):
    ``(start, end, quoted)``, longest first; ``quoted`` when most of its words are quoted."""
    norm, starts, quoted, _ = token_flags(a_text)
    triples = _gram_hashes(_hash_words(norm), WORD_NGRAM)
    import numpy as np
    hit = np.isin(triples, _arr(fb.words)) if len(triples) else np.zeros(0, dtype=bool)
    ends = [m.end() for m in _TOKEN.finditer(a_text)]
    runs = []
    if len(hit):
        edges = np.diff(np.concatenate([[0], hit.astype(np.int8), [0]]))
        for k, j in zip(np.flatnonzero(edges == 1).tolist(), (np.flatnonzero(edges == -1) - 1).tolist()):
            first, last = k, j + WORD_NGRAM - 1
            if last - first + 1 >= PASSAGE_MIN_WORDS:
                q = sum(quoted[first:last + 1]) * 2 >= last - first + 1
                runs.append((starts[first], ends[last], q))
    runs.sort(key=lambda r: (r[0] - r[1], r[0]))
    return runs


def _clip(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3].rstrip() + "..."


def deciding_passages(v: Verdict, ev: Evidence, a_text: str, fb: Fingerprint, pairs, quoted_a) -> tuple[str, ...]:
    """The passages that decided verdict ``v``, as short readable strings."""
    if v.rule == "shared_narrative":
        runs = [r for r in shared_runs(a_text, fb) if not r[2]]
        return tuple(f"shared narrative: “{_clip(a_text[s:e])}”" for s, e, _ in runs[:PASSAGES_SHOWN])
    if v.rule in ("shared_skeleton", "aligned_sentences"):
        close = sorted((p for p in pairs if p.a is not None and p.b is not None and p.kind != "partial"
                        and not _mostly_quoted(p.a, quoted_a)), key=lambda p: -p.similarity)
        return tuple(f"rewritten sentence ({p.similarity:.2f}): A “{_clip(p.a.text, 100)}” / B “{_clip(p.b.text, 100)}”"
                     for p in close[:PASSAGES_SHOWN])
    if v.rule == "pasted_statement":
        return tuple(f"pasted block: “{_clip(t, 240)}”" for t in ev.statement_passages[:PASSAGES_SHOWN])
    if v.rule == "shared_quotation":
        runs = [r for r in shared_runs(a_text, fb) if r[2]]
        return tuple(f"shared quotation: “{_clip(a_text[s:e])}”" for s, e, _ in runs[:PASSAGES_SHOWN])
    if v.label == "same_event":
        out = []
        if ev.shared_names:
            out.append("shared names: " + ", ".join(ev.shared_names[:8]))
        if ev.shared_numbers:
            out.append("shared figures: " + ", ".join(ev.shared_numbers[:8]))
        runs = [r for r in shared_runs(a_text, fb) if r[2]]
        out += [f"shared quotation: “{_clip(a_text[s:e])}”" for s, e, _ in runs[:2]]
        return tuple(out)
    return ()


def _block_texts(blocks, a: Document, b: Document, furniture) -> tuple[str, ...]:
    """The text of each pasted block ``(side, first, last)`` (sentence indices of the
    comparable text, as fingerprinted: boilerplate and furniture blanked out)."""
    import numpy as np

    out = []
    for side, first, last in blocks:
        doc = a if side == "a" else b
        skip = list(doc.boilerplate) + (furniture.spans(doc.text) if furniture else [])
        text = comparable_text(doc.text, skip)
        matches = list(_TOKEN.finditer(text))
        sent = _sentence_of(text, [m.start() for m in matches])
        idx = np.flatnonzero((sent >= first) & (sent <= last))
        if len(idx):
            end = matches[idx[-1]].end()
            while end < len(text) and text[end] in ".!?\"”’')":
                end += 1
            out.append(" ".join(text[matches[idx[0]].start():end].split()))
    return tuple(out)


# --- the full comparison --------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Comparison(Record):
    """Everything :func:`compare` found; ``to_dict()`` follows the CLI's JSON contract.

    ``added_later``: when the smaller version is contained in the larger (a growing story),
    the larger version's sentences that the smaller one does not have; ``left_out``: the
    lines of either text left out as the collection's site furniture.
    """

    similarity: float = field(metadata=as_json(convert=rounded(4)))
    verdict: Verdict
    evidence: Evidence
    pairs: tuple[AlignedPair, ...]
    quote_changes: tuple
    attribution_changes: tuple
    added_later: tuple[str, ...] = ()
    left_out: tuple[str, ...] = ()

    json_keys = ("similarity", "same_story", "pairs", "quote_changes", "verdict", "evidence", "attribution_changes",
                 "added_later", "left_out")

    @property
    def same_story(self) -> bool:
        return self.verdict.label == "same_story"


def compare(a_text: str | Document, b_text: str | Document, *, furniture=None) -> Comparison:
    """Compare two articles: similarity, verdict, aligned sentences, quote and attribution drift.

    Either article may be a :class:`~medialit.corpus.document.Document`: its sentences,
    boilerplate lines and quotations are reused (and kept for the next comparison). A plain
    text is read once here too: each of its boilerplate lines, sentences and quotations is
    worked out once. ``furniture`` (learned from a collection with
    :func:`medialit.compare.furniture.learn_furniture`) leaves a site's recurring lines out;
    without it, a template the two articles alone share (identical lines at the top or foot
    of both, the rest unrelated: :func:`medialit.compare.furniture.pair_furniture`) is.

    >>> c = compare("The mayor said the bridge will close.", "The mayor said the bridge will close.")
    >>> c.same_story, c.pairs[0].kind
    (True, 'matched')
    """
    from dataclasses import replace

    from medialit.compare.drift import attribution_drift, quote_drift
    from medialit.compare.quoted import quoted_spans
    from medialit.text.split import sentences

    a = as_document(a_text)
    b = a if b_text is a_text else as_document(b_text)
    if furniture is None and a is not b:
        from medialit.compare.furniture import pair_furniture
        furniture = pair_furniture(a.text, b.text)
    left_out: list[str] = []
    if furniture:
        fa, fb = fingerprint(a, furniture=furniture), fingerprint(b, furniture=furniture)
        skip_a, skip_b = furniture.spans(a.text), furniture.spans(b.text)
        left_out = list(dict.fromkeys(s.text.strip() for s in skip_a + skip_b))
        sa = prepare(a.text, sentences(a.text, skip=list(a.boilerplate) + skip_a)) if skip_a else prepare(a)
        sb = prepare(b.text, sentences(b.text, skip=list(b.boilerplate) + skip_b)) if skip_b else prepare(b)
    else:
        fa, fb = fingerprint(a), fingerprint(b)
        sa, sb = prepare(a), prepare(b)
    pairs = align_prepared(a.text, sa, b.text, sb)
    qa, qb = quoted_spans(a.text), quoted_spans(b.text)
    ev = evidence(fa, fb, pairs=pairs, sentences_a=len(sa), sentences_b=len(sb), quoted=(qa, qb))
    if ev.statement_blocks:
        ev = replace(ev, statement_passages=_block_texts(ev.statement_blocks, a, b, furniture))
    v = verdict(ev)
    v = replace(v, passages=deciding_passages(v, ev, a.text, fb, pairs, qa))
    quotes, attributions = quote_drift(a, b, sa, sb, same_story=v.label == "same_story")
    attributions = attributions + attribution_drift(pairs)
    added: tuple[str, ...] = ()
    if v.label == "same_story" and ev.contained == "a_in_b":
        added = tuple(p.b.text for p in pairs if p.kind == "b_only")
    elif v.label == "same_story" and ev.contained == "b_in_a":
        added = tuple(p.a.text for p in pairs if p.kind == "a_only")
    return Comparison(ev.score, v, ev, tuple(pairs), tuple(quotes), tuple(attributions), added, tuple(left_out))
