"""Who issued the plan, at which level, for which place — and how relative names
("Hội đồng nhân dân tỉnh", "UBND huyện") in its text resolve against that.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache

from . import places
from .agencies import UNIT_WORDS, AgencyMention, find_agencies, listed_units
from .models import Document
from .rules import alternation, cues, doc_types, fold, gazetteer, level_words

_RANK = {"province": 3, "city": 3, "district": 2, "commune": 1}


@dataclass
class Jurisdiction:
    issuer: str | None  # full name: "Ủy ban nhân dân tỉnh Vĩnh Long"
    issuer_name: str | None  # canonical, place omitted: "Ủy ban nhân dân tỉnh"
    issuer_kind: str | None
    level: str | None  # province | city | district | commune | agency
    place: str | None  # the issuer's own place: "Vĩnh Long", "Nghi Dương"
    place_level: str | None  # level of that place (for an agency: of its parent body)
    province: str | None  # the province the place belongs to
    province_source: str | None = None  # "text" | "national list" | "self"
    notes: list[str] = field(default_factory=list)

    @property
    def national(self) -> bool:
        """Issued by a body of the state: its "địa phương" are the provinces. A central
        government body, or a body without a place whose name says it is the state's ("Ban Chỉ
        đạo Nhà nước về Du lịch"; cues.yaml: national_name_words)."""
        if self.level == "national" or self.issuer_kind == "central_government":
            return True
        return bool(self.issuer_name and not self.place and _national_words().search(self.issuer_name))

    def place_for_level(self, level_word: str | None) -> str | None:
        """The place meant by a bare level word in this plan ("tỉnh" in a district plan)."""
        if not level_word:
            return None
        lvl = cues()["issuer_levels"].get(listed_units(level_word)[0])
        if lvl is None:
            if level_word.lower().startswith("cấp "):
                return self.place if self.place_level in ("province", "city") else self.province
            return None
        here = self.place_level
        if here is None:
            return None
        if _RANK.get(lvl, 0) >= 3:
            return self.place if _RANK.get(here, 0) >= 3 else self.province
        if _RANK.get(lvl, 0) == _RANK.get(here, 0):
            return self.place
        if _RANK.get(lvl, 0) < _RANK.get(here, 0):
            return self.place  # "UBND các xã" in a province plan: the province's communes
        return None


def _issuer_mention(doc: Document) -> tuple[AgencyMention | None, str | None, str | None]:
    """Who issued the document, where its issuer block says it sits, and the level the block names."""
    candidate: AgencyMention | None = None
    block_place: str | None = None
    # 1. the issuer block beside the national motto: "ỦY BAN NHÂN DÂN / TỈNH NGHỆ AN",
    #    "UBND TỈNH QUẢNG TRỊ / SỞ NỘI VỤ" (a body under its parent)
    block_level: str | None = None
    if doc.issuer_lines:
        candidate, block_place, block_level = issuer_from_block([l.text for l in doc.issuer_lines], _joint(doc))
    # 2. the enacting authority printed under the title ("ỦY BAN THƯỜNG VỤ QUỐC HỘI",
    #    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"), when the block lost it
    if candidate is None and doc.header.authority:
        candidate, where, block_level = issuer_from_block([l.text for l in doc.header.authority[:1]])
        block_place = block_place or where
    # 3. the preamble clause "<issuer> ban hành Kế hoạch (Nghị định, Thông tư …)"
    if candidate is None:
        candidate = _issuer_in_preamble(doc)
    # 4. the signature formula "TM. ỦY BAN NHÂN DÂN"
    # "TM. ỦY BAN NHÂN DÂN XÃ NGA SƠN" (a copy whose header page was lost): the formula read as a
    # block line names the body with its level and place
    signed, signed_place, signed_level = _signing_body(doc)
    if candidate is None:
        candidate, block_place, block_level = signed, block_place or signed_place, block_level or signed_level
    elif signed is not None and not (candidate.place or block_place) and fold(signed.name) == fold(candidate.name):
        block_place, block_level = signed_place, block_level or signed_level
    return candidate, block_place, block_level


