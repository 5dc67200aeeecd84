"""Slow answers kept with the store generation they were read from, for the next ask of the same
question (issue 27).

A store opened read-only is a generation no build will ever change (a build writes a new one
and switches `current` to it), so an answer read from it stays true as long as the generation
lives. A listing that sorts every row of the corpus (`document_links`: 12 s at 10,000 plans,
`documents` 3 s) is asked again and again — one page after another, the same click by another
analyst, the CLI and the query page — and each ask sorted everything again. The whole answer of
a question that took longer than `WORTH_KEEPING_S` is written here, row by row in its order, into
`answers.sqlite` beside the generation's database; a later ask of the same query text with the
same bound terms reads its page by row number: milliseconds.

Kept only for a store in a generation folder opened read-only; a new generation starts without
the file (the working copy takes the database and the tally, nothing else), and an old one is
removed with its folder. Keeping is an optimisation: a folder that cannot be written, a file
that cannot be read, or a value this cannot write back as it was, and the store is asked as
before.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from rdflib import Dataset
from rdflib.term import Identifier

from . import backend, rowcodec
from .named import NamedQuery, Page, Rows

FILE = "answers.sqlite"
# an answer the store gives faster than this is asked again (a kept row costs disk, and a quick
# answer gains nothing from it)
WORTH_KEEPING_S = 0.3
WAIT_S = 5.0  # another process writing the file: wait this long, then ask the store
SCHEMA = """
CREATE TABLE IF NOT EXISTS answer(key TEXT PRIMARY KEY, vars TEXT NOT NULL, total INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS answer_row(key TEXT NOT NULL, ord INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (key, ord)) WITHOUT ROWID;
"""


def location(ds: Dataset) -> Path | None:
    """The answers file of a store opened read-only in a generation folder; None for any other
    (a store being written, one in memory, a remote one)."""
    folder = backend.generation(ds)
    return None if folder is None else folder / FILE


def key(query: NamedQuery, bound: dict[str, Identifier]) -> str:
    """The question: the query's text and the terms bound to its variables."""
    # each term by its kind, text, language and datatype (n3() refuses a bad IRI, which the
    # store's own check must get to refuse)
    terms = sorted((name, type(term).__name__, str(term), getattr(term, "language", None), str(getattr(term, "datatype", None))) for name, term in bound.items())
    asked = json.dumps([query.text, terms], ensure_ascii=False)
    return hashlib.sha256(asked.encode("utf-8")).hexdigest()


def read(path: Path, question: str, page: Page | None) -> Rows | None:
    """`page` of the kept answer to `question` (all of it without a page), or None when none
    is kept."""
    if not path.exists():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=WAIT_S)
        try:
            head = db.execute("SELECT vars, total FROM answer WHERE key = ?", (question,)).fetchone()
            if head is None:
                return None
            offset = page.offset if page else 0
            rows = rowcodec.read_rows(db, "SELECT body FROM answer_row WHERE key = ? ORDER BY ord", (question,), offset, page.limit if page else None)
        finally:
            db.close()
    except sqlite3.Error:
        return None
    names, total = json.loads(head[0]), head[1]
    return Rows(names, rows) if page is None else Rows(names, rows, total, offset)


def keep(path: Path, question: str, whole: Rows) -> bool:
    """Write the whole answer to `question`; False when it was not written (the folder or the
    file cannot be written, a value cannot be written back as it was)."""
    try:
        bodies = [(question, n, rowcodec.dumps(row, strict=True)) for n, row in enumerate(whole.rows)]
    except TypeError:
        return False
    try:
        db = sqlite3.connect(path, timeout=WAIT_S, isolation_level=None)
        try:
            db.executescript(SCHEMA)
            db.execute("BEGIN IMMEDIATE")
            # another process may have kept it meanwhile: the first one written stays
            fresh = db.execute("INSERT OR IGNORE INTO answer VALUES (?, ?, ?)", (question, json.dumps(whole.vars), len(whole.rows))).rowcount
            if fresh:
                db.executemany("INSERT INTO answer_row VALUES (?, ?, ?)", bodies)
            db.execute("COMMIT")
        finally:
            db.close()
    except sqlite3.Error:
        return False
    return True
