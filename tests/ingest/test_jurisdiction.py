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
        # two bodies that issue a text together (a joint programme, a probe of issue 22's joint
        # issuers): the first named, of the level and place the block gives them both
        (["ỦY BAN NHÂN DÂN - ỦY BAN MTTQ VIỆT NAM", "PHƯỜNG TRUNG MỸ TÂY"], "Ủy ban nhân dân phường"),
        (["SỞ NỘI VỤ - SỞ TƯ PHÁP", "TỈNH NGHỆ AN"], "Sở Nội vụ"),
        # … or on one line, each with its own level and place (a joint programme, a probe)
        (["ỦY BAN NHÂN DÂN TỈNH LÀO CAI - BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM TỈNH LÀO CAI"], "Ủy ban nhân dân tỉnh"),
        # a division whose name ends in "xã hội" is no commune "Hội"
        (["UBND TỈNH NGHỆ AN", "PHÒNG VĂN HÓA - XÃ HỘI"], "Phòng Văn hóa - Xã hội"),
        # a parent and its unit a converter joined into one line (a cell's two lines in one bold
        # run; probes' so_tp_45_kh_dau_moi): parted after the place's name
        (["ỦY BAN NHÂN DÂN TỈNH NGHỆ AN SỞ TƯ PHÁP"], "Sở Tư pháp"),
        (["UBND XÃ HƯNG NGUYÊN CÔNG AN XÃ"], "Công an xã"),
    ],
)
def test_the_issuer_block_names_the_issuer(block, issuer):
    found, place, _ = issuer_from_block(block)
    assert found is not None and found.name == issuer
    # the place the block gives is one it names with its level ("XÃ HỘI" in a division's name is none)
    assert place in (None, "Nghệ An", "Trung Mỹ Tây", "Lào Cai", "Thanh Hóa", "Hưng Nguyên")


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


def test_a_party_committees_plan_names_its_issuer_and_province(tmp_path):
    # a provincial Party committee's plan in PDF text (issuers beyond People's Committees): the
    # block's "ĐẢNG BỘ TỈNH NGHỆ AN" gives the place, bare after "Tỉnh ủy"; the province is it;
    # the title opens in lower case under its genre
    text = "\n".join([
        "ĐẢNG BỘ TỈNH NGHỆ AN                         ĐẢNG CỘNG SẢN VIỆT NAM",
        "BAN THƯỜNG VỤ TỈNH ỦY",
        "          *                                  Nghệ An, ngày 12 tháng 3 năm 2025",
        "Số 45-KH/TU", "", "KẾ HOẠCH",
        "thực hiện Kết luận số 120-KL/TW ngày 07/01/2025 của Bộ Chính trị về tiếp tục đẩy mạnh thực hiện Chỉ thị số 30-CT/TW", "",
        "Thực hiện Kết luận số 120-KL/TW ngày 07/01/2025 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch thực hiện như sau:", "",
        "I. TỔ CHỨC THỰC HIỆN",
        "1. Các đảng ủy trực thuộc Tỉnh ủy tổ chức quán triệt, xây dựng kế hoạch thực hiện, hoàn thành trước ngày 30/4/2025.",
        "2. Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo Ủy ban nhân dân tỉnh cụ thể hóa các nội dung của Kết luận trong quản lý nhà nước.",
        "3. Đảng đoàn Hội đồng nhân dân tỉnh lãnh đạo Hội đồng nhân dân tỉnh tăng cường giám sát.",
    ])
    path = tmp_path / "tinhuy.txt"
    path.write_text(text, encoding="utf-8")
    result = extract(path)
    doc = result.document
    assert (doc.issuer, doc.province, doc.symbol, doc.date) == ("Ban Thường vụ Tỉnh ủy Nghệ An", "Nghệ An", "45-KH/TU", "2025-03-12")
    assert doc.title.startswith("thực hiện Kết luận số 120-KL/TW")
    leads = [result.names(t.lead) for t in result.tasks]
    assert leads == [["Các đảng ủy trực thuộc Tỉnh ủy"], ["Đảng ủy Ủy ban nhân dân tỉnh"], ["Đảng đoàn Hội đồng nhân dân tỉnh"]]


