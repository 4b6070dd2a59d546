"""Make a release: the release folder (exports, changelog, patch, IRIs, sums, DCAT) and its manifest."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import RdgraphError
from .dcat import FileInfo, dataset_iri, dcat_description, description_turtle, validate_description
from .manifest import MANIFEST_FILES, manifest_root, read_manifest, released_iris, released_versions, sha256_hex
from .states import previous_state, state_of_graph
from .version import ReleaseRefused, Version, check_version

if TYPE_CHECKING:
    from ..store import KnowledgeGraph
    from .changelog import Changelog
    from .diff import State

FILE_TYPES = {"turtle": "RDF_TURTLE", "ntriples": "RDF_N_TRIPLES", "jsonld": "JSON_LD", "rdfxml": "RDF_XML",
              "trig": "RDF_TRIG"}


@dataclass
class Release:
    version: str
    folder: Path
    manifest: Path | None
    previous: str | None
    level: str
    files: list[FileInfo] = field(default_factory=list)
    changelog: Changelog | None = None
    warnings: list[str] = field(default_factory=list)

    def render(self, lang: str = "nl") -> str:
        from .changelog_text import msg

        lines = [f"release {self.version} -> {self.folder}" + (f" (manifest {self.manifest})" if self.manifest else "")]
        lines.append(f"  previous: {self.previous or '-'}; level: {self.level}; files: {len(self.files)}, "
                     f"{sum(f.bytes for f in self.files):,} bytes")
        if self.changelog is not None:
            lines.append("  " + msg("level", lang, level=self.level, why=msg(f"why.{self.level}", lang)))
        lines += [f"  warning: {w}" for w in self.warnings]
        return "\n".join(lines)


def check_graph(kg: KnowledgeGraph, manifests: Path, previous: Version | None, lang: str = "en") -> None:
    """Refuse to release a graph with violations: the shapes, and the IRIs of the previous release kept."""
    from ..validate import run_pyshacl, shapes_graph
    from .stable import stable_iri_findings

    findings = [f for f in run_pyshacl(kg.asserted_rdflib(), shapes_graph(kg.root), lang=lang)
                if f.severity == "Violation"]
    if previous is not None and (manifests / str(previous) / "iris.txt").is_file():
        findings += stable_iri_findings(kg.store, lang=lang, iris=released_iris(manifests, previous),
                                        version=str(previous))
    if findings:
        shown = "; ".join(f"{f.focus}: {f.message}" for f in findings[:5])
        raise ReleaseRefused(f"the graph has {len(findings)} violation(s), e.g. {shown}",
                             "fix them first (rdgraph validate lists them); a released IRI that goes needs "
                             "owl:deprecated true and dcterms:isReplacedBy or skos:historyNote")


def _git_head(root: Path) -> tuple[str | None, bool]:
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                              timeout=10, check=False)
        if head.returncode != 0:
            return None, False
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--", "ontology", "data"],
                               capture_output=True, text=True, timeout=10, check=False)
        return head.stdout.strip(), bool(dirty.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        return None, False


class _Folder:
    """The files of a release folder as they are written, for the DCAT description, SHA256SUMS and the manifest."""

    def __init__(self, rel: Release) -> None:
        from ..fileio import write_bytes_atomic

        self.rel, self.write_atomic = rel, write_bytes_atomic
        self.written: dict[str, bytes] = {}
        rel.folder.mkdir(parents=True, exist_ok=True)

    def write(self, name: str, data: bytes) -> None:
        self.write_atomic(self.rel.folder / name, data)
        self.written[name] = data

    def put(self, data: bytes, info: FileInfo) -> None:
        """Write a file that is one of the release's distributions."""
        self.write(info.name, data)
        info.bytes, info.sha256 = len(data), sha256_hex(data)
        self.rel.files.append(info)


def _previous_version(manifests: Path, v: Version) -> Version | None:
    """The release before ``v``; refuses ``v`` if it exists already or a newer one does."""
    if (manifests / str(v) / "release.json").exists():
        raise ReleaseRefused(f"release {v} exists already ({manifests / str(v)})",
                             "a release is never changed; make the next version")
    earlier = [x for x in released_versions(manifests) if x < v]
    later = [x for x in released_versions(manifests) if x > v]
    if later:
        raise ReleaseRefused(f"release {later[-1]} is newer than {v}", f"release a version after {later[-1]}")
    return earlier[-1] if earlier else None


def _put_exports(out: _Folder, kg: KnowledgeGraph, v: Version) -> None:
    from ..export import FORMATS, export

    for fmt, f in FORMATS.items():
        for inferred in (False, True):
            name = f"rdgraph{'-inferred' if inferred else ''}.{f.extension}"
            data = export(kg, fmt, inferred=inferred, version=str(v)).data
            extra_nl = " met afgeleide triples" if inferred else ""
            extra_en = " with inferred triples" if inferred else ""
            out.put(data, FileInfo(name, 0, "", f.media_type, FILE_TYPES[fmt], f"rdgraph {v} als {f.title_nl}"
                                   f"{extra_nl}", f"rdgraph {v} as {f.title_en}{extra_en}"))


