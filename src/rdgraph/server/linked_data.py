"""The linked-data routes: ``/id/...`` (303 to the page), ``/doc/...`` (a thing's page or its RDF) and the
ontology at ``/def/regiodeals``; an IRI a release replaced answers 301, a withdrawn one 410 (see
:func:`.releases.gone_or_moved`)."""

from __future__ import annotations

import urllib.parse

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..namespaces import ID
from ..turtle import write as write_rdf
from . import i18n, negotiate, pages
from .releases import gone_or_moved
from .responses import html, language, not_found, state_of, stated_language, text
from .routing import Routes

route = Routes()
DOC_OFFERS = ("text/html", "text/turtle", "application/ld+json", "application/n-triples",
              "application/xhtml+xml", "application/json")
DOC_FORMATS = {"text/turtle": ox.RdfFormat.TURTLE, "application/ld+json": ox.RdfFormat.JSON_LD,
               "application/json": ox.RdfFormat.JSON_LD, "application/n-triples": ox.RdfFormat.N_TRIPLES}


def _thing(st, path: str, prefix: str) -> str | None:
    iri = ID + path[len(prefix):]
    return iri if st.view.exists(iri) else None


def _offered(request: Request) -> str | None:
    """The media type to answer in (``?format=`` first, then Accept), or None when none is offered."""
    return negotiate.from_format(request.query_params.getlist("format"), DOC_OFFERS) or \
        negotiate.choose(request.headers.get("accept"), DOC_OFFERS)


def _not_acceptable(request: Request) -> Response:
    lang = stated_language(request)
    return text(406, i18n.msg("server.not_acceptable", lang, formats=", ".join(DOC_OFFERS[:4])), {"Vary": "Accept"})


async def _rdf(triples, mtype: str, headers: dict[str, str]) -> Response:
    fmt = DOC_FORMATS[mtype]
    body = await run_in_threadpool(write_rdf, triples, fmt)
    ctype = "application/ld+json" if fmt is ox.RdfFormat.JSON_LD else f"{mtype}; charset=utf-8"
    return Response(body, 200, media_type=ctype, headers=headers)


@route("/id/{rest:path}")
async def redirect_id(request: Request) -> Response:
    moved = gone_or_moved(request, "/id/")
    if moved is not None:
        return moved
    path = request.url.path
    if _thing(state_of(request), urllib.parse.unquote(path), "/id/") is None:
        return not_found(request)
    target = "/doc/" + path[len("/id/"):]
    if request.url.query:
        target += "?" + request.url.query
    return Response(f"See Other: {target}\n", 303, headers={"Location": target, "Vary": "Accept"},
                    media_type="text/plain; charset=utf-8")


@route("/doc/{rest:path}")
async def doc(request: Request) -> Response:
    from .explore import summary_for

    moved = gone_or_moved(request, "/doc/")
    if moved is not None:
        return moved
    st = state_of(request)
    path = urllib.parse.unquote(request.url.path)
    iri = _thing(st, path, "/doc/")
    if iri is None:
        return not_found(request)
    mtype = _offered(request)
    if mtype is None:
        return _not_acceptable(request)
    headers = {"Vary": "Accept, Accept-Language, Cookie", "Link": f'<{iri}>; rel="describes"'}
    if mtype in ("text/html", "application/xhtml+xml"):
        lang, _ = language(request)
        body = await st.page(("doc", iri, lang), lambda: pages.doc_page(
            st.view, iri, lang, path, summary=summary_for(st.view, iri, lang)))
        return html(body, request, headers=headers)
    return await _rdf(st.view.describe(iri), mtype, headers)


@route("/def/regiodeals", "/def/regiodeals/", "/def/")
async def ontology(request: Request) -> Response:
    st = state_of(request)
    mtype = _offered(request)
    if mtype is None:
        return _not_acceptable(request)
    if mtype in ("text/html", "application/xhtml+xml"):
        lang, _ = language(request)
        return html(await st.page(("def", lang), lambda: pages.ontology_page(st.view, lang)), request)
    return await _rdf(st.view.ontology_triples(), mtype, {"Vary": "Accept"})


@route("/style.css")
async def style_css(request: Request) -> Response:
    return RedirectResponse("/static/style.css", 301)


__all__ = ["DOC_OFFERS", "route"]
