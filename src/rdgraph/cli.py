"""The ``rdgraph`` command. Each verb translates arguments, calls the core and formats its answer.

Exit codes: 0 ok, 1 violations (validation, refused entry), 2 bad input or usage.
Heavy modules (rdflib, pyshacl, owlrl) are imported only by the verbs that need them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .errors import EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS, ParameterError, RdgraphError

RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml", "markdown")


def _params(pairs: Sequence[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise ParameterError(f"--param {pair!r} is not key=value", "write e.g. --param opgave=9")
        k, v = pair.split("=", 1)
        out[k.strip()] = v
    return out


def _kg(args):
    from .store import load

    return load(getattr(args, "home", None), use_cache=not getattr(args, "no_cache", False))


def _emit(text: str, output: str | None = None) -> None:
    if output:
        from .fileio import write_text_atomic

        write_text_atomic(output, text if text.endswith("\n") else text + "\n")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


# ---------------------------------------------------------------- verbs

def cmd_queries(args) -> int:
    from .paths import artefact_dir, project_root
    from .queries import Catalogue

    cat = Catalogue(artefact_dir("queries", args.home or project_root()))
    qs = cat.all()
    if args.format == "json":
        _emit(json.dumps([{"name": q.name, "summary": q.summary, "research_question": q.rq,
                           "tags": q.tags, "columns": q.columns,
                           "params": [{"name": p.name, "type": p.type, "default": p.default,
                                       "enum": p.enum, "required": p.required,
                                       "description": p.description} for p in q.params]}
                          for q in qs], ensure_ascii=False, indent=1))
        return EXIT_OK
    by_rq: dict[str, list] = {}
    for q in qs:
        by_rq.setdefault(q.rq or "other", []).append(q)
    lines = []
    for rq in sorted(by_rq):
        lines.append(by_rq[rq][0].research_question)
        for q in by_rq[rq]:
            lines.append(f"  {q.name}: {q.summary}")
            for p in q.params:
                d = f" (default {p.default})" if p.default not in (None, "") else ""
                lines.append(f"      --param {p.name}=<{p.type}>{d}  {p.description}".rstrip())
        lines.append("")
    _emit("\n".join(lines).rstrip())
    return EXIT_OK


def _run_result(args, runner) -> int:
    result = runner()
    _emit(result.render(args.format), args.output)
    return EXIT_OK


def cmd_query(args) -> int:
    params = _params(args.param)
    if args.lang:
        params.setdefault("lang", args.lang)
    if args.endpoint:
        from .endpoint import Endpoint
        from .paths import artefact_dir, project_root
        from .queries import Catalogue

        cat = Catalogue(artefact_dir("queries", args.home or project_root()))
        nq = cat.get(args.name)
        if "lang" in params and not any(p.name == "lang" for p in nq.params):
            params.pop("lang")
        ep = Endpoint.from_args(args)
        return _run_result(args, lambda: ep.select(nq.bind(params), name=nq.name))
    kg = _kg(args)
    nq = kg.catalogue.get(args.name)
    if "lang" in params and not any(p.name == "lang" for p in nq.params):
        params.pop("lang")
    return _run_result(args, lambda: kg.query(args.name, **params))


def cmd_sparql(args) -> int:
    if args.file:
        from pathlib import Path

        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except OSError as e:
            raise ParameterError(f"cannot read {args.file}: {e.strerror}") from None
    elif args.text:
        text = args.text
    else:
        raise ParameterError("give a query text or --file FILE")
    if args.endpoint:
        from .endpoint import Endpoint
        from .queries import check_read_only

        check_read_only(text)
        ep = Endpoint.from_args(args)
        return _run_result(args, lambda: ep.select(text))
    kg = _kg(args)
    return _run_result(args, lambda: kg.sparql(text))


def cmd_stats(args) -> int:
    kg = _kg(args)
    st = kg.stats()
    if args.format == "json":
        _emit(json.dumps(st, ensure_ascii=False, indent=1))
        return EXIT_OK
    from .terms import shorten

    lines = [f"triples: {st['triples_asserted']} asserted, {st['triples_inferred']} inferred "
             f"({st['files']} files; {'cache' if st['from_cache'] else 'built'} {st['cache_key']})",
             "", "instances per class:"]
    lines += [f"  {n:6d}  {shorten(c)}" for c, n in st["instances_per_class"].items()]
    lines += ["", f"sources ({len(st['sources'])}, by number of resources citing them):"]
    lines += [f"  {n:6d}  {shorten(s)}" for s, n in list(st["sources"].items())[:40]]
    if len(st["sources"]) > 40:
        lines.append(f"  ... and {len(st['sources']) - 40} more (use --format json)")
    _emit("\n".join(lines))
    return EXIT_OK


def cmd_validate(args) -> int:
    if args.files:
        from .entries import validate_entries

        kg = _kg(args)
        report = validate_entries(kg, args.files, lang=args.lang, fmt=args.input_format)
    else:
        kg = _kg(args)
        report = kg.validate(lang=args.lang)
    _emit(report.render(args.format))
    return EXIT_OK if report.conforms else EXIT_VIOLATIONS


def cmd_why(args) -> int:
    kg = _kg(args)
    _emit(kg.why(args.subject, args.predicate, args.object).render())
    return EXIT_OK


def cmd_report(args) -> int:
    from .report import build_report, render_html, render_text

    kg = _kg(args)
    rep = build_report(kg, lang=args.lang)
    if args.html:
        from .fileio import write_text_atomic

        write_text_atomic(args.html, render_html(rep))
        sys.stderr.write(f"wrote {args.html}\n")
    if not args.html or args.text:
        _emit(render_text(rep))
    return EXIT_OK


# ---------------------------------------------------------------- parser

def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(prog="rdgraph", description="The Regio Deals knowledge graph.")
    p.add_argument("--version", action="version", version=f"rdgraph {__version__}")
    p.add_argument("--home", help="folder with ontology/, data/, shapes/, queries/ (default: the project's)")
    p.add_argument("--no-cache", action="store_true", help="build the graph again, ignoring the cache")
    sub = p.add_subparsers(dest="verb", metavar="COMMAND")

    s = sub.add_parser("queries", help="list the named queries with summary, research question, parameters")
    s.add_argument("--format", choices=("text", "json"), default="text")
    s.set_defaults(func=cmd_queries)

    def endpoint_opts(sp):
        sp.add_argument("--endpoint", help="run on this SPARQL 1.1 endpoint instead of the embedded store")
        sp.add_argument("--user", help="user name for the endpoint (HTTP basic auth)")
        sp.add_argument("--password", help="password (or set RDGRAPH_ENDPOINT_PASSWORD)")
        sp.add_argument("--token-env", default="RDGRAPH_ENDPOINT_TOKEN",
                        help="environment variable holding a bearer token (default RDGRAPH_ENDPOINT_TOKEN)")
        sp.add_argument("--timeout", type=float, default=30.0, help="seconds before the endpoint call gives up")

    s = sub.add_parser("query", help="run a named query")
    s.add_argument("name")
    s.add_argument("--param", "-p", action="append", metavar="KEY=VALUE")
    s.add_argument("--lang", choices=("nl", "en"), help="language of labels (for queries with a lang parameter)")
    s.add_argument("--format", "-f", choices=RESULT_FORMATS, default="table")
    s.add_argument("--output", "-o", help="write to this file instead of standard output")
    endpoint_opts(s)
    s.set_defaults(func=cmd_query)

    s = sub.add_parser("sparql", help="run an ad-hoc read-only SPARQL query")
    s.add_argument("text", nargs="?")
    s.add_argument("--file")
    s.add_argument("--format", "-f", choices=RESULT_FORMATS, default="table")
    s.add_argument("--output", "-o")
    endpoint_opts(s)
    s.set_defaults(func=cmd_sparql)

    s = sub.add_parser("stats", help="instances per class, triples and sources")
    s.add_argument("--format", choices=("text", "json"), default="text")
    s.set_defaults(func=cmd_stats)

    s = sub.add_parser("validate", help="validate the graph, or entry files in the context of the graph")
    s.add_argument("files", nargs="*", help="entry files (Turtle, N-Triples, JSON-LD); none: the shipped graph")
    entry_opts(s)
    s.set_defaults(func=cmd_validate)

    s = sub.add_parser("why", help="explain an inferred triple: the rule and the asserted triples")
    s.add_argument("subject")
    s.add_argument("predicate")
    s.add_argument("object")
    s.set_defaults(func=cmd_why)

    s = sub.add_parser("report", help="answer the three research questions (terminal, or --html FILE)")
    s.add_argument("--lang", choices=("nl", "en"), default="nl")
    s.add_argument("--html", help="also write a self-contained HTML page with charts")
    s.add_argument("--text", action="store_true", help="print the text report even with --html")
    s.set_defaults(func=cmd_report)

    _register_more(sub, endpoint_opts)
    return p


def entry_opts(sp) -> None:
    """Options shared by the verbs that read entry files (validate, add)."""
    sp.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the messages")
    sp.add_argument("--format", choices=("text", "json", "turtle"), default="text")
    sp.add_argument("--input-format", help="RDF format of the files if the extension does not tell")


def _register_more(sub, endpoint_opts) -> None:
    """Verbs defined in other modules (entries, linked data, server) register themselves here.

    Each module has ``register(subparsers, endpoint_opts)`` and imports nothing heavy at import time.
    """
    import importlib

    for modname in EXTRA_VERB_MODULES:
        try:
            mod = importlib.import_module(f"{__package__}.{modname}")
        except ModuleNotFoundError as e:
            if e.name != f"{__package__}.{modname}":
                raise
            continue
        mod.register(sub, endpoint_opts)


EXTRA_VERB_MODULES = ("cli_entries", "cli_linked", "cli_serve")


def _quiet_libraries() -> None:
    """The CLI owns the terminal: libraries' log records (rdflib warns with a traceback about a literal it
    cannot convert, which a validation result already reports) go nowhere unless RDGRAPH_DEBUG is set."""
    import logging
    import os

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
        import os

        if os.environ.get("RDGRAPH_DEBUG"):
            raise
        sys.stderr.write(f"rdgraph: internal error: {type(e).__name__}: {e}\n"
                         "  hint: this is a bug in rdgraph; run again with RDGRAPH_DEBUG=1 and report it\n")
        return 3


__all__ = ["main", "build_parser", "EXIT_OK", "EXIT_USAGE", "EXIT_VIOLATIONS"]
