"""``rdgraph why``: how an inferred triple follows from asserted ones."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from .errors import ParameterError
from .namespaces import ID, PREFIXES, PROV, RDF, RDG, SKOS, expand, shorten


def resolve(text: str) -> ox.NamedNode:
    """A term from the command line: a full IRI, ``<IRI>``, ``prefix:name``, ``a``, or ``type/ref``."""
    t = text.strip()
    if t == "a":
        return RDF.type
    if t.startswith("<") and t.endswith(">"):
        t = t[1:-1]
    if t.startswith(("http://", "https://", "urn:")):
        return ox.NamedNode(t)
    if ":" in t:
        iri = expand(t)
        if iri is not None:
            return ox.NamedNode(iri)
        raise ParameterError(f"unknown prefix {t.split(':', 1)[0]!r} in {text!r}", "known: " + ", ".join(PREFIXES))
    if "/" in t:
        return ox.NamedNode(ID + t)
    raise ParameterError(f"cannot read {text!r} as a term",
                         "give a full IRI, rdg:term, or a thing's reference such as regiodeal/twente")


@dataclass
class Explanation:
    triple: tuple
    asserted: bool
    rule: str | None = None
    premises: list[Explanation] = field(default_factory=list)
    authors_notes: list[str] = field(default_factory=list)   # asserted, but the data's authors derived it
    sources: list[str] = field(default_factory=list)

    def render(self, indent: int = 0) -> str:
        s, p, o = (shorten(x.value) if isinstance(x, ox.NamedNode) else str(x) for x in self.triple)
        pad = "  " * indent
        if self.asserted and self.authors_notes:
            out = [f"{pad}{s} {p} {o}   [asserted; derived by the data's authors (rdg:isInference true)]"]
            out += [f"{pad}  note: {n}" for n in self.authors_notes]
            if self.sources:
                out.append(f"{pad}  from: " + ", ".join(shorten(x) for x in self.sources))
            return "\n".join(out)
        if self.asserted:
            return f"{pad}{s} {p} {o}   [asserted]"
        out = [f"{pad}{s} {p} {o}   [inferred by {self.rule}]"]
        out += [prem.render(indent + 1) for prem in self.premises]
        return "\n".join(out)


def explain(kg, s: str, p: str, o: str, lang: str = "en") -> Explanation:
    from .reasoning import reason

    subj, pred = resolve(s), resolve(p)
    try:
        obj: ox.NamedNode | ox.Literal = resolve(o)
    except ParameterError:
        obj = ox.Literal(o)
    asserted = set(kg.triples())
    target = (subj, pred, obj)
    if target in asserted:
        notes, sources = authors_inference(asserted, target, lang)
        return Explanation(target, True, authors_notes=notes, sources=sources)
    closure = reason(asserted)
    if target not in closure.inferred:
        raise ParameterError("that triple is neither asserted nor inferred",
                             "check the terms with: rdgraph sparql 'SELECT * WHERE { <s> ?p ?o }'")

    def build(t, depth=0) -> Explanation:
        if t in asserted or depth > 50:
            return Explanation(t, True)
        d = closure.inferred[t]
        return Explanation(t, False, d.rule, [build(x, depth + 1) for x in d.premises])

    return build(target)


def authors_inference(asserted: set, target: tuple, lang: str = "en") -> tuple[list[str], list[str]]:
    """The notes (in ``lang``) and sources saying that an asserted triple is the data authors' inference.

    The one provenance rule: an ``rdf:Statement`` reifying the triple decides if there is one; otherwise
    the subject (a qualified node such as a feedback event carries ``rdg:isInference`` itself).
    """
    is_inf, note, derived = RDG.isInference, SKOS.note, PROV.wasDerivedFrom
    s, p, o = target
    by_subject: dict = {}
    for t in asserted:
        by_subject.setdefault(t[0], []).append(t)
    holders = [st for st, triples in by_subject.items()
               if {(RDF.subject, s), (RDF.predicate, p), (RDF.object, o)} <= {(t[1], t[2]) for t in triples}]
    holder = holders[0] if holders else s
    triples = by_subject.get(holder, [])
    if not any(t[1] == is_inf and isinstance(t[2], ox.Literal) and t[2].value == "true" for t in triples):
        return [], []
    notes = [t[2] for t in triples if t[1] == note and isinstance(t[2], ox.Literal)]
    picked = [n.value for n in notes if n.language == lang] or [n.value for n in notes]
    return picked, sorted(t[2].value for t in triples if t[1] == derived and isinstance(t[2], ox.NamedNode))
