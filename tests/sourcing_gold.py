"""Compare ``medialit.sourcing.tagger.tag`` with the hand-labelled gold file of the seed articles.

Used by ``tests/sourcing/test_tagger.py`` and, as a script, to print the disagreements that
``docs/sourcing.md`` lists::

    .venv/bin/python tests/sourcing_gold.py
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from medialit.rules import tomllib

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "sourcing_gold.toml"
SEEDS = ROOT / "seeds"


def norm(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Row:
    article: str
    key: str
    gold: str
    gold_hedged: bool
    got: str
    got_hedged: bool
    note: str
    reason: str


def compare() -> list[Row]:
    """One row per gold entry, with what the tagger said about the matching sentence."""
    from medialit.corpus import find_boilerplate
    from medialit.sourcing import tag

    gold = tomllib.loads(GOLD.read_text(encoding="utf-8"))["sentence"]
    by_article: dict[str, list[dict]] = {}
    for g in gold:
        by_article.setdefault(g["article"], []).append(g)
    rows = []
    for aid, entries in sorted(by_article.items()):
        path = next(SEEDS.glob(f"{aid}_*.txt"))
        text = path.read_text(encoding="utf-8")
        tags = tag(text)
        boiler = [norm(b.text) for b in find_boilerplate(text)]
        for g in entries:
            key = norm(g["key"])
            full = len(g["key"]) >= 60  # a shorter key is the whole sentence
            hit = next((t for t in tags if (norm(t.text).startswith(key) if full else norm(t.text) == key)
                        or key.startswith(norm(t.text))), None)
            in_boiler = any((b.startswith(key) if full else b == key) for b in boiler)
            if hit is None and not in_boiler:  # merged into a longer sentence by the splitter?
                hit = next((t for t in tags if key[:40] in norm(t.text)), None)
            if hit is not None:
                got, hedged, reason = hit.sourcing, hit.hedged, hit.reason
            elif in_boiler:
                got, hedged, reason = "not_a_claim", g["hedged"], "boilerplate line (left out of the sentences)"
            else:
                got, hedged, reason = "missing", False, "no sentence starts with this key"
            rows.append(Row(aid, g["key"], g["label"], g["hedged"], got, hedged, g.get("note", ""), reason))
    return rows


def agreement(rows: list[Row]) -> tuple[float, float]:
    labels = sum(r.gold == r.got for r in rows) / len(rows)
    hedges = sum(r.gold_hedged == r.got_hedged for r in rows) / len(rows)
    return labels, hedges


def disagreements_markdown(rows: list[Row]) -> str:
    lab, hed = agreement(rows)
    lines = [f"Label agreement: {lab:.1%} of {len(rows)} gold entries; hedge agreement: {hed:.1%}.", "",
             "| seed | sentence starts | gold | tagger | what the tagger based it on |", "|---|---|---|---|---|"]
    for r in rows:
        if r.gold != r.got or r.gold_hedged != r.got_hedged:
            g = r.gold + (" +hedged" if r.gold_hedged else "")
            t = r.got + (" +hedged" if r.got_hedged else "")
            lines.append(f"| {r.article} | {r.key[:45].replace('|', '/')}… | {g} | {t} | {r.reason.replace('|', '/')} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(disagreements_markdown(compare()) + "\n")
