"""The plain query path stays light: ``rdgraph query NAME`` (cache warm) imports none of the heavy or
network modules that other verbs need, nor the standard modules that only cost start-up time there
(dataclasses and inspect, logging, typing, hashlib, pathlib); the start-up budget itself is measured in
bench/bench_startup.py. The package's names are imported on first use, and the CLI registers only the verb
module a command line names, with the same result as the full parser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("yaml", "rdflib", "pyshacl", "owlrl", "http.client", "email", "SPARQLWrapper", "jinja2", "starlette",
             "dataclasses", "inspect", "logging", "typing", "hashlib", "pathlib")


def _imported(*args: str) -> set[str]:
    env = dict(os.environ)
    subprocess.run([sys.executable, "-m", "rdgraph", *args], capture_output=True, env=env, check=True,
                   timeout=300)  # warm the cache (graph and query registry)
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "rdgraph", *args], capture_output=True,
                          text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}


@pytest.mark.parametrize("args", [
    ("query", "opgaven-per-tranche"),
    ("query", "evaluaties", "--format", "csv"),
    ("sparql", "SELECT ?d WHERE { ?d a rdg:RegioDeal } LIMIT 3"),
])
def test_plain_query_path_imports_nothing_heavy(args):
    mods = _imported(*args)
    assert "pyoxigraph" in mods  # the measurement works
    heavy = sorted(m for m in mods if m.split(".")[0] in FORBIDDEN or m in FORBIDDEN)
    assert heavy == [], f"rdgraph {' '.join(args)} imports {heavy}"


def test_plain_query_path_imports_only_its_verb_module():
    mods = _imported("query", "opgaven-per-tranche", "--format", "json")
    verb_modules = sorted(m for m in mods if m.startswith("rdgraph.cli.") and m != "rdgraph.cli.common")
    assert verb_modules == ["rdgraph.cli.query"]
    assert not {"rdgraph.entries", "rdgraph.export", "rdgraph.server", "rdgraph.prescan"} & mods


def test_the_package_api_is_complete_and_lazy():
    code = ("import sys, rdgraph; before = set(sys.modules); "
            "from rdgraph import *; from rdgraph import Result, KnowledgeGraph, load, RdgraphError; "
            "assert rdgraph.load is load and rdgraph.Result is Result; "
            "assert set(rdgraph.__all__) <= set(dir(rdgraph)); "
            "print('rdgraph.store' in before, 'rdgraph.store' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "True"]  # imported when first used, not by ``import rdgraph``
    import rdgraph

    with pytest.raises(AttributeError):
        rdgraph.no_such_name  # noqa: B018


def test_the_verb_table_is_what_the_verb_modules_register():
    from rdgraph.cli import VERB_MODULES, registered_by, verbs

    for module, names in VERB_MODULES.items():
        assert registered_by(module) == list(names), module
    assert len(verbs()) == len(set(verbs()))


@pytest.mark.parametrize("argv", [
    ["query", "opgaven-per-tranche", "-p", "scope=all", "--lang", "en", "-f", "csv", "--limit", "3"],
    ["--home", ".", "--no-cache", "--max", "depth=9", "--max=query_seconds=5", "sparql", "ASK {}", "-f", "json"],
    ["--home=.", "stats", "--format", "json"],
    ["validate", "x.ttl", "--lang", "en"],
    ["export", "--format", "turtle", "-o", "out.ttl"],
])
def test_the_parser_of_one_verb_reads_a_command_line_as_the_full_parser(argv):
    from rdgraph.cli import build_parser, verb_of

    assert verb_of(argv) is not None
    one = vars(build_parser(argv).parse_args(argv))
    full = vars(build_parser().parse_args(argv))
    assert {k: v for k, v in one.items() if k != "func"} == {k: v for k, v in full.items() if k != "func"}
    assert one["func"] is full["func"]


@pytest.mark.parametrize("argv", [["--help"], ["--ho", ".", "query"], ["qury", "x"], [], ["-x", "query"]])
def test_a_command_line_without_a_plain_verb_gets_the_full_parser(argv):
    from rdgraph.cli import verb_of

    assert verb_of(argv) is None


# ---------------------------------------------------------------- the query registry in the cache

def _outcome(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
        return None
    except Exception as e:  # noqa: BLE001 - the outcome, whatever it is, must be the same
        return (type(e).__name__, str(e))


def test_prepared_queries_bind_and_check_as_the_full_scan_does():
    import pickle

    from rdgraph.limits import Limits
    from rdgraph.queries import Catalogue
    from rdgraph.sparql_text import check_query, nesting_depth, where_groups

    catalogue = Catalogue(ROOT / "queries")
    for name in catalogue.names():
        nq = catalogue.get(name)
        assert nq.depth == nesting_depth(nq.text), name
        assert [tuple(g) for g in nq._prepared["groups"]] == where_groups(nq.text), name
        unprepared = pickle.loads(pickle.dumps(nq))  # the same query without the registry's scan
        assert unprepared.depth is None
        assert nq.bind({}) == unprepared.bind({}), name
        bound = nq.bind({})
        for depth in (nq.depth - 1, nq.depth, nq.depth + 1, nq.depth + 2):
            lim = Limits(query_depth=depth)
            assert _outcome(check_query, bound, lim, name, template_depth=nq.depth) == \
                _outcome(check_query, bound, lim, name), (name, depth)


def test_the_registry_follows_the_query_files(tmp_path, monkeypatch):
    from rdgraph import query_registry
    from rdgraph.errors import QuerySyntaxError
    from rdgraph.queries import Catalogue

    monkeypatch.setenv("RDGRAPH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(query_registry, "_REGISTRY", None)
    folder = tmp_path / "queries"
    folder.mkdir()
    rq = folder / "q.rq"
    rq.write_text("#+ summary: first\nSELECT ?s WHERE { ?s ?p ?o }\n", encoding="utf-8")
    first = Catalogue(folder).get("q")
    assert first.summary == "first" and first.needs_prefixes is False
    rq.write_text("#+ summary: second\n#+ params: [{name: s, type: iri}]\nSELECT ?s WHERE { ?s ?p ?o }\n",
                  encoding="utf-8")
    q = Catalogue(folder).get("q")
    assert q.summary == "second" and [p.name for p in q.params] == ["s"]
    assert "VALUES ?s { <http://e/x> }" in q.bind({"s": "http://e/x"})
    monkeypatch.setattr(query_registry, "_REGISTRY", None)  # a new process reads what this one wrote
    assert Catalogue(folder).get("q").summary == "second" and len(query_registry._registry()) == 2
    rq.write_text("#+ summary: rdgraph's prefixes\nSELECT ?d WHERE { ?d a rdg:RegioDeal } LIMIT 1\n", encoding="utf-8")
    assert Catalogue(folder).get("q").needs_prefixes is True
    rq.write_text("#+ summary: an update\nDELETE WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(QuerySyntaxError):
        Catalogue(folder).get("q")
    assert len(query_registry._registry()) == 3  # only vetted texts are remembered


def test_named_queries_answer_the_same_without_the_prefix_table():
    import rdgraph

    kg = rdgraph.load()
    for name in kg.catalogue.names():
        nq = kg.catalogue.get(name)
        text = nq.bind({})
        fast = kg._evaluate(text, name, True, prefixes=False)
        full = kg._evaluate(text, name, True, prefixes=True)
        assert [tuple(s) for s in fast] == [tuple(s) for s in full], name
    # a text that does need the table after all is asked again with it
    assert len(list(kg._evaluate("SELECT ?d WHERE { ?d a rdg:RegioDeal }", None, True, prefixes=False))) > 10


def test_the_warm_start_lists_files_as_the_paths_do(tmp_path, monkeypatch):
    """The warm start lists and keys the files as strings; a build as Paths: the same files, order and key."""
    from rdgraph.graph_cache import content_key
    from rdgraph.paths import RDF_SUFFIXES, project_root, project_root_str, turtle_file_names, turtle_files

    assert str(project_root()) == project_root_str()
    for rel in ("a/x.ttl", "a-b/y.ttl", "a.b/z.nt", "a/b/c.jsonld", "a/b-c/d.trig", "notes.txt", "a/.hidden.ttl"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(rel, encoding="utf-8")
    expected = sorted(p for p in tmp_path.rglob("*") if p.suffix in RDF_SUFFIXES and p.is_file())
    assert len(expected) == 6
    assert turtle_files(tmp_path) == expected
    assert turtle_file_names(str(tmp_path)) == [str(p) for p in expected]
    monkeypatch.setenv("RDGRAPH_CACHE", str(tmp_path / "cache"))
    assert content_key([str(p) for p in expected], "x", True) == content_key(expected, "x", True) \
        == content_key(expected, "x", False)