def _signing_body(doc: Document) -> tuple[AgencyMention | None, str | None, str | None]:
    """The body a signing formula names ("TM. ỦY BAN NHÂN DÂN XÃ NGA SƠN"), its place and level."""
    if not (doc.signer and doc.signer.formula):
        return None, None, None
    named = doc.signer.formula.split(" / ")[0].partition(". ")[2]
    body, where, level = issuer_from_block([named]) if named else (None, None, None)
    if body is None:
        found = find_agencies(doc.signer.formula)
        body = found[0] if found else None
    return body, where, level


def _issuer_in_preamble(doc: Document) -> AgencyMention | None:
    """"<issuer> ban hành Kế hoạch …" in the preamble: the clause's subject is the issuer."""
    verbs = "|".join(re.escape(v) for v in cues()["issuer_verbs"])
    # the document's own genre: "… của HĐND tỉnh ban hành Quy định …" describes another document
    own = [n for t in doc_types().types if t.name == doc.header.genre for n in t.names] or ["Kế hoạch"]
    genres = alternation(own)
    pre = " ".join(line.text for line in doc.preamble)
    for m in re.finditer(rf"(?:^|[,;:]\s*)([^,;:]{{3,90}}?)\s+(?:{verbs})\s+(?i:{genres})", pre):
        # the clause's subject names the issuer; "… của Thủ tướng Chính phủ ban hành Kế
        # hoạch …" inside a Căn cứ item describes another document
        subject = re.sub(r"^(?:chủ tịch|giám đốc|bộ trưởng|trưởng ban)\s+", "", m.group(1).strip(), flags=re.I)
        found = [a for a in find_agencies(subject) if a.kind not in ("collective_group",)]
        if found and found[0].start <= 2:
            return found[0]
    return None


def determine(doc: Document) -> Jurisdiction:
    levels: dict[str, str] = cues()["issuer_levels"]
    candidate, block_place, block_level = _issuer_mention(doc)
    place = block_place or doc.header.place
    text = " ".join(line.text for line in doc.lines)
    if candidate is None:
        return Jurisdiction(None, None, None, None, places.short_name(place) if place else None, None, None, notes=["issuer not found in the text"])
    level_word = (candidate.level or "").lower()
    place_level = levels.get(level_word) if level_word else None
    if candidate.place:
        place = candidate.place
    elif place and not block_place and place_level is None and not _national(candidate) and not _set_up_by_decision(candidate) and not _named_after(candidate.name, place) and not _national_parent(doc, candidate):
        # an agency's dateline names where it sits, not whose it is — but a team or committee
        # that a decision set up ("Đoàn kiểm tra theo Quyết định số …") is of the place it sits
        # in, a body whose name ends in that place ("Công ty … Nghệ An") is of it, and a
        # ministry's unit sits where its dateline says, as the ministry does ("BỘ GIÁO DỤC VÀ ĐÀO
        # TẠO / TRƯỜNG ĐẠI HỌC VINH" / "Nghệ An, ngày …")
        place = None
    if place is None and candidate.kind in ("peoples_committee", "peoples_council") and place_level in ("province", "city"):
        # no header block, no dateline (a converter left the header's table out): a province's
        # committee is of the province its text names most ("trên địa bàn tỉnh Đồng Tháp")
        place = _most_named_province(text)
    if place:
        place = places.short_name(place)
    issuer_level = place_level if candidate.kind in ("peoples_committee", "peoples_council") else "agency"
    # A province-level "thành phố" is a centrally-run city; a district-level one is not.
    if place_level == "city" and place and places.province(place) is None:
        place_level = "district"
        if issuer_level == "city":
            issuer_level = "district"
    # an agency's block names the level of the place it is of ("ĐẢNG BỘ TỈNH NGHỆ AN / BAN
    # THƯỜNG VỤ TỈNH ỦY"): a province's agency is of that province
    block_place_level = levels.get(block_level.lower()) if block_level and place == places.short_name(block_place or "") else None
    province, source = _province_of(place, place_level or block_place_level, text, level_word)
    issuer_name = candidate.name
    issuer = f"{issuer_name} {place}" if place and issuer_level != "agency" else issuer_name
    if issuer_level == "agency" and place and candidate.level and candidate.place:
        issuer = f"{issuer_name} {place}"
    elif issuer_level == "agency" and place and block_place and block_level and not fold(issuer_name).endswith(fold(place)):
        # "UBND TỈNH LÀO CAI / SỞ CÔNG THƯƠNG": the department of the province its parent names;
        # a name that ends in the level's Party committee takes the place bare ("ĐẢNG BỘ TỈNH
        # NGHỆ AN / BAN THƯỜNG VỤ TỈNH ỦY": Ban Thường vụ Tỉnh ủy Nghệ An)
        # ("BỆNH VIỆN ĐA KHOA TỈNH": a name that ends in the level word takes the place alone)
        level = "" if _ends_in_levels_committee(issuer_name, block_level) or fold(issuer_name).endswith(" " + fold(block_level)) else f"{block_level} "
        issuer = f"{issuer_name} {level}{place}"
    elif issuer_level == "agency" and place and block_place and _ends_in_levels_committee(issuer_name, None):
        # "TỈNH ĐOÀN NGHỆ AN / BAN THƯỜNG VỤ": a name that opens with its level word takes its
        # place bare ("Ban Thường vụ Tỉnh đoàn Nghệ An")
        issuer = f"{issuer_name} {place}"
    notes = []
    if place is None:
        notes.append("the issuer's place is not named in the text")
    return Jurisdiction(issuer, issuer_name, candidate.kind, issuer_level, place, place_level, province, source, notes)


