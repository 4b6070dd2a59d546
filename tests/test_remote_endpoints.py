"""The named queries on real SPARQL servers: the embedded store, the Oxigraph server and Virtuoso agree.

Both servers run on 127.0.0.1 (random ports, temporary folders) for the whole session and get the graph
through ``Endpoint.push`` (Graph Store Protocol PUT into https://w3id.org/rdgraph/graph/all); queries
name that graph as their default graph (``default-graph-uri``), as ``rdgraph query --graph`` does.
Virtuoso comes from the Debian package virtuoso-opensource: without it these tests skip, except under
CI=true, where they fail.
"""

from __future__ import annotations

import http.server
import json
import socket
import threading
import time
from pathlib import Path

import pytest

import parity  # noqa: E402  (tests/ is on sys.path under pytest)
import rdgraph
import servers
from rdgraph.endpoint import DEFAULT_PUSH_GRAPH, Endpoint, gsp_url_for
from rdgraph.errors import EndpointError

ROOT = Path(__file__).resolve().parent.parent
QUERY_NAMES = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))

# Where Virtuoso answers differently and no standard SPARQL rewrite was found (yet). Non-strict: a fix
# shows as XPASS. Each entry says why.
VIRTUOSO_KNOWN: dict[str, str] = {
    "deals-per-tranche": "Virtuoso drops the deals without a counted attribution (tranche 1: 6 -> 5) depending on "
                         "the server's history: on a fresh server the query fails every time, after some other "
                         "queries the same text agrees (a plan/statistics effect); no deterministic rewrite found",
    "money-per-province": "Virtuoso loses Zuid-Holland's deal shared with another province (deals 9 -> 8, split "
                          "low 246 -> 241 M EUR); it goes away when either the two province-label OPTIONALs (lang "
                          "FILTER) nested in the province OPTIONAL or the OPTIONAL per-deal province count is "
                          "removed; counting inside the amount sub-SELECT or dropping the inference OPTIONAL does "
                          "not help; no answer-preserving rewrite found yet",
}
# Virtuoso orders long literals (stored as boxes) by internal id, not by text: skip the order check.
VIRTUOSO_ORDER_UNRELIABLE = {"ministries-cosigned", "deals-missing-facts", "deals-without-province"}


@pytest.fixture(scope="session")
def kg():
    return rdgraph.load()


def _start(kind: str, tmp_path_factory):
    workdir = tmp_path_factory.mktemp(kind)
    if kind == "virtuoso" and not servers.virtuoso_binary():
        servers.missing("Virtuoso (virtuoso-t) is not installed (apt-get install virtuoso-opensource, "
                        "in .ci/apt-packages.txt)")
    if kind == "oxigraph" and not servers.oxigraph_binary():
        servers.missing("the oxigraph server CLI is not installed (pip install oxigraph)")
    return (servers.start_virtuoso if kind == "virtuoso" else servers.start_oxigraph)(workdir)


@pytest.fixture(scope="session", params=["oxigraph", "virtuoso"])
def store(request, tmp_path_factory, kg):
    """A running server with the graph pushed into DEFAULT_PUSH_GRAPH; yields (server, push report)."""
    server = _start(request.param, tmp_path_factory)
    try:
        ep = Endpoint(server.query_url, user=server.user, password=server.password, gsp_url=server.gsp_url,
                      timeout=120)
        report = ep.push(kg, DEFAULT_PUSH_GRAPH)
        yield server, report
    finally:
        server.stop()


def _query_endpoint(server) -> Endpoint:
    return Endpoint(server.query_url, default_graph=DEFAULT_PUSH_GRAPH, timeout=120)


