"""queries/search.py: words found without case or diacritics, filtered as an analyst asks."""
from __future__ import annotations

import csv
import io
from contextlib import closing

import pytest
from clirun import dcskg

from ingest.errors import QueryError
from queries.search import Filters, search


def test_phrases_are_found_without_diacritics_and_all_are_required(seed_ds):
    loose = search(seed_ds, "dan chu")
    exact = search(seed_ds, "dân chủ")
    assert loose and {(h.file, h.path) for h in loose} == {(h.file, h.path) for h in exact}
    assert all("dân chủ" in h.text.lower() for h in loose)
    both = search(seed_ds, "tuyen truyen, cam nang")
    assert both and all("tuyên truyền" in h.text.lower() and "cẩm nang" in h.text.lower() for h in both)
    # a word is matched from its start: "ruyen" is no word's start, "truyen" is
    assert not search(seed_ds, "ruyen") and search(seed_ds, "truyen")


def test_filters(seed_ds):
    can_tho = search(seed_ds, "tuyen truyen", Filters(place="can tho"))
    assert can_tho and {h.file for h in can_tho} == {"003_fcf3e25466826abb.txt"}
    snv = search(seed_ds, "tuyen truyen", Filters(agency="SNV"))
    assert snv and all("Sở Nội vụ" in f"{h.leads}; {h.supports}" for h in snv)
    leads = search(seed_ds, "tuyen truyen", Filters(agency="Sở Nội vụ", role="lead"))
    assert leads and all("Sở Nội vụ" in (h.leads or "").split("; ") for h in leads)
    assert len(leads) < len(snv)
    communes = search(seed_ds, "dan chu", Filters(level="commune"))
    assert communes and {h.file for h in communes} == {"001_eb4faafb2f2e4644.txt"}
    assert not search(seed_ds, "dan chu", Filters(year=1999))
    assert all(h.kind == "task" for h in snv)  # an agency filter asks for tasks


@pytest.mark.parametrize("words,filters,code", [("  ", Filters(), "search_empty"), ("dan chu", Filters(role="chair"), "search_role"), ("dan chu", Filters(agency="Sở Ngoại giao"), "lookup_none_near")])
def test_what_cannot_be_searched_says_why(seed_ds, words, filters, code):
    with pytest.raises(QueryError) as caught:
        search(seed_ds, words, filters)
    assert caught.value.code == code


def test_the_command_line(seed_store):
    done = dcskg("search", "dan chu co so", "--place", "Cần Thơ", "-f", "csv", "--store", str(seed_store))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    assert rows and {r["tệp"] for r in rows} == {"003_fcf3e25466826abb.txt"}
    assert {r["loại"] for r in rows} <= {"nhiệm vụ", "trích yếu"}


def _scanned(store):
    """The store searched without its index: the task table read from the graph."""
    from dcskg.store import open_dataset

    plain = open_dataset(store)
    plain.text_index = None
    return plain


def _shown(hits):
    # a task's leads as a set: the graph's answer joins them in no fixed order
    return [(h.kind, h.document, h.file, h.path, h.text, frozenset((h.leads or "").split("; ")), frozenset((h.supports or "").split("; ")), h.line) for h in hits]


@pytest.mark.parametrize(
    "words,filters",
    [
        ("dan chu, tuyen truyen", Filters()),
        ("dân chủ", Filters()),
        ("ke hoach", Filters()),  # document titles too
        ("59/2023", Filters()),  # a symbol: its parts as words, in order
        ("kiem tra", Filters(place="Vĩnh Long")),
        ("kiem tra", Filters(level="commune")),
        ("kiem tra", Filters(year=2025)),
        ("bao cao", Filters(genre="Kế hoạch", agency="Sở Nội vụ", role="lead")),
        ("truyen", Filters()),
        ("ruyen", Filters()),
    ],
)
def test_the_index_finds_what_reading_the_graph_finds(seed_store, words, filters):
    from dcskg.store import open_dataset

    indexed = open_dataset(seed_store)
    assert indexed.text_index is not None and indexed.text_index.exists()
    assert _shown(search(indexed, words, filters)) == _shown(search(_scanned(seed_store), words, filters))


