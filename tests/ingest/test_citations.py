"""Legal-reference recognition on real snippets from the seed plans."""
from __future__ import annotations

import json
from functools import cache

import pytest
from gold import PLANS, REAL, load_gold

from ingest.citations import cited_document_spans, extract_refs
from ingest.jurisdiction import Jurisdiction, determine
from ingest.models import Document, Header, Line
from ingest.normalize import normalize
from ingest.readers import read
from ingest.structure import parse

VINH_LONG = Jurisdiction("Ủy ban nhân dân tỉnh Vĩnh Long", "Ủy ban nhân dân tỉnh", "peoples_committee", "province", "Vĩnh Long", "province", "Vĩnh Long")
VINH_LINH = Jurisdiction("Ủy ban nhân dân huyện Vĩnh Linh", "Ủy ban nhân dân huyện", "peoples_committee", "district", "Vĩnh Linh", "district", "Quảng Trị")


def refs_of(text: str, where: Jurisdiction = VINH_LONG, context: str = "body", title: str = "x"):
    line = Line(text, (1,))
    doc = Document(Header(title=title, title_line=99), [line] if context == "preamble" else [], [], [], None, {}, [Line(title, (99,)), line])
    refs, warnings = extract_refs(doc, where)
    return {r.id: r for r in refs}, warnings


# (snippet, where, context, expected {id: (relation, date, issuer)})
CASES = [
    (
        # a purpose clause before the cue, set off by its comma: the cue governs (a directive's
        # opening, probes' tinh_08_ct_docx); the purpose alone cites ("theo" is no opening cue)
        "Để khắc phục những hạn chế nêu trên, thực hiện Chỉ thị số 35-CT/TU ngày 02/3/2026 của Ban Thường vụ Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:",
        VINH_LINH, "preamble",
        {"35-CT/TU@Quảng Trị/2026": ("implements", "2026-03-02", "Ban Thường vụ Tỉnh ủy")},
    ),
    (
        "Nhằm nâng cao hiệu quả công tác năm 2026, theo Kế hoạch số 12/KH-UBND ngày 02/3/2026 của UBND tỉnh, UBND huyện ban hành Kế hoạch như sau:",
        VINH_LINH, "preamble",
        {"12/KH-UBND@Quảng Trị/2026": ("cites", "2026-03-02", "Ủy ban nhân dân tỉnh Quảng Trị")},
    ),
    (
        # a second document joined by "và" after the first's description, with its own date and
        # issuer, is another object of the opening, not of that description (a probe of issue 22's
        # openings; corpus decisions read "Căn cứ Nghị định A … về X và Nghị định B ngày … của Chính phủ …")
        "Thực hiện Kế hoạch số 18/KH-UBND ngày 17/01/2025 của UBND tỉnh về thực hiện dân chủ ở cơ sở năm 2025 và Hướng dẫn số 08/HD-SNV ngày 20/01/2025 của Sở Nội vụ, UBND huyện xây dựng Kế hoạch thực hiện như sau:",
        VINH_LINH, "preamble",
        {"18/KH-UBND@Quảng Trị/2025": ("implements", "2025-01-17", "Ủy ban nhân dân tỉnh Quảng Trị"), "08/HD-SNV@Quảng Trị/2025": ("implements", "2025-01-20", "Sở Nội vụ tỉnh Quảng Trị")},
    ),
    (
        "Thực hiện Nghị quyết số 47/2025/NQ-HĐND ngày 22/12/2025 của Hội đồng nhân dân tỉnh ban hành Quy định các biện pháp",
        VINH_LONG, "preamble",
        {"47/2025/NQ-HĐND": ("implements", "2025-12-22", "Hội đồng nhân dân tỉnh Vĩnh Long")},
    ),
    (
        "Thực hiện Kế hoạch số 18/KH-UBND ngày 17/01/2025 của UBND tỉnh về thực hiện công tác dân chủ ở cơ sở năm 2025, UBND huyện ban hành Kế hoạch",
        VINH_LINH, "preamble",
        {"18/KH-UBND@Quảng Trị/2025": ("implements", "2025-01-17", "Ủy ban nhân dân tỉnh Quảng Trị")},
    ),
    (
        "Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022, Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở; Văn phòng UBND tỉnh xây dựng Kế hoạch",
        VINH_LONG, "preamble",
        {"10/2022/QH15": ("based_on", None, "Quốc hội"), "59/2023/NĐ-CP": ("based_on", "2023-08-14", "Chính phủ")},
    ),
    (
        # enumeration sharing a tail: the date and issuer belong to both
        "Phối hợp thực hiện nghiêm túc Quyết định số 217-QĐ/TW; Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị về Quy chế giám sát",
        VINH_LINH, "body",
        {"217-QĐ/TW": ("cites", "2013-12-12", "Bộ Chính trị"), "218-QĐ/TW": ("cites", "2013-12-12", "Bộ Chính trị")},
    ),
    (
        # PDF break inside a Party symbol, re-joined as "120- KL/TW" or "120-KL/TW"
        "trọng tâm là: Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị (khóa XI), Luật Thực hiện dân chủ ở cơ sở",
        VINH_LONG, "body",
        {"120-KL/TW": ("cites", "2016-01-07", "Bộ Chính trị"), "10/2022/QH15": ("cites", None, "Quốc hội")},
    ),
    (
        "Thực hiện Nghị quyết số 65/NQ-HĐND ngày 12 tháng 12 năm 2024 của Hội đồng nhân dân thành phố về việc ban hành các biện pháp",
        Jurisdiction("Ủy ban nhân dân thành phố Cần Thơ", "Ủy ban nhân dân thành phố", "peoples_committee", "city", "Cần Thơ", "city", "Cần Thơ"),
        "preamble",
        {"65/NQ-HĐND@Cần Thơ/2024": ("implements", "2024-12-12", "Hội đồng nhân dân thành phố Cần Thơ")},
    ),
    (
        # an item of the opening that starts with its own cue takes that cue's relation
        "Thực hiện Nghị quyết số 65/NQ-HĐND ngày 12/12/2024 của Hội đồng nhân dân thành phố; căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ, Ủy ban nhân dân thành phố ban hành Kế hoạch",
        Jurisdiction("Ủy ban nhân dân thành phố Cần Thơ", "Ủy ban nhân dân thành phố", "peoples_committee", "city", "Cần Thơ", "city", "Cần Thơ"),
        "preamble",
        {"65/NQ-HĐND@Cần Thơ/2024": ("implements", "2024-12-12", "Hội đồng nhân dân thành phố Cần Thơ"), "59/2023/NĐ-CP": ("based_on", "2023-08-14", "Chính phủ")},
    ),
    (
        "Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị quy định về trách nhiệm của người đứng đầu",
        VINH_LINH, "body",
        {"11-QĐi/TW": ("cites", "2019-02-18", "Bộ Chính trị")},
    ),
    (
        # without "số", no date, no issuer: keyed with "?" for the year and, as a local
        # document, with the citing document's own place
        "Nghị quyết 20/NQ-HĐND và kế hoạch này",
        Jurisdiction("Ủy ban nhân dân xã Nghi Dương", "Ủy ban nhân dân xã", "peoples_committee", "commune", "Nghi Dương", "commune", None),
        "body",
        {"20/NQ-HĐND@Nghi Dương/?": ("cites", None, "Hội đồng nhân dân")},
    ),
    (
        # the Government numbers a 2025 series of resolutions under one number (a Prime Minister's
        # dispatch, corpus 344b9eec…): "66.7", not "7"
        "Chính phủ đã ban hành Nghị quyết số 66.7/2025/NQ-CP ngày 15 tháng 11 năm 2025 quy định cắt giảm, đơn giản hóa thủ tục hành chính",
        VINH_LONG, "body",
        {"66.7/2025/NQ-CP": ("cites", "2025-11-15", "Chính phủ")},
    ),
]


