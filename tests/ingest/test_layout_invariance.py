"""The layout of a document must never decide whether its facts are read.

Every real development plan (tests/data/real/*.md, as a legal portal exports it) is written
out in six other layouts by `tests/layouts.py` — plain text with tab rows, an HTML page with a
portal's menus, DOCX with Word tables, a PDF read back through the project's own reader,
`pdftotext -layout` style text, Markdown with inline HTML — and each must give the record the
portal's Markdown gives: metadata, references with their relation, role pairs. The table
layout × field is printed (pytest -s); the exceptions below say why they differ.
"""
from __future__ import annotations

import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from gold import REAL

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import layouts

PLANS = sorted(p for p in REAL.glob("*.md") if p.name != "README.md")

# (document, layout, field) -> why the record differs. Each names a difference of the layouts'
# words, not a reading the extractor gets wrong in one of them.
EXCEPTIONS: dict[tuple[str, str, str], str] = {}


def _records(path: str) -> tuple[str, dict[str, object], dict[str, dict[str, object] | str]]:
    """The portal record of one plan and the record of each other layout (or why it was refused)."""
    from ingest.errors import DcsKgError
    from ingest.pipeline import extract

    source = Path(path)
    base = layouts.record(extract(source).to_json())
    out: dict[str, dict[str, object] | str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for layout in layouts.LAYOUTS:
            if layout == "pdf" and not layouts.pdf_available():
                continue
            folder = Path(tmp) / layout
            folder.mkdir()
            try:
                out[layout] = layouts.record(extract(layouts.write(layout, source, folder)).to_json())
            except DcsKgError as exc:
                out[layout] = f"refused: {exc}"
    return source.name, base, out


@pytest.fixture(scope="module")
def records():
    with ProcessPoolExecutor(2) as pool:
        return list(pool.map(_records, [str(p) for p in PLANS]))


def test_there_are_the_22_development_plans():
    assert len(PLANS) == 22


def test_the_pdf_layout_can_be_written():
    # the PDF round trip needs the DejaVu font (Debian's fonts-dejavu-core, which .ci/run installs)
    assert layouts.pdf_available(), "install fonts-dejavu-core: the PDF layout cannot be written without it"


def test_every_layout_gives_the_record_the_portal_text_gives(records):
    table = {layout: {field: 0 for field in layouts.FIELDS} for layout in layouts.LAYOUTS}
    differences = []
    for name, base, others in records:
        for layout, got in others.items():
            if isinstance(got, str):
                differences.append((name, layout, "refused", got))
                continue
            for field in layouts.FIELDS:
                if got[field] == base[field]:
                    table[layout][field] += 1
                elif (name, layout, field) not in EXCEPTIONS:
                    a, b = base[field], got[field]
                    shown = (sorted(a - b), sorted(b - a)) if isinstance(a, frozenset) else (a, b)
                    differences.append((name, layout, field, shown))
    print(f"\n{'layout':16}" + "".join(f"{f:>14}" for f in layouts.FIELDS))
    for layout, counts in table.items():
        print(f"{layout:16}" + "".join(f"{counts[f]:>11}/{len(records):<2}" for f in layouts.FIELDS))
    for key, why in EXCEPTIONS.items():
        print(f"exception {key}: {why}")
    assert not differences, differences[:5]


# Two portal headers of other genres and issuers (corpus 6a406c1f…, a328fbb4…): the number under
# `Số:` in its own cell line, the rules drawn under issuer and motto. Written to PDF, the number
# stands under `Số:` beside the place and date, and the rules beside the number.
_PORTAL_HEADERS = {
    "a plan whose number is under Số": (
        ["|", "**UỶ BAN NHÂN", "DÂN**", "TỈNH LAI CHÂU", "--------", "|", "**CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM**",
         "Độc lập - Tự do - Hạnh phúc", "---------------", "|", "|", "Số:", "7360/KH-UBND", "|", "*Lai Châu, ngày", "19 tháng 11 năm 2025*", "|", "",
         "**KẾ HOẠCH**", "", "TRIỂN KHAI THI HÀNH LUẬT TIÊU CHUẨN VÀ QUY CHUẨN KỸ THUẬT", ""],
        ("Kế hoạch", "7360/KH-UBND", "Ủy ban nhân dân tỉnh Lai Châu", "Lai Châu", "2025-11-19"),
    ),
    "a dispatch whose rule stands beside its number": (
        ["|", "**THỦ TƯỚNG CHÍNH", "PHỦ**", "-------", "|", "**CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM**", "Độc lập - Tự do - Hạnh phúc",
         "---------------", "|", "|", "Số: 217/CĐ-TTg", "|", "*Hà Nội, ngày 16", "tháng 11 năm 2025*", "|", "", "**CÔNG ĐIỆN**", "",
         "V/V CHỦ ĐỘNG PHÒNG, TRÁNH, ỨNG PHÓ MƯA LŨ TẠI KHU VỰC TRUNG BỘ", ""],
        ("Công điện", "217/CĐ-TTg", "Thủ tướng Chính phủ", "Hà Nội", "2025-11-16"),
    ),
}


@pytest.mark.parametrize("name", sorted(_PORTAL_HEADERS))
def test_a_portal_header_reads_the_same_from_pdf(name, tmp_path):
    from ingest.pipeline import extract

    lines, expected = _PORTAL_HEADERS[name]
    body = ["**I. NHIỆM VỤ**", "", "1. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp tổ chức tuyên truyền.", ""]
    source = tmp_path / "portal.md"
    source.write_text("\n".join(lines + body) + "\n", encoding="utf-8")
    for path in (source, layouts.write("pdf", source, tmp_path)):
        d = extract(path).to_json()["document"]
        assert (d["type"], d["symbol"], d["issuer"], d["place"], d["date"]) == expected, path.suffix
