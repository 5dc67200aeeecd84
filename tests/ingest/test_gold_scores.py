"""Every extractor scored against the hand-made gold; prints precision and recall, guards floors."""
from __future__ import annotations

import pytest
from gold import (
    Score,
    deadlines,
    gold_deadlines,
    gold_ref_pairs,
    gold_role_pairs,
    gold_task_paths,
    ref_pairs,
    role_pairs,
    seed_role_score,
    task_paths,
)

# The role floor is below the 1.00 the seeds once had: their answer key keeps catch-all
# partners and vague subjects as written, which the extractor, following the real documents'
# key, keeps apart (tests/data/README.md). Measured: P 0.97, R 0.74, F1 0.84.
# today's figure less one item's worth (docs/testing.md): refs 29/29, role pairs F1 0.848 with
# 74 gold pairs (one pair moves F1 by about 0.013), task paths 91/91
FLOORS = {"legal refs (id, relation)": 0.96, "agency-role pairs": 0.83, "task paths": 0.985}


def _score(extractions, gold_docs, mine, theirs) -> Score:
    s = Score()
    for name, ex in extractions.items():
        s.add(mine(ex), theirs(gold_docs[name]))
    return s


def test_legal_reference_f1(extractions, gold_docs):
    s = _score(extractions, gold_docs, ref_pairs, gold_ref_pairs)
    print(f"\nlegal refs (id, relation): {s}")
    assert s.f1 >= FLOORS["legal refs (id, relation)"]


def test_implemented_document_exact(extractions, gold_docs):
    for name, ex in extractions.items():
        mine = {r.id for r in ex.legal_refs if r.relation == "implements"}
        gold = {r["id"] for r in gold_docs[name]["legal_refs"] if r["relation"] == "implements"}
        assert mine == gold, name


def test_agency_role_f1(extractions, gold_docs):
    exact = _score(extractions, gold_docs, role_pairs, gold_role_pairs)
    p, r, f1 = seed_role_score(extractions, gold_docs)
    print(f"\nagency-role pairs (shared scorer's matching): P={p:.3f} R={r:.3f} F1={f1:.3f}; exact names: {exact}")
    assert f1 >= FLOORS["agency-role pairs"]
    # what is found is right; what is missed is the convention difference. Names as the JSON
    # writes them (the document's spelling): 0.948 on 2026-12-03, one pair's worth below
    assert p >= 0.93


def test_task_paths_recall(extractions, gold_docs):
    s = _score(extractions, gold_docs, task_paths, gold_task_paths)
    print(f"\ntask paths: {s}")
    assert s.recall >= FLOORS["task paths"]


def test_every_gold_reporting_deadline_found(extractions, gold_docs):
    s = _score(extractions, gold_docs, deadlines, gold_deadlines)
    print(f"\nreporting deadlines: {s}")
    assert s.fn == 0


@pytest.mark.parametrize("field", ["issuer", "issuer_level", "place", "date", "title"])
def test_header_fields_match_gold(extractions, gold_docs, field):
    for name, ex in extractions.items():
        assert getattr(ex.document, field) == gold_docs[name]["document"][field], (name, field)


def test_signer_matches_gold(extractions, gold_docs):
    for name, ex in extractions.items():
        g = gold_docs[name]["document"]["signer"]
        assert ex.document.signer["name"] == g["name"], name
        assert ex.document.signer["position"] == g["position"], name
        assert ex.document.signer["signing_formula"] == g["signing_formula"], name


def test_reference_dates_and_issuers_match_gold(extractions, gold_docs):
    for name, ex in extractions.items():
        mine = {r.id: r for r in ex.legal_refs}
        for g in gold_docs[name]["legal_refs"]:
            r = mine[g["id"]]
            assert r.date == g["date"], (name, g["id"])
            assert r.issuer == g["issuer"], (name, g["id"])
            assert r.type == g["type"], (name, g["id"])
            assert len(r.mentions) == g["mentions"], (name, g["id"])


def test_recipients_match_gold(extractions, gold_docs):
    for name, ex in extractions.items():
        assert ex.document.recipients == gold_docs[name]["document"]["recipients"], name
