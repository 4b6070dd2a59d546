"""The named-query API: ``/api/queries`` (the list), ``/api/queries/{name}`` (an answer as JSON, XML, CSV, TSV
or xlsx, parameters in the query string), ``/api/openapi.json`` and its Swagger UI at ``/api/docs``."""

from __future__ import annotations

import json
import urllib.parse

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ..errors import RdgraphError, UnknownQueryError
from . import i18n, negotiate, pages
from .api import openapi, query_list
from .responses import api_error, from_answer, html, json_body, language, state_of, stated_language
from .routing import Routes
from .xlsx import XLSX, workbook

route = Routes()
API_OFFERS = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
              "text/tab-separated-values")


class Refused(Exception):
    """A named query that cannot be bound: the HTTP status, the message and a hint."""

    def __init__(self, status: int, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.hint = status, message, hint


def bind(st, name: str, params, lang: str) -> tuple[object, str, list[str]]:
    """(named query, bound text, format values), or raise :class:`Refused`."""
    try:
        nq = st.catalogue.get(name)
    except UnknownQueryError as e:
        raise Refused(404, e.message, e.hint) from None
    except RdgraphError as e:  # a query file that does not load
        raise Refused(500, i18n.msg("server.query_broken", lang, name=name, message=e.message), e.hint) from None
    formats = params.getlist("format")
    values: dict[str, object] = {}
    for key in params.keys():
        if key in ("format", "lang_ui", "page"):
            continue
        vals = params.getlist(key)
        if len(vals) > 1:
            raise Refused(400, i18n.msg("server.param_twice", lang, name=key, n=len(vals)),
                          i18n.msg("server.param_twice_hint", lang))
        if vals[0] != "":
            values[key] = vals[0]
    try:
        text = nq.bind(values)
    except RdgraphError as e:
        raise Refused(400, e.message, e.hint) from None
    return nq, text, formats


@route("/api/queries", "/api/queries/")
async def api_list(request: Request) -> Response:
    return Response(json_body(query_list(state_of(request).catalogue)), media_type="application/json")


@route("/api/queries/{name}")
async def api_query(request: Request) -> Response:
    st = state_of(request)
    lang = stated_language(request)
    name = request.path_params["name"]
    try:
        _nq, text, formats = bind(st, name, request.query_params, lang)
    except Refused as e:
        return api_error(e.status, e.message, e.hint)
    fmt = formats[0].lower() if formats else None
    if fmt == "xlsx":
        return await _xlsx(st, name, text, lang)
    if fmt == "html":
        qs = urllib.parse.urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "format"])
        return Response(status_code=303, headers={"Location": f"/queries/{name}" + (f"?{qs}" if qs else "")})
    if formats and negotiate.from_format(formats, API_OFFERS) is None:
        return api_error(400, i18n.msg("server.unknown_format", lang, format=formats[0]),
                         i18n.msg("server.unknown_format_hint", lang))
    ans = await st.run_cached({"kind": "named", "query": text, "accept": request.headers.get("accept"),
                               "formats": formats, "lang": lang})
    if ans.status >= 400 and ans.content_type.startswith("text/plain"):
        return api_error(ans.status, ans.first.decode("utf-8", "replace").strip())
    headers = {"Vary": "Accept"}
    if fmt in ("csv", "tsv", "json", "xml"):
        headers["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return from_answer(ans, headers, st)


async def _xlsx(st, name: str, text: str, lang: str) -> Response:
    from ..results import from_sparql_json

    ans = await st.run({"kind": "sparql", "query": text, "formats": ["json"], "lang": lang})
    if ans.status != 200:
        return api_error(ans.status, ans.first.decode("utf-8", "replace").strip())
    result = from_sparql_json(json.loads(await ans.body()))
    body = await run_in_threadpool(workbook, name, result)
    return Response(body, media_type=XLSX, headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'})


@route("/api/openapi.json")
async def api_openapi(request: Request) -> Response:
    return Response(json_body(openapi(state_of(request).catalogue, "/")), media_type="application/json")


@route("/api/docs")
async def api_docs(request: Request) -> Response:
    lang, _ = language(request)
    return html(pages.render("apidocs.html", lang, "/api/docs", title=i18n.ui(lang)["api_docs"]), request)


__all__ = ["Refused", "bind", "route"]
