"""ingest/resolve.py: the place each body belongs to, and one key per body."""
from __future__ import annotations

import pytest

from ingest.agencies import AgencyMention, Lexicon, split_agencies
from ingest.ids import NATIONAL
from ingest.jurisdiction import Jurisdiction
from ingest.resolve import jurisdiction_of

# a district's plan (seed 002: Ủy ban nhân dân huyện Vĩnh Linh, tỉnh Quảng Trị)
DISTRICT = Jurisdiction("Ủy ban nhân dân huyện Vĩnh Linh", "Ủy ban nhân dân huyện", "peoples_committee", "district", "Vĩnh Linh", "district", "Quảng Trị")


@pytest.mark.parametrize(
    "mention,place",
    [
        # a department (Sở) is the province's, whoever's plan names it
        (AgencyMention("Sở Nội vụ", "department", "Sở Nội vụ", 0, 9, entry="Sở Nội vụ"), "Quảng Trị"),
        # a district's own division and committee are the district's
        (AgencyMention("Phòng Nội vụ", "division", "Phòng Nội vụ", 0, 12, entry="Phòng Nội vụ"), "Vĩnh Linh"),
        (AgencyMention("Ủy ban nhân dân huyện", "peoples_committee", "UBND huyện", 0, 10, level="huyện", entry="Ủy ban nhân dân"), "Vĩnh Linh"),
        # a level word above the issuer's names the province
        (AgencyMention("Liên đoàn Lao động tỉnh", "trade_union", "Liên đoàn Lao động tỉnh", 0, 22, level="tỉnh", entry="Liên đoàn Lao động"), "Quảng Trị"),
        # a place the text writes wins
        (AgencyMention("Ủy ban nhân dân xã", "peoples_committee", "UBND xã Vĩnh Thủy", 0, 17, level="xã", place="Vĩnh Thủy", entry="Ủy ban nhân dân"), "Vĩnh Thủy"),
        # a ministry is national
        (AgencyMention("Bộ Nội vụ", "central_government", "Bộ Nội vụ", 0, 9, entry="Bộ Nội vụ"), "Việt Nam"),
        # a national body of another kind, by its gazetteer entry; a central body the gazetteer
        # does not know, by its kind
        (AgencyMention("Bộ Chính trị", "party_body", "Bộ Chính trị", 0, 12, entry="Bộ Chính trị"), "Việt Nam"),
        (AgencyMention("Cục Quản lý thị trường", "central_government", "Cục Quản lý thị trường", 0, 22), "Việt Nam"),
    ],
    ids=lambda v: v.name if isinstance(v, AgencyMention) else v,
)
def test_jurisdiction_of(mention, place):
    assert jurisdiction_of(mention, DISTRICT) == place


@pytest.mark.parametrize(
    "phrase,name",
    [
        # a recipient list and a task of the corpus (Government documents issued in Hà Nội)
        ("Tổng giám đốc: Đài truyền hình Việt Nam, Đài tiếng nói Việt Nam, Thông tấn xã Việt Nam", "Đài Tiếng nói Việt Nam"),
        ("phối hợp với Đài truyền hình Việt Nam, Tập đoàn Bưu chính Viễn thông Việt Nam", "Đài Truyền hình Việt Nam"),
        ("Ban Bí thư Trung ương Đảng; Ủy ban nhân dân tỉnh", "Ban Bí thư Trung ương Đảng"),
    ],
)
def test_a_national_body_a_list_names_is_the_countrys(phrase, name):
    """A national body named among others in a list belongs to the country, not to the place of
    the issuer whose text names it: the mention a list gives keeps its gazetteer entry."""
    mention = next(m for m in split_agencies(phrase) if m.name == name)
    assert jurisdiction_of(mention, DISTRICT) == NATIONAL


def test_a_district_plans_departments_are_its_provinces(extractions):
    """Seed 002 is Vĩnh Linh's (a district of Quảng Trị): its Sở Nội vụ is Quảng Trị's."""
    ex = extractions["002_740ba232e0108bc4.txt"]
    departments = [a for a in ex.agencies if a.kind == "department"]
    assert departments and {a.jurisdiction for a in departments} == {"Quảng Trị"}
    assert any(a.name == "Sở Nội vụ" for a in departments)


def test_the_issuer_is_an_agency_of_its_own_place(extractions):
    for name, ex in extractions.items():
        issuer = ex.agency_index[ex.document.issuer_key]
        assert ex.document.issuer is not None and ex.document.issuer.startswith(issuer.name), name
        assert issuer.jurisdiction == ex.document.place, name
        assert issuer.kind == ex.document.issuer_kind, name


