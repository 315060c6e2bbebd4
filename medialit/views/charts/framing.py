"""Where loaded terms fall in each article: a dispersion plot across outlets (the chart nltk's
``Text.dispersion_plot`` draws for one text, drawn here with one row per article).

Each row is one article, labelled with its id and outlet; each mark is one loaded term
(from ``medialit/rules/framing.toml``, marked by its category and labelled with its word)
or one of the words asked for, placed at its position in the article (0% = the first
word, 100% = the last). Every category or word has its own Okabe–Ito colour AND its own
marker shape; a hollow mark is someone else's word (inside quotation marks, or in an
interviewee's answer), a filled one the outlet's own voice. Every article gets
a row, the same lens for all, and the chart comes with a text alternative.

>>> from medialit.corpus import load_corpus
>>> chart = dispersion(load_corpus(), ["regime", "sanction*"])
>>> chart.ax.get_title()
'Where the words fall in each article'
>>> print(chart.text.splitlines()[1])
000 (Sputnik International): regime 1 time at 23% (answer: Jim Jatras); sanction* 0 times.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from medialit.framing import load_rules, term_positions
from medialit.views.charts.alt import attach
from medialit.views.charts.style import follows_font_scale, scaled
from medialit.views.colours import OKABE_ITO

MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*", "h"]


@dataclass(frozen=True)
class Chart:
    """A chart and its text alternative: ``ax`` (the matplotlib Axes) and ``text`` (what it
    shows, in words). In a notebook the figure is drawn and the text printed beneath it."""

    ax: Any
    text: str

    def __repr__(self) -> str:
        return self.text

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(self.text)


def _articles(articles: Any) -> list[tuple[str, str]]:
    if isinstance(articles, dict):
        return [(str(k), "unknown") for k in articles]
    return [(str(getattr(a, "id", i)), str(getattr(a, "outlet", "unknown"))) for i, a in enumerate(articles)]


@follows_font_scale
def dispersion(articles: Any, words: Iterable[str] | None = None, *, ax: Any = None,
               title: str = "", skip_boilerplate: bool = True) -> Chart:
    """Draw where the loaded terms (or ``words``) fall in each article; returns a :class:`Chart`.

    ``articles``: a corpus, any articles with ``id``, ``outlet`` and ``text``, or a mapping of
    label to text. The table's loaded terms are marked by category (legitimacy, taking power,
    intensifier, label), each mark labelled with its word; ``words`` (up to nine) get a
    colour and a marker each.
    """
    import matplotlib.pyplot as plt

    if not isinstance(articles, dict):
        articles = list(articles)
    rows = _articles(articles)
    if not rows:
        raise ValueError("dispersion: no articles to plot")
    wanted = list(words) if words is not None else None
    if wanted is not None and (not wanted or not all(isinstance(w, str) and w.strip() for w in wanted)):
        raise ValueError("dispersion: give the words to look for, e.g. ['regime', 'sanction*']")
    positions = term_positions(articles, wanted, skip_boilerplate=skip_boilerplate)
    terms = wanted if wanted is not None else list(dict.fromkeys(p.term for p in positions))
    if wanted is None:       # the table's terms are many: one mark per category, each mark labelled with its word
        category = {t.term: t.category for t in load_rules().terms}
        group = {p.term: category.get(p.term, "other") for p in positions}
    else:
        if len(wanted) > len(MARKERS):
            raise ValueError(f"dispersion: at most {len(MARKERS)} words at a time, so each keeps its own marker")
        group = {w: w for w in wanted}
    groups = list(dict.fromkeys(group[t] for t in terms))
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 0.75 * len(rows) + 2.2))
    labels = [f"{rid} ({outlet})" for rid, outlet in rows]
    y_of = {rid: i for i, (rid, _) in enumerate(rows)}
    for k, name in enumerate(groups):
        colour, marker = OKABE_ITO[k % len(OKABE_ITO)], MARKERS[k % len(MARKERS)]
        for quoted in (False, True):
            mine = [p for p in positions if group[p.term] == name and _others(p) == quoted]
            if not mine:
                continue
            ax.scatter([100 * p.position for p in mine], [y_of[p.article] for p in mine],
                       marker=marker, s=70, linewidths=1.6, edgecolors=colour,
                       facecolors="none" if quoted else colour,
                       label=f"{name}{' (quoted or an answer)' if quoted else ''}", zorder=3)
    if wanted is None:
        for n, p in enumerate(sorted(positions, key=lambda p: (p.article, p.position))):
            ax.annotate(p.text.lower(), (100 * p.position, y_of[p.article]), xytext=(0, 9 if n % 2 == 0 else -14),
                        textcoords="offset points", ha="center", fontsize=scaled(7))
    ax.set_yticks(range(len(rows)), labels)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(-2, 102)
    ax.grid(True, axis="x", alpha=0.3)
    for i in range(len(rows)):
        ax.axhline(i, color="#bbbbbb", linewidth=0.6, zorder=1)
    ax.set_xlabel("position in the article (% of its words; boilerplate left out)")
    ax.set_ylabel("article (outlet)")
    ax.set_title(title or ("Where the loaded terms fall in each article" if wanted is None
                           else "Where the words fall in each article"))
    if positions:
        ax.legend(title=("kind of term" if wanted is None else "word") + "\n(hollow = quoted, or an interviewee's answer)",
                  loc="upper left", bbox_to_anchor=(1.01, 1),
                  fontsize="small", title_fontsize="small")
    ax.figure.tight_layout()
    text = _describe(rows, terms, positions, wanted is None)
    attach(ax, text, caption=False)       # the Chart prints the text itself, beneath the picture
    return Chart(ax, text)


def _others(p: Any) -> bool:
    """Someone else's word: quoted, or in an interviewee's answer."""
    return bool(p.quoted or p.speaker)


def _whose(p: Any) -> str:
    return " (q)" if p.quoted else (f" (answer: {p.speaker})" if p.speaker else "")


def _describe(rows: list[tuple[str, str]], terms: list[str], positions: list, loaded: bool) -> str:
    head = ("Text alternative: the loaded terms in each article, in order, with their position "
            "(% of the article's words); (q) a word inside quotation marks, (answer: name) a word in an interviewee's answer."
            if loaded else "Text alternative: how often each word occurs in each article, and where "
            "(% of the article's words; (q) = inside quotation marks, (answer: name) = in an interviewee's answer).")
    lines = [head]
    for rid, outlet in rows:
        mine = [p for p in positions if p.article == rid]
        if loaded:
            found = "; ".join(f"{p.text} {100 * p.position:.0f}%{_whose(p)}" for p in mine)
            lines.append(f"{rid} ({outlet}): {found or 'none'}.")
        else:
            parts = []
            for term in terms:
                hits = [p for p in mine if p.term == term]
                where = ", ".join(f"{100 * p.position:.0f}%{_whose(p)}" for p in hits)
                parts.append(f"{term} {len(hits)} time{'' if len(hits) == 1 else 's'}" + (f" at {where}" if hits else ""))
            lines.append(f"{rid} ({outlet}): {'; '.join(parts)}.")
    return "\n".join(lines)
