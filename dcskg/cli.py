"""`dcskg`: the command line. Thin: parse arguments, call the API, print with rich.

Exit codes: 0 success; 1 some input failed (the rest was processed) or a command error;
2 bad usage (typer's own).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.tree import Tree
from typer.core import TyperGroup

from ingest.errors import DcsKgError

try:  # typer 0.2x parses with its own copy of click; its usage errors are those classes
    from typer._click import exceptions as usage_errors
except ImportError:  # pragma: no cover - an older typer uses click itself
    import click.exceptions as usage_errors  # type: ignore[no-redef]

from .i18n import h, lang, said, said_text, set_lang, t
from .outputs import STDOUT, check_target, csv_text, is_stdout, publish


class _Commands(TyperGroup):
    """Every command's errors end here: a DcsKgError is one line naming the file or value and
    the problem, exit code 1 — no command wraps its calls for that itself."""

    def get_help_option(self, ctx):
        return _said_in_language(super().get_help_option(ctx))

    def get_command(self, ctx, name):
        cmd = super().get_command(ctx, name)
        if cmd is not None:
            _said_in_language(cmd.get_help_option(ctx))
        return cmd

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except DcsKgError as exc:
            _fail(said(exc))
        except usage_errors.UsageError as exc:
            _fail(_usage(exc, ctx), 2)


def _said_in_language(help_option):
    """click writes its --help line in English; the catalogue says it in the reader's language."""
    if help_option is not None:
        help_option.help = h("help_option")
    return help_option


def _panel_titles() -> None:
    """typer's help panels ("Arguments", "Options", "Commands") in the reader's language."""
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = h("panel_arguments")
    rich_utils.OPTIONS_PANEL_TITLE = h("panel_options")
    rich_utils.COMMANDS_PANEL_TITLE = h("panel_commands")


_panel_titles()


def _usage(exc, ctx) -> str:
    """click's usage errors in the reader's language, with what to do next."""
    import difflib

    sub = exc.ctx or ctx
    command = sub.info_name if sub is not ctx else ""
    if isinstance(exc, usage_errors.MissingParameter) and exc.param is not None:
        if command == "query" and exc.param.name == "name":
            return t("missing_query_name")
        return t("missing_argument", name=_param_shown(exc.param), command=command)
    if isinstance(exc, usage_errors.NoSuchOption):
        near = difflib.get_close_matches(exc.option_name, list(exc.possibilities or []), n=1, cutoff=0.75)
        return t("no_such_option", name=exc.option_name, near=t("did_you_mean", near=near[0]) if near else "", command=command)
    if isinstance(exc, usage_errors.BadParameter) and exc.param is not None:
        return t("bad_value", name=_param_shown(exc.param), value=exc.format_message())
    message = exc.format_message()
    if message.startswith("No such command"):
        name = message.split("'")[1] if "'" in message else message
        near = difflib.get_close_matches(name, list(getattr(ctx.command, "commands", {})), n=1)
        return t("no_such_command", name=name, near=t("did_you_mean", near=near[0]) if near else "")
    return t("usage_error", message=message)


def _param_shown(param) -> str:
    """"--store" for an option, "NAME" for an argument."""
    if getattr(param, "param_type_name", "") == "option" and param.opts:
        return param.opts[0]
    return (param.name or "").upper()


app = typer.Typer(cls=_Commands, add_completion=False, no_args_is_help=True, help=h("app"))
# piped output is never cut to 80 columns: a table is as wide as its content needs
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 400)
err = Console(stderr=True, soft_wrap=True, width=None if sys.stderr.isatty() or os.environ.get("COLUMNS") else 400)

STORE_OPTION = typer.Option(None, "--store", help=h("store"))
ENDPOINT_OPTION = typer.Option(None, "--endpoint", help=h("endpoint"))
WAIT_OPTION = typer.Option(False, "--wait", help=h("wait"))
FORMAT_OPTION = typer.Option("table", "--format", "-f", help=h("rows_format"))


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


