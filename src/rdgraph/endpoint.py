"""Remote SPARQL 1.1 endpoints: queries (SPARQL Protocol, via SPARQLWrapper) and uploads (Graph Store Protocol).

``Endpoint(url).select(text)`` sends the same query text the embedded store answers and gives the same
:class:`~rdgraph.results.Result`. ``Endpoint(url).push(graph_iri)`` replaces a named graph on the store
with the export of the graph (HTTP PUT to the store's Graph Store Protocol URL with ``?graph=IRI``).

Every failure becomes an :class:`~rdgraph.errors.EndpointError` with one clear message and a hint:
connection refused, HTTP errors, timeouts, answers that are not SPARQL JSON. The only host contacted is
the one the user named (and, for ``push``, its Graph Store URL).
"""

from __future__ import annotations

import http.client
import json
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import EndpointError
from .namespaces import GRAPH_ALL
from .results import Result, from_sparql_json

if TYPE_CHECKING:
    from .store import KnowledgeGraph

POST_THRESHOLD = 1800  # bytes of URL-encoded query above which the query is POSTed
DEFAULT_PUSH_GRAPH = GRAPH_ALL
USER_AGENT = "rdgraph (SPARQL client)"


def _check_url(url: str, what: str = "endpoint") -> str:
    parts = urllib.parse.urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise EndpointError(f"the {what} URL {url!r} is not an http(s) URL",
                            "give the full URL, e.g. http://localhost:7878/query or http://localhost:8890/sparql")
    return url


def gsp_url_for(query_url: str, authenticated: bool = False) -> str:
    """The Graph Store Protocol URL that goes with a SPARQL query URL, for the common stores.

    Oxigraph ``…/query`` → ``…/store``; Fuseki ``/ds/query`` or ``/ds/sparql`` → ``/ds/data``;
    Virtuoso ``/sparql`` → ``/sparql-graph-crud-auth`` (with credentials) or ``/sparql-graph-crud``;
    GraphDB ``/repositories/R`` → ``/repositories/R/rdf-graphs/service``. Otherwise: give ``--gsp-url``.
    """
    parts = urllib.parse.urlsplit(query_url)
    path = parts.path.rstrip("/")

    def with_path(p: str) -> str:
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, p, "", ""))

    m = re.fullmatch(r"(.*/repositories/[^/]+)", path)
    if m:
        return with_path(m.group(1) + "/rdf-graphs/service")
    if path == "/sparql":
        return with_path("/sparql-graph-crud-auth" if authenticated else "/sparql-graph-crud")
    if path == "/query":
        return with_path("/store")
    m = re.fullmatch(r"(/.+)/(query|sparql)", path)
    if m:
        return with_path(m.group(1) + "/data")
    raise EndpointError(f"cannot tell the Graph Store Protocol URL of {query_url}",
                        "give it with --gsp-url (Oxigraph: /store, Fuseki: /DATASET/data, "
                        "Virtuoso: /sparql-graph-crud-auth, GraphDB: /repositories/REPO/rdf-graphs/service)")


@dataclass
class PushReport:
    graph: str
    gsp_url: str
    triples: int
    bytes: int
    seconds: float
    status: int
    remote_triples: int | None = None

    def render(self) -> str:
        out = (f"pushed {self.triples} triples ({self.bytes / 1e6:.1f} MB) to graph <{self.graph}> "
               f"at {self.gsp_url} in {self.seconds:.1f}s (HTTP {self.status})")
        if self.remote_triples is not None:
            out += f"; the endpoint now counts {self.remote_triples} triples in that graph"
        return out


