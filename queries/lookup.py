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
from functools import cache
from pathlib import Path

from rdflib import Literal, URIRef

from ingest.errors import QueryError
from ingest.ids import symbol_of
from ingest.rules import doc_types, fold

from .named import execute, internal, resolve


def _rows(name: str, ds):
    return execute(resolve(name), ds, {})


def loose(text: str) -> str:
    """The key a person's typing is compared by: no case, no diacritics, Đ as D, no "số",
    no spaces around the parts of a symbol."""
    text = fold(str(text)).replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = re.sub(r"^(?:so|so hieu)\s+", "", text)
    text = re.sub(r"\s*([/@-])\s*", r"\1", text)
    return re.sub(r"\s+", " ", text).strip(" .")


def _nearest(wanted: str, names: list[str], n: int = 3) -> str:
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(loose(name), name)
    close = difflib.get_close_matches(loose(wanted), list(by_key), n=n, cutoff=0.5)
    return ", ".join(by_key[c] for c in close)


# what a look-up searched, as the English message says it (the catalogue has each in words)
_WHAT = {"document": "document", "plan": "document read (by file, key, number, issuer or place)", "agency": "agency", "place": "place"}


def _one(ref: str, what: str, matches: list[str], names: list[str]) -> str:
    found = sorted(set(matches))
    if len(found) == 1:
        return found[0]
    if found:
        shown = ", ".join(found[:10])
        raise QueryError(f"{ref}: several {_WHAT[what]} match — {shown}; give one of them", "lookup", code="lookup_several", params={"ref": ref, "what": what, "found": shown})
    nearest = _nearest(ref, names)
    raise QueryError(
        f"{ref}: no {_WHAT[what]} in the graph matches (compared without case, diacritics or 'số')" + (f"; nearest: {nearest}" if nearest else ""),
        "lookup",
        code="lookup_none_near" if nearest else "lookup_none",
        params={"ref": ref, "what": what, "nearest": nearest},
    )


def document_node(ds, ref: str) -> URIRef:
    """The IRI of the document read from `ref`: a path, file name, key or its unique start
    ("002"), IRI, symbol, number ("157", "kh 157"), or words of its name found in no other
    document read ("Vĩnh Linh", "Ủy ban nhân dân huyện Vĩnh Linh")."""
    return document_read(ds, ref)[0]


def plan_key(ds, ref: str) -> str:
    """The key (file stem) of the document read from `ref`, found as `document_node` finds it."""
    return document_read(ds, ref)[1]


def document_read(ds, ref: str) -> tuple[URIRef, str]:
    """The IRI and the key of the document read from `ref`, with one look-up."""
    node, key = _read_match(ds, ref)
    return URIRef(node), key


def _read_match(ds, ref: str) -> tuple[str, str]:
    iri = ref.startswith(("http://", "https://"))
    key = Path(ref).stem if Path(ref).suffix and not iri else ref
    probe = execute(internal("document_read"), ds, {"doc": URIRef(ref)} if iri else {"key": key})
    if len(probe):
        return str(probe.rows[0]["doc"]), str(probe.rows[0]["key"])
    if iri:
        return ref, ref
    rows = _read(ds)
    for doc, k, _ in rows:
        if k == key or k == Path(ref).name or loose(k) == loose(key):
            return str(doc), k
    keys = {str(doc): k for doc, k, _ in rows}
    wanted = loose(ref)
    found = [str(doc) for doc, _, i in rows if i and loose(symbol_of(i)) in (wanted, symbol_of(wanted))]
    if not found:
        found = [str(doc) for doc, _, i in rows if i and _same_number(ref, symbol_of(i))]
    if not found:
        found = [str(doc) for doc, k, _ in rows if loose(k).startswith(wanted + "_")]
    if not found and len(wanted) >= 4:
        named = _read_names(ds)
        found = [str(doc) for doc, k, _ in rows if re.search(rf"(?<![a-z0-9]){re.escape(wanted)}(?![a-z0-9])", loose(named.get(k, "")))]
    names = [symbol_of(i) for _, _, i in rows if i] + [k for _, k, _ in rows]
    chosen = _one(ref, "plan", found, names)
    return chosen, keys[chosen]


