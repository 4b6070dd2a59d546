"""The plain query path stays light: ``rdgraph query NAME`` (cache warm) imports none of the heavy or
network modules that other verbs need (the start-up budget itself is measured in bench/bench_startup.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("yaml", "rdflib", "pyshacl", "owlrl", "http.client", "email", "SPARQLWrapper", "jinja2", "starlette")


def _imported(*args: str) -> set[str]:
    env = dict(os.environ)
    subprocess.run([sys.executable, "-m", "rdgraph", *args], capture_output=True, env=env, check=True,
                   timeout=300)  # warm the cache (graph and query registry)
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "rdgraph", *args], capture_output=True,
                          text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}


@pytest.mark.parametrize("args", [
    ("query", "opgaven-per-tranche"),
    ("query", "evaluaties", "--format", "csv"),
    ("sparql", "SELECT ?d WHERE { ?d a rdg:RegioDeal } LIMIT 3"),
])
def test_plain_query_path_imports_nothing_heavy(args):
    mods = _imported(*args)
    assert "pyoxigraph" in mods  # the measurement works
    heavy = sorted(m for m in mods if m.split(".")[0] in FORBIDDEN or m in FORBIDDEN)
    assert heavy == [], f"rdgraph {' '.join(args)} imports {heavy}"
