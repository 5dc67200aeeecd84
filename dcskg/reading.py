"""Reading files for a build: one file at a time in a worker, each bounded in time and memory,
each failure one line naming its file; many files fan out over a process pool.
"""
from __future__ import annotations

import itertools
import os
from pathlib import Path

from ingest.errors import DcsKgError, shown_path
from ingest.pipeline import extract
from ingest.to_rdf import plan_graph_iri, plan_graphs

from .contribution import contribution
from .nquads import _nquads

PARALLEL_FROM = 40  # files; below this a process pool costs more than it saves
FILE_SECONDS = float(os.environ.get("DCSKG_FILE_SECONDS", "120"))  # one file's extraction at most
WORKER_MEMORY_MB = int(os.environ.get("DCSKG_WORKER_MEMORY_MB", "4096"))  # address space of a worker


class _FileTimeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise _FileTimeout()


def read_one(path: Path, graph: bool = True):
    """Worker: one file -> (extraction, own triples, common triples), or a one-line error.

    Whatever happens inside, the answer names the file: a bug or a hostile file fails that
    file, never the build.
    """
    import signal
    import threading

    timed = threading.current_thread() is threading.main_thread() and FILE_SECONDS > 0
    if timed:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, FILE_SECONDS)
    try:
        ex = extract(path)
        if not graph:
            return path, (ex, None, None), None
        own, common = plan_graphs(ex)
        counted = contribution(itertools.chain(own, common))
        quads = _nquads(own, plan_graph_iri(ex.plan_key))
    except DcsKgError as exc:
        return path, None, str(exc)
    except _FileTimeout:
        return path, None, f"{shown_path(str(path))}: took longer than {FILE_SECONDS:g} s to read and was skipped (DCSKG_FILE_SECONDS sets the limit)"
    except MemoryError:
        return path, None, f"{shown_path(str(path))}: needed more than the memory allowed for one file and was skipped"
    except RecursionError:
        return path, None, f"{shown_path(str(path))}: nested too deeply to read"
    except Exception as exc:  # noqa: BLE001 — a bug: still one line, naming the file
        return path, None, f"{shown_path(str(path))}: internal error while reading ({exc.__class__.__name__}: {str(exc)[:200]})"
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    ex.lines = []  # only provenance needed them, and it is in the triples now
    return path, (ex, quads, common, counted), None


def _worker_init() -> None:
    """A worker dies with its parent (even on kill -9) and has a bounded address space."""
    import resource

    try:
        import ctypes
        import signal

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the pool's own shutdown still ends the workers
    if WORKER_MEMORY_MB > 0:
        limit = WORKER_MEMORY_MB * 1024 * 1024
        try:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ValueError, OSError):
            pass


def _read_all(files: list[Path], workers: int):
    """Extraction and triple building fan out over processes; loading stays in this one."""
    if workers <= 1 or len(files) < PARALLEL_FROM:
        yield from map(read_one, files)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init) as pool:
        yield from pool.map(read_one, files, chunksize=8)
