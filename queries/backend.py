"""The embedded Oxigraph store under rdflib: one place that wraps it and hands it back.

The named queries run on the store directly when they can (rdflib's term conversion cost as
much as the query at national scale); oxrdflib keeps its store private (`_inner`), so the
Dataset is made here and the store it wraps remembered, and terms are converted here rather
than with oxrdflib's private converter — an oxrdflib upgrade cannot break either silently.
"""
from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Identifier


class OxigraphDataset(Dataset):
    """An rdflib Dataset over an Oxigraph store it keeps in view (`native`)."""

    def __init__(self, inner: ox.Store, default_union: bool = True):
        super().__init__(store=OxigraphStore(store=inner), default_union=default_union)
        self.native = inner


def dataset(inner: ox.Store, prefixes: dict[str, str] | None = None) -> OxigraphDataset:
    """An rdflib Dataset over `inner` whose default graph is the union of all graphs."""
    ds = OxigraphDataset(inner)
    for prefix, ns in (prefixes or {}).items():
        ds.bind(prefix, ns)
    return ds


def native(ds: Dataset) -> ox.Store | None:
    """The Oxigraph store a Dataset made by `dataset` wraps; None for any other Dataset."""
    return ds.native if isinstance(ds, OxigraphDataset) else None


def to_rdflib(term: Any) -> Identifier:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"not an RDF term: {term!r}")
