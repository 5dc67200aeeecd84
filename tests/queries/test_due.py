"""queries/due.py: what falls due — recurring reporting duties at their next date, one-off task
deadlines in the year of their plan, past ones kept — by agency and place."""
from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from clirun import dcskg

from queries.due import _next, dated, due


@pytest.mark.parametrize(
    "month,day,on,expected",
    [(11, 15, dt.date(2026, 11, 1), dt.date(2026, 11, 15)), (11, 15, dt.date(2026, 11, 15), dt.date(2026, 11, 15)), (11, 15, dt.date(2026, 11, 16), dt.date(2027, 11, 15)), (2, 30, dt.date(2026, 1, 1), None)],
)
def test_a_recurring_duty_falls_due_at_its_next_date(month, day, on, expected):
    assert _next(month, day, on) == expected


@pytest.mark.parametrize("text,year,expected", [("15/11", "2025", dt.date(2025, 11, 15)), ("15/11/2026", "2025", dt.date(2026, 11, 15)), ("15/11", "", None), ("quý IV", "2025", None), ("31/2", "2025", None)])
def test_a_task_deadline_is_in_its_plans_year_unless_it_writes_one(text, year, expected):
    assert dated(text, year) == expected


def test_the_seeds_reports_of_november(seed_ds):
    items = due(seed_ds, dt.date(2026, 11, 1), 30)
    assert items and all(0 <= d.days <= 30 for d in items) and items == sorted(items, key=lambda d: (d.date, d.file, d.line or 0))
    assert {(d.date, d.file) for d in items} >= {(dt.date(2026, 11, 15), "000_70211efbcc79a593.txt"), (dt.date(2026, 11, 10), "003_fcf3e25466826abb.txt")}
    # a plan's task that states its reporting date is listed once, as the duty
    assert len({(d.file, d.line, d.who) for d in items}) == len(items)
    assert not due(seed_ds, dt.date(2026, 1, 1), 30)  # nothing in January
    # the same duties recur: next year's date after this year's has passed
    later = due(seed_ds, dt.date(2026, 11, 16), 365)
    assert any(d.date == dt.date(2027, 11, 15) for d in later)


def test_by_agency_and_place(seed_ds):
    snv = due(seed_ds, dt.date(2026, 11, 1), 30, agency="SNV")
    assert snv and all("Sở Nội vụ" in (d.who, d.to, d.via) for d in snv)
    vinh_long = due(seed_ds, dt.date(2026, 11, 1), 30, place="vinh long")
    assert vinh_long and {d.file for d in vinh_long} == {"000_70211efbcc79a593.txt"}


def test_the_command_line(seed_store):
    done = dcskg("due", "--on", "2026-11-01", "--agency", "SNV", "-f", "csv", "--store", str(seed_store))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    assert rows and all(r["loại"] == "báo cáo" and r["tần suất"] == "hằng năm" for r in rows)
    assert rows[0]["ngày"] == "10/11/2026" and rows[0]["còn (ngày)"] == "9"
    bad = dcskg("due", "--on", "2026-13-01", "--store", str(seed_store))
    assert bad.returncode == 2 and bad.stderr.startswith("lỗi:")
