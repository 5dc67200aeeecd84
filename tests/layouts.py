"""The same document in the layouts documents arrive in, for the layout-invariance test.

A real plan exported by a legal portal (Markdown) is read into the document model (lines and
tables, `ingest/blocks.py`) and written out again as other tools and offices write it:
- `plain_text`: no markup, tables as tab-separated rows;
- `html_page`: an HTML page with a portal's menus and footer around the document, real
  `<table>`s, bold headings;
- `docx`: a Word file, the header as a borderless two-column table, task tables as Word tables;
- `pdf`: a PDF written with fpdf2 (the header's two columns side by side, tables ruled), read
  back through the project's own PDF reader;
- `pdf_text`: text as `pdftotext -layout` gives it: the header's columns side by side, wrapped
  paragraphs, tables as columns of spaces;
- `md_inline_html`: the portal's Markdown with the header block and the type heading written
  as inline HTML (`<p align="center"><b>KẾ HOẠCH</b></p>`);
- `cell_lines`: text as docx2txt writes a Word file: every paragraph and every table cell a
  line of its own between blank lines, nothing marking where a cell, a row or a table ends;
- `md_docling`: Markdown as docling writes a PDF: every table a pipe table whose cells' lines
  are joined with spaces (the header's two cells, the closing's two), a spanning cell's text in
  every column it spans, bold paragraphs as `##` headings, no other emphasis;
- `md_grid`: Markdown as pandoc writes a Word file whose table cells hold several lines: every
  table a grid table (`+---+` borders, each cell wrapped in its column, a line break as `\\`);
- `docx_numbered`: the Word file with its labels as Word's automatic numbering, not typed: parts
  in roman numerals, items in figures and points as "a)" one list of three levels, dashes and
  "+" items a list of bullets (a symbol font's dot for the second level);
- `md_pandoc`: Markdown as pandoc writes a Word file by default (`-t markdown`): a task table a
  multiline table (a line of dashes across it, the header wrapped in its columns, the columns'
  dashes under it, each cell wrapped in its column, rows parted by blank lines), the header and
  closing tables headerless ones (the columns' dashes above and below);
- `md_lists`: Markdown as mammoth and markitdown write a Word file whose labels are automatic:
  every numbered level a list numbered "1.", "2." nested by indentation (parts, items, points),
  dashes "*" items and "+" items nested under them, tables as pipe tables;
- `word_html`: a Word file saved as a web page: Windows-1258 (tone marks as combining marks),
  `MsoNormal` paragraphs of spans, each cell's line a paragraph, a list's typed bullet inside
  Word's downlevel conditionals (`<![if !supportLists]>- <![endif]>`), the source wrapped at 76
  columns inside text and tags alike.
The words are the same in every layout; only the layout differs. Run as a script to print the
table layout × field: `python tests/layouts.py [FILES…]`.
"""
from __future__ import annotations

import html
import re
import sys
import textwrap
from collections.abc import Callable
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ingest.blocks import Block, Cell, Line, Table  # noqa: E402
from ingest.layout import document_bounds  # noqa: E402
from ingest.numerals import POINT_LETTERS, roman_value  # noqa: E402
from ingest.readers import read  # noqa: E402
from ingest.rules import alternation, cues, doc_types  # noqa: E402
from ingest.tables import header_roles, is_motto  # noqa: E402

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
LAYOUTS = ("plain_text", "html_page", "docx", "pdf", "pdf_text", "md_inline_html", "md_grid", "cell_lines", "md_docling", "word_html", "docx_numbered", "md_pandoc", "md_lists")
SUFFIX = {"plain_text": ".txt", "html_page": ".html", "docx": ".docx", "pdf": ".pdf", "pdf_text": ".txt", "md_inline_html": ".md", "md_grid": ".md", "cell_lines": ".txt", "md_docling": ".md", "word_html": ".htm", "docx_numbered": ".docx", "md_pandoc": ".md", "md_lists": ".md"}
# an item's label ends where its text begins: "66.2/2025/NQ-CP" at a line's start is no item "66.";
# a notice's points are numbered in brackets ("(1) Bộ Y tế …")
_LABEL = re.compile(r"^(?:\*\*)?(?:[IVXLC]+\s*\.|\d{1,2}(?:\.\d{1,2})*\s*[.)](?!\S)|\(\d{1,2}\)\s|[a-zđ]\)|[-+•–]\s|Điều\s+\d|Chương\s+[IVX\d])")


