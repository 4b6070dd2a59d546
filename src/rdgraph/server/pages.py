"""HTML pages: Jinja2 templates (``templates/``, autoescaped) fed with small view models built here.

No HTML is assembled in Python: this module turns the graph into plain values (links, literals,
rows, footnotes) and the templates turn those into markup. Every string from the data is escaped
by Jinja's autoescaping; links only ever point to this server's pages or to http(s) addresses.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import jinja2
import pyoxigraph as ox

from ..namespaces import DCTERMS, ID, ONTOLOGY
from ..version import __version__
from . import i18n
from .graph_view import (
    OWL,
    PROV,
    RDF,
    RDF_TYPE,
    RDFS,
    RDG,
    SKOS,
    Arc,
    GraphView,
    doc_path,
    inverse_label,
    literal_in,
    objects,
    qname,
    statement_sources,
    subjects,
    types_of,
)

HERE = Path(__file__).parent
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                         trim_blocks=True, lstrip_blocks=True)

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; "
       "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def quote_path(path: str) -> str:
    return urllib.parse.quote(path, safe="/:@-._~!$&()*+,;=#")


def with_query(path: str, **params: str) -> str:
    return path + "?" + urllib.parse.urlencode(params)


def number(value: str | float | int | Decimal, lang: str) -> str:
    """1234567.5 -> "1.234.567,5" (nl) / "1,234,567.5" (en)."""
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    text = f"{d:,.2f}" if d != d.to_integral_value() else f"{int(d):,}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "nl" else text


def euro(value, lang: str) -> str:
    return "€ " + number(value, lang)


ENV.filters["number"] = number
ENV.filters["euro"] = euro


def render(template: str, lang: str, path: str = "/", **ctx) -> bytes:
    """A whole page; ``path`` is this page's path (for the language switch)."""
    ui = i18n.ui(lang)
    switch = with_query(quote_path(path), lang=ui["other_lang_code"])
    return ENV.get_template(template).render(lang=lang, ui=ui, switch=switch, path=path, version=__version__,
                                             **ctx).encode("utf-8")


# ---------------------------------------------------------------- view models

@dataclass
class Link:
    label: str
    href: str | None = None
    note: str | None = None     # a short form shown after the label (qname), when useful
    lang: str | None = None


@dataclass
class Value:
    kind: str                   # "link", "literal", "nested", "more"
    link: Link | None = None
    text: str = ""
    tag: str = ""               # language or datatype
    lang: str | None = None
    rows: list = field(default_factory=list)
    inferred: bool = False
    notes: list[int] = field(default_factory=list)  # footnote numbers


@dataclass
class Row:
    label: str
    note: str | None
    values: list[Value]
    href: str | None = None


def link(view: GraphView, iri: str, lang: str) -> Link:
    """A link to a thing's page when it is on this server, else its label (and a safe http(s) link)."""
    label = view.label(iri, lang)
    path = doc_path(iri)
    if path and (view.exists(iri) or path.startswith("/def/")):
        return Link(label, quote_path(path))
    if iri.startswith(("http://", "https://")):
        return Link(label if label != iri else qname(iri), iri if not path else None,
                    qname(iri) if label not in (iri, qname(iri)) else None)
    return Link(qname(iri))


def literal_value(lit: ox.Literal, lang: str) -> Value:
    dt = lit.datatype.value if lit.datatype else ""
    if lit.language:
        return Value("literal", text=lit.value, tag=lit.language, lang=lit.language)
    if dt.endswith(("#decimal", "#integer", "#double", "#float", "#int", "#long")):
        return Value("literal", text=number(lit.value, lang), tag=qname(dt))
    if dt.endswith("#string"):
        return Value("literal", text=lit.value)
    return Value("literal", text=lit.value, tag=qname(dt))


