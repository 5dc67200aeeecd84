"""The text index search reads: every task's text and every document's title, folded as people
type (`lookup.loose`), in an SQLite full-text table kept with the statistics' running totals
(`dcskg.tally`, one file per generation of the store), and each document's name and the fields
search filters by. A build replaces the rows of the plans it read and drops those of the plans
removed, so the index always holds what the graph holds; a store without it (a remote one, a
store built before it) is searched by reading the task table.

Reading every task's text from the graph and folding it took 7.4 s at 1,001 plans for one search;
the index answers from the few rows that hold the words.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from rdflib import Literal

from . import kept, rowcodec
from .lookup import loose
from .named import execute, execute_bound, resolve
from .naming import names_by_source

SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS said USING fts5(
    folded, plan_key UNINDEXED, kind UNINDEXED, file UNINDEXED, path UNINDEXED, line UNINDEXED,
    text UNINDEXED, leads UNINDEXED, supports UNINDEXED, tokenize = 'unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS read_document(plan_key TEXT, file TEXT, source TEXT, body TEXT, PRIMARY KEY(plan_key, file));
"""
# Which rows of `said` a plan wrote. A full-text table has no index on an unindexed column: taking
# a plan's rows out by its key scanned every row, once per plan read (a build of 10,000 plans
# spent most of its time there); by row number, through this table, it is a few look-ups. The
# order search gives its hits in (`sort_key`) is indexed here too: the first page of a search
# walks that index and stops, instead of sorting every row that holds the words.
_ROWS = """
CREATE TABLE said_row(id INTEGER PRIMARY KEY, plan_key TEXT, sort_key TEXT);
CREATE INDEX said_row_plan ON said_row(plan_key);
"""
_ORDER = """
CREATE INDEX IF NOT EXISTS said_row_order ON said_row(sort_key, id);
CREATE INDEX IF NOT EXISTS read_document_file ON read_document(file, source);
"""


def sort_key(kind: str, file: str, line: int | None, path: str | None) -> str:
    """The order of search's hits: documents' titles, then tasks, each by file, line and item."""
    return f"{0 if kind == 'document' else 1}\t{file}\t{line or 0:09d}\t{path or ''}"


def create(db: sqlite3.Connection) -> bool:
    """Make the tables; True when the index holds plans whose kept answers (`queries.kept`) are
    not written yet: `describe` them all once."""
    db.executescript(SCHEMA)
    if not rowcodec.has(db, "said_row"):
        db.executescript(_ROWS)
        # an index written before the table of rows: its rows are known by one scan, once
        db.execute("INSERT INTO said_row(id, plan_key) SELECT rowid, plan_key FROM said")
    if "sort_key" not in {c[1] for c in db.execute("PRAGMA table_info(said_row)")}:
        db.execute("ALTER TABLE said_row ADD COLUMN sort_key TEXT")
    if db.execute("SELECT 1 FROM said_row WHERE sort_key IS NULL LIMIT 1").fetchone() is not None:
        # rows written before the order was kept: their keys, by one scan, once
        keys = [(sort_key(kind, file, line, path), rowid) for rowid, kind, file, line, path in db.execute("SELECT rowid, kind, file, line, path FROM said")]
        db.executemany("UPDATE said_row SET sort_key = ? WHERE id = ?", keys)
    db.executescript(_ORDER)
    return kept.create(db)


def clear(db: sqlite3.Connection) -> None:
    db.execute("DELETE FROM said")
    db.execute("DELETE FROM said_row")
    db.execute("DELETE FROM read_document")
    kept.clear(db)