@pytest.mark.parametrize("level,province", [("PHƯỜNG", "Đà Nẵng"), ("XÃ", "Nghệ An")])
def test_a_commune_name_two_provinces_share_is_told_apart_by_its_level(tmp_path, level, province):
    # "Hải Châu" is a ward of Đà Nẵng and a commune of Nghệ An (the national list): a ward's
    # plan (a probe of issue 22's DOCX plans) names which by its level word
    text = "\n".join(["ỦY BAN NHÂN DÂN", f"{level} HẢI CHÂU", "Số: 210/KH-UBND", "Hải Châu, ngày 03 tháng 11 năm 2025", "",
                      "KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở năm 2026", "", "I. NHIỆM VỤ", "1. Công an xã bảo đảm an ninh, trật tự tại các hội nghị."])
    path = tmp_path / "hai_chau.txt"
    path.write_text(text, encoding="utf-8")
    assert extract(path).document.province == province


def test_the_youth_unions_name_where_the_motto_stands_parts_its_header(tmp_path):
    # a provincial Youth Union committee's plan, PDF text (a probe of issue 22's issuers): it
    # prints "ĐOÀN TNCS HỒ CHÍ MINH" where the national motto stands, as the Party prints its name
    text = "\n".join([
        "TỈNH ĐOÀN NGHỆ AN                          ĐOÀN TNCS HỒ CHÍ MINH", "BAN THƯỜNG VỤ",
        "       ***                                 Nghệ An, ngày 10 tháng 3 năm 2026", "Số: 125-KH/TĐTN-PC", "",
        "KẾ HOẠCH", "Tuổi trẻ Nghệ An tham gia thực hiện dân chủ ở cơ sở năm 2026", "",
        "I. NỘI DUNG", "1. Văn phòng Tỉnh đoàn theo dõi, tổng hợp, báo cáo Ban Thường vụ Tỉnh đoàn.",
    ])
    path = tmp_path / "tinh_doan.txt"
    path.write_text(text, encoding="utf-8")
    doc = extract(path).document
    assert (doc.symbol, doc.place, doc.date) == ("125-KH/TĐTN-PC", "Nghệ An", "2026-03-10")
    # the provincial Youth Union by the name its block gives it, with its place
    assert doc.issuer == "Ban Thường vụ Tỉnh đoàn Nghệ An"


