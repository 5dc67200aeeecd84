"""`dcskg`: the command line. Thin: parse arguments, call the API, print with rich.

Exit codes: 0 success; 1 some input failed (the rest was processed) or a command error;
2 bad usage (typer's own).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from ingest.errors import DcsKgError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Knowledge graph of Vietnamese grassroots-democracy plans.")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

STORE_OPTION = typer.Option(None, "--store", help="Graph store folder (default: data/graph, or $DCSKG_STORE).")
ENDPOINT_OPTION = typer.Option(None, "--endpoint", help="Use a SPARQL 1.1 store instead (e.g. http://host:7878/query); see dcskg/remote.py.")


def _store(store: Optional[Path]) -> Path:
    from .store import DEFAULT_STORE

    return Path(store) if store else DEFAULT_STORE


def _dataset(store: Optional[Path], endpoint: Optional[str]):
    """The graph to read: a remote SPARQL store when --endpoint is given, else the local store."""
    if endpoint:
        from .remote import open_remote

        return open_remote(endpoint)
    from .store import open_dataset

    return open_dataset(_store(store))


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


def main() -> None:
    """Console entry: no traceback for the user unless DCSKG_DEBUG is set."""
    try:
        app()
    except DcsKgError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        sys.exit(1)
    except Exception as exc:  # a bug: say so in one line, keep the traceback for debugging
        if os.environ.get("DCSKG_DEBUG"):
            raise
        err.print(f"[red]internal error:[/red] {exc.__class__.__name__}: {exc} (set DCSKG_DEBUG=1 for the traceback)", highlight=False)
        sys.exit(1)


@app.callback()
def _root() -> None:
    """dcs-kg: plans -> RDF graph -> questions, traces and networks."""


@app.command()
def build(
    paths: list[Path] = typer.Argument(None, help="Plan files or folders (default: data/plans)."),
    store: Optional[Path] = STORE_OPTION,
    endpoint: Optional[str] = ENDPOINT_OPTION,
    no_validate: bool = typer.Option(False, "--no-validate", help="Skip SHACL validation."),
    wait: bool = typer.Option(False, "--wait", help="If another process is writing to the store, wait for it instead of failing."),
) -> None:
    """Read plan files into the graph store and print a summary per plan."""
    from rich.progress import Progress

    from .store import DEFAULT_PLANS, build as build_store
    from .validate import validate_dataset

    paths = paths or [DEFAULT_PLANS]
    for p in paths:
        if not Path(p).exists():
            _fail(f"{p}: no such file or folder")
    target = _store(store)
    try:
        with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("reading plans", total=None)
            step = lambda f: bar.update(task, advance=1, description=Path(f).name)  # noqa: E731
            if endpoint:
                from .remote import build_remote

                report = build_remote(paths, endpoint, progress=step, validate=None if no_validate else validate_dataset)
            else:
                report = build_store(
                    paths, target, progress=step, validate=None if no_validate else validate_dataset, wait=wait,
                    notice=lambda m: err.print(m, highlight=False),
                )
    except DcsKgError as exc:
        _fail(str(exc))
    table = Table(title=f"dcs-kg graph in {report.store}: {report.triples} triples, {report.seconds:.1f}s", show_lines=False)
    for col in ("plan", "issuer", "date", "implements", "tasks", "agencies", "legal refs", "warnings", "status"):
        table.add_column(col, overflow="fold")
    for p in report.plans:
        ex = p.extraction
        if ex is None:
            table.add_row(Path(p.source).name, "—", "—", "—", "—", "—", "—", "—", f"[red]failed[/red]: {p.error}")
            continue
        implements = ", ".join(r.id for r in ex.legal_refs if r.relation == "implements") or "—"
        table.add_row(
            Path(p.source).name,
            ex.document.issuer or "?",
            ex.document.date or "?",
            implements,
            str(len(ex.tasks)),
            str(len(ex.agencies)),
            str(len(ex.legal_refs)),
            str(len(ex.warnings)),
            p.status,
        )
    out.print(table)
    if report.validated_sample:
        out.print(f"SHACL: checked a sample of {report.validated_sample} of the new plans; `dcskg validate` checks them all")
    if report.failed:
        for p in report.failed:
            err.print(f"[red]error:[/red] {p.error}", highlight=False)
        raise typer.Exit(1)


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., help="Plan files or folders (as for build)."),
    as_json: bool = typer.Option(True, "--json/--no-json", help="Print the JSON contract (default)."),
) -> None:
    """Run the extraction pipeline without touching any store; print JSON."""
    from ingest.pipeline import corpus_files

    from .store import _read_one

    for p in files:
        if not Path(p).exists():
            _fail(f"{p}: no such file or folder")
    results = []
    failed = False
    for f in corpus_files([Path(p) for p in files]):
        # the same reader build uses: any failure is one line naming the file, the rest go on
        _, result, error = _read_one(f, graph=False)
        if result is None:
            err.print(f"[red]error:[/red] {error}", highlight=False)
            failed = True
            continue
        results.append(result[0].to_json())
    if as_json:
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    else:
        for r in results:
            out.print(f"{r['source']}: {r['document']['issuer']} — {len(r['tasks'])} tasks, {len(r['legal_refs'])} refs")
    if failed:
        raise typer.Exit(1)


def _parse_params(params: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in params:
        if "=" not in p:
            _fail(f"--param wants name=value, not {p!r}", 2)
        k, v = p.split("=", 1)
        out[k.strip()] = v
    return out


def _print_rows(rows, fmt: str, title: str | None = None) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(rows.rows, ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == "csv":
        import csv

        w = csv.DictWriter(sys.stdout, fieldnames=rows.vars)
        w.writeheader()
        for r in rows.rows:
            w.writerow({k: "" if v is None else v for k, v in r.items()})
    else:
        table = Table(title=title)
        for v in rows.vars:
            table.add_column(v, overflow="fold")
        for r in rows.rows:
            table.add_row(*["" if r.get(v) is None else str(r.get(v)) for v in rows.vars])
        out.print(table)
        out.print(f"{len(rows)} row(s)")


@app.command()
def query(
    name: str = typer.Argument(..., help="A named query (file stem in queries/) or a .rq file."),
    param: list[str] = typer.Option([], "--param", "-p", help="name=value, repeatable."),
    store: Optional[Path] = STORE_OPTION,
    endpoint: Optional[str] = ENDPOINT_OPTION,
    fmt: str = typer.Option("table", "--format", "-f", help="table | csv | json"),
) -> None:
    """Run a named SPARQL query against the store."""
    from queries.runner import resolve, run

    from .store import open_dataset

    if fmt not in ("table", "csv", "json"):
        _fail(f"--format must be table, csv or json, not {fmt!r}", 2)
    try:
        q = resolve(name)
        rows = run(q, _dataset(store, endpoint), **_parse_params(param))
    except DcsKgError as exc:
        _fail(str(exc))
    _print_rows(rows, fmt, q.title)


@app.command("queries")
def list_queries() -> None:
    """List the named queries with their questions and parameters."""
    from queries.runner import library

    table = Table(title="Named queries (queries/*.rq)")
    for col in ("name", "question", "parameters"):
        table.add_column(col, overflow="fold")
    for q in library().values():
        params = ", ".join(f"{p.name}={p.example}" if p.example else p.name for p in q.params) or "—"
        table.add_row(q.name, q.question_en, params)
    out.print(table)


def _plan_iri(ds, plan: str):
    """A document's file path, file name, key, number or IRI -> its IRI in the store."""
    from .lookup import document_node

    return document_node(ds, plan)


