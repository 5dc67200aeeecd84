"""A page of an answer: the rows it holds are those of the whole answer at its place, and the
whole answer's length comes with it — on the embedded store, in memory, after an agency's place
narrows the answer, and in the CLI."""
from __future__ import annotations

import pytest
from clirun import dcskg

from ingest.errors import QueryError
from queries.runner import Page, run_query


@pytest.mark.parametrize("limit,offset", [(2, 0), (2, 1), (3, 4), (10, 0), (1, 9)])
def test_a_page_is_a_slice_of_the_whole_answer_with_its_length(seed_ds, limit, offset):
    whole = run_query("plans", seed_ds)
    page = run_query("plans", seed_ds, Page(limit, offset))
    assert page.rows == whole.rows[offset : offset + limit]
    assert (page.total, page.offset) == (len(whole), offset)


# pages of the seeds' task table (91 rows, 5 plans of 6 to 35 tasks) within a plan, across
# plans, at the end and past it
@pytest.mark.parametrize("limit,offset", [(2, 0), (2, 1), (3, 33), (40, 30), (10, 81), (5, 84), (5, 89), (20, 80), (5, 95)])
def test_a_listing_read_plan_by_plan_pages_as_the_whole_answer(seed_ds, limit, offset):
    """task_table's page is read plan by plan (its header: page_by plan): the same rows as the
    whole answer's slice; the whole is counted only where the plans ran out."""
    from queries.runner import count, resolve

    whole = run_query("task_table", seed_ds)
    page = run_query("task_table", seed_ds, Page(limit, offset))
    assert page.rows == whole.rows[offset : offset + limit]
    assert page.offset == offset and page.more == (offset + limit < len(whole))
    # uncounted only where rows follow; counted where the plans ran out, rows following or not
    assert page.total in (None, len(whole)) and (page.total is not None or page.more)
    assert count(resolve("task_table"), seed_ds) == len(whole) == 91


def test_a_page_read_plan_by_plan_reads_only_the_plans_it_needs(seed_ds, monkeypatch):
    from queries import pages

    read = []
    real = pages.execute_bound
    monkeypatch.setattr(pages, "execute_bound", lambda q, ds, bound, page=None: read.append(bound["plan"]) or real(q, ds, bound, page))
    page = run_query("task_table", seed_ds, Page(3))
    # the first plan by file name has 35 tasks: one plan read, and rows follow
    assert len(read) == 1 and page.more and page.total is None
    assert {r["file"] for r in page} == {"000_70211efbcc79a593.txt"}


def test_two_documents_of_one_file_interleave_as_the_query_orders_them(seed_ds, monkeypatch):
    """A decision and the plan it promulgates are read from one file: their rows are merged in
    the query's order after the file, not one document's after the other's."""
    from queries import pages

    files = pages.plans_in_order(seed_ds)
    both = [files[1][1][0], files[0][1][0]]  # the second file's plan listed first
    monkeypatch.setattr(pages, "plans_in_order", lambda ds: [("one file", both)])
    page = run_query("task_table", seed_ds, Page(200))
    whole = run_query("task_table", seed_ds)
    first_two = [r for r in whole if r["file"] in {files[0][0], files[1][0]}]
    assert page.rows == first_two and page.total == len(first_two)


def test_a_sparse_answer_is_read_whole(seed_ds, monkeypatch):
    """An answer that does not fill its page from the first plans is read whole, counted."""
    from queries import pages

    monkeypatch.setattr(pages, "PLAN_BUDGET", 1)
    whole = run_query("task_table", seed_ds)
    page = run_query("task_table", seed_ds, Page(40))
    assert page.rows == whole.rows[:40] and page.total == len(whole) == 91


def test_a_page_past_the_end_is_empty_and_still_counts(seed_ds):
    whole = run_query("plans", seed_ds)
    page = run_query("plans", seed_ds, Page(5, len(whole) + 3))
    assert page.rows == [] and page.total == len(whole)


def test_a_page_through_rdflib_is_the_same_page(seed_ds, seed_plain):
    """A graph rdflib evaluates (not the embedded store's own engine) pages the same way."""
    page = run_query("plans", seed_plain, Page(2, 1))
    assert page.rows == run_query("plans", seed_ds, Page(2, 1)).rows and page.total == 5


def test_an_agency_named_with_its_place_is_narrowed_before_the_page_is_cut(seed_ds):
    whole = run_query("agency_tasks", seed_ds, agency="Sở Nội vụ tỉnh Vĩnh Long")
    assert whole.rows and all(r["place"] == "Vĩnh Long" for r in whole)
    page = run_query("agency_tasks", seed_ds, Page(2, 1), agency="Sở Nội vụ tỉnh Vĩnh Long")
    assert page.rows == whole.rows[1:3] and page.total == len(whole)


@pytest.mark.parametrize("limit,offset", [(0, 0), (-1, 0), (5, -1)])
def test_a_page_needs_a_positive_limit_and_no_negative_offset(limit, offset):
    with pytest.raises(QueryError):
        Page(limit, offset)


