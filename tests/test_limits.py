"""The limits, the pre-scans, safe printing, streaming writers and file modes, tested in-process.

The defaults must let the real graph, every legitimate entry and every named query through untouched;
each limit must be documented in the README and in ``rdgraph --help``; sources override in order.
"""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from rdgraph import limits as L
from rdgraph import prescan
from rdgraph.display import safe_text
from rdgraph.entries.parse import parse_entry
from rdgraph.errors import ParseError
from rdgraph.fileio import write_text_atomic
from rdgraph.queries import Catalogue
from rdgraph.results import Result
from rdgraph.streaming import Stream, from_result, write_result

ROOT = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------- documented in one place

def test_readme_lists_every_limit_as_the_module_does():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Limits" in readme
    assert L.describe_markdown() in readme, "README's limits table differs from limits.describe_markdown()"


def test_help_lists_every_limit():
    out = subprocess.run([sys.executable, "-m", "rdgraph", "--help"], capture_output=True, text=True).stdout
    for name in L.names():
        assert name in out and L.env_name(name) in out


# ---------------------------------------------------------------- the defaults let the real things through

def _project_files():
    for d in ("ontology", "data", "shapes"):
        yield from sorted((ROOT / d).rglob("*.ttl"))


def test_defaults_pass_every_file_of_the_graph():
    files = list(_project_files())
    assert len(files) > 20
    for f in files:
        data = prescan.read_checked(f)
        prescan.scan_rdf(data, "turtle", str(f))
        lits = [q.object for q in ox.parse(data, format=ox.RdfFormat.TURTLE) if isinstance(q.object, ox.Literal)]
        prescan.check_numeric_literals(lits, str(f))


@pytest.mark.parametrize("entry", sorted((ROOT / "tests" / "entries" / "valid").iterdir()), ids=lambda p: p.name)
def test_defaults_pass_every_legitimate_entry(entry):
    assert parse_entry(entry)


def test_defaults_pass_every_named_query():
    cat = Catalogue(ROOT / "queries")
    for q in cat.all():
        prescan.check_query(q.text, where=q.name)
        prescan.check_query(q.bind({}), where=q.name)


# ---------------------------------------------------------------- sources, in order