def value(view: GraphView, term, lang: str, depth: int = 0) -> Value:
    if isinstance(term, ox.NamedNode):
        return Value("link", link=link(view, term.value, lang))
    if isinstance(term, ox.Literal):
        return literal_value(term, lang)
    if isinstance(term, ox.BlankNode) and depth < 3:
        return Value("nested", rows=prop_rows(view, view.outgoing(term), lang, depth + 1))
    return Value("literal", text="[…]")


FIRST = {RDF_TYPE: 0, RDFS + "label": 1, SKOS + "prefLabel": 2, SKOS + "altLabel": 3, SKOS + "definition": 4}


def _prop_key(view: GraphView, lang: str):
    return lambda p: (FIRST.get(p, 9), view.label(p, lang).lower(), p)


def _value_key(view: GraphView, lang: str):
    def key(arc: Arc):
        o = arc.other
        if isinstance(o, ox.Literal):
            return (0 if o.language in (lang, None, "") else 1, o.value)
        if isinstance(o, ox.NamedNode):
            return (2, view.label(o.value, lang).lower())
        return (3, o.value)

    return key


def prop_rows(view: GraphView, arcs: list[Arc], lang: str, depth: int = 0,
              notes: dict | None = None, footnotes: list | None = None) -> list[Row]:
    by_p: dict[str, list[Arc]] = {}
    for a in arcs:
        by_p.setdefault(a.predicate.value, []).append(a)
    rows = []
    for p in sorted(by_p, key=_prop_key(view, lang)):
        vals = []
        for a in sorted(by_p[p], key=_value_key(view, lang)):
            v = value(view, a.other, lang, depth)
            v.inferred = not a.asserted
            if notes is not None and footnotes is not None:
                for src in notes.get((p, a.other), []):
                    if src not in footnotes:
                        footnotes.append(src)
                    v.notes.append(footnotes.index(src) + 1)
            vals.append(v)
        label = view.label(p, lang)
        rows.append(Row(label, qname(p) if qname(p) != label else None, vals, quote_path(doc_path(p) or "") or None))
    return rows


# ---------------------------------------------------------------- thing pages

HIDDEN_INCOMING = {RDF + "subject", RDF + "object"}  # reification nodes: shown as footnotes instead


def doc_page(view: GraphView, iri: str, lang: str, path: str, summary=None) -> bytes:
    ui = i18n.ui(lang)
    node = ox.NamedNode(iri)
    labels = view.labels(iri)
    title = view.label(iri, lang)
    types = sorted(t for t in types_of(view, iri) if t.startswith(RDG)) or sorted(types_of(view, iri))
    notes = statement_sources(view, iri, lang)
    footnotes: list[str] = []
    outgoing = [a for a in view.outgoing(node)
                if not (a.predicate.value == RDF_TYPE and not str(a.other.value).startswith(RDG))]
    rows = prop_rows(view, outgoing, lang, notes=notes, footnotes=footnotes)
    incoming: list[Row] = []
    by_p: dict[str, list[Arc]] = {}
    for a in view.incoming(node):
        if isinstance(a.other, ox.NamedNode) and a.predicate.value not in HIDDEN_INCOMING:
            by_p.setdefault(a.predicate.value, []).append(a)
    for p in sorted(by_p, key=lambda p: inverse_label(view, p, lang).lower()):
        arcs = sorted(by_p[p], key=_value_key(view, lang))
        vals = [Value("link", link=link(view, a.other.value, lang), inferred=not a.asserted) for a in arcs[:300]]
        if len(arcs) > 300:
            vals.append(Value("more", text=f"{ui['more']} {len(arcs) - 300} …"))
        incoming.append(Row(inverse_label(view, p, lang), qname(p), vals))
    quoted = quote_path(path)
    other = "en" if lang == "nl" else "nl"
    return render("doc.html", lang, path, title=title, title_lang=lang if lang in labels else "nl",
                  other_label=labels.get(other) if labels.get(other) != title else None, other=other,
                  types=[link(view, t, lang) for t in types], iri=iri, rows=rows, incoming=incoming,
                  footnotes=[{"link": link(view, src, lang) if src else None, "note": note}
                             for src, note in footnotes],
                  sources=[link(view, s.value, lang) for s in objects(view, iri, PROV + "wasDerivedFrom")
                           if isinstance(s, ox.NamedNode)],
                  turtle=with_query(quoted, format="ttl"), jsonld=with_query(quoted, format="jsonld"),
                  summary=summary)


