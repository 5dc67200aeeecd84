"""dcskg/replies.py and its use in `serve.run_query`: a slow reply is given again without a query
process while its generation is served, never for another generation, format or row cap."""
from __future__ import annotations

import pytest

from dcskg import replies, serve

JSON = "application/sparql-results+json"
TEXT = "SELECT ?s WHERE { ?s ?p ?o }"


class CountingPool:
    """A query pool that answers every question with its own number."""

    def __init__(self):
        self.asked = 0

    def ask(self, db, query, accept, explicit, form, max_rows, timeout, queue_wait):
        self.asked += 1
        return 200, JSON, f'{{"asked": {self.asked}, "db": "{db}"}}'.encode(), False, None, None


@pytest.fixture
def served(tmp_path, monkeypatch):
    """A store folder whose `current` names generation a, a counting pool, every reply slow."""
    store = tmp_path / "graph"
    for gen in ("gen-a", "gen-b"):
        (store / gen / "oxigraph").mkdir(parents=True)
    (store / "current").symlink_to("gen-a")
    pool = CountingPool()
    monkeypatch.setattr(serve, "_pool", lambda settings: pool)
    monkeypatch.setattr(serve, "_REPLIES", {})
    monkeypatch.setattr(replies, "WORTH_KEEPING_S", 0.0)
    return serve.Settings(store=str(store)), store, pool


def test_a_slow_reply_is_given_again_without_a_query_process(served):
    settings, _, pool = served
    first = serve.run_query(settings, TEXT, JSON)
    assert serve.run_query(settings, TEXT, JSON) == first and pool.asked == 1


def test_another_format_row_cap_or_text_is_asked(served):
    settings, _, pool = served
    serve.run_query(settings, TEXT, JSON)
    serve.run_query(settings, TEXT, "text/csv")
    serve.run_query(settings, TEXT, JSON, "csv")
    serve.run_query(serve.Settings(store=settings.store, max_rows=5), TEXT, JSON)
    serve.run_query(settings, TEXT + " LIMIT 1", JSON)
    assert pool.asked == 5


def test_a_new_generation_is_asked_afresh(served):
    settings, store, pool = served
    before = serve.run_query(settings, TEXT, JSON)
    (store / "next").symlink_to("gen-b")
    (store / "next").replace(store / "current")
    after = serve.run_query(settings, TEXT, JSON)
    assert pool.asked == 2 and b"gen-b" in after[2] and b"gen-a" in before[2]


def test_a_server_told_to_keep_nothing_asks_every_time(served):
    settings, _, pool = served
    none = serve.Settings(store=settings.store, keep_replies_mb=0)
    serve.run_query(none, TEXT, JSON)
    serve.run_query(none, TEXT, JSON)
    assert pool.asked == 2


def test_a_quick_reply_is_not_kept(served, monkeypatch):
    settings, _, pool = served
    monkeypatch.setattr(replies, "WORTH_KEEPING_S", 60.0)
    serve.run_query(settings, TEXT, JSON)
    serve.run_query(settings, TEXT, JSON)
    assert pool.asked == 2


def test_the_least_recently_asked_goes_first_beyond_the_limit():
    kept = replies.Replies(limit=100)
    for n in range(4):
        kept.put(("db", str(n), JSON, None, 10), (JSON, b"x" * 25, False), 1.0)
    assert kept.get(("db", "0", JSON, None, 10)) is not None  # asked again: kept longest
    kept.put(("db", "4", JSON, None, 10), (JSON, b"x" * 25, False), 1.0)
    assert kept.get(("db", "1", JSON, None, 10)) is None
    assert all(kept.get(("db", str(n), JSON, None, 10)) for n in (0, 2, 3, 4))
    kept.put(("db", "big", JSON, None, 10), (JSON, b"x" * 30, False), 1.0)  # over a quarter: not kept
    assert kept.get(("db", "big", JSON, None, 10)) is None
