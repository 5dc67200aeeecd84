"""Normalised lines -> document tree: header, preamble, sections and items, recipients,
signature.

Items nest `I.` -> `1.` -> `a)` (with `đ)` after `d)`) -> `-` -> `+`. Attribute lines
(`- Cơ quan thực hiện: ...`) become `attr` nodes; unlabelled paragraphs attach to the
innermost open item. Every node keeps its label, path and source lines.
"""
from __future__ import annotations

import re
from functools import cache

from .models import Document, Header, Line, Node, Signer
from .normalize import Normalised
from .rules import cues, fold

_ROMAN = re.compile(r"^(?P<label>[IVXLC]{1,5})\s*[.)/-]\s*(?P<text>\S.*)$")
_NUMBER = re.compile(r"^(?P<label>\d{1,2})\s*[.)]\s*(?P<text>.*)$")
_LETTER = re.compile(r"^(?P<label>[a-zđ])\s*\)\s*(?P<text>.*)$")
_DASH = re.compile(r"^[-–—•]\s*(?P<text>.*)$")
_PLUS = re.compile(r"^\+\s*(?P<text>.*)$")
_NUMBER_LINE = re.compile(r"^Số\s*[:.]?\s*(?P<num>\d+[a-zA-Z]?)?\s*/\s*(?P<code>[^\s,;]+)", re.I)
_DATELINE = re.compile(
    # post-2025 communes may carry a number ("Bảo Lâm 5")
    r"^(?P<place>[^\d,\s][^,]{1,40}?),\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})",
    re.I,
)
_LEVEL_OF = {"section": 0, "item": 1, "letter": 2, "dash": 3, "plus": 4}


@cache
def _attribute_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for attr, labels in cues()["attributes"].items():
        for label in sorted(labels, key=len, reverse=True):
            out.append((attr, re.compile(rf"^{re.escape(label)}\s*:\s*(?P<value>.*)$", re.I)))
    # longest labels first across kinds, so "cơ quan phối hợp" wins over "phối hợp"
    out.sort(key=lambda pair: len(pair[1].pattern), reverse=True)
    return out


def attribute_of(text: str) -> tuple[str, str] | None:
    """`Cơ quan thực hiện: Sở Nội vụ` -> ("lead", "Sở Nội vụ")."""
    for attr, pattern in _attribute_patterns():
        m = pattern.match(text)
        if m:
            return attr, m.group("value").strip()
    return None


def section_role(heading: str) -> str | None:
    h = fold(heading)
    for entry in cues()["section_roles"]:
        if any(h.startswith(p) for p in entry["prefixes"]):
            return entry["role"]
    return None


def classify(text: str) -> tuple[str, str, str]:
    """A line's kind, label and text without the label."""
    for kind, pattern in (("section", _ROMAN), ("item", _NUMBER), ("letter", _LETTER), ("plus", _PLUS), ("dash", _DASH)):
        m = pattern.match(text)
        if m:
            label = m.groupdict().get("label") or ("+" if kind == "plus" else "-" if kind == "dash" else "")
            body = m.group("text").strip()
            if kind == "section" and not _looks_like_heading(body):
                continue
            return kind, label, body
    return "para", "", text


def _looks_like_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.6


