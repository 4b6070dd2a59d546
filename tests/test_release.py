"""rdgraph release: the release folder, its DCAT-AP description, the manifest, semantic versioning of the
data, and a release pushed into its own named graph of a real Oxigraph server."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import DCTERMS, XSD

import rdgraph
from rdgraph.release import (
    ReleaseRefused,
    Version,
    check_version,
    make_release,
    read_manifest,
    release_history,
    validate_description,
)
from rdgraph.release.diff import load_state

ROOT = Path(__file__).resolve().parent.parent
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")  # DCAT 3 terms (rdflib's DCAT is DCAT 2)
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
EPOCH = "1764979200"  # 2025-12-06, so the issue date is fixed


@pytest.fixture(scope="module")
def kg():
    return rdgraph.load()


@pytest.fixture(scope="module")
def first(kg, tmp_path_factory):
    """Release 1.0.0 of the current graph into a temporary build folder and manifest folder."""
    tmp = tmp_path_factory.mktemp("rel")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        rel = make_release(kg, "1.0.0", out_root=tmp / "build", manifests=tmp / "releases")
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    return rel, tmp


@pytest.mark.parametrize("prev,level,good,bad", [
    ("1.0.0", "major", "2.0.0", ["1.1.0", "1.0.1", "3.0.0", "2.1.0"]),
    ("1.0.0", "minor", "1.1.0", ["1.0.1", "2.0.0", "1.2.0", "1.1.1"]),
    ("1.2.3", "patch", "1.2.4", ["1.3.0", "2.0.0", "1.2.3", "1.2.5"]),
])
def test_version_number_must_match_the_change(prev, level, good, bad):
    check_version(Version.parse(good), Version.parse(prev), level)
    for b in bad:
        with pytest.raises(ReleaseRefused, match=f"it is a {level} change"):
            check_version(Version.parse(b), Version.parse(prev), level)
    with pytest.raises(ReleaseRefused, match="nothing changed"):
        check_version(Version.parse(good), Version.parse(prev), "none")
    check_version(Version.parse("0.0.1"), None, "none")  # the first release: any number


def test_release_folder_has_every_format_and_checksums(first):
    rel, _tmp = first
    names = {f.name for f in rel.files}
    for ext in ("ttl", "nt", "jsonld", "rdf", "trig"):
        assert {f"rdgraph.{ext}", f"rdgraph-inferred.{ext}"} <= names
    sums = dict(reversed(line.split("  ")) for line in (rel.folder / "SHA256SUMS").read_text().splitlines())
    for name in names | {"dataset.ttl"}:
        assert hashlib.sha256((rel.folder / name).read_bytes()).hexdigest() == sums[name], name
    # the exports say which release they belong to
    g = rdflib.Graph().parse(rel.folder / "rdgraph.ttl")
    assert rdflib.Literal("1.0.0") in set(g.objects(rdflib.URIRef("https://w3id.org/rdgraph/dataset"), DCAT.version))


def test_every_format_of_a_release_is_the_same_graph(first):
    """Turtle, N-Triples, JSON-LD, RDF/XML and TriG of a release: no difference at all (blank nodes by content)."""
    from rdgraph.release.diff import diff_states

    rel, _tmp = first
    ttl = load_state(rel.folder / "rdgraph.ttl")
    for ext in ("nt", "jsonld", "rdf", "trig"):
        d = diff_states(ttl, load_state(rel.folder / f"rdgraph.{ext}"))
        assert d.unchanged, (ext, d.added[:3], d.removed[:3])
    assert any(isinstance(s, ox.BlankNode) for s, _p, _o in ttl.triples)


def test_dcat_description_states_version_sizes_and_checksums(first):
    rel, _tmp = first
    g = rdflib.Graph().parse(rel.folder / "dataset.ttl")
    d = rdflib.URIRef("https://w3id.org/rdgraph/dataset/1.0.0")
    assert g.value(d, DCAT.version) == rdflib.Literal("1.0.0")
    assert g.value(d, DCTERMS.issued) == rdflib.Literal("2025-12-06", datatype=XSD.date)
    assert g.value(d, DCTERMS.license) == rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert g.value(d, DCAT.previousVersion) is None  # the first release
    dists = set(g.objects(d, DCAT.distribution))
    assert len(dists) == len(rel.files)
    for dist in dists:
        url = str(g.value(dist, DCAT.downloadURL))
        path = rel.folder / url.rsplit("/", 1)[-1]
        assert int(g.value(dist, DCAT.byteSize)) == path.stat().st_size
        ck = g.value(dist, SPDX.checksum)
        assert g.value(ck, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        assert str(g.value(ck, SPDX.checksumValue)) == hashlib.sha256(path.read_bytes()).hexdigest()


def test_dcat_description_passes_dcat_ap_and_dcat_ap_nl(first):
    rel, _tmp = first
    data = (rel.folder / "dataset.ttl").read_bytes()
    report = validate_description(data)
    assert report.conforms, report.to_text()
    assert "dcat-ap-3.0.0-SHACL.ttl" in report.checked and "dcat-ap-nl-3.0-SHACL.ttl" in report.checked


@pytest.mark.parametrize("remove,needle", [
    ((None, DCTERMS.title, None), "title"),                # DCAT-AP: a dataset has a title
    ((None, DCAT.accessURL, None), "accessURL"),           # DCAT-AP: a distribution has an access URL
    ((None, DCAT.contactPoint, None), "contactPoint"),     # DCAT-AP-NL adds: exactly one contact point
    ((None, DCTERMS.creator, None), "creator"),            # DCAT-AP-NL adds: a creator
])
def test_dcat_shapes_reject_a_broken_description(first, remove, needle):
    rel, _tmp = first
    g = rdflib.Graph().parse(rel.folder / "dataset.ttl")
    g.remove(remove)
    report = validate_description(g.serialize(format="turtle").encode())
    assert not report.conforms
    assert any(needle in (f.path or "") for f in report.violations), report.to_text()


def test_manifest_is_small_and_records_the_state(first, kg):
    rel, tmp = first
    files = {p.name for p in (tmp / "releases" / "1.0.0").iterdir()}
    assert files == {"release.json", "dataset.ttl", "iris.txt", "CHANGELOG.nl.md", "CHANGELOG.en.md",
                     "changelog.json", "SHA256SUMS"}
    assert sum(p.stat().st_size for p in (tmp / "releases" / "1.0.0").iterdir()) < 400_000
    meta = read_manifest(tmp / "releases", "1.0.0")
    iris = (tmp / "releases" / "1.0.0" / "iris.txt").read_text().splitlines()
    assert "https://w3id.org/rdgraph/id/regiodeal/achterhoek-ii" in iris
    assert meta["iris"] == len([i for i in iris if not i.startswith("#")])
    assert meta["level"] == "initial" and meta["previous"] is None
    history = release_history(tmp / "releases")
    assert [h["version"] for h in history] == ["1.0.0"] and "1.0.0" in history[0]["changelog_en"]


def test_next_release_refuses_a_number_that_contradicts_the_diff(kg, tmp_path):
    """A manifest 1.0.0 of the state before the public records; the current graph adds things and also
    lost amount IRIs since then (bb8542b), so it is a major change: 1.1.0 is refused, 2.0.0 accepted."""
    manifests = tmp_path / "releases"
    (manifests / "1.0.0").mkdir(parents=True)
    old = load_state("385f875", ROOT)
    (manifests / "1.0.0" / "release.json").write_text(json.dumps({
        "version": "1.0.0", "commit": old.revision, "state_sha256": old.digest(), "issued": "2026-11-27"}))
    with pytest.raises(ReleaseRefused, match="major change") as e:
        make_release(kg, "1.1.0", out_root=tmp_path / "build", manifests=manifests)
    assert "2.0.0" in str(e.value)
    assert not (tmp_path / "build" / "1.1.0").exists()      # refused before anything was written
    rel = make_release(kg, "2.0.0", out_root=tmp_path / "build", manifests=manifests)
    assert rel.level == "major" and rel.previous == "1.0.0"
    g = rdflib.Graph().parse(rel.folder / "dataset.ttl")
    d = rdflib.URIRef("https://w3id.org/rdgraph/dataset/2.0.0")
    assert g.value(d, DCAT.previousVersion) == rdflib.URIRef("https://w3id.org/rdgraph/dataset/1.0.0")
    assert g.value(d, PROV.wasRevisionOf) == rdflib.URIRef("https://w3id.org/rdgraph/dataset/1.0.0")
    changelog = (rel.folder / "CHANGELOG.en.md").read_text()
    assert "# Changes from 1.0.0 to 2.0.0" in changelog and "## IRIs gone" in changelog
    assert (rel.folder / "patch.rdfp").read_text().startswith("H id <urn:sha256:")
    with pytest.raises(ReleaseRefused, match="exists already"):
        make_release(kg, "2.0.0", out_root=tmp_path / "build", manifests=manifests)


def test_release_refused_when_a_released_iri_disappeared(kg, tmp_path):
    manifests = tmp_path / "releases"
    (manifests / "1.0.0").mkdir(parents=True)
    (manifests / "1.0.0" / "release.json").write_text(json.dumps({"version": "1.0.0"}))
    gone = "https://w3id.org/rdgraph/id/regiodeal/verdwenen-voorbeeld"
    (manifests / "1.0.0" / "iris.txt").write_text(f"https://w3id.org/rdgraph/id/regiodeal/achterhoek-ii\n{gone}\n")
    with pytest.raises(ReleaseRefused, match="1 violation") as e:
        make_release(kg, "2.0.0", out_root=tmp_path / "build", manifests=manifests)
    assert gone in str(e.value) and "dcterms:isReplacedBy" in str(e.value)
    assert not (tmp_path / "build").exists()


def test_release_cli(tmp_path):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    cmd = [sys.executable, "-m", "rdgraph", "release", "1.0.0", "-o", str(tmp_path / "b"),
           "--manifests", str(tmp_path / "m")]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "release 1.0.0" in proc.stdout
    again = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert again.returncode == 2 and "exists already" in again.stderr and "Traceback" not in again.stderr
    bad = subprocess.run(cmd[:4] + ["1.0"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "MAJOR.MINOR.PATCH" in bad.stderr


def test_citation_file_is_valid_cff_1_2():
    import jsonschema
    import yaml

    schema = json.loads((ROOT / "tests" / "cff" / "schema-1.2.0.json").read_text())
    doc = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(doc)
    assert doc["license"] == "CC-BY-4.0" and doc["cff-version"] == "1.2.0"


def test_push_release_into_its_own_named_graph(first, tmp_path):
    from rdgraph.endpoint import Endpoint
    from rdgraph.release import push_release, release_graph_iri
    from servers import missing, oxigraph_binary, start_oxigraph

    if not oxigraph_binary():
        missing("the oxigraph server CLI is not installed (pip install oxigraph)")
    rel, tmp = first
    server = start_oxigraph(tmp_path)
    try:
        ep = Endpoint(server.query_url, gsp_url=server.gsp_url, timeout=120)
        report = push_release(ep, rel.folder, "1.0.0")
        assert report.graph == release_graph_iri("1.0.0") == "https://w3id.org/rdgraph/graph/release/1.0.0"
        assert report.status in (200, 201, 204) and report.remote_triples == report.triples > 20000
        # the current graph beside it, in its own graph: the store holds both
        ep.push(rdgraph.load(), "https://w3id.org/rdgraph/graph/all")
        ask = ("ASK { GRAPH <https://w3id.org/rdgraph/graph/release/1.0.0> { "
               "<https://w3id.org/rdgraph/dataset/1.0.0> <http://www.w3.org/ns/dcat#version> \"1.0.0\" } "
               "GRAPH <https://w3id.org/rdgraph/graph/all> { ?s ?p ?o } }")
        assert ep.ask(ask)
        # through the CLI: rdgraph push --release VERSION --release-dir DIR
        proc = subprocess.run([sys.executable, "-m", "rdgraph", "push", "--endpoint", server.query_url,
                               "--gsp-url", server.gsp_url, "--release", "1.0.0", "--release-dir",
                               str(tmp / "build")], capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        assert "graph/release/1.0.0" in proc.stdout
        # a changed file is refused before anything is sent
        original = (rel.folder / "rdgraph-inferred.nt").read_bytes()
        (rel.folder / "rdgraph-inferred.nt").write_bytes(b"")
        proc = subprocess.run([sys.executable, "-m", "rdgraph", "push", "--endpoint", server.query_url,
                               "--gsp-url", server.gsp_url, "--release", "1.0.0", "--release-dir",
                               str(tmp / "build")], capture_output=True, text=True, timeout=300)
        assert proc.returncode == 2 and "SHA256SUMS" in proc.stderr
        (rel.folder / "rdgraph-inferred.nt").write_bytes(original)
    finally:
        server.stop()
