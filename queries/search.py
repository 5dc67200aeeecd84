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
from contextlib import closing
from dataclasses import dataclass

from ingest.errors import QueryError

from . import backend, lookup, text_index
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
    documents, said = _said_by_index(ds, wanted) or _said_in_graph(ds)

    def keeps(file: str) -> bool:
        read = documents.get(file)
        if read is None:
            return False
        if place and not lookup.issued_in(read, place):
            return False
        if filters.level and read["level_code"] != filters.level:
            return False
        if filters.year and not str(read["date"] or "").startswith(str(filters.year)):
            return False
        return not filters.genre or lookup.loose(filters.genre) == lookup.loose(str(read["genre"] or ""))

    phrases = [re.compile(rf"(?<![a-z0-9]){re.escape(phrase)}") for phrase in wanted]

    def matches(text: str, folded: str | None) -> bool:
        folded = lookup.loose(text) if folded is None else folded  # the index keeps it folded
        return all(p.search(folded) for p in phrases)

    admitted = {file: keeps(file) for file in documents}  # a document's filters, once for all its texts
    hits = []
    for hit, folded in said:
        if (hit.kind == "document" and agency) or not admitted.get(hit.file) or not matches(hit.text, folded):
            continue
        if agency and not _has_role(agency, filters.role, hit.leads, hit.supports):
            continue
        hits.append(Hit(hit.kind, documents[hit.file].get("name") or hit.file, hit.file, hit.path, hit.text, hit.leads, hit.supports, hit.line))
    return hits


Said = tuple[dict[str, dict], list[tuple[Hit, str | None]]]  # the documents read, each text with its folded form if kept


def _said_by_index(ds, wanted: list[str]) -> Said | None:
    """The documents and the texts that hold the words, from the store's text index; None
    without one (or with words it cannot look up)."""
    index = text_index.open_index(backend.text_index(ds))
    if index is None:
        return None
    with closing(index):
        found = text_index.matching(index, wanted)
        documents = text_index.documents(index) if found is not None else {}
    if found is None:
        return None

    by_source = {file: i for i, file in enumerate(documents)}  # the index lists them by source

    def order(row: tuple) -> tuple:
        # as the graph's answer orders them: documents by source, then tasks by file and line
        kind, file, line = row[0], row[1], row[3]
        return (kind == "task", (by_source.get(file, -1), "") if kind == "document" else (0, file), line or 0)

    return documents, [(Hit(kind, "", file, path, text, leads, supports, line), folded) for kind, file, path, line, text, leads, supports, folded in sorted(found, key=order)]


def _said_in_graph(ds) -> Said:
    """Every document read and every text, read from the graph."""
    documents = names_by_source(ds, ingested(ds))
    said: list[tuple[Hit, str | None]] = [(Hit("document", "", file, None, str(d["title"]), None, None, None), None) for file, d in documents.items() if d["title"]]
    said += [(Hit("task", "", r["file"], r["path"], r["text"], r["leads"], r["supports"], r["line"]), None) for r in run_query("task_table", ds)]
    return documents, said


def _has_role(agency: str, role: str | None, leads: str | None, supports: str | None) -> bool:
    if role == "lead":
        return agency in joined_names(leads)
    if role == "support":
        return agency in joined_names(supports)
    return agency in joined_names(leads) | joined_names(supports)
