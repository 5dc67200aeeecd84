"""Every command finds plans, documents and agencies the same way, with the spellings people
type, and says so in Vietnamese when it finds nothing — never an empty file with exit 0."""

from __future__ import annotations

import csv
import io
import re
import shutil

import openpyxl
import pytest
from clirun import dcskg
from icalendar import Calendar

VINH_LINH = "002_740ba232e0108bc4"  # seed 002: Ủy ban nhân dân huyện Vĩnh Linh

# Sở Nội vụ leads or supports tasks in the seeds of Vĩnh Long and Cần Thơ
AGENCY_SPELLINGS = ["Sở Nội vụ", "sở nội vụ", "So Noi vu", "SNV", "Sở Nội Vụ tỉnh Vĩnh Long", "sở nội vụ Vĩnh Long"]
PLAN_SPELLINGS = ["002", "Vĩnh Linh", "vinh linh", f"{VINH_LINH}.txt", VINH_LINH, "Ủy ban nhân dân huyện Vĩnh Linh"]
RESOLUTION_SPELLINGS = ["47/2025/NQ-HĐND", "nq 47", "NQ 47", "Nghị quyết 47", "Nghị quyết số 47", "47"]


@pytest.mark.parametrize("agency", AGENCY_SPELLINGS)
def test_query_and_exports_find_an_agency_by_every_spelling(agency, seed_store, tmp_path):
    asked = dcskg("query", "agency_tasks", "-p", f"agency={agency}", "-f", "csv", "--store", str(seed_store))
    assert asked.returncode == 0, asked.stderr
    found = asked.stdout.strip().splitlines()[1:]
    assert found, agency
    if "Vĩnh Long" in agency:  # a place named with the agency narrows the answer to it
        assert all(",Vĩnh Long," in line for line in found), found
    out = tmp_path / "t.xlsx"
    export = dcskg("export", "tasks", "-f", "xlsx", "--agency", agency, "--out", str(out), "--store", str(seed_store))
    assert export.returncode == 0, export.stderr
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    lead, support = header.index("Cơ quan chủ trì"), header.index("Cơ quan phối hợp")
    assert len(rows) > 1
    assert all("Sở Nội vụ" in f"{r[lead]}; {r[support]}" for r in rows[1:])
    if "Vĩnh Long" in agency:
        assert all(r[header.index("Tỉnh, thành phố")] == "Vĩnh Long" for r in rows[1:])
    calendar = tmp_path / "r.ics"
    cal = dcskg("export", "calendar", "--agency", agency, "--out", str(calendar), "--store", str(seed_store))
    assert cal.returncode == 0, cal.stderr
    events = [c for c in Calendar.from_ical(calendar.read_bytes()).walk("VEVENT")]
    assert events and all("Sở Nội vụ" in str(e["summary"]) for e in events)
    assert all(str(e.get("location", "")) for e in events)  # which province's deadline


@pytest.mark.parametrize("plan", PLAN_SPELLINGS)
def test_trace_network_and_export_find_a_plan_by_every_spelling(plan, seed_store, tmp_path):
    trace = dcskg("trace", plan, "--store", str(seed_store))
    assert trace.returncode == 0, trace.stderr
    assert "Vĩnh Linh" in trace.stdout.splitlines()[0]
    page = tmp_path / "n.html"
    network = dcskg("network", "--plan", plan, "--out", str(page), "--store", str(seed_store))
    assert network.returncode == 0, network.stderr
    assert page.exists()
    out = tmp_path / "t.csv"
    export = dcskg("export", "tasks", "--plan", plan, "--out", str(out), "--store", str(seed_store))
    assert export.returncode == 0, export.stderr
    files = {line.rsplit(",", 2)[-2] for line in out.read_text(encoding="utf-8-sig").splitlines()[1:]}
    assert files == {f"{VINH_LINH}.txt"}


