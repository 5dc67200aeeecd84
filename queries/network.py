"""Agency networks and the document graph, built from named SPARQL queries.

The rows come from `network_assignments.rq` / `document_links.rq`; networkx holds the graph
and computes the analytics; pyvis assembles the vis-network model; the page is rendered
from our own template so it works offline (vis-network inlined from pyvis's bundled copy,
no CDN) and so text from documents reaches the browser only as JSON data
(`tojson` escapes `<`, `>`, `&`) and is drawn as text, never as HTML.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import networkx as nx
from rdflib import Dataset, URIRef

from ingest.rules import gazetteer, slug

from .named import internal
from .runner import execute, run_query

TEMPLATE = Path(__file__).resolve().parent / "templates" / "network.html"
NODE_BUDGET = 300  # above this many nodes the page shows the top ones by weighted degree
# up to this many documents the network of every plan is drawn from the assignments, each node
# with its tasks; above, from the statistics (at 1,000 plans the assignments took 14 s)
FROM_ASSIGNMENTS_UP_TO = 200
LAYOUT_ABOVE = 150  # above this many nodes the layout is computed here, physics off
EXACT_BETWEENNESS_UP_TO = 500
BETWEENNESS_SAMPLE = 200


@dataclass
class NetworkView:
    graph: nx.DiGraph
    whole: int | None = None  # the agencies of the selection when the page draws only the busiest


@dataclass
class PageWords:
    """What the network page says, in the reader's language (the caller's catalogue: the CLI
    takes them from data/messages.yaml, network_page). Templates keep their `{places}`."""

    words: dict[str, str]
    lang: str = "vi"

    def __getitem__(self, key: str) -> str:
        return self.words[key]

    def limited(self, view: NetworkView) -> str | None:
        """What the page and the command say when only the busiest agencies are drawn."""
        return self.words["limited"].format(shown=view.graph.number_of_nodes(), whole=view.whole) if view.whole else None


def assignments(ds: Dataset, plan: str | None = None, place: str | None = None) -> list[dict]:
    params: dict = {}
    if plan:
        params["plan"] = URIRef(plan)
    if place:
        params["place"] = place
    return run_query("network_assignments", ds, **params).rows


@dataclass
class AgencyNetwork:
    """The agency network of a selection, the part of it a page draws, and the plan's name."""

    graph: nx.DiGraph
    view: NetworkView
    plan_name: str | None = None


def agency_network(ds: Dataset, plan: str | None = None, place: str | None = None, role: str = "all", by_kind: bool = False) -> AgencyNetwork:
    """The network of one plan (its symbol, file, key or IRI), one place, or everything."""
    from .lookup import document_node
    from .naming import named_document

    carrying = _carrying_out(ds, plan) if plan else None
    if carrying is not None:
        # a document the graph cites but did not read (a resolution, a decree): the network of
        # the documents read that carry it out
        rows = [r for iri in carrying for r in assignments(ds, iri, place)]
        return AgencyNetwork(g := agency_graph(rows, by_kind=by_kind, role=role), limit(g), plan)
    plan_iri = str(document_node(ds, plan)) if plan else None
    if plan_iri is None and role == "all" and not (by_kind and place) and _documents_counted(ds) > FROM_ASSIGNMENTS_UP_TO:
        g = counted_graph(ds, place, by_kind)
    else:
        g = agency_graph(assignments(ds, plan_iri, place), by_kind=by_kind, role=role)
    named = named_document(ds, plan_iri) if plan_iri else None
    return AgencyNetwork(g, limit(g), named[0] if named else plan)


def _carrying_out(ds: Dataset, ref: str) -> list[str] | None:
    """The documents read that carry out `ref` (directly or through the chain), when `ref` names
    no document read but one the graph cites; None when it names a document read."""
    from .coverage import IMPLEMENTING
    from .lookup import cited_only

    doc = cited_only(ds, ref)
    if doc is None:
        return None
    return list(dict.fromkeys(str(r["plan"]) for r in run_query("plans_implementing", ds, doc=doc) if r["how"] in IMPLEMENTING))


def _documents_counted(ds: Dataset) -> int:
    return next((int(r["n"]) for r in execute(internal("plans_counted"), ds, {})), 0)


