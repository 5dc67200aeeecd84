"""Agency mentions: gazetteer and family matching, list splitting, canonical names.

The gazetteer (data/rules/agencies.yaml) is compiled into one longest-first pattern; a
levelled name takes its level qualifier ("Liên đoàn Lao động tỉnh") and an optional place
("... tỉnh Vĩnh Long"), which is kept as the mention's place, not in the name. Agencies of a
known family that the gazetteer lacks ("Sở Du lịch", "Báo Cần Thơ") are still found and
typed. Generic phrases ("các cơ quan, đơn vị có liên quan") are kept as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from . import places
from .rules import AgencyEntry, cues, fold, gazetteer, modern_tones

_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_SYL = r"[\wÀ-ỹđĐ]*"
# A place name: one to four capitalised syllables ("Vĩnh Long", "Cần Thơ", "Hồ Chí Minh").
_PLACE = rf"(?P<place>[{_UPPER}]{_SYL}(?:\s+[{_UPPER}]{_SYL}){{0,3}})"
# A name after these words belongs to the phrase before it ("đơn vị sự nghiệp thuộc UBND huyện").
_OWNED = re.compile(r"(?:thuộc|trực thuộc|của|tại|trong)\s*$", re.I)


@cache
def _head_words() -> frozenset[str]:
    """First words of agency names: a place name never runs into one ("tỉnh Vĩnh Long Sở …")."""
    gaz = gazetteer()
    return frozenset({e.name.split()[0] for e in gaz.entries} | {f.head.split()[0] for f in gaz.families})


@dataclass(frozen=True)
class AgencyMention:
    name: str  # canonical: level kept, place omitted (except names that carry a place)
    kind: str
    surface: str
    start: int
    end: int
    level: str | None = None
    place: str | None = None
    known: bool = True
    generic: bool = False
    entry: str | None = None  # the gazetteer entry's name, when found through the gazetteer


@cache
def _level_pattern() -> str:
    levels = list(gazetteer().levels) + ["TP"]
    return "|".join(re.escape(lvl) for lvl in sorted(levels, key=len, reverse=True))


@cache
def _suffix_regex() -> re.Pattern[str]:
    # "tỉnh", and "Tỉnh" where a province capitalises its own level word
    return re.compile(rf"^\s+(?P<level>(?i:{_level_pattern()}))(?![\wÀ-ỹ])(?:\s+{_PLACE})?")


@cache
def _place_regex() -> re.Pattern[str]:
    return re.compile(rf"^\s+{_PLACE}")


@cache
def predicate_regex() -> re.Pattern[str]:
    """Words that end an agency phrase: the predicate begins (data/rules/cues.yaml)."""
    stops = sorted(cues()["predicate_stops"], key=len, reverse=True)
    return re.compile(r"(?<![\wÀ-ỹ])(?:" + "|".join(re.escape(s) for s in stops) + r")(?![\wÀ-ỹ])", re.I)


def _place_ok(place: str | None) -> str | None:
    """A captured place must not be the start of a following agency or predicate."""
    if not place:
        return None
    words = place.split()
    keep = []
    for w in words:
        if (w in _head_words() or any(a.start == 0 for a in find_agencies(w))) and not places.is_place_name(" ".join(keep + [w])):
            break
        keep.append(w)
    return " ".join(keep) or None


def find_agencies(text: str) -> list[AgencyMention]:
    """Every gazetteer or family agency in `text`, left to right, without overlaps."""
    return list(_find_agencies(text))


@lru_cache(maxsize=65536)
def _find_agencies(text: str) -> tuple[AgencyMention, ...]:
    from .nlp import agency_spans

    # one spelling for matching ("Uỷ ban" is "Ủy ban"); offsets are unchanged
    text = modern_tones(text)
    gaz = gazetteer()
    by_name = {e.name: e for e in gaz.entries}
    families = {f"family:{f.head}": f for f in gaz.families}
    found: list[AgencyMention] = []
    taken_until = 0
    # Leftmost first; at one start a gazetteer name beats a family match (it carries the
    # canonical name and level), otherwise the longest match wins ("Ban Tổ chức Tỉnh ủy"
    # is one family name, not "Tỉnh ủy").
    for start, end, kind, ident in sorted(agency_spans(text), key=lambda s: (s[0], s[3].startswith("family:"), s[0] - s[1])):
        if start < taken_until:
            continue
        if ident.startswith("family:"):
            fam = families[ident]
            name = text[start:end].strip(" ,;.-–")
            if fam.requires_suffix and not any(name.endswith(sfx) for sfx in fam.requires_suffix):
                continue
            mention = AgencyMention(name, kind, name, start, start + len(name), known=False)
        else:
            plural = _PLURAL.search(text[:start])
            mention = _with_suffix(by_name[ident], text, plural.start() if plural else start, end)
        found.append(mention)
        taken_until = mention.end
    return tuple(found)


_PLURAL = re.compile(r"(?<![\wÀ-ỹ])(?:các|những|Các|Những)\s+$")


def _with_suffix(entry: AgencyEntry, text: str, start: int, end: int) -> AgencyMention:
    rest = text[end:]
    level = place = None
    sm = _suffix_regex().match(rest)
    if sm:
        level = sm.group("level")
        level = level if level == "TP" else level.lower()
        place = _place_ok(sm.group("place"))
        end += sm.start("place") + len(place) if place else sm.end("level")
    elif entry.place_in_name:
        pm = _place_regex().match(rest)
        place = _place_ok(pm.group("place")) if pm else None
        if place:
            end += pm.start("place") + len(place)
    name = entry.name
    if level and entry.levelled:
        name = f"{name} {'thành phố' if level == 'TP' else level}"
    if entry.place_in_name and place:
        name = f"{name} {place}"
    surface = text[start:end]
    return AgencyMention(name, entry.kind, surface, start, end, level, place, True, False, entry.name)


# --- phrases that name one or more agencies -------------------------------------------------


@cache
def _title_regex() -> re.Pattern[str]:
    titles = sorted(cues()["head_titles"], key=len, reverse=True)
    return re.compile(r"^(?:(?:" + "|".join(re.escape(t) for t in titles) + r")\s+(?=\S))+", re.I)


@cache
def _abbreviation_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    table = gazetteer().abbreviations
    alts = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alts})(?![\wÀ-ỹ])"), table


def canonical_generic(phrase: str) -> str:
    """Tidy a generic agency phrase: titles of persons dropped, abbreviations expanded."""
    text = phrase.strip(" ,;.:-–")
    text = re.sub(r"^(?:và|hoặc)\s+", "", text, flags=re.I)
    text = _title_regex().sub("", text)
    pattern, table = _abbreviation_regex()
    text = pattern.sub(lambda m: table[m.group(0)], text)
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:]


def looks_like_agency(phrase: str) -> bool:
    """A phrase headed by an agency noun ("các cơ sở đào tạo"), not by a predicate."""
    low = re.sub(r"^(?:các|những|toàn thể)\s+", "", fold(phrase))
    if predicate_regex().match(low):
        return False
    if any(a.start == 0 for a in find_agencies(phrase)):
        return True
    return any(re.match(rf"{re.escape(h)}(?![\wÀ-ỹ])", low) for h in cues()["agency_heads"])


@dataclass(frozen=True)
class Lexicon:
    """What a plan's own text adds to the gazetteer: its defined collectives and its level."""

    collectives: dict[str, str]  # folded alias without "các" -> canonical "Các ..."
    own_level: str | None = None  # the issuer's level word, which "cùng cấp" stands for
    members: dict[str, tuple[str, ...]] = field(default_factory=dict)  # canonical -> member phrases


