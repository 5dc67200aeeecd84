"""The same questions answered by the peers, in the same run as the embedded store:

- **the floor**: DuckDB, a columnar engine, over the same facts exported as tables
  (benchmarks/tables/*.rq) — the SQL below answers what each named query answers;
- **Oxigraph's own server** over HTTP (what `--endpoint` users get), reading the same database
  read-only;
- **`dcskg serve`**: requests per second at 1 and 8 concurrent clients on a named look-up and
  an aggregation.

Each returns figures; `benchmarks/run.py` prints them beside the embedded store's.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

TABLES = Path(__file__).resolve().parent / "tables"

# named query -> the same question in SQL over the tables (parameters: the header examples)
FLOOR_SQL = {
    "agency_lead_load": """
        SELECT r.agency, a.name, a.place, a.kind, count(*) FILTER (WHERE role = 'lead') AS leads,
               count(*) FILTER (WHERE role = 'support') AS supports, count(DISTINCT plan) AS plans
        FROM roles r JOIN agencies a USING (agency) GROUP BY ALL ORDER BY leads DESC, supports DESC, name""",
    "agency_kind_load": """
        SELECT a.name, a.kind, count(DISTINCT task) FILTER (WHERE role = 'lead') AS leads,
               count(DISTINCT task) FILTER (WHERE role = 'support') AS supports,
               count(DISTINCT plan) AS plans, count(DISTINCT agency) AS places
        FROM roles r JOIN agencies a USING (agency) GROUP BY ALL ORDER BY leads DESC, supports DESC, name""",
    "agency_coordination": """
        SELECT la.name AS lead, la.place AS leadPlace, sa.name AS support, sa.place AS supportPlace,
               count(DISTINCT l.task) AS tasks, count(DISTINCT l.plan) AS plans
        FROM roles l JOIN roles s ON l.task = s.task AND l.role = 'lead' AND s.role = 'support' AND l.agency <> s.agency
        JOIN agencies la ON la.agency = l.agency JOIN agencies sa ON sa.agency = s.agency
        GROUP BY ALL ORDER BY tasks DESC, lead, leadPlace, support, supportPlace""",
    "agency_partners": """
        SELECT ma.place AS place, pa.name AS partner, pa.place AS partnerPlace,
               CASE WHEN me.role = 'lead' THEN 'lead' ELSE 'support' END AS role, count(DISTINCT me.task) AS tasks
        FROM roles me JOIN agencies ma ON ma.agency = me.agency AND ma.name = 'Sở Nội vụ'
        JOIN roles other ON other.task = me.task AND other.role <> me.role AND other.agency <> me.agency
        JOIN agencies pa ON pa.agency = other.agency
        GROUP BY ALL ORDER BY tasks DESC, place, partner, partnerPlace""",
    "measure_coverage": """
        SELECT p.file, m.measure, count(DISTINCT t.task) AS tasks
        FROM plans p CROSS JOIN (SELECT DISTINCT measure FROM tasks WHERE measure IS NOT NULL) m
        LEFT JOIN tasks t ON t.plan = p.plan AND t.measure = m.measure
        GROUP BY ALL ORDER BY p.file, m.measure""",
    "measure_gaps": """
        SELECT p.file, m.measure
        FROM plans p CROSS JOIN (SELECT DISTINCT measure FROM tasks WHERE measure IS NOT NULL) m
        LEFT JOIN tasks t ON t.plan = p.plan AND t.measure = m.measure
        GROUP BY ALL HAVING count(t.task) = 0 ORDER BY p.file, m.measure""",
    "plan_summary": """
        SELECT p.file, count(DISTINCT t.task) AS tasks, count(DISTINCT r.agency) AS agencies
        FROM plans p LEFT JOIN tasks t ON t.plan = p.plan LEFT JOIN roles r ON r.task = t.task
        GROUP BY ALL ORDER BY p.file""",
    "plan_tasks": """
        SELECT t.path, count(*) FILTER (WHERE r.role = 'lead') AS leads, count(*) FILTER (WHERE r.role = 'support') AS supports
        FROM tasks t LEFT JOIN roles r ON r.task = t.task WHERE t.plan = $plan GROUP BY ALL ORDER BY t.path""",
}


def _median_ms(fn, runs: int = 5) -> float:
    """Median ms after a warm-up; a query slower than the run's budget is timed once."""
    from benchmarks.run import EMBEDDED_RUN_BUDGET_S
    from benchmarks.run import _median_ms as median

    return median(fn, runs, budget_s=EMBEDDED_RUN_BUDGET_S)[0]


