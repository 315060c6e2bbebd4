"""Story families: group articles derived from the same source text.

Comparing every pair of 10,000 articles is 50 million comparisons; instead:

1. fingerprint each article once (:func:`medialit.compare.comparison.fingerprint`);
2. MinHash the union of its word triples and function-word patterns, and let
   locality-sensitive hashing (``datasketch.MinHashLSH``) propose candidate pairs: only
   articles that share a band of MinHash values are ever compared (near-linear work);
3. verify each candidate with the exact rules of :func:`medialit.compare.comparison.verdict`
   (set containment; sentence alignment only in the grey zone);
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
from dataclasses import dataclass

from medialit.compare.comparison import Fingerprint, evidence, fingerprint, needs_alignment, verdict

NUM_PERM = 64          # MinHash permutations: enough for a low LSH threshold, cheap to compute
LSH_THRESHOLD = 0.08   # Jaccard at which pairs become likely candidates (containment 0.12 ~ Jaccard 0.06+)
EXACT_PAIRS_UP_TO = 60  # below this many articles every pair is verified exactly (n^2/2 = 1,770 cheap checks)


@dataclass(frozen=True)
class FamilyLink:
    """A verified pair inside a family, with the rule that linked it."""

    a: str
    b: str
    rule: str
    similarity: float

    def to_dict(self) -> dict:
        return {"a": self.a, "b": self.b, "rule": self.rule, "similarity": round(self.similarity, 4)}


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
                   links: list[FamilyLink] | None = None) -> list[list[str]]:
    """Group articles derived from the same source text; singletons are families of one.

    ``articles``: a mapping id -> text, a :class:`medialit.corpus.articles.Corpus`, or Articles.
    ``progress`` shows a progress bar (tqdm; ``tqdm.auto`` picks the notebook widget).
    ``links``, if a list is given, receives every verified pair with its deciding rule.
    Families come in input order of their first member, members in input order.
    """
    items = article_items(articles)
    ids = [k for k, _ in items]
    if len(set(ids)) != len(ids):
        dup = next(k for k in ids if ids.count(k) > 1)
        raise ValueError(f"story_families: article id {dup!r} appears more than once")
    bar = _progress(progress)
    fps: list[Fingerprint] = [fingerprint(text, clean=clean) for _, text in bar(items, "fingerprints")]
    candidates = _candidates(fps, bar)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in bar(sorted(candidates), "verifying"):
        if find(i) == find(j) and links is None:
            continue
        ev = evidence(fps[i], fps[j])
        if needs_alignment(ev):
            from medialit.compare.alignment import align_prepared, prepare
            ta, tb = items[i][1], items[j][1]
            sa, sb = prepare(ta), prepare(tb)
            ev = evidence(fps[i], fps[j], pairs=align_prepared(ta, sa, tb, sb),
                          sentences_a=len(sa), sentences_b=len(sb))
        v = verdict(ev)
        if v.label == "same_story":
            parent[find(i)] = find(j)
            if links is not None:
                links.append(FamilyLink(ids[i], ids[j], v.rule, ev.score))
    groups: dict[int, list[str]] = {}
    for k, key in enumerate(ids):
        groups.setdefault(find(k), []).append(key)
    return list(groups.values())


def _candidates(fps: list[Fingerprint], bar) -> set[tuple[int, int]]:
    """Pairs worth verifying: every pair for a small corpus (exact, and no datasketch/scipy
    import to pay for), MinHash LSH candidates above ``EXACT_PAIRS_UP_TO`` articles."""
    if len(fps) <= EXACT_PAIRS_UP_TO:
        return {(i, j) for j in range(len(fps)) for i in range(j)}
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    template = MinHash(num_perm=NUM_PERM, seed=1)
    perms = template.permutations
    out: set[tuple[int, int]] = set()
    for i, fp in enumerate(bar(fps, "hashing")):
        values = np.fromiter(fp.words | {h ^ 0x5BD1E995 for h in fp.skeleton}, dtype=np.uint64)
        if values.size == 0:
            continue
        m = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=int, permutations=perms, scheme=template.scheme)
        m.update_batch(values.tolist())
        for j in lsh.query(m):
            out.add((j, i))
        lsh.insert(i, m)
    return out


def _progress(enabled: bool):
    if not enabled:
        return lambda it, desc: it
    from tqdm.auto import tqdm
    return lambda it, desc: tqdm(it, desc=desc)