def _definition_re() -> re.Pattern[str]:
    defs = sorted(cues()["collective_definitions"], key=len, reverse=True)
    return re.compile(r"\(\s*(?:" + "|".join(re.escape(d) for d in defs) + r")\s+(?P<alias>[^()]+?)\s*\)", re.I)


_GENERIC_LEVEL = re.compile(r"^(?P<base>.+?)\s+(?P<level>cấp (?:tỉnh|huyện|xã)|các cấp|cùng cấp)$", re.I)


def split_agencies(phrase: str, lexicon: Lexicon | None = None) -> list[AgencyMention]:
    """A phrase naming agencies -> one mention each, in order.

    Gazetteer and family names are cut out first, so the commas and "và" inside them
    ("Sở Văn hóa, Thể thao và Du lich") do not split them; what lies between them is split
    on ';' and kept whole otherwise ("các cơ quan, đơn vị, địa phương" is one group).
    An elliptic "cấp xã" after "Ủy ban nhân dân cấp huyện," repeats the previous head; a
    level that ends a list ("Cấp ủy đảng, chính quyền cấp xã") belongs to every member.
    """
    lexicon = lexicon or Lexicon({})
    phrase = re.sub(r"\s+", " ", phrase).strip()
    # "A, B, C (sau đây gọi là cơ quan, đơn vị, địa phương)": the text names the group
    definition = _definition_re().search(phrase)
    if definition:
        core = re.sub(r"^(?:các|những)\s+", "", definition.group("alias").strip(), flags=re.I)
        name = lexicon.collectives.get(fold(core), "Các " + core)
        return [AgencyMention(name, "collective_group", phrase, 0, len(phrase), known=True)]
    found = [m for m in find_agencies(phrase) if not _OWNED.search(phrase[: m.start])]
    out: list[AgencyMention] = []
    cursor = 0
    previous: AgencyMention | None = None
    for mention in found + [None]:  # type: ignore[list-item]
        gap_end = mention.start if mention else len(phrase)
        gap = phrase[cursor:gap_end]
        tail = re.match(r"^\s+(?!và\b|hoặc\b|cùng\b)(\w[^;,]*)", gap)
        if tail and not tail.group(1)[0].islower():
            tail = None  # only a lower-case qualifier continues a name ("… đóng trên địa bàn")
        if out and previous is out[-1] and previous.known and tail:
            # "Các doanh nghiệp nhà nước đóng trên địa bàn thành phố": a qualifier
            extended = f"{previous.name} {tail.group(1).strip()}"
            out[-1] = AgencyMention(extended, previous.kind, previous.surface + tail.group(0), previous.start, cursor + tail.end(), previous.level, previous.place, False)
            gap = gap[tail.end():]
        for piece in re.split(r"[;]|\s+và\s+(?=các\s)|,\s*(?=các\s)", gap):
            piece = piece.strip(" ,;.:()")
            piece = re.sub(r"^(?:và|hoặc|cùng)\s+", "", piece, flags=re.I).strip()
            if not piece or len(piece) < 3:
                continue
            ell = re.fullmatch(r"(?:các\s+)?(cấp\s+\S+|các cấp|cùng cấp)", piece, flags=re.I)
            if ell and previous is not None:
                base = previous.name
                if previous.level:
                    base = base[: -len(previous.level)].rstrip()
                out.append(AgencyMention(f"{base} {ell.group(1)}", previous.kind, piece, cursor, gap_end, ell.group(1)))
                previous = out[-1]
                continue
            if fold(piece) in cues()["head_titles"]:
                continue
            name = canonical_generic(piece)
            if not looks_like_agency(name):
                continue
            key = re.sub(r"^các\s+", "", fold(name))
            level = None
            gl = _GENERIC_LEVEL.match(name)
            if gl:
                level = gl.group("level")
            if key in lexicon.collectives:
                out.append(AgencyMention(lexicon.collectives[key], "collective_group", piece, cursor, gap_end, known=True))
            else:
                generic = bool(re.search(r"(?:có\s+)?liên quan|có thẩm quyền", name, re.I))
                out.append(AgencyMention(name, "collective_group", piece, cursor, gap_end, level, known=False, generic=generic))
            previous = out[-1]
        if mention is None:
            break
        out.append(mention)
        previous = mention
        cursor = mention.end
    return _dedupe(_resolve_levels(_share_level(out, phrase), lexicon))