def _plan_key(store_dir: Path, plan: str) -> str:
    """The key of the plan `plan` names, found as `query` finds it (number, symbol, file, issuer
    or place words); as typed when the store cannot be read."""
    from ingest.errors import QueryError, StoreError
    from queries import lookup

    from .store import open_dataset

    try:
        return lookup.plan_key(open_dataset(store_dir), plan)
    except (QueryError, StoreError) as exc:
        if exc.code == "lookup_several":
            raise
        return Path(plan).stem


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[red]{t('error')}:[/red] {message}", highlight=False)
    raise typer.Exit(code)


def main() -> None:
    """Console entry: no traceback for the user unless DCSKG_DEBUG is set."""
    try:
        app()
    except Exception as exc:  # a bug: say so in one line, keep the traceback for debugging
        if os.environ.get("DCSKG_DEBUG"):
            raise
        err.print(f"[red]{t('internal_error')}:[/red] {exc.__class__.__name__}: {exc} ({t('internal_hint')})", highlight=False)
        sys.exit(1)


@app.callback()
def _root(lang: Optional[str] = typer.Option(None, "--lang", help=h("lang"))) -> None:
    try:
        set_lang(lang)
    except ValueError as exc:
        _fail(str(exc), 2)


# unchanged documents a build's report lists one by one; more are counted in one line
UNCHANGED_LISTED = 20


@app.command(help=h("build"))
def build(
    paths: list[Path] = typer.Argument(None, help=h("build_paths")),
    store: Optional[Path] = STORE_OPTION,
    endpoint: Optional[str] = ENDPOINT_OPTION,
    no_validate: bool = typer.Option(False, "--no-validate", help=h("no_validate")),
    wait: bool = WAIT_OPTION,
    export_graph: Optional[bool] = typer.Option(None, "--export/--no-export", help=h("export_graph"), show_default=False),
    warnings: bool = typer.Option(False, "--warnings", help=h("build_warnings")),
) -> None:
    from rich.progress import Progress

    from .store import DEFAULT_PLANS
    from .store import build as build_store
    from .validate import validate_dataset

    paths = paths or [DEFAULT_PLANS]
    _exists(paths)
    with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task(t("reading"), total=None)
        step = lambda f: bar.update(task, advance=1, description=Path(f).name)
        validate = None if no_validate else validate_dataset
        if endpoint:
            from .remote import build_remote

            report = build_remote(paths, endpoint, progress=step, validate=validate)
        else:
            report = build_store(
                paths, _store(store), progress=step, validate=validate, wait=wait, notice=lambda m: err.print(m, highlight=False), export_graph=export_graph,
            )
    table = Table(title=t("build_title", store=report.store, triples=report.triples, seconds=f"{report.seconds:.1f}"), show_lines=False)
    for col in t("build_columns"):
        table.add_column(col, overflow="fold")
    unchanged = [p for p in report.plans if p.summary is not None and p.status == "unchanged"]
    # a rebuild of a large folder reads a few documents: those are the report, the thousands
    # it knew already one line (10,000 rows took 9 s to print and no one reads them)
    folded = len(unchanged) > UNCHANGED_LISTED
    for p in report.plans:
        if p.summary is None:
            table.add_row("—", Path(p.source).name, "—", "—", "—", "—", "—", f"[red]{t('status_failed')}[/red]: {said_text(p.error or '')}")
            continue
        if folded and p.status == "unchanged":
            continue
        name, *rest = _summary_row(p.summary)
        table.add_row(name, Path(p.source).name, *rest, t(f"status_{p.status}"))
    out.print(table)
    if folded:
        out.print(t("unchanged_folded", n=len(unchanged)))
    if report.validated_sample:
        out.print(t("shacl_sample", n=report.validated_sample))
    if warnings and not endpoint:
        _print_warnings(report)
    if not endpoint and not report.exported:
        out.print(t("not_exported", store=report.store))
    if report.failed:
        for p in report.failed:
            err.print(f"[red]{t('error')}:[/red] {said_text(p.error or '')}", highlight=False)
        raise typer.Exit(1)


