"""The SPARQL 1.1 Protocol (query operation only): parsing requests and answering them.

Request side (in the HTTP server): :func:`parse_request` turns GET ``?query=``, POST form and POST
direct bodies into a :class:`QueryRequest`, refusing updates (403), SERVICE (403), bad requests
(400) and other body types (415).

Answer side (in a worker process, see :mod:`.executor`): :func:`answer` runs the query on the
store, negotiates the media type and has pyoxigraph serialise the whole answer straight into the
worker's pipe (:class:`Stream`), bounded by bytes (``max_bytes``) and, in the server, by time; no
row cap and no per-row Python. Named queries use rdgraph's own serialisers (the bytes of ``rdgraph
query -f``).
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field

from ..messages import msg
from ..namespaces import PREFIXES, WRITER_PREFIXES
from ..queries import UPDATE_WORDS, keywords, unknown_prefix_error
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


MAX_BODY = 1 << 20  # 1 MiB: no legitimate query here is longer


class ProtocolError(Exception):
    """A request the endpoint refuses: HTTP status and a message for the client, a key of the message
    catalogue (``sparql.*``) said in the client's language by :meth:`text`; ``message`` is the English."""

    def __init__(self, status: int, key: str, headers: dict[str, str] | None = None, **values: object) -> None:
        self.status = status
        self.key = key
        self.values = values
        self.headers = headers or {}
        self.message = self.text("en")
        super().__init__(self.message)

    def text(self, lang: str) -> str:
        return msg(self.key, lang, **self.values)


@dataclass
class QueryRequest:
    query: str
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- request side

def _refuse_update() -> ProtocolError:
    return ProtocolError(403, "sparql.update_refused")


def parse_request(method: str, query_string: str, content_type: str | None, body: bytes,
                  check: bool = True) -> QueryRequest:
    """A query request from the parts of an HTTP request, or ProtocolError.

    ``check=False`` leaves :func:`check_query_text` to the worker (job ``"check": True``), which then
    refuses with the same status and message, in parallel with the server process.
    """
    qs = urllib.parse.parse_qs(query_string, keep_blank_values=True)
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    if method == "GET":
        params = qs
    elif method == "POST":
        if ctype == "application/x-www-form-urlencoded":
            try:
                form = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError:
                raise ProtocolError(400, "sparql.form_not_utf8") from None
            if "update" in form or "update" in qs:
                raise _refuse_update()
            params = {**qs, **form}
        elif ctype == "application/sparql-query":
            if "query" in qs:
                raise ProtocolError(400, "sparql.query_twice")
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                raise ProtocolError(400, "sparql.query_not_utf8") from None
            params = {**qs, "query": [text]}
        elif ctype == "application/sparql-update":
            raise _refuse_update()
        else:
            raise ProtocolError(415, "sparql.body_type", ctype=repr(ctype or "(none)"))
    else:
        raise ProtocolError(405, "sparql.method", {"Allow": "GET, POST"}, method=method)
    if "update" in params:
        raise _refuse_update()
    queries = params.get("query")
    if not queries:
        raise ProtocolError(400, "sparql.no_query")
    if len(queries) > 1:
        raise ProtocolError(400, "sparql.many_queries")
    text = queries[0]
    if not text.strip():
        raise ProtocolError(400, "sparql.empty")
    if check:
        check_query_text(text)
    return QueryRequest(text, params.get("default-graph-uri", []), params.get("named-graph-uri", []),
                        params.get("format", []))


def check_query_text(text: str) -> None:
    """Refuse a query over the size or nesting limits (400; rdgraph.prescan.check_query, the limits every
    door uses), update operations and SERVICE (403), before anything runs."""
    from ..limits import LimitError
    from ..prescan import check_query

    try:
        check_query(text)
    except LimitError as e:
        raise ProtocolError(400, "sparql.limit", message=e.message, hint=e.hint) from None
    words = keywords(text)
    upd = words & UPDATE_WORDS
    if upd:
        raise ProtocolError(403, "sparql.update_words", words=", ".join(sorted(upd)))
    if "SERVICE" in words:
        raise ProtocolError(403, "sparql.service")


# ---------------------------------------------------------------- answer side (worker)

FIRST_BYTES = 1 << 20  # an answer is held back until this size: a limit hit before it is a clean 4xx
CHUNK_BYTES = 1 << 18


class LimitExceeded(Exception):
    pass


