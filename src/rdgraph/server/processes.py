"""More than one server process on one port: ``rdgraph serve --processes N`` uses N cores for requests.

One Python process handles requests on one core at a time (the interpreter's lock), however many query
workers it has. With ``--processes N`` the server starts N-1 sibling processes, each a complete server
(its own graph, pages, caches, query workers and in-process light queries). Each sibling loads the very
graph the first process loaded (same sources, checked by its cache key) and has the same limits,
timeout, byte limit and Host allow-list.

The first process alone listens on the address; it accepts each connection and deals it, in turn, to
itself or a sibling (the connected socket passes over the sibling's pipe, SCM_RIGHTS), which serves it
with uvicorn's own protocol. Eight keep-alive clients are served four and four; the kernel's spreading
over ``SO_REUSEPORT`` sockets gave 3 and 5 more often than not, and the busier process set the pace.

A sibling stops when its pipe from the first process closes: when the first process stops, whatever
the reason, so do its siblings (and their query workers with them). A sibling that does not start, or
ends, is left out of the deal.
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import socket
import sys
import time
from multiprocessing.reduction import recv_handle, send_handle


def split(total: int, parts: int) -> list[int]:
    """``total`` query workers over ``parts`` processes, as evenly as possible, at least one each."""
    return [max(1, total // parts + (1 if i < total % parts else 0)) for i in range(parts)]


def _adopter(server):
    """A function that has uvicorn ``server`` serve an accepted connection, with uvicorn's own protocol."""
    loop = asyncio.get_running_loop()
    config = server.config
    tasks: set = set()

    def factory():
        return config.http_protocol_class(config=config, server_state=server.server_state,
                                          app_state=server.lifespan.state)

    def adopt(conn: socket.socket) -> None:
        task = loop.create_task(loop.connect_accepted_socket(factory, conn))
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    return adopt


class Siblings:
    """The sibling server processes: started at once, ``wait_ready()`` before saying the server is up."""

    def __init__(self, kg, host: str, workers: list[int], opts: dict) -> None:
        ctx = mp.get_context("spawn")  # never fork a process with threads (RocksDB, uvicorn)
        self.procs = []
        self.conns = []
        self.serving: dict[int, bool] = {}
        for n in workers:
            parent, child = ctx.Pipe()
            proc = ctx.Process(target=_sibling, name="rdgraph-serve",
                               args=(child, str(kg.root), kg.info.key, {**opts, "host": host, "workers": n}))
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
                self.serving[id(conn)] = True
            else:
                sys.stderr.write(f"rdgraph: warning: a server process is left out: {msg}\n")
        return ready

    def deal(self, server, sock: socket.socket) -> None:
        """Accept on ``sock`` (on the running loop) and deal the connections: this process, then each sibling."""
        loop = asyncio.get_running_loop()
        adopt = _adopter(server)
        hands = [None, *((conn, proc.pid) for conn, proc in zip(self.conns, self.procs, strict=True)
                         if self.serving.get(id(conn)) and proc.is_alive())]
        turn = 0
        sock.setblocking(False)

        def accept() -> None:
            nonlocal turn
            while True:
                try:
                    conn, _ = sock.accept()
                except (BlockingIOError, InterruptedError):
                    return
                except OSError as e:  # out of file descriptors, say: the next readiness tries again
                    sys.stderr.write(f"rdgraph: accept failed: {e}\n")
                    return
                while True:
                    hand = hands[turn % len(hands)]
                    turn += 1
                    if hand is None:
                        adopt(conn)
                        break
                    try:
                        send_handle(hand[0], conn.fileno(), hand[1])
                    except OSError:  # the sibling ended: left out from now on
                        hands.remove(hand)
                        continue
                    conn.close()
                    break

        loop.add_reader(sock.fileno(), accept)

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


def _sibling(conn, root: str, key: str, opts: dict) -> None:  # pragma: no cover - runs in a child process
    import uvicorn

    from ..limits import configure
    from ..store import load
    from .app import create_app
    from .serving import _config
    from .state import State

    if opts.get("limits") is not None:
        configure(opts["limits"])
    try:
        kg = load(root)
        if kg.info.key != key:
            raise RuntimeError("the graph's sources changed since the first server process loaded them")
    except Exception as e:  # noqa: BLE001 - said to the first process, which reports it
        conn.send(f"{type(e).__name__}: {e}")
        return
    state = State(kg, timeout=opts["timeout"], max_bytes=opts["max_bytes"], workers=opts["workers"],
                  quiet=opts["quiet"], limits=opts.get("limits"))
    server = None

    def ready() -> None:  # serve what the first process deals, until it goes away
        loop = asyncio.get_running_loop()
        adopt = _adopter(server)

        def receive() -> None:
            try:
                fd = recv_handle(conn)
            except (BlockingIOError, InterruptedError):
                return
            except (EOFError, OSError):  # the first process stopped (or was killed)
                loop.remove_reader(conn.fileno())
                server.should_exit = True
                return
            adopt(socket.socket(fileno=fd))

        loop.add_reader(conn.fileno(), receive)
        conn.send("ready")

    app = create_app(state, opts["host"], opts.get("allow_hosts"), on_ready=ready)
    server = uvicorn.Server(_config(app, opts["quiet"]))
    server.run(sockets=[])
