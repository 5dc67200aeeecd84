"""DOCX body -> the document model: paragraphs in order, list numbering, bold, and tables.

A Word file keeps its header block as a borderless two-column table (issuer and `Số:` left,
the national motto and the place-and-date right) and its task tables as Word tables; both
become `Table`s of cells. Word's automatic numbering gets its visible label back ("I.", "1.", "a)",
"-"; `docx_numbering` counts them as Word does), a wholly bold paragraph is written `**…**` (a heading, as in every other format), and
text boxes (where offices sometimes put the number or a stamp) are read where they stand. A
draft's tracked changes read as accepted (insertions in, deletions out), and what content
controls hold (a template's fields, a whole header table) is read where it stands.
"""
from __future__ import annotations

from .blocks import Block, Cell, Table
from .docx_numbering import Numbering
from .models import Line

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _shown(element) -> bool:
    """Not the legacy copy Word keeps of a text box for old readers (`mc:Fallback`)."""
    parent = element.getparent()
    while parent is not None:
        if parent.tag == _FALLBACK:
            return False
        parent = parent.getparent()
    return True


def docx_blocks(document) -> list[Block]:
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    blocks: list[Block] = []
    numbering = Numbering.of(document)
    for element in _body_elements(document.element.body):
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(element, document)
            blocks.extend(_paragraph_lines(para, numbering))
        elif tag == "tbl":
            blocks.append(_table(DocxTable(element, document), document))
            blocks.append(Line("", (0,)))
    return blocks


# wrappers that hold the body's paragraphs and tables: a content control (a template's field,
# "Số: …" or the whole header block) and custom XML
_WRAPPERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"}
# … and a paragraph's runs: changes tracked (what was inserted or moved here is the text, what was
# deleted or moved away is not), smart tags, simple fields, content controls
_RUN_WRAPPERS = {f"{_W}ins", f"{_W}moveTo", f"{_W}smartTag", f"{_W}fldSimple", f"{_W}customXml", f"{_W}sdt", f"{_W}sdtContent"}


def _body_elements(parent):
    """The body's paragraphs and tables in order, those inside content controls too."""
    for element in parent.iterchildren():
        if element.tag in _WRAPPERS:
            yield from _body_elements(element)
        else:
            yield element


def _paragraph_text(p) -> str:
    """A paragraph's text as it reads with its tracked changes accepted: its runs and
    hyperlinks, those inside insertions and other wrappers too, none deleted."""
    parts: list[str] = []
    for child in p.iterchildren():
        if child.tag in (f"{_W}r", f"{_W}hyperlink"):
            parts.append(child.text or "")
        elif child.tag in _RUN_WRAPPERS:
            parts.append(_paragraph_text(child))
    return "".join(parts)


def _paragraph_lines(para, numbering: Numbering) -> list[Line]:
    out: list[Line] = []
    parts = _soft_lines(_paragraph_text(para._p))
    if parts:
        bold = _bold(para)
        label = numbering.label(para)
        if label:
            parts[0] = f"{label} {parts[0]}"
        out.extend(Line(f"**{t}**" if bold and not t.startswith(("- ", "+ ")) else t, (0,)) for t in parts)
    else:
        out.append(Line("", (0,)))
    # text boxes anchored in the paragraph: their paragraphs follow it
    for box in para._p.iter(f"{_W}txbxContent"):
        if not _shown(box):
            continue
        for p in box.iter(f"{_W}p"):
            t = "".join(x.text or "" for x in p.iter(f"{_W}t")).strip()
            if t:
                out.append(Line(t, (0,)))
    return out


def _soft_lines(text: str) -> list[str]:
    """A paragraph's lines: a line break inside it (Shift+Enter, `<w:br/>`) parts lines as a
    paragraph mark does — a header cell's "ỦY BAN NHÂN DÂN" / "XÃ TÂN PHÚ" / "Số: 112/KH-UBND",
    a signature's "CHỦ TỊCH" / "Phạm Văn Tư"."""
    return [t.strip() for t in text.split("\n") if t.strip()]


def _bold(para) -> bool:
    """Every run with text is bold (by the run, its character style or the paragraph style)."""
    runs = [r for r in para.runs if r.text.strip()]
    if not runs:
        return False
    style_bold = bool(para.style is not None and para.style.font is not None and para.style.font.bold)
    for r in runs:
        b = r.bold
        if b is None and r.style is not None and r.style.font is not None:
            b = r.style.font.bold
        if b is None:
            b = style_bold
        if not b:
            return False
    return True


def _table(table, document) -> Table:
    """A Word table as rows of cells; a merged cell is one object wherever it spans."""
    from docx.text.paragraph import Paragraph

    # keyed by the cell element; the element is kept so its id stays its own
    made: dict[int, tuple[object, Cell]] = {}
    rows = []
    for row in table.rows:
        cells = []
        for c in row.cells:
            key = id(c._tc)
            if key not in made:
                lines: list[Line] = []
                for p in c._tc.iter(f"{_W}p"):
                    if not _shown(p):
                        continue
                    para = Paragraph(p, document)
                    bold = _bold(para)
                    lines.extend(Line(f"**{t}**" if bold else t, (0,)) for t in _soft_lines(_paragraph_text(p)))
                made[key] = (c._tc, Cell(tuple(lines)))
            cells.append(made[key][1])
        rows.append(tuple(cells))
    return Table(tuple(rows), (0,))
