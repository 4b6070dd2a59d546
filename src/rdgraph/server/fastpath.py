"""The front of the server: ``GET /sparql`` with a light query answered before the application stack.

A one-pattern lookup costs the engine some 30 microseconds; the framework's layers around it (error
handling, request-size limits, the Host allow-list, routing, a Response object) cost several times
that. :class:`LightFront` wraps the whole application and answers, at once, only a request that the
application would answer the same way: a GET of ``/sparql`` whose

* target and headers are within the server's size limits (else the application refuses: 414/431),
* Host header the framework's own trusted-host middleware admits (asked once per Host value, with the
  server's allow-list; anything it does not admit goes on to the application, which refuses it),
* query parameters parse as a SPARQL protocol request on the default graph, for a machine (no HTML),
* query is light (:mod:`.light`: its cost bounded from the graph's counts before it runs),

and answers it with the query pool's in-process answer (the worker's code, the same bytes and
headers). Everything else -- and every refusal -- is the application's, unchanged.
"""

from __future__ import annotations

import sys
import urllib.parse

from starlette.middleware.trustedhost import TrustedHostMiddleware

from .middleware import _stated_in
from .sparql_protocol import ProtocolError, parse_request

HOSTS_REMEMBERED = 32  # Host values admitted on the fast path (a client sends one; a flood is not remembered)


class LightFront:
    """ASGI wrapper: light ``GET /sparql`` requests answered in place, everything else passed to ``app``."""

    def __init__(self, app, state, allowed_hosts: list[str], max_url: int, max_headers: int) -> None:
        self.app = app
        self.state = state
        self.max_url = max_url
        self.max_headers = max_headers
        self.hosts_ok: set[bytes] = set()
        self.early = 0  # light requests answered by protocol_class's protocol, before any ASGI cycle

        async def admitted(scope, receive, send) -> None:
            scope["rdgraph.admitted"] = True

        async def ignore(message) -> None:
            pass

        self._trusted = TrustedHostMiddleware(admitted, allowed_hosts=allowed_hosts, www_redirect=False)
        self._ignore = ignore

    def __getattr__(self, name: str):  # app.state, app.router ... of the wrapped application
        return getattr(self.app, name)

    async def host_ok(self, host: bytes) -> bool:
        """Whether the framework's trusted-host middleware admits this Host header value."""
        if host in self.hosts_ok:
            return True
        probe = {"type": "http", "headers": [(b"host", host)], "path": "/", "query_string": b"",
                 "scheme": "http", "server": None, "root_path": ""}
        await self._trusted(probe, None, self._ignore)
        ok = bool(probe.get("rdgraph.admitted"))
        if ok and len(self.hosts_ok) < HOSTS_REMEMBERED:
            self.hosts_ok.add(host)
        return ok

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and scope["path"] == "/sparql":
            ans = await self.light_answer(scope)
            if ans is not None:
                headers = [(b"vary", b"Accept"), *((k.lower().encode("latin-1"), v.encode("latin-1"))
                                                   for k, v in ans.headers.items()),
                           (b"content-length", str(len(ans.first)).encode()),
                           (b"content-type", ans.content_type.encode("latin-1"))]
                await send({"type": "http.response.start", "status": ans.status, "headers": headers})
                await send({"type": "http.response.body", "body": ans.first})
                return
        await self.app(scope, receive, send)

    async def light_answer(self, scope):
        """The answer to a light query, or None (the application handles the request)."""
        for k, v in scope["headers"]:
            if k == b"host":
                if not await self.host_ok(v):
                    return None
                break
        return self.answer_known_host(scope)

    def answer_known_host(self, scope):
        """:meth:`light_answer` for a request whose Host value was admitted before (else None)."""
        qs = scope.get("query_string") or b""
        if b"query=" not in qs or len(scope.get("raw_path") or b"") + len(qs) > self.max_url:
            return None
        host = accept = accept_language = cookie = None
        size = 0
        for k, v in scope["headers"]:
            size += len(k) + len(v)
            if k == b"host":
                if host is None:
                    host = v
            elif k == b"accept":
                if accept is None:
                    accept = v
            elif k == b"accept-language":
                accept_language = v.decode("latin-1")
            elif k == b"cookie":
                cookie = v.decode("latin-1")
        if size > self.max_headers or host not in self.hosts_ok or (accept is not None and b"html" in accept):
            return None
        text = qs.decode("latin-1")
        if text.startswith("query=") and "&" not in text:  # the usual request: parse_qs's result, quicker
            query, formats = urllib.parse.unquote_plus(text[6:]), []
            if not query.strip():
                return None
        else:
            try:
                req = parse_request("GET", text, None, b"", check=False)
            except ProtocolError:
                return None
            if req.default_graphs or req.named_graphs or any("html" in f for f in req.formats):
                return None
            query, formats = req.query, req.formats
        pool = self.state.pool
        job = {"kind": "sparql", "query": query, "accept": accept.decode("latin-1") if accept else None,
               "formats": formats, "default_graphs": [], "named_graphs": [], "max_bytes": self.state.max_bytes,
               "lang": _stated_in(text, cookie, accept_language)}  # the language of an error, as FastSparql
        if not pool.light(job):
            return None
        ans = pool.answer_here(job)
        return ans if ans.done else None


