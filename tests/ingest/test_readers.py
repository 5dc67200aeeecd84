"""File formats, encodings and bad input: a clear error naming the file, never a traceback."""
from __future__ import annotations

import pytest
from gold import PLANS
from layouts import cp1258_as_word

from ingest.errors import ReadError
from ingest.readers import read

SEED = PLANS / "000_70211efbcc79a593.txt"


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("empty.txt", b"", "empty file"),
        ("random.txt", bytes(range(256)) * 40, "binary"),
        ("plan.xyz", b"KE HOACH", "unknown format"),
        ("noext", b"KE HOACH", "unknown format"),
    ],
)
def test_bad_input_names_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError) as info:
        read(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read(tmp_path / "nope.txt")


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2048)
    with pytest.raises(ReadError, match="too large"):
        read(path, max_bytes=1024)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1258"])
def test_encodings_read_to_the_same_text(tmp_path, encoding):
    import unicodedata

    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / f"seed-{encoding}.txt"
    path.write_bytes(cp1258_as_word(text) if encoding == "cp1258" else text.encode(encoding))
    got = read(path)
    assert unicodedata.normalize("NFC", "\n".join(got.lines)) == text


def test_tcvn3_text_is_read_in_the_letters_its_font_draws(tmp_path):
    # TCVN3 (ABC) text read as cp1252 and saved as UTF-8: "KÕ ho¹ch thùc hiÖn d©n chñ ë c¬ së";
    # a line in the capitals font ("KÕ HO¹CH") in capitals
    sample = "KÕ HO¹CH TRIÓN KHAI\n" + "KÕ ho¹ch thùc hiÖn d©n chñ ë c¬ së. Uû ban nh©n d©n tØnh ban hµnh kÕ ho¹ch.\n" * 20
    path = tmp_path / "tcvn3.txt"
    path.write_text(sample, encoding="utf-8")
    got = read(path)
    assert got.lines[0] == "KẾ HOẠCH TRIỂN KHAI"
    assert got.lines[1] == "Kế hoạch thực hiện dân chủ ở cơ sở. Uỷ ban nhân dân tỉnh ban hành kế hoạch."
    assert "TCVN3" in got.encoding


def test_reader_keeps_line_numbers():
    src = read(SEED)
    assert src.lines[2] == "Số: /KH-UBND"
    assert len(src.sha256) == 64


def test_vni_text_is_read_in_the_letters_its_font_draws(tmp_path):
    # VNI text read as cp1252: "Keá hoaïch thöïc hieän daân chuû ôû cô sôû"
    sample = "Keá hoaïch thöïc hieän daân chuû ôû cô sôû. UÛy ban nhaân daân tænh ban haønh.\n" * 20 + "ÑAÛNG ñöôøng ngöôøi Nghò quyeát aên"
    path = tmp_path / "vni.txt"
    path.write_text(sample, encoding="utf-8")
    got = read(path)
    assert got.lines[0] == "Kế hoạch thực hiện dân chủ ở cơ sở. Ủy ban nhân dân tỉnh ban hành."
    assert got.lines[-1] == "ĐẢNG đường người Nghị quyết ăn"
    assert "VNI" in got.encoding
