"""One prefix table (rdgraph.namespaces): agrees with the JSON-LD context, is the only one in src/, and is
what every writer and every SPARQL entry point uses."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

import rdgraph
from rdgraph.errors import QuerySyntaxError
from rdgraph.namespaces import (
    BASE,
    CONTEXT_PREFIXES,
    PREFIXES,
    RDF,
    RDG,
    SH,
    SKOS,
    VOCABULARIES,
    curie,
    short,
)

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "rdgraph"
OWNERS = {SRC / "namespaces.py", SRC / "vocabularies.py"}


@pytest.fixture(scope="module")
def kg():
    return rdgraph.load()


def test_table_agrees_with_the_jsonld_context():
    ctx = json.loads((ROOT / "context" / "rdgraph.jsonld").read_text(encoding="utf-8"))["@context"]
    declared = {k: v for k, v in ctx.items() if isinstance(v, str) and v.endswith(("#", "/"))}
    assert declared == {p: PREFIXES[p] for p in CONTEXT_PREFIXES}


def test_term_lists_are_generated_from_the_ontology():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_vocab.py"), "--check"], capture_output=True)
    assert r.returncode == 0, "src/rdgraph/vocabularies.py is out of date: run python tools/gen_vocab.py"


def test_vocabularies_are_closed():
    assert RDG.RegioDeal == ox.NamedNode(PREFIXES["rdg"] + "RegioDeal")
    assert SH["class"].value.endswith("#class")
    for bad in (lambda: RDG.rijksbijdrag, lambda: SKOS.prefLable, lambda: RDF["tpye"]):
        with pytest.raises(AttributeError):
            bad()


def _strings(tree: ast.AST):
    """String constants and f-strings (with ``x`` for each placeholder) of a module, without docstrings."""
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        if isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            yield node.lineno, "".join(v.value if isinstance(v, ast.Constant) else "x" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            yield node.lineno, node.value


NAMESPACE_IRIS = sorted(set(VOCABULARIES.values()) | {BASE}, key=len, reverse=True)
DECLARATION = re.compile(r"(@prefix|PREFIX)\s+\w*:\s*<(?!\.\.\.>)", re.IGNORECASE)


@pytest.mark.parametrize("path", sorted(p for p in SRC.rglob("*.py") if p not in OWNERS),
                         ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_declares_its_own_prefixes(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    texts_for_people = "messages" in path.parts  # messages may show an IRI as an example
    for line, text in _strings(tree):
        for ns in () if texts_for_people else NAMESPACE_IRIS:
            assert ns not in text, f"{path.name}:{line} spells {ns}: use rdgraph.namespaces"
        assert not DECLARATION.search(text), f"{path.name}:{line} declares a prefix: use rdgraph.namespaces"


def test_named_queries_declare_the_tables_prefixes():
    for q in sorted((ROOT / "queries").glob("*.rq")):
        for name, iri in re.findall(r"^PREFIX\s+(\w*):\s*<([^>]*)>", q.read_text(encoding="utf-8"), re.M):
            if name in PREFIXES:
                assert iri == PREFIXES[name], f"{q.name}: PREFIX {name}: <{iri}> is not rdgraph's {PREFIXES[name]}"


def _prefix_lines(turtle: str) -> dict[str, str]:
    return dict(re.findall(r"^@prefix\s+(\w*):\s*<([^>]*)>\s*\.", turtle, re.M))


def test_add_and_export_write_the_same_prefixes(kg):
    from rdgraph.entries import to_turtle
    from rdgraph.export import export

    deal = ox.NamedNode(PREFIXES["regiodeal"] + "twente")
    triples = [(q.subject, q.predicate, q.object) for q in kg.store.quads_for_pattern(deal, None, None, None)]
    added = to_turtle(triples)
    exported = export(kg, "turtle").data.decode("utf-8")
    a, e = _prefix_lines(added), _prefix_lines(exported)
    assert "regiodeal" in a and "regiodeal" in e
    for p, ns in {**a, **e}.items():
        assert PREFIXES.get(p) == ns, p
    assert "regiodeal:twente" in added and "regiodeal:twente" in exported


def test_short_forms():
    assert short(PREFIXES["regiodeal"] + "twente") == "regiodeal:twente"
    assert short(RDG.tranche.value) == "rdg:tranche"
    assert short("https://example.org/x") == "<https://example.org/x>"
    assert curie(PREFIXES["bron"] + "rode-draden-2024/3.3") is None  # not a valid Turtle local name


def test_sparql_knows_the_prefixes_without_declarations(kg):
    r = kg.sparql("SELECT ?d WHERE { ?d a rdg:RegioDeal ; rdg:tranche tranche:3 ; rdfs:label ?l }")
    assert len(r.rows) > 0
    declared = kg.sparql(f"PREFIX rdg: <{PREFIXES['rdg']}> SELECT ?d WHERE {{ ?d a rdg:RegioDeal ; "
                         "rdg:tranche tranche:3 ; rdfs:label ?l }")
    assert sorted(map(str, declared.rows)) == sorted(map(str, r.rows))


def test_an_unknown_prefix_is_named(kg):
    with pytest.raises(QuerySyntaxError, match=r"^unknown prefix foo\b"):
        kg.sparql("SELECT ?x WHERE { ?x a foo:Bar }")
    # a declared prefix is not unknown, and a string that looks like one is not a prefix
    kg.sparql('PREFIX foo: <https://example.org/> SELECT ?x WHERE { ?x a foo:Bar FILTER(?x != "bar:baz") }')


def test_with_prefixes_declares_only_what_is_used_and_missing():
    from rdgraph.queries import with_prefixes

    text = f"PREFIX rdg: <{PREFIXES['rdg']}>\nSELECT * WHERE {{ ?d a rdg:RegioDeal ; rdfs:label ?l }} # skos:note"
    out = with_prefixes(text)
    assert out == f"PREFIX rdfs: <{PREFIXES['rdfs']}>\n" + text


def test_cli_sparql_without_prefixes_and_with_an_unknown_one():
    run = [sys.executable, "-m", "rdgraph", "sparql"]
    ok = subprocess.run(run + ["SELECT ?d WHERE { ?d rdg:tranche tranche:3 } LIMIT 1"], capture_output=True,
                        text=True)
    assert ok.returncode == 0, ok.stderr
    assert "regiodeal/" in ok.stdout
    bad = subprocess.run(run + ["SELECT ?d WHERE { ?d rdgg:tranche ?t }"], capture_output=True, text=True)
    assert bad.returncode == 2
    assert bad.stderr.startswith("rdgraph: unknown prefix rdgg"), bad.stderr
    assert "expected" not in bad.stderr


def test_server_sparql_without_prefixes_and_with_an_unknown_one(kg):
    from rdgraph.server import running_server

    with running_server(kg, workers=1) as srv:
        base = srv.url.rstrip("/")

        def get(q: str):
            url = f"{base}/sparql?" + urllib.parse.urlencode({"query": q})
            req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
            try:
                with urllib.request.urlopen(req, timeout=60) as resp:
                    return resp.status, resp.read().decode()
            except urllib.error.HTTPError as e:
                return e.code, e.read().decode()

        status, body = get("SELECT ?d WHERE { ?d rdg:tranche tranche:3 } LIMIT 1")
        assert status == 200, body
        assert json.loads(body)["results"]["bindings"]
        status, body = get("SELECT ?d WHERE { ?d rdgg:tranche ?t }")
        assert status == 400
        assert body.startswith("unknown prefix rdgg"), body