def test_push_replaces_the_graph(store, kg):
    server, report = store
    assert report.status in (200, 201, 204)
    assert report.remote_triples == report.triples
    # a second push replaces (PUT), it does not add: the count stays the same
    ep = Endpoint(server.query_url, user=server.user, password=server.password, gsp_url=server.gsp_url, timeout=120)
    again = ep.push(kg, DEFAULT_PUSH_GRAPH)
    assert again.remote_triples == report.triples


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_named_query_same_answers(store, kg, name):
    server, _ = store
    if server.name == "virtuoso" and name in VIRTUOSO_KNOWN:
        pytest.xfail(VIRTUOSO_KNOWN[name])
    nq = kg.catalogue.get(name)
    text = nq.bind({})
    local = kg.sparql(text, name=name)
    remote = _query_endpoint(server).select(text, name=name)
    assert local.variables == remote.variables
    expected, actual = parity.multiset(local, text), parity.multiset(remote, text)
    assert expected == actual, f"{name} on {server.name}:\n" + parity.diff(expected, actual)
    if server.name == "virtuoso" and name in VIRTUOSO_ORDER_UNRELIABLE:
        return
    order = parity.ordered_keys(local, text)
    if order is not None:
        assert parity.ordered_keys(remote, text) == order, f"{name} on {server.name}: ORDER BY differs"


@pytest.mark.parametrize("name", ["opgaven-per-tranche", "evaluaties", "domeinoverstijgende-deals"])
def test_named_query_with_parameters(store, kg, name):
    server, _ = store
    nq = kg.catalogue.get(name)
    params = {"lang": "en"}
    if any(p.name == "scope" for p in nq.params):
        params["scope"] = "report"
    text = nq.bind(params)
    local = kg.sparql(text)
    remote = _query_endpoint(server).select(text)
    assert parity.multiset(local, text) == parity.multiset(remote, text)


def test_ask(store):
    server, _ = store
    ep = _query_endpoint(server)
    assert ep.ask("ASK { ?s a <https://w3id.org/rdgraph/def/regiodeals#RegioDeal> }") is True
    assert ep.ask("ASK { ?s a <https://w3id.org/rdgraph/def/regiodeals#NoSuchClass> }") is False


def test_cli_query_with_endpoint_and_graph(store, kg, capsys):
    from rdgraph.cli import main

    server, _ = store
    code = main(["query", "money-per-tranche", "--endpoint", server.query_url, "--graph", DEFAULT_PUSH_GRAPH,
                 "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0
    from rdgraph.results import from_sparql_json

    remote = from_sparql_json(json.loads(out))
    text = kg.catalogue.get("money-per-tranche").bind({})
    assert parity.multiset(remote, text) == parity.multiset(kg.sparql(text), text)


def test_cli_sparql_refuses_update_on_endpoint(store, capsys):
    from rdgraph.cli import main

    server, _ = store
    code = main(["sparql", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "--endpoint", server.query_url])
    assert code == 2
    assert "updates are refused" in capsys.readouterr().err


def test_cli_push(store, kg, capsys, tmp_path):
    from rdgraph.cli import main

    server, _ = store
    graph = "https://w3id.org/rdgraph/graph/test-cli-push"
    argv = ["push", "--endpoint", server.query_url, "--graph", graph, "--gsp-url", server.gsp_url, "--no-inferred"]
    if server.user:
        argv += ["--user", server.user, "--password", server.password]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert f"<{graph}>" in out and "pushed" in out
    n = _query_endpoint(server).count_graph(graph)
    assert n == kg.info.asserted or n is not None and n > 20000


# ---------------------------------------------------------------- errors, without a real store

def test_connection_refused_is_a_clear_error():
    port = servers.free_port()  # nothing listens there
    with pytest.raises(EndpointError, match="connection refused"):
        Endpoint(f"http://127.0.0.1:{port}/sparql", timeout=5).select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")


def test_cli_error_has_no_traceback(capsys):
    from rdgraph.cli import main

    port = servers.free_port()
    code = main(["sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--endpoint", f"http://127.0.0.1:{port}/sparql",
                 "--timeout", "5"])
    err = capsys.readouterr().err
    assert code == 2
    assert "connection refused" in err and "Traceback" not in err


def test_bad_url_is_refused():
    with pytest.raises(EndpointError, match="not an http"):
        Endpoint("file:///etc/passwd")


class _Handler(http.server.BaseHTTPRequestHandler):
    mode = "json"
    seen: list = []

    def log_message(self, *args):  # quiet
        pass

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        type(self).seen.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body,
                                "method": self.command})
        if self.mode == "sleep":
            time.sleep(3)
        if self.mode == "html":
            data, ctype, code = b"<html><body>Welcome to the portal</body></html>", "text/html", 200
        elif self.mode == "500":
            data, ctype, code = b"<html>Internal trouble: out of memory</html>", "text/html", 500
        else:
            data = json.dumps({"head": {"vars": ["x"]},
                               "results": {"bindings": [{"x": {"type": "literal", "value": "1"}}]}}).encode()
            ctype, code = "application/sparql-results+json", 200
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = _answer


