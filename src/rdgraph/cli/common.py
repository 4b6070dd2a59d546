"""What the verbs share: loading the graph, writing output, and the option groups several verbs take."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from ..errors import ParameterError

LANGS = ("nl", "en")
PASSWORD_ENV = "RDGRAPH_ENDPOINT_PASSWORD"


def load_graph(args: argparse.Namespace):
    """The graph the verb works on: from ``--home`` (default the project's), cached unless ``--no-cache``."""
    from ..store import load

    return load(getattr(args, "home", None), use_cache=not getattr(args, "no_cache", False))


def emit_bytes(data: bytes, output: str | None = None) -> None:
    """Write binary output (a workbook) to ``output`` atomically, or to standard output if it is not a terminal."""
    if output:
        from ..fileio import write_bytes_atomic

        write_bytes_atomic(output, data)
        return
    if sys.stdout.isatty():
        raise ParameterError("a spreadsheet is binary and is not written to a terminal",
                             "add --output FILE.xlsx or redirect: > FILE.xlsx")
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def emit(text: str, output: str | None = None, *, human: bool = False) -> None:
    """Write ``text`` (with a final newline) to ``output``, atomically, or to standard output.

    ``human``: text for people (tables, text reports); control characters and bidi overrides that came
    with the data are shown escaped (:func:`rdgraph.display.safe_text`), never sent to the terminal raw.
    """
    if human:
        from ..display import safe_text

        text = safe_text(text, keep_newlines=True)
    text = text if text.endswith("\n") else text + "\n"
    if output:
        from ..fileio import write_text_atomic

        write_text_atomic(output, text)
    else:
        sys.stdout.write(text)


def parse_params(pairs: Sequence[str] | None) -> dict[str, str]:
    """``--param key=value`` options as a dict."""
    out: dict[str, str] = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise ParameterError(f"--param {pair!r} is not key=value", "write e.g. --param opgave=9")
        k, v = pair.split("=", 1)
        out[k.strip()] = v
    return out


def non_negative_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text} is not a number of seconds (0 for no limit)")
    return value


def add_endpoint_options(sp: argparse.ArgumentParser, *, required: bool = False, query_graph: bool = True) -> None:
    """``--endpoint`` and its credentials; ``query_graph`` adds ``--graph`` as the queries' default graph."""
    sp.add_argument("--endpoint", required=required,
                    help="run on this SPARQL 1.1 endpoint instead of the embedded store")
    sp.add_argument("--user", help="user name for the endpoint (HTTP basic auth)")
    sp.add_argument("--password", help=f"password (or set {PASSWORD_ENV})")
    sp.add_argument("--token-env", default="RDGRAPH_ENDPOINT_TOKEN",
                    help="environment variable holding a bearer token (default RDGRAPH_ENDPOINT_TOKEN)")
    sp.add_argument("--timeout", type=non_negative_float, default=None, metavar="SECONDS",
                    help="seconds the query (or the endpoint's whole answer) may take; default the query_seconds "
                         "limit (30), with --endpoint the remote_seconds limit (30); 0 for no limit")
    if query_graph:
        sp.add_argument("--graph", metavar="IRI",
                        help="with --endpoint: the graph the query sees as its default graph "
                             "(sent as default-graph-uri), e.g. the one 'rdgraph push' filled")


def endpoint_from(args: argparse.Namespace, default_graph: str | None = None):
    """The :class:`~rdgraph.endpoint.Endpoint` the endpoint options describe (secrets from the environment)."""
    from ..endpoint import Endpoint

    password = args.password
    if args.user and not password:
        password = os.environ.get(PASSWORD_ENV)
    token = os.environ.get(args.token_env) if args.token_env else None
    from ..limits import current

    timeout = current().remote_seconds if args.timeout is None else args.timeout
    return Endpoint(args.endpoint, user=args.user, password=password, token=token or None,
                    timeout=timeout or 0, default_graph=default_graph, max_bytes=current().remote_bytes,
                    gsp_url=getattr(args, "gsp_url", None))


def add_entry_options(sp: argparse.ArgumentParser) -> None:
    """Options shared by the verbs that read entry files (validate, add)."""
    sp.add_argument("--lang", choices=LANGS, default="nl", help="language of the messages")
    sp.add_argument("--format", choices=("text", "json", "turtle"), default="text")
    sp.add_argument("--input-format", help="RDF format of the files if the extension does not tell")
