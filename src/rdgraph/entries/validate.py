"""Validating entries in the context of the graph: own checks and shapes, merged per entity."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from .checks import own_checks
from .index import GraphIndex
from .messages import msg
from .parse import Entry, read_entries, types_of
from .report import EntryFinding, EntryReport
from .shapes import from_shape_result, shape_findings
from .terms import (
    PREFIXES,
    RDG_ATTRIBUTED_TO,
    RDG_DEAL,
    RDG_DEAL_PROP,
    RDG_FUNDING_OF,
    RDG_INTERVENTION,
    RDG_PART_OF,
    T_LABEL,
    T_SUBJECT,
    T_TYPE,
    Triple,
    node_id,
)


def _entities(gi: GraphIndex, triples: list[Triple], lang: str) -> tuple[dict, dict]:
    """Entity of each entry node (a deal, an intervention, or the node itself) and entity kinds/labels."""
    types = types_of(triples)
    ent_kind: dict = {}
    for n, ts in types.items():
        if RDG_DEAL in ts:
            ent_kind[n] = "deal"
        elif RDG_INTERVENTION in ts:
            ent_kind[n] = "intervention"
    links = (RDG_FUNDING_OF, RDG_ATTRIBUTED_TO, T_SUBJECT, RDG_PART_OF, RDG_DEAL_PROP)
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
            if gi.any(o, T_TYPE, RDG_DEAL):
                ent_kind.setdefault(o, "deal")
            elif gi.any(o, T_TYPE, RDG_INTERVENTION):
                ent_kind.setdefault(o, "intervention")
    labels: dict[str, tuple[str, str | None]] = {}
    for n in set(owner.values()) | {s for s, _p, _o in triples}:
        lab = None
        for s, p, o in triples:
            if s == n and p == T_LABEL and isinstance(o, ox.Literal) and o.language == lang:
                lab = o.value
        if lab is None and isinstance(n, ox.NamedNode):
            lab = gi.label(n, lang)
        labels[node_id(n)] = (ent_kind.get(n, "other"), lab)
    return {node_id(k): node_id(v) for k, v in owner.items()}, labels



def check_entries(kg, entries: list[Entry], lang: str = "nl") -> EntryReport:
    """Validate parsed entries against the shapes and rdgraph's checks, in the context of ``kg``."""
    t0 = time.perf_counter()
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
        own.extend(own_checks(gi, e, lang))
    t1 = time.perf_counter()
    shape = [from_shape_result(f, all_triples, lang, src_of.get(f.focus, "")) for f in
             shape_findings(gi, kg.root, all_triples, lang)] if all_triples else []
    t2 = time.perf_counter()
    # an rdgraph datatype/language finding says the same as a shape result on the same value: keep one
    covered = {(f.focus, f.path, f.value) for f in shape}
    own = [f for f in own if not (f.kind in ("datatype", "language-tag") and (f.focus, f.path, f.value) in covered)]
    # a shape result about a reference the graph does not hold gets the suggestions too
    refs = {(f.focus, f.path, f.value): f for f in own if f.kind == "unknown-reference"}
    for f in shape:
        r = refs.get((f.focus, f.path, f.value))
        if r is not None:
            f.hint, f.suggestions = r.hint, list(r.suggestions)
    findings = own + shape
    for f in findings:
        f.entity = owner.get(f.focus) or owner.get(_value_iri(f.value)) or f.focus
        if f.focus_label is None:
            f.focus_label = labels.get(f.focus, ("other", None))[1]
    report.findings = [*report.findings, *_dedupe(findings)]
    report.entities = {k: v for k, v in labels.items() if k in set(owner.values()) | set(owner)}
    for f in report.findings:
        ent = getattr(f, "entity", None) or f.focus
        report.entities.setdefault(ent, labels.get(ent, ("other", None)))
    report.timings = {"own_checks": t1 - t0, "shapes": t2 - t1, "total": time.perf_counter() - t0}
    return report


def _value_iri(value: str | None) -> str:
    """The IRI behind a short value as rendered in a finding ('bedrag:x' -> full IRI)."""
    if not value:
        return ""
    if ":" in value and not value.startswith(("<", '"', "http")):
        pfx, _, local = value.partition(":")
        if pfx in PREFIXES:
            return PREFIXES[pfx] + local
    return value.strip("<>")


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
