"""``validate --format turtle`` writes a real SHACL validation report: the results pySHACL finds, with focus
nodes, paths and values as RDF terms, readable by any SHACL tool."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib.namespace import RDF, SH

ROOT = Path(__file__).resolve().parent.parent
BAD = ["missing-tranche.ttl", "amount-negative.ttl", "label-without-lang.ttl", "year-as-23.ttl"]


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """A project with the shipped ontology and shapes and, as data, entries that break the shapes."""
    h = tmp_path_factory.mktemp("home")
    for name in ("ontology", "shapes", "queries", "context"):
        shutil.copytree(ROOT / name, h / name)
    (h / "data").mkdir()
    for name in BAD:
        shutil.copy(ROOT / "tests" / "entries" / "invalid" / name, h / "data" / name)
    return h


def _results(g: rdflib.Graph) -> set[tuple]:
    """The results as comparable tuples: blank nodes as '_' (their labels are the writer's business), literals
    by value and datatype (the store keeps numbers in canonical form: -5.00 is -5)."""
    def norm(t):
        if isinstance(t, rdflib.BNode):
            return "_"
        if isinstance(t, rdflib.Literal):
            return ("literal", t.toPython(), t.datatype, t.language)
        return t

    out = set()
    for r in g.subjects(RDF.type, SH.ValidationResult):
        shape = g.value(r, SH.sourceShape)
        out.add((norm(g.value(r, SH.focusNode)), g.value(r, SH.resultPath), norm(g.value(r, SH.value)),
                 g.value(r, SH.resultSeverity), g.value(r, SH.sourceConstraintComponent),
                 shape if isinstance(shape, rdflib.URIRef) else None))
    return out


def test_turtle_report_has_pyshacls_results_as_terms(home):
    proc = subprocess.run([sys.executable, "-m", "rdgraph", "--home", str(home), "--no-cache", "validate",
                           "--format", "turtle", "--lang", "en"], capture_output=True, text=True,
                          env={**os.environ, "RDGRAPH_HOME": str(home)}, timeout=600)
    assert proc.returncode == 1, proc.stderr
    ours = rdflib.Graph().parse(data=proc.stdout, format="turtle")
    (report,) = list(ours.subjects(RDF.type, SH.ValidationReport))
    assert ours.value(report, SH.conforms) == rdflib.Literal(False)
    assert set(ours.objects(report, SH.result)) == set(ours.subjects(RDF.type, SH.ValidationResult))

    data = rdflib.Graph()
    for folder in ("ontology", "data"):
        for f in sorted((home / folder).glob("*.ttl")):
            data.parse(f)
    shapes = rdflib.Graph()
    for f in sorted((home / "shapes").glob("*.ttl")):
        shapes.parse(f)
    _conforms, reference, _text = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True,
                                                   allow_warnings=True)
    want = _results(reference)
    assert want, "the bad entries must break some shapes"
    assert _results(ours) == want
    # values keep their datatype (e.g. a negative decimal amount is not a string)
    values = {v for v in ours.objects(None, SH.value) if isinstance(v, rdflib.Literal)}
    assert any(v.datatype == rdflib.XSD.decimal for v in values), values
    # every result has a message in the asked language
    for r in ours.subjects(RDF.type, SH.ValidationResult):
        assert {m.language for m in ours.objects(r, SH.resultMessage)} == {"en"}


def test_entry_report_in_turtle_names_rdgraphs_own_checks():
    proc = subprocess.run([sys.executable, "-m", "rdgraph", "validate", "--format", "turtle",
                           str(ROOT / "tests" / "entries" / "invalid" / "typo-class.ttl")],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1, proc.stderr
    g = rdflib.Graph().parse(data=proc.stdout, format="turtle")
    comps = set(g.objects(None, SH.sourceConstraintComponent))
    assert rdflib.URIRef("https://w3id.org/rdgraph/def/checks#unknown-term") in comps
    values = set(g.objects(None, SH.value))
    assert rdflib.URIRef("https://w3id.org/rdgraph/def/regiodeals#RegioDeaal") in values
