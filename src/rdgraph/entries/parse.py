"""Reading entry files into triples, bounded: size, pre-scan, relative IRIs, triple count, numbers.

An entry is untrusted text. Before pyoxigraph parses it, :func:`rdgraph.prescan.scan_rdf` measures it in
one linear pass (file size, nesting depth, list length, literal size, numeric exponents; DTDs refused);
the parser then stops at the triple limit; numeric literals are checked on their lexical form. Nothing
downstream (the checks, pySHACL) sees an entry that is over a limit.

Relative IRIs: an entry without ``@base`` that writes ``<foo>`` is an error naming the line. It is never
resolved against the path of the user's file (that private path used to end up in data/).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..errors import Location, ParseError, RdgraphError
from ..limits import LimitError, Limits, current, in_language
from ..loading import _located, rdf_format
from ..namespaces import RDF
from ..prescan import check_numeric_literals, kind_of, read_checked, scan_rdf
from .messages import msg, parse_detail, parse_hint
from .terms import Triple

#: The base under which JSON-LD and RDF/XML entries are parsed: an IRI that starts with it came from a
#: relative reference (those parsers drop or reject relative IRIs without saying where).
RELATIVE_BASE = "https://relative-iri.invalid/"



@dataclass
class Entry:
    path: Path
    triples: list[Triple]


def _relative_error(path: Path, ref: str, lang: str, line: int | None = None, col: int | None = None,
                    text: str | None = None) -> ParseError:
    if line is None and text is not None:  # find the reference in the text to name its line
        for pat in (f"<{ref}>", f'"{ref}"', f"'{ref}'"):
            pos = text.find(pat)
            if pos >= 0:
                line = text.count("\n", 0, pos) + 1
                col = pos - (text.rfind("\n", 0, pos) + 1) + 1
                break
    return ParseError(Location(str(path), line, col), msg("relative_iri", lang, ref=ref),
                      msg("relative_iri_hint", lang))


def parse_entry(path: Path, fmt: str | None = None, lang: str = "nl", limits: Limits | None = None,
                max_triples: int | None = None) -> list[Triple]:
    """The triples of one entry file; raises ParseError (syntax, relative IRI) or LimitError."""
    limits = limits or current()
    rf = rdf_format(path, fmt)
    try:
        data = read_checked(path, limits)
    except OSError as e:
        raise ParseError(Location(str(path)), msg("parse", lang, detail=e.strerror or str(e))) from None
    kind = kind_of(path, rf.media_type if fmt else None)
    scan_rdf(data, kind, str(path), limits)
    sentinel = kind in ("json", "xml")
    cap = limits.entry_triples if max_triples is None else max_triples
    triples: list[Triple] = []
    try:
        for q in ox.parse(data, format=rf, base_iri=RELATIVE_BASE if sentinel else None,
                          without_named_graphs=not rf.supports_datasets):
            triples.append((q.subject, q.predicate, q.object))
            if len(triples) > cap:
                raise LimitError("entry_triples", f"more than {cap}", limits.entry_triples, str(path),
                                 message=f"the entries hold more than {limits.entry_triples} triples")
    except (SyntaxError, ValueError) as e:
        text = str(e.args[0]) if e.args else str(e)
        if "No scheme found in an absolute IRI" in text or "No scheme found" in text:
            ref = _relative_ref(data, getattr(e, "lineno", None), getattr(e, "offset", None), text)
            raise _relative_error(path, ref, lang, getattr(e, "lineno", None), getattr(e, "offset", None),
                                  data.decode("utf-8", "replace")) from None
        err = _located(path, e)
        raise ParseError(err.location, msg("parse", lang, detail=parse_detail(err.detail, lang)),
                         parse_hint(path, fmt, lang)) from None
    if sentinel:
        for t in triples:
            for term in t:
                if isinstance(term, ox.NamedNode) and term.value.startswith(RELATIVE_BASE):
                    raise _relative_error(path, term.value[len(RELATIVE_BASE):], lang,
                                          text=data.decode("utf-8", "replace"))
    check_numeric_literals((t[2] for t in triples if isinstance(t[2], ox.Literal)), str(path), limits)
    return triples


def _relative_ref(data: bytes, line: int | None, col: int | None, message: str) -> str:
    m = re.search(r"IRI '([^']*)'", message)
    if m:
        return m.group(1)
    if line:
        lines = data.decode("utf-8", "replace").splitlines()
        if 0 < line <= len(lines):
            text = lines[line - 1][max(0, (col or 1) - 1):]
            m = re.match(r"<([^>]*)>", text)
            if m:
                return m.group(1)
    return "<...>"


def read_entries(files: Sequence[str | Path], fmt: str | None = None, lang: str = "nl",
                 limits: Limits | None = None) -> list[Entry]:
    """Parse the entry files; one ParseError naming file, line and column for every file that fails.

    A limit refusal (:class:`~rdgraph.limits.LimitError`) stops at once: it names the file and the limit.
    """
    if not files:
        raise RdgraphError(msg("no_files", lang))
    limits = limits or current()
    entries: list[Entry] = []
    errors: list[ParseError] = []
    total = 0
    for f in files:
        path = Path(f)
        try:
            triples = parse_entry(path, fmt, lang, limits, max_triples=limits.entry_triples - total)
        except ParseError as e:
            errors.append(e)
            continue
        except LimitError as e:
            raise in_language(e, lang) from None
        total += len(triples)
        entries.append(Entry(path, triples))
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
        if p == RDF.type:
            types.setdefault(s, set()).add(o)
    return types