def pdf_available() -> bool:
    return (FONT_DIR / "DejaVuSans.ttf").exists() and (FONT_DIR / "DejaVuSans-Bold.ttf").exists()


# --- the document as paragraphs and tables ------------------------------------------------------------


def model(path: Path) -> list[Block]:
    """The document's blocks. A legal portal may save its whole page as one layout table (menus,
    metadata, the document's header, body and signature each a cell): such a page is written
    out as the document it holds — its cells' lines in reading order, from the issuer block to
    the portal's trailer — as an office would send it."""
    blocks = list(read(path).blocks)
    page = next((b for b in blocks if isinstance(b, Table) and _is_page(b)), None)
    if page is None:
        return blocks
    items: list[Block] = []
    for b in blocks:
        # (a task table the page holds apart, an appendix's, stays a table where it stands)
        items += _page_lines(b) if b is page else ([b] if isinstance(b, Line) or _is_task(b) else [])
    # (the rule under the issuer's name is decoration: the issuer block runs up to the motto)
    items = [b for b in items if not (isinstance(b, Line) and re.fullmatch(r"[-_=*\s]{3,}", b.text))]
    at = [k for k, b in enumerate(items) if isinstance(b, Line)]
    texts = [items[k] for k in at]
    start, end = document_bounds(texts)
    # the portal's own line naming the document after it ("Thông báo 653/TB-VPCP năm 2025 … do
    # Văn phòng Chính phủ ban hành") is no part of what the office sent
    end = next((k for k in range(start + 1, end) if _portal_summary().match(texts[k].text)), end)
    first, last = at[start], (at[end] if end < len(at) else len(items))
    return items[first:last]


@cache
def _portal_summary() -> re.Pattern[str]:
    """The portal's line naming a document: its genre (data/rules), number and symbol, "năm"/"ngày"."""
    return re.compile(rf"^(?:{alternation(doc_types().all_names)})\s+\d+[\w/.-]*/[\w.-]+\s+(?:năm|ngày)\s")


def _is_page(t: Table) -> bool:
    """A table that holds the national motto and far more lines than a header block."""
    return _is_header(t) and sum(len(c.lines) for row in t.rows for c in row) > 60


def _page_lines(t: Table) -> list[Line]:
    """A page table's cells as paragraphs, in the order the page gives them."""
    cells: dict[int, Cell] = {}
    for row in t.rows:
        for c in row:
            if c.lines:
                cells.setdefault(id(c), c)
    out: list[Line] = []
    for c in sorted(cells.values(), key=lambda c: c.lines[0].src):
        for line in c.lines:
            # such a page parts no paragraphs with blank lines: one that ends a sentence before
            # a capital ends its paragraph ("- Sở Xây dựng các tỉnh: …, Lâm Đồng." / "Triển khai …")
            ended = out and out[-1].text.rstrip(" *_").endswith((".", ";", ":")) and not _open_emphasis(out[-1].text)
            if ended and line.text.lstrip(" *_")[:1].isupper():
                out.append(Line("", line.src))
            out.append(line)
        out.append(Line("", c.lines[-1].src))
    return out