def _print_warnings(report) -> None:
    """What was noted while reading each document of this build, in the reader's language."""
    from queries.present import say
    from queries.runner import run_query

    from .i18n import sentences
    from .store import open_dataset

    files = {Path(p.source).name for p in report.plans if p.summary is not None}
    said = sentences(lang())
    tree = Tree(f"[bold]{t('warnings_title')}[/bold]")
    branches: dict[str, Tree] = {}
    for r in run_query("warnings", open_dataset(Path(report.store))):
        if r["file"] in files:
            branch = branches.get(r["file"]) or branches.setdefault(r["file"], tree.add(r["file"]))
            branch.add(say(r["warning"], said))
    out.print(tree)


def _exists(paths) -> None:
    """Something to read: a path that is missing among others is one failed file (the rest
    are read); only when none is there, or the folders hold nothing, is the command refused."""
    from ingest.pipeline import corpus_files

    if not any(os.path.lexists(p) for p in paths):
        _fail(t("no_such_path", path=", ".join(str(p) for p in paths)))
    if not corpus_files([Path(p) for p in paths]):
        _fail(t("nothing_to_read", path=", ".join(str(p) for p in paths)))


def _summary_row(shown: dict) -> list[str]:
    return [
        shown["name"],
        ", ".join(shown["implements"]) or "—",
        str(shown["tasks"]),
        f"{shown['with_role']} / {shown['agencies']}",
        str(shown["refs"]),
        str(shown["warnings"]),
    ]


@app.command(help=h("extract"))
def extract(
    files: list[Path] = typer.Argument(..., help=h("extract_files")),
    as_json: bool = typer.Option(True, "--json/--no-json", help=h("json")),
) -> None:
    from ingest.pipeline import corpus_files

    from .reading import read_one

    _exists(files)
    results = []
    failed = False
    for f in corpus_files([Path(p) for p in files]):
        # the same reader build uses: any failure is one line naming the file, the rest go on
        _, result, error = read_one(f, graph=False)
        if result is None:
            err.print(f"[red]{t('error')}:[/red] {said_text(error or '')}", highlight=False)
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


def _check_format(fmt: str) -> None:
    if fmt not in ("table", "csv", "json"):
        _fail(t("format_choice", value=repr(fmt)), 2)


def _print_rows(columns: list[str], rows: list[dict], fmt: str, title: str | None = None, headers: list[str] | None = None, count: str | None = None) -> None:
    """Rows as a table, CSV (with a BOM: Excel then opens Vietnamese intact) or JSON; under a
    table, `count` or the number of rows."""
    headers = headers or columns
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == "csv":
        sys.stdout.write(csv_text(columns, headers, rows))
    else:
        table = Table(title=title)
        for header in headers:
            table.add_column(header, overflow="fold")
        for r in rows:
            table.add_row(*["" if r.get(c) is None else str(r.get(c)) for c in columns])
        out.print(table)
        out.print(count or t("rows", n=len(rows)))


def _show(view, fmt: str) -> None:
    """An oversight view (`dcskg.oversight`) as a table, CSV or JSON (codes kept)."""
    if fmt == "json":
        _print_rows(view.columns, view.raw, fmt)
    else:
        _print_rows(view.columns, view.rows, fmt, view.title, view.headers)


