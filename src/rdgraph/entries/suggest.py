"""Closest existing names for a misspelt term or reference: by IRI, label and alternative label.

Candidates are compared on their reference (the last segment of the IRI, hyphens read as spaces)
and on every rdfs:label, skos:prefLabel and skos:altLabel in Dutch and English; a candidate scores
its best match. The entry's own nodes come first (a typo in a reference to a node the same file
defines is far more likely than a reference to some other deal's part).
"""

from __future__ import annotations

import difflib
import re
import unicodedata

import pyoxigraph as ox

from ..namespaces import ID, RDFS, SKOS, short
from .index import GraphIndex
from .terms import SEGMENT_CLASS


def normalise_name(name: str) -> str:
    n = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    n = re.sub(r"^regio ?deal\s*", "", n.strip())
    return re.sub(r"[\s\-–_,.:;'\"]+", " ", n).strip()


def _key(text: str) -> str:
    """A name or IRI segment for comparison: ASCII, lower case, hyphens and underscores as spaces."""
    n = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    n = re.sub(r"([a-z])([A-Z])", r"\1 \2", n)
    return re.sub(r"[\s\-–_,.:;'\"/#]+", " ", n).strip()


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/"))[-1]


def _names(gi: GraphIndex, iri: str, own: dict | None = None) -> list[str]:
    """The reference and every label / alternative label (nl, en) of a candidate."""
    out = [_key(_local(iri))]
    node = ox.NamedNode(iri)
    triples = own.get(iri, []) if own is not None else []
    if not triples:
        triples = [t for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel) for t in gi.triples(node, p, None)]
    for _s, p, o in triples:
        if p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel) and isinstance(o, ox.Literal):
            out.append(_key(o.value))
    return out


def _score(word: str, names: list[str]) -> float:
    best = 0.0
    for n in names:
        if not n:
            continue
        r = difflib.SequenceMatcher(None, word, n).ratio()
        if word and (n.startswith(word) or word in n.split()):
            r = max(r, 0.75)
        best = max(best, r)
    return best


def rank(word: str, candidates: dict[str, list[str]], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Candidates (IRI -> names) ordered by their best match with ``word``, at least ``cutoff``."""
    w = _key(word)
    scored = [(_score(w, names), iri) for iri, names in candidates.items()]
    scored = [x for x in scored if x[0] >= cutoff]
    scored.sort(key=lambda x: (-x[0], x[1]))
    return [iri for _s, iri in scored[:n]]


def with_label(gi: GraphIndex, iri: str, own_labels: dict | None = None) -> str:
    lab = (own_labels or {}).get(iri) or gi.label(ox.NamedNode(iri), "nl")
    return f"{short(iri)} ({lab})" if lab else short(iri)


def suggest_terms(iri: str, candidates: list[str], gi: GraphIndex | None = None) -> list[str]:
    """Closest terms (properties, classes, concepts) by name and, with ``gi``, by label."""
    local = _local(iri)
    cands = {c: (_names(gi, c) if gi is not None else [_key(_local(c))]) for c in candidates}
    hits = rank(local, cands, n=5, cutoff=0.6)
    ns = iri[: len(iri) - len(local)]
    same = [h for h in hits if h.startswith(ns)]
    return (same + [h for h in hits if h not in same])[:3]


def suggest_refs(gi: GraphIndex, iri: str, prop: str, own: dict | None = None) -> list[str]:
    """Closest things of the expected kind: the entry's own nodes first, then the graph's.

    ``own`` maps the IRI of each node the entry defines to its triples (for its labels).
    """
    rest = iri[len(ID):]
    seg, _, slug = rest.partition("/")
    word = slug or seg
    own = own or {}
    own_cands = {c: _names(gi, c, own) for c in own if c != iri and (not seg or c.startswith(ID + seg + "/")
                                                                         or not c.startswith(ID))}
    own_hits = rank(word, own_cands, n=3, cutoff=0.6)
    cls = SEGMENT_CLASS.get(seg) or gi.range_of(prop)
    graph_cands = {c: _names(gi, c) for c in (gi.instances(cls) if cls else []) if c not in own_cands}
    graph_hits = rank(word, graph_cands, n=3, cutoff=0.5)
    own_labels = {c: next((o.value for _s, p, o in own[c] if p == RDFS.label and isinstance(o, ox.Literal)
                           and o.language == "nl"), None) for c in own_hits}
    return [with_label(gi, c, own_labels) for c in (own_hits + graph_hits)[:3]]
