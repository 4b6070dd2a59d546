"""Closest existing names for a misspelt term or reference."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

import pyoxigraph as ox

from ..terms import ID
from .index import GraphIndex
from .terms import SEGMENT_CLASS, short


def close_matches(word: str, candidates: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    cands = list(candidates)
    return difflib.get_close_matches(word, cands, n=n, cutoff=cutoff)



def normalise_name(name: str) -> str:
    n = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    n = re.sub(r"^regio ?deal\s*", "", n.strip())
    return re.sub(r"[\s\-–_,.:;'\"]+", " ", n).strip()



def suggest_terms(iri: str, candidates: list[str]) -> list[str]:
    local = re.split(r"[#/]", iri)[-1]
    by_local: dict[str, list[str]] = {}
    for c in candidates:
        by_local.setdefault(re.split(r"[#/]", c)[-1].lower(), []).append(c)
    hits = close_matches(local.lower(), by_local, n=3, cutoff=0.6)
    out: list[str] = []
    for h in hits:
        same_ns = [c for c in by_local[h] if c.startswith(iri[: len(iri) - len(local)])]
        out.extend(same_ns or by_local[h])
    return out[:3]


def suggest_refs(gi: GraphIndex, iri: str, prop: str) -> list[str]:
    rest = iri[len(ID):]
    seg, _, slug = rest.partition("/")
    cls = SEGMENT_CLASS.get(seg) or gi.range_of(prop)
    cands: list[str] = gi.instances(cls) if cls else []
    if not cands:
        return []
    by_slug: dict[str, str] = {}
    for c in cands:
        if c.startswith(ID + seg + "/"):
            by_slug.setdefault(c[len(ID + seg + "/"):], c)
        else:
            by_slug.setdefault(c.rsplit("/", 1)[-1], c)
    hits = close_matches(slug, by_slug, n=3, cutoff=0.5)
    out = []
    for h in hits:
        c = by_slug[h]
        lab = gi.label(ox.NamedNode(c), "nl")
        out.append(f"{short(c)} ({lab})" if lab else short(c))
    return out

