"""Which resolution a plan implements, up the chain to the Law — and back down: the plans whose
chain reaches a document. Both are read from the named queries `implementation_chain`,
`cited_laws` and `plans_implementing`; this module orders the hops into a chain and names the
documents as people do. Printing is the caller's.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from ingest.errors import QueryError

from .lookup import document_node
from .naming import named_document, names_by_source
from .runner import run_query


@dataclass(frozen=True)
class Hop:
    """One link of the chain: `relation` is `implements`, `based_on` or (where the chain breaks
    before the Law) `cites`."""

    depth: int
    relation: str
    document: str
    document_id: str
    date: str | None
    issuer: str | None
    source: str
    inferred: bool
    iri: str


@dataclass
class Chain:
    plan: str
    name: str
    file: str
    hops: list[Hop] = field(default_factory=list)
    # the chain reached no Law: the laws the plan itself cites, as hops of depth 1
    cited_instead: list[Hop] = field(default_factory=list)

    def rows(self) -> list[dict]:
        """The chain as rows (for CSV and JSON), the plan's own hops first."""
        return [asdict(h) for h in (*self.hops, *self.cited_instead)]


def _relation(iri: str) -> str:
    return "implements" if iri.endswith("ensures_implementation_of") else "based_on"


def _is_law(row: dict) -> bool:
    return str(row.get("toId", "")).endswith("/QH15") or "Luật" in str(row.get("toLabel", ""))


def up(ds, target: str) -> Chain:
    """The chain from a plan (its symbol, file, key or IRI) up to the Law."""
    plan = document_node(ds, target)
    named = named_document(ds, plan)
    if named is None:
        raise QueryError("no such document in the graph", target, code="no_document")
    chain = Chain(str(plan), *named)
    children: dict[str, list[dict]] = {}
    for r in run_query("implementation_chain", ds, plan=plan):
        children.setdefault(r["from"], []).append(r)
    reached_law = False

    def walk(frm: str, depth: int, seen: frozenset[str]) -> None:
        nonlocal reached_law
        for r in children.get(frm, []):
            chain.hops.append(Hop(
                depth, _relation(r["relation"]), r.get("toLabel") or r["toId"], r["toId"],
                None if r.get("toDate") is None else str(r["toDate"]), r.get("toIssuer"), r["source"], bool(r["inferred"]), r["to"],
            ))
            reached_law = reached_law or _is_law(r)
            if r["to"] not in seen:
                walk(r["to"], depth + 1, seen | {r["to"]})

    walk(str(plan), 1, frozenset({str(plan)}))
    if not reached_law:
        for law in run_query("cited_laws", ds, plan=plan):
            chain.cited_instead.append(Hop(1, "cites", law.get("label") or law["lawId"], law["lawId"], None, None, law["source"], False, law["law"]))
    return chain


def down(ds, target: str) -> list[dict]:
    """The documents whose implements / based-on chain reaches `target` (or that only cite it),
    named, with how they reach it and whether directly."""
    rows = run_query("plans_implementing", ds, doc=target)
    named = names_by_source(ds)
    out = []
    for r in rows:
        file = Path(str(r["source"])).name
        out.append({"document": named.get(file, {}).get("name") or file, "how": r["how"], "direct": bool(r["direct"]), "file": file, "iri": r["plan"]})
    return out
