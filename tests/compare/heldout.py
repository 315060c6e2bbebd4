"""Score the compare rules on a held-out collection (tests/fixtures/compare_heldout, or
the folder given: tests/fixtures/compare_heldout2).

``python tests/compare/heldout.py [FOLDER]`` prints the score; ``test_heldout.py`` and
``test_heldout2.py`` assert it. The right answers are in the collection's ``expected.toml``;
a pair's ``label`` may list several verdicts that are all right.
"""
from __future__ import annotations

import itertools
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "tests" / "fixtures" / "compare_heldout"
HELDOUT2 = ROOT / "tests" / "fixtures" / "compare_heldout2"


def expected(folder: Path = HELDOUT) -> dict:
    return tomllib.loads((Path(folder) / "expected.toml").read_text(encoding="utf-8"))


def _right(want, got: str) -> bool:
    return got in want if isinstance(want, list) else got == want


def score(folder: Path = HELDOUT) -> dict:
    from medialit.compare import compare, story_families
    from medialit.compare.furniture import learn_furniture
    from medialit.corpus import load_corpus

    exp = expected(folder)
    coll = load_corpus(Path(folder))
    furniture = learn_furniture(a.text for a in coll)
    families = story_families(coll)
    found = {frozenset(p) for f in families for p in itertools.combinations(sorted(f), 2)}
    want = {frozenset(p) for f in exp["families"] for p in itertools.combinations(sorted(f), 2)}
    right = found & want
    pairs = [(a, b, "same_story") for f in exp["families"] for a, b in itertools.combinations(f, 2)]
    pairs += [(p["a"], p["b"], p["label"]) for p in exp["pair"]]
    verdicts = []
    for a, b, label in pairs:
        got = compare(coll[a].text, coll[b].text, furniture=furniture).verdict
        verdicts.append((a, b, label, got.label, got.rule))
    quotes = []
    for q in exp["altered"]:
        r = compare(coll[q["a"]].text, coll[q["b"]].text, furniture=furniture)
        hit = None
        for c in r.quote_changes:
            if not c.a.startswith(q["quote"]):
                continue
            ok = c.kind == q["kind"] and q["speaker"] in (c.speaker or "")
            if ok and q.get("op"):
                ok = any(e.op == q["op"] for e in c.changes)
            hit = (ok, c.kind, c.speaker, [e.op for e in c.changes])
            break
        quotes.append((q["a"], q["b"], q["quote"], q["what"], hit))
    independent = [a.id for a in coll if not any(a.id in f for f in exp["families"])]
    false_families = [sorted(f) for f in families if len(f) > 1 and any(i in f for i in independent)]
    return {
        "pairs_precision": len(right) / len(found) if found else 1.0,
        "pairs_recall": len(right) / len(want) if want else 1.0,
        "false_families": false_families,
        "families": [sorted(f) for f in families if len(f) > 1],
        "verdicts": verdicts,
        "verdicts_right": sum(1 for v in verdicts if _right(v[2], v[3])),
        "quotes": quotes,
        "quotes_found": sum(1 for q in quotes if q[4] and q[4][0]),
        "independent": len(independent),
    }


def report(s: dict) -> str:
    lines = [f"wire families: pairs precision {s['pairs_precision']:.2f}, recall {s['pairs_recall']:.2f}",
             f"false families among {s['independent']} independent articles: {len(s['false_families'])}",
             f"pair verdicts right: {s['verdicts_right']}/{len(s['verdicts'])}",
             f"altered quotes found: {s['quotes_found']}/{len(s['quotes'])}"]
    lines += [f"  verdict WRONG {a}/{b}: want {w}, got {g} ({r})" for a, b, w, g, r in s["verdicts"]
              if not _right(w, g)]
    lines += [f"  quote MISSED {a}/{b} {q!r} ({what}): {hit}" for a, b, q, what, hit in s["quotes"]
              if not (hit and hit[0])]
    lines += [f"  families found: {s['families']}"]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(report(score(Path(sys.argv[1]) if len(sys.argv) > 1 else HELDOUT)))
