"""The changelog in words between two states of the graph, per kind of thing, in Dutch or English.

Built from a :class:`rdgraph.diff.TripleDiff`: deals added and removed, amounts (``rdg:FundingAmount``)
added, removed and changed with the source of each figure, labels and alternative labels, relations
between things present in both states, other values changed, sources added and removed, conflicts
between sources opened, resolved or changed (the named query ``claims-in-conflict`` run on each
state), IRIs removed or deprecated. Rendered as text, Markdown or JSON; :attr:`Changelog.level` is the
semantic-versioning level the change asks for (docs/releases.md):

- ``major``: an IRI of the old state is gone, or newly deprecated (renamed or withdrawn);
- ``minor``: things added (new IRIs, new facts) and nothing removed;
- ``patch``: corrections only (values changed or facts removed about things that stay);
- ``none``: the same triples.

The DCAT/VoID description that exports carry (``https://w3id.org/rdgraph/dataset…``) is metadata, not
data: it is in the triple patch but not in the changelog.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox

from ..namespaces import BASE, DCTERMS, DEF, ID, OWL, PROV, RDF, RDFS, XSD, short, shorten
from ..namespaces import SKOS as _SKOS
from .diff import State, TripleDiff

RDF_TYPE = RDF.type.value
RDFS_LABEL = RDFS.label.value
RDFS_SEEALSO = RDFS.seeAlso.value
SKOS = str(_SKOS)
PROV_DERIVED = PROV.wasDerivedFrom.value
DCT = str(DCTERMS)
OWL_DEPRECATED = OWL.deprecated.value
LABEL_PROPS = (RDFS_LABEL, SKOS + "prefLabel")
ALT_LABEL = SKOS + "altLabel"
SOURCE_CLASSES = {DEF + c for c in ("WebSource", "Report", "ReportSection", "Document", "EvaluationDocument")}
LEVELS = ("none", "patch", "minor", "major")
META = BASE + "dataset"


def _is_meta(iri: str) -> bool:
    return iri == META or iri.startswith(META + "/") or iri.startswith(BASE + "graph/")


def own_iri(t) -> bool:
    """An IRI the project mints (things and terms), not the export's dataset description."""
    return isinstance(t, ox.NamedNode) and t.value.startswith(BASE) and not _is_meta(t.value)


class _Index:
    """Subject -> predicate -> objects of one state, and the lookups the changelog needs."""

    def __init__(self, state: State) -> None:
        self.by_s: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for s, p, o in state.triples:
            if isinstance(s, ox.NamedNode):
                self.by_s[s.value][p.value].append(o)
        self.subjects = set(self.by_s)

    def objs(self, s: str, p: str) -> list:
        return self.by_s.get(s, {}).get(p, [])

    def types(self, s: str) -> set[str]:
        return {o.value for o in self.objs(s, RDF_TYPE) if isinstance(o, ox.NamedNode)}

    def label(self, s: str, lang: str) -> str | None:
        for p in (SKOS + "prefLabel", RDFS_LABEL):
            vals = sorted(o.value for o in self.objs(s, p) if isinstance(o, ox.Literal) and o.language == lang)
            if vals:
                return vals[0]
        return None

    def url(self, s: str) -> str | None:
        for p in (RDFS_SEEALSO, DCT + "identifier"):
            vals = sorted(o.value for o in self.objs(s, p))
            if vals:
                return vals[0]
        return None

    def of_class(self, classes: set[str]) -> set[str]:
        return {s for s in self.subjects if self.types(s) & classes}


@dataclass
class Changelog:
    old: str
    new: str
    level: str
    triples_added: int
    triples_removed: int
    deals_added: list[dict] = field(default_factory=list)
    deals_removed: list[dict] = field(default_factory=list)
    amounts_added: list[dict] = field(default_factory=list)
    amounts_removed: list[dict] = field(default_factory=list)
    amounts_changed: list[dict] = field(default_factory=list)
    labels_changed: list[dict] = field(default_factory=list)
    alt_labels_added: list[dict] = field(default_factory=list)
    alt_labels_removed: list[dict] = field(default_factory=list)
    relations_added: list[dict] = field(default_factory=list)
    relations_removed: list[dict] = field(default_factory=list)
    values_changed: list[dict] = field(default_factory=list)
    values_added: list[dict] = field(default_factory=list)
    values_removed: list[dict] = field(default_factory=list)
    sources_added: list[dict] = field(default_factory=list)
    sources_removed: list[dict] = field(default_factory=list)
    conflicts_opened: list[dict] = field(default_factory=list)
    conflicts_resolved: list[dict] = field(default_factory=list)
    conflicts_changed: list[dict] = field(default_factory=list)
    iris_added: int = 0
    iris_removed: list[dict] = field(default_factory=list)
    iris_deprecated: list[dict] = field(default_factory=list)
    possible_renames: list[dict] = field(default_factory=list)
    things_added_by_class: dict[str, int] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    def render(self, fmt: str = "text", lang: str = "nl", limit: int = 20) -> str:
        if fmt == "json":
            return self.to_json()
        from .changelog_text import render

        return render(self, fmt, lang, limit)


