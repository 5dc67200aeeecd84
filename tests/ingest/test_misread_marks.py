"""A scan misreads marks: the motto, the words that open the preamble and the names of known
bodies are still read when a mark is wrong or lost (OCR), and nothing else changes.

Each case is a real plan with a few of its words misread the way OCR misreads them; its
extraction must give the same issuer, place, symbol, date, references with their relations,
and lead and support bodies as the plan as written.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import extract

REAL = Path(__file__).resolve().parents[1] / "data" / "real"

# (plan, [(as written, as a scan misread it)]) — every occurrence is misread
CASES = [
    ("99c7d8fff9e4572e.md", [("CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘl"), ("CHỦ NGHĨA", "CHỦ NGHÌA"), ("Thực hiện Nghị quyết", "Thưc hiện Nghị quyết"), ("Sở Nội vụ", "Sở Nôi vụ")]),
    ("556b2fb4a0149576.md", [("CỘNG HÒA", "CÔNG HÒA"), ("Căn cứ", "Cân cứ"), ("Ủy ban nhân dân", "Ủy bân nhân dân")]),
    # the header: the province in the issuer block and the dateline, "Số:", the dateline's words
    ("556b2fb4a0149576.md", [("TỈNH ĐẮK LẮK", "TỈNH ĐĂK LẮK"), ("*Đắk Lắk, ngày 18", "*Đăk Lắk, ngảy 18"), ("Số: 0124", "Sồ: 0124"), ("tháng 11 năm 2025*", "thảng 11 nẳm 2025*")]),
    ("31fb08f34535fce3.md", [("THÀNH PHỐ HỒ CHÍ MINH", "THÀNH PHỖ HỒ CHÍ MINH"), ("Số: 174", "Sô: 174"), ("ngày 18 tháng 11 năm 2025*", "ngày 18 tháng 11 nắm 2025*")]),
    ("09daab284f92e2dd.md", [("Thực hiện Kế hoạch", "Thực hiên Kế hoạch"), ("Sở Khoa học và Công nghệ", "Sở Khoa hoc và Công nghệ")]),
    ("31fb08f34535fce3.md", [("Căn cứ", "Căn cú"), ("HỘI CHỦ NGHĨA VIỆT NAM", "HỘI CHỦ NGHIA VIỆT NAM")]),
    # the words of collective bodies in the paragraph that says who competes ("các sơ, ban, ngành")
    ("99c7d8fff9e4572e.md", [("sở, ban, ngành, Ủy ban Mặt trận", "sơ, ban, ngành, Ủy ban Mặt trận"), ("chính trị - xã hội,\n", "chính trị - xã hồi,\n")]),
    # an appendix table's column names: its every row is a task
    ("192068354fd1ffe5.md", [("**NHIỆM VỤ VÀ GIẢI PHÁP**", "**NHIỂM VỤ VÀ GIẢI PHÁP**"), ("**CHỦ TRÌ**", "**CHỦ TRI**"), ("**PHỐI HỢP**", "**PHỐI HƠP**")]),
    # the preposition that names the partners ("phối hợp vói các Sở, ban, ngành")
    ("31fb08f34535fce3.md", [("phối hợp với", "phối hợp vói")]),
]


def _facts(path: Path) -> dict:
    ex = extract(path)
    d = ex.document
    return {
        "header": (d.issuer, d.place, d.symbol, d.date, d.type),
        "references": sorted((r.id, r.relation) for r in ex.legal_refs),
        "roles": sorted({(name, role) for t in ex.tasks for role, names in (("lead", t.lead), ("support", t.support)) for name in names}),
    }


@pytest.mark.parametrize("name,misreadings", CASES, ids=[c[0] for c in CASES])
def test_a_plan_with_marks_misread_reads_as_the_plan(tmp_path, name, misreadings):
    text = (REAL / name).read_text(encoding="utf-8")
    scanned = text
    for written, misread in misreadings:
        assert written in scanned, written
        scanned = scanned.replace(written, misread)
    (tmp_path / name).write_text(scanned, encoding="utf-8")
    assert _facts(tmp_path / name) == _facts(REAL / name)
