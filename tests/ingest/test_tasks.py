"""Roles, timeframes, deadlines and reporting on real snippets; inheritance rules on seeds."""
from __future__ import annotations

import pytest

from ingest.agencies import Lexicon, document_terms, find_collectives, own_unit, regulated_bodies
from ingest.normalize import normalize
from ingest.rules import fold
from ingest.structure import parse
from ingest.tasks import deadlines_in, entry_actors, extract_tasks, read_actors, timeframe_in_text, timeframe_kind

TERMS = Lexicon({"cơ quan, đơn vị": "Các cơ quan, đơn vị"}, "xã")
PROVINCE = Lexicon({}, "tỉnh")


@pytest.mark.parametrize(
    "text,leads,supports,requested",
    [
        ("Sở Nội vụ chủ trì, tham mưu Ủy ban nhân dân tỉnh theo dõi", ["Sở Nội vụ"], [], False),
        ("Sở Nội vụ phối hợp với Sở Tư pháp và các cơ quan, đơn vị tổ chức tập huấn", ["Sở Nội vụ"], ["Sở Tư pháp", "Các cơ quan, đơn vị"], False),
        ("Đề nghị Ban Xây dựng Đảng Đảng ủy phối hợp với Ủy ban nhân dân xã theo dõi, đôn đốc", ["Ban Xây dựng Đảng Đảng ủy"], ["Ủy ban nhân dân xã"], True),
        ("Giao Phòng Nội vụ thường xuyên theo dõi, đôn đốc", ["Phòng Nội vụ"], [], False),
        # a catch-all names nobody: kept apart from the partners
        ("Chủ trì, phối hợp với đơn vị có liên quan tham mưu xây dựng", [], [], False),
        ("Phối hợp với các cơ quan có liên quan (Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh; Ban Tuyên giáo và Dân vận Tỉnh ủy) thực hiện việc kiểm tra",
         [], ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ban Tuyên giáo và Dân vận Tỉnh ủy"], False),
        ("Phối hợp với các ngành liên quan, đơn vị, địa phương tổ chức hội nghị tập huấn", [], [], False),
        ("Hỗ trợ, tạo điều kiện để Ban Thanh tra nhân dân hoạt động", [], [], False),  # a beneficiary, not a partner
        ("Thủ trưởng các cơ quan, đơn vị có trách nhiệm triển khai", ["Các cơ quan, đơn vị"], [], False),
        # a request made inside a sentence that opens otherwise (a letter's closing words)
        ("Trên đây là ý kiến tham gia dự án của Sở Nông nghiệp và Môi trường đề nghị Sở Công thương tổng hợp, báo cáo theo quy định./.",
         ["Sở Công Thương"], [], True),
        ("Để bảo đảm tiến độ, đề nghị Sở Y tế khẩn trương triển khai.", ["Sở Y tế"], [], True),
        # the press named with the wire agencies, then the communes after it
        ("Sở Tư pháp và các sở, ban, ngành Thành phố, cơ quan thông tấn báo chí và Ủy ban nhân dân xã, phường, đặc khu chủ động tổ chức triển khai",
         ["Sở Tư pháp", "Các sở, ban, ngành Thành phố", "Các cơ quan báo chí", "Ủy ban nhân dân các xã, phường, đặc khu"], [], False),
        # … but a proposal made by a body ("đề nghị của") asks nobody
        ("Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 15/TTr-SNV.", [], [], False),
        # a service a body is named by lists its activities with commas (corpus ac0f18a2…)
        ("Ủy ban nhân dân cấp xã có trách nhiệm phối hợp với cơ sở cung ứng dịch vụ thu gom, vận chuyển chất thải rắn sinh hoạt để bố trí mặt bằng",
         ["Ủy ban nhân dân cấp xã"], ["Cơ sở cung ứng dịch vụ thu gom, vận chuyển chất thải rắn sinh hoạt"], False),
        ("Các cơ sở cung cấp dịch vụ thu gom, vận chuyển chất thải rắn sinh hoạt phải thực hiện các trách nhiệm sau:",
         ["Các cơ sở cung cấp dịch vụ thu gom, vận chuyển chất thải rắn sinh hoạt"], [], False),
        # … a verb after it names the service ("Cơ sở thực hiện dịch vụ …"), a passive the body
        # ("được lựa chọn": a real plan, f004d93b…; corpus 85ff77cb…)
        ("Ủy ban nhân dân cấp xã có trách nhiệm phối hợp với cơ sở thực hiện dịch vụ thu gom, vận chuyển chất thải rắn sinh hoạt lựa chọn, bố trí địa điểm",
         ["Ủy ban nhân dân cấp xã"], ["Cơ sở thực hiện dịch vụ thu gom, vận chuyển chất thải rắn sinh hoạt"], False),
        ("Các đơn vị được lựa chọn quan trắc môi trường có trách nhiệm báo cáo kết quả", ["Các đơn vị được lựa chọn quan trắc môi trường"], [], False),
        # a mood word, then a list a semicolon cuts before its verb: every body of it acts (a Quảng
        # Ngãi decision, corpus c37e0ca0…; a Quảng Trị one)
        ("Giao Văn phòng Ủy ban nhân dân tỉnh; Sở Dân tộc và Tôn giáo thực hiện công khai thủ tục hành chính nội bộ",
         ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Dân tộc và Tôn giáo"], [], False),
        ("Yêu cầu Giám đốc các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu triển khai thực hiện nghiêm túc",
         ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường, đặc khu"], [], False),
        # what a colon enumerates runs on past its semicolons: the units a council may set up are
        # no subject of the verb after them; and "yêu cầu" between nouns asks nobody (a Government
        # decree on civil servants, corpus c22591f1…)
        ("Căn cứ vào hình thức tuyển dụng và yêu cầu công việc quyết định việc thành lập bộ phận giúp việc phù hợp trong số các bộ phận sau: "
         "Ban kiểm tra Phiếu đăng ký dự tuyển, Ban đề thi, Ban coi thi, Ban phỏng vấn (nếu có); Ban vấn đáp; Ban chấm đề án; "
         "quyết định số lượng thành viên tham gia các ban phù hợp với số lượng thí sinh dự thi.", [], [], False),
        # another title in brackets; the city's "cơ quan, ban, ngành" are its departments (a Hà Tĩnh
        # and a Cần Thơ decision, corpus d5e470b7…, 036bd85f…)
        ("Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc (Thủ trưởng) các sở, ban, ngành, đơn vị cấp tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này./.",
         ["Văn phòng Ủy ban nhân dân tỉnh", "Các sở, ban, ngành cấp tỉnh", "Ủy ban nhân dân các xã, phường"], [], False),
        ("Chánh Văn phòng Ủy ban nhân dân thành phố, Giám đốc Sở Tài chính, Thủ trưởng cơ quan, ban, ngành thành phố và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.",
         ["Văn phòng Ủy ban nhân dân thành phố", "Sở Tài chính", "Các sở, ban, ngành thành phố"], [], False),
        # after a condition's "thì", a body named by what it does, up to the act it is given (a land
        # compensation regulation, corpus cfc85d8b…); a body named only by a catch-all is none
        ("Trường hợp mồ mả trong phạm vi đất thu hồi phải di dời mà không có người thân thực hiện việc di dời thì đơn vị, tổ chức thực hiện nhiệm vụ "
         "bồi thường, hỗ trợ, tái định cư phối hợp với Ủy ban nhân dân cấp xã nơi có mồ mả phải di dời tiến hành các thủ tục di dời mồ mả.",
         ["Đơn vị, tổ chức thực hiện nhiệm vụ bồi thường, hỗ trợ, tái định cư"], ["Ủy ban nhân dân cấp xã"], False),
        ("Trường hợp thuộc thẩm quyền xử lý kỷ luật của Ủy ban Thường vụ Quốc hội, Thủ tướng Chính phủ thì cơ quan có thẩm quyền quản lý, sử dụng đề xuất hình thức kỷ luật.",
         [], [], False),
        # an adverb before the verb is the verb's (the same decree; a science ministry's circular)
        ("Hội đồng xét duyệt chỉ họp khi có ít nhất hai phần ba (2/3) tổng số thành viên tham dự.", ["Hội đồng xét duyệt"], [], False),
    ],
)
def test_read_actors(text, leads, supports, requested):
    a = read_actors(text, TERMS)
    assert [m.name for m in a.leads] == leads
    assert [m.name for m in a.supports] == supports
    assert a.requested == requested


NATIONAL = Lexicon({}, None, {}, True, None, True)


@pytest.mark.parametrize(
    "text,leads",
    [
        # the closing article of national documents: titles without a body stand for the
        # bodies of that kind; the title before a named body is that body's; generic heads a
        # known body owns are every unit of it ("cơ quan thuộc Chính phủ")
        ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Nghị quyết này./.",
         # the ministries and ministry-level agencies one addressee, as the keys write them
         ["Các bộ, cơ quan ngang bộ", "Các cơ quan thuộc Chính phủ", "Ủy ban nhân dân các tỉnh, thành phố"]),
        ("Bộ trưởng Bộ Tài chính chịu trách nhiệm thi hành Quyết định này.", ["Bộ Tài chính"]),
        # the local governments of whichever units are concerned are no body in particular (the
        # Standing Committee's resolutions arranging a province's communes, corpus ff9aace5…, d469759e…)
        ("Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh Đồng Nai, chính quyền địa phương các đơn vị hành chính liên quan đến việc thực hiện sắp xếp và "
         "các cơ quan, tổ chức khác có liên quan có trách nhiệm tổ chức thi hành Nghị quyết này.",
         ["Chính phủ", "Hội đồng nhân dân tỉnh", "Ủy ban nhân dân tỉnh"]),
        # the closing of a Government resolution on a bill (corpus 7f4621fd…, 45cc2b3c…): the
        # catch-all at the end is its own member, not the tiers the titles name before it
        ("Bộ trưởng Bộ Nội vụ, các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan có liên quan chịu trách nhiệm thi hành Nghị quyết này./.",
         ["Bộ Nội vụ", "Các bộ, cơ quan ngang bộ"]),
        # … and a head's title after the first tier opens a member of its own (386/NQ-CP, corpus 6fed96be…)
        ("Các Bộ trưởng, Thủ trưởng các cơ quan có liên quan chịu trách nhiệm thi hành Nghị quyết này./.", ["Các bộ"]),
        # … while a tier a body owns after them stays whole (corpus 1180a89c…)
        ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
         ["Các bộ, cơ quan ngang bộ", "Các cơ quan thuộc Chính phủ"]),
        ("Vụ trưởng Vụ Pháp chế chịu trách nhiệm thi hành Quyết định này.", ["Vụ Pháp chế"]),
        # every province, written without "các" (corpus: Government resolutions and decrees)
        ("Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương, Giám đốc Đại học Công nghiệp Hà Nội, Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh chịu trách nhiệm thi hành Quyết định này.",
         ["Ủy ban nhân dân các tỉnh, thành phố", "Đại học Công nghiệp Hà Nội", "Học viện Chính trị quốc gia Hồ Chí Minh"]),
        # a ministry's departments and divisions as a group; "vụ" alone is also a word
        ("Vụ trưởng Vụ Pháp chế, Thủ trưởng các Vụ, Cục và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.", ["Vụ Pháp chế", "Các cục, vụ"]),
        ("Các vụ việc khiếu nại được giải quyết kịp thời.", []),
        # in a national text "địa phương" are the provinces: a vague group, not the communes
        ("Các Bộ, cơ quan, địa phương dự Hội nghị đúng thành phần được mời", []),
        # one body headed "Bộ …", not the ministries
        ("Bộ tư lệnh Vùng Cảnh sát biển 3 chủ trì tuyên truyền", ["Bộ tư lệnh Vùng Cảnh sát biển 3"]),
        # the country ends a national body's name; an adverb opens the predicate
        ("Ngân hàng Nhà nước Việt Nam chủ trì, hướng dẫn các tổ chức tín dụng rà soát, thẩm định", ["Ngân hàng Nhà nước"]),
        ("Các ngân hàng thương mại cổ phần quyết liệt triển khai các giải pháp", ["Các ngân hàng thương mại cổ phần"]),
        ("Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam chủ trì, phối hợp chặt chẽ với Bộ Y tế xây dựng",
         ["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam"]),
        # the Governor stands for the State Bank as a minister for his ministry (a Government resolution)
        ("Thống đốc Ngân hàng Nhà nước Việt Nam tiếp thu, giải trình đầy đủ các ý kiến Thành viên Chính phủ, hoàn thiện hồ sơ trình.",
         ["Ngân hàng Nhà nước"]),
        # a group of enterprises, its name running to the country; a capacity or a purpose
        # before the subject (a Prime Minister's conclusion, corpus 24701a1c…)
        ("Về đầu tư kho dầu thô dự trữ quốc gia: với vai trò là chủ đầu tư, Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam chủ động làm việc với các đối tác.",
         ["Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam"]),
        ("Để xác định vị trí cụ thể của dự án, Ủy ban nhân dân tỉnh Thanh Hóa phối hợp với Bộ Công Thương rà soát kỹ các quy hoạch.",
         ["Ủy ban nhân dân tỉnh"]),
        # a body named inside another's name keeps its head whole, a verb or not (a Prime
        # Minister's dispatch, corpus a328fbb4…)
        ("Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia theo dõi sát diễn biến tình hình, sẵn sàng điều phối",
         ["Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia"]),
        # a listed ministry's name with commas, the list running on into its predicate
        ("Các Bộ: Giáo dục và Đào tạo, Y tế, Khoa học và Công nghệ, Văn hóa, Thể thao và Du lịch theo chức năng, nhiệm vụ, thẩm quyền chủ động phối hợp với địa phương chỉ đạo",
         ["Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Bộ Khoa học và Công nghệ", "Bộ Văn hóa, Thể thao và Du lịch"]),
        # a list of ministries and other bodies: a member with its own name keeps it (corpus 296e373d…)
        ("Các Bộ, cơ quan: Tài chính, Xây dựng, Ngoại giao, Tập đoàn Điện lực Việt Nam theo chức năng, nhiệm vụ được giao khẩn trương rà soát",
         ["Bộ Tài chính", "Bộ Xây dựng", "Bộ Ngoại giao", "Tập đoàn Điện lực Việt Nam"]),
        # a field that is also a verb ends a department's name when another verb follows; a
        # verb with its object does not ("Trung tâm Y tế | xây dựng kế hoạch")
        ("Cục Kết cấu hạ tầng xây dựng tham mưu việc chỉ đạo, hướng dẫn các địa phương rà soát", ["Cục Kết cấu hạ tầng xây dựng"]),
        ("Trung tâm Y tế xây dựng kế hoạch tiêm chủng", ["Trung tâm Y tế"]),
        # an adverb of the predicate ends a group's name (a ministry's dispatch, corpus a8e9e967…)
        ("Các đơn vị quản lý đường bộ tập trung kiểm tra, rà soát các tuyến quốc lộ", ["Các đơn vị quản lý đường bộ"]),
        # … while the offices of a list of one kind are its members' ("Văn phòng: Tỉnh ủy, …")
        ("Văn phòng: Tỉnh ủy, Ủy ban nhân dân tỉnh chủ trì tổng hợp", ["Văn phòng Tỉnh ủy", "Văn phòng Ủy ban nhân dân tỉnh"]),
        # every province without "trực thuộc Trung ương"; a name five words after its capital;
        # the heads after a catch-all owned by a ministry go on; bodies named before a catch-all
        # tail keep their names (a Government resolution, a ministry's circular, corpus 04e0c7e1…, c15a1748…)
        ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân tỉnh, thành phố chịu trách nhiệm thi hành Nghị quyết này./.",
         ["Các bộ, cơ quan ngang bộ", "Các cơ quan thuộc Chính phủ", "Ủy ban nhân dân các tỉnh, thành phố"]),
        ("Chánh Văn phòng, Cục trưởng Cục Nhà giáo và Cán bộ quản lý giáo dục, Thủ trưởng các đơn vị có liên quan thuộc Bộ Giáo dục và Đào tạo, Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương, Giám đốc Sở Giáo dục và Đào tạo, Trưởng phòng Giáo dục và Đào tạo, Hiệu trưởng các trường phổ thông, trường dự bị đại học, tổ chức, đơn vị và cá nhân liên quan chịu trách nhiệm thi hành Thông tư này.",
         ["Cục Nhà giáo và Cán bộ quản lý giáo dục", "Ủy ban nhân dân các tỉnh, thành phố", "Sở Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo", "Các trường phổ thông", "Các trường dự bị đại học"]),
        # "hàng" inside a name is no "hàng năm"; acting as the law says is no work of this text
        ("Thanh tra Ngân hàng Nhà nước chủ trì thanh tra", ["Thanh tra Ngân hàng Nhà nước"]),
        ("Thanh tra Ngân hàng Nhà nước thực hiện theo quy định tại Luật Thanh tra và các văn bản pháp luật có liên quan.", []),
        # a city as the subject after an opening adverbial is its People's Committee; the
        # request a topic reports is not the text's, the sentence after its colon assigns (a
        # Government Office notice, corpus abca9704…)
        ("Để tiếp tục vận hành chính quyền địa phương 02 cấp hiệu lực, hiệu quả, thành phố Đà Nẵng cần tập trung thực hiện tốt một số nhiệm vụ, giải pháp sau đây:",
         ["Ủy ban nhân dân thành phố"]),
        ("Về đề nghị các bộ, ngành quan tâm sớm rà soát, tránh chồng chéo về thẩm quyền; hoàn thiện quy trình pháp lý về đất đai: Ủy ban nhân dân thành phố Đà Nẵng cần tiếp tục rà soát các nội dung về phân cấp; phối hợp với Bộ Nội vụ tổng hợp.",
         ["Ủy ban nhân dân thành phố"]),
        ("Về đề nghị Bộ Khoa học và Công nghệ phối hợp với các bộ, ngành rà soát cơ sở dữ liệu: Về vấn đề này, Chính phủ đã ban hành Nghị quyết số 214/NQ-CP. Các bộ, ngành hoàn thiện cơ sở dữ liệu quốc gia, phối hợp với Bộ Công an thực hiện kết nối.",
         ["Các bộ, ngành"]),
    ],
)
def test_read_actors_in_national_documents(text, leads):
    assert [m.name for m in read_actors(text, NATIONAL).leads] == leads


@pytest.mark.parametrize(
    "text,leads",
    [
        # a duty begun with a capital, as on a line of its own under its bodies, once the layout
        # joined the two lines (a PM dispatch as plain text, PDF or DOCX, corpus 344b9eec…)
        ("Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ Tập trung chỉ đạo quyết liệt hoàn thành sửa đổi, bổ sung 485 văn bản quy phạm pháp luật",
         ["Các bộ, cơ quan ngang bộ"]),
        ("Sở Nội vụ Tập trung chỉ đạo quyết liệt hoàn thành sửa đổi văn bản.", ["Sở Nội vụ"]),
        # … but a capital stop word after a capital is a name's ("Sở Xây dựng"), a noun's
        # ("Tổ chức cán bộ") or a person's name follows the title
        ("Các Sở Xây dựng nêu trên tổ chức kiểm tra.", ["Các sở Xây dựng"]),
        ("Vụ (Ban, phòng) Tổ chức cán bộ các cơ quan Nhà nước là đơn vị đầu mối giúp Bộ trưởng.", []),
        ("Thủ tướng Chính phủ Phạm Minh Chính chủ trì hội nghị.", []),
    ],
)
def test_a_duty_that_opens_with_a_capital_after_its_bodies(text, leads):
    assert [m.name for m in read_actors(text, NATIONAL).leads] == leads


@pytest.mark.parametrize(
    "issuer,unit,lead",
    [
        ("Bộ Văn hóa, Thể thao và Du lịch", "Bộ", "Văn phòng Bộ"),
        ("Sở Nội vụ", "Sở", "Văn phòng Sở"),
        ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
        ("Thủ tướng Chính phủ", "Chính phủ", "Văn phòng Chính phủ"),
        # a body whose name starts like a ministry's is not one: its office is its own, named whole
        ("Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Văn phòng Bộ Chỉ huy Quân sự tỉnh"),
        ("Hội đồng nhân dân tỉnh", None, None),
    ],
)
def test_a_head_without_a_unit_heads_the_issuers_own(issuer, unit, lead):
    # "Chánh Văn phòng, Cục trưởng Cục … chịu trách nhiệm thi hành" (corpus: ministries' decisions)
    assert own_unit(issuer) == unit
    lexicon = Lexicon({}, None, {}, True, None, True, unit)
    leads = [m.name for m in read_actors("Chánh Văn phòng, Cục trưởng Cục Trồng trọt chịu trách nhiệm thi hành Quyết định này./.", lexicon).leads]
    if lead is None:
        assert "Cục Trồng trọt" not in leads or not any(n.startswith("Văn phòng") for n in leads)
    else:
        assert leads == [lead, "Cục Trồng trọt"]


@pytest.mark.parametrize(
    "text,leads",
    [
        # a ministry's circular (23/2025/TT-BTP, corpus 6f76eaad…): its own head and leadership
        # named alone are the ministry; "các Bộ trưởng" and a named minister are not
        ("Lãnh đạo Bộ, Thủ trưởng các đơn vị thuộc Bộ và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Thông tư này./.", ["Bộ Tư pháp", "Các đơn vị thuộc Bộ"]),
        ("Bộ trưởng quyết định kiểm tra, giám sát việc thực hiện các nội dung được phân cấp.", ["Bộ Tư pháp"]),
        ("Bộ trưởng Bộ Tài chính chủ trì, phối hợp thực hiện.", ["Bộ Tài chính"]),
        ("Các Bộ trưởng chịu trách nhiệm thi hành Thông tư này.", ["Các bộ"]),
    ],
)
def test_a_ministrys_own_head_is_the_ministry(text, leads):
    lexicon = Lexicon({}, None, {}, True, None, True, own_unit("Bộ Tư pháp"), issuer="Bộ Tư pháp")
    assert [m.name for m in read_actors(text, lexicon).leads] == leads


@pytest.mark.parametrize("issuer,holder", [("Bộ Tư pháp", "Bộ Tư pháp"), ("Chính phủ", "Các bộ")])
def test_an_article_for_the_minister_is_for_whose_minister_the_issuer_says(issuer, holder):
    # "Điều 15. Trách nhiệm của Bộ trưởng": in a ministry's circular its own minister; in a
    # Government decree every minister
    lexicon = Lexicon({}, None, {}, True, None, True, own_unit(issuer), issuer=issuer)
    entry = entry_actors("Trách nhiệm của Bộ trưởng", lexicon)
    assert entry is not None and [m.name for m in entry.agencies] == [holder]


def test_the_ministries_and_central_sectors_are_one_group():
    a = read_actors("Sở Tài chính phối hợp với các bộ, ngành Trung ương triển khai", PROVINCE)
    assert [m.name for m in a.supports] == ["Các bộ, ngành Trung ương"]


