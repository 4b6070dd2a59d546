"""rdgraph's own checks of an entry: unknown terms and references, datatypes and language tags, duplicates."""

from __future__ import annotations

import os
import re
from datetime import date, timedelta

import pyoxigraph as ox

from ..namespaces import DCTERMS, DEF, ID, PROV, RDF, RDFS, RDG, SKOS, XSD, short
from .index import GraphIndex
from .messages import msg
from .parse import Entry, types_of
from .report import EntryFinding
from .suggest import normalise_name, suggest_refs, suggest_terms
from .terms import KNOWN_EXTERNAL, node_id, show

RDG_PREDECESSOR = ox.NamedNode(DEF + "predecessor")
RDG_SUCCESSOR = ox.NamedNode(DEF + "successor")


def own_checks(gi: GraphIndex, entry: Entry, lang: str, together: list | None = None) -> list[EntryFinding]:
    """rdgraph's checks of one entry file; ``together``: the triples of all files entered at once (they
    may refer to each other's nodes)."""
    triples = entry.triples
    src = str(entry.path)
    subjects = {s for s, _p, _o in (together if together is not None else triples)}
    types = types_of(triples)
    return [*_unknown_terms(gi, triples, lang, src),
            *_unknown_value_terms(gi, triples, subjects, lang, src),
            *_unknown_references(gi, triples, together, subjects, lang, src),
            *_datatypes_and_languages(gi, triples, lang, src),
            *_duplicate_deals(gi, triples, types, lang, src),
            *future_dates(triples, lang, src),
            *duplicate_sources(gi, triples, types, lang, src)]


def _unknown_terms(gi: GraphIndex, triples: list, lang: str, src: str) -> list[EntryFinding]:
    """Terms: predicates and classes."""
    out: list[EntryFinding] = []
    seen_terms: set = set()
    for _s, p, o in triples:
        for term, as_class in ((p, False), (o, True) if p == RDF.type else (None, True)):
            if term is None or not isinstance(term, ox.NamedNode) or (term.value, as_class) in seen_terms:
                continue
            seen_terms.add((term.value, as_class))
            if gi.is_known_term(term.value, as_class):
                continue
            cands = [t for t, k in gi.ontology_terms().items() if k == ("class" if as_class else "property")]
            cands += [t for t in KNOWN_EXTERNAL if (t.rsplit("#", 1)[-1].rsplit("/", 1)[-1][:1].isupper())
                      == as_class]
            sugg = suggest_terms(term.value, cands, gi)
            for s2, p2, o2 in triples:
                if (p2 == term and not as_class) or (as_class and p2 == RDF.type and o2 == term):
                    out.append(EntryFinding(
                        severity="Violation", focus=node_id(s2), kind="unknown-term",
                        path=(RDF.type.value if as_class else term.value),
                        value=show(term) if as_class else show(o2),
                        message=msg("unknown_class" if as_class else "unknown_prop", lang, value=short(term.value)),
                        hint=(msg("unknown_term_hint", lang, sugg=" / ".join(short(x) for x in sugg)) if sugg
                              else None),
                        suggestions=[short(x) for x in sugg], source_file=src, constraint="unknown-term"))
    return out


def _unknown_value_terms(gi: GraphIndex, triples: list, subjects: set, lang: str, src: str) -> list[EntryFinding]:
    """A term of the ontology's namespace used as a value (rdg:rijksbijdrag for begrip:rijksbijdrage)."""
    out: list[EntryFinding] = []
    for s, p, o in triples:
        if p == RDF.type or not isinstance(o, ox.NamedNode) or not o.value.startswith(DEF):
            continue
        if gi.is_known_term(o.value, True) or gi.is_known_term(o.value, False) or o in subjects:
            continue
        rng = gi.range_of(p.value)
        cands = list(gi.ontology_terms()) + (gi.instances(rng) if rng else [])
        sugg = suggest_terms(o.value, cands, gi)
        out.append(EntryFinding(
            severity="Violation", focus=node_id(s), kind="unknown-term", path=p.value, value=show(o),
            message=msg("unknown_value_term", lang, value=short(o.value)),
            hint=(msg("unknown_ref_hint", lang, sugg=" / ".join(short(x) for x in sugg)) if sugg
                  else msg("unknown_ref_nohint", lang)),
            suggestions=[short(x) for x in sugg], source_file=src, constraint="unknown-term"))
    return out