def test_remove_finds_a_plan_as_trace_does(seed_store, tmp_path):
    store = tmp_path / "graph"
    shutil.copytree(seed_store, store, symlinks=True)  # "current" is a link to the generation
    done = dcskg("remove", "Vĩnh Linh", "--store", str(store))
    assert done.returncode == 0, done.stderr
    assert VINH_LINH in done.stdout
    gone = dcskg("trace", "002", "--store", str(store))
    assert gone.returncode == 1


@pytest.mark.parametrize("doc", RESOLUTION_SPELLINGS)
def test_a_document_by_genre_word_and_number(doc, seed_store):
    asked = dcskg("query", "plans_implementing", "-p", f"doc={doc}", "-f", "csv", "--store", str(seed_store))
    assert asked.returncode == 0, asked.stderr
    assert len(asked.stdout.strip().splitlines()) > 1


@pytest.mark.parametrize(
    "args",
    [
        ["export", "tasks", "--agency", "Sở Ngoại giao"],
        ["export", "tasks", "-f", "xlsx", "--agency", "sở nội vụ Hà Giang"],
        ["export", "tasks", "--plan", "Vĩnh Linh", "--agency", "Sở Nội vụ"],  # both exist, never together
        ["export", "calendar", "--agency", "Bộ Ngoại giao"],
    ],
    ids=["unknown agency", "unknown place", "no task in common", "calendar"],
)
def test_a_filter_that_matches_nothing_is_an_error_and_writes_nothing(args, seed_store, tmp_path):
    out = tmp_path / "out.file"
    done = dcskg(*args, "--out", str(out), "--store", str(seed_store))
    assert done.returncode == 1
    assert done.stderr.startswith("lỗi:")
    assert not out.exists()


# English words that would betray an untranslated message
ENGLISH = re.compile(r"\b(?:no|not|missing|unknown|parameter|matches|graph|query|Usage|Error|Try|such|argument|option|did you mean)\b")


@pytest.mark.parametrize(
    "args",
    [
        ["query"],
        ["query", "agency_taks"],
        ["query", "agency_tasks"],
        ["query", "agency_tasks", "-p", "co_quan=Sở Nội vụ"],
        ["query", "agency_tasks", "-p", "agency=xyzabc"],
        ["query", "plans", "-p", "x=1"],
        ["query", "plans", "--bogus"],
        ["trace"],
        ["trace", "nowhere at all"],
        ["trace", "kh"],
        ["network", "--plan", "47/2025/QH99"],
        ["export", "tasks", "--agency", "SXYZ"],
        ["bogus-command"],
    ],
)
def test_vietnamese_mode_says_no_english_when_it_fails(args, seed_store):
    done = dcskg(*args, "--store", str(seed_store))
    assert done.returncode in (1, 2), done
    said = done.stderr.strip()
    assert said.startswith("lỗi:"), said
    # names the reader typed, and lists of query names, may be English words themselves
    words = re.sub(r"\b[a-z]+_[a-z_]+\b|`[^`]*`", "", said.split(":", 1)[1])
    for typed in args:
        words = words.replace(typed, "")
    assert not ENGLISH.search(words), said


def test_english_on_request(seed_store):
    done = dcskg("--lang", "en", "query", "agency_tasks", "-p", "agency=xyzabc", "--store", str(seed_store))
    assert done.returncode == 1
    assert "no agency in the graph matches" in done.stderr


@pytest.mark.parametrize(
    "args",
    [["plans"], ["plans_implementing", "-p", "doc=10/2022/QH15"], ["plan_tasks", "-p", "plan=002"], ["documents"], ["resolutions_implemented"]],
    ids=lambda a: a[0],
)
def test_tables_name_plans_and_documents_not_their_identifiers(args, seed_store):
    table = dcskg("query", *args, "-f", "csv", "--store", str(seed_store))
    assert table.returncode == 0, table.stderr
    body = table.stdout.splitlines()[1:]
    assert body
    assert not any("w3id.org/dcs-kg/id/plan/" in line or re.search(r"@[^,]+/\d{4}", line) for line in body), body[:3]
    # programs still get the identifiers
    data = dcskg("query", *args, "-f", "json", "--store", str(seed_store))
    if args[0] in ("plans", "plans_implementing", "plan_tasks"):
        assert "w3id.org/dcs-kg/id/" in data.stdout


