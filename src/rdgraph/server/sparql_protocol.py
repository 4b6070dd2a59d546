"""The SPARQL 1.1 Protocol (query operation only): parsing requests and answering them.

Request side (in the HTTP server): :func:`parse_request` turns GET ``?query=``, POST form and POST
direct bodies into a :class:`QueryRequest`, refusing updates (403), SERVICE (403), bad requests
(400) and other body types (415).

Answer side (in a worker process, see :mod:`.executor`): :func:`answer` runs the query on the
store, cuts the answer at ``max_rows`` rows (SELECT) or triples (CONSTRUCT/DESCRIBE), negotiates the
media type and serialises. Result formats are rdgraph's own W3C serialisers (:class:`rdgraph.Result`),
the same code as ``rdgraph sparql -f json``; graphs are serialised by pyoxigraph.
"""

from __future__ import annotations

import itertools
import urllib.parse
from dataclasses import dataclass, field

from ..queries import UPDATE_WORDS, keywords
from . import negotiate

RESULT_TYPES = {
    "application/sparql-results+json": ("json", "application/sparql-results+json"),
    "application/sparql-results+xml": ("xml", "application/sparql-results+xml"),
    "text/csv": ("csv", "text/csv"),
    "text/tab-separated-values": ("tsv", "text/tab-separated-values"),
    "application/json": ("json", "application/sparql-results+json"),
    "application/xml": ("xml", "application/sparql-results+xml"),
    "text/xml": ("xml", "application/sparql-results+xml"),
    "text/html": ("html", "text/html"),
}
GRAPH_TYPES = ("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml",
               "application/turtle", "application/x-turtle", "application/json")
RESULT_OFFERS = tuple(RESULT_TYPES)
GRAPH_OFFERS = GRAPH_TYPES

PREFIXES = {
    "rdg": "https://w3id.org/rdgraph/def/regiodeals#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "org": "http://www.w3.org/ns/org#",
}

MAX_BODY = 1 << 20  # 1 MiB: no legitimate query here is longer


class ProtocolError(Exception):
    """A request the endpoint refuses: HTTP status and a message for the client."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass
class QueryRequest:
    query: str
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)


@dataclass
class Reply:
    """An HTTP answer made in a worker: picklable, sent back over a pipe."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- request side

def _refuse_update() -> ProtocolError:
    return ProtocolError(403, "SPARQL Update is refused: this endpoint is read-only. rdgraph's data lives in the "
                              "data/ folder of the repository; change it there and restart the server.")


def parse_request(method: str, query_string: str, content_type: str | None, body: bytes) -> QueryRequest:
    """A query request from the parts of an HTTP request, or ProtocolError."""
    qs = urllib.parse.parse_qs(query_string, keep_blank_values=True)
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    if method == "GET":
        params = qs
    elif method == "POST":
        if ctype == "application/x-www-form-urlencoded":
            try:
                form = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError:
                raise ProtocolError(400, "the form body is not UTF-8") from None
            if "update" in form or "update" in qs:
                raise _refuse_update()
            params = {**qs, **form}
        elif ctype == "application/sparql-query":
            if "query" in qs:
                raise ProtocolError(400, "a direct POST carries the query in its body, not also in ?query=")
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                raise ProtocolError(400, "the query body is not UTF-8") from None
            params = {**qs, "query": [text]}
        elif ctype == "application/sparql-update":
            raise _refuse_update()
        else:
            raise ProtocolError(415, f"unsupported request body type {ctype or '(none)'!r}: send "
                                     "application/x-www-form-urlencoded with query=..., or "
                                     "application/sparql-query with the query as the body")
    else:
        raise ProtocolError(405, f"method {method} is not allowed here; use GET or POST", {"Allow": "GET, POST"})
    if "update" in params:
        raise _refuse_update()
    queries = params.get("query")
    if not queries:
        raise ProtocolError(400, "missing the query parameter: send ?query=SELECT ... (URL-encoded)")
    if len(queries) > 1:
        raise ProtocolError(400, "more than one query parameter: send exactly one query")
    text = queries[0]
    if not text.strip():
        raise ProtocolError(400, "the query is empty")
    check_query_text(text)
    return QueryRequest(text, params.get("default-graph-uri", []), params.get("named-graph-uri", []),
                        params.get("format", []))


