"""Linked-data verbs: ``export``, ``docs`` and ``push``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import EXIT_OK
from ..namespaces import GRAPH_ALL
from .common import add_endpoint_options, endpoint_from, load_graph

EXPORT_FORMATS = ("turtle", "ntriples", "jsonld", "rdfxml", "trig")


def cmd_export(args: argparse.Namespace) -> int:
    kg = load_graph(args)
    if args.format == "context":
        from ..export import context_document

        data = context_document(kg)
    else:
        from ..export import export

        data = export(kg, args.format, inferred=args.inferred).data
    if args.output:
        from ..fileio import write_bytes_atomic

        write_bytes_atomic(args.output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return EXIT_OK


def cmd_docs(args: argparse.Namespace) -> int:
    from ..export import ontology_docs

    path, how = ontology_docs(load_graph(args), args.output, use_pylode=not args.simple)
    sys.stderr.write(f"wrote {path} ({'pyLODE' if how == 'pylode' else 'simple HTML'})\n")
    return EXIT_OK


def cmd_push(args: argparse.Namespace) -> int:
    if args.release:  # a release folder into its own named graph, so a store can hold versions side by side
        from ..release import push_release, release_folder

        folder = release_folder(args.release, Path(args.release_dir) if args.release_dir else None,
                                Path(args.home) if getattr(args, "home", None) else None)
        graph = None if args.graph == GRAPH_ALL else args.graph
        report = push_release(endpoint_from(args), folder, args.release, graph, inferred=not args.no_inferred)
        sys.stdout.write(report.render() + "\n")
        return EXIT_OK
    report = endpoint_from(args).push(load_graph(args), args.graph, inferred=not args.no_inferred)
    sys.stdout.write(report.render() + "\n")
    return EXIT_OK


def register(sub) -> None:
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
    add_endpoint_options(s, required=True, query_graph=False)
    s.add_argument("--graph", metavar="IRI", default=GRAPH_ALL,
                   help=f"the named graph to replace (default {GRAPH_ALL})")
    s.add_argument("--gsp-url", metavar="URL",
                   help="the store's Graph Store Protocol URL (default: derived from --endpoint)")
    s.add_argument("--no-inferred", action="store_true", help="upload the asserted triples only")
    s.add_argument("--release", metavar="VERSION",
                   help="upload this release (its folder from 'rdgraph release') into the named graph "
                        ".../graph/release/VERSION instead of the current graph")
    s.add_argument("--release-dir", metavar="DIR", help="folder of the release folders (default build/releases)")
    s.set_defaults(func=cmd_push)
