"""The named queries as tools: ``/queries`` (the list by research question) and ``/queries/{name}`` (its
description, a form generated from its parameter headers, the answer as a sortable table a page at a time,
its chart, downloads, the SPARQL and a permalink)."""

from __future__ import annotations

import re
import urllib.parse

import pyoxigraph as ox
from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response

from ..errors import RdgraphError
from . import i18n, pages
from .graph_view import types_of
from .query_api import Refused, bind
from .query_chart import bars, chart_view, report_chart
from .responses import html, language, not_found, refusal, state_of
from .result_table import fetch_table, page_number
from .routing import Routes

route = Routes()
DOWNLOADS = ("csv", "tsv", "json", "xlsx")


def _param_class(st, nq, name: str) -> str | None:
    """The class of an IRI parameter, from the range of the rdg: property that has it as object in the
    query text (``rdg:evaluationType ?type`` -> rdg:EvaluationType); None when the text does not say."""
    from .graph_view import RDFS, RDG, objects

    m = re.search(r"rdg:(\w+)\s+\?" + re.escape(name) + r"\b", getattr(nq, "text", "") or "")
    if not m:
        return None
    ranges = [o.value for o in objects(st.view, RDG + m.group(1), RDFS + "range")
              if isinstance(o, ox.NamedNode) and o.value.startswith(RDG)]
    return ranges[0] if ranges else None


def _inputs(st, nq, values, lang: str) -> list[dict]:
    out = []
    for p in nq.params:
        field = {"name": p.name, "type": p.type, "description": p.description, "required": bool(p.required),
                 "default": "" if p.default is None else str(p.default), "value": values.get(p.name, ""),
                 "options": [], "input": "text"}
        if p.enum is not None:
            field["input"] = "select"
            field["options"] = [(str(e), str(e)) for e in p.enum]
        elif p.type == "boolean":
            field["input"] = "select"
            field["options"] = [("true", "true"), ("false", "false")]
        elif p.type == "lang":
            field["input"] = "select"
            field["options"] = [("nl", "Nederlands (nl)"), ("en", "English (en)")]
        elif p.type in ("integer", "decimal"):
            field["input"] = "number"
        elif p.type == "date":
            field["input"] = "date"
        elif p.type == "iri":
            field["input"] = "iri"
            base = p.base or ""
            if base:
                things = sorted({s for s in st.view.subjects if s.startswith(base)})
                cls = _param_class(st, nq, p.name)
                if cls:  # only the things of the class the query expects there
                    things = [t for t in things if cls in types_of(st.view, t)] or things
                field["options"] = sorted(((s[len(base):], st.view.label(s, lang)) for s in things),
                                          key=lambda x: x[1].lower())
        out.append(field)
    return out


@route("/queries")
async def query_list_page(request: Request) -> Response:
    st = state_of(request)
    lang, _ = language(request)

    def render():
        groups: dict[str, list] = {}
        for name, nq, err in pages.catalogue_entries(st.catalogue):
            key = nq.research_question if nq and nq.rq else "—"
            groups.setdefault(key, []).append({"name": name, "summary": nq.summary if nq else "", "error": err,
                                               "params": [p.name for p in nq.params] if nq else []})
        return pages.render("queries.html", lang, "/queries", title=i18n.ui(lang)["query_list"],
                            groups=sorted(groups.items()))

    return html(await st.page(("queries", lang), render), request)


def _bind_params(st, name: str, params, lang: str) -> QueryParams:
    """The page's parameters for binding: ``lang`` is the page's language, and also the answer's for queries
    that have a lang parameter (the page's language unless the form says otherwise)."""
    try:
        has_lang = any(p.name == "lang" for p in st.catalogue.get(name).params)
    except RdgraphError:
        has_lang = False
    items = [(k, v) for k, v in params.multi_items() if k != "page" and (has_lang or k != "lang")]
    if has_lang and "lang" not in params:
        items.append(("lang", lang))
    return QueryParams(items)


def _link(path: str, values: dict, **extra) -> str:
    qs = urllib.parse.urlencode([*((k, v) for k, v in values.items() if v != ""), *extra.items()])
    return path + (f"?{qs}" if qs else "")


@route("/queries/{name}")
async def query_page(request: Request) -> Response:
    st = state_of(request)
    lang, _ = language(request)
    name = request.path_params["name"]
    params = request.query_params
    bind_params = _bind_params(st, name, params, lang)
    try:
        nq, text, _formats = bind(st, name, bind_params, lang)
        error = None
    except Refused as e:
        if e.status == 404:
            return not_found(request)
        nq = st.catalogue.get(name) if e.status == 400 else None
        if nq is None:
            return refusal(request, e.status, e.message)
        # a first visit to a query with required parameters shows the form, not an error
        text = None
        error = e.message + (f" ({e.hint})" if e.hint else "") if any(k not in ("lang", "page") for k in params) \
            else None
    values = {k: v for k, v in bind_params.items() if k != "format"}
    table = chart = None
    if text is not None:
        table, ans = await fetch_table(st, {"query": text, "lang": lang}, lang, page_number(params), cached=True)
        if table is None:
            error = ans.first.decode("utf-8", "replace").strip()
        else:
            chart = await _chart(st, name, lang, values, table)
    path = f"/queries/{name}"
    downloads = [(f.upper(), _link(f"/api/queries/{name}", values, format=f)) for f in DOWNLOADS]
    body = pages.render("query.html", lang, _link(path, values), title=nq.summary or name, name=name, nq=nq,
                        fields=_inputs(st, nq, values, lang), table=table, error=error, sparql=text,
                        downloads=downloads, permalink=_link(path, values),
                        pager=_pager(table, path, values), download=downloads[0][1],
                        edit="/sparql?" + urllib.parse.urlencode({"edit": text}) if text else None,
                        chart=chart)
    return html(body, request)


async def _chart(st, name: str, lang: str, values: dict, table: dict) -> dict | None:
    """The report's chart of this query (``kind`` "report"), else plain bars of a small answer, else None."""
    shown = {k: v for k, v in values.items() if v != ""}
    drawn = await report_chart(st, name, lang, shown)
    if drawn is not None and drawn.data.rows:  # an empty answer draws nothing (the table says 0 rows)
        return {"kind": "report", **chart_view(drawn, name, lang, shown)}
    plain = bars(table)
    return {"kind": "bars", **plain} if plain else None


def chart_params(request: Request) -> tuple[str, dict[str, str]]:
    """(page language, the parameters a chart is drawn for) of a query page's request."""
    lang, _ = language(request)
    name = request.path_params["name"]
    bound = _bind_params(state_of(request), name, request.query_params, lang)
    return lang, {k: v for k, v in bound.items() if k != "format" and v != ""}


def _pager(table: dict | None, path: str, values: dict) -> dict | None:
    """Links to the previous and next page of a long answer (None when it fits on one)."""
    if not table or table["pages"] <= 1:
        return None
    page = table["page"]
    return {"prev": _link(path, values, page=page - 1) if page > 1 else None,
            "next": _link(path, values, page=page + 1) if page < table["pages"] else None}


__all__ = ["route"]
