"""Agency networks: the graph from SPARQL, analytics, Gephi exports, the offline page in
headless Chromium, and text from documents that must stay text."""
from __future__ import annotations

import re

import networkx as nx
import pytest
from browser import chrome, only_loopback, requested_urls
from clirun import dcskg
from gold import PLANS
from selenium.webdriver.support.ui import WebDriverWait

from queries import network as nw
from queries.runner import run_query


@pytest.fixture(scope="module")
def rows(seed_ds):
    return nw.assignments(seed_ds)


def test_by_kind_merges_places_and_links_partners_in_several_plans(rows):
    g = nw.agency_graph(rows, by_kind=True)
    assert g.nodes["Sở Nội vụ"]["plans"] == 2
    assert g.nodes["Sở Nội vụ"]["places"] == "Cần Thơ, Vĩnh Long"
    partners = set(g.predecessors("Sở Nội vụ")) | set(g.successors("Sở Nội vụ"))
    assert {"Sở Tư pháp", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Các cơ quan, đơn vị, tổ chức, địa phương"} <= partners


def test_edges_run_from_lead_to_support_weighted_by_shared_tasks(rows):
    g = nw.agency_graph(rows, by_kind=True)
    assert g["Các cơ quan, đơn vị, tổ chức, địa phương"]["Sở Tư pháp"]["weight"] == 4
    assert not g.has_edge("Sở Tư pháp", "Các cơ quan, đơn vị, tổ chức, địa phương")


def test_place_filter(seed_ds):
    g = nw.agency_graph(nw.assignments(seed_ds, place="Cần Thơ"))
    assert g.number_of_nodes() > 5 and {d["places"] for _, d in g.nodes(data=True)} == {"Cần Thơ"}


def test_statistics_exact_and_sampled(rows):
    table, method = nw.statistics(nw.agency_graph(rows))
    assert method.startswith("exact")
    sn = next(r for r in table if r["agency"] == "Sở Nội vụ" and r["places"] == "Vĩnh Long")
    assert (sn["led"], sn["supported"], sn["lead_support_ratio"]) == (4, 3, 1.33)
    big = nx.gnm_random_graph(nw.EXACT_BETWEENNESS_UP_TO + 50, 2000, seed=1, directed=True)
    for n in big:
        big.nodes[n].update(label=str(n), kind="other", led=1, supported=1)
    _, method = nw.statistics(big)
    assert "sampled from 200" in method


def test_budget_aggregates_and_says_so():
    g = nx.DiGraph()
    for i in range(50):
        g.add_node(i, label=str(i), kind="other", led=i, supported=0)
        g.add_edge(i, (i + 1) % 50, weight=i)
    view = nw.limit(g, budget=10)
    assert view.graph.number_of_nodes() == 10 and view.whole == 50
    assert nw.limit(g, budget=50).whole is None
    from dcskg.answers import network_words

    said = network_words("vi").limited(view)
    assert said is not None and "Hiển thị 10 cơ quan" in said and "trong 50" in said
    assert network_words("vi").limited(nw.limit(g, budget=50)) is None


def test_gexf_keeps_kinds_and_weights(rows, tmp_path):
    g = nw.agency_graph(rows, by_kind=True)
    h = nx.read_gexf(nw.write_gexf(g, tmp_path / "n.gexf"))
    assert h.nodes["Sở Nội vụ"]["kind"] == "department"
    assert h["Các cơ quan, đơn vị, tổ chức, địa phương"]["Sở Tư pháp"]["weight"] == 4
    assert nx.read_graphml(nw.write_graphml(g, tmp_path / "n.graphml")).number_of_nodes() == g.number_of_nodes()


def test_page_draws_every_agency_offline(seed_store, seed_ds, tmp_path, artifacts):
    out = tmp_path / "network.html"
    r = dcskg("network", "--store", str(seed_store), "--out", str(out), "--stats")
    assert r.returncode == 0, r.stderr
    expected = {row["agency"] for row in run_query("network_assignments", seed_ds)}
    with chrome() as driver:
        driver.get(out.as_uri())
        drawn = driver.execute_script("return window.graphNodes.getIds()")
        assert set(drawn) == expected
        driver.execute_script("window.network.fit()")
        driver.save_screenshot(str(artifacts / "agency_network.png"))
        assert only_loopback([u for u in requested_urls(driver) if not u.startswith("file:")]) == []


def test_document_graph_page(seed_store, tmp_path, artifacts):
    out = tmp_path / "documents.html"
    r = dcskg("network", "--documents", "--store", str(seed_store), "--out", str(out))
    assert r.returncode == 0, r.stderr
    with chrome() as driver:
        driver.get(out.as_uri())
        labels = driver.execute_script("return window.graphNodes.get().map(n => n.label)")
        # plans are named by genre, issuer and date, not by their files
        assert "Luật 10/2022/QH15" in labels and "Kế hoạch — Ủy ban nhân dân tỉnh Vĩnh Long, 2026" in labels
        assert not any(label.endswith(".txt") for label in labels)
        driver.save_screenshot(str(artifacts / "document_graph.png"))


def test_markup_in_a_plan_stays_text(tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains

    evil = (PLANS / "000_70211efbcc79a593.txt").read_text(encoding="utf-8")
    evil = evil.replace("+ Cơ quan thực hiện: Sở Nội vụ.", '+ Cơ quan thực hiện: Sở <script>window.__pwned=1</script>Nội vụ.')
    evil = evil.replace("+ Thời gian thực hiện: Năm 2026 và các năm tiếp theo.", '+ Thời gian thực hiện: <img src=x onerror="window.__pwned=2">', 1)
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "crafted.txt").write_text(evil, encoding="utf-8")
    store = tmp_path / "graph"
    assert dcskg("build", str(plans), "--store", str(store), "--no-validate").returncode == 0
    out = tmp_path / "n.html"
    assert dcskg("network", "--store", str(store), "--out", str(out)).returncode == 0
    page = out.read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in page and "<img src=x" not in page
    with chrome() as driver:
        driver.get(out.as_uri())
        titles = driver.execute_script("return window.graphNodes.get().map(n => n.title).join('\\n')")
        assert "<img src=x" in titles or "<script>" in titles  # the markup is there, as data
        # hover every node: vis-network shows the tooltip as text
        ids = driver.execute_script("return window.graphNodes.get({filter: n => !n.hidden}).map(n => n.id)")
        driver.execute_script("window.network.fit({nodes: arguments[0], animation: false})", ids)  # every node drawn on the screen
        for node in ids[:40]:
            pos = driver.execute_script("const p = window.network.getPositions([arguments[0]])[arguments[0]]; return window.network.canvasToDOM(p);", node)
            canvas = driver.find_element("css selector", "#network canvas")
            ActionChains(driver).move_to_element_with_offset(canvas, int(pos["x"] - canvas.size["width"] / 2), int(pos["y"] - canvas.size["height"] / 2)).perform()
        assert driver.execute_script("return window.__pwned === undefined")
        assert driver.find_elements("css selector", "#network img") == []


def test_page_search_toggles_and_png(seed_store, tmp_path):
    """Search finds a node by the name shown (place included), generic groups are hidden until
    asked for, isolates can be hidden, the picture can be saved, and the console stays clean."""
    out = tmp_path / "network.html"
    assert dcskg("network", "--store", str(seed_store), "--out", str(out)).returncode == 0
    with chrome() as driver:
        driver.get(out.as_uri())
        hit = driver.execute_script("return window.findNode('Sở Nội vụ (Vĩnh Long)')")
        assert hit and driver.execute_script("return window.graphNodes.get(arguments[0]).label", hit).startswith("Sở Nội vụ")
        generic = driver.execute_script("return window.graphNodes.get({filter: n => n.generic}).map(n => n.id)")
        assert generic, "the seeds assign tasks to at least one generic group"
        hidden = driver.execute_script("return window.graphNodes.get({filter: n => n.hidden}).map(n => n.id)")
        assert set(generic) <= set(hidden)
        driver.find_element("id", "show-generic").click()
        assert not driver.execute_script("return window.graphNodes.get({filter: n => n.generic && n.hidden}).length")
        driver.find_element("id", "show-isolates").click()
        linked = driver.execute_script("return new Set(window.graphEdges.get().flatMap(e => [e.from, e.to])).size")
        shown = driver.execute_script("return window.graphNodes.get({filter: n => !n.hidden}).length")
        assert shown == linked
        png = driver.execute_script("return document.querySelector('#network canvas').toDataURL('image/png')")
        assert png.startswith("data:image/png;base64,") and len(png) > 1000
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []


def test_the_same_graph_is_drawn_the_same_way(seed_store, tmp_path):
    out = tmp_path / "network.html"
    assert dcskg("network", "--store", str(seed_store), "--out", str(out)).returncode == 0
    positions = []
    for _ in range(2):
        with chrome() as driver:
            driver.get(out.as_uri())
            driver.execute_script("window.network.stabilize(200)")
            positions.append(driver.execute_script("return JSON.stringify(window.network.getPositions())"))
    assert positions[0] == positions[1]


def test_the_network_of_a_document_cited_but_not_read_is_that_of_the_documents_carrying_it_out(seed_ds):
    """Seed 000 (Vĩnh Long) carries out resolution 47/2025/NQ-HĐND, which no seed is; the Law is
    carried out, directly or through the chain, by every seed plan but the district's."""
    resolution = nw.agency_network(seed_ds, "47/2025/NQ-HĐND").graph
    plan = nw.agency_network(seed_ds, "000").graph
    assert set(resolution.nodes) == set(plan.nodes) and set(resolution.edges) == set(plan.edges)
    law = nw.agency_network(seed_ds, "10/2022/QH15").graph
    assert set(plan.nodes) < set(law.nodes)
    assert set(nw.agency_network(seed_ds, "003").graph.nodes) <= set(law.nodes)
    from ingest.errors import QueryError

    with pytest.raises(QueryError) as caught:
        nw.agency_network(seed_ds, "99/2099/NQ-HĐND")
    assert str(caught.value.code).startswith("lookup_none")


def _overlapping_labels(driver) -> list[tuple[str, str]]:
    boxes = driver.execute_script("return window.graphNodes.get({filter: n => !n.hidden}).map(n => [n.id, window.network.getBoundingBox(n.id)])")
    return [
        (a_id, b_id)
        for i, (a_id, a) in enumerate(boxes)
        for b_id, b in boxes[i + 1 :]
        if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]
    ]


