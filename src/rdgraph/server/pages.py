"""HTML pages: the index, one page per thing, the SPARQL form and result tables, 404.

Every piece of data goes through :func:`esc` (``html.escape`` with quotes) before it reaches the
page; attribute values are always double-quoted. Pages load only /style.css from this server: no
scripts, no fonts, no external resources (the Content-Security-Policy header enforces it).
"""

from __future__ import annotations

import html
import urllib.parse

import pyoxigraph as ox

from ..terms import ID
from .graph_view import RDF, RDF_TYPE, RDFS, SKOS, Arc, GraphView, doc_path, qname

esc = html.escape  # quote=True by default: safe in text and in double-quoted attributes

UI = {
    "nl": {"props": "Eigenschappen", "incoming": "Wat linkt hierheen", "inferred": "afgeleid",
           "opgaven": "Opgaven (rode draden)", "deals": "Regio Deals per tranche", "interventions": "Interventies",
           "queries": "Benoemde queries (API)", "no_tranche": "zonder tranche", "home": "Overzicht",
           "formats": "Ook als", "not_found": "Niet gevonden", "anon": "anonieme knopen",
           "more": "en nog", "domain": "domein", "search": "SPARQL-query", "run": "Uitvoeren",
           "other_lang": "English", "params": "parameters", "none": "geen", "tranche": "Tranche",
           "intro": "Een linked-data kennisgraaf van de Regio Deals, met de rode draden uit het rapport."},
    "en": {"props": "Properties", "incoming": "What links here", "inferred": "inferred",
           "opgaven": "Opgaven (recurring themes)", "deals": "Regio Deals by tranche", "interventions": "Interventions",
           "queries": "Named queries (API)", "no_tranche": "without tranche", "home": "Overview",
           "formats": "Also as", "not_found": "Not found", "anon": "anonymous nodes",
           "more": "and", "domain": "domain", "search": "SPARQL query", "run": "Run",
           "other_lang": "Nederlands", "params": "parameters", "none": "none", "tranche": "Tranche",
           "intro": "A linked-data knowledge graph of the Dutch Regio Deals, with the recurring themes of the report."},
}

CSS = """
:root { --fg: #1b1b1b; --muted: #5a5a5a; --line: #d8d8d8; --accent: #01689b; --bg: #fff; --soft: #f3f6f8; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
       background: var(--bg); margin: 0; }
header.top { background: var(--accent); color: #fff; padding: .6rem 1.2rem; display: flex; gap: 1rem;
             align-items: baseline; flex-wrap: wrap; }
header.top a { color: #fff; }
header.top .brand { font-weight: 700; text-decoration: none; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
a { color: var(--accent); }
h1 { margin: .4rem 0 .2rem; font-size: 1.8rem; }
h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; font-size: 1.3rem; }
.muted, small { color: var(--muted); }
code, pre, textarea { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
.iri { word-break: break-all; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
th { width: 16rem; font-weight: 600; }
table.results th { width: auto; background: var(--soft); }
ul.values { margin: 0; padding-left: 1.1rem; }
.inferred { font-style: italic; }
.tag { font-size: .75rem; color: var(--muted); border: 1px solid var(--line); border-radius: 3px;
       padding: 0 .25rem; margin-left: .25rem; }
.cols { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 0 2rem; }
.nested { margin: .2rem 0; font-size: .95em; }
.nested th { width: 12rem; }
textarea { width: 100%; min-height: 12rem; }
.warn { background: #fff4ce; padding: .5rem .8rem; border-left: 4px solid #d29200; }
"""

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")


def _ui(lang: str) -> dict[str, str]:
    return UI.get(lang, UI["nl"])