@app.command(help=h("query"))
def query(
    name: str = typer.Argument(..., help=h("query_name")),
    param: list[str] = typer.Option([], "--param", "-p", help=h("param")),
    store: Optional[Path] = STORE_OPTION,
    endpoint: Optional[str] = ENDPOINT_OPTION,
    fmt: str = FORMAT_OPTION,
    codes: bool = typer.Option(False, "--codes", help=h("codes")),
    no_vague: bool = typer.Option(False, "--no-vague", help=h("no_vague")),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help=h("limit")),
    offset: int = typer.Option(0, "--offset", min=0, help=h("offset")),
    count_only: bool = typer.Option(False, "--count", help=h("count")),
) -> None:
    from queries.runner import Page, resolve, run, without_vague
    from queries.runner import count as whole_length

    from .answers import headed
    from .i18n import lang

    _check_format(fmt)
    q = resolve(name)
    ds = _dataset(store, endpoint)
    if count_only:
        n = len(without_vague(ds, run(q, ds, None, **_parse_params(param)))) if no_vague else whole_length(q, ds, **_parse_params(param))
        typer.echo(json.dumps({"rows": n}) if fmt == "json" else t("rows", n=n))
        return
    page = Page(limit, offset) if limit is not None or offset else None
    # the vague groups are left out before the page is cut, so a page is full
    rows = run(q, ds, None if no_vague else page, **_parse_params(param))
    if no_vague:
        rows = without_vague(ds, rows).paged(page)
    if fmt != "json" and not codes:
        rows = headed(q, rows, ds, lang())
    first, last = rows.offset + 1 if rows.rows else rows.offset, rows.offset + len(rows.rows)
    count = t("page_of", first=first, last=last, total=rows.total) if rows.total is not None else t("page_more", first=first, last=last) if rows.more else None
    _print_rows(rows.vars, rows.rows, fmt, q.question_vi if lang() == "vi" and q.question_vi and not codes else q.title, count=count)


@app.command("queries", help=h("queries"))
def list_queries() -> None:
    from queries.runner import library

    from .i18n import lang

    table = Table(title=t("queries_title"))
    for col in t("queries_columns"):
        table.add_column(col, overflow="fold")
    for q in library().values():
        params = ", ".join(f"{p.name}={p.example}" if p.example else p.name for p in q.params) or "—"
        table.add_row(q.name, q.question_vi if lang() == "vi" else q.question_en, params)
    out.print(table)


@app.command(help=h("coverage"))
def coverage(
    document: str = typer.Argument(..., help=h("coverage_document")),
    level: str = typer.Option("province", "--level", help=h("coverage_level")),
    within: Optional[str] = typer.Option(None, "--in", help=h("coverage_in")),
    store: Optional[Path] = STORE_OPTION,
    endpoint: Optional[str] = ENDPOINT_OPTION,
    fmt: str = FORMAT_OPTION,
) -> None:
    from .oversight import coverage_view

    _check_format(fmt)
    _show(coverage_view(_dataset(store, endpoint), document, level, within, lang()), fmt)


@app.command("search", help=h("search"))
def search_cmd(
    words: str = typer.Argument(..., help=h("search_words")),
    place: Optional[str] = typer.Option(None, "--place", help=h("search_place")),
    level: Optional[str] = typer.Option(None, "--level", help=h("search_level")),
    year: Optional[int] = typer.Option(None, "--year", help=h("search_year")),
    genre: Optional[str] = typer.Option(None, "--genre", help=h("search_genre")),
    agency: Optional[str] = typer.Option(None, "--agency", help=h("search_agency")),
    role: Optional[str] = typer.Option(None, "--role", help=h("search_role")),
    store: Optional[Path] = STORE_OPTION,
    endpoint: Optional[str] = ENDPOINT_OPTION,
    fmt: str = FORMAT_OPTION,
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help=h("limit")),
    offset: int = typer.Option(0, "--offset", min=0, help=h("offset")),
    count_only: bool = typer.Option(False, "--count", help=h("count")),
) -> None:
    from queries.search import Filters, search

    from .oversight import search_view

    _check_format(fmt)
    ds, filters = _dataset(store, endpoint), Filters(place, level, year, genre, agency, role)
    if count_only:
        n = len(search(ds, words, filters))
        typer.echo(json.dumps({"rows": n}) if fmt == "json" else t("rows", n=n))
        return
    _show(search_view(ds, words, filters, lang(), limit, offset), fmt)


