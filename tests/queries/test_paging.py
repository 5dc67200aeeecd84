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
    whole = run_query("task_table", seed_ds)
    page = run_query("task_table", seed_ds, Page(limit, offset))
    assert page.rows == whole.rows[offset : offset + limit]
    assert (page.total, page.offset) == (len(whole), offset)


def test_a_page_past_the_end_is_empty_and_still_counts(seed_ds):
    whole = run_query("plans", seed_ds)
    page = run_query("plans", seed_ds, Page(5, len(whole) + 3))
    assert page.rows == [] and page.total == len(whole)


def test_a_page_through_rdflib_is_the_same_page(seed_ds):
    """A graph rdflib evaluates (not the embedded store's own engine) pages the same way."""
    from rdflib import Dataset

    plain = Dataset(default_union=True)
    for s, p, o, g in seed_ds.quads((None, None, None, None)):
        plain.graph(g).add((s, p, o))
    page = run_query("plans", plain, Page(2, 1))
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
