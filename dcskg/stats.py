"""Statistics written at build time: the aggregations analysts ask most, as W3C RDF Data Cube
observations in their own named graph (`graph/stats`), so a question over 10,000 plans reads a
few thousand observations instead of grouping millions of facts.

Each plan's triples give its *contribution* (what it adds to every total: tasks led and
supported per agency, per agency name, per lead–support pair, per measure, its summary); the
totals are sums of contributions, so a build or a remove recomputes only what changed plans
touch. The contributions and a digest of every observation live beside the database
(`stats.json` in the generation folder); an observation is rewritten only when its digest
changes.

Datasets (ontology: dcs:AgencyLoadData …) and the raw-fact queries they equal
(queries/facts/*.rq; a test holds them equal, also after remove and an incremental rebuild):

- AgencyLoadData — per agency: tasks led, supported, plans (agency_lead_load);
- KindLoadData — per agency name and kind across places: tasks led, supported, plans, places
  (agency_kind_load);
- CoordinationData — per lead–support pair of names: shared tasks and plans
  (agency_coordination, agency_partners);
- MeasureCoverageData — per plan and measure category, zeros included: tasks
  (measure_coverage, measure_gaps);
- PlanSummaryData — per plan: tasks, agencies, documents, reporting duties, warnings
  (plan_summary);
- TimeframeProfileData — per document file and timeframe kind ("none" for none): tasks
  (timeframe_profile).
"""
from __future__ import annotations

import hashlib
import json
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
STATS_FILE = "stats.json"
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


def _iri(dataset: str, *parts: str) -> str:
    digest = hashlib.sha1(SEP.join(parts).encode("utf-8")).hexdigest()[:20]
    return f"{BASE}stats/{dataset}/{digest}"


def _observation(dataset: URIRef, **values) -> list[tuple[URIRef, object]]:
    """An observation's (property, value) pairs: its dataset and the dcs: properties given
    (a value left None is left out)."""
    return [(QB.dataSet, dataset), *((DCS[k], v) for k, v in values.items() if v is not None)]


def observations(contributions: dict[str, dict], described: dict[str, list] | None = None) -> dict[str, list[tuple[URIRef, object]]]:
    """Observation IRI -> its (property, value) pairs, summed over every plan's contribution.

    `described`: agency -> [name, kind code, place name] as the graph states them (the first
    plan to name a body gives its label: one prefLabel per body); a plan's own description
    stands in for an agency missing there."""
    described = dict(described or {})
    for c in contributions.values():
        for a, d in c["described"].items():
            described.setdefault(a, d)
    agency: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    kind: dict[tuple, list] = defaultdict(lambda: [0, 0, 0, set()])
    pairs: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    coverage: dict[tuple[str, str], int] = defaultdict(int)
    timeframe: dict[tuple[str, str], int] = defaultdict(int)
    out: dict[str, list[tuple[URIRef, object]]] = {}
    for c in contributions.values():
        # within a plan, sets: a task led by two bodies of one name counts once for the name
        by_name: dict[tuple, list[set]] = defaultdict(lambda: [set(), set(), set()])
        for a, counted in c["roles"].items():
            agency[a] = [total + len(numbers) for total, numbers in zip(agency[a], counted)]
            name, kind_code, _ = described[a]
            if name is not None:
                for group, numbers in zip(by_name[(name, kind_code)], counted):
                    group.update(numbers)
                kind[(name, kind_code)][3].add(a)
        for k, sets in by_name.items():
            kind[k][:3] = [total + len(numbers) for total, numbers in zip(kind[k], sets)]
        by_pair: dict[tuple, list[set]] = defaultdict(lambda: [set(), set()])
        for k, counted in c["pairs"].items():
            names = tuple(described[a][0] for a in k.split(SEP))
            if None not in names:
                for group, numbers in zip(by_pair[names], counted):
                    group.update(numbers)
        for names, sets in by_pair.items():
            pairs[names] = [total + len(numbers) for total, numbers in zip(pairs[names], sets)]
        for plan, p in c["plans"].items():
            for code, n in p["measures"].items():
                # one observation per file and measure: a decision and the plan it promulgates
                # are counted together, as the plan's file
                coverage[(p["file"], code)] += n
            tasks, agencies, documents, reporting, warnings = p["summary"]
            out[_iri("plan-summary", plan)] = _observation(
                DCS.PlanSummaryData, observedPlan=URIRef(plan), fileName=p["file"], taskCount=tasks, agencyCount=agencies,
                documentCount=documents, reportingCount=reporting, warningCount=warnings,
            )
        for file, counts in c["timeframes"].items():
            for code, n in counts.items():
                timeframe[(file, code)] += n
    for (file, code), n in timeframe.items():
        out[_iri("timeframe-profile", file, code)] = _observation(DCS.TimeframeProfileData, fileName=file, timeframeCode=code, taskCount=n)
    for (file, code), n in coverage.items():
        out[_iri("measure-coverage", file, code)] = _observation(DCS.MeasureCoverageData, fileName=file, measureCode=code, taskCount=n)
    out.update(_load_observations(agency, kind, pairs, described))
    return out