def test_the_cli_says_which_rows_of_how_many_it_shows(seed_store):
    res = dcskg("query", "plans", "--store", str(seed_store), "--limit", "2", "--offset", "1")
    assert res.returncode == 0, res.stderr
    assert "dòng 2–3 trên 5" in res.stdout
    assert res.stdout.count("Kế hoạch —") == 2


def test_the_cli_says_rows_follow_and_counts_the_whole_on_request(seed_store):
    page = dcskg("query", "task_table", "--store", str(seed_store), "--limit", "3")
    assert page.returncode == 0, page.stderr
    assert "dòng 1–3; còn nữa" in page.stdout
    whole = dcskg("--lang", "en", "query", "task_table", "--store", str(seed_store), "--count", "-f", "json")
    assert whole.returncode == 0, whole.stderr
    assert whole.stdout.strip() == '{"rows": 91}'


def test_a_store_open_read_only_keeps_its_plans_order_and_a_writable_one_reads_it_again(seed_store, seed_ds):
    """A read-only handle cannot change under the reader (a build writes a new generation): the
    order of its plans is listed once. A store open for writing may gain plans: listed each time."""
    from dcskg.store import memory_dataset, open_dataset
    from queries import backend, pages

    frozen = open_dataset(seed_store)
    assert backend.memo(frozen) == {}
    first = run_query("task_table", frozen, Page(5))
    assert backend.memo(frozen)["plans_in_order"] == pages.plans_in_order(seed_ds)
    assert run_query("task_table", frozen, Page(5)).rows == first.rows
    writable = memory_dataset()
    for quad in seed_ds.quads((None, None, None, None)):
        writable.addN([quad])
    # (the same tasks; a joined list of leads may come in another order from another store)
    assert backend.memo(writable) is None
    assert [(r["file"], r["path"]) for r in run_query("task_table", writable, Page(5))] == [(r["file"], r["path"]) for r in first]


def test_a_full_page_at_the_plan_budget_stops_there_and_says_rows_may_follow(seed_ds, monkeypatch):
    from queries import pages

    monkeypatch.setattr(pages, "PLAN_BUDGET", 1)
    whole = run_query("task_table", seed_ds)
    page = run_query("task_table", seed_ds, Page(30, 5))  # the first plan's 35 tasks fill it
    assert page.rows == whole.rows[5:35] and page.vars == whole.vars
    assert (page.total, page.offset, page.more) == (None, 5, True)


def test_whether_rows_follow_is_known_before_a_page_read_plan_by_plan_ends(seed_ds, monkeypatch):
    """A page filled by its last plan exactly reads the next plan: 'more' is a fact, not a guess."""
    from queries import pages

    read = []
    real = pages.execute_bound
    monkeypatch.setattr(pages, "execute_bound", lambda q, ds, bound, page=None: read.append(bound["plan"]) or real(q, ds, bound, page))
    whole = run_query("task_table", seed_ds)
    page = run_query("task_table", seed_ds, Page(35))
    assert len(read) == 2 and page.more and page.vars == whole.vars
    last = run_query("task_table", seed_ds, Page(100, 80))
    assert (last.rows, last.total, last.more, last.vars) == (whole.rows[80:], 91, False, whole.vars)


def test_a_page_without_a_limit_a_given_plan_or_another_engine_is_read_whole(seed_ds, seed_plain):
    whole = run_query("task_table", seed_ds)
    rest = run_query("task_table", seed_ds, Page(None, 88))
    assert rest.rows == whole.rows[88:] and rest.total == 91
    plan = run_query("network_assignments", seed_ds).rows[0]["plan"]
    mine = run_query("network_assignments", seed_ds, plan=plan)
    page = run_query("network_assignments", seed_ds, Page(3), plan=plan)
    assert page.rows == mine.rows[:3] and page.total == len(mine) and {r["plan"] for r in mine} == {plan}
    # rdflib's engine reads the whole and counts it (task_table's GROUP_CONCAT over an unbound
    # lead is an error in rdflib 7.6, so the network's listing stands in)
    assert run_query("network_assignments", seed_plain, Page(2)).total == len(run_query("network_assignments", seed_ds))


def test_a_store_open_read_only_lists_its_plans_once(seed_store, monkeypatch):
    from dcskg.store import open_dataset
    from queries import pages

    frozen = open_dataset(seed_store)
    first = run_query("task_table", frozen, Page(5, 40))
    monkeypatch.setattr(pages, "execute", lambda *a, **k: pytest.fail("the plans were listed again"))
    assert run_query("task_table", frozen, Page(5, 40)).rows == first.rows


def test_the_order_a_listing_is_read_in():
    from queries import pages
    from queries.runner import resolve

    assert pages.order_keys(resolve("task_table")) == ["file", "line"]
    assert pages.order_keys(resolve("agency_lead_load")) is None  # DESC(…): not an order of variables alone
    rows = [{"k": "b", "n": 1}, {"k": None, "n": 2}, {"k": "a", "n": 3}, {"k": "a", "n": 0}]
    assert [r["n"] for r in sorted(rows, key=pages.row_order(["k", "n"]))] == [2, 0, 3, 1]  # unbound first, as SPARQL
