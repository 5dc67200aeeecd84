"""Who a Government or National Assembly text gives work to, as its own lines write it: an
excerpt made of real sentences of two corpus resolutions (380/NQ-CP, 1663/NQ-UBTVQH15 —
tests/data/corpus_keys), a Prime Minister's dispatch (230/CĐ-TTg), a Government Office notice
(624/TB-VPCP) and of a provincial plan's funding entry (an original DOCX), one per item, so each
rule is held by the item that needs it."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import extract

EXCERPT = Path(__file__).resolve().parent.parent / "data" / "national" / "resolution_excerpt.md"


@pytest.fixture(scope="module")
def excerpt() -> dict[str, dict]:
    return {t["path"]: t for t in extract(EXCERPT).to_json()["tasks"]}


@pytest.fixture(scope="module")
def leads(excerpt) -> dict[str, list[str]]:
    return {path: t["lead"] for path, t in excerpt.items()}


@pytest.mark.parametrize(
    "path,expected",
    [
        # a place after another, its committee understood, as many as the list names
        ("I.1", ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Hồ Chí Minh", "Ủy ban nhân dân thành phố Hải Phòng", "Ủy ban nhân dân tỉnh Quảng Ninh"]),
        # "Hội đồng nhân dân, Ủy ban nhân dân tỉnh Đồng Tháp": the council is the province's too
        ("I.2", ["Chính phủ", "Hội đồng nhân dân tỉnh Đồng Tháp", "Ủy ban nhân dân tỉnh Đồng Tháp"]),
        # the issuer's courteous request: the bodies asked act, not the issuer
        ("I.3", ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Các tổ chức thành viên của Mặt trận Tổ quốc", "Các tổ chức chính trị xã hội", "Hội Chữ thập đỏ Việt Nam"]),
        # the ministries and ministry-level agencies as one addressee; the agencies under the
        # Government, named by their owner, beside them
        ("I.4", ["Các bộ, cơ quan ngang bộ", "Các cơ quan thuộc Chính phủ", "Ủy ban nhân dân các tỉnh, thành phố"]),
        # "Các tỉnh, thành phố:" — the provinces act through their committees
        ("I.5.a", ["Ủy ban nhân dân các tỉnh, thành phố"]),
        # a paragraph of bodies and a colon opens the item's list: they do its items
        ("I.6.b", ["Ủy ban nhân dân các tỉnh, thành phố"]),
        # … but "Tham mưu Chính phủ:" names whom the entry's body serves, not who acts
        ("I.7.1.1", ["Bộ Tài chính"]),
        # the inspection bodies as a class, singular as the Prime Minister's dispatch writes it
        ("II.1", ["Các cơ quan thanh tra"]),
        # a body and its role in apposition, then the predicate: a sentence, not a heading
        # naming the body (the item was lost)
        ("II.3", ["Bộ Tài chính"]),
        # "các địa phương" of a national text are the provinces; a count of the units stands for
        # every one of them ("06 thành phố trực thuộc trung ương"), as "các" does
        ("III.1", ["Bộ Tư pháp", "Bộ Nông nghiệp và Môi trường", "Ủy ban nhân dân các tỉnh, thành phố"]),
        ("III.2", ["Ủy ban nhân dân các thành phố trực thuộc Trung ương"]),
    ],
)
def test_who_a_national_text_gives_work_to(leads, path, expected):
    assert leads[path] == expected


@pytest.mark.parametrize(
    "path,expected",
    [
        # the abbreviated level's full stop before the place ("UBND TP. Hà Nội")
        ("III.3", ["Bộ Khoa học và Công nghệ", "Ủy ban nhân dân thành phố Hà Nội"]),
        # a Party commission whose name holds a comma (gazetteer)
        ("III.4", ["Ban Chính sách, chiến lược Trung ương", "Bộ Khoa học và Công nghệ"]),
    ],
)
def test_who_a_national_text_asks_to_work_with_the_lead(excerpt, path, expected):
    assert excerpt[path]["support"] == expected


def test_a_partner_named_as_a_class_of_bodies(excerpt):
    assert excerpt["II.2"]["support"] == ["Các cơ quan thanh tra"]
