"""The packages stack one way — ingest, then queries, then dcskg — and no modules import each
other in a circle, counting imports hidden inside functions."""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["ingest", "queries", "dcskg"]  # each may import only those before it


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every project module `path` imports, at the top or inside a function."""
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    return {m for m in found if m.split(".")[0] in LAYERS}


def project_graph() -> nx.DiGraph:
    modules = {module_name(p): p for layer in LAYERS for p in (ROOT / layer).rglob("*.py")}
    g = nx.DiGraph()
    for name, path in modules.items():
        g.add_node(name)
        for target in imports_of(path):
            if target in modules and target != name:
                g.add_edge(name, target)
    return g


def test_imports_are_read_relative_and_inside_functions(tmp_path):
    pkg = ROOT / "queries"
    assert "queries.named" in imports_of(pkg / "runner.py")
    assert "queries.lookup" in imports_of(pkg / "runner.py")
    assert "ingest.errors" in imports_of(pkg / "named.py")


@pytest.mark.parametrize("lower,upper", [(lo, up) for i, lo in enumerate(LAYERS) for up in LAYERS[i + 1:]])
def test_a_lower_layer_never_imports_a_higher_one(lower, upper):
    g = project_graph()
    wrong = sorted((a, b) for a, b in g.edges if a.split(".")[0] == lower and b.split(".")[0] == upper)
    assert not wrong, f"{lower} imports {upper}: {wrong}"


def test_no_modules_import_each_other_in_a_circle():
    g = project_graph()
    # a package's __init__ re-exporting its modules is not a circle of meaning
    g.remove_edges_from([(a, b) for a, b in list(g.edges) if a in LAYERS])
    cycles = list(nx.simple_cycles(g))
    assert not cycles, cycles
