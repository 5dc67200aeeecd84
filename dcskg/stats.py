"""Statistics written at build time: the aggregations analysts ask most, as W3C RDF Data Cube
observations in their own named graph (`graph/stats`), so a question over 10,000 plans reads a
few thousand observations instead of grouping millions of facts.

Each plan's triples give its *contribution* (what it adds to every total: tasks led and
supported per agency, per agency name, per lead–support pair, per measure, its summary); this
module reads contributions and says what an observation is. The totals are running sums kept
beside the database (`dcskg.tally`): a build or a remove takes a changed plan's old
contribution out, puts its new one in, and rewrites only the observations that moved.

The datasets, and the raw-fact queries they equal, are listed in `dcskg.tally`.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, SKOS, XSD, URIRef
from rdflib.namespace import ORG, QB

from ingest.rules import measures
from ingest.to_rdf import BASE, COMMON_GRAPH, RELATION_PROPERTY, vocabulary
from ontology.namespace import DCS

STATS_GRAPH = URIRef(BASE + "graph/stats")
DOCUMENT_LINKS = set(RELATION_PROPERTY.values())
SEP = "\u241f"  # joins the parts of a key in JSON (a character no name contains)


@cache
def _notations() -> dict[URIRef, str]:
    return {URIRef(str(s)): str(o) for s, o in vocabulary().subject_objects(SKOS.notation)}


def _first(by_subject: dict, s, p):
    """The first value of `p` on `s` among a plan's triples grouped by subject, or None."""
    values = by_subject.get(s, {}).get(p)
    return values[0] if values else None


def contribution(triples: Iterable[tuple]) -> dict:
    """What one plan's triples (its own graph and what it adds to the common one) add to the
    totals; JSON-able, so it can be kept beside the database. Tasks and plans are numbered
    within the plan: totals by agency name count a task led by two bodies of one name once."""
    by_subject: dict = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        by_subject[s][p].append(o)
    notation = _notations()

    def vi_label(s):
        labels = by_subject.get(s, {}).get(SKOS.prefLabel, [])
        return next((str(x) for x in labels if getattr(x, "language", None) == "vi"), str(labels[0]) if labels else None)

    in_plan = {s: ps[DCS.inPlan][0] for s, ps in by_subject.items() if DCS.inPlan in ps}
    task_no = {t: i for i, t in enumerate(sorted(in_plan))}
    plan_no = {p: i for i, p in enumerate(sorted(set(in_plan.values())))}
    roles: dict[str, list[list[int]]] = {}  # agency -> [tasks led, tasks supported, plans]
    pairs: dict[str, list[set[int]]] = defaultdict(lambda: [set(), set()])  # "lead␟support" agencies -> tasks, plans
    described: dict[str, list] = {}
    for t, plan in in_plan.items():
        leads = set(by_subject[t].get(DCS.leadAgency, []))
        supports = set(by_subject[t].get(DCS.supportAgency, []))
        for role, agencies in ((0, leads), (1, supports)):
            for a in agencies:
                entry = roles.setdefault(str(a), [[], [], []])
                entry[role].append(task_no[t])
                if plan_no[plan] not in entry[2]:
                    entry[2].append(plan_no[plan])
                if str(a) not in described:
                    place, kind = _first(by_subject, a, DCS.jurisdiction), _first(by_subject, a, ORG.classification)
                    described[str(a)] = [vi_label(a), notation.get(kind) if kind is not None else None, vi_label(place) if place is not None else None]
        for lead in leads:
            for support in supports:
                if lead != support:
                    pair = pairs[SEP.join((str(lead), str(support)))]
                    pair[0].add(task_no[t])
                    pair[1].add(plan_no[plan])
    return {
        "roles": roles,
        "described": described,
        "pairs": {k: [sorted(tasks), sorted(plans)] for k, (tasks, plans) in pairs.items()},
        "plans": _plan_summaries(by_subject, in_plan, notation),
        "timeframes": _timeframe_counts(by_subject, in_plan, notation),
    }


