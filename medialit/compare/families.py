"""Story families: group articles derived from the same source text.

Comparing every pair of 10,000 articles is 50 million comparisons; instead:

1. fingerprint each article once (:func:`medialit.compare.comparison.fingerprint`);
2. propose candidate pairs from an inverted index of a fixed sample of each article's word
   triples and function-word patterns (those whose hash is 0 modulo ``SAMPLE``): two
   articles are candidates when they share ``MIN_SAMPLED`` sampled grams. Sampling by
   hash keeps *containment*: a short early version shares its sample with the long later
   one, which a Jaccard-based MinHash would miss. Grams carried by more than ``MAX_DF``
   articles (set phrases, site furniture) propose nothing;
3. verify each candidate with the exact rules of :func:`medialit.compare.comparison.verdict`
   (set containment; sentence alignment only in the grey zone); a pair that passes is
   checked once more without a template only the two of them share
   (:func:`medialit.compare.furniture.pair_furniture`);
4. join verified pairs into families (union-find). A family is therefore connected by a
   chain of verified pairs: A~B and B~C put A and C together even if A and C alone would
   not pass (documented in docs/compare.md).

Example:
    >>> story_families({"x": "The storm closed the port on Friday and ships waited offshore.",
    ...                 "y": "The storm closed the port on Friday and ships waited offshore.",
    ...                 "z": "Parliament passed the budget after a long night of debate."})
    [['x', 'y'], ['z']]
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from medialit.records import Record, as_json, rounded
from medialit.compare.comparison import Fingerprint, evidence, fingerprint, needs_alignment, verdict
from medialit.compare.furniture import Furniture, FurnitureLine, learn_furniture

SAMPLE = 4             # one gram in SAMPLE (by hash) goes into the candidate index
MIN_SAMPLED = 2        # sampled grams two articles must share to be compared
MAX_DF = 50            # a gram in more articles than this proposes no pairs
EXACT_PAIRS_UP_TO = 60  # below this many articles every pair is verified exactly (n^2/2 = 1,770 cheap checks)
CHUNK = 64             # articles (or candidate pairs, x8) handed to a worker process at a time


@dataclass(frozen=True, slots=True)
class FamilyLink(Record):
    """A verified pair inside a family, with the rule that linked it."""

    a: str
    b: str
    rule: str
    similarity: float = field(metadata=as_json(convert=rounded(4)))


def article_items(articles) -> list[tuple[str, str]]:
    """(id, text) pairs from a mapping id -> text, a Corpus, or an iterable of Articles."""
    if isinstance(articles, Mapping):
        items = list(articles.items())
    else:
        items = []
        for art in articles:
            if isinstance(art, tuple) and len(art) == 2:
                items.append((str(art[0]), art[1]))
            elif hasattr(art, "id") and hasattr(art, "text"):
                items.append((str(art.id), art.text))
            else:
                raise TypeError(f"story_families: cannot read an article from {type(art).__name__!r}; "
                                "give a mapping id -> text, a Corpus, or Articles with .id and .text")
    for key, text in items:
        if not isinstance(text, str):
            raise TypeError(f"story_families: article {key!r} has text of type {type(text).__name__}, not str")
    return items


def story_families(articles: Mapping[str, str] | Iterable, *, progress: bool = False, clean: bool = True,
                   links: list[FamilyLink] | None = None, jobs: int = 1,
                   furniture: list[FurnitureLine] | None = None) -> list[list[str]]:
    """Group articles derived from the same source text; singletons are families of one.

    ``articles``: a mapping id -> text, a :class:`medialit.corpus.articles.Corpus`, or Articles.
    ``progress`` shows a progress bar (tqdm; ``tqdm.auto`` picks the notebook widget).
    ``links``, if a list is given, receives every verified pair with its deciding rule.
    ``furniture``, if a list is given, receives the site furniture learned from the
    collection (:mod:`medialit.compare.furniture`; only when ``clean``), which comparison
    leaves out. ``jobs`` > 1 fingerprints and verifies in that many processes; the result
    is the same as with one.
    Families come in input order of their first member, members in input order.
    """
    items = article_items(articles)
    ids = [k for k, _ in items]
    if len(set(ids)) != len(ids):
        seen: set[str] = set()
        dup = next(k for k in ids if k in seen or seen.add(k))
        raise ValueError(f"story_families: article id {dup!r} appears more than once")
    bar = _progress(progress)
    learned = learn_furniture(t for _, t in items) if clean and len(items) >= 3 else Furniture()
    if furniture is not None:
        furniture.extend(learned.lines)
    global _STATE
    _STATE = (items, clean, learned, None)
    try:
        # two pools: workers are forked after _STATE holds what they need (fingerprints for the second)
        with _pool(jobs, len(items)) as pool:
            if pool is None:
                fps = [_fingerprint_one(k) for k in bar(range(len(items)), "fingerprints")]
            else:
                fps = [fp for chunk in bar(pool.imap(_fingerprint_range, _ranges(len(items), CHUNK)),
                                           "fingerprints") for fp in chunk]
        _STATE = (items, clean, learned, fps)
        candidates = sorted(_candidates(fps))
        with _pool(jobs, len(items)) as pool:
            if pool is None:
                verified = [_verify(pair) for pair in bar(candidates, "verifying")]
            else:
                verified = [v for chunk in bar(pool.imap(_verify_many, _chunks(candidates, CHUNK * 8)), "verifying")
                            for v in chunk]
    finally:
        _STATE = None
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), result in zip(candidates, verified):
        if result is None:
            continue
        rule, score = result
        parent[find(i)] = find(j)
        if links is not None:
            links.append(FamilyLink(ids[i], ids[j], rule, score))
    groups: dict[int, list[str]] = {}
    for k, key in enumerate(ids):
        groups.setdefault(find(k), []).append(key)
    return list(groups.values())


# --- the work, shared with worker processes -------------------------------------------
# Workers are forked after _STATE is set, so they read the articles without pickling them.
_STATE = None


def _fingerprint_one(k: int) -> Fingerprint:
    items, clean, learned, _ = _STATE
    return fingerprint(items[k][1], clean=clean, furniture=learned or None)


def _fingerprint_range(r: range) -> list[Fingerprint]:
    return [_fingerprint_one(k) for k in r]


def _verify(pair: tuple[int, int]) -> tuple[str, float] | None:
    """The deciding rule and score when the pair is the same story, else None."""
    items, clean, learned, fps = _STATE
    i, j = pair
    ev = evidence(fps[i], fps[j])
    if needs_alignment(ev):
        from medialit.compare.alignment import align_prepared, prepare
        from medialit.compare.quoted import quoted_spans
        from medialit.text.split import sentences
        from medialit.compare.alignment import boilerplate_of
        texts, preps = [], []
        for k in (i, j):
            t = items[k][1]
            skip = (boilerplate_of(t) if clean else []) + (learned.spans(t) if learned else [])
            texts.append(t)
            preps.append(prepare(t, sentences(t, skip=skip)))
        ev = evidence(fps[i], fps[j], pairs=align_prepared(texts[0], preps[0], texts[1], preps[1]),
                      sentences_a=len(preps[0]), sentences_b=len(preps[1]),
                      quoted=(quoted_spans(texts[0]), quoted_spans(texts[1])))
    v = verdict(ev)
    if v.label == "same_story":
        # a template only these two share (edge lines, rest unrelated) must not join them
        from medialit.compare.furniture import Furniture, pair_furniture
        ta, tb = items[i][1], items[j][1]
        pair = pair_furniture(ta, tb)
        if pair:
            both = Furniture(tuple(learned.lines) + pair.lines, learned.keys | pair.keys)
            ev = evidence(fingerprint(ta, clean=clean, furniture=both), fingerprint(tb, clean=clean, furniture=both))
            v = verdict(ev)
    return (v.rule, ev.score) if v.label == "same_story" else None


def _verify_many(pairs: list[tuple[int, int]]) -> list:
    return [_verify(p) for p in pairs]


def _ranges(n: int, size: int):
    return [range(k, min(n, k + size)) for k in range(0, n, size)]


def _chunks(seq: list, size: int):
    return [seq[k:k + size] for k in range(0, len(seq), size)]


class _NoPool:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _pool(jobs: int, n: int):
    """A pool of ``jobs`` forked processes, or none for one job or a small collection."""
    if jobs is None or jobs <= 1 or n <= EXACT_PAIRS_UP_TO:
        return _NoPool()
    import multiprocessing
    try:
        ctx = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform: one process
        return _NoPool()
    return ctx.Pool(jobs)


def _candidates(fps: list[Fingerprint]) -> list[tuple[int, int]]:
    """Pairs worth verifying: every pair for a small corpus, else the pairs that share at
    least ``MIN_SAMPLED`` sampled grams (see the module docstring)."""
    n = len(fps)
    if n <= EXACT_PAIRS_UP_TO:
        return [(i, j) for j in range(n) for i in range(j)]
    import numpy as np

    grams, docs = [], []
    for k, fp in enumerate(fps):
        g = np.concatenate([np.asarray(fp.words, dtype=np.uint32),
                            np.asarray(fp.skeleton, dtype=np.uint32) ^ np.uint32(0x5BD1E995)])
        g = np.unique(g[(g * np.uint32(2654435761)) >> np.uint32(29) < np.uint32(8 // SAMPLE)])
        grams.append(g)
        docs.append(np.full(len(g), k, dtype=np.int32))
    if not grams:
        return []
    g = np.concatenate(grams)
    d = np.concatenate(docs)
    del grams, docs
    order = np.argsort(g, kind="stable")
    g, d = g[order], d[order]
    bounds = np.flatnonzero(np.diff(g)) + 1
    starts = np.concatenate([[0], bounds])
    ends = np.concatenate([bounds, [len(g)]])
    sizes = ends - starts
    codes = []
    two = starts[sizes == 2]  # most shared grams are shared by two articles: pair them at once
    if len(two):
        a, b = d[two].astype(np.int64), d[two + 1].astype(np.int64)
        codes.append(np.minimum(a, b) * n + np.maximum(a, b))
    keep = (sizes > 2) & (sizes <= MAX_DF)
    for s, e in zip(starts[keep].tolist(), ends[keep].tolist()):
        members = d[s:e].astype(np.int64)
        ii, jj = np.triu_indices(len(members), 1)
        a, b = members[ii], members[jj]
        codes.append(np.minimum(a, b) * n + np.maximum(a, b))
    if not codes:
        return []
    pairs, counts = np.unique(np.concatenate(codes), return_counts=True)
    pairs = pairs[counts >= MIN_SAMPLED]
    return [(int(p // n), int(p % n)) for p in pairs]


def _progress(enabled: bool):
    if not enabled:
        return lambda it, desc: it
    from tqdm.auto import tqdm
    return lambda it, desc: tqdm(it, desc=desc)
