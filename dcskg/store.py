"""The graph store: an embedded Oxigraph database behind rdflib's Dataset API.

A store is a folder dcs-kg owns and marks (`.dcskg-store`, with the format version):

    STORE/.dcskg-store        the marker; a non-empty folder without it is never written to
    STORE/.lock               one writer at a time (an OS lock, released when the process dies)
    STORE/current -> gen-…    the generation readers open (a symlink, replaced atomically)
    STORE/gen-…/oxigraph      the database of one generation, and its manifest.json
    STORE/graph.trig, .ttl    exports of the current generation

`build` and `remove` work on a new generation (a cheap hard-link backup of the current one)
and switch `current` to it only when every step succeeded, so a crash or a bad file never
leaves a half-written graph; leftovers of a killed writer are removed by the next one.
Nothing in the folder that dcs-kg did not write is ever moved or deleted. Readers open the
current generation read-only, so queries run while a build is writing.
"""
from __future__ import annotations

import fcntl
import gc
import hashlib
import json
import os
import re
import shutil
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import SKOS, Dataset, Graph, URIRef
from rdflib.namespace import ORG

from ingest.errors import StoreError, shown_path
from ingest.ids import symbol_of
from ingest.models import Extraction
from ingest.pipeline import corpus_files
from ingest.rules import DATA_DIR
from ingest.to_rdf import BASE, COMMON_GRAPH, PREFIXES, add_reference_data, plan_graph_iri
from queries import backend

from . import stats
from .nquads import _quads, to_ox
from .reading import _read_all

DEFAULT_STORE = Path(os.environ.get("DCSKG_STORE", "data/graph"))
# the plans bundled with the project: data/plans here, or the copy an installed wheel carries
DEFAULT_PLANS = Path("data/plans") if Path("data/plans").is_dir() else DATA_DIR / "plans"
DB_DIR = "oxigraph"
MANIFEST = "manifest.json"
MARKER = ".dcskg-store"
LOCK = ".lock"
CURRENT = "current"
STORE_FORMAT = 2


VALIDATE_ALL_UP_TO = 100  # new plans all validated; above this, a fixed sample of them
VALIDATION_SAMPLE = 100


AUTO_EXPORT_QUADS = 2_000_000  # above this, build leaves the graph dump to `dcskg export graph`
LOAD_BATCH = 200  # plans whose quads go to Oxigraph's bulk loader in one call


def _bind(inner: ox.Store) -> backend.OxigraphDataset:
    return backend.dataset(inner, PREFIXES)


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
    try:
        inner = ox.Store.read_only(str(db)) if read_only else ox.Store(str(db))
    except OSError as exc:
        raise StoreError(f"cannot open the store ({exc})", str(store_dir)) from exc
    return _bind(inner)


def named_graph(ds: Dataset, iri: URIRef) -> Graph:
    """A read view of one named graph (Dataset.graph() would try to create it)."""
    return Graph(store=ds.store, identifier=iri)


def memory_dataset() -> backend.OxigraphDataset:
    """An in-memory Oxigraph dataset (tests, one-off analyses)."""
    return _bind(ox.Store())


@dataclass
class PlanResult:
    source: str
    status: str  # ingested | unchanged | failed
    extraction: Extraction | None = None
    error: str | None = None
    # what the build table shows of a document; an unchanged one is not read again, so its
    # summary comes from the manifest
    summary: dict | None = None


def summary(ex: Extraction) -> dict:
    """A document as the build table shows it: its name and what was found in it."""
    from queries.naming import document_name

    d = ex.document
    return {
        "name": document_name(d.type, d.number, d.issuer, d.date),
        "implements": [symbol_of(r.id) for r in ex.legal_refs if r.relation == "implements"],
        "tasks": len(ex.tasks),
        "with_role": len({k for task in ex.tasks for k in (*task.lead, *task.support)}),
        "agencies": len(ex.agencies),
        "refs": len(ex.legal_refs),
        "warnings": len(ex.warnings),
    }


