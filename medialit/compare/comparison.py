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
SHARED_WORDING = 0.12          # word-triple containment that means "copied from the same text"
SHARED_SKELETON = 0.06         # function-word-pattern containment that means the same
CLOSE_PAIRS_MIN = 3            # close sentence pairs needed (and ...)
CLOSE_PAIRS_SHARE = 0.15       # ... as a share of the shorter article's sentences
GREY_WORDING = 0.03            # below both of these, alignment is not even tried
GREY_SKELETON = 0.02
SAME_EVENT_NAMES = 0.15        # Jaccard of shared two-word names ("White House") ...
SAME_EVENT_NAMES_MIN = 4       # ... and at least this many of them


@dataclass(frozen=True)
class Fingerprint:
    """What the text-reuse measures need from one article, computed once.

    ``words``: hashed word triples; ``skeleton``: hashed function-word 6-grams;
    ``names``: two-word capitalised names ("white house", "juan guaido").
    """

    words: frozenset[int]
    skeleton: frozenset[int]
    names: frozenset[str]
    n_words: int


@dataclass(frozen=True, slots=True)
class Evidence(Record):
    """The numbers behind a verdict (all containments are over the smaller set)."""

    word_containment: float = field(metadata=as_json(convert=rounded(4)))
    function_word_containment: float = field(metadata=as_json(convert=rounded(4)))
    close_pairs: int | None
    sentences_a: int | None
    sentences_b: int | None
    shared_names: tuple[str, ...]
    name_overlap: float = field(metadata=as_json(convert=rounded(4)))

    @property
    def score(self) -> float:
        """The single similarity number: the larger of the two containments."""
        return max(self.word_containment, self.function_word_containment)


@dataclass(frozen=True, slots=True)
class Verdict(Record):
    """``label`` is ``same_story``, ``same_event`` or ``unrelated``; ``rule`` names the rule
    that fired; ``reason`` says it in words, with the numbers."""

    label: str
    rule: str
    reason: str

    json_keys = ("label", "description", "rule", "reason")

    @property
    def description(self) -> str:
        return {"same_story": "same story (derived from the same source text)",
                "same_event": "same event, different source text",
                "unrelated": "unrelated (no shared source text, not visibly the same event; "
                             "the topic may still be the same)"}[self.label]


# --- fingerprints and measures --------------------------------------------------------

