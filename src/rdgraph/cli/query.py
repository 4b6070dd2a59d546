"""Query verbs: ``queries`` (the catalogue), ``query`` (a named query) and ``sparql`` (ad hoc)."""

from __future__ import annotations

import argparse
import json

from ..errors import EXIT_OK, ParameterError
from .common import LANGS, add_endpoint_options, emit, endpoint_from, load_graph, parse_params

RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml", "markdown")


def _catalogue(args: argparse.Namespace):
    from ..paths import artefact_dir, project_root
    from ..queries import Catalogue

    return Catalogue(artefact_dir("queries", args.home or project_root()))


def cmd_queries(args: argparse.Namespace) -> int:
    qs = _catalogue(args).all()
    if args.format == "json":
        emit(json.dumps([{"name": q.name, "summary": q.summary, "research_question": q.rq,
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
    emit("\n".join(lines).rstrip())
    return EXIT_OK


def _drop_unused_lang(params: dict[str, str], nq) -> None:
    if "lang" in params and not any(p.name == "lang" for p in nq.params):
        params.pop("lang")


def cmd_query(args: argparse.Namespace) -> int:
    params = parse_params(args.param)
    if args.lang:
        params.setdefault("lang", args.lang)
    if args.endpoint:
        nq = _catalogue(args).get(args.name)
        _drop_unused_lang(params, nq)
        result = endpoint_from(args, args.graph).select(nq.bind(params), name=nq.name)
    else:
        kg = load_graph(args)
        _drop_unused_lang(params, kg.catalogue.get(args.name))
        result = kg.query(args.name, **params)
    emit(result.render(args.format), args.output)
    return EXIT_OK


def _query_text(args: argparse.Namespace) -> str:
    if args.file:
        from pathlib import Path

        try:
            return Path(args.file).read_text(encoding="utf-8")
        except OSError as e:
            raise ParameterError(f"cannot read {args.file}: {e.strerror}") from None
    if args.text:
        return args.text
    raise ParameterError("give a query text or --file FILE")


def cmd_sparql(args: argparse.Namespace) -> int:
    text = _query_text(args)
    if args.endpoint:
        from ..queries import check_read_only

        check_read_only(text)
        result = endpoint_from(args, args.graph).select(text)
    else:
        result = load_graph(args).sparql(text)
    emit(result.render(args.format), args.output)
    return EXIT_OK


def register(sub) -> None:
    s = sub.add_parser("queries", help="list the named queries with summary, research question, parameters")
    s.add_argument("--format", choices=("text", "json"), default="text")
    s.set_defaults(func=cmd_queries)

    s = sub.add_parser("query", help="run a named query")
    s.add_argument("name")
    s.add_argument("--param", "-p", action="append", metavar="KEY=VALUE")
    s.add_argument("--lang", choices=LANGS, help="language of labels (for queries with a lang parameter)")
    s.add_argument("--format", "-f", choices=RESULT_FORMATS, default="table")
    s.add_argument("--output", "-o", help="write to this file instead of standard output")
    add_endpoint_options(s)
    s.set_defaults(func=cmd_query)

    s = sub.add_parser("sparql", help="run an ad-hoc read-only SPARQL query")
    s.add_argument("text", nargs="?")
    s.add_argument("--file")
    s.add_argument("--format", "-f", choices=RESULT_FORMATS, default="table")
    s.add_argument("--output", "-o")
    add_endpoint_options(s)
    s.set_defaults(func=cmd_sparql)
