"""Page layout of portal exports -> plain logical lines: tables, emphasis, portal text.

Legal portals export a document as Markdown in which
- every table cell sits between lines holding a single `|` (an empty cell and a row
  boundary both show as two `|` lines in a row), or a row is one `| a | b |` line;
- emphasis runs across hard line breaks (`**V. TỔ CHỨC` / `THỰC HIỆN**`);
- the portal's own text surrounds the document: a metadata table (`Số hiệu: | …`), menus,
  a "related documents" list, notices.

The header block, the recipients and the signature are table cells too. Each cell becomes a
paragraph of its own (cells are separated by an empty line), so nothing joins across a cell
boundary. A table whose header names a content column and a lead or support column (the
task tables of appendices) is written out as numbered items with attribute lines — the
same shape a text plan and a DOCX task table take — so one parser reads all three.

Every step maps `Line`s to `Line`s and keeps their source line numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .models import Line
from .rules import cues, fold

_PIPE = re.compile(r"^\s*\|\s*$")
_GFM_ROW = re.compile(r"^\s*\|.*\|\s*$")
_GFM_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_RULE = re.compile(r"^\s*[-_=–—.*\s]{3,}\s*$")  # decorative rules under the issuer and the motto
_EMPTY_EMPHASIS = re.compile(r"^\s*(?:[*_#]+\s*)+$")
_STRONG = re.compile(r"\*\*")


# --- tables ------------------------------------------------------------------------------------


@dataclass
class Cell:
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", " ".join(_plain(l.text) for l in self.lines)).strip()

    @property
    def src(self) -> tuple[int, ...]:
        return tuple(n for l in self.lines for n in l.src)


def _plain(text: str) -> str:
    return re.sub(r"\*+|_{2,}|^#+\s*", "", text).strip()


def _slots(lines: list[Line]) -> list[Cell]:
    """The cells of a pipe run, in reading order; an empty slot is an empty cell or a row end."""
    slots: list[Cell] = []
    current: Cell | None = None
    for line in lines:
        if _PIPE.match(line.text):
            if current is not None:
                slots.append(current)
            current = Cell()
        elif current is not None:
            current.lines.append(line)
    return slots


def _rows(slots: list[Cell]) -> list[list[Cell]]:
    """Rows split at empty slots: right for tables whose cells are never empty."""
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    for slot in slots:
        if slot.lines and slot.text:
            row.append(slot)
        elif row:
            rows.append(row)
            row = []
    if row:
        rows.append(row)
    return rows


@cache
def _column_roles() -> list[tuple[str, tuple[str, ...]]]:
    return [(role, tuple(fold(n) for n in names)) for role, names in cues()["table_columns"].items()]


def column_role(header: str) -> str | None:
    """`Cơ quan chủ trì` -> lead, `NHIỆM VỤ VÀ GIẢI PHÁP` -> content (cues.yaml: table_columns)."""
    h = fold(re.sub(r"[*()]", " ", header)).strip(" .:")
    for role, names in _column_roles():
        if any(h == n or h.startswith(n + " ") or h.startswith(n + ",") for n in names):
            return role
    return None


def is_task_header(headers: list[str]) -> bool:
    roles = [column_role(h) for h in headers]
    return "content" in roles and ("lead" in roles or "support" in roles)


_ROW_NUMBER = re.compile(r"^(?:(?P<roman>[IVXL]{1,5})|(?P<num>\d{1,3}(?:\.\d{1,2})*))\.?$")


def _task_rows(slots: list[Cell], width: int) -> list[tuple[str | None, list[Cell]]]:
    """Data rows of a task table: (row number, cells by column), split where a row number starts.

    Empty cells keep their place (an empty slot inside a row is an empty cell); the empty
    slot that ends a row is dropped. Group rows ("I | NHÓM GIẢI PHÁP …") span the table and
    have fewer cells.
    """
    rows: list[tuple[str | None, list[Cell]]] = []
    current: list[Cell] | None = None
    number: str | None = None
    for slot in slots:
        text = slot.text
        m = _ROW_NUMBER.match(text) if text else None
        row_full = current is not None and len([c for c in current]) >= width
        starts = m is not None and (current is None or row_full or _ends_row(current))
        if starts:
            if current is not None:
                rows.append((number, current))
            current, number = [], text.rstrip(".")
            continue
        if current is None:
            continue
        current.append(slot)
    if current is not None:
        rows.append((number, current))
    out = []
    for num, cells in rows:
        while cells and not cells[-1].text:
            cells.pop()
        out.append((num, cells))
    return out


def _ends_row(cells: list[Cell]) -> bool:
    """A row that already has its content followed by an empty slot may end there."""
    return len(cells) >= 2 and not cells[-1].text


def _task_table_lines(header: list[Cell], slots: list[Cell], anchor: Line) -> list[Line]:
    roles = [column_role(h.text) for h in header]
    labels = cues()["attributes"]
    data_roles = [r for r in roles if r != "number"]
    out: list[Line] = []
    for number, cells in _task_rows(slots, len(data_roles)):
        src = tuple(n for c in cells for n in c.src) or anchor.src
        values = dict(zip(data_roles, (c.text for c in cells)))
        content = values.get("content") or ""
        if number and re.fullmatch(r"[IVXL]+", number) and len([c for c in cells if c.text]) <= 1:
            # a group row spanning the table: "I | NHÓM GIẢI PHÁP VỀ CƠ CHẾ CHÍNH SÁCH"
            out.append(Line(f"{number}. {content or (cells[0].text if cells else '')}", src))
            continue
        if not content:
            continue
        label = f"{number}." if number and not re.fullmatch(r"[IVXL]+", number) else "-"
        out.append(Line(f"{label} {content}", src))
        for role in ("lead", "support", "timeframe", "form"):
            if values.get(role):
                out.append(Line(f"- {labels[role][0].capitalize()}: {values[role]}", src))
    return out


def tables(lines: list[Line]) -> list[Line]:
    """Pipe-cell and one-line (`| a | b |`) tables -> one paragraph per cell, task tables -> items.

    `|` lines become empty lines, so cells never run into each other.
    """
    out: list[Line] = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if _PIPE.match(line.text):
            j = i
            # a pipe run: from this `|` to the last `|` before a blank line or the end
            last_pipe = i
            while j < n and lines[j].text.strip():
                if _PIPE.match(lines[j].text):
                    last_pipe = j
                j += 1
            run = lines[i : last_pipe + 1]
            out.extend(_pipe_run(run))
            out.extend(lines[last_pipe + 1 : j])
            i = j
            continue
        if _GFM_ROW.match(line.text) and line.text.count("|") >= 3:
            j = i
            rows: list[list[Cell]] = []
            while j < n:
                if _GFM_ROW.match(lines[j].text):
                    if not _GFM_RULE.match(lines[j].text):
                        cells = [Cell([Line(c.strip(), lines[j].src)]) for c in lines[j].text.strip().strip("|").split("|")]
                        rows.append(cells)
                    j += 1
                elif not lines[j].text.strip() and j + 1 < n and _GFM_ROW.match(lines[j + 1].text) and lines[j + 1].text.count("|") == line.text.count("|"):
                    j += 1  # a PDF's text layer puts a blank line between the rows of one table
                else:
                    break
            out.extend(_gfm_table(rows, lines[i]))
            i = j
            continue
        out.append(line)
        i += 1
    return out


def _pipe_run(run: list[Line]) -> list[Line]:
    slots = _slots(run)
    rows = _rows(slots)
    if rows and len(rows[0]) >= 3 and is_task_header([c.text for c in rows[0]]):
        header = rows[0]
        # data slots start after the header row
        first_data = slots.index(header[-1]) + 1
        return [Line("", run[0].src), *_task_table_lines(header, slots[first_data:], run[0]), Line("", run[-1].src)]
    out: list[Line] = []
    for slot in slots:
        out.append(Line("", slot.lines[0].src if slot.lines else run[0].src))
        out.extend(slot.lines)
    out.append(Line("", run[-1].src))
    return out


def _gfm_table(rows: list[list[Cell]], anchor: Line) -> list[Line]:
    if rows and is_task_header([c.text for c in rows[0]]):
        header, data = rows[0], rows[1:]
        slots: list[Cell] = []
        for row in data:
            slots.extend(row)
            slots.append(Cell())
        return [Line("", anchor.src), *_task_table_lines(header, slots, anchor), Line("", anchor.src)]
    out: list[Line] = []
    for row in rows:
        for cell in row:
            out.append(Line("", cell.src))
            out.extend(l for l in cell.lines if l.text)
    out.append(Line("", anchor.src))
    return out


# --- emphasis across line breaks ---------------------------------------------------------------


def _open_emphasis(text: str) -> bool:
    """Does the line leave a `**` or `*` span open?"""
    strong = len(_STRONG.findall(text))
    if strong % 2:
        return True
    single = _STRONG.sub("", text)
    single = re.sub(r"^\s*\*\s+", "", single)  # a Markdown bullet
    return single.count("*") % 2 == 1


@cache
def _part_start() -> re.Pattern[str]:
    """A signature formula or an item label opens a line of its own even inside emphasis."""
    formulas = "|".join(re.escape(f) for f in cues()["signature_formulas"])
    return re.compile(rf"^\s*[*_]*\s*(?:(?:{formulas})\.\s|[IVXLC]+\.\s|\d{{1,2}}\.\s|[a-zđ]\)\s|[-+]\s)")


def _starts_part(text: str) -> bool:
    return bool(_part_start().match(text))


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
            if _PIPE.match(lines[i + 1].text) or _starts_part(lines[i + 1].text):
                break
            i += 1
            nxt = lines[i].text
            glue = "" if re.search(r"\d-$", text.rstrip()) else " "
            text = text.rstrip() + glue + nxt.lstrip()
            src = src + lines[i].src
            joined += 1
        out.append(Line(text, src))
        i += 1
    return out


def drop_decoration(lines: list[Line]) -> list[Line]:
    """Rules under the issuer and motto (`-------`), empty emphasis (`* *`, `** **`), lone `#`."""
    return [Line("", l.src) if (_RULE.match(l.text) or _EMPTY_EMPHASIS.match(l.text)) and not re.search(r"\w", l.text) else l for l in lines]


# --- the portal's own text ---------------------------------------------------------------------


@dataclass
class PortalMeta:
    """The portal's metadata table (`Số hiệu`, `Loại văn bản`, `Ngày ban hành` …), if any."""

    fields: dict[str, str] = field(default_factory=dict)


