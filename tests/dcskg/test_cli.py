"""The `dcskg` commands as a user runs them: exit codes, one-line errors, real answers."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from clirun import dcskg
from gold import PLANS, ROOT


def test_extract_json_contract(gold_docs):
    files = sorted(str(p) for p in PLANS.glob("*.txt"))
    r = dcskg("extract", *files, "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert [Path(d["source"]).name for d in data] == sorted(gold_docs)
    for d in data:
        assert set(d) >= {"source", "document", "legal_refs", "tasks", "reporting", "agencies", "warnings"}
        assert set(d["document"]) >= {"type", "number", "symbol", "issuer", "issuer_level", "place", "date", "title", "signer"}
        for ref in d["legal_refs"]:
            assert set(ref) >= {"id", "type", "issuer", "date", "relation", "mentions"}
            assert all({"line", "quote"} <= set(m) for m in ref["mentions"])
        for t in d["tasks"]:
            assert set(t) >= {"path", "text", "lead", "support", "requested", "timeframe", "deadline", "line"}
    vinh_long = next(d for d in data if d["source"].endswith("000_70211efbcc79a593.txt"))
    assert [r["id"] for r in vinh_long["legal_refs"] if r["relation"] == "implements"] == ["47/2025/NQ-HĐND"]


@pytest.mark.parametrize("name,content", [("empty.txt", b""), ("junk.txt", bytes(range(256)) * 10), ("plan.odt", b"x")])
def test_bad_file_gives_one_line_error(tmp_path, name, content):
    bad = tmp_path / name
    bad.write_bytes(content)
    r = dcskg("extract", str(bad))
    assert r.returncode != 0
    assert str(bad) in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_build_goes_on_past_a_bad_file_and_keeps_the_graph(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLANS / "000_70211efbcc79a593.txt", plans)
    store = tmp_path / "graph"
    first = dcskg("build", str(plans), "--store", str(store))
    assert first.returncode == 0, first.stderr
    (plans / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    shutil.copy(PLANS / "003_fcf3e25466826abb.txt", plans)
    second = dcskg("build", str(plans), "--store", str(store))
    assert second.returncode == 1
    assert "broken.txt" in second.stdout and "broken.txt" in second.stderr
    assert "Traceback" not in second.stderr
    rows = dcskg("query", "plans", "--store", str(store), "--format", "json")
    sources = sorted(Path(r["source"]).name for r in json.loads(rows.stdout))
    assert sources == ["000_70211efbcc79a593.txt", "003_fcf3e25466826abb.txt"]


def test_rebuild_is_idempotent(tmp_path):
    from dcskg.store import build, open_dataset

    store = tmp_path / "graph"
    build([PLANS], store)
    n1 = len(open_dataset(store))
    report = build([PLANS], store)
    assert {p.status for p in report.plans} == {"unchanged"}
    assert len(open_dataset(store)) == n1


def test_query_plans_implementing(seed_store):
    r = dcskg("query", "plans_implementing", "--param", "doc=47/2025/NQ-HĐND", "--store", str(seed_store), "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [Path(x["source"]).name for x in rows] == ["000_70211efbcc79a593.txt"]


def test_query_errors_are_one_line(seed_store):
    r = dcskg("query", "no_such_query", "--store", str(seed_store))
    assert r.returncode == 1 and "không có câu hỏi này" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = dcskg("query", "plans_implementing", "--store", str(seed_store))
    assert r.returncode == 1 and "thiếu tham số 'doc'" in r.stderr
    r = dcskg("--lang", "en", "query", "plans_implementing", "--store", str(seed_store))
    assert r.returncode == 1 and "missing parameter 'doc'" in r.stderr
    r = dcskg("query", "plans", "--store", str(seed_store / "nowhere"))
    assert r.returncode == 1 and "dcskg build" in r.stderr


def test_trace_reaches_the_law(seed_store):
    r = dcskg("trace", "data/plans/000_70211efbcc79a593.txt", "--store", str(seed_store))
    assert r.returncode == 0, r.stderr
    assert "47/2025/NQ-HĐND" in r.stdout and "10/2022/QH15" in r.stdout and "rule:hdnd-measures-based-on-law" in r.stdout


def test_trace_shows_a_broken_chain_as_such(seed_store):
    r = dcskg("--lang", "en", "trace", "002_740ba232e0108bc4", "--store", str(seed_store))
    assert "18/KH-UBND" in r.stdout and "chain breaks" in r.stdout and "10/2022/QH15" in r.stdout
    # Vietnamese by default, the plan named by issuer and date, not by its file
    r = dcskg("trace", "002_740ba232e0108bc4", "--store", str(seed_store))
    assert r.stdout.startswith("Kế hoạch — Ủy ban nhân dân huyện Vĩnh Linh, 01/2025")
    assert "chuỗi dừng" in r.stdout and "dẫn chiếu Luật 10/2022/QH15" in r.stdout


def test_trace_reverse_lists_the_plans_reaching_the_law(seed_store):
    r = dcskg("trace", "--reverse", "10/2022/QH15", "--store", str(seed_store))
    assert r.returncode == 0, r.stderr
    for stem in ("000_70211efbcc79a593", "001_eb4faafb2f2e4644", "003_fcf3e25466826abb", "004_9fd1b90b08d6ae98"):
        assert stem.replace("_", "-") in r.stdout or stem in r.stdout


def test_validate_passes_on_seeds(seed_store):
    r = dcskg("validate", "--store", str(seed_store))
    assert r.returncode == 0, r.stderr


def test_remove_a_plan(tmp_path):
    from dcskg.store import build, manifest

    store = tmp_path / "graph"
    build([PLANS], store)
    r = dcskg("remove", "001_eb4faafb2f2e4644", "--store", str(store))
    assert r.returncode == 0, r.stderr
    assert "001_eb4faafb2f2e4644" not in manifest(store)
    rows = json.loads(dcskg("query", "plans", "--store", str(store), "-f", "json").stdout)
    assert len(rows) == 4


def test_export_formats(seed_store, tmp_path):
    from rdflib import Dataset, Graph

    for fmt, parse_as in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        r = dcskg("export", "graph", "--format", fmt, "--out", str(tmp_path), "--store", str(seed_store))
        assert r.returncode == 0, r.stderr
        g = Graph().parse(next(tmp_path.glob(f"graph.{fmt}")), format=parse_as)
        assert len(g) > 1000
    r = dcskg("export", "graph", "--format", "trig", "--out", str(tmp_path), "--store", str(seed_store))
    ds = Dataset().parse(tmp_path / "graph.trig", format="trig")
    assert len(list(ds.graphs())) >= 7


def test_explain_an_assignment_of_seed_000(seed_store):
    iri = "https://w3id.org/dcs-kg/id/plan/000-70211efbcc79a593/task/iii-3-1/lead/vinh-long-so-noi-vu"
    r = dcskg("--lang", "en", "explain", iri, "--store", str(seed_store))
    assert r.returncode == 0, r.stderr
    assert "000_70211efbcc79a593.txt" in r.stdout and "line 151" in r.stdout
    assert "dòng 151" in dcskg("explain", iri, "--store", str(seed_store)).stdout
    assert "Sở Nội vụ chủ trì, tham mưu Ủy ban nhân dân tỉnh" in r.stdout
    assert "role: lead" in r.stdout


def test_explain_unknown_fact(seed_store):
    r = dcskg("--lang", "en", "explain", "https://example.org/nothing", "--store", str(seed_store))
    assert r.returncode == 1 and "no such fact" in r.stderr
    r = dcskg("explain", "foo", "--store", str(seed_store))
    assert r.returncode == 2 and "không phải IRI" in r.stderr and "ENCODE_FOR_URI" not in r.stderr


def test_every_message_exists_in_both_languages_with_the_same_places():
    import re
    import string

    from dcskg.i18n import catalogue

    for key, entry in catalogue().items():
        if key == "sentences":  # patterns of the pipeline's English sentences, each with both templates
            for s in entry:
                groups = set(re.compile(s["pattern"]).groupindex)
                places = [{f for _, f, _, _ in string.Formatter().parse(s[lang]) if f} for lang in ("vi", "en")]
                assert places[0] == places[1] == groups, s["pattern"]
            continue
        assert set(entry) == {"vi", "en"}, key
        if isinstance(entry["vi"], str):
            places = [{f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f} for lang in ("vi", "en")]
            assert places[0] == places[1], key
        else:
            assert len(entry["vi"]) == len(entry["en"]), key
    # the CLI takes its words from the catalogue only: every key it asks for exists
    source = (ROOT / "dcskg" / "cli.py").read_text(encoding="utf-8")
    asked = set(re.findall(r"""\bt\(\s*["']([a-z_]+)["']""", source))
    asked |= {f"{prefix}{word}" for prefix in ("status_", "how_") for word in ("ingested", "unchanged", "failed", "implements", "based_on", "chain", "cites") if f"{prefix}{word}" in catalogue()}
    assert asked and asked <= set(catalogue())
    helps = {f"help_{k}" for k in re.findall(r"""\bh\(\s*["']([a-z_]+)["']""", source)}
    assert len(helps) > 40 and helps <= set(catalogue())


def test_build_speaks_vietnamese_and_names_plans(tmp_path):
    r = dcskg("build", str(PLANS / "003_fcf3e25466826abb.txt"), "--store", str(tmp_path / "g"), "--no-validate")
    assert r.returncode == 0, r.stderr
    assert "Đồ thị dcs-kg" in r.stdout and "nhiệm vụ" in r.stdout and "đã đọc" in r.stdout
    assert "Kế hoạch — Ủy ban nhân dân thành phố Cần Thơ, 19/02/2025" in r.stdout
    r = dcskg("--lang", "en", "build", str(PLANS / "003_fcf3e25466826abb.txt"), "--store", str(tmp_path / "g"), "--no-validate")
    assert "dcs-kg graph in" in r.stdout and "unchanged" in r.stdout


# files a build refuses, each with why in both languages (ingest/readers.py, ingest/pipeline.py)
REFUSED = [
    ("empty.txt", b"", "tệp rỗng", "empty file"),
    ("blank.txt", b"\n \n", "tệp không có chữ nào", "no text in file"),
    ("nul.txt", b"K\x00\x01\x02", "tệp nhị phân, không phải văn bản (có byte NUL)", "binary file, not text (NUL bytes)"),
    ("table.xlsx", b"PK", "định dạng không đọc được '.xlsx'; cần một trong", "unknown format '.xlsx'; expected one of"),
    ("news.txt", "Tin tức\nHôm nay xã tổ chức hội nghị về dân chủ ở cơ sở.\n".encode(), "không phải văn bản hành chính: không có tên loại văn bản",
     "not an administrative document: no type heading"),
]


@pytest.mark.parametrize(("name", "content", "vi", "en"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_refused_file_is_said_in_the_readers_language(tmp_path, name, content, vi, en):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(content)
    r = dcskg("build", str(folder / name), "--store", str(tmp_path / "g"), "--no-validate")
    assert r.returncode == 1 and f"{name}: {vi}" in r.stderr.replace("\n", " "), r.stderr
    assert en not in r.stderr + r.stdout
    r = dcskg("--lang", "en", "extract", str(folder / name))
    assert r.returncode == 1 and en in r.stderr.replace("\n", " ") and vi not in r.stderr, r.stderr


def test_piped_tables_are_not_cut_to_80_columns(seed_store):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    r = subprocess.run([sys.executable, "-c", "from dcskg.cli import main; main()", "query", "plans", "--store", str(seed_store)],
                       capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert max(len(line) for line in r.stdout.splitlines()) > 80


def test_query_csv_starts_with_a_bom_for_excel(seed_store):
    r = dcskg("query", "plans", "--store", str(seed_store), "-f", "csv")
    assert r.stdout.startswith("\ufeff")


def test_a_default_export_file_is_not_overwritten(seed_store, tmp_path):
    (tmp_path / "tasks.csv").write_text("mine", encoding="utf-8")
    r = dcskg("export", "tasks", "--store", str(seed_store), cwd=tmp_path)
    assert r.returncode == 1 and "--force" in r.stderr
    assert (tmp_path / "tasks.csv").read_text(encoding="utf-8") == "mine"
    r = dcskg("export", "tasks", "--store", str(seed_store), "--force", cwd=tmp_path)
    assert r.returncode == 0 and (tmp_path / "tasks.csv").read_text(encoding="utf-8-sig").startswith("STT")


def test_reverse_trace_names_plans_and_finds_a_law_by_name(seed_store):
    r = dcskg("trace", "--reverse", "luat thuc hien dan chu o co so", "--store", str(seed_store))
    assert r.returncode == 0, r.stderr
    assert "Kế hoạch — Ủy ban nhân dân tỉnh Vĩnh Long, 2026" in r.stdout and "qua chuỗi" in r.stdout


def test_query_answers_speak_the_readers_language(seed_store):
    r = dcskg("query", "agency_kind_load", "--store", str(seed_store), "-f", "csv")
    header, *rows = r.stdout.lstrip("\ufeff").splitlines()
    assert header.startswith("tên,loại cơ quan,chủ trì,phối hợp") and any(",Sở," in row for row in rows)
    assert not any(",department," in row for row in rows)
    r = dcskg("--lang", "en", "query", "agency_kind_load", "--store", str(seed_store), "-f", "csv")
    assert r.stdout.lstrip("\ufeff").startswith("name,kind,leads") and ",department (Sở)," in r.stdout
    # --codes and JSON give what a program wants: the query's own names and codes
    r = dcskg("query", "agency_kind_load", "--store", str(seed_store), "-f", "csv", "--codes")
    assert r.stdout.lstrip("\ufeff").startswith("name,kind,") and ",department," in r.stdout
    r = dcskg("query", "agency_kind_load", "--store", str(seed_store), "-f", "json")
    assert {"department"} <= {row["kind"] for row in json.loads(r.stdout)}


def test_trace_prints_rows_for_pipes(seed_store):
    r = dcskg("trace", "000_70211efbcc79a593.txt", "--store", str(seed_store), "-f", "json")
    hops = json.loads(r.stdout)
    assert [(h["depth"], h["relation"], h["document_id"]) for h in hops][:2] == [(1, "implements", "47/2025/NQ-HĐND"), (2, "based_on", "10/2022/QH15")]
    assert hops[0]["source"].endswith("000_70211efbcc79a593.txt:9") and hops[1]["inferred"] is True
    r = dcskg("trace", "000_70211efbcc79a593.txt", "--store", str(seed_store), "-f", "csv")
    lines = r.stdout.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("bậc,quan hệ,văn bản") and lines[1].startswith("1,thực hiện,Nghị quyết 47/2025/NQ-HĐND")
    r = dcskg("trace", "10/2022/QH15", "--reverse", "--store", str(seed_store), "-f", "json")
    assert {row["how"] for row in json.loads(r.stdout)} >= {"chain", "cites"}
    r = dcskg("trace", "000_70211efbcc79a593.txt", "--store", str(seed_store), "-f", "xml")
    assert r.returncode == 2 and "--format" in r.stderr


def test_help_speaks_vietnamese_and_english_on_request():
    r = dcskg("--help")
    assert "Đọc các văn bản vào kho đồ thị" in r.stdout
    r = dcskg("build", "--help")
    assert "Thư mục kho đồ thị" in r.stdout and "Graph store folder" not in r.stdout
    r = dcskg("--lang", "en", "build", "--help")
    assert "Graph store folder" in r.stdout and "Thư mục kho đồ thị" not in r.stdout


def test_one_error_handler_for_every_command(seed_store):
    """Commands do not wrap their calls: the group turns a DcsKgError into one line, exit 1."""
    import re

    source = (ROOT / "dcskg" / "cli.py").read_text(encoding="utf-8")
    assert len(re.findall(r"except DcsKgError", source)) == 1
    for args in (("query", "plans_implementing", "-p", "doc=99/2099/NQ-HĐND"), ("trace", "no-such-plan"), ("network", "--plan", "no-such-plan")):
        r = dcskg(*args, "--store", str(seed_store))
        assert r.returncode == 1 and r.stderr.startswith("lỗi:") and "Traceback" not in r.stderr, args


def test_every_answer_column_has_a_header_in_both_languages():
    from rdflib.plugins.sparql import prepareQuery

    from dcskg.i18n import catalogue
    from queries.present import DOCUMENT_COLUMN
    from queries.runner import library

    headers = catalogue()["columns"]
    for q in library().values():
        columns = [str(v) for v in prepareQuery(q.text).algebra["PV"]]
        columns += [DOCUMENT_COLUMN] if "document" in dict(q.show).values() else []
        for lang in ("vi", "en"):
            shown = [headers[lang][v] for v in columns]  # KeyError: a column without a header
            assert len(set(shown)) == len(shown), (q.name, lang)  # two columns, one header


def test_a_rebuild_lists_what_it_read_and_counts_what_it_knew(tmp_path, monkeypatch):
    """Unchanged documents beyond a few are one line of the report (10,000 rows took 9 s to
    print); a document read again keeps its row."""
    import shutil

    folder = tmp_path / "plans"
    folder.mkdir()
    for f in sorted(PLANS.glob("00[0-4]_*.txt")):
        shutil.copy(f, folder / f.name)
    store = tmp_path / "g"
    assert dcskg("build", str(folder), "--store", str(store), "--no-validate").returncode == 0
    changed = folder / "003_fcf3e25466826abb.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    from dcskg import cli

    monkeypatch.setattr(cli, "UNCHANGED_LISTED", 2)
    from typer.testing import CliRunner

    r = CliRunner().invoke(cli.app, ["build", str(folder), "--store", str(store), "--no-validate"])
    assert r.exit_code == 0, r.output
    assert "và 4 văn bản không đổi" in r.output and "003_fcf3e25466826abb.txt" in r.output
    assert "000_70211efbcc79a593.txt" not in r.output


@pytest.mark.parametrize("cited", ["nq 65", "Nghị quyết 65", "65/NQ-HĐND"])
def test_trace_of_a_document_cited_but_not_read_lists_who_carries_it_out(seed_store, cited):
    """Cần Thơ's plan (003) carries out resolution 65/NQ-HĐND, which no seed is: climbing its own
    chain is impossible, so trace says so and lists the plans that carry it out."""
    done = dcskg("trace", cited, "--store", str(seed_store))
    assert done.returncode == 0, done.stderr
    assert "chưa được đọc" in done.stdout and "003_fcf3e25466826abb.txt" in done.stdout
    rows = json.loads(dcskg("trace", cited, "-f", "json", "--store", str(seed_store)).stdout)
    assert [r["file"] for r in rows] == ["003_fcf3e25466826abb.txt"]
