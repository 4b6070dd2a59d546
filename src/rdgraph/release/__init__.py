"""Versioned data releases: the release folder, its DCAT description, the committed manifest, semver.

``make_release(kg, "1.1.0")`` writes the *release folder* (build output, default
``build/releases/VERSION/``): every export format with and without the inferred triples, the changelog
since the previous release (nl and en Markdown, JSON) and its RDF patch, the list of the release's IRIs,
``SHA256SUMS`` and ``dataset.ttl``, a DCAT-AP description of the release (``dcat:version``,
``dcterms:issued``, ``dcat:previousVersion`` and ``prov:wasRevisionOf``, licence, one distribution per
file with ``dcat:byteSize`` and ``spdx:checksum``) that passes the DCAT-AP 3.0 and DCAT-AP-NL 3.0 shapes
shipped in ``shapes/external/``.

The small files (everything but the exports and the patch) are also written to the *manifest*
``releases/VERSION/`` of the project, which is committed: the release history, the IRIs the stable-IRI
check guards (:mod:`rdgraph.release.stable`), the commit and the SHA-256 of the released state, from which the
next release's changelog starts.

Versions follow semantic versioning of the data (docs/releases.md): an IRI removed or deprecated is a
major change, things added a minor one, corrections a patch. ``make_release`` computes the level from
the difference with the previous release and refuses a version number that is not the next one at
that level.
"""

from .dcat import dataset_iri, dcat_description, release_url, validate_description
from .make import Release, make_release
from .manifest import manifest_root, read_manifest, release_history, released_iris, released_versions
from .push import push_release, release_folder, release_graph_iri, verify_folder
from .states import state_for, state_of_graph
from .version import ReleaseRefused, Version, check_version

__all__ = ["Version", "check_version", "make_release", "Release", "ReleaseRefused", "release_history",
           "released_versions", "read_manifest", "released_iris", "dcat_description", "validate_description",
           "manifest_root", "dataset_iri", "release_url", "state_for", "state_of_graph", "push_release",
           "release_folder", "release_graph_iri", "verify_folder"]