def layout(title: str, body: str, lang: str = "nl", switch: str | None = None) -> bytes:
    """A whole page. ``switch`` is the URL of the same page in the other language."""
    ui = _ui(lang)
    switch_link = f'<a href="{esc(switch)}">{esc(ui["other_lang"])}</a>' if switch else ""
    page = f"""<!DOCTYPE html>
<html lang="{esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} · rdgraph</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<header class="top"><a class="brand" href="/">rdgraph · Regio Deals</a>
<a href="/sparql">SPARQL</a> <a href="/api/queries">API</a> <a href="/api/openapi.json">OpenAPI</a>
{switch_link}</header>
<main>
{body}
</main>
</body>
</html>
"""
    return page.encode("utf-8")


def with_query(path: str, **params: str) -> str:
    return path + "?" + urllib.parse.urlencode(params)


def link(view: GraphView, iri: str, lang: str) -> str:
    """A link to a thing's page when it is on this server, else its label and IRI."""
    label = view.label(iri, lang)
    path = doc_path(iri)
    if path and view.exists(iri):
        return f'<a href="{esc(urllib.parse.quote(path, safe="/:@-._~!$&()*+,;=#"))}">{esc(label)}</a>'
    if label != iri and label != qname(iri):
        return f'{esc(label)} <small class="iri">{esc(qname(iri))}</small>'
    if iri.startswith(("http://", "https://")) and not path:
        return f'<a class="iri" href="{esc(iri)}" rel="nofollow">{esc(qname(iri))}</a>'
    return f'<span class="iri">{esc(qname(iri))}</span>'


def literal_html(lit: ox.Literal) -> str:
    if lit.language:
        return f'<span lang="{esc(lit.language)}">{esc(lit.value)}</span><span class="tag">{esc(lit.language)}</span>'
    dt = lit.datatype.value
    if dt.endswith("#string"):
        return esc(lit.value)
    return f'{esc(lit.value)}<span class="tag">{esc(qname(dt))}</span>'


def value_html(view: GraphView, term, lang: str, depth: int = 0) -> str:
    if isinstance(term, ox.NamedNode):
        return link(view, term.value, lang)
    if isinstance(term, ox.Literal):
        return literal_html(term)
    if isinstance(term, ox.BlankNode) and depth < 3:
        return props_table(view, view.outgoing(term), lang, depth + 1, css="nested")
    return "[…]"


def _prop_order(view: GraphView, lang: str):
    first = {RDF_TYPE: 0, RDFS + "label": 1, SKOS + "prefLabel": 2, SKOS + "altLabel": 3, SKOS + "definition": 4}

    def key(p: str):
        return (first.get(p, 9), view.label(p, lang).lower(), p)

    return key


def _value_key(view: GraphView, lang: str):
    def key(arc: Arc):
        o = arc.other
        if isinstance(o, ox.Literal):
            return (0 if o.language in (lang, None, "") else 1, o.value)
        if isinstance(o, ox.NamedNode):
            return (2, view.label(o.value, lang).lower())
        return (3, o.value)

    return key


def props_table(view: GraphView, arcs: list[Arc], lang: str, depth: int = 0, css: str = "props") -> str:
    ui = _ui(lang)
    by_p: dict[str, list[Arc]] = {}
    for a in arcs:
        by_p.setdefault(a.predicate.value, []).append(a)
    rows = []
    for p in sorted(by_p, key=_prop_order(view, lang)):
        items = []
        for a in sorted(by_p[p], key=_value_key(view, lang)):
            inner = value_html(view, a.other, lang, depth)
            if not a.asserted:
                inner = f'<span class="inferred" title="{esc(ui["inferred"])}">{inner}</span>' \
                        f'<span class="tag">{esc(ui["inferred"])}</span>'
            items.append(f"<li>{inner}</li>")
        rows.append(f'<tr><th scope="row">{prop_head(view, p, lang)}</th>'
                    f'<td><ul class="values">{"".join(items)}</ul></td></tr>')
    return f'<table class="{css}">{"".join(rows)}</table>'


def prop_head(view: GraphView, p: str, lang: str) -> str:
    label, short = view.label(p, lang), qname(p)
    return esc(label) if label == short else f"{esc(label)}<br><small>{esc(short)}</small>"


