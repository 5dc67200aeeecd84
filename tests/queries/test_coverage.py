"""queries/coverage.py: who has and who has not carried a document out, unit by unit of the
official 2025 list — on the seeds: Vĩnh Long (000) and Cần Thơ (003) at province level, the
commune Nghi Dương of Hải Phòng (001); Vĩnh Linh (002) is a pre-2025 district and no unit."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from clirun import dcskg

from ingest import places
from ingest.errors import QueryError
from queries.coverage import coverage
from queries.runner import run_query


def test_every_province_is_listed_once_with_what_covers_it(seed_ds):
    units = coverage(seed_ds, "10/2022/QH15")
    assert len(units) == 34 == len({u.code for u in units})
    covered = {u.name: u for u in units if u.covered}
    assert set(covered) == {"Vĩnh Long", "Cần Thơ"}
    assert [d["file"] for d in covered["Vĩnh Long"].documents] == ["000_70211efbcc79a593.txt"]
    assert covered["Vĩnh Long"].documents[0]["how"] == "chain"  # through Resolution 47 to the Law
    assert covered["Cần Thơ"].first_date() == "2025-02-19"


def test_a_provinces_own_resolution_is_carried_out_directly(seed_ds):
    units = {u.name: u for u in coverage(seed_ds, "nq 47")}
    assert units["Vĩnh Long"].covered and units["Vĩnh Long"].documents[0]["how"] == "implements"
    assert not units["Cần Thơ"].covered


def test_the_communes_of_one_province(seed_ds):
    units = coverage(seed_ds, "10/2022/QH15", "commune", "hai phong")
    expected = [c for c in places.all_communes() if c.province == "Hải Phòng"]
    assert len(units) == len(expected) and {u.code for u in units} == {c.code for c in expected}
    assert [u.name for u in units if u.covered] == ["Nghi Dương"]


@pytest.mark.parametrize("level,within,code", [("district", None, "coverage_level"), ("commune", "Hà Giangg", "lookup_none_near")])
def test_what_cannot_be_listed_says_why(seed_ds, level, within, code):
    with pytest.raises(QueryError) as caught:
        coverage(seed_ds, "10/2022/QH15", level, within)
    assert caught.value.code == code


def test_the_command_line_lists_covered_and_missing(seed_store):
    done = dcskg("coverage", "10/2022/QH15", "-f", "csv", "--store", str(seed_store))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    assert len(rows) == 34
    assert {r["đơn vị"] for r in rows if r["đã có"] == "có"} == {"Vĩnh Long", "Cần Thơ"}
    assert sum(r["đã có"] == "chưa có" for r in rows) == 32
    country = dcskg("coverage", "10/2022/QH15", "--level", "commune", "-f", "json", "--store", str(seed_store))
    assert country.returncode == 0, country.stderr
    units = json.loads(country.stdout)
    assert sorted(u["code"] for u in units) == sorted(c.code for c in places.all_communes())
    assert [u["unit"] for u in units if u["covered"]] == ["Nghi Dương"]


def _routes(rows) -> list[tuple]:
    return sorted((str(r["plan"]), str(r["source"]), r["how"], bool(r["direct"]), str(r["date"]), r["genre"], r["issuer"]) for r in rows)


@pytest.fixture(scope="module")
def real_ds(tmp_path_factory):
    """The real development plans and the resolutions, decisions and directives of other genres."""
    from dcskg.store import build, open_dataset

    data = Path(__file__).resolve().parents[1] / "data"
    store = tmp_path_factory.mktemp("real") / "graph"
    built = build(sorted((data / "real").glob("*.md")) + sorted((data / "real" / "other").glob("*.md")), store)
    assert len(built.plans) - len(built.failed) > 30, [p.error for p in built.failed]
    return open_dataset(store)


@pytest.mark.parametrize("document", ["10/2022/QH15", "59/2023/NĐ-CP", "61/2023/NĐ-CP", "65/NQ-HĐND", "47/2025/NQ-HĐND", "20/NQ-HĐND"])
def test_the_chain_walked_in_python_is_the_querys(seed_ds, document):
    """Coverage walks the links read once; `plans_implementing` walks the chain with a property
    path: the same rows — direct, based on, through the chain, or only cited."""
    from queries import lookup
    from queries.coverage import implementing
    from queries.naming import ingested

    doc_id = lookup.document_id(seed_ds, document)
    asked = run_query("plans_implementing", seed_ds, doc=doc_id)
    assert _routes(implementing(seed_ds, doc_id, ingested(seed_ds))) == _routes(asked)
    assert asked.rows or document == "61/2023/NĐ-CP"


def test_the_chain_on_real_documents(real_ds):
    """Every document the real documents implement, are based on or cite: the same rows."""
    from queries.coverage import implementing
    from queries.naming import ingested

    read = ingested(real_ds)
    linked = "SELECT DISTINCT ?id WHERE { ?d (<http://data.europa.eu/eli/ontology#ensures_implementation_of>|<http://data.europa.eu/eli/ontology#based_on>|<http://data.europa.eu/eli/ontology#cites>) ?t . ?t <http://data.europa.eu/eli/ontology#id_local> ?id }"
    ids = sorted(str(r[0]) for r in real_ds.query(linked))
    tried = 0
    for doc_id in ids:
        asked = run_query("plans_implementing", real_ds, doc=doc_id)
        assert _routes(implementing(real_ds, doc_id, read)) == _routes(asked), doc_id
        tried += len(asked.rows)
    assert len(ids) > 50 and tried > 100
