"""Score ``medialit.figures.extraction.extract`` against the hand-labelled ``tests/data/figures_gold.toml``.

Used by ``tests/figures/test_extraction_gold.py`` and ``bench/bench_figures.py``; as a script it prints
every miss, every false alarm and every disagreement (the list in docs/figures.md)::

    .venv/bin/python tests/figures_gold.py

Matching: a labelled figure is *found* when an extracted figure overlaps its span. It *agrees*
when the kind is the same and the value is the same (ranges: the same low and high; numbers
compared to 4 significant digits, so "a third" = 0.3333 matches). An extracted figure that
is not the closest match of any labelled figure is a *false alarm* (precision counts them):
it overlaps nothing labelled, or a ``not_figures`` span, or it is a second report inside one
labelled figure.
"""
from __future__ import annotations

import math
import sys
from medialit.rules import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "figures_gold.toml"


@dataclass
class Label:
    paragraph: str
    start: int
    end: int
    text: str
    kind: str
    value: float | str | None
    low: float | None
    high: float | None
    unit: str | None


@dataclass
class Score:
    labels: int = 0
    found: int = 0
    reported: int = 0
    correct_reports: int = 0
    agree: int = 0
    unit_agree: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)
    unit_disagreements: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.labels if self.labels else 0.0

    @property
    def precision(self) -> float:
        return self.correct_reports / self.reported if self.reported else 0.0

    @property
    def agreement(self) -> float:
        return self.agree / self.found if self.found else 0.0


def _locate(text: str, needle: str, nth: int, where: str) -> int:
    at = -1
    for _ in range(nth):
        at = text.find(needle, at + 1)
        if at < 0:
            raise ValueError(f"{GOLD.name}: {where}: {needle!r} (occurrence {nth}) is not in the paragraph")
    return at


def load(path: Path = GOLD) -> list[tuple[str, str, list[Label], list[tuple[int, int, str]]]]:
    """The paragraphs: (id, text, labels, not-figure spans)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = []
    for p in data["paragraph"]:
        text, pid = p["text"], p["id"]
        labels = []
        for f in p["figures"]:
            at = _locate(text, f["text"], f.get("nth", 1), pid)
            labels.append(Label(pid, at, at + len(f["text"]), f["text"], f["kind"], f.get("value"),
                                f.get("low"), f.get("high"), f.get("unit")))
        nots = []
        for t in p.get("not_figures", []):
            at = _locate(text, t, 1, pid)
            nots.append((at, at + len(t), t))
        out.append((pid, text, labels, nots))
    return out


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return str(a) == str(b)
    return math.isclose(float(a), float(b), rel_tol=5e-4, abs_tol=1e-9)


def score(extract=None) -> Score:
    """Run ``extract`` (default: medialit.figures.extraction.extract) over every gold paragraph."""
    if extract is None:
        from medialit.figures import extract
    s = Score()
    for pid, text, labels, nots in load():
        got = extract(text)
        s.labels += len(labels)
        s.reported += len(got)
        chosen: set[int] = set()
        for lab in labels:
            over = [g for g in got if g.start < lab.end and lab.start < g.end]
            if not over:
                s.misses.append(f"{pid}: {lab.text!r} ({lab.kind} {lab.value if lab.value is not None else (lab.low, lab.high)})")
                continue
            s.found += 1
            g = min(over, key=lambda g: abs(g.start - lab.start) + abs(g.end - lab.end))
            chosen.add(id(g))
            ok = g.kind == lab.kind and _same(g.value, lab.value) and (
                lab.value is not None or (_same(g.low, lab.low) and _same(g.high, lab.high)))
            if ok:
                s.agree += 1
            else:
                s.disagreements.append(
                    f"{pid}: {lab.text!r}: labelled {lab.kind} {lab.value!r} [{lab.low}, {lab.high}], "
                    f"got {g.text!r} {g.kind} {g.value!r} [{g.low}, {g.high}]")
            if (lab.unit or None) == (g.unit or None):
                s.unit_agree += 1
            else:
                s.unit_disagreements.append(f"{pid}: {lab.text!r}: unit {lab.unit!r}, got {g.unit!r}")
        for g in got:
            if id(g) in chosen:
                s.correct_reports += 1
                continue
            why = next((f" (a not-figure: {t!r})" for a, b, t in nots if g.start < b and a < g.end), "")
            if not why and any(g.start < lab.end and lab.start < g.end for lab in labels):
                why = " (a second report inside one labelled figure)"
            s.false_alarms.append(f"{pid}: {g.text!r} reported as {g.kind} {g.value!r}{why}")
    return s


def report(s: Score) -> str:
    lines = [f"{s.labels} labelled figures; found {s.found} (recall {s.recall:.1%}); "
             f"{s.reported} reported, {s.correct_reports} real (precision {s.precision:.1%}); "
             f"kind and value agree on {s.agree} of {s.found} ({s.agreement:.1%}); "
             f"unit agrees on {s.unit_agree} of {s.found}"]
    for title, rows in (("Misses", s.misses), ("False alarms", s.false_alarms),
                        ("Kind/value disagreements", s.disagreements), ("Unit disagreements", s.unit_disagreements)):
        lines.append(f"{title}: {len(rows)}")
        lines += [f"  - {r}" for r in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(report(score()))