def _one_name_each(common, inner: ox.Store, first: dict) -> list[tuple]:
    """A body keeps the name and kind the first plan gave it: two plans that spell one body
    differently ("Ban Quản lý Khu kinh tế" / "Ban Quản lý khu Kinh tế", one IRI) would give it
    two skos:prefLabels in a language (which SKOS forbids) and double every row about it. A
    later spelling becomes a skos:altLabel; a later, different kind is left out."""
    graph = ox.NamedNode(str(COMMON_GRAPH))
    out = []
    for s, p, o in common:
        if p == SKOS.prefLabel:
            key = (s, "label", getattr(o, "language", None))
        elif p == ORG.classification:
            key = (s, "kind", None)
        else:
            out.append((s, p, o))
            continue
        if key not in first:
            stored = [q.object for q in inner.quads_for_pattern(to_ox(s), to_ox(p), None, graph)]
            stored = [x for x in stored if key[1] == "kind" or getattr(x, "language", None) == key[2]]
            first[key] = to_ox(o) if not stored else stored[0]
        if first[key] == to_ox(o):
            out.append((s, p, o))
        elif p == SKOS.prefLabel:
            out.append((s, SKOS.altLabel, o))
    return out


def _file_digest(path: Path) -> str | None:
    """The digest extraction records (sha256 of the bytes), read without extracting."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None  # the reader will say what is wrong with it


@dataclass
class BuildReport:
    plans: list[PlanResult] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0
    store: str = ""
    validated_sample: int | None = None  # set when only a sample of the new plans was validated
    exported: bool = False  # graph.trig and graph.ttl were written

    @property
    def failed(self) -> list[PlanResult]:
        return [p for p in self.plans if p.status == "failed"]


def build(
    paths: Iterable[Path],
    store_dir: Path = DEFAULT_STORE,
    progress: Callable[[str], None] | None = None,
    validate: Callable[[Graph], list[str]] | None = None,
    workers: int | None = None,
    wait: bool = False,
    notice: Callable[[str], None] | None = None,
    export_graph: bool | None = None,
) -> BuildReport:
    """Ingest plan files into the store; unchanged plans are skipped, changed ones replaced.

    `wait`: when another process is writing to the store, wait for it instead of failing.
    `export_graph`: write graph.trig and graph.ttl beside the store after the build; by default
    only up to AUTO_EXPORT_QUADS (a dump of a national graph takes minutes, and an incremental
    build would spend them on every changed plan — `dcskg export graph` writes it on demand).
    """
    from ingest.rules import slug

    started = time.perf_counter()
    store_dir = Path(store_dir)
    report = BuildReport(store=str(store_dir))
    files = corpus_files([Path(p) for p in paths])
    with _WorkingCopy(store_dir, wait=wait, notice=notice) as copy:
        manifest = copy.manifest
        ds = _bind(copy.inner)
        add_reference_data(ds)
        del ds
        new_keys: list[str] = []
        pending: list[ox.Quad] = []
        pending_text: list[bytes] = []
        sources: dict[str, Path] = {}  # plan IRI slug -> the file that gave it, in this build
        contributions = copy.stats["contributions"]
        first_names: dict = {}
        by_slug: dict[str, list[str]] = {}
        for k, v in manifest.items():
            by_slug.setdefault(slug(k), []).append(v.get("source", ""))

        def admit(f: Path, key: str) -> bool:
            """The file may become the plan `key` (no other file already is it)."""
            clash = _identity_clash(f, slug(key), sources, by_slug)
            if clash:
                report.plans.append(PlanResult(str(f), "failed", error=clash))
                return False
            sources[slug(key)] = f
            return True

        to_read = []
        for f in files:
            # an unchanged file is known by its bytes: it is not read again
            entry = manifest.get(Path(f).stem, {})
            same = copy.existed and entry.get("summary") and Path(entry.get("source", "")).name == Path(f).name
            if same and entry.get("sha256") == _file_digest(f) and Path(f).stem in contributions:
                if not admit(Path(f), Path(f).stem):
                    continue
                report.plans.append(PlanResult(str(f), "unchanged", summary=entry["summary"]))
                if progress:
                    progress(str(f))
            else:
                to_read.append(f)
        workers = workers if workers is not None else min(2, os.cpu_count() or 1)
        for f, result, error in _read_all(to_read, workers):
            if progress:
                progress(str(f))
            if result is None:
                report.plans.append(PlanResult(str(f), "failed", error=error))
                continue
            ex, own, common, counted = result
            key = ex.plan_key
            if not admit(Path(f), key):
                continue
            shown = summary(ex)
            if manifest.get(key, {}).get("sha256") == ex.sha256 and copy.existed and key in contributions:
                manifest[key]["summary"] = shown
                report.plans.append(PlanResult(str(f), "unchanged", summary=shown))
                continue
            if copy.existed:
                copy.inner.remove_graph(ox.NamedNode(str(plan_graph_iri(key))))
            pending_text.append(own)
            pending += _quads(_one_name_each(common, copy.inner, first_names), COMMON_GRAPH)
            contributions[key] = counted
            new_keys.append(key)
            if len(new_keys) % LOAD_BATCH == 0:
                # the bulk loader skips transactions: safe here, the build owns this copy
                _load(copy.inner, pending_text, pending)
                pending, pending_text = [], []
            manifest[key] = {"source": str(f), "sha256": ex.sha256, "graph": str(plan_graph_iri(key)), "summary": shown}
            # the summary, not the extraction: 10,000 extractions held to the end cost a GB
            report.plans.append(PlanResult(str(f), "ingested", summary=shown))
        _load(copy.inner, pending_text, pending)
        if validate is not None and new_keys:
            problems = validate(_new_plans_view(copy.inner, new_keys, report))
            if problems:
                raise StoreError("the new graph does not validate; the previous graph is kept:\n" + "\n".join(problems[:20]), str(store_dir))
        copy.refresh_stats()
        report.triples = len(copy.inner)
        copy.export_after = report.exported = export_graph if export_graph is not None else report.triples <= AUTO_EXPORT_QUADS
    report.seconds = time.perf_counter() - started
    return report


def _load(inner: ox.Store, texts: list[bytes], quads: list[ox.Quad]) -> None:
    if texts:
        inner.bulk_load(b"".join(texts), format=ox.RdfFormat.N_QUADS)
    if quads:
        inner.bulk_extend(quads)


def _identity_clash(path: Path, key_slug: str, sources: dict[str, Path], by_slug: dict[str, list[str]]) -> str | None:
    """Two different files must not become one plan: "kế hoạch A.txt" and "ke_hoach_a.txt"
    both give the plan IRI …/plan/ke-hoach-a. The second one is refused, naming both.
    `by_slug`: the manifest's sources by the slug of their key (built once per build)."""
    other = sources.get(key_slug)
    if other is None:
        for source in map(Path, by_slug.get(key_slug, ())):
            if source.name != path.name and source.exists() and source.resolve() != path.resolve():
                other = source
                break
    if other is None or other.resolve() == path.resolve():
        return None
    return (
        f"{shown_path(str(path))}: its plan key '{key_slug}' is already taken by {other} (file names that differ only in "
        "accents, case or punctuation name one plan); rename one of the two files"
    )


