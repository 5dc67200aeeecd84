"""queries/coverage.py: who has and who has not carried a document out, unit by unit of the
official 2025 list — on the seeds: Vĩnh Long (000) and Cần Thơ (003) at province level, the
commune Nghi Dương of Hải Phòng (001); Vĩnh Linh (002) is a pre-2025 district and no unit."""
from __future__ import annotations

import csv
import io
import json

import pytest
from clirun import dcskg

from ingest import places
from ingest.errors import QueryError
from queries.coverage import coverage


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
