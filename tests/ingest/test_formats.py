"""The same plan as .txt, .docx (list items; tasks in a table), .pdf and .html extracts to the
same records: legal references, task paths and agencies. The files are generated here from
the seed text."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from gold import PLANS
from layouts import cp1258_as_word

from ingest.errors import NotAPlanError, ReadError
from ingest.pipeline import extract

SEEDS = sorted(p.name for p in PLANS.glob("*.txt"))
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_BULLET = re.compile(r"^(?P<mark>- \+|[-+])\s+(?P<text>.*)$")


def signature(ex):
    return (
        sorted((r.id, r.relation) for r in ex.legal_refs),
        sorted((t.path, tuple(ex.names(t.lead)), tuple(sorted(ex.names(t.support)))) for t in ex.tasks),
        ex.document.issuer,
        ex.document.title,
    )


def seed_lines(name: str) -> list[str]:
    text = (PLANS / name).read_text(encoding="utf-8")
    return [re.sub(r"\*\*|^#+\s*|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)", "", line).rstrip() for line in text.split("\n")]


def write_docx(name: str, path: Path, as_lists: bool) -> Path:
    import docx

    d = docx.Document()
    for line in seed_lines(name):
        if not line.strip():
            continue
        m = _BULLET.match(line.strip())
        if as_lists and m:
            style = "List Bullet 2" if "+" in m.group("mark") else "List Bullet"
            d.add_paragraph(m.group("text"), style=style)
        else:
            d.add_paragraph(line.strip())
    d.save(path)
    return path


def write_docx_with_task_table(name: str, path: Path) -> Path:
    """Dash items followed by their '+ Cơ quan …' lines become rows of a task table."""
    import docx

    d = docx.Document()
    lines = [l.strip() for l in seed_lines(name) if l.strip()]
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("- ") and i + 1 < len(lines) and (lines[i + 1].startswith("+ ") or lines[i + 1].startswith("- ")):
            rows = []
            while i < len(lines) and lines[i].startswith("- ") and not lines[i].startswith("- +") and ":" not in lines[i][:25]:
                row = {"content": lines[i][2:], "lead": "", "support": "", "time": ""}
                i += 1
                while i < len(lines) and lines[i].lstrip("- ").startswith("+ "):
                    label, _, value = lines[i].lstrip("- ")[2:].partition(":")
                    key = {"Cơ quan thực hiện": "lead", "Cơ quan phối hợp": "support", "Thời gian thực hiện": "time"}.get(label.strip())
                    if key:
                        row[key] = value.strip()
                    i += 1
                rows.append(row)
            if rows:
                table = d.add_table(rows=1, cols=5)
                for cell, head in zip(table.rows[0].cells, ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]):
                    cell.text = head
                for n, row in enumerate(rows, start=1):
                    cells = table.add_row().cells
                    for cell, value in zip(cells, [str(n), row["content"], row["lead"], row["support"], row["time"]]):
                        cell.text = value
                continue
        d.add_paragraph(line)
        i += 1
    d.save(path)
    return path


def write_html(name: str, path: Path) -> Path:
    import html

    body = "\n".join(f"<p>{html.escape(l.strip())}</p>" for l in seed_lines(name) if l.strip())
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>Cổng thông tin</title>
    <script>var tracking = 1;</script></head><body>
    <nav><a href="/">Trang chủ</a> | <a href="/tin-tuc">Tin tức</a> | <a href="/van-ban">Văn bản</a></nav>
    <header><h1>Cổng thông tin điện tử tỉnh</h1></header>
    <article class="content">{body}</article>
    <footer>Bản quyền © Cổng thông tin điện tử. Liên hệ: 0123 456 789</footer></body></html>"""
    path.write_text(page, encoding="utf-8")
    return path


