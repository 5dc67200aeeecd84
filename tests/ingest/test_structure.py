"""The document tree: header, sections with roles, nested items, recipients, signature."""
from __future__ import annotations

import pytest

from ingest.normalize import normalize
from ingest.readers import read
from ingest.structure import attribute_of, classify, parse, section_role


@pytest.fixture(scope="module")
def trees(seed_files):
    return {f.name: parse(normalize(read(f))) for f in seed_files}


@pytest.mark.parametrize(
    "line,kind,label",
    [
        ("I. MỤC ĐÍCH, YÊU CẦU", "section", "I"),
        ("IV. KINH PHÍ THỰC HIỆN", "section", "IV"),
        ("1. Tổ chức tuyên truyền, phổ biến", "item", "1"),
        ("đ) Ứng dụng công nghệ thông tin", "letter", "đ"),
        ("- Cơ quan thực hiện: Sở Nội vụ", "dash", "-"),
        ("+ Thời gian thực hiện: Thường xuyên.", "plus", "+"),
        ("Trên đây là Kế hoạch", "para", ""),
        ("I. Không phải mục lớn vì viết thường", "para", ""),  # Roman headings are in capitals …
        # … or name a part of the document, as PDF text prints them without bold
        ("II. Địa điểm: Trực tiếp tại Trụ sở Chính phủ và kết nối trực tuyến", "section", "II"),
        ("III. Tổ chức thực hiện", "section", "III"),
        # capital letters over roman sections, when printed as headings
        ("A. PHÁT TRIỂN NỀN MÓNG CHO KINH TẾ SỐ", "part", "A"),
        ("B. Nhiệm vụ trọng tâm", "para", ""),
        # a quantity that a line break puts first is no label ("… cầu cảng / 40.000 DWT …")
        ("40.000 DWT từ cảng chuyên dụng xăng dầu", "para", ""),
        ("12.173 tỷ đồng - 18.260 tỷ đồng).", "para", ""),
        ("1.2.Tổ chức tuyên truyền", "decimal", "1.2"),
        # a notice's points numbered in brackets (a Government Office notice, corpus 75a0867a…);
        # a bracketed number inside a sentence or before lower case is no point
        ("(3) Bộ Công an tiếp tục chủ động phối hợp, hướng dẫn Bộ Y tế", "point", "3"),
        ("(1) tên cơ quan cấp trên", "para", ""),
        # a decree's sections within a chapter, the number alone on its line (corpus c22591f1…),
        # or with the title after it; a sentence that starts with the word is none
        ("Mục 1", "subsection", "1"),
        ("Mục 2. THI TUYỂN CÔNG CHỨC", "subsection", "2"),
        ("Mục 2 khoản 1 Điều 5 được sửa đổi như sau", "para", ""),
        # items numbered after the word for what they are (a probe of issue 22's labels); the
        # word in a sentence is none
        ("Nhiệm vụ 1: Tuyên truyền Luật Thực hiện dân chủ ở cơ sở.", "item", "1"),
        ("Hoạt động 2. Kiện toàn Ban Thanh tra nhân dân", "item", "2"),
        ("Nhiệm vụ năm 2026: tiếp tục tuyên truyền", "para", ""),
    ],
)
def test_classify(line, kind, label):
    assert classify(line)[:2] == (kind, label)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Cơ quan thực hiện: Các cơ quan, đơn vị.", ("lead", "Các cơ quan, đơn vị.")),
        ("Cơ quan chủ trì: Phòng Văn hóa - Xã hội", ("lead", "Phòng Văn hóa - Xã hội")),
        ("Cơ quan phối hợp: Sở Tư pháp", ("support", "Sở Tư pháp")),
        ("Thời gian thực hiện:", ("timeframe", "")),
        ("Hình thức: Ban hành các văn bản", ("form", "Ban hành các văn bản")),
        ("Phối hợp với các đơn vị có liên quan đẩy mạnh", None),
    ],
)
def test_attribute_lines(text, expected):
    assert attribute_of(text) == expected


