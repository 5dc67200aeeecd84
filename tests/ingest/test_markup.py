"""The text reader meets the layouts other tools leave in text files; each gives the same header
and the same tasks. Inputs are real lines (headers of real plans, decrees and letters), laid out
as those tools lay them out."""
from __future__ import annotations

import pytest

from ingest.blocks import Table
from ingest.jurisdiction import determine
from ingest.markup import text_blocks
from ingest.normalize import normalize
from ingest.structure import parse
from ingest.tables import is_task_header


def header(lines: list[str]) -> dict[str, object]:
    doc = parse(normalize(lines))
    where = determine(doc)
    h = doc.header
    return {"genre": h.genre, "symbol": h.symbol, "number": h.number, "date": h.date, "place": where.place, "issuer": where.issuer}


BODY = ["", "I. NHIỆM VỤ", "1. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp tổ chức tuyên truyền."]

TUYEN_QUANG = {"genre": "Quyết định", "symbol": "12/2026/QĐ-UBND", "number": "12", "date": "2026-03-05", "place": "Tuyên Quang", "issuer": "Ủy ban nhân dân tỉnh Tuyên Quang"}


@pytest.mark.parametrize(
    "layout,lines",
    [
        (
            # pdftotext -layout: the two header columns side by side
            "columns of spaces",
            [
                "      ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "      TỈNH TUYÊN QUANG                      Độc lập - Tự do - Hạnh phúc",
                "",
                "   Số: 12 /2026/QĐ-UBND              Tuyên Quang, ngày 05 tháng 3 năm 2026",
                "",
                "                                   QUYẾT ĐỊNH",
                "                     Về việc ban hành Kế hoạch chuyển đổi số",
            ],
        ),
        (
            # a plain-text copy: table rows as tab-separated lines
            "tab rows",
            [
                "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "TỈNH TUYÊN QUANG\tĐộc lập - Tự do - Hạnh phúc",
                "Số: 12/2026/QĐ-UBND\tTuyên Quang, ngày 05 tháng 3 năm 2026",
                "",
                "QUYẾT ĐỊNH",
                "Về việc ban hành Kế hoạch chuyển đổi số",
            ],
        ),
        (
            # HTML kept inside Markdown by a portal
            "inline HTML",
            [
                "<table><tr><td><b>ỦY BAN NHÂN DÂN</b><br>TỈNH TUYÊN QUANG</td><td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>Độc lập - Tự do - Hạnh phúc</td></tr>",
                "<tr><td>Số: 12/2026/QĐ-UBND</td><td><i>Tuyên Quang, ngày 05 tháng 3 năm 2026</i></td></tr></table>",
                '<p align="center"><b>QUYẾT ĐỊNH</b></p>',
                "<p>Về việc ban hành Kế hoạch chuyển đổi số</p>",
            ],
        ),
        (
            # a DOCX conversion that joins a row's cells with " | "
            "cells joined by pipes",
            [
                "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "TỈNH TUYÊN QUANG | Độc lập - Tự do - Hạnh phúc",
                "Số: 12/2026/QĐ-UBND | Tuyên Quang, ngày 05 tháng 3 năm 2026",
                "",
                "**QUYẾT ĐỊNH**",
                "Về việc ban hành Kế hoạch chuyển đổi số",
            ],
        ),
        (
            # a PDF whose reader gives the issuer and the motto one under the other, then `Số:`
            # beside the place and date with its number wrapped under it by the narrow column, and
            # the rules under issuer and motto as dashes beside each other
            "number wrapped under Số",
            [
                "**ỦY BAN NHÂN DÂN**",
                "TỈNH TUYÊN QUANG",
                "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**",
                "Độc lập - Tự do - Hạnh phúc",
                "",
                "                             --------                                            ---------------",
                "                               Số:                                   Tuyên Quang, ngày 05 tháng 3 năm 2026",
                "                         12/2026/QĐ-UBND",
                "",
                "                                   QUYẾT ĐỊNH",
                "                     Về việc ban hành Kế hoạch chuyển đổi số",
            ],
        ),
        (
            # the rule under the motto beside the number, the place and date on the next line
            "a rule beside the number",
            [
                "**ỦY BAN NHÂN DÂN**",
                "TỈNH TUYÊN QUANG",
                "-------",
                "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**",
                "Độc lập - Tự do - Hạnh phúc",
                "",
                "                         Số: 12/2026/QĐ-UBND                                          ---------------",
                "                                                                     Tuyên Quang, ngày 05 tháng 3 năm 2026",
                "",
                "                                   QUYẾT ĐỊNH",
                "                     Về việc ban hành Kế hoạch chuyển đổi số",
            ],
        ),
        (
            # pypdf and pdfplumber: the two columns joined line by line with one space, a rule
            # line between, the issuer's parent above in capitals
            "columns joined by one space",
            [
                "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "TỈNH TUYÊN QUANG Độc lập - Tự do - Hạnh phúc",
                "------- ---------------",
                "Số: 12/2026/QĐ-UBND Tuyên Quang, ngày 05 tháng 3 năm 2026",
                "QUYẾT ĐỊNH",
                "Về việc ban hành Kế hoạch chuyển đổi số",
            ],
        ),
    ],
)
def test_the_header_reads_the_same_in_every_layout(layout, lines):
    assert header(lines + BODY) == TUYEN_QUANG, layout


def test_a_portal_row_with_glued_cells_and_rules():
    # a national decree as one portal saves it: cells glued to their rules and to the motto
    lines = ["CHÍNH PHỦ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc--------------- |",
             "Số: 158/2025/NĐ-CP | Hà Nội, ngày 29 tháng 6 năm 2025 |", "|", "", "**NGHỊ ĐỊNH**", "", "**Quy định chi tiết một số điều của Luật Bảo hiểm xã hội**"]
    got = header(lines + BODY)
    assert (got["issuer"], got["symbol"], got["date"], got["genre"]) == ("Chính phủ", "158/2025/NĐ-CP", "2025-06-29", "Nghị định")


