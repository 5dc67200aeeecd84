"""Agency mentions: gazetteer and family matching, list splitting, canonical names.

The gazetteer (data/rules/agencies.yaml) is compiled into one longest-first pattern; a
levelled name takes its level qualifier ("Liên đoàn Lao động tỉnh") and an optional place
("... tỉnh Vĩnh Long"), which is kept as the mention's place, not in the name. Agencies of a
known family that the gazetteer lacks ("Sở Du lịch", "Báo Cần Thơ") are still found and
typed. Generic phrases ("các cơ quan, đơn vị có liên quan") are kept as written.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import NamedTuple

from . import places
from .rules import CAPITALS, AgencyEntry, AgencyFamily, alternation, cues, doc_types, fold, gazetteer, level_words, modern_tones, proper_case, unmarked

_UPPER = CAPITALS
_SYL = r"[\wÀ-ỹđĐ]*"
# A place name: one to four capitalised syllables ("Vĩnh Long", "Cần Thơ", "Hồ Chí Minh"),
# and since 2025 perhaps a number ("Cổ Nhuế 2", "Bảo Lâm 5").
_PLACE = rf"(?P<place>[{_UPPER}]{_SYL}(?:\s+[{_UPPER}]{_SYL}){{0,3}}(?:\s+\d{{1,2}}(?![\d/.,]\d))?)"
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
    levels = sorted([*gazetteer().levels, "TP"], key=len, reverse=True)
    # "các tỉnh/thành phố", "xã/phường", "các xã, phường và đặc khu": a slash or "và" lists units as a comma does
    return "|".join(r"(?:\s*[,/]\s*|\s+và\s+)".join(alternation([unit]) for unit in level.split(", ")) for level in levels)


@cache
def _suffix_regex() -> re.Pattern[str]:
    # "tỉnh", and "Tỉnh" where a province capitalises its own level word — not one that "đoàn"
    # after it makes a body's name ("Tỉnh đoàn"; "tỉnh ủy quyền" delegates); "các cấp thành phố Hà
    # Nội", "các cấp Thành phố": every level of that place's bodies; "UBND TP. Hà Nội": the
    # abbreviated level's full stop before the place
    units = alternation(level_words("province", "city"))
    # "Ủy ban nhân dân 06 thành phố trực thuộc trung ương", "UBND 34 tỉnh, thành phố": a count of
    # the units before their level word names every one of them, as "các" does
    return re.compile(
        rf"^\s+(?:(?P<count>0*[1-9]\d{{0,2}})\s+)?(?P<level>(?i:{_level_pattern()}))(?![\wÀ-ỹ])(?!\s+(?i:đoàn)(?![\wÀ-ỹ])(?!\s+kết))"
        rf"(?:(?<=[cC]ác cấp)\s+(?P<tier>(?i:{units}))(?![\wÀ-ỹ]))?(?:(?:(?<=TP)\.\s*|\s+){_PLACE})?"
    )


@cache
def _place_regex() -> re.Pattern[str]:
    return re.compile(rf"^\s+{_PLACE}")


def opens_with_subject(text: str) -> bool:
    """The words open with a body's name and the verb of what it does ("Ủy ban nhân dân các xã,
    phường báo cáo …", "Phòng Hành chính - Tổng hợp chủ trì, …"): a sentence's start."""
    head = text.lstrip()[:200]
    found = find_agencies(head)
    return bool(found) and found[0].start == 0 and predicate_regex().match(head[found[0].end :].lstrip(" ,")) is not None


@cache
def predicate_regex() -> re.Pattern[str]:
    """Words that end an agency phrase: the predicate begins (data/rules/cues.yaml)."""
    stops = alternation(cues()["predicate_stops"])
    return re.compile(r"(?<![\wÀ-ỹ])(?:" + stops + r")(?![\wÀ-ỹ])", re.I)


@cache
def _description_heads() -> frozenset[str]:
    """The first words of the phrases that open what a document is about ("sửa đổi", "phê
    duyệt"): capitalised after an issuer's level word, they are no place."""
    return frozenset(fold(c).split()[0] for c in cues()["description_cues"] if len(c.split()) > 1)


def _place_ok(place: str | None) -> str | None:
    """A captured place must not be the start of a following agency or predicate."""
    if not place:
        return None
    words = place.split()
    if len(words) == 1 and not places.is_place_name(place) and fold(place) in _description_heads():
        return None  # "của UBND tỉnh Sửa đổi, bổ sung …": what a cited document is about begins
    keep: list = []
    for i, w in enumerate(words):
        # "Thanh Hóa", "Chi Lăng", "Đại Lộc": a head word that begins a known place's name
        if (w in _head_words() or any(a.start == 0 for a in find_agencies(w))) and not any(
            places.is_place_name(" ".join(keep + words[i:j])) for j in range(i + 1, len(words) + 1)
        ):
            break
        keep.append(w)
    if len(keep) > 1 and not places.is_place_name(" ".join(keep)):
        # "thành phố Cần Thơ Thực hiện …": a capitalised word after a known place starts the
        # next phrase; the place is the longest known name it begins with
        known = next((n for n in range(len(keep) - 1, 0, -1) if places.is_place_name(" ".join(keep[:n]))), 0)
        if known and keep[known] not in cues()["place_name_tails"] and not keep[known].isdigit():
            keep = keep[:known]
    return " ".join(keep) or None


def known_place_after(text: str) -> int:
    """The length of the known place's name `text` opens with, its space included (0 if none):
    "… của tỉnh | Bắc Ninh và các đơn vị …"."""
    m = _place_regex().match(text)
    place = _place_ok(m.group("place")) if m else None
    return m.start("place") + len(place) if m and place and places.is_place_name(place) else 0


def find_agencies(text: str) -> list[AgencyMention]:
    """Every gazetteer or family agency in `text`, left to right, without overlaps."""
    return list(_find_agencies(text))


@cache
def _entries_by_id() -> tuple[dict, dict]:
    gaz = gazetteer()
    return {e.name: e for e in gaz.entries}, {f"family:{f.head}": f for f in gaz.families}


@cache
def _field_verb_tail() -> re.Pattern[str]:
    """A field that is also a verb, ending a family's name (cues.yaml: field_verbs), with the
    level and place that may close the name ("Viện Nghiên cứu phát triển Thành phố")."""
    c = cues()
    verbs = alternation(c["predicate_stops"])
    boundary = rf"\s*(?:[;.]|$)|\s+(?:{verbs})(?![\wÀ-ỹ])"
    closing = rf"{_level_and_place()}(?=\s*,|{boundary})"
    return re.compile(rf"\s+(?P<field>{alternation(c['field_verbs'])})(?:{closing}|(?={boundary}))")


def _with_field_tail(mention: AgencyMention, text: str) -> AgencyMention:
    """A family's name the matcher stopped at a field's word that is also a verb: the field ends
    it ("Viện Nghiên cứu phát triển"; cues.yaml: field_verbs), or a field noun ("Phòng Hậu cần";
    field_nouns) after which the name goes on over a dash as it would have ("Phòng Hậu cần - Kỹ
    thuật")."""
    field = _field_verb_tail().match(text, mention.end)
    end = field.end() if field else mention.end
    noun = None if field else next((m for m in _field_noun_regex().finditer(text, mention.start, mention.end) if m.end() == mention.end), None)
    dash = _DASHED_FIELD.match(text, end) if noun else None
    if dash:
        words = dash.group("words").split()
        cut = next((k for k in range(1, len(words)) if predicate_regex().match(" ".join(words[k:])) or words[k][:1].isupper()), len(words))
        end = dash.start("words") + len(" ".join(words[:cut]))
    if end == mention.end:
        return mention
    name = text[mention.start : end]
    return replace(mention, name=name, surface=name, end=end)


_DASHED_FIELD = re.compile(rf"\s+[-–]\s+(?P<words>[{_UPPER}][\wÀ-ỹ]*(?:\s+[\wÀ-ỹ]+){{0,4}})")


@cache
def _country() -> re.Pattern[str]:
    return re.compile(rf"\s+{alternation([cues()['country']])}(?![\wÀ-ỹ])")


def _spans(text: str) -> list[tuple[int, int, str, str]]:
    """The spans of known names and families, and of known names written with a mark or two
    wrong where no known name was read as written."""
    from .nlp import agency_spans, misspelt_spans

    spans = agency_spans(text)
    known = [(s, e) for s, e, _, ident in spans if not ident.startswith("family:")]
    return spans + [m for m in misspelt_spans(text) if not any(s < m[1] and m[0] < e for s, e in known)]


@cache
def _closing_level() -> re.Pattern[str]:
    """A level word of a province or district and the place after it, then a word in lower
    case: the name ended at the place ("Trung tâm Chuyển đổi số Thành phố | cấu hình …")."""
    return re.compile(rf"{_level_and_place()}(?=\s+(?P<next>[\wÀ-ỹ]+))")


def _level_and_place(place_group: str = "") -> str:
    """A province's or district's level word and the place's capitalised words after it: what
    closes a body's name ("… Thành phố", "… tỉnh Đồng Tháp"); `place_group` names the place's words."""
    levels = alternation(level_words("province", "city", "district"))
    opening = f"(?P<{place_group}>" if place_group else "(?:"
    return rf"\s+(?i:{levels}){opening}(?:\s+[{_UPPER}][\wÀ-ỹ]*)*)"


def _family_mention(fam: AgencyFamily, kind: str, text: str, start: int, end: int) -> AgencyMention | None:
    """The body a family's match names, its name cut where it ends; None for a head alone ("Ban
    Chỉ đạo | sử dụng …" names a body the text defined, if any) or a name without the suffix the
    family needs."""
    taken = text[start:end].strip(" ,;.-–")
    name = _before_a_known_body(_family_name_end(taken, fam.head, text[start + len(taken) : start + len(taken) + 30]))
    if fold(name) == fold(fam.head) or (fam.requires_suffix and not any(name.endswith(sfx) for sfx in fam.requires_suffix)):
        return None
    mention = _placed_family(AgencyMention(name, kind, name, start, start + len(name), known=False))
    plural = _PLURAL.search(text[:start])
    if plural:
        # "các Trung tâm Y tế", "Các Xí nghiệp thủy lợi": every body of that name, as a gazetteer
        # name written so is
        mention = replace(mention, name=f"Các {mention.name}", surface=text[plural.start() : mention.end], start=plural.start())
    return mention


def _before_a_known_body(name: str) -> str:
    """A family's name ends where a body the gazetteer knows starts after "," or "và" ("Sở Y tế |
    và Bảo hiểm xã hội tỉnh"), not at a word that only opens such a name ("Cục Trồng trọt và Bảo
    vệ thực vật" is one)."""
    for m in re.finditer(rf"\s*(?:,|\s+và)\s+(?=[{CAPITALS}])", name):
        found = find_agencies(name[m.end() :])
        if found and found[0].start == 0 and found[0].known:
            return name[: m.start()]
    return name


def _family_name_end(name: str, head: str, after: str = "") -> str:
    """Where a family's name ends among the words the matcher took: before a verb the text
    writes in lower case, whole ("Trung tâm Xúc tiến đầu tư | tổng hợp báo cáo", "Cục Đăng kiểm
    Việt Nam" is whole: no verb "kiểm tra" there) — also a verb that begins inside the name and
    ends after it (`after`: "Cục Hải quan | thông báo", the matcher having taken "thông" as a
    name's word) — or after the level and place that close it."""
    fields = [f.span() for f in _field_noun_regex().finditer(name + after, len(head))]
    for m in predicate_regex().finditer(name + after, len(head)):
        if m.start() >= len(name):
            break
        if any(a <= m.start() < b for a, b in fields):
            continue  # "Cục Việc làm", "Cục Người có công": a field's noun, no verb
        if m.group(0).islower() and not _after_a_head(name[: m.start()]):
            name = name[: m.start()].rstrip(" ,")
            break
    closing = name_closing_regex().search(name + after, len(head))
    if closing and closing.start() < len(name):
        name = name[: closing.start()].rstrip(" ,")
    owner = _owner_phrase().search(name + after, len(head))
    if owner and owner.start() < len(name):
        # "Các Xí nghiệp thủy lợi | trực thuộc …": an owner's words close the name, though the
        # matcher stopped only at their last
        name = name[: owner.start()].rstrip(" ,")
    for m in _closing_level().finditer(name, len(head)):
        glued = find_agencies(f"{m.group(0).split()[0]} {m.group('next')}")
        # "Ban Tổ chức Tỉnh ủy": a level word and the next make a body's name
        if m.group("next").islower() and not (glued and glued[0].known and glued[0].start == 0):
            return name[: m.end()]
    return name


@cache
def _owner_phrase() -> re.Pattern[str]:
    """The words that name a body's owner after it, in lower case (cues.yaml: owner_words)."""
    return re.compile(rf"\s(?:{alternation(cues()['owner_words'])})(?![\wÀ-ỹ])")


@cache
def _field_noun_regex() -> re.Pattern[str]:
    """Fields named by a noun phrase that holds a verb's word (cues.yaml: field_nouns, comma_fields)."""
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(cues()['field_nouns'] + cues()['comma_fields'])})(?![\wÀ-ỹ])", re.I)


@cache
def name_closing_regex() -> re.Pattern[str]:
    """Verbs in lower case that end a family's name wherever they stand (cues.yaml: name_closing_verbs)."""
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(cues()['name_closing_verbs'])})(?![\wÀ-ỹ])")


def _after_a_head(before: str) -> bool:
    """"Văn phòng Ban | chỉ đạo …": a verb right after a family's head names the body's work —
    not after the word a department's or ministry's own units name it by, which closes the name
    ("Thanh tra Sở | kiểm tra việc …"; cues.yaml: own_unit_titles)."""
    low = fold(before).rstrip()
    if any(low == w or low.endswith(" " + w) for w in _own_unit_words()):
        return False
    # a head is written with its capital ("Tài vụ | thực hiện" ends in a field's word, not "Vụ")
    heads = [h for h in _family_heads() if low == h or low.endswith(" " + h)]
    return any(before.rstrip()[-len(h) :][:1].isupper() for h in heads)


@cache
def _own_unit_words() -> frozenset[str]:
    return frozenset(fold(v) for v in cues()["own_unit_titles"]["issuers"].values() if v and len(v.split()) == 1)


@cache
def _family_heads() -> frozenset[str]:
    return frozenset(fold(f.head) for f in gazetteer().families)


@lru_cache(maxsize=65536)
def _find_agencies(text: str) -> tuple[AgencyMention, ...]:
    # one spelling for matching ("Uỷ ban" is "Ủy ban"); offsets are unchanged
    text = modern_tones(text)
    by_name, families = _entries_by_id()
    found: list[AgencyMention] = []
    taken_until = 0
    # Leftmost first; at one start a gazetteer name beats a family match (it carries the
    # canonical name and level), otherwise the longest match wins ("Ban Tổ chức Tỉnh ủy"
    # is one family name, not "Tỉnh ủy").
    # (of two families over one span the longer head is the more specific: "Bộ Tư lệnh", not "Bộ")
    for start, end, kind, ident in sorted(_spans(text), key=lambda s: (s[0], s[3].startswith("family:"), s[0] - s[1], -len(s[3]))):
        if start < taken_until:
            continue
        if start > 0 and text[start - 1] in "-/" and not text[start - 2 : start - 1].islower() or (
            text[end : end + 1] in ("-", "/") and text[end + 1 : end + 2].isupper() and not text[end - 1 : end].islower()
        ):
            # a code inside a document symbol ("10/2024/QĐ-UBND"), not a body; a slash after a
            # word parts two names ("Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao")
            continue
        if ident.startswith("family:"):
            named = _family_mention(families[ident], kind, text, start, end)
            if named is None:
                continue
            mention = named
        else:
            plural = _PLURAL.search(text[:start])
            mention = _with_suffix(by_name[ident], text, plural.start() if plural else start, end)
            if _a_common_noun(by_name[ident], mention, text[start:end]) or _not_as_cased(by_name[ident], mention, text):
                continue
        mention = _run_over(mention, text)
        mention = _with_field_tail(mention, text) if ident.startswith("family:") and not mention.known else mention
        country = _country().match(text, mention.end)
        if country and not fold(mention.name).endswith(fold(cues()["country"])):
            # "Ngân hàng Nhà nước Việt Nam": the country ends the national body's name; a family's
            # name too ("Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam")
            if mention.known:
                mention = replace(mention, surface=text[mention.start : country.end()], end=country.end())
            else:
                name = text[mention.start : country.end()]
                mention = replace(mention, name=name, surface=name, end=country.end())
        unit = _unit_before().search(text[:mention.start]) or _board_before(text[:mention.start], mention)
        of_body = unit is not None and (mention.known or _is_member_unit(unit.group(1))) and _a_unit_of(unit.group(1), mention)
        if unit and of_body and found and found[-1].start == unit.start() and fold(found[-1].name) == fold(unit.group(1)):
            # "Tổ giúp việc | Ủy ban bầu cử": a unit the gazetteer knows alone, before a known body
            # it belongs to, is that body's unit (cues.yaml: units_before_bodies)
            found.pop()
            taken_until = found[-1].end if found else 0
        if unit and of_body and unit.start() >= taken_until:
            # "Ban Thường trực Ủy ban MTTQ …", "Cơ quan Ủy ban MTTQ …": a unit of the body named
            name = f"{_unit_name(unit.group(1))} {mention.name}"
            # the members of a known body are a group whose name is as closed as the body's
            closed = mention.known and _is_member_unit(unit.group(1))
            kind = "party_body" if _is_party_organ(unit.group(1)) else "trade_union" if _is_staff_union(unit.group(1)) else mention.kind
            mention = AgencyMention(name, kind, text[unit.start() : mention.end], unit.start(), mention.end, mention.level, mention.place, closed, False, None)
        found.append(mention)
        taken_until = mention.end
    return tuple(found)


