"""The DCAT-AP 3.0 / DCAT-AP-NL 3.0 description of a release (``dataset.ttl``) and its check against the shapes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..errors import RdgraphError
from ..namespaces import BASE, ONTOLOGY, RDF, RDFS
from ..namespaces import PREFIXES as TABLE
from .version import Version

SERIES = BASE + "dataset"
RELEASE_BASE = BASE + "releases/"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
EU = "http://publications.europa.eu/resource/authority/"

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
    from ..turtle import serialize

    return serialize(triples, ox.RdfFormat.TURTLE, header="# DCAT description of an rdgraph data release "
                     "(DCAT-AP 3.0, DCAT-AP-NL 3.0); see docs/releases.md\n")


def dcat_shape_files(root: Path | None = None) -> list[Path]:
    from ..paths import artefact_dir

    return sorted((artefact_dir("shapes", root) / "external").glob("dcat-ap*-SHACL.ttl"))


def validate_description(data: bytes, root: Path | None = None, lang: str = "en"):
    """The release description checked against the DCAT-AP 3.0 and DCAT-AP-NL 3.0 shapes (a ValidationReport)."""
    import rdflib

    from ..validate import ValidationReport, run_pyshacl

    g = rdflib.Graph().parse(data=data, format="turtle")
    shapes = rdflib.Graph()
    files = dcat_shape_files(root)
    if not files:
        raise RdgraphError("the DCAT-AP shapes are missing (shapes/external/)")
    for f in files:
        shapes.parse(f, format="turtle")
    return ValidationReport(run_pyshacl(g, shapes, lang=lang), lang, checked=", ".join(f.name for f in files))
