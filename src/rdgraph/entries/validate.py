"""Validating entries in the context of the graph: own checks and shapes, merged per entity."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from ..namespaces import PREFIXES, RDF, RDFS, RDG, SKOS, XSD, short
from ..validate import SEVERITY_ORDER
from .checks import own_checks
from .index import GraphIndex
from .messages import hint_in_format, msg
from .parse import Entry, read_entries, types_of
from .report import EntryFinding, EntryReport
from .shapes import from_shape_result, shape_findings
from .terms import Triple, node_id, show


def _entities(gi: GraphIndex, triples: list[Triple], lang: str) -> tuple[dict, dict]:
    """Entity of each entry node (a deal, an intervention, or the node itself) and entity kinds/labels."""
    types = types_of(triples)
    ent_kind: dict = {}
    for n, ts in types.items():
        if RDG.RegioDeal in ts:
            ent_kind[n] = "deal"
        elif RDG.Intervention in ts:
            ent_kind[n] = "intervention"
    links = (RDG.fundingOf, RDG.attributedTo, RDF.subject, RDG.partOf, RDG.deal)
    owner: dict = {}
    for s, _p, _o in triples:
        if s in ent_kind:
            owner[s] = s
    for s, p, o in triples:
        if s not in owner and p in links and o in ent_kind:
            owner[s] = o
    for s, p, o in triples:
        if s not in owner and p in links and isinstance(o, ox.NamedNode):
            owner[s] = o
            if gi.any(o, RDF.type, RDG.RegioDeal):
                ent_kind.setdefault(o, "deal")
            elif gi.any(o, RDF.type, RDG.Intervention):
                ent_kind.setdefault(o, "intervention")
    labels: dict[str, tuple[str, str | None]] = {}
    for n in set(owner.values()) | {s for s, _p, _o in triples}:
        lab = None
        for s, p, o in triples:
            if s == n and p == RDFS.label and isinstance(o, ox.Literal) and o.language == lang:
                lab = o.value
        if lab is None and isinstance(n, ox.NamedNode):
            lab = gi.label(n, lang)
        labels[node_id(n)] = (ent_kind.get(n, "other"), lab)
    return {node_id(k): node_id(v) for k, v in owner.items()}, labels



def check_entries(kg, entries: list[Entry], lang: str = "nl") -> EntryReport:
    """Validate parsed entries against the shapes and rdgraph's checks, in the context of ``kg``."""
    gi = GraphIndex(kg.store)
    report = EntryReport(lang=lang, files=[str(e.path) for e in entries])
    all_triples: list[Triple] = []
    src_of: dict[str, str] = {}
    for e in entries:
        all_triples.extend(e.triples)
        for s, _p, _o in e.triples:
            src_of.setdefault(node_id(s), str(e.path))
        if not e.triples:
            report.findings.append(EntryFinding(
                severity="Violation", focus=e.path.resolve().as_uri(), message=msg("empty", lang), kind="empty",
                hint=msg("empty_hint", lang),
                source_file=str(e.path), constraint="empty"))
    owner, labels = _entities(gi, all_triples, lang)
    own: list[EntryFinding] = []
    for e in entries:
        own.extend(own_checks(gi, e, lang, all_triples))
    shape = [from_shape_result(f, all_triples, lang, src_of.get(f.focus, "")) for f in
             shape_findings(gi, kg.root, all_triples, lang)] if all_triples else []
    _fix_hints(gi, shape, all_triples, lang)
    findings = one_per_problem(own + shape, lang)
    for f in findings:
        f.entity = owner.get(f.focus) or owner.get(_value_iri(f.value)) or f.focus
        if f.focus_label is None:
            f.focus_label = labels.get(f.focus, ("other", None))[1]
    kind_of_file = {str(e.path): _syntax(e.path) for e in entries}
    for f in findings:  # hints in the entry's own syntax (a JSON-LD entry gets a JSON-LD hint)
        f.hint = hint_in_format(f.hint, kind_of_file.get(f.source_file or "", "ttl"))
    report.findings = [*report.findings, *_dedupe(findings)]
    report.entities = {k: v for k, v in labels.items() if k in set(owner.values()) | set(owner)}
    for f in report.findings:
        ent = getattr(f, "entity", None) or f.focus
        report.entities.setdefault(ent, labels.get(ent, ("other", None)))
    return report


def _syntax(path) -> str:
    suffix = str(path).rsplit(".", 1)[-1].lower()
    return "json" if suffix in ("jsonld", "json") else ("nt" if suffix in ("nt", "nq") else "ttl")


