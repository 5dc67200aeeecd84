"""The read-only SPARQL endpoint: a real client, a refused UPDATE, a stopped runaway query,
and the query page in headless Chromium."""
from __future__ import annotations

import re
import time
import urllib.error
import urllib.request

import pytest
from browser import chrome, only_loopback, requested_urls, serving


@pytest.fixture(scope="module")
def endpoint(seed_store):
    with serving(seed_store, "--timeout", "2", "--max-rows", "50") as base:
        yield base


def open_page(driver, endpoint: str) -> None:
    """The query page, loaded and its editor ready."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(endpoint + "/")
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return !!window.yasgui"))


def run_named(driver, endpoint: str, name: str, rows: int = 1) -> None:
    """Open the page, run the named query `name` and wait for at least `rows` rows of its answer."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    open_page(driver, endpoint)
    driver.execute_script(f"openExample('{name}'); window.yasgui.getTab().getYasqe().query();")
    WebDriverWait(driver, 30).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr")) >= rows)


def test_select_with_sparqlwrapper(endpoint):
    from SPARQLWrapper import JSON, SPARQLWrapper

    sw = SPARQLWrapper(f"{endpoint}/sparql")
    sw.setQuery("PREFIX dcs: <https://w3id.org/dcs-kg/ontology#> SELECT ?p WHERE { ?p a dcs:Plan } ORDER BY ?p")
    sw.setReturnFormat(JSON)
    rows = sw.query().convert()["results"]["bindings"]
    assert len(rows) == 5


@pytest.mark.parametrize("fmt,ctype,probe", [("csv", "text/csv", "p\r\n"), ("tsv", "text/tab-separated-values", "?p"), ("xml", "application/sparql-results+xml", "<sparql")])
def test_content_negotiation(endpoint, fmt, ctype, probe):
    from urllib.parse import quote

    q = quote("PREFIX dcs: <https://w3id.org/dcs-kg/ontology#> SELECT ?p WHERE { ?p a dcs:Plan }")
    req = urllib.request.Request(f"{endpoint}/sparql?query={q}", headers={"Accept": ctype})
    with urllib.request.urlopen(req) as resp:
        assert resp.headers["Content-Type"].startswith(ctype)
        assert probe in resp.read().decode()


def test_update_is_refused(endpoint):
    from SPARQLWrapper import POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    sw = SPARQLWrapper(f"{endpoint}/sparql", updateEndpoint=f"{endpoint}/sparql")
    sw.setMethod(POST)
    sw.setQuery("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)) as info:
        sw.query()
    assert "403" in str(info.value) or "read-only" in str(info.value).lower() or "Forbidden" in str(info.value)
    for data, ctype in ((b"update=LOAD+%3Chttp%3A%2F%2Fexample.org%2F%3E", "application/x-www-form-urlencoded"), (b"DROP ALL", "application/sparql-update")):
        req = urllib.request.Request(f"{endpoint}/sparql", data=data, headers={"Content-Type": ctype})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req)
        assert err.value.code == 403


