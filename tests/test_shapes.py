"""SHACL shapes (shapes/*.ttl): the shipped graph conforms, and data-driven examples.

How the examples work
---------------------
Examples live in ``tests/shapes/<area>/valid/*.ttl`` and ``tests/shapes/<area>/invalid/*.ttl``
(one parametrised test per kind discovers every folder; a new area is a new folder).

Each example is a small Turtle file that is validated **in the context of the shipped ontology
and data** (``ontology/**.ttl`` + ``data/**.ttl``), so an example can refer to existing tranches,
opgaven, deals and report sections (``id/tranche/3``, ``id/opgave/9``, ``id/bron/rode-draden-2024/2.3``)
instead of repeating them, and may add statements about existing resources (e.g. a second tranche
for an existing deal).

For speed the context is not the whole shipped graph (about 3 s per validation) but the class
hierarchy of the ontology (rdfs:subClassOf) plus, from the data, every triple whose subject is an IRI named in the
example, the
triples of the IRIs those point to (two hops), and the rdf:type of the next ones. So an example
needing other existing facts (e.g. an existing amount pointing at a deal) must restate them.

Only what the example *causes* counts: results whose focus node (or, for the graph-wide
rijksbijdrage checks, whose sh:value) is a subject of the example, minus the results the shipped
graph already has (the baseline, computed once). pyshacl's ``focus_nodes`` option is not used: in
pyshacl 0.40 it also filters the nested shapes of sh:or / sh:qualifiedValueShape, which gives
wrong answers.

* A **valid** example adds no validation result at all (no violation, no warning).
* An **invalid** example starts with one or more comment lines::

      # expect: <https://w3id.org/rdgraph/def/regiodeals#tranche>
      # expect: rdgsh:LabelNlProperty
      # expect-warning: rdgsh:RijksbijdrageOtherSourceShape

  ``expect`` names a ``sh:resultPath`` or a ``sh:sourceShape`` (for node-level constraints, or
  a named property shape) that must appear among the *new violations*; ``expect-warning`` the
  same among the new warnings. Full IRIs in angle brackets or prefixed names (the example's own
  prefixes plus rdgsh:, rdg:, rdf:, rdfs:, skos:, prov:, dcterms:, org:, xsd:) are accepted.
  The test asserts that the example does not conform and that every expected IRI is reported.

Validation settings (the same as the project's): the ontology is part of the data graph (so
``sh:targetClass``/``sh:class`` see the class hierarchy), ``inference='none'``, no SHACL-AF.
"""

from __future__ import annotations

import functools
import re
import time
from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib import RDF, RDFS, BNode, Literal, Namespace, URIRef
from rdflib.namespace import OWL, SKOS

from rdgraph.vocab import RDG  # the project vocabulary: a misspelt term fails

ROOT = Path(__file__).resolve().parent.parent
SHAPES_DIR = ROOT / "shapes"
EXAMPLES_DIR = ROOT / "tests" / "shapes"

SH = Namespace("http://www.w3.org/ns/shacl#")
RDGSH = Namespace("https://w3id.org/rdgraph/def/shapes#")

ONTOLOGY = URIRef("https://w3id.org/rdgraph/def/regiodeals")

PREFIXES = {
    "rdgsh": str(RDGSH),
    "rdg": str(RDG),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "sh": str(SH),
}

# Node-level constraint parameters: a node shape that uses one of these needs its own messages.
NODE_LEVEL_PARAMS = (SH["or"], SH["and"], SH["not"], SH.xone, SH.closed, SH["class"], SH.datatype,
                     SH.nodeKind, SH["in"], SH.hasValue, SH.pattern, SH.node)
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


# ---------------------------------------------------------------- graphs


@functools.cache
def shapes_graph() -> rdflib.Graph:
    g = rdflib.Graph()
    for path in sorted(SHAPES_DIR.glob("*.ttl")):
        g.parse(path, format="turtle")
    return g