def _new_plans_view(inner: ox.Store, keys: list[str], report: BuildReport) -> Graph:
    """What build validates: the new plans' graphs, with the types of the shared nodes they use.

    Above VALIDATE_ALL_UP_TO new plans a fixed sample is checked (pyshacl is far slower than
    the load); `dcskg validate` always checks the whole graph.
    """
    import random

    if len(keys) > VALIDATE_ALL_UP_TO:
        keys = random.Random(0).sample(sorted(keys), VALIDATION_SAMPLE)
        report.validated_sample = len(keys)
    g = Graph()
    from_ox = backend.to_rdflib
    for key in keys:
        for q in inner.quads_for_pattern(None, None, None, ox.NamedNode(str(plan_graph_iri(key)))):
            g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    for q in inner.quads_for_pattern(None, rdf_type, None, ox.NamedNode(str(COMMON_GRAPH))):
        g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return g


def remove(plan_key: str, store_dir: Path = DEFAULT_STORE, wait: bool = False) -> bool:
    """Remove one plan's named graph (atomically, like build)."""
    store_dir = Path(store_dir)
    if plan_key not in _read_manifest(store_dir):
        return False
    with _WorkingCopy(store_dir, wait=wait) as copy:
        copy.inner.remove_graph(ox.NamedNode(str(plan_graph_iri(plan_key))))
        del copy.manifest[plan_key]
        copy.stats["contributions"].pop(plan_key, None)
        copy.refresh_stats()
    return True


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
        legacy = names <= {DB_DIR, MANIFEST, "graph.trig", "graph.ttl"} and _is_legacy_store(store_dir)
        if names and not legacy:
            raise StoreError(
                f"is not empty and is not a dcs-kg store (no {MARKER}); choose a new or empty folder "
                "for --store — nothing was changed",
                str(store_dir),
            )
    store_dir.mkdir(parents=True, exist_ok=True)
    _write_atomic(marker, json.dumps({"format": STORE_FORMAT, "software": "dcs-kg"}, indent=1).encode("utf-8"))


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


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