def test_config_then_environment_then_options(tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text("[limits]\ndepth = 100\nliteral_bytes = '2M'\nquery_seconds = 5\n", encoding="utf-8")
    lim = L.from_sources({"RDGRAPH_CONFIG": str(cfg)})
    assert (lim.depth, lim.literal_bytes, lim.query_seconds) == (100, 2 << 20, 5.0)
    lim = L.from_sources({"RDGRAPH_CONFIG": str(cfg), "RDGRAPH_MAX_DEPTH": "200"})
    assert lim.depth == 200 and lim.literal_bytes == 2 << 20
    lim = L.from_sources({"RDGRAPH_CONFIG": str(cfg), "RDGRAPH_MAX_DEPTH": "200"}, {"depth": "300"})
    assert lim.depth == 300
    assert L.from_sources({}) == L.Limits()


@pytest.mark.parametrize("name,value", [("depth", "lots"), ("nope", "1"), ("depth", "0"), ("depth", "-3")])
def test_bad_limit_values_are_usage_errors(name, value):
    with pytest.raises(L.LimitConfigError):
        L.from_sources({}, {name: value})


def test_limit_error_names_limit_value_and_place():
    with pytest.raises(L.LimitError) as e:
        prescan.scan_turtle("@prefix ex: <https://e/> .\nex:s ex:p " + "[ ex:p " * 70 + "1" + " ]" * 70 + " .",
                            "x.ttl", L.Limits())
    err = e.value
    assert (err.limit, err.value, err.maximum, err.file, err.line) == ("depth", 65, 64, "x.ttl", 2)
    assert "x.ttl:2:" in err.message and "RDGRAPH_MAX_DEPTH" in err.hint
    lenient = L.Limits().replace(depth=100)
    prescan.scan_turtle("ex:s ex:p " + "[ ex:p " * 70 + "1" + " ]" * 70 + " .", "x.ttl", lenient)


# ---------------------------------------------------------------- the pre-scans

@pytest.mark.parametrize("lexical,magnitude", [
    ("12", 2), ("-3.25", 3), ("1e999999999", 999999999), ("1E-5", 5), (".5e+0007", 7), ("abc", None),
    ("1e" + "9" * 40, 10 ** 18), ("", None), ("1.", 1)])
def test_numeric_magnitude_on_the_text(lexical, magnitude):
    assert prescan.numeric_magnitude(lexical) == magnitude


def test_strings_comments_and_iris_do_not_count_as_nesting():
    text = ('@prefix ex: <https://e/[[[[> .\n# ((((((((\nex:s ex:p "[[[[(((({{{{" , """((((\n[[[[""" , '
            "'((((' ; ex:q ( 1 2 3 ) .\n") * 30
    prescan.scan_turtle(text, "x.ttl", L.Limits().replace(depth=2))


def test_list_length_counts_members():
    lim = L.Limits().replace(list_length=3)
    prescan.scan_turtle("ex:s ex:p ( 1 ex:a \"b\" ) .", "x", lim)
    with pytest.raises(L.LimitError, match="list length"):
        prescan.scan_turtle("ex:s ex:p ( 1 ex:a \"b\" [ ex:p 1 ] ) .", "x", lim)
    with pytest.raises(L.LimitError, match="list_length"):
        prescan.scan_json('{"@list": [1, 2, 3, 4]}', "x", lim)


def test_typed_numeric_strings_checked_only_for_numeric_datatypes():
    lim = L.Limits()
    prescan.scan_turtle('ex:s ex:p "1e999999999" , "1e999999999"^^xsd:string .', "x", lim)
    with pytest.raises(L.LimitError):
        prescan.scan_turtle('ex:s ex:p "1e999999999"^^<http://www.w3.org/2001/XMLSchema#double> .', "x", lim)


def test_xml_dtd_refused_and_depth_measured():
    with pytest.raises(ParseError, match="DTD"):
        prescan.scan_xml('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]><x/>', "x.rdf", L.Limits())
    deep = "<a>" * 70 + "</a>" * 70
    with pytest.raises(L.LimitError, match="depth"):
        prescan.scan_xml(deep, "x.rdf", L.Limits())
    prescan.scan_xml('<a x=">>>" y="<b>"><b/><!-- <c><c><c> --></a>' * 3, "x.rdf", L.Limits().replace(depth=1))


def test_query_depth_ignores_strings_and_iris():
    lim = L.Limits().replace(query_depth=3)
    prescan.check_query('SELECT * WHERE { ?s ?p "{{{{((((" . ?s ?p <http://e/((((> } # {{{{{', lim)
    with pytest.raises(L.LimitError, match="query nesting depth"):
        prescan.check_query("SELECT * WHERE { { { { ?s ?p ?o } } } }", lim)


# ---------------------------------------------------------------- relative IRIs

def test_relative_iri_names_the_line_and_never_a_local_path(tmp_path):
    for name, text, line in [
        ("e.ttl", "@prefix ex: <https://e/> .\n\nex:s ex:p <foo> .\n", 3),
        ("e.jsonld", '{\n "@id": "https://e/s",\n "https://e/p": {"@id": "foo"}\n}\n', 3),
        ("e.rdf", '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                  'xmlns:ex="https://e/">\n<rdf:Description rdf:about="foo"><ex:p>x</ex:p></rdf:Description>'
                  "\n</rdf:RDF>\n", 3),
    ]:
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        with pytest.raises(ParseError) as e:
            parse_entry(p, lang="en")
        assert e.value.location.line == line, (name, e.value)
        assert "relative IRI foo" in e.value.message and "file:" not in e.value.message
    ok = tmp_path / "based.ttl"
    ok.write_text("@base <https://e/> .\n<foo> <p> <bar> .\n", encoding="utf-8")
    assert str(parse_entry(ok)[0][0].value) == "https://e/foo"


# ---------------------------------------------------------------- safe printing

def test_safe_text_escapes_controls_and_bidi():
    s = "a\x1b[31mb\x07c\x85d\u202ee\u2066f\u200fg\nh\ti"
    assert safe_text(s) == "a\\x1b[31mb\\x07c\\x85d\\u202ee\\u2066f\\u200fg\\nh\\ti"
    assert safe_text(s, keep_newlines=True).endswith("g\nh\ti")
    assert safe_text("Zaanstreek — café €") == "Zaanstreek — café €"


def test_table_of_a_result_escapes_controls():
    r = Result(["x"], [(ox.Literal("\x1b[2Jred\u202e"),)])
    assert "\x1b" not in r.to_table() and "\\x1b[2J" in r.to_table() and "\u202e" not in r.to_markdown()


# ---------------------------------------------------------------- streaming writers give the same answers

def _result():
    t = [ox.NamedNode("https://w3id.org/rdgraph/id/x"), ox.Literal("a,\"b\"\n", language="nl"),
         ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), ox.BlankNode("b0")]
    return Result(["s", "l", "n", "b"], [tuple(t), (t[0], None, t[2], None)])


