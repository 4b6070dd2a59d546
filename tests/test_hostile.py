"""Hostile input through the CLI: every case of tests/hostile/ in a subprocess under a 1 GB address-space
limit and a timeout, refused (or handled) with its exit code and message, data/ byte-identical after each.

The cases are data (tests/hostile/README.md); huge inputs are built at test time from their recipes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from hostile_support import ROOT, Case, HostileEndpoint, argv_for, load_cases, materialize, run_bounded

CASES = load_cases("command")
MEMORY = 1 << 30   # RLIMIT_AS of each run
TIMEOUT = 60       # seconds; a case that needs it has failed (the suite runs all cases in well under a minute)


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".rdgraph.lock"}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    home = base / "home"
    for d in ("ontology", "data", "shapes", "queries", "context"):
        if (ROOT / d).exists():
            shutil.copytree(ROOT / d, home / d)
    inputs = base / "inputs"
    inputs.mkdir()
    env = dict(os.environ, RDGRAPH_HOME=str(home),
               RDGRAPH_CACHE=os.environ.get("RDGRAPH_CACHE", str(base / "cache")))
    env.pop("RDGRAPH_DEBUG", None)
    for k in list(env):
        if k.startswith("RDGRAPH_MAX_"):
            env.pop(k)
    warm = run_bounded(["stats"], env, memory_bytes=4 * MEMORY, timeout=600)
    assert warm.returncode == 0, warm.stderr.decode()
    return home, inputs, env


def test_the_folder_has_every_class_of_the_issue():
    names = {c.name for c in CASES}
    for needed in ("deep-bnodes-turtle", "deep-collections-turtle", "deep-jsonld", "deep-rdfxml", "long-list",
                   "decimal-exponent", "billion-laughs-rdfxml", "quadratic-blowup-rdfxml", "huge-literal-50mb",
                   "relative-iri", "sparql-deep-groups", "sparql-cross-join-timeout", "sparql-million-rows",
                   "endpoint-endless", "sparql-terminal-escape", "parse-error-json"):
        assert needed in names


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case(case: Case, project):
    home, inputs, env = project
    path = materialize(case, inputs)
    before = snapshot(home / "data")
    cenv = dict(env, **case.env)
    if case.endpoint:
        with HostileEndpoint(case.endpoint) as ep:
            out = run_bounded(argv_for(case, path, ep.url), cenv, memory_bytes=MEMORY, timeout=TIMEOUT)
    else:
        out = run_bounded(argv_for(case, path), cenv, memory_bytes=MEMORY, timeout=TIMEOUT, cwd=inputs)
    stdout = out.stdout.decode("utf-8", "replace")
    stderr = out.stderr.decode("utf-8", "replace")
    assert not out.timed_out, f"{case.name} did not finish within {TIMEOUT}s"
    assert out.returncode == case.exit, f"{case.name}: exit {out.returncode}\n{stderr[-2000:]}"
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr[-2000:]
    assert case.message in stdout + stderr, f"{case.name}: {case.message!r} not in {(stderr or stdout)[:500]!r}"
    if case.json:
        doc = json.loads(stdout)  # exactly one JSON document
        assert doc["schema"] == "rdgraph-error/1" and doc["exit"] == case.exit
        assert case.message in json.dumps(doc, ensure_ascii=False)
    if case.not_in_output is not None:
        assert case.not_in_output not in stdout + stderr
    if case.stdout_lines is not None:
        assert len(stdout.splitlines()) == case.stdout_lines
    if case.exit == 2 and case.message:
        assert case.message in stderr  # a clear message on stderr as well
    assert snapshot(home / "data") == before, f"{case.name} changed data/"


def _data_state(folder: Path) -> dict[str, str]:
    """data/ as the graph sees it: every file but the lock and the hidden temporary files of a killed
    write (never read by the graph; removed by the next add)."""
    return {k: v for k, v in snapshot(folder).items() if not (Path(k).name.startswith(".") and k.endswith(".tmp"))}


def test_add_killed_at_random_points_leaves_data_whole(tmp_path):
    """SIGKILL ``add`` after random delays: data/ is as before, or holds the whole entry; never half."""
    import random
    import signal
    import subprocess
    import sys
    import time

    entry = ROOT / "tests" / "entries" / "valid" / "zaanstreek.ttl"
    home = tmp_path / "home"
    for d in ("ontology", "data", "shapes", "queries"):
        shutil.copytree(ROOT / d, home / d)
    env = dict(os.environ, RDGRAPH_HOME=str(home))
    env.pop("RDGRAPH_DEBUG", None)
    before = _data_state(home / "data")
    full = subprocess.run([sys.executable, "-m", "rdgraph", "add", str(entry)], env=env, capture_output=True,
                          timeout=300)
    assert full.returncode == 0, full.stderr
    after = _data_state(home / "data")
    assert after != before
    rng = random.Random(14)
    for _ in range(4):
        shutil.rmtree(home / "data")
        shutil.copytree(ROOT / "data", home / "data")
        proc = subprocess.Popen([sys.executable, "-m", "rdgraph", "add", str(entry)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 2.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        state = _data_state(home / "data")
        assert state in (before, after), "a killed add left data/ half-written"
        stats = subprocess.run([sys.executable, "-m", "rdgraph", "stats"], env=env, capture_output=True, timeout=300)
        assert stats.returncode == 0, stats.stderr  # the graph still loads