def doc_page(view: GraphView, iri: str, lang: str, path: str) -> bytes:
    ui = _ui(lang)
    node = ox.NamedNode(iri)
    labels = view.labels(iri)
    title = view.label(iri, lang)
    other = "en" if lang == "nl" else "nl"
    other_label = labels.get(other)
    types = sorted({a.other.value for a in view.outgoing(node)
                    if a.predicate.value == RDF_TYPE and isinstance(a.other, ox.NamedNode)})
    type_links = ", ".join(link(view, t, lang) for t in types)
    parts = [f'<p class="muted">{type_links}</p>' if types else "",
             f'<h1 lang="{esc(lang if lang in labels else "nl")}">{esc(title)}</h1>']
    if other_label and other_label != title:
        parts.append(f'<p class="muted" lang="{esc(other)}">{esc(other_label)} <span class="tag">{other}</span></p>')
    quoted = urllib.parse.quote(path, safe="/:@-._~!$&()*+,;=")
    parts.append(f'<p><small class="iri">{esc(iri)}</small><br><small>{esc(ui["formats"])}: '
                 f'<a href="{esc(with_query(quoted, format="ttl"))}">Turtle</a> · '
                 f'<a href="{esc(with_query(quoted, format="jsonld"))}">JSON-LD</a></small></p>')
    parts.append(f'<section id="properties"><h2>{esc(ui["props"])}</h2>'
                 f'{props_table(view, view.outgoing(node), lang)}</section>')
    incoming = view.incoming(node)
    by_p: dict[str, list[Arc]] = {}
    anon = 0
    for a in incoming:
        if isinstance(a.other, ox.NamedNode):
            by_p.setdefault(a.predicate.value, []).append(a)
        else:
            anon += 1
    rows = []
    for p in sorted(by_p, key=_prop_order(view, lang)):
        arcs = sorted(by_p[p], key=_value_key(view, lang))
        items = []
        for a in arcs[:200]:
            inner = link(view, a.other.value, lang)
            if not a.asserted:
                inner = f'<span class="inferred">{inner}</span><span class="tag">{esc(ui["inferred"])}</span>'
            items.append(f"<li>{inner}</li>")
        if len(arcs) > 200:
            items.append(f'<li class="muted">{esc(ui["more"])} {len(arcs) - 200} …</li>')
        rows.append(f'<tr><th scope="row">{prop_head(view, p, lang)}</th>'
                    f'<td><ul class="values">{"".join(items)}</ul></td></tr>')
    if anon:
        rows.append(f'<tr><th scope="row" class="muted">…</th><td class="muted">{anon} {esc(ui["anon"])}</td></tr>')
    parts.append(f'<section id="incoming"><h2>{esc(ui["incoming"])}</h2>'
                 f'<table class="props">{"".join(rows)}</table></section>')
    return layout(title, "\n".join(p for p in parts if p), lang, with_query(quoted, lang=other))