class _Lock:
    """One writer per store: an exclusive flock on STORE/.lock, released by the kernel when
    the process ends however it ends."""

    def __init__(self, store_dir: Path, wait: bool, notice: Callable[[str], None] | None):
        self.path = store_dir / LOCK
        self.wait = wait
        self.notice = notice

    def __enter__(self) -> _Lock:
        self.fh = open(self.path, "a+")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.fh.seek(0)
            holder = self.fh.read().strip() or "?"
            if not self.wait:
                self.fh.close()
                raise StoreError(
                    f"another dcs-kg process (pid {holder}) is writing to this store; run again when it "
                    "ends, or pass --wait to wait for it — nothing was changed",
                    str(self.path.parent),
                ) from None
            if self.notice:
                self.notice(f"waiting for another dcs-kg process (pid {holder}) writing to {self.path.parent} …")
            fcntl.flock(self.fh, fcntl.LOCK_EX)
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(str(os.getpid()))
        self.fh.flush()
        return self

    def __exit__(self, *exc) -> None:
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()


def _current_generation(store_dir: Path) -> Path | None:
    link = store_dir / CURRENT
    if link.is_symlink() or link.exists():
        return store_dir / os.readlink(link) if link.is_symlink() else link
    return None


def _sweep(store_dir: Path) -> None:
    """Under the lock: what killed writers left — generations nobody reads any more, half-made
    links and exports, working copies of the previous store format beside the folder."""
    current = _current_generation(store_dir)
    keep = set()
    if current is not None:
        keep.add(current.name)
        prev = current / "previous"
        if prev.exists():
            keep.add(prev.read_text(encoding="utf-8").strip())
    for p in store_dir.iterdir():
        if re.fullmatch(r"gen-[0-9a-f]{12}", p.name) and p.name not in keep:
            shutil.rmtree(p, ignore_errors=True)
        elif re.fullmatch(r"\.current-[0-9a-f]{12}|\.graph\.(?:trig|ttl)\.[0-9a-f]{12}\.tmp", p.name):
            p.unlink(missing_ok=True)
    pattern = re.compile(rf"^\.{re.escape(store_dir.name)}\.(?:building|removing|old)-[0-9a-f]{{12}}$")
    for p in store_dir.parent.iterdir():
        if pattern.match(p.name) and p.is_dir():
            shutil.rmtree(p, ignore_errors=True)


class _WorkingCopy:
    """A new generation of the store that becomes the current one only if the block succeeds.

    Oxigraph's backup is cheap (hard links), so every write works on a copy: a crash or a
    refused build leaves the previous graph as it was. SIGTERM ends the block like an error,
    so the copy is removed; after kill -9 the next writer removes it.
    """

    def __init__(self, store_dir: Path, wait: bool = False, notice: Callable[[str], None] | None = None):
        self.store_dir = Path(store_dir)
        self.wait = wait
        self.notice = notice
        self.export_after = True  # graph.trig and graph.ttl beside the new generation

    def __enter__(self) -> _WorkingCopy:
        claim(self.store_dir)
        self.lock = _Lock(self.store_dir, self.wait, self.notice).__enter__()
        try:
            self._sigterm = _raise_on_sigterm()
            _sweep(self.store_dir)
            self.rules = rules_fingerprint()
            self.manifest = _read_manifest(self.store_dir, self.rules)
            source = db_path(self.store_dir)
            self.existed = source.exists()
            self.work = self.store_dir / f"gen-{uuid.uuid4().hex[:12]}"
            self.work.mkdir()
            if self.existed:
                ox.Store.read_only(str(source)).backup(str(self.work / DB_DIR))
            self.inner = ox.Store(str(self.work / DB_DIR))
            # the statistics' inputs, kept with the generation; without them (a store built
            # before statistics, or with other rules) every plan is read again
            self.stats = stats.read_sidecar(source.parent if self.existed else None)
            if self.stats.get("rules") != self.rules:
                self.stats = {"contributions": {}, "digests": self.stats.get("digests", {}), "described": {}, "rules": self.rules}
        except BaseException:
            self._release()
            raise
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self.inner.flush()
                # RocksDB releases its lock only when the store object is gone
                del self.inner
                gc.collect()
                _write_manifest(self.work, self.manifest, self.rules)
                stats.write_sidecar(self.work, self.stats)
                previous = _current_generation(self.store_dir)
                if previous is not None:
                    (self.work / "previous").write_text(previous.name, encoding="utf-8")
                _switch(self.store_dir, self.work)
                if self.export_after:
                    export(self.store_dir)
                _sweep(self.store_dir)
        finally:
            if exc_type is not None and self.work.exists():
                shutil.rmtree(self.work, ignore_errors=True)
            self._release()

    def refresh_stats(self) -> None:
        """The statistics graph brought to the plans now in the store."""
        contributions = self.stats["contributions"]
        for key in [k for k in contributions if k not in self.manifest]:
            del contributions[key]  # a plan built with other rules, or removed
        described = self.stats.setdefault("described", {})
        unknown = {a for c in contributions.values() for a in c["roles"] if a not in described}
        described.update(stats.describe(self.inner, unknown))
        self.stats["digests"] = stats.refresh(self.inner, contributions, self.stats["digests"], described)

    def _release(self) -> None:
        _restore_sigterm(getattr(self, "_sigterm", None))
        self.lock.__exit__(None, None, None)


