"""The home page, search (HTML and JSON) and the province view, with their routes."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..namespaces import DCTERMS
from . import i18n
from .explore import facets, provinces
from .graph_view import RDG, SKOS, literal_in, objects, types_of
from .pages import catalogue_entries, link, render
from .responses import api_error, html, language, state_of, stated_language
from .routing import Routes

route = Routes()


def _kind(st, iri: str, lang: str) -> str:
    """The thing's most telling class: a main class (deal, province, ...) before its super-classes."""
    from .search import CLASS_BOOST

    types = sorted((t for t in types_of(st.view, iri) if t.startswith(RDG)), key=lambda t: (-CLASS_BOOST.get(t, 0), t))
    return st.view.label(types[0], lang) if types else ""


def home_page(st, lang: str) -> bytes:
    view = st.view
    rows = view.select(f"SELECT ?d ?t WHERE {{ ?d a <{RDG}RegioDeal> . OPTIONAL {{ ?d <{RDG}tranche> ?t }} }}")
    by_t: dict[str, set[str]] = {}
    for r in rows:
        by_t.setdefault(r["t"].value if "t" in r else "", set()).add(r["d"].value)
    tranches = []
    for t in sorted(by_t, key=lambda t: (t == "", len(t), t)):
        deals = sorted((link(view, d, lang) for d in by_t[t]), key=lambda lk: lk.label.lower())
        tranches.append((link(view, t, lang) if t else link(view, "?", lang), deals))
    queries = [{"name": name, "summary": nq.summary if nq else "", "error": err}
               for name, nq, err in catalogue_entries(st.catalogue)]
    interventions = sorted((link(view, i, lang) for i in view.instances(RDG + "Intervention")),
                           key=lambda lk: lk.label.lower())
    ministries = sorted((link(view, i, lang) for i in view.instances(RDG + "Ministry")),
                        key=lambda lk: lk.label.lower())
    return render("index.html", lang, "/", title="Regio Deals", facets=facets(view, lang), tranches=tranches,
                  queries=queries, interventions=interventions, ministries=ministries)


def _hits(st, q: str, lang: str, limit: int, cls: str | None = None):
    out = []
    for h in st.search.search(q, limit=limit if not cls else 10_000):
        if cls and cls not in types_of(st.view, h.iri):
            continue
        desc = literal_in(objects(st.view, h.iri, SKOS + "definition"), lang) or \
            literal_in(objects(st.view, h.iri, DCTERMS.description.value), lang)
        out.append((h, desc))
        if len(out) >= limit:
            break
    return out


def search_html(st, q: str, lang: str) -> bytes:
    hits = [{"link": link(st.view, h.iri, lang), "kind": _kind(st, h.iri, lang),
             "snippet": (d[:180] + "…") if d and len(d) > 180 else d} for h, d in _hits(st, q, lang, 50)] if q else []
    return render("search.html", lang, "/search", title=i18n.ui(lang)["search_results"], q=q, hits=hits)


def search_json(st, q: str, lang: str, limit: int, cls: str | None = None) -> dict:
    """/api/search?q=: ranked things with label (in the asked language), class, page and score."""
    cls_iri = (RDG + cls if cls and ":" not in cls else cls) if cls else None
    results = []
    for h, _d in _hits(st, q, lang, limit, cls_iri):
        lk = link(st.view, h.iri, lang)
        results.append({"iri": h.iri, "label": lk.label, "href": lk.href, "kind": _kind(st, h.iri, lang),
                        "score": h.score})
    return {"query": q, "lang": lang, "results": results}


def provinces_html(st, lang: str) -> bytes:
    return render("provinces.html", lang, "/provinces", title=i18n.ui(lang)["province_view"],
                  rows=provinces(st.view, st.catalogue, lang))


@route("/")
async def home(request: Request) -> Response:
    st = state_of(request)
    lang, _ = language(request)
    return html(await st.page(("home", lang), lambda: home_page(st, lang)), request)


@route("/search")
async def search_page(request: Request) -> Response:
    st = state_of(request)
    lang, _ = language(request)
    q = request.query_params.get("q", "")[:200]
    return html(await run_in_threadpool(search_html, st, q, lang), request)


@route("/api/search")
async def search_api(request: Request) -> Response:
    st = state_of(request)
    lang, _ = language(request)
    q = request.query_params.get("q", "")
    said = stated_language(request)  # an API client that says nothing is answered in English
    if len(q) > 200:
        return api_error(400, i18n.msg("server.search_too_long", said))
    try:
        limit = max(1, min(200, int(request.query_params.get("limit", "20"))))
    except ValueError:
        return api_error(400, i18n.msg("server.limit_nan", said))
    return JSONResponse(search_json(st, q, lang, limit, request.query_params.get("class")))


@route("/provinces")
async def provinces_page(request: Request) -> Response:
    st = state_of(request)
    lang, _ = language(request)
    return html(await st.page(("provinces", lang), lambda: provinces_html(st, lang)), request)


__all__ = ["home_page", "provinces_html", "route", "search_html", "search_json"]
