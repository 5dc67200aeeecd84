"""HermiT (through owlready2, on Java) over the ontology and a small instance set."""
from __future__ import annotations

import shutil

import pytest
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.compare import isomorphic

from ontology import DCS, ONTOLOGY_TTL
from ontology.reason import RDFXML, load, reason

ORG = Namespace("http://www.w3.org/ns/org#")
EX = Namespace("http://example.org/")

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")


def test_ontology_is_consistent():
    world, _ = load()
    reason(world, infer_property_values=False)  # raises when inconsistent


def test_small_instance_set_classifies_as_expected():
    g = Graph()
    g.add((EX.soNoiVu, ORG.classification, URIRef("https://w3id.org/dcs-kg/id/vocab/agency-kind/department")))
    g.add((EX.task, RDF.type, DCS.Task))
    g.add((EX.asg, RDF.type, DCS.Assignment))
    g.add((EX.asg, DCS.task, EX.task))
    g.add((EX.asg, DCS.agency, EX.soNoiVu))
    g.add((EX.asg, DCS.role, DCS.RoleLead))
    world, _ = load(g)
    reason(world)
    so, asg, task = world[str(EX.soNoiVu)], world[str(EX.asg)], world[str(EX.task)]
    assert "http://www.w3.org/ns/org#Organization" in {c.iri for c in so.is_a}  # a Sở is an organisation
    assert str(DCS.LeadAssignment) in {c.iri for c in asg.is_a}  # role lead -> lead assignment
    lead = world[str(DCS.leadAgency)]
    assert [a.iri for a in lead[task]] == [str(EX.soNoiVu)]  # ... which makes its agency the task's lead


def test_published_rdfxml_matches_the_turtle_source():
    assert isomorphic(Graph().parse(RDFXML, format="xml"), Graph().parse(ONTOLOGY_TTL))


def test_the_published_rdfxml_is_written_the_same_in_every_process(tmp_path):
    """Blank-node labels and the order of subjects once followed the process (its random
    string hashing): every export rewrote the whole file. Two processes, two hash seeds, one file."""
    import os
    import subprocess
    import sys

    written = []
    for seed in ("1", "2"):
        target = tmp_path / f"dcs-{seed}.owl"
        code = f"from pathlib import Path; from ontology.reason import export_rdfxml; export_rdfxml(Path({str(target)!r}))"
        subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
        written.append(target.read_bytes())
    assert written[0] == written[1] == RDFXML.read_bytes()
