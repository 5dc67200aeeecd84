"""The README's short tour works as written, spellings and all, on the bundled plans."""
from __future__ import annotations

import re
import shlex
import shutil

import pytest
from clirun import dcskg
from gold import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
TOUR = re.search(r"## A short tour.*?```bash\n(.*?)```", README, re.S).group(1)  # type: ignore[union-attr]
# a synopsis ("dcskg build [PATHS…] [--store DIR]") shows the shape, not a command to run
COMMANDS = [re.sub(r"\s#\s.*$", "", line).strip() for line in TOUR.splitlines() if line.startswith("dcskg ") and "[" not in line.split(" #")[0]]
WITHOUT_STORE = {"extract", "queries"}


def test_the_tour_has_its_commands():
    assert len(COMMANDS) > 15
    for needed in ("coverage", "trace", "export", "query"):
        assert any(c.split()[1] == needed or needed in c.split() for c in COMMANDS), needed


@pytest.mark.parametrize("line", COMMANDS)
def test_each_tour_command_runs(line, seed_store, tmp_path):
    args = shlex.split(line)[1:]
    args = [str(ROOT / a) if a.startswith("data/plans") else a for a in args]
    command = next(a for a in args if not a.startswith("-") and a not in ("en", "vi"))
    if command == "build":
        args += ["--no-validate"]
    if command not in WITHOUT_STORE:
        store = tmp_path / "graph"
        writes = command in ("remove", "build") or (command == "status" and len(args) > 1)
        if writes:
            shutil.copytree(seed_store, store, symlinks=True)
        args += ["--store", str(store if writes else seed_store)]
    done = dcskg(*args, cwd=tmp_path)
    assert done.returncode == 0, (line, done.stderr[-2000:])
    assert done.stdout.strip() or done.stderr.strip()
