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
check guards (:mod:`rdgraph.stable`), the commit and the SHA-256 of the released state, from which the
next release's changelog starts.

Versions follow semantic versioning of the data (docs/releases.md): an IRI removed or deprecated is a
major change, things added a minor one, corrections a patch. ``make_release`` computes the level from
the difference with the previous release and refuses a version number that is not the next one at
that level.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .errors import ParameterError, RdgraphError
from .namespaces import BASE, GRAPH_ASSERTED, ONTOLOGY, RDF, RDFS
from .namespaces import PREFIXES as TABLE

if TYPE_CHECKING:
    from .changelog import Changelog
    from .diff import State
    from .store import KnowledgeGraph

SERIES = BASE + "dataset"
RELEASE_BASE = BASE + "releases/"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
MANIFEST_FILES = ("release.json", "dataset.ttl", "iris.txt", "CHANGELOG.nl.md", "CHANGELOG.en.md",
                  "changelog.json", "SHA256SUMS")
EU = "http://publications.europa.eu/resource/authority/"
FILE_TYPES = {"turtle": "RDF_TURTLE", "ntriples": "RDF_N_TRIPLES", "jsonld": "JSON_LD", "rdfxml": "RDF_XML",
              "trig": "RDF_TRIG"}


class ReleaseRefused(RdgraphError):
    """A release that cannot be made as asked (version number, existing release, previous state)."""


# ---------------------------------------------------------------- versions

_SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> Version:
        m = _SEMVER.fullmatch(text.strip())
        if not m:
            raise ParameterError(f"{text!r} is not a version number MAJOR.MINOR.PATCH", "write e.g. 1.0.0 or 1.2.3")
        return cls(int(m[1]), int(m[2]), int(m[3]))

    def bump(self, level: str) -> Version:
        if level == "major":
            return Version(self.major + 1, 0, 0)
        if level == "minor":
            return Version(self.major, self.minor + 1, 0)
        return Version(self.major, self.minor, self.patch + 1)

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


def check_version(new: Version, previous: Version | None, level: str) -> None:
    """Refuse a version number that contradicts the change since the previous release."""
    if previous is None:
        return
    if level == "none":
        raise ReleaseRefused(f"nothing changed since release {previous}", "there is nothing to release")
    expected = previous.bump(level)
    if new != expected:
        why = {"major": "an IRI of the previous release was removed or deprecated",
               "minor": "things were added and nothing removed",
               "patch": "only corrections: values changed or facts removed about things that stay"}[level]
        raise ReleaseRefused(f"version {new} contradicts the change since {previous}: it is a {level} change ({why})",
                             f"release it as {expected} (see 'rdgraph diff {previous} .' for what changed)")


# ---------------------------------------------------------------- the manifest (committed)

def manifest_root(root: Path | None = None) -> Path:
    from .paths import project_root

    return (root or project_root()) / "releases"


def released_versions(manifests: Path) -> list[Version]:
    out = []
    if manifests.is_dir():
        for d in manifests.iterdir():
            if (d / "release.json").is_file() and _SEMVER.fullmatch(d.name):
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


# ---------------------------------------------------------------- states

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
    if _SEMVER.fullmatch(spec) and (manifests / spec / "release.json").is_file() and not Path(spec).exists():
        return previous_state(manifests, read_manifest(manifests, spec), root, None, root / "build" / "releases")
    return load_state(spec, root)


# ---------------------------------------------------------------- the DCAT description

DCAT, DCT, XSD, SPDX, FOAF, VCARD, SKOS, PROV, ADMS = (TABLE[p] for p in (
    "dcat", "dcterms", "xsd", "spdx", "foaf", "vcard", "skos", "prov", "adms"))
RDF_TYPE = RDF.type.value
RDFS_RESOURCE = RDFS.Resource.value


@dataclass
class FileInfo:
    name: str
    bytes: int
    sha256: str
    media_type: str = ""
    file_type: str = ""
    title_nl: str = ""
    title_en: str = ""


def dataset_iri(version: Version | str) -> str:
    return f"{SERIES}/{version}"


def release_url(version: Version | str, name: str = "") -> str:
    return f"{RELEASE_BASE}{version}/{name}"


