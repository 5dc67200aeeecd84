"""Normalised lines -> document tree, for every genre of the national document format.

Decree 30/2020/NĐ-CP fixes the anatomy every administrative document shares: the issuer
block beside the national motto, `Số:` symbol, place and date, the type heading (`KẾ HOẠCH`,
`NGHỊ QUYẾT`, `QUYẾT ĐỊNH`, `CHỈ THỊ` …) and title, the opening (`Căn cứ`, `Thực hiện`,
`Xét`, `Theo đề nghị`), the body, then `Nơi nhận` and the signature. A decision may carry
the document it promulgates after its signature, and a plan its appendices (`PHỤ LỤC`):
those are parsed the same way into attachments.

Body items nest `Phần` -> `Chương` -> `I.` -> `Mục` -> `Điều` -> `1.` -> `1.1.` -> `a)`
(with `đ)` after `d)`) -> `-` -> `+`. Attribute lines (`- Cơ quan thực hiện: ...`) become
`attr` nodes; unlabelled paragraphs attach to the innermost open item. Every node keeps its
label, path and source lines.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from . import places
from .blocks import mostly_capitals
from .models import Attachment, Document, Header, Line, Node, Signer
from .normalize import DIVISION_NUMBER_END, POINT_LABEL, Normalised
from .numerals import roman_value
from .rules import CAPITALS, alternation, any_marks, cues, doc_types, fold, gazetteer, misreadable, printed_genres, proper_case, restore_marks, unmarked
from .tables import LETTER_SUBJECT, is_motto

_ROMAN = re.compile(r"^(?P<label>[IVXLC]{1,5})\s*[.)-]\s*(?P<text>\S.*)$")
_PART = re.compile(r"^(?P<word>Phần|PHẦN)\s+(?P<label>[IVXLC]{1,5}|\d{1,2}|thứ\s+\S+)\s*[.:\-–]?\s*(?P<text>.*)$")
_CHAPTER = re.compile(r"^(?:Chương|CHƯƠNG)\s+(?P<label>[IVXLC]{1,5}|\d{1,2})\s*[.:\-–]?\s*(?P<text>.*)$")
# "Mục 1" alone on its line, its title on the next (a decree's sections within a chapter)
_SUBSECTION = re.compile(r"^(?:Mục|MỤC)\s+(?P<label>\d{1,2})(?:\s*[.:\-–]|(?=\s*$))\s*(?P<text>.*)$")
_ARTICLE = re.compile(rf"^(?:Điều|ĐIỀU)\s+(?P<label>\d{{1,3}}){DIVISION_NUMBER_END}\s*[.:\-–]?\s*(?P<text>.*)$")
_NUMBER = re.compile(r"^(?P<label>\d{1,2})\s*[.)](?!\d{3})\s*(?P<text>.*)$")
_DECIMAL = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2}){1,2})(?!\d)\s*\.?\s*(?=\S)(?P<text>.*)$")  # "40.000 DWT": a quantity, no label
_LETTER = re.compile(r"^(?P<label>[a-zđ])\s*\)\s*(?P<text>.*)$")
# "A. PHÁT TRIỂN NỀN MÓNG …": a capital letter over roman sections (a heading, or in capitals)
_CAPITAL = re.compile(r"^(?P<label>[A-ZĐ])\s*\.\s+(?P<text>\S.*)$")
_LETTER_DOT = re.compile(rf"^(?P<label>[a-zđ])\.\s+(?P<text>[{CAPITALS}].*)$")
# "(1) Bộ Y tế chỉ đạo …": the points of a notice's or a plan's paragraph, numbered in brackets
_BRACKETED = re.compile(rf"^{POINT_LABEL}\s+(?P<text>[{CAPITALS}].*)$")
_DASH = re.compile(r"^[-–—•]\s*(?P<text>.*)$")
_PLUS = re.compile(r"^\+\s*(?P<text>.*)$")
_NUMBER_LINE = re.compile(
    # "Số", or as a scan misreads its mark ("Sồ:", "Sô:")
    r"^(?:S[oòóỏõọôồốổỗộ]|S[OÒÓỎÕỌÔỒỐỔỖỘ])\s*(?:hiệu\s*)?[:.]?\s*(?P<num>\d+[a-zA-Z]?)?\s*(?P<sep>[/-])\s*(?P<code>[^\s,;]+(?:\s*-\s*[A-ZĐ][^\s,;]*)*)"
)
_DATELINE_RE = re.compile(
    # post-2025 communes may carry a number ("Bảo Lâm 5"); a draft leaves the day, the month
    # and even the year blank ("Hà Nội, ngày   tháng   năm")
    # (its words with any marks: a scan may misread "tháng" as "thảng")
    rf"^(?P<place>[^\d,\s][^,]{{1,40}}?)(?P<sep>,\s*|\s+){any_marks('ngày')}\s*(?P<d>\d{{1,2}})?\s*{any_marks('tháng')}\s*(?P<m>\d{{1,2}})?\s*{any_marks('năm')}\s*(?:(?P<y>\d{{4}})|\s*$)",
    re.I,
)


# … or in figures, as letters and converted pages write it ("Hà Tĩnh, ngày 5/3/2026", "Hà Tĩnh,
# 05-03-2026"): the date ends the line
_NUMERIC_DATELINE_RE = re.compile(
    rf"^(?P<place>[^\d,\s][^,]{{1,40}}?)(?P<sep>,\s*(?:{any_marks('ngày')}\s*)?|\s+{any_marks('ngày')}\s*)"
    rf"(?P<d>\d{{1,2}})\s*(?P<ds>[/.-])\s*(?P<m>\d{{1,2}})\s*(?P=ds)\s*(?P<y>\d{{4}})[\s.*_)]*$",
    re.I,
)


class _Dateline:
    """The place-and-date line. Without its comma ("Hà Nội ngày 01 tháng 12 năm 2025") the
    place must be a name — a few capitalised words — not a sentence that mentions a date."""

    @staticmethod
    def match(text: str) -> re.Match[str] | None:
        m = _DATELINE_RE.match(text) or _NUMERIC_DATELINE_RE.match(text)
        if m and "," not in m.group("sep"):
            words = m.group("place").split()
            if len(words) > 4 or not all(w[:1].isupper() for w in words):
                return None
        return m


_DATELINE = _Dateline()
_BARE_NUMBER_LABEL = re.compile(r"^(?:S[oòóỏõọôồốổỗộ]|S[OÒÓỎÕỌÔỒỐỔỖỘ])\s*(?:hiệu\s*)?[:.]?\s*$")
_SYMBOL_START = re.compile(r"^\s*(?:\d+[a-zA-Z]?\s*)?[/-]\s*[A-ZĐ0-9]")
_ISSUED_WITH = re.compile(r"^\(?\s*(?:Ban hành\s+)?(?:kèm|kèm theo|Kèm theo)\b.*\)?\.?$", re.I)
# the kinds of a list's members, outermost first: the work of a part is given in them
LIST_KINDS = ("item", "decimal", "letter", "point", "dash", "plus")
_LEVEL_OF = {
    "part": 0,
    "chapter": 1,
    "section": 2,
    "subsection": 3,
    "article": 4,
    "item": 5,
    "decimal": 6,
    "letter": 7,
    "point": 7.5,
    "dash": 8,
    "plus": 9,
}


@cache
def _attribute_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for attr, labels in cues()["attributes"].items():
        for label in sorted(labels, key=len, reverse=True):
            out.append((attr, re.compile(rf"^{re.escape(label)}\s*:\s*(?P<value>.*)$", re.I)))
    # longest labels first across kinds, so "cơ quan phối hợp" wins over "phối hợp"
    out.sort(key=lambda pair: len(pair[1].pattern), reverse=True)
    return out


def attribute_of(text: str) -> tuple[str, str] | None:
    """`Cơ quan thực hiện: Sở Nội vụ` -> ("lead", "Sở Nội vụ")."""
    for attr, pattern in _attribute_patterns():
        m = pattern.match(text)
        if m:
            return attr, m.group("value").strip()
    return None


# parts that describe (aims, the situation, a venue, a unit's structure) or hand down powers,
# and assign no work of their own
SILENT_ROLES = ("aims", "situation", "structure", "powers")


def section_role(heading: str) -> str | None:
    h = fold(re.sub(r"^[\W\d]+", "", heading))
    # "VỀ KẾT QUẢ ĐẠT ĐƯỢC", "VỀ NHIỆM VỤ, GIẢI PHÁP": a conclusion's parts say what they are about
    h = re.sub(r"^về\s+(?!việc\b)", "", h)
    role = _role_of(h)
    if role in SILENT_ROLES:
        # "MỤC TIÊU, NHIỆM VỤ", "Đánh giá kết quả và nhiệm vụ năm 2026", "Thẩm quyền, trình tự,
        # thủ tục …": a heading that also names work holds work
        for part in re.split(r",\s*|\s+và\s+", h)[1:]:
            if part.startswith(_compound_work(role)):
                return _role_of(part)
    return role


@cache
def work_words() -> tuple[str, ...]:
    """The words that name work (cues.yaml: compound_work_headings), folded."""
    return tuple(fold(w) for w in cues()["compound_work_headings"])


@cache
def _compound_work(role: str) -> tuple[str, ...]:
    """The words that make a silent heading hold work: its role's own (`holds_work`), or
    `work_words`."""
    own = next((e.get("holds_work") for e in cues()["section_roles"] if e["role"] == role), None)
    return tuple(fold(w) for w in own) if own else work_words()


def _role_of(h: str) -> str | None:
    for entry in cues()["section_roles"]:
        prefix = next((fold(p) for p in entry["prefixes"] if h.startswith(fold(p))), None)
        if prefix is None:
            continue
        if h[len(prefix) :].lstrip().startswith(tuple(fold(w) + " " for w in entry.get("binds", ()))):
            return None  # "Yêu cầu đối với cơ sở xử lý chất thải …": what a body must do
        return entry["role"]
    return None


def classify(text: str, heading: bool = False) -> tuple[str, str, str]:
    """A line's kind, label and text without the label."""
    for kind, pattern in (
        ("part", _PART),
        ("chapter", _CHAPTER),
        ("subsection", _SUBSECTION),
        ("article", _ARTICLE),
        ("section", _ROMAN),
        ("part", _CAPITAL),
        ("decimal", _DECIMAL),
        ("item", _NUMBER),
        ("item", _named_item()),
        ("letter", _LETTER),
        ("letter", _LETTER_DOT),
        ("point", _BRACKETED),
        ("plus", _PLUS),
        ("dash", _DASH),
    ):
        m = pattern.match(text)
        if m:
            label = m.groupdict().get("label") or ("+" if kind == "plus" else "-" if kind == "dash" else "")
            body = m.group("text").strip()
            # a roman heading in sentence case and plain print still opens a section when it names
            # a part of the document ("II. Địa điểm: …", "III. Tổ chức thực hiện"): PDF text loses bold
            if kind == "section" and not (_looks_like_heading(body) or (body[:1].isupper() and (heading or section_role(body) is not None))):
                continue
            if kind in ("part", "chapter") and body and not (_looks_like_heading(body) or heading or (kind == "part" and _opens_in_capitals(body))):
                continue
            if kind == "article" and not (heading or re.match(r"^\d{1,3}\s*[.:]", text[len(text.split()[0]) :].strip())):
                continue
            return kind, label, body
    return "para", "", text


