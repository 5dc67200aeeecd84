"""How far tasks have got, as users recorded it (`dcskg status`): read from the status graph,
which holds nothing read from a text. `due` and the status listing show it beside the facts."""
from __future__ import annotations

from ingest.to_rdf import STATUS_GRAPH
from ontology.namespace import DCS

from .named import execute, internal

# the codes a user types, and the concepts the graph writes for them
PROGRESS = {"done": DCS.ProgressDone, "in-progress": DCS.ProgressInProgress, "blocked": DCS.ProgressBlocked}


def statuses(ds) -> dict[tuple[str, str, int], dict]:
    """(plan file, task path, the line the task starts on) -> the task's status: its code, note,
    who recorded it and when. The line tells apart two tasks a text numbers alike."""
    codes = {str(iri): code for code, iri in PROGRESS.items()}
    rows = execute(internal("task_statuses"), ds, {"g": STATUS_GRAPH}).rows
    return {
        (str(r["file"]), str(r["path"]), int(r["line"])): {
            "status": codes.get(str(r["progress"])),
            "note": None if r.get("note") is None else str(r["note"]),
            "who": str(r["who"]),
            "when": str(r["when"]),
        }
        for r in rows
    }
