"""The server and releases: release history with changelogs, each release's files, the version shown,
301 from a replaced IRI to its successor and 410 with a page for a withdrawn one. A real server on a copy
of the project with two tombstones and a release 1.0.0."""

from __future__ import annotations

import hashlib
import http.client
import json
import shutil
import urllib.parse
from pathlib import Path

import pytest

import rdgraph
from rdgraph.release import make_release
from rdgraph.server import running_server

ROOT = Path(__file__).resolve().parent.parent
OLD = "regiodeal/oud-voorbeeld"
NEW = "regiodeal/achterhoek-ii"
WITHDRAWN = "bedrag/fout-voorbeeld"
TOMBSTONES = f"""@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/rdgraph/id/{OLD}> owl:deprecated true ; dcterms:isReplacedBy <https://w3id.org/rdgraph/id/{NEW}> .
<https://w3id.org/rdgraph/id/{WITHDRAWN}> owl:deprecated true ;
    skos:historyNote "Ingetrokken: het bedrag stond niet in de bron."@nl, "Withdrawn: the source did not say so."@en .
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    for folder in ("ontology", "data", "shapes", "queries", "context"):
        shutil.copytree(ROOT / folder, home / folder)
    (home / "data" / "verouderd.ttl").write_text(TOMBSTONES)
    kg = rdgraph.load(home)
    rel = make_release(kg, "1.0.0", out_root=home / "build" / "releases", manifests=home / "releases")
    with running_server(kg, workers=1, quiet=True) as srv:
        yield srv, rel


def get(srv, path: str, accept: str = "text/html", lang: str = "en") -> tuple[int, dict, bytes]:
    u = urllib.parse.urlsplit(srv.url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    conn.request("GET", path, headers={"Accept": accept, "Accept-Language": lang})
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, body


def test_replaced_iri_answers_301_to_its_successor(served):
    srv, _rel = served
    status, headers, _ = get(srv, f"/id/{OLD}")
    assert status == 301 and headers["location"] == f"/id/{NEW}"
    assert f"https://w3id.org/rdgraph/id/{NEW}" in headers["link"]
    status, headers, _ = get(srv, f"/doc/{OLD}", "text/turtle")
    assert status == 301 and headers["location"] == f"/doc/{NEW}"
    status, headers, _ = get(srv, f"/id/{NEW}")  # the successor itself: the usual 303 to its page
    assert status == 303 and headers["location"] == f"/doc/{NEW}"


def test_withdrawn_iri_answers_410_with_a_page_that_says_so(served):
    srv, _rel = served
    status, headers, body = get(srv, f"/id/{WITHDRAWN}")
    page = body.decode()
    assert status == 410 and headers["content-type"].startswith("text/html")
    assert "Withdrawn" in page and "the source did not say so" in page and WITHDRAWN in page
    status, _h, body = get(srv, f"/doc/{WITHDRAWN}", "text/plain", lang="nl")  # said in the language asked for
    assert status == 410 and b"ingetrokken" in body and WITHDRAWN.encode() in body
    status, _h, body = get(srv, f"/doc/{WITHDRAWN}", "text/plain")  # a client that says nothing: English
    assert status == 410 and b"withdrawn" in body
    status, _h, body = get(srv, f"/id/{WITHDRAWN}", lang="nl")
    assert status == 410 and "het bedrag stond niet in de bron" in body.decode()
    assert get(srv, "/id/regiodeal/bestaat-niet")[0] == 404
    assert get(srv, "/id/x/%3Cscript%3E")[0] == 404  # not an IRI: no 500


def test_release_history_shows_current_version_and_changelog(served):
    srv, _rel = served
    status, _h, body = get(srv, "/releases")
    page = body.decode()
    assert status == 200 and "This server shows release 1.0.0." in page
    assert 'href="/releases/1.0.0/"' in page and "First release" in page
    status, _h, body = get(srv, "/releases", "application/json")
    doc = json.loads(body)
    assert doc["current"] == "1.0.0" and doc["served_is_release"] is True
    assert [r["version"] for r in doc["releases"]] == ["1.0.0"]
    assert 'href="/releases"' in get(srv, "/")[2].decode()  # every page links the history


def test_release_page_and_files(served):
    srv, rel = served
    status, _h, body = get(srv, "/releases/1.0.0/")
    page = body.decode()
    assert status == 200
    for f in rel.files:
        assert f'href="/releases/1.0.0/{f.name}"' in page and f.sha256 in page
    status, headers, data = get(srv, "/releases/1.0.0/rdgraph.ttl", "*/*")
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    assert hashlib.sha256(data).hexdigest() == next(f.sha256 for f in rel.files if f.name == "rdgraph.ttl")
    status, _h, data = get(srv, "/releases/1.0.0/dataset.ttl", "*/*")
    assert status == 200 and b"dcat:version" in data
    assert get(srv, "/releases/1.0.0")[0] == 301
    for bad in ("/releases/9.9.9/", "/releases/1.0.0/nope.ttl", "/releases/1.0.0/..%2F..%2Fdata%2Fdeals.ttl",
                "/releases/x/rdgraph.ttl"):
        assert get(srv, bad, "*/*")[0] == 404, bad


def test_release_pages_in_a_real_browser(served, tmp_path):
    """Headless Chromium: the footer leads to the history, the history to a release, a replaced IRI to its
    successor's page (301 then 303), a withdrawn IRI to a page that says so."""
    from servers import need_browser
    from test_browser import _driver

    need_browser()
    srv, _rel = served
    driver, profile = _driver("en", tmp_path)
    try:
        from selenium.webdriver.common.by import By

        driver.get(srv.url + "/?lang=en")
        driver.find_element(By.CSS_SELECTOR, 'footer a[href="/releases"]').click()
        assert "This server shows release 1.0.0." in driver.find_element(By.CSS_SELECTOR, ".current-version").text
        driver.find_element(By.LINK_TEXT, "rdgraph 1.0.0").click()
        assert driver.current_url.endswith("/releases/1.0.0/")
        names = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "table.files td:first-child a")]
        assert "rdgraph.ttl" in names and "rdgraph-inferred.trig" in names and "dataset.ttl" in names
        driver.get(srv.url + f"/id/{OLD}")
        assert driver.current_url.endswith(f"/doc/{NEW}") and "Achterhoek II" in driver.title
        driver.get(srv.url + f"/id/{WITHDRAWN}")
        assert "Withdrawn" in driver.find_element(By.TAG_NAME, "h1").text
        assert "the source did not say so" in driver.find_element(By.CSS_SELECTOR, "p.message").text
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def test_changelog_markdown_becomes_escaped_blocks():
    from rdgraph.server.pages import ENV
    from rdgraph.server.releases import markdown_blocks

    md = ("# Changes from 1.0.0 to 1.1.0\n\n**Version level: minor**\n\n## Amounts added (2)\n"
          "- Achterhoek II, rijksbijdrage: € 25.000.000 ([rijksoverheid.nl](https://www.rijksoverheid.nl/x))\n"
          "- <script>alert(1)</script> ([bad](javascript:alert(1)))\n")
    blocks = markdown_blocks(md)
    assert [b["kind"] for b in blocks] == ["h2", "p", "h3", "ul"] and len(blocks[-1]["entries"]) == 2
    html = ENV.from_string('{% from "changelog.html" import changelog %}{{ changelog(blocks) }}').render(blocks=blocks)
    assert '<a href="https://www.rijksoverheid.nl/x" rel="nofollow">rijksoverheid.nl</a>' in html
    assert "<script>" not in html and "&lt;script&gt;" in html and 'href="javascript' not in html
    assert html.count("<ul>") == 1 and html.count("<li>") == 2
