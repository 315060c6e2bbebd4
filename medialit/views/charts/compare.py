"""A similarity heat map of a corpus: which articles share source text.

Colour-blind-safe ``cividis`` colour map, every cell annotated with its value (so colour
is never the only carrier), axes labelled with the article ids.

Example:

>>> from medialit.corpus import load_corpus
>>> from medialit.views.charts import similarity_heatmap
>>> similarity_heatmap(load_corpus()).get_title()
'Shared wording between articles'
"""
from __future__ import annotations

from collections.abc import Mapping


def similarity_matrix(articles) -> tuple[list[str], list[list[float]]]:
    """Ids and the pairwise text-reuse similarity matrix (1.0 on the diagonal)."""
    from medialit.compare.comparison import evidence, fingerprint
    from medialit.compare.families import article_items

    items = article_items(articles)
    ids = [k for k, _ in items]
    fps = [fingerprint(t) for _, t in items]
    n = len(ids)
    m = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            m[i][j] = m[j][i] = evidence(fps[i], fps[j]).score
    return ids, m


def similarity_heatmap(articles: Mapping[str, str] | object, *, ax=None,
                       title: str = "Shared wording between articles"):
    """Draw the similarity heat map; returns the matplotlib ``Axes``.

    ``articles``: a Corpus, a mapping id -> text, or Articles. Values are the share of the
    shorter article's word triples (or function-word patterns) found in the other.
    """
    import matplotlib.pyplot as plt

    ids, m = similarity_matrix(articles)
    if ax is None:
        size = max(4.0, 0.6 * len(ids) + 2)
        _, ax = plt.subplots(figsize=(size + 1, size))
    image = ax.imshow(m, cmap="cividis", vmin=0.0, vmax=1.0)
    ax.set_xticks(range(len(ids)), labels=ids, rotation=45, ha="right")
    ax.set_yticks(range(len(ids)), labels=ids)
    ax.set_xlabel("article")
    ax.set_ylabel("article")
    ax.set_title(title)
    if len(ids) <= 25:
        for i, row in enumerate(m):
            for j, value in enumerate(row):
                ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=8,
                        color="black" if value > 0.6 else "white")
    ax.figure.colorbar(image, ax=ax, label="similarity (share of shared wording)")
    return ax