def ontology_page(view: GraphView, lang: str) -> bytes:
    """/def/regiodeals: the ontology's classes and properties, one anchored section per term."""
    from collections import defaultdict

    owl = "http://www.w3.org/2002/07/owl#"
    onto = "https://w3id.org/rdgraph/def/regiodeals"
    by_s: dict = defaultdict(lambda: defaultdict(list))
    for t in view.ontology_triples():
        by_s[t.subject.value][t.predicate.value].append(t.object)

    def texts(values, want):
        picked = [v.value for v in values if isinstance(v, ox.Literal) and v.language == want]
        return picked or [v.value for v in values if isinstance(v, ox.Literal)][:1]

    head = by_s.get(onto, {})
    en = lang == "en"
    title = (texts(head.get("http://purl.org/dc/terms/title", []), lang) or ["rdgraph"])[0]
    parts = [f"<h1>{esc(title)}</h1>", f'<p class="iri">{esc(onto)} · {"version" if en else "versie"} '
             f'{esc(", ".join(v.value for v in head.get(owl + "versionInfo", [])))}</p>']
    for d in texts(head.get("http://purl.org/dc/terms/description", []), lang):
        parts.append(f"<p>{esc(d)}</p>")
    for c in texts(head.get(RDFS + "comment", []), lang):
        parts.append(f'<p class="note">{esc(c)}</p>')
    kinds = ((owl + "Class", "Klassen", "Classes"), (owl + "ObjectProperty", "Relaties", "Object properties"),
             (owl + "DatatypeProperty", "Gegevenseigenschappen", "Datatype properties"))
    fields = ((RDFS + "subClassOf", "subklasse van", "subclass of"),
              (RDFS + "subPropertyOf", "subeigenschap van", "subproperty of"),
              (RDFS + "domain", "domein", "domain"), (RDFS + "range", "bereik", "range"),
              (owl + "inverseOf", "inverse van", "inverse of"),
              (owl + "propertyChainAxiom", "ketenaxioma", "property chain"))
    for cls, nl_title, en_title in kinds:
        terms = sorted((s for s, props in by_s.items() if s != onto and any(
            isinstance(o, ox.NamedNode) and o.value == cls for o in props.get(RDF_TYPE, []))),
            key=lambda s: view.label(s, lang).lower())
        parts.append(f"<h2>{esc(en_title if en else nl_title)} ({len(terms)})</h2>")
        parts.append("<p>" + " · ".join(f'<a href="#{esc(s.split("#")[-1])}">{esc(view.label(s, lang))}</a>'
                                         for s in terms) + "</p>")
        for s in terms:
            props = by_s[s]
            local = s.split("#")[-1]
            kinds_of = [o.value.split("#")[-1] for o in props.get(RDF_TYPE, []) if isinstance(o, ox.NamedNode)
                        and o.value.startswith(owl) and o.value != cls]
            rows = [f'<section id="{esc(local)}" class="term"><h3>{esc(view.label(s, lang))} '
                    f'<small class="iri">rdg:{esc(local)}</small></h3>']
            for d in texts(props.get(SKOS + "definition", []), lang):
                rows.append(f"<p>{esc(d)}</p>")
            labels = view.labels(s)
            rows.append('<p class="note">' + " · ".join(f"{esc(v)} <span class='tag'>{esc(k)}</span>"
                                                       for k, v in sorted(labels.items()) if k) + "</p>")
            dl = []
            for pred, f_nl, f_en in fields:
                vals = [value_html(view, o, lang) for o in props.get(pred, []) if isinstance(o, ox.NamedNode)]
                if vals:
                    dl.append(f"<dt>{esc(f_en if en else f_nl)}</dt><dd>{', '.join(vals)}</dd>")
            if kinds_of:
                dl.append(f"<dt>{'characteristics' if en else 'kenmerken'}</dt><dd>{esc(', '.join(kinds_of))}</dd>")
            if dl:
                rows.append("<dl>" + "".join(dl) + "</dl>")
            rows.append("</section>")
            parts.append("".join(rows))
    return layout(title, "\n".join(parts), lang, switch=with_query("/def/regiodeals", lang="nl" if en else "en"))


def _int(term) -> int:
    try:
        return int(term.value)
    except (AttributeError, ValueError):
        return 10**6


