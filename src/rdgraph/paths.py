"""Where the artefacts (ontology, data, shapes, queries) are: a checkout or the installed wheel."""

from __future__ import annotations

import os
from pathlib import Path

ARTEFACTS = ("ontology", "data", "shapes", "queries")


def project_root() -> Path:
    """The folder that holds ontology/, data/, shapes/ and queries/.

    ``RDGRAPH_HOME`` wins; then a source checkout (``src/rdgraph`` two levels below the root);
    then the copy packaged into the wheel (``rdgraph/_artefacts``).
    """
    env = os.environ.get("RDGRAPH_HOME")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve().parent
    checkout = here.parent.parent
    if (checkout / "ontology").is_dir() and (checkout / "data").is_dir():
        return checkout
    return here / "_artefacts"


def artefact_dir(name: str, root: Path | None = None) -> Path:
    if name not in ARTEFACTS:
        raise ValueError(f"unknown artefact folder {name!r}")
    return (root or project_root()) / name


def turtle_files(folder: Path) -> list[Path]:
    """All RDF files below a folder, in a stable order."""
    exts = {".ttl", ".nt", ".jsonld", ".trig", ".nq", ".rdf"}
    return sorted(p for p in folder.rglob("*") if p.suffix in exts and p.is_file())


def shape_files(root: Path | None = None) -> list[Path]:
    """The project's own shapes files; ``shapes/external/`` (DCAT-AP, for release descriptions) is not among them."""
    folder = artefact_dir("shapes", root)
    return [p for p in turtle_files(folder) if "external" not in p.relative_to(folder).parts[:-1]]


def cache_dir() -> Path:
    env = os.environ.get("RDGRAPH_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rdgraph"