def _plan_summaries(by_subject: dict, in_plan: dict, notation: dict) -> dict[str, dict]:
    """Per document read: its file, its tasks per measure, and the counts its summary shows."""
    plans: dict[str, dict] = {}
    codes = sorted(m.id for m in measures())
    for s, ps in by_subject.items():
        if DCS.Plan not in ps.get(RDF.type, ()) or DCS.sourceFile not in ps:
            continue
        own_tasks = [t for t in in_plan if in_plan[t] == s]
        coverage = {m: 0 for m in codes}
        for t in own_tasks:
            for m in set(by_subject[t].get(DCS.measure, [])):
                code = notation.get(m)
                if code in coverage:
                    coverage[code] += 1
        with_role = {a for t in own_tasks for a in (*by_subject[t].get(DCS.leadAgency, []), *by_subject[t].get(DCS.supportAgency, []))}
        documents = {o for p in DOCUMENT_LINKS for o in ps.get(p, [])}
        own = set(own_tasks)
        reporting = {r for r, rps in by_subject.items() if any(x in own for x in rps.get(DCS.forTask, []))}
        plans[str(s)] = {
            "file": Path(str(ps[DCS.sourceFile][0])).name,
            "measures": coverage,
            "summary": [len(own_tasks), len(with_role), len(documents), len(reporting), len(set(ps.get(DCS.warning, [])))],
        }
    return plans


def _timeframe_counts(by_subject: dict, in_plan: dict, notation: dict) -> dict[str, dict[str, int]]:
    """Tasks per timeframe kind, per file of any document read (a resolution's tasks too)."""
    timeframes: dict[str, dict[str, int]] = {}
    for t, doc in in_plan.items():
        source = _first(by_subject, doc, DCS.sourceFile)
        if source is None or RDF.type not in by_subject[t] or DCS.Task not in by_subject[t][RDF.type]:
            continue
        kinds = {notation.get(k) for k in by_subject[t].get(DCS.timeframeKind, [])} - {None} or {"none"}
        counts = timeframes.setdefault(Path(str(source)).name, {})
        for kind in kinds:
            if kind is not None:
                counts[kind] = counts.get(kind, 0) + 1
    return timeframes


def observation_iri(dataset: str, *parts: str) -> str:
    digest = hashlib.sha1(SEP.join(parts).encode("utf-8")).hexdigest()[:20]
    return f"{BASE}stats/{dataset}/{digest}"


def observation_values(dataset: URIRef, **values) -> list[tuple[URIRef, object]]:
    """An observation's (property, value) pairs: its dataset and the dcs: properties given
    (a value left None is left out)."""
    return [(QB.dataSet, dataset), *((DCS[k], v) for k, v in values.items() if v is not None)]


def to_term(value) -> ox.NamedNode | ox.Literal:
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, bool):
        raise TypeError("no booleans in observations")
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(str(XSD.integer)))
    return ox.Literal(str(value))


def describe(inner: ox.Store, agencies: Iterable[str]) -> dict[str, list]:
    """Agency -> [name, kind code, place name] as the store's common graph states them."""
    common = ox.NamedNode(str(COMMON_GRAPH))
    label, classification, jurisdiction = (ox.NamedNode(str(p)) for p in (SKOS.prefLabel, ORG.classification, DCS.jurisdiction))
    notation = {str(k): v for k, v in _notations().items()}

    def one(s, p):
        return next((q.object for q in inner.quads_for_pattern(s, p, None, common)), None)

    def vi(s):
        values = [q.object for q in inner.quads_for_pattern(s, label, None, common)]
        chosen = next((v for v in values if v.language == "vi"), values[0] if values else None)
        return None if chosen is None else chosen.value

    out = {}
    for a in agencies:
        node = ox.NamedNode(a)
        name = vi(node)
        if name is None:
            continue  # not in the store: the plan's own description stands in
        kind, place = one(node, classification), one(node, jurisdiction)
        out[a] = [name, notation.get(kind.value) if kind is not None else None, vi(place) if place is not None else None]
    return out
