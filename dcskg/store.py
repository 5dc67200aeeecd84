"""Building the graph store: plan files read in workers, their graphs loaded into a new
generation, validated, and the generation made current; removing a plan the same way.

The store's other jobs live beside this one: the folder and the database readers open
(`folder`), one writer and generations (`generations`), the manifest (`manifest`), exports
(`graph_export`), reading files in bounded workers (`reading`). The names a caller needs are
exported here, so `dcskg.store` stays the one entry point.
"""
from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import SKOS, Graph
from rdflib.namespace import ORG

from ingest.errors import StoreError, shown_path
from ingest.ids import symbol_of
from ingest.models import Extraction
from ingest.pipeline import corpus_files
from ingest.rules import slug
from ingest.to_rdf import COMMON_GRAPH, add_reference_data, plan_graph_iri
from queries import backend

from .folder import DEFAULT_PLANS, DEFAULT_STORE, bind, db_path, memory_dataset, named_graph, open_dataset
from .generations import WorkingCopy
from .graph_export import EXPORT_FORMATS, export
from .manifest import manifest, read_manifest
from .nquads import _quads, to_ox
from .reading import _read_all
from .status import write_status_graph

__all__ = [
    "AUTO_EXPORT_QUADS", "DEFAULT_PLANS", "DEFAULT_STORE", "EXPORT_FORMATS", "BuildReport", "PlanResult", "build",
    "db_path", "export", "manifest", "memory_dataset", "named_graph", "open_dataset", "remove", "summary",
]

VALIDATE_ALL_UP_TO = 100  # new plans all validated; above this, a fixed sample of them
VALIDATION_SAMPLE = 100


AUTO_EXPORT_QUADS = 2_000_000  # above this, build leaves the graph dump to `dcskg export graph`
LOAD_BATCH = 200  # plans whose quads go to Oxigraph's bulk loader in one call
# up to this many plans read, the quad count is kept by counting what they change; above, the
# store is counted at the end (1.4 s at 10,000 plans, nothing beside reading them)
COUNT_CHANGES_UP_TO = 200
# a build that read this many plans (or started from nothing) compacts the database before it
# becomes current: queries after a bulk load ran 3-4 times slower (a few plans changed: RocksDB's
# own compaction keeps up, and an incremental build stays within its seconds)
OPTIMIZE_FROM = 100


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


RACY_SECONDS = 2  # a file changed this recently is hashed next time: its time may not yet tell


def _seen(path: Path) -> list[int] | None:
    """A file's size and modification time, by which a later build knows it unchanged without
    reading it (as git's index does); None when it cannot be trusted: a file changed within
    RACY_SECONDS may change again within the same tick of a coarse clock."""
    try:
        st = Path(path).stat()
    except OSError:
        return None
    return None if st.st_mtime > time.time() - RACY_SECONDS else [st.st_size, st.st_mtime_ns]


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
    started = time.perf_counter()
    store_dir = Path(store_dir)
    report = BuildReport(store=str(store_dir))
    files = corpus_files([Path(p) for p in paths])
    with WorkingCopy(store_dir, wait=wait, notice=notice, replaced=lambda kept: _all_read_again(kept, files)) as copy:
        if not copy.reference_kept:
            add_reference_data(bind(copy.inner))
            copy.count_change(None)
        loading = _Loading(copy, report, progress)
        to_read = loading.skip_unchanged(files)
        workers = workers if workers is not None else min(2, os.cpu_count() or 1)
        for f, result, error in _read_all(to_read, workers):
            loading.take(Path(f), result, error)
        loading.flush()
        if validate is not None and loading.new_keys:
            problems = validate(_new_plans_view(copy.inner, loading.new_keys, report))
            if problems:
                raise StoreError("the new graph does not validate; the previous graph is kept:\n" + "\n".join(problems[:20]), str(store_dir))
        # users' task statuses outlive the plans' graphs: a rebuild from empty shows them again
        write_status_graph(copy, store_dir)
        copy.refresh_stats()
        report.triples = copy.count()
        copy.optimize = len(loading.new_keys) >= OPTIMIZE_FROM or not copy.existed
        report.exported = export_graph if export_graph is not None else report.triples <= AUTO_EXPORT_QUADS
        copy.after_switch = export if report.exported else None
    report.seconds = time.perf_counter() - started
    return report


def _all_read_again(manifest: dict, files: list[Path]) -> bool:
    """Every plan in the store is read under other rules (none has a digest today's rules
    trust) and every one of their files is among `files`: nothing of the store would be kept."""
    if not manifest or any(entry.get("sha256") for entry in manifest.values()):
        return False
    given = {str(Path(f).resolve()) for f in files}
    return all(str(Path(entry.get("source", "")).resolve()) in given for entry in manifest.values())


