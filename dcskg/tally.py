"""Running totals of the statistics, kept in SQLite beside the database, so a build or a remove
rewrites only the observations the changed plans touch.

A plan's contribution (`dcskg.contribution`) is stored when it is read; replacing it takes the
old one out of every total and puts the new one in, and only the observations whose totals
moved are rewritten in `graph/stats`. Re-summing every plan's contribution instead (what the
statistics did before) took 6 s at 10,000 plans for one changed plan, and kept every
contribution in memory for the whole build.

    total(dataset, key, a, b, c)   the sums: agency (led, supported, plans), kind (the same per
                                   name and kind), pair (tasks, plans, per pair of names), placed pair (the
                                   same per pair of names each with its place),
                                   link (the same per pair of agencies), coverage (tasks),
                                   file (plans read from the file), timeframe (tasks)
    member(name_kind, agency, n)   which bodies carry a name and kind (their count is its places)
    summary(plan, owner, body)     a plan's summary, as the plan key that gave it reads it
    described(agency, …)           the name, kind and place a body is counted under, fixed the
                                   first time it is counted (so taking a plan out subtracts
                                   exactly what putting it in added)
    contribution(plan_key, body)   each plan's contribution, to take out when it changes

A working generation owns its copy of the file, so no journal is kept: a failed build throws
the whole generation away.

Datasets (ontology: dcs:AgencyLoadData …) and the raw-fact queries they equal
(queries/facts/*.rq; a test holds them equal, also after remove and an incremental rebuild):

- AgencyLoadData — per agency: tasks led, supported, plans (agency_lead_load);
- KindLoadData — per agency name and kind across places: tasks led, supported, plans, places
  (agency_kind_load);
- CoordinationData — per lead–support pair of names: shared tasks and plans (the network by
  name);
- PlacedCoordinationData — the same per pair of names each with its place (agency_coordination,
  agency_partners: Sở Tư pháp of one province is not of another);
- AgencyLinkData — per lead–support pair of agencies: shared tasks and plans (network_links;
  the edges of the agency network);
- MeasureCoverageData — per plan and measure category, zeros included: tasks
  (measure_coverage, measure_gaps);
- PlanSummaryData — per plan: tasks, agencies, documents, reporting duties, warnings
  (plan_summary);
- TimeframeProfileData — per document file and timeframe kind ("none" for none): tasks
  (timeframe_profile).
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, URIRef
from rdflib.namespace import QB

from ontology.namespace import DCS
from queries import backend, kept, text_index

from . import stats
from .contribution import SEP
from .stats import STATS_GRAPH, observation_iri, observation_values, to_term

WRITE_BATCH = 100_000  # observation quads handed to Oxigraph at once
# what the totals hold: a new version recounts them from the kept contributions (the plans need
# not be read again, their contributions are those of today's rules)
TOTALS_VERSION = "3"  # 2: links between agencies (AgencyLinkData); 3: pairs by name and place

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS total(dataset TEXT, key TEXT, a INTEGER, b INTEGER, c INTEGER, PRIMARY KEY(dataset, key));
CREATE TABLE IF NOT EXISTS member(name_kind TEXT, agency TEXT, n INTEGER, PRIMARY KEY(name_kind, agency));
CREATE TABLE IF NOT EXISTS summary(plan TEXT PRIMARY KEY, owner TEXT, body TEXT);
CREATE TABLE IF NOT EXISTS described(agency TEXT PRIMARY KEY, name TEXT, kind TEXT, place TEXT);
CREATE TABLE IF NOT EXISTS contribution(plan_key TEXT PRIMARY KEY, body TEXT);
"""
_TABLES = ("total", "member", "summary", "described", "contribution")

Delta = dict[tuple[str, str], list[int]]