def _switch(store_dir: Path, generation: Path) -> None:
    """Point `current` at the new generation in one rename; adopt a format-1 store's files."""
    link = store_dir / f".current-{uuid.uuid4().hex[:12]}"
    os.symlink(generation.name, link)
    os.replace(link, store_dir / CURRENT)
    legacy = store_dir / DB_DIR
    if legacy.is_dir() and not legacy.is_symlink():
        shutil.rmtree(legacy, ignore_errors=True)
        (store_dir / MANIFEST).unlink(missing_ok=True)


def _raise_on_sigterm():
    """SIGTERM ends a write like Ctrl-C, so its working copy is cleaned up."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum, frame):
        raise KeyboardInterrupt("terminated")

    return signal.signal(signal.SIGTERM, handler)


def _restore_sigterm(previous) -> None:
    import signal
    import threading

    if previous is not None and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, previous)


def rules_fingerprint() -> str:
    """Hash of the knowledge files and extractor code: a change re-extracts every plan."""
    import hashlib

    import ingest
    from ingest.rules import DATA_DIR

    h = hashlib.sha256()
    roots = [DATA_DIR / "rules", DATA_DIR / "registry", Path(ingest.__file__).parent]
    # the statistics module counts from the triples: a change of it recounts every plan
    for f in [*(f for root in roots for f in sorted(root.rglob("*"))), Path(stats.__file__)]:
        if f.is_file() and f.suffix in {".py", ".yaml", ".yml", ".json"}:
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def _read_manifest(store_dir: Path, rules: str | None = None) -> dict:
    """Plan key -> source, sha256 and graph IRI, for the plans built with today's rules
    (`rules`: their fingerprint, when the caller has it already)."""
    path = db_path(store_dir).parent / MANIFEST
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}
    if data.get("rules") != (rules or rules_fingerprint()):
        # rules changed: keep the list (for `remove`) but force re-extraction
        return {k: {**v, "sha256": None} for k, v in data.get("plans", {}).items()}
    return dict(data.get("plans", {}))


def _write_manifest(folder: Path, plans: dict, rules: str) -> None:
    body = {"rules": rules, "plans": plans}
    _write_atomic(folder / MANIFEST, json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))


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
    db = db_path(store_dir)
    if not db.exists():
        raise StoreError("no graph here yet; run `dcskg build` first", str(store_dir))
    inner = ox.Store.read_only(str(db))
    prefixes = dict(PREFIXES)
    written = []
    for fmt in formats:
        rdf_format, name = EXPORT_FORMATS[fmt]
        final = out_dir / name
        # written under a temporary name and renamed: a kill leaves the previous file whole
        path = out_dir / f".{name}.{uuid.uuid4().hex[:12]}.tmp"
        if graph is not None or fmt == "jsonld":
            g = Graph()
            for prefix, ns in PREFIXES.items():
                g.bind(prefix, ns)
            source = named_graph(open_dataset(store_dir), graph) if graph is not None else None
            if source is None:
                from_ox = backend.to_rdflib
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
            kwargs: dict[str, Any] = {"prefixes": prefixes} if fmt == "ttl" else {}
            ox.serialize(triples, str(path), format=ox_format, **kwargs)
        os.replace(path, final)
        written.append(final)
    return written