def _unknown_references(gi: GraphIndex, triples: list, together: list | None, subjects: set, lang: str,
                        src: str) -> list[EntryFinding]:
    """References to things the graph does not hold."""
    out: list[EntryFinding] = []
    own_nodes: dict = {}
    for s, p, o in (together if together is not None else triples):
        if isinstance(s, ox.NamedNode):
            own_nodes.setdefault(s.value, []).append((s, p, o))
    for s, p, o in triples:
        if p == RDF.type or not isinstance(o, ox.NamedNode) or not o.value.startswith(ID):
            continue
        if o in subjects or gi.any(o, None, None):
            continue
        sugg = suggest_refs(gi, o.value, p.value, own_nodes)
        out.append(EntryFinding(
            severity="Violation", focus=node_id(s), kind="unknown-reference", path=p.value, value=show(o),
            message=msg("unknown_ref", lang, value=short(o.value)),
            hint=(msg("unknown_ref_hint", lang, sugg=" / ".join(sugg)) if sugg else msg("unknown_ref_nohint", lang)),
            suggestions=sugg, source_file=src, constraint="unknown-reference"))
    return out


def _datatypes_and_languages(gi: GraphIndex, triples: list, lang: str, src: str) -> list[EntryFinding]:
    """Datatypes and language tags the ontology expects."""
    out: list[EntryFinding] = []
    for s, p, o in triples:
        if p == RDF.type:
            continue
        rng = gi.range_of(p.value) if p.value.startswith(DEF) else None
        if isinstance(o, ox.Literal):
            if o.language and o.language not in ("nl", "en"):
                out.append(EntryFinding(
                    severity="Warning", focus=node_id(s), kind="language-tag", path=p.value, value=show(o),
                    message=msg("lang_unexpected", lang, tag=o.language, path=short(p.value)),
                    hint=msg("lang_unexpected_hint", lang), source_file=src, constraint="language-tag"))
            if rng is None:
                continue
            got = RDF.langString.value if o.language else o.datatype.value
            if rng == RDF.langString.value and not o.language:
                out.append(EntryFinding(
                    severity="Violation", focus=node_id(s), kind="language-tag", path=p.value, value=show(o),
                    message=msg("lang_missing", lang, path=short(p.value)), hint=msg("lang_missing_hint", lang),
                    source_file=src, constraint="language-tag"))
            elif rng.startswith(str(XSD)) or rng == RDF.langString.value:
                if got != rng:
                    out.append(EntryFinding(
                        severity="Violation", focus=node_id(s), kind="datatype", path=p.value, value=show(o),
                        message=msg("dt_expected", lang, path=short(p.value), got=short(got), want=short(rng)),
                        hint=dt_hint(rng, lang, o), source_file=src, constraint="datatype"))
            elif gi.ontology_terms().get(rng) == "class" or rng.startswith(DEF):
                out.append(EntryFinding(
                    severity="Violation", focus=node_id(s), kind="datatype", path=p.value, value=show(o),
                    message=msg("literal_for_ref", lang, path=short(p.value)),
                    hint=msg("literal_for_ref_hint", lang), source_file=src, constraint="datatype"))
        elif rng and (rng.startswith(str(XSD)) or rng == RDF.langString.value):
            out.append(EntryFinding(
                severity="Violation", focus=node_id(s), kind="datatype", path=p.value, value=show(o),
                message=msg("ref_for_literal", lang, path=short(p.value)), hint=dt_hint(rng, lang),
                source_file=src, constraint="datatype"))
    return out


