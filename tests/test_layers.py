"""The package's layers point down only (docs/architecture.md).

Read with ``ast``, not by importing, so lazy imports inside functions count too. A test
fails on an import cycle between modules, on an import that points up a layer, and on
``from medialit.x import _private`` across subpackages. The checker is tested on small
trees it builds, so it is known to fail when it should.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from helpers import PACKAGE

# Lowest first. A module may import its own subpackage and anything in a lower layer;
# subpackages on one layer do not import each other.
LAYERS = [
    ["errors", "records"],
    ["rules"],
    ["text"],
    ["corpus"],
    ["attribution"],
    ["quotes"],
    ["sourcing", "figures"],
    ["checks"],
    ["compare", "framing"],
    ["report"],
    ["exercises"],
    ["views"],
    ["cli"],
]


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(root: Path) -> list[tuple[str, str, str | None, int]]:
    """(importing module, imported module, imported name or None, line) for every import
    of the package inside the package, relative ones resolved."""
    top = root.name
    modules = {module_name(p, root): p for p in root.rglob("*.py")}
    found = []
    for name, path in sorted(modules.items()):
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(name, a.name, None, node.lineno) for a in node.names if a.name.split(".")[0] == top]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if target.split(".")[0] != top:
                    continue
                for a in node.names:
                    sub = f"{target}.{a.name}"
                    found.append((name, sub, None, node.lineno) if sub in modules else (name, target, a.name, node.lineno))
    return found


def subpackage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def layer_of(module: str, layers: list[list[str]]) -> int | None:
    for i, names in enumerate(layers):
        if subpackage(module) in names:
            return i
    return None


def problems(root: Path, layers: list[list[str]]) -> list[str]:
    found = imports(root)
    out = []
    graph: dict[str, set[str]] = {}
    for src, dst, name, line in found:
        where = f"{src} (line {line})"
        if name and name.startswith("_") and subpackage(src) != subpackage(dst):
            out.append(f"{where} imports the private name {name} from {dst}")
        if subpackage(src) and subpackage(dst) and subpackage(src) != subpackage(dst):
            a, b = layer_of(src, layers), layer_of(dst, layers)
            if a is None or b is None:
                out.append(f"{where}: {subpackage(src) if a is None else subpackage(dst)} is in no layer")
            elif b >= a:
                out.append(f"{where} imports {dst}, which is {'on the same layer' if a == b else 'a layer up'}")
        if src != dst and not dst.startswith(src + "."):
            graph.setdefault(src, set()).add(dst)
    out += [f"import cycle: {' -> '.join(c)}" for c in cycles(graph)]
    return out


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module (Tarjan)."""
    index, low, stack, on, result = {}, {}, [], set(), []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                result.append(sorted(comp) + [sorted(comp)[0]])

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return result


def test_the_package_has_no_cycle_no_upward_import_and_no_private_cross_import():
    assert problems(PACKAGE, LAYERS) == []


def test_every_subpackage_is_on_a_layer():
    subpackages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    modules = {p.stem for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__")}
    assert subpackages | modules <= {name for layer in LAYERS for name in layer}


def test_every_subpackage_lists_its_public_names():
    for init in PACKAGE.glob("*/__init__.py"):
        tree = ast.parse(init.read_text(encoding="utf-8"))
        names = {t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets
                 if isinstance(t, ast.Name)}
        if init.parent.name == "cli":
            continue  # the command line is used by its command, not imported
        assert "__all__" in names, f"{init}: no __all__"


# ---------------------------------------------------------------- the checker itself

def make_tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pkg"
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for folder in [root, *[p for p in root.rglob("*") if p.is_dir()]]:
        (folder / "__init__.py").touch()
    return root


TOY_LAYERS = [["low"], ["high"]]


def test_checker_accepts_a_downward_import(tmp_path):
    root = make_tree(tmp_path, {"low/a.py": "X = 1\n", "high/b.py": "from pkg.low.a import X\n"})
    assert problems(root, TOY_LAYERS) == []


def test_checker_finds_an_upward_import_even_inside_a_function(tmp_path):
    root = make_tree(tmp_path, {"low/a.py": "def f():\n    from pkg.high.b import Y\n", "high/b.py": "Y = 1\n"})
    assert problems(root, TOY_LAYERS) == ["pkg.low.a (line 2) imports pkg.high.b, which is a layer up"]


def test_checker_finds_a_cycle_inside_a_subpackage(tmp_path):
    root = make_tree(tmp_path, {"low/a.py": "from pkg.low.b import Y\nX = 1\n", "low/b.py": "from pkg.low import a\nY = 1\n"})
    assert problems(root, TOY_LAYERS) == ["import cycle: pkg.low.a -> pkg.low.b -> pkg.low.a"]


def test_checker_finds_a_cycle_through_relative_imports(tmp_path):
    root = make_tree(tmp_path, {"low/a.py": "from .b import Y\nX = 1\n", "low/b.py": "from .a import X\nY = 1\n"})
    assert problems(root, TOY_LAYERS) == ["import cycle: pkg.low.a -> pkg.low.b -> pkg.low.a"]


def test_checker_finds_a_private_name_imported_across_subpackages(tmp_path):
    root = make_tree(tmp_path, {"low/a.py": "_X = 1\n", "high/b.py": "from pkg.low.a import _X\n"})
    assert problems(root, TOY_LAYERS) == ["pkg.high.b (line 1) imports the private name _X from pkg.low.a"]


def test_checker_allows_a_private_name_inside_its_own_subpackage(tmp_path):
    root = make_tree(tmp_path, {"low/a.py": "_X = 1\n", "low/b.py": "from pkg.low.a import _X\n"})
    assert problems(root, TOY_LAYERS) == []


@pytest.mark.parametrize("bad", ["from medialit.views import HTML\n", "from medialit.quotes.marks import _MARKS\n"])
def test_checker_fails_on_the_real_package_with_one_bad_import_added(tmp_path, bad):
    import shutil
    copy = tmp_path / "medialit"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / "text" / "split.py"
    target.write_text(target.read_text(encoding="utf-8") + bad, encoding="utf-8")
    assert problems(copy, LAYERS) != []
