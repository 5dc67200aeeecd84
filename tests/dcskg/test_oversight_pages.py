"""dcskg/oversight_pages.py through `dcskg serve` on the seeds: each oversight page answers what
its command answers (facts checked in the seed texts, as tests/queries/ check them), in
Vietnamese or English, as HTML, CSV and XLSX, and a bad field is a page that says why."""
from __future__ import annotations

import csv
import io
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from browser import serving

from ingest import places


@pytest.fixture(scope="module")
def base(seed_store):
    with serving(seed_store) as url:
        yield url


def fetch(base: str, page: str, **params) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(f"{base}/{page}?{urlencode(params)}", timeout=60) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


class _Page(HTMLParser):
    """The answer's table (headers, rows of cell texts), the grid's cells and the messages."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: list[str] = []
        self.rows: list[list[str]] = []
        self.cells: dict[str, str] = {}  # grid: province -> data-share
        self.alerts: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th", "p"):
            self._open = tag if tag != "p" or a.get("role") == "alert" else None
            if tag == "td":
                self.rows[-1].append("")
        elif tag == "div" and a.get("class") == "cell":
            self.cells[a["title"].split(":")[0]] = a["data-share"]

    def handle_endtag(self, tag):
        if tag in ("td", "th", "p"):
            self._open = None

    def handle_data(self, data):
        if self._open == "th":
            self.headers.append(data)
        elif self._open == "td":
            self.rows[-1][-1] += data
        elif self._open == "p":
            self.alerts.append(data)


def parsed(body: bytes) -> _Page:
    page = _Page()
    page.feed(body.decode("utf-8"))
    page.rows = [r for r in page.rows if r]
    return page


def test_coverage_page_lists_every_province_once_with_its_grid(base):
    status, headers, body = fetch(base, "coverage", document="10/2022/QH15")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    page = parsed(body)
    assert page.headers[:3] == ["đơn vị", "mã thống kê", "đã có"]
    assert len(page.rows) == 34 == len({r[1] for r in page.rows})
    assert {r[0] for r in page.rows if r[2] == "có"} == {"Vĩnh Long", "Cần Thơ"}
    assert page.cells["Vĩnh Long"] == "1.000" and page.cells["Hà Nội"] == "0.000" and len(page.cells) == 34


def test_coverage_of_the_countrys_communes_shades_each_province_by_its_share(base):
    status, _, body = fetch(base, "coverage", document="10/2022/QH15", level="commune")
    page = parsed(body)
    assert status == 200 and len(page.rows) == len(places.all_communes())
    hai_phong = sum(c.province == "Hải Phòng" for c in places.all_communes())
    # the seeds' one commune plan: Nghi Dương, a commune of Hải Phòng (001)
    assert page.cells["Hải Phòng"] == f"{1 / hai_phong:.3f}" and page.cells["Cần Thơ"] == "0.000"


def test_coverage_downloads_as_csv_and_xlsx_in_the_pages_language(base):
    status, headers, body = fetch(base, "coverage", document="10/2022/QH15", level="commune", **{"in": "Hải Phòng"}, format="csv", lang="en")
    assert status == 200 and headers["Content-Disposition"] == 'attachment; filename="dcs-kg-coverage.csv"'
    assert body.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8").lstrip("\ufeff"))))
    assert len(rows) == sum(c.province == "Hải Phòng" for c in places.all_communes())
    assert [r["unit"] for r in rows if r["covered"] == "yes"] == ["Nghi Dương"]
    from openpyxl import load_workbook

    status, _, body = fetch(base, "coverage", document="10/2022/QH15", format="xlsx")
    sheet = load_workbook(io.BytesIO(body)).active
    values = list(sheet.values)
    assert status == 200 and values[0][:3] == ("đơn vị", "mã thống kê", "đã có") and len(values) == 35
    assert {row[0] for row in values[1:] if row[2] == "có"} == {"Vĩnh Long", "Cần Thơ"}


def test_due_page_shows_the_reports_of_november(base):
    page = parsed(fetch(base, "due", on="2026-11-01", agency="SNV")[2])
    assert page.rows and page.rows[0][0] == "10/11/2026" and page.rows[0][1] == "9"
    assert all(r[2] == "báo cáo" for r in page.rows)


def test_search_page_finds_without_diacritics_and_filters_by_place(base):
    page = parsed(fetch(base, "search", q="dan chu co so", place="Cần Thơ")[2])
    assert page.rows and {r[6] for r in page.rows} == {"003_fcf3e25466826abb.txt"}
    english = parsed(fetch(base, "search", q="dan chu co so", place="Cần Thơ", lang="en")[2])
    assert english.headers[:2] == ["kind", "document"] and {r[0] for r in english.rows} <= {"task", "title"}


def test_compare_page_lists_only_the_differences_when_asked(base):
    page = parsed(fetch(base, "compare", a="000", b="003", only="1")[2])
    where = {(r[0], r[1]): r[4] for r in page.rows}
    assert where[("thực hiện", "47/2025/NQ-HĐND")] == "chỉ kế hoạch thứ nhất"
    assert ("chủ trì", "Sở Nội vụ") not in where  # both lead by it: not a difference
    assert ("chủ trì", "Báo Cần Thơ") in where


def test_cascade_page_carries_the_lead_down(base):
    page = parsed(fetch(base, "cascade", parent="003", child="002")[2])
    carried = [r for r in page.rows if r[2] == "IV.1" and r[3] == "III.2"]
    assert carried and carried[0][5] == "có"


@pytest.mark.parametrize(
    "page,params,status,said",
    [
        ("coverage", {"document": "99/2099/QH99"}, 404, "không có"),
        ("coverage", {"document": "99/2099/QH99", "lang": "en"}, 404, "no document"),
        ("search", {"q": "dan chu", "year": "năm ngoái"}, 400, "không phải là số"),
        ("due", {"on": "2026-13-01"}, 400, "YYYY-MM-DD"),
        ("cascade", {"parent": "003"}, 404, "003"),
    ],
)
def test_a_field_that_finds_nothing_is_a_page_that_says_why(base, page, params, status, said):
    got, _, body = fetch(base, page, **params)
    alerts = parsed(body).alerts
    assert got == status and alerts and said in alerts[0]


def test_a_page_without_its_fields_asks_for_them_and_echoes_nothing_unescaped(base):
    status, _, body = fetch(base, "search")
    assert status == 200 and "Điền các ô" in body.decode("utf-8")
    _, _, body = fetch(base, "compare", a="<script>x</script>", b="003")
    assert b"<script>x" not in body and b"&lt;script&gt;x" in body


def test_the_query_page_links_every_oversight_page(base):
    from dcskg.oversight_pages import PAGES

    with urllib.request.urlopen(base + "/", timeout=60) as r:
        body = r.read().decode("utf-8")
    assert all(f'href="/{page}"' in body for page in PAGES)


def test_the_pages_stylesheet_is_served_with_them(base):
    status, headers, body = fetch(base, "static/oversight.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css") and b".grid" in body
    _, _, page = fetch(base, "coverage", document="10/2022/QH15")
    assert b'href="/static/oversight.css"' in page


def test_search_page_shows_a_page_and_links_the_next(seed_store, monkeypatch):
    """The page shows the first hits with a link to the next ones; its downloads are every hit."""
    from dcskg import oversight_pages
    from dcskg.store import open_dataset

    ds = open_dataset(seed_store)

    def ask(**params):
        return oversight_pages.answer("search", params, lambda: ds).body

    whole = parsed(ask(q="dan chu")).rows
    assert len(whole) > 4
    monkeypatch.setattr(oversight_pages, "SEARCH_PAGE", 2)
    first = ask(q="dan chu")
    assert parsed(first).rows == whole[:2] and b'rel="next"' in first and b"offset=2" in first
    assert parsed(ask(q="dan chu", offset="2")).rows == whole[2:4]
    assert b'rel="next"' not in ask(q="dan chu", offset=str(len(whole) - 1))
    download = ask(q="dan chu", format="csv").decode("utf-8-sig")
    assert len(download.strip().splitlines()) == len(whole) + 1
