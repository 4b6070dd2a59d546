"""The ontology's documentation page: pyLODE's, or a plain self-contained page when pyLODE is missing or fails."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..namespaces import short as short_iri

if TYPE_CHECKING:
    from ..store import KnowledgeGraph


def _ontology_rdflib(kg: KnowledgeGraph):
    import rdflib

    from ..paths import artefact_dir, turtle_files

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
    from ..fileio import write_text_atomic

    path = Path(out_dir) / "index.html"
    write_text_atomic(path, html)
    return path, how