@cache
def _named_item() -> re.Pattern[str]:
    """"Nhiệm vụ 1: Tuyên truyền …": an item numbered after the word for what it is (cues.yaml:
    named_items)."""
    return re.compile(rf"^(?:{alternation(cues()['named_items'])})\s+(?P<label>\d{{1,2}})\s*[:.]\s*(?P<text>\S.*)$", re.I)


_ASIDE = re.compile(r"\([^)]*\)")


def _opens_in_capitals(text: str) -> bool:
    """"B. PHƯƠNG ÁN TÁI CẤU TRÚC I. Lưu đồ …": a lettered part whose first words are capitals is
    a heading, whatever line the text ran on to (plain text keeps no bold)."""
    words = text.split()[:3]
    return len(words) == 3 and all(w.isupper() and len(w) > 1 for w in words)


def _looks_like_heading(text: str) -> bool:
    """Mostly capitals (parenthesised asides aside): "NHIỆM VỤ (chi tiết tại Phụ lục)"."""
    bare = _ASIDE.sub("", text)
    letters = sum(map(str.isalpha, bare))  # map over str methods: C speed, every line is asked
    return letters > 0 and sum(map(str.isupper, bare)) / letters > 0.6


# --- genre headings and openings -------------------------------------------------------------------


@cache
def _type_heading_regex() -> re.Pattern[str]:
    """`KẾ HOẠCH`, `NGHỊ QUYẾT`, `QUYẾT ĐỊNH` … in capitals, alone or before the title."""
    alts = "|".join(r"\s*".join(re.escape(w) for w in n.split()) for n in printed_genres())
    # a copy may glue the title to the heading ("NGHỊ ĐỊNHQuy định về …"): a capital and a
    # small letter right after the type word start it
    return re.compile(
        rf"^(?P<type>{alts})(?:\s+(?P<rest>HÀNH ĐỘNG|LIÊN TỊCH|PHỐI HỢP))?(?:\s*[:.]?\s*$|\s+(?P<title>\S.*)$|(?P<glued>[A-ZĐ][a-zà-ỹđ].*)$)"
    )


def type_heading(line: Line) -> tuple[str, str | None] | None:
    """The genre a heading line announces (`Kế hoạch`), and a title on the same line."""
    text = line.text.strip()
    m = _type_heading_regex().match(text)
    if not m:
        misread = _misread_genre(text)
        return (misread, None) if misread else None
    title = m.group("title") or m.group("glued")
    if m.group("title") and not (_looks_like_heading(title) or line.heading):
        return None
    word = re.sub(r"\s+", " ", m.group("type"))
    genre = _genre_name(word)
    if genre is None:
        return None
    return genre, title


def _genre_name(word: str) -> str | None:
    dt = doc_types()
    for t in dt.types:
        if any(fold(n) == fold(word) for n in t.names):
            return t.name
    for name in cues()["heading_only_types"]:
        if fold(name) == fold(word):
            return name
    return None


def _misread_genre(text: str) -> str | None:
    """"KÉ HOẠCH", "QUYÉT ĐỊNH" alone on a line: a scan's slip of one mark in a genre's name of two
    words, still told by its letters — one letter only ("PHƯỜNG AN" is no "PHƯƠNG ÁN")."""
    if not text.isupper() or len(text.split()) < 2:
        return None
    for printed in printed_genres():
        if len(printed) == len(text) and unmarked(printed) == unmarked(text) and sum(a != b for a, b in zip(printed, text)) == 1:
            return _genre_name(printed)
    return None


