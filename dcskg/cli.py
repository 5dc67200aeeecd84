"""`dcskg`: the command line. Thin: parse arguments, call the API, print with rich.

Exit codes: 0 success; 1 some input failed (the rest was processed) or a command error;
2 bad usage (typer's own).
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from ingest.errors import DcsKgError

from .i18n import set_lang, t

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Knowledge graph of Vietnamese grassroots-democracy plans.")
# piped output is never cut to 80 columns: a table is as wide as its content needs
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 400)
err = Console(stderr=True, soft_wrap=True, width=None if sys.stderr.isatty() or os.environ.get("COLUMNS") else 400)

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
    err.print(f"[red]{t('error')}:[/red] {message}", highlight=False)
    raise typer.Exit(code)


def main() -> None:
    """Console entry: no traceback for the user unless DCSKG_DEBUG is set."""
    try:
        app()
    except DcsKgError as exc:
        err.print(f"[red]{t('error')}:[/red] {exc}", highlight=False)
        sys.exit(1)
    except Exception as exc:  # a bug: say so in one line, keep the traceback for debugging
        if os.environ.get("DCSKG_DEBUG"):
            raise
        err.print(f"[red]{t('internal_error')}:[/red] {exc.__class__.__name__}: {exc} ({t('internal_hint')})", highlight=False)
        sys.exit(1)


@app.callback()
def _root(lang: Optional[str] = typer.Option(None, "--lang", help="vi (default) or en; also $DCSKG_LANG.")) -> None:
    """dcs-kg: plans -> RDF graph -> questions, traces and networks."""
    try:
        set_lang(lang)
    except ValueError as exc:
        _fail(str(exc), 2)


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
            _fail(t("no_such_path", path=p))
    target = _store(store)
    try:
        with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task(t("reading"), total=None)
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
    table = Table(title=t("build_title", store=report.store, triples=report.triples, seconds=f"{report.seconds:.1f}"), show_lines=False)
    for col in t("build_columns"):
        table.add_column(col, overflow="fold")
    for p in report.plans:
        ex = p.extraction
        if ex is None:
            table.add_row("—", Path(p.source).name, "—", "—", "—", "—", "—", f"[red]{t('status_failed')}[/red]: {p.error}")
            continue
        table.add_row(*_summary_row(ex), t(f"status_{p.status}"))
    out.print(table)
    if report.validated_sample:
        out.print(t("shacl_sample", n=report.validated_sample))
    if report.failed:
        for p in report.failed:
            err.print(f"[red]{t('error')}:[/red] {p.error}", highlight=False)
        raise typer.Exit(1)


def _summary_row(ex) -> list[str]:
    """A document as the build table shows it: named by genre, symbol, issuer and date."""
    from queries.naming import document_name

    d = ex.document
    implements = ", ".join(r.id.split("@")[0] for r in ex.legal_refs if r.relation == "implements") or "—"
    with_role = {k for task in ex.tasks for k in (*task.lead, *task.support)}
    return [
        document_name(d.type, d.number, d.issuer, d.date),
        Path(ex.source).name,
        implements,
        str(len(ex.tasks)),
        f"{len(with_role)} / {len(ex.agencies)}",
        str(len(ex.legal_refs)),
        str(len(ex.warnings)),
    ]


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., help="Plan files or folders (as for build)."),
    as_json: bool = typer.Option(True, "--json/--no-json", help="Print the JSON contract (default)."),
) -> None:
    """Run the extraction pipeline without touching any store; print JSON."""
    from ingest.pipeline import corpus_files

    from .store import read_one

    for p in files:
        if not Path(p).exists():
            _fail(t("no_such_path", path=p))
    results = []
    failed = False
    for f in corpus_files([Path(p) for p in files]):
        # the same reader build uses: any failure is one line naming the file, the rest go on
        _, result, error = read_one(f, graph=False)
        if result is None:
            err.print(f"[red]{t('error')}:[/red] {error}", highlight=False)
            failed = True
            continue
        results.append(result[0].to_json())
    if as_json:
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    else:
        for r in results:
            out.print(t("extract_line", source=r["source"], issuer=r["document"]["issuer"], tasks=len(r["tasks"]), refs=len(r["legal_refs"])))
    if failed:
        raise typer.Exit(1)


def _parse_params(params: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in params:
        if "=" not in p:
            _fail(t("param_form", value=repr(p)), 2)
        k, v = p.split("=", 1)
        out[k.strip()] = v
    return out


def _print_rows(rows, fmt: str, title: str | None = None) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(rows.rows, ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == "csv":
        import csv

        # with a BOM, Excel opens the Vietnamese text intact (as in `dcskg export tasks`)
        sys.stdout.write("\ufeff")
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
        out.print(t("rows", n=len(rows)))


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
        _fail(t("format_choice", value=repr(fmt)), 2)
    try:
        q = resolve(name)
        rows = run(q, _dataset(store, endpoint), **_parse_params(param))
    except DcsKgError as exc:
        _fail(str(exc))
    _print_rows(rows, fmt, q.title)


def _fresh(path: Path, overwrite: bool) -> Path:
    """A default output file is never written over silently."""
    if path.exists() and not overwrite:
        _fail(t("would_overwrite", path=path))
    return path


def _print_reverse(ds, rows, target: str) -> None:
    from queries.naming import names_by_source

    named = names_by_source(ds)
    table = Table(title=t("reverse_title", target=target))
    for col in t("reverse_columns"):
        table.add_column(col, overflow="fold")
    for r in rows:
        file = Path(str(r["source"])).name
        table.add_row(named.get(file, {}).get("name") or file, t(f"how_{r['how']}"), "✓" if r["direct"] else "", file)
    out.print(table)
    out.print(t("rows", n=len(rows)))


@app.command("queries")
def list_queries() -> None:
    """List the named queries with their questions and parameters."""
    from queries.runner import library

    from .i18n import lang

    table = Table(title=t("queries_title"))
    for col in t("queries_columns"):
        table.add_column(col, overflow="fold")
    for q in library().values():
        params = ", ".join(f"{p.name}={p.example}" if p.example else p.name for p in q.params) or "—"
        table.add_row(q.name, q.question_vi if lang() == "vi" else q.question_en, params)
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
                _fail(t("nothing_reaches", target=target))
            _print_reverse(ds, rows, target)
            return
        plan = _plan_iri(ds, target)
        rows = run_query("implementation_chain", ds, plan=plan)
        laws = run_query("cited_laws", ds, plan=plan)
    except DcsKgError as exc:
        _fail(str(exc))
    labels = run_query("ingested", ds)
    me = next((r for r in labels if r["doc"] == str(plan)), None)
    if me is None:
        _fail(t("no_such_document", target=target))
    from queries.naming import document_name

    name = document_name(me.get("genre"), me.get("number"), me.get("issuer"), me.get("date") and str(me["date"]))
    tree = Tree(f"[bold]{name}[/bold] [dim]({Path(me['source']).name})[/dim]")
    children: dict[str, list[dict]] = {}
    for r in rows:
        children.setdefault(r["from"], []).append(r)
    reached_law = False

    def grow(node: Tree, frm: str, seen: set[str]) -> None:
        nonlocal reached_law
        for r in children.get(frm, []):
            rel = t("how_implements") if r["relation"].endswith("ensures_implementation_of") else t("how_based_on")
            how = f"{t('inferred')}, {r['source']}" if r["inferred"] else r["source"]
            label = f"{rel} [bold]{r.get('toLabel') or r['toId']}[/bold]"
            extra = ", ".join(x for x in (r.get("toDate") and str(r["toDate"]), r.get("toIssuer")) if x)
            child = node.add(f"{label} ({extra}) [dim]← {how}[/dim]" if extra else f"{label} [dim]← {how}[/dim]")
            if str(r.get("toId", "")).endswith("/QH15") or "Luật" in str(r.get("toLabel", "")):
                reached_law = True
            if r["to"] not in seen:
                grow(child, r["to"], seen | {r["to"]})

    grow(tree, str(plan), {str(plan)})
    if not reached_law and len(laws):
        branch = tree.add(f"[yellow]{t('chain_breaks')}[/yellow]")
        for law in laws:
            branch.add(f"{t('cites')} [bold]{law.get('label') or law['lawId']}[/bold] [dim]← {law['source']}[/dim]")
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
        _fail(t("no_such_plan", plan=plan))
    out.print(t("removed", key=key))


@app.command("export")
def export_cmd(
    what: str = typer.Argument("graph", help="graph | tasks | calendar"),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="graph: ttl|trig|nt|jsonld; tasks: csv|xlsx; calendar: ics"),
    plan: Optional[str] = typer.Option(None, "--plan", help="Only this plan (file name or key)."),
    agency: Optional[str] = typer.Option(None, "--agency", help="tasks/calendar: only where this agency takes part."),
    out_path: Optional[Path] = typer.Option(None, "--out", "-o", help="File (tasks, calendar) or folder (graph) to write."),
    store: Optional[Path] = STORE_OPTION,
    force: bool = typer.Option(False, "--force", help="Overwrite the default output file if it exists."),
) -> None:
    """Export the graph (RDF), the task-assignment table (CSV/XLSX) or the reporting calendar (ICS)."""
    from ingest.to_rdf import plan_graph_iri

    from .exports import task_rows, write_calendar, write_tasks
    from .store import EXPORT_FORMATS, export, open_dataset

    formats = {"graph": list(EXPORT_FORMATS), "tasks": ["csv", "xlsx"], "calendar": ["ics"]}
    if what not in formats:
        _fail(t("unknown_export", what=repr(what), choices=", ".join(formats)), 2)
    fmt = fmt or formats[what][0]
    if fmt not in formats[what]:
        _fail(t("export_format", what=what, choices=", ".join(formats[what])), 2)
    try:
        if what == "graph":
            folder = out_path or Path(".")
            folder.mkdir(parents=True, exist_ok=True)
            paths = export(_store(store), [fmt], folder, plan_graph_iri(Path(plan).stem) if plan else None)
        elif what == "tasks":
            target = _fresh(out_path or Path(f"tasks.{fmt}"), force or out_path is not None)
            rows = task_rows(open_dataset(_store(store)), Path(plan).stem if plan else None, agency)
            paths = [write_tasks(rows, target, fmt)]
            out.print(t("tasks_count", n=len(rows)))
        else:
            target = _fresh(out_path or Path("reporting.ics"), force or out_path is not None)
            paths = [write_calendar(open_dataset(_store(store)), target, agency)]
    except DcsKgError as exc:
        _fail(str(exc))
    for p in paths:
        out.print(t("wrote", path=p))


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

    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$", fact):
        _fail(t("not_an_iri", fact=fact), 2)
    try:
        ds = _dataset(store, endpoint)
        rows = run_query("provenance", ds, fact=URIRef(fact))
    except DcsKgError as exc:
        _fail(str(exc))
    if not len(rows):
        _fail(t("no_fact", fact=fact))
    described = run_query("describe_fact", ds, fact=URIRef(fact))
    for d in described:
        out.print(f"[bold]{d['predicate']}[/bold]: {d['value']}", highlight=False)
    for r in rows:
        lines = t("line", n=r["lineStart"]) if r["lineStart"] == r["lineEnd"] else t("lines", a=r["lineStart"], b=r["lineEnd"])
        out.print(f"[bold]{t('source')}[/bold]: {r['file']}, {lines}", highlight=False)
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
        _fail(t("role_choice"), 2)
    try:
        ds = _dataset(store, endpoint)
        if documents:
            g = nw.document_graph(ds)
            nw.render_documents(g, out_path, "dcs-kg — văn bản và kế hoạch / documents and plans")
            out.print(t("wrote_documents", path=out_path, nodes=g.number_of_nodes(), edges=g.number_of_edges()))
            return
        plan_iri = str(_plan_iri(ds, plan)) if plan else None
        g = nw.agency_graph(nw.assignments(ds, plan_iri, place), by_kind=by_kind, role=role)
    except DcsKgError as exc:
        _fail(str(exc))
    if g.number_of_nodes() == 0:
        _fail(t("no_agencies"))
    scope = ", ".join(x for x in (Path(plan).stem if plan else None, place, "theo loại / by kind" if by_kind else None, None if role == "all" else role) if x)
    view = nw.limit(g)
    nw.render(view, out_path, f"dcs-kg — mạng lưới cơ quan{' (' + scope + ')' if scope else ''}", directed=role == "all", show_places=not by_kind)
    out.print(t("wrote_network", path=out_path, nodes=view.graph.number_of_nodes(), edges=view.graph.number_of_edges()) + (f" — {view.notice}" if view.notice else ""))
    if stats or csv_path:
        rows, method = nw.statistics(g)
        if stats:
            table = Table(title=t("network_stats", method=method))
            for col in rows[0]:
                table.add_column(col, overflow="fold")
            for r in rows:
                table.add_row(*["" if v is None else str(v) for v in r.values()])
            out.print(table)
            kinds = Table(title=t("by_kind"))
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
            out.print(t("wrote", path=csv_path))
    if gexf:
        nw.write_gexf(g, gexf)
        out.print(t("wrote", path=gexf))
    if graphml:
        nw.write_graphml(g, graphml)
        out.print(t("wrote", path=graphml))


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
        _fail(t("port_range", value=port), 2)
    if not timeout > 0:
        _fail(t("timeout_range", value=f"{timeout:g}"), 2)
    if max_rows < 1:
        _fail(t("max_rows_range", value=max_rows), 2)
    if workers < 1:
        _fail(t("workers_range", value=workers), 2)
    if memory < 0:
        _fail(t("memory_range", value=memory), 2)
    db = db_path(_store(store))
    if not db.exists():
        _fail(t("no_graph", store=_store(store)))
    try:
        server = make_server(Settings(str(_store(store)), timeout, max_rows, memory, workers, cors=cors), host, port)
    except OSError as exc:
        _fail(t("cannot_listen", host=host, port=port, reason=exc.strerror))
    out.print(t("serving", base=f"http://{host}:{server.server_port}"))
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
            err.print(f"[red]{t('violation')}:[/red] {p}", highlight=False)
        raise typer.Exit(1)
    out.print(t("conforms"))

