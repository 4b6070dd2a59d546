"""Deterministic Turtle for entries: the same triples give the same bytes."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pyoxigraph as ox

from ..terms import DEF
from .terms import PREFIXES, RDF, T_TYPE, XSD, Triple

# The prefixes the files under data/publiek/ use (generated, the most consistent part of data/):
# the entries' short names (terms.PREFIXES, used in messages) with their long names where data/ differs.
WRITE_PREFIXES: dict[str, str] = {("toekenning" if p == "toek" else p): ns for p, ns in PREFIXES.items()}
WRITE_PREFIXES.update({"coordinatie": "https://w3id.org/rdgraph/id/coordinatie/",
                       "wijziging": "https://w3id.org/rdgraph/id/organisatiewijziging/",
                       "begrippenkader": "https://w3id.org/rdgraph/id/begrippenkader/"})

_INT_RE = re.compile(r"^[+-]?[0-9]+$")
_PN_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?$")
_SUBJECT_RANK = {DEF + "RegioDeal": 0, DEF + "Intervention": 1, DEF + "FundingAmount": 2,
                 DEF + "ThemeAttribution": 3, RDF + "Statement": 5}


def _turtle_term(term, bnodes: dict) -> str:
    if isinstance(term, ox.NamedNode):
        for p, ns in sorted(WRITE_PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if term.value.startswith(ns) and _PN_LOCAL.match(term.value[len(ns):]):
                return f"{p}:{term.value[len(ns):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return bnodes[term]
    if term.language:
        return _quote(term.value) + "@" + term.language
    dt = term.datatype.value
    if dt == XSD + "string":
        return _quote(term.value)
    if dt == XSD + "integer" and _INT_RE.match(term.value):
        return term.value
    if dt == XSD + "boolean" and term.value in ("true", "false"):
        return term.value
    return _quote(term.value) + "^^" + _turtle_term(ox.NamedNode(dt), bnodes)


def _quote(s: str) -> str:
    return '"' + (s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                  .replace("\r", "\\r").replace("\t", "\\t")) + '"'


def to_turtle(triples: Iterable[Triple], header: str = "") -> str:
    """Sorted, deterministic Turtle with the project's prefixes: the same triples give the same bytes.

    Subjects: deals, interventions, amounts, attributions, other nodes, then statements; within each
    by IRI. Predicates: rdf:type first, then by prefixed name; objects sorted. Blank nodes get
    labels from their sorted content, so they are stable too.
    """
    uniq = sorted(set(triples), key=str)
    subjects: dict = {}
    for s, p, o in uniq:
        subjects.setdefault(s, []).append((p, o))
    # stable blank node labels: by the sorted text of their own triples (ignoring other blank nodes)
    bkeys = {}
    for s, po in subjects.items():
        if isinstance(s, ox.BlankNode):
            bkeys[s] = "|".join(sorted(f"{p.value} {'_' if isinstance(o, ox.BlankNode) else str(o)}" for p, o in po))
    bnodes: dict = {}
    for po in subjects.values():
        for _p, o in po:
            if isinstance(o, ox.BlankNode):
                bkeys.setdefault(o, "")
    for i, b in enumerate(sorted(bkeys, key=lambda b: (bkeys[b], str(b)))):
        bnodes[b] = f"_:b{i}"

    def rank(s) -> tuple:
        types = [o.value for p, o in subjects[s] if p == T_TYPE and isinstance(o, ox.NamedNode)]
        r = min([_SUBJECT_RANK.get(t, 4) for t in types] or [4])
        return (r, _turtle_term(s, bnodes))

    used: set[str] = set()
    body: list[str] = []
    for s in sorted(subjects, key=rank):
        po = sorted(subjects[s], key=lambda x: (x[0] != T_TYPE, _turtle_term(x[0], bnodes),
                                                  _turtle_term(x[1], bnodes)))
        lines = [_turtle_term(s, bnodes)]
        groups: list[tuple[str, list[str]]] = []
        for p, o in po:
            ps = "a" if p == T_TYPE else _turtle_term(p, bnodes)
            if groups and groups[-1][0] == ps:
                groups[-1][1].append(_turtle_term(o, bnodes))
            else:
                groups.append((ps, [_turtle_term(o, bnodes)]))
        for i, (ps, objs) in enumerate(groups):
            end = " ." if i == len(groups) - 1 else " ;"
            lines.append(f"    {ps} " + " ,\n        ".join(objs) + end)
        block = "\n".join(lines)
        body.append(block)
        unquoted = re.sub(r'"(?:[^"\\]|\\.)*"', "", block)
        used.update(re.findall(r"(?<![\w\"<])([a-z][a-z0-9]*):(?=[A-Za-z0-9_])", unquoted))
    pre = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(WRITE_PREFIXES.items()) if p in used]
    return header + "\n".join(pre) + "\n\n" + "\n\n".join(body) + "\n"
