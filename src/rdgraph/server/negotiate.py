"""HTTP content negotiation: pick one of the media types a resource offers from an Accept header."""

from __future__ import annotations

from collections.abc import Sequence

# Short names accepted by ?format= (and by SPARQLWrapper's format/output parameters).
FORMAT_ALIASES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "srj": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "srx": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "html": "text/html",
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "n-triples": "application/n-triples",
    "rdf": "application/rdf+xml",
    "rdfxml": "application/rdf+xml",
    "rdf+xml": "application/rdf+xml",
}


def parse_accept(header: str | None) -> list[tuple[str, float, int]]:
    """(media range, q, position) for each entry of an Accept header, parameters other than q dropped."""
    out: list[tuple[str, float, int]] = []
    if not header:
        return out
    for pos, part in enumerate(header.split(",")):
        bits = [b.strip() for b in part.split(";")]
        rng = bits[0].lower()
        if not rng or "/" not in rng:
            continue
        q = 1.0
        for b in bits[1:]:
            if b.lower().startswith("q="):
                try:
                    q = max(0.0, min(1.0, float(b[2:])))
                except ValueError:
                    q = 0.0
        out.append((rng, q, pos))
    return out


def _match(rng: str, offer: str) -> int:
    """Specificity of a match of an Accept range to an offered type: 3 exact, 2 type/*, 1 */*, 0 none."""
    if rng == offer:
        return 3
    main = offer.split("/", 1)[0]
    if rng == f"{main}/*":
        return 2
    if rng == "*/*":
        return 1
    return 0


def choose(accept: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers most; the first offer when there is no Accept; None if none is acceptable.

    For each offer, the most specific matching range gives its q (RFC 9110 12.5.1); ties go to the
    order of the offers (the server's preference), so ``*/*`` gets the first offer.
    """
    ranges = parse_accept(accept)
    if not ranges:
        return offers[0] if offers else None
    best: tuple[float, int, int] | None = None
    chosen = None
    for i, offer in enumerate(offers):
        spec, q = 0, 0.0
        for rng, rq, _pos in ranges:
            s = _match(rng, offer)
            if s > spec:
                spec, q = s, rq
        if spec == 0 or q <= 0:
            continue
        key = (q, spec == 3, -i)
        if best is None or key > best:
            best, chosen = key, offer
    return chosen


def from_format(values: Sequence[str], offers: Sequence[str]) -> str | None:
    """The first of ?format= values (short names or media types) that is one of the offers."""
    for v in values:
        mt = FORMAT_ALIASES.get(v.strip().lower(), v.strip().lower())
        if mt in offers:
            return mt
    return None