def dcat_description(version: Version, issued: str, files: list[FileInfo], *, previous: str | None,
                     notes_nl: str, notes_en: str, triples: int) -> list[tuple]:
    """The release as a DCAT-AP 3.0 / DCAT-AP-NL 3.0 dataset with a distribution per file."""
    n, lit = ox.NamedNode, ox.Literal
    d = n(dataset_iri(version))
    out: list[tuple] = []

    def add(s, p, o):
        out.append((s, n(p), o))

    def typed(iri: str, cls: str, labels: tuple[tuple[str, str], ...] = ()) -> ox.NamedNode:
        node = n(iri)
        add(node, RDF_TYPE, n(cls))
        for lang, text in labels:
            add(node, SKOS + "prefLabel", lit(text, language=lang))
        return node

    add(d, RDF_TYPE, n(DCAT + "Dataset"))
    add(d, DCT + "title", lit(f"rdgraph: kennisgraaf van de Regio Deals, versie {version}", language="nl"))
    add(d, DCT + "title", lit(f"rdgraph: the Regio Deals knowledge graph, version {version}", language="en"))
    add(d, DCT + "description", lit(
        "Ontologie en gebronde feiten over de Regio Deals (deals, tranches, opgaven, interventies, bedragen, "
        "organisaties, evaluaties, bevindingen, de feedbackloop tussen Rijk en regio), met de herkomst van elk "
        "feit; versie " + str(version) + " met " + str(triples) + " vastgestelde triples.", language="nl"))
    add(d, DCT + "description", lit(
        "Ontology and sourced facts about the Dutch Regio Deals (deals, tranches, recurring themes, "
        "interventions, amounts, organisations, evaluations, findings, the feedback loop between national "
        "government and regions), with the provenance of every fact; version " + str(version) + " with "
        + str(triples) + " asserted triples.", language="en"))
    add(d, DCT + "identifier", lit(dataset_iri(version)))
    add(d, DCAT + "version", lit(str(version)))
    add(d, ADMS + "versionNotes", lit(notes_nl, language="nl"))
    add(d, ADMS + "versionNotes", lit(notes_en, language="en"))
    add(d, DCT + "issued", lit(issued, datatype=n(XSD + "date")))
    add(d, DCT + "modified", lit(issued, datatype=n(XSD + "date")))
    add(d, DCT + "isVersionOf", n(SERIES))
    add(n(SERIES), DCAT + "hasVersion", d)
    if previous:
        add(d, DCAT + "previousVersion", n(dataset_iri(previous)))
        add(d, PROV + "wasRevisionOf", n(dataset_iri(previous)))
    lic = typed(LICENSE, DCT + "LicenseDocument")
    add(lic, DCT + "title", lit("Creative Commons Naamsvermelding 4.0 Internationaal", language="nl"))
    add(lic, DCT + "title", lit("Creative Commons Attribution 4.0 International", language="en"))
    add(d, DCT + "license", lic)
    agent = typed(BASE + "project", FOAF + "Agent")
    add(agent, FOAF + "name", lit("rdgraph project"))
    add(d, DCT + "publisher", agent)
    add(d, DCT + "creator", agent)
    contact = n(BASE + "project#contact")
    add(contact, RDF_TYPE, n(VCARD + "Organization"))
    add(contact, RDF_TYPE, n(VCARD + "Kind"))  # DCAT-AP checks the class without RDFS inference
    add(contact, VCARD + "fn", lit("rdgraph project"))
    add(contact, VCARD + "hasURL", n(BASE))
    add(d, DCAT + "contactPoint", contact)
    add(d, DCT + "accessRights", typed(EU + "access-right/PUBLIC", DCT + "RightsStatement"))
    for code, nl, en in (("REGI", "Regio's en steden", "Regions and cities"),
                         ("GOVE", "Overheid en publieke sector", "Government and public sector")):
        theme = typed(EU + "data-theme/" + code, SKOS + "Concept", (("nl", nl), ("en", en)))
        add(theme, SKOS + "inScheme", n(EU + "data-theme"))
        add(d, DCAT + "theme", theme)
    for code in ("NLD", "ENG"):
        add(d, DCT + "language", typed(EU + "language/" + code, DCT + "LinguisticSystem"))
    add(d, DCT + "spatial", typed(EU + "country/NLD", DCT + "Location"))
    add(d, DCT + "conformsTo", typed(ONTOLOGY, DCT + "Standard"))
    add(d, DCAT + "landingPage", typed(release_url(version), FOAF + "Document"))
    for kw, lang in (("Regio Deals", "nl"), ("kennisgraaf", "nl"), ("knowledge graph", "en"), ("rode draden", "nl")):
        add(d, DCAT + "keyword", lit(kw, language=lang))
    for f in files:
        dist = n(f"{dataset_iri(version)}/distribution/{f.name}")
        add(d, DCAT + "distribution", dist)
        add(dist, RDF_TYPE, n(DCAT + "Distribution"))
        add(dist, DCT + "title", lit(f.title_nl or f.name, language="nl"))
        add(dist, DCT + "title", lit(f.title_en or f.name, language="en"))
        add(dist, DCAT + "accessURL", typed(release_url(version), RDFS_RESOURCE))
        add(dist, DCAT + "downloadURL", typed(release_url(version, f.name), RDFS_RESOURCE))
        add(dist, DCAT + "byteSize", lit(str(f.bytes), datatype=n(XSD + "nonNegativeInteger")))
        ck = n(f"{dataset_iri(version)}/distribution/{f.name}#sha256")
        add(ck, RDF_TYPE, n(SPDX + "Checksum"))
        add(ck, SPDX + "algorithm", n(SPDX + "checksumAlgorithm_sha256"))
        add(ck, SPDX + "checksumValue", lit(f.sha256, datatype=n(XSD + "hexBinary")))
        add(dist, SPDX + "checksum", ck)
        add(dist, DCT + "license", lic)
        add(dist, DCT + "issued", lit(issued, datatype=n(XSD + "date")))
        if f.media_type:
            add(dist, DCAT + "mediaType", typed("https://www.iana.org/assignments/media-types/" + f.media_type,
                                                DCT + "MediaType"))
        if f.file_type:
            add(dist, DCT + "format", typed(EU + "file-type/" + f.file_type, DCT + "MediaTypeOrExtent"))
    add(n(SPDX + "checksumAlgorithm_sha256"), RDF_TYPE, n(SPDX + "ChecksumAlgorithm"))
    return sorted(set(out), key=lambda t: (t[0].value, t[1].value, str(t[2])))


