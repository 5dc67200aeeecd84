"""How two plans differ: side by side, what each holds — measure groups, lead and support
agencies (by name, so a province's Sở Nội vụ meets another's), deadlines, the documents each
implements or is based on — and whether both, or only one, hold it."""
from __future__ import annotations

from dataclasses import dataclass

from ingest.ids import symbol_of

from . import lookup
from .runner import run_query

ASPECTS = ("implements", "based_on", "measure", "lead", "support", "deadline")


@dataclass(frozen=True)
class Side:
    aspect: str
    value: str
    a: int | None  # tasks of the first plan that hold it (0 for a plan-level fact); None: not in it
    b: int | None

    @property
    def where(self) -> str:
        return "both" if self.a is not None and self.b is not None else "a" if self.a is not None else "b"


def profile(ds, plan: str) -> dict[tuple[str, str], int]:
    node = lookup.document_node(ds, plan)
    rows = run_query("plan_profile", ds, plan=node)
    return {(r["aspect"], symbol_of(str(r["value"])) if r["aspect"] in ("implements", "based_on") else str(r["value"])): int(r["tasks"]) for r in rows}


def compare(ds, first: str, second: str) -> list[Side]:
    a, b = profile(ds, first), profile(ds, second)
    keys = sorted(set(a) | set(b), key=lambda k: (ASPECTS.index(k[0]), lookup.loose(k[1])))
    return [Side(aspect, value, a.get((aspect, value)), b.get((aspect, value))) for aspect, value in keys]