def test_every_key_a_task_or_report_holds_is_an_agency_of_the_document(extractions):
    for name, ex in extractions.items():
        index = ex.agency_index
        assert len(index) == len(ex.agencies), name  # one record per key
        for t in ex.tasks:
            for key in [*t.lead, *t.support, *t.supervise, *t.others]:
                assert key in index, (name, t.path, key)
            assert not set(t.lead) & set(t.support), (name, t.path)  # a lead is not also a supporter
            assert len(t.lead) == len(set(t.lead)) and len(t.support) == len(set(t.support))
        for r in ex.reporting:
            for key in [*r.reporters, r.to, r.via]:
                assert key is None or key in index, (name, key)
        for key in ex.document.recipient_agencies:
            assert key in index, (name, key)


def test_known_and_generic_bodies_keep_their_flags(extractions):
    agencies = extractions["000_70211efbcc79a593.txt"].agencies
    by_name = {a.name: a for a in agencies}
    assert by_name["Sở Nội vụ"].known and not by_name["Sở Nội vụ"].generic
    umbrella = by_name["Các cơ quan, đơn vị, tổ chức, địa phương"]
    # "(gọi chung là các cơ quan, đơn vị, tổ chức, địa phương)": a group whose members the text lists
    assert umbrella.kind == "collective_group" and umbrella.generic
    members = {a.key: a for a in agencies if a.key in umbrella.members}
    # "Ủy ban nhân dân xã, phường" of the definition is the commune tier's committees, which tasks
    # name too: the gazetteer's body, known; the members named only there are not
    tier = next(m for m in members.values() if m.name == "Ủy ban nhân dân cấp xã")
    assert tier.known and tier.kind == "peoples_committee"
    assert len(members) >= 3 and all(not m.known for m in members.values() if m is not tier)


def test_the_recipients_leave_out_the_filing_line(extractions):
    for name, ex in extractions.items():
        shown = ex.names(ex.document.recipient_agencies)
        assert not any(n.lower().startswith(("lưu", "vt")) for n in shown), (name, shown)


@pytest.mark.parametrize(
    "level,place,expected",
    [
        ("xã", "Vĩnh Thủy", "commune"),
        ("các xã", "Vĩnh Thủy", "commune"),
        ("phường, xã", "Vĩnh Thủy", "commune"),
        ("huyện", "Vĩnh Linh", "district"),  # the issuer's own place: its level
        (None, "Vĩnh Linh", "district"),
        (None, "Cam Lộ", None),  # another place the text names without a level
    ],
)
def test_the_level_of_an_agencys_place(level, place, expected):
    from ingest.resolve import _place_level

    mention = AgencyMention("Ủy ban nhân dân", "peoples_committee", "UBND", 0, 10, level=level, place=place, entry="Ủy ban nhân dân")
    assert _place_level(mention, place, DISTRICT) == expected


def test_an_agency_of_a_commune_is_keyed_by_its_code_and_a_district_by_its_province():
    from ingest.resolve import AgencyTable

    table = AgencyTable(DISTRICT, Lexicon({}))
    commune = table.add(AgencyMention("Ủy ban nhân dân xã", "peoples_committee", "UBND xã Vĩnh Thủy", 0, 17, level="xã", place="Vĩnh Thủy", entry="Ủy ban nhân dân"))
    district = table.add(AgencyMention("Phòng Nội vụ", "division", "Phòng Nội vụ", 0, 12, entry="Phòng Nội vụ"))
    assert district == "quang-tri-vinh-linh/phong-noi-vu"
    assert commune.startswith("vinh-thuy-") and commune.split("/")[0].split("-")[-1].isdigit()
    assert table.refs[commune].jurisdiction == "Vĩnh Thủy" and table.refs[commune].known
    # the same body named twice is one record
    assert table.add(AgencyMention("Phòng Nội vụ", "division", "Phòng Nội vụ", 5, 17, entry="Phòng Nội vụ")) == district
    assert len(table.refs) == 2


def test_a_body_is_written_as_its_document_most_often_writes_it():
    from ingest.resolve import AgencyTable

    table = AgencyTable(DISTRICT, Lexicon({}))
    front = "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
    keys = {
        table.add(AgencyMention(front, "fatherland_front", surface, 0, len(surface), level="tỉnh"))
        for surface in ("Ủy ban MTTQ Việt Nam tỉnh", "Mặt trận Tổ quốc tỉnh", "Mặt trận Tổ quốc tỉnh")
    }
    assert len(keys) == 1
    union_key = table.add(AgencyMention("Liên đoàn Lao động tỉnh", "trade_union", "LĐLĐ tỉnh", 0, 10, level="tỉnh"))
    table.records()
    ref = table.refs[keys.pop()]
    assert (ref.name, ref.written) == (front, "Mặt trận Tổ quốc tỉnh")
    # each body counts its own spellings
    union = table.refs[union_key]
    assert union.written == "Liên đoàn Lao động tỉnh" and ref.written == "Mặt trận Tổ quốc tỉnh"


