"""docs/model.md: the guide's worked questions run as written and answer on the bundled plans."""
from __future__ import annotations

import re

import pytest
from gold import ROOT

GUIDE = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```sparql\n(.*?)```", GUIDE, re.S)
PREFIXES, QUESTIONS = BLOCKS[0], BLOCKS[1:]


def test_the_guide_has_five_questions_and_their_prefixes():
    assert PREFIXES.strip().startswith("PREFIX") and "SELECT" not in PREFIXES
    assert len(QUESTIONS) == 5


@pytest.mark.parametrize("question", QUESTIONS, ids=[f"q{i}" for i in range(1, len(QUESTIONS) + 1)])
def test_each_question_answers(question, seed_ds):
    rows = list(seed_ds.query(PREFIXES + question))
    assert rows, question
    assert all(any(v is not None for v in row) for row in rows)


def test_every_term_the_guide_names_is_in_the_ontology():
    ontology = (ROOT / "ontology" / "dcs.ttl").read_text(encoding="utf-8")
    for term in set(re.findall(r"\bdcs:([A-Za-z]+)", GUIDE)):
        assert re.search(rf"^dcs:{term}\b", ontology, re.M), term
