"""The gazetteer: every example resolves to its entry; lists split into agencies."""
from __future__ import annotations

import pytest

from ingest.agencies import (
    AgencyMention,
    Lexicon,
    canonical_generic,
    expand_enumerations,
    find_agencies,
    find_collectives,
    is_plural,
    own_unit,
    shown_name,
    split_agencies,
    tier_name,
    written_name,
)
from ingest.rules import gazetteer

EXAMPLES = [(e.name, ex) for e in gazetteer().entries for ex in e.examples]
FAMILY_EXAMPLES = [(f.kind, ex) for f in gazetteer().families for ex in f.examples]


@pytest.mark.parametrize("name,example", EXAMPLES, ids=[ex for _, ex in EXAMPLES])
def test_gazetteer_example_resolves_to_its_entry(name, example):
    found = find_agencies(example)
    assert found and found[0].start == 0, example
    assert found[0].entry == name, (example, found[0])


@pytest.mark.parametrize("kind,example", FAMILY_EXAMPLES, ids=[ex for _, ex in FAMILY_EXAMPLES])
def test_family_example_is_found_and_typed(kind, example):
    found = find_agencies(example)
    assert found and found[0].start == 0
    assert found[0].kind == kind or found[0].known


VINH_LONG_TERMS = Lexicon({"cơ quan, đơn vị, địa phương": "Các cơ quan, đơn vị, địa phương"}, "tỉnh")

