"""Verbs for new entries: ``new-deal`` (a template to fill in) and ``add`` (validate, then write).

``validate FILE...`` is in :mod:`rdgraph.cli.graph` and calls :func:`rdgraph.entries.validate_entries`.
Exit codes: 0 added / printed, 1 refused (violations), 2 unreadable input, usage error or busy lock.
"""

from __future__ import annotations

import argparse
import sys

from ..errors import EXIT_OK, EXIT_VIOLATIONS
from .common import LANGS, add_entry_options, emit, load_graph


def cmd_new_deal(args: argparse.Namespace) -> int:
    from ..entries import new_deal_template

    if not args.name and not args.from_reference:
        from ..errors import ParameterError

        raise ParameterError("new-deal: give --name NAME (and --tranche N), or --from-reference NAME",
                             'rdgraph new-deal --name "Zaanstreek" --tranche 6  |  rdgraph new-deal '
                             "--from-reference Eemsdelta")
    text = new_deal_template(load_graph(args), name=args.name, tranche=args.tranche, regions=args.region or [],
                             lang=args.lang, slug=args.slug, reference=args.from_reference)
    if args.output:
        from ..fileio import write_text_atomic

        write_text_atomic(args.output, text)
        from ..messages import msg

        sys.stderr.write(msg("cli.wrote", args.lang, path=args.output) + "\n")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..entries import add_entries
    from ..paths import project_root
    from ..store import load

    root = Path(args.home).resolve() if args.home else project_root()
    report = add_entries(lambda: load(root, use_cache=not args.no_cache), root, args.files, lang=args.lang,
                         fmt=args.input_format, wait=args.wait, dry_run=args.dry_run)
    emit(report.render(args.format), human=args.format == "text")
    return EXIT_OK if report.conforms else EXIT_VIOLATIONS


def register(sub) -> None:
    s = sub.add_parser("new-deal", help="print a commented Turtle template for a new Regio Deal")
    s.add_argument("--name", help="the deal's name as the covenant spells it ('Regio Deal' in front is dropped: "
                                  "the label is 'Zaanstreek', 'Regio Deal Zaanstreek' an alternative name)")
    s.add_argument("--tranche", type=int, choices=range(1, 7), metavar="N", help="the tranche (1-6; default 6)")
    s.add_argument("--from-reference", metavar="NAME",
                   help="prefill from what the public records in the graph hold about the deal NAME "
                        "(the entry then adds to that deal)")
    s.add_argument("--region", action="append", metavar="SLUG",
                   help="a province, municipality or region of the deal (e.g. noord-holland); repeatable")
    s.add_argument("--slug", help="the deal's reference in its IRI (default: from the name)")
    s.add_argument("--lang", choices=LANGS, default="nl", help="language of the comments")
    s.add_argument("--output", "-o", help="write the template to this file")
    s.set_defaults(func=cmd_new_deal)

    s = sub.add_parser("add", help="validate entry files and, if they conform, write them into data/deals/")
    s.add_argument("files", nargs="+", help="entry files (Turtle, N-Triples, JSON-LD)")
    add_entry_options(s)
    s.add_argument("--wait", type=float, default=10.0,
                   help="seconds to wait for another running 'add' to finish (default 10)")
    s.add_argument("--dry-run", action="store_true",
                   help="validate and show the unified diff add would make to data/; write nothing")
    s.set_defaults(func=cmd_add)