def _not_as_cased(entry: AgencyEntry, mention: AgencyMention, text: str) -> bool:
    """A name that is a body only as written capitalised and alone (`cased`): not in lower case
    ("công đoàn xã"), not where a family's name goes on from it ("Văn phòng Sở"), not a head's
    title ("Chánh Văn phòng": the unit is the issuer's own, or unknown)."""
    if not entry.cased:
        return False
    if not text[mention.start : mention.start + 1].isupper() or re.match(rf"\s+[{_UPPER}]", text[mention.end : mention.end + 2]):
        return True
    before = fold(text[: mention.end])
    return any(before.endswith(title) for title in _own_unit_title_keys())


@cache
def _own_unit_title_keys() -> tuple[str, ...]:
    return tuple(fold(t) for t in cues()["own_unit_titles"]["titles"])


def _a_common_noun(entry: AgencyEntry, mention: AgencyMention, surface: str) -> bool:
    """A name that is also a common noun written without the level or place that makes it a body
    ("công chức thuế", "Thuế đối với hàng hóa …" — but "Thuế tỉnh", "Thuế Đồng Nai", "Cơ quan
    thuế", an alias, are bodies)."""
    if len(surface) <= 2 and surface.isupper() and entry.levelled and not mention.level:
        return True  # "CA" alone is a ministry's code in a list ("Các Bộ: YT, CA, XD"); "CA xã" a body
    return entry.requires_level and not mention.level and not mention.place and fold(surface) == fold(entry.name)


@cache
def _run_over_rules() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str], re.Pattern[str]], ...]:
    """(family head, its pattern, a zone it manages, a further zone of the list) per family
    with `runs_over` (data/rules/agencies.yaml)."""
    out = []
    for fam in gazetteer().families:
        if fam.runs_over:
            nouns = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(fam.runs_over, key=len, reverse=True))
            # the zones' place, with its level word ("… khu công nghiệp Thành phố", "… tỉnh Bắc Ninh") or bare
            zone = rf"(?:các\s+)?(?:{nouns})(?![\wÀ-ỹ])(?:(?-i:{_level_and_place()})(?![\wÀ-ỹ])|\s+(?-i:{_PLACE.replace('?P<place>', '')}))?"
            head = re.escape(fam.head).replace(r"\ ", r"\s+")
            out.append((fam.head, re.compile(rf"{head}\s+", re.I), re.compile(zone, re.I), re.compile(rf"(?:\s*,\s*(?:và\s+)?|\s+và\s+){zone}", re.I)))
    return tuple(out)


def _run_over(mention: AgencyMention, text: str) -> AgencyMention:
    """A board named by the zones it manages takes their whole names, as the text lists them
    ("Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên", "Ban Quản lý các khu công
    nghiệp, khu kinh tế"): "ứng dụng" is no verb there, and the board of both zones is one body."""
    if mention.level:
        return mention
    for head, head_re, zone_re, more_re in _run_over_rules():
        if not fold(mention.name).startswith(fold(head)):
            continue
        opening = head_re.match(text, mention.start)
        first = zone_re.match(text, opening.end()) if opening else None
        end = max(mention.end, first.end()) if first else mention.end
        while m := more_re.match(text, end):
            end = m.end()
        if end == mention.end:
            return mention
        written = re.sub(r"\s+", " ", text[opening.end() if opening else mention.end : end])
        name = f"{head} {written}" if opening else mention.name + written
        # the level stays in the name, the place after it goes aside, as for any body
        # ("… và khu công nghiệp thành phố | Hà Nội")
        closing = _zone_place().search(name)
        place = closing.group("place").strip() if closing and closing.group("place") else mention.place
        name = name[: closing.start("place")] if closing and closing.group("place") else name
        return AgencyMention(name, mention.kind, text[mention.start : end], mention.start, end, None, place, False, False, None)
    return mention


def _placed_family(mention: AgencyMention) -> AgencyMention:
    """A family's name that closes with a level and a place ("Ban Quản lý Khu kinh tế mở Chu Lai
    thành phố Đà Nẵng") keeps the level in the name and the place aside, as any body does: the
    same board written without its city is the same name. (A district's or a commune's place
    stays: two districts' health centres are two bodies.)"""
    closing = _zone_place().search(mention.name)
    if not closing or not closing.group("place") or not places.province(closing.group("place").strip()):
        return mention
    return replace(mention, name=mention.name[: closing.start("place")].rstrip(), place=closing.group("place").strip())


@cache
def _zone_place() -> re.Pattern[str]:
    return re.compile(rf"{_level_and_place('place')}$")


# a unit written before the body it belongs to (capitalised: "các cơ quan" is a group); "các
# Chi nhánh Văn phòng Đăng ký đất đai": every such unit of the body
@cache
def _unit_before() -> re.Pattern[str]:
    """A unit written before a known body's name (cues.yaml: units_before_bodies,
    committees_before_bodies, party_organs_before_bodies, member_units)."""
    members = alternation(cues()["member_units"]["units"])
    units = [*cues()["units_before_bodies"], *_committee_words(), *cues()["party_organs_before_bodies"], *cues()["unions_before_bodies"]]
    return re.compile(rf"(?<![\wÀ-ỹ])((?:[Cc]ác\s+)?(?:{alternation(units)}|(?i:{members})))\s+$")


# a board of a collegial body the list does not name ("Ban Xây dựng Đoàn Tỉnh đoàn", "Ủy ban Kiểm
# tra Công đoàn tỉnh"): "Ban"/"Ủy ban", a capitalised word and up to three more, no predicate
_BOARD = re.compile(rf"(?<![\wÀ-ỹ])((?:Ban|Ủy ban|Uỷ ban)\s+[{_UPPER}][\wÀ-ỹ]*(?:\s+(?:-\s+)?[\wÀ-ỹ]+){{0,3}})\s+$")


def _board_before(before: str, body: AgencyMention) -> re.Match[str] | None:
    """A board named before a known body of the kinds that have boards (cues.yaml:
    committees_before_bodies.of_kinds) — words the list lacks, read by their shape."""
    if not body.known or body.kind not in cues()["committees_before_bodies"]["of_kinds"]:
        return None
    # from near the end only: the board ends where the body starts (the offsets stay the text's)
    m = _BOARD.search(before, max(0, len(before) - 80))
    if m is None:
        return None
    words = m.group(1).split()
    first = 2 if fold(words[0]) == "ban" else 3
    if any(predicate_regex().match(" ".join(words[k:])) or _mood_word().match(" ".join(words[k:])) for k in range(first, len(words))):
        return None  # "Ban Chỉ đạo đề nghị | Hội Nông dân tỉnh": a sentence
    return m


@cache
def _mood_word() -> re.Pattern[str]:
    """The words that ask or assign ("đề nghị", "giao", "yêu cầu"; cues.yaml: request_cues,
    assignment_cues): a subject before them, its addressee after."""
    return re.compile(rf"(?:{alternation([*cues()['request_cues'], *cues()['assignment_cues']])})(?![\wÀ-ỹ])", re.I)


def _is_staff_union(unit: str) -> bool:
    return fold(unit) in _folded_units()[1]


@cache
def _folded_units() -> tuple[frozenset[str], frozenset[str]]:
    """The units a known body's name may follow, and among them its staff's unions, folded
    (cues.yaml: units_before_bodies, unions_before_bodies)."""
    unions = frozenset(fold(u) for u in cues()["unions_before_bodies"])
    return frozenset(fold(u) for u in cues()["units_before_bodies"]) | unions, unions


@cache
def _committee_words() -> tuple[str, ...]:
    """A council's committees and a Front committee's commissions, their dash written with or
    without spaces ("Ban Kinh tế - Ngân sách", "Ban Kinh tế-Ngân sách")."""
    names = cues()["committees_before_bodies"]["units"]
    return tuple(dict.fromkeys([*names, *(n.replace(" - ", "-") for n in names)]))


@cache
def _member_unit_words() -> frozenset[str]:
    return frozenset(fold(u) for u in cues()["member_units"]["units"])


def _is_member_unit(unit: str) -> bool:
    return fold(strip_plural(unit)) in _member_unit_words()


@cache
def _member_opening() -> re.Pattern[str]:
    return re.compile(rf"^(?:các\s+)?(?:{alternation(cues()['member_units']['units'])})\s+(?=[{_UPPER}])", re.I)


def _coordinating(body: AgencyMention) -> bool:
    """A body whose members are bodies (cues.yaml: member_units), by its kind or, named bare
    ("Ban Chỉ đạo"), by the family its name opens with."""
    kinds = cues()["member_units"]["of_kinds"]
    if body.kind in kinds:
        return True
    name = fold(body.name)
    heads = sorted((f for f in gazetteer().families if name.startswith(fold(f.head) + " ") or name == fold(f.head)), key=lambda f: -len(f.head))
    return bool(heads) and heads[0].kind in kinds


def _a_unit_of(unit: str, body: AgencyMention) -> bool:
    """"Cơ quan Ủy ban MTTQ xã" is the Front's apparatus; "Cơ quan Bảo hiểm xã hội thành phố Huế"
    the agency itself. Written without a level ("cơ quan Công an") the words name the kind of
    body as the text does, and stay whole. Members are a group only of a coordinating body
    (cues.yaml: member_units)."""
    if _is_member_unit(unit):
        return _coordinating(body)
    if _is_party_organ(unit):
        return True
    if fold(strip_plural(unit)) in {fold(c) for c in _committee_words()} or (_BOARD.fullmatch(unit + " ") and fold(strip_plural(unit)) not in _folded_units()[0]):
        return body.kind in cues()["committees_before_bodies"]["of_kinds"]
    rule = cues()["apparatus_units"]
    apparatus = fold(strip_plural(unit)) in {fold(u) for u in rule["units"]}
    return not apparatus or body.kind in rule["of_kinds"] or not (body.level or body.place)


def _is_party_organ(unit: str) -> bool:
    return fold(strip_plural(unit)) in _party_organs()


@cache
def _party_organs() -> frozenset[str]:
    return frozenset(fold(u) for u in cues()["party_organs_before_bodies"])


def _unit_name(unit: str) -> str:
    if _is_member_unit(unit):
        return cues()["member_units"]["name"]
    if is_plural(unit):
        bare = strip_plural(unit)
        return "Các " + bare[:1].lower() + bare[1:]
    return "Ban Thường trực" if fold(unit) == "ban thường trực" else unit


_PLURAL = re.compile(r"(?<![\wÀ-ỹ])(?:các|những|Các|Những)\s+$")


# "Kho bạc Nhà nước khu vực XI", "Viện kiểm sát nhân dân khu vực" (every regional one), and a
# state agency's grassroots units since 2025 ("Bảo hiểm xã hội cơ sở", "Thuế cơ sở 3"); not a
# region's own name ("khu vực Tây Nguyên")
UNIT_WORDS = ("khu vực", "cơ sở")
_REGION = re.compile(r"^\s+(?:(?i:Việt Nam)\s*)?(?:[-–]\s*)?((?i:chi nhánh\s+)?(?P<unit>(?i:" + "|".join(UNIT_WORDS) + r"))(?:\s+(?:[IVXLC]{1,5}|\d{1,2})(?![\wÀ-ỹ])|(?![\wÀ-ỹ])(?!\s+[" + _UPPER + r"0-9])))")


def _region(entry: AgencyEntry, rest: str) -> re.Match[str] | None:
    """The region a body is organised by since 2025 ("Kho bạc Nhà nước khu vực XI"), or a state
    agency's grassroots units ("Bảo hiểm xã hội cơ sở") — not a body's grassroots ("Hội Nông dân
    cơ sở")."""
    region = _REGION.match(rest)
    if region and fold(region.group("unit")) == "cơ sở" and not (entry.kind == "central_government" and entry.levelled):
        return None
    return region


def _numbered_unit(entry: AgencyEntry, text: str, start: int, end: int, number: str) -> AgencyMention:
    """"Thuế cơ sở 1", "Thuế cơ sở 3 tỉnh Nghệ An": one numbered unit of a name the gazetteer
    holds, and the province it is of."""
    sm = _suffix_regex().match(text[end:])
    place = _place_ok(sm.group("place")) if sm and not sm.group("count") else None
    if sm and place:
        end += sm.start("place") + len(place)
    return AgencyMention(f"{entry.name} {number}", entry.kind, text[start:end], start, end, None, place, True, False, entry.name)


_UNIT_NUMBER = re.compile(r"^\s+([IVXLC]{1,5}|\d{1,2})(?![\wÀ-ỹ/.-])")


_NAMED_UNITS = re.compile(r"^\s+(?:các|\d{1,3})\s+(?P<unit>xã|phường|thị trấn|đặc khu|huyện|quận|thị xã)\s*:?\s+(?=[" + _UPPER + "])")
_PLACE_SEP = re.compile(r"^(?:\s*,\s*(?:và\s+)?|\s+và\s+)(?=[" + _UPPER + "])")


_UNITS_LISTED = re.compile(r"(?<![\wÀ-ỹ])((?:các|\d{1,3})\s+(?:xã|phường|thị trấn|đặc khu|huyện|quận|thị xã))\s*:\s*(?=[" + _UPPER + "])", re.I)


def _named_units(rest: str) -> tuple[str, int] | None:
    """"… các xã: Gia Thuận, Tân Điền và Tân Phú Đông": the bodies of communes the text names,
    one group as written (the level and the names, without the colon) and its length in
    `rest`; None unless a place is named."""
    m = _NAMED_UNITS.match(rest)
    if not m:
        return None
    listed, pos, count = "", m.end(), 0
    while True:
        pm = re.match(_PLACE, rest[pos:])
        place = _place_ok(pm.group("place")) if pm else None
        if not place or (predicate_regex().match(rest[pos:].lstrip()) and not places.is_place_name(place)):
            # "UBND các xã: Tổ chức tuyên truyền …": the duty's verb, capitalised after the colon
            break
        listed, pos, count = listed + place, pos + len(place), count + 1
        end = pos
        sep = _PLACE_SEP.match(rest[pos:])
        if not sep:
            break
        listed += " và " if "và" in sep.group(0) else ", "
        pos += sep.end()
    if not count:
        return None
    return f"các {m.group('unit')} {listed.rstrip(', ').removesuffix(' và')}", end


@cache
def _ends_in_province_level() -> re.Pattern[str]:
    """A known name whose last words are a province's level ("Công an tỉnh", "Thống kê tỉnh")."""
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(level_words('province', 'city'))})$", re.I)


