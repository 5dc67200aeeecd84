"""Synthetic plans at national scale, as text files, for benchmarks.

Deterministic for a seed: `python -m benchmarks.generate --plans 1000 --out /tmp/plans`.
Each plan follows the seeds' anatomy (header, title, "Thực hiện/Căn cứ" opening, Roman
sections, items with `Cơ quan thực hiện / phối hợp / Thời gian` lines — or, in a third of the
plans, a Phụ lục task table after the signature as real plans have —, TỔ CHỨC THỰC HIỆN
entries per agency, reporting deadlines, Nơi nhận, signature) with the gazetteer's agencies and real
provinces and communes (vietnam-provinces). A share of plans carries the noise real plans
have: PDF line breaks, Markdown emphasis, OCR slips. `<out>.truth.jsonl`, beside the folder
(not in it, so a build of the folder does not trip over it), records what each plan
implements and which agencies lead each task.
"""
from __future__ import annotations

import argparse
import json
import random
import textwrap
from dataclasses import dataclass
from pathlib import Path

from ingest import places

# Task sentences in the seeds' phrasing (content section), by measure.
TASKS = [
    "Tổ chức công tác tuyên truyền, phổ biến, quán triệt các nội dung Nghị quyết số {res} thông qua các hình thức như hội nghị, cuộc họp của cơ quan, buổi sinh hoạt cộng đồng.",
    "Thực hiện ứng dụng công nghệ thông tin, khai thác hiệu quả tiện ích của chính quyền số trong công tác thông tin, tuyên truyền, phổ biến pháp luật về thực hiện dân chủ ở cơ sở.",
    "Phối hợp với các cơ sở đào tạo tổ chức các lớp bồi dưỡng, tập huấn cho đội ngũ cán bộ, công chức, viên chức; bảo đảm 100% công chức làm công tác dân chủ ở cơ sở được tập huấn.",
    "Duy trì thực hiện hiệu quả các hình thức dân chủ trực tiếp để đội ngũ cán bộ, đảng viên và Nhân dân tham gia xây dựng Đảng, chính quyền.",
    "Ban hành và tổ chức thực hiện tốt Quy chế thực hiện dân chủ tại cơ quan, đơn vị, địa phương; hỗ trợ, tạo điều kiện để Ban Thanh tra nhân dân hoạt động.",
    "Rà soát, đánh giá, kịp thời sửa đổi, bổ sung, hoàn thiện các quy chế, quy ước, hương ước về thực hiện dân chủ ở cơ sở.",
    "Hằng năm, xem xét mức độ thực hiện dân chủ ở cơ sở gắn với thực hiện công tác cải cách hành chính để làm căn cứ đánh giá mức độ hoàn thành nhiệm vụ của người đứng đầu.",
    "Thực hiện đăng ký xây dựng các mô hình điển hình về thực hiện dân chủ ở cơ sở; kịp thời biểu dương, khen thưởng các gương điển hình tiên tiến.",
    "Thường xuyên kiểm tra, giám sát việc thực hiện dân chủ và việc chấp hành kỷ luật, kỷ cương hành chính; công tác tiếp công dân và giải quyết đơn thư khiếu nại, tố cáo.",
    "Xây dựng kế hoạch kiểm tra việc thực hiện dân chủ ở cơ sở theo thẩm quyền.",
    "Bố trí trang thiết bị đồng bộ, có kết nối Internet phục vụ công tác chuyên môn; sử dụng thư điện tử công vụ để tiếp nhận ý kiến góp ý của tổ chức, cá nhân.",
    "Thực hiện công tác tự kiểm tra thực hiện dân chủ ở cơ sở tại cơ quan, đơn vị, tổ chức.",
    "Tổ chức biên soạn tài liệu, cẩm nang tuyên truyền pháp luật về thực hiện dân chủ ở cơ sở phù hợp với từng đối tượng.",
    "Phát hiện và xử lý nghiêm đối với cơ quan, đơn vị, tổ chức, cá nhân vi phạm pháp luật về thực hiện dân chủ ở cơ sở.",
]
TIMEFRAMES = ["Thường xuyên.", "Hằng năm.", "Hàng năm.", "Năm 2026 và các năm tiếp theo.", "Định kỳ 6 tháng và hằng năm."]
PROVINCE_DEPARTMENTS = ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Dân tộc và Tôn giáo"]
COMMUNE_UNITS = ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Văn phòng HĐND và UBND", "Trung tâm Dịch vụ sự nghiệp công", "Công an xã"]
# what the truth file records: the canonical names an analyst expects back
CANONICAL = {"Văn phòng HĐND và UBND": "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"}
ORGANISATION_DUTIES = [
    "Chủ trì, tham mưu Ủy ban nhân dân theo dõi, đôn đốc, kiểm tra việc thực hiện dân chủ ở cơ sở tại các cơ quan, đơn vị, địa phương.",
    "Phối hợp với các đơn vị có liên quan đẩy mạnh công tác tuyên truyền, phổ biến, giáo dục pháp luật các nội dung liên quan công tác dân chủ ở cơ sở.",
    "Hướng dẫn việc lập dự toán, quản lý, sử dụng và quyết toán kinh phí thực hiện dân chủ ở cơ sở.",
    "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan hướng dẫn, kiểm tra việc xây dựng và thực hiện hương ước, quy ước của cộng đồng dân cư.",
]
OCR_SLIPS = [("phổ biến", "phò biến"), ("ấp", "áp"), ("Nơi nhận", "Noi nhận"), ("cổng thông tin", "công thông tin")]
DEADLINES = ["15/11", "10/11", "31/10", "05/12", "20/11"]


