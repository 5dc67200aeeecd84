"""Writing a store safely: one writer at a time, each write on a new generation that becomes
the current one only when every step succeeded.

`build` and `remove` work on a new generation (a cheap hard-link backup of the current one)
and switch `current` to it in one rename, so a crash or a bad file never leaves a half-written
graph; leftovers of a killed writer are removed by the next one. Nothing in the folder that
dcs-kg did not write is ever moved or deleted. Readers open the current generation read-only,
so queries run while a build is writing.
"""
from __future__ import annotations

import fcntl
import gc
import os
import re
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from ingest.errors import StoreError

from .folder import CURRENT, DB_DIR, GENERATION, LOCK, MANIFEST, TALLY_FILE, claim, db_path, generation_name
from .i18n import t
from .manifest import read_manifest, read_totals, reference_fingerprint, rules_fingerprint, write_manifest
from .tally import Tally


class _Lock:
    """One writer per store: an exclusive flock on STORE/.lock, released by the kernel when
    the process ends however it ends."""

    def __init__(self, store_dir: Path, wait: bool, notice: Callable[[str], None] | None):
        self.path = store_dir / LOCK
        self.wait = wait
        self.notice = notice

    def __enter__(self) -> _Lock:
        self.fh = open(self.path, "a+")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.fh.seek(0)
            holder = self.fh.read().strip() or "?"
            if not self.wait:
                self.fh.close()
                raise StoreError(
                    f"another dcs-kg process (pid {holder}) is writing to this store; run again when it "
                    "ends, or pass --wait to wait for it — nothing was changed",
                    str(self.path.parent),
                ) from None
            if self.notice:
                self.notice(t("waiting_for_writer", pid=holder, path=self.path.parent))
            fcntl.flock(self.fh, fcntl.LOCK_EX)
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(str(os.getpid()))
        self.fh.flush()
        return self

    def __exit__(self, *exc) -> None:
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()


def current_generation(store_dir: Path) -> Path | None:
    link = store_dir / CURRENT
    if link.is_symlink() or link.exists():
        return store_dir / os.readlink(link) if link.is_symlink() else link
    return None


def _sweep(store_dir: Path) -> None:
    """Under the lock: what killed writers left — generations nobody reads any more, half-made
    links and exports, working copies of the previous store format beside the folder."""
    current = current_generation(store_dir)
    keep = set()
    if current is not None:
        keep.add(current.name)
        prev = current / "previous"
        if prev.exists():
            keep.add(prev.read_text(encoding="utf-8").strip())
    for p in store_dir.iterdir():
        if GENERATION.fullmatch(p.name) and p.name not in keep:
            shutil.rmtree(p, ignore_errors=True)
        elif re.fullmatch(r"\.current-[0-9a-f]{12}|\.graph\.(?:trig|ttl)\.[0-9a-f]{12}\.tmp", p.name):
            p.unlink(missing_ok=True)
    pattern = re.compile(rf"^\.{re.escape(store_dir.name)}\.(?:building|removing|old)-[0-9a-f]{{12}}$")
    for p in store_dir.parent.iterdir():
        if pattern.match(p.name) and p.is_dir():
            shutil.rmtree(p, ignore_errors=True)