def _with_suffix(entry: AgencyEntry, text: str, start: int, end: int) -> AgencyMention:
    rest = text[end:]
    level = place = None
    named = _named_units(rest) if entry.levelled else None
    if named:
        group, length = named
        return AgencyMention(f"{entry.name} {group}", entry.kind, text[start : end + length], start, end + length, group.split()[1], None, True, False, entry.name)
    numbered = _UNIT_NUMBER.match(rest) if fold(entry.name).endswith(UNIT_WORDS) else None
    if numbered:
        return _numbered_unit(entry, text, start, end + numbered.end(), numbered.group(1))
    sm = _suffix_regex().match(rest)
    if sm:
        level = sm.group("level")
        # "TP" is "thành phố"; "trực thuộc Trung ương" keeps its proper noun
        level = proper_case(gazetteer().abbreviations.get(level, level.lower()))
        if sm.group("count") and not level.startswith(("các ", "cấp ")):
            level = f"các {level}"
        if re.search(r"[,/]|\svà\s", level):
            # "phường, xã, đặc khu": the committees of those units, in one canonical order
            order = ("tỉnh", "xã", "phường", "đặc khu", "thị trấn", "quận", "huyện", "thị xã", "thành phố")
            written, found = level, set()
            for u in sorted(order, key=len, reverse=True):  # "thị xã" is not "xã"
                unit = re.compile(rf"(?<![\wÀ-ỹ]){u}(?![\wÀ-ỹ])")
                if unit.search(written):
                    found.add(u)
                    written = unit.sub(" ", written)
            units = [u for u in order if u in found]
            if units:
                level = "các " + ", ".join(units)
        place = _place_ok(sm.group("place"))
        # "… các cấp Thành phố": the tier's level word after "các cấp" is the body's too
        end += sm.start("place") + len(place) if place else (sm.end("tier") if sm.group("tier") else sm.end("level"))
        if place and "," in level and not places.province(place):
            place = None  # "các xã, phường, đặc khu Cồn Cỏ": the last unit's name, not the place of all
    elif entry.place_in_name or entry.levelled or _ends_in_province_level().search(entry.name):
        # "Công an tỉnh Bắc Ninh", "Thống kê tỉnh Bắc Ninh": a name that ends in its level takes
        # the province after it as a levelled one does
        pm = _place_regex().match(rest)
        place = _place_ok(pm.group("place")) if pm else None
        if place and (not entry.place_in_name or entry.requires_level) and not places.province(place):
            # "Văn phòng Đăng ký đất đai Hà Nội": a province's name without its level word; a
            # name that is a body only with its place takes a province's ("Viễn thông Quân đội")
            place = None
        if place and pm:
            end += pm.start("place") + len(place)
    region = None if level else _region(entry, text[end:])
    if region:
        end += region.end()
    name = entry.name + (f" {region.group(1)}" if region else "")
    if level and entry.levelled:
        name = f"{name} {level}"
    if entry.place_in_name and place:
        name = f"{name} {place}"
    surface = text[start:end]
    if is_plural(surface) and not fold(name).startswith("các "):
        # "các cấp ủy Đảng", "các Ngân hàng thương mại": the text names every body of a kind
        name = f"Các {name[:1].lower() if name[1:2].islower() else name[:1]}{name[1:]}"
    return AgencyMention(name, entry.kind, surface, start, end, level, place, True, False, entry.name)



# --- phrases that name one or more agencies -------------------------------------------------


def stacked_titles() -> str:
    """Persons' titles before the body they head: stacked ("Đồng chí Phó Chủ tịch UBND xã") or
    listed ("Giám đốc, Thủ trưởng các Sở, ban, ngành", "Trưởng phòng, Phó Trưởng phòng, công
    chức phòng chuyên môn") or held together ("Ủy viên kiêm Chánh Văn phòng Ban Chỉ đạo"). A
    regex opening at the start, each title followed by its space."""
    titles = alternation(cues()["head_titles"])
    # "Chủ tịch, các Phó Chủ tịch và các thành viên UBND tỉnh": a listed title may be plural
    listed = rf"(?=(?:các\s+)?(?:{titles})(?![\wÀ-ỹ]))"
    # "Giám đốc: Trung tâm Công báo - Tin học tỉnh, Trung tâm Phục vụ hành chính công tỉnh": the
    # title then a colon, the bodies it heads after it; "Giám đốc (Thủ trưởng) các sở, ban,
    # ngành": the other title in brackets
    other = rf"\s*\(\s*(?:{titles})\s*\)\s+(?=\S)"
    return rf"^(?:(?:các\s+)?(?:{titles})(?:\s*,\s*{listed}|\s+(?:và|kiêm)\s+{listed}|\s*:\s+(?=[{CAPITALS}])|{other}|\s+(?=\S)|\s*$))+"


@cache
def _title_regex() -> re.Pattern[str]:
    return re.compile(stacked_titles(), re.I)


@cache
def _trailing_title_regex() -> re.Pattern[str]:
    titles = alternation(cues()["head_titles"])
    # "Ban … tỉnh (Chủ tịch | Ủy ban nhân dân tỉnh)": a bracket opens the title too
    return re.compile(r"(?:^|[,;(]\s*|\s+(?:và|hoặc)\s+)(?:" + titles + r")\s*$", re.I)


@cache
def _abbreviation_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    table = gazetteer().abbreviations
    alts = alternation(table)
    # "TP. Hà Nội", "TP.Huế": an abbreviation's full stop before a name goes with it
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alts})(?:\.(?=\s*[{CAPITALS}]))?(?![\wÀ-ỹ])"), table


@cache
def _abbreviated_level_end() -> re.Pattern[str]:
    table = gazetteer().abbreviations
    levels = {fold(w) for w in level_words()}
    short = [k for k, v in table.items() if fold(v) in levels]
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(short)})$")


def ends_in_abbreviated_level(text: str) -> bool:
    """"… Ủy ban nhân dân TP" before ". Hà Nội": a level's abbreviation, whose full stop ends
    no sentence (gazetteer: abbreviations)."""
    return bool(_abbreviated_level_end().search(text))


_LEADING_CONJUNCTION = re.compile(r"^(?:và|hoặc)\s+", re.I)
_AMPERSAND = re.compile(r"(?<=[a-zà-ỹ])\s*&\s*(?=[A-ZĐÀ-Ỹa-zà-ỹ])")
_SPACED_DASH = re.compile(r"\s+[–—]\s+")
_SPACES = re.compile(r"\s+")


def canonical_generic(phrase: str, titles: bool = True) -> str:
    """Tidy a generic agency phrase: titles of persons dropped (unless `titles` is False: the
    name itself opens with a title's word), abbreviations expanded."""
    text = phrase.strip(" ,;.:-–")
    text = _LEADING_CONJUNCTION.sub("", text)
    if titles:
        text = _title_regex().sub("", text)
    pattern, table = _abbreviation_regex()
    text = pattern.sub(lambda m: table[m.group(0).rstrip(".")] + (" " if m.group(0).endswith(".") else ""), text)
    if "&" in text:
        text = _AMPERSAND.sub(" và ", text)  # "HĐND&UBND", expanded
    text = _SPACED_DASH.sub(" - ", text)  # one dash in names ("Thi đua – Khen thưởng")
    text = _SPACES.sub(" ", text).strip()
    return text[:1].upper() + text[1:]


@cache
def same_level() -> str:
    """The words that stand for the issuer's own level ("Ủy ban MTTQ Việt Nam cùng cấp"; cues.yaml:
    same_level), folded."""
    return fold(cues()["same_level"])


@cache
def not_agencies_regex() -> re.Pattern[str]:
    """Words that open a phrase naming no body, folded (cues.yaml: not_agencies)."""
    return re.compile(rf"(?:{alternation(fold(w) for w in cues()['not_agencies'])})(?![\wÀ-ỹ])")


def looks_like_agency(phrase: str) -> bool:
    """A phrase headed by an agency noun ("các cơ sở đào tạo"), not by a predicate."""
    low = strip_plural(fold(phrase), whole=True)
    if predicate_regex().match(low) or not_agencies_regex().match(low):
        return False  # a predicate, or a head word that names no body here ("trường hợp", "bộ máy")
    if any(a.start == 0 for a in find_agencies(phrase)):
        return True
    return _agency_head_opening().match(low) is not None


@cache
def _agency_head_opening() -> re.Pattern[str]:
    """A phrase opening with an agency noun (cues.yaml: agency_heads), each written as it is."""
    return re.compile("(?:" + "|".join(re.escape(h) for h in cues()["agency_heads"]) + r")(?![\wÀ-ỹ])")


@dataclass(frozen=True)
class Lexicon:
    """What a plan's own text adds to the gazetteer: its defined collectives and its level."""

    collectives: dict[str, str]  # folded alias without "các" -> canonical "Các ..."
    own_level: str | None = None  # the issuer's level word, which "cùng cấp" stands for
    members: dict[str, tuple[str, ...]] = field(default_factory=dict)  # canonical -> member phrases
    reform: bool = True  # written after the 2025 reform: "địa phương" means the communes and wards
    own_place: str | None = None  # the issuer's place: a body of another commune is named with its own
    national: bool = False  # issued by a national body: "địa phương" are the provinces
    own_unit: str | None = None  # how the issuer's units name it: "Bộ" ("Chánh Văn phòng" -> "Văn phòng Bộ")
    regulated: tuple[str, ...] = ()  # bodies the text applies to, named by what they do ("tổ chức thu lệ phí")
    issuer: str | None = None  # the issuer's name, which its own head stands for ("Bộ trưởng" in a ministry's circular)
    terms: dict[str, frozenset[str]] = field(default_factory=dict)  # `document_terms`: names the text closes again and again

    @property
    def home(self) -> str | None:
        """The place a local issuer governs (a national one's seat governs nothing)."""
        return None if self.national else self.own_place

    @property
    def localities(self) -> str | None:
        """The units "các địa phương" are: the provinces in a national text, the communes and
        wards in a province's after the 2025 reform; None where the text leaves it open."""
        if self.national:
            return "các tỉnh, thành phố"
        if self.reform and self.own_level in ("tỉnh", "thành phố", None):
            return "các xã, phường"
        return None


@cache
def _local_levels() -> frozenset[str]:
    return frozenset(level_words("district", "commune"))


def shown_name(m: AgencyMention, lexicon: Lexicon) -> str:
    """A body of a commune or district other than the issuer's is named with its place ("Ủy ban
    nhân dân phường Cổ Nhuế 2" in a city's decision): two communes' committees are two bodies.
    A province's or the issuer's own place stays out of the name, as analysts write it — except
    in a national text, where the provinces it names are as many bodies ("Ủy ban nhân dân tỉnh
    Khánh Hòa", "Ủy ban nhân dân tỉnh Gia Lai")."""
    provincial = lexicon.national and bool(m.level) and places.province(m.place) is not None
    if not (m.place and m.level and (m.level.lower() in _local_levels() or provincial)):
        return m.name
    if lexicon.own_place and fold(m.place) == fold(lexicon.own_place) and not provincial:
        return m.name
    if fold(m.name).endswith(fold(m.place)):
        return m.name
    return f"{m.name} {m.place}"


def listed_units(level: str) -> list[str]:
    """The units a level phrase lists, folded: "các xã, phường, đặc khu" -> ["xã", "phường",
    "đặc khu"]; "cấp xã" -> ["cấp xã"]."""
    return [u.strip() for u in fold(level).removeprefix("các ").split(",")]


def level_unit(level: str) -> str:
    """The kind of unit a level phrase names: "cấp xã", "các xã, phường, đặc khu" -> "xã";
    "thị xã", "đặc khu" stay whole."""
    return listed_units(level)[0].removeprefix("cấp ")


@cache
def _listed_level_endings() -> tuple[tuple[str, str], ...]:
    """The gazetteer's levels that list units ("các xã, phường"), in its order, each with the
    ending of a name it closes."""
    return tuple((lv, " " + lv.lower()) for lv in gazetteer().levels if "," in lv)


def tier_name(name: str, level: str | None = None) -> str:
    """The one name of a tier's bodies, whichever units a plan lists ("Ủy ban nhân dân các xã,
    phường, đặc khu" -> "Ủy ban nhân dân cấp xã"; `tiers` in data/rules/agencies.yaml). The
    level is the mention's, or a listed level the name ends with (a collective's member)."""
    if level is None:
        low = name.lower()
        level = next((lv for lv, ending in _listed_level_endings() if low.endswith(ending)), None)
    if not level or "," not in level or not name.lower().endswith(level.lower()):
        return name
    units = listed_units(level)
    tier = next((t for t, kinds in gazetteer().tiers.items() if all(u in kinds for u in units)), None)
    return name[: len(name) - len(level)] + tier if tier else name


# "cấp xã" after "Ủy ban nhân dân cấp huyện,": a level standing for the head before it
@cache
def _elliptic_level() -> re.Pattern[str]:
    """A level alone, standing for the head before it (cues.yaml: same_level for "cùng cấp")."""
    return re.compile(rf"(?:các\s+)?(cấp\s+\S+|các cấp|{re.escape(cues()['same_level'])})", re.I)


_UNEXPANDED = re.compile(r"(?<![\wÀ-ỹ])[A-ZĐ&]{2,}(?:[-&][A-ZĐ]+)*(?![\wÀ-ỹ])")


def written_name(m: AgencyMention, lexicon: Lexicon) -> str:
    """The name as the text writes it, in the answer keys' form: abbreviations expanded, a
    person's title dropped, the issuer's own place left out ("Mặt trận Tổ quốc tỉnh", "Các sở,
    ngành"), where `shown_name` gives the body's one name ("Ủy ban Mặt trận Tổ quốc Việt Nam
    tỉnh", "Các sở, ban, ngành"). A surface with an abbreviation the word table cannot expand
    ("Sở KH&CN") is written by its name."""
    shown = shown_name(m, lexicon)
    if m.kind == "collective_group" or not m.surface.strip() or re.search(r"[,;/]|\s(?:và|hoặc)\s", m.surface):
        return shown
    # "Công chức Tư pháp - Hộ tịch": a post the gazetteer knows by its title's word
    text = canonical_generic(m.surface, titles=not (m.entry and _title_regex().match(m.entry)))
    if m.level and fold(m.level) != same_level():
        # "… cùng cấp": the level `_resolve_levels` read it as, the issuer's own
        text = re.sub(rf"(?<=\s){re.escape(cues()['same_level'])}$", m.level, text)
    bare, whole = (fold(x).removeprefix("các ") for x in (text, shown))
    counted = bool(m.level) and re.search(r"(?<![\wÀ-ỹ])\d{1,3}\s", text) is not None
    if _UNEXPANDED.search(text) or whole.startswith(bare) or _elliptic_level().fullmatch(bare) or elliptic_place().fullmatch(text) or counted:
        # the name says more than the words the mention covers: "Hội đồng Thi đua" of "… - Khen
        # thưởng ngành Y tế", "cấp xã" after "Ủy ban nhân dân cấp huyện,", "phường Xuân Đỉnh"
        # after "UBND phường Cổ Nhuế 2 và"; a count of the units ("UBND 06 thành phố …") is no name
        return shown
    if bare != whole and unmarked(bare) == unmarked(whole):
        return shown  # "Sở Nôi vụ": a mark misread (OCR) is not how the text writes the name
    if m.place and fold(text).endswith(" " + fold(m.place)) and not fold(shown).endswith(fold(m.place)):
        text = text[: -len(m.place)].rstrip()
    elif shown != m.name and not fold(text).endswith(fold(m.place or "")):
        text = f"{text} {m.place}"
    return text


@cache
def _definition_re() -> re.Pattern[str]:
    defs = alternation(cues()["collective_definitions"])
    # the short name may be quoted: (sau đây gọi tắt là “Ban Quản lý”)
    return re.compile(r"\(\s*(?:" + defs + r")\s+[\"“]?(?P<alias>[^()\"“”]+?)[\"”]?\s*\)", re.I)


def _strip_edges(piece: str) -> str:
    """Punctuation off a piece's ends; a bracket only when its pair is not inside ("Hội đồng
    tuyển dụng (Ban đề thi)" keeps its closing one)."""
    while True:
        piece = piece.strip(" ,;.:")
        opens, closes = piece.count("("), piece.count(")")
        if piece[:1] == "(" and (opens > closes or _one_bracket(piece)):
            piece = piece[1:-1] if opens == closes else piece[1:]
        elif piece[-1:] == ")" and closes > opens:
            piece = piece[:-1]
        elif piece[-1:] == "(":
            piece = piece[:-1]  # "Nhà đầu tư (" before the body the bracket names
        else:
            return piece


def _one_bracket(piece: str) -> bool:
    """"(các sở, ngành)": the whole piece is one bracket, its first mark paired with its last."""
    depth = 0
    for i, ch in enumerate(piece):
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            return i == len(piece) - 1
    return False


