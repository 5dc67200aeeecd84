"""Measure dcs-kg at scale, on this machine, in one run (ratios are what to compare).

    python -m benchmarks.run [--plans N] [--quick] [--json] [--keep DIR]

Generates N synthetic plans (benchmarks/generate.py), then measures: the read floor (read +
decode + NFC), single-process extraction throughput, build throughput into the embedded
store with peak RSS, the median latency of every named query (after a warm-up, which keeps a slow
answer with the store — `queries/answer_cache.py` — so its first ask is timed apart) on the
embedded store and, at N <= 1,000, on rdflib's in-memory store, the network page, and
extraction accuracy against the generator's own truth. No thresholds: figures are printed.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import tempfile
import time
import unicodedata
from pathlib import Path

RDFLIB_MEMORY_UP_TO = 1000
RDFLIB_CAP_S = 90.0  # rdflib's engine gets this long per query (all its runs), then it is stopped
JOIN_QUERIES = ("implementation_chain", "agency_coordination")  # the ones compared in --quick
EXTRACT_SAMPLE = 2000  # plans timed one by one for the extraction rate (all of them below that)
REAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"  # real documents, kept in the project
PAGE_ROWS = 100  # a first page, as `dcskg query --limit 100` shows it
LOOKUP = "plan_tasks"  # a one-plan look-up, for the server figures
AGGREGATION = "agency_lead_load"  # an aggregation, for the server figures
EMBEDDED_RUN_BUDGET_S = 10.0
RAW_CAP_S = 120.0  # a raw-fact twin of a statistics query gets this long, then it is stopped  # an embedded-store query slower than this is timed once


def _example_params(q, ds) -> dict:
    """A query's header examples, or, where the corpus lacks the example (a synthetic corpus has
    its own places and documents), the first value of that type the corpus has."""
    from ingest.errors import QueryError
    from queries.lookup import candidates
    from queries.runner import look_up

    params = {p.name: p.example for p in q.params if p.example is not None}
    for p in q.params:
        if p.name not in params:
            continue
        try:
            look_up(q, ds, {p.name: params[p.name]})
        except QueryError:
            found = candidates(ds, p.type)
            if found:
                params[p.name] = found[0]
            else:
                del params[p.name]
    return params


def _agency_every_place_ms(ds, runs: int) -> float:
    """`agency_tasks` for the example agency in every place: the example names one place (issue
    27's look-up), this is the same agency's whole answer."""
    from queries.runner import library, run

    q = library()["agency_tasks"]
    params = {k: v for k, v in _example_params(q, ds).items() if k != "place"}
    return _median_ms(lambda: run(q, ds, **params), runs, budget_s=EMBEDDED_RUN_BUDGET_S)[0]


def _median_ms(fn, runs: int, warmup: int = 1, budget_s: float | None = None) -> tuple[float, int]:
    for _ in range(warmup):
        started = time.perf_counter()
        fn()
        if budget_s is not None and time.perf_counter() - started > budget_s:
            return (time.perf_counter() - started) * 1000, 1
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), runs


def _median_ms_capped(fn, runs: int, cap_s: float) -> float | None:
    """Median in a forked child killed after cap_s: None when the engine did not finish."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)

    def work(conn):
        try:
            conn.send(_median_ms(fn, runs, budget_s=cap_s / (runs + 1))[0])
        except Exception:  # noqa: BLE001 — the engine failed on this query: report it as not finished
            conn.send(None)
        conn.close()

    proc = ctx.Process(target=work, args=(child,), daemon=True)
    proc.start()
    child.close()
    if not parent.poll(cap_s):
        proc.kill()
        proc.join()
        return None
    try:
        value = parent.recv()
    except EOFError:  # the child died without answering (e.g. out of memory)
        value = None
    proc.join()
    return value


def oversight_ms(ds, runs: int) -> dict[str, float]:
    """Median ms of each oversight answer (issue 24) as the CLI and the pages ask it: coverage
    of the Law by province and by every commune of the country, what is due in 30 days, a search
    (two words, without diacritics), two plans compared, one plan's tasks aligned to another's."""
    import datetime as dt

    from queries.cascade import cascade
    from queries.compare import compare
    from queries.coverage import coverage
    from queries.due import due
    from queries.lookup import candidates
    from queries.search import search, search_page

    plans = candidates(ds, "plan")[:2]
    asks = {
        "coverage_provinces": lambda: coverage(ds, "10/2022/QH15"),
        "coverage_communes": lambda: coverage(ds, "10/2022/QH15", "commune"),
        "due_30_days": lambda: due(ds, dt.date(2026, 11, 1), 30),
        "search": lambda: search(ds, "dan chu, tuyen truyen"),
        "search_first_page": lambda: search_page(ds, "dan chu, tuyen truyen"),  # the page and the CLI with --limit
    }
    if len(plans) == 2:
        asks["compare"] = lambda: compare(ds, plans[0], plans[1])
        asks["cascade"] = lambda: cascade(ds, plans[0], plans[1])
    return {name: round(_median_ms(ask, runs, budget_s=EMBEDDED_RUN_BUDGET_S)[0], 1) for name, ask in asks.items()}


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int, quick: bool, keep: Path | None = None, log=print) -> dict:
    from benchmarks import peers
    from benchmarks.generate import generate, truth_path
    from dcskg.answers import network_words
    from dcskg.store import build, db_path, export, open_dataset
    from ingest.pipeline import extract
    from ingest.rules import fold
    from queries import network as nw
    from queries.runner import Page, bindings, facts, library, look_up, run, with_values

    work = Path(tempfile.mkdtemp(prefix="dcskg-bench-"))
    try:
        plans_dir = work / "plans"
        log(f"generating {n} synthetic plans …")
        files = generate(n, plans_dir)
        avg_kb = sum(f.stat().st_size for f in files) / len(files) / 1024

        started = time.perf_counter()
        for f in files:
            unicodedata.normalize("NFC", f.read_bytes().decode("utf-8"))
        read_floor = n / (time.perf_counter() - started)

        for f in files[: min(20, n)]:
            extract(f)  # warm-up: rule files, spaCy pipeline, caches
        sample = files[:EXTRACT_SAMPLE]  # the rate and the pipeline check need no more
        truth = {json.loads(line)["file"]: json.loads(line) for line in truth_path(plans_dir).open(encoding="utf-8")}
        implements_ok = lead_tp = lead_total = 0
        elapsed = 0.0
        for f in sample:
            started = time.perf_counter()
            ex = extract(f)
            elapsed += time.perf_counter() - started
            t = truth[f.name]
            implements_ok += {r.id for r in ex.legal_refs if r.relation == "implements"} == {t["implements"]}
            mine = {(x.path, fold(a)) for x in ex.tasks for a in ex.names(x.lead)}
            gold = {(x["path"], fold(x["lead"])) for x in t["tasks"]}
            lead_tp += len(mine & gold)
            lead_total += len(gold)
        extract_rate = len(sample) / elapsed
        log(f"extract: {extract_rate:.0f} plans/s (read floor {read_floor:.0f} plans/s), avg {avg_kb:.1f} KB/plan")


        synthetic_mb = peers.extraction_mb_per_s(files[: min(n, 300)])
        real_files = [f for f in sorted(REAL.glob("*.md")) + sorted((REAL / "other").glob("*.md")) if f.stem != "README"]
        real_mb = peers.extraction_mb_per_s(real_files) if real_files else None  # one pass: look-ups are cached by text
        log(f"extract MB/s: synthetic {synthetic_mb['mb_per_s']}, real documents {real_mb and real_mb['mb_per_s']} (target 2 MB/s per core)")

        store = (keep or work) / "graph"
        if store.exists():
            shutil.rmtree(store)
        rss_before = _peak_rss_mb()
        started = time.perf_counter()
        report = build([plans_dir], store, export_graph=False)
        load_s = time.perf_counter() - started
        started = time.perf_counter()
        export(store)
        export_s = time.perf_counter() - started
        build_s = load_s + export_s
        build_rate = n / build_s
        log(f"build: {build_rate:.0f} plans/s ({build_s:.1f} s: extract+load+validate {load_s:.1f} s, export {export_s:.1f} s; {report.triples} quads), peak RSS {_peak_rss_mb():.0f} MB")
        changed = files[len(files) // 2]
        changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        started = time.perf_counter()
        again = build([plans_dir], store, export_graph=False)
        incremental_s = time.perf_counter() - started
        reread = sum(p.status == "ingested" for p in again.plans)
        log(f"incremental rebuild after one changed plan: {incremental_s:.1f} s, {reread} plan(s) read again (graph dump left to `dcskg export`)")

        ds = open_dataset(store)
        runs = 3 if quick else 5
        latency: dict[str, float] = {}
        timed_once: list[str] = []
        memory_ms: dict[str, float] = {}
        speedup: dict[str, float] = {}
        mem = None
        if n <= RDFLIB_MEMORY_UP_TO:
            from rdflib import Dataset

            mem = Dataset(default_union=True)
            mem.parse(store / "graph.trig", format="trig")
        first_page: dict[str, float] = {}
        first_ask: dict[str, float] = {}
        for name, q in library().items():
            params = _example_params(q, ds)
            # the first ask on a new store: after it a slow answer is kept (queries/answer_cache.py)
            started = time.perf_counter()
            run(q, ds, Page(PAGE_ROWS), **params)
            first_ask[name] = (time.perf_counter() - started) * 1000
            latency[name], count = _median_ms(lambda: run(q, ds, **params), runs, budget_s=EMBEDDED_RUN_BUDGET_S)
            # the first page an analyst sees (`--limit 100`): the rest of the answer only counted
            first_page[name], _ = _median_ms(lambda: run(q, ds, Page(PAGE_ROWS), **params), runs, budget_s=EMBEDDED_RUN_BUDGET_S)
            if count == 1:
                timed_once.append(name)
            if mem is not None and (not quick or name in JOIN_QUERIES):
                took = _median_ms_capped(lambda: run(q, mem, **params), 3, RDFLIB_CAP_S)
                if took is None:
                    memory_ms[name] = None
                    speedup[name] = f">{RDFLIB_CAP_S / 4 * 1000 / latency[name]:.0f}" if latency[name] else None
                else:
                    memory_ms[name] = took
                    speedup[name] = round(took / latency[name], 1) if latency[name] else None
            shown = "" if name not in memory_ms else (f"   rdflib memory {memory_ms[name]:9.1f} ms  ×{speedup[name]}" if memory_ms[name] is not None else f"   rdflib memory  > {RDFLIB_CAP_S:.0f} s for 4 runs (stopped)")
            log(f"  {name:28s} {latency[name]:9.1f} ms   first {PAGE_ROWS} rows {first_page[name]:9.1f} ms   first ask {first_ask[name]:9.1f} ms{shown}")
        every_place_ms = _agency_every_place_ms(ds, runs)
        log(f"  {'agency_tasks, every place':28s} {every_place_ms:9.1f} ms   (above: the example's one place)")
        oversight = oversight_ms(ds, runs)
        log("oversight answers: " + ", ".join(f"{k} {v} ms" for k, v in oversight.items()))

        raw_ms: dict[str, float] = {}
        for name in sorted(p.stem for p in (Path(__file__).resolve().parent.parent / "queries" / "facts").glob("*.rq")):
            q = facts(name)
            params = _example_params(library()[name], ds)
            # in a child stopped after RAW_CAP_S: some raw aggregations grow faster than N
            raw_ms[name] = _median_ms_capped(lambda: run(q, ds, **params), 1 if quick or n > RDFLIB_MEMORY_UP_TO else 3, RAW_CAP_S)
            shown = f"{raw_ms[name]:9.1f} ms  (statistics ×{raw_ms[name] / max(latency[name], 0.01):.0f} faster)" if raw_ms[name] is not None else f"> {RAW_CAP_S:.0f} s (stopped)"
            log(f"  {name:28s} from the raw facts {shown}")

        plan_iri = str(_example_params(library()[LOOKUP], ds).get("plan") or "")
        plan_iri = str(look_up(library()[LOOKUP], ds, {"plan": plan_iri})["plan"]) if plan_iri else ""
        floor = peers.duckdb_floor(ds, plan_iri, 3 if quick else 5)
        vs_floor = {k: round(latency[k] / v, 1) for k, v in floor.get("median_ms", {}).items() if v}
        log(f"DuckDB floor (facts as tables, export {floor.get('export_s')} s): " + ", ".join(f"{k} {v} ms (embedded ×{vs_floor.get(k)})" for k, v in floor.get("median_ms", {}).items()) if "median_ms" in floor else f"DuckDB floor: {floor.get('skipped')}")
        texts = {}
        for name, q in library().items():
            bound = bindings(q, look_up(q, ds, _example_params(q, ds)))
            texts[name] = with_values(q.text, bound) or q.text
        loaded = {LOOKUP: texts[LOOKUP], AGGREGATION: texts[AGGREGATION]}
        server = peers.oxigraph_server(db_path(store), texts, 3 if quick else 5, loaded, 2.0 if quick else 5.0)
        log("Oxigraph server over HTTP: " + (", ".join(f"{k} {v} ms" for k, v in server["median_ms"].items()) if "median_ms" in server else server["skipped"]))
        throughput = peers.serve_throughput(store, loaded, 2.0 if quick else 5.0)
        log(f"requests/s — dcskg serve: {throughput}; Oxigraph server: {server.get('requests_per_s')}")

        started = time.perf_counter()
        drawn = nw.agency_network(ds)  # the statistics above FROM_ASSIGNMENTS_UP_TO plans, as `dcskg network`
        graph, view = drawn.graph, drawn.view
        page = nw.render(view, work / "network.html", "benchmark", network_words("vi"))
        network_s = time.perf_counter() - started
        _, centrality_method = nw.statistics(graph)
        log(f"network page: {network_s:.2f} s, {page.stat().st_size / 1e6:.2f} MB, {view.graph.number_of_nodes()} of {graph.number_of_nodes()} agencies drawn")

        return {
            "plans": n,
            "avg_plan_kb": round(avg_kb, 1),
            "extract_plans_per_s": round(extract_rate, 1),
            "read_floor_plans_per_s": round(read_floor, 1),
            "extract_vs_floor": round(read_floor / extract_rate, 1),
            "build_plans_per_s": round(build_rate, 1),
            "build_s": round(build_s, 1),
            "build_load_s": round(load_s, 1),
            "build_export_s": round(export_s, 1),
            "incremental_rebuild_s": round(incremental_s, 2),
            "incremental_rebuild_plans_read": reread,
            "triples": report.triples,
            "quads_per_plan": round(report.triples / n, 1),
            "extract_mb_per_s_synthetic": synthetic_mb["mb_per_s"],
            "extract_mb_per_s_real": real_mb and real_mb["mb_per_s"],
            "raw_facts_median_ms": {k: None if v is None else round(v, 2) for k, v in raw_ms.items()},
            "duckdb_floor_median_ms": floor.get("median_ms") or floor.get("skipped"),
            "ratio_to_duckdb": vs_floor,
            "oxigraph_server_median_ms": server.get("median_ms") or server.get("skipped"),
            "serve_requests_per_s": throughput,
            "oxigraph_server_requests_per_s": server.get("requests_per_s"),
            "peak_rss_mb": round(_peak_rss_mb(), 1),
            "peak_rss_before_build_mb": round(rss_before, 1),
            "query_median_ms": {k: round(v, 2) for k, v in latency.items()},
            "first_page_median_ms": {k: round(v, 2) for k, v in first_page.items()},
            "first_ask_ms": {k: round(v, 2) for k, v in first_ask.items()},
            "agency_tasks_every_place_ms": round(every_place_ms, 2),
            "oversight_median_ms": oversight,
            "queries_timed_once": timed_once,
            "rdflib_memory_median_ms": {k: None if v is None else round(v, 2) for k, v in memory_ms.items()},
            "speedup_vs_rdflib_memory": speedup,
            "network_html_s": round(network_s, 2),
            "network_html_mb": round(page.stat().st_size / 1e6, 2),
            "network_nodes": graph.number_of_nodes(),
            "network_nodes_drawn": view.graph.number_of_nodes(),
            "centrality": centrality_method,
            "synthetic_implements_exact": round(implements_ok / len(sample), 3),
            "synthetic_lead_recall": round(lead_tp / lead_total, 3) if lead_total else None,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, default=None, help="number of synthetic plans (default 1000; 60 with --quick)")
    ap.add_argument("--quick", action="store_true", help="small corpus, 3 runs per query: a smoke run for CI")
    ap.add_argument("--json", action="store_true", help="print one JSON object with the figures at the end")
    ap.add_argument("--keep", type=Path, default=None, help="keep the built store under this folder")
    args = ap.parse_args()
    n = args.plans or (60 if args.quick else 1000)
    figures = run(n, args.quick, args.keep, log=print)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
