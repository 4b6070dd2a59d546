"""The terms, prefixes and short forms the entry checks use."""

from __future__ import annotations

import pyoxigraph as ox

from ..terms import DEF, ID

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
SHNS = "http://www.w3.org/ns/shacl#"
ORG = "http://www.w3.org/ns/org#"
DCTERMS = "http://purl.org/dc/terms/"
GRAPH_ASSERTED = ox.NamedNode("https://w3id.org/rdgraph/graph/asserted")

T_TYPE = ox.NamedNode(RDF + "type")
T_SUBCLASS = ox.NamedNode(RDFS + "subClassOf")
T_RANGE = ox.NamedNode(RDFS + "range")
T_LABEL = ox.NamedNode(RDFS + "label")
T_PREF = ox.NamedNode(SKOS + "prefLabel")
T_ALT = ox.NamedNode(SKOS + "altLabel")
T_STATEMENT = ox.NamedNode(RDF + "Statement")
T_SUBJECT = ox.NamedNode(RDF + "subject")
T_PREDICATE = ox.NamedNode(RDF + "predicate")
T_OBJECT = ox.NamedNode(RDF + "object")
T_LANGSTRING = RDF + "langString"
RDG_DEAL = ox.NamedNode(DEF + "RegioDeal")
RDG_INTERVENTION = ox.NamedNode(DEF + "Intervention")
RDG_TRANCHE = ox.NamedNode(DEF + "tranche")
RDG_FUNDING_OF = ox.NamedNode(DEF + "fundingOf")
RDG_ATTRIBUTED_TO = ox.NamedNode(DEF + "attributedTo")
RDG_DEAL_PROP = ox.NamedNode(DEF + "deal")
RDG_PART_OF = ox.NamedNode(DEF + "partOf")
ONTOLOGY_IRI = "https://w3id.org/rdgraph/def/regiodeals"

Triple = tuple  # (subject, predicate, object) of pyoxigraph terms

PREFIXES: dict[str, str] = {
    "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "skos": SKOS, "prov": PROV, "dcterms": DCTERMS,
    "org": ORG, "rdg": DEF,
    "deal": ID + "regiodeal/", "tranche": ID + "tranche/", "prog": ID + "programma/",
    "opgave": ID + "opgave/", "domein": ID + "domein/", "instrument": ID + "instrument/",
    "interv": ID + "interventie/", "organisatie": ID + "organisatie/", "provincie": ID + "provincie/",
    "gemeente": ID + "gemeente/", "bron": ID + "bron/", "bedrag": ID + "bedrag/",
    "toek": ID + "toekenning/", "begrip": ID + "begrip/", "isoort": ID + "interventiesoort/",
    "eval": ID + "evaluatie/", "regio": ID + "regio/", "bewering": ID + "bewering/",
}


def short(iri: str | None) -> str:
    """A prefixed name for a term or thing, as people write it in Turtle."""
    if iri is None:
        return ""
    best = ""
    for p, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(best):
            best = ns
            name = f"{p}:{iri[len(ns):]}"
    return name if best else f"<{iri}>"


def show(term) -> str:
    """A term in short Turtle form for messages."""
    if isinstance(term, ox.NamedNode):
        return short(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    lex = '"' + term.value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if term.language:
        return f"{lex}@{term.language}"
    if term.datatype.value == XSD + "string":
        return lex
    return f"{lex}^^{short(term.datatype.value)}"


def node_id(node) -> str:
    return node.value if isinstance(node, ox.NamedNode) else f"_:{node.value}"


KNOWN_EXTERNAL = {
    RDF + "type", RDF + "Statement", RDF + "subject", RDF + "predicate", RDF + "object",
    RDFS + "label", RDFS + "comment", RDFS + "seeAlso", RDFS + "isDefinedBy",
    SKOS + "prefLabel", SKOS + "altLabel", SKOS + "hiddenLabel", SKOS + "definition", SKOS + "note",
    SKOS + "notation", SKOS + "inScheme", SKOS + "Concept", SKOS + "ConceptScheme",
    PROV + "wasDerivedFrom", DCTERMS + "title", DCTERMS + "issued", DCTERMS + "creator",
    DCTERMS + "source", DCTERMS + "description",
}

# the reference segment of an IRI (id/{type}/...) tells the kind of thing (docs/data-conventions.md)
SEGMENT_CLASS = {
    "regiodeal": DEF + "RegioDeal", "tranche": DEF + "Tranche", "programma": DEF + "Programme",
    "opgave": DEF + "Opgave", "domein": DEF + "Domain", "interventiesoort": DEF + "InterventionType",
    "voorbeeldinterventie": DEF + "ExampleIntervention", "instrument": DEF + "InstrumentType",
    "interventie": DEF + "Intervention", "organisatie": ORG + "Organization",
    "provincie": DEF + "Province", "gemeente": DEF + "Municipality", "evaluatie": DEF + "EvaluationDocument",
    "bron": DEF + "Document", "bedrag": DEF + "FundingAmount", "toekenning": DEF + "ThemeAttribution",
    "begrip": SKOS + "Concept", "begrippenkader": SKOS + "ConceptScheme", "regio": DEF + "Region",
}

