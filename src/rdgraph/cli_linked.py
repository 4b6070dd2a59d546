"""Linked-data verbs: ``export``, ``docs`` and ``push``; and ``--graph`` for ``query``/``sparql`` on endpoints.

Registered by :mod:`rdgraph.cli` through ``register(subparsers, endpoint_opts)``. Nothing heavy is imported
until a verb runs.
"""

from __future__ import annotations

import sys

from .errors import EXIT_OK

EXPORT_FORMATS = ("turtle", "ntriples", "jsonld", "rdfxml", "trig")


def _kg(args):
    from .store import load

    return load(getattr(args, "home", None), use_cache=not getattr(args, "no_cache", False))


def cmd_export(args) -> int:
    kg = _kg(args)
    if args.format == "context":
        from .export import context_document

        data = context_document(kg)
    else:
        from .export import export

        data = export(kg, args.format, inferred=args.inferred).data
    if args.output:
        from .fileio import write_bytes_atomic

        write_bytes_atomic(args.output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return EXIT_OK


def cmd_docs(args) -> int:
    from .export import ontology_docs

    path, how = ontology_docs(_kg(args), args.output, use_pylode=not args.simple)
    sys.stderr.write(f"wrote {path} ({'pyLODE' if how == 'pylode' else 'simple HTML'})\n")
    return EXIT_OK


def cmd_push(args) -> int:
    from .endpoint import Endpoint

    ep = Endpoint.from_args(args)
    ep.default_graph = None  # --graph names the target graph here, not a default graph for queries
    report = ep.push(_kg(args), args.graph, inferred=not args.no_inferred)
    sys.stdout.write(report.render() + "\n")
    return EXIT_OK


def register(sub, endpoint_opts) -> None:
    from .endpoint import DEFAULT_PUSH_GRAPH

    for name in ("query", "sparql"):
        sp = sub.choices.get(name)
        if sp is not None and not any("--graph" in a.option_strings for a in sp._actions):
            sp.add_argument("--graph", metavar="IRI",
                            help="with --endpoint: the graph the query sees as its default graph "
                                 "(sent as default-graph-uri), e.g. the one 'rdgraph push' filled")

    s = sub.add_parser("export", help="write the graph as Turtle, N-Triples, JSON-LD, RDF/XML or TriG "
                                      "(deterministic, with a DCAT/VoID description)")
    s.add_argument("--format", "-f", choices=EXPORT_FORMATS + ("context",), default="turtle",
                   help="RDF format; 'context' writes the JSON-LD context generated from the ontology")
    s.add_argument("--inferred", action="store_true",
                   help="include the inferred triples (TriG and JSON-LD: as a second named graph)")
    s.add_argument("--output", "-o", help="write to this file instead of standard output")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("docs", help="write human-readable documentation of the ontology (index.html)")
    s.add_argument("--output", "-o", required=True, metavar="DIR", help="folder to write index.html into")
    s.add_argument("--simple", action="store_true", help="plain HTML instead of pyLODE")
    s.set_defaults(func=cmd_docs)

    s = sub.add_parser("push", help="upload the graph into a named graph of a SPARQL store "
                                    "(Graph Store Protocol PUT, replacing the graph)")
    endpoint_opts(s)
    s.add_argument("--graph", metavar="IRI", default=DEFAULT_PUSH_GRAPH,
                   help=f"the named graph to replace (default {DEFAULT_PUSH_GRAPH})")
    s.add_argument("--gsp-url", metavar="URL",
                   help="the store's Graph Store Protocol URL (default: derived from --endpoint)")
    s.add_argument("--no-inferred", action="store_true", help="upload the asserted triples only")
    s.set_defaults(func=cmd_push)
    for a in s._actions:  # --endpoint is required for push
        if "--endpoint" in a.option_strings:
            a.required = True


__all__ = ["register"]
