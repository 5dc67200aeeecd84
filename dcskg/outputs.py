"""Output files the commands write (`--out`): never over a file that is there unless asked,
never through a symbolic link, never half-written, and `-` for standard output.

Every writer of an export (`write_tasks`, `write_calendar`, the network page, its CSV, GEXF and
GraphML) takes a path; `publish` hands it a temporary file in the target's own folder and
renames it over the target once it is whole, so a kill or a full disk leaves the previous file
as it was, and a symbolic link at the target is refused rather than followed.
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from ingest.errors import DcsKgError

from .i18n import t

STDOUT = "-"


class OutputError(DcsKgError):
    """An output file could not or must not be written."""


def csv_text(columns: list[str], headers: list[str], rows: list[dict]) -> str:
    """Rows as CSV under `headers`, their `columns` in order, empty where a value is None, after
    the BOM without which Excel does not read the Vietnamese as UTF-8 (the CLI's `-f csv`, the
    server's pages)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    w = csv.writer(buffer)
    w.writerow(headers)
    for r in rows:
        w.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
    return buffer.getvalue()


def is_stdout(path: Path | str | None) -> bool:
    return path is not None and str(path) == STDOUT


def check_target(path: Path, force: bool) -> None:
    """Refuse a target that must not be replaced: a symbolic link (even dangling), anything but
    a regular file (a device, a FIFO, a folder), and an existing file without `force`."""
    if os.path.islink(path):
        raise OutputError(t("out_symlink"), str(path))
    if not os.path.lexists(path):
        if not path.parent.is_dir():
            raise OutputError(t("out_no_folder", folder=path.parent), str(path))
        return
    mode = os.lstat(path).st_mode
    if not stat.S_ISREG(mode):
        raise OutputError(t("out_not_a_file"), str(path))
    if not force:
        raise OutputError(t("out_exists"), str(path))


def publish(path: Path | str, force: bool, write: Callable[[Path], object]) -> str:
    """Write an output through `write(temporary_path)` and put it in place: at `path`
    (checked by `check_target`) or, for `-`, on standard output. Returns what was written
    to, as the user wrote it."""
    if is_stdout(path):
        with tempfile.TemporaryDirectory(prefix="dcskg-out-") as tmpdir:
            tmp = Path(tmpdir) / "out"
            write(tmp)
            sys.stdout.flush()
            with tmp.open("rb") as fh:
                shutil.copyfileobj(fh, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        return STDOUT
    path = Path(path)
    check_target(path, force)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        # mkstemp's file is private (0600); an export is read by others as any new file is
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(t("out_failed", reason=exc.strerror or exc), str(path)) from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return str(path)