def _in_capitals(text: str) -> bool:
    letters = [c for c in plain(text) if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def paragraphs(blocks: list[Block]) -> list[str | Table]:
    """Running text as paragraphs (a portal breaks lines at the page width and parts paragraphs
    with blank lines; a line that opens with an item label or is wholly bold starts one), tables
    as they are."""
    out: list[str | Table] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            out.append(" ".join(current))
            current.clear()

    for b in blocks:
        if isinstance(b, Table):
            flush()
            out.append(b)
            continue
        text = b.text.strip()
        if not text:
            flush()
            continue
        if re.fullmatch(r"[-_=*\s]{3,}", text):
            flush()
            continue
        joined = " ".join(current)
        # a heading wholly in bold ("**Điều 4. Hiệu lực thi hành**") is a paragraph of its own
        heading = joined.startswith("**") and joined.endswith("**")
        if current and not _open_emphasis(joined) and (_LABEL.match(text) or text.startswith("*") or heading or (text[:1].isupper() and _preamble_ground().match(text)) or (_in_capitals(joined) and not _in_capitals(text))):
            # an item label, or a line that opens bold or italics ("*Căn cứ …;*" one a line, as a
            # portal that gives no blank lines between paragraphs writes them), or the first line
            # in running case after a title in capitals ("… QUẢN LÝ THUẾ TẬP TRUNG (TMS)" / "Cục
            # Thuế có kế hoạch …")
            flush()
        current.append(text)
    flush()
    return out


@cache
def _preamble_ground() -> re.Pattern[str]:
    """Each ground of the preamble is a paragraph of its own ("Căn cứ …;", "Xét …", "Theo đề nghị
    …"): the cues of grounds and of cited proposals (cues.yaml: relation_cues)."""
    rc = cues()["relation_cues"]
    return re.compile(rf"^(?:{alternation([*rc['based_on'], *rc['cites']])})\s", re.I)


def _open_emphasis(text: str) -> bool:
    return text.count("**") % 2 == 1 or text.replace("**", "").count("*") % 2 == 1


def plain(text: str) -> str:
    """Text without Markdown: two bold runs a portal glued ("**Chương I****QUY ĐỊNH CHUNG**") keep
    a space between them; a heading's "###" goes."""
    text = re.sub(r"^\s*#{1,6}\s+", "", text.replace("****", "** **"))
    return re.sub(r"\*+", "", text).strip()


def _html_inline(text: str) -> str:
    """`**x**` and `*x*` as `<b>`/`<i>`, the rest escaped."""
    escaped = html.escape(text, quote=False)
    escaped = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escaped)
    escaped = re.sub(r"(?<![\w*])\*(?!\s)([^*]+?)\*(?![\w*])", r"<i>\1</i>", escaped)
    return escaped.replace("*", "")


def _cell_lines(cell) -> list[str]:
    """A cell's lines as its author typed them: a portal breaks lines inside a cell at its width,
    an emphasis left open says the line goes on ("**ỦY BAN NHÂN" / "DÂN **")."""
    from ingest.layout import join_emphasis

    return [l.text for l in join_emphasis(list(cell.lines)) if plain(l.text)]


def _is_task(t: Table) -> bool:
    return any(header_roles([[c.text for c in row]]) is not None for row in t.rows[:3])


def _is_header(t: Table) -> bool:
    return any(is_motto(l.text) for row in t.rows for c in row for l in c.lines)


def _columns(t: Table) -> list[list[str]]:
    """A layout table (header block, signature) as the lines of each column."""
    cols: list[list[str]] = [[] for _ in range(t.width)]
    seen: set[int] = set()
    for row in t.rows:
        for k, c in enumerate(row):
            if id(c) in seen:
                continue
            seen.add(id(c))
            cols[k].extend(_cell_lines(c))
    return cols


def _cell_text(cell) -> str:
    """A cell's lines joined into one, without Markdown."""
    return " ".join(plain(x) for x in _cell_lines(cell))


def _rows(t: Table) -> list[list[str]]:
    return [[_cell_text(c) for c in row] for row in t.rows]


def _written(blocks: list[Block], target: Path, table: Callable[[Table], list[str]], text: Callable[[str], list[str]]) -> None:
    """The document's paragraphs and tables written out, each as the layout writes it, a blank
    line after each (a table that writes nothing, none)."""
    out: list[str] = []
    for p in paragraphs(blocks):
        lines = table(p) if isinstance(p, Table) else text(p)
        out += [*lines, ""] if lines else []
    target.write_text("\n".join(out), encoding="utf-8")


# --- writers -------------------------------------------------------------------------------------------


def write(layout: str, source: Path, out_dir: Path) -> Path:
    blocks = model(source)
    target = out_dir / f"{source.stem}{SUFFIX[layout]}"
    {
        "plain_text": _plain_text,
        "html_page": _html_page,
        "docx": _docx,
        "pdf": _pdf,
        "pdf_text": _pdf_text,
        "md_inline_html": lambda b, t: _md_inline_html(source, t),
        "md_grid": _md_grid,
        "cell_lines": _cell_lines_text,
        "md_docling": _md_docling,
        "word_html": _word_html,
        "docx_numbered": lambda b, t: _docx(b, t, numbered=True),
        "md_pandoc": _md_pandoc,
        "md_lists": _md_lists,
    }[layout](blocks, target)
    return target


def _plain_text(blocks: list[Block], target: Path) -> None:
    out: list[str] = []
    for p in paragraphs(blocks):
        if isinstance(p, Table):
            if _is_task(p):
                out += ["\t".join(row) for row in _rows(p)]
            else:
                cols = _columns(p)
                for k in range(max((len(c) for c in cols), default=0)):
                    out.append("\t".join(plain(c[k]) if k < len(c) else "" for c in cols))
            out.append("")
        else:
            out += [plain(p), ""]
    target.write_text("\n".join(out), encoding="utf-8")


