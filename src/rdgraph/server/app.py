"""The HTTP server: a Starlette application (:func:`create_app`), run on uvicorn by :mod:`.serving`.

Routes, each module's :class:`.routing.Routes` table in the order of :data:`MODULES`::

    /                          home: search, browse by tranche/province/opgave/domain with counts (:mod:`.home`)
    /search, /api/search       search over labels, alternative labels and descriptions (HTML, JSON)
    /provinces                 deals and money per province (table and tile chart)
    /new-deal, /api/validate   the entry form, validated live, downloaded for rdgraph add (:mod:`.entry_form`)
    /sparql                    SPARQL 1.1 Protocol (GET, POST form, POST direct); the editor for browsers
                               (:mod:`.sparql_pages`)
    /releases[/{v}/[{file}]]   release history, a release's files and changelog (:mod:`.releases`)
    /id/{type}/{ref}           303 See Other -> /doc/{type}/{ref} (:mod:`.linked_data`)
    /doc/{type}/{ref}          a thing's page (summary card, properties, links here, footnotes) or RDF
    /def/regiodeals            the ontology (HTML or RDF)
    /queries, /queries/{name}  the named queries as tools: form, table, chart, downloads, SPARQL, permalink
                               (:mod:`.query_pages`)
    /api/queries[/{name}]      the named queries (JSON list; answers as JSON, CSV, TSV, XML, xlsx) (:mod:`.query_api`)
    /api/openapi.json          OpenAPI 3, generated from the query headers; /api/docs: Swagger UI
    /static/...                stylesheets, scripts and the vendored editor, all served from here

Around them (:mod:`.middleware`): size limits, the Host allow-list, the SPARQL fast path. The graph is
loaded once (by the caller) and only read (:class:`.state.State`).
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from . import entry_form, home, i18n, linked_data, query_api, query_chart, query_pages, releases, sparql_pages
from .middleware import FastSparql, HostAllowList, Limits, allowed_hosts
from .responses import language, not_found, refusal, stated_language, text, wants_html
from .state import State

HERE = Path(__file__).parent
MODULES = (home, entry_form, sparql_pages, releases, linked_data, query_pages, query_chart, query_api)


def routes() -> list:
    return [*(r for m in MODULES for r in m.route.table),
            Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static")]


async def _http_error(request: Request, exc) -> Response:
    status = getattr(exc, "status_code", 404)
    lang = language(request)[0] if wants_html(request) else stated_language(request)
    if status == 404:
        return not_found(request)
    if status == 405:
        return refusal(request, 405, i18n.msg("sparql.method_read_only", lang, method=request.method),
                       {"Allow": "GET, HEAD"})
    return refusal(request, status, getattr(exc, "detail", "") or i18n.msg("server.bad_request", lang))


async def _error_handler(request: Request, exc: Exception) -> Response:
    sys.stderr.write(f"rdgraph serve: internal error on {request.url.path!r}: {type(exc).__name__}: {exc}\n")
    return text(500, i18n.msg("server.internal", stated_language(request)))


def create_app(state: State, host: str = "127.0.0.1", allow_hosts: list[str] | None = None,
               extra_routes: list | None = None, on_ready=None) -> Starlette:
    """The ASGI application. ``extra_routes`` are tried before the built-in ones (new pages plug in here)."""

    @contextlib.asynccontextmanager
    async def lifespan(app):
        await state.pool.start()
        if on_ready:
            on_ready()
        try:
            yield
        finally:
            state.close()

    hosts = allowed_hosts(host, allow_hosts)
    app = Starlette(routes=[*(extra_routes or []), *routes()], lifespan=lifespan,
                    middleware=[Middleware(Limits),
                                Middleware(HostAllowList, allowed_hosts=hosts),
                                Middleware(FastSparql)],
                    exception_handlers={404: _http_error, 405: _http_error, 400: _http_error,
                                        Exception: _error_handler})
    app.state.rdgraph = state
    app.state.allowed_hosts = hosts  # for .fastpath.LightFront, which uvicorn runs in front of the app
    return app


__all__ = ["MODULES", "State", "allowed_hosts", "create_app", "routes"]
