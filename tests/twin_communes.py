"""Two commune plans alike but for their commune: Phúc Hòa (Bắc Ninh, 7330) and Phục Hòa
(Cao Bằng, 1648), whose names differ only by a tone mark — one slug, two places."""
from __future__ import annotations

from pathlib import Path

COMMUNES = ("Phúc Hòa", "Phục Hòa")

PLAN = """ỦY BAN NHÂN DÂN XÃ {PLACE_UP}
Số: 12/KH-UBND
{place}, ngày 05 tháng 3 năm 2025
KẾ HOẠCH
Thực hiện dân chủ ở cơ sở trên địa bàn xã năm 2025
Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10 tháng 11 năm 2022;
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm quyền làm chủ của Nhân dân.
II. NHIỆM VỤ
1. Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở: Văn phòng HĐND và UBND xã chủ trì, phối hợp với Công an xã thực hiện; thời gian: trong năm 2025.
III. TỔ CHỨC THỰC HIỆN
Văn phòng HĐND và UBND xã theo dõi, báo cáo kết quả.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
"""


def write_twin_communes(folder: Path) -> dict[str, Path]:
    """One plan per commune in `folder`: {commune: path}."""
    out = {}
    for i, place in enumerate(COMMUNES):
        path = folder / f"twin_commune_{i}.txt"
        path.write_text(PLAN.format(PLACE_UP=place.upper(), place=place), encoding="utf-8")
        out[place] = path
    return out