@app.command(help=h("due"))
def due(
    days: int = typer.Option(30, "--days", help=h("due_days")),
    on: Optional[str] = typer.Option(None, "--on", help=h("due_on")),
    agency: Optional[str] = typer.Option(None, "--agency", help=h("only_agency")),
    place: Optional[str] = typer.Option(None, "--place", help=h("due_place")),
    store: Optional[Path] = STORE_OPTION,
    endpoint: Optional[str] = ENDPOINT_OPTION,
    fmt: str = FORMAT_OPTION,
) -> None:
    import datetime as dt

    from .oversight import due_view

    _check_format(fmt)
    try:
        day = dt.date.fromisoformat(on) if on else dt.date.today()
    except ValueError:
        _fail(t("due_bad_date", value=on), 2)
    _show(due_view(_dataset(store, endpoint), day, days, agency, place, lang()), fmt)


@app.command(help=h("status"))
def status(
    plan: Optional[str] = typer.Argument(None, help=h("status_plan")),
    path: Optional[str] = typer.Argument(None, help=h("status_path")),
    state: Optional[str] = typer.Argument(None, help=h("status_state")),
    note: Optional[str] = typer.Option(None, "--note", help=h("status_note")),
    by: Optional[str] = typer.Option(None, "--by", help=h("status_by")),
    clear: bool = typer.Option(False, "--clear", help=h("status_clear")),
    store: Optional[Path] = STORE_OPTION,
    wait: bool = WAIT_OPTION,
    fmt: str = FORMAT_OPTION,
) -> None:
    """Record a task's status, clear it, or list what is recorded (kept apart from the facts)."""
    from .status import record, statuses
    from .store import open_dataset

    _check_format(fmt)
    if plan is not None and (path is None or (state is None) == (not clear)):
        _fail(t("status_usage"), 2)
    if plan is not None and path is not None:
        entry = record(_store(store), plan, path, None if clear else state, note, by, wait=wait)
        out.print(t("status_cleared" if clear else "status_recorded", path=entry.path, plan=entry.plan, state=t(f"progress_{entry.state}") if entry.state else ""))
        return
    marks = statuses(open_dataset(_store(store)))
    rows = [{"file": file, "path": p, "line": line} | m for (file, p, line), m in sorted(marks.items())]
    if fmt != "json":
        rows = [r | {"status": t(f"progress_{r['status']}")} for r in rows]
    _print_rows(["file", "path", "line", "status", "note", "who", "when"], rows, fmt, t("status_title", n=len(rows)), None if fmt == "json" else t("status_columns"))


@app.command("cascade", help=h("cascade"))
def cascade_cmd(
    parent: str = typer.Argument(..., help=h("cascade_parent")),
    child: Optional[str] = typer.Argument(None, help=h("cascade_child")),
    store: Optional[Path] = STORE_OPTION,
    endpoint: Optional[str] = ENDPOINT_OPTION,
    fmt: str = FORMAT_OPTION,
) -> None:
    """Which of a parent's tasks each child takes up, drops or adds."""
    from .oversight import cascade_view

    _check_format(fmt)
    _show(cascade_view(_dataset(store, endpoint), parent, child, lang()), fmt)


@app.command(help=h("compare"))
def compare(
    first: str = typer.Argument(..., help=h("compare_first")),
    second: str = typer.Argument(..., help=h("compare_second")),
    only_differences: bool = typer.Option(False, "--only-differences", help=h("compare_only")),
    store: Optional[Path] = STORE_OPTION,
    endpoint: Optional[str] = ENDPOINT_OPTION,
    fmt: str = FORMAT_OPTION,
) -> None:
    from .oversight import compare_view

    _check_format(fmt)
    _show(compare_view(_dataset(store, endpoint), first, second, only_differences, lang()), fmt)


