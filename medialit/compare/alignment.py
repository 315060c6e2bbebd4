"""Sentence alignment and word-level changes between two versions of a story.

This is the part of :mod:`medialit.compare.comparison` that answers "which sentence of B is the
rewrite of this sentence of A, and what exactly changed?". It works on the
non-boilerplate sentences of each text (``sentences(text, skip=find_boilerplate(text))``).

How two sentences are scored (``sentence_similarity``), all on lower-cased words:

* ``order``: difflib's ratio over the two word sequences (function words included). It
  stays high when a "spinner" swaps content words for synonyms but keeps the sentence's
  skeleton ("the company said on Tuesday" / "the firm stated on Tuesday").
* ``overlap``: Dice overlap of the content words (light suffix stripping, names and
  numbers weighted half, because two stories about the same event share names without
  sharing any wording). It stays high when a rewrite reorders clauses.
* The score is ``max(order, (order + overlap) / 2)``.

Sentences are paired greedily, best score first, one to one, when the score reaches
``PAIR_THRESHOLD`` and they share at least two content words (or their order score alone
is high and they are not tiny).
Then one-to-many rewrites are handled: a sentence split into two neighbours, two
neighbours joined into one, and a sentence whose material was folded into a sentence
that already has a partner (kind ``"partial"``). See ``docs/compare.md`` for the limits.

Example:
    >>> pairs = align("The mayor said on Monday that the bridge will close.",
    ...               "The mayor announced on Monday that the old bridge will close.")
    >>> [(c.op, c.a, c.b) for c in pairs[0].changes]
    [('replace', 'said', 'announced'), ('insert', '', 'old')]
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from medialit.corpus.document import Document
from medialit.records import Record, as_json, rounded
from medialit.text.split import Span, sentences, words

# Score at which two sentences count as counterparts (see docs/compare.md for how it was chosen).
PAIR_THRESHOLD = 0.3
# A pair at or above this score is a "close" rewrite; the verdict counts these.
CLOSE_THRESHOLD = 0.5
# Content words two sentences must share to be paired (a name or number counts half).
SHARED_CONTENT_MIN = 1.5
# Order score that is enough on its own (spinner rewrites keep the function-word skeleton).
ORDER_ONLY_THRESHOLD = 0.6
# A split/join is accepted when the joined span scores this much better than the single one.
JOIN_GAIN = 0.05
# "partial": an unpaired sentence lends a run of >= PARTIAL_RUN words (>= 2 content words)
# to a sentence that already has a partner.
PARTIAL_RUN = 4

# English function words: closed-class words (articles, pronouns, prepositions,
# conjunctions, auxiliaries, common adverbs), written for this project from standard
# grammar lists. They carry a sentence's structure, not its topic.
FUNCTION_WORDS = frozenset("""
a an the this that these those some any each every either neither no all both few many
much more most other another such what which who whom whose whatever whichever
i me my mine we us our ours you your yours he him his she her hers it its they them their
theirs myself ourselves yourself himself herself itself themselves one ones
of to in on at by for with from as into onto over under about above below after before
between through during against among across along around behind beyond within without
upon toward towards off out up down via per than like near since until till
and or but nor so yet if then else because although though while whereas unless whether
is are was were be been being am has have had having do does did doing done
will would shall should can could may might must ought
not never also just only very too quite rather even still already again once ever
here there where when why how now thus hence however therefore
""".split())


@dataclass(frozen=True, slots=True)
class WordChange(Record):
    """One word-level edit turning a stretch of sentence A into sentence B.

    ``op`` is ``"insert"``, ``"delete"`` or ``"replace"``; ``a``/``b`` are the surface
    text on each side ("" for the empty side); offsets point into the full articles
    (``None`` on the side of a sentence that has no counterpart at all).
    """

    op: str
    a: str
    b: str
    a_start: int | None
    a_end: int | None
    b_start: int | None
    b_end: int | None


@dataclass(frozen=True, slots=True)
class AlignedPair(Record):
    """A sentence of A and its counterpart in B (either side may be ``None``).

    ``kind``: ``"matched"`` (one to one), ``"split"`` (A's sentence became two neighbouring
    sentences of B; ``b`` spans both), ``"joined"`` (two neighbouring sentences of A became
    one of B; ``a`` spans both), ``"partial"`` (part of A's sentence was folded into a B
    sentence that already has a partner), ``"a_only"`` (dropped), ``"b_only"`` (added).
    """

    a: Span | None = field(metadata=as_json(convert=lambda span: span.text if span else ""))
    b: Span | None = field(metadata=as_json(convert=lambda span: span.text if span else ""))
    similarity: float = field(metadata=as_json(convert=rounded(3)))
    changes: tuple[WordChange, ...]
    kind: str

    # In JSON the two sentences are flat: their texts, then their offsets.
    json_keys = ("a", "b", "similarity", "changes", "kind", "a_start", "a_end", "b_start", "b_end")

    @property
    def a_start(self) -> int | None:
        return self.a.start if self.a else None

    @property
    def a_end(self) -> int | None:
        return self.a.end if self.a else None

    @property
    def b_start(self) -> int | None:
        return self.b.start if self.b else None

    @property
    def b_end(self) -> int | None:
        return self.b.end if self.b else None


def normalize_word(word: str) -> str:
    """Lower-case, fold accents and curly apostrophes: ``"Guaidó’s"`` -> ``"guaido's"``."""
    word = word.lower()
    if not word.isascii():
        word = word.replace("’", "'").replace("‘", "'")
        word = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    return word


def stem(word: str) -> str:
    """A deliberately light suffix stripper (``"sanctions"`` -> ``"sanction"``)."""
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


_NUMBER = re.compile(r"^[\d.,]+$")


class PreparedSentence:
    """A sentence with its word tokens, prepared once for scoring."""

    __slots__ = ("span", "spans", "norm", "content")

    def __init__(self, span: Span, spans: list[Span]):
        self.span = span
        self.spans = spans
        self.norm = [t.lower() if t.isascii() else normalize_word(t) for t in (w.text for w in spans)]
        content: dict[str, float] = {}
        stems = _STEMS
        if len(stems) > 200_000:
            stems.clear()
        number = _NUMBER.match
        for i, (w, n) in enumerate(zip(spans, self.norm)):
            if n in FUNCTION_WORDS:
                continue
            is_name = (i > 0 and w.text[:1].isupper()) or bool(number(n))
            key = stems.get(n)
            if key is None:
                key = stems[n] = stem(n)
            weight = 0.5 if is_name else 1.0
            if content.get(key, 0.0) < weight:
                content[key] = weight
        self.content = content


_STEMS: dict[str, str] = {}


def prepare(text: str | Document, spans: list[Span] | None = None) -> list[PreparedSentence]:
    """Sentences of ``text`` (non-boilerplate unless ``spans`` is given), tokenised for scoring.

    A :class:`~medialit.corpus.document.Document` gives its own sentences, and keeps the
    result (the layer "compare.sentences") for the next comparison of the same article.
    """
    if isinstance(text, Document) and spans is None:
        return list(text.layer("compare.sentences", lambda d: tuple(_prepare(d.sentences, d.text))))
    return _prepare(article_sentences(text) if spans is None else spans, text_of(text))


def _prepare(spans, text: str | None = None) -> list[PreparedSentence]:
    """Tokenise each sentence span. With ``text`` (the article the spans point into), the
    article is tokenised once and its words dealt out to the sentences (no second copy of
    every word's span: this matters on huge one-sentence inputs); a sentence whose words
    differ from its own tokenisation at either end is tokenised on its own."""
    import bisect

    spans = list(spans)
    out = []
    if text is not None and spans and all(text[sp.start:sp.end] == sp.text for sp in spans[:3]):
        everything = words(text)
        starts = [w.start for w in everything]
        for sp in spans:
            lo, hi = bisect.bisect_left(starts, sp.start), bisect.bisect_left(starts, sp.end)
            toks = everything[lo:hi]
            if toks and toks[-1].end <= sp.end and _same_ends(toks, sp):
                out.append(PreparedSentence(sp, toks))
            elif (alone := [Span(sp.start + w.start, sp.start + w.end, w.text) for w in words(sp.text)]):
                out.append(PreparedSentence(sp, alone))
        return out
    for sp in spans:
        toks = [Span(sp.start + w.start, sp.start + w.end, w.text) for w in words(sp.text)]
        if toks:
            out.append(PreparedSentence(sp, toks))
    return out


def _same_ends(toks: list[Span], sp: Span) -> bool:
    """Whether the article's words inside ``sp`` start and end as ``sp``'s own words do."""
    head = words(sp.text[: toks[0].end - sp.start + 1])
    tail = words(sp.text[toks[-1].start - sp.start:])
    return bool(head and tail) and head[0].text == toks[0].text and tail[-1].text == toks[-1].text \
        and sp.start + head[0].start == toks[0].start


def article_sentences(text: str | Document) -> list[Span]:
    """The non-boilerplate sentences of ``text`` (boilerplate detection when available).

    >>> [s.text for s in article_sentences("Rain fell.\\nShare this article")]
    ['Rain fell.']
    """
    if isinstance(text, Document):
        return list(text.sentences)
    return sentences(text, skip=boilerplate_of(text))


def boilerplate_of(text: str | Document) -> list:
    if isinstance(text, Document):
        return list(text.boilerplate)
    try:
        from medialit.corpus.clean import find_boilerplate
    except ImportError:  # the cleaner is optional: without it every line counts
        return []
    return find_boilerplate(text)


def text_of(text: str | Document) -> str:
    """The text itself, given a str or a :class:`~medialit.corpus.document.Document`."""
    return text.text if isinstance(text, Document) else text


def _shared(x: PreparedSentence, y: PreparedSentence) -> float:
    return sum(min(w, y.content[k]) for k, w in x.content.items() if k in y.content)


def _scores(x: PreparedSentence, y: PreparedSentence) -> tuple[float, float]:
    order = sequence_ratio(x.norm, y.norm)
    total = sum(x.content.values()) + sum(y.content.values())
    overlap = 2 * _shared(x, y) / total if total else 0.0
    return order, overlap


def _score(x: PreparedSentence, y: PreparedSentence) -> float:
    order, overlap = _scores(x, y)
    return max(order, (order + overlap) / 2)


def sentence_similarity(a: str, b: str) -> float:
    """Similarity of two sentences in [0, 1] (see the module docstring).

    >>> round(sentence_similarity("The firm said on Tuesday it would cut 500 jobs.",
    ...                           "The company stated on Tuesday it would shed 500 jobs."), 2)
    0.7
    """
    x = prepare(a, [Span(0, len(a), a)])
    y = prepare(b, [Span(0, len(b), b)])
    return _score(x[0], y[0]) if x and y else 0.0


def word_changes(a_text: str, a: Span, b_text: str, b: Span) -> tuple[WordChange, ...]:
    """Word-level insert/delete/replace operations turning span ``a`` into span ``b``.

    Words are compared lower-cased with accents folded; each change carries the surface
    text and offsets from the articles.
    """
    aw = [Span(a.start + w.start, a.start + w.end, w.text) for w in words(a.text)]
    bw = [Span(b.start + w.start, b.start + w.end, w.text) for w in words(b.text)]
    return _diff(a_text, aw, b_text, bw)


def _diff(a_text: str, aw: list[Span], b_text: str, bw: list[Span], an: list[str] | None = None,
          bn: list[str] | None = None) -> tuple[WordChange, ...]:
    ops = sequence_opcodes(an if an is not None else [normalize_word(w.text) for w in aw],
                           bn if bn is not None else [normalize_word(w.text) for w in bw])
    out = []
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            continue
        a0, a1 = _stretch(aw, i1, i2)
        b0, b1 = _stretch(bw, j1, j2)
        out.append(WordChange(op, a_text[a0:a1], b_text[b0:b1], a0, a1, b0, b1))
    return tuple(out)


def _stretch(ws: list[Span], i: int, j: int) -> tuple[int, int]:
    """Character range covered by words ``ws[i:j]``; an empty range sits before ``ws[i]``."""
    if i < j:
        return ws[i].start, ws[j - 1].end
    if i < len(ws):
        return ws[i].start, ws[i].start
    return (ws[-1].end, ws[-1].end) if ws else (0, 0)


def align(a: str | Document, b: str | Document) -> list[AlignedPair]:
    """Pair each sentence of article ``a`` with its counterpart in article ``b``.

    Every non-boilerplate sentence of ``a`` appears once (paired, or ``a_only``); the
    sentences of ``b`` that nothing in ``a`` explains appear as ``b_only`` pairs, placed
    after the pair holding the sentence that precedes them in ``b`` (or, when none does,
    before the first pair with a ``b`` side).

    >>> [p.kind for p in align("Rain fell. The match was called off at noon.",
    ...                        "The match was called off at noon. Fans went home.")]
    ['a_only', 'matched', 'b_only']
    """
    sa, sb = prepare(a), prepare(b)
    return align_prepared(text_of(a), sa, text_of(b), sb)


def align_prepared(a: str, sa: list[PreparedSentence], b: str, sb: list[PreparedSentence]) -> list[AlignedPair]:
    """:func:`align` on sentences already prepared with :func:`prepare`."""
    scores: dict[tuple[int, int], float] = {}
    for i, x in enumerate(sa):
        for j, y in enumerate(sb):
            if _shared(x, y) < SHARED_CONTENT_MIN:
                if min(len(x.norm), len(y.norm)) >= 5:
                    order = sequence_ratio(x.norm, y.norm)
                    if order >= ORDER_ONLY_THRESHOLD:
                        scores[i, j] = order
                continue
            s = _score(x, y)
            if s >= PAIR_THRESHOLD:
                scores[i, j] = s
    a_to_b: dict[int, int] = {}
    b_to_a: dict[int, int] = {}
    for (i, j), s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if i not in a_to_b and j not in b_to_a:
            a_to_b[i], b_to_a[j] = j, i

    pairs: dict[int, AlignedPair] = {}  # keyed by first a index
    used_a: set[int] = set()
    used_b: set[int] = set()
    for i in sorted(a_to_b):
        if i in used_a:
            continue
        j = a_to_b[i]
        base = scores[i, j]
        a_idx, b_idx, kind, best = [i], [j], "matched", base
        for nj in (j - 1, j + 1):  # split: A's sentence became two neighbours in B
            if 0 <= nj < len(sb) and nj not in b_to_a and nj not in used_b:
                joined = _join(b, sb, sorted([j, nj]))
                s = _score(sa[i], joined)
                if s > best + JOIN_GAIN:
                    b_idx, kind, best = sorted([j, nj]), "split", s
        if kind == "matched":
            for ni in (i - 1, i + 1):  # joined: two neighbours in A became one sentence of B
                if 0 <= ni < len(sa) and ni not in a_to_b and ni not in used_a:
                    joined = _join(a, sa, sorted([i, ni]))
                    s = _score(joined, sb[j])
                    if s > best + JOIN_GAIN:
                        a_idx, kind, best = sorted([i, ni]), "joined", s
        used_a.update(a_idx)
        used_b.update(b_idx)
        pairs[a_idx[0]] = _pair(a, sa, a_idx, b, sb, b_idx, best, kind)

    for i, x in enumerate(sa):  # partial: material folded into an already paired sentence
        if i in used_a:
            continue
        j = _partial_target(x, sb, b_to_a, sa)
        if j is not None:
            used_a.add(i)
            pairs[i] = _pair(a, sa, [i], b, sb, [j], _score(x, sb[j]), "partial")
            used_b.add(j)

    ordered = [pairs[i] if i in pairs else AlignedPair(sa[i].span, None, 0.0, _whole(sa[i].span, None, b), "a_only")
               for i in range(len(sa)) if i in pairs or i not in used_a]
    return _place_b_only(ordered, b, sb, used_b)


def _join(text: str, sents: list[PreparedSentence], idx: list[int]) -> PreparedSentence:
    first, last = sents[idx[0]], sents[idx[-1]]
    span = Span(first.span.start, last.span.end, text[first.span.start:last.span.end])
    return PreparedSentence(span, [w for k in idx for w in sents[k].spans])


def _pair(a: str, sa: list[PreparedSentence], a_idx: list[int], b: str, sb: list[PreparedSentence], b_idx: list[int],
          score: float, kind: str) -> AlignedPair:
    x = _join(a, sa, a_idx) if len(a_idx) > 1 else sa[a_idx[0]]
    y = _join(b, sb, b_idx) if len(b_idx) > 1 else sb[b_idx[0]]
    return AlignedPair(x.span, y.span, score, _diff(a, x.spans, b, y.spans, x.norm, y.norm), kind)


def _partial_target(x: PreparedSentence, sb: list[PreparedSentence], b_to_a: dict[int, int], sa: list[PreparedSentence]) -> int | None:
    """The paired B sentence to which ``x`` lends a long-enough run of words not explained
    by that sentence's own partner, if any."""
    best, best_gain = None, 0
    for j, y in enumerate(sb):
        if j not in b_to_a or not (x.content.keys() & y.content.keys()):
            continue
        partner = sa[b_to_a[j]]
        covered = set()
        for _, mb, size in matching_blocks(partner.norm, y.norm):
            covered.update(range(mb, mb + size))
        gain = 0
        for _, mb, size in matching_blocks(x.norm, y.norm):
            new = [k for k in range(mb, mb + size) if k not in covered]
            if len(new) >= PARTIAL_RUN - 1 and sum(y.norm[k] not in FUNCTION_WORDS for k in new) >= 2:
                gain += len(new)
        if gain >= PARTIAL_RUN and gain > best_gain:
            best, best_gain = j, gain
    return best


def _whole(a: Span | None, b: Span | None, _b_text: str) -> tuple[WordChange, ...]:
    if a is not None:
        return (WordChange("delete", a.text, "", a.start, a.end, None, None),)
    assert b is not None
    return (WordChange("insert", "", b.text, None, None, b.start, b.end),)


def _place_b_only(pairs: list[AlignedPair], b: str, sb: list[PreparedSentence], used_b: set[int]) -> list[AlignedPair]:
    out = list(pairs)
    for j, y in enumerate(sb):
        if j in used_b:
            continue
        extra = AlignedPair(None, y.span, 0.0, _whole(None, y.span, b), "b_only")
        # after the pair holding the nearest preceding B sentence (and any B-only ones after it);
        # with none, before the first pair that has a B side (or at the end)
        pos, nearest = None, -1
        for k, p in enumerate(out):
            if p.b is not None and nearest < p.b.start < y.span.start:
                pos, nearest = k + 1, p.b.start
        if pos is None:
            pos = next((k for k, p in enumerate(out) if p.b is not None), len(out))
        while pos < len(out) and out[pos].kind == "b_only" and out[pos].b.start < y.span.start:
            pos += 1
        out.insert(pos, extra)
    return out


# --- word sequence matching that stays linear on huge inputs ---------------------------
# difflib's SequenceMatcher is quadratic in the worst case: fine for sentences, far too
# slow for one giant "sentence" of a pasted 2 MB line. Above DIRECT_LIMIT (product of the
# two lengths) the sequences are first cut at *anchors*: words (else word pairs) that occur
# exactly once on each side, kept in an order both sides agree on (a longest increasing
# subsequence, as in "patience" diff); only the stretches between anchors go to difflib.
DIRECT_LIMIT = 250_000
GIVE_UP_LIMIT = 4_000_000   # a stretch this large with no anchor at all counts as replaced


def _lis(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of ``pairs`` (sorted by first item) increasing in the second item."""
    import bisect

    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos else -1
    out = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        out.append(pairs[k])
        k = prev[k]
    return out[::-1]


def _anchors(hx, hy, x0: int, x1: int, y0: int, y1: int, n: int) -> list[tuple[int, int]]:
    """Positions ``(i, j)`` of the n-grams that occur once in ``x[x0:x1]`` and once in
    ``y[y0:y1]`` (``hx``/``hy``: the sequences' items hashed to a numpy int64 array)."""
    import numpy as np

    def unique_grams(h, lo, hi):
        part = h[lo:hi]
        if len(part) < n:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        key = part[:len(part) - n + 1].copy()
        for k in range(1, n):
            key = key * np.int64(1000003) + part[k:len(part) - n + 1 + k]
        vals, first, counts = np.unique(key, return_index=True, return_counts=True)
        once = counts == 1
        return vals[once], first[once] + lo

    with np.errstate(over="ignore"):
        vx, px = unique_grams(hx, x0, x1)
        vy, py = unique_grams(hy, y0, y1)
    _, ix, iy = np.intersect1d(vx, vy, assume_unique=True, return_indices=True)
    order = np.argsort(px[ix], kind="stable")
    return _lis(list(zip(px[ix][order].tolist(), py[iy][order].tolist())))


_LAST_BLOCKS: list = [None, None, None]  # the last (x, y, blocks): ratio and opcodes of one pair share them


def matching_blocks(x: list, y: list) -> list[tuple[int, int, int]]:
    """Matching blocks ``(i, j, size)`` of two sequences, in order, ending with ``(len(x), len(y), 0)``
    like difflib's; linear-time on huge inputs (see above), difflib's own answer on small ones."""
    if _LAST_BLOCKS[0] is x and _LAST_BLOCKS[1] is y:
        return _LAST_BLOCKS[2]
    blocks: list[tuple[int, int, int]] = []
    stack = [(0, len(x), 0, len(y))]
    hx = hy = None
    while stack:
        x0, x1, y0, y1 = stack.pop()
        if x0 >= x1 or y0 >= y1:
            continue
        if (x1 - x0) * (y1 - y0) <= DIRECT_LIMIT:
            m = SequenceMatcher(None, x[x0:x1], y[y0:y1], autojunk=False)
            blocks.extend((x0 + a, y0 + b, s) for a, b, s in m.get_matching_blocks() if s)
            continue
        if hx is None:
            import numpy as np
            hx = np.fromiter((hash(w) for w in x), dtype=np.int64, count=len(x))
            hy = np.fromiter((hash(w) for w in y), dtype=np.int64, count=len(y))
        chain = []
        for n in (2, 1, 3):
            chain = _anchors(hx, hy, x0, x1, y0, y1, n)
            if chain:
                break
        if not chain:
            if (x1 - x0) * (y1 - y0) <= GIVE_UP_LIMIT:
                m = SequenceMatcher(None, x[x0:x1], y[y0:y1], autojunk=False)
                blocks.extend((x0 + a, y0 + b, s) for a, b, s in m.get_matching_blocks() if s)
            continue
        size = n
        prev_i, prev_j = x0, y0
        for i, j in chain:
            if i < prev_i or j < prev_j:
                continue
            # grow the anchor while both sides agree (forwards only: the gap before is diffed)
            s = size
            while i + s < x1 and j + s < y1 and x[i + s] == y[j + s]:
                s += 1
            stack.append((prev_i, i, prev_j, j))
            blocks.append((i, j, s))
            prev_i, prev_j = i + s, j + s
        stack.append((prev_i, x1, prev_j, y1))
    blocks.sort()
    merged: list[tuple[int, int, int]] = []
    for i, j, s in blocks:
        if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + s)
        else:
            merged.append((i, j, s))
    merged.append((len(x), len(y), 0))
    _LAST_BLOCKS[:] = [x, y, merged]
    return merged


def sequence_ratio(x: list, y: list) -> float:
    """difflib's ``ratio()`` (2 * matched / total), computed with :func:`matching_blocks`."""
    total = len(x) + len(y)
    if not total:
        return 1.0
    if len(x) * len(y) <= DIRECT_LIMIT:
        return SequenceMatcher(None, x, y, autojunk=False).ratio()
    return 2.0 * sum(s for _, _, s in matching_blocks(x, y)) / total


def sequence_opcodes(x: list, y: list) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes (``equal``/``replace``/``delete``/``insert``) from :func:`matching_blocks`."""
    if len(x) * len(y) <= DIRECT_LIMIT:
        return SequenceMatcher(None, x, y, autojunk=False).get_opcodes()
    out = []
    i = j = 0
    for a, b, s in matching_blocks(x, y):
        tag = "replace" if i < a and j < b else "delete" if i < a else "insert" if j < b else None
        if tag:
            out.append((tag, i, a, j, b))
        if s:
            out.append(("equal", a, a + s, b, b + s))
        i, j = a + s, b + s
    return out