@pytest.mark.parametrize(
    "heading,role",
    [("MỤC ĐÍCH, YÊU CẦU", "aims"), ("NỘI DUNG THỰC HIỆN", "tasks"), ("MỘT SỐ NHIỆM VỤ TRỌNG TÂM", "tasks"), ("TỔ CHỨC THỰC HIỆN", "organisation"), ("KINH PHÍ THỰC HIỆN", "funding"),
     # a heading of aims that also names work holds work; "hoạt động" alone does not make it so
     ("MỤC TIÊU, NHIỆM VỤ", "tasks"), ("Đánh giá kết quả và giải pháp năm 2026", "tasks"), ("Nguyên tắc tổ chức và hoạt động của bộ", "situation"),
     ("Mục đích, yêu cầu", "aims"),
     # a part that hands down powers describes them, unless it names the steps or duties too
     ("Thẩm quyền quyết định bổ sung tiêu chuẩn, định mức sử dụng máy móc, thiết bị phục vụ công tác các chức danh và nhiệm vụ được giao", "powers"),
     ("Phân cấp thẩm quyền quyết định thanh lý tài sản công", "powers"), ("Nội dung phân cấp", "powers"),
     ("Thẩm quyền, trình tự, thủ tục cấp Giấy chứng nhận", None), ("Thẩm quyền, trách nhiệm thực hiện luân chuyển", "organisation"),
     # what a body is describes it; its duties are work
     ("Vị trí và chức năng", "situation"), ("Vị trí, chức năng, nhiệm vụ và quyền hạn", "tasks"),
     # a unit's structure lists its leaders and units (corpus 0f98ee48…), unless the heading names
     # how the body works too (corpus 54c3026b…, a council's working methods and duties)
     ("Cơ cấu tổ chức", "structure"), ("CƠ CẤU TỔ CHỨC VÀ BIÊN CHẾ", "structure"),
     ("Cơ cấu tổ chức, nguyên tắc và phương thức hoạt động của Hội đồng Di sản văn hóa quốc gia", None),
     # a conclusion's parts say what they are about (corpus 74e2ddc7…): results and shortcomings
     # describe, the tasks are work
     ("VỀ KẾT QUẢ ĐẠT ĐƯỢC", "situation"), ("VỀ TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN CHỦ YẾU", "situation"), ("VỀ NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", "tasks"),
     # what is demanded of a body is no aim (corpus ac0f18a2…)
     ("Yêu cầu đối với cơ sở xử lý chất thải rắn sinh hoạt", None), ("YÊU CẦU", "aims")],
)
def test_section_roles(heading, role):
    assert section_role(heading) == role


def test_header_of_each_seed_matches_gold(trees, gold_docs):
    for name, doc in trees.items():
        g = gold_docs[name]["document"]
        assert doc.header.number == g["number"], name
        assert doc.header.symbol_code == g["symbol_code"], name
        assert doc.header.title == g["title"], name


def test_duplicate_letter_labels_are_kept(trees):
    aims = trees["001_eb4faafb2f2e4644.txt"].sections[0]
    requirements = aims.children[1]
    assert [c.label for c in requirements.children] == ["a", "b", "b"]


def test_mojibake_title_heading_found(trees):
    assert trees["004_9fd1b90b08d6ae98.txt"].header.title == "Triển khai thực hiện dân chủ ở cơ sở năm 2026"


def test_recipients_heading_without_diacritic(trees):
    assert trees["003_fcf3e25466826abb.txt"].recipients[0].text.startswith("Bộ Nội vụ")


@pytest.mark.parametrize("heading,read", [("Nơi nhân:", True), ("Noi nhan:", True), ("Nơi nhân dân sinh sống được công khai.", False)])
def test_a_scans_recipients_heading_is_read_with_its_colon(heading, read):
    lines = ["KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở", "I. NHIỆM VỤ", "1. Sở Tư pháp chủ trì tuyên truyền.", heading, "- Bộ Nội vụ;", "- Lưu: VT."]
    assert bool(parse(normalize(lines)).recipients) is read


@pytest.mark.parametrize(
    "second,items",
    [
        ("2, Sở Nội vụ theo dõi, đôn đốc.", ["1", "2"]),  # a scan read the stop as a comma
        ("3, Sở Nội vụ theo dõi, đôn đốc.", ["1"]),  # not the next number: a sentence's figure
        ("2, 3 và 4 Điều 5 được sửa đổi.", ["1"]),  # no capital after it
    ],
)
def test_an_items_number_with_a_comma_is_the_next_item(second, items):
    lines = ["KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở", "I. NHIỆM VỤ", "1. Sở Tư pháp chủ trì tuyên truyền.", second]
    (part,) = [n for n in parse(normalize(lines)).sections if n.kind == "section"]
    assert [c.label for c in part.children if c.kind == "item"] == items


