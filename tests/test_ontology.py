"""The repo tests its own artefacts: parsing, defined terms, labels, OWL 2 RL consistency, the reasoner."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

import rdgraph
from rdgraph import reasoning
from rdgraph.convert import from_rdflib
from rdgraph.loading import parse_file
from rdgraph.paths import turtle_files

ROOT = Path(__file__).resolve().parent.parent
NS = "https://w3id.org/rdgraph/def/regiodeals#"
ONTOLOGY = rdflib.URIRef("https://w3id.org/rdgraph/def/regiodeals")
ALL_FILES = [p for d in ("ontology", "data", "shapes") for p in turtle_files(ROOT / d)]


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    g = rdflib.Graph()
    for f in turtle_files(ROOT / "ontology"):
        g.parse(f)
    return g


def defined_terms(g: rdflib.Graph) -> set[str]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return {str(s) for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(NS)}


@pytest.mark.parametrize("path", ALL_FILES, ids=[str(p.relative_to(ROOT)) for p in ALL_FILES])
def test_every_file_parses(path):
    assert parse_file(path)


@pytest.mark.parametrize("folder", ["data", "shapes"])
def test_every_term_used_is_defined(ontology, folder):
    defined = defined_terms(ontology)
    undefined = set()
    for f in turtle_files(ROOT / folder):
        g = rdflib.Graph().parse(f)
        for t in g:
            for x in t:
                if isinstance(x, rdflib.URIRef) and str(x).startswith(NS) and str(x) not in defined:
                    undefined.add((f.name, str(x)[len(NS):]))
    assert not undefined, sorted(undefined)


def test_every_term_has_both_labels_and_a_definition(ontology):
    problems = []
    for term in sorted(defined_terms(ontology)):
        t = rdflib.URIRef(term)
        langs = {lab.language for lab in ontology.objects(t, RDFS.label)}
        if not {"nl", "en"} <= langs:
            problems.append(f"{term}: labels {langs}")
        if not list(ontology.objects(t, SKOS.definition)):
            problems.append(f"{term}: no skos:definition")
        if (t, RDFS.isDefinedBy, ONTOLOGY) not in ontology:
            problems.append(f"{term}: not rdfs:isDefinedBy the ontology")
    assert not problems, problems


def test_ontology_metadata(ontology):
    for p in (OWL.versionIRI, rdflib.DCTERMS.title, rdflib.DCTERMS.license, rdflib.DCTERMS.creator):
        assert ontology.value(ONTOLOGY, p) is not None, p
    titles = {t.language for t in ontology.objects(ONTOLOGY, rdflib.DCTERMS.title)}
    assert titles == {"nl", "en"}


def test_vocab_module_matches_ontology(ontology):
    from rdgraph.vocab import RDG

    declared = {k for k in RDG.__annotations__ if not k.startswith("_")}
    assert {t[len(NS):] for t in defined_terms(ontology)} == declared, "run: python tools/gen_vocab.py"
    with pytest.raises(AttributeError):
        RDG.rijksbijdrag  # noqa: B018 - a typo must fail


def test_ontology_stays_in_owl2_rl(ontology):
    """No constructs outside OWL 2 RL (or that owlrl cannot handle) in superclass position."""
    forbidden = [OWL.someValuesFrom, OWL.minCardinality, OWL.cardinality, OWL.qualifiedCardinality, OWL.unionOf]
    for p in forbidden:
        assert not list(ontology.subject_objects(p)), p


# ---------------------------------------------------------------- reasoning

@pytest.fixture(scope="module")
def kg():
    return rdgraph.load()


@pytest.fixture(scope="module")
def asserted_rdflib(kg):
    return kg.asserted_rdflib()


def test_owlrl_closure_is_consistent(asserted_rdflib):
    import owlrl

    g = rdflib.Graph()
    for t in asserted_rdflib:
        g.add(t)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, rdfs_closure=False, axiomatic_triples=False,
                           datatype_axioms=False).expand(g)
    errors = list(g.subjects(RDF.type, rdflib.URIRef("http://www.daml.org/2002/03/agents/agent-ont#ErrorMessage")))
    messages = [str(g.value(e, rdflib.URIRef("http://www.daml.org/2002/03/agents/agent-ont#error"))) for e in errors]
    assert not messages, messages[:5]
    same = [(s, o) for s, o in g.subject_objects(OWL.sameAs) if s != o]
    assert not same, f"owl:sameAs inferred (two values of a functional property?): {same[:5]}"


def test_targeted_reasoner_equals_owlrl_on_the_real_graph(kg, asserted_rdflib):
    """The everyday reasoner yields exactly owlrl's entailments (minus junk) on the shipped graph."""
    reference = reasoning.owlrl_inferred(asserted_rdflib)
    mine = {t for t in kg.triples(rdgraph.store.INFERRED) if not any(isinstance(x, ox.BlankNode) for x in t)}
    ref = {tuple(from_rdflib(x) for x in t) for t in reference}
    assert ref - mine == set(), sorted(map(str, ref - mine))[:10]
    assert mine - ref == set(), sorted(map(str, mine - ref))[:10]


def test_no_functional_property_clashes(kg):
    assert reasoning.check_consistency(kg.triples()) == []


def test_inferred_graph_has_no_junk(kg):
    thing = ox.NamedNode(str(OWL.Thing))
    for s, p, o in kg.triples(rdgraph.store.INFERRED):
        assert not isinstance(s, ox.BlankNode) or p != ox.NamedNode(str(RDF.type)), (s, p, o)
        assert o != thing
        assert not (p == ox.NamedNode(str(OWL.sameAs)) and s == o)


