"""Reading RDF files with pyoxigraph: located parse errors and a content hash for caching."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from .errors import Location, ParseError

FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}

_POS = re.compile(r"line (\d+) column (\d+)")


def rdf_format(path: Path, fmt: str | None = None) -> ox.RdfFormat:
    if fmt:
        names = {"turtle": ".ttl", "ntriples": ".nt", "nt": ".nt", "nquads": ".nq", "trig": ".trig",
                 "jsonld": ".jsonld", "json-ld": ".jsonld", "rdfxml": ".rdf", "xml": ".rdf"}
        if fmt.lower() not in names:
            raise ParseError(Location(str(path)), f"unknown RDF format {fmt!r}",
                             "use one of: " + ", ".join(sorted(names)))
        return FORMATS[names[fmt.lower()]]
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise ParseError(Location(str(path)), f"cannot tell the RDF format from the extension {path.suffix!r}",
                         "use .ttl (Turtle), .nt (N-Triples) or .jsonld (JSON-LD)") from None


def _located(path: Path, exc: BaseException) -> ParseError:
    msg = str(exc.args[0]) if getattr(exc, "args", None) else str(exc)
    line = getattr(exc, "lineno", None)
    col = getattr(exc, "offset", None)
    if line is None:
        m = _POS.search(msg)
        if m:
            line, col = int(m.group(1)), int(m.group(2))
    detail = re.sub(r"^Parser error (between|at) line \d+ column \d+( and line \d+ column \d+)?: ", "", msg)
    return ParseError(Location(str(path), line, col), detail,
                      "check the syntax near that position (a missing '.', ';' or quote is the usual cause)")


def parse_file(path: Path, graph: ox.NamedNode | ox.DefaultGraph | None = None,
               fmt: str | None = None, base_iri: str | None = None) -> list[ox.Quad]:
    """All quads of one file, put in ``graph``; raises ParseError with file, line and column."""
    from .prescan import kind_of, read_checked, scan_rdf

    rf = rdf_format(path, fmt)
    try:
        data = read_checked(path)  # refused above the input_bytes limit before it is read
    except OSError as e:
        raise ParseError(Location(str(path)), f"cannot read the file: {e.strerror}") from None
    scan_rdf(data, kind_of(path, rf.media_type if fmt else None), str(path))  # depth, sizes, DTDs: before parsing
    g = graph if graph is not None else ox.DefaultGraph()
    try:
        quads = ox.parse(data, format=rf, base_iri=base_iri or path.resolve().as_uri(),
                         without_named_graphs=not rf.supports_datasets)
        out = [ox.Quad(q.subject, q.predicate, q.object, g) for q in quads]
    except SyntaxError as e:
        raise _located(path, e) from None
    except ValueError as e:  # e.g. JSON-LD remote context refused, invalid IRI
        raise _located(path, e) from None
    return out


def content_hash(files: Iterable[Path], extra: str = "") -> str:
    h = hashlib.sha256(extra.encode())
    for f in files:
        h.update(f.name.encode())
        h.update(b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()
