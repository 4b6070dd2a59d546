"""``/sparql``: the SPARQL 1.1 Protocol (GET, POST form, POST direct) for machines; for browsers the editor,
and with ``format=html`` the answer as a table under it (an error keeps the query and shows where it is)."""

from __future__ import annotations

import re
import urllib.parse

from starlette.requests import Request
from starlette.responses import Response

from . import i18n, negotiate, pages
from .responses import from_answer, html, language, read_body, refusal, state_of, stated_language, text, wants_html
from .result_table import fetch_table, page_number
from .routing import Routes
from .sparql_protocol import MAX_BODY, ProtocolError, parse_request

route = Routes()
EXAMPLE = """# rdgraph's prefixes (rdg:, rdfs:, tranche:, regiodeal: ...) are known here without PREFIX lines
SELECT ?deal ?label WHERE {
  ?deal a rdg:RegioDeal ; rdg:tranche tranche:3 ; rdfs:label ?label .
  FILTER (lang(?label) = "nl")
} ORDER BY ?label"""
POSITION = re.compile(r"(?:at|line) (\d+):(\d+)")


@route("/sparql", methods=("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"))
async def sparql(request: Request) -> Response:
    st = state_of(request)
    method = request.method
    if method not in ("GET", "HEAD", "POST"):
        return text(405, i18n.msg("sparql.method_read_only", stated_language(request), method=method),
                    {"Allow": "GET, HEAD, POST"})
    try:
        body = await read_body(request, st.limits.query_bytes or MAX_BODY) if method == "POST" else b""
        qs = request.url.query
        params = urllib.parse.parse_qs(qs, keep_blank_values=True)
        if method != "POST" and "query" not in params and "update" not in params:
            if wants_html(request):
                return editor(request)
            raise ProtocolError(400, "sparql.no_query")
        req = parse_request("GET" if method == "HEAD" else method, qs, request.headers.get("content-type"), body)
    except ProtocolError as e:
        said = e.text(stated_language(request))
        return refusal(request, e.status, said, e.headers) if e.status != 413 else text(e.status, said, e.headers)
    if negotiate.from_format(req.formats, ("text/html",)) == "text/html":
        return await results_page(request, st, req)
    job = {"kind": "sparql", "query": req.query, "accept": request.headers.get("accept"), "formats": req.formats,
           "default_graphs": req.default_graphs, "named_graphs": req.named_graphs,
           "lang": stated_language(request)}
    return from_answer(await st.run(job), {"Vary": "Accept"}, st)


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


def editor(request: Request, query: str | None = None, error: str | None = None, status: int = 200,
           **shown) -> Response:
    """The editor page with ``query`` (or ?edit=, or the example), an error at its position, or an answer."""
    lang, _ = language(request)
    query = query if query is not None else request.query_params.get("edit") or EXAMPLE
    body = pages.render("sparql.html", lang, "/sparql", title="SPARQL", query=query, error=error,
                        position=error_position(query, error) if error else None, **shown)
    return html(body, request, status)


async def results_page(request: Request, st, req) -> Response:
    """?format=html: the answer as a table under the editor, a page of rows at a time."""
    lang, _ = language(request)
    job = {"query": req.query, "default_graphs": req.default_graphs, "named_graphs": req.named_graphs,
           "lang": lang}
    table, ans = await fetch_table(st, job, lang, page_number(request.query_params))
    if table is None:
        return editor(request, req.query, ans.first.decode("utf-8", "replace").strip(), ans.status)
    return editor(request, req.query, table=table, pager=_pager(request, table), download=_download(request))


def _pager(request: Request, table: dict) -> dict | None:
    if table["pages"] <= 1 or request.method != "GET":
        return None
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]

    def at(page: int) -> str:
        return "/sparql?" + urllib.parse.urlencode([*kept, ("page", str(page))])

    page = table["page"]
    return {"prev": at(page - 1) if page > 1 else None, "next": at(page + 1) if page < table["pages"] else None}


def _download(request: Request) -> str | None:
    """The whole answer as CSV (the same query without format=html), for a GET."""
    if request.method != "GET":
        return None
    kept = [(k, v) for k, v in request.query_params.multi_items() if k not in ("page", "format")]
    return "/sparql?" + urllib.parse.urlencode([*kept, ("format", "csv")])


__all__ = ["EXAMPLE", "error_position", "route"]
