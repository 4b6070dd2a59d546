"""The DCAT and VoID description every export carries: the dataset, its distributions, VoID statistics.

The dates come from the ontology (``issued``) and the last commit of the checkout or ``SOURCE_DATE_EPOCH``
(``modified``), never from the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import subprocess
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..namespaces import BASE, DATASET, DEF, ID, ONTOLOGY, SD, VOCABULARIES
from ..terms import XSD, to_ntriples
from ..version import __version__
from .formats import FORMATS, NAMESPACES, Triple3

if TYPE_CHECKING:
    from ..store import KnowledgeGraph

RDF, DCAT, VOID, DCT, FOAF = (VOCABULARIES[p] for p in ("rdf", "dcat", "void", "dcterms", "foaf"))
DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
_nt = to_ntriples


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _lit(value: object, datatype: str | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    if datatype:
        return ox.Literal(str(value), datatype=_n(datatype))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_n(XSD + "integer"))
    return ox.Literal(str(value))


def _slug(iri: str) -> str:
    for prefix, ns in sorted(NAMESPACES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and re.fullmatch(r"[A-Za-z0-9_-]+", iri[len(ns):]):
            return f"{prefix}-{iri[len(ns):]}"
    return hashlib.sha256(iri.encode()).hexdigest()[:16]


def modified_date(root: Path | None, issued: str | None) -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    if root is not None and (root / ".git").exists():
        try:
            out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%cs", "--", "ontology", "data"],
                                 capture_output=True, text=True, timeout=10, check=False)
            if out.returncode == 0 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", out.stdout.strip()):
                return out.stdout.strip()
        except (OSError, subprocess.SubprocessError):
            pass
    return issued or "1970-01-01"


def void_statistics(triples: list[Triple3]) -> dict:
    """VoID numbers of a set of triples: totals and class and property partitions."""
    rdf_type = RDF + "type"
    subjects: set[str] = set()
    objects: set[str] = set()
    per_prop: Counter = Counter()
    per_class: dict[str, set[str]] = defaultdict(set)
    for s, p, o in triples:
        ks = _nt(s)
        subjects.add(ks)
        objects.add(_nt(o))
        per_prop[p.value] += 1
        if p.value == rdf_type and isinstance(o, ox.NamedNode):
            per_class[o.value].add(ks)
    entities = {_nt(s) for s, _, _ in triples if isinstance(s, ox.NamedNode)}
    return {
        "triples": len(triples),
        "entities": len(entities),
        "classes": len(per_class),
        "properties": len(per_prop),
        "distinctSubjects": len(subjects),
        "distinctObjects": len(objects),
        "classPartitions": {c: len(v) for c, v in sorted(per_class.items())},
        "propertyPartitions": dict(sorted(per_prop.items())),
    }


def dataset_description(kg: KnowledgeGraph, data: list[Triple3], *, inferred: bool,
                        subsets: dict[str, int] | None = None, version: str | None = None) -> list[Triple3]:
    """DCAT + VoID triples describing an export of ``data`` (the triples as exported)."""
    ont = _n(ONTOLOGY)
    lic = next((q.object for q in kg.store.quads_for_pattern(ont, _n(DCT + "license"), None)), None)
    issued_t = next((q.object for q in kg.store.quads_for_pattern(ont, _n(DCT + "issued"), None)), None)
    issued = issued_t.value if isinstance(issued_t, ox.Literal) else None
    modified = modified_date(kg.root, issued)
    if issued and modified < issued:
        modified = issued

    d = _n(DATASET)
    a = _n(RDF + "type")
    out: list[Triple3] = []

    def add(s, p, o) -> None:
        out.append((s, _n(p) if isinstance(p, str) else p, o))

    add(d, a, _n(DCAT + "Dataset"))
    add(d, a, _n(VOID + "Dataset"))
    add(d, DCT + "title", _lit("rdgraph: kennisgraaf van de Regio Deals", lang="nl"))
    add(d, DCT + "title", _lit("rdgraph: the Regio Deals knowledge graph", lang="en"))
    extra_nl = " Inclusief de afgeleide triples van de redeneerder." if inferred else ""
    extra_en = " Includes the triples entailed by the reasoner." if inferred else ""
    add(d, DCT + "description", _lit(
        "Ontologie en gebronde feiten over de Regio Deals: deals, tranches, opgaven (rode draden), "
        "interventies, instrumenten, organisaties, evaluaties, bevindingen en de feedbackloop tussen Rijk "
        "en regio, met herkomst per feit." + extra_nl, lang="nl"))
    add(d, DCT + "description", _lit(
        "Ontology and sourced facts about the Dutch Regio Deals: deals, tranches, opgaven (recurring "
        "themes), interventions, instruments, organisations, evaluations, findings and the feedback loop "
        "between national government and regions, with the provenance of every fact." + extra_en, lang="en"))
    add(d, DCT + "license", lic if isinstance(lic, ox.NamedNode) else _n(DEFAULT_LICENSE))
    publisher = _n(BASE + "project")
    add(d, DCT + "publisher", publisher)
    add(publisher, a, _n(FOAF + "Agent"))
    add(publisher, _n(FOAF + "name"), _lit("rdgraph project"))
    if issued:
        add(d, DCT + "issued", _lit(issued, XSD + "date"))
    add(d, DCT + "modified", _lit(modified, XSD + "date"))
    add(d, _n(DCAT + "version"), _lit(version or __version__))
    add(d, DCT + "conformsTo", ont)
    add(d, _n(VOID + "vocabulary"), _n(DEF))
    add(d, _n(VOID + "uriSpace"), _lit(ID))
    for kw in ("Regio Deals", "kennisgraaf", "knowledge graph", "rode draden"):
        add(d, _n(DCAT + "keyword"), _lit(kw, lang="en" if kw == "knowledge graph" else "nl"))
    for name, f in FORMATS.items():
        dist = _n(f"{DATASET}/distribution/{name}")
        add(d, _n(DCAT + "distribution"), dist)
        add(dist, a, _n(DCAT + "Distribution"))
        add(dist, DCT + "title", _lit(f"rdgraph als {f.title_nl}", lang="nl"))
        add(dist, DCT + "title", _lit(f"rdgraph as {f.title_en}", lang="en"))
        add(dist, _n(DCAT + "mediaType"), _n("https://www.iana.org/assignments/media-types/" + f.media_type))
        add(dist, DCT + "format", _n(f.w3c_format))
        add(dist, _n(DCAT + "downloadURL"), _n(f"{DATASET}/rdgraph.{f.extension}"))
        add(dist, DCT + "license", lic if isinstance(lic, ox.NamedNode) else _n(DEFAULT_LICENSE))
        add(d, _n(VOID + "dataDump"), _n(f"{DATASET}/rdgraph.{f.extension}"))

    st = void_statistics(data)
    xint = XSD + "integer"
    for key in ("triples", "entities", "classes", "properties", "distinctSubjects", "distinctObjects"):
        add(d, _n(VOID + key), _lit(st[key], xint))
    for cls, n in st["classPartitions"].items():
        part = _n(f"{DATASET}/class/{_slug(cls)}")
        add(d, _n(VOID + "classPartition"), part)
        add(part, _n(VOID + "class"), _n(cls))
        add(part, _n(VOID + "entities"), _lit(n, xint))
    for prop, n in st["propertyPartitions"].items():
        part = _n(f"{DATASET}/property/{_slug(prop)}")
        add(d, _n(VOID + "propertyPartition"), part)
        add(part, _n(VOID + "property"), _n(prop))
        add(part, _n(VOID + "triples"), _lit(n, xint))
    for graph, n in (subsets or {}).items():
        sub = _n(f"{DATASET}/graph/{graph.rsplit('/', 1)[-1]}")
        add(d, _n(VOID + "subset"), sub)
        add(sub, a, _n(VOID + "Dataset"))
        add(sub, SD.name, _n(graph))
        add(sub, _n(VOID + "triples"), _lit(n, xint))
    return out