def _put_changes(out: _Folder, v: Version, current: State, iris: list[str], patch_text: str | None) -> dict:
    """The IRIs, the changelog (nl, en, JSON) and the patch; returns the version notes per language."""
    from ..messages import msg
    from .changelog_text import render as render_changelog

    rel = out.rel
    out.put(("# IRIs of rdgraph release " + str(v) + " (subjects of the asserted graph)\n"
             + "\n".join(iris) + "\n").encode("utf-8"),
            FileInfo("iris.txt", 0, "", "text/plain", "TXT", f"IRI's van release {v}", f"IRIs of release {v}"))
    notes = {}
    for lang in ("nl", "en"):
        if rel.changelog is not None:
            text = render_changelog(rel.changelog, "markdown", lang, limit=0)
        else:
            text = msg("release.first", lang, v=v, triples=len(current), iris=len(iris))
        notes[lang] = text.splitlines()[2].strip("*")
        out.put(text.encode("utf-8"), FileInfo(f"CHANGELOG.{lang}.md", 0, "", "text/markdown", "MARKDOWN",
                                                f"Wijzigingen in {v} ({lang})", f"Changes in {v} ({lang})"))
    cl_json = rel.changelog.to_json() if rel.changelog is not None else json.dumps({"level": "initial"})
    out.put((cl_json + "\n").encode("utf-8"),
            FileInfo("changelog.json", 0, "", "application/json", "JSON", f"Wijzigingen in {v} (JSON)",
                     f"Changes in {v} (JSON)"))
    if patch_text is not None:
        out.put(patch_text.encode("utf-8"),
                FileInfo("patch.rdfp", 0, "", "text/plain", "TXT", f"RDF-patch van {rel.previous} naar {v}",
                         f"RDF patch from {rel.previous} to {v}"))
    return notes


def make_release(kg: KnowledgeGraph, version: str, *, out_root: Path | None = None,
                 manifests: Path | None = None, write_manifest: bool = True, previous_spec: str | None = None,
                 issued: str | None = None, validate: bool = True) -> Release:
    """Write the release folder ``out_root/VERSION`` and the manifest ``manifests/VERSION``."""
    from .changelog import build_changelog, own_iri
    from .diff import diff_states, render_patch

    v = Version.parse(version)
    root = kg.root
    manifests = manifests or manifest_root(root)
    out_root = out_root or (root / "build" / "releases")
    prev_v = _previous_version(manifests, v)
    issued = issued or _issued_date(root)
    current = state_of_graph(kg, str(v))
    commit, dirty = _git_head(root)
    rel = Release(str(v), out_root / str(v), manifests / str(v) if write_manifest else None,
                  str(prev_v) if prev_v else None, "initial")
    if dirty:
        rel.warnings.append("ontology/ or data/ have uncommitted changes: the recorded commit is not this state")

    if validate:
        check_graph(kg, manifests, prev_v)

    patch_text = None
    if prev_v is not None:
        prev = read_manifest(manifests, prev_v)
        old = previous_state(manifests, prev, root, previous_spec, out_root)
        d = diff_states(old, current)
        cl = build_changelog(d, root=root)
        check_version(v, prev_v, cl.level)
        rel.changelog, rel.level = cl, cl.level
        patch_text = render_patch(d, "rdfpatch")

    out = _Folder(rel)
    _put_exports(out, kg, v)
    iris = sorted({s.value for s, _p, _o in current.triples if own_iri(s)})
    notes = _put_changes(out, v, current, iris, patch_text)

    desc = dcat_description(v, issued, rel.files, previous=rel.previous, notes_nl=notes["nl"],
                            notes_en=notes["en"], triples=len(current))
    desc_ttl = description_turtle(desc)
    report = validate_description(desc_ttl, root)
    if not report.conforms:
        raise RdgraphError("the release description does not pass the DCAT-AP shapes:\n" + report.to_text())
    out.write("dataset.ttl", desc_ttl)
    out.write("SHA256SUMS", "".join(f"{sha256_hex(data)}  {name}\n"
                                    for name, data in sorted(out.written.items())).encode("utf-8"))
    meta = {"version": str(v), "issued": issued, "previous": rel.previous, "level": rel.level,
            "reasons": rel.changelog.reasons if rel.changelog else [], "commit": commit, "dirty": dirty,
            "state_sha256": current.digest(), "triples": len(current), "iris": len(iris),
            "dataset": dataset_iri(v), "files": {f.name: {"bytes": f.bytes, "sha256": f.sha256}
                                                 for f in rel.files}}
    out.write("release.json", (json.dumps(meta, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    if rel.manifest is not None:
        for name in MANIFEST_FILES:
            out.write_atomic(rel.manifest / name, out.written[name])
    return rel


def _issued_date(root: Path) -> str:
    import os

    from ..export import modified_date

    if os.environ.get("SOURCE_DATE_EPOCH"):
        return modified_date(root, None)
    return dt.date.today().isoformat()
