"""Deterministic exports of the graph (Turtle, N-Triples, JSON-LD, RDF/XML, TriG) with DCAT and VoID.

The same graph gives byte-identical files, so exports diff cleanly in git:

- triples are sorted by their N-Triples text (graph, subject, predicate, object);
- blank nodes get stable labels from a hash of their description (the triples around them, refined
  a few rounds with the labels of neighbouring blank nodes), not the parser's random ids;
- the dataset description's dates come from the ontology (``issued``) and the last commit of the
  checkout or ``SOURCE_DATE_EPOCH`` (``modified``), never from the clock.

Every export carries a ``dcat:Dataset`` description with VoID statistics of the exported triples
(not counting the description itself). JSON-LD embeds the project's context (``context/rdgraph.jsonld``)
so no remote context is needed to read it.
"""

from .description import dataset_description, modified_date, void_statistics
from .formats import FORMATS, ExportFormat
from .graph import Export, export, graph_triples
from .jsonld import build_context, context_document, load_context, to_jsonld
from .ontology_docs import ontology_docs

__all__ = ["FORMATS", "ExportFormat", "Export", "export", "graph_triples", "build_context", "context_document",
           "load_context", "to_jsonld", "dataset_description", "void_statistics", "modified_date", "ontology_docs"]
