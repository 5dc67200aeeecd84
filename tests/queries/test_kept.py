"""queries/kept.py: the answers kept with the build are the store's own answers — after a build,
a changed plan built again, a plan removed, and for an index written before they were kept."""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from queries import kept
from queries.due import due
from queries.named import execute
from queries.naming import joined_names
from queries.pages import order_keys

JOINED = {"leads", "supports", "deadline"}
REAL = Path(__file__).resolve().parents[1] / "data" / "real"


def _asked(ds, name: str) -> list[dict]:
    """The store's own answer, the kept one set aside."""
    return execute(kept.query(name), ds, {}).rows


def _shown(row: dict) -> str:
    # a joined column (leads, supports, deadlines) holds its names in no fixed order
    return repr({k: sorted(joined_names(v)) if k in JOINED and v else v for k, v in row.items()})


def _same(ds) -> None:
    for name in kept.KEPT:
        found = kept.rows(ds, name)
        assert found is not None, name
        asked = _asked(ds, name)
        assert asked, name
        # rows the query's order leaves tied may come in either order
        assert sorted(map(_shown, found)) == sorted(map(_shown, asked)), name
        keys = order_keys(kept.query(name))
        assert [[r.get(k) for k in keys] for r in found] == [[r.get(k) for k in keys] for r in asked], name


def test_the_kept_answers_are_the_stores_after_build_rebuild_and_removal(tmp_path, two_plans):
    from dcskg.store import build, open_dataset, remove

    store = tmp_path / "graph"
    build([two_plans], store)
    _same(open_dataset(store))
    path = two_plans / "003_fcf3e25466826abb.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("trước ngày 10 tháng 11", "trước ngày 20 tháng 10"), encoding="utf-8")
    build([two_plans], store)
    ds = open_dataset(store)
    _same(ds)
    assert any(r["deadline"] and "20/10" in str(r["deadline"]) for r in kept.rows(ds, "dated_tasks") + kept.rows(ds, "reporting_calendar"))
    assert remove("003_fcf3e25466826abb", store)
    ds = open_dataset(store)
    _same(ds)
    assert {r["key"] for r in kept.rows(ds, "ingested")} == {r["key"] for r in _asked(ds, "ingested")} and len(kept.rows(ds, "ingested")) == 1


def test_real_plans_and_a_decision_that_promulgates_one(tmp_path):
    from dcskg.store import build, open_dataset

    files = sorted(REAL.glob("*.md"))[:8]
    store = tmp_path / "graph"
    assert not build(files, store).failed
    _same(open_dataset(store))


def test_due_reads_the_same_from_the_kept_answers_as_from_the_store(seed_store):
    from dcskg.store import open_dataset

    ds = open_dataset(seed_store)
    plain = open_dataset(seed_store)
    plain.text_index = None  # no index: the store is asked
    assert kept.rows(plain, "ingested") is None
    on = dt.date(2026, 11, 1)
    assert _dues(due(ds, on, 60)) == _dues(due(plain, on, 60)) and due(ds, on, 60)


def _dues(found) -> list:
    return [(d.date, d.kind, d.file, d.path, d.deadline, sorted(joined_names(d.who))) for d in found]


def test_an_index_from_before_the_kept_answers_is_filled_by_the_next_build(tmp_path, two_plans):
    from dcskg.store import build, open_dataset

    store = tmp_path / "graph"
    build([two_plans], store)
    index = open_dataset(store).text_index
    db = sqlite3.connect(index, isolation_level=None)
    db.executescript("DROP TABLE kept_row; DROP TABLE kept_meta;")  # as an index written before them
    db.close()
    plain = open_dataset(store)
    assert kept.rows(plain, "ingested") is None  # not kept: the store is asked
    build([two_plans], store)  # nothing changed; the index is filled all the same
    _same(open_dataset(store))


def test_rows_kept_by_an_earlier_version_are_not_read_and_are_written_again(tmp_path, two_plans):
    """An index kept before the rows had their order (or before `plans` was kept) is not read:
    its pages would come in the wrong order, or its answer would be missing. The next build
    writes them all, nothing changed."""
    from dcskg.store import build, open_dataset

    store = tmp_path / "graph"
    build([two_plans], store)
    index = open_dataset(store).text_index
    db = sqlite3.connect(index, isolation_level=None)
    db.execute("UPDATE kept_meta SET value = '1' WHERE key = 'version'")
    db.close()
    assert kept.rows(open_dataset(store), "ingested") is None
    build([two_plans], store)
    _same(open_dataset(store))
    assert len(kept.rows(open_dataset(store), "plans")) == 2


@pytest.mark.parametrize(
    "rows",
    [
        # names with and without marks, a prefix of another, unbound; numbers of any sign and width
        [{"a": "Ủy ban", "b": 10}, {"a": None, "b": 3}, {"a": "Ban", "b": 2}, {"a": "Ban", "b": -1}, {"a": "Ba", "b": None}, {"a": "Bạn", "b": 100}, {"a": "Ban", "b": 11}],
        [{"a": dt.date(2026, 1, 2), "b": "x"}, {"a": dt.date(2025, 12, 31), "b": "y"}, {"a": None, "b": "z"}, {"a": dt.date(2026, 1, 2), "b": "a"}],
    ],
)
def test_sqlite_orders_the_sort_keys_as_the_query_orders_the_rows(rows):
    from queries.pages import row_order

    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t(n INTEGER, k TEXT)")
    db.executemany("INSERT INTO t VALUES (?, ?)", [(n, kept.sort_key(r, ["a", "b"])) for n, r in enumerate(rows)])
    by_sqlite = [rows[n] for (n,) in db.execute("SELECT n FROM t ORDER BY k, rowid")]
    assert by_sqlite == sorted(rows, key=row_order(["a", "b"]))


@pytest.mark.parametrize("name", sorted(kept.KEPT))
def test_a_kept_query_can_be_asked_for_one_plan(name):
    assert f"?{kept.KEPT[name]} " in kept.query(name).text


@pytest.mark.parametrize("name", sorted(n for n in kept.KEPT if kept.query(n).path.parent.name == "queries"))
def test_a_named_query_the_build_kept_is_answered_from_the_kept_rows(seed_store, monkeypatch, name):
    """`query ingested` and `query reporting_calendar` read the kept rows (the store is not
    asked: 2-4 s at 10,000 plans), the same rows in the same order, a page of them counted."""
    from dcskg.store import open_dataset
    from queries import runner
    from queries.named import Page, resolve

    ds = open_dataset(seed_store)
    store_says = execute(resolve(name), ds, {})
    assert len(store_says.rows) > 3

    def not_asked(*args, **kwargs):
        raise AssertionError("the store was asked")

    monkeypatch.setattr(runner, "execute_bound", not_asked)
    monkeypatch.setattr(runner.pages, "plan_by_plan", not_asked)
    whole = runner.run_query(name, ds)
    assert whole.vars == store_says.vars and whole.rows == store_says.rows
    page = runner.run_query(name, ds, Page(2, 1))
    assert page.rows == store_says.rows[1:3] and page.total == len(store_says.rows)