def index_page(view: GraphView, catalogue, lang: str) -> bytes:
    ui = _ui(lang)
    rdg = "https://w3id.org/rdgraph/def/regiodeals#"
    parts = ["<h1>Regio Deals</h1>", f'<p>{esc(ui["intro"])}</p>']
    # opgaven
    rows = view.select(f"SELECT ?o ?n ?d WHERE {{ ?o a <{rdg}Opgave> . OPTIONAL {{ ?o <{rdg}ordinal> ?n }} "
                       f"OPTIONAL {{ ?o <{rdg}domain> ?d }} }}")
    seen: dict[str, dict] = {}
    for r in rows:
        seen.setdefault(r["o"].value, r)
    items = []
    for r in sorted(seen.values(), key=lambda r: (_int(r.get("n")), r["o"].value)):
        num = esc(r["n"].value) + ". " if "n" in r else ""
        dom = f' <small>({link(view, r["d"].value, lang)})</small>' if "d" in r else ""
        items.append(f'<li>{num}{link(view, r["o"].value, lang)}{dom}</li>')
    parts.append(f'<section id="opgaven"><h2>{esc(ui["opgaven"])}</h2><ul>{"".join(items)}</ul></section>')
    # deals by tranche
    rows = view.select(f"SELECT ?d ?t ?tn WHERE {{ ?d a <{rdg}RegioDeal> . OPTIONAL {{ ?d <{rdg}tranche> ?t . "
                       f"OPTIONAL {{ ?t <{rdg}trancheNumber> ?tn }} }} }}")
    tranches: dict[str, tuple[int, set[str]]] = {}
    for r in rows:
        t = r["t"].value if "t" in r else ""
        num = _int(r.get("tn"))
        prev = tranches.get(t, (num, set()))
        prev[1].add(r["d"].value)
        tranches[t] = (min(prev[0], num), prev[1])
    blocks = []
    for t, (_, deals) in sorted(tranches.items(), key=lambda kv: (kv[0] == "", kv[1][0], kv[0])):
        head = link(view, t, lang) if t else esc(ui["no_tranche"])
        lis = "".join(f"<li>{link(view, d, lang)}</li>"
                      for d in sorted(deals, key=lambda d: view.label(d, lang).lower()))
        blocks.append(f'<div class="tranche"><h3>{head} <small>({len(deals)})</small></h3><ul>{lis}</ul></div>')
    parts.append(f'<section id="deals"><h2>{esc(ui["deals"])}</h2><div class="cols">{"".join(blocks)}</div></section>')
    # interventions
    inter = view.instances(rdg + "Intervention")
    lis = "".join(f"<li>{link(view, i, lang)}</li>" for i in sorted(inter, key=lambda i: view.label(i, lang).lower()))
    parts.append(f'<section id="interventions"><h2>{esc(ui["interventions"])}</h2><ul>{lis}</ul></section>')
    # named queries
    rows_html = []
    for name, nq, err in catalogue_entries(catalogue):
        api = "/api/queries/" + urllib.parse.quote(name)
        if nq is None:
            rows_html.append(f'<tr><td><code>{esc(name)}</code></td><td class="warn">{esc(err)}</td><td></td></tr>')
            continue
        params = ", ".join(f"<code>{esc(p.name)}</code>" for p in nq.params) or esc(ui["none"])
        rows_html.append(
            f'<tr><td><a href="{esc(api)}"><code>{esc(name)}</code></a><br><small>{esc(nq.rq)}</small></td>'
            f'<td>{esc(nq.summary)}<br><small>{esc(ui["params"])}: {params}</small></td>'
            f'<td><a href="{esc(api)}?format=json">JSON</a> · <a href="{esc(api)}?format=csv">CSV</a> · '
            f'<a href="{esc(api)}?format=html">HTML</a></td></tr>')
    parts.append(f'<section id="queries"><h2>{esc(ui["queries"])}</h2>'
                 f'<p><a href="/api/queries">/api/queries</a> · <a href="/api/openapi.json">/api/openapi.json</a> · '
                 f'<a href="/sparql">/sparql</a></p>'
                 f'<table class="results"><tr><th>query</th><th>summary</th><th></th></tr>{"".join(rows_html)}'
                 f'</table></section>')
    return layout("Regio Deals", "\n".join(parts), lang, with_query("/", lang="en" if lang == "nl" else "nl"))


