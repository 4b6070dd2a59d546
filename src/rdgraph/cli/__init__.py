"""The ``rdgraph`` command. Each verb translates arguments, calls the core and formats its answer.

One module per group of verbs, each with ``register(subparsers)``, listed in :data:`VERB_MODULES` with
the verbs it registers (tests/test_startup.py checks the list against what each module registers).
A new verb goes into one of them, or into a new module listed there.

Exit codes: 0 ok, 1 violations (validation, refused entry), 2 bad input or usage.
Heavy modules (rdflib, pyshacl, owlrl, the server) are imported only by the verbs that need them, and a
command line that names its verb imports and registers only that verb's module (``rdgraph query`` starts
without the entry, export, release or server code; ``rdgraph --help`` and an unknown verb see all of them).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from ..errors import EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS, RdgraphError

#: The verb modules of this package, in the order ``--help`` lists them, with the verbs each registers.
VERB_MODULES: dict[str, tuple[str, ...]] = {
    "query": ("queries", "query", "sparql"),
    "graph": ("stats", "validate", "why"),
    "report": ("report",),
    "entries": ("new-deal", "add"),
    "linked": ("export", "docs", "push"),
    "releases": ("diff", "release"),
    "serve": ("serve",),
}
_MODULE_OF = {verb: module for module, names in VERB_MODULES.items() for verb in names}
#: Verbs that import no library that logs (rdflib, pyshacl, owlrl) on the embedded store: they leave the logging
#: module unloaded (with ``--endpoint`` the libraries are quieted as for every other verb).
_NO_LOGGING = frozenset(VERB_MODULES["query"])


class UsageError(RdgraphError):
    """A command line argparse cannot read (unknown option, missing argument)."""


_COLUMNS: list[int] = []


def _help_width() -> int:
    """The width argparse would take (``shutil.get_terminal_size`` less 2), found once per process."""
    if not _COLUMNS:
        try:
            columns = int(os.environ.get("COLUMNS", "0"))
        except ValueError:
            columns = 0
        if columns <= 0:
            try:
                columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):
                columns = 0
        _COLUMNS.append((columns or 80) - 2)
    return _COLUMNS[0]


class _Parser(argparse.ArgumentParser):
    """argparse that raises a UsageError (so ``--format json`` can report it as JSON) instead of exiting."""

    def error(self, message: str):  # type: ignore[override]
        where = "" if self.prog == "rdgraph" else f"{self.prog}: "
        raise UsageError(f"{where}{message}", f"see: {self.prog} --help")

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse makes a formatter for every add_argument, each asking the terminal for its size
        return self.formatter_class(prog=self.prog, width=_help_width())


class _MainParser(_Parser):
    """The top-level parser: its epilog (exit codes, the limits) is written only when help is shown."""

    def format_help(self) -> str:
        if self.epilog is None:
            self.epilog = _epilog()
        return super().format_help()


def _epilog() -> str:
    from ..limits import describe

    return ("exit codes: 0 ok/conforms, 1 violations, 2 unreadable, unsafe or over-limit input and usage errors\n"
            "--format json prints one JSON document, also for errors (schema rdgraph-error/1, see README)\n\n"
            "limits (raise with --max NAME=VALUE, RDGRAPH_MAX_<NAME>=VALUE, or [limits] in $RDGRAPH_CONFIG):\n"
            + describe())


def _verb_module(name: str):
    module = f"{__name__}.{name}"
    __import__(module)  # a plain import (python -X importtime sees it)
    return sys.modules[module]


def verb_of(argv: Sequence[str]) -> str | None:
    """The verb a command line names, if it is plain to see: after the top-level options only (anything else,
    such as ``--help``, an abbreviated option or an unknown verb, gives None)."""
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--home", "--max"):
            i += 2
        elif a == "--no-cache" or a.startswith(("--home=", "--max=")):
            i += 1
        elif a.startswith("-"):
            return None
        else:
            return a if a in _MODULE_OF else None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line parser; with ``argv`` that names a verb, only that verb's module is registered (the
    parse of that ``argv`` is the same: argparse hands everything after the verb to the verb's parser)."""
    from ..version import __version__

    p = _MainParser(prog="rdgraph", description="The Regio Deals knowledge graph.", epilog=None,
                    formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"rdgraph {__version__}")
    p.add_argument("--home", help="folder with ontology/, data/, shapes/, queries/ (default: the project's)")
    p.add_argument("--no-cache", action="store_true", help="build the graph again, ignoring the cache")
    p.add_argument("--max", action="append", metavar="NAME=VALUE", default=[],
                   help="raise (or lower) a limit for this run, e.g. --max depth=200 (see the list below)")
    sub = p.add_subparsers(dest="verb", metavar="COMMAND", parser_class=_Parser)
    verb = verb_of(argv) if argv is not None else None
    for name in ([_MODULE_OF[verb]] if verb else VERB_MODULES):
        _verb_module(name).register(sub)
    return p


def verbs() -> list[str]:
    """The names of all verbs, in the order ``--help`` lists them, as the verb modules register them."""
    return [name for module in VERB_MODULES for name in registered_by(module)]


def registered_by(module: str) -> list[str]:
    """The verbs the verb module ``module`` registers."""
    names: list[str] = []

    class Collect:
        def add_parser(self, name: str, **_kw: object) -> argparse.ArgumentParser:
            names.append(name)
            return argparse.ArgumentParser(add_help=False)

    _verb_module(module).register(Collect())
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
    argv = list(sys.argv[1:] if argv is None else argv)
    remote = any(a == "--endpoint" or a.startswith("--endpoint=") for a in argv)  # client libraries may log
    if verb_of(argv) not in _NO_LOGGING or remote or os.environ.get("RDGRAPH_DEBUG"):
        _quiet_libraries()
    as_json = wants_json(argv)
    try:
        parser = build_parser(argv)
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


__all__ = ["main", "build_parser", "verbs", "verb_of", "registered_by", "VERB_MODULES", "UsageError",
           "error_document", "wants_json", "EXIT_OK", "EXIT_USAGE",
           "EXIT_VIOLATIONS"]
