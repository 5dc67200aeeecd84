"""queries/cascade.py: a lower document's tasks aligned to a higher one's, measured on the
hand-checked correspondences of tests/data/cascade/pairs.yaml."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from clirun import dcskg

from queries.cascade import carried_lead, cascade, words

PAIRS = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "cascade" / "pairs.yaml").read_text(encoding="utf-8"))["pairs"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # folded, no diacritics, đ as d; function words out; each pair of adjacent syllables too
        ("Tổ chức tuyên truyền", ["to", "chuc", "tuyen", "truyen", "to_chuc", "chuc_tuyen", "tuyen_truyen"]),
        ("Kiểm tra và đôn đốc", ["kiem", "tra", "don", "doc", "kiem_tra", "tra_don", "don_doc"]),
    ],
)
def test_a_tasks_terms(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(
    "parent,child,carried",
    [
        (("Sở Nội vụ",), ("Phòng Nội vụ",), True),
        (("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",), ("Ủy ban Mặt trận Tổ quốc Việt Nam xã",), True),
        (("Ủy ban nhân dân tỉnh",), ("Ủy ban nhân dân các xã, phường",), True),
        (("Sở Tài chính",), ("Phòng Kinh tế",), False),
        (("Sở Nội vụ",), (), False),
    ],
)
def test_the_same_body_one_level_down(parent, child, carried):
    assert carried_lead(parent, child) is carried


@pytest.fixture(scope="module")
def sibling_ds(tmp_path_factory):
    """The two provinces' plans of one decision that the key's third pair reads side by side."""
    from dcskg.store import build, open_dataset

    real = Path(__file__).resolve().parents[1] / "data" / "real"
    files = [real / f"{p[k]}.md" for p in PAIRS if p.get("store") == "real" for k in ("parent", "child")]
    store = tmp_path_factory.mktemp("siblings") / "graph"
    assert not build(files, store).failed
    return open_dataset(store)


def test_the_alignment_on_the_hand_checked_pairs(seed_ds, sibling_ds):
    """A child task is right when the parent task it is given is one the key accepts. Today, on
    the pairs the method was set on: 26 of 43 given, of 38 keyed with a parent — P 0.60, R 0.68
    (README); the two provinces' plans, keyed before the method was run on them, read P 0.38,
    R 0.50 at first and P 0.54, R 0.70 once a shared lead counted. On the two pairs held out
    (keyed before the method ever read them, never tuned on): 12 of 26 given, of 25 keyed —
    P 0.46, R 0.48. The floors are one task under. The issue's aim of 0.8 is not reached: the
    tasks say the same duty in other words."""
    counts = {"set on": [0, 0, 0], "held out": [0, 0, 0]}
    for pair in PAIRS:
        c = cascade(sibling_ds if pair.get("store") == "real" else seed_ds, pair["parent"], pair["child"])
        got = {t.child.path: t.parent.path for t in c.taken_up}
        assert set(got) | {t.path for t in c.added} == set(pair["tasks"])  # every child task is keyed
        tally = counts["held out" if pair.get("held_out") else "set on"]
        for child, accepted in pair["tasks"].items():
            tally[2] += bool(accepted)
            if child in got:
                tally[1] += 1
                tally[0] += got[child] in accepted
    floors = {"set on": (0.58, 0.65), "held out": (0.44, 0.45)}
    for name, (right, given, keyed) in counts.items():
        precision, recall = right / given, right / keyed
        print(f"\ncascade alignment, pairs {name}: P {precision:.2f} ({right}/{given}), R {recall:.2f} ({right}/{keyed})")
        assert precision >= floors[name][0] and recall >= floors[name][1]


def test_a_shared_lead_tips_the_alignment(sibling_ds):
    # Nghệ An's Sở Văn hóa, Thể thao và Du lịch task (V.2.3) says in other words what Đắk Lắk's
    # asks of the same department (IV.3); by words alone it went to a task with no lead (IV.1.1)
    c = cascade(sibling_ds, "556b2fb4a0149576", "99c7d8fff9e4572e")
    got = {t.child.path: t for t in c.taken_up}
    assert got["V.2.3"].parent.path == "IV.3" and got["V.2.3"].lead_carried


def test_every_task_is_taken_up_dropped_or_added(seed_ds):
    c = cascade(seed_ds, "000", "001")
    parents = {t.parent.path for t in c.taken_up} | {t.path for t in c.dropped}
    assert len(parents) == len({t.parent.path for t in c.taken_up}) + len(c.dropped)  # none both
    # the commune's tiếp dân duty (IV.3.1) has no parent in the province's plan: today's method
    # still gives it one, which the key counts against precision — here only the partition
    assert {t.child.path for t in c.taken_up} | {t.path for t in c.added} == set(PAIRS[1]["tasks"])
    assert all(0 <= t.score <= 2 for t in c.taken_up)


def test_the_command_line(seed_store):
    done = dcskg("cascade", "003", "002", "-f", "json", "--store", str(seed_store))
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    kinds = {r["what"] for r in rows}
    assert kinds <= {"taken_up", "dropped", "added"} and "taken_up" in kinds
    # the district's Phòng Nội vụ follows up as the city's Sở Nội vụ does: the lead carried down
    assert any(r["child_path"] == "III.2" and r["parent_path"] == "IV.1" and r["lead_carried"] for r in rows)
    none = dcskg("cascade", "003", "--store", str(seed_store))
    assert none.returncode == 1 and none.stderr.startswith("lỗi:") and "dcskg cascade 003" in none.stderr
