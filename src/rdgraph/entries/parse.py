"""Reading entry files into triples."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..errors import ParseError, RdgraphError
from ..loading import parse_file
from .messages import msg
from .terms import T_TYPE, Triple


@dataclass
class Entry:
    path: Path
    triples: list[Triple]


def read_entries(files: Sequence[str | Path], fmt: str | None = None, lang: str = "nl") -> list[Entry]:
    """Parse the entry files; one ParseError naming file, line and column for every file that fails."""
    if not files:
        raise RdgraphError(msg("no_files", lang))
    entries: list[Entry] = []
    errors: list[ParseError] = []
    for f in files:
        path = Path(f)
        try:
            quads = parse_file(path, ox.DefaultGraph(), fmt=fmt)
        except ParseError as e:
            errors.append(ParseError(e.location, msg("parse", lang, detail=e.detail), msg("parse_hint", lang)))
            continue
        entries.append(Entry(path, [(q.subject, q.predicate, q.object) for q in quads]))
    if errors:
        if len(errors) == 1:
            raise errors[0]
        err = ParseError(errors[0].location, errors[0].detail, errors[0].hint)
        err.message = "\n".join(e.message for e in errors)
        raise err
    return entries



def types_of(entry: list[Triple]) -> dict:
    types: dict = {}
    for s, p, o in entry:
        if p == T_TYPE:
            types.setdefault(s, set()).add(o)
    return types

