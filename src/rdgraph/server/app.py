"""The HTTP server: a Starlette application on uvicorn.

Routes (see :func:`routes`; other modules add theirs with ``create_app(..., extra_routes=[...])``)::

    /                          home: search, browse by tranche/province/opgave/domain with counts
    /search, /api/search       search over labels, alternative labels and descriptions (HTML, JSON)
    /provinces                 deals and money per province (table and tile chart)
    /queries, /queries/{name}  the named queries as tools: form, table, downloads, SPARQL, permalink
    /sparql                    SPARQL 1.1 Protocol (GET, POST form, POST direct); the editor for browsers
    /id/{type}/{ref}           303 See Other -> /doc/{type}/{ref}
    /doc/{type}/{ref}          a thing's page (summary card, properties, links here, footnotes) or RDF
    /def/regiodeals            the ontology (HTML or RDF)
    /api/queries[/{name}]      the named queries (JSON list; answers as JSON, CSV, TSV, XML, xlsx)
    /api/openapi.json          OpenAPI 3, generated from the query headers; /api/docs: Swagger UI
    /static/...                stylesheets, scripts and the vendored editor, all served from here
    /releases[/{v}/[{file}]]   release history, a release's files and changelog (:mod:`.releases`)
    /new-deal, /api/validate   the entry form, validated live, downloaded for rdgraph add (:mod:`.entry_form`)

The graph is loaded once (by the caller) and only read. SPARQL runs in worker processes with a
deadline (see :mod:`.executor`); pages read the server's store directly (small, bounded lookups),
off the event loop, and are cached (the graph never changes while the server runs).
"""

from __future__ import annotations

import asyncio
import json
import shutil
import socket
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import OrderedDict
from pathlib import Path

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import ParameterError, RdgraphError
from ..namespaces import ID
from ..paths import cache_dir
from ..turtle import write as write_rdf
from . import i18n, negotiate, pages
from .executor import Answer, Busy, QueryPool, QueryTimeout, ResultTooLarge, WorkerDied
from .graph_view import GraphView
from .search import SearchIndex
from .sparql_protocol import MAX_BODY, ProtocolError, parse_request

HERE = Path(__file__).parent
DOC_OFFERS = ("text/html", "text/turtle", "application/ld+json", "application/n-triples",
              "application/xhtml+xml", "application/json")
DOC_FORMATS = {"text/turtle": ox.RdfFormat.TURTLE, "application/ld+json": ox.RdfFormat.JSON_LD,
               "application/json": ox.RdfFormat.JSON_LD, "application/n-triples": ox.RdfFormat.N_TRIPLES}
MAX_URL = 32 * 1024         # request target (path and query string)
MAX_HEADERS = 32 * 1024     # all request headers together
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")


