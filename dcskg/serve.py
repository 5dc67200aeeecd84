"""`dcskg serve`: a read-only SPARQL 1.1 Protocol endpoint over the embedded store, with a
query page (YASGUI, bundled, no CDN) offering the named queries as examples.

What it refuses, and why:
- every query is parsed (rdflib's SPARQL 1.1 grammar) before Oxigraph sees it: an update
  (INSERT, LOAD, DROP …) is 403, and a query with `SERVICE` is 403 too — federation would
  make the server fetch other addresses on its network and echo what they answer;
- each query runs in one of `workers` long-lived query processes (dcskg/workers.py) on a
  read-only handle of the store, under an address-space limit (RLIMIT_AS) and a time limit
  (past it the process is killed and replaced); a request that finds them all busy for
  `queue_wait` seconds gets 503 with `Retry-After`;
- no CORS header unless `--cors ORIGIN` allows one origin (or `*`): a web page the analyst
  happens to open cannot drive the endpoint;
- results are capped at `max_rows`; a capped answer says so in the `X-DCS-Truncated` header
  and in its body (a `link` in the SPARQL JSON/XML head, a comment line in Turtle, N-Triples,
  CSV and TSV);
- malformed requests are answered 400 and logged in one line, never with a traceback.
"""
from __future__ import annotations

import json
import os
import re
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass
from functools import cache, lru_cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from . import replies
from .oversight_pages import PAGES
from .workers import Busy, Died, QueryPool, Reply, TimedOut

STATIC = Path(__file__).resolve().parent / "static"
RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {"ttl": "text/turtle", "nt": "application/n-triples", "xml": "application/rdf+xml"}
TRUNCATED = "urn:dcs-kg:truncated"
MAX_BODY = 1_000_000  # bytes of a POSTed query
SUGGESTIONS = 5000  # names a form field offers at most


@dataclass(frozen=True)
class Settings:
    store: str  # the store folder (dcskg/store.py); each query opens its current generation
    timeout: float = 10.0
    max_rows: int = 10000
    memory_mb: int = 2048  # address space of one query process beyond the server's own
    workers: int = 2  # query processes kept running
    queue_wait: float = 2.0  # seconds a request waits for a free query process before 503
    cors: str | None = None  # the one origin allowed to call from a browser, or "*"
    max_query: int = 256_000  # bytes of a query's text; a longer one is refused before parsing
    client_timeout: float = 30.0  # seconds a connection may stay silent before it is closed
    max_connections: int = 32  # connections open at once from one client address
    keep_replies_mb: int = 256  # memory for slow replies given again (dcskg/replies.py); 0: none

    @property
    def db(self) -> str:
        # resolved: `current` is a link a rebuild moves, and a query process keeps the
        # database it opened until the path it is given changes
        return _current_db(self.store)

    def dataset(self):
        """The store read-only in this process, for look-ups (queries run in child processes)."""
        from .store import open_dataset

        return open_dataset(Path(self.store))


@lru_cache(maxsize=16)
def _resolved(store: str) -> Path:
    return Path(store).resolve()


def _current_db(store: str) -> str:
    """The database of the store's current generation, read from its link with one system call:
    resolving the whole path on every request cost the server as much as a one-plan look-up."""
    from .folder import CURRENT, DB_DIR, db_path

    root = _resolved(store)
    try:
        generation = os.readlink(root / CURRENT)
    except OSError:  # no link (a store of the first format): resolved the long way
        return str(db_path(root).resolve())
    return str(root / generation / DB_DIR) if "/" not in generation else str(db_path(root).resolve())


class QueryForm:
    """What a query is, read from its parse tree before anything runs it."""

    def __init__(self, form: str):
        self.form = form  # SelectQuery | AskQuery | ConstructQuery | DescribeQuery

    @property
    def gives_graph(self) -> bool:
        return self.form in ("ConstructQuery", "DescribeQuery")


