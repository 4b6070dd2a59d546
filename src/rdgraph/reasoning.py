"""A targeted OWL 2 RL forward chainer for exactly the entailments rdgraph's ontology uses.

owlrl is the reference semantics (see ``owlrl_inferred`` and the tests that compare the two on the
real graph); this engine is the everyday path: semi-naive, indexed, and it remembers for every
inferred triple the rule and the premises it came from, so ``rdgraph why`` can explain it.

Rules (names from the OWL 2 RL profile, table 4-9):
  schema: scm-sco, scm-spo (transitivity), scm-dom1/2, scm-rng1/2, scm-eqc1, scm-eqp1
  instances: cax-sco, cax-eqc, prp-dom, prp-rng, prp-spo1, prp-spo2 (chains of length >= 2),
             prp-inv1/2, prp-symp, prp-trp, prp-eqp
Not implemented (the ontology does not use them): owl:sameAs reasoning, restrictions, keys,
unions/intersections, cardinalities. ``check_consistency`` reports functional-property clashes,
which owlrl would turn into owl:sameAs or a datatype clash.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from .namespaces import OWL, RDF, RDFS, XSD

TYPE = RDF.type
FIRST = RDF.first
REST = RDF.rest
NIL = RDF.nil
SUBCLASS = RDFS.subClassOf
SUBPROP = RDFS.subPropertyOf
DOMAIN = RDFS.domain
RANGE = RDFS.range
INVERSE = OWL.inverseOf
EQCLASS = OWL.equivalentClass
EQPROP = OWL.equivalentProperty
CHAIN = OWL.propertyChainAxiom
TRANSITIVE = OWL.TransitiveProperty
SYMMETRIC = OWL.SymmetricProperty
FUNCTIONAL = OWL.FunctionalProperty

Triple = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal]


@dataclass(frozen=True)
class Derivation:
    rule: str
    premises: tuple[Triple, ...]


@dataclass
class Closure:
    """The result of reasoning: inferred triples (not in the input) with how each was derived."""

    inferred: dict[Triple, Derivation] = field(default_factory=dict)

    def triples(self) -> Iterable[Triple]:
        return self.inferred.keys()

    def __len__(self) -> int:
        return len(self.inferred)


class _Schema:
    def __init__(self, triples: set[Triple]) -> None:
        self.sub: dict = defaultdict(set)       # class -> direct superclasses
        self.subp: dict = defaultdict(set)      # property -> direct superproperties
        self.dom: dict = defaultdict(set)
        self.rng: dict = defaultdict(set)
        self.inv: dict = defaultdict(set)
        self.trans: set = set()
        self.sym: set = set()
        self.chains: list[tuple[ox.NamedNode, tuple]] = []
        lists: dict = {}
        firsts = {s: o for s, p, o in triples if p == FIRST}
        rests = {s: o for s, p, o in triples if p == REST}
        for s, p, o in triples:
            if p == SUBCLASS and not isinstance(o, ox.Literal):
                self.sub[s].add(o)
            elif p == EQCLASS:
                self.sub[s].add(o)
                self.sub[o].add(s)
            elif p == SUBPROP:
                self.subp[s].add(o)
            elif p == EQPROP:
                self.subp[s].add(o)
                self.subp[o].add(s)
            elif p == DOMAIN:
                self.dom[s].add(o)
            elif p == RANGE:
                self.rng[s].add(o)
            elif p == INVERSE:
                self.inv[s].add(o)
                self.inv[o].add(s)
            elif p == TYPE and o == TRANSITIVE:
                self.trans.add(s)
            elif p == TYPE and o == SYMMETRIC:
                self.sym.add(s)
            elif p == CHAIN:
                items, node = [], o
                while node != NIL and node in firsts:
                    items.append(firsts[node])
                    node = rests.get(node, NIL)
                lists[s] = tuple(items)
        self.chains = [(q, ch) for q, ch in lists.items() if len(ch) >= 2]


def _closure_of(direct: dict) -> dict:
    """Transitive closure (excluding reflexive pairs) of a relation given as node -> set."""
    out: dict = {}
    for start in list(direct):
        seen: set = set()
        stack = list(direct[start])
        while stack:
            n = stack.pop()
            if n in seen or n == start:
                continue
            seen.add(n)
            stack.extend(direct.get(n, ()))
        out[start] = seen
    return out


SCHEMA_PREDICATES = frozenset({SUBCLASS, SUBPROP, DOMAIN, RANGE, INVERSE, EQCLASS, EQPROP, CHAIN, FIRST, REST})


def changes_schema(triples: Iterable[Triple]) -> bool:
    """Whether triples add axioms the rules read (then an incremental run is not enough)."""
    return any(p in SCHEMA_PREDICATES or (p == TYPE and o in (TRANSITIVE, SYMMETRIC)) for _s, p, o in triples)


def _schema_level(base: set[Triple], schema: _Schema, supc: dict, supp: dict, add) -> None:
    """scm-sco, scm-spo (transitive subclass and subproperty), scm-eqc1, scm-eqp1 (from equivalences) and
    scm-dom1/2, scm-rng1/2 (domains and ranges along subproperties and superclasses), through ``add``."""
    for c, direct in schema.sub.items():
        for d in supc.get(c, ()):
            if d not in direct:
                mid = next(m for m in direct if m == d or d in supc.get(m, ()))
                add((c, SUBCLASS, d), "scm-sco", (c, SUBCLASS, mid), (mid, SUBCLASS, d))
    for p, direct in schema.subp.items():
        for q in supp.get(p, ()):
            if q not in direct:
                mid = next(m for m in direct if m == q or q in supp.get(m, ()))
                add((p, SUBPROP, q), "scm-spo", (p, SUBPROP, mid), (mid, SUBPROP, q))
    # scm-eqc1 / scm-eqp1 from equivalences
    for s, p, o in base:
        if p == EQCLASS:
            add((s, SUBCLASS, o), "scm-eqc1", (s, p, o))
            add((o, SUBCLASS, s), "scm-eqc1", (s, p, o))
        elif p == EQPROP:
            add((s, SUBPROP, o), "scm-eqp1", (s, p, o))
            add((o, SUBPROP, s), "scm-eqp1", (s, p, o))

    # scm-dom1/2, scm-rng1/2: domains and ranges inherited along subproperties and superclasses
    for decl, name, pred in ((schema.dom, "dom", DOMAIN), (schema.rng, "rng", RANGE)):
        props = set(decl) | set(supp)
        for p in props:
            for q in {p} | supp.get(p, set()):
                for c in decl.get(q, ()):
                    for d in {c} | supc.get(c, set()):
                        if q == p and d == c:
                            continue
                        if q == p:
                            add((p, pred, d), f"scm-{name}1", (p, pred, c), (c, SUBCLASS, d))
                        elif d == c:
                            add((p, pred, c), f"scm-{name}2", (q, pred, c), (p, SUBPROP, q))
                        else:
                            add((p, pred, d), f"scm-{name}2", (q, pred, d), (p, SUBPROP, q))


def reason(asserted: Iterable[Triple]) -> Closure:
    """Forward-chain the rules above over ``asserted``; returns only the triples not in the input.

    For a few triples added to a graph already reasoned over, see :func:`reason_into_store`.
    """
    base: set[Triple] = set(asserted)
    schema = _Schema(base)
    closure = Closure()
    known: set[Triple] = set(base)
    inferred = closure.inferred
    agenda: list[Triple] = []

    def add(t: Triple, rule: str, *premises: Triple) -> None:
        if t not in known:
            known.add(t)
            inferred[t] = Derivation(rule, premises)
            agenda.append(t)

    # ---- schema level (scm-*): transitive subclass/subproperty, domain/range propagation
    supc = _closure_of(schema.sub)
    supp = _closure_of(schema.subp)
    _schema_level(base, schema, supc, supp, add)

    # ---- instance level, semi-naive over an agenda
    by_ps: dict = defaultdict(lambda: defaultdict(set))   # p -> s -> {o}
    by_po: dict = defaultdict(lambda: defaultdict(set))   # p -> o -> {s}
    index_props = _index_props(schema)

    def index(t: Triple) -> None:
        s, p, o = t
        if p in index_props:
            by_ps[p][s].add(o)
            by_po[p][o].add(s)

    for t in base:
        index(t)
    agenda.extend(base)

    def on_pop(t: Triple) -> None:
        if t in inferred:
            index(t)

    _run(agenda, add, on_pop, schema, supc, supp,
         lambda p, s: by_ps[p].get(s, ()), lambda p, o: by_po[p].get(o, ()))
    return closure


def _index_props(schema: _Schema) -> set:
    return schema.trans | {p for _q, ch in schema.chains for p in ch}


def _run(agenda: list, add, on_pop, schema: _Schema, supc: dict, supp: dict, objects, subjects) -> None:
    """The instance rules over an agenda; ``objects(p, s)`` / ``subjects(p, o)`` look up known triples."""
    chain_heads: dict = defaultdict(list)
    for q, ch in schema.chains:
        for i, p in enumerate(ch):
            chain_heads[p].append((q, ch, i))
    while agenda:
        t = agenda.pop()
        s, p, o = t
        on_pop(t)
        if p == TYPE:
            for d in supc.get(o, ()):
                add((s, TYPE, d), "cax-sco", t, (o, SUBCLASS, d))
            continue
        o_is_res = not isinstance(o, ox.Literal)
        for q in supp.get(p, ()):
            add((s, q, o), "prp-spo1", t, (p, SUBPROP, q))
        for c in schema.dom.get(p, ()):
            add((s, TYPE, c), "prp-dom", t, (p, DOMAIN, c))
        if o_is_res:
            for c in schema.rng.get(p, ()):
                add((o, TYPE, c), "prp-rng", t, (p, RANGE, c))
            for q in schema.inv.get(p, ()):
                add((o, q, s), "prp-inv", t, (p, INVERSE, q))
            if p in schema.sym:
                add((o, p, s), "prp-symp", t, (p, TYPE, SYMMETRIC))
            if p in schema.trans:
                for z in list(objects(p, o)):
                    add((s, p, z), "prp-trp", t, (o, p, z))
                for w in list(subjects(p, s)):
                    add((w, p, o), "prp-trp", (w, p, s), t)
            for q, ch, i in chain_heads.get(p, ()):
                _chain(t, q, ch, i, objects, subjects, add)


def _chain(t: Triple, q, ch: tuple, i: int, objects, subjects, add) -> None:
    """prp-spo2: extend triple t (at position i of chain ch) both ways into complete chains."""
    s, _, o = t
    lefts: list[tuple] = [(s, (t,))]
    for j in range(i - 1, -1, -1):
        nxt = []
        for node, prem in lefts:
            for w in list(subjects(ch[j], node)):
                nxt.append((w, ((w, ch[j], node),) + prem))
        lefts = nxt
    rights: list[tuple] = [(o, ())]
    for j in range(i + 1, len(ch)):
        nxt = []
        for node, prem in rights:
            for z in list(objects(ch[j], node)):
                nxt.append((z, prem + ((node, ch[j], z),)))
        rights = nxt
    for start, lp in lefts:
        for end, rp in rights:
            add((start, q, end), "prp-spo2", *(lp + rp))


def reason_into_store(store: ox.Store, new: list[Triple]) -> Closure:
    """The consequences of ``new`` on top of a store that already holds a closed graph.

    The store (asserted and inferred triples, any graphs) is the index: nothing of the existing graph is
    copied into Python, so adding a small entry to a large graph costs in proportion to the entry. ``new``
    must add no schema axioms (:func:`changes_schema`); the schema is read from the store.
    """
    schema_triples: set[Triple] = set()
    for pred in SCHEMA_PREDICATES:
        for qd in store.quads_for_pattern(None, pred, None, None):
            schema_triples.add((qd.subject, qd.predicate, qd.object))
    for kind in (TRANSITIVE, SYMMETRIC):
        for qd in store.quads_for_pattern(None, TYPE, kind, None):
            schema_triples.add((qd.subject, qd.predicate, qd.object))
    schema = _Schema(schema_triples)
    supc = _closure_of(schema.sub)
    supp = _closure_of(schema.subp)
    index_props = _index_props(schema)
    closure = Closure()
    inferred = closure.inferred
    local: set[Triple] = set(new)
    by_ps: dict = defaultdict(lambda: defaultdict(set))
    by_po: dict = defaultdict(lambda: defaultdict(set))

    def in_store(t: Triple) -> bool:
        return next(iter(store.quads_for_pattern(t[0], t[1], t[2], None)), None) is not None

    def index(t: Triple) -> None:
        if t[1] in index_props:
            by_ps[t[1]][t[0]].add(t[2])
            by_po[t[1]][t[2]].add(t[0])

    for t in new:
        index(t)
    agenda: list[Triple] = list(new)

    def add(t: Triple, rule: str, *premises: Triple) -> None:
        if t not in local and not in_store(t):
            local.add(t)
            inferred[t] = Derivation(rule, premises)
            index(t)
            agenda.append(t)

    def objects(p, s):
        found = {q.object for q in store.quads_for_pattern(s, p, None, None)}
        return found | by_ps[p].get(s, set())

    def subjects(p, o):
        found = {q.subject for q in store.quads_for_pattern(None, p, o, None)}
        return found | by_po[p].get(o, set())

    _run(agenda, add, lambda t: None, schema, supc, supp, objects, subjects)
    return closure


def check_consistency(triples: Iterable[Triple]) -> list[str]:
    """Clashes OWL 2 RL would flag for this ontology: two values of a functional property."""
    triples = list(triples)
    functional = {s for s, p, o in triples if p == TYPE and o == FUNCTIONAL}
    values: dict = defaultdict(set)
    for s, p, o in triples:
        if p in functional:
            values[(s, p)].add(o)
    problems = []
    for (s, p), vals in sorted(values.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        if len(vals) > 1:
            shown = ", ".join(sorted(str(v) for v in vals))
            problems.append(f"{s} has {len(vals)} values for functional property {p}: {shown}")
    return problems


# ---------------------------------------------------------------- reference: owlrl

_BUILTIN = (str(RDF), str(RDFS), str(OWL), str(XSD))


def is_junk(t: tuple) -> bool:
    """Triples owlrl adds that say nothing about this graph (see module docs of the tests)."""
    s, p, o = (str(x) for x in t)
    if s == o and p in (OWL.sameAs.value, RDFS.subClassOf.value, RDFS.subPropertyOf.value,
                        OWL.equivalentClass.value, OWL.equivalentProperty.value):
        return True
    if o in (OWL.Thing.value, RDFS.Resource.value) or s == OWL.Nothing.value:
        return True
    if s.startswith(_BUILTIN):
        return True
    if p == RDF.type.value and o.startswith(_BUILTIN):
        # declarations like 'x a owl:Class', 'xsd:string a rdfs:Datatype', 'p a rdf:Property'
        return True
    return False


def owlrl_inferred(asserted_rdflib_graph):  # pragma: no cover - exercised by the tests
    """The reference: owlrl's OWL 2 RL closure minus the input, minus junk and blank-node typing."""
    import owlrl
    import rdflib

    g = rdflib.Graph()
    for t in asserted_rdflib_graph:
        g.add(t)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, rdfs_closure=False, axiomatic_triples=False,
                           datatype_axioms=False).expand(g)
    out = set()
    for t in g:
        if t in asserted_rdflib_graph:
            continue
        if any(isinstance(x, rdflib.BNode) for x in t):
            continue
        if isinstance(t[0], rdflib.Literal) or is_junk(t):
            continue
        out.add(t)
    return out
