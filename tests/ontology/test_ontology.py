"""The ontology: it parses, every term has vi/en labels, the generated namespace matches it."""
from __future__ import annotations

from rdflib import OWL, RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS

from ontology import DCS, ONTOLOGY_TTL
from ontology.generate import render, terms

NS = "https://w3id.org/dcs-kg/ontology#"


def test_generated_namespace_matches_the_ontology():
    from ontology import namespace

    assert open(namespace.__file__, encoding="utf-8").read() == render(terms())


def test_closed_namespace_rejects_typos():
    import pytest

    with pytest.raises(AttributeError):
        DCS.leadAgencyy  # noqa: B018


def test_every_class_and_property_has_vietnamese_and_english_labels_and_definitions():
    g = Graph().parse(ONTOLOGY_TTL)
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for s in g.subjects(RDF.type, kind):
            if not str(s).startswith(NS):
                continue
            langs = {o.language for o in g.objects(s, RDFS.label) if isinstance(o, Literal)}
            assert {"vi", "en"} <= langs, s
            defs = {o.language for o in g.objects(s, SKOS.definition) if isinstance(o, Literal)}
            assert {"vi", "en"} <= defs, s


def _terms_used() -> dict[str, set[str]]:
    """Every dcs: term the code, the queries and the shapes name, with where."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    used: dict[str, set[str]] = {}
    patterns = [
        re.compile(r"\bDCS\.([A-Za-z_]\w*)"),  # Python: DCS.leadAgency
        re.compile(r'\bDCS\[\s*["\']([A-Za-z_]\w*)["\']\s*\]'),  # Python: DCS["taskCount"]
        re.compile(r"(?<![\w-])dcs:([A-Za-z_][\w-]*)"),  # SPARQL and Turtle: dcs:Plan
        re.compile(re.escape(NS) + r"([A-Za-z_]\w*)"),  # full IRIs written out
    ]
    files = [*root.glob("ingest/*.py"), *root.glob("dcskg/*.py"), *root.glob("queries/**/*.py"), *root.glob("queries/**/*.rq"),
             *root.glob("ontology/shapes.ttl"), *root.glob("dcskg/static/*.js"), *root.glob("dcskg/static/*.html"), *root.glob("queries/templates/*.html")]
    for f in files:
        text = f.read_text(encoding="utf-8")
        for rx in patterns:
            for m in rx.finditer(text):
                used.setdefault(m.group(1), set()).add(f.name)
    return used


def test_code_uses_only_declared_terms():
    """The code, the named queries, the shapes and the page use only terms the ontology declares:
    a term written by a writer and never declared, or read by a query under another name, is
    found here (the closed namespace only guards Python's DCS.x)."""
    g = Graph().parse(ONTOLOGY_TTL)
    declared = {str(s)[len(NS):] for s in g.subjects() if str(s).startswith(NS)}
    used = _terms_used()
    assert len(used) > 40  # the scan found the code's terms at all
    undeclared = {term: sorted(where) for term, where in used.items() if term not in declared and not term.startswith("_")}
    assert not undeclared, f"dcs: terms used but not declared in {ONTOLOGY_TTL.name}: {undeclared}"
