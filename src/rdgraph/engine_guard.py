"""Surviving an engine abort: an ad-hoc query with ORDER BY is evaluated in a forked child process.

pyoxigraph (0.5.13, the newest) aborts the whole process on some ORDER BY sorts over values of different
kinds (a Rust panic, "user-provided comparison function does not correctly implement a total order", then
SIGABRT; upstream oxigraph/oxigraph#1542). A forked child (the store is already open: a fork is cheap)
evaluates such a query and has pyoxigraph serialise the answer into a pipe; the parent reads it as it comes
through :func:`rdgraph.streaming.run_local`, so the limits and the deadline stay as they are (at the deadline
the child is killed). A child that dies becomes a clear :class:`EngineStoppedError` (exit 2); what it wrote
on its standard error (the panic and its backtrace) goes to a temporary file, never to the user, and tells
which message to give: the sort (the panic names the total order), memory, or any other stop. Named
queries (tested) and platforms without ``fork`` keep the in-process path.

The pipe carries one byte saying what follows: ``S`` solutions (SPARQL TSV), ``G`` the triples of a CONSTRUCT
or DESCRIBE (TSV with the variables subject, predicate, object), ``B`` an ASK answer (SPARQL JSON), ``E`` an
exception raised while the query was parsed or evaluated (pickled; raised again in the parent).
"""

from __future__ import annotations

import os
import re
import signal
import sys
import threading

import pyoxigraph as ox

from .errors import QuerySyntaxError
from .messages import msg

_ORDER_BY = re.compile(r"\border\s+by\b", re.IGNORECASE)
#: set by tests only: called in the child before it evaluates (e.g. ``os.abort`` to die like the engine does)
CHILD_HOOK = None


def wanted(text: str) -> bool:
    """Whether ``text`` is evaluated in a child: it may sort (ORDER BY), and this platform can fork."""
    return hasattr(os, "fork") and _ORDER_BY.search(text) is not None


class EngineStoppedError(QuerySyntaxError):
    """The query engine died while answering (in the child process); the message says why, in ``lang``.

    ``said``: the start of what the child wrote on its standard error (a Rust panic names its cause there)."""

    def __init__(self, status: int, lang: str = "en", said: bytes = b"") -> None:
        self.status = status  # the child's exit code; negative: killed by that signal
        if b"does not correctly implement a total order" in said:
            key = "engine.sort_abort"
        elif b"memory allocation of" in said:
            key = "engine.out_of_memory"
        else:
            key = "engine.stopped"
        super().__init__(msg(key, lang, version=ox.__version__, status=_status_text(status)),
                         msg(key + "_hint", lang))


def _status_text(status: int) -> str:
    if status < 0:
        try:
            return signal.Signals(-status).name
        except ValueError:
            return f"signal {-status}"
    return f"exit {status}"


class _Child:
    """The forked child evaluating one query, and the read end of its pipe."""

    def __init__(self, pid: int, pipe, lang: str, stderr) -> None:
        self.pid, self.pipe, self.lang, self.stderr = pid, pipe, lang, stderr
        self.status: int | None = None  # set once reaped
        self.graph = False
        self._lock = threading.Lock()

    def _reap(self, kill: bool) -> int:
        with self._lock:
            if self.status is None:  # not reaped yet: the pid is still this child's (a zombie at worst)
                if kill:
                    try:
                        os.kill(self.pid, signal.SIGKILL)
                    except ProcessLookupError:  # pragma: no cover - cannot happen before waitpid
                        pass
                try:
                    self.status = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
                except ChildProcessError:  # pragma: no cover - reaped elsewhere (a SIGCHLD handler)
                    self.status = 0
            return self.status

    def __del__(self) -> None:  # an answer dropped unread: its child must not wait on the pipe for ever
        if self.status is None:
            self.stop()

    def stop(self) -> None:
        """Kill the child if it still runs (deadline, limit, the reader gave up) and reap it."""
        self._reap(kill=True)

    def finish(self) -> None:
        """After the end of the pipe (or garbage in it): the child's exit, an error unless it ended well."""
        status = self._reap(kill=False)
        if status != 0:
            self.stderr.seek(0)
            raise EngineStoppedError(status, self.lang, self.stderr.read(1 << 16))

    def answer(self):
        """The answer as it comes through the pipe (called in run_local's worker thread)."""
        kind = self.pipe.read(1)
        if kind == b"E":
            import pickle

            data = self.pipe.read()
            self.finish()
            try:
                error = pickle.loads(data)
            except Exception:  # pragma: no cover - an exception class that does not unpickle
                error = QuerySyntaxError("the query failed in the query engine")
            raise error
        if kind == b"B":
            data = self.pipe.read()
            self.finish()
            return ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
        if kind not in (b"S", b"G"):
            self.finish()
            raise EngineStoppedError(self.status or 0, self.lang)  # pragma: no cover - a child that said nothing
        self.graph = kind == b"G"
        try:
            return _Solutions(self, ox.parse_query_results(self.pipe, ox.QueryResultsFormat.TSV))
        except (SyntaxError, ValueError, OSError):
            self.finish()  # the child died before it wrote the whole head
            raise