def _value_iri(value: str | None) -> str:
    """The IRI behind a short value as rendered in a finding ('bedrag:x' -> full IRI)."""
    if not value:
        return ""
    if ":" in value and not value.startswith(("<", '"', "http")):
        pfx, _, local = value.partition(":")
        if pfx in PREFIXES:
            return PREFIXES[pfx] + local
    return value.strip("<>")


# Which finding speaks for a problem several checks found: the most specific one. An unknown term or
# reference explains a failed sh:class / sh:in / sh:or on the same value; a shape's own message is
# preferred to rdgraph's generic datatype / language-tag check.
_KIND_RANK = {"unknown-term": 0, "unknown-reference": 1, "duplicate": 2, "date-window": 3, "empty": 4}
_SH_RANK = 5
_OWN_GENERIC_RANK = 6


def _rank(f: EntryFinding) -> tuple:
    if f.kind.startswith("sh:"):
        r = _SH_RANK
        # among shape results: a datatype result before the min/max it implies, then the longer message
        sub = 0 if f.kind in ("sh:Datatype", "sh:LanguageIn", "sh:SPARQL") else 1
        return (r, sub, -len(f.message))
    return (_KIND_RANK.get(f.kind, _OWN_GENERIC_RANK), 0, -len(f.message))


def _problem(f: EntryFinding) -> tuple:
    """What a finding is about: the value at fault on a node's property (or the property, if no value)."""
    if f.value is not None:
        return (f.focus, f.path, f.value)
    return (f.focus, f.path, None, f.kind if not f.kind.startswith("sh:") else "sh")


def one_per_problem(findings: list[EntryFinding], lang: str = "nl") -> list[EntryFinding]:
    """One finding per problem: of the findings about the same value on the same node and property,
    the most specific one, with the highest severity and every suggestion any of them made."""
    groups: dict[tuple, list[EntryFinding]] = {}
    for f in findings:
        groups.setdefault(_problem(f), []).append(f)
    out = []
    for fs in groups.values():
        best = min(fs, key=_rank)
        sev = min((f.severity for f in fs), key=lambda x: SEVERITY_ORDER.get(x, 9))
        best.severity = sev
        seen = list(best.suggestions)
        for f in fs:
            seen += [x for x in f.suggestions if x not in seen]
        allowed = " ".join(f.message for f in fs if f.kind == "sh:In")
        if allowed:  # a closed list: only its members are worth suggesting
            seen = [x for x in seen if x.split(" ", 1)[0] in allowed] or seen
            if best.hint and best.suggestions != seen[:5] and seen:
                best.hint = msg("unknown_ref_hint", lang, sugg=" / ".join(seen[:3]))
        best.suggestions = seen[:5]
        if best.suggestions and not best.suggestions == []:
            sugg_hint = next((f.hint for f in sorted(fs, key=_rank) if f.suggestions and f.hint), None)
            if sugg_hint and best.kind.startswith("sh:"):
                best.hint = sugg_hint
        out.append(best)
    return out


LABEL_PATHS = (RDFS.label.value, SKOS.altLabel.value, SKOS.prefLabel.value)


def _fix_hints(gi: GraphIndex, shape: list[EntryFinding], triples: list[Triple], lang: str) -> None:
    """A datatype result gets a hint that shows the literal as it should be written."""
    from .checks import corrected_literal

    for f in shape:
        if f.kind not in ("sh:Datatype", "sh:MinInclusive", "sh:MaxInclusive") or not f.path:
            continue
        want = gi.range_of(f.path)
        if f.kind == "sh:Datatype" and (want == RDF.langString.value or f.path in LABEL_PATHS) \
                and f.value and f.value.startswith('"') and f.value.endswith('"'):
            f.hint = msg("lang_missing_hint", lang)
            continue
        if want is None and f.path.endswith("#amountEUR"):
            want = XSD.decimal.value
        if not want:
            continue
        for s, p, o in triples:
            if node_id(s) == f.focus and p.value == f.path and isinstance(o, ox.Literal):
                fixed = corrected_literal(o, want)
                if fixed and fixed != show(o).replace(short(XSD.decimal.value), "xsd:decimal"):
                    f.hint = msg("dt_hint_fixed", lang, fixed=fixed)
                break


def _dedupe(findings: list[EntryFinding]) -> list[EntryFinding]:
    seen: set = set()
    out = []
    for f in findings:
        k = (f.focus, f.path, f.value, f.kind, f.severity, f.message)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


def validate_entries(kg, files: Sequence[str | Path], lang: str = "nl", fmt: str | None = None) -> EntryReport:
    """Validate entry files in the context of the graph. Raises ParseError for a file that does not parse."""
    entries = read_entries(files, fmt, lang)
    report = check_entries(kg, entries, lang)
    report.checked = "validate"
    return report
