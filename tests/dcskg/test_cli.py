"""The `dcskg` commands as a user runs them: exit codes, one-line errors, real answers."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from clirun import dcskg
from gold import PLANS


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
    assert r.returncode == 1 and "unknown query" in r.stderr
    r = dcskg("query", "plans_implementing", "--store", str(seed_store))
    assert r.returncode == 1 and "missing parameter 'doc'" in r.stderr
    r = dcskg("query", "plans", "--store", str(seed_store / "nowhere"))
    assert r.returncode == 1 and "dcskg build" in r.stderr


def test_trace_reaches_the_law(seed_store):
    r = dcskg("trace", "data/plans/000_70211efbcc79a593.txt", "--store", str(seed_store))
    assert r.returncode == 0, r.stderr
    assert "47/2025/NQ-HĐND" in r.stdout and "10/2022/QH15" in r.stdout and "rule:hdnd-measures-based-on-law" in r.stdout


def test_trace_shows_a_broken_chain_as_such(seed_store):
    r = dcskg("trace", "002_740ba232e0108bc4", "--store", str(seed_store))
    assert "18/KH-UBND" in r.stdout and "chain breaks" in r.stdout and "10/2022/QH15" in r.stdout


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
    iri = "https://w3id.org/dcs-kg/id/plan/000-70211efbcc79a593/task/iii-3-1/lead/so-noi-vu"
    r = dcskg("explain", iri, "--store", str(seed_store))
    assert r.returncode == 0, r.stderr
    assert "000_70211efbcc79a593.txt" in r.stdout and "line 151" in r.stdout
    assert "Sở Nội vụ chủ trì, tham mưu Ủy ban nhân dân tỉnh" in r.stdout
    assert "role: lead" in r.stdout


def test_explain_unknown_fact(seed_store):
    r = dcskg("explain", "https://example.org/nothing", "--store", str(seed_store))
    assert r.returncode == 1 and "no such fact" in r.stderr
