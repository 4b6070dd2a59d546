"""`rdgraph serve`: SPARQL 1.1 Protocol (with SPARQLWrapper as the client), linked-data pages,
the named-query REST API and its OpenAPI description.

The server runs as a subprocess (`rdgraph serve --port 0`) on 127.0.0.1 for the whole session,
with a short timeout and a small row limit so that both can be tested.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RDGRAPH = str(ROOT / ".venv" / "bin" / "rdgraph") if (ROOT / ".venv" / "bin" / "rdgraph").exists() else None
TIMEOUT = 2.0
NOB = "https://w3id.org/rdgraph/id/regiodeal/noordoost-brabant"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


class Served:
    def __init__(self, proc: subprocess.Popen, url: str, log: Path) -> None:
        self.proc, self.url, self.log = proc, url, log
        parts = urllib.parse.urlsplit(url)
        self.host, self.port = parts.hostname, parts.port

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        """One request without following redirects: status, headers (lower-case names), body."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
        finally:
            conn.close()

    def get(self, path: str, accept: str | None = None) -> tuple[int, dict[str, str], bytes]:
        return self.request("GET", path, headers={"Accept": accept} if accept else {})


def start_server(*extra: str, memory_limit: int | None = None) -> Served:
    """`rdgraph serve` on a free port of 127.0.0.1; waits for its 'serving' line. ``memory_limit``: an
    address-space limit (bytes, RLIMIT_AS) for the server and its workers, so unbounded memory fails."""
    import tempfile

    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))

    cmd = [RDGRAPH] if RDGRAPH else [sys.executable, "-m", "rdgraph"]
    log = Path(tempfile.mkdtemp(prefix="rdgraph-test-serve-")) / "serve.log"
    fh = open(log, "wb")  # noqa: SIM115 - the server writes to it until it stops
    proc = subprocess.Popen([*cmd, "serve", "--host", "127.0.0.1", "--port", "0", "--quiet", *extra],
                            stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=ROOT,
                            preexec_fn=limit if memory_limit else None)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        m = re.search(r"serving (http://127\.0\.0\.1:\d+)/", log.read_text(errors="replace"))
        if m:
            return Served(proc, m.group(1), log)
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"rdgraph serve did not start:\n{log.read_text(errors='replace')}")


def stop_server(s: Served) -> None:
    s.proc.terminate()
    try:
        s.proc.wait(20)
    except subprocess.TimeoutExpired:
        s.proc.kill()
        s.proc.wait(5)


@pytest.fixture(scope="session")
def server():
    s = start_server("--timeout", str(TIMEOUT), "--workers", "2")
    yield s
    stop_server(s)
    assert "internal error" not in s.log.read_text(errors="replace"), s.log.read_text(errors="replace")


def wrapper(server: Served, query: str, fmt: str, method: str = "GET", request: str | None = None):
    from SPARQLWrapper import POST, SPARQLWrapper

    sw = SPARQLWrapper(server.sparql)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    if method == "POST":
        sw.setMethod(POST)
        if request:
            sw.setRequestMethod(request)
    sw.setTimeout(30)
    return sw


DEALS_T3 = f"""PREFIX rdg: <https://w3id.org/rdgraph/def/regiodeals#>
PREFIX rdfs: <{RDFS_LABEL[:-5]}>
SELECT ?deal ?label WHERE {{
  ?deal a rdg:RegioDeal ; rdg:tranche <https://w3id.org/rdgraph/id/tranche/3> ; rdfs:label ?label .
  FILTER (lang(?label) = "nl")
}} ORDER BY ?label"""


# ---------------------------------------------------------------- SPARQL protocol

@pytest.mark.parametrize("method,request_method", [("GET", None), ("POST", "urlencoded"), ("POST", "postdirectly")])
def test_select_json_by_each_request_kind(server, method, request_method):
    from SPARQLWrapper import JSON

    res = wrapper(server, DEALS_T3, JSON, method, request_method).query()
    data = res.convert()
    assert res.response.headers["Content-Type"].startswith("application/sparql-results+json")
    labels = [b["label"]["value"] for b in data["results"]["bindings"]]
    assert "Noordoost-Brabant" in labels and len(labels) == 14
    assert {b["deal"]["value"] for b in data["results"]["bindings"]} >= {NOB}