@pytest.mark.parametrize(
    "header,issuer,place",
    [
        # a team's note in brackets under its name, in sentence case (a probe of issue 22's
        # inspection teams): the block's, so the team is the issuer, of its parent's province
        (["UBND TỈNH NINH BÌNH", "ĐOÀN KIỂM TRA", "(Theo Quyết định số 215/QĐ-UBND", "ngày 02/4/2026 của UBND tỉnh)"], "Đoàn kiểm tra tỉnh Ninh Bình", "Ninh Bình"),
        # a company's name in capitals: its abbreviations kept, its province's name capitalised,
        # the province its dateline names its place
        (["CÔNG TY TNHH MTV", "KHAI THÁC THỦY LỢI NGHỆ AN"], "Công ty TNHH MTV Khai thác thủy lợi Nghệ An", "Nghệ An"),
        # a hospital whose name ends in its level takes its parent's province once
        (["SỞ Y TẾ TỈNH QUẢNG TRỊ", "BỆNH VIỆN ĐA KHOA TỈNH"], "Bệnh viện Đa khoa tỉnh Quảng Trị", "Quảng Trị"),
        # a school under its department, the province after the department's name with no level
        # word; the school's level in capitals before its proper name
        (["SỞ GIÁO DỤC VÀ ĐÀO TẠO NGHỆ AN", "TRƯỜNG THPT PHAN BỘI CHÂU"], "Trường THPT Phan Bội Châu", "Nghệ An"),
        # a board named before its organisation on one line, abbreviated or not (probes of issue
        # 22's Youth Union and unions): the board issues, of the organisation's level and place
        (["BCH ĐOÀN TỈNH HÀ TĨNH"], "Ban Chấp hành Đoàn tỉnh Hà Tĩnh", "Hà Tĩnh"),
        (["BAN CHẤP HÀNH ĐOÀN XÃ QUẢNG PHÚ"], "Ban Chấp hành Đoàn xã Quảng Phú", "Quảng Phú"),
        # the provincial Youth Union by the name that opens with its level word, as "Tỉnh ủy"
        (["TỈNH ĐOÀN HÀ TĨNH"], "Tỉnh đoàn Hà Tĩnh", "Hà Tĩnh"),
        # a ministry's unit sits where its dateline says, as the ministry does; a school's level
        # written out before its proper name (probes' truong_dh_kh)
        (["BỘ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG ĐẠI HỌC VINH"], "Trường Đại học Vinh", "Nghệ An"),
        # a region's number in Roman numerals keeps its capitals (probes' kbnn_kv_kh)
        (["KHO BẠC NHÀ NƯỚC", "KHO BẠC NHÀ NƯỚC KHU VỰC XIII"], "Kho bạc Nhà nước khu vực XIII", "Nghệ An"),
    ],
)
def test_issuers_beyond_peoples_committees_are_named_whole_with_their_place(tmp_path, header, issuer, place):
    dateline = f"{place}, ngày 08 tháng 01 năm 2026"
    text = "\n".join([*header, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 02/KH-ĐV", dateline, "", "KẾ HOẠCH",
                      "Thực hiện dân chủ ở cơ sở năm 2026", "", "I. TỔ CHỨC THỰC HIỆN", "1. Phòng Tổ chức cán bộ theo dõi, tổng hợp kết quả."])
    path = tmp_path / "unit.txt"
    path.write_text(text, encoding="utf-8")
    doc = extract(path).document
    assert (doc.issuer, doc.place) == (issuer, place)


def test_a_letters_subject_between_its_symbol_and_the_motto_keeps_the_header_whole(tmp_path):
    # a department's letter as plain text sets its left column first (a probe of issue 22's
    # letters): the issuer block, the symbol, the "V/v" subject (here over two lines), then the motto
    text = "\n".join(["UBND TỈNH NGHỆ AN", "SỞ NỘI VỤ", "Số: 812/SNV-XDCQ", "V/v triển khai thực hiện dân chủ", "ở cơ sở năm 2026",
                      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Nghệ An, ngày 15 tháng 01 năm 2026", "",
                      "Kính gửi: Ủy ban nhân dân các xã, phường.", "",
                      "Sở Nội vụ đề nghị Ủy ban nhân dân các xã, phường triển khai một số nội dung sau:",
                      "1. Xây dựng kế hoạch thực hiện dân chủ ở cơ sở năm 2026; gửi về Sở Nội vụ trước ngày 15/02/2026."])
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    doc = extract(path).document
    assert (doc.issuer, doc.symbol, doc.date) == ("Sở Nội vụ tỉnh Nghệ An", "812/SNV-XDCQ", "2026-01-15")
    assert doc.title.startswith("triển khai thực hiện dân chủ")


def test_the_womens_unions_name_where_the_motto_stands_parts_its_header(tmp_path):
    # a provincial Women's Union's plan (a probe of issue 22's issuers): its own name stands where
    # the national motto does, as the Party's and the Youth Union's do; its standing board issues
    text = "\n".join(["HỘI LHPN TỈNH NGHỆ AN", "BAN THƯỜNG VỤ", "Số: 18/KH-BTV", "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM", "Nghệ An, ngày 03 tháng 3 năm 2026", "",
                      "KẾ HOẠCH", "Tham gia giám sát, phản biện xã hội năm 2026", "", "I. NỘI DUNG",
                      "1. Ban Tuyên giáo Hội LHPN tỉnh chủ trì tuyên truyền Luật Thực hiện dân chủ ở cơ sở."])
    path = tmp_path / "hoi.txt"
    path.write_text(text, encoding="utf-8")
    result = extract(path)
    assert (result.document.issuer, result.document.symbol) == ("Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh Nghệ An", "18/KH-BTV")
    assert [result.written_names(t.lead) for t in result.tasks] == [["Ban Tuyên giáo Hội Liên hiệp Phụ nữ tỉnh"]]