def parse(norm: Normalised) -> Document:
    lines = norm.lines
    header = Header()
    recipients: list[Line] = []
    c = cues()
    rec_heading = re.compile(c["recipients_heading"], re.I)
    closing = tuple(c["closing_cues"])

    # --- header: everything before the first Roman section ---------------------------
    first_section = next((i for i, l in enumerate(lines) if classify(l.text)[0] == "section"), len(lines))
    kh_index = None
    issuer_line = None
    for i, line in enumerate(lines[:first_section]):
        text = line.text
        m = _NUMBER_LINE.match(text)
        if m and header.symbol_code is None:
            header.number = m.group("num")
            header.symbol_code = m.group("code").strip().rstrip(".")
            header.symbol = f"{header.number}/{header.symbol_code}" if header.number else header.symbol_code
            continue
        m = _DATELINE.match(text)
        if m and header.place is None:
            header.place = m.group("place").strip()
            header.date = _iso_date(m.group("d"), m.group("m"), m.group("y"))
            header.dateline_line = line.first
            continue
        if kh_index is None and fold(text).replace(" ", "") in {"kếhoạch", "kehoach"}:
            kh_index = i
            continue
        if kh_index is None and i < 6 and _looks_like_heading(text) and "ỦY BAN" in text.upper():
            issuer_line = line
    preamble_start = 0
    if kh_index is not None and kh_index + 1 < first_section:
        title_line = lines[kh_index + 1]
        header.title = title_line.text.strip()
        header.title_line = title_line.first
        preamble_start = kh_index + 2
    else:
        preamble_start = next(
            (i for i, l in enumerate(lines[:first_section]) if not _NUMBER_LINE.match(l.text) and not _DATELINE.match(l.text)),
            first_section,
        )
    preamble = list(lines[preamble_start:first_section])

    # --- body: sections and items ------------------------------------------------------
    sections: list[Node] = []
    stack: list[Node] = []
    body_end = len(lines)
    for i in range(first_section, len(lines)):
        line = lines[i]
        text = line.text
        if rec_heading.match(fold(text)):
            body_end = i
            break
        kind, label, body = classify(text)
        if kind == "section":
            node = Node("section", label, body, line.src, role=section_role(body), marker="section")
            sections.append(node)
            stack = [node]
            continue
        if not stack:
            continue
        if kind == "para" and fold(text).startswith(closing):
            node = Node("closing", "", text, line.src)
            stack[0].children.append(node)
            stack = stack[:1]
            continue
        attr = attribute_of(body)
        if kind == "para":
            target = stack[-1]
            if attr:
                target.children.append(Node("attr", "", attr[1], line.src, attr=attr[0]))
            else:
                target.children.append(Node("para", "", text, line.src))
            continue
        level = _LEVEL_OF[kind]
        while len(stack) > 1 and _LEVEL_OF.get(stack[-1].marker, 5) >= level:
            stack.pop()
        if attr:
            node = Node("attr", label, attr[1], line.src, attr=attr[0], marker=kind)
        else:
            node = Node(kind, label, body, line.src, marker=kind)
        stack[-1].children.append(node)
        # attribute lines open a level too: "- Cơ quan thực hiện:" followed by "+ ..." items
        stack.append(node)

    # --- recipients and signature -----------------------------------------------------
    tail = lines[body_end:]
    signer = None
    if tail:
        first = tail[0]
        rest = re.sub(c["recipients_heading"], "", first.text, flags=re.I).strip()
        if rest:
            recipients.append(Line(rest, first.src))
        j = 1
        while j < len(tail) and _DASH.match(tail[j].text):
            recipients.append(Line(_DASH.match(tail[j].text).group("text"), tail[j].src))
            j += 1
        signer = _signature(tail[j:])
    else:
        signer = None
    return Document(header, preamble, sections, recipients, signer, dict(norm.footnotes), list(lines), issuer_line)


def _iso_date(d: str | None, m: str | None, y: str | None) -> str | None:
    if not y:
        return None
    if m and d:
        return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
    if m:
        return f"{int(y):04d}-{int(m):02d}"
    return y


def _title_case(text: str) -> str:
    """Signature lines are in capitals; give them the case they are written in prose."""
    low = fold(text)
    for known in sorted(cues()["positions"], key=len, reverse=True):
        if fold(known) == low:
            return known
    return text[:1].upper() + text[1:].lower()


def _signature(lines: list[Line]) -> Signer | None:
    formulas = tuple(f"{f}." for f in cues()["signature_formulas"])
    formula_parts: list[str] = []
    positions: list[str] = []
    name = None
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if text.upper().startswith(formulas):
            head, _, rest = text.partition(".")
            formula_parts.append(f"{head.upper()}. {_title_case(rest.strip())}")
        elif _looks_like_heading(text) and len(text) > 1:
            positions.append(_title_case(text))
        elif re.match(r"^[A-ZĐÀ-Ỹ][^\s]*(?:\s+[A-ZĐÀ-Ỹ][^\s]*){1,5}$", text):
            name = text
    if not (formula_parts or positions or name):
        return None
    position = positions[-1] if positions else None
    if position is None and formula_parts:
        # "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH": the last formula names the signer's post
        position = formula_parts[-1].split(". ", 1)[-1]
    return Signer(name, position, " / ".join(formula_parts) or None)
