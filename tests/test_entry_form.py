"""The entry form's core and POST /api/validate (the server stays read-only: nothing is written)."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

import rdgraph
from rdgraph.entries.form import form_report, turtle_from_form
from test_server import start_server, stop_server

CORPUS = Path(__file__).resolve().parent / "entries"


@pytest.fixture(scope="module")
def kg():
    return rdgraph.load()


def test_form_builds_the_templates_turtle_and_maps_findings_to_fields(kg):
    fields = {"name": "Regio Deal Testkust", "tranche": "6", "municipalities": "oostzaan, beverwijkk",
              "signed": "2035-03-14", "rijksbijdrage": "7,5 miljoen", "source": "https://testkust.example/deal"}
    slug, text = turtle_from_form(fields)
    assert slug == "testkust" and 'rdfs:label "Testkust"@nl' in text and "Regio Deal Regio Deal" not in text
    for lang in ("nl", "en"):
        r = form_report(kg, fields, lang)
        assert set(r["fields"]) == {"municipalities", "signed", "rijksbijdrage"}, r["fields"]
        assert any("gemeente:beverwijk" in s for s in r["fields"]["municipalities"][0]["suggestions"])
        assert '"7500000"^^xsd:decimal' in r["fields"]["rijksbijdrage"][0]["hint"]
        assert r["report"]["schema"] == "rdgraph-entry-report/1" and r["report"]["violations"] == 3
    fixed = dict(fields, municipalities="oostzaan, beverwijk", signed="2025-03-14", rijksbijdrage="7500000")
    assert form_report(kg, fixed, "nl")["report"]["conforms"] is True


@pytest.fixture(scope="module")
def site():
    s = start_server("--timeout", "5", "--workers", "1")
    yield s
    stop_server(s)


def _post(url: str, body: bytes, ctype: str) -> tuple[int, dict]:
    req = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": ctype})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_api_validate_fields_files_and_unparseable_files(site):
    status, d = _post(site.url + "/api/validate?lang=en", json.dumps({"name": "Testkust"}).encode(),
                      "application/json")
    assert status == 200 and "deal:testkust a rdg:RegioDeal" in d["turtle"]
    assert d["fields"]["source"][0]["severity"] == "Violation"  # no source yet
    status, d = _post(site.url + "/api/validate?lang=en", (CORPUS / "invalid" / "unknown-ministry.ttl").read_bytes(),
                      "text/turtle")
    assert status == 200 and d["schema"] == "rdgraph-entry-report/1" and d["violations"] == 1
    status, d = _post(site.url + "/api/validate", (CORPUS / "invalid" / "parse-missing-dot.ttl").read_bytes(),
                      "text/turtle")
    assert status == 422 and d["conforms"] is False and d["parse_error"]["line"] == 4
    assert "kan het bestand niet lezen" in d["parse_error"]["message"] and "/tmp" not in d["parse_error"]["message"]