def _piece_mentions(
    piece: str, gap: str, span: tuple[int, int], mention: AgencyMention | None, previous: AgencyMention | None, lexicon: Lexicon
) -> list[AgencyMention]:
    """The bodies one piece of text between known names stands for: a place or level whose
    head is understood from the body before, a short name the text defined, or the members of
    a group."""
    cursor, gap_end = span
    piece = _strip_edges(piece)
    piece = re.sub(r"^(?:và|hoặc|cùng|với)\s+|\s+(?:và|hoặc|cùng)$", "", piece, flags=re.I).strip()
    members = _member_opening().match(piece)
    if members:
        # "Các thành viên Ban Chỉ đạo, Bộ trưởng, …": the bodies sitting on the committee, not
        # the committee; the list goes on after the comma
        sitting_on, _, rest = piece[members.end() :].partition(",")
        of = _piece_mentions(sitting_on, gap, span, mention, previous, lexicon)
        if len(of) == 1 and _coordinating(of[0]):
            group = replace(of[0], name=f"{cues()['member_units']['name']} {of[0].name}", kind="collective_group", known=False, entry=None)
            return [group, *(_piece_mentions(rest, gap, span, mention, group, lexicon) if rest.strip() else [])]
    piece = _title_regex().sub("", piece).strip(" ,")
    # "…, Chủ tịch | Ủy ban nhân dân tỉnh": the title of the body named next
    piece = _strip_edges(_trailing_title_regex().sub("", piece))
    if not piece or len(piece) < 2:
        return []
    where = elliptic_place().fullmatch(piece)
    if where and previous is not None and previous.known and previous.level and previous.entry:
        # "UBND phường Cổ Nhuế 2 và phường Xuân Đỉnh": the head is understood
        entry = gazetteer().lookup(previous.entry)
        if entry is not None and entry.levelled:
            level = where.group("level").lower()
            return [AgencyMention(f"{entry.name} {level}", previous.kind, piece, cursor, gap_end, level, where.group("place"), True, False, entry.name)]
    ell = _elliptic_level().fullmatch(piece)
    if ell and previous is not None:
        base = previous.name
        if previous.level:
            base = base[: -len(previous.level)].rstrip()
        return [AgencyMention(f"{base} {ell.group(1)}", previous.kind, piece, cursor, gap_end, ell.group(1), entry=previous.entry)]
    if _names_no_member(piece, gap, mention):
        return []
    # "Các cơ quan, đơn vị | quy định tại Điều 2 Quy chế này": the term the text defines, pointed
    # at; a body named only by the provision ("Cơ quan quy định tại điểm a") keeps the pointer
    name = next((lexicon.collectives[k] for k in (_collective_key(piece), _collective_key(provision_tail().split(piece)[0])) if k in lexicon.collectives), None)
    if name is not None:
        return [_one_body_named(name, piece, cursor, gap_end) or AgencyMention(name, "collective_group", piece, cursor, gap_end, known=True)]
    return [
        AgencyMention(member.name, "collective_group", piece, cursor, gap_end, member.level, known=False, generic=member.generic)
        for member in collective_members(piece, lexicon)
    ]


def _collective_key(phrase: str) -> str:
    """A phrase as the text's defined groups are looked up (`Lexicon.collectives`): its generic
    head in canonical words, folded, without "các"."""
    return strip_plural(fold(canonical_generic(phrase)))


def _one_body_named(name: str, piece: str, start: int, end: int) -> AgencyMention | None:
    """A short name the text gave one body: that body, of its own kind — whole when what is left
    after it is its level and place ("… Chu Lai | thành phố Đà Nẵng"); None for a group's."""
    body = [a for a in find_agencies(name) if a.start == 0]
    if not body or fold(name).startswith("các "):
        return None
    left = name[body[0].end :].strip(" ,")
    whole = body[0].end >= len(name) - 1 or bool(elliptic_place().fullmatch(left))
    shown = body[0].name if whole else name
    return AgencyMention(shown, body[0].kind, piece, start, end, body[0].level if whole else None, body[0].place if whole else None, whole and body[0].known, False, body[0].entry if whole else None)


@cache
def place_qualifier_regex() -> re.Pattern[str]:
    """Words after a body's name that say where or at which tier it is and belong to the name:
    "đóng trên địa bàn thành phố", "trên địa bàn tỉnh Nghệ An", "ở trung ương" (cues.yaml:
    place_qualifier, issuer_levels)."""
    c = cues()
    return re.compile(rf"\s+{c['place_qualifier']}(?:\s+(?:{alternation(c['issuer_levels'])}))?(?:\s+[{CAPITALS}][\wÀ-ỹ]*){{0,3}}")


def split_agencies(phrase: str, lexicon: Lexicon | None = None) -> list[AgencyMention]:
    """A phrase naming agencies -> one mention each, in order.

    Gazetteer and family names are cut out first, so the commas and "và" inside them
    ("Sở Văn hóa, Thể thao và Du lich") do not split them; what lies between them is split
    on ';' and kept whole otherwise ("các cơ quan, đơn vị, địa phương" is one group).
    An elliptic "cấp xã" after "Ủy ban nhân dân cấp huyện," repeats the previous head; a
    level that ends a list ("Cấp ủy đảng, chính quyền cấp xã") belongs to every member.
    """
    lexicon = lexicon or Lexicon({})
    phrase = expand_enumerations(re.sub(r"\s+", " ", phrase).strip(), lexicon.home)
    # "A, B, C (sau đây gọi là cơ quan, đơn vị, địa phương)": the text names the group
    definition = _definition_re().search(phrase)
    if definition and fold(definition.group("alias").strip()) in _collective_rules().levels:
        # "Ủy ban nhân dân xã, phường (sau đây gọi là cấp xã)": the short name of a level, not a group
        phrase = (phrase[: definition.start()] + phrase[definition.end() :]).strip()
        definition = None
    if definition:
        core = strip_plural(definition.group("alias").strip())
        name = lexicon.collectives.get(fold(core), "Các " + core)
        return [_one_body_named(name, phrase, 0, len(phrase)) or AgencyMention(name, "collective_group", phrase, 0, len(phrase), known=True)]
    found = [m for m in find_agencies(phrase) if not _OWNED.search(phrase[: m.start])]
    owners = _bracketed_owners(phrase, found)
    if owners:
        # blanked, not cut: the offsets of the other mentions still hold
        for a, b in owners:
            phrase = phrase[:a] + " " * (b - a) + phrase[b:]
        found = [m for m in found if not any(a <= m.start < b for a, b in owners)]
    out: list[AgencyMention] = []
    cursor = 0
    previous: AgencyMention | None = None
    for mention in found + [None]:
        gap_end = mention.start if mention else len(phrase)
        gap = phrase[cursor:gap_end]
        # only a place qualifier continues a name ("Các doanh nghiệp nhà nước đóng trên địa bàn …",
        # "các tổ chức chính trị - xã hội ở trung ương": not the level a later member names)
        tail = place_qualifier_regex().match(gap)
        # (the communes' committees "trên địa bàn" are the same committees: nothing to add)
        if out and previous is out[-1] and previous.known and tail and previous.kind not in ("peoples_committee", "peoples_council"):
            extended = f"{previous.name} {tail.group(0).strip()}"
            out[-1] = AgencyMention(extended, previous.kind, previous.surface + tail.group(0), previous.start, cursor + tail.end(), previous.level, previous.place, False)
            gap = gap[tail.end():]
        for piece in _gap_pieces(gap):
            made = _piece_mentions(piece, gap, (cursor, gap_end), mention, previous, lexicon)
            out += made
            previous = made[-1] if made else previous
        if mention is None:
            break
        out.append(mention)
        previous = mention
        cursor = mention.end
    return joined_groups(_dedupe(_resolve_levels(_share_level(out, phrase), lexicon)))


@cache
def _joins() -> dict[tuple[str, ...], str]:
    return {tuple(fold(p) for p in j["parts"]): j["name"] for j in cues()["collectives"].get("joined", [])}


def joined_part(name: str) -> bool:
    """A group that is one part of an addressee named jointly (cues.yaml: collectives.joined)."""
    return any(fold(name) in parts for parts in _joins())


def joined_groups(mentions: list[AgencyMention]) -> list[AgencyMention]:
    """Groups named one after another that are one addressee (cues.yaml: collectives.joined)."""
    out: list[AgencyMention] = []
    for m in mentions:
        name = _joins().get((fold(out[-1].name), fold(m.name))) if out else None
        if name is None:
            out.append(m)
        else:
            first = out[-1]
            out[-1] = replace(first, name=name, end=m.end, generic=False)
    return out


def _names_no_member(piece: str, gap: str, following: AgencyMention | None) -> bool:
    """A person's title alone, or a generic head right before a known body ("lực lượng | Công
    an", "cơ quan | Kho bạc Nhà nước") or a head before the body it is in brackets ("Nhà đầu tư
    (Tập đoàn Đèo Cả)"), which names that body, not a member of its own."""
    if fold(piece) in cues()["head_titles"]:
        return True
    if following is None or following.generic:
        return False
    if following.known and gap.rstrip().endswith(piece) and is_generic_head(piece):
        return True
    # "Nhà đầu tư (Tập đoàn Đèo Cả)": a head alone, then the body it is, in brackets
    return gap.rstrip().endswith("(") and gap.rstrip()[:-1].rstrip().endswith(piece) and bool(_head_noun_regex().fullmatch(strip_plural(piece, whole=True)))


def is_generic_head(phrase: str) -> bool:
    """"lực lượng", "cơ quan", "đơn vị": one generic head alone (cues.yaml: collectives.generic).
    Before a known body's name it names that body ("lực lượng Công an")."""
    return fold(phrase) in _collective_rules().generic


def names_a_kind(name: str) -> bool:
    """"Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường", "Các bộ": a group of one kind
    of body (cues.yaml: collectives.kinds), addressed as such; "Các ban", "Phòng" are not."""
    low = fold(name)
    return any(low == k or low.startswith(k + " ") for k in _collective_rules().kind_names)


@cache
def _leading_place() -> re.Pattern[str]:
    """A place standing for a body named before it, at a piece's start, before a comma or a conjunction."""
    return re.compile(rf"[\s,]*(?:và\s+|hoặc\s+)?{elliptic_place().pattern}(?=\s*(?:,|\s(?:và|hoặc)\s|$))")


@cache
def _leading_level() -> re.Pattern[str]:
    """A level standing for a body named before it, at a piece's start, before a conjunction."""
    return re.compile(rf"[\s,]*{_elliptic_level().pattern}(?=\s+(?:và|hoặc)\s)", re.I)


def _gap_pieces(gap: str) -> list[str]:
    """The text between known names, cut at ';', before a conjunction that opens another head's
    title ("các đơn vị thuộc Bộ Nội vụ | và Thủ trưởng các cơ quan, đơn vị có liên quan") and
    after a place that stands for a body named before it ("phường Xuân Đỉnh | và các đơn vị có
    liên quan") or a level that does ("Trung tâm … cấp tỉnh, cấp xã | và tổ chức, cá nhân có
    liên quan")."""
    out: list[str] = []
    for piece in (p for part in gap.split(";") for p in _titled_conjunct().split(part)):
        # one place after another ("…, thành phố Hồ Chí Minh, thành phố Hải Phòng và tỉnh Quảng Ninh")
        while place := _leading_place().match(piece):
            out.append(piece[: place.end()])
            piece = piece[place.end() :]
        level = _leading_level().match(piece)
        if level:
            out.append(piece[: level.end()])
            piece = piece[level.end() :]
        out.append(piece)
    return [p for p in out if p]


@cache
def _titled_conjunct() -> re.Pattern[str]:
    return re.compile(rf"(?<=[\wÀ-ỹ])(?=\s+(?:{_conjunction_words()})\s+(?:{alternation(cues()['head_titles'])})\s)", re.I)


def _bracketed_owners(phrase: str, found: list[AgencyMention]) -> list[tuple[int, int]]:
    """"Trung tâm Dịch vụ việc làm Thành phố (Sở Nội vụ)", "Sở Y tế (Chi cục Dân số)", "Sở Tài
    chính (cơ quan thường trực)": brackets right after a named body hold its owner, its unit or
    its role — the same actor, not one more. The spans of such brackets. (After a group, brackets list its members: "các cơ quan
    liên quan (Sở X; Sở Y)"; brackets that open with a joiner add bodies: "Thuế Thành phố (và
    Thuế cơ sở)".)"""
    spans = []
    for m in re.finditer(r"\(([^()]*)\)", phrase):
        before = next((a for a in found if a.end <= m.start() and not phrase[a.end : m.start()].strip()), None)
        if before is None or before.kind == "collective_group" or _list_joiner().match(m.group(1)):
            continue
        inside = [a for a in found if m.start() < a.start and a.end <= m.end()]
        if not inside:
            # "Sở Tài chính (cơ quan thường trực)": what the body is here, not another actor
            spans.append((m.start(), m.end()))
        elif all(a.kind != "collective_group" for a in inside) and not re.sub(r"[\s,;.]|và", "", _without(phrase[m.start() + 1 : m.end() - 1], inside, m.start() + 1)):
            spans.append((m.start(), m.end()))
    return spans


@cache
def _list_joiner() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{alternation(cues()['list_joiners'])})\s+", re.I)


def _without(text: str, mentions: list[AgencyMention], offset: int) -> str:
    for a in sorted(mentions, key=lambda a: -a.start):
        text = text[: a.start - offset] + text[a.end - offset :]
    return text


@cache
def elliptic_place() -> re.Pattern[str]:
    return re.compile(rf"(?P<level>(?i:{alternation(level_words('province', 'city', 'district', 'commune'))}))\s+{_PLACE}")


@cache
def _enumeration_regex() -> re.Pattern[str]:
    heads = alternation(cues()["enumerated_heads"])
    co_heads = alternation(cues()["enumerated_co_heads"])
    return re.compile(rf"(?<![\wÀ-ỹ])(?:các\s+)?(?P<head>{heads})(?P<mixed>\s*,\s*(?:{co_heads}))?\s*:\s*(?P<list>[^;:]+?)(?=\s*(?:;|:|$|\.\s|\s+và các\s|\s+(?:có trách nhiệm|chịu trách nhiệm|phối hợp|chủ trì)\b))", re.I)


# a title ends its member where a separator or the verb follows
_TITLE_END = r"\s*(?:[,;]|\s(?:và|hoặc)\s|\s(?:chịu|có)\s+trách\s+nhiệm|$)"


def _title_regex_of(titles: dict[str, str], plural: bool) -> tuple[re.Pattern[str], dict[str, str]]:
    """Titles that end their member, and what each stands for (keys folded)."""
    table = {fold(k): v for k, v in titles.items()}
    quantifier = r"(?:các\s+)?" if plural else ""
    return re.compile(rf"(?<![\wÀ-ỹ]){quantifier}({alternation(table)})(?={_TITLE_END})", re.I), table


@cache
def _bare_title_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    return _title_regex_of(cues()["bare_titles"], plural=True)


@cache
def _own_unit_title_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    return _title_regex_of(cues()["own_unit_titles"]["titles"], plural=False)


@cache
def _own_unit_post_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    """A civil servant's post that is a unit's work, wherever it stands (cues.yaml: own_unit_titles.posts)."""
    table = {fold(k): v for k, v in cues()["own_unit_titles"].get("posts", {}).items()}
    # a dash between the post's two fields is written with or without spaces, as fold() writes it
    posts = alternation(table).replace(r"\s+\-\s+", r"\s*[-–]\s*")
    return re.compile(rf"(?<![\wÀ-ỹ])({posts})(?![\wÀ-ỹ])", re.I), table


@cache
def _own_unit_issuers() -> tuple[tuple[str, str | None], ...]:
    issuers = cues()["own_unit_titles"]["issuers"]
    return tuple((fold(start), issuers[start]) for start in sorted(issuers, key=len, reverse=True))


def own_unit(issuer_name: str | None) -> str | None:
    """How the issuer's own units name it (cues.yaml: own_unit_titles): "Bộ" for a ministry,
    "Sở" for a department, "Ủy ban nhân dân tỉnh" for a provincial People's Committee."""
    if not issuer_name:
        return None
    name = fold(issuer_name)
    for start, unit in _own_unit_issuers():
        if name == start or name.startswith(start + " "):
            return unit or issuer_name
    return None


