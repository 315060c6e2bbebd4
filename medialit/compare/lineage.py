"""Copy trail: order the versions of one story family into a lineage.

Within a family (from :func:`medialit.compare.families.story_families`), which version
came first, and what did each later one add, cut or change? Two kinds of evidence:

* **dates** (``published``, else ``story_date``), where every version has one: earlier
  first; versions of the same day are ordered by containment;
* **containment** otherwise: a version that holds another's text (its narrative contains
  the other's) comes after it, as a growing wire story does. Containment cannot tell a
  growing story from a copy that cut its original, so an order from containment alone is
  marked *unsure*.

Each version after the first gets its **closest ancestor**: the earlier version it shares
most narrative with (the most narrative word triples; on a tie, the later one). When neither holds the other's text, the link says so: the two may
both come from a third text that is not in the collection (the seeds' 001 and 002 both
rewrite a Reuters story that is not among them). Links known from a catalog
(``Article.upstream``) are listed apart, as *known*, never as measured.

>>> trail = lineage({"v1": "The port closed on Friday after the storm, officials said.",
...                  "v2": "The port closed on Friday after the storm, officials said. Ships waited outside "
...                        "for two days before the harbour opened again."})
>>> [(v.id, v.parent) for v in trail.versions]
[('v1', None), ('v2', 'v1')]
>>> trail.versions[1].added
('Ships waited outside for two days before the harbour opened again.',)
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from medialit.records import Record, as_json, rounded

MAX_VERSIONS = 30   # a family larger than this is ordered from fingerprints alone (no alignment)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Version(Record):
    """One version in a lineage: its ``parent`` (closest earlier version, or None), how
    the order was decided (``basis``), ``similarity`` to the parent, and the sentences it
    ``added``, ``cut`` and ``changed`` relative to the parent (``changed``: "old -> new")."""

    id: str
    date: str | None
    parent: str | None
    basis: str
    similarity: float = field(metadata=as_json(convert=rounded(3)))
    added: tuple[str, ...] = ()
    cut: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    quotes_changed: int = 0
    unsure: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class KnownLink(Record):
    """A link from a catalog: ``subject`` is a ``relation`` ``outlet`` (``date``); not measured."""

    article: str
    subject: str
    relation: str
    outlet: str
    date: str


@dataclass(frozen=True, slots=True)
class Lineage(Record):
    """The versions in order (first = earliest) and the catalog's known links."""

    versions: tuple[Version, ...]
    known: tuple[KnownLink, ...] = ()

    def describe(self) -> str:
        """The trail as readable lines."""
        out = []
        for v in self.versions:
            when = f" ({v.date})" if v.date else ""
            if v.parent is None:
                out.append(f"{v.id}{when}: first version ({v.basis})")
                continue
            flag = " [unsure]" if v.unsure else ""
            out.append(f"{v.id}{when} <- {v.parent}: similarity {v.similarity:.2f}, {len(v.added)} added, "
                       f"{len(v.cut)} cut, {len(v.changed)} changed, {v.quotes_changed} quotation(s) changed "
                       f"({v.basis}){flag}")
            if v.note:
                out.append(f"    {v.note}")
            out += [f"    + {_clip(s)}" for s in v.added]
            out += [f"    - {_clip(s)}" for s in v.cut]
            out += [f"    ~ {_clip(s)}" for s in v.changed]
        for k in self.known:
            out.append(f"known from the catalog: {k.article}: {k.subject} -> {k.relation} -> {k.outlet} ({k.date})")
        return "\n".join(out)


def _clip(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3] + "..."


def _date(article) -> str | None:
    for attr in ("published", "story_date"):
        value = getattr(article, attr, None)
        if isinstance(value, str) and _ISO.match(value):
            return value[:10]
    return None


