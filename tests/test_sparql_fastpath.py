"""The light-query fast path of `rdgraph serve` (rdgraph.server.light, .fastpath, QueryPool.answer_here).

* which texts are light (a strict subset: one group of plain triple patterns), and which are not;
* the cost bound is an upper bound: over patterns built from the graph's own terms (and literals,
  unknown IRIs, joins), pyoxigraph never returns more rows than the bound said;
* a light query answered in the server process is byte for byte, header for header, what a worker
  answers; the server really took the fast path (its counter moved), and a query that is not light
  still goes to a worker.
"""

from __future__ import annotations

import itertools
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest

import rdgraph
from rdgraph.namespaces import PREFIXES
from rdgraph.server.light import BUDGET, Planner, Stats, tokens

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DEAL = "https://w3id.org/rdgraph/id/regiodeal/noordoost-brabant"


@pytest.fixture(scope="module")
def kg():
    return rdgraph.load()


@pytest.fixture(scope="module")
def planner(kg):
    return Planner(kg.store, PREFIXES)


LIGHT = [
    f"SELECT ?l WHERE {{ <{DEAL}> <{RDFS_LABEL}> ?l }} # request 12",
    f"SELECT ?l {{ <{DEAL}> rdfs:label ?l }}",
    f"select distinct * where {{ <{DEAL}> rdfs:label ?l ; a ?t . }} limit 5 offset 1",
    f"PREFIX x: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT ?l {{ <{DEAL}> x:label ?l }}",
    f'ASK {{ <{DEAL}> rdfs:label "Noordoost-Brabant"@nl }}',
    "ASK {}",
    "SELECT * {}",
    "SELECT ?s { ?s rdfs:label 'Twente' , \"Twente\"@nl }",
    f"SELECT ?p ?o {{ <{DEAL}> ?p ?o }}",
]
NOT_LIGHT = [
    "SELECT * { ?s ?p ?o }",                                        # the whole graph: over the budget
    f"SELECT * {{ <{DEAL}> ?p ?o }} ORDER BY ?o",                   # sorting (pyoxigraph can abort on it)
    f"SELECT * {{ <{DEAL}> ?p ?o FILTER(?o) }}",
    f"SELECT * {{ <{DEAL}> ?p ?o OPTIONAL {{ ?o ?q ?r }} }}",
    f"SELECT * {{ {{ <{DEAL}> ?p ?o }} UNION {{ <{DEAL}> ?p ?o }} }}",
    f"SELECT * {{ <{DEAL}> rdfs:label/rdfs:label ?o }}",             # a path
    f"SELECT * {{ <{DEAL}> ?p [] }}",                                # a blank node
    f"SELECT * {{ <{DEAL}> ?p _:b }}",
    f"SELECT (COUNT(*) AS ?n) {{ <{DEAL}> ?p ?o }}",
    f"SELECT * {{ {{ SELECT * {{ <{DEAL}> ?p ?o }} }} }}",
    f"SELECT * FROM <http://example.org/g> {{ <{DEAL}> ?p ?o }}",
    f"SELECT * {{ GRAPH ?g {{ <{DEAL}> ?p ?o }} }}",
    f"CONSTRUCT {{ <{DEAL}> ?p ?o }} WHERE {{ <{DEAL}> ?p ?o }}",
    "BASE <http://example.org/> SELECT * { <x> ?p ?o }",
    "SELECT * { <relative> ?p ?o }",
    f"SELECT * {{ <{DEAL}> ?p \"a\\\"b\" }}",                        # an escape
    f"SELECT * {{ <{DEAL}> ?p '''long''' }}",
    f"SELECT * {{ <{DEAL}> ?p ?o . ?o ?q ?r }}",                     # a join over the budget
    f"SELECT * {{ <{DEAL}> ?p ?o }} LIMIT 5 LIMIT 6",
    "SELECT * { :ADD ?p ?o }",                                       # unknown (empty) prefix: the worker says so
    "PREFIX : <http://example.org/> SELECT * { :ADD ?p ?o }",        # a word the workers refuse (update)
    "SELECT * { ?s ?p 'x'@service }",
    f"SELECT * {{ <{DEAL}> ?p ?o }} VALUES ?o {{ 1 }}",
    f"DELETE WHERE {{ <{DEAL}> ?p ?o }}",
    f"SELECT * {{ <{DEAL}> ?p ?o }}}}",
    f"SELECT ?é {{ <{DEAL}> ?p ?é }}",
    f"SELECT * {{ <{DEAL}> ex:a:b ?o }}",
    "",
    "SELECT * { " + " . ".join(f"<http://example.org/s{i}> <http://example.org/p> ?o{i}" for i in range(9)) + " }",
    "ASK {} " + "#" * 9000,                                         # a light shape in a long text
]


