"""Who issued a document and whose it is: the issuer block read line by line."""
from __future__ import annotations

import pytest

from ingest.jurisdiction import issuer_from_block
from ingest.pipeline import extract


@pytest.mark.parametrize(
    "block,issuer",
    [
        # an inspection team named by the decision that set it up: the body in that decision's
        # symbol (UBND) set the team up, it does not issue the team's plan
        (["ĐOÀN KIỂM TRA", "THEO QUYẾT ĐỊNH SỐ 125/QĐ-UBND"], "Đoàn kiểm tra theo Quyết định số 125/QĐ-UBND"),
        (["ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 15/QĐ-SCT"], "Đoàn kiểm tra theo Quyết định số 15/QĐ-SCT"),
        # a body and its level with no such line are read as before
        (["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN"], "Ủy ban nhân dân tỉnh"),
        (["UBND TỈNH THANH HÓA", "SỞ CÔNG THƯƠNG"], "Sở Công Thương"),
    ],
)
def test_the_issuer_block_names_the_issuer(block, issuer):
    found, _, _ = issuer_from_block(block)
    assert found is not None and found.name == issuer


def test_a_team_a_decision_set_up_is_of_the_place_its_dateline_names(tmp_path):
    # a team's plan as a province sends it (the class of issue 22's "inspection teams"): no
    # level or parent in its block, so the dateline is the only place it gives
    text = "\n".join([
        "ĐOÀN KIỂM TRA", "THEO QUYẾT ĐỊNH SỐ 125/QĐ-UBND", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
        "Số:      /KH-ĐKT", "", "Bắc Ninh, ngày      tháng 6 năm 2026", "", "KẾ HOẠCH", "", "Kiểm tra việc thực hiện dân chủ ở cơ sở năm 2026", "",
        "Căn cứ Quyết định số 125/QĐ-UBND ngày 20/5/2026 của Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh về việc thành lập Đoàn kiểm tra;", "",
        "I. TỔ CHỨC THỰC HIỆN", "", "1. Sở Nội vụ chuẩn bị nội dung, tài liệu phục vụ kiểm tra.",
    ])
    path = tmp_path / "doan.txt"
    path.write_text(text, encoding="utf-8")
    doc = extract(path).document
    assert (doc.issuer, doc.place, doc.number, doc.date) == ("Đoàn kiểm tra theo Quyết định số 125/QĐ-UBND", "Bắc Ninh", None, "2026-06")
