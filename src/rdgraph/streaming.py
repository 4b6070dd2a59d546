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
from .terms import XSD_STRING, plain

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
                if not put(("graph", ["subject", "predicate", "object"])):
                    return
                items = ((t.subject, t.predicate, t.object) for t in sol)
            else:
                if not put(("vars", [v.value for v in sol.variables])):
                    return
                items = (tuple(s) for s in sol)
            batch: list[tuple] = []
            for s in items:
                batch.append(s)
                if len(batch) >= BATCH:
                    if not put(("rows", batch)):
                        return
                    batch = []
            if batch and not put(("rows", batch)):
                return
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

    def rows() -> Iterator[tuple]:
        try:
            while True:
                k, v = get()
                if k == "rows":
                    yield from v
                elif k == "end":
                    return
                elif k == "error":
                    raise v
        finally:
            stop.set()

    return Stream(list(value), rows(), graph=kind == "graph")


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

def _json_cell(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    cell = {"type": "literal", "value": t.value}
    if t.language:
        cell["xml:lang"] = t.language
    elif t.datatype.value != XSD_STRING:
        cell["datatype"] = t.datatype.value
    return cell


def _write_json(s: Stream, out) -> int:
    if s.boolean is not None:
        out.write(json.dumps({"head": {}, "boolean": s.boolean}) + "\n")
        return 0
    out.write('{"head": {"vars": ' + json.dumps(s.variables, ensure_ascii=False) + '},\n "results": {"bindings": [')
    n = 0
    for row in s.rows:
        b = {v: _json_cell(t) for v, t in zip(s.variables, row) if t is not None}
        out.write(("\n  " if n == 0 else ",\n  ") + json.dumps(b, ensure_ascii=False))
        n += 1
    out.write("\n ]}}\n")
    return n


def _write_csv(s: Stream, out) -> int:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if s.boolean is not None:
        w.writerow(["boolean"])
        w.writerow(["true" if s.boolean else "false"])
        out.write(buf.getvalue())
        return 0
    w.writerow(s.variables)
    n = 0
    for row in s.rows:
        w.writerow([plain(t) for t in row])
        n += 1
        if n % BATCH == 0:
            out.write(buf.getvalue())
            buf.seek(0)
            buf.truncate()
    out.write(buf.getvalue())
    return n


def _write_tsv(s: Stream, out) -> int:
    """Each term in N-Triples syntax as pyoxigraph writes it (``str(term)``), as the TSV results format asks."""
    if s.boolean is not None:
        out.write("?boolean\n" + ("true" if s.boolean else "false") + "\n")
        return 0
    out.write("\t".join("?" + v for v in s.variables) + "\n")
    n = 0
    for row in s.rows:
        out.write("\t".join("" if t is None else str(t) for t in row) + "\n")
        n += 1
    return n


def _write_xml(s: Stream, out) -> int:
    from xml.sax.saxutils import escape, quoteattr

    out.write('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>\n')
    for v in s.variables:
        out.write(f"<variable name={quoteattr(v)}/>\n")
    out.write("</head>\n")
    if s.boolean is not None:
        out.write(f"<boolean>{'true' if s.boolean else 'false'}</boolean>\n</sparql>\n")
        return 0
    out.write("<results>\n")
    n = 0
    for row in s.rows:
        parts = ["<result>"]
        for v, t in zip(s.variables, row):
            if t is None:
                continue
            if isinstance(t, ox.NamedNode):
                inner = f"<uri>{escape(t.value)}</uri>"
            elif isinstance(t, ox.BlankNode):
                inner = f"<bnode>{escape(t.value)}</bnode>"
            elif t.language:
                inner = f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
            elif t.datatype.value != XSD_STRING:
                inner = f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
            else:
                inner = f"<literal>{escape(t.value)}</literal>"
            parts.append(f"<binding name={quoteattr(v)}>{inner}</binding>")
        parts.append("</result>")
        out.write("\n".join(parts) + "\n")
        n += 1
    out.write("</results>\n</sparql>\n")
    return n


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
