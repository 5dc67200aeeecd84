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
    tables = [b for b in text_blocks(lines) if isinstance(b, Table)]
    assert len(tables) == 1
    rows = [[c.text for c in row] for row in tables[0].rows]
    assert rows[0] == ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
    assert rows[1] == ["1", "Tuyên truyền Luật Thực hiện dân chủ ở cơ sở", "Sở Tư pháp", "Sở Nội vụ; Công an tỉnh", "Thường xuyên"]
    assert rows[2][2:4] == ["Sở Nội vụ", "Các sở, ban, ngành"]


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
