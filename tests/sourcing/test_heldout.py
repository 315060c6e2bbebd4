"""Sourcing on six invented articles that the rules were not written from.

`tests/fixtures/sourcing_heldout/` holds a wire dispatch, a quarterly-results story, a
health study, a local council and police story, an opinion column and a state-media story,
each with hand labels (`<stem>.toml`) that were written and committed before the tagger
was run on the text. The first six (`h*`) were then used to find general rules; the
later rounds (`k*`, `m*`, `p*`, `r*`, `s*`, `t*`, the same genres) were each written after the
previous round's rules and scored before any change was made for them. First scores (the
honest estimate for unseen news): 0.794, 0.756, 0.910, 0.788, 0.761, 0.750 (`s*`, anonymous
precision 0.56), 0.769 (`t*`, anonymous precision 0.89), 0.968 (`v*`, written by another
writer in the commonest forms of news; anonymous precision 0.92), 0.948 (`w*`) and 0.882
(`x*`; both rounds by writers who never ran the tagger nor read its code; anonymous precision
0.92 over the two), 0.795 (`y*`), 0.889 (`z*`) and 0.894 (`n*`; three more such writers;
0.858 together, anonymous precision 0.80), 0.875 (`j*`), 0.897 (`q*`) and 0.866 (`l*`; 0.879
together, anonymous precision 0.84), 0.962 (`e*`), 0.868 (`f*`) and 0.899 (`g*`; 0.910 together), 0.908 (`o*`), 0.947 (`i*`) and
0.865 (`u*`; 0.907 together), 0.905 (`a*`), 0.958 (`b*`) and 0.920 (`c*`; 0.928 together),
0.907 (`d1-d3`), 0.919 (`d4-d6`) and 0.857 (`d7-d9`; 0.894 together, anonymous precision 0.77).
Over the twenty rounds written by writers who never ran the tagger (`w*` to `d*`, 1,491
sentences) the pooled first score is 0.899. The test asserts the held-out targets of issue 12 (accuracy >= 0.90,
anonymous precision >= 0.80). As a script it prints the scores and every disagreement::

    PYTHONPATH=. .venv/bin/python tests/sourcing/test_heldout.py
"""
from __future__ import annotations

import sys
from pathlib import Path

from medialit.rules import tomllib

HERE = Path(__file__).resolve().parent.parent / "fixtures" / "sourcing_heldout"
LABELS = ("named", "anonymous", "unattributed")


def score(pattern: str = "*.txt"):
    """(rows, per-label precision/recall, accuracy, hedge F1) on the articles matching
    ``pattern``; one row per scored label."""
    from medialit.sourcing import tag

    rows = []
    for path in sorted(HERE.glob(pattern)):
        text = path.read_text(encoding="utf-8")
        tags = tag(text)
        for g in tomllib.loads(path.with_suffix(".toml").read_text(encoding="utf-8"))["sentence"]:
            if g["label"] == "skip":
                continue
            at = text.find(g["anchor"])
            assert at >= 0, (path.name, g["anchor"])
            hit = next((t for t in tags if t.start <= at < t.end), None)
            rows.append((path.stem, g, hit))
    conf: dict[tuple[str, str], int] = {}
    htp = hfp = hfn = 0
    for _, g, hit in rows:
        got = hit.sourcing if hit else "missing"
        conf[(g["label"], got)] = conf.get((g["label"], got), 0) + 1
        gh = bool(hit and hit.hedged)
        htp += gh and g["hedged"]
        hfp += gh and not g["hedged"]
        hfn += (not gh) and g["hedged"]
    pr = {}
    for lab in LABELS:
        tp = conf.get((lab, lab), 0)
        fp = sum(c for (g, p), c in conf.items() if p == lab and g != lab)
        fn = sum(c for (g, p), c in conf.items() if g == lab and p != lab)
        pr[lab] = (tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)
    acc = sum(c for (g, p), c in conf.items() if g == p) / len(rows)
    hf1 = 2 * htp / (2 * htp + hfp + hfn) if htp + hfp + hfn else 1.0
    return rows, pr, acc, hf1


def report(pattern: str = "*.txt") -> str:
    rows, pr, acc, hf1 = score(pattern)
    lines = []
    for stem, g, hit in rows:
        got = hit.sourcing if hit else "missing"
        if got != g["label"] or bool(hit and hit.hedged) != g["hedged"]:
            lines.append(f"{stem[:2]} gold {g['label']}{'+h' if g['hedged'] else ''} got {got}"
                         f"{'+h' if hit and hit.hedged else ''}{' (uncertain)' if hit and hit.uncertain else ''}: "
                         f"{(hit.text if hit else g['anchor'])[:110]!r} -- {hit.reason if hit else ''}")
    for lab in LABELS:
        lines.append(f"  {lab:13s} precision {pr[lab][0]:.2f} recall {pr[lab][1]:.2f}")
    lines.append(f"held-out sourcing ({pattern}) accuracy {acc:.3f} on {len(rows)} sentences in "
                 f"{len(list(HERE.glob(pattern)))} articles; hedge F1 {hf1:.3f}")
    return "\n".join(lines)


def test_labels_cover_the_genres_and_anchors_are_unique():
    stems = sorted(p.stem for p in HERE.glob("*.txt"))
    assert len(stems) >= 12
    for stem in stems:
        text = (HERE / f"{stem}.txt").read_text(encoding="utf-8")
        rows = tomllib.loads((HERE / f"{stem}.toml").read_text(encoding="utf-8"))["sentence"]
        assert len(rows) >= 12
        for g in rows:
            assert text.count(g["anchor"]) == 1, (stem, g["anchor"])
            assert g["label"] in LABELS + ("skip",)


def test_heldout_accuracy_and_anonymous_precision_meet_issue_12_targets():
    rows, pr, acc, _ = score()
    assert len(rows) >= 90
    assert acc >= 0.90, report()
    assert pr["anonymous"][0] >= 0.80, report()


if __name__ == "__main__":
    for pattern in sys.argv[1:] or ["h*.txt", "k*.txt", "m*.txt", "p*.txt", "r*.txt", "s*.txt", "t*.txt", "*.txt"]:
        sys.stdout.write(report(pattern) + "\n")
