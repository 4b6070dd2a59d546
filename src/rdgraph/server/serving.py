"""Running the application on uvicorn: :func:`serve` (the ``rdgraph serve`` command, until interrupted) and
:class:`RunningServer` (in a background thread, for tests and notebooks)."""

from __future__ import annotations

import asyncio
import socket
import sys
import threading
import time

from ..errors import RdgraphError
from .app import create_app
from .middleware import MAX_HEADERS, MAX_URL
from .state import State


def _socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        raise RdgraphError(f"cannot listen on {host}:{port}: {e.strerror}",
                           "choose another --port, or stop what is using it") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _config(app, quiet: bool):
    import uvicorn

    from .fastpath import LightFront, protocol_class

    app = LightFront(app, app.state.rdgraph, app.state.allowed_hosts, MAX_URL, MAX_HEADERS)  # light GET /sparql
    return uvicorn.Config(app, log_level="error" if quiet else "info", access_log=not quiet, lifespan="on",
                          http=protocol_class(app), loop="auto", timeout_keep_alive=60, limit_concurrency=1000,
                          h11_max_incomplete_event_size=MAX_HEADERS, server_header=False)


class RunningServer:
    """A server answering in a background thread (for tests and notebooks): ``url``, ``close()``."""

    def __init__(self, kg, host: str = "127.0.0.1", port: int = 0, allow_hosts: list[str] | None = None,
                 **opts) -> None:
        import uvicorn

        self.state = State(kg, **opts)
        self._sock = _socket(host, port)
        h, p = self._sock.getsockname()[:2]
        self.url = f"http://{f'[{h}]' if ':' in h else h}:{p}"
        ready = threading.Event()
        app = create_app(self.state, host, allow_hosts, on_ready=ready.set)
        self.server = uvicorn.Server(_config(app, opts.get("quiet", True)))
        self.server.install_signal_handlers = lambda: None  # not the main thread
        self._thread = threading.Thread(target=lambda: asyncio.run(self.server.serve(sockets=[self._sock])),
                                        name="rdgraph-serve", daemon=True)
        self._thread.start()
        if not ready.wait(120):
            self.close()
            raise RuntimeError("the server did not start")

    def close(self) -> None:
        self.server.should_exit = True
        self._thread.join(30)
        self._sock.close()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def serve(kg, host: str = "127.0.0.1", port: int = 8000, *, timeout: float = 30.0, max_bytes: int = 1 << 30,
          workers: int = 2, quiet: bool = False, allow_hosts: list[str] | None = None, limits=None,
          processes: int = 1) -> None:
    """Answer HTTP requests until interrupted (Ctrl-C or SIGTERM); then stop the workers. ``processes`` > 1:
    that many server processes on the port (:mod:`.processes`), the ``workers`` query workers shared out."""
    import uvicorn

    from .processes import Siblings, split

    t0 = time.monotonic()
    processes = max(1, min(processes, workers))  # at least one query worker per server process
    shares = split(workers, processes)
    state = State(kg, timeout=timeout, max_bytes=max_bytes, workers=shares[0], quiet=quiet, limits=limits)
    try:
        sock = _socket(host, port)
    except BaseException:
        state.close()
        raise
    h, p = sock.getsockname()[:2]
    shown = f"[{h}]" if ":" in str(h) else h
    siblings = Siblings(kg, host, shares[1:], {"timeout": timeout, "max_bytes": max_bytes, "quiet": quiet,
                                                  "allow_hosts": allow_hosts, "limits": limits}) \
        if processes > 1 else None

    def ready() -> None:
        serving = 1 + (siblings.wait_ready() if siblings else 0)
        if siblings:  # this process accepts and deals the connections (.processes)
            siblings.deal(server, sock)
        sys.stderr.write(f"rdgraph: serving http://{shown}:{p}/ (read-only; timeout {timeout:g} s, answers up to "
                         f"{max_bytes} bytes, {workers} query workers"
                         + (f" in {serving} server processes" if processes > 1 else "")
                         + f"; ready in {time.monotonic() - t0:.1f} s). Ctrl-C stops.\n")
        sys.stderr.flush()

    app = create_app(state, host, allow_hosts, on_ready=ready)
    server = uvicorn.Server(_config(app, quiet))
    try:
        server.run(sockets=[] if siblings else [sock])
    finally:
        sock.close()
        if siblings:
            siblings.close()
        sys.stderr.write("rdgraph: server stopped\n")


__all__ = ["RunningServer", "serve"]
