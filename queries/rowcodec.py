"""Rows of an answer kept in SQLite: written as JSON and read back as the same Python values
(what `queries.named` gives besides JSON's own types — a date, a decimal — tagged), one row a
line of text, read a page at a time. Shared by the search index (`queries.text_index`), the rows
kept with the build (`queries.kept`) and the answers kept per generation (`queries.answer_cache`)."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from decimal import Decimal
from typing import Any


def dumps(row: dict[str, Any], strict: bool = False) -> str:
    """The row as one line of JSON; `strict`: a value that would not come back as it was (a
    date-time, anything else unknown) raises TypeError instead of being written as text."""
    return json.dumps(row, ensure_ascii=False, default=_strict if strict else _lenient, separators=(",", ":"))


def loads(body: str) -> dict[str, Any]:
    return json.loads(body, object_hook=_untagged)


def has(db: sqlite3.Connection, name: str) -> bool:
    """Whether the file has this table or index (one written before it has not)."""
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def read_rows(db: sqlite3.Connection, select: str, params: tuple, offset: int, limit: int | None) -> list[dict[str, Any]]:
    """The rows of `select` (one column of written rows, in order) from `offset`, `limit` of them
    (None: all)."""
    bodies = db.execute(f"{select} LIMIT ? OFFSET ?", (*params, -1 if limit is None else limit, offset))
    return [loads(body) for (body,) in bodies]


def _strict(value: Any) -> dict[str, str]:
    if isinstance(value, dt.datetime):
        raise TypeError("a date-time is not written back as one")
    if isinstance(value, dt.date):
        return {"@date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"@decimal": str(value)}
    raise TypeError(f"{type(value).__name__} is not written back as one")


def _lenient(value: Any) -> Any:
    try:
        return _strict(value)
    except TypeError:
        return str(value)


def _untagged(d: dict[str, Any]) -> Any:
    if len(d) == 1:
        if "@date" in d:
            return dt.date.fromisoformat(d["@date"])
        if "@decimal" in d:
            return Decimal(d["@decimal"])
    return d
