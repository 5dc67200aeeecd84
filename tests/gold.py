"""Scoring of extractions against the hand-made answer keys kept in tests/data/.

Role pairs are matched the way the shared scorer (tests/scoring/score.py) matches them:
canonical names compared after folding, with the place dropped and a fuzzy tolerance.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ingest.models import Extraction
from ingest.rules import fold

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
GOLD_PATH = Path(os.environ.get("DCSKG_GOLD", DATA / "gold" / "seeds.json"))
REAL = DATA / "real"
REAL_OTHER = REAL / "other"
REAL_ORIGINALS = REAL / "originals"
CORPUS = DATA / "corpus"
PLANS = ROOT / "data" / "plans"


def load_gold() -> dict:
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, mine: set, gold: set) -> None:
        self.tp += len(mine & gold)
        self.fp += len(mine - gold)
        self.fn += len(gold - mine)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} (tp={self.tp} fp={self.fp} fn={self.fn})"


def ref_pairs(ex: Extraction) -> set[tuple[str, str]]:
    return {(r.id, r.relation) for r in ex.legal_refs}


def gold_ref_pairs(doc: dict) -> set[tuple[str, str]]:
    return {(r["id"], r["relation"]) for r in doc["legal_refs"]}


def role_pairs(ex: Extraction) -> set[tuple[str, str]]:
    # the names the JSON writes, which the shared scorer reads: the document's own spelling
    return {(fold(a), "lead") for t in ex.tasks for a in ex.written_names(t.lead)} | {(fold(a), "support") for t in ex.tasks for a in ex.written_names(t.support)}


def gold_role_pairs(doc: dict) -> set[tuple[str, str]]:
    return {(fold(a), "lead") for t in doc["tasks"] for a in t["lead"]} | {
        (fold(a), "support") for t in doc["tasks"] for a in t["support"]
    }


def task_paths(ex: Extraction) -> set[str]:
    return {t.path for t in ex.tasks}


def gold_task_paths(doc: dict) -> set[str]:
    return {t["path"] for t in doc["tasks"]}


def deadlines(ex: Extraction) -> set[str]:
    return {r.deadline for r in ex.reporting if r.deadline}


def gold_deadlines(doc: dict) -> set[str]:
    return {r["deadline"] for r in doc["reporting"] if r["deadline"]}


# --- the shared scorer ---------------------------------------------------------------------------


def shared_scorer():
    """tests/scoring/score.py, the scorer the project is judged by, imported as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("dcskg_shared_score", Path(__file__).resolve().parent / "scoring" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_with_shared_scorer(gold_path: Path, extracted: list[dict], tmp: Path, *options: str) -> tuple[int, str]:
    """Run the shared scorer on `dcskg extract --json` output; (exit code, what it printed)."""
    import contextlib
    import io

    out = tmp / "extracted.json"
    out.write_text(json.dumps(extracted, ensure_ascii=False), encoding="utf-8")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = shared_scorer().main([str(gold_path), str(out), *options])
    return code, buf.getvalue()


def seed_role_score(extractions: dict, gold_docs: dict) -> tuple[float, float, float]:
    """Agency-role pairs of the seeds, matched as the shared scorer matches them."""
    sc = shared_scorer()
    tp = n_pred = n_gold = 0
    for name, ex in extractions.items():
        g = gold_docs[name]
        places = [sc.norm(g["document"].get("place"))] + [sc.norm(a.get("jurisdiction")) for a in g.get("agencies", [])]
        gold = {(sc.strip_place(a, places), role) for t in g["tasks"] for role in ("lead", "support") for a in t[role]}
        mine = {(sc.strip_place(a, places), role) for t in ex.tasks for role, names in (("lead", ex.written_names(t.lead)), ("support", ex.written_names(t.support))) for a in names}
        _, _, _, hits = sc.fuzzy_match_sets(mine, gold)
        tp += hits
        n_pred += len(mine)
        n_gold += len(gold)
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