def duckdb_floor(ds, plan_iri: str, runs: int = 5) -> dict:
    """Median ms of each question in DuckDB over the facts as tables, and the export's cost."""
    try:
        import duckdb
    except ImportError:
        return {"skipped": "duckdb is not installed (pip install duckdb)"}
    from queries.runner import load, run

    started = time.perf_counter()
    con = duckdb.connect()
    rows_of = {}
    for rq in sorted(TABLES.glob("*.rq")):
        rows = run(load(rq), ds)
        rows_of[rq.stem] = len(rows)
        columns = ", ".join(f'"{v}" VARCHAR' for v in rows.vars)
        con.execute(f"CREATE TABLE {rq.stem} ({columns})")
        con.executemany(f"INSERT INTO {rq.stem} VALUES ({', '.join('?' for _ in rows.vars)})", [[r[v] for v in rows.vars] for r in rows])
    export_s = time.perf_counter() - started
    figures = {}
    for name, sql in FLOOR_SQL.items():
        params = {"plan": plan_iri} if "$plan" in sql else {}
        figures[name] = round(_median_ms(lambda: con.execute(sql, params).fetchall(), runs), 2)
    return {"median_ms": figures, "export_s": round(export_s, 1), "table_rows": rows_of}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, seconds: float = 30) -> bool:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.2)
    return False


def _post(url: str, query: str) -> bytes:
    req = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(), headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=300) as resp:
        return resp.read()


def oxigraph_server(db: Path, texts: dict[str, str], runs: int = 5, load: dict[str, str] | None = None, seconds: float = 5.0) -> dict:
    """Median ms of each (bound) query text sent to `oxigraph serve-read-only` over HTTP, and
    its requests per second on the `load` queries."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).exists():
        return {"skipped": "the oxigraph server (pip package 'oxigraph') is not installed"}
    port = _free_port()
    proc = subprocess.Popen([binary, "serve-read-only", "--location", str(db), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        if not _wait_for(f"{base}/query?query=" + urllib.parse.quote("ASK {}")):
            return {"skipped": "the oxigraph server did not start"}
        out = {"median_ms": {name: round(_median_ms(lambda: _post(f"{base}/query", text), runs), 2) for name, text in texts.items()}}
        if load:
            out["requests_per_s"] = throughput(f"{base}/query", load, seconds)
        return out
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def throughput(url: str, texts: dict[str, str], seconds: float = 5.0, clients: tuple[int, ...] = (1, 8)) -> dict:
    """Requests per second a SPARQL endpoint answers at 1 and 8 concurrent clients, per query."""
    out: dict[str, dict[str, float]] = {}
    for name, text in texts.items():
        out[name] = {}
        for n in clients:
            done, refused = [0], [0]
            stop = time.time() + seconds

            def client() -> None:
                while time.time() < stop:
                    try:
                        _post(url, text)
                        done[0] += 1
                    except Exception:  # noqa: BLE001 - 503 when busy: counted apart
                        refused[0] += 1

            threads = [threading.Thread(target=client) for _ in range(n)]
            started = time.perf_counter()
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            elapsed = time.perf_counter() - started
            out[name][f"{n}_clients_rps"] = round(done[0] / elapsed, 1)
            if refused[0]:
                out[name][f"{n}_clients_refused"] = refused[0]
    return out


def serve_throughput(store: Path, texts: dict[str, str], seconds: float = 5.0) -> dict:
    """`dcskg serve` (two query processes kept running) at 1 and 8 concurrent clients."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from dcskg.cli import main; main()", "serve", "--store", str(store), "--port", str(port), "--workers", "2",
                             # every request asked of the engine, as Oxigraph's server is (a kept
                             # reply of a slow aggregation would be given from memory)
                             "--keep-replies-mb", "0"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        if not _wait_for(f"{base}/sparql?query=" + urllib.parse.quote("ASK {}"), 60):
            return {"skipped": "dcskg serve did not start"}
        return throughput(f"{base}/sparql", texts, seconds)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def extraction_mb_per_s(files: list[Path], passes: int = 1) -> dict:
    """Extraction throughput in MB of text per second on one core (after a warm-up)."""
    from ingest.pipeline import extract

    for f in files[:5]:
        extract(f)
    size = sum(f.stat().st_size for f in files) * passes
    started = time.perf_counter()
    for _ in range(passes):
        for f in files:
            extract(f)
    elapsed = time.perf_counter() - started
    return {"files": len(files) * passes, "mb": round(size / 1e6, 2), "mb_per_s": round(size / 1e6 / elapsed, 2), "docs_per_s": round(len(files) * passes / elapsed, 1)}
