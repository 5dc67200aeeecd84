"""Each normalisation step on its own, on real snippets; provenance survives cleaning."""
from __future__ import annotations

import pytest

from ingest.models import Line
from ingest.normalize import STEP_NAMES, extract_footnotes, fix_bullets, fix_mojibake, join_pdf_lines, normalize, strip_markdown


def L(*texts: str) -> list[Line]:
    return [Line(t, (i,)) for i, t in enumerate(texts, start=1)]


@pytest.mark.parametrize(
    "raw,expected",
    [
        (" Kӂ HOҤCH ", " KẾ HOẠCH "),  # seed 004's PDF font artefact
        ("Nghá»‹ quyáº¿t", "Nghị quyết"),  # UTF-8 read as Windows-1252
        ("Sở\u00a0Nội vụ", "Sở Nội vụ"),
        # PDFium's text of a hyphen it cannot map (real/originals 0c597b51…, 9f905d57…)
        ("Nghị định số 39/2010/NĐ\ufffeCP ngày 07/4/2010", "Nghị định số 39/2010/NĐ-CP ngày 07/4/2010"),
        # letters of other scripts that look like Latin ones, inside a word that has Latin
        # letters (corpus documents' symbols: f08ec790…, ed309a99…, fa0dcc13…)
        ("*Căn cứ Nghị quyết số 66/NQ-\u0421\u0420 ngày 26", "*Căn cứ Nghị quyết số 66/NQ-CP ngày 26"),
        ("theo Nghị định số 58/2024/NĐ-C\u0420", "theo Nghị định số 58/2024/NĐ-CP"),
        ("văn bản số 16495/B\u0422\u0421-PTHT", "văn bản số 16495/BTC-PTHT"),
        ("Ủy b\u0430n nhân dân tỉnh; củ\u0430", "Ủy ban nhân dân tỉnh; của"),
        # the Icelandic eth, drawn as Đ, from old font converters
        ("Số: 12/Q\u00d0-UBND; \u00d0iều 1; \u00f0ồng chí", "Số: 12/QĐ-UBND; Điều 1; đồng chí"),
        # … a word wholly of another script is left as written
        ("Hiệp định với Liên bang Nga (\u041c\u043e\u0441\u043a\u0432\u0430)", "Hiệp định với Liên bang Nga (\u041c\u043e\u0441\u043a\u0432\u0430)"),
    ],
)
def test_fix_mojibake(raw, expected):
    assert fix_mojibake(L(raw))[0].text == expected


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("**KẾ HOẠCH**  ", "KẾ HOẠCH"),
        ("#### *a) Đối với cơ quan hành chính nhà nước*", "a) Đối với cơ quan hành chính nhà nước"),
        ("### **III. TỔ CHỨC THỰC HIỆN**", "III. TỔ CHỨC THỰC HIỆN"),
        ("báo cáo (*trước ngày 31/10*) hoặc", "báo cáo (trước ngày 31/10) hoặc"),
        ("**chậm nhất ngày 15/11.**", "chậm nhất ngày 15/11."),
        ("**TM. ỦY BAN NHÂN DÂN  ", "TM. ỦY BAN NHÂN DÂN"),
    ],
)
def test_strip_markdown(raw, expected):
    assert strip_markdown(L(raw))[0].text.strip() == expected


def test_dash_plus_is_a_plus_bullet():
    assert fix_bullets(L("- + Cơ quan thực hiện: Các cơ quan"))[0].text == "+ Cơ quan thực hiện: Các cơ quan"


def test_pdf_lines_rejoined_but_items_kept():
    lines = L(
        "Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022, Nghị định số",
        "",
        "59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định chi tiết một số điều",
        "",
        "của Luật Thực hiện dân chủ ở cơ sở và Quyết định số 94/QĐ-VPUBND ngày",
        "",
        "10/10/2025 của Văn phòng UBND tỉnh;",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
    )
    out = join_pdf_lines(lines)
    assert [l.text for l in out][1:] == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"]
    assert "Nghị định số 59/2023/NĐ-CP" in out[0].text
    assert out[0].src == (1, 3, 5, 7)


def test_party_symbol_cut_at_hyphen_is_glued():
    out = join_pdf_lines(L("trọng tâm là: Kết luận số 120-", "KL/TW ngày 07/01/2016 của Bộ Chính trị"))
    assert "120-KL/TW" in out[0].text


def test_motto_cut_by_a_line_break_is_one_line():
    out = join_pdf_lines(L("CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"))
    assert [l.text for l in out] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


@pytest.mark.parametrize(
    "block,expected",
    [
        (("III.", "NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU"), "III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU"),
        (("I. MỤC", "ĐÍCH, YÊU CẦU"), "I. MỤC ĐÍCH, YÊU CẦU"),
        (("1.", "Sở Nông nghiệp và Môi trường"), "1. Sở Nông nghiệp và Môi trường"),
    ],
)
def test_heading_label_cut_inside_its_block_is_glued(block, expected):
    assert join_pdf_lines(L(*block))[0].text == expected


def test_heading_followed_by_an_item_stays_apart():
    out = join_pdf_lines(L("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"))
    assert [l.text for l in out] == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"]


