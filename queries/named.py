"""Named SPARQL queries: load `queries/*.rq` with their headers, bind parameters, execute.

Names people type (a plan's number, an agency's spelling) are looked up by `runner`, which
sits above `lookup`; everything here takes the graph's own terms.

A query file starts with `#+ ` comment lines holding YAML metadata (title, the question in
Vietnamese and English, parameters with a type and an example). Parameters are bound with
`initBindings` (Oxigraph substitutions), never spliced into the query text, so a value with
quotes or braces is only ever a value.

On the embedded Oxigraph store each binding becomes `BIND(<term> AS ?name)` at the head of
the outer WHERE — one row, the same meaning as a VALUES block, with the term serialised by
rdflib. Oxigraph joins its `substitutions` with the solutions at the end (a one-fact query
scanned every fact: 263 ms against 0.3 ms), and it plans a basic graph pattern without
counting VALUES-bound variables as bound; a leading BIND is evaluated first. IRIs are checked
against the IRIREF grammar and literals escaped by rdflib, so a value cannot leave its BIND. Every parameter appears in its query's SELECT clause (a test checks this) and is
used in the outer group (a VALUES block does not reach into sub-selects); an optional
parameter left out is simply unbound.
"""
from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from rdflib import Dataset, Literal, URIRef
from rdflib.term import Identifier

from ingest.errors import QueryError

from . import backend

QUERY_DIR = Path(__file__).resolve().parent
_TYPES = {"literal", "iri", "integer", "document", "plan", "agency", "place"}
# parameter types a person types loosely; `queries.lookup` finds what they mean in the graph
_LOOKED_UP = {"document", "plan", "agency", "place"}


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    description: str
    example: str | None
    required: bool = True
    # a label's language ("vi"): the value is bound as a tagged literal the query can match
    # directly ("?a skos:prefLabel ?agency"), since a tag added inside the query
    # (STRLANG) is computed, and Oxigraph then plans the patterns as if it were unknown
    lang: str | None = None


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    title: str
    question_vi: str
    question_en: str
    params: tuple[Param, ...]
    text: str
    # answer column -> the scheme of the codes it holds (`queries.present` shows their labels)
    show: tuple[tuple[str, str], ...] = ()
    # "plan": the answer is ordered by its plan's file first and names each row's plan ?plan
    # in its outer group, so a page can be read plan by plan (`queries.pages`)
    page_by: str | None = None
    # parameter -> an internal query (queries/internal/) that gives the same answer when that
    # parameter is given, with its pattern required instead of optional: Oxigraph evaluates an
    # OPTIONAL group whole, whatever the bindings around it (every agency's place, to keep five rows)
    narrow: tuple[tuple[str, str], ...] = ()


_PAGE_BY = {"plan"}


def parse_header(text: str, where: str) -> dict[str, Any]:
    lines = [line[3:] if line.startswith("#+ ") else line[2:] for line in text.splitlines() if line.startswith("#+")]
    try:
        meta = yaml.safe_load("\n".join(lines)) or {}
    except yaml.YAMLError as exc:
        raise QueryError(f"header is not valid YAML: {exc}", where, code="header_yaml", params={"problem": str(exc).splitlines()[0]}) from exc
    if not isinstance(meta, dict):
        raise QueryError("header must be a mapping", where, code="header_mapping")
    for key in ("title", "question_vi"):
        if not meta.get(key):
            raise QueryError(f"header lacks '{key}'", where, code="header_lacks", params={"key": key})
    # a question asked in Vietnamese alone is asked so in English too (a reader's own .rq)
    meta.setdefault("question_en", meta["question_vi"])
    return meta