def test_every_node_keeps_source_lines(trees):
    for doc in trees.values():
        for section in doc.sections:
            for node in section.walk():
                assert node.lines and all(n > 0 for n in node.lines)


def test_an_article_after_the_roman_parts_of_an_article_is_its_sibling():
    # a Prime Minister's decision (corpus): "Điều 1. Phê duyệt … với các nội dung sau: I. … II. …"
    # then "Điều 2." — not an item of part II
    lines = ["THỦ TƯỚNG CHÍNH PHỦ", "Số: 12/QĐ-TTg", "Hà Nội, ngày 05 tháng 11 năm 2025", "", "QUYẾT ĐỊNH",
             "Phê duyệt Đề án chuyển đổi số", "", "QUYẾT ĐỊNH:", "Điều 1. Phê duyệt Đề án với các nội dung sau:",
             "I. MỤC TIÊU", "1. Hoàn thành chuyển đổi số.", "II. TỔ CHỨC THỰC HIỆN", "1. Bộ Khoa học và Công nghệ chủ trì triển khai Đề án.",
             "Điều 2. Quyết định này có hiệu lực từ ngày ký.",
             "Điều 3. Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm thi hành Quyết định này."]
    doc = parse(normalize(lines))
    top = [(n.kind, n.label) for n in doc.sections]
    assert top == [("article", "1"), ("section", "I"), ("section", "II"), ("article", "2"), ("article", "3")]
    assert [c.label for c in doc.sections[2].children] == ["1"]


def test_a_title_in_capitals_names_bodies_in_their_case_and_deputies_in_the_sentences():
    doc = parse(normalize(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 12/QĐ-UBND", "Lâm Đồng, ngày 05 tháng 11 năm 2025", "",
                           "QUYẾT ĐỊNH", "VỀ VIỆC HỖ TRỢ KINH PHÍ PHỤC VỤ BẦU CỬ ĐẠI BIỂU QUỐC HỘI DO SỞ NỘI VỤ ĐỀ XUẤT", "", "QUYẾT ĐỊNH:",
                           "Điều 1. Hỗ trợ kinh phí."]))
    assert doc.header.title == "Về việc hỗ trợ kinh phí phục vụ bầu cử đại biểu Quốc hội do Sở Nội vụ đề xuất"


@pytest.mark.parametrize(
    "tail",
    [
        # a decree as a portal prints it (corpus 21c5e5f2…): the label lost with its table cell, an
        # item cut at a comma, the filing line on the next line
        ["|", "- Thủ tướng, các Phó Thủ tướng Chính phủ; - Các bộ, cơ quan ngang bộ; - VPCP: BTCN, các PCN, Trợ lý TTg, TGĐ Cổng TTĐT,", "- Lưu: VT, NN (2). |"],
        ["- Chính phủ; - Các bộ, cơ quan ngang bộ; - Lưu: VT, PL. | TM. CHÍNH PHỦ"],
        # a PDF's narrow column beside the signature wraps the recipients over many lines
        # (corpus 284dd97b… as PDF text)
        ["- Chính phủ; - Ban Tổ chức Trung ương; -", "Ủy ban TW Mặt trận Tổ quốc Việt Nam; -", "Kiểm toán nhà nước; - Các Bộ, cơ quan",
         "ngang Bộ, cơ quan thuộc CP; - Cục Thống", "kê, Bộ Tài chính; - Tỉnh ủy, HĐND, UBND,", "Đoàn ĐBQH, Ủy ban MTTQVN tỉnh Đồng Tháp; -", "Lưu: HC, PLTP."],
        # … or the filing line after the last recipient on the last line
        ["- Chính phủ; - Ban Tổ chức Trung ương; - Ủy ban TW Mặt trận Tổ quốc Việt Nam;",
         "- Kiểm toán nhà nước; - Tỉnh ủy, HĐND, UBND tỉnh Đồng Tháp; - Lưu: HC, PLTP."],
    ],
)
def test_a_recipients_list_without_its_label_ends_the_last_article(tail):
    lines = ["CHÍNH PHỦ", "Số: 09/2025/NĐ-CP", "", "NGHỊ ĐỊNH", "Quy định về chính sách hỗ trợ", "",
             "Điều 12. Điều khoản thi hành", "1. Nghị định này có hiệu lực thi hành từ ngày 25 tháng 02 năm 2025.",
             "2. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Nghị định này.", "", *tail]
    doc = parse(normalize(lines))
    last = doc.sections[-1].children[-1]
    assert last.label == "2" and not last.children and "Lưu" not in " ".join(c.text for c in doc.sections[-1].walk())
    assert any("Thủ tướng" in r.text or "Chính phủ" in r.text for r in doc.recipients)


