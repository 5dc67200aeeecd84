"""Real documents from other provinces, scored by the shared scorer against their answer keys.

The extractor was written from the anatomy of administrative documents, not from these
files; the floors below are set a few points under what it measures, so a change that
breaks real documents cannot land. Figures are printed per document (pytest -s)."""
from __future__ import annotations

import json
import re

import pytest
from gold import CORPUS, REAL, REAL_ORIGINALS, REAL_OTHER, score_with_shared_scorer

from ingest.errors import DcsKgError
from ingest.pipeline import extract

# Floors a few points under what the extractor measures (the figures are printed with -s).
PLAN_FLOORS = ["--min-ref-f1", "0.97", "--min-impl", "0.95", "--min-role-f1", "0.875", "--min-meta", "0.98", "--max-rejected", "0", "--max-no-tasks", "0"]
OTHER_FLOORS = ["--min-ref-f1", "0.97", "--min-role-f1", "0.80", "--min-meta", "0.97", "--max-rejected", "0"]
# real PDF and DOCX files as offices send them: drafts, letters, notices, a dispatch
ORIGINAL_FLOORS = ["--min-ref-f1", "0.97", "--min-impl", "0.95", "--min-role-f1", "0.84", "--min-meta", "0.97", "--max-rejected", "0", "--max-no-tasks", "0"]


def _extract_folder(folder, patterns=("*.md",)):
    out, refused = [], []
    paths = sorted(p for pattern in patterns for p in folder.glob(pattern) if p.name != "README.md")
    for path in paths:
        try:
            out.append(extract(path).to_json())
        except DcsKgError as exc:
            refused.append(str(exc))
    return out, refused


@pytest.fixture(scope="module")
def real_plans():
    return _extract_folder(REAL)


@pytest.fixture(scope="module")
def real_other():
    return _extract_folder(REAL_OTHER)


@pytest.fixture(scope="module")
def real_originals():
    return _extract_folder(REAL_ORIGINALS, ("*.pdf", "*.docx"))


@pytest.mark.parametrize(
    "corpus,folder,floors",
    [("real_plans", REAL, PLAN_FLOORS), ("real_other", REAL_OTHER, OTHER_FLOORS), ("real_originals", REAL_ORIGINALS, ORIGINAL_FLOORS)],
    ids=["plans", "resolutions-decisions-directives", "pdf-and-docx-originals"],
)
def test_real_documents_meet_the_floors(corpus, folder, floors, request, tmp_path):
    extracted, refused = request.getfixturevalue(corpus)
    assert not refused
    code, report = score_with_shared_scorer(folder / "gold.jsonl", extracted, tmp_path, "--symbols-only", *floors)
    print("\n" + report)
    assert code == 0, report.splitlines()[-1]


@pytest.mark.parametrize(
    "corpus,folder,floor",
    [("real_plans", REAL, "0.93"), ("real_other", REAL_OTHER, "0.94"), ("real_originals", REAL_ORIGINALS, "0.96")],
    ids=["plans", "resolutions-decisions-directives", "pdf-and-docx-originals"],
)
def test_laws_named_without_a_number_are_read_whole(corpus, folder, floor, request, tmp_path):
    """Every reference scored, laws cited by title included ("Luật Phí và lệ phí ngày 25 tháng
    11 năm 2015", "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên
    chức", QCVN 06:2022/BXD). Today F1 0.95 / 0.96 / 0.99 (0.91 / 0.95 / 0.83 when a title was
    cut at its first comma or "và"); the floors a document's worth under that."""
    extracted, _ = request.getfixturevalue(corpus)
    code, report = score_with_shared_scorer(folder / "gold.jsonl", extracted, tmp_path, "--min-ref-f1", floor)
    print("\n" + report.splitlines()[-1])
    assert code == 0, report.splitlines()[-1]


