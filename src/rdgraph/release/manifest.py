"""The committed manifest ``releases/VERSION/`` of each release: the release history, the released IRIs."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..errors import RdgraphError
from .version import SEMVER, Version

MANIFEST_FILES = ("release.json", "dataset.ttl", "iris.txt", "CHANGELOG.nl.md", "CHANGELOG.en.md",
                  "changelog.json", "SHA256SUMS")


def manifest_root(root: Path | None = None) -> Path:
    from ..paths import project_root

    return (root or project_root()) / "releases"


def released_versions(manifests: Path) -> list[Version]:
    out = []
    if manifests.is_dir():
        for d in manifests.iterdir():
            if (d / "release.json").is_file() and SEMVER.fullmatch(d.name):
                out.append(Version.parse(d.name))
    return sorted(out)


def read_manifest(manifests: Path, version: Version | str) -> dict:
    path = manifests / str(version) / "release.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise RdgraphError(f"cannot read the release manifest {path}: {e}") from None


def released_iris(manifests: Path, version: Version | str) -> list[str]:
    path = manifests / str(version) / "iris.txt"
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def release_history(manifests: Path) -> list[dict]:
    """Every release, newest first: its manifest and its changelog (Markdown) in nl and en."""
    out = []
    for v in reversed(released_versions(manifests)):
        m = read_manifest(manifests, v)
        for lang in ("nl", "en"):
            p = manifests / str(v) / f"CHANGELOG.{lang}.md"
            m[f"changelog_{lang}"] = p.read_text(encoding="utf-8") if p.is_file() else ""
        out.append(m)
    return out


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