class Endpoint:
    """A SPARQL 1.1 endpoint: ``select``/``ask`` queries and ``push`` of the graph."""

    def __init__(self, url: str, user: str | None = None, password: str | None = None, token: str | None = None,
                 timeout: float = 30, default_graph: str | None = None, gsp_url: str | None = None,
                 max_bytes: int | None = None) -> None:
        from .limits import current

        self.url = _check_url(url)
        self.user = user
        self.password = password
        self.token = token
        self.timeout = float(timeout) if timeout else 30.0  # each network wait, and the whole answer
        self.total_seconds = float(timeout) if timeout else None
        self.max_bytes = current().remote_bytes if max_bytes is None else max_bytes
        self.default_graph = default_graph
        self.gsp_url = _check_url(gsp_url, "Graph Store") if gsp_url else None

    # ---------------------------------------------------------------- queries
    def _wrapper(self, text: str):
        from SPARQLWrapper import BASIC, GET, JSON, POST, SPARQLWrapper

        sw = SPARQLWrapper(self.url, agent=USER_AGENT)
        sw.setReturnFormat(JSON)
        sw.setOnlyConneg(True)  # the Accept header only: no format=/output= parameters some stores refuse
        sw.setTimeout(int(max(1, round(self.timeout))))
        if self.default_graph:
            sw.addDefaultGraph(self.default_graph)
        if self.user:
            sw.setHTTPAuth(BASIC)
            sw.setCredentials(self.user, self.password or "")
        elif self.token:
            sw.addCustomHttpHeader("Authorization", f"Bearer {self.token}")
        sw.setQuery(text)
        # SPARQLWrapper guesses the query type with regular expressions that quotes in comments can fool
        # (it then sends the text as an 'update'); rdgraph only sends queries, so say which kind.
        from .queries import keywords

        sw.queryType = "ASK" if "ASK" in keywords(text) and "SELECT" not in keywords(text) else "SELECT"
        long_query = len(urllib.parse.quote(text)) > POST_THRESHOLD
        sw.setMethod(POST if long_query else GET)
        return sw

    def _run(self, text: str, name: str | None = None) -> dict:
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        from .queries import check_read_only, with_prefixes

        check_read_only(text, allow_service=True)  # SERVICE is the remote store's business, updates never
        text = with_prefixes(text)  # the project's prefixes, declared for a store that does not know them
        label = f"query {name!r}" if name else "the query"
        sw = self._wrapper(text)
        started = time.monotonic()
        try:
            response = sw.query().response
            body = self._read_bounded(response, started)
            ctype = response.headers.get("Content-Type", "") if hasattr(response, "headers") else ""
        except SPARQLWrapperException as e:
            raise _from_wrapper_exception(e, self.url, label) from None
        except urllib.error.HTTPError as e:
            raise _http_error(e, self.url, label) from None
        except urllib.error.URLError as e:
            raise _url_error(e.reason, self.url, self.timeout) from None
        except TimeoutError as e:
            raise _url_error(e, self.url, self.timeout) from None
        except (http.client.HTTPException, ConnectionError, OSError) as e:
            raise EndpointError(f"the connection to {self.url} failed: {type(e).__name__}: {e}",
                                "check that the server is up and the URL is its SPARQL endpoint") from None
        try:
            data = json.loads(body.decode("utf-8"))
            if not isinstance(data, dict) or ("boolean" not in data and "results" not in data):
                raise ValueError("no 'results' or 'boolean' member")
        except (UnicodeDecodeError, ValueError) as e:
            start = body[:120].decode("utf-8", "replace").strip().replace("\n", " ")
            raise EndpointError(f"{self.url} did not answer {label} with SPARQL JSON results "
                                f"(Content-Type {ctype or 'none'}; {e}): {start!r}",
                                "is this the SPARQL query URL (e.g. …/sparql or …/query), not a web page?") from None
        return data

    def _read_bounded(self, response, started: float) -> bytes:
        """The response body, read in pieces: an error past ``max_bytes`` or the time limit (a server that
        streams forever, or trickles a byte at a time, is cut off with a clear message)."""
        from .limits import LimitError

        read = getattr(response, "read1", None) or response.read
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                if self.total_seconds and time.monotonic() - started > self.total_seconds:
                    raise LimitError("remote_seconds", f"more than {self.total_seconds:g}", f"{self.total_seconds:g}",
                                     self.url,
                                     message=f"the endpoint did not finish its answer within {self.total_seconds:g} s; "
                                             "it was cut off")
                chunk = read(1 << 16)
                if not chunk:
                    break
                size += len(chunk)
                if self.max_bytes and size > self.max_bytes:
                    raise LimitError("remote_bytes", f"more than {self.max_bytes}", self.max_bytes, self.url,
                                     message=f"the endpoint's answer is larger than {self.max_bytes} bytes; "
                                             "it was cut off")
                chunks.append(chunk)
        finally:
            try:
                response.close()
            except OSError:
                pass
        return b"".join(chunks)

    def select(self, text: str, name: str | None = None) -> Result:
        """Run a SELECT (or ASK) query and return a Result like the embedded store's."""
        data = self._run(text, name)
        try:
            return from_sparql_json(data, name)
        except (KeyError, TypeError, ValueError) as e:
            raise EndpointError(f"{self.url} answered with malformed SPARQL JSON results: {e}") from None

    def ask(self, text: str, name: str | None = None) -> bool:
        data = self._run(text, name)
        if "boolean" not in data:
            raise EndpointError(f"{self.url} did not answer the ASK query with a boolean",
                                "send an ASK query, or use select() for SELECT")
        return bool(data["boolean"])

    def count_graph(self, graph_iri: str) -> int | None:
        """The number of triples in a named graph of the store (asked without a default-graph-uri, which
        would hide the named graphs from the query's dataset)."""
        from .terms import check_iri

        plain = Endpoint(self.url, self.user, self.password, self.token, self.timeout, max_bytes=self.max_bytes)
        res = plain.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{check_iri(graph_iri)}> {{ ?s ?p ?o }} }}")
        try:
            return int(res.rows[0][0].value) if res.rows and res.rows[0][0] is not None else None
        except (ValueError, AttributeError):
            return None

    # ---------------------------------------------------------------- Graph Store Protocol
    def _opener(self, url: str) -> urllib.request.OpenerDirector:
        handlers: list = []
        if self.user:
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            mgr.add_password(None, url, self.user, self.password or "")
            handlers += [urllib.request.HTTPBasicAuthHandler(mgr), urllib.request.HTTPDigestAuthHandler(mgr)]
        return urllib.request.build_opener(*handlers)

    def _authorization_for(self, req: urllib.request.Request, url: str) -> str | None:
        """The Authorization header for ``req``: Digest if the store challenges with Digest, else Basic."""
        import base64

        basic = "Basic " + base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode("ascii")
        probe = urllib.request.Request(url, method="GET", headers={"User-Agent": USER_AGENT, "Accept": "text/turtle"})
        try:
            with urllib.request.build_opener().open(probe, timeout=self.timeout) as r:
                r.read(0)
            return basic
        except urllib.error.HTTPError as e:
            challenge = e.headers.get("WWW-Authenticate", "") if e.code == 401 else ""
            e.close()
        except (urllib.error.URLError, OSError):
            return basic  # the PUT itself will report the connection problem
        if not challenge.lower().startswith("digest "):
            return basic
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        mgr.add_password(None, url, self.user, self.password or "")
        handler = urllib.request.HTTPDigestAuthHandler(mgr)
        chal = urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(challenge[7:])))
        auth = handler.get_authorization(req, chal)
        return f"Digest {auth}" if auth else basic

    def put_graph(self, graph_iri: str, data: bytes, content_type: str = "text/turtle") -> tuple[str, int]:
        """Replace ``graph_iri`` on the store with ``data`` (SPARQL 1.1 Graph Store HTTP Protocol PUT)."""
        base = self.gsp_url or gsp_url_for(self.url, authenticated=bool(self.user))
        sep = "&" if "?" in base else "?"
        url = f"{base}{sep}graph={urllib.parse.quote(graph_iri, safe='')}"
        req = urllib.request.Request(url, data=data, method="PUT")
        req.add_header("Content-Type", content_type)
        req.add_header("User-Agent", USER_AGENT)
        if self.user:
            # Authenticate up front: a store that answers 401 to a large unauthenticated body may reset the
            # connection before the client can retry (Virtuoso does), so ask for the challenge with a small GET.
            auth = self._authorization_for(req, url)
            if auth:
                req.add_unredirected_header("Authorization", auth)
        elif self.token:
            req.add_header("Authorization", f"Bearer {self.token}")
        try:
            with self._opener(base).open(req, timeout=self.timeout) as r:
                r.read()
                return base, r.status
        except urllib.error.HTTPError as e:
            raise _http_error(e, base, f"the upload of <{graph_iri}>", gsp=True) from None
        except urllib.error.URLError as e:
            raise _url_error(e.reason, base, self.timeout) from None
        except TimeoutError as e:
            raise _url_error(e, base, self.timeout) from None
        except (http.client.HTTPException, ConnectionError, OSError) as e:
            raise EndpointError(f"the upload to {base} failed: {type(e).__name__}: {e}") from None

    def push(self, kg: KnowledgeGraph | None = None, graph_iri: str = DEFAULT_PUSH_GRAPH, *,
             inferred: bool = True, verify: bool = True) -> PushReport:
        """Upload the export of the graph (with inferences unless ``inferred=False``) into ``graph_iri``,
        replacing what the named graph held."""
        from .export import export
        from .store import load
        from .terms import check_iri

        try:
            check_iri(graph_iri)
        except ValueError as e:
            raise EndpointError(f"--graph: {e}") from None
        kg = kg or load()
        t0 = time.perf_counter()
        exp = export(kg, "ntriples", inferred=inferred)
        # N-Triples is a subset of Turtle: every Graph Store accepts text/turtle, not all know application/n-triples
        base, status = self.put_graph(graph_iri, exp.data, "text/turtle")
        seconds = time.perf_counter() - t0
        remote = None
        if verify:
            try:
                remote = self.count_graph(graph_iri)
            except EndpointError:
                remote = None
        return PushReport(graph_iri, base, exp.triples + exp.description_triples, len(exp.data), seconds, status,
                          remote)


