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


def test_code_uses_only_declared_terms():
    g = Graph().parse(ONTOLOGY_TTL)
    declared = {str(s) for s in g.subjects() if str(s).startswith(NS)}
    assert {str(DCS.Plan), str(DCS.Task), str(DCS.LeadAssignment), str(DCS.leadAgency)} <= declared
