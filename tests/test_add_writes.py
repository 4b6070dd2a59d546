"""Writes a reviewer can read: add names each file with its counts, shared nodes get a home of their
own kind, --dry-run shows the diff and writes nothing (on a temporary copy of the project)."""

from __future__ import annotations

import json
import re

from test_cli_entries import CORPUS, home, run, snapshot  # noqa: F401  (home is a fixture)

SHARED = CORPUS / "shared"


def test_shared_municipality_and_source_get_their_own_home(home):  # noqa: F811
    r = run(["add", "--format", "json", str(SHARED / "deal-a.ttl"), str(SHARED / "deal-b.ttl")], home)
    assert r.returncode == 0, r.stdout + r.stderr
    d = json.loads(r.stdout)
    files = {w["file"].rsplit("/", 1)[-1]: w for w in d["writes"]}
    assert set(files) == {"testdeal-a.ttl", "testdeal-b.ttl", "_gemeenten.ttl", "_bronnen.ttl"}
    assert all(w["status"] == "new" for w in files.values())
    deals = home / "data" / "deals"
    gem = (deals / "_gemeenten.ttl").read_text()
    assert "gemeente:testgemeente" in gem and "a rdg:Municipality" in gem
    for name in ("testdeal-a.ttl", "testdeal-b.ttl"):
        text = (deals / name).read_text()
        assert "\ngemeente:testgemeente\n" not in text  # no block of its own: only referred to
        assert "rdg:municipality gemeente:testgemeente" in text
        assert "a rdg:WebSource" not in text
    assert files["_gemeenten.ttl"]["added"] == 5 and files["_bronnen.ttl"]["added"] == 7
    # the same prefixes as data/publiek: toekenning:, organisatie:, gemeente:
    assert "@prefix gemeente: <https://w3id.org/rdgraph/id/gemeente/> ." in gem


def test_add_says_what_it_wrote_where_and_dry_run_writes_nothing(home):  # noqa: F811
    valid = CORPUS / "valid" / "zaanstreek.ttl"
    before = snapshot(home / "data")
    r = run(["add", "--dry-run", str(valid)], home)
    assert r.returncode == 0, r.stderr
    assert snapshot(home / "data") == before
    assert "+++ b/data/deals/zaanstreek.ttl" in r.stdout and "--- /dev/null" in r.stdout
    assert re.search(r"^\+\w+:zaanstreek a rdg:RegioDeal", r.stdout, flags=re.M), r.stdout  # the deal, added
    assert "Zou schrijven (--dry-run, niets geschreven):" in r.stdout
    r = run(["add", "--lang", "en", str(valid)], home)
    assert r.returncode == 0, r.stderr
    lines = [x for x in r.stdout.splitlines() if x.startswith("  new ")]
    assert len(lines) == 2 and any("zaanstreek.ttl" in x and "+85 triples" in x and "0 warning(s)" in x
                                   for x in lines), r.stdout
    # a second deal that adds to the shared source file: 'changed' with a diff of only the new lines
    r = run(["add", "--dry-run", "--lang", "en", str(SHARED / "deal-a.ttl")], home)
    assert r.returncode == 0, r.stdout
    assert "--- a/data/deals/_bronnen.ttl" in r.stdout and "changed" in r.stdout
    assert "-bron:web-zaanstreek-test-1" not in r.stdout
