"""The kit's command-line output on fixed inputs, saved once and compared on every run.

``python tests/golden/make_golden.py`` writes one JSON file per case into
``tests/golden/expected/``; ``tests/kit/test_golden_output.py`` runs the same commands and
fails on any byte of difference. The cases were first written from the flat package
(before the subpackage restructure), so the restructure is pinned to change nothing a
user sees. Regenerate only when a change of output is intended, and say so in the commit.

Inputs: the seeds, every ``.txt`` under ``tests/`` (bad files included: their stderr and
exit code are part of the contract), and each paragraph of the figures gold set.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).resolve().parent / "expected"


def _text_inputs() -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt"))
    files += sorted(p for p in (ROOT / "tests").rglob("*.txt")
                    if "golden" not in p.parts and not any(d.startswith("compare_heldout") for d in p.parts))  # scored by tests/compare
    return [str(p.relative_to(ROOT)) for p in files]


def cases() -> dict[str, list[str]]:
    """Case name -> medialit arguments (paths relative to the repository root)."""
    out = {f"analyze--{path.replace('/', '__')}": ["analyze", "--json", path] for path in _text_inputs()}
    seeds = [p for p in _text_inputs() if p.startswith("seeds/")]
    out["analyze-text--seeds"] = ["analyze", *seeds[:2]]
    for i in range(len(seeds)):
        for j in range(i + 1, len(seeds)):
            out[f"compare--{Path(seeds[i]).stem[:3]}-{Path(seeds[j]).stem[:3]}"] = ["compare", "--json", seeds[i], seeds[j]]
    out["families--seeds"] = ["families", "--json", "seeds"]
    out["check--seeds"] = ["check", "--json", *seeds]
    out["check-text--seeds"] = ["check", *seeds]
    out["families--compare_collection"] = ["families", "--json", "--trail", "tests/fixtures/compare_collection"]
    return out


def gold_paragraphs() -> dict[str, str]:
    """Case name -> text, for the figures gold paragraphs (analysed from a temporary file)."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    data = tomllib.loads((ROOT / "tests" / "data" / "figures_gold.toml").read_text(encoding="utf-8"))
    return {f"analyze-gold--{p['id']}": p["text"] for p in data["paragraph"]}


def run(args: list[str], cwd: Path = ROOT) -> str:
    """The command's exit code, stdout and stderr as one JSON text."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDIALIT_")}
    proc = subprocess.run([sys.executable, "-m", "medialit.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)
    return json.dumps({"args": args, "returncode": proc.returncode, "stdout": proc.stdout,
                       "stderr": proc.stderr}, ensure_ascii=False, indent=1) + "\n"


def run_gold(text: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "paragraph.txt").write_text(text, encoding="utf-8")
        return run(["analyze", "--json", "paragraph.txt"], cwd=Path(tmp))


def all_outputs() -> dict[str, str]:
    out = {name: run(args) for name, args in cases().items()}
    out.update({name: run_gold(text) for name, text in gold_paragraphs().items()})
    return out


if __name__ == "__main__":
    EXPECTED.mkdir(exist_ok=True)
    for name, output in all_outputs().items():
        (EXPECTED / f"{name}.json").write_text(output, encoding="utf-8")
        print(name)
