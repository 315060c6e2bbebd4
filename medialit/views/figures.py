"""HTML views of figures and checks: figures highlighted in the text, and tables.

Every figure is underlined and bold with its kind written after it in small capitals
(``[money]``), so the kind is never carried by colour alone; how it was read is in the text
for screen readers and shows when the ``[kind]`` mark has keyboard focus (Tab) or is hovered.
Verdicts are words with a symbol (✔ consistent, ✘ inconsistent, ? cannot tell).

Example (in a notebook, ``show_figures(...)`` alone shows the marked text):

>>> from medialit.checks import check_text
>>> from medialit.corpus import load_corpus
>>> from medialit.views import checks_table, show_figures
>>> corpus = load_corpus()
>>> "[money]" in show_figures(corpus["003"].text).html
True
>>> "inconsistent" in checks_table(check_text(corpus["004"].text, article_date="2019-04-01")).html
True
"""
from __future__ import annotations

from collections.abc import Iterable
from html import escape

from medialit.figures.extraction import Figure, extract
from medialit.views.html import FOCUSABLE, FONT, HTML, MUTED, REASON_CSS, reason, table_css

# Okabe & Ito (2008) colour-blind-safe palette, as light backgrounds with a strong underline.
COLOURS = {"money": "#009E73", "percent": "#0072B2", "count": "#D55E00", "date": "#CC79A7", "year": "#CC79A7",
           "duration": "#E69F00", "quantity": "#56B4E9", "vague": "#F0E442", "number": "#7a7a7a"}
VERDICT_MARKS = {"consistent": ("✔", "#0072B2"), "inconsistent": ("✘", "#D55E00"), "cannot tell": ("?", "#7a7a7a")}

_STYLE = """<style>
.ml-fig{line-height:1.8;""" + FONT + """;white-space:pre-wrap}
.ml-fig .ml-f{font-weight:bold;text-decoration:underline;text-decoration-thickness:3px;padding:0 0.05em}
.ml-fig .ml-k{font-size:0.8em;font-variant:small-caps;margin-left:0.15em;color:""" + MUTED + """}
.ml-figtab{font-size:0.9em}
""" + REASON_CSS + table_css("ml-figtab") + "</style>"



def _text_of(obj) -> str:
    text = getattr(obj, "text", obj)
    if not isinstance(text, str):
        raise TypeError(f"expected an article text (str) or an Article, got {type(obj).__name__}")
    return text


def _num(v) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return escape(v)
    return f"{v:,.4f}".rstrip("0").rstrip(".") if v != int(v) else f"{int(v):,}"


def show_figures(article, figures: Iterable[Figure] | None = None) -> HTML:
    """The text with every figure underlined, bold and labelled with its kind."""
    text = _text_of(article)
    figs = list(figures) if figures is not None else extract(text)
    parts, pos = [_STYLE, '<div class="ml-fig">'], 0
    for f in sorted(figs, key=lambda f: f.start):
        if f.start < pos:
            continue
        title = f"{f.kind}: value {_num(f.value) or '-'}"
        if f.low is not None or f.high is not None:
            title += f", range {_num(f.low) or '…'} to {_num(f.high) or '…'}"
        if f.unit:
            title += f", unit {f.unit}"
        if f.normalisation:
            title += f" ({f.normalisation})"
        parts.append(escape(text[pos:f.start]))
        parts.append(f'<span class="ml-f" style="text-decoration-color:{COLOURS.get(f.kind, "#000")}">'
                     f'{escape(f.text)}</span>'
                     f'<span class="ml-k" {FOCUSABLE}>[{escape(f.kind)}]{reason(title)}</span>')
        pos = f.end
    parts.append(escape(text[pos:]) + "</div>")
    return HTML("".join(parts))


def figures_table(article_or_figures) -> HTML:
    """One row per figure: surface text, kind, value, range, unit, qualifier, how it was read."""
    if isinstance(article_or_figures, (list, tuple)):
        figs = list(article_or_figures)
    else:
        figs = extract(_text_of(article_or_figures))
    head = "".join(f'<th scope="col">{h}</th>' for h in ("figure", "kind", "value", "low", "high", "unit", "qualifier",
                                                          "how it was read"))
    rows = [f"<tr><td><b>{escape(f.text)}</b></td><td>{escape(f.kind)}</td><td>{_num(f.value)}</td>"
            f"<td>{_num(f.low)}</td><td>{_num(f.high)}</td><td>{escape(f.unit or '')}</td>"
            f"<td>{escape(f.qualifier or '')}</td><td>{escape(f.normalisation or f.rule)}</td></tr>" for f in figs]
    return HTML(_STYLE + f'<table class="ml-figtab"><caption>Figures in the text ({len(figs)})</caption>'
                f'<tr>{head}</tr>{"".join(rows)}</table>')