def catalogue_entries(catalogue):
    """(name, NamedQuery or None, error message) for every query file; a broken header does not hide the rest."""
    from ..errors import RdgraphError

    for name in catalogue.names():
        try:
            yield name, catalogue.get(name), ""
        except RdgraphError as e:
            yield name, None, str(e)


def not_found_page(path: str, lang: str = "nl") -> bytes:
    ui = _ui(lang)
    body = (f'<h1>{esc(ui["not_found"])}</h1><p>Er is hier niets met het adres <code>{esc(path)}</code>. / '
            f'Nothing here has the address <code>{esc(path)}</code>.</p><p><a href="/">{esc(ui["home"])}</a></p>')
    return layout(ui["not_found"], body, lang)


def error_page(status: int, message: str) -> bytes:
    return layout(f"{status}", f"<h1>{status}</h1><pre>{esc(message)}</pre><p><a href=\"/\">rdgraph</a></p>")


EXAMPLE = """PREFIX rdg: <https://w3id.org/rdgraph/def/regiodeals#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?deal ?label WHERE {
  ?deal a rdg:RegioDeal ; rdg:tranche <https://w3id.org/rdgraph/id/tranche/3> ; rdfs:label ?label .
  FILTER (lang(?label) = "nl")
} ORDER BY ?label"""


def sparql_form_page(query: str = EXAMPLE) -> bytes:
    formats = "".join(f'<option value="{v}">{label}</option>' for v, label in
                      (("html", "HTML"), ("json", "JSON"), ("xml", "XML"), ("csv", "CSV"), ("tsv", "TSV"),
                       ("ttl", "Turtle (CONSTRUCT)"), ("jsonld", "JSON-LD (CONSTRUCT)")))
    body = ('<h1>SPARQL</h1><p>SPARQL 1.1 Protocol endpoint (read-only). '
            'Send <code>GET /sparql?query=…</code> or POST; see <a href="/api/openapi.json">OpenAPI</a>.</p>'
            '<form method="get" action="/sparql">'
            f'<p><textarea name="query" aria-label="query">{esc(query)}</textarea></p>'
            f'<p><label>format <select name="format">{formats}</select></label> '
            '<button type="submit">Run</button></p></form>')
    return layout("SPARQL", body)


def results_page(query: str, result, truncated: bool = False) -> bytes:
    """A SELECT/ASK answer as an HTML table (for browsers)."""
    if result.boolean is not None:
        table = f"<p><strong>{'true' if result.boolean else 'false'}</strong></p>"
    else:
        head = "".join(f"<th>{esc(v)}</th>" for v in result.variables)
        rows = []
        for row in result.rows:
            cells = []
            for t in row:
                if t is None:
                    cells.append("<td></td>")
                elif isinstance(t, ox.NamedNode):
                    path = doc_path(t.value)
                    text = esc(t.value[len(ID):] if path else t.value)
                    if path or t.value.startswith(("http://", "https://")):
                        cells.append(f'<td class="iri"><a href="{esc(path or t.value)}">{text}</a></td>')
                    else:  # never a link to javascript:, data: and the like
                        cells.append(f'<td class="iri">{text}</td>')
                elif isinstance(t, ox.Literal):
                    cells.append(f"<td>{literal_html(t)}</td>")
                else:
                    cells.append(f"<td>_:{esc(t.value)}</td>")
            rows.append(f"<tr>{''.join(cells)}</tr>")
        table = (f'<p class="muted">{len(result.rows)} rows</p>'
                 f'<table class="results"><tr>{head}</tr>{"".join(rows)}</table>')
    warn = '<p class="warn">The answer was cut at the server\'s row limit.</p>' if truncated else ""
    body = (f'<h1>Results</h1>{warn}{table}<h2>Query</h2><pre>{esc(query)}</pre>'
            f'<p><a href="{esc(with_query("/sparql", edit=query))}">edit</a></p>')
    return layout("SPARQL results", body)


__all__ = ["CSS", "CSP", "doc_page", "index_page", "not_found_page", "results_page", "sparql_form_page", "RDF"]
