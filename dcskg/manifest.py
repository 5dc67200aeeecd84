"""The manifest of a generation: which file gave which plan, its digest and graph, and the
fingerprint of the rules it was read with (a change of rules re-extracts every plan)."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import ingest
from ingest.rules import DATA_DIR

from . import contribution
from .folder import DEFAULT_STORE, MANIFEST, db_path, write_atomic


def fingerprinted_files() -> list[Path]:
    """The knowledge files and extractor code whose change re-extracts every plan: the rules, the
    registry, `ingest/`, and what a plan contributes to the statistics (`dcskg/contribution.py`;
    how the totals are kept and written is not among them, so changing that reads no plan)."""
    roots = [DATA_DIR / "rules", DATA_DIR / "registry", Path(ingest.__file__).parent]
    files = [f for root in roots for f in sorted(root.rglob("*"))] + [Path(contribution.__file__)]
    return [f for f in files if f.is_file() and f.suffix in {".py", ".yaml", ".yml", ".json", ".tsv"}]


def rules_fingerprint() -> str:
    """Hash of `fingerprinted_files`: a change re-extracts every plan."""
    h = hashlib.sha256()
    for f in fingerprinted_files():
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def reference_fingerprint(rules: str) -> str:
    """What the reference graphs (ontology, vocabularies, legal registry) are built from: the
    rules' files and the ontology's. A build re-adds them only when this changes."""
    from ontology import ONTOLOGY_TTL

    return hashlib.sha256(rules.encode() + ONTOLOGY_TTL.read_bytes()).hexdigest()


def _read(store_dir: Path) -> dict:
    path = db_path(store_dir).parent / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except (OSError, json.JSONDecodeError):
        return {}


def read_totals(store_dir: Path) -> dict:
    """What the current generation holds as a whole: its quad count and the fingerprint of its
    reference graphs (each absent when not recorded)."""
    data = _read(store_dir)
    return {k: data[k] for k in ("quads", "reference") if k in data}


def read_manifest(store_dir: Path, rules: str | None = None) -> dict:
    """Plan key -> source, sha256 and graph IRI, for the plans built with today's rules
    (`rules`: their fingerprint, when the caller has it already)."""
    data = _read(store_dir)
    if not data:
        return {}
    if data.get("rules") != (rules or rules_fingerprint()):
        # rules changed: keep the list (for `remove`) but force re-extraction
        return {k: {**v, "sha256": None} for k, v in data.get("plans", {}).items()}
    return dict(data.get("plans", {}))


def write_manifest(folder: Path, plans: dict, rules: str, totals: dict | None = None) -> None:
    body = {"rules": rules, "plans": plans, **(totals or {})}
    # no indent: json's C encoder writes only compact output (the indented manifest of 10,000
    # plans took 0.7 s of an incremental build)
    write_atomic(folder / MANIFEST, json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8"))


def manifest(store_dir: Path = DEFAULT_STORE) -> dict:
    return read_manifest(Path(store_dir))