@cache
def _markers() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    p = cues()["portal"]
    trailer = re.compile("|".join(f"(?:{m})" for m in p["trailer"]), re.I)
    motto = re.compile("|".join(f"(?:{m})" for m in p["motto"]), re.I)
    return trailer, motto, {fold(k): v for k, v in p["metadata_fields"].items()}


def portal_metadata(lines: list[Line]) -> dict[str, str]:
    """`Số hiệu:` `51/2025/NQ-HĐND` … read from the lines before the document starts."""
    _, _, fields = _markers()
    found: dict[str, str] = {}
    texts = [(_plain(l.text)) for l in lines if _plain(l.text)]
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
    trailer, motto, _ = _markers()
    start = 0
    motto_at = next((i for i, l in enumerate(lines) if motto.search(_plain(l.text))), None)
    if motto_at is not None:
        start = _issuer_block_start(lines, motto_at)
    end = len(lines)
    for i in range(start, len(lines)):
        if trailer.search(_plain(lines[i].text)):
            end = i
            break
    return start, end


def _issuer_block_start(lines: list[Line], motto_at: int) -> int:
    """The issuer's lines sit just before the motto (in its own cell or on the lines above).

    Capitals all of them, short, and sometimes parted by a blank line when the cell was
    laid out line by line ("ỦY BAN NHÂN DÂN" / "" / "TỈNH ĐẮK LẮK").
    """
    start = motto_at
    i = motto_at
    taken = 0
    while i > 0 and taken < 6:
        j = i
        while j > 0 and not lines[j - 1].text.strip() and i - j < 2:
            j -= 1
        if j == 0 or not lines[j - 1].text.strip():
            break
        text = _plain(lines[j - 1].text)
        letters = [c for c in text if c.isalpha()]
        if not letters or len(text) > 80 or sum(c.isupper() for c in letters) / len(letters) < 0.6:
            break
        i = start = j - 1
        taken += 1
    return start


def trim_portal(lines: list[Line], meta: PortalMeta | None = None) -> list[Line]:
    """Cut the portal's text before and after the document; keep its metadata aside."""
    start, end = document_bounds(lines)
    if meta is not None and start:
        meta.fields.update(portal_metadata(lines[:start]))
    return lines[start:end]
