"""Where is it said: full-text search over task texts and document titles, as people type —
without case or diacritics ("dan chu" finds "dân chủ"), with filters for place, level, year,
genre, agency and role. Vietnamese writes a word as syllables, so what is typed is a phrase (its
syllables in that order, "dân chủ" and not "Nhân dân … Chủ trì"); phrases parted by commas
are each required ("dân chủ, tuyên truyền").

A store read from its folder has a text index built with it (`text_index`): the rows holding
the words are asked of it and only those are checked; any other store is searched by reading
its task table. Either way the words are compared by `lookup.loose`, the one key the project
compares typed text by, and the hits are the same.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import QueryError

from . import lookup, text_index
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
    index = text_index.open_index(getattr(ds, "text_index", None))
    found = None if index is None else text_index.matching(index, wanted)
    if index is not None and found is not None:
        documents = text_index.documents(index)
        index.close()
        named: dict = documents
        # as the graph's answer orders them: documents by source, then tasks by file and line
        said = [(_said(*row[:7]), row[7]) for row in sorted(found, key=lambda r: (r[0] == "task", documents.get(r[1], {}).get("source", "") if r[0] == "document" else r[1], r[3] or 0))]
    else:
        rows = ingested(ds)
        documents = {Path(str(r["source"])).name: {**r, "level_code": r["level"]} for r in rows if not r["promulgatedBy"]}
        named = names_by_source(ds, rows)
        said = [(_said("document", file, None, None, str(r["title"]), None, None), None) for file, r in documents.items() if r["title"]]
        said += [(_said("task", r["file"], r["path"], r["line"], r["text"], r["leads"], r["supports"]), None) for r in run_query("task_table", ds)]
        if index is not None:
            index.close()

    def keeps(file: str) -> bool:
        read = documents.get(file)
        if read is None:
            return False
        if place and not lookup.issued_in(named.get(file, {}), place):
            return False
        if filters.level and read["level_code"] != filters.level:
            return False
        if filters.year and not str(read["date"] or "").startswith(str(filters.year)):
            return False
        return not filters.genre or lookup.loose(filters.genre) == lookup.loose(str(read["genre"] or ""))

    def matches(text: str, folded: str | None) -> bool:
        folded = lookup.loose(text) if folded is None else folded  # the index keeps it folded
        return all(re.search(rf"(?<![a-z0-9]){re.escape(phrase)}", folded) for phrase in wanted)

    hits = []
    for s, folded in said:
        if (s.kind == "document" and agency) or not keeps(s.file) or not matches(s.text, folded):
            continue
        if agency and not _has_role(agency, filters.role, s.leads, s.supports):
            continue
        hits.append(Hit(s.kind, named.get(s.file, {}).get("name") or s.file, s.file, s.path, s.text, s.leads, s.supports, s.line))
    return hits


def _said(kind: str, file: str, path: str | None, line: int | None, text: str, leads: str | None, supports: str | None) -> Hit:
    """A text search may find, before its document is named."""
    return Hit(kind, "", file, path, text, leads, supports, line)


def _has_role(agency: str, role: str | None, leads: str | None, supports: str | None) -> bool:
    if role == "lead":
        return agency in joined_names(leads)
    if role == "support":
        return agency in joined_names(supports)
    return agency in joined_names(leads) | joined_names(supports)
