"""`--out` writes only where it is asked to: an existing file is kept unless --force, a
symbolic link is never written through, a device or a folder is never a target, a failed
write leaves the previous file whole, and `-` is standard output. Through the CLI, in a
subprocess, as a user runs it."""
from __future__ import annotations

import csv
import io

import pytest
from clirun import dcskg

EXPORTS = [
    ("tasks", "csv", "tasks.csv"),
    ("tasks", "xlsx", "tasks.xlsx"),
    ("calendar", "ics", "reporting.ics"),
]


@pytest.mark.parametrize("what,fmt,name", EXPORTS)
def test_an_existing_file_named_with_out_is_kept_without_force(seed_store, tmp_path, what, fmt, name):
    target = tmp_path / "mine.txt"
    target.write_text("do not touch", encoding="utf-8")
    run = dcskg("export", what, "-f", fmt, "--store", str(seed_store), "--out", str(target))
    assert run.returncode == 1
    assert str(target) in run.stderr and "--force" in run.stderr
    assert target.read_text(encoding="utf-8") == "do not touch"


def test_force_replaces_the_file_named(seed_store, tmp_path):
    target = tmp_path / "mine.xlsx"
    target.write_text("do not touch", encoding="utf-8")
    forced = dcskg("export", "tasks", "-f", "xlsx", "--store", str(seed_store), "--out", str(target), "--force")
    assert forced.returncode == 0, forced.stderr
    from openpyxl import load_workbook

    assert load_workbook(target).active.max_row > 20


@pytest.mark.parametrize("what,fmt,name", EXPORTS)
def test_an_export_never_writes_through_a_symbolic_link(seed_store, tmp_path, what, fmt, name):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    link = tmp_path / f"out.{fmt}"
    link.symlink_to(victim)
    # not even when asked to overwrite: --force replaces files, it does not follow links
    run = dcskg("export", what, "-f", fmt, "--store", str(seed_store), "--out", str(link), "--force")
    assert run.returncode == 1 and "liên kết" in run.stderr, run.stderr
    assert victim.read_text(encoding="utf-8") == "precious"
    assert link.is_symlink()


def test_a_dangling_link_is_refused_too(seed_store, tmp_path):
    # writing would create the file it points at, wherever that is
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "nowhere" / "created.txt")
    run = dcskg("export", "tasks", "-f", "csv", "--store", str(seed_store), "--out", str(dangling))
    assert run.returncode == 1 and not (tmp_path / "nowhere").exists()


def test_a_device_or_a_folder_is_never_an_output(seed_store, tmp_path):
    for target in ("/dev/full", str(tmp_path)):
        run = dcskg("export", "tasks", "-f", "csv", "--store", str(seed_store), "--out", target, "--force")
        assert run.returncode == 1, target
        assert "internal error" not in run.stderr and "Traceback" not in run.stderr
        assert target in run.stderr


def test_a_missing_folder_is_named(seed_store, tmp_path):
    target = tmp_path / "no" / "such" / "tasks.csv"
    run = dcskg("export", "tasks", "-f", "csv", "--store", str(seed_store), "--out", str(target))
    assert run.returncode == 1 and str(tmp_path / "no" / "such") in run.stderr


def test_the_default_name_is_kept_too(seed_store, tmp_path):
    (tmp_path / "tasks.csv").write_text("earlier export", encoding="utf-8")
    run = dcskg("export", "tasks", "-f", "csv", "--store", str(seed_store), cwd=tmp_path)
    assert run.returncode == 1
    assert (tmp_path / "tasks.csv").read_text(encoding="utf-8") == "earlier export"


def test_dash_is_standard_output_for_every_text_export(seed_store, tmp_path):
    run = dcskg("export", "tasks", "-f", "csv", "--store", str(seed_store), "--out", "-", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert not (tmp_path / "-").exists()
    rows = list(csv.reader(io.StringIO(run.stdout.lstrip("\ufeff"))))
    assert len(rows) > 20 and "Sở Nội vụ" in run.stdout
    # the count goes to stderr, so the pipe holds only the table
    assert "nhiệm vụ" in run.stderr and rows[0][0] != ""
    cal = dcskg("export", "calendar", "--store", str(seed_store), "--out", "-", cwd=tmp_path)
    assert cal.returncode == 0 and cal.stdout.startswith("BEGIN:VCALENDAR") and not (tmp_path / "-").exists()
    graph = dcskg("export", "graph", "-f", "nt", "--store", str(seed_store), "--out", "-", cwd=tmp_path)
    assert graph.returncode == 0 and "<https://w3id.org/dcs-kg/" in graph.stdout and not (tmp_path / "-").exists()
    page = dcskg("network", "--store", str(seed_store), "--out", "-", cwd=tmp_path)
    assert page.returncode == 0 and "<html" in page.stdout.lower() and not (tmp_path / "-").exists()


def test_a_rerun_of_the_network_keeps_the_page_unless_forced(seed_store, tmp_path):
    first = dcskg("network", "--store", str(seed_store), "--out", str(tmp_path / "n.html"))
    assert first.returncode == 0
    again = dcskg("network", "--store", str(seed_store), "--out", str(tmp_path / "n.html"))
    assert again.returncode == 1 and "--force" in again.stderr
    forced = dcskg("network", "--store", str(seed_store), "--out", str(tmp_path / "n.html"), "--force")
    assert forced.returncode == 0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
