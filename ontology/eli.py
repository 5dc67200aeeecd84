"""The ELI ontology terms the project uses, as a closed namespace (a typo is an error)."""
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class ELI(DefinedNamespace):
    _fail = True
    _NS = Namespace("http://data.europa.eu/eli/ontology#")

    LegalResource: URIRef
    id_local: URIRef
    type_document: URIRef
    date_document: URIRef
    passed_by: URIRef
    jurisdiction: URIRef
    based_on: URIRef
    ensures_implementation_of: URIRef
    cites: URIRef
    is_part_of: URIRef
    in_force: URIRef
    title: URIRef
    date_no_longer_in_force: URIRef
    first_date_entry_in_force: URIRef
