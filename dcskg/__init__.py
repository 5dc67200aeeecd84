"""dcs-kg's public API: build the graph, open it, ask it named questions.

    import dcskg
    report = dcskg.build(["data/plans"], "data/graph")
    ds = dcskg.open_dataset("data/graph")
    dcskg.run_query("plans_implementing", ds, doc="47/2025/NQ-HĐND").to_dataframe()
    dcskg.readable("agency_lead_load", ds).to_dataframe()   # words and Vietnamese headers
    page = dcskg.run_query("task_table", ds, page=dcskg.Page(100))  # page.total: the whole answer's rows
    dcskg.record_status("data/graph", "002", "II.1", "done", note="…")   # kept apart from the facts
    dcskg.statuses(ds)   # (file, path, line) -> status, note, who, when

Extraction without a store: `ingest.pipeline.extract(path)`. Networks: `queries.network`.
"""
from pathlib import Path
from typing import Any

from rdflib import Dataset

from queries.progress import statuses
from queries.runner import Page, Rows, resolve, run

from .answers import network_statistics, network_words, readable
from .status import record as record_status
from .store import DEFAULT_STORE, build, memory_dataset, open_dataset


def notebook_dataset(plans: str | Path | None = None) -> tuple[Dataset, str]:
    """The graph a notebook reads, and a line saying which: the user's store (DCSKG_STORE, else
    data/graph beside the notebooks) when it has been built, else a scratch store built from
    `plans` (default: the bundled plans) in a temporary folder — never the user's."""
    import tempfile

    from ingest.rules import DATA_DIR

    from .store import db_path

    for store in (DEFAULT_STORE, Path("..") / DEFAULT_STORE):
        if db_path(store).exists():
            return open_dataset(store), f"đồ thị của bạn: {store}"
    source = Path(plans) if plans else next((p for p in (Path("../data/plans"), Path("data/plans")) if p.is_dir()), DATA_DIR / "plans")
    scratch = Path(tempfile.mkdtemp(prefix="dcskg-nb-")) / "graph"
    report = build([source], scratch)
    return open_dataset(scratch), f"đồ thị tạm dựng từ {len(report.plans)} văn bản trong {source}: {scratch}"


def run_query(name: str, store: Dataset | str | Path | None = None, page: Page | None = None, **params: Any) -> Rows:
    """Run a named query (or a .rq file) against a dataset or a store folder (default: data/graph);
    with a `page`, one page of the answer and its whole length in `.total`."""
    ds = store if isinstance(store, Dataset) else open_dataset(Path(store) if store else DEFAULT_STORE)
    return run(resolve(name), ds, page, **params)

__all__ = ["build", "open_dataset", "memory_dataset", "notebook_dataset", "run_query", "readable", "network_words", "network_statistics", "Page", "record_status", "statuses"]
