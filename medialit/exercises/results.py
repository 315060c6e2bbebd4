"""What a check returns: readable as text (``print``) and as HTML (notebooks), without colour alone.

>>> r = CheckResult("q0.1", "single_choice", "correct", 1.0, 1.0, "Correct: 'anonymous' is the right choice.")
>>> str(r).splitlines()[0]
"q0.1 ✓ Correct: 'anonymous' is the right choice. (1/1 point)"
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field

from medialit.records import Record

ICONS = {"correct": "✓", "saved": "✓", "incorrect": "✗", "unanswered": "○", "invalid": "✗"}
STATUS_WORDS = {"correct": "correct", "saved": "saved", "incorrect": "not yet",
                "unanswered": "not answered", "invalid": "not readable"}


def _points(x: float) -> str:
    return f"{x:g}"


@dataclass(frozen=True, slots=True)
class CheckResult(Record):
    """The outcome of checking one exercise; ``message`` says exactly what was checked."""

    exercise_id: str
    kind: str
    status: str            # correct | incorrect | unanswered | saved (free text) | invalid
    score: float
    points: float
    message: str
    details: tuple[str, ...] = ()      # feedback aimed at specific wrong answers
    hint: str | None = None
    explanation: str | None = None

    @property
    def passed(self) -> bool:
        """True when the answer earns its points (free text: when it is saved)."""
        return self.status in ("correct", "saved")

    def headline(self) -> str:
        tail = f" ({_points(self.score)}/{_points(self.points)} point{'s' if self.points != 1 else ''})" \
            if self.kind != "free_text" else ""
        return f"{self.exercise_id} {ICONS[self.status]} {self.message}{tail}"

    def __str__(self) -> str:
        lines = [self.headline()]
        lines += [f"  • {d}" for d in self.details]
        if self.hint:
            lines.append(f"  Hint: {self.hint}")
        if self.explanation:
            lines.append(f"  Why: {self.explanation}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        e = html.escape
        good = self.status in ("correct", "saved")
        border = "#0072B2" if good else "#D55E00"   # Okabe-Ito blue / vermillion; icons and words carry the meaning
        parts = [f'<div class="medialit-result medialit-{e(self.status)} tex2jax_ignore mathjax_ignore" '
                 'role="status" aria-live="polite" '
                 f'style="border-left:4px solid {border};padding:4px 10px;margin:4px 0">',
                 f"<strong>{e(self.exercise_id)} {ICONS[self.status]} {e(self.message)}</strong>"]
        if self.kind != "free_text":
            parts.append(f" <span>({_points(self.score)}/{_points(self.points)})</span>")
        if self.details:
            parts.append("<ul>" + "".join(f"<li>{e(d)}</li>" for d in self.details) + "</ul>")
        if self.hint:
            parts.append(f"<div><em>Hint:</em> {e(self.hint)}</div>")
        if self.explanation:
            parts.append(f"<div><em>Why:</em> {e(self.explanation)}</div>")
        return "".join(parts) + "</div>"


@dataclass(frozen=True)
class ResultTable:
    """Rows of results (``check_all``) or progress, as a plain-text or HTML table."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    footer: tuple[str, ...] = field(default=())

    def __str__(self) -> str:
        table = [self.columns, *self.rows] + ([self.footer] if self.footer else [])
        widths = [max(len(str(r[i])) for r in table) for i in range(len(self.columns))]
        fmt = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
        lines = [self.title, fmt(self.columns), fmt(["-" * w for w in widths])]
        lines += [fmt(r) for r in self.rows]
        if self.footer:
            lines += [fmt(["-" * w for w in widths]), fmt(self.footer)]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        e = html.escape
        head = "".join(f"<th scope='col'>{e(c)}</th>" for c in self.columns)
        body = "".join("<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in r) + "</tr>" for r in self.rows)
        foot = ("<tfoot><tr>" + "".join(f"<th>{e(str(c))}</th>" for c in self.footer) + "</tr></tfoot>") \
            if self.footer else ""
        # Outranks JupyterLab's right-aligned rendered-table cells (see medialit.views.html.table_css).
        style = ("<style>.jp-RenderedHTMLCommon table.medialit-table td,.jp-RenderedHTMLCommon table.medialit-table th,"
                 "table.medialit-table td,table.medialit-table th{text-align:left;padding:2px 8px}"
                 ".jp-RenderedHTMLCommon table.medialit-table caption,table.medialit-table caption"
                 "{text-align:left;font-weight:bold}</style>")
        return (f"{style}<table class='medialit-table'><caption>{e(self.title)}</caption>"
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody>{foot}</table>")


@dataclass(frozen=True)
class Note:
    """A short confirmation or warning (``ex.answer`` returns one)."""

    text: str
    ok: bool = True

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        icon = "✓" if self.ok else "✗"
        return f"<div class='medialit-note' role='status'>{icon} {html.escape(self.text)}</div>"
