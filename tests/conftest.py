"""Shared fixtures: the gold, the seed extractions, and a seed graph built once per run."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from gold import GOLD_PATH, PLANS, load_gold

ARTIFACTS = Path(__file__).resolve().parent / "_artifacts"


def _once_per_run(fixture_name: str, config) -> str:
    """Session scope, except under mutation testing: mutmut maps each test to the functions it
    calls as it runs, and a session fixture runs them for the first test that asks for it only
    — each test then extracts the seeds itself (two seconds), so every test that reads an
    extraction is counted. The seed graph stays built once: the functions it calls are the
    extractor's, which its tests cover directly."""
    return "function" if os.environ.get("MUTANT_UNDER_TEST") else "session"


@pytest.fixture(scope="session")
def gold() -> dict:
    if not GOLD_PATH.exists():
        pytest.skip(f"gold file not found at {GOLD_PATH}")
    return load_gold()


@pytest.fixture(scope="session")
def gold_docs(gold) -> dict[str, dict]:
    return {d["file"]: d for d in gold["documents"]}


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    files = sorted(PLANS.glob("*.txt"))
    assert len(files) == 5, "the five seed plans must be under data/plans"
    return files


@pytest.fixture(scope=_once_per_run)
def extractions(seed_files):
    from ingest.pipeline import extract

    return {f.name: extract(f) for f in seed_files}


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, seed_files) -> Path:
    """The five seeds built into an embedded store, once per test run."""
    from dcskg.store import build
    from dcskg.validate import validate_dataset

    store = tmp_path_factory.mktemp("store") / "graph"
    report = build([PLANS], store, validate=validate_dataset)
    assert not report.failed
    return store


@pytest.fixture(scope="session")
def seed_ds(seed_store):
    from dcskg.store import open_dataset

    return open_dataset(seed_store)


@pytest.fixture(scope="session")
def seed_plain(seed_ds):
    """The seed store's quads in rdflib's own Dataset: answered by rdflib's engine, not Oxigraph's."""
    from rdflib import Dataset

    plain = Dataset(default_union=True)
    for s, p, o, g in seed_ds.quads((None, None, None, None)):
        plain.graph(g).add((s, p, o))
    return plain


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def copy_seed(name: str, dest: Path) -> Path:
    target = dest / name
    shutil.copy(PLANS / name, target)
    return target


@pytest.fixture
def two_plans(tmp_path) -> Path:
    """A folder of its own with the province's plan (000) and the city's (003), for tests that
    change, rebuild or remove plans."""
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("000_70211efbcc79a593.txt", "003_fcf3e25466826abb.txt"):
        copy_seed(name, plans)
    return plans
