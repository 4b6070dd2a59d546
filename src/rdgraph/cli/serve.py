"""``rdgraph serve``: the read-only HTTP server; the server package is imported only when it runs."""

from __future__ import annotations

import argparse
import sys

from ..errors import EXIT_OK, ParameterError
from .common import load_graph

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def cmd_serve(args: argparse.Namespace) -> int:
    if args.port < 0 or args.port > 65535:
        raise ParameterError(f"--port {args.port} is not a port number", "give 1-65535, or 0 for a free port")
    from ..limits import current

    limits = current()
    timeout = args.timeout if args.timeout is not None else (limits.query_seconds or 24 * 3600.0)
    max_bytes = args.max_bytes if args.max_bytes is not None else (limits.result_bytes or 1 << 62)
    if timeout <= 0 or max_bytes <= 0 or args.workers <= 0 or args.processes <= 0:
        raise ParameterError("--timeout, --max-bytes, --workers and --processes must be positive")
    if args.host not in LOOPBACK and not args.host.startswith("127."):
        sys.stderr.write(f"rdgraph: warning: listening on {args.host}, not only this machine; "
                         "the server has no authentication\n")
    kg = load_graph(args)
    from ..server import serve

    serve(kg, args.host, args.port, timeout=timeout, max_bytes=max_bytes, workers=args.workers,
          quiet=args.quiet, allow_hosts=args.allow_host, limits=limits, processes=args.processes)
    return EXIT_OK


def register(sub) -> None:
    s = sub.add_parser("serve", help="serve the graph over HTTP: SPARQL endpoint, linked-data pages, query API",
                       description="Read-only HTTP server: /sparql (SPARQL 1.1 Protocol), /id/... -> /doc/... pages, "
                                   "/api/queries (named queries), /api/openapi.json. See docs/server.md.")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    s.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    s.add_argument("--timeout", type=float, default=None,
                   help="seconds a SPARQL query may run (and send its answer) before it is stopped "
                        "(default: the query_seconds limit, 30)")
    s.add_argument("--max-bytes", type=int, default=None,
                   help="bytes at most in one query answer; a longer answer is refused (422) or, once it has started, "
                        "cut off so that the client sees an error, never a shorter table (default: the result_bytes "
                        "limit, 1 GiB)")
    s.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="also answer requests whose Host header is NAME (repeatable); by default only the bound "
                        "address and localhost are answered (against DNS rebinding)")
    s.add_argument("--workers", type=int, default=2,
                   help="query worker processes (default 2), shared out over the server processes")
    s.add_argument("--processes", type=int, default=1,
                   help="server processes answering on the port (default 1; more can help on a busy machine "
                        "with cores to spare, see docs/server.md); at most --workers")
    s.add_argument("--quiet", action="store_true", help="do not log each request on stderr")
    s.set_defaults(func=cmd_serve)
