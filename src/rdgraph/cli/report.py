"""``rdgraph report``: the answers to the three research questions - in the terminal, as an HTML page, or as a
workbook with one sheet per table."""

from __future__ import annotations

import argparse
import sys

from ..errors import EXIT_OK
from .common import LANGS, emit, emit_bytes, load_graph


def cmd_report(args: argparse.Namespace) -> int:
    from ..report import build_report, render_html, render_text, render_xlsx

    rep = build_report(load_graph(args), lang=args.lang, base_url=args.base_url)
    fmt = args.format or ("html" if args.html else "text")
    if args.html:   # the page beside the text (kept for compatibility: --html FILE [--text])
        from ..fileio import write_text_atomic

        write_text_atomic(args.html, render_html(rep))
        sys.stderr.write(f"wrote {args.html}\n")
        if not args.text and not args.format:
            return EXIT_OK
        if fmt == "html":
            fmt = "text"
    if fmt == "xlsx":
        emit_bytes(render_xlsx(rep), args.output)
    elif fmt == "html":
        emit(render_html(rep), args.output)
    else:
        emit(render_text(rep), args.output, human=True)
    return EXIT_OK


def register(sub) -> None:
    s = sub.add_parser("report", help="answer the three research questions (text, HTML page or xlsx workbook)")
    s.add_argument("--lang", choices=LANGS, default="nl")
    s.add_argument("--format", "-f", choices=("text", "html", "xlsx"),
                   help="text (default), html (one self-contained page) or xlsx (one sheet per table)")
    s.add_argument("--output", "-o", help="write to this file instead of standard output")
    s.add_argument("--html", help="also write the HTML page to this file")
    s.add_argument("--text", action="store_true", help="print the text report even with --html")
    s.add_argument("--base-url", help="link entity names to their pages on this server (e.g. http://127.0.0.1:8000)")
    s.set_defaults(func=cmd_report)