@app.command()
def trace(
    target: str = typer.Argument(..., help="A plan file or key; with --reverse, a document id."),
    reverse: bool = typer.Option(False, "--reverse", help="List the plans whose chain reaches this document."),
    store: Optional[Path] = STORE_OPTION,
    endpoint: Optional[str] = ENDPOINT_OPTION,
) -> None:
    """Trace which resolution a plan implements, up the chain to the Law (or back down)."""
    from queries.runner import run_query

    from .store import open_dataset

    try:
        ds = _dataset(store, endpoint)
        if reverse:
            rows = run_query("plans_implementing", ds, doc=target)
            if not len(rows):
                _fail(f"no document in the graph reaches {target}")
            _print_rows(rows, "table", f"Documents whose implements/based-on chain reaches {target} (how = implements | based_on | chain | cites)")
            return
        plan = _plan_iri(ds, target)
        rows = run_query("implementation_chain", ds, plan=plan)
        laws = run_query("cited_laws", ds, plan=plan)
    except DcsKgError as exc:
        _fail(str(exc))
    labels = run_query("ingested", ds)
    me = next((r for r in labels if r["doc"] == str(plan)), None)
    if me is None:
        _fail(f"{target}: no such document in the graph")
    name = f"{me.get('genre') or ''} {str(me.get('number') or '').split('@')[0]}".strip() or Path(me["source"]).name
    tree = Tree(f"[bold]{name}[/bold] — {me.get('issuer') or '?'}, {me.get('date') or '?'} [dim]({Path(me['source']).name})[/dim]")
    children: dict[str, list[dict]] = {}
    for r in rows:
        children.setdefault(r["from"], []).append(r)
    reached_law = False

    def grow(node: Tree, frm: str, seen: set[str]) -> None:
        nonlocal reached_law
        for r in children.get(frm, []):
            rel = "implements" if r["relation"].endswith("ensures_implementation_of") else "based on"
            how = f"inferred, {r['source']}" if r["inferred"] else r["source"]
            label = f"{rel} [bold]{r.get('toLabel') or r['toId']}[/bold]"
            extra = ", ".join(x for x in (r.get("toDate") and str(r["toDate"]), r.get("toIssuer")) if x)
            child = node.add(f"{label} ({extra}) [dim]← {how}[/dim]" if extra else f"{label} [dim]← {how}[/dim]")
            if str(r.get("toId", "")).endswith("/QH15") or "Luật" in str(r.get("toLabel", "")):
                reached_law = True
            if r["to"] not in seen:
                grow(child, r["to"], seen | {r["to"]})

    grow(tree, str(plan), {str(plan)})
    if not reached_law and len(laws):
        branch = tree.add("[yellow]chain breaks at a document not in the graph; the plan itself cites:[/yellow]")
        for law in laws:
            branch.add(f"cites [bold]{law.get('label') or law['lawId']}[/bold] [dim]← {law['source']}[/dim]")
    out.print(tree)


