"""Notebooks are committed clean: no outputs, no execution counts, and widget cells tagged
so nbval does not compare their output."""
from __future__ import annotations

import json
import re

import pytest

from helpers import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_sequence_has_notebooks_00_to_07():
    prefixes = {p.name[:2] for p in NOTEBOOKS}
    assert {f"{i:02d}" for i in range(8)} <= prefixes


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{path.name}: cell {i} has outputs"
            assert cell.get("execution_count") is None, f"{path.name}: cell {i} has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_widget_cells_are_tagged_so_nbval_ignores_their_output(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "code" and ".show(" in source:
            tags = cell.get("metadata", {}).get("tags", [])
            assert "nbval-ignore-output" in tags, f"{path.name}: cell {i} shows a widget but is not tagged"


def _markdown_outside_code(text: str) -> str:
    """A markdown cell's text without fenced blocks and `inline code` (where `$` is literal)."""
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    return re.sub(r"`[^`\n]*`", "", text)


def unescaped_dollars(text: str) -> list[str]:
    """Snippets around each `$` that JupyterLab would read as the edge of maths (not written `\\$`)."""
    prose = _markdown_outside_code(text)
    return [prose[max(0, m.start() - 20):m.end() + 20] for m in re.finditer(r"(?<!\\)\$", prose)]


def test_unescaped_dollar_finder_sees_prices_and_spares_escaped_ones():
    assert unescaped_dollars("topping $110 a barrel and $115 for Brent")
    assert unescaped_dollars(r"topping \$110 a barrel and \$115 for Brent") == []
    assert unescaped_dollars("run `echo $HOME` first") == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_markdown_has_no_unescaped_dollar_signs(path):
    """The kit has no maths: a `$` in a text cell is money, and must be written `\\$` or JupyterLab
    renders "$110 ... $115" as italic maths."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "markdown":
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            assert not unescaped_dollars(source), f"{path.name}: cell {i}: {unescaped_dollars(source)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_student_cells_use_the_kits_tables_not_pandas(path):
    """Student cells are a few lines of kit calls; tables come from medialit.views, not pandas."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for n, cell in enumerate(nb["cells"]):
        source = "".join(cell["source"])
        if cell["cell_type"] == "code":
            assert not re.search(r"\bimport pandas\b|\bpd\.\w", source), f"{path.name} cell {n}: pandas in a student cell"