@pytest.mark.parametrize(
    "text,leads,supports,supervisors",
    [
        # real lines of plans, resolutions and decisions of other provinces
        # closing articles of provincial decisions (corpus): a group ends at its level and the
        # level's place; the committees of every commune are one body
        ("Giám đốc các sở, Thủ trưởng các cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý của tỉnh Bắc Ninh và các đơn vị, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
         ["Các sở, ban, ngành tỉnh"], [], []),
        ("Giám đốc Sở Tài chính, Chủ tịch Ủy ban nhân dân các xã chịu trách nhiệm thi hành Quyết định này.", ["Sở Tài chính", "Ủy ban nhân dân các xã"], [], []),
        # a province named after a body without its level word; a branch of a known body
        ("Sở Nông nghiệp và Môi trường, Văn phòng Đăng ký đất đai Hà Nội (và các Chi nhánh trực thuộc), các cơ quan có liên quan chịu trách nhiệm thi hành Quyết định này.",
         ["Sở Nông nghiệp và Môi trường", "Văn phòng Đăng ký đất đai"], [], []),
        ("Giao Chi nhánh Văn phòng đăng ký đất đai cung cấp thông tin thửa đất.", ["Chi nhánh Văn phòng Đăng ký đất đai"], [], []),
        # titles stack before a body; a known ministry ends before "trực tiếp"
        # the head of a unit written with the unit's noun in lower case stands for the unit
        ("Trưởng phòng Văn hóa - Xã hội chủ trì, phối hợp với Trưởng phòng Phòng Kinh tế tổ chức hội nghị.", ["Phòng Văn hóa - Xã hội"], ["Phòng Kinh tế"], []),
        ("Phó Trưởng ban Dân vận Tỉnh ủy chủ trì hướng dẫn.", ["Ban Dân vận Tỉnh ủy"], [], []),
        # every ministry of the Government is known, and the ones merged in 2025 that documents cite
        ("Bộ Ngoại giao hoàn tất các thủ tục đối ngoại theo quy định.", ["Bộ Ngoại giao"], [], []),
        ("Bộ Kế hoạch và Đầu tư chủ trì, phối hợp với Bộ Lao động - Thương binh và Xã hội hướng dẫn.", ["Bộ Kế hoạch và Đầu tư"], ["Bộ Lao động - Thương binh và Xã hội"], []),
        ("Đồng chí Phó Chủ tịch UBND xã phụ trách văn hóa - xã hội chỉ đạo triển khai thực hiện Kế hoạch.", ["Ủy ban nhân dân xã"], [], []),
        ("Giao đồng chí Bộ trưởng Bộ Xây dựng trực tiếp chỉ đạo kiểm tra, rà soát.", ["Bộ Xây dựng"], [], []),
        # a time limit before the subject; a topic and its colon before "Giao …" (corpus decisions, notices)
        ("Trong thời hạn 05 ngày làm việc, kể từ ngày nhận đủ hồ sơ hợp lệ theo quy định, Phòng Văn hóa - Xã hội phối hợp với Sở Y tế thẩm định hồ sơ.",
         ["Phòng Văn hóa - Xã hội"], ["Sở Y tế"], []),
        ("Về bố trí các nguồn lực đầu tư cho ngành Giáo dục: Giao Bộ Giáo dục và Đào tạo, Bộ Y tế nghiên cứu các kiến nghị của tỉnh Điện Biên.",
         ["Bộ Giáo dục và Đào tạo", "Bộ Y tế"], [], []),
        # after a colon "Chỉ đạo …" goes on with the actions of the subject understood
        ("Tổ chức tuyên truyền, vận động người hưởng trợ cấp xã hội: Chỉ đạo phòng, ban chuyên môn phối hợp tổ chức chính trị - xã hội thực hiện.", [],
         ["Các tổ chức chính trị - xã hội"], []),
        ("Giao Công an tỉnh chủ trì, phối hợp với Văn phòng UBND tỉnh theo dõi, hướng dẫn", ["Công an tỉnh"], ["Văn phòng Ủy ban nhân dân tỉnh"], []),
        ("Phối hợp Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh và UBND các xã, phường tổ chức vận chuyển hàng hóa", [],
         ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh", "Ủy ban nhân dân các xã, phường"], []),
        ("Căn cứ kế hoạch này, Giám đốc các Sở, UBND các xã, phường xây dựng kế hoạch cụ thể", ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"], [], []),
        ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền, vận động và giám sát việc thực hiện", [],
         ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
        ("Giao Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh giám sát thực hiện Nghị quyết", [], [],
         ["Thường trực Hội đồng nhân dân tỉnh", "Các Ban của Hội đồng nhân dân tỉnh", "Các Tổ đại biểu Hội đồng nhân dân tỉnh", "Đại biểu Hội đồng nhân dân tỉnh"]),
        ("Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Công Thương; Chủ tịch UBND các xã, phường chịu trách nhiệm thi hành Quyết định này",
         ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Công Thương", "Ủy ban nhân dân các xã, phường"], [], []),
        ("Ủy ban nhân dân tỉnh giao Giám đốc các sở, Chủ tịch Ủy ban nhân dân các xã, phường triển khai thực hiện", ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"], [], []),
        # a group spelled out in parentheses names its members
        ("Phối hợp chặt chẽ với các nhà mạng (Viettel Nghệ An, VNPT Nghệ An, MobiFone Nghệ An) để xây dựng lộ trình", [],
         ["Viettel Nghệ An", "VNPT Nghệ An", "MobiFone Nghệ An"], []),
        # a field after a generic head makes the group definite; "các tổ chức" is a noun, not the verb
        ("Chủ trì, phối hợp các đơn vị điện lực rà soát khả năng cung ứng điện", [], ["Các đơn vị điện lực"], []),
        ("Chủ động phối hợp với các tổ chức cung cấp dịch vụ chi trả thực hiện mở tài khoản", [], ["Các tổ chức cung cấp dịch vụ chi trả"], []),
        # an ellipsis followed by lower case does not end the sentence
        ("Phối hợp Sở Khoa học và Công nghệ hỗ trợ doanh nghiệp làm việc với các nhà mạng như FPT Telecom... và các doanh nghiệp cung cấp giải pháp IoT.",
         [], ["Sở Khoa học và Công nghệ"], []),
        # a tense marker ends a subject: narrative, not assignment
        ("Các nhà mạng viễn thông lớn đã và đang đầu tư hạ tầng", ["Các nhà mạng viễn thông lớn"], [], []),
        # who is who, not who does what
        ("Trưởng Ban Chỉ đạo là Chủ tịch UBND tỉnh", [], [], []),
        ("Xã Trường Văn: Lấy mẫu 01 vị trí tại vùng nuôi tôm", [], [], []),
        # members listed after "gồm" make up a committee; a stray full stop does not end the list
        ("Thành viên Ban Chỉ đạo gồm đại diện lãnh đạo Sở Nội vụ, Sở Tài chính. Sở Tư pháp, Bộ Chỉ huy Quân sự tỉnh; thường trực Ban Chỉ đạo là Công an tỉnh.", [], [], []),
        # a person's name, not a verb, after a body: an attendee
        ("Thủ tướng Chính phủ Phạm Minh Chính.", [], [], []),
        # members named after a plural head and a colon
        ("Giao các Sở: Tài chính, Nông nghiệp và Môi trường, Xây dựng có trách nhiệm kiểm tra các nội dung liên quan",
         ["Sở Tài chính", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng"], [], []),
        # an opening adverbial with commas of its own
        ("Trên cơ sở đề xuất của các cơ quan, đơn vị được giao nhiệm chủ trì nhiệm vụ và ý kiến của Sở Khoa học và Công nghệ, Sở Tài chính tổng hợp nhu cầu kinh phí",
         ["Sở Tài chính"], [], []),
        # a topic, a colon, then the sentence that says who acts
        ("Thực hiện mở tài khoản và phát hành thẻ: Ủy ban nhân dân xã, phường phối hợp với các Ngân hàng thương mại thực hiện mở tài khoản",
         ["Ủy ban nhân dân các xã, phường"], ["Các ngân hàng thương mại"], []),
        # encouragement: a named body is given work, enterprises are not
        ("Khuyến khích Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh tham gia tuyên truyền", ["Liên đoàn Lao động tỉnh", "Hội Nông dân tỉnh"], [], []),
        ("Khuyến khích các doanh nghiệp đầu tư, ứng dụng thiết bị IoT trong sản xuất", [], [], []),
        # groups as the text lists them
        ("Sở Khoa học và Công nghệ chủ trì, phối hợp với các trường đại học, cao đẳng, các viện nghiên cứu triển khai đào tạo nhân lực số",
         ["Sở Khoa học và Công nghệ"], ["Các trường đại học, cao đẳng", "Các viện nghiên cứu"], []),
        ("Các doanh nghiệp viễn thông, doanh nghiệp bưu chính ưu tiên bố trí nguồn lực", ["Các doanh nghiệp viễn thông", "Các doanh nghiệp bưu chính"], [], []),
        # a unit written before its body; a post standing for its unit
        ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã triệu tập và chủ trì hội nghị", ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã"], [], []),
        ("Chuyên viên Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam xã thực hiện công tác thư ký hội nghị", ["Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam xã"], [], []),
        ("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Y tế, Chủ tịch Ủy ban nhân dân các xã, phường thuộc tỉnh chịu trách nhiệm thi hành Quyết định này",
         ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Y tế", "Ủy ban nhân dân các xã, phường"], [], []),
        # titles listed before the one group they head, then the group's members after a colon
        # (a city's decision, PDF)
        ("Giám đốc, Thủ trưởng các Sở, ban, ngành: Quy hoạch - Kiến trúc, Xây dựng, Tài chính, Công thương chịu trách nhiệm thi hành Quyết định này",
         ["Sở Quy hoạch - Kiến trúc", "Sở Xây dựng", "Sở Tài chính", "Sở Công Thương"], [], []),
        ("Trưởng phòng, Phó Trưởng phòng, công chức phòng chuyên môn tham mưu quản lý hoạt động công chứng, chứng thực",
         ["Phòng chuyên môn"], [], []),
        # a generic head before a known body's name is that body (a province's dispatch, DOCX)
        ("Yêu cầu các sở, ngành tổ chức thực hiện tốt các nội dung trên, thường xuyên trao đổi, phối hợp lực lượng Công an hoàn thành tốt các nhiệm vụ được giao",
         ["Các sở, ban, ngành tỉnh"], ["Công an"], []),
        ("Thủ trưởng cơ quan Kho bạc nhà nước, cơ quan Thuế tại tỉnh Đồng Tháp chịu trách nhiệm thi hành Quyết định này",
         ["Kho bạc Nhà nước", "Thuế"], [], []),
        # a person named before the post that stands for the unit (commune plans, DOCX)
        ("Giao đồng chí Nguyễn Văn A, Phó Chủ tịch UBND xã phụ trách văn hóa - xã hội chỉ đạo triển khai thực hiện Kế hoạch",
         ["Ủy ban nhân dân xã"], [], []),
        ("Đồng chí Trần Văn B - Phó Chủ tịch UBND xã chỉ đạo thực hiện", ["Ủy ban nhân dân xã"], [], []),
        # a partner list runs past a semicolon when the clause before it has no verb of its own;
        # a ward named after another ward's committee is a committee too
        ("Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với UBND quận Bắc Từ Liêm; UBND phường Cổ Nhuế 2, phường Xuân Đỉnh và các đơn vị có liên quan kiểm tra, xem xét ranh giới",
         ["Sở Nông nghiệp và Môi trường"], ["Ủy ban nhân dân quận", "Ủy ban nhân dân phường", "Ủy ban nhân dân phường"], []),
        # catch-all words in a row close a group together; a body after them is a partner of its own
        ("Chỉ đạo các đơn vị chủ rừng phối hợp với các cơ quan chức năng có liên quan và Ủy ban nhân dân cấp xã rà soát, thống kê hiện trạng",
         ["Các đơn vị chủ rừng"], ["Ủy ban nhân dân cấp xã"], []),
        # a clause of time inside the subject ends the body's name (corpus regulations)
        ("Doanh nghiệp viễn thông khi triển khai ngầm hóa phải bảo đảm tiến độ", ["Các doanh nghiệp viễn thông"], [], []),
        # a ministry's closing article: an institute's director stands for the institute, and the
        # bodies before it are read although its name has four fields (corpus 448306af…)
        ("Chánh Văn phòng Bộ, Vụ trưởng Vụ Kế hoạch, Tài chính, Viện trưởng Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam và Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này./.",
         ["Văn phòng Bộ", "Vụ Kế hoạch, Tài chính", "Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam"], [], []),
        # the Government answers a province's request: a topic, its colon, then who does it; the
        # bodies the topic names are its matter (a conclusion of the Prime Minister, corpus 24701a1c…)
        ("Về đề nghị Chính phủ chỉ đạo Bộ Tài chính xem xét, bố trí vốn Dự án đường ven biển: giao Bộ Tài chính chủ trì phối hợp với Bộ Xây dựng và các cơ quan liên quan xem xét, xử lý theo đúng quy định.",
         ["Bộ Tài chính"], ["Bộ Xây dựng"], []),
        # a board named by its work is one body, not "các ban"
        ("Ban biên tập chủ trì thực hiện việc cập nhật tin bài", ["Ban biên tập"], [], []),
        # unseen documents keyed by hand (tests/data/corpus_keys, session 45): a Prime Minister's
        # dispatch lists ministries after "Các Bộ:" and its predicate has commas of its own
        ("Các Bộ: Tài chính, Y tế, Tư pháp, Nội vụ khẩn trương khắc phục các bất cập của Hệ thống thông tin cơ sở dữ liệu thuộc phạm vi quản lý, hoàn thành trong tháng 11 năm 2025, cụ thể:",
         ["Bộ Tài chính", "Bộ Y tế", "Bộ Tư pháp", "Bộ Nội vụ"], [], []),
        # a Government notice: "các Tập đoàn:" lists groups the same way
        ("Về triển khai hạ tầng đề phủ sóng 19 thôn, bản khu vực miền núi lõm sóng điện thoại: đề nghị các Tập đoàn: Bưu chính Viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội tổ chức triển khai thực hiện theo quy định, hoàn thành trong tháng 12 năm 2025; Bộ Khoa học và Công nghệ hướng dẫn các Tập đoàn nêu trên",
         ["VNPT", "Viettel", "Bộ Khoa học và Công nghệ"], [], []),
        # the same notice: a second colon before "giao" in lower case
        ("Về hoạt động của mô hình chính quyền địa phương 02 cấp: tăng số lượng cấp phó tại các phòng chuyên môn của cấp xã từ 2 lên 3 phó trưởng phòng, bố trí đủ biên chế theo vị trí việc làm: giao Bộ Nội vụ chủ trì, phối hợp với các cơ quan liên quan nghiên cứu, tổng hợp, báo cáo Chính phủ trước ngày 30 tháng 11 năm 2025.",
         ["Bộ Nội vụ"], [], []),
        # a Cần Thơ regulation: when, then who; a time opener with nobody after it gives no subject
        ("Hằng năm, các cơ quan, đơn vị cấp thành phố và Ủy ban nhân dân xã, phường xây dựng báo cáo, tiến hành tự chấm điểm, tự đánh giá xếp loại công tác dân vận",
         ["Ủy ban nhân dân các xã, phường"], [], []),
        ("Trong quý I của năm liền kề đánh giá, Sở Nội vụ chủ trì, phối hợp với Ban Tuyên giáo và Dân vận Thành ủy và các cơ quan, đơn vị có liên quan tiến hành rà soát, đánh giá kết quả chấm điểm",
         ["Sở Nội vụ"], ["Ban Tuyên giáo và Dân vận Thành ủy"], []),
        ("Hằng năm, tổ chức sơ kết, đánh giá kết quả thực hiện Kế hoạch.", [], [], []),
        # the points of a list written out (a Government notice)
        ("Thứ tư, Sở Xây dựng chủ động tháo gỡ vướng mắc, hoàn thành dứt điểm công tác giải phóng mặt bằng", ["Sở Xây dựng"], [], []),
        # "Xã hội hóa" (society-making) is no commune (a Hồ Chí Minh City plan's funding part)
        ("Xã hội hóa/đối tác đầu tư công - tư: Huy động các doanh nghiệp trong lĩnh vực công nghệ thông tin cung cấp hạ tầng, dịch vụ số", [], [], []),
        # the central bodies in a province are one tier, named; where they are is no verb; each
        # group keeps the level it is written with
        ("Thủ trưởng các Sở, ban, ngành cấp tỉnh, các cơ quan Trung ương trên địa bàn tỉnh, Chủ tịch Ủy ban nhân dân các phường, xã có trách nhiệm tổ chức thực hiện Quyết định này.",
         ["Các sở, ban, ngành cấp tỉnh", "Các cơ quan Trung ương trên địa bàn tỉnh", "Ủy ban nhân dân các xã, phường"], [], []),
        ("Các cơ quan Trung ương đóng trên địa bàn tỉnh phối hợp giải quyết các thủ tục hành chính của tỉnh đảm bảo đúng thời gian quy định",
         [], ["Các cơ quan Trung ương đóng trên địa bàn tỉnh"], []),
        ("Sở Tài chính phối hợp với các cơ quan Trung ương, Bộ Tài chính trong việc chỉ đạo thực hiện tổng kiểm kê tài sản", ["Sở Tài chính"], ["Các cơ quan Trung ương", "Bộ Tài chính"], []),
        # a condition cut at a comma inside its own list gives no subject ("cơ sở giáo dục
        # mầm non, giáo dục phổ thông …" goes on the list, it is no verb): a resolution of Huế
        ("Trường hợp mức thu học phí của cơ sở giáo dục dân lập, tư thục, cơ sở giáo dục mầm non, giáo dục phổ thông trong các trường đại học, cao đẳng thấp hơn mức học phí quy định tại khoản 1 Điều 2 Nghị quyết này, mức hỗ trợ học phí bằng với mức thu học phí của cơ sở giáo dục đó.",
         [], [], []),
        # People's Council resolutions keyed blind (tests/data/corpus_keys, session 49): the council's
        # bodies and the Front supervise however the duty is worded — a delegate group without
        # "các", "có trách nhiệm giám sát", "phối hợp giám sát"
        ("Giao Thường trực Hội đồng nhân dân, các Ban Hội đồng nhân dân, Tổ đại biểu và các đại biểu Hội đồng nhân dân thành phố trong phạm vi, nhiệm vụ, quyền hạn giám sát việc triển khai thực hiện Nghị quyết.",
         [], [], ["Thường trực Hội đồng nhân dân thành phố", "Các Ban của Hội đồng nhân dân thành phố", "Các Tổ đại biểu Hội đồng nhân dân thành phố", "Các đại biểu Hội đồng nhân dân thành phố"]),
        ("Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu Hội đồng nhân dân Thành phố có trách nhiệm giám sát quá trình tổ chức triển khai, thực hiện Nghị quyết này.",
         [], [], ["Thường trực Hội đồng nhân dân thành phố", "Các Ban của Hội đồng nhân dân thành phố", "Các Tổ đại biểu Hội đồng nhân dân thành phố", "Đại biểu Hội đồng nhân dân thành phố"]),
        ("Đề nghị Ủy ban Mặt trận tổ quốc Việt Nam thành phố Hà Nội phối hợp giám sát việc tổ chức, triển khai, thực hiện.", [], [], ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố"]),
        # events named "Hội …" are no associations
        ("Nội dung chi và mức chi tổ chức Hội khỏe Phù Đổng cấp tỉnh; hội thao giáo dục quốc phòng và an ninh trong trường phổ thông cấp tỉnh thực hiện theo Phụ lục IV.", [], [], []),
        # two names parted by a slash are both the body of the duty (a commune's and a ward's
        # office), after an opener of time with a comma of its own
        ("Trong thời hạn 05 ngày làm việc, kể từ ngày nhận đủ hồ sơ hợp lệ theo quy định, Phòng Kinh tế xã/Phòng Kinh tế, Hạ tầng và Đô thị phường có trách nhiệm phối hợp với Phòng Văn hóa - Xã hội xã/phường rà soát, thẩm định hồ sơ.",
         ["Phòng Kinh tế", "Phòng Kinh tế, Hạ tầng và Đô thị"], ["Phòng Văn hóa - Xã hội"], []),
        # "Cơ quan" before an agency of a named level is the agency; without a level it stays as written
        ("Cơ quan Bảo hiểm xã hội thành phố Huế tổng hợp danh sách, kinh phí đề nghị ngân sách thành phố hỗ trợ đóng bảo hiểm y tế trình Sở Tài chính.", ["Bảo hiểm xã hội thành phố"], [], []),
        ("Ủy ban nhân dân cấp xã có trách nhiệm chủ trì, phối hợp với Cơ quan chuyên môn về xây dựng, Cơ quan Công an tổ chức kiểm tra, đánh giá.",
         ["Ủy ban nhân dân cấp xã"], ["Cơ quan chuyên môn về xây dựng", "Cơ quan Công an"], []),
        # a board named by its zones takes "và" and the level after them; "sáng tạo" is no verb
        ("Phối hợp với Ban Quản lý các khu công nghệ cao và khu công nghiệp Thành phố, Trung tâm Đổi mới sáng tạo Hà Nội triển khai, hỗ trợ liên quan đến hoạt động đổi mới sáng tạo.",
         [], ["Ban Quản lý các khu công nghệ cao và khu công nghiệp Thành phố", "Trung tâm Đổi mới sáng tạo Hà Nội"], []),
        # a benefit or a leave is no duty; a participle that describes the subject is no benefit
        ("Doanh nghiệp, tổ chức khoa học và công nghệ được lựa chọn mức hỗ trợ, ưu đãi quy định tại khoản 2 và khoản 3 Điều này.", [], [], []),
        ("Doanh nghiệp, tổ chức khoa học và công nghệ đáp ứng điều kiện hỗ trợ quy định tại Điều 12 Nghị quyết số 35/2025/NQ-HĐND, có trụ sở tại khu công nghệ cao trên địa bàn Thành phố được hỗ trợ, ưu đãi sau:", [], [], []),
        ("Sở Nội vụ có trách nhiệm và quyền hạn sau:", ["Sở Nội vụ"], [], []),
        ("Ủy ban nhân dân Thành phố có quyền hạn và trách nhiệm:", ["Ủy ban nhân dân thành phố"], [], []),
        ("Sở Tư pháp được khai thác, sử dụng thông tin trong Cơ sở dữ liệu phục vụ cho công tác quản lý nhà nước về công chứng, chứng thực trên địa bàn thành phố.", [], [], []),
        ("Thủ trưởng các cơ quan Trung ương được tổ chức theo hệ thống ngành dọc tại địa phương có liên quan chịu trách nhiệm thi hành Quyết định này.", ["Các cơ quan Trung ương"], [], []),
        # a steering committee's posts are the committee, its members the bodies sitting on it
        ("Phó Trưởng Ban Chỉ đạo tỉnh chủ trì các cuộc họp của Ban Chỉ đạo, hội nghị triển khai công tác của Ban Chỉ đạo.", ["Ban Chỉ đạo tỉnh"], [], []),
        ("Ủy viên Thường trực Ban Chỉ đạo tỉnh điều hành, tổ chức các đoàn kiểm tra thường xuyên và đột xuất.", ["Ban Chỉ đạo tỉnh"], [], []),
        ("Các thành viên Ban Chỉ đạo, Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ chịu trách nhiệm thi hành Quyết định này.",
         ["Các thành viên Ban Chỉ đạo", "Các bộ, cơ quan ngang bộ", "Các cơ quan thuộc Chính phủ"], [], []),
        ("Các Ủy viên Ban Chỉ đạo tỉnh tham gia đầy đủ các cuộc họp và chương trình công tác của Ban Chỉ đạo.", ["Các thành viên Ban Chỉ đạo tỉnh"], [], []),
        # … but a People's Committee's members act as the committee
        ("Thành viên Ủy ban nhân dân tỉnh có trách nhiệm theo dõi, chỉ đạo lĩnh vực được phân công.", ["Ủy ban nhân dân tỉnh"], [], []),
        ("Chủ tịch, các Phó Chủ tịch và các thành viên Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành Quyết định này.", ["Ủy ban nhân dân tỉnh"], [], []),
        # a verb no name holds ends a name even right after its head
        ("Định kỳ trước ngày 31 tháng 12 hằng năm, Văn phòng Ban Chỉ đạo tổng hợp báo cáo của các thành viên Ban Chỉ đạo.", ["Văn phòng Ban Chỉ đạo"], [], []),
        # the tax units below the province; a bracket that opens with "và" adds a body
        ("Sở Nông nghiệp và Môi trường, Thuế Thành phố và các Thuế cơ sở, UBND cấp xã có trách nhiệm tuân thủ quy trình giải quyết theo phương án được phê duyệt.",
         ["Sở Nông nghiệp và Môi trường", "Thuế thành phố", "Các thuế cơ sở", "Ủy ban nhân dân cấp xã"], [], []),
        ("Sở Nông nghiệp và Môi trường, Thuế Thành phố Hà Nội (và Thuế cơ sở), Ủy ban nhân các xã, phường chịu trách nhiệm thi hành Quyết định này.",
         ["Sở Nông nghiệp và Môi trường", "Thuế thành phố", "Thuế cơ sở", "Ủy ban nhân dân các xã, phường"], [], []),
        # "phối hợp, hỗ trợ" names partners as "phối hợp với" does; the forest rangers are a body
        ("Chỉ đạo các đơn vị trực thuộc, lực lượng Công an xã tăng cường phối hợp, hỗ trợ chính quyền địa phương và lực lượng Kiểm lâm trong công tác tuần tra, kiểm soát.",
         ["Công an xã"], ["Ủy ban nhân dân các xã, phường", "Lực lượng Kiểm lâm"], []),
        # "chủ động đề nghị X …": the sentence's own bodies propose, X is given no work here
        ("Trường hợp nội dung phức tạp, trong trường hợp cần thiết, chủ động đề nghị Chủ tịch UBND tỉnh chỉ đạo thành lập Đoàn kiểm tra, xác minh liên ngành.", [], [], []),
        # a family's name that closes with a province keeps its level, the province aside
        ("Sở Tài chính chủ trì, phối hợp với Sở Công Thương, Ban Quản lý khu Kinh tế tỉnh Đồng Tháp đề xuất giải pháp cải thiện môi trường đầu tư.",
         ["Sở Tài chính"], ["Sở Công Thương", "Ban Quản lý khu Kinh tế tỉnh"], []),
        # a cooperative is a body; "và" lists the tier's units as a comma does
        ("Công ty Điện lực Quảng Trị, Hợp tác xã dịch vụ điện Quảng Phú và các đơn vị bán lẻ điện tổ chức tuyên truyền, phổ biến.",
         ["Công ty Điện lực Quảng Trị", "Hợp tác xã dịch vụ điện Quảng Phú", "Các đơn vị bán lẻ điện"], [], []),
        ("Ủy ban nhân dân các xã, phường và đặc khu chủ trì thực hiện công tác kiểm tra an toàn trong sử dụng điện.", ["Ủy ban nhân dân các xã, phường, đặc khu"], [], []),
        # whoever is given the work ("Đơn vị hoặc cá nhân được giao chủ trì …") is no body
        ("Đơn vị hoặc cá nhân được giao chủ trì soạn thảo nội dung lấy ý kiến có trách nhiệm thực hiện các công việc sau: xác định nội dung và loại hồ sơ công việc.", [], [], []),
        # the public a procedure addresses is no body
        ("Người dân, doanh nghiệp tra cứu nghĩa vụ tài chính theo mã hồ sơ thủ tục hành chính. Sau khi thanh toán, người dân, doanh nghiệp sẽ nhận được chứng từ nộp tiền.", [], [], []),
        # ... also when it follows the businesses (a fee circular, corpus 39db3d8c…); after bodies
        # a list names it ends them (a decision's closing article, corpus adf53d88…)
        ("Doanh nghiệp, hộ kinh doanh khi nộp hồ sơ đề nghị cơ quan quản lý nhà nước có thẩm quyền cấp Giấy phép phải nộp phí theo quy định tại Thông tư này.", [], [], []),
        ("Chánh Văn phòng Ủy ban nhân dân tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường và các tổ chức, hộ gia đình, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
         ["Văn phòng Ủy ban nhân dân tỉnh", "Ủy ban nhân dân các xã, phường"], [], []),
        # units under a place are every unit its government runs; a group that only "liên quan
        # đến" something, no verb after, is an object (a city council's resolution, corpus 5eaeb632…)
        ("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội; các sở, ban, ngành; Ủy ban nhân dân các xã, phường; các đơn vị trực thuộc thành phố Hà Nội xét, trình Ủy ban nhân dân thành phố Hà Nội.",
         ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường", "Các đơn vị trực thuộc thành phố"], [], []),
        ("Sở Nội vụ lấy thêm ý kiến các bộ, ngành liên quan; các cơ quan, đơn vị thuộc thành phố Hà Nội liên quan đến lĩnh vực hoạt động của cá nhân được đề nghị xét tặng danh hiệu.",
         ["Sở Nội vụ"], [], []),
        # … but a group "có liên quan tới …" goes on to its verb (a real plan, bffd9da6…)
        ("Các sở, ban, ngành tỉnh có liên quan tới việc thực hiện Kế hoạch này có trách nhiệm thường xuyên phối hợp cùng các cơ quan chuyên môn.",
         ["Các sở, ban, ngành tỉnh"], [], []),
        # the province's reach is everyone in it, no group; the city's body "của Thành phố" is
        # whichever one (decisions of Bắc Ninh and Huế, corpus b1ce4a23…, 8d9779ed…)
        ("Thủ trưởng các cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý của tỉnh Bắc Ninh và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.", [], [], []),
        ("Trường hợp Thành phố thực hiện các giải pháp tổ chức giao thông, cơ quan của Thành phố gửi thông báo cho cấp xã trước khi thực hiện.", [], [], []),
        # a verb ends a name: "lấy ý kiến", a modal "cần", a judgement "thấy"; a sport's
        # discipline ("Trưởng Bộ môn") is no body
        ("Trong thời hạn 03 ngày kể từ ngày có Biên bản thẩm định, Cục Bảo tồn thiên nhiên và Đa dạng sinh học lấy ý kiến các cơ quan chuyên môn của Bộ.",
         ["Cục Bảo tồn thiên nhiên và Đa dạng sinh học"], [], []),
        ("Tham gia ý kiến đối với các vấn đề do Thủ tướng Chính phủ yêu cầu hoặc Hội đồng thấy cần kiến nghị với Thủ tướng Chính phủ.", ["Hội đồng"], [], []),
        ("Trưởng Bộ môn thể thao thành tích cao xây dựng kế hoạch chuyên môn.", [], [], []),
        # what a unit is allotted is no work given to it (a Government decree, corpus fa339553…)
        ("Phòng thuộc chi cục thuộc cục loại 1 có từ 07 đến 09 biên chế công chức được bố trí 01 cấp phó.", [], [], []),
        # a bracket inside a partner list says more of one member, the list goes on after it (a
        # procedures decision, corpus 2e037ff2…)
        ("Thanh tra tỉnh chủ trì, phối hợp Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh) và UBND các xã, phường:",
         ["Thanh tra tỉnh"], ["Văn phòng Ủy ban nhân dân tỉnh", "Ủy ban nhân dân các xã, phường"], []),
        # a body named by its function, two words of it joined by a comma; a list of generic
        # heads stays a catch-all (a ministry's circular, corpus 875cbe61…)
        ("Đơn vị cung cấp dịch vụ kiểm định, kiểm tra có trách nhiệm kê khai, niêm yết, công khai thông tin về giá dịch vụ.",
         ["Đơn vị cung cấp dịch vụ kiểm định, kiểm tra"], [], []),
        ("Tổ chức, cá nhân có trách nhiệm tuân thủ các quy định về hành lang bảo vệ đê điều.", [], [], []),
        # two heads the description is of (a Hà Nội council's resolution, corpus d2ab0055…)
        ("Cơ quan, đơn vị thực hiện nội dung chi theo Phụ lục III có trách nhiệm rà soát, đối chiếu, bảo đảm không chi trùng lặp.",
         ["Cơ quan, đơn vị thực hiện nội dung chi theo Phụ lục III"], [], []),
        # members parted by semicolons after "các Sở:" (a city's decision, corpus 7599f652…)
        ("Chánh Văn phòng Ủy ban nhân dân thành phố; Giám đốc các Sở: Văn hóa, Thể thao và Du lịch; Nội vụ; Tài Chính; Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu chịu trách nhiệm thi hành Quyết định này./.",
         ["Văn phòng Ủy ban nhân dân thành phố", "Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ", "Sở Tài chính", "Ủy ban nhân dân các xã, phường, đặc khu"], [], []),
        # who makes up a body is no work given to it; a duty's heading run into its sentence; a
        # level shared only by the bare bodies right before it (a coordination regulation, corpus 50693ea4…)
        ("Các phòng chuyên môn, nghiệp vụ gồm:", [], [], []),
        ("Các cơ sở sản xuất tuân thủ nghiêm các quy định của pháp luật về bảo vệ môi trường, kiểm soát khí thải.", ["Các cơ sở sản xuất"], [], []),
        ("Trách nhiệm của Sở Tư pháp hướng dẫn, tổ chức thực hiện, tuyên truyền, phổ biến pháp luật về đăng ký biện pháp bảo đảm tại địa phương.",
         ["Sở Tư pháp"], [], []),
        ("Văn phòng đăng ký đất đai, Chi nhánh Văn phòng đăng ký đất đai, Ủy ban nhân dân cấp xã thực hiện việc bàn giao hồ sơ.",
         ["Văn phòng Đăng ký đất đai", "Chi nhánh Văn phòng Đăng ký đất đai", "Ủy ban nhân dân cấp xã"], [], []),
        # the units of a body its families name whole; posts as their units; the state's groups
        # and corporations by their board chairs (the tax department's decision 3509/QĐ-CT, PM
        # dispatch 224/CĐ-TTg)
        ("Trưởng ban Ban Tổ chức cán bộ, Chánh Văn phòng Cục Thuế và Thủ trưởng các đơn vị thuộc Cục Thuế chịu trách nhiệm thi hành Quyết định này.",
         ["Ban Tổ chức cán bộ", "Văn phòng Cục Thuế", "Các đơn vị thuộc Cục Thuế"], [], []),
        ("Chủ tịch Ủy ban nhân dân các tỉnh, Chủ tịch Hội đồng thành viên, Tổng giám đốc các Tập đoàn, Tổng Công ty tiếp tục triển khai.",
         ["Ủy ban nhân dân các tỉnh", "Các tập đoàn, tổng công ty"], [], []),
        ("Công chức thuế phải thực hiện nghiêm các quy định của ngành.", [], [], []),
        # a verb no name holds ends a group's name (the State Audit Office's rules, 1760/QĐ-KTNN)
        ("Trong quá trình thực hiện, nếu có phát sinh vướng mắc, các đơn vị phản ánh kịp thời về Vụ Tổ chức cán bộ để tổng hợp.", [], [], []),
        # partners named in a phrase the subject reader passes over; bodies in a bracket of channels
        # are no subject; a body named by what it does, up to the provision it points to (PM dispatch
        # 234/CĐ-TTg, Government resolution 08/2025/NQ-CP)
        ("Phát huy tinh thần tự lực; đồng thời phối hợp với Mặt trận Tổ quốc Việt Nam tiếp tục kêu gọi, vận động.", [], ["Mặt trận Tổ quốc Việt Nam"], []),
        ("Đồng thời thống kê báo cáo Thủ tướng Chính phủ (qua Văn phòng Chính phủ, Bộ Tài chính, Bộ Nông nghiệp và Môi trường) số hộ gia đình bị ảnh hưởng.", [], [], []),
        ("Doanh nghiệp thực hiện dự án casino quy định tại Điều 3 Nghị quyết này có trách nhiệm tổ chức kinh doanh.", ["Doanh nghiệp thực hiện dự án casino"], [], []),
        ("Cơ quan quy định tại điểm a khoản này có trách nhiệm thông báo.", ["Cơ quan quy định tại điểm a khoản này"], [], []),
        # "Tổ chức" that opens a clause is whom the duty is for when the duty's own predicate
        # follows a few words on (36/2025/TT-BXD, corpus 631e2524…); the verb otherwise
        ("Tổ chức kiểm định có trách nhiệm kê khai, niêm yết, công khai thông tin về giá dịch vụ kiểm định thiết bị.", ["Tổ chức kiểm định"], [], []),
        ("Tổ chức triển khai thực hiện Thông tư này.", [], [], []),
        # what the clause is about, up to its comma, before a body named in capitals (1628/QĐ-UBND,
        # corpus adda847a…); a lower-case word after the comma lists on ("Đối với các xã, phường:")
        ("Đối với hồ sơ TTHC đã được cung cấp dịch vụ công trực tuyến, Trung tâm Phục vụ hành chính công tỉnh, Trung tâm Phục vụ hành chính công cấp xã thực hiện cung cấp thông tin.",
         ["Trung tâm Phục vụ hành chính công tỉnh", "Trung tâm Phục vụ hành chính công cấp xã"], [], []),
        ("Đối với các xã, phường: Nếu có từ 02 địa phương trở lên có tổng số điểm bằng nhau thì xét theo thứ tự ưu tiên.", [], [], []),
        # a status is no task: the old communes' governments go on until the new ones start (the
        # Standing Committee's resolutions arranging a province's communes, corpus a57bf3fe…)
        ("Chính quyền địa phương ở đơn vị hành chính cấp xã trước sắp xếp tiếp tục hoạt động cho đến khi chính quyền địa phương ở đơn vị hành chính cấp xã hình thành sau sắp xếp chính thức hoạt động.", [], [], []),
        # a thing's weight is no predicate (a customs ruling, corpus 6f4ccdb7…)
        ("Bộ thẻ Commander (100 thẻ) ~120 gram. Hộp + phụ kiện ~ 50-100gram.", [], [], []),
        # an example's placeholder bodies hold no duty (99/2025/QĐ-UBND, corpus c5f09c77…)
        ("Đối với địa chỉ thư điện tử công vụ của UBND cấp xã được đặt theo cấu trúc như sau: <tên>@nghean.gov.vn; Ví dụ: UBND xã BK sẽ có địa chỉ thư điện tử công vụ là [email protected]", [], [], []),
        ("Sở quản lý ngành, lĩnh vực có trách nhiệm thực hiện rà soát.", ["Các sở, ban, ngành tỉnh"], [], []),
        # people by name and post, the post's unit; a plural of a village's head, the villages; a
        # newspaper's act ends its name ("mở chuyên mục"), a 2025 department's abbreviation (probes'
        # phuong_hcm_kh_khu_pho, tinh_qd_215_kem_kh)
        ("Đ/c Nguyễn Thị Hoa - Phó Chủ tịch UBND phường: chỉ đạo chung việc thực hiện Kế hoạch.", ["Ủy ban nhân dân phường"], [], []),
        ("Các Trưởng khu phố: tổ chức hội nghị khu phố, lập biên bản gửi về UBND phường.", ["Các khu phố"], [], []),
        # partners named "with the cooperation of" (probes' so_tp_45_kh_dau_moi)
        ("Giao Phòng Quản lý xử lý vi phạm hành chính và theo dõi thi hành pháp luật chủ trì, với sự phối hợp của Thanh tra Sở, rà soát việc giải quyết kiến nghị.",
         ["Phòng Quản lý xử lý vi phạm hành chính và theo dõi thi hành pháp luật"], ["Thanh tra Sở"], []),
        ("Phòng Phổ biến, giáo dục pháp luật là đơn vị đầu mối, chủ động phối hợp với Trung tâm Trợ giúp pháp lý nhà nước tổ chức tuyên truyền.",
         ["Phòng Phổ biến, giáo dục pháp luật"], ["Trung tâm Trợ giúp pháp lý nhà nước"], []),
        # the post before the plural (probes' phuong_96_kh_o_ke)
        ("Tổ trưởng các tổ dân phố tổ chức hội nghị tổ dân phố để Nhân dân bàn và quyết định.", ["Các tổ dân phố"], [], []),
        ("Phối hợp với Trưởng các ấp tổ chức hội nghị ấp.", [], ["Các ấp"], []),
        ("Sở NN&MT chủ trì, phối hợp với Đài PT-TH tỉnh, Báo Quảng Trị mở chuyên mục tuyên truyền.",
         ["Sở Nông nghiệp và Môi trường"], ["Đài Phát thanh và Truyền hình tỉnh", "Báo Quảng Trị"], []),
        # supervision stepped up is supervision; its partner after ";" is no helper of a task
        # (probes' tinh_08_ct_docx), unless the subject understood leads (the seed 001_eb4faafb)
        ("Đề nghị Ủy ban MTTQ Việt Nam tỉnh tăng cường giám sát việc thực hiện; phối hợp với Thanh tra tỉnh giám sát việc giải quyết khiếu nại.",
         [], [], ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
        ("Đề nghị Ủy ban MTTQ Việt Nam tỉnh tuyên truyền sâu rộng; phối hợp với Sở Nội vụ giám sát việc thực hiện.",
         ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], ["Sở Nội vụ"], []),
        # a second body with its own role after the lead's, set off by a comma (probes'
        # tinh_kh_do_chu_tri); a body that carries the object on is no such piece
        ("Kiểm tra việc thực hiện dân chủ ở cơ sở tại một số địa phương; Thanh tra tỉnh chủ trì, Sở Nội vụ phối hợp.",
         ["Thanh tra tỉnh"], ["Sở Nội vụ"], []),
        ("Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp thực hiện.", ["Sở Nội vụ"], ["Sở Tư pháp"], []),
        # the assignment's other forms: "giao cho", "giao nhiệm vụ cho", "phân công" (probes'
        # xa_kh_giao_cho)
        ("Giao cho đồng chí Trưởng Công an xã chủ trì, phối hợp với Ban Chỉ huy Quân sự xã bảo đảm an ninh, trật tự.",
         ["Công an xã"], ["Ban Chỉ huy quân sự xã"], []),
        ("Phân công Phòng Văn hóa - Xã hội chủ trì tổ chức hội nghị.", ["Phòng Văn hóa - Xã hội"], [], []),
        ("Giao trách nhiệm cho Trạm Y tế xã phối hợp với Trường Mầm non tuyên truyền.", ["Trạm Y tế xã"], ["Trường Mầm non"], []),
        # a Party cell's secretary by post beside the groups' heads: the cells, not one group with
        # them (probes' phuong_kh_to_dan_pho)
        ("Bí thư chi bộ, Tổ trưởng tổ dân phố, Trưởng Ban công tác Mặt trận tổ dân phố phối hợp tổ chức hội nghị tổ dân phố.",
         [], ["Các chi bộ", "Các tổ dân phố", "Ban công tác Mặt trận tổ dân phố"], []),
        # after a topic, "thực hiện theo quy định" does the work named before the colon; alone it
        # states how a body acts (probes' kbnn_kv_kh)
        ("Công khai dự toán, quyết toán ngân sách của đơn vị: Phòng Kế toán Nhà nước thực hiện theo quy định.", ["Phòng Kế toán Nhà nước"], [], []),
        ("Thanh tra Ngân hàng Nhà nước thực hiện theo quy định tại Luật Thanh tra.", [], [], []),
        # "mở" of an open economic zone is no verb (corpus 7006a7ae…)
        ("Ban Quản lý Khu kinh tế mở Chu Lai chủ trì thực hiện.", ["Ban Quản lý Khu kinh tế mở Chu Lai"], [], []),
        # an opening's list of levels goes on past its comma: "phường" is no subject (a Hà Nội
        # council resolution, shared/real/other 98b67fb1…)
        ("Căn cứ quy mô, điều kiện tự nhiên và đặc thù của mỗi xã, phường để quyết định số lượng nhân viên cho từng đơn vị.", [], [], []),
        # a member no gazetteer or family names between two that are named — a scan's mark
        # (shared/real 0a97eb9c… with "tỉnh" read "tĩnh") or a kind of body no family knows — is
        # passed over, and the list's other bodies are not lost with it
        ("Đề nghị Văn phòng Tỉnh ủy, Viện kiểm sát nhân dân tỉnh, Thuế tĩnh, Kho bạc Nhà nước khu vực XI tăng cường công tác bảo vệ bí mật nhà nước.",
         ["Văn phòng Tỉnh ủy", "Viện kiểm sát nhân dân tỉnh", "Kho bạc Nhà nước khu vực XI"], [], []),
        ("Lực lượng Kiểm lâm, Công an, Quân đội, chính quyền địa phương và chủ rừng thường xuyên kiểm tra nghiêm ngặt.",
         ["Lực lượng Kiểm lâm", "Công an", "Ủy ban nhân dân các xã, phường", "Chủ rừng"], [], []),
        # funds, port authorities, national parks and reserves head their own names
        ("Quỹ Bảo lãnh tín dụng, Cảng vụ Hàng hải Nghệ An, Vườn Quốc gia Pù Mát, Khu bảo tồn thiên nhiên Pù Huống, Hạt Kiểm lâm huyện Con Cuông phối hợp tuyên truyền.",
         [], ["Quỹ Bảo lãnh tín dụng", "Cảng vụ Hàng hải Nghệ An", "Vườn Quốc gia Pù Mát", "Khu bảo tồn thiên nhiên Pù Huống", "Hạt Kiểm lâm huyện Con Cuông"], []),
    ],
)
def test_read_actors_in_real_documents(text, leads, supports, supervisors):
    a = read_actors(text, PROVINCE)
    assert [m.name for m in a.leads] == leads
    assert [m.name for m in a.supports] == supports
    assert [m.name for m in a.supervisors] == supervisors


@pytest.mark.parametrize(
    "text,written",
    [
        # "chính quyền địa phương", "các địa phương" are whole names: the next word is the verb,
        # not a field of the group, and the words the fact is traced to stop there
        ("Chính quyền địa phương giải quyết dứt điểm các vụ việc tồn đọng", ["Chính quyền địa phương"]),
        ("Các địa phương tuần tra, kiểm soát và báo cáo Công an tỉnh", ["Các địa phương"]),
        ("Công an tỉnh phối hợp với chính quyền địa phương tuần tra, kiểm soát", ["Công an tỉnh", "chính quyền địa phương"]),
    ],
)
def test_a_whole_group_name_ends_before_its_verb(text, written):
    a = read_actors(text, PROVINCE)
    assert [m.surface for m in a.leads + a.supports] == written
    assert all(m.name in ("Công an tỉnh", "Ủy ban nhân dân các xã, phường") for m in a.leads + a.supports)


@pytest.mark.parametrize(
    "heading,names",
    [
        ("Sở Khoa học và Công nghệ", ["Sở Khoa học và Công nghệ"]),
        ("Các doanh nghiệp sản xuất, chế biến và xuất khẩu hàng hóa", ["Các doanh nghiệp sản xuất, chế biến và xuất khẩu hàng hóa"]),
        # a group followed by its verb is a sentence, not an entry
        ("Các cơ quan, đơn vị liên quan thu thập thông tin theo các mẫu biểu quy định tại Thông tư số 10/2022/TT-BLĐTBXH", None),
        ("Tổng hợp, báo cáo ở cấp thành phố", None),
        # a kind of body without "các" is a topic of the plan, not whom its items are for
        ("Doanh nghiệp số", None),
        ("Các doanh nghiệp viễn thông", ["Các doanh nghiệp viễn thông"]),
        ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã", ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã"]),
        # a group whose members the brackets name: the duties are the members'
        ("Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, Ban Quản lý các Khu công nghiệp tỉnh):",
         ["Sở Tài chính", "Ban quản lý Khu Kinh tế Phú Yên", "Ban Quản lý các khu công nghiệp tỉnh"]),
        # … but an exception in brackets is no list of members
        ("Các sở, ban, ngành (trừ Sở Y tế)", ["Các sở, ban, ngành tỉnh"]),
        ("Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông",
         ["Ủy ban nhân dân các xã Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông"]),
        # the matters a body leads, named by a relative clause (a coordination regulation's articles)
        ("Nội dung Sở Dân tộc và Tôn giáo có trách nhiệm chủ trì", ["Sở Dân tộc và Tôn giáo"]),
        ("Nhiệm vụ Sở Xây dựng chủ trì", ["Sở Xây dựng"]),
        ("Nội dung phối hợp", None),
        # a place heads the items about it, it is not given them (a district's plan by commune)
        ("Xã Trường Văn", None),
        ("Phường Hạc Thành:", None),
        # "Trách nhiệm của X": X holds the duties though no gazetteer knows it (a Đồng Tháp
        # regulation on official digital signatures; a forest inventory decision) …
        ("Trách nhiệm của thuê bao", ["Thuê bao"]),
        ("Trách nhiệm của cơ quan, tổ chức quản lý trực tiếp", ["Cơ quan, tổ chức quản lý trực tiếp"]),
        ("Trách nhiệm của đối tượng thực hiện kiểm kê", ["Đối tượng thực hiện kiểm kê"]),
        # … but not a person by post or trade, whose duties are the unit's
        ("Trách nhiệm của giáo viên, giáo viên chủ nhiệm", None),
        ("Trách nhiệm của người đứng đầu cơ quan, đơn vị", None),
        ("Trách nhiệm của Ủy viên thường trực", None),
        # … nor the public, organisations and persons alike; persons after a body are left out
        # (a Thái Nguyên electrical safety regulation, a Hải Phòng notarisation regulation)
        ("Trách nhiệm của các tổ chức, cá nhân sử dụng điện", None),
        ("Trách nhiệm của Hội Công chứng viên thành phố, các tổ chức hành nghề công chứng và cá nhân có liên quan",
         ["Hội Công chứng viên thành phố", "Các tổ chức hành nghề công chứng"]),
        # … nor bodies named by the part they play (a Nghệ An coordination regulation, corpus 994dfbc3…)
        ("Trách nhiệm của các cơ quan phối hợp", None),
        ("Trách nhiệm của các cơ quan đề nghị cung cấp thông tin", ["Các cơ quan đề nghị cung cấp thông tin"]),
        # what a body must meet, named by its service (a Hà Tĩnh waste regulation, corpus ac0f18a2…);
        # what is demanded of things binds nobody, and a request without its preposition is no heading
        ("Yêu cầu đối với cơ sở xử lý chất thải rắn sinh hoạt", ["Cơ sở xử lý chất thải rắn sinh hoạt"]),
        ("Yêu cầu đối với cơ sở cung cấp dịch vụ thu gom, vận chuyển chất thải rắn sinh hoạt",
         ["Cơ sở cung cấp dịch vụ thu gom, vận chuyển chất thải rắn sinh hoạt"]),
        ("Yêu cầu đối với phương tiện vận chuyển chất thải rắn sinh hoạt", None),
    ],
)
def test_entry_headings(heading, names):
    entry = entry_actors(heading, PROVINCE)
    assert (None if entry is None else [m.name for m in entry.agencies]) == names


def test_a_tier_a_decree_names_by_its_head_alone_is_every_body_of_it():
    # a Government decree's article (corpus c22591f1…): "Bộ, cơ quan ngang Bộ" are the ministries
    # and the ministry-level agencies, one addressee; the other managing bodies as written
    entry = entry_actors("Nhiệm vụ và quyền hạn của Bộ, cơ quan ngang Bộ, Cơ quan quản lý công chức khác", NATIONAL)
    assert entry is not None and [m.name for m in entry.agencies] == ["Các bộ, cơ quan ngang bộ", "Cơ quan quản lý công chức khác"]
    # … but in a ministry's own text "Bộ" is the ministry itself
    ministry = Lexicon({}, None, {}, True, None, True, "Bộ")
    own = entry_actors("Trách nhiệm của Bộ", ministry)
    assert own is None or [m.name for m in own.agencies] != ["Các bộ"]


def test_an_item_that_directs_bodies_adds_them_to_the_entry():
    from ingest.models import Node
    from ingest.tasks import _Ctx, _walk

    entry = Node("item", "3", "Ngân hàng Nhà nước chi nhánh khu vực 14", (1,), path="V.3")
    directs = Node("letter", "a", "Chỉ đạo các Ngân hàng thương mại trên địa bàn chủ động phối hợp với Sở Y tế triển khai thực hiện tốt Kế hoạch, cụ thể như sau:", (2,))
    directs.children.append(Node("dash", "-", "Cử chuyên viên phối hợp với Ủy ban nhân dân xã, phường hỗ trợ các đối tượng.", (3,)))
    entry.children.append(directs)
    root = Node("section", "V", "TỔ CHỨC THỰC HIỆN", (0,), path="V")
    root.children.append(entry)
    out: list = []
    _walk(root, _Ctx(headings=[]), "organisation", PROVINCE, [], out)
    (task, _), = out
    assert task.lead[:1] == ["Ngân hàng Nhà nước chi nhánh khu vực 14"] and len(task.lead) == 2
    assert "thương mại" in task.lead[1] and "Sở Y tế" not in task.lead


def test_a_group_heading_among_entries_is_an_entry_whole():
    from ingest.models import Node
    from ingest.tasks import _entries

    def item(label, text):
        node = Node("item", label, text, (1,))
        node.children.append(Node("dash", "-", "Phối hợp triển khai.", (2,)))
        return node

    items = [item("1", "Sở Khoa học và Công nghệ"), item("2", "Ban Quản lý Khu kinh tế Đông Nam"),
             item("5", "Các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp")]
    found = _entries(items, PROVINCE)
    assert [m.name for m in found[id(items[2])].agencies] == ["Các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp"]
    # brackets after the group say what it takes in; they do not name it
    described = item("5", "Các chủ rừng là tổ chức (các Ban quản lý rừng đặc dụng, rừng phòng hộ, các Công ty nông, lâm nghiệp…)")
    found = _entries([*items[:2], described], PROVINCE)
    assert [m.name for m in found[id(described)].agencies] == ["Các chủ rừng là tổ chức"]
    # alone, the same heading reads as a subject and its verb
    assert _entries(items[2:], PROVINCE)[id(items[2])] is None
    # … and so among topics: two entries of five headings do not make a list of entries
    topics = [item("3", "Công tác tuyên truyền"), item("4", "Công tác kiểm tra, giám sát")]
    assert _entries([*items[:2], *topics, items[2]], PROVINCE)[id(items[2])] is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("chậm nhất ngày 15/11.", ["15/11"]),
        ("trước ngày 15 tháng 11 hàng năm", ["15/11"]),
        ("báo cáo 6 tháng trước ngày 05/6, báo cáo 9 tháng trước 10/9, báo cáo năm trước ngày 10/11", ["05/6", "10/9", "10/11"]),
        ("ngày 22/12/2025 của Hội đồng nhân dân", []),  # a date with no deadline's word before it is none
        # a deadline with its year keeps it, and its month whole (it read "28/1" and "10/1")
        ("Hoàn thành trước ngày 28/11/2025.", ["28/11/2025"]),
        ("gửi báo cáo về Bộ Xây dựng chậm nhất ngày 10 tháng 12 năm 2025, trong đó", ["10/12/2025"]),
    ],
)
def test_deadlines(text, expected):
    assert [d for d, _ in deadlines_in(text)] == expected


def test_a_date_of_a_year_before_the_documents_is_a_condition_not_a_deadline():
    text = "nhà ở xây dựng trước ngày 01 tháng 7 năm 2006 và hoàn thành hồ sơ trước ngày 30/6/2026"
    assert [d for d, _ in deadlines_in(text, "2026-02-10")] == ["30/6/2026"]


@pytest.mark.parametrize(
    "text,kind",
    [("Thường xuyên", "continuous"), ("Năm 2026 và các năm tiếp theo", "yearly_from"), ("Hằng năm", "yearly"), ("Hàng năm", "yearly"), ("Định kỳ", "periodic"),
     # a quarter of a given year (real plans: "Quý IV/2026"); every quarter is another kind, and one
     # that opens a recurring duty stays recurring
     ("Quý IV/2026", "quarter"), ("Ban hành trong quý I năm 2026", "quarter"), ("Hằng quý", "quarterly"),
     ("Quý IV năm 2025 và các năm tiếp theo", "yearly_from"), (None, None)],
)
def test_timeframe_kind(text, kind):
    assert timeframe_kind(text) == kind


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Hằng năm, lập dự toán ngân sách nhà nước", "Hằng năm"),
        ("Định kỳ hằng năm, báo cáo kết quả", "Định kỳ hằng năm"),
        ("Chủ trì ...; đồng thời, hàng năm tổng hợp báo cáo", None),  # only the first clause governs
        ("tổng hợp, tham mưu báo cáo định kỳ hoặc đột xuất theo yêu cầu của cơ quan có thẩm quyền.", "Định kỳ hoặc đột xuất theo yêu cầu của cơ quan có thẩm quyền"),
        # a timeframe the sentence writes with its label, wherever it stands (a commune's plan,
        # a ministry's inventory decision: "… gửi Bộ Tài chính. Thời gian hoàn thành: trước ngày 31/5/2026")
        ("Phòng Văn hóa - Xã hội chủ trì tổ chức hội nghị đối thoại; thời gian: Quý III năm 2026.", "Quý III năm 2026"),
        ("Tổng hợp kết quả kiểm kê gửi Bộ Tài chính. Thời gian hoàn thành: trước ngày 31/5/2026.", "Trước ngày 31/5/2026"),
    ],
)
def test_timeframe_from_text(text, expected):
    assert timeframe_in_text(text) == expected


def _task(ex, path):
    return next(t for t in ex.tasks if t.path == path)


def test_attribute_lines_after_the_last_bullet_apply_to_the_bullets_above(extractions):
    ex = extractions["000_70211efbcc79a593.txt"]
    first, second = _task(ex, "II.2.a.1"), _task(ex, "II.2.a.2")
    assert ex.names(first.lead) == ex.names(second.lead) == ["Các cơ quan, đơn vị, tổ chức, địa phương"]
    assert first.timeframe == "Năm 2026 và các năm tiếp theo"
    assert "Các cơ sở đào tạo" in ex.names(second.support) and "Các cơ sở đào tạo" not in ex.names(first.support)


def test_organisation_entry_gives_its_bullets_their_lead_and_request(extractions):
    ex = extractions["000_70211efbcc79a593.txt"]
    t = _task(ex, "III.1.2")
    assert ex.names(t.lead) == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"] and t.requested


def test_plus_items_under_an_empty_lead_line_are_tasks(extractions):
    ex = extractions["003_fcf3e25466826abb.txt"]
    t = _task(ex, "II.1.b.3")
    assert ex.names(t.lead) == ["Liên đoàn Lao động thành phố"] and t.requested and t.timeframe == "Hàng năm"


def test_reporting_obligation_read_in_full(extractions):
    ex = extractions["000_70211efbcc79a593.txt"]
    rep = [r for r in ex.reporting if r.path == "III.8.4"]
    assert [(ex.name(r.to), ex.name(r.via), r.deadline, r.frequency) for r in rep] == [("Ủy ban nhân dân tỉnh", "Sở Nội vụ", "15/11", "annual")]
    # who reports, to whom and through whom are agencies of the plan's table, by key
    assert all(k in ex.agency_index for r in ex.reporting for k in [*r.reporters, r.to, r.via] if k)


def test_targets_and_measures(extractions):
    t = _task(extractions["000_70211efbcc79a593.txt"], "II.2.a.2")
    assert any(x.startswith("100% công chức") for x in t.targets)
    assert "capacity_building" in t.measures


def test_aims_are_not_tasks(extractions):
    for ex in extractions.values():
        assert not any(t.path.startswith("I.") for t in ex.tasks)


def test_a_commune_of_another_place_is_named_with_its_place():
    """"UBND phường Cổ Nhuế 2 và phường Xuân Đỉnh" in a decision of Hà Nội: two committees, each
    shown with its commune; the head understood for the second."""
    from ingest.agencies import shown_name

    city = Lexicon({}, "thành phố", own_place="Hà Nội")
    text = "Chủ tịch UBND quận Bắc Từ Liêm; Chủ tịch UBND phường Cổ Nhuế 2 và phường Xuân Đỉnh chịu trách nhiệm kiểm tra, giám sát việc xây dựng"
    leads = read_actors(text, city).leads
    assert [shown_name(m, city) for m in leads] == ["Ủy ban nhân dân quận Bắc Từ Liêm", "Ủy ban nhân dân phường Cổ Nhuế 2", "Ủy ban nhân dân phường Xuân Đỉnh"]
    # the issuer's own place stays out of the name
    assert shown_name(read_actors("UBND thành phố Hà Nội chủ trì", city).leads[0], city) == "Ủy ban nhân dân thành phố"


_REGULATION_HEAD = ["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH", "Số: 12/2025/QĐ-UBND", "Ninh Bình, ngày 05 tháng 11 năm 2025", "",
                    "QUY CHẾ", "Quản lý, vận hành Hệ thống thông tin giải quyết thủ tục hành chính", "", "Chương I", "QUY ĐỊNH CHUNG", ""]


@pytest.mark.parametrize(
    "article,path,lead",
    [
        # an article titled by a body: its duties are that body's (corpus regulations)
        (["Điều 22. Sở Tài chính", "Chủ trì, phối hợp với Sở Khoa học và Công nghệ và các cơ quan liên quan tham mưu UBND tỉnh bố trí kinh phí."],
         "I.Đ22", ["Sở Tài chính"]),
        (["Điều 9. Trách nhiệm của Ủy ban nhân dân cấp xã", "1. Chỉ đạo, giải quyết, xử lý các vi phạm về bảo vệ công trình điện lực.",
          "2. Phối hợp với Sở Công Thương tổ chức kiểm tra việc thực hiện các quy định."], "I.Đ9.2", ["Ủy ban nhân dân cấp xã"]),
        (["Điều 14. Trách nhiệm của các sở, ban, ngành", "1. Chịu trách nhiệm trước UBND tỉnh về việc giải quyết kiến nghị cử tri."],
         "I.Đ14.1", ["Các sở, ban, ngành tỉnh"]),
        # the portal wrapped the article's word off its number, inside the bold (corpus a161f65b…)
        (["**Điều", "16. Trách nhiệm của Sở Khoa học và Công nghệ**", "", "1. Là đơn vị đầu mối về kỹ thuật, chịu trách nhiệm trước UBND tỉnh.",
          "", "2. Chủ trì, phối hợp với Văn phòng UBND tỉnh tham mưu nâng cấp Cổng TTĐT tỉnh."], "I.Đ16.2", ["Sở Khoa học và Công nghệ"]),
        # the duties named with the powers or rights that go with them (corpus decrees and
        # regulations): each body the heading lists, a piece without a head of its own going on
        # the one before (1180a89c…, Nghị định 304/2025/NĐ-CP)
        (["Điều 6. Quyền và trách nhiệm của tổ chức tín dụng, chi nhánh ngân hàng nước ngoài, tổ chức mua bán, xử lý nợ",
          "1. Cung cấp đầy đủ thông tin cho bên bảo đảm về quyền và trách nhiệm của bên bảo đảm."],
         "I.Đ6.1", ["Tổ chức tín dụng", "Chi nhánh ngân hàng nước ngoài", "Tổ chức mua bán, xử lý nợ"]),
        (["Điều 16. Nhiệm vụ, quyền hạn của Sở Tư pháp", "1. Tổ chức tập huấn các nội dung liên quan đến công tác quản lý Cơ sở dữ liệu."],
         "I.Đ16.1", ["Sở Tư pháp"]),
        # bare heads share the words after them; a person after the bodies is left out
        (["Điều 14. Trách nhiệm của cơ quan Tòa án, cơ quan Thi hành án, người có thẩm quyền tố tụng",
          "1. Thông báo bằng văn bản yêu cầu tạm dừng việc đăng ký."], "I.Đ14.1", ["Cơ quan Tòa án", "Cơ quan Thi hành án"]),
        (["Điều 18. Trách nhiệm của bộ phận chuyên trách quản lý chữ ký số tại các cơ quan, đơn vị",
          "1. Tham mưu quản lý, sử dụng chữ ký số chuyên dùng công vụ."], "I.Đ18.1", ["Bộ phận chuyên trách quản lý chữ ký số tại các cơ quan, đơn vị"]),
    ],
    ids=["body", "duties of", "duties of a group", "article word wrapped", "rights and duties of three", "duties and powers",
         "a person after bodies", "bare heads"],
)
def test_an_article_titled_by_a_body_gives_its_duties_that_lead(article, path, lead):
    doc = parse(normalize(_REGULATION_HEAD + article))
    tasks = {t.path: t for t, _ in extract_tasks(doc, PROVINCE).tasks}
    assert tasks[path].lead == lead


@pytest.mark.parametrize(
    "article",
    [
        # a party to a contract, a person by post: their duties are no body's (1180a89c…, c15a1748…)
        ["Điều 5. Quyền và trách nhiệm của bên bảo đảm", "1. Xác nhận và chứng minh tài sản bảo đảm theo yêu cầu của bên nhận bảo đảm."],
        ["Điều 4. Nhiệm vụ của giáo viên chủ nhiệm trường trung học phổ thông, trường chuyên biệt", "1. Thực hiện các nhiệm vụ của giáo viên theo quy định."],
        # rights alone are no duties
        ["Điều 7. Quyền của tổ chức tín dụng", "1. Yêu cầu bên bảo đảm cung cấp thông tin."],
    ],
    ids=["a party", "a person by post", "rights alone"],
)
def test_a_heading_that_gives_no_body_duties_gives_no_lead(article):
    doc = parse(normalize(_REGULATION_HEAD + article))
    assert all(not t.lead for t, _ in extract_tasks(doc, PROVINCE).tasks)


def test_an_article_whose_paragraphs_each_give_a_body_work_is_a_task_each():
    """A procedure decision's article of three paragraphs, each a body's own duty (corpus
    5884aa6f…): read as one task, the department that leads the first and supports the other two
    lost its support; each paragraph is a task."""
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG NAI", "Số: 2811/QĐ-UBND", "Đồng Nai, ngày 20 tháng 11 năm 2025", "", "QUYẾT ĐỊNH",
             "Công bố danh mục thủ tục hành chính", "", "QUYẾT ĐỊNH:", "Điều 1. Công bố kèm theo Quyết định này Danh mục thủ tục hành chính.",
             "Điều 2.", "Sở Văn hóa, Thể thao và Du lịch có trách nhiệm tổ chức niêm yết, công khai danh mục thủ tục hành chính.",
             "Văn phòng Ủy ban nhân dân tỉnh có trách nhiệm chủ trì, phối hợp Sở Văn hóa, Thể thao và Du lịch cập nhật nội dung thủ tục hành chính.",
             "Sở Khoa học và Công nghệ có trách nhiệm chủ trì, phối hợp Sở Văn hóa, Thể thao và Du lịch cấu hình quy trình điện tử."]
    tasks = {t.path: t for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks}
    assert [(tasks[p].lead, tasks[p].support) for p in ("Đ2.p1", "Đ2.p2", "Đ2.p3")] == [
        (["Sở Văn hóa, Thể thao và Du lịch"], []),
        (["Văn phòng Ủy ban nhân dân tỉnh"], ["Sở Văn hóa, Thể thao và Du lịch"]),
        (["Sở Khoa học và Công nghệ"], ["Sở Văn hóa, Thể thao và Du lịch"]),
    ]
    # an article whose later paragraph only goes on with the first is one task
    lines[-2:] = ["Thời gian thực hiện trong năm 2026 theo kế hoạch được duyệt."]
    assert "Đ2" in {t.path for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks}


