"""The package's verbs: the pipeline's steps, each importable from `ingest`, lazily."""
import subprocess
import sys
from pathlib import Path

import pytest

import ingest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "plans" / "002_740ba232e0108bc4.txt"


def test_the_verbs_in_sequence_read_what_extract_reads():
    document = ingest.parse(ingest.normalise(ingest.read(SEED)))
    parsed, extraction = ingest.extract_document(SEED)
    assert document.header == parsed.header
    assert ingest.extract(SEED) == extraction
    own, common = ingest.plan_graphs(extraction)
    assert len(own) > 100 and common


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'extract_everything'"):
        ingest.extract_everything  # noqa: B018


def test_reading_the_rules_does_not_load_the_pipeline():
    code = "import sys, ingest.rules; print(sorted(m for m in sys.modules if m.startswith('ingest.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert "ingest.rules" in out and "ingest.pipeline" not in out and "ingest.tasks" not in out
