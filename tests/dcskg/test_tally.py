"""The statistics' running totals: a plan taken out subtracts exactly what it added, a plan
replaced twice before the totals are written counts once, and the totals outlive the file's
reopening only under the rules they were counted with."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from dcskg.stats import STATS_GRAPH
from dcskg.tally import Tally

SO_NOI_VU = "https://w3id.org/dcs-kg/id/agency/so-noi-vu-a"
SO_TU_PHAP = "https://w3id.org/dcs-kg/id/agency/so-tu-phap-a"
UBND_XA = "https://w3id.org/dcs-kg/id/agency/ubnd-xa-b"


def _plan(name: str, roles: dict, pairs: dict | None = None, measures: dict | None = None) -> dict:
    """A contribution as `dcskg.contribution` gives it (tasks and plans numbered in the plan)."""
    described = {SO_NOI_VU: ["Sở Nội vụ", "department", "A"], SO_TU_PHAP: ["Sở Tư pháp", "department", "A"], UBND_XA: ["UBND xã", "committee", "B"]}
    return {
        "roles": roles,
        "described": {a: described[a] for a in roles},
        "pairs": pairs or {},
        "plans": {f"https://w3id.org/dcs-kg/id/plan/{name}": {"file": f"{name}.txt", "measures": measures or {"M1": 1, "M2": 0}, "summary": [2, len(roles), 1, 0, 0]}},
        "timeframes": {f"{name}.txt": {"annual": 1, "none": 1}},
    }


ONE = _plan("one", {SO_NOI_VU: [[0, 1], [], [0]], SO_TU_PHAP: [[], [0], [0]]}, {f"{SO_NOI_VU}\u241f{SO_TU_PHAP}": [[0], [0]]})
TWO = _plan("two", {SO_NOI_VU: [[0], [1], [0]], UBND_XA: [[1], [], [0]]}, measures={"M1": 0, "M2": 2})
ONE_CHANGED = _plan("one", {SO_NOI_VU: [[0], [], [0]]})


def _statistics(*steps: tuple[str, dict | None], apply_each: bool = True) -> set[tuple[str, str, str]]:
    store, tally = ox.Store(), Tally(None)
    for key, contribution in steps:
        tally.replace(key, contribution)
        if apply_each:
            tally.apply(store)
    tally.apply(store)
    return {(q.subject.value, q.predicate.value, q.object.value) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(STATS_GRAPH)))}


def _value(observations: set, name: str, prop: str) -> set[str]:
    """`prop` of the observations of a body's name (agencyName) or a measure (measureCode)."""
    subjects = {s for s, p, o in observations if o == name and p.rsplit("#", 1)[-1] in {"agencyName", "measureCode"}}
    return {o for s, p, o in observations if s in subjects and p.endswith(prop)}


def test_two_plans_sum_and_a_body_of_one_name_counts_its_places():
    both = _statistics(("one", ONE), ("two", TWO))
    # one body: its load and its name's load across places say the same
    assert _value(both, "Sở Nội vụ", "leadCount") == {"3"}  # 2 in one, 1 in two
    assert _value(both, "Sở Nội vụ", "planCount") == {"2"}
    assert _value(both, "Sở Nội vụ", "placeCount") == {"1"}
    assert _value(both, "Sở Tư pháp", "supportCount") == {"1"}
    assert _value(both, "M2", "taskCount") == {"0", "2"}  # one file each, zeros kept


@pytest.mark.parametrize(
    ("steps", "same_as"),
    [
        ((("one", ONE), ("two", TWO), ("one", None)), (("two", TWO),)),
        ((("one", ONE), ("two", TWO), ("one", ONE_CHANGED)), (("two", TWO), ("one", ONE_CHANGED))),
        ((("two", TWO), ("two", None), ("two", TWO)), (("two", TWO),)),
    ],
    ids=["removed", "changed", "removed-and-back"],
)
def test_taking_a_plan_out_subtracts_exactly_what_it_added(steps, same_as):
    kept = _statistics(*steps)
    assert kept == _statistics(*same_as)
    assert not any(o == "Sở Tư pháp" for _, _, o in kept)  # its only plan is gone or changed


