"""The project as a wheel, not a clone: built, installed into a folder of its own and run from
another one — extract, build, query and serve find their rules, messages, queries, ontology,
page and bundled plans inside the installed package."""
from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from browser import free_port, wait_for_port
from gold import ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    wheels = tmp_path_factory.mktemp("wheel")
    target = tmp_path_factory.mktemp("site")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = wheels.glob("dcs_kg-*.whl")
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr[-2000:]
    return target


def _dcskg(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    # the installed copy first on the path; the dependencies come from this interpreter's
    # environment (the clone's own packages are never imported: checked below)
    code = f"import sys; sys.path.insert(0, {str(site)!r}); from dcskg.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True, timeout=300, env={"PATH": "/usr/bin:/bin", "COLUMNS": "200"})


def test_the_installed_package_is_the_one_imported(installed, tmp_path):
    code = f"import sys; sys.path.insert(0, {str(installed)!r}); import ingest, dcskg, queries, ontology; print(ingest.__file__, dcskg.__file__, queries.__file__, ontology.__file__)"
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert all(p.startswith(str(installed)) for p in run.stdout.split()), run.stdout
    assert (installed / "dcskg" / "data" / "rules" / "agencies.yaml").is_file()
    assert (installed / "dcskg" / "data" / "rules" / "word_pairs.tsv").is_file()  # not YAML: named in the package data


def test_extract_build_query_and_serve_from_another_folder(installed, tmp_path):
    plan = installed / "dcskg" / "data" / "plans" / "000_70211efbcc79a593.txt"
    extracted = _dcskg(installed, tmp_path, "extract", str(plan), "--json")
    assert extracted.returncode == 0, extracted.stderr
    assert json.loads(extracted.stdout)[0]["document"]["issuer"] == "Ủy ban nhân dân tỉnh Vĩnh Long"
    # build with no argument: the bundled plans the wheel carries
    built = _dcskg(installed, tmp_path, "build", "--store", str(tmp_path / "graph"), "--no-validate")
    assert built.returncode == 0, built.stderr
    assert "Vĩnh Long" in built.stdout and "đã đọc" in built.stdout
    asked = _dcskg(installed, tmp_path, "query", "plans", "--store", str(tmp_path / "graph"), "-f", "json")
    assert asked.returncode == 0, asked.stderr
    assert len(json.loads(asked.stdout)) == 5
    port = free_port()
    code = f"import sys; sys.path.insert(0, {str(installed)!r}); from dcskg.cli import main; main()"
    server = subprocess.Popen([sys.executable, "-c", code, "serve", "--store", str(tmp_path / "graph"), "--port", str(port)], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_port(port, server)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as page:
            assert "dcs-kg" in page.read().decode("utf-8").lower()
        query = "PREFIX%20dcs%3A%20%3Chttps%3A%2F%2Fw3id.org%2Fdcs-kg%2Fontology%23%3E%20ASK%20%7B%20%3Fp%20a%20dcs%3APlan%20%7D"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql?query={query}", timeout=30) as answer:
            assert json.loads(answer.read())["boolean"] is True
    finally:
        server.terminate()
        server.wait(timeout=10)