class _Loading:
    """One build's way through its files: which are unchanged, which file is which plan, and
    the quads waiting for the bulk loader."""

    def __init__(self, copy: WorkingCopy, report: BuildReport, progress: Callable[[str], None] | None):
        self.copy, self.report, self.progress = copy, report, progress
        self.manifest = copy.manifest
        self.counted = copy.tally.keys()  # plans whose statistics the store holds
        self.new_keys: list[str] = []
        self.pending: list[ox.Quad] = []
        self.pending_text: list[bytes] = []
        self.sources: dict[str, Path] = {}  # plan IRI slug -> the file that gave it, in this build
        self.first_names: dict = {}
        self.seen: dict[str, list[int] | None] = {}  # file -> size and time, as found before reading
        self.by_slug: dict[str, list[str]] = {}
        for k, v in self.manifest.items():
            # the slug as the manifest keeps it: 10,000 slugs cost half a second to compute
            self.by_slug.setdefault(v.get("slug") or slug(k), []).append(v.get("source", ""))

    def admit(self, f: Path, key: str, key_slug: str | None = None) -> bool:
        """The file may become the plan `key` (no other file already is it)."""
        key_slug = key_slug or slug(key)
        clash = _identity_clash(f, key_slug, self.sources, self.by_slug)
        if clash:
            self.report.plans.append(PlanResult(str(f), "failed", error=clash))
            return False
        self.sources[key_slug] = f
        return True

    def skip_unchanged(self, files: list[Path]) -> list[Path]:
        """The files to read: an unchanged file is known by its size and time, or else by its
        bytes, and not read again."""
        to_read = []
        for f in files:
            stem = f.stem
            entry = self.manifest.get(stem, {})
            same = self.copy.existed and entry.get("summary") and os.path.basename(entry.get("source", "")) == f.name
            seen = self.seen[str(f)] = _seen(f)
            if same and entry.get("sha256") and stem in self.counted and (
                (seen is not None and entry.get("seen") == seen) or entry.get("sha256") == _file_digest(f)
            ):
                key_slug = entry.get("slug") or slug(stem)
                if not self.admit(f, stem, key_slug):
                    continue
                entry.update(seen=seen, slug=key_slug)
                self.report.plans.append(PlanResult(str(f), "unchanged", summary=entry["summary"]))
                if self.progress:
                    self.progress(str(f))
            else:
                to_read.append(f)
        return to_read

    def take(self, f: Path, result, error: str | None) -> None:
        """One file as a worker read it: refused, unchanged after all, or a plan to load."""
        if self.progress:
            self.progress(str(f))
        if result is None:
            self.report.plans.append(PlanResult(str(f), "failed", error=error))
            return
        ex, own, common, counted = result
        key = ex.plan_key
        if not self.admit(f, key):
            return
        shown = summary(ex)
        if self.manifest.get(key, {}).get("sha256") == ex.sha256 and self.copy.existed and key in self.counted:
            self.manifest[key].update(summary=shown, seen=self.seen.get(str(f)))
            self.report.plans.append(PlanResult(str(f), "unchanged", summary=shown))
            return
        if len(self.new_keys) >= COUNT_CHANGES_UP_TO:
            self.copy.count_change(None)
        if self.copy.existed:
            self.copy.drop_graph(ox.NamedNode(str(plan_graph_iri(key))))
        self.copy.count_change(own.count(b"\n"))  # one quad a line
        self.pending_text.append(own)
        self.pending += _quads(_one_name_each(common, self.copy.inner, self.first_names), COMMON_GRAPH)
        self.copy.tally.replace(key, counted)
        self.new_keys.append(key)
        if len(self.new_keys) % LOAD_BATCH == 0:
            self.flush()
        self.manifest[key] = {"source": str(f), "sha256": ex.sha256, "seen": self.seen.get(str(f)), "slug": slug(key), "graph": str(plan_graph_iri(key)), "summary": shown}
        # the summary, not the extraction: 10,000 extractions held to the end cost a GB
        self.report.plans.append(PlanResult(str(f), "ingested", summary=shown))

    def flush(self) -> None:
        if self.copy.quads is not None:
            # the common graph already holds most of what a plan adds to it
            self.copy.count_change(len({q for q in self.pending if q not in self.copy.inner}))
        # the bulk loader skips transactions: safe here, the build owns this copy
        _load(self.copy.inner, self.pending_text, self.pending)
        self.pending, self.pending_text = [], []


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
    used: set = set()
    for key in keys:
        for q in inner.quads_for_pattern(None, None, None, ox.NamedNode(str(plan_graph_iri(key)))):
            g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
            used.update(x for x in (q.subject, q.object) if isinstance(x, ox.NamedNode))
    # the types of the shared nodes these plans use, not of every node in the common graph
    # (124,000 at 10,000 plans: copying them took 2.5 s of an incremental build)
    rdf_type, common = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(str(COMMON_GRAPH))
    for node in used:
        for q in inner.quads_for_pattern(node, rdf_type, None, common):
            g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return g


def remove(plan_key: str, store_dir: Path = DEFAULT_STORE, wait: bool = False) -> bool:
    """Remove one plan's named graph (atomically, like build)."""
    store_dir = Path(store_dir)
    if plan_key not in read_manifest(store_dir):
        return False
    with WorkingCopy(store_dir, wait=wait) as copy:
        copy.drop_graph(ox.NamedNode(str(plan_graph_iri(plan_key))))
        del copy.manifest[plan_key]
        copy.after_switch = export
        copy.refresh_stats()  # a plan gone from the manifest leaves the totals there
    return True