def test_runaway_query_times_out_and_the_server_lives_on(endpoint):
    from urllib.parse import quote

    q = quote("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    started = time.time()
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{endpoint}/sparql?query={q}", timeout=30)
    assert err.value.code == 503 and "timed out" in err.value.read().decode()
    assert time.time() - started < 15
    test_select_with_sparqlwrapper(endpoint)


def test_row_cap(endpoint):
    from urllib.parse import quote

    q = quote("SELECT * WHERE { ?s ?p ?o }")
    with urllib.request.urlopen(f"{endpoint}/sparql?query={q}&format=csv") as resp:
        assert resp.headers["X-DCS-Truncated"] == "true"
        lines = resp.read().decode().strip().splitlines()
        assert len(lines) == 52 and lines[-1].startswith("# dcs-kg: truncated")  # header, 50 rows, the note


def test_query_page_runs_a_named_query_offline(endpoint, artifacts):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with chrome() as driver:
        open_page(driver, endpoint)
        options = [o.get_attribute("value") for o in driver.find_elements(By.CSS_SELECTOR, "#example option")]
        assert "plans" in options and len(options) >= 15
        driver.execute_script("openExample('plans'); window.yasgui.getTab().getYasqe().query();")
        rows = lambda d: [r for r in d.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr") if r.is_displayed()]
        WebDriverWait(driver, 30).until(lambda d: len(rows(d)) >= 5)
        assert any("Ủy ban nhân dân tỉnh Vĩnh Long" in r.text for r in rows(driver))
        driver.save_screenshot(str(artifacts / "query_page.png"))
        assert only_loopback(requested_urls(driver)) == []


def test_named_query_bound_from_loosely_typed_values(endpoint):
    from urllib.parse import urlencode

    with urllib.request.urlopen(f"{endpoint}/bind?" + urlencode({"name": "plans_implementing", "doc": "65/nq-hdnd"})) as resp:
        text = resp.read().decode()
    assert 'BIND("65/NQ-HĐND@Cần Thơ/2024" AS ?doc)' in text
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{endpoint}/bind?" + urlencode({"name": "plans_implementing", "doc": "99/NQ-HĐND"}))
    assert err.value.code == 404 and "nearest" in err.value.read().decode()
    # an agency named with its place binds the query's place too: the page asks for that place's body
    with urllib.request.urlopen(f"{endpoint}/bind?" + urlencode({"name": "agency_tasks", "agency": "sở nội vụ Cần Thơ"})) as resp:
        text = resp.read().decode()
    assert 'BIND("Sở Nội vụ"@vi AS ?agency)' in text and 'BIND("Cần Thơ"@vi AS ?place)' in text
    # … through the query that gives one place's rows with the place required (issue 27)
    assert "dcs:jurisdiction/skos:prefLabel ?place ." in text and "OPTIONAL { ?a dcs:jurisdiction" not in text
    with urllib.request.urlopen(f"{endpoint}/suggest?type=agency") as resp:
        import json

        assert "Sở Nội vụ" in json.loads(resp.read())


def test_query_page_form_runs_a_named_query_with_a_parameter(endpoint):
    """A name the graph lacks is said under the form; the next run that succeeds clears it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with chrome() as driver:
        open_page(driver, endpoint)
        driver.execute_script("openExample('agency_tasks')")
        field = driver.find_element(By.CSS_SELECTOR, "#fields input[name=agency]")
        field.send_keys("không có cơ quan này")
        driver.find_element(By.ID, "run-form").click()
        WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "form-error").text)
        field.clear()
        field.send_keys("sở nội vụ")
        driver.find_element(By.ID, "run-form").click()
        rows = lambda d: [r for r in d.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr") if r.is_displayed()]
        WebDriverWait(driver, 30).until(lambda d: len(rows(d)) >= 1)
        assert any("Sở Nội vụ" in r.text for r in rows(driver))
        assert driver.find_element(By.ID, "form-error").text == ""


# English words of the page's own chrome that must not reach a Vietnamese reader, and back
ENGLISH_CHROME = re.compile(r"\b(named query|my queries|save|open|delete|download|run|chart|oversight|coverage|search|compare|cascade|query)\b", re.I)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_query_page_speaks_one_language(endpoint, lang):
    """In Vietnamese the page's chrome has no English word (the link to the English page names
    its language); with ?lang=en the chrome and the named questions are English."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with chrome() as driver:
        driver.get(endpoint + ("/?lang=en" if lang == "en" else "/"))
        WebDriverWait(driver, 30).until(lambda d: d.execute_script("return !!window.yasgui"))
        chrome_text = " ".join(driver.find_element(By.CSS_SELECTOR, css).text for css in ("header", "#examples", "#mine", "#form"))
        chrome_text += " " + " ".join(e.get_attribute("placeholder") or "" for e in driver.find_elements(By.CSS_SELECTOR, "#mine input"))
        switch = driver.find_element(By.ID, "switch-lang").text
        chrome_text = chrome_text.replace(switch, "").replace("SPARQL", "").replace("/sparql", "").replace(".rq", "")
        question = driver.execute_script("return document.querySelector('#example option').textContent")
        tab = driver.execute_script("return window.yasgui.getTab().getName()")
        if lang == "vi":
            assert not ENGLISH_CHROME.search(chrome_text), chrome_text
            assert "Câu hỏi mẫu" in chrome_text and tab == "Truy vấn" and switch == "English"
            assert re.search(r"[àáảãạăâđêôơư]", question)
        else:
            assert "Named query" in chrome_text and "Câu hỏi" not in chrome_text and tab == "Query" and switch == "Tiếng Việt"
            assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
            assert not re.search(r"[ạảấầẩẫậắằẳẵặẹẻẽềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]", question), question


def test_query_page_says_when_an_answer_was_cut(endpoint):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with chrome() as driver:
        open_page(driver, endpoint)
        driver.execute_script("const tab = window.yasgui.addTab(true, {name: 'all', yasqe: {value: 'SELECT * WHERE { ?s ?p ?o }'}}); window.yasgui.getTab().getYasqe().query();")
        WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "truncated").text)
        assert "--max-rows" in driver.find_element(By.ID, "truncated").text