class _Solutions:
    """Parsed solutions that, at their end, check that the child ended well (a short answer is no answer)."""

    def __init__(self, child: _Child, parsed) -> None:
        self.child, self.parsed, self.variables = child, parsed, parsed.variables

    def __iter__(self):
        try:
            yield from self.parsed
        except (SyntaxError, ValueError, OSError):
            self.child.finish()  # a cut line: the child died while writing
            raise
        self.child.finish()


class _Rows:
    """The rows of a guarded answer: when they end, fail or are closed, the child is reaped (killed if it runs)."""

    def __init__(self, rows, child: _Child) -> None:
        self.rows, self.child = rows, child

    def __iter__(self):
        return self

    def __next__(self):
        try:
            return next(self.rows)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        close = getattr(self.rows, "close", None)
        if close:
            close()
        self.child.stop()


def _child_main(w: int, stderr: int, evaluate) -> None:
    """In the child: evaluate, write the answer into the pipe, leave with os._exit (never returns)."""
    code = 1
    try:
        os.dup2(stderr, 2)  # an engine panic writes its backtrace to fd 2: not to the user's terminal
        faulthandler = sys.modules.get("faulthandler")
        if faulthandler is not None:  # nor Python's dump of the stack on SIGABRT (it may write to another fd)
            faulthandler.disable()
        with os.fdopen(w, "wb", buffering=1 << 16) as out:
            try:
                if CHILD_HOOK is not None:
                    CHILD_HOOK()
                sol = evaluate()
            except Exception as e:  # the parent raises it again, as the in-process path would
                import pickle

                try:
                    data = pickle.dumps(e)
                except Exception:  # pragma: no cover - an exception that does not pickle
                    data = pickle.dumps(QuerySyntaxError(f"the query failed: {e}"))
                out.write(b"E" + data)
            else:
                if isinstance(sol, ox.QueryBoolean):
                    out.write(b"B")
                    sol.serialize(out, ox.QueryResultsFormat.JSON)
                elif isinstance(sol, ox.QueryTriples):
                    out.write(b"G?subject\t?predicate\t?object\n")
                    for t in sol:
                        out.write(f"{t.subject}\t{t.predicate}\t{t.object}\n".encode())
                else:
                    out.write(b"S")
                    sol.serialize(out, ox.QueryResultsFormat.TSV)
        code = 0
    finally:
        os._exit(code)


def run(evaluate, seconds: float | None, where: str = "", lang: str = "en"):
    """``evaluate()`` (a pyoxigraph query call) in a forked child, as a :class:`~rdgraph.streaming.Stream`."""
    import tempfile
    import warnings

    from .streaming import run_local

    r, w = os.pipe()
    stderr = tempfile.TemporaryFile()  # the child's standard error (read only if it dies)
    with warnings.catch_warnings():  # Python 3.12+ warns about fork in a threaded process; the child runs no threads
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child (coverage does not see it)
        os.close(r)
        _child_main(w, stderr.fileno(), evaluate)
    os.close(w)
    child = _Child(pid, os.fdopen(r, "rb"), lang, stderr)
    try:
        stream = run_local(child.answer, seconds, where)
    except BaseException:
        child.stop()
        raise
    stream.graph = child.graph
    stream.rows = _Rows(stream.rows, child)
    if stream.boolean is not None:
        child.stop()
    return stream


def result(stream, name: str | None):
    """A :class:`~rdgraph.results.Result` of a guarded stream (the notebook's ``KnowledgeGraph.sparql``)."""
    from .results import Result

    if stream.graph:
        stream.close()
        raise QuerySyntaxError("CONSTRUCT and DESCRIBE are answered by construct(), not sparql()")
    if stream.boolean is not None:
        return Result([], [], stream.boolean, name)
    try:
        return Result(list(stream.variables), list(stream.rows), None, name)
    finally:
        stream.close()


__all__ = ["CHILD_HOOK", "EngineStoppedError", "result", "run", "wanted"]