def _national_parent(doc: Document, issuer: AgencyMention) -> bool:
    """The issuer block's first line names a national body the issuer is a unit of."""
    lines = [line.text for line in doc.issuer_lines if line.text.strip()]
    if len(lines) < 2:
        return False
    parent, _, _ = issuer_from_block(lines[:1])
    return parent is not None and _national(parent) and fold(parent.name) != fold(issuer.name)


def _named_after(name: str, place: str) -> bool:
    """The body's name ends in the place ("Công ty TNHH MTV Khai thác thủy lợi Nghệ An")."""
    return fold(name).endswith(" " + fold(places.short_name(place)))


def _ends_in_levels_committee(name: str, level: str | None) -> bool:
    """"Ban Thường vụ Tỉnh ủy", "Ban Chấp hành Tỉnh đoàn": the name ends in the Party committee
    or the Youth Union of the block's level (of any level, `level` None), a gazetteer name that
    opens with the level word ("Tỉnh ủy", "Tỉnh đoàn")."""
    low = fold(name)
    levels = [fold(level)] if level else [fold(w) for w in level_words()]
    return any(
        low.endswith(fold(e.name)) and any(fold(e.name).startswith(lv + " ") for lv in levels)
        for e in gazetteer().entries
        if e.kind in ("party_body", "mass_organisation")
    )


def _set_up_by_decision(issuer: AgencyMention) -> bool:
    """An issuer the block names by the decision that set it up (`_basis_apart`)."""
    return _basis_apart(issuer.name)[1] is not None


@cache
def _national_words() -> re.Pattern[str]:
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(cues()['national_name_words'])})(?![\wÀ-ỹ])")


def _national(mention: AgencyMention) -> bool:
    """A body of the central state (a ministry, the Government's office): its dateline is its
    place ("Hà Nội")."""
    from .rules import gazetteer

    entry = gazetteer().lookup(mention.entry) if mention.entry else None
    return mention.kind == "central_government" or bool(entry is not None and entry.national)


@cache
def _block_level() -> re.Pattern[str]:
    """A level word and the place after it ending a line of the issuer block ("tỉnh Quảng Trị")."""
    return re.compile(rf"(?<![\wÀ-ỹ])({alternation(level_words())})\s+(?!ủy\b|uỷ\b|đoàn\b)(?P<place>[\wÀ-ỹ][\wÀ-ỹ\s\-]*?)\s*$", re.I)