def test_dashed_duties_before_a_labelled_recipients_list_are_no_recipients():
    """An original PDF notice (7207abf7…): its last point's dashed duties, then "Nơi nhận:" and the
    list. The duties stay items; a long paragraph of dashes with no filing line is read at once
    (a pattern of repeated items had backtracked without end on one)."""
    from ingest.structure import _unlabelled_recipients

    assert not _unlabelled_recipients("- Các cơ quan, đơn vị gửi danh sách đại biểu tham dự Hội nghị nêu trên để đăng ký với Ban tổ chức Hội nghị trước ngày 07/11/2024; "
                                      "- Giao Ban Dân tộc tỉnh tổng hợp; Nơi nhận: - Như thành phần; - Lưu: VT, KGVX.")
    assert not _unlabelled_recipients("- " + "; - ".join(f"Sở {k} phối hợp thực hiện - kiểm tra - đôn đốc" for k in range(400)))
    assert _unlabelled_recipients("- Chính phủ; - Các bộ, cơ quan ngang bộ; - Lưu: VT, PL.")


def test_a_consolidated_texts_list_of_amending_acts_is_part_of_its_opening():
    """A consolidated text (VBHN) names the acts that amended it, numbered, before its own grounds
    (57/VBHN-BCT, corpus 087cf37a…): the numbered acts and the grounds are the opening, the body
    starts at the first article; numbered lines a "Căn cứ" sentence follows only after other lines
    are a letter's body (a Lào Cai department's letter, originals ca135c76…)."""
    head = ["BỘ CÔNG THƯƠNG", "Số: 57/VBHN-BCT", "Hà Nội, ngày 26 tháng 11 năm 2025", "", "THÔNG TƯ", "Quy định khung giá phát điện", ""]
    consolidated = head + [
        "Thông tư số 09/2025/TT-BCT ngày 01 tháng 02 năm 2025 của Bộ trưởng Bộ Công Thương, được sửa đổi, bổ sung bởi:",
        "1. Thông tư số 25/2025/TT-BCT ngày 13 tháng 04 năm 2025 của Bộ trưởng Bộ Công Thương.",
        "2. Thông tư số 54/2025/TT-BCT ngày 21 tháng 11 năm 2025 của Bộ trưởng Bộ Công Thương.",
        "Căn cứ Luật Điện lực ngày 30 tháng 11 năm 2024;",
        "Bộ trưởng Bộ Công Thương ban hành Thông tư quy định khung giá phát điện.",
        "Điều 1. Phạm vi điều chỉnh", "Thông tư này quy định khung giá phát điện."]
    doc = parse(normalize(consolidated))
    assert [n.kind for n in doc.sections] == ["article"]
    assert any(line.text.startswith("2. Thông tư số 54/2025") for line in doc.preamble)
    letter = ["UBND TỈNH LÀO CAI", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Số: 12/SNNMT-KHTC", "Lào Cai, ngày 15 tháng 7 năm 2026",
              "V/v tham gia ý kiến thẩm định", "Kính gửi: Sở Công thương tỉnh Lào Cai", "",
              "1. Thông tin về dự án", "- Tên dự án: Cụm công nghiệp Báo Đáp.", "2. Ý kiến tham gia",
              "Căn cứ bảng tọa độ khống chế khu đất, khu vực ảnh hưởng đến hồ thủy lợi."]
    assert [n.label for n in parse(normalize(letter)).sections][:1] == ["1"]