@pytest.mark.parametrize(
    "lines,texts",
    [
        # a point lettered with a full stop under its heading (a corpus decision, 01bf9d04…; a
        # Word list through pandoc, probes' tinh_kh_pandoc)
        (("3. Sở Văn hóa, Thể thao và Du lịch", "a. Chủ trì, chỉ đạo các cơ quan báo chí tổ chức tuyên truyền."),
         ["3. Sở Văn hóa, Thể thao và Du lịch", "a. Chủ trì, chỉ đạo các cơ quan báo chí tổ chức tuyên truyền."]),
        # a ward's abbreviation in a wrapped address is no label (corpus 6f4ccdb7…)
        (("- Công ty TNHH Giải trí (số 208, ngõ 66, phố Kim Mã Thượng,", "p. Cống Vị, Ba Đình, Hà Nội);"),
         ["- Công ty TNHH Giải trí (số 208, ngõ 66, phố Kim Mã Thượng, p. Cống Vị, Ba Đình, Hà Nội);"]),
    ],
)
def test_a_point_lettered_with_a_full_stop_opens_its_line(lines, texts):
    assert [l.text for l in join_pdf_lines(L(*lines))] == texts


def test_one_line_paragraphs_are_not_joined():
    lines = L("KẾ HOẠCH", "Triển khai thực hiện Nghị quyết số 47/2025/NQ-HĐND", "Thực hiện Nghị quyết số 47/2025/NQ-HĐND ngày 22/12/2025, Ủy ban nhân dân tỉnh ban hành:")
    assert len(join_pdf_lines(lines)) == 3


@pytest.mark.parametrize(
    "lines",
    [
        # a title that opens in lower case under its genre (a Party committee's plan, PDF text)
        ("KẾ HOẠCH", "thực hiện Kết luận số 120-KL/TW ngày 07/01/2025 của Bộ Chính trị", "Thực hiện Kết luận số 120-KL/TW, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch:"),
        ("QUYẾT ĐỊNH", "về việc ban hành Quy chế thực hiện dân chủ trong hoạt động của cơ quan", "Căn cứ Luật Thực hiện dân chủ ở cơ sở;"),
    ],
)
def test_a_genre_heading_alone_keeps_its_title_apart(lines):
    assert [line.text for line in join_pdf_lines(L(*lines))] == list(lines)


def test_an_items_heading_keeps_apart_the_sentence_its_body_opens():
    # PDF text of a commune's plan: the item's heading is as long as a wrapped line, and the
    # next line opens with a body and its verb — the item's first sentence, not the heading's end
    wrapped = "Phát huy quyền làm chủ của Nhân dân, bảo đảm công khai, minh bạch trong hoạt động của"
    lines = (
        wrapped, "chính quyền xã và các thôn.", wrapped, "chính quyền xã.", wrapped, "chính quyền xã.",
        "4. Kiện toàn Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng",
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã chủ trì, phối hợp với Phòng Kinh tế hướng dẫn kiện toàn",
        "Ban Thanh tra nhân dân ở các thôn.",
    )
    out = [line.text for line in join_pdf_lines(L(*lines))]
    assert out[-2:] == [lines[-3], f"{lines[-2]} {lines[-1]}"]


@pytest.mark.parametrize(
    "lines,kept",
    [
        # "Trang 2/3" between two pages of PDF text saved as a text file
        (["Sở Nội vụ tổng hợp báo cáo.", "Trang 2/3", "Sở Tư pháp phối hợp."], ["Sở Nội vụ tổng hợp báo cáo.", "Sở Tư pháp phối hợp."]),
        # a number alone with no page break beside it is a table's row, its cells a line each
        # (corpus 592501a2…): kept
        (["các xã Quảng Thọ, Quảng An, Quảng Phước", "3", "Xã Long Quảng"], ["các xã Quảng Thọ, Quảng An, Quảng Phước", "3", "Xã Long Quảng"]),
        # a provincial gazette's running head over a page, its number on either side (a probe of
        # issue 22's PDF text): no text, wherever it stands
        (["Nguyễn Đăng Quang", "\f18                  CÔNG BÁO/Số 215 + 216/Ngày 20-12-2025", "QUY ĐỊNH"], ["Nguyễn Đăng Quang", "QUY ĐỊNH"]),
        (["tỉnh Quảng Trị.", "CÔNG BÁO/Số 215 + 216/Ngày 20-12-2025           19", "Điều 4. Trách nhiệm"], ["tỉnh Quảng Trị.", "Điều 4. Trách nhiệm"]),
    ],
)
def test_a_page_number_between_pages_is_no_text(lines, kept):
    from ingest.normalize import drop_page_numbers

    assert [l.text for l in drop_page_numbers(L(*lines))] == kept


@pytest.mark.parametrize(
    "scanned,read",
    [
        # a scan's "l" for the "I" of a Roman label and the "1" of the first item (a probe of
        # issue 22's OCR text); a label that could be either is left
        ("ll. NHIỆM VỤ", "II. NHIỆM VỤ"),
        ("**lll. TỔ CHỨC THỰC HIỆN**", "**III. TỔ CHỨC THỰC HIỆN**"),
        ("l. Văn phòng HĐND và UBND xã chủ trì công khai thông tin.", "1. Văn phòng HĐND và UBND xã chủ trì công khai thông tin."),
        ("ll. Sở Nội vụ", "ll. Sở Nội vụ"),
        ("I. MỤC ĐÍCH, YÊU CẦU", "I. MỤC ĐÍCH, YÊU CẦU"),
    ],
)
def test_a_scans_l_in_a_label_is_read_as_the_label(scanned, read):
    assert fix_mojibake(L(scanned))[0].text == read


def test_an_articles_title_keeps_apart_the_duty_its_next_line_gives():
    # a centre's regulation in PDF text: the article's title and, in the same block, a body and
    # its verb — not one paragraph the wrap cut
    lines = ("Điều 3. Những nội dung viên chức, người lao động được tham gia ý kiến",
             "Phòng Hành chính - Tổng hợp chủ trì, phối hợp với Công đoàn cơ sở tổ chức lấy ý kiến viên chức.")
    assert [line.text for line in join_pdf_lines(L(*lines))] == list(lines)


