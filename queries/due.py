"""What is due: reporting duties and task deadlines that fall in the next days, and one-off
deadlines already past, by agency and place.

A reporting duty recurs (annual, semi-annual, …): its next date on or after the day asked is
due. A task's deadline ("15/11") belongs to the year of the plan that sets it (or the year it
writes, "15/11/2026"): it is due once, and past when that day has gone. A task whose deadline a
reporting duty of the same plan states is listed once, as the duty. A task shows the status a
user recorded for it (`dcskg status`), if any; a reporting duty, the status of the task whose
deadline it states.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from . import kept, lookup
from .naming import joined_names, names_by_source
from .progress import statuses


@dataclass(frozen=True)
class Due:
    date: dt.date
    days: int  # from the day asked; negative: past
    kind: str  # report | task
    who: str | None  # the reporter, or the task's leads
    to: str | None  # whom the report goes to
    via: str | None  # through whom
    deadline: str  # as the text writes it
    document: str
    file: str
    path: str | None
    line: int | None
    frequency: str | None
    status: str | None = None  # how far the task has got, as a user recorded it (`dcskg status`)
    status_note: str | None = None


def due(ds, on: dt.date | None = None, days: int = 30, agency: str | None = None, place: str | None = None) -> list[Due]:
    """What falls due within `days` of `on` (default: today), and one-off deadlines already
    past, earliest first."""
    on = on or dt.date.today()
    name = lookup.agency_and_place(ds, agency)[0] if agency else None
    where = lookup.place_name(ds, place) if place else None
    named = names_by_source(ds)
    marks = statuses(ds)
    tasks = kept.answer(ds, "dated_tasks")
    out: list[Due] = []

    def of_place(file: str) -> bool:
        return where is None or lookup.issued_in(named.get(file, {}), where)

    reported: set[tuple[str, str]] = set()  # (file, deadline) a reporting duty already covers
    # a task whose deadline a reporting duty states gives the duty its recorded status
    stated = {(r["file"], d.strip()): marks[_task(r)] for r in tasks if _task(r) in marks for d in str(r["deadline"] or "").split(";") if d.strip()}
    for r in kept.answer(ds, "reporting_calendar"):
        reported.add((r["file"], r["deadline"]))
        if (name and name not in (r["reporter"], r["to"], r["via"])) or not of_place(r["file"]):
            continue
        when = _next(int(r["month"]), int(r["day"]), on)
        if when is not None and (when - on).days <= days:
            mark = stated.get((r["file"], r["deadline"]), {})
            out.append(Due(when, (when - on).days, "report", r["reporter"], r["to"], r["via"], r["deadline"], _name(named, r["file"]), r["file"], None, r["line"], r["frequency"], mark.get("status"), mark.get("note")))
    for r in tasks:
        if not r["deadline"] or (name and name not in joined_names(r["leads"]) | joined_names(r["supports"])) or not of_place(r["file"]):
            continue
        year = str(named.get(r["file"], {}).get("date") or "")[:4]
        for text in str(r["deadline"]).split(";"):
            if (r["file"], text.strip()) in reported:
                continue  # the task is a reporting duty: its date recurs, listed above
            when = dated(text.strip(), year)
            if when is not None and (when - on).days <= days:
                mark = marks.get(_task(r), {})
                out.append(Due(when, (when - on).days, "task", r["leads"], None, None, text.strip(), _name(named, r["file"]), r["file"], r["path"], r["line"], None, mark.get("status"), mark.get("note")))
    return sorted(out, key=lambda d: (d.date, d.file, d.line or 0))


def _task(row: dict) -> tuple[str, str, int]:
    """A task-table row's task as the status look-up names it."""
    return row["file"], row["path"], int(row["line"])


def _next(month: int, day: int, on: dt.date) -> dt.date | None:
    """The first `day`/`month` on or after `on`."""
    for year in (on.year, on.year + 1):
        try:
            when = dt.date(year, month, day)
        except ValueError:
            return None
        if when >= on:
            return when
    return None


def dated(text: str, plan_year: str) -> dt.date | None:
    """A deadline as written ("15/11", "15/11/2026") as a date: a day and month belong to the
    year of the plan that sets them; None when no year is known or it is no date."""
    m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\s*", text)
    year = (m.group(3) if m else None) or plan_year
    if not m or not year.isdigit():
        return None
    try:
        return dt.date(int(year), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def _name(named: dict, file: str) -> str:
    return named.get(file, {}).get("name") or Path(file).name