class WorkingCopy:
    """A new generation of the store that becomes the current one only if the block succeeds.

    Oxigraph's backup is cheap (hard links), so every write works on a copy: a crash or a
    refused build leaves the previous graph as it was. SIGTERM ends the block like an error,
    so the copy is removed; after kill -9 the next writer removes it.
    """

    def __init__(
        self, store_dir: Path, wait: bool = False, notice: Callable[[str], None] | None = None, replaced: Callable[[dict], bool] | None = None,
    ):
        """`replaced`: given the manifest as today's rules read it, whether this write replaces
        every plan in the store — the new generation then starts empty instead of as a copy."""
        self.store_dir = Path(store_dir)
        self.replaced = replaced
        self.wait = wait
        self.notice = notice
        # what follows the switch, given the store folder (the build's exports beside it)
        self.after_switch: Callable[[Path], object] | None = None
        # compact the database before it becomes current: set by a write that loaded much
        self.optimize = False

    def __enter__(self) -> WorkingCopy:
        claim(self.store_dir)
        self.lock = _Lock(self.store_dir, self.wait, self.notice).__enter__()
        try:
            self._sigterm = _raise_on_sigterm()
            _sweep(self.store_dir)
            self.rules = rules_fingerprint()
            self.manifest = read_manifest(self.store_dir, self.rules)
            source = db_path(self.store_dir)
            self.existed = source.exists()
            if self.existed and self.replaced is not None and self.replaced(self.manifest):
                # every plan is read again (the rules changed) and none would be left: removing
                # 10,000 old plan graphs one by one took 174 s of a 787 s rebuild
                self.existed, self.manifest = False, {}
            totals = read_totals(self.store_dir) if self.existed else {"quads": 0}
            self.reference = reference_fingerprint(self.rules)
            # the reference graphs as the store holds them are today's: a build need not re-add them
            self.reference_kept = self.existed and totals.get("reference") == self.reference
            # the quad count, kept up to date by whoever changes the copy (None: count it)
            self.quads: int | None = totals.get("quads")
            self.work = self.store_dir / generation_name()
            self.work.mkdir()
            if self.existed:
                ox.Store.read_only(str(source)).backup(str(self.work / DB_DIR))
            self.inner = ox.Store(str(self.work / DB_DIR))
            # the statistics' running totals, kept with the generation; without them (a store
            # built before them, or with other rules) every plan is read again
            kept = source.parent / TALLY_FILE
            if self.existed and kept.exists():
                shutil.copyfile(kept, self.work / TALLY_FILE)
            self.tally = Tally(self.work / TALLY_FILE, self.rules)
        except BaseException:
            self._release()
            raise
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                if self.optimize:
                    compact(self.inner)
                self.inner.flush()
                # RocksDB releases its lock only when the store object is gone
                del self.inner
                gc.collect()
                self.tally.close()
                totals = {"reference": self.reference, **({} if self.quads is None else {"quads": self.quads})}
                write_manifest(self.work, self.manifest, self.rules, totals)
                previous = current_generation(self.store_dir)
                if previous is not None:
                    (self.work / "previous").write_text(previous.name, encoding="utf-8")
                _switch(self.store_dir, self.work)
                if self.after_switch is not None:
                    self.after_switch(self.store_dir)
                _sweep(self.store_dir)
        finally:
            if exc_type is not None:
                self.tally.close(keep=False)
            if exc_type is not None and self.work.exists():
                shutil.rmtree(self.work, ignore_errors=True)
            self._release()

    def refresh_stats(self) -> None:
        """The statistics graph brought to the plans now in the store."""
        for key in self.tally.keys() - self.manifest.keys():
            self.tally.replace(key, None)  # a plan removed
        self.count_change(self.tally.apply(self.inner))

    def count_change(self, quads: int | None) -> None:
        """`quads` more (fewer, if negative) in the copy; None: not known, count at the end."""
        self.quads = None if self.quads is None or quads is None else self.quads + quads

    def count(self) -> int:
        if self.quads is None:
            self.quads = len(self.inner)
        return self.quads

    def drop_graph(self, graph: ox.NamedNode) -> None:
        """Remove a plan's graph from the copy, its quads taken off the count (when kept)."""
        if self.quads is not None:
            self.count_change(-sum(1 for _ in self.inner.quads_for_pattern(None, None, None, graph)))
        self.inner.remove_graph(graph)

    def _release(self) -> None:
        _restore_sigterm(getattr(self, "_sigterm", None))
        self.lock.__exit__(None, None, None)


def compact(inner: ox.Store) -> None:
    """A bulk load leaves RocksDB's files overlapping one another: at 10,000 plans a listing read
    3-4 times slower than after compaction (29 s, once per bulk load)."""
    inner.optimize()


def _switch(store_dir: Path, generation: Path) -> None:
    """Point `current` at the new generation in one rename; adopt a format-1 store's files."""
    link = store_dir / f".current-{uuid.uuid4().hex[:12]}"
    os.symlink(generation.name, link)
    os.replace(link, store_dir / CURRENT)
    legacy = store_dir / DB_DIR
    if legacy.is_dir() and not legacy.is_symlink():
        shutil.rmtree(legacy, ignore_errors=True)
        (store_dir / MANIFEST).unlink(missing_ok=True)


def _raise_on_sigterm():
    """SIGTERM ends a write like Ctrl-C, so its working copy is cleaned up."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum, frame):
        raise KeyboardInterrupt("terminated")

    return signal.signal(signal.SIGTERM, handler)


def _restore_sigterm(previous) -> None:
    import signal
    import threading

    if previous is not None and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, previous)
