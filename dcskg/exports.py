"""Exports analysts open in their own tools: the task-assignment table (CSV, XLSX) and the
reporting calendar (iCalendar). Both are built from named queries, not from records.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

from ingest.errors import DcsKgError
from queries import lookup
from queries.due import dated
from queries.naming import joined_names
from queries.runner import run_query

# Column headers as Vietnamese plans print them in their appendices.
TASK_COLUMNS = [
    ("stt", "STT"),
    ("text", "Nội dung nhiệm vụ"),
    ("leads", "Cơ quan chủ trì"),
    ("supports", "Cơ quan phối hợp"),
    ("timeframe", "Thời gian thực hiện"),
    ("deadline", "Hạn"),
    ("deadline_date", "Hạn (ngày, năm của văn bản)"),
    ("role", "Vai trò của cơ quan lọc"),
    ("requested", "Đề nghị (không giao)"),
    ("plan", "Văn bản"),
    ("issuer", "Cơ quan ban hành"),
    ("level", "Cấp"),
    ("province", "Tỉnh, thành phố"),
    ("path", "Mục"),
    ("file", "Tệp nguồn"),
    ("line", "Dòng"),
]


@dataclass(frozen=True)
class Only:
    """What an export keeps, as the graph names it: one plan's key, one agency's name, a place."""

    plan_key: str | None = None
    agency: str | None = None
    place: str | None = None

    @classmethod
    def read(cls, ds: Dataset, plan: str | None, agency: str | None) -> Only:
        """The filters as typed, found by the same look-up as `query` (a name that matches
        nothing is an error naming the nearest ones, not an empty file)."""
        key = lookup.plan_key(ds, plan) if plan else None
        name, place = lookup.agency_and_place(ds, agency) if agency else (None, None)
        return cls(key, name, place)

    def keeps_plan(self, file: str, info: dict) -> bool:
        if self.plan_key and Path(file).stem != self.plan_key:
            return False
        return not self.place or lookup.issued_in(info, self.place)

    def keeps_party(self, *columns: str | None) -> bool:
        return not self.agency or any(self.agency in joined_names(c) for c in columns)


def task_rows(ds: Dataset, plan: str | None = None, agency: str | None = None) -> list[dict]:
    from queries.naming import names_by_source

    only = Only.read(ds, plan, agency)
    rows = run_query("task_table", ds)
    named = names_by_source(ds)
    out = []
    for r in rows:
        if not only.keeps_plan(r["file"], named.get(r["file"], {})) or not only.keeps_party(r["leads"], r["supports"]):
            continue
        out.append(r)
    if (plan or agency) and not out:
        raise DcsKgError("no task matches these filters", code="no_tasks_match", params={"filters": _shown(only)})
    for i, r in enumerate(out, start=1):
        doc = named.get(r["file"], {})
        r["stt"] = i
        r["plan"] = doc.get("name") or r["file"]
        r["issuer"], r["level"], r["province"] = doc.get("issuer"), doc.get("level"), doc.get("province")
        r["requested"] = "x" if r["requested"] else ""
        r["deadline_date"] = first_deadline(r["deadline"], doc.get("date"))
        if only.agency:
            r["role"] = "chủ trì" if only.keeps_party(r["leads"]) else "phối hợp"
    return out


def first_deadline(deadline: str | None, document_date: str | None) -> dt.date | None:
    """The first of a task's deadlines ("05/6; 10/11") that reads as a date (`queries.due.dated`)."""
    year = (document_date or "")[:4]
    return next((d for part in (deadline or "").split(";") if (d := dated(part, year)) is not None), None)


def write_tasks(rows: list[dict], path: Path, fmt: str) -> Path:
    if fmt == "csv":
        # UTF-8 with BOM: Excel opens Vietnamese text intact
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([h for _, h in TASK_COLUMNS])
            for r in rows:
                w.writerow(["" if r.get(k) is None else (r[k].isoformat() if isinstance(r[k], dt.date) else r[k]) for k, _ in TASK_COLUMNS])
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
    dated = [k for k, _ in TASK_COLUMNS].index("deadline_date") + 1
    for row in ws.iter_rows(min_row=2, min_col=dated, max_col=dated):
        for cell in row:
            cell.number_format = "DD/MM/YYYY"  # a date Excel sorts and filters, not text
    widths = dict(zip("ABCDEFGHIJKLMNOP", (6, 80, 35, 35, 25, 10, 12, 12, 10, 45, 30, 10, 16, 10, 26, 8)))
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions  # filter by agency, plan, level or province in Excel
    wb.save(path)
    return path


def frequency_labels() -> dict[str, str]:
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
    only = Only.read(ds, None, agency)
    frequency = frequency_labels()
    kept = 0
    for r in run_query("reporting_calendar", ds):
        if not only.keeps_party(r["reporter"], r["to"], r["via"]) or not only.keeps_plan(r["file"], named.get(r["file"], {})):
            continue
        kept += 1
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
        province = named.get(r["file"], {}).get("province")
        if province:
            ev.add("location", province)
        ev.add("description", f"{plan} ({r['file']}, dòng {r['line']}); tần suất: {frequency.get(r['frequency'], r['frequency'] or 'không nêu')}")
        uid = hashlib.sha1(f"{r['file']}|{r['line']}|{r['deadline']}|{who}|{r['to']}".encode()).hexdigest()
        ev.add("uid", f"{uid}@dcs-kg")
        ev.add("dtstamp", dt.datetime(year, 1, 1, tzinfo=dt.UTC))
        cal.add_component(ev)
    if agency and not kept:
        raise DcsKgError("no reporting deadline matches these filters", code="no_deadlines_match", params={"filters": _shown(only)})
    path.write_bytes(cal.to_ical())
    return path


def _shown(only: Only) -> str:
    return ", ".join(x for x in (only.plan_key, only.agency, only.place) if x)
