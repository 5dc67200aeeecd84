"""Finding things in the graph by what a person types: one resolver for every look-up.

- a document read into the graph, by file, file name or stem, key, IRI or number;
- any document the graph knows (read or only cited), by its symbol with or without "số",
  in any case, with or without diacritics, `D` for `Đ`, the local `@place/year` key inferred
  when the symbol alone is unique, or a law by its name;
- an agency by its name or an alias, in any case and spelling;
- a place with or without diacritics.

A look-up that finds nothing says what it searched and names the nearest candidates; one
that finds several lists them.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

from rdflib import Literal, URIRef

from ingest.errors import QueryError
from ingest.rules import cues, fold

from .runner import run_query

def loose(text: str) -> str:
    """The key a person's typing is compared by: no case, no diacritics, Đ as D, no "số",
    no spaces around the parts of a symbol."""
    text = fold(str(text)).replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = re.sub(r"^(?:so|so hieu)\s+", "", text)
    text = re.sub(r"\s*([/@-])\s*", r"\1", text)
    return re.sub(r"\s+", " ", text).strip(" .")


def _nearest(wanted: str, names: list[str], n: int = 3) -> str:
    by_key = {}
    for name in names:
        by_key.setdefault(loose(name), name)
    close = difflib.get_close_matches(loose(wanted), list(by_key), n=n, cutoff=0.5)
    return f"; nearest: {', '.join(by_key[c] for c in close)}" if close else ""


def _one(ref: str, what: str, matches: list[str], names: list[str]) -> str:
    found = sorted(set(matches))
    if len(found) == 1:
        return found[0]
    if found:
        raise QueryError(f"{ref}: several {what} match — {', '.join(found[:10])}; give one of them", "lookup")
    raise QueryError(f"{ref}: no {what} in the graph matches (compared without case, diacritics or 'số'){_nearest(ref, names)}", "lookup")


def document_node(ds, ref: str) -> URIRef:
    """The IRI of the document read from `ref` (a path, file name, key, IRI or number)."""
    if ref.startswith(("http://", "https://")):
        return URIRef(ref)
    key = Path(ref).stem if Path(ref).suffix else ref
    rows = _read(ds)
    for doc, k, _ in rows:
        if k == key or k == Path(ref).name or loose(k) == loose(key):
            return doc
    wanted = loose(ref)
    by_number = {str(doc) for doc, _, i in rows if i and loose(i.split("@")[0]) in (wanted, wanted.split("@")[0])}
    names = [i.split("@")[0] for _, _, i in rows if i] + [k for _, k, _ in rows]
    return URIRef(_one(ref, "document read (by file, key or number)", list(by_number), names))


def _exactly(ds, query: str, **values) -> bool:
    """One index probe (queries/internal/QUERY.rq): is the value in the graph as typed?"""
    from .runner import QUERY_DIR, load, run

    return len(run(load(QUERY_DIR / "internal" / f"{query}.rq"), ds, **values)) > 0


def document_id(ds, ref: str) -> str:
    """The graph's id of any document it knows ("65/NQ-HĐND@Cần Thơ/2024", "10/2022/QH15")
    from a symbol as typed or a law's name."""
    if _exactly(ds, "document_exact", id=ref):
        return ref
    rows = [(r["id"], r["label"]) for r in run_query("document_names", ds)]
    ids = sorted({i for i, _ in rows})
    wanted = loose(ref)
    exact = [i for i in ids if loose(i) == wanted]
    if exact:
        return _one(ref, "document", exact, ids)
    by_symbol = [i for i in ids if loose(i.split("@")[0]) == wanted]
    if by_symbol:
        return _one(ref, "document", by_symbol, ids)
    by_name = [i for i, label in rows if label and loose(label) == wanted]
    if not by_name:
        by_name = [i for i, label in rows if label and len(wanted) > 8 and wanted in loose(label)]
    return _one(ref, "document", by_name, ids + [label for _, label in rows if label])


def agency_name(ds, ref: str) -> str:
    """An agency's canonical name from its name or an alias in any case and spelling."""
    if _exactly(ds, "agency_exact", name=Literal(ref, lang="vi")):
        return ref
    rows = [(r["name"], r["alias"]) for r in run_query("agency_names", ds)]
    names = sorted({n for n, _ in rows})
    wanted = loose(ref)
    matches = [n for n, a in rows if loose(n) == wanted or (a and loose(a) == wanted)]
    return _one(ref, "agency", matches, names)


def place_name(ds, ref: str) -> str:
    """A place's name as the graph writes it, from any spelling ("vinh long" -> "Vĩnh Long")."""
    if _exactly(ds, "place_exact", name=Literal(ref, lang="vi")):
        return ref
    names = sorted(r["name"] for r in run_query("places", ds))
    wanted = _without_level(ref)
    matches = [n for n in names if _without_level(n) == wanted]
    return _one(ref, "place", matches, names)


def _without_level(place: str) -> str:
    """"tỉnh Vĩnh Long", "TP. Cần Thơ" -> the name alone, compared loosely."""
    from ingest.rules import gazetteer

    words = sorted({loose(w) for w in cues()["issuer_levels"]} | {loose(a) for a, w in gazetteer().abbreviations.items() if w in cues()["issuer_levels"]}, key=len, reverse=True)
    return re.sub(r"^(?:" + "|".join(map(re.escape, words)) + r")\.?\s+", "", loose(place))


def candidates(ds, kind: str) -> list[str]:
    """What a parameter of type `kind` (document, plan, agency, place) can name in this graph."""
    if kind == "document":
        return sorted({r["id"] for r in run_query("document_names", ds)})
    if kind == "plan":
        return sorted({k for _, k, _ in _read(ds)})
    if kind == "agency":
        return sorted({r["name"] for r in run_query("agency_names", ds)})
    if kind == "place":
        return sorted(r["name"] for r in run_query("places", ds))
    raise ValueError(f"no candidates for {kind!r}")


def _read(ds) -> list[tuple[URIRef, str, str | None]]:
    """(IRI, key, number) of each document read; a decision's promulgated text goes with it."""
    return [(URIRef(r["doc"]), r["key"], r["number"]) for r in run_query("ingested", ds) if not r["promulgatedBy"]]