def _items(family) -> tuple[list[tuple[str, str]], dict[str, str | None], list[KnownLink]]:
    items, dates, known = [], {}, []
    if isinstance(family, Mapping):
        family = list(family.items())
    for art in family:
        if isinstance(art, tuple):
            key, text = str(art[0]), art[1]
            dates[key] = None
        else:
            key, text = str(art.id), art.text
            dates[key] = _date(art)
            for up in getattr(art, "upstream", ()):
                known.append(KnownLink(key, up.subject, up.relation, up.outlet, up.date))
        items.append((key, text))
    return items, dates, known


def lineage(family: Mapping[str, str] | Iterable, *, dates: Mapping[str, str] | None = None,
            furniture=None) -> Lineage:
    """Order the versions of one family into a lineage (see the module docstring).

    ``family``: a mapping id -> text, or Articles (their ``published``/``story_date`` and
    catalog ``upstream`` links are used). ``dates`` (id -> ISO date) overrides them.
    ``furniture`` (a collection's learned furniture) is left out of every comparison.
    """
    from medialit.compare.comparison import CONTAINED, compare, evidence, fingerprint

    items, known_dates, known = _items(family)
    if dates:
        known_dates.update({k: v[:10] for k, v in dates.items() if isinstance(v, str) and _ISO.match(v)})
    ids = [k for k, _ in items]
    texts = dict(items)
    fps = {k: fingerprint(t, furniture=furniture) for k, t in items}
    ev = {(x, y): evidence(fps[x], fps[y]) for x in ids for y in ids if x != y}

    def holds(x: str, y: str) -> bool:  # x holds y's text (y is contained in x)
        e = ev[x, y]
        return e.contained == "b_in_a"

    held = {x: sum(holds(x, y) for y in ids if y != x) for x in ids}
    all_dated = all(known_dates.get(k) for k in ids)
    if all_dated:
        order = sorted(ids, key=lambda k: (known_dates[k], held[k], len(fps[k].narrative), ids.index(k)))
    else:
        order = sorted(ids, key=lambda k: (held[k], len(fps[k].narrative), ids.index(k)))
    versions = []
    for pos, k in enumerate(order):
        date = known_dates.get(k)
        if pos == 0:
            basis = "the earliest date" if all_dated else "contained in the others, or the shortest (unsure)"
            versions.append(Version(k, date, None, basis, 1.0, unsure=not all_dated))
            continue
        earlier = order[:pos]
        parent = max(earlier, key=lambda p: (ev[p, k].narrative_shared, ev[p, k].score, earlier.index(p)))
        e = ev[parent, k]
        same_day = all_dated and known_dates[parent] == date
        if all_dated and not same_day:
            basis, unsure = "dates", False
        elif holds(k, parent):
            basis = "same date; it holds the earlier version's text" if same_day else \
                "it holds the earlier version's text (containment)"
            unsure = not same_day
        else:
            basis, unsure = ("same date, order unsure" if same_day else "no date, order unsure"), True
        note = ""
        if e.narrative_containment >= CONTAINED and not holds(k, parent) and not holds(parent, k):
            note = "the two versions tell the same narrative at the same length: a close copy, direction unsure"
        elif not holds(k, parent) and not holds(parent, k):
            note = ("neither version holds the other's text: both may come from a third text "
                    "that is not in this collection")
        result = compare(texts[parent], texts[k], furniture=furniture) if len(ids) <= MAX_VERSIONS else None
        added = cut = changed = ()
        quotes = 0
        if result is not None:
            added = tuple(p.b.text for p in result.pairs if p.kind == "b_only")
            cut = tuple(p.a.text for p in result.pairs if p.kind == "a_only")
            changed = tuple(f"{_clip(p.a.text, 60)} -> {_clip(p.b.text, 60)}" for p in result.pairs
                            if p.a is not None and p.b is not None and p.changes)
            quotes = len(result.quote_changes)
        versions.append(Version(k, date, parent, basis, e.score, added, cut, changed, quotes, unsure, note))
    return Lineage(tuple(versions), tuple(known))
