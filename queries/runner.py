"""Named queries as people ask them: names looked up in the graph (`lookup`), then executed
(`named`). The loading, binding and execution of queries lives in `named`; its names are
re-exported here for the callers that ask by name.
"""
from __future__ import annotations

import time
from typing import Any

from rdflib import Dataset
from rdflib.term import Identifier

from . import answer_cache, kept, lookup, pages
from .named import (  # noqa: F401  (re-exported)
    _LOOKED_UP,
    QUERY_DIR,
    NamedQuery,
    Page,
    Param,
    Rows,
    bindings,
    execute,
    execute_bound,
    facts,
    internal,
    library,
    load,
    parse_header,
    resolve,
    with_values,
)
from .naming import joined_names


def look_up(query: NamedQuery, ds: Dataset, params: dict[str, Any]) -> dict[str, Any]:
    """Values of document, plan, agency and place parameters -> what the graph calls them."""
    return _looked_up(query, ds, params)[0]


def _looked_up(query: NamedQuery, ds: Dataset, params: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """The parameters in the graph's terms, and the place an agency was named with ("sở nội vụ
    Cần Thơ"): bound to the query's place parameter when it has one, else returned, for the
    answer's `place` column to be narrowed to."""
    find = {"document": lookup.document_id, "plan": lookup.document_node, "place": lookup.place_name}
    out = dict(params)
    place = None
    for p in query.params:
        value = params.get(p.name)
        if p.type not in _LOOKED_UP or value is None or isinstance(value, Identifier):
            continue
        if p.type == "agency":
            out[p.name], place = lookup.agency_and_place(ds, str(value))
        else:
            out[p.name] = find[p.type](ds, str(value))
    takes_place = [p.name for p in query.params if p.type == "place"]
    if place and takes_place and not any(params.get(name) for name in takes_place):
        # "sở nội vụ Cần Thơ": the query narrows to the place itself, from its first patterns
        out[takes_place[0]], place = place, None
    return out, place


def run(query: NamedQuery, ds: Dataset, page: Page | None = None, **params: Any) -> Rows:
    """Look up the names a person typed, run the query, keep the place an agency was named
    with; with a `page`, one page of the answer and its whole length (`Rows.total`) — or, for
    a long listing read plan by plan (`queries.pages`), whether rows follow (`Rows.more`)."""
    return _run(query, ds, page, True, params)


def count(query: NamedQuery, ds: Dataset, **params: Any) -> int:
    """The length of the whole answer, each row counted and none read into Python: what a
    page read plan by plan leaves uncounted."""
    total = _run(query, ds, Page(1), False, params).total
    return 0 if total is None else total


def _run(query: NamedQuery, ds: Dataset, page: Page | None, by_plan: bool, params: dict[str, Any]) -> Rows:
    bound, place = _looked_up(query, ds, params)
    narrowed = place and not any(params.get(p.name) for p in query.params if p.type == "place")
    terms = bindings(query, bound)
    if not terms and query.name in kept.KEPT and query.path == kept.query(query.name).path:
        # a whole answer the build kept (every document read, every reporting duty): read back
        # in the query's order, not asked of the store (10,000 plans: 0.1-0.2 s against 2 s)
        found = kept.page(ds, query.name, page)
        if found is not None:
            return found
    if page is not None and by_plan and not narrowed:
        first = pages.plan_by_plan(query, ds, terms, page)
        if first is not None:
            return first
    rows = _answer(answering_query(query, terms), ds, terms, None if narrowed else page)
    if narrowed and "place" in rows.vars:
        wanted = lookup.loose(str(place))
        rows = Rows(rows.vars, [r for r in rows if lookup.loose(str(r.get("place") or "")) == wanted])
    return rows.paged(page) if narrowed else rows


def _answer(query: NamedQuery, ds: Dataset, terms: dict[str, Any], page: Page | None) -> Rows:
    """The answer (`page` of it) as the store gives it — or as it gave it before, kept with the
    store's generation when it was slow to give (`answer_cache`)."""
    path = answer_cache.location(ds)
    if path is None:
        return execute_bound(query, ds, terms, page)
    question = answer_cache.key(query, terms)
    found = answer_cache.read(path, question, page)
    if found is not None:
        return found
    started = time.perf_counter()
    whole = execute_bound(query, ds, terms)
    if time.perf_counter() - started >= answer_cache.WORTH_KEEPING_S:
        answer_cache.keep(path, question, whole)
    return whole.paged(page)


def answering_query(query: NamedQuery, terms: dict[str, Any]) -> NamedQuery:
    """The query that answers with these parameters: its narrowing twin when one is given."""
    return next((internal(twin) for name, twin in query.narrow if name in terms), query)


# answer columns that hold an agency's name, in the named queries
AGENCY_COLUMNS = ("agency", "name", "lead", "support", "partner", "reporter", "to", "via", "leads", "supports")


def without_vague(ds: Dataset, rows: Rows) -> Rows:
    """The rows that name nobody in particular left out: a row whose agency column holds a group
    like "Các cơ quan, đơn vị liên quan" (`dcs:generic`) — in a joined list, each name counts."""
    vague = {str(r["name"]) for r in execute(internal("vague_names"), ds, {})}
    columns = [c for c in rows.vars if c in AGENCY_COLUMNS]

    def named(value: Any) -> bool:
        names = joined_names(value)
        return not names or bool(names - vague)

    return Rows(rows.vars, [r for r in rows if all(named(r.get(c)) for c in columns)])


def run_query(name: str, ds: Dataset, page: Page | None = None, **params: Any) -> Rows:
    """Run a named query (or a .rq file) against a dataset (`dcskg.run_query` also opens a store folder)."""
    return run(resolve(name), ds, page, **params)

