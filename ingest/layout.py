"""The document model -> plain logical lines: tables written out, emphasis, portal text.

Readers hand over lines and tables (`blocks.py`). Here
- each table is written out as lines the structure parser reads: the header block (the
  issuer beside the national motto) column by column, so the issuer's lines stay together;
  a task table (a content column beside a lead or support column) as numbered items with
  attribute lines (`- Cơ quan thực hiện: …`) — the shape a text plan has — so one parser reads
  both; any other table a paragraph per cell, so nothing joins across a cell boundary;
- emphasis that runs across hard line breaks (`**V. TỔ CHỨC` / `THỰC HIỆN**`) is joined;
- the portal's own text around the document (a metadata table, menus, "related documents",
  notices) is cut, its metadata kept aside.

Every step maps `Line`s to `Line`s and keeps their source line numbers.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from .blocks import Block, Cell, Table, block_lines, mostly_capitals, plain
from .models import Line
from .rules import CAPITALS, alternation, cues, doc_types, fold, printed_genres
from .tables import LETTER_SUBJECT, SIGNER_NAME, column_role, header_roles, is_motto, is_portal_trailer, row_label, signature_start

_RULE = re.compile(r"^\s*[-_=–—.*\s]{3,}\s*$")  # decorative rules under the issuer and the motto
_EMPTY_EMPHASIS = re.compile(r"^\s*(?:[*_#]+\s*)+$")
_STRONG = re.compile(r"\*\*")
__all__ = ["render", "column_role", "join_emphasis", "drop_decoration", "trim_portal", "document_bounds", "PortalMeta"]


# --- tables ------------------------------------------------------------------------------------


@dataclass
class _TaskColumns:
    """The columns of the last task table, for its continuation on the next page."""

    roles: list[str | None]


def render(blocks: list[Block]) -> list[Line]:
    """Lines for every block: tables written out, lines as they are."""
    out: list[Line] = []
    last: _TaskColumns | None = None
    for b in blocks:
        if isinstance(b, Line):
            out.append(b)
            if b.text.strip():
                last = None if len(b.text.strip()) > 3 else last  # a page number between parts
            continue
        lines, last = _render_table(b, last)
        out.append(Line("", b.anchor()))
        out.extend(lines)
        out.append(Line("", b.anchor()))
    return out


def _unique(row: tuple[Cell, ...]) -> list[Cell]:
    """A row's cells with spans folded: a cell spanning columns appears once."""
    out: list[Cell] = []
    for c in row:
        if not out or c is not out[-1]:
            out.append(c)
    return out


def _render_table(t: Table, last: _TaskColumns | None) -> tuple[list[Line], _TaskColumns | None]:
    if not t.rows:
        return [], last
    if _is_header_block(t) or _is_signature_block(t):
        t = _lines_parted(t)
        if t.aligned:
            t = _columns_as_cells(t)
    if _is_header_block(t):
        return _column_major(t), None
    if last is not None and t.width == len(last.roles) and not _starts_with_header(t):
        # the rest of a task table on the next page (a header repeated inside it is skipped)
        return _task_lines(t.rows, last.roles, t), last
    found = _task_header(t)
    if found is not None:
        roles, first = found
        roles = _number_column(roles, t.rows[first:])
        return _task_lines(t.rows[first:], roles, t), _TaskColumns(roles)
    out: list[Line] = []
    seen: set[int] = set()
    for row in t.rows:
        for c in _unique(row):
            if id(c) in seen:
                continue  # a cell that spans rows ("CHỦ TỊCH / Triệu Đình Lê" beside every recipient) once
            seen.add(id(c))
            out.extend(c.lines)
            out.append(Line("", c.src[:1] or t.anchor()))
    return out, None


def _is_signature_block(t: Table) -> bool:
    """Recipients beside the signature ("Nơi nhận:" | "KT. CHỦ TỊCH")."""
    return any(signature_start().match(fold(l.text)) or signature_start().match(l.text) for l in block_lines(t))


def _columns_as_cells(t: Table) -> Table:
    """A table written a line a row (tabs, spaces): each column is one cell of lines, so a
    cell's text that went on in the next row stays together ("Hà Nội, ngày 19" / "tháng 11
    năm 2025") and the signature's lines are not interleaved with the recipients'."""
    columns: list[list[Line]] = [[] for _ in range(t.width)]
    for row in t.rows:
        for k, c in enumerate(row):
            columns[k].extend(c.lines)
    return Table((tuple(Cell(tuple(col)) for col in columns),), t.src)


def _is_header_block(t: Table) -> bool:
    """The issuer beside the national motto: a small table with the motto in a cell (Word
    layout tables add empty columns for margins)."""
    filled = [r for r in t.rows if any(c.text for c in r)]
    return len(filled) <= 6 and any(is_motto(l.text) for l in block_lines(t))


