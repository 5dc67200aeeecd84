"""The pool of long-lived query processes: one process answers many queries; a query over its
time, a process that dies or one that says it is spent is replaced; a full pool is refused;
a store rebuilt while the server runs is read at its new generation."""
from __future__ import annotations

import json
import os
import shutil
import threading
import time
import urllib.request
from urllib.parse import quote

import pytest
from browser import serving
from gold import PLANS

from dcskg.workers import Busy, Died, QueryPool, TimedOut


def _pid_or_misbehave(open_store, query, accept, explicit, known, max_rows, memory_mb):
    """A stand-in for the SPARQL answer: says which process answered, or misbehaves."""
    if query == "slow":
        time.sleep(30)
    if query == "die":
        os._exit(3)
    return 200, "text/plain", str(os.getpid()).encode(), False, None, query == "spent"


@pytest.fixture()
def pool():
    p = QueryPool(1, 0, _pid_or_misbehave)
    yield p
    p.close()


def _ask(pool: QueryPool, query: str, timeout: float = 5.0, wait: float = 5.0) -> int:
    return int(pool.ask("db", query, "", None, None, 100, timeout, wait)[2])


def test_one_process_answers_query_after_query(pool):
    first = _ask(pool, "a")
    assert first != os.getpid()
    assert _ask(pool, "b") == first == _ask(pool, "c")


def test_a_query_past_its_time_is_killed_and_its_process_replaced(pool):
    before = _ask(pool, "a")
    started = time.monotonic()
    with pytest.raises(TimedOut):
        _ask(pool, "slow", timeout=0.5)
    assert time.monotonic() - started < 5
    after = _ask(pool, "a")
    assert after != before
    with pytest.raises(ProcessLookupError):
        os.kill(before, 0)


@pytest.mark.parametrize("query,error", [("die", Died), ("spent", None)])
def test_a_process_that_dies_or_is_spent_is_replaced(pool, query, error):
    before = _ask(pool, "a")
    if error:
        with pytest.raises(error):
            _ask(pool, query)
    else:
        assert _ask(pool, query) == before  # it answers, then retires
    assert _ask(pool, "a") != before


def test_a_full_pool_refuses_after_the_wait(pool):
    holder = threading.Thread(target=lambda: pytest.raises(TimedOut, _ask, pool, "slow", 2.0))
    holder.start()
    time.sleep(0.3)
    started = time.monotonic()
    with pytest.raises(Busy):
        _ask(pool, "a", wait=0.3)
    assert time.monotonic() - started < 2
    holder.join()
    assert _ask(pool, "a")  # free again once the slow one is stopped


def _plans(base: str) -> set[str]:
    q = "PREFIX dcs: <https://w3id.org/dcs-kg/ontology#> SELECT ?p WHERE { ?p a dcs:Plan }"
    req = urllib.request.Request(f"{base}/sparql?query={quote(q)}", headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return {b["p"]["value"] for b in json.load(resp)["results"]["bindings"]}


def test_a_store_rebuilt_while_serving_is_read_at_its_new_generation(tmp_path):
    from dcskg.store import build

    plans = tmp_path / "plans"
    plans.mkdir()
    seeds = sorted(PLANS.glob("*.txt"))
    shutil.copy(seeds[0], plans)
    store = tmp_path / "graph"
    assert not build([plans], store).failed
    with serving(store, "--workers", "1") as base:
        assert len(_plans(base)) == 1  # the one process has the store open now
        shutil.copy(seeds[1], plans)
        assert not build([plans], store).failed
        assert len(_plans(base)) == 2


def _children(pid: int) -> set[int]:
    """Every thread's children: the pool is started by whichever thread serves the first
    query, and /proc lists a child under the thread that forked it."""
    out: set[int] = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as fh:
                out |= {int(c) for c in fh.read().split()}
        except FileNotFoundError:
            pass  # a thread that has ended
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(") ")[-1][:1] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


def _unanswered(url: str) -> None:
    """Ask, for a server about to be stopped: the connection ends without an answer."""
    try:
        urllib.request.urlopen(url, timeout=30).read()
    except OSError:
        pass


@pytest.mark.parametrize("how,busy", [("terminate", False), ("kill", False), ("kill", True)])
def test_query_processes_end_with_their_server(seed_store, how, busy):
    """A server stopped by SIGTERM or SIGKILL leaves no query process behind, idle or in the
    middle of a query (a fork holds pipe ends, so a process would not see its pipe close)."""
    import subprocess
    import sys

    from browser import free_port, wait_for_port

    port = free_port()
    args = ["serve", "--store", str(seed_store), "--port", str(port), "--timeout", "60"]
    proc = subprocess.Popen([sys.executable, "-c", "from dcskg.cli import main; main()", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, proc)
        assert _plans(f"http://127.0.0.1:{port}")  # the pool starts with the first query
        deadline = time.monotonic() + 5
        while len(workers := _children(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(workers) == 2
        if busy:
            slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
            threading.Thread(target=_unanswered, args=(f"http://127.0.0.1:{port}/sparql?query={quote(slow)}",), daemon=True).start()
            time.sleep(1.0)
    finally:
        getattr(proc, how)()
        proc.wait(timeout=10)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)


def test_the_database_a_request_names_is_the_current_generation(tmp_path):
    """Read from the `current` link with one system call, the path is the one resolving the
    whole store path gives, before and after a rebuild moves the link."""
    from dcskg.serve import Settings
    from dcskg.store import build, db_path

    plans = tmp_path / "plans"
    plans.mkdir()
    seeds = sorted(PLANS.glob("*.txt"))
    shutil.copy(seeds[0], plans)
    store = tmp_path / "graph"
    build([plans], store)
    first = Settings(str(store)).db
    assert first == str(db_path(store).resolve())
    shutil.copy(seeds[1], plans)
    build([plans], store)
    assert Settings(str(store)).db == str(db_path(store).resolve()) != first