@pytest.mark.parametrize("fmt", ["csv", "tsv", "xml"])
def test_streamed_formats_equal_the_built_ones(fmt):
    out = io.StringIO()
    write_result(from_result(_result()), fmt, out)
    assert out.getvalue() == _result().render(fmt)


def test_streamed_json_equals_the_built_one():
    out = io.StringIO()
    write_result(from_result(_result()), "json", out)
    assert json.loads(out.getvalue()) == json.loads(_result().to_json())
    out = io.StringIO()
    write_result(Stream([], iter(()), True), "json", out)
    assert json.loads(out.getvalue()) == {"head": {}, "boolean": True}


def test_row_limit_is_an_error_and_limit_is_not():
    rows = [(ox.Literal(str(i)),) for i in range(10)]
    lim = L.Limits().replace(result_rows=5)
    with pytest.raises(L.LimitError, match="more than 5 rows"):
        write_result(Stream(["x"], iter(rows)), "csv", io.StringIO(), lim)
    out = io.StringIO()
    assert write_result(Stream(["x"], iter(rows)), "csv", out, lim, limit=3) == 3
    with pytest.raises(L.LimitError, match="result_bytes"):
        write_result(Stream(["x"], iter(rows)), "csv", io.StringIO(), L.Limits().replace(result_bytes=10))


# ---------------------------------------------------------------- file modes honour the umask

@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_atomic_writes_honour_the_umask(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        p = tmp_path / "out.ttl"
        write_text_atomic(p, "x\n")
        assert stat.S_IMODE(p.stat().st_mode) == mode
    finally:
        os.umask(old)


def test_atomic_write_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    p = tmp_path / "out.ttl"
    p.write_text("old", encoding="utf-8")
    p.chmod(0o604)
    write_text_atomic(p, "new")
    assert stat.S_IMODE(p.stat().st_mode) == 0o604 and p.read_text(encoding="utf-8") == "new"


def test_export_and_add_write_files_with_the_umask(tmp_path):
    import shutil

    home = tmp_path / "home"
    for d in ("ontology", "data", "shapes", "queries"):
        shutil.copytree(ROOT / d, home / d)
    env = dict(os.environ, RDGRAPH_HOME=str(home))
    env.pop("RDGRAPH_DEBUG", None)

    def run(*args):
        return subprocess.run([sys.executable, "-m", "rdgraph", *args], capture_output=True, text=True, env=env,
                              preexec_fn=lambda: os.umask(0o022), timeout=600)

    out = tmp_path / "export.nt"
    r = run("export", "--format", "ntriples", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    r = run("add", str(ROOT / "tests" / "entries" / "valid" / "zaanstreek.ttl"))
    assert r.returncode == 0, r.stderr + r.stdout
    written = sorted((home / "data" / "deals").glob("*.ttl"))
    assert written and all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in written)


def test_construct_streams_as_ntriples_and_select_rows_stop_at_limit():
    import rdgraph

    kg = rdgraph.load()
    out = io.StringIO()
    n = write_result(kg.stream("CONSTRUCT { ?s a ?o } WHERE { ?s a ?o }"), "ntriples", out, limit=5)
    lines = out.getvalue().splitlines()
    assert n == 5 and len(lines) == 5
    assert {(q.subject, q.predicate, q.object) for q in ox.parse(out.getvalue(), format=ox.RdfFormat.N_TRIPLES)}
    out = io.StringIO()
    assert write_result(kg.stream("SELECT * WHERE { ?s ?p ?o }"), "tsv", out, limit=7) == 7
    assert len(out.getvalue().splitlines()) == 8
    # the time limit is tried in a subprocess (tests/hostile/sparql-cross-join-timeout.json): a query stopped
    # at its deadline is abandoned in its thread, which would keep a core busy for the rest of this session
