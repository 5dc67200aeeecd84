"""Documents named as people name them: genre, symbol, issuer and date —
"Kế hoạch 18/KH-UBND — Ủy ban nhân dân huyện Vĩnh Linh, 17/01/2025". File names stay in the
provenance columns; this is what a person reads in tables, workbooks, calendars and pages.
"""
from __future__ import annotations

import re
from pathlib import Path

from . import kept


def show_date(date: str | None) -> str | None:
    """ISO "2025-01-17" / "2025-01" / "2025" -> "17/01/2025" / "01/2025" / "2025"."""
    if not date:
        return None
    parts = str(date)[:10].split("-")
    return "/".join(reversed(parts))


def document_name(genre: str | None, number: str | None, issuer: str | None, date: str | None, source: str | None = None) -> str:
    """"Kế hoạch 18/KH-UBND — Ủy ban nhân dân huyện Vĩnh Linh, 01/2025"; a document whose
    number was left blank is named by its issuer and date, and by its file only as a last resort."""
    symbol = re.sub(r"@.*$", "", number or "").strip()
    head = " ".join(x for x in (genre or "Văn bản", symbol) if x)
    tail = ", ".join(x for x in (issuer, show_date(date)) if x)
    if not tail and not symbol and source:
        tail = Path(source).name
    return f"{head} — {tail}" if tail else head


def _named(row: dict) -> str:
    """The name of a document read, from its row of the `ingested` query."""
    date = None if row["date"] is None else str(row["date"])
    return document_name(row["genre"], row["number"], row["issuer"], date, row["source"])


def named_document(ds, iri: str) -> tuple[str, str] | None:
    """(name, source file name) of the document read as `iri`, or None."""

    row = next((r for r in ingested(ds) if r["doc"] == str(iri)), None)
    return None if row is None else (_named(row), Path(row["source"]).name)


def ingested(ds) -> list[dict]:
    """The rows of the `ingested` query: every document read, once per caller that needs several
    views of them (pass them to `names_by_node` and `names_by_source`); kept with the build
    where the store keeps them (`queries.kept`)."""
    return list(kept.answer(ds, "ingested"))


def names_by_node(ds, rows: list[dict] | None = None) -> dict[str, str]:
    """IRI -> name of every document read (a decision's promulgated text by its own)."""
    return {str(r["doc"]): _named(r) for r in (ingested(ds) if rows is None else rows)}


def names_by_source(ds, rows: list[dict] | None = None) -> dict[str, dict[str, str | None]]:
    """Source file name -> {name, issuer, level, place, province, date, and what search filters
    and keeps by: genre, level code, title, source, key} of every document read."""

    out: dict[str, dict[str, str | None]] = {}
    for r in ingested(ds) if rows is None else rows:
        file = Path(r["source"]).name
        if r["promulgatedBy"] or file in out:
            continue  # a decision's promulgated text is named with the decision
        out[file] = {
            "name": _named(r),
            "issuer": r["issuer"],
            "level": r["levelName"],
            "place": r["place"],
            "province": r["province"] or r["place"],
            "date": None if r["date"] is None else str(r["date"]),
            "genre": r["genre"],
            "level_code": r["level"],
            "title": r["title"],
            "source": str(r["source"]),
            "key": str(r["key"]),
        }
    return out


def joined_names(value: str | None) -> set[str]:
    """The names in a column the named queries join with "; " (leads, supports)."""
    return {n.strip() for n in str(value or "").split(";") if n.strip()}