def description_turtle(triples: list[tuple]) -> bytes:
    """The description through the one Turtle writer (deterministic, the project's prefixes)."""
    from .turtle import serialize

    return serialize(triples, ox.RdfFormat.TURTLE, header="# DCAT description of an rdgraph data release "
                     "(DCAT-AP 3.0, DCAT-AP-NL 3.0); see docs/releases.md\n")


def dcat_shape_files(root: Path | None = None) -> list[Path]:
    from .paths import artefact_dir

    return sorted((artefact_dir("shapes", root) / "external").glob("dcat-ap*-SHACL.ttl"))


def validate_description(data: bytes, root: Path | None = None, lang: str = "en"):
    """The release description checked against the DCAT-AP 3.0 and DCAT-AP-NL 3.0 shapes (a ValidationReport)."""
    import rdflib

    from .validate import ValidationReport, run_pyshacl

    g = rdflib.Graph().parse(data=data, format="turtle")
    shapes = rdflib.Graph()
    files = dcat_shape_files(root)
    if not files:
        raise RdgraphError("the DCAT-AP shapes are missing (shapes/external/)")
    for f in files:
        shapes.parse(f, format="turtle")
    return ValidationReport(run_pyshacl(g, shapes, lang=lang), lang, checked=", ".join(f.name for f in files))


