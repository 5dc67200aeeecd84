"""The seeds' graph as committed: every change of the graph's shape is seen and accepted on purpose.

`tests/data/golden/seeds.nq` holds what `to_rdf` writes for the five seed plans (each plan's own
named graph and the common graph), sorted N-Quads. A change that alters a triple fails here with
the triples that differ; when the change is meant, accept it and commit the new file:

    .venv/bin/python tests/ingest/test_golden_graph.py --accept
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, to_isomorphic

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "data" / "golden" / "seeds.nq"
PLANS = ROOT / "data" / "plans"


def seeds_dataset() -> Dataset:
    """The seeds' graph, read from the project's folder as the working directory (the graph keeps
    each file's path as given: relative, so the graph is the same in any clone)."""
    from ingest import extract, plan_graphs
    from ingest.to_rdf import COMMON_GRAPH, plan_graph_iri

    ds = Dataset()
    for path in sorted(PLANS.glob("*.txt")):
        extraction = extract(path.relative_to(ROOT))
        own, common = plan_graphs(extraction)
        plan = ds.graph(plan_graph_iri(extraction.plan_key))
        for triple in own:
            plan.add(triple)
        shared = ds.graph(COMMON_GRAPH)
        for triple in common:
            shared.add(triple)
    return ds


def sorted_nquads(ds: Dataset) -> str:
    return "\n".join(sorted(line for line in ds.serialize(format="nquads").splitlines() if line.strip())) + "\n"


def _graphs(ds: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def test_the_seeds_graph_is_the_committed_one(monkeypatch):
    monkeypatch.chdir(ROOT)
    built = _graphs(seeds_dataset())
    expected = _graphs(Dataset().parse(GOLDEN, format="nquads"))
    assert sorted(built) == sorted(expected), "the named graphs differ"
    changed = {}
    for name, graph in built.items():
        _, only_built, only_expected = graph_diff(to_isomorphic(graph), to_isomorphic(expected[name]))
        if len(only_built) or len(only_expected):
            changed[name] = (
                sorted(only_built.serialize(format="nt").splitlines())[:5],
                sorted(only_expected.serialize(format="nt").splitlines())[:5],
            )
    assert not changed, f"graphs differ from {GOLDEN.name} (new, then missing; run with --accept if meant): {changed}"


def test_the_committed_graph_is_sorted_and_whole():
    text = GOLDEN.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines == sorted(lines) and len(lines) > 4000
    assert len({line.rsplit(" ", 2)[-2] for line in lines}) == 6  # five plans' graphs and the common one
    assert str(ROOT) not in text  # paths relative to the project: the same in every clone


if __name__ == "__main__":
    if sys.argv[1:] != ["--accept"]:
        sys.exit(__doc__)
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    GOLDEN.write_text(sorted_nquads(seeds_dataset()), encoding="utf-8")
    print(f"wrote {GOLDEN}")
