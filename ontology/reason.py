"""Reasoning over the ontology with owlready2 and HermiT (Java).

owlready2 does not read Turtle, so the Turtle source is exported to RDF/XML (`dcs.owl`,
also a published artefact) and loaded from there. Reasoning is for checking the model and
small instance sets, not for answering queries: the graph's queries run on materialised
shortcuts (dcs:leadAgency) with no reasoner in the loop.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from rdflib import Graph

from . import ONTOLOGY_TTL

RDFXML = Path(__file__).resolve().parent / "dcs.owl"


class _Sorted(Graph):
    """A graph that hands its subjects, and each subject's predicates and objects, in sorted
    order: what rdflib's RDF/XML writer reads to lay out the file."""

    def subjects(self, predicate=None, object=None, unique=False):
        return iter(sorted(set(super().subjects(predicate, object))))

    def predicate_objects(self, subject=None, unique=False):
        return iter(sorted(super().predicate_objects(subject)))


def export_rdfxml(target: Path = RDFXML) -> Path:
    """The Turtle source as RDF/XML, byte for byte the same from the same source: blank nodes get
    canonical labels and everything is written in sorted order (rdflib wrote subjects in the
    order of the process's string hashing, with random blank-node labels: every export rewrote
    the whole file)."""
    from rdflib.compare import to_canonical_graph

    ordered = _Sorted()
    canonical = to_canonical_graph(Graph().parse(ONTOLOGY_TTL))
    for prefix, namespace in canonical.namespaces():
        ordered.bind(prefix, namespace)
    for triple in canonical:
        ordered.add(triple)
    ordered.serialize(target, format="xml")
    return target


def load(extra: Graph | None = None):
    """A fresh owlready2 World holding the ontology (plus optional instance triples)."""
    import owlready2

    world = owlready2.World()
    g = Graph().parse(ONTOLOGY_TTL)
    if extra is not None:
        g += extra
    with tempfile.NamedTemporaryFile("wb", suffix=".owl", delete=False) as fh:
        fh.write(g.serialize(format="xml").encode("utf-8"))
        path = fh.name
    onto = world.get_ontology(Path(path).as_uri()).load()
    Path(path).unlink(missing_ok=True)
    return world, onto


def reason(world, infer_property_values: bool = True) -> None:
    """Run HermiT; raises owlready2.OwlReadyInconsistentOntologyError if inconsistent."""
    import owlready2

    with world.get_ontology("http://dcs-kg.local/inferences#"):
        owlready2.sync_reasoner_hermit(world, infer_property_values=infer_property_values, debug=0)


if __name__ == "__main__":
    print(f"wrote {export_rdfxml()}")
