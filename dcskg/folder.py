"""A store folder: its layout, the marker that makes a folder a store, and the database readers open.

    STORE/.dcskg-store        the marker; a non-empty folder without it is never written to
    STORE/.lock               one writer at a time (see generations)
    STORE/current -> gen-…    the generation readers open (a symlink, replaced atomically)
    STORE/gen-…/oxigraph      the database of one generation, and its manifest.json
    STORE/graph.trig, .ttl    exports of the current generation
"""
from __future__ import annotations

import json
import os
import re
import uuid
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from ingest.errors import StoreError
from ingest.rules import DATA_DIR
from ingest.to_rdf import BASE, PREFIXES
from queries import backend

DEFAULT_STORE = Path(os.environ.get("DCSKG_STORE", "data/graph"))
# the plans bundled with the project: data/plans here, or the copy an installed wheel carries
DEFAULT_PLANS = Path("data/plans") if Path("data/plans").is_dir() else DATA_DIR / "plans"
DB_DIR = "oxigraph"
GENERATION = re.compile(r"gen-[0-9a-f]{12}")  # a generation's folder: "gen-" and 12 hex digits


def generation_name() -> str:
    return f"gen-{uuid.uuid4().hex[:12]}"


MANIFEST = "manifest.json"
MARKER = ".dcskg-store"
LOCK = ".lock"
CURRENT = "current"
STORE_FORMAT = 2
TALLY_FILE = "stats.sqlite"  # the statistics' running totals and the search index, per generation


def bind(inner: ox.Store, frozen: bool = False) -> backend.OxigraphDataset:
    return backend.dataset(inner, PREFIXES, frozen)


def db_path(store_dir: Path) -> Path:
    """The Oxigraph folder readers open: the current generation (or a format-1 store's own)."""
    store_dir = Path(store_dir)
    current = store_dir / CURRENT / DB_DIR
    return current if current.exists() else store_dir / DB_DIR


def open_dataset(store_dir: Path = DEFAULT_STORE, read_only: bool = True) -> backend.OxigraphDataset:
    """The store as an rdflib Dataset whose default graph is the union of all graphs."""
    db = db_path(store_dir)
    if not db.exists():
        raise StoreError("no graph here yet; run `dcskg build` first", str(store_dir))
    # the generation itself, not `current`: what is read beside the database (the search index,
    # kept answers) must stay the generation opened when a build switches `current` meanwhile
    db = db.resolve()
    try:
        inner = ox.Store.read_only(str(db)) if read_only else ox.Store(str(db))
    except OSError as exc:
        raise StoreError(f"cannot open the store ({exc})", str(store_dir)) from exc
    ds = bind(inner, frozen=read_only)
    if read_only:
        # the generation's own index: a build writes a new generation, never the one open
        ds.text_index = db.parent / TALLY_FILE
        if GENERATION.fullmatch(db.parent.name):
            ds.generation = db.parent
    return ds


def named_graph(ds: Dataset, iri: URIRef) -> Graph:
    """A read view of one named graph (Dataset.graph() would try to create it)."""
    return Graph(store=ds.store, identifier=iri)


def memory_dataset() -> backend.OxigraphDataset:
    """An in-memory Oxigraph dataset (tests, one-off analyses)."""
    return bind(ox.Store())


def claim(store_dir: Path) -> None:
    """Make `store_dir` a store, or refuse: a file, or a non-empty folder that is not one.

    A format-1 store (an `oxigraph` folder and `manifest.json`, no marker) is adopted.
    """
    store_dir = Path(store_dir)
    if store_dir.exists() and not store_dir.is_dir():
        raise StoreError("is a file, not a store folder; give --store a folder (new or made by dcs-kg)", str(store_dir))
    marker = store_dir / MARKER
    if marker.exists():
        try:
            fmt = int(json.loads(marker.read_text(encoding="utf-8")).get("format", 0))
        except (OSError, ValueError, AttributeError):
            raise StoreError(f"its {MARKER} marker is unreadable; nothing was changed", str(store_dir)) from None
        if fmt > STORE_FORMAT:
            raise StoreError(f"was made by a newer dcs-kg (store format {fmt}, this one reads {STORE_FORMAT}); nothing was changed", str(store_dir))
        return
    if store_dir.exists():
        # a marker being written by a build that started a moment earlier is not a foreign file
        names = {p.name for p in store_dir.iterdir() if not re.fullmatch(rf"\.{re.escape(MARKER)}\.[0-9a-f]{{12}}\.tmp", p.name)}
        if MARKER in names:
            # … nor is the store it made between our look for the marker and this listing (its
            # marker in place, its lock beside it)
            claim(store_dir)
            return
        legacy = names <= {DB_DIR, MANIFEST, "graph.trig", "graph.ttl"} and _is_legacy_store(store_dir)
        if names and not legacy:
            raise StoreError(
                f"is not empty and is not a dcs-kg store (no {MARKER}); choose a new or empty folder "
                "for --store — nothing was changed",
                str(store_dir),
            )
    store_dir.mkdir(parents=True, exist_ok=True)
    write_atomic(marker, json.dumps({"format": STORE_FORMAT, "software": "dcs-kg"}, indent=1).encode("utf-8"))


def _is_legacy_store(store_dir: Path) -> bool:
    """A format-1 dcs-kg store, proved by its contents: an Oxigraph database that is one (its
    CURRENT file) and our manifest beside it, every plan of which names a graph of ours. A
    bare `oxigraph/` folder, or someone else's database with a graph.ttl, is not adopted."""
    if not (store_dir / DB_DIR / "CURRENT").is_file():
        return False
    try:
        data = json.loads((store_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    plans = data.get("plans") if isinstance(data, dict) else None
    if not isinstance(plans, dict) or "rules" not in data:
        return False
    graphs = f"{BASE}graph/plan/"
    return all(isinstance(v, dict) and str(v.get("graph", "")).startswith(graphs) for v in plans.values())


def write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