@dataclass
class Place:
    province: str
    is_city: bool
    commune: str | None


def _places(rng: random.Random) -> list[Place]:
    out = []
    provinces = sorted(places.provinces().values(), key=lambda p: p.code)
    for p in provinces:
        out.append(Place(p.name, p.full_name.startswith("Thành phố"), None))
    communes = sorted((c for cs in places._communes_by_name().values() for c in cs if len(cs) == 1), key=lambda c: c.code)
    for c in rng.sample(communes, min(1500, len(communes))):
        out.append(Place(c.province, False, c.name))
    return out


def plan_text(rng: random.Random, number: int, place: Place, noise: str | None) -> tuple[str, dict]:
    commune = place.commune is not None
    level_word = "xã" if commune else ("thành phố" if place.is_city else "tỉnh")
    here = place.commune if commune else place.province
    res_number = rng.randint(10, 150)
    res = f"{res_number}/NQ-HĐND" if commune else f"{res_number}/2025/NQ-HĐND"
    res_date = f"{rng.randint(1, 28)}/{rng.randint(7, 12)}/2025"
    units = COMMUNE_UNITS if commune else PROVINCE_DEPARTMENTS
    collective = "các cơ quan, đơn vị, tổ chức, địa phương"
    lines: list[str] = []
    truth_tasks: list[dict] = []
    add = lines.append
    add(f"Số: {number}/KH-UBND")
    add("")
    add(f"{here}, ngày {rng.randint(1, 28)} tháng {rng.randint(1, 3):02d} năm 2026")
    add("")
    add("KẾ HOẠCH")
    add(f"Triển khai thực hiện Nghị quyết số {res} ngày {res_date} của Hội đồng nhân dân {level_word} về việc quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn {level_word} {here}")
    add("")
    add(
        f"Thực hiện Nghị quyết số {res} ngày {res_date} của Hội đồng nhân dân {level_word} về việc quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn {level_word} {here} (sau đây gọi tắt là Nghị quyết số {res}); căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022 và Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ, Ủy ban nhân dân {level_word} ban hành Kế hoạch triển khai thực hiện với các nội dung như sau:"
    )
    add("")
    add("I. MỤC ĐÍCH, YÊU CẦU")
    add("1. Mục đích")
    add(f"a) Phổ biến, triển khai Nghị quyết số {res} đến các cơ quan hành chính nhà nước, đơn vị sự nghiệp công lập (gọi chung là {collective}) trên địa bàn.")
    add("b) Xác định cụ thể nội dung công việc và trách nhiệm của các cơ quan, đơn vị trong việc tổ chức thực hiện dân chủ ở cơ sở.")
    add("2. Yêu cầu")
    add("Bảo đảm quán triệt thống nhất, đầy đủ, đồng bộ trong triển khai, tổ chức thực hiện; tăng cường sự phối hợp chặt chẽ giữa các cơ quan, đơn vị.")
    add("")
    add("II. NỘI DUNG THỰC HIỆN")
    # a third of real plans list their tasks in an appendix table (Phụ lục) instead
    as_table = rng.random() < 0.3
    table_rows: list[str] = []
    if as_table:
        add("Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.")
    n_tasks = rng.randint(10, 40)
    groups = max(2, n_tasks // 6)
    made = 0
    for g in range(1, groups + 1):
        if not as_table:
            add(f"{g}. Nhóm nhiệm vụ {g}: bảo đảm thực hiện dân chủ ở cơ sở")
        letters = "abcdđeg"
        for li in range(rng.randint(1, 3)):
            letter = letters[li]
            if not as_table:
                add(f"{letter}) Nội dung {letter} của nhóm {g}")
            for d in range(1, rng.randint(2, 4)):
                if made >= n_tasks:
                    break
                made += 1
                task = rng.choice(TASKS).format(res=res)
                lead = rng.choice([collective.capitalize(), rng.choice(units)])
                supports = rng.sample(units, rng.randint(0, 2))
                supports = [s for s in supports if s != lead]
                timeframe = rng.choice(TIMEFRAMES)
                if as_table:
                    table_rows.append(f"| {made} | {task} | {lead} | {'; '.join(supports)} | {timeframe.rstrip('.')} |")
                    truth_tasks.append({"path": f"PL1.{made}", "lead": CANONICAL.get(lead, lead), "support": [CANONICAL.get(x, x) for x in supports]})
                    continue
                add("- " + task)
                add(f"+ Cơ quan thực hiện: {lead}.")
                if supports:
                    add(f"+ Cơ quan phối hợp: {'; '.join(supports)}.")
                add(f"+ Thời gian thực hiện: {timeframe}")
                truth_tasks.append({"path": f"II.{g}.{letter}.{d}", "lead": CANONICAL.get(lead, lead), "support": [CANONICAL.get(x, x) for x in supports]})
    add("")
    add("III. TỔ CHỨC THỰC HIỆN")
    entries = rng.sample(units, min(len(units), rng.randint(2, 4)))
    for e, unit in enumerate(entries, start=1):
        add(f"{e}. {unit}")
        duties = rng.sample(ORGANISATION_DUTIES, rng.randint(1, 3))
        for d, duty in enumerate(duties, start=1):
            add(f"- {duty}")
            truth_tasks.append({"path": f"III.{e}.{d}", "lead": CANONICAL.get(unit, unit), "support": []})
    e = len(entries) + 1
    front = f"Ủy ban Mặt trận Tổ quốc Việt Nam {level_word}"
    add(f"{e}. Đề nghị {front}")
    add("- Tổ chức phối hợp trong công tác tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở.")
    truth_tasks.append({"path": f"III.{e}.1", "lead": front, "support": []})
    e += 1
    deadline = rng.choice(DEADLINES)
    add(f"{e}. Các cơ quan, đơn vị, tổ chức")
    add(f"- Định kỳ hằng năm, báo cáo kết quả triển khai thực hiện về Ủy ban nhân dân {level_word} (qua {units[0]}) chậm nhất ngày {deadline}.")
    truth_tasks.append({"path": f"III.{e}.1", "lead": "Các cơ quan, đơn vị, tổ chức", "support": []})
    add("")
    add("IV. KINH PHÍ THỰC HIỆN")
    add("Kinh phí thực hiện Kế hoạch được bảo đảm từ nguồn ngân sách nhà nước theo phân cấp ngân sách hiện hành.")
    add("")
    add("Nơi nhận:")
    add(f"- TT HĐND {level_word};")
    add(f"- UB MTTQVN {level_word};")
    add("- Lưu: VT.")
    add("")
    add("TM. ỦY BAN NHÂN DÂN")
    add("KT. CHỦ TỊCH")
    add("PHÓ CHỦ TỊCH")
    add("")
    add(rng.choice(["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]))
    if as_table:
        add("")
        add("PHỤ LỤC")
        add("DANH MỤC NHIỆM VỤ TRIỂN KHAI THỰC HIỆN")
        add(f"(Kèm theo Kế hoạch số {number}/KH-UBND của Ủy ban nhân dân {level_word})")
        add("")
        add("| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |")
        add("|---|---|---|---|---|")
        lines.extend(table_rows)
    text = "\n".join(lines)
    if noise == "ocr":
        for right, wrong in rng.sample(OCR_SLIPS, 2):
            text = text.replace(right, wrong, 1)
    elif noise == "markdown":
        text = "\n".join(f"**{l}**" if l[:3] in ("I. ", "II.", "III", "IV.") or l == "KẾ HOẠCH" else l for l in text.split("\n"))
    elif noise == "pdf":
        wrapped = []
        for l in text.split("\n"):
            # a table row stays one line: what a PDF table extractor gives
            wrapped.extend([l] if l.startswith("|") else textwrap.wrap(l, 90) or [""])
            wrapped.append("")
        text = "\n".join(wrapped)
    res_id = f"{res}@{here}/2025" if commune else res
    return text, {"implements": res_id, "tasks": truth_tasks}


def truth_path(out: Path) -> Path:
    return out.parent / f"{out.name}.truth.jsonl"


def generate(n: int, out: Path, seed: int = 2026) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    pool = _places(rng)
    files = []
    with truth_path(out).open("w", encoding="utf-8") as truth:
        for i in range(n):
            place = rng.choice(pool)
            noise = rng.choices([None, "ocr", "markdown", "pdf"], [0.55, 0.15, 0.15, 0.15])[0]
            text, facts = plan_text(rng, 100 + i, place, noise)
            path = out / f"synthetic_{i:05d}.{'md' if noise == 'markdown' else 'txt'}"
            path.write_text(text, encoding="utf-8")
            truth.write(json.dumps({"file": path.name, "noise": noise, **facts}, ensure_ascii=False) + "\n")
            files.append(path)
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, default=100)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    files = generate(args.plans, args.out, args.seed)
    print(f"wrote {len(files)} plans to {args.out}")


if __name__ == "__main__":
    main()