class _Answered:
    """Stands for the request-response cycle of a request answered by :func:`protocol_class` (complete)."""

    response_complete = True  # uvicorn's protocol then leaves it alone (body, end of message, shutdown)

    class message_event:  # noqa: N801 - the attribute uvicorn's protocol sets on a cycle
        @staticmethod
        def set() -> None:
            pass


def protocol_class(front: LightFront):
    """uvicorn's httptools protocol, answering a light ``GET /sparql`` as soon as its headers are read.

    :class:`LightFront` answers such a request before the application stack; this answers it before the
    ASGI cycle too (no task, no messages) and writes status line, headers and body in one write, which
    wakes the client once instead of twice. Only on a keep-alive HTTP/1.1 connection with nothing else
    in flight, and only for a Host value :class:`LightFront` saw admitted; anything else is uvicorn's.
    The response is the one the ASGI path sends, header for header (uvicorn's default headers first).
    """
    import httptools
    from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol
    from uvicorn.protocols.utils import get_client_addr, get_path_with_query_string

    answered = _Answered()

    class LightHttpProtocol(HttpToolsProtocol):
        def on_headers_complete(self) -> None:
            try:
                ans = self._light_answer()
            except Exception as e:  # a bug here must not cost the request: the ASGI path answers it
                sys.stderr.write(f"rdgraph serve: internal error in the SPARQL fast path: {type(e).__name__}: {e}\n")
                ans = None
            if ans is None:
                super().on_headers_complete()
            else:
                self._send(ans)

        def _light_answer(self):
            if (self.cycle is not None and not self.cycle.response_complete) or self.pipeline:
                return None
            parser = self.parser
            url = self.url
            if (not url.startswith(b"/sparql?") or parser.get_method() != b"GET"
                    or parser.get_http_version() != "1.1" or not parser.should_keep_alive()
                    or parser.should_upgrade()):
                return None
            try:
                parsed = httptools.parse_url(url)
            except httptools.HttpParserError:  # uvicorn's own parsing refuses it
                return None
            if parsed.path != b"/sparql":
                return None
            scope = self.scope  # begun by on_message_begin; its header list filled by on_header
            scope.update(method="GET", path="/sparql", raw_path=b"/sparql", query_string=parsed.query or b"")
            return front.answer_known_host(scope)

        def _send(self, ans) -> None:
            scope = self.scope
            out = [STATUS_LINE[ans.status]]
            for name, value in (*self.server_state.default_headers, (b"vary", b"Accept"),
                                *((k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in ans.headers.items()),
                                (b"content-length", str(len(ans.first)).encode()),
                                (b"content-type", ans.content_type.encode("latin-1"))):
                out += [name, b": ", value, b"\r\n"]
            out += [b"\r\n", ans.first]
            self.transport.write(b"".join(out))
            self.cycle = answered
            front.early += 1
            if self.access_log:
                self.access_logger.info('%s - "%s %s HTTP/%s" %d', get_client_addr(scope), "GET",
                                        get_path_with_query_string(scope), "1.1", ans.status)
            self.on_response_complete()

    return LightHttpProtocol