def write_pdf(name: str, path: Path) -> Path:
    """A text-layer PDF with lines wrapped at the page width, as real plans arrive."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=11)
    for line in seed_lines(name):
        if not line.strip():
            pdf.ln(3)
            continue
        pdf.multi_cell(0, 6, line.strip(), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def txt_signatures(extractions):
    return {name: signature(ex) for name, ex in extractions.items()}


@pytest.mark.parametrize("name", SEEDS)
def test_docx_paragraphs(name, tmp_path, txt_signatures):
    assert signature(extract(write_docx(name, tmp_path / "plan.docx", as_lists=False))) == txt_signatures[name]


@pytest.mark.parametrize("name", SEEDS)
def test_docx_list_items(name, tmp_path, txt_signatures):
    assert signature(extract(write_docx(name, tmp_path / "plan.docx", as_lists=True))) == txt_signatures[name]


def test_docx_task_table_gives_the_same_tasks(tmp_path, txt_signatures):
    name = "000_70211efbcc79a593.txt"
    path = write_docx_with_task_table(name, tmp_path / "table.docx")
    import docx

    assert len(docx.Document(path).tables) >= 4  # the tasks really are in tables
    assert signature(extract(path)) == txt_signatures[name]


@pytest.mark.parametrize("name", SEEDS)
def test_html_portal_page(name, tmp_path, txt_signatures):
    assert signature(extract(write_html(name, tmp_path / "plan.html"))) == txt_signatures[name]


@pytest.mark.skipif(not FONT.exists(), reason="DejaVu font not installed (.ci/run installs fonts-dejavu-core)")
@pytest.mark.parametrize("name", SEEDS)
def test_pdf_text_layer(name, tmp_path, txt_signatures):
    assert signature(extract(write_pdf(name, tmp_path / "plan.pdf"))) == txt_signatures[name]


def test_scanned_pdf_without_text_layer(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")  # a page with a picture and no text
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(ReadError, match="no text layer"):
        extract(path)


def test_fifty_megabyte_text_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(ReadError, match="too large"):
        extract(path)


def test_news_article_is_not_a_plan(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(
        "Sáng 12/3, tại Hà Nội, Ủy ban nhân dân thành phố tổ chức hội nghị tổng kết công tác năm 2025.\n"
        "Phát biểu tại hội nghị, đồng chí Chủ tịch nhấn mạnh vai trò của dân chủ ở cơ sở.\n"
        "Hội nghị đã biểu dương 25 tập thể có thành tích xuất sắc.\n",
        encoding="utf-8",
    )
    with pytest.raises(NotAPlanError, match="not an administrative document: no type heading .* no issuer block"):
        extract(path)


# A plan's text as a naive conversion of its Word file gives it — paragraphs only, the header's and
# the signature's tables left out (the Đồng Tháp plan of real/8718801c…, shortened).
BARE_BODY = [
    "KẾ HOẠCH", "CHUYỂN ĐỔI SỐ CHO CÁC DOANH NGHIỆP, NHẤT LÀ DOANH NGHIỆP NHỎ VÀ VỪA",
    "Thực hiện Kế hoạch số 283/KH-UBND ngày 24/9/2025 của Uỷ ban nhân dân Tỉnh về thực hiện Nghị quyết số 71/NQ-CP ngày 01/5/2025 của Chính phủ;",
    "Ủy ban nhân dân Tỉnh ban hành Kế hoạch chuyển đổi số cho các doanh nghiệp trên địa bàn tỉnh Đồng Tháp, với các nội dung như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao nhận thức của doanh nghiệp trên địa bàn tỉnh Đồng Tháp về chuyển đổi số.",
    "II. TỔ CHỨC THỰC HIỆN", "1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính tổ chức thực hiện Kế hoạch.",
    "PHỤ LỤC", "DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM", "(Kèm theo Kế hoạch số 617/KH-UBND ngày 01/12/2025 của Ủy ban nhân dân tỉnh)",
    "1. Sở Công Thương hỗ trợ doanh nghiệp kinh doanh trên môi trường số.",
]


def test_a_plans_body_without_its_header_block_is_read(tmp_path):
    """Its genre heading, an opening ground and parts of its own make it a document, not a page
    about one: read, its province from its text, its number and date from its appendix's caption."""
    path = tmp_path / "bare.txt"
    path.write_text("\n\n".join(BARE_BODY), encoding="utf-8")
    doc = extract(path).to_json()
    assert (doc["document"]["issuer"], doc["document"]["place"]) == ("Ủy ban nhân dân tỉnh Đồng Tháp", "Đồng Tháp")
    assert (doc["document"]["symbol"], doc["document"]["date"]) == ("617/KH-UBND", "2025-12-01")
    assert {(r["id"], r["relation"]) for r in doc["legal_refs"]} >= {("283/KH-UBND@Đồng Tháp/2025", "implements")}
    assert not any(r["id"].startswith("617/") for r in doc["legal_refs"])  # its own symbol, no citation
    assert [t["lead"] for t in doc["tasks"]][:1] == [["Sở Khoa học và Công nghệ"]]