def test_footnote_cut_out_and_anchor_removed():
    from ingest.normalize import Footnotes

    notes = Footnotes()
    out = extract_footnotes(
        L("ngăn chặn tình trạng quan liêu, tham nhũng, lãng phí1; củng cố mối quan", "", "1 Thực hiện đầy đủ nội dung về cán bộ.", "Trên đây là Kế hoạch"),
        notes,
    )
    assert out[0].text == "ngăn chặn tình trạng quan liêu, tham nhũng, lãng phí; củng cố mối quan"
    assert notes.notes["1"].text == "Thực hiện đầy đủ nội dung về cán bộ."
    assert notes.notes["1"].src == (3,)
    assert out[-1].text == "Trên đây là Kế hoạch"


@pytest.mark.parametrize(
    "lines,text,notes",
    [
        # a portal's bracketed footnote: anchor "[1]" after a word, body "[1] …" at the end
        (["căn cứ các văn bản có liên quan[1]; Ủy ban nhân dân tỉnh ban hành", "[1] Nghị quyết số 47/2025/NQ-HĐND."],
         ["căn cứ các văn bản có liên quan; Ủy ban nhân dân tỉnh ban hành"], {"1": "Nghị quyết số 47/2025/NQ-HĐND."}),
        # a body that runs over two lines until its full stop; the blank line between is skipped
        (["tham nhũng, lãng phí2; củng cố", "2 Thực hiện đầy đủ nội dung", "", "về công tác cán bộ.", "Trên đây là Kế hoạch"],
         ["tham nhũng, lãng phí; củng cố", "Trên đây là Kế hoạch"], {"2": "Thực hiện đầy đủ nội dung về công tác cán bộ."}),
        # a body without a full stop ends where the next numbered item starts
        (["quan liêu1, lãng phí", "1 Theo Kết luận số 12", "2. Tổ chức thực hiện"],
         ["quan liêu, lãng phí", "2. Tổ chức thực hiện"], {"1": "Theo Kết luận số 12"}),
        # a number that was never an anchor is text, not a footnote
        (["Năm 2025 có 12 xã", "3 Thôn tham gia."], ["Năm 2025 có 12 xã", "3 Thôn tham gia."], {}),
        # a numbered item with its label is an item even when the number was an anchor
        (["lãng phí1;", "1. Thực hiện tốt."], ["lãng phí1;", "1. Thực hiện tốt."], {}),
        # an anchor after a capital is a code ("Mẫu B1"), not a mark; a digit glued to a
        # lower-case letter is the mark, and only the notes found are removed
        (["theo Mẫu B1, lãng phí1 và phí3.", "1 Xem Phụ lục."], ["theo Mẫu B1, lãng phí và phí3."], {"1": "Xem Phụ lục."}),
        # a consolidated text's bracketed anchor whose note the portal left out is a mark all the
        # same (corpus cfc85d8b…); a bracket apart from a word is not
        (["thì cơ quan có chức năng quản lý đất đai cấp tỉnh[8] xem xét, trình theo mục [2]"],
         ["thì cơ quan có chức năng quản lý đất đai cấp tỉnh xem xét, trình theo mục [2]"], {}),
    ],
    ids=["bracket", "multi-line body", "body ends at next item", "no anchor", "item label", "capital before digit", "bracket without its note"],
)
def test_footnotes(lines, text, notes):
    from ingest.normalize import Footnotes

    store = Footnotes()
    out = extract_footnotes(L(*lines), store)
    assert [line.text for line in out] == text
    assert {k: v.text for k, v in store.notes.items()} == notes