def test_inverse_transitive_and_chain_entailments(kg):
    ask = kg.sparql
    # inverse: a deal's tranche gives the tranche's deal
    assert ask(f"ASK {{ <https://w3id.org/rdgraph/id/tranche/2> <{NS}hasDeal> "
               "<https://w3id.org/rdgraph/id/regiodeal/twente> }")
    # the asserted graph alone does not say so
    assert not kg.sparql(f"ASK {{ <https://w3id.org/rdgraph/id/tranche/2> <{NS}hasDeal> ?d }}", inferred=False)
    # transitive partOf: the pilot is part of the deal's project, which is part of ... (ladder: moreFormalThan)
    assert ask(f"ASK {{ <https://w3id.org/rdgraph/id/feedbacklaag/wet-en-regelgeving> <{NS}moreFormalThan> "
               "<https://w3id.org/rdgraph/id/feedbacklaag/contacten-binnen-regio> }")
    # property chain: attributions give rdg:addressesOpgave
    assert ask(f"ASK {{ ?deal <{NS}addressesOpgave> <https://w3id.org/rdgraph/id/opgave/9> }}")


def test_why_explains_an_inferred_triple(kg):
    exp = kg.why("tranche/2", "rdg:hasDeal", "regiodeal/twente")
    assert not exp.asserted and exp.rule == "prp-inv"
    assert exp.premises[0].asserted
    text = exp.render()
    assert "regiodeal/twente rdg:tranche tranche/2" in text


def test_why_rejects_an_unknown_triple(kg):
    with pytest.raises(rdgraph.ParameterError):
        kg.why("tranche/2", "rdg:hasDeal", "regiodeal/does-not-exist")


# ---------------------------------------------------------------- cache

def _copy_project(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    for d in ("ontology", "data", "shapes", "queries"):
        shutil.copytree(ROOT / d, home / d)
    return home


def test_cache_is_reused_and_invalidated(tmp_path, monkeypatch):
    monkeypatch.setenv("RDGRAPH_CACHE", str(tmp_path / "cache"))
    home = _copy_project(tmp_path)
    first = rdgraph.load(home)
    assert not first.info.from_cache
    second = rdgraph.load(home)
    assert second.info.from_cache
    assert second.info.asserted == first.info.asserted and second.info.inferred == first.info.inferred
    f = home / "data" / "deals.ttl"
    f.write_text(f.read_text() + "\n<https://w3id.org/rdgraph/id/regiodeal/x> "
                 "<http://www.w3.org/2000/01/rdf-schema#label> \"X\"@nl .\n")
    third = rdgraph.load(home)
    assert not third.info.from_cache and third.info.asserted == first.info.asserted + 1


def test_a_malformed_file_names_file_line_and_column(tmp_path, monkeypatch):
    monkeypatch.setenv("RDGRAPH_CACHE", str(tmp_path / "cache"))
    home = _copy_project(tmp_path)
    bad = home / "data" / "kapot.ttl"
    bad.write_text('@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n'
                   '<https://w3id.org/rdgraph/id/x> rdfs:label "open string .\n')
    with pytest.raises(rdgraph.ParseError) as e:
        rdgraph.load(home)
    assert e.value.location.file.endswith("kapot.ttl")
    assert e.value.location.line == 2
    proc = subprocess.run([sys.executable, "-m", "rdgraph", "--home", str(home), "stats"],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "kapot.ttl:2:" in proc.stderr and "Traceback" not in proc.stderr


def test_an_added_file_is_reasoned_incrementally_with_the_same_result(tmp_path, monkeypatch):
    """After `rdgraph add` (a new file, nothing else changed) only the new triples are reasoned over,
    and the graph equals a full rebuild."""
    from rdgraph import store as store_mod

    monkeypatch.setenv("RDGRAPH_CACHE", str(tmp_path / "cache"))
    home = _copy_project(tmp_path)
    rdgraph.load(home)
    entry = ROOT / "tests" / "entries" / "valid" / "zaanstreek.ttl"
    (home / "data" / "deals").mkdir(exist_ok=True)
    shutil.copy(entry, home / "data" / "deals" / "nieuw.ttl")
    calls = []
    real = store_mod.extend_previous

    def spy(*args, **kwargs):
        result = real(*args, **kwargs)
        calls.append(result)
        return result

    monkeypatch.setattr(store_mod, "extend_previous", spy)
    incremental = rdgraph.load(home)
    assert calls and calls[0] is not None, "the added file should have been reasoned incrementally"
    full = rdgraph.load(home, use_cache=False)

    def quads(kg):
        return {(q.subject, q.predicate, q.object, q.graph_name) for q in kg.store.quads_for_pattern(None, None, None)
                if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}

    assert quads(incremental) == quads(full)
    assert incremental.info.inferred == full.info.inferred


def test_a_changed_schema_is_reasoned_in_full(tmp_path, monkeypatch):
    monkeypatch.setenv("RDGRAPH_CACHE", str(tmp_path / "cache"))
    home = _copy_project(tmp_path)
    rdgraph.load(home)
    (home / "data" / "extra.ttl").write_text(
        "<https://w3id.org/rdgraph/def/regiodeals#RegioDeal> "
        "<http://www.w3.org/2000/01/rdf-schema#subClassOf> <https://w3id.org/rdgraph/def/regiodeals#Programme> .\n")
    kg = rdgraph.load(home)
    assert kg.sparql("ASK { <https://w3id.org/rdgraph/id/regiodeal/twente> a "
                     "<https://w3id.org/rdgraph/def/regiodeals#Programme> }")
