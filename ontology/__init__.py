"""The dcs-kg ontology: its Turtle source, SHACL shapes and closed namespaces.

`dcs.ttl` is the single source of truth (see README.md here for why); `namespace.py` is
generated from it.
"""
from pathlib import Path

from .eli import ELI
from .namespace import DCS

HERE = Path(__file__).resolve().parent
ONTOLOGY_TTL = HERE / "dcs.ttl"
SHAPES_TTL = HERE / "shapes.ttl"
ONTOLOGY_IRI = "https://w3id.org/dcs-kg/ontology"

__all__ = ["DCS", "ELI", "ONTOLOGY_TTL", "SHAPES_TTL", "ONTOLOGY_IRI"]