def _html_page(blocks: list[Block], target: Path) -> None:
    body: list[str] = []
    for p in paragraphs(blocks):
        if isinstance(p, Table):
            rows = []
            for row in p.rows:
                cells = "".join(f"<td>{'<br>'.join(_html_inline(x) for x in _cell_lines(c))}</td>" for c in row)
                rows.append(f"<tr>{cells}</tr>")
            border = ' border="1"' if _is_task(p) else ""
            body.append(f"<table{border}>{''.join(rows)}</table>")
        elif re.fullmatch(r"\*\*[^*]+\*\*", p) and len(p) < 40:
            body.append(f'<p align="center">{_html_inline(p)}</p>')
        else:
            body.append(f"<p>{_html_inline(p)}</p>")
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>Cổng thông tin điện tử</title>
<script>var analytics = 1;</script></head><body>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/van-ban">Văn bản chỉ đạo điều hành</a></li></ul></nav>
<header><h1>CỔNG THÔNG TIN ĐIỆN TỬ</h1><form><input name="q" placeholder="Tìm kiếm"></form></header>
<main><article class="content">
{chr(10).join(body)}
</article></main>
<aside><h3>Văn bản mới</h3><ul><li>Quyết định về việc công bố thủ tục hành chính</li></ul></aside>
<footer>Bản quyền thuộc Cổng thông tin điện tử. Địa chỉ: số 1 đường Trần Phú. Điện thoại: 0123 456 789</footer>
</body></html>"""
    target.write_text(page, encoding="utf-8")


def _docx(blocks: list[Block], target: Path, numbered: bool = False) -> None:
    import docx

    d = docx.Document()
    label_of = _word_numbering(d) if numbered else (lambda text: None)

    def add_runs(par, text: str) -> None:
        for k, piece in enumerate(re.split(r"\*\*", text)):
            if piece:
                run = par.add_run(piece.replace("*", ""))
                run.bold = k % 2 == 1

    for p in paragraphs(blocks):
        if isinstance(p, Table):
            task = _is_task(p)
            table = d.add_table(rows=0, cols=p.width)
            if task:
                table.style = "Table Grid"
            for row in p.rows:
                cells = table.add_row().cells
                for k, c in enumerate(row):
                    lines = _cell_lines(c)
                    cells[k].text = ""
                    par = cells[k].paragraphs[0]
                    for n, line in enumerate(lines):
                        if n:
                            par = cells[k].add_paragraph()
                        add_runs(par, line)
            d.add_paragraph("")
        else:
            found = label_of(p)
            if found is None:
                add_runs(d.add_paragraph(), p)
                continue
            numpr, rest = found
            par = d.add_paragraph()
            par._p.get_or_add_pPr().append(numpr)
            add_runs(par, rest)
    d.save(str(target))


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# a typed label and the list level Word numbers it at: the parts in roman numerals, their items in
# figures, the items' points as "a)" (one list of three levels); the dashes and "+" items a list
# of bullets (a dash before a figure is a range's wrapped half, "- 2030", not a bullet)
# (kind, pattern with the label's value as its group, list, level)
_TYPED_LABELS = (("roman", r"([IVX]+)\.", "90", 0), ("number", r"(\d{1,2})\.", "90", 1), ("letter", r"([a-zđ])\)", "90", 2),
                 ("dash", r"(-)(?=\s+\D)", "91", 0), ("plus", r"(\+)", "91", 1))


def _word_numbering(d) -> Callable[[str], tuple[object, str] | None]:
    """Define the two lists in the file's numbering part; a function giving a paragraph's numbering
    properties and its text without the typed label, or None when it has no label."""
    from docx.oxml import parse_xml

    def level(k: int, fmt: str, text: str) -> str:
        return f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'

    numbering = d.part.numbering_part.element
    numbering.append(parse_xml(f'<w:abstractNum {_W_NS} w:abstractNumId="90">{level(0, "upperRoman", "%1.")}{level(1, "decimal", "%2.")}{level(2, "lowerLetter", "%3)")}</w:abstractNum>'))
    dot = "\uf0b7"  # a symbol font's bullet
    numbering.append(parse_xml(f'<w:abstractNum {_W_NS} w:abstractNumId="91">{level(0, "bullet", "-")}{level(1, "bullet", dot)}</w:abstractNum>'))
    for num_id in ("90", "91"):
        numbering.append(parse_xml(f'<w:num {_W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))

    def label_of(text: str) -> tuple[object, str] | None:
        bold = text.startswith("**")
        bare = text[2:] if bold else text
        for _, pattern, num_id, lvl in _TYPED_LABELS:
            m = re.match(rf"{pattern}\s+", bare)
            if m:
                numpr = parse_xml(f'<w:numPr {_W_NS}><w:ilvl w:val="{lvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
                return numpr, ("**" if bold else "") + bare[m.end() :]
        return None

    return label_of


def _pdf(blocks: list[Block], target: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", size=10)
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def text_line(text: str, w: float, align: str = "L") -> None:
        bold = text.startswith("**") and text.endswith("**")
        pdf.set_font("DejaVu", "B" if bold else "", 10)
        pdf.multi_cell(w, 5, plain(text), align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)

    for p in paragraphs(blocks):
        if isinstance(p, Table):
            if _is_task(p):
                pdf.set_font("DejaVu", size=8)
                with pdf.table(text_align="LEFT", line_height=4) as table:
                    for row in _rows(p):
                        r = table.row()
                        for k in range(p.width):
                            r.cell(row[k] if k < len(row) else "")
                pdf.set_font("DejaVu", size=10)
                pdf.ln(3)
                continue
            # a layout table: its columns side by side, no rules
            cols = _columns(p)
            col_w = width / max(1, len(cols))
            top = pdf.get_y()
            bottom = top
            for k, col in enumerate(cols):
                pdf.set_xy(pdf.l_margin + k * col_w, top)
                for line in col:
                    bold = line.startswith("**") or line.endswith("**")
                    pdf.set_font("DejaVu", "B" if bold else "", 9)
                    pdf.set_x(pdf.l_margin + k * col_w)
                    pdf.multi_cell(col_w - 2, 4.5, plain(line), align="C", new_x="LEFT", new_y="NEXT")
                bottom = max(bottom, pdf.get_y())
            pdf.set_font("DejaVu", "", 10)
            pdf.set_xy(pdf.l_margin, bottom + 4)
            continue
        centred = re.fullmatch(r"\*\*[^*]+\*\*", p) is not None and len(p) < 40
        text_line(p, width, "C" if centred else "J")
        pdf.ln(1.5)
    pdf.output(str(target))


def _pdf_text(blocks: list[Block], target: Path) -> None:
    out: list[str] = []
    page = 96
    for p in paragraphs(blocks):
        if isinstance(p, Table):
            if _is_task(p):
                out += _spaced_table(_rows(p), page)
            else:
                cols = _columns(p)
                half = page // 2 - 4 if len(cols) == 2 else page // max(1, len(cols))
                wrapped = [[w for line in col for w in (textwrap.wrap(plain(line), half - 2) or [""])] for col in cols]
                for k in range(max((len(c) for c in wrapped), default=0)):
                    parts = [(c[k] if k < len(c) else "") for c in wrapped]
                    line = ""
                    for n, part in enumerate(parts):
                        col = 4 + n * (half + 6)
                        line = line.ljust(col) + part if part else line
                    out.append(line.rstrip())
            out.append("")
            continue
        text = plain(p)
        if re.fullmatch(r"\*\*[^*]+\*\*", p) and len(text) < 40:
            out.append(text.center(page).rstrip())
        else:
            out += ["    " + w for w in textwrap.wrap(text, page - 8)] or [""]
        out.append("")
    target.write_text("\n".join(out), encoding="utf-8")


def _spaced_table(rows: list[list[str]], page: int) -> list[str]:
    """Rows as columns of spaces, each cell wrapped to its column, a blank line between rows."""
    width = max((len(r) for r in rows), default=0)
    weights = [1 if all(len(r[k]) <= 6 for r in rows if k < len(r)) else 4 for k in range(width)]
    weights = [w * (2 if k == 1 else 1) for k, w in enumerate(weights)]
    usable = page - 3 * (width - 1)
    # a column is never narrower than its longest word: a PDF wraps at spaces, it cuts no word
    longest = [max((len(word) for r in rows if k < len(r) for word in r[k].split()), default=4) for k in range(width)]
    widths = [max(4, usable * w // sum(weights), longest[k]) for k, w in enumerate(weights)]
    out: list[str] = []
    for row in rows:
        cells = [textwrap.wrap(row[k] if k < len(row) else "", widths[k]) or [""] for k in range(width)]
        for n in range(max((len(c) for c in cells), default=0)):
            line = ""
            for k in range(width):
                part = cells[k][n] if n < len(cells[k]) else ""
                start = sum(widths[:k]) + 3 * k
                if part:
                    line = line.ljust(start) + part
            out.append(line.rstrip())
        out.append("")
    return out


def _md_inline_html(source: Path, target: Path) -> None:
    """The portal's own Markdown, its header block and type heading written as inline HTML."""
    blocks = model(source)
    raw = source.read_text(encoding="utf-8").split("\n")
    header = next((b for b in blocks if isinstance(b, Table) and _is_header(b)), None)
    lines = list(raw)
    if header is not None:
        src = sorted({n for row in header.rows for c in row for n in c.src})
        first, last = src[0], src[-1]
        # the pipe lines around the header's cells belong to it too
        while first > 1 and raw[first - 2].strip() == "|":
            first -= 1
        while last < len(raw) and raw[last].strip() == "|":
            last += 1
        cells = "".join(
            "<tr>" + "".join(f"<td>{'<br>'.join(_html_inline(x) for x in _cell_lines(c))}</td>" for c in row) + "</tr>" for row in header.rows
        )
        lines[first - 1 : last] = [f"<table>{cells}</table>"] + [""] * (last - first)
    out = []
    done = False
    for line in lines:
        m = None if done else re.fullmatch(r"\s*\*\*([A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]{3,30})\*\*\s*", line)
        if m and not re.fullmatch(r"[IVXLC]+", m.group(1).strip()):
            out.append(f'<p align="center"><b>{m.group(1)}</b></p>')
            done = True  # the type heading only: the first heading after the header block
        else:
            out.append(line)
    target.write_text("\n".join(out), encoding="utf-8")


