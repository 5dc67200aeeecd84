"""dcs-kg's public API: build the graph, open it, ask it named questions.

    import dcskg
    report = dcskg.build(["data/plans"], "data/graph")
    ds = dcskg.open_dataset("data/graph")
    dcskg.run_query("plans_implementing", ds, doc="47/2025/NQ-HĐND").to_dataframe()
    dcskg.readable("agency_lead_load", ds).to_dataframe()   # words and Vietnamese headers

Extraction without a store: `ingest.pipeline.extract(path)`. Networks: `queries.network`.
"""
from queries.runner import run_query

from .answers import readable
from .store import build, memory_dataset, open_dataset

__all__ = ["build", "open_dataset", "memory_dataset", "run_query", "readable"]