def test_a_line_that_only_points_to_an_appendix_is_no_task_but_one_that_assigns_is():
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH", "Số: 12/QĐ-UBND", "Ninh Bình, ngày 05 tháng 11 năm 2025", "", "QUYẾT ĐỊNH",
             "Phê duyệt phương án đơn giản hóa thủ tục hành chính", "", "QUYẾT ĐỊNH:",
             "Điều 1. Phê duyệt phương án đơn giản hóa thủ tục hành chính.",
             "1. Nội dung cụ thể tại Phụ lục kèm theo.",
             "2. Giao Sở Khoa học và Công nghệ triển khai phương án nêu tại Phụ lục kèm theo."]
    tasks = {t.path: t for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks}
    assert "Đ1.1" not in tasks
    assert tasks["Đ1.2"].lead == ["Sở Khoa học và Công nghệ"]


@pytest.mark.parametrize(
    "article,lead",
    [
        # corpus decisions that publish procedures, and a Government resolution
        ("Điều 2. Giao Sở Y tế căn cứ Danh mục thủ tục hành chính được công bố tại Điều 1 Quyết định này có trách nhiệm:", ["Sở Y tế"]),
        ("Điều 1. Chính phủ cơ bản thống nhất với dự án Pháp lệnh. Giao Bộ Công an chủ trì, phối hợp với các bộ nghiên cứu, tiếp thu; "
         "Bộ Công an chịu trách nhiệm hoàn thiện hồ sơ, bảo đảm một số yêu cầu sau:", ["Bộ Công an"]),
    ],
)
def test_an_article_whose_words_end_in_a_colon_gives_its_items_their_lead(article, lead):
    lines = _REGULATION_HEAD[:7] + ["QUYẾT ĐỊNH:", article, "1. Cung cấp đúng, đầy đủ nội dung, quy trình giải quyết thủ tục hành chính.",
                                    "2. Rà soát quy trình nội bộ."]
    tasks = {t.path: t for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks}
    label = article.split(".")[0].split()[1]
    assert tasks[f"Đ{label}.1"].lead == lead and tasks[f"Đ{label}.2"].lead == lead