@app.command()
def remove(
    plan: str = typer.Argument(..., help="Plan file or key."),
    store: Optional[Path] = STORE_OPTION,
    wait: bool = typer.Option(False, "--wait", help="If another process is writing to the store, wait for it."),
) -> None:
    """Remove one plan's named graph from the store."""
    from .store import remove as remove_plan

    key = Path(plan).stem
    try:
        removed = remove_plan(key, _store(store), wait=wait)
    except DcsKgError as exc:
        _fail(str(exc))
    if not removed:
        _fail(f"{plan}: no such plan in the store")
    out.print(f"removed {key}")


@app.command("export")
def export_cmd(
    what: str = typer.Argument("graph", help="graph | tasks | calendar"),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="graph: ttl|trig|nt|jsonld; tasks: csv|xlsx; calendar: ics"),
    plan: Optional[str] = typer.Option(None, "--plan", help="Only this plan (file name or key)."),
    agency: Optional[str] = typer.Option(None, "--agency", help="tasks/calendar: only where this agency takes part."),
    out_path: Optional[Path] = typer.Option(None, "--out", "-o", help="File (tasks, calendar) or folder (graph) to write."),
    store: Optional[Path] = STORE_OPTION,
) -> None:
    """Export the graph (RDF), the task-assignment table (CSV/XLSX) or the reporting calendar (ICS)."""
    from ingest.to_rdf import plan_graph_iri

    from .exports import task_rows, write_calendar, write_tasks
    from .store import EXPORT_FORMATS, export, open_dataset

    formats = {"graph": list(EXPORT_FORMATS), "tasks": ["csv", "xlsx"], "calendar": ["ics"]}
    if what not in formats:
        _fail(f"unknown export {what!r}; available: {', '.join(formats)}", 2)
    fmt = fmt or formats[what][0]
    if fmt not in formats[what]:
        _fail(f"--format for {what} must be one of {', '.join(formats[what])}", 2)
    try:
        if what == "graph":
            folder = out_path or Path(".")
            folder.mkdir(parents=True, exist_ok=True)
            paths = export(_store(store), [fmt], folder, plan_graph_iri(Path(plan).stem) if plan else None)
        elif what == "tasks":
            rows = task_rows(open_dataset(_store(store)), Path(plan).stem if plan else None, agency)
            paths = [write_tasks(rows, out_path or Path(f"tasks.{fmt}"), fmt)]
            out.print(f"{len(rows)} task(s)")
        else:
            paths = [write_calendar(open_dataset(_store(store)), out_path or Path("reporting.ics"), agency)]
    except DcsKgError as exc:
        _fail(str(exc))
    for p in paths:
        out.print(f"wrote {p}")


