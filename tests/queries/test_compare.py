"""queries/compare.py: two plans side by side — Vĩnh Long's (000) and Cần Thơ's (003)."""
from __future__ import annotations

import csv
import io

from clirun import dcskg

from queries.compare import compare


def test_what_both_and_each_alone_hold(seed_ds):
    sides = {(s.aspect, s.value): s for s in compare(seed_ds, "000", "003")}
    assert sides[("lead", "Sở Nội vụ")].where == "both"  # by name: each province's department
    assert sides[("implements", "47/2025/NQ-HĐND")].where == "a"
    assert sides[("implements", "65/NQ-HĐND")].where == "b"  # the symbol, not the local id
    assert sides[("lead", "Báo Cần Thơ")].where == "b" and sides[("lead", "Báo Cần Thơ")].b == 1
    assert sides[("deadline", "15/11")].where == "both"
    assert any(aspect == "measure" for aspect, _ in sides)


def test_a_plan_against_itself_differs_in_nothing(seed_ds):
    sides = compare(seed_ds, "003", "003_fcf3e25466826abb.txt")
    assert sides and all(s.where == "both" and s.a == s.b for s in sides)


def test_the_command_line_lists_only_the_differences_when_asked(seed_store):
    done = dcskg("compare", "000", "Cần Thơ", "--only-differences", "-f", "csv", "--store", str(seed_store))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    assert rows and "cả hai" not in {r["ở đâu"] for r in rows}
    assert {"thực hiện", "chủ trì"} <= {r["khía cạnh"] for r in rows}