def _column_major(t: Table) -> list[Line]:
    """The header block column by column, the issuer's lines just before the motto's: the
    issuer stands beside the motto (Decree 30/2020), and `Số:` or a letter's `V/v …` under it
    follow the motto's column."""
    # the motto's column: where the leftmost cell holding (part of) the motto starts
    first_col: dict[int, int] = {}
    for row in t.rows:
        for k, c in enumerate(row):
            first_col.setdefault(id(c), k)
    boundary = min((first_col[id(c)] for row in t.rows for c in row if any(is_motto(l.text) for l in c.lines)), default=t.width)
    left: list[list[Line]] = []
    right: list[list[Line]] = []
    seen: set[int] = set()
    for row in t.rows:
        for c in row:
            if id(c) in seen or not c.lines:
                continue
            seen.add(id(c))
            (left if first_col[id(c)] < boundary else right).append(list(c.lines))
    # the issuer's lines lead the left column; `Số:` and a `V/v …` subject may share its cell
    issuer: list[Line] = []
    rest: list[list[Line]] = []
    for cell in left:
        n = 0
        while not rest and n < len(cell) and _looks_like_caps(cell[n].text):
            n += 1
        issuer += cell[:n]
        if cell[n:]:
            rest.append(cell[n:])
    out: list[Line] = []
    # each cell a paragraph of its own: its lines stay together (an emphasis or a date line a
    # cell breaks goes on), nothing joins across cells
    for para in ([issuer] if issuer else []) + right + rest:
        out.extend(para)
        out.append(Line("", para[-1].src))
    return out


# a header cell a converter flattened to one line keeps its lines' marks: each emphasis span was
# a line ("UBND TỈNH X **SỞ Y** --------"), and so was each rule under a line
_HEADER_PART = re.compile(r"\*{3}[^*]*\w[^*]*\*{3}|\*\*[^*]*\w[^*]*\*\*|(?<!\*)\*[^*]*\w[^*]*\*(?!\*)|[-_=–—]{3,}")


_COMMENT = re.compile(r"<!--.*?-->")  # a converter's placeholder ("<!-- image -->": the stamp)


@cache
def _closing_parted() -> re.Pattern[str]:
    """Where a recipients' or signature cell flattened to one line (docling: "Nơi nhận: -
    Thường trực Tỉnh ủy; - Lưu: VT.", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hồ Văn
    Mười") had its lines: before each recipient's dash, each formula, a deputy's post after the
    post it signs for, and the signer's name after the capitals."""
    formulas = alternation(cues()["signature_formulas"])
    return re.compile(rf"\s+(?=[-+•–]\s)|\s+(?=(?:{formulas})\.\s)|(?<=[{CAPITALS}]{{2}})\s+(?=(?:{cues()['signature_deputy']}\s|{SIGNER_NAME}$))")


def _lines_parted(t: Table) -> Table:
    """A header block or a signature table whose cells' lines were flattened, its lines parted
    again."""
    def parted(line: Line) -> list[Line]:
        marks = list(_HEADER_PART.finditer(line.text))
        if not marks and signature_start().match(line.text.strip().lower()):
            # no marks to part it by: a closing cell parts at its own words
            return [Line(p, line.src, line.heading) for p in _closing_parted().split(_COMMENT.sub(" ", line.text).strip()) if p.strip()]
        if not marks or (len(marks) == 1 and marks[0].group().strip() == line.text.strip()):
            return [line]
        cuts = sorted({0, len(line.text)} | {m.start() for m in marks} | {m.end() for m in marks})
        parts = [line.text[a:b].strip() for a, b in zip(cuts, cuts[1:])]
        return [Line(p, line.src, line.heading) for p in parts if re.search(r"\w", p)]

    # only a cell of one line was flattened: a cell of many keeps its lines as they are
    rows = tuple(tuple(Cell(tuple(l for line in c.lines for l in parted(line)), c.merged) if len(c.lines) == 1 else c for c in row) for row in t.rows)
    return Table(rows, t.src, t.aligned)


def _looks_like_caps(text: str) -> bool:
    letters = list(filter(str.isalpha, plain(text)))
    return bool(letters) and sum(map(str.isupper, letters)) / len(letters) > 0.6 and not re.match(r"^\W*(?:Số|SỐ)\b", plain(text))


def _task_header(t: Table) -> tuple[list[str | None], int] | None:
    """Column roles from the header rows (one, or two when a heading spans "Chủ trì | Phối
    hợp"; a title row may stand above them), and where the data rows start."""
    for skip in range(min(2, len(t.rows))):
        for depth in (2, 1):
            rows = t.rows[skip : skip + depth]
            if len(rows) < depth:
                continue
            texts = [[c.text for c in row] for row in rows]
            roles = header_roles(texts, opening=True)
            if roles is not None and (depth == 1 or _is_header_row(rows[-1])):
                return roles, skip + depth
    return None


def _starts_with_header(t: Table) -> bool:
    return bool(t.rows) and header_roles([[c.text for c in t.rows[0]]], opening=True) is not None


