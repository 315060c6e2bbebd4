"""HTML views of sourcing: each sentence marked by its label, the deciding cue underlined.

Every label has a colour from the Okabe–Ito colour-blind-safe palette AND a text marker
([N] named, [A] anonymous, [U] unattributed, [–] not a claim), so colour is never the only
carrier. The cue that decided a label is underlined and bold; hedge words have a dotted
underline and a "~" after the marker. A sentence whose label rests on weak evidence
(``uncertain``) ends with the words "(check this yourself)". Each sentence's reason is in
the text for screen readers and shows when the sentence has keyboard focus (Tab) or the
mouse is over it; the summary line under the text and the legend say the counts and the
markers in words.

Example (in a notebook, ``show_sourcing(corpus["001"])`` alone shows the marked text):

>>> from medialit.corpus import load_corpus
>>> from medialit.views import show_sourcing, summary_table
>>> corpus = load_corpus()
>>> "[N]" in show_sourcing(corpus["001"]).html
True
>>> table = summary_table(corpus)   # one row per article
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

from medialit.sourcing.tagger import LABELS, TaggedSentence, summary, tag
from medialit.views.html import FOCUSABLE, FONT, HTML, INK, REASON_CSS, reason, table_css

# Okabe & Ito (2008) colour-blind-safe colours, as light backgrounds with a strong border.
COLOURS = {"named": ("#0072B2", "#dcebf7"), "anonymous": ("#E69F00", "#fcefd2"),
           "unattributed": ("#D55E00", "#f9ddd0"), "not_a_claim": ("#7a7a7a", "#eeeeee")}
MARKERS = {"named": "[N]", "anonymous": "[A]", "unattributed": "[U]", "not_a_claim": "[–]"}
NAMES = {"named": "named source", "anonymous": "anonymous source", "unattributed": "no source",
         "not_a_claim": "not a claim (headline, question, byline)"}

_STYLE = """<style>
.ml-src,.ml-legend{line-height:1.7;""" + FONT + """}
.ml-src .ml-s{padding:0.05em 0.2em;border-left:0.3em solid;border-radius:2px;color:""" + INK + """}
.ml-src .ml-m{font-family:var(--jp-code-font-family,monospace);font-weight:bold;font-size:0.85em;margin-right:0.2em}
.ml-src .ml-cue{text-decoration:underline;text-decoration-thickness:2px;font-weight:bold}
.ml-src .ml-u{font-style:italic;font-size:0.85em;border:1px dashed #555555;padding:0 0.2em;margin-left:0.2em}
.ml-src .ml-hedge{text-decoration:underline dotted;text-decoration-thickness:2px;font-style:italic}
.ml-legend span{display:inline-block;margin-right:0.8em;padding:0.05em 0.3em;border-left:0.3em solid transparent}
.ml-legend span.ml-l{color:""" + INK + """}
""" + REASON_CSS + table_css("ml-srctab", align="right") + """
.jp-RenderedHTMLCommon table.ml-srctab th:first-child,.jp-RenderedHTMLCommon table.ml-srctab td:first-child,table.ml-srctab th:first-child,table.ml-srctab td:first-child{text-align:left}
</style>"""



def legend() -> HTML:
    """The colour and marker legend (also included at the top of :func:`show_sourcing`)."""
    items = [f'<span class="ml-l" style="border-color:{COLOURS[k][0]};background:{COLOURS[k][1]}">'
             f'<b>{MARKERS[k]}</b> {escape(NAMES[k])}</span>' for k in LABELS]
    items.append('<span><b>~</b> <span style="text-decoration:underline dotted">hedged</span></span>')
    items.append('<span><u><b>cue</b></u> = the words that decided the label</span>')
    items.append('<span><i>(check this yourself)</i> = the evidence for the label is weak</span>')
    items.append('<span>Tab to a sentence (or point at it) to see why it got its label</span>')
    return HTML(_STYLE + '<div class="ml-legend" role="note" aria-label="legend">'
                '<b>Legend:</b> ' + "".join(items) + "</div>")


def _sentence_html(text: str, t: TaggedSentence) -> str:
    marks = [(a, b, "ml-cue") for a, b in t.cue_spans if t.start <= a and b <= t.end]
    marks += [(a, b, "ml-hedge") for a, b in t.hedge_spans]
    out, pos = [], t.start
    for a, b, cls in sorted(marks):
        if a < pos:
            continue
        out.append(escape(text[pos:a]))
        out.append(f'<span class="{cls}">{escape(text[a:b])}</span>')
        pos = b
    out.append(escape(text[pos:t.end]))
    border, bg = COLOURS[t.sourcing]
    mark = MARKERS[t.sourcing] + ("~" if t.hedged else "")
    why = t.reason + (f" Source: {t.source}." if t.source else "")
    check = ' <span class="ml-u">(check this yourself)</span>' if t.uncertain else ""
    flag = ' data-uncertain="true"' if t.uncertain else ""
    return (f'<span class="ml-s" {FOCUSABLE} style="border-color:{border};background:{bg}" '
            f'data-label="{t.sourcing}"{flag}>'
            f'<span class="ml-m">{escape(mark)}</span>{"".join(out)}{check}{reason(why)}</span>')


def _text_and_title(item) -> tuple[str, str | None]:
    if isinstance(item, str):
        return item, None
    text = getattr(item, "text", None)
    if not isinstance(text, str):
        raise TypeError(f"expected a text or an Article, got {type(item).__name__}")
    return text, getattr(item, "title", None) or getattr(item, "id", None)


def show_sourcing(item, *, tags: list[TaggedSentence] | None = None, title: str | None = None,
                  show_legend: bool = True) -> HTML:
    """One article with every sentence marked by its sourcing label.

    ``item``: the article's text or an ``Article``. ``tags``: precomputed
    :func:`medialit.sourcing.tagger.tag` results (computed if not given). Sentences keep the
    article's paragraph breaks.
    """
    text, default_title = _text_and_title(item)
    tags = tag(text) if tags is None else tags
    parts = [legend().html if show_legend else _STYLE, '<div class="ml-src">']
    if title or default_title:
        parts.append(f"<h4>{escape(title or default_title)}</h4>")
    prev_end = 0
    for t in tags:
        gap = text[prev_end:t.start]
        parts.append("<br>" * min(2, gap.count("\n")) if "\n" in gap else " ")
        parts.append(_sentence_html(text, t))
        prev_end = t.end
    parts.append("</div>")
    s = summary(tags)
    share = "–" if s.named_share is None else f"{s.named_share:.0%}"
    parts.append(f"<p>{s.claims} claims; {share} of them have a named source; {s.hedged} hedged.</p>")
    return HTML("".join(parts))


def summary_table(articles) -> HTML:
    """A table with one row per article: counts by label and the share of claims with a
    named source. ``articles``: a Corpus / iterable of Articles, or a mapping id -> text."""
    rows = []
    items = articles.items() if isinstance(articles, Mapping) else ((getattr(a, "id", str(i)), a) for i, a in enumerate(articles))
    for key, item in items:
        text, _ = _text_and_title(item)
        s = summary(tag(text))
        cells = "".join(f"<td>{s.counts[k]}</td>" for k in LABELS)
        share = "–" if s.named_share is None else f"{s.named_share:.0%}"
        rows.append(f"<tr><td>{escape(str(key))}</td>{cells}<td>{s.hedged}</td><td>{share}</td></tr>")
    head = "".join(f"<th>{MARKERS[k]} {escape(k.replace('_', ' '))}</th>" for k in LABELS)
    return HTML(_STYLE + f'<table class="ml-srctab"><caption>Sourcing by article (counts of sentences)</caption>'
                f"<tr><th>article</th>{head}<th>hedged claims</th><th>claims with a named source</th></tr>"
                + "".join(rows) + "</table>")


def summaries(articles: Iterable) -> dict:
    """{article id: SourcingSummary} for a Corpus or mapping (used by the chart)."""
    items = articles.items() if isinstance(articles, Mapping) else ((getattr(a, "id", str(i)), a) for i, a in enumerate(articles))
    return {key: summary(tag(_text_and_title(item)[0])) for key, item in items}
