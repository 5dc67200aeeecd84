"""dcskg/status.py: a user's record of how far a task has got — kept apart from the facts read
from the texts, shown by `due`, kept through rebuilds, removable."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from clirun import dcskg

from dcskg.folder import db_path
from dcskg.status import STATUS_FILE, journal, record, status_quads
from dcskg.store import build, open_dataset
from ingest.errors import DcsKgError
from ingest.to_rdf import STATUS_GRAPH, plan_graph_iri
from queries.due import due
from queries.progress import statuses

HERE = Path(__file__).resolve().parents[1]
# a Cần Thơ plan whose reporting part's item IV.1.b, on line 754 ("Định kỳ hằng năm (trước ngày 15
# tháng 12) báo cáo kết quả về Ủy ban nhân dân thành phố (qua Công an thành phố)"), is the yearly
# report due on 15/12; its tasks number another item IV.1.b (line 416)
PLAN = HERE / "data" / "real" / "24c7124ec6b2bf61.md"
KEY = "24c7124ec6b2bf61"


@pytest.fixture()
def store(tmp_path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLAN, plans / PLAN.name)
    target = tmp_path / "graph"
    assert not build([plans], target).failed
    return target


def _current(store_dir: Path) -> ox.Store:
    return ox.Store.read_only(str(db_path(store_dir)))


def _plan_quads(store_dir: Path) -> set[str]:
    db = _current(store_dir)
    return {str(q) for q in db.quads_for_pattern(None, None, None, ox.NamedNode(str(plan_graph_iri(KEY))))}


def test_a_status_is_recorded_and_due_shows_it(store):
    entry = record(store, "153/KH-UBND", "iv.1.B@754", "in-progress", note="đã nhắc các sở", who="Phòng Nội chính")
    assert (entry.plan, entry.path, entry.state, entry.who) == (KEY, "IV.1.b", "in-progress", "Phòng Nội chính")
    assert dt.datetime.fromisoformat(entry.when).date() == dt.datetime.now(dt.UTC).date()
    ds = open_dataset(store)
    mark = statuses(ds)[(PLAN.name, "IV.1.b", 754)]
    assert (mark["status"], mark["note"], mark["who"]) == ("in-progress", "đã nhắc các sở", "Phòng Nội chính")
    # the yearly report the task states carries the task's status; nothing else does
    items = due(ds, dt.date(2025, 11, 1), 60)
    december = [d for d in items if d.date == dt.date(2025, 12, 15)]
    assert december and all(d.kind == "report" and d.status == "in-progress" and d.status_note == "đã nhắc các sở" for d in december)
    assert all(d.status is None for d in items if d not in december)


def test_the_status_is_kept_apart_from_the_facts(store):
    before = _plan_quads(store)
    record(store, KEY, "IV.1.b@754", "done")
    assert _plan_quads(store) == before  # the plan's graph is untouched
    db = _current(store)
    status_of = ox.NamedNode("https://w3id.org/dcs-kg/ontology#statusOf")
    graphs = {str(q.graph_name) for q in db.quads_for_pattern(None, status_of, None, None)}
    assert graphs == {str(ox.NamedNode(str(STATUS_GRAPH)))}


def test_a_rebuild_shows_the_statuses_the_journal_keeps(store, tmp_path):
    record(store, KEY, "IV.1.b@754", "blocked", note="chờ kinh phí")
    # another store, built before any status: given the journal, its next build shows it (a
    # rebuild under new rules starts the graph empty, the journal beside it is all it keeps)
    other = tmp_path / "other"
    assert not build([tmp_path / "plans"], other).failed
    assert statuses(open_dataset(other)) == {}
    shutil.copy(store / STATUS_FILE, other / STATUS_FILE)
    changed = tmp_path / "plans" / PLAN.name
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not build([tmp_path / "plans"], other).failed
    assert statuses(open_dataset(other))[(PLAN.name, "IV.1.b", 754)]["status"] == "blocked"
    # and the store it was recorded in keeps it through the changed plan's rebuild
    assert not build([tmp_path / "plans"], store).failed
    assert statuses(open_dataset(store))[(PLAN.name, "IV.1.b", 754)]["note"] == "chờ kinh phí"


def test_clearing_removes_the_status_and_keeps_the_history(store):
    record(store, KEY, "IV.1.b@754", "done")
    record(store, KEY, "IV.1.b@754", None)
    assert (PLAN.name, "IV.1.b", 754) not in statuses(open_dataset(store))
    assert [r.state for r in journal(store)] == ["done", None]
    assert status_quads([]) == []


@pytest.mark.parametrize(
    "path,state,message",
    [
        ("IV.9", "done", "no task at IV.9; paths there: IV.9.a, IV.9.b, IV.9.c$"),
        ("IV.1.b", "done", "several tasks at IV.1.b: IV.1.b@416, IV.1.b@754; give one"),
        ("IV.1.b@754", "finished", "status must be one of done, in-progress, blocked, not finished"),
    ],
)
def test_a_wrong_task_or_state_is_a_clear_error_and_records_nothing(store, path, state, message):
    with pytest.raises(DcsKgError, match=message.replace("(", r"\(")):
        record(store, KEY, path, state)
    assert journal(store) == []


def test_the_command_line(store):
    done = dcskg("status", "153/KH-UBND", "IV.1.b@754", "done", "--note", "đã gửi báo cáo", "--by", "Sở Nội vụ", "--store", str(store))
    assert done.returncode == 0, done.stderr
    assert "IV.1.b" in done.stdout and "đã xong" in done.stdout
    listed = dcskg("status", "-f", "csv", "--store", str(store))
    rows = list(csv.DictReader(io.StringIO(listed.stdout.lstrip("\ufeff"))))
    assert [(r["mục"], r["dòng"], r["tình trạng"], r["ghi chú"], r["người ghi"]) for r in rows] == [("IV.1.b", "754", "đã xong", "đã gửi báo cáo", "Sở Nội vụ")]
    shown = dcskg("due", "--on", "2025-11-01", "--days", "60", "-f", "json", "--store", str(store))
    assert {d["status"] for d in json.loads(shown.stdout) if d["date"] == "2025-12-15"} == {"done"}
    bad = dcskg("status", "153/KH-UBND", "IV.1.b@754", "xong", "--store", str(store))
    assert bad.returncode == 1 and bad.stderr.startswith("lỗi:") and "không phải xong" in bad.stderr
    usage = dcskg("status", "153/KH-UBND", "--store", str(store))
    assert usage.returncode == 2 and "dcskg status" in usage.stderr


def test_a_damaged_journal_is_named_and_the_graph_kept(store):
    record(store, KEY, "IV.1.b@754", "done")
    before = _plan_quads(store)
    with (store / STATUS_FILE).open("a", encoding="utf-8") as f:
        f.write("{not json\n")
    failed = dcskg("status", KEY, "IV.1.b@754", "blocked", "--store", str(store))
    assert failed.returncode == 1 and STATUS_FILE in failed.stderr and "dòng 2" in failed.stderr
    assert _plan_quads(store) == before and statuses(open_dataset(store))[(PLAN.name, "IV.1.b", 754)]["status"] == "done"
