"""Stable IRIs: no IRI of the latest release disappears without saying where it went.

The committed manifest ``releases/VERSION/iris.txt`` lists the IRIs of a release (the subjects of its
asserted graph in ``https://w3id.org/rdgraph/``). In the current graph each of them must still be a
subject, and one that is no longer described must be kept as a *tombstone*:

    <old> owl:deprecated true ; dcterms:isReplacedBy <new> .                 # renamed: 301 to <new>
    <old> owl:deprecated true ; skos:historyNote "why it was withdrawn"@en .  # withdrawn: 410

:func:`stable_iri_findings` reports every IRI that breaks this as a validation violation
(``rdgraph validate`` and the tests run it); :func:`iri_status` tells the server whether an IRI is
current, replaced (and by what, following a chain of replacements) or withdrawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..namespaces import DCTERMS, GRAPH_ASSERTED, OWL, SKOS, XSD

OWL_DEPRECATED = OWL.deprecated
REPLACED_BY = DCTERMS.isReplacedBy
HISTORY_NOTE = SKOS.historyNote
TRUE = ox.Literal("true", datatype=XSD.boolean)
ASSERTED = ox.NamedNode(GRAPH_ASSERTED)



def _m(key: str, lang: str, **kw) -> str:
    from ..messages import msg

    return msg("stable." + key, lang, **kw)


def latest_release(root: Path | None = None):
    """(version, manifest folder) of the newest committed release, or None."""
    from .manifest import manifest_root, released_versions

    folder = manifest_root(root)
    versions = released_versions(folder)
    return (versions[-1], folder) if versions else None


def _subjects(store: ox.Store, graph: ox.NamedNode | None) -> set[str]:
    out = set()
    for q in store.quads_for_pattern(None, None, None, graph):
        if isinstance(q.subject, ox.NamedNode):
            out.add(q.subject.value)
    return out


def stable_iri_findings(store: ox.Store, root: Path | None = None, lang: str = "nl",
                        graph: ox.NamedNode | None = ASSERTED, iris: list[str] | None = None,
                        version: str | None = None) -> list:
    """Violations for IRIs of the latest release that disappeared or were deprecated without a successor."""
    from ..validate import Finding
    from .manifest import released_iris

    if iris is None:
        latest = latest_release(root)
        if latest is None:
            return []
        v, folder = latest
        iris, version = released_iris(folder, v), str(v)
    subjects = _subjects(store, graph)
    out: list[Finding] = []
    for iri in iris:
        node = ox.NamedNode(iri)
        if iri not in subjects:
            out.append(Finding("Violation", iri, _m("gone", lang, v=version), constraint="StableIRI",
                               hint=_m("gone.hint", lang, iri=iri)))
            continue
        deprecated = any(q.object == TRUE for q in store.quads_for_pattern(node, OWL_DEPRECATED, None, graph))
        succ = [q.object for q in store.quads_for_pattern(node, REPLACED_BY, None, graph)]
        notes = list(store.quads_for_pattern(node, HISTORY_NOTE, None, graph))
        if succ and not deprecated:
            out.append(Finding("Violation", iri, _m("undeprecated", lang), path=REPLACED_BY.value,
                               constraint="StableIRI"))
        if deprecated and not succ and not notes:
            out.append(Finding("Violation", iri, _m("bare", lang, v=version), path=OWL_DEPRECATED.value,
                               constraint="StableIRI"))
        for s in succ:
            if not isinstance(s, ox.NamedNode) or s.value not in subjects:
                out.append(Finding("Violation", iri, _m("dangling", lang, new=getattr(s, "value", s)),
                                   path=REPLACED_BY.value, value=getattr(s, "value", str(s)),
                                   constraint="StableIRI"))
    return out


@dataclass
class IriStatus:
    status: str            # current | replaced | withdrawn | unknown
    successor: str | None = None
    note: str | None = None


def iri_status(store: ox.Store, iri: str, graph: ox.NamedNode | None = ASSERTED, lang: str = "nl") -> IriStatus:
    """Whether ``iri`` is current, replaced (by the end of its chain of replacements) or withdrawn."""
    try:
        node = ox.NamedNode(iri)
    except ValueError:  # not an IRI at all (e.g. a hostile path): nothing is known about it
        return IriStatus("unknown")
    seen = {iri}
    deprecated = any(q.object == TRUE for q in store.quads_for_pattern(node, OWL_DEPRECATED, None, graph))
    if not deprecated:
        described = next(iter(store.quads_for_pattern(node, None, None, graph)), None) is not None
        return IriStatus("current" if described else "unknown")
    current = node
    while True:
        succ = sorted(q.object.value for q in store.quads_for_pattern(current, REPLACED_BY, None, graph)
                      if isinstance(q.object, ox.NamedNode))
        if not succ:
            break
        nxt = ox.NamedNode(succ[0])
        if nxt.value in seen or len(seen) > 20:
            break
        seen.add(nxt.value)
        current = nxt
        if not any(q.object == TRUE for q in store.quads_for_pattern(current, OWL_DEPRECATED, None, graph)):
            return IriStatus("replaced", current.value)
    notes = [q.object for q in store.quads_for_pattern(node, HISTORY_NOTE, None, graph)
             if isinstance(q.object, ox.Literal)]
    note = next((n.value for n in notes if n.language == lang), notes[0].value if notes else None)
    return IriStatus("withdrawn", None, note)


__all__ = ["stable_iri_findings", "iri_status", "IriStatus", "latest_release"]
