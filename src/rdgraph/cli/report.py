"""``rdgraph report``: the answers to the three research questions, in the terminal or as an HTML page."""

from __future__ import annotations

import argparse
import sys

from ..errors import EXIT_OK
from .common import LANGS, emit, load_graph


def cmd_report(args: argparse.Namespace) -> int:
    from ..report import build_report, render_html, render_text

    rep = build_report(load_graph(args), lang=args.lang)
    if args.html:
        from ..fileio import write_text_atomic

        write_text_atomic(args.html, render_html(rep))
        sys.stderr.write(f"wrote {args.html}\n")
    if not args.html or args.text:
        emit(render_text(rep), human=True)
    return EXIT_OK


def register(sub) -> None:
    s = sub.add_parser("report", help="answer the three research questions (terminal, or --html FILE)")
    s.add_argument("--lang", choices=LANGS, default="nl")
    s.add_argument("--html", help="also write a self-contained HTML page with charts")
    s.add_argument("--text", action="store_true", help="print the text report even with --html")
    s.set_defaults(func=cmd_report)
