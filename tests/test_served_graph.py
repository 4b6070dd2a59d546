"""The graph as it is served and exported with inferences (asserted + entailed) conforms to the shapes.

Two independent SHACL engines check it: pySHACL and rudof (pyrudof). Before the direct rdg:partOf was
modelled apart from its transitive closure (rdg:partOfTransitive, like skos:broader/broaderTransitive),
`export --inferred` gave 30 violations in both (every report section gained a second rdg:partOf and broke
its sh:maxCount 1).
"""

from __future__ import annotations

import pytest

import rdgraph
from rdgraph.export import export
from rdgraph.validate import run_pyshacl, shapes_graph


@pytest.fixture(scope="module")
def kg():
    return rdgraph.load()


@pytest.fixture(scope="module")
def served_turtle(kg) -> bytes:
    return export(kg, "turtle", inferred=True).data


def test_served_graph_conforms_in_pyshacl(kg, served_turtle):
    import rdflib

    data = rdflib.Graph().parse(data=served_turtle, format="turtle")
    findings = run_pyshacl(data, shapes_graph(kg.root), lang="en")
    violations = [f for f in findings if f.severity == "Violation"]
    assert violations == [], "\n".join(f.line() for f in violations[:10])


def test_served_graph_conforms_in_rudof(kg, served_turtle):
    import pyrudof
    r = pyrudof.Rudof(pyrudof.RudofConfig())
    r.read_data(served_turtle.decode("utf-8"))
    r.read_shacl(shapes_graph(kg.root).serialize(format="turtle"))
    report = r.validate_shacl()
    violations = [e for e in report.violations if str(e.severity) == "Violation"]
    assert violations == [], "\n".join(f"{e.focus_node} {e.path} {e.message}" for e in violations[:10])


def test_rudof_sees_a_violation_the_shapes_forbid(kg):
    """The second engine is really checking: a report section with two direct parents is refused."""
    import pyrudof
    bad = """@prefix rdg: <https://w3id.org/rdgraph/def/regiodeals#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
<https://w3id.org/rdgraph/id/bron/x/1> a rdg:ReportSection ; rdfs:label "a"@nl , "a"@en ;
  rdg:partOf <https://w3id.org/rdgraph/id/bron/x> , <https://w3id.org/rdgraph/id/bron/y> ;
  prov:wasDerivedFrom <https://w3id.org/rdgraph/id/bron/x> .
<https://w3id.org/rdgraph/id/bron/x> a rdg:Report . <https://w3id.org/rdgraph/id/bron/y> a rdg:Report .
"""
    r = pyrudof.Rudof(pyrudof.RudofConfig())
    r.read_data(bad)
    r.read_shacl(shapes_graph(kg.root).serialize(format="turtle"))
    paths = {str(e.path) for e in r.validate_shacl().violations if str(e.severity) == "Violation"}
    assert "https://w3id.org/rdgraph/def/regiodeals#partOf" in paths


def test_partof_is_direct_and_its_closure_is_inferred(kg):
    ns = "https://w3id.org/rdgraph/def/regiodeals#"
    sec = "<https://w3id.org/rdgraph/id/bron/rode-draden-2024/4.2>"
    report = "<https://w3id.org/rdgraph/id/bron/rode-draden-2024>"
    assert kg.sparql(f"ASK {{ {sec} <{ns}partOfTransitive> {report} }}")
    assert not kg.sparql(f"ASK {{ {sec} <{ns}partOf> {report} }}")
    assert kg.sparql(f"ASK {{ {report} <{ns}hasPartTransitive> {sec} }}")