# ---------------------------------------------------------------- building

def _thing(ix_new: _Index, ix_old: _Index, iri: str) -> dict:
    ix = ix_new if iri in ix_new.subjects else ix_old
    return {"iri": iri, "label_nl": ix.label(iri, "nl"), "label_en": ix.label(iri, "en")}


def _amounts(ix: _Index) -> dict[tuple, list[dict]]:
    """Funding amounts grouped by (what they fund, kind, tranches covered); each with value and source."""
    out: dict[tuple, list[dict]] = defaultdict(list)
    for a in ix.of_class({DEF + "FundingAmount"}):
        of = [o.value for o in ix.objs(a, DEF + "fundingOf")]
        kind = [o.value for o in ix.objs(a, DEF + "fundingKind")]
        vals = [o.value for o in ix.objs(a, DEF + "amountEUR")]
        covers = tuple(sorted(o.value for o in ix.objs(a, DEF + "coversTranche")))
        srcs = sorted(o.value for o in ix.objs(a, PROV_DERIVED))
        for f in of or [""]:
            for v in vals or [""]:
                out[(f, kind[0] if kind else "", covers)].append(
                    {"amount": a, "value": v, "sources": srcs,
                     "source_urls": sorted(u for u in (ix.url(s) for s in srcs) if u)})
    for k in out:
        out[k].sort(key=lambda c: (_num(c["value"]), c["sources"], c["amount"]))
    return out


def _num(v: str) -> Decimal:
    try:
        return Decimal(v)
    except (InvalidOperation, ValueError):
        return Decimal(0)


def _conflicts(state: State, query_text: str | None) -> dict[tuple, list[dict]] | None:
    if not query_text:
        return None
    store = ox.Store()
    store.extend(ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in state.triples)
    out: dict[tuple, list[dict]] = defaultdict(list)
    for row in store.query(query_text):
        subj, about = row["subject"], row["about"]
        if subj is None or about is None:
            continue
        val, url = row["value"], row["source_url"]
        out[(subj.value, about.value)].append({"value": val.value if val is not None else None,
                                               "source_url": url.value if url is not None else None})
    for k in out:
        out[k] = sorted({json.dumps(c, sort_keys=True): c for c in out[k]}.values(),
                        key=lambda c: (_num(c["value"] or ""), c["value"] or "", c["source_url"] or ""))
    return out


def conflict_query(root: Path | None = None) -> str | None:
    """The text of the named query claims-in-conflict (None if this checkout has no such query)."""
    from ..paths import artefact_dir

    path = artefact_dir("queries", root) / "claims-in-conflict.rq"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _deals(cl: Changelog, d: TripleDiff, old: _Index, new: _Index) -> None:
    """Deals added and removed, with their tranches."""
    deal = {DEF + "RegioDeal"}
    for iri in sorted(new.of_class(deal) - old.of_class(deal)):
        t = _thing(new, old, iri)
        t["tranche"] = sorted(shorten(o.value) for o in new.objs(iri, DEF + "tranche"))
        cl.deals_added.append(t)
    for iri in sorted(old.of_class(deal) - new.of_class(deal)):
        t = _thing(new, old, iri)
        t["tranche"] = sorted(shorten(o.value) for o in old.objs(iri, DEF + "tranche"))
        cl.deals_removed.append(t)
    for rows in (cl.deals_added, cl.deals_removed):
        rows.sort(key=lambda t: (t["tranche"], (t["label_nl"] or t["iri"]).casefold()))


def _amount_changes(cl: Changelog, d: TripleDiff, old: _Index, new: _Index) -> None:
    """Amounts, keyed by what they fund, the kind and the tranches they cover."""
    a_old, a_new = _amounts(old), _amounts(new)

    def amount_row(key, o, n) -> dict:
        f, kind, covers = key
        return {"funding_of": f, "funding_of_label_nl": (new if f in new.subjects else old).label(f, "nl"),
                "funding_of_label_en": (new if f in new.subjects else old).label(f, "en"),
                "kind": kind, "kind_label_nl": (new if kind in new.subjects else old).label(kind, "nl"),
                "kind_label_en": (new if kind in new.subjects else old).label(kind, "en"),
                "covers": list(covers), "old": o, "new": n,
                "for_new_thing": f not in old.subjects}

    for key in sorted(set(a_old) | set(a_new)):
        o, n = a_old.get(key, []), a_new.get(key, [])
        strip = lambda cs: [(c["value"], c["sources"]) for c in cs]  # noqa: E731
        if strip(o) == strip(n):
            continue
        row = amount_row(key, o, n)
        if not o:
            cl.amounts_added.append(row)
        elif not n:
            cl.amounts_removed.append(row)
        else:
            cl.amounts_changed.append(row)