@pytest.mark.parametrize(
    "lines,joined",
    [
        # a range of years cut at its dash is one
        (["Kế hoạch thực hiện giai đoạn 2026", "- 2030 trên địa bàn tỉnh"], ["Kế hoạch thực hiện giai đoạn 2026 - 2030 trên địa bàn tỉnh"]),
        # a dash before a lower-case word continues a hyphenated phrase; a bullet with a capital does not
        (["doanh nghiệp bưu chính, thông tin", "- viễn thông trên địa bàn"], ["doanh nghiệp bưu chính, thông tin - viễn thông trên địa bàn"]),
        (["Các nhiệm vụ chủ yếu gồm", "- Tuyên truyền pháp luật."], ["Các nhiệm vụ chủ yếu gồm", "- Tuyên truyền pháp luật."]),
        # a parenthesis that opens in lower case goes on the sentence
        (["Ủy ban nhân dân các xã, phường", "(sau đây gọi là cấp xã) thực hiện."], ["Ủy ban nhân dân các xã, phường (sau đây gọi là cấp xã) thực hiện."]),
        # a line ending on a full stop is a sentence's end, even when the next starts with a name
        (["Sở Tư pháp chủ trì thực hiện.", "Sở Nội vụ thường xuyên kiểm tra"], ["Sở Tư pháp chủ trì thực hiện.", "Sở Nội vụ thường xuyên kiểm tra"]),
        # a number cut off its symbol's hyphen is glued without a space
        (["theo Quyết định số 12/QĐ-UBND ngày 15/3/2025 và Kế hoạch số 217-", "KH/TU của Tỉnh ủy"], ["theo Quyết định số 12/QĐ-UBND ngày 15/3/2025 và Kế hoạch số 217-KH/TU của Tỉnh ủy"]),
        # the country cut off a national body's name on an item's short first line (a national plan, PDF)
        (["l) Đài Truyền hình Việt Nam, Đài Tiếng nói Việt", "Nam, Thông tấn xã Việt Nam chủ trì, phối hợp với Bộ Y tế"],
         ["l) Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam chủ trì, phối hợp với Bộ Y tế"]),
        # an article's word cut off its number by the page layout; an item after a sentence stays an item
        (["Điều", "13. Trách nhiệm của Sở Tài chính"], ["Điều 13. Trách nhiệm của Sở Tài chính"]),
        (["Điều khoản thi hành", "1. Quyết định này có hiệu lực"], ["Điều khoản thi hành", "1. Quyết định này có hiệu lực"]),
        # the members of "các Bộ:" run on past the break (a Government resolution, corpus b241b75d…);
        # one body's heading with a colon opens its own paragraph
        (["Điều 5. Bộ trưởng các Bộ:", "Xây dựng, Ngoại giao, Tư pháp chịu trách nhiệm thi hành Nghị quyết này."],
         ["Điều 5. Bộ trưởng các Bộ: Xây dựng, Ngoại giao, Tư pháp chịu trách nhiệm thi hành Nghị quyết này."]),
        (["1. Lãnh đạo Sở:", "Lãnh đạo Sở Tư pháp có Giám đốc và các Phó Giám đốc."],
         ["1. Lãnh đạo Sở:", "Lãnh đạo Sở Tư pháp có Giám đốc và các Phó Giám đốc."]),
        # in upper case a capital marks no name ("Dân Chủ" is a commune, "CHỦ TỊCH" a title)
        (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        # a known name wrapped at the dash inside it is no bullet (a Bắc Ninh regulation, corpus
        # 45fb7c47…); a bullet after a full name stays one
        (["3. Chủ tịch Hội đồng Thi đua", "- Khen thưởng tỉnh quyết định thành phần, số lượng thành viên"],
         ["3. Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh quyết định thành phần, số lượng thành viên"]),
        (["Sở Nội vụ chủ trì, phối hợp với Sở Tài chính", "- Sở Tư pháp hướng dẫn"], ["Sở Nội vụ chủ trì, phối hợp với Sở Tài chính", "- Sở Tư pháp hướng dẫn"]),
        # a known name whose head lies seven words back (a Government notice written to PDF)
        (["4. Về kho dầu thô: với vai trò là chủ đầu tư, Tập đoàn Công nghiệp - Năng lượng", "Quốc gia Việt Nam chủ động làm việc."],
         ["4. Về kho dầu thô: với vai trò là chủ đầu tư, Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam chủ động làm việc."]),
        # a customs ruling's closing in a narrow cell (corpus a1527cbf…): no sentence ends on "để",
        # nor between a head's title and the body it heads; a signature's title in capitals does
        (["Thông báo này có hiệu lực từ ngày ký.", "Cục trưởng", "Cục Hải quan thông báo để", "Công ty TNHH Solum Vina", "biết và thực hiện./."],
         ["Thông báo này có hiệu lực từ ngày ký.", "Cục trưởng Cục Hải quan thông báo để Công ty TNHH Solum Vina biết và thực hiện./."]),
        (["Thông báo này có hiệu lực từ ngày ký.", "KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "Nguyễn Văn A"],
         ["Thông báo này có hiệu lực từ ngày ký.", "KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "Nguyễn Văn A"]),
        # … wherever the title ends the line, inside a ground too (corpus f6ed9374…)
        (["Căn cứ Luật Hải quan ngày 23 tháng 6 năm 2014;", "Căn cứ Thông tư số 14/2015/TT-BTC ngày 30 tháng 01 năm 2015 của Bộ trưởng",
          "Bộ Tài chính hướng dẫn về phân loại hàng hóa;"],
         ["Căn cứ Luật Hải quan ngày 23 tháng 6 năm 2014;", "Căn cứ Thông tư số 14/2015/TT-BTC ngày 30 tháng 01 năm 2015 của Bộ trưởng Bộ Tài chính hướng dẫn về phân loại hàng hóa;"]),
        # no line ends on "của", in capitals either: a title in capitals cut before the body it
        # names (1383/QĐ-BNV, corpus 295bcce4…), in a document whose lines do not look wrapped
        (["VỀ VIỆC BAN HÀNH LỊCH PHỔ BIẾN THÔNG TIN THỐNG KÊ NĂM 2026 CỦA", "BỘ NỘI VỤ"],
         ["VỀ VIỆC BAN HÀNH LỊCH PHỔ BIẾN THÔNG TIN THỐNG KÊ NĂM 2026 CỦA BỘ NỘI VỤ"]),
    ],
    ids=["year range", "hyphenated phrase", "bullet", "parenthesis", "full stop", "symbol hyphen", "country", "article number", "article title",
         "enumeration", "one body's heading", "upper case", "a name at its dash", "a bullet after a name", "a long name's head far back",
         "a title, then its body", "a signature's titles", "a title inside a ground", "a capital title cut after its 'of'"],
)
def test_pdf_lines_joined_where_a_sentence_goes_on(lines, joined):
    assert [line.text for line in join_pdf_lines(L(*lines))] == joined


# a line as long as a page's, so that a short line is not taken for a wrapped one
LONG_LINE = ("Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký; Chánh Văn phòng Ủy ban nhân dân tỉnh, "
             "Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh chịu trách nhiệm thi hành Quyết định này.")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a portal's article cut after "Giao" (corpus f75757b0…)
        ("Điều 3. Giao", "Sở Dân tộc và Tôn giáo chủ trì, phối hợp các đơn vị liên quan có trách nhiệm:"),
        # a Government Office notice as the portal wraps it (corpus 74e2ddc7…): the partners after
        # "phối hợp", the body a text is submitted to after "trình"
        ("k) Đài Truyền hình Việt Nam (VTV) chủ trì, phối hợp", "Bộ Khoa học và Công nghệ, Bộ Quốc phòng, Bộ Công an xây dựng video clip."),
        ("2. Đẩy mạnh rà soát: Các bộ khẩn trương trình", "Chính phủ ban hành các Nghị định hướng dẫn."),
    ],
    ids=["gives work", "works with", "submits to"],
)
def test_a_verb_whose_object_is_a_body_goes_on_to_that_body(first, second):
    """No sentence ends on such a verb, however short its line in a document whose tables make
    few lines look wrapped: the body it takes opens the next line; cut before anything else, or
    after a noun ending in the same word ("quy trình"), it stays cut."""
    head = [LONG_LINE, "", LONG_LINE, ""]
    tail = ["", LONG_LINE]
    texts = [line.text for line in normalize(head + [first, second] + tail).lines]
    assert f"{first} {second}" in texts
    assert first in [line.text for line in normalize(head + [first, "Thời hạn thực hiện như sau:"] + tail).lines]


def test_a_noun_ending_in_a_verbs_word_ends_its_line():
    head = [LONG_LINE, "", LONG_LINE, ""]
    lines = ["a) Sở Nội vụ rà soát quy trình", "Sở Tư pháp hướng dẫn thủ tục.", "", LONG_LINE]
    assert "a) Sở Nội vụ rà soát quy trình" in [line.text for line in normalize(head + lines).lines]


def test_a_place_name_cut_on_a_short_first_line_goes_on():
    # a Government notice as the portal wraps it (corpus 296e373d…): a paragraph's first line is
    # short where the page indented it, and the break falls inside a place's name or between it
    # and its level word, where no sentence ends
    lines = ["6. Về việc lồng ghép các kiến nghị của tỉnh Điện",
             "Biên vào các các Chương trình mục tiêu quốc gia và các đề án có liên quan: Giao",
             "Bộ Giáo dục và Đào tạo, Bộ Y tế nghiên cứu các kiến nghị của tỉnh Điện Biên.",
             "7. Các Bộ theo chức năng, nhiệm vụ được giao khẩn trương rà soát lại việc thực hiện",
             "ý kiến chỉ đạo của Thủ tướng Chính phủ, báo cáo Thủ tướng Chính phủ kết quả thực hiện",
             "trước ngày 05 tháng 12 năm 2025.",
             "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh",
             "Điện Biên và các Bộ, cơ quan liên quan biết, thực hiện./."]
    joined = [line.text for line in join_pdf_lines(L(*lines))]
    assert joined[0].startswith("6. Về việc lồng ghép các kiến nghị của tỉnh Điện Biên vào")
    assert joined[-1] == "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Điện Biên và các Bộ, cơ quan liên quan biết, thực hiện./."


def test_a_name_cut_on_an_items_short_first_line_goes_on():
    # a Government Office notice as the portal wraps it (corpus 75a0867a…): an item's first line
    # is short by its label's indent, and the break falls inside a hospital's name
    lines = ["(1) Bộ Y tế chỉ đạo Ban Quản lý dự án, các đơn vị",
             "liên quan phối hợp chặt chẽ với các cơ quan liên quan thuộc Bộ Xây dựng, Bộ Quốc",
             "phòng chỉ đạo các nhà thầu tập trung tối đa nguồn lực, khẩn trương hoàn thiện hồ",
             "sơ thiết kế phòng cháy, chữa cháy theo đúng hướng dẫn của Bộ Công an; tập trung",
             "bàn giao, hướng dẫn vận hành theo quy định.",
             "- Chỉ đạo Ban Quản lý dự án, Bệnh viện Hữu nghị Việt",
             "Đức, Bệnh viện Bạch Mai thúc đẩy công tác mua sắm, đấu thầu thiết bị đảm bảo chất",
             "lượng, tiến độ, theo đúng quy định của pháp luật.",
             "(3) Bộ Công an tiếp tục chủ động phối hợp, hướng dẫn",
             "Bộ Y tế, Ban Quản lý dự án và các nhà thầu để thực hiện hiệu quả các phương án,",
             "giải pháp đã được các cơ quan thống nhất.",
             "- Sở Tư pháp",
             "Chủ trì tuyên truyền."]
    joined = [line.text for line in join_pdf_lines(L(*lines))]
    assert joined[1].startswith("- Chỉ đạo Ban Quản lý dự án, Bệnh viện Hữu nghị Việt Đức, Bệnh viện Bạch Mai thúc đẩy")
    assert joined[2].startswith("(3) Bộ Công an tiếp tục chủ động phối hợp, hướng dẫn Bộ Y tế, Ban Quản lý dự án")
    assert joined[3:] == ["- Sở Tư pháp", "Chủ trì tuyên truyền."]  # a short entry heading stays apart


def test_a_long_known_name_cut_after_its_head_goes_on():
    # the closing articles of a Cần Thơ decision as the portal wraps them: "Giám đốc Sở" /
    # "Khoa học và Công nghệ, …" is one name, so the article keeps its list of bodies whole
    lines = ["Điều 2. Quyết định này có hiệu lực thi hành", "kể từ ngày ký.", "Bãi bỏ thủ tục hành",
             "chính có số thứ tự 8, 9, 10 tại Quyết định số 1127/QĐ- UBND ngày 06 tháng 5 năm",
             "2025 của Chủ tịch Ủy ban nhân dân thành phố Cần Thơ và thủ tục hành chính có số",
             "thứ tự 01 tại Quyết định số 2159/QĐ-UBND ngày 01 tháng 10 năm 2024 của Chủ tịch",
             "Ủy ban nhân dân thành phố Cần Thơ về việc công bố thủ tục hành chính nội bộ",
             "trong hệ thống hành chính nhà nước thuộc phạm vi chức năng quản lý của Ủy ban",
             "nhân dân thành phố Cần Thơ.", "Điều 3. Chánh Văn phòng Ủy ban nhân dân",
             "thành phố, Giám đốc Trung tâm Phục vụ hành chính công thành phố, Giám đốc Sở",
             "Khoa học và Công nghệ, thủ trưởng cơ quan, đơn vị có liên quan chịu trách nhiệm", "thi hành Quyết định này./."]
    last = join_pdf_lines(L(*lines))[-1].text
    assert last.startswith("Điều 3. Chánh Văn phòng") and "Giám đốc Sở Khoa học và Công nghệ, thủ trưởng" in last


# For each step: lines it changes, what it makes of them (a line present with the step on),
# what is left when it is switched off, and other steps to switch off so that none of them
# does the step's work instead (fix_mojibake composes letters too; join_pdf_lines joins lines).
STEP_EFFECTS = {
    "nfc": (["Ke\u0302\u0301 hoa\u0323ch so\u0302\u0301 12"], "Kế hoạch số 12", "Ke\u0302\u0301 hoa\u0323ch so\u0302\u0301 12", {"fix_mojibake"}),
    "fix_mojibake": (["Kӂ HOҤCH triển khai"], "KẾ HOẠCH triển khai", "Kӂ HOҤCH triển khai", set()),
    "repair_marks": (["Văn phòng Đoàn đại biêu Quốc hội tỉnh thưc hiện trên địa ban tỉnh; Ban Quản ly Khu kinh tế triên khai."],
                     "Văn phòng Đoàn đại biểu Quốc hội tỉnh thực hiện trên địa bàn tỉnh; Ban Quản lý Khu kinh tế triển khai.",
                     "Văn phòng Đoàn đại biêu Quốc hội tỉnh thưc hiện trên địa ban tỉnh; Ban Quản ly Khu kinh tế triên khai.", {"restore_cue_marks"}),
    "tables": (["| STT | Nội dung | Chủ trì | Phối hợp |", "|---|---|---|---|", "| 1 | Tuyên truyền pháp luật | Sở Tư pháp | Sở Nội vụ |"],
               "+ Cơ quan thực hiện: Sở Tư pháp", "Sở Tư pháp", set()),
    "join_emphasis": (["**1. Sở Văn hóa, Thể thao", "và Du lịch**", "- Chủ trì tuyên truyền."], "1. Sở Văn hóa, Thể thao và Du lịch", "và Du lịch", {"join_pdf_lines"}),
    "drop_decoration": (["ỦY BAN NHÂN DÂN", "TỈNH VĨNH LONG", "---", "Số: 12/KH-UBND"], "Số: 12/KH-UBND", "---", set()),
    "trim_portal": (["Trang chủ", "Văn bản", "ỦY BAN NHÂN DÂN", "TỈNH VĨNH LONG", "KẾ HOẠCH", "Triển khai", "Nơi nhận:", "- Như trên;", "Chia sẻ", "Bản quyền thuộc Cổng thông tin điện tử"],
                    "- Như trên;", "Bản quyền thuộc Cổng thông tin điện tử", set()),
    "drop_page_numbers": (["Sở Thông tin và Truyền thông chỉ đạo các cơ quan báo chí tuyên truyền về", "2", "\fLuật Thực hiện dân chủ ở cơ sở."],
                          "Sở Thông tin và Truyền thông chỉ đạo các cơ quan báo chí tuyên truyền về Luật Thực hiện dân chủ ở cơ sở.",
                          "Sở Thông tin và Truyền thông chỉ đạo các cơ quan báo chí tuyên truyền về 2", set()),
    "strip_markdown": (["## **I. MỤC ĐÍCH**", "- *Tuyên truyền* pháp luật"], "I. MỤC ĐÍCH", "## **I. MỤC ĐÍCH**", set()),
    "squeeze_whitespace": (["Sở   Tư    pháp  chủ trì  "], "Sở Tư pháp chủ trì", "Sở   Tư    pháp  chủ trì  ", set()),
    "fix_bullets": (["- + Cơ quan thực hiện: Sở Nội vụ"], "+ Cơ quan thực hiện: Sở Nội vụ", "- + Cơ quan thực hiện: Sở Nội vụ", set()),
    "extract_footnotes": (["ngăn chặn lãng phí1; củng cố", "", "1 Thực hiện đầy đủ nội dung về cán bộ.", "Trên đây là Kế hoạch"],
                          "ngăn chặn lãng phí; củng cố", "1 Thực hiện đầy đủ nội dung về cán bộ.", set()),
    "join_pdf_lines": (["Sở Tư pháp chủ trì, phối hợp với các cơ quan, đơn vị tổ chức tuyên truyền phổ biến", "pháp luật về dân chủ ở cơ sở cho cán bộ, công chức."],
                       "Sở Tư pháp chủ trì, phối hợp với các cơ quan, đơn vị tổ chức tuyên truyền phổ biến pháp luật về dân chủ ở cơ sở cho cán bộ, công chức.",
                       "pháp luật về dân chủ ở cơ sở cho cán bộ, công chức.", set()),
    "bracketed_attributes": (["1. Tổ chức quán triệt Chỉ thị (Cơ quan chủ trì: Sở Nội vụ; thời gian: Quý IV/2025)."],
                             "- Cơ quan thực hiện: Sở Nội vụ", "1. Tổ chức quán triệt Chỉ thị (Cơ quan chủ trì: Sở Nội vụ; thời gian: Quý IV/2025).", set()),
    "restore_cue_marks": (["Các sơ, ban, ngành chủ tri, phối hơp với Ủy ban nhân dân các xã."],
                          "Các sở, ban, ngành chủ trì, phối hợp với Ủy ban nhân dân các xã.",
                          "Các sơ, ban, ngành chủ tri, phối hơp với Ủy ban nhân dân các xã.", set()),
    "drop_blank": (["Kế hoạch", "", "   ", "Nội dung"], "Nội dung", "", {"join_pdf_lines"}),
}


@pytest.mark.parametrize(
    "text",
    [
        # words that spell a cue across a word boundary, or a cue's neighbour, are not misreadings
        # (each was seen in the corpus while the cue list was wider)
        "báo cáo tình hình thực hiện Đề án",
        "tạm đình chỉ thi công (nếu cần)",
        "Phối hợp cung cấp thông tin về quy hoạch",
        "có quan hệ với công ăn việc làm",
    ],
)
def test_restoring_marks_leaves_other_words_alone(text):
    assert [l.text for l in normalize([text]).lines] == [text]


def test_every_step_has_an_effect_to_check():
    assert set(STEP_EFFECTS) == set(STEP_NAMES)


@pytest.mark.parametrize("step", STEP_NAMES)
def test_each_step_can_be_switched_off(step):
    lines, with_step, without_step, also = STEP_EFFECTS[step]
    on = [l.text for l in normalize(lines, skip=also).lines]
    off = [l.text for l in normalize(lines, skip=also | {step}).lines]
    assert with_step in on and without_step not in on, on  # the step does its work …
    assert without_step in off, off  # … and is skipped when asked: what it changes is left


def test_unknown_step_is_an_error():
    with pytest.raises(ValueError):
        normalize(["x"], skip={"no_such_step"})


def test_normalised_lines_map_back_to_source(extractions):
    ex = extractions["004_9fd1b90b08d6ae98.txt"]
    preamble = next(l for l in ex.lines if l.text.startswith("Căn cứ"))
    assert preamble.src == (8, 10, 12, 14, 16, 18)


def test_notes_anchored_in_a_tables_header_are_cut_out_though_no_line_holds_their_anchor():
    # 2530/QĐ-TTg as a legal portal prints it (corpus 646f0a00…): "Cơ quan chủ trì[1]" in a task
    # table's header, the notes after the table, one with its number on a line of its own
    from ingest.normalize import Footnotes

    notes = Footnotes()
    lines = L("+ Thời gian thực hiện: Triển khai từ năm 2026", "[1] Tại", "phần 2 Nhiệm vụ, giải pháp của Kế hoạch.", "[2]",
              "Toàn bộ 34 tỉnh, thành phố trên toàn quốc.")
    out = extract_footnotes(lines, notes, in_tables={"1", "2"})
    assert [l.text for l in out] == ["+ Thời gian thực hiện: Triển khai từ năm 2026"]
    assert notes.notes["2"].text == "Toàn bộ 34 tỉnh, thành phố trên toàn quốc."
    # … a bracketed anchor is no anchor of a note numbered without brackets ("1 Quyết định này …")
    kept = L("Giao Sở Văn hóa chủ trì xây dựng quy trình được phê duyệt tại Điều[1]", "1 Quyết định này, xây dựng quy trình điện tử.")
    assert len(extract_footnotes(kept, Footnotes())) == 2


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a recipients list as a portal cuts it (corpus cfc85d8b…): the dash alone, its item below
        ("-", "Văn phòng Chính phủ (để đăng công báo);"),
        # a division word cut from its number (corpus 5298da2a…)
        ("tin căn cứ quy trình nội bộ giải quyết thủ tục hành chính được phê duyệt tại Điều", "1 Quyết định này, xây dựng quy trình điện tử."),
        # a dash between two words of a name ("Công ty Tân Cảng - Petro Cam Ranh")
        ("có trách nhiệm phối hợp với Công ty Tân Cảng -", "Petro Cam Ranh khi bố trí lực lượng."),
        # a body's head alone after the word that takes it, the name below (corpus f902003e…)
        ("Thông báo này có hiệu lực từ ngày ký. Cục trưởng Cục hải quan báo để Công ty", "TNHH Thương mại Dịch vụ NMT biết và thực hiện./."),
        # … and its legal form after it (corpus aee1c84b…)
        ("Cục trưởng Cục Hải quan thông báo để Công ty TNHH", "Brenntag Việt Nam biết và thực hiện./."),
    ],
    ids=["a bullet", "a division's number", "a name's dash", "a head after its verb", "a company's form after its verb"],
)
def test_a_line_that_cannot_end_goes_on_however_few_lines_look_wrapped(first, second):
    lines = [LONG_LINE, "", "Nơi nhận:", first, second, "", LONG_LINE]
    assert f"{first} {second}" in [line.text for line in join_pdf_lines(L(*lines))]


