"""Text with markup -> the document model: the reader of `.md` and `.txt` files.

A text file carries the layout of whatever tool wrote it, and this module reads each kind:
- HTML left inside the text (`<p align="center"><b>KẾ HOẠCH</b></p>`, `<br>`, `<table>`);
- a legal portal's cells between lone `|` lines (an empty cell and a row end both show as two
  `|` lines in a row: task tables are cut into rows where a row number starts);
- a table written one cell per line, nothing between cells or rows (docx2txt, a copy of a Word
  table): its header's cells one under another, a number opening each row;
- Markdown rows `| a | b |`, rows ending in ` |`, DOCX conversions joining cells with ` | `,
  rows of cells parted by tabs;
- grid tables as pandoc writes a Word table whose cells hold several lines (`+---+---+`
  borders, each cell's text wrapped over lines between the row's borders), and the same drawn
  with box characters (`┌──┬──┐`, `│`) as a web page's text dump (`w3m -dump`) writes them;
- the header's two columns, and the recipients beside the signature, joined line by line with
  one space, as pypdf and pdfplumber read a PDF;
- columns set side by side with spaces, as `pdftotext -layout` (and this project's PDF reader)
  writes a page: the header block (issuer left, the national motto right) and task tables.
Every `Line` keeps the source lines it came from.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import NamedTuple

from .blocks import Block, Cell, Table, mostly_capitals, plain
from .models import Line
from .numerals import point_letter, roman
from .rules import CAPITALS, cues, unmarked
from .tables import SIGNER_NAME, column_role, header_roles, is_motto, is_portal_trailer, is_task_header, recipients_filing, row_label, signature_start

_HTML_HINT = re.compile(r"</?(?:p|b|strong|br|div|table|tr|td|th|span|em|i|u|h[1-6]|center|font|ul|ol|li|sup|sub)(?:\s[^<>]*)?/?>", re.I)
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?(/?)>", re.S)
_PIPE = re.compile(r"^\s*\|\s*$")
_GFM_ROW = re.compile(r"^\s*\|.*\|\s*$")
_GFM_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_RULE = re.compile(r"[-_=–—]{3,}")
_GLUED_MOTTO = re.compile(r"(?<=VIỆT NAM)(?=Độc lập)|(?<=\S)(?=Độc lập\s*[-–])")
_GAP = re.compile(r"\S(?P<gap> {3,}|\t+)(?=\S)")


def text_blocks(raw: Sequence[str]) -> list[Block]:
    """The blocks of a text file's lines (numbered from 1)."""
    lines = _nested_items(_nested_numbers([Line(_ascii_box(text.rstrip("\r")), (n,)) for n, text in enumerate(raw, start=1)]))
    blocks: list[Block] = _html_fragments(lines) if _HTML_HINT.search("\n".join(raw[:5000])) else list(lines)
    out: list[Block] = []
    run: list[Line] = []
    for b in blocks:
        if isinstance(b, Line):
            run.append(b)
            continue
        out.extend(_line_tables(run))
        run = []
        out.append(b)
    out.extend(_line_tables(run))
    return joined_signature(joined_header(spaced_columns(out)))


# --- lists nested by indentation --------------------------------------------------------------

_BULLET = re.compile(r"^(?P<indent>[ \t]*)[-*+•]\s+(?=\S)")


_NUMBERED = re.compile(r"^(?P<indent>[ \t]*)(?P<n>\d{1,2})[.)]\s+(?=\S)")


def _nested_numbers(lines: list[Line]) -> list[Line]:
    """Numbered lists nested by indentation, as a converter writes Word's numbering ("1. **MỤC
    ĐÍCH**" / "   1. Mục đích" / "      1. …"): every level numbered "1." says nothing of depth, so
    the levels are written as the document printed them — the parts' roman numerals when the
    outermost items are headings in capitals, then figures, then lettered points (a decision's
    clauses under its articles start at figures). A list whose numbers stand at one depth is left
    as written."""
    out = list(lines)
    run: list[tuple[int, int, int, str]] = []  # (line index, indentation, number, text) of one list's numbered items

    def close() -> None:
        depths = sorted({item[1] for item in run})
        if len(depths) > 1 and _nested([(indent, n) for _, indent, n, _ in run], depths):
            outer = [plain(text) for _, indent, _, text in run if indent == depths[0]]
            first = 0 if sum(map(mostly_capitals, outer)) * 2 >= len(outer) else 1
            for k, indent, n, text in run:
                level = first + depths.index(indent)
                label = roman(n) + "." if level == 0 else f"{n}." if level == 1 else f"{point_letter(n)})"
                out[k] = Line(f"{' ' * indent}{label} {text}", out[k].src, out[k].heading)
        run.clear()

    for k, line in enumerate(lines):
        m = _NUMBERED.match(line.text)
        if m is not None:
            run.append((k, len(m.group("indent").expandtabs(4)), int(m.group("n")), line.text[m.end() :]))
        elif line.text.strip() and not line.text[:1].isspace() and not _BULLET.match(line.text):
            close()  # a paragraph at the margin ends the list
    close()
    return out


def _nested(run: list[tuple[int, int]], depths: list[int]) -> bool:
    """Nested as Markdown nests: each depth two spaces or more inside the one above, and the inner
    lists numbered from 1 under their items (four in five at least: a stray space before a number
    that goes on from the one above is no nesting)."""
    if any(b - a < 2 for a, b in zip(depths, depths[1:])):
        return False
    starts = [n for (above, _), (indent, n) in zip(run, run[1:]) if indent > above]
    return sum(n == 1 for n in starts) >= 0.8 * len(starts)


def _nested_items(lines: list[Line]) -> list[Line]:
    """A Markdown list nested by indentation ("* **Sở Nội vụ:**" / "  - Chủ trì …"): in a run of
    items where one stands indented under another, the outer items are dashes and the inner ones
    "+" items, as the structure reads an entry's duties; runs with no such nesting are left as
    written."""
    out = list(lines)
    run: list[tuple[int, int]] = []  # (line index, indentation) of the items of one list

    def close() -> None:
        if run and any(b > a for (_, a), (_, b) in zip(run, run[1:])):
            outer = run[0][1]
            for k, indent in run:
                m = _BULLET.match(out[k].text)
                mark = "+" if indent > outer else "-"
                out[k] = Line(f"{mark} {out[k].text[m.end() if m else 0 :]}", out[k].src, out[k].heading)
        run.clear()

    for k, line in enumerate(lines):
        m = _BULLET.match(line.text)
        if m is not None:
            run.append((k, len(m.group("indent").expandtabs(4))))
        elif line.text.strip() and not line.text[:1].isspace():
            close()  # a paragraph at the margin ends the list
    close()
    return out


