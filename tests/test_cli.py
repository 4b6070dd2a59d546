"""Every CLI verb end to end, as a user runs it: exit codes, output formats, and bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rdgraph.cli import verbs as cli_verbs

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "rdgraph", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=e, timeout=300)


def verbs() -> list[str]:
    return sorted(cli_verbs())


@pytest.mark.parametrize("verb", verbs())
def test_help_of_every_verb(verb):
    proc = run(verb, "--help")
    assert proc.returncode == 0, proc.stderr
    assert "usage: rdgraph" in proc.stdout


def test_every_verb_and_query_is_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for verb in verbs():
        assert f"rdgraph {verb}" in readme, f"README does not mention 'rdgraph {verb}'"
    docs = readme + (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
    for q in sorted((ROOT / "queries").glob("*.rq")):
        assert q.stem in docs, f"docs do not mention query {q.stem}"


def test_version_and_no_verb():
    assert run("--version").stdout.startswith("rdgraph ")
    assert run().returncode == 2


def test_queries_of_another_home():
    proc = run("--home", str(ROOT), "queries")  # --home as a string (was: TypeError str / str)
    assert proc.returncode == 0, proc.stderr
    assert "opgaven-per-tranche" in proc.stdout


def test_queries_lists_every_named_query():
    proc = run("queries")
    assert proc.returncode == 0
    for q in (ROOT / "queries").glob("*.rq"):
        assert q.stem in proc.stdout
    data = json.loads(run("queries", "--format", "json").stdout)
    names = {d["name"] for d in data}
    assert "interventies-per-opgave" in names
    q = next(d for d in data if d["name"] == "interventies-per-opgave")
    assert q["rq"] == "rq1" and q["research_question"].startswith("RQ1")
    assert any(p["name"] == "opgave" and p["type"] == "iri" for p in q["params"])


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "xml", "markdown"])
def test_query_in_every_format(fmt):
    proc = run("query", "interventies-per-opgave", "--param", "opgave=3", "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    if fmt == "json":
        data = json.loads(out)
        assert data["head"]["vars"][:2] == ["kind", "position"]
        assert len(data["results"]["bindings"]) == 10
        assert data["results"]["bindings"][0]["item"]["type"] == "uri"
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert rows[0][:2] == ["kind", "position"] and len(rows) == 11
        raw = subprocess.run([sys.executable, "-m", "rdgraph", "query", "interventies-per-opgave", "-p", "opgave=3",
                              "-f", "csv"], capture_output=True, cwd=ROOT, timeout=120).stdout
        assert raw.count(b"\r\n") == 11  # RFC 4180 line ends, as the SPARQL CSV format asks
    elif fmt == "tsv":
        lines = out.strip("\n").split("\n")
        assert lines[0].startswith("?kind\t?position") and len(lines) == 11
        assert "<https://w3id.org/rdgraph/id/" in lines[1]
    elif fmt == "xml":
        assert 'xmlns="http://www.w3.org/2005/sparql-results#"' in out and out.count("<result>") == 10
    elif fmt == "markdown":
        assert out.startswith("| kind | position |")
    else:
        assert "(10 rows)" in out


def test_query_english_labels_and_output_file(tmp_path):
    target = tmp_path / "out.csv"
    proc = run("query", "opgaven-per-tranche", "--lang", "en", "-f", "csv", "-o", str(target))
    assert proc.returncode == 0 and proc.stdout == ""
    assert "Tackling crime" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (("query", "no-such-query"), "no named query"),
    (("query", "opgaven-per-trance"), "did you mean: opgaven-per-tranche"),
    (("query", "evaluaties", "--param", "tranche=three"), "not a valid integer"),
    (("query", "evaluaties", "--param", "tranche"), "is not key=value"),
    (("query", "evaluaties", "--param", "nope=1"), "has no parameter"),
    (("query", "opgaven-per-tranche", "--param", "scope=everything"), "not an allowed value"),
    (("sparql", "SELECT * WHERE { ?s ?p }"), "SPARQL syntax error"),
    (("sparql", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"), "updates are refused"),
    (("sparql", "SELECT * WHERE { SERVICE <http://example.invalid/sparql> { ?s ?p ?o } }"), "SERVICE is refused"),
    (("sparql", "--file", "/nonexistent/q.rq"), "cannot read"),
    (("why", "tranche/2", "rdg:hasDeal", "regiodeal/nope"), "neither asserted nor inferred"),
    (("why", "x:y", "rdg:hasDeal", "regiodeal/twente"), "unknown prefix"),
])
def test_bad_input_gives_a_clear_message_and_exit_2(args, message):
    proc = run(*args)
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_sparql_ad_hoc_text_and_file(tmp_path):
    q = "PREFIX rdg: <https://w3id.org/rdgraph/def/regiodeals#> SELECT (COUNT(?o) AS ?n) WHERE { ?o a rdg:Opgave }"
    proc = run("sparql", q, "-f", "csv")
    assert proc.returncode == 0 and proc.stdout.split() == ["n", "15"]
    f = tmp_path / "q.rq"
    f.write_text("ASK { <https://w3id.org/rdgraph/id/opgave/1> ?p ?o }")
    assert run("sparql", "--file", str(f), "-f", "json").stdout.strip().endswith('"boolean": true}')


def test_stats():
    proc = run("stats")
    assert proc.returncode == 0
    assert "rdg:RegioDeal" in proc.stdout and "asserted" in proc.stdout
    data = json.loads(run("stats", "--format", "json").stdout)
    assert data["instances_per_class"]["https://w3id.org/rdgraph/def/regiodeals#Opgave"] == 15
    assert data["triples_inferred"] > 0
    assert "https://w3id.org/rdgraph/id/bron/rode-draden-2024/bijlage-a" in data["sources"]


def test_validate_shipped_graph():
    proc = run("validate", "--format", "json")
    report = json.loads(proc.stdout)
    assert proc.returncode == (0 if report["conforms"] else 1)
    assert report["conforms"], [r["message"] for r in report["results"] if r["severity"] == "Violation"][:5]


def test_why():
    proc = run("why", "tranche/2", "rdg:hasDeal", "regiodeal/twente")
    assert proc.returncode == 0
    assert "prp-inv" in proc.stdout and "[asserted]" in proc.stdout


def test_report_text_and_html(tmp_path):
    proc = run("report", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    for heading in ("Question 1", "Question 2", "Question 3"):
        assert heading in out
    assert "Zuid-Hollandse Delta" in out          # the one tranche 1-3 deal without evaluation
    assert "2,600,000" in out and "1,300,000" in out      # the Stallenaanpak: EUR 2.6M, of which 1.3M Rijk
    page = tmp_path / "report.html"
    proc = run("report", "--html", str(page))
    assert proc.returncode == 0
    html = page.read_text(encoding="utf-8")
    assert html.count("<svg") >= 3 and "Vraag 3" in html
    assert "http://" not in html.split("<body>")[0] and "<script" not in html  # self-contained


def test_a_library_error_never_shows_a_traceback(tmp_path):
    proc = run("--home", str(tmp_path), "stats")
    assert "Traceback" not in proc.stderr


def test_query_path_does_not_import_heavy_modules():
    """The everyday path (load from cache, named query) stays off rdflib, pyshacl and owlrl."""
    code = ("import sys, rdgraph; kg = rdgraph.load(); kg.query('feedbackladder'); "
            "heavy = [m for m in ('rdflib', 'pyshacl', 'owlrl', 'pandas') if m in sys.modules]; "
            "print(','.join(heavy))")
    run("stats")  # warm the cache
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""