@pytest.mark.parametrize("text", LIGHT)
def test_light(planner, text):
    found = planner.plan(text)
    assert found is not None and found[0] <= BUDGET, text


@pytest.mark.parametrize("text", NOT_LIGHT)
def test_not_light(planner, text):
    assert planner.plan(text) is None, text


def test_tokens_account_for_every_character():
    from rdgraph.server.light import NotLight

    for text in ("SELECT * { ?s ?p ?o } % x", "SELECT * { ?s ?p ?o } \\", "ASK { } |"):
        with pytest.raises(NotLight):
            tokens(text)
    assert [k for k, _ in tokens("ASK { } # a comment { ?s ?p ?o }\n")] == ["word", "punct", "punct"]


def _rows(store, text: str) -> int:
    res = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
    return int(bool(res)) if isinstance(res, ox.QueryBoolean) else sum(1 for _ in res)


def _term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<{t.value}>"
    return str(t)  # literals in N-Triples form (valid SPARQL)


def test_bounds_are_upper_bounds(kg, planner):
    """Patterns built from the graph's own triples, with every choice of variable positions, literals and IRIs
    the graph lacks, and joins of two: the engine never returns more rows than the bound."""
    quads = [q for q in itertools.islice(kg.store, 0, None, 97) if not isinstance(q.subject, ox.BlankNode)
             and not isinstance(q.object, ox.BlankNode)][:120]
    assert len(quads) > 100
    checked = 0
    stats: Stats = planner.stats
    for q in quads:
        parts = [_term(q.subject), _term(q.predicate), _term(q.object)]
        for mask in itertools.product((True, False), repeat=3):
            pattern = " ".join(p if keep else f"?v{i}" for i, (p, keep) in enumerate(zip(parts, mask)))
            for text in (f"SELECT * {{ {pattern} }}", f"SELECT * {{ {pattern} . ?v0 a ?t }}"):
                found = planner.plan(text)
                if found is None:
                    continue
                rows = _rows(kg.store, text)
                assert rows <= found[0], (text, rows, found)
                checked += 1
    for text in ("SELECT * { ?s ?p <http://example.org/not-in-the-graph> }",
                 'SELECT * { ?s ?p "1"^^xsd:integer }', 'SELECT * { ?s ?p "01"^^xsd:integer }',
                 'SELECT * { ?s ?p 1 }', 'SELECT * { ?s rdfs:label "Twente"@nl }'):
        found = planner.plan(text)
        assert found is not None, text
        assert _rows(kg.store, text) <= found[0], text
    assert checked > 500
    assert stats.total == len(kg.store)


# ---------------------------------------------------------------- in the server

FORMATS = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
           "text/tab-separated-values")


def _get(url: str, accept: str | None = None, data: bytes | None = None, ctype: str | None = None,
         lang: str | None = None):
    req = urllib.request.Request(url, data=data, headers={k: v for k, v in (
        ("Accept", accept), ("Content-Type", ctype), ("Accept-Language", lang)) if v})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, {k.lower(): v for k, v in r.getheaders() if k.lower() != "date"}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items() if k.lower() != "date"}, e.read()


@pytest.fixture(scope="module")
def server(kg):
    from rdgraph.server import running_server

    with running_server(kg, workers=1, quiet=True) as srv:
        yield srv


def test_light_answers_are_the_workers_answers(server):
    pool = server.state.pool
    queries = [*LIGHT[:6], f"SELECT ?l WHERE {{ <{DEAL}> rdfs:label ?l }} LIMIT 1",
               # light to the tokenizer (ex:a :b ?o), a syntax error to the engine (ex:a:b ?o): its 400 either way
               "PREFIX : <http://example.org/> PREFIX ex: <http://example.org/> SELECT * { ex:a:b ?o }",
               "SELECT ?s { ?s a rdf:Nope }"]
    here: dict[tuple, tuple] = {}
    for light in (True, False):
        pool._light = light
        before = pool.answered_here
        for text, accept in itertools.product(queries, FORMATS):
            q = urllib.parse.quote(text)
            here[(light, text, accept, "get")] = _get(f"{server.url}/sparql?query={q}", accept)
            here[(light, text, accept, "post")] = _get(f"{server.url}/sparql", accept, text.encode(),
                                                       "application/sparql-query")
        here[(light, "format")] = _get(f"{server.url}/sparql?query={urllib.parse.quote(LIGHT[0])}&format=csv")
        for text in queries[-2:]:  # an error in the language the client asked for, on both paths
            here[(light, text, "nl")] = _get(f"{server.url}/sparql?query={urllib.parse.quote(text)}", lang="nl")
        moved = pool.answered_here - before
        assert (moved > 0) == light, moved  # the fast path was taken, and only when enabled
    pool._light = True
    for key, got in here.items():
        if key[0]:
            assert got == here[(False, *key[1:])], key
    assert any(st == 200 for st, _, _ in here.values())