# --- HTML inside text --------------------------------------------------------------------------

_HTML_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "center", "section", "article", "blockquote", "ul", "ol", "td", "th"}


class _Fragments:
    """The lines an HTML fragment gives, each with the source lines its text came from."""

    def __init__(self, lines: list[Line]):
        self.text = "\n".join(l.text for l in lines)
        self.starts = [0]
        for l in lines[:-1]:
            self.starts.append(self.starts[-1] + len(l.text) + 1)
        self.out: list[Block] = []
        self.buf: list[str] = []
        self.src: list[int] = []
        self.pos = 0  # how far the text is read

    def line_at(self, offset: int) -> int:
        import bisect

        return bisect.bisect_right(self.starts, offset)

    def source_line(self, offset: int) -> str:
        """The whole source line the offset stands in."""
        k = self.line_at(offset) - 1
        end = self.starts[k + 1] - 1 if k + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[k] : end]

    def flush(self, blank: bool = False) -> None:
        line = "".join(self.buf)
        if line.strip() or not blank:
            self.out.append(Line(line, tuple(sorted(set(self.src))) or (self.line_at(self.pos),)))
        if blank:
            self.out.append(Line("", (self.line_at(self.pos),)))
        self.buf.clear()
        self.src.clear()

    def add(self, chunk: str, at: int) -> None:
        import html as htmllib

        offset = at
        for k, piece in enumerate(chunk.split("\n")):
            if k:
                self.flush()
            if piece:
                self.buf.append(htmllib.unescape(piece))
                self.src.append(self.line_at(offset))
            offset += len(piece) + 1


def _html_fragments(lines: list[Line]) -> list[Block]:
    """HTML tags inside a text: blocks end lines, `<b>` becomes `**`, tables are parsed."""
    f = _Fragments(lines)
    text = f.text
    for m in _TAG.finditer(text):
        if m.start() < f.pos:
            continue
        f.add(text[f.pos : m.start()], f.pos)
        f.pos = m.end()
        tag = (m.group(2) or "").lower()
        closing = m.group(1) == "/"
        if tag == "table" and not closing:
            end = _table_end(text, m.start())
            if f.buf:
                f.flush()
            f.out.append(_fragment_table(text[m.start() : end], f.line_at(m.start())))
            f.pos = end
            continue
        if tag == "br":
            if _GFM_ROW.match(f.source_line(m.start())):
                f.buf.append(_CELL_BREAK)  # "| Sở Văn hóa …<br>Sở Tư pháp |": a line inside the cell
            else:
                f.flush()
        elif tag in _HTML_BLOCK:
            if f.buf:
                f.flush(blank=tag not in ("td", "th", "li", "tr"))
        elif tag in ("b", "strong"):
            f.buf.append("**")
        elif tag in ("i", "em"):
            f.buf.append("*")
    f.add(text[f.pos:], f.pos)
    if f.buf:
        f.flush()
    return f.out


def _table_end(text: str, start: int) -> int:
    depth = 0
    for m in re.finditer(r"<(/?)table\b[^>]*>", text[start:], re.I):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return start + m.end()
    return len(text)


def _fragment_table(fragment: str, first_line: int) -> Table:
    import lxml.html

    from .html_text import table_of

    try:
        el = lxml.html.fragment_fromstring(fragment)
    except Exception:  # noqa: BLE001 — lxml raises ParserError/ValueError on junk
        return Table((), (first_line,))
    return table_of(el, lambda e: (first_line + (getattr(e, "sourceline", 1) or 1) - 1,))


# --- tables written with pipes and tabs ---------------------------------------------------------


def _line_tables(lines: list[Line]) -> list[Block]:
    out: list[Block] = []
    width: int | None = None  # data columns of the last task table, for its continuation
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if _PIPE.match(line.text):
            j = i
            last_pipe = i
            # the portal's own text after the document ends its last table, pipes or none after it
            while j < n and lines[j].text.strip() and not is_portal_trailer(lines[j].text):
                if _PIPE.match(lines[j].text):
                    last_pipe = j
                j += 1
            tables, width = _pipe_run(lines[i : last_pipe + 1], width)
            out.extend(tables)
            out.extend(lines[last_pipe + 1 : j])
            i = j
            continue
        if _GRID_BORDER.match(line.text):
            table, i = _grid_table(lines, i)
            out.append(table)
            continue
        if _GFM_ROW.match(line.text) and line.text.count("|") >= 3:
            rows, i = _gfm_rows(lines, i)
            out.append(Table(tuple(rows), line.src, aligned=True))
            continue
        dashed = _dashed_table(lines, i)
        if dashed is not None:
            table, i = dashed
            out.append(table)
            continue
        cells = _delimited(line.text)
        if cells is not None:
            rows = []
            width = len(cells)
            while i < n:
                cells = _delimited(lines[i].text)
                if cells is None:
                    if not lines[i].text.strip() and i + 1 < n and (nxt := _delimited(lines[i + 1].text)) is not None and len(nxt) == width:
                        i += 1  # rows parted by a blank line
                        continue
                    break
                rows.append(tuple(_split_cell(c, lines[i].src) for c in cells))
                i += 1
            out.append(Table(tuple(rows), line.src, aligned=True))
            continue
        if column_role(line.text) == "number" and (found := _cell_per_line_table(lines, i)) is not None:
            table, i = found
            out.append(table)
            continue
        out.append(line)
        i += 1
    return out


# --- a table written one cell per line ----------------------------------------------------------

_SECTION = re.compile(rf"^[IVX]{{1,5}}\.\s+[{CAPITALS}]{{2,}}")