def test_the_hand_keyed_corpus_documents_meet_their_floor(tmp_path):
    """Three hundred and thirty-four hand keys of three hundred and thirty-two documents of the unkeyed corpus (two keyed twice) (tests/data/corpus_keys/README.md;
    the first seventy-six listed here, the rest in its batches 11-66; F1 0.84 over all of them,
    0.88 with `supervise` credited, at session 66):
    a provincial plan, a ministry's decision, seven Prime Minister's and a ministry's dispatch,
    ten Government notices, a tax department's notice, a customs ruling, Prime Minister's
    decisions issuing two plans, approving a project and founding a board, a
    national steering committee's working rules, a public service centre's restructured
    procedure, twenty-six provinces' and cities' decisions (one promulgating a plan, two a coordination
    regulation, one a centre's duties, one an e-consultation system's rules, one electrical-safety rules, one internet agents' hours,
    six a regulation, one dividing a field's tasks among bodies, five handing powers down, one petrol stations' hours, one adopting a
    simplification plan,
    two announcing procedures, one approving a list of them, one a digital-signature regulation, one a department's functions, one more handing powers down), nine city and provincial councils' resolutions, two of the Government's and the Assembly Standing
    Committee's resolutions, two Government decrees and seven ministries' circulars. Role pairs F1
    0.84 today over the hundred and eight, 0.88 with the councils' `supervise` pairs credited (an inspection
    circular 0.57: the units with inspection powers are a catch-all to the extractor) (a council resolution 0.32: the duties of
    facilities, investors and owners are read as one group or as cases, and its supervision is
    never credited by the scorer; a notice 0.69: investors and contractors are not read), the
    floor 0.80."""
    keys = CORPUS.parent / "corpus_keys" / "gold.jsonl"
    names = [json.loads(line)["file"] for line in keys.read_text(encoding="utf-8").splitlines() if line.strip()]
    extracted = [extract(CORPUS / name).to_json() for name in names]
    code, report = score_with_shared_scorer(keys, extracted, tmp_path, "--min-role-f1", "0.80", "--max-rejected", "0", "--max-no-tasks", "0")
    print("\n" + report)
    assert code == 0, report.splitlines()[-1]


def test_a_plan_printed_as_an_appendix_is_read_for_its_bodies():
    """A decision approves "kèm theo" a restructured procedure printed as "PHỤ LỤC II / PHƯƠNG ÁN
    …": its steps name who does what (the tax bodies), the public who file and pay is no body,
    and the appendix listing procedures ("PHỤ LỤC I / DANH MỤC …") gives no task."""
    tasks = extract(CORPUS / "cdf2fbc53d083c98.md").to_json()["tasks"]
    annexed = [t for t in tasks if t["path"].startswith("PLII.")]
    assert any("Cơ quan Thuế" in t["lead"] for t in annexed)
    assert all(t["lead"] or t["support"] for t in annexed)
    assert not any("doanh nghiệp" in name.lower() for t in annexed for name in t["lead"])
    assert not any(t["path"].startswith("PLI.") for t in tasks)


def test_what_a_body_is_made_of_gives_no_work():
    """A Quảng Trị regulation of a forest protection department: "Các Phòng chuyên môn, nghiệp vụ
    thuộc Chi cục gồm: a) Phòng Hành chính - Tổng hợp; …" names its divisions, no task; its duties
    and its head's ("Chi cục trưởng Chi cục Kiểm lâm có trách nhiệm") are the department's; "phòng
    cháy và chữa cháy rừng" in a list of its duties is no division."""
    tasks = extract(CORPUS / "f48a2691d3f74ec4.md").to_json()["tasks"]
    assert not any(t["path"].startswith("QĐi1.Đ3.2") for t in tasks)
    assert next(t for t in tasks if t["path"] == "QĐi1.Đ4")["lead"] == ["Chi cục Kiểm lâm"]
    names = {name for t in tasks for name in (*t["lead"], *t["support"])}
    assert not any(name.startswith("Phòng") for name in names)


def test_a_national_committee_s_localities_are_the_provinces():
    """A body without a place whose name says it is the state's ("Ban Chỉ đạo Nhà nước về Du
    lịch"): "các bộ, ngành, địa phương" are the ministries and the provinces, not communes."""
    tasks = extract(CORPUS / "322358d6040a153b.md").to_json()["tasks"]
    names = {name for t in tasks for name in (*t["lead"], *t["support"])}
    assert "Ủy ban nhân dân các xã, phường" not in names
    assert "Các thành viên Ban Chỉ đạo Nhà nước về Du lịch" in names


def test_no_document_cites_itself(real_plans, real_other):
    for doc in real_plans[0] + real_other[0]:
        own = doc["document"]["symbol"]
        assert own and all(r["symbol"] != own for r in doc["legal_refs"]), doc["source"]


@pytest.mark.parametrize(
    "name,genre,promulgates",
    [
        ("3066a06b520a2418.md", "Nghị quyết", None),
        ("4e39af96b6891368.md", "Quyết định", "Kế hoạch"),
        ("b1bac569be973504.md", "Quyết định", "Danh mục"),
        ("6bac4a0d92da936d.md", "Chỉ thị", None),
    ],
)
def test_genre_and_what_a_decision_promulgates(real_other, name, genre, promulgates):
    doc = next(d for d in real_other[0] if d["source"].endswith(name))
    assert doc["document"]["type"] == genre
    got = doc["document"].get("promulgates")
    assert (got or {}).get("type") == promulgates