@functools.cache
def ontology_graph() -> rdflib.Graph:
    g = rdflib.Graph()
    for path in sorted((ROOT / "ontology").rglob("*.ttl")):
        g.parse(path, format="turtle")
    return g


@functools.cache
def base_graph() -> rdflib.Graph:
    """Ontology + data as shipped (asserted triples only)."""
    g = rdflib.Graph()
    for folder in ("ontology", "data"):
        for path in sorted((ROOT / folder).rglob("*.ttl")):
            g.parse(path, format="turtle")
    return g


def run(data: rdflib.Graph):
    conforms, results_graph, text = pyshacl.validate(
        data,
        shacl_graph=shapes_graph(),
        inference="none",
        advanced=False,
        allow_warnings=False,
    )
    return conforms, results_graph, text


def _term_key(term):
    if term is None:
        return None
    if isinstance(term, BNode):
        return "_:b"  # blank-node shapes/paths: ids are not stable across runs
    return term.n3()


def results(results_graph: rdflib.Graph) -> list[dict]:
    out = []
    for r in results_graph.subjects(RDF.type, SH.ValidationResult):
        out.append({
            "focus": results_graph.value(r, SH.focusNode),
            "path": results_graph.value(r, SH.resultPath),
            "shape": results_graph.value(r, SH.sourceShape),
            "component": results_graph.value(r, SH.sourceConstraintComponent),
            "value": results_graph.value(r, SH.value),
            "severity": results_graph.value(r, SH.resultSeverity),
            "messages": sorted(str(m) for m in results_graph.objects(r, SH.resultMessage)),
        })
    return out


def key(result: dict):
    return tuple(_term_key(result[k]) for k in ("focus", "path", "shape", "component", "value", "severity"))


def describe(rs: list[dict]) -> str:
    lines = []
    for r in rs:
        lines.append(f"  [{r['severity'].split('#')[-1]}] focus={r['focus']} path={r['path']} "
                     f"shape={r['shape']} value={r['value']}\n      {' | '.join(r['messages'])}")
    return "\n".join(lines) or "  (none)"


@functools.cache
def baseline() -> tuple[frozenset, list[dict]]:
    _, rg, _ = run(base_graph())
    rs = results(rg)
    return frozenset(key(r) for r in rs), rs


# ---------------------------------------------------------------- examples


def _examples(kind: str) -> list[Path]:
    return sorted(EXAMPLES_DIR.glob(f"*/{kind}/*.ttl"))


def _id(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.stem}"


def expectations(path: Path, example: rdflib.Graph) -> dict[str, list[URIRef]]:
    ns = dict(PREFIXES)
    ns.update({p: str(n) for p, n in example.namespaces()})
    found = {"expect": [], "expect-warning": []}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"#\s*(expect|expect-warning):\s*(\S+)\s*$", line)
        if not m:
            if line.startswith("#") or not line.strip():
                continue
            break  # expectations are in the leading comment block
        token = m.group(2)
        if token.startswith("<") and token.endswith(">"):
            iri = URIRef(token[1:-1])
        else:
            prefix, _, local = token.partition(":")
            assert prefix in ns, f"{path.name}: unknown prefix in expectation {token!r}"
            iri = URIRef(ns[prefix] + local)
        found[m.group(1)].append(iri)
    return found


def context(example: rdflib.Graph) -> rdflib.Graph:
    """Ontology + the shipped facts around the IRIs the example names (see the module docstring)."""
    data = base_graph()
    g = rdflib.Graph()
    g += ontology_graph().triples((None, RDFS.subClassOf, None))  # the class hierarchy is all SHACL uses
    frontier = {t for triple in example for t in triple if isinstance(t, URIRef)}
    seen = set()
    for _hop in range(2):
        nxt = set()
        for node in frontier - seen:
            seen.add(node)
            for triple in data.triples((node, None, None)):
                g.add(triple)
                if isinstance(triple[2], URIRef):
                    nxt.add(triple[2])
        frontier = nxt
    for node in frontier - seen:
        for triple in data.triples((node, RDF.type, None)):
            g.add(triple)
    return g