class State:
    """What the routes share: the graph (read only), its view and search index, caches, the query workers."""

    def __init__(self, kg, *, timeout: float = 30.0, max_bytes: int = 1 << 30, workers: int = 2,
                 quiet: bool = False, limits=None) -> None:
        from ..limits import current

        self.limits = limits or current()
        if timeout <= 0 or max_bytes <= 0 or workers <= 0:
            raise ParameterError("--timeout, --max-bytes and --workers must be positive")
        self.kg = kg
        self.timeout = float(timeout)
        self.max_bytes = int(max_bytes)
        self.quiet = quiet
        self.view = GraphView(kg.store)
        self.search = SearchIndex(self.view)
        self.catalogue = kg.catalogue
        self._lock = threading.Lock()
        self._pages: OrderedDict[tuple, bytes] = OrderedDict()
        self._answers: OrderedDict[tuple, Answer] = OrderedDict()
        self._tmp = Path(tempfile.mkdtemp(prefix="rdgraph-serve-"))
        cached = cache_dir() / f"graph-{kg.info.key[:32]}.db"
        if cached.is_dir():  # written by load() when it built the graph, or read from it
            # The very database the CLI opens (read-only, shared by every worker): the same quads in the
            # same order, so queries whose answer depends on evaluation order answer as the CLI does.
            source = cached
        else:
            source = self._tmp / "graph.nq"
            kg.store.dump(str(source), format=ox.RdfFormat.N_QUADS)
        self.pool = QueryPool(source, workers=workers, limits=self.limits)

    def log(self, message: str) -> None:
        if not self.quiet:
            sys.stderr.write(message.rstrip("\n") + "\n")

    async def page(self, key: tuple, render) -> bytes:
        """A rendered page from the cache, or rendered off the event loop and kept (512 most recent)."""
        with self._lock:
            if key in self._pages:
                self._pages.move_to_end(key)
                return self._pages[key]
        body = await run_in_threadpool(render)
        with self._lock:
            self._pages[key] = body
            while len(self._pages) > 512:
                self._pages.popitem(last=False)
        return body

    async def run(self, job: dict) -> Answer:
        """A query job on a worker; 503 answers for a timeout or busy workers (before any byte was sent)."""
        job = {"max_bytes": self.max_bytes, **job}
        try:
            return await self.pool.run(job, self.timeout)
        except QueryTimeout:
            return _text_answer(503, f"the query did not finish within {self.timeout:g} s (the server's --timeout) "
                                     "and was stopped; make it more selective or add a LIMIT", {"Retry-After": "1"})
        except Busy:
            return _text_answer(503, f"all query workers stayed busy for {self.timeout:g} s; try again later",
                                {"Retry-After": "2"})
        except WorkerDied:
            return _text_answer(500, "the query worker died; it has been restarted (internal error)")

    async def run_cached(self, job: dict) -> Answer:
        """Named queries: an answer of at most 256 KiB is kept (256 most recent) and served again."""
        key = (job["query"], job.get("kind"), job.get("accept"), tuple(job.get("formats") or ()), job.get("rows"))
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]
        ans = await self.run(job)
        if ans.status == 200 and ans.done and len(ans.first) <= 256 * 1024:
            with self._lock:
                self._answers[key] = ans
                while len(self._answers) > 256:
                    self._answers.popitem(last=False)
        return ans

    def close(self) -> None:
        self.pool.close()
        shutil.rmtree(self._tmp, ignore_errors=True)


def _text_answer(status: int, message: str, headers: dict[str, str] | None = None) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", headers or {}, (message.rstrip("\n") + "\n").encode(), True)


# ---------------------------------------------------------------- request helpers

def state_of(request: Request) -> State:
    return request.app.state.rdgraph


def language(request: Request) -> tuple[str, bool]:
    return i18n.choose(request.query_params.get("lang"), request.cookies.get(i18n.COOKIE),
                       request.headers.get("accept-language"))


def stated_language(request: Request) -> str:
    """The language the client asked for (?lang=, cookie, Accept-Language); English when it said nothing, as
    SPARQL protocol clients (scripts, other endpoints) usually do."""
    return i18n.stated(request.query_params.get("lang"), request.cookies.get(i18n.COOKIE),
                       request.headers.get("accept-language")) or "en"


def wants_html(request: Request) -> bool:
    return negotiate.choose(request.headers.get("accept"), ("text/plain", "text/html")) == "text/html"


