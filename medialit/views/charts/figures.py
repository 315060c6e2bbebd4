"""Charts for checking figures: which kinds of figures each source uses, and the oil-price
series with an article's claims marked on it.

Colours come from the Okabe–Ito colour-blind-safe palette, and every series also has its
own line style, marker or hatch, so nothing depends on colour alone. Each chart's text
alternative (``ax.medialit_alt``, see :mod:`medialit.views.charts.alt`) gives its numbers.

Example:

>>> from medialit.checks import check_text
>>> from medialit.corpus import load_corpus
>>> from medialit.views.charts import kinds_by_source, oil_prices
>>> corpus = load_corpus()
>>> kinds_by_source({a.id: a.text for a in corpus}).get_title()
'Figures in each article, by kind'
>>> oil_prices(checks=check_text(corpus["003"].text, article_date="2022-03-06"),
...            article_date="2022-03-06", window_days=7).get_title()
"Oil prices around the article, with the article's claims"
>>> alt_text(kinds_by_source({"a": "Prices rose 5% to $90 on Monday."}))
'Stacked bar chart: Figures in each article, by kind (1 article). a: 1 money, 1 percent (2 figures).'
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping

import matplotlib.dates as mdates
import matplotlib.pyplot as plt

from medialit.figures.extraction import KINDS, extract
from medialit.checks.reference import Reference, load_reference
from medialit.views.charts.alt import alt_text, attach, usd
from medialit.views.charts.style import follows_font_scale
from medialit.views.colours import OKABE_ITO

HATCHES = ["", "//", "..", "xx", "\\\\", "oo", "--", "++", "**"]
SERIES_STYLE = {"WTI": dict(color="#0072B2", linestyle="-", marker="o"),
                "Brent": dict(color="#D55E00", linestyle="--", marker="s")}
LINE_WORDS = {"-": "solid line", "--": "dashed line", ":": "dotted line", "-.": "dash-dot line"}
MARKER_WORDS = {"o": "circles", "s": "squares", "^": "triangles"}


@follows_font_scale
def kinds_by_source(texts: Mapping[str, str] | Iterable, *, ax=None, caption: bool = True):
    """Stacked horizontal bars: how many figures of each kind each article contains.

    ``texts`` maps a label to an article text (or is an iterable of Articles with ``id`` and
    ``text``). Returns the matplotlib Axes (text alternative: ``ax.medialit_alt``; ``caption``:
    show it beside the chart in a notebook)."""
    if not isinstance(texts, Mapping):
        texts = {getattr(a, "id", str(i)): a.text for i, a in enumerate(texts)}
    labels = list(texts)
    counts = {label: Counter(f.kind for f in extract(texts[label])) for label in labels}
    kinds = [k for k in KINDS if any(counts[l][k] for l in labels)]
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.5 * len(labels) + 1.8))
    left = [0] * len(labels)
    for i, kind in enumerate(kinds):
        vals = [counts[l][kind] for l in labels]
        ax.barh(labels, vals, left=left, color=OKABE_ITO[i % len(OKABE_ITO)], hatch=HATCHES[i % len(HATCHES)],
                edgecolor="black", linewidth=0.5, label=kind)
        left = [a + b for a, b in zip(left, vals)]
    ax.set_title("Figures in each article, by kind")
    ax.set_xlabel("number of figures")
    ax.set_ylabel("article")
    ax.invert_yaxis()
    ax.legend(title="kind", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")
    rows = []
    for label in labels:
        total = sum(counts[label].values())
        parts = ", ".join(f"{counts[label][k]} {k}" for k in kinds if counts[label][k])
        rows.append(f"{label}: {parts} ({total} figure{'s' if total != 1 else ''})" if total else f"{label}: no figures")
    n = len(labels)
    text = (f"Stacked bar chart: Figures in each article, by kind ({n} article{'s' if n != 1 else ''}). "
            + "; ".join(rows) + ".")
    return attach(ax, text, caption=caption)


@follows_font_scale
def oil_prices(reference: Reference | None = None, *, checks: Iterable = (), claims: Iterable = (),
               article_date=None, window_days: int | None = None, series: Iterable[str] = ("WTI", "Brent"), ax=None,
               caption: bool = True):
    """WTI and Brent daily spot prices from the reference table, with claimed prices drawn as
    horizontal dotted lines (labelled with the words of the article) and the article's time
    window shaded.

    ``checks`` are :class:`medialit.checks.checking.Check` objects (price checks are drawn);
    ``claims`` are extra ``(value, label)`` pairs. Returns the matplotlib Axes; its text
    alternative (``ax.medialit_alt``) gives each series' first, last, lowest and highest price
    and every claim line (``caption``: show it beside the chart in a notebook)."""
    ref = reference or load_reference()
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5))
    said = []
    for name in series:
        rows = ref.series(name)
        if not rows:
            continue
        style = SERIES_STYLE.get(name, dict(color="#000000", linestyle=":", marker="^"))
        ax.plot([r.date for r in rows], [r.usd_per_barrel for r in rows], label=f"{name} spot (EIA)", **style)
        low = min(rows, key=lambda r: r.usd_per_barrel)
        high = max(rows, key=lambda r: r.usd_per_barrel)
        said.append(f"{name} spot (EIA), {LINE_WORDS[style['linestyle']]} with {MARKER_WORDS[style['marker']]}: "
                    f"{usd(rows[0].usd_per_barrel)} on {_day(rows[0].date)}, {usd(rows[-1].usd_per_barrel)} on "
                    f"{_day(rows[-1].date)}; lowest {usd(low.usd_per_barrel)} on {_day(low.date)}, highest "
                    f"{usd(high.usd_per_barrel)} on {_day(high.date)}")
    lines = list(claims)
    for c in checks:
        if getattr(c, "check", None) == "price" and isinstance(c.figure.value, (int, float)):
            which = next((r.series for r in c.rows if hasattr(r, "series")), "")
            lines.append((float(c.figure.value), f"claim: '{c.figure.text}' ({which}, {c.verdict})"))
    claim_styles = [":", "-.", (0, (1, 3)), (0, (5, 2, 1, 2))]
    for i, (value, label) in enumerate(lines):
        ax.axhline(value, color="#000000", linestyle=claim_styles[i % len(claim_styles)], linewidth=1.4, label=label)
    if article_date is not None:
        day = dt.date.fromisoformat(str(article_date)) if not isinstance(article_date, dt.date) else article_date
        ax.axvline(day, color="#555555", linewidth=1, linestyle="-")
        ax.annotate("article", (day, 1), xycoords=("data", "axes fraction"), xytext=(3, -12),
                    textcoords="offset points", fontsize="small")
        if window_days:
            ax.axvspan(day - dt.timedelta(days=window_days), day, color="#999999", alpha=0.25, hatch="..",
                       label=f"the article's window ({window_days} days)")
    ax.set_title("Oil prices around the article, with the article's claims")
    ax.set_xlabel("date")
    ax.set_ylabel("US dollars per barrel")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
    ax.legend(fontsize="small", loc="upper left")
    ax.grid(True, alpha=0.3)
    text = "Line chart: Oil prices around the article, with the article's claims, in US dollars per barrel. " + (
        ". ".join(said) + "." if said else "No price series to draw.")
    if lines:
        text += " Horizontal black lines mark the claims: " + "; ".join(
            f"{label} at {usd(value)}" for value, label in lines) + "."
    if article_date is not None:
        text += f" A vertical line marks the article's date, {_day(day)}"
        text += f"; the {window_days} days before it are shaded." if window_days else "."
    return attach(ax, text, caption=caption)


def _day(d) -> str:
    return d.isoformat() if hasattr(d, "isoformat") else str(d)
