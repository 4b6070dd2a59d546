"""Where the artefacts (ontology, data, shapes, queries) are: a checkout or the installed wheel.

Each place has a ``*_str`` form (plain strings, :mod:`os.path`) for the warm start of ``rdgraph query``, which
does not import :mod:`pathlib`; the :class:`~pathlib.Path` forms are the same places.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # pathlib is imported where a Path is made, not by this module
if TYPE_CHECKING:
    from pathlib import Path

ARTEFACTS = ("ontology", "data", "shapes", "queries")
RDF_SUFFIXES = frozenset({".ttl", ".nt", ".jsonld", ".trig", ".nq", ".rdf"})


def project_root_str() -> str:
    """The folder that holds ontology/, data/, shapes/ and queries/.

    ``RDGRAPH_HOME`` wins; then a source checkout (``src/rdgraph`` two levels below the root);
    then the copy packaged into the wheel (``rdgraph/_artefacts``).
    """
    env = os.environ.get("RDGRAPH_HOME")
    if env:
        return os.path.realpath(env)
    here = os.path.dirname(os.path.realpath(__file__))
    checkout = os.path.dirname(os.path.dirname(here))
    if os.path.isdir(os.path.join(checkout, "ontology")) and os.path.isdir(os.path.join(checkout, "data")):
        return checkout
    return os.path.join(here, "_artefacts")


def project_root() -> Path:
    """:func:`project_root_str` as a Path."""
    from pathlib import Path

    return Path(project_root_str())


def artefact_dir(name: str, root: Path | None = None) -> Path:
    if name not in ARTEFACTS:
        raise ValueError(f"unknown artefact folder {name!r}")
    return (root or project_root()) / name


def turtle_file_names(folder: str) -> list[str]:
    """All RDF files below a folder, in a stable order (that of :func:`turtle_files`), as strings."""
    found = []
    for dirpath, _dirs, names in os.walk(folder):
        for n in names:
            if os.path.splitext(n)[1] in RDF_SUFFIXES:
                p = os.path.join(dirpath, n)
                if os.path.isfile(p):
                    found.append(p)
    return sorted(found, key=lambda p: p.split(os.sep))  # by path components, as Paths sort


def turtle_files(folder: Path) -> list[Path]:
    """All RDF files below a folder, in a stable order."""
    from pathlib import Path

    return [Path(p) for p in turtle_file_names(str(folder))]


def shape_files(root: Path | None = None) -> list[Path]:
    """The project's own shapes files; ``shapes/external/`` (DCAT-AP, for release descriptions) is not among them."""
    folder = artefact_dir("shapes", root)
    return [p for p in turtle_files(folder) if "external" not in p.relative_to(folder).parts[:-1]]


def cache_dir_str() -> str:
    env = os.environ.get("RDGRAPH_CACHE")
    if env:
        return env
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "rdgraph")


def cache_dir() -> Path:
    from pathlib import Path

    return Path(cache_dir_str())