def test_page_labels_do_not_run_over_each_other(seed_store, tmp_path, artifacts):
    out = tmp_path / "network.html"
    assert dcskg("network", "--store", str(seed_store), "--out", str(out)).returncode == 0
    with chrome() as driver:
        driver.get(out.as_uri())
        # the labels are set apart once the layout has settled, which may be after the page loads
        WebDriverWait(driver, 30).until(lambda d: d.execute_script("return window.labelsSetApart === true"))
        assert driver.execute_script("return window.graphNodes.get({filter: n => !n.hidden}).length") > 30
        assert _overlapping_labels(driver) == []
        driver.find_element("id", "show-generic").click()  # more names drawn: set apart again
        assert _overlapping_labels(driver) == []
        driver.save_screenshot(str(artifacts / "agency_network_every_label.png"))


def test_page_counts_the_links_it_draws(seed_store, tmp_path):
    """With the generic groups hidden their links are not drawn, and the bar says so."""
    out = tmp_path / "network.html"
    assert dcskg("network", "--store", str(seed_store), "--out", str(out)).returncode == 0
    with chrome() as driver:
        driver.get(out.as_uri())
        drawn = driver.execute_script("return window.graphNodes.get({filter: n => !n.hidden}).map(n => n.id)")
        links = driver.execute_script("return window.graphEdges.get().filter(e => arguments[0].includes(e.from) && arguments[0].includes(e.to)).length", drawn)
        every = driver.execute_script("return window.graphEdges.length")
        assert links < every
        assert f"{len(drawn)} cơ quan, {links} liên kết" in driver.find_element("id", "drawn").text
        driver.find_element("id", "show-generic").click()
        assert f", {every} liên kết (trong" in driver.find_element("id", "drawn").text


