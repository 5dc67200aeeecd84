"""The statistics written at build time answer exactly what the raw facts answer: on the seeds,
on a synthetic corpus, after a plan is removed and after one is changed and rebuilt."""
from __future__ import annotations

import shutil
from pathlib import Path

from gold import PLANS
from twin_communes import write_twin_communes

from dcskg.manifest import read_totals
from dcskg.store import build, named_graph, open_dataset, remove
from queries.runner import facts, library, run, run_query

STATISTICS_BACKED = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "queries" / "facts").glob("*.rq"))


def _answer(query, ds, params) -> list[tuple]:
    rows = run(query, ds, **params)
    return sorted(tuple("" if r.get(v) is None else str(r.get(v)) for v in rows.vars) for r in rows)


def assert_statistics_equal_facts(store: Path) -> int:
    ds = open_dataset(store)
    compared = 0
    for name in STATISTICS_BACKED:
        q = library()[name]
        params = {p.name: p.example for p in q.params}
        stats, raw = _answer(q, ds, params), _answer(facts(name), ds, params)
        assert stats == raw, name
        compared += len(raw)
    return compared


def assert_network_equal_assignments(store: Path) -> int:
    """The network of every plan drawn from the statistics is the one the assignments draw:
    every agency (or name) with its load, every link with its weight."""
    from queries import network as nw

    ds = open_dataset(store)
    compared = 0
    places = sorted({r["place"] for r in run_query("agency_lead_load", ds).rows if r["place"]})
    for place, by_kind in ((None, False), (None, True), (places[0], False)):
        counted = nw.counted_graph(ds, place, by_kind)
        drawn = nw.agency_graph(nw.assignments(ds, None, place), by_kind=by_kind)
        attributes = ("label", "kind", "generic", "led", "supported", "plans") + (() if by_kind else ("places",))
        assert {n: tuple(d[a] for a in attributes) for n, d in counted.nodes(data=True)} == {
            n: tuple(d[a] for a in attributes) for n, d in drawn.nodes(data=True)
        }, (place, by_kind)
        assert {(a, b, d["weight"]) for a, b, d in counted.edges(data=True)} == {(a, b, d["weight"]) for a, b, d in drawn.edges(data=True)}
        compared += counted.number_of_edges()
    return compared


def test_every_statistics_query_has_a_raw_twin_with_the_same_columns():
    from rdflib.plugins.sparql import prepareQuery

    assert set(STATISTICS_BACKED) >= {"agency_lead_load", "agency_kind_load", "agency_coordination", "agency_partners", "measure_coverage", "measure_gaps", "plan_summary"}
    for name in STATISTICS_BACKED:
        columns = [str(v) for v in prepareQuery(library()[name].text).algebra["PV"]]
        assert columns == [str(v) for v in prepareQuery(facts(name).text).algebra["PV"]], name
        assert "graph/stats" in library()[name].text and "graph/stats" not in facts(name).text


def test_statistics_equal_the_facts_on_the_seeds(seed_store):
    assert assert_statistics_equal_facts(seed_store) > 100
    # enough links that the comparison says something (49 since session 58's catch-all groups)
    assert assert_network_equal_assignments(seed_store) > 40


def test_statistics_follow_remove_and_incremental_rebuild(tmp_path):
    from benchmarks.generate import generate

    corpus = tmp_path / "plans"
    generate(30, corpus)
    for f in sorted(PLANS.glob("*.txt"))[:4]:
        shutil.copy(f, corpus / f.name)
    # two communes whose names differ by a tone: their same-named offices once shared one IRI
    write_twin_communes(corpus)
    store = tmp_path / "graph"
    build([corpus], store, validate=None)
    before = assert_statistics_equal_facts(store)
    assert before > 300
    # a plan removed: its tasks leave every total
    victim = sorted(PLANS.glob("*.txt"))[0].stem
    assert remove(victim, store)
    assert assert_statistics_equal_facts(store) < before
    assert read_totals(store)["quads"] == _count(store)  # kept by counting what changed
    # a plan changed and rebuilt: only it is read again, the totals follow
    changed = corpus / sorted(PLANS.glob("*.txt"))[3].name
    text = changed.read_text(encoding="utf-8")
    assert "Sở Tư pháp" in text
    changed.write_text(text.replace("Sở Tư pháp", "Sở Nội vụ"), encoding="utf-8")
    report = build([corpus], store, validate=None)
    statuses = {Path(p.source).name: p.status for p in report.plans}
    assert statuses[changed.name] == "ingested" and statuses[f"{victim}.txt"] == "ingested"
    assert sum(s == "unchanged" for s in statuses.values()) == len(statuses) - 2
    assert_statistics_equal_facts(store)
    assert_network_equal_assignments(store)
    assert report.triples == read_totals(store)["quads"] == _count(store)
    # the running totals end where a build from nothing ends: no observation left behind
    fresh = tmp_path / "fresh"
    build([corpus], fresh, validate=None)
    kept, rebuilt = _statistics_graph(store), _statistics_graph(fresh)
    assert len(kept) > 300 and kept == rebuilt


def _count(store: Path) -> int:
    import pyoxigraph as ox

    from dcskg.store import db_path

    return len(ox.Store.read_only(str(db_path(store))))


def _statistics_graph(store: Path) -> set[tuple]:
    from dcskg.stats import STATS_GRAPH

    ds = open_dataset(store)
    return {tuple(map(str, t)) for t in named_graph(ds, STATS_GRAPH).triples((None, None, None))}


def test_statistics_equal_the_facts_on_real_documents(tmp_path):
    """Real plans spell one body two ways ("Ban Quản lý Khu kinh tế" / "… khu Kinh tế", one
    IRI): the body keeps the first plan's name as its prefLabel, so it is one row in the
    facts and one observation in the statistics."""
    real = Path(__file__).resolve().parents[1] / "data" / "real"
    store = tmp_path / "graph"
    build([real, real / "other"], store, validate=None)
    assert assert_statistics_equal_facts(store) > 500
    assert assert_network_equal_assignments(store) > 500
    ds = open_dataset(store)
    labels = ds.query("""SELECT ?a (COUNT(?l) AS ?n) WHERE { ?a a <http://www.w3.org/ns/org#Organization> ;
        <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } GROUP BY ?a HAVING (COUNT(?l) > 1)""")
    assert list(labels) == []
