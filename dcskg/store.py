"""The graph store: an embedded Oxigraph database behind rdflib's Dataset API.

`build` works on a copy of the store and swaps it in only when every step succeeded, so a
crash or a bad file never leaves a half-written graph. Readers open the store read-only,
so a query can run while another process serves the same store.
"""
from __future__ import annotations

import gc
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph, URIRef

from ingest.errors import DcsKgError, StoreError
from ingest.models import Extraction
from ingest.pipeline import corpus_files, extract
from ingest.to_rdf import COMMON_GRAPH, PREFIXES, add_reference_data, plan_graph_iri, plan_graphs

DEFAULT_STORE = Path(os.environ.get("DCSKG_STORE", "data/graph"))
DEFAULT_PLANS = Path("data/plans")
DB_DIR = "oxigraph"
MANIFEST = "manifest.json"


VALIDATE_ALL_UP_TO = 100  # new plans all validated; above this, a fixed sample of them
VALIDATION_SAMPLE = 100


def to_ox(term):
    """rdflib term -> pyoxigraph term (loading through rdflib's Store API costs a dispatch per quad)."""
    from rdflib import BNode, Literal

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}")


def _quads(graph, into: URIRef) -> list[ox.Quad]:
    g = ox.NamedNode(str(into))
    return [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in graph]


LOAD_BATCH = 200  # plans whose quads go to Oxigraph's bulk loader in one call
PARALLEL_FROM = 40  # files; below this a process pool costs more than it saves


def _read_one(path: Path):
    """Worker: one file -> (extraction, own triples, common triples), or the error message."""
    try:
        ex = extract(path)
    except DcsKgError as exc:
        return path, None, str(exc)
    own, common = plan_graphs(ex)
    ex.lines = []  # only provenance needed them, and it is in the triples now
    return path, (ex, own, common), None


def _read_all(files: list[Path], workers: int):
    """Extraction and triple building fan out over processes; loading stays in this one."""
    if workers <= 1 or len(files) < PARALLEL_FROM:
        yield from map(_read_one, files)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        yield from pool.map(_read_one, files, chunksize=8)


def _bind(ds: Dataset) -> Dataset:
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    return ds


def open_dataset(store_dir: Path = DEFAULT_STORE, read_only: bool = True) -> Dataset:
    """The store as an rdflib Dataset whose default graph is the union of all graphs."""
    db = Path(store_dir) / DB_DIR
    if not db.exists():
        raise StoreError("no graph here yet; run `dcskg build` first", str(store_dir))
    try:
        inner = ox.Store.read_only(str(db)) if read_only else ox.Store(str(db))
    except OSError as exc:
        raise StoreError(f"cannot open the store ({exc})", str(store_dir)) from exc
    return _bind(Dataset(store=OxigraphStore(store=inner), default_union=True))


def named_graph(ds: Dataset, iri: URIRef) -> Graph:
    """A read view of one named graph (Dataset.graph() would try to create it)."""
    return Graph(store=ds.store, identifier=iri)


def memory_dataset() -> Dataset:
    """An in-memory Oxigraph dataset (tests, one-off analyses)."""
    return _bind(Dataset(store=OxigraphStore(store=ox.Store()), default_union=True))


@dataclass
class PlanResult:
    source: str
    status: str  # ingested | unchanged | failed
    extraction: Extraction | None = None
    error: str | None = None


@dataclass
class BuildReport:
    plans: list[PlanResult] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0
    store: str = ""
    validated_sample: int | None = None  # set when only a sample of the new plans was validated

    @property
    def failed(self) -> list[PlanResult]:
        return [p for p in self.plans if p.status == "failed"]


