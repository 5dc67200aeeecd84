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


# No function over 60 lines (issue 25): a longer one is split where its parts have names.
# A data table written as a function would be listed here with its length; none is.
LONG_FUNCTIONS: dict[str, int] = {}


def test_no_function_is_over_sixty_lines():
    found = {}
    for layer in LAYERS:
        for path in sorted((ROOT / layer).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno is not None:
                    length = node.end_lineno - node.lineno + 1
                    if length > 60:
                        found[f"{path.relative_to(ROOT)}:{node.name}"] = length
    grown = {name: (length, LONG_FUNCTIONS.get(name)) for name, length in found.items() if length > LONG_FUNCTIONS.get(name, 60)}
    assert not grown, grown


# The clause reader's patterns hold no cue words of their own: its words come from
# data/rules/cues.yaml. What stays is the grammar of a date ("ngày … tháng … năm") and of a
# list ("và", "các", "của", "cấp" between the parts a pattern assembles from the data).
GRAMMAR_WORDS = {"và", "các", "của", "cấp", "ngày", "tháng", "năm"}


def _words_in_patterns(path: Path) -> dict[str, int]:
    """Words with Vietnamese letters in the string literals passed to `re` (character classes left out)."""
    import re

    found: dict[str, int] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re" and node.args):
            continue
        pattern = node.args[0]
        pieces = pattern.values if isinstance(pattern, ast.JoinedStr) else [pattern]
        for piece in pieces:
            if isinstance(piece, ast.Constant) and isinstance(piece.value, str):
                for word in re.findall(r"[A-Za-zÀ-ỹđĐ]+", re.sub(r"\[[^\]]*\]", " ", piece.value)):
                    if re.search(r"[À-ỹđĐ]", word):
                        found.setdefault(word, node.lineno)
    return found


def test_the_clause_reader_takes_its_words_from_the_rules():
    words = _words_in_patterns(ROOT / "ingest" / "tasks.py")
    assert words.keys() <= GRAMMAR_WORDS, {w: line for w, line in words.items() if w not in GRAMMAR_WORDS}


def test_the_pattern_scan_sees_words_in_plain_and_formatted_patterns(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('import re\nre.search(r"gồm|bao gồm", x)\nre.compile(rf"[à-ỹ]+(?:{a})\\s+đề nghị")\n', encoding="utf-8")
    assert _words_in_patterns(sample) == {"gồm": 2, "đề": 3, "nghị": 3}