@pytest.mark.parametrize("command", [[], ["build"], ["query"], ["export"], ["trace"], ["network"], ["serve"]], ids=lambda c: c[0] if c else "dcskg")
def test_help_is_vietnamese_to_its_frame(command):
    shown = dcskg(*command, "--help")
    assert shown.returncode == 0, shown.stderr
    assert "Show this message" not in shown.stdout and "Options" not in shown.stdout and "Arguments" not in shown.stdout
    assert "Xem hướng dẫn này rồi thoát" in shown.stdout and "Tùy chọn" in shown.stdout
    english = dcskg("--lang", "en", *command, "--help")
    assert "Show this message and exit" in english.stdout and "Options" in english.stdout


def test_network_statistics_in_words(seed_store, tmp_path):
    shown = dcskg("network", "--stats", "--out", str(tmp_path / "n.html"), "--store", str(seed_store))
    assert shown.returncode == 0, shown.stderr
    for code in ("collective_group", "department", "weighted_degree", "lead_support_ratio", "betweenness", "exact", "nodes"):
        assert code not in shown.stdout, code
    assert "Nhóm cơ quan" in shown.stdout and "độ trung gian" in shown.stdout and "tỉ lệ chủ trì / phối hợp" in shown.stdout


WARNING_SAMPLES = [
    "task II.3.b (line 163): no lead agency found",
    "item label repeated: 2 tasks at path PL1.2.1",
    "the issuer's place is not named in the text",
    "no numbered sections or articles found: tasks could not be read",
    "10/2022/QH15 is dated differently in the text: 2022-11-10 (line 3), 2022-11-11 (line 9); kept 2022-11-10",
    "far from the subject: the document names neither grassroots democracy nor the Law 10/2022/QH15 or its decrees",
    "typed in a legacy TCVN3 font: read in the Vietnamese letters the font draws",
]


def test_every_warning_the_pipeline_writes_is_said_in_vietnamese(extractions):
    import ast

    from gold import ROOT

    from dcskg.i18n import sentences
    from queries.present import say

    # the pipeline's warning sentences, as its code writes them: one sample of each
    written = 0
    for path in (ROOT / "ingest").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "append" and getattr(node.func.value, "id", "") in ("warnings", "notes"):
                written += 1
    assert written == len(WARNING_SAMPLES)  # a new kind of warning needs a sample and a pattern
    seen = WARNING_SAMPLES + [w for ex in extractions.values() for w in ex.warnings]
    for warning in seen:
        vi = say(warning, sentences("vi"))
        assert vi != warning and not ENGLISH.search(vi.replace("QH15", "")), warning
        assert say(warning, sentences("en")) == warning


def test_build_lists_its_warnings_in_words(tmp_path):
    from gold import PLANS

    done = dcskg("build", str(PLANS), "--warnings", "--no-validate", "--store", str(tmp_path / "graph"))
    assert done.returncode == 0, done.stderr
    assert "Lưu ý khi đọc các văn bản" in done.stdout
    assert "không tìm thấy cơ quan chủ trì" in done.stdout
    assert "no lead agency found" not in done.stdout and "(line" not in done.stdout