@app.command()
def explain(
    fact: str = typer.Argument(..., help="IRI of a task, assignment, citation or reporting obligation."),
    store: Optional[Path] = STORE_OPTION,
    endpoint: Optional[str] = ENDPOINT_OPTION,
) -> None:
    """Say where a fact came from: plan, lines and the sentence."""
    from rdflib import URIRef

    from queries.runner import run_query

    from .store import open_dataset

    try:
        ds = _dataset(store, endpoint)
        rows = run_query("provenance", ds, fact=URIRef(fact))
    except DcsKgError as exc:
        _fail(str(exc))
    if not len(rows):
        _fail(f"{fact}: no such fact with a recorded source in the graph")
    described = run_query("describe_fact", ds, fact=URIRef(fact))
    for d in described:
        out.print(f"[bold]{d['predicate']}[/bold]: {d['value']}", highlight=False)
    for r in rows:
        lines = f"line {r['lineStart']}" if r["lineStart"] == r["lineEnd"] else f"lines {r['lineStart']}–{r['lineEnd']}"
        out.print(f"[bold]source[/bold]: {r['file']}, {lines}", highlight=False)
        out.print(f"  “{r['quote']}”", highlight=False)


@app.command()
def network(
    store: Optional[Path] = STORE_OPTION,
    endpoint: Optional[str] = ENDPOINT_OPTION,
    plan: Optional[str] = typer.Option(None, "--plan", help="Only this plan (file name, key or IRI)."),
    place: Optional[str] = typer.Option(None, "--place", help="Only agencies of this place, e.g. 'Vĩnh Long'."),
    role: str = typer.Option("all", "--role", help="all: lead -> support edges; lead / support: co-lead / co-support links."),
    by_kind: bool = typer.Option(False, "--by-kind", help="One node per body across places (all 'Sở Nội vụ' as one)."),
    documents: bool = typer.Option(False, "--documents", help="Draw the document graph instead (implements / based on / cites)."),
    out_path: Path = typer.Option(Path("network.html"), "--out", "-o", help="The HTML page to write."),
    stats: bool = typer.Option(False, "--stats", help="Print degree, weighted degree, betweenness and lead/support ratio."),
    csv_path: Optional[Path] = typer.Option(None, "--csv", help="Write the statistics table as CSV."),
    gexf: Optional[Path] = typer.Option(None, "--gexf", help="Write the graph as GEXF (Gephi)."),
    graphml: Optional[Path] = typer.Option(None, "--graphml", help="Write the graph as GraphML."),
) -> None:
    """Draw the agency network (who leads, who supports) as an interactive offline HTML page."""
    from queries import network as nw

    if role not in ("all", "lead", "support"):
        _fail("--role must be all, lead or support", 2)
    try:
        ds = _dataset(store, endpoint)
        if documents:
            g = nw.document_graph(ds)
            nw.render_documents(g, out_path, "dcs-kg — văn bản và kế hoạch / documents and plans")
            out.print(f"wrote {out_path}: {g.number_of_nodes()} documents and plans, {g.number_of_edges()} links")
            return
        plan_iri = str(_plan_iri(ds, plan)) if plan else None
        g = nw.agency_graph(nw.assignments(ds, plan_iri, place), by_kind=by_kind, role=role)
    except DcsKgError as exc:
        _fail(str(exc))
    if g.number_of_nodes() == 0:
        _fail("no agencies match: check --plan / --place, or build the graph first")
    scope = ", ".join(x for x in (Path(plan).stem if plan else None, place, "theo loại / by kind" if by_kind else None, None if role == "all" else role) if x)
    view = nw.limit(g)
    nw.render(view, out_path, f"dcs-kg — mạng lưới cơ quan{' (' + scope + ')' if scope else ''}", directed=role == "all", show_places=not by_kind)
    out.print(f"wrote {out_path}: {view.graph.number_of_nodes()} agencies, {view.graph.number_of_edges()} links" + (f" — {view.notice}" if view.notice else ""))
    if stats or csv_path:
        rows, method = nw.statistics(g)
        if stats:
            table = Table(title=f"Agency network statistics ({method})")
            for col in rows[0]:
                table.add_column(col, overflow="fold")
            for r in rows:
                table.add_row(*["" if v is None else str(v) for v in r.values()])
            out.print(table)
            kinds = Table(title="By kind")
            kind_rows = nw.kind_statistics(rows)
            for col in kind_rows[0]:
                kinds.add_column(col)
            for r in kind_rows:
                kinds.add_row(*["" if v is None else str(v) for v in r.values()])
            out.print(kinds)
        if csv_path:
            import csv

            with csv_path.open("w", encoding="utf-8-sig", newline="") as fh:
                w = csv.DictWriter(fh, fieldnames=list(rows[0]))
                w.writeheader()
                w.writerows(rows)
            out.print(f"wrote {csv_path}")
    if gexf:
        nw.write_gexf(g, gexf)
        out.print(f"wrote {gexf}")
    if graphml:
        nw.write_graphml(g, graphml)
        out.print(f"wrote {graphml}")