@functools.cache
def new_results(path: Path) -> tuple[rdflib.Graph, list[dict]]:
    """Validate context + example; return the example graph and the results the example causes."""
    example = rdflib.Graph()
    example.parse(path, format="turtle")
    data = context(example)
    data += example
    subjects = set(example.subjects())
    _, rg, _ = run(data)
    known, _ = baseline()
    return example, [r for r in results(rg)
                     if (r["focus"] in subjects or r["value"] in subjects) and key(r) not in known]


@pytest.mark.parametrize("path", _examples("valid"), ids=_id)
def test_valid_example(path: Path):
    _, added = new_results(path)
    assert not added, f"{_id(path)} should add no validation result, but added:\n{describe(added)}"


@pytest.mark.parametrize("path", _examples("invalid"), ids=_id)
def test_invalid_example(path: Path):
    example, added = new_results(path)
    expected = expectations(path, example)
    assert expected["expect"] or expected["expect-warning"], \
        f"{path.name}: an invalid example starts with '# expect: <IRI>' lines"
    assert added, f"{_id(path)} should not conform, but validation added no result"
    for level, severity in (("expect", SH.Violation), ("expect-warning", SH.Warning)):
        reported = set()
        for r in added:
            if r["severity"] == severity:
                reported.update(t for t in (r["path"], r["shape"]) if isinstance(t, URIRef))
        for iri in expected[level]:
            assert iri in reported, (
                f"{_id(path)}: expected a {severity.split('#')[-1]} at {iri}; the example added:\n"
                f"{describe(added)}")


def test_there_are_examples():
    assert len(_examples("valid")) >= 10 and len(_examples("invalid")) >= 10


# ---------------------------------------------------------------- the shipped graph


def test_shipped_graph_conforms():
    """Ontology + data conform: no violations. Warnings are allowed (soft rules) but printed."""
    start = time.perf_counter()
    _, rs = baseline()
    elapsed = time.perf_counter() - start
    violations = [r for r in rs if r["severity"] == SH.Violation]
    warnings = [r for r in rs if r["severity"] != SH.Violation]
    print(f"\npyshacl on the shipped graph ({len(base_graph())} triples): {elapsed:.2f} s "
          f"(cached if already computed); {len(warnings)} warnings")
    if warnings:
        print(describe(warnings))
    assert not violations, f"the shipped graph has violations:\n{describe(violations)}"


# ---------------------------------------------------------------- the shapes themselves


def _named_node_shapes(g: rdflib.Graph) -> set[URIRef]:
    shapes = set()
    for t in TARGETS:
        shapes.update(s for s in g.subjects(t, None) if isinstance(s, URIRef))
    return shapes


def _langs(g: rdflib.Graph, node, prop) -> set[str]:
    return {o.language for o in g.objects(node, prop) if isinstance(o, Literal) and o.language}


def test_every_constraint_has_messages_in_dutch_and_english():
    g = shapes_graph()
    missing = []
    constraints = set(g.objects(None, SH.property)) | set(g.objects(None, SH.sparql))
    constraints |= {s for s in _named_node_shapes(g)
                    if any((s, p, None) in g for p in NODE_LEVEL_PARAMS)}
    for c in constraints:
        langs = _langs(g, c, SH.message)
        if not {"nl", "en"} <= langs:
            missing.append(f"{c} (sh:message languages: {sorted(langs)})")
    assert not missing, "constraints without sh:message @nl and @en:\n  " + "\n  ".join(sorted(missing))


def test_every_property_shape_has_a_name_in_dutch_and_english():
    """In this module's files (publieke-bronnen.ttl is written and tested separately)."""
    missing = []
    for path in SHAPES_DIR.glob("*.ttl"):
        if path.name == "publieke-bronnen.ttl":
            continue
        g = rdflib.Graph().parse(path, format="turtle")
        missing += [f"{path.name}: {p}" for p in set(g.objects(None, SH.property))
                    if not {"nl", "en"} <= _langs(g, p, SH.name)]
    assert not missing, "property shapes without sh:name @nl and @en:\n  " + "\n  ".join(sorted(missing))


