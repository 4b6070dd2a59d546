"""Queries with a deadline: a small pool of worker processes, each holding a copy of the graph.

pyoxigraph cannot interrupt a running query, and a thread cannot be stopped, so every SPARQL query
(ad hoc or named) runs in a worker *process*. The server waits for the answer until the deadline;
when it passes, the worker is killed (the runaway query dies with it), a fresh worker takes its
place and the client gets 503. Waiting for a free worker counts against the same deadline.

Workers open the CLI's cached on-disk database read-only (or, when the graph was built without the
cache, load one N-Quads file the server writes at start), so every worker answers from exactly the
graph the server loaded.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
import time
from pathlib import Path

from .sparql_protocol import Reply


class QueryTimeout(Exception):
    """The query did not finish before its deadline (it was stopped)."""


class Busy(Exception):
    """No worker became free before the deadline."""


def _worker_main(conn, nquads: str) -> None:  # pragma: no cover - runs in a child process
    import os

    import pyoxigraph as ox

    from .sparql_protocol import answer

    if os.path.isdir(nquads):  # the CLI's cached database: open it read-only
        store = ox.Store.read_only(nquads)
    else:
        store = ox.Store()
        store.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            reply = answer(store, job)
        except Exception as e:  # a bug: answer 500, keep serving
            reply = Reply(500, "text/plain; charset=utf-8",
                          f"internal error in the query worker: {type(e).__name__}: {e}\n".encode())
        conn.send(reply)


class _Worker:
    def __init__(self, ctx, nquads: str) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, nquads), daemon=True, name="rdgraph-query")
        self.proc.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        if not self.ready and self.conn.poll(max(0.0, timeout)):
            msg = self.conn.recv()
            self.ready = msg == "ready"
        return self.ready

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        finally:
            self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(2)
        self.conn.close()


class QueryPool:
    """``run(job, timeout)`` -> Reply, or QueryTimeout / Busy. Thread-safe."""

    def __init__(self, nquads: Path, workers: int = 2, start_timeout: float = 120.0) -> None:
        self._ctx = mp.get_context("spawn")  # never fork a threaded server
        self._nquads = str(nquads)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        started = [self._spawn() for _ in range(max(1, workers))]
        deadline = time.monotonic() + start_timeout
        for w in started:
            if not w.wait_ready(deadline - time.monotonic()):
                self.close()
                raise RuntimeError("a query worker did not start (could not load the graph)")
            self._idle.put(w)
        self.restarts = 0

    def _spawn(self) -> _Worker:
        w = _Worker(self._ctx, self._nquads)
        with self._lock:
            self._all.add(w)
        return w

    def _replace(self, w: _Worker) -> None:
        with self._lock:
            self._all.discard(w)
        w.kill()
        if not self._closed:
            self.restarts += 1
            self._idle.put(self._spawn())

    def run(self, job: dict, timeout: float) -> Reply:
        deadline = time.monotonic() + timeout
        try:
            w = self._idle.get(timeout=max(0.001, deadline - time.monotonic()))
        except queue.Empty:
            raise Busy() from None
        try:
            if not w.wait_ready(deadline - time.monotonic()):
                self._idle.put(w)  # still loading: give it to the next request
                raise Busy()
            w.conn.send(job)
            if w.conn.poll(max(0.0, deadline - time.monotonic())):
                reply = w.conn.recv()
                self._idle.put(w)
                return reply
        except (EOFError, OSError, BrokenPipeError):
            self._replace(w)
            return Reply(500, "text/plain; charset=utf-8", b"the query worker died; it has been restarted\n")
        self._replace(w)  # deadline passed: stop the query by killing its process
        raise QueryTimeout()

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.stop()
