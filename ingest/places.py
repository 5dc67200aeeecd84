"""Places: the 34 provinces and ~3,300 communes of post-2025 Vietnam, with official codes.

Backed by the `vietnam-provinces` package. A name resolves to a place only when it is
unique, or when the text names the province; otherwise the caller is told it is ambiguous.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .rules import CAPITALS, alternation, fold, level_words


@cache
def _prefixes() -> re.Pattern[str]:
    """The level words of the national list's names ("Thành phố Cần Thơ", "Xã Nghi Dương")."""
    return re.compile(rf"^(?:{alternation(level_words('province', 'city', 'commune'))})\s+", re.I)


@dataclass(frozen=True)
class Place:
    name: str  # without the level word: "Cần Thơ", "Nghi Dương"
    full_name: str  # as the national list writes it: "Thành phố Cần Thơ", "Xã Nghi Dương"
    code: int  # official statistical code
    level: str  # province | commune
    province: str | None  # the province's short name, for communes


def short_name(name: str) -> str:
    return _prefixes().sub("", name.strip())


@cache
def provinces() -> dict[str, Place]:
    from vietnam_provinces import Province

    out = {}
    for p in Province.iter_all():
        short = short_name(p.name)
        out[fold(short)] = Place(short, p.name if p.name.startswith("Thành phố") else f"Tỉnh {p.name}", int(p.code), "province", None)
    return out


@cache
def _communes_by_name() -> dict[str, list[Place]]:
    from vietnam_provinces import Province, Ward

    names = {int(p.code): short_name(p.name) for p in Province.iter_all()}
    out: dict[str, list[Place]] = {}
    for w in Ward.iter_all():
        short = short_name(w.name)
        place = Place(short, w.name, int(w.code), "commune", names.get(int(w.province_code)))
        out.setdefault(fold(short), []).append(place)
    return out


def all_communes() -> list[Place]:
    """Every commune, ward and special zone of the 2025 list."""
    return [c for found in _communes_by_name().values() for c in found]


def province(name: str | None) -> Place | None:
    if not name:
        return None
    return provinces().get(fold(short_name(name)))


def communes(name: str) -> list[Place]:
    """Every commune or ward of that name (there may be several, in different provinces)."""
    return list(_communes_by_name().get(fold(short_name(name)), []))


def is_place_name(name: str) -> bool:
    """A province's or commune's name, as the national list spells it."""
    return province(name) is not None or bool(_communes_by_name().get(fold(short_name(name))))


def provinces_named_in(text: str) -> list[str]:
    """Provinces the text names with their level word ("tỉnh Quảng Trị", "thành phố Cần Thơ")."""
    found: list[str] = []
    for m in re.finditer(rf"(?:tỉnh|thành phố)\s+([{CAPITALS}][\wÀ-ỹ]*(?:\s+[{CAPITALS}][\wÀ-ỹ]*){{0,3}})", text):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            p = province(" ".join(words[:n]))
            if p:
                found.append(p.name)
                break
    return found


def full_name(province_name: str) -> str:
    """"Lào Cai" -> "tỉnh Lào Cai", "Cần Thơ" -> "thành phố Cần Thơ": a province as a body's name
    ends in it; a name the list does not hold is kept as it is."""
    found = province(province_name)
    if found is None:
        return province_name
    return found.full_name[:1].lower() + found.full_name[1:]