def write_statistics_csv(rows: list[dict], path: Path) -> Path:
    """The statistics table as CSV with a BOM (Excel then reads the Vietnamese names intact)."""
    import csv

    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


def counted_graph(ds: Dataset, place: str | None = None, by_kind: bool = False) -> nx.DiGraph:
    """The network of every plan (of one place's agencies, or one node per name across places)
    from the statistics the build wrote — each agency's load and the links between agencies,
    or per name — instead of every assignment: at 10,000 plans that is 14,000 agencies and
    38,000 links against 370,000 assignments. The same graph as `agency_graph` draws from the
    assignments (a test holds them equal), without the task list under each node."""
    g = nx.DiGraph()
    if by_kind:
        vague = {str(r["name"]) for r in execute(internal("vague_names"), ds, {})}
        nodes, edges = run_query("agency_kind_load", ds).rows, list(execute(internal("name_links"), ds, {}))
        key = "name"
    else:
        vague = {str(r["agency"]) for r in execute(internal("generic_agencies"), ds, {})}
        nodes = [r for r in run_query("agency_lead_load", ds).rows if not place or r["place"] == place]
        edges, key = list(execute(internal("network_edges"), ds, {})), "agency"
    for r in nodes:
        node = str(r[key])
        if node in g:  # one name of two kinds: one node, as the assignments draw it
            for attr, column in (("led", "leads"), ("supported", "supports"), ("plans", "plans")):
                g.nodes[node][attr] += int(r[column])
            continue
        g.add_node(
            node, label=r["name"], kind=r.get("kind") or "other", generic=node in vague, led=int(r["leads"]), supported=int(r["supports"]),
            plans=int(r["plans"]), places="" if by_kind else r.get("place") or "", tasks="",
        )
    for r in edges:
        lead, support = str(r["lead"]), str(r["support"])
        if lead in g and support in g:
            g.add_edge(lead, support, weight=int(r["tasks"]))
    return g


def agency_graph(rows: list[dict], by_kind: bool = False, role: str = "all") -> nx.DiGraph:
    """Nodes: agencies (or, by kind, one node per name across places). Edges: lead -> support,
    weighted by shared tasks; with role lead/support, agencies that co-lead / co-support. A
    body that supervises a task (the Fatherland Front, the council's standing committee) is
    not drawn for it: supervision is no support."""
    g = nx.DiGraph()
    by_task: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"lead": set(), "support": set()})
    tasks_of: dict[str, list[str]] = defaultdict(list)
    plans_of: dict[str, set[str]] = defaultdict(set)
    places_of: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r["role"] not in ("lead", "support"):
            continue
        key = r["name"] if by_kind else r["agency"]
        if key not in g:
            g.add_node(key, label=r["name"], kind=r.get("kind") or "other", generic=bool(r.get("generic")))
        by_task[r["task"]][r["role"]].add(key)
        counts[key][r["role"]] += 1
        plans_of[key].add(r["plan"])  # documents read, as the statistics count them: a decision and the plan it promulgates are two
        if r.get("agencyPlace"):
            places_of[key].add(r["agencyPlace"])
        tasks_of[key].append(f"{r['role']}: {r['file']} {r['path']}" + (f" ({r['timeframe']})" if r.get("timeframe") else ""))
    for key in list(g.nodes):
        data = g.nodes[key]
        data.update(
            led=counts[key]["lead"],
            supported=counts[key]["support"],
            plans=len(plans_of[key]),
            places=", ".join(sorted(places_of[key])),
            tasks="\n".join(sorted(tasks_of[key])[:25]) + ("\n…" if len(tasks_of[key]) > 25 else ""),
        )
    for roles in by_task.values():
        if role == "all":
            pairs = [(a, b) for a in roles["lead"] for b in roles["support"] if a != b]
        else:
            members = sorted(roles[role])
            pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
        for a, b in pairs:
            if g.has_edge(a, b):
                g[a][b]["weight"] += 1
            else:
                g.add_edge(a, b, weight=1)
    if role != "all":
        g.remove_nodes_from([n for n, d in list(g.nodes(data=True)) if d["led" if role == "lead" else "supported"] == 0])
    return g


