"""Legal-reference recognition on real snippets from the seed plans."""
from __future__ import annotations

import json
from functools import cache

import pytest
from gold import PLANS, REAL, load_gold

from ingest.citations import extract_refs
from ingest.jurisdiction import Jurisdiction, determine
from ingest.models import Document, Header, Line
from ingest.normalize import normalize
from ingest.readers import read
from ingest.structure import parse

VINH_LONG = Jurisdiction("Ủy ban nhân dân tỉnh Vĩnh Long", "Ủy ban nhân dân tỉnh", "peoples_committee", "province", "Vĩnh Long", "province", "Vĩnh Long")
VINH_LINH = Jurisdiction("Ủy ban nhân dân huyện Vĩnh Linh", "Ủy ban nhân dân huyện", "peoples_committee", "district", "Vĩnh Linh", "district", "Quảng Trị")


def refs_of(text: str, where: Jurisdiction = VINH_LONG, context: str = "body"):
    line = Line(text, (1,))
    doc = Document(Header(title="x", title_line=99), [line] if context == "preamble" else [], [], [], None, {}, [Line("x", (99,)), line])
    refs, warnings = extract_refs(doc, where)
    return {r.id: r for r in refs}, warnings


# (snippet, where, context, expected {id: (relation, date, issuer)})
CASES = [
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
    assert any("20/NQ-HĐND" in w and "2025-12-11" in w for w in ex.warnings)


def test_mentions_carry_line_and_quote(extractions):
    ex = extractions["000_70211efbcc79a593.txt"]
    ref = next(r for r in ex.legal_refs if r.id == "61/2023/NĐ-CP")
    assert [m.line for m in ref.mentions] == [166]
    assert "hương ước, quy ước" in ref.mentions[0].quote


def test_symbol_inside_a_word_is_not_a_reference():
    found, _ = refs_of("mã số 123/ABC không phải văn bản; tỷ lệ 10/2022 không phải ký hiệu")
    assert found == {}


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
    # what it is about runs from its subject word to the end of its item
    ("Thực hiện Kế hoạch số 18/KH-UBND ngày 17/01/2025 của UBND tỉnh về thực hiện công tác dân chủ ở cơ sở năm 2025, UBND huyện ban hành Kế hoạch",
     {"18/KH-UBND@Quảng Trị/2025": ("Kế hoạch", "Ủy ban nhân dân tỉnh Quảng Trị", "về thực hiện công tác dân chủ ở cơ sở năm 2025")}),
]


@pytest.mark.parametrize("text,expected", WHAT, ids=[t[:40] for t, _ in WHAT])
def test_each_reference_says_what_it_is(text, expected):
    found, _ = refs_of(text, VINH_LINH)
    assert {k: (r.type, r.issuer, r.subject) for k, r in found.items()} == expected


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
