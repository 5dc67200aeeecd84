"""The store never loses what is in it: foreign folders and files, two writers, kills, crashes,
two files that would be one plan, byte-identical rebuilds. Subprocess tests with bounded time."""
from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from clirun import dcskg
from gold import PLANS

ONE = PLANS / "004_9fd1b90b08d6ae98.txt"
OTHER = PLANS / "000_70211efbcc79a593.txt"


def _keys(store: Path) -> set[str]:
    from dcskg.store import manifest

    return set(manifest(store))


def test_a_folder_that_is_not_a_store_is_refused_and_left_as_it_was(tmp_path):
    folder = tmp_path / "my-folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "important.txt").write_text("a", encoding="utf-8")
    run = dcskg("build", str(ONE), "--store", str(folder))
    assert run.returncode == 1
    assert "not a dcs-kg store" in run.stderr and "nothing was changed" in run.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["important.txt", "sub"]
    assert (folder / "important.txt").read_text(encoding="utf-8") == "a"


def test_a_file_given_as_store_is_refused_not_renamed(tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("mine", encoding="utf-8")
    run = dcskg("build", str(ONE), "--store", str(target))
    assert run.returncode == 1 and "is a file" in run.stderr
    assert target.read_text(encoding="utf-8") == "mine"


def test_files_a_user_leaves_in_a_store_survive_rebuilds(tmp_path):
    from dcskg.store import build

    store = tmp_path / "graph"
    build([ONE], store)
    (store / "notes.txt").write_text("keep me", encoding="utf-8")
    (store / "analysis").mkdir()
    build([OTHER], store)
    build([ONE, OTHER], store)
    assert (store / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert (store / "analysis").is_dir()
    assert _keys(store) == {ONE.stem, OTHER.stem}


def test_a_format_1_store_is_adopted(tmp_path):
    """A store of the previous layout (oxigraph/ and manifest.json, no marker) keeps its plans."""
    import pyoxigraph as ox

    from dcskg.store import build, db_path, manifest

    new = tmp_path / "new"
    build([ONE], new)
    old = tmp_path / "old"
    old.mkdir()
    ox.Store.read_only(str(db_path(new))).backup(str(old / "oxigraph"))
    shutil.copy(db_path(new).parent / "manifest.json", old / "manifest.json")
    build([OTHER], old)
    assert set(manifest(old)) == {ONE.stem, OTHER.stem}
    assert not (old / "oxigraph").is_dir() or (old / "oxigraph").is_symlink()


def test_a_second_writer_fails_fast_while_the_store_is_locked_then_waits_with_wait(tmp_path):
    from dcskg.store import build

    store = tmp_path / "graph"
    build([ONE], store)
    with open(store / ".lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        started = time.time()
        run = dcskg("build", str(OTHER), "--store", str(store))
        assert run.returncode == 1 and "--wait" in run.stderr and time.time() - started < 60
        waiting = subprocess.Popen(
            [sys.executable, "-c", "from dcskg.cli import main; main()", "build", str(OTHER), "--store", str(store), "--wait"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        time.sleep(1.5)
        assert waiting.poll() is None  # still waiting for the lock
        fcntl.flock(held, fcntl.LOCK_UN)
    _, stderr = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, stderr
    assert _keys(store) == {ONE.stem, OTHER.stem}


def test_two_builds_at_once_lose_nothing(tmp_path):
    store = tmp_path / "graph"
    args = [sys.executable, "-c", "from dcskg.cli import main; main()", "build", "--store", str(store), "--wait", "--no-validate"]
    a = subprocess.Popen([*args, str(ONE)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    b = subprocess.Popen([*args, str(OTHER)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for p in (a, b):
        _, stderr = p.communicate(timeout=180)
        assert p.returncode == 0, stderr
    assert _keys(store) == {ONE.stem, OTHER.stem}


def test_a_store_made_between_the_look_for_its_marker_and_the_listing_is_taken_as_one(tmp_path, monkeypatch):
    """The race the test above can lose: a build that started a moment earlier makes the folder
    a store (marker and lock) after this one looked for the marker and before it listed the folder."""
    from dcskg import folder

    store = tmp_path / "graph"
    store.mkdir()
    (store / folder.LOCK).write_text("123")
    marker = store / folder.MARKER
    real_exists = Path.exists
    looked: list[Path] = []

    def exists_then_written(self: Path, *args, **kwargs) -> bool:
        if self == marker and not looked:
            looked.append(self)
            folder.write_atomic(marker, b'{"format": 2, "software": "dcs-kg"}')
            return False  # the first look came just before the other build wrote it
        return real_exists(self, *args, **kwargs)

    monkeypatch.setattr(Path, "exists", exists_then_written)
    folder.claim(store)  # no StoreError: the folder became a store, not a stranger's
    assert looked and sorted(p.name for p in store.iterdir()) == sorted([folder.LOCK, folder.MARKER])


def _generations(store: Path) -> list[str]:
    return sorted(p.name for p in store.iterdir() if p.name.startswith("gen-"))


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_build_keeps_the_graph_and_its_leftovers_go(tmp_path, sig):
    from gold import REAL

    from dcskg.store import build, open_dataset

    store = tmp_path / "graph"
    build([ONE], store)
    before = _keys(store)
    kept = _generations(store)
    triples = len(open_dataset(store))
    # the 22 real plans take long enough to read that the kill lands inside the build
    proc = subprocess.Popen(
        [sys.executable, "-c", "from dcskg.cli import main; main()", "build", str(REAL), "--store", str(store), "--no-validate"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.time() + 60
    while time.time() < deadline and len(_generations(store)) == len(kept) and proc.poll() is None:
        time.sleep(0.05)
    time.sleep(0.5)  # well into reading the plans
    assert proc.poll() is None, "the build ended before it could be killed: the test checked nothing"
    assert len(_generations(store)) == len(kept) + 1  # its working copy exists
    os.kill(proc.pid, sig)
    proc.wait(timeout=60)
    assert proc.returncode != 0
    # the previous graph is the current one, whole
    assert _keys(store) == before and len(open_dataset(store)) == triples
    if sig == signal.SIGTERM:
        assert _generations(store) == kept  # a terminated build removes its working copy at once
    else:
        assert len(_generations(store)) == len(kept) + 1  # kill -9 leaves it …
    build([OTHER], store)
    # … and the next writer removes it: the current generation and at most its predecessor
    current = os.readlink(store / "current")
    assert current in _generations(store) and len(_generations(store)) <= 2
    assert not set(_generations(store)) - set(kept) - {current}
    assert not any(p.name.startswith(".current-") or p.name.endswith(".tmp") for p in store.iterdir())
    assert _keys(store) == before | {OTHER.stem}


def test_workers_die_with_a_killed_build(tmp_path):
    """With enough files the build fans out over worker processes; kill -9 of the parent
    must not leave them running."""
    plans = tmp_path / "plans"
    plans.mkdir()
    for i in range(45):
        shutil.copy(ONE, plans / f"p{i:02d}.txt")
    store = tmp_path / "graph"
    proc = subprocess.Popen(
        [sys.executable, "-c", "from dcskg.cli import main; main()", "build", str(plans), "--store", str(store), "--no-validate"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    children: set[int] = set()
    deadline = time.time() + 60
    while time.time() < deadline and not children and proc.poll() is None:
        children = {int(p) for p in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()} if Path(f"/proc/{proc.pid}").exists() else set()
        time.sleep(0.05)
    assert children, "the build finished before it forked workers"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.time() + 10
    while time.time() < deadline and any(Path(f"/proc/{c}").exists() and "Z" not in _state(c) for c in children):
        time.sleep(0.1)
    assert not [c for c in children if Path(f"/proc/{c}").exists() and "Z" not in _state(c)]


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return "Z"


def test_two_files_that_name_one_plan_are_refused_naming_both(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(ONE, plans / "kế hoạch A.txt")
    shutil.copy(OTHER, plans / "ke_hoach_a.txt")
    store = tmp_path / "graph"
    run = dcskg("build", str(plans), "--store", str(store), "--no-validate")
    assert run.returncode == 1
    assert "kế hoạch A.txt" in run.stderr and "ke_hoach_a.txt" in run.stderr
    assert len(_keys(store)) == 1


def test_the_same_input_gives_byte_identical_exports(tmp_path):
    from dcskg.store import build

    a, b = tmp_path / "a", tmp_path / "b"
    build([PLANS], a)
    build([PLANS], b)
    for name in ("graph.trig", "graph.ttl"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_a_foreign_oxigraph_database_is_not_adopted(tmp_path):
    """Someone else's database with their graph.ttl, no marker and no manifest of ours: refused,
    nothing merged, nothing overwritten."""
    import pyoxigraph as ox

    folder = tmp_path / "theirs"
    folder.mkdir()
    db = ox.Store(str(folder / "oxigraph"))
    db.add(ox.Quad(ox.NamedNode("urn:their:s"), ox.NamedNode("urn:their:p"), ox.Literal("theirs")))
    db.flush()
    del db
    (folder / "graph.ttl").write_text("<urn:their:s> <urn:their:p> \"theirs\" .\n", encoding="utf-8")
    before = sorted(p.name for p in (folder / "oxigraph").iterdir())
    run = dcskg("build", str(ONE), "--store", str(folder))
    assert run.returncode == 1 and "not a dcs-kg store" in run.stderr
    assert (folder / "graph.ttl").read_text(encoding="utf-8") == "<urn:their:s> <urn:their:p> \"theirs\" .\n"
    assert sorted(p.name for p in (folder / "oxigraph").iterdir()) == before
    assert not (folder / ".dcskg-store").exists()


def test_an_empty_oxigraph_folder_is_not_taken_for_a_store(tmp_path):
    folder = tmp_path / "odd"
    (folder / "oxigraph").mkdir(parents=True)
    run = dcskg("build", str(ONE), "--store", str(folder))
    assert run.returncode == 1 and "not a dcs-kg store" in run.stderr
    assert not (folder / ".dcskg-store").exists()
    # and a later build into a new folder works as usual
    assert dcskg("build", str(ONE), "--store", str(tmp_path / "fresh"), "--no-validate").returncode == 0
