"""Every task of six real plans against a per-task answer key built by hand from the text
(tests/data/real/task_keys.yaml): its path, its lead and its support. The plan-level keys
score (agency, role) pairs per plan, so a lead lost on one task while the same body leads
another goes unseen there; here it fails the task's own test."""
from __future__ import annotations

from functools import cache

import pytest
import yaml
from gold import REAL

from ingest.pipeline import extract
from ingest.rules import fold

KEYS = yaml.safe_load((REAL / "task_keys.yaml").read_text(encoding="utf-8"))


@cache
def tasks_of(name: str) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    ex = extract(REAL / name)
    return {t.path: (frozenset(fold(n) for n in ex.names(t.lead)), frozenset(fold(n) for n in ex.names(t.support))) for t in ex.tasks}


def _cases():
    for name, key in KEYS.items():
        gaps = key.get("gaps") or {}
        for path, roles in key["tasks"].items():
            marks = [pytest.mark.xfail(strict=True, reason=gaps[path])] if path in gaps else []
            yield pytest.param(name, path, roles, id=f"{name[:6]}:{path}", marks=marks)


@pytest.mark.parametrize("name,path,roles", list(_cases()))
def test_each_task_has_the_lead_and_support_the_text_gives(name, path, roles):
    found = tasks_of(name)
    assert path in found, f"{name}: no task {path}"
    lead, support = found[path]
    assert lead == {fold(n) for n in roles["lead"]}, f"{name} {path}: lead"
    assert support == {fold(n) for n in roles["support"]}, f"{name} {path}: support"


def _not_tasks():
    for name, key in KEYS.items():
        for path, why in (key.get("not_tasks") or {}).items():
            yield pytest.param(name, path, id=f"{name[:6]}:{path}", marks=pytest.mark.xfail(strict=True, reason=f"still read as a task: {why}"))


@pytest.mark.parametrize("name,path", list(_not_tasks()))
def test_what_is_not_work_is_not_a_task(name, path):
    assert path not in tasks_of(name)


@pytest.mark.parametrize("name", list(KEYS))
def test_no_task_beyond_the_key(name):
    key = KEYS[name]
    expected = set(key["tasks"]) | set(key.get("not_tasks") or {})
    extra = sorted(set(tasks_of(name)) - expected)
    assert not extra, f"{name}: tasks the key does not have: {extra}"


def test_the_keys_cover_six_plans_of_different_layouts():
    assert len(KEYS) >= 6 and sum(len(k["tasks"]) for k in KEYS.values()) >= 100
    assert all((REAL / name).exists() for name in KEYS)
    print(f"\nper-task keys: {sum(len(k['tasks']) for k in KEYS.values())} tasks in {len(KEYS)} plans; "
          f"known gaps {sum(len(k.get('gaps') or {}) for k in KEYS.values())}, "
          f"not-tasks still read {sum(len(k.get('not_tasks') or {}) for k in KEYS.values())}")
