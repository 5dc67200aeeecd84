"""Every named query: a header the tool reads, parameters projected, expected rows on the seeds."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from queries.runner import library, resolve, run_query

QUERIES = sorted(library())


@pytest.mark.parametrize("name", QUERIES)
def test_header_is_complete(name):
    q = library()[name]
    assert q.title and q.question_vi and q.question_en
    for p in q.params:
        assert p.example, f"{name}: parameter {p.name} needs an example"
        # Oxigraph binds only projected variables
        select = re.search(r"SELECT(.*?)WHERE", q.text, re.S).group(1)
        assert f"?{p.name}" in select, f"{name}: ?{p.name} must be in the SELECT clause"


# One row each named query must give for its example parameters, on the seeds and the real
# resolutions, decisions and directives: a fact read by hand in the text (the file and line
# are in the comment), not a count.
PROMISED = {
    # 000, line 37-43: "Tổ chức công tác tuyên truyền …" by the bodies; "Cơ quan phối hợp: … Liên đoàn Lao động tỉnh"
    "agency_coordination": {"lead": "Các cơ quan, đơn vị, tổ chức, địa phương", "support": "Liên đoàn Lao động tỉnh", "supportPlace": "Vĩnh Long"},
    "agency_kind_load": {"name": "Sở Nội vụ", "kind": "department"},
    "agency_lead_load": {"name": "Sở Nội vụ", "place": "Vĩnh Long"},
    # 001: "Công an xã" of Nghi Dương, labelled with its place
    "agency_names": {"name": "Công an xã", "alias": "Công an xã Nghi Dương"},
    # 000, line 57: "Cơ quan phối hợp: Sở Nội vụ; Sở Tư pháp; …" under the entry Sở Tư pháp leads
    "agency_partners": {"agency": "Sở Nội vụ", "place": "Cần Thơ", "partner": "Sở Tư pháp", "partnerPlace": "Cần Thơ", "role": "lead"},
    # 000, line 151: "Sở Nội vụ chủ trì, tham mưu Ủy ban nhân dân tỉnh theo dõi, đôn đốc …"
    "agency_tasks": {"path": "III.3.1", "role": "lead", "file": "000_70211efbcc79a593.txt"},
    "cited_laws": {"lawId": "10/2022/QH15"},
    # 3066a06b, line 198 "15/2024/NQ-HĐND ngày 16 tháng 7 năm 2024"; c53841af another date
    "conflicting_citations": {"docId": "15/2024/NQ-HĐND"},
    "describe_fact": {"predicate": "agency", "value": "Sở Nội vụ"},
    # 000, line 39: the Law on Grassroots Democracy cited in a task
    "document_links": {"fromLabel": "000_70211efbcc79a593.txt", "toLabel": "Luật 10/2022/QH15", "relation": "cites"},
    "document_names": {"id": "47/2025/NQ-HĐND"},
    "documents": {"docId": "10/2022/QH15", "type": "Luật", "issuer": "Quốc hội"},
    # 000's title: "Triển khai thực hiện Nghị quyết số 47/2025/NQ-HĐND" (a resolution on the Law)
    "implementation_chain": {"fromLabel": "Nghị quyết 47/2025/NQ-HĐND", "toId": "10/2022/QH15"},
    "ingested": {"key": "000_70211efbcc79a593", "issuer": "Ủy ban nhân dân tỉnh Vĩnh Long"},
    # 000, line 43: "Cơ quan phối hợp: Sở Tư pháp; …" for II.1.a
    "kind_tasks": {"name": "Sở Tư pháp", "path": "II.1.a", "role": "support"},
    "labels": {"scheme": "Modalities", "code": "assigned", "label": "giao"},
    "legal_basis_shared": {"docId": "10/2022/QH15"},
    "measure_coverage": {"file": "000_70211efbcc79a593.txt", "measure": "capacity_building"},
    "measure_gaps": {"file": "001_eb4faafb2f2e4644.txt", "measure": "capacity_building"},
    "network_assignments": {"path": "III.3.1", "name": "Sở Nội vụ", "role": "lead"},
    # 000, lines 55-57: "Cơ quan thực hiện: Các cơ quan, đơn vị, tổ chức, địa phương." then
    # "Cơ quan phối hợp: Sở Nội vụ; …" (each of Vĩnh Long)
    "network_links": {"lead": "vinh-long/cac-co-quan-don-vi-to-chuc-dia-phuong", "support": "vinh-long/so-noi-vu"},
    "places": {"name": "Vĩnh Long"},
    "plan_summary": {"file": "000_70211efbcc79a593.txt", "tasks": 35},
    "plan_tasks": {"path": "II.1.a"},
    "plans": {"issuer": "Ủy ban nhân dân tỉnh Vĩnh Long", "place": "Vĩnh Long"},
    "plans_by_level_year": {"level": "province"},
    "plans_implementing": {"source": "000_70211efbcc79a593.txt", "how": "implements"},
    # b1bac569, line 112: the decision issues a list of procedures "(kèm theo Danh mục)"
    "promulgations": {"type": "Danh mục", "issuer": "Ủy ban nhân dân tỉnh Cà Mau"},
    "provenance": {"lineStart": 151},
    # 000, line 180: "báo cáo … về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) chậm nhất ngày 15/11"
    "reporting_calendar": {"deadline": "15/11", "to": "Ủy ban nhân dân tỉnh", "via": "Sở Nội vụ", "file": "000_70211efbcc79a593.txt", "line": 180},
    "requests_to_front": {"agency": "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "file": "000_70211efbcc79a593.txt"},
    "resolutions_implemented": {"resolutionId": "47/2025/NQ-HĐND"},
    "task_table": {"file": "000_70211efbcc79a593.txt", "path": "III.3.1", "leads": "Sở Nội vụ"},
    # 002, line 28: "Tiếp tục đẩy mạnh công tác tuyên truyền …" with only "các cơ quan, đơn vị, địa phương"
    "tasks_without_lead": {"file": "002_740ba232e0108bc4.txt", "path": "II.1"},
    "timeframe_profile": {"file": "000_70211efbcc79a593.txt", "timeframe": "continuous"},
    # 003: "Sở Nội vụ chủ trì …" in Cần Thơ's plan
    "plan_profile": {"aspect": "lead", "value": "Sở Nội vụ"},
    # 002, line 28: "1. Tuyên truyền …" names no body to lead it
    "warnings": {"file": "002_740ba232e0108bc4.txt", "warning": "task II.1 (line 28): no lead agency found"},
}


@pytest.fixture(scope="module")
def chain_ds(tmp_path_factory):
    """The seeds and the real resolutions, decisions and directives in one store."""
    from gold import PLANS, REAL_OTHER

    from dcskg.store import build, open_dataset

    store = tmp_path_factory.mktemp("chain") / "graph"
    build([PLANS, REAL_OTHER], store, validate=None)
    return open_dataset(store)


def test_every_query_has_a_promised_row():
    assert set(PROMISED) == set(QUERIES)


@pytest.mark.parametrize("name", QUERIES)
def test_runs_with_its_example_parameters(name, chain_ds):
    q = library()[name]
    rows = run_query(name, chain_ds, **{p.name: p.example for p in q.params})
    assert len(rows) > 0, f"{name}: no rows for its example parameters"
    promised = PROMISED[name]
    assert set(promised) <= set(rows.vars), f"{name}: columns {rows.vars}"
    def same(got, want) -> bool:  # a source path is compared by its file name
        return str(got) == str(want) or str(got).endswith("/" + str(want))

    assert any(all(same(r.get(k), v) for k, v in promised.items()) for r in rows), f"{name}: no row {promised}"


def test_plans(seed_ds):
    rows = run_query("plans", seed_ds)
    got = {Path(r["source"]).name: (r["issuer"], r["level"], r["place"], str(r["date"]) if r["date"] else None) for r in rows}
    assert got == {
        "000_70211efbcc79a593.txt": ("Ủy ban nhân dân tỉnh Vĩnh Long", "province", "Vĩnh Long", "2026"),
        "001_eb4faafb2f2e4644.txt": ("Ủy ban nhân dân xã Nghi Dương", "commune", "Nghi Dương", "2026"),
        "002_740ba232e0108bc4.txt": ("Ủy ban nhân dân huyện Vĩnh Linh", "district", "Vĩnh Linh", "2025-01"),
        "003_fcf3e25466826abb.txt": ("Ủy ban nhân dân thành phố Cần Thơ", "city", "Cần Thơ", "2025-02-19"),
        "004_9fd1b90b08d6ae98.txt": ("Văn phòng Ủy ban nhân dân tỉnh", "agency", "không nêu trong văn bản", None),
    }


@pytest.mark.parametrize(
    "doc,plans",
    [
        ("47/2025/NQ-HĐND", ["000_70211efbcc79a593.txt"]),
        ("65/NQ-HĐND@Cần Thơ/2024", ["003_fcf3e25466826abb.txt"]),
        ("10/2022/QH15", ["000_70211efbcc79a593.txt", "001_eb4faafb2f2e4644.txt", "003_fcf3e25466826abb.txt", "004_9fd1b90b08d6ae98.txt"]),
        ("59/2023/NĐ-CP", ["004_9fd1b90b08d6ae98.txt"]),
    ],
)
def test_plans_implementing(seed_ds, doc, plans):
    rows = run_query("plans_implementing", seed_ds, doc=doc)
    assert sorted(Path(r["source"]).name for r in rows if r["how"] != "cites") == plans


def test_a_plan_that_only_cites_the_law_is_listed_as_such(seed_ds):
    """Plan 002 implements the province's plan 18/KH-UBND (not read), and cites the Law itself."""
    rows = run_query("plans_implementing", seed_ds, doc="10/2022/QH15")
    assert {Path(r["source"]).name: r["how"] for r in rows}["002_740ba232e0108bc4.txt"] == "cites"
    assert len(rows) == len({r["source"] for r in rows})  # one row per document


