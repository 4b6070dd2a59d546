"""Queries with a deadline, off the event loop: a pool of worker processes, each holding the graph.

pyoxigraph cannot interrupt a running query and a thread cannot be stopped, so every SPARQL query
(ad hoc or named) runs in a worker *process*. The event loop never blocks on a worker: it waits for
the worker's pipe to become readable (``loop.add_reader``) until the deadline; when the deadline
passes the worker is killed (the runaway query dies with it), a fresh worker takes its place and
the client gets 503 (or, when the answer had already started, a cut connection). Waiting for a free
worker counts against the same deadline.

A worker answers a job with messages over its pipe::

    ("head", status, content_type, headers, first_bytes, done)   # always first
    ("chunk", bytes)* then ("end",)                               # when done was False
    ("abort", message)                                            # a limit hit after the head went out

The worker serialises results itself (pyoxigraph's writers for /sparql), so the server process only
moves bytes. Workers open the CLI's cached on-disk database read-only (or load one N-Quads file the
server writes at start), so every worker answers from exactly the graph the server loaded; they copy
it into an in-memory store for ad-hoc queries (about 4x faster on this graph) and answer named
queries from the database itself (the CLI's answers byte for byte).
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import os
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path


class QueryTimeout(Exception):
    """The query did not finish before its deadline (it was stopped)."""


class Busy(Exception):
    """No worker became free before the deadline."""


class WorkerDied(Exception):
    """The worker process ended while answering (it has been replaced)."""


@dataclass
class Answer:
    """The start of a worker's answer; ``rest`` yields the remaining chunks (empty when ``done``)."""

    status: int
    content_type: str
    headers: dict[str, str]
    first: bytes
    done: bool
    rest: AsyncIterator[bytes] | None = field(default=None, repr=False)

    async def body(self) -> bytes:
        if self.done or self.rest is None:
            return self.first
        parts = [self.first]
        async for chunk in self.rest:
            parts.append(chunk)
        return b"".join(parts)


def open_stores(source: str):
    """(database, in-memory copy) of the graph the server loaded: the CLI's cached database opened read-only,
    or one N-Quads file (then both are the same in-memory store)."""
    import pyoxigraph as ox

    if os.path.isdir(source):  # the CLI's cached database: open it read-only
        disk = ox.Store.read_only(source)
        store = ox.Store()  # and copy it into memory: queries run about 4x faster than on the on-disk database
        # (extend, not bulk_extend: as fast here, without the bulk loader's 200 MB batch buffer, which a process
        # under an address-space limit may not have)
        store.extend(disk)
    else:
        disk = store = ox.Store()
        store.bulk_load(path=source, format=ox.RdfFormat.N_QUADS)
    return disk, store


def _worker_main(conn, source: str, limits=None) -> None:  # pragma: no cover - runs in a child process
    if limits is not None:  # the server's limits (config file, environment, --max), not only this process's
        from ..limits import configure

        configure(limits)

    from .sparql_protocol import answer

    disk, store = open_stores(source)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            # named queries read the very database the CLI reads, so their answers are the CLI's byte for byte
            # (the order of rows without ORDER BY follows the store); everything else the in-memory copy
            answer(disk if job.get("kind") == "named" else store, job, conn)
        except (BrokenPipeError, EOFError, OSError):
            return
        except Exception as e:  # a bug: say so, keep serving
            try:
                conn.send(("head", 500, "text/plain; charset=utf-8", {},
                           f"internal error in the query worker: {type(e).__name__}: {e}\n".encode(), True))
            except OSError:
                return


