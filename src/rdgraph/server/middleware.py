"""The middleware around every route, outermost first: bounded request targets and headers (:class:`Limits`),
the Host allow-list (:class:`HostAllowList`), and the fast path for machine SPARQL GETs (:class:`FastSparql`)."""

from __future__ import annotations

import urllib.parse

from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse

from . import i18n
from .responses import Abort, from_answer, language, refusal, stated_language, wants_html
from .sparql_protocol import ProtocolError, parse_request

MAX_URL = 32 * 1024         # request target (path and query string)
MAX_HEADERS = 32 * 1024     # all request headers together
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")


class Limits:
    """Bounded request targets and headers (414 / 431) before anything else reads them."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            target = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
            status, message = None, ""
            if target > MAX_URL:
                status, message = 414, i18n.msg("server.target_too_long", _header_lang(scope), limit=MAX_URL)
            elif sum(len(k) + len(v) for k, v in scope.get("headers", [])) > MAX_HEADERS:
                status, message = 431, i18n.msg("server.headers_too_large", _header_lang(scope), limit=MAX_HEADERS)
            if status:
                resp = PlainTextResponse(message + "\n", status, headers={"Connection": "close"})
                return await resp(scope, receive, send)
        try:
            await self.app(scope, receive, send)
        except Abort:
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
            lang = language(request)[0] if wants_html(request) else stated_language(request)
            resp = refusal(request, 400, i18n.msg("server.host_refused", lang, host=repr(host),
                                                  hosts=", ".join(self.allowed_hosts)))
            await resp(scope, receive, send)


def _header_lang(scope) -> str:
    """The language of a refusal sent before the request is read: Accept-Language alone ("en" without it)."""
    for k, v in scope.get("headers", []):
        if k == b"accept-language":
            return i18n.from_accept_language(v[:200].decode("latin-1")) or "en"
    return "en"


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
        state = scope["app"].state.rdgraph
        ans = await state.run({"kind": "sparql", "query": req.query, "accept": accept, "formats": req.formats,
                               "default_graphs": req.default_graphs, "named_graphs": req.named_graphs,
                               "check": True,  # depth, update and SERVICE checks in the worker, before the engine
                               "lang": _stated_in(qs, cookie, accept_language)})  # the language of a refusal
        resp = from_answer(ans, {"Vary": "Accept"}, state)
        await resp(scope, receive, send)


def allowed_hosts(host: str, extra: list[str] | None = None) -> list[str]:
    """The Host header values the server answers: the bound address, the loopback names, and --allow-host."""
    names = [host.strip("[]")]
    if host in ("0.0.0.0", "::") or host.startswith("127.") or host in LOOPBACK_NAMES:
        names += ["localhost", "127.0.0.1", "::1", "[::1]"]
    names += list(extra or [])
    return sorted(set(names) | ({f"[{n}]" for n in names if ":" in n and not n.startswith("[")}))
