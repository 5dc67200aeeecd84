"""The endpoint opens no door: against a real `dcskg serve` on 127.0.0.1, with a local target
that records whether anything called it."""
from __future__ import annotations

import http.client
import socket
import threading
import time
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


# --- limits that hold for every request (issue 26: 3, 6, 7) --------------------------------


@pytest.fixture(scope="module")
def strict(seed_store):
    with serving(seed_store, "--timeout", "1", "--max-query-kb", "64", "--client-timeout", "2", "--max-connections", "4", "--workers", "1") as base:
        yield base


def _post(base: str, body: bytes, ctype: str = "application/sparql-query", timeout: float = 60):
    req = urllib.request.Request(f"{base}/sparql", data=body, headers={"Content-Type": ctype}, method="POST")
    return urllib.request.urlopen(req, timeout=timeout)


def test_a_query_text_over_the_limit_is_refused_before_it_is_parsed(strict):
    values = " ".join(str(i) for i in range(140000))
    body = f"SELECT ?x WHERE {{ VALUES ?x {{ {values} }} }}".encode()
    assert len(body) > 800_000
    start = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as err:
        _post(strict, body)
    assert err.value.code == 413 and "64 kB" in err.value.read().decode()
    assert time.monotonic() - start < 5


def test_the_parse_runs_under_the_time_limit(strict):
    # under the size cap, but rdflib's grammar takes about 2 s to parse it (0.16 ms a value on
    # the project's machine): the worker parsing it is stopped at the 1 s limit
    values = " ".join(str(i) for i in range(12000))
    body = f"SELECT ?x WHERE {{ VALUES ?x {{ {values} }} }}".encode()
    assert len(body) < 64_000
    start = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as err:
        _post(strict, body)
    assert err.value.code == 503 and "timed out" in err.value.read().decode()
    assert time.monotonic() - start < 1 + 3
    assert _get(strict, PLANS_Q).status == 200  # the worker slot is free again


def test_an_invalid_iri_in_a_form_value_is_a_400_naming_the_parameter(endpoint):
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{endpoint}/bind?name=cited_laws&plan=http://x/%22", timeout=30)
    assert err.value.code == 400
    text = err.value.read().decode()
    assert "'plan'" in text and "not a valid IRI" in text


@pytest.mark.parametrize(
    "accept,status,ctype",
    [
        ("*/*;q=0", 406, None),
        ("application/sparql-results+json;q=0, */*", 200, "application/sparql-results+xml"),
        ("text/*;q=0, application/*", 200, "application/sparql-results+json"),
        ("text/csv", 200, "text/csv"),
    ],
)
def test_q_zero_excludes_a_type(endpoint, accept, status, ctype):
    try:
        resp = _get(endpoint, PLANS_Q, accept)
        assert resp.status == status and resp.headers["Content-Type"].startswith(ctype)
    except urllib.error.HTTPError as err:
        assert err.code == status == 406


def test_a_silent_connection_is_closed_after_the_client_timeout(strict):
    port = int(strict.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET /sparql?query=ASK")  # never finishes its request line
        start = time.monotonic()
        sock.settimeout(10)
        data = sock.recv(1000)  # the server closes: b"" (or an error line), well before 10 s
        assert time.monotonic() - start < 6
        assert data == b"" or data.startswith(b"HTTP/1.")


def test_one_client_cannot_hold_every_thread(strict):
    port = int(strict.rsplit(":", 1)[1])
    held = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(4)]
    try:
        time.sleep(0.3)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as extra:
            extra.settimeout(5)
            answer = extra.recv(1000)
        assert answer.startswith(b"HTTP/1.1 503") and b"too many connections" in answer
    finally:
        for s in held:
            s.close()
    time.sleep(0.5)
    assert _get(strict, PLANS_Q).status == 200  # the slots are given back
