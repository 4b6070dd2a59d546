"""The export itself: ``export(kg, fmt)`` gathers the triples (asserted, optionally inferred), sorts them,
gives blank nodes stable labels and adds the dataset description; the package docstring
(:mod:`rdgraph.export`) says what makes an export deterministic."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..errors import ParameterError
from ..namespaces import GRAPH_ASSERTED, GRAPH_INFERRED
from ..terms import to_ntriples
from ..turtle import canonical_triples, relabel, serialize, stable_bnode_labels
from .description import dataset_description
from .formats import FORMATS, NAMESPACES, Triple3
from .jsonld import load_context, to_jsonld

if TYPE_CHECKING:
    from ..store import KnowledgeGraph

_nt = to_ntriples


@dataclass
class Export:
    data: bytes
    format: str
    triples: int  # data triples (without the description)
    description_triples: int

    @property
    def media_type(self) -> str:
        return FORMATS[self.format].media_type


def graph_triples(kg: KnowledgeGraph, inferred: bool) -> tuple[list[Triple3], list[Triple3]]:
    asserted = [(q.subject, q.predicate, q.object) for q in
                kg.store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH_ASSERTED))]
    inf: list[Triple3] = []
    if inferred:
        inf = [(q.subject, q.predicate, q.object) for q in
               kg.store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH_INFERRED))]
    return asserted, inf  # type: ignore[return-value]


def export(kg: KnowledgeGraph, fmt: str = "turtle", *, inferred: bool = False, context: dict | None = None,
           version: str | None = None) -> Export:
    """The graph serialised deterministically in ``fmt`` (turtle, ntriples, jsonld, rdfxml, trig).

    ``version`` is the data release the export belongs to (its ``dcat:version``; default the package's)."""
    if fmt not in FORMATS:
        raise ParameterError(f"unknown export format {fmt!r}", "use one of: " + ", ".join(FORMATS))
    asserted, inf = graph_triples(kg, inferred)
    # stable labels over both graphs at once, so a blank node in both keeps one label
    asserted_keys = set(asserted)
    labels = stable_bnode_labels(list(dict.fromkeys(asserted + inf)))

    def relabel_all(ts: list[Triple3]) -> list[Triple3]:
        return sorted({(relabel(s, labels), p, relabel(o, labels)) for s, p, o in ts},  # type: ignore[misc]
                      key=lambda t: (_nt(t[0]), t[1].value, _nt(t[2])))

    asserted_c = relabel_all(asserted)
    inferred_c = relabel_all([t for t in inf if t not in asserted_keys])
    union = relabel_all(asserted + inf)
    subsets = {GRAPH_ASSERTED: len(asserted_c), GRAPH_INFERRED: len(inferred_c)} if inferred else None
    desc = canonical_triples(dataset_description(kg, union, inferred=inferred, subsets=subsets, version=version))
    f = FORMATS[fmt]

    if fmt == "trig":
        quads = [ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in desc]
        quads += [ox.Quad(s, p, o, ox.NamedNode(GRAPH_ASSERTED)) for s, p, o in asserted_c]
        quads += [ox.Quad(s, p, o, ox.NamedNode(GRAPH_INFERRED)) for s, p, o in inferred_c]
        data = serialize(quads, ox.RdfFormat.TRIG, canonical=False)
    elif fmt == "jsonld":
        ctx = context if context is not None else load_context(kg.root)
        if inferred:
            graphs = {"": desc, GRAPH_ASSERTED: asserted_c, GRAPH_INFERRED: inferred_c}
        else:
            graphs = {"": sorted(set(union) | set(desc), key=lambda t: (_nt(t[0]), t[1].value, _nt(t[2])))}
        data = to_jsonld(graphs, ctx)
    else:
        triples = sorted(set(union) | set(desc), key=lambda t: (_nt(t[0]), t[1].value, _nt(t[2])))
        if fmt == "ntriples":
            data = "".join(f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in triples).encode("utf-8")
        elif fmt == "turtle":
            data = serialize(triples, ox.RdfFormat.TURTLE, canonical=False)
        else:
            assert f.rdf_format is not None
            data = ox.serialize([ox.Triple(s, p, o) for s, p, o in triples], format=f.rdf_format,
                                prefixes={k: v for k, v in NAMESPACES.items() if k != "id"})
    return Export(data=data, format=fmt, triples=len(union), description_triples=len(desc))