def _label_changes(cl: Changelog, d: TripleDiff, old: _Index, new: _Index) -> None:
    """Labels of things present in both states."""
    both = old.subjects & new.subjects
    for iri in sorted(both):
        if _is_meta(iri):
            continue
        for p in LABEL_PROPS:
            for lang in sorted({o.language for o in old.objs(iri, p) + new.objs(iri, p)
                                if isinstance(o, ox.Literal) and o.language}):
                ov = sorted(o.value for o in old.objs(iri, p) if isinstance(o, ox.Literal) and o.language == lang)
                nv = sorted(o.value for o in new.objs(iri, p) if isinstance(o, ox.Literal) and o.language == lang)
                if ov != nv:
                    cl.labels_changed.append({"iri": iri, "property": shorten_term(p), "lang": lang,
                                              "old": ov, "new": nv})
        oa = {(o.value, o.language) for o in old.objs(iri, ALT_LABEL) if isinstance(o, ox.Literal)}
        na = {(o.value, o.language) for o in new.objs(iri, ALT_LABEL) if isinstance(o, ox.Literal)}
        for v, lang in sorted(na - oa, key=lambda x: (x[0], x[1] or "")):
            cl.alt_labels_added.append({"iri": iri, "label_nl": new.label(iri, "nl"), "value": v, "lang": lang})
        for v, lang in sorted(oa - na, key=lambda x: (x[0], x[1] or "")):
            cl.alt_labels_removed.append({"iri": iri, "label_nl": new.label(iri, "nl"), "value": v, "lang": lang})


def _relations_and_values(cl: Changelog, d: TripleDiff, old: _Index, new: _Index) -> None:
    """Relations between things in both states, and other values changed."""
    both = old.subjects & new.subjects
    skip = {RDFS_LABEL, SKOS + "prefLabel", ALT_LABEL}
    rel = lambda t: isinstance(t[0], ox.NamedNode) and isinstance(t[2], ox.NamedNode)  # noqa: E731
    for ts, target in ((d.added, cl.relations_added), (d.removed, cl.relations_removed)):
        for s, p, o in ts:
            if rel((s, p, o)) and s.value in both and not _is_meta(s.value) and p.value not in skip:
                target.append({"subject": s.value, "subject_label_nl": new.label(s.value, "nl") or
                               old.label(s.value, "nl"), "predicate": shorten_term(p.value), "object": o.value,
                               "object_label_nl": new.label(o.value, "nl") or old.label(o.value, "nl")})
    amount_nodes = old.of_class({DEF + "FundingAmount"}) | new.of_class({DEF + "FundingAmount"})
    changed_sp: dict[tuple[str, str], tuple[list, list]] = defaultdict(lambda: ([], []))
    for i, ts in enumerate((d.removed, d.added)):
        for s, p, o in ts:
            if (isinstance(s, ox.NamedNode) and isinstance(o, ox.Literal) and s.value in both
                    and not _is_meta(s.value) and p.value not in skip and s.value not in amount_nodes):
                changed_sp[(s.value, p.value)][i].append(o.value)
    for (s, p), (ov, nv) in sorted(changed_sp.items()):
        row = {"subject": s, "subject_label_nl": new.label(s, "nl"), "property": shorten_term(p),
               "old": sorted(ov), "new": sorted(nv)}
        (cl.values_changed if ov and nv else cl.values_added if nv else cl.values_removed).append(row)


def _source_changes(cl: Changelog, d: TripleDiff, old: _Index, new: _Index) -> None:
    """Sources added and removed."""
    def sources(ix: _Index) -> set[str]:
        return {s for s in ix.subjects if s.startswith(ID + "bron/")} | ix.of_class(SOURCE_CLASSES)

    for iri in sorted(sources(new) - sources(old)):
        cl.sources_added.append({**_thing(new, old, iri), "url": new.url(iri)})
    for iri in sorted(sources(old) - sources(new)):
        cl.sources_removed.append({**_thing(new, old, iri), "url": old.url(iri)})


