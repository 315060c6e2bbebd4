"""A similarity heat map of a corpus: which articles share source text.

Colour-blind-safe ``cividis`` colour map, every cell annotated with its value (so colour
is never the only carrier) in black or white, whichever contrasts more with the cell, axes
labelled with the article ids; the text alternative (``ax.medialit_alt``) lists the pairs.

Example:

>>> from medialit.corpus import load_corpus
>>> from medialit.views.charts import similarity_heatmap
>>> similarity_heatmap(load_corpus()).get_title()
'Shared wording between articles'
>>> alt_text(similarity_heatmap({"a": "The port closed on Friday after the storm, officials said.",
...                              "b": "The port closed on Friday after the storm, officials said."}))
'Heat map: Shared wording between articles, 2 articles (a, b); 0 means no shared wording, 1 all of it. Pairs, most similar first: a and b 1.00.'
"""
from __future__ import annotations

from collections.abc import Mapping

from medialit.views.charts.alt import alt_text, attach
from medialit.views.charts.style import follows_font_scale, scaled
from medialit.views.colours import text_colour_on

LISTED_PAIRS = 12   # the text alternative names this many pairs, most similar first


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


@follows_font_scale
def similarity_heatmap(articles: Mapping[str, str] | object, *, ax=None,
                       title: str = "Shared wording between articles", caption: bool = True):
    """Draw the similarity heat map; returns the matplotlib ``Axes`` (text alternative:
    ``ax.medialit_alt``; ``caption``: show it beside the chart in a notebook).

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
                ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=scaled(8),
                        color=text_colour_on(image.cmap(image.norm(value))))
    ax.figure.colorbar(image, ax=ax, label="similarity (share of shared wording)")
    return attach(ax, describe(ids, m, title), caption=caption)


def describe(ids: list[str], m: list[list[float]], title: str = "Shared wording between articles") -> str:
    """The text alternative: the pairs from most to least similar (the first ``LISTED_PAIRS``)."""
    pairs = sorted(((m[i][j], ids[i], ids[j]) for i in range(len(ids)) for j in range(i + 1, len(ids))),
                   key=lambda p: -p[0])
    text = (f"Heat map: {title}, {len(ids)} article{'s' if len(ids) != 1 else ''} ({', '.join(ids)}); "
            "0 means no shared wording, 1 all of it.")
    if pairs:
        text += " Pairs, most similar first: " + ", ".join(f"{a} and {b} {v:.2f}" for v, a, b in pairs[:LISTED_PAIRS])
        rest = pairs[LISTED_PAIRS:]
        text += (f"; the other {len(rest)} pairs are {rest[0][0]:.2f} or less." if rest else ".")
    return text
