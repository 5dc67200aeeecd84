"""PDF text layer -> the document model: lines laid out as on the page, ruled tables as tables.

A PDF has no lines or tables, only glyphs at positions. Words are grouped into lines by their
height on the page, and a wide gap between two words is kept as a run of spaces at the word's
column, as `pdftotext -layout` does: the header block (issuer left, motto right) then reads as
two columns side by side, which `markup.spaced_columns` parts as it does for text files. Tables
drawn with rules become `Table`s (a cell spanning rows is one cell in each of them); a page
number standing alone at the top or foot of a page is dropped; bold fonts become `**…**`.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from .blocks import PAGE_NUMBER, Block, Cell, Table
from .models import Line

_BOLD = re.compile(r"bold|black|heavy|,bd|-bd", re.I)


@dataclass
class _Word:
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    text: str


def pdf_pages(pdf) -> list[list[Block]]:
    """The blocks of each page of an open pdfplumber document."""
    return [_page_blocks(page) for page in pdf.pages]


def _page_blocks(page) -> list[Block]:
    tables = _tables(page)
    boxes = [bbox for bbox, _ in tables]
    words = [
        _Word(w["x0"], w["x1"], w["top"], w["bottom"], float(w.get("size") or 10), bool(_BOLD.search(w.get("fontname") or "")), w["text"])
        for w in page.extract_words(extra_attrs=["fontname", "size"])
        if not _inside((w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2, boxes)
    ]
    lines = _paragraph_breaks(_drop_page_numbers(_lines(words)))
    items: list[tuple[float, Block]] = [(top, Line(text, (0,))) for top, text in lines]
    items += [(bbox[1], table) for bbox, table in tables]
    items.sort(key=lambda it: it[0])
    return [b for _, b in items]


def _inside(x: float, y: float, boxes: list[tuple[float, float, float, float]]) -> bool:
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _lines(words: list[_Word]) -> list[tuple[float, str]]:
    """Words grouped into lines by the height they stand at, written with their gaps."""
    rows: list[list[_Word]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        for row in reversed(rows[-3:]):
            top = min(x.top for x in row)
            bottom = max(x.bottom for x in row)
            overlap = min(bottom, w.bottom) - max(top, w.top)
            if overlap >= 0.3 * min(w.bottom - w.top, bottom - top):
                row.append(w)
                break
        else:
            rows.append([w])
    if not words:
        return []
    size = statistics.median(w.size for w in words) or 10
    cw = 0.5 * size  # a character's width on the page, for the column a word stands at
    out = []
    for row in rows:
        row.sort(key=lambda w: w.x0)
        segments: list[list[_Word]] = [[row[0]]]
        for prev, w in zip(row, row[1:]):
            if w.x0 - prev.x1 > 1.2 * size:
                segments.append([w])
            else:
                segments[-1].append(w)
        text = ""
        for seg in segments:
            words_text = " ".join(w.text for w in seg)
            if all(w.bold for w in seg) and re.search(r"\w", words_text):
                words_text = f"**{words_text}**"
            col = int(round(seg[0].x0 / cw))
            pad = max(col - len(text), 3 if text else 0)
            text += " " * pad + words_text
        out.append((min(w.top for w in row), text))
    return out


def _paragraph_breaks(lines: list[tuple[float, str]]) -> list[tuple[float, str]]:
    """A blank line where the space between two lines is wider than the page's line spacing:
    paragraphs part as they do in a text file, so a wrapped paragraph is read as one."""
    gaps = [b[0] - a[0] for a, b in zip(lines, lines[1:]) if b[0] > a[0]]
    if len(gaps) < 4:
        return lines
    step = statistics.median(gaps)
    out: list[tuple[float, str]] = []
    for k, (top, text) in enumerate(lines):
        if k and top - lines[k - 1][0] > 1.35 * step:
            out.append((top - 0.01, ""))
        out.append((top, text))
    return out


def _drop_page_numbers(lines: list[tuple[float, str]]) -> list[tuple[float, str]]:
    """A number standing alone at the top or foot of the page is the page's number."""
    keep = list(lines)
    for k in (0, -1):
        if keep and PAGE_NUMBER.match(re.sub(r"\*", "", keep[k][1]).strip()):
            keep.pop(k)
    return keep


def _tables(page) -> list[tuple[tuple[float, float, float, float], Table]]:
    out = []
    for found in page.find_tables():
        try:
            out.append((found.bbox, _table(page, found)))
        except ValueError:  # a table box outside the page
            continue
    return out


def _table(page, found) -> Table:
    """Rows of cells; a position a span covers holds the spanning cell itself."""
    texts = found.extract()
    origin: dict[tuple[float, ...], tuple[int, int]] = {}
    for r, row in enumerate(found.rows):
        for c, bbox in enumerate(row.cells):
            if bbox is not None:
                origin.setdefault(tuple(bbox), (r, c))
    made: dict[tuple[float, ...], Cell] = {}

    def cell_at(bbox) -> Cell:
        key = tuple(bbox)
        if key not in made:
            r, c = origin.get(key, (None, None))
            text = texts[r][c] if r is not None and c is not None and c < len(texts[r]) and texts[r][c] else ""
            made[key] = Cell(tuple(Line(t.strip(), (0,)) for t in text.split("\n") if t.strip()))
        return made[key]

    rows = []
    for row in found.rows:
        out_row = []
        for c, bbox in enumerate(row.cells):
            if bbox is None:
                y = (row.bbox[1] + row.bbox[3]) / 2
                x = _column_centre(found, c)
                cover = next((b for b in origin if b[0] <= x <= b[2] and b[1] <= y <= b[3]), None)
                out_row.append(cell_at(cover) if cover is not None else Cell(merged=True))
            else:
                out_row.append(cell_at(bbox))
        rows.append(tuple(out_row))
    return Table(tuple(rows), (0,))


def _column_centre(found, c: int) -> float:
    xs = [row.cells[c] for row in found.rows if c < len(row.cells) and row.cells[c] is not None]
    if xs:
        return (xs[0][0] + xs[0][2]) / 2
    return (found.bbox[0] + found.bbox[2]) / 2
