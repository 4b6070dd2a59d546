"""What the entry checks know about terms: the vocabulary terms an entry may use without the ontology
defining them, the class a reference segment names, and how a term is shown in a message. The terms
themselves are those of :mod:`rdgraph.namespaces`."""

from __future__ import annotations

import pyoxigraph as ox

from .. import namespaces as ns
from ..namespaces import short

Triple = tuple  # (subject, predicate, object) of pyoxigraph terms


def show(term) -> str:
    """A term in short Turtle form for messages."""
    if isinstance(term, ox.NamedNode):
        return short(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    lex = '"' + term.value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if term.language:
        return f"{lex}@{term.language}"
    if term.datatype == ns.XSD.string:
        return lex
    return f"{lex}^^{short(term.datatype.value)}"


def node_id(node) -> str:
    return node.value if isinstance(node, ox.NamedNode) else f"_:{node.value}"


# terms of other vocabularies an entry may use although the ontology does not define them
KNOWN_EXTERNAL = {t.value for t in (
    ns.RDF.type, ns.RDF.Statement, ns.RDF.subject, ns.RDF.predicate, ns.RDF.object,
    ns.RDFS.label, ns.RDFS.comment, ns.RDFS.seeAlso, ns.RDFS.isDefinedBy,
    ns.SKOS.prefLabel, ns.SKOS.altLabel, ns.SKOS.hiddenLabel, ns.SKOS.definition, ns.SKOS.note,
    ns.SKOS.notation, ns.SKOS.inScheme, ns.SKOS.Concept, ns.SKOS.ConceptScheme,
    ns.PROV.wasDerivedFrom, ns.DCTERMS.title, ns.DCTERMS.issued, ns.DCTERMS.creator, ns.DCTERMS.source,
    ns.DCTERMS.description,
)}

# the reference segment of an IRI (id/{type}/...) tells the kind of thing (docs/data-conventions.md)
SEGMENT_CLASS = {seg: t.value for seg, t in {
    "regiodeal": ns.RDG.RegioDeal, "tranche": ns.RDG.Tranche, "programma": ns.RDG.Programme,
    "opgave": ns.RDG.Opgave, "domein": ns.RDG.Domain, "interventiesoort": ns.RDG.InterventionType,
    "voorbeeldinterventie": ns.RDG.ExampleIntervention, "instrument": ns.RDG.InstrumentType,
    "interventie": ns.RDG.Intervention, "organisatie": ns.ORG.Organization,
    "provincie": ns.RDG.Province, "gemeente": ns.RDG.Municipality, "evaluatie": ns.RDG.EvaluationDocument,
    "bron": ns.RDG.Document, "bedrag": ns.RDG.FundingAmount, "toekenning": ns.RDG.ThemeAttribution,
    "begrip": ns.SKOS.Concept, "begrippenkader": ns.SKOS.ConceptScheme, "regio": ns.RDG.Region,
}.items()}