@pytest.mark.parametrize("text,where,context,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_reference_recognition(text, where, context, expected):
    found, _ = refs_of(text, where, context)
    assert set(found) == set(expected)
    for doc_id, (relation, date, issuer) in expected.items():
        r = found[doc_id]
        assert (r.relation, r.date, r.issuer) == (relation, date, issuer)
        assert r.mentions and r.mentions[0].quote


def test_conflicting_dates_are_kept_with_a_warning(extractions):
    ex = extractions["001_eb4faafb2f2e4644.txt"]
    ref = next(r for r in ex.legal_refs if r.relation == "implements")
    assert ref.dates_in_text == ["2025-12-19", "2025-12-11"]
    assert "20/NQ-HĐND is dated differently in the text: 2025-12-19 (line 9), 2025-12-11 (line 11); kept 2025-12-19" in ex.warnings


def test_mentions_carry_line_and_quote(extractions):
    ex = extractions["000_70211efbcc79a593.txt"]
    ref = next(r for r in ex.legal_refs if r.id == "61/2023/NĐ-CP")
    assert [m.line for m in ref.mentions] == [166]
    assert "hương ước, quy ước" in ref.mentions[0].quote


def test_symbol_inside_a_word_is_not_a_reference():
    found, _ = refs_of("mã số 123/ABC không phải văn bản; tỷ lệ 10/2022 không phải ký hiệu")
    assert found == {}


def test_a_forms_code_is_no_reference_but_the_document_that_issues_it_is():
    # an election committee's plan (originals ce6e4e, a DOCX): the forms' codes look like symbols
    found, _ = refs_of("Hội nghị thông qua biên bản (theo Mẫu số 01/BCĐBHĐND-MT và Mẫu số 05/BCĐBHĐND-MT ban hành kèm theo "
                       "Nghị quyết liên tịch số 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN).")
    assert list(found) == ["102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN"]
    found, _ = refs_of("Thực hiện Kế hoạch số 16/KH-MTTQ-BTT ngày 10/01/2026 và báo cáo theo biểu số 02/BC-UBND.")
    assert [k.split("@")[0] for k in found] == ["16/KH-MTTQ-BTT"]


@cache
def _answer_keys() -> dict:
    """Document path -> its answer key: the seeds' and the real plans' (read when first asked)."""
    keys = {PLANS / d["file"]: d for d in load_gold()["documents"]}
    for line in (REAL / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            keys[REAL / d["file"]] = d
    return keys


@cache
def _known_differences() -> dict:
    return json.loads((REAL / "references_known_differences.json").read_text(encoding="utf-8"))


KEYED = sorted(PLANS.glob("*.txt")) + sorted(p for p in REAL.glob("*.md") if p.name != "README.md")


@pytest.mark.parametrize("path", KEYED, ids=lambda p: p.name[:16])
def test_every_reference_of_a_plan_as_its_answer_key_has_it(path):
    """Each seed and real plan's references (document, relation, date, type) exactly as its answer
    key gives them, but for the differences listed in references_known_differences.json with
    their reason: a change that gains or loses one reference anywhere is seen here."""
    doc = parse(normalize(read(path)))
    refs, _ = extract_refs(doc, determine(doc))
    mine = {(r.id, r.relation, r.date, r.type) for r in refs}
    theirs = {(r["id"], r["relation"], r.get("date"), r.get("type")) for r in _answer_keys()[path]["legal_refs"]}
    known = _known_differences().get(path.name, {})
    assert mine - theirs == {tuple(x) for x in known.get("read_not_in_key", [])}
    assert theirs - mine == {tuple(x) for x in known.get("in_key_not_read", [])}


# (snippet, {id: (type, issuer, subject)}): what each reference is, beside where it stands
WHAT = [
    # a law by its name: the registry gives its symbol, the Assembly is its issuer
    ("Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;", {"10/2022/QH15": ("Luật", "Quốc hội", None)}),
    # laws by name and year the registry does not know, each its own document
    ("theo quy định của Luật Thú y năm 2015 và Luật Chăn nuôi năm 2018",
     {"Luật Thú y năm 2015": ("Luật", "Quốc hội", None), "Luật Chăn nuôi năm 2018": ("Luật", "Quốc hội", None)}),
    # by its symbol alone: an Assembly code makes it a law, a Government code a decree
    ("theo 15/2023/QH15", {"15/2023/QH15": ("Luật", "Quốc hội", None)}),
    ("Luật số 15/2023/QH15 và Nghị định số 59/2023/NĐ-CP quy định chi tiết",
     {"15/2023/QH15": ("Luật", "Quốc hội", None), "59/2023/NĐ-CP": ("Nghị định", "Chính phủ", "quy định chi tiết")}),
    # the Assembly's Standing Committee writes its term after its code
    ("Nghị quyết số 60/2024/UBTVQH15 ngày 01/10/2024 về việc sắp xếp", {"60/2024/UBTVQH15": ("Nghị quyết", "Ủy ban Thường vụ Quốc hội", "về việc sắp xếp")}),
    ("Pháp lệnh số 34/2007/PL-UBTVQH11 về thực hiện dân chủ ở xã, phường, thị trấn",
     {"34/2007/PL-UBTVQH11": ("Pháp lệnh", "Ủy ban Thường vụ Quốc hội", "về thực hiện dân chủ ở xã, phường, thị trấn")}),
    # by its symbol alone: the Standing Committee's code makes it a resolution; a letter's code
    # ("GM", an invitation) that names no genre makes it an official letter
    ("theo 60/2024/UBTVQH15", {"60/2024/UBTVQH15": ("Nghị quyết", "Ủy ban Thường vụ Quốc hội", None)}),
    ("theo giấy mời 45/GM-UBND", {"45/GM-UBND@Vĩnh Linh/?": ("Công văn", "Ủy ban nhân dân", None)}),
    # a letter's symbol opens with its issuer's code, then the unit that drafted it
    ("theo Công văn số 574/UBND-NC ngày 02/02/2025 về triển khai", {"574/UBND-NC@Vĩnh Linh/2025": ("Công văn", "Ủy ban nhân dân", "về triển khai")}),
    ("theo Công văn số 1230/MĐV-ATMT ngày 02/02/2026", {"1230/MĐV-ATMT@Vĩnh Linh/2026": ("Công văn", None, None)}),
    # a list's type word names the next symbol too when that symbol's code names no genre
    ("Các Kế hoạch số 12/KHPH-UBND ngày 01/02/2025 và số 13/KHPH-UBND ngày 02/02/2025",
     {"12/KHPH-UBND@Vĩnh Linh/2025": ("Kế hoạch", "Ủy ban nhân dân", None), "13/KHPH-UBND@Vĩnh Linh/2025": ("Kế hoạch", "Ủy ban nhân dân", None)}),
    # … but not over a code that names one; and "văn bản" says a document is meant, its code which
    ("tại các văn bản số 554/TTr-BCA ngày 12/9/2025, số 2529/BC-BCA ngày 03/10/2025",
     {"554/TTr-BCA": ("Tờ trình", "Bộ Công an", None), "2529/BC-BCA": ("Báo cáo", "Bộ Công an", None)}),
    ("của Ban Bí thư tại văn bản số 213-KL/TW ngày 21/11/2025", {"213-KL/TW": ("Kết luận", "Ban Chấp hành Trung ương Đảng", None)}),
    # the word before a symbol names its genre where both do ("Quy định" of the Party is coded QĐ)
    ("Quy định số 178-QĐ/TW ngày 27/6/2024 của Bộ Chính trị về kiểm soát quyền lực",
     {"178-QĐ/TW": ("Quy định", "Bộ Chính trị", "về kiểm soát quyền lực")}),
    # what it is about runs from its subject word to the end of its item
    ("Thực hiện Kế hoạch số 18/KH-UBND ngày 17/01/2025 của UBND tỉnh về thực hiện công tác dân chủ ở cơ sở năm 2025, UBND huyện ban hành Kế hoạch",
     {"18/KH-UBND@Quảng Trị/2025": ("Kế hoạch", "Ủy ban nhân dân tỉnh Quảng Trị", "về thực hiện công tác dân chủ ở cơ sở năm 2025")}),
    # … from its first word, when it follows the issuer at once: the issuer's name stops there
    ("Căn cứ Nghị định số 146/2025/NĐ-CP ngày 12/6/2025 của Chính phủ quy định về phân quyền, phân cấp trong lĩnh vực công nghiệp;",
     {"146/2025/NĐ-CP": ("Nghị định", "Chính phủ", "quy định về phân quyền, phân cấp trong lĩnh vực công nghiệp")}),
    # … and in capitals where the title was copied so
    ("Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ Phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư;",
     {"06/QĐ-TTg": ("Quyết định", "Thủ tướng Chính phủ", "Phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư")}),
    # a law named inside that subject is a reference of its own
    ("Căn cứ Nghị định số 81/2018/NĐ-CP ngày 22/5/2018 của Chính phủ quy định chi tiết Luật Thương mại về hoạt động xúc tiến thương mại;",
     {"81/2018/NĐ-CP": ("Nghị định", "Chính phủ", "quy định chi tiết Luật Thương mại về hoạt động xúc tiến thương mại"), "Luật Thương mại": ("Luật", "Quốc hội", None)}),
]


@pytest.mark.parametrize("text,expected", WHAT, ids=[t[:40] for t, _ in WHAT])
def test_each_reference_says_what_it_is(text, expected):
    found, _ = refs_of(text, VINH_LINH)
    assert {k: (r.type, r.issuer, r.subject) for k, r in found.items()} == expected


# (line of a real original, context, {id: (relation, date, type)}): codes and laws by their
# title (data/registry/law_titles.yaml), with the commas and "và" inside a title, the acts that
# amend them, the usual abbreviations, and national technical regulations by their symbol
TITLED = [
    # a town's regulation (PDF): a title with a comma, an amending act naming two laws, a date
    # with no "ngày", a slip of the keyboard in "sữa đổi"
    ("Căn cứ Luật cán bộ, công chức ngày 13/11/2008 ; Luật sữa đổi, bổ sung một số điều của Luật cán bộ, "
     "công chức và Luật viên chức 6/12/2019;", "preamble",
     {"Luật cán bộ, công chức năm 2008": ("based_on", "2008-11-13", "Luật"),
      "Luật sửa đổi, bổ sung một số điều của Luật cán bộ, công chức và Luật viên chức năm 2019": ("based_on", "2019-12-06", "Luật")}),
    # a fee decision (PDF): "và" inside a title; a code ("Bộ luật")
    ("Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015; Bộ luật Lao động ngày 20 tháng 11 năm 2019;", "preamble",
     {"Luật Phí và lệ phí năm 2015": ("based_on", "2015-11-25", "Luật"), "Bộ luật Lao động năm 2019": ("based_on", "2019-11-20", "Luật")}),
    # a planning decision (PDF): an act amending "37 laws", then a law dated by its day alone
    ("Luật sửa đổi, bổ sung một số điều của 37 Luật có liên quan đến quy hoạch ngày 20/11/2018; Luật Kiến trúc ngày 13/6/2019;", "body",
     {"Luật sửa đổi, bổ sung một số điều của 37 Luật có liên quan đến quy hoạch năm 2018": ("cites", "2018-11-20", "Luật"),
      "Luật Kiến trúc năm 2019": ("cites", "2019-06-13", "Luật")}),
    ("Căn cứ Luật Tổ chức chính quyền địa phương 19/02/2025;", "preamble",
     {"Luật Tổ chức chính quyền địa phương năm 2025": ("based_on", "2025-02-19", "Luật")}),
    # an election plan (DOCX): the opening carries out both laws, each title holding "và"
    ("Thực hiện Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân ngày 25 tháng 6 năm 2015 và Luật sửa đổi, "
     "bổ sung một số điều của Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân ngày 24 tháng 6 năm 2025;", "preamble",
     {"Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân năm 2015": ("implements", "2015-06-25", "Luật"),
      "Luật sửa đổi, bổ sung một số điều của Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân năm 2025": ("implements", "2025-06-24", "Luật")}),
    # a plan (Markdown): one law written two ways is one document, under its first writing
    ("theo quy định của Luật Thi đua, khen thưởng; kinh phí theo quy định của Luật Thi đua khen thưởng và Luật Ngân sách Nhà nước.", "body",
     {"Luật Thi đua, khen thưởng": ("cites", None, "Luật"), "Luật Ngân sách Nhà nước": ("cites", None, "Luật")}),
    # abbreviations written out; a title named again without its year is the dated one
    ("Căn cứ Luật Ban hành văn bản QPPL năm 2025; theo Luật NSNN năm 2025 và Luật Ngân sách nhà nước", "preamble",
     {"Luật Ban hành văn bản quy phạm pháp luật năm 2025": ("based_on", None, "Luật"),
      "Luật Ngân sách nhà nước năm 2025": ("based_on", None, "Luật")}),
    # old tone marks; "pháp luật đất đai" is the law of a field, not the Law on Land
    ("Căn cứ Luật Thuỷ sản năm 2017; theo quy định của pháp luật đất đai", "preamble",
     {"Luật Thủy sản năm 2017": ("based_on", None, "Luật")}),
    # a Party congress's resolution has no symbol: the national one by its full name however
    # shortened, a province's Party organisation's as written
    ("Thực hiện Nghị quyết đại hội lần thứ XIII của Đảng; Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX;", "preamble",
     {"Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng": ("implements", None, "Nghị quyết"),
      "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX": ("implements", None, "Nghị quyết")}),
    # a title its number follows is that number's law, not a second law of its first words
    ("Căn cứ Luật Quản lý, sử dụng tài sản công số 15/2017/QH14 được sửa đổi, bổ sung bởi Luật số 56/2024/QH15;", "preamble",
     {"15/2017/QH14": ("based_on", None, "Luật"), "56/2024/QH15": ("based_on", None, "Luật")}),
    # a law named without its number after the text cited it by title and number is that law
    # (a Hà Nội council resolution, shared/real/other 98b67fb1…): the amending act's title holds
    # the law it amends, which is the one cited by its own number
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15; Luật sửa đổi, bổ sung một số điều của Luật Ban hành "
     "văn bản quy phạm pháp luật số 87/2025/QH15; Luật Thú y số 79/2015/QH13; Nghị định số 35/2016/NĐ-CP quy định chi tiết "
     "một số điều của Luật Thú y; theo Luật Ban hành văn bản quy phạm pháp luật", "preamble",
     {"64/2025/QH15": ("based_on", None, "Luật"), "87/2025/QH15": ("based_on", None, "Luật"), "79/2015/QH13": ("based_on", None, "Luật"),
      "35/2016/NĐ-CP": ("based_on", None, "Nghị định")}),
    # a date written with dashes, or after the issuer
    ("Căn cứ Quyết định số 411/QĐ-TTg của Thủ tướng Chính phủ ngày 31/3/2022 phê duyệt Chiến lược quốc gia; "
     "Quyết định số 1002/QĐ-TTg ngày 24-5-2025 phê duyệt Đề án", "preamble",
     {"411/QĐ-TTg": ("based_on", "2022-03-31", "Quyết định"), "1002/QĐ-TTg": ("based_on", "2025-05-24", "Quyết định")}),
    # "Luật" alone, then a small word, is the law just named, no title of its own (probes'
    # tinh_qd_215_kem_kh: "đ" is in the range "À-Ỹ", no capital for all that)
    ("Căn cứ Luật Tổ chức chính quyền địa phương năm 2025; tổ chức tuyên truyền Luật đến cán bộ, công chức", "preamble",
     {"Luật Tổ chức chính quyền địa phương năm 2025": ("based_on", None, "Luật")}),
    # a planning decision (PDF): national technical regulations, an amendment to one among them
    ("theo quy định tại QCVN 13:2018/BXD; QCVN06:2022/BXD; Sửa đổi 1:2023 QCVN 06:2022/BXD và các quy định", "body",
     {"QCVN 13:2018/BXD": ("cites", None, "Quy chuẩn kỹ thuật quốc gia"),
      "QCVN 06:2022/BXD": ("cites", None, "Quy chuẩn kỹ thuật quốc gia"),
      "Sửa đổi 1:2023 QCVN 06:2022/BXD": ("cites", None, "Quy chuẩn kỹ thuật quốc gia")}),
]


@pytest.mark.parametrize("text,context,expected", TITLED, ids=[t[:40] for t, _, _ in TITLED])
def test_a_law_is_read_by_its_whole_title_and_a_regulation_by_its_symbol(text, context, expected):
    found, _ = refs_of(text, VINH_LINH, context)
    assert {k: (r.relation, r.date, r.type) for k, r in found.items()} == expected


def test_a_regulation_is_issued_by_the_ministry_its_symbol_names():
    found, _ = refs_of("thay thế QCVN 40:2011/BTNMT (đã hết hiệu lực) bằng QCVN 40:2025/BTNMT - Quy chuẩn kỹ thuật quốc gia về nước thải", VINH_LINH)
    assert {k: r.issuer for k, r in found.items()} == {
        "QCVN 40:2011/BTNMT": "Bộ Tài nguyên và Môi trường", "QCVN 40:2025/BTNMT": "Bộ Tài nguyên và Môi trường"}


def test_a_mention_is_quoted_by_its_sentence_and_a_document_keeps_its_first_subject():
    text = (
        "Năm 2024 đã tổ chức tốt. Thực hiện Nghị quyết số 47/2025/NQ-HĐND ngày 22/12/2025 của HĐND tỉnh ban hành Quy định các biện pháp; "
        "Nghị quyết số 47/2025/NQ-HĐND ngày 22/12/2025 về việc khác. Còn lại."
    )
    ref = refs_of(text, VINH_LINH)[0]["47/2025/NQ-HĐND"]
    assert [m.quote for m in ref.mentions] == [
        "Thực hiện Nghị quyết số 47/2025/NQ-HĐND ngày 22/12/2025 của HĐND tỉnh ban hành Quy định các biện pháp;",
        "Nghị quyết số 47/2025/NQ-HĐND ngày 22/12/2025 về việc khác.",
    ]
    assert ref.subject == "ban hành Quy định các biện pháp"


def test_a_quote_is_the_mentions_own_sentence_or_a_window_around_it():
    first = "Thực hiện Nghị quyết số 47/2025/NQ-HĐND ngày 22/12/2025 của HĐND tỉnh. Năm 2024 đã tổ chức tốt. Năm 2025 tiếp tục."
    assert refs_of(first, VINH_LINH)[0]["47/2025/NQ-HĐND"].mentions[0].quote == "Thực hiện Nghị quyết số 47/2025/NQ-HĐND ngày 22/12/2025 của HĐND tỉnh."
    later = "Năm 2024 đã tổ chức tốt. Năm 2025 tiếp tục. Căn cứ Nghị định số 59/2023/NĐ-CP của Chính phủ; xây dựng kế hoạch. Hết."
    assert refs_of(later, VINH_LINH)[0]["59/2023/NĐ-CP"].mentions[0].quote == "Căn cứ Nghị định số 59/2023/NĐ-CP của Chính phủ;"
    # a sentence of more than 400 characters is quoted by the 150 before and 200 after the mention
    before, after = "a" * 300, "b" * 300
    text = f"{before} Nghị định số 59/2023/NĐ-CP {after}."
    quote = refs_of(text, VINH_LINH)[0]["59/2023/NĐ-CP"].mentions[0].quote
    assert quote == "a" * 149 + " Nghị định số 59/2023/NĐ-CP " + "b" * 199


def test_each_document_an_opening_lists_is_implemented_with_its_own_subject():
    text = (
        "Thực hiện Nghị quyết số 47/2025/NQ-HĐND ngày 22/12/2025 của HĐND tỉnh về ban hành các biện pháp, "
        "Kế hoạch số 18/KH-UBND ngày 17/01/2025 của UBND tỉnh về thực hiện dân chủ ở cơ sở và "
        "Công văn số 574/UBND-NC ngày 02/02/2025 của UBND tỉnh về triển khai, UBND huyện ban hành Kế hoạch"
    )
    found = refs_of(text, VINH_LINH, "preamble")[0]
    assert {k: (r.relation, r.subject) for k, r in found.items()} == {
        "47/2025/NQ-HĐND": ("implements", "về ban hành các biện pháp"),
        "18/KH-UBND@Quảng Trị/2025": ("implements", "về thực hiện dân chủ ở cơ sở"),
        "574/UBND-NC@Quảng Trị/2025": ("implements", "về triển khai"),
    }


def test_an_item_after_a_semicolon_is_the_openings_even_right_after_a_nested_symbol():
    # the law is named inside the plan's description; the resolution after ";" is the next item
    text = ("Thực hiện Kế hoạch số 18/KH-UBND ngày 17/01/2025 của UBND tỉnh về triển khai Luật số 10/2022/QH15; "
            "Nghị quyết số 47/2025/NQ-HĐND ngày 22/12/2025 của HĐND tỉnh, UBND huyện ban hành Kế hoạch")
    found = refs_of(text, VINH_LINH, "preamble")[0]
    assert {k: r.relation for k, r in found.items()} == {
        "18/KH-UBND@Quảng Trị/2025": "implements", "47/2025/NQ-HĐND": "implements", "10/2022/QH15": "cites"}


def test_a_title_implements_only_what_it_carries_out():
    carried = refs_of("x", VINH_LINH, title="Kế hoạch triển khai Nghị quyết số 47/2025/NQ-HĐND ngày 22/12/2025")[0]
    assert carried["47/2025/NQ-HĐND"].relation == "implements"
    reviewed = refs_of("x", VINH_LINH, title="Kế hoạch tổ chức sơ kết Nghị quyết số 47/2025/NQ-HĐND ngày 22/12/2025")[0]
    assert reviewed["47/2025/NQ-HĐND"].relation == "cites"


def test_the_programme_a_plan_carries_out_is_implemented_and_a_proposal_for_it_is_not():
    opening = (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; "
        "Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ Phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử; "
        "Theo đề nghị của Giám đốc Công an tỉnh tại Tờ trình số 45/TTr-CAT ngày 01/3/2025 về việc ban hành Kế hoạch triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử."
    )
    title = "Ban hành Kế hoạch triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử năm 2025"
    found = refs_of(opening, VINH_LINH, "preamble", title=title)[0]
    assert {k: r.relation for k, r in found.items()} == {
        "Luật Tổ chức chính quyền địa phương năm 2025": "based_on",
        "06/QĐ-TTg": "implements",
        "45/TTr-CAT@Vĩnh Linh/2025": "cites",
    }


def test_a_tail_is_shared_backwards_only_with_the_symbol_just_before_it():
    found = refs_of("Nghị quyết số 12/NQ-HĐND ngày 01/3/2025 của HĐND tỉnh và Nghị quyết số 13/NQ-HĐND", VINH_LINH)[0]
    assert {k: r.date for k, r in found.items()} == {"12/NQ-HĐND@Quảng Trị/2025": "2025-03-01", "13/NQ-HĐND@Vĩnh Linh/?": None}
    # a law named without a symbol takes no date from the law after it
    found = refs_of("Luật Đất đai năm 2024 và Luật số 15/2023/QH15 ngày 01/01/2023", VINH_LINH)[0]
    assert {k: r.date for k, r in found.items()} == {"Luật Đất đai năm 2024": None, "15/2023/QH15": "2023-01-01"}


def test_a_law_by_name_has_its_registered_symbol_and_its_line():
    found = refs_of("Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10/11/2022 và Luật Thú y năm 2015", VINH_LINH, "preamble")[0]
    assert {k: (r.symbol, [m.line for m in r.mentions]) for k, r in found.items()} == {
        "10/2022/QH15": ("10/2022/QH15", [1]), "Luật Thú y năm 2015": (None, [1])}


def test_a_cited_documents_span_runs_from_its_symbol_through_its_issuer():
    text = "Giao Sở Nội vụ thực hiện Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh, báo cáo kết quả."
    assert [text[a:b] for a, b in cited_document_spans(text)] == ["1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh"]
    undated = "theo Kế hoạch số 18/KH-UBND của UBND tỉnh; báo cáo."
    assert [undated[a:b] for a, b in cited_document_spans(undated)] == ["18/KH-UBND của UBND tỉnh"]
    assert cited_document_spans("theo Kế hoạch số 18/KH-UBND ngày 17/01/2025; báo cáo.") == []


_DECISION_WITH_PLAN = [
    "ỦY BAN NHÂN DÂN", "TỈNH VĨNH LONG", "Số: 12/QĐ-UBND", "Vĩnh Long, ngày 05 tháng 3 năm 2026", "", "QUYẾT ĐỊNH",
    "Ban hành Kế hoạch thực hiện dân chủ ở cơ sở năm 2026", "",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", "",
    "QUYẾT ĐỊNH:", "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện dân chủ ở cơ sở năm 2026.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "", "**KT. CHỦ TỊCH**", "**PHÓ CHỦ TỊCH**", "",
    "**KẾ HOẠCH**", "Thực hiện dân chủ ở cơ sở năm 2026",
    "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2026 của Ủy ban nhân dân tỉnh)", "",
    "Thực hiện Nghị quyết số 47/2025/NQ-HĐND ngày 22/12/2025 của Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:", "",
    "I. MỤC ĐÍCH", "1. Sở Nội vụ chủ trì tổ chức thực hiện.", "",
    "**PHỤ LỤC**", "Danh mục nhiệm vụ", "",
    "Thực hiện Kế hoạch số 9/KH-BCĐ ngày 02/01/2026 của Ban Chỉ đạo tỉnh, các nhiệm vụ như sau:", "",
    "1. Sở Tư pháp chủ trì rà soát văn bản.", "",
]


def test_a_promulgated_plans_opening_is_read_as_one_and_an_appendixs_is_not():
    doc = parse(normalize(_DECISION_WITH_PLAN))
    assert [a.genre for a in doc.attachments] == ["Kế hoạch", "Phụ lục"]
    refs, _ = extract_refs(doc, determine(doc))
    assert {r.id: r.relation for r in refs} == {
        "47/2025/NQ-HĐND": "implements",
        "Luật Tổ chức chính quyền địa phương năm 2025": "based_on",
        "9/KH-BCĐ@Vĩnh Long/2026": "cites",
    }


def test_a_portal_line_above_the_header_is_no_citation():
    lines = ["Văn bản liên quan: Nghị định số 59/2023/NĐ-CP", "", "ỦY BAN NHÂN DÂN", "TỈNH VĨNH LONG", "Số: 12/KH-UBND",
             "Vĩnh Long, ngày 05 tháng 3 năm 2026", "", "KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở năm 2026", "",
             "Thực hiện Nghị quyết số 47/2025/NQ-HĐND ngày 22/12/2025 của Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:", ""]
    doc = parse(normalize(lines))
    refs, _ = extract_refs(doc, determine(doc))
    assert {r.id: r.relation for r in refs} == {"47/2025/NQ-HĐND": "implements"}


def test_a_ground_list_goes_on_past_a_semicolon_and_a_proposal_is_only_cited():
    """A customs ruling (corpus 39a27d44…): "Căn cứ Nghị định số 08/2015/NĐ-CP …;" then a line
    "Nghị định số 167/2025/NĐ-CP … sửa đổi …;" with no cue of its own is a ground too; "Theo đề
    xuất của … tại Tờ trình …" (corpus 8c306b69…) opens a cited proposal."""
    lines = ["BỘ TÀI CHÍNH", "CỤC HẢI QUAN", "Số: 37698/TB-CHQ", "Hà Nội, ngày 21 tháng 11 năm 2025", "", "THÔNG BÁO", "Về kết quả xác định trước mã số", "",
             "Căn cứ Nghị định số 08/2015/NĐ-CP ngày 21/01/2015 của Chính phủ quy định chi tiết Luật Hải quan;",
             "Nghị định số 167/2025/NĐ-CP ngày 30/6/2025 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 08/2015/NĐ-CP;",
             "Theo đề xuất của Trưởng Ban Nghiệp vụ thuế tại Tờ trình số 45/TTr-CHQ ngày 20/11/2025;", "",
             "1. Hàng hóa đề nghị xác định trước mã số."]
    doc = parse(normalize(lines))
    refs, _ = extract_refs(doc, determine(doc))
    relations = {r.id.split("@")[0]: r.relation for r in refs}
    assert relations["08/2015/NĐ-CP"] == relations["167/2025/NĐ-CP"] == "based_on"
    assert relations["45/TTr-CHQ"] == "cites"


@pytest.mark.parametrize(
    "cited,ref_id,issuer",
    [
        # a department's letter cited in a commune's report (a probe of issue 22's reports): the
        # department is its province's, named so
        ("Thực hiện Công văn số 812/SNV-XDCQ ngày 15/11/2025 của Sở Nội vụ về việc báo cáo kết quả;", "812/SNV-XDCQ@Nghệ An/2025", "Sở Nội vụ tỉnh Nghệ An"),
        # a chairman's directive: the title before the body is dropped ("Ủ" is a capital too), the
        # body is the province's
        ("Thực hiện Chỉ thị số 05/CT-UBND ngày 10/3/2026 của Chủ tịch Ủy ban nhân dân tỉnh;", "05/CT-UBND@Nghệ An/2026", "Ủy ban nhân dân tỉnh Nghệ An"),
        # a provincial Party committee's plan (TU) is the province's; the national labour
        # federation's guidance (TLĐ) is unique without a place
        ("Thực hiện Kế hoạch số 45-KH/TU ngày 02/12/2025 của Ban Thường vụ Tỉnh ủy;", "45-KH/TU@Nghệ An/2025", "Ban Thường vụ Tỉnh ủy"),
        ("Thực hiện Hướng dẫn số 12/HD-TLĐ ngày 10/01/2026 của Tổng Liên đoàn Lao động Việt Nam;", "12/HD-TLĐ", "Tổng Liên đoàn Lao động Việt Nam"),
    ],
)
def test_a_local_document_cited_in_a_communes_text_is_of_its_issuers_place(cited, ref_id, issuer):
    lines = ["ỦY BAN NHÂN DÂN", "XÃ NAM ĐÀN", "Số: 210/BC-UBND", "Nam Đàn, ngày 10 tháng 12 năm 2025", "", "BÁO CÁO", "Kết quả thực hiện dân chủ ở cơ sở năm 2025", "",
             cited, "", "I. KẾT QUẢ THỰC HIỆN", "1. Ủy ban nhân dân xã đã ban hành kế hoạch."]
    doc = parse(normalize(lines))
    refs, _ = extract_refs(doc, determine(doc))
    assert [(r.id, r.issuer) for r in refs] == [(ref_id, issuer)]
