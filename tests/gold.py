"""Scoring of extractions against the hand-made gold (../shared/gold/seeds.json)."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ingest.models import Extraction
from ingest.rules import fold

ROOT = Path(__file__).resolve().parent.parent
GOLD_PATH = Path(os.environ.get("DCSKG_GOLD", ROOT.parent / "shared" / "gold" / "seeds.json"))
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
    return {(fold(a), "lead") for t in ex.tasks for a in t.lead} | {(fold(a), "support") for t in ex.tasks for a in t.support}


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
