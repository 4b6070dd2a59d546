"""A release folder checked against its SHA256SUMS and pushed into a remote store (its own named graph)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..errors import RdgraphError
from ..namespaces import BASE
from .manifest import sha256_hex
from .version import ReleaseRefused, Version


def release_graph_iri(version: Version | str) -> str:
    return f"{BASE}graph/release/{version}"


def release_folder(version: Version | str, out_root: Path | None = None, root: Path | None = None) -> Path:
    from ..paths import project_root

    return (out_root or (root or project_root()) / "build" / "releases") / str(Version.parse(str(version)))


def verify_folder(folder: Path) -> dict[str, str]:
    """The files of a release folder checked against its SHA256SUMS; raises on a missing or changed file."""
    sums = folder / "SHA256SUMS"
    if not sums.is_file():
        raise ReleaseRefused(f"{folder} is not a release folder (no SHA256SUMS)",
                             "make it with: rdgraph release VERSION")
    out = {}
    for line in sums.read_text(encoding="utf-8").splitlines():
        digest, name = line.split(None, 1)
        name = name.strip().lstrip("*")
        path = folder / name
        if not path.is_file() or sha256_hex(path.read_bytes()) != digest:
            raise ReleaseRefused(f"{path} is missing or differs from its SHA256SUMS entry",
                                 "make the release folder again with: rdgraph release VERSION")
        out[name] = digest
    return out


def release_payload(folder: Path, inferred: bool = True) -> bytes:
    """The release's triples (with its DCAT description) as N-Triples, for a Graph Store upload."""
    verify_folder(folder)
    data = (folder / ("rdgraph-inferred.nt" if inferred else "rdgraph.nt")).read_bytes()
    desc = ox.serialize(ox.parse((folder / "dataset.ttl").read_bytes(), format=ox.RdfFormat.TURTLE),
                        format=ox.RdfFormat.N_TRIPLES)
    return data + desc


def push_release(endpoint, folder: Path, version: str, graph_iri: str | None = None, *, inferred: bool = True):
    """Upload a release folder into its own named graph (default ``…/graph/release/VERSION``)."""
    import time

    from ..endpoint import PushReport

    graph_iri = graph_iri or release_graph_iri(version)
    payload = release_payload(folder, inferred)
    t0 = time.perf_counter()
    base, status = endpoint.put_graph(graph_iri, payload, "text/turtle")
    seconds = time.perf_counter() - t0
    try:
        remote = endpoint.count_graph(graph_iri)
    except RdgraphError:
        remote = None
    triples = len(set(ox.parse(payload, format=ox.RdfFormat.N_TRIPLES)))  # the description repeats a few
    return PushReport(graph_iri, base, triples, len(payload), seconds, status, remote)
