"""SHACL on an entry: pySHACL over the entry plus its context, results kept for the entry's nodes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..namespaces import DEF, SH, short
from ..validate import Finding
from .index import GraphIndex, context_triples
from .messages import shape_hint
from .report import EntryFinding
from .terms import Triple, node_id, show

_SHAPES_CACHE: dict[tuple, object] = {}


def shapes_for(root: Path):
    """The shapes graph (rdflib) and the properties used after the first step of sequence paths."""
    from ..paths import shape_files

    files = shape_files(root)
    key = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    hit = _SHAPES_CACHE.get(key)
    if hit is None:
        import rdflib

        from ..validate import shapes_graph

        g = shapes_graph(root)
        sh_path = rdflib.URIRef(SH.path.value)
        seq: set[str] = set()
        for path in g.objects(None, sh_path):
            if isinstance(path, rdflib.BNode) and (path, rdflib.RDF.first, None) in g:
                items = list(rdflib.collection.Collection(g, path))
                seq.update(str(i) for i in items[1:] if isinstance(i, rdflib.URIRef))
        hit = (g, frozenset(seq))
        _SHAPES_CACHE.clear()
        _SHAPES_CACHE[key] = hit
    return hit



_QUERY_CACHE: dict[tuple, object] = {}


class _PreparedQueries:
    """While active, rdflib reuses the parsed and translated form of a SPARQL text.

    pySHACL hands rdflib the text of each SHACL-SPARQL constraint on every call, and rdflib parses it
    again each time (~50 ms per query here): the bulk of validating a small entry. The translated
    query is not changed by evaluation, so reusing it gives the same results.
    """

    def __enter__(self) -> _PreparedQueries:
        from rdflib.plugins.sparql import processor

        self._orig = processor.SPARQLProcessor.query
        orig = self._orig

        def query(proc, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):  # noqa: N803
            if isinstance(strOrQuery, str):
                key = (strOrQuery, base, tuple(sorted((initNs or {}).items())))
                q = _QUERY_CACHE.get(key)
                if q is None:
                    q = processor.translateQuery(processor.parseQuery(strOrQuery), base, initNs)
                    if len(_QUERY_CACHE) > 256:
                        _QUERY_CACHE.clear()
                    _QUERY_CACHE[key] = q
                strOrQuery = q
            return orig(proc, strOrQuery, initBindings, initNs, base, DEBUG)

        processor.SPARQLProcessor.query = query
        return self

    def __exit__(self, *exc: object) -> None:
        from rdflib.plugins.sparql import processor

        processor.SPARQLProcessor.query = self._orig


def _rdflib_graph(triples: Iterable[Triple]):
    from ..convert import to_rdflib_graph

    return to_rdflib_graph(triples)


def shape_findings(gi: GraphIndex, root: Path, entry: list[Triple], lang: str = "nl") -> list[Finding]:
    """SHACL results for the entry's own nodes (and what it changes on neighbouring amounts).

    pySHACL runs on the small graph entry + context, and its results are kept for the entry's nodes.
    (pySHACL's own ``focus_nodes`` option is not used: in pySHACL 0.40 it also filters the value
    nodes of nested shapes, which gives false sh:qualifiedMaxCount results and misses sh:or/sh:not
    violations.)
    """
    from ..validate import run_pyshacl

    shapes, seq = shapes_for(root)
    ctx = context_triples(gi, entry, seq | CONTEXT_PROPS)
    subjects = {node_id(s) for s, _p, _o in entry}
    nb = {node_id(n) for n in ctx.neighbours}
    data = _rdflib_graph(list(entry) + ctx.triples)

    def mine(f: Finding) -> bool:
        return f.focus in subjects

    def touched(f: Finding) -> bool:  # a result elsewhere that names an entry node or a neighbour
        return not mine(f) and (f.focus in nb or (f.value is not None and (f.value in subjects or f.value in nb)))

    with _PreparedQueries():
        findings = [f for f in run_pyshacl(data, shapes, lang=lang) if mine(f) or touched(f)]
    if any(touched(f) for f in findings):
        # keep there only what the entry introduces (not the neighbours' existing problems)
        entry_set = set(entry)
        base = _rdflib_graph(t for t in ctx.triples if t not in entry_set)
        with _PreparedQueries():
            old = {_fkey(f) for f in run_pyshacl(base, shapes, lang=lang) if touched(f)}
        findings = [f for f in findings if mine(f) or _fkey(f) not in old]
    return findings


# what the SHACL-SPARQL rules read about referenced nodes: a predecessor's tranche, a tranche's
# number and selection date (shapes/deals.ttl, "rules the data implies")
CONTEXT_PROPS = frozenset({DEF + "tranche", DEF + "trancheNumber", DEF + "selectionDate"})


def _fkey(f: Finding) -> tuple:
    return (f.focus, f.path, f.value, f.constraint, f.shape, f.severity, f.message)


YEAR_PROPS = {"startYear", "endYear", "year"}
_IRI_IN_TEXT = re.compile(r"https?://[^\s()<>\"',]+")


def from_shape_result(f: Finding, triples: list[Triple], lang: str, src: str) -> EntryFinding:
    comp = (f.constraint or "").replace("ConstraintComponent", "")
    value = f.value
    if value is not None and f.path:
        for s, p, o in triples:
            if node_id(s) == f.focus and p.value == f.path and o.value == value:
                value = show(o)
                break
        else:
            if value.startswith(("http://", "https://")):
                value = short(value)
    hint_key = comp
    if comp in ("MinInclusive", "MaxInclusive") and f.path and f.path.rsplit("#", 1)[-1] in YEAR_PROPS:
        hint_key = "MinInclusiveYear"
    if comp == "SPARQL" and f.shape:
        hint_key = "SPARQL:" + f.shape.rsplit("#", 1)[-1]
        if hint_key == "SPARQL:PredecessorOrderShape" and f.value == f.focus:
            hint_key = "SPARQL:PredecessorSelf"
    hint = shape_hint(hint_key, lang, comp, path=short(f.path) if f.path else "", value=value or "")
    message = _IRI_IN_TEXT.sub(lambda m: short(m.group(0)), f.message)
    return EntryFinding(severity=f.severity, focus=f.focus, message=message, path=f.path, value=value,
                        value_nt=f.value_nt, shape=f.shape, constraint=f.constraint, hint=hint,
                        focus_label=f.focus_label, source_file=src, kind=f"sh:{comp}" if comp else "sh:?")
