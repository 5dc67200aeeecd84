"""Identity: the one place where the keys of agencies, places and documents are made and read.

An agency is "{place key}/{name slug}". A slug drops tone marks, so two communes whose names
differ only by a tone ("Phúc Hòa", "Phục Hòa") or share a name in two provinces ("Tân Hòa")
would share a key; a commune the national list resolves is therefore keyed with its official
statistical code ("phuc-hoa-7330"), one it does not resolve with its province's slug.
Provinces keep their bare slug: no two of the 34 share one.

A document cited or read is "{symbol}" when its symbol carries a year or it is a national
document, else "{symbol}@{place}/{year}" (two provinces may both issue a "47/NQ-HĐND").
"""
from __future__ import annotations

from dataclasses import dataclass

from . import places
from .rules import fold, slug

NATIONAL = "Việt Nam"


def place_key(place: str | None, province: str | None = None, level: str | None = None) -> str:
    """Key of the place an agency belongs to (see the module docstring). `level`, where known,
    keeps a pre-2025 district from taking the code of the 2025 commune that inherited its name."""
    if not place:
        return "unknown"
    # a ward may bear its province's name (phường Lào Cai, tỉnh Lào Cai): the level decides
    if place == NATIONAL or (level != "commune" and places.province(place) is not None):
        return slug(place)
    found = places.communes(place) if level in ("commune", None) else []
    if len(found) > 1 and province:
        found = [c for c in found if fold(c.province or "") == fold(province)]
    if len(found) == 1:
        return f"{slug(place)}-{found[0].code}"
    if province and fold(province) != fold(place):
        return f"{slug(province)}-{slug(place)}"
    return slug(place)


def agency_key(name: str, place: str | None, province: str | None = None, level: str | None = None) -> str:
    """"vinh-long/so-noi-vu": an agency by its place and name."""
    return f"{place_key(place, province, level)}/{slug(name)}"


def agency_slug(key: str) -> str:
    """The agency key as one IRI segment (an assignment node under its task)."""
    return slug(key)


@dataclass(frozen=True)
class DocumentId:
    symbol: str
    place: str | None = None  # for a local symbol without a year
    year: str | None = None


def local_document_id(symbol: str, place: str | None, year: str | None) -> str:
    return f"{symbol}@{place or '?'}/{year or '?'}"


def parse_document_id(doc_id: str) -> DocumentId:
    symbol, at, rest = doc_id.partition("@")
    if not at:
        return DocumentId(symbol)
    place, _, year = rest.rpartition("/")
    return DocumentId(symbol, place or None, year or None)


def symbol_of(doc_id: str) -> str:
    """"47/NQ-HĐND@Vĩnh Long/2024" -> "47/NQ-HĐND"."""
    return parse_document_id(doc_id).symbol
