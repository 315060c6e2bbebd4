"""Side-by-side HTML of two articles: aligned sentences with word changes marked.

Deleted words are struck through (``<del>``), inserted words underlined and bold
(``<ins>``), replaced words show both; colour is only a second cue, and screen readers hear
"deleted:" or "inserted:" before each change (hidden text, since few of them announce
``<del>``/``<ins>``). Quote and attribution drift are listed under the table with their
explanations.

Example (in a notebook, the last line alone shows the table):

>>> from medialit.corpus import load_corpus
>>> from medialit.views import side_by_side
>>> corpus = load_corpus()
>>> view = side_by_side(corpus["001"].text, corpus["002"].text)
>>> "<del>" in view.html and "<ins>" in view.html
True
"""
from __future__ import annotations

from html import escape

from medialit.compare.comparison import AlignedPair, Comparison, compare
from medialit.views.html import FONT, HTML, INK, MUTED, SR_ONLY_CSS, table_css

_STYLE = """<style>
""" + table_css("ml-cmp") + """
.ml-cmpview{""" + FONT + """}
.ml-cmp{font-size:0.92em}table.ml-cmp{width:100%}
.ml-cmp del{text-decoration:line-through;background:#fde0dc;color:""" + INK + """}
.ml-cmp ins{text-decoration:underline;font-weight:bold;background:#d8ecf8;color:""" + INK + """}
.ml-cmp .ml-none{color:""" + MUTED + """;font-style:italic}
.ml-drift li{margin-bottom:0.3em}
""" + SR_ONLY_CSS + """
</style>"""
_SPOKEN = {"del": "deleted: ", "ins": "inserted: "}
_KIND = {"matched": "rewritten", "split": "split in B", "joined": "joined in B", "partial": "partly reused",
         "a_only": "only in A", "b_only": "only in B"}



def _marked(text: str, offset: int, marks: list[tuple[int, int, str]]) -> str:
    """``text`` (starting at ``offset`` in its article) with ``marks`` (start, end, tag) wrapped."""
    out, pos = [], 0
    for start, end, tag in sorted(marks):
        s, e = start - offset, end - offset
        if s < pos or e <= s:
            continue
        out.append(escape(text[pos:s]))
        out.append(f'<span class="ml-sr">{_SPOKEN[tag]}</span><{tag}>{escape(text[s:e])}</{tag}>')
        pos = e
    out.append(escape(text[pos:]))
    return "".join(out)


def _row(p: AlignedPair) -> str:
    if p.a is None:
        left = '<span class="ml-none">(nothing in A)</span>'
    else:
        marks = [(c.a_start, c.a_end, "del") for c in p.changes
                 if c.op in ("delete", "replace") and c.a_start is not None and p.b is not None]
        left = _marked(p.a.text, p.a.start, marks)
    if p.b is None:
        right = '<span class="ml-none">(nothing in B)</span>'
    else:
        marks = [(c.b_start, c.b_end, "ins") for c in p.changes
                 if c.op in ("insert", "replace") and c.b_start is not None and p.a is not None]
        right = _marked(p.b.text, p.b.start, marks)
    sim = f"{p.similarity:.2f}" if p.a is not None and p.b is not None else "–"
    return f"<tr><td>{left}</td><td>{right}</td><td>{_KIND.get(p.kind, p.kind)}<br>{sim}</td></tr>"


def comparison_html(result: Comparison, *, a_label: str = "A", b_label: str = "B") -> str:
    """The HTML string for a :class:`~medialit.compare.comparison.Comparison`."""
    v = result.verdict
    head = (f"<p><b>Similarity {result.similarity:.2f}</b> — verdict: <b>{escape(v.description)}</b><br>"
            f"<small>why ({escape(v.rule)}): {escape(v.reason)}</small></p>")
    if v.passages:
        head += "<p><small>Decided by:</small></p><ul class=\"ml-drift\">" + "".join(
            f"<li><small>{escape(x)}</small></li>" for x in v.passages) + "</ul>"
    if result.added_later:
        head += (f"<p><small>The smaller version is contained in the larger; {len(result.added_later)} "
                 "sentence(s) of the larger were added later (if this is a growing story: check the dates), "
                 "marked “only in A” or “only in B” below.</small></p>")
    if result.left_out:
        head += (f"<p><small>Left out as site furniture: {len(result.left_out)} line(s) "
                 f"({escape('; '.join(x[:60] for x in result.left_out[:3]))}).</small></p>")
    legend = ("<p><small>In A, <del>struck-through</del> words were deleted or replaced; in B, "
              "<ins>underlined bold</ins> words were inserted or are the replacement.</small></p>")
    rows = "".join(_row(p) for p in result.pairs)
    table = (f'<table class="ml-cmp"><tr><th>{escape(a_label)}</th><th>{escape(b_label)}</th>'
             f"<th>pairing, similarity</th></tr>{rows}</table>")
    drift = []
    for q in result.quote_changes:
        items = "".join(f"<li>{escape(e.explanation)}</li>" for e in q.changes) if q.kind == "wording" else \
            f"<li>{escape(q.explanation)}</li>"
        if q.kind == "reworded":
            items = f"<li><b>quote reworded</b>, similarity {q.similarity:.2f}: {escape(q.explanation)}</li>"
        drift.append(f"<li>A: “{escape(q.a)}”<br>B: “{escape(q.b)}”<ul>{items}</ul></li>")
    attributions = "".join(f"<li><b>{escape(c.kind.replace('_', ' '))}</b>: {escape(c.explanation)}</li>"
                           for c in result.attribution_changes)
    lists = (f'<h4>Quote drift ({len(result.quote_changes)})</h4><ul class="ml-drift">{"".join(drift)}</ul>'
             f'<h4>Attribution drift ({len(result.attribution_changes)})</h4>'
             f'<ul class="ml-drift">{attributions}</ul>')
    return _STYLE + '<div class="ml-cmpview">' + head + legend + table + lists + "</div>"


def side_by_side(a_text: str, b_text: str, *, a_label: str = "A", b_label: str = "B",
                 result: Comparison | None = None) -> HTML:
    """Compare two articles and show them side by side (a rich object for Jupyter)."""
    result = result or compare(a_text, b_text)
    return HTML(comparison_html(result, a_label=a_label, b_label=b_label))
