"""DOCX body -> lines: paragraphs in order, list numbering, and task tables.

Plans often put tasks in a table (`Nội dung | Cơ quan chủ trì | Cơ quan phối hợp |
Thời gian`). Each such row is written out as an item followed by attribute lines, the
same shape a text plan uses, so one parser reads both.
"""
from __future__ import annotations

import re

from .layout import column_role
from .rules import cues

def docx_to_lines(document) -> list[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    counters: dict[int, int] = {}
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(block, document)
            text = para.text.strip()
            if not text:
                lines.append("")
                continue
            lines.append(_with_list_label(para, text, counters))
        elif tag == "tbl":
            lines.extend(_table_lines(Table(block, document)))
            lines.append("")
    return lines


def _with_list_label(para, text: str, counters: dict[int, int]) -> str:
    """Give Word's automatic numbering back its visible label ("1.", "a)", "-")."""
    numpr = para._p.pPr.numPr if para._p.pPr is not None else None
    style = (para.style.name or "") if para.style is not None else ""
    if numpr is None and "List" not in style:
        return text
    level = 0
    if numpr is not None and numpr.ilvl is not None:
        level = int(numpr.ilvl.val)
    else:
        # "List Bullet 2", "List Number 3": the style names the nesting level
        m = re.search(r"(\d)\s*$", style)
        level = int(m.group(1)) - 1 if m else 0
    if "Bullet" in style or (numpr is None and "Number" not in style):
        return ("- " if level == 0 else "+ ") + text
    counters[level] = counters.get(level, 0) + 1
    for deeper in [k for k in counters if k > level]:
        del counters[deeper]
    n = counters[level]
    if level == 0:
        return f"{n}. {text}"
    letters = "abcdđeghiklmnopqrstuvxy"
    return f"{letters[(n - 1) % len(letters)]}) {text}"


def _table_lines(table) -> list[str]:
    rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
    if not rows:
        return []
    roles = [column_role(h) for h in rows[0]]
    if "content" not in roles:
        # Not a task table: keep its text, one row a line.
        return [" | ".join(c for c in row if c) for row in rows if any(row)]
    labels = cues()["attributes"]
    out: list[str] = []
    for row in rows[1:]:
        cell = dict(zip(roles, row))
        content = re.sub(r"\s+", " ", cell.get("content") or "").strip()
        if not content:
            continue
        out.append(f"- {content}")
        if cell.get("lead"):
            out.append(f"+ {labels['lead'][0].capitalize()}: {cell['lead']}")
        if cell.get("support"):
            out.append(f"+ {labels['support'][0].capitalize()}: {cell['support']}")
        if cell.get("timeframe"):
            out.append(f"+ {labels['timeframe'][0].capitalize()}: {cell['timeframe']}")
    return out