@pytest.mark.parametrize(
    "article,supports",
    [
        # a Government resolution on a bill (corpus 45cc2b3c…): the ministries it is to work with on
        # the bill are the items' partners, though the sentence ending in the colon names only the lead
        ("Điều 1. Chính phủ cơ bản thống nhất với dự án Pháp lệnh. Giao Bộ Công an chủ trì, phối hợp với các bộ, cơ quan ngang bộ "
         "và các cơ quan có liên quan nghiên cứu, tiếp thu; Bộ Công an chịu trách nhiệm hoàn thiện hồ sơ, bảo đảm một số yêu cầu sau:",
         ["Các bộ, cơ quan ngang bộ"]),
        # … a partner beside another body is not the lead's
        ("Điều 1. Giao Bộ Tư pháp chủ trì, phối hợp với Bộ Nội vụ rà soát; Bộ Công an chịu trách nhiệm hoàn thiện hồ sơ, bảo đảm một số yêu cầu sau:", []),
    ],
)
def test_the_partners_an_article_names_beside_its_lead_support_the_items(article, supports):
    lines = _REGULATION_HEAD[:7] + ["QUYẾT ĐỊNH:", article, "1. Rà soát kỹ nội dung dự thảo Pháp lệnh.", "2. Hoàn thiện hồ sơ dự án."]
    tasks = {t.path: t for t, _ in extract_tasks(parse(normalize(lines)), NATIONAL).tasks}
    assert tasks["Đ1.1"].lead == ["Bộ Công an"] and tasks["Đ1.1"].support == supports == tasks["Đ1.2"].support


def test_a_term_the_text_defines_is_not_whom_an_article_addresses():
    lines = _REGULATION_HEAD + ["Điều 2. Giải thích từ ngữ", "Hệ thống thư điện tử công vụ của tỉnh (sau đây gọi là Hệ thống thư điện tử công vụ) là hệ thống dùng chung.",
                                "Điều 3. Hệ thống thư điện tử công vụ", "Hệ thống thư điện tử công vụ là hệ thống thông tin dùng chung của tỉnh."]
    doc = parse(normalize(lines))
    aliases, members = find_collectives(" ".join(line.text for line in doc.lines))
    # a term for a thing is no group of bodies, though the text defines it as it defines groups
    assert "hệ thống thư điện tử công vụ" not in aliases
    tasks = {t.path: t for t, _ in extract_tasks(doc, Lexicon(aliases, "tỉnh", members)).tasks}
    assert "I.Đ3" not in tasks


@pytest.mark.parametrize(
    "item,is_task",
    [
        ("Được ưu tiên thuê trang thiết bị, thuê mặt bằng tại hạ tầng khoa học và công nghệ.", False),
        ("Được Thành phố hỗ trợ tối đa 100% chi phí tư vấn pháp lý liên quan đến hoạt động sở hữu trí tuệ.", False),
        ("Được sử dụng con dấu của Sở Nông nghiệp và Môi trường trong quá trình thực hiện nhiệm vụ được ủy quyền.", False),
        ("Được giao chủ trì tổ chức kiểm tra việc thực hiện Quy chế.", True),
        ("Được Ủy ban nhân dân tỉnh giao tổng hợp kết quả thực hiện.", True),
    ],
)
def test_an_item_that_grants_a_benefit_or_a_leave_is_no_task(item, is_task):
    # a Hà Nội resolution's support policies and a decision's delegated powers (corpus)
    lines = _REGULATION_HEAD + ["Điều 2. Trách nhiệm của Sở Nội vụ", "Sở Nội vụ có trách nhiệm và quyền hạn sau:", f"1. {item}", "2. Báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện."]
    tasks = {t.path: t for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks}
    assert tasks["I.Đ2.2"].lead == ["Sở Nội vụ"]
    assert ("I.Đ2.1" in tasks) == is_task
    if is_task:
        assert tasks["I.Đ2.1"].lead == ["Sở Nội vụ"]


def test_a_short_name_in_quotes_names_the_body_and_a_places_short_name_names_no_body():
    text = ("Nghị quyết này áp dụng trên địa bàn thành phố Hà Nội (sau đây gọi tắt là “Thành phố”). "
            "Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội (sau đây gọi tắt là “Ban Quản lý”) có trách nhiệm:")
    aliases, _ = find_collectives(text)
    assert "thành phố" not in aliases
    assert aliases["ban quản lý"].startswith("Ban Quản lý các khu công nghệ cao và khu công nghiệp")


def test_who_attends_a_conference_is_not_given_work():
    # a Government Office telegram (PDF text, no bold): the places and their attendees stand under
    # "II. Địa điểm:", the requests under "III. … đề nghị:"
    lines = ["VĂN PHÒNG CHÍNH PHỦ", "Số: 2003/CĐ-VPCP", "Hà Nội, ngày 07 tháng 10 năm 2025", "", "CÔNG ĐIỆN",
             "mời dự Hội nghị triển khai Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030", "",
             "I. Thời gian: 08 giờ, ngày 09 tháng 10 năm 2025 (Thứ Năm).",
             "II. Địa điểm: Trực tiếp tại Trụ sở Chính phủ và kết nối trực tuyến đến Trụ sở Ủy ban nhân dân các tỉnh, thành phố.",
             "1. Dự tại điểm cầu Trụ sở Chính phủ (Phòng Hội đàm, Tầng 2, Nhà 9 tầng):",
             "- Các cơ quan thuộc Chính phủ: Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam.",
             "2. Dự tại điểm cầu Trụ sở Ủy ban nhân dân cấp xã:",
             "- Các thành phần khác do xã triệu tập gồm Đại diện Lãnh đạo các cơ quan, tổ chức: Hội đồng nhân dân xã, Mặt trận tổ quốc xã; các tổ chức chính trị - xã hội trên địa bàn xã.",
             "**III. Văn phòng Chính phủ trân trọng đề nghị:**", "1. Bộ Công an:",
             "- Chuẩn bị 60 bộ tài liệu báo cáo phát tại điểm cầu Trụ sở Chính phủ."]
    doc = parse(normalize(lines))
    tasks = [t for t, _ in extract_tasks(doc, Lexicon({}, national=True)).tasks]
    assert [(t.path, t.lead) for t in tasks] == [("III.1.1", ["Bộ Công an"])]
    # … but a body made answerable there is given work, wherever the sentence stands
    answerable = "- Ủy ban nhân dân các tỉnh, thành phố chịu trách nhiệm kết nối đường truyền trực tuyến đến Trụ sở Ủy ban nhân dân cấp xã."
    doc = parse(normalize(lines[:13] + [answerable] + lines[13:]))
    tasks = [t for t, _ in extract_tasks(doc, Lexicon({}, national=True)).tasks]
    assert [(t.path, t.lead) for t in tasks] == [("II.2.2", ["Ủy ban nhân dân các tỉnh, thành phố"]), ("III.1.1", ["Bộ Công an"])]


