"""SHACL validation of the graph (ontology/shapes.ttl) with readable messages."""
from __future__ import annotations

from functools import cache

from rdflib import Dataset, Graph, Namespace
from rdflib.namespace import RDF

from ontology import SHAPES_TTL

SH = Namespace("http://www.w3.org/ns/shacl#")


@cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES_TTL)


def _union(ds: Dataset | Graph) -> Graph:
    if not isinstance(ds, Dataset):
        return ds
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def validate_dataset(ds: Dataset | Graph) -> list[str]:
    """Violations as sentences ("<focus>: <message> (<path>)"), empty when the graph conforms."""
    from pyshacl import validate

    data = _union(ds)
    conforms, report, _ = validate(data, shacl_graph=_shapes(), inference="none", advanced=True, allow_warnings=True)
    if conforms:
        return []
    problems = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        message = report.value(result, SH.resultMessage)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        text = f"{focus}: {message}"
        if path is not None:
            text += f" (property {path.n3(data.namespace_manager)})"
        if value is not None and value != focus:
            text += f" [value {value}]"
        problems.append(text)
    return sorted(problems)