def html(body: bytes, request: Request, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    lang, explicit = language(request)
    resp = Response(body, status, media_type="text/html; charset=utf-8",
                    headers={"Content-Security-Policy": pages.CSP, "Vary": "Accept, Accept-Language, Cookie",
                             **(headers or {})})
    if explicit:  # the language asked for stays chosen on the next pages
        resp.set_cookie(i18n.COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax", httponly=True)
    return resp


def text(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(message.rstrip("\n") + "\n", status, headers=headers)


def api_error(status: int, message: str, hint: str | None = None, headers: dict[str, str] | None = None) -> Response:
    body = {"error": message, "status": status, **({"hint": hint} if hint else {})}
    return JSONResponse(body, status, headers=headers)


def refusal(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """A 4xx/5xx in the format the client asked for: JSON for /api, an HTML page for browsers, else text."""
    if request.url.path.startswith("/api/"):
        return api_error(status, message, headers=headers)
    if wants_html(request):
        lang, _ = language(request)
        return html(pages.error_page(status, message, lang), request, status, headers)
    return text(status, message, headers)


def from_answer(ans: Answer, headers: dict[str, str] | None = None, state: State | None = None) -> Response:
    headers = {**ans.headers, **(headers or {})}
    if ans.done:
        return Response(ans.first, ans.status, media_type=ans.content_type, headers=headers)

    async def body():
        yield ans.first
        try:
            async for chunk in ans.rest:
                yield chunk
        except (QueryTimeout, ResultTooLarge, WorkerDied) as e:
            # The head went out already: cut the connection without the last chunk, so that the client sees
            # an incomplete answer (an error), never a shorter one that looks whole.
            if state is not None:
                state.log(f"rdgraph serve: answer cut: {type(e).__name__}: {e}")
            raise _Abort() from None

    return StreamingResponse(body(), ans.status, media_type=ans.content_type, headers=headers)


class _Abort(Exception):
    """Raised inside a streamed body to end the response without its final chunk."""


# ---------------------------------------------------------------- middleware

class Limits:
    """Bounded request targets and headers (414 / 431) before anything else reads them."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            target = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
            status, message = None, ""
            if target > MAX_URL:
                status, message = 414, f"the request target is longer than {MAX_URL} bytes; POST a long query"
            elif sum(len(k) + len(v) for k, v in scope.get("headers", [])) > MAX_HEADERS:
                status, message = 431, f"the request headers are larger than {MAX_HEADERS} bytes"
            if status:
                resp = PlainTextResponse(message + "\n", status, headers={"Connection": "close"})
                return await resp(scope, receive, send)
        try:
            await self.app(scope, receive, send)
        except _Abort:
            return  # the response stays incomplete: uvicorn closes the connection


class HostAllowList(TrustedHostMiddleware):
    """Starlette's TrustedHostMiddleware, with its refusal worded for people (HTML, JSON or text, as asked)."""

    def __init__(self, app, allowed_hosts=None) -> None:
        async def passed(scope, receive, send) -> None:
            scope["rdgraph.host_ok"] = True
            await app(scope, receive, send)

        super().__init__(passed, allowed_hosts=allowed_hosts, www_redirect=False)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await super().__call__(scope, receive, send)
        refused = False

        async def relay(message) -> None:
            nonlocal refused
            if refused or not scope.get("rdgraph.host_ok"):  # the middleware's own "Invalid host header"
                refused = True
                return
            await send(message)

        await super().__call__(scope, receive, relay)
        if refused:
            request = Request(scope, receive)
            host = request.headers.get("host", "")
            resp = refusal(request, 400, f"this server does not answer for the host name {host!r} (a protection "
                                         "against DNS rebinding); it answers for: " + ", ".join(self.allowed_hosts)
                                         + ". Start it with --allow-host NAME to add a name.")
            await resp(scope, receive, send)


def _stated_in(qs: str, cookie: str | None, accept_language: str | None) -> str:
    """:func:`stated_language` from the raw query string and headers (the fast path has no Request)."""
    query_lang = urllib.parse.parse_qs(qs).get("lang", [None])[0] if "lang=" in qs else None
    jar = dict(c.strip().partition("=")[::2] for c in cookie.split(";")) if cookie else {}
    return i18n.stated(query_lang, jar.get(i18n.COOKIE), accept_language) or "en"


class FastSparql:
    """GET /sparql?query=... for machines, answered without the router (the hot path of SPARQL clients).

    Sits inside the Host allow-list and the size limits; anything it does not handle plainly (no query,
    a browser asking for HTML, a refusal, a streamed answer) goes on to the full route.
    """

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["path"] != "/sparql" or scope["method"] != "GET":
            return await self.app(scope, receive, send)
        qs = scope.get("query_string", b"").decode("latin-1")
        accept = accept_language = cookie = None
        for k, v in scope["headers"]:
            if k == b"accept":
                accept = v.decode("latin-1")
            elif k == b"accept-language":
                accept_language = v.decode("latin-1")
            elif k == b"cookie":
                cookie = v.decode("latin-1")
        if "query=" not in qs or (accept and "text/html" in accept) or "format=html" in qs:
            return await self.app(scope, receive, send)
        try:
            req = parse_request("GET", qs, None, b"", check=False)
        except ProtocolError:
            return await self.app(scope, receive, send)  # the full route words the refusal
        state: State = scope["app"].state.rdgraph
        ans = await state.run({"kind": "sparql", "query": req.query, "accept": accept, "formats": req.formats,
                               "default_graphs": req.default_graphs, "named_graphs": req.named_graphs,
                               "check": True,  # depth, update and SERVICE checks in the worker, before the engine
                               "lang": _stated_in(qs, cookie, accept_language)})  # the language of a refusal
        resp = from_answer(ans, {"Vary": "Accept"}, state)
        await resp(scope, receive, send)


# ---------------------------------------------------------------- routes: linked data

async def home(request: Request) -> Response:
    from .home import home_page

    st = state_of(request)
    lang, _ = language(request)
    return html(await st.page(("home", lang), lambda: home_page(st, lang)), request)


async def search_page(request: Request) -> Response:
    from .home import search_html

    st = state_of(request)
    lang, _ = language(request)
    q = request.query_params.get("q", "")[:200]
    return html(await run_in_threadpool(search_html, st, q, lang), request)


async def search_api(request: Request) -> Response:
    from .home import search_json

    st = state_of(request)
    lang, _ = language(request)
    q = request.query_params.get("q", "")
    if len(q) > 200:
        return api_error(400, "the search text is longer than 200 characters")
    try:
        limit = max(1, min(200, int(request.query_params.get("limit", "20"))))
    except ValueError:
        return api_error(400, "limit is not a number")
    return JSONResponse(search_json(st, q, lang, limit, request.query_params.get("class")))


async def provinces_page(request: Request) -> Response:
    from .home import provinces_html

    st = state_of(request)
    lang, _ = language(request)
    return html(await st.page(("provinces", lang), lambda: provinces_html(st, lang)), request)


def _thing(st: State, path: str, prefix: str) -> str | None:
    iri = ID + path[len(prefix):]
    return iri if st.view.exists(iri) else None


async def redirect_id(request: Request) -> Response:
    st = state_of(request)
    path = request.url.path
    if _thing(st, urllib.parse.unquote(path), "/id/") is None:
        return not_found(request)
    target = "/doc/" + path[len("/id/"):]
    if request.url.query:
        target += "?" + request.url.query
    return Response(f"See Other: {target}\n", 303, headers={"Location": target, "Vary": "Accept"},
                    media_type="text/plain; charset=utf-8")


async def doc(request: Request) -> Response:
    from .explore import summary_for

    st = state_of(request)
    path = urllib.parse.unquote(request.url.path)
    iri = _thing(st, path, "/doc/")
    if iri is None:
        return not_found(request)
    mtype = negotiate.from_format(request.query_params.getlist("format"), DOC_OFFERS) or \
        negotiate.choose(request.headers.get("accept"), DOC_OFFERS)
    if mtype is None:
        return text(406, "this page is available as " + ", ".join(DOC_OFFERS[:4]), {"Vary": "Accept"})
    headers = {"Vary": "Accept, Accept-Language, Cookie", "Link": f'<{iri}>; rel="describes"'}
    if mtype in ("text/html", "application/xhtml+xml"):
        lang, _ = language(request)
        body = await st.page(("doc", iri, lang), lambda: pages.doc_page(
            st.view, iri, lang, path, summary=summary_for(st.view, iri, lang)))
        return html(body, request, headers=headers)
    fmt = DOC_FORMATS[mtype]
    body = await run_in_threadpool(lambda: write_rdf(st.view.describe(iri), fmt))
    ctype = "application/ld+json" if fmt is ox.RdfFormat.JSON_LD else f"{mtype}; charset=utf-8"
    return Response(body, 200, media_type=ctype, headers=headers)


async def ontology(request: Request) -> Response:
    st = state_of(request)
    mtype = negotiate.from_format(request.query_params.getlist("format"), DOC_OFFERS) or \
        negotiate.choose(request.headers.get("accept"), DOC_OFFERS)
    if mtype is None:
        return text(406, "the ontology is available as " + ", ".join(DOC_OFFERS[:4]), {"Vary": "Accept"})
    if mtype in ("text/html", "application/xhtml+xml"):
        lang, _ = language(request)
        return html(await st.page(("def", lang), lambda: pages.ontology_page(st.view, lang)), request)
    fmt = DOC_FORMATS[mtype]
    body = write_rdf(st.view.ontology_triples(), fmt)
    ctype = "application/ld+json" if fmt is ox.RdfFormat.JSON_LD else f"{mtype}; charset=utf-8"
    return Response(body, 200, media_type=ctype, headers={"Vary": "Accept"})


def not_found(request: Request) -> Response:
    path = urllib.parse.unquote(request.url.path)
    if request.url.path.startswith("/api/"):
        return api_error(404, f"no API resource at {path}", "see /api/openapi.json")
    if wants_html(request):
        lang, _ = language(request)
        return html(pages.not_found_page(path, lang), request, 404)
    return text(404, f"{i18n.ui(stated_language(request))['not_found_text']} {path}")


async def style_css(request: Request) -> Response:
    return RedirectResponse("/static/style.css", 301)


# ---------------------------------------------------------------- routes: SPARQL

async def read_body(request: Request, limit: int = MAX_BODY) -> bytes:
    """The request body, refused (413) past ``limit`` bytes whether announced or chunked."""
    length = request.headers.get("content-length")
    if length is not None:
        if not length.strip().isdigit():
            raise ProtocolError(400, "sparql.length_nan")
        if int(length) > limit:
            raise ProtocolError(413, "sparql.too_large", {"Connection": "close"}, limit=limit)
    parts, n = [], 0
    async for chunk in request.stream():
        n += len(chunk)
        if n > limit:
            raise ProtocolError(413, "sparql.too_large", {"Connection": "close"}, limit=limit)
        parts.append(chunk)
    return b"".join(parts)


async def sparql(request: Request) -> Response:
    from .tools import sparql_editor

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
                return await sparql_editor(request, st)
            raise ProtocolError(400, "sparql.no_query")
        req = parse_request("GET" if method == "HEAD" else method, qs, request.headers.get("content-type"), body)
    except ProtocolError as e:
        said = e.text(stated_language(request))
        return refusal(request, e.status, said, e.headers) if e.status != 413 else text(e.status, said, e.headers)
    if negotiate.from_format(req.formats, ("text/html",)) == "text/html":
        from .tools import sparql_results_page

        return await sparql_results_page(request, st, req)
    job = {"kind": "sparql", "query": req.query, "accept": request.headers.get("accept"), "formats": req.formats,
           "default_graphs": req.default_graphs, "named_graphs": req.named_graphs}
    return from_answer(await st.run(job), {"Vary": "Accept"}, st)


# ---------------------------------------------------------------- app

def routes() -> list:
    from . import entry_form, releases, tools

    return [
        Route("/", home),
        *entry_form.routes(),  # the entry form (/new-deal) and POST /api/validate; nothing is written
        Route("/search", search_page),
        Route("/api/search", search_api),
        Route("/provinces", provinces_page),
        Route("/style.css", style_css),
        Route("/sparql", sparql, methods=["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]),
        *releases.routes(),  # release pages; 301/410 for replaced and withdrawn IRIs, before /id/ and /doc/
        Route("/id/{rest:path}", redirect_id),
        Route("/doc/{rest:path}", doc),
        Route("/def/regiodeals", ontology),
        Route("/def/regiodeals/", ontology),
        Route("/def/", ontology),
        *tools.routes(),
        Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static"),
    ]


async def _not_found_handler(request: Request, exc) -> Response:
    status = getattr(exc, "status_code", 404)
    if status == 404:
        return not_found(request)
    if status == 405:
        lang = language(request)[0] if wants_html(request) else stated_language(request)
        return refusal(request, 405, i18n.msg("sparql.method_read_only", lang, method=request.method),
                       {"Allow": "GET, HEAD"})
    return refusal(request, status, getattr(exc, "detail", "") or "bad request")


async def _error_handler(request: Request, exc: Exception) -> Response:
    sys.stderr.write(f"rdgraph serve: internal error on {request.url.path!r}: {type(exc).__name__}: {exc}\n")
    return text(500, "internal server error (see the server's log)")


def allowed_hosts(host: str, extra: list[str] | None = None) -> list[str]:
    """The Host header values the server answers: the bound address, the loopback names, and --allow-host."""
    names = [host.strip("[]")]
    if host in ("0.0.0.0", "::") or host.startswith("127.") or host in LOOPBACK_NAMES:
        names += ["localhost", "127.0.0.1", "::1", "[::1]"]
    names += list(extra or [])
    return sorted(set(names) | ({f"[{n}]" for n in names if ":" in n and not n.startswith("[")}))


def create_app(state: State, host: str = "127.0.0.1", allow_hosts: list[str] | None = None,
               extra_routes: list | None = None, on_ready=None) -> Starlette:
    """The ASGI application. ``extra_routes`` are tried before the built-in ones (new pages plug in here)."""
    import contextlib

    @contextlib.asynccontextmanager
    async def lifespan(app):
        await state.pool.start()
        if on_ready:
            on_ready()
        try:
            yield
        finally:
            state.close()

    app = Starlette(routes=[*(extra_routes or []), *routes()], lifespan=lifespan,
                    middleware=[Middleware(Limits),
                                Middleware(HostAllowList, allowed_hosts=allowed_hosts(host, allow_hosts)),
                                Middleware(FastSparql)],
                    exception_handlers={404: _not_found_handler, 405: _not_found_handler, 400: _not_found_handler,
                                        Exception: _error_handler})
    app.state.rdgraph = state
    return app


def _socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        raise RdgraphError(f"cannot listen on {host}:{port}: {e.strerror}",
                           "choose another --port, or stop what is using it") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _config(app, quiet: bool):
    import uvicorn

    return uvicorn.Config(app, log_level="error" if quiet else "info", access_log=not quiet, lifespan="on",
                          http="httptools", loop="auto", timeout_keep_alive=60, limit_concurrency=1000,
                          h11_max_incomplete_event_size=MAX_HEADERS, server_header=False)


class RunningServer:
    """A server answering in a background thread (for tests and notebooks): ``url``, ``close()``."""

    def __init__(self, kg, host: str = "127.0.0.1", port: int = 0, allow_hosts: list[str] | None = None,
                 **opts) -> None:
        import uvicorn

        self.state = State(kg, **opts)
        self._sock = _socket(host, port)
        h, p = self._sock.getsockname()[:2]
        self.url = f"http://{f'[{h}]' if ':' in h else h}:{p}"
        ready = threading.Event()
        app = create_app(self.state, host, allow_hosts, on_ready=ready.set)
        self.server = uvicorn.Server(_config(app, opts.get("quiet", True)))
        self.server.install_signal_handlers = lambda: None  # not the main thread
        self._thread = threading.Thread(target=lambda: asyncio.run(self.server.serve(sockets=[self._sock])),
                                        name="rdgraph-serve", daemon=True)
        self._thread.start()
        if not ready.wait(120):
            self.close()
            raise RuntimeError("the server did not start")

    def close(self) -> None:
        self.server.should_exit = True
        self._thread.join(30)
        self._sock.close()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def serve(kg, host: str = "127.0.0.1", port: int = 8000, *, timeout: float = 30.0, max_bytes: int = 1 << 30,
          workers: int = 2, quiet: bool = False, allow_hosts: list[str] | None = None, limits=None) -> None:
    """Answer HTTP requests until interrupted (Ctrl-C or SIGTERM); then stop the workers."""
    import uvicorn

    t0 = time.monotonic()
    state = State(kg, timeout=timeout, max_bytes=max_bytes, workers=workers, quiet=quiet, limits=limits)
    try:
        sock = _socket(host, port)
    except BaseException:
        state.close()
        raise
    h, p = sock.getsockname()[:2]
    shown = f"[{h}]" if ":" in str(h) else h

    def ready() -> None:
        sys.stderr.write(f"rdgraph: serving http://{shown}:{p}/ (read-only; timeout {timeout:g} s, answers up to "
                         f"{max_bytes} bytes, {workers} query workers; ready in {time.monotonic() - t0:.1f} s). "
                         "Ctrl-C stops.\n")
        sys.stderr.flush()

    app = create_app(state, host, allow_hosts, on_ready=ready)
    server = uvicorn.Server(_config(app, quiet))
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
        sys.stderr.write("rdgraph: server stopped\n")


def json_body(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


__all__ = ["RunningServer", "State", "allowed_hosts", "create_app", "serve"]