def test_resolution_supervisors_are_their_own_role(real_other):
    doc = next(d for d in real_other[0] if d["source"].endswith("98b67fb117d01944.md"))
    supervisors = {a for t in doc["tasks"] for a in t["supervise"]}
    assert {"Thường trực Hội đồng nhân dân thành phố", "Đại biểu Hội đồng nhân dân thành phố"} <= supervisors
    leads = {a for t in doc["tasks"] for a in t["lead"]}
    assert "Thường trực Hội đồng nhân dân thành phố" not in leads


def test_portal_text_is_not_the_document(real_other):
    """A saved portal page: its privacy notice cites Nghị định 13/2023/NĐ-CP; the resolution does not."""
    doc = next(d for d in real_other[0] if d["source"].endswith("98b67fb117d01944.md"))
    assert all(not re.match(r"13/2023/NĐ-CP", r["id"]) for r in doc["legal_refs"])
    assert json.dumps(doc, ensure_ascii=False).count("THƯ VIỆN PHÁP LUẬT") == 0


def test_an_entry_that_directs_a_unit_makes_the_unit_carry_out_the_items(real_plans):
    """"Sở Nông nghiệp và Môi trường chỉ đạo Chi cục Biển đảo và Thủy sản thực hiện các nội dung
    sau:" — the bullets below are the Chi cục's tasks as well as the Sở's."""
    doc = next(d for d in real_plans[0] if d["source"].endswith("85ff77cbda28ffbb.md"))
    leads = [set(t["lead"]) for t in doc["tasks"] if t["path"].startswith("IV.1.")]
    assert leads and all({"Sở Nông nghiệp và Môi trường", "Chi cục Biển đảo và Thủy sản"} <= s for s in leads)


def test_a_task_names_a_body_as_the_plan_writes_it(real_plans):
    """"Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh, …": the task says what the text says; the
    agency list keeps the body's one name beside it, so both plans' fronts are one node."""
    doc = next(d for d in real_plans[0] if d["source"].endswith("99c7d8fff9e4572e.md"))
    leads = {a for t in doc["tasks"] for a in t["lead"]}
    assert "Ủy ban Mặt trận Tổ quốc tỉnh" in leads
    assert "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh" not in leads
    front = next(a for a in doc["agencies"] if a["written"] == "Ủy ban Mặt trận Tổ quốc tỉnh")
    assert front["name"] == "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"


def test_the_graph_finds_a_body_by_the_words_a_plan_wrote():
    from rdflib import Literal
    from rdflib.namespace import SKOS

    from ingest.to_rdf import plan_graphs

    _, common = plan_graphs(extract(REAL / "99c7d8fff9e4572e.md"))
    labels = {(p, o) for s, p, o in common if (s, SKOS.prefLabel, Literal("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", lang="vi")) in common}
    assert (SKOS.altLabel, Literal("Ủy ban Mặt trận Tổ quốc tỉnh", lang="vi")) in labels


FAR_FROM_THE_SUBJECT = "far from the subject"


@pytest.mark.parametrize(
    "path,far",
    [
        # seeds: plans carrying out the Law on grassroots democracy
        ("plans/000_70211efbcc79a593.txt", False),
        ("plans/003_fcf3e25466826abb.txt", False),
        # an emulation campaign and a digital-economy plan: read, with a note
        ("real/556b2fb4a0149576.md", True),
        ("real/f004d93b21e7fc5f.md", True),
    ],
)
def test_a_document_far_from_the_subject_is_read_with_a_note(path, far):
    from gold import PLANS

    folder, name = path.split("/", 1)
    file = (PLANS if folder == "plans" else REAL) / name
    ex = extract(file)
    assert ex.tasks  # read all the same: a note, not a refusal
    assert any(w.startswith(FAR_FROM_THE_SUBJECT) for w in ex.warnings) is far


