"""A user's record of how far a task has got — done, in progress, blocked — with who and when.

Records are the user's, not the text's. They are kept in a journal beside the store
(`task-status.jsonl`, outside every generation), so a rebuild under new rules, which starts the
graph empty, keeps them; and they are shown in their own named graph (`graph/status`), never in
a plan's graph, so no extracted fact is touched and a query can leave them out. A task's status
is its latest record; clearing it writes a record without one. A task is named by its plan (as
`query` finds a plan) and its path ("II.1.a"), as `due` and the task table show them.
"""
from __future__ import annotations

import datetime as dt
import getpass
import json
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from ingest.errors import QueryError, StoreError
from ingest.rules import slug
from ingest.to_rdf import BASE, STATUS_GRAPH, plan_graph_iri
from ontology.namespace import DCS
from queries import lookup
from queries.named import execute, internal
from queries.progress import PROGRESS, statuses

from .folder import open_dataset
from .generations import WorkingCopy
from .nquads import _quads

__all__ = ["STATES", "STATUS_FILE", "StatusRecord", "current", "journal", "record", "status_quads", "statuses", "task_at", "write_status_graph"]

STATES = PROGRESS  # the codes `dcskg status` takes
STATUS_FILE = "task-status.jsonl"


@dataclass(frozen=True)
class StatusRecord:
    task: str  # the task's IRI
    plan: str  # the plan's key
    path: str  # as the graph writes it (two tasks a text numbers alike: the IRI tells them apart)
    state: str | None  # a key of STATES; None: the status was cleared
    note: str | None
    who: str
    when: str  # ISO 8601, UTC, to the second


def journal(store_dir: Path) -> list[StatusRecord]:
    """Every record kept beside the store, oldest first."""
    path = Path(store_dir) / STATUS_FILE
    if not path.exists():
        return []
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(StatusRecord(**json.loads(line)))
        except (ValueError, TypeError) as exc:
            raise StoreError(f"line {n} of the task-status journal cannot be read: {exc}", str(path), code="status_journal_bad", params={"line": n}) from exc
    return records


def current(store_dir: Path) -> dict[str, StatusRecord]:
    """Each task's latest record, cleared ones left out."""
    latest: dict[str, StatusRecord] = {}
    for r in journal(store_dir):
        latest[r.task] = r
    return {task: r for task, r in latest.items() if r.state is not None}


def task_at(ds, plan: str, path: str) -> tuple[str, str, str]:
    """(task IRI, plan key, path as the graph writes it) of the task at `path` in `plan`; the
    path compared without case or spaces when that is unambiguous. Two tasks a text numbers
    alike ("IV.1.b" in the tasks and again in the reporting part) are told apart by the line
    they start on: "IV.1.b@754"."""
    key = lookup.plan_key(ds, plan)
    rows = list({str(r["task"]): r for r in execute(internal("plan_task_paths"), ds, {"g": plan_graph_iri(key)}).rows}.values())
    wanted, _, line = "".join(path.split()).partition("@")
    found = [r for r in rows if str(r["path"]) == wanted] or [r for r in rows if str(r["path"]).lower() == wanted.lower()]
    if line:
        found = [r for r in found if str(r["line"]) == line]
    if len(found) == 1:
        return str(found[0]["task"]), key, str(found[0]["path"])
    if found:
        several = ", ".join(f"{r['path']}@{r['line']}" for r in found)
        raise QueryError(f"{plan}: several tasks at {path}: {several}; give one", "status", code="status_several", params={"plan": plan, "path": path, "several": several})
    paths = list(dict.fromkeys(str(r["path"]) for r in rows))
    low = wanted.lower()
    # the items under the path asked, else those beside it, else the first ones
    nearby = [p for p in paths if p.lower().startswith(low + ".")] or [p for p in paths if p.lower().rsplit(".", 1)[0] == low.rsplit(".", 1)[0]] or paths[:8]
    near = ", ".join(nearby[:12])
    raise QueryError(f"{plan}: no task at {path}; paths there: {near}", "status", code="status_no_task", params={"plan": plan, "path": path, "near": near})


def record(store_dir: Path, plan: str, path: str, state: str | None, note: str | None = None, who: str | None = None, wait: bool = False) -> StatusRecord:
    """Record a task's status (None: clear it), kept in the journal and shown in the graph."""
    if state is not None and state not in STATES:
        raise QueryError(f"status must be one of {', '.join(STATES)}, not {state}", "status", code="status_bad_state", params={"state": state, "states": ", ".join(STATES)})
    store_dir = Path(store_dir)
    task, key, written = task_at(open_dataset(store_dir), plan, path)
    when = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    entry = StatusRecord(task, key, written, state, note or None, who or getpass.getuser(), when)
    with WorkingCopy(store_dir, wait=wait) as copy:
        # the journal first: a graph that fails to switch is rebuilt from it on the next write
        with (store_dir / STATUS_FILE).open("a", encoding="utf-8") as f:
            f.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        write_status_graph(copy, store_dir)
    return entry


def write_status_graph(copy: WorkingCopy, store_dir: Path) -> None:
    """The status graph of a new generation brought to the journal (a build calls this too)."""
    graph = ox.NamedNode(str(STATUS_GRAPH))
    had = sum(1 for _ in copy.inner.quads_for_pattern(None, None, None, graph))
    copy.inner.remove_graph(graph)
    quads = status_quads(current(store_dir).values())
    copy.inner.extend(quads)
    copy.count_change(len(quads) - had)


def status_quads(records) -> list[ox.Quad]:
    """Each record as quads of the status graph: the record, its task, its progress, its note,
    and who made it (a prov:Agent by name) and when."""
    g = Graph()
    for r in records:
        node = URIRef(f"{BASE}status/{slug(r.plan)}/{slug(r.path)}")
        agent = URIRef(f"{BASE}user/{slug(r.who)}")
        g.add((node, RDF.type, DCS.TaskStatusRecord))
        g.add((node, DCS.statusOf, URIRef(r.task)))
        g.add((node, DCS.taskProgress, STATES[r.state or ""]))
        g.add((node, PROV.generatedAtTime, Literal(r.when, datatype=XSD.dateTime)))
        g.add((node, PROV.wasAttributedTo, agent))
        g.add((agent, RDF.type, PROV.Agent))
        g.add((agent, RDFS.label, Literal(r.who)))
        if r.note:
            g.add((node, RDFS.comment, Literal(r.note)))
    return _quads(g, STATUS_GRAPH)