class _Worker:
    def __init__(self, ctx, source: str, limits=None) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, source, limits), daemon=True,
                                name="rdgraph-query")
        self.proc.start()
        child.close()
        self.fd = self.conn.fileno()

    async def recv(self, deadline: float):
        """The next message, waiting on the event loop (no thread) until the deadline; TimeoutError after."""
        if not self.conn.poll():
            loop = asyncio.get_running_loop()
            fut = loop.create_future()

            def expire() -> None:
                if not fut.done():
                    fut.set_exception(TimeoutError())

            timer = loop.call_at(loop.time() + max(0.0, deadline - time.monotonic()), expire)
            loop.add_reader(self.fd, lambda: fut.done() or fut.set_result(None))
            try:
                await fut
            finally:
                timer.cancel()
                loop.remove_reader(self.fd)
                os.set_blocking(self.fd, True)  # uvloop's reader makes the fd non-blocking; recv reads whole messages
        return self.conn.recv()

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
    """``await run(job, timeout)`` -> :class:`Answer`, or QueryTimeout / Busy / WorkerDied.

    Created and used on one event loop (the server's); ``start()`` waits until every worker has
    loaded the graph.
    """

    def __init__(self, source: Path, workers: int = 2, limits=None, light: bool = True) -> None:
        self._ctx = mp.get_context("spawn")  # never fork a process with threads
        self._limits = limits
        self._light = light
        self._store = None     # the in-memory copy the light queries read in this process
        self._planner = None   # light.Planner: which queries may skip the worker
        self.answered_here = 0
        self._source = str(source)
        self._n = max(1, workers)
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()
        self._closed = False

    async def start(self, timeout: float = 120.0) -> None:
        self._idle = asyncio.Queue()
        local = asyncio.ensure_future(asyncio.to_thread(self._open_local)) if self._light else None
        started = [await asyncio.to_thread(self._spawn) for _ in range(self._n)]
        if local is not None:  # counted while the workers load
            self._store, self._planner = await local
        deadline = time.monotonic() + timeout
        for w in started:
            try:
                msg = await w.recv(deadline)
            except (TimeoutError, EOFError, OSError):
                msg = None
            if msg != "ready":
                self.close()
                raise RuntimeError("a query worker did not start (could not load the graph)")
            self._idle.put_nowait(w)

    def _open_local(self):
        from ..namespaces import PREFIXES
        from .light import Planner

        _, store = open_stores(self._source)
        return store, Planner(store, PREFIXES)

    def light(self, job: dict) -> bool:
        """Whether ``job`` may be answered in this process: an ad-hoc query (``sparql`` or ``table``) on the
        default graph whose cost :mod:`.light` bounds, inside the size and depth limits and free of the
        words the workers refuse (those refusals stay the workers' own)."""
        if not self._light or self._planner is None or job.get("kind") not in ("sparql", "table") \
                or job.get("default_graphs") or job.get("named_graphs"):
            return False
        if self._limits is None:
            from ..limits import current

            self._limits = current()
        found = self._planner.plan(job["query"], self._limits)
        if found is None:
            return False
        job["default_prefixes"] = found[1]
        return True

    def answer_here(self, job: dict) -> Answer:
        """A light job answered in this process (bounded by :mod:`.light`): the worker's code, no process hop."""
        from .sparql_protocol import answer

        sink = _Sink()
        try:
            answer(self._store, {**job, "check": False, "whole": True}, sink)
        except Exception as e:  # a bug: say so, keep serving (as a worker does)
            return Answer(500, "text/plain; charset=utf-8", {},
                          f"internal error in the query: {type(e).__name__}: {e}\n".encode(), True)
        self.answered_here += 1
        return sink.answer()

    def _spawn(self) -> _Worker:
        w = _Worker(self._ctx, self._source, self._limits)
        self._all.add(w)
        return w

    def _replace(self, w: _Worker) -> None:
        """Kill a worker (a runaway query, a dead process, an abandoned answer) and start a new one."""
        self._all.discard(w)
        w.kill()
        if self._closed:
            return
        asyncio.get_running_loop().create_task(self._respawn())

    async def _respawn(self) -> None:
        w = await asyncio.to_thread(self._spawn)
        try:
            msg = await w.recv(time.monotonic() + 120)
        except (TimeoutError, EOFError, OSError):
            msg = None
        if msg == "ready" and not self._closed:
            self._idle.put_nowait(w)
        else:
            self._all.discard(w)
            w.kill()

    async def run(self, job: dict, timeout: float) -> Answer:
        assert self._idle is not None, "QueryPool.start() was not awaited"
        if self.light(job):
            return self.answer_here(job)
        deadline = time.monotonic() + timeout
        try:
            w = self._idle.get_nowait()
        except asyncio.QueueEmpty:
            try:
                w = await asyncio.wait_for(self._idle.get(), max(0.001, deadline - time.monotonic()))
            except TimeoutError:
                raise Busy() from None
        try:
            w.conn.send(job)
            msg = await w.recv(deadline)
        except TimeoutError:
            self._replace(w)  # deadline passed: stop the query by killing its process
            raise QueryTimeout() from None
        except (EOFError, OSError):
            self._replace(w)
            raise WorkerDied() from None
        except BaseException:  # cancelled (the client went away): the worker may still be busy
            self._replace(w)
            raise
        _, status, ctype, headers, first, done = msg
        if done:
            self._idle.put_nowait(w)
            return Answer(status, ctype, headers, first, True)
        return Answer(status, ctype, headers, first, False, self._rest(w, deadline))

    async def _rest(self, w: _Worker, deadline: float) -> AsyncIterator[bytes]:
        """The remaining chunks of a streamed answer; raises (cutting the response) on a limit."""
        finished = False
        try:
            while True:
                try:
                    msg = await w.recv(deadline)
                except TimeoutError:
                    raise QueryTimeout() from None
                except (EOFError, OSError):
                    raise WorkerDied() from None
                if msg[0] == "chunk":
                    yield msg[1]
                elif msg[0] == "end":
                    finished = True
                    return
                else:  # ("abort", message): a limit was hit after the head went out
                    finished = True
                    raise ResultTooLarge(msg[1])
        finally:
            if finished and not self._closed:
                self._idle.put_nowait(w)
            else:
                self._replace(w)

    def close(self) -> None:
        self._closed = True
        workers = list(self._all)
        self._all.clear()
        for w in workers:
            w.stop()


class ResultTooLarge(Exception):
    """The answer grew past the byte limit after it had started (the connection is cut)."""


class _Sink:
    """Collects the messages :func:`.sparql_protocol.answer` would send over a worker's pipe."""

    def __init__(self) -> None:
        self.messages: list[tuple] = []

    def send(self, message: tuple) -> None:
        self.messages.append(message)

    def answer(self) -> Answer:
        _, status, ctype, headers, first, done = self.messages[0]
        if done:
            return Answer(status, ctype, headers, first, True)
        rest = self.messages[1:]

        async def chunks() -> AsyncIterator[bytes]:
            for msg in rest:
                if msg[0] == "chunk":
                    yield msg[1]
                elif msg[0] == "abort":
                    raise ResultTooLarge(msg[1])

        return Answer(status, ctype, headers, first, False, chunks())