# ---------------------------------------------------------------- the release

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
    from .stable import stable_iri_findings
    from .validate import run_pyshacl, shapes_graph

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


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def make_release(kg: KnowledgeGraph, version: str, *, out_root: Path | None = None,
                 manifests: Path | None = None, write_manifest: bool = True, previous_spec: str | None = None,
                 issued: str | None = None, validate: bool = True) -> Release:
    """Write the release folder ``out_root/VERSION`` and the manifest ``manifests/VERSION``."""
    from .changelog import build_changelog, own_iri
    from .changelog_text import render as render_changelog
    from .diff import diff_states, render_patch
    from .export import FORMATS, export
    from .fileio import write_bytes_atomic

    v = Version.parse(version)
    root = kg.root
    manifests = manifests or manifest_root(root)
    out_root = out_root or (root / "build" / "releases")
    if (manifests / str(v) / "release.json").exists():
        raise ReleaseRefused(f"release {v} exists already ({manifests / str(v)})",
                             "a release is never changed; make the next version")
    earlier = [x for x in released_versions(manifests) if x < v]
    later = [x for x in released_versions(manifests) if x > v]
    if later:
        raise ReleaseRefused(f"release {later[-1]} is newer than {v}", f"release a version after {later[-1]}")
    prev_v = earlier[-1] if earlier else None
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

    folder = rel.folder
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, bytes] = {}

    def put(name: str, data: bytes, info: FileInfo | None = None) -> None:
        write_bytes_atomic(folder / name, data)
        written[name] = data
        fi = info or FileInfo(name, len(data), _sha(data))
        fi.bytes, fi.sha256 = len(data), _sha(data)
        rel.files.append(fi)

    for fmt, f in FORMATS.items():
        for inferred in (False, True):
            name = f"rdgraph{'-inferred' if inferred else ''}.{f.extension}"
            data = export(kg, fmt, inferred=inferred, version=str(v)).data
            extra_nl = " met afgeleide triples" if inferred else ""
            extra_en = " with inferred triples" if inferred else ""
            put(name, data, FileInfo(name, 0, "", f.media_type, FILE_TYPES[fmt], f"rdgraph {v} als {f.title_nl}"
                                     f"{extra_nl}", f"rdgraph {v} as {f.title_en}{extra_en}"))
    iris = sorted({s.value for s, _p, _o in current.triples if own_iri(s)})
    put("iris.txt", ("# IRIs of rdgraph release " + str(v) + " (subjects of the asserted graph)\n"
                     + "\n".join(iris) + "\n").encode("utf-8"),
        FileInfo("iris.txt", 0, "", "text/plain", "TXT", f"IRI's van release {v}", f"IRIs of release {v}"))
    notes = {}
    for lang in ("nl", "en"):
        if rel.changelog is not None:
            text = render_changelog(rel.changelog, "markdown", lang, limit=0)
        else:
            from .messages import msg as said

            text = said("release.first", lang, v=v, triples=len(current), iris=len(iris))
        notes[lang] = text.splitlines()[2] if rel.changelog is not None else text.splitlines()[2]
        put(f"CHANGELOG.{lang}.md", text.encode("utf-8"),
            FileInfo(f"CHANGELOG.{lang}.md", 0, "", "text/markdown", "MARKDOWN",
                     f"Wijzigingen in {v} ({lang})", f"Changes in {v} ({lang})"))
    cl_json = rel.changelog.to_json() if rel.changelog is not None else json.dumps({"level": "initial"})
    put("changelog.json", (cl_json + "\n").encode("utf-8"),
        FileInfo("changelog.json", 0, "", "application/json", "JSON", f"Wijzigingen in {v} (JSON)",
                 f"Changes in {v} (JSON)"))
    if patch_text is not None:
        put("patch.rdfp", patch_text.encode("utf-8"),
            FileInfo("patch.rdfp", 0, "", "text/plain", "TXT", f"RDF-patch van {rel.previous} naar {v}",
                     f"RDF patch from {rel.previous} to {v}"))

    desc = dcat_description(v, issued, rel.files, previous=rel.previous, notes_nl=notes["nl"].strip("*"),
                            notes_en=notes["en"].strip("*"), triples=len(current))
    desc_ttl = description_turtle(desc)
    report = validate_description(desc_ttl, root)
    if not report.conforms:
        raise RdgraphError("the release description does not pass the DCAT-AP shapes:\n" + report.to_text())
    write_bytes_atomic(folder / "dataset.ttl", desc_ttl)
    written["dataset.ttl"] = desc_ttl
    sums = "".join(f"{_sha(data)}  {name}\n" for name, data in sorted(written.items()))
    write_bytes_atomic(folder / "SHA256SUMS", sums.encode("utf-8"))
    written["SHA256SUMS"] = sums.encode("utf-8")

    meta = {"version": str(v), "issued": issued, "previous": rel.previous, "level": rel.level,
            "reasons": rel.changelog.reasons if rel.changelog else [], "commit": commit, "dirty": dirty,
            "state_sha256": current.digest(), "triples": len(current), "iris": len(iris),
            "dataset": dataset_iri(v), "files": {f.name: {"bytes": f.bytes, "sha256": f.sha256}
                                                 for f in rel.files}}
    meta_bytes = (json.dumps(meta, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    write_bytes_atomic(folder / "release.json", meta_bytes)
    written["release.json"] = meta_bytes
    if rel.manifest is not None:
        for name in MANIFEST_FILES:
            write_bytes_atomic(rel.manifest / name, written[name])
    return rel


def _issued_date(root: Path) -> str:
    import os

    from .export import _modified_date

    if os.environ.get("SOURCE_DATE_EPOCH"):
        return _modified_date(root, None)
    return dt.date.today().isoformat()


__all__ = ["Version", "check_version", "make_release", "Release", "ReleaseRefused", "release_history",
           "released_versions", "read_manifest", "released_iris", "dcat_description", "validate_description",
           "manifest_root", "dataset_iri", "release_url"]


# ---------------------------------------------------------------- a release into a remote store

def release_graph_iri(version: Version | str) -> str:
    return f"{BASE}graph/release/{version}"


def release_folder(version: Version | str, out_root: Path | None = None, root: Path | None = None) -> Path:
    from .paths import project_root

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
        if not path.is_file() or _sha(path.read_bytes()) != digest:
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

    from .endpoint import PushReport

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
