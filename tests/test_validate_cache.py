"""Validating the whole graph: a folder argument, a kept result, and re-validating only what changed.

The reference is a full pySHACL run over the changed graph: after a data file changes, the
incremental result must have exactly the same findings.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rdgraph.store import load
from rdgraph.validate import run_pyshacl, shapes_graph
from rdgraph.validate_cache import validate_graph_cached
from test_cli_entries import run

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def home(tmp_path, monkeypatch):
    h = tmp_path / "home"
    for d in ("ontology", "data", "shapes", "queries"):
        shutil.copytree(ROOT / d, h / d)
    monkeypatch.setenv("RDGRAPH_CACHE", str(tmp_path / "cache"))
    return h


def _keys(findings):
    return {(f.focus, f.path, f.value, f.shape, f.constraint, f.severity, f.message) for f in findings}


BROKEN = """
regiodeal:eemsdelta skos:altLabel "Eemsdelta"@fr ;
    rdg:predecessor regiodeal:eemsdelta .
"""


def test_incremental_result_equals_a_full_run(home):
    kg = load(home)
    first = validate_graph_cached(kg, lang="en")
    assert first.checked == "full"
    assert validate_graph_cached(kg, lang="en").checked == "cached"
    # break a deal in one data file: the next run re-validates that file's nodes only
    f = home / "data" / "publiek" / "deals-tranche-5-6.ttl"
    f.write_text(f.read_text(encoding="utf-8") + BROKEN, encoding="utf-8")
    kg = load(home)
    again = validate_graph_cached(kg, lang="en")
    assert again.checked.startswith("incremental (1 file(s)")
    # only the changed deal and the nodes pointing at it, not the other ~600 subjects of the file
    import re

    assert int(re.search(r"(\d+) node\(s\)", again.checked).group(1)) < 60, again.checked
    full = run_pyshacl(kg.asserted_rdflib(), shapes_graph(home), lang="en")
    assert _keys(again.findings) == _keys(full)
    new = _keys(again.findings) - _keys(first.findings)
    assert {(k[0].rsplit("/", 1)[-1], k[1].rsplit("#", 1)[-1]) for k in new} == {
        ("eemsdelta", "altLabel"), ("eemsdelta", "predecessor")}
    # and back: the problems are gone again
    f.write_text(f.read_text(encoding="utf-8").replace(BROKEN, ""), encoding="utf-8")
    back = validate_graph_cached(load(home), lang="en")
    assert _keys(back.findings) == _keys(first.findings)


def test_folder_argument_validates_the_graph_files_and_entry_folders(home):
    r = run(["validate", str(home / "data")], home)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "extension" not in r.stderr and r.stderr == ""  # piped: no progress bar
    r = run(["validate", "--lang", "en", str(ROOT / "tests" / "entries" / "valid")], home)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "No problems found" in r.stdout and "zaanstreek.ttl" in r.stdout and "lekstreek-test.nt" in r.stdout