class Tally:
    """The totals of one generation's statistics. `path` None keeps them in memory (a remote
    build). A file kept with other rules is emptied: `reset` then tells `apply` to rewrite the
    statistics graph whole."""

    def __init__(self, path: Path | None, rules: str = ""):
        self.db = sqlite3.connect(":memory:" if path is None else str(path), isolation_level=None)
        self.path = path
        self.db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        # an index from before the kept answers: every plan it holds is described again, once
        self._describe_all = text_index.create(self.db)
        self.db.execute("BEGIN")
        meta = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        self.reset = meta.get("rules") != rules or meta.get("version") != TOTALS_VERSION
        self.added: dict[str, None] = {}  # keys whose new contribution awaits `apply`
        self._described: dict[str, list] = {}
        self._start_round()
        if self.reset:
            recount = meta.get("rules") == rules
            for table in _TABLES if not recount else _TABLES[:-1]:
                self.db.execute(f"DELETE FROM {table}")  # the names come from _TABLES
            if not recount:
                text_index.clear(self.db)  # every plan is read again; none removed meanwhile may stay
            self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [("rules", rules), ("version", TOTALS_VERSION)])
            self.added = dict.fromkeys(self.keys())  # kept contributions, counted again by `apply`

    def _start_round(self) -> None:
        """What the next `apply` writes: the totals that moved, the members of each name, the
        plans whose summary changed."""
        self.delta: Delta = defaultdict(lambda: [0, 0, 0])
        self.members: dict[tuple[str, str], int] = defaultdict(int)
        self.summaries: set[str] = set()

    def _kept(self, key: str) -> dict | None:
        """The contribution kept for the plan `key`, if any."""
        row = self.db.execute("SELECT body FROM contribution WHERE plan_key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def keys(self) -> set[str]:
        return {k for (k,) in self.db.execute("SELECT plan_key FROM contribution")}

    def replace(self, key: str, contribution: dict | None) -> None:
        """The plan `key` now contributes `contribution` (None: it is gone). The old one is
        taken out at once; the new one is counted by `apply`, when the store can name its bodies."""
        old = None if key in self.added else self._kept(key)  # one not yet counted is only overwritten
        # the texts go to the search index, which takes a plan's out by its key, not into the
        # kept contribution
        text_index.replace(self.db, key, None if contribution is None else contribution.get("said"))
        if old is not None:
            self._count(key, old, -1)
        if contribution is None:
            self.db.execute("DELETE FROM contribution WHERE plan_key = ?", (key,))
            self.added.pop(key, None)
            return
        counted = {k: v for k, v in contribution.items() if k != "said"}
        self.db.execute("INSERT OR REPLACE INTO contribution VALUES (?, ?)", (key, json.dumps(counted, ensure_ascii=False, separators=(",", ":"))))
        self.added[key] = None

    def apply(self, inner: ox.Store) -> int | None:
        """Count the new contributions, then rewrite the observations whose totals moved in the
        statistics graph of `inner`; returns how many quads that graph gained (negative: lost),
        None when it was rewritten whole."""
        for key in self.added:
            new = self._kept(key)
            if new is not None:
                self._count(key, new, +1, inner)
        if self._describe_all:
            kept.clear(self.db)
            text_index.describe(self.db, backend.dataset(inner), self.keys())
            kept.completed(self.db)
            self._describe_all = False
        else:
            text_index.describe(self.db, backend.dataset(inner), self.added)
        self.added = {}
        self._store_totals()
        graph = ox.NamedNode(str(STATS_GRAPH))
        if self.reset:
            inner.remove_graph(graph)
        written = _Writer(inner, graph, clear_first=not self.reset)
        for iri, values in self._observations():
            written.put(iri, values)
        written.flush()
        gained = None if self.reset else written.gained
        self.reset = False
        self._start_round()
        return gained

    def close(self, keep: bool = True) -> None:
        """Commit and close (the file is on disk when this returns); `keep` False only closes: a
        failed build's generation, this file with it, is thrown away."""
        if keep:
            self.db.execute("COMMIT")
        self.db.close()
        if keep and self.path is not None:
            fd = os.open(self.path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    # -- counting -----------------------------------------------------------------------

    def _description(self, agency: str, contribution: dict, inner: ox.Store | None) -> list | None:
        """[name, kind code, place name] a body is counted under: as first recorded; else as the
        store's common graph states it; else as the plan describes it (None: not yet known)."""
        if agency not in self._described:
            row = self.db.execute("SELECT name, kind, place FROM described WHERE agency = ?", (agency,)).fetchone()
            if row is None and inner is not None:
                row = stats.describe(inner, [agency]).get(agency) or contribution["described"].get(agency)
                if row is not None:
                    self.db.execute("INSERT INTO described VALUES (?, ?, ?, ?)", (agency, *row))
            if row is None:
                return None
            self._described[agency] = list(row)
        return self._described[agency]

    def _count(self, key: str, c: dict, sign: int, inner: ox.Store | None = None) -> None:
        """Add (sign +1) or take out (-1) one plan's contribution. Within a plan, sets: a task led
        by two bodies of one name counts once for the name."""
        by_name: dict[str, list[set]] = defaultdict(lambda: [set(), set(), set()])
        for a, counted in c["roles"].items():
            self._add("agency", a, [len(numbers) for numbers in counted], sign)
            name, kind, _ = self._description(a, c, inner) or (None, None, None)
            if name is not None:
                name_kind = SEP.join((name, kind or ""))
                for group, numbers in zip(by_name[name_kind], counted):
                    group.update(numbers)
                self.members[(name_kind, a)] += sign
        for name_kind, sets in by_name.items():
            self._add("kind", name_kind, [len(s) for s in sets], sign)
        by_pair: dict[tuple[str, str], list[set]] = defaultdict(lambda: [set(), set()])
        for pair, counted in c["pairs"].items():
            self._add("link", pair, [len(numbers) for numbers in counted], sign)
            described = [self._description(a, c, inner) or [None, None, None] for a in pair.split(SEP)]
            if all(name is not None for name, _, _ in described):
                names = SEP.join(name for name, _, _ in described)
                # and by each side's name and place: Sở Tư pháp of one province is not of another
                placed = SEP.join(part for name, _, place in described for part in (name, place or ""))
                for joined, dataset in ((names, "pair"), (placed, "placed pair")):
                    for group, numbers in zip(by_pair[(dataset, joined)], counted):
                        group.update(numbers)
        for (dataset, joined), sets in by_pair.items():
            self._add(dataset, joined, [len(s) for s in sets], sign)
        self._count_documents(key, c, sign)

    def _count_documents(self, key: str, c: dict, sign: int) -> None:
        """Per file: its plans, its tasks per measure and per timeframe kind; per plan, its summary.
        A decision and the plan it promulgates are counted together, as the plan's file."""
        for plan, p in c["plans"].items():
            self._add("file", p["file"], [1], sign)
            for code, n in p["measures"].items():
                self._add("coverage", SEP.join((p["file"], code)), [n], sign)
            if sign > 0:
                self.db.execute("INSERT OR REPLACE INTO summary VALUES (?, ?, ?)", (plan, key, json.dumps([p["file"], *p["summary"]], ensure_ascii=False)))
            else:
                self.db.execute("DELETE FROM summary WHERE plan = ? AND owner = ?", (plan, key))
            self.summaries.add(plan)
        for file, counts in c["timeframes"].items():
            for code, n in counts.items():
                self._add("timeframe", SEP.join((file, code)), [n], sign)

    def _add(self, dataset: str, key: str, values: list[int], sign: int) -> None:
        total = self.delta[(dataset, key)]
        for i, v in enumerate(values):
            total[i] += sign * v

    def _store_totals(self) -> None:
        self.db.executemany(
            "INSERT INTO total VALUES (?, ?, ?, ?, ?) ON CONFLICT(dataset, key) DO UPDATE SET a = a + excluded.a, b = b + excluded.b, c = c + excluded.c",
            [(d, k, *v) for (d, k), v in self.delta.items()],
        )
        self.db.executemany(
            "INSERT INTO member VALUES (?, ?, ?) ON CONFLICT(name_kind, agency) DO UPDATE SET n = n + excluded.n",
            [(*k, n) for k, n in self.members.items()],
        )
        self.db.execute("DELETE FROM member WHERE n = 0")
        self.db.execute("DELETE FROM total WHERE a = 0 AND b = 0 AND c = 0")

    # -- observations ---------------------------------------------------------------------

    def _total(self, dataset: str, key: str) -> tuple[int, int, int] | None:
        return self.db.execute("SELECT a, b, c FROM total WHERE dataset = ? AND key = ?", (dataset, key)).fetchone()

    def _observations(self):
        """(IRI, values or None when the observation is gone) for every total that moved."""
        for dataset, key in list(self.delta):
            yield from self._observation_of(dataset, key)
        for plan in self.summaries:
            row = self.db.execute("SELECT body FROM summary WHERE plan = ?", (plan,)).fetchone()
            values = None
            if row is not None:
                file, tasks, agencies, documents, reporting, warnings = json.loads(row[0])
                values = observation_values(
                    DCS.PlanSummaryData, observedPlan=URIRef(plan), fileName=file, taskCount=tasks, agencyCount=agencies,
                    documentCount=documents, reportingCount=reporting, warningCount=warnings,
                )
            yield observation_iri("plan-summary", plan), values

    def _observation_of(self, dataset: str, key: str):
        """The observation of one moved total: its IRI, and its values (None: it is gone). A
        total that reaches zero is gone, except a measure of a file still read (zeros are shown)."""
        total = self._total(dataset, key)
        parts = key.split(SEP)
        if dataset == "agency":
            name, kind, place = self._described.get(key) or [None, None, None]
            yield observation_iri("agency-load", key), None if total is None or name is None else observation_values(
                DCS.AgencyLoadData, observedAgency=URIRef(key), agencyName=name, leadCount=total[0], supportCount=total[1],
                planCount=total[2], kindCode=kind, placeName=place,
            )
        elif dataset == "kind":
            name, kind = parts
            places = self.db.execute("SELECT COUNT(*) FROM member WHERE name_kind = ?", (key,)).fetchone()[0]
            yield observation_iri("kind-load", name, kind), None if total is None else observation_values(
                DCS.KindLoadData, agencyName=name, leadCount=total[0], supportCount=total[1], planCount=total[2], placeCount=places, kindCode=kind or None,
            )
        elif dataset == "pair":
            yield observation_iri("coordination", *parts), None if total is None else observation_values(
                DCS.CoordinationData, leadName=parts[0], supportName=parts[1], taskCount=total[0], planCount=total[1],
            )
        elif dataset == "placed pair":
            lead, lead_place, support, support_place = parts
            yield observation_iri("placed-coordination", *parts), None if total is None else observation_values(
                DCS.PlacedCoordinationData, leadName=lead, leadPlaceName=lead_place or None, supportName=support,
                supportPlaceName=support_place or None, taskCount=total[0], planCount=total[1],
            )
        elif dataset == "link":
            yield observation_iri("link", *parts), None if total is None else observation_values(
                DCS.AgencyLinkData, observedLead=URIRef(parts[0]), observedSupport=URIRef(parts[1]), taskCount=total[0], planCount=total[1],
            )
        elif dataset == "coverage":
            file, code = parts
            yield observation_iri("measure-coverage", file, code), None if self._total("file", file) is None else observation_values(
                DCS.MeasureCoverageData, fileName=file, measureCode=code, taskCount=total[0] if total is not None else 0,
            )
        elif dataset == "timeframe":
            file, code = parts
            yield observation_iri("timeframe-profile", file, code), None if total is None else observation_values(
                DCS.TimeframeProfileData, fileName=file, timeframeCode=code, taskCount=total[0],
            )


class _Writer:
    """Observations into the statistics graph: an observation's old quads out, its new ones in
    (batched for the bulk loader)."""

    def __init__(self, inner: ox.Store, graph: ox.NamedNode, clear_first: bool):
        self.inner, self.graph, self.clear_first = inner, graph, clear_first
        self.quads: list[ox.Quad] = []
        self.gained = 0  # quads added less quads removed
        self.rdf_type, self.observation = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(QB.Observation))

    def put(self, iri: str, values: list | None) -> None:
        s = ox.NamedNode(iri)
        if self.clear_first:
            for q in list(self.inner.quads_for_pattern(s, None, None, self.graph)):
                self.inner.remove(q)
                self.gained -= 1
        if values is None:
            return
        self.gained += 1 + len(values)
        self.quads.append(ox.Quad(s, self.rdf_type, self.observation, self.graph))
        self.quads += [ox.Quad(s, ox.NamedNode(str(p)), to_term(v), self.graph) for p, v in values]
        if len(self.quads) >= WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        if self.quads:
            # a graph written whole goes to the bulk loader (the working copy is the build's
            # own): a transaction per batch took 27 s for the 900,000 quads of 10,000 plans
            (self.inner.extend if self.clear_first else self.inner.bulk_extend)(self.quads)
            self.quads = []
