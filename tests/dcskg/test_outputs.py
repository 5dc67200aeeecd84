"""dcskg/outputs.py: an output is written beside its target and renamed over it when whole."""
from __future__ import annotations

import errno
from pathlib import Path

import pytest

from dcskg.outputs import OutputError, publish


def test_a_failed_write_leaves_the_previous_file_whole_and_no_part_file(tmp_path):
    target = tmp_path / "tasks.csv"
    target.write_text("previous", encoding="utf-8")

    def disk_full(path: Path) -> None:
        path.write_text("half of it", encoding="utf-8")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputError) as caught:
        publish(target, True, disk_full)
    assert str(target) in str(caught.value) and "No space left" in str(caught.value)
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["tasks.csv"]


def test_a_whole_write_replaces_the_file_with_the_usual_permissions(tmp_path):
    target = tmp_path / "tasks.csv"
    assert publish(target, False, lambda p: p.write_text("new", encoding="utf-8")) == str(target)
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o044  # readable by others, as any new file (mkstemp's is 0600)


def test_dash_copies_the_output_to_stdout(tmp_path, capsysbinary):
    assert publish("-", False, lambda p: p.write_bytes("Sở Nội vụ\n".encode())) == "-"
    assert capsysbinary.readouterr().out == "Sở Nội vụ\n".encode()
    assert not (Path.cwd() / "-").exists()