@cache
def _opener_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words that open a preamble's paragraph (cues.yaml: opening_cues); and as a scan may
    misread them ("Cân cứ", "Thưc hiện", rules.misreadable)."""
    words = cues()["opening_cues"]
    return (
        re.compile(r"^(?:" + alternation(words) + r")(?![\wÀ-ỹ])", re.I),
        re.compile(r"^(?:" + alternation(misreadable(words)) + r")(?![\wÀ-ỹ])", re.I),
    )


def is_opener(text: str) -> bool:
    exact, loose = _opener_regexes()
    return bool(exact.match(text) or loose.match(unmarked(text)))


@cache
def _enacting_regex() -> re.Pattern[str]:
    """`QUYẾT ĐỊNH:`, `QUYẾT NGHỊ:`, `… chỉ thị:` — the line after which the body starts."""
    words = "|".join(re.escape(w) for w in cues()["enacting_words"])
    return re.compile(rf"^(?:{words})\s*:\s*$|^.{{0,200}}\b(?:chỉ thị|yêu cầu)\s*:\s*$", re.I)


def _authority_line(text: str) -> bool:
    """`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI`, `HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI`,
    `KHÓA XVI, KỲ HỌP THỨ 28`: the body that enacts, printed between title and opening."""
    if not _looks_like_heading(text) or len(text) > 120:
        return False
    up = fold(text)
    if re.match(r"^(?:khóa|khoá)\s+[ivxlc]+", up):
        return True
    # a post before a body ("GIÁM ĐỐC SỞ CÔNG THƯƠNG"), or the body itself ("ỦY BAN THƯỜNG VỤ QUỐC HỘI")
    body = re.sub(r"^(?:chủ tịch|bộ trưởng|giám đốc|trưởng ban|trưởng đoàn|chánh văn phòng|thủ trưởng|tổng cục trưởng|cục trưởng)\s+", "", up)
    from .agencies import find_agencies

    cased = body[:1].upper() + body[1:]
    found = find_agencies(_capitalise_heads(cased))
    return bool(found and found[0].start == 0 and (found[0].known or found[0].kind == "central_government"))


# --- parse ---------------------------------------------------------------------------------------


@cache
def _province_names() -> tuple[str, ...]:
    """The provinces as the issuer block and the dateline write them ("TỈNH ĐẮK LẮK", "Thành phố
    Hồ Chí Minh"), for names a scan misread by a mark."""
    return tuple(n for p in places.provinces().values() for n in (p.full_name, p.name))


def _with_header_marks(lines: list[Line], within: int = 40) -> list[Line]:
    """The header's lines in capitals (the issuer block) with the marks of the province names
    restored where a scan misread them; the rest as it is."""
    out = list(lines)
    for k, line in enumerate(lines[:within]):
        if line.text.isupper():
            text = restore_marks(line.text, _province_names())
            if text != line.text:
                out[k] = replace(line, text=text)
    return out


def parse(norm: Normalised) -> Document:
    lines = _with_header_marks(list(norm.lines))
    rec_heading = _recipients_heading()
    header = Header()
    portal = dict(norm.portal)

    body_start, preamble_start, issuer_lines = _read_header(lines, header)
    if header.genre is None and portal.get("type"):
        header.genre = _genre_name(portal["type"]) or portal["type"]
    if header.genre is None and header.symbol_code:
        code = re.split(r"[-/]", header.symbol_code)[0]
        t = doc_types().by_code(code)
        header.genre = t.name if t else None
    # a dispatch's readers follow its authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:"), which
    # the header took: the address is read from there
    authority_at = next((i for i, l in enumerate(lines) if header.authority and l is header.authority[0]), preamble_start)
    address_start = min(preamble_start, authority_at)
    addressees = _addressees(lines[address_start:body_start] if body_start > address_start else lines[:60])
    if header.genre is None and (header.subject or addressees):
        header.genre = cues()["letter"]["genre"]
    if header.date is None:
        header.date = _adoption_date(lines)
    if header.date is None and portal.get("date"):
        # the portal's metadata keeps the date a copy of the text lost ("Ngày ban hành: 01/12/2025")
        d = re.match(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$", portal["date"])
        if d:
            header.date = _iso_date(d.group(1), d.group(2), d.group(3))
    if header.number is None and portal.get("number"):
        m = re.match(r"^(\d+[a-zA-Z]?)([/-])(.+)$", re.sub(r"\s+", "", portal["number"]))
        if m:
            header.number, header.symbol, header.symbol_code = m.group(1), f"{m.group(1)}{m.group(2)}{m.group(3)}", m.group(3)
    preamble = list(lines[preamble_start:body_start])

    # --- body, tail, attachments ------------------------------------------------------------
    tail_start = _tail_start(lines, body_start, rec_heading)
    sections = _body(lines[body_start:tail_start])
    recipients, signer, after_tail = _tail(lines, tail_start, rec_heading)
    known = {fold(r.text) for r in recipients}
    recipients = [a for a in addressees if fold(a.text) not in known] + recipients
    # a document of unknown genre may be a decision: its attachments keep their own genres
    attachments = _attachments(lines, after_tail, not header.genre or promulgating(header.genre))
    _identity_from_annexes(header, attachments)
    issuer_line = issuer_lines[-1] if issuer_lines else None
    return Document(
        header,
        preamble,
        sections,
        recipients,
        signer,
        dict(norm.footnotes),
        lines,
        issuer_line,
        issuer_lines=issuer_lines,
        attachments=attachments,
        portal=portal,
    )


def _identity_from_annexes(header: Header, attachments: list[Attachment]) -> None:
    """A text whose header block is lost (no symbol, no date read) names itself in its appendix's
    caption: "(Kèm theo Kế hoạch số 617/KH-UBND ngày 01/12/2025 của Ủy ban nhân dân tỉnh)" — its
    number, symbol and date, when the caption names the text's own genre."""
    if header.symbol_code is not None or header.date is not None or not header.genre:
        return
    caption = re.compile(
        rf"kèm\s+theo\s+{re.escape(header.genre)}\s+số\s+(?P<num>\d+[a-zA-Z]?)\s*(?P<sep>[/-])\s*(?P<code>[A-ZĐ][\wĐ/-]*?)\s+ngày\s+"
        r"(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))",
        re.I,
    )
    for annex in attachments:
        for line in [annex.heading, *([annex.issued_with] if annex.issued_with else []), *annex.lines[:8]]:
            m = caption.search(line.text)
            if m:
                header.number, header.symbol_code = m.group("num"), m.group("code").rstrip("/-")
                header.symbol = f"{header.number}{m.group('sep')}{header.symbol_code}"
                header.date = _iso_date(m.group("d") or m.group("d2"), m.group("m") or m.group("m2"), m.group("y") or m.group("y2"))
                return


def _read_number_line(m: re.Match[str], text: str, header: Header, line: Line) -> None:
    """"Số: 12/KH-UBND", and the dateline when it shares the line."""
    header.number = m.group("num")
    code = re.sub(r"\s+", "", m.group("code")).rstrip(".")
    header.symbol = f"{header.number}{m.group('sep')}{code}" if header.number else code
    header.symbol_code = re.sub(r"^(?:19|20)\d{2}/", "", code)
    rest = text[m.end():].strip()
    if _DATELINE.match(rest):
        _dateline(rest, header, line)


def _read_type_heading(lines: list[Line], i: int, th: tuple[str, str | None], header: Header, above: list[Line]) -> int:
    """The genre heading at line i, the title under it and the enacting authority under that;
    returns the first line of the preamble. `above`: a title in capitals that the text set above
    its heading (PDF text in the order of its boxes), taken when the opening follows the heading."""
    header.genre, same_line_title = th
    header.type_heading = lines[i].text
    i += 1
    title_parts, i = _title_lines(lines, i, same_line_title)
    if above and not same_line_title and (not title_parts or is_opener(title_parts[0].text)):
        i -= len(title_parts)
        title_parts = above
    if title_parts:
        header.title = _title_text(title_parts)
        header.title_line = title_parts[0].first
        header.title_src = tuple(n for l in title_parts for n in l.src)
    while i < len(lines) and (_authority_line(lines[i].text) or _ISSUED_WITH.match(lines[i].text)):
        if _authority_line(lines[i].text):
            header.authority.append(lines[i])
        i += 1
    return i


def _read_header(lines: list[Line], header: Header) -> tuple[int, int, list[Line]]:
    """Header fields; returns (first body line, first preamble line, the issuer block)."""
    issuer_lines: list[Line] = []
    displaced: list[Line] = []
    i = 0
    n = len(lines)
    limit = min(n, 60)
    while i < limit:
        line = lines[i]
        text = line.text
        if _is_body_marker(line) and i > 0 and is_opener(lines[i - 1].text):
            break
        if is_opener(text) and (header.symbol or header.date or issuer_lines):
            break  # an opening without a type heading: the preamble starts here
        if _BARE_NUMBER_LABEL.match(text) and i + 1 < n and _SYMBOL_START.match(lines[i + 1].text) and header.symbol_code is None:
            # "Số:" at the end of a cell line, the symbol on the next ("Số:" / "2820/QĐ-UBND")
            text = f"Số: {lines[i + 1].text.strip()}"
            i += 1
        m = _NUMBER_LINE.match(text)
        if m and header.symbol_code is None:
            _read_number_line(m, text, header, line)
            i += 1
            continue
        if header.place is None and _DATELINE.match(text):
            _dateline(text, header, line)
            i += 1
            continue
        subject = LETTER_SUBJECT.match(text) if header.title is None else None
        if subject:
            header.subject = subject.group("text").strip()
            i += 1
            continue
        th = type_heading(line)
        if th is not None:
            preamble_start = _read_type_heading(lines, i, th, header, displaced)
            return _first_body_line(lines, preamble_start), preamble_start, issuer_lines
        if not is_motto(text) and _looks_like_heading(text) and len(text) < 90 and i < 12:
            # past the symbol and the dateline, words in capitals are the title set above its
            # genre heading, not the issuer ("PHÁT TRIỂN KINH TẾ SỐ … GIAI ĐOẠN 2026 - 2030" /
            # "KẾ HOẠCH"); an urgency mark ("KHẨN", "HỎA TỐC") is no title
            title_above = header.symbol_code is not None and header.place is not None and len(text.split()) >= 4
            (displaced if title_above else issuer_lines).append(line)
        i += 1
    # no type heading: the preamble starts after the header lines read so far
    start = i if i < n else 0
    if start == 0:
        start = next((k for k, l in enumerate(lines) if not _NUMBER_LINE.match(l.text) and not _DATELINE.match(l.text)), 0)
    if header.subject and header.title is None:
        header.title = header.subject
    return _first_body_line(lines, start), start, issuer_lines


def _adoption_cue() -> str:
    """"thông qua ngày", its words parted by any space (cues.yaml: adoption_cue)."""
    return r"\s+".join(map(re.escape, cues()["adoption_cue"].split()))


@cache
def _adoption_formula() -> re.Pattern[str]:
    """A line of its own that says the text was adopted ("Nghị quyết này được Ủy ban Thường vụ
    Quốc hội … thông qua ngày …"; cues.yaml: adoption_cue, adopted_texts)."""
    texts = alternation(cues()["adopted_texts"])
    return re.compile(rf"^[\s*_]*(?:{texts})\s+này\s+(?:đã\s+)?được\s[^.;]*?{_adoption_cue()}\s+\d", re.I)


def _adoption_date(lines: list[Line]) -> str | None:
    """"… thông qua ngày 16 tháng 6 năm 2025" in the closing lines."""
    cue = _adoption_cue()
    tail = " ".join(l.text for l in lines[-40:])
    found = list(re.finditer(rf"{cue}\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})\s+năm\s+(\d{{4}})", tail, re.I))
    m = found[-1] if found else None  # the last date: the closing one
    return _iso_date(m.group(1), m.group(2), m.group(3)) if m else None


def _addressees(lines: list[Line]) -> list[Line]:
    """Whom a letter is addressed to: `Kính gửi: X` or `Kính gửi:` and the dashes below it."""
    words = "|".join(re.escape(w) for w in cues()["letter"]["address"])
    dispatch = re.escape(cues()["letter"]["dispatch"])
    address = re.compile(rf"^(?:(?:{words})\s*:?|[{CAPITALS}][{CAPITALS} ,]{{2,80}}\s+{dispatch}\s*:)\s*(?P<rest>.*)$", re.I)
    for k, line in enumerate(lines):
        m = address.match(line.text)
        if not m:
            continue
        out = [Line(p.strip(" -;.,"), line.src) for p in re.split(r"\s*;\s*", m.group("rest")) if p.strip(" -;.,")]
        for nxt in lines[k + 1 :]:
            dash = _DASH.match(nxt.text)
            if not dash:
                break
            out.append(Line(dash.group("text").strip(" ;.,"), nxt.src))
        return out
    return []


def _dateline(text: str, header: Header, line: Line) -> None:
    m = _DATELINE.match(text)
    if m is None:
        raise ValueError(f"not a place-and-date line: {text!r}")  # callers match first
    header.place = restore_marks(m.group("place").strip(), _province_names())
    header.date = _iso_date(m.group("d"), m.group("m"), m.group("y"))
    header.dateline_line = line.first


def _title_lines(lines: list[Line], i: int, same_line: str | None) -> tuple[list[Line], int]:
    """The title: the rest of the heading line and the lines after it, up to the opening."""
    parts: list[Line] = []
    if same_line:
        parts.append(Line(same_line, lines[i - 1].src))
    caps = None
    while i < len(lines):
        line = lines[i]
        text = line.text
        if _is_body_marker(line) or _authority_line(text) or _ISSUED_WITH.match(text):
            break
        if _NUMBER_LINE.match(text) or _DATELINE.match(text) or _enacting_regex().match(text):
            break
        this_caps = _looks_like_heading(text)
        if parts and is_opener(text) and not (caps and this_caps):
            break
        if caps is None:
            caps = this_caps
        elif caps != this_caps or not caps:
            break  # a title in sentence case is one line; one in capitals runs while capitals do
        parts.append(line)
        i += 1
        if len(parts) >= 6:
            break
    return parts, i


def _title_text(parts: list[Line]) -> str:
    text = re.sub(r"\s+", " ", " ".join(p.text for p in parts)).strip()
    text = re.sub(r"^V/[vV]\.?\s*", "", text)
    if _looks_like_heading(text):
        return sentence_case(text)
    return text


def sentence_case(text: str) -> str:
    """A title printed in capitals, in the case it is cited in: names keep their capitals."""
    from . import places
    from .agencies import find_agencies

    low = text.lower()
    out = low[:1].upper() + low[1:]
    # symbols keep their printed form, with the type and issuer codes as the registry writes them
    out = re.sub(r"\b\d+[a-z]?(?:/\d{4})?[/-][a-zđ0-9&]+(?:[-/][a-zđ0-9&]+)*", lambda m: _symbol_case(text[m.start() : m.end()]), out)
    # a document type before its number or symbol: "Chỉ thị số 32/CT-TTg"
    for name in doc_types().all_names:
        out = re.sub(rf"(?<![\wÀ-ỹ]){re.escape(name.lower())}(?=\s+(?:số\s+)?\d)", name, out)
    # Roman numerals of congresses and terms: "Đại hội lần thứ XIV", "khóa XV"
    out = re.sub(r"(?<=lần thứ )[ivxlc]+\b|(?<=khóa )[ivxlc]+\b|(?<=khoá )[ivxlc]+\b", lambda m: m.group(0).upper(), out)
    for m in re.finditer(r"(?<![\wÀ-ỹ])(?:tỉnh|thành phố|xã|phường|huyện|đặc khu)\s+(?=([\wÀ-ỹ]+(?:\s+[\wÀ-ỹ]+){0,3}))", out):
        words = m.group(1).split()
        for k in range(len(words), 0, -1):
            cand = " ".join(w.capitalize() for w in words[:k])
            if places.is_place_name(cand):
                start = m.end()
                out = out[:start] + cand + out[start + len(cand) :]
                break
    for a in find_agencies(out):
        if a.known and a.entry and fold(out[a.start : a.start + len(a.entry)]) == fold(a.entry):
            out = out[: a.start] + _cased_name(a.entry, out[a.start]) + out[a.start + len(a.entry) :]
    return proper_case(out)


def _symbol_case(symbol: str) -> str:
    codes = {fold(t.code): t.code for t in doc_types().types}
    codes.update({fold(k): k for k in doc_types().issuers})
    parts = re.split(r"([/-])", symbol)
    return "".join(codes.get(fold(p), p) for p in parts)


def _capitalise_heads(text: str) -> str:
    """"Bộ xây dựng" -> "Bộ Xây dựng": family names are found by the capital after the head."""
    return re.sub(r"^(Bộ|Sở|Cục|Tổng cục|Ban|Văn phòng|Thanh tra|Kho bạc)\s+(\S)", lambda m: f"{m.group(1)} {m.group(2).upper()}", text)


def _is_body_marker(line: Line) -> bool:
    kind = classify(line.text, line.heading)[0]
    if kind in ("part", "chapter", "section", "article"):
        return True
    return bool(_enacting_regex().match(line.text))


def _first_body_line(lines: list[Line], start: int, lists: bool = False) -> int:
    """The body starts after `QUYẾT ĐỊNH:`/`QUYẾT NGHỊ:`, at the first section, chapter or
    article, or at the first numbered item after the opening (in an appendix, at any list
    item: its task table may be a list of dashes)."""
    items = LIST_KINDS if lists else ("item",)
    plain = None  # the first line that opens nothing ("Cục Thuế có kế hoạch nâng cấp …")
    for i in range(start, len(lines)):
        line = lines[i]
        if lists and _ANNEX.match(line.text.strip()):
            return i  # the next appendix: this one has no list (a table of figures, a form)
        if _enacting_regex().match(line.text):
            return i + 1
        kind = classify(line.text, line.heading)[0]
        if kind in ("part", "chapter", "section", "article"):
            return i
        if kind in items and not is_opener(line.text) and not (not lists and _grounds_follow(lines, i)):
            return i
        if kind == "dash" and plain is None and _addressed_list(lines, start, i):
            return i
        if _tail_line(lines, i):
            # a notice in plain paragraphs and dashes: no item ever came, and its words from
            # the first line that is no opening are the body, not a preamble
            return plain if plain is not None and not lists else i
        if plain is None and kind == "para" and line.text.strip() and not is_opener(line.text):
            plain = i
    return len(lines)


def _addressed_list(lines: list[Line], start: int, i: int) -> bool:
    """"Thực hiện … Ủy ban nhân dân tỉnh giao:" / "- Sở Nội vụ: hướng dẫn …": dashes after the
    opening's colon that each open with a body are the letter's body, its duties (dashes of
    documents after "Căn cứ các văn bản sau:" stay the opening's; the addressees after "Kính
    gửi:" are no duties)."""
    before = next((l.text.strip() for l in reversed(lines[start:i]) if l.text.strip()), "")
    if not before.endswith(":") or not is_opener(before) or fold(before).startswith(tuple(cues()["letter"]["address"])):
        return False  # "Kính gửi:" over its addressees
    from .agencies import find_agencies

    body = classify(lines[i].text)[2]
    found = find_agencies(body[:120])
    return bool(found) and found[0].start == 0


@cache
def _grounds_cues() -> tuple[str, ...]:
    """The words that open a ground ("Căn cứ …"; cues.yaml: relation_cues.based_on), folded."""
    return tuple(fold(w) for w in cues()["relation_cues"]["based_on"])


def _grounds_follow(lines: list[Line], i: int, reach: int = 40) -> bool:
    """Numbered lines that the grounds ("Căn cứ …") still follow belong to the opening: a
    consolidated text lists the acts that amended it ("… được sửa đổi, bổ sung bởi: 1. Thông tư số
    25/2025/TT-BCT …; 2. …") before its own grounds and enacting words."""
    for line in lines[i + 1 : i + reach]:
        if not line.text.strip():
            continue
        if is_opener(line.text) and fold(line.text).lstrip(" *_").startswith(_grounds_cues()):
            return True
        if classify(line.text, line.heading)[0] != "item":
            return False  # only a run of numbered lines then the grounds ("Căn cứ bảng tọa độ …" in a letter's body is no ground)
    return False


# the longest piece of an unlabelled recipients list (a few recipients a comma joins)
_RECIPIENT_PIECE = 160


@cache
def _dashed_filing() -> re.Pattern[str]:
    return re.compile(rf"[-–]\s*{cues()['recipients_filing']}")


def _unlabelled_recipients(text: str) -> bool:
    """A recipients list whose label a table cell lost: "- Chính phủ; - …; - Lưu: HC, PLTP. | TM. …",
    its items one line or several, an item cut by the cell ending in a comma: dashed items parted
    by ";" up to the dashed filing line. (Read piece by piece: a pattern of repeated items
    backtracks without end on a long paragraph of dashes that has no filing line.)"""
    filing = _dashed_filing().search(text)
    if not filing or text.lstrip()[:1] not in "-–":
        return False
    head = text[: filing.start()]
    pieces = [p.strip() for p in head.split(";") if p.strip()]
    if len(pieces) < 2 or "|" in head or re.search(cues()["recipients_heading"].lstrip("^"), fold(head)):
        return False
    # each piece one recipient or a few cut by a comma, never a sentence of duties
    return all(p[:1] in "-–" and len(p) <= _RECIPIENT_PIECE for p in pieces)


@cache
def _filing_stays_found() -> bool:
    """Is a filing line found in the first lines found in those lines and more? So unless the
    cue looks ahead or anchors an end (cues.yaml: recipients_filing)."""
    cue = cues()["recipients_filing"]
    return not any(mark in cue for mark in ("(?=", "(?!", "$", "\\b", "\\B", "\\Z"))


# lines a recipients list without its label may run over before its filing line ("- Lưu: …"): a
# PDF's narrow column beside the signature wraps seven recipients over as many lines
RECIPIENT_LINES = 8


def _unlabelled_span(lines: list[Line], i: int) -> int:
    """How many lines from `i` a recipients list without its label takes, up to its filing line
    ("- Lưu: …"); 0 when none starts there."""
    if lines[i].text.lstrip()[:1] not in "-–":
        return 0
    most = min(RECIPIENT_LINES, len(lines) - i)
    if _filing_stays_found() and not _dashed_filing().search(" ".join(x.text for x in lines[i : i + most])):
        return 0  # no filing line in reach (most dashed lines are items of a plan, not recipients)
    for k in range(1, most + 1):
        if _unlabelled_recipients(" ".join(x.text for x in lines[i : i + k])):
            # the filing line ends it, on a line of its own or after the last recipient's end
            # ("MTTQVN tỉnh Đồng Tháp; - Lưu: HC, PLTP.", a cell wrapped at its width)
            last = lines[i + k - 1].text
            return k if k == 1 or _filing_line().match(last) or _dashed_filing().search(last) else 0
    return 0


@cache
def _filing_line() -> re.Pattern[str]:
    """The recipients list's last line: "- Lưu: VT, …" (cues.yaml: recipients_filing)."""
    return re.compile(rf"^\s*[-–]?\s*{cues()['recipients_filing']}")


@cache
def _recipients_heading() -> re.Pattern[str]:
    """The recipients' heading ("Nơi nhận:"; cues.yaml: recipients_heading), compiled once for
    the header reader, the tail and the attachments."""
    return re.compile(cues()["recipients_heading"], re.I)


def _tail_line(lines: list[Line], i: int) -> bool:
    c = cues()
    line = lines[i]
    if _recipients_heading().match(fold(line.text)):
        return True
    if _unlabelled_span(lines, i):
        return True
    formulas = tuple(f"{f}." for f in c["signature_formulas"])
    return line.text.upper().startswith(formulas) and _looks_like_heading(line.text)


def _tail_start(lines: list[Line], start: int, rec_heading: re.Pattern[str]) -> int:
    for i in range(start, len(lines)):
        if rec_heading.match(fold(lines[i].text)) or _tail_line(lines, i):
            return i
        if _adoption_formula().match(lines[i].text):
            # "Nghị quyết này được … khóa XV thông qua ngày 16 tháng 6 năm 2025.": a resolution's
            # last words; what follows is its recipients and signature, labelled or not
            return i
        if _is_signature_block(lines, i):
            return i
        if _attachment_heading(lines, i):
            return i
    return len(lines)


@cache
def _posts() -> frozenset[str]:
    """The posts a signature names in capitals (cues.yaml: positions), folded."""
    return frozenset(fold(p) for p in cues()["positions"])


def _is_signature_block(lines: list[Line], i: int) -> bool:
    """A position in capitals followed by a person's name ("CHỦ TỊCH" / "Phùng Thị Hồng Hà")."""
    text = lines[i].text.strip()
    if not (_looks_like_heading(text) and fold(text) in _posts()):
        return False
    return i + 1 < len(lines) and _is_person(lines[i + 1].text.strip())


_PERSON_NAME = re.compile(rf"^[{CAPITALS}][a-zà-ỹđ]*(?:\s+[{CAPITALS}][a-zà-ỹđ]*){{1,5}}$")


def _is_person(text: str) -> bool:
    """A signer's name on its line, an officer's rank before it allowed ("Đại tá Nguyễn Văn Hải";
    cues.yaml: ranks)."""
    return bool(_PERSON_NAME.match(_without_rank(text)))


def _person_name(text: str) -> str:
    """The name a signer's line gives, without the rank before it."""
    return _without_rank(text.strip())


def _without_rank(text: str) -> str:
    m = _rank_regex().match(text)
    return text[m.end() :] if m else text


@cache
def _rank_regex() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(cues()['ranks'])})\s+(?=[{CAPITALS}])")