def test_a_dash_that_goes_on_with_a_bodys_name_after_a_full_line_is_no_bullet():
    # a consolidated regulation's PDF text (corpus 1e6fb98e…): the wrap falls before the dash
    # inside a company's name; a dash line after a short line, or one no name runs across, is
    # an item still
    lines = ["Cơ quan Hải quan, Bộ đội Biên phòng, Cảng vụ hàng hải, Kiểm dịch y tế, Kiểm dịch động vật và",
             "cơ quan chức năng liên quan khác có trách nhiệm, quyền hạn phối hợp với Công ty Tân Cảng",
             "- Petro Cam Ranh khi bố trí lực lượng, lắp đặt các trang thiết bị, phương tiện kỹ thuật.",
             "", "Các cơ quan, đơn vị có trách nhiệm phối hợp với Công ty Tân Cảng",
             "- Sở Y tế tổ chức kiểm tra."]
    texts = [line.text for line in join_pdf_lines(L(*lines))]
    assert any("Công ty Tân Cảng - Petro Cam Ranh khi bố trí" in t for t in texts)
    assert "- Sở Y tế tổ chức kiểm tra." in texts


def test_a_bold_heading_cut_inside_the_bracket_it_opened_goes_on():
    # 6bac4a0d… (real/other) as a PDF: the entry's bodies in brackets, the heading's bold line cut
    # inside them; two headings whose first closes its bracket stay two
    cut = [Line("1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, Ban quản lý", (1,), True),
           Line("Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên, Ban Quản lý các Khu công nghiệp tỉnh):", (2,), True)]
    assert [l.text for l in join_pdf_lines(cut)] == [f"{cut[0].text} {cut[1].text}"]
    closed = [Line("Trách nhiệm của các cơ quan đăng ký đầu tư (cơ quan chủ trì)", (1,), True), Line("Sở Tài chính", (2,), True)]
    assert len(join_pdf_lines(closed)) == 2


