"""dcs-kg's reader of Vietnamese administrative documents: one file to typed records to RDF.

The pipeline's verbs, one module each, in the order the data flows:

    read(path)            -> SourceText     the file's text, whatever its format (readers)
    normalise(source)     -> Normalised     clean lines with their source line numbers (normalize)
    parse(normalised)     -> Document       header, genre, sections, items, tables (structure)
    extract(path)         -> Extraction     the document's records: references, agencies, tasks (pipeline)
    plan_graphs(record)   -> (own, common)  its triples (to_rdf)

They are imported when first asked for, so `import ingest.rules` stays cheap. (`normalise`, not
`normalize`: the module of that name would shadow the verb once imported.)
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

_VERBS = {
    "read": ("readers", "read"),
    "normalise": ("normalize", "normalize"),
    "parse": ("structure", "parse"),
    "extract": ("pipeline", "extract"),
    "extract_document": ("pipeline", "extract_document"),
    "plan_graphs": ("to_rdf", "plan_graphs"),
}

__all__ = sorted(_VERBS)


def __getattr__(name: str) -> Any:
    if name in _VERBS:
        module, attribute = _VERBS[name]
        return getattr(import_module(f".{module}", __name__), attribute)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
