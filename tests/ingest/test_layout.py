"""Tables written out as lines (portal pipe cells, task tables), emphasis across breaks, portal
text — on real snippets, read by the text reader (`markup`) and written out by `layout.render`."""
from __future__ import annotations

import pytest

from ingest.layout import PortalMeta, document_bounds, drop_decoration, join_emphasis, render, trim_portal
from ingest.markup import text_blocks
from ingest.models import Line
from ingest.tables import column_role


def L(*texts: str) -> list[Line]:
    return [Line(t, (i,)) for i, t in enumerate(texts, start=1)]


def tables(lines: list[Line]) -> list[Line]:
    """The lines the structure parser gets for these text lines."""
    return render(text_blocks([l.text for l in lines]))


def texts(lines: list[Line]) -> list[str]:
    return [l.text for l in lines]


# the header of Nghệ An's 1026/KH-UBND as the portal exports it
HEADER = (
    "|",
    "**ỦY BAN NHÂN DÂN**",
    "TỈNH NGHỆ AN",
    "-------",
    "|",
    "**CỘNG HÒA XÃ HỘI",
    "CHỦ NGHĨA VIỆT NAM**",
    "Độc lập - Tự do - Hạnh phúc",
    "|",
    "|",
    "Số: 1026/KH-UBND",
    "|",
)


def test_each_header_cell_becomes_a_paragraph_of_its_own():
    out = texts(tables(L(*HEADER)))
    assert "|" not in out
    # the issuer cell and the motto cell are parted by an empty line: nothing joins across them
    issuer_end = out.index("-------")
    assert out[issuer_end + 1] == ""
    assert "Số: 1026/KH-UBND" in out


def test_task_table_becomes_items_with_role_lines():
    # Nghệ An 617/KH-UBND's appendix: STT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian
    rows = [
        "|", "**STT**", "|", "**Tên nhiệm vụ**", "|", "**Cơ quan chủ trì**", "|", "**Cơ quan phối hợp**", "|",
        "**Thời gian hoàn thành**", "|", "|",
        "1", "|", "Triển khai đánh giá mức độ", "chuyển đổi số trong các doanh nghiệp.", "|", "Sở KH&CN", "|",
        "Các sở, ban, ngành tỉnh; UBND các xã, phường", "|", "Thường xuyên", "|",
    ]
    out = [t for t in texts(tables(L(*rows))) if t]
    # rows numbered 1, 2, 3 … are items of the heading the table stands under: dashes, with
    # their attributes one level below — the shape a text plan has, so one parser reads both
    assert out[0].startswith("- Triển khai đánh giá mức độ chuyển đổi số")
    assert "+ Cơ quan thực hiện: Sở KH&CN" in out
    assert "+ Cơ quan phối hợp: Các sở, ban, ngành tỉnh; UBND các xã, phường" in out
    assert any(t.endswith("Thường xuyên") for t in out[1:])


def test_a_numbered_hierarchy_keeps_its_numbers_and_groups():
    # Đồng Nai 179/KH-UBND's appendix: group rows A / I span the table, tasks numbered 1.1, 1.2
    rows = ["|", "STT", "|", "Nhiệm vụ, giải pháp", "|", "Đơn vị thực hiện", "|", "Đơn vị phối hợp", "|", "|",
            "A", "|", "PHÁT TRIỂN NỀN MÓNG", "|", "|", "I", "|", "Hoàn thiện thể chế", "|", "|",
            "1.1", "|", "Rà soát các quy định", "|", "Sở Tư pháp", "|", "Các sở, ban, ngành", "|", "|",
            "1.2", "|", "Xây dựng chính sách", "|", "Sở Tài chính", "|", "UBND các phường, xã", "|"]
    out = [t for t in texts(tables(L(*rows))) if t]
    assert out[:3] == ["A. PHÁT TRIỂN NỀN MÓNG", "I. Hoàn thiện thể chế", "1.1. Rà soát các quy định"]
    assert out[3] == "- Cơ quan thực hiện: Sở Tư pháp" and "1.2. Xây dựng chính sách" in out


def test_gfm_table_cells_are_paragraphs():
    out = [t for t in texts(tables(L("| Số hiệu: | 51/2025/NQ-HĐND |", "|---|---|", "| Loại văn bản: | Nghị quyết |"))) if t]
    assert out == ["Số hiệu:", "51/2025/NQ-HĐND", "Loại văn bản:", "Nghị quyết"]