def _number_column(roles: list[str | None], rows: tuple[tuple[Cell, ...], ...]) -> list[str | None]:
    """A first column the header leaves unnamed that holds row numbers (I, 1.1, a) numbers."""
    if "number" in roles or not roles or roles[0] is not None:
        return roles
    firsts = [row[0].text for row in rows if row and row[0].text]
    if firsts and sum(1 for f in firsts if row_label(f) is not None) >= 0.8 * len(firsts):
        return ["number", *roles[1:]]
    return roles


def _is_header_row(row: tuple[Cell, ...]) -> bool:
    roles = [column_role(c.text) for c in row if c.text]
    return bool(roles) and sum(r is not None for r in roles) >= max(1, len(roles) - 2)


_COLUMN_NUMBERS = re.compile(r"^\(?\d{1,2}\)?$")


def _task_lines(rows: tuple[tuple[Cell, ...], ...], roles: list[str | None], t: Table) -> list[Line]:
    out: list[Line] = []
    # a table numbered 1, 2, 3 … only counts its rows: they are items of whatever heading the
    # table stands under (written as dashes); one numbered I, 1, 1.1, a … has a hierarchy
    numbers = [row_label(row[roles.index("number")].text) for row in rows if "number" in roles and len(row) > roles.index("number") and row[roles.index("number")].text]
    counting = all(n is not None and n.isdigit() for n in numbers)
    pending: dict[str, list[str]] | None = None
    pending_label: str | None = None
    pending_src: tuple[int, ...] = ()
    previous: dict[int, Cell] = {}
    first_lead = _bodies_first(roles)

    def emit() -> None:
        nonlocal pending
        if pending is not None:
            out.extend(_row_lines(pending, None if counting else pending_label, pending_src or t.anchor()))
        pending = None

    for row in rows:
        # cells past the table's columns are not the row's (a reader may have run on past its end)
        cells = (list(row) + [Cell()] * len(roles))[: len(roles)]
        texts = [c.text for c in cells]
        if not any(texts):
            continue
        if all(_COLUMN_NUMBERS.match(x) or not x for x in texts) and sum(bool(x) for x in texts) >= 3:
            continue  # "(1) (2) (3) …": the columns numbered, not a task
        if header_roles([texts]) is not None:
            continue  # the header repeated on a new page
        cells = [previous[k] if (c.merged or (k == first_lead and not c.text)) and k in previous else c for k, c in enumerate(cells)]
        values, number = _row_values(roles, cells)
        src = tuple(n for c in _unique(tuple(cells)) for n in c.src)
        unique = [c for c in _unique(tuple(cells)) if c.text]
        number_cell = cells[roles.index("number")] if "number" in roles else None
        rest = [c for c in unique if c is not number_cell]
        spans = len(unique) < sum(1 for c in cells if c.text)  # one cell across several columns
        if len(unique) == 1 and spans and not rest:
            # one cell across the whole row, the number's column too ("II. Nhiệm vụ của cấp xã"
            # in a `colspan`): the heading of the rows under it
            emit()
            out.append(Line(unique[0].text, src or t.anchor(), True))
            continue
        if len(rest) == 1 and _group_row(number, values, spans, short=len(row) < len(roles) - 1):
            emit()
            # a heading whatever its print: the row spans the table to name a group of rows
            out.append(Line(f"{number}. {rest[0].text}" if number else rest[0].text, src or t.anchor(), True))
            continue
        content = values.get("content", [""])[0]
        # a row the page broke: no number of its own, its text goes on in lower case
        continuation = pending is not None and "number" in roles and not (number_cell and number_cell.text) and (not content or content[:1].islower())
        if continuation and pending is not None:
            for role, vals in values.items():
                pending.setdefault(role, []).extend(vals)
            pending_src = pending_src + src
            continue
        emit()
        pending, pending_label, pending_src = values, number, src
        previous = {k: c for k, c in enumerate(cells)}
    emit()
    return out


def _bodies_first(roles: list[str | None]) -> int | None:
    """The lead column of a table that names its bodies before their work: a body's cell left
    empty under it goes on with it (a merged cell a converter wrote as empty ones: "Sở Nội vụ |
    …" / " | …")."""
    return roles.index("lead") if "lead" in roles and "content" in roles and roles.index("lead") < roles.index("content") else None


def _row_values(roles: list[str | None], cells: list[Cell]) -> tuple[dict[str, list[str]], str | None]:
    """A row's texts by column role (a cell of both roles split into lead and support), and its number."""
    values: dict[str, list[str]] = {}
    number = None
    for role, c in zip(roles, cells):
        if role == "number":
            number = row_label(c.text) if c.text else None
            continue
        if role is None or not c.text:
            continue
        if role == "roles" or (role == "lead" and (_LEAD_MARK.search(c.text) or _PARTNER_MARK.search(c.text))):
            # a cell of both roles, or a lead's cell that marks them ("Sở Nội vụ chủ trì, phối hợp
            # Thanh tra tỉnh", "Sở Văn hóa, Thể thao và Du lịch (chủ trì); Sở Tư pháp")
            lead, support = _split_roles(c.text)
            values.setdefault("lead", []).extend([lead] if lead else [])
            values.setdefault("support", []).extend([support] if support else [])
        else:
            values.setdefault(role, []).append(_bodies_text(c) if role in ("lead", "support") else c.text)
    return values, number