def test_the_index_follows_the_store(tmp_path, two_plans):
    from dcskg.store import build, open_dataset, remove

    plans = two_plans
    store = tmp_path / "graph"
    build([plans], store)
    assert {h.file for h in search(open_dataset(store), "dan chu")} == {"000_70211efbcc79a593.txt", "003_fcf3e25466826abb.txt"}
    # a changed plan: its new words are found, its old ones no longer
    path = plans / "003_fcf3e25466826abb.txt"
    assert search(open_dataset(store), "cam nang")
    path.write_text(path.read_text(encoding="utf-8").replace("cẩm nang", "sổ tay hỏi đáp"), encoding="utf-8")
    build([plans], store)
    assert not search(open_dataset(store), "cam nang")
    assert {h.file for h in search(open_dataset(store), "so tay hoi dap")} == {"003_fcf3e25466826abb.txt"}
    # a removed plan: nothing of it is found
    assert remove("003_fcf3e25466826abb", store)
    found = search(open_dataset(store), "dan chu")
    assert found and {h.file for h in found} == {"000_70211efbcc79a593.txt"}
    assert _shown(found) == _shown(search(_scanned(store), "dan chu"))


@pytest.mark.parametrize("words,filters", [("dan chu", Filters()), ("kiem tra", Filters(place="Vĩnh Long")), ("thuc hien", Filters(agency="Sở Nội vụ"))])
def test_a_page_of_hits_is_that_part_of_every_hit(seed_store, words, filters):
    """From the index (read in order and left once the page is full) and from the graph alike."""
    from dcskg.store import open_dataset
    from queries.search import search_page

    for ds in (open_dataset(seed_store), _scanned(seed_store)):
        every = search(ds, words, filters)
        assert len(every) > 3
        for limit, offset in ((1, 0), (3, 0), (3, 2), (len(every), 0), (5, len(every) - 2), (2, len(every) + 4)):
            page = search_page(ds, words, filters, limit, offset)
            assert _shown(page.hits) == _shown(every[offset : offset + limit]), (limit, offset)
            assert page.more == (offset + limit < len(every))


def test_an_index_from_before_the_order_was_kept_is_read_in_order_and_then_given_it(tmp_path, two_plans):
    import sqlite3

    from dcskg.store import build, open_dataset
    from queries import backend, text_index

    store = tmp_path / "graph"
    build([two_plans], store)
    ds = open_dataset(store)
    expected = _shown(search(ds, "dan chu"))
    path = backend.text_index(ds)
    with closing(sqlite3.connect(path)) as db:  # as an index of the last stop wrote it
        db.executescript("DROP INDEX said_row_order; DROP INDEX read_document_file; ALTER TABLE said_row DROP COLUMN sort_key;")
        db.commit()
    assert _shown(search(open_dataset(store), "dan chu")) == expected  # opened read-only: sorted here
    with closing(sqlite3.connect(path)) as db:
        text_index.create(db)  # the next build's write: every row given its place in the order
        db.commit()
        assert db.execute("SELECT count(*) FROM said_row WHERE sort_key IS NULL").fetchone() == (0,)
    assert _shown(search(open_dataset(store), "dan chu")) == expected


def test_search_pages_from_the_command_line(seed_store):
    every = dcskg("search", "dan chu", "--count", "--store", str(seed_store))
    n = int(every.stdout.split()[0])
    assert n > 3
    first = dcskg("search", "dan chu", "--limit", "2", "-f", "csv", "--store", str(seed_store))
    assert first.returncode == 0, first.stderr
    assert len(list(csv.DictReader(io.StringIO(first.stdout.lstrip("\ufeff"))))) == 2
    titled = dcskg("search", "dan chu", "--limit", "2", "--store", str(seed_store))
    assert "kết quả 1–2; còn nữa" in titled.stdout
    last = dcskg("search", "dan chu", "--limit", "5", "--offset", str(n - 1), "--store", str(seed_store))
    assert f"kết quả {n}–{n}" in last.stdout and "còn nữa" not in last.stdout
