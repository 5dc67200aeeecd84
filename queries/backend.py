"""The embedded Oxigraph store under rdflib: one place that wraps it and hands it back.

The named queries run on the store directly when they can (rdflib's term conversion cost as
much as the query at national scale); oxrdflib keeps its store private (`_inner`), so the
Dataset is made here and the store it wraps remembered, and terms are converted here rather
than with oxrdflib's private converter — an oxrdflib upgrade cannot break either silently.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Identifier


class OxigraphDataset(Dataset):
    """An rdflib Dataset over an Oxigraph store it keeps in view (`native`). A store opened
    read-only is `frozen` (a build writes a new generation, never the one open): what is read
    of it once may be kept in `memo` for the life of the handle."""

    def __init__(self, inner: ox.Store, default_union: bool = True, frozen: bool = False):
        super().__init__(store=OxigraphStore(store=inner), default_union=default_union)
        self.native = inner
        self.frozen = frozen
        self.memo: dict[str, Any] = {}
        self.text_index: Path | None = None  # the search index kept with the store (queries.text_index)
        self.generation: Path | None = None  # the generation folder it was opened in, read-only


def dataset(inner: ox.Store, prefixes: dict[str, str] | None = None, frozen: bool = False) -> OxigraphDataset:
    """An rdflib Dataset over `inner` whose default graph is the union of all graphs."""
    ds = OxigraphDataset(inner, frozen=frozen)
    for prefix, ns in (prefixes or {}).items():
        ds.bind(prefix, ns)
    return ds


def native(ds: Dataset) -> ox.Store | None:
    """The Oxigraph store a Dataset made by `dataset` wraps; None for any other Dataset."""
    return ds.native if isinstance(ds, OxigraphDataset) else None


def text_index(ds: Dataset) -> Path | None:
    """Where the search index of a store opened from its folder is (`queries.text_index`); None
    for any other Dataset."""
    return ds.text_index if isinstance(ds, OxigraphDataset) else None


def generation(ds: Dataset) -> Path | None:
    """The folder of the store generation a Dataset was opened in read-only (which no build
    changes: dcskg.generations); None for any other Dataset."""
    return ds.generation if isinstance(ds, OxigraphDataset) else None


def memo(ds: Dataset) -> dict[str, Any] | None:
    """Where to keep what was read of a store that cannot change under its handle (opened
    read-only); None for any other."""
    return ds.memo if isinstance(ds, OxigraphDataset) and ds.frozen else None


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
