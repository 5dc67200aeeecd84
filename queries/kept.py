"""Answers kept with the build: the rows of a few whole-corpus questions (every document read and
its name's parts, every reporting duty, every task with a deadline), written per plan into the
search index's file (`queries.text_index`) when the plan is loaded and taken out with it, and
read back in the order the query sorts them.

At 10,000 plans the store reads one attribute of one node in about 30 µs, so listing what every
document is called took 5.4 s, every deadline 9 s: what `due` and `coverage` need of every plan
before they can answer anything. Read from here: tens of milliseconds. A store without them (a
remote one, one built before them, an older index not yet filled) is asked as before; a test
holds the kept rows equal to the store's answers after builds, rebuilds and removals.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from rdflib import Literal

from . import backend
from .named import NamedQuery, execute, execute_bound, internal, resolve
from .pages import order_keys, row_order

# query -> the variable that names a plan's rows when the query is asked for one plan: its key
# ("ingested") or the file it was read from
KEPT = {"ingested": "key", "reporting_calendar": "source", "dated_tasks": "source"}
# a query asked for one plan through a twin of its own (queries/internal/), where the query's
# OPTIONAL groups would read every plan's (the twin's rows lose the variable it is asked by)
ONE_PLAN = {"dated_tasks": "dated_tasks_of_plan"}
SCHEMA = """
CREATE TABLE kept_row(query TEXT, plan_key TEXT, body TEXT);
CREATE INDEX kept_row_plan ON kept_row(plan_key);
CREATE INDEX kept_row_query ON kept_row(query);
CREATE TABLE kept_meta(key TEXT PRIMARY KEY, value TEXT);
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
    """Make the table; True when an index that already held plans had none (its plans' rows must
    be written before they can be read: `complete` says no until then)."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'kept_row'").fetchone() is not None:
        return False
    db.executescript(SCHEMA)
    held = db.execute("SELECT 1 FROM read_document LIMIT 1").fetchone() is not None
    db.execute("INSERT OR REPLACE INTO kept_meta VALUES ('complete', ?)", ("0" if held else "1",))
    return held


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
            found = [(by_file[r["file"]], r) for r in execute(query(name), ds, {}).rows if r["file"] in by_file]
        rows[name] = found
    db.executemany("INSERT INTO kept_row VALUES (?, ?, ?)", [(name, key, _dumps(row)) for name, found in rows.items() for key, row in found])


def rows(ds, name: str) -> list[dict] | None:
    """The kept answer of `name` for the whole store, in the query's order; None when the store
    keeps none (then ask the store)."""
    path = backend.text_index(ds)
    if path is None or not path.exists():
        return None
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        done = db.execute("SELECT value FROM kept_meta WHERE key = 'complete'").fetchone()
        if done != ("1",):
            return None
        found = [_loads(body) for (body,) in db.execute("SELECT body FROM kept_row WHERE query = ?", (name,))]
    except sqlite3.DatabaseError:
        return None
    finally:
        db.close()
    keys = order_keys(query(name))
    return sorted(found, key=row_order(keys)) if keys else found


def _dumps(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, default=_encoded, separators=(",", ":"))


def _encoded(value: Any) -> Any:
    if isinstance(value, dt.date):
        return {"@date": value.isoformat()}
    return str(value)


def _loads(body: str) -> dict:
    return json.loads(body, object_hook=lambda d: dt.date.fromisoformat(d["@date"]) if set(d) == {"@date"} else d)