def _duplicate_deals(gi: GraphIndex, triples: list, types: dict, lang: str, src: str) -> list[EntryFinding]:
    """Duplicate deals."""
    out: list[EntryFinding] = []
    for deal, ts in types.items():
        if RDG.RegioDeal not in ts:
            continue
        if isinstance(deal, ox.NamedNode) and gi.any(deal, RDF.type, RDG.RegioDeal):
            out.append(EntryFinding(
                severity="Violation", focus=deal.value, kind="duplicate", path=RDF.type.value,
                value=short(deal.value), message=msg("dup_iri", lang, value=short(deal.value)),
                hint=msg("dup_hint", lang), source_file=src, constraint="duplicate"))
            continue
        names = {normalise_name(o.value): o.value for s, p, o in triples
                 if s == deal and p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel) and isinstance(o, ox.Literal)}
        for _s, _p, tr in [t for t in triples if t[0] == deal and t[1] == RDG.tranche]:
            if not isinstance(tr, ox.NamedNode):
                continue
            for other, _p2, _o2 in gi.triples(None, RDG.tranche, tr):
                if other == deal:
                    continue
                for _s3, _p3, lab in (gi.triples(other, RDFS.label, None) + gi.triples(other, SKOS.prefLabel, None)
                                      + gi.triples(other, SKOS.altLabel, None)):
                    if isinstance(lab, ox.Literal) and normalise_name(lab.value) in names:
                        out.append(EntryFinding(
                            severity="Violation", focus=deal.value, kind="duplicate", path=_p3.value,
                            value=show(ox.Literal(names[normalise_name(lab.value)])),
                            message=msg("dup_name", lang, name=names[normalise_name(lab.value)],
                                       tranche=tr.value.rsplit("/", 1)[-1], other=short(other.value)),
                            hint=msg("dup_hint", lang), suggestions=[short(other.value)],
                            source_file=src, constraint="duplicate"))
                        break
                else:
                    continue
                break
    return out


MARGIN_ENV = "RDGRAPH_FUTURE_MARGIN_DAYS"
DEFAULT_MARGIN_DAYS = 365
DATE_TYPES = (XSD.date.value, XSD.gYearMonth.value, XSD.gYear.value)


def future_margin() -> int:
    """Days a date may lie in the future (a covenant to be signed next spring): RDGRAPH_FUTURE_MARGIN_DAYS."""
    try:
        return int(os.environ.get(MARGIN_ENV, DEFAULT_MARGIN_DAYS))
    except ValueError:
        return DEFAULT_MARGIN_DAYS


def future_dates(triples: list, lang: str, src: str, today: date | None = None) -> list[EntryFinding]:
    """Dates later than today plus the margin: a typo (2035 for 2025), since the data records what happened."""
    limit = (today or date.today()) + timedelta(days=future_margin())
    out = []
    for s, p, o in triples:
        if not (isinstance(o, ox.Literal) and o.datatype.value in DATE_TYPES):
            continue
        m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", o.value)
        if not m:
            continue
        try:
            d = date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
        except ValueError:
            continue
        if d > limit:
            out.append(EntryFinding(
                severity="Violation", focus=node_id(s), kind="date-window", path=p.value, value=show(o),
                message=msg("date_future", lang, value=o.value, limit=limit.isoformat(), days=future_margin()),
                hint=msg("date_future_hint", lang), source_file=src, constraint="date-window"))
    return out


def _urls_of(gi: GraphIndex, triples: list, src) -> set[str]:
    urls = set()
    for s, p, o in triples:
        if s == src and p in (DCTERMS.identifier, RDFS.seeAlso):
            urls.add(o.value.rstrip("/"))
    if not urls and isinstance(src, ox.NamedNode):
        for _s, _p, o in gi.triples(src, DCTERMS.identifier, None) + gi.triples(src, RDFS.seeAlso, None):
            urls.add(o.value.rstrip("/"))
    return urls


