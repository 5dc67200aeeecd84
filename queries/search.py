"""Where is it said: full-text search over task texts and document titles, as people type —
without case or diacritics ("dan chu" finds "dân chủ"), with filters for place, level, year,
genre, agency and role. Vietnamese writes a word as syllables, so what is typed is a phrase (its
syllables in that order, "dân chủ" and not "Nhân dân … Chủ trì"); phrases parted by commas
are each required ("dân chủ, tuyên truyền").

The graph is small enough per question that the named queries' rows are filtered here; the
words are compared by `lookup.loose`, the one key the project compares typed text by.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import QueryError

from . import lookup
from .naming import ingested, joined_names, names_by_source
from .runner import run_query


@dataclass(frozen=True)
class Hit:
    kind: str  # task | document
    document: str  # the document's name
    file: str
    path: str | None
    text: str
    leads: str | None
    supports: str | None
    line: int | None


@dataclass(frozen=True)
class Filters:
    place: str | None = None  # the issuer's place or province
    level: str | None = None  # province | city | district | commune | agency
    year: int | None = None
    genre: str | None = None  # "Kế hoạch", "Nghị quyết", …
    agency: str | None = None
    role: str | None = None  # lead | support (with agency)


def search(ds, words: str, filters: Filters = Filters()) -> list[Hit]:
    wanted = [" ".join(lookup.loose(phrase).split()) for phrase in words.split(",") if phrase.strip()]
    if not wanted:
        raise QueryError("nothing to search for", "search", code="search_empty")
    if filters.role not in (None, "lead", "support"):
        raise QueryError(f"role must be lead or support, not {filters.role!r}", "search", code="search_role", params={"role": filters.role})
    agency = lookup.agency_and_place(ds, filters.agency)[0] if filters.agency else None
    place = lookup.place_name(ds, filters.place) if filters.place else None
    rows = ingested(ds)
    documents = {Path(str(r["source"])).name: r for r in rows if not r["promulgatedBy"]}
    named = names_by_source(ds, rows)

    def keeps(file: str) -> bool:
        read = documents.get(file)
        if read is None:
            return False
        if place and not lookup.issued_in(named.get(file, {}), place):
            return False
        if filters.level and read["level"] != filters.level:
            return False
        if filters.year and not str(read["date"] or "").startswith(str(filters.year)):
            return False
        return not filters.genre or lookup.loose(filters.genre) == lookup.loose(str(read["genre"] or ""))

    def matches(text: str) -> bool:
        said = lookup.loose(text)
        return all(re.search(rf"(?<![a-z0-9]){re.escape(phrase)}", said) for phrase in wanted)

    hits = []
    if not agency:
        for file, read in documents.items():
            title = str(read["title"] or "")
            if keeps(file) and title and matches(title):
                hits.append(Hit("document", named.get(file, {}).get("name") or file, file, None, title, None, None, None))
    for r in run_query("task_table", ds):
        if not keeps(r["file"]) or not matches(r["text"]):
            continue
        if agency and not _has_role(agency, filters.role, r["leads"], r["supports"]):
            continue
        hits.append(Hit("task", named.get(r["file"], {}).get("name") or r["file"], r["file"], r["path"], r["text"], r["leads"], r["supports"], r["line"]))
    return hits


def _has_role(agency: str, role: str | None, leads: str | None, supports: str | None) -> bool:
    if role == "lead":
        return agency in joined_names(leads)
    if role == "support":
        return agency in joined_names(supports)
    return agency in joined_names(leads) | joined_names(supports)