def test_a_notice_in_plain_paragraphs_has_a_body_and_its_introduction_leads_the_dashes():
    # a tax department's notice (corpus 299dbc03…): no numbered item, no opening ground — its
    # words are the body, and the paragraph that ends "cụ thể như sau:" says who does the dashes
    lines = ["BỘ TÀI CHÍNH", "CỤC THUẾ", "Số: 983/TB-CT", "Hà Nội, ngày 21 tháng 11 năm 2025", "", "THÔNG BÁO",
             "Kế hoạch tạm dừng ứng dụng TMS", "",
             "Cục Thuế có kế hoạch nâng cấp hệ thống Quản lý thuế tập trung (TMS) từ 18h00 ngày 22/11/2025. "
             "Trong thời gian này, Cục Thuế sẽ tạm dừng ứng dụng TMS và một số chức năng, cụ thể như sau:",
             "- Dừng Ứng dụng quản lý thuế tập trung (TMS);",
             "- Dừng chức năng trả thông báo bước 2 (Etax và iCanhan).",
             "Cục Thuế thông báo để các đơn vị được biết./.", "Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    doc = parse(normalize(lines))
    tasks = extract_tasks(doc, PROVINCE).tasks
    assert [t.lead for t, _ in tasks] == [["Cục Thuế"], ["Cục Thuế"]]


def test_a_bullet_that_directs_keeps_its_entry_as_lead():
    # a directive's entry (4f302021…, real other genres): "Chỉ đạo lực lượng Kiểm lâm …" under
    # "2. Sở Nông nghiệp và Môi trường" — the department directs and stays responsible
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 05/CT-UBND", "Lâm Đồng, ngày 10 tháng 11 năm 2025", "", "CHỈ THỊ",
             "Về tăng cường quản lý, bảo vệ rừng", "", "1. Sở Nông nghiệp và Môi trường",
             "- Tăng cường tham mưu, chỉ đạo quản lý nhà nước về rừng và đất lâm nghiệp.",
             "- Chỉ đạo lực lượng Kiểm lâm thường xuyên tổ chức lực lượng, phối hợp tuần tra, kiểm tra rừng.",
             "2. Sở Tài chính", "- Giao Chi cục Thuế phối hợp bố trí kinh phí bảo vệ rừng."]
    doc = parse(normalize(lines))
    tasks = {t.path: t for t, _ in extract_tasks(doc, PROVINCE).tasks}
    assert tasks[".1.2"].lead[0] == "Sở Nông nghiệp và Môi trường"
    assert tasks[".1.1"].lead == ["Sở Nông nghiệp và Môi trường"]


@pytest.mark.parametrize(
    "cell,names",
    [
        # a lead column that points to another document's assignment: its issuer is no lead
        # (a province's appendix table, DOCX)
        ("Theo phân công tại Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh", []),
        ("Sở Y tế (theo Kế hoạch số 12/KH-UBND ngày 02/01/2025 của UBND tỉnh)", ["Sở Y tế"]),
        ("Văn phòng UBND tỉnh", ["Văn phòng Ủy ban nhân dân tỉnh"]),
        # members listed with dashes: a dash is no word of a name (an action plan's table, corpus 646f0a00…)
        ("- Bộ Xây dựng; - Các bộ, ngành liên quan và UBND các tỉnh/ thành phố.", ["Bộ Xây dựng", "Các bộ, ngành", "Ủy ban nhân dân các tỉnh, thành phố"]),
    ],
)
def test_a_role_cell_names_its_bodies_not_a_cited_documents_issuer(cell, names):
    from ingest.models import Node
    from ingest.tasks import _attr_agencies, _Ctx

    found = _attr_agencies([Node("attr", "lead", cell, (1,))], PROVINCE, _Ctx())
    assert [m.name for m in found if not m.generic] == names


def test_a_notices_closing_formula_gives_its_work_to_the_bodies_it_notifies():
    """"Văn phòng Chính phủ thông báo để <bodies> biết, thực hiện" (the Government Office's notices
    of conclusions, corpus 98be6e04…): the bodies after the purpose word act, the notifier only
    passes the word on — it is no lead, in the closing or in the last item the closing follows."""
    tasks = _notice_tasks(["I. MỘT SỐ KIẾN NGHỊ CỦA TỈNH", "", "1. Bộ Nội vụ theo chức năng nhiệm vụ được giao khẩn trương nghiên cứu, xử lý kiến nghị của tỉnh Phú Thọ."],
                          "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Phú Thọ và các Bộ, cơ quan liên quan biết, thực hiện./.")
    closing = [t for t in tasks if t.path.startswith("closing")]
    # a national text names a province's committee with its place: the provinces it names are
    # many; "các Bộ, cơ quan liên quan" are whichever bodies are concerned, nobody in particular
    assert [t.lead for t in closing] == [["Ủy ban nhân dân tỉnh Phú Thọ"]]
    assert [fold(o) for t in closing for o in t.others] == [fold("Các Bộ, cơ quan liên quan")]
    assert all("Văn phòng Chính phủ" not in t.lead for t in tasks)


def test_a_notices_bare_closing_formula_closes_the_last_item_and_gives_no_work():
    """"Văn phòng Chính phủ trân trọng thông báo./." (a Government notice of conclusions, corpus
    24701a1c…): the formula names nobody to act; it is not the last item's sentence."""
    tasks = _notice_tasks(["III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH", "", "1. Về đầu tư kho dầu thô dự trữ quốc gia: Bộ Công Thương chủ trì nghiên cứu, báo cáo Thủ tướng Chính phủ."],
                          "Văn phòng Chính phủ trân trọng thông báo./.")
    assert [(t.path, t.lead) for t in tasks] == [("III.1", ["Bộ Công Thương"])]


@pytest.mark.parametrize(
    "closing",
    [
        # a customs ruling written as one paragraph, as a PDF or DOCX may give it (corpus 39a27d44…)
        "Thông báo này có hiệu lực từ ngày ký. Cục trưởng Cục Hải quan thông báo để Công ty TNHH Suhil Electronics Vina biết và thực hiện./.",
        # … its verb in the short form (corpus f902003e…)
        "Thông báo này có hiệu lực từ ngày ký. Cục trưởng Cục hải quan báo để Công ty TNHH Suhil Electronics Vina biết và thực hiện./.",
    ],
    ids=["thông báo để", "báo để"],
)
def test_a_closing_formula_after_another_sentence_of_its_paragraph_still_names_who_acts(closing):
    tasks = _notice_tasks(["1. Kết quả xác định trước mã số: Cục Hải quan xác định kết quả như sau."], closing)
    closing_tasks = [t for t in tasks if t.path.startswith("closing")]
    assert [t.lead for t in closing_tasks] == [["Công ty TNHH Suhil Electronics Vina"]]


def test_a_verb_that_begins_inside_a_name_ends_the_name():
    # "thông" is a word of names ("Trung tâm Công nghệ thông tin"), "thông báo" a verb
    actors = read_actors("Cục Hải quan thông báo kết quả xác định trước mã số cho doanh nghiệp.", TERMS)
    assert [m.name for m in actors.leads] == ["Cục Hải quan"]
    assert [m.name for m in read_actors("Trung tâm Công nghệ thông tin tổng hợp báo cáo.", TERMS).leads] == ["Trung tâm Công nghệ thông tin"]


def _notice_tasks(body: list[str], closing: str) -> list:
    """The tasks of a Government Office notice of conclusions with this body and closing formula."""
    lines = ["VĂN PHÒNG CHÍNH PHỦ", "Số: 636/TB-VPCP", "Hà Nội, ngày 24 tháng 11 năm 2025", "", "THÔNG BÁO",
             "Kết luận của Phó Thủ tướng Chính phủ tại buổi làm việc với lãnh đạo tỉnh", "", *body, "", closing, "", "Nơi nhận:", "- Như trên;"]
    doc = parse(normalize(lines))
    return [t for t, _ in extract_tasks(doc, Lexicon({}, None, {}, True, None, True)).tasks]


def test_a_company_a_notice_is_sent_to_ends_its_name_before_the_word_of_knowing():
    # a customs ruling's closing (corpus 39a27d44…): "biết" is no word of the company's name
    actors = read_actors("Công ty TNHH Suhil Electronics Vina biết và thực hiện./.", TERMS)
    assert [m.name for m in actors.leads] == ["Công ty TNHH Suhil Electronics Vina"]


def test_an_item_that_directs_bodies_keeps_the_body_it_stands_under_over_a_paragraph_break():
    """A ministry's dispatch (corpus a8e9e967…): "- Chỉ đạo các Ban Quản lý dự án … kiểm tra …"
    under "7. Cục Kinh tế - Quản lý đầu tư xây dựng", its text parted in two by the page. The
    department directs and stays responsible, as it does when the item is one paragraph; the
    department's name ends in a field that is also a verb ("xây dựng") and is kept whole."""
    lines = _REGULATION_HEAD[:7] + [
             '7. Cục Kinh tế - Quản lý đầu tư xây dựng',
             '- Chỉ đạo các Ban Quản lý dự án, chủ đầu tư, nhà',
             'thầu thi công, các đơn vị tư vấn có liên quan trong khu vực bị ảnh hưởng của',
             'mưa lũ kiểm tra, rà soát toàn bộ các công trường đang thi công, kịp thời phát',
             'hiện những vị trí tiềm ẩn nguy cơ không đảm bảo an toàn để có giải pháp khắc',
             'phục kịp thời. Bố trí đầy đủ nhân lực, máy móc, thiết bị, vật tư, vật liệu… tập',
             'trung thi công hoàn thành các hạng mục đang thi công đến điểm dừng kỹ thuật trước',
             'khi có lũ tràn về. Các vị trí mở rộng đường cũ đang khai thác, khẩn trương dọn',
             'dẹp, di chuyển máy móc, thiết bị vào đúng nơi quy định, đảm bảo an toàn cho',
             'người, công trình, máy móc, thiết bị; không để máy móc, thiết bị và phương tiện',
             'ở những vị trí tiềm ẩn nguy cơ sụt trượt, lở đất, ngập sâu…. có giải pháp',
             'giằng, chống, neo đối với các thiết bị máy móc, vật tư không thể di chuyển',
             'được; khơi thông dòng chảy, các công trình thoát nước đảm bảo luôn thông thoát;',
             'bố trí đầy đủ hệ thống báo hiệu, biển cảnh báo và lực lượng ứng trực tại chỗ',
             'theo phương châm “bốn tại chỗ” đảm bảo an toàn cho người, thiết bị thi công và',
             'các hạng mục công trình đang xây dựng, đặc biệt chú ý các công trình hạng mục',
             'thi công dưới nước, các tuyến đường vừa thi công vừa khai thác.',
             '- Tham mưu cho Lãnh đạo Bộ trong việc đôn đốc, phối',
             'hợp chặt chẽ với các địa phương theo dõi, nắm bắt thường xuyên diễn biến thị trường,',
             'biến động giá vật liệu xây dựng trên thị trường để chủ động có giải pháp quản',
             'lý giá kịp thời, hiệu quả, nhất là vật liệu xây dựng, cát, đá, sỏi, gạch, vật',
             'liệu san nền, đắp nền đường…; trường hợp vượt thẩm quyền, báo cáo ngay cấp có',
             'thẩm quyền xem xét, quyết định kịp thời, hiệu quả.',
    ]
    tasks = [t for t, _ in extract_tasks(parse(normalize(lines)), Lexicon({}, None, {}, True, None, True)).tasks]
    directing = next(t for t in tasks if t.text.startswith("Chỉ đạo các Ban Quản lý dự án"))
    assert directing.lead[0] == "Cục Kinh tế - Quản lý đầu tư xây dựng"
    assert all(t.lead[:1] == ["Cục Kinh tế - Quản lý đầu tư xây dựng"] for t in tasks)


def test_points_in_brackets_are_tasks_when_they_name_who_does_them():
    # a Government Office notice's points (corpus 75a0867a…) are each a body's duty; a plan's
    # targets numbered the same way (tests/data/real 3a2db039…, III.1) name nobody and stay
    # the text of the item that sets them
    lines = ["VĂN PHÒNG CHÍNH PHỦ", "Số: 637/TB-VPCP", "Hà Nội, ngày 20 tháng 11 năm 2025", "", "THÔNG BÁO",
             "Kết luận của Phó Thủ tướng Chính phủ", "",
             "2. Để đảm bảo tiến độ, yêu cầu Bộ Y tế, Ban Quản lý dự án, các nhà thầu thực hiện một số nội dung trọng tâm như sau:",
             "(1) Bộ Y tế chỉ đạo Ban Quản lý dự án hoàn thiện hồ sơ thiết kế phòng cháy, chữa cháy.",
             "(2) Bộ Công an tiếp tục chủ động phối hợp, hướng dẫn Bộ Y tế giải quyết dứt điểm các vướng mắc.",
             "(3) Bộ Xây dựng chỉ đạo các cơ quan liên quan tiếp tục phối hợp, hướng dẫn Bộ Y tế.",
             "",
             "3. Sở Y tế chủ trì tuyên truyền, vận động người hưởng trợ cấp, các nội dung này được cụ thể hóa bằng các chỉ tiêu cụ thể như sau:",
             "(1) 100% số người hưởng trợ cấp xã hội được tuyên truyền, giải thích lợi ích;",
             "(2) Ít nhất 85% người hưởng trợ cấp xã hội mở mới tài khoản ngân hàng."]
    tasks = {t.path: t for t, _ in extract_tasks(parse(normalize(lines)), NATIONAL).tasks}
    assert [tasks[p].lead[0] for p in (".2.1", ".2.2", ".2.3")] == ["Bộ Y tế", "Bộ Công an", "Bộ Xây dựng"]
    assert tasks[".3"].lead == ["Sở Y tế"] and "(2) Ít nhất 85%" in tasks[".3"].text
    assert not any(p.startswith(".3.") for p in tasks)


_PLAN_HEAD = ["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "Số: 12/KH-UBND", "Nghệ An, ngày 05 tháng 11 năm 2025", "",
              "KẾ HOẠCH", "Thực hiện Quy chế dân chủ ở cơ sở", "", "II. TỔ CHỨC THỰC HIỆN"]


@pytest.mark.parametrize(
    "item,expected",
    [
        # who reports, to whom, through whom, by when, how often (lines of the seeds and real plans)
        ("1. Sở Nội vụ chủ trì, tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/11 hằng năm.",
         [(["Sở Nội vụ"], "Ủy ban nhân dân tỉnh", None, "15/11", "annual")]),
        ("1. Ủy ban nhân dân các xã định kỳ báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 20/6.",
         [(["Ủy ban nhân dân các xã"], "Ủy ban nhân dân tỉnh", "Sở Nội vụ", "20/6", "periodic")]),
        # X compiles what is sent to it and reports on to Y
        ("1. Các sở, ban, ngành báo cáo kết quả gửi về Sở Nội vụ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
         [(["Các sở, ban, ngành tỉnh"], "Ủy ban nhân dân tỉnh", "Sở Nội vụ", None, None)]),
        # a report when asked, beside the yearly one
        ("1. Sở Tư pháp báo cáo Ủy ban nhân dân tỉnh hằng năm hoặc đột xuất khi có yêu cầu.",
         [(["Sở Tư pháp"], "Ủy ban nhân dân tỉnh", None, None, "annual"), (["Sở Tư pháp"], "Ủy ban nhân dân tỉnh", None, None, "ad hoc")]),
    ],
    ids=["yearly", "through a channel", "compiled then reported", "and when asked"],
)
def test_a_reporting_duty_names_who_to_whom_through_whom_and_when(item, expected):
    found = extract_tasks(parse(normalize(_PLAN_HEAD + [item])), PROVINCE)
    reports = [r for r, _ in found.reporting]
    assert [(r.reporters, r.to, r.via, r.deadline, r.frequency) for r in reports] == expected
    task = found.tasks[0][0]
    # each duty keeps the sentence it came from, and the bodies it names are the task's mentions
    assert all(r.quote == task.quote and r.quote and r.line == task.line and r.path == task.path for r in reports)
    mentions = found.reporting[0][1]
    assert all(mentions[name].known for r in reports for name in (r.to, r.via) if name)


@pytest.mark.parametrize(
    "lines,to",
    [
        # a department's guidance (a probe of issue 22's classes): the heading names the topic,
        # the paragraph under it who reports to whom — not the reporter reporting to itself
        (["3. Chế độ báo cáo", "Ủy ban nhân dân các xã, phường báo cáo kết quả về Sở Nội vụ trước ngày 15/01/2026."], "Sở Nội vụ"),
        # … but the regime of reporting to a body names that body (corpus 0f98ee48…)
        (["1. Sở Tư pháp tham mưu Ủy ban nhân dân tỉnh thực hiện chế độ báo cáo Bộ Tư pháp về việc đăng ký biện pháp bảo đảm."], "Bộ Tư pháp"),
    ],
)
def test_the_noun_report_names_whom_by_what_follows_it(lines, to):
    found = extract_tasks(parse(normalize(_PLAN_HEAD + lines)), PROVINCE)
    assert [r.to for r, _ in found.reporting] == [to]


@pytest.mark.parametrize(
    "lines,expected",
    [
        # an original's plan (DOCX): "8.1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành" over its items
        (["1. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ thực hiện các nội dung sau:",
          "a) Tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện.",
          "b) Chủ trì, phối hợp với Sở Tư pháp hướng dẫn quyết toán kinh phí."],
         {"II.1.a": (["Sở Tài chính"], ["Sở Nội vụ"]), "II.1.b": (["Sở Tài chính"], ["Sở Nội vụ", "Sở Tư pháp"])}),
        # a Government resolution (corpus 45cc2b3c…): "Giao Bộ Công an chủ trì, phối hợp với các bộ,
        # cơ quan ngang bộ … bảo đảm một số yêu cầu sau:"
        (["1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp hoàn thiện hồ sơ, bảo đảm một số yêu cầu sau:",
          "a) Rà soát kỹ nội dung dự thảo.", "b) Tham khảo ý kiến các chuyên gia."],
         {"II.1.a": (["Sở Nội vụ"], ["Sở Tư pháp"]), "II.1.b": (["Sở Nội vụ"], ["Sở Tư pháp"])}),
        # … but not the items of other leads the heading lists under it
        (["1. Ủy ban nhân dân tỉnh giao các sở chủ trì, phối hợp với Sở Nội vụ thực hiện các nội dung sau:",
          "a) Sở Xây dựng: Rà soát kinh phí thực hiện.", "b) Sở Y tế: Hướng dẫn quyết toán kinh phí."],
         {"II.1.a": (["Sở Xây dựng"], []), "II.1.b": (["Sở Y tế"], [])}),
        # a Vĩnh Long decision (corpus b3a4b260…): an entry's item that names only its partners,
        # no colon, over the dashes its body does
        (["1. Công an tỉnh thực hiện các nhiệm vụ sau:", "a) Cập nhật công khai đầy đủ danh mục thủ tục hành chính.",
          "b) Chủ trì, phối hợp với Giám đốc Sở Khoa học và Công nghệ", "- Đồng bộ đầy đủ danh mục thủ tục hành chính.",
          "- Cấu hình quy trình điện tử tiếp nhận, giải quyết thủ tục hành chính."],
         {"II.1.b.1": (["Công an tỉnh"], ["Sở Khoa học và Công nghệ"]), "II.1.b.2": (["Công an tỉnh"], ["Sở Khoa học và Công nghệ"])}),
    ],
    ids=["chủ trì, phối hợp over items", "giao … phối hợp over requirements", "not over other leads", "partners alone over dashes"],
)
def test_the_partners_a_heading_names_support_every_item_under_it(lines, expected):
    found = extract_tasks(parse(normalize(_PLAN_HEAD + lines)), PROVINCE)
    tasks = {t.path: (t.lead, t.support) for t, _ in found.tasks}
    assert {p: tasks[p] for p in expected} == expected


# a Government decree's closing, as a portal prints it: the recipients list, its label lost to a
# table cell, on one line beside the signature (corpus e4ddc120…, c22591f1…)
_DECREE_CLOSING = [
    "**Điều 42. Trách nhiệm thi hành**",
    "",
    "Các Bộ trưởng, Thủ trưởng cơ quan Nhà nước, người đứng đầu Mặt trận Tổ quốc Việt Nam, tổ chức chính trị - xã hội ở trung ương, "
    "Chủ tịch ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Nghị định này.",
    "",
    "- Thủ tướng, các Phó Thủ tướng Chính phủ; - Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ; - Kiểm toán nhà nước; - Lưu: VT, TCCV (2) | TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG",
]


def test_a_recipients_list_without_its_label_is_no_task_and_the_article_above_keeps_its_bodies():
    doc = parse(normalize(_REGULATION_HEAD[:7] + ["NGHỊ ĐỊNH:", "**Điều 41. Hiệu lực thi hành**", "", "Nghị định này có hiệu lực từ ngày ký.", "", *_DECREE_CLOSING]))
    assert [r.text for r in doc.recipients] == ["Thủ tướng, các Phó Thủ tướng Chính phủ", "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Kiểm toán nhà nước", "Lưu: VT, TCCV (2)"]
    tasks = {t.path: t for t, _ in extract_tasks(doc, Lexicon({}, None, {}, True, None, True)).tasks}
    # "tổ chức chính trị - xã hội ở trung ương, Chủ tịch ủy ban nhân dân tỉnh …": the tier a member
    # is of does not end the list
    assert {path: t.lead for path, t in tasks.items()} == {
        "Đ42": ["Các bộ", "Mặt trận Tổ quốc Việt Nam", "Các tổ chức chính trị - xã hội ở trung ương", "Ủy ban nhân dân các tỉnh, thành phố"]}


def test_an_article_title_does_not_begin_the_sentence_of_its_paragraph_but_a_broken_line_does():
    titled = parse(normalize(_REGULATION_HEAD[:7] + ["QUYẾT ĐỊNH:", "**Điều 8. Tàu thuyền quân sự Việt Nam đến và rời vùng nước Cảng quốc tế Cam Ranh**", "",
                                                     "Bộ trưởng Bộ Quốc phòng quy định và tổ chức quản lý hoạt động của tàu thuyền quân sự."]))
    assert [t.lead for t, _ in extract_tasks(titled, PROVINCE).tasks] == [["Bộ Quốc phòng"]]
    # "Điều 2." printed bold alone, its sentence cut by a line break before a name (corpus b2dd1bd0…)
    broken = parse(normalize(_REGULATION_HEAD[:7] + ["QUYẾT ĐỊNH:", "**Điều 2.** Việc xác định xã, phường miền núi phục vụ công tác bầu cử đại biểu",
                                                     "Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp."]))
    assert not any("Quốc hội" in t.lead for t, _ in extract_tasks(broken, PROVINCE).tasks)


def test_the_assemblys_councils_committees_and_deputies_supervise():
    """A Standing Committee resolution's closing article (corpus 284dd97b…): the Assembly's bodies
    and the province's deputies watch over it; none of them is given the work."""
    text = ("Hội đồng Dân tộc, các Ủy ban của Quốc hội, Đoàn đại biểu Quốc hội và đại biểu Quốc hội tỉnh Đồng Tháp, "
            "trong phạm vi nhiệm vụ, quyền hạn của mình, giám sát việc thực hiện Nghị quyết này.")
    actors = read_actors(text, Lexicon({}, None, {}, True, None, True))
    assert actors.leads == []
    assert [m.name for m in actors.supervisors] == ["Hội đồng Dân tộc", "Các Ủy ban của Quốc hội", "Đoàn đại biểu Quốc hội tỉnh", "Đại biểu Quốc hội tỉnh"]


