"""`dcskg serve`: a read-only SPARQL 1.1 Protocol endpoint over the embedded store, with a
query page (YASGUI, bundled, no CDN) offering the named queries as examples.

Each query runs in a child process on a read-only handle of the store, so a query past its
time limit is killed without harming the server, and nothing can write: UPDATE and LOAD are
refused with 403. Results are capped at a configurable number of rows (the response says
so in the `X-DCS-Truncated` header).
"""
from __future__ import annotations

import json
import multiprocessing as mp
import re
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {"ttl": "text/turtle", "nt": "application/n-triples", "xml": "application/rdf+xml"}
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX|BASE)\s[^\n]*\n\s*)*(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)


@dataclass(frozen=True)
class Settings:
    db: str  # the Oxigraph folder
    timeout: float = 10.0
    max_rows: int = 10000


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


def _evaluate(db: str, query: str, fmt: str, max_rows: int, conn) -> None:
    """Child process: run one query on a read-only store; send (status, type, body, truncated)."""
    try:
        import pyoxigraph as ox
        from rdflib import Graph, Variable
        from rdflib.query import Result

        store = ox.Store.read_only(db)
        res = store.query(query, use_default_graph_as_union=True)
        if isinstance(res, ox.QueryBoolean):
            out = Result("ASK")
            out.askAnswer = bool(res)
            kind = fmt if fmt in ("json", "xml") else "json"
            conn.send((200, RESULT_TYPES[kind], out.serialize(format=kind), False))
        elif isinstance(res, ox.QuerySolutions):
            names = [v.value for v in res.variables]
            rows, truncated = [], False
            for i, solution in enumerate(res):
                if i >= max_rows:
                    truncated = True
                    break
                rows.append({Variable(n): _to_rdflib(solution[n]) for n in names if solution[n] is not None})
            if fmt == "tsv":
                # SPARQL 1.1 TSV: "?var" headers, terms in N-Triples syntax (rdflib has no writer)
                lines = ["\t".join(f"?{n}" for n in names)]
                lines += ["\t".join(r[Variable(n)].n3() if Variable(n) in r else "" for n in names) for r in rows]
                conn.send((200, RESULT_TYPES[fmt], ("\n".join(lines) + "\n").encode("utf-8"), truncated))
                return
            out = Result("SELECT")
            out.vars = [Variable(n) for n in names]
            out.bindings = rows
            conn.send((200, RESULT_TYPES[fmt], out.serialize(format=fmt), truncated))
        else:
            g = Graph()
            for i, t in enumerate(res):
                if i >= max_rows:
                    break
                g.add(tuple(_to_rdflib(x) for x in (t.subject, t.predicate, t.object)))
            kind = fmt if fmt in GRAPH_TYPES else "ttl"
            body = g.serialize(format={"ttl": "turtle", "nt": "nt", "xml": "xml"}[kind], encoding="utf-8")
            conn.send((200, GRAPH_TYPES[kind], body, len(g) >= max_rows))
    except SyntaxError as exc:
        conn.send((400, "text/plain", f"SPARQL syntax error: {exc}".encode(), False))
    except Exception as exc:  # a bad query must not crash the worker silently
        conn.send((400, "text/plain", f"query failed: {exc}".encode(), False))
    finally:
        conn.close()


def run_query(settings: Settings, query: str, fmt: str) -> tuple[int, str, bytes, bool]:
    if _UPDATE.match(query):
        raise QueryFailed(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL UPDATE and LOAD are refused")
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_evaluate, args=(settings.db, query, fmt, settings.max_rows, child), daemon=True)
    proc.start()
    child.close()
    if not parent.poll(settings.timeout):
        proc.kill()
        proc.join()
        raise QueryFailed(HTTPStatus.SERVICE_UNAVAILABLE, f"query timed out after {settings.timeout:g} s and was stopped")
    status, ctype, body, truncated = parent.recv()
    proc.join(timeout=5)
    if isinstance(body, str):
        body = body.encode("utf-8")
    if status != 200:
        raise QueryFailed(HTTPStatus(status), body.decode("utf-8", "replace"))
    return status, ctype, body, truncated


def negotiate(accept: str, explicit: str | None) -> str:
    if explicit:
        for key, ctype in {**RESULT_TYPES, **GRAPH_TYPES}.items():
            if explicit in (key, ctype):
                return key
    accept = accept or ""
    for part in accept.split(","):
        ctype = part.split(";")[0].strip()
        for key, known in RESULT_TYPES.items():
            if ctype == known:
                return key
        for key, known in GRAPH_TYPES.items():
            if ctype == known:
                return key
        if ctype == "application/json":
            return "json"
    return "json"


def page() -> bytes:
    from queries.runner import library

    examples = [
        {"name": q.name, "title": q.title, "question": q.question_vi, "query": q.text, "params": [p.name for p in q.params]}
        for q in library().values()
    ]
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    return html.replace("/*EXAMPLES*/[]", json.dumps(examples, ensure_ascii=False).replace("</", "<\\/")).encode("utf-8")


def make_handler(settings: Settings):
    class Handler(BaseHTTPRequestHandler):
        server_version = "dcs-kg"

        def log_message(self, fmt: str, *args) -> None:  # quiet: one line per request is noise here
            pass

        def _send(self, status: int, ctype: str, body: bytes, extra: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{ctype}; charset=utf-8" if ctype.startswith("text/") or "json" in ctype else ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")
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
                _, ctype, body, truncated = run_query(settings, query, negotiate(self.headers.get("Accept", ""), fmt))
            except QueryFailed as exc:
                self._error(exc.status, str(exc))
                return
            self._send(200, ctype, body, {"X-DCS-Truncated": "true"} if truncated else None)

        def do_GET(self) -> None:  # noqa: N802
            url = urllib.parse.urlsplit(self.path)
            params = urllib.parse.parse_qs(url.query)
            if url.path in ("/", "/index.html"):
                self._send(200, "text/html", page())
            elif url.path.startswith("/static/"):
                target = (STATIC / url.path[len("/static/"):]).resolve()
                if STATIC not in target.parents or not target.is_file():
                    self._error(HTTPStatus.NOT_FOUND, "not found")
                    return
                ctype = {".js": "application/javascript", ".css": "text/css", ".html": "text/html"}.get(target.suffix, "application/octet-stream")
                self._send(200, ctype, target.read_bytes())
            elif url.path == "/sparql":
                if "update" in params:
                    self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL UPDATE is refused")
                    return
                self._answer((params.get("query") or [None])[0], (params.get("format") or [None])[0])
            else:
                self._error(HTTPStatus.NOT_FOUND, "not found: use /sparql or /")

        def do_POST(self) -> None:  # noqa: N802
            url = urllib.parse.urlsplit(self.path)
            if url.path != "/sparql":
                self._error(HTTPStatus.NOT_FOUND, "not found: POST to /sparql")
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > 1_000_000:
                self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "query too large")
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
            self._answer((form.get("query") or [None])[0], (form.get("format") or [None])[0])

    return Handler


def make_server(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer((host, port), make_handler(settings))
    server.daemon_threads = True
    return server
