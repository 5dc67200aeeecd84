"""The store: atomic builds, named graphs per plan, validation, identical rebuilds."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from gold import PLANS
from rdflib import URIRef
from rdflib.compare import graph_diff, to_isomorphic

from ingest.errors import StoreError
from ingest.to_rdf import COMMON_GRAPH, plan_graph_iri


def _quads(store):
    from dcskg.store import open_dataset

    g = open_dataset(store)
    return {(s, p, o, c) for s, p, o, c in g.quads((None, None, None, None))}


def test_two_builds_give_the_identical_graph(tmp_path):
    from rdflib import Graph

    from dcskg.store import build, open_dataset

    a, b = tmp_path / "a", tmp_path / "b"
    build([PLANS], a)
    build([PLANS], b)
    ga, gb = Graph(), Graph()
    for s, p, o, _ in open_dataset(a).quads((None, None, None, None)):
        ga.add((s, p, o))
    for s, p, o, _ in open_dataset(b).quads((None, None, None, None)):
        gb.add((s, p, o))
    in_both, only_a, only_b = graph_diff(to_isomorphic(ga), to_isomorphic(gb))
    assert len(only_a) == 0 and len(only_b) == 0 and len(in_both) > 1000


def test_each_plan_has_its_own_named_graph(seed_ds):
    graphs = {str(g.identifier) for g in seed_ds.graphs()}
    for f in PLANS.glob("*.txt"):
        assert str(plan_graph_iri(f.stem)) in graphs
    assert str(COMMON_GRAPH) in graphs


def test_a_failed_validation_keeps_the_previous_graph(tmp_path):
    from dcskg.store import build

    store = tmp_path / "graph"
    build([PLANS / "000_70211efbcc79a593.txt"], store)
    before = _quads(store)
    with pytest.raises(StoreError, match="previous graph is kept"):
        build([PLANS / "003_fcf3e25466826abb.txt"], store, validate=lambda ds: ["boom"])
    assert _quads(store) == before


def test_a_changed_file_replaces_only_its_graph(tmp_path, two_plans):
    from dcskg.store import build, named_graph, open_dataset

    plans = two_plans
    store = tmp_path / "graph"
    build([plans], store)
    ds = open_dataset(store)
    other = set(named_graph(ds, plan_graph_iri("003_fcf3e25466826abb")))
    path = plans / "000_70211efbcc79a593.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Sở Tài chính\n", "Sở Xây dựng\n"), encoding="utf-8")
    report = build([plans], store)
    assert {p.status for p in report.plans} == {"ingested", "unchanged"}
    ds = open_dataset(store)
    assert set(named_graph(ds, plan_graph_iri("003_fcf3e25466826abb"))) == other
    graph = named_graph(ds, plan_graph_iri("000_70211efbcc79a593"))
    leads = {str(o) for o in graph.objects(None, URIRef("https://w3id.org/dcs-kg/ontology#leadAgency"))}
    # the changed plan was read again and its old graph replaced, not added to: the new lead
    # is there and the old one is gone
    assert any(iri.endswith("/so-xay-dung") for iri in leads), leads
    assert not any(iri.endswith("/so-tai-chinh") for iri in leads), leads
    # the count the build keeps as it goes (the old graph's quads off, the new one's on) is the
    # store's own count
    assert report.triples == sum(1 for _ in ds.quads((None, None, None, None)))


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ("same size, same time", "unchanged"),  # known by its size and time: not even hashed
        ("same size, new time", "ingested"),  # hashed: the bytes differ, so it is read again
        ("same bytes, new time", "unchanged"),  # hashed: the bytes are the same
    ],
)
def test_a_file_is_known_unchanged_by_its_size_and_time_else_by_its_bytes(tmp_path, change, status):
    import os

    from dcskg.store import build, manifest

    plans = tmp_path / "plans"
    plans.mkdir()
    path = plans / "000_70211efbcc79a593.txt"
    shutil.copy(PLANS / path.name, path)
    an_hour_ago = time.time() - 3600
    os.utime(path, (an_hour_ago, an_hour_ago))
    store = tmp_path / "graph"
    build([plans], store, validate=None)
    assert manifest(store)["000_70211efbcc79a593"]["seen"] == [path.stat().st_size, path.stat().st_mtime_ns]
    text = path.read_text(encoding="utf-8")
    if change != "same bytes, new time":
        # one letter for another of the same length in UTF-8: "Sở Tài chính" -> "Sở Tài chínk"
        path.write_text(text.replace("Sở Tài chính", "Sở Tài chínk", 1), encoding="utf-8")
    os.utime(path, (an_hour_ago, an_hour_ago) if change == "same size, same time" else None)
    report = build([plans], store, validate=None)
    assert [p.status for p in report.plans] == [status]


def test_a_file_written_in_the_last_seconds_is_hashed_next_time(tmp_path):
    from dcskg.store import build, manifest

    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLANS / "000_70211efbcc79a593.txt", plans)
    store = tmp_path / "graph"
    build([plans], store, validate=None)
    # its time may not yet tell a next change apart (a coarse clock): no size and time kept
    assert manifest(store)["000_70211efbcc79a593"]["seen"] is None


def test_the_reference_graphs_are_added_again_only_when_the_ontology_or_rules_change(tmp_path, monkeypatch):
    import ontology
    from dcskg.store import build, open_dataset
    from ingest.to_rdf import ONTOLOGY_GRAPH

    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLANS / "000_70211efbcc79a593.txt", plans)
    store = tmp_path / "graph"
    build([plans], store, validate=None)
    changed = tmp_path / "dcs.ttl"
    marker = "<https://w3id.org/dcs-kg/ontology#Plan> <http://www.w3.org/2000/01/rdf-schema#comment> \"changed\" .\n"
    changed.write_text(ontology.ONTOLOGY_TTL.read_text(encoding="utf-8") + "\n" + marker, encoding="utf-8")
    monkeypatch.setattr(ontology, "ONTOLOGY_TTL", changed)
    (plans / "000_70211efbcc79a593.txt").touch()  # nothing else to read
    report = build([plans], store, validate=None)
    ontology_graph = {str(o) for _, _, o in named_graph_of(open_dataset(store), ONTOLOGY_GRAPH)}
    assert "changed" in ontology_graph
    assert report.triples == len(_quads(store))


def named_graph_of(ds, iri):
    from dcskg.store import named_graph

    return named_graph(ds, iri).triples((None, None, None))


@pytest.mark.parametrize("given", ["every file", "all but one"])
def test_under_new_rules_a_store_whose_every_plan_is_read_again_starts_empty(tmp_path, monkeypatch, given):
    import dcskg.generations as generations
    import dcskg.store as store_module
    from dcskg.store import build

    plans = tmp_path / "plans"
    plans.mkdir()
    names = ["000_70211efbcc79a593.txt", "001_eb4faafb2f2e4644.txt", "003_fcf3e25466826abb.txt"]
    for name in names:
        shutil.copy(PLANS / name, plans)
    store = tmp_path / "graph"
    build([plans], store, validate=None)
    before = _quads(store)
    decided: list[bool] = []
    real = store_module._all_read_again
    monkeypatch.setattr(store_module, "_all_read_again", lambda kept, files: decided.append(real(kept, files)) or decided[-1])
    monkeypatch.setattr(generations, "rules_fingerprint", lambda: "other rules")
    files = [plans / n for n in (names if given == "every file" else names[:2])]
    report = build(files, store, validate=None)
    assert [p.status for p in report.plans] == ["ingested"] * len(files)
    # every file given: nothing of the old store is kept, so the new one starts empty; one left
    # out: its plan stays, so the store is copied and the plans read are replaced in it
    assert decided == [given == "every file"]
    # every plan's graph as it was (the rules' change here changes no reading); the statistics
    # of a plan not read again are dropped with the totals counted under the old rules
    stats = URIRef("https://w3id.org/dcs-kg/id/graph/stats")
    assert {q for q in _quads(store) if q[3] != stats} == {q for q in before if q[3] != stats}
    assert report.triples == len(_quads(store))


def test_validate_reports_a_task_without_plan(seed_ds):
    from rdflib import RDF, Graph, Literal

    from dcskg.validate import validate_dataset
    from ontology import DCS

    g = Graph()
    for s, p, o, _ in seed_ds.quads((None, None, None, None)):
        g.add((s, p, o))
    orphan = URIRef("https://example.org/orphan-task")
    g.add((orphan, RDF.type, DCS.Task))
    g.add((orphan, DCS.path, Literal("IX.9")))
    problems = validate_dataset(g)
    assert any("orphan-task" in p and "must belong to exactly one document" in p for p in problems)


def _capture_views(calls: list):
    def validate(view):
        calls.append(view)
        return []

    return validate


def test_build_validates_the_new_plans_graphs_with_the_types_of_what_they_share(tmp_path):
    """What a build hands the validator: each new plan's own graph and the rdf:type of the shared
    nodes it uses (agencies, places, cited documents) — not plans read before, not the types of
    nodes only they use, not the shared graph's other facts (pyshacl reads the view, so a view
    too wide is slow and one too narrow misses)."""
    from rdflib import RDF

    from dcskg.store import build, named_graph, open_dataset

    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLANS / "000_70211efbcc79a593.txt", plans)
    store = tmp_path / "graph"
    build([plans], store, validate=None)
    shutil.copy(PLANS / "003_fcf3e25466826abb.txt", plans)
    views: list = []
    build([plans], store, validate=_capture_views(views))
    (view,) = views
    ds = open_dataset(store)
    new = set(named_graph(ds, plan_graph_iri("003_fcf3e25466826abb")))
    old = set(named_graph(ds, plan_graph_iri("000_70211efbcc79a593")))
    common = set(named_graph(ds, COMMON_GRAPH))
    assert new <= set(view)  # the new plan whole
    assert not (old - new - common) & set(view)  # nothing only the earlier plan says
    used = {x for s, _, o in new for x in (s, o)}
    shared = {t for t in common if t[1] == RDF.type and t[0] in used}
    assert shared and shared <= set(view)  # the types of the shared nodes it uses …
    only_before = {t for t in common if t[1] == RDF.type and t[0] not in used}
    assert only_before and not only_before & set(view)  # … not of those only the earlier plan uses
    assert not {t for t in common - new if t[1] != RDF.type} & set(view)  # … and nothing else of them


@pytest.mark.parametrize("limit,validated", [(2, None), (1, 1)])
def test_above_the_limit_a_fixed_sample_of_the_new_plans_is_validated(tmp_path, monkeypatch, limit, validated):
    import dcskg.store as store_module

    monkeypatch.setattr(store_module, "VALIDATE_ALL_UP_TO", limit)
    monkeypatch.setattr(store_module, "VALIDATION_SAMPLE", 1)
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("000_70211efbcc79a593.txt", "003_fcf3e25466826abb.txt"):
        shutil.copy(PLANS / name, plans)
    views: list = []
    report = store_module.build([plans], tmp_path / "graph", validate=_capture_views(views))
    ds = store_module.open_dataset(tmp_path / "graph")
    in_view = [k for k in ("000_70211efbcc79a593", "003_fcf3e25466826abb") if set(store_module.named_graph(ds, plan_graph_iri(k))) <= set(views[0])]
    assert report.validated_sample == validated
    assert len(in_view) == (2 if validated is None else 1)  # two new plans at a limit of two are all checked


def test_the_build_table_names_each_plan_and_counts_what_was_read_an_unchanged_one_from_the_manifest(tmp_path, monkeypatch):
    import dcskg.store
    from dcskg.store import build
    from ingest.pipeline import extract

    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("000_70211efbcc79a593.txt", "002_740ba232e0108bc4.txt"):
        shutil.copy(PLANS / name, plans)
    store = tmp_path / "graph"
    names = {  # as the seeds' headers say
        "000_70211efbcc79a593.txt": ("Kế hoạch — Ủy ban nhân dân tỉnh Vĩnh Long, 2026", ["47/2025/NQ-HĐND"]),
        "002_740ba232e0108bc4.txt": ("Kế hoạch — Ủy ban nhân dân huyện Vĩnh Linh, 01/2025", ["18/KH-UBND"]),
    }
    counts = {}
    for name in names:
        ex = extract(plans / name)
        counts[name] = (len(ex.tasks), len({n for t in ex.tasks for n in (*t.lead, *t.support)}), len(ex.agencies), len(ex.legal_refs), len(ex.warnings))
    read: list[str] = []
    real_read_all = dcskg.store._read_all

    def reading(files, workers):
        read.extend(Path(f).name for f in files)
        return real_read_all(files, workers)

    monkeypatch.setattr(dcskg.store, "_read_all", reading)
    for status in ("ingested", "unchanged"):
        read.clear()
        started = time.perf_counter()
        report = build([plans], store)
        assert 0 < report.seconds <= time.perf_counter() - started  # the time the table reports is this build's
        rows = {Path(p.source).name: (p.status, p.summary["name"], p.summary["implements"],
                                      tuple(p.summary[k] for k in ("tasks", "with_role", "agencies", "refs", "warnings"))) for p in report.plans}
        assert rows == {name: (status, *names[name], counts[name]) for name in names}
        # an unchanged file is known by its bytes and not read again
        assert sorted(read) == (sorted(names) if status == "ingested" else [])


def test_two_files_that_name_one_plan_the_second_is_refused_naming_both(tmp_path):
    from dcskg.store import build

    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(PLANS / "002_740ba232e0108bc4.txt", first / "kế hoạch A.txt")
    shutil.copy(PLANS / "003_fcf3e25466826abb.txt", first / "ke_hoach_a.txt")
    store = tmp_path / "graph"
    report = build([first], store)
    rows = {Path(p.source).name: (p.status, p.error) for p in report.plans}
    assert rows["ke_hoach_a.txt"] == ("ingested", None)
    status, error = rows["kế hoạch A.txt"]
    assert status == "failed" and "kế hoạch A.txt" in error and str(first / "ke_hoach_a.txt") in error and "'ke-hoach-a'" in error
    # … and in a later build, against the file the store already holds for that plan
    later = tmp_path / "later"
    later.mkdir()
    shutil.copy(PLANS / "004_9fd1b90b08d6ae98.txt", later / "Kế hoạch a.txt")
    [row] = build([later], store).plans
    assert row.status == "failed" and str(first / "ke_hoach_a.txt") in row.error


def test_a_shared_node_keeps_one_name_per_language_and_every_language_it_has(seed_ds):
    """Plans that spell one body differently give it one skos:prefLabel per language (SKOS allows
    no more); the others become altLabels. A name in English beside the Vietnamese one is no
    second spelling."""
    from collections import Counter

    from rdflib.namespace import SKOS

    labels = Counter((s, o.language) for s, _, o, _ in seed_ds.quads((None, SKOS.prefLabel, None, COMMON_GRAPH)))
    assert labels and max(labels.values()) == 1
    unknown = URIRef("https://w3id.org/dcs-kg/id/place/unknown")
    assert {o.language for o in seed_ds.objects(unknown, SKOS.prefLabel)} == {"vi", "en"}
    assert not list(seed_ds.objects(unknown, SKOS.altLabel))
    # a body some plan spells otherwise keeps the first spelling and files the other as an alternative
    alternatives = {s for s, _, _, _ in seed_ds.quads((None, SKOS.altLabel, None, COMMON_GRAPH)) if "/agency/" in str(s)}
    assert alternatives and all(labels[(s, "vi")] == 1 for s in alternatives)


_SMALL_PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nSố: {n}/KH-UBND\n\nNghệ An, ngày 05 tháng 11 năm 2025\n\nKẾ HOẠCH\n\n"
               "Thực hiện Quy chế dân chủ ở cơ sở\n\nII. TỔ CHỨC THỰC HIỆN\n\n1. {body} chủ trì tổ chức hội nghị đối thoại.\n")


def test_a_body_a_later_build_spells_otherwise_keeps_the_name_the_store_holds(tmp_path):
    from rdflib.namespace import SKOS

    from dcskg.store import build, open_dataset

    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.txt").write_text(_SMALL_PLAN.format(n=12, body="Ban Quản lý Khu kinh tế Đông Nam"), encoding="utf-8")
    build([plans], tmp_path / "graph")
    (plans / "b.txt").write_text(_SMALL_PLAN.format(n=13, body="Ban Quản lý khu Kinh tế Đông Nam"), encoding="utf-8")
    build([plans], tmp_path / "graph")
    ds = open_dataset(tmp_path / "graph")
    body = URIRef("https://w3id.org/dcs-kg/id/agency/nghe-an/ban-quan-ly-khu-kinh-te-dong-nam")
    assert [str(o) for o in ds.objects(body, SKOS.prefLabel)] == ["Ban Quản lý Khu kinh tế Đông Nam"]
    assert [str(o) for o in ds.objects(body, SKOS.altLabel)] == ["Ban Quản lý khu Kinh tế Đông Nam"]


def test_the_graph_files_are_written_beside_a_small_store_unless_the_build_says_not(tmp_path):
    """A small graph is dumped to graph.trig and graph.ttl after its build; `export_graph=False`
    (a build that will be exported on demand) writes neither, and the report says which."""
    from dcskg.store import build

    default, declined = tmp_path / "default", tmp_path / "declined"
    shown = build([PLANS], default)
    quiet = build([PLANS], declined, export_graph=False)
    assert shown.exported and (default / "graph.trig").is_file() and (default / "graph.ttl").is_file()
    assert not quiet.exported and not (declined / "graph.trig").exists() and not (declined / "graph.ttl").exists()
    # the report names the store it built, as the CLI prints it
    assert shown.store == str(default) and quiet.store == str(declined)


def test_a_bulk_load_is_compacted_and_a_small_change_is_not(tmp_path, two_plans, monkeypatch):
    """A build from nothing (or of many plans) compacts the database before it becomes current —
    at 10,000 plans the listings read 2-4 times faster after it; one changed plan does not pay
    for compacting the whole store."""
    from dcskg import generations
    from dcskg.store import build

    compacted: list[object] = []
    real = generations.compact
    monkeypatch.setattr(generations, "compact", lambda inner: (compacted.append(inner), real(inner)))
    store = tmp_path / "graph"
    build([two_plans], store)
    assert len(compacted) == 1
    path = two_plans / "003_fcf3e25466826abb.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("trước ngày 10 tháng 11", "trước ngày 20 tháng 10"), encoding="utf-8")
    report = build([two_plans], store)
    assert sum(p.status == "ingested" for p in report.plans) == 1 and len(compacted) == 1
    assert len(_quads(store)) > 0