def test_parameters_are_values_not_code(seed_ds):
    from rdflib import Literal

    from ingest.errors import QueryError

    for evil in ['47/2025/NQ-HĐND" } UNION { ?s ?p ?o', "x'} ; DROP ALL", "{ }"]:
        # the look-up finds no such document ...
        with pytest.raises(QueryError, match="no document"):
            run_query("plans_implementing", seed_ds, doc=evil)
        # ... and bound as it is, the value is a value, not query text
        assert len(run_query("plans_implementing", seed_ds, doc=Literal(evil))) == 0


def test_implementation_chain_with_sources(seed_ds):
    from ingest.to_rdf import plan_iri

    rows = run_query("implementation_chain", seed_ds, plan=plan_iri("000_70211efbcc79a593"))
    hops = {(r["toId"], r["source"].rsplit("/", 1)[-1], r["inferred"]) for r in rows}
    assert hops == {("47/2025/NQ-HĐND", "000_70211efbcc79a593.txt:9", False), ("10/2022/QH15", "rule:hdnd-measures-based-on-law", True)}


def test_cited_laws(seed_ds):
    from ingest.to_rdf import plan_iri

    rows = run_query("cited_laws", seed_ds, plan=plan_iri("002_740ba232e0108bc4"))
    assert [r["lawId"] for r in rows] == ["10/2022/QH15"]


