"""HTML -> the document model: block elements become lines, `<table>`s tables of cells.

Used for whole HTML pages (the portal's menus and footer dropped, the main text kept) and for
HTML that other tools leave inside Markdown or text (`<p align="center"><b>NGHỊ QUYẾT</b></p>`,
`<br>`, a `<table>` among Markdown lines). Bold and italic become `**`/`*`, so a bold heading is
a heading whatever the format; `colspan`/`rowspan` are expanded, so a lead named once for several
merged rows stands in each of them.
"""
from __future__ import annotations

import html as htmllib
import re
from collections.abc import Callable

from .blocks import Block, Cell, Table
from .models import Line
from .rules import cues

BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote", "center", "ul", "ol", "dt", "dd", "pre", "caption", "thead", "tbody", "tfoot", "header", "main", "body", "html", "form"}
DROP_TAGS = {"script", "style", "nav", "footer", "aside", "noscript", "menu", "iframe", "head", "title", "button", "select", "svg"}
STRONG_TAGS = {"b", "strong"}
EM_TAGS = {"i", "em"}

SrcOf = Callable[[object], tuple[int, ...]]


class _Writer:
    """Collects text into lines; a block boundary ends the line and leaves a blank one."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buf: list[str] = []
        self.src: tuple[int, ...] = ()
        self.marks: list[str] = []  # the emphasis open at this point, outermost first

    def text(self, s: str, src: tuple[int, ...]) -> None:
        if not s:
            return
        parts = s.split("\n")
        for k, part in enumerate(parts):
            if k:
                self.flush(element=False)
            if part:
                self.buf.append(part)
                if not self.src:
                    self.src = src
        # a text node's line breaks are layout inside HTML, but not inside Markdown: the caller
        # says which by what it passes (HTML pages collapse them before calling)

    def mark(self, s: str, src: tuple[int, ...]) -> None:
        self.buf.append(s)
        if not self.src:
            self.src = src

    def open(self, s: str, src: tuple[int, ...]) -> None:
        self.marks.append(s)
        self.mark(s, src)

    def close(self, s: str, src: tuple[int, ...]) -> None:
        if self.marks and self.marks[-1] == s:
            self.marks.pop()
        self.mark(s, src)

    def flush(self, blank: bool = False, element: bool = True) -> None:
        """End the line. An element's break inside bold or italics (a `<br>`, a paragraph)
        leaves each line with its emphasis whole, as a portal's Markdown writes it ("**KT. CHỦ
        TỊCH**" / "**PHÓ CHỦ TỊCH**"), not one span left open across them; a line break in the
        text itself (Markdown inside HTML) leaves the span as the text wrote it."""
        marks = self.marks if element else []
        line = re.sub(r"[ \t\r\f\v\u00a0]+", " ", "".join([*self.buf, *reversed(marks)])).strip()
        if re.fullmatch(r"\**", line.replace(" ", "")):
            line = ""  # emphasis around nothing
        if line:
            self.blocks.append(Line(line, self.src or (0,)))
        if blank and (not self.blocks or not (isinstance(self.blocks[-1], Line) and not self.blocks[-1].text)):
            self.blocks.append(Line("", self.src or (0,)))
        self.buf = list(marks)
        self.src = ()

    def table(self, t: Table) -> None:
        self.flush(blank=True)
        self.blocks.append(t)
        self.blocks.append(Line("", t.anchor()))


def element_blocks(el, src_of: SrcOf, keep_newlines: bool = False) -> list[Block]:
    """The blocks of an lxml element: lines for its text, tables for its `<table>`s."""
    w = _Writer()
    _walk(el, w, src_of, keep_newlines)
    w.flush()
    return w.blocks


def _text(s: str | None, keep_newlines: bool) -> str:
    if not s:
        return ""
    s = htmllib.unescape(s) if "&" in s else s
    return s if keep_newlines else re.sub(r"\s+", " ", s)


def _walk(el, w: _Writer, src_of: SrcOf, keep_newlines: bool) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in DROP_TAGS:
        return
    src = src_of(el)
    if tag == "table" and not el.xpath(".//table"):
        w.table(table_of(el, src_of))
        return
    if tag == "br":
        w.flush()
        return
    block = tag in BLOCK_TAGS or (tag == "table") or tag in ("td", "th")
    if block:
        w.flush(blank=tag not in ("td", "th", "li", "tr"))
    strong = tag in STRONG_TAGS or (tag in ("h1", "h2", "h3", "h4", "h5", "h6"))
    em = tag in EM_TAGS
    if tag == "li":
        label = _list_label(el)
        if label:
            w.mark(label, src)
    if strong:
        w.open("**", src)
    elif em:
        w.open("*", src)
    w.text(_text(el.text, keep_newlines), src)
    for child in el:
        _walk(child, w, src_of, keep_newlines)
        if child.tail:
            w.text(_text(child.tail, keep_newlines), src_of(child))
    if strong:
        w.close("**", src)
    elif em:
        w.close("*", src)
    if block:
        w.flush(blank=tag not in ("td", "th", "li"))


_WRITTEN_LABEL = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,2})*[.)]|[a-zđ][).]|[IVXL]{1,5}\.|[-–+•*])\s")


def _list_label(item) -> str | None:
    """The label a browser draws for an item of an HTML list, which the text does not hold: its
    number in an `<ol>` ("3. "; from `start`), a dash in a `<ul>` — none when the item writes
    its own ("1. Sở Nội vụ …")."""
    parent = item.getparent()
    ptag = parent.tag.lower() if parent is not None and isinstance(parent.tag, str) else ""
    if ptag not in ("ol", "ul") or _WRITTEN_LABEL.match(item.text_content() or ""):
        return None
    if ptag == "ul":
        return "- "
    start = int(parent.get("start", "1")) if (parent.get("start") or "1").isdigit() else 1
    items = [c for c in parent if isinstance(c.tag, str) and c.tag.lower() == "li"]
    return f"{start + items.index(item)}. "


def table_of(el, src_of: SrcOf) -> Table:
    """A `<table>` as rows of cells, spans expanded: a cell spanning rows stands in each."""
    grid: list[list[Cell | None]] = []
    pending: dict[int, tuple[Cell, int]] = {}  # column -> (cell, rows still to fill)
    for tr in el.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        row: list[Cell | None] = []
        col = 0
        for td in tr.xpath("./td|./th"):
            while col in pending:
                cell_above, left = pending[col]
                row.append(cell_above)
                pending[col] = (cell_above, left - 1)
                if left - 1 <= 0:
                    del pending[col]
                col += 1
            lines = [b for b in element_blocks(td, src_of) if isinstance(b, Line) and b.text]
            cell = Cell(tuple(lines))
            span = _int(td.get("colspan"))
            down = _int(td.get("rowspan"))
            for _ in range(span):
                row.append(cell)
                if down > 1:
                    pending[col] = (cell, down - 1)
                col += 1
        while col in pending:
            cell_above, left = pending[col]
            row.append(cell_above)
            pending[col] = (cell_above, left - 1)
            if left - 1 <= 0:
                del pending[col]
            col += 1
        grid.append(row)
    rows = tuple(tuple(c for c in row if c is not None) for row in grid if row)
    return Table(rows, src_of(el))


def _int(value: str | None) -> int:
    try:
        return max(1, min(50, int(value or 1)))
    except ValueError:
        return 1


# Word's "Save as Web Page" wraps a list's typed bullet in downlevel-revealed conditionals
# (`<![if !supportLists]>- <![endif]>`): markers for old browsers, which a parser reads as text
_WORD_CONDITIONAL = re.compile(r"<!\[\s*(?:if\s[^\]>]*|endif)\s*\]>", re.I)


def without_word_conditionals(text: str) -> str:
    """The page without Word's conditional markers; the text between them (the bullet) kept, and
    the lines where they stood, so line numbers still name the source's lines."""
    return _WORD_CONDITIONAL.sub(lambda m: "\n" * m.group().count("\n"), text)


def page_blocks(text: str) -> list[Block]:
    """A whole HTML page: its main text (the block with most text; portals wrap the document
    in menus), line numbers from the page source."""
    import lxml.html

    root = lxml.html.fromstring(without_word_conditionals(text))
    chrome = " or ".join(f"contains(@class,'{w}') or contains(@id,'{w}')" for w in cues()["portal"]["chrome"])
    for bad in root.xpath("|".join(f"//{t}" for t in DROP_TAGS | {"header"}) + f"|//div[{chrome}]"):
        if bad.getparent() is not None:
            bad.drop_tree()
    page = (root.xpath("//body") or [root])[0]
    total = len(page.text_content() or "")
    # the innermost block that holds most of the page's text: the document, not the page
    # around it (a `<body>` always holds the most)
    inner = [e for e in root.xpath("//article|//main|//*[contains(@class,'content')]") if len(e.text_content() or "") >= 0.6 * total]
    best = min(inner, key=lambda e: len(e.text_content() or "")) if inner else page
    return element_blocks(best, lambda e: (getattr(e, "sourceline", None) or 0,))