def test_pipes_inside_a_portal_cell_part_it():
    lines = ["|", "|", "Độc lập - Tự do - Hạnh phúc |", "| Số: 05/2025/TT-BGDĐT |", "|", "", "**THÔNG TƯ****Quy định chế độ làm việc đối với giáo viên phổ thông**"]
    got = header(lines + BODY)
    assert (got["symbol"], got["genre"]) == ("05/2025/TT-BGDĐT", "Thông tư")


def test_a_title_glued_to_its_type_heading():
    doc = parse(normalize(["Số: 09/2025/NĐ-CP", "", "**NGHỊ ĐỊNH**Quy định về chính sách hỗ trợ sản xuất nông nghiệp", *BODY]))
    assert doc.header.genre == "Nghị định" and doc.header.title.startswith("Quy định về chính sách")


def test_a_task_table_in_columns_of_spaces():
    # a page of pdftotext -layout: the header of the table on two lines, cells wrapped in their column
    lines = [
        "STT    Nội dung nhiệm vụ           Cơ quan chủ    Cơ quan phối   Thời gian",
        "                                   trì            hợp            thực hiện",
        "",
        "1      Tuyên truyền Luật Thực      Sở Tư pháp     Sở Nội vụ;     Thường xuyên",
        "       hiện dân chủ ở cơ sở                       Công an tỉnh",
        "",
        "2      Rà soát quy chế dân chủ     Sở Nội vụ      Các sở, ban,   Quý I/2026",
        "       của các cơ quan                            ngành",
        "",
        "Các cơ quan, đơn vị triển khai thực hiện nghiêm túc.",
    ]
    rows = _one_table_rows(lines)
    assert rows[0] == ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
    assert rows[1] == ["1", "Tuyên truyền Luật Thực hiện dân chủ ở cơ sở", "Sở Tư pháp", "Sở Nội vụ; Công an tỉnh", "Thường xuyên"]
    assert rows[2][2:4] == ["Sở Nội vụ", "Các sở, ban, ngành"]


def test_a_task_table_whose_narrow_columns_wrap_the_header_over_many_lines():
    # a Hồ Chí Minh City plan's appendix (corpus 001c610b…) as pdftotext -layout gives a table of
    # seven narrow columns: "Cơ" / "quan" / "chủ" / "trì" takes four lines, "hoàn thành" six
    lines = [
        "STT    Nhiệm vụ        Cơ       Cơ       Thời     Kết      Nguồn",
        "                       quan     quan     gian     quả dự   kinh",
        "                       chủ      phối     dự       kiến     phí",
        "                       trì      hợp      kiến",
        "                                         hoàn",
        "                                         thành",
        "",
        "1      Phối hợp rà     Sở Tài   Sở Nội   Quý IV   Báo cáo  Chi",
        "       soát quy chế    chính    vụ       /2025             thường",
        "                                                           xuyên",
        "",
    ]
    rows = _one_table_rows(lines)
    assert rows[0][:4] == ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"]
    assert rows[1][:4] == ["1", "Phối hợp rà soát quy chế", "Sở Tài chính", "Sở Nội vụ"]


def _one_table_rows(lines: list[str]) -> list[list[str]]:
    """The cells of the one table the text reader finds in these lines."""
    tables = [b for b in text_blocks(lines) if isinstance(b, Table)]
    assert len(tables) == 1
    return [[c.text for c in row] for row in tables[0].rows]


def test_recipients_and_signature_side_by_side_are_the_two_cells_of_one_block():
    # a Government Office dispatch as its PDF sets the closing (tests/data/real/originals
    # 19a0dba8…): a recipient longer than its column runs under the empty signature space; the
    # signer's name stands beside the last recipient; the paragraph after a blank line is body
    lines = [
        "            Nơi nhận :                         **KT. BỘ TRƯỞNG, CHỦ NHIỆM**",
        "            - Như trên;                             **PHÓ CHỦ NHIỆM**",
        "            - Thủ tướng CP Phạm Minh Chính (để b/c);",
        "            - Bộ Công an (để phối hợp);",
        "",
        "            - Lưu: VT, TH(2). H                      **Đỗ Ngọc Huỳnh**",
        "",
        "                    Số điện thoại liên hệ tài liệu, nội dung Hội nghị: 0902231985.",
    ]
    blocks = text_blocks(lines)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    left, right = ([l.text for l in c.lines] for c in tables[0].rows[0])
    assert left == ["Nơi nhận :", "- Như trên;", "- Thủ tướng CP Phạm Minh Chính (để b/c);", "- Bộ Công an (để phối hợp);", "- Lưu: VT, TH(2). H"]
    assert right == ["**KT. BỘ TRƯỞNG, CHỦ NHIỆM**", "**PHÓ CHỦ NHIỆM**", "**Đỗ Ngọc Huỳnh**"]
    assert any(getattr(b, "text", "").strip().startswith("Số điện thoại") for b in blocks)


def _post_beside_the_recipients(post: str) -> tuple[list[str], list[str], list[str]]:
    lines = [f"Nơi nhận:                                  {post}", "- Như Điều 3;", "- Sở Nội vụ (b/c);",
             "- Lưu: VT, HCTH.                           Trần Thị Hoa"]
    return lines, ["Nơi nhận:", "- Như Điều 3;", "- Sở Nội vụ (b/c);", "- Lưu: VT, HCTH."], [post, "Trần Thị Hoa"]