def inspect_query(query: str) -> QueryForm:
    """Parse with the SPARQL 1.1 grammar; refuse updates and federation (`SERVICE`).

    Runs in the query's worker, under its limits; the server keeps the form of each text that
    passed (`_FORMS`): a dashboard asks the same questions over and over, and rdflib's parser
    costs 20–40 ms a question."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        tree = parseQuery(query)
    except Exception as exc:  # noqa: BLE001 — pyparsing's ParseException and friends
        try:
            parseUpdate(query)
        except Exception:  # noqa: BLE001 — whatever parseUpdate raises, the query was not SPARQL
            raise QueryFailed(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {exc}") from None
        raise QueryFailed(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL UPDATE and LOAD are refused") from None

    def names(node):
        if isinstance(node, CompValue):
            yield node.name
            for v in node.values():
                yield from names(v)
        elif isinstance(node, (list, tuple, ParseResults)):
            for v in node:
                yield from names(v)

    if "ServiceGraphPattern" in set(names(tree)):
        raise QueryFailed(HTTPStatus.FORBIDDEN, "SERVICE (federated query) is refused: this endpoint answers from its own graph only")
    return QueryForm(tree[1].name)


class QueryFailed(Exception):
    def __init__(self, status: HTTPStatus, message: str):
        super().__init__(message)
        self.status = status


def _to_rdflib(term):
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)  # a plain string; an explicit xsd:string shows as noise in clients
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _note(body: bytes, fmt: str, max_rows: int) -> bytes:
    """State a capped answer in its own body, in the way each format allows."""
    text = f"dcs-kg: truncated at {max_rows} rows (the endpoint's --max-rows)"
    if fmt == "json":
        data = json.loads(body)
        data.setdefault("head", {}).setdefault("link", []).append(TRUNCATED)
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
    if fmt == "xml" and b"<head>" in body:
        return body.replace(b"</head>", f'<link href="{TRUNCATED}"/></head>'.encode(), 1)
    if fmt == "xml":
        return body.replace(b"?>", f"?>\n<!-- {text} -->".encode(), 1)
    return body + f"# {text}\n".encode()


def _capped(items, max_rows: int) -> tuple[list, bool]:
    """At most `max_rows` items, and whether there were more."""
    out: list = []
    for item in items:
        if len(out) >= max_rows:
            return out, True
        out.append(item)
    return out, False


def _json_term(term) -> dict:
    """One term in the SPARQL 1.1 Query Results JSON Format."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}  # RDF-star: refused before, kept whole if met


def _answer(open_store, query: str, accept: str, explicit: str | None, known: str | None, max_rows: int, memory_mb: int) -> Reply:
    """In a query process: parse and check one query (unless `known` gives the form of a text
    parsed and checked before), choose its format, run it on the read-only store; (status,
    type, body, truncated, form parsed, retire). The parse costs ten times what a one-plan
    look-up does."""
    parsed = None
    try:
        form = QueryForm(known) if known else inspect_query(query)
        parsed = None if known else form.form
        fmt = negotiate(accept, explicit, form.gives_graph)
        try:
            store = open_store()
        except Exception as exc:  # noqa: BLE001 — the server's trouble (a generation switched, files), not the query's
            message = f"the store could not be opened for this query ({exc.__class__.__name__}: {str(exc)[:200]}); retry"
            return 503, "text/plain", message.encode(), False, parsed, True
        ctype, body, truncated = _render(store.query(query, use_default_graph_as_union=True), fmt, max_rows)
        return 200, ctype, body, truncated, parsed, False
    except QueryFailed as exc:  # refused by the parse check or the negotiation
        return int(exc.status), "text/plain", str(exc).encode("utf-8"), False, parsed, False
    except SyntaxError as exc:
        return 400, "text/plain", f"SPARQL syntax error: {exc}".encode(), False, parsed, False
    except MemoryError:
        # the process may be left in a bad state: it answers, then a fresh one takes its place
        return 503, "text/plain", f"query stopped: it needed more than {memory_mb} MiB".encode(), False, parsed, True
    except Exception as exc:  # noqa: BLE001 — a bad query must not crash the worker silently
        return 400, "text/plain", f"query failed: {exc}".encode(), False, parsed, False