class Stream:
    """A file-like sink for pyoxigraph's writers that sends the answer over the worker's pipe.

    The first FIRST_BYTES are held back (so a small answer goes out as one message, and a limit hit
    early is still a 4xx); after that, chunks of CHUNK_BYTES. More than ``max_bytes`` in all raises
    :class:`LimitExceeded` inside the writer, which stops the serialisation (and the query) at once.
    """

    def __init__(self, conn, status: int, ctype: str, headers: dict[str, str], max_bytes: int,
                 lang: str = "en") -> None:
        self.conn, self.status, self.ctype, self.headers = conn, status, ctype, headers
        self.max_bytes, self.lang = max_bytes, lang
        self.parts: list[bytes] = []
        self.buffered = 0
        self.total = 0
        self.started = False

    def write(self, b) -> int:
        n = len(b)
        self.total += n
        if self.total > self.max_bytes:
            raise LimitExceeded()
        self.parts.append(bytes(b))
        self.buffered += n
        if not self.started and self.buffered >= FIRST_BYTES:
            self.conn.send(("head", self.status, self.ctype, self.headers, self._take(), False))
            self.started = True
        elif self.started and self.buffered >= CHUNK_BYTES:
            self.conn.send(("chunk", self._take()))
        return n

    def flush(self) -> None:
        pass

    def _take(self) -> bytes:
        data = b"".join(self.parts)
        self.parts, self.buffered = [], 0
        return data

    def finish(self) -> None:
        if not self.started:
            self.conn.send(("head", self.status, self.ctype, self.headers, self._take(), True))
        else:
            if self.parts:
                self.conn.send(("chunk", self._take()))
            self.conn.send(("end",))

    def too_large(self) -> None:
        said = msg("sparql.answer_too_large", self.lang, limit=self.max_bytes)
        if self.started:
            self.conn.send(("abort", said))
        else:
            send_text(self.conn, 422, said)


class _Text:
    """Text written to a byte :class:`Stream` (for the CLI's writers, which write str)."""

    def __init__(self, out: Stream) -> None:
        self.out = out

    def write(self, s: str) -> int:
        self.out.write(s.encode("utf-8"))
        return len(s)

    def flush(self) -> None:
        pass


def send_text(conn, status: int, message: str, **headers: str) -> None:
    conn.send(("head", status, "text/plain; charset=utf-8", dict(headers),
               (message.rstrip("\n") + "\n").encode("utf-8"), True))


RESULTS_FORMATS = {"json": "JSON", "xml": "XML", "csv": "CSV", "tsv": "TSV"}
GRAPH_FORMATS = {"application/ld+json": "JSON_LD", "application/json": "JSON_LD",
                 "application/n-triples": "N_TRIPLES", "application/rdf+xml": "RDF_XML"}


