"""Tables for the framing tools, so notebook cells show results without pandas.

* :func:`framing_table`: any list of framing records (or ``by_article`` rows) with the columns
  asked for;
* :func:`concordance_table`: keyword-in-context lines, the keyword in bold and underlined
  (never colour alone), its context aligned on it;
* :func:`counts_table`: the most frequent words (or collocations) of each article side by
  side, one column per article, so the outlets can be read across.

>>> from medialit import framing
>>> from medialit.corpus import load_corpus
>>> corpus = load_corpus()
>>> "<u>regime</u>" in str(concordance_table(framing.by_article(corpus, framing.concordance, "regime")))
True
>>> "sanctions (8)" in str(counts_table(framing.word_counts(corpus, top=3)))
True
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

from medialit.views.html import HTML, table_css

__all__ = ["framing_table", "table", "concordance_table", "counts_table"]

_STYLE = ("<style>.ml-frame{font-size:0.9em}" + table_css("ml-frame") +
          ".ml-frame td.ml-left{text-align:right}.ml-frame u{text-decoration-thickness:2px}</style>")


def _as_dict(row: Any) -> dict:
    if isinstance(row, dict):
        return row
    if hasattr(row, "to_dict"):
        return row.to_dict()
    raise TypeError(f"table: expected records or dicts, got {type(row).__name__}")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return escape("; ".join(str(v) for v in value))
    if isinstance(value, float):
        return f"{value:g}"
    return escape(str(value))


def framing_table(rows: Iterable[Any], columns: Sequence[str] | None = None, *, where: dict | None = None,
                  filled: Sequence[str] = (), caption: str = "") -> HTML:
    """A table of ``rows`` (records, or dicts such as those of ``framing.by_article``) with the
    ``columns`` asked for (default: all). ``where`` keeps only rows whose fields have the given
    values, e.g. ``where={"quoted": False, "speaker": None}``; ``filled`` keeps only rows where at
    least one of these fields is not empty, e.g. ``filled=("label", "appositive")``.
    Booleans read "yes"/"no"; lists are joined with ";"."""
    data = [_as_dict(r) for r in rows]
    for key, wanted in (where or {}).items():
        data = [d for d in data if d.get(key) == wanted]
    if filled:
        data = [d for d in data if any(d.get(key) not in (None, "", [], ()) for key in filled)]
    if columns is None:
        columns = list(data[0]) if data else []
    parts = [_STYLE, '<table class="ml-frame">']
    if caption:
        parts.append(f"<caption>{escape(caption)}</caption>")
    parts.append("<tr>" + "".join(f"<th>{escape(c)}</th>" for c in columns) + "</tr>")
    for d in data:
        parts.append("<tr>" + "".join(f"<td>{_cell(d.get(c))}</td>" for c in columns) + "</tr>")
    if not data:
        parts.append(f'<tr><td colspan="{max(1, len(columns))}">(nothing found)</td></tr>')
    parts.append("</table>")
    return HTML("".join(parts))


def concordance_table(lines: Iterable[Any], *, caption: str = "") -> HTML:
    """Keyword-in-context lines (``framing.concordance`` results, or ``by_article`` rows of
    them): the keyword bold and underlined, left context right-aligned so the keywords line
    up, and a "quoted" column saying whether it stands inside quotation marks."""
    data = [_as_dict(r) for r in lines]
    parts = [_STYLE, '<table class="ml-frame">']
    if caption:
        parts.append(f"<caption>{escape(caption)}</caption>")
    has_article = any("article" in d for d in data)
    head = (["article"] if has_article else []) + ["before", "word", "after", "quoted"]
    parts.append("<tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>")
    for d in data:
        cells = [f"<td>{_cell(d.get('article'))}</td>"] if has_article else []
        cells += [f'<td class="ml-left">{_cell(d["left"])}</td>', f"<td><b><u>{_cell(d['match'])}</u></b></td>",
                  f"<td>{_cell(d['right'])}</td>", f"<td>{_cell(d.get('quoted'))}</td>"]
        parts.append("<tr>" + "".join(cells) + "</tr>")
    if not data:
        parts.append(f'<tr><td colspan="{len(head)}">(no occurrence)</td></tr>')
    parts.append("</table>")
    return HTML("".join(parts))


def counts_table(counts: Iterable[Any], *, caption: str = "") -> HTML:
    """Word counts (``framing.word_counts``) or collocations (``framing.collocations``) of
    several articles side by side: one column per article (headed with its id and outlet),
    one row per rank. A word reads "sanctions (8)"; a pair "white house (2, 243× chance)"."""
    data = [_as_dict(r) for r in counts]
    columns: dict[str, list[str]] = {}
    heads: dict[str, str] = {}
    for d in data:
        key = d["article"]
        heads[key] = f"{key} ({d.get('outlet', 'unknown')})"
        if "times_chance" in d:
            columns.setdefault(key, []).append(f"{d['words']} ({d['count']}, {d['times_chance']:g}× chance)")
        else:
            columns.setdefault(key, []).append(f"{d['word']} ({d['count']})")
    depth = max((len(v) for v in columns.values()), default=0)
    parts = [_STYLE, '<table class="ml-frame">']
    if caption:
        parts.append(f"<caption>{escape(caption)}</caption>")
    parts.append("<tr><th>rank</th>" + "".join(f"<th>{escape(h)}</th>" for h in heads.values()) + "</tr>")
    for i in range(depth):
        cells = "".join(f"<td>{escape(col[i]) if i < len(col) else ''}</td>" for col in columns.values())
        parts.append(f"<tr><td>{i + 1}</td>{cells}</tr>")
    if not data:
        parts.append("<tr><td>(nothing counted)</td></tr>")
    parts.append("</table>")
    return HTML("".join(parts))


table = framing_table       # the same table for any rows (a corpus's catalog facts, quotes...): notebooks need no pandas