def _render(res, fmt: str, max_rows: int) -> tuple[str, bytes, bool]:
    """(content type, body, truncated) of an Oxigraph answer in the negotiated format."""
    import pyoxigraph as ox
    from rdflib import Graph, Variable
    from rdflib.query import Result

    if isinstance(res, ox.QueryBoolean):
        out = Result("ASK")
        out.askAnswer = bool(res)
        kind = fmt if fmt in ("json", "xml") else "json"
        return RESULT_TYPES[kind], out.serialize(format=kind) or b"", False
    if isinstance(res, ox.QuerySolutions) and fmt == "json":
        # SPARQL JSON written straight from Oxigraph's terms: building rdflib terms and
        # serialising them through rdflib took as long as the query itself
        names = [v.value for v in res.variables]
        solutions, truncated = _capped(res, max_rows)
        bindings = [{n: _json_term(s[n]) for n in names if s[n] is not None} for s in solutions]
        head: dict = {"vars": names}
        if truncated:
            head["link"] = [TRUNCATED]
        return RESULT_TYPES[fmt], json.dumps({"head": head, "results": {"bindings": bindings}}, ensure_ascii=False).encode("utf-8"), truncated
    if isinstance(res, ox.QuerySolutions):
        names = [v.value for v in res.variables]
        solutions, truncated = _capped(res, max_rows)
        rows = [{Variable(n): _to_rdflib(s[n]) for n in names if s[n] is not None} for s in solutions]
        if fmt == "tsv":
            # SPARQL 1.1 TSV: "?var" headers, terms in N-Triples syntax (rdflib has no writer)
            lines = ["\t".join(f"?{n}" for n in names)]
            lines += ["\t".join(r[Variable(n)].n3() if Variable(n) in r else "" for n in names) for r in rows]
            body = ("\n".join(lines) + "\n").encode("utf-8")
        else:
            table: Any = Result("SELECT")  # rdflib's writers take a Result
            table.vars = [Variable(n) for n in names]
            table.bindings = rows
            body = table.serialize(format=fmt) or b""
        return RESULT_TYPES[fmt], _note(body, fmt, max_rows) if truncated else body, truncated
    g = Graph()
    truncated = False
    for i, t in enumerate(res):
        if i >= max_rows:
            truncated = True
            break
        g.add(tuple(_to_rdflib(x) for x in (t.subject, t.predicate, t.object)))
    body = g.serialize(format={"ttl": "turtle", "nt": "nt", "xml": "xml"}[fmt], encoding="utf-8")
    return GRAPH_TYPES[fmt], _note(body, "xml" if fmt == "xml" else "ttl", max_rows) if truncated else body, truncated


_POOLS: dict[tuple[str, int, int], QueryPool] = {}
_POOLS_LOCK = threading.Lock()


def _pool(settings: Settings) -> QueryPool:
    """One pool of query processes per served store, whatever the request's own settings."""
    with _POOLS_LOCK:
        key = (settings.store, settings.workers, settings.memory_mb)
        if key not in _POOLS:
            _POOLS[key] = QueryPool(settings.workers, settings.memory_mb, _answer)
        return _POOLS[key]


_REPLIES: dict[int, replies.Replies] = {}  # slow replies, by the memory they may take


def _replies(settings: Settings) -> replies.Replies:
    with _POOLS_LOCK:
        return _REPLIES.setdefault(settings.keep_replies_mb, replies.Replies(settings.keep_replies_mb * 1024 * 1024))


_FORMS: dict[str, QueryForm] = {}  # query text -> its form, for texts a worker has parsed
_FORMS_LIMIT = 1024