def test_query_page_shows_words_and_plain_values(endpoint):
    """A named query's codes read as words (kinds, levels), numbers without their datatype."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with chrome() as driver:
        open_page(driver, endpoint)
        driver.execute_script("openExample('agency_kind_load'); window.yasgui.getTab().getYasqe().query();")
        rows = lambda d: [r.text for r in d.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr") if r.is_displayed()]
        WebDriverWait(driver, 30).until(lambda d: any("Sở Nội vụ" in r for r in rows(d)))
        text = "\n".join(rows(driver))
        assert "Sở Nội vụ" in text and "Nhóm cơ quan" in text
        headers = [h.text for h in driver.find_elements(By.CSS_SELECTOR, ".yasr table thead th") if h.is_displayed()]
        assert "loại cơ quan" in headers and "kind" not in headers  # the catalogue's headers
        assert "department" not in text and "collective_group" not in text
        assert "^^" not in text and "XMLSchema" not in text and "xsd:" not in text


def test_query_page_draws_a_chart_of_an_aggregation(endpoint, artifacts):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with chrome() as driver:
        run_named(driver, endpoint, "agency_lead_load", rows=4)
        n = driver.execute_script("return window.yasgui.getTab().getYasr().results.getBindings().length")
        driver.execute_script("window.yasgui.getTab().getYasr().selectPlugin('chart')")
        WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".dcs-chart svg rect"))
        bars = driver.find_elements(By.CSS_SELECTOR, ".dcs-chart svg rect")
        # leads, supports and plans: three bars for each agency shown, the first 40
        assert len(bars) == 3 * min(n, 40)
        drawn = driver.find_element(By.CSS_SELECTOR, ".dcs-chart svg").text
        assert "Sở Nội vụ" in drawn
        assert "■ chủ trì" in drawn and "■ leads" not in drawn  # the series in words, as the table's headers
        driver.save_screenshot(str(artifacts / "query_page_chart.png"))
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []


def test_query_page_keeps_your_own_queries(endpoint):
    from selenium.webdriver.support.ui import WebDriverWait

    mine = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    with chrome() as driver:
        open_page(driver, endpoint)
        driver.execute_script("window.yasgui.getTab().getYasqe().setValue(arguments[0]);"
                              "document.getElementById('save-name').value = 'đếm bộ ba';", mine)
        assert driver.execute_script("return saveQuery()") == "đếm bộ ba"
        driver.refresh()
        WebDriverWait(driver, 30).until(lambda d: d.execute_script("return !!window.yasgui"))
        assert driver.execute_script("return savedQueries()") == {"đếm bộ ba": mine}
        assert "đếm bộ ba" in driver.execute_script("return [...document.querySelectorAll('#saved option')].map(o => o.value)")
        driver.execute_script("openSaved('đếm bộ ba')")
        assert driver.execute_script("return window.yasgui.getTab().getYasqe().getValue()") == mine
        got = driver.execute_script("return downloadRq()")
        assert got == {"name": "đếm_bộ_ba.rq", "text": mine}


def test_query_page_csv_has_a_bom_and_the_queries_name(endpoint):
    """Excel reads the CSV as UTF-8 (a BOM first); the file is named after the query, named or saved."""

    with chrome() as driver:
        run_named(driver, endpoint, "plans", rows=1)
        info = driver.execute_script("const i = csvDownload(); return {filename: i.filename, data: i.getData()}")
        assert info["filename"] == "plans.csv"
        assert info["data"].startswith("\ufeff") and "Ủy ban nhân dân" in info["data"]
        # plans by their names, not their IRIs
        assert "Kế hoạch" in info["data"] and "w3id.org/dcs-kg/id/plan/" not in info["data"]
        driver.execute_script("document.getElementById('save-name').value = 'kế hoạch của tôi'; saveQuery()")
        assert driver.execute_script("return csvDownload().filename") == "ke-hoach-cua-toi.csv"  # ASCII: any mail system or share keeps it


def test_json_answers_follow_the_sparql_results_format(endpoint):
    """IRIs, language-tagged and typed literals as the SPARQL 1.1 JSON format writes them, and
    the same rows rdflib reads from the XML answer."""
    import io
    import json
    from urllib.parse import urlencode

    from rdflib.query import Result

    query = """PREFIX dcs: <https://w3id.org/dcs-kg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?p ?n ?label ?file WHERE { ?p a dcs:Plan ; dcs:sourceFile ?file . ?t dcs:inPlan ?p .
          ?t dcs:leadAgency/skos:prefLabel ?label . BIND(1 AS ?n) } ORDER BY ?p ?label ?t LIMIT 3"""

    def answer(accept: str) -> bytes:
        req = urllib.request.Request(f"{endpoint}/sparql?" + urlencode({"query": query}), headers={"Accept": accept})
        with urllib.request.urlopen(req) as resp:
            return resp.read()

    data = json.loads(answer("application/sparql-results+json"))
    assert data["head"]["vars"] == ["p", "n", "label", "file"]
    row = data["results"]["bindings"][0]
    assert row["p"]["type"] == "uri" and row["label"]["xml:lang"] == "vi"
    assert row["n"] == {"type": "literal", "value": "1", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert row["file"] == {"type": "literal", "value": row["file"]["value"]}  # a plain string: no datatype
    from_json = Result.parse(source=io.BytesIO(answer("application/sparql-results+json")), format="json")
    from_xml = Result.parse(source=io.BytesIO(answer("application/sparql-results+xml")), format="xml")
    assert [tuple(r) for r in from_json] == [tuple(r) for r in from_xml]
