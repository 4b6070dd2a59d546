"""The export formats (name, pyoxigraph format, extension, media type, W3C format IRI, titles)."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from ..namespaces import CONTEXT_PREFIXES, PREFIXES
from ..namespaces import FORMATS as W3C_FORMATS

# Namespaces of the JSON-LD context and of RDF/XML: the vocabularies and id:
NAMESPACES: dict[str, str] = {p: PREFIXES[p] for p in CONTEXT_PREFIXES}


@dataclass(frozen=True)
class ExportFormat:
    name: str
    rdf_format: ox.RdfFormat | None
    extension: str
    media_type: str
    w3c_format: str
    title_en: str
    title_nl: str


FORMATS: dict[str, ExportFormat] = {
    "turtle": ExportFormat("turtle", ox.RdfFormat.TURTLE, "ttl", "text/turtle",
                           W3C_FORMATS["Turtle"].value, "Turtle", "Turtle"),
    "ntriples": ExportFormat("ntriples", ox.RdfFormat.N_TRIPLES, "nt", "application/n-triples",
                             W3C_FORMATS["N-Triples"].value, "N-Triples", "N-Triples"),
    "jsonld": ExportFormat("jsonld", None, "jsonld", "application/ld+json",
                           W3C_FORMATS["JSON-LD"].value, "JSON-LD", "JSON-LD"),
    "rdfxml": ExportFormat("rdfxml", ox.RdfFormat.RDF_XML, "rdf", "application/rdf+xml",
                           W3C_FORMATS["RDF_XML"].value, "RDF/XML", "RDF/XML"),
    "trig": ExportFormat("trig", ox.RdfFormat.TRIG, "trig", "application/trig",
                         W3C_FORMATS["TriG"].value, "TriG (asserted and inferred named graphs)",
                         "TriG (vastgestelde en afgeleide named graphs)"),
}

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Triple3 = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, Term]
