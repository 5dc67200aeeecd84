"""What one plan adds to the statistics: its *contribution*, read from its triples (its own graph
and what it adds to the common one) — tasks led and supported per agency, per lead–support pair,
per measure, per timeframe kind, its summary. JSON-able, kept beside the database with the
running totals (`dcskg.tally`).

This module is hashed into the rules' fingerprint (`dcskg.manifest`): a change of what a plan
contributes re-reads every plan. The rest of the statistics (`stats`, `tally`) is not, so
changing how totals are kept or written never forces a re-read.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from rdflib import RDF, SKOS, URIRef
from rdflib.namespace import ORG

from ingest.rules import measures
from ingest.to_rdf import RELATION_PROPERTY, vocabulary
from ontology import ELI
from ontology.namespace import DCS
from queries.lookup import loose

DOCUMENT_LINKS = set(RELATION_PROPERTY.values())
SEP = "\u241f"  # joins the parts of a key in JSON (a character no name contains)


@cache
def notations() -> dict[URIRef, str]:
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
    notation = notations()

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
        "said": _said(by_subject, in_plan, vi_label),
    }


def _said(by_subject: dict, in_plan: dict, vi_label) -> dict[str, list]:
    """What search reads of the plan (`queries.text_index`): each task's file, path, first line,
    text, leads and supports (as the task table shows them), and each document's title, each
    text with its folded form — folded here, in the process that read the plan, not in the one
    that loads every plan (where folding was a sixth of its work)."""
    tasks = []
    for t, doc in in_plan.items():
        source, text = _first(by_subject, doc, DCS.sourceFile), _first(by_subject, t, DCS.text)
        span = _first(by_subject, t, DCS.source)
        line = _first(by_subject, span, DCS.lineStart) if span is not None else None
        if source is None or text is None or line is None or DCS.Task not in by_subject[t].get(RDF.type, ()):
            continue
        leads, supports = ("; ".join(sorted({vi_label(a) or "" for a in by_subject[t].get(p, [])} - {""})) for p in (DCS.leadAgency, DCS.supportAgency))
        tasks.append([Path(str(source)).name, str(_first(by_subject, t, DCS.path) or ""), int(line), str(text), leads, supports, loose(str(text))])
    titles = [[Path(str(ps[DCS.sourceFile][0])).name, str(ps[ELI.title][0]), loose(str(ps[ELI.title][0]))] for ps in by_subject.values() if DCS.sourceFile in ps and ELI.title in ps and DCS.promulgatedBy not in ps]
    return {"tasks": sorted(tasks), "titles": sorted(titles)}


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