def test_the_probe_documents_of_the_unkeyed_classes_meet_their_floor(tmp_path):
    """One hundred and thirty-four documents the project wrote of the classes issue 22 names and no keyed set
    holds (tests/data/probes/README.md: a Party committee's, a department's, a centre's, a
    steering committee's, a joint programme's, a hospital's, a Front board's, an inspection
    team's, a company's, a task force's, a Women's Union's, a police department's, a school's,
    a council's, a labour federation's, an election committee's, a Farmers' Union's, a Youth
    Union's, a social insurance office's, a procuracy's, a department of education's and a
    Veterans' Association's, a military command's, a tax office's, a Party board's and a joint
    plan's documents, a district's of 2024, a provincial regulation, a scan's text, an HTML
    list, NFD text, Markdown headings, a ministry's circular, an action programme, a regulation
    sent alone, Windows text, a Word header set with tabs, slash labels, commune abbreviations,
    a letter of dashes, role marks in brackets, Word's automatic numbering, a copy without its
    header page, a decision with its plan below it, a ward's plan to people by name, a
    ministry's portal plan, a directive from Word, tasks whose bodies follow them ("do X chủ
    trì", "Trách nhiệm thực hiện: X chủ trì; Y phối hợp"), a pandoc conversion, a university's plan, "giao cho" and "phân công", a department's
    divisions of 2025, bold labels in a portal's HTML, a Word table of bodies and duties, a time-first table,
    roles parted by a slash under a legend, people by post in a ward, a treasury's regional office, Word
    tables as text with " | ", pandoc's grid tables, a web page's text dump with box-drawn tables,
    docx2txt's cell per line, a tight pdftotext table, pypdf's joined columns, roles in other
    words ("là đơn vị đầu mối", "với sự phối hợp của"), a Word draft with tracked changes, docling's Markdown, lynx's page dump, a list nested by indentation,
    roles labelled after an item's sentence and marked in brackets, a list with a fund and a port authority in it;
    a guidance, reports, letters, a
    telegram, a notice, resolutions, a regulation, a ministry's guidance; TCVN3 text, a PDF,
    Word tables, Word's HTML, a gazette's pages;
    PDF text with page breaks, a portal page in <div>s, a Word file with line breaks in its cells,
    OCR, HTML in Markdown, bracketed and tabled assignments, a scan's labels). Not a first look —
    the faults they showed were fixed — so the floor guards the rules: role pairs F1 0.98 at
    session 70 (the first sixteen's first look is in the commit messages of session 69, the
    second twelve's 0.919, the third nine's 0.960, the fourth six's 0.938, the fifth six's
    0.792, the sixth five's 0.821, the seventh three's 0.889, the eighth three's 0.882, the
    ninth seven's 0.642, the tenth seven's 0.925, the eleventh six's 0.848, the twelfth six's
    0.951, the thirteenth five's 0.978, the fourteenth four's 0.541, the fifteenth three's 1.000,
    the sixteenth four's 0.825, the seventeenth two's 0.950, the eighteenth two's 0.837, the
    nineteenth two's 0.700, the twentieth two's 0.692, the twenty-first two's 0.690, the
    twenty-second one's 0.917, the twenty-third one's 0.600, the twenty-fourth one's 1.000, the
    twenty-fifth two's 0.522 and 0.353, the twenty-sixth two's 0.625 and 1.000, the twenty-seventh one's 1.000
    with metadata 2/4, the twenty-eighth one's 0.800 with metadata 2/4, the twenty-ninth
    one's 0.800 with metadata 0/4, the thirtieth one's 1.000 (a task lost all the same), the
    thirty-first one's 1.000, the thirty-second one's 0.500, the thirty-third two's 0.500 and
    0.750 with metadata 2/4 and 0/4, the thirty-fourth two's 1.000 and 0.875 with references 0.33
    and 0.95, the thirty-fifth one's 0.42, the thirty-sixth one's 0.77 with metadata 1/4, the
    thirty-seventh one refused, the thirty-eighth one's 0.64, the thirty-ninth one's 0.31 in the
    README), at session 73 0.978, metadata 495/495, at session 74 (133) 0.965, metadata 523/523,
    at session 75 (134) 0.965, metadata 527/527, floor 0.90."""
    probes = REAL.parent / "probes"
    keys = probes / "gold.jsonl"
    names = [json.loads(line)["file"] for line in keys.read_text(encoding="utf-8").splitlines() if line.strip()]
    extracted = [extract(probes / name).to_json() for name in names]
    code, report = score_with_shared_scorer(keys, extracted, tmp_path, "--min-role-f1", "0.90", "--min-ref-f1", "0.95", "--min-meta", "1.0", "--max-rejected", "0", "--max-no-tasks", "0")
    print("\n" + report)
    assert code == 0, report.splitlines()[-1]