def test_a_line_in_capitals_under_a_title_is_no_name_cut_in_two():
    """"… trên địa bàn tỉnh" / "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ" (a gazette's decision, a probe of
    issue 22): "tỉnh ỦY" reads as "Tỉnh ủy" across the cut, but a line in capitals under one in
    sentence case is the enacting authority, a heading of its own."""
    from ingest.normalize import normalize

    lines = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ", "Số: 58/2025/QĐ-UBND", "Quảng Trị, ngày 12 tháng 12 năm 2025", "QUYẾT ĐỊNH",
             "Ban hành Quy định về trách nhiệm của người đứng đầu cơ quan hành chính", "trong thực hiện dân chủ ở cơ sở trên địa bàn tỉnh", "",
             "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", "", "Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;"]
    out = [line.text for line in normalize(lines).lines]
    assert "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ" in out


@pytest.mark.parametrize("written,read", [("T/M ĐẢNG ỦY", "TM. ĐẢNG ỦY"), ("K/T BÍ THƯ", "KT. BÍ THƯ"), ("T/M", "T/M"), ("T/Mọi người", "T/Mọi người")])
def test_the_partys_signing_formulas_are_read_as_the_others(written, read):
    """"T/M ĐẢNG ỦY" (a commune Party committee's plan, a probe of issue 22): the Party's way of
    writing "TM.", the same length, so the signature reads its formula."""
    from ingest.normalize import restore_cue_marks

    assert [l.text for l in restore_cue_marks(L(written))] == [read]