def _bodies_text(cell: Cell) -> str:
    """A lead or support cell's text, a line that names a body of its own set apart from the one
    before it by "; " — a DOCX cell's paragraphs, a `<br>` in a Markdown cell ("Sở Văn hóa, Thể
    thao và Du lịch" / "Sở Tư pháp"); a name a narrow column wrapped ("Sở Văn hóa, Thể thao và" /
    "Du lịch") is joined as before."""
    from .agencies import find_agencies

    parts: list[str] = []
    for line in cell.lines:
        text = " ".join(plain(line.text).split())
        if not text:
            continue
        if parts:
            before, after = find_agencies(parts[-1]), find_agencies(text)
            open_end = parts[-1].rstrip().endswith((",", "và", "-"))
            whole = bool(before) and before[-1].end >= len(parts[-1].rstrip(" .")) and not open_end
            if after and after[0].start == 0 and not open_end and (whole or after[0].known) and _opens_a_name_of_its_own(parts[-1], text, after[0].end):
                parts.append(text)
                continue
            parts[-1] = f"{parts[-1]} {text}"
        else:
            parts.append(text)
    return "; ".join(parts)


def _opens_a_name_of_its_own(before: str, text: str, first_end: int) -> bool:
    """"Các sở, ban, ngành tỉnh" / "Ủy ban nhân dân các xã, phường": the line opens a known name
    (ending at `first_end`) that no name across the cut ("tỉnh Ủy" is "Tỉnh ủy") runs to the end of — unlike "Văn phòng"
    / "Ủy ban nhân dân tỉnh", one name a narrow column wrapped."""
    from .agencies import find_agencies

    joined = f"{before} {text}"
    cut = len(before)
    return all(a.end < cut + 1 + first_end for a in find_agencies(joined) if a.known and a.start < cut < a.end)


def _row_lines(values: dict[str, list[str]], number: str | None, src: tuple[int, ...]) -> list[Line]:
    """A task row as the lines of a written plan: its content under its own label ("a)", "2.",
    or a dash when the table only counts its rows), its attributes one level below."""
    content = " ".join(values.get("content", [])).strip()
    if not content:
        return []
    labels = cues()["attributes"]
    label = "-"
    if number and re.fullmatch(r"[a-zđ]", number):
        label = f"{number})"
    elif number and not re.fullmatch(r"[IVXL]+|[A-ZĐ]", number):
        label = f"{number}."
    out = [Line(f"{label} {content}", src)]
    # attribute lines one level below the row: under a dash row, plus lines
    mark = "+" if label == "-" else "-"
    for role in ("lead", "support", "timeframe", "form"):
        value = "; ".join(v for v in values.get(role, []) if v).strip()
        if value:
            out.append(Line(f"{mark} {labels[role][0].capitalize()}: {value}", src))
    return out


def _group_row(number: str | None, values: dict[str, list[str]], spans: bool, short: bool) -> bool:
    """A row of one cell that names a group of rows: "I | NHÓM GIẢI PHÁP VỀ CƠ CHẾ CHÍNH SÁCH",
    a cell across the table, and "A. | BỘ XÂY DỰNG" though its cell stands in the lead column."""
    grouping = number is not None and re.fullmatch(r"[IVXL]+|[A-ZĐ]", number) is not None
    if grouping and (spans or not values.get("content")):
        return True  # (a group's one cell spanning the work, lead and partner columns too)
    return not (values.get("lead") or values.get("support")) and (grouping or spans or (short and number is None))


_PARTNER_MARK = re.compile(r"(?:^|[\s;,.(-])(?:cơ quan |đơn vị )?phối hợp\s*[:)]?", re.I)
_LEAD_MARK = re.compile(r"\(?\s*(?:cơ quan |đơn vị )?chủ trì\s*[:)]?", re.I)


_ROLES_SLASH = re.compile(rf"(?<=[\wÀ-ỹ)])\s*/\s*(?=[{CAPITALS}])")