def name_own_units(text: str, lexicon: Lexicon) -> str:
    """"Chánh Văn phòng, Cục trưởng Cục … chịu trách nhiệm thi hành" in a ministry's decision:
    the head of the ministry's office, "Văn phòng Bộ"; its own head or leadership with no name
    after it ("Trách nhiệm của Bộ trưởng", "Lãnh đạo Bộ") the ministry. Without an issuer the
    title stays."""
    unit = lexicon.own_unit
    if not unit:
        return text
    pattern, table = _own_unit_title_regex()
    text = pattern.sub(lambda m: f"{table[fold(m.group(1))]} {unit}", text)
    posts, units = _own_unit_post_regex()
    text = posts.sub(lambda m: f"{units[fold(m.group(1))]} {unit}", text)
    heads = _own_head_regex(unit)
    return heads.sub(lexicon.issuer, text) if heads and lexicon.issuer else text


@cache
def _own_head_regex(unit: str) -> re.Pattern[str] | None:
    """The issuer's own head named alone: not "các Bộ trưởng", not "Bộ trưởng Bộ Tài chính"."""
    heads = cues()["own_unit_titles"]["own_heads"].get(unit)
    if not heads:
        return None
    return re.compile(rf"(?<![\wÀ-ỹ])(?<![cC]ác\s)(?i:{alternation(heads)})(?![\wÀ-ỹ])(?!\s+[{CAPITALS}])")


@cache
def _title_unit_regex() -> re.Pattern[str]:
    c = cues()["title_units"]
    heads = alternation(c["heads"])
    units = "|".join(re.escape(u) for u in c["nouns"])
    # "Trưởng phòng Phòng Hành chính …": the name may repeat the noun
    # "Phó Trưởng Ban Chỉ đạo": the noun may be the body's own head, capitalised
    return re.compile(rf"(?<![\wÀ-ỹ])(?i:{heads})\s+((?i:{units}))\s+(?:(?i:{units})\s+)?(?=[{CAPITALS}])")


def name_bare_titles(text: str) -> str:
    """"Bộ trưởng, Thủ trưởng cơ quan ngang bộ, … chịu trách nhiệm thi hành" -> "Các bộ, Các cơ
    quan ngang bộ, …": a title without its body stands for the bodies of that kind
    (cues.yaml: bare_titles); "Trưởng phòng Văn hóa - Xã hội" heads "Phòng Văn hóa - Xã hội"
    (cues.yaml: title_units)."""
    text = _title_unit_regex().sub(lambda m: f"{m.group(1).capitalize()} ", text)
    heads, villages = _village_head_regex()
    if heads.search(text):
        # "Các Trưởng khu phố": the plural is the villages' already ("Các khu phố")
        text = heads.sub(lambda m: villages[fold(m.group(1))].split(" ", 1)[1] if _PLURAL.search(m.string[: m.start()]) else villages[fold(m.group(1))], text)
        # "Trưởng thôn, Tổ trưởng tổ dân phố" -> "các thôn, tổ dân phố": one group, as listed
        text = _village_list_regex().sub(r"\1\2", text)
    pattern, table = _bare_title_regex()
    return pattern.sub(lambda m: table[fold(m.group(1))], text)


@cache
def _village_list_regex() -> re.Pattern[str]:
    """Two villages' groups one after another, the second's quantifier dropped — villages only
    (collectives: villages), not the Party cells a secretary stands for."""
    villages = {fold(h) for k in cues()["collectives"]["kinds"] if k["kind"] == "villages" for h in k["heads"]}
    values = [v for v in cues()["village_head_titles"].values() if fold(v.split(" ", 1)[1]) in villages]
    groups = alternation(values)
    units = alternation(v.split(" ", 1)[1] for v in values)
    return re.compile(rf"({groups})(,\s*|\s+(?:{_conjunction_words()})\s+)\S+\s+(?=(?:{units})(?![\wÀ-ỹ]))", re.I)


@cache
def _village_head_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    """A village's head by post (cues.yaml: village_head_titles): the villages — the post before
    the plural too ("Tổ trưởng các tổ dân phố", as "Trưởng thôn" is each village's head)."""
    table: dict[str, str] = {}
    for post, villages in cues()["village_head_titles"].items():
        unit = villages.split(" ", 1)[1]
        table[fold(post)] = villages
        if post.endswith(" " + unit):
            table[fold(f"{post.removesuffix(unit)}các {unit}")] = villages
    return re.compile(rf"(?<![\wÀ-ỹ])({alternation(table)})(?![\wÀ-ỹ])", re.I), table


class _PlaceLists(NamedTuple):
    bodies: re.Pattern[str]  # "Ủy ban nhân dân các tỉnh: A, B, C"
    opening: re.Pattern[str]  # a clause that opens with places
    items: dict[bool, re.Pattern[str]]  # one place of a list, with (True) or without its level word
    every: re.Pattern[str]  # "Các tỉnh, thành phố:" — every province the text speaks of


@cache
def _place_list_regexes() -> _PlaceLists:
    """"Ủy ban nhân dân các tỉnh(, thành phố): A, B, C" (a body of every place listed) and a
    clause that opens with places ("Các tỉnh Nghệ An, Quảng Ngãi khẩn trương …", "Thành phố Hà
    Nội và các tỉnh Bắc Ninh, Gia Lai đẩy nhanh …"): cues.yaml: place_lists."""
    c = cues()["place_lists"]
    unit = alternation(level_words("province", "city"))
    units = rf"(?:{unit})(?:\s*[,/]\s*(?:{unit}))?"
    place = rf"[{CAPITALS}][\wÀ-ỹ]*(?:\s+[{CAPITALS}][\wÀ-ỹ]*){{0,3}}"
    # "… các tỉnh, thành phố trực thuộc Trung ương: Hà Tĩnh, Quảng Trị …": what the units are, then the list
    tier = rf"(?:\s+(?:{alternation(c['unit_tiers'])}))?"
    bodies = re.compile(rf"(?<![\wÀ-ỹ])(?P<body>{alternation(c['bodies'])})\s+các\s+(?P<units>{units}){tier}\s*:?\s*(?=[{CAPITALS}])")
    # (after an opening adverbial's comma too: "Để tiếp tục …, thành phố Đà Nẵng cần tập trung …")
    opening = re.compile(rf"(?:^|(?<=[.;:,]\s))(?:(?:{alternation(c['moods'])})\s+)?(?=(?i:các\s+)?(?i:{unit})\s+{place})")
    # an item of the list: the place's name, perhaps after its level word ("… và các tỉnh Bắc Ninh")
    items = {False: re.compile(rf"({place})"), True: re.compile(rf"(?:(?i:các\s+)?(?i:{unit})\s+)?({place})")}
    # "Các tỉnh, thành phố: a) Ban hành …": every province the text speaks of, unnamed
    every = re.compile(rf"^(?:(?:{alternation(c['moods'])})\s+)?(?P<units>(?i:các)\s+{units})(?=\s*:|\s+[a-zà-ỹđ])")
    return _PlaceLists(bodies, opening, items, every)


def _listed_places(text: str, pos: int, unit_words: bool) -> tuple[list[places.Place], int]:
    """The provinces a list names from `pos` ("Khánh Hòa, Đắk Lắk và Gia Lai"; with
    `unit_words`, each perhaps after its level word: "Thành phố Hà Nội và các tỉnh Bắc Ninh"),
    and where the list ends. Only the national list's provinces count."""
    item = _place_list_regexes().items[unit_words]
    found: list[places.Place] = []
    end = pos
    while m := item.match(text, pos):
        words = m.group(1).split()
        named = next(((n, p) for n in range(len(words), 0, -1) if (p := places.province(" ".join(words[:n])))), None)
        if named is None:
            break
        found.append(named[1])
        end = m.start(1) + len(" ".join(words[: named[0]]))
        sep = re.match(r"\s*(?:,|và|;)\s*", text[end:])
        if not sep:
            break
        pos = end + sep.end()
    return found, end


def _bodies_of(body: str, provinces: list[places.Place]) -> str:
    """"Ủy ban nhân dân tỉnh Khánh Hòa, Ủy ban nhân dân thành phố Hồ Chí Minh": the body of each."""
    return ", ".join(f"{body} {'thành phố' if p.full_name.startswith('Thành phố') else 'tỉnh'} {p.name}" for p in provinces)


def _splice(text: str, spans: list[tuple[int, int, str]]) -> str:
    """The text with each (start, end) span, in order and apart, replaced by its words."""
    out: list[str] = []
    pos = 0
    for start, end, words in spans:
        out += [text[pos:start], words]
        pos = end
    return "".join(out) + text[pos:]


def name_listed_places(text: str, own_place: str | None = None) -> str:
    """"Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai" -> "Ủy ban nhân dân tỉnh Khánh
    Hòa, Ủy ban nhân dân tỉnh Đắk Lắk, Ủy ban nhân dân tỉnh Gia Lai"; a clause whose subject is
    provinces ("Các tỉnh Nghệ An, Quảng Ngãi khẩn trương …") is their People's Committees' — not
    the issuer's own province, which a provincial text names when it speaks of its own aims."""
    lists = _place_list_regexes()
    bodies, opening = lists.bodies, lists.opening
    unnamed = lists.every.match(text)
    rest = text[unnamed.end() :].lstrip() if unnamed else ""
    if unnamed and (rest.startswith(":") or predicate_regex().match(rest)):
        body = cues()["place_lists"]["body_of_place"]
        text = f"{text[: unnamed.start('units')]}{body} {unnamed.group('units')[:1].lower()}{unnamed.group('units')[1:]}{text[unnamed.end() :]}"
    spans: list[tuple[int, int, str]] = []
    for m in bodies.finditer(text):
        found, end = _listed_places(text, m.end(), unit_words=False)
        if found and not (spans and m.start() < spans[-1][1]):
            spans.append((m.start(), end, _bodies_of(m.group("body"), found)))
    text = _splice(text, spans)
    spans = []
    own = places.short_name(own_place or "")
    for m in opening.finditer(text):
        found, end = _listed_places(text, m.end(), unit_words=True)
        if found and not (spans and m.end() < spans[-1][1]) and predicate_regex().match(text[end:].lstrip()) and [p.name for p in found] != [own]:
            spans.append((m.end(), end, _bodies_of(cues()["place_lists"]["body_of_place"], found)))
    return _splice(text, spans)


def expand_enumerations(text: str, own_place: str | None = None) -> str:
    """"các Sở: Tài chính, Nông nghiệp và Môi trường, Xây dựng" -> "Sở Tài chính, Sở Nông nghiệp
    và Môi trường, Sở Xây dựng"; "Các Bộ: Công an, Quốc phòng" likewise. Members are cut at the
    commas, a comma inside a known name kept ("Văn hóa, Thể thao và Du lịch"). A title without
    its body is the body first (`name_bare_titles`)."""
    text = name_listed_places(name_bare_titles(text), own_place)
    if ":" not in text:
        return text
    # "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền": the communes named, not a label
    text = _UNITS_LISTED.sub(r"\1 ", text)

    def expand(m: re.Match[str]) -> str:
        if not (m.group(0)[:3].lower() == "các" or m.group("head")[:1].isupper()):
            return m.group(0)  # "… trợ cấp xã hội: Sau khi …": a word, not the head of a list
        head = m.group("head")
        head = head[:1].upper() + head[1:]
        items = [x.strip() for x in re.split(r"\s*,\s*", m.group("list")) if x.strip()]
        if not items or any(not x[:1].isupper() for x in items[:1]):
            return m.group(0)
        # the members are the capitalised items; the predicate the last one runs into may have
        # commas of its own ("Các Bộ: Tài chính, Y tế khẩn trương khắc phục …, hoàn thành …")
        # … and a person's title ends them ("Giám đốc các Sở: Nội vụ, Tài chính, | Thủ trưởng các
        # cơ quan …")
        after = next((i for i, x in enumerate(items) if not x[:1].isupper() or (i and _title_opener().match(x))), len(items))
        items, tail = items[:after], items[after:]
        names: list[str] = []
        k = 0
        while k < len(items):
            # the longest run of items that a known name holds together ("Văn hóa, Thể thao và Du
            # lịch"), the list's last item running on into the predicate ("… và Du lịch chủ động")
            for j in range(len(items), k, -1):
                joined = ", ".join(items[k:j])
                found = find_agencies(f"{head} {joined}")
                into_last = len(head) + 1 + len(", ".join(items[k : j - 1])) + 2
                if j == k + 1 or (found and found[0].known and found[0].start == 0 and found[0].end > into_last):
                    # an item that writes the head itself ("Các Bộ: Tài chính, Nội vụ, Bộ Y tế") is whole
                    whole = (m.group("mixed") or fold(joined).startswith(fold(head) + " ")) and j == k + 1 and _names_a_body(joined)
                    names.append(joined if whole else f"{head} {joined}")
                    k = j
                    break
        return ", ".join(names + tail)

    text = _semicolon_members().sub(lambda m: m.group(0).replace(";", ","), text)
    return _enumeration_regex().sub(expand, text)


@cache
def _title_opener() -> re.Pattern[str]:
    """A person's title opening a list's item (cues.yaml: title_openers)."""
    return re.compile(rf"(?i:{alternation(cues()['title_openers'])})(?![\wÀ-ỹ])")


@cache
def _semicolon_members() -> re.Pattern[str]:
    """"Giám đốc các Sở: Văn hóa, Thể thao và Du lịch; Nội vụ; Tài chính; Chủ tịch …": members
    parted by semicolons, each a short capitalised field that opens no title or head of its own."""
    c = cues()
    heads = alternation(c["enumerated_heads"])
    stops = alternation([*c["enumerated_heads"], *c["title_openers"], *_head_words()])
    member = rf"(?-i:[{_UPPER}])[\wÀ-ỹ]*(?:\s+[\wÀ-ỹ]+){{0,4}}"
    return re.compile(rf"(?<![\wÀ-ỹ])(?:các\s+)?(?:{heads})\s*:\s*[^;:]+?(?:;\s*(?!(?:{stops})(?![\wÀ-ỹ])){member}(?=\s*;))+", re.I)


def _names_a_body(member: str) -> bool:
    """"Tập đoàn Điện lực Việt Nam" in "các Bộ, cơ quan: …": a body's own name, not a field (a
    list of one kind names fields only: "Văn phòng: Tỉnh ủy, UBND tỉnh" are their offices)."""
    found = find_agencies(member)
    return bool(found) and found[0].start == 0 and (found[0].known or len(found[0].name.split()) > 2)


@dataclass(frozen=True)
class Collective:
    """One group a list of common nouns stands for (every one a `collective_group` mention)."""

    name: str
    level: str | None
    generic: bool


@dataclass(frozen=True)
class _CollectiveRules:
    heads: tuple[tuple[str, str, str, str | None], ...]  # (folded head, kind, name, reform date)
    generic: tuple[str, ...]
    catch_all: tuple[str, ...]
    levels: tuple[str, ...]
    needs: dict[str, frozenset[str]]  # a kind that counts only with one of these members
    not_fields: tuple[str, ...]  # folded words after a generic head that do not name a field
    qualifier: re.Pattern[str]  # a word that opens a qualifier ("thuộc", "trên", …)
    kind_names: tuple[str, ...]  # folded canonical names of the kinds ("các sở, ban, ngành")
    # the local kind's heads: the units a list names ("xã", "phường", "đặc khu", "thị trấn"), the
    # words for all of them ("địa phương", "chính quyền cơ sở"), and the units its name gives
    local_units: tuple[str, ...]
    local_wholes: tuple[str, ...]
    local_named: tuple[str, ...]
    definite: re.Pattern[str]  # a level that makes generic heads one tier ("cơ quan Trung ương")
    plural_only: frozenset[str]  # kinds a group is only with "các" before it ("các thôn, xóm")
    as_listed: frozenset[str]  # kinds named by the members the text lists ("Các thôn, xóm")


def is_catch_all(mention: AgencyMention) -> bool:
    """"Các cơ quan, đơn vị có liên quan": a group named only by a qualifier, nobody in particular
    ("các cơ quan chức năng"; but "cơ quan có chức năng quản lý đất đai" is named by its field)."""
    if not mention.generic:
        return False
    name = fold(mention.name)
    return any(
        not _field_preposition_at().match(name, m.start())
        for q in _collective_rules().catch_all
        for m in re.finditer(rf"(?:(?<=\s)có\s+)?(?<![\wÀ-ỹ]){re.escape(q)}(?![\wÀ-ỹ])", name)
    )