@pytest.mark.parametrize(
    "line,read",
    [
        # labels with a slash, as some provinces' offices write them (fourteenth batch of probes)
        ("I/ NHIỆM VỤ", "I. NHIỆM VỤ"),
        ("1/ Phòng Văn hóa - Xã hội:", "1. Phòng Văn hóa - Xã hội:"),
        ("a/ Chủ trì, phối hợp với Ủy ban MTTQ Việt Nam xã tuyên truyền;", "a) Chủ trì, phối hợp với Ủy ban MTTQ Việt Nam xã tuyên truyền;"),
        # a fraction, a date and a letter's subject are no labels
        ("1/2 số hộ gia đình tham gia", "1/2 số hộ gia đình tham gia"),
        ("V/v tổ chức hội nghị", "V/v tổ chức hội nghị"),
    ],
)
def test_a_label_written_with_a_slash_is_the_label(line, read):
    assert [l.text for l in normalize([line]).lines] == [read]


def test_a_line_cut_after_report_goes_on_to_whom_it_reports():
    """"- Sở Nội vụ: … tổng hợp, báo cáo" / "UBND tỉnh trước ngày 30/6/2026." (a province's
    letter, fourteenth batch): "báo cáo" takes the body after it, as "trình" does."""
    from ingest.normalize import _should_join

    prev, nxt = "- Sở Nội vụ: hướng dẫn các xã, phường rà soát quy chế thực hiện dân chủ; tổng hợp, báo cáo", "UBND tỉnh trước ngày 30/6/2026."
    # in a text not visibly hard-wrapped, and at any width
    assert all(_should_join(prev, nxt, False, width) for width in (60, 95, 140))
    assert not _should_join("- Sở Nội vụ: tổng hợp kết quả, báo cáo.", nxt, False, 95)


@pytest.mark.parametrize(
    "line,heading",
    [
        ("**3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố, Hội Liên hiệp**", True),
        # a converter writes a numbered heading's label outside its bold (mammoth, markitdown)
        ("   3. **Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố, Hội Liên hiệp**", True),
        ("II. **TỔ CHỨC THỰC HIỆN**", True),
        ("3. **Sở Nội vụ** chủ trì tham mưu.", False),
        ("3. Sở Nội vụ chủ trì tham mưu.", False),
    ],
)
def test_a_wholly_bold_line_is_a_heading_with_its_label_outside_the_bold(line, heading):
    assert strip_markdown(L(line))[0].heading is heading