def test_a_page_about_a_plan_is_still_refused(tmp_path):
    """The genre and a ground, but no parts of its own: a page that quotes a plan's opening."""
    path = tmp_path / "about.txt"
    path.write_text("\n\n".join(BARE_BODY[:4] + ["Xem toàn văn Kế hoạch tại tệp đính kèm."]), encoding="utf-8")
    with pytest.raises(NotAPlanError, match="no issuer block"):
        extract(path)


def test_broken_docx_and_pdf(tmp_path):
    for name in ("broken.docx", "broken.pdf"):
        path = tmp_path / name
        path.write_bytes(b"this is not really a " + name.encode())
        with pytest.raises(ReadError, match=name):
            extract(path)


# --- the header block as offices lay it out ---------------------------------------------------------

HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số:          /UBND-NC", "V/v tập trung triển khai công tác cai nghiện ma túy"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày        tháng 10 năm 2025"]
LETTER_BODY = ["Kính gửi:", "- Công an tỉnh;", "- Sở Y tế;", "1. Giao Sở Y tế rà soát, đăng ký cung cấp dịch vụ cai nghiện.",
               "2. Giao Công an tỉnh thẩm định hồ sơ đăng ký."]


def _letter_checks(ex):
    d = ex.document
    assert (d.type, d.issuer, d.place, d.number, d.symbol_code, d.date) == ("Công văn", "Ủy ban nhân dân tỉnh Lâm Đồng", "Lâm Đồng", None, "UBND-NC", "2025-10")
    assert d.title.startswith("tập trung triển khai")
    assert {"Công an tỉnh", "Sở Y tế"} <= {r for r in d.recipients}
    assert {n for t in ex.tasks for n in ex.names(t.lead)} == {"Sở Y tế", "Công an tỉnh"}


def test_a_letter_as_a_word_file_with_its_header_as_a_table(tmp_path):
    """A draft official letter: no type heading, the number blank, the V/v under it; the header a
    borderless two-column table (as the real DOCX originals have it)."""
    import docx

    d = docx.Document()
    table = d.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (HEADER_LEFT, HEADER_RIGHT)):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    for line in LETTER_BODY:
        d.add_paragraph(line)
    path = tmp_path / "letter.docx"
    d.save(path)
    _letter_checks(extract(path))


