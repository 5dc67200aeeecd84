"""Task table (XLSX/CSV) and reporting calendar (ICS), read back with the tools analysts use."""
from __future__ import annotations

import csv

from clirun import dcskg


def test_tasks_xlsx_holds_every_seed_task(seed_store, tmp_path, gold_docs):
    from openpyxl import load_workbook

    out = tmp_path / "tasks.xlsx"
    r = dcskg("export", "tasks", "--format", "xlsx", "--out", str(out), "--store", str(seed_store))
    assert r.returncode == 0, r.stderr
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header[:4] == ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"]
    rows = [dict(zip(header, [c.value for c in row])) for row in ws.iter_rows(min_row=2)]
    got = {(r["Tệp nguồn"], r["Mục"]) for r in rows}
    expected = {(name, t["path"]) for name, d in gold_docs.items() for t in d["tasks"]}
    assert got == expected
    sample = next(r for r in rows if r["Tệp nguồn"] == "000_70211efbcc79a593.txt" and r["Mục"] == "III.3.3")
    # the plan is named as people name it, with its issuer, level and province beside it
    assert sample["Văn bản"] == "Kế hoạch — Ủy ban nhân dân tỉnh Vĩnh Long, 2026"
    assert (sample["Cơ quan ban hành"], sample["Cấp"], sample["Tỉnh, thành phố"]) == ("Ủy ban nhân dân tỉnh Vĩnh Long", "tỉnh", "Vĩnh Long")
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    assert sample["Cơ quan chủ trì"] == "Sở Nội vụ"
    assert set(sample["Cơ quan phối hợp"].split("; ")) == {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ban Tuyên giáo và Dân vận Tỉnh ủy"}


def test_tasks_csv_for_one_agency_is_excel_friendly(seed_store, tmp_path):
    out = tmp_path / "tasks.csv"
    r = dcskg("export", "tasks", "--format", "csv", "--agency", "Sở Nội vụ", "--out", str(out), "--store", str(seed_store))
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert len(rows) == 10 and all("Sở Nội vụ" in r["Cơ quan chủ trì"] + r["Cơ quan phối hợp"] for r in rows)


def test_xlsx_deadlines_are_dates_and_the_filtered_agency_has_its_role(seed_store, tmp_path):
    import datetime as dt

    from openpyxl import load_workbook

    out = tmp_path / "tasks.xlsx"
    r = dcskg("export", "tasks", "--format", "xlsx", "--agency", "SNV", "--out", str(out), "--store", str(seed_store))
    assert r.returncode == 0, r.stderr
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, [c.value for c in row])) for row in ws.iter_rows(min_row=2)]
    roles = {row["Vai trò của cơ quan lọc"] for row in rows}
    assert roles == {"chủ trì", "phối hợp"}
    for row in rows:
        expected = "chủ trì" if "Sở Nội vụ" in (row["Cơ quan chủ trì"] or "").split("; ") else "phối hợp"
        assert row["Vai trò của cơ quan lọc"] == expected
    out_all = tmp_path / "all.xlsx"
    assert dcskg("export", "tasks", "--format", "xlsx", "--out", str(out_all), "--store", str(seed_store)).returncode == 0
    ws = load_workbook(out_all).active
    header = [c.value for c in ws[1]]
    dated = [dict(zip(header, [c.value for c in row])) for row in ws.iter_rows(min_row=2)]
    dated = [row for row in dated if row["Hạn"]]
    assert dated
    for row in dated:
        day, month = (int(x) for x in row["Hạn"].split(";")[0].strip().split("/")[:2])
        when = row["Hạn (ngày, năm của văn bản)"]
        assert isinstance(when, dt.datetime) and (when.day, when.month) == (day, month), row  # a date, not text
        assert str(when.year) in row["Văn bản"]  # the year of the plan that sets it


def test_calendar_holds_the_seed_reporting_deadlines(seed_store, tmp_path):
    from icalendar import Calendar

    out = tmp_path / "reporting.ics"
    r = dcskg("export", "calendar", "--out", str(out), "--store", str(seed_store))
    assert r.returncode == 0, r.stderr
    cal = Calendar.from_ical(out.read_bytes())
    events = [e for e in cal.walk("VEVENT")]
    days = {(e.decoded("dtstart").day, e.decoded("dtstart").month) for e in events}
    assert {(15, 11), (10, 11), (31, 10), (5, 6), (10, 9)} <= days
    assert all(e.get("rrule")["FREQ"] == ["YEARLY"] for e in events if "15/11" in str(e.get("summary")))
    assert len({str(e.get("uid")) for e in events}) == len(events)


def test_unknown_export_is_a_usage_error(seed_store):
    r = dcskg("export", "nonsense", "--store", str(seed_store))
    assert r.returncode == 2