_WORD_SPAN = "<span lang=VI style='font-size:14.0pt;font-family:\"Times New Roman\",serif'>"
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _word_html(blocks: list[Block], target: Path) -> None:
    def para(text: str, center: bool = False) -> str:
        bullet = re.match(r"^([-+•])\s+", text)
        runs = _html_inline(text[bullet.end() :] if bullet else text)
        if bullet:
            mark = (f"<![if !supportLists]><span style='mso-list:Ignore'>{bullet.group(1)}<span style='font:7.0pt \"Times New Roman\"'>"
                    "&nbsp;&nbsp;&nbsp; </span></span><![endif]>")
            return f"<p class=MsoListParagraph style='text-indent:1.0cm;mso-list:l0 level1 lfo1'>{mark}{_WORD_SPAN}{runs}</span><o:p></o:p></p>"
        align = " align=center style='text-align:center'" if center else " style='text-align:justify;text-indent:1.0cm'"
        return f"<p class=MsoNormal{align}>{_WORD_SPAN}{runs}</span><o:p></o:p></p>"

    def table(t: Table) -> list[str]:
        task = _is_task(t)
        rows = "".join(
            f"<tr style='mso-yfti-irow:{i}'>"
            + "".join(f"<td width=200 valign=top>{''.join(para(x, center=not task or i == 0) for x in _cell_lines(c))}</td>" for c in row)
            + "</tr>"
            for i, row in enumerate(t.rows)
        )
        return [f"<table class=MsoNormalTable border={int(task)} cellspacing=0 cellpadding=0>{rows}</table>"]

    body = target.with_suffix(".body")
    _written(blocks, body, table, lambda p: [para(p, center=bool(re.fullmatch(r"\*\*[^*]+\*\*", p)) and len(p) < 40)])
    text = body.read_text(encoding="utf-8")
    body.unlink()
    wrapped = "\n".join(textwrap.fill(line, 76, break_long_words=False, break_on_hyphens=False) for line in text.split("\n"))
    page = ('<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">\n<head>\n'
            '<meta http-equiv=Content-Type content="text/html; charset=windows-1258">\n<meta name=Generator content="Microsoft Word 15">\n'
            f"<style>\n<!--\np.MsoNormal {{margin:0cm;}}\n-->\n</style>\n</head>\n<body lang=EN-US>\n<div class=WordSection1>\n{wrapped}\n</div>\n</body>\n</html>\n")
    target.write_bytes(cp1258_as_word(page))