def _split_roles(text: str) -> tuple[str, str]:
    """A cell naming both roles ("Chủ trì: Sở Y tế; Phối hợp: Sở Nội vụ", "Sở Y tế (chủ trì),
    Sở Nội vụ", "Sở Y tế (chủ trì) Sở Nội vụ (phối hợp)", or as its header parts them: "Phòng Kinh tế / Văn phòng HĐND và UBND xã" under
    "Chủ trì/Phối hợp"): the lead and the partners."""
    m = _PARTNER_MARK.search(text)
    slash = _ROLES_SLASH.search(text)
    if m and m.group().lstrip(" ;,.-").startswith("(") and not text[m.end() :].strip(" ;,."):
        # "Sở A (chủ trì) Sở B, Sở C (phối hợp)": a bracketed mark closes the names before it
        lead_mark = next((x for x in _LEAD_MARK.finditer(text, 0, m.start())), None)
        lead, support = (text[: lead_mark.end()], text[lead_mark.end() : m.start()]) if lead_mark else ("", text[: m.start()])
    elif m:
        lead, support = text[: m.start()], text[m.end() :]
    elif slash and not _LEAD_MARK.search(text):
        lead, support = text[: slash.start()], text[slash.end() :]
    else:
        marks = list(_LEAD_MARK.finditer(text))
        mark = marks[0] if len(marks) == 1 else None
        if len(marks) > 1:
            # "- Bộ … (chủ trì phần chính sách); - UBND các tỉnh (chủ trì phần đầu tư)": each
            # part a mark closes leads
            parts = re.split(r"\s*;\s*", text)
            lead = "; ".join(p for p in parts if _LEAD_MARK.search(p))
            support = "; ".join(p for p in parts if not _LEAD_MARK.search(p))
        elif mark and mark.start() > 2:
            # "Sở Văn hóa, Thể thao và Du lịch (chủ trì); Sở Tư pháp, …": the name the mark closes
            # leads (its own commas are its name's), the bodies after it are partners
            lead, support = text[: mark.end()], text[mark.end() :]
        elif mark:
            # "Chủ trì: Sở Y tế; Sở Nội vụ": the mark opens the lead, the next ";" ends it
            lead, _, support = text[mark.end() :].partition(";")
        else:
            lead, support = text, ""
    clean = lambda s: _LEAD_MARK.sub(" ", s).strip(" ;,.:-()")
    return clean(lead), clean(support)


# --- emphasis across line breaks ---------------------------------------------------------------


def _open_emphasis(text: str) -> bool:
    """Does the line leave a `**` or `*` span open?"""
    if "*" not in text:
        return False  # most lines: no star to count
    strong = len(_STRONG.findall(text))
    if strong % 2:
        return True
    single = _STRONG.sub("", text)
    single = re.sub(r"^\s*\*\s+", "", single)  # a Markdown bullet
    stars = [m.start() for m in re.finditer(r"\*", single)]
    if len(stars) == 1 and stars[0] > 0 and not single[stars[0] - 1].isspace() and single[stars[0] - 1] not in "([“\"":
        # a lone star after a word closes a span ("… kèm theo)*"): its first line opened it as
        # "* (Phụ lục …", which read as a bullet
        return False
    return len(stars) % 2 == 1


@cache
def _part_start() -> re.Pattern[str]:
    """A signature formula or an item label opens a line of its own even inside emphasis."""
    formulas = "|".join(re.escape(f) for f in cues()["signature_formulas"])
    return re.compile(rf"^\s*[*_]*\s*(?:(?:{formulas})\.\s|[IVXLC]+\.\s|\d{{1,2}}\.\s|[a-zđ]\)\s|[-+]\s)")


def _starts_part(text: str) -> bool:
    return bool(_part_start().match(text))


@cache
def _bare_division() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in cues()["divisions"])
    return re.compile(rf"^\s*[*_]*\s*(?i:{words})\s*[*_]*\s*$")


def is_bare_division(text: str) -> bool:
    """"Điều" or "**CHƯƠNG" alone on a line: its number was wrapped onto the next line."""
    return bool(_bare_division().match(text))


def join_emphasis(lines: list[Line]) -> list[Line]:
    """`**1. Sở` / `Khoa học và Công nghệ**` is one line: an emphasis span left open continues."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        text, src = line.text, line.src
        joined = 0
        # two trailing spaces are a Markdown line break: the author broke the line on purpose
        while not _EMPTY_EMPHASIS.match(text) and _open_emphasis(text) and not text.endswith("  ") and i + 1 < len(lines) and lines[i + 1].text.strip() and joined < 8:
            if _starts_part(lines[i + 1].text) and not is_bare_division(text):
                break
            i += 1
            nxt = lines[i].text
            glue = "" if re.search(r"\d-$", text.rstrip()) else " "
            text = text.rstrip() + glue + nxt.lstrip()
            src = src + lines[i].src
            joined += 1
        out.append(Line(text, src, line.heading))
        i += 1
    return out


def drop_decoration(lines: list[Line]) -> list[Line]:
    """Rules under the issuer and motto (`-------`), empty emphasis (`* *`, `** **`), lone `#`."""
    return [Line("", l.src) if (_RULE.match(l.text) or _EMPTY_EMPHASIS.match(l.text)) and not re.search(r"[^\W_]", l.text) else l for l in lines]


# --- the portal's own text ---------------------------------------------------------------------


@dataclass
class PortalMeta:
    """The portal's metadata table (`Số hiệu`, `Loại văn bản`, `Ngày ban hành` …), if any."""

    fields: dict[str, str] = field(default_factory=dict)


@cache
def _metadata_fields() -> dict[str, str]:
    return {fold(k): v for k, v in cues()["portal"]["metadata_fields"].items()}