@cache
def _signed_note() -> re.Pattern[str]:
    """"(Đã ký)", "(Ký, đóng dấu)": a note where the signature stands, no line of the block
    (cues.yaml: signed_notes)."""
    return re.compile(rf"(?:^|\s+)\(\s*(?:{alternation(cues()['signed_notes'])})(?![\wÀ-ỹ])[^()]*\)$", re.I)


@cache
def notice_closing() -> re.Pattern[str]:
    """A notice's closing formula (cues.yaml: notice_closing); group `bodies` from the purpose
    word on: who is to know and act."""
    c = cues()["notice_closing"]
    return re.compile(
        # (the formula may close a paragraph that opens with another sentence: "Thông báo này có
        # hiệu lực từ ngày ký. Cục trưởng Cục Hải quan thông báo để Công ty … biết và thực hiện./.")
        rf"^(?:[^\n]{{0,300}}?\.\s+)?[^.;:]{{0,100}}?(?<![\wÀ-ỹ])(?:(?:{alternation(c['verbs'])})\s+{re.escape(c['purpose'])}\s+(?P<bodies>[^.;]{{1,250}}?(?<![\wÀ-ỹ])(?:{alternation(c['knows'])})(?![\wÀ-ỹ]).*)"
        rf"|(?:{alternation(c['bare'])})[\s./]*)$",
        re.I | re.S,
    )


