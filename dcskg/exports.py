"""Exports analysts open in their own tools: the task-assignment table (CSV, XLSX) and the
reporting calendar (iCalendar). Both are built from named queries, not from records.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
from pathlib import Path

from rdflib import Dataset

from queries.runner import run_query

# Column headers as Vietnamese plans print them in their appendices.
TASK_COLUMNS = [
    ("stt", "STT"),
    ("text", "Nội dung nhiệm vụ"),
    ("leads", "Cơ quan chủ trì"),
    ("supports", "Cơ quan phối hợp"),
    ("timeframe", "Thời gian thực hiện"),
    ("deadline", "Hạn"),
    ("requested", "Đề nghị (không giao)"),
    ("plan", "Văn bản"),
    ("issuer", "Cơ quan ban hành"),
    ("level", "Cấp"),
    ("province", "Tỉnh, thành phố"),
    ("path", "Mục"),
    ("file", "Tệp nguồn"),
    ("line", "Dòng"),
]


def task_rows(ds: Dataset, plan: str | None = None, agency: str | None = None) -> list[dict]:
    from queries.naming import names_by_source

    rows = run_query("task_table", ds)
    named = names_by_source(ds)
    out = []
    for r in rows:
        if plan and plan not in r["file"]:
            continue
        if agency and agency not in f"{r['leads'] or ''}; {r['supports'] or ''}":
            continue
        out.append(r)
    for i, r in enumerate(out, start=1):
        doc = named.get(r["file"], {})
        r["stt"] = i
        r["plan"] = doc.get("name") or r["file"]
        r["issuer"], r["level"], r["province"] = doc.get("issuer"), doc.get("level"), doc.get("province")
        r["requested"] = "x" if r["requested"] else ""
    return out


def write_tasks(rows: list[dict], path: Path, fmt: str) -> Path:
    if fmt == "csv":
        # UTF-8 with BOM: Excel opens Vietnamese text intact
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([h for _, h in TASK_COLUMNS])
            for r in rows:
                w.writerow(["" if r.get(k) is None else r[k] for k, _ in TASK_COLUMNS])
        return path
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Phân công nhiệm vụ"
    ws.append([h for _, h in TASK_COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append(["" if r.get(k) is None else r[k] for k, _ in TASK_COLUMNS])
    widths = dict(zip("ABCDEFGHIJKLMN", (6, 80, 35, 35, 25, 10, 10, 45, 30, 10, 16, 10, 26, 8)))
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions  # filter by agency, plan, level or province in Excel
    wb.save(path)
    return path


def _frequency_labels() -> dict[str, str]:
    from ingest.rules import cues

    return {f["frequency"]: f["vi"] for f in cues()["reporting"]["frequencies"]}


def write_calendar(ds: Dataset, path: Path, agency: str | None = None, year: int | None = None) -> Path:
    """Reporting deadlines (and dated tasks) as yearly recurring all-day events."""
    from icalendar import Calendar, Event

    year = year or dt.date.today().year
    cal = Calendar()
    cal.add("prodid", "-//dcs-kg//reporting calendar//VI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Hạn báo cáo dân chủ ở cơ sở")
    from queries.naming import names_by_source

    named = names_by_source(ds)
    frequency = _frequency_labels()
    for r in run_query("reporting_calendar", ds):
        parties = f"{r['reporter'] or ''} {r['to'] or ''} {r['via'] or ''}"
        if agency and agency not in parties:
            continue
        day = dt.date(year, int(r["month"]), int(r["day"]))
        ev = Event()
        who = r["reporter"] or "?"
        to = f" → {r['to']}" if r["to"] else ""
        via = f" (qua {r['via']})" if r["via"] else ""
        ev.add("summary", f"Hạn báo cáo {r['deadline']}: {who}{to}{via}")
        ev.add("dtstart", day)
        ev.add("dtend", day + dt.timedelta(days=1))
        if r["frequency"] in ("annual", "semiannual", "9-month", None):
            ev.add("rrule", {"freq": "yearly"})
        plan = named.get(r["file"], {}).get("name") or r["file"]
        ev.add("description", f"{plan} ({r['file']}, dòng {r['line']}); tần suất: {frequency.get(r['frequency'], r['frequency'] or 'không nêu')}")
        uid = hashlib.sha1(f"{r['file']}|{r['line']}|{r['deadline']}|{who}|{r['to']}".encode()).hexdigest()
        ev.add("uid", f"{uid}@dcs-kg")
        ev.add("dtstamp", dt.datetime(year, 1, 1, tzinfo=dt.timezone.utc))
        cal.add_component(ev)
    path.write_bytes(cal.to_ical())
    return path