@pytest.mark.parametrize(
    "text,leads,supports,supervisors",
    [
        # each sentence and each ";"-clause is read for itself, a parenthesis closed before the ";"
        ("Sở Nội vụ (cơ quan thường trực) chủ trì tổ chức hội nghị; Sở Tư pháp phối hợp thực hiện", ["Sở Nội vụ"], ["Sở Tư pháp"], []),
        ("Sở Nội vụ chủ trì tổ chức hội nghị. Sở Tư pháp phối hợp thực hiện.", ["Sở Nội vụ"], ["Sở Tư pháp"], []),
        # a sentence that ends in a year is ended (a Government resolution, corpus e8a849b7…)
        ("Thông qua Báo cáo tiếp thu, giải trình ý kiến thẩm tra về dự án Luật theo đề nghị của Bộ Tài chính tại công văn số 18491/BTC-CST "
         "ngày 27 tháng 11 năm 2025. Bộ Tài chính chịu trách nhiệm về nội dung giải trình, tiếp thu.", ["Bộ Tài chính"], [], []),
        # a topic's colon before "Giao …" ends a clause; one before a lower-case word does not
        ("Kinh phí thực hiện: Giao Sở Tài chính chủ trì, bố trí kinh phí", ["Sở Tài chính"], [], []),
        # a topic, then an adverbial, then the sentence that says who does it
        ("Thực hiện chi trả trợ cấp qua tài khoản: Sau khi thực hiện mở tài khoản, Ủy ban nhân dân xã phối hợp với Bưu điện tỉnh chi trả cho đối tượng.",
         ["Ủy ban nhân dân xã"], ["Bưu điện tỉnh"], []),
        # an adverbial's own list in brackets is not where the subject starts
        ("Trên cơ sở đề xuất của các cơ quan (Sở Tư pháp, Sở Nội vụ), Sở Tài chính tổng hợp, tham mưu bố trí kinh phí.", ["Sở Tài chính"], [], []),
        # a list of heads runs past its semicolons to its verb, and the sentence after it is read anew
        ("Chánh Văn phòng UBND tỉnh; Giám đốc Sở Nội vụ; Chủ tịch UBND các xã chịu trách nhiệm thi hành Quyết định này. Sở Tư pháp phối hợp theo dõi.",
         ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ", "Ủy ban nhân dân các xã"], ["Sở Tư pháp"], []),
        # two bodies asked to supervise, the second together with the first
        ("Đề nghị Ủy ban MTTQ tỉnh giám sát việc thực hiện; đề nghị Liên đoàn Lao động tỉnh phối hợp với Ủy ban MTTQ tỉnh giám sát việc thực hiện.",
         [], [], ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Liên đoàn Lao động tỉnh"]),
    ],
    ids=["parenthesis then ;", "two sentences", "a sentence ending in a year", "topic colon then Giao", "topic, adverbial, subject", "bracketed list in the adverbial",
         "heads past ; then a new sentence", "supervise, then supervise with a partner"],
)
def test_each_clause_is_read_for_itself(text, leads, supports, supervisors):
    a = read_actors(text, PROVINCE)
    assert ([m.name for m in a.leads], [m.name for m in a.supports], [m.name for m in a.supervisors]) == (leads, supports, supervisors)


# a decision and what it issues: a plan, a task table, a table of last year's results, a procedure
_DECISION_AND_ATTACHMENTS = [
    "ỦY BAN NHÂN DÂN", "TỈNH VĨNH LONG", "Số: 12/QĐ-UBND", "Vĩnh Long, ngày 05 tháng 3 năm 2026", "", "QUYẾT ĐỊNH",
    "Ban hành Kế hoạch thực hiện dân chủ ở cơ sở năm 2026", "",
    "QUYẾT ĐỊNH:", "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện dân chủ ở cơ sở năm 2026.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "", "**KT. CHỦ TỊCH**", "**PHÓ CHỦ TỊCH**", "",
    "**KẾ HOẠCH**", "Thực hiện dân chủ ở cơ sở năm 2026",
    "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2026 của Ủy ban nhân dân tỉnh)", "",
    "I. NHIỆM VỤ", "1. Sở Nội vụ chủ trì tổ chức hội nghị.", "1. Sở Tư pháp chủ trì rà soát văn bản.", "",
    "**PHỤ LỤC I**", "Danh mục nhiệm vụ", "",
    "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |", "|---|---|---|---|---|",
    "| 1 | Tuyên truyền Luật Thực hiện dân chủ ở cơ sở | Sở Văn hóa, Thể thao và Du lịch | Sở Nội vụ | Quý I/2026 |", "",
    "**PHỤ LỤC II**", "Kết quả năm 2025", "", "1. Sở Y tế chủ trì tổ chức 12 hội nghị.", "",
    "**QUY TRÌNH**", "Tiếp nhận phản ánh", "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2026 của Ủy ban nhân dân tỉnh)", "",
    "1. Bộ phận một cửa tiếp nhận hồ sơ.", "2. Sở Xây dựng chủ trì thẩm định hồ sơ.",
]


def test_what_a_decision_issues_gives_tasks_where_it_assigns_work():
    """The attached plan and a task table (an appendix whose rows carry a lead column) give tasks,
    under their own labels; an appendix without roles and a procedure describe, they assign nothing.
    A label the plan repeats is warned about, not merged."""
    doc = parse(normalize(_DECISION_AND_ATTACHMENTS))
    assert [a.genre for a in doc.attachments] == ["Kế hoạch", "Phụ lục", "Phụ lục", "Quy trình"]
    found = extract_tasks(doc, PROVINCE)
    assert [(t.path, t.lead, t.support) for t, _ in found.tasks] == [
        ("KH1.I.1", ["Sở Nội vụ"], []),
        ("KH1.I.1", ["Sở Tư pháp"], []),
        ("PLI.1", ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Nội vụ"]),
    ]
    assert found.warnings == ["item label repeated: 2 tasks at path KH1.I.1"]


# a regulation of land procedures (a Đồng Tháp decision of 2025, its lines as its portal prints
# them): a step table under "Trình tự thực hiện", a numbered step, whom a provision concerns, and
# the duties its last chapter gives
_PROCEDURE_REGULATION = _PLAN_HEAD[:8] + [
    "I. THỦ TỤC", "1. Đăng ký đất đai lần đầu", "a) Thời gian thực hiện: Không quá 17 ngày làm việc.",
    "- Trình tự thực hiện:", "|", "**TT**", "|", "**Cơ quan, bộ phận, người thực hiện**", "|", "**Nội dung công việc**", "|", "**Thời gian**", "|", "|",
    "1", "|", "Trung tâm Phục vụ hành chính công", "|", "- Kiểm tra tính đầy đủ của thành phần hồ sơ;",
    "- Giao Văn phòng đăng ký đất đai cung cấp thông tin về cơ sở dữ liệu đất đai;", "|", "0,5 ngày", "|", "|",
    "2", "|", "Sở Nông nghiệp và Môi trường", "|", "- Chủ trì, phối hợp các cơ quan có liên quan xác định trường hợp được miễn tiền sử dụng đất.", "|", "10 ngày", "|", "",
    "2. Bước 2. Tiếp nhận hồ sơ", "- Bộ phận Một cửa tiến hành số hóa toàn bộ hồ sơ theo quy định.",
    "3. Đối tượng là tổ chức kinh tế; nhà đầu tư trúng thầu; Công ty nông, lâm trường quản lý, sử dụng:",
    "a) Đăng ký đất đai lần đầu nộp hồ sơ và nhận kết quả tại Trung tâm Phục vụ hành chính công cấp xã.",
    "II. TỔ CHỨC THỰC HIỆN", "1. Trách nhiệm của Ủy ban nhân dân cấp xã",
    "a) Tổ chức, củng cố Trung tâm Phục vụ hành chính công cấp xã.", "b) Niêm yết công khai thủ tục, trình tự, thời hạn giải quyết.",
    "2. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính hướng dẫn nghiệp vụ.",
]


def test_a_procedure_s_steps_and_whom_it_concerns_give_no_work():
    """Steps of a procedure (a step table under "Trình tự thực hiện", "Bước 2. …") describe how a
    file moves, and "Đối tượng là …" names whom items concern: no tasks. The duties after them
    are read, "Tổ chức, củng cố …" a verb under its holder's heading."""
    found = extract_tasks(parse(normalize(_PROCEDURE_REGULATION)), PROVINCE)
    assert [(t.path, t.lead, t.support) for t, _ in found.tasks if t.lead or t.support] == [
        ("II.1.a", ["Ủy ban nhân dân cấp xã"], []),
        ("II.1.b", ["Ủy ban nhân dân cấp xã"], []),
        ("II.2", ["Sở Nông nghiệp và Môi trường"], ["Sở Tài chính"]),
    ]


def test_a_part_that_only_describes_gives_a_task_only_where_a_body_is_made_answerable():
    # an aims part: a number without words (a portal's empty cell) and a heading assign nothing;
    # the body that "chịu trách nhiệm" is given work
    lines = _PLAN_HEAD[:8] + ["I. MỤC ĐÍCH, YÊU CẦU", "1.", "2. Mục đích", "3. Sở Nội vụ chịu trách nhiệm theo dõi việc thực hiện Kế hoạch."]
    tasks = [(t.path, t.lead) for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]
    assert tasks == [("I.3", ["Sở Nội vụ"])]


def test_a_topic_heading_and_the_paragraph_that_says_who_does_it():
    """A task's heading names the work, its paragraph who does it: the paragraph's subject leads,
    over an entry it stands under; a heading that only announces aims assigns nothing."""
    lines = _PLAN_HEAD[:8] + [
        "II. NHIỆM VỤ VÀ GIẢI PHÁP", "1. Mục tiêu", "- 100% các xã tổ chức hội nghị.",
        "2. Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở", "Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ thực hiện.",
        "3. Sở Nội vụ", "a) Kiểm tra việc thực hiện", "Thanh tra tỉnh chủ trì thực hiện.", "b) Tổng hợp kết quả thực hiện.",
    ]
    tasks = [(t.path, t.lead, t.support) for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]
    assert tasks == [("II.2", ["Sở Tư pháp"], ["Sở Nội vụ"]), ("II.3.a", ["Thanh tra tỉnh"], []), ("II.3.b", ["Sở Nội vụ"], [])]


def test_an_entry_gives_the_words_after_its_name_and_a_name_alone_gives_no_work():
    lines = _PLAN_HEAD + ["1. Sở Công Thương: Chủ trì tổ chức hội nghị tập huấn.", "2. Sở Nội vụ", "3. Ban Dân tộc và Tôn giáo tỉnh:",
                          "(Có Phụ lục kèm theo)", "4. (Chi tiết tại Phụ lục kèm theo)"]
    tasks = [(t.path, t.lead, t.text) for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]
    assert tasks == [("II.1", ["Sở Công Thương"], "Chủ trì tổ chức hội nghị tập huấn.")]


@pytest.mark.parametrize(
    "lines,expected",
    [
        # the attribute lines say who leads, over the body the item's sentence opens with
        (["II. NHIỆM VỤ", "1. Ủy ban nhân dân các xã tổ chức hội nghị đối thoại với Nhân dân.", "- Cơ quan chủ trì: Sở Nội vụ", "- Cơ quan phối hợp: Sở Tư pháp"],
         [("II.1", ["Sở Nội vụ"], ["Sở Tư pháp"], [])]),
        # a funding part's sentence that names nobody is no task; one that names a body is
        (["II. NHIỆM VỤ", "1. Sở Nội vụ chủ trì tổ chức hội nghị.", "III. KINH PHÍ THỰC HIỆN", "1. Kinh phí thực hiện từ nguồn ngân sách nhà nước.",
          "2. Sở Tài chính bố trí kinh phí."],
         [("II.1", ["Sở Nội vụ"], [], []), ("III.2", ["Sở Tài chính"], [], [])]),
        # a heading that names nobody in particular: its items are the group's, kept apart from leads
        (["II. TỔ CHỨC THỰC HIỆN", "1. Các cơ quan, đơn vị có liên quan", "a) Tổ chức quán triệt Kế hoạch.", "b) Báo cáo kết quả."],
         [("II.1.a", [], [], ["Các cơ quan, đơn vị có liên quan"]), ("II.1.b", [], [], ["Các cơ quan, đơn vị có liên quan"])]),
        # a task nobody is named for goes to the body that carries out "Kế hoạch này" — not to one
        # that watches over "việc thực hiện Kế hoạch này", even when it is the same entry's line above
        (["II. NHIỆM VỤ", "1. Tổ chức hội nghị tập huấn.", "III. TỔ CHỨC THỰC HIỆN", "Yêu cầu triển khai nghiêm túc, hiệu quả.", "1. Sở Tư pháp", "- Phối hợp triển khai.", "2. Sở Nội vụ",
          "- Theo dõi, đôn đốc việc thực hiện Kế hoạch này.", "- Chủ trì thực hiện Kế hoạch này."],
         [("II.1", ["Sở Nội vụ"], [], []), ("III.1.1", ["Sở Tư pháp"], [], []), ("III.2.1", ["Sở Nội vụ"], [], []), ("III.2.2", ["Sở Nội vụ"], [], [])]),
        # an entry headed by two bodies whose text says one leads with the other: the text decides
        # (a Hồ Chí Minh City plan, corpus 001c610b…)
        (["II. TỔ CHỨC THỰC HIỆN", "1. Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh chủ trì phối hợp với Bộ Chỉ huy Quân sự tỉnh và các đơn vị có liên quan định kỳ kiểm tra, đánh giá an toàn hệ thống."],
         [("II.1", ["Công an tỉnh"], ["Bộ Chỉ huy Quân sự tỉnh"], ["Các đơn vị có liên quan"])]),
    ],
    ids=["attribute lead over the sentence", "funding", "a catch-all heading", "who carries out the plan", "a partner named in the entry's heading"],
)
def test_who_an_item_is_given_to(lines, expected):
    found = extract_tasks(parse(normalize(_PLAN_HEAD[:8] + lines)), PROVINCE)
    assert [(t.path, t.lead, t.support, t.others) for t, _ in found.tasks] == expected


def test_a_task_keeps_every_line_it_was_read_from_and_its_timeframes_kind():
    # provenance: a task's heading, its paragraph and its attribute line, by their line numbers
    lines = _PLAN_HEAD[:8] + ["II. NHIỆM VỤ", "1. Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở", "Sở Tư pháp chủ trì thực hiện.",
                              "- Thời gian thực hiện: Hằng năm", "2. Sở Nội vụ tổ chức hội nghị sơ kết."]
    tasks = [t for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]
    assert [(t.path, t.line, t.lines, t.timeframe, t.timeframe_kind) for t in tasks] == [
        ("II.1", 10, (10, 11, 12), "Hằng năm", "yearly"),
        ("II.2", 13, (13,), None, None),
    ]


def test_a_task_without_a_lead_is_warned_about_unless_it_only_asks_for_supervision():
    lines = _PLAN_HEAD + ["1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh giám sát việc thực hiện Kế hoạch.",
                          "2. Đề nghị Liên đoàn Lao động tỉnh phối hợp tuyên truyền."]
    found = extract_tasks(parse(normalize(lines)), PROVINCE)
    assert [(t.path, t.lead, t.support, t.supervise) for t, _ in found.tasks] == [
        ("II.1", [], [], ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
        ("II.2", [], ["Liên đoàn Lao động tỉnh"], []),
    ]
    # the helper's lead is in the text somewhere else, or missed: worth a look; the watcher's is not
    assert found.warnings == ["task II.2 (line 11): no lead agency found"]


def test_what_a_heading_is_about_opens_it():
    """"Đối với <X>:" names X only when X opens the phrase (corpus abc00053…): "Đối với trường hợp
    …, Sở X thực hiện" is about a case, and Sở X is the subject of its own clause; a body the
    gazetteer knows keeps its name, not "Các ủy ban …"."""
    lines = _REGULATION_HEAD + ["Điều 5. Định dạng địa chỉ thư điện tử", "1. Định dạng địa chỉ của cơ quan:",
                                "a) Đối với Uỷ ban nhân dân cấp xã: Sử dụng tên của các phường, xã bằng tiếng Việt.",
                                "b) Đối với trường hợp yêu cầu cấp lại mật khẩu, Sở Khoa học và Công nghệ thực hiện kiểm tra thông tin."]
    doc = parse(normalize(lines))
    tasks = [t for t, _ in extract_tasks(doc, Lexicon({}, "tỉnh")).tasks]
    assert [t.lead for t in tasks] == [["Ủy ban nhân dân cấp xã"], ["Sở Khoa học và Công nghệ"]]


def test_a_part_that_hands_down_powers_gives_no_task_but_its_closing_article_does():
    """"Điều 3. Thẩm quyền quyết định …" says what bodies may decide, not work given to them; an
    article headed with its steps too ("Thẩm quyền, trình tự, thủ tục …") still gives work."""
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 83/2025/QĐ-UBND", "Bắc Ninh, ngày 28 tháng 11 năm 2025", "",
             "QUYẾT ĐỊNH", "Phân cấp thẩm quyền quyết định tiêu chuẩn, định mức sử dụng máy móc, thiết bị", "",
             "Điều 3. Thẩm quyền quyết định bổ sung tiêu chuẩn, định mức sử dụng máy móc, thiết bị phục vụ công tác các chức danh và nhiệm vụ được giao",
             "1. Sở Khoa học và Công nghệ quyết định đối với các cơ quan, tổ chức, đơn vị thuộc cấp tỉnh.",
             "2. Sở Tài chính quyết định đối với các cơ quan, tổ chức, đơn vị khác còn lại.",
             "Điều 4. Thẩm quyền, trình tự, thủ tục thanh lý tài sản",
             "1. Sở Tài chính tiếp nhận hồ sơ, thẩm định, trình Ủy ban nhân dân tỉnh.",
             "Điều 5. Điều khoản thi hành",
             "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này."]
    tasks = [(t.path, t.lead) for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]
    assert tasks == [("Đ4.1", ["Sở Tài chính"]), ("Đ5", ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Tài chính"])]


def test_a_part_that_assesses_and_then_gives_a_body_the_work_listed_after_it():
    """A notice's "I. ĐÁNH GIÁ CHUNG" ends "… thành phố X cần tập trung thực hiện tốt một số
    nhiệm vụ, giải pháp sau đây:": its items are that body's work, its assessment still none."""
    lines = ["VĂN PHÒNG CHÍNH PHỦ", "Số: 641/TB-VPCP", "Hà Nội, ngày 25 tháng 11 năm 2025", "", "THÔNG BÁO",
             "Kết luận của Phó Thủ tướng Chính phủ tại buổi làm việc với thành phố Đà Nẵng", "",
             "I. ĐÁNH GIÁ CHUNG",
             "Ghi nhận, biểu dương tinh thần đoàn kết của chính quyền địa phương 02 cấp trong thời gian qua.",
             "Để tiếp tục vận hành chính quyền địa phương 02 cấp hiệu lực, hiệu quả, thành phố Đà Nẵng cần tập trung thực hiện tốt một số nhiệm vụ, giải pháp sau đây:",
             "1. Tăng cường hiệu quả hoạt động của bộ máy chính quyền cấp xã.",
             "2. Thúc đẩy mạnh mẽ chuyển đổi số.",
             "II. VỀ CÁC ĐỀ XUẤT, KIẾN NGHỊ CỦA THÀNH PHỐ",
             "1. Về đề nghị Bộ Nội vụ tham mưu ban hành các cơ chế, chính sách: Bộ Nội vụ nghiên cứu đề xuất của Ủy ban nhân dân thành phố Đà Nẵng."]
    found = extract_tasks(parse(normalize(lines)), NATIONAL)
    tasks = [(t.path, t.lead) for t, _ in found.tasks]
    assert tasks == [("I.1", ["Ủy ban nhân dân thành phố Đà Nẵng"]), ("I.2", ["Ủy ban nhân dân thành phố Đà Nẵng"]), ("II.1", ["Bộ Nội vụ"])]


def test_a_closing_list_a_line_break_cut_at_a_semicolon_runs_on_into_its_sentence():
    """"2. Chánh Văn phòng …; Giám đốc các Sở: …; Nội vụ;" / "Tài Chính; Chủ tịch … chịu trách
    nhiệm thi hành": the first line is no entry of bodies, the list runs on (a PDF's wrapped line,
    five closing articles of the corpus)."""
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 83/2025/QĐ-UBND", "Bắc Ninh, ngày 28 tháng 11 năm 2025", "",
             "QUYẾT ĐỊNH", "Về việc công bố danh mục thủ tục hành chính", "",
             "Điều 4. Hiệu lực và trách nhiệm thi hành", "1. Quyết định có hiệu lực kể từ ngày ký.",
             "2. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Văn hóa, Thể thao và Du lịch; Nội vụ;",
             "Tài Chính; Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này./."]
    tasks = [(t.path, t.lead) for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]
    assert tasks == [("Đ4.1", []), ("Đ4.2", ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ", "Sở Tài chính", "Ủy ban nhân dân các xã, phường"])]


@pytest.mark.parametrize(
    "article,leads",
    [
        # a decision's closing article: its sentence opens with one body's head and names more before
        # its verb — each body named leads, not only the first (corpus 09443276…, ca83e768…)
        (["Điều 4. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Văn hóa, Thể thao và Du lịch, Giám đốc Sở Khoa học và Công nghệ, Giám đốc",
          "Trung tâm Phục vụ hành chính công tỉnh và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./."],
         ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ", "Trung tâm Phục vụ hành chính công tỉnh"]),
        (["Điều 4. Giám đốc Sở Tài chính, Giám đốc Trung tâm Phục vụ hành chính công thành phố, Thủ trưởng các sở, ban, ngành và Chủ tịch",
          "Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này."],
         ["Sở Tài chính", "Trung tâm Phục vụ hành chính công thành phố", "Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"]),
    ],
    ids=["four bodies", "groups after bodies"],
)
def test_every_body_a_closing_article_names_before_its_verb_leads(article, leads):
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 83/2025/QĐ-UBND", "Bắc Ninh, ngày 28 tháng 11 năm 2025", "",
             "QUYẾT ĐỊNH", "Về việc công bố danh mục thủ tục hành chính", "", "Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính.", *article]
    tasks = [(t.path, t.lead) for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]
    assert ("Đ4", leads) in tasks, tasks


def test_an_appendix_that_lists_procedures_gives_no_task():
    """"PHỤ LỤC / DANH MỤC THỦ TỤC HÀNH CHÍNH …": each procedure's "Cơ quan thực hiện" and where it
    is filed describe the procedure (a Bắc Ninh decision, corpus 8bb75249…; 45 steps of a Lạng Sơn
    one, 71153021…), while the articles before it give work."""
    head = ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 1512/QĐ-UBND", "Bắc Ninh, ngày 22 tháng 11 năm 2025", "",
            "QUYẾT ĐỊNH", "Về việc công bố danh mục thủ tục hành chính mới ban hành", "",
            "Điều 1. Công bố kèm theo Quyết định này danh mục 02 thủ tục hành chính mới ban hành.",
            "Điều 2. Sở Văn hóa, Thể thao và Du lịch niêm yết công khai nội dung thủ tục hành chính.", "",
            "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Mai Sơn", ""]
    appendix = ["PHỤ LỤC", "{title}", "(Kèm theo Quyết định số: 1512/QĐ-UBND ngày 22/11/2025 của Chủ tịch UBND tỉnh Bắc Ninh)",
                "1. Thủ tục cấp giấy chứng nhận lưu hành tự do", "Nơi tiếp nhận và trả kết quả:",
                "+ Trung tâm Phục vụ hành chính công tỉnh; địa chỉ: Tầng 1 và tầng 2, phường Bắc Giang, tỉnh Bắc Ninh;",
                "- Cơ quan thực hiện: Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh."]

    def tasks(title: str) -> list[str]:
        lines = head + [line.format(title=title) for line in appendix]
        return [t.path for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]

    assert tasks("DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH LĨNH VỰC BÁO CHÍ, XUẤT BẢN") == ["Đ2"]
    # the same appendix under another title is read as the task table its role column makes it
    assert tasks("DANH MỤC NHIỆM VỤ TRIỂN KHAI") != ["Đ2"]


def test_the_forms_printed_after_a_list_of_procedures_are_its_own():
    """A ministry's decision announcing procedures prints after them the model decisions and the
    model plan they issue (5042/QĐ-BNNMT, corpus 1796a553…): the model plan's steps are no work of
    this decision; its closing article is."""
    from pathlib import Path

    from ingest.pipeline import extract_document

    doc, ex = extract_document(Path(__file__).resolve().parents[1] / "data" / "corpus" / "1796a553dfee88ef.md")
    assert any(a.genre == "Kế hoạch" for a in doc.attachments)  # the model plan is read as a plan …
    # (resolved tasks name their agencies by key)
    assert [(t.path, t.lead) for t in ex.tasks if t.lead] == [("Đ3", ["ha-noi/van-phong-bo", "viet-nam/cuc-trong-trot-va-bao-ve-thuc-vat"])]


def test_the_items_of_a_heading_that_introduces_cases_are_no_tasks():
    """"Tổng Kiểm toán nhà nước quyết định thu hồi thẻ trong những trường hợp sau đây: a) Kiểm toán
    viên … nghỉ hưu …": the items are when the power applies (1760/QĐ-KTNN); the duties after are read."""
    lines = ["KIỂM TOÁN NHÀ NƯỚC", "Số: 1760/QĐ-KTNN", "Hà Nội, ngày 24 tháng 11 năm 2025", "", "QUYẾT ĐỊNH", "Ban hành Quy định về thẻ Kiểm toán viên nhà nước", "",
             "Điều 9. Thu hồi, tạm đình chỉ sử dụng thẻ",
             "1. Tổng Kiểm toán nhà nước quyết định thu hồi thẻ trong những trường hợp sau đây:",
             "a) Kiểm toán viên nhà nước nghỉ hưu hoặc từ trần, mất tích khi đang công tác;",
             "b) Kiểm toán viên nhà nước sử dụng thẻ sai mục đích.",
             "Điều 10. Quản lý và sử dụng thẻ",
             "1. Vụ Tổ chức cán bộ có trách nhiệm tổ chức việc cấp mới, đổi và cấp lại thẻ."]
    tasks = [(t.path, t.lead) for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]
    assert tasks == [("Đ10.1", ["Vụ Tổ chức cán bộ"])]


@pytest.mark.parametrize(
    "item,leads,supports",
    [
        # a line break after an owner word: the item is one sentence, not an entry of bodies and a
        # paragraph (a Hà Nội council resolution, corpus 02b9be77…)
        (["4. Đề nghị Văn phòng Thành ủy, các cơ quan thuộc", "Thành ủy phối hợp tổ chức thực hiện Nghị quyết này."], [], ["Văn phòng Thành ủy", "Các cơ quan thuộc Thành ủy"]),
        # … after a preposition (a Government resolution, corpus 0326977b…)
        (["2. Doanh nghiệp thực hiện dự án casino quy định tại", "Điều 3 Nghị quyết này có trách nhiệm tổ chức kinh doanh."], ["Doanh nghiệp thực hiện dự án casino"], []),
    ],
    ids=["owner", "preposition"],
)
def test_an_item_a_line_break_cut_after_a_word_no_sentence_ends_on_is_read_whole(item, leads, supports):
    lines = ["HỘI ĐỒNG NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", "Số: 55/2025/NQ-HĐND", "Hà Nội, ngày 26 tháng 11 năm 2025", "", "NGHỊ QUYẾT", "Quy định thử", "",
             "QUYẾT NGHỊ:", "Điều 3. Tổ chức thực hiện", *item]
    tasks = [(t.lead, t.support) for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]
    assert tasks == [(leads, supports)]


def test_an_entry_that_names_nobody_gives_way_to_the_body_its_sentence_names():
    # a Đắk Lắk directive's "h) Các đơn vị khác" (shared/real/other 6bac4a0d…): its sentence says
    # who; an entry's group stays where the sentence names the group again (corpus db769f68…)
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK", "Số: 99/KH-UBND", "Đắk Lắk, ngày 10 tháng 12 năm 2025", "", "KẾ HOẠCH", "Thử", "",
             "III. TỔ CHỨC THỰC HIỆN", "", "1. Sở Tài chính", "", "Chủ trì tổng hợp báo cáo.", "", "2. Các đơn vị khác", "",
             "Cơ quan đăng ký đầu tư có trách nhiệm lấy ý kiến cụ thể nội dung liên quan.", "", "3. Các cơ quan, đơn vị, địa phương", "",
             "Các cơ quan, đơn vị, địa phương có trách nhiệm thực hiện tốt Kế hoạch này.", "", "4. Các đơn vị khác", "", "Tổ chức tuyên truyền kế hoạch."]
    tasks = {t.path: t for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks}
    assert tasks["III.2"].lead == ["Cơ quan đăng ký đầu tư"]
    assert "Các cơ quan, đơn vị, địa phương" in tasks["III.3"].lead
    assert tasks["III.4"].lead == ["Các đơn vị khác"]


def test_an_item_that_gives_work_again_under_the_issuers_heading_names_its_own_lead():
    """A Đồng Nai procedure decision (corpus f75757b0…): under "Giao Sở Dân tộc và Tôn giáo chủ
    trì … có trách nhiệm:" the fourth item gives work again ("Giao Sở Khoa học và Công nghệ chủ
    trì …"); the issuer speaks, the department of the heading does not share the item. Under a
    body's own entry a "Giao …" item keeps the entry's body (it hands its work on)."""
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG NAI", "Số: 2740/QĐ-UBND", "Đồng Nai, ngày 17 tháng 11 năm 2025", "", "QUYẾT ĐỊNH",
             "Công bố thủ tục hành chính nội bộ", "", "QUYẾT ĐỊNH:", "Điều 1. Công bố kèm theo Quyết định này 02 thủ tục hành chính nội bộ.", "",
             "Điều 3. Giao", "Sở Dân tộc và Tôn giáo chủ trì, phối hợp các đơn vị liên quan có trách nhiệm:", "",
             "1. Tổ chức niêm yết, công khai thủ tục hành chính nội bộ tại trụ sở làm việc.",
             "2. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp các sở, ban, ngành có trách nhiệm nâng cấp Hệ thống thông tin.",
             "3. Văn phòng Ủy ban nhân dân tỉnh tham mưu tổng hợp, trình Chủ tịch Ủy ban nhân dân tỉnh phê duyệt."]
    tasks = {t.path: t for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks}
    assert [tasks[f"Đ3.{n}"].lead for n in (1, 2, 3)] == [["Sở Dân tộc và Tôn giáo"], ["Sở Khoa học và Công nghệ"], ["Văn phòng Ủy ban nhân dân tỉnh"]]
    assert tasks["Đ3.2"].support == ["Các sở, ban, ngành tỉnh"]


_FEE_CIRCULAR = ["BỘ TÀI CHÍNH", "Số: 109/2025/TT-BTC", "Hà Nội, ngày 18 tháng 11 năm 2025", "", "THÔNG TƯ",
                 "Quy định mức thu, chế độ thu, nộp lệ phí cấp Chứng chỉ hành nghề môi giới bất động sản", "",
                 "Điều 1. Phạm vi điều chỉnh, đối tượng áp dụng",
                 "Thông tư này áp dụng đối với người nộp lệ phí; tổ chức thu lệ phí; tổ chức, cá nhân khác có liên quan đến việc thu, nộp lệ phí.",
                 "Điều 3. Cơ quan thẩm định giá", "Sở Xây dựng là cơ quan thẩm định giá theo quy định tại Thông tư này.",
                 "Điều 5. Kê khai, thu, nộp lệ phí",
                 "1. Người nộp lệ phí thực hiện nộp lệ phí cho tổ chức thu lệ phí.",
                 "2. Trong thời hạn 24 giờ tính từ thời điểm nhận được tiền lệ phí, cơ quan, tổ chức nhận tiền phải chuyển toàn bộ tiền lệ phí thu được vào tài khoản của tổ chức thu lệ phí.",
                 "3. Tổ chức thu lệ phí nộp 100% số tiền lệ phí thu được vào ngân sách nhà nước.",
                 "4. Cơ quan thẩm định giá thông báo kết quả thẩm định cho tổ chức thu lệ phí."]


def test_the_bodies_a_text_applies_to_are_read_by_what_they_do():
    """A Ministry of Finance fee circular (corpus b3bb1db5…, c2b60521…, 39db3d8c…): the bodies it
    applies to, named by what they do, lead the sentences they open ("Tổ chức thu lệ phí | nộp
    100% …"), read from its scope ("áp dụng đối với …; …; …") or from an article that defines its
    title ("Điều 3. Cơ quan thẩm định giá" / "… là cơ quan thẩm định giá"); a body bound by "phải"
    leads its obligation; the payer (a person) and the related public are none."""
    doc = parse(normalize(_FEE_CIRCULAR))
    text = " ".join(line.text for line in doc.lines)
    regulated = regulated_bodies(text, [n.text for top in doc.sections for n in top.walk() if n.kind == "article"])
    assert regulated == ("tổ chức thu lệ phí", "Cơ quan thẩm định giá")
    tasks = {t.path: t for t, _ in extract_tasks(doc, Lexicon({}, regulated=regulated)).tasks}
    assert [tasks[f"Đ5.{n}"].lead for n in (2, 3, 4)] == [["Cơ quan, tổ chức nhận tiền"], ["Tổ chức thu lệ phí"], ["Cơ quan thẩm định giá"]]
    assert not tasks.get("Đ5.1") or not tasks["Đ5.1"].lead
    # without the scope, "Tổ chức thu lệ phí nộp …" reads as a verb ("organise the collection")
    unscoped = {t.path: t for t, _ in extract_tasks(doc, Lexicon({})).tasks}
    assert "Đ5.3" not in unscoped or not unscoped["Đ5.3"].lead


def test_the_items_of_a_scope_article_name_the_bodies_a_decree_applies_to():
    """A Government decree on civil servants (corpus c22591f1…): "Điều 2. Đối tượng áp dụng" lists
    the bodies it regulates, one per item ("2. Cơ quan quản lý công chức, bao gồm: …", "3. Cơ quan
    sử dụng công chức."); a sentence one opens is that body's, though a group read on would run
    over the verb ("Cơ quan sử dụng công chức | xác định các điều kiện …"); persons are none."""
    items = ["Công chức quy định tại khoản 2 Điều 1 Luật Cán bộ, công chức.", "Cơ quan quản lý công chức, bao gồm:", "Cơ quan sử dụng công chức."]
    regulated = regulated_bodies("", [], items)
    assert regulated == ("Cơ quan quản lý công chức", "Cơ quan sử dụng công chức")
    text = "Cơ quan sử dụng công chức xác định các điều kiện theo yêu cầu của vị trí việc làm dự tuyển."
    assert [m.name for m in read_actors(text, Lexicon({}, None, {}, True, None, True, None, regulated)).leads] == ["Cơ quan sử dụng công chức"]
    assert not read_actors(text, NATIONAL).leads


def test_a_body_an_article_is_titled_by_and_whose_sentences_it_opens_is_a_term_of_the_text():
    """A Government decree on training civil servants (corpus e4ddc120…): "Điều 9. Hội đồng xét
    đền bù" / "1. Hội đồng xét đền bù tư vấn giúp …" — the council's name ends where the title
    does, its verb no stop word; a title that only names a topic is none."""
    text = "Điều 9. Hội đồng xét đền bù 1. Hội đồng xét đền bù tư vấn giúp người đứng đầu cơ quan quản lý công chức. Điều 10. Thành lập Hội đồng xét đền bù"
    regulated = regulated_bodies(text, ["Hội đồng xét đền bù", "Thành lập Hội đồng xét đền bù"])
    assert regulated == ("Hội đồng xét đền bù",)
    sentence = "Hội đồng xét đền bù tư vấn giúp người đứng đầu cơ quan quản lý công chức xem xét các trường hợp phải đền bù chi phí."
    assert [m.name for m in read_actors(sentence, Lexicon({}, None, {}, True, None, True, None, regulated)).leads] == ["Hội đồng xét đền bù"]


@pytest.mark.parametrize(
    "text,leads,requested",
    [
        # a Hà Tĩnh decision on its justice department's duties (corpus 0f98ee48…): the department
        # proposes to the province's chairman; the province does not request itself
        ("Đề nghị Chủ tịch Ủy ban nhân dân tỉnh quyết định thu hồi, hủy bỏ giấy tờ hộ tịch trái quy định pháp luật;", [], False),
        ("Đề nghị Ủy ban nhân dân tỉnh Hà Tĩnh bổ nhiệm, miễn nhiệm công chứng viên;", [], False),
        # … another body it does request
        ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tuyên truyền, vận động Nhân dân;", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], True),
        ("Đề nghị Ủy ban nhân dân tỉnh Nghệ An xem xét, giải quyết kiến nghị của công dân;", ["Ủy ban nhân dân tỉnh"], True),
    ],
)
def test_a_text_never_requests_its_own_issuer(text, leads, requested):
    lexicon = Lexicon({}, "tỉnh", own_place="Hà Tĩnh", issuer="Ủy ban nhân dân tỉnh Hà Tĩnh")
    actors = read_actors(text, lexicon)
    assert ([m.name for m in actors.leads], actors.requested) == (leads, requested)


# the Government's decree on disciplining civil servants (corpus de54f5fa…): the council is named
# closed again and again, so its name ends where its own act begins
_DISCIPLINE_DECREE = (
    "**Điều 18. Hội đồng kỷ luật công chức** 1. Cấp có thẩm quyền quyết định thành lập Hội đồng kỷ luật để tư vấn. "
    "a) Hội đồng kỷ luật họp khi có đủ 03 thành viên tham dự; b) Hội đồng kỷ luật kiến nghị áp dụng hình thức kỷ luật thông qua bỏ phiếu kín; "
    "c) Việc họp Hội đồng kỷ luật phải được lập thành biên bản; d) Hội đồng kỷ luật tự giải thể sau khi hoàn thành nhiệm vụ. "
    "**Điều 19. Thành phần Hội đồng kỷ luật công chức** 1. Hội đồng kỷ luật có 03 thành viên. "
    "**Điều 20. Tổ chức họp Hội đồng kỷ luật công chức** a) Chậm nhất là 05 ngày làm việc trước ngày tổ chức cuộc họp của Hội đồng kỷ luật, "
    "giấy triệu tập họp phải được gửi tới công chức có hành vi vi phạm; b) Hội đồng kỷ luật có thể mời đại diện; c) Công chức được cử "
    "ghi biên bản cuộc họp của Hội đồng kỷ luật có nhiệm vụ chuẩn bị tài liệu, ghi biên bản cuộc họp của Hội đồng kỷ luật; "
    "cấp có thẩm quyền xử lý kỷ luật quyết định thành phần họp kiểm điểm và thành phần Hội đồng kỷ luật."
)


@pytest.mark.parametrize(
    "sentence,leads",
    [
        ("Hội đồng kỷ luật tự giải thể sau khi hoàn thành nhiệm vụ.", ["Hội đồng kỷ luật"]),
        ("Chủ tịch Hội đồng kỷ luật tuyên bố lý do, giới thiệu các thành viên tham dự;", ["Hội đồng kỷ luật"]),
        ("Hội đồng kỷ luật bỏ phiếu về việc có kỷ luật hay không kỷ luật;", ["Hội đồng kỷ luật"]),
        # words the text puts after the name more than once are its own: a longer name
        ("Hội đồng kỷ luật công chức chấm dứt hoạt động sau khi có quyết định.", ["Hội đồng kỷ luật công chức"]),
    ],
)
def test_a_name_the_text_closes_again_and_again_ends_where_its_act_begins(sentence, leads):
    terms = document_terms(_DISCIPLINE_DECREE)
    assert list(terms) == ["Hội đồng kỷ luật công chức", "Hội đồng kỷ luật"]
    assert "công" in terms["Hội đồng kỷ luật"] and "tự" not in terms["Hội đồng kỷ luật"]
    assert [m.name for m in read_actors(sentence, Lexicon({}, None, terms=terms)).leads] == leads


def test_a_phrase_that_names_no_body_is_no_term():
    text = "Trường hợp cơ quan; Trường hợp cơ quan. Trường hợp cơ quan, Trường hợp cơ quan đã"
    assert document_terms(text) == {}


@pytest.mark.parametrize(
    "text,leads",
    [
        # a Hà Nội council resolution (corpus f1e9ca38…): the negation opens the predicate
        ("Trường hợp học trực tuyến, các cơ sở giáo dục không triển khai thực hiện các khoản thu theo quy định tại Nghị quyết này.", ["Các cơ sở giáo dục"]),
        ("Các cơ sở giáo dục chưa thực hiện việc công khai các khoản thu.", ["Các cơ sở giáo dục"]),
        # … but not the word it makes a noun of
        ("Các doanh nghiệp hàng không chủ trì thực hiện việc công khai giá vé.", ["Các doanh nghiệp hàng không"]),
        # a Government decree on ministries' units (corpus fa339553…): what a unit is not is no work
        ("Vụ không có tư cách pháp nhân, không có con dấu, không có tài khoản.", []),
        # an application the public files asks a body to act: no work the text gives
        ("Doanh nghiệp, hộ kinh doanh khi nộp hồ sơ đề nghị cơ quan quản lý nhà nước có thẩm quyền cấp Giấy phép phải nộp phí theo quy định.", []),
    ],
)
def test_a_negation_is_the_predicates_and_a_negated_copula_gives_no_work(text, leads):
    assert [m.name for m in read_actors(text, PROVINCE).leads] == leads


@pytest.mark.parametrize(
    "text,leads,supports",
    [
        # a Thái Nguyên electrical safety regulation (corpus 73a5c09d…): "trình" (submit) ends no
        # name inside "công trình"; "lập" ends one only with what is drawn up
        ("Ủy ban nhân dân cấp xã chủ trì, phối hợp với chủ đầu tư công trình điện lực lập kế hoạch giải phóng mặt bằng.",
         ["Ủy ban nhân dân cấp xã"], ["Chủ đầu tư công trình điện lực"]),
        ("Các đơn vị quản lý vận hành công trình điện lực tổ chức thực hiện Quy định này.", ["Các đơn vị quản lý vận hành công trình điện lực"], []),
        ("Sở Công Thương trình Ủy ban nhân dân tỉnh phê duyệt.", ["Sở Công Thương"], []),
        ("Các đơn vị sự nghiệp công lập thực hiện.", ["Các đơn vị sự nghiệp công lập"], []),
        # a group's level after "của" is written bare, as a kind's is
        ("Sở Văn hóa, Thể thao và Du lịch chủ trì phối hợp với các cơ quan thông tin truyền thông của tỉnh tuyên truyền.",
         ["Sở Văn hóa, Thể thao và Du lịch"], ["Các cơ quan thông tin truyền thông tỉnh"]),
        # an amending text's quoted words are no bodies (a Ministry of Justice circular, corpus 68c706de…)
        ("Thay thế cụm từ “Tổng cục Thi hành án dân sự” thành “Cục Quản lý Thi hành án dân sự”; “Chi cục trưởng” thành “Trưởng Phòng Thi hành án dân sự khu vực”.", [], []),
        # a head's title, a colon, the bodies it heads (Hà Tĩnh decisions, corpus ad3df698…)
        ("Chánh Văn phòng UBND tỉnh; Giám đốc: Trung tâm Công báo - Tin học tỉnh, Trung tâm Phục vụ hành chính công tỉnh; "
         "Chủ tịch UBND các xã, phường chịu trách nhiệm thi hành Quyết định này.",
         ["Văn phòng Ủy ban nhân dân tỉnh", "Trung tâm Công báo - Tin học tỉnh", "Trung tâm Phục vụ hành chính công tỉnh", "Ủy ban nhân dân các xã, phường"], []),
        # … and a title over a generic head and its colon (Bắc Ninh decisions, corpus b6ae4bd4…)
        ("Thủ trưởng các cơ quan: Văn phòng UBND tỉnh, Sở Xây dựng, Sở Tài chính, Uỷ ban nhân dân cấp xã, các cơ quan, đơn vị có liên quan "
         "căn cứ Quyết định thi hành./.", ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Xây dựng", "Sở Tài chính", "Ủy ban nhân dân cấp xã"], []),
        # a field named in capitals goes on past "và"; another body after it does not
        ("Các cơ quan Trung ương và Ủy ban nhân dân các xã, phường thực hiện.", ["Các cơ quan Trung ương", "Ủy ban nhân dân các xã, phường"], []),
        # organisations and persons who ask a body are the public asking (corpus 54c3026b…)
        ("Trường hợp cần thiết, tổ chức, cá nhân yêu cầu cơ sở đã giám định thực hiện giám định bổ sung.", [], []),
    ],
)
def test_a_name_ends_where_its_words_do_and_words_or_the_public_are_no_body(text, leads, supports):
    actors = read_actors(text, PROVINCE)
    assert ([m.name for m in actors.leads], [m.name for m in actors.supports]) == (leads, supports)


def test_a_field_named_in_capitals_goes_on_past_its_conjunction():
    # the kinds of bodies a coordination regulation asks (corpus 994dfbc3…): no "Các cơ quan Nông nghiệp"
    actors = read_actors("Các cơ quan Nông nghiệp và Môi trường thực hiện kiểm tra.", PROVINCE)
    assert [m.name for m in actors.leads + actors.generic] == ["Các cơ quan Nông nghiệp và Môi trường"]


@pytest.mark.parametrize(
    "text,parts",
    [
        # a decision's closing paragraph (originals dc20e6, a DOCX): the second sentence gives
        # work to another body, a task of its own
        (
            "Yêu cầu các sở, ngành và Ủy ban nhân dân các xã, phường, đặc khu tổ chức thực hiện tốt các nội dung trên, thường xuyên trao đổi, phối hợp lực lượng Công an hoàn thành tốt các nhiệm vụ được giao. Giao Công an tỉnh theo dõi, đôn đốc việc thực hiện.",
            ["Yêu cầu các sở, ngành và Ủy ban nhân dân các xã, phường, đặc khu tổ chức thực hiện tốt các nội dung trên, thường xuyên trao đổi, phối hợp lực lượng Công an hoàn thành tốt các nhiệm vụ được giao.", "Giao Công an tỉnh theo dõi, đôn đốc việc thực hiện."],
        ),
        # a mood word inside a sentence, or after a semicolon, cuts nothing
        ("Sở Y tế chủ trì; giao Trạm Y tế cấp xã phối hợp thực hiện.", ["Sở Y tế chủ trì; giao Trạm Y tế cấp xã phối hợp thực hiện."]),
        # nor does a sentence that opens with the word but names no body after it
        ("Quyết định có hiệu lực từ ngày ký. Giao nhiệm vụ cho các đơn vị theo quy định.", ["Quyết định có hiệu lực từ ngày ký. Giao nhiệm vụ cho các đơn vị theo quy định."]),
    ],
)
def test_a_paragraph_is_cut_before_a_sentence_that_gives_work_anew(text, parts):
    from ingest.tasks import _sentences_of_work

    assert _sentences_of_work(text) == parts


@pytest.mark.parametrize(
    "item,second,leads",
    [
        # a bullet whose next paragraph asks other bodies (originals ce6e4e, a DOCX): the
        # request is its own task, its bodies not leads of the bullet
        (
            "- Sở Nội vụ chủ trì chuẩn bị nội dung, tài liệu và triển khai, thực hiện nghiêm túc kế hoạch này.",
            "Đề nghị Văn phòng Đảng ủy, Văn phòng HĐND&UBND xã phối hợp Sở Nội vụ trong công tác chuẩn bị các điều kiện phục vụ hội nghị.",
            (["Sở Nội vụ"], ["Văn phòng Đảng ủy", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"]),
        ),
        # two sentences on one line (corpus 50f694, a Government notice)
        (
            "- Giao Sở Xây dựng trực tiếp chỉ đạo kiểm tra, rà soát, tháo gỡ các khó khăn, vướng mắc. Yêu cầu Nhà đầu tư (Tập đoàn Đèo Cả) rà soát, điều chỉnh lại kế hoạch thi công.",
            None,
            (["Sở Xây dựng"], ["Tập đoàn Đèo Cả"]),
        ),
    ],
)
def test_an_items_sentence_that_gives_work_anew_is_a_task_of_its_own(item, second, leads):
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH", "Số: 12/KH-UBND", "Ninh Bình, ngày 05 tháng 11 năm 2025", "", "KẾ HOẠCH",
             "Tổ chức hội nghị", "", "I. TỔ CHỨC THỰC HIỆN", "1. Công tác chuẩn bị hội nghị", item, *([second] if second else [])]
    tasks = {t.path: t for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks}
    assert (tasks["I.1.1"].lead, tasks["I.1.1.2"].lead) == leads
    assert "Đề nghị" not in tasks["I.1.1"].text and "Yêu cầu Nhà" not in tasks["I.1.1"].text


def test_a_duty_that_points_at_numbered_items_leads_them_and_funds_for_the_plan_are_no_implementer():
    """A plan's organisation section points at the items of section II by their numbers ("tại mục
    II.2"), and the finance department's duty names the funds "thực hiện Kế hoạch" (the whole
    plan's implementer is not who finds its money): each item gets the body that points at it."""
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH TUYÊN QUANG", "Số: 77/KH-UBND", "Tuyên Quang, ngày 08 tháng 5 năm 2026", "", "KẾ HOẠCH",
             "Thực hiện dân chủ ở cơ sở", "", "I. NHIỆM VỤ, GIẢI PHÁP", "1. Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở.",
             "2. Kiện toàn Ban Chỉ đạo thực hiện dân chủ ở cơ sở các cấp.", "II. TỔ CHỨC THỰC HIỆN", "1. Sở Nội vụ",
             "a) Chủ trì triển khai các nhiệm vụ tại mục I.2; tham mưu Ban Chỉ đạo tỉnh kiểm tra việc thực hiện.", "2. Sở Tư pháp",
             "Chủ trì thực hiện nhiệm vụ tại mục I.1.", "3. Sở Tài chính: Tham mưu bố trí kinh phí thực hiện Kế hoạch."]
    tasks = {t.path: t for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks}
    assert (tasks["I.1"].lead, tasks["I.2"].lead) == (["Sở Tư pháp"], ["Sở Nội vụ"])


def test_a_bodys_name_alone_introduces_its_dashes_and_a_paragraph_under_a_whole_sentence_is_its_own_duty():
    """A directive with no numbered parts (the class of issue 22's organisation sections): "Ủy ban
    nhân dân các xã, phường:" alone over its dashes gives them their lead; the paragraphs after
    the last dash, each opening with a body and its verb, are duties of their own, not the
    dash's."""
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH ĐIỆN BIÊN", "Số: 05/CT-UBND", "Điện Biên, ngày 20 tháng 3 năm 2026", "", "CHỈ THỊ",
             "Về tăng cường thực hiện dân chủ ở cơ sở", "", "Để khắc phục hạn chế, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:", "",
             "Ủy ban nhân dân các xã, phường:", "",
             "- Thực hiện nghiêm việc công khai thông tin theo quy định;", "", "- Tổ chức đối thoại với Nhân dân ít nhất 01 lần/năm.", "",
             "Đề nghị Ủy ban MTTQ Việt Nam tỉnh chỉ đạo Ban Thanh tra nhân dân ở cơ sở giám sát việc thực hiện dân chủ ở cơ sở.", "",
             "Giám đốc các sở, Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Chỉ thị này./."]
    tasks = [(t.lead, t.text[:25]) for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]
    assert tasks == [
        (["Ủy ban nhân dân các xã, phường"], "Thực hiện nghiêm việc côn"),
        (["Ủy ban nhân dân các xã, phường"], "Tổ chức đối thoại với Nhâ"),
        (["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], "Đề nghị Ủy ban MTTQ Việt "),
        (["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"], "Giám đốc các sở, Chủ tịch"),
    ]


def test_the_paragraphs_of_a_text_with_no_parts_give_the_work_they_name():
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH ĐIỆN BIÊN", "Số: 05/CT-UBND", "Điện Biên, ngày 20 tháng 3 năm 2026", "", "CHỈ THỊ",
             "Về tăng cường thực hiện dân chủ ở cơ sở", "", "Để khắc phục hạn chế, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:", "",
             "**Sở Nội vụ:** Chủ trì theo dõi, hướng dẫn, kiểm tra việc thực hiện Chỉ thị này.", "",
             "**Sở Tư pháp:** Phối hợp với Sở Nội vụ tuyên truyền, phổ biến pháp luật về dân chủ ở cơ sở.", "",
             "**Công an tỉnh** chỉ đạo Công an các xã, phường nắm chắc tình hình tại cơ sở."]
    tasks = [(t.lead, t.support) for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]
    assert tasks == [(["Sở Nội vụ"], []), (["Sở Tư pháp"], ["Sở Nội vụ"]), (["Công an tỉnh"], [])]


@pytest.mark.parametrize(
    "opening,leads,requested",
    [
        # a department's letter to the communes (the class of issue 22's letters): the opening
        # asks the items of its addressees, not of its subject
        ("Thực hiện Kế hoạch số 77/KH-UBND ngày 10/02/2026 của UBND tỉnh, Sở Nội vụ đề nghị Ủy ban nhân dân các xã, phường:",
         ["Ủy ban nhân dân các xã, phường"], True),
        # a Prime Minister's dispatch (corpus 5dbaef1b…): told, the words that say the items follow
        ("Thủ tướng Chính phủ yêu cầu Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố thực hiện một số nhiệm vụ trọng tâm sau:",
         ["Các bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh, thành phố"], False),
        # the issuer's head alone asks nobody in particular: the items name their own doers
        ("Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:", [], False),
    ],
)
def test_a_letters_opening_asks_its_items_of_the_bodies_it_names(opening, leads, requested):
    lines = ["UBND TỈNH NINH BÌNH", "SỞ NỘI VỤ", "Số: 345/SNV-XDCQ", "V/v báo cáo kết quả thực hiện dân chủ ở cơ sở",
             "Ninh Bình, ngày 05 tháng 11 năm 2026", "Kính gửi: Ủy ban nhân dân các xã, phường.", opening,
             "1. Tổng hợp, báo cáo kết quả thực hiện dân chủ ở cơ sở năm 2026.",
             "2. Gửi báo cáo về Sở Nội vụ trước ngày 25/11/2026."]
    tasks = [t for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]
    assert [(t.lead, t.requested) for t in tasks] == ([(leads, requested)] * 2 if leads else [])


def test_a_table_row_that_names_only_its_partners_is_still_work_and_one_that_points_elsewhere_is_not():
    lines = ["ỦY BAN NHÂN DÂN TỈNH GIA LAI", "Số: 155/KH-UBND", "Gia Lai, ngày 12 tháng 3 năm 2026", "KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở năm 2026",
             "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:", "I. NHIỆM VỤ", "Các nhiệm vụ cụ thể tại Phụ lục kèm theo.", "", "**PHỤ LỤC**", "",
             "**DANH MỤC NHIỆM VỤ**", "", "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |", "|---|---|---|---|---|",
             "| 1 | Tập huấn cho cán bộ cấp xã | Sở Nội vụ | Ủy ban nhân dân các xã, phường | Quý II/2026 |",
             "| 2 | Kiểm tra việc thực hiện tại cơ sở |  | Thanh tra tỉnh | Quý III/2026 |",
             "| 3 | Tiếp tục thực hiện Quyết định số 1441/QĐ-UBND | Theo phân công tại Quyết định số 1441/QĐ-UBND | Theo phân công tại Quyết định số 1441/QĐ-UBND của Chủ tịch UBND tỉnh | Năm 2026 |"]
    tasks = [(t.path, t.lead, t.support) for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]
    assert tasks == [("PL1.1", ["Sở Nội vụ"], ["Ủy ban nhân dân các xã, phường"]), ("PL1.2", [], ["Thanh tra tỉnh"])]


@pytest.mark.parametrize(
    "text,timeframe",
    [
        # the time the item's sentence gives at its end (a department's plan; corpus 24701a1c…,
        # 74e2ddc7…: "…, hoàn thành trong tháng 11 năm 2025")
        ("Văn phòng Sở chủ trì tổ chức Hội nghị cán bộ, công chức năm 2026, hoàn thành trong Quý I/2026.", "Hoàn thành trong Quý I/2026"),
        ("Sở Tư pháp tổ chức tập huấn, thực hiện trước tháng 6 năm 2026.", "Thực hiện trước tháng 6 năm 2026"),
        ("Sở Tư pháp tổ chức tập huấn cho cán bộ năm 2026.", None),
        # … after the first clause too (a PDF-text probe: "…; hoàn thành trong Quý II/2026.")
        ("Sở Nội vụ chủ trì tổ chức tập huấn cho cán bộ cấp xã; hoàn thành trong Quý II/2026.", "Hoàn thành trong Quý II/2026"),
    ],
)
def test_a_time_the_sentence_gives_is_the_tasks_timeframe(text, timeframe):
    from ingest.tasks import timeframe_in_text

    assert timeframe_in_text(text) == timeframe


def test_bracketed_attributes_give_each_item_its_own_and_no_neighbour_its_lead():
    # a plan writing each item's lead, partners and time in a bracket (a probe of issue 22's task
    # shapes); the item between them names its own doer in its sentence and keeps it
    lines = _PLAN_HEAD[:-1] + [
        "II. NHIỆM VỤ, GIẢI PHÁP",
        "1. Tổ chức quán triệt Chỉ thị (Cơ quan chủ trì: Sở Nội vụ; cơ quan phối hợp: Báo Nghệ An; thời gian: Quý IV/2025).",
        "2. Nâng cao chất lượng tiếp công dân. Giao Thanh tra tỉnh chủ trì, phối hợp với Sở Tư pháp thực hiện; thời gian: thường xuyên.",
        "3. Đẩy mạnh chuyển đổi số [Sở Khoa học và Công nghệ chủ trì; Văn phòng UBND tỉnh phối hợp; năm 2026].",
    ]
    tasks = [t for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]
    got = {t.path: (t.lead, t.support, t.timeframe) for t in tasks}
    assert got["II.1"] == (["Sở Nội vụ"], ["Báo Nghệ An"], "Quý IV/2025")
    assert got["II.3"] == (["Sở Khoa học và Công nghệ"], ["Văn phòng Ủy ban nhân dân tỉnh"], "năm 2026")
    assert all("Sở Khoa học và Công nghệ" not in lead and timeframe != "năm 2026" for path, (lead, _, timeframe) in got.items() if path.startswith("II.2"))
    assert any(lead == ["Thanh tra tỉnh"] for path, (lead, _, _) in got.items() if path.startswith("II.2"))


def test_a_committees_roster_is_no_work_and_its_duties_are():
    # a commune chairman's decision setting up a steering committee (a probe of issue 22's
    # issuers): its members one a line, each a person, a post and a seat — then its duties
    lines = ["ỦY BAN NHÂN DÂN", "XÃ NGHĨA ĐÀN", "Số: 320/QĐ-UBND", "Nghĩa Đàn, ngày 08 tháng 8 năm 2025", "", "QUYẾT ĐỊNH",
             "Về việc kiện toàn Ban Chỉ đạo thực hiện dân chủ ở cơ sở xã", "", "QUYẾT ĐỊNH:",
             "Điều 1. Kiện toàn Ban Chỉ đạo thực hiện dân chủ ở cơ sở xã gồm các ông (bà) có tên sau:",
             "1. Ông Nguyễn Văn Hải, Chủ tịch UBND xã - Trưởng ban;",
             "2. Bà Lê Thị Hoa, Phó Chủ tịch Ủy ban MTTQ Việt Nam xã - Phó Trưởng ban;",
             "3. Ông Phạm Văn Bình, Trưởng Công an xã - Thành viên.",
             "Điều 2. Nhiệm vụ của Ban Chỉ đạo",
             "1. Giúp Ủy ban nhân dân xã chỉ đạo, kiểm tra việc thực hiện dân chủ ở cơ sở trên địa bàn xã."]
    tasks = [t for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]
    assert [(t.path, t.lead) for t in tasks] == [("Đ2.1", ["Ban Chỉ đạo"])]


@pytest.mark.parametrize("bold", [True, False])
def test_bodies_named_alone_over_their_dashes_head_them_without_numbers(bold):
    # a plan that gives each body its duties under its name with no number (a probe of issue
    # 22's organisation sections); the tree hangs each next name under the dash before it
    name = (lambda t: f"**{t}**") if bold else (lambda t: t)
    lines = _PLAN_HEAD[:-1] + ["II. TỔ CHỨC THỰC HIỆN", "", name("Sở Nội vụ:"), "",
             "- Chủ trì, phối hợp với các sở, ngành hướng dẫn, kiểm tra việc thực hiện Kế hoạch.", "", name("Sở Tư pháp:"), "",
             "- Phối hợp với Sở Nội vụ tuyên truyền, phổ biến pháp luật về dân chủ ở cơ sở.", "", name("Ủy ban nhân dân các xã, phường:"), "",
             "- Xây dựng kế hoạch thực hiện tại địa phương.", "", "- Tổ chức hội nghị thôn, tổ dân phố theo quy định."]
    tasks = [t for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]
    assert [(t.lead, t.support) for t in tasks] == [
        (["Sở Nội vụ"], ["Các sở, ban, ngành tỉnh"]), (["Sở Tư pháp"], ["Sở Nội vụ"]),
        (["Ủy ban nhân dân các xã, phường"], []), (["Ủy ban nhân dân các xã, phường"], [])]


def _one_plan(tmp_path, header: list[str], items: list[str], name: str = "plan.txt"):
    """A short plan with the given header block and numbered items, read end to end."""
    from ingest.pipeline import extract

    lines = [*header, "KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở năm 2026", "", "I. TỔ CHỨC THỰC HIỆN"]
    lines += [f"{k}. {item}" for k, item in enumerate(items, start=1)]
    lines += ["", "Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", "", "Nguyễn Văn Bình"]
    path = tmp_path / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return extract(path)


_COMMUNE_HEAD = ["ỦY BAN NHÂN DÂN", "XÃ ĐỨC PHỔ", "Số: 22/KH-UBND", "Đức Phổ, ngày 03 tháng 3 năm 2026", ""]
_HOSPITAL_HEAD = ["SỞ Y TẾ TỈNH QUẢNG TRỊ", "BỆNH VIỆN ĐA KHOA TỈNH", "Số: 61/KH-BVĐK", "Quảng Trị, ngày 08 tháng 01 năm 2026", ""]
_COMPANY_HEAD = ["CÔNG TY TNHH MTV", "KHAI THÁC THỦY LỢI NGHỆ AN", "Số: 09/KH-CTTL", "Nghệ An, ngày 06 tháng 01 năm 2026", ""]


@pytest.mark.parametrize(
    "header,item,lead,support,supervise",
    [
        # a commune's civil servants by post (probes of issue 22, an OCR'd commune plan): the
        # office's by the office, as the key of a real original does; the others as written
        (_COMMUNE_HEAD, "Công chức Văn phòng - Thống kê chủ trì, phối hợp với công chức Tư pháp - Hộ tịch niêm yết công khai các nội dung.",
         ["Văn phòng Ủy ban nhân dân xã"], ["Công chức Tư pháp - Hộ tịch"], []),
        (_COMMUNE_HEAD, "Công chức Văn hóa - Xã hội phối hợp với Đài truyền thanh xã tuyên truyền Luật Thực hiện dân chủ ở cơ sở.",
         ["Công chức Văn hóa - Xã hội"], ["Đài Truyền thanh xã"], []),
        # a hospital's plan: its board by the body it belongs to; its wards and offices by their heads
        (_HOSPITAL_HEAD, "Ban Thanh tra nhân dân Bệnh viện giám sát việc thực hiện Kế hoạch.", [], [], ["Ban Thanh tra nhân dân"]),
        (_HOSPITAL_HEAD, "Trưởng các khoa, phòng có trách nhiệm phổ biến Kế hoạch này đến viên chức, người lao động.", ["Các khoa", "Các phòng"], [], []),
        # a company's plan: a field's word after a dash is no head ("Tài vụ", not "Vụ"); its
        # enterprises named in the plural, up to the owner's words
        (_COMPANY_HEAD, "Công khai quỹ tiền lương, tiền thưởng: Phòng Kế toán - Tài vụ thực hiện trước ngày 31/3/2026.", ["Phòng Kế toán - Tài vụ"], [], []),
        (_COMPANY_HEAD, "Các Xí nghiệp thủy lợi trực thuộc tổ chức hội nghị người lao động ở cấp mình trong Quý I/2026.", ["Các Xí nghiệp thủy lợi"], [], []),
    ],
)
def test_bodies_of_communes_hospitals_and_companies_are_read_by_their_posts_and_units(tmp_path, header, item, lead, support, supervise):
    result = _one_plan(tmp_path, header, [item])
    got = [(result.written_names(t.lead), result.written_names(t.support), result.written_names(t.supervise)) for t in result.tasks]
    assert got == [(lead, support, supervise)]


def test_the_fields_a_plan_states_of_itself_are_no_work(tmp_path):
    # a Front committee's supervision plan (a probe of issue 22's issuers): what, whom and when it
    # supervises, each a numbered item — no body acts in them; the items after them are duties
    items = ["Nội dung: việc công khai thông tin; việc tổ chức để Nhân dân bàn, quyết định.", "Đối tượng: Ủy ban nhân dân 12 xã, phường.",
             "Thời gian, địa điểm: tháng 7 năm 2026, tại Hội trường Ủy ban nhân dân xã.", "Nội dung: Công an xã bảo đảm an ninh, trật tự.",
             "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã chuẩn bị hội trường."]
    result = _one_plan(tmp_path, _COMMUNE_HEAD, items)
    assert [(t.path, result.written_names(t.lead)) for t in result.tasks] == [("I.4", ["Công an xã"]), ("I.5", ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"])]


@pytest.mark.parametrize("end", [";", ":"])
def test_a_lettered_duty_with_parts_under_it_leads_them(tmp_path, end):
    # labels as some communes write them ("1)", "a.", "+"; a probe of issue 22): a whole sentence of
    # work over a part is a task of its own ("…;") and its part's subject that only joins in
    # supports the heading's body; under an introduction ("…:") the part has no lead (the keys'
    # reading of real plans, test_task_keys 3a2db0:V.3.a.1)
    lines = ["ỦY BAN NHÂN DÂN", "XÃ CẨM XUYÊN", "Số: 14/KH-UBND", "Cẩm Xuyên, ngày 08 tháng 02 năm 2026", "KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở năm 2026",
             "I- NHIỆM VỤ", "1) Về Nhân dân bàn và quyết định:", f"a. Các thôn tổ chức hội nghị để Nhân dân bàn và quyết định các công trình phúc lợi{end}",
             "+ Ban công tác Mặt trận các thôn phối hợp vận động Nhân dân tham gia.", "b. Phòng Kinh tế hướng dẫn các thôn lập dự toán công trình."]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    from ingest.pipeline import extract

    result = extract(path)
    got = [(t.path, result.written_names(t.lead), result.written_names(t.support)) for t in result.tasks]
    whole = [("I.1.a", ["Các thôn"], [])] if end == ";" else []
    part = ("I.1.a.1", ["Các thôn"] if end == ";" else [], ["Ban công tác Mặt trận các thôn"])
    assert got == [*whole, part, ("I.1.b", ["Phòng Kinh tế"], [])]


def test_a_lead_line_that_names_the_partners_too_keeps_them(tmp_path):
    # "Đơn vị thực hiện: X chủ trì; Y phối hợp." under "Nhiệm vụ 1: …" (a probe of issue 22's
    # labels): the partners the lead's own line names support the item
    lines = ["ỦY BAN NHÂN DÂN", "XÃ ĐÔNG SƠN", "Số: 31/KH-UBND", "Đông Sơn, ngày 04 tháng 3 năm 2026", "KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở năm 2026",
             "II. NHIỆM VỤ", "Nhiệm vụ 1: Tuyên truyền Luật Thực hiện dân chủ ở cơ sở.",
             "Đơn vị thực hiện: Phòng Văn hóa - Xã hội chủ trì; Ủy ban MTTQ Việt Nam xã phối hợp.", "Thời gian: Quý I/2026."]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    from ingest.pipeline import extract

    result = extract(path)
    got = [(t.path, result.written_names(t.lead), result.written_names(t.support), t.timeframe) for t in result.tasks]
    assert got == [("II.1", ["Phòng Văn hóa - Xã hội"], ["Ủy ban Mặt trận Tổ quốc Việt Nam xã"], "Quý I/2026")]


def test_a_units_proper_name_over_its_items_leads_them_though_the_gazetteer_lacks_it():
    """An association's boards over lettered duties ("1. Ban Tổ chức - Kiểm tra:", a probe of
    issue 22's Veterans' Association plan): a unit's proper name (a head, then a capitalised word;
    cues.yaml: named_unit_heads) names whom the items are for — where "2. Doanh nghiệp số" over
    its items is a topic; and a heading that ends in "các cơ sở Đoàn trực thuộc" is complete, no
    line cut after its owner word."""
    lines = ["HỘI CỰU CHIẾN BINH VIỆT NAM", "HỘI CCB TỈNH LÂM ĐỒNG", "Số: 21/KH-CCB", "Lâm Đồng, ngày 25 tháng 3 năm 2026", "",
             "KẾ HOẠCH", "Tham gia thực hiện dân chủ ở cơ sở năm 2026", "", "I. TỔ CHỨC THỰC HIỆN",
             "1. Ban Tổ chức - Kiểm tra:", "a) Chủ trì hướng dẫn Hội Cựu chiến binh các xã, phường triển khai Kế hoạch;",
             "b) Phối hợp với Văn phòng Hội tổng hợp kết quả.",
             "2. Doanh nghiệp số", "a) Tuyên truyền chuyển đổi số trong hội viên.",
             "3. Đoàn các xã, phường và các cơ sở Đoàn trực thuộc", "a) Xây dựng kế hoạch thực hiện."]
    tasks = {t.path: t for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks}
    assert [(tasks[p].lead, tasks[p].support) for p in ("I.1.a", "I.1.b")] == [(["Ban Tổ chức - Kiểm tra"], []), (["Ban Tổ chức - Kiểm tra"], ["Văn phòng Hội"])]
    assert tasks["I.2.a"].lead == []
    assert tasks["I.3.a"].lead == ["Đoàn các xã, phường", "Các cơ sở Đoàn trực thuộc"]


def test_the_same_level_beside_a_lead_the_heading_names_is_that_leads():
    """"Điều 7. Trách nhiệm của Ủy ban nhân dân các xã, phường" / "2. Phối hợp với Ủy ban Mặt trận
    Tổ quốc Việt Nam cùng cấp …" in a province's regulation (eleventh batch of probes): the
    communes' Front committees, not the province's — as when the subject is in the sentence.
    And an article's title over a duty that opens with its verb stays the title ("Điều 8. Đề nghị
    Ủy ban MTTQ tỉnh" / "Chỉ đạo Ban Thanh tra nhân dân …")."""
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH PHÚ THỌ", "Số: 25/2026/QĐ-UBND", "Phú Thọ, ngày 18 tháng 3 năm 2026", "", "QUYẾT ĐỊNH",
             "Ban hành Quy chế phối hợp", "", "QUYẾT ĐỊNH:", "", "Điều 7. Trách nhiệm của Ủy ban nhân dân các xã, phường",
             "1. Xây dựng kế hoạch thực hiện dân chủ ở cơ sở hằng năm.",
             "2. Phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam cùng cấp tổ chức hội nghị đối thoại với Nhân dân.", "",
             "Điều 8. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
             "Chỉ đạo Ban Thanh tra nhân dân các xã, phường giám sát việc thực hiện dân chủ ở cơ sở."]
    tasks = {t.path: t for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks}
    assert (tasks["Đ7.2"].lead, tasks["Đ7.2"].support) == (["Ủy ban nhân dân các xã, phường"], ["Ủy ban Mặt trận Tổ quốc Việt Nam các xã, phường"])
    assert tasks["Đ8"].lead == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]


def test_a_loose_paragraph_of_several_bodies_duties_is_a_task_each():
    """A TỔ CHỨC THỰC HIỆN written as one paragraph of sentences, each opening with its body and
    verb (twelfth batch of probes): each sentence is a task of its own, so the department that
    funds is not a lead of the monitoring the Home Affairs department was given."""
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH TÂY NINH", "Số: 120/KH-UBND", "Tây Ninh, ngày 11 tháng 3 năm 2026", "", "KẾ HOẠCH",
             "Thực hiện dân chủ ở cơ sở năm 2026", "", "I. TỔ CHỨC THỰC HIỆN",
             "Giao Sở Nội vụ là cơ quan thường trực, theo dõi, hướng dẫn việc thực hiện Kế hoạch; báo cáo Ủy ban nhân dân tỉnh trước ngày 05/12/2026. "
             "Sở Tài chính bố trí kinh phí thực hiện Kế hoạch theo quy định. Ủy ban nhân dân các xã, phường chủ động triển khai thực hiện."]
    tasks = [(t.lead, t.text[:20]) for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks]
    assert [lead for lead, _ in tasks] == [["Sở Nội vụ"], ["Sở Tài chính"], ["Ủy ban nhân dân các xã, phường"]]


def test_a_body_a_heading_names_supervises_when_its_duty_opens_with_supervision():
    """"Điều 10. Trách nhiệm của Ban Thanh tra nhân dân" / "Giám sát việc thực hiện Quy chế này."
    (a commune's regulation, thirteenth batch of probes): the board supervises, as "Ban Thanh tra
    nhân dân giám sát …" makes it; "Kiểm tra, giám sát …" under a heading stays its lead's work."""
    lines = ["ỦY BAN NHÂN DÂN", "XÃ HƯƠNG SƠN", "Số: 31/QĐ-UBND", "Hương Sơn, ngày 12 tháng 3 năm 2026", "", "QUY CHẾ",
             "Thực hiện dân chủ trong hoạt động của cơ quan", "", "Điều 9. Trách nhiệm của Ban Thanh tra nhân dân",
             "Giám sát việc thực hiện Quy chế này.", "", "Điều 10. Trách nhiệm của Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
             "Kiểm tra, giám sát việc công khai thông tin."]
    tasks = {t.path: (t.lead, t.supervise) for t, _ in extract_tasks(parse(normalize(lines)), PROVINCE).tasks}
    assert tasks["Đ9"] == ([], ["Ban Thanh tra nhân dân"])
    assert tasks["Đ10"] == (["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"], [])


@pytest.mark.parametrize(
    "heading,supervise,lead",
    [
        # a body asked over the duty that opens with "giám sát" watches over the work, in capitals
        # or not (as a subject "Đề nghị Ủy ban MTTQ … giám sát …" does)
        ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], []),
        ("ĐỀ NGHỊ ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], []),
        # a department told to watch ("Giám sát, theo dõi, đôn đốc …") monitors its own work (corpus de16a702…)
        ("Sở Tài chính", [], ["Sở Tài chính"]),
    ],
)
def test_a_body_asked_under_its_heading_to_watch_over_the_work_supervises(tmp_path, heading, supervise, lead):
    from ingest.pipeline import extract

    lines = ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 77/KH-UBND", "Lâm Đồng, ngày 15 tháng 3 năm 2026", "", "KẾ HOẠCH",
             "Thực hiện dân chủ ở cơ sở năm 2026", "", "III. TỔ CHỨC THỰC HIỆN", "1. Sở Nội vụ", "- Chủ trì hướng dẫn các xã, phường thực hiện.",
             f"2. {heading}", "- Giám sát việc thực hiện Kế hoạch.", "", "Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", "", "Trần Hồng Thái"]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = extract(path)
    task = next(t for t in result.tasks if t.path.startswith("III.2"))
    assert (result.written_names(task.supervise), result.written_names(task.lead)) == (supervise, lead)


@pytest.mark.parametrize("mark", ["", "**"], ids=["plain", "bold"])
def test_bodies_named_alone_over_their_dashes_head_them(tmp_path, mark):
    """A Word table of two columns with no header row (the body in the first cell, its duties as
    dashes in the second) reads as names alone over dashes (probes' so_y_te_kh_bang_doc); a name
    the gazetteer cannot read still heads its own dashes, not the entry's above."""
    from ingest.pipeline import extract

    lines = ["SỞ Y TẾ TỈNH ĐẮK LẮK", "Số: 12/KH-SYT", "Đắk Lắk, ngày 10 tháng 4 năm 2026", "KẾ HOẠCH", "Thực hiện dân chủ năm 2026",
             "II. PHÂN CÔNG NHIỆM VỤ", f"{mark}Văn phòng Sở{mark}", "- Chủ trì tham mưu Giám đốc Sở triển khai Kế hoạch.",
             "- Phối hợp với Công đoàn ngành Y tế tổ chức Hội nghị.", f"{mark}Phòng Nghiệp vụ Y{mark}", "- Chủ trì hướng dẫn công khai giá dịch vụ.",
             f"{mark}Các bệnh viện, trung tâm y tế trực thuộc Sở{mark}", "- Xây dựng kế hoạch thực hiện dân chủ tại đơn vị.",
             "Nơi nhận:", "- Lưu: VT.", "GIÁM ĐỐC", "Nguyễn Văn A"]
    path = tmp_path / "plan.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = extract(path)
    assert [(t.path, result.written_names(t.lead), result.written_names(t.support)) for t in result.tasks] == [
        ("II.1.1", ["Văn phòng Sở"], []), ("II.1.2", ["Văn phòng Sở"], ["Công đoàn ngành Y tế"]),
        ("II.2.1", ["Phòng Nghiệp vụ Y"], []), ("II.3.1", [], [])]