def _joint(doc: Document) -> bool:
    """A text two bodies issue together, by its genre (cues.yaml: joint_texts): "KẾ HOẠCH LIÊN
    TỊCH", "CHƯƠNG TRÌNH PHỐI HỢP", a symbol's genre code "KHLT", "CTPH"."""
    rule = cues()["joint_texts"]
    genre_code = (doc.header.symbol_code or "").replace("/", "-").split("-")[0]
    heading = fold(doc.header.type_heading or "")
    return genre_code.endswith(tuple(rule["code_endings"])) or any(w in heading for w in rule["heading_words"])


def issuer_from_block(block: list[str], joint: bool = False) -> tuple[AgencyMention | None, str | None, str | None]:
    """The issuing body named in the issuer block, the place the block gives and that place's
    level word ("tỉnh").

    The block is printed in capitals; the last line that names a body is the issuer, the
    lines above it its parent, and a level word followed by a name gives the place — but in a
    text two bodies issue together (`joint`) each line is one of them, and the first named issues.
    """
    lines = [part for line in _whole_lines([re.sub(r"\s+", " ", b).strip() for b in block if b.strip()]) for part in _unit_apart(line)]
    if not lines:
        return None, None, None
    place = None
    level = None
    parts: list[tuple[AgencyMention, str | None]] = []
    k = 0
    while k < len(lines):
        text = lines[k]
        # "ỦY BAN NHÂN DÂN" / "TỈNH NGHỆ AN": a body and its level-and-place on the next line
        if k + 1 < len(lines) and _block_level().match(lines[k + 1].lower()):
            text = f"{text} {lines[k + 1]}"
            k += 1
        k += 1
        # "ĐOÀN KIỂM TRA" / "THEO QUYẾT ĐỊNH SỐ 125/QĐ-UBND": the decision that set the unit up
        # names it further; the body in the decision's symbol is no issuer
        text, basis = _basis_apart(text)
        mention, where = _read_block_line(text)
        if mention is None and not where:
            mention = _unit_line(text, parts[-1][0] if parts else None)
        if mention is not None and basis:
            named = f"{mention.name} {basis}"
            mention = replace(mention, name=named, surface=named, end=len(named), known=False, entry=None)
        if mention is not None:
            parts.append((mention, where))
        elif where:
            place = where
        if where and level is None:
            m = _block_level().search(text.lower())
            level = m.group(1) if m else None
    if not parts:
        return None, place, level
    issuer, where = parts[0] if joint else parts[-1]
    place = where or next((w for _, w in reversed(parts) if w), None) or place
    return issuer, place, level


def _unit_apart(line: str) -> list[str]:
    """"ỦY BAN NHÂN DÂN TỈNH NINH BÌNH SỞ TƯ PHÁP": a parent with its place and the unit under it
    that a converter joined into one line (a cell's two lines in one bold run), parted after the
    place's name where the rest opens a body."""
    m = _block_level().search(line.lower())
    words = m.group("place").split() if m else []
    for k in range(min(4, len(words) - 1), 0, -1):
        rest = " ".join(words[k:])
        if places.is_place_name(" ".join(words[:k]).title()) and any(a.start == 0 for a in find_agencies(_sentence(rest))):
            cut = len(line) - len(rest)
            return [line[:cut].strip(), line[cut:].strip()]
    return [line]


