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


class UsageError(RdgraphError):
    """A command line argparse cannot read (unknown option, missing argument)."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises a UsageError (so ``--format json`` can report it as JSON) instead of exiting."""

    def error(self, message: str):  # type: ignore[override]
        where = "" if self.prog == "rdgraph" else f"{self.prog}: "
        raise UsageError(f"{where}{message}", f"see: {self.prog} --help")


def _epilog() -> str:
    from ..limits import describe

    return ("exit codes: 0 ok/conforms, 1 violations, 2 unreadable, unsafe or over-limit input and usage errors\n"
            "--format json prints one JSON document, also for errors (schema rdgraph-error/1, see README)\n\n"
            "limits (raise with --max NAME=VALUE, RDGRAPH_MAX_<NAME>=VALUE, or [limits] in $RDGRAPH_CONFIG):\n"
            + describe())


def build_parser() -> argparse.ArgumentParser:
    from ..version import __version__

    p = _Parser(prog="rdgraph", description="The Regio Deals knowledge graph.", epilog=_epilog(),
                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"rdgraph {__version__}")
    p.add_argument("--home", help="folder with ontology/, data/, shapes/, queries/ (default: the project's)")
    p.add_argument("--no-cache", action="store_true", help="build the graph again, ignoring the cache")
    p.add_argument("--max", action="append", metavar="NAME=VALUE", default=[],
                   help="raise (or lower) a limit for this run, e.g. --max depth=200 (see the list below)")
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


def wants_json(argv: Sequence[str]) -> bool:
    """Whether the command line asks for JSON output (so errors are a JSON document too)."""
    argv = list(argv)
    for i, a in enumerate(argv):
        if a in ("--format", "-f") and i + 1 < len(argv) and argv[i + 1] == "json":
            return True
        if a in ("--format=json", "-fjson"):
            return True
    return False


def _error_kind(e: BaseException) -> str:
    from ..errors import EndpointError, ParameterError, ParseError, QuerySyntaxError
    from ..limits import LimitError

    for cls, kind in ((LimitError, "limit"), (ParseError, "parse"), (UsageError, "usage"),
                      (QuerySyntaxError, "query"), (ParameterError, "parameter"), (EndpointError, "endpoint")):
        if isinstance(e, cls):
            return kind
    return "error"


def error_document(e: RdgraphError, code: int) -> dict:
    """The JSON document of an error (schema ``rdgraph-error/1``, documented in the README)."""
    err: dict = {"kind": _error_kind(e), "message": e.message, "hint": e.hint}
    loc = getattr(e, "location", None)
    if loc is not None:
        err.update({"file": loc.file, "line": loc.line, "column": loc.column})
    if getattr(e, "limit", None):
        err.update({"limit": e.limit, "value": e.value, "maximum": e.maximum,  # type: ignore[attr-defined]
                    "file": e.file, "line": e.line, "column": e.column})  # type: ignore[attr-defined]
    return {"schema": "rdgraph-error/1", "exit": code, "error": err}


def _fail(e: RdgraphError, as_json: bool, code: int | None = None) -> int:
    import json

    from ..display import safe_text

    code = e.exit_code if code is None else code
    sys.stderr.write(f"rdgraph: {safe_text(str(e), keep_newlines=True)}\n")
    if as_json and not getattr(e, "partial_output", False):
        try:
            sys.stdout.write(json.dumps(error_document(e, code), ensure_ascii=False, indent=1) + "\n")
            sys.stdout.flush()
        except (BrokenPipeError, ValueError):
            pass
    return code


def main(argv: Sequence[str] | None = None) -> int:
    _quiet_libraries()
    argv = list(sys.argv[1:] if argv is None else argv)
    as_json = wants_json(argv)
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
    except RdgraphError as e:
        return _fail(e, as_json, EXIT_USAGE)
    except SystemExit as e:  # argparse: --help, --version (0)
        return int(e.code or 0)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        from .. import limits

        overrides = {}
        for pair in args.max:
            name, sep, value = pair.partition("=")
            if not sep:
                raise UsageError(f"--max {pair!r} is not NAME=VALUE", "e.g. --max depth=200")
            overrides[name.strip().replace("-", "_")] = value
        limits.configure(**overrides)
        return args.func(args)
    except RdgraphError as e:
        code = _fail(e, as_json)
        from ..streaming import QueryTimeoutError

        if isinstance(e, QueryTimeoutError):  # the engine may still be busy in its thread: leave now
            _flush_and_exit(code)
        return code
    except KeyboardInterrupt:
        sys.stderr.write("rdgraph: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except MemoryError:
        return _fail(RdgraphError("out of memory while reading or answering this input",
                                  "the input is too large for this machine; lower the limits (see rdgraph --help)"),
                     as_json, EXIT_USAGE)
    except RecursionError:
        return _fail(RdgraphError("the input is nested too deeply to process",
                                  "lower the depth limit (see rdgraph --help) or simplify the input"),
                     as_json, EXIT_USAGE)
    except Exception as e:  # a bug: say so in one line; RDGRAPH_DEBUG=1 shows the traceback
        if os.environ.get("RDGRAPH_DEBUG"):
            raise
        sys.stderr.write(f"rdgraph: internal error: {type(e).__name__}: {e}\n"
                         "  hint: this is a bug in rdgraph; run again with RDGRAPH_DEBUG=1 and report it\n")
        return 3


def _flush_and_exit(code: int) -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


__all__ = ["main", "build_parser", "verbs", "UsageError", "error_document", "wants_json", "EXIT_OK", "EXIT_USAGE",
           "EXIT_VIOLATIONS"]
