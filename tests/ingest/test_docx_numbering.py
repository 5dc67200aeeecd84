"""Word's automatic numbering read back as the labels the page shows (ingest/docx_numbering.py)."""
from __future__ import annotations

import pytest

from ingest.docx_numbering import Numbering
from ingest.docx_text import docx_blocks

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _levels(*levels: tuple[str, str]) -> str:
    return "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>' for k, (fmt, text) in enumerate(levels)
    )


# An office's plan as Word numbers it (real/originals f2436646…, 350854ec…): the parts in upper-case
# roman numerals, their items in figures, the items' points as "a)", the duties as typed dashes and
# a symbol font's dots; one list of points carries on in a later part, another starts again.
ABSTRACTS = {
    "10": _levels(("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")),
    "11": _levels(("bullet", "-"), ("bullet", "\uf0b7")),
    "12": _levels(("lowerLetter", "%1)"),),
}
INSTANCES = {"1": ("10", ""), "2": ("11", ""), "3": ("12", ""), "4": ("12", ""), "5": ("12", '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')}


def _document(paragraphs: list[tuple[str | None, int, str]]):
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    numbering = d.part.numbering_part.element
    for aid, levels in ABSTRACTS.items():
        numbering.append(parse_xml(f'<w:abstractNum {W} w:abstractNumId="{aid}">{levels}</w:abstractNum>'))
    for nid, (aid, override) in INSTANCES.items():
        numbering.append(parse_xml(f'<w:num {W} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{override}</w:num>'))
    for num_id, level, text in paragraphs:
        p = d.add_paragraph(text)
        if num_id is not None:
            p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return d


def test_labels_are_the_ones_word_shows():
    d = _document([
        ("1", 0, "MỤC ĐÍCH, YÊU CẦU"),
        ("1", 1, "Mục đích"),
        ("2", 0, "Tuyên truyền Luật Thực hiện dân chủ ở cơ sở;"),
        ("1", 0, "TỔ CHỨC THỰC HIỆN"),
        ("1", 1, "Công tác triển khai"),
        ("3", 0, "Các sở, ban, ngành căn cứ nhiệm vụ được giao xây dựng kế hoạch;"),
        ("3", 0, "Sở Nội vụ có trách nhiệm theo dõi, đôn đốc."),
        ("2", 1, "Báo cáo kết quả trước ngày 15/12."),
        ("1", 1, "Kinh phí thực hiện"),
        ("4", 0, "Kinh phí bố trí từ ngân sách nhà nước;"),  # the same definition: it carries on
        ("5", 0, "Sở Tài chính tham mưu bố trí kinh phí."),  # an instance that starts again
        (None, 0, "Trên đây là Kế hoạch."),
    ])
    lines = [b.text for b in docx_blocks(d) if hasattr(b, "text") and b.text]
    assert lines == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Tuyên truyền Luật Thực hiện dân chủ ở cơ sở;",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Công tác triển khai",
        "a) Các sở, ban, ngành căn cứ nhiệm vụ được giao xây dựng kế hoạch;",
        "b) Sở Nội vụ có trách nhiệm theo dõi, đôn đốc.",
        "+ Báo cáo kết quả trước ngày 15/12.",
        "2. Kinh phí thực hiện",
        "c) Kinh phí bố trí từ ngân sách nhà nước;",
        "a) Sở Tài chính tham mưu bố trí kinh phí.",
        "Trên đây là Kế hoạch.",
    ]


@pytest.mark.parametrize(
    "style,label",
    [("List Bullet", "-"), ("List Bullet 2", "+"), ("List Number", "1."), ("Normal", None)],
)
def test_a_list_style_without_its_own_numbering_keeps_its_label(style, label):
    """python-docx's template numbers its list styles in styles.xml: "List Bullet 2" is a list of
    its own whose first level Word indents, a nested bullet."""
    import docx

    d = docx.Document()
    p = d.add_paragraph("Sở Tư pháp chủ trì.", style=style)
    assert Numbering.of(d).label(p) == label


def test_numbering_switched_off_gives_no_label():
    d = _document([("0", 0, "Đoạn văn thường.")])
    assert [b.text for b in docx_blocks(d) if hasattr(b, "text") and b.text] == ["Đoạn văn thường."]