@pytest.mark.parametrize(
    "lines,left,right",
    [
        # a head who signs in their own name (a district chairman's decision, originals
        # 9f905d57…; a centre's director): no "TM."/"KT." before the post beside the label
        *(_post_beside_the_recipients(post) for post in ("GIÁM ĐỐC", "CHỦ TỊCH", "HIỆU TRƯỞNG")),
        # a joint programme's closing (a probe of issue 22's joint issuers): two signatures side
        # by side, each column down to its signer's name, not the two names read as one
        (["TM. BAN THƯỜNG TRỰC                         TM. ỦY BAN NHÂN DÂN", "ỦY BAN MTTQ VIỆT NAM PHƯỜNG                       CHỦ TỊCH",
          "CHỦ TỊCH", "", "Lê Thị Thu                                       Võ Văn Hòa"],
         ["TM. BAN THƯỜNG TRỰC", "ỦY BAN MTTQ VIỆT NAM PHƯỜNG", "CHỦ TỊCH", "Lê Thị Thu"], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Võ Văn Hòa"]),
    ],
)
def test_a_signature_set_beside_another_column_is_that_columns_cell(lines, left, right):
    tables = [b for b in text_blocks(lines) if isinstance(b, Table)]
    assert len(tables) == 1
    assert [[l.text for l in c.lines] for c in tables[0].rows[0]] == [left, right]


def test_recipients_whose_label_a_cell_lost_stand_beside_the_signature_all_the_same():
    # a Standing Committee resolution whose portal copy lost "Nơi nhận:" (corpus 284dd97b…), set
    # in a PDF: the first recipients beside the signing formula; the signature does not run into
    # the recipients and the recipients do not become an item of the last article
    lines = [
        "3. Hội đồng Dân tộc, các Ủy ban của Quốc hội giám sát việc thực hiện Nghị quyết này.",
        "- Chính phủ; - Ban Tổ chức Trung ương; - Ủy ban TW Mặt       TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI",
        "trận Tổ quốc Việt Nam; - Kiểm toán nhà nước; - Các Bộ,                 CHỦ TỊCH",
        "cơ quan ngang Bộ, cơ quan thuộc CP; - Lưu: HC, PLTP.",
    ]
    tables = [b for b in text_blocks(lines) if isinstance(b, Table)]
    assert len(tables) == 1
    left, right = ([l.text for l in c.lines] for c in tables[0].rows[0])
    assert left[0] == "- Chính phủ; - Ban Tổ chức Trung ương; - Ủy ban TW Mặt" and left[-1].endswith("- Lưu: HC, PLTP.")
    assert right == ["TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI", "CHỦ TỊCH"]


def test_a_task_table_in_tab_rows_gives_tasks_with_their_roles():
    lines = ["KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở", "", "I. NHIỆM VỤ CỤ THỂ",
             "STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp",
             "1\tTuyên truyền Luật Thực hiện dân chủ ở cơ sở\tSở Tư pháp\tSở Nội vụ",
             "2\tRà soát quy chế dân chủ\tSở Nội vụ\tCác sở, ban, ngành"]
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH VĨNH LONG", "Số: 5/KH-UBND", "Vĩnh Long, ngày 01 tháng 3 năm 2026", ""] + lines
    from ingest.agencies import Lexicon
    from ingest.tasks import extract_tasks

    doc = parse(normalize(lines))
    tasks = {t.path: t for t, _ in extract_tasks(doc, Lexicon({})).tasks}
    assert (tasks["I.1"].lead, tasks["I.1"].support) == (["Sở Tư pháp"], ["Sở Nội vụ"])
    assert tasks["I.2"].lead == ["Sở Nội vụ"]


# a portal's page without blank lines (a notice of the Government Office, 624/TB-VPCP): the
# signature table, the appendix's title and two task tables, each under its own header, make
# one run of cells between lone `|` lines
_SIGNATURE_THEN_TWO_TABLES = [
    "|", "Nơi nhận:", "- Lưu: VT, KSTT (2).", "|", "**KT. BỘ TRƯỞNG, CHỦ NHIỆM**", "Phạm Mạnh Cường", "|",
    "**PHỤ LỤC I**", "TỔNG HỢP CÁC NHIỆM VỤ CHẬM MUỘN", "*(Kèm theo Thông báo kết luận số 624/TB-VPCP ngày 16 tháng 11 năm 2025)*",
    "**1. Các nhiệm vụ về khoa học, công nghệ quá hạn chưa hoàn thành**",
    "|", "**STT**", "|", "**Nhiệm vụ**", "|", "**Văn bản giao nhiệm vụ**", "|", "**Cơ quan chủ trì thực hiện**", "|", "**Thời hạn hoàn thành**", "|",
    "|", "1.", "|", "Rà soát các quy định pháp luật để tháo gỡ kịp thời các điểm nghẽn", "|", "Nghị quyết số 71/NQ-CP", "|", "Các bộ, ngành", "|", "30/06/2025", "|",
    "|", "2.", "|", "Xây dựng Luật sửa đổi, bổ sung Luật Quản lý thuế", "|", "Nghị quyết số 71/NQ-CP", "|", "Bộ Tài chính", "|", "31/05/2025", "|",
    "**2. Các nhiệm vụ về chuyển đổi số quá hạn chưa hoàn thành**",
    "|", "**STT**", "|", "**Nhiệm vụ**", "|", "**Văn bản giao nhiệm vụ**", "|", "**Cơ quan chủ trì thực hiện**", "|", "**Thời hạn hoàn thành**", "|",
    "|", "1.", "|", "Nghiên cứu, báo cáo đề xuất Chính phủ ban hành cơ sở pháp lý về nền tảng định danh", "|", "Nghị quyết số 71/NQ-CP", "|", "Bộ Công an", "|", "30/09/2025", "|",
]


def test_task_tables_inside_one_run_with_the_signature_are_read_as_tables():
    tables = [b for b in text_blocks(_SIGNATURE_THEN_TWO_TABLES) if isinstance(b, Table)]
    task_tables = [[[c.text for c in row] for row in t.rows] for t in tables if t.rows and t.rows[0][0].text == "STT"]
    assert [len(t) for t in task_tables] == [3, 2]
    assert task_tables[0][2] == ["2", "Xây dựng Luật sửa đổi, bổ sung Luật Quản lý thuế", "Nghị quyết số 71/NQ-CP", "Bộ Tài chính", "31/05/2025"]
    assert task_tables[1][1][3] == "Bộ Công an"


def test_the_title_between_two_tables_stays_a_heading_and_the_tasks_get_their_leads():
    from ingest.agencies import Lexicon
    from ingest.tasks import extract_tasks

    head = ["VĂN PHÒNG CHÍNH PHỦ", "Số: 624/TB-VPCP", "Hà Nội, ngày 16 tháng 11 năm 2025", "", "THÔNG BÁO", "Kết luận của Ban Chỉ đạo", "",
            "1. Các bộ, ngành khẩn trương hoàn thành các nhiệm vụ quá hạn."]
    doc = parse(normalize(head + _SIGNATURE_THEN_TWO_TABLES))
    assert [a.label for a in doc.attachments] == ["PLI"]
    tasks = {t.path: t for t, _ in extract_tasks(doc, Lexicon({})).tasks}
    assert tasks["PLI.1.2"].lead == ["Bộ Tài chính"]
    assert tasks["PLI.2.1"].lead == ["Bộ Công an"]
    assert "PLI.1.3" not in tasks  # the second table's title is not a row of the first


def test_an_appendix_without_a_list_ends_at_the_next_appendix():
    # 2629/QĐ-TTg: Phụ lục I is a table of figures (no list), Phụ lục II the task table; the first
    # appendix's body must not run on into the second
    lines = ["THỦ TƯỚNG CHÍNH PHỦ", "Số: 2629/QĐ-TTg", "Hà Nội, ngày 01 tháng 12 năm 2025", "", "QUYẾT ĐỊNH", "Phê duyệt Chương trình phát triển Chính phủ số", "",
             "QUYẾT ĐỊNH:", "Điều 1. Phê duyệt Chương trình.", "", "**KT. THỦ TƯỚNG**", "**PHÓ THỦ TƯỚNG**", "",
             "**PHỤ LỤC I**", "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ", "", "|", "**TT**", "|", "**Chỉ tiêu**", "|", "**Đơn vị**", "|", "**Kết quả**", "|",
             "|", "1", "|", "Tỉ lệ dịch vụ công trực tuyến toàn trình", "|", "%", "|", "100%", "|", "",
             "**PHỤ LỤC II**", "DANH MỤC CÁC NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", "",
             "1. Xây dựng Luật An ninh dữ liệu.", "- Cơ quan chủ trì: Bộ Công an"]
    doc = parse(normalize(lines))
    assert [a.label for a in doc.attachments] == ["PLI", "PLII"]
    assert doc.attachments[0].sections == []
    assert doc.attachments[1].sections[0].text == "Xây dựng Luật An ninh dữ liệu."


def _appendix_tasks(table: list[str]) -> dict[str, object]:
    from ingest.agencies import Lexicon
    from ingest.tasks import extract_tasks

    head = ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG NAI", "Số: 179/KH-UBND", "Đồng Nai, ngày 18 tháng 11 năm 2025", "", "KẾ HOẠCH",
            "Phát triển kinh tế số và xã hội số", "", "I. NHIỆM VỤ", "1. Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục.", "",
            "**KT. CHỦ TỊCH**", "**PHÓ CHỦ TỊCH**", "", "**PHỤ LỤC**", "DANH MỤC CÁC NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", ""]
    doc = parse(normalize(head + table))
    found = [t for t, _ in extract_tasks(doc, Lexicon({})).tasks]
    paths = [t.path for t in found]
    assert len(paths) == len(set(paths)), "every task has a path of its own"
    return {t.path: t for t in found}