@app.command(help=h("trace"))
def trace(
    target: str = typer.Argument(..., help=h("trace_target")),
    reverse: bool = typer.Option(False, "--reverse", help=h("reverse")),
    store: Optional[Path] = STORE_OPTION,
    endpoint: Optional[str] = ENDPOINT_OPTION,
    fmt: str = FORMAT_OPTION,
) -> None:
    from queries import trace as tracing
    from queries.lookup import cited_only

    _check_format(fmt)
    ds = _dataset(store, endpoint)
    if not reverse and cited_only(ds, target):
        # a resolution or decree the graph cites but did not read has no chain of its own to
        # climb: what a reader wants of it is who carries it out
        if fmt == "table":
            out.print(t("trace_not_read", target=target))
        reverse = True
    if reverse:
        rows = tracing.down(ds, target)
        if not rows:
            _fail(t("nothing_reaches", target=target))
        if fmt != "json":
            rows = [r | {"how": t(f"how_{r['how']}"), "direct": "✓" if r["direct"] else ""} for r in rows]
        _print_rows(["document", "how", "direct", "file"], rows, fmt, t("reverse_title", target=target), None if fmt == "json" else t("reverse_columns"))
        return
    chain = tracing.up(ds, target)
    if fmt != "table":
        columns = ["depth", "relation", "document", "document_id", "date", "issuer", "source", "inferred"]
        rows = chain.rows()
        if fmt == "csv":
            rows = [r | {"relation": t(f"how_{r['relation']}") if r["relation"] != "cites" else t("cites"), "inferred": "✓" if r["inferred"] else ""} for r in rows]
        _print_rows(columns, rows, fmt, chain.name, None if fmt == "json" else t("trace_columns"))
        return
    tree = Tree(f"[bold]{chain.name}[/bold] [dim]({chain.file})[/dim]")
    nodes = {0: tree}
    for hop in chain.hops:
        how = f"{t('inferred')}, {hop.source}" if hop.inferred else hop.source
        extra = ", ".join(x for x in (hop.date, hop.issuer) if x)
        relation = t(f"how_{hop.relation}")
        label = f"{relation} [bold]{hop.document}[/bold]" + (f" ({extra})" if extra else "")
        nodes[hop.depth] = nodes[hop.depth - 1].add(f"{label} [dim]← {how}[/dim]")
    if chain.cited_instead:
        branch = tree.add(f"[yellow]{t('chain_breaks')}[/yellow]")
        for hop in chain.cited_instead:
            branch.add(f"{t('cites')} [bold]{hop.document}[/bold] [dim]← {hop.source}[/dim]")
    out.print(tree)


@app.command(help=h("remove"))
def remove(
    plan: str = typer.Argument(..., help=h("remove_plan")),
    store: Optional[Path] = STORE_OPTION,
    wait: bool = WAIT_OPTION,
) -> None:
    from .store import remove as remove_plan

    key = _plan_key(_store(store), plan)
    if not remove_plan(key, _store(store), wait=wait):
        _fail(t("no_such_plan", plan=plan))
    out.print(t("removed", key=key))


@app.command("export", help=h("export"))
def export_cmd(
    what: str = typer.Argument("graph", help=h("export_what")),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help=h("export_format")),
    plan: Optional[str] = typer.Option(None, "--plan", help=h("only_plan")),
    agency: Optional[str] = typer.Option(None, "--agency", help=h("only_agency")),
    out_path: Optional[Path] = typer.Option(None, "--out", "-o", help=h("out")),
    store: Optional[Path] = STORE_OPTION,
    force: bool = typer.Option(False, "--force", help=h("force")),
) -> None:
    from ingest.to_rdf import plan_graph_iri

    from .exports import task_rows, write_calendar, write_tasks
    from .store import EXPORT_FORMATS, open_dataset

    formats = {"graph": list(EXPORT_FORMATS), "tasks": ["csv", "xlsx"], "calendar": ["ics"]}
    if what not in formats:
        _fail(t("unknown_export", what=repr(what), choices=", ".join(formats)), 2)
    fmt = fmt or formats[what][0]
    if fmt not in formats[what]:
        _fail(t("export_format", what=what, choices=", ".join(formats[what])), 2)
    # what is written goes to stdout with `--out -`: the messages go to stderr then
    note = err if is_stdout(out_path) else out
    if what == "graph":
        paths = _export_graph(_store(store), fmt, out_path, plan_graph_iri(_plan_key(_store(store), plan)) if plan else None, force)
    elif what == "tasks":
        rows = task_rows(open_dataset(_store(store)), Path(plan).stem if plan else None, agency)
        paths = [publish(out_path or Path(f"tasks.{fmt}"), force, lambda p: write_tasks(rows, p, fmt))]
        note.print(t("tasks_count", n=len(rows)))
    else:
        ds = open_dataset(_store(store))
        paths = [publish(out_path or Path("reporting.ics"), force, lambda p: write_calendar(ds, p, agency))]
    for p in paths:
        if not is_stdout(p):
            note.print(t("wrote", path=p))


