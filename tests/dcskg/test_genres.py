"""Every genre of the chain in one graph: resolutions, decisions with what they promulgate,
directives beside the plans; a document read and cited is one node; `trace` climbs through a
resolution's own "Căn cứ" lines once it is read."""
from __future__ import annotations

from pathlib import Path

import pytest
from clirun import dcskg
from gold import PLANS, REAL_OTHER
from rdflib import URIRef

from ontology import DCS
from queries.runner import run_query

# A People's Council resolution shaped like the one seed 000 implements (47/2025/NQ-HĐND of
# Vĩnh Long). It is a FIXTURE written for this test, not the real text (no public copy could
# be reached from here): only its anatomy matters — header, "Căn cứ" lines, articles that
# assign execution and supervision.
RESOLUTION_FIXTURE = """HỘI ĐỒNG NHÂN DÂN
TỈNH VĨNH LONG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 47/2025/NQ-HĐND
Vĩnh Long, ngày 22 tháng 12 năm 2025

NGHỊ QUYẾT
BAN HÀNH QUY ĐỊNH CÁC BIỆN PHÁP BẢO ĐẢM THỰC HIỆN DÂN CHỦ Ở CƠ SỞ TRÊN ĐỊA BÀN TỈNH VĨNH LONG

HỘI ĐỒNG NHÂN DÂN TỈNH VĨNH LONG
KHÓA X, KỲ HỌP THỨ 3

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15;
Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở;
Xét Tờ trình số 100/TTr-UBND ngày 01 tháng 12 năm 2025 của Ủy ban nhân dân tỉnh.

QUYẾT NGHỊ:

Điều 1. Ban hành kèm theo Nghị quyết này Quy định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Vĩnh Long.

Điều 2. Tổ chức thực hiện
1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.
2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

CHỦ TỊCH
Nguyễn Văn A
"""


@pytest.fixture(scope="module")
def chain_store(tmp_path_factory):
    from dcskg.store import build

    folder = tmp_path_factory.mktemp("chain")
    (folder / "nq-47-2025-vinh-long.txt").write_text(RESOLUTION_FIXTURE, encoding="utf-8")
    store = folder / "graph"
    report = build([PLANS / "000_70211efbcc79a593.txt", folder / "nq-47-2025-vinh-long.txt", *sorted(REAL_OTHER.glob("*.md"))], store)
    assert [p for p in report.plans if p.status == "failed" and not p.source.endswith("README.md")] == []
    return store


@pytest.fixture(scope="module")
def chain_ds(chain_store):
    from dcskg.store import open_dataset

    return open_dataset(chain_store)


def test_each_genre_is_its_class(chain_ds):
    genres: dict[str, set[str]] = {}
    for r in run_query("ingested", chain_ds):
        genres.setdefault(r["key"], set()).add(r["genre"])
    assert genres["nq-47-2025-vinh-long"] == {"Nghị quyết"}
    assert genres["6bac4a0d92da936d"] == {"Chỉ thị"}
    # a decision and the plan printed after its signature: two documents of one file
    assert genres["f1e0981425ec38be"] == {"Quyết định", "Kế hoạch"}
    classes = {str(o) for o in chain_ds.objects(None, None) if str(o).startswith(str(DCS))}
    assert {str(DCS.Resolution), str(DCS.Decision), str(DCS.Directive), str(DCS.Plan)} <= classes


def test_a_decision_promulgates_its_attached_plan_with_the_plans_tasks(chain_ds):
    rows = {r["number"].split("@")[0]: r for r in run_query("promulgations", chain_ds)}
    kh = rows["2954/QĐ-UBND"]
    assert kh["type"] == "Kế hoạch" and "xuất khẩu" in kh["title"].lower() and kh["tasks"] > 20
    assert rows["01763/QĐ-UBND"]["type"] == "Danh mục"


def test_a_document_read_and_cited_is_one_node(chain_ds):
    """Seed 000 implements 47/2025/NQ-HĐND; reading the resolution adds facts to that node."""
    plan = next(r for r in run_query("ingested", chain_ds) if r["key"] == "000_70211efbcc79a593")
    resolution = next(r for r in run_query("ingested", chain_ds) if r["key"] == "nq-47-2025-vinh-long")
    assert (URIRef(plan["doc"]), URIRef("http://data.europa.eu/eli/ontology#ensures_implementation_of"), URIRef(resolution["doc"])) in chain_ds
    docs = {r["docId"]: r for r in run_query("documents", chain_ds)}
    assert docs["47/2025/NQ-HĐND"]["read"] is True and docs["10/2022/QH15"]["read"] is False


def test_trace_climbs_through_the_resolution_read(chain_store):
    r = dcskg("trace", "000_70211efbcc79a593", "--store", str(chain_store))
    assert r.returncode == 0, r.stderr
    assert "nq-47-2025-vinh-long.txt:" in r.stdout  # the resolution's own Căn cứ line, with its line
    assert "rule:hdnd-measures-based-on-law" not in r.stdout  # the rule is not needed any more
    assert "10/2022/QH15" in r.stdout and "59/2023/NĐ-CP" in r.stdout


def test_resolutions_and_the_plans_that_implement_them(chain_ds):
    rows = run_query("resolutions_implemented", chain_ds)
    mine = [r for r in rows if r["resolutionId"] == "47/2025/NQ-HĐND"]
    assert mine and mine[0]["read"] is True
    assert any(Path(r["planSource"] or "").name == "000_70211efbcc79a593.txt" and r["how"] == "implements" for r in mine)


def test_resolution_supervision_is_an_assignment(chain_ds):
    rows = chain_ds.query(
        """PREFIX dcs: <https://w3id.org/dcs-kg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?name WHERE { ?a a dcs:SupervisionAssignment ; dcs:agency/skos:prefLabel ?name }"""
    )
    names = {str(r.name) for r in rows}
    assert "Thường trực Hội đồng nhân dân tỉnh" in names and "Các Tổ đại biểu Hội đồng nhân dân tỉnh" in names


def test_the_graph_conforms(chain_ds):
    from dcskg.validate import validate_dataset

    assert validate_dataset(chain_ds) == []