def answer(store, job: dict, conn) -> None:
    """Run one query job on a pyoxigraph store and send the answer over ``conn`` (runs in a worker).

    ``job["kind"]``: ``"sparql"`` (the protocol: pyoxigraph serialises, streamed, no per-row Python),
    ``"named"`` (rdgraph's own serialisers, the very bytes of ``rdgraph query -f``), or ``"table"``
    (the first ``job["rows"]`` rows as SPARQL JSON, for an HTML page; header X-Rdgraph-More).
    """
    import pyoxigraph as ox

    kwargs: dict = {}
    if job.get("default_graphs"):
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job["default_graphs"]]
    else:
        kwargs["use_default_graph_as_union"] = True
    if job.get("named_graphs"):
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job["named_graphs"]]
    kind = job.get("kind", "sparql")
    lang = job.get("lang") or "en"  # the language of what the worker says (refusals, errors)
    if job.get("check"):
        try:
            check_query_text(job["query"])
        except ProtocolError as e:
            return send_text(conn, e.status, e.text(lang), **e.headers)
    try:
        # a text that declares every prefix it uses (light.Planner tells) is parsed faster without the defaults
        sol = store.query(job["query"], prefixes=PREFIXES if job.get("default_prefixes", True) else None, **kwargs)
    except SyntaxError as e:
        unknown = unknown_prefix_error(job["query"])
        return send_text(conn, 400, str(unknown) if unknown else msg("sparql.syntax_error", lang, error=e))
    except (OSError, ValueError, TypeError) as e:
        return send_text(conn, 400, msg("sparql.not_evaluated", lang, error=e))
    graph = isinstance(sol, ox.QueryTriples)
    offers = GRAPH_OFFERS if graph else tuple(o for o in RESULT_OFFERS if o != "text/html")
    if kind == "table":
        return _table(conn, sol, int(job.get("rows", 1000)))
    mtype = _negotiate(job.get("formats") or [], job.get("accept"), offers)
    if mtype is None:
        return send_text(conn, 406, msg("sparql.not_acceptable_graph" if graph else "sparql.not_acceptable", lang,
                                        accept=job.get("accept"), offers=", ".join(offers)))
    max_bytes = int(job.get("max_bytes") or (1 << 62))
    if job.get("whole") and kind == "sparql" and not graph:  # a bounded answer (.light): in one piece
        return _whole(conn, sol, mtype, max_bytes, lang)
    try:
        if graph:
            fmt = getattr(ox.RdfFormat, GRAPH_FORMATS.get(mtype, "TURTLE"))
            ctype = {"application/json": "application/ld+json", "application/turtle": "text/turtle",
                     "application/x-turtle": "text/turtle"}.get(mtype, mtype)
            if not ctype.endswith("json"):
                ctype += "; charset=utf-8"
            out = Stream(conn, 200, ctype, {}, max_bytes, lang)
            ox.serialize(sol, out, fmt, prefixes=None if fmt is ox.RdfFormat.N_TRIPLES else WRITER_PREFIXES)
            return out.finish()
        short, ctype = RESULT_TYPES[mtype]
        if short != "json":
            ctype += "; charset=utf-8"
        out = Stream(conn, 200, ctype, {}, max_bytes, lang)
        if kind == "named":  # the CLI's own streaming writers: the bytes of `rdgraph query NAME -f FMT`
            from ..limits import LimitError
            from ..streaming import Stream as RowStream
            from ..streaming import write_result

            if isinstance(sol, ox.QueryBoolean):
                rows = RowStream([], iter(()), bool(sol))
            else:
                rows = RowStream([v.value for v in sol.variables], (tuple(x) for x in sol))
            try:
                write_result(rows, short, _Text(out))
            except LimitError as e:
                if out.started:
                    return conn.send(("abort", str(e)))
                return send_text(conn, 422, str(e))
        else:
            sol.serialize(out, getattr(ox.QueryResultsFormat, RESULTS_FORMATS[short]))
        return out.finish()
    except LimitExceeded:
        return out.too_large()
    except (OSError, ValueError) as e:  # an evaluation error found while the answer was being written
        if out.started:
            return conn.send(("abort", msg("sparql.failed_midway", lang, error=e)))
        return send_text(conn, 400, msg("sparql.not_evaluated", lang, error=e))


_NEGOTIATED: dict[tuple, str | None] = {}


def _negotiate(formats: list[str], accept: str | None, offers: tuple[str, ...]) -> str | None:
    """The media type for ``format=`` values or an Accept header (clients send the same few: remembered)."""
    key = (tuple(formats), accept, offers)
    try:
        return _NEGOTIATED[key]
    except KeyError:
        pass
    mtype = negotiate.from_format(formats, offers) or negotiate.choose(accept, offers)
    if len(_NEGOTIATED) < 256 and len(accept or "") < 512:
        _NEGOTIATED[key] = mtype
    return mtype


def _whole(conn, sol, mtype: str, max_bytes: int, lang: str) -> None:
    """Query results serialised by pyoxigraph into one bytes object (no write calls back into Python)."""
    import pyoxigraph as ox

    short, ctype = RESULT_TYPES[mtype]
    if short != "json":
        ctype += "; charset=utf-8"
    try:
        data = sol.serialize(format=getattr(ox.QueryResultsFormat, RESULTS_FORMATS[short]))
    except (OSError, ValueError) as e:
        return send_text(conn, 400, msg("sparql.not_evaluated", lang, error=e))
    if len(data) > max_bytes:
        return send_text(conn, 422, msg("sparql.answer_too_large", lang, limit=max_bytes))
    conn.send(("head", 200, ctype, {}, data, True))


def _table(conn, sol, rows: int) -> None:
    """The first ``rows`` rows as SPARQL JSON (for the HTML views), and whether there are more."""
    import itertools as it

    import pyoxigraph as ox

    from ..results import Result

    if isinstance(sol, ox.QueryBoolean):
        result, more = Result([], [], bool(sol)), False
    elif isinstance(sol, ox.QueryTriples):
        triples = list(it.islice(sol, rows + 1))
        more = len(triples) > rows
        result = Result(["subject", "predicate", "object"],
                        [(t.subject, t.predicate, t.object) for t in triples[:rows]])
    else:
        variables = [v.value for v in sol.variables]
        items = [tuple(s) for s in it.islice(sol, rows + 1)]
        more = len(items) > rows
        result = Result(variables, items[:rows])
    conn.send(("head", 200, "application/sparql-results+json", {"X-Rdgraph-More": "true" if more else "false"},
               result.render("json").encode("utf-8"), True))