@pytest.mark.parametrize(
    "listed,tier",
    [
        # real lines: seed 002 ("Ủy ban nhân dân các xã, thị trấn"), a Quảng Trị directive ("Ủy ban
        # nhân dân các xã, phường, đặc khu Cồn Cỏ"), provincial plans ("UBND các xã, phường")
        ("Ủy ban nhân dân các xã, thị trấn", "Ủy ban nhân dân cấp xã"),
        ("Ủy ban nhân dân các xã, phường, đặc khu", "Ủy ban nhân dân cấp xã"),
        ("Ủy ban nhân dân các huyện, thị xã, thành phố", "Ủy ban nhân dân cấp huyện"),
        ("Ủy ban nhân dân các tỉnh, thành phố", "Ủy ban nhân dân cấp tỉnh"),
    ],
)
def test_the_bodies_of_a_tier_are_one_agency_whichever_units_a_plan_lists(listed, tier):
    """Plans write the same bodies as a tier ("cấp xã") and as the list of its units: one key,
    one name in the graph, and the document's own spelling kept as it writes it most often."""
    from ingest.resolve import AgencyTable

    table = AgencyTable(DISTRICT, Lexicon({}))
    level = listed.removeprefix("Ủy ban nhân dân ")
    by_list = table.add(AgencyMention(listed, "peoples_committee", listed, 0, len(listed), level=level, entry="Ủy ban nhân dân"))
    by_list_again = table.add(AgencyMention(listed, "peoples_committee", listed, 0, len(listed), level=level, entry="Ủy ban nhân dân"))
    by_tier = table.add(AgencyMention(tier, "peoples_committee", tier, 0, len(tier), level=tier.removeprefix("Ủy ban nhân dân "), entry="Ủy ban nhân dân"))
    assert by_list == by_list_again == by_tier
    table.records()
    assert (table.refs[by_tier].name, table.refs[by_tier].written) == (tier, listed)


def test_one_kind_of_unit_alone_is_not_its_tier():
    """"Ủy ban nhân dân các xã" may mean communes and not wards: it keeps its own key."""
    from ingest.resolve import AgencyTable

    table = AgencyTable(DISTRICT, Lexicon({}))
    communes = table.add(AgencyMention("Ủy ban nhân dân các xã", "peoples_committee", "UBND các xã", 0, 11, level="các xã", entry="Ủy ban nhân dân"))
    tier = table.add(AgencyMention("Ủy ban nhân dân cấp xã", "peoples_committee", "UBND cấp xã", 0, 11, level="cấp xã", entry="Ủy ban nhân dân"))
    assert communes != tier


def test_a_name_a_task_gives_without_its_mention_is_a_group_read_as_written():
    """A name the extractor handed over without a mention (a heading's group) is kept as the
    task wrote it: an unknown collective, and generic when its mention said so."""
    from ingest.resolve import AgencyTable

    table = AgencyTable(DISTRICT, Lexicon({}))
    vague = AgencyMention("Các cơ quan, đơn vị liên quan", "collective_group", "các cơ quan, đơn vị liên quan", 0, 29, known=False, generic=True)
    ref = table.refs[table.add(vague)]
    assert ref.generic and not ref.known and ref.kind == "collective_group"
    # shown under another name than its mention's (a commune's body named with its place)
    other = AgencyMention("Ủy ban nhân dân xã", "peoples_committee", "UBND xã Vĩnh Thủy", 0, 17, level="xã", place="Vĩnh Thủy")
    shown_key = table.add(other, "Ủy ban nhân dân xã Vĩnh Thủy")
    named_key = table.add(other, "Ủy ban nhân dân xã (đã sáp nhập)")
    table.records()
    shown, named = table.refs[shown_key], table.refs[named_key]
    assert (shown.name, shown.written) == ("Ủy ban nhân dân xã Vĩnh Thủy", "Ủy ban nhân dân xã Vĩnh Thủy")
    assert named.written == "Ủy ban nhân dân xã (đã sáp nhập)"  # a name the task chose is its written form


