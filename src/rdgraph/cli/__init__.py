"""The ``rdgraph`` command. Each verb translates arguments, calls the core and formats its answer.

One module per group of verbs, each with ``register(subparsers)``:
:mod:`.query` (queries, query, sparql), :mod:`.graph` (stats, validate, why), :mod:`.report`,
:mod:`.entries` (new-deal, add), :mod:`.linked` (export, docs, push), :mod:`.releases` (diff, release),
:mod:`.serve`.
A new verb goes into one of them, or into a new module listed in :data:`VERB_MODULES`.

Exit codes: 0 ok, 1 violations (validation, refused entry), 2 bad input or usage.
Heavy modules (rdflib, pyshacl, owlrl, the server) are imported only by the verbs that need them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from ..errors import EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS, RdgraphError
from . import entries, graph, linked, query, releases, report, serve

VERB_MODULES = (query, graph, report, entries, linked, releases, serve)


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__

    p = argparse.ArgumentParser(prog="rdgraph", description="The Regio Deals knowledge graph.")
    p.add_argument("--version", action="version", version=f"rdgraph {__version__}")
    p.add_argument("--home", help="folder with ontology/, data/, shapes/, queries/ (default: the project's)")
    p.add_argument("--no-cache", action="store_true", help="build the graph again, ignoring the cache")
    sub = p.add_subparsers(dest="verb", metavar="COMMAND")
    for mod in VERB_MODULES:
        mod.register(sub)
    return p


def verbs() -> list[str]:
    """The names of all verbs, in the order ``--help`` lists them."""
    names: list[str] = []

    class Collect:
        def add_parser(self, name: str, **_kw: object) -> argparse.ArgumentParser:
            names.append(name)
            return argparse.ArgumentParser(add_help=False)

    for mod in VERB_MODULES:
        mod.register(Collect())
    return names


def _quiet_libraries() -> None:
    """The CLI owns the terminal: libraries' log records (rdflib warns with a traceback about a literal it
    cannot convert, which a validation result already reports) go nowhere unless RDGRAPH_DEBUG is set."""
    import logging

    if os.environ.get("RDGRAPH_DEBUG"):
        logging.basicConfig(level=logging.DEBUG)
        return
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.NullHandler())
    for name in ("rdflib", "pyshacl", "owlrl"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def main(argv: Sequence[str] | None = None) -> int:
    _quiet_libraries()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse: --help (0) or usage error (2)
        return int(e.code or 0)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.func(args)
    except RdgraphError as e:
        sys.stderr.write(f"rdgraph: {e}\n")
        return e.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("rdgraph: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as e:  # a bug: say so in one line; RDGRAPH_DEBUG=1 shows the traceback
        if os.environ.get("RDGRAPH_DEBUG"):
            raise
        sys.stderr.write(f"rdgraph: internal error: {type(e).__name__}: {e}\n"
                         "  hint: this is a bug in rdgraph; run again with RDGRAPH_DEBUG=1 and report it\n")
        return 3


__all__ = ["main", "build_parser", "verbs", "EXIT_OK", "EXIT_USAGE", "EXIT_VIOLATIONS"]
