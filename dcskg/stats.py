"""Statistics written at build time: the aggregations analysts ask most, as W3C RDF Data Cube
observations in their own named graph (`graph/stats`), so a question over 10,000 plans reads a
few thousand observations instead of grouping millions of facts.

This module says what an observation is (its IRI, its values as terms) and how the store
describes a body. What a plan contributes is read in `dcskg.contribution`; the totals are
running sums kept beside the database (`dcskg.tally`, which lists the datasets and the raw-fact
queries they equal): a build or a remove takes a changed plan's old contribution out, puts its
new one in, and rewrites only the observations that moved.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import SKOS, XSD, URIRef
from rdflib.namespace import ORG, QB

from ingest.to_rdf import BASE, COMMON_GRAPH
from ontology.namespace import DCS

from .contribution import SEP, notations

STATS_GRAPH = URIRef(BASE + "graph/stats")


def observation_iri(dataset: str, *parts: str) -> str:
    digest = hashlib.sha1(SEP.join(parts).encode("utf-8")).hexdigest()[:20]
    return f"{BASE}stats/{dataset}/{digest}"


def observation_values(dataset: URIRef, **values) -> list[tuple[URIRef, object]]:
    """An observation's (property, value) pairs: its dataset and the dcs: properties given
    (a value left None is left out)."""
    return [(QB.dataSet, dataset), *((DCS[k], v) for k, v in values.items() if v is not None)]


def to_term(value) -> ox.NamedNode | ox.Literal:
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, bool):
        raise TypeError("no booleans in observations")
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(str(XSD.integer)))
    return ox.Literal(str(value))


def describe(inner: ox.Store, agencies: Iterable[str]) -> dict[str, list]:
    """Agency -> [name, kind code, place name] as the store's common graph states them."""
    common = ox.NamedNode(str(COMMON_GRAPH))
    label, classification, jurisdiction = (ox.NamedNode(str(p)) for p in (SKOS.prefLabel, ORG.classification, DCS.jurisdiction))
    notation = {str(k): v for k, v in notations().items()}

    def one(s, p):
        return next((q.object for q in inner.quads_for_pattern(s, p, None, common)), None)

    def vi(s):
        values = [q.object for q in inner.quads_for_pattern(s, label, None, common)]
        chosen = next((v for v in values if v.language == "vi"), values[0] if values else None)
        return None if chosen is None else chosen.value

    out = {}
    for a in agencies:
        node = ox.NamedNode(a)
        name = vi(node)
        if name is None:
            continue  # not in the store: the plan's own description stands in
        kind, place = one(node, classification), one(node, jurisdiction)
        out[a] = [name, notation.get(kind.value) if kind is not None else None, vi(place) if place is not None else None]
    return out
