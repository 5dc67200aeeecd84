"""The self-checks for documents without an answer key, on real header values."""
from __future__ import annotations

import datetime as dt

import pytest

from ingest.selfcheck import _plausible_issuer, _plausible_place, _valid_date, _valid_symbol


@pytest.mark.parametrize(
    "issuer,plausible",
    [
        ("Ủy ban nhân dân tỉnh Nghệ An", True),
        ("Bộ Xây dựng", True),
        ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh", True),
        ("Đoàn kiểm tra theo Quyết định số 15/QĐ-SCT", True),
        # a scrap of the motto read as a body: what a misread header gives
        ("Hội Chủ Nghĩa Việt Nam", False),
        ("Độc lập - Tự do - Hạnh phúc", False),
        (None, False),
    ],
)
def test_an_issuer_is_a_kind_of_body(issuer, plausible):
    assert _plausible_issuer(issuer) is plausible


@pytest.mark.parametrize(
    "place,text,plausible",
    [
        ("Cần Thơ", "", True),
        ("Nghi Dương", "", True),
        ("Việt Nam", "", True),
        # a district of before 2025 that the text names with its level word
        ("Vĩnh Linh", "Ủy ban nhân dân huyện Vĩnh Linh ban hành", True),
        ("Hội Chủ Nghĩa Việt Nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", False),
        (None, "", True),
    ],
)
def test_a_place_is_known_or_named_with_its_level(place, text, plausible):
    assert _plausible_place(place, text) is plausible


@pytest.mark.parametrize(
    "symbol,genre,valid",
    [
        ("47/2025/NQ-HĐND", "Nghị quyết", True),
        ("1026/KH-UBND", "Kế hoạch", True),
        ("10/2022/QH15", "Luật", True),
        ("120-KL/TW", "Kết luận", True),
        ("812/UBND-KT", "Công văn", True),
        ("57/VBHN-BCT", "Thông tư", True),  # a consolidated text keeps the heading it consolidates
        ("KH-UBND", "Kế hoạch", True),  # a draft: the number blank
        ("1026/KH-UBND", "Quyết định", False),
    ],
)
def test_a_symbol_fits_its_genre(symbol, genre, valid):
    assert _valid_symbol(symbol, genre) is valid


@pytest.mark.parametrize(
    "date,valid",
    [("2025-11-19", True), ("2026-06", True), ("2025", True), ("2025-02-30", False), ("2031-01-01", False), ("1900", False), ("ngày 19", False)],
)
def test_a_date_is_real_and_not_in_the_future(date, valid):
    assert _valid_date(date, dt.date(2026, 12, 2)) is valid