@app.command()
def serve(
    store: Optional[Path] = STORE_OPTION,
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port", help="0 picks a free port."),
    timeout: float = typer.Option(10.0, "--timeout", help="Seconds a query may run before it is stopped."),
    max_rows: int = typer.Option(10000, "--max-rows", help="Rows returned at most per query."),
    workers: int = typer.Option(2, "--workers", help="Query processes at once; more requests wait, then get 503."),
    memory: int = typer.Option(2048, "--memory", help="MiB of memory one query may take (0: no limit)."),
    cors: Optional[str] = typer.Option(None, "--cors", help="Allow browser pages from this origin (e.g. https://example.org, or *). Off by default."),
) -> None:
    """Serve the graph read-only over the SPARQL 1.1 Protocol, with a query page at /."""
    from .serve import Settings, make_server
    from .store import db_path

    if not 0 <= port <= 65535:
        _fail(f"--port must be between 0 and 65535, not {port}", 2)
    if not timeout > 0:
        _fail(f"--timeout must be more than 0 seconds, not {timeout:g}", 2)
    if max_rows < 1:
        _fail(f"--max-rows must be at least 1, not {max_rows}", 2)
    if workers < 1:
        _fail(f"--workers must be at least 1, not {workers}", 2)
    if memory < 0:
        _fail(f"--memory must be 0 (no limit) or more MiB, not {memory}", 2)
    db = db_path(_store(store))
    if not db.exists():
        _fail(f"{_store(store)}: no graph here yet; run `dcskg build` first")
    try:
        server = make_server(Settings(str(db), timeout, max_rows, memory, workers, cors=cors), host, port)
    except OSError as exc:
        _fail(f"cannot listen on {host}:{port} ({exc.strerror})")
    out.print(f"SPARQL endpoint: http://{host}:{server.server_port}/sparql — query page: http://{host}:{server.server_port}/ (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@app.command()
def validate(store: Optional[Path] = STORE_OPTION, endpoint: Optional[str] = ENDPOINT_OPTION) -> None:
    """Check the graph against the SHACL shapes; print violations readably."""
    from .store import open_dataset
    from .validate import validate_dataset

    try:
        problems = validate_dataset(_dataset(store, endpoint))
    except DcsKgError as exc:
        _fail(str(exc))
    if problems:
        for p in problems:
            err.print(f"[red]violation:[/red] {p}", highlight=False)
        raise typer.Exit(1)
    out.print("the graph conforms to ontology/shapes.ttl")

