"""Answers kept with the build: the rows of a few whole-corpus questions (every document read and
its name's parts, every plan, every reporting duty, every task with a deadline, every request to
the Front and the mass organisations), written per plan into the search index's file
(`queries.text_index`) when the plan is loaded and taken out with it, each with its place in the
query's order (`sort_key`), so a page is read by that index without the rest.

At 10,000 plans the store reads one attribute of one node in about 30 µs, so listing what every
document is called took 5.4 s, every deadline 9 s: what `due` and `coverage` need of every plan
before they can answer anything. Read from here: tens of milliseconds. A store without them (a
remote one, one built before them, an older index not yet filled) is asked as before; a test
holds the kept rows equal to the store's answers after builds, rebuilds and removals.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from rdflib import Literal

from . import backend, rowcodec
from .named import NamedQuery, Page, Rows, execute, execute_bound, internal, resolve
from .pages import order_keys

# query -> the variable that names a plan's rows when the query is asked for one plan: its key
# ("ingested") or the file it was read from
KEPT = {"ingested": "key", "reporting_calendar": "source", "dated_tasks": "source", "plans": "source", "requests_to_front": "source"}
# a query asked for one plan through a twin of its own (queries/internal/), where the query's
# OPTIONAL groups would read every plan's (the twin's rows lose the variable it is asked by)
ONE_PLAN = {"dated_tasks": "dated_tasks_of_plan"}
# what an index's kept rows are: the queries kept, each row with its place in the query's order;
# rows kept otherwise are written again by the next build, and not read until then
VERSION = "2:" + ",".join(sorted(KEPT))
SCHEMA = """
CREATE TABLE kept_row(query TEXT, plan_key TEXT, body TEXT, sort_key TEXT);
CREATE INDEX kept_row_plan ON kept_row(plan_key);
CREATE INDEX kept_row_order ON kept_row(query, sort_key);
CREATE TABLE IF NOT EXISTS kept_meta(key TEXT PRIMARY KEY, value TEXT);
"""
# above this many plans changed at once, the whole answer beats one question per plan (for the
# documents' names `text_index.describe` asks too)
ONE_BY_ONE_UP_TO = 200


def query(name: str) -> NamedQuery:
    """The query a kept answer is the answer of (dated_tasks is the tool's own)."""
    return internal(name) if name == "dated_tasks" else resolve(name)


def answer(ds, name: str) -> list[dict]:
    """The whole answer of the kept query `name`: kept with the build, or asked of the store."""
    found = rows(ds, name)
    return found if found is not None else execute(query(name), ds, {}).rows


def create(db: sqlite3.Connection) -> bool:
    """Make the table; True when the index holds plans whose rows are not kept as this version
    keeps them (none, or other queries, or without their order): the next build writes them all,
    and `rows` says none until then."""
    if _meta(db, "version") == VERSION and rowcodec.has(db, "kept_row"):
        return False
    db.execute("DROP TABLE IF EXISTS kept_row")
    db.executescript(SCHEMA)
    held = db.execute("SELECT 1 FROM read_document LIMIT 1").fetchone() is not None
    db.execute("INSERT OR REPLACE INTO kept_meta VALUES ('complete', ?)", ("0" if held else "1",))
    db.execute("INSERT OR REPLACE INTO kept_meta VALUES ('version', ?)", (VERSION,))
    return held


def _meta(db: sqlite3.Connection, key: str) -> str | None:
    if not rowcodec.has(db, "kept_meta"):
        return None
    found = db.execute("SELECT value FROM kept_meta WHERE key = ?", (key,)).fetchone()
    return found[0] if found else None


def completed(db: sqlite3.Connection) -> None:
    db.execute("INSERT OR REPLACE INTO kept_meta VALUES ('complete', '1')")


def remove(db: sqlite3.Connection, key: str) -> None:
    db.execute("DELETE FROM kept_row WHERE plan_key = ?", (key,))


def clear(db: sqlite3.Connection) -> None:
    db.execute("DELETE FROM kept_row")


def write(db: sqlite3.Connection, ds, keys: set[str], ingested: list[dict]) -> None:
    """Keep each question's rows for the plans `keys`, whose `ingested` rows are given."""
    if not keys:
        return
    key_of_source = {str(r["source"]): str(r["key"]) for r in ingested}
    rows: dict[str, list[tuple[str, dict]]] = {"ingested": [(str(r["key"]), r) for r in ingested]}
    for name, by in KEPT.items():
        if name == "ingested":
            continue
        if len(keys) <= ONE_BY_ONE_UP_TO:
            one = internal(ONE_PLAN[name]) if name in ONE_PLAN else query(name)
            asked = ((key_of_source[s], execute_bound(one, ds, {by: Literal(s)}).rows) for s in sorted(key_of_source))
            found = [(key, {k: v for k, v in r.items() if k != by} if name in ONE_PLAN else r) for key, part in asked for r in part]
        else:
            by_file = {s.rsplit("/", 1)[-1]: k for s, k in key_of_source.items()}
            found = [(key, r) for r in execute(query(name), ds, {}).rows if (key := _plan_of(r, key_of_source, by_file)) is not None]
        rows[name] = found
    keys_of = {name: order_keys(query(name)) or [] for name in rows}
    db.executemany("INSERT INTO kept_row VALUES (?, ?, ?, ?)", [(name, key, rowcodec.dumps(row), sort_key(row, keys_of[name])) for name, found in rows.items() for key, row in found])


def _plan_of(row: dict[str, Any], key_of_source: dict[str, str], by_file: dict[str, str]) -> str | None:
    # a row names its plan by the file it was read from, or by that file's name
    return key_of_source.get(str(row["source"])) if "source" in row else by_file.get(row.get("file") or "")


def sort_key(row: dict[str, Any], keys: list[str]) -> str:
    """The row's place in its query's order as text SQLite sorts bytewise (UTF-8 keeps the code
    points' order, as `pages.row_order` and SPARQL compare strings): an unbound value first."""
    return "\x00".join(_in_order(row.get(k)) for k in keys)


def _in_order(value: Any) -> str:
    if value is None:
        return "0"
    if isinstance(value, bool):
        return "1" + str(int(value))
    if isinstance(value, int):
        return "2" + f"{value + 10**18:020d}"
    if isinstance(value, dt.date):
        return "3" + value.isoformat()
    return "4" + str(value)


def rows(ds, name: str) -> list[dict] | None:
    """The kept answer of `name` for the whole store, in the query's order; None when the store
    keeps none (then ask the store)."""
    found = page(ds, name, None)
    return None if found is None else found.rows


def page(ds, name: str, wanted: Page | None) -> Rows | None:
    """`wanted` of the kept answer of `name` (all of it without a page), read in the query's
    order by the kept sort key; None when the store keeps none or it is empty (then ask the
    store, which knows the answer's columns)."""
    path = backend.text_index(ds)
    if path is None or not path.exists():
        return None
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if _meta(db, "complete") != "1" or _meta(db, "version") != VERSION:
            return None
        first = db.execute("SELECT body FROM kept_row WHERE query = ? LIMIT 1", (name,)).fetchone()
        if first is None:
            return None
        offset = wanted.offset if wanted else 0
        found = rowcodec.read_rows(db, "SELECT body FROM kept_row WHERE query = ? ORDER BY sort_key, rowid", (name,), offset, wanted.limit if wanted else None)
        total = db.execute("SELECT count(*) FROM kept_row WHERE query = ?", (name,)).fetchone()[0] if wanted else None
    except sqlite3.DatabaseError:
        return None
    finally:
        db.close()
    names = list(rowcodec.loads(first[0]))
    return Rows(names, found) if wanted is None else Rows(names, found, total, offset)
