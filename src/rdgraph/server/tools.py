"""The named queries as tools (REST API, OpenAPI, Swagger UI, HTML forms with downloads) and the SPARQL editor."""

from __future__ import annotations

import io
import json
import re
import urllib.parse

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..errors import RdgraphError, UnknownQueryError
from . import i18n, negotiate, pages
from .api import openapi, query_list
from .graph_view import doc_path, types_of

API_OFFERS = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
              "text/tab-separated-values")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DISPLAY_ROWS = 1000
NUMERIC = ("integer", "decimal", "double", "float", "int", "long", "short", "nonNegativeInteger",
           "positiveInteger", "gYear")


def _app():
    from . import app

    return app


# ---------------------------------------------------------------- REST

def _bind(st, name: str, params) -> tuple[object, str, list[str]]:
    """(named query, bound text, format values) or raise an (status, message, hint) tuple."""
    try:
        nq = st.catalogue.get(name)
    except UnknownQueryError as e:
        raise _Refused(404, e.message, e.hint) from None
    except RdgraphError as e:  # a query file that does not load
        raise _Refused(500, f"query {name!r} cannot be loaded: {e.message}", e.hint) from None
    formats = params.getlist("format")
    values: dict[str, object] = {}
    for key in params.keys():
        if key in ("format", "lang_ui"):
            continue
        vals = params.getlist(key)
        if len(vals) > 1:
            raise _Refused(400, f"parameter {key!r} given {len(vals)} times", "give each parameter once")
        if vals[0] != "":
            values[key] = vals[0]
    try:
        text = nq.bind(values)
    except RdgraphError as e:
        raise _Refused(400, e.message, e.hint) from None
    return nq, text, formats


class _Refused(Exception):
    def __init__(self, status: int, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.hint = status, message, hint


async def api_list(request: Request) -> Response:
    st = _app().state_of(request)
    return Response(_app().json_body(query_list(st.catalogue)), media_type="application/json")


async def api_openapi(request: Request) -> Response:
    st = _app().state_of(request)
    return Response(_app().json_body(openapi(st.catalogue, "/")), media_type="application/json")


async def api_query(request: Request) -> Response:
    app = _app()
    st = app.state_of(request)
    name = request.path_params["name"]
    try:
        nq, text, formats = _bind(st, name, request.query_params)
    except _Refused as e:
        return app.api_error(e.status, e.message, e.hint)
    if formats and formats[0].lower() == "xlsx":
        return await _xlsx(st, name, text)
    if formats and formats[0].lower() == "html":
        qs = urllib.parse.urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "format"])
        return Response(status_code=303, headers={"Location": f"/queries/{name}" + (f"?{qs}" if qs else "")})
    if formats and negotiate.from_format(formats, API_OFFERS) is None:
        return app.api_error(400, f"unknown format {formats[0]!r}", "use json, xml, csv, tsv or xlsx")
    job = {"kind": "named", "query": text, "accept": request.headers.get("accept"), "formats": formats}
    ans = await st.run_cached(job)
    if ans.status >= 400 and ans.content_type.startswith("text/plain"):
        return app.api_error(ans.status, ans.first.decode("utf-8", "replace").strip())
    headers = {"Vary": "Accept"}
    if formats and formats[0].lower() in ("csv", "tsv", "json", "xml"):
        headers["Content-Disposition"] = f'attachment; filename="{name}.{formats[0].lower()}"'
    return app.from_answer(ans, headers, st)


async def _table(st, text: str):
    """(result, more) from a worker: the first DISPLAY_ROWS rows, or an Answer with an error."""
    from ..results import from_sparql_json

    ans = await st.run_cached({"kind": "table", "query": text, "rows": DISPLAY_ROWS})
    if ans.status != 200:
        return None, False, ans
    return from_sparql_json(json.loads(ans.first)), ans.headers.get("X-Rdgraph-More") == "true", ans


