"""Exports of a store as files: TriG (with its named graphs), Turtle (their union), N-Triples,
JSON-LD, or one plan's graph."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from ingest.errors import StoreError
from ingest.to_rdf import PREFIXES
from queries import backend

from .folder import DEFAULT_STORE, db_path, named_graph, open_dataset

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
