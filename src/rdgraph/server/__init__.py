"""``rdgraph serve``: the graph over HTTP (SPARQL 1.1 Protocol, linked-data pages, named-query API).

Nothing heavy is imported here; :func:`serve` and :class:`RunningServer` load the modules they need.
"""

from __future__ import annotations


def serve(kg, host: str = "127.0.0.1", port: int = 8000, **opts) -> None:
    from .serving import serve as _serve

    _serve(kg, host, port, **opts)


def running_server(kg, host: str = "127.0.0.1", port: int = 0, **opts):
    """A server in a background thread of this process (``.url``, ``.close()``); port 0 picks a free one."""
    from .serving import RunningServer

    return RunningServer(kg, host, port, **opts)


__all__ = ["running_server", "serve"]