def check_query_text(text: str) -> None:
    """Refuse update operations and SERVICE (403) before anything runs (rdgraph.queries' keyword scan)."""
    words = keywords(text)
    upd = words & UPDATE_WORDS
    if upd:
        raise ProtocolError(403, f"SPARQL Update is refused: the request contains {', '.join(sorted(upd))}. "
                                 "This endpoint is read-only; change data/ in the repository and restart.")
    if "SERVICE" in words:
        raise ProtocolError(403, "SERVICE is refused: this endpoint does not query other endpoints over the network")


# ---------------------------------------------------------------- answer side (worker)

def _text(status: int, message: str, **headers: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"), dict(headers))


def answer(store, job: dict) -> Reply:
    """Run one query job on a pyoxigraph store and serialise the answer (runs in a worker)."""
    import pyoxigraph as ox

    from ..results import Result

    kwargs: dict = {}
    if job.get("default_graphs"):
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job["default_graphs"]]
    else:
        kwargs["use_default_graph_as_union"] = True
    if job.get("named_graphs"):
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job["named_graphs"]]
    max_rows = int(job["max_rows"])
    result_offers = RESULT_OFFERS if job.get("html", True) else tuple(o for o in RESULT_OFFERS if o != "text/html")
    try:
        sol = store.query(job["query"], **kwargs)
        if isinstance(sol, ox.QueryTriples):
            offers = GRAPH_OFFERS
            items = list(itertools.islice(sol, max_rows + 1))
        elif isinstance(sol, ox.QueryBoolean):
            offers = result_offers
            items = None
        else:
            offers = result_offers
            variables = [v.value for v in sol.variables]
            items = [tuple(s[i] for i in range(len(variables)))
                     for s in itertools.islice(sol, max_rows + 1)]
    except SyntaxError as e:
        return _text(400, f"SPARQL syntax error: {e}")
    except (OSError, ValueError, TypeError) as e:
        return _text(400, f"the query could not be evaluated: {e}")
    mtype = negotiate.from_format(job.get("formats") or [], offers) or negotiate.choose(job.get("accept"), offers)
    if mtype is None:
        kind = "an RDF graph" if offers is GRAPH_OFFERS else "query results"
        return _text(406, f"none of the accepted media types ({job.get('accept')}) can carry {kind}; "
                          f"available: {', '.join(offers)}")
    headers = {"X-Rdgraph-Row-Limit": str(max_rows)}
    if items is not None and len(items) > max_rows:
        items = items[:max_rows]
        headers["X-Rdgraph-Truncated"] = "true"
        headers["Warning"] = f'199 rdgraph "answer cut at {max_rows} rows (the server\'s --max-rows)"'
    if offers is GRAPH_OFFERS:
        fmt = {"application/ld+json": ox.RdfFormat.JSON_LD, "application/json": ox.RdfFormat.JSON_LD,
               "application/n-triples": ox.RdfFormat.N_TRIPLES,
               "application/rdf+xml": ox.RdfFormat.RDF_XML}.get(mtype, ox.RdfFormat.TURTLE)
        body = ox.serialize(items, format=fmt, prefixes=None if fmt is ox.RdfFormat.N_TRIPLES else PREFIXES)
        ctype = {"application/json": "application/ld+json"}.get(mtype, mtype)
        if ctype in ("application/turtle", "application/x-turtle"):
            ctype = "text/turtle"
        if not ctype.endswith("json"):
            ctype += "; charset=utf-8"
        return Reply(200, ctype, body, headers)
    if isinstance(sol, ox.QueryBoolean):
        result = Result([], [], bool(sol))
    else:
        result = Result(variables, items)
    fmt, ctype = RESULT_TYPES[mtype]
    if fmt == "html":
        from .pages import results_page

        return Reply(200, "text/html; charset=utf-8", results_page(job["query"], result,
                                                                   truncated="X-Rdgraph-Truncated" in headers),
                     headers)
    text = result.render(fmt)
    if fmt != "json":
        ctype += "; charset=utf-8"
    return Reply(200, ctype, text.encode("utf-8"), headers)