def _body(lines: list[Line]) -> list[Node]:
    """Nodes of the body, nested by the level of their markers."""
    c = cues()
    closing = tuple(c["closing_cues"])
    root = Node("root", "", "", ())
    stack: list[Node] = [root]
    last_capital: str | None = None
    last_roman: str | None = None
    for line in lines:
        text = line.text
        kind, label, body = classify(text, line.heading)
        if kind == "para" and last_roman:
            kind, label, body = _roman_in_sequence(text, last_roman) or (kind, label, body)
        if kind in ("para", "item") and last_roman:
            kind, label, body = _scanned_roman(text, last_roman) or (kind, label, body)
        if kind == "para":
            kind, label, body = _comma_item(text, stack) or (kind, label, body)
        if kind == "para" and (fold(text).startswith(closing) or notice_closing().match(text)) and len(stack) > 1:
            node = Node("closing", "", text, line.src)
            stack[1].children.append(node)
            stack = stack[:2]
            continue
        attr = attribute_of(body)
        if kind == "para":
            target = stack[-1]
            if target is root:
                # text before any marker (a directive's situation paragraphs) is its own part
                node = Node("para", "", text, line.src)
                root.children.append(node)
                continue
            if attr:
                target.children.append(Node("attr", "", attr[1], line.src, attr=attr[0]))
            else:
                target.children.append(Node("para", "", text, line.src))
            continue
        if kind == "section" and last_capital and len(label) == 1 and ord(label) == ord(last_capital) + 1:
            kind = "part"  # "C." after "B.": the next capital letter, not the roman hundred
        if kind == "part" and _CAPITAL.match(text):
            if any(n.marker in ("section", "subsection", "article", "item") for n in stack[1:]) and last_capital is None:
                # "A." inside an open section is a lettered group under it, not a part above it:
                # read as text, as it always was
                stack[-1].children.append(Node("para", "", text, line.src))
                continue
            last_capital = label
        level = _LEVEL_OF[kind]
        while len(stack) > 1 and _LEVEL_OF.get(stack[-1].marker, 10) >= level:
            stack.pop()
        if kind == "article" and _inside_article_list(stack):
            stack.pop()
        role = section_role(body) if kind in ("part", "chapter", "section", "subsection", "article") else None
        if attr and kind not in ("part", "chapter", "section", "article"):
            node = Node("attr", label, attr[1], line.src, attr=attr[0], marker=kind)
        else:
            node = Node(kind, label, body, line.src, role=role, marker=kind, heading=line.heading)
        stack[-1].children.append(node)
        # attribute lines open a level too: "- Cơ quan thực hiện:" followed by "+ ..." items
        stack.append(node)
        if kind == "section":
            last_roman = label
    return root.children


