"""The knowledge files: required keys, unknown keys, enums, duplicates — and each loads."""
from __future__ import annotations

import re
import shutil

import pytest
import yaml

from ingest import rules
from ingest.errors import RulesError


def test_all_knowledge_files_load():
    assert rules.doc_types().types
    assert rules.gazetteer().entries
    assert rules.cues()["predicate_stops"]
    assert rules.measures()
    assert "10/2022/QH15" in rules.registry().documents
    assert "Phí và lệ phí" in rules.law_titles().laws and "Lao động" in rules.law_titles().codes


def test_every_timeframe_kind_has_labels():
    kinds = {tf["kind"] for tf in rules.cues()["timeframes"]} | {"other"}
    assert kinds <= set(rules.cues()["timeframe_labels"])
    assert all(len(v) == 2 for v in rules.cues()["timeframe_labels"].values())


def test_every_doc_type_example_names_its_type():
    for t in rules.doc_types().types:
        for ex in t.examples:
            assert any(ex.startswith(n) for n in t.names), ex


def test_a_generic_word_is_a_name_the_types_know_and_is_told_apart_without_case():
    dt = rules.doc_types()
    assert dt.generic_names and all(dt.by_name(w) for w in dt.generic_names)
    assert dt.is_generic("VĂN BẢN") and dt.is_generic("văn bản")
    assert not dt.is_generic("Tờ trình")


@pytest.mark.parametrize("tf", rules.cues()["timeframes"], ids=lambda tf: tf["kind"])
def test_timeframe_patterns_match_their_examples(tf):
    for ex in tf["examples"]:
        assert re.search(tf["pattern"], ex.lower()), ex


@pytest.fixture()
def data_copy(tmp_path, monkeypatch):
    """A private copy of data/ that a test may break; the loader's caches are reset."""
    dest = tmp_path / "data"
    shutil.copytree(rules.DATA_DIR / "rules", dest / "rules")
    shutil.copytree(rules.DATA_DIR / "registry", dest / "registry")
    monkeypatch.setattr(rules, "RULES_DIR", dest / "rules")
    monkeypatch.setattr(rules, "REGISTRY_DIR", dest / "registry")
    loaders = (rules.doc_types, rules.gazetteer, rules.cues, rules.measures, rules.registry, rules.law_titles)
    for loader in loaders:
        loader.cache_clear()
    yield dest
    for loader in loaders:
        loader.cache_clear()