def _load_observations(agency: dict, kind: dict, pairs: dict, described: dict) -> dict[str, list[tuple[URIRef, object]]]:
    """The observations of load: per agency, per name and kind across places, per lead–support pair."""
    out: dict[str, list[tuple[URIRef, object]]] = {}
    for a, (led, supported, plans) in agency.items():
        name, kind_code, place = described[a]
        if name is not None:
            out[_iri("agency-load", a)] = _observation(
                DCS.AgencyLoadData, observedAgency=URIRef(a), agencyName=name, leadCount=led, supportCount=supported,
                planCount=plans, kindCode=kind_code, placeName=place,
            )
    for (name, kind_code), (led, supported, plans, members) in kind.items():
        out[_iri("kind-load", name, kind_code or "")] = _observation(
            DCS.KindLoadData, agencyName=name, leadCount=led, supportCount=supported, planCount=plans, placeCount=len(members), kindCode=kind_code or None,
        )
    for (lead, support), (tasks, plans) in pairs.items():
        out[_iri("coordination", lead, support)] = _observation(DCS.CoordinationData, leadName=lead, supportName=support, taskCount=tasks, planCount=plans)
    return out


def _term(value) -> ox.NamedNode | ox.Literal:
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, bool):
        raise TypeError("no booleans in observations")
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(str(XSD.integer)))
    return ox.Literal(str(value))


def _digest(values: list[tuple[URIRef, object]]) -> str:
    return hashlib.sha1(repr(sorted((str(p), str(v)) for p, v in values)).encode("utf-8")).hexdigest()[:16]


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


def refresh(inner: ox.Store, contributions: dict[str, dict], digests: dict[str, str], described: dict[str, list] | None = None) -> dict[str, str]:
    """Bring the stats graph in `inner` to the totals of `contributions`, touching only the
    observations whose values changed; returns the new digests."""
    graph = ox.NamedNode(str(STATS_GRAPH))
    wanted = observations(contributions, described)
    new_digests = {iri: _digest(values) for iri, values in wanted.items()}
    stale = [iri for iri, d in digests.items() if new_digests.get(iri) != d]
    for iri in stale:
        for q in list(inner.quads_for_pattern(ox.NamedNode(iri), None, None, graph)):
            inner.remove(q)
    rdf_type, observation = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(QB.Observation))
    quads = []
    for iri, values in wanted.items():
        if digests.get(iri) == new_digests[iri]:
            continue
        s = ox.NamedNode(iri)
        quads.append(ox.Quad(s, rdf_type, observation, graph))
        quads += [ox.Quad(s, ox.NamedNode(str(p)), _term(v), graph) for p, v in values]
    if quads:
        inner.extend(quads)
    return new_digests


def read_sidecar(folder: Path | None) -> dict:
    path = None if folder is None else folder / STATS_FILE
    if path is None or not path.exists():
        return {"contributions": {}, "digests": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def write_sidecar(folder: Path, sidecar: dict) -> None:
    (folder / STATS_FILE).write_text(json.dumps(sidecar, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
