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
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from itertools import islice

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
    """Every hit, in order: documents' titles, then tasks, each by file, line and item."""
    return list(_hits(ds, words, filters))


@dataclass(frozen=True)
class SearchPage:
    hits: list[Hit]
    offset: int
    more: bool  # hits follow this page (`search` counts them all)


def search_page(ds, words: str, filters: Filters = Filters(), limit: int = 100, offset: int = 0) -> SearchPage:
    """The hits `offset` to `offset + limit`: the index is read in the hits' order and left as
    soon as the page is full, so a first page costs what its rows cost, not every hit."""
    if limit < 1 or offset < 0:
        raise QueryError("a page takes a limit of 1 or more rows and an offset of 0 or more", "page", code="bad_page")
    taken = list(islice(_hits(ds, words, filters), offset, offset + limit + 1))
    return SearchPage(taken[:limit], offset, len(taken) > limit)


def _hits(ds, words: str, filters: Filters) -> Iterator[Hit]:
    """The hits in order, read as they are asked for."""
    wanted = [" ".join(lookup.loose(phrase).split()) for phrase in words.split(",") if phrase.strip()]
    if not wanted:
        raise QueryError("nothing to search for", "search", code="search_empty")
    if filters.role not in (None, "lead", "support"):
        raise QueryError(f"role must be lead or support, not {filters.role!r}", "search", code="search_role", params={"role": filters.role})
    agency = lookup.agency_and_place(ds, filters.agency)[0] if filters.agency else None
    place = lookup.place_name(ds, filters.place) if filters.place else None

    def keeps(read: dict | None) -> bool:
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

    admitted: dict[str, dict | None] = {}  # a document's filters, once for all its texts
    with _said(ds, wanted) as (document, said):
        for hit, folded in said:
            if hit.file not in admitted:
                read = document(hit.file)
                admitted[hit.file] = read if keeps(read) else None
            read = admitted[hit.file]
            if read is None or (hit.kind == "document" and agency) or not matches(hit.text, folded):
                continue
            if agency and not _has_role(agency, filters.role, hit.leads, hit.supports):
                continue
            yield Hit(hit.kind, read.get("name") or hit.file, hit.file, hit.path, hit.text, hit.leads, hit.supports, hit.line)


# a document read, by file name; each text with its folded form if kept, in the hits' order
Said = tuple[Callable[[str], dict | None], Iterable[tuple[Hit, str | None]]]


@contextmanager
def _said(ds, wanted: list[str]) -> Iterator[Said]:
    """From the store's text index the rows that hold the words, read as they are asked for;
    without one (or with words it cannot look up), every text of the graph."""
    index = text_index.open_index(backend.text_index(ds))
    if index is not None:
        with closing(index):
            found = text_index.matching(index, wanted)
            if found is not None:
                yield text_index.documents(index), ((Hit(kind, "", file, path, text, leads, supports, line), folded) for kind, file, path, line, text, leads, supports, folded in found)
                return
    yield _said_in_graph(ds)


def _said_in_graph(ds) -> Said:
    """Every document read and every text, read from the graph, in the hits' order."""
    documents = names_by_source(ds, ingested(ds))
    said: list[tuple[Hit, str | None]] = [(Hit("document", "", file, None, str(d["title"]), None, None, None), None) for file, d in documents.items() if d["title"]]
    said += [(Hit("task", "", r["file"], r["path"], r["text"], r["leads"], r["supports"], r["line"]), None) for r in run_query("task_table", ds)]
    said.sort(key=lambda h: text_index.sort_key(h[0].kind, h[0].file, h[0].line, h[0].path))
    return documents.get, said


def _has_role(agency: str, role: str | None, leads: str | None, supports: str | None) -> bool:
    if role == "lead":
        return agency in joined_names(leads)
    if role == "support":
        return agency in joined_names(supports)
    return agency in joined_names(leads) | joined_names(supports)
