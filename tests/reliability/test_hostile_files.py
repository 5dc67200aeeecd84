"""Hostile or odd files fail alone, in one line naming the file; the good files beside them
are still read; `extract` and `build` take the same arguments."""
from __future__ import annotations

import io
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from clirun import dcskg
from gold import PLANS

GOOD = PLANS / "004_9fd1b90b08d6ae98.txt"


def _docx_bomb(path: Path, inflated_mib: int = 40) -> Path:
    """A small .docx whose document.xml inflates to tens of MiB."""
    body = b"<w:p><w:r><w:t>" + b"A" * (inflated_mib * 2**20) + b"</w:t></w:r></w:p>"
    xml = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body + b"</w:body></w:document>"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", xml)
    path.write_bytes(buf.getvalue())
    return path


def test_a_docx_bomb_is_refused_and_the_good_file_beside_it_is_built(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    bomb = _docx_bomb(folder / "bomb.docx")
    assert bomb.stat().st_size < 2**20
    shutil.copy(GOOD, folder)
    started = time.time()
    run = dcskg("build", str(folder), "--store", str(tmp_path / "graph"), "--no-validate")
    assert time.time() - started < 120
    assert run.returncode == 1
    lines = [l for l in run.stderr.splitlines() if "bomb.docx" in l]
    assert lines and "zip bomb" in lines[0] and "Traceback" not in run.stderr
    from dcskg.store import manifest

    assert set(manifest(tmp_path / "graph")) == {GOOD.stem}


def test_extract_takes_folders_and_reports_each_bad_file_in_one_line(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    _docx_bomb(folder / "bomb.docx")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    shutil.copy(GOOD, folder)
    run = dcskg("extract", str(folder), "--json")
    assert run.returncode == 1
    import json

    assert [Path(r["source"]).name for r in json.loads(run.stdout)] == [GOOD.name]
    errors = [l for l in run.stderr.splitlines() if l.startswith(("error:", "lỗi:"))]
    assert len(errors) == 2 and any("bomb.docx" in e for e in errors) and any("empty.txt" in e for e in errors)


def test_an_unreadable_file_is_reported_not_fatal(tmp_path, monkeypatch):
    """(Tests run as root, who reads everything: the permission error is simulated.)"""
    from dcskg.reading import read_one

    locked = tmp_path / "locked.txt"
    shutil.copy(GOOD, locked)
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    _, result, error = read_one(locked)
    assert result is None and "locked.txt" in error and "permission denied" in error
    _, result, error = read_one(GOOD)
    assert error is None and result is not None


def test_a_file_past_its_time_budget_fails_alone(monkeypatch):
    import dcskg.reading as store

    monkeypatch.setattr(store, "FILE_SECONDS", 0.3)
    monkeypatch.setattr(store, "extract", lambda path: time.sleep(5))
    started = time.time()
    _, result, error = store.read_one(GOOD)
    assert result is None and "took longer than" in error and GOOD.name in error
    assert time.time() - started < 3


def test_a_bug_while_reading_names_the_file(monkeypatch):
    import dcskg.reading as store

    def broken(path):
        raise IndexError("list index out of range")

    monkeypatch.setattr(store, "extract", broken)
    _, result, error = store.read_one(GOOD)
    assert result is None and GOOD.name in error and "IndexError" in error


@pytest.mark.parametrize("size,shown", [(20 * 2**20 + 1, "20.0 MiB"), (25 * 2**20, "25 MiB")])
def test_the_size_limit_is_stated_in_mib(tmp_path, size, shown):
    from ingest.errors import ReadError
    from ingest.readers import read

    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(size)
    with pytest.raises(ReadError, match=rf"too large \({shown}; the limit is 20 MiB\)"):
        read(big)


ODD_NAMES = [
    "plan\nnewline.txt", "plan\ttab.txt", 'plan "quoted".txt', "plan 'single'.txt", "plan\\backslash.txt",
    "plan <angle>.txt", "plan\x7fdel.txt", "plan\x1besc.txt", "plan\u2028separator.txt", "plan \u202eright-to-left\u202c.txt",
]


def test_a_folder_of_every_hostile_class_builds_every_good_file_and_names_every_bad_one(tmp_path):
    """Good plans under odd names (line breaks, tabs, quotes, backslash, <>, DEL, ESC, U+2028,
    right-to-left marks) are all in the graph; a pipe, a device link, a dangling link, an
    empty file, a binary and a zip bomb are each named once, on one line; a path given that
    does not exist is one more failure, not the end of the build."""
    import os

    from dcskg.store import manifest

    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ODD_NAMES:
        shutil.copy(GOOD, folder / name)
    bad = {"pipe.txt", "zero.txt", "dangling.txt", "empty.txt", "binary.md", "bomb.docx"}
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.md").write_bytes(bytes(range(256)) * 40)
    _docx_bomb(folder / "bomb.docx")
    missing = tmp_path / "not-there.txt"
    started = time.time()
    run = dcskg("build", str(folder), str(missing), "--store", str(tmp_path / "graph"), "--no-validate")
    assert time.time() - started < 180
    assert run.returncode == 1 and "Traceback" not in run.stderr and "internal error" not in run.stderr
    built = {Path(v["source"]).name for v in manifest(tmp_path / "graph").values()}
    assert built == set(ODD_NAMES)
    errors = [l for l in run.stderr.splitlines() if l.startswith(("lỗi:", "error:"))]
    for name in bad | {missing.name}:
        assert sum(name in line for line in errors) == 1, (name, errors)
    assert len(errors) == len(bad) + 1
    assert not any("newline" in e or "separator" in e for e in errors)  # good files are not errors


def test_sources_with_odd_names_are_kept_whole_in_the_graph(tmp_path):
    from dcskg.store import build, open_dataset
    from ontology.namespace import DCS

    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ODD_NAMES[:5]:
        shutil.copy(GOOD, folder / name)
    report = build([folder], tmp_path / "graph", validate=None)
    assert not report.failed
    ds = open_dataset(tmp_path / "graph")
    files = {str(o) for o in ds.objects(None, DCS.sourceFile)}
    # the line break, the tab, the quotes and the backslash come back exactly as written
    assert {str(folder / name) for name in ODD_NAMES[:5]} <= files