def checks_table(checks) -> HTML:
    """One row per check: the figure, the verdict (symbol and word), the explanation, the
    arithmetic, and the reference rows used (table and line)."""
    head = "".join(f'<th scope="col">{h}</th>' for h in ("figure", "verdict", "why", "working", "reference rows"))
    rows = []
    checks = list(checks)
    for c in checks:
        mark, colour = VERDICT_MARKS.get(c.verdict, ("", "#000"))
        refs = "<br>".join(escape(f"{r.table} line {r.line}: {r.source}") for r in c.rows)
        rows.append(f"<tr><td><b>{escape(c.figure.text)}</b></td>"
                    f'<td style="border-left:4px solid {colour}"><b>{mark} {escape(c.verdict)}</b></td>'
                    f"<td>{escape(c.explanation)}</td><td><code>{escape(c.arithmetic)}</code></td><td>{refs}</td></tr>")
    tally = ", ".join(f"{sum(c.verdict == v for c in checks)} {v}" for v in VERDICT_MARKS)
    return HTML(_STYLE + f'<table class="ml-figtab"><caption>Checks of the figures ({len(checks)}: {tally})</caption>'
                f'<tr>{head}</tr>{"".join(rows)}</table>')


def comparisons_table(comparisons) -> HTML:
    """Cross-source comparisons (from :func:`medialit.figures.extraction.compare_figures`)."""
    head = "".join(f'<th scope="col">{h}</th>' for h in ("source A", "source B", "relation", "explanation"))
    comparisons = list(comparisons)
    rows = [f"<tr><td><b>{escape(c.a.text)}</b></td><td><b>{escape(c.b.text)}</b></td>"
            f"<td><b>{'≠ disagree' if c.relation == 'disagree' else '= agree'}</b></td><td>{escape(c.explanation)}</td></tr>"
            for c in comparisons]
    return HTML(_STYLE + f'<table class="ml-figtab"><caption>Figures compared across sources ({len(comparisons)})'
                f'</caption><tr>{head}</tr>{"".join(rows)}</table>')


def reference_table(reference, name: str) -> HTML:
    """One of the kit's (or a teacher's) reference tables as a table, every row with its source:
    ``name`` is ``"people"``, ``"events"``, ``"counts"``, ``"facts"`` or ``"prices"``."""
    from medialit.checks.reference import row_dict
    from medialit.views.framing import table

    tables = {"people": reference.people, "events": reference.events, "counts": reference.counts,
              "facts": reference.facts, "prices": reference.prices}
    if name not in tables:
        raise ValueError(f"reference_table: no table {name!r}; choose one of {', '.join(tables)}")
    rows = [{k: v for k, v in row_dict(r).items() if k not in ("table", "line")} for r in tables[name]]
    return table(rows, caption=f"reference table {name} ({len(rows)} rows)")


def prices_table(reference, series: Iterable[str] = ("WTI", "Brent")) -> HTML:
    """Price series side by side, one row per date (an empty cell: no price that day), with
    where the prices come from under the table."""
    from medialit.views.framing import table

    series = list(series)
    by_series = {s: {p.date: p for p in reference.series(s)} for s in series}
    missing = [s for s in series if not by_series[s]]
    if missing:
        known = sorted({p.series for p in reference.prices})
        raise ValueError(f"prices_table: no price series {', '.join(map(repr, missing))}; known: {', '.join(known)}")
    dates = sorted(set().union(*(set(rows) for rows in by_series.values())))
    rows = [{"date": d.isoformat(), **{s: (by_series[s][d].usd_per_barrel if d in by_series[s] else None)
                                        for s in series}} for d in dates]
    sources = sorted({p.source for rows_ in by_series.values() for p in rows_.values()})
    return table(rows, ["date", *series], caption=f"US dollars per barrel; source: {'; '.join(sources)}")