def _file(source: str) -> str:
    return Path(source).name


def test_legal_basis_shared(seed_ds):
    rows = run_query("legal_basis_shared", seed_ds)
    assert {r["docId"]: r["plans"] for r in rows} == {
        "10/2022/QH15": 4, "61/2023/NĐ-CP": 3, "120-KL/TW": 2, "217-QĐ/TW": 2, "218-QĐ/TW": 2, "33/CT-TTg": 2, "59/2023/NĐ-CP": 2,
    }


def test_agency_tasks_by_name_spans_plans(seed_ds):
    rows = run_query("agency_tasks", seed_ds, agency="Sở Nội vụ")
    got = {(r["file"], r["path"], r["role"]) for r in rows}
    assert got == {
        ("000_70211efbcc79a593.txt", "II.2.a.1", "support"), ("000_70211efbcc79a593.txt", "II.2.a.2", "support"),
        ("000_70211efbcc79a593.txt", "II.2.b.4", "lead"), ("000_70211efbcc79a593.txt", "II.2.c.2", "support"),
        ("000_70211efbcc79a593.txt", "III.3.1", "lead"), ("000_70211efbcc79a593.txt", "III.3.2", "lead"),
        ("000_70211efbcc79a593.txt", "III.3.3", "lead"), ("003_fcf3e25466826abb.txt", "II.1.b.1", "lead"),
        ("003_fcf3e25466826abb.txt", "II.2.b", "lead"), ("003_fcf3e25466826abb.txt", "IV.1", "lead"),
    }
    assert {r["place"] for r in rows} == {"Vĩnh Long", "Cần Thơ"}