def _read_names(ds) -> dict[str, str]:
    """Key -> the document's name as people write it (genre, symbol, issuer, date)."""
    from .naming import names_by_source

    return {Path(file).stem: info.get("name") or "" for file, info in names_by_source(ds).items()}


def _same_number(ref: str, symbol: str) -> bool:
    """"157", "kh 157", "Kế hoạch số 157", "nq 65": a number, with a genre word or code before
    it, that is this symbol's number (and genre)."""
    m = re.fullmatch(r"(?:(?P<genre>\D+?)\s*)?(?P<num>\d+[a-z]?)", ref.strip(), re.I)
    if not m or not symbol.lower().startswith(m.group("num").lower() + "/"):
        return False
    # "Số 1026", "Kế hoạch số 1026", "ke hoach so 1026": the word for "number" is no genre
    genre = re.sub(r"(?:^|\s)s[oố]\.?$", "", (m.group("genre") or "").strip(" ."), flags=re.I).strip(" .")
    if not genre:
        return True
    t = doc_types().by_name(genre) or doc_types().by_code(genre.upper()) or next((d for d in doc_types().types if loose(d.code) == loose(genre) or loose(d.name) == loose(genre)), None)
    if t is None:
        return False
    codes = re.split(r"[/-]", symbol.split("/", 1)[1])
    return any(loose(c) == loose(t.code) for c in codes)


def _exactly(ds, query: str, **values) -> bool:
    """One index probe (queries/internal/QUERY.rq): is the value in the graph as typed?"""
    return len(execute(internal(query), ds, values)) > 0


def cited_only(ds, ref: str) -> str | None:
    """The graph's id of the document `ref` names when it is one the graph cites but did not
    read (a resolution, a decree, the Law); None when `ref` names a document read. A reference
    that names neither raises `document_id`'s error, with the nearest names."""
    try:
        document_node(ds, ref)
        return None
    except QueryError:
        return document_id(ds, ref)


def document_id(ds, ref: str) -> str:
    """The graph's id of any document it knows ("65/NQ-HĐND@Cần Thơ/2024", "10/2022/QH15")
    from a symbol as typed or a law's name."""
    if _exactly(ds, "document_exact", id=ref):
        return ref
    rows = [(r["id"], r["label"]) for r in _rows("document_names", ds)]
    ids = sorted({i for i, _ in rows})
    wanted = loose(ref)
    exact = [i for i in ids if loose(i) == wanted]
    if exact:
        return _one(ref, "document", exact, ids)
    by_symbol = [i for i in ids if loose(symbol_of(i)) == wanted]
    if by_symbol:
        return _one(ref, "document", by_symbol, ids)
    by_number = [i for i in ids if _same_number(ref, symbol_of(i))]
    if by_number:
        return _one(ref, "document", by_number, ids)
    by_name = [i for i, label in rows if label and loose(label) == wanted]
    if not by_name:
        by_name = [i for i, label in rows if label and len(wanted) > 8 and wanted in loose(label)]
    return _one(ref, "document", by_name, ids + [label for _, label in rows if label])


def agency_name(ds, ref: str) -> str:
    """An agency's canonical name from its name or an alias in any case and spelling."""
    return agency_and_place(ds, ref)[0]