def statistics(g: nx.DiGraph, seed: int = 42) -> tuple[list[dict], str]:
    """Degree, weighted degree, betweenness and lead/support ratio per node; the method used."""
    n = g.number_of_nodes()
    k = betweenness_sample(n)
    if k is None:
        between = nx.betweenness_centrality(g.to_undirected(), weight=None)
        method = f"exact betweenness over {n} nodes"
    else:
        between = nx.betweenness_centrality(g.to_undirected(), k=k, seed=seed, weight=None)
        method = f"betweenness sampled from {k} of {n} nodes (seed {seed})"
    rows = []
    for node, d in g.nodes(data=True):
        wdeg = g.in_degree(node, weight="weight") + g.out_degree(node, weight="weight")
        rows.append(
            {
                "agency": d["label"],
                "kind": d["kind"],
                "places": d.get("places", ""),
                "degree": g.degree(node),
                "weighted_degree": int(wdeg),
                "betweenness": round(between.get(node, 0.0), 4),
                "led": d["led"],
                "supported": d["supported"],
                "lead_support_ratio": round(d["led"] / d["supported"], 2) if d["supported"] else None,
            }
        )
    rows.sort(key=lambda r: (-r["weighted_degree"], r["agency"]))
    return rows, method


def betweenness_sample(n: int) -> int | None:
    """How many nodes betweenness is sampled from in a network of `n`; None: computed exactly."""
    return None if n <= EXACT_BETWEENNESS_UP_TO else min(BETWEENNESS_SAMPLE, n)


def kind_statistics(rows: list[dict]) -> list[dict]:
    acc: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        acc[r["kind"]].update({"agencies": 1, "degree": r["degree"], "weighted_degree": r["weighted_degree"], "led": r["led"], "supported": r["supported"]})
    out = []
    for kind, c in acc.items():
        out.append({"kind": kind, **c, "lead_support_ratio": round(c["led"] / c["supported"], 2) if c["supported"] else None})
    return sorted(out, key=lambda r: -r["weighted_degree"])


def write_gexf(g: nx.DiGraph, path: Path) -> Path:
    nx.write_gexf(_plain(g), path)
    return path


def write_graphml(g: nx.DiGraph, path: Path) -> Path:
    nx.write_graphml(_plain(g), path)
    return path


def _plain(g: nx.DiGraph) -> nx.DiGraph:
    """Attributes as str/int/float only: what GEXF and GraphML accept."""
    h = nx.DiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(str(n), **{k: v if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v) for k, v in d.items() if v is not None})
    for a, b, d in g.edges(data=True):
        h.add_edge(str(a), str(b), weight=int(d.get("weight", 1)))
    return h


def limit(g: nx.DiGraph, budget: int = NODE_BUDGET) -> NetworkView:
    if g.number_of_nodes() <= budget:
        return NetworkView(g)
    score = {n: g.in_degree(n, weight="weight") + g.out_degree(n, weight="weight") for n in g}
    keep = sorted(g, key=lambda n: -score[n])[:budget]
    return NetworkView(g.subgraph(keep).copy(), g.number_of_nodes())


def _kind_colour(kind: str) -> str:
    kinds = gazetteer().kinds
    return kinds.get(kind, kinds["other"])["colour"]


def render(view: NetworkView, path: Path, title: str, words: PageWords, directed: bool = True, show_places: bool = True) -> Path:
    """The interactive page: pyvis builds the model, our template renders it offline, in the
    language of `words`."""
    from pyvis.network import Network

    g = view.graph
    net = Network(directed=directed, height="100%", width="100%", cdn_resources="in_line")
    big = g.number_of_nodes() > LAYOUT_ABOVE
    pos = nx.spring_layout(g, seed=7, k=2 / max(1, g.number_of_nodes()) ** 0.5, scale=1000) if big else {}
    for n, d in g.nodes(data=True):
        title_text = "\n".join(
            x for x in (d["label"], f"{_kind_label(d.get('kind', 'other'), words.lang)} — {d.get('places', '')}".strip(" —"), words["load"].format(led=d.get("led", 0), supported=d.get("supported", 0)), d.get("tasks", "")) if x
        )
        extra = {"x": float(pos[n][0]), "y": float(pos[n][1]), "physics": False} if big else {}
        places = d.get("places", "")
        net.add_node(
            str(n),
            # two places' "Sở Nội vụ" are two bodies: say which one under the name
            label=f"{d['label']}\n({places})" if show_places and places else d["label"],
            title=title_text,
            color=_kind_colour(d.get("kind", "other")),
            size=10 + 4 * min(d.get("led", 0), 15),
            # what the search box matches: the name and place on one line
            searchText=f"{d['label']} ({places})" if show_places and places else d["label"],
            generic=bool(d.get("generic")),
            **extra,
        )
    for a, b, d in g.edges(data=True):
        net.add_edge(str(a), str(b), value=d.get("weight", 1), title=words["shared"].format(n=d.get("weight", 1)), arrows="to" if directed else "")
    nodes, edges, heading, height, width, options = net.get_network_data()
    kinds_present = sorted({d.get("kind", "other") for _, d in g.nodes(data=True)})
    legend = [(k, _kind_label(k, words.lang), _kind_colour(k)) for k in kinds_present]
    keys = [words["key_size"], words["key_width"]] + ([words["key_arrow"]] if directed else [])
    return _write(path, title, nodes, edges, legend, words.limited(view), physics=not big, words=words, keys=keys, toggles=True)