def _export_graph(store_dir: Path, fmt: str, out_path: Optional[Path], graph, force: bool) -> list[str]:
    """The graph in one format: into a folder (`--out`, default here) under its usual name, or
    on stdout with `--out -`; a file already there is kept unless --force."""
    import tempfile

    from .store import EXPORT_FORMATS, export

    if is_stdout(out_path):
        with tempfile.TemporaryDirectory(prefix="dcskg-graph-") as tmpdir:
            written = export(store_dir, [fmt], Path(tmpdir), graph)
            return [publish(STDOUT, True, lambda p: shutil.copyfile(written[0], p))]
    folder = out_path or Path(".")
    if os.path.islink(folder) or (folder.exists() and not folder.is_dir()):
        _fail(t("out_folder", path=folder))
    folder.mkdir(parents=True, exist_ok=True)
    check_target(folder / EXPORT_FORMATS[fmt][1], force)
    return [str(p) for p in export(store_dir, [fmt], folder, graph)]


@app.command(help=h("explain"))
def explain(
    fact: str = typer.Argument(..., help=h("fact")),
    store: Optional[Path] = STORE_OPTION,
    endpoint: Optional[str] = ENDPOINT_OPTION,
) -> None:
    from rdflib import URIRef

    from queries.runner import run_query

    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$", fact):
        _fail(t("not_an_iri", fact=fact), 2)
    ds = _dataset(store, endpoint)
    rows = run_query("provenance", ds, fact=URIRef(fact))
    if not len(rows):
        _fail(t("no_fact", fact=fact))
    for d in run_query("describe_fact", ds, fact=URIRef(fact)):
        out.print(f"[bold]{d['predicate']}[/bold]: {d['value']}", highlight=False)
    for r in rows:
        lines = t("line", n=r["lineStart"]) if r["lineStart"] == r["lineEnd"] else t("lines", a=r["lineStart"], b=r["lineEnd"])
        out.print(f"[bold]{t('source')}[/bold]: {r['file']}, {lines}", highlight=False)
        out.print(f"  “{r['quote']}”", highlight=False)