# ---------------------------------------------------------------- error messages

def _url_error(reason: object, url: str, timeout: float) -> EndpointError:
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        return EndpointError(f"no answer from {url} within {timeout:g}s",
                             "the server is slow or the query heavy: raise --timeout, or check the server")
    if isinstance(reason, ConnectionRefusedError) or "refused" in str(reason).lower():
        return EndpointError(f"cannot connect to {url}: connection refused",
                             "is the server running, and on this host and port?")
    if isinstance(reason, socket.gaierror):
        return EndpointError(f"cannot find the host of {url}: {reason}", "check the host name in the URL")
    return EndpointError(f"cannot reach {url}: {reason}", "check the URL and the network")


def _body_excerpt(raw: bytes | None) -> str:
    if not raw:
        return ""
    text = raw[:400].decode("utf-8", "replace")
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return f": {text[:200]}" if text else ""


_HTTP_HINTS = {
    400: "the endpoint rejected the request: its SPARQL dialect may differ (see docs/linked-data.md)",
    401: "give --user and --password (or RDGRAPH_ENDPOINT_PASSWORD), or a token in the --token-env variable",
    403: "the credentials are not allowed to do this on the endpoint",
    404: "check the endpoint URL (Oxigraph: /query, Fuseki: /DATASET/sparql, Virtuoso: /sparql)",
    405: "this URL does not accept the method: is it the right endpoint (or Graph Store) URL?",
    414: "the query is too long for GET: this should not happen, rdgraph POSTs long queries",
    415: "the endpoint does not accept the content type sent",
}


