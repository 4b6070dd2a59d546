"""Query answers as streams: rows written as they come, bounded in time, rows and bytes.

:func:`run_local` runs a query on the embedded store in a worker thread (pyoxigraph releases the GIL
while it evaluates) and hands the rows over in small batches, so the caller can stop at a deadline even
when the engine is busy inside one step (a ``COUNT`` over a cross join). :func:`write_result` writes a
stream in any result format (CSV, TSV, JSON, XML, Markdown, table) without holding the rows: memory stays
bounded whatever the number of rows. Limits (``query_seconds``, ``result_rows``, ``result_bytes``) are
errors the user sees, never a silently shorter answer; ``limit=N`` asks for the first N rows instead.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from io import TextIOBase as TextIO

import pyoxigraph as ox

from .display import safe_text
from .limits import LimitError, Limits, current
from .namespaces import shorten
from .terms import plain

BATCH = 256


class QueryTimeoutError(LimitError):
    """The query ran past its time limit (``query_seconds`` / ``--timeout``)."""

    def __init__(self, seconds: float, where: str = "") -> None:
        super().__init__("query_seconds", f"more than {seconds:g}", f"{seconds:g}", where,
                         message=f"the query ran longer than {seconds:g} s and was stopped")
        self.hint = ("make the query more selective, add a LIMIT, or give it more time with --timeout SECONDS "
                     "(or RDGRAPH_MAX_QUERY_SECONDS)")


class Stream:
    """A query answer being read: ``variables`` and an iterator of rows, or ``boolean`` for ASK.

    ``graph``: the rows are triples (subject, predicate, object) of a CONSTRUCT or DESCRIBE answer.
    """

    __slots__ = ("variables", "rows", "boolean", "name", "graph")

    def __init__(self, variables: list[str], rows: Iterator[tuple], boolean: bool | None = None,
                 name: str | None = None, graph: bool = False) -> None:
        self.variables, self.rows, self.boolean, self.name, self.graph = variables, rows, boolean, name, graph

    def __repr__(self) -> str:
        return (f"Stream(variables={self.variables!r}, rows={self.rows!r}, boolean={self.boolean!r}, "
                f"name={self.name!r}, graph={self.graph!r})")

    def close(self) -> None:
        close = getattr(self.rows, "close", None)
        if close:
            close()


def _now() -> float:
    return time.monotonic()


def run_local(make: Callable[[], object], seconds: float | None, where: str = "") -> Stream:
    """Evaluate ``make()`` (a pyoxigraph query call) in a worker thread, rows handed over in batches.

    Raises :class:`QueryTimeoutError` when no answer comes within ``seconds`` (None: no limit), both while
    waiting for the first answer and between batches. The worker is a daemon thread: a query stopped at
    its deadline is abandoned (the CLI exits right after; the server runs queries in worker processes).
    """
    import queue

    q: queue.Queue = queue.Queue(maxsize=8)
    stop = threading.Event()
    deadline = None if not seconds else _now() + seconds

    def put(item: tuple) -> bool:
        while not stop.is_set():
            try:
                q.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def work() -> None:
        try:
            sol = make()
            if isinstance(sol, ox.QueryBoolean):
                put(("bool", bool(sol)))
                return
            if isinstance(sol, ox.QueryTriples):
                kind, variables = "graph", ["subject", "predicate", "object"]
                items = ((t.subject, t.predicate, t.object) for t in sol)
            else:
                kind, variables = "vars", [v.value for v in sol.variables]
                items = (tuple(s) for s in sol)
            # the head goes with the first batch (a small answer is one hand-over: the reader is not woken
            # while this thread still holds the interpreter, which costs it a thread switch interval)
            batch: list[tuple] = []
            head = True
            for s in items:
                batch.append(s)
                if len(batch) >= BATCH:
                    if not put((kind, (variables, batch, False)) if head else ("rows", batch)):
                        return
                    head, batch = False, []
            put((kind, (variables, batch, True)) if head else ("rows", batch) if batch else ("end", None))
            if not head and batch:
                put(("end", None))
        except BaseException as e:  # handed to the reader, which raises it in its own thread
            put(("error", e))

    threading.Thread(target=work, name="rdgraph-query", daemon=True).start()

    def get() -> tuple:
        timeout = None if deadline is None else max(0.0, deadline - _now())
        try:
            return q.get(timeout=timeout)
        except queue.Empty:
            stop.set()
            raise QueryTimeoutError(seconds or 0, where) from None

    kind, value = get()
    if kind == "error":
        stop.set()
        raise value
    if kind == "bool":
        return Stream([], iter(()), bool(value))
    variables, first, finished = value

    def rows() -> Iterator[tuple]:
        try:
            yield from first
            while not finished:
                k, v = get()
                if k == "rows":
                    yield from v
                elif k == "end":
                    return
                elif k == "error":
                    raise v
        finally:
            stop.set()

    return Stream(list(variables), rows(), graph=kind == "graph")


def bounded_rows(rows: Iterable[tuple], limits: Limits, limit: int | None = None, where: str = "") -> Iterator[tuple]:
    """Rows up to ``limit`` (asked for: a normal end) or an error past the ``result_rows`` limit."""
    cap = limits.result_rows or None
    n = 0
    for row in rows:
        if limit is not None and n >= limit:
            return
        n += 1
        if cap is not None and n > cap:
            err = LimitError("result_rows", f"more than {cap}", cap, where,
                             message=f"the answer has more than {cap} rows; the first {cap} were written, "
                                     "the answer is incomplete")
            err.hint = ("ask for the first rows only with --limit N, or raise the limit with --max result_rows=N "
                        "(or RDGRAPH_MAX_RESULT_ROWS)")
            raise err
        yield row


class CountingWriter:
    """A text stream that counts the UTF-8 bytes written and refuses to pass ``result_bytes``."""

    def __init__(self, out: TextIO, max_bytes: int, where: str = "") -> None:
        self.out = out
        self.max = max_bytes or None
        self.bytes = 0
        self.where = where

    def write(self, s: str) -> int:
        self.bytes += len(s.encode("utf-8")) if not s.isascii() else len(s)
        if self.max is not None and self.bytes > self.max:
            raise LimitError("result_bytes", f"more than {self.max}", self.max, self.where,
                             message=f"the answer is larger than {self.max} bytes and was cut off there; "
                                     "it is incomplete")
        return self.out.write(s)

    def flush(self) -> None:
        self.out.flush()


# ---------------------------------------------------------------- writers

#: the W3C SPARQL 1.1 results formats, written by pyoxigraph's serialisers (the names of ox.QueryResultsFormat)
W3C_FORMATS = {"json": "JSON", "xml": "XML", "csv": "CSV", "tsv": "TSV"}
_W3C_BATCH = 1024  # rows serialised at a time


def _boolean(fmt: str, value: bool, variables: list[str]) -> str:
    """An ASK answer (one value: written here, as it always was)."""
    word = "true" if value else "false"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}) + "\n"
    if fmt == "csv":
        return f"boolean\r\n{word}\r\n"
    if fmt == "tsv":
        return f"?boolean\n{word}\n"
    from xml.sax.saxutils import quoteattr

    head = "".join(f"<variable name={quoteattr(v)}/>\n" for v in variables)
    return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>\n{head}'
            f"</head>\n<boolean>{word}</boolean>\n</sparql>\n")


def _write_w3c(s: Stream, out, fmt: str) -> int:
    """Rows in a W3C results format, serialised by pyoxigraph a batch at a time.

    pyoxigraph serialises only a whole answer of its own (``QuerySolutions``), and an answer here is rows that
    the limits count and may cut; so each batch of rows is handed to pyoxigraph as TSV (each term in the
    N-Triples syntax pyoxigraph writes, ``str(term)``), read back with ``parse_query_results`` and serialised in
    ``fmt``; the document's head and tail are written once and each batch's rows in between.
    """
    if s.boolean is not None:
        out.write(_boolean(fmt, s.boolean, s.variables))
        return 0
    tsv, target = ox.QueryResultsFormat.TSV, getattr(ox.QueryResultsFormat, W3C_FORMATS[fmt])
    head = "\t".join("?" + v for v in s.variables) + "\n"

    def serialised(lines: list[str]) -> str:
        return ox.parse_query_results((head + "".join(lines)).encode("utf-8"), tsv).serialize(format=target).decode()

    empty = serialised([])
    tail = {"json": "]}}", "xml": "</results></sparql>"}.get(fmt, "")  # where the rows go in an empty answer
    if not empty.endswith(tail):
        raise AssertionError(f"pyoxigraph's {fmt} results do not end with {tail!r}")  # pragma: no cover
    start = len(empty) - len(tail)
    out.write(empty[:start])
    n = 0
    lines: list[str] = []
    for row in s.rows:
        lines.append("\t".join("" if t is None else str(t) for t in row) + "\n")
        if len(lines) >= _W3C_BATCH:
            out.write(("," if fmt == "json" and n else "") + serialised(lines)[start:-len(tail) or None])
            n += len(lines)
            lines = []
    if lines:
        out.write(("," if fmt == "json" and n else "") + serialised(lines)[start:-len(tail) or None])
        n += len(lines)
    out.write(tail + ("\n" if tail else ""))  # a text file ends with a line end
    return n


def _write_json(s: Stream, out) -> int:
    return _write_w3c(s, out, "json")


def _write_xml(s: Stream, out) -> int:
    return _write_w3c(s, out, "xml")


def _write_csv(s: Stream, out) -> int:
    return _write_w3c(s, out, "csv")


def _write_tsv(s: Stream, out) -> int:
    return _write_w3c(s, out, "tsv")


def _cell(t) -> str:
    return safe_text(shorten(plain(t)) if isinstance(t, ox.NamedNode) else plain(t))


def _write_markdown(s: Stream, out) -> int:
    if s.boolean is not None:
        out.write(("yes" if s.boolean else "no") + "\n")
        return 0
    out.write("| " + " | ".join(s.variables) + " |\n|" + "---|" * len(s.variables) + "\n")
    n = 0
    for row in s.rows:
        out.write("| " + " | ".join(_cell(t).replace("|", "\\|") for t in row) + " |\n")
        n += 1
    return n


def _write_table(s: Stream, out, max_width: int = 60, chunk: int = 1000) -> int:
    """A terminal table; column widths from the first ``chunk`` rows (later rows are not held)."""
    if s.boolean is not None:
        out.write(("yes" if s.boolean else "no") + "\n")
        return 0

    def fit(c: str) -> str:
        return c if len(c) <= max_width else c[: max_width - 1] + "…"

    first: list[list[str]] = []
    rows = iter(s.rows)
    for row in rows:
        first.append([fit(_cell(t)) for t in row])
        if len(first) >= chunk:
            break
    widths = [len(v) for v in s.variables]
    for r in first:
        widths = [max(w, len(c)) for w, c in zip(widths, r)]
    out.write("  ".join(v.ljust(w) for v, w in zip(s.variables, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    n = 0
    for r in first:
        out.write("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() + "\n")
        n += 1
    for row in rows:
        out.write("  ".join(c.ljust(w) for c, w in zip((fit(_cell(t)) for t in row), widths)).rstrip() + "\n")
        n += 1
    out.write(f"({n} row{'s' if n != 1 else ''})\n")
    return n


def _write_ntriples(s: Stream, out) -> int:
    """Triples of a CONSTRUCT/DESCRIBE answer, one N-Triples line each."""
    n = 0
    for subj, pred, obj in s.rows:
        out.write(f"{subj} {pred} {obj} .\n")  # pyoxigraph writes each term in N-Triples syntax
        n += 1
    return n


WRITERS = {"table": _write_table, "csv": _write_csv, "tsv": _write_tsv, "json": _write_json, "xml": _write_xml,
           "markdown": _write_markdown,
           "ntriples": _write_ntriples}


def write_result(stream: Stream, fmt: str, out: TextIO, limits: Limits | None = None, limit: int | None = None,
                 where: str = "") -> int:
    """Write ``stream`` as ``fmt`` to ``out`` row by row; returns the number of rows written.

    Raises LimitError past ``result_rows`` or ``result_bytes`` (after what was written so far), and
    whatever the stream raises (a timeout). ``limit`` stops after that many rows without error.
    """
    from .errors import ParameterError

    limits = limits or current()
    if fmt not in WRITERS:
        raise ParameterError(f"unknown output format {fmt!r}", "use one of: " + ", ".join(WRITERS))
    if stream.graph and fmt not in ("ntriples", "table"):
        stream.close()
        raise ParameterError(f"a CONSTRUCT or DESCRIBE answer is a graph: it is written as ntriples, not {fmt}",
                             "use --format ntriples")
    if stream.graph:
        fmt = "ntriples"
    elif fmt == "ntriples":
        stream.close()
        raise ParameterError("ntriples is for CONSTRUCT and DESCRIBE answers",
                             "use csv, tsv, json, xml, markdown or table for SELECT and ASK")
    bounded = Stream(stream.variables, bounded_rows(stream.rows, limits, limit, where), stream.boolean, stream.name)
    try:
        return WRITERS[fmt](bounded, CountingWriter(out, limits.result_bytes, where))
    finally:
        stream.close()


def from_result(result) -> Stream:
    """A Stream over an already-built :class:`~rdgraph.results.Result` (e.g. a remote answer)."""
    return Stream(list(result.variables), iter(result._seq()), result.boolean, result.query_name)


__all__ = ["Stream", "run_local", "write_result", "bounded_rows", "from_result", "QueryTimeoutError",
           "CountingWriter", "WRITERS"]
