"""Run the `dcskg` command in a subprocess, as a user would, for CLI tests."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from gold import ROOT


def dcskg(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {"COLUMNS": "200", "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-c", "from dcskg.cli import main; main()", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300)