@pytest.mark.parametrize(
    "line,issuer",
    [
        # "BCH" before a body without boards is a military command's, not an executive committee's
        (["BCH QUÂN SỰ TỈNH NGHỆ AN"], "Bộ Chỉ huy Quân sự tỉnh"),
        (["BỘ CHỈ HUY QUÂN SỰ TỈNH NGHỆ AN"], "Bộ Chỉ huy Quân sự tỉnh"),
        (["CÔNG ĐOÀN SỞ Y TẾ"], "Công đoàn Sở Y tế"),
        (["BAN CHẤP HÀNH CÔNG ĐOÀN SỞ Y TẾ"], "Ban Chấp hành Công đoàn Sở Y tế"),
    ],
)
def test_a_board_issues_only_for_a_body_that_has_boards(line, issuer):
    mention, _, _ = issuer_from_block(line)
    assert (mention.name if mention else None) == issuer


@pytest.mark.parametrize(
    "heading,symbol,issuer",
    [
        # a joint plan: each block line is one of its issuers, the first named issues — not a
        # department under the police (tenth batch: the police and a department of education)
        ("KẾ HOẠCH LIÊN TỊCH", "05/KHLT-CAT-SGDĐT", "Công an tỉnh Gia Lai"),
        ("KẾ HOẠCH", "05/KHLT-CAT-SGDĐT", "Công an tỉnh Gia Lai"),
        # … where a text of one issuer reads the lines as parent and unit
        ("KẾ HOẠCH", "05/KH-SGDĐT", "Sở Giáo dục và Đào tạo tỉnh Gia Lai"),
    ],
)
def test_the_first_body_of_a_joint_texts_block_issues(tmp_path, heading, symbol, issuer):
    top = "CÔNG AN TỈNH GIA LAI" if "LT" in symbol else "UBND TỈNH GIA LAI"
    text = "\n".join([top, "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                      f"Số: {symbol}", "Gia Lai, ngày 15 tháng 3 năm 2026", "", heading, "Phối hợp tuyên truyền pháp luật năm 2026", "",
                      "I. NỘI DUNG", "1. Văn phòng Sở Giáo dục và Đào tạo bảo đảm kinh phí in ấn tài liệu."])
    path = tmp_path / "lt.txt"
    path.write_text(text, encoding="utf-8")
    assert extract(path).document.issuer == issuer


def test_a_copy_without_its_header_page_is_of_the_place_its_signing_formula_names(tmp_path):
    """A scan from the genre heading on (fifteenth batch of probes): the preamble says "Ủy ban
    nhân dân xã ban hành …", the formula "TM. ỦY BAN NHÂN DÂN XÃ NGA SƠN" names which commune."""
    text = "\n".join(["KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở năm 2026", "",
                      "Thực hiện Kế hoạch số 40/KH-UBND ngày 20/01/2026 của Ủy ban nhân dân tỉnh Thanh Hóa, Ủy ban nhân dân xã ban hành Kế hoạch như sau:",
                      "I. NHIỆM VỤ", "1. Phòng Kinh tế lấy ý kiến Nhân dân về kế hoạch xây dựng nông thôn mới.", "",
                      "Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN XÃ NGA SƠN", "CHỦ TỊCH", "", "Mai Văn Hòa"])
    path = tmp_path / "headless.txt"
    path.write_text(text, encoding="utf-8")
    doc = extract(path).document
    assert (doc.issuer, doc.place) == ("Ủy ban nhân dân xã Nga Sơn", "Nga Sơn")