def test_supporters_reports_and_recipients_are_read_and_kept_apart(extractions):
    """What resolution keeps: the supporters a task names (30 in Vĩnh Long's plan), where a
    report goes and through whom, the recipients the 'Nơi nhận' lists."""
    vinh_long = extractions["000_70211efbcc79a593.txt"]
    assert sum(len(t.support) for t in vinh_long.tasks) >= 25
    iii_3_3 = next(t for t in vinh_long.tasks if t.path == "III.3.3")
    assert set(vinh_long.names(iii_3_3.support)) == {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ban Tuyên giáo và Dân vận Tỉnh ủy"}
    assert ("Ủy ban nhân dân tỉnh", "Sở Nội vụ") in {(vinh_long.name(r.to), vinh_long.name(r.via)) for r in vinh_long.reporting}
    vinh_linh = extractions["002_740ba232e0108bc4.txt"]
    assert {(vinh_linh.name(r.to), vinh_linh.name(r.via)) for r in vinh_linh.reporting} == {("Ủy ban nhân dân huyện", "Phòng Nội vụ")}
    assert vinh_linh.names(vinh_linh.document.recipient_agencies)[:2] == ["Sở Nội vụ", "Thường trực Huyện ủy"]
    # a recipient group the gazetteer does not know is kept only when it is a known kind of body
    can_tho = extractions["003_fcf3e25466826abb.txt"]
    recipients = [can_tho.agency_index[k] for k in can_tho.document.recipient_agencies]
    from ingest.agencies import names_a_kind

    assert all(a.known or a.kind != "collective_group" or names_a_kind(a.name) for a in recipients)
    assert not any(a.generic for a in recipients)
    assert "Bộ Nội vụ" in {a.name for a in recipients}


def test_a_groups_members_are_bodies_of_their_own_kind(extractions):
    vinh_long = extractions["000_70211efbcc79a593.txt"]
    umbrella = next(a for a in vinh_long.agencies if a.name == "Các cơ quan, đơn vị, tổ chức, địa phương")
    kinds = {vinh_long.agency_index[m].name: vinh_long.agency_index[m].kind for m in umbrella.members}
    assert kinds["Các doanh nghiệp nhà nước"] == "enterprise"
    assert kinds["Các cơ quan hành chính nhà nước, đơn vị sự nghiệp công lập"] == "collective_group"
    assert kinds["Ủy ban nhân dân cấp xã"] == "peoples_committee"  # a member that tasks name as well
    assert all(not vinh_long.agency_index[m].known for m in umbrella.members if vinh_long.agency_index[m].name != "Ủy ban nhân dân cấp xã")


LETTER = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH TUYÊN QUANG                          Độc lập - Tự do - Hạnh phúc
Số: 812/UBND-KT                     Tuyên Quang, ngày 05 tháng 3 năm 2026
V/v triển khai thực hiện dân chủ ở cơ sở

Kính gửi:
- Các Sở, ban, ngành tỉnh;
- Công an tỉnh;
- UBND các xã, phường.

Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:
1. Sở Nội vụ chủ trì, phối hợp với Ủy ban MTTQ Việt Nam tỉnh hướng dẫn tổ chức hội nghị nhân dân.
2. Các cơ quan, đơn vị liên quan phối hợp thực hiện./.
"""


def test_a_letters_addressees_include_the_groups_of_a_kind_it_names(tmp_path):
    # a dispatch as PDF text: "Các Sở, ban, ngành tỉnh" is whom it is sent to, as much as
    # "Công an tỉnh"; a group that names nobody in particular is not an addressee
    from ingest.pipeline import extract

    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    recipients = extract(path).to_json()["document"]["recipient_agencies"]
    assert recipients == ["Các sở, ban, ngành tỉnh", "Công an tỉnh", "Ủy ban nhân dân các xã, phường"]


def test_a_short_name_the_text_gives_one_body_keeps_that_bodys_kind(tmp_path):
    """"Hội đồng Thi đua - Khen thưởng ngành Y tế thành phố (gọi tắt là Hội đồng thi đua)" (corpus
    3a2db039…): the short name stands for one council, which is no collective of bodies."""
    from ingest.pipeline import extract

    plan = tmp_path / "quyet_dinh.md"
    plan.write_text(
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nSố: 12/QĐ-UBND\nCần Thơ, ngày 05 tháng 3 năm 2026\n\nQUYẾT ĐỊNH\nVề công tác thi đua\n\n"
        "QUYẾT ĐỊNH:\n\nĐiều 1. Hội đồng Thi đua - Khen thưởng ngành Y tế thành phố (gọi tắt là Hội đồng thi đua) có trách nhiệm "
        "tham mưu công tác khen thưởng.\n\nĐiều 2. Hội đồng thi đua có trách nhiệm tổng hợp kết quả thi đua hằng năm.\n",
        encoding="utf-8",
    )
    agencies = {a.name: a for a in extract(plan).agencies}
    council = agencies["Hội đồng Thi đua - Khen thưởng ngành Y tế thành phố"]
    assert council.kind != "collective_group" and not council.members