def test_page_search_says_what_it_found(seed_store, tmp_path):
    out = tmp_path / "network.html"
    assert dcskg("network", "--store", str(seed_store), "--out", str(out)).returncode == 0
    with chrome() as driver:
        driver.get(out.as_uri())
        assert driver.execute_script("return window.searchFor('Không có cơ quan này')") == []
        assert "Không có cơ quan nào tên “Không có cơ quan này”" in driver.find_element("id", "search-note").text
        # a name in two places: both offered, neither chosen for the reader
        hits = driver.execute_script("return window.searchFor('sở nội vụ')")
        assert len(hits) == 2 and driver.find_element("id", "search-note").text == ""
        offered = [o.text for o in driver.find_elements("css selector", "#choices option")][1:]
        assert sorted(offered) == ["Sở Nội vụ (Cần Thơ)", "Sở Nội vụ (Vĩnh Long)"]
        assert driver.execute_script("return window.network.getSelectedNodes()") == []
        one = driver.execute_script("return window.searchFor('Sở Nội vụ (Cần Thơ)')")
        assert len(one) == 1 and one[0].endswith("can-tho/so-noi-vu") and one[0] in hits
        assert driver.execute_script("return window.network.getSelectedNodes()") == one


def test_page_saves_the_whole_drawing_with_title_date_and_legend(seed_store, tmp_path):
    out = tmp_path / "network.html"
    assert dcskg("network", "--store", str(seed_store), "--plan", "Vĩnh Linh", "--out", str(out)).returncode == 0
    with chrome() as driver:
        driver.get(out.as_uri())
        name = driver.execute_script("return window.fileName('svg')")
        assert re.fullmatch(r"[a-z0-9_]+\.svg", name) and "vinh_linh" in name
        svg = driver.execute_script("return window.svgOfWhole()")
        drawn = driver.execute_script("return window.graphNodes.get({filter: n => !n.hidden}).length")
        assert svg.count("<circle") == drawn > 3
        assert "mạng lưới cơ quan" in svg and "Vĩnh Linh" in svg and "lập ngày 20" in svg and "Cỡ nút: số nhiệm vụ chủ trì" in svg
        driver.set_script_timeout(30)
        png = driver.execute_async_script("window.pngOfWhole().then(arguments[0])")
        assert png.startswith("data:image/png;base64,")
        import base64
        import struct

        raw = base64.b64decode(png.split(",", 1)[1])
        width, height = struct.unpack(">II", raw[16:24])
        canvas = driver.execute_script("const c = document.querySelector('#network canvas'); return [c.width, c.height]")
        assert width == canvas[0] and height > canvas[1]  # the drawing with a title above and the legend below


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_page_speaks_the_readers_language(seed_store, tmp_path, lang):
    out = tmp_path / "network.html"
    assert dcskg("--lang", lang, "network", "--store", str(seed_store), "--out", str(out)).returncode == 0
    with chrome() as driver:
        driver.get(out.as_uri())
        bar = driver.find_element("id", "bar").text + " " + driver.find_element("id", "legend").text
        english = re.compile(r"\b(find|reset|generic|unlinked|save|node size|edge width|arrow|agencies|links)\b", re.I)
        if lang == "vi":
            assert not english.search(bar), bar
            assert "Tìm cơ quan" in bar and "Cỡ nút" in bar
        else:
            assert "Find an agency" in bar and "Node size" in bar and "Tìm" not in bar and "Cỡ nút" not in bar