def build(
    paths: Iterable[Path],
    store_dir: Path = DEFAULT_STORE,
    progress: Callable[[str], None] | None = None,
    validate: Callable[[Dataset], list[str]] | None = None,
    workers: int | None = None,
) -> BuildReport:
    """Ingest plan files into the store; unchanged plans are skipped, changed ones replaced."""
    started = time.perf_counter()
    store_dir = Path(store_dir)
    report = BuildReport(store=str(store_dir))
    files = corpus_files([Path(p) for p in paths])
    with _WorkingCopy(store_dir, "building") as copy:
        manifest = copy.manifest
        ds = _bind(Dataset(store=OxigraphStore(store=copy.inner), default_union=True))
        add_reference_data(ds)
        del ds
        new_keys: list[str] = []
        pending: list[ox.Quad] = []
        workers = workers if workers is not None else min(2, os.cpu_count() or 1)
        for f, result, error in _read_all(files, workers):
            if progress:
                progress(str(f))
            if result is None:
                report.plans.append(PlanResult(str(f), "failed", error=error))
                continue
            ex, own, common = result
            key = ex.plan_key
            if manifest.get(key, {}).get("sha256") == ex.sha256 and copy.existed:
                report.plans.append(PlanResult(str(f), "unchanged", ex))
                continue
            copy.inner.remove_graph(ox.NamedNode(str(plan_graph_iri(key))))
            pending += _quads(own, plan_graph_iri(key))
            pending += _quads(common, COMMON_GRAPH)
            new_keys.append(key)
            if len(new_keys) % LOAD_BATCH == 0:
                # the bulk loader skips transactions: safe here, the build owns this copy
                copy.inner.bulk_extend(pending)
                pending = []
            manifest[key] = {"source": str(f), "sha256": ex.sha256, "graph": str(plan_graph_iri(key))}
            report.plans.append(PlanResult(str(f), "ingested", ex))
        if pending:
            copy.inner.bulk_extend(pending)
        if validate is not None and new_keys:
            problems = validate(_new_plans_view(copy.inner, new_keys, report))
            if problems:
                raise StoreError("the new graph does not validate; the previous graph is kept:\n" + "\n".join(problems[:20]), str(store_dir))
        report.triples = len(copy.inner)
    report.seconds = time.perf_counter() - started
    return report


def _new_plans_view(inner: ox.Store, keys: list[str], report: "BuildReport") -> Graph:
    """What build validates: the new plans' graphs, with the types of the shared nodes they use.

    Above VALIDATE_ALL_UP_TO new plans a fixed sample is checked (pyshacl is far slower than
    the load); `dcskg validate` always checks the whole graph.
    """
    import random

    if len(keys) > VALIDATE_ALL_UP_TO:
        keys = random.Random(0).sample(sorted(keys), VALIDATION_SAMPLE)
        report.validated_sample = len(keys)
    g = Graph()
    from oxrdflib._converter import from_ox

    for key in keys:
        for q in inner.quads_for_pattern(None, None, None, ox.NamedNode(str(plan_graph_iri(key)))):
            g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    for q in inner.quads_for_pattern(None, rdf_type, None, ox.NamedNode(str(COMMON_GRAPH))):
        g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return g


def remove(plan_key: str, store_dir: Path = DEFAULT_STORE) -> bool:
    """Remove one plan's named graph (atomically, like build)."""
    store_dir = Path(store_dir)
    if plan_key not in _read_manifest(store_dir):
        return False
    with _WorkingCopy(store_dir, "removing") as copy:
        copy.inner.remove_graph(ox.NamedNode(str(plan_graph_iri(plan_key))))
        del copy.manifest[plan_key]
    return True


class _WorkingCopy:
    """A private copy of the store that replaces the real one only if the block succeeds.

    Oxigraph's backup is cheap (hard links), so every write works on a copy: a crash or a
    refused build leaves the previous graph as it was.
    """

    def __init__(self, store_dir: Path, purpose: str):
        self.store_dir = store_dir
        self.work = store_dir.parent / f".{store_dir.name}.{purpose}-{uuid.uuid4().hex[:12]}"
        self.manifest = _read_manifest(store_dir)
        self.existed = (store_dir / DB_DIR).exists()

    def __enter__(self) -> "_WorkingCopy":
        if self.work.exists():
            shutil.rmtree(self.work)
        self.work.mkdir(parents=True)
        if self.existed:
            ox.Store.read_only(str(self.store_dir / DB_DIR)).backup(str(self.work / DB_DIR))
        self.inner = ox.Store(str(self.work / DB_DIR))
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self.inner.flush()
                # RocksDB releases its lock only when the store object is gone
                del self.inner
                gc.collect()
                _write_manifest(self.work, self.manifest)
                _swap(self.work, self.store_dir)
        finally:
            if self.work.exists():
                shutil.rmtree(self.work, ignore_errors=True)
        if exc_type is None:
            export(self.store_dir)


