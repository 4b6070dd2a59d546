"""Stable IRIs: no IRI of the last release disappears without owl:deprecated and a successor or a note.

The first test is the CI guard: the committed manifest releases/<latest>/iris.txt against the current
graph. The others show the check failing and passing on a copy of the project with one deal removed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

import rdgraph
from rdgraph.release.stable import iri_status, latest_release, stable_iri_findings

ROOT = Path(__file__).resolve().parent.parent
DEAL = "https://w3id.org/rdgraph/id/regiodeal/achterhoek-ii"
PREDECESSOR = "https://w3id.org/rdgraph/id/regiodeal/achterhoek"


def test_no_iri_of_the_last_release_disappeared():
    # release 1.0.0 is committed: without its manifest nothing would guard the IRIs it promised
    assert latest_release(ROOT) is not None, "releases/ holds no manifest: the IRIs of 1.0.0 would go unguarded"
    findings = stable_iri_findings(rdgraph.load().store, ROOT, lang="en")
    assert findings == [], "\n".join(f"{f.focus}: {f.message}\n  hint: {f.hint}" for f in findings[:20])


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """A copy of the project whose release 1.0.0 holds every current IRI, with deal achterhoek-ii removed."""
    home = tmp_path_factory.mktemp("home")
    for folder in ("ontology", "data", "shapes", "queries", "context"):
        shutil.copytree(ROOT / folder, home / folder)
    kg = rdgraph.load()
    iris = sorted({q.subject.value for q in kg.store.quads_for_pattern(None, None, None, ox.NamedNode(
        "https://w3id.org/rdgraph/graph/asserted")) if isinstance(q.subject, ox.NamedNode)
        and q.subject.value.startswith("https://w3id.org/rdgraph/")})
    assert DEAL in iris
    (home / "releases" / "1.0.0").mkdir(parents=True)
    (home / "releases" / "1.0.0" / "iris.txt").write_text("\n".join(iris) + "\n")
    (home / "releases" / "1.0.0" / "release.json").write_text(json.dumps({"version": "1.0.0"}))
    path = home / "data" / "publiek" / "deals-tranche-5-6.ttl"
    g = rdflib.Graph().parse(path)
    assert len(list(g.triples((rdflib.URIRef(DEAL), None, None)))) > 5
    g.remove((rdflib.URIRef(DEAL), None, None))
    path.write_text(g.serialize(format="turtle"))
    return home


def _validate(home: Path) -> tuple[int, list[dict], set]:
    """Exit code, the stable-IRI findings, and the other violations (focus, path, message)."""
    proc = subprocess.run([sys.executable, "-m", "rdgraph", "--home", str(home), "validate", "--format", "json",
                           "--lang", "en"], capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    results = json.loads(proc.stdout)["results"]
    others = {(r["focus"], r["path"], r["message"]) for r in results
              if r["constraint"] != "StableIRI" and r["severity"] == "Violation"}
    return proc.returncode, [r for r in results if r["constraint"] == "StableIRI"], others


def test_removing_a_released_iri_fails_validation(home):
    code, stable, _others = _validate(home)
    assert code == 1
    assert [(r["focus"], r["severity"]) for r in stable] == [(DEAL, "Violation")]
    assert "release 1.0.0" in stable[0]["message"] and "dcterms:isReplacedBy" in stable[0]["hint"]


TOMBSTONE_PREFIXES = ("@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
                      "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
                      "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n")


def test_a_renamed_iri_with_a_tombstone_validates(home):
    """The documented tombstone satisfies the check and no shape objects to it (the other violations are
    those of the references to the removed deal that this copy leaves dangling)."""
    _code, _stable, before = _validate(home)
    path = home / "data" / "verouderd.ttl"
    path.write_text(TOMBSTONE_PREFIXES + f"<{DEAL}> owl:deprecated true ; dcterms:isReplacedBy <{PREDECESSOR}> .\n")
    try:
        _code, stable, after = _validate(home)
    finally:
        path.unlink()
    assert stable == []
    assert after <= before


@pytest.mark.parametrize("tombstone,ok", [
    (f'<{DEAL}> owl:deprecated true ; skos:historyNote "Withdrawn: never a deal of its own."@en .', True),
    (f"<{DEAL}> owl:deprecated true .", False),                                               # no successor, no note
    (f"<{DEAL}> owl:deprecated true ; dcterms:isReplacedBy <{PREDECESSOR}-x> .", False),      # dangling successor
    (f"<{DEAL}> dcterms:isReplacedBy <{PREDECESSOR}> .", False),                              # not deprecated
])
def test_a_tombstone_needs_deprecation_and_a_successor_or_a_note(home, tombstone, ok):
    path = home / "data" / "verouderd.ttl"
    path.write_text(TOMBSTONE_PREFIXES + tombstone + "\n")
    try:
        kg = rdgraph.load(home)
        stable = stable_iri_findings(kg.store, home, lang="en")
    finally:
        path.unlink()
    assert (stable == []) is ok, stable
    assert all(f.focus == DEAL for f in stable)


def test_iri_status_follows_replacements():
    store = ox.Store()
    n = ox.NamedNode
    t = ox.Literal("true", datatype=n("http://www.w3.org/2001/XMLSchema#boolean"))
    dep, rep = n("http://www.w3.org/2002/07/owl#deprecated"), n("http://purl.org/dc/terms/isReplacedBy")
    note = n("http://www.w3.org/2004/02/skos/core#historyNote")
    label = n("http://www.w3.org/2000/01/rdf-schema#label")
    g = n("https://w3id.org/rdgraph/graph/asserted")
    a, b, c, w = (n(f"https://w3id.org/rdgraph/id/x/{k}") for k in "abcw")
    store.extend([ox.Quad(a, dep, t, g), ox.Quad(a, rep, b, g), ox.Quad(b, dep, t, g), ox.Quad(b, rep, c, g),
                  ox.Quad(c, label, ox.Literal("C", language="en"), g), ox.Quad(w, dep, t, g),
                  ox.Quad(w, note, ox.Literal("ingetrokken", language="nl"), g)])
    assert (iri_status(store, a.value).status, iri_status(store, a.value).successor) == ("replaced", c.value)
    assert iri_status(store, c.value).status == "current"
    st = iri_status(store, w.value)
    assert (st.status, st.note) == ("withdrawn", "ingetrokken")
    assert iri_status(store, "https://w3id.org/rdgraph/id/x/none").status == "unknown"
