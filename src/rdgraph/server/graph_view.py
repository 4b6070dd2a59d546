"""Read-only views of the loaded graph for the linked-data pages: labels, descriptions, links."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from ..namespaces import DEF, GRAPH_ASSERTED, GRAPH_INFERRED, ID, ONTOLOGY, short
from ..namespaces import OWL as _OWL
from ..namespaces import PROV as _PROV
from ..namespaces import RDF as _RDF
from ..namespaces import RDFS as _RDFS
from ..namespaces import SKOS as _SKOS

RDF, RDFS, SKOS = str(_RDF), str(_RDFS), str(_SKOS)
RDF_TYPE = _RDF.type.value
LABEL_PROPS = (_RDFS.label.value, _SKOS.prefLabel.value)
ASSERTED = ox.NamedNode(GRAPH_ASSERTED)
INFERRED = ox.NamedNode(GRAPH_INFERRED)

Term = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass(frozen=True)
class Arc:
    """One triple seen from a resource: the other end, and whether it is asserted or only inferred."""

    predicate: ox.NamedNode
    other: Term
    asserted: bool


def qname(iri: str) -> str:
    """A vocabulary term as ``prefix:name``; the things (under id/) and other IRIs in full."""
    if iri.startswith(ID):
        return iri
    s = short(iri)
    return iri if s.startswith("<") else s


def doc_path(iri: str) -> str | None:
    """The path of a thing's page on this server (/doc/... for things, /def/regiodeals#Term for the
    ontology's terms), or None for IRIs served elsewhere."""
    if iri.startswith(ID):
        return "/doc/" + iri[len(ID):]
    if iri == ONTOLOGY or iri.startswith(ONTOLOGY + "#"):
        return "/def/regiodeals" + iri[len(ONTOLOGY):]
    return None


