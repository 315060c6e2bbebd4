"""Bar chart comparing articles by how their claims are sourced.

One horizontal stacked bar per article: the share of its claims (sentences that are
claims) with a named source, an anonymous source, or no source. Okabe–Ito colour-blind-safe
colours AND hatch patterns (so colour is never the only carrier), percentages written on
the bars, a title, labelled axes and a legend. ``ax.medialit_alt`` gives every article's
shares in words (see :mod:`medialit.views.charts.alt`).

Example:

>>> from medialit.corpus import load_corpus
>>> from medialit.views.charts import sourcing_bars
>>> sourcing_bars(load_corpus()).get_title()
"How each article's claims are sourced"
>>> alt_text(sourcing_bars({"a": "Officials said so. Prices rose."}))
"Stacked bar chart: How each article's claims are sourced (1 article). a: 0% named source, 50% anonymous source, 50% no source (2 claims)."
"""
from __future__ import annotations

from medialit.views.charts.alt import alt_text, attach, pct
from medialit.views.charts.style import follows_font_scale, scaled

CLAIM_LABELS = ("named", "anonymous", "unattributed")
COLOURS = {"named": "#0072B2", "anonymous": "#E69F00", "unattributed": "#D55E00"}
HATCHES = {"named": "", "anonymous": "//", "unattributed": ".."}
NAMES = {"named": "named source", "anonymous": "anonymous source", "unattributed": "no source"}


@follows_font_scale
def sourcing_bars(articles, *, ax=None, title: str = "How each article's claims are sourced", caption: bool = True):
    """Draw the chart; returns the matplotlib ``Axes`` (text alternative: ``ax.medialit_alt``).

    ``articles``: a Corpus / iterable of Articles, or a mapping id -> text. ``caption``: show
    the text alternative beside the chart in a notebook.
    """
    import matplotlib.pyplot as plt

    from medialit.views.sourcing import summaries

    data = summaries(articles)
    if not data:
        raise ValueError("sourcing_bars: no articles to plot")
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.6 * len(data) + 1.6))
    ids = list(data)
    left = [0.0] * len(ids)
    for label in CLAIM_LABELS:
        shares = [(getattr(data[i], f"{label}_share") or 0.0) for i in ids]
        bars = ax.barh(ids, shares, left=left, color=COLOURS[label], hatch=HATCHES[label],
                       edgecolor="black", linewidth=0.6, label=NAMES[label])
        for bar, share, x0 in zip(bars, shares, left):
            if share >= 0.08:
                ax.text(x0 + share / 2, bar.get_y() + bar.get_height() / 2, f"{share:.0%}", ha="center",
                        va="center", fontsize=scaled(8), color="black",
                        bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.8))
        left = [a + b for a, b in zip(left, shares)]
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.set_xlabel("share of the article's claims")
    ax.set_ylabel("article")
    ax.set_title(title)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=3, frameon=False)
    ax.figure.tight_layout()
    return attach(ax, describe(data, title), caption=caption)


def describe(data, title: str = "How each article's claims are sourced") -> str:
    """The text alternative: every article's share of claims by label, and its claim count."""
    rows = []
    for key, s in data.items():
        if not s.claims:
            rows.append(f"{key}: no claims")
            continue
        shares = ", ".join(f"{pct(getattr(s, f'{label}_share') or 0.0)} {NAMES[label]}" for label in CLAIM_LABELS)
        rows.append(f"{key}: {shares} ({s.claims} claim{'s' if s.claims != 1 else ''})")
    n = len(data)
    return f"Stacked bar chart: {title} ({n} article{'s' if n != 1 else ''}). " + "; ".join(rows) + "."