def _cell_per_line_table(lines: list[Line], i: int) -> tuple[Table, int] | None:
    """A table whose every cell is a line of its own with nothing between cells or rows, as
    docx2txt and a copy from a Word table write one: its header's short cells one under another
    (the first naming the row number's column), then rows each opened by its number."""
    found = [k for k in range(i, min(len(lines), i + 24)) if lines[k].text.strip()][:9]
    # the first number after three cells or more ends the header (a group row's "I" may come first)
    width = next((w for w in range(3, len(found)) if row_label(lines[found[w]].text) and _short_header([plain(lines[k].text) for k in found[:w]], opening=True)), None)
    if width is None:
        return None
    rows: list[list[Line]] = [[lines[k] for k in found[:width]]]
    j = found[width]
    while j < len(lines):
        text = lines[j].text.strip()
        if not text:
            j += 1
            continue
        row = rows[-1]
        # (a number opens a row after a row's first cell, or after a group row of one cell)
        label = row_label(text) if len(row) >= 2 or len(rows) == 1 or not row_label(row[0].text) else None
        # a number that no task follows is a cell: another number after it ("2" of a count column
        # before row "2"), or the section after the table
        if label is not None and len(row) < width:
            after = _next_text(lines, j)
            label = None if not after or row_label(after) or _SECTION.match(after) else label
        if label is not None and (len(row) >= width or len(rows) == 1 or not label.isdigit() or _follows(label, rows)):
            rows.append([lines[j]])
        elif len(row) >= 2 and (skip := _header_again(lines, j)):
            j = skip  # the header again under a group row ("Nội dung", "Đơn vị thực hiện", …)
            continue
        elif len(row) >= width or _SECTION.match(text):
            # a full row and no number after it: the table has ended — unless the next row's
            # number follows (a group row, "III. PHÁT TRIỂN HẠ TẦNG SỐ", its label in its cell)
            if not ((nxt := row_label(_next_text(lines, j))) and nxt.isdigit() and _follows(nxt, rows)):
                break
            rows.append([lines[j]])
        else:
            row.append(lines[j])
        j += 1
    if len(rows) < 2:
        return None
    return Table(tuple(tuple(Cell((l,)) for l in row) for row in rows), lines[i].src), j


def _next_text(lines: list[Line], j: int) -> str:
    """The text of the first line after `j` that has any."""
    return next((t for k in range(j + 1, len(lines)) if (t := lines[k].text.strip())), "")


def _header_again(lines: list[Line], j: int) -> int | None:
    """Where the next row starts, if the cells from `j` to it are a header's (three or more)."""
    cells = 0
    for k in range(j, len(lines)):
        text = lines[k].text.strip()
        if not text:
            continue
        if row_label(text):
            return k if cells >= 3 else None
        if not _header_cell(text):
            return None
        cells += 1
    return None


def _follows(label: str, rows: list[list[Line]]) -> bool:
    """A number that opens the next row (a cell of the row that holds only a number does not):
    one, or one more than the last row's number ("3" after "2" or after "2.9")."""
    last = next((n.split(".")[0] for row in reversed(rows[1:]) if re.match(r"\d", n := row_label(row[0].text) or "")), None)
    return label == "1" or (last is not None and int(label) == int(last) + 1)


# --- grid tables (pandoc) ------------------------------------------------------------------------

_GRID_BORDER = re.compile(r"^\s*\+(?:[-=:]{2,}\+)+\s*$")
_GRID_ROW = re.compile(r"^\s*\|.*[|+]\s*$")


# box-drawing characters as a grid table's: corners and junctions "+", rules "-" ("=" under a
# header), bars "|" — each one character, so the columns stay where they were drawn
_BOX = str.maketrans({**dict.fromkeys("┌┬┐├┼┤└┴┘╔╦╗╠╬╣╚╩╝╒╤╕╞╪╡╘╧╛╓╥╖╟╫╢╙╨╜", "+"), "─": "-", "═": "=", "│": "|", "║": "|"})
_BOX_HINT = re.compile(r"[─│┼├┌└]")


# --- pandoc's simple and multiline tables --------------------------------------------------------

_DASH_LINE = re.compile(r"^\s*-{3,}\s*$")
_DASH_GROUPS = re.compile(r"^\s*-{2,}(?:\s+-{2,})+\s*$")
_HEADER_DEPTH = 6  # lines a multiline table's header may take


def _dashed_table(lines: list[Line], i: int) -> tuple[Table, int] | None:
    """A table as pandoc's Markdown writes one: its columns where the dashes under its header
    run ("-----  ---------  -------"). A multiline table opens and closes with a line of dashes
    across it, its rows parted by blank lines; one without a header opens and closes with the
    columns' dashes; a simple table is a header line, the dashes, a row a line, a blank line."""
    text = lines[i].text
    if _DASH_LINE.match(text):
        under = next((k for k in range(i + 1, min(len(lines), i + 1 + _HEADER_DEPTH)) if _DASH_GROUPS.match(lines[k].text)), None)
        if under is None or not all(lines[k].text.strip() for k in range(i + 1, under)):
            return None
        end = next((k for k in range(under + 1, len(lines)) if _DASH_LINE.match(lines[k].text)), None)
        if end is None:
            return None
        columns = _dash_columns(lines[under].text)
        if not _in_columns(lines[i + 1 : end], lines[under].text):
            return None
        rows = [_dashed_row(lines[i + 1 : under], columns), *(_dashed_row(r, columns) for r in _blank_parted(lines[under + 1 : end]))]
        return Table(tuple(rows), lines[i].src), end + 1
    if _DASH_GROUPS.match(text):
        # no header: the same dashes close it
        end = next((k for k in range(i + 1, len(lines)) if lines[k].text.rstrip() == text.rstrip()), None)
        columns = _dash_columns(text)
        if end is None or end == i + 1 or not _in_columns(lines[i + 1 : end], text):
            return None
        return Table(tuple(_dashed_row(r, columns) for r in _blank_parted(lines[i + 1 : end])), lines[i].src), end + 1
    if i + 2 < len(lines) and text.strip() and _DASH_GROUPS.match(lines[i + 1].text) and lines[i + 2].text.strip():
        columns = _dash_columns(lines[i + 1].text)
        k = i + 2
        while k < len(lines) and lines[k].text.strip():
            k += 1
        if not _in_columns([lines[i], *lines[i + 2 : k]], lines[i + 1].text):
            return None  # a rule under a header's two columns ("-------      ---------"), no table
        rows = [_dashed_row([line], columns) for line in [lines[i], *lines[i + 2 : k]]]
        return Table(tuple(rows), lines[i].src, aligned=True), k
    return None


def _in_columns(lines: list[Line], dashes: str) -> bool:
    """Every line's words stand inside the columns' dashes, as pandoc draws them as wide as their
    cells: none before the first, none between one column's dashes' end and the next one's start
    (pdftotext's short rules under a header's two longer lines of text are no columns)."""
    runs = [(m.start(), m.end()) for m in re.finditer(r"-{2,}", dashes)]
    gaps = [(0, runs[0][0])] + [(end, nxt) for (_, end), (nxt, _) in zip(runs, runs[1:])]
    return not any(line.text[a:b].strip() for line in lines for a, b in gaps)


def _dash_columns(text: str) -> list[int]:
    """Where each column starts: at its run of dashes."""
    return [m.start() for m in re.finditer(r"-{2,}", text)]