@cache
def _field_preposition_at() -> re.Pattern[str]:
    """A field preposition and the field's first word (cues.yaml: clause_words.field_prepositions)."""
    return re.compile(rf"(?:{alternation(cues()['clause_words']['field_prepositions'])})\s+[a-zà-ỹđ]")


@cache
def _collective_rules() -> _CollectiveRules:
    c = cues()["collectives"]
    heads = sorted(
        ((fold(h), k["kind"], k["name"], k.get("after")) for k in c["kinds"] for h in k["heads"]),
        key=lambda t: len(t[0]),
        reverse=True,
    )
    return _CollectiveRules(
        tuple(heads),
        tuple(sorted((fold(g) for g in c["generic"]), key=len, reverse=True)),
        tuple(sorted((fold(g) for g in c["catch_all"]), key=len, reverse=True)),
        tuple(sorted(c["levels"], key=len, reverse=True)),
        {k["kind"]: frozenset(fold(n) for n in k["needs"]) for k in c["kinds"] if k.get("needs")},
        tuple(fold(w) for w in [*c["catch_all"], *c["levels"], *c["vague_fields"]]),
        re.compile(r"(?:" + "|".join(re.escape(fold(w)) for w in sorted(c["qualifier_words"], key=len, reverse=True)) + r")(?![\wÀ-ỹ])"),
        tuple(fold(k["name"]) for k in c["kinds"]),
        *_local_heads(c["kinds"]),
        re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(fold(w) for w in c['definite_levels'])})(?![\wÀ-ỹ])"),
        frozenset(k["kind"] for k in c["kinds"] if k.get("plural_only")),
        frozenset(k["kind"] for k in c["kinds"] if k.get("as_listed")),
    )


def _local_heads(kinds: list[dict]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    local = next(k for k in kinds if k["kind"] == "local")
    units = tuple(fold(h) for h in local["heads"] if h in level_words("commune"))
    wholes = tuple(fold(h) for h in local["heads"] if h not in level_words("commune"))
    named = tuple(u for u in units if re.search(rf"(?<![\wÀ-ỹ]){re.escape(u)}(?![\wÀ-ỹ])", fold(local["name"])))
    return units, wholes, named


def _kind_given_rest(kind: str, rest: str, rules: _CollectiveRules) -> str:
    """Words after a ministry head make one body's name ("Bộ tư lệnh Vùng Cảnh sát biển 3"), and
    after "vụ" a word ("các vụ việc"), not the ministries or their divisions."""
    if kind == "ministries" and rest:
        return "other"
    if kind == "ministry_units" and rest and not rules.qualifier.match(fold(rest)):
        return "other"
    return kind


def _head_of(token: str) -> tuple[str, str | None, str | None, str, str]:
    """(kind, canonical name, reform date, the words after the head, the head) of a member."""
    rules = _collective_rules()
    heads, generic = rules.heads, rules.generic
    low = fold(token)
    for head, kind, name, after in heads:
        if low == head or low.startswith(head + " "):
            return kind, name, after, token[len(head) :].strip(), head
    for g in generic:
        if low == g or low.startswith(g + " "):
            return "generic", None, None, token[len(g) :].strip(), g
    return "other", None, None, token, low


def _names_a_field(rest: str) -> bool:
    """Words after a generic head that name a field of work, not a vague qualifier
    ("có liên quan", "chức năng", "cấp tỉnh", "thuộc UBND tỉnh", "trên địa bàn")."""
    low = fold(rest)
    if not low or not low[:1].isalpha():
        return False
    rules = _collective_rules()
    if any(low == v or low.startswith(v + " ") for v in rules.not_fields):
        return False
    return not rules.qualifier.match(low)


def _field_named(rest: str) -> bool:
    """A head's words name its field after a field preposition ("chuyên môn về | xây dựng",
    "quản lý nhà nước về | điện lực"; cues.yaml: clause_words.field_prepositions), an owner
    after it aside ("… về nông nghiệp và phát triển nông thôn | thuộc Ủy ban nhân dân cấp tỉnh")."""
    low = fold(re.split(rf"\s+(?:{_owner_word().pattern})\s+(?=[{CAPITALS}])", rest, maxsplit=1)[0])
    field = _field_after_head().match(low)
    if field is None:
        return False
    # the preposition's own words aside ("có chức năng"): a qualifier elsewhere describes the body
    return not _collective_rules().qualifier.search(low[: field.start("prep")] + " " + low[field.end("prep") :])


def _capitalised_field(rest: str) -> bool:
    """A head's words are a field written in capitals, perhaps where ("cơ quan | Kiểm lâm trên
    địa bàn", "cơ quan | Thuế"): the service of that name, not a qualifier."""
    where = place_qualifier_regex().search(" " + rest)
    words = (rest[: where.start()] if where else rest).split()
    return 0 < len(words) <= 4 and words[0][:1].isupper() and all(w.isalpha() for w in words)


def _service_named(rest: str) -> bool:
    """A head's words name the service it provides ("cung cấp dịch vụ công nghệ thông tin";
    cues.yaml: clause_words.service_nouns), close to the head."""
    return bool(_service_after_head().match(fold(rest)))


@cache
def _service_after_head() -> re.Pattern[str]:
    return re.compile(rf"(?:\S+\s+){{0,2}}(?:{alternation(cues()['clause_words']['service_nouns'])})\s+[a-zà-ỹđ]")


@cache
def _field_after_head() -> re.Pattern[str]:
    # close to the head: "đơn vị vũ trang nhân dân bị thiệt hại về tài sản" describes, names no field
    preps = alternation(cues()["clause_words"]["field_prepositions"])
    return re.compile(rf"(?:\S+\s+){{0,4}}(?P<prep>{preps})\s+[a-zà-ỹđ]")


@cache
def _catch_all_tails() -> tuple[re.Pattern[str], ...]:
    """Each catch-all qualifier at a text's end, in the order of the rules (the first wins)."""
    return tuple(re.compile(rf"\s+{re.escape(q)}(?:\s+khác)?\s*$") for q in _collective_rules().catch_all)


def _strip_catch_all(text: str) -> tuple[str, bool]:
    """"các ngành liên quan" -> ("các ngành", True): a trailing catch-all qualifier cut off."""
    low = fold(text)
    for tail in _catch_all_tails():
        m = tail.search(low)
        if m:
            return text[: m.start()].strip(), True
    return text, False


@cache
def _quantifier_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    q = cues()["quantifiers"]
    plural = "|".join(map(re.escape, q["plural"]))
    whole = "|".join(map(re.escape, q["whole"]))
    return (
        re.compile(rf"^\s*(?:{plural})\s+", re.I),
        re.compile(rf"^\s*(?:(?:{whole})(?:\s+(?:{plural}))?|{plural})\s+", re.I),
    )


def is_plural(text: str, whole: bool = False) -> bool:
    """Does the phrase open with "các" or "những" (every body of a kind), or with `whole`
    also "toàn thể", "tất cả"?"""
    return bool(_quantifier_res()[1 if whole else 0].match(text))


def strip_plural(text: str, whole: bool = False) -> str:
    """The phrase without its opening "các"/"những" (and, with `whole`, "toàn thể", "tất cả (các)")."""
    return _quantifier_res()[1 if whole else 0].sub("", text, count=1)


@cache
def _head_noun_regex() -> re.Pattern[str]:
    heads = alternation(cues()["agency_heads"])
    return re.compile(r"^(?:" + heads + r")(?![\wÀ-ỹ])", re.I)


def _without_head(group: str) -> str:
    """A group's words after its head noun ("viện nghiên cứu": "nghiên cứu" is no verb here)."""
    return _head_noun_regex().sub("", strip_plural(group.strip(), whole=True), count=1)


def collective_members(piece: str, lexicon: Lexicon) -> list[Collective]:
    """`các sở, ngành, địa phương có liên quan` -> Các sở, ban ngành + Ủy ban nhân dân các xã, phường.

    Members of one kind merge into that kind's canonical name (cues.yaml: collectives), with
    the level the text gives; generic members are dropped beside specific ones; a list of
    generic members only, or one qualified as a catch-all, is one generic mention.
    """
    rules = _collective_rules()
    text = _strip_edges(re.sub(r"\s+", " ", piece))
    titled = _titled_groups(text)
    if titled:
        return [c for g in titled for c in collective_members(g, lexicon)]
    groups = _second_groups(text)
    if groups:
        # "… và các doanh nghiệp, hợp tác xã có liên quan": a group the text qualifies as a
        # catch-all names nobody in particular, whatever kinds it lists
        return [
            c
            for g in groups
            for c in ([Collective(_plain_group(g), None, True)] if _strip_catch_all(g)[1] else collective_members("các " + strip_plural(g), lexicon))
        ]
    text = strip_plural(text, whole=True)
    text = re.sub(r"[\s,]+(?:và|hoặc|cùng)$", "", text, flags=re.I)
    text, catch_all = _strip_catch_all(text)
    owned = None if catch_all else _owned_by_a_body(text, lexicon.own_unit)
    if owned:
        return [Collective(owned, None, False)]
    text, level = _trailing_level(text, rules.levels)
    whole = _list_heads().get(fold(text))
    if whole is not None and fold(whole) != "các " + fold(text):
        # "cơ quan, ban, ngành thành phố": a kind's head that is a list itself, the kind's group
        # (read again as its canonical name, which is none of these heads: no second turn)
        return collective_members(f"{whole} {level or ''}", lexicon)
    tokens = _member_tokens(text)
    # "các trường phổ thông, trường dự bị đại học, tổ chức, đơn vị và cá nhân liên quan": the
    # qualifier closes the generic members at the end, not the bodies named before them
    if not catch_all and _public_members(tokens):
        return [Collective(_plain_group(piece), None, True)]  # the public: nobody in particular
    tail_qualified = catch_all and _generic_tail(tokens)
    catch_all = catch_all and not tail_qualified
    if any(public_regex().fullmatch(t) for t in tokens):
        return []  # "người dân, doanh nghiệp tra cứu …": the public the text addresses, no body
    members = _sort_members(tokens, catch_all, rules, lexicon)
    if not is_plural(piece):
        # "ở thôn, tổ dân phố", "xã, thôn (ấp)": the place of a thing, not the villages addressed
        members.order = [k for k in members.order if k not in rules.plural_only]
    vague = _vague_group(piece, tokens, members, level, tail_qualified)
    if vague is not None and vague.generic and not members.catch_all and not members.order and not members.others and level and rules.definite.fullmatch(fold(level)):
        # "(các) cơ quan Trung ương": the central bodies, every one of them
        name = vague.name if fold(vague.name).startswith("các ") else "Các " + vague.name[:1].lower() + vague.name[1:]
        vague = Collective(name, vague.level, False)
    if vague is not None:
        return [vague]
    _keep_needed_kinds(members, rules, lexicon)
    return _named_groups(piece, tokens, members, level, lexicon)


def _generic_tail(tokens: list[str]) -> bool:
    """A list that names bodies first and ends with two or more generic heads."""
    generic = [_head_of(t)[0] == "generic" for t in tokens]
    tail = next((i for i, g in enumerate(reversed(generic)) if not g), len(generic))
    return 2 <= tail < len(generic) and not generic[0]


@cache
def public_persons_regex() -> re.Pattern[str]:
    """A list member that is persons ("cá nhân …"; cues.yaml: public_persons)."""
    return re.compile(rf"(?:{alternation(cues()['public_persons'])})(?![\wÀ-ỹ])", re.I)


def _public_members(tokens: list[str]) -> bool:
    """"các tổ chức, cá nhân sử dụng điện": organisations and persons alike, the public."""
    return len(tokens) > 1 and any(public_persons_regex().match(t) for t in tokens[1:])


def without_the_public(phrase: str) -> str:
    """"các tổ chức hành nghề công chứng | và cá nhân có liên quan": a body, without the persons
    after it."""
    return re.split(rf"\s+(?:{_conjunction_words()})\s+(?={public_persons_regex().pattern})", phrase, maxsplit=1, flags=re.I)[0]


@cache
def _conjunction_words() -> str:
    return alternation(cues()["clause_words"]["conjunctions"])


def names_the_public(phrase: str) -> bool:
    """A phrase that lists organisations and persons alike (`_public_members`), its members parted
    by commas and conjunctions ("bộ phận/cá nhân chuyên trách" is one member: a unit or its officer)."""
    return _public_members(re.split(rf",\s*|\s+(?:{_conjunction_words()})\s+", strip_plural(phrase.strip(), whole=True)))


@cache
def public_regex() -> re.Pattern[str]:
    """The public named as a member of a list ("người dân, doanh nghiệp …"): the list addresses
    them, no body (cues.yaml: public_nouns)."""
    return re.compile(rf"(?:{alternation(cues()['public_nouns'])})(?![\wÀ-ỹ])", re.I)


@cache
def _owner_word() -> re.Pattern[str]:
    """"trực thuộc", "thuộc", "của" (cues.yaml: owner_words): what makes a body the owner of a group."""
    return re.compile(f"(?:{alternation(cues()['owner_words'])})")


def _owned_by_a_body(text: str, own_unit: str | None = None) -> str | None:
    """"các cơ quan, đơn vị (trực) thuộc UBND tỉnh": generic heads owned by a body the gazetteer
    knows are every unit of that body, a definite group, named with the owner's full name; "…
    thuộc Bộ" in a ministry's text, by the word its units name it with (`own_unit`); the owner
    words may be two ("các đơn vị thuộc, trực thuộc Bộ Nội vụ")."""
    owner = _owner_word().pattern
    m = re.match(rf"^(?P<heads>.+?)\s+(?P<owner>{owner}(?:\s*,\s*{owner})?)\s+(?P<body>.+)$", text)
    if m is None:
        return None
    tokens = _member_tokens(m.group("heads"))
    # generic heads, bare or of a kind ("cơ quan chuyên môn", "đơn vị sự nghiệp công lập"), no verb
    # (a catch-all among them names nobody in particular: "các đơn vị có liên quan thuộc Bộ …",
    # "các cơ quan chức năng của Bộ …")
    if not tokens or any(_head_of(t)[0] != "generic" or len(t.split()) > 6 or predicate_regex().search(t) or _strip_catch_all(t)[1] for t in tokens):
        return None
    body = m.group("body").rstrip(" .,;")
    # a place owns the units under it ("các đơn vị trực thuộc thành phố Hà Nội"); "cơ quan của
    # Thành phố gửi thông báo …" is whichever body of the city, no group
    place = _owning_place(body) if m.group("owner") != "của" else None
    if place:
        return f"{_plain_group(m.group('heads'))} {m.group('owner')} {place}"
    if own_unit and fold(body) == fold(own_unit):
        return f"{_plain_group(m.group('heads'))} {m.group('owner')} {own_unit}"
    # a body the gazetteer knows, or one its families name whole ("các đơn vị thuộc Cục Thuế") —
    # one body: "các cơ quan chuyên môn thuộc các bộ, ngành Trung ương" names no group of its own
    if is_plural(body):
        return None
    found = find_agencies(body)
    if len(found) != 1 or found[0].kind == "collective_group" or found[0].start or found[0].end < len(body):
        return None
    return f"{_plain_group(m.group('heads'))} {m.group('owner')} {found[0].name}"


def _owning_place(text: str) -> str | None:
    """"(các đơn vị trực thuộc) thành phố Hà Nội": a place whose government owns the units, its
    level without its name. ("thuộc phạm vi quản lý của tỉnh" is no owner: everyone in the
    province's reach, nobody in particular.)"""
    level = _suffix_regex().match(" " + text)
    return level.group("level") if level is not None and level.end() == len(text) + 1 else None


@cache
def _list_heads() -> dict[str, str]:
    """A kind's heads that are lists themselves ("cơ quan, ban, ngành"), folded, to the kind's name."""
    return {head: name for head, _, name, _ in _collective_rules().heads if "," in head}


def _titled_groups(text: str) -> list[str] | None:
    """"Các bộ, Các cơ quan ngang bộ, cơ quan có liên quan" (`name_bare_titles` wrote each head's
    title as its tier): a list whose members are written "Các …" and whose last member is only a
    generic head with a catch-all — that catch-all qualifies itself, not the tiers before it. The
    first member alone is such a tier only when a head's title opens what follows ("Các bộ, Thủ
    trưởng các cơ quan có liên quan"; "Các sở, ngành liên quan" is one group)."""
    members = re.split(r",\s+", text)
    last = max((i for i, m in enumerate(members) if m.startswith("Các ")), default=-1)
    rest = ", ".join(members[last + 1 :])
    if last < 0 or not rest or (not last and not _title_regex().match(rest)):
        return None
    core, catch_all = _strip_catch_all(rest)
    if not catch_all or not all(fold(t) in _collective_rules().generic for t in _member_tokens(core)):
        return None
    return [", ".join(members[: last + 1]), rest]


def _second_groups(text: str) -> list[str] | None:
    """"các trường đại học, cao đẳng, các viện nghiên cứu": a second "các" opens a second group."""
    groups = re.split(r"\s*(?:,|\s+và|\s+hoặc)\s+(?=(?:[Cc]ác|[Nn]hững)\s)", strip_plural(text, whole=True))
    # (a catch-all after "và các" is its own group however long the group before it)
    short = all(len(_group_words(g).split()) <= 6 for g in groups) or (len(groups) == 2 and _strip_catch_all(groups[-1])[1])
    verbs = any(predicate_regex().search(_without_head(m)) for g in groups for m in _group_words(g).split(","))
    if len(groups) > 1 and short and not verbs and not any(re.search(r"(?:có\s+)?liên quan\s*$", g) for g in groups[:-1]):
        return groups
    return None


def _group_words(group: str) -> str:
    """A group's own words: without a catch-all ("… cá nhân có liên quan"), an owner ("… thuộc
    phạm vi quản lý của tỉnh") or where it is ("… trên địa bàn tỉnh")."""
    core = _strip_catch_all(group)[0]
    core = re.split(rf"(?<![\wÀ-ỹ])(?:{_owner_word().pattern})\s", core, maxsplit=1)[0]
    where = place_qualifier_regex().search(core)
    return core[: where.start()] if where else core


_OWNER_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:trực thuộc|thuộc|của|trong)\s+\S")


