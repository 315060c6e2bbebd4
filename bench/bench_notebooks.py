"""Each notebook run headless from top to bottom (budget < 10 s each, < 60 s for the sequence)."""
from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run() -> str:
    import nbformat
    from nbclient import NotebookClient

    rows, total = [], 0.0
    with tempfile.TemporaryDirectory() as tmp:
        # Run copies, so the saved-answer files of the run do not land in the repo's notebooks/.
        work = Path(tmp) / "notebooks"
        shutil.copytree(ROOT / "notebooks", work, ignore=shutil.ignore_patterns(".answers", "*.answers.json"))
        shutil.copytree(ROOT / "exercises", Path(tmp) / "exercises")
        shutil.copytree(ROOT / "seeds", Path(tmp) / "seeds")
        for path in sorted(work.glob("*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            t = time.perf_counter()
            NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(work)}}).execute()
            seconds = time.perf_counter() - t
            total += seconds
            rows.append(f"| `{path.name}` | {seconds:.1f} s | {'met' if seconds < 10 else 'MISSED'} |")
    return "\n".join([
        "## Notebooks, headless (nbclient, fresh kernel each, kernel start-up included)",
        "",
        "| notebook | time | budget < 10 s |",
        "|---|---|---|",
        *rows,
        f"| **whole sequence** | **{total:.1f} s** | < 60 s: {'met' if total < 60 else 'MISSED'} |",
    ])


if __name__ == "__main__":
    print(run())