def _swap(new: Path, target: Path) -> None:
    old = target.parent / f".{target.name}.old-{uuid.uuid4().hex[:12]}"
    if target.exists():
        # keep exports and other files the user put beside the store out of the swap
        target.rename(old)
    new.rename(target)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def rules_fingerprint() -> str:
    """Hash of the knowledge files and extractor code: a change re-extracts every plan."""
    import hashlib

    import ingest
    from ingest.rules import DATA_DIR

    h = hashlib.sha256()
    roots = [DATA_DIR / "rules", DATA_DIR / "registry", Path(ingest.__file__).parent]
    for root in roots:
        for f in sorted(root.rglob("*")):
            if f.is_file() and f.suffix in {".py", ".yaml", ".yml", ".json"}:
                h.update(f.name.encode())
                h.update(f.read_bytes())
    return h.hexdigest()


def _read_manifest(store_dir: Path) -> dict:
    """Plan key -> source, sha256 and graph IRI, for the plans built with today's rules."""
    path = Path(store_dir) / MANIFEST
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}
    if data.get("rules") != rules_fingerprint():
        # rules changed: keep the list (for `remove`) but force re-extraction
        return {k: {**v, "sha256": None} for k, v in data.get("plans", {}).items()}
    return dict(data.get("plans", {}))


def _write_manifest(folder: Path, plans: dict) -> None:
    body = {"rules": rules_fingerprint(), "plans": plans}
    (folder / MANIFEST).write_text(json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")


def manifest(store_dir: Path = DEFAULT_STORE) -> dict:
    return _read_manifest(Path(store_dir))


EXPORT_FORMATS = {"trig": ("trig", "graph.trig"), "ttl": ("turtle", "graph.ttl"), "nt": ("nt", "graph.nt"), "jsonld": ("json-ld", "graph.jsonld")}


def export(store_dir: Path = DEFAULT_STORE, formats: Iterable[str] = ("trig", "ttl"), out_dir: Path | None = None, graph: URIRef | None = None) -> list[Path]:
    """Serialise the store beside it (TriG keeps the named graphs; Turtle is their union).

    Whole-store exports go through Oxigraph's own serialisers (fast at any size); JSON-LD and
    single-plan exports through rdflib.
    """
    store_dir = Path(store_dir)
    out_dir = Path(out_dir or store_dir)
    db = store_dir / DB_DIR
    if not db.exists():
        raise StoreError("no graph here yet; run `dcskg build` first", str(store_dir))
    inner = ox.Store.read_only(str(db))
    prefixes = dict(PREFIXES)
    written = []
    for fmt in formats:
        rdf_format, name = EXPORT_FORMATS[fmt]
        path = out_dir / name
        if graph is not None or fmt == "jsonld":
            g = Graph()
            for prefix, ns in PREFIXES.items():
                g.bind(prefix, ns)
            source = named_graph(open_dataset(store_dir), graph) if graph is not None else None
            if source is None:
                from oxrdflib._converter import from_ox

                for q in inner:
                    g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
            else:
                for t in source:
                    g.add(t)
            g.serialize(path, format=rdf_format)
        elif fmt == "trig":
            inner.dump(str(path), format=ox.RdfFormat.TRIG, prefixes=prefixes)
        else:
            ox_format = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}[fmt]
            # the union of the named graphs; a triple stated in two graphs is written twice,
            # which Turtle and N-Triples read back as one
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in inner)
            kwargs = {"prefixes": prefixes} if fmt == "ttl" else {}
            ox.serialize(triples, str(path), format=ox_format, **kwargs)
        written.append(path)
    return written