def _http_error(e: urllib.error.HTTPError, url: str, label: str, gsp: bool = False) -> EndpointError:
    try:
        raw = e.read()
    except OSError:
        raw = b""
    hint = _HTTP_HINTS.get(e.code, "see the server's log")
    if gsp and e.code in (404, 405):
        hint = "the Graph Store Protocol URL may be wrong: give it with --gsp-url"
    return EndpointError(f"{url} answered {label} with HTTP {e.code} {e.reason}{_body_excerpt(raw)}", hint)


def _from_wrapper_exception(e: Exception, url: str, label: str) -> EndpointError:
    from SPARQLWrapper.SPARQLExceptions import (
        EndPointInternalError,
        EndPointNotFound,
        QueryBadFormed,
        Unauthorized,
        URITooLong,
    )

    code = {QueryBadFormed: 400, Unauthorized: 401, EndPointNotFound: 404, URITooLong: 414,
            EndPointInternalError: 500}.get(type(e), 0)
    detail = getattr(e, "response", None)
    msg = _body_excerpt(detail if isinstance(detail, bytes) else str(e).encode())
    return EndpointError(f"{url} answered {label} with HTTP {code or 'error'}{msg}",
                         _HTTP_HINTS.get(code, "see the server's log"))


__all__ = ["DEFAULT_PUSH_GRAPH", "Endpoint", "PushReport", "gsp_url_for"]
