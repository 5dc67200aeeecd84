"""A page of a long listing, read plan by plan (issue 27).

A listing ordered by its plan's file first (`#+ page_by: plan`: the query names each row's plan
`?plan` in its outer group, and its ORDER BY starts with `?file`, the file name of that plan's
source) is the run of its per-plan answers in the order of the plans' files. Its first page
needs the first few plans only, each answered with `?plan` bound — index look-ups — where the
whole answer joins and sorts every task of the corpus (`task_table` at 10,000 plans: over a
minute). Such a page does not count the whole answer: `Rows.total` is None unless the plans ran
out, and `Rows.more` says whether rows follow (`runner.count` counts them).

Only on the embedded store, whose engine plans a bound `?plan` as a constant; an answer too
sparse to fill its page from the first plans (one agency's tasks) is read whole, as before.
"""
from __future__ import annotations

import re
from itertools import groupby
from typing import Any

from rdflib import Dataset, URIRef
from rdflib.term import Identifier

from . import backend
from .named import NamedQuery, Page, Rows, execute, execute_bound, internal

# plans read for one page before the whole answer is read instead: a page that needs more
# plans than this comes from a sparse answer, which the store answers whole in less time
PLAN_BUDGET = 40

_ORDER = re.compile(r"^ORDER BY((?:\s+\?[A-Za-z_][A-Za-z0-9_]*)+)\s*$", re.M)


def order_keys(query: NamedQuery) -> list[str] | None:
    """The variables of the query's ORDER BY, when it sorts by variables alone, ascending."""
    m = _ORDER.search(query.text)
    return [v[1:] for v in m.group(1).split()] if m else None


def plans_in_order(ds: Dataset) -> list[tuple[str, list[str]]]:
    """(file name, the plans read from a file of that name), by file name as ORDER BY ?file
    sorts them (code points; the plans of one name by IRI)."""
    kept = backend.memo(ds)
    if kept is not None and "plans_in_order" in kept:
        return kept["plans_in_order"]
    read = sorted((str(r["source"]).rsplit("/", 1)[-1], str(r["plan"])) for r in execute(internal("plans_in_order"), ds, {}))
    order = [(file, [plan for _, plan in group]) for file, group in groupby(read, key=lambda fp: fp[0])]
    if kept is not None:
        # a store open read-only keeps its plans: the next page needs no listing (0.2 s at 10,000)
        kept["plans_in_order"] = order
    return order


def row_order(keys: list[str]):
    # an unbound value sorts first, as SPARQL orders it
    return lambda row: tuple((row.get(k) is not None, row.get(k)) for k in keys)


def _rows_of_file(query: NamedQuery, ds: Dataset, bound: dict[str, Identifier], plans: list[str], keys: list[str]) -> Rows:
    parts = [execute_bound(query, ds, {**bound, "plan": URIRef(plan)}) for plan in plans]
    rows = [row for part in parts for row in part.rows]
    if len(parts) > 1:
        # two documents read from one file (a decision and the plan it promulgates): their rows
        # interleave as the query orders them after the file
        rows.sort(key=row_order(keys))
    return Rows(parts[0].vars, rows)


def plan_by_plan(query: NamedQuery, ds: Dataset, bound: dict[str, Identifier], page: Page) -> Rows | None:
    """`page` of the answer read plan by plan, or None where it cannot be read so: another
    engine, a plan given, no limit, an order this does not follow, or a sparse answer."""
    keys = order_keys(query)
    if query.page_by != "plan" or backend.native(ds) is None or "plan" in bound or page.limit is None or not keys or keys[0] != "file":
        return None
    wanted = page.offset + page.limit
    rows: list[dict[str, Any]] = []
    names: list[str] | None = None
    read = 0

    def cut(total: int | None, more: bool) -> Rows:
        return Rows(names or [], rows[page.offset : wanted], total, page.offset, more=more)

    for _, plans in plans_in_order(ds):
        if len(rows) > wanted:
            return cut(None, True)
        if read >= PLAN_BUDGET:
            # a full page stops here: rows may follow ("more"); a page not yet full is sparse
            return cut(None, True) if len(rows) >= wanted else None
        part = _rows_of_file(query, ds, bound, plans, keys)
        names, read = part.vars, read + len(plans)
        rows.extend(part.rows)
    if names is None:
        return None  # nothing read: the whole answer gives its columns
    return cut(len(rows), len(rows) > wanted)