def run_query(settings: Settings, query: str, accept: str, explicit: str | None = None) -> tuple[int, str, bytes, bool]:
    """Answer a query in a query process (dcskg/workers.py) that parses, checks and runs it
    under the time and memory limits (the parse too: a huge or pathological text holds a
    process and is killed on time like any slow query). A text parsed before skips the parse."""
    size = len(query.encode("utf-8"))
    if size > settings.max_query:
        raise QueryFailed(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"query too large: {size // 1000} kB, the limit is {settings.max_query // 1000} kB (--max-query-kb)")
    db = settings.db
    key = (db, query, accept, explicit, settings.max_rows)
    kept_here = _replies(settings)
    kept = kept_here.get(key)
    if kept is not None:
        return (200, *kept)
    form = _FORMS.get(query)
    if form is not None:
        negotiate(accept, explicit, form.gives_graph)  # 406 without taking a worker
    started = time.perf_counter()
    try:
        status, ctype, body, truncated, parsed, _ = _pool(settings).ask(
            db, query, accept, explicit, form.form if form else None, settings.max_rows, settings.timeout, settings.queue_wait
        )
    except Busy:
        raise QueryFailed(HTTPStatus.SERVICE_UNAVAILABLE, f"all {settings.workers} query processes are busy; retry shortly") from None
    except TimedOut:
        raise QueryFailed(HTTPStatus.SERVICE_UNAVAILABLE, f"query timed out after {settings.timeout:g} s and was stopped") from None
    except Died as exc:
        sys.stderr.write(f"dcs-kg serve: a query process ended without an answer (exit {exc.args[0] if exc.args else '?'})\n")
        raise QueryFailed(
            HTTPStatus.SERVICE_UNAVAILABLE,
            f"the query was stopped without an answer; it probably needed more than the {settings.memory_mb} MiB a query may take (--memory)",
        ) from None
    if parsed is not None and len(_FORMS) < _FORMS_LIMIT:
        _FORMS[query] = QueryForm(parsed)
    if isinstance(body, str):
        body = body.encode("utf-8")
    if status != 200:
        message = body.decode("utf-8", "replace")
        if status == 400 and message.startswith("query failed"):
            # a query that parsed but failed to run: the body is kept in the log, so a failure
            # seen once under load can be told from a bad query afterwards
            sys.stderr.write(f"dcs-kg serve: 400 for a query that parsed: {message[:300]}\n")
        raise QueryFailed(HTTPStatus(status), message)
    kept_here.put(key, (ctype, body, truncated), time.perf_counter() - started)
    return status, ctype, body, truncated


class NotAcceptable(QueryFailed):
    def __init__(self, offered: dict[str, str]):
        super().__init__(HTTPStatus.NOT_ACCEPTABLE, "none of the accepted types can be given; this query can be answered as: " + ", ".join(offered.values()))


def _accepted(accept: str) -> tuple[list[str], set[str]]:
    """Media types of an Accept header, best first, and those it refuses (q=0)."""
    ranked, refused = [], set()
    for i, part in enumerate(accept.split(",")):
        bits = [b.strip() for b in part.split(";")]
        if not bits[0]:
            continue
        q = 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, bits[0].lower()))
        else:
            refused.add(bits[0].lower())
    return [t for _, _, t in sorted(ranked)], refused


