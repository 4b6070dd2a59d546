"""Verbs about the graph itself: ``stats``, ``validate`` (the graph, or entry files in its context) and ``why``."""

from __future__ import annotations

import argparse
import json

from ..errors import EXIT_OK, EXIT_VIOLATIONS
from .common import add_entry_options, emit, load_graph


def cmd_stats(args: argparse.Namespace) -> int:
    st = load_graph(args).stats()
    if args.format == "json":
        emit(json.dumps(st, ensure_ascii=False, indent=1))
        return EXIT_OK
    from ..namespaces import shorten

    lines = [f"triples: {st['triples_asserted']} asserted, {st['triples_inferred']} inferred "
             f"({st['files']} files; {'cache' if st['from_cache'] else 'built'} {st['cache_key']})",
             "", "instances per class:"]
    lines += [f"  {n:6d}  {shorten(c)}" for c, n in st["instances_per_class"].items()]
    lines += ["", f"sources ({len(st['sources'])}, by number of resources citing them):"]
    lines += [f"  {n:6d}  {shorten(s)}" for s, n in list(st["sources"].items())[:40]]
    if len(st["sources"]) > 40:
        lines.append(f"  ... and {len(st['sources']) - 40} more (use --format json)")
    emit("\n".join(lines), human=True)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from ..validate_cache import graph_files_among, rdf_files_in, validate_graph_cached

    kg = load_graph(args)
    files = rdf_files_in(args.files or [])
    graph_part = graph_files_among(kg.root, files) if files else None
    if files and graph_part is None:
        from ..entries import validate_entries

        report = validate_entries(kg, files, lang=args.lang, fmt=args.input_format)
    else:  # the shipped graph, or files of it (e.g. 'rdgraph validate data/'): validated as the graph
        with progress_bar(args.lang) as progress:
            report = validate_graph_cached(kg, lang=args.lang, progress=progress,
                                           use_cache=not getattr(args, "no_cache", False))
        if graph_part:
            report = report.only_about(graph_part)
    emit(report.render(args.format), human=args.format == "text")
    return EXIT_OK if report.conforms else EXIT_VIOLATIONS


class progress_bar:  # noqa: N801 - used as a context manager
    """A progress bar on standard error when it is a terminal (rich); nothing when piped."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._p = None
        self._task = None

    def __enter__(self):
        import sys

        if not sys.stderr.isatty():
            return None
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self._p = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                           TimeElapsedColumn(), transient=True, console=_stderr_console())
        self._p.start()
        from ..messages import msg

        word = msg("cli.validating", self.lang)

        def update(done: int, total: int, what: str) -> None:
            if self._task is None:
                self._task = self._p.add_task(word, total=total)
            self._p.update(self._task, completed=done, total=total,
                           description=f"{word} {what}".rstrip())
        return update

    def __exit__(self, *exc: object) -> None:
        if self._p is not None:
            self._p.stop()


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def cmd_why(args: argparse.Namespace) -> int:
    emit(load_graph(args).why(args.subject, args.predicate, args.object).render(), human=True)
    return EXIT_OK


def register(sub) -> None:
    s = sub.add_parser("stats", help="instances per class, triples and sources")
    s.add_argument("--format", choices=("text", "json"), default="text")
    s.set_defaults(func=cmd_stats)

    s = sub.add_parser("validate", help="validate the graph, or entry files in the context of the graph")
    s.add_argument("files", nargs="*", help="entry files (Turtle, N-Triples, JSON-LD); none: the shipped graph")
    add_entry_options(s)
    s.set_defaults(func=cmd_validate)

    s = sub.add_parser("why", help="explain an inferred triple: the rule and the asserted triples")
    s.add_argument("subject")
    s.add_argument("predicate")
    s.add_argument("object")
    s.set_defaults(func=cmd_why)
