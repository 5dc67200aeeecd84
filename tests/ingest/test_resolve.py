"""ingest/resolve.py: the place each body belongs to, and one key per body."""
from __future__ import annotations

import pytest

from ingest.agencies import AgencyMention
from ingest.jurisdiction import Jurisdiction
from ingest.resolve import jurisdiction_of

# a district's plan (seed 002: Ủy ban nhân dân huyện Vĩnh Linh, tỉnh Quảng Trị)
DISTRICT = Jurisdiction("Ủy ban nhân dân huyện Vĩnh Linh", "Ủy ban nhân dân huyện", "peoples_committee", "district", "Vĩnh Linh", "district", "Quảng Trị")


@pytest.mark.parametrize(
    "mention,place",
    [
        # a department (Sở) is the province's, whoever's plan names it
        (AgencyMention("Sở Nội vụ", "department", "Sở Nội vụ", 0, 9, entry="Sở Nội vụ"), "Quảng Trị"),
        # a district's own division and committee are the district's
        (AgencyMention("Phòng Nội vụ", "division", "Phòng Nội vụ", 0, 12, entry="Phòng Nội vụ"), "Vĩnh Linh"),
        (AgencyMention("Ủy ban nhân dân huyện", "peoples_committee", "UBND huyện", 0, 10, level="huyện", entry="Ủy ban nhân dân"), "Vĩnh Linh"),
        # a level word above the issuer's names the province
        (AgencyMention("Liên đoàn Lao động tỉnh", "trade_union", "Liên đoàn Lao động tỉnh", 0, 22, level="tỉnh", entry="Liên đoàn Lao động"), "Quảng Trị"),
        # a place the text writes wins
        (AgencyMention("Ủy ban nhân dân xã", "peoples_committee", "UBND xã Vĩnh Thủy", 0, 17, level="xã", place="Vĩnh Thủy", entry="Ủy ban nhân dân"), "Vĩnh Thủy"),
        # a ministry is national
        (AgencyMention("Bộ Nội vụ", "central_government", "Bộ Nội vụ", 0, 9, entry="Bộ Nội vụ"), "Việt Nam"),
    ],
    ids=lambda v: v.name if isinstance(v, AgencyMention) else v,
)
def test_jurisdiction_of(mention, place):
    assert jurisdiction_of(mention, DISTRICT) == place


def test_a_district_plans_departments_are_its_provinces(extractions):
    """Seed 002 is Vĩnh Linh's (a district of Quảng Trị): its Sở Nội vụ is Quảng Trị's."""
    ex = extractions["002_740ba232e0108bc4.txt"]
    departments = [a for a in ex.agencies if a.kind == "department"]
    assert departments and {a.jurisdiction for a in departments} == {"Quảng Trị"}
    assert any(a.name == "Sở Nội vụ" for a in departments)
