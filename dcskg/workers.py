"""Long-lived query processes for `dcskg serve`: the pool, and the loop each process runs.

A process per query paid for a fork, the imports and the opening of the store on every request
(about a tenth of a second, twenty times what a one-plan look-up takes). Here a few processes
stay up, each with its own address-space limit (RLIMIT_AS, set once when it starts) and the
store open read-only; a request takes an idle one or waits `queue_wait` seconds for one.
What stays as strict as before:
- a query past its time limit is stopped by killing its process, and a new one takes its place;
- a process that dies (out of memory in the engine) or reports a memory error is replaced, so
  a query never inherits a half-broken process;
- a store rebuilt in the meantime is seen: each request names the current generation's
  database and a process reopens when it changes;
- a process outlives no server: it holds no pipe end but its own, so a dead server's pipe reads
  as closed, and it ends within a second of its server's end even in the middle of a query.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

# what a process answers: (status, content type, body, truncated, parsed form or None, retire)
Reply = tuple[int, str, Any, bool, Any, bool]
Answer = Callable[[Any, str, str, str | None, str | None, int, int], Reply]


class Busy(Exception):
    """Every process stayed busy for the whole wait."""


class TimedOut(Exception):
    """The query ran past its time limit; its process was killed and replaced."""


class Died(Exception):
    """The process ended without an answer (the engine aborted, most often out of memory)."""


def limit_memory(mb: int) -> None:
    """Cap this process's address space at what it uses now plus `mb` MiB."""
    import resource

    if mb <= 0:
        return
    with open("/proc/self/status", encoding="ascii") as fh:
        base = next((int(line.split()[1]) * 1024 for line in fh if line.startswith("VmSize:")), 0)
    limit = base + mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _loop(conn, inherited: list, memory_mb: int, answer: Answer) -> None:
    """A query process: open the store the request names (again when a rebuild moved it),
    answer, repeat until the server closes the pipe or an answer says to retire."""
    # the fork copied the server's ends of this process's pipe and of every sibling's: held
    # here, they would keep each pipe open after the server's end (no EOF, a send that blocks)
    for end in inherited:
        end.close()
    # a server killed outright may leave this process in the middle of a query: its going is
    # seen by the parent changing, whatever the process is doing
    threading.Thread(target=_orphaned, args=(os.getppid(),), daemon=True).start()
    # an allocation failure aborts the engine with a long native backtrace: the server logs
    # one line for it instead
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    limit_memory(memory_mb)
    opened: dict[str, Any] = {}
    while True:
        try:
            db, query, accept, explicit, known, max_rows = conn.recv()
        except (EOFError, OSError):
            return
        reply = answer(partial(_store, opened, db), query, accept, explicit, known, max_rows, memory_mb)
        try:
            conn.send(reply)
        except OSError:
            return
        if reply[5]:
            return


def _orphaned(server: int) -> None:
    while os.getppid() == server:
        time.sleep(1.0)
    os._exit(0)


def _store(opened: dict[str, Any], db: str):
    """The read-only store of `db`, opened once per generation."""
    if db not in opened:
        import pyoxigraph as ox

        opened.clear()  # an older generation is not asked again
        opened[db] = ox.Store.read_only(db)
    return opened[db]


@dataclass
class _Process:
    proc: Any
    conn: Any


class QueryPool:
    """`size` query processes, each answering one query at a time."""

    def __init__(self, size: int, memory_mb: int, answer: Answer):
        self.size = max(1, size)
        self.memory_mb = memory_mb
        self._answer = answer
        self._idle: queue.Queue[_Process] = queue.Queue()
        self._spawn_lock = threading.Lock()
        self._ends: set = set()  # the server's ends of the live processes' pipes
        for _ in range(self.size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Process:
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        with self._spawn_lock:
            parent, child = ctx.Pipe(duplex=True)
            inherited = [parent, *self._ends]
            proc = ctx.Process(target=_loop, args=(child, inherited, self.memory_mb, self._answer), daemon=True)
            proc.start()
            child.close()
            self._ends.add(parent)
        return _Process(proc, parent)

    def ask(self, db: str, query: str, accept: str, explicit: str | None, known: str | None, max_rows: int, timeout: float, wait: float) -> Reply:
        try:
            worker = self._idle.get(timeout=wait)
        except queue.Empty:
            raise Busy from None
        keep = False
        try:
            worker.conn.send((db, query, accept, explicit, known, max_rows))
            if not worker.conn.poll(timeout):
                raise TimedOut
            try:
                reply: Reply = worker.conn.recv()
            except (EOFError, OSError):
                raise Died(worker.proc.exitcode) from None
            keep = not reply[5]
            return reply
        finally:
            if keep and worker.proc.is_alive():
                self._idle.put(worker)
            else:
                self._replace(worker)

    def _replace(self, worker: _Process) -> None:
        worker.proc.kill()
        worker.proc.join(timeout=5)
        with self._spawn_lock:
            self._ends.discard(worker.conn)
            worker.conn.close()
        self._idle.put(self._spawn())

    def close(self) -> None:
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            with self._spawn_lock:
                self._ends.discard(worker.conn)
                worker.conn.close()
            worker.proc.kill()
            worker.proc.join(timeout=5)
