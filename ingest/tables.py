"""What a table's columns and cells mean: task columns, row numbers, the header block.

Readers build tables from whatever layout they meet; this module says what a table is for,
from its words only (cues.yaml: `table_columns`, `portal.motto`), so every reader and the
renderer agree: a task table (a content column beside a lead or support column), the header
block (the issuer beside the national motto), the signature block (recipients beside the
signature), or any other table.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from .rules import CAPITALS, cues, fold, marks_misread, unmarked


@cache
def _column_roles() -> list[tuple[str, tuple[str, ...]]]:
    return [(role, tuple(fold(n) for n in names)) for role, names in cues()["table_columns"].items()]


@lru_cache(maxsize=16384)
def column_role(header: str) -> str | None:
    """`Cơ quan chủ trì` -> lead, `NHIỆM VỤ VÀ GIẢI PHÁP` -> content, `Chủ trì/Phối hợp` ->
    roles (one cell names both) (cues.yaml: table_columns)."""
    # a footnote's mark is no word of the header ("Cơ quan chủ trì[1]")
    h = fold(re.sub(r"[*()]", " ", re.sub(r"\[\d{1,2}\]", "", header))).strip(" .:")
    h = re.sub(r"\s*/\s*", "/", h)
    if "/" in h:
        parts = [column_role(p) for p in h.split("/")]
        if "lead" in parts and "support" in parts:
            return "roles"
    for role, names in _column_roles():
        if any(h == n or h.startswith(n + " ") or h.startswith(n + ",") or h.startswith(n + "/") for n in names):
            return role
    whole = cues()["table_columns_whole"]
    for role in whole:
        # a header that is a common noun alone ("Đơn vị | Nhiệm vụ được giao"): the bodies of a
        # table that lists them first — "Đơn vị tính" is a measure's unit
        if h in {fold(n) for n in whole[role]}:
            return role
    bare = unmarked(h)
    for role, misread in _misreadable_roles():
        # a scan's misread mark ("NHIỂM VỤ VÀ GIẢI PHÁP"): a name of two words or more, a mark or
        # two off; the letters without marks must agree first (most cells are no header at all)
        if any(bare[: len(n)] == b and h[len(n) : len(n) + 1] in ("", " ", ",", "/") and marks_misread(h[: len(n)], n) for n, b in misread):
            return role
    return None


@cache
def _misreadable_roles() -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """Each role's names of two words or more, with their letters without marks."""
    return [(role, tuple((n, unmarked(n)) for n in names if len(n.split()) > 1)) for role, names in _column_roles()]


def header_roles(rows: list[list[str]], opening: bool = False) -> list[str | None] | None:
    """Column roles from one or two header rows ("Đơn vị thực hiện" spanning "Chủ trì |
    Phối hợp" below it): the lower row's role wins where it names one. None when the rows do
    not make a task header. `opening`: the rows open their table, so the rows' work may stand in
    a column not called "nội dung" (`with_content`); inside a table a row of a cell "Chủ trì"
    and another cell is data, not the header repeated."""
    if not rows:
        return None
    width = max(len(r) for r in rows)
    roles: list[str | None] = [None] * width
    for row in rows:
        for k, text in enumerate(row):
            role = column_role(text) if text else None
            if role is not None:
                roles[k] = role
    if opening:
        roles = with_content(roles, [" ".join(row[k] for row in rows if k < len(row)) for k in range(width)])
    return roles if is_task_roles(roles) else None


def with_content(roles: list[str | None], headers: list[str]) -> list[str | None]:
    """A table whose column says who is *responsible* for each row ("Đơn vị chịu trách nhiệm
    phổ biến"; cues.yaml: responsibility_columns) gives each row's work in the first column
    the header names by no known role before it ("Tên thông tin thống kê"), when none is called
    "nội dung". (Not a column of who carries a row out: a list of procedures names the body that
    handles each, "Cơ quan thực hiện", and gives nobody work. A column with no header holds row
    numbers.)"""
    if "content" in roles:
        return roles
    words = [fold(w) for w in cues()["responsibility_columns"]]
    owners = [k for k, r in enumerate(roles) if r in _OWNER_ROLES and any(w in fold(headers[k]) for w in words)]
    first = next((k for k, r in enumerate(roles[: owners[0]]) if r is None and headers[k].strip()), None) if owners else None
    return roles if first is None else [*roles[:first], "content", *roles[first + 1 :]]


# the columns that say whose a row is
_OWNER_ROLES = ("lead", "support", "roles")


def is_task_roles(roles: list[str | None]) -> bool:
    return "content" in roles and any(r in _OWNER_ROLES for r in roles)


def is_task_header(headers: list[str], opening: bool = False) -> bool:
    roles = [column_role(h) for h in headers]
    return is_task_roles(with_content(roles, headers) if opening else roles)


# "1", "1.2", "II", "A": the label that opens a row of a task table
ROW_NUMBER = re.compile(r"^(?:(?P<roman>[IVXL]{1,5})|(?P<num>\d{1,3}(?:\.\d{1,2})*)|(?P<letter>[A-ZĐ]|[a-zđ]))[.)]?$")


def row_label(text: str) -> str | None:
    m = ROW_NUMBER.match(text.strip())
    return text.strip().rstrip(".)") if m else None


# a letter's subject under its symbol ("V/v triển khai …"): in the header's left column
LETTER_SUBJECT = re.compile(r"^V/[vV]\.?\s*(?P<text>.+)$")


@cache
def motto_regex() -> re.Pattern[str]:
    # the motto, or the half a line break left of it ("CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM")
    # matched without marks: a scan's "CỘNG HOÀ XÃ HỘI CHỦ NGHÌA VIỆT NAM" is the motto
    portal = cues()["portal"]
    pattern = "|".join(f"(?:{m})" for m in [*portal["motto"], *portal["motto_parts"]])
    return re.compile(unmarked(pattern), re.I)


@lru_cache(maxsize=16384)
def is_motto(text: str) -> bool:
    return bool(motto_regex().search(unmarked(re.sub(r"\*+", "", text).strip())))


@cache
def _portal_trailer() -> re.Pattern[str]:
    # case kept: "Chia sẻ" is the portal's button, "chia sẻ, dẫn dắt …" a wrapped sentence
    return re.compile("|".join(f"(?:{m})" for m in cues()["portal"]["trailer"]))


_TRAILER_MAX = 80


def is_portal_trailer(text: str) -> bool:
    """The first line of what a legal portal prints after the document ("Văn bản liên quan",
    "NỘI DUNG SỬA ĐỔI, HƯỚNG DẪN"): a short line of its own, never a sentence's middle."""
    text = text.replace("*", "").strip()
    return len(text) <= _TRAILER_MAX and bool(_portal_trailer().search(text))


# a signer's name: two to five capitalised words ("Hoàng Việt Phương"), as a closing prints it
SIGNER_NAME = rf"[{CAPITALS}][a-zà-ỹđ]+(?:\s+[{CAPITALS}][a-zà-ỹđ]+){{1,4}}"


@cache
def signature_start() -> re.Pattern[str]:
    """What opens either cell of the signature block: a signing formula ("KT. CHỦ TỊCH") or the
    recipients' heading ("Nơi nhận:")."""
    formulas = "|".join(re.escape(f) for f in cues()["signature_formulas"])
    return re.compile(rf"^\W*(?:(?:{formulas})\.\s|{cues()['recipients_heading'].lstrip('^')})", re.I)


@cache
def recipients_filing() -> re.Pattern[str]:
    """The filing line that closes the recipients ("Lưu: VT, …")."""
    return re.compile(rf"^\W*{cues()['recipients_filing']}")
