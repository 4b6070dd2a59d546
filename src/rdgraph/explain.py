"""``rdgraph why``: how an inferred triple follows from asserted ones."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from .errors import ParameterError
from .terms import DEF, ID, shorten

PREFIXES = {
    "rdg": DEF,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def resolve(text: str) -> ox.NamedNode:
    """A term from the command line: a full IRI, ``<IRI>``, ``prefix:name``, ``a``, or ``type/ref``."""
    t = text.strip()
    if t == "a":
        return ox.NamedNode(PREFIXES["rdf"] + "type")
    if t.startswith("<") and t.endswith(">"):
        t = t[1:-1]
    if t.startswith(("http://", "https://", "urn:")):
        return ox.NamedNode(t)
    if ":" in t:
        prefix, local = t.split(":", 1)
        if prefix in PREFIXES:
            return ox.NamedNode(PREFIXES[prefix] + local)
        raise ParameterError(f"unknown prefix {prefix!r} in {text!r}", "known: " + ", ".join(PREFIXES))
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

    def render(self, indent: int = 0) -> str:
        s, p, o = (shorten(x.value) if isinstance(x, ox.NamedNode) else str(x) for x in self.triple)
        pad = "  " * indent
        if self.asserted:
            return f"{pad}{s} {p} {o}   [asserted]"
        out = [f"{pad}{s} {p} {o}   [inferred by {self.rule}]"]
        out += [prem.render(indent + 1) for prem in self.premises]
        return "\n".join(out)


def explain(kg, s: str, p: str, o: str) -> Explanation:
    from .reasoning import reason

    subj, pred = resolve(s), resolve(p)
    try:
        obj: ox.NamedNode | ox.Literal = resolve(o)
    except ParameterError:
        obj = ox.Literal(o)
    asserted = set(kg.triples())
    target = (subj, pred, obj)
    if target in asserted:
        return Explanation(target, True)
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