@pytest.mark.parametrize("name,columns", [("agency_coordination", ("chủ trì", "phối hợp")), ("agency_lead_load", ("tên",)), ("task_table", ("chủ trì", "phối hợp"))])
def test_no_vague_leaves_out_groups_that_name_nobody(name, columns, seed_store, seed_ds):
    vague = {
        str(r.name)
        for r in seed_ds.query("PREFIX dcs: <https://w3id.org/dcs-kg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?name WHERE { ?g dcs:generic true ; skos:prefLabel ?name }")
    }
    assert "Các cơ quan, đơn vị, tổ chức, địa phương" in vague
    every = list(csv.DictReader(io.StringIO(dcskg("query", name, "-f", "csv", "--store", str(seed_store)).stdout.lstrip("\ufeff"))))
    done = dcskg("query", name, "--no-vague", "-f", "csv", "--store", str(seed_store))
    assert done.returncode == 0, done.stderr
    kept = list(csv.DictReader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    assert 0 < len(kept) < len(every)
    for row in kept:
        for column in columns:
            names = [n.strip() for n in (row[column] or "").split(";") if n.strip()]
            assert not names or any(n not in vague for n in names), row


def test_pairs_of_agencies_name_each_sides_place(seed_store):
    """Sở Nội vụ of Vĩnh Long and of Cần Thơ are two bodies: their pairs and partners say which."""
    pairs = list(csv.DictReader(io.StringIO(dcskg("query", "agency_coordination", "-f", "csv", "--store", str(seed_store)).stdout.lstrip("\ufeff"))))
    assert {"chủ trì", "địa bàn chủ trì", "phối hợp", "địa bàn phối hợp"} <= set(pairs[0])
    assert ("Sở Nội vụ", "Cần Thơ", "Sở Tư pháp", "Cần Thơ") in [(r["chủ trì"], r["địa bàn chủ trì"], r["phối hợp"], r["địa bàn phối hợp"]) for r in pairs]
    done = dcskg("query", "agency_partners", "-p", "agency=sở nội vụ", "-f", "csv", "--store", str(seed_store))
    assert done.returncode == 0, done.stderr
    partners = list(csv.DictReader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    assert {r["địa bàn"] for r in partners} == {"Vĩnh Long", "Cần Thơ"}
    assert all(r["địa bàn cơ quan cùng làm"] == r["địa bàn"] for r in partners if r["cơ quan cùng làm"] == "Sở Tư pháp")


@pytest.mark.parametrize("name,params", [("agency_tasks", ("-p", "agency=SNV")), ("kind_tasks", ("-p", "kind=department"))])
def test_task_tables_show_no_internal_identifiers(name, params, seed_store):
    """A person reads a task by its plan and item; the IRI stays for programs (--codes, JSON)."""
    shown = dcskg("query", name, *params, "--store", str(seed_store))
    assert shown.returncode == 0, shown.stderr
    assert "mục" in shown.stdout and "Sở Nội vụ" in shown.stdout
    assert "w3id.org/dcs-kg/id/" not in shown.stdout
    as_csv = dcskg("query", name, *params, "-f", "csv", "--store", str(seed_store)).stdout
    assert "w3id.org/dcs-kg/id/" not in as_csv and "mục" in as_csv
    for program in (("-f", "json"), ("--codes", "-f", "csv")):
        assert "w3id.org/dcs-kg/id/plan/" in dcskg("query", name, *params, *program, "--store", str(seed_store)).stdout


def test_a_readers_own_query_needs_no_english(seed_store, tmp_path):
    """A .rq asked in Vietnamese alone runs; a header without a title is refused in Vietnamese."""
    mine = tmp_path / "cua_toi.rq"
    mine.write_text(
        '#+ title: "Của tôi"\n#+ question_vi: "Có bao nhiêu tệp đã đọc?"\n#+ params: []\n'
        "PREFIX dcs: <https://w3id.org/dcs-kg/ontology#>\nSELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?d dcs:sourceFile ?f }\n",
        encoding="utf-8",
    )
    done = dcskg("query", str(mine), "-f", "csv", "--store", str(seed_store))
    assert done.returncode == 0, done.stderr
    assert done.stdout.lstrip("\ufeff").splitlines()[1] == "5"  # the five bundled plans' files
    mine.write_text('#+ question_vi: "Không tên"\nSELECT * WHERE { ?s ?p ?o } LIMIT 1\n', encoding="utf-8")
    refused = dcskg("query", str(mine), "--store", str(seed_store))
    assert refused.returncode != 0 and "thiếu 'title'" in refused.stderr and "lacks" not in refused.stderr
