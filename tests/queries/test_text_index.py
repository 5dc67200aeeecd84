"""queries/text_index.py: a plan's rows of the full-text index replaced and taken out by its key
without reading the other plans' rows, and an index written before its table of rows kept."""
from __future__ import annotations

import sqlite3

from queries import text_index


def _said(words: str, tasks: int) -> dict:
    return {
        "titles": [("kh.txt", f"Kế hoạch {words}")],
        "tasks": [("kh.txt", f"II.{i}", 10 + i, f"Tổ chức {words} lần {i}", "Sở Nội vụ", "") for i in range(tasks)],
    }


def _rows(db: sqlite3.Connection) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for key, text in db.execute("SELECT plan_key, text FROM said"):
        out.setdefault(key, set()).add(text)
    return out


def _matching(db: sqlite3.Connection, word: str) -> set[str]:
    return {key for (key,) in db.execute("SELECT plan_key FROM said WHERE said MATCH ?", (word,))}


def test_a_plan_replaced_or_removed_leaves_the_others_whole():
    db = sqlite3.connect(":memory:", isolation_level=None)
    text_index.create(db)
    text_index.replace(db, "a", _said("tuyên truyền", 3))
    text_index.replace(db, "b", _said("kiểm tra", 2))
    text_index.replace(db, "a", _said("tập huấn", 1))  # changed: fewer rows, other words
    assert _rows(db) == {"a": {"Kế hoạch tập huấn", "Tổ chức tập huấn lần 0"}, "b": {"Kế hoạch kiểm tra", "Tổ chức kiểm tra lần 0", "Tổ chức kiểm tra lần 1"}}
    assert _matching(db, "tuyen") == set() and _matching(db, "huan") == {"a"}
    text_index.replace(db, "b", None)
    assert set(_rows(db)) == {"a"} and _matching(db, "kiem") == set()
    # every row of the full-text table is known by its plan, and no other
    assert db.execute("SELECT count(*) FROM said_row").fetchone() == db.execute("SELECT count(*) FROM said").fetchone() == (2,)


def test_an_index_written_before_its_table_of_rows_is_kept():
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.executescript(text_index.SCHEMA)  # as a build before the table of rows wrote it
    db.execute("INSERT INTO said(folded, plan_key, kind, text) VALUES ('to chuc tuyen truyen', 'old', 'task', 'Tổ chức tuyên truyền')")
    text_index.create(db)
    text_index.replace(db, "new", _said("kiểm tra", 1))
    assert _matching(db, "tuyen") == {"old"}
    text_index.replace(db, "old", None)
    assert set(_rows(db)) == {"new"}
