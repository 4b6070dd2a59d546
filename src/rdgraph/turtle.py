"""The one Turtle (and TriG) writer: deterministic, pretty, with the project's prefixes.

Used by ``add`` (entries), ``export``, the ``new-deal`` template, the validation report and the pages.
The same statements give the same bytes: blank nodes get labels from a hash of their description,
statements are sorted (subjects by an optional rank, then by N-Triples; ``rdf:type`` first), and only
the prefixes of :data:`rdgraph.namespaces.PREFIXES` that the statements use are declared, alphabetically.
pyoxigraph's serializer does the writing (grouping with ``;`` and ``,``, numbers and booleans bare).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

import pyoxigraph as ox

from .namespaces import PREFIXES, RDF, WRITER_PREFIXES
from .terms import to_ntriples

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Triple3 = tuple  # (subject, predicate, object) of pyoxigraph terms

_NS_PREFIX = {ns: p for p, ns in WRITER_PREFIXES.items()}


# ---------------------------------------------------------------- stable blank-node labels

def stable_bnode_labels(triples: list[Triple3], rounds: int = 3) -> dict[str, str]:
    """A label for each blank node from a hash of its description (a Weisfeiler-Lehman refinement).

    Round 0 hashes the triples a blank node takes part in, with other blank nodes written as ``_``;
    each further round adds the labels of neighbouring blank nodes. Blank nodes that still share a
    hash have identical descriptions, so which of them gets which suffix does not change the output.
    """
    edges: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
    for s, p, o in triples:
        s_b = isinstance(s, ox.BlankNode)
        o_b = isinstance(o, ox.BlankNode)
        if s_b:
            edges[s.value].append(("out", p.value, o.value) if o_b else ("out", f"{p.value} {to_ntriples(o)}", None))
        if o_b:
            edges[o.value].append(("in", p.value, s.value) if s_b else ("in", f"{p.value} {to_ntriples(s)}", None))
    labels = {b: "" for b in edges}
    for _ in range(rounds):
        new = {}
        for b, es in edges.items():
            parts = sorted(f"{d}|{k}|{labels[n] if n is not None else ''}" for d, k, n in es)
            new[b] = hashlib.sha256("\n".join(parts).encode()).hexdigest()
        done = len(set(new.values())) == len(set(labels.values())) and all(labels.values())
        labels = new
        if done:
            break
    out: dict[str, str] = {}
    seen: Counter = Counter()
    for b in sorted(edges, key=lambda x: (labels[x], x)):
        h = labels[b][:16]
        seen[h] += 1
        out[b] = "b" + h + (f"x{seen[h]}" if seen[h] > 1 else "")
    return out


def relabel(t: Term, labels: dict[str, str]) -> Term:
    return ox.BlankNode(labels[t.value]) if isinstance(t, ox.BlankNode) else t


def _order(t: Triple3) -> tuple:
    return (to_ntriples(t[0]), t[1].value, to_ntriples(t[2]))


def canonical_triples(triples: Iterable[Triple3]) -> list[Triple3]:
    """Distinct triples with stable blank-node labels, sorted by their N-Triples text."""
    ts = list(dict.fromkeys(triples))
    labels = stable_bnode_labels(ts)
    return sorted({(relabel(s, labels), p, relabel(o, labels)) for s, p, o in ts}, key=_order)


# ---------------------------------------------------------------- prefixes

def _prefix_of(iri: str) -> str | None:
    cut = max(iri.rfind("/"), iri.rfind("#")) + 1
    return _NS_PREFIX.get(iri[:cut]) if cut < len(iri) else None


def used_prefixes(terms: Iterable[Term | None]) -> dict[str, str]:
    """The table's prefixes the terms (IRIs, and literals' datatypes) need, in alphabetical order."""
    names: set[str] = set()
    for t in terms:
        if isinstance(t, ox.NamedNode):
            p = _prefix_of(t.value)
        elif isinstance(t, ox.Literal) and not t.language:
            p = _prefix_of(t.datatype.value)
        else:
            continue
        if p is not None:
            names.add(p)
    return {p: PREFIXES[p] for p in sorted(names)}


def _layout(data: bytes, blocks: bool) -> bytes:
    """The prologue sorted and followed by an empty line; with ``blocks`` an empty line before each subject
    (pyoxigraph escapes line breaks inside literals, so a line that starts in column 0 starts a subject)."""
    lines = data.split(b"\n")
    n = 0
    while n < len(lines) and lines[n].startswith(b"@prefix "):
        n += 1
    body = lines[n:]
    if blocks:
        body = [x for i, line in enumerate(body) for x in ((b"", line) if i and line[:1] not in (b"\t", b" ", b"")
                                                          else (line,))]
    return b"\n".join(sorted(lines[:n]) + ([b""] if n else []) + body)


# ---------------------------------------------------------------- writing

def serialize(statements: Iterable, fmt: ox.RdfFormat = ox.RdfFormat.TURTLE, *, header: str = "",
              rank: Callable[[set], int] | None = None, canonical: bool = True) -> bytes:
    """Triples (Turtle) or quads (TriG) written deterministically with the project's prefixes.

    ``rank`` orders subjects by their rdf:types before their N-Triples text (e.g. deals before their parts);
    ``canonical=False`` keeps blank-node labels (when the caller already made them stable).
    """
    items = list(dict.fromkeys(tuple(q) for q in statements))
    quads = fmt is ox.RdfFormat.TRIG
    if canonical:
        labels = stable_bnode_labels([(q[0], q[1], q[2]) for q in items])
        items = list(dict.fromkeys(
            (relabel(q[0], labels), q[1], relabel(q[2], labels), *q[3:]) for q in items))
    rdf_type = RDF.type
    types: dict = defaultdict(set)
    if rank is not None:
        for q in items:
            if q[1] == rdf_type:
                types[q[0]].add(q[2])

    def key(q: tuple) -> tuple:
        g = "" if len(q) < 4 or isinstance(q[3], ox.DefaultGraph) else q[3].value
        s_nt = to_ntriples(q[0])
        return (g, rank(types[q[0]]) if rank else 0, s_nt, q[1] != rdf_type, q[1].value, to_ntriples(q[2]))

    items.sort(key=key)
    terms = [t for q in items for t in q[:3]] + [q[3] for q in items if quads and len(q) > 3]
    prefixes = used_prefixes(terms)
    if quads:
        out = [ox.Quad(q[0], q[1], q[2], q[3] if len(q) > 3 else ox.DefaultGraph()) for q in items]
    else:
        out = [ox.Triple(q[0], q[1], q[2]) for q in items]
    data = _layout(ox.serialize(out, format=fmt, prefixes=prefixes), blocks=not quads)
    return header.encode("utf-8") + data


def write(statements: Iterable, fmt: ox.RdfFormat) -> bytes:
    """Statements in any RDF format pyoxigraph writes: Turtle and TriG by :func:`serialize`, the others
    with the used prefixes of the table (RDF/XML, JSON-LD) or none (N-Triples, N-Quads)."""
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        return serialize(statements, fmt)
    items = list(statements)
    if fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS):
        return ox.serialize(items, format=fmt)
    return ox.serialize(items, format=fmt, prefixes=used_prefixes(t for q in items for t in tuple(q)[:3]))


def to_turtle(triples: Iterable[Triple3], header: str = "", rank: Callable[[set], int] | None = None) -> str:
    """:func:`serialize` as text, for triples."""
    return serialize(triples, ox.RdfFormat.TURTLE, header=header, rank=rank).decode("utf-8")


__all__ = ["serialize", "write", "to_turtle", "used_prefixes", "canonical_triples", "stable_bnode_labels",
           "relabel"]