def _roman_in_sequence(text: str, last: str) -> tuple[str, str, str] | None:
    """A roman numeral in sentence case that follows the last section's ("II. Địa điểm: …" then
    "III. Văn phòng Chính phủ trân trọng đề nghị:"): the next section, though PDF text lost the
    bold that would have said so."""
    m = _ROMAN.match(text)
    if not m or not m["text"][:1].isupper() or roman_value(m["label"]) != roman_value(last) + 1:
        return None
    return "section", m["label"], m["text"].strip()


_SCANNED_ROMAN = re.compile(r"^(?P<label>[1lIVX]{1,5})\s*[.,)]\s*(?P<text>\S.*)$")


def _scanned_roman(text: str, last: str) -> tuple[str, str, str] | None:
    """A scan's reading of the next part's numeral over a heading in capitals: "11. TỔ CHỨC THỰC
    HIỆN" or "II, TỔ CHỨC THỰC HIỆN" after part I (an "I" read as "1" or "l", the stop as a
    comma) — the part, not item 11 of part I (which lost every task after it)."""
    m = _SCANNED_ROMAN.match(text)
    if not m or m["label"].isdigit() and len(m["label"]) == 1:
        return None
    roman = m["label"].replace("1", "I").replace("l", "I")
    if roman == m["label"] and text[len(m["label"]) :].lstrip()[:1] != ",":
        return None  # a roman label as written is the classifier's
    if not mostly_capitals(m["text"]) or not re.fullmatch(r"[IVX]+", roman) or roman_value(roman) != roman_value(last) + 1:
        return None
    return "section", roman, m["text"].strip()