def _share_level(mentions: list[AgencyMention], phrase: str) -> list[AgencyMention]:
    """"Cấp ủy đảng, chính quyền cấp xã": the last member's level applies to the bare ones."""
    if len(mentions) < 2 or not mentions[-1].level or ";" in phrase:
        return mentions
    last_level = mentions[-1].level
    out = []
    for m in mentions[:-1]:
        entry = gazetteer().lookup(m.surface) if m.known else None
        if m.level is None and entry is not None and entry.levelled:
            out.append(AgencyMention(f"{m.name} {last_level}", m.kind, m.surface, m.start, m.end, last_level, m.place, m.known, m.generic))
        else:
            out.append(m)
    return out + [mentions[-1]]


def _resolve_levels(mentions: list[AgencyMention], lexicon: Lexicon) -> list[AgencyMention]:
    out = []
    for m in mentions:
        name, level = m.name, m.level
        if level and level.lower() == "cùng cấp" and lexicon.own_level:
            # "cùng cấp" is the issuer's own level
            name = name[: -len(level)] + lexicon.own_level
            level = lexicon.own_level
        entry = gazetteer().lookup(m.name[: -len(level)].strip()) if (level and m.known and m.name.endswith(level)) else None
        if entry is not None and entry.with_level and fold(name).startswith(fold(entry.name)):
            name = entry.with_level + name[len(entry.name):]
        out.append(AgencyMention(name, m.kind, m.surface, m.start, m.end, level, m.place, m.known, m.generic))
    return out


def _dedupe(mentions: list[AgencyMention]) -> list[AgencyMention]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        key = fold(m.name)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def find_collectives(text: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Collectives the plan defines: "A, B và C (gọi chung là các cơ quan, đơn vị)".

    Returns folded alias -> canonical name, and canonical name -> the phrases naming its
    members (the list before the parenthesis, back to "của", "đến", "gồm" or a colon).
    """
    defs = sorted(cues()["collective_definitions"], key=len, reverse=True)
    pattern = re.compile(r"\(\s*(?:" + "|".join(re.escape(d) for d in defs) + r")\s+(?P<alias>[^()]+?)\s*\)", re.I)
    doc_words = "|".join(["nghị quyết", "kế hoạch", "quyết định", "nghị định", "chỉ thị", "luật", "đề án", "quy chế"])
    aliases: dict[str, str] = {}
    members: dict[str, tuple[str, ...]] = {}
    for m in pattern.finditer(text):
        alias = m.group("alias").strip()
        if re.match(rf"(?:{doc_words})\b", alias, re.I):
            continue
        core = re.sub(r"^(?:các|những)\s+", "", alias, flags=re.I)
        canonical = "Các " + core
        aliases[fold(core)] = canonical
        before = text[max(0, m.start() - 300) : m.start()]
        start = max((x.end() for x in re.finditer(r"(?:\bcủa\b|\bđến\b|\bgồm\b|:|;|\.\s)", before)), default=0)
        listed = tuple(a.name for a in split_agencies(before[start:]) if fold(a.name) != fold(canonical))
        if listed:
            members[canonical] = listed
    return aliases, members