def portal_metadata(lines: list[Line]) -> dict[str, str]:
    """`Số hiệu:` `51/2025/NQ-HĐND` … read from the lines before the document starts."""
    fields = _metadata_fields()
    found: dict[str, str] = {}
    texts = [(plain(l.text)) for l in lines if plain(l.text)]
    for k, text in enumerate(texts):
        key = fold(text.rstrip(" :"))
        if text.rstrip().endswith(":") and key in fields and k + 1 < len(texts):
            found.setdefault(fields[key], texts[k + 1])
    return found


def document_bounds(lines: list[Line]) -> tuple[int, int]:
    """Where the document itself starts and ends inside a portal page.

    It starts at the issuer block beside the national motto (Decree 30/2020: the first thing
    of every administrative document) and ends before the first line of the portal's own
    trailer (`Văn bản liên quan`, notices). Without a motto the whole text is the document.
    """
    start = 0
    # the motto read as the header reader reads it (tables.is_motto: without its marks)
    motto_at = next((i for i, l in enumerate(lines) if is_motto(plain(l.text))), None)
    if motto_at is not None:
        start = _issuer_block_start(lines, motto_at)
    end = len(lines)
    for i in range(start, len(lines)):
        if is_portal_trailer(plain(lines[i].text)):
            end = i
            break
    if start < end < len(lines) and _portal_caption().match(plain(lines[end - 1].text)):
        end -= 1  # "Quyết định 2530/QĐ-TTg năm 2025 phê duyệt …": the portal's caption above its trailer
    return start, end


@cache
def _portal_caption() -> re.Pattern[str]:
    """The line a portal captions its document with: its type, its symbol, its subject."""
    return re.compile(rf"^(?:{alternation(doc_types().all_names)})\s+\d+[\w.-]*/[\w/.-]+\s", re.I)


_HEADER_BLANKS = 4  # blank lines the issuer block's lines may be parted by


def _issuer_block_start(lines: list[Line], motto_at: int) -> int:
    """The issuer's lines sit just before the motto (in its own cell or on the lines above).

    Capitals all of them, short, and sometimes parted by blank lines when the cell was
    laid out line by line ("ỦY BAN NHÂN DÂN" / "" / "TỈNH ĐẮK LẮK") or the page wrote the
    header as HTML paragraphs, a rule and a cell's end each leaving one.
    """
    start = motto_at
    i = motto_at
    taken = 0
    while i > 0 and taken < 6:
        j = i
        while j > 0 and not lines[j - 1].text.strip() and i - j < _HEADER_BLANKS:
            j -= 1
        if j == 0 or not lines[j - 1].text.strip():
            break
        text = plain(lines[j - 1].text)
        subject = _letter_subject_above(lines, j - 1) if i == motto_at else None
        if subject is not None:
            # "Số: 812/SNV-XDCQ" / "V/v triển khai …" / motto: a letter's subject under its symbol
            # in the left column, which the text sets between the block and the motto
            i = start = subject
            taken += 1
            continue
        opened = _bracket_opening(lines, j - 1)
        if opened is not None:
            # "ĐOÀN KIỂM TRA" / "(Theo Quyết định số 215/QĐ-UBND" / "ngày 02/4/2026 của UBND tỉnh)":
            # a unit's note in brackets under its name, in sentence case, is the block's too
            i = start = opened
            taken += 1
            continue
        if not _capitals(text):
            break
        i = start = j - 1
        taken += 1
    return start


def _capitals(text: str) -> bool:
    """A short line mostly in capitals, as an issuer block prints its lines."""
    return len(text) <= 80 and mostly_capitals(text)


def _letter_subject_above(lines: list[Line], last: int) -> int | None:
    """The line a letter's subject ("V/v …") opens on, run on to line `last`."""
    return _opening_above(lines, last, lambda text: bool(LETTER_SUBJECT.match(text)))


def _bracket_opening(lines: list[Line], last: int) -> int | None:
    """The line a bracket closed at the end of line `last` opened on."""
    if not plain(lines[last].text).rstrip().endswith(")"):
        return None
    return _opening_above(lines, last, lambda text: text.startswith("("))


def _opening_above(lines: list[Line], last: int, opens: Callable[[str], bool]) -> int | None:
    """The line at most three lines up from `last`, none blank between, that `opens` a unit's note
    under its name, when a line in capitals stands right above it; None otherwise."""
    for k in range(last, max(last - 3, 0) - 1, -1):
        text = plain(lines[k].text).strip()
        if not text:
            return None
        if opens(text):
            return k if k > 0 and _capitals(plain(lines[k - 1].text)) else None
    return None


def trim_portal(lines: list[Line], meta: PortalMeta | None = None) -> list[Line]:
    """Cut the portal's text before and after the document; keep its metadata aside."""
    start, end = document_bounds(lines)
    if start and _own_text(lines[:start]):
        # a PDF's text in the order of its content stream (PDFium, PyMuPDF): Word's header table
        # written after the first page's text, which is the document's own, not a portal's
        head_end = _header_end(lines, start)
        return lines[start:head_end] + lines[:start] + lines[head_end:end]
    if meta is not None and start:
        meta.fields.update(portal_metadata(lines[:start]))
    return lines[start:end]