_COMMA_ITEM = re.compile(rf"^(?P<label>\d{{1,2}}),\s+(?P<text>[{CAPITALS}].*)$")


def _comma_item(text: str, stack: list[Node]) -> tuple[str, str, str] | None:
    """"2, Kiểm tra việc …" after item 1: the next item, its stop read as a comma by a scan (a
    figure and a comma that do not follow the open item's number are a sentence's: "… khoản 1,
    | 2, 3 Điều 5")."""
    m = _COMMA_ITEM.match(text)
    if not m:
        return None
    last = next((n for n in reversed(stack) if n.marker == "item"), None)
    if last is None or not last.label.isdigit() or int(last.label) + 1 != int(m["label"]):
        return None
    return "item", m["label"], m["text"]


def _inside_article_list(stack: list[Node]) -> bool:
    """Is the open node a roman-numbered part of an article's content? "Điều 1. Phê duyệt Đề án
    với các nội dung sau: I. Quan điểm … V. Tổ chức thực hiện" then "Điều 2.": roman parts
    that come after an article at the same depth belong to it, and the next article closes
    them (it is the first article's sibling, not an item of part V)."""
    if len(stack) < 2 or stack[-1].marker != "section":
        return False
    return any(c.kind == "article" for c in stack[-2].children)


# --- tail: recipients and signature ----------------------------------------------------------------


def _listed(text: str, src: tuple[int, ...]) -> list[Line]:
    """The recipients one line holds: a list a converter flattened ("- UBND tỉnh (b/c); - Sở Nội
    vụ; - Lưu: VT.") is parted at each dash after ";" or ","."""
    return [Line(item.strip(" -–,"), src) for item in re.split(r"[;,]\s*(?=[-–])", text) if item.strip(" -–,")]


def _with_recipient_line(recipients: list[Line], line: Line, above: str) -> list[Line]:
    """The list with one more of its lines: a dashed entry (or the filing line) is new; a line with
    no dash goes on with the entry above when that one ran on ("- Như" / "Điều 3;", "- Công ty TNHH
    Công nghệ Huawei" / "Việt Nam (Tầng 33, …)"), else is an entry of its own ("- VPCP: BTCN, …;" /
    "Trợ lý, Thư ký của: TTg, …;")."""
    dash = _listed_mark(line.text)
    if dash is None and recipients and not re.match(cues()["recipients_filing"], line.text) and not above.rstrip().endswith((";", ",", ".", ":")):
        last = recipients[-1]
        return [*recipients[:-1], Line(f"{last.text} {line.text.strip()}", last.src + line.src)]
    return recipients + _listed(dash.group("text") if dash else line.text, line.src)


def _listed_mark(text: str) -> re.Match[str] | None:
    """A recipients' entry by its mark: a dash, or a "+" under an entry ("- VP UBND tỉnh:" / "+ LĐVP,
    KGVX;" / "+ Lưu: VT.")."""
    return _DASH.match(text) or _PLUS.match(text)


def _recipient_runs_on(lines: list[Line], i: int) -> bool:
    """A line with no dash inside a recipients list: an entry's own lines a PDF's text left apart
    ("- VPCP: BTCN, PCN …;" / "Trợ lý, Thư ký của: TTg, PTTg …;" / "các Vụ, Cục: KGVX, …;" / "- Văn
    phòng UBND …") — so when a dash or the filing line comes within three lines, before a
    signature's formula, a post or a name."""
    formulas = tuple(f"{f}." for f in cues()["signature_formulas"])
    for k, line in enumerate(lines[i : i + 4]):
        text = line.text.strip()
        if text.upper().startswith(formulas) or fold(text) in _posts() or _is_person(text):
            return False
        if k and (_listed_mark(text) or re.match(cues()["recipients_filing"], text)):
            return True
    return False


def _tail(lines: list[Line], start: int, rec_heading: re.Pattern[str]) -> tuple[list[Line], Signer | None, int]:
    """Recipients and signature, in either order; returns where the tail ends."""
    recipients: list[Line] = []
    sig_lines: list[Line] = []
    i = start
    n = len(lines)
    seen_recipients = False
    while i < n:
        line = lines[i]
        text = line.text
        if (i > start or _ANNEX.match(text.strip())) and _attachment_heading(lines, i):
            break  # (an appendix right after the body, no signature printed: "PHỤ LỤC" is no post)
        if _signed_note().fullmatch(text.strip()):
            i += 1
            continue
        span = 0 if seen_recipients else _unlabelled_span(lines, i)
        if span:
            seen_recipients = True
            text = " ".join(x.text for x in lines[i : i + span])
            # the cell after "|" is the signature's, beside the list
            recipients += _listed(text.split("|")[0], line.src)
            i += span
            continue
        if rec_heading.match(fold(text)) and not seen_recipients:
            seen_recipients = True
            rest = _recipients_heading().sub("", text).strip(" :")
            if rest:
                recipients.append(Line(rest, line.src))
            i += 1
            while i < n and (_listed_mark(lines[i].text) or re.match(cues()["recipients_filing"], lines[i].text) or _recipient_runs_on(lines, i)):
                recipients = _with_recipient_line(recipients, lines[i], lines[i - 1].text)
                i += 1
            continue
        if sig_lines and _is_person(text.strip()) and not _looks_like_heading(text):
            sig_lines.append(line)
            i += 1
            # a name ends the signature; a recipients list may still follow
            if not seen_recipients and i < n and rec_heading.match(fold(lines[i].text)):
                continue
            break
        if _looks_like_heading(text) or _is_person(text.strip()):
            sig_lines.append(line)
            i += 1
            continue
        if seen_recipients and sig_lines:
            break
        i += 1
        if i - start > 40:
            break
    # the recipients list may follow the signature
    while i < n and not seen_recipients and rec_heading.match(fold(lines[i].text)):
        seen_recipients = True
        i += 1
        while i < n and (dash := _DASH.match(lines[i].text)):
            recipients.append(Line(dash.group("text"), lines[i].src))
            i += 1
    return recipients, _signature(sig_lines), i


