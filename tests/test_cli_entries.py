"""The CLI verbs new-deal, validate FILE and add, on a temporary copy of the project (never data/)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "entries"
VALID = CORPUS / "valid" / "zaanstreek.ttl"


@pytest.fixture()
def home(tmp_path):
    h = tmp_path / "home"
    for d in ("ontology", "data", "shapes", "queries"):
        shutil.copytree(ROOT / d, h / d)
    return h


def run(args, home=None, env_extra=None, cache=None, timeout=300):
    env = dict(os.environ)
    env.pop("RDGRAPH_DEBUG", None)
    if home is not None:
        env["RDGRAPH_HOME"] = str(home)
        env["RDGRAPH_CACHE"] = str(cache or (home.parent / "cache"))
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "rdgraph", *args], capture_output=True, text=True, env=env,
                          timeout=timeout)


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".rdgraph.lock"}


def test_validate_exit_codes_and_no_traceback():
    ok = run(["validate", str(VALID)])
    assert ok.returncode == 0, ok.stderr
    bad = run(["validate", str(CORPUS / "invalid" / "missing-tranche.ttl")])
    assert bad.returncode == 1 and "rdg:tranche" in bad.stdout
    warn = run(["validate", str(CORPUS / "invalid" / "interpretation-without-strength.ttl")])
    assert warn.returncode == 0 and "waarschuwing" in warn.stdout
    parse = run(["validate", str(CORPUS / "invalid" / "parse-missing-dot.ttl")])
    assert parse.returncode == 2 and "parse-missing-dot.ttl:4:" in parse.stderr and "hint" in parse.stderr
    missing = run(["validate", "/nonexistent/entry.ttl"])
    assert missing.returncode == 2
    for r in (ok, bad, warn, parse, missing):
        assert "Traceback" not in r.stderr + r.stdout


def test_validate_json_and_english():
    r = run(["validate", "--format", "json", "--lang", "en", str(CORPUS / "invalid" / "unknown-ministry.ttl")])
    assert r.returncode == 1
    d = json.loads(r.stdout)
    assert d["schema"] == "rdgraph-entry-report/1" and d["lang"] == "en" and not d["conforms"]
    f = d["entities"][0]["findings"]
    assert any(x["kind"] == "unknown-reference" and any("ministerie-bzk" in s for s in x["suggestions"]) for x in f)


def test_new_deal_template_parses_and_names_the_closed_lists(tmp_path):
    r = run(["new-deal", "--name", "Gooi en Vechtstreek", "--tranche", "6", "--region", "noord-holland"])
    assert r.returncode == 0, r.stderr
    t = r.stdout
    for needle in ("regiodeal:gooi-en-vechtstreek a rdg:RegioDeal", "tranche:6", "provincie:noord-holland",
                   "begrip:rijksbijdrage", "begrip:interpretatie-bron", "opgave:15", "instrument:6",
                   "organisatie:ministerie-bzk", "VERPLICHT"):
        assert needle in t, needle
    f = tmp_path / "gooi.ttl"
    f.write_text(t)
    v = run(["validate", "--format", "json", str(f)])
    d = json.loads(v.stdout)
    # as printed, only the placeholder source is reported (it must be filled in)
    kinds = {x["kind"] for e in d["entities"] for x in e["findings"]}
    assert v.returncode == 1 and kinds <= {"unknown-reference", "sh:Class"}
    assert run(["new-deal", "--name", "X", "--tranche", "9"]).returncode == 2


def test_add_writes_deterministic_file_and_next_call_sees_it(home):
    before = snapshot(home / "data")
    r = run(["add", str(VALID)], home)
    assert r.returncode == 0, r.stdout + r.stderr
    out = home / "data" / "deals" / "zaanstreek.ttl"
    assert out.exists()
    text = out.read_text()
    assert text.index("regiodeal:zaanstreek") < text.index("interventie:zaan-")
    after = snapshot(home / "data")
    # the deal in its own file, its new public source in the home of sources
    assert set(after) - set(before) == {"deals/zaanstreek.ttl", "deals/_bronnen.ttl"}
    # the next call sees it (cache keyed by file content)
    q = run(["sparql", "SELECT ?l WHERE { <https://w3id.org/rdgraph/id/regiodeal/zaanstreek> "
             "<http://www.w3.org/2000/01/rdf-schema#label> ?l }"], home)
    assert "Zaanstreek" in q.stdout
    # adding the same entry twice is refused as a duplicate, and changes nothing
    snap = snapshot(home / "data")
    again = run(["add", "--format", "json", str(VALID)], home)
    assert again.returncode == 1
    kinds = {x["kind"] for e in json.loads(again.stdout)["entities"] for x in e["findings"]}
    assert "duplicate" in kinds
    assert snapshot(home / "data") == snap
    # deterministic: the same entry in another copy gives the same bytes
    home2 = home.parent / "home2"
    shutil.copytree(home.parent / "home" / "ontology", home2 / "ontology")
    shutil.copytree(ROOT / "data", home2 / "data")
    shutil.copytree(ROOT / "shapes", home2 / "shapes")
    shutil.copytree(ROOT / "queries", home2 / "queries")
    assert run(["add", str(VALID)], home2, cache=home.parent / "cache2").returncode == 0
    assert (home2 / "data" / "deals" / "zaanstreek.ttl").read_bytes() == out.read_bytes()


@pytest.mark.parametrize("name", ["missing-tranche.ttl", "rijks-above-total.ttl", "unknown-ministry.ttl",
                                  "parse-missing-dot.ttl", "duplicate-iri.ttl"])
def test_refused_add_leaves_data_byte_identical(home, name):
    before = snapshot(home / "data")
    r = run(["add", str(CORPUS / "invalid" / name)], home)
    assert r.returncode in (1, 2)
    assert "Traceback" not in r.stderr
    assert snapshot(home / "data") == before


def test_add_refuses_all_when_one_entry_is_bad(home):
    before = snapshot(home / "data")
    r = run(["add", str(VALID), str(CORPUS / "invalid" / "missing-tranche.ttl")], home)
    assert r.returncode == 1
    assert snapshot(home / "data") == before


def test_two_adds_at_once_are_serialised(home, tmp_path):
    other = tmp_path / "lekstreek.nt"
    shutil.copy(CORPUS / "valid" / "lekstreek-test.nt", other)
    env = dict(os.environ, RDGRAPH_HOME=str(home), RDGRAPH_CACHE=str(home.parent / "cache"))
    procs = [subprocess.Popen([sys.executable, "-m", "rdgraph", "add", "--wait", "120", str(f)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for f in (VALID, other, VALID)]
    results = [p.communicate(timeout=300) + (p.returncode,) for p in procs]
    codes = sorted(r[2] for r in results)
    # both different entries land; the same entry twice: one lands, the other is a refused duplicate
    assert codes == [0, 0, 1], results
    assert (home / "data" / "deals" / "zaanstreek.ttl").exists()
    assert (home / "data" / "deals" / "lekstreek-test.ttl").exists()


def test_busy_lock_gives_a_clear_message(home):
    import fcntl

    lock = home / "data" / ".rdgraph.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        before = snapshot(home / "data")
        r = run(["add", "--wait", "0", str(VALID)], home)
        assert r.returncode == 2
        assert "rdgraph add" in r.stderr and "Traceback" not in r.stderr
        assert snapshot(home / "data") == before
    finally:
        os.close(fd)


@pytest.mark.parametrize("point", ["before-rename", "after-rename"])
def test_crash_mid_add_leaves_data_whole(home, point):
    before = snapshot(home / "data")
    r = run(["add", str(VALID)], home, env_extra={"RDGRAPH_TEST_CRASH": point})
    assert r.returncode == -9  # killed by SIGKILL at that point
    out = home / "data" / "deals" / "zaanstreek.ttl"
    ttl_now = {k: v for k, v in snapshot(home / "data").items() if k.endswith(".ttl")}
    ttl_before = {k: v for k, v in before.items() if k.endswith(".ttl")}
    if point == "before-rename":
        assert ttl_now == ttl_before and not out.exists()
    else:  # killed after the first file: the shared home of sources is written first, whole; no deal yet
        assert set(ttl_now) - set(ttl_before) == {"deals/_bronnen.ttl"}
        assert {k: v for k, v in ttl_now.items() if k != "deals/_bronnen.ttl"} == ttl_before
        assert not out.exists()
    # the graph still loads (no half file), and a new add cleans up and completes the entry
    assert run(["stats"], home).returncode == 0
    r2 = run(["add", str(VALID)], home)
    assert r2.returncode == 0, r2.stdout + r2.stderr
    assert not list((home / "data" / "deals").glob(".*.tmp"))
    assert out.exists()