def test_agency_tasks_in_one_place_are_the_rows_of_that_place(seed_ds, seed_plain):
    """The place narrows the query itself (issue 27: one agency of one place is a look-up, not a
    filter over every place's answer); named with its place, the agency narrows the same way,
    and rdflib's engine gives the same answer as the embedded store's."""
    every = run_query("agency_tasks", seed_ds, agency="Sở Nội vụ")
    one = run_query("agency_tasks", seed_ds, agency="Sở Nội vụ", place="cần thơ")
    assert one.rows == [r for r in every if r["place"] == "Cần Thơ"]
    assert {(r["file"], r["path"]) for r in one} == {
        ("003_fcf3e25466826abb.txt", "II.1.b.1"), ("003_fcf3e25466826abb.txt", "II.2.b"), ("003_fcf3e25466826abb.txt", "IV.1"),
    }
    assert run_query("agency_tasks", seed_ds, agency="Sở Nội vụ thành phố Cần Thơ").rows == one.rows
    assert run_query("agency_tasks", seed_plain, agency="Sở Nội vụ", place="Cần Thơ").rows == one.rows
    assert run_query("agency_tasks", seed_ds, agency="Sở Nội vụ", place="Vĩnh Long").rows == [r for r in every if r["place"] == "Vĩnh Long"]


@pytest.mark.parametrize("name", [q.name for q in library().values() if q.narrow])
def test_a_narrowing_twin_gives_the_rows_of_the_query_it_stands_for(name, seed_ds, seed_plain):
    """A query with a `narrow` twin (queries/internal/) answers through it when the parameter
    is given: for every agency and place of the seed store, on both engines, the twin's rows are
    the general answer's rows of that place, and it takes the same parameters and columns."""
    from rdflib import Literal

    from queries.named import execute_bound, internal

    query = library()[name]
    for param, twin_name in query.narrow:
        twin = internal(twin_name)
        assert [p.name for p in twin.params] == [p.name for p in query.params]
        every_place = [p for p in query.params if p.name != param]
        tried = 0
        for ds in (seed_ds, seed_plain):
            answers = execute_bound(query, ds, {p.name: Literal(p.example, lang=p.lang) for p in every_place})
            assert answers.rows
            for value in {str(r[param]) for r in answers if r.get(param)}:
                terms = {p.name: Literal(p.example, lang=p.lang) for p in every_place} | {param: Literal(value, lang="vi")}
                narrowed = execute_bound(twin, ds, terms)
                assert narrowed.vars == answers.vars
                assert narrowed.rows == [r for r in answers if str(r.get(param)) == value], value
                tried += 1
        assert tried >= 4


