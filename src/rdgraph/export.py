"""Deterministic exports of the graph (Turtle, N-Triples, JSON-LD, RDF/XML, TriG) with DCAT and VoID.

The same graph gives byte-identical files, so exports diff cleanly in git:

- triples are sorted by their N-Triples text (graph, subject, predicate, object);
- blank nodes get stable labels from a hash of their description (the triples around them, refined
  a few rounds with the labels of neighbouring blank nodes), not the parser's random ids;
- the dataset description's dates come from the ontology (``issued``) and the last commit of the
  checkout or ``SOURCE_DATE_EPOCH`` (``modified``), never from the clock.

Every export carries a ``dcat:Dataset`` description with VoID statistics of the exported triples
(not counting the description itself). JSON-LD embeds the project's context (``context/rdgraph.jsonld``)
so no remote context is needed to read it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import subprocess
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .errors import ParameterError
from .namespaces import (
    BASE,
    CONTEXT_PREFIXES,
    DATASET,
    DEF,
    GRAPH_ALL,
    GRAPH_ASSERTED,
    GRAPH_INFERRED,
    ID,
    ONTOLOGY,
    PREFIXES,
    SD,
    VOCABULARIES,
)
from .namespaces import (
    FORMATS as W3C_FORMATS,
)
from .namespaces import (
    short as short_iri,
)
from .terms import XSD, XSD_STRING, to_ntriples
from .turtle import canonical_triples, relabel, serialize, stable_bnode_labels
from .version import __version__

_nt = to_ntriples

if TYPE_CHECKING:
    from .store import KnowledgeGraph

RDF, RDFS, OWL, DCAT, VOID, DCT, FOAF = (VOCABULARIES[p] for p in
                                         ("rdf", "rdfs", "owl", "dcat", "void", "dcterms", "foaf"))
DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"

# Namespaces of the JSON-LD context and of RDF/XML: the vocabularies and id:
NAMESPACES: dict[str, str] = {p: PREFIXES[p] for p in CONTEXT_PREFIXES}


@dataclass(frozen=True)
class ExportFormat:
    name: str
    rdf_format: ox.RdfFormat | None
    extension: str
    media_type: str
    w3c_format: str
    title_en: str
    title_nl: str


FORMATS: dict[str, ExportFormat] = {
    "turtle": ExportFormat("turtle", ox.RdfFormat.TURTLE, "ttl", "text/turtle",
                           W3C_FORMATS["Turtle"].value, "Turtle", "Turtle"),
    "ntriples": ExportFormat("ntriples", ox.RdfFormat.N_TRIPLES, "nt", "application/n-triples",
                             W3C_FORMATS["N-Triples"].value, "N-Triples", "N-Triples"),
    "jsonld": ExportFormat("jsonld", None, "jsonld", "application/ld+json",
                           W3C_FORMATS["JSON-LD"].value, "JSON-LD", "JSON-LD"),
    "rdfxml": ExportFormat("rdfxml", ox.RdfFormat.RDF_XML, "rdf", "application/rdf+xml",
                           W3C_FORMATS["RDF_XML"].value, "RDF/XML", "RDF/XML"),
    "trig": ExportFormat("trig", ox.RdfFormat.TRIG, "trig", "application/trig",
                         W3C_FORMATS["TriG"].value, "TriG (asserted and inferred named graphs)",
                         "TriG (vastgestelde en afgeleide named graphs)"),
}

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Triple3 = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, Term]


# ---------------------------------------------------------------- DCAT and VoID

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


def _modified_date(root: Path | None, issued: str | None) -> str:
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
    modified = _modified_date(kg.root, issued)
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


# ---------------------------------------------------------------- the export

@dataclass
class Export:
    data: bytes
    format: str
    triples: int  # data triples (without the description)
    description_triples: int

    @property
    def media_type(self) -> str:
        return FORMATS[self.format].media_type


def graph_triples(kg: KnowledgeGraph, inferred: bool) -> tuple[list[Triple3], list[Triple3]]:
    asserted = [(q.subject, q.predicate, q.object) for q in
                kg.store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH_ASSERTED))]
    inf: list[Triple3] = []
    if inferred:
        inf = [(q.subject, q.predicate, q.object) for q in
               kg.store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH_INFERRED))]
    return asserted, inf  # type: ignore[return-value]


def export(kg: KnowledgeGraph, fmt: str = "turtle", *, inferred: bool = False, context: dict | None = None,
           version: str | None = None) -> Export:
    """The graph serialised deterministically in ``fmt`` (turtle, ntriples, jsonld, rdfxml, trig).

    ``version`` is the data release the export belongs to (its ``dcat:version``; default the package's)."""
    if fmt not in FORMATS:
        raise ParameterError(f"unknown export format {fmt!r}", "use one of: " + ", ".join(FORMATS))
    asserted, inf = graph_triples(kg, inferred)
    # stable labels over both graphs at once, so a blank node in both keeps one label
    asserted_keys = set(asserted)
    labels = stable_bnode_labels(list(dict.fromkeys(asserted + inf)))

    def relabel_all(ts: list[Triple3]) -> list[Triple3]:
        return sorted({(relabel(s, labels), p, relabel(o, labels)) for s, p, o in ts},  # type: ignore[misc]
                      key=lambda t: (_nt(t[0]), t[1].value, _nt(t[2])))

    asserted_c = relabel_all(asserted)
    inferred_c = relabel_all([t for t in inf if t not in asserted_keys])
    union = relabel_all(asserted + inf)
    subsets = {GRAPH_ASSERTED: len(asserted_c), GRAPH_INFERRED: len(inferred_c)} if inferred else None
    desc = canonical_triples(dataset_description(kg, union, inferred=inferred, subsets=subsets, version=version))
    f = FORMATS[fmt]

    if fmt == "trig":
        quads = [ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in desc]
        quads += [ox.Quad(s, p, o, ox.NamedNode(GRAPH_ASSERTED)) for s, p, o in asserted_c]
        quads += [ox.Quad(s, p, o, ox.NamedNode(GRAPH_INFERRED)) for s, p, o in inferred_c]
        data = serialize(quads, ox.RdfFormat.TRIG, canonical=False)
    elif fmt == "jsonld":
        ctx = context if context is not None else load_context(kg.root)
        if inferred:
            graphs = {"": desc, GRAPH_ASSERTED: asserted_c, GRAPH_INFERRED: inferred_c}
        else:
            graphs = {"": sorted(set(union) | set(desc), key=lambda t: (_nt(t[0]), t[1].value, _nt(t[2])))}
        data = to_jsonld(graphs, ctx)
    else:
        triples = sorted(set(union) | set(desc), key=lambda t: (_nt(t[0]), t[1].value, _nt(t[2])))
        if fmt == "ntriples":
            data = "".join(f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in triples).encode("utf-8")
        elif fmt == "turtle":
            data = serialize(triples, ox.RdfFormat.TURTLE, canonical=False)
        else:
            assert f.rdf_format is not None
            data = ox.serialize([ox.Triple(s, p, o) for s, p, o in triples], format=f.rdf_format,
                                prefixes={k: v for k, v in NAMESPACES.items() if k != "id"})
    return Export(data=data, format=fmt, triples=len(union), description_triples=len(desc))


# ---------------------------------------------------------------- JSON-LD

def context_path(root: Path | None = None) -> Path:
    from .paths import project_root

    return (root or project_root()) / "context" / "rdgraph.jsonld"


def load_context(root: Path | None = None) -> dict:
    """The shipped JSON-LD context (the value of its ``@context``)."""
    path = context_path(root)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        from .errors import RdgraphError

        raise RdgraphError(f"cannot read the JSON-LD context {path}: {e}",
                           "regenerate it with: rdgraph export --format context -o context/rdgraph.jsonld") from None
    return doc["@context"]


def build_context(kg: KnowledgeGraph) -> dict:
    """A readable JSON-LD context from the ontology: prefixes, and a term for each rdg class and property.

    Object properties are coerced to IRIs (``"@type": "@id"``), so ``"province": "id:provincie/x"``.
    """
    ctx: dict[str, object] = {"@version": 1.1}
    ctx.update(NAMESPACES)
    reserved = set(NAMESPACES)
    kinds: dict[str, str] = {}
    for kind, cls in (("class", OWL + "Class"), ("object", OWL + "ObjectProperty"),
                      ("datatype", OWL + "DatatypeProperty"), ("annotation", OWL + "AnnotationProperty")):
        for q in kg.store.quads_for_pattern(None, _n(RDF + "type"), _n(cls), ox.NamedNode(GRAPH_ASSERTED)):
            iri = q.subject.value if isinstance(q.subject, ox.NamedNode) else ""
            if iri.startswith(DEF) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", iri[len(DEF):]):
                kinds.setdefault(iri[len(DEF):], kind)
    for local in sorted(kinds):
        if local in reserved:
            continue
        if kinds[local] == "object":
            ctx[local] = {"@id": f"rdg:{local}", "@type": "@id"}
        else:
            ctx[local] = f"rdg:{local}"
    return ctx


def context_document(kg: KnowledgeGraph) -> bytes:
    doc = {"@context": build_context(kg)}
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class _Compactor:
    def __init__(self, ctx: dict) -> None:
        self.prefixes = sorted(((k, v) for k, v in ctx.items() if isinstance(v, str) and not k.startswith("@")
                                and v.endswith(("#", "/"))), key=lambda kv: -len(kv[1]))
        self.terms: dict[str, tuple[str, bool]] = {}
        for k, v in ctx.items():
            if k.startswith("@"):
                continue
            if isinstance(v, str) and not v.endswith(("#", "/")):
                self.terms[self.expand(v, ctx)] = (k, False)
            elif isinstance(v, dict) and "@id" in v:
                self.terms[self.expand(v["@id"], ctx)] = (k, v.get("@type") == "@id")

    @staticmethod
    def expand(value: str, ctx: dict) -> str:
        if ":" in value:
            p, rest = value.split(":", 1)
            if isinstance(ctx.get(p), str) and not rest.startswith("//"):
                return ctx[p] + rest
        return value

    def iri(self, iri: str) -> str:
        for prefix, ns in self.prefixes:
            if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
                return f"{prefix}:{iri[len(ns):]}"
        return iri

    def key(self, pred: str) -> tuple[str, bool]:
        if pred in self.terms:
            return self.terms[pred]
        return self.iri(pred), False

    def type_value(self, iri: str) -> str:
        if iri in self.terms:
            return self.terms[iri][0]
        return self.iri(iri)

    def value(self, o: Term, coerced: bool) -> object:
        if isinstance(o, ox.NamedNode):
            return self.iri(o.value) if coerced else {"@id": self.iri(o.value)}
        if isinstance(o, ox.BlankNode):
            return {"@id": f"_:{o.value}"}
        if o.language:
            return {"@value": o.value, "@language": o.language}
        dtype = o.datatype.value
        if dtype == XSD_STRING:
            return {"@value": o.value} if coerced else o.value
        if dtype == XSD + "boolean" and o.value in ("true", "false"):
            return o.value == "true"
        if dtype == XSD + "integer" and re.fullmatch(r"-?(0|[1-9][0-9]*)", o.value) and abs(int(o.value)) < 2**53:
            return int(o.value)
        return {"@value": o.value, "@type": self.iri(dtype)}


def _node_objects(triples: list[Triple3], comp: _Compactor) -> list[dict]:
    by_subject: dict[str, dict] = {}
    order: list[str] = []
    for s, p, o in triples:
        sid = f"_:{s.value}" if isinstance(s, ox.BlankNode) else comp.iri(s.value)
        if sid not in by_subject:
            by_subject[sid] = {"@id": sid}
            order.append(sid)
        node = by_subject[sid]
        if p.value == RDF + "type" and isinstance(o, ox.NamedNode):
            node.setdefault("@type", []).append(comp.type_value(o.value))
            continue
        key, coerced = comp.key(p.value)
        node.setdefault(key, []).append(comp.value(o, coerced))
    out = []
    for sid in order:
        node = by_subject[sid]
        clean: dict[str, object] = {"@id": node["@id"]}
        if "@type" in node:
            types = sorted(node["@type"])
            clean["@type"] = types[0] if len(types) == 1 else types
        for k in sorted(k for k in node if not k.startswith("@")):
            vals = sorted(node[k], key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
            clean[k] = vals[0] if len(vals) == 1 else vals
        out.append(clean)
    return out


def to_jsonld(graphs: dict[str, list[Triple3]], ctx: dict) -> bytes:
    """Compact, readable JSON-LD with the context embedded; ``graphs['']`` is the default graph."""
    comp = _Compactor(ctx)
    top = _node_objects(graphs.get("", []), comp)
    for g in sorted(k for k in graphs if k):
        top.append({"@id": comp.iri(g), "@graph": _node_objects(graphs[g], comp)})
    doc = {"@context": ctx, "@graph": top}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_export(exp: Export, output: str | Path | None) -> None:
    if output:
        from .fileio import write_bytes_atomic

        write_bytes_atomic(output, exp.data)


__all__ = ["FORMATS", "Export", "export", "build_context", "context_document", "canonical_triples",
           "dataset_description", "void_statistics", "load_context", "stable_bnode_labels", "GRAPH_ALL"]


# ---------------------------------------------------------------- ontology documentation

def _ontology_rdflib(kg: KnowledgeGraph):
    import rdflib

    from .paths import artefact_dir, turtle_files

    g = rdflib.Graph()
    for f in turtle_files(artefact_dir("ontology", kg.root)):
        g.parse(f, format="turtle")
    return g


def _pylode_html(graph) -> str:
    """pyLODE's OntPub page. pyLODE 3.4 reads its version from a pyproject.toml that the wheel does not
    ship; a stand-in ``pylode.version`` module works around that. Its logging is kept quiet."""
    import importlib.metadata
    import logging
    import sys
    import types

    if "pylode.version" not in sys.modules:
        shim = types.ModuleType("pylode.version")
        try:
            shim.__version__ = importlib.metadata.version("pylode")  # type: ignore[attr-defined]
        except importlib.metadata.PackageNotFoundError:
            shim.__version__ = "0"  # type: ignore[attr-defined]
        sys.modules["pylode.version"] = shim
    root_logger = logging.getLogger()
    handlers, level = list(root_logger.handlers), root_logger.level
    try:
        from pylode import OntPub

        return OntPub(ontology=graph).make_html()
    finally:
        for h in list(root_logger.handlers):
            if h not in handlers:
                root_logger.removeHandler(h)
        root_logger.setLevel(level)


def simple_ontology_html(graph) -> str:
    """A plain, self-contained HTML page of the ontology: every class and property with labels,
    definitions, domain and range (used when pyLODE is missing or fails)."""
    from html import escape

    import rdflib
    from rdflib.namespace import OWL as ROWL
    from rdflib.namespace import RDF as RRDF
    from rdflib.namespace import RDFS as RRDFS
    from rdflib.namespace import SKOS

    def short(u) -> str:
        return short_iri(str(u))

    def texts(s, p) -> str:
        vals = sorted(graph.objects(s, p), key=lambda v: (getattr(v, "language", "") or "", str(v)))
        return "<br>".join(f"{escape(str(v))}" + (f" <small>@{v.language}</small>" if getattr(v, "language", None)
                                                  else "") for v in vals)

    ont = next(graph.subjects(RRDF.type, ROWL.Ontology), None)
    title = texts(ont, rdflib.DCTERMS.title) if ont is not None else "Ontology"
    sections = []
    for heading, kind in (("Classes / klassen", ROWL.Class), ("Object properties", ROWL.ObjectProperty),
                          ("Datatype properties", ROWL.DatatypeProperty),
                          ("Annotation properties", ROWL.AnnotationProperty)):
        terms = sorted({s for s in graph.subjects(RRDF.type, kind) if isinstance(s, rdflib.URIRef)}, key=str)
        if not terms:
            continue
        rows = []
        for t in terms:
            local = str(t).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            extra = []
            for label, p in (("subclass of", RRDFS.subClassOf), ("domain", RRDFS.domain), ("range", RRDFS.range),
                             ("inverse of", ROWL.inverseOf)):
                vals = sorted(short(o) for o in graph.objects(t, p) if isinstance(o, rdflib.URIRef))
                if vals:
                    extra.append(f"<dt>{label}</dt><dd>{escape(', '.join(vals))}</dd>")
            rows.append(
                f'<section class="term" id="{escape(local)}"><h3>{escape(short(t))}</h3>'
                f"<p><code>{escape(str(t))}</code></p><dl><dt>label</dt><dd>{texts(t, RRDFS.label)}</dd>"
                f"<dt>definition</dt><dd>{texts(t, SKOS.definition) or texts(t, RRDFS.comment)}</dd>"
                + "".join(extra) + "</dl></section>")
        toc = " · ".join(f'<a href="#{escape(str(t).rsplit("#", 1)[-1])}">{escape(short(t))}</a>' for t in terms)
        sections.append(f"<h2>{heading} ({len(terms)})</h2><p>{toc}</p>" + "\n".join(rows))
    desc = texts(ont, rdflib.DCTERMS.description) if ont is not None else ""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>rdgraph ontology</title>"
            "<style>body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em}"
            "section.term{border-top:1px solid #ccc;padding:.3em 0}dt{font-weight:bold}</style></head><body>"
            f"<h1>{title}</h1><p>{desc}</p>" + "\n".join(sections) + "</body></html>\n")


def ontology_docs(kg: KnowledgeGraph, out_dir: str | Path, *, use_pylode: bool = True) -> tuple[Path, str]:
    """Write ``index.html`` documenting the ontology into ``out_dir``; returns (path, generator used)."""
    graph = _ontology_rdflib(kg)
    html, how = None, "simple"
    if use_pylode:
        try:
            html, how = _pylode_html(graph), "pylode"
        except Exception:  # noqa: BLE001 - pyLODE missing or failing on the ontology: fall back
            html = None
    if html is None:
        html, how = simple_ontology_html(graph), "simple"
    from .fileio import write_text_atomic

    path = Path(out_dir) / "index.html"
    write_text_atomic(path, html)
    return path, how
