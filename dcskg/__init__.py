"""dcs-kg's public API: build the graph, open it, ask it named questions.

    import dcskg
    report = dcskg.build(["data/plans"], "data/graph")
    ds = dcskg.open_dataset("data/graph")
    dcskg.run_query("plans_implementing", ds, doc="47/2025/NQ-HĐND").to_dataframe()
    dcskg.readable("agency_lead_load", ds).to_dataframe()   # words and Vietnamese headers

Extraction without a store: `ingest.pipeline.extract(path)`. Networks: `queries.network`.
"""
from pathlib import Path
from typing import Any

from rdflib import Dataset

from queries.runner import Rows, resolve, run

from .answers import readable
from .store import DEFAULT_STORE, build, memory_dataset, open_dataset


def run_query(name: str, store: Dataset | str | Path | None = None, **params: Any) -> Rows:
    """Run a named query (or a .rq file) against a dataset or a store folder (default: data/graph)."""
    ds = store if isinstance(store, Dataset) else open_dataset(Path(store) if store else DEFAULT_STORE)
    return run(resolve(name), ds, **params)

__all__ = ["build", "open_dataset", "memory_dataset", "run_query", "readable"]
