"""The engine guard (rdgraph.engine_guard): ad-hoc queries with ORDER BY are evaluated in a forked child, so an
engine abort (pyoxigraph's ORDER BY panic, oxigraph#1542) is a clear error and not the end of the process.

The deterministic abort through the CLI (nl, en, --format json) is in tests/hostile/sparql-order-by-*.json. Here:
the same answers as the in-process path, an abort by design (a test hook) in both languages, the deadline
killing the child, errors passing through, and named queries not touched.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rdgraph import engine_guard
from rdgraph.engine_guard import EngineStoppedError
from rdgraph.errors import QuerySyntaxError
from rdgraph.store import load
from rdgraph.streaming import QueryTimeoutError

ROOT = Path(__file__).resolve().parent.parent
MIXED = json.loads((ROOT / "tests" / "hostile" / "sparql-order-by-mixed-kinds.json").read_text())["command"][-1]


@pytest.fixture(scope="module")
def kg():
    return load(ROOT)


def _rows(stream) -> tuple:
    try:
        return stream.variables, stream.boolean, stream.graph, list(stream.rows)
    finally:
        stream.close()


@pytest.mark.parametrize("text, wanted", [
    ("SELECT * { ?s ?p ?o } ORDER BY ?o", True),
    ("select * { ?s ?p ?o }\norder\n  by desc(?o)", True),
    ("SELECT * { ?s ?p ?o } LIMIT 3", False),
    ("SELECT ?border { ?s ?p ?border }", False),
])
def test_which_texts_are_guarded(text, wanted):
    assert engine_guard.wanted(text) is wanted


@pytest.mark.parametrize("text", [
    "SELECT ?s ?p ?o { ?s ?p ?o } ORDER BY ?s ?p STR(?o)",
    "SELECT ?l { ?s rdfs:label ?l } ORDER BY DESC(STR(?l)) LIMIT 50",
    "SELECT ?s ?x { ?s ?p ?o OPTIONAL { ?s rdfs:comment ?x } } ORDER BY ?s STR(?o) LIMIT 300",
    "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l } ORDER BY ?s LIMIT 20",
    "ASK { ?s ?p \"order by\" }",
    "ASK { ?s ?p ?o } # order by",
    "SELECT ?o { VALUES ?o { 1 2 3 } } ORDER BY ?o",
])
def test_the_guarded_answer_is_the_in_process_answer(kg, text):
    assert engine_guard.wanted(text)
    direct = _rows(kg._stream(text, None, None, True))
    guarded = _rows(kg.stream(text))
    assert guarded == direct
    assert guarded[3] or guarded[1] is not None


def test_the_notebook_api_gives_the_in_process_result(kg):
    text = "SELECT ?s ?l { ?s rdfs:label ?l } ORDER BY STR(?l) LIMIT 40"
    assert kg.sparql(text) == kg._run(text, None, True)
    assert len(kg.sparql(text)) == 40


def _dies_saying(text: bytes):
    """A child hook: write ``text`` on standard error, then abort (SIGABRT), as a Rust panic does."""
    def die() -> None:
        os.write(2, text)
        os.abort()
    return die


SORT_PANIC = (b"thread '<unnamed>' (1) panicked at library/core/src/slice/sort/shared/smallsort.rs:854:5:\n"
              b"user-provided comparison function does not correctly implement a total order\nstack backtrace:\n")


@pytest.mark.parametrize("said, lang, message", [
    (SORT_PANIC, "en", "stopped while sorting: ORDER BY compares values of different kinds"),
    (SORT_PANIC, "nl", "gestopt tijdens het sorteren: ORDER BY vergelijkt hier waarden van verschillende soorten"),
    (b"memory allocation of 8589934592 bytes failed\n", "en", "ran out of memory while answering this query"),
    (b"memory allocation of 8589934592 bytes failed\n", "nl", "had niet genoeg geheugen"),
    (b"", "en", "stopped while answering this query (SIGABRT)"),
    (b"", "nl", "gestopt tijdens het beantwoorden van deze query (SIGABRT)"),
])
def test_an_abort_in_the_child_is_a_clear_error(kg, monkeypatch, said, lang, message):
    monkeypatch.setattr(engine_guard, "CHILD_HOOK", _dies_saying(said))
    with pytest.raises(EngineStoppedError) as err:
        kg.stream("SELECT ?s { ?s ?p ?o } ORDER BY ?s", lang=lang)
    assert err.value.status == -signal.SIGABRT and err.value.exit_code == 2
    assert message in err.value.message and err.value.hint
    assert "panicked" not in str(err.value)
    with pytest.raises(EngineStoppedError):
        kg.sparql("SELECT ?s { ?s ?p ?o } ORDER BY ?s")
    assert kg.sparql("SELECT ?s { ?s ?p ?o } LIMIT 1")  # no ORDER BY: in process, the hook is not called


def test_the_deadline_kills_the_child(kg, monkeypatch, tmp_path):
    pid_file = tmp_path / "pid"

    def hang() -> None:
        pid_file.write_text(str(os.getpid()))
        time.sleep(120)

    monkeypatch.setattr(engine_guard, "CHILD_HOOK", hang)
    with pytest.raises(QueryTimeoutError):
        kg.stream("SELECT ?s { ?s ?p ?o } ORDER BY ?s", seconds=0.5)
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):  # killed and reaped
        os.kill(pid, 0)


@pytest.mark.parametrize("text, error", [
    ("SELECT * { ?s ?p } ORDER BY ?s", "syntax error"),
    ("SELECT * { ?s nope:p ?o } ORDER BY ?s", "nope"),
])
def test_errors_of_the_query_pass_through(kg, text, error):
    with pytest.raises(QuerySyntaxError) as err:
        kg.stream(text)
    assert not isinstance(err.value, EngineStoppedError) and error in str(err.value)


def test_named_queries_are_not_guarded(kg, monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("a named query went through the guard")

    monkeypatch.setattr(engine_guard, "run", refuse)
    nq = next(q for q in kg.queries() if "ORDER BY" in q.text and not q.params)
    assert _rows(kg.stream_query(nq.name))[3]


def _cli(*argv: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "RDGRAPH_DEBUG"}
    return subprocess.run([sys.executable, "-m", "rdgraph", *argv], capture_output=True, text=True, env=env,
                          timeout=300, cwd=ROOT)


def test_limit_stops_a_guarded_answer_early():
    out = _cli("sparql", "--format", "csv", "--limit", "5", "SELECT ?s ?p ?o { ?s ?p ?o } ORDER BY ?s ?p STR(?o)")
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.splitlines()) == 6


def test_the_real_query_either_answers_or_fails_cleanly():
    """The graph's own mix of values (not every run aborts: the order the sort sees varies)."""
    total = _cli("sparql", "--format", "csv", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    n = int(total.stdout.splitlines()[1])
    for lang in ("en", "nl"):
        out = _cli("sparql", "--lang", lang, "--format", "json", "SELECT * { ?s ?p ?o } ORDER BY ?o")
        assert "panicked" not in out.stderr and "Traceback" not in out.stderr, out.stderr[-2000:]
        doc = json.loads(out.stdout)  # one JSON document either way
        if out.returncode == 0:
            assert len(doc["results"]["bindings"]) == n
        else:
            assert out.returncode == 2 and doc["schema"] == "rdgraph-error/1", out.stderr
            assert ("stopped while sorting" if lang == "en" else "gestopt tijdens het sorteren") in out.stderr