async def _xlsx(st, name: str, text: str) -> Response:
    """The whole answer as an Excel workbook: numbers as numbers, dates as dates, IRIs as text."""
    from starlette.concurrency import run_in_threadpool

    from ..results import from_sparql_json

    ans = await st.run({"kind": "sparql", "query": text, "formats": ["json"]})
    if ans.status != 200:
        return _app().api_error(ans.status, ans.first.decode("utf-8", "replace").strip())
    data = await ans.body()
    result = from_sparql_json(json.loads(data))

    def build() -> bytes:
        import datetime as dt

        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet(name[:31])
        ws.append(list(result.variables))
        for row in result.rows:
            cells = []
            for t in row:
                if isinstance(t, ox.Literal):
                    local = t.datatype.value.rsplit("#", 1)[-1] if t.datatype else ""
                    try:
                        if local in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger", "gYear"):
                            cells.append(int(t.value))
                        elif local in ("decimal", "double", "float"):
                            cells.append(float(t.value))
                        elif local == "date":
                            cells.append(dt.date.fromisoformat(t.value))
                        elif local == "boolean":
                            cells.append(t.value == "true")
                        else:
                            cells.append(t.value)
                    except ValueError:
                        cells.append(t.value)
                elif t is None:
                    cells.append(None)
                else:
                    cells.append(t.value)
            ws.append(cells)
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()

    body = await run_in_threadpool(build)
    return Response(body, media_type=XLSX, headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'})


# ---------------------------------------------------------------- HTML tools

def cell(view, term, lang: str) -> dict:
    """A result cell for the HTML table: text, link, alignment, sort key."""
    if term is None:
        return {"text": "", "sort": ""}
    if isinstance(term, ox.NamedNode):
        path = doc_path(term.value)
        label = view.label(term.value, lang)
        if path:
            return {"text": label, "href": pages.quote_path(path), "sort": label.lower(), "title": term.value}
        if term.value.startswith(("http://", "https://")):
            return {"text": term.value, "href": term.value, "sort": term.value}
        return {"text": term.value, "sort": term.value}
    if isinstance(term, ox.Literal):
        local = term.datatype.value.rsplit("#", 1)[-1] if term.datatype and not term.language else ""
        if local in NUMERIC and local != "gYear":
            return {"text": pages.number(term.value, lang), "num": True, "sort": term.value}
        if local in ("date", "dateTime", "gYear", "gYearMonth"):
            return {"text": term.value[:10], "date": True, "sort": term.value}
        return {"text": term.value, "lang": term.language, "sort": term.value.lower()}
    return {"text": "_:" + term.value, "sort": term.value}


def chart(table: dict | None, max_rows: int = 40) -> dict | None:
    """A bar chart of a small answer: the first text column against the last numeric column
    (shown beside the table, which is its text alternative); None when the answer has no such pair."""
    if not table or table.get("boolean") is not None or not 2 <= len(table["rows"]) <= max_rows:
        return None
    rows, head = table["rows"], table["head"]
    numeric = [i for i in range(len(head)) if all(r[i].get("num") or not r[i]["text"] for r in rows)
               and any(r[i].get("num") for r in rows)]
    text = [i for i in range(len(head)) if i not in numeric and any(r[i]["text"] for r in rows)]
    if not numeric or not text:
        return None
    li = next((i for i in text if head[i].lower().endswith("label")), text[0])
    vi = numeric[-1]
    values = []
    for r in rows:
        try:
            values.append(float(r[vi]["sort"]) if r[vi]["text"] else 0.0)
        except ValueError:
            return None
    top = max(values) or 1.0
    if min(values) < 0:
        return None
    bars = [{"label": r[li]["text"], "href": r[li].get("href"), "value": r[vi]["text"] or "0",
             "share": round(20 * v / top)} for r, v in zip(rows, values)]
    return {"label": head[li], "value": head[vi], "bars": bars}


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


async def query_list_page(request: Request) -> Response:
    app = _app()
    st = app.state_of(request)
    lang, _ = app.language(request)

    def render():
        groups: dict[str, list] = {}
        for name, nq, err in pages.catalogue_entries(st.catalogue):
            key = nq.research_question if nq and nq.rq else "—"
            groups.setdefault(key, []).append({"name": name, "summary": nq.summary if nq else "", "error": err,
                                               "params": [p.name for p in nq.params] if nq else []})
        return pages.render("queries.html", lang, "/queries", title=i18n.ui(lang)["query_list"],
                            groups=sorted(groups.items()))

    return app.html(await st.page(("queries", lang), render), request)


async def query_page(request: Request) -> Response:
    app = _app()
    st = app.state_of(request)
    lang, _ = app.language(request)
    name = request.path_params["name"]
    params = request.query_params
    ui = i18n.ui(lang)
    # "lang" is both the page's language and, for queries that have it, the answer's language
    try:
        nq0 = st.catalogue.get(name)
        has_lang = any(p.name == "lang" for p in nq0.params)
    except RdgraphError:
        has_lang = False
    bind_params = params if has_lang else _without(params, "lang")
    if has_lang and "lang" not in params:
        bind_params = _with(params, lang=lang)
    try:
        nq, text, _formats = _bind(st, name, bind_params)
        error = None
    except _Refused as e:
        if e.status == 404:
            return app.not_found(request)
        nq = st.catalogue.get(name) if e.status == 400 else None
        if nq is None:
            return app.refusal(request, e.status, e.message)
        # a first visit to a query with required parameters shows the form, not an error
        text = None
        error = e.message + (f" ({e.hint})" if e.hint else "") if any(k != "lang" for k in params) else None
    values = {k: v for k, v in bind_params.items() if k != "format"}
    result, more, table = None, False, None
    if text is not None:
        result, more, ans = await _table(st, text)
        if result is None:
            error = ans.first.decode("utf-8", "replace").strip()
    if result is not None:
        table = {"head": result.variables, "rows": [[cell(st.view, t, lang) for t in row] for row in result.rows],
                 "boolean": result.boolean}
    qs = urllib.parse.urlencode([(k, v) for k, v in values.items() if v != ""])
    downloads = [(f.upper(), f"/api/queries/{name}?" + urllib.parse.urlencode(
        [*((k, v) for k, v in values.items() if v != ""), ("format", f)])) for f in ("csv", "tsv", "json", "xlsx")]
    body = pages.render("query.html", lang, f"/queries/{name}" + (f"?{qs}" if qs else ""), title=nq.summary or name,
                        name=name, nq=nq, fields=_inputs(st, nq, values, lang), table=table, more=more, error=error,
                        sparql=text, downloads=downloads, permalink=f"/queries/{name}" + (f"?{qs}" if qs else ""),
                        edit="/sparql?" + urllib.parse.urlencode({"edit": text}) if text else None,
                        count=len(table["rows"]) if table else 0, ui_more=ui["more_rows"], chart=chart(table))
    return app.html(body, request)


def _with(params, **extra):
    from starlette.datastructures import QueryParams

    return QueryParams([*params.multi_items(), *extra.items()])


def _without(params, *names):
    from starlette.datastructures import QueryParams

    return QueryParams([(k, v) for k, v in params.multi_items() if k not in names])


async def api_docs(request: Request) -> Response:
    app = _app()
    lang, _ = app.language(request)
    return app.html(pages.render("apidocs.html", lang, "/api/docs", title=i18n.ui(lang)["api_docs"]), request)


# ---------------------------------------------------------------- SPARQL editor

EXAMPLE = """# rdgraph's prefixes (rdg:, rdfs:, tranche:, regiodeal: ...) are known here without PREFIX lines
SELECT ?deal ?label WHERE {
  ?deal a rdg:RegioDeal ; rdg:tranche tranche:3 ; rdfs:label ?label .
  FILTER (lang(?label) = "nl")
} ORDER BY ?label"""
POSITION = re.compile(r"(?:at|line) (\d+):(\d+)")


def error_position(query: str, message: str) -> dict | None:
    """Line, column and the offending line of a parser message "error at L:C: ..."."""
    m = POSITION.search(message)
    if not m:
        return None
    line, col = int(m.group(1)), int(m.group(2))
    lines = query.split("\n")
    if not 1 <= line <= len(lines):
        return None
    return {"line": line, "column": col, "text": lines[line - 1], "before": lines[line - 1][:max(0, col - 1)]}


async def sparql_editor(request: Request, st, query: str | None = None, error: str | None = None,
                        status: int = 200) -> Response:
    app = _app()
    lang, _ = app.language(request)
    query = query if query is not None else request.query_params.get("edit") or EXAMPLE
    body = pages.render("sparql.html", lang, "/sparql", title="SPARQL", query=query, error=error,
                        position=error_position(query, error) if error else None)
    return app.html(body, request, status)


async def sparql_results_page(request: Request, st, req) -> Response:
    """?format=html: the answer as a table under the editor; an error keeps the query and shows where it is."""
    from ..results import from_sparql_json

    app = _app()
    lang, _ = app.language(request)
    ans = await st.run({"kind": "table", "query": req.query, "rows": DISPLAY_ROWS,
                        "default_graphs": req.default_graphs, "named_graphs": req.named_graphs})
    if ans.status != 200:
        return await sparql_editor(request, st, req.query, ans.first.decode("utf-8", "replace").strip(), ans.status)
    result = from_sparql_json(json.loads(ans.first))
    table = {"head": result.variables, "rows": [[cell(st.view, t, lang) for t in row] for row in result.rows],
             "boolean": result.boolean}
    body = pages.render("sparql.html", lang, "/sparql", title="SPARQL", query=req.query, error=None, position=None,
                        table=table, more=ans.headers.get("X-Rdgraph-More") == "true",
                        count=len(result.rows))
    return app.html(body, request)


def routes() -> list:
    return [
        Route("/queries", query_list_page),
        Route("/queries/{name}", query_page),
        Route("/api/queries", api_list),
        Route("/api/queries/", api_list),
        Route("/api/queries/{name}", api_query),
        Route("/api/openapi.json", api_openapi),
        Route("/api/docs", api_docs),
    ]


__all__ = ["JSONResponse", "routes"]