class GraphView:
    """Labels and neighbourhoods of resources, computed from the server's store (read only)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        labels: dict[str, dict[str, str]] = defaultdict(dict)
        for prop in reversed(LABEL_PROPS):  # rdfs:label wins over skos:prefLabel
            for q in store.quads_for_pattern(None, ox.NamedNode(prop), None, None):
                if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal):
                    labels[q.subject.value][q.object.language or ""] = q.object.value
        self._labels = dict(labels)
        self.subjects = {q.subject.value for q in store.quads_for_pattern(None, None, None, None)
                         if isinstance(q.subject, ox.NamedNode)}

    # ---- labels
    def label(self, iri: str, lang: str = "nl") -> str:
        by_lang = self._labels.get(iri)
        if by_lang:
            for key in (lang, "nl" if lang != "nl" else "en", ""):
                if key in by_lang:
                    return by_lang[key]
            return next(iter(by_lang.values()))
        if iri.startswith(ID):
            return iri[len(ID):]
        return qname(iri)

    def labels(self, iri: str) -> dict[str, str]:
        return dict(self._labels.get(iri, {}))

    def exists(self, iri: str) -> bool:
        return iri in self.subjects

    # ---- neighbourhoods
    def _arcs(self, quads, pick) -> list[Arc]:
        seen: dict[tuple, bool] = {}
        for q in quads:
            key = (q.predicate, pick(q))
            seen[key] = seen.get(key, False) or q.graph_name == ASSERTED
        return [Arc(p, o, a) for (p, o), a in seen.items()]

    def outgoing(self, node: ox.NamedNode | ox.BlankNode) -> list[Arc]:
        return self._arcs(self.store.quads_for_pattern(node, None, None, None), lambda q: q.object)

    def incoming(self, node: ox.NamedNode) -> list[Arc]:
        return self._arcs(self.store.quads_for_pattern(None, None, node, None), lambda q: q.subject)

    def describe(self, iri: str) -> list[ox.Triple]:
        """The thing's description: its triples (asserted and inferred), the blank nodes they reach,
        and the rdf:Statement reifications of its triples (which carry their sources)."""
        node = ox.NamedNode(iri)
        out: dict[ox.Triple, None] = {}
        todo: list[ox.NamedNode | ox.BlankNode] = [node]
        seen: set = set()
        for q in self.store.quads_for_pattern(None, ox.NamedNode(RDF + "subject"), node, None):
            todo.append(q.subject)
        while todo:
            s = todo.pop()
            if s in seen:
                continue
            seen.add(s)
            for q in self.store.quads_for_pattern(s, None, None, None):
                out[ox.Triple(q.subject, q.predicate, q.object)] = None
                if isinstance(q.object, ox.BlankNode):
                    todo.append(q.object)
        return sorted(out, key=lambda t: (t.subject != node, str(t.subject)))

    # ---- the index
    def select(self, text: str) -> list[dict[str, Term]]:
        sol = self.store.query(text, use_default_graph_as_union=True)
        names = [v.value for v in sol.variables]
        return [{n: s[n] for n in names if s[n] is not None} for s in sol]

    def ontology_triples(self) -> list[ox.Triple]:
        """The ontology as asserted: every triple about the ontology or one of its terms."""
        out = []
        for q in self.store.quads_for_pattern(None, None, None, ASSERTED):
            s = q.subject
            if isinstance(s, ox.NamedNode) and (s.value == ONTOLOGY or s.value.startswith(ONTOLOGY + "#")):
                out.append(ox.Triple(s, q.predicate, q.object))
        return out

    def instances(self, class_iri: str) -> list[str]:
        return sorted({q.subject.value for q in self.store.quads_for_pattern(
            None, ox.NamedNode(RDF_TYPE), ox.NamedNode(class_iri), None) if isinstance(q.subject, ox.NamedNode)})


__all__ = ["Arc", "GraphView", "doc_path", "qname"]


# ---------------------------------------------------------------- helpers for the explorer's pages

RDG, PROV, OWL = DEF, str(_PROV), str(_OWL)


def objects(view: GraphView, s: str | ox.BlankNode, p: str) -> list[Term]:
    node = ox.NamedNode(s) if isinstance(s, str) else s
    seen: dict = {}
    for q in view.store.quads_for_pattern(node, ox.NamedNode(p), None, None):
        seen.setdefault(q.object, None)
    return list(seen)


def subjects(view: GraphView, p: str, o: str) -> list[str]:
    return sorted({q.subject.value for q in view.store.quads_for_pattern(None, ox.NamedNode(p), ox.NamedNode(o), None)
                   if isinstance(q.subject, ox.NamedNode)})


def types_of(view: GraphView, iri: str) -> set[str]:
    return {t.value for t in objects(view, iri, RDF_TYPE) if isinstance(t, ox.NamedNode)}


def literal_in(values: list[Term], lang: str) -> str | None:
    """The value of the literal in ``lang``, else one without language, else any."""
    lits = [v for v in values if isinstance(v, ox.Literal)]
    for want in (lang, "", None):
        for v in lits:
            if want is None or (v.language or "") == want:
                return v.value
    return None


def inverse_label(view: GraphView, p: str, lang: str) -> str:
    """How an incoming link reads from the object's side: the label of the owl:inverseOf property when
    there is one, else "is <range> van" / "is <range> of" (``rdg:addressesOpgave`` -> "is opgave van")."""
    node = ox.NamedNode(p)
    for q in view.store.quads_for_pattern(node, ox.NamedNode(OWL + "inverseOf"), None, None):
        return view.label(q.object.value, lang)
    for q in view.store.quads_for_pattern(None, ox.NamedNode(OWL + "inverseOf"), node, None):
        return view.label(q.subject.value, lang)
    ranges = sorted(o.value for o in objects(view, p, RDFS + "range")
                    if isinstance(o, ox.NamedNode) and o.value.startswith(RDG))
    noun = view.label(ranges[0], lang).split(" (")[0].lower() if ranges else view.label(p, lang)
    from ..messages import msg

    return msg("ui.inverse_of", lang, noun=noun)


def statement_sources(view: GraphView, iri: str, lang: str = "nl") -> dict[tuple[str, Term], list[tuple]]:
    """(predicate, object) -> footnotes (source IRI or None, note or None) from the rdf:Statement nodes
    reifying it: their prov:wasDerivedFrom, and the skos:note that explains an inference."""
    out: dict[tuple[str, Term], list[tuple]] = {}
    node = ox.NamedNode(iri)
    for q in view.store.quads_for_pattern(None, ox.NamedNode(RDF + "subject"), node, None):
        st = q.subject
        preds = objects(view, st, RDF + "predicate")
        objs = objects(view, st, RDF + "object")
        if not preds or not objs:
            continue
        key = (preds[0].value, objs[0])
        note = literal_in(objects(view, st, SKOS + "note"), lang)
        sources = [src.value for src in objects(view, st, PROV + "wasDerivedFrom") if isinstance(src, ox.NamedNode)]
        for entry in [(src, note) for src in sources] or ([(None, note)] if note else []):
            if entry not in out.setdefault(key, []):
                out[key].append(entry)
    return out