@pytest.fixture()
def fake_server():
    _Handler.seen = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    try:
        yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        _Handler.mode = "json"


def test_non_json_answer_is_a_clear_error(fake_server):
    _, base = fake_server
    _Handler.mode = "html"
    with pytest.raises(EndpointError, match="did not answer .* with SPARQL JSON results"):
        Endpoint(base + "/sparql").select("SELECT ?x WHERE { ?x ?p ?o }")


def test_http_error_is_a_clear_error(fake_server):
    _, base = fake_server
    _Handler.mode = "500"
    with pytest.raises(EndpointError, match="HTTP 500.*out of memory"):
        Endpoint(base + "/sparql").select("SELECT ?x WHERE { ?x ?p ?o }")


def test_timeout_is_a_clear_error(fake_server):
    _, base = fake_server
    _Handler.mode = "sleep"
    with pytest.raises(EndpointError, match="no answer from .* within 1s"):
        Endpoint(base + "/sparql", timeout=1).select("SELECT ?x WHERE { ?x ?p ?o }")


def test_bearer_token_from_environment(fake_server, monkeypatch):
    import argparse

    from rdgraph.cli.common import endpoint_from

    _, base = fake_server
    monkeypatch.setenv("MY_TOKEN_VAR", "s3cret")
    args = argparse.Namespace(endpoint=base + "/sparql", user=None, password=None, token_env="MY_TOKEN_VAR",
                              timeout=5, graph="https://example.org/g")
    res = endpoint_from(args, args.graph).select("SELECT ?x WHERE { ?x ?p ?o }")
    assert res.column("x") == ["1"]
    assert _Handler.seen[-1]["auth"] == "Bearer s3cret"
    from urllib.parse import parse_qs, urlsplit

    assert parse_qs(urlsplit(_Handler.seen[-1]["path"]).query)["default-graph-uri"] == ["https://example.org/g"]


def test_long_queries_are_posted(fake_server):
    _, base = fake_server
    long_text = "SELECT ?x WHERE { ?x ?p ?o " + " ".join(f"OPTIONAL {{ ?x <urn:p{i}> ?o{i} }}" for i in range(80)) + "}"
    Endpoint(base + "/sparql").select(long_text)
    assert _Handler.seen[-1]["method"] == "POST" and b"query=" in _Handler.seen[-1]["body"]
    Endpoint(base + "/sparql").select("SELECT ?x WHERE { ?x ?p ?o }")
    assert _Handler.seen[-1]["method"] == "GET"


def test_basic_auth_is_sent(fake_server):
    _, base = fake_server
    Endpoint(base + "/sparql", user="u", password="p").select("SELECT ?x WHERE { ?x ?p ?o }")
    assert _Handler.seen[-1]["auth"].startswith("Basic ")


def test_gsp_url_discovery():
    assert gsp_url_for("http://h:7878/query") == "http://h:7878/store"
    assert gsp_url_for("http://h:3030/ds/sparql") == "http://h:3030/ds/data"
    assert gsp_url_for("http://h:3030/ds/query") == "http://h:3030/ds/data"
    assert gsp_url_for("http://h:8890/sparql", authenticated=True) == "http://h:8890/sparql-graph-crud-auth"
    assert gsp_url_for("http://h:7200/repositories/rd") == "http://h:7200/repositories/rd/rdf-graphs/service"
    with pytest.raises(EndpointError, match="--gsp-url"):
        gsp_url_for("http://h/endpoint")


def test_timeout_socket_never_answering():
    """A server that accepts the connection and says nothing: the timeout ends it."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    try:
        port = srv.getsockname()[1]
        t0 = time.monotonic()
        with pytest.raises(EndpointError, match="no answer"):
            Endpoint(f"http://127.0.0.1:{port}/sparql", timeout=1).select("ASK {}")
        assert time.monotonic() - t0 < 10
    finally:
        srv.close()