def test_group_rows_a_b_c_over_roman_rows_give_every_task_its_own_path():
    # 179/KH-UBND Đồng Nai: groups A, B, C over groups I, II over rows 1.1, 1.2; "C" is the letter
    # after "B", not the roman hundred
    def row(number: str, text: str, lead: str) -> list[str]:
        return ["|", number, "|", text, "|", lead, "|", "Các sở, ban, ngành", "|", "2026 - 2030", "|"]

    def group(label: str, text: str) -> list[str]:
        return ["|", f"**{label}**", "|", f"**{text}**", "|"]

    table = ["|", "**STT**", "|", "**Nhiệm vụ, giải pháp**", "|", "**Đơn vị thực hiện**", "|", "**Đơn vị phối hợp**", "|", "**Thời gian thực hiện**", "|"]
    for part, title in (("A", "PHÁT TRIỂN NỀN MÓNG CHO KINH TẾ SỐ"), ("B", "PHÁT TRIỂN KINH TẾ SỐ NGÀNH"), ("C", "CÁC GIẢI PHÁP PHÁT TRIỂN")):
        table += group(part, title) + group("I", "Hoàn thiện thể chế") + row("1.1", f"Rà soát quy định ({part})", "Sở Tư pháp")
        table += group("II", "Phát triển hạ tầng") + row("2.1", f"Triển khai hạ tầng số ({part})", "Sở Khoa học và Công nghệ")
    tasks = _appendix_tasks(table)
    assert [p for p in tasks if p.startswith("PL")] == [f"PL1.{p}.{r}" for p in "ABC" for r in ("I.1.1", "II.2.1")]
    assert tasks["PL1.C.II.2.1"].lead == ["Sở Khoa học và Công nghệ"]


def test_a_group_row_whose_one_cell_stands_in_the_lead_column_is_a_heading():
    # 2530/QĐ-TTg: "A. | BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" groups the rows of one ministry
    table = ["|", "**STT**", "|", "**Cơ quan chủ trì**", "|", "**Cơ quan phối hợp**", "|", "**Nội dung nhiệm vụ**", "|", "**Thời hạn hoàn thành**", "|"]
    for part, body, lead, task in (("A.", "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Bộ Nông nghiệp và Môi trường", "Hoàn thiện Nghị định về xử lý vi phạm"),
                                   ("B.", "BỘ XÂY DỰNG", "Bộ Xây dựng", "Hoàn thiện quy định về thu gom chất thải xây dựng")):
        table += ["|", f"**{part}**", "|", f"**{body}**", "|", "|", "1", "|", lead, "|", "Bộ Khoa học và Công nghệ", "|", task, "|", "Năm 2026", "|"]
    tasks = _appendix_tasks(table)
    assert tasks["PL1.A.1"].lead == ["Bộ Nông nghiệp và Môi trường"]
    assert tasks["PL1.B.1"].lead == ["Bộ Xây dựng"]
    assert tasks["PL1.B.1"].support == ["Bộ Khoa học và Công nghệ"]