@lru_cache(maxsize=64)
def _level_tails(levels: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Each level at a text's end, in the order given (the first wins)."""
    return tuple(re.compile(rf"(?<![\wÀ-ỹ])({re.escape(lv)})\s*$", re.I) for lv in levels)


def _trailing_level(text: str, levels: tuple[str, ...]) -> tuple[str, str | None]:
    """The level a list ends with ("… cấp tỉnh", "… của tỉnh"), cut off; none after an owner."""
    # "đơn vị sự nghiệp thuộc Ủy ban nhân dân huyện": an owner qualifier, kept as written — not
    # the owner word of the level itself ("các cơ quan thông tin truyền thông | của tỉnh")
    owner = _OWNER_BEFORE.search(text)
    for m in (tail.search(text) for tail in _level_tails(levels)):
        if m and m.start() > 0 and (owner is None or owner.start() >= m.start()):
            return text[: m.start()].strip(" ,"), re.sub(rf"^(?:{_owner_word().pattern})\s+", "", m.group(1), flags=re.I)
    return text, None


def _member_tokens(text: str) -> list[str]:
    """The members of a list, titles and plurals off; a member with no head of its own goes on
    the one before it ("doanh nghiệp sản xuất, chế biến và xuất khẩu")."""
    pieces = re.split(r"(\s*,\s*|(?:^|\s+)và(?:\s+|$)|(?:^|\s+)hoặc(?:\s+|$)|\s*/\s*)", text)
    tokens: list[str] = []
    for k in range(0, len(pieces), 2):
        tok = strip_plural(_title_regex().sub("", pieces[k]).strip())
        if not tok or fold(tok) in ("và", "hoặc", "cùng", "với"):
            continue
        # ... but the public is a member of its own ("Doanh nghiệp, hộ kinh doanh")
        if tokens and _head_of(tok)[0] == "other" and not looks_like_agency(tok) and tok[:1].islower() and not public_regex().match(tok):
            tokens[-1] = tokens[-1] + pieces[k - 1] + tok
            continue
        tokens.append(tok)
    return tokens


@dataclass
class _Members:
    """A list's members sorted: canonical groups by kind (in the text's order), the others as
    written, how many generic heads, and whether the list is qualified as a catch-all."""

    catch_all: bool
    kinds: dict[str, list[str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    generics: int = 0
    tiers: int = 0  # generic heads a level makes one tier of bodies ("cơ quan Trung ương")
    owned: list[str] = field(default_factory=list)  # generic heads a known body owns, named


@cache
def provision_tail() -> re.Pattern[str]:
    """Where a body's name ends before the provision it points to ("Doanh nghiệp thực hiện dự án
    casino | quy định tại Điều 3", "Các cơ quan, đơn vị | quy định tại Điều 2 Quy chế này" — a
    term the text defines): which body, not its name (cues.yaml: described_body_tails)."""
    return re.compile(rf"\s+(?:{alternation(cues()['described_body_tails'])})(?![\wÀ-ỹ])", re.I)


def _opens_with_place_level(text: str) -> bool:
    """"Thành phố Hồ Chí Minh", "Tỉnh Nghệ An": a province's or city's level word, then its name."""
    return re.match(rf"(?i:{alternation(level_words('province', 'city'))})\s+[{CAPITALS}]", text) is not None


def _sort_members(tokens: list[str], catch_all: bool, rules: _CollectiveRules, lexicon: Lexicon) -> _Members:
    out = _Members(catch_all)
    kinds, names = out.kinds, out.names
    reform = lexicon.reform
    for tok in tokens:
        if not_agencies_regex().match(fold(tok)):
            continue  # "Xã hội hóa", "bộ máy": a head word in a compound that names no body
        # "các ngành liên quan, đơn vị, địa phương": a member qualified as a catch-all
        tok, qualified = _strip_catch_all(tok)
        out.catch_all = out.catch_all or qualified
        kind, name, after, rest, head = _head_of(tok)
        words = tok.split()
        if kind in ("departments", "local") and len(words) > 1 and words[1][:1].isupper() and not _opens_with_place_level(rest):
            # "Ban Thường trực", "Ban Chỉ đạo": a proper name, not "các ban" — but "ngành Thành
            # phố Hồ Chí Minh" is the city's, its level word capitalised
            kind = "other"
        if kind == "generic" and not qualified and _names_a_tier(tok, rules):
            # "…, các cơ quan Trung ương trên địa bàn tỉnh": a tier, named as every body of it
            out.others.append(tok[:1].lower() + tok[1:])
            out.tiers += 1
            continue
        owned = _owned_by_a_body(tok, lexicon.own_unit) if kind == "generic" and not qualified else None
        if owned:
            out.owned.append(owned)  # "…, cơ quan thuộc Chính phủ": every unit of a known body
            continue
        if kind == "generic":
            out.generics += 1
            continue
        if kind in rules.needs and head not in rules.needs[kind] and _names_a_field(rest):
            kind = "other"  # "Ban biên tập", "Ban quản lý dự án": a board's own name, not "các ban"
        kind = _kind_given_rest(kind, rest, rules)
        if kind == "local" and after and head in rules.local_wholes and (
            lexicon.national or not (reform and lexicon.own_level in ("tỉnh", "thành phố", None))
        ):
            # "địa phương" means the communes and wards in a province's text after the 2025
            # reform; before it, in a commune's own text or a national one, it is kept as written
            kind, name = "other", None
        if kind == "other" or name is None:  # a head with no canonical name is no group
            if looks_like_agency(tok):
                out.others.append(tok)
            continue
        if kind == "enterprises" and rest and kind in names and names[kind] not in (name, f"{name} {rest}"):
            # "các doanh nghiệp viễn thông, doanh nghiệp bưu chính": two groups of enterprises
            kind = f"enterprises:{rest}"
        if kind not in kinds:
            out.order.append(kind)
            kinds[kind] = []
        kinds[kind].append(head if kind != "local" else fold(tok))
        names[kind] = name
        if kind.startswith("enterprises") and rest:
            names[kind] = f"{name} {rest}"
    if "departments" in kinds:
        # "các sở, ban, ngành, đơn vị trực thuộc UBND tỉnh": the departments' group, as the keys
        # count it, takes in the units beside them
        out.generics += len(out.owned)
        out.owned = []
    return out


def _names_a_tier(token: str, rules: _CollectiveRules) -> bool:
    """"cơ quan Trung ương", "cơ quan, đơn vị Trung ương đóng trên địa bàn tỉnh": generic heads,
    a level that makes them one tier of the state, perhaps where they are; nothing else."""
    head = next((g for g in rules.generic if fold(token).startswith(g + " ")), None)
    if head is None:
        return False
    rest = token[len(head) :]
    level = rules.definite.match(fold(rest).lstrip())
    if level is None:
        return False
    rest = rest.lstrip()[level.end() :]
    where = place_qualifier_regex().match(rest)
    return not rest.strip() or (where is not None and not rest[where.end() :].strip())


def _vague_group(piece: str, tokens: list[str], m: _Members, level: str | None, tail_qualified: bool = False) -> Collective | None:
    """The list as one group of the text's own words, when its generic heads make it one (not
    when they are a catch-all tail after named bodies: `tail_qualified`). Its level is written bare
    as a kind's is ("các cơ quan thông tin truyền thông của tỉnh" -> "… truyền thông tỉnh")."""
    order, others, generics, catch_all = m.order, m.others, m.generics, m.catch_all
    if level and not catch_all:
        piece = re.sub(rf"(?<![\wÀ-ỹ])(?:{_owner_word().pattern})\s+({re.escape(level)})\s*$", r"\1", piece.rstrip(" ,;.:"), flags=re.I)
    if len(tokens) == 1 and generics == 1 and not catch_all and (_field_named(_head_of(tokens[0])[3]) or _service_named(_head_of(tokens[0])[3]) or _capitalised_field(_head_of(tokens[0])[3])):
        # "Cơ quan chuyên môn về xây dựng", "cơ quan Kiểm lâm": the body of that field, one or
        # every one as written; "đơn vị cung cấp dịch vụ công nghệ thông tin": the body that
        # provides the service
        name = piece.strip(" ,;.:")
        return Collective(_plain_group(name) if is_plural(name) else canonical_generic(name[:1].upper() + name[1:]), level, False)
    if is_plural(piece) and len(tokens) == 1 and generics == 1 and not catch_all and _names_a_field(_head_of(tokens[0])[3]):
        # "các đơn vị điện lực", "các tổ chức tín dụng": a field makes the group definite
        return Collective(_plain_group(piece), level, False)
    if catch_all and generics and (order or others) and not _list_joiner().search(piece):
        # "các Bộ, cơ quan liên quan", "các sở, ngành, đơn vị có liên quan": named kinds listed
        # with a generic head under one catch-all are "whichever bodies are concerned", not
        # every ministry or department; "các sở, ngành liên quan" (no generic head) still is,
        # and so are the bodies before "… và đơn vị có liên quan" (the catch-all its own member)
        return Collective(_plain_group(piece), level, True)
    if not order and not others and generics:
        if catch_all or len(tokens) == generics:
            return Collective(_plain_group(piece), level, True)
    if generics >= 2 and set(order) <= {k for k in order if k.startswith("enterprises")} and not others:
        # "Doanh nghiệp, cộng đồng, tổ chức, cá nhân": everyone who may help, nobody in particular
        return Collective(_plain_group(piece), level, True)
    if generics and tokens and _head_of(tokens[0])[0] == "generic":
        # "các cơ quan, đơn vị liên quan và địa phương": a list that opens with a generic head
        # is the text's own vague group, whatever it adds
        return Collective(_plain_group(piece), level, True)
    if generics and not catch_all and ((others and not tail_qualified) or (tokens and _head_of(tokens[0])[0] == "generic" and order)):
        # "Các cơ quan, đơn vị, địa phương, doanh nghiệp": the text's own grouping, vague
        return Collective(_plain_group(piece), level, True)
    return None


def _keep_needed_kinds(m: _Members, rules: _CollectiveRules, lexicon: Lexicon) -> None:
    """A kind stands as a canonical group only with the members it needs ("các sở", not "các
    phòng, ban"); otherwise its members stand as written."""
    for kind, needs in rules.needs.items():
        if kind == "departments" and kind in m.kinds:
            if "ministries" in m.kinds and m.kinds[kind] == ["ngành"]:
                continue  # "các Bộ, ngành liên quan": the central sectors beside the ministries
            provincial = lexicon.own_level in ("tỉnh", "thành phố")
            has = {t for t in m.kinds[kind]}
            lower_units = any(fold(o).startswith("phòng") for o in m.others)
            if lower_units or not (has & {"sở", "sở ngành", "sở, ban, ngành", "sở, ban ngành", "sở ban ngành"} or (provincial and has & needs)):
                m.others += m.kinds.pop(kind)
                m.order.remove(kind)
            continue
        if kind in m.kinds and not any(t in needs for t in m.kinds[kind]):
            # "các phòng, ban": not the departments; the members stand as written
            m.others += m.kinds.pop(kind)
            m.order.remove(kind)


def _named_groups(piece: str, tokens: list[str], m: _Members, level: str | None, lexicon: Lexicon) -> list[Collective]:
    """The canonical groups of the list's kinds, with its level, and the others as written."""
    kinds, names, order, others, catch_all = m.kinds, m.names, m.order, m.others, m.catch_all
    if others and not order and tokens and _head_of(tokens[0])[0] == "other" and len(others) > 1 and not any(o[:1].isupper() and len(o.split()) > 2 for o in others) and not _one_head_two_fields(others):
        # "các phòng, ban, trung tâm": common nouns of one group; proper names stand apart
        return [Collective(_plain_group(piece), level, catch_all)]
    out: list[Collective] = []
    if "ministries" in kinds:
        # "các bộ, ngành Trung ương": the sectors beside the ministries are the central ones
        if kinds.get("departments") == ["ngành"]:
            order.remove("departments")
            kinds["ministries"] += kinds.pop("departments")
        names["ministries"] = "Các " + ", ".join(dict.fromkeys(kinds["ministries"]))
    if "departments" in kinds and "mass_organisations" in kinds:
        order.remove("mass_organisations")
        names["departments"] = names["departments"] + ", đoàn thể"
    for kind in order:
        out.append(Collective(_kind_name(kind, names[kind], kinds[kind], level, lexicon), level, False))
    out += [Collective(name, level, False) for name in m.owned]
    proper = [o for o in others if o[:1].isupper() and len(o.split()) > 2]
    common = [o for o in others if o not in proper]
    for name in proper:
        name = canonical_generic(name)
        if is_plural(piece.strip(), whole=True) and len(tokens) == 1:
            # "các Ngân hàng thương mại": every body of a kind the text capitalises
            name = "Các " + name[:1].lower() + name[1:]
        out.append(Collective(name, level, False))
    if _one_head_two_fields(common):
        # "các cơ sở giáo dục đại học công lập, cơ sở giáo dục nghề nghiệp": one noun repeated
        # with a field of its own each time names as many groups
        return out + [Collective(canonical_generic(f"các {o}" + (f" {level}" if level else "")), level, catch_all and not order) for o in common]
    if common:
        group = ", ".join(common)
        plural = len(common) > 1 or m.tiers > 0 or is_plural(piece.strip(), whole=True)
        name = canonical_generic(("các " + group if plural and not group[:1].isupper() else group) + (f" {level}" if level else ""))
        out.append(Collective(name, level, catch_all and not order))
    return out


def _one_head_two_fields(members: list[str]) -> bool:
    """Members that repeat their first words and add two or more of their own each."""
    if len(members) < 2:
        return False
    split = [m.split() for m in members]
    shared = 0
    while all(len(w) > shared and w[shared].lower() == split[0][shared].lower() for w in split):
        shared += 1
    return shared > 0 and all(len(w) - shared >= 2 for w in split)


def _kind_name(kind: str, name: str, members: list[str], level: str | None, lexicon: Lexicon) -> str:
    """A kind's canonical group name with its level: a province's departments carry the level
    the text leaves implied; the local committees name the units the text lists."""
    if kind == "departments" and not level and lexicon.own_level in ("tỉnh", "thành phố"):
        name = f"{name} {lexicon.own_level}"
    if kind in _collective_rules().as_listed:
        # "các thôn, xóm", "các ấp": the units the text lists, as it lists them
        name = "Các " + ", ".join(dict.fromkeys(members))
    if kind == "local":
        rules = _collective_rules()
        parts = [p for p in rules.local_units if any(p in t for t in members)]
        if any(t in rules.local_wholes for t in members) or not parts:
            parts = sorted(set(parts) | set(rules.local_named), key=rules.local_units.index)
        name = "Ủy ban nhân dân các " + ", ".join(parts)
    return f"{name} {level}" if level and kind != "local" else name


def _plain_group(piece: str) -> str:
    name = canonical_generic(re.sub(r"^(?:tất cả|toàn thể)\s+(?:các\s+)?", "", piece.strip(), flags=re.I))
    return name if fold(name).startswith(("các ", "những ")) else "Các " + name[:1].lower() + name[1:]


def _share_level(mentions: list[AgencyMention], phrase: str) -> list[AgencyMention]:
    """"Cấp ủy đảng, chính quyền cấp xã", "Thường trực Hội đồng nhân dân, các Ban của Hội đồng
    nhân dân … Thành phố": the last member's level (and place) applies to the bare ones — within
    the part a semicolon closes ("Giao Thường trực HĐND Thành phố; các Ban của HĐND … và các Tổ
    đại biểu, đại biểu HĐND Thành phố")."""
    parts: dict[int, list[AgencyMention]] = {}
    for m in mentions:
        parts.setdefault(phrase.count(";", 0, m.start), []).append(m)
    return [m for part in parts.values() for m in _share_level_in(part, phrase)]


def _share_level_in(mentions: list[AgencyMention], phrase: str) -> list[AgencyMention]:
    """`_share_level` within one part of the list (`phrase` still the whole list: the offsets)."""
    if len(mentions) < 2:
        return mentions
    if not mentions[-1].level:
        return _share_with_next(mentions, phrase)
    if _names_units(mentions[-1].level):
        return mentions  # a list of units ("các xã, phường") names whose committee, not a level
    # "Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội ở trung ương, Chủ tịch ủy ban nhân
    # dân cấp tỉnh": a member placed by its own words closes what went before it
    placed = max((i + 1 for i, m in enumerate(mentions[:-1]) if place_qualifier_regex().search(m.surface)), default=0)
    # … and a body of its own between closes the run ("Văn phòng đăng ký đất đai, Chi nhánh Văn
    # phòng đăng ký đất đai, Ủy ban nhân dân cấp xã": the land office is not the communes')
    run = len(mentions) - 1
    while run > placed and _bare_levelled(mentions[run - 1]):
        run -= 1
    # … and its place: "Hội đồng nhân dân, Ủy ban nhân dân tỉnh Đồng Tháp"
    return mentions[:run] + [_at_level(m, mentions[-1]) for m in mentions[run:-1]] + [mentions[-1]]


def _share_with_next(mentions: list[AgencyMention], phrase: str) -> list[AgencyMention]:
    """"Hội đồng nhân dân, Ủy ban nhân dân tỉnh Đồng Tháp, …": a bare levelled body right before
    another that names its level and place shares them, though the list goes on."""
    out = list(mentions)
    for i, (m, nxt) in enumerate(zip(mentions, mentions[1:])):
        joined = re.fullmatch(r"\s*(?:,|và)\s*", phrase[m.end : nxt.start])
        if joined and _bare_levelled(m) and nxt.known and nxt.level and not _names_units(nxt.level):
            out[i] = _at_level(m, nxt)
    return out


def _names_units(level: str) -> bool:
    """"các xã, phường", "xã, phường": units, not a level a bare body could share ("các cấp" is one)."""
    return "," in level or (level.startswith("các ") and level != "các cấp")


def _bare_levelled(m: AgencyMention) -> bool:
    """A body the gazetteer names with a level ("Hội đồng nhân dân"), written here without one."""
    entry = gazetteer().lookup(m.surface) if m.known and m.level is None else None
    return entry is not None and entry.levelled


def _at_level(m: AgencyMention, source: AgencyMention) -> AgencyMention:
    """`m` at the level of `source`, and in its place unless `m` names its own."""
    return AgencyMention(f"{m.name} {source.level}", m.kind, m.surface, m.start, m.end, source.level, m.place or source.place, m.known, m.generic, m.entry)


def _resolve_levels(mentions: list[AgencyMention], lexicon: Lexicon) -> list[AgencyMention]:
    out = []
    for m in mentions:
        name, level = m.name, m.level
        # (a name that does not end with the level keeps its words: "Ban Thi đua - Khen thưởng")
        ends = bool(level) and fold(name).endswith(fold(level or ""))
        if level and fold(level) == same_level() and lexicon.own_level:
            # "cùng cấp" is the issuer's own level
            name = (name[: -len(level)] if ends else name.rstrip() + " ") + lexicon.own_level
            level = lexicon.own_level
        elif level and level.lower() == "các địa phương" and lexicon.localities:
            # "Ủy ban nhân dân các địa phương": the committees of the units the text governs
            name = (name[: -len(level)] if ends else name.rstrip() + " ") + lexicon.localities
            level = lexicon.localities
        entry = gazetteer().lookup(m.name[: -len(level)].strip()) if (level and m.known and m.name.endswith(level)) else None
        if entry is not None and entry.with_level and fold(name).startswith(fold(entry.name)):
            name = entry.with_level + name[len(entry.name):]
        out.append(AgencyMention(name, m.kind, m.surface, m.start, m.end, level, m.place, m.known, m.generic, m.entry))
    return out


def _dedupe(mentions: list[AgencyMention]) -> list[AgencyMention]:
    seen: set[tuple[str, str]] = set()
    out = []
    for m in mentions:
        key = (fold(m.name), fold(m.place or ""))  # "UBND phường X" and "UBND phường Y" are two
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


@cache
def _person_noun() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(cues()['person_nouns'])})(?![\wÀ-ỹ])")


def _names_bodies(alias: str) -> bool:
    """A short name a text defines names bodies: headed by an agency noun or a family's head
    ("Chi cục", "vụ") or a level ("tỉnh, thành phố"), not by a person ("người quản lý …") or a
    thing ("Giấy chứng nhận", "Hệ thống …")."""
    low = strip_plural(fold(alias))
    if _person_noun().match(low):
        return False
    words = low.split()
    heads = _family_heads()
    # "(gọi chung là các tỉnh, thành phố)" names the provinces; "(sau đây gọi tắt là “Thành phố”)"
    # is one place's short name
    levels = (is_plural(alias) or "," in low) and low.split(",")[0].strip() in level_words()
    return looks_like_agency(alias) or words[0] in heads or " ".join(words[:2]) in heads or levels


@cache
def _scope_regex() -> re.Pattern[str]:
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(cues()['scope_of_application'])})\s*:?\s*(?P<list>[^.:]+;[^.:]+)[.:]", re.I)