@app.command(help=h("network"))
def network(
    store: Optional[Path] = STORE_OPTION,
    endpoint: Optional[str] = ENDPOINT_OPTION,
    plan: Optional[str] = typer.Option(None, "--plan", help=h("only_plan")),
    place: Optional[str] = typer.Option(None, "--place", help=h("place")),
    role: str = typer.Option("all", "--role", help=h("role")),
    by_kind: bool = typer.Option(False, "--by-kind", help=h("by_kind")),
    documents: bool = typer.Option(False, "--documents", help=h("documents")),
    out_path: Path = typer.Option(Path("network.html"), "--out", "-o", help=h("network_out")),
    stats: bool = typer.Option(False, "--stats", help=h("stats")),
    csv_path: Optional[Path] = typer.Option(None, "--csv", help=h("csv")),
    gexf: Optional[Path] = typer.Option(None, "--gexf", help=h("gexf")),
    graphml: Optional[Path] = typer.Option(None, "--graphml", help=h("graphml")),
    force: bool = typer.Option(False, "--force", help=h("force")),
) -> None:
    from queries import network as nw

    from .answers import network_statistics, network_words

    if role not in ("all", "lead", "support"):
        _fail(t("role_choice"), 2)
    ds = _dataset(store, endpoint)
    if documents:
        g = nw.document_graph(ds)
        written = publish(out_path, force, lambda p: nw.render_documents(g, p, t("documents_page_title"), network_words()))
        out.print(t("wrote_documents", path=written, nodes=g.number_of_nodes(), edges=g.number_of_edges()))
        return
    drawn = nw.agency_network(ds, plan, place, role, by_kind)
    if drawn.graph.number_of_nodes() == 0:
        _fail(t("no_agencies"))
    scope = ", ".join(x for x in (drawn.plan_name, place, t("network_by_kind") if by_kind else None, None if role == "all" else role) if x)
    words = network_words()
    title = t("network_page_title") + (f" ({scope})" if scope else "")
    written = publish(out_path, force, lambda p: nw.render(drawn.view, p, title, words, directed=role == "all", show_places=not by_kind))
    view = drawn.view.graph
    limited = words.limited(drawn.view)
    out.print(t("wrote_network", path=written, nodes=view.number_of_nodes(), edges=view.number_of_edges()) + (f" — {limited}" if limited else ""))
    if stats or csv_path:
        rows, _ = nw.statistics(drawn.graph)
        if stats:
            for title, shown in network_statistics(drawn.graph, ds, rows):
                _print_rows(shown.vars, shown.rows, "table", title)
        if csv_path:
            out.print(t("wrote", path=publish(csv_path, force, lambda p: nw.write_statistics_csv(rows, p))))
    if gexf:
        out.print(t("wrote", path=publish(gexf, force, lambda p: nw.write_gexf(drawn.graph, p))))
    if graphml:
        out.print(t("wrote", path=publish(graphml, force, lambda p: nw.write_graphml(drawn.graph, p))))


@app.command(help=h("serve"))
def serve(
    store: Optional[Path] = STORE_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help=h("host")),
    port: int = typer.Option(8000, "--port", help=h("port")),
    timeout: float = typer.Option(10.0, "--timeout", help=h("timeout")),
    max_rows: int = typer.Option(10000, "--max-rows", help=h("max_rows")),
    workers: int = typer.Option(2, "--workers", help=h("workers")),
    memory: int = typer.Option(2048, "--memory", help=h("memory")),
    cors: Optional[str] = typer.Option(None, "--cors", help=h("cors")),
    max_query_kb: int = typer.Option(256, "--max-query-kb", help=h("max_query_kb")),
    client_timeout: float = typer.Option(30.0, "--client-timeout", help=h("client_timeout")),
    max_connections: int = typer.Option(32, "--max-connections", help=h("max_connections")),
    keep_replies_mb: int = typer.Option(256, "--keep-replies-mb", help=h("keep_replies_mb")),
) -> None:
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
    if max_query_kb < 1:
        _fail(t("max_query_range", value=max_query_kb), 2)
    if not client_timeout > 0:
        _fail(t("client_timeout_range", value=f"{client_timeout:g}"), 2)
    if max_connections < 1:
        _fail(t("max_connections_range", value=max_connections), 2)
    if keep_replies_mb < 0:
        _fail(t("keep_replies_range", value=keep_replies_mb), 2)
    if not db_path(_store(store)).exists():
        _fail(t("no_graph", store=_store(store)))
    try:
        server = make_server(Settings(str(_store(store)), timeout, max_rows, memory, workers, cors=cors, max_query=max_query_kb * 1000, client_timeout=client_timeout, max_connections=max_connections, keep_replies_mb=keep_replies_mb), host, port)
    except OSError as exc:
        _fail(t("cannot_listen", host=host, port=port, reason=exc.strerror))
    out.print(t("serving", base=f"http://{host}:{server.server_port}"))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@app.command(help=h("validate"))
def validate(store: Optional[Path] = STORE_OPTION, endpoint: Optional[str] = ENDPOINT_OPTION) -> None:
    from .validate import validate_dataset

    problems = validate_dataset(_dataset(store, endpoint))
    if problems:
        for p in problems:
            err.print(f"[red]{t('violation')}:[/red] {p}", highlight=False)
        raise typer.Exit(1)
    out.print(t("conforms"))
