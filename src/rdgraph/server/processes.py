"""More than one server process on one port: ``rdgraph serve --processes N`` uses N cores for requests.

One Python process handles requests on one core at a time (the interpreter's lock), however many query
workers it has. With ``--processes N`` the server starts N-1 sibling processes, each a complete server
(its own graph, pages, caches, query workers and in-process light queries) listening on the same address
with ``SO_REUSEPORT``: the kernel spreads the incoming connections over the N sockets. Each sibling
loads the very graph the first process loaded (same sources, checked by its cache key), binds
127.0.0.1 (or the --host given) only, and has the same limits, timeout, byte limit and Host allow-list.

A sibling watches a pipe from the first process and stops when it closes: when the first process stops,
whatever the reason, so do its siblings (and their query workers with them). A sibling that does not
start is reported and left out; its socket closes with it, so the kernel stops sending it connections.
"""

from __future__ import annotations

import multiprocessing as mp
import socket
import sys
import threading
import time


def split(total: int, parts: int) -> list[int]:
    """``total`` query workers over ``parts`` processes, as evenly as possible, at least one each."""
    return [max(1, total // parts + (1 if i < total % parts else 0)) for i in range(parts)]


def reuse_port(sock: socket.socket) -> None:
    """Let sibling processes listen on the same address (set before bind)."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)


class Siblings:
    """The sibling server processes: started at once, ``wait_ready()`` before saying the server is up."""

    def __init__(self, kg, host: str, port: int, workers: list[int], opts: dict) -> None:
        ctx = mp.get_context("spawn")  # never fork a process with threads (RocksDB, uvicorn)
        self.procs = []
        self.conns = []
        for n in workers:
            parent, child = ctx.Pipe()
            proc = ctx.Process(target=_sibling, name="rdgraph-serve",
                               args=(child, str(kg.root), kg.info.key, host, port, {**opts, "workers": n}))
            proc.start()
            child.close()
            self.procs.append(proc)
            self.conns.append(parent)

    def wait_ready(self, timeout: float = 120.0) -> int:
        """Wait until every sibling answers; returns how many are serving (the others are reported)."""
        deadline = time.monotonic() + timeout
        ready = 0
        for conn in self.conns:
            try:
                msg = conn.recv() if conn.poll(max(0.0, deadline - time.monotonic())) else "did not start in time"
            except (EOFError, OSError):
                msg = "ended while starting"
            if msg == "ready":
                ready += 1
            else:
                sys.stderr.write(f"rdgraph: warning: a server process is left out: {msg}\n")
        return ready

    def close(self) -> None:
        for conn in self.conns:  # the siblings see the pipe close and stop
            conn.close()
        deadline = time.monotonic() + 30
        for proc in self.procs:
            proc.join(max(0.1, deadline - time.monotonic()))
            if proc.is_alive():
                proc.terminate()
                proc.join(5)
            if proc.is_alive():
                proc.kill()
                proc.join(5)


def _sibling(conn, root: str, key: str, host: str, port: int, opts: dict) -> None:  # pragma: no cover - a child
    import uvicorn

    from ..limits import configure
    from ..store import load
    from .app import create_app
    from .serving import _config, _socket
    from .state import State

    if opts.get("limits") is not None:
        configure(opts["limits"])
    try:
        kg = load(root)
        if kg.info.key != key:
            raise RuntimeError("the graph's sources changed since the first server process loaded them")
        sock = _socket(host, port, reuse_port=True)
    except Exception as e:  # noqa: BLE001 - said to the first process, which reports it
        conn.send(f"{type(e).__name__}: {e}")
        return
    state = State(kg, timeout=opts["timeout"], max_bytes=opts["max_bytes"], workers=opts["workers"],
                  quiet=opts["quiet"], limits=opts.get("limits"))
    app = create_app(state, host, opts.get("allow_hosts"), on_ready=lambda: conn.send("ready"))
    server = uvicorn.Server(_config(app, opts["quiet"]))

    def watch() -> None:  # the first process went away (stopped, killed): stop too
        try:
            while True:
                conn.recv()
        except (EOFError, OSError):
            server.should_exit = True

    threading.Thread(target=watch, name="rdgraph-parent-watch", daemon=True).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