@pytest.mark.skipif(not FONT.exists(), reason="the PDF is written with Debian's fonts-dejavu-core (.ci/run installs it)")
def test_a_letter_as_a_pdf_with_its_header_columns_side_by_side(tmp_path):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=10)
    top = pdf.get_y()
    for col, lines in ((0, HEADER_LEFT), (1, HEADER_RIGHT)):
        pdf.set_xy(10 + col * 95, top)
        for line in lines:
            pdf.set_x(10 + col * 95)
            pdf.multi_cell(90, 5, line, align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_xy(10, top + 30)
    for line in LETTER_BODY:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "letter.pdf"
    pdf.output(str(path))
    _letter_checks(extract(path))


def test_a_portal_page_in_divs_with_spanned_task_rows(tmp_path):
    # a province's portal page as saved (issue 22: HTML, task tables in every shape): menus and
    # footer in <div>s, the signature's lines parted by <br> inside one <b>, an appendix table
    # whose lead and partner cells span rows and whose group row spans the table
    page = (Path(__file__).parents[1] / "data" / "probes" / "portal_page_rowspan.html").read_text(encoding="utf-8")
    path = tmp_path / "kh88.html"
    path.write_text(page, encoding="utf-8")
    result = extract(path)
    assert (result.document.signer["name"], result.document.signer["position"]) == ("Lê Văn Hùng", "Phó Chủ tịch")
    rows = {t.path: (result.names(t.lead), result.names(t.support), t.timeframe) for t in result.tasks if t.path.startswith("PL1")}
    assert rows["PL1.2"] == (["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Tư pháp"], "Tháng 12/2025")
    assert rows["PL1.4"] == (["Thanh tra tỉnh"], ["Ủy ban nhân dân cấp xã"], "Năm 2026")
    # the group row heads the row under it; the page's footer is no part of the last row
    assert rows["PL1.II.5"] == (["Ủy ban nhân dân cấp xã"], ["Ủy ban Mặt trận Tổ quốc Việt Nam cấp xã"], "Hằng năm")


def test_a_docx_whose_cells_break_lines_inside_a_paragraph(tmp_path):
    # a commune's plan typed in Word with Shift+Enter in its cells (originals 88a438ab…'s
    # recipients were read as 2 of 12 so): header, recipients and signature each one paragraph
    # of broken lines; the task table's lead and partner cells merged down two rows
    import docx

    d = docx.Document()
    header = d.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\nSố: 112/KH-UBND"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTân Phú, ngày 20 tháng 10 năm 2025"
    d.add_paragraph().add_run("KẾ HOẠCH").bold = True
    d.add_paragraph().add_run("Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025").bold = True
    d.add_paragraph("Thực hiện Kế hoạch số 245/KH-UBND ngày 01/10/2025 của Ủy ban nhân dân tỉnh Đồng Nai, Ủy ban nhân dân xã xây dựng Kế hoạch như sau:")
    d.add_paragraph().add_run("I. PHÂN CÔNG NHIỆM VỤ").bold = True
    rows = [["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"],
            ["1", "Bố trí kinh phí tổ chức Ngày hội", "Phòng Kinh tế", "Văn phòng HĐND và UBND xã", "Trước ngày 05/11/2025"],
            ["2", "Kiểm tra việc tổ chức Ngày hội tại các ấp", "", "", "Từ 10/11 đến 18/11/2025"]]
    table = d.add_table(rows=3, cols=5)
    for i, row in enumerate(rows):
        for k, value in enumerate(row):
            table.cell(i, k).text = value
    table.cell(1, 2).merge(table.cell(2, 2))
    table.cell(1, 3).merge(table.cell(2, 3))
    closing = d.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = "Nơi nhận:\n- UBND tỉnh (b/c);\n- TT Đảng ủy xã;\n- Lưu: VT."
    closing.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nPhạm Văn Tư"
    path = tmp_path / "kh112.docx"
    d.save(path)
    result = extract(path)
    doc = result.document
    assert (doc.issuer, doc.symbol, doc.date, doc.place) == ("Ủy ban nhân dân xã Tân Phú", "112/KH-UBND", "2025-10-20", "Tân Phú")
    assert (doc.signer["name"], doc.signer["position"]) == ("Phạm Văn Tư", "Chủ tịch")
    assert doc.recipients == ["UBND tỉnh (b/c)", "TT Đảng ủy xã", "Lưu: VT"]
    assert [(result.names(t.lead), result.names(t.support)) for t in result.tasks] == [(["Phòng Kinh tế"], ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"])] * 2


def test_a_drafts_tracked_changes_read_as_accepted_and_a_content_controls_header_is_read(tmp_path):
    # a Word draft as it goes round an office (probes' xa_74_kh_docx_sdt_ins): the header table
    # inside a content control (w:sdt), a partner inserted with changes tracked (w:ins) and one
    # deleted (w:del) — the header was lost and the inserted partner with it
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    header = d.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ YÊN THÀNH\nSố: 74/KH-UBND"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nYên Thành, ngày 20 tháng 5 năm 2026"
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt.append(OxmlElement("w:sdtPr"))
    sdt.append(content)
    header._tbl.addprevious(sdt)
    content.append(header._tbl)
    d.add_paragraph().add_run("KẾ HOẠCH").bold = True
    d.add_paragraph().add_run("Tổ chức hội nghị Nhân dân năm 2026").bold = True
    d.add_paragraph().add_run("I. TỔ CHỨC THỰC HIỆN").bold = True
    p = d.add_paragraph("1. Văn phòng HĐND và UBND xã chủ trì, phối hợp với ")
    for kind, words in (("ins", "Phòng Văn hóa - Xã hội"), ("del", "Công an xã")):
        change, run, text = OxmlElement(f"w:{kind}"), OxmlElement("w:r"), OxmlElement("w:t" if kind == "ins" else "w:delText")
        change.set(qn("w:id"), "1" if kind == "ins" else "2")
        change.set(qn("w:author"), "A")
        text.text = words
        run.append(text)
        change.append(run)
        p._p.append(change)
    p.add_run(" hướng dẫn các thôn tổ chức hội nghị.")
    path = tmp_path / "draft.docx"
    d.save(path)
    result = extract(path)
    assert (result.document.issuer, result.document.symbol, result.document.date) == ("Ủy ban nhân dân xã Yên Thành", "74/KH-UBND", "2026-05-20")
    assert [(result.names(t.lead), result.names(t.support)) for t in result.tasks] == [(["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"], ["Phòng Văn hóa - Xã hội"])]
    assert "Công an xã" not in result.tasks[0].text


def test_an_html_lists_items_take_the_labels_a_browser_draws(tmp_path):
    """A portal page whose duties are an `<ol>` (no numbers in the text) and whose last item
    lists the communes' duties in a nested `<ul>` (twelfth batch of probes): each item a task
    of its own, numbered as drawn, the nested dashes under their body; an item that writes its
    own label keeps it."""
    page = """<html><body><nav><ul><li><a href="/">Trang chủ</a></li></ul></nav>
<table><tr><td><p><b>ỦY BAN NHÂN DÂN<br>TỈNH QUẢNG NINH</b></p><p>Số: 60/KH-UBND</p></td>
<td><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b></p><p><i>Quảng Ninh, ngày 16 tháng 3 năm 2026</i></p></td></tr></table>
<h2>KẾ HOẠCH</h2><h3>Thực hiện dân chủ ở cơ sở năm 2026</h3><h4>II. TỔ CHỨC THỰC HIỆN</h4>
<ol><li>Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch.</li>
<li>Ủy ban nhân dân các xã, phường:<ul><li>Xây dựng kế hoạch thực hiện tại địa phương;</li>
<li>Phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam cùng cấp tổ chức hội nghị đối thoại.</li></ul></li></ol>
<ol start="3"><li>3. Thanh tra tỉnh kiểm tra việc thực hiện dân chủ tại 10 xã, phường.</li></ol></body></html>"""
    path = tmp_path / "ol.html"
    path.write_text(page, encoding="utf-8")
    tasks = {t["path"]: (t["lead"], t["support"]) for t in extract(path).to_json()["tasks"]}
    assert tasks == {
        "II.1": (["Sở Tài chính"], []),
        "II.2.1": (["Ủy ban nhân dân các xã, phường"], []),
        "II.2.2": (["Ủy ban nhân dân các xã, phường"], ["Ủy ban Mặt trận Tổ quốc Việt Nam các xã, phường"]),
        "II.3": (["Thanh tra tỉnh"], []),
    }


def test_a_word_web_pages_list_bullets_are_items_not_marker_text(tmp_path):
    """A Word file saved as a web page: Windows-1258, each dashed duty a `MsoListParagraph` whose
    typed bullet stands inside Word's downlevel conditionals (`<![if !supportLists]>`), which
    lxml reads as text; the source wrapped at 76 columns inside a marker too. Each dash is a duty
    of the body above it, and no marker is left in a task's text."""
    bullet = "<![if !supportLists]><span style='mso-list:Ignore'>-<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span><![endif]>"
    duties = ["Chủ trì tuyên truyền Luật Thực hiện dân chủ ở cơ sở;", "Phối hợp với Sở Tư pháp kiểm tra việc thực hiện."]
    page = f"""<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1258"></head><body lang=EN-US><div class=WordSection1>
<table class=MsoNormalTable border=0><tr><td><p class=MsoNormal align=center><b><span lang=VI>ỦY BAN NHÂN DÂN</span></b></p>
<p class=MsoNormal align=center><b><span lang=VI>TỈNH NGHỆ AN</span></b></p><p class=MsoNormal align=center><span lang=VI>Số: 41/KH-UBND</span></p></td>
<td><p class=MsoNormal align=center><b><span lang=VI>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span></b></p><p class=MsoNormal align=center><b><span lang=VI>Độc lập - Tự do - Hạnh phúc</span></b></p>
<p class=MsoNormal align=center><i><span lang=VI>Nghệ An, ngày 12 tháng 3 năm 2026</span></i></p></td></tr></table>
<p class=MsoNormal align=center><b><span lang=VI>KẾ HOẠCH</span></b></p><p class=MsoNormal align=center><b><span lang=VI>Thực hiện dân chủ ở cơ sở năm 2026</span></b></p>
<p class=MsoNormal><b><span lang=VI>III. TỔ CHỨC THỰC HIỆN</span></b></p><p class=MsoNormal><b><span lang=VI>1. Sở Nội vụ</span></b></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'>{bullet}<span lang=VI>{duties[0]}</span></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if
!supportLists]><span style='mso-list:Ignore'>-&nbsp; </span><![endif]><span lang=VI>{duties[1]}</span></p>
</div></body></html>"""
    path = tmp_path / "word.htm"
    path.write_bytes(cp1258_as_word(page))
    tasks = extract(path).to_json()["tasks"]
    assert [(t["lead"], t["support"]) for t in tasks] == [(["Sở Nội vụ"], []), (["Sở Nội vụ"], ["Sở Tư pháp"])]
    assert not any("if" in t["text"].split()[0] or "endif" in t["text"] for t in tasks)