def test_a_group_row_with_an_empty_number_cell_opens_a_row_and_the_portals_trailer_ends_the_table():
    # 624/TB-VPCP as a legal portal prints it (corpus 74e2ddc7…): a group row's number cell is an
    # empty bold mark after the row before ends with empty cells; after the last row the portal's
    # own text and the lone pipes at the end of its page are no cells of that row
    def row(number: str, task: str, lead: str, due: str) -> list[str]:
        return ["|", number, "|", task, "|", lead, "|", due, "|", "|", "|"]

    table = ["|", "**STT**", "|", "**Tên nhiệm vụ**", "|", "**Đơn vị chủ trì**", "|", "**Thời hạn**", "|", "**Kết quả thực hiện**", "|", "**Tiến độ**", "|"]
    table += row("47", "Tổ chức triển khai thực hiện", "UBND 06 thành phố trực thuộc trung ương", "31/12/2025")
    table += ["|", "** **", "|", "**Nhiệm vụ giao Tổng Giám đốc Tập đoàn Điện lực Việt Nam (EVN) chỉ đạo**", "|", "** **", "|", "** **", "|", "** **", "|", "** **", "|"]
    table += ["|", "48", "|", "Chủ trì xây dựng phương án cung cấp điện phù hợp đối với 117 thôn chưa có điện", "|", "EVN", "|", "30/11/2025", "|", "|"]
    table += ["Văn bản này chưa cập nhật nội dung Tiếng Anh", "## Văn bản liên quan", "NỘI DUNG SỬA ĐỔI, HƯỚNG DẪN", "Văn bản bị thay thế",
              "|", "Địa chỉ:", "|", "17 Nguyễn Gia Thiều", "|", "Điện thoại:", "|", "|"]
    rows = [[c.text for c in row] for b in text_blocks(table) if isinstance(b, Table) for row in b.rows]
    assert ["", "Nhiệm vụ giao Tổng Giám đốc Tập đoàn Điện lực Việt Nam (EVN) chỉ đạo"] in rows
    tasks = {path: t for path, t in _appendix_tasks(table).items() if path.startswith("PL")}
    assert tasks["PL1.1"].lead == ["Ủy ban nhân dân các thành phố trực thuộc Trung ương"]
    assert tasks["PL1.2"].lead == ["Tập đoàn Điện lực Việt Nam"]
    assert tasks["PL1.2"].text == "Chủ trì xây dựng phương án cung cấp điện phù hợp đối với 117 thôn chưa có điện"
    assert len(tasks) == 2  # the two rows: nothing of the portal's page


def test_a_row_that_stops_short_takes_the_cells_it_spans_from_the_row_above():
    # a legal portal prints a table cell by cell and leaves out the cells a row spans from the row
    # above (an empty cell keeps its slot): 1383/QĐ-BNV's release calendar (corpus 295bcce4…)
    # names a unit once for the rows below it, and a unit's field may hold a verb's word
    def row(*cells: str) -> list[str]:
        return [x for c in cells for x in (("|", c) if c else ("|",))] + ["|", "|"]

    table = row("**STT**", "**Nội dung**", "**Mức độ hoàn chỉnh**", "**Thời gian phổ biến**", "**Đơn vị chịu trách nhiệm phổ biến**")
    table += row("*1*", "Phổ biến số đơn vị hành chính", "Chính thức", "Tháng 6/2025", "Vụ Chính quyền địa phương")
    table += row("*2*", "Phổ biến số đại biểu Hội đồng nhân dân", "Chính thức")
    table += row("*3*", "Phổ biến số người có công được trợ cấp", "Chính thức", "", "Cục Người có công")
    tasks = {path: t for path, t in _appendix_tasks(table).items() if path.startswith("PL")}
    assert tasks["PL1.1"].lead == ["Vụ Chính quyền địa phương"]
    assert tasks["PL1.2"].lead == ["Vụ Chính quyền địa phương"]  # spanned from the row above
    assert tasks["PL1.2"].text == "Phổ biến số đại biểu Hội đồng nhân dân"
    assert tasks["PL1.3"].lead == ["Cục Người có công"]  # an empty cell is no span; a field's noun, no verb


def test_a_column_of_who_is_responsible_gives_each_row_its_work_whatever_the_work_column_is_called():
    # 1383/QĐ-BNV (corpus 295bcce4…): "Tên thông tin thống kê" names what the unit of "Đơn vị
    # chịu trách nhiệm phổ biến" releases; a list of procedures' "Cơ quan thực hiện" assigns none
    def row(*cells: str) -> list[str]:
        return [x for c in cells for x in ("|", c)] + ["|", "|"]

    calendar = row("**STT**", "**Tên thông tin thống kê**", "**Thời gian phổ biến**", "**Đơn vị chịu trách nhiệm phổ biến**")
    calendar += row("*1*", "Số đơn vị hành chính", "Tháng 6/2025", "Vụ Chính quyền địa phương")
    tasks = {path: t for path, t in _appendix_tasks(calendar).items() if path.startswith("PL")}
    assert tasks["PL1.1"].lead == ["Vụ Chính quyền địa phương"] and tasks["PL1.1"].text == "Số đơn vị hành chính"
    procedures = row("**STT**", "**Tên thủ tục hành chính**", "**Thời hạn giải quyết**", "**Cơ quan thực hiện**")
    procedures += row("1", "Thủ tục cấp giấy chứng nhận đăng ký tổ chức", "10 ngày", "Sở Khoa học và Công nghệ")
    assert not any(path.startswith("PL") for path in _appendix_tasks(procedures))
    # inside a task table a row of a cell "Chủ trì" and a name is data, never the header again
    assert is_task_header(["Tên thông tin", "Thời gian", "Đơn vị chịu trách nhiệm"], opening=True)
    assert not is_task_header(["Tên thông tin", "Thời gian", "Đơn vị chịu trách nhiệm"])