def _own_text(before: list[Line]) -> bool:
    """The text before the header block is the document's: its genre alone in capitals and an
    opening ground or article ("QUYẾT ĐỊNH" … "Căn cứ Luật …", "Điều 1: …")."""
    texts = [plain(line.text).strip() for line in before]
    return any(_genre_alone().match(t) for t in texts) and any(_own_opening().match(t) for t in texts)


@cache
def _genre_alone() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(printed_genres())})$")


@cache
def _own_opening() -> re.Pattern[str]:
    """A ground ("Căn cứ …", "Thực hiện …") or the first article ("Điều 1: …") opening a line
    (cues.yaml: own_text_openings)."""
    spec = cues()["own_text_openings"]
    article = alternation([spec["first_article"]])
    return re.compile(rf"^(?:(?:{alternation(spec['grounds'])})|{article}\s*[.:])\s", re.I)

# the place-and-date line that ends a header block ("Ngãi Giao, ngày 29 tháng 3 năm 2024")
_DATELINE_END = re.compile(r"^[^\d,]{2,40},\s*ngày\b.*\bnăm\b", re.I)


def _header_end(lines: list[Line], start: int) -> int:
    """The line after the header block that starts at `start`: after its place-and-date line, the
    last of its lines; or the motto's if it has none within eight lines."""
    window = range(start, min(len(lines), start + 12))
    dated = [k for k in window if _DATELINE_END.match(plain(lines[k].text).strip())]
    if dated:
        return dated[0] + 1
    motto = next((k for k in window if is_motto(plain(lines[k].text))), start)
    return min(len(lines), motto + 3)


@cache
def _bracketed_attributes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A bracket closing an item's text, its parts parted by ";", and a part's label or role word
    (cues.yaml: attributes)."""
    attrs = cues()["attributes"]
    labels = alternation([*attrs["lead"], *attrs["support"], *attrs["timeframe"]])
    bracket = re.compile(r"\s*[(\[](?P<inside>[^()\[\]]{6,400})[)\]](?P<end>\s*[.;]?)\s*$")
    label = re.compile(rf"^(?P<label>{labels})\s*:\s*(?P<value>\S.*)$", re.I)
    # "Sở Khoa học và Công nghệ chủ trì": a body, then the role word a label ends in
    role = re.compile(rf"^(?P<value>\S.*?)\s+(?P<label>{_role_words()})$", re.I)
    return bracket, label, role


@cache
def _role_words() -> str:
    """The words that name the lead's or the partners' role, as an alternation (cues.yaml:
    attributes)."""
    attrs = cues()["attributes"]
    return alternation([*attrs["lead"], *attrs["support"]])


@cache
def _attribute_kinds() -> dict[str, str]:
    """A label or role word, folded -> the attribute it names (lead, support, timeframe)."""
    attrs = cues()["attributes"]
    return {fold(w): k for k in ("lead", "support", "timeframe") for w in attrs[k]}


def _attribute_line(mark: str, kind: str, value: str, src: tuple[int, ...]) -> Line:
    """"- Cơ quan thực hiện: Sở Nội vụ": an attribute as a plan writes it under its item."""
    name = cues()["attributes"][kind][0]
    return Line(f"{mark} {name[:1].upper()}{name[1:]}: {value}", src)


@cache
def _inline_attributes() -> re.Pattern[str]:
    """Labelled parts that close an item's text after its sentence's end (". Cơ quan chủ trì: …;
    cơ quan phối hợp: …"): a label of the lead or the partners first (cues.yaml: attributes)."""
    attrs = cues()["attributes"]
    labels = alternation([a for a in (*attrs["lead"], *attrs["support"]) if len(a.split()) > 1])
    return re.compile(rf"(?<=[.;])\s+(?P<inside>(?:{labels})\s*:\s*(?:[^()\[\]]|\((?:{_role_words()})\)){{3,400}}?)(?P<end>\s*\.?)\s*$", re.I)


@cache
def _time_words() -> re.Pattern[str]:
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(cues()['bracket_time_words'])})(?![\wÀ-ỹ])|\d{{4}}", re.I)


_BULLET = re.compile(r"^([-–+•])\s*")