def test_select_xml_csv_tsv(server):
    from SPARQLWrapper import CSV, TSV, XML

    doc = wrapper(server, DEALS_T3, XML).query().convert()  # a minidom document
    uris = [n.firstChild.data for n in doc.getElementsByTagName("uri")]
    assert NOB in uris and len(uris) == 14
    csv_text = wrapper(server, DEALS_T3, CSV).query().convert().decode("utf-8")
    lines = csv_text.strip().splitlines()
    assert lines[0] == "deal,label" and f"{NOB},Noordoost-Brabant" in lines and len(lines) == 15
    tsv = wrapper(server, DEALS_T3, TSV).query().convert().decode("utf-8")
    rows = tsv.strip().splitlines()
    assert rows[0] == "?deal\t?label" and f'<{NOB}>\t"Noordoost-Brabant"@nl' in rows


def test_ask(server):
    from SPARQLWrapper import JSON

    q = f"ASK {{ <{NOB}> <https://w3id.org/rdgraph/def/regiodeals#tranche> ?t }}"
    assert wrapper(server, q, JSON).query().convert()["boolean"] is True


def test_construct_as_turtle_and_jsonld(server):
    import rdflib
    from SPARQLWrapper import JSONLD, TURTLE

    q = f"CONSTRUCT {{ <{NOB}> ?p ?o }} WHERE {{ <{NOB}> ?p ?o }}"
    res = wrapper(server, q, TURTLE).query()
    assert res.response.headers["Content-Type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=res.convert().decode("utf-8"), format="turtle")
    assert (rdflib.URIRef(NOB), rdflib.URIRef(RDFS_LABEL), rdflib.Literal("Noordoost-Brabant", lang="nl")) in g
    st, headers, body = server.request("POST", "/sparql", q.encode(), {"Content-Type": "application/sparql-query",
                                                                       "Accept": "application/ld+json"})
    assert st == 200 and headers["content-type"].startswith("application/ld+json")
    g2 = rdflib.Graph().parse(data=body.decode("utf-8"), format="json-ld")
    assert len(g2) == len(g) > 20
    g3 = wrapper(server, q, JSONLD).query().convert()  # SPARQLWrapper parses JSON-LD with rdflib
    assert len(g3) == len(g)


def test_update_refused_403(server):
    from SPARQLWrapper import POST, SPARQLWrapper

    sw = SPARQLWrapper(server.sparql)
    sw.setMethod(POST)
    sw.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")  # SPARQLWrapper sends it as update=
    with pytest.raises(urllib.error.HTTPError) as exc:
        sw.query()
    assert exc.value.code == 403
    assert "read-only" in exc.value.read().decode()
    for body, ctype in ((b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
                        (b"update=DROP+ALL", "application/x-www-form-urlencoded"),
                        (b"query=DELETE+WHERE+%7B+%3Fs+%3Fp+%3Fo+%7D", "application/x-www-form-urlencoded")):
        st, _, msg = server.request("POST", "/sparql", body, {"Content-Type": ctype})
        assert st == 403, (ctype, msg)
        assert b"read-only" in msg
    st, _, _ = server.get("/sparql?update=" + urllib.parse.quote("CLEAR ALL"))
    assert st == 403
    # nothing was changed
    from SPARQLWrapper import JSON

    assert not wrapper(server, "ASK { <urn:a> ?p ?o }", JSON).query().convert()["boolean"]


def test_service_refused_403(server):
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    st, _, body = server.get("/sparql?query=" + urllib.parse.quote(q))
    assert st == 403 and b"SERVICE is refused" in body


def test_protocol_refusals_in_the_stated_language(server):
    """The refusal is said in the language the client stated (Accept-Language, ?lang=, cookie); a client that
    states none (a script) gets English."""
    from rdgraph.messages import msg

    q = urllib.parse.quote("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    st, _, body = server.request("GET", "/sparql?query=" + q, headers={"Accept-Language": "nl-NL,nl;q=0.9"})
    assert st == 403 and msg("sparql.service", "nl").encode() in body and b"SERVICE is refused" not in body
    st, _, body = server.request("GET", "/sparql?lang=en&query=" + q, headers={"Accept-Language": "nl"})
    assert st == 403 and b"SERVICE is refused" in body
    st, _, body = server.request("POST", "/sparql", b"x", {"Content-Type": "text/csv", "Accept-Language": "nl"})
    assert st == 415 and msg("sparql.body_type", "nl", ctype="'text/csv'").encode() in body
    st, _, body = server.request("GET", "/sparql?query=", headers={"Cookie": "rdgraph_lang=nl"})
    assert st == 400 and msg("sparql.empty", "nl").encode() in body


def test_syntax_error_400_with_parser_message(server):
    from SPARQLWrapper import JSON
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    with pytest.raises(QueryBadFormed) as exc:
        wrapper(server, "SELECT * WHERE { ?s ?p }", JSON).query()
    assert "SPARQL syntax error" in str(exc.value) and "1:" in str(exc.value)


def test_bad_requests(server):
    assert server.get("/sparql", accept="application/sparql-results+json")[0] == 400
    st, _, body = server.request("POST", "/sparql", b"<x/>", {"Content-Type": "application/xml"})
    assert st == 415 and b"application/sparql-query" in body
    st, _, _ = server.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D")
    assert st == 400
    st, headers, _ = server.request("PUT", "/sparql", b"x", {"Content-Type": "text/plain"})
    assert st == 405 and "GET" in headers["allow"]
    st, _, _ = server.get("/sparql?query=" + urllib.parse.quote("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1"),
                          accept="text/csv")
    assert st == 406
    # a browser without a query gets the form
    st, headers, body = server.get("/sparql", accept="text/html")
    assert st == 200 and b"<textarea" in body and headers["content-type"].startswith("text/html")


def test_whole_graph_comes_back_whole(server):
    """No row cap: SELECT * { ?s ?p ?o } is every triple of the union graph, to a standard client too."""
    import pyoxigraph as ox

    import rdgraph

    expected = len(list(rdgraph.load().store.query("SELECT * WHERE { ?s ?p ?o }", use_default_graph_as_union=True)))
    assert expected > 20_000
    st, headers, body = server.get("/sparql?query=" + urllib.parse.quote("SELECT * WHERE { ?s ?p ?o }"))
    assert st == 200 and len(json.loads(body)["results"]["bindings"]) == expected
    assert "x-rdgraph-truncated" not in headers
    # rdflib's SPARQLStore (reads the body as any client does) gets the whole graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(server.sparql, returnFormat="json")
    assert len(list(store.query("SELECT * WHERE { ?s ?p ?o }"))) == expected
    st, _, body = server.get("/sparql?query=" + urllib.parse.quote("CONSTRUCT WHERE { ?s ?p ?o }"),
                             accept="application/n-triples")
    assert st == 200 and len(list(ox.parse(body, ox.RdfFormat.N_TRIPLES))) >= expected // 2


@pytest.fixture(scope="module")
def small_server():
    """A server that may send at most 1.5 MB per answer and give a query 2 s."""
    s = start_server("--timeout", "2", "--max-bytes", str(1_500_000), "--workers", "1")
    yield s
    stop_server(s)


def test_byte_limit_is_an_error_never_a_shorter_answer(small_server):
    everything = "/sparql?query=" + urllib.parse.quote("SELECT * WHERE { ?s ?p ?o }")
    st, _, body = small_server.get("/sparql?query=" + urllib.parse.quote(
        "SELECT * WHERE { ?s ?p ?o } LIMIT 3"), accept="application/sparql-results+json")
    assert st == 200 and len(json.loads(body)["results"]["bindings"]) == 3
    # JSON of the whole graph is several MB: the answer starts, then the connection is cut, and the client
    # sees an error (an incomplete body), never a document that parses as a shorter table
    conn = http.client.HTTPConnection(small_server.host, small_server.port, timeout=30)
    conn.request("GET", everything, headers={"Accept": "application/sparql-results+json"})
    resp = conn.getresponse()
    with pytest.raises(http.client.IncompleteRead):
        resp.read()
    conn.close()
    from SPARQLWrapper import JSON

    with pytest.raises(Exception):  # noqa: B017 - whichever error the client library raises
        wrapper(small_server, "SELECT * WHERE { ?s ?p ?o }", JSON).query().convert()
    # and the server keeps answering
    st, _, _ = small_server.get("/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"))
    assert st == 200


class _Pipe:
    def __init__(self) -> None:
        self.sent: list = []

    def send(self, msg) -> None:
        self.sent.append(msg)


def test_worker_answer_streams_and_refuses_over_the_byte_limit():
    """The worker's side: a small answer is one message; over the limit before any byte went out is a 422
    with the reason; after the head went out, an abort message (the server then cuts the connection)."""
    import pyoxigraph as ox

    from rdgraph.server import sparql_protocol as sp

    store = ox.Store()
    for i in range(40_000):
        store.add(ox.Quad(ox.NamedNode(f"urn:x:{i}"), ox.NamedNode("urn:p"), ox.Literal("v" * 40)))
    pipe = _Pipe()
    sp.answer(store, {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 2", "formats": ["json"]}, pipe)
    (kind, status, ctype, _h, body, done), = pipe.sent
    assert (kind, status, done) == ("head", 200, True) and len(json.loads(body)["results"]["bindings"]) == 2
    pipe = _Pipe()
    sp.answer(store, {"query": "SELECT * WHERE { ?s ?p ?o }", "formats": ["csv"], "max_bytes": 100_000}, pipe)
    (kind, status, ctype, _h, body, done), = pipe.sent
    assert status == 422 and b"--max-bytes" in body and done
    pipe = _Pipe()
    sp.answer(store, {"query": "SELECT * WHERE { ?s ?p ?o }", "formats": ["json"], "max_bytes": 2_000_000}, pipe)
    assert pipe.sent[0][0] == "head" and pipe.sent[0][1] == 200 and pipe.sent[0][5] is False
    assert pipe.sent[-1][0] == "abort" and "--max-bytes" in pipe.sent[-1][1]
    pipe = _Pipe()
    sp.answer(store, {"query": "SELECT * WHERE { ?s ?p ?o }", "formats": ["tsv"]}, pipe)
    assert pipe.sent[-1] == ("end",)
    data = pipe.sent[0][4] + b"".join(m[1] for m in pipe.sent[1:-1])
    assert data.count(b"\n") == 40_001  # header + every row


def test_timeout_503_and_recovery(server):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    t0 = time.monotonic()
    st, headers, body = server.get("/sparql?query=" + urllib.parse.quote(slow))
    took = time.monotonic() - t0
    assert st == 503 and b"did not finish" in body and "retry-after" in headers
    assert TIMEOUT <= took < TIMEOUT + 5
    # the runaway query was stopped: the workers answer again, promptly
    for _ in range(4):
        t0 = time.monotonic()
        st, _, _ = server.get("/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"))
        assert st == 200 and time.monotonic() - t0 < TIMEOUT


def test_html_results_are_escaped(server):
    q = 'SELECT ?x ?y WHERE { BIND("<script>alert(1)</script>" AS ?x) BIND(IRI("javascript:alert(2)") AS ?y) }'
    st, headers, body = server.get("/sparql?format=html&query=" + urllib.parse.quote(q))
    text = body.decode()
    assert st == 200 and "<script>" not in text and "&lt;script&gt;" in text
    assert 'href="javascript:' not in text
    csp = headers["content-security-policy"]  # only this server's own script files, never inline code
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    check_html(text)


# ---------------------------------------------------------------- linked data

def test_id_redirects_303_to_doc(server):
    st, headers, _ = server.get("/id/regiodeal/noordoost-brabant", accept="text/turtle")
    assert st == 303 and headers["location"] == "/doc/regiodeal/noordoost-brabant"
    st, headers, _ = server.get("/id/bron/rode-draden-2024/3.3")
    assert st == 303 and headers["location"] == "/doc/bron/rode-draden-2024/3.3"
    assert server.get("/id/regiodeal/does-not-exist")[0] == 404


def test_doc_content_negotiation(server):
    import rdflib

    path = "/doc/regiodeal/noordoost-brabant"
    subject = rdflib.URIRef(NOB)
    label = (subject, rdflib.URIRef(RDFS_LABEL), rdflib.Literal("Noordoost-Brabant", lang="nl"))
    st, headers, body = server.get(path, accept="text/turtle")
    assert st == 200 and headers["content-type"].startswith("text/turtle") and "Accept" in headers["vary"]
    g = rdflib.Graph().parse(data=body.decode(), format="turtle")
    assert label in g
    tranche = rdflib.URIRef("https://w3id.org/rdgraph/def/regiodeals#tranche")
    assert (subject, tranche, rdflib.URIRef("https://w3id.org/rdgraph/id/tranche/3")) in g
    # the reified statements about the deal, with their sources, come along
    assert any(True for _ in g.triples((None, rdflib.RDF.subject, subject)))
    st, headers, body = server.get(path, accept="application/ld+json")
    assert headers["content-type"] == "application/ld+json"
    assert label in rdflib.Graph().parse(data=body.decode(), format="json-ld")
    for fmt, ctype in (("ttl", "text/turtle"), ("jsonld", "application/ld+json"), ("html", "text/html")):
        st, headers, _ = server.get(f"{path}?format={fmt}", accept="text/html")
        assert st == 200 and headers["content-type"].startswith(ctype)
    st, headers, body = server.get(path, accept="text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    assert headers["content-type"].startswith("text/html")
    text = body.decode()
    check_html(text)
    assert "<h1" in text and "Noordoost-Brabant" in text
    assert 'href="/doc/tranche/3"' in text and "Tranche 3" in text          # linked thing, by its label
    assert 'href="/doc/opgave/9"' in text and "Aanpakken van criminaliteit" in text
    assert 'id="incoming"' in text and 'href="/doc/evaluatie/noordoost-brabant-2023"' in text  # what links here
    en = server.get(path + "?lang=en", accept="text/html")[2].decode()
    assert "Tackling crime" in en and '<html lang="en">' in en
    assert "Content-Security-Policy".lower() in headers


def test_unknown_thing_404_page(server):
    st, headers, body = server.get("/doc/regiodeal/does-not-exist", accept="text/html")
    assert st == 404 and headers["content-type"].startswith("text/html")
    check_html(body.decode())
    st, _, body = server.get("/doc/x/%3Cscript%3E", accept="text/html")
    assert st == 404 and b"<script" not in body and b"&lt;script&gt;" in body


def test_index_lists_opgaven_deals_interventions_queries(server):
    st, _, body = server.get("/", accept="text/html")
    text = body.decode()
    check_html(text)
    assert st == 200
    assert text.count('href="/doc/opgave/') >= 15
    assert 'href="/doc/regiodeal/noordoost-brabant"' in text and 'href="/doc/tranche/3"' in text
    assert 'href="/doc/interventie/stallenaanpak"' in text
    assert 'href="/api/queries/opgaven-per-tranche"' in text
    assert not re.search(r'<(link|script|img)[^>]+(src|href)="(https?:)?//', text)  # nothing external loaded
    st, headers, css = server.get("/static/style.css")
    assert st == 200 and headers["content-type"].startswith("text/css") and b"@import" not in css


def test_pages_escape_data():
    """Labels and values from the data are escaped: a crafted graph cannot inject markup."""
    import pyoxigraph as ox

    from rdgraph.server.graph_view import GraphView
    from rdgraph.server.pages import doc_page

    store = ox.Store()
    s = ox.NamedNode("https://w3id.org/rdgraph/id/regiodeal/x")
    evil = '"><script>alert(1)</script><a href="'
    g = ox.NamedNode("https://w3id.org/rdgraph/graph/asserted")
    store.add(ox.Quad(s, ox.NamedNode(RDFS_LABEL), ox.Literal(evil, language="nl"), g))
    store.add(ox.Quad(s, ox.NamedNode("https://w3id.org/rdgraph/def/regiodeals#note"), ox.Literal("<b>x</b> & y"), g))
    store.add(ox.Quad(s, ox.NamedNode("https://w3id.org/rdgraph/def/regiodeals#see"),
                      ox.NamedNode("javascript:alert(3)"), g))
    html = doc_page(GraphView(store), s.value, "nl", "/doc/regiodeal/x").decode()
    assert "<script" not in html and "<b>" not in html and 'href="javascript:' not in html
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in html
    check_html(html)


# ---------------------------------------------------------------- named-query API

def _cli_json(name: str) -> tuple[int, str]:
    from rdgraph.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["query", name, "-f", "json"])
    return code, out.getvalue() or err.getvalue()


def test_api_lists_every_query(server):
    from rdgraph.queries import Catalogue

    names = Catalogue(ROOT / "queries").names()
    st, headers, body = server.get("/api/queries")
    listed = json.loads(body)
    assert st == 200 and headers["content-type"] == "application/json"
    assert [q["name"] for q in listed] == names
    for q in listed:
        if "error" not in q:
            assert q["summary"] and q["research_question"] and isinstance(q["params"], list)


def test_api_equals_cli_for_every_named_query(server):
    from rdgraph.queries import Catalogue

    os.environ.pop("RDGRAPH_HOME", None)
    for name in Catalogue(ROOT / "queries").names():
        code, cli = _cli_json(name)
        st, headers, body = server.get(f"/api/queries/{name}")
        if code != 0:  # a query file that does not load: the API says so too
            assert st >= 400 and "error" in json.loads(body), name
            continue
        assert st == 200, (name, body[:300])
        assert headers["content-type"] == "application/sparql-results+json"
        assert json.loads(body) == json.loads(cli), name
        assert body.decode().strip() == cli.strip(), name  # the very same serialisation


def test_api_formats_and_params(server):
    name = "opgaven-per-tranche"
    st, headers, body = server.get(f"/api/queries/{name}?lang=en&scope=report", accept="text/csv")
    assert st == 200 and headers["content-type"].startswith("text/csv")
    assert body.decode().splitlines()[0].startswith("domain,domainLabel,opgave")
    assert "Tackling crime" in body.decode()
    st, headers, body = server.get(f"/api/queries/{name}?format=tsv")
    assert headers["content-type"].startswith("text/tab-separated-values") and body.startswith(b"?domain")
    st, headers, body = server.get(f"/api/queries/{name}", accept="application/sparql-results+xml")
    assert headers["content-type"].startswith("application/sparql-results+xml") and b"<sparql" in body
    st, headers, body = server.get(f"/api/queries/{name}", accept="text/html,*/*;q=0.8")  # a browser: JSON
    assert headers["content-type"] == "application/sparql-results+json"
    # bad parameters: 400 with the ParameterError message
    st, _, body = server.get(f"/api/queries/{name}?scope=everything")
    err = json.loads(body)
    assert st == 400 and "'everything' is not an allowed value" in err["error"] and "report" in err["hint"]
    st, _, body = server.get(f"/api/queries/{name}?colour=red")
    assert st == 400 and "no parameter 'colour'" in json.loads(body)["error"]
    st, _, body = server.get(f"/api/queries/{name}?lang=nl&lang=en")
    assert st == 400
    st, _, body = server.get(f"/api/queries/{name}?format=pdf")
    assert st == 400
    st, _, body = server.get("/api/queries/no-such-query")
    assert st == 404 and "no named query" in json.loads(body)["error"]


def test_openapi_lists_every_query(server):
    from rdgraph.queries import Catalogue

    st, headers, body = server.get("/api/openapi.json")
    doc = json.loads(body)
    assert st == 200 and doc["openapi"].startswith("3.")
    assert doc["info"]["title"] and doc["info"]["version"]
    cat = Catalogue(ROOT / "queries")
    for name in cat.names():
        try:
            nq = cat.get(name)
        except Exception:
            continue
        op = doc["paths"][f"/api/queries/{name}"]["get"]
        assert op["operationId"] == name and op["summary"] == nq.summary
        declared = {p["name"]: p for p in op["parameters"]}
        assert set(declared) == {p.name for p in nq.params} | {"format"}
        for p in nq.params:
            if p.enum:
                assert declared[p.name]["schema"]["enum"] == p.enum
    for path in doc["paths"].values():  # every $ref resolves
        for ref in re.findall(r'"\$ref": "#/components/schemas/(\w+)"', json.dumps(path)):
            assert ref in doc["components"]["schemas"]
    try:
        from openapi_spec_validator import validate
    except ImportError:
        return
    validate(doc)


def test_head_and_unknown_paths(server):
    st, headers, body = server.request("HEAD", "/doc/opgave/9")
    assert st == 200 and body == b"" and int(headers["content-length"]) > 0
    assert server.get("/nothing-here", accept="text/html")[0] == 404
    st, headers, body = server.get("/api/nothing")
    assert st == 404 and json.loads(body)["status"] == 404


# ---------------------------------------------------------------- helpers

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.doctype = False

    def handle_decl(self, decl: str) -> None:
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs) -> None:
        if tag not in VOID:
            self.stack.append(tag)
        for k, v in attrs:
            if k.startswith("on"):
                self.errors.append(f"event handler attribute {k}")
            if k in ("href", "src") and v and v.strip().lower().startswith(("javascript:", "data:")):
                self.errors.append(f"{k}={v}")
        if tag == "script":
            src = dict(attrs).get("src") or ""
            if not src.startswith("/static/"):  # only the server's own files, never inline code
                self.errors.append(f"script element {src!r}")
            self.in_script = True

    def handle_data(self, data) -> None:
        if getattr(self, "in_script", False) and data.strip():
            self.errors.append("inline script")

    def handle_endtag(self, tag) -> None:
        self.in_script = False
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
        else:
            self.stack.pop()


def check_html(text: str) -> None:
    """Well-formed enough: a doctype, every element closed in order, no inline scripts or handlers."""
    c = _Checker()
    c.feed(text)
    c.close()
    assert c.doctype, "no <!DOCTYPE html>"
    assert not c.errors and not c.stack, (c.errors, c.stack)


def test_broken_query_file_does_not_hide_the_others(tmp_path):
    """In-process server (running_server) over a catalogue with one query whose header is not YAML."""
    import shutil

    import rdgraph
    from rdgraph.queries import Catalogue
    from rdgraph.server import running_server

    shutil.copy(ROOT / "queries" / "money-per-tranche.rq", tmp_path / "good.rq")
    (tmp_path / "broken.rq").write_text("#+ summary: a: b: c\n#+   - [\nSELECT * WHERE { ?s ?p ?o }\n")
    kg = rdgraph.load()
    kg.catalogue = Catalogue(tmp_path)
    with running_server(kg, workers=1, quiet=True) as srv:
        def get(path):
            try:
                with urllib.request.urlopen(srv.url + path, timeout=30) as r:
                    return r.status, r.read()
            except urllib.error.HTTPError as e:
                return e.code, e.read()

        st, body = get("/api/queries")
        listed = {q["name"]: q for q in json.loads(body)}
        assert st == 200 and set(listed) == {"good", "broken"} and "error" in listed["broken"]
        assert get("/api/queries/good")[0] == 200
        st, body = get("/api/queries/broken")
        assert st == 500 and "cannot be loaded" in json.loads(body)["error"]
        assert "/api/queries/good" in json.loads(get("/api/openapi.json")[1])["paths"]
        st, body = get("/")
        assert st == 200 and b"broken" in body


# ---------------------------------------------------------------- the explorer

def test_search_api_ranks_and_folds_accents(server):
    def first(q: str, extra: str = "") -> list[dict]:
        st, headers, body = server.get("/api/search?q=" + urllib.parse.quote(q) + extra)
        assert st == 200 and headers["content-type"] == "application/json"
        return json.loads(body)["results"]

    hits = first("Twente")
    assert hits[0]["iri"].endswith("/regiodeal/twente") and hits[0]["href"] == "/doc/regiodeal/twente"
    assert any(h["iri"].endswith("/regiodeal/twente-ii") for h in hits[:3])
    assert first("fryslan")[0]["label"] == "Fryslân"            # accent- and case-insensitive
    assert any(h["iri"].endswith("/opgave/9") for h in first("crimi"))  # a word prefix (criminaliteit)
    assert any(h["iri"].endswith("/opgave/9") for h in first("tackling crime"))  # English labels too
    deals_only = first("brabant", "&class=RegioDeal")
    assert deals_only and all("/regiodeal/" in h["iri"] for h in deals_only)
    assert first("zzzxq") == []
    st, _, body = server.get("/search?q=" + urllib.parse.quote("<b>Twente</b>"), accept="text/html")
    assert st == 200 and b"<b>Twente" not in body
    check_html(body.decode())


def test_language_from_accept_language_then_cookie(server):
    st, headers, body = server.request("GET", "/doc/opgave/9", headers={"Accept": "text/html",
                                                                        "Accept-Language": "en-GB,en;q=0.9"})
    assert b'<html lang="en">' in body and b"<h1 lang=\"en\">Tackling crime</h1>" in body
    assert "accept-language" in headers["vary"].lower() and "set-cookie" not in headers
    st, headers, body = server.request("GET", "/doc/opgave/9?lang=en", headers={"Accept": "text/html",
                                                                                "Accept-Language": "nl"})
    assert b'<html lang="en">' in body and "rdgraph_lang=en" in headers["set-cookie"]
    # the cookie keeps English on a page without ?lang=, whatever Accept-Language says
    st, headers, body = server.request("GET", "/", headers={"Accept": "text/html", "Accept-Language": "nl",
                                                            "Cookie": "rdgraph_lang=en"})
    assert b'<html lang="en">' in body and b"Browse" in body


def test_thing_pages_read_as_summaries(server):
    text = server.get("/doc/regiodeal/noordoost-brabant", accept="text/html")[2].decode()
    check_html(text)
    card = text[text.index('id="summary"'):text.index('id="properties"')]
    assert 'href="/doc/tranche/3"' in card and 'href="/doc/provincie/noord-brabant"' in card
    assert 'href="/doc/opgave/9"' in card and "Noordoost-Brabant II" in card  # opgaven, successor
    assert "rdf:subject" not in text  # reification nodes are footnotes, not incoming links
    opgave = server.get("/doc/opgave/9", accept="text/html")[2].decode()
    incoming = opgave[opgave.index('id="incoming"'):]
    assert "is opgave van" in incoming and 'href="/doc/regiodeal/noordoost-brabant"' in incoming
    assert "domein" in incoming  # rdg:hasOpgave read from the opgave's side through owl:inverseOf


def test_every_query_page_renders(server):
    from rdgraph.queries import Catalogue

    for name in Catalogue(ROOT / "queries").names():
        st, _, body = server.get(f"/queries/{name}", accept="text/html")
        assert st in (200, 500), name  # 500 only for a query file whose header does not load
        if st == 200:
            text = body.decode()
            check_html(text)
            assert 'class="query-form"' in text and f'/api/queries/{name}?' in text or "error" in text, name
    text = server.get("/queries/opgaven-per-tranche?lang=en&scope=report", accept="text/html")[2].decode()
    assert "Tackling crime" in text and '<td class="num"' in text and "format=xlsx" in text
    assert 'value="report" selected' in text  # the form shows the parameters it ran with


def test_xlsx_download_has_typed_cells(server):
    from openpyxl import load_workbook

    st, headers, body = server.get("/api/queries/money-per-tranche?format=xlsx")
    assert st == 200 and headers["content-type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(body)).active
    rows = list(ws.iter_rows(values_only=True))
    st, _, csv_body = server.get("/api/queries/money-per-tranche?format=csv")
    lines = csv_body.decode().strip().splitlines()
    assert len(rows) == len(lines) and list(rows[0]) == lines[0].split(",")
    assert any(isinstance(v, (int, float)) for r in rows[1:] for v in r)  # numbers stay numbers


def test_province_view_takes_its_money_from_the_named_query(server):
    text = server.get("/provinces?lang=nl", accept="text/html")[2].decode()
    check_html(text)
    shown = [float(x) for x in re.findall(r'<td class="num" data-sort="([0-9.]+)">', text)]
    data = json.loads(server.get("/api/queries/money-per-province")[2])
    col = "total_eur_high_split" if "total_eur_high_split" in data["head"]["vars"] else "total_eur_high"
    stated = sorted(float(b[col]["value"]) for b in data["results"]["bindings"] if "province" in b)
    assert sorted(shown) == stated and sum(stated) > 0
    assert text.count('class="tile"') == 12  # one tile per province on the chart


def test_provenance_statements_are_footnotes(server):
    """The reified statement behind twente-ii's predecessor (an inference from the name in Bijlage A) is a
    footnote on that value: its source and its note, not a row of anonymous nodes."""
    text = server.get("/doc/regiodeal/twente-ii?lang=en", accept="text/html")[2].decode()
    check_html(text)
    props = text[text.index('id="properties"'):text.index('id="footnotes"')]
    row = props[props.index("rdg:predecessor"):]
    row = row[:row.index("</tr>")]
    ref = re.search(r'href="#fn-(\d+)"', row)
    assert 'href="/doc/regiodeal/twente"' in row and ref
    notes = text[text.index('id="footnotes"'):]
    item = re.search(rf'<li id="fn-{ref.group(1)}">(.*?)</li>', notes, re.S).group(1)
    assert 'href="/doc/bron/rode-draden-2024/bijlage-a"' in item and "numeral" in item


def test_ui_strings_come_from_the_catalogue_in_both_languages():
    from rdgraph.messages import msg
    from rdgraph.server.i18n import texts, ui

    nl, en = ui("nl"), ui("en")
    assert set(nl) == set(en) and {"site", "search", "not_found_text"} <= set(nl)
    assert nl["site"] == msg("ui.site", "nl") and en["site"] == msg("ui.site", "en") != nl["site"]
    assert texts("en", "ui.form.")["title"] == msg("ui.form.title", "en")
    assert "form.title" not in nl  # one level per prefix