def _kind_label(kind: str, lang: str) -> str:
    kinds = gazetteer().kinds
    return kinds.get(kind, kinds["other"])[lang]


def document_graph(ds: Dataset) -> nx.DiGraph:
    from .naming import names_by_source

    g = nx.DiGraph()
    named = names_by_source(ds)
    for r in run_query("document_links", ds):
        # a document read is named by genre, symbol, issuer and date, not by its file
        from_label = named.get(str(r["fromLabel"]), {}).get("name") or r["fromLabel"]
        for node, label, is_plan in ((r["from"], from_label, r["fromIsPlan"]), (r["to"], r["toLabel"], False)):
            if node not in g:
                g.add_node(node, label=label or node.rsplit("/", 1)[-1], kind="plan" if is_plan else (r["toType"] if node == r["to"] else "document"), led=0, supported=0, places="", tasks="")
        g.add_edge(r["from"], r["to"], relation=r["relation"], source=r["source"], weight=1)
    return g


_RELATION_COLOURS = {"ensures_implementation_of": "#d62828", "based_on": "#1d4ed8", "cites": "#9ca3af"}
_DOC_COLOURS = {"plan": "#16a34a", "Luật": "#7c3aed", "NĐ": "#1d4ed8", "NQ": "#f77f00", "KH": "#14b8a6", "document": "#9ca3af"}


def render_documents(g: nx.DiGraph, path: Path, title: str, words: PageWords) -> Path:
    from pyvis.network import Network

    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    for n, d in g.nodes(data=True):
        net.add_node(str(n), label=d["label"], title=f"{d['label']}\n{words.words.get('doc_' + d['kind'], d['kind'])}", color=_DOC_COLOURS.get(d["kind"], "#a3a3a3"), shape="box" if d["kind"] == "plan" else "ellipse")
    for a, b, d in g.edges(data=True):
        colour, label = _RELATION_COLOURS.get(d["relation"], "#999"), words.words.get(f"rel_{d['relation']}", d["relation"])
        net.add_edge(str(a), str(b), color=colour, title=f"{label}\n{d['source']}", arrows="to", dashes=d["relation"] == "cites")
    nodes, edges, *_ = net.get_network_data()
    legend = [(k, words.words.get(f"doc_{k}", k), c) for k, c in _DOC_COLOURS.items()] + [(k, words[f"rel_{k}"], c) for k, c in _RELATION_COLOURS.items()]
    return _write(path, title, nodes, edges, legend, None, physics=True, words=words)


def _write(path: Path, title: str, nodes, edges, legend, notice, physics: bool, words: PageWords, keys: list[str] | None = None, toggles: bool = False) -> Path:
    from importlib.resources import files

    from jinja2 import Environment, FileSystemLoader, select_autoescape

    vis = files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    env = Environment(loader=FileSystemLoader(str(TEMPLATE.parent)), autoescape=select_autoescape(["html"]))
    page = env.get_template(TEMPLATE.name).render(
        title=title,
        nodes=nodes,
        edges=edges,
        legend=legend,
        notice=notice,
        physics=physics,
        keys=keys or [],
        toggles=toggles,
        words=words.words,
        lang=words.lang,
        made=date.today().isoformat(),
        file_stem=slug(title).replace("-", "_"),
        vis_js=(vis / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(vis / "vis-network.css").read_text(encoding="utf-8"),
    )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path

