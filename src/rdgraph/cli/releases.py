"""Versions of the data: ``diff`` (what changed between two states) and ``release`` (a versioned release)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import EXIT_OK
from .common import LANGS, emit, load_graph

DIFF_FORMATS = ("text", "markdown", "json", "rdfpatch", "trig")


def cmd_diff(args: argparse.Namespace) -> int:
    from ..paths import project_root
    from ..release import state_for
    from ..release.changelog import build_changelog
    from ..release.diff import diff_states, render_patch

    root = Path(args.home) if args.home else project_root()
    old = state_for(args.old, root)
    new = state_for(args.new or str(root), root)
    d = diff_states(old, new)
    if args.patch:
        from ..fileio import write_text_atomic

        write_text_atomic(args.patch, render_patch(d, "trig" if args.patch.endswith(".trig") else "rdfpatch"))
    if args.format in ("rdfpatch", "trig"):
        emit(render_patch(d, args.format), args.output)
        return EXIT_OK
    cl = build_changelog(d, root=root)
    emit(cl.render(args.format, args.lang, args.limit), args.output)
    return EXIT_OK


def cmd_release(args: argparse.Namespace) -> int:
    from ..release import make_release

    rel = make_release(load_graph(args), args.version, out_root=Path(args.output) if args.output else None,
                       manifests=Path(args.manifests) if args.manifests else None,
                       write_manifest=not args.no_manifest, previous_spec=args.previous_state)
    sys.stdout.write(rel.render(args.lang) + "\n")
    return EXIT_OK


def register(sub) -> None:
    s = sub.add_parser("diff", help="what changed between two states of the graph: a changelog in words "
                                    "(text, Markdown, JSON) or the exact RDF patch")
    s.add_argument("old", help="the old state: a released version (1.0.0), a git revision (HEAD~3, a tag, a "
                               "commit), a folder with ontology/ and data/, or an export file")
    s.add_argument("new", nargs="?", help="the new state (default: the project's working tree)")
    s.add_argument("--format", "-f", choices=DIFF_FORMATS, default="text",
                   help="text, markdown or json changelog; rdfpatch or trig for the triple-level patch")
    s.add_argument("--lang", choices=LANGS, default="nl", help="language of the changelog")
    s.add_argument("--limit", type=int, default=20, help="items listed per section in text/Markdown (0: all)")
    s.add_argument("--patch", metavar="FILE", help="also write the RDF patch to FILE (.trig: as TriG)")
    s.add_argument("--output", "-o", help="write to this file instead of standard output")
    s.set_defaults(func=cmd_diff)

    s = sub.add_parser("release", help="write a versioned release: every export, checksums, changelog since the "
                                       "previous release, a DCAT-AP description; records it in releases/")
    s.add_argument("version", help="MAJOR.MINOR.PATCH; must be the next version at the level the change asks for")
    s.add_argument("--output", "-o", metavar="DIR", help="folder for the release folders (default build/releases)")
    s.add_argument("--manifests", metavar="DIR", help="folder of the committed manifests (default releases/)")
    s.add_argument("--no-manifest", action="store_true", help="write only the release folder")
    s.add_argument("--previous-state", metavar="SPEC",
                   help="the previous release's state if its commit is not at hand (revision, folder, rdgraph.nt)")
    s.add_argument("--lang", choices=LANGS, default="nl")
    s.set_defaults(func=cmd_release)
