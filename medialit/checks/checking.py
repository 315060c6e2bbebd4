"""Checking figures against reference tables: prices on a date or over a window, counts at a
date, ages from a date of birth, dates of events, durations between dates, and page dates.

``check(figure, text=..., article_date=...)`` returns a :class:`Check` with a verdict
("consistent", "inconsistent" or "cannot tell"), the arithmetic, and the reference rows used.
A row applies only when its cue words appear near the figure; when no row applies the verdict
is "cannot tell" -- the check never guesses. ``check_text`` runs every applicable check.

>>> text = "In 2019 the US recognised a teenage opposition figure, Juan Guaidó."
>>> [c.verdict for c in check_text(text, article_date="2022-03-06")]
['inconsistent']
"""
from __future__ import annotations

from dataclasses import dataclass, field

from medialit.corpus.document import Document
from medialit.checks.dates import DateSpan, as_span, figure_span, period_of
from medialit.figures.extraction import Figure, extract
from medialit.figures.tables import load_rules
from medialit.checks.reference import Reference, fold, load_reference, row_dict
from medialit.records import Record, as_json

VERDICTS = ("consistent", "inconsistent", "cannot tell")


@dataclass(frozen=True, slots=True)
class Check(Record):
    """The verdict on one figure, with the working shown."""

    figure: Figure
    verdict: str
    check: str            # which check ran: price, count, age, event date, duration, fact, page date, none
    explanation: str
    arithmetic: str
    rows: tuple = field(default=(), metadata=as_json(convert=lambda rows: [row_dict(r) for r in rows]))


def _sentence(fig: Figure, text: str | None) -> str:
    if text is None:
        return fig.text
    if fig.sentence_start is None:
        return text[max(0, fig.start - 200):fig.end + 200]
    return text[fig.sentence_start:fig.sentence_end]


def _previous_sentence(fig: Figure, text: str | None) -> str:
    if text is None or fig.sentence_start is None:
        return ""
    from medialit.text.split import sentences
    before = [s for s in sentences(text[:fig.sentence_start])]
    return before[-1].text if before else ""


def check(figure: Figure, *, text: str | None = None, article_date=None,
          reference: Reference | None = None) -> Check:
    """Check one figure. ``text`` is the article it came from (its sentence gives the
    context the cue words are matched in); ``article_date`` a date, or "YYYY[-MM[-DD]]".

    >>> t = "Washington and Caracas have had no formal diplomatic relations since January 2019."
    >>> f = extract(t)[0]
    >>> check(f, text=t, article_date="2022-03-06").verdict
    'consistent'
    """
    ref = reference or load_reference()
    rules = load_rules()
    when = as_span(article_date) if article_date is not None else None
    sentence = _sentence(figure, text)
    from medialit.checks.checkers import (check_age, check_count, check_duration, check_event_date, check_fact,
                               check_page_date, check_price)
    for fn in (check_page_date, check_age, check_price, check_count, check_duration, check_event_date, check_fact):
        result = fn(figure, sentence, when, ref, rules, text=text,
                    previous=lambda: _previous_sentence(figure, text))
        if result is not None:
            return Check(figure, result.verdict, result.check, result.explanation, result.arithmetic,
                         tuple(result.rows))
    return Check(figure, "cannot tell", "none",
                 f"No reference row applies to '{figure.text}' (no table has a row whose cue words appear in its "
                 "sentence), so the kit cannot check it. That is not a sign it is wrong: find a better source.",
                 "", ())


def check_text(text: str | Document, *, article_date=None, reference: Reference | None = None,
               include_unchecked: bool = False) -> list[Check]:
    """Run :func:`check` on every figure in ``text``. Figures no reference row applies to are
    left out unless ``include_unchecked`` is true.

    ``text`` may be a :class:`medialit.corpus.document.Document`: its figures (the layer
    "figures" of :func:`medialit.figures.extraction.extract`) are reused.

    >>> from medialit.corpus.document import Document
    >>> doc = Document("In 2019 the US recognised a teenage opposition figure, Juan Guaidó.")
    >>> [c.verdict for c in check_text(doc, article_date="2022-03-06")], doc.has_layer("figures")
    (['inconsistent'], True)
    """
    ref = reference or load_reference()
    figures = extract(text)
    if isinstance(text, Document):
        text = text.text
    out = []
    for f in figures:
        c = check(f, text=text, article_date=article_date, reference=ref)
        if include_unchecked or c.check != "none":
            out.append(c)
    return out


__all__ = ["Check", "check", "check_text", "VERDICTS", "DateSpan", "figure_span", "period_of", "fold"]
