"""/def/regiodeals: the ontology is dereferenceable (Dutch URI strategy: terms under /def/)."""

from __future__ import annotations

import html
import re
import urllib.request

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import OWL, RDF

import rdgraph
from rdgraph.paths import artefact_dir, turtle_files
from rdgraph.server import running_server

NS = "https://w3id.org/rdgraph/def/regiodeals#"


@pytest.fixture(scope="module")
def server():
    with running_server(rdgraph.load(), workers=1, quiet=True) as srv:
        yield srv


def get(server, path: str, accept: str) -> tuple[int, str, bytes]:
    req = urllib.request.Request(server.url + path, headers={"Accept": accept})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, r.headers.get("Content-Type", ""), r.read()


def terms() -> set[str]:
    g = rdflib.Graph()
    for f in turtle_files(artefact_dir("ontology")):
        g.parse(f)
    return {str(s)[len(NS):] for k in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
            for s in g.subjects(RDF.type, k) if str(s).startswith(NS)}


def test_ontology_page_has_an_anchor_and_definition_per_term(server):
    status, ctype, body = get(server, "/def/regiodeals?lang=en", "text/html")
    assert status == 200 and ctype.startswith("text/html")
    page = body.decode()
    anchors = set(re.findall(r'<section id="([^"]+)"', page))
    assert anchors == terms()
    assert "What an opgave attribution rests on" in html.unescape(page)


def test_ontology_as_turtle_holds_every_term(server):
    status, ctype, body = get(server, "/def/regiodeals", "text/turtle")
    assert status == 200 and ctype.startswith("text/turtle")
    triples = list(ox.parse(body, format=ox.RdfFormat.TURTLE))
    subjects = {t.subject.value[len(NS):] for t in triples if t.subject.value.startswith(NS)}
    assert subjects == terms()


def test_thing_pages_link_their_classes_to_the_ontology_page(server):
    _status, _ctype, body = get(server, "/doc/regiodeal/twente", "text/html")
    assert 'href="/def/regiodeals#RegioDeal"' in body.decode()