def duplicate_sources(gi: GraphIndex, triples: list, types: dict, lang: str, src: str) -> list[EntryFinding]:
    """A new deal whose source URL the graph already attaches to another deal: probably the same deal.

    Counted only for pages about at most two deals (a page about one deal and its follow-up); a news
    item about a whole tranche names many deals and says nothing about duplicates. A deal that names
    the other as its predecessor is not a duplicate of it. In the same tranche a violation; in another
    tranche a warning (a regional page may cover two deals).
    """
    out = []
    for deal, ts in types.items():
        if RDG.RegioDeal not in ts or not isinstance(deal, ox.NamedNode) or gi.any(deal, RDF.type, RDG.RegioDeal):
            continue
        related = {o for s, p, o in triples if s == deal and p in (RDG_PREDECESSOR, RDG_SUCCESSOR)}
        reported: set = set()
        for s, p, source in triples:
            if s != deal or p != PROV.wasDerivedFrom:
                continue
            for url in sorted(_urls_of(gi, triples, source)):
                others: set = set()
                for variant in {url, url + "/"}:
                    for lit in (ox.Literal(variant, datatype=XSD.anyURI), ox.Literal(variant),
                                ox.NamedNode(variant)):
                        for bron, _p, _o in (gi.triples(None, DCTERMS.identifier, lit)
                                             + gi.triples(None, RDFS.seeAlso, lit)):
                            for d, _p2, _o2 in gi.triples(None, PROV.wasDerivedFrom, bron):
                                if d != deal and gi.any(d, RDF.type, RDG.RegioDeal):
                                    others.add(d)
                if not others or len(others) > 2 or others & related:
                    continue
                for other in sorted(others, key=lambda n: n.value):
                    if other in reported:
                        continue
                    reported.add(other)
                    mine = {o for s2, p2, o in triples if s2 == deal and p2 == RDG.tranche}
                    theirs = {o for _s, _p, o in gi.triples(other, RDG.tranche, None)}
                    out.append(EntryFinding(  # same tranche: refused; another tranche: for a look
                        severity="Violation" if (mine & theirs or not mine) else "Warning",
                        focus=deal.value, kind="duplicate", path=PROV.wasDerivedFrom.value,
                        value=show(source),
                        message=msg("dup_source", lang, url=url, other=short(other.value),
                                    label=gi.label(other, lang) or short(other.value)),
                        hint=msg("dup_source_hint", lang, other=short(other.value)),
                        suggestions=[short(other.value)], source_file=src, constraint="duplicate"))
    return out


def corrected_literal(lit, want: str) -> str | None:
    """The literal as it should be written for datatype ``want`` (Turtle), if it can be read at all.

    ``7500000`` or ``"7500000"`` for xsd:decimal -> ``"7500000"^^xsd:decimal``; ``"7,5 miljoen"`` ->
    ``"7500000"^^xsd:decimal``; ``"24-09-2025"`` for xsd:date -> ``"2025-09-24"^^xsd:date``.
    """
    if not isinstance(lit, ox.Literal):
        return None
    text = lit.value.strip()
    if want == XSD.decimal.value:
        t = text.lower().replace("€", "").replace("eur", "").strip()
        factor = 1
        for word, f in (("miljard", 10**9), ("billion", 10**9), ("miljoen", 10**6), ("million", 10**6),
                        ("mln", 10**6), ("m", 10**6)):
            if t.endswith(word):
                factor, t = f, t[: -len(word)].strip()
                break
        if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", t):  # Dutch thousands: 7.500.000,00
            t = t.replace(".", "").replace(",", ".")
        t = t.replace(",", ".").replace(" ", "")
        try:
            from decimal import Decimal

            d = Decimal(t) * factor
        except Exception:
            return None
        d = d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()
        return f'"{d:f}"^^xsd:decimal'
    if want == XSD.integer.value:
        m = re.fullmatch(r"\d+", text)
        if m and len(text) == 2 and text.isdigit():  # a year as "23"
            return f"20{text}"
        return text if m else None
    if want == XSD.date.value:
        m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
        if m:
            return f'"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"^^xsd:date'
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return f'"{text}"^^xsd:date'
    return None


def dt_hint(rng: str, lang: str, lit=None) -> str:
    fixed = corrected_literal(lit, rng) if lit is not None else None
    if fixed:
        return msg("dt_hint_fixed", lang, fixed=fixed)
    return _dt_hint(rng, lang)


def _dt_hint(rng: str, lang: str) -> str:
    key = {XSD.decimal.value: "dt_hint_decimal", XSD.integer.value: "dt_hint_integer", XSD.date.value: "dt_hint_date",
           XSD.boolean.value: "dt_hint_boolean", XSD.string.value: "dt_hint_string",
           RDF.langString.value: "lang_missing_hint"}.get(rng)
    return msg(key, lang) if key else msg("dt_hint_generic", lang, want=short(rng))

