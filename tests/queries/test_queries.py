"""Every named query: a header the tool reads, parameters projected, expected rows on the seeds."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from queries.runner import library, run_query

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


@pytest.mark.parametrize("name", QUERIES)
def test_runs_with_its_example_parameters(name, seed_ds):
    q = library()[name]
    rows = run_query(name, seed_ds, **{p.name: p.example for p in q.params})
    assert rows.vars


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
    assert sorted(Path(r["source"]).name for r in rows) == plans


def test_parameters_are_values_not_code(seed_ds):
    for evil in ['47/2025/NQ-HĐND" } UNION { ?s ?p ?o', "x'} ; DROP ALL", "{ }"]:
        assert len(run_query("plans_implementing", seed_ds, doc=evil)) == 0


def test_implementation_chain_with_sources(seed_ds):
    from ingest.to_rdf import plan_iri

    rows = run_query("implementation_chain", seed_ds, plan=plan_iri("000_70211efbcc79a593"))
    hops = {(r["toId"], r["source"].rsplit("/", 1)[-1], r["inferred"]) for r in rows}
    assert hops == {("47/2025/NQ-HĐND", "000_70211efbcc79a593.txt:9", False), ("10/2022/QH15", "rule:hdnd-measures-based-on-law", True)}


def test_cited_laws(seed_ds):
    from ingest.to_rdf import plan_iri

    rows = run_query("cited_laws", seed_ds, plan=plan_iri("002_740ba232e0108bc4"))
    assert [r["lawId"] for r in rows] == ["10/2022/QH15"]