def test_a_listing_read_plan_by_plan_names_its_plan_and_orders_by_its_file_first():
    from queries.pages import order_keys

    paged = [q for q in library().values() if q.page_by]
    assert {q.name for q in paged} >= {"task_table", "network_assignments"}
    for q in paged:
        assert (order_keys(q) or [""])[0] == "file", q.name
        assert re.search(r"\?plan\s+dcs:sourceFile\s+\?source", q.text), q.name


def test_a_label_parameter_is_bound_as_a_tagged_label():
    from rdflib import Literal

    from queries.named import bindings

    bound = bindings(resolve("agency_tasks"), {"agency": "Sở Nội vụ", "place": Literal("Huế")})
    assert bound == {"agency": Literal("Sở Nội vụ", lang="vi"), "place": Literal("Huế", lang="vi")}
    # a parameter with no language stays a plain value
    assert bindings(resolve("agency_partners"), {"agency": "Sở Nội vụ"}) == {"agency": Literal("Sở Nội vụ")}


def test_agency_tasks_by_kind(seed_ds):
    names = {r["name"] for r in run_query("kind_tasks", seed_ds, kind="department")}
    assert {"Sở Nội vụ", "Sở Tư pháp", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính"} <= names
    assert not any(n.startswith("Phòng") for n in names)


def test_agency_lead_load(seed_ds):
    rows = run_query("agency_lead_load", seed_ds)
    assert (rows.rows[0]["name"], rows.rows[0]["leads"]) == ("Các cơ quan, đơn vị, tổ chức, địa phương", 12)
    vl = next(r for r in rows if r["name"] == "Sở Nội vụ" and r["place"] == "Vĩnh Long")
    assert (vl["leads"], vl["supports"]) == (4, 3)


def test_agency_kind_load_merges_places(seed_ds):
    row = next(r for r in run_query("agency_kind_load", seed_ds) if r["name"] == "Sở Nội vụ")
    assert (row["leads"], row["supports"], row["plans"], row["places"]) == (7, 3, 2, 2)


def test_agency_coordination(seed_ds):
    # each side with its place: the pair of one province is not counted with another's
    rows = {(r["lead"], r["leadPlace"], r["support"], r["supportPlace"]): (r["tasks"], r["plans"]) for r in run_query("agency_coordination", seed_ds)}
    assert rows[("Các cơ quan, đơn vị, tổ chức, địa phương", "Vĩnh Long", "Sở Tư pháp", "Vĩnh Long")] == (4, 1)
    assert rows[("Sở Nội vụ", "Cần Thơ", "Sở Tư pháp", "Cần Thơ")] == (1, 1)
    assert rows[("Ban Xây dựng Đảng Đảng ủy", "Nghi Dương", "Ủy ban nhân dân xã", "Nghi Dương")] == (1, 1)


def test_requests_to_front_match_the_gold(seed_ds, gold_docs):
    got = {(r["file"], r["path"]) for r in run_query("requests_to_front", seed_ds)}
    expected = {(name, t["path"]) for name, d in gold_docs.items() for t in d["tasks"] if t["requested"]}
    assert got == expected


def test_reporting_calendar(seed_ds, gold_docs):
    rows = run_query("reporting_calendar", seed_ds)
    assert {r["deadline"] for r in rows} == {r["deadline"] for d in gold_docs.values() for r in d["reporting"] if r["deadline"]}
    assert [r["month"] for r in rows] == sorted(r["month"] for r in rows)
    vl = [r for r in rows if r["file"] == "000_70211efbcc79a593.txt"]
    assert {(r["deadline"], r["to"], r["via"], r["frequency"]) for r in vl} == {("15/11", "Ủy ban nhân dân tỉnh", "Sở Nội vụ", "annual")}


def test_measure_coverage_and_gaps(seed_ds):
    cov = {(r["file"], r["measure"]): r["tasks"] for r in run_query("measure_coverage", seed_ds)}
    assert len(cov) == 5 * 8  # every plan x every category, zeros included
    assert cov[("000_70211efbcc79a593.txt", "information_propagation")] >= 3
    gaps = {(r["file"], r["measure"]) for r in run_query("measure_gaps", seed_ds)}
    assert ("004_9fd1b90b08d6ae98.txt", "funding") in gaps
    assert all(cov[g] == 0 for g in gaps)


def test_tasks_without_lead_name_a_vague_group_on_the_seeds(seed_ds):
    """Every seed task names its actor; where that actor is a vague group ("Các cơ quan, đơn
    vị, địa phương") the task has no named lead and the query says which group it names."""
    rows = run_query("tasks_without_lead", seed_ds)
    assert rows and all(r["groups"] for r in rows)
    assert {r["file"] for r in rows} == {"002_740ba232e0108bc4.txt"}


def test_conflicting_citations(seed_ds):
    rows = run_query("conflicting_citations", seed_ds)
    # GROUP_CONCAT has no order: compare the dates as a set
    assert [(r["docId"], set(r["dates"].split(", "))) for r in rows] == [("20/NQ-HĐND@Nghi Dương/2025", {"2025-12-11", "2025-12-19"})]


def test_plans_by_level_year(seed_ds):
    rows = {(r["level"], r["year"]): r["plans"] for r in run_query("plans_by_level_year", seed_ds)}
    assert rows == {("agency", "unknown"): 1, ("city", "2025"): 1, ("commune", "2026"): 1, ("district", "2025"): 1, ("province", "2026"): 1}


def test_timeframe_profile(seed_ds):
    rows = {(r["file"], r["timeframe"]): r["tasks"] for r in run_query("timeframe_profile", seed_ds)}
    assert rows[("000_70211efbcc79a593.txt", "yearly_from")] == 11
    assert rows[("000_70211efbcc79a593.txt", "continuous")] == 4
    assert sum(v for (f, _), v in rows.items() if f == "003_fcf3e25466826abb.txt") == 20


def test_provenance_of_an_assignment(seed_ds):
    q = library()["provenance"]
    rows = run_query("provenance", seed_ds, fact=q.params[0].example)
    assert [(r["lineStart"], r["quote"][:30]) for r in rows] == [(151, "Sở Nội vụ chủ trì, tham mưu Ủy")]
    assert rows.rows[0]["file"].endswith("000_70211efbcc79a593.txt")


def test_agency_partners(seed_ds):
    # role: the asked agency's role in the shared tasks; the partner has the other one
    rows = {(r["place"], r["partner"], r["role"]): r["tasks"] for r in run_query("agency_partners", seed_ds, agency="Sở Nội vụ")}
    assert rows[("Cần Thơ", "Sở Tư pháp", "lead")] == 1
    assert rows[("Vĩnh Long", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "lead")] == 1
    assert rows[("Vĩnh Long", "Các cơ quan, đơn vị, tổ chức, địa phương", "support")] == 3


def test_plan_tasks(seed_ds, gold_docs):
    from ingest.to_rdf import plan_iri

    rows = run_query("plan_tasks", seed_ds, plan=plan_iri("003_fcf3e25466826abb"))
    assert [r["path"] for r in rows] == [t["path"] for t in gold_docs["003_fcf3e25466826abb.txt"]["tasks"]]
    iv2 = next(r for r in rows if r["path"] == "IV.2")
    assert set(iv2["leads"].split("; ")) == {"Các sở, ban, ngành thành phố", "Ủy ban nhân dân cấp huyện", "Ủy ban nhân dân cấp xã"}


def test_documents(seed_ds):
    rows = {r["docId"]: r for r in run_query("documents", seed_ds)}
    assert rows["10/2022/QH15"]["plans"] == 4 and rows["10/2022/QH15"]["issuer"] == "Quốc hội"
    assert "18/KH-UBND@Quảng Trị/2025" in rows


def test_an_iri_parameter_cannot_leave_its_values_block(seed_ds):
    from rdflib import URIRef

    from ingest.errors import QueryError

    with pytest.raises(QueryError, match="not a valid IRI"):
        run_query("plan_tasks", seed_ds, plan=URIRef("http://x> } } DROP ALL ; SELECT * { <y"))


def test_a_named_query_refuses_parameters_it_does_not_declare(seed_ds):
    """`plans_by_level_year --param year=2025` once reached Oxigraph as a broken query."""
    from ingest.errors import QueryError
    from queries.runner import run_query

    with pytest.raises(QueryError, match="takes no parameters"):
        run_query("plans_by_level_year", seed_ds, year="2025")
    with pytest.raises(QueryError, match="unknown parameter"):
        run_query("agency_tasks", seed_ds, agency="Sở Nội vụ", colour="red")


SCHEMES_IN_THE_GRAPH = {"agency-kind", "level", "Roles", "Modalities", "measure", "timeframe", "frequency", "doc-type", "property"}


@pytest.mark.parametrize("name", sorted(library()))
def test_show_names_answer_columns_and_known_schemes(name):
    """`#+ show:` columns are columns of the answer, each of a scheme the graph or the
    presenter knows (or of words the CLI's catalogue gives, like 'unknown')."""
    from rdflib.plugins.sparql import prepareQuery

    from queries.present import OWN_SCHEMES

    q = library()[name]
    columns = {str(v) for v in prepareQuery(q.text).algebra["PV"]}
    for column, scheme in q.show:
        assert column in columns, (name, column)
        assert scheme in SCHEMES_IN_THE_GRAPH | set(OWN_SCHEMES) | {"how", "year"}, (name, scheme)


def test_every_scheme_the_queries_show_has_labels_in_both_languages(seed_ds):
    for lang in ("vi", "en"):
        schemes = {r["scheme"] for r in run_query("labels", seed_ds, lang=lang)}
        assert SCHEMES_IN_THE_GRAPH <= schemes, lang


@pytest.mark.parametrize("lang,kind,role,frequency,yes", [("vi", "Sở", "chủ trì", "6 tháng", "có"), ("en", "department (Sở)", "lead", "every 6 months", "yes")])
def test_answers_read_as_words_not_codes(seed_ds, lang, kind, role, frequency, yes):
    from queries.present import presenter, readable
    from queries.runner import resolve

    how = presenter(seed_ds, lang, {"yes": yes, "no": "-"})
    load = readable(resolve("agency_kind_load"), run_query("agency_kind_load", seed_ds), how)
    assert {r["name"]: r["kind"] for r in load}["Sở Nội vụ"] == kind
    tasks = readable(resolve("agency_tasks"), run_query("agency_tasks", seed_ds, agency="Sở Nội vụ"), how)
    assert role in {r["role"] for r in tasks}
    # a file column keeps the file and gains the document's name beside it
    assert tasks.vars.index("document") == tasks.vars.index("file") - 1
    assert {r["document"] for r in tasks} >= {"Kế hoạch — Ủy ban nhân dân tỉnh Vĩnh Long, 2026"}
    calendar = readable(resolve("reporting_calendar"), run_query("reporting_calendar", seed_ds), how)
    assert frequency in {r["frequency"] for r in calendar}
    docs = readable(resolve("documents"), run_query("documents", seed_ds), how)
    assert {r["docId"]: r["type"] for r in docs}["61/2023/NĐ-CP"] == ("Nghị định" if lang == "vi" else "Decree")
    assert {r["read"] for r in docs} <= {yes, "-"}
    # the codes are what a program gets
    assert {r["kind"] for r in run_query("agency_kind_load", seed_ds)} >= {"department"}