def test_heavy_queries_still_go_to_a_worker(server):
    pool = server.state.pool
    before = pool.answered_here
    st, _, body = _get(f"{server.url}/sparql?query=" + urllib.parse.quote("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"),
                       "text/csv")
    assert st == 200 and body.strip().split(b"\n")[-1].strip().isdigit()
    assert pool.answered_here == before


def test_fast_path_leaves_refusals_to_the_application(server):
    """A light query with a Host the allow-list refuses, or an oversized header, is refused as before."""
    import http.client

    host, port = urllib.parse.urlsplit(server.url).hostname, urllib.parse.urlsplit(server.url).port
    q = "/sparql?query=" + urllib.parse.quote(LIGHT[0])
    for headers, status in (({"Host": "rebound.example"}, (400, 421)), ({"Host": f"{host}:{port}"}, (200,)),
                            ({"Host": host, "X-Pad": "y" * 40000}, (400, 431))):
        conn = http.client.HTTPConnection(host, port, timeout=30)
        try:
            conn.putrequest("GET", q, skip_host=True)
            for k, v in headers.items():
                conn.putheader(k, v)
            conn.endheaders()
            assert conn.getresponse().status in status, headers
        finally:
            conn.close()


# ---------------------------------------------------------------- several server processes

def _children(pid: int) -> set[int]:
    from pathlib import Path

    kids = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            pass
    return kids


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (ended, not yet reaped) is not serving
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_two_server_processes_answer_and_stop_with_the_first():
    """--processes 2: the first process deals the connections to itself and its sibling (every connection gets
    its answer), and when the first process is killed outright (no clean-up of its own), the sibling stops
    too and the port closes."""
    import http.client
    import os
    import signal
    import time

    from test_server import start_server, stop_server

    s = start_server("--processes", "2", "--workers", "2", "--timeout", "5")
    try:
        assert "in 2 server processes" in s.log.read_text(errors="replace")
        children = _children(s.proc.pid)  # its query worker, the sibling server (with its own worker), ...
        siblings = {k for k in children if _children(k)}
        conns = [http.client.HTTPConnection(s.host, s.port, timeout=30) for _ in range(16)]
        for i, conn in enumerate(conns):
            conn.request("GET", "/sparql?query=" + urllib.parse.quote(f"{LIGHT[0]} {i}"),
                         headers={"Accept": "text/csv"})
            resp = conn.getresponse()
            assert resp.status == 200 and resp.read().startswith(b"l\r\n"), i
            conn.close()
        assert siblings, "no sibling server process"
        os.kill(s.proc.pid, signal.SIGKILL)
        s.proc.wait(10)
        family = children | {k for c in siblings for k in _children(c)}
        deadline = time.monotonic() + 60
        while any(_alive(k) for k in family) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [k for k in family if _alive(k)], "a process outlived the first server process"
        with pytest.raises(OSError):
            http.client.HTTPConnection(s.host, s.port, timeout=5).request("GET", "/sparql?query=ASK%7B%7D")
    finally:
        if s.proc.poll() is None:
            stop_server(s)


def test_keep_alive_answers_in_the_protocol_are_the_same(server):
    """On a keep-alive connection a light GET /sparql is answered by the HTTP protocol itself (one write, no
    ASGI cycle): status, headers (but Date) and body as the application's fast path and the worker send
    them, request after request on the one connection, interleaved with requests it does not answer."""
    import http.client

    front = server.server.config.app
    pool = server.state.pool
    parts = urllib.parse.urlsplit(server.url)

    def exchange(paths, accept, light=True):
        pool._light = light
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        out = []
        try:
            for path in paths:
                conn.request("GET", path, headers={"Accept": accept})
                resp = conn.getresponse()
                out.append((resp.status, [(k.lower(), v) for k, v in resp.getheaders() if k.lower() != "date"],
                            resp.read()))
        finally:
            conn.close()
            pool._light = True
        return out

    paths = ["/sparql?query=" + urllib.parse.quote(t) for t in (*LIGHT[:5], "SELECT * { ?s ?p ?o } LIMIT 2")]
    paths.insert(3, "/doc/regiodeal/noordoost-brabant")  # a page in between, on the same connection
    for accept in FORMATS:
        before = front.early
        early = exchange(paths, accept)
        assert front.early - before >= len(paths) - 3, (front.early, before)  # the first may admit the Host
        assert early == exchange(paths, accept, light=False), accept
        with_close = [_get(server.url + p, accept) for p in paths]
        assert [(st, body) for st, _, body in early] == [(st, body) for st, _, body in with_close]
