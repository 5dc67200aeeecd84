"""ingest/ids.py: one key per agency, place and document — two bodies never share one."""
from __future__ import annotations

import pytest
from rdflib import URIRef
from twin_communes import write_twin_communes

from ingest.ids import agency_key, local_document_id, parse_document_id, place_key, symbol_of
from ingest.pipeline import extract
from ingest.to_rdf import DCS, document_iri, document_node, plan_graphs


@pytest.mark.parametrize(
    "a,b",
    [
        # names that differ only by a tone mark: one slug, two communes (Bắc Ninh 7330, Cao Bằng 1648)
        (("Phúc Hòa", None), ("Phục Hòa", None)),
        # one name, two provinces
        (("Ba Đình", "Hà Nội"), ("Ba Đình", "Thanh Hóa")),
        (("Tân Hòa", "Vĩnh Long"), ("Tân Hòa", "An Giang")),
    ],
)
def test_two_places_never_share_a_key(a, b):
    assert place_key(*a) != place_key(*b)
    assert agency_key("Ủy ban nhân dân xã", *a) != agency_key("Ủy ban nhân dân xã", *b)


@pytest.mark.parametrize(
    "place,province,level,key",
    [
        ("Vĩnh Long", None, None, "vinh-long"),  # provinces keep their slug: none of the 34 share one
        ("Việt Nam", None, None, "viet-nam"),
        (None, None, None, "unknown"),
        ("Phúc Hòa", None, "commune", "phuc-hoa-7330"),  # the official statistical code
        ("Phúc Hòa", "Bắc Ninh", None, "phuc-hoa-7330"),
        # the 2025 commune Vĩnh Linh (19363) took the name of a district: seed 002's district is not it
        ("Vĩnh Linh", "Quảng Trị", "commune", "vinh-linh-19363"),
        ("Vĩnh Linh", "Quảng Trị", "district", "quang-tri-vinh-linh"),
        ("Nghi Dương", "Nghệ An", "district", "nghe-an-nghi-duong"),
        ("Vĩnh Linh", None, "district", "vinh-linh"),
        # one name, two communes: the province the text gives picks one; without it, no code
        ("Ba Đình", "Hà Nội", "commune", "ba-dinh-4"),
        ("Ba Đình", "Thanh Hóa", None, "ba-dinh-16171"),
        ("Ba Đình", None, "commune", "ba-dinh"),
        # a ward named as its province: the province unless the level says ward
        ("Lào Cai", None, None, "lao-cai"),
        ("Lào Cai", "Lào Cai", "commune", "lao-cai-2647"),
    ],
)
def test_place_key(place, province, level, key):
    assert place_key(place, province, level) == key


def test_an_agency_key_is_its_place_key_and_name():
    assert agency_key("Phòng Nội vụ", "Vĩnh Linh", "Quảng Trị", "district") == "quang-tri-vinh-linh/phong-noi-vu"
    assert agency_key("Công an xã", "Vĩnh Linh", "Quảng Trị", "commune") == "vinh-linh-19363/cong-an-xa"
    assert agency_key("Sở Nội vụ", None) == "unknown/so-noi-vu"


def test_a_local_document_without_place_or_year_says_so():
    assert local_document_id("12/KH-UBND", None, None) == "12/KH-UBND@?/?"


@pytest.mark.parametrize(
    "doc_id,symbol,place,year",
    [
        ("10/2022/QH15", "10/2022/QH15", None, None),
        ("47/NQ-HĐND@Vĩnh Long/2024", "47/NQ-HĐND", "Vĩnh Long", "2024"),
        ("12/KH-UBND@?/?", "12/KH-UBND", "?", "?"),
    ],
)
def test_a_document_id_reads_back_what_made_it(doc_id, symbol, place, year):
    parsed = parse_document_id(doc_id)
    assert (parsed.symbol, parsed.place, parsed.year) == (symbol, place, year)
    assert symbol_of(doc_id) == symbol
    if place:
        assert local_document_id(symbol, place, year) == doc_id


def test_two_provinces_same_local_symbol_are_two_documents():
    assert document_iri(local_document_id("47/NQ-HĐND", "Vĩnh Long", "2024")) != document_iri(local_document_id("47/NQ-HĐND", "Cần Thơ", "2024"))




def test_same_named_offices_of_two_communes_are_two_agencies(tmp_path):
    """Phúc Hòa and Phục Hòa each have a 'Văn phòng HĐND và UBND xã': before, one IRI with two jurisdictions."""
    jurisdictions: dict[URIRef, set] = {}
    leads: dict[str, set] = {}
    documents = set()
    for place, path in write_twin_communes(tmp_path).items():
        ex = extract(path)
        documents.add(document_node(ex))
        assert ex.document.place == place
        own, common = plan_graphs(ex)
        for s, p, o in common:
            if p == DCS.jurisdiction:
                jurisdictions.setdefault(s, set()).add(o)
        leads[place] = {o for _, p, o in own if p == DCS.agency}
    assert all(len(units) == 1 for units in jurisdictions.values()), jurisdictions
    assert leads["Phúc Hòa"] and leads["Phục Hòa"]
    assert not leads["Phúc Hòa"] & leads["Phục Hòa"]
    # and the two plans, both "12/KH-UBND" of 2025, are two documents
    assert len(documents) == 2