def negotiate(accept: str, explicit: str | None, graph: bool = False) -> str:
    """The format key for a query's answer: `format=` first, then Accept with its q-values.
    A type given q=0 is never chosen, not even through a wildcard; no acceptable type is 406."""
    offered = GRAPH_TYPES if graph else RESULT_TYPES
    if explicit:
        for key, ctype in offered.items():
            if explicit in (key, ctype):
                return key
        raise NotAcceptable(offered)
    types, refused = _accepted(accept or "*/*")
    if not types and not refused:
        return "ttl" if graph else "json"
    preference = (["ttl", "nt", "xml"] if graph else ["json", "xml", "csv", "tsv"])

    def allowed(key: str) -> bool:
        ctype = offered[key]
        return ctype not in refused and "*/*" not in refused and f"{ctype.split('/')[0]}/*" not in refused

    for ctype in types:
        for key, known in offered.items():
            if ctype == known and allowed(key):
                return key
        if not graph and ctype == "application/json" and allowed("json"):
            return "json"
        if ctype in ("*/*", "application/*", "text/*"):
            family = ctype.split("/")[0]
            order = (["csv", "tsv"] if family == "text" and not graph else preference)
            for key in order:
                if allowed(key) and (family == "*" or offered[key].startswith(family + "/")):
                    return key
    raise NotAcceptable(offered)


