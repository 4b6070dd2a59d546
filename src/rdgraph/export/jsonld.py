"""JSON-LD: the project's context (shipped in ``context/rdgraph.jsonld``, built from the ontology) and a
compact, readable JSON-LD writer that embeds it, so no remote context is needed to read an export."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..namespaces import DEF, GRAPH_ASSERTED, VOCABULARIES
from ..terms import XSD, XSD_STRING
from .formats import NAMESPACES, Term, Triple3

if TYPE_CHECKING:
    from ..store import KnowledgeGraph

RDF, OWL = VOCABULARIES["rdf"], VOCABULARIES["owl"]


def context_path(root: Path | None = None) -> Path:
    from ..paths import project_root

    return (root or project_root()) / "context" / "rdgraph.jsonld"


def load_context(root: Path | None = None) -> dict:
    """The shipped JSON-LD context (the value of its ``@context``)."""
    path = context_path(root)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        from ..errors import RdgraphError

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
        for q in kg.store.quads_for_pattern(None, ox.NamedNode(RDF + "type"), ox.NamedNode(cls),
                                            ox.NamedNode(GRAPH_ASSERTED)):
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
