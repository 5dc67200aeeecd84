"""Arbitrary text and bytes: no exception escapes but the project's own documented errors."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.errors import DcsKgError
from ingest.normalize import normalize
from ingest.pipeline import extract
from ingest.structure import parse

# Text that looks like plans: their markers, words and symbols, shuffled.
PIECES = st.sampled_from([
    "KẾ HOẠCH", "Kӂ HOҤCH", "I. NỘI DUNG", "II. TỔ CHỨC THỰC HIỆN", "III. KINH PHÍ", "1. ", "a) ", "đ) ", "- ", "+ ", "- + ",
    "Cơ quan thực hiện:", "Cơ quan phối hợp: Sở Tư pháp;", "Thời gian thực hiện: Thường xuyên.", "Đề nghị ", "Giao ",
    "Sở Nội vụ", "Ủy ban nhân dân tỉnh", "UBND", "các cơ quan, đơn vị", "(gọi chung là các cơ quan)", "phối hợp với ",
    "Nghị quyết số 47/2025/NQ-HĐND", "ngày 22/12/2025", "của Hội đồng nhân dân tỉnh", "120-", "KL/TW", "Luật Thực hiện dân chủ ở cơ sở",
    "Căn cứ ", "Thực hiện ", "chậm nhất ngày 15/11", "báo cáo", "(qua Sở Nội vụ)", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "**", "#", "lãng phí1",
    "\n", "\n\n", " ", ";", ",", ".", "(", ")", "“", "”",
])
PLANISH = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PLANISH)
def test_normalise_and_parse_never_crash(text):
    doc = parse(normalize(text.split("\n")))
    for section in doc.sections:
        for node in section.walk():
            assert node.lines


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PLANISH)
def test_full_pipeline_raises_only_documented_errors(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.txt"
        path.write_text(text, encoding="utf-8")
        try:
            ex = extract(path)
        except DcsKgError:
            return
        assert ex.to_json()["source"] == str(path)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=4000), st.sampled_from([".txt", ".md", ".docx", ".pdf", ".html"]))
def test_arbitrary_bytes_raise_only_documented_errors(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        try:
            extract(path)
        except DcsKgError as exc:
            assert str(path) in str(exc)