def test_a_resolutions_adoption_sentence_ends_its_text():
    """"Nghị quyết này được Ủy ban Thường vụ Quốc hội … thông qua ngày …" is a resolution's last
    sentence: the recipients after it, their label lost (corpus 4d984100…), are no item of the
    last article, which stays a task of its own."""
    from ingest.normalize import normalize
    from ingest.structure import parse

    lines = ["Số: 1655/NQ-UBTVQH15", "NGHỊ QUYẾT", "Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Cà Mau năm 2025", "ỦY BAN THƯỜNG VỤ QUỐC HỘI",
             "QUYẾT NGHỊ:", "Điều 1. Tổ chức thực hiện", "1. Giao Chính phủ tổ chức thi hành Nghị quyết này.",
             "2. Hội đồng Dân tộc, các Ủy ban của Quốc hội giám sát việc thực hiện Nghị quyết này.",
             "*Nghị quyết này được Ủy ban Thường vụ Quốc hội khóa XV thông qua ngày 16 tháng 6 năm 2025.*", "",
             "- Chính phủ; - Ủy ban TW Mặt trận Tổ quốc Việt Nam; - Cục Thống kê, Bộ Tài chính; |"]
    doc = parse(normalize(lines))
    item = doc.sections[0].children[1]
    assert item.label == "2" and item.children == []
    assert doc.header.date == "2025-06-16"


def test_an_appendix_right_after_the_body_with_no_signature_printed_is_an_appendix():
    # a portal's copy without the signature block: "PHỤ LỤC" was read as the signer's post and
    # the table under it lost
    lines = ["ỦY BAN NHÂN DÂN TỈNH GIA LAI", "Số: 155/KH-UBND", "Gia Lai, ngày 12 tháng 3 năm 2026", "KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở năm 2026",
             "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:", "I. NHIỆM VỤ", "Các nhiệm vụ cụ thể tại Phụ lục kèm theo.", "", "**PHỤ LỤC**", "",
             "**DANH MỤC NHIỆM VỤ**", "", "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |", "|---|---|---|---|---|",
             "| 1 | Tập huấn cho cán bộ cấp xã | Sở Nội vụ | Ủy ban nhân dân các xã, phường | Quý II/2026 |"]
    doc = parse(normalize(lines))
    assert doc.signer is None
    assert [(a.label, a.genre) for a in doc.attachments] == [("PL1", "Phụ lục")]
    assert [n.text for a in doc.attachments for top in a.sections for n in top.walk()][0] == "Tập huấn cho cán bộ cấp xã"


@pytest.mark.parametrize(
    "printed,written",
    [
        ("CHỦ TỊCH", "Chủ tịch"),
        # a post and the body it is of (a steering committee's head, a probe of issue 22's
        # issuers): the post as written, the body's abbreviation in capitals
        ("PHÓ CHỦ TỊCH UBND TỈNH", "Phó Chủ tịch UBND tỉnh"),
        ("PHÓ CHỦ TỊCH HĐND XÃ", "Phó Chủ tịch HĐND xã"),
    ],
)
def test_a_signature_line_in_capitals_is_written_as_prose_writes_it(printed, written):
    from ingest.structure import _title_case

    assert _title_case(printed) == written


def test_a_dispatchs_readers_after_its_authority_line_are_its_recipients():
    """"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:" and the dashes under it (a probe of issue 22's
    dispatches; the Prime Minister's dispatches of the corpus write them so): the addressees are
    recipients, before the copies the tail lists."""
    from ingest.normalize import normalize
    from ingest.structure import parse

    lines = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 03/CĐ-UBND", "Quảng Ngãi, ngày 14 tháng 02 năm 2026", "CÔNG ĐIỆN",
             "Về việc tăng cường thực hiện dân chủ ở cơ sở", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:",
             "- Giám đốc các Sở, Thủ trưởng các ban, ngành tỉnh;", "- Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu.",
             "1. Sở Nội vụ theo dõi, đôn đốc việc thực hiện Công điện này.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. CHỦ TỊCH",
             "PHÓ CHỦ TỊCH", "", "Đặng Ngọc Dũng"]
    doc = parse(normalize(lines))
    assert [r.text for r in doc.recipients] == ["Giám đốc các Sở, Thủ trưởng các ban, ngành tỉnh", "Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu", "Như trên;", "Lưu: VT."]


