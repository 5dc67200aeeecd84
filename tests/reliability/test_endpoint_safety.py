"""The endpoint opens no door: against a real `dcskg serve` on 127.0.0.1, with a local target
that records whether anything called it."""
from __future__ import annotations

import http.client
import socket
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import quote

import pytest

from browser import free_port, serving
from clirun import dcskg

PLANS_Q = "PREFIX dcs: <https://w3id.org/dcs-kg/ontology#> SELECT ?p WHERE { ?p a dcs:Plan }"


@pytest.fixture(scope="module")
def endpoint(seed_store):
    with serving(seed_store, "--timeout", "5", "--max-rows", "3") as base:
        yield base


@pytest.fixture()
def target():
    """A local HTTP service holding a 'secret': records every request it gets."""
    calls: list[str] = []

    class Secret(BaseHTTPRequestHandler):
        def _answer(self):
            calls.append(self.path)
            body = b"TOP-SECRET"
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", free_port()), Secret)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/secret", calls
    server.shutdown()


def _get(base: str, query: str, accept: str | None = None):
    req = urllib.request.Request(f"{base}/sparql?query={quote(query)}", headers={"Accept": accept} if accept else {})
    return urllib.request.urlopen(req, timeout=30)


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ ?x ?y ?z . OPTIONAL {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }} }}",
        "SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        "ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    ],
)
def test_service_is_refused_before_anything_is_fetched(endpoint, target, template):
    url, calls = target
    with pytest.raises(urllib.error.HTTPError) as err:
        _get(endpoint, template.format(url=url))
    assert err.value.code == 403
    assert "TOP-SECRET" not in err.value.read().decode()
    assert calls == []


@pytest.mark.parametrize("update", ["LOAD <http://127.0.0.1:9/x>", "INSERT DATA { <a:b> <a:c> <a:d> }", "CLEAR ALL"])
def test_updates_sent_as_queries_are_refused(endpoint, update):
    with pytest.raises(urllib.error.HTTPError) as err:
        _get(endpoint, update)
    assert err.value.code == 403


def test_no_cors_header_by_default(endpoint):
    with _get(endpoint, PLANS_Q) as resp:
        assert resp.headers.get("Access-Control-Allow-Origin") is None


def test_cors_only_when_asked(seed_store):
    with serving(seed_store, "--cors", "https://analyst.example") as base:
        with _get(base, PLANS_Q) as resp:
            assert resp.headers.get("Access-Control-Allow-Origin") == "https://analyst.example"


def test_truncation_is_stated_in_the_body(endpoint):
    import json

    with _get(endpoint, "SELECT * WHERE { ?s ?p ?o }", "application/sparql-results+json") as resp:
        data = json.loads(resp.read())
    assert len(data["results"]["bindings"]) == 3
    assert "urn:dcs-kg:truncated" in data["head"]["link"]
    with _get(endpoint, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "text/turtle") as resp:
        assert resp.headers["X-DCS-Truncated"] == "true"
        assert "# dcs-kg: truncated at 3 rows" in resp.read().decode()


@pytest.mark.parametrize(
    "accept,expected",
    [
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("application/sparql-results+json;q=0, text/csv", "text/csv"),
        ("*/*", "application/sparql-results+json"),
    ],
)
def test_q_values_choose_the_format(endpoint, accept, expected):
    with _get(endpoint, PLANS_Q, accept) as resp:
        assert resp.headers["Content-Type"].startswith(expected)


def test_a_select_asked_for_as_turtle_is_406_with_the_types_offered(endpoint):
    with pytest.raises(urllib.error.HTTPError) as err:
        _get(endpoint, PLANS_Q, "text/turtle")
    assert err.value.code == 406
    assert "application/sparql-results+json" in err.value.read().decode()


@pytest.mark.parametrize("length", ["abc", "-1"])
def test_a_malformed_content_length_is_400_and_the_server_lives_on(endpoint, length):
    host, port = endpoint.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(f"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: {length}\r\n\r\n".encode())
        answer = s.recv(200).decode("latin-1")
    assert answer.startswith("HTTP/1.0 400") or answer.startswith("HTTP/1.1 400")
    with _get(endpoint, PLANS_Q) as resp:
        assert resp.status == 200


def test_a_query_past_the_memory_limit_is_stopped(seed_store):
    q = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
    with serving(seed_store, "--memory", "1000", "--timeout", "60") as base:
        with pytest.raises(urllib.error.HTTPError) as err:
            _get(base, q)
        assert err.value.code == 503 and "MiB" in err.value.read().decode()
        with _get(base, PLANS_Q) as resp:
            assert resp.status == 200


def test_beyond_the_pool_requests_get_503_with_retry_after(seed_store):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with serving(seed_store, "--workers", "1", "--timeout", "4") as base:
        host, port = base.removeprefix("http://").split(":")
        busy = http.client.HTTPConnection(host, int(port), timeout=30)
        busy.request("GET", f"/sparql?query={quote(slow)}")
        import time

        time.sleep(0.5)
        with pytest.raises(urllib.error.HTTPError) as err:
            _get(base, PLANS_Q)
        assert err.value.code == 503 and err.value.headers["Retry-After"]
        busy.getresponse().read()
        busy.close()


@pytest.mark.parametrize(
    "args,message",
    [(["--port", "70000"], "--port"), (["--timeout", "-1"], "--timeout"), (["--max-rows", "0"], "--max-rows")],
)
def test_bad_serve_options_are_usage_errors(seed_store, args, message):
    run = dcskg("serve", "--store", str(seed_store), *args)
    assert run.returncode == 2 and message in run.stderr and "Traceback" not in run.stderr