def bracketed_attributes(lines: list[Line]) -> list[Line]:
    """An item's lead, partners and time written in a bracket after its text ("… (Cơ quan chủ
    trì: Sở Nội vụ; cơ quan phối hợp: Báo Lâm Đồng; thời gian: Quý IV/2025).", "… [Sở Khoa học
    và Công nghệ chủ trì; Văn phòng UBND tỉnh phối hợp; năm 2026]") are its attribute lines, as a
    plan that writes them under it does ("- Cơ quan chủ trì: …"). A bracket that names no lead
    or partner is the text's own."""
    bracket, label, role = _bracketed_attributes()
    legend = any(_roles_legend().search(line.text) for line in lines)
    out: list[Line] = []
    for line in lines:
        bullet = _BULLET.match(line.text)
        own = label.match(line.text[bullet.end() :]) if bullet else None
        marked = _role_marked(own.group("value")) if own else None
        if bullet and marked:
            # "- Trách nhiệm thực hiện: Sở Tư pháp (chủ trì), Sở Nội vụ (phối hợp)": a line per role
            out.extend(_attribute_line(bullet.group(1), kind, value, line.src) for kind, value in marked)
            continue
        m = bracket.search(line.text)
        found = _bracket_parts(m.group("inside"), label, role) if m else None
        if m is not None and found is None and legend and not _roles_legend().search(line.text):
            found = _slashed_roles(m.group("inside"))
        if not found and not label.match(line.text.lstrip("-–+•* ")) and (tail := _inline_attributes().search(line.text)):
            # "… các cơ sở y tế. Cơ quan chủ trì: Sở Y tế; cơ quan phối hợp: Sở Tài chính.": the
            # same parts after the sentence, without a bracket (a line of labelled parts alone is
            # read as it stands: "Đơn vị chủ trì: Văn phòng. Đơn vị phối hợp: …")
            m, found = tail, _bracket_parts(tail.group("inside"), label, role)
        if m is None or not found or not any(kind in ("lead", "support") for kind, _ in found):
            out.append(line)
            continue
        mark = "+" if re.match(r"^[-–+•]\s", line.text) else "-"
        kept = line.text[: m.start()].rstrip(" ,;")
        # "… đơn vị. (Sở Nội vụ/…)": a sentence that ended before its bracket keeps its one stop
        stop = "" if kept.endswith((".", "!", "?")) else (m.group("end").strip() or ".")
        out.append(Line(kept + stop, line.src, line.heading))
        out.extend(_attribute_line(mark, kind, value, line.src) for kind, value in found)
    return out


@cache
def _roles_legend() -> re.Pattern[str]:
    """"(Cơ quan chủ trì/cơ quan phối hợp ghi tại cuối mỗi nhiệm vụ)": the text says how its
    brackets name the roles — the lead, a slash, the partners (cues.yaml: attributes)."""
    attrs = cues()["attributes"]
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(attrs['lead'])})\s*/\s*(?:{alternation(attrs['support'])})(?![\wÀ-ỹ])", re.I)


def _slashed_roles(inside: str) -> list[tuple[str, str]] | None:
    """"(Sở Nội vụ/Thanh tra tỉnh, Liên đoàn Lao động tỉnh)" under a legend: the lead before the
    slash, the partners after it; "(Sở Nội vụ)" the lead alone. A bracket that opens with no
    capital is the text's own ("(nếu có)")."""
    parts = _ROLES_SLASH.split(inside.strip())
    if len(parts) > 2 or not all(p.strip()[:1].isupper() for p in parts):
        return None
    return [("lead", parts[0].strip())] + ([("support", parts[1].strip())] if len(parts) == 2 else [])


def _named_role(m: re.Match[str] | None) -> re.Match[str] | None:
    """"Sở Khoa học và Công nghệ chủ trì": a body's name before the role word, not "(để phối
    hợp)" after a recipient, nor "(cơ quan chủ trì)" after a body's heading."""
    if m is None:
        return None
    value = fold(m.group("value"))
    named = m.group("value")[:1].isupper() or value.startswith("các ")
    return m if named and value.removeprefix("các ") not in _generic_heads() else None


@cache
def _generic_heads() -> frozenset[str]:
    """The heads that name nobody in particular ("cơ quan", "đơn vị"; cues.yaml: collectives.generic)."""
    return frozenset(fold(g) for g in cues()["collectives"]["generic"])


def _role_marked(value: str) -> list[tuple[str, str]] | None:
    """"Sở Tư pháp (chủ trì), Sở Nội vụ, Công an tỉnh (phối hợp)": bodies each followed by its role
    in a bracket -> (attribute, bodies) for each mark, the bodies written before it since the last;
    None unless the whole value is so written."""
    kinds = _attribute_kinds()
    parts: list[tuple[str, str]] = []
    pos = 0
    for m in _role_mark().finditer(value):
        who = value[pos : m.start()].strip(" ,;")
        if not who:
            return None
        parts.append((kinds[fold(m.group("role"))], who))
        pos = m.end()
    return parts if parts and not value[pos:].strip(" .,;") else None


@cache
def _role_mark() -> re.Pattern[str]:
    return re.compile(rf"\s*\((?P<role>{_role_words()})\)\s*[,;]?", re.I)


def _bracket_parts(inside: str, label: re.Pattern[str], role: re.Pattern[str]) -> list[tuple[str, str]] | None:
    """The bracket's parts as (attribute, value); None when a part is neither a labelled value,
    a body and its role word, nor a time."""
    kinds = _attribute_kinds()
    parts: list[tuple[str, str]] = []
    for part in (p.strip() for p in inside.split(";")):
        if not part:
            continue
        m = label.match(part) or _named_role(role.match(part))
        marked = _role_marked(m.group("value")) if m else None
        if marked:
            parts += marked
        elif m:
            parts.append((kinds[fold(m.group("label"))], m.group("value").strip()))
        elif _time_words().search(part):
            parts.append(("timeframe", part))
        else:
            return None
    return parts
