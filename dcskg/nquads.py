"""rdflib terms -> Oxigraph terms and N-Quads text: how a plan's triples reach the database.

A plan's triples are written as N-Quads in the worker that read it, so the loading process hands
bytes to Oxigraph's parser instead of building a Python object per term; every term is written
by the N-Quads grammar itself, never spliced (a file name with a line break stays one literal).
"""
from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import URIRef


def to_ox(term):
    """rdflib term -> pyoxigraph term (loading through rdflib's Store API costs a dispatch per quad)."""
    from rdflib import BNode, Literal

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}")


def _quads(graph, into: URIRef) -> list[ox.Quad]:
    g = ox.NamedNode(str(into))
    return [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in graph]


def _nquads(graph, into: URIRef) -> bytes:
    """A plan's triples as N-Quads, written in the worker: the loading process then hands bytes
    to Oxigraph's parser instead of building a Python object per term (the build's bottleneck).
    Terms are written by the N-Quads grammar itself (`_nq`): a file name with a line break or a
    quote is escaped in its literal, never spliced into the text."""
    g = _nq(into)
    return "".join(f"{_nq(s)} {_nq(p)} {_nq(o)} {g} .\n" for s, p, o in graph).encode("utf-8")


# characters N-Quads does not allow raw: in an IRI (percent-encoded) and in a string (escaped)
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_STRING_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}
_STRING_FORBIDDEN = re.compile(r'[\\"\x00-\x1f\x7f]')


def _nq_string(text: str) -> str:
    return '"' + _STRING_FORBIDDEN.sub(lambda m: _STRING_ESCAPES.get(m.group(0), f"\\u{ord(m.group(0)):04X}"), text) + '"'


def _nq(term) -> str:
    """One rdflib term in N-Quads syntax."""
    from rdflib import BNode, Literal

    if isinstance(term, URIRef):
        return "<" + _IRI_FORBIDDEN.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode("utf-8")), str(term)) + ">"
    if isinstance(term, Literal):
        if term.language:
            return f"{_nq_string(str(term))}@{term.language}"
        if term.datatype and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f"{_nq_string(str(term))}^^{_nq(term.datatype)}"
        return _nq_string(str(term))
    if isinstance(term, BNode):
        return f"_:{re.sub(r'[^A-Za-z0-9_]', '_', str(term))}"
    raise TypeError(f"cannot store {term!r}")