def _whole_lines(lines: list[str]) -> list[str]:
    """Block lines a narrow cell broke inside a name joined again: "BỘ NÔNG NGHIỆP" / "VÀ MÔI
    TRƯỜNG", "UBND THÀNH PHỐ HÀ" / "NỘI". A line that opens a body of its own stays apart."""
    out: list[str] = []
    for line in lines:
        if out and _continues(out[-1], line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _continues(prev: str, line: str) -> bool:
    low = fold(line)
    if prev.count("(") > prev.count(")"):
        return True  # "(Theo Quyết định số 215/QĐ-UBND" / "ngày 02/4/2026 của UBND tỉnh)": the bracket goes on
    if _basis_line().match(low):
        return True  # "THEO QUYẾT ĐỊNH SỐ 125/QĐ-UBND": the line above's unit, named by its decision
    if re.match(r"^(?:và|&|,|-)\s", low) or re.search(r"(?:\svà|,|&)$", fold(prev)):
        return True
    # "ỦY BAN NHÂN" / "DÂN": a known name a narrow cell broke
    joined = _sentence(f"{fold(prev)} {low}")
    cut = len(prev)
    if any(a.known and a.start < cut < a.end and a.end > len(_sentence(fold(prev))) for a in find_agencies(joined)):
        return True
    if find_agencies(_sentence(low)) or _block_level().match(low):
        return False
    words = line.split()
    if len(words) <= 2:
        # "HÀ" / "NỘI": the last word of a place name
        tail = fold(prev).split()
        return any(places.is_place_name(" ".join(tail[k:] + [low])) for k in range(max(0, len(tail) - 3), len(tail)))
    return False


@cache
def _basis_line() -> re.Pattern[str]:
    """A block line that names the document a unit was set up by ("THEO QUYẾT ĐỊNH SỐ 125/QĐ-UBND",
    "(theo Quyết định số …)"; cues.yaml: issuer_basis)."""
    words = alternation(fold(w) for w in cues()["issuer_basis"])
    return re.compile(rf"^\(?\s*(?:{words})\s+(?:{alternation(fold(n) for n in doc_types().all_names)})(?![\wÀ-ỹ])", re.I)


def _basis_apart(text: str) -> tuple[str, str | None]:
    """A block line cut before the document that set its unit up, and that reference as a
    sentence writes it ("theo Quyết định số 125/QĐ-UBND"), or the line whole and None."""
    for gap in re.finditer(r"\s+", text):
        rest = text[gap.end() :]
        if _basis_line().match(fold(rest)):
            return text[: gap.start()].strip(), _as_written(rest.strip("() "))
    return text, None


def _as_written(basis: str) -> str:
    """"THEO QUYẾT ĐỊNH SỐ 125/QĐ-UBND" as a sentence writes it: the type word capitalised, the
    symbol as printed, the rest in lower case."""
    words = []
    for w in basis.split():
        words.append(w if any(c.isdigit() for c in w) or "/" in w else w.lower())
    out = " ".join(words)
    for name in sorted(doc_types().all_names, key=len, reverse=True):
        out = re.sub(rf"(?<![\wÀ-ỹ]){re.escape(name.lower())}(?![\wÀ-ỹ])", name, out, count=1)
    return out


def _unit_line(text: str, parent: AgencyMention | None) -> AgencyMention | None:
    """A block line naming a unit the gazetteer lacks ("BAN THƯỜNG TRỰC", "ĐOÀN KIỂM TRA …"):
    the unit of the body named above it, or a body of its own."""
    low = fold(re.sub(r"^[^\wÀ-ỹ]+", "", text))
    units = sorted((fold(u) for u in cues()["issuer_units"]), key=len, reverse=True)
    head = next((u for u in units if low == u or low.startswith(u + " ")), None)
    if head is None:
        return None
    words = low.split()
    # "Ban Thường trực", "Đoàn kiểm tra", "Tiểu ban thông tin": the unit's first word, and the
    # second of a two-word Ban/Tổ/Đoàn name, in capitals
    caps = 2 if words[0] in ("ban", "đoàn", "tổ", "ủy") and len(head.split()) >= 2 else 1
    name = " ".join(w.capitalize() if k < caps else w for k, w in enumerate(words))
    if parent is not None and len(words) <= 3:
        whole = f"{name} {parent.name}"
        return AgencyMention(whole, parent.kind, whole, 0, len(whole), parent.level, parent.place, known=False)
    return AgencyMention(name, "other", name, 0, len(name), known=False)


@cache
def _issuer_board() -> tuple[re.Pattern[str], dict[str, str]]:
    boards = cues()["issuer_boards"]
    return re.compile(rf"^({alternation(boards)})\s+(?=\S)", re.I), {fold(k): v for k, v in boards.items()}


def _board_of(text: str) -> tuple[AgencyMention | None, str | None] | None:
    """"BCH ĐOÀN TỈNH HÀ TĨNH", "BAN CHẤP HÀNH CÔNG ĐOÀN SỞ Y TẾ": the board of the body the rest
    of the line names, where that body has boards (cues.yaml: issuer_boards)."""
    pattern, names = _issuer_board()
    m = pattern.match(text)
    if m is None:
        return None
    body, where = _read_block_line(text[m.end() :])
    if body is None or body.kind not in cues()["committees_before_bodies"]["of_kinds"]:
        return None
    name = f"{names[fold(m.group(1))]} {body.name}"
    return replace(body, name=name, surface=name, start=0, end=len(name), known=False, entry=None), where


def _read_block_line(text: str) -> tuple[AgencyMention | None, str | None]:
    text = re.sub(r"^[^\wÀ-ỹ]+", "", text)
    board = _board_of(text)
    if board is not None:
        return board
    halves = _JOINT_LINE.split(text, maxsplit=1)
    if len(halves) == 2:
        # "ỦY BAN NHÂN DÂN TỈNH LÀO CAI - BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM TỈNH LÀO CAI": two
        # bodies, each with its place, issue together — the first named first
        leading, where = _read_block_line(halves[0])
        other, _ = _read_block_line(halves[1])
        if leading is not None and other is not None and (leading.level or where):
            return leading, where or leading.place
    low = text.lower()
    m = _block_level().search(low)
    place = None
    if m:
        place = " ".join(w.capitalize() for w in m.group("place").split())
        level = m.group(1)
        name_part = low[: m.start()].strip()
        cased = f"{_sentence(name_part)} {level} {place}".strip()
    else:
        cased = _sentence(low)
    found = [a for a in find_agencies(cased) if a.kind != "collective_group"]
    if not found:
        return None, place
    if len(found) >= 2 and _JOINT.fullmatch(cased[found[-2].end : found[-1].start]) and m:
        # "ỦY BAN NHÂN DÂN - ỦY BAN MTTQ VIỆT NAM / PHƯỜNG …": two bodies that issue together, the
        # first named first — of the level and place the line gives them both
        first = find_agencies(f"{cased[found[-2].start : found[-2].end]} {m.group(1)} {place}")
        if first and first[0].start == 0:
            return first[0], place or first[0].place
    if place and m and fold(found[-1].name).endswith(fold(f"{m.group(1)} {place}")):
        place = None  # "PHÒNG VĂN HÓA - XÃ HỘI": the name's own words, no level and place
    return found[-1], place or found[-1].place or _province_after(cased, found[-1])


def _province_after(line: str, body: AgencyMention) -> str | None:
    """"SỞ GIÁO DỤC VÀ ĐÀO TẠO NGHỆ AN": a province's name after a body, no level word between."""
    rest = line[body.end :].strip()
    found = places.province(rest) if rest else None
    return found.name if found is not None else None


# what parts two bodies that issue a text together in its block ("ỦY BAN NHÂN DÂN - ỦY BAN MTTQ
# VIỆT NAM", "… VÀ …"); a body under its parent follows it with nothing between
_JOINT = re.compile(r"\s*(?:[-–&]|và)\s*", re.I)
_JOINT_LINE = re.compile(r"\s+[-–]\s+")


def _sentence(low: str) -> str:
    """An agency name in capitals, in the case the gazetteer writes it."""
    from .agencies import find_agencies as _find

    # a word with no vowel is no Vietnamese syllable but an abbreviation ("TNHH", "MTV", "HTX")
    text = " ".join(w.upper() if _NO_VOWEL.fullmatch(w) else w for w in low.split(" "))
    # "KHO BẠC NHÀ NƯỚC KHU VỰC XIII": a region's number in Roman numerals stays in capitals
    text = _REGION_NUMERAL.sub(lambda m: m.group(1) + m.group(2).upper(), text)
    text = text[:1].upper() + text[1:]
    out = text
    for a in _find(text):
        if a.known and a.entry and fold(out[a.start : a.start + len(a.entry)]) == fold(a.entry):
            out = out[: a.start] + a.entry + out[a.start + len(a.entry) :]
    # family names ("Sở nội vụ", "Bộ xây dựng", "Công ty TNHH MTV khai thác …"): capitalise the
    # word after the head and its abbreviations; a province's name that ends one, as it is written
    school = _school_level().match(out)
    if school and len(out[school.end() :].split()) <= 4:
        level = next(lv for lv in cues()["school_levels"] if fold(lv) == fold(school.group(2)))
        return f"{school.group(1)} {level} {' '.join(w[:1].upper() + w[1:] for w in out[school.end() :].split(' '))}"
    head = _family_head().match(out)
    if head and head.group(2) and len(out[head.start(3) :].split()) <= 4:
        # a short proper name after the abbreviations ("Trường THPT Phan Bội Châu"): each word
        # capitalised; a longer one is a field and its place ("Công ty TNHH MTV Khai thác thủy lợi
        # Nghệ An"), in sentence case
        return f"{head.group(1)} {head.group(2)}{' '.join(w[:1].upper() + w[1:] for w in out[head.start(3) :].split(' '))}"
    out = _family_head().sub(lambda m: f"{m.group(1)} {m.group(2)}{m.group(3).upper()}", out)
    return _province_at_end(out) if out is not text or _family_head().match(out) else out


_NO_VOWEL = re.compile(r"[b-df-hj-np-tv-xzđ]{2,}", re.I)
_REGION_NUMERAL = re.compile(rf"((?:{'|'.join(UNIT_WORDS)})\s+)([ivxlc]{{1,5}})(?![\wÀ-ỹ])", re.I)


def _province_at_end(name: str) -> str:
    """"… khai thác thủy lợi nghệ an": the province's name that ends a body's name, capitalised."""
    words = name.split(" ")
    for k in (3, 2, 1):
        tail = " ".join(words[-k:])
        if len(words) > k + 1 and tail.islower() and places.province(tail.title()) is not None:
            return " ".join([*words[:-k], tail.title()])
    return name


@cache
def _school_level() -> re.Pattern[str]:
    """"Trường đại học " before a school's proper name (cues.yaml: school_levels)."""
    return re.compile(rf"^(Trường)\s+({alternation(cues()['school_levels'])})\s+(?=\S)", re.I)


@cache
def _family_head() -> re.Pattern[str]:
    heads = alternation({f.head for f in gazetteer().families})
    return re.compile(r"^(" + heads + r")\s+((?:(?-i:[A-ZĐ]{2,})\s+)*)(\S)", re.I)


def _most_named_province(text: str) -> str | None:
    """The province a text names most."""
    named = places.provinces_named_in(text)
    return Counter(named).most_common(1)[0][0] if named else None


def _province_of(place: str | None, place_level: str | None, text: str, level_word: str = "") -> tuple[str | None, str | None]:
    if place_level in ("province", "city"):
        p = places.province(place)
        return (p.name if p else place), "self"
    named = _most_named_province(text)
    if named:
        return named, "text"
    if place:
        matches = places.communes(place)
        provinces = {m.province for m in matches}
        if len(provinces) > 1 and level_word:
            # "Hải Châu" is a commune of Nghệ An and a ward of Đà Nẵng: the issuer's level word
            # ("phường") says which
            provinces = {m.province for m in matches if fold(m.full_name).startswith(fold(level_word) + " ")}
        if len(provinces) == 1:
            return provinces.pop(), "national list"
    return None, None


def full_name_of(mention_name: str, level: str | None, place: str | None) -> str:
    """Canonical name plus place, where the place is not already part of it."""
    if place and not fold(mention_name).endswith(fold(place)):
        return f"{mention_name} {place}"
    return mention_name
