"""The individual reference checks used by :func:`medialit.checks.checking.check`. Each returns None
when it does not apply to the figure, or an :class:`Outcome` (verdict, check, explanation,
arithmetic, rows).

Internal module: use :func:`medialit.checks.checking.check`.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from medialit.checks.dates import DateSpan, age_on, figure_span, years_between
from medialit.figures.extraction import Figure, extract
from medialit.checks.reference import fold


class Outcome(NamedTuple):
    """What a checker decided; :func:`medialit.checks.checking.check` makes it a ``Check``."""

    verdict: str          # one of medialit.checks.checking.VERDICTS
    check: str            # the checker's name: "price", "age", "page date", ...
    explanation: str
    arithmetic: str
    rows: list | tuple    # the reference rows it used


_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)[^\n]{0,40}$", re.I)


def _fmt(v: float) -> str:
    return f"{v:,.2f}".rstrip("0").rstrip(".") if v != int(v) else f"{int(v):,}"


def _rng(lo: float, hi: float) -> str:
    if lo == hi:
        return _fmt(lo)
    if hi == float("inf"):
        return f"more than {_fmt(lo)}"
    if lo == float("-inf"):
        return f"at most {_fmt(hi)}"
    return f"{_fmt(lo)} to {_fmt(hi)}"


def _fig_range(fig: Figure) -> tuple[float, float] | None:
    if fig.low is not None or fig.high is not None:
        return (fig.low if fig.low is not None else float("-inf"),
                fig.high if fig.high is not None else float("inf"))
    if isinstance(fig.value, (int, float)):
        return float(fig.value), float(fig.value)
    return None


def check_page_date(fig, sentence, when, ref, rules, *, text=None, **_) -> Outcome | None:
    """A year in a photo credit ("© AFP 2022") is about the page, not the story."""
    if fig.kind not in ("year", "date") or text is None or not _COPYRIGHT.search(text[max(0, fig.start - 45):fig.start]):
        return None
    span = figure_span(fig, when)
    if when is None or span is None:
        return Outcome("cannot tell", "page date", "A credit line's date can be compared with the article date, "
                       "but the article date is unknown.", "", [])
    span = span.span
    if span.lo > when.hi:
        return Outcome("inconsistent", "page date",
                       f"The credit line says {fig.text}, later than the article itself ({when}): the page furniture "
                       "was updated after publication. Do not date the article by it.",
                       f"{span.lo.year} > {when.hi.year}", [])
    return Outcome("consistent", "page date", f"The credit year {fig.text} is not later than the article ({when}).",
                   f"{span.lo.year} <= {when.hi.year}", [])


def _person_near(fig, sentence, ref):
    """The person from people.csv named in the sentence nearest to the figure."""
    s = fold(sentence)
    offset = fig.start - (fig.sentence_start or fig.start)
    best = None
    for p in ref.people:
        for alias in sorted((p.name,) + p.aliases, key=len, reverse=True):
            for m in re.finditer(r"\b" + re.escape(fold(alias)) + r"\b", s):
                dist = abs(m.start() - offset)
                if best is None or dist < best[0]:
                    best = (dist, p)
    return best[1] if best else None


def check_age(fig, sentence, when, ref, rules, *, text=None, **_) -> Outcome | None:
    """An age ("teenage", "aged 34", "a 35-year-old") against a date of birth."""
    if not (fig.unit or "").endswith("years old"):
        return None
    person = _person_near(fig, sentence, ref)
    if person is None:
        return None
    claimed = _fig_range(fig)
    # the time the sentence is about: a year or date in the same sentence, else the article date
    at, why = when, "the article date"
    if text is not None and fig.sentence_start is not None:
        others = [f for f in extract(text[fig.sentence_start:fig.sentence_end]) if f.kind in ("year", "date")]
        spans = [figure_span(f, when) for f in others]
        spans = [s.span for s in spans if s]
        if len(spans) == 1:
            at, why = spans[0], f"the time the sentence is about ('{others[0].text}')"
    if at is None or claimed is None:
        return Outcome("cannot tell", "age", f"{person.name} was born on {person.born}, but the sentence gives no date "
                       "and the article date is unknown, so the age cannot be worked out.", "", [person])
    a_lo, a_hi = age_on(person.born, at.lo), age_on(person.born, at.hi)
    ok = claimed[0] <= a_hi and a_lo <= claimed[1]
    ages = str(a_lo) if a_lo == a_hi else f"{a_lo} to {a_hi}"
    arith = (f"born {person.born}; on {at} ({why}) aged {ages}; '{fig.text}' means {_rng(*claimed)} "
             f"-> {'overlap' if ok else 'no overlap'}")
    if ok:
        return Outcome("consistent", "age", f"{person.name} (born {person.born}) was {ages} then, which fits '{fig.text}'.",
                       arith, [person])
    return Outcome("inconsistent", "age", f"{person.name} was born on {person.born}, so aged {ages} at {at}: "
                   f"'{fig.text}' ({_rng(*claimed)}) cannot describe this person.", arith, [person])


def _series_for(fig, sentence, rules, ref):
    s = fold(sentence)
    offset = fig.end - (fig.sentence_start or fig.start)
    best = None
    for name, aliases in rules.checks.get("series", {}).items():
        for a in aliases:
            for m in re.finditer(r"\b" + re.escape(a) + r"\b", s):
                after = m.start() >= offset
                dist = (m.start() - offset) if after else (offset - m.end()) + 1000
                if best is None or dist < best[0]:
                    best = (dist, name)
    return best[1] if best else None


def check_price(fig, sentence, when, ref, rules, **_) -> Outcome | None:
    """An oil price against the EIA daily spot series, on the article date or over a window."""
    unit = fig.unit or ""
    s = fold(sentence)
    if fig.kind != "money" or not (unit.startswith("USD/barrel") or (unit == "USD" and re.search(r"\b(oil|crude|brent|wti)\b", s))):
        return None
    series = _series_for(fig, sentence, rules, ref)
    if series is None:
        return Outcome("cannot tell", "price", "An oil price, but the sentence does not say which benchmark "
                       "(WTI or Brent): the prices differ by several dollars.", "", [])
    if when is None:
        return Outcome("cannot tell", "price", "A price is only right on a date; the article date is unknown.", "", [])
    wm = rules.window_re.search(sentence)
    if wm:
        days = rules.windows[re.sub(r"\s+", " ", wm.group(1).lower())]
        window = DateSpan(when.hi - dt.timedelta(days=days), when.hi)
        how = f"'{wm.group(1)}' before {when.hi}: {window}"
    else:
        days = int(rules.checks.get("default_price_lookback_days", 4))
        window = DateSpan(when.hi - dt.timedelta(days=days), when.hi)
        how = f"no time window in the sentence: the last trading day in {window}"
    rows = [r for r in ref.series(series) if r.date in window]
    if not wm and rows:
        rows = rows[-1:]
    if not rows:
        return Outcome("cannot tell", "price", f"No {series} prices in the reference table for {window}.", how, [])
    vals = [r.usd_per_barrel for r in rows]
    top, bottom = max(rows, key=lambda r: r.usd_per_barrel), min(rows, key=lambda r: r.usd_per_barrel)
    v = float(fig.value) if isinstance(fig.value, (int, float)) else None
    bound = rules.qualifiers.get(fig.qualifier or "", None)
    tol = float(rules.checks.get("price_tolerance", 0.02))
    if v is None:
        lo, hi = fig.low, fig.high
        ok = any(lo <= x <= hi for x in vals)
        claim = f"between {_fmt(lo)} and {_fmt(hi)}"
    elif bound in ("strict_lower", "lower"):
        ok = top.usd_per_barrel > v if bound == "strict_lower" else top.usd_per_barrel >= v
        claim = f"above {_fmt(v)}"
    elif bound in ("strict_upper", "upper"):
        ok = bottom.usd_per_barrel < v if bound == "strict_upper" else bottom.usd_per_barrel <= v
        claim = f"below {_fmt(v)}"
    elif bound == "near_below":
        ok = any(v * (1 - rules.approx_fraction) <= x <= v for x in vals)
        claim = f"a little under {_fmt(v)}"
    else:
        ok = any(abs(x - v) <= v * tol for x in vals) or (len(vals) > 1 and min(vals) <= v <= max(vals))
        claim = f"about {_fmt(v)} (within {tol:.0%})" if len(vals) == 1 else f"{_fmt(v)} at some point in the window"
    arith = (f"{series} spot, {how}: " + ", ".join(f"{r.date} {r.usd_per_barrel:g}" for r in rows)
             + f"; range {_fmt(min(vals))} to {_fmt(max(vals))}; claim: {claim}")
    futures = [r for r in ref.prices if r.series.startswith(series + " futures") and r.date in window]
    extra = ""
    if futures:
        extra = " Futures settlements differ from spot: " + ", ".join(f"{r.series} {r.usd_per_barrel:g} on {r.date}" for r in futures) + "."
    if ok:
        under = " It understates the peak." if bound in ("strict_lower", "lower") and top.usd_per_barrel > v * (1 + tol) else ""
        expl = f"'{fig.text}' is consistent with the {series} spot price (peak {top.usd_per_barrel:g} on {top.date}).{under}{extra}"
        return Outcome("consistent", "price", expl, arith, rows + futures)
    return Outcome("inconsistent", "price", f"'{fig.text}' does not match the {series} spot prices in {window} "
                   f"({_fmt(min(vals))} to {_fmt(max(vals))}).{extra}", arith, rows + futures)


def _unit_matches(fig, row) -> bool:
    unit = fold(fig.unit or "")
    if not unit:
        return False
    return unit in row.counted or unit == fold(row.unit) or any(unit.endswith(" " + c) or c.endswith(" " + unit) for c in row.counted)


def check_count(fig, sentence, when, ref, rules, **_) -> Outcome | None:
    """A count (or vague count, or a duration such as '72 hours') against counts.csv."""
    if fig.kind not in ("count", "vague", "number", "duration"):
        return None
    rows = [r for r in ref.counts if _unit_matches(fig, r) and r.cues.matches(sentence)]
    if not rows:
        return None
    claimed = _fig_range(fig)
    if claimed is None:
        return None
    by_what: dict[str, list] = {}
    for r in rows:
        by_what.setdefault(r.what, []).append(r)
    what, group = sorted(by_what.items(), key=lambda kv: -len(kv[1]))[0]
    if len(group) > 1:   # a count that changes over time: the row nearest the article date
        if when is None:
            return Outcome("cannot tell", "count", f"'{what}' changes over time and the article date is unknown.", "", group)
        limit = int(rules.checks.get("count_window_days", 45))
        row = min(group, key=lambda r: abs((r.date - when.hi).days))
        if abs((row.date - when.hi).days) > limit:
            return Outcome("cannot tell", "count", f"No reference count of '{what}' within {limit} days of {when}.", "", group)
        timing = f"the reference row nearest the article date ({when}) is {row.date}"
    else:
        row = group[0]
        if when is not None and when.hi < row.date:
            return Outcome("cannot tell", "count", f"The article ({when}) predates the reference row ({row.date}).", "", [row])
        timing = f"reference row of {row.date}"
    t = float(rules.checks.get("approx_reference_tolerance", 0.1)) if row.approx else 0.0
    ref_rng = (row.value * (1 - t), row.value * (1 + t))
    ok = claimed[0] <= ref_rng[1] and ref_rng[0] <= claimed[1]
    about = "about " if row.approx else ""
    arith = (f"'{fig.text}' = {_rng(*claimed)}; reference: {about}{_fmt(row.value)} {row.unit} "
             f"({_rng(*ref_rng)}), {timing} -> {'overlap' if ok else 'no overlap'}")
    if ok:
        return Outcome("consistent", "count", f"'{fig.text}' fits the reference: {about}{_fmt(row.value)} {what} ({row.date}).",
                       arith, [row])
    return Outcome("inconsistent", "count", f"'{fig.text}' ({_rng(*claimed)}) does not fit the reference: {about}"
                   f"{_fmt(row.value)} {what} ({row.date}).", arith, [row])


def _events(ref, context):
    return [e for e in ref.events if e.cues.matches(context)]


def check_event_date(fig, sentence, when, ref, rules, **_) -> Outcome | None:
    """A date or year against the date of the event its sentence describes."""
    if fig.kind not in ("date", "year"):
        return None
    events = _events(ref, sentence)
    if not events:
        return None
    fs = figure_span(fig, when)
    if fs is None:
        return Outcome("cannot tell", "event date", f"'{fig.text}' has no year and the article date is unknown.", "", events)
    span, note = fs
    fits = [e for e in events if e.date in span]
    arith = "; ".join(f"{e.event}: {e.date} {'in' if e.date in span else 'not in'} {span}" for e in events)
    if note:
        arith = note + "; " + arith
    if len(fits) == len(events):
        return Outcome("consistent", "event date", f"'{fig.text}' matches the reference date of: "
                       + "; ".join(f"{e.event} ({e.date})" for e in events) + ".", arith, events)
    if not fits:
        return Outcome("inconsistent", "event date", f"'{fig.text}' ({span}) does not match the reference date of: "
                       + "; ".join(f"{e.event} ({e.date})" for e in events) + ".", arith, events)
    return Outcome("cannot tell", "event date", "The sentence matches several reference events, and only some of them "
                   f"fall in {span}: which event the date is about decides the verdict.", arith, events)


def check_duration(fig, sentence, when, ref, rules, *, previous=lambda: "", **_) -> Outcome | None:
    """'after seven years': the time from an event named nearby to the article date."""
    if fig.kind != "duration" or fig.unit not in ("years", "months", "weeks", "days"):
        return None
    context = previous() + " " + sentence
    events = _events(ref, context)
    if not events or not isinstance(fig.value, (int, float)):
        return None
    if when is None:
        return Outcome("cannot tell", "duration", "The article date is unknown, so the time since the event cannot be worked out.", "", events)
    per_unit = {"years": 1.0, "months": 1 / 12, "weeks": 7 / 365.2425, "days": 1 / 365.2425}[fig.unit]
    tol = float(rules.checks.get("duration_tolerance", 1.0))
    results = []
    for e in events:
        elapsed = years_between(e.date, when.hi) / per_unit
        results.append((e, elapsed, abs(elapsed - float(fig.value)) <= tol))
    arith = "; ".join(f"{when.hi} - {e.date} = {el:.2f} {fig.unit}" for e, el, _ in results) + \
        f"; stated {fig.value:g} {fig.unit} (tolerance {tol:g})"
    if all(ok for _, _, ok in results):
        return Outcome("consistent", "duration", f"'{fig.text}' matches the time since "
                       + "; ".join(f"{e.event} ({e.date})" for e, _, _ in results) + f" up to the article date ({when.hi}).",
                       arith, events)
    if not any(ok for _, _, ok in results):
        return Outcome("inconsistent", "duration", f"'{fig.text}' does not match the time since "
                       + "; ".join(e.event for e, _, _ in results) + ".", arith, events)
    return Outcome("cannot tell", "duration", "Several reference events are named nearby and they give different answers.", arith, events)


def check_fact(fig, sentence, when, ref, rules, **_) -> Outcome | None:
    """A quantity against facts.csv ("300 billion barrels" of reserves)."""
    if fig.kind not in ("quantity", "vague", "number") or not fig.unit:
        return None
    rows = [r for r in ref.facts if fold(r.unit) == fold(fig.unit) and r.cues.matches(sentence)]
    claimed = _fig_range(fig)
    if not rows or claimed is None:
        return None
    row = rows[0]
    t = float(rules.checks.get("approx_reference_tolerance", 0.1)) if row.approx else 0.0
    rr = (row.value * (1 - t), row.value * (1 + t))
    ok = claimed[0] <= rr[1] and rr[0] <= claimed[1]
    arith = f"'{fig.text}' = {_rng(*claimed)}; reference {_rng(*rr)} ({row.fact}, as of {row.as_of})"
    return Outcome("consistent" if ok else "inconsistent", "fact",
                   f"'{fig.text}' {'fits' if ok else 'does not fit'} the reference: {row.fact} = {_fmt(row.value)} {row.unit}.",
                   arith, [row])