def _edit(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_alias_mapping_to_two_agencies_is_an_error(data_copy):
    _edit(data_copy / "rules" / "agencies.yaml", lambda d: d["agencies"][1]["aliases"].append("UBND"))
    with pytest.raises(RulesError, match="maps to both"):
        rules.gazetteer()


def test_a_tier_of_units_the_levels_do_not_know_is_an_error(data_copy):
    _edit(data_copy / "rules" / "agencies.yaml", lambda d: d["tiers"]["cấp xã"].append("thôn"))
    with pytest.raises(RulesError, match="not among the levels"):
        rules.gazetteer()


def test_unknown_kind_is_an_error(data_copy):
    _edit(data_copy / "rules" / "agencies.yaml", lambda d: d["agencies"][0].update(kind="spaceship"))
    with pytest.raises(RulesError, match="unknown kind"):
        rules.gazetteer()


def test_unknown_key_is_an_error(data_copy):
    _edit(data_copy / "rules" / "agencies.yaml", lambda d: d["agencies"][0].update(colour="red"))
    with pytest.raises(RulesError, match="unknown keys"):
        rules.gazetteer()


def test_duplicate_measure_is_an_error(data_copy):
    _edit(data_copy / "rules" / "measures.yaml", lambda d: d["measures"].append(dict(d["measures"][0])))
    with pytest.raises(RulesError, match="twice"):
        rules.measures()


def test_registry_relation_to_unknown_document_is_an_error(data_copy):
    _edit(data_copy / "registry" / "legal.yaml", lambda d: d["documents"][1]["relations"][0].update(target="999/2099/QH99"))
    with pytest.raises(RulesError, match="not in the registry"):
        rules.registry()


def test_a_law_title_listed_twice_is_an_error(data_copy):
    _edit(data_copy / "registry" / "law_titles.yaml", lambda d: d["laws"].append("phí và  lệ phí"))
    with pytest.raises(RulesError, match="listed twice"):
        rules.law_titles()


def test_an_abbreviation_of_no_listed_title_is_an_error(data_copy):
    _edit(data_copy / "registry" / "law_titles.yaml", lambda d: d["abbreviations"].update(XYZ="xa lộ thông tin"))
    with pytest.raises(RulesError, match="in no listed title"):
        rules.law_titles()


def test_missing_file_is_named(data_copy):
    (data_copy / "rules" / "cues.yaml").unlink()
    with pytest.raises(RulesError, match="cues.yaml"):
        rules.cues()


def test_measure_cues_match_their_examples():
    from ingest.tasks import _measures

    for m in rules.measures():
        for ex in m.examples:
            assert m.id in _measures(ex), (m.id, ex)


def _cue_examples():
    from ingest.rules import cues

    return cues()["cue_examples"]


@pytest.mark.parametrize("example", _cue_examples(), ids=lambda e: f"{e['cue']}: {e['text'][:30]}")
def test_every_cue_group_works_on_its_example(example):
    """cues.yaml: each group of cue phrases is exercised by a real line through the clause reader."""
    from ingest.agencies import Lexicon
    from ingest.rules import cues
    from ingest.tasks import read_actors

    group = cues()
    for part in example["cue"].split("."):
        group = group[part]  # the cue group the example stands for exists
    assert group
    a = read_actors(example["text"], Lexicon({}, "tỉnh"))
    assert [m.name for m in a.leads] == example.get("lead", [])
    assert [m.name for m in a.supports] == example.get("support", [])
    assert [m.name for m in a.supervisors] == example.get("supervise", [])
    assert a.requested == example.get("requested", False)


def test_every_cue_group_has_an_example():
    from ingest.rules import cues

    exercised = {e["cue"] for e in cues()["cue_examples"]}
    for group in ("request_cues", "assignment_cues", "clause_openers", "partner_cues", "head_titles", "not_agencies", "owner_words", "colon_assignment_cues", "title_openers", "bare_clause_openers", "object_prepositions", "units_before_bodies", "party_organs_before_bodies", "owners_after_bodies", "dash_fields", "enumerated_co_heads", "predicate_stops", "predicate_adverbs", "field_verbs", "field_nouns", "comma_fields", "time_adverbs", "time_openers", "condition_openers", "described_body_heads", "described_body_roles", "described_body_breaks", "described_body_obligations", "described_body_acts", "clause_words.negations", "clause_words.negation_nouns", "word_amendments", "public_persons", "member_units", "name_closing_verbs", "public_nouns", "topic_openers_before_subject", "noun_tochuc_duty_after", "clause_words.examples"):
        assert group in exercised, group
    for kind in cues()["predicates"]:
        if kind not in ("direct", "carry_out"):  # read on headings: tested with the decision and plan entries
            assert f"predicates.{kind}" in exercised, kind


@pytest.mark.parametrize(
    "classes,words",
    [
        # the levels below a province: whose bodies are named with their place
        (("district", "commune"), {"huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu"}),
        # the national list's levels since the 2025 reform: provinces and communes
        (("province", "city", "commune"), {"tỉnh", "thành phố", "xã", "phường", "thị trấn", "đặc khu"}),
    ],
)
def test_level_words_come_from_the_rules(classes, words):
    from ingest.rules import level_words

    assert set(level_words(*classes)) == words
    assert set(level_words()) >= words


@pytest.mark.parametrize(
    "symbol,issuer",
    [
        ("47/2025/NQ-HĐND", "HĐND"),  # number/year/genre-issuer
        ("33/CT-TTg", "TTg"),
        ("94/QĐ-VPUBND", "VPUBND"),
        ("120-KL/TW", "TW"),  # the Party's: number-genre/issuer
        ("10/2022/QH15", "QH15"),  # a law: the Assembly and its term
        ("574/UBND-NC", "UBND"),  # a letter: issuer, then the unit that drafted it
        ("45/GM-UBND", "UBND"),  # a letter: its kind, then the issuer
        ("1584/GP-BTNMT", "BTNMT"),  # a permit of a ministry
        ("7683/VPCP-QHĐP", "VPCP"),
        ("1605/TTr-SNgV", "SNgV"),  # a code the table does not know, after a genre
        ("12/KHPH-UBND", "UBND"),
    ],
)
def test_the_issuer_code_of_a_symbol(symbol, issuer):
    assert rules.doc_types().issuer_code(symbol) == issuer
