"""Documents named as people name them: genre, symbol, issuer and date —
"Kế hoạch 18/KH-UBND — Ủy ban nhân dân huyện Vĩnh Linh, 17/01/2025". File names stay in the
provenance columns; this is what a person reads in tables, workbooks, calendars and pages.
"""
from __future__ import annotations

import re
from pathlib import Path

_READ = """
PREFIX dcs: <https://w3id.org/dcs-kg/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?source (SAMPLE(?g) AS ?genre) (SAMPLE(?n) AS ?number) (SAMPLE(?i) AS ?issuer) (SAMPLE(?d) AS ?date)
       (SAMPLE(?l) AS ?level) (SAMPLE(?p) AS ?province) WHERE {
  ?doc a dcs:AdministrativeDocument ; dcs:sourceFile ?source .
  FILTER NOT EXISTS { ?doc dcs:promulgatedBy ?decision }
  OPTIONAL { ?doc eli:type_document/skos:prefLabel ?g . FILTER(lang(?g) = "vi") }
  OPTIONAL { ?doc eli:id_local ?n }
  OPTIONAL { ?doc dcs:issuerName ?i }
  OPTIONAL { ?doc eli:date_document ?d }
  OPTIONAL { ?doc dcs:issuerLevel/skos:prefLabel ?l . FILTER(lang(?l) = "vi") }
  OPTIONAL { ?doc eli:jurisdiction ?u . { ?u dcs:withinProvince/skos:prefLabel ?p } UNION { ?u skos:prefLabel ?p . FILTER NOT EXISTS { ?u dcs:withinProvince ?x } }
             FILTER(lang(?p) = "vi") }
}
GROUP BY ?source
"""


def show_date(date: str | None) -> str | None:
    """ISO "2025-01-17" / "2025-01" / "2025" -> "17/01/2025" / "01/2025" / "2025"."""
    if not date:
        return None
    parts = str(date)[:10].split("-")
    return "/".join(reversed(parts))


def document_name(genre: str | None, number: str | None, issuer: str | None, date: str | None, source: str | None = None) -> str:
    """"Kế hoạch 18/KH-UBND — Ủy ban nhân dân huyện Vĩnh Linh, 01/2025"; a document whose
    number was left blank is named by its issuer and date, and by its file only as a last resort."""
    symbol = re.sub(r"@.*$", "", number or "").strip()
    head = " ".join(x for x in (genre or "Văn bản", symbol) if x)
    tail = ", ".join(x for x in (issuer, show_date(date)) if x)
    if not tail and not symbol and source:
        tail = Path(source).name
    return f"{head} — {tail}" if tail else head


def names_by_source(ds) -> dict[str, dict[str, str | None]]:
    """Source file name -> {name, issuer, level, province} of every document read."""
    out: dict[str, dict[str, str | None]] = {}
    for row in ds.query(_READ):
        source, genre, number, issuer, date, level, province = (None if v is None else str(v) for v in row)
        out[Path(source).name] = {
            "name": document_name(genre, number, issuer, date, source),
            "issuer": issuer,
            "level": level,
            "province": province,
        }
    return out
