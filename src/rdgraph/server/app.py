"""The HTTP server: routing, content negotiation and error answers (stdlib ``http.server``).

Routes::

    /                      index page (opgaven, deals by tranche, interventions, named queries)
    /style.css             the only stylesheet
    /sparql                SPARQL 1.1 Protocol (GET, POST form, POST direct); a form for browsers
    /id/{type}/{ref}       303 See Other -> /doc/{type}/{ref}
    /doc/{type}/{ref}      HTML, Turtle or JSON-LD by Accept (or ?format=html|ttl|jsonld|nt)
    /api/queries           the named queries (JSON)
    /api/queries/{name}    a named query's answer (JSON, CSV, TSV, XML by Accept or ?format=)
    /api/openapi.json      OpenAPI 3 description generated from the query headers

The graph is loaded once (by the caller) and only read. SPARQL runs in worker processes with a
deadline (see :mod:`.executor`); pages read the server's store directly (small, bounded lookups).
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import OrderedDict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from ..errors import ParameterError, RdgraphError, UnknownQueryError
from ..paths import cache_dir
from ..terms import ID
from . import negotiate, pages
from .api import openapi, query_list
from .executor import Busy, QueryPool, QueryTimeout
from .graph_view import GraphView
from .sparql_protocol import MAX_BODY, PREFIXES, ProtocolError, Reply, parse_request

DOC_OFFERS = ("text/html", "text/turtle", "application/ld+json", "application/n-triples",
              "application/xhtml+xml", "application/json")
API_OFFERS = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
              "text/tab-separated-values", "text/html")
DOC_FORMATS = {"text/turtle": ox.RdfFormat.TURTLE, "application/ld+json": ox.RdfFormat.JSON_LD,
               "application/json": ox.RdfFormat.JSON_LD, "application/n-triples": ox.RdfFormat.N_TRIPLES}


class App:
    """What the request handlers share: the graph (read only), its pages and the query workers."""

    def __init__(self, kg, *, timeout: float = 10.0, max_rows: int = 10_000, workers: int = 2,
                 quiet: bool = False) -> None:
        if timeout <= 0 or max_rows <= 0:
            raise ParameterError("--timeout and --max-rows must be positive")
        self.kg = kg
        self.timeout = float(timeout)
        self.max_rows = int(max_rows)
        self.quiet = quiet
        self.view = GraphView(kg.store)
        self._lock = threading.Lock()
        self._pages: OrderedDict[tuple, bytes] = OrderedDict()
        self._answers: OrderedDict[tuple, Reply] = OrderedDict()
        self.catalogue = kg.catalogue
        self._tmp = Path(tempfile.mkdtemp(prefix="rdgraph-serve-"))
        cached = cache_dir() / f"graph-{kg.info.key[:32]}.db"
        if kg.info.from_cache and cached.is_dir():
            # The very database the CLI opens (read-only, shared by every worker): the same quads in the
            # same order, so queries whose answer depends on evaluation order answer as the CLI does.
            nquads = cached
        else:
            nquads = self._tmp / "graph.nq"
            kg.store.dump(str(nquads), format=ox.RdfFormat.N_QUADS)
        try:
            self.pool = QueryPool(nquads, workers=workers)
        except BaseException:
            shutil.rmtree(self._tmp, ignore_errors=True)
            raise

    # The graph never changes while the server runs, so a page or a named query's answer, once made,
    # stays right: both are kept in small LRU caches (answers only when short).
    def page(self, key: tuple, render) -> bytes:
        with self._lock:
            if key in self._pages:
                self._pages.move_to_end(key)
                return self._pages[key]
        body = render()
        with self._lock:
            self._pages[key] = body
            while len(self._pages) > 512:
                self._pages.popitem(last=False)
        return body

    def run_named(self, job: dict) -> Reply:
        key = (job["query"], job.get("accept"), tuple(job.get("formats") or ()), job.get("html"))
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]
        reply = self.run_query(job)
        if reply.status == 200 and len(reply.body) <= 256 * 1024:
            with self._lock:
                self._answers[key] = reply
                while len(self._answers) > 256:
                    self._answers.popitem(last=False)
        return reply

    def run_query(self, job: dict) -> Reply:
        job = {"max_rows": self.max_rows, **job}
        try:
            return self.pool.run(job, self.timeout)
        except QueryTimeout:
            return Reply(503, "text/plain; charset=utf-8",
                         (f"the query did not finish within {self.timeout:g} s (the server's --timeout) and was "
                          "stopped; make it more selective or add a LIMIT\n").encode(), {"Retry-After": "1"})
        except Busy:
            return Reply(503, "text/plain; charset=utf-8",
                         (f"all query workers stayed busy for {self.timeout:g} s; try again later\n").encode(),
                         {"Retry-After": "2"})

    def close(self) -> None:
        self.pool.close()
        shutil.rmtree(self._tmp, ignore_errors=True)


class Handler(BaseHTTPRequestHandler):
    server_version = "rdgraph"
    protocol_version = "HTTP/1.1"
    timeout = 60  # an idle keep-alive connection is closed after this many seconds
    disable_nagle_algorithm = True  # headers and body go out as two writes: no 40 ms delayed-ACK stall
    app: App  # set by make_server

    # ---------------------------------------------------------------- plumbing
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        if not self.app.quiet:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")

    def send(self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if ctype.startswith("text/html"):
            self.send_header("Content-Security-Policy", pages.CSP)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_reply(self, reply: Reply, extra: dict[str, str] | None = None) -> None:
        self.send(reply.status, reply.content_type, reply.body, {**reply.headers, **(extra or {})})

    def text(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        self.send(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"), headers)

    def api_error(self, status: int, message: str, hint: str | None = None) -> None:
        body = {"error": message, "status": status, **({"hint": hint} if hint else {})}
        self.send(status, "application/json", json.dumps(body, ensure_ascii=False).encode("utf-8"))

    def html(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send(status, "text/html; charset=utf-8", body, headers)

    def wants_html(self) -> bool:
        return negotiate.choose(self.headers.get("Accept"), ("text/plain", "text/html")) == "text/html"

    def read_body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            raise ProtocolError(411, "send the body with a Content-Length (chunked bodies are not accepted)")
        if length is None:
            raise ProtocolError(411, "a POST needs a Content-Length header")
        try:
            n = int(length)
        except ValueError:
            raise ProtocolError(400, "Content-Length is not a number") from None
        if n < 0 or n > MAX_BODY:
            self.close_connection = True
            raise ProtocolError(413, f"the request body is larger than {MAX_BODY} bytes")
        return self.rfile.read(n)

    # ---------------------------------------------------------------- methods
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.dispatch("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self.dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self.dispatch("POST")

    def _not_allowed(self) -> None:
        self.text(405, f"method {self.command} is not allowed: this server is read-only", {"Allow": "GET, HEAD, POST"})

    do_PUT = do_DELETE = do_PATCH = _not_allowed  # noqa: N815

    def dispatch(self, method: str) -> None:
        url = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(url.path)
        try:
            if path == "/sparql":
                return self.sparql(method, url.query)
            if method == "POST":
                body_len = self.headers.get("Content-Length")
                if body_len and body_len.isdigit() and int(body_len) <= MAX_BODY:
                    self.rfile.read(int(body_len))  # keep the connection usable
                else:
                    self.close_connection = True
                return self.text(405, "POST is accepted only at /sparql", {"Allow": "GET, HEAD"})
            qs = urllib.parse.parse_qs(url.query, keep_blank_values=True)
            lang = (qs.get("lang") or ["nl"])[0]
            lang = lang if lang in ("nl", "en") else "nl"
            if path == "/":
                return self.html(200, self.app.page(("index", lang),
                                                    lambda: pages.index_page(self.app.view, self.app.catalogue, lang)))
            if path == "/style.css":
                return self.send(200, "text/css; charset=utf-8", pages.CSS.encode(),
                                 {"Cache-Control": "max-age=3600"})
            if path.startswith("/id/"):
                return self.redirect_id(path, url.query)
            if path.startswith("/doc/"):
                return self.doc(path, qs, lang)
            if path in ("/def/regiodeals", "/def/regiodeals/", "/def/"):
                return self.ontology(qs, lang)
            if path == "/api/queries" or path == "/api/queries/":
                return self.send(200, "application/json",
                                 json.dumps(query_list(self.app.catalogue), ensure_ascii=False, indent=1).encode())
            if path.startswith("/api/queries/"):
                return self.named_query(path[len("/api/queries/"):], qs)
            if path == "/api/openapi.json":
                return self.send(200, "application/json",
                                 json.dumps(openapi(self.app.catalogue, "/"), ensure_ascii=False, indent=1).encode())
            if path.startswith("/api/"):
                return self.api_error(404, f"no API resource at {path}", "see /api/openapi.json")
            return self.not_found(path, lang)
        except ProtocolError as e:
            return self.text(e.status, e.message, e.headers)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as e:  # a bug: answer 500 and keep serving
            sys.stderr.write(f"rdgraph serve: internal error on {self.path!r}: {type(e).__name__}: {e}\n")
            try:
                self.text(500, "internal server error (see the server's log)")
            except OSError:
                self.close_connection = True

    def not_found(self, path: str, lang: str = "nl") -> None:
        if self.wants_html():
            return self.html(404, pages.not_found_page(path, lang))
        return self.text(404, f"nothing here has the address {path}")

    # ---------------------------------------------------------------- SPARQL
    def sparql(self, method: str, query_string: str) -> None:
        body = self.read_body() if method == "POST" else b""
        qs = urllib.parse.parse_qs(query_string, keep_blank_values=True)
        if method == "GET" and "query" not in qs and "update" not in qs:
            if self.wants_html():
                edit = (qs.get("edit") or [None])[0]
                return self.html(200, pages.sparql_form_page(edit) if edit else pages.sparql_form_page())
            raise ProtocolError(400, "missing the query parameter: send ?query=SELECT ... (URL-encoded)")
        req = parse_request(method, query_string, self.headers.get("Content-Type"), body)
        job = {"query": req.query, "accept": self.headers.get("Accept"), "formats": req.formats,
               "default_graphs": req.default_graphs, "named_graphs": req.named_graphs}
        self.send_reply(self.app.run_query(job), {"Vary": "Accept"})

    # ---------------------------------------------------------------- linked data
    def thing(self, path: str, prefix: str) -> str | None:
        iri = ID + path[len(prefix):]
        return iri if self.app.view.exists(iri) else None

    def redirect_id(self, path: str, query: str) -> None:
        if self.thing(path, "/id/") is None:
            return self.not_found(path)
        target = urllib.parse.quote("/doc/" + path[len("/id/"):], safe="/:@-._~!$&()*+,;=")
        if query:
            target += "?" + query
        self.send(303, "text/plain; charset=utf-8", f"See Other: {target}\n".encode(),
                  {"Location": target, "Vary": "Accept"})

    def doc(self, path: str, qs: dict[str, list[str]], lang: str) -> None:
        iri = self.thing(path, "/doc/")
        if iri is None:
            return self.not_found(path, lang)
        mtype = negotiate.from_format(qs.get("format", []), DOC_OFFERS) or \
            negotiate.choose(self.headers.get("Accept"), DOC_OFFERS)
        if mtype is None:
            return self.text(406, "this page is available as " + ", ".join(DOC_OFFERS[:4]), {"Vary": "Accept"})
        headers = {"Vary": "Accept", "Link": f'<{iri}>; rel="describes"'}
        if mtype in ("text/html", "application/xhtml+xml"):
            return self.html(200, self.app.page(("doc", iri, lang),
                                                lambda: pages.doc_page(self.app.view, iri, lang, path)), headers)
        fmt = DOC_FORMATS[mtype]
        body = ox.serialize(self.app.view.describe(iri), format=fmt,
                            prefixes=None if fmt is ox.RdfFormat.N_TRIPLES else PREFIXES)
        ctype = "application/ld+json" if fmt is ox.RdfFormat.JSON_LD else f"{mtype}; charset=utf-8"
        self.send(200, ctype, body, headers)

    def ontology(self, qs: dict[str, list[str]], lang: str) -> None:
        """/def/regiodeals: the ontology (terms are ...#Term, so one document serves them all)."""
        mtype = negotiate.from_format(qs.get("format", []), DOC_OFFERS) or \
            negotiate.choose(self.headers.get("Accept"), DOC_OFFERS)
        if mtype is None:
            return self.text(406, "the ontology is available as " + ", ".join(DOC_OFFERS[:4]), {"Vary": "Accept"})
        if mtype in ("text/html", "application/xhtml+xml"):
            return self.html(200, self.app.page(("def", lang), lambda: pages.ontology_page(self.app.view, lang)),
                             {"Vary": "Accept"})
        fmt = DOC_FORMATS[mtype]
        body = ox.serialize(self.app.view.ontology_triples(), format=fmt,
                            prefixes=None if fmt is ox.RdfFormat.N_TRIPLES else PREFIXES)
        ctype = "application/ld+json" if fmt is ox.RdfFormat.JSON_LD else f"{mtype}; charset=utf-8"
        self.send(200, ctype, body, {"Vary": "Accept"})

    # ---------------------------------------------------------------- named queries
    def named_query(self, name: str, qs: dict[str, list[str]]) -> None:
        try:
            nq = self.app.catalogue.get(name)
        except UnknownQueryError as e:
            return self.api_error(404, e.message, e.hint)
        except RdgraphError as e:  # a query file that does not load
            return self.api_error(500, f"query {name!r} cannot be loaded: {e.message}", e.hint)
        formats = qs.pop("format", [])
        values: dict[str, object] = {}
        for key, vals in qs.items():
            if len(vals) > 1:
                return self.api_error(400, f"parameter {key!r} given {len(vals)} times", "give each parameter once")
            values[key] = vals[0]
        try:
            text = nq.bind(values)
        except RdgraphError as e:
            return self.api_error(400, e.message, e.hint)
        if formats and negotiate.from_format(formats, API_OFFERS) is None:
            return self.api_error(400, f"unknown format {formats[0]!r}", "use json, xml, csv, tsv or html")
        job = {"query": text, "accept": self.headers.get("Accept"), "formats": formats,
               "html": "html" in formats}
        reply = self.app.run_named(job)
        if reply.status >= 400 and reply.content_type.startswith("text/plain"):
            return self.api_error(reply.status, reply.body.decode("utf-8", "replace").strip())
        self.send_reply(reply, {"Vary": "Accept"})


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64


def make_server(app: App, host: str = "127.0.0.1", port: int = 8000) -> Server:
    handler = type("BoundHandler", (Handler,), {"app": app})
    return Server((host, port), handler)


class RunningServer:
    """A server answering in a background thread (for tests and notebooks): ``url``, ``close()``."""

    def __init__(self, kg, host: str = "127.0.0.1", port: int = 0, **opts) -> None:
        self.app = App(kg, **opts)
        try:
            self.httpd = make_server(self.app, host, port)
        except BaseException:
            self.app.close()
            raise
        h, p = self.httpd.server_address[:2]
        self.url = f"http://{h}:{p}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="rdgraph-serve", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.app.close()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def serve(kg, host: str = "127.0.0.1", port: int = 8000, *, timeout: float = 10.0, max_rows: int = 10_000,
          workers: int = 2, quiet: bool = False) -> None:
    """Answer HTTP requests until interrupted (Ctrl-C or SIGTERM); then stop the workers."""
    import signal

    t0 = time.monotonic()
    app = App(kg, timeout=timeout, max_rows=max_rows, workers=workers, quiet=quiet)
    try:
        httpd = make_server(app, host, port)
    except OSError as e:
        app.close()
        raise RdgraphError(f"cannot listen on {host}:{port}: {e.strerror}",
                           "choose another --port, or stop what is using it") from None

    def _term(signum, frame):  # SIGTERM: stop like Ctrl-C
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGTERM, _term)
    h, p = httpd.server_address[:2]
    shown = f"[{h}]" if ":" in str(h) else h
    sys.stderr.write(f"rdgraph: serving http://{shown}:{p}/ (read-only; timeout {timeout:g} s, max {max_rows} rows, "
                     f"{workers} query workers; ready in {time.monotonic() - t0:.1f} s). Ctrl-C stops.\n")
    sys.stderr.flush()
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, old)
        httpd.server_close()
        app.close()
        sys.stderr.write("rdgraph: server stopped\n")


__all__ = ["App", "Handler", "RunningServer", "make_server", "serve"]
