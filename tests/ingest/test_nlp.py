"""ingest/nlp.py: the family matches read from each head word's window of tokens, and kept by
those tokens, are the matches of every family pattern run over the whole text."""
from __future__ import annotations

import pytest

from ingest.nlp import _ends_every_pattern, agency_spans, family_matchers, pipeline


def _every_family_match(text: str) -> set[tuple[int, int, str, str]]:
    """The matches as the whole text gives them: every head's matcher over every token."""
    doc = pipeline().make_doc(text)
    strings = doc.vocab.strings
    out = set()
    for matcher in family_matchers().values():
        for key, start, end in matcher(doc):
            label, ident = strings[key].split("\t")
            span = doc[start:end]
            out.add((span.start_char, span.end_char, label, ident))
    return out


TEXTS = [
    # real lines of the seeds and the real plans: names that run over commas, "và" and dashes,
    # a name cut by ";" or a bracket, a numbered unit, two bodies of one head in a row
    "Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Thông tin và Truyền thông, Báo Nghệ An, Đài Phát thanh và Truyền hình tỉnh",
    "Trung tâm Xúc tiến đầu tư, thương mại và du lịch tổng hợp báo cáo; Ban Quản lý Khu kinh tế (Ban Quản lý) thực hiện",
    "Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia, Vùng Cảnh sát biển 3, Bộ Tư lệnh Quân khu 5 - Bộ Quốc phòng",
    "Cục Trồng trọt và Bảo vệ thực vật; Cục Quản lý nhà và thị trường bất động sản. Ban Ban Tổ chức Tỉnh ủy:",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân, Tỉnh đoàn và Liên đoàn Lao động tỉnh",
    "Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, Công ty TNHH Thương mại Dịch vụ NMT, Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam",
    "Ban quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh chủ trì; Ban Chỉ đạo của Chính phủ phối hợp",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_windowed_matches_are_the_whole_texts(text):
    family = {s for s in agency_spans(text) if s[3].startswith("family:")}
    assert family == _every_family_match(text)
    assert family  # the lines name bodies of the families


@pytest.mark.parametrize(
    "token,ends",
    [
        (";", True), ("(", True), (".", True), (",", False), ("-", False), ("và", False), ("3", False), ("A1", False),
        # a verb's or a preposition's first word in lower case ends a name; in capitals it may be one's word
        ("chủ", True), ("của", True), ("các", True), ("Các", False), ("trì", False),
    ],
)
def test_what_ends_every_pattern(token, ends):
    assert _ends_every_pattern(token) is ends