_IRI_START = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`]')


def bind_named(settings: Settings, name: str, values: dict[str, str]) -> str:
    """A named query with a person's parameter values looked up and bound: the text the page
    runs. A value that finds nothing is a 404 naming the nearest candidates."""
    from ingest.errors import QueryError
    from queries.runner import answering_query, bindings, library, look_up, with_values

    query = library().get(name)
    if query is None:
        raise QueryFailed(HTTPStatus.NOT_FOUND, f"no named query {name!r}")
    given = {k: v for k, v in values.items() if v.strip()}
    for key, value in given.items():
        # a value written as an IRI must be one: it is bound as a term, never spliced as text
        if _IRI_START.match(value) and _NOT_IN_IRI.search(value):
            raise QueryFailed(HTTPStatus.BAD_REQUEST, f"parameter {key!r}: {value[:200]!r} is not a valid IRI")
    try:
        bound = bindings(query, look_up(query, settings.dataset(), given))
    except QueryError as exc:
        status = HTTPStatus.BAD_REQUEST if "not a valid" in str(exc) else HTTPStatus.NOT_FOUND
        raise QueryFailed(status, str(exc)) from None
    try:
        text = with_values(answering_query(query, bound).text, bound)
    except QueryError as exc:
        raise QueryFailed(HTTPStatus.BAD_REQUEST, str(exc)) from None
    if text is None:
        raise QueryFailed(HTTPStatus.BAD_REQUEST, f"{name} has no WHERE group to bind values in")
    return text


def suggestions(settings: Settings, kind: str) -> list[str]:
    """Values a form field can offer for a parameter type (agency, document, plan, place)."""
    from queries.lookup import candidates

    try:
        return candidates(settings.dataset(), kind)[:SUGGESTIONS]
    except ValueError as exc:
        raise QueryFailed(HTTPStatus.NOT_FOUND, str(exc)) from None


def labels(settings: Settings, lang: str) -> dict:
    """What the page shows in place of codes: labels per scheme, document names per file and
    the catalogue's words, in one language (see `queries.present`)."""
    from queries.present import presenter

    from .i18n import LANGS, code_words

    if lang not in LANGS:
        raise QueryFailed(HTTPStatus.BAD_REQUEST, "lang must be vi or en")
    how = presenter(settings.dataset(), lang, code_words(lang))
    schemes: dict[str, dict[str, str]] = {}
    for (scheme, code), label in how.labels.items():
        schemes.setdefault(scheme, {})[code] = label
    schemes["plan"] = dict(how.plans)  # a document read, by its IRI: its name
    from .i18n import catalogue

    return {"schemes": schemes, "documents": how.documents, "words": how.words, "columns": catalogue()["columns"][lang]}


def page(lang: str = "vi") -> bytes:
    """The query page in `lang` (Vietnamese for any other)."""
    from .i18n import LANGS

    return _page(lang if lang in LANGS else "vi")


@cache
def _page(lang: str) -> bytes:
    """The page made once per language: its own words from the catalogue (`query_page`), the
    named queries with their questions in that language."""
    import html as markup

    from queries.runner import library

    from .i18n import catalogue

    words = {**catalogue()["query_page"][lang], "lang": lang}
    examples = [
        {
            "name": q.name,
            "title": q.title,
            "question": q.question_en if lang == "en" else q.question_vi,
            "query": q.text,
            "params": [p.name for p in q.params],
            "show": dict(q.show),
            "fields": [{"name": p.name, "type": p.type, "example": p.example, "required": p.required, "description": p.description} for p in q.params],
        }
        for q in library().values()
    ]
    text = (STATIC / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\{\{t:(\w+)\}\}", lambda m: markup.escape(words[m.group(1)]), text)
    for marker, value in (("/*EXAMPLES*/[]", examples), ("/*CHROME*/{}", words)):
        text = text.replace(marker, json.dumps(value, ensure_ascii=False).replace("</", "<\\/"))
    return text.encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    """The endpoint's requests: the query page, its static files and look-ups, and /sparql
    (GET and POST, read-only). `settings` is set on the subclass make_handler returns."""

    settings: Settings
    server_version = "dcs-kg"
    # the status line, headers and body leave in one write when the answer is done: written
    # unbuffered, each went out as a packet of its own
    wbufsize = 64 * 1024

    def log_message(self, fmt: str, *args) -> None:  # quiet: one line per request is noise here
        pass

    def log_error(self, fmt: str, *args) -> None:
        sys.stderr.write(f"dcs-kg serve: {self.address_string()} {fmt % args}\n")

    def _guard(self, method) -> None:
        """Whatever goes wrong answers the client and logs one line, never a traceback."""
        try:
            method()
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as exc:  # noqa: BLE001 — a bug: the client gets 500, the log one line
            self.log_error("internal error on %s: %s: %s", self.path[:200], exc.__class__.__name__, exc)
            try:
                self._error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error; the server log has one line about it")
            except OSError:
                pass

    def _send(self, status: int, ctype: str, body: bytes, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8" if ctype.startswith("text/") or "json" in ctype else ctype)
        self.send_header("Content-Length", str(len(body)))
        if self.settings.cors:
            self.send_header("Access-Control-Allow-Origin", self.settings.cors)
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, "text/plain", message.encode("utf-8"))

    def _answer(self, query: str | None, fmt: str | None) -> None:
        if not query:
            self._error(HTTPStatus.BAD_REQUEST, "missing 'query' parameter")
            return
        try:
            _, ctype, body, truncated = run_query(self.settings, query, self.headers.get("Accept", ""), fmt)
        except QueryFailed as exc:
            extra = {"Retry-After": "2"} if exc.status == HTTPStatus.SERVICE_UNAVAILABLE and "busy" in str(exc) else None
            self._send(exc.status, "text/plain", str(exc).encode("utf-8"), extra)
            return
        self._send(200, ctype, body, {"X-DCS-Truncated": "true", "Access-Control-Expose-Headers": "X-DCS-Truncated"} if truncated else None)

    def do_GET(self) -> None:
        self._guard(self._get)

    def do_POST(self) -> None:
        self._guard(self._post)

    def _get(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query)
        if url.path in ("/", "/index.html"):
            self._send(200, "text/html", page(params.get("lang", ["vi"])[0]))
        elif url.path.startswith("/static/"):
            target = (STATIC / url.path[len("/static/"):]).resolve()
            if STATIC not in target.parents or not target.is_file():
                self._error(HTTPStatus.NOT_FOUND, "not found")
                return
            ctype = {".js": "application/javascript", ".css": "text/css", ".html": "text/html"}.get(target.suffix, "application/octet-stream")
            self._send(200, ctype, target.read_bytes())
        elif url.path == "/bind":
            name = (params.get("name") or [""])[0]
            values = {k: v[0] for k, v in params.items() if k != "name"}
            try:
                self._send(200, "application/sparql-query", bind_named(self.settings, name, values).encode("utf-8"))
            except QueryFailed as exc:
                self._error(exc.status, str(exc))
        elif url.path == "/labels":
            try:
                body = json.dumps(labels(self.settings, (params.get("lang") or ["vi"])[0]), ensure_ascii=False)
                self._send(200, "application/json", body.encode("utf-8"))
            except QueryFailed as exc:
                self._error(exc.status, str(exc))
        elif url.path == "/suggest":
            try:
                self._send(200, "application/json", json.dumps(suggestions(self.settings, (params.get("type") or [""])[0]), ensure_ascii=False).encode("utf-8"))
            except QueryFailed as exc:
                self._error(exc.status, str(exc))
        elif url.path.strip("/") in PAGES:
            from .oversight_pages import answer

            reply = answer(url.path.strip("/"), {k: v[0] for k, v in params.items()}, self.settings.dataset)
            self._send(reply.status, reply.ctype, reply.body, reply.headers)
        elif url.path == "/sparql":
            if "update" in params:
                self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL UPDATE is refused")
                return
            self._answer(_first(params, "query"), _first(params, "format"))
        else:
            self._error(HTTPStatus.NOT_FOUND, "not found: use /sparql, / or /" + ", /".join(PAGES))

    def _post(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/sparql":
            self._error(HTTPStatus.NOT_FOUND, "not found: POST to /sparql")
            return
        raw = (self.headers.get("Content-Length") or "").strip()
        if not raw.isdigit():
            self.close_connection = True
            self.log_error("bad Content-Length %r", raw[:40])
            self._error(HTTPStatus.BAD_REQUEST if raw else HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length of 0 or more bytes")
            return
        length = int(raw)
        if length > MAX_BODY:
            self.close_connection = True
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"query too large (more than {MAX_BODY // 1000} kB)")
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        if ctype == "application/sparql-update":
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL UPDATE is refused")
            return
        if ctype == "application/sparql-query":
            self._answer(body, None)
            return
        form = urllib.parse.parse_qs(body)
        if "update" in form:
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL UPDATE is refused")
            return
        self._answer(_first(form, "query"), _first(form, "format"))


def make_handler(settings: Settings) -> type[_Handler]:
    """The request handler for these settings; a connection silent for `client_timeout` is
    closed, so a slow client cannot hold a thread at will."""
    return type("Handler", (_Handler,), {"settings": settings, "timeout": settings.client_timeout})


class _Server(ThreadingHTTPServer):
    """One thread per connection, at most `max_connections` open from one client address: the
    next is answered 503 and closed at once, so a crowd of slow clients from one machine cannot
    take every thread."""

    daemon_threads = True

    def __init__(self, address, handler, max_connections: int) -> None:
        super().__init__(address, handler)
        self.max_connections = max_connections
        self._open: dict[str, int] = {}
        self._open_lock = threading.Lock()

    def process_request(self, request, client_address) -> None:
        host = client_address[0]
        with self._open_lock:
            if self._open.get(host, 0) >= self.max_connections:
                full = True
            else:
                full = False
                self._open[host] = self._open.get(host, 0) + 1
        if full:
            body = f"too many connections from {host} (at most {self.max_connections} at once)".encode()
            try:
                request.settimeout(1.0)
                request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nRetry-After: 2\r\nConnection: close\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._open_lock:
                left = self._open.get(client_address[0], 1) - 1
                if left > 0:
                    self._open[client_address[0]] = left
                else:
                    self._open.pop(client_address[0], None)

    def handle_error(self, request, client_address) -> None:  # one line, not a traceback
        exc = sys.exc_info()[1]
        sys.stderr.write(f"dcs-kg serve: {client_address[0]}: {exc.__class__.__name__}: {exc}\n")


def _first(values: dict[str, list[str]], name: str) -> str | None:
    """The first value of a query-string or form parameter, if it was sent."""
    given = values.get(name)
    return given[0] if given else None


def make_server(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    return _Server((host, port), make_handler(settings), settings.max_connections)
