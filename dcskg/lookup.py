"""Finding a document in the graph by what a person types: a file, its name or stem, the
document's IRI, or its number ("18/KH-UBND", "47/2025/NQ-HĐND")."""
from __future__ import annotations

from pathlib import Path

from rdflib import Literal, URIRef

from ingest.errors import QueryError
from ingest.rules import fold

_FIND = """
PREFIX dcs: <https://w3id.org/dcs-kg/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT DISTINCT ?doc ?key ?id WHERE {
  ?doc a dcs:AdministrativeDocument ; dcs:documentKey ?key .
  OPTIONAL { ?doc eli:id_local ?id }
  FILTER NOT EXISTS { ?doc dcs:promulgatedBy ?decision }
}
"""


def document_node(ds, ref: str) -> URIRef:
    """The IRI of the document read from `ref` (a path, file name, key, IRI or number)."""
    if ref.startswith(("http://", "https://")):
        return URIRef(ref)
    key = Path(ref).stem if Path(ref).suffix else ref
    rows = list(ds.query(_FIND))
    for doc, k, _ in rows:
        if str(k) == key or str(k) == Path(ref).name:
            return doc
    wanted = fold(ref.replace(" ", "")).replace("đ", "d")
    by_number = [doc for doc, _, i in rows if i is not None and fold(str(i).split("@")[0]).replace("đ", "d") == wanted]
    if len(set(by_number)) == 1:
        return by_number[0]
    raise QueryError(f"{ref}: no document read into the graph has this file name, key or number")