@pytest.mark.parametrize("printed,genre", [("KÉ HOẠCH", "Kế hoạch"), ("QUYÉT ĐỊNH", "Quyết định"), ("KẾ HOẠCH", "Kế hoạch"), ("NGHỊ QUYÉT", "Nghị quyết")])
def test_a_genre_heading_a_scan_misread_a_mark_of_is_still_its_genre(printed, genre):
    """A scan's slips in the genre heading ("KÉ HOẠCH", a probe of issue 22's OCR): a name of two
    words is told by its letters, so the title under it is still read."""
    from ingest.models import Line
    from ingest.structure import type_heading

    assert type_heading(Line(printed, (1,))) == (genre, None)


@pytest.mark.parametrize(
    "signature,name,position",
    [
        # a copy's note where the signature stood is no line of the block; an officer's rank
        # before the name (tenth batch: a military command; five Ministry of Defence circulars)
        (["CHỈ HUY TRƯỞNG", "(Đã ký)", "Đại tá Nguyễn Văn Hải"], "Nguyễn Văn Hải", "Chỉ huy trưởng"),
        (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(đã ký)", "Nguyễn Thị Lan"], "Nguyễn Thị Lan", "Phó Giám đốc"),
        (["GIÁM ĐỐC", "", "Thiếu tướng Lê Văn Bình"], "Lê Văn Bình", "Giám đốc"),
    ],
)
def test_the_signers_name_after_a_signed_note_or_a_rank(signature, name, position):
    lines = ["ỦY BAN NHÂN DÂN", "XÃ HƯNG NGUYÊN", "Số: 58/KH-UBND", "Hưng Nguyên, ngày 15 tháng 9 năm 2025", "KẾ HOẠCH",
             "Thực hiện dân chủ", "I. NỘI DUNG", "1. Văn phòng tổng hợp.", "Nơi nhận:", "- Lưu: VT.", *signature]
    signer = parse(normalize(lines)).signer
    assert (signer.name, signer.position) == (name, position)


def test_a_letters_dashes_after_its_openings_colon_are_its_duties():
    """"Thực hiện Công văn … Ủy ban nhân dân tỉnh giao:" / "- Sở Nội vụ: …" (a province's letter,
    fourteenth batch of probes): the dashes that each open with a body are the body of the
    letter, not its opening; the addressees under "Kính gửi:" stay addressees."""
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 1450/UBND-NC", "Bắc Ninh, ngày 22 tháng 5 năm 2026", "V/v tăng cường thực hiện dân chủ",
             "Kính gửi:", "- Các sở, ban, ngành tỉnh;", "- Ủy ban nhân dân các xã, phường.",
             "Thực hiện Công văn số 3120/BNV-CQĐP ngày 10/5/2026 của Bộ Nội vụ, Ủy ban nhân dân tỉnh giao:",
             "- Sở Nội vụ: hướng dẫn các xã, phường rà soát quy chế thực hiện dân chủ.",
             "- Sở Tài chính: hướng dẫn công khai ngân sách cấp xã.", "Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    doc = parse(normalize(lines))
    assert [n.text for n in doc.sections] == ["Sở Nội vụ: hướng dẫn các xã, phường rà soát quy chế thực hiện dân chủ.", "Sở Tài chính: hướng dẫn công khai ngân sách cấp xã."]
    assert [r.text for r in doc.recipients][:2] == ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"]


@pytest.mark.parametrize(
    "dateline,date",
    [
        ("Hà Tĩnh, ngày 05 tháng 3 năm 2026", "2026-03-05"),
        # in figures, as letters and converted pages write it
        ("Hà Tĩnh, ngày 5/3/2026", "2026-03-05"),
        ("Hà Tĩnh, ngày 05-03-2026", "2026-03-05"),
        ("Hà Tĩnh, 05.3.2026", "2026-03-05"),
        ("*Hà Tĩnh, ngày 05/03/2026*", "2026-03-05"),
        # a sentence that mentions a date in figures is no dateline
        ("Hà Tĩnh, ngày 05/03/2026 tổ chức hội nghị", None),
    ],
)
def test_the_place_and_date_line_in_words_or_in_figures(dateline, date):
    from ingest.normalize import normalize

    lines = ["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH", "Số: 125/KH-UBND", dateline, "KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở", "I. TỔ CHỨC THỰC HIỆN",
             "1. Sở Tư pháp chủ trì thực hiện."]
    assert parse(normalize(lines)).header.date == date


# A Government Office telegram as pdfminer writes its PDF's text (real/originals 19a0dba8…): the
# boxes in reading order, the issuer and its rule of underscores over the motto, a draft's blank
# date on its own line, the genre alone in capitals, and the parts' roman numerals without the
# bold that made them headings.
TELEGRAM_AS_PDF_TEXT = [
    "VĂN PHÒNG CHÍNH PHỦ ", "_______________ ", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ", "Độc lập - Tự do - Hạnh phúc ", "",
    "___________________________________________________ ", "", "Số:          /CĐ-VPCP ", "", "Hà Nội, ngày      tháng      năm ", "",
    "CÔNG ĐIỆN ", "mời dự Hội nghị triển khai Chương trình mục tiêu quốc gia  ", "phòng, chống ma túy đến năm 2030  ", "__________________ ", "",
    "VĂN PHÒNG CHÍNH PHỦ điện: ", "", "- Các Bộ: Công an, Y tế; ", "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương. ", "",
    "Thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ, Văn phòng Chính phủ trân trọng kính mời lãnh đạo các Bộ, cơ quan, địa phương ",
    "tham dự Hội nghị. ", "", "I. Thời gian: 08 giờ, ngày 09 tháng 10 năm 2025 (Thứ Năm). ", "",
    "II. Địa điểm: Trực tiếp tại Trụ sở Chính phủ và kết nối trực tuyến đến Trụ sở Ủy ban nhân dân các tỉnh. ", "",
    "1. Dự tại điểm cầu Trụ sở Chính phủ: ", "- Thủ tướng Chính phủ. ", "- Lãnh đạo các Bộ: Công an, Y tế. ", "",
    "III. Văn phòng Chính phủ trân trọng đề nghị: ", "", "1. Bộ Công an:  ", "",
    "- Chuẩn bị 60 bộ tài liệu báo cáo phát tại điểm cầu Trụ sở Chính phủ. ", "",
    "2. Bộ Y tế: Mời đại diện lãnh đạo một số đơn vị thuộc Bộ Y tế cùng dự Hội nghị. ", "",
]


def test_a_telegrams_pdf_text_keeps_its_header_and_its_parts():
    doc = parse(normalize(TELEGRAM_AS_PDF_TEXT))
    assert [line.text for line in doc.issuer_lines] == ["VĂN PHÒNG CHÍNH PHỦ"]  # a rule of underscores is no text
    assert (doc.header.place, doc.header.date, doc.header.symbol_code) == ("Hà Nội", None, "CĐ-VPCP")  # "năm" then the genre: no sentence
    assert doc.header.genre == "Công điện"
    assert doc.header.title == "mời dự Hội nghị triển khai Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030"
    sections = [n for n in doc.sections if n.kind == "section"]
    assert [n.label for n in sections][-2:] == ["II", "III"]  # the numeral after "II." opens the next part
    assert [c.text for c in sections[-1].children] == ["Bộ Công an:", "Bộ Y tế: Mời đại diện lãnh đạo một số đơn vị thuộc Bộ Y tế cùng dự Hội nghị."]


@pytest.mark.parametrize(
    "numeral,opens",
    [("III", True), ("IV", False), ("I", False)],
    ids=["the next", "one skipped", "back to the first"],
)
def test_a_roman_numeral_in_sentence_case_opens_a_part_only_as_the_next(numeral, opens):
    lines = ["KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở", "I. MỤC ĐÍCH", "Nâng cao nhận thức.", "II. NHIỆM VỤ", "1. Sở Tư pháp chủ trì tuyên truyền.",
             f"{numeral}. Văn phòng Ủy ban nhân dân tỉnh đề nghị:", "1. Sở Nội vụ theo dõi."]
    labels = [n.label for n in parse(normalize(lines)).sections if n.kind == "section"]
    assert (numeral in labels[2:]) is opens


@pytest.mark.parametrize(
    "written,part",
    [
        # a scan reads the "I" of the next part's numeral as "1" or "l", its stop as a comma: the
        # part all the same, not item 11 of part I (which took every task after it)
        ("11. TỔ CHỨC THỰC HIỆN", "II"), ("Il. TỔ CHỨC THỰC HIỆN", "II"), ("II, TỔ CHỨC THỰC HIỆN", "II"), ("1I. TỔ CHỨC THỰC HIỆN", "II"),
        # … not a numeral that is not the next, a heading not in capitals, nor a lone figure
        ("111. TỔ CHỨC THỰC HIỆN", None), ("11. Tổ chức thực hiện", None), ("2. TỔ CHỨC THỰC HIỆN", None),
    ],
)
def test_a_scans_numeral_of_the_next_part_opens_it(written, part):
    lines = ["KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở", "I. MỤC ĐÍCH, YÊU CẦU", "1. Nâng cao nhận thức.", written, "1. Sở Tư pháp chủ trì tuyên truyền."]
    labels = [n.label for n in parse(normalize(lines)).sections if n.kind == "section"]
    assert labels == (["I", part] if part else ["I"])


@pytest.mark.parametrize(
    "above,title",
    [
        # a province plan's PDF text (real ad5aff6c… rendered, pdfminer): the title's box read before the genre's
        (["PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ", "TỈNH BẮC NINH GIAI ĐOẠN 2026 - 2030"],
         "Phát triển kinh tế số và xã hội số tỉnh Bắc Ninh giai đoạn 2026 - 2030"),
        (["KHẨN"], None),  # an urgency mark is no title (nor the issuer's)
    ],
    ids=["title", "urgency mark"],
)
def test_a_title_in_capitals_set_above_its_genre_heading(above, title):
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "-------", "Số: 144/KH-UBND", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             "---------------", "Bắc Ninh, ngày 24 tháng 11 năm 2025", "", *above, "", "KẾ HOẠCH", "",
             "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ;", "",
             "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:", "I. TỔ CHỨC THỰC HIỆN", "1. Sở Khoa học và Công nghệ chủ trì thực hiện."]
    doc = parse(normalize(lines))
    if title:
        assert doc.header.title == title
        assert [line.text for line in doc.issuer_lines] == ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"]
        assert doc.preamble[0].text.startswith("Căn cứ Nghị quyết số 57-NQ/TW")
    else:
        assert "KHẨN" not in (doc.header.title or "")