def test_a_line_break_inside_a_markdown_tables_cell_parts_the_bodies_it_lists():
    # a portal's Markdown with HTML inside: "<br>" in a task table's lead cell between two
    # departments was read as the end of the row, the row's other cells lost
    raw = ["| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |", "|---|---|---|---|---|",
           "| 1 | Tuyên truyền Luật Thực hiện dân chủ ở cơ sở | Sở Văn hóa, Thể thao và Du lịch<br>Sở Tư pháp | Báo Gia Lai | Quý I-II/2026 |",
           "| 2 | Tập huấn cho cán bộ cấp xã | Sở Nội vụ | Ủy ban nhân dân các xã, phường | Quý II/2026 |"]
    lines = [line.text for line in normalize(raw).lines]
    assert "- Cơ quan thực hiện: Sở Văn hóa, Thể thao và Du lịch; Sở Tư pháp" in lines or "+ Cơ quan thực hiện: Sở Văn hóa, Thể thao và Du lịch; Sở Tư pháp" in lines
    assert any(line.endswith("Cơ quan phối hợp: Báo Gia Lai") for line in lines)
    # a name a narrow column wrapped stays one name
    from ingest.blocks import Cell
    from ingest.layout import _bodies_text
    from ingest.models import Line

    assert _bodies_text(Cell((Line("Sở Văn hóa, Thể thao và", (1,)), Line("Du lịch", (2,))))) == "Sở Văn hóa, Thể thao và Du lịch"


# a Word table whose cells hold several lines, as pandoc writes it to Markdown (a grid table),
# and the same table as a web page's text dump draws it with box characters (w3m -dump)
_GRID = [
    "+------+--------------------------+----------------+-----------------+",
    "| TT   | Nhiệm vụ                 | Cơ quan chủ    | Cơ quan phối    |",
    "|      |                          | trì            | hợp             |",
    "+======+==========================+================+=================+",
    "| I    | **Tuyên truyền**         |                |                 |",
    "+------+--------------------------+----------------+-----------------+",
    "| 1    | Tuyên truyền Luật Thực   | Sở Văn hóa,    | Sở Nội vụ       |",
    "|      | hiện dân chủ ở cơ sở     | Thể thao và Du |                 |",
    "|      |                          | lịch           | Công an tỉnh    |",
    "+------+--------------------------+----------------+-----------------+",
    "| 2    | Rà soát quy chế dân chủ  | Sở Nội vụ\\     | Các sở, ban,    |",
    "|      | của các cơ quan          | Sở Tư pháp     | ngành           |",
    "+------+--------------------------+----------------+-----------------+",
]
_BOX = [line.replace("+", "┼").replace("-", "─").replace("=", "═").replace("|", "│") for line in _GRID]
# a writer that miscounts a character's width shifts a bar on one line: the bars still part the cells
_SHIFTED = [line.replace("Thực   |", "Thực    |").replace("Sở Văn hóa,    |", "Sở Văn hóa,   |") for line in _GRID]


@pytest.mark.parametrize("lines", [_GRID, _BOX, _SHIFTED], ids=["pandoc grid", "box characters", "a bar shifted"])
def test_a_grid_tables_cells_are_their_wrapped_lines_joined_and_its_paragraphs_kept_apart(lines):
    tables = [b for b in text_blocks(lines) if isinstance(b, Table)]
    assert len(tables) == 1
    rows = tables[0].rows
    assert [c.text for c in rows[0]] == ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"]
    assert [c.text for c in rows[2]] == ["1", "Tuyên truyền Luật Thực hiện dân chủ ở cơ sở", "Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ Công an tỉnh"]
    # a blank line in a cell parts its paragraphs, a backslash ends a line: each body its own line
    assert [l.text for l in rows[2][3].lines] == ["Sở Nội vụ", "Công an tỉnh"]
    assert [l.text for l in rows[3][2].lines] == ["Sở Nội vụ", "Sở Tư pháp"]
    assert rows[2][2].src == (7, 8, 9)