_TOKEN = re.compile(r"\w+(?:['’.-]\w+)*")
_NAME_RUN = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’-]*[ \t]+)+[A-ZÀ-ÖØ-Þ][\w'’-]*")
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


def _grams(hashes: list[int], n: int) -> frozenset[int]:
    """Hashes of the word n-grams: sum of hash * 1000003**k, modulo 2**32."""
    import numpy as np

    if len(hashes) < n:
        return frozenset()
    arr = np.asarray(hashes, dtype=np.uint64)
    acc = np.zeros(len(arr) - n + 1, dtype=np.uint64)
    for k in range(n):
        acc = acc * np.uint64(1000003) + arr[k:len(arr) - n + 1 + k]
    return frozenset((acc & np.uint64(_MASK)).tolist())


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


def fingerprint(text: str | Document, *, clean: bool = True) -> Fingerprint:
    """Fingerprint an article (boilerplate lines left out when ``clean`` and the cleaner exists).

    Tokens here are a fast regex (letters/digits with inner apostrophes, hyphens, dots),
    lower-cased with accents folded, as in :func:`medialit.compare.alignment.normalize_word`.

    >>> fp = fingerprint("Officials at the White House said on Monday that talks went well.")
    >>> sorted(fp.names), fp.n_words
    (['white house'], 12)

    A :class:`~medialit.corpus.document.Document` gives its own boilerplate lines and keeps
    the fingerprint (the layer ("compare.fingerprint", clean)).
    """
    if isinstance(text, Document):
        return text.layer(("compare.fingerprint", clean),
                          lambda d: _fingerprint(d.text, list(d.boilerplate) if clean else []))
    return _fingerprint(text, boilerplate_of(text) if clean else [])


def _fingerprint(text: str, skip: list) -> Fingerprint:
    if skip:
        text = _without(text, skip)
    norm = [normalize_word(w) for w in _TOKEN.findall(text)]
    hashes = _hash_words(norm)
    skeleton = [h for h, w in zip(hashes, norm) if w in FUNCTION_WORDS]
    names = set()
    for m in _NAME_RUN.finditer(text):
        run = [normalize_word(w).removesuffix("'s") for w in m.group().split()]
        while run and run[0] in FUNCTION_WORDS:
            run.pop(0)
        names.update(f"{x} {y}" for x, y in zip(run, run[1:]))
    return Fingerprint(_grams(hashes, WORD_NGRAM), _grams(skeleton, FUNCTION_NGRAM), frozenset(names), len(norm))


def _containment(x: frozenset, y: frozenset) -> float:
    small = min(len(x), len(y))
    return len(x & y) / small if small else 0.0


def evidence(a: str | Document | Fingerprint, b: str | Document | Fingerprint, *, pairs: list[AlignedPair] | None = None,
             sentences_a: int | None = None, sentences_b: int | None = None) -> Evidence:
    """Measure text reuse between two articles (texts, Documents or fingerprints).

    ``pairs`` (from :func:`align`) adds the sentence-level evidence; without it
    ``close_pairs`` is ``None`` and the alignment rule cannot fire.
    """
    fa = a if isinstance(a, Fingerprint) else fingerprint(a)
    fb = b if isinstance(b, Fingerprint) else fingerprint(b)
    shared = fa.names & fb.names
    union = fa.names | fb.names
    close = None
    if pairs is not None:
        close = sum(1 for p in pairs if p.kind in ("matched", "split", "joined") and p.similarity >= CLOSE_THRESHOLD)
        if sentences_a is None:
            sentences_a = sum(1 for p in pairs if p.a is not None)
        if sentences_b is None:
            sentences_b = len({(p.b.start, p.b.end) for p in pairs if p.b is not None})
    return Evidence(_containment(fa.words, fb.words), _containment(fa.skeleton, fb.skeleton), close,
                    sentences_a, sentences_b, tuple(sorted(shared)), len(shared) / len(union) if union else 0.0)


def similarity(a: str | Document, b: str | Document) -> float:
    """Text-reuse similarity in [0, 1]: the share of the shorter article's word triples
    (or function-word patterns, whichever is higher) also found in the other.

    >>> similarity("The storm closed the port on Friday.", "The storm closed the port on Friday.")
    1.0
    """
    return evidence(a, b).score


def needs_alignment(ev: Evidence) -> bool:
    """True when the cheap measures are in the grey zone where sentence alignment could decide."""
    return (ev.word_containment < SHARED_WORDING and ev.function_word_containment < SHARED_SKELETON
            and (ev.word_containment >= GREY_WORDING or ev.function_word_containment >= GREY_SKELETON))


def verdict(ev: Evidence) -> Verdict:
    """Apply the rules, in order; the first that fires decides (see docs/compare.md)."""
    wc, fc = ev.word_containment, ev.function_word_containment
    if wc >= SHARED_WORDING:
        return Verdict("same_story", "shared_wording",
                       f"{wc:.0%} of the shorter article's word triples also appear in the other "
                       f"(threshold {SHARED_WORDING:.0%})")
    if fc >= SHARED_SKELETON:
        return Verdict("same_story", "shared_skeleton",
                       f"{fc:.0%} of the shorter article's function-word patterns recur in the other, "
                       f"as when words are swapped for synonyms (threshold {SHARED_SKELETON:.0%})")
    if ev.close_pairs is not None and ev.sentences_a and ev.sentences_b:
        shorter = min(ev.sentences_a, ev.sentences_b)
        if ev.close_pairs >= CLOSE_PAIRS_MIN and ev.close_pairs >= CLOSE_PAIRS_SHARE * shorter:
            return Verdict("same_story", "aligned_sentences",
                           f"{ev.close_pairs} of {shorter} sentences have a close rewrite in the other "
                           f"(similarity >= {CLOSE_THRESHOLD}; needs {CLOSE_PAIRS_MIN} and "
                           f"{CLOSE_PAIRS_SHARE:.0%})")
    n = len(ev.shared_names)
    if n >= SAME_EVENT_NAMES_MIN and ev.name_overlap >= SAME_EVENT_NAMES:
        shown = ", ".join(ev.shared_names[:6]) + (", ..." if n > 6 else "")
        return Verdict("same_event", "shared_names",
                       f"little shared wording ({ev.score:.0%}) but {n} shared names ({shown}; "
                       f"overlap {ev.name_overlap:.0%}, threshold {SAME_EVENT_NAMES:.0%})")
    return Verdict("unrelated", "nothing_shared",
                   f"little shared wording ({ev.score:.0%}) and few shared names ({n}, "
                   f"overlap {ev.name_overlap:.0%})")


# --- the full comparison --------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Comparison(Record):
    """Everything :func:`compare` found; ``to_dict()`` follows the CLI's JSON contract."""

    similarity: float = field(metadata=as_json(convert=rounded(4)))
    verdict: Verdict
    evidence: Evidence
    pairs: tuple[AlignedPair, ...]
    quote_changes: tuple
    attribution_changes: tuple

    json_keys = ("similarity", "same_story", "pairs", "quote_changes", "verdict", "evidence", "attribution_changes")

    @property
    def same_story(self) -> bool:
        return self.verdict.label == "same_story"


def compare(a_text: str | Document, b_text: str | Document) -> Comparison:
    """Compare two articles: similarity, verdict, aligned sentences, quote and attribution drift.

    Either article may be a :class:`~medialit.corpus.document.Document`: its sentences,
    boilerplate lines and quotations are reused (and kept for the next comparison). A plain
    text is read once here too: each of its boilerplate lines, sentences and quotations is
    worked out once.

    >>> c = compare("The mayor said the bridge will close.", "The mayor said the bridge will close.")
    >>> c.same_story, c.pairs[0].kind
    (True, 'matched')
    """
    from medialit.compare.drift import attribution_drift, quote_drift

    a = as_document(a_text)
    b = a if b_text is a_text else as_document(b_text)
    sa, sb = prepare(a), prepare(b)
    pairs = align_prepared(a.text, sa, b.text, sb)
    ev = evidence(a, b, pairs=pairs, sentences_a=len(sa), sentences_b=len(sb))
    quotes, attributions = quote_drift(a, b, sa, sb)
    attributions = attributions + attribution_drift(pairs)
    return Comparison(ev.score, verdict(ev), ev, tuple(pairs), tuple(quotes), tuple(attributions))