def load(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    meta = parse_header(text, str(path))
    params = []
    for p in meta.get("params") or []:
        if p.get("type", "literal") not in _TYPES:
            raise QueryError(f"parameter {p.get('name')!r} has unknown type {p.get('type')!r}", str(path))
        params.append(
            Param(
                p["name"], p.get("type", "literal"), p.get("description", ""), None if p.get("example") is None else str(p["example"]),
                bool(p.get("required", True)), None if p.get("lang") is None else str(p["lang"]),
            )
        )
    show = meta.get("show") or {}
    if not isinstance(show, dict):
        raise QueryError("'show' must map answer columns to code schemes", str(path))
    page_by = meta.get("page_by")
    if page_by is not None and page_by not in _PAGE_BY:
        raise QueryError(f"'page_by' must be one of {', '.join(sorted(_PAGE_BY))}, not {page_by!r}", str(path))
    narrow = meta.get("narrow") or {}
    if not isinstance(narrow, dict) or not set(narrow) <= {p.name for p in params}:
        raise QueryError("'narrow' must map parameters of the query to internal queries", str(path))
    return NamedQuery(path.stem, path, meta["title"], meta["question_vi"], meta["question_en"], tuple(params), text, tuple(show.items()), page_by, tuple(narrow.items()))


@cache
def library() -> dict[str, NamedQuery]:
    return {p.stem: load(p) for p in sorted(QUERY_DIR.glob("*.rq"))}


@cache
def internal(name: str) -> NamedQuery:
    """A query the tool runs for itself (queries/internal/NAME.rq), read once."""
    return load(QUERY_DIR / "internal" / f"{name}.rq")


def facts(name: str) -> NamedQuery:
    """The raw-fact twin of a named query that reads the build-time statistics
    (queries/facts/NAME.rq): the same answer, computed from the facts — for drill-down, tests
    and the benchmark."""
    path = QUERY_DIR / "facts" / f"{name}.rq"
    if not re.fullmatch(r"[A-Za-z0-9_]+", name) or not path.exists():
        raise QueryError("no raw-fact version of this query", name)
    return load(path)


def resolve(name_or_file: str) -> NamedQuery:
    if name_or_file.endswith(".rq"):
        path = Path(name_or_file)
        if not path.exists():
            raise QueryError("no such query file", name_or_file, code="no_query_file")
        text = path.read_text(encoding="utf-8")
        if "#+" in text:
            return load(path)
        return NamedQuery(path.stem, path, path.stem, "", "", (), text)
    path = QUERY_DIR / f"{name_or_file}.rq"
    if not re.fullmatch(r"[A-Za-z0-9_]+", name_or_file) or not path.exists():
        names = ", ".join(sorted(p.stem for p in QUERY_DIR.glob("*.rq")))
        near = difflib.get_close_matches(name_or_file, names.split(", "), n=1)
        hint = {"near": near[0]} if near else {}
        raise QueryError(f"unknown query; named queries: {names}", name_or_file, code="unknown_query_near" if near else "unknown_query", params={"names": names, **hint})
    return load(path)


def bindings(query: NamedQuery, params: dict[str, Any]) -> dict[str, Identifier]:
    declared = {p.name: p for p in query.params}
    unknown = set(params) - set(declared)
    headed = bool(query.question_vi)  # a named query declares its parameters, even "none"
    if unknown and (declared or headed):
        takes = ", ".join(sorted(declared)) or "no parameters"
        raise QueryError(
            f"unknown parameter(s) {', '.join(sorted(unknown))}; this query takes {takes}",
            query.name,
            code="unknown_params" if declared else "takes_no_params",
            params={"unknown": ", ".join(sorted(unknown)), "takes": ", ".join(sorted(declared))},
        )
    out: dict[str, Identifier] = {}
    for name, p in declared.items():
        if name not in params or params[name] is None:
            if p.required:
                example = f" (e.g. {name}={p.example})" if p.example else ""
                raise QueryError(f"missing parameter '{name}'{example}", query.name, code="missing_param", params={"name": name, "example": p.example or "…"})
            continue
        value = params[name]
        if isinstance(value, Literal) and p.lang and value.language is None and value.datatype is None:
            out[name] = Literal(str(value), lang=p.lang)
        elif isinstance(value, Identifier):
            out[name] = value
        elif p.type in ("iri", "plan"):
            out[name] = URIRef(str(value))
        elif p.type == "integer":
            try:
                out[name] = Literal(int(value))
            except ValueError as exc:
                raise QueryError(f"parameter '{name}' must be a whole number, not {value!r}", query.name, code="param_integer", params={"name": name, "value": value}) from exc
        else:
            out[name] = Literal(str(value), lang=p.lang)
    if not declared and not headed:
        # a .rq file without a header: its parameters are whatever the caller binds
        for name, value in params.items():
            out[name] = value if isinstance(value, Identifier) else Literal(str(value))
    return out


@dataclass(frozen=True)
class Page:
    """One page of an answer: `limit` rows after the first `offset` (no limit: all of them)."""

    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        if (self.limit is not None and self.limit < 1) or self.offset < 0:
            raise QueryError("a page takes a limit of 1 or more rows and an offset of 0 or more", "page", code="bad_page")

    def of(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return rows[self.offset : None if self.limit is None else self.offset + self.limit]


@dataclass
class Rows:
    vars: list[str]
    rows: list[dict[str, Any]]
    total: int | None = None  # the whole answer's length when `rows` is one page of it
    offset: int = 0  # where the page starts in the whole answer
    more: bool = False  # rows follow this page (said where the whole was not counted: `total` None)

    def paged(self, page: Page | None) -> Rows:
        """This answer cut to `page`, counting the whole."""
        if page is None:
            return self
        return Rows(self.vars, page.of(self.rows), len(self.rows), page.offset)

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> list[Any]:
        return [r.get(name) for r in self.rows]

    def to_dataframe(self):
        import pandas as pd  # optional: notebooks

        return pd.DataFrame(self.rows, columns=self.vars)


def _python(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, Literal):
        py = value.toPython()
        return py if not isinstance(py, Literal) else str(py)
    return str(value)


_IRIREF_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


def with_values(text: str, bound: dict[str, Identifier]) -> str | None:
    """The query with the bindings as leading BINDs, or None when it has no WHERE group."""
    if not bound:
        return text
    m = _WHERE.search(text)
    if m is None:
        return None
    terms = []
    for name, term in bound.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"bad parameter name {name!r}", "")
        if isinstance(term, URIRef) and _IRIREF_BAD.search(str(term)):
            raise QueryError(f"parameter '{name}' is not a valid IRI: {str(term)!r}", "")
        terms.append(term.n3())
    binds = "".join(f"\n  BIND({term} AS ?{name})" for name, term in zip(bound, terms))
    return f"{text[: m.end()]}{binds}\n{text[m.end():]}"


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {f"{_XSD}{t}" for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong")}


def _from_oxigraph(term: Any) -> Any:
    """A pyoxigraph term as the Python value rdflib's `toPython` would give (without building
    rdflib terms: at 10,000 plans that conversion cost as much as the query)."""
    if term is None:
        return None
    import pyoxigraph as ox

    if not isinstance(term, ox.Literal):
        return term.value
    datatype = term.datatype.value
    try:
        if datatype in _INTEGERS:
            return int(term.value)
        if datatype == f"{_XSD}boolean":
            return term.value in ("true", "1")
        if datatype in (f"{_XSD}double", f"{_XSD}float"):
            return float(term.value)
        if datatype == f"{_XSD}decimal":
            from decimal import Decimal

            return Decimal(term.value)
        if datatype == f"{_XSD}date":
            from datetime import date

            return date.fromisoformat(term.value)
    except ValueError:
        pass
    return term.value


def _page_of(solutions, names: list[str], page: Page) -> Rows:
    """One page of Oxigraph's solutions: the rows before it are skipped and the rows after it
    counted, neither turned into Python values (at 10,000 plans that conversion cost as much
    as the query)."""
    it = iter(solutions)
    skipped = sum(1 for _ in itertools.islice(it, page.offset))
    taken = [{n: _from_oxigraph(row[i]) for i, n in enumerate(names)} for row in itertools.islice(it, page.limit)]
    return Rows(names, taken, skipped + len(taken) + sum(1 for _ in it), page.offset)


def execute(query: NamedQuery, ds: Dataset, params: dict[str, Any], page: Page | None = None) -> Rows:
    """Run a query with parameters already in the graph's terms (no look-up of names); with a
    `page`, only that page's rows are read into Python and the whole answer is counted."""
    return execute_bound(query, ds, bindings(query, params), page)


def execute_bound(query: NamedQuery, ds: Dataset, bound: dict[str, Identifier], page: Page | None = None) -> Rows:
    """`execute` with the parameters already bound to RDF terms; a caller may bind a variable
    the query does not offer as a parameter (`queries.pages` binds each row's ?plan)."""
    result: Any  # rdflib's Result: its attributes depend on the query's form
    try:
        from oxrdflib import OxigraphStore

        text = with_values(query.text, bound) if isinstance(ds.store, OxigraphStore) else None
        inner = backend.native(ds)
        if text is not None and inner is not None and ds.default_union:
            import pyoxigraph as ox

            # the embedded store answers directly: the same answer, without rdflib's terms
            solutions = inner.query(text, use_default_graph_as_union=True)
            if isinstance(solutions, ox.QuerySolutions):
                names = [v.value for v in solutions.variables]
                if page is not None:
                    return _page_of(solutions, names, page)
                return Rows(names, [{n: _from_oxigraph(row[i]) for i, n in enumerate(names)} for row in solutions])
            result = ds.query(text)
        elif text is not None:
            result = ds.query(text)
        else:
            result = ds.query(query.text, initBindings=bound)
    except Exception as exc:  # pyoxigraph raises SyntaxError/OSError subclasses of its own
        raise QueryError(f"query failed: {exc}", query.name) from exc
    if result.type == "ASK":
        return Rows(["answer"], [{"answer": bool(result.askAnswer)}])
    if result.type == "CONSTRUCT":
        return Rows(["s", "p", "o"], [{"s": str(s), "p": str(p), "o": _python(o)} for s, p, o in result.graph]).paged(page)
    names = [str(v) for v in result.vars]
    rows = [{n: _python(row.get(v) if hasattr(row, "get") else row[i]) for i, (n, v) in enumerate(zip(names, result.vars))} for row in result]
    return Rows(names, rows).paged(page)