def _blank_parted(lines: list[Line]) -> list[list[Line]]:
    groups: list[list[Line]] = [[]]
    for line in lines:
        if line.text.strip():
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _dashed_row(lines: list[Line], columns: list[int]) -> tuple[Cell, ...]:
    """A row's cells: each column's slices of its lines, joined."""
    bounds = list(zip(columns, [*columns[1:], None]))
    cells = []
    for start, stop in bounds:
        words = [line.text[start:stop].strip() for line in lines]
        text = " ".join(w for w in words if w)
        src = tuple(n for line in lines if line.text[start:stop].strip() for n in line.src)
        cells.append(Cell((Line(text, src),) if text else ()))
    return tuple(cells)


def _ascii_box(text: str) -> str:
    return text.translate(_BOX) if _BOX_HINT.search(text) else text


def _grid_table(lines: list[Line], i: int) -> tuple[Table, int]:
    """A grid table from its first border: the columns are where the border has its `+`; a row
    is the lines between two borders, a cell its slices of them."""
    cuts = [k for k, ch in enumerate(lines[i].text) if ch == "+"]
    rows: list[tuple[Cell, ...]] = []
    body: list[Line] = []
    j = i + 1
    while j < len(lines):
        text = lines[j].text.rstrip()
        if _GRID_BORDER.match(text):
            if body:
                rows.append(_grid_row(body, cuts))
            body = []
        elif _GRID_ROW.match(text):
            body.append(lines[j])
        else:
            break
        j += 1
    if body:
        rows.append(_grid_row(body, cuts))
    return Table(tuple(rows), lines[i].src), j


def _grid_row(body: list[Line], cuts: list[int]) -> tuple[Cell, ...]:
    if all(l.text.count("|") == len(cuts) for l in body):
        # a bar for every column on every line: the bars part the cells, aligned or not (a writer
        # that counts wide or combining characters otherwise shifts them)
        return _cells_by_bars(body)
    # fewer bars: a column edge is where every line of the row has its bar; where one has text
    # the cell spans those columns
    edges = [k for k in cuts if all(len(l.text) > k and l.text[k] in "|+" for l in body)]
    if len(edges) < 2:
        return _cells_by_bars(body)
    cells: list[Cell] = []
    for left, right in zip(edges, edges[1:]):
        cell = _grid_cell([(l, l.text[left + 1 : right]) for l in body])
        cells.extend([cell] * sum(1 for k in cuts if left <= k < right))
    return tuple(cells)


def _cells_by_bars(body: list[Line]) -> tuple[Cell, ...]:
    parts = [l.text.strip()[1:-1].split("|") for l in body]
    return tuple(_grid_cell([(l, p[c]) for l, p in zip(body, parts) if c < len(p)]) for c in range(max(map(len, parts))))


def _grid_cell(slices: list[tuple[Line, str]]) -> Cell:
    """A cell's paragraphs: its slices joined until a blank one or a line break (`\\`)."""
    paragraphs: list[Line] = []
    words: list[str] = []
    src: list[int] = []

    def close() -> None:
        if words:
            paragraphs.append(Line(" ".join(words), tuple(src)))
        words.clear()
        src.clear()

    for line, text in slices:
        text = text.strip()
        if not text or _RULE.fullmatch(text):
            close()
            continue
        words.append(text.removesuffix("\\").rstrip())
        src.extend(n for n in line.src if n not in src)
        if text.endswith("\\"):
            close()
    close()
    return Cell(tuple(paragraphs))


_CLOSING_PIPE = re.compile(r"\S\s+\|(?:\s|$)")
_OPENING_PIPE = re.compile(r"^\s*\|\s+\S")


def _delimited(text: str) -> list[str] | None:
    """Cells of a row written on one line: tabs, ` | ` between cells, or a closing ` |`."""
    if "\t" in text.rstrip() and text.strip():
        # a leading tab leaves the first cell empty: the text goes on in a later column
        cells = [c.strip() for c in text.rstrip().split("\t")]
        return cells if sum(1 for c in cells if c) >= 2 or not cells[0] else None
    if "|" not in text or _PIPE.match(text) or not (_CLOSING_PIPE.search(text) or _OPENING_PIPE.match(text)):
        return None
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    return cells if any(cells) else None


def _split_cell(text: str, src: tuple[int, ...]) -> Cell:
    """A cell whose lines a converter glued together ("CHÍNH PHỦ-------", "VIỆT NAMĐộc lập")."""
    text = _GLUED_MOTTO.sub("\n", text)
    parts = [p.strip() for p in _RULE.sub("\n", text).split("\n")]
    return Cell(tuple(Line(p, src) for p in parts if p and re.search(r"\w", p)))


# a line break an HTML `<br>` made inside a Markdown table's cell (`_html_fragments`)
_CELL_BREAK = "\x1f"  # a unit separator: no line break to `str.splitlines`


def _gfm_cell(text: str, src: tuple[int, ...]) -> Cell:
    """A Markdown table's cell: its lines, where `<br>` parted them."""
    return Cell(tuple(Line(p.strip(), src) for p in text.split(_CELL_BREAK) if p.strip()))


def _gfm_rows(lines: list[Line], i: int) -> tuple[list[tuple[Cell, ...]], int]:
    n = len(lines)
    width = lines[i].text.count("|")
    rows: list[tuple[Cell, ...]] = []
    while i < n:
        text = lines[i].text
        if _GFM_ROW.match(text):
            if not _GFM_RULE.match(text):
                rows.append(_spanned(tuple(_gfm_cell(c, lines[i].src) for c in text.strip().strip("|").split("|"))))
            i += 1
        elif not text.strip() and i + 1 < n and _GFM_ROW.match(lines[i + 1].text) and lines[i + 1].text.count("|") == width:
            i += 1  # a PDF's text layer puts a blank line between the rows of one table
        else:
            break
    return rows, i