def agency_and_place(ds, ref: str) -> tuple[str, str | None]:
    """An agency's name as the graph writes it, and the place `ref` names with it, if any.

    `ref` is matched as typed (any case, no diacritics: "so noi vu"), then read as the
    extractor reads a plan — the gazetteer's aliases and abbreviations ("SNV", "Sở KH&CN",
    "UBND tỉnh", "MTTQ") give the body, and what follows it the place ("sở nội vụ Cần Thơ",
    "Sở Nội Vụ tỉnh Vĩnh Long")."""
    if _exactly(ds, "agency_exact", name=Literal(ref, lang="vi")):
        return ref, None
    read = _read_agency(ref)
    if read is not None and read[1] and _exactly(ds, "agency_exact", name=Literal(read[0], lang="vi")):
        # a body the graph knows, then its place: two index probes, not a listing of every
        # agency and place (seconds at 10,000 plans)
        return read[0], place_name(ds, read[1])
    rows = [(r["name"], r["alias"]) for r in _rows("agency_names", ds)]
    names = sorted({n for n, _ in rows})
    wanted = loose(ref)
    matches = [n for n, a in rows if loose(n) == wanted or (a and loose(a) == wanted)]
    if matches:
        return _one(ref, "agency", matches, names), None
    if read is not None:
        name, rest = read
        place = place_name(ds, rest) if rest else None
        matches = [n for n, a in rows if loose(n) == loose(name) or (a and loose(a) == loose(name))]
        if matches:
            return _one(ref, "agency", matches, names), place
    return _one(ref, "agency", [], names), None


def issued_in(info: dict, place: str) -> bool:
    """Whether a document read (its `naming.names_by_source` entry) was issued in `place` — its
    own place or its province, compared as people type (no case, no diacritics)."""
    return loose(place) in {loose(info.get("place") or ""), loose(info.get("province") or "")}


def _read_agency(ref: str) -> tuple[str, str] | None:
    """(the body's canonical name, the words after it) as the extractor reads `ref`, when
    `ref` opens with one body."""
    from ingest.agencies import find_agencies

    typed = ref.strip()
    found = find_agencies(typed[:1].upper() + typed[1:])
    if not found or found[0].start > 0:
        return None
    m = found[0]
    rest = m.place or typed[m.end:].strip(" ,;-–")
    return m.name, rest


def place_name(ds, ref: str) -> str:
    """A place's name as the graph writes it, from any spelling ("vinh long" -> "Vĩnh Long")."""
    if _exactly(ds, "place_exact", name=Literal(ref, lang="vi")):
        return ref
    bare = _level_first(loosely=False).sub("", ref.strip(), count=1)
    if bare != ref and _exactly(ds, "place_exact", name=Literal(bare, lang="vi")):
        return bare  # "tỉnh Nghệ An": the graph names the place without its level word
    names = sorted(r["name"] for r in _rows("places", ds))
    wanted = _without_level(ref)
    matches = [n for n in names if _without_level(n) == wanted]
    return _one(ref, "place", matches, names)


@cache
def _level_first(loosely: bool) -> re.Pattern[str]:
    """A place's level word at its start ("tỉnh ", "TP. "): as typed, or compared loosely (no
    case, no diacritics) against a loosened name."""
    from ingest.rules import alternation, gazetteer, level_words

    words = {*level_words(), *(a for a, w in gazetteer().abbreviations.items() if w in level_words())}
    return re.compile(r"^(?:" + alternation({loose(w) for w in words} if loosely else words) + r")\.?\s+", re.I)


def _without_level(place: str) -> str:
    """"tỉnh Vĩnh Long", "TP. Cần Thơ" -> the name alone, compared loosely."""
    return _level_first(loosely=True).sub("", loose(place))


def candidates(ds, kind: str) -> list[str]:
    """What a parameter of type `kind` (document, plan, agency, place) can name in this graph."""
    if kind == "document":
        return sorted({r["id"] for r in _rows("document_names", ds)})
    if kind == "plan":
        return sorted({k for _, k, _ in _read(ds)})
    if kind == "agency":
        return sorted({r["name"] for r in _rows("agency_names", ds)})
    if kind == "place":
        return sorted(r["name"] for r in _rows("places", ds))
    raise ValueError(f"no candidates for {kind!r}")


def _read(ds) -> list[tuple[URIRef, str, str | None]]:
    """(IRI, key, number) of each document read; a decision's promulgated text goes with it."""
    return [(URIRef(r["doc"]), r["key"], r["number"]) for r in _rows("ingested", ds) if not r["promulgatedBy"]]