def test_a_plan_replaced_twice_before_the_totals_are_written_counts_once():
    assert _statistics(("one", ONE), ("one", ONE_CHANGED), apply_each=False) == _statistics(("one", ONE_CHANGED))


def test_totals_reopen_under_their_rules_and_start_over_under_others(tmp_path):
    path = tmp_path / "stats.sqlite"
    tally = Tally(path, rules="r1")
    assert tally.reset
    tally.replace("one", ONE)
    tally.apply(ox.Store())
    tally.close()
    again = Tally(path, rules="r1")
    assert not again.reset and again.keys() == {"one"}
    again.close()
    other = Tally(path, rules="r2")
    assert other.reset and other.keys() == set()
    other.close()


def test_a_new_version_of_the_totals_recounts_them_from_the_kept_contributions(tmp_path, monkeypatch):
    import dcskg.tally as tally_module

    path = tmp_path / "stats.sqlite"
    tally, store = Tally(path, rules="r1"), ox.Store()
    for key, contribution in (("one", ONE), ("two", TWO)):
        tally.replace(key, contribution)
    tally.apply(store)
    tally.close()
    before = set(store.quads_for_pattern(None, None, None, ox.NamedNode(str(STATS_GRAPH))))
    monkeypatch.setattr(tally_module, "TOTALS_VERSION", "next")
    again = Tally(path, rules="r1")
    # the plans need not be read again: their contributions are kept and counted anew
    assert again.reset and again.keys() == {"one", "two"}
    store.remove_graph(ox.NamedNode(str(STATS_GRAPH)))
    again.apply(store)
    assert set(store.quads_for_pattern(None, None, None, ox.NamedNode(str(STATS_GRAPH)))) == before and before


def test_observations_written_in_small_batches_are_the_same(monkeypatch):
    import dcskg.tally as tally_module

    whole = _statistics(("one", ONE), ("two", TWO))
    monkeypatch.setattr(tally_module, "WRITE_BATCH", 3)
    assert _statistics(("one", ONE), ("two", TWO)) == whole


def test_what_a_plan_contributes_is_in_the_rules_fingerprint_how_totals_are_kept_is_not():
    from pathlib import Path

    import dcskg.contribution
    import dcskg.stats
    import dcskg.tally
    from dcskg.manifest import fingerprinted_files

    names = {f.resolve() for f in fingerprinted_files()}
    assert Path(dcskg.contribution.__file__).resolve() in names  # a change re-reads every plan
    from ingest.rules import RULES_DIR

    assert (RULES_DIR / "word_pairs.tsv").resolve() in names  # the table a scan's repair reads: a data file, not YAML
    assert not {Path(m.__file__).resolve() for m in (dcskg.stats, dcskg.tally)} & names  # a change reads none


def test_a_plans_summary_is_kept_under_the_key_that_gave_it():
    """Its owner is the plan key replaced (a decision and the plan it promulgates share a file;
    taking one out must take out its own summary): pairs counted on the way must not change it."""
    tally = Tally(None)
    tally.replace("one", ONE)  # ONE has a lead–support pair
    tally.apply(ox.Store())
    assert tally.db.execute("SELECT plan, owner FROM summary").fetchall() == [("https://w3id.org/dcs-kg/id/plan/one", "one")]


def test_pairs_are_counted_by_name_and_by_name_and_place():
    both = _statistics(("one", ONE), ("two", TWO))
    placed = {s for s, p, o in both if p.endswith("#leadPlaceName") and o == "A"}
    assert placed and {o for s, p, o in both if s in placed and p.endswith("#supportPlaceName")} == {"A"}
    assert any(p.endswith("#leadName") and o == "Sở Nội vụ" and s not in placed for s, p, o in both)  # by name alone too
