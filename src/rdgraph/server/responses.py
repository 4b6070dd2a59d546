"""Request helpers and responses every route uses: the request's state and language, HTML pages with the
security headers, refusals worded for who asked (JSON for /api, a page for browsers, else text), answers
from the query workers (streamed), the request body with a size limit."""

from __future__ import annotations

import json
import urllib.parse

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse

from . import i18n, negotiate, pages
from .executor import Answer, QueryTimeout, ResultTooLarge, WorkerDied
from .sparql_protocol import MAX_BODY, ProtocolError


def state_of(request: Request):
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


def from_answer(ans: Answer, headers: dict[str, str] | None = None, state=None) -> Response:
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
            raise Abort() from None

    return StreamingResponse(body(), ans.status, media_type=ans.content_type, headers=headers)


class Abort(Exception):
    """Raised inside a streamed body to end the response without its final chunk."""


def not_found(request: Request) -> Response:
    path = urllib.parse.unquote(request.url.path)
    if request.url.path.startswith("/api/"):
        lang = stated_language(request)
        return api_error(404, i18n.msg("server.no_api", lang, path=path), i18n.msg("server.no_api_hint", lang))
    if wants_html(request):
        lang, _ = language(request)
        return html(pages.not_found_page(path, lang), request, 404)
    return text(404, f"{i18n.ui(stated_language(request))['not_found_text']} {path}")


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


def json_body(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
