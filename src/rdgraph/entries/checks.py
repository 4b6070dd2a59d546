"""rdgraph's own checks of an entry: unknown terms and references, datatypes and language tags, duplicates."""

from __future__ import annotations

import pyoxigraph as ox

from ..terms import DEF, ID
from .index import GraphIndex
from .messages import msg
from .parse import Entry, types_of
from .report import EntryFinding
from .suggest import normalise_name, suggest_refs, suggest_terms
from .terms import (
    KNOWN_EXTERNAL,
    RDG_DEAL,
    RDG_TRANCHE,
    T_ALT,
    T_LABEL,
    T_LANGSTRING,
    T_PREF,
    T_TYPE,
    XSD,
    node_id,
    short,
    show,
)


def own_checks(gi: GraphIndex, entry: Entry, lang: str) -> list[EntryFinding]:
    out: list[EntryFinding] = []
    triples = entry.triples
    src = str(entry.path)
    subjects = {s for s, _p, _o in triples}
    types = types_of(triples)
    # terms: predicates and classes
    seen_terms: set = set()
    for _s, p, o in triples:
        for term, as_class in ((p, False), (o, True) if p == T_TYPE else (None, True)):
            if term is None or not isinstance(term, ox.NamedNode) or (term.value, as_class) in seen_terms:
                continue
            seen_terms.add((term.value, as_class))
            if gi.is_known_term(term.value, as_class):
                continue
            cands = [t for t, k in gi.ontology_terms().items() if k == ("class" if as_class else "property")]
            cands += [t for t in KNOWN_EXTERNAL if (t.rsplit("#", 1)[-1].rsplit("/", 1)[-1][:1].isupper())
                      == as_class]
            sugg = suggest_terms(term.value, cands)
            for s2, p2, o2 in triples:
                if (p2 == term and not as_class) or (as_class and p2 == T_TYPE and o2 == term):
                    out.append(EntryFinding(
                        severity="Violation", focus=node_id(s2), kind="unknown-term",
                        path=(T_TYPE.value if as_class else term.value),
                        value=show(term) if as_class else show(o2),
                        message=msg("unknown_class" if as_class else "unknown_prop", lang, value=short(term.value)),
                        hint=(msg("unknown_term_hint", lang, sugg=" / ".join(short(x) for x in sugg)) if sugg
                              else None),
                        suggestions=[short(x) for x in sugg], source_file=src, constraint="unknown-term"))
    # references to things the graph does not hold
    for s, p, o in triples:
        if p == T_TYPE or not isinstance(o, ox.NamedNode) or not o.value.startswith(ID):
            continue
        if o in subjects or gi.any(o, None, None):
            continue
        sugg = suggest_refs(gi, o.value, p.value)
        out.append(EntryFinding(
            severity="Violation", focus=node_id(s), kind="unknown-reference", path=p.value, value=show(o),
            message=msg("unknown_ref", lang, value=short(o.value)),
            hint=(msg("unknown_ref_hint", lang, sugg=" / ".join(sugg)) if sugg else msg("unknown_ref_nohint", lang)),
            suggestions=sugg, source_file=src, constraint="unknown-reference"))
    # datatypes and language tags the ontology expects
    for s, p, o in triples:
        if p == T_TYPE:
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
            got = T_LANGSTRING if o.language else o.datatype.value
            if rng == T_LANGSTRING and not o.language:
                out.append(EntryFinding(
                    severity="Violation", focus=node_id(s), kind="language-tag", path=p.value, value=show(o),
                    message=msg("lang_missing", lang, path=short(p.value)), hint=msg("lang_missing_hint", lang),
                    source_file=src, constraint="language-tag"))
            elif rng.startswith(XSD) or rng == T_LANGSTRING:
                if got != rng:
                    out.append(EntryFinding(
                        severity="Violation", focus=node_id(s), kind="datatype", path=p.value, value=show(o),
                        message=msg("dt_expected", lang, path=short(p.value), got=short(got), want=short(rng)),
                        hint=_dt_hint(rng, lang), source_file=src, constraint="datatype"))
            elif gi.ontology_terms().get(rng) == "class" or rng.startswith(DEF):
                out.append(EntryFinding(
                    severity="Violation", focus=node_id(s), kind="datatype", path=p.value, value=show(o),
                    message=msg("literal_for_ref", lang, path=short(p.value)),
                    hint=msg("literal_for_ref_hint", lang), source_file=src, constraint="datatype"))
        elif rng and (rng.startswith(XSD) or rng == T_LANGSTRING):
            out.append(EntryFinding(
                severity="Violation", focus=node_id(s), kind="datatype", path=p.value, value=show(o),
                message=msg("ref_for_literal", lang, path=short(p.value)), hint=_dt_hint(rng, lang),
                source_file=src, constraint="datatype"))
    # duplicate deals
    for deal, ts in types.items():
        if RDG_DEAL not in ts:
            continue
        if isinstance(deal, ox.NamedNode) and gi.any(deal, T_TYPE, RDG_DEAL):
            out.append(EntryFinding(
                severity="Violation", focus=deal.value, kind="duplicate", path=T_TYPE.value,
                value=short(deal.value), message=msg("dup_iri", lang, value=short(deal.value)),
                hint=msg("dup_hint", lang), source_file=src, constraint="duplicate"))
            continue
        names = {normalise_name(o.value): o.value for s, p, o in triples
                 if s == deal and p in (T_LABEL, T_PREF, T_ALT) and isinstance(o, ox.Literal)}
        for _s, _p, tr in [t for t in triples if t[0] == deal and t[1] == RDG_TRANCHE]:
            if not isinstance(tr, ox.NamedNode):
                continue
            for other, _p2, _o2 in gi.triples(None, RDG_TRANCHE, tr):
                if other == deal:
                    continue
                for _s3, _p3, lab in (gi.triples(other, T_LABEL, None) + gi.triples(other, T_PREF, None)
                                      + gi.triples(other, T_ALT, None)):
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


def _dt_hint(rng: str, lang: str) -> str:
    key = {XSD + "decimal": "dt_hint_decimal", XSD + "integer": "dt_hint_integer", XSD + "date": "dt_hint_date",
           XSD + "boolean": "dt_hint_boolean", XSD + "string": "dt_hint_string",
           T_LANGSTRING: "lang_missing_hint"}.get(rng)
    return msg(key, lang) if key else msg("dt_hint_generic", lang, want=short(rng))

