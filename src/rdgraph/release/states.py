"""The states a release is compared with: the current graph, and the state of an earlier release."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..errors import RdgraphError
from ..namespaces import BASE, GRAPH_ASSERTED
from .dcat import SERIES
from .manifest import manifest_root, read_manifest
from .version import SEMVER, ReleaseRefused

if TYPE_CHECKING:
    from ..store import KnowledgeGraph
    from .diff import State


def state_of_graph(kg: KnowledgeGraph, label: str) -> State:
    from .diff import State, canonicalise

    return State(label, canonicalise(kg.triples(ox.NamedNode(GRAPH_ASSERTED))), kind="graph")


def _is_description(s) -> bool:
    return isinstance(s, ox.NamedNode) and (s.value == SERIES or s.value.startswith(SERIES + "/")
                                            or s.value == BASE + "project")


def previous_state(manifests: Path, prev: dict, root: Path, spec: str | None, out_root: Path | None) -> State:
    """The state of the previous release: ``spec`` if given, else its commit, else its folder's N-Triples."""
    from .diff import State, load_state

    tried = []
    candidates = [spec] if spec else []
    if not spec:
        if prev.get("commit"):
            candidates.append(prev["commit"])
        if out_root is not None and (out_root / prev["version"] / "rdgraph.nt").is_file():
            candidates.append(str(out_root / prev["version"] / "rdgraph.nt"))
    for c in candidates:
        try:
            st = load_state(c, root)
        except RdgraphError as e:
            tried.append(f"{c}: {e.message}")
            continue
        st = State(prev["version"], {t for t in st.triples if not _is_description(t[0])}, kind=st.kind,
                   revision=st.revision)
        if spec or st.digest() == prev.get("state_sha256"):
            return st
        tried.append(f"{c}: not the released state (SHA-256 differs)")
    raise ReleaseRefused(f"cannot find the state of release {prev['version']}" + (": " + "; ".join(tried) if tried
                                                                                   else ""),
                         "give it with --previous-state (a git revision, a folder or the release's rdgraph.nt)")


def state_for(spec: str, root: Path) -> State:
    """A state named by a released version (``1.0.0``: its recorded commit or folder), else as :func:`load_state`."""
    from .diff import load_state

    manifests = manifest_root(root)
    if SEMVER.fullmatch(spec) and (manifests / spec / "release.json").is_file() and not Path(spec).exists():
        return previous_state(manifests, read_manifest(manifests, spec), root, None, root / "build" / "releases")
    return load_state(spec, root)