def test_recipients_beside_the_signature_a_line_a_row_are_read_column_by_column():
    # a PDF text layer or a plain-text copy writes the two columns a line at a time
    out = [t for t in texts(tables(L("| Nơi nhận: | KT. CHỦ TỊCH |", "|---|---|", "| - Như trên; | PHÓ CHỦ TỊCH |", "| - Lưu: VT. | Nguyễn Văn A |"))) if t]
    assert out == ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]


def test_a_header_typed_with_tabs_keeps_its_cells_together():
    lines = ["ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH ĐỒNG THÁP\tĐộc lập - Tự do - Hạnh phúc",
             "Số: 552/KH-UBND\tĐồng Tháp, ngày 19", "\ttháng 11 năm 2025"]
    out = [t for t in texts(tables(L(*lines))) if t]
    assert out[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"]
    # the date that went on in the next row is one paragraph with its first half
    date = out.index("Đồng Tháp, ngày 19")
    assert out[date + 1] == "tháng 11 năm 2025" and "Số: 552/KH-UBND" in out


@pytest.mark.parametrize(
    "header,role",
    [
        ("Cơ quan chủ trì", "lead"),
        ("Đơn vị phối hợp", "support"),
        ("Thời gian hoàn thành", "timeframe"),
        ("Tên nhiệm vụ", "content"),
        ("Ghi chú", None),
        # a footnote's mark on the header (a Prime Minister's action plan, corpus 646f0a00…)
        ("**Cơ quan chủ trì[1]**", "lead"),
        # "đơn vị" as "cơ quan" (a ministry's statistics calendar, corpus 295bcce4…)
        ("Đơn vị chịu trách nhiệm phổ biến", "lead"),
        # a common noun alone names the bodies of a table that lists them first (eleventh batch
        # of probes); with more words it may be a measure's unit
        ("Đơn vị", "lead"),
        ("Đơn vị tính", None),
    ],
)
def test_column_role(header, role):
    assert column_role(header) == role


@pytest.mark.parametrize(
    "cell,lead,support",
    [
        ("Chủ trì: Văn phòng HĐND và UBND xã; Phối hợp: Ủy ban MTTQ Việt Nam xã", "Văn phòng HĐND và UBND xã", "Ủy ban MTTQ Việt Nam xã"),
        ("Sở Y tế (chủ trì), Sở Nội vụ", "Sở Y tế", "Sở Nội vụ"),
        # parted as the header "Chủ trì/Phối hợp" parts the two roles
        ("Phòng Kinh tế / Văn phòng HĐND và UBND xã", "Phòng Kinh tế", "Văn phòng HĐND và UBND xã"),
        ("Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội", ""),
        # the name the mark closes keeps its own commas (a probe of issue 22's task tables)
        ("Sở Văn hóa, Thể thao và Du lịch (chủ trì); Sở Tư pháp, Báo Gia Lai", "Sở Văn hóa, Thể thao và Du lịch", "Sở Tư pháp, Báo Gia Lai"),
        ("Sở Nội vụ chủ trì, phối hợp Thanh tra tỉnh", "Sở Nội vụ", "Thanh tra tỉnh"),
        # two marks, two leads (corpus 646f0a00…)
        ("- Bộ Nông nghiệp và Môi trường (chủ trì phần chính sách); - UBND các tỉnh, thành phố (chủ trì phần đầu tư)", None, ""),
    ],
)
def test_a_cell_under_both_roles_parts_the_lead_from_the_partners(cell, lead, support):
    from ingest.layout import _split_roles

    found = _split_roles(cell)
    assert found[1] == support and (lead is None or found[0] == lead)
    assert lead is not None or ("Bộ Nông nghiệp" in found[0] and "UBND các tỉnh" in found[0])


@pytest.mark.parametrize(
    "raw,expected",
    [
        (("**V. TỔ CHỨC", "THỰC HIỆN**"), "**V. TỔ CHỨC THỰC HIỆN**"),
        (("**1. Sở", "Khoa học và Công nghệ**"), "**1. Sở Khoa học và Công nghệ**"),
        (("*Nghệ An, ngày 26", "tháng 11 năm 2025*"), "*Nghệ An, ngày 26 tháng 11 năm 2025*"),
    ],
)
def test_open_emphasis_continues_on_the_next_line(raw, expected):
    assert join_emphasis(L(*raw))[0].text == expected


@pytest.mark.parametrize(
    "raw,expected",
    [
        # a Bắc Ninh regulation as the portal wraps its articles and chapters (corpus a161f65b…)
        (("**Điều", "13. Trách nhiệm của các cơ quan, đơn vị**"), "**Điều 13. Trách nhiệm của các cơ quan, đơn vị**"),
        (("**Chương", "I**"), "**Chương I**"),
        (("**CHƯƠNG", "III**"), "**CHƯƠNG III**"),
    ],
)
def test_a_division_word_alone_takes_the_number_on_the_next_line(raw, expected):
    """"Điều" never stands alone: the number the line break moved, though it looks like an item label, is its own."""
    assert [line.text for line in join_emphasis(L(*raw))] == [expected]


def test_a_star_that_closes_a_span_opened_as_a_bullet_opens_none():
    """"* (Phụ lục …" reads as a bullet: the star that ends its italic two lines down ("… kèm
    theo)*") closes that span and leaves the articles after it their own lines (corpus 5884aa6f…,
    where "Điều 2" and "Điều 3" ran into the appendix note)."""
    lines = L("* (Phụ lục Danh mục", "hành chính mới ban hành kèm theo)*", "**Điều 2.**", "Quyết định này có hiệu lực thi hành kể từ ngày ký.")
    assert texts(join_emphasis(lines)) == texts(lines)
    # a star after a space still opens nothing it closes: the span goes on
    assert len(join_emphasis(L("*Căn cứ Luật Tổ chức chính", "quyền địa phương ngày 16/6/2025; *", "*Căn cứ Luật Thương mại"))) == 2


def test_emphasis_stops_at_an_item_label_and_a_hard_break():
    assert len(join_emphasis(L("**I. MỤC ĐÍCH", "1. Mục đích"))) == 2
    assert len(join_emphasis(L("**TM. ỦY BAN NHÂN DÂN  ", "CHỦ TỊCH**"))) == 2


def test_decoration_becomes_blank_lines_but_words_stay():
    assert texts(drop_decoration(L("-------", "* *", "Độc lập - Tự do - Hạnh phúc"))) == ["", "", "Độc lập - Tự do - Hạnh phúc"]


PORTAL = (
    "Số hiệu:",
    "1026/KH-UBND",
    "Loại văn bản:",
    "Kế hoạch",
    "Trang chủ > Văn bản",
    "",
    "ỦY BAN NHÂN DÂN",
    "",
    "TỈNH ĐẮK LẮK",
    "",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "KẾ HOẠCH",
    "Văn bản liên quan",
    "Quyết định 1/QĐ-UBND",
)


def test_document_starts_at_the_issuer_block_even_when_its_lines_are_parted():
    start, end = document_bounds(L(*PORTAL))
    assert PORTAL[start] == "ỦY BAN NHÂN DÂN"
    assert PORTAL[end] == "Văn bản liên quan"


def test_motto_cut_by_a_line_break_still_marks_the_start():
    lines = L("Trang chủ", "", "UBND TỈNH X", "CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM")
    assert document_bounds(lines)[0] == 2


def test_portal_metadata_is_kept_aside():
    meta = PortalMeta()
    out = trim_portal(L(*PORTAL), meta)
    assert out[0].text == "ỦY BAN NHÂN DÂN"
    assert meta.fields.get("number") == "1026/KH-UBND"
    assert meta.fields.get("type") == "Kế hoạch"


@pytest.mark.parametrize(
    "motto",
    [
        # 110/2025/TT-BTC as a legal portal prints it, its English translation after the signature
        ("**SOCIALIST REPUBLIC OF VIETNAM**", "Independence – Freedom – Happiness"),
        # 61/2025/TT-BCT: the motto cut by a line break
        ("**THE SOCIALIST", "REPUBLIC OF VIET NAM**", "Independence-Freedom-Happiness"),
    ],
    ids=["whole", "cut"],
)
def test_a_translation_printed_after_the_document_is_not_the_document(motto):
    lines = L("BỘ TÀI CHÍNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "THÔNG TƯ",
              "Căn cứ Nghị định số 120/2016/NĐ-CP;", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "**MINISTRY OF FINANCE OF VIETNAM**", *motto,
              "*Pursuant to the Government’s Decree No. 120/2016/ND-CP;*")
    start, end = document_bounds(lines)
    assert (start, lines[end].text) == (0, motto[0])


def test_the_portals_caption_above_its_trailer_is_not_the_document():
    # 2530/QĐ-TTg and 624/TB-VPCP as a legal portal prints them: a caption of the document (its
    # type, symbol and subject) stands above "Văn bản này chưa cập nhật nội dung Tiếng Anh"
    lines = L(*PORTAL[6:13], "1. Sở Nội vụ chủ trì thực hiện.",
              "Quyết định 2530/QĐ-TTg năm 2025 phê duyệt Kế hoạch hành động quốc gia do Thủ tướng Chính phủ ban hành",
              "Văn bản này chưa cập nhật nội dung Tiếng Anh")
    start, end = document_bounds(lines)
    assert lines[end - 1].text == "1. Sở Nội vụ chủ trì thực hiện."


def test_text_without_a_motto_is_kept_whole():
    lines = L("Kế hoạch thực hiện dân chủ ở cơ sở", "1. Sở Nội vụ chủ trì")
    assert document_bounds(lines) == (0, 2)


def test_a_table_whose_rows_a_pdf_parted_with_blank_lines_is_one_table():
    rows = ["| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |", "", "|---|---|---|---|---|", "",
            "| 1 | Tổ chức tuyên truyền. | Sở Tư pháp | Sở Nội vụ | Thường xuyên |", "", "| 2 | Rà soát quy chế. | Sở Nội vụ | | Hằng năm |",
            "", "| a | b |"]
    text = [line.text for line in tables([Line(t, (i + 1,)) for i, t in enumerate(rows)])]
    assert "Tổ chức tuyên truyền." in " ".join(text) and "Rà soát quy chế." in " ".join(text)
    assert sum("Sở Tư pháp" in t for t in text) == 1 and not any(t.startswith("| 1 |") or t.startswith("| 2 |") for t in text)
    # a row of another width after the blank line is another table, not a row of this one
    assert not any(t.startswith("| a |") for t in text) and "a" in text


@pytest.mark.parametrize(
    "line,expected",
    [
        # an item's lead, partners and time in a bracket after its text (a probe of issue 22's
        # task shapes): its attribute lines, as a plan that writes them under the item
        ("1. Tổ chức quán triệt Chỉ thị (Cơ quan chủ trì: Sở Nội vụ; cơ quan phối hợp: Báo Lâm Đồng; thời gian: Quý IV/2025).",
         ["1. Tổ chức quán triệt Chỉ thị.", "- Cơ quan thực hiện: Sở Nội vụ", "- Cơ quan phối hợp: Báo Lâm Đồng", "- Thời gian thực hiện: Quý IV/2025"]),
        ("- Rà soát quy chế dân chủ (chủ trì: các sở, ban, ngành; phối hợp: Sở Nội vụ; hoàn thành trong năm 2026)",
         ["- Rà soát quy chế dân chủ.", "+ Cơ quan thực hiện: các sở, ban, ngành", "+ Cơ quan phối hợp: Sở Nội vụ", "+ Thời gian thực hiện: hoàn thành trong năm 2026"]),
        ("4. Đẩy mạnh chuyển đổi số [Sở Khoa học và Công nghệ chủ trì; Văn phòng UBND tỉnh phối hợp; năm 2026].",
         ["4. Đẩy mạnh chuyển đổi số.", "- Cơ quan thực hiện: Sở Khoa học và Công nghệ", "- Cơ quan phối hợp: Văn phòng UBND tỉnh", "- Thời gian thực hiện: năm 2026"]),
        # brackets that name no lead or partner are the text's own (originals 19a0dba8…, corpus 001c610b…)
        ("- Bộ Công an (để phối hợp);", ["- Bộ Công an (để phối hợp);"]),
        ("1. Sở Tài chính (cơ quan chủ trì)", ["1. Sở Tài chính (cơ quan chủ trì)"]),
        ("Tổ chức hội nghị tập huấn (thời gian: Quý IV/2025).", ["Tổ chức hội nghị tập huấn (thời gian: Quý IV/2025)."]),
        # the same labelled parts after the item's sentence, without a bracket — and the bodies a
        # value marks with their roles (issue 22's sentence probes of session 75)
        ("2. Kiểm tra việc thực hiện quy chế dân chủ tại các cơ sở y tế. Cơ quan chủ trì: Sở Y tế; cơ quan phối hợp: Sở Tài chính, UBND các xã.",
         ["2. Kiểm tra việc thực hiện quy chế dân chủ tại các cơ sở y tế.", "- Cơ quan thực hiện: Sở Y tế", "- Cơ quan phối hợp: Sở Tài chính, UBND các xã"]),
        ("1. Tổ chức tập huấn Luật Thực hiện dân chủ ở cơ sở. Trách nhiệm thực hiện: Sở Tư pháp (chủ trì), Sở Nội vụ (phối hợp).",
         ["1. Tổ chức tập huấn Luật Thực hiện dân chủ ở cơ sở.", "- Cơ quan thực hiện: Sở Tư pháp", "- Cơ quan phối hợp: Sở Nội vụ"]),
        ("- Trách nhiệm thực hiện: Sở Tư pháp (chủ trì), Sở Nội vụ, Công an tỉnh (phối hợp).",
         ["- Cơ quan thực hiện: Sở Tư pháp", "- Cơ quan phối hợp: Sở Nội vụ, Công an tỉnh"]),
        # … but a line of labelled parts alone stands as it is written (probes' vks_tinh_15_qd), and
        # a value without role marks is one attribute
        ("Đơn vị chủ trì: Văn phòng. Đơn vị phối hợp: Công đoàn cơ sở.", ["Đơn vị chủ trì: Văn phòng. Đơn vị phối hợp: Công đoàn cơ sở."]),
        ("- Trách nhiệm thực hiện: Sở Tư pháp, Sở Nội vụ.", ["- Trách nhiệm thực hiện: Sở Tư pháp, Sở Nội vụ."]),
    ],
)
def test_attributes_in_a_bracket_after_an_item_are_its_attribute_lines(line, expected):
    from ingest.layout import bracketed_attributes

    assert [l.text for l in bracketed_attributes([Line(line, (1,))])] == expected


def test_a_lead_column_whose_cell_marks_the_lead_names_the_partners_too():
    # "Đơn vị thực hiện" over cells that mark who leads (a probe of issue 22's task tables)
    lines = L("| TT | Nhiệm vụ | Đơn vị thực hiện | Thời gian |", "|---|---|---|---|",
              "| 1 | Tuyên truyền Luật | Sở Văn hóa, Thể thao và Du lịch (chủ trì); Sở Tư pháp, Báo Gia Lai | Quý I/2026 |",
              "| 2 | Kiểm tra thực hiện | Sở Nội vụ chủ trì, phối hợp Thanh tra tỉnh | Quý III/2026 |")
    rendered = [l.text for l in render(text_blocks([l.text for l in lines]))]
    assert "+ Cơ quan thực hiện: Sở Văn hóa, Thể thao và Du lịch" in rendered and "+ Cơ quan phối hợp: Sở Tư pháp, Báo Gia Lai" in rendered
    assert "+ Cơ quan thực hiện: Sở Nội vụ" in rendered and "+ Cơ quan phối hợp: Thanh tra tỉnh" in rendered


def test_a_cell_a_pdf_table_spans_over_rows_is_read_once():
    # a council resolution's PDF (originals b2c9f0ca…): its closing table holds the signature in
    # one cell that spans every recipient's row; the reader puts that cell in each row
    from ingest.blocks import Cell, Table

    signature = Cell((Line("CHỦ TỊCH", (1,)), Line("Triệu Đình Lê", (1,))))
    rows = tuple((Cell((Line(text, (k,)),)), signature) for k, text in enumerate(["– Chính phủ;", "– Văn phòng Quốc hội;", "– Lưu: VT."], start=2))
    lines = [l.text for l in render([Table(rows, (1,))]) if l.text]
    assert lines.count("Triệu Đình Lê") == 1 and lines.count("– Văn phòng Quốc hội;") == 1


@pytest.mark.parametrize(
    "cell,written",
    [
        # bodies a `<br>` parts in a Markdown table's cell (a probe of issue 22's task tables): the
        # level word that ends a group and the next body's capital ("tỉnh" / "Ủy ban") are no
        # "Tỉnh ủy" cut in two
        ("Các sở, ban, ngành tỉnh<br>Ủy ban nhân dân các xã, phường", "Các sở, ban, ngành tỉnh; Ủy ban nhân dân các xã, phường"),
        # one name a narrow column wrapped is joined as before
        ("Văn phòng<br>Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
    ],
)
def test_bodies_a_line_break_parts_in_a_cell_stay_apart(cell, written):
    from ingest.normalize import normalize

    lines = ["| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |", "|---|---|---|---|---|",
             f"| 1 | Quán triệt các văn bản | Sở Nội vụ | {cell} | Quý I/2026 |"]
    support = [line.text for line in normalize(lines).lines if "phối hợp:" in line.text]
    assert support == [f"+ Cơ quan phối hợp: {written}"]


def test_a_table_that_lists_the_bodies_first_gives_each_its_row_of_work():
    """"Cơ quan, đơn vị | Nhiệm vụ | Thời gian" (a probe of issue 22's task tables): the first
    column names who does each row's work."""
    from ingest.normalize import normalize

    lines = ["| Cơ quan, đơn vị | Nhiệm vụ | Thời gian |", "|---|---|---|",
             "| Sở Nội vụ | Tổng hợp ý kiến, kiến nghị của Nhân dân | Thường xuyên |",
             "| Ủy ban nhân dân các xã, phường | Tổ chức đối thoại ở cấp xã | Quý III/2026 |"]
    leads = [line.text for line in normalize(lines).lines if line.text.startswith("+ Cơ quan")]
    assert leads == ["+ Cơ quan thực hiện: Sở Nội vụ", "+ Cơ quan thực hiện: Ủy ban nhân dân các xã, phường"]


@pytest.mark.parametrize(
    "cell,lead,support",
    [
        # a bracketed mark after each body's name (an HTML plan's one "Cơ quan thực hiện" column,
        # fourteenth batch of probes): the names before "(phối hợp)" after the lead's mark are partners
        ("Sở Nông nghiệp và Môi trường (chủ trì) Ủy ban nhân dân các xã, phường (phối hợp)", "Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân các xã, phường"),
        ("Sở A, Sở B (phối hợp)", "", "Sở A, Sở B"),
        ("Chủ trì: Sở Y tế; Phối hợp: Sở Nội vụ", "Sở Y tế", "Sở Nội vụ"),
        ("Sở Văn hóa, Thể thao và Du lịch (chủ trì); Sở Tư pháp", "Sở Văn hóa, Thể thao và Du lịch", "Sở Tư pháp"),
    ],
)
def test_a_cell_that_marks_each_bodys_role(cell, lead, support):
    from ingest.layout import _split_roles

    assert _split_roles(cell) == (lead, support)


def test_a_bodys_cell_left_empty_under_it_goes_on_with_it():
    """"Đơn vị | Nhiệm vụ được giao | Thời gian", a body's second row with its cell empty (a
    merged cell a portal wrote as empty ones; eleventh batch of probes): the row is the body's."""
    from ingest.normalize import normalize

    lines = ["| Đơn vị | Nhiệm vụ được giao | Thời gian |", "|---|---|---|",
             "| Sở Nội vụ | Tham mưu tổng kết thi hành Luật Thực hiện dân chủ ở cơ sở | Quý III/2026 |",
             "|  | Hướng dẫn các xã, phường xây dựng quy chế | Quý I/2026 |",
             "| Sở Tài chính | Bố trí kinh phí thực hiện Kế hoạch | Quý I/2026 |"]
    leads = [line.text for line in normalize(lines).lines if line.text.startswith("+ Cơ quan")]
    assert leads == ["+ Cơ quan thực hiện: Sở Nội vụ"] * 2 + ["+ Cơ quan thực hiện: Sở Tài chính"]


def test_a_header_and_signature_whose_cells_a_converter_flattened_are_read_line_by_line(tmp_path):
    """A portal's Markdown that writes each header cell on one line — a parent, a bold body and
    the rule under it; the motto's two bold lines; the dateline in italics — and the signature
    table the same way (a probe of issue 22's department plans): each emphasis span and rule
    was a line of its own, so the issuer, place and date are read, the signer named, and a
    flattened recipients list parted."""
    from ingest.pipeline import extract

    text = "\\n".join([
        "| UBND TỈNH QUẢNG NGÃI **SỞ GIÁO DỤC VÀ ĐÀO TẠO** -------- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** **Độc lập - Tự do - Hạnh phúc** --------------- |",
        "|---|---|", "| Số: 88/KH-SGDĐT | *Quảng Ngãi, ngày 12 tháng 02 năm 2026* |", "", "**KẾ HOẠCH**", "",
        "**Thực hiện dân chủ trong các cơ sở giáo dục năm 2026**", "", "**I. TỔ CHỨC THỰC HIỆN**", "",
        "1. Văn phòng Sở tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 05/12/2026.", "",
        "|  |  |", "|---|---|",
        "| ***Nơi nhận:*** - UBND tỉnh (b/c); - Sở Nội vụ; - Lưu: VT, VP. | **KT. GIÁM ĐỐC** **PHÓ GIÁM ĐỐC** **Lê Văn Hùng** |",
    ])
    path = tmp_path / "so.md"
    path.write_text(text, encoding="utf-8")
    doc = extract(path).document
    assert (doc.issuer, doc.place, doc.date) == ("Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi", "Quảng Ngãi", "2026-02-12")
    assert (doc.signer["name"], doc.signer["position"]) == ("Lê Văn Hùng", "Phó Giám đốc")
    assert doc.recipients == ["UBND tỉnh (b/c)", "Sở Nội vụ", "Lưu: VT, VP"]


@pytest.mark.parametrize("legend", [True, False], ids=["under a legend", "no legend"])
def test_a_slash_in_an_items_bracket_parts_the_roles_a_legend_names(legend):
    """"(Cơ quan chủ trì/cơ quan phối hợp ghi tại cuối mỗi nhiệm vụ)" says how the brackets after
    the items name the roles (probes' tinh_kh_cheo): the lead before the slash, the partners after
    it, a bracket with no slash the lead; with no legend a slash says nothing of roles."""
    from ingest.layout import bracketed_attributes

    lines = ["(Cơ quan chủ trì/cơ quan phối hợp ghi tại cuối mỗi nhiệm vụ)"] if legend else []
    lines += ["4. Kiểm tra việc thực hiện dân chủ. (Sở Nội vụ/Thanh tra tỉnh, Liên đoàn Lao động tỉnh)", "5. Sơ kết việc thực hiện. (Sở Nội vụ)"]
    out = [l.text for l in bracketed_attributes([Line(t, (k,)) for k, t in enumerate(lines, start=1)])]
    if legend:
        assert out[1:] == ["4. Kiểm tra việc thực hiện dân chủ.", "- Cơ quan thực hiện: Sở Nội vụ", "- Cơ quan phối hợp: Thanh tra tỉnh, Liên đoàn Lao động tỉnh",
                           "5. Sơ kết việc thực hiện.", "- Cơ quan thực hiện: Sở Nội vụ"]
    else:
        assert out == lines


# A commune decision's PDF text as PDFium gives it (real/originals 9f905d57…, Chrome's viewer and
# PyMuPDF give the same): the content stream's order, in which Word wrote the header table after
# the first page's text.
STREAM_ORDER = ["1", "QUYẾT ĐỊNH", "V/v phân công nhiệm vụ đối với Công chức Văn phòng-Thống kê", "CHỦ TỊCH UBND THỊ TRẤN NGÃI GIAO",
                "Căn cứ Nghị định số 33/2023/NĐ-CP ngày 10/6/2023 của Chính Phủ quy định về cán bộ, công chức cấp xã;", "QUYẾT ĐỊNH:",
                "Điều 1: Phân công nhiệm vụ cụ thể đối với Công chức Văn phòng - Thống kê:",
                "ỦY BAN NHÂN DÂN", "THỊ TRẤN NGÃI GIAO", "Số: /QĐ-UBND", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                " Ngãi Giao, ngày 29 tháng 3 năm 2024", "2", "- Thực hiện công tác lưu trữ."]


def test_a_header_block_written_after_the_first_pages_text_is_put_first():
    lines = [Line(t, (i,)) for i, t in enumerate(STREAM_ORDER, start=1)]
    kept = [line.text for line in trim_portal(lines)]
    assert kept[:6] == STREAM_ORDER[7:13]  # the header block, then the text the stream gave before it
    assert kept[6:13] == STREAM_ORDER[:7] and kept[-1] == "- Thực hiện công tác lưu trữ."


def test_a_portals_menu_before_the_header_is_still_cut():
    menu = ["Trang chủ", "Văn bản", "Quyết định", "Tìm kiếm văn bản"]
    lines = [Line(t, (i,)) for i, t in enumerate(menu + STREAM_ORDER[7:], start=1)]
    assert [line.text for line in trim_portal(lines)][0] == "ỦY BAN NHÂN DÂN"