def _spanned(row: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """A row whose cells after its label all say the same: one cell that a converter wrote into
    every column it spans (docling: "I | Công tác tuyên truyền | Công tác tuyên truyền | …"), made
    the one object a spanning cell is in every other reader."""
    first = 0 if len({c.text for c in row}) == 1 else 1
    rest = row[first:]
    if len(rest) < 2 or not rest[0].text or any(c.text != rest[0].text for c in rest):
        return row
    return (*row[:first], *([rest[0]] * len(rest)))


@dataclass(frozen=True)
class _Slot:
    lines: tuple[Line, ...]

    @cached_property
    def text(self) -> str:
        return Cell(self.lines).text

    def cell(self) -> Cell:
        return Cell(tuple(l for l in self.lines if l.text.strip()))


def _slots(lines: list[Line]) -> list[_Slot]:
    """The cells of a pipe run, in reading order; an empty slot is an empty cell or a row end.
    A line with its own pipes ("Độc lập - Tự do - Hạnh phúc |", "| Số: 05/2025/TT-BGDĐT |")
    is parted at them."""
    slots: list[_Slot] = []
    current: list[Line] | None = None
    pieces: list[Line] = []
    for line in lines:
        if _PIPE.match(line.text) or "|" not in line.text:
            pieces.append(line)
            continue
        for k, part in enumerate(re.split(r"\s*\|\s*", line.text)):
            if k:
                pieces.append(Line("|", line.src))
            if part.strip():
                pieces.append(Line(part, line.src, line.heading))
    for line in pieces:
        if _PIPE.match(line.text):
            if current is not None:
                slots.append(_Slot(tuple(current)))
            current = []
        elif current is not None:
            current.append(line)
    return slots


def _pipe_run(run: list[Line], width: int | None) -> tuple[list[Block], int | None]:
    """A pipe run as tables, and the data width of the task table it ends with or goes on with.

    A portal writes a document without blank lines, so one run can hold the signature table, an
    appendix's title and its task tables, each under its own header row: the run is cut where a
    task header row starts, and each part read as the table it is."""
    slots = _slots(run)
    continues = width is not None and next((row_label(s.text) is not None for s in slots if s.text), False)
    starts = _task_header_starts(slots, continues)
    blocks: list[Block] = []
    if not starts or starts[0] > 0:
        table, width = _slot_table(slots[: starts[0]] if starts else slots, width if continues else None, run)
        blocks.append(table)
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(slots)
        anchor = run[0].src if start == 0 else slots[start].lines[0].src
        table, width, spill = _task_table(slots[start:end], anchor, run, last=end == len(slots))
        blocks.append(table)
        blocks.extend(spill)
    return blocks, width


def _task_header_starts(slots: list[_Slot], continues: bool) -> list[int]:
    """Where task header rows start: a row of short cells, the first naming a column (the run's
    first row may also be one long header: it was always read as one). Inside a task table a
    header row after a row's end is the header repeated on a new page, not a new table; a new
    table's header follows its title."""
    starts: list[int] = []
    rows = _rows(slots)
    s = 0
    if rows and len(rows[0]) >= 3 and is_task_header([c.text for c in rows[0]], opening=True):
        # the signature and the appendix title can share the first row with the header
        first = next((k for k in range(len(rows[0])) if _short_header([c.text for c in rows[0][k:]])), 0)
        starts.append(0 if first == 0 else slots.index(rows[0][first]))
        s = slots.index(rows[0][-1]) + 1
    texts = [x.text for x in slots]
    # where the cells that go on from each slot end (the next empty slot), read once: a long run
    # of cells is not scanned again from each of its cells
    run_end = [len(slots)] * (len(slots) + 1)
    for k in range(len(slots) - 1, -1, -1):
        run_end[k] = run_end[k + 1] if texts[k] else k
    while s < len(slots):
        e = run_end[s]
        in_table = bool(starts) or continues
        # (a header's first cell names a column: the cheap test first; outside a task table a
        # header row opens one, so its work column may go by another name)
        if e - s >= 3 and column_role(texts[s]) is not None and _short_header(texts[s:e], opening=not in_table) and (not in_table or (s > 0 and texts[s - 1])):
            starts.append(s)
            s = e
        else:
            s += 1
    return starts


def _short_header(cells: list[str], opening: bool = False) -> bool:
    return len(cells) >= 3 and column_role(cells[0]) is not None and all(len(c.split()) <= 8 for c in cells) and is_task_header(cells, opening)


def _slot_table(slots: list[_Slot], width: int | None, run: list[Line]) -> tuple[Table, int | None]:
    """Cells before any task header: the rest of a task table after a page break (`width`: the
    table goes on, its header not repeated), or a table of another kind."""
    if width is not None:
        return Table(tuple(_numbered_rows(slots, width, run)), run[0].src), width
    return Table(tuple(tuple(s.cell() for s in row) for row in _rows(slots)), run[0].src), None


def _task_table(slots: list[_Slot], anchor: tuple[int, ...], run: list[Line], last: bool) -> tuple[Table, int, list[Line]]:
    """A task table from its header row on; what stands after its last full row when another
    table follows (that table's title: "**2. Các nhiệm vụ …**") is given back as lines."""
    header = _rows(slots)[0]
    data = slots[slots.index(header[-1]) + 1 :]
    # the row number is cut out of each row; a header without a number column gets one
    numbered = column_role(header[0].text) == "number"
    head = tuple(s.cell() for s in (header[1:] if numbered else header))
    first = Cell((Line("STT", anchor),))
    rows = _numbered_rows(data, len(head), run)
    spill: list[Line] = []
    if not last and rows and len(rows[-1]) > len(head) + 1:
        spill = [l for c in rows[-1][len(head) + 1 :] for l in c.lines]
        rows[-1] = rows[-1][: len(head) + 1]
    return Table(((first, *head), *rows), anchor), len(head), spill


def _numbered_rows(slots: list[_Slot], width: int, run: list[Line]) -> list[tuple[Cell, ...]]:
    rows = []
    for number, cells in _task_rows(slots, width):
        anchor = cells[0].lines[:1] if cells and cells[0].lines else run[:1]
        label = Cell((Line(number, anchor[0].src),)) if number else Cell()
        # a numbered row of two cells or more that stops short of the table's width: the portal
        # leaves out the cells a row spans from the row above (an empty cell keeps its slot), and
        # those are the last ones — the lead, time and form named once for a group of rows
        spanned = (Cell(merged=True),) * (width - len(cells)) if number and 2 <= len(cells) < width else ()
        rows.append((label, *(c.cell() for c in cells), *spanned))
    return rows


def _header_cell(text: str) -> bool:
    return len(text.split()) <= 6 and column_role(text) is not None


def _rows(slots: list[_Slot]) -> list[list[_Slot]]:
    """Rows split at empty slots: right for tables whose cells are never empty."""
    rows: list[list[_Slot]] = []
    row: list[_Slot] = []
    for slot in slots:
        if slot.lines and slot.text:
            row.append(slot)
        elif row:
            rows.append(row)
            row = []
    if row:
        rows.append(row)
    return rows


def _task_rows(slots: list[_Slot], width: int) -> list[tuple[str | None, list[_Slot]]]:
    """Data rows of a task table: (row number, cells by column), split where a row number starts.

    Empty cells keep their place (an empty slot inside a row is an empty cell); the empty slot
    that ends a row is dropped. Group rows ("I | NHÓM GIẢI PHÁP …") span the table and have
    fewer cells.
    """
    rows: list[tuple[str | None, list[_Slot]]] = []
    current: list[_Slot] | None = None
    number: str | None = None
    for slot in slots:
        text = slot.text
        label = row_label(text) if text else None
        row_full = current is not None and len(current) >= width
        ends = current is not None and len(current) >= 2 and not current[-1].text
        if label is not None and (current is None or row_full or ends):
            if current is not None:
                rows.append((number, current))
            current, number = [], label
            continue
        if text and label is None and current is not None and len(current) > width + 1 and not current[-1].text and not current[-2].text:
            # past a full row's end and an empty cell, a cell opens the next row though no number
            # does: a group row whose number cell is empty ("** ** | **Nhiệm vụ giao Bộ trưởng Bộ Y
            # tế chỉ đạo** | …") — never more cells of the row before
            rows.append((number, current[:-1]))
            current, number = [], None
        if ends and current is not None and len(current) < width and _header_cell(text):
            # the header repeated on a new page after a group row: a row of its own
            rows.append((number, current))
            current, number = [], None
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


# --- header columns joined with one space ----------------------------------------------------------


@cache
def _motto_inside(second: bool = False) -> re.Pattern[str]:
    """The motto in capitals (`second`: or its second line, "Độc lập - Tự do …") where it starts
    inside a line after the issuer's words; matched without marks, as `is_motto`, and in the
    case it is printed in, so a sentence's "nước Cộng hòa xã hội chủ nghĩa Việt Nam" is none."""
    motto = cues()["portal"]["motto_full"].strip("^$")
    parts = f"{motto}|Độc lập\\s*[-–]\\s*Tự do" if second else motto
    return re.compile(unmarked(rf"(?<=\S)\s+(?=(?:{parts}))"))


# the place-and-date beside the symbol: "Số: 126/KH-UBND Tuyên Quang, ngày 15 tháng 5 năm 2026"
_DATELINE_INSIDE = re.compile(rf"(?<=\S)\s+(?=(?:[{CAPITALS}][\wÀ-ỹ]*\s+){{0,4}}[{CAPITALS}][\wÀ-ỹ]*\s*,\s*ngày\b)")


def joined_header(blocks: list[Block]) -> list[Block]:
    """The header block whose two columns a PDF's text layer joined line by line with one space
    (pypdf: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH TUYÊN QUANG Độc lập - Tự
    do - Hạnh phúc", "Số: 126/KH-UBND Tuyên Quang, ngày 15 tháng 5 năm 2026"): parted where the
    motto and the place-and-date start, into the table the other layouts give."""
    head = [(k, b) for k, b in enumerate(blocks[:40]) if isinstance(b, Line) and b.text.strip()][:12]
    first = next((n for n, (_, b) in enumerate(head) if _motto_inside().search(unmarked(b.text))), None)
    if first is None or any(isinstance(b, Table) for b in blocks[: head[first][0]]):
        return blocks
    # the issuer's parent above, in capitals ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" over "SỞ NỘI VỤ …")
    above = [(k, b) for k, b in head[max(0, first - 2) : first] if plain(b.text).isupper()]
    left: list[Line] = [b for _, b in above]
    right: list[Line] = []
    last = head[first][0]
    for k, line in head[first : first + 6]:
        text = line.text
        m = _motto_inside(second=True).search(unmarked(text)) or _DATELINE_INSIDE.search(text)
        if m is None and not _RULE.fullmatch(text.strip()) and not (k > head[first][0] and plain(text).isupper()):
            break
        last = k
        if m is None:
            if not _RULE.fullmatch(text.strip()):
                left.append(line)
            continue
        left.append(Line(text[: m.start()].strip(), line.src))
        right.append(Line(text[m.end() :].strip(), line.src))
        if _DATE_RIGHT.search(text[m.end() :]):
            break
    table = Table(((Cell(tuple(left)), Cell(tuple(right))),), head[first][1].src)
    start = above[0][0] if above else head[first][0]
    return [*blocks[:start], table, Line("", table.anchor()), *blocks[last + 1 :]]


# --- recipients and signature joined with one space ---------------------------------------------


_ITEM_MARKS = ("-", "+", "•", "–")  # what opens a recipient's item


class _SignatureParts(NamedTuple):
    opening: re.Pattern[str]  # "Nơi nhận: TM. ỦY BAN NHÂN DÂN": the heading, then the signature
    post: re.Pattern[str]  # a post in capitals, perhaps after a formula ("KT. CHỦ TỊCH")
    name: re.Pattern[str]  # the signer's name ("Hoàng Việt Phương")


@cache
def _signature_parts() -> _SignatureParts:
    formulas = "|".join(cues()["signature_formulas"])
    post = rf"(?:(?:{formulas})\.\s+)?(?:[{CAPITALS}]+\s+)*[{CAPITALS}]{{2,}}"
    opening = re.compile(rf"({cues()['recipients_heading']})\s+(?=(?:{formulas})\.\s|{post}$)", re.I)
    return _SignatureParts(opening, re.compile(post), re.compile(SIGNER_NAME))


def joined_signature(blocks: list[Block]) -> list[Block]:
    """The recipients and the signature joined line by line with one space, as pypdf and
    pdfplumber read a PDF ("Nơi nhận: TM. ỦY BAN NHÂN DÂN", "- Thường trực Tỉnh ủy; KT. CHỦ
    TỊCH", "- Lưu: VT, NC. Hoàng Việt Phương"): parted where the post and the signer's name
    start, into the table the other layouts give."""
    parts = _signature_parts()
    found = next(((k, b, m) for k, b in enumerate(blocks) if isinstance(b, Line) and (m := parts.opening.match(b.text.strip()))), None)
    if found is None:
        return blocks
    k, block, m = found
    left, right = [Line(m.group(1), block.src)], [Line(block.text.strip()[m.end() :], block.src)]
    last = k
    for j in range(k + 1, min(len(blocks), k + 30)):
        line = blocks[j]
        if not isinstance(line, Line):
            break
        text = line.text.strip()
        if not text:
            continue
        # a recipient, its line ending in the post (after ";") or, the filing's, in the name
        tail = parts.name if recipients_filing().match(text.lstrip("".join(_ITEM_MARKS) + " ")) else parts.post
        item = text.startswith(_ITEM_MARKS)
        cut = re.search(rf"(?<=[.;:])\s+({tail.pattern})$", text) if item else None
        if cut is not None:
            left.append(Line(text[: cut.start()].strip(), line.src))
            right.append(Line(cut.group(1), line.src))
        elif item:
            left.append(line)
        elif parts.post.fullmatch(text) or parts.name.fullmatch(text):
            right.append(line)  # the post or the name under the last recipient
        else:
            break
        last = j
        if parts.name.fullmatch(right[-1].text):
            break  # the signer's name closes the block
    table = Table(((Cell(tuple(left)), Cell(tuple(right))),), block.src)
    return [*blocks[:k], table, Line("", table.anchor()), *blocks[last + 1 :]]


# --- columns set side by side with spaces -------------------------------------------------------


def spaced_columns(blocks: list[Block]) -> list[Block]:
    """Runs of lines laid out in columns with spaces: the header block, task tables."""
    out: list[Block] = []
    run: list[Line] = []

    def flush() -> None:
        if run:
            out.extend(_spaced(run))
            run.clear()

    for b in blocks:
        if isinstance(b, Line):
            run.append(b)
        else:
            flush()
            out.append(b)
    flush()
    return out


# a rule drawn under the issuer or the motto, beside other text: `Số: 217/CĐ-TTg      ---------`
_RULE_BESIDE = re.compile(r"(?:(?<=\S) {3,}|\t+)[-_–—=]{3,}(?= {3,}|\t|\s*$)|^\s*[-_–—=]{3,}(?= {3,}|\t)")


def _without_rules(line: Line) -> Line:
    """A line with the rules drawn beside its text taken out (they are no words of it)."""
    text = _RULE_BESIDE.sub(lambda m: " " * len(m.group(0)), line.text)
    return line if text == line.text else Line(text.rstrip(), line.src, line.heading)


def _spaced(lines: list[Line]) -> list[Block]:
    if not any("   " in l.text.strip() or "\t" in l.text for l in lines):
        return list(lines)
    lines = [_without_rules(l) for l in lines]
    out: list[Block] = []
    header_done = False
    i = 0
    n = len(lines)
    while i < n:
        if not header_done and i < 60:
            found = _spaced_header(lines, i)
            if found is not None:
                i = _set_apart(found, out)
                header_done = True
                continue
        found = _spaced_signature(lines, i) or _spaced_task_table(lines, i)
        if found is not None:
            i = _set_apart(found, out)
            continue
        out.append(lines[i])
        i += 1
    return out


def _set_apart(found: tuple[Table, int], out: list[Block]) -> int:
    """Put a table found among the lines in their place, set apart by blank lines; the line after it."""
    table, after = found
    out += [Line("", table.anchor()), table, Line("", table.anchor())]
    return after


def _gaps(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of 3+ spaces between words."""
    return [(m.start("gap"), m.end("gap")) for m in _GAP.finditer(text)]


_SYMBOL_LEFT = re.compile(r"^\s*(?:\*\*)?(?:Số|SỐ|So)\b", re.I)
_SYMBOL_LABEL_END = re.compile(r"(?:^|\s)(?:Số|SỐ)\s*:?\s*(?:\*\*)?$")
_DATE_RIGHT = re.compile(r"ngày\s*(?:\d{1,2}|\s)\s*tháng|,\s*ngày\b|tháng\s*\d{0,2}\s*năm\s*\d{4}", re.I)


def _spaced_header(lines: list[Line], i: int) -> tuple[Table, int] | None:
    """Issuer and motto side by side: `ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`.

    The motto's column is where the right part of that line starts; lines above and below
    are parted at the gap nearest to it, or go wholly left or right by where they stand. The
    block ends after the place-and-date line on the right.
    """
    text = lines[i].text
    split = None
    for _start, end in _gaps(text):
        # the motto's column, or the place-and-date beside `Số:` where the motto stands above
        if is_motto(text[end:]) or (_SYMBOL_LEFT.match(text[:_start + 1]) and _DATE_RIGHT.search(text[end:])):
            split = end
            break
    if split is None:
        return None
    # the issuer's lines may stand above the motto's line (a taller issuer block)
    top = i
    while top > 0 and i - top < 3 and lines[top - 1].text.strip() and _part(lines[top - 1].text, split)[1] == "" and len(lines[top - 1].text.rstrip()) < split:
        top -= 1
    left: list[Line] = [l for l in lines[top:i]]
    right: list[Line] = []
    k = i
    blanks = 0
    dated = False
    while k < len(lines) and k - i < 12:
        t = lines[k].text
        if not t.strip():
            blanks += 1
            if blanks > 2 or (dated and blanks > 0):
                break
            k += 1
            continue
        blanks = 0
        lpart, rpart = _part(t, split)
        if lpart is None:
            break  # a line across both columns: the header block has ended
        if lpart:
            left.append(Line(lpart, lines[k].src))
        if rpart:
            right.append(Line(rpart, lines[k].src))
            if _DATE_RIGHT.search(rpart):
                dated = True
        k += 1
        bare_symbol = bool(left) and _SYMBOL_LABEL_END.search(left[-1].text) is not None
        if dated and not bare_symbol and k < len(lines) and lines[k].text.strip() and _part(lines[k].text, split)[1] == "":
            break  # (a `Số:` whose number the narrow column wrapped takes the next line)
    return Table(((Cell(tuple(left)), Cell(tuple(right))),), lines[i].src), k


def _spaced_signature(lines: list[Line], i: int) -> tuple[Table, int] | None:
    """The recipients and the signature side by side (`Nơi nhận:      TM. ỦY BAN NHÂN DÂN`), as
    a PDF sets them: the two cells of the portal's table, so the signature ends the body and a
    document printed after it is read as one."""
    text = lines[i].text
    gaps = _gaps(text)
    if not gaps or not (signature_start().match(text[gaps[0][1] :]) or _post_beside_recipients(text, gaps[0][1])):
        return None
    # the recipients' label, or their first item when a table cell lost the label ("- Chính phủ;
    # - Ban Tổ chức Trung ương; - Ủy ban TW Mặt      TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI")
    if not signature_start().match(text.strip().lower()) and not re.match(r"\s*[-–]\s", text):
        return None
    split = gaps[0][1]
    # two signatures side by side (a joint programme: "TM. BAN THƯỜNG TRỰC      TM. ỦY BAN NHÂN
    # DÂN"): each column goes on down to its signer's name, whatever the lines hold
    opening = signature_start().match(text.strip().lower())
    both_signed = opening is not None and not re.match(cues()["recipients_heading"], opening.group(0).strip(), re.I)
    left: list[Line] = []
    right: list[Line] = []
    k = end = i
    while k < len(lines) and k - i < 40:
        if not lines[k].text.strip():
            k += 1  # the space left for the signature, or between recipients and the name
            continue
        lpart, rpart = _part(lines[k].text, split)
        if lpart is None and not _gaps(lines[k].text.strip()):
            lpart, rpart = lines[k].text.strip(), ""  # a recipient longer than its column, beside no signature line
        previous = "" if k > end + 1 else (left[-1].text if left else "")  # after a blank line only an item goes on
        if lpart is None or (k > i and lpart and not both_signed and not _goes_on_recipients(lpart, previous)):
            break  # a line across both columns, or no recipient (the appendix's heading): the block has ended
        if lpart:
            left.append(Line(lpart, lines[k].src))
        if rpart:
            right.append(Line(rpart, lines[k].src))
        k += 1
        end = k - 1
    return Table(((Cell(tuple(left)), Cell(tuple(right))),), lines[i].src), end + 1


def _post_beside_recipients(text: str, split: int) -> bool:
    """"Nơi nhận:      GIÁM ĐỐC": a head who signs in their own name, with no formula before the
    post — the post in capitals beside the recipients' label."""
    post = text[split:].strip()
    letters = [c for c in post if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and signature_start().match(text.strip().lower()) is not None


def _goes_on_recipients(text: str, previous: str) -> bool:
    """A recipient item ("- Lưu: VT, …") or the rest of one ("các phòng: TH, ĐT;", or in capitals
    after an item its line left open)."""
    if re.match(r"^(?:[-+•–]\s|[a-zà-ỹđ(])", text.lstrip("*_ ")):
        return True
    # "- Lưu: VT, …" is the last recipient
    return bool(previous) and not previous.rstrip("*_ ").endswith((";", ".", ":")) and not recipients_filing().match(previous)


def _part(text: str, split: int) -> tuple[str | None, str]:
    """A header line parted at the column `split`: (left, right); None when it runs across."""
    stripped = text.rstrip()
    if not stripped.strip():
        return "", ""
    indent = len(stripped) - len(stripped.lstrip())
    if indent >= split - 6:
        return "", stripped.strip()
    best = None
    for start, end in _gaps(stripped):
        if best is None or abs(end - split) < abs(best[1] - split):
            best = (start, end)
    if best is not None and abs(best[1] - split) <= 14:
        return stripped[: best[0]].strip(), stripped[best[1] :].strip()
    if len(stripped) <= split + 2:
        return stripped.strip(), ""
    return None, ""


def _chunks(text: str) -> list[tuple[int, int, str]]:
    """Words runs parted by 2+ spaces (or tabs): (start, end, text)."""
    return [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S+(?: \S+)*", text.replace("\t", "   "))]


def _header_in_columns(lines: list[Line], i: int, starts: list[int]) -> tuple[list[str | None], int] | None:
    """The column roles of a header row in columns of spaces, read on up to six lines, and
    how many lines it takes."""
    for extra in range(6):  # narrow columns wrap a header over many lines ("Cơ" / "quan" / "chủ" / "trì")
        if i + extra >= len(lines):
            break
        block = lines[i : i + extra + 1]
        if any(not l.text.strip() for l in block):
            break
        cols = _by_column(block, starts)
        if cols is None:
            break
        roles = header_roles([[" ".join(c) for c in cols]])
        if roles is not None:
            return roles, extra + 1 + _header_goes_on(lines, i + extra + 1, starts, roles)
    return None


def _header_goes_on(lines: list[Line], k: int, starts: list[int], roles: list[str | None]) -> int:
    """Lines after the header's roles are read that still wrap its words ("hoàn" / "thành"
    under "Thời gian dự kiến"): no blank line between, nothing in the number column."""
    if "number" not in roles:
        return 0
    col = roles.index("number")
    n = 0
    while k + n < len(lines) and n < 4 and lines[k + n].text.strip():
        cols = _by_column([lines[k + n]], starts)
        if cols is None or cols[col]:
            break
        n += 1
    return n


def _spaced_task_table(lines: list[Line], i: int) -> tuple[Table, int] | None:
    """A task table in columns of spaces: a header row (on up to six lines) that names a
    content column and a lead or support column, then rows cut at the column starts. A row
    starts where the number column has a value (or, without one, after a blank line)."""
    first = _chunks(lines[i].text)
    if len(first) < 3 or not any(len(g) for g in _gaps(lines[i].text)):
        return None
    starts = [c[0] for c in first]
    found = _header_in_columns(lines, i, starts)
    if found is None:
        return None
    roles, used = found
    header = tuple(Cell((Line(" ".join(c), lines[i].src),) if c else ()) for c in _by_column(lines[i : i + used], starts) or [])
    number_col = roles.index("number") if "number" in roles else None
    rows: list[list[list[Line]]] = []
    k = i + used
    blank = False
    while k < len(lines):
        line = lines[k]
        if not line.text.strip():
            blank = True
            k += 1
            continue
        cols = _by_column([line], starts)
        if cols is None:
            break
        parts = [" ".join(c) for c in cols]
        repeat = _repeated_header(lines, k, starts)
        if repeat:
            k += repeat  # the header printed again on a new page, or after a group row
            blank = True
            continue
        number = parts[number_col] if number_col is not None else ""
        if number_col is not None and number and rows and rows[-1][number_col] and rows[-1][number_col][-1].text.endswith(".") and number.isdigit() and not blank:
            # "5.1." / "1": a row number the column was too narrow for
            rows[-1][number_col][-1] = Line(rows[-1][number_col][-1].text + number, rows[-1][number_col][-1].src)
            parts[number_col] = ""
            number = ""
        new_row = not rows or (number and row_label(number) is not None if number_col is not None else blank)
        if number_col is not None and number and row_label(number) is None:
            break
        if new_row:
            rows.append([[] for _ in starts])
        for c, part in enumerate(parts):
            if part:
                rows[-1][c].append(Line(part, line.src))
        blank = False
        k += 1
    if not rows:
        return None
    table_rows = [header] + [tuple(Cell(tuple(cell)) for cell in row) for row in rows]
    return Table(tuple(table_rows), lines[i].src), k


def _repeated_header(lines: list[Line], k: int, starts: list[int]) -> int:
    """How many lines from `k` repeat the table's header (0 if they do not)."""
    for depth in (1, 2, 3):
        block = lines[k : k + depth]
        if len(block) < depth or any(not l.text.strip() for l in block):
            break
        cols = _by_column(block, starts)
        if cols is None:
            break
        if header_roles([[" ".join(c) for c in cols]]) is not None:
            return depth
    return 0


def _by_column(block: list[Line], starts: list[int]) -> list[list[str]] | None:
    """Each line's chunks put in the column they start in; None when a chunk runs across a
    column start (a paragraph, not a row)."""
    cols: list[list[str]] = [[] for _ in starts]
    for line in block:
        for start, end, text in _chunks(line.text):
            k = max((c for c, s in enumerate(starts) if start >= s - 3), default=None)
            if k is None:
                return None
            if k + 1 < len(starts) and end > starts[k + 1] + 1:
                return None
            cols[k].append(text)
    return cols