def ontology_page(view: GraphView, lang: str) -> bytes:
    """/def/regiodeals: the ontology's classes and properties, one anchored section per term, in one language."""
    from collections import defaultdict

    onto = ONTOLOGY
    by_s: dict = defaultdict(lambda: defaultdict(list))
    for t in view.ontology_triples():
        by_s[t.subject.value][t.predicate.value].append(t.object)
    head = by_s.get(onto, {})
    title = literal_in(head.get(DCTERMS.title.value, []), lang) or "rdgraph"
    ui = i18n.ui(lang)
    kinds = ((OWL + "Class", "onto_classes"), (OWL + "ObjectProperty", "onto_object_properties"),
             (OWL + "DatatypeProperty", "onto_datatype_properties"))
    fields = ((RDFS + "subClassOf", "onto_subclass_of"), (RDFS + "subPropertyOf", "onto_subproperty_of"),
              (RDFS + "domain", "onto_domain"), (RDFS + "range", "onto_range"), (OWL + "inverseOf", "onto_inverse_of"),
              (OWL + "propertyChainAxiom", "onto_chain"))
    sections = []
    for cls, title_key in kinds:
        terms = sorted((s for s, props in by_s.items() if s != onto and any(
            isinstance(o, ox.NamedNode) and o.value == cls for o in props.get(RDF_TYPE, []))),
            key=lambda s: view.label(s, lang).lower())
        items = []
        for s in terms:
            props = by_s[s]
            dl = []
            for pred, field_key in fields:
                vals = [link(view, o.value, lang) for o in props.get(pred, []) if isinstance(o, ox.NamedNode)]
                if vals:
                    dl.append((ui[field_key], vals))
            chars = [o.value.split("#")[-1] for o in props.get(RDF_TYPE, []) if isinstance(o, ox.NamedNode)
                     and o.value.startswith(OWL) and o.value != cls]
            items.append({"anchor": s.split("#")[-1], "label": view.label(s, lang),
                          "definition": literal_in(props.get(SKOS + "definition", []), lang),
                          "fields": dl, "characteristics": ", ".join(chars)})
        sections.append({"title": ui[title_key], "terms": items})
    return render("ontology.html", lang, "/def/regiodeals", title=title, iri=onto,
                  onto_version=", ".join(v.value for v in head.get(OWL + "versionInfo", [])),
                  description=literal_in(head.get(DCTERMS.description.value, []), lang),
                  comment=literal_in(head.get(RDFS + "comment", []), lang), sections=sections)


def not_found_page(path: str, lang: str = "nl") -> bytes:
    ui = i18n.ui(lang)
    return render("error.html", lang, "/", status=404, heading=ui["not_found"], title=ui["not_found"],
                  message=f"{i18n.ui(lang)['not_found_text']} {path}")


def error_page(status: int, message: str, lang: str = "nl") -> bytes:
    return render("error.html", lang, "/", status=status, heading=f"{status}", title=f"{status}", message=message)


def catalogue_entries(catalogue):
    """(name, NamedQuery or None, error message) for every query file; a broken header does not hide the rest."""
    from ..errors import RdgraphError

    for name in catalogue.names():
        try:
            yield name, catalogue.get(name), ""
        except RdgraphError as e:
            yield name, None, str(e)


def instances(view: GraphView, cls: str) -> list[str]:
    return view.instances(RDG + cls)


__all__ = ["CSP", "ENV", "Link", "Row", "Value", "catalogue_entries", "doc_page", "error_page", "euro",
           "instances", "link", "not_found_page", "number", "ontology_page", "quote_path", "render", "subjects",
           "with_query", "ID"]
