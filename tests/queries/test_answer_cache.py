"""queries/answer_cache.py: a slow answer kept with its store generation is read back as the
store gave it — every page, every value's type — never from another generation, and a file that
cannot be written or read costs nothing but the time."""
from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal

import pytest

from queries import answer_cache, runner
from queries.named import Page, Rows

# listings answered by the store (`plans`, `ingested` … are read from the rows kept with the build)
LISTINGS = ("document_links", "documents", "agency_names", "document_names", "measure_coverage")


@pytest.fixture
def own_store(tmp_path, seed_store):
    """A copy of the seeds' store, whose generation this test may write its answers into."""
    store = tmp_path / "graph"
    shutil.copytree(seed_store, store, symlinks=True)
    return store


@pytest.fixture
def keep_every_answer(monkeypatch):
    # the seeds' answers are quick: keep them all, as a national store keeps its slow ones
    monkeypatch.setattr(answer_cache, "WORTH_KEEPING_S", 0.0)


def _not_asked(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the store was asked")

    monkeypatch.setattr(runner, "execute_bound", refuse)


@pytest.mark.parametrize("name", LISTINGS)
def test_a_kept_answer_reads_back_page_by_page_as_the_store_gave_it(own_store, keep_every_answer, monkeypatch, name):
    from dcskg.store import open_dataset

    query = runner.resolve(name)
    asked = runner.run(query, open_dataset(own_store))
    assert asked.rows, name
    gen = (own_store / "current").resolve()
    assert (gen / answer_cache.FILE).exists()
    _not_asked(monkeypatch)
    ds = open_dataset(own_store)
    assert runner.run(query, ds).rows == asked.rows
    for page in (Page(2), Page(3, 1), Page(None, len(asked.rows) - 1), Page(5, len(asked.rows) + 4)):
        kept = runner.run(query, ds, page)
        assert kept.rows == page.of(asked.rows) and kept.total == len(asked.rows) and kept.offset == page.offset
        assert kept.vars == asked.vars


def test_a_parameter_is_part_of_the_question(own_store, keep_every_answer):
    from dcskg.store import open_dataset

    query = runner.resolve("plan_tasks")
    first = runner.run(query, open_dataset(own_store), plan="000_70211efbcc79a593")
    other = runner.run(query, open_dataset(own_store), plan="003_fcf3e25466826abb")
    again = runner.run(query, open_dataset(own_store), plan="000_70211efbcc79a593")
    assert first.rows and other.rows and first.rows != other.rows
    assert again.rows == first.rows


def test_a_new_generation_is_asked_afresh(tmp_path, two_plans, keep_every_answer):
    from dcskg.store import build, open_dataset

    store = tmp_path / "graph"
    build([two_plans / "000_70211efbcc79a593.txt"], store)
    query = runner.resolve("documents")
    before = runner.run(query, open_dataset(store)).rows
    build([two_plans], store)
    # the new generation holds no kept answer: its own is read and kept
    assert not ((store / "current").resolve() / answer_cache.FILE).exists()
    plain = open_dataset(store)
    plain.text_index = None  # nowhere to keep it: the store's own answer
    expected = runner.run(query, plain).rows
    assert expected != before
    assert runner.run(query, open_dataset(store)).rows == expected
    assert runner.run(query, open_dataset(store), Page(1)).rows == expected[:1]
    assert ((store / "current").resolve() / answer_cache.FILE).exists()


def test_a_store_open_for_writing_keeps_nothing(own_store, keep_every_answer):
    from dcskg.store import open_dataset

    ds = open_dataset(own_store, read_only=False)
    assert answer_cache.location(ds) is None
    assert runner.run(runner.resolve("documents"), ds).rows
    assert not ((own_store / "current").resolve() / answer_cache.FILE).exists()


def test_values_come_back_as_the_types_they_were(tmp_path):
    path = tmp_path / answer_cache.FILE
    row = {"date": dt.date(2026, 3, 5), "n": 3, "share": Decimal("0.25"), "yes": True, "x": 1.5, "none": None, "text": "Sở Nội vụ"}
    assert answer_cache.keep(path, "q", Rows(list(row), [row]))
    back = answer_cache.read(path, "q", None)
    assert back.rows == [row] and [type(v) for v in back.rows[0].values()] == [type(v) for v in row.values()]


def test_a_value_it_cannot_write_back_keeps_nothing(tmp_path):
    path = tmp_path / answer_cache.FILE
    assert not answer_cache.keep(path, "q", Rows(["at"], [{"at": dt.datetime(2026, 3, 5, 8, 0)}]))
    assert answer_cache.read(path, "q", None) is None


def test_an_unwritable_or_broken_file_costs_only_the_time(own_store, keep_every_answer):
    from dcskg.store import open_dataset

    query = runner.resolve("documents")
    plain = open_dataset(own_store)
    plain.text_index = None  # nowhere to keep it: the store's own answer
    expected = runner.run(query, plain).rows
    assert expected
    gen = (own_store / "current").resolve()
    (gen / answer_cache.FILE).write_bytes(b"not a database")
    assert runner.run(query, open_dataset(own_store)).rows == expected
    (gen / answer_cache.FILE).unlink()
    (gen / answer_cache.FILE).mkdir()  # a folder where the file would be: nothing can be written
    assert runner.run(query, open_dataset(own_store)).rows == expected
    assert runner.run(query, open_dataset(own_store), Page(1)).rows == expected[:1]


def test_a_quick_answer_is_not_kept(own_store):
    from dcskg.store import open_dataset

    assert runner.run(runner.resolve("documents"), open_dataset(own_store)).rows
    assert not ((own_store / "current").resolve() / answer_cache.FILE).exists()
