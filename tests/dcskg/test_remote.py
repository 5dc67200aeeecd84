"""The --endpoint path against a real SPARQL 1.1 server on loopback (Oxigraph's own server)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from browser import free_port, wait_for_port
from clirun import dcskg
from gold import PLANS

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


@pytest.fixture()
def oxigraph_server(tmp_path):
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server (pip package 'oxigraph', a test extra) is not installed")
    port = free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_for_port(port, proc)
    try:
        yield f"http://127.0.0.1:{port}/query"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_build_query_and_trace_through_a_sparql_server(oxigraph_server, tmp_path):
    r = dcskg("build", str(PLANS), "--endpoint", oxigraph_server)
    assert r.returncode == 0, r.stderr
    rows = json.loads(dcskg("query", "plans", "--endpoint", oxigraph_server, "-f", "json").stdout)
    assert len(rows) == 5
    r = dcskg("query", "plans_implementing", "--param", "doc=47/2025/NQ-HĐND", "--endpoint", oxigraph_server, "-f", "json")
    assert [Path(x["source"]).name for x in json.loads(r.stdout)] == ["000_70211efbcc79a593.txt"]
    r = dcskg("trace", "000_70211efbcc79a593", "--endpoint", oxigraph_server)
    assert "10/2022/QH15" in r.stdout


def test_rebuilding_a_plan_replaces_only_its_graph(oxigraph_server, tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLANS / "003_fcf3e25466826abb.txt", plans)
    assert dcskg("build", str(plans), "--endpoint", oxigraph_server).returncode == 0
    first = json.loads(dcskg("query", "timeframe_profile", "--endpoint", oxigraph_server, "-f", "json").stdout)
    assert dcskg("build", str(plans), "--endpoint", oxigraph_server).returncode == 0
    second = json.loads(dcskg("query", "timeframe_profile", "--endpoint", oxigraph_server, "-f", "json").stdout)
    assert first == second  # PUT replaces the plan's graph: no duplicates