def replace(db: sqlite3.Connection, key: str, said: dict | None) -> None:
    """The plan `key` now says `said` (its contribution's texts; None: it is gone). Its documents'
    names are written by `describe`, once the store holds the plan."""
    gone = db.execute("SELECT id FROM said_row WHERE plan_key = ?", (key,)).fetchall()
    db.executemany("DELETE FROM said WHERE rowid = ?", gone)
    db.execute("DELETE FROM said_row WHERE plan_key = ?", (key,))
    db.execute("DELETE FROM read_document WHERE plan_key = ?", (key,))
    kept.remove(db, key)
    if said is None:
        return
    # each text comes folded from the process that read the plan (`dcskg.contribution`)
    rows = [(_folded(title, rest), key, "document", file, None, None, title, None, None) for file, title, *rest in said["titles"]]
    rows += [(_folded(text, rest), key, "task", file, path, line, text, leads or None, supports or None) for file, path, line, text, leads, supports, *rest in said["tasks"]]
    (last,) = db.execute("SELECT coalesce(max(id), 0) FROM said_row").fetchone()
    ids = range(last + 1, last + 1 + len(rows))
    db.executemany("INSERT INTO said(rowid, folded, plan_key, kind, file, path, line, text, leads, supports) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [(i, *r) for i, r in zip(ids, rows)])
    db.executemany("INSERT INTO said_row VALUES (?, ?, ?)", [(i, key, sort_key(r[2], r[3], r[5], r[4])) for i, r in zip(ids, rows)])


def _folded(text: str, given: list) -> str:
    return given[0] if given else loose(text)


def describe(db: sqlite3.Connection, ds, keys: Iterable[str]) -> None:
    """Keep the name and the filtered fields of the documents read as the plans `keys`, as the
    `ingested` query and `naming` give them to the search that reads the graph."""
    keys = set(keys)
    if not keys:
        return
    query = resolve("ingested")
    if len(keys) <= kept.ONE_BY_ONE_UP_TO:
        rows = [r for key in sorted(keys) for r in execute_bound(query, ds, {"key": Literal(key)}).rows]
    else:
        rows = [r for r in execute(query, ds, {}).rows if str(r["key"]) in keys]
    named = [(d["key"], file, d["source"], json.dumps(d, ensure_ascii=False, default=str)) for file, d in names_by_source(ds, rows).items()]
    db.executemany("INSERT OR REPLACE INTO read_document VALUES (?, ?, ?, ?)", named)
    kept.write(db, ds, keys, rows)


def open_index(path: Path | None) -> sqlite3.Connection | None:
    """The index of a store opened read-only, or None when it has none."""
    if path is None or not path.exists():
        return None
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        db.execute("SELECT 1 FROM said LIMIT 1")
    except sqlite3.DatabaseError:
        db.close()
        return None
    return db


def matching(db: sqlite3.Connection, phrases: list[str]) -> Iterator[tuple] | None:
    """(kind, file, path, line, text, leads, supports, folded text) of the rows whose folded text
    holds every phrase (each a run of whole words, its last word a prefix, as search reads them),
    in search's order (`sort_key`), read as they are asked for; None when the phrases hold no
    word the index can look up."""
    terms = [" ".join(_tokens(p)) for p in phrases]
    if not all(terms):
        return None
    expression = " AND ".join('"' + t.replace('"', '""') + '"*' for t in terms)
    if not rowcodec.has(db, "said_row_order"):
        # an index from before the order was kept (opened read-only): every row, sorted here
        found = db.execute("SELECT kind, file, path, line, text, leads, supports, folded FROM said WHERE said MATCH ?", (expression,)).fetchall()
        return iter(sorted(found, key=lambda r: sort_key(r[0], r[1], r[3], r[2])))
    # walk the order's index and keep the rows that hold the words (the `+` keeps SQLite from
    # looking the matches up by row number and sorting them all: 120 ms against 47 ms for the
    # first hundred of 46,000 hits at 10,000 plans)
    return db.execute(
        "SELECT s.kind, s.file, s.path, s.line, s.text, s.leads, s.supports, s.folded FROM said_row r INDEXED BY said_row_order"
        " JOIN said s ON s.rowid = r.id WHERE +r.id IN (SELECT rowid FROM said WHERE said MATCH ?) ORDER BY r.sort_key, r.id",
        (expression,),
    )


def documents(db: sqlite3.Connection) -> Callable[[str], dict | None]:
    """File name -> the document read from it, as `naming.names_by_source` gives it (the last by
    source of several of one name), looked up as asked; an index from before the look-up was
    indexed (opened read-only) is read whole once."""
    if not rowcodec.has(db, "read_document_file"):
        return {file: json.loads(body) for file, body in db.execute("SELECT file, body FROM read_document ORDER BY source")}.get

    def document(file: str) -> dict | None:
        row = db.execute("SELECT body FROM read_document WHERE file = ? ORDER BY source DESC LIMIT 1", (file,)).fetchone()
        return None if row is None else json.loads(row[0])

    return document


def _tokens(phrase: str) -> list[str]:
    return [t for t in "".join(c if c.isalnum() else " " for c in phrase).split() if t]