def test_a_grid_tables_rows_give_tasks_with_their_roles():
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH", "Số: 5/KH-UBND", "Hà Tĩnh, ngày 01 tháng 3 năm 2026", "", "KẾ HOẠCH",
             "Thực hiện dân chủ ở cơ sở", "", "I. NHIỆM VỤ CỤ THỂ", ""] + _GRID
    from ingest.agencies import Lexicon
    from ingest.tasks import extract_tasks

    doc = parse(normalize(lines))
    roles = sorted((t.text[:12], t.lead, t.support) for t, _ in extract_tasks(doc, Lexicon({})).tasks)
    assert roles == [("Rà soát quy ", ["Sở Nội vụ", "Sở Tư pháp"], ["Các sở, ban, ngành"]),
                     ("Tuyên truyền", ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Nội vụ", "Công an tỉnh"])]


# a Word table as docx2txt writes it: every cell a line of its own between blank lines, nothing
# marking where a cell or a row ends (a department's plan, probes' so_nv_318_kh_docx2txt)
_CELL_PER_LINE = ["Nội dung và phân công thực hiện theo bảng sau:", "", "TT", "", "Nội dung", "", "Đơn vị chủ trì", "", "Đơn vị phối hợp", "", "Số cuộc", "",
                  "I", "", "Kiểm tra", "",
                  "1", "", "Kiểm tra việc thực hiện quy chế dân chủ tại các cơ quan", "", "Thanh tra Sở", "", "Văn phòng Sở", "", "2", "",
                  "2", "", "Tập huấn nghiệp vụ cho công chức cấp xã", "", "Phòng Xây dựng chính quyền", "", "Phòng Công chức, viên chức", "", "3", "",
                  "III. TỔ CHỨC THỰC HIỆN", "", "1. Văn phòng Sở bảo đảm kinh phí."]


def test_a_table_written_one_cell_per_line_is_read_row_by_row_from_its_numbers():
    blocks = text_blocks(_CELL_PER_LINE)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    rows = [[c.text for c in row] for row in tables[0].rows]
    assert rows[0] == ["TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Số cuộc"]
    # a group row has fewer cells; a cell that holds only a number ("2" of the count) is no row's number
    assert rows[1] == ["I", "Kiểm tra"]
    assert rows[2] == ["1", "Kiểm tra việc thực hiện quy chế dân chủ tại các cơ quan", "Thanh tra Sở", "Văn phòng Sở", "2"]
    assert rows[3][:3] == ["2", "Tập huấn nghiệp vụ cho công chức cấp xã", "Phòng Xây dựng chính quyền"] and len(rows) == 4
    # the table ends after a full row that no number follows: the section after it is text
    assert [b.text for b in blocks if not isinstance(b, Table) and b.text][-2:] == ["III. TỔ CHỨC THỰC HIỆN", "1. Văn phòng Sở bảo đảm kinh phí."]
    # a line "TT" with no header of a task table under it opens none
    assert not any(isinstance(b, Table) for b in text_blocks(["TT", "", "Ghi chú", "", "1", "", "Văn bản"]))


def test_a_sentence_that_names_the_republic_in_the_first_lines_is_no_header_column():
    # the motto is matched in capitals only: a title's "nước Cộng hòa xã hội chủ nghĩa Việt Nam"
    # stays one line
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH TUYÊN QUANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             "Số: 12/KH-UBND", "Tuyên Quang, ngày 05 tháng 3 năm 2026", "KẾ HOẠCH",
             "Tuyên truyền Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2026"]
    assert not any(isinstance(b, Table) for b in text_blocks(lines))
    assert header(lines + BODY)["issuer"] == "Ủy ban nhân dân tỉnh Tuyên Quang"


def test_recipients_and_signature_joined_by_one_space_are_parted_at_the_post_and_the_name():
    # pypdf and pdfplumber join the two cells of the closing line by line (probes' tinh_126_kh_pypdf)
    lines = ["Nơi nhận: TM. ỦY BAN NHÂN DÂN", "- Thường trực Tỉnh ủy; KT. CHỦ TỊCH", "- Các sở, ban, ngành; PHÓ CHỦ TỊCH",
             "- UBND các xã, phường;", "- Lưu: VT, NC. Hoàng Việt Phương", "", "PHỤ LỤC"]
    tables = [b for b in text_blocks(lines) if isinstance(b, Table)]
    assert len(tables) == 1
    left, right = ([l.text for l in c.lines] for c in tables[0].rows[0])
    assert left == ["Nơi nhận:", "- Thường trực Tỉnh ủy;", "- Các sở, ban, ngành;", "- UBND các xã, phường;", "- Lưu: VT, NC."]
    assert right == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Việt Phương"]
    # the recipients' heading alone on its line is left as it is
    assert not any(isinstance(b, Table) for b in text_blocks(["Nơi nhận:", "- Như trên;", "- Lưu: VT."]))


def test_a_docling_tables_repeated_group_row_and_flattened_closing(tmp_path):
    # docling writes a merged group row's text into every column it spans, and a closing cell's
    # lines as one (probes' tinh_88_kh_docling): the group row read as a task took the next
    # row's partners, and the signer's name was lost in "KT. CHỦ TỊCH PHÓ CHỦ TỊCH …"
    from ingest.pipeline import extract

    text = "\n".join([
        "| ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |", "|---|---|",
        "| Số: 88/KH-UBND | Lâm Đồng, ngày 14 tháng 4 năm 2026 |", "", "## KẾ HOẠCH", "", "## Thực hiện dân chủ ở cơ sở năm 2026", "",
        "## II. NHIỆM VỤ CỤ THỂ", "", "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |", "|---|---|---|---|---|",
        "| I | Công tác tuyên truyền | Công tác tuyên truyền | Công tác tuyên truyền | Công tác tuyên truyền |",
        "| 1 | Tuyên truyền về dân chủ ở cơ sở | Sở Văn hóa, Thể thao và Du lịch | Báo và Phát thanh, Truyền hình Lâm Đồng | Quý II/2026 |",
        "| 2 | Hướng dẫn xây dựng hương ước | Sở Văn hóa, Thể thao và Du lịch | Sở Tư pháp | Năm 2026 |", "",
        "| Nơi nhận: - Thường trực Tỉnh ủy; - Lưu: VT, NC. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH <!-- image --> Hồ Văn Mười |", "|---|---|"])
    path = tmp_path / "docling.md"
    path.write_text(text, encoding="utf-8")
    result = extract(path)
    assert [(t.text, result.names(t.lead), result.names(t.support)) for t in result.tasks] == [
        ("Tuyên truyền về dân chủ ở cơ sở", ["Sở Văn hóa, Thể thao và Du lịch"], ["Báo và Phát thanh, Truyền hình Lâm Đồng"]),
        ("Hướng dẫn xây dựng hương ước", ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Tư pháp"])]
    assert (result.document.signer["name"], result.document.signer["position"]) == ("Hồ Văn Mười", "Phó Chủ tịch")
    assert result.document.recipients == ["Thường trực Tỉnh ủy", "Lưu: VT, NC"]


def test_a_markdown_list_nested_by_indentation_gives_each_body_its_duties():
    # a CMS's Markdown (probes' tinh_95_kh_ds_long): each body a "* **…:**" item, its duties
    # indented under it — the duties were read without their body
    from ingest.agencies import Lexicon
    from ingest.tasks import extract_tasks

    lines = ["ỦY BAN NHÂN DÂN", "TỈNH GIA LAI", "Số: 95/KH-UBND", "Gia Lai, ngày 10 tháng 4 năm 2026", "", "KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở", "",
             "II. TỔ CHỨC THỰC HIỆN", "", "* **Sở Nội vụ:**", "  - Chủ trì theo dõi việc thực hiện Kế hoạch.",
             "  - Phối hợp với Sở Tư pháp tập huấn cho cán bộ cấp xã.", "* **Sở Tài chính:** tham mưu bố trí kinh phí."]
    rows = [(t.text[:12], t.lead, t.support) for t, _ in extract_tasks(parse(normalize(lines)), Lexicon({})).tasks]
    assert rows == [("Chủ trì theo", ["Sở Nội vụ"], []), ("Phối hợp với", ["Sở Nội vụ"], ["Sở Tư pháp"]), ("tham mưu bố ", ["Sở Tài chính"], [])]
    # a list whose items stand at one indentation is left as written
    flat = [line.text for line in text_blocks(["- Một;", "- Hai;"])]
    assert flat == ["- Một;", "- Hai;"]


# Pandoc's Markdown of a Word file (`-t markdown`, its default tables), from the Đồng Tháp plan of
# real/8718801c…: a task table whose cells wrap is a multiline table, the header block a headerless
# one, a table of one-line cells a simple table.
PANDOC_MULTILINE = [
    "  ----------------------------------------------------------------------",
    "  STT   Tên nhiệm vụ              Cơ quan   Cơ quan phối   Thời gian",
    "                                  chủ trì   hợp            hoàn thành",
    "  ----  ------------------------  --------  -------------  ------------",
    "  1     Triển khai nền tảng đào   Sở KH&CN  Các sở, ban,   Thường",
    "        tạo trực tuyến mở đại               ngành tỉnh     xuyên",
    "",
    "  2     Triển khai đánh giá mức   Sở Công   UBND các xã,   Quý IV/2025",
    "        độ chuyển đổi số.         Thương    phường",
    "  ----------------------------------------------------------------------",
]
PANDOC_HEADERLESS = [
    "  ---------------  ------------------------------------",
    "  ỦY BAN NHÂN DÂN  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "",
    "  TỈNH ĐỒNG THÁP   Độc lập - Tự do - Hạnh phúc",
    "  ---------------  ------------------------------------",
]
PANDOC_SIMPLE = [
    "  STT   Cơ quan chủ trì   Thời gian",
    "  ----- ----------------- -----------",
    "  1     Sở Tư pháp        Quý I/2026",
    "  2     Sở Nội vụ         Năm 2026",
]


@pytest.mark.parametrize(
    "lines,rows",
    [
        (PANDOC_MULTILINE, [["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
                            ["1", "Triển khai nền tảng đào tạo trực tuyến mở đại", "Sở KH&CN", "Các sở, ban, ngành tỉnh", "Thường xuyên"],
                            ["2", "Triển khai đánh giá mức độ chuyển đổi số.", "Sở Công Thương", "UBND các xã, phường", "Quý IV/2025"]]),
        (PANDOC_HEADERLESS, [["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["TỈNH ĐỒNG THÁP", "Độc lập - Tự do - Hạnh phúc"]]),
        (PANDOC_SIMPLE, [["STT", "Cơ quan chủ trì", "Thời gian"], ["1", "Sở Tư pháp", "Quý I/2026"], ["2", "Sở Nội vụ", "Năm 2026"]]),
    ],
    ids=["multiline", "headerless", "simple"],
)
def test_pandocs_tables_are_read_by_their_columns_dashes(lines, rows):
    tables = [b for b in text_blocks(lines + ["", "Trên đây là Kế hoạch."]) if isinstance(b, Table)]
    assert len(tables) == 1
    assert [[" ".join(line.text for line in cell.lines) for cell in row] for row in tables[0].rows] == rows


@pytest.mark.parametrize(
    "lines,symbol,issuer",
    [
        (["ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "  TỈNH NGHỆ AN                    Độc lập - Tự do - Hạnh phúc",
          "    -------                     ---------------------", "Số: 12/KH-UBND                 Nghệ An, ngày 5 tháng 3 năm 2026"],
         "12/KH-UBND", "Ủy ban nhân dân tỉnh Nghệ An"),
        # a ministry's circular (corpus bcb42057…): the rules start where the columns' text does
        (["    BỘ KHOA HỌC VÀ                                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "    CÔNG NGHỆ                                         Độc lập - Tự do - Hạnh phúc",
          "    -------                                           ---------------",
          "    Số: 34/2025/TT-BKHCN                              Hà Nội, ngày 15 tháng 11 năm 2025"],
         "34/2025/TT-BKHCN", "Bộ Khoa học và Công nghệ"),
    ],
    ids=["rules inside the columns", "rules where the columns start"],
)
def test_a_rule_under_a_headers_two_columns_is_no_table(lines, symbol, issuer):
    """pdftotext's header: the rules under the issuer and the motto on one line between lines of
    text — dashes shorter than the words above and below them mark no columns."""
    doc = parse(normalize(lines + ["", "KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở", "I. TỔ CHỨC THỰC HIỆN", "1. Sở Nội vụ chủ trì thực hiện."]))
    assert (doc.header.symbol, determine(doc).issuer) == (symbol, issuer)


@pytest.mark.parametrize(
    "written,read",
    [
        # a plan as mammoth and markitdown write Word's numbering: every level "1.", nested by indent
        (["1. **MỤC ĐÍCH, YÊU CẦU**", "   1. Mục đích", "      * Nâng cao nhận thức.", "2. **TỔ CHỨC THỰC HIỆN**", "   1. Sở Nội vụ",
          "   2. Ủy ban nhân dân các xã, phường", "      1. Xây dựng kế hoạch;", "      2. Tổ chức hội nghị."],
         ["I. **MỤC ĐÍCH, YÊU CẦU**", "   1. Mục đích", "      * Nâng cao nhận thức.", "II. **TỔ CHỨC THỰC HIỆN**", "   1. Sở Nội vụ",
          "   2. Ủy ban nhân dân các xã, phường", "      a) Xây dựng kế hoạch;", "      b) Tổ chức hội nghị."]),
        # a decision's clauses under an article: figures, then letters
        (["Điều 2. Trách nhiệm thi hành", "1. Sở Nội vụ có trách nhiệm:", "   1. Hướng dẫn thực hiện;", "   2. Kiểm tra việc thực hiện.", "2. Sở Tài chính bố trí kinh phí."],
         ["Điều 2. Trách nhiệm thi hành", "1. Sở Nội vụ có trách nhiệm:", "   a) Hướng dẫn thực hiện;", "   b) Kiểm tra việc thực hiện.", "2. Sở Tài chính bố trí kinh phí."]),
        # a stray space before a number that goes on from the one above is no nesting
        (["1. Sở Nội vụ chủ trì.", " 2. Sở Tư pháp phối hợp.", "3. Sở Tài chính bố trí kinh phí."],
         ["1. Sở Nội vụ chủ trì.", " 2. Sở Tư pháp phối hợp.", "3. Sở Tài chính bố trí kinh phí."]),
        (["1. Sở Nội vụ chủ trì.", "   2. Sở Tư pháp phối hợp.", "3. Sở Tài chính bố trí kinh phí."],
         ["1. Sở Nội vụ chủ trì.", "   2. Sở Tư pháp phối hợp.", "3. Sở Tài chính bố trí kinh phí."]),
    ],
    ids=["plan", "decision", "stray space", "numbers going on"],
)
def test_numbered_lists_nested_by_indentation_read_as_the_levels_printed(written, read):
    assert [b.text for b in text_blocks(written) if not isinstance(b, Table) and b.text] == read