def cp1258_as_word(text: str) -> bytes:
    """Windows-1258 as Word writes it: the vowels' own marks precomposed, the tone a combining mark."""
    import unicodedata

    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
        out.append(base + "".join(c for c in parts if c in _TONE_MARKS))
    return "".join(out).encode("cp1258", errors="xmlcharrefreplace")


def _md_lists(blocks: list[Block], target: Path) -> None:
    state = {"depth": -1}

    def text(p: str) -> list[str]:
        bold = p.startswith("**")
        bare = p[2:] if bold else p
        for kind, pattern, _, level in _TYPED_LABELS[:3]:
            m = re.match(rf"{pattern}\s+", bare)
            if m:
                label = m.group(1)
                n = roman_value(label) if kind == "roman" else int(label) if kind == "number" else POINT_LETTERS.find(label) + 1 or ord(label) - 96
                state["depth"] = level
                return ["   " * level + f"{n}. " + ("**" if bold else "") + bare[m.end() :]]
        m = re.match(r"([-+])\s+", bare)
        if m and state["depth"] >= 0:
            inner = 1 if m.group(1) == "+" else 0
            return ["   " * (state["depth"] + 1) + "  " * inner + "* " + bare[m.end() :]]
        if re.match(r"(?:Điều|Chương|Mục|Phần)\s+\S+[.:]?(?:\s|$)", bare):
            state["depth"] = -1  # an article or a chapter stands at the margin and ends the lists
            return [p]
        # a paragraph under an item is indented to the item's text, as a list item's own paragraph
        return ["   " * (state["depth"] + 1) + p] if state["depth"] >= 0 else [p]

    def table(t: Table) -> list[str]:
        state["depth"] = -1
        rows = _rows(t)
        width = max((len(r) for r in rows), default=0)
        rows = [r + [""] * (width - len(r)) for r in rows]
        return ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width] + ["| " + " | ".join(r) + " |" for r in rows[1:]] if rows else []

    _written(blocks, target, table, text)


