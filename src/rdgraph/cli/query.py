"""Query verbs: ``queries`` (the catalogue), ``query`` (a named query) and ``sparql`` (ad hoc)."""

from __future__ import annotations

import argparse
import json

from ..errors import EXIT_OK, ParameterError, RdgraphError
from .common import LANGS, add_endpoint_options, emit, endpoint_from, load_graph, parse_params

RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml", "markdown", "xlsx", "ntriples")  # ntriples: CONSTRUCT/DESCRIBE


def _catalogue(args: argparse.Namespace):
    import os

    from ..paths import project_root_str
    from ..queries import Catalogue

    return Catalogue(os.path.join(args.home or project_root_str(), "queries"))  # --home is a string


def cmd_queries(args: argparse.Namespace) -> int:
    qs = _catalogue(args).all()
    if args.format == "json":
        emit(json.dumps([q.to_dict() for q in qs], ensure_ascii=False, indent=1))
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
    emit("\n".join(lines).rstrip(), human=True)
    return EXIT_OK


def _drop_unused_lang(params: dict[str, str], nq) -> None:
    if "lang" in params and not any(p.name == "lang" for p in nq.params):
        params.pop("lang")


def _seconds(args: argparse.Namespace) -> float | None:
    from ..limits import current

    t = getattr(args, "timeout", None)
    return current().query_seconds if t is None else (t or None)


def _write(args: argparse.Namespace, stream, where: str) -> int:
    """Write a query answer as it comes, to ``--output`` (atomically) or standard output."""
    if args.format == "xlsx":
        return _write_xlsx(args, stream, where)
    try:
        return _write_to(args, stream, where)
    except RdgraphError as e:
        e.partial_output = not args.output  # type: ignore[attr-defined]  # rows were written: no JSON error document
        raise


def _write_xlsx(args: argparse.Namespace, stream, where: str) -> int:
    """A workbook (one sheet, typed cells) of the whole answer, within the same row limits as the text formats."""
    from ..limits import current
    from ..results import Result
    from ..streaming import bounded_rows
    from ..xlsx import results_to_xlsx
    from .common import emit_bytes

    try:
        if stream.boolean is not None:
            raise ParameterError("an ASK answer has no table for a spreadsheet", "use --format json or table")
        rows = list(bounded_rows(stream.rows, current(), args.limit, where))
    finally:
        stream.close()
    emit_bytes(results_to_xlsx([(where or "sparql", Result(list(stream.variables), rows))]), args.output)
    return EXIT_OK


def _write_to(args: argparse.Namespace, stream, where: str) -> int:
    import sys

    from ..streaming import write_result

    if args.output:
        from ..fileio import write_atomic

        def writer(fh) -> None:
            import io

            text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
            write_result(stream, args.format, text, limit=args.limit, where=where)
            text.flush()
            text.detach()

        write_atomic(args.output, writer)
    else:
        write_result(stream, args.format, sys.stdout, limit=args.limit, where=where)
        sys.stdout.flush()
    return EXIT_OK


def _remote(args: argparse.Namespace, text: str, name: str | None = None):
    from ..streaming import from_result

    ep = endpoint_from(args, args.graph)
    return from_result(ep.select(text, name=name))


def cmd_query(args: argparse.Namespace) -> int:
    params = parse_params(args.param)
    if args.lang:
        params.setdefault("lang", args.lang)
    if args.endpoint:
        nq = _catalogue(args).get(args.name)
        _drop_unused_lang(params, nq)
        text = nq.bind(params)
        from ..sparql_text import check_query

        check_query(text, where=nq.name, template_depth=nq.depth)
        return _write(args, _remote(args, text, nq.name), nq.name)
    kg = load_graph(args)
    nq = kg.catalogue.get(args.name)
    _drop_unused_lang(params, nq)
    return _write(args, kg.stream_query(nq.name, params, seconds=_seconds(args)), nq.name)


def _query_text(args: argparse.Namespace) -> str:
    if args.file:
        from pathlib import Path

        from ..limits import LimitError, current

        path = Path(args.file)
        cap = current().query_bytes
        try:
            size = path.stat().st_size
            if size > cap:  # refused before it is read
                raise LimitError("query_bytes", size, cap, str(path))
            with open(path, "rb") as fh:  # a device or a pipe has no size: read at most the limit
                data = fh.read(cap + 1)
            if len(data) > cap:
                raise LimitError("query_bytes", f"more than {cap}", cap, str(path),
                                 message=f"the query text is larger than {cap} bytes")
            return data.decode("utf-8")
        except OSError as e:
            raise ParameterError(f"cannot read {args.file}: {e.strerror}") from None
        except UnicodeDecodeError as e:
            raise ParameterError(f"cannot read {args.file}: not UTF-8 text ({e.reason} at byte {e.start})") from None
    if args.text:
        return args.text
    raise ParameterError("give a query text or --file FILE")


def cmd_sparql(args: argparse.Namespace) -> int:
    from ..sparql_text import check_query

    text = _query_text(args)
    check_query(text)
    if args.endpoint:
        from ..sparql_text import check_read_only

        check_read_only(text)
        return _write(args, _remote(args, text), "")
    stream = load_graph(args).stream(text, seconds=_seconds(args), lang=args.lang)
    return _write(args, stream, "")


def non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return value


def add_bounds(sp: argparse.ArgumentParser) -> None:
    """``--limit`` and ``--timeout`` of the query verbs."""
    sp.add_argument("--limit", type=non_negative_int, metavar="N",
                    help="write only the first N rows (without it, an answer over the result_rows limit is an "
                         "error, never silently cut)")


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
    add_bounds(s)
    add_endpoint_options(s)
    s.set_defaults(func=cmd_query)

    s = sub.add_parser("sparql", help="run an ad-hoc read-only SPARQL query")
    s.add_argument("text", nargs="?")
    s.add_argument("--file")
    s.add_argument("--format", "-f", choices=RESULT_FORMATS, default="table")
    s.add_argument("--output", "-o")
    s.add_argument("--lang", choices=LANGS, default="nl", help="language of the message if the query engine stops")
    add_bounds(s)
    add_endpoint_options(s)
    s.set_defaults(func=cmd_sparql)