SPLITS = [
    ("Sở Tư pháp; Liên đoàn Lao động tỉnh; Ủy ban Mặt trận Tổ quốc Việt Nam các cấp; các tổ chức chính trị - xã hội; Báo và phát thanh, truyền hình Vĩnh Long.",
     ["Sở Tư pháp", "Liên đoàn Lao động tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam các cấp", "Các tổ chức chính trị - xã hội", "Báo và Phát thanh, Truyền hình Vĩnh Long"]),
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Phòng Văn hóa - Xã hội; Trung tâm Dịch vụ sự nghiệp công; Văn phòng HĐND và UBND.",
     ["Phòng Văn hóa - Xã hội", "Trung tâm Dịch vụ sự nghiệp công", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"]),
    ("Sở, ban ngành thành phố, Ủy ban nhân dân cấp huyện, cấp xã",
     ["Các sở, ban, ngành thành phố", "Ủy ban nhân dân cấp huyện", "Ủy ban nhân dân cấp xã"]),
    # a city's level word capitalised before its name is the list's level, not a proper name
    # (Hồ Chí Minh City, 2828/QĐ-UBND: it had read "Các ngành Thành phố Hồ Chí Minh" besides)
    ("Thủ trưởng các Sở, ban, ngành Thành phố Hồ Chí Minh", ["Các sở, ban, ngành tỉnh"]),
    # a generic head named by the service it provides is a definite body, and a catch-all after
    # "và các" is a group of its own however long the one before it (Cao Bằng, 1948/QĐ-UBND)
    ("Sở Khoa học và Công nghệ, đơn vị cung cấp dịch vụ công nghệ thông tin và các cơ quan, đơn vị liên quan",
     ["Sở Khoa học và Công nghệ", "Các đơn vị cung cấp dịch vụ công nghệ thông tin", "Các cơ quan, đơn vị liên quan"]),
    ("Thủ trưởng các đơn vị thuộc Bộ Tài chính và các cơ quan, tổ chức, cá nhân có liên quan",
     ["Các đơn vị thuộc Bộ Tài chính", "Các cơ quan, tổ chức, cá nhân có liên quan"]),
    # a term the text defines, pointed at by its provision, is the term (Ninh Bình, 161/2025/QĐ-UBND)
    ("Các cơ quan, đơn vị, địa phương quy định tại Điều 2 Quy chế này", ["Các cơ quan, đơn vị, địa phương"]),
    # the elliptic level stands for its head though a catch-all follows it (Ninh Bình, 1498/QĐ-UBND)
    ("Giám đốc Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã và tổ chức, cá nhân có liên quan",
     ["Trung tâm Phục vụ hành chính công cấp tỉnh", "Trung tâm Phục vụ hành chính công cấp xã", "Các tổ chức, cá nhân có liên quan"]),
    # collectives by kind: departments and the communes after the 2025 reform; the catch-all
    # part ("có liên quan") is dropped
    ("các sở, ngành, địa phương có liên quan", ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"]),
    ("Các sở, ban, ngành, đoàn thể cấp tỉnh và UBND các xã, phường", ["Các sở, ban, ngành, đoàn thể cấp tỉnh", "Ủy ban nhân dân các xã, phường"]),
    ("Ủy ban nhân dân phường, xã, đặc khu", ["Ủy ban nhân dân các xã, phường, đặc khu"]),
    # a Hải Phòng decision (corpus 7bcbaa91…): the units in another order are the same committees
    ("Chủ tịch Ủy ban nhân dân các xã, đặc khu, phường có tài sản kết cấu hạ tầng", ["Ủy ban nhân dân các xã, phường, đặc khu"]),
    ("Kiểm toán nhà nước khu vực II, Kho bạc nhà nước khu vực XI", ["Kiểm toán Nhà nước khu vực II", "Kho bạc Nhà nước khu vực XI"]),
    ("Chánh Văn phòng UBND tỉnh; Giám đốc Sở Công Thương; Thủ trưởng các Sở, ngành, cơ quan thuộc tỉnh",
     ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Công Thương", "Các sở, ban, ngành tỉnh"]),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố, Liên đoàn Lao động thành phố và các tổ chức chính trị - xã hội thành phố",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "Liên đoàn Lao động thành phố", "Các tổ chức chính trị - xã hội thành phố"]),
    ("Sở Tư pháp và các cơ quan, đơn vị, địa phương", ["Sở Tư pháp", "Các cơ quan, đơn vị, địa phương"]),
    ("các cơ quan, đơn vị liên quan và địa phương", ["Các cơ quan, đơn vị liên quan và địa phương"]),
    ("Các cơ quan chuyên môn, đơn vị sự nghiệp thuộc UBND huyện; UBND các xã, thị trấn",
     ["Các cơ quan chuyên môn, đơn vị sự nghiệp thuộc Ủy ban nhân dân huyện", "Ủy ban nhân dân các xã, thị trấn"]),
    ("Thủ trưởng cơ quan, đơn vị, địa phương", ["Các cơ quan, đơn vị, địa phương"]),
    ("Cấp ủy đảng, chính quyền cấp xã", ["Cấp ủy đảng cấp xã", "Chính quyền cấp xã"]),
    # … but a list of units names whose committee the last is, not a level the others share
    ("Hội Nông dân, Ủy ban nhân dân các xã", ["Hội Nông dân", "Ủy ban nhân dân các xã"]),
    ("Các doanh nghiệp nhà nước đóng trên địa bàn thành phố", ["Các doanh nghiệp nhà nước đóng trên địa bàn thành phố"]),
    ("Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị - xã hội cùng cấp",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Các tổ chức chính trị - xã hội tỉnh"]),
    ("Các cơ quan nhà nước, đơn vị sự nghiệp công lập, doanh nghiệp nhà nước (sau đây gọi là cơ quan, đơn vị, địa phương)",
     ["Các cơ quan, đơn vị, địa phương"]),
    ("Trưởng phòng Phòng Hành chính - Tổ chức", ["Phòng Hành chính - Tổ chức"]),
    # a plural before a known name keeps it: the text names every body of that kind
    ("các cấp ủy Đảng, Mặt trận Tổ quốc Việt Nam tỉnh", ["Các cấp ủy đảng", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
    # a field after a generic head makes a definite group; a vague word does not
    ("các đơn vị điện lực", ["Các đơn vị điện lực"]),
    ("các cơ quan chuyên môn", ["Các cơ quan chuyên môn"]),
    # communes named after their level are one group as written, with a count or a colon
    ("Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông",
     ["Ủy ban nhân dân các xã Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông"]),
    ("Ủy ban nhân dân 04 xã: Gia Thuận, Tân Điền và Tân Phú Đông; Sở Tài chính",
     ["Ủy ban nhân dân các xã Gia Thuận, Tân Điền và Tân Phú Đông", "Sở Tài chính"]),
    # a management board runs on over the zones it manages; "ứng dụng" inside is no verb
    ("Ban Quản lý các Khu công nghiệp, khu kinh tế", ["Ban Quản lý các Khu công nghiệp, khu kinh tế"]),
    ("Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi",
     ["Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi"]),
    ("Ban quản lý Khu Kinh tế Phú Yên, Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên, Ban Quản lý các Khu công nghiệp tỉnh",
     ["Ban quản lý Khu Kinh tế Phú Yên", "Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên", "Ban Quản lý các khu công nghiệp tỉnh"]),
    ("Ban Quản lý Khu kinh tế, Sở Xây dựng", ["Ban Quản lý Khu kinh tế", "Sở Xây dựng"]),
    # bodies of a province that plans name: social insurance, the policy bank's branch, the
    # employment service centre; a body in brackets after one is its owner, the same actor
    ("Bảo hiểm xã hội Thành phố, Chi nhánh Ngân hàng Chính sách xã hội Thành phố, Trung tâm Dịch vụ việc làm Thành phố (Sở Nội vụ)",
     ["Bảo hiểm xã hội thành phố", "Chi nhánh Ngân hàng Chính sách xã hội thành phố", "Trung tâm Dịch vụ việc làm thành phố"]),
    ("Sở Tài chính (cơ quan thường trực), Sở Y tế (Chi cục Dân số)", ["Sở Tài chính", "Sở Y tế"]),
    # a level that ends a list, "các cấp" too, belongs to every member
    ("cấp ủy, chính quyền các cấp", ["Cấp ủy đảng các cấp", "Chính quyền các cấp"]),
    ("Ban quản lý dự án đầu tư xây dựng tỉnh, BCH Bộ đội Biên phòng TP",
     ["Ban Quản lý dự án đầu tư xây dựng tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng thành phố"]),
    # one kind of unit, every one of them: the committees of all communes, not "the" committee
    # and a stray group (real closing articles and recipient lists)
    ("Giám đốc Sở Tài chính, Chủ tịch Ủy ban nhân dân các xã", ["Sở Tài chính", "Ủy ban nhân dân các xã"]),
    ("UBND các huyện, thị xã", ["Ủy ban nhân dân các huyện, thị xã"]),
    ("Thủ tướng Chính phủ, Ủy ban nhân dân các tỉnh", ["Thủ tướng Chính phủ", "Ủy ban nhân dân các tỉnh"]),
    # a person's title after a comma opens the next member, it does not go on a body's name
    ("Chánh Văn phòng Sở, Trưởng các phòng chuyên môn thuộc Sở", ["Văn phòng Sở", "Các phòng chuyên môn thuộc Sở"]),
    ("Giám đốc Trung tâm Chuyển đổi số Thành phố, Chủ tịch Ủy ban nhân dân cấp xã", ["Trung tâm Chuyển đổi số Thành phố", "Ủy ban nhân dân cấp xã"]),
    # "&" stands for "và" in a name, spaced or not (a commune's plan, DOCX)
    ("Văn phòng Đảng ủy, Văn phòng HĐND&UBND xã", ["Văn phòng Đảng ủy", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"]),
    ("Sở Khoa học & Công nghệ, Sở KH&CN", ["Sở Khoa học và Công nghệ"]),
    # an office of each body listed after "Văn phòng:" (recipient lists)
    ("Văn phòng: Tỉnh ủy, Đoàn ĐBQH&HĐND, UBND tỉnh",
     ["Văn phòng Tỉnh ủy", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân", "Văn phòng Ủy ban nhân dân tỉnh"]),
    # the "và" before the next body joins, it is no part of the group before it
    ("các cơ quan chức năng có liên quan và Ủy ban nhân dân cấp xã", ["Các cơ quan chức năng có liên quan", "Ủy ban nhân dân cấp xã"]),
    # "ban" with the work it does is one board; "ban" in a list of kinds is not (corpus regulations)
    ("Ban biên tập", ["Ban biên tập"]),
    ("Ban kiểm soát", ["Ban kiểm soát"]),
    # every branch of a known body (a closing article's "Giám đốc các Chi nhánh Văn phòng đăng ký đất đai")
    ("các Chi nhánh Văn phòng đăng ký đất đai", ["Các chi nhánh Văn phòng Đăng ký đất đai"]),
    ("Chi nhánh Văn phòng đăng ký đất đai", ["Chi nhánh Văn phòng Đăng ký đất đai"]),
    # an editorial board before its portal's name is the portal's board, one body (corpus a161f65b…)
    ("Ban Biên tập Cổng TTĐT tỉnh", ["Ban Biên tập Cổng Thông tin điện tử tỉnh"]),
    ("các phòng, ban chuyên môn", ["Các phòng, ban chuyên môn"]),
    ("các ban, ngành liên quan", ["Các sở, ban, ngành tỉnh"]),
    # an institute of four fields; two names parted by a slash (a ministry's plan, corpus 448306af…)
    ("Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam", ["Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam"]),
    ("Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao tỉnh", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa và Thể thao"]),
    # a closing article's tier beside groups the text qualifies: the catch-all is the last
    # group's, not the central bodies' (corpus 8b9a38d6…)
    ("Thủ trưởng các cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý của tỉnh, các cơ quan Trung ương trên địa bàn tỉnh và các tổ chức, cá nhân có liên quan",
     ["Các cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý của tỉnh", "Các cơ quan Trung ương trên địa bàn tỉnh", "Các tổ chức, cá nhân có liên quan"]),
    # … and a second group so qualified names nobody in particular, whatever kinds it lists
    ("các cơ quan, đơn vị và các doanh nghiệp, hợp tác xã có liên quan", ["Các cơ quan, đơn vị", "Các doanh nghiệp, hợp tác xã có liên quan"]),
    # one noun repeated with a field of its own each time names as many groups
    ("Các cơ sở giáo dục đại học công lập, cơ sở giáo dục nghề nghiệp", ["Các cơ sở giáo dục đại học công lập", "Các cơ sở giáo dục nghề nghiệp"]),
    ("các phòng, ban, trung tâm", ["Các phòng, ban, trung tâm"]),
    # the short name of a level the text defines is no group (corpus 01bf9d04…)
    ("Ủy ban nhân dân xã, phường (sau đây gọi là cấp xã)", ["Ủy ban nhân dân các xã, phường"]),
    # a bracket inside a board's name stays whole (corpus c22591f1…)
    ("Hội đồng tuyển dụng (Ban đề thi)", ["Hội đồng tuyển dụng (Ban đề thi)"]),
    # generic heads a known body owns are every unit of it, named with the owner's full name
    ("Thủ trưởng các cơ quan, đơn vị thuộc UBND tỉnh", ["Các cơ quan, đơn vị thuộc Ủy ban nhân dân tỉnh"]),
    ("Thủ trưởng cơ quan thuộc Chính phủ", ["Các cơ quan thuộc Chính phủ"]),
    # … by two owner words, and a head's title after "và" opens the next member (a Ministry of
    # Home Affairs decision, corpus 5e4a9784…)
    ("Thủ trưởng các đơn vị thuộc, trực thuộc Bộ Nội vụ và Thủ trưởng các cơ quan, đơn vị có liên quan",
     ["Các đơn vị thuộc, trực thuộc Bộ Nội vụ", "Các cơ quan, đơn vị có liên quan"]),
    # a generic head with its field after "về" is the body of that field, as written
    ("Cơ quan chuyên môn về xây dựng", ["Cơ quan chuyên môn về xây dựng"]),
    ("các cơ quan quản lý nhà nước về giá", ["Các cơ quan quản lý nhà nước về giá"]),
    ("Đơn vị vũ trang bị thiệt hại về tài sản", ["Các đơn vị vũ trang bị thiệt hại về tài sản"]),
    # … and after "có chức năng" (a consolidated decree and a forest-fire regulation, corpus
    # cfc85d8b…, adf53d88…); the function alone names nobody in particular
    ("cơ quan có chức năng quản lý đất đai cấp tỉnh", ["Cơ quan có chức năng quản lý đất đai cấp tỉnh"]),
    ("các cơ quan chức năng", ["Các cơ quan chức năng"]),
    # a field written in capitals after the generic head is that service's body, where it is
    ("cơ quan Kiểm lâm trên địa bàn", ["Cơ quan Kiểm lâm trên địa bàn"]),
    ("cơ quan Tài chính", ["Cơ quan Tài chính"]),
    ("cơ quan đó", ["Các cơ quan đó"]),
    # the army's arms and regions by their field or number (a defence circular, corpus 6d0e277c…)
    ("Binh chủng Công binh, Quân khu 4", ["Binh chủng Công binh", "Quân khu 4"]),
    # "cùng cấp" after a name that does not end in a level word is added to it, not cut into it
    ("Ban Thi đua - Khen thưởng cùng cấp", ["Ban Thi đua - Khen thưởng tỉnh"]),
    # a head's title inside a bracket after an unknown body's name is the next member's, not the name's
    ("Ban Phòng thủ dân sự tỉnh (Chủ tịch Ủy ban nhân dân tỉnh)", ["Ban Phòng thủ dân sự", "Ủy ban nhân dân tỉnh"]),
    # a department's own units end on the word its texts name it by: the verb after it is a verb
    # (a department's plan, a probe of issue 22's issuers) — after another head it may be the
    # body's work ("Văn phòng Ban chỉ đạo")
    ("Thanh tra Sở kiểm tra việc thực hiện quy chế dân chủ", ["Thanh tra Sở"]),
    ("Văn phòng Ban chỉ đạo tổng hợp", ["Văn phòng Ban chỉ đạo"]),
    # the Party's organisation of a body is a Party body of its own (a Party committee's plan)
    ("Đảng ủy Ủy ban nhân dân tỉnh, Đảng đoàn Hội đồng nhân dân tỉnh", ["Đảng ủy Ủy ban nhân dân tỉnh", "Đảng đoàn Hội đồng nhân dân tỉnh"]),
]


@pytest.mark.parametrize("phrase,expected", SPLITS, ids=[p[:40] for p, _ in SPLITS])
def test_split_agency_lists(phrase, expected):
    assert [m.name for m in split_agencies(phrase, VINH_LONG_TERMS)] == expected


def test_place_is_kept_apart_from_the_name():
    m = find_agencies("Liên đoàn Lao động tỉnh Vĩnh Long.")[0]
    assert (m.name, m.level, m.place) == ("Liên đoàn Lao động tỉnh", "tỉnh", "Vĩnh Long")
    # "Phòng" starts agency names, but here it ends a city's
    m = find_agencies("Liên đoàn Lao động thành phố Hải Phòng phối hợp")[0]
    assert m.place == "Hải Phòng"
    # a name that ends in its level takes the province after it as a levelled name does
    m = find_agencies("Thống kê tỉnh Bắc Ninh: Phối hợp cung cấp báo cáo")[0]
    assert (m.name, m.place) == ("Thống kê tỉnh", "Bắc Ninh")
    m = find_agencies("Công an tỉnh Nghệ An chủ trì")[0]
    assert (m.name, m.place, m.end) == ("Công an tỉnh", "Nghệ An", len("Công an tỉnh Nghệ An"))
    # and a place does not run into the next agency
    assert [a.name for a in find_agencies("Ủy ban nhân dân tỉnh Vĩnh Long Sở Nội vụ")] == ["Ủy ban nhân dân tỉnh", "Sở Nội vụ"]


def test_collectives_defined_in_the_text():
    text = "Ủy ban nhân dân xã, phường (gọi chung là các cơ quan, đơn vị, tổ chức, địa phương) trên địa bàn; Nghị quyết số 47 (gọi tắt là Nghị quyết số 47/2025/NQ-HĐND)"
    aliases, members = find_collectives(text)
    assert aliases == {"cơ quan, đơn vị, tổ chức, địa phương": "Các cơ quan, đơn vị, tổ chức, địa phương"}
    assert members["Các cơ quan, đơn vị, tổ chức, địa phương"] == ("Ủy ban nhân dân các xã, phường",)
    # a document's short name, whatever its genre and however it is written, names no body
    for short in ("kế hoạch", "Chương trình", "Đề án"):
        assert find_collectives(f"Chương trình hành động số 12 của Tỉnh ủy (sau đây gọi tắt là {short}) được triển khai") == ({}, {})


def test_a_short_name_of_one_body_with_commas_in_its_full_name_is_no_group():
    # a Government Office notice (corpus 74e2ddc7…): the full name holds commas, the short name is
    # its first words — one committee, not "Các Ban Chỉ đạo của Chính phủ"
    text = ("Thủ tướng Chính phủ, Trưởng Ban Chỉ đạo của Chính phủ về phát triển khoa học, công nghệ, đổi mới sáng tạo, "
            "chuyển đổi số và Đề án 06 (sau đây gọi tắt là Ban Chỉ đạo của Chính phủ) chủ trì Phiên họp")
    aliases, members = find_collectives(text)
    assert aliases == {"ban chỉ đạo của chính phủ": "Ban Chỉ đạo của Chính phủ"} and members == {}
    # … a common noun a text defines for whatever it is about still names them all
    aliases, _ = find_collectives("Doanh nghiệp do Nhà nước nắm giữ 100% vốn điều lệ (sau đây gọi là doanh nghiệp) thực hiện")
    assert aliases == {"doanh nghiệp": "Các doanh nghiệp"}


def test_a_one_word_short_name_of_the_body_just_named_is_that_body():
    # a decree on the national housing fund (corpus c05552433…): "Quỹ" is that fund, whose name
    # no pattern takes whole, not a group "Các Quỹ"
    aliases, members = find_collectives("Nghị định này quy định chi tiết về Quỹ nhà ở quốc gia (sau đây gọi là Quỹ) và biện pháp thi hành")
    assert aliases == {"quỹ": "Quỹ nhà ở quốc gia"} and members == {}


def test_collective_members_are_linked(extractions):
    ex = extractions["001_eb4faafb2f2e4644.txt"]
    groups = {a.name: a for a in ex.agencies}
    assert ex.names(groups["Các cơ quan, đơn vị"].members) == [
        "Các phòng, ban, ngành", "Công an xã", "Ban Chỉ huy quân sự xã", "Các đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân xã"]
    ex = extractions["000_70211efbcc79a593.txt"]
    vl = {a.name: a for a in ex.agencies}
    # "Ủy ban nhân dân xã, phường" in the definition: the commune tier's committees, one body
    assert "Ủy ban nhân dân cấp xã" in ex.names(vl["Các cơ quan, đơn vị, tổ chức, địa phương"].members)


def test_an_umbrella_the_text_defines_stays_generic(extractions):
    """'(gọi chung là các cơ quan, đơn vị, tổ chức, địa phương)' names everyone: the network
    hides it with the other vague groups, whatever members the definition lists."""
    groups = {a.name: a for a in extractions["000_70211efbcc79a593.txt"].agencies}
    assert groups["Các cơ quan, đơn vị, tổ chức, địa phương"].generic
    assert groups["Các cơ quan, đơn vị, tổ chức, địa phương"].members
    assert not groups["Sở Nội vụ"].generic


def test_two_places_same_department_are_two_agencies(extractions):
    vl = {a.name: a for a in extractions["000_70211efbcc79a593.txt"].agencies}
    ct = {a.name: a for a in extractions["003_fcf3e25466826abb.txt"].agencies}
    assert vl["Sở Nội vụ"].kind == ct["Sở Nội vụ"].kind == "department"
    assert (vl["Sở Nội vụ"].jurisdiction, ct["Sở Nội vụ"].jurisdiction) == ("Vĩnh Long", "Cần Thơ")


@pytest.mark.parametrize(
    "phrase,generic",
    [
        ("các đơn vị điện lực", False),  # a field of work: a definite group
        ("các tổ chức tín dụng", False),
        ("các cơ quan chuyên môn", True),  # vague words after the head (cues.yaml: vague_fields)
        ("các cơ quan, đơn vị liên quan", True),
        ("cơ quan đăng ký đầu tư", True),  # singular: a role in the text, not a group
    ],
)
def test_generic_head_with_a_field(phrase, generic):
    found = split_agencies(phrase, VINH_LONG_TERMS)
    assert len(found) == 1 and found[0].generic is generic


# (text, the body's one name, the name as the text writes it): real wordings of the plans
WRITTEN = [
    ("Mặt trận Tổ quốc tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Mặt trận Tổ quốc tỉnh"),
    ("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    # the provincial Youth Union, not the national organisation
    ("Tỉnh đoàn", "Tỉnh đoàn", "Tỉnh đoàn"),
    # an abbreviation the word table cannot expand: the name
    ("Sở KH&CN", "Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"),
    # a person stands for the unit; a collective is named by its kind
    ("Giám đốc Sở Tư pháp", "Sở Tư pháp", "Sở Tư pháp"),
    ("các Sở, ngành tỉnh", "Các sở, ban, ngành tỉnh", "Các sở, ban, ngành tỉnh"),
    ("UBND các xã, phường", "Ủy ban nhân dân các xã, phường", "Ủy ban nhân dân các xã, phường"),
    # a slash lists units as a comma does (a ministry's task table, a Sơn La decision)
    ("UBND các tỉnh/thành phố", "Ủy ban nhân dân các tỉnh, thành phố", "Ủy ban nhân dân các tỉnh, thành phố"),
    ("Ủy ban nhân dân xã / phường", "Ủy ban nhân dân các xã, phường", "Ủy ban nhân dân các xã, phường"),
    # "&" for "và" between abbreviations the table expands
    ("Văn phòng HĐND&UBND xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"),
    # … and a dash between them: the two bodies' one office (a Ho Chi Minh City ward's plan,
    # probes' phuong_hcm_kh_khu_pho; a commune's regulation, corpus be5392d4…)
    ("Văn phòng HĐND-UBND phường", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường"),
    ("Văn phòng HĐND - UBND cấp xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân cấp xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân cấp xã"),
    # an association's branch is not the association (probes' phuong_hcm_kh_khu_pho)
    ("Chi hội Cựu chiến binh khu phố", "Chi hội Cựu chiến binh khu phố", "Chi hội Cựu chiến binh khu phố"),
    # a verb's word inside a name ("bảo đảm"), a field after a dash whose first word opens a
    # body's name ("Học viện"), with its comma (probes' truong_dh_kh)
    ("Phòng Đảm bảo chất lượng", "Phòng Đảm bảo chất lượng", "Phòng Đảm bảo chất lượng"),
    ("Phòng Công tác chính trị - Học sinh, sinh viên", "Phòng Công tác chính trị - Học sinh, sinh viên", "Phòng Công tác chính trị - Học sinh, sinh viên"),
    # a department of home affairs' divisions since 2025: fields with a comma, after the head
    # or after "và" (probes' so_noi_vu_kh_phong)
    ("Phòng Tổ chức, biên chế và Tổ chức phi chính phủ", "Phòng Tổ chức, biên chế và Tổ chức phi chính phủ", "Phòng Tổ chức, biên chế và Tổ chức phi chính phủ"),
    ("Phòng Cải cách hành chính và Văn thư, lưu trữ", "Phòng Cải cách hành chính và Văn thư, lưu trữ", "Phòng Cải cách hành chính và Văn thư, lưu trữ"),
    # a field of two words parted by a comma (probes' bo_tu_phap_kh_vu_cuc)
    ("Cục Phổ biến, giáo dục pháp luật", "Cục Phổ biến, giáo dục pháp luật", "Cục Phổ biến, giáo dục pháp luật"),
    # words with a comma or "và" inside could be a list's: the body's one name
    ("Sở Lao động, Thương binh và Xã hội tỉnh", "Sở Lao động - Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
    ("Sở Khoa học và Công nghệ tỉnh", "Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"),
]


@pytest.mark.parametrize("text,name,written", WRITTEN, ids=[w[0] for w in WRITTEN])
def test_a_body_is_written_as_the_text_writes_it(text, name, written):
    m = split_agencies(text, VINH_LONG_TERMS)[0]
    assert (m.name, written_name(m, VINH_LONG_TERMS)) == (name, written)


def test_the_written_form_never_cuts_a_name_short():
    # the mention covers "Hội đồng Thi đua" of a longer name, or only the level of an elliptic member
    lexicon = Lexicon({}, "tỉnh")
    cut = AgencyMention("Hội đồng Thi đua - Khen thưởng ngành Y tế", "council", "Hội đồng Thi đua", 0, 16)
    elliptic = AgencyMention("Ủy ban nhân dân cấp xã", "peoples_committee", "cấp xã", 0, 6, level="cấp xã")
    assert written_name(cut, lexicon) == "Hội đồng Thi đua - Khen thưởng ngành Y tế"
    assert written_name(elliptic, lexicon) == "Ủy ban nhân dân cấp xã"
    # "UBND phường Cổ Nhuế 2 và phường Xuân Đỉnh": the second ward stands for its committee
    ward = split_agencies("UBND phường Cổ Nhuế 2 và phường Xuân Đỉnh", Lexicon({}, "thành phố", own_place="Hà Nội"))[1]
    assert written_name(ward, lexicon) == "Ủy ban nhân dân phường Xuân Đỉnh"


@pytest.mark.parametrize(
    "text,place",
    [
        # a capitalised word after a known place starts the next phrase (real plans' openings)
        ("Kế hoạch số 77/KH-UBND ngày 17 tháng 9 năm 2025 của Ủy ban nhân dân thành phố Cần Thơ Thực hiện Chương trình", "Cần Thơ"),
        ("của UBND tỉnh Bắc Ninh Quyết định phê duyệt", "Bắc Ninh"),
        # … but a name that goes on past a shorter known one is the place's own
        ("UBND xã Phú Xuân Tây", "Phú Xuân Tây"),
        ("UBND phường Cổ Nhuế 2 và phường Xuân Đỉnh", "Cổ Nhuế 2"),
        # a place whose name begins with a body's head word ("Thanh tra", "Chi cục", "Đại học")
        ("Ủy ban nhân dân tỉnh Thanh Hóa phối hợp với Bộ Công Thương", "Thanh Hóa"),
        ("Ủy ban nhân dân xã Chi Lăng chủ trì", "Chi Lăng"),
        # a province after a levelled body without its level word
        ("Văn phòng Đăng ký đất đai Hà Nội (và các Chi nhánh trực thuộc)", "Hà Nội"),
    ],
)
def test_a_place_ends_where_its_name_does(text, place):
    m = next(a for a in find_agencies(text) if a.place)
    assert m.place == place


def test_bodies_of_every_level_of_a_place_keep_the_place():
    """A Hà Nội council's resolution: "Ủy ban Mặt trận Tổ quốc Việt Nam các cấp thành phố Hà Nội
    tham gia giám sát" — the level word after "các cấp" and the place belong to the body, so the
    predicate that follows is read."""
    found = find_agencies("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam các cấp thành phố Hà Nội tham gia giám sát")
    assert [(a.level, a.place, a.surface.endswith("Hà Nội")) for a in found] == [("các cấp", "Hà Nội", True)]


def test_the_level_after_every_level_belongs_to_the_body():
    """A Hà Nội council's resolution: "Ủy ban Mặt trận Tổ quốc Việt Nam các cấp Thành phố phối hợp
    …" — the city's level word after "các cấp", with no name after it, is the body's, so the
    predicate that follows is read."""
    found = find_agencies("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam các cấp Thành phố phối hợp tuyên truyền")
    assert [a.surface for a in found] == ["Ủy ban Mặt trận Tổ quốc Việt Nam các cấp Thành phố"]


def test_what_a_cited_plan_is_about_is_no_place():
    """A real plan's ground: "… 92/KH-UBND ngày 15/9/2025 của UBND tỉnh Sửa đổi, bổ sung …" — the
    capitalised "Sửa" opens the cited plan's subject; the committee is the province's own."""
    found = find_agencies("của UBND tỉnh Sửa đổi, bổ sung cập nhật Kế hoạch")
    assert found and found[0].name.startswith("Ủy ban nhân dân") and found[0].place is None


def test_a_name_after_a_list_of_units_is_the_last_units_not_the_place_of_all():
    """"các xã, phường, đặc khu Cồn Cỏ" (a Quảng Trị directive): Cồn Cỏ is the special zone's
    name; the committees of every commune are the province's, not Cồn Cỏ's. A province after the
    list is still their place."""
    m = find_agencies("1. Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ: thực hiện")[0]
    assert (m.name, m.place) == ("Ủy ban nhân dân các xã, phường, đặc khu", None)
    assert m.surface.endswith("Cồn Cỏ")
    m = find_agencies("Ủy ban nhân dân các xã, phường tỉnh Quảng Trị thực hiện")[0]
    assert m.name == "Ủy ban nhân dân các xã, phường"


def test_every_ministry_an_issuer_code_names_is_a_body_the_gazetteer_knows():
    # doc_types.yaml names the issuers of symbols ("…/QĐ-BXD"), agencies.yaml the bodies a text
    # assigns: a ministry in one and not the other would read as a name of the family "Bộ", cut
    # at the first lower-case verb ("Bộ Xây dựng trực tiếp chỉ đạo" -> "Bộ Xây dựng trực")
    from ingest.rules import doc_types, gazetteer

    known = {e.name for e in gazetteer().entries}
    ministries = {name for name in doc_types().issuers.values() if name.startswith("Bộ ")}
    assert ministries and ministries <= known, sorted(ministries - known)


# Names a scanner misread by a mark (OCR) are still the body the gazetteer knows; words that
# only share the letters, or a name run into the next line's heading, are not (corpus lines).
MISREAD = [
    ("SỞ KHOA HỌC VA CÔNG NGHỆ chủ trì thẩm định", ["Sở Khoa học và Công nghệ"]),
    ("trình Ủy ban Thường vụ Quôc hội, Quốc hội xem xét", ["Ủy ban Thường vụ Quốc hội", "Quốc hội"]),
    ("Ủy bân nhân dân tỉnh chỉ đạo", ["Ủy ban nhân dân tỉnh"]),
    ("Hội đông nhân dân xã giám sát", ["Hội đồng nhân dân xã"]),
    ("Giao Sở Nôi vụ chủ trì, phối hợp với Sở Tài chinh", ["Sở Nội vụ", "Sở Tài chính"]),
    ("Mai Văn Chính PHỤ LỤC I", []),
    ("bảo đảm công ăn việc làm cho người lao động", []),
    ("Giao So Noi vu chu tri", []),
]


@pytest.mark.parametrize("text,names", MISREAD, ids=[t[:40] for t, _ in MISREAD])
def test_a_name_misread_by_a_mark_is_the_known_body(text, names):
    assert [m.name for m in find_agencies(text) if m.known] == names


def test_the_sectors_beside_the_ministries_are_one_group_in_a_national_text():
    """"các Bộ, ngành liên quan" in a ministry's plan: the central sectors, one group with the
    ministries — not "Các bộ" and a stray "Các ngành" (24 corpus documents read it so)."""
    national = Lexicon({}, None, {}, True, None, True)
    assert [m.name for m in split_agencies("các Bộ, ngành liên quan", national)] == ["Các bộ, ngành"]
    assert [m.name for m in split_agencies("các Bộ, ngành, địa phương", national)] == ["Các bộ, ngành", "Các địa phương"]


@pytest.mark.parametrize(
    "phrase,names",
    [
        # "trường hợp" (a case) opens with the head word of schools, and names no body: a
        # regulation's "Đối với các trường hợp …" gave 335 corpus tasks a case for their lead
        ("các trường hợp cấp lại Chứng chỉ hành nghề bị mất", []),
        ("trường hợp bị mất hoặc bị hỏng", []),
        ("các trường học trên địa bàn", ["Các trường học trên địa bàn"]),
        # "xã hội" (society) opens with the word for a commune and names none
        ("Xã hội hóa/đối tác đầu tư công - tư", []),
    ],
)
def test_a_phrase_the_rules_know_names_no_body_is_no_group(phrase, names):
    assert [m.name for m in split_agencies(phrase, Lexicon({}, "tỉnh"))] == names


@pytest.mark.parametrize("phrase", [p for p, _ in SPLITS], ids=[p[:40] for p, _ in SPLITS])
def test_every_mention_of_a_list_points_at_its_own_words(phrase):
    """A task's lead and supporters are told apart by where their names stand in the clause:
    every mention's span lies in the phrase (as its enumerations read), in the order the text
    names them, and holds the words the mention was read from."""
    text = expand_enumerations(" ".join(phrase.split()))
    mentions = split_agencies(phrase, VINH_LONG_TERMS)
    for m in mentions:
        assert isinstance(m.start, int) and isinstance(m.end, int)
        assert 0 <= m.start < m.end <= len(text), m
        assert " ".join(m.surface.split()).strip(" ,;.:()") in " ".join(text[m.start : m.end].split()), m
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


# (phrase, [(name, kind, level, place)]) what each mention is, beside its name
RECORDS = [
    # a ward named after another ward's committee is a committee of its own ward, the third too
    ("UBND phường Cổ Nhuế 2, phường Xuân Đỉnh và phường Phú Diễn",
     [("Ủy ban nhân dân phường", "peoples_committee", "phường", "Cổ Nhuế 2"),
      ("Ủy ban nhân dân phường", "peoples_committee", "phường", "Xuân Đỉnh"),
      ("Ủy ban nhân dân phường", "peoples_committee", "phường", "Phú Diễn")]),
    # a level after the committees of another level stands for the committees of its own
    ("Ủy ban nhân dân cấp huyện, cấp xã",
     [("Ủy ban nhân dân cấp huyện", "peoples_committee", "cấp huyện", None),
      ("Ủy ban nhân dân cấp xã", "peoples_committee", "cấp xã", None)]),
    # the level that ends a list is every member's
    ("Cấp ủy đảng, chính quyền cấp xã",
     [("Cấp ủy đảng cấp xã", "party_body", "cấp xã", None), ("Chính quyền cấp xã", "collective_group", "cấp xã", None)]),
    # groups keep the level their list ends with, whatever makes them a group
    ("các sở, ban, ngành cấp tỉnh", [("Các sở, ban, ngành cấp tỉnh", "collective_group", "cấp tỉnh", None)]),
    ("các đơn vị điện lực cấp tỉnh", [("Các đơn vị điện lực cấp tỉnh", "collective_group", "cấp tỉnh", None)]),
    ("các cơ quan, đơn vị cấp tỉnh", [("Các cơ quan, đơn vị cấp tỉnh", "collective_group", "cấp tỉnh", None)]),
    ("các hội, đoàn cấp tỉnh", [("Các hội, đoàn cấp tỉnh", "collective_group", "cấp tỉnh", None)]),
    ("các phòng, ban, trung tâm cấp xã", [("Các phòng, ban, trung tâm cấp xã", "collective_group", "cấp xã", None)]),
    # the provinces' committees, "tỉnh" first as the units are ordered
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
     [("Ủy ban nhân dân các tỉnh, thành phố", "peoples_committee", "các tỉnh, thành phố", None)]),
    # a group the text defines by its own words, with no lexicon that knows it
    ("Các cơ quan nhà nước, đơn vị sự nghiệp công lập (sau đây gọi là cơ quan, đơn vị)",
     [("Các cơ quan, đơn vị", "collective_group", None, None)]),
]


@pytest.mark.parametrize("phrase,records", RECORDS, ids=[p[:40] for p, _ in RECORDS])
def test_each_mention_says_what_it_names(phrase, records):
    assert [(m.name, m.kind, m.level, m.place) for m in split_agencies(phrase, Lexicon({}))] == records


@pytest.mark.parametrize(
    "phrase,generic,name",
    [
        # everyone who may help, nobody in particular (a plan's call on society)
        ("Doanh nghiệp, cộng đồng, tổ chức, cá nhân", True, "Các doanh nghiệp, cộng đồng, tổ chức, cá nhân"),
        # a member with no head of its own goes on the one before it
        ("các doanh nghiệp sản xuất, chế biến và xuất khẩu", False, "Các doanh nghiệp sản xuất, chế biến và xuất khẩu"),
        # "tất cả các" is every one of them, no word of the name
        ("tất cả các cơ quan, đơn vị", True, "Các cơ quan, đơn vị"),
        ("các cơ quan và đơn vị cấp tỉnh", True, "Các cơ quan và đơn vị cấp tỉnh"),
        # a list that opens with a generic head is the text's own vague group, whatever it adds
        ("các cơ quan, đơn vị liên quan và địa phương", True, "Các cơ quan, đơn vị liên quan và địa phương"),
        ("Các cơ quan, đơn vị, địa phương, doanh nghiệp", True, "Các cơ quan, đơn vị, địa phương, doanh nghiệp"),
        # common nouns of one group, and a field that makes it definite
        ("các phòng, ban, trung tâm", False, "Các phòng, ban, trung tâm"),
        ("các đơn vị điện lực", False, "Các đơn vị điện lực"),
    ],
)
def test_a_list_of_common_nouns_is_one_group(phrase, generic, name):
    found = split_agencies(phrase, Lexicon({}))
    assert [(m.name, m.kind, m.generic) for m in found] == [(name, "collective_group", generic)]


@pytest.mark.parametrize(
    "lexicon,local",
    [
        # a province's text after the 2025 reform: its communes' and wards' committees
        (Lexicon({}, "tỉnh", reform=True), "Ủy ban nhân dân các xã, phường"),
        # before the reform (districts stood between), a commune's own text, a national one: as written
        (Lexicon({}, "tỉnh", reform=False), "Các địa phương"),
        (Lexicon({}, "xã", reform=True), "Các địa phương"),
        (Lexicon({}, "tỉnh", reform=True, national=True), "Các địa phương"),
    ],
    ids=["province after the reform", "province before it", "commune", "national"],
)
def test_what_the_localities_are_depends_on_who_writes_and_when(lexicon, local):
    assert [m.name for m in split_agencies("các sở, ngành, địa phương", lexicon)][1:] == [local]


@pytest.mark.parametrize(
    "lexicon,group",
    [
        (Lexicon({}, "thành phố", own_place="Hà Nội"), "Các sở, ban, ngành thành phố"),
        (Lexicon({}, "tỉnh"), "Các sở, ban, ngành tỉnh"),
        (Lexicon({}, "xã"), "Các ban, ngành"),
    ],
    ids=["city", "province", "commune"],
)
def test_the_sectors_are_the_departments_only_in_a_province_or_citys_text(lexicon, group):
    assert [m.name for m in split_agencies("các ban, ngành", lexicon)] == [group]


def test_a_ministrys_units_need_a_department_in_the_list():
    national = Lexicon({}, None, {}, True, None, True)
    assert [m.name for m in split_agencies("các Vụ, Cục", national)] == ["Các cục, vụ"]
    # "vụ" alone is also a word: kept as written, not the ministry's units
    assert [m.name for m in split_agencies("các vụ", national)] == ["Các vụ"]


def test_a_list_of_units_of_two_tiers_is_no_tier():
    assert tier_name("Ủy ban nhân dân các xã, huyện", "các xã, huyện") == "Ủy ban nhân dân các xã, huyện"
    assert tier_name("Ủy ban nhân dân các xã, phường, đặc khu", "các xã, phường, đặc khu") == "Ủy ban nhân dân cấp xã"
    # a member of a collective comes without its level: the listed level its name ends with
    assert tier_name("Ủy ban nhân dân các xã, phường") == "Ủy ban nhân dân cấp xã"
    assert tier_name("Ban Chỉ đạo") == "Ban Chỉ đạo"


@pytest.mark.parametrize(
    "phrase,plural,whole",
    [
        ("các sở, ban, ngành", True, True),
        ("Những cơ quan có liên quan", True, True),
        # every member by name, not a kind: only when asked for the whole
        ("toàn thể cán bộ, công chức", False, True),
        ("Tất cả các đơn vị", False, True),
        ("Sở Nội vụ", False, False),
    ],
)
def test_a_phrase_names_every_body_of_a_kind(phrase, plural, whole):
    assert (is_plural(phrase), is_plural(phrase, whole=True)) == (plural, whole)


@pytest.mark.parametrize(
    "phrase,tidy",
    [
        ("và các cơ quan, đơn vị liên quan;", "Các cơ quan, đơn vị liên quan"),
        ("Hoặc các đơn vị liên quan", "Các đơn vị liên quan"),
        ("Văn phòng HĐND&UBND xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"),
        ("Hội đồng Thi đua – Khen thưởng", "Hội đồng Thi đua - Khen thưởng"),
    ],
)
def test_a_generic_phrase_is_tidied_to_a_name(phrase, tidy):
    assert canonical_generic(phrase) == tidy


def test_a_body_of_another_commune_is_named_with_its_place_the_issuers_own_without():
    own = Lexicon({}, "xã", own_place="Vĩnh Thủy")
    here, there = (AgencyMention("Ủy ban nhân dân xã", "peoples_committee", f"UBND xã {p}", 0, 20, level="xã", place=p) for p in ("Vĩnh Thủy", "Vĩnh Hiền"))
    assert (shown_name(here, own), shown_name(there, own)) == ("Ủy ban nhân dân xã", "Ủy ban nhân dân xã Vĩnh Hiền")


@pytest.mark.parametrize(
    "text,expanded",
    [
        ("các sở: Tài chính, Xây dựng", "Sở Tài chính, Sở Xây dựng"),
        # a comma inside a known name holds its items together
        ("các Sở: Tài chính, Văn hóa, Thể thao và Du lịch, Xây dựng", "Sở Tài chính, Sở Văn hóa, Thể thao và Du lịch, Sở Xây dựng"),
        # the members end where a word in lower case begins: the predicate's commas are its own
        ("Các Bộ: Tài chính, Y tế khẩn trương khắc phục bất cập, hoàn thành trong tháng 11 năm 2025, cụ thể:",
         "Bộ Tài chính, Bộ Y tế khẩn trương khắc phục bất cập, hoàn thành trong tháng 11 năm 2025, cụ thể:"),
        ("các Tập đoàn: Bưu chính Viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội tổ chức triển khai",
         "Tập đoàn Bưu chính Viễn thông Việt Nam, Tập đoàn Công nghiệp - Viễn thông Quân đội tổ chức triển khai"),
        # an item that writes the head itself (a Prime Minister's dispatch's address, corpus 44aeb2fd…)
        ("Bộ trưởng các Bộ: Tài chính, Nội vụ, Bộ Y tế", "Bộ trưởng Bộ Tài chính, Bộ Nội vụ, Bộ Y tế"),
    ],
)
def test_an_enumeration_after_a_head_names_each_body(text, expanded):
    assert expand_enumerations(text) == expanded


@pytest.mark.parametrize(
    "text,own_place,expanded",
    [
        # a Prime Minister's dispatch and a Government notice (corpus 15e6fb3d…, 50f69447…)
        ("Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai:", None,
         "Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa, Ủy ban nhân dân tỉnh Đắk Lắk, Ủy ban nhân dân tỉnh Gia Lai:"),
        ("Ủy ban nhân dân các tỉnh, thành phố: Tuyên Quang, Hồ Chí Minh quyết liệt chỉ đạo", None,
         "Ủy ban nhân dân tỉnh Tuyên Quang, Ủy ban nhân dân thành phố Hồ Chí Minh quyết liệt chỉ đạo"),
        # what the units are, between their level words and the list (a Prime Minister's dispatch, corpus 44aeb2fd…)
        ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: Hà Tĩnh, Huế chủ động phối hợp", None,
         "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh, Ủy ban nhân dân thành phố Huế chủ động phối hợp"),
        # provinces as a clause's subject act through their People's Committees
        ("Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương hoàn thiện Báo cáo", None,
         "Ủy ban nhân dân tỉnh Nghệ An, Ủy ban nhân dân tỉnh Quảng Ngãi, Ủy ban nhân dân tỉnh Cao Bằng khẩn trương hoàn thiện Báo cáo"),
        ("Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai đẩy nhanh tiến độ", None,
         "Ủy ban nhân dân thành phố Hà Nội, Ủy ban nhân dân tỉnh Bắc Ninh, Ủy ban nhân dân tỉnh Gia Lai đẩy nhanh tiến độ"),
        # not a place that is no province, nor words that assign nothing, nor a province's own aims
        ("Tỉnh Thanh Hóa có tiềm năng lớn về du lịch", None, "Tỉnh Thanh Hóa có tiềm năng lớn về du lịch"),
        # a province that "cần" do something is its committee (whether that is work given is the
        # part's to say: an assessment gives none, corpus 24701a1c…)
        ("Tỉnh Thanh Hóa cần nỗ lực, phấn đấu hơn nữa", None, "Ủy ban nhân dân tỉnh Thanh Hóa cần nỗ lực, phấn đấu hơn nữa"),
        ("trên địa bàn tỉnh Nghệ An khẩn trương", None, "trên địa bàn tỉnh Nghệ An khẩn trương"),
        ("Kế hoạch đầu tư công trung hạn; tỉnh Cà Mau xây dựng kế hoạch", "Cà Mau", "Kế hoạch đầu tư công trung hạn; tỉnh Cà Mau xây dựng kế hoạch"),
    ],
)
def test_a_list_of_provinces_names_the_body_of_each(text, own_place, expanded):
    assert expand_enumerations(text, own_place) == expanded


def test_a_national_text_names_each_provinces_body_with_its_place():
    national = Lexicon({}, None, own_place="Hà Nội", national=True)
    provincial = Lexicon({}, "tỉnh", own_place="Gia Lai")
    bodies = [AgencyMention("Ủy ban nhân dân tỉnh", "peoples_committee", f"UBND tỉnh {p}", 0, 20, level="tỉnh", place=p) for p in ("Gia Lai", "Khánh Hòa")]
    assert [shown_name(b, national) for b in bodies] == ["Ủy ban nhân dân tỉnh Gia Lai", "Ủy ban nhân dân tỉnh Khánh Hòa"]
    assert [shown_name(b, provincial) for b in bodies] == ["Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"]
    hanoi = AgencyMention("Ủy ban nhân dân thành phố", "peoples_committee", "UBND thành phố Hà Nội", 0, 20, level="thành phố", place="Hà Nội")
    assert shown_name(hanoi, national) == "Ủy ban nhân dân thành phố Hà Nội"  # the seat of a national issuer governs nothing


@pytest.mark.parametrize(
    "issuer,unit",
    [
        ("Bộ Nội vụ", "Bộ"),
        ("Sở Tư pháp", "Sở"),
        ("Thủ tướng Chính phủ", "Chính phủ"),
        # a body its own units name in full ("Văn phòng Ủy ban nhân dân tỉnh")
        ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
        ("Hội Nông dân tỉnh", None),
        (None, None),
    ],
)
def test_how_the_issuers_own_units_name_it(issuer, unit):
    assert own_unit(issuer) == unit


def test_a_short_name_of_one_body_is_that_body_not_a_group():
    aliases, members = find_collectives("Hội đồng Thi đua – Khen thưởng ngành Y tế thành phố (gọi tắt là Hội đồng thi đua) có nhiệm vụ")
    assert aliases == {"hội đồng thi đua": "Hội đồng Thi đua - Khen thưởng ngành Y tế thành phố"}
    assert members == {}


@pytest.mark.parametrize(
    "text,names",
    [
        # a word that opens a verb elsewhere ("kiểm tra") is a word of the name here (corpus circulars)
        ("1. Cục Đăng kiểm Việt Nam có trách nhiệm", ["Cục Đăng kiểm Việt Nam"]),
        # … but the whole verb written in lower case ends it, after a name word or not
        ("Trung tâm Công nghệ thông tin kiểm tra hệ thống", ["Trung tâm Công nghệ thông tin"]),
        ("Trung tâm Xúc tiến đầu tư tổng hợp báo cáo", ["Trung tâm Xúc tiến đầu tư"]),
        # a field that is a verb, closed by the level and place (a city's plan, corpus 001c610b…)
        ("Sở Khoa học và Công nghệ, Viện Nghiên cứu phát triển Thành phố chủ trì", ["Sở Khoa học và Công nghệ", "Viện Nghiên cứu phát triển Thành phố"]),
        # the level and place close a name; a verb the rules do not list follows (corpus decisions)
        ("2. Giao Trung tâm Chuyển đổi số Thành phố cấu hình thủ tục hành chính", ["Trung tâm Chuyển đổi số Thành phố"]),
        # … the province set aside, as for any body (test_a_family_s_province_goes_aside)
        ("Sở Công Thương, Ban Quản lý khu Kinh tế tỉnh Đồng Tháp thực hiện", ["Sở Công Thương", "Ban Quản lý khu Kinh tế tỉnh"]),
        # a level word that makes a body's name with the next is no closing level; a verb right
        # after a head names the body's work (recipient lists)
        ("- Ban Tổ chức Tỉnh ủy;", ["Ban Tổ chức Tỉnh ủy"]),
        ("7. Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia theo dõi", ["Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia"]),
    ],
)
def test_a_familys_name_ends_where_its_words_do(text, names):
    assert [m.name for m in find_agencies(text)] == names


def test_a_family_s_province_goes_aside():
    """"Ban Quản lý Khu kinh tế mở Chu Lai thành phố Đà Nẵng" and the same board written without
    its city are one name; a district's place stays in the name (two districts' centres)."""
    board = find_agencies("Ban Quản lý khu Kinh tế tỉnh Đồng Tháp thực hiện")[0]
    assert (board.name, board.place) == ("Ban Quản lý khu Kinh tế tỉnh", "Đồng Tháp")
    centre = find_agencies("Trung tâm Y tế huyện Tiên Phước chủ trì")[0]
    assert (centre.name, centre.place) == ("Trung tâm Y tế huyện Tiên Phước", None)


_COMMUNE = Lexicon({}, "xã", own_place="Nghi Dương")
_PROVINCE = Lexicon({}, "tỉnh")


@pytest.mark.parametrize(
    "lexicon,phrase,records",
    [
        # "cùng cấp" is the issuer's own level, in the name and as the mention's level
        (_COMMUNE, "Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị - xã hội cùng cấp",
         [("Ủy ban Mặt trận Tổ quốc Việt Nam xã", "xã", False), ("Các tổ chức chính trị - xã hội xã", "xã", False)]),
        (_PROVINCE, "Hội Nông dân cùng cấp", [("Hội Nông dân tỉnh", "tỉnh", False)]),
        # departments qualified as the ones concerned are still the departments ...
        (_PROVINCE, "các sở, ngành liên quan", [("Các sở, ban, ngành tỉnh", None, False)]),
        # ... but named kinds joined with a generic head under the qualifier are whichever bodies
        # are concerned, the text's own vague group (as seed 000's key writes line 158's)
        (_PROVINCE, "các ngành liên quan, đơn vị, địa phương", [("Các ngành liên quan, đơn vị, địa phương", None, True)]),
        (_COMMUNE, "các Bộ, cơ quan liên quan", [("Các Bộ, cơ quan liên quan", None, True)]),
        # the ministries' sectors are the central ones
        (_COMMUNE, "các bộ, ngành Trung ương", [("Các bộ, ngành Trung ương", None, False)]),
        # "các địa phương cấp xã": in a province's text the communes' committees, in a commune's as written
        (_PROVINCE, "các địa phương cấp xã", [("Ủy ban nhân dân các xã, phường", "cấp xã", False)]),
        (_COMMUNE, "các địa phương cấp xã", [("Các địa phương cấp xã", "cấp xã", False)]),
    ],
    ids=["cùng cấp in a commune", "cùng cấp in a province", "qualified departments", "qualified sectors and units", "qualified ministries and bodies", "central sectors", "localities of a province", "localities of a commune"],
)
def test_a_groups_level_and_name_follow_who_writes(lexicon, phrase, records):
    found = split_agencies(phrase, lexicon)
    assert [(m.name, m.level, m.generic) for m in found] == records
    assert [written_name(m, lexicon) for m in found] == [name for name, _, _ in records]


def test_a_group_a_list_defines_without_naming_one_body_is_a_group():
    aliases, members = find_collectives("Các cơ quan nhà nước, đơn vị sự nghiệp công lập (sau đây gọi là cơ quan, đơn vị) thực hiện")
    assert aliases == {"cơ quan, đơn vị": "Các cơ quan, đơn vị"}
    assert members == {"Các cơ quan, đơn vị": ("Các cơ quan nhà nước, đơn vị sự nghiệp công lập",)}


def test_a_tier_written_after_a_member_is_its_own_and_no_level_is_shared_across_it():
    # a Government decree (corpus e4ddc120…): the central bodies, then the provinces' committees
    national = Lexicon({}, None, {}, True, None, True)
    phrase = "Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội ở trung ương, ủy ban nhân dân cấp tỉnh"
    assert [(m.name, m.level) for m in split_agencies(phrase, national)] == [
        ("Mặt trận Tổ quốc Việt Nam", None), ("Các tổ chức chính trị - xã hội ở trung ương", None), ("Ủy ban nhân dân cấp tỉnh", "cấp tỉnh")]
    # without it, the level that ends the list is every member's
    assert [m.name for m in split_agencies("Hội Nông dân, Hội Cựu chiến binh cấp xã", national)] == ["Hội Nông dân cấp xã", "Hội Cựu chiến binh cấp xã"]


def test_a_level_that_ends_a_list_is_shared_within_the_part_its_semicolon_closes():
    # a Hà Nội council resolution (corpus a6fb1f37…): the city's level ends the second part and is
    # its members', the first part names its own; across the semicolon nothing is shared
    city = Lexicon({}, "thành phố", {}, True, "Hà Nội")
    phrase = "Thường trực Hội đồng nhân dân Thành phố; các Ban của Hội đồng nhân dân Thành phố và các Tổ đại biểu, đại biểu Hội đồng nhân dân Thành phố"
    assert [m.name for m in split_agencies(phrase, city)] == [
        "Thường trực Hội đồng nhân dân thành phố", "Các Ban của Hội đồng nhân dân thành phố",
        "Các Tổ đại biểu Hội đồng nhân dân thành phố", "Đại biểu Hội đồng nhân dân thành phố"]
    # a recipients' line (corpus 02b9be77…): the standing committee is the city's, as its committee
    assert [m.name for m in split_agencies("Thường trực HĐND, UBND Thành phố; UBMTTQ Việt Nam Thành phố", city)][:2] == [
        "Thường trực Hội đồng nhân dân thành phố", "Ủy ban nhân dân thành phố"]
    assert [m.name for m in split_agencies("Hội đồng nhân dân; Ủy ban nhân dân tỉnh Đồng Tháp", _PROVINCE)][0] == "Hội đồng nhân dân"


def test_the_press_spelled_out_in_brackets_is_the_press():
    # the brackets list the group's members; the clause names the group (a plan's propaganda duty)
    found = split_agencies("các cơ quan báo chí (Báo Nghệ An, Đài Phát thanh và Truyền hình tỉnh)", _PROVINCE)
    assert [(m.name, m.kind) for m in found] == [("Các cơ quan báo chí", "media")]
    # and a group of common nouns owned by a named body is definite: vague is a yes or a no
    units = split_agencies("các phòng, ban chuyên môn thuộc UBND xã", _PROVINCE)
    assert [(m.name, m.generic) for m in units] == [("Các phòng, ban chuyên môn thuộc Ủy ban nhân dân xã", False)]
    assert units[0].generic is False


def test_a_two_letter_abbreviation_names_a_body_only_in_capitals():
    # "TU" is the provincial Party committee; "tu bổ" is a repair (a heritage decree, corpus 54c3026b…)
    assert [(a.name, a.surface) for a in find_agencies("Ban Thường vụ TU chỉ đạo")] == [("Tỉnh ủy", "TU")]
    assert find_agencies("bảo quản, tu bổ, phục hồi di tích") == []
    assert find_agencies("Tu sửa đường giao thông nông thôn") == []


@pytest.mark.parametrize(
    "phrase,records",
    [
        # a level understood from the body before, or shared from the last member: the same entry
        ("Ủy ban nhân dân cấp huyện, cấp xã", [(True, "Ủy ban nhân dân"), (True, "Ủy ban nhân dân")]),
        ("Hội Nông dân, Hội Cựu chiến binh cấp xã", [(True, "Hội Nông dân"), (True, "Hội Cựu chiến binh")]),
        ("Cấp ủy đảng, chính quyền cấp xã", [(True, "Cấp ủy đảng"), (False, None)]),
        # a group the text defines is known to the text, not to the gazetteer
        ("Các cơ quan nhà nước, đơn vị sự nghiệp công lập (sau đây gọi là cơ quan, đơn vị)", [(True, None)]),
        ("Phòng Văn hóa - Xã hội huyện Long Hồ", [(True, "Phòng Văn hóa - Xã hội")]),
        ("Đài Truyền hình Việt Nam", [(True, "Đài Truyền hình Việt Nam")]),
        # a family's name the gazetteer does not list
        ("Ban Quản lý Khu kinh tế Đông Nam", [(False, None)]),
    ],
)
def test_each_mention_says_whether_a_list_knows_it_and_which_entry(phrase, records):
    """`known` and `entry` decide a body's kind and jurisdiction downstream (a national body's
    entry keeps it Việt Nam's)."""
    assert [(m.known, m.entry) for m in split_agencies(phrase, Lexicon({}))] == records


# (text after a level word that closes a group, the length of the known place it opens with):
# "Thủ trưởng các cơ quan, đơn vị thuộc phạm vi quản lý của tỉnh | Bắc Ninh và …"
PLACE_AFTER = [(" Bắc Ninh và các đơn vị", 9), (" Hà Nội chủ trì", 7), (" Bắc Giang", 10), (" chủ trì", 0), ("", 0)]


@pytest.mark.parametrize("text,length", PLACE_AFTER, ids=[p[0] or "nothing" for p in PLACE_AFTER])
def test_a_known_place_after_a_level_belongs_to_the_group(text, length):
    from ingest.agencies import known_place_after

    assert known_place_after(text) == length


def test_a_standing_committee_is_named_in_its_one_spelling():
    """"Ban thường trực" as a plan writes it is the body's "Ban Thường trực"."""
    m = find_agencies("Ban thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh chủ trì")[0]
    assert m.name == "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"


@pytest.mark.parametrize(
    "text,names",
    [
        # a council's committee, as a resolution's preamble cites its report (corpus 03741ada…)
        ("Báo cáo thẩm tra số 113/BC-BPC ngày 22 tháng 11 năm 2025 của Ban Pháp chế Hội đồng nhân dân Thành phố;",
         ["Ban Pháp chế Hội đồng nhân dân thành phố"]),
        ("của Ban Văn hóa - Xã hội HĐND Thành phố;", ["Ban Văn hóa - Xã hội Hội đồng nhân dân thành phố"]),
        ("Ban Kinh tế-Ngân sách HĐND tỉnh giám sát", ["Ban Kinh tế-Ngân sách Hội đồng nhân dân tỉnh"]),
        # a Front committee's commission, partner of a department
        ("Sở Nội vụ phối hợp với Ban Dân chủ - Pháp luật Ủy ban MTTQ Việt Nam tỉnh hướng dẫn",
         ["Sở Nội vụ", "Ban Dân chủ - Pháp luật Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
        # the same words before a body that has no such committee are not its unit
        ("Ban Dân tộc Ủy ban nhân dân tỉnh chủ trì", ["Ủy ban nhân dân tỉnh"]),
    ],
)
def test_a_councils_committee_or_a_fronts_commission_is_a_body_of_its_own(text, names):
    assert [m.name for m in find_agencies(text)] == names


# (text, the body): the communes a text names after "các xã:", and a duty's capitalised verb
# after the colon, which names none
NAMED_UNITS = [
    ("UBND các xã: Gia Thuận, Tân Điền và Tân Phú Đông thực hiện", "Ủy ban nhân dân các xã Gia Thuận, Tân Điền và Tân Phú Đông"),
    ("Ủy ban nhân dân các xã: Tổ chức tuyên truyền sâu rộng", "Ủy ban nhân dân các xã"),
    ("Ủy ban nhân dân các xã: Thực hiện rà soát", "Ủy ban nhân dân các xã"),
]


@pytest.mark.parametrize("text,name", NAMED_UNITS, ids=[n[0] for n in NAMED_UNITS])
def test_communes_named_after_a_colon_and_a_verb_that_is_no_commune(text, name):
    assert find_agencies(text)[0].name == name


@pytest.mark.parametrize(
    "alias,bodies",
    [
        ("các cơ quan, đơn vị", True),
        ("Chi cục", True),  # a family's head: "Chi cục Kiểm lâm (sau đây viết tắt là Chi cục)"
        ("các tỉnh, thành phố", True),
        ("người quản lý doanh nghiệp", False),  # persons holding a post
        ("Kiểm soát viên", False),
        ("Giấy chứng nhận", False),  # a thing
        ("Hệ thống thư điện tử công vụ", False),
    ],
)
def test_a_defined_short_name_names_bodies_or_not(alias, bodies):
    from ingest.agencies import _names_bodies

    assert _names_bodies(alias) is bodies



@pytest.mark.parametrize(
    "text,bodies",
    [
        # the 2025 tax unit is named with its level or its place (real plan f004d93b…, corpus cdf2fbc5…)
        ("Thuế tỉnh Đắk Lắk đánh giá về ưu đãi đầu tư", [("Thuế tỉnh", "Đắk Lắk")]),
        ("Thuế Đồng Nai", [("Thuế", "Đồng Nai")]),
        ("Cơ quan thuế gửi thông báo", [("Thuế", None)]),
        # … "thuế" alone is the tax: tax officials, a tax on goods, a share of the economy (corpus
        # 9e9ed412…, 1e6fb98e…; real plan 9b7eebad…)
        ("Công chức thuế, ngoài việc thực hiện nghiêm các quy định", []),
        ("Thuế đối với hàng hóa đưa vào Cảng quốc tế Cam Ranh", []),
        ("Dịch vụ chiếm khoảng 40,94%; Thuế sản phẩm trừ trợ cấp sản phẩm chiếm khoảng 3,83%", []),
    ],
    ids=["with its level", "with its place", "by its alias", "tax officials", "a tax", "a share"],
)
def test_a_name_that_is_also_a_common_noun_needs_its_level_or_place(text, bodies):
    assert [(m.name, m.place) for m in find_agencies(text)] == bodies


@pytest.mark.parametrize(
    "text,names",
    [
        # "các đơn vị thuộc X": every unit of a body the gazetteer knows or its families name whole
        ("Thủ trưởng các đơn vị thuộc Cục Thuế", ["Các đơn vị thuộc Cục Thuế"]),
        ("các đơn vị thuộc Sở Tư pháp", ["Các đơn vị thuộc Sở Tư pháp"]),
        # the state's groups and corporations, and their board chairs (PM dispatch 224/CĐ-TTg)
        ("Chủ tịch Hội đồng thành viên, Tổng giám đốc các Tập đoàn, Tổng Công ty", ["Các tập đoàn, tổng công ty"]),
        ("Chủ tịch HĐTV Tập đoàn Bưu chính Viễn thông Việt Nam", ["VNPT"]),  # the gazetteer's name
        ("các tập đoàn kinh tế, tổng công ty nhà nước", ["Các tập đoàn, tổng công ty"]),
    ],
    ids=["units of a department of the state", "units of a provincial department", "groups and corporations", "a board chair", "state groups"],
)
def test_a_group_of_units_is_named_by_its_owner_and_a_board_chair_by_the_enterprise(text, names):
    assert [m.name for m in split_agencies(text, Lexicon({}, None, national=True))] == names


@pytest.mark.parametrize(
    "text,issuer,names",
    [
        # the issuer's units by the word they name it with, in a ministry's text (2109/QĐ-BXD)
        ("Thủ trưởng các cơ quan, đơn vị thuộc Bộ", "Bộ Xây dựng", [("Các cơ quan, đơn vị thuộc Bộ", False)]),
        # generic heads of a kind owned by one body (123/2025/QĐ-CTUBND of Huế)
        ("Thủ trưởng các cơ quan chuyên môn, đơn vị trực thuộc Ủy ban nhân dân thành phố", "Ủy ban nhân dân thành phố Huế",
         [("Các cơ quan chuyên môn, đơn vị trực thuộc Ủy ban nhân dân thành phố", False)]),
        # … but not a catch-all among them, nor an owner that is itself a group
        ("Thủ trưởng các đơn vị có liên quan thuộc Bộ Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo", [("Các đơn vị có liên quan thuộc Bộ Giáo dục và Đào tạo", True)]),
        ("các cơ quan chuyên môn thuộc các bộ, ngành Trung ương", "Ủy ban nhân dân tỉnh Quảng Ninh", [("Các cơ quan chuyên môn thuộc các bộ, ngành Trung ương", True)]),
    ],
    ids=["the issuer's units", "units of a kind", "a catch-all", "a group as owner"],
)
def test_the_units_of_one_body_are_a_definite_group(text, issuer, names):
    lexicon = Lexicon({}, None, national=issuer.startswith("Bộ"), own_unit=own_unit(issuer))
    assert [(m.name, m.generic) for m in split_agencies(text, lexicon)] == names


def test_a_name_goes_on_after_and_in_lower_case():
    # "Cục Quản lý nhà và thị trường bất động sản" is one department (2109/QĐ-BXD), "Sở Tư pháp và
    # các đơn vị" two bodies, "Sở Nội vụ và tổ chức thực hiện" a body and its verb
    assert [m.name for m in find_agencies("Cục trưởng Cục Quản lý nhà và thị trường bất động sản, Thủ trưởng")] == ["Cục Quản lý nhà và thị trường bất động sản"]
    assert [m.name for m in find_agencies("Sở Tư pháp và các đơn vị")] == ["Sở Tư pháp"]
    assert [m.name for m in find_agencies("Sở Nội vụ và tổ chức thực hiện")] == ["Sở Nội vụ"]


@pytest.mark.parametrize(
    "text,names",
    [
        # a capital word that only opens a known name goes on with a department's name (5042/QĐ-BNNMT,
        # a regulation of the Government Cipher Board's units) …
        ("Cục trưởng Cục Trồng trọt và Bảo vệ thực vật, Cơ quan, Thủ trưởng các Vụ", ["Cục Trồng trọt và Bảo vệ thực vật"]),
        ("Cục Chứng thực số và Bảo mật thông tin chủ trì", ["Cục Chứng thực số và Bảo mật thông tin"]),
        # … a known body after "và" is a second body
        ("Sở Y tế và Bảo hiểm xã hội tỉnh phối hợp", ["Sở Y tế", "Bảo hiểm xã hội tỉnh"]),
        ("Trung tâm Y tế và Kho bạc Nhà nước", ["Trung tâm Y tế", "Kho bạc Nhà nước"]),
    ],
    ids=["a department", "another", "a known body", "another known body"],
)
def test_a_name_goes_on_after_and_unless_a_known_body_starts_there(text, names):
    assert [m.name for m in find_agencies(text)] == names


@pytest.mark.parametrize(
    "lexicon,name",
    [
        (Lexicon({}, national=True), "Ủy ban nhân dân các tỉnh, thành phố"),  # a national text's localities: the provinces
        (Lexicon({}, own_level="tỉnh"), "Ủy ban nhân dân các xã, phường"),  # a province's, since 2025: its communes and wards
        (Lexicon({}, own_level="tỉnh", reform=False), "Ủy ban nhân dân các địa phương"),  # before the reform: as written
    ],
    ids=["national", "provincial", "before 2025"],
)
def test_the_committees_of_the_localities_are_those_of_the_units_the_text_governs(lexicon, name):
    assert [m.name for m in split_agencies("Ủy ban nhân dân các địa phương", lexicon)] == [name]


def test_letters_in_brackets_after_a_body_name_it_in_the_rest_of_the_text():
    """"Trung tâm Hành động bom mìn quốc gia Việt Nam (VNMAC) chịu trách nhiệm …" then "VNMAC thẩm
    định …" (a defence circular, corpus 6d0e277c…): the acronym is that body, whatever language it
    abbreviates; a known abbreviation and letters after no body define nothing."""
    from ingest.agencies import find_collectives

    aliases, _ = find_collectives(
        "a) Trung tâm Hành động bom mìn quốc gia Việt Nam (VNMAC) chịu trách nhiệm lập chương trình. "
        "Ủy ban nhân dân tỉnh (UBND) tổ chức thực hiện. Chủ đầu tư thiết lập hệ thống quản lý chất lượng (QLCL)."
    )
    assert aliases == {"vnmac": "Trung tâm Hành động bom mìn quốc gia Việt Nam"}



# (text, the names found, their kinds): bodies of the issuers issue 22's probes showed — a Youth
# Union's and an association's boards, a state agency's regional and grassroots units, the union
# of a body's staff, an agency's own office named bare (tests/data/probes, ninth batch)
ISSUERS_UNITS = [
    # a board of a body with boards, its words read by their shape, not from a list
    ("Ban Xây dựng Đoàn Tỉnh đoàn chủ trì", [("Ban Xây dựng Đoàn Tỉnh đoàn", "mass_organisation")]),
    ("Ủy ban Kiểm tra Hội Nông dân tỉnh kiểm tra", [("Ủy ban Kiểm tra Hội Nông dân tỉnh", "mass_organisation")]),
    # … not a sentence whose subject is a committee and whose object is the association
    ("Ban Thường trực đề nghị Hội Nông dân tỉnh tổ chức", [("Hội Nông dân tỉnh", "mass_organisation")]),
    ("Ban Chỉ đạo tỉnh đề nghị Hội Nông dân tỉnh tổ chức", [("Ban Chỉ đạo tỉnh", "other"), ("Hội Nông dân tỉnh", "mass_organisation")]),
    # … nor a unit the list knows before another kind of body ("Ban Biên tập" of a portal)
    ("Ban Biên tập Cổng thông tin điện tử tỉnh đăng tải", [("Ban Biên tập Cổng Thông tin điện tử tỉnh", "media")]),
    # the Youth Union by its level, written capitalised; in lower case the word is another name's
    ("Đoàn các xã, phường tổ chức", [("Đoàn các xã, phường", "mass_organisation")]),
    ("Công đoàn tỉnh phối hợp", []),
    ("Trưởng đoàn tỉnh báo cáo", []),
    ("Tỉnh đoàn phối hợp", [("Tỉnh đoàn", "mass_organisation")]),
    ("Văn phòng Tỉnh đoàn bảo đảm", [("Văn phòng Tỉnh đoàn", "office")]),
    # the union of a body's staff is a union, whatever the body is
    ("Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh phối hợp", [("Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh", "trade_union")]),
    ("Công đoàn Sở Y tế phối hợp", [("Công đoàn Sở Y tế", "trade_union")]),
    ("Công đoàn ngành Giáo dục phối hợp", [("Công đoàn ngành Giáo dục", "trade_union")]),
    ("Công đoàn cơ quan Sở phối hợp", [("Công đoàn cơ quan Sở", "trade_union")]),
    # every regional unit, and a state agency's grassroots units since 2025 — not a region's name,
    # not "cơ sở dữ liệu" after the Government
    ("Viện kiểm sát nhân dân khu vực xây dựng", [("Viện kiểm sát nhân dân khu vực", "other")]),
    ("Bảo hiểm xã hội cơ sở tổ chức", [("Bảo hiểm xã hội cơ sở", "central_government")]),
    ("Bảo hiểm xã hội khu vực Tây Nguyên", [("Bảo hiểm xã hội", "central_government")]),
    ("Chính phủ cơ sở dữ liệu quốc gia", [("Chính phủ", "central_government")]),
    # the issuer's own office named bare; "Văn phòng Sở" is the family's name; a head's title
    # without its unit stays a title; in lower case the word is any office
    ("Văn phòng chủ trì, phối hợp với Phòng Kế hoạch - Tài chính", [("Văn phòng", "office"), ("Phòng Kế hoạch - Tài chính", "division")]),
    ("Văn phòng Sở tổng hợp", [("Văn phòng Sở", "office")]),
    ("Chánh Văn phòng chịu trách nhiệm thi hành", []),
    ("mua sắm thiết bị văn phòng", []),
    # a field noun whose word is also a verb does not cut the name, which goes on over its dash
    # (tenth batch: a military command's units)
    ("Phòng Hậu cần - Kỹ thuật công khai tài chính", [("Phòng Hậu cần - Kỹ thuật", "division")]),
    # a numbered unit of a name the gazetteer holds, and the province after it
    ("Thuế cơ sở 1, Thuế cơ sở 2 niêm yết", [("Thuế cơ sở 1", "central_government"), ("Thuế cơ sở 2", "central_government")]),
    # a commune office's abbreviations (fourteenth batch); "CA" alone is a ministry's code in a
    # list of ministries, a body only with its level
    ("CA xã phối hợp BCH Quân sự xã bảo đảm", [("Công an xã", "police_military"), ("Ban Chỉ huy quân sự xã", "police_military")]),
    ("Đoàn TN xã, Hội ND xã vận động", [("Đoàn Thanh niên xã", "mass_organisation"), ("Hội Nông dân xã", "mass_organisation")]),
    ("Các Bộ: YT, CA, XD", []),
    ("Trạm Y tế xã bố trí lực lượng", [("Trạm Y tế xã", "public_service_unit")]),
]


@pytest.mark.parametrize("text,found", ISSUERS_UNITS, ids=[t[:40] for t, _ in ISSUERS_UNITS])
def test_the_units_of_issuers_beyond_peoples_committees(text, found):
    assert [(a.name, a.kind) for a in find_agencies(text)] == found


def test_a_numbered_unit_keeps_its_number_and_its_province():
    found = find_agencies("Thuế cơ sở 3 tỉnh Nghệ An chủ trì")
    assert [(a.name, a.place) for a in found] == [("Thuế cơ sở 3", "Nghệ An")]


def test_the_communes_committees_on_the_territory_are_the_communes_committees():
    # "trên địa bàn" names which bodies of a kind ("Các cơ quan Trung ương trên địa bàn tỉnh"),
    # never which communes' committees: those are all on it (a tax office's plan, tenth batch)
    assert [a.name for a in split_agencies("Ủy ban nhân dân các xã, phường trên địa bàn", VINH_LONG_TERMS)] == ["Ủy ban nhân dân các xã, phường"]
    assert [a.name for a in split_agencies("các cơ quan Trung ương trên địa bàn tỉnh", VINH_LONG_TERMS)] == ["Các cơ quan Trung ương trên địa bàn tỉnh"]
