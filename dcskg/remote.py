"""Any SPARQL 1.1 store as the graph: queries through the SPARQL Protocol, writes through the
Graph Store Protocol (one PUT per plan's named graph, so a re-ingested plan replaces its
graph and nothing else). The path for users who outgrow one machine (Fuseki, GraphDB, an
Oxigraph server).

Endpoint URLs follow the server's conventions: given `…/query` (Oxigraph) the update and
store URLs are `…/update` and `…/store`; given `…/sparql` (Fuseki) they are `…/update` and
`…/data`. The server must treat its default graph as the union of the named graphs
(Oxigraph: `--union-default-graph`; Fuseki: `tdb:unionDefaultGraph true`).
"""
from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from ingest.errors import DcsKgError, StoreError
from ingest.pipeline import corpus_files, extract
from ingest.to_rdf import COMMON_GRAPH, ONTOLOGY_GRAPH, PREFIXES, REGISTRY_GRAPH, add_extraction, add_reference_data, plan_graph_iri

from .contribution import contribution
from .stats import STATS_GRAPH
from .store import BuildReport, PlanResult, memory_dataset, named_graph, summary
from .tally import Tally


@dataclass(frozen=True)
class Endpoint:
    query: str
    update: str
    store: str

    @classmethod
    def from_url(cls, url: str) -> Endpoint:
        url = url.rstrip("/")
        if url.endswith("/query"):
            base = url[: -len("/query")]
            return cls(url, base + "/update", base + "/store")
        if url.endswith("/sparql"):
            base = url[: -len("/sparql")]
            return cls(url, base + "/update", base + "/data")
        return cls(url, url, url)


def open_remote(url: str) -> Dataset:
    ds = Dataset(store=SPARQLStore(Endpoint.from_url(url).query, returnFormat="json"), default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    return ds


def _send(method: str, url: str, graph: Graph, target: str) -> None:
    body = graph.serialize(format="nt", encoding="utf-8")
    req = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": "application/n-triples"})
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            resp.read()
    except urllib.error.HTTPError as exc:
        raise StoreError(f"{method} {target} refused: HTTP {exc.code} {exc.read()[:200]!r}", url) from exc
    except urllib.error.URLError as exc:
        raise StoreError(f"cannot reach the store ({exc.reason})", url) from exc


def put_graph(ep: Endpoint, iri: URIRef, graph: Graph, merge: bool = False) -> None:
    url = f"{ep.store}?{urllib.parse.urlencode({'graph': str(iri)})}"
    _send("POST" if merge else "PUT", url, graph, str(iri))


def build_remote(paths: Iterable[Path], url: str, progress: Callable[[str], None] | None = None, validate=None) -> BuildReport:
    """Read plans, check them locally (SHACL), then write each plan's graph to the store."""
    started = time.perf_counter()
    ep = Endpoint.from_url(url)
    report = BuildReport(store=url)
    local = memory_dataset()
    add_reference_data(local)
    tally = Tally(None)
    for f in corpus_files([Path(p) for p in paths]):
        if progress:
            progress(str(f))
        try:
            ex = extract(f)
        except DcsKgError as exc:
            report.plans.append(PlanResult(str(f), "failed", error=str(exc)))
            continue
        add_extraction(local, ex)
        tally.replace(ex.plan_key, contribution(named_graph(local, plan_graph_iri(ex.plan_key)).triples((None, None, None))))
        report.plans.append(PlanResult(str(f), "ingested", ex, summary=summary(ex)))
    if validate is not None:
        problems = validate(local)
        if problems:
            raise StoreError("the graph does not validate; nothing was written:\n" + "\n".join(problems[:20]), url)
    for iri in (ONTOLOGY_GRAPH, REGISTRY_GRAPH):
        put_graph(ep, iri, named_graph(local, iri))
    put_graph(ep, COMMON_GRAPH, named_graph(local, COMMON_GRAPH), merge=True)
    for p in report.plans:
        if p.extraction is not None:
            iri = plan_graph_iri(p.extraction.plan_key)
            put_graph(ep, iri, named_graph(local, iri))
    # the statistics of the documents of this build: a remote store is built from the whole
    # corpus at once (its plans are replaced graph by graph, the statistics as one graph)
    observed = memory_dataset()
    tally.apply(observed.native)
    tally.close()
    put_graph(ep, STATS_GRAPH, named_graph(observed, STATS_GRAPH))
    report.triples = len(local)
    report.seconds = time.perf_counter() - started
    return report