def _iso_date(d: str | None, m: str | None, y: str | None) -> str | None:
    if not y:
        return None
    if m and d:
        return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
    if m:
        return f"{int(y):04d}-{int(m):02d}"
    return y


def _cased_name(entry: str, first: str) -> str:
    """A body's name as a title in capitals should print it; one the gazetteer also writes with a
    small first letter ("đại biểu Quốc hội": persons, not a body's proper name) keeps the case
    the sentence gives it."""
    known = gazetteer().lookup(entry)
    small = entry[:1].lower() + entry[1:]
    return first + entry[1:] if known is not None and small in known.aliases else entry


@cache
def _positions() -> tuple[str, ...]:
    """The posts a signature prints (cues.yaml: positions), longest first."""
    return tuple(sorted(cues()["positions"], key=len, reverse=True))


def _title_case(text: str) -> str:
    """Signature lines are in capitals; give them the case they are written in prose."""
    low = fold(text)
    for known in _positions():
        if fold(known) == low:
            return known
    # a post and the body it is of ("PHÓ CHỦ TỊCH UBND TỈNH"): the post as it is written, the
    # body's abbreviation kept in capitals
    post = next((k for k in _positions() if low.startswith(fold(k) + " ")), None)
    cased = " ".join([post, *text.lower().split()[len(post.split()) :]]) if post else text[:1].upper() + text[1:].lower()
    capitals = {a.lower(): a for a in gazetteer().abbreviations if a.isupper()}
    return " ".join(capitals.get(w, w) for w in cased.split(" "))


def _signature(lines: list[Line]) -> Signer | None:
    formulas = tuple(f"{f}." for f in cues()["signature_formulas"])
    formula_parts: list[str] = []
    positions: list[str] = []
    name = None
    for line in lines:
        # a note joined to the line above it ("PHÓ GIÁM ĐỐC (đã ký)") is no part of the post
        text = _signed_note().sub("", line.text).strip()
        if not text:
            continue
        if text.upper().startswith(formulas):
            head, _, rest = text.partition(".")
            formula_parts.append(f"{head.upper()}. {_title_case(rest.strip())}")
        elif _looks_like_heading(text) and len(text) > 1:
            positions.append(_title_case(text))
        elif _is_person(text):
            name = _person_name(text)
    if not (formula_parts or positions or name):
        return None
    position = positions[-1] if positions else None
    if position is None and formula_parts:
        # "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH": the last formula names the signer's post
        position = formula_parts[-1].split(". ", 1)[-1]
    return Signer(name, position, " / ".join(formula_parts) or None)


# --- attachments ----------------------------------------------------------------------------------


_ANNEX = re.compile(r"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?P<label>[IVXLC]{1,5}|\d{1,2}|[A-Z]))?\s*[.:]?\s*$")


def _attachment_heading(lines: list[Line], i: int, after_signature: bool = False) -> bool:
    """`PHỤ LỤC`, or a type heading that opens a promulgated document: right after the
    signature it stands alone; inside a body it needs "(Ban hành kèm theo …)" close by."""
    line = lines[i]
    if _ANNEX.match(line.text.strip()):
        return True
    th = type_heading(line)
    if th is None or not _looks_like_heading(line.text):
        return False
    if after_signature and th[1] is None:
        return True
    window = lines[i + 1 : i + 6]
    return any(_ISSUED_WITH.match(l.text) for l in window)


def _attachments(lines: list[Line], start: int, promulgates: bool = True) -> list[Attachment]:
    """Documents printed after the signature: a promulgated plan or regulation, appendices.
    Only a decision (resolution, decree …) issues documents; after a plan's signature a heading
    "KẾ HOẠCH VAY VÀ TRẢ NỢ …" is the title of a form "kèm theo Kế hoạch": an appendix."""
    out: list[Attachment] = []
    rec_heading = _recipients_heading()
    i = start
    n = len(lines)
    annexes = 0
    while i < n:
        if not _attachment_heading(lines, i, after_signature=True):
            i += 1
            continue
        heading = lines[i]
        annex = _ANNEX.match(heading.text.strip())
        if annex:
            annexes += 1
            genre = "Phụ lục"
            label = "PL" + (annex.group("label") or str(annexes))
            same_line = None
        else:
            typed = type_heading(heading)
            if typed is None:  # _attachment_heading saw a genre heading; this guards the type
                i += 1
                continue
            genre, same_line = typed
            label = {"Kế hoạch": "KH", "Quy chế": "QC", "Quy định": "QĐi", "Chương trình": "CTr"}.get(genre, "A") + str(len(out) + 1)
            if not promulgates:
                annexes += 1
                genre, label = "Phụ lục", f"PL{annexes}"
        i += 1
        title_parts, i = _title_lines(lines, i, same_line)
        issued_with = None
        while i < n and (_ISSUED_WITH.match(lines[i].text) or _authority_line(lines[i].text)):
            if _ISSUED_WITH.match(lines[i].text):
                issued_with = lines[i]
            i += 1
        body_start = _first_body_line(lines, i, lists=bool(annex))
        preamble = lines[i:body_start]
        end = body_start
        while end < n and not _attachment_heading(lines, end) and not rec_heading.match(fold(lines[end].text)) and not _tail_line(lines, end) and not _is_signature_block(lines, end):
            end += 1
        body_lines = lines[body_start:end]
        out.append(
            Attachment(
                genre=genre,
                label=label,
                heading=heading,
                title=_title_text(title_parts) if title_parts else None,
                issued_with=issued_with,
                preamble=list(preamble),
                sections=_body(body_lines),
                lines=list(lines[heading_index(lines, heading) : end]),
            )
        )
        if end < n and not _attachment_heading(lines, end):
            _, _, end = _tail(lines, end, rec_heading)
        i = max(end, i)
    return out


def promulgating(genre: str | None) -> bool:
    """A genre that issues other documents "kèm theo" (cues.yaml: promulgating_genres)."""
    return bool(genre) and fold(genre or "") in {fold(g) for g in cues()["promulgating_genres"]}


def promulgated_in_annex(att: Attachment) -> str | None:
    """"PHỤ LỤC II / PHƯƠNG ÁN TÁI CẤU TRÚC … / (Kèm theo Quyết định số …)": the genre of the
    plan a decision issues, printed as its appendix (a genre of the class Plan in
    doc_types.yaml). An appendix "QUY ĐỊNH MỘT SỐ CHẾ ĐỘ …" or "DANH MỤC …" sets rates or lists,
    it is none."""
    if att.genre != "Phụ lục" or att.issued_with is None or not att.title:
        return None
    title = fold(att.title)
    plans = [n for t in doc_types().types if t.cls == "Plan" for n in t.names]
    return next((g for g in sorted(plans, key=len, reverse=True) if title.startswith(fold(g) + " ")), None)


def heading_index(lines: list[Line], heading: Line) -> int:
    for k, l in enumerate(lines):
        if l is heading:
            return k
    return 0