@pytest.mark.parametrize(
    "listed,recipients",
    [
        # the Government Office telegram as pdfminer writes it (real/originals 19a0dba8…): an entry's
        # sub-lists on lines of their own, with no dash, each closed by ";"
        (["- Như trên;", "- VPCP: BTCN, PCN Đỗ Ngọc Huỳnh;", "Trợ lý, Thư ký của: TTg, PTTg Lê Thành Long;", "các Vụ, Cục: KGVX, KTTH, NC, QTTV; Cổng TTĐT;",
          "- Lưu: VT, TH(2)."],
         ["Như trên;", "VPCP: BTCN, PCN Đỗ Ngọc Huỳnh;", "Trợ lý, Thư ký của: TTg, PTTg Lê Thành Long;", "các Vụ, Cục: KGVX, KTTH, NC, QTTV; Cổng TTĐT;", "Lưu: VT, TH(2)."]),
        # a portal's entry cut where its page wrapped (corpus fe1e8de1…, f6ed9374…): the line goes on
        (["- Như", "Điều 3;", "- Công ty TNHH Công nghệ Huawei", "Việt Nam (Tầng 33, Keangnam Landmark);", "- Lưu: VT, PV."],
         ["Như Điều 3;", "Công ty TNHH Công nghệ Huawei Việt Nam (Tầng 33, Keangnam Landmark);", "Lưu: VT, PV."]),
        # a Bắc Ninh plan (real ad5aff6c…): the office's copies as "+" items under its entry
        (["- UBND các xã, phường;", "- VP UBND tỉnh:", "+ LĐVP, KGVXLinh;", "+ Lưu: VT."], ["UBND các xã, phường;", "VP UBND tỉnh:", "LĐVP, KGVXLinh;", "Lưu: VT."]),
    ],
    ids=["sub-lists", "wrapped entries", "plus items"],
)
def test_a_recipients_lines_without_a_dash_stay_in_the_list_before_the_signature(listed, recipients):
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "Số: 12/KH-UBND", "Nghệ An, ngày 5 tháng 3 năm 2026", "KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở",
             "I. TỔ CHỨC THỰC HIỆN", "1. Sở Nội vụ chủ trì thực hiện Kế hoạch này./.", "Nơi nhận:", *listed,
             "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đỗ Ngọc Huỳnh"]
    doc = parse(normalize(lines))
    assert [line.text for line in doc.recipients] == recipients
    assert (doc.signer.name, doc.signer.position) == ("Đỗ Ngọc Huỳnh", "Phó Chủ tịch")