def is_scope_title(title: str) -> bool:
    """An article titled by whom the text applies to ("Điều 2. Đối tượng áp dụng")."""
    return fold(title).strip(" .:") in _scope_titles()


@cache
def _scope_titles() -> frozenset[str]:
    return frozenset(fold(c) for c in cues()["scope_of_application"])


def regulated_bodies(text: str, titles: Iterable[str] = (), scope_items: Iterable[str] = ()) -> tuple[str, ...]:
    """The bodies a text applies to, named by what they do: those it lists as whom it applies to
    ("Thông tư này áp dụng đối với người nộp lệ phí; tổ chức thu lệ phí; tổ chức, cá nhân khác có
    liên quan …"; cues.yaml: scope_of_application), the items of an article titled so
    (`scope_items`: "2. Cơ quan quản lý công chức, bao gồm: …", "3. Cơ quan sử dụng công chức.")
    and those an article is titled by and defines ("Điều 3. Tổ chức thu phí" / "Cơ quan quản lý
    nhà nước có thẩm quyền … là tổ chức thu phí"). A person, a named body, a group named only by
    its kind or "có liên quan" is no such name; a member that lists several (a comma) neither."""
    pieces = [piece for m in _scope_regex().finditer(text) for piece in m.group("list").split(";")]
    pieces += [_scope_item_regex().split(item, maxsplit=1)[0] for item in scope_items]
    folded = fold(text)
    pieces += [t for t in titles if f"là {fold(t)}" in folded and re.search(rf"(?<![\wÀ-ỹ])là {re.escape(fold(t))}(?![\wÀ-ỹ])", folded)]
    # "Điều 9. Hội đồng xét đền bù" / "1. Hội đồng xét đền bù tư vấn giúp …": a body an article is
    # titled by and whose sentences it opens
    pieces += [t for t in titles if re.search(rf"(?:^|[.;:]\s|\d\.\s){re.escape(t)}\s+(?-i:[a-zà-ỹđ])", text)]
    return tuple(dict.fromkeys(p for p in map(_regulated_name, pieces) if p))


@cache
def _term_regex() -> re.Pattern[str]:
    """A capitalised head noun ("Hội đồng", "Cơ quan") and the lowercase words after it."""
    heads = alternation({h[:1].upper() + h[1:] for h in cues()["agency_heads"]})
    return re.compile(rf"(?<![\wÀ-ỹ])(?-i:{heads})((?:\s+(?-i:[a-zà-ỹđ])[\wÀ-ỹ]*){{1,6}})(\s*[,;.:)*\]]|\s*$)?")


def document_terms(text: str) -> dict[str, frozenset[str]]:
    """Bodies a text names again and again by a head noun and lowercase words, the name closed
    by punctuation at least twice ("… của Hội đồng kỷ luật;", "(… biên bản họp Hội đồng kỷ luật
    và …)"), each with the words the text puts after it more than once (a longer name:
    "Hội đồng kỷ luật | công chức"). Where such a name opens a run of lowercase words the
    text does not repeat after it, the run is its predicate ("Hội đồng kỷ luật | tự giải thể")."""
    seen: Counter[str] = Counter()
    closed: Counter[str] = Counter()
    follows: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for m in _term_regex().finditer(text):
        head = text[m.start() : m.start(1)]
        words = m.group(1).split()
        for j in range(1, len(words) + 1):
            name = " ".join([head, *words[:j]])
            seen[name] += 1
            if j < len(words):
                follows[name][words[j]] += 1
            elif m.group(2) is not None:
                closed[name] += 1
    return {
        name: frozenset(w for w, n in follows[name].items() if n > 1)
        for name, n in sorted(closed.items(), key=lambda kv: -len(kv[0]))
        if n >= 2 and seen[name] >= 3 and not _head_noun_regex().fullmatch(fold(name)) and not not_agencies_regex().match(fold(name))
    }


@cache
def _scope_item_regex() -> re.Pattern[str]:
    """Where a scope item's name ends: the members it goes on to list ("…, bao gồm:")."""
    return re.compile(rf",?\s*(?:{alternation(cues()['clause_words']['member_lists'])})(?![\wÀ-ỹ])|:", re.I)


def _regulated_name(piece: str) -> str | None:
    """A body named by what it does, as a scope list or a title writes it; None for anything else."""
    phrase = re.split(r"\s*\(", piece.strip())[0].strip(" ,.")
    low = strip_plural(fold(phrase), whole=True)
    if not 2 < len(low.split()) <= 10 or "," in low or low.startswith(tuple(fold(p) for p in cues()["duty_holder_persons"])):
        return None
    if not _head_noun_regex().match(low) or is_generic_head(low):
        return None
    if any(a.start == 0 and a.known for a in find_agencies(phrase)) or is_catch_all(AgencyMention(phrase, "collective_group", phrase, 0, 0, generic=True)):
        return None
    return strip_plural(phrase, whole=True)


def find_collectives(text: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Collectives the plan defines: "A, B và C (gọi chung là các cơ quan, đơn vị)".

    Returns folded alias -> canonical name, and canonical name -> the phrases naming its
    members (the list before the parenthesis, back to "của", "đến", "gồm" or a colon).
    """
    pattern = _definition_re()
    # "(sau đây gọi là Kế hoạch)", "(gọi tắt là Chương trình)": a document's short name, not a body's
    doc_words = alternation(doc_types().all_names)
    aliases: dict[str, str] = {}
    members: dict[str, tuple[str, ...]] = {}
    for m in pattern.finditer(text):
        alias = m.group("alias").strip()
        if re.match(rf"(?:{doc_words})\b", alias, re.I):
            continue
        if not _names_bodies(alias):
            continue  # "(sau đây gọi là người quản lý doanh nghiệp)", "(… gọi là Giấy chứng nhận)"
        core = strip_plural(alias)
        before = text[max(0, m.start() - 300) : m.start()]
        clause = re.split(r"[,;:]\s|\bcủa\s", before)[-1]
        named = [a for a in find_agencies(clause) if a.kind != "collective_group"]
        if (
            # (a few words may close the name after what the matcher took: "… ngành Y tế thành phố")
            not is_plural(alias) and named and len(clause[named[-1].end :].split()) <= 6
            and "," not in alias and fold(alias).split()[0] == fold(clause[named[-1].start :]).split()[0]
        ):
            # "Hội đồng Thi đua – Khen thưởng ngành Y tế thành phố (gọi tắt là Hội đồng thi
            # đua)": a short name of the one body just named (as written, the same head), not
            # a group
            # (defined twice — in the text and again in an appendix — the first stands; a name the
            # matcher took whole keeps its canonical form, its place aside)
            written = clause[named[-1].start :].strip(" *_")
            whole = named[-1].end >= len(clause.rstrip(" *_"))
            aliases.setdefault(fold(core), named[-1].name if whole else canonical_generic(written))
            continue
        short = "chung" not in fold(m.group(0))  # "gọi tắt là" shortens a name, "gọi chung là" groups
        opening = _name_the_alias_opens(clause, alias) if short else None
        if opening:
            # "Quỹ nhà ở quốc gia (sau đây gọi là Quỹ)": the first word of the name just written,
            # which no pattern took whole — that one body, not a group "Các Quỹ"
            aliases.setdefault(fold(core), canonical_generic(opening))
            continue
        if short and alias[:1].isupper() and len(alias.split()) > 1 and not is_plural(alias) and "," not in alias and fold(alias) in fold(before):
            # "Trưởng Ban Chỉ đạo của Chính phủ về phát triển khoa học, công nghệ, … (sau đây gọi tắt
            # là Ban Chỉ đạo của Chính phủ)": the short name is the first words of the one body
            # just named, however many commas its full name holds — not a group (a proper name:
            # "(sau đây gọi là doanh nghiệp)" names every enterprise the text is about)
            aliases.setdefault(fold(core), canonical_generic(alias))
            continue
        # "(sau đây gọi là Cơ quan có chức năng quản lý đất đai cấp xã)": a common noun, lower case in the group's name
        canonical = "Các " + (core[:1].lower() + core[1:] if _head_of(core)[0] == "generic" else core)
        aliases[fold(core)] = canonical
        start = max((x.end() for x in re.finditer(r"(?:\bcủa\b|\bđến\b|\bgồm\b|:|;|\.\s)", before)), default=0)
        listed = tuple(a.name for a in split_agencies(before[start:]) if fold(a.name) != fold(canonical))
        if listed:
            members[canonical] = listed
    for letters, body in _bracketed_acronyms(text):
        aliases.setdefault(fold(letters), body)
    return aliases, members


def _name_the_alias_opens(clause: str, alias: str) -> str | None:
    """The words just before a definition that the alias (one word, a name's head, cased as in
    the text) opens: "… chi tiết về | Quỹ nhà ở quốc gia" for "Quỹ"; None when it is not there, or
    the name would run past a few words."""
    if len(alias.split()) != 1 or not alias[:1].isupper() or is_plural(alias):
        return None
    found = list(re.finditer(rf"(?<![\wÀ-ỹ]){re.escape(alias)}(?![\wÀ-ỹ])", clause))
    if not found:
        return None
    name = clause[found[-1].start() :].strip(" *_")
    return name if 1 < len(name.split()) <= 8 and not find_agencies(name) else None


def _bracketed_acronyms(text: str) -> list[tuple[str, str]]:
    """"Trung tâm Hành động bom mìn quốc gia Việt Nam (VNMAC) chịu trách nhiệm …": the letters in
    brackets right after a body's name stand for it in the rest of the text (an acronym of its
    name in any language: the letters are not checked); letters that already name a body do not."""
    out = []
    for m in _acronym_regex().finditer(text):
        before = text[max(0, m.start() - 200) : m.start()]
        named = [a for a in find_agencies(before) if a.kind != "collective_group"]
        if named and not before[named[-1].end :].strip() and not find_agencies(m.group("short")):
            out.append((m.group("short"), named[-1].name))
    return out


@cache
def _acronym_regex() -> re.Pattern[str]:
    return re.compile(r"\((?P<short>[A-ZĐ][A-ZĐ0-9&]{1,11})\)")