def _md_pandoc(blocks: list[Block], target: Path) -> None:
    def table(t: Table) -> list[str]:
        if _is_task(t):
            rows = _rows(t)
            width = max(len(r) for r in rows)
            rows = [r + [""] * (width - len(r)) for r in rows]
            longest = [max(len(r[k]) for r in rows) for k in range(width)]
            # pandoc's 72 columns: a short column keeps its width, the others share the rest
            short = {k: max(4, longest[k]) for k in range(width) if longest[k] < 8}
            free = 72 - sum(short.values()) - 2 * (width - 1)
            share = sum(longest[k] for k in range(width) if k not in short) or 1
            widths = [short.get(k) or max(8, free * longest[k] // share) for k in range(width)]
            return _multiline(rows, widths, header=True)
        cols = [[plain(x) for x in c if not re.fullmatch(r"[-_=\s]+", plain(x))] for c in _columns(t)]
        depth = max((len(c) for c in cols), default=0)
        rows = [[c[k] if k < len(c) else "" for c in cols] for k in range(depth)]
        return _multiline(rows, [max(8, *(len(r[k]) for r in rows)) for k in range(len(cols))], header=False) if rows else []

    _written(blocks, target, table, lambda p: [p])


def _multiline(rows: list[list[str]], widths: list[int], header: bool) -> list[str]:
    """Rows as a pandoc multiline table: each cell wrapped in its column's width."""
    groups = "  " + "  ".join("-" * w for w in widths)
    across = "  " + "-" * (sum(widths) + 2 * (len(widths) - 1))

    def lines_of(row: list[str]) -> list[str]:
        cells = [textwrap.wrap(c, w) or [""] for c, w in zip(row, widths)]
        return ["  " + "  ".join((c[k] if k < len(c) else "").ljust(w) for c, w in zip(cells, widths)).rstrip() for k in range(max(map(len, cells)))]

    body = [line for row in (rows[1:] if header else rows) for line in [*lines_of(row), ""]][:-1]
    return [across, *lines_of(rows[0]), groups, *body, across] if header else [groups, *body, groups]


def _md_docling(blocks: list[Block], target: Path) -> None:
    def table(t: Table) -> list[str]:
        # a cell's lines joined with spaces, a spanning cell's text in every column it spans
        rows = _rows(t)
        width = max((len(r) for r in rows), default=0)
        rows = [r + [""] * (width - len(r)) for r in rows]
        return ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width] + ["| " + " | ".join(r) + " |" for r in rows[1:]] if rows else []

    _written(blocks, target, table, lambda p: [f"## {plain(p)}" if re.fullmatch(r"\*\*[^*]+\*\*", p) else plain(p)])


def _cell_lines_text(blocks: list[Block], target: Path) -> None:
    def table(t: Table) -> list[str]:
        # a header or signature cell's paragraphs each a line; a task table's cell one line
        task = _is_task(t)
        lines = [line for row in t.rows for c in row for line in ([_cell_text(c)] if task else [plain(x) for x in _cell_lines(c)])]
        return [x for line in lines for x in (line, "")][:-1]

    _written(blocks, target, table, lambda p: [plain(p)])


def _md_grid(blocks: list[Block], target: Path) -> None:
    def table(t: Table) -> list[str]:
        task = _is_task(t)
        return _grid([[_cell_lines(c) for c in row] for row in t.rows] if task else [_columns(t)], header=task)

    _written(blocks, target, table, lambda p: [p])


def _grid(rows: list[list[list[str]]], header: bool) -> list[str]:
    """Rows of cells (each its lines) as a grid table; a cell's lines end in `\\` but its last."""
    width = max((len(r) for r in rows), default=0)
    rows = [r + [[]] * (width - len(r)) for r in rows]
    longest = [max((len(w) for r in rows for line in r[k] for w in line.split()), default=4) for k in range(width)]
    # one more than the longest word: room for a line break's backslash
    widths = [1 + max(longest[k], min(40, max((len(line) for r in rows for line in r[k]), default=4))) for k in range(width)]
    border = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [border]
    for n, row in enumerate(rows):
        cells = []
        for k, lines in enumerate(row):
            wrapped: list[str] = []
            for m, line in enumerate(lines):
                parts = textwrap.wrap(line, widths[k] - 1, break_long_words=False) or [""]
                if m < len(lines) - 1:
                    parts[-1] += "\\"
                wrapped += parts
            cells.append(wrapped)
        for m in range(max((len(c) for c in cells), default=1) or 1):
            out.append("| " + " | ".join((c[m] if m < len(c) else "").ljust(widths[k]) for k, c in enumerate(cells)) + " |")
        out.append(border.replace("-", "=") if header and n == 0 else border)
    return out


# --- the record compared across layouts ------------------------------------------------------------------

FIELDS = ("metadata", "references", "role_pairs")


def record(extraction: dict) -> dict[str, object]:
    d = extraction["document"]
    pairs = {(a, "lead") for t in extraction["tasks"] for a in t["lead"]} | {(a, "support") for t in extraction["tasks"] for a in t["support"]}
    return {
        "metadata": (d.get("type"), d.get("number"), d.get("issuer"), d.get("place"), d.get("date")),
        "references": frozenset((r["id"], r["relation"]) for r in extraction["legal_refs"]),
        "role_pairs": frozenset(pairs),
    }


def compare(original: dict, other: dict) -> dict[str, bool]:
    a, b = record(original), record(other)
    return {f: a[f] == b[f] for f in FIELDS}


def _main(argv: list[str]) -> int:
    import json
    import tempfile

    from ingest.errors import DcsKgError
    from ingest.pipeline import extract

    files = [Path(a) for a in argv] or sorted(p for p in (ROOT / "tests/data/real").glob("*.md") if p.name != "README.md")
    layouts = [l for l in LAYOUTS if l != "pdf" or pdf_available()]
    table: dict[str, dict[str, int]] = {l: {f: 0 for f in FIELDS} for l in layouts}
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            base = extract(path).to_json()
            for layout in layouts:
                out = Path(tmp) / layout
                out.mkdir(exist_ok=True)
                try:
                    written = write(layout, path, out)
                except ValueError as exc:  # fpdf2 cannot set a table row taller than a page
                    print(f"{path.name} {layout}: not rendered: {exc}")
                    continue
                try:
                    got = extract(written).to_json()
                except DcsKgError as exc:
                    print(f"{path.name} {layout}: refused: {exc}")
                    continue
                for f, same in compare(base, got).items():
                    table[layout][f] += same
                    if not same:
                        a, b = record(base)[f], record(got)[f]
                        diff = (sorted(a - b), sorted(b - a)) if isinstance(a, frozenset) else (a, b)
                        print(f"{path.name} {layout} {f}: {json.dumps(diff, ensure_ascii=False)[:300]}")
    print(f"\n{'layout':16}" + "".join(f"{f:>14}" for f in FIELDS))
    for layout, counts in table.items():
        print(f"{layout:16}" + "".join(f"{counts[f]:>11}/{len(files):<2}" for f in FIELDS))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