def _conflict_changes(cl: Changelog, d: TripleDiff, old: _Index, new: _Index, root: Path | None) -> None:
    """Conflicts between sources opened, resolved or changed (the named query claims-in-conflict on each state)."""
    q = conflict_query(root)
    c_old, c_new = _conflicts(d.old, q), _conflicts(d.new, q)
    if c_old is not None and c_new is not None:
        def crow(key, o, n):
            s, about = key
            return {"subject": s, "subject_label_nl": new.label(s, "nl") or old.label(s, "nl"),
                    "subject_label_en": new.label(s, "en") or old.label(s, "en"),
                    "about": shorten_term(about), "about_label_nl": new.label(about, "nl") or old.label(about, "nl"),
                    "about_label_en": new.label(about, "en") or old.label(about, "en"), "old": o, "new": n}
        for key in sorted(set(c_old) | set(c_new)):
            o, n = c_old.get(key, []), c_new.get(key, [])
            if not o:
                cl.conflicts_opened.append(crow(key, o, n))
            elif not n:
                cl.conflicts_resolved.append(crow(key, o, n))
            elif o != n:
                cl.conflicts_changed.append(crow(key, o, n))


def _iri_changes(cl: Changelog, d: TripleDiff, old: _Index, new: _Index) -> None:
    """IRIs: added, removed, deprecated; removed + added with the same type and label look like a rename."""
    own_old = {s for s in old.subjects if own_iri(ox.NamedNode(s))}
    own_new = {s for s in new.subjects if own_iri(ox.NamedNode(s))}
    added_iris = own_new - own_old
    cl.iris_added = len(added_iris)
    by_class: Counter = Counter()
    for iri in added_iris:
        for c in new.types(iri) or {"-"}:
            by_class[shorten_term(c)] += 1
    cl.things_added_by_class = dict(sorted(by_class.items(), key=lambda kv: (-kv[1], kv[0])))
    for iri in sorted(own_old - own_new):
        cl.iris_removed.append(_thing(new, old, iri))
    true_lit = ox.Literal("true", datatype=XSD.boolean)
    for iri in sorted(own_new):
        if true_lit in new.objs(iri, OWL_DEPRECATED) and true_lit not in old.objs(iri, OWL_DEPRECATED):
            cl.iris_deprecated.append({**_thing(new, old, iri), "replaced_by": sorted(o.value for o in
                                                                        new.objs(iri, DCT + "isReplacedBy"))})
    sig_new: dict[tuple, list[str]] = defaultdict(list)
    for iri in added_iris:
        sig_new[(tuple(sorted(new.types(iri))), new.label(iri, "nl"))].append(iri)
    for r in cl.iris_removed:
        cands = sig_new.get((tuple(sorted(old.types(r["iri"]))), old.label(r["iri"], "nl")), [])
        if r["label_nl"] and len(cands) == 1:
            cl.possible_renames.append({"old": r["iri"], "new": cands[0], "label_nl": r["label_nl"]})


def build_changelog(d: TripleDiff, *, root: Path | None = None) -> Changelog:
    old, new = _Index(d.old), _Index(d.new)
    cl = Changelog(old=d.old.label, new=d.new.label, level="none",
                   triples_added=len(d.added), triples_removed=len(d.removed))
    _deals(cl, d, old, new)
    _amount_changes(cl, d, old, new)
    _label_changes(cl, d, old, new)
    _relations_and_values(cl, d, old, new)
    _source_changes(cl, d, old, new)
    _conflict_changes(cl, d, old, new, root)
    _iri_changes(cl, d, old, new)
    cl.level, cl.reasons = _level(d, cl, old)
    return cl


def _level(d: TripleDiff, cl: Changelog, old: _Index) -> tuple[str, list[str]]:
    if d.unchanged:
        return "none", []
    reasons: list[str] = []
    if cl.iris_removed:
        reasons.append(f"iris_removed:{len(cl.iris_removed)}")
    if cl.iris_deprecated:
        reasons.append(f"iris_deprecated:{len(cl.iris_deprecated)}")
    if reasons:
        return "major", reasons
    new_facts = 0
    for s, p, _o in d.added:
        if isinstance(s, ox.NamedNode) and not _is_meta(s.value) and not old.objs(s.value, p.value):
            new_facts += 1
    n_bnodes = lambda ts: len({t.value for s, _p, o in ts for t in (s, o) if isinstance(t, ox.BlankNode)})  # noqa: E731
    more_bnodes = n_bnodes(d.added) > n_bnodes(d.removed)
    if cl.iris_added:
        reasons.append(f"iris_added:{cl.iris_added}")
    if new_facts:
        reasons.append(f"facts_added:{new_facts}")
    if more_bnodes:
        reasons.append("statements_added")
    if reasons:
        return "minor", reasons
    return "patch", [f"triples_changed:{len(d.added) + len(d.removed)}"]


def shorten_term(iri: str) -> str:
    if iri.startswith((ID, DEF)):
        return shorten(iri)
    s = short(iri)
    return iri if s.startswith("<") else s


__all__ = ["Changelog", "build_changelog", "LEVELS", "own_iri"]
