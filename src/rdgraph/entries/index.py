"""What the entry checks need from the current graph: indexed lookups and the context of an entry."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from ..namespaces import DEF, GRAPH_ASSERTED, OWL, RDF, RDFS, RDG
from .terms import KNOWN_EXTERNAL, Triple

ASSERTED = ox.NamedNode(GRAPH_ASSERTED)


class GraphIndex:
    """What the entry checks need from the current graph, read with indexed pattern lookups."""

    def __init__(self, store: ox.Store, graph: ox.NamedNode = ASSERTED) -> None:
        self.store = store
        self.g = graph
        self._subclass: list[Triple] | None = None
        self._terms: dict[str, str] | None = None

    def any(self, s=None, p=None, o=None) -> bool:
        for _ in self.store.quads_for_pattern(s, p, o, self.g):
            return True
        return False

    def triples(self, s=None, p=None, o=None) -> list[Triple]:
        return [(q.subject, q.predicate, q.object) for q in self.store.quads_for_pattern(s, p, o, self.g)]

    def subclass_triples(self) -> list[Triple]:
        if self._subclass is None:
            self._subclass = self.triples(None, RDFS.subClassOf, None)
        return self._subclass

    def ontology_terms(self) -> dict[str, str]:
        """IRI -> 'class' | 'property' for every term the ontology defines (rdfs:isDefinedBy or typed)."""
        if self._terms is None:
            kinds = {OWL.Class: "class", RDFS.Class: "class",
                     OWL.ObjectProperty: "property", OWL.DatatypeProperty: "property",
                     OWL.AnnotationProperty: "property", RDF.Property: "property"}
            terms: dict[str, str] = {}
            for k, v in kinds.items():
                for s, _p, _o in self.triples(None, RDF.type, k):
                    if isinstance(s, ox.NamedNode):
                        terms[s.value] = v
            self._terms = terms
        return self._terms

    def is_known_term(self, iri: str, as_class: bool) -> bool:
        if iri in self.ontology_terms() or iri in KNOWN_EXTERNAL:
            return True
        if iri.startswith(DEF):
            return False
        n = ox.NamedNode(iri)
        # a term of another vocabulary is known when the graph already uses it the same way
        return self.any(None, RDF.type, n) if as_class else self.any(None, n, None)

    def range_of(self, prop: str) -> str | None:
        for _s, _p, o in self.triples(ox.NamedNode(prop), RDFS.range, None):
            if isinstance(o, ox.NamedNode):
                return o.value
        return None

    def instances(self, cls: str) -> list[str]:
        """Instances of a class, also through subclasses (the inferred graph has the closure)."""
        out = {q.subject.value for q in self.store.quads_for_pattern(None, RDF.type, ox.NamedNode(cls), None)
               if isinstance(q.subject, ox.NamedNode)}
        return sorted(out)

    def label(self, node, lang: str) -> str | None:
        best = None
        for _s, _p, o in self.triples(node, RDFS.label, None):
            if isinstance(o, ox.Literal):
                if o.language == lang:
                    return o.value
                best = best or o.value
        return best


@dataclass
class Context:
    triples: list[Triple]          # from the graph: what the shapes need about the entry's neighbourhood
    neighbours: set                # existing nodes whose SPARQL constraints the entry can change


def context_triples(gi: GraphIndex, entry: list[Triple], seq_props: Iterable[str] = ()) -> Context:
    """Exactly the triples the shapes need, from the graph, to validate the entry's nodes.

    * every asserted triple of an entry subject that already exists in the graph (an entry that adds
      to an existing node is validated with the node's existing facts);
    * rdf:type of every node referenced (and of referenced nodes' sequence-path values), plus the
      ontology's rdfs:subClassOf triples, so sh:class and sh:targetClass see the class hierarchy;
    * for rdf:Statements of the entry: the triple they describe, if the graph has it;
    * for funding amounts of the entry: the other amounts of the same thing (the Rijk's share vs the
      total budget is a SPARQL constraint across amounts), with their references' types.
    """
    ctx: set[Triple] = set(gi.subclass_triples())
    subjects = {s for s, _p, _o in entry}
    seq = [ox.NamedNode(p) for p in seq_props]
    for s in subjects:
        if isinstance(s, ox.NamedNode):
            ctx.update(gi.triples(s, None, None))
    neighbours: set = set()
    for _s, p, o in entry:
        if p == RDG.fundingOf and isinstance(o, ox.NamedNode):
            for a, _p2, _o2 in gi.triples(None, RDG.fundingOf, o):
                if a not in subjects:
                    neighbours.add(a)
                    ctx.update(gi.triples(a, None, None))
    stmts = {s for s, p, o in entry if p == RDF.type and o == RDF.Statement}
    for st in stmts:
        sp = {p: o for s, p, o in entry if s == st and p in (RDF.subject, RDF.predicate, RDF.object)}
        if len(sp) == 3 and isinstance(sp[RDF.predicate], ox.NamedNode) and \
                not isinstance(sp[RDF.subject], ox.Literal):
            q = ox.Quad(sp[RDF.subject], sp[RDF.predicate], sp[RDF.object], gi.g)
            if q in gi.store:
                ctx.add((q.subject, q.predicate, q.object))
    data = list(entry) + list(ctx)
    refs = {o for _s, _p, o in data if isinstance(o, ox.NamedNode)} - subjects
    refs |= {s for s, p, o in ctx if p != RDFS.subClassOf and isinstance(s, ox.NamedNode)} - subjects
    seen: set = set()
    todo = list(refs)
    while todo:
        r = todo.pop()
        if r in seen:
            continue
        seen.add(r)
        ctx.update(gi.triples(r, RDF.type, None))
        for p in seq:
            for t in gi.triples(r, p, None):
                ctx.add(t)
                if isinstance(t[2], ox.NamedNode):
                    todo.append(t[2])
    return Context(sorted(ctx, key=str), neighbours)