def test_shape_names_follow_the_convention():
    bad = [str(s) for s in _named_node_shapes(shapes_graph())
           if not (str(s).startswith(str(RDGSH)) and str(s).endswith("Shape"))]
    assert not bad, f"node shapes should be named rdgsh:<Name>Shape: {bad}"


def _superclasses(g: rdflib.Graph, cls) -> set:
    return set(g.transitive_objects(cls, RDFS.subClassOf))


def test_every_ontology_class_has_label_and_source_checks():
    """Every rdg: class (or a superclass of it) is a target of rdgsh:LabelShape and rdgsh:SourceShape."""
    onto = base_graph()
    g = shapes_graph()
    for shape in (RDGSH.LabelShape, RDGSH.SourceShape):
        targets = set(g.objects(shape, SH.targetClass))
        uncovered = [str(c) for c in onto.subjects(RDF.type, OWL.Class)
                     if str(c).startswith(str(RDG)) and not (_superclasses(onto, c) & targets)]
        assert not uncovered, f"{shape} does not reach these classes: {uncovered}"


def test_every_class_used_in_the_data_has_a_shape():
    """Each class the data uses (rdg:, org:, rdf:Statement) is the sh:targetClass of a node shape
    of its own or of a superclass, apart from the label/source checks."""
    data = base_graph()
    g = shapes_graph()
    targeted = set()
    for s, _, c in g.triples((None, SH.targetClass, None)):
        if s not in (RDGSH.LabelShape, RDGSH.SourceShape):
            targeted.add(c)
    used = {c for c in data.objects(None, RDF.type)
            if str(c).startswith((str(RDG), PREFIXES["org"])) or c == RDF.Statement}
    uncovered = sorted(str(c) for c in used if not (_superclasses(data, c) & targeted))
    assert not uncovered, f"classes used in the data without a node shape: {uncovered}"


def _targets(g: rdflib.Graph, shapes: rdflib.Graph, shape: URIRef) -> set:
    nodes = set()
    for cls in shapes.objects(shape, SH.targetClass):
        for sub in g.transitive_subjects(RDFS.subClassOf, cls):
            nodes.update(g.subjects(RDF.type, sub))
    for p in shapes.objects(shape, SH.targetSubjectsOf):
        nodes.update(g.subjects(p, None))
    for p in shapes.objects(shape, SH.targetObjectsOf):
        nodes.update(g.objects(None, p))
    nodes.update(shapes.objects(shape, SH.targetNode))
    return nodes


def _own_shapes() -> set[URIRef]:
    """Named node shapes of this module's files (publieke-bronnen.ttl has its own tests)."""
    own = set()
    for path in SHAPES_DIR.glob("*.ttl"):
        if path.name == "publieke-bronnen.ttl":
            continue
        g = rdflib.Graph().parse(path, format="turtle")
        own |= _named_node_shapes(g)
    return own


def test_every_node_shape_has_a_valid_and_an_invalid_example():
    g = shapes_graph()
    parent = {}  # property shape -> node shape
    for s, _, p in g.triples((None, SH.property, None)):
        parent[p] = s
    broken, shown_valid = set(), set()
    for path in _examples("invalid"):
        _, added = new_results(path)
        for r in added:
            broken.add(parent.get(r["shape"], r["shape"]))
    for path in _examples("valid"):
        example = rdflib.Graph().parse(path, format="turtle")
        data = base_graph() + example
        terms = {t for triple in example for t in triple}
        for shape in _own_shapes():
            if terms & _targets(data, g, shape):
                shown_valid.add(shape)
    own = _own_shapes()
    assert not (own - broken), f"node shapes no invalid example breaks: {sorted(map(str, own - broken))}"
    assert not (own - shown_valid), \
        f"node shapes with no valid example among their targets: {sorted(map(str, own - shown_valid))}"
