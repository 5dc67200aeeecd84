"""The document model every reader produces: lines of running text, and tables of cells.

Documents reach us in many layouts — portal Markdown, HTML pages, Word files, PDF text
layers, text from `pdftotext -layout` — and each reader meets its own: pipe cells, `<table>`s,
Word tables, columns side by side. Each turns what it meets into this one model, so no later
step looks at the raw layout:
- a `Line` is a line of running text with the source lines it came from; inline emphasis is
  written the CommonMark way (`**…**`) whatever the source (an HTML `<b>`, a bold Word run, a
  bold PDF font), so a heading printed in bold reads as one in every format;
- a `Table` is rows of `Cell`s, each cell its own lines. The header block (issuer beside the
  national motto), task tables and signature tables are all tables here; `layout.render`
  writes them out as lines the structure parser reads.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Union

from .models import Line

# a page's number or running foot on a line of its own ("2", "- 2 -", "Trang 2/5"): no text of the
# document (the PDF reader drops it at a page's edge, normalisation where a text file keeps it)
PAGE_NUMBER = re.compile(r"^(?:[-–]?\s*\d{1,3}\s*[-–]?|Trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?)$", re.I)


@dataclass(frozen=True)
class Cell:
    lines: tuple[Line, ...] = ()
    merged: bool = False  # a cell spanned from the row above (PDF tables report it as absent)

    @cached_property
    def text(self) -> str:
        return " ".join(" ".join(plain(l.text) for l in self.lines).split())

    @property
    def src(self) -> tuple[int, ...]:
        return tuple(n for l in self.lines for n in l.src)


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Cell, ...], ...]
    src: tuple[int, ...] = field(default=())  # where the table stands, for an empty one
    # each row is one line of text (tab or pipe rows, columns of spaces): a cell's text may go on
    # in the same column of the next row
    aligned: bool = False

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def anchor(self) -> tuple[int, ...]:
        for row in self.rows:
            for cell in row:
                if cell.src:
                    return cell.src[:1]
        return self.src[:1]


Block = Union[Line, Table]


_EMPHASIS = re.compile(r"\*+|_{2,}|^#+\s*")


def mostly_capitals(text: str) -> bool:
    """Three letters in five or more capitals, as a heading or an issuer block prints its lines."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= 0.6


def plain(text: str) -> str:
    """Text without emphasis markers: table roles and header lines are read from words, not from bold."""
    if "*" not in text and "_" not in text and "#" not in text:
        return text.strip()
    return _EMPHASIS.sub("", text).strip()


def block_lines(block: Block) -> list[Line]:
    """The lines of a block: a line itself, a table's cell by cell."""
    if isinstance(block, Line):
        return [block]
    return [line for row in block.rows for cell in row for line in cell.lines]


def map_text(block: Block, func: Callable[[str], str]) -> Block:
    """A block with `func` applied to each of its lines, a table's cell by cell."""
    if isinstance(block, Line):
        return Line(func(block.text), block.src, block.heading)
    rows = tuple(tuple(replace(cell, lines=tuple(Line(func(l.text), l.src, l.heading) for l in cell.lines)) for cell in row) for row in block.rows)
    return replace(block, rows=rows)


def numbered(blocks: list[Block], start: int = 0) -> tuple[tuple[str, ...], list[Block]]:
    """Number every line of a model built from a file without lines of its own (DOCX, PDF,
    an HTML page), from `start` + 1: the file's text is then these lines, and provenance
    points into them."""
    texts: list[str] = []

    def renumber(line: Line) -> Line:
        texts.append(line.text)
        return Line(line.text, (start + len(texts),), line.heading)

    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Line):
            out.append(renumber(b))
            continue
        # a cell spanning columns or rows is one object: numbered once, still seen as a span
        done: dict[int, Cell] = {}
        rows = []
        for row in b.rows:
            cells = []
            for c in row:
                if id(c) not in done:
                    done[id(c)] = Cell(tuple(renumber(l) for l in c.lines), c.merged)
                cells.append(done[id(c)])
            rows.append(tuple(cells))
        out.append(Table(tuple(rows), (start + len(texts) + 1,), b.aligned))
    return tuple(texts), out
