"""Dates as spans of days, for the checks: "2019" is 2019-01-01..2019-12-31, "late January"
in an article of 2019-02-09 is 2019-01-21..2019-01-31.

>>> as_span("2019-01")
DateSpan(lo=datetime.date(2019, 1, 1), hi=datetime.date(2019, 1, 31))
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class DateSpan:
    lo: dt.date
    hi: dt.date

    def __contains__(self, d: dt.date) -> bool:
        return self.lo <= d <= self.hi

    def __str__(self) -> str:
        if self.lo == self.hi:
            return self.lo.isoformat()
        return f"{self.lo.isoformat()} to {self.hi.isoformat()}"


def _month_span(y: int, m: int) -> DateSpan:
    return DateSpan(dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]))


def as_span(value) -> DateSpan:
    """A date, datetime or "YYYY", "YYYY-MM", "YYYY-MM-DD" string as a span of days."""
    if isinstance(value, DateSpan):
        return value
    if isinstance(value, dt.datetime):
        return DateSpan(value.date(), value.date())
    if isinstance(value, dt.date):
        return DateSpan(value, value)
    s = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", s)
    if not m:
        raise ValueError(f"article date '{s}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    y = int(m.group(1))
    if m.group(3):
        d = dt.date(y, int(m.group(2)), int(m.group(3)))
        return DateSpan(d, d)
    if m.group(2):
        return _month_span(y, int(m.group(2)))
    return DateSpan(dt.date(y, 1, 1), dt.date(y, 12, 31))


_PARTS = {"early": (0.0, 1 / 3), "start of": (0.0, 1 / 3), "beginning of": (0.0, 1 / 3),
          "mid": (1 / 3, 2 / 3), "middle of": (1 / 3, 2 / 3), "late": (2 / 3, 1.0), "end of": (2 / 3, 1.0)}


def period_of(span: DateSpan, qualifier: str | None) -> DateSpan:
    """Narrow a span to its early / mid / late third ("late January" = 21..31 January)."""
    if not qualifier or qualifier not in _PARTS:
        return span
    a, b = _PARTS[qualifier]
    days = (span.hi - span.lo).days + 1
    lo = span.lo + dt.timedelta(days=round(days * a))
    hi = span.lo + dt.timedelta(days=max(round(days * b) - 1, 0))
    return DateSpan(lo, hi)


def _nearest_year(month: int, day: int | None, when: DateSpan) -> int:
    """The year that puts a month (and day) closest to the article date."""
    best = None
    for y in (when.hi.year - 1, when.hi.year, when.hi.year + 1):
        try:
            d = dt.date(y, month, day or 15)
        except ValueError:
            continue
        dist = abs((d - when.hi).days)
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1]


class FigureSpan(NamedTuple):
    """The days a date figure covers (``span``) and how a missing year was filled in (``note``, "" if not)."""

    span: DateSpan
    note: str


def figure_span(fig, when: DateSpan | None) -> FigureSpan | None:
    """The days a date or year figure covers, and a note on how a missing year was filled in
    (from the article date). None if it cannot be worked out."""
    v = fig.value
    note = ""
    if fig.kind == "year":
        if isinstance(v, (int, float)):
            span = as_span(str(int(v)))
        elif fig.low is not None and fig.high is not None:
            span = DateSpan(dt.date(int(fig.low), 1, 1), dt.date(int(fig.high), 12, 31))
        else:
            return None
        return FigureSpan(period_of(span, fig.qualifier), note)
    if fig.kind != "date" or not isinstance(v, str):
        return None
    m = re.fullmatch(r"--(\d{2})(?:-(\d{2}))?", v)
    if m:
        if when is None:
            return None
        month, day = int(m.group(1)), int(m.group(2)) if m.group(2) else None
        y = _nearest_year(month, day, when)
        note = f"no year written: {y} is the year that puts it nearest the article date ({when})"
        v = f"{y}-{month:02d}" + (f"-{day:02d}" if day else "")
    try:
        return FigureSpan(period_of(as_span(v), fig.qualifier), note)
    except ValueError:
        return None


def years_between(a: dt.date, b: dt.date) -> float:
    """Elapsed years from a to b, as a decimal (2015-02-17 to 2022-03-06 = 7.05)."""
    return (b - a).days / 365.2425


def age_on(born: dt.date, on: dt.date) -> int:
    """Whole years of age on a date."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
