"""`rdgraph validate FILE` rejects every bad shape example, through the entry validation a data steward uses."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import rdgraph
from rdgraph.entries import validate_entries

ROOT = Path(__file__).resolve().parent.parent
INVALID = sorted((ROOT / "tests" / "shapes").glob("*/invalid/*.ttl"))
PREFIXES = {
    "rdg": "https://w3id.org/rdgraph/def/regiodeals#",
    "rdgsh": "https://w3id.org/rdgraph/def/shapes#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
}


def expectations(path: Path) -> tuple[list[str], list[str]]:
    violations, warnings = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"#\s*expect(-warning)?:\s*(\S+)", line)
        if m:
            term = m.group(2).strip("<>")
            if ":" in term and not term.startswith("http"):
                prefix, local = term.split(":", 1)
                term = PREFIXES.get(prefix, prefix + ":") + local
            (warnings if m.group(1) else violations).append(term)
    return violations, warnings


@pytest.fixture(scope="module")
def kg():
    return rdgraph.load()


@pytest.mark.parametrize("path", INVALID, ids=[f"{p.parent.parent.name}/{p.stem}" for p in INVALID])
def test_entry_validation_rejects_bad_example(kg, path):
    violations, warnings = expectations(path)
    report = validate_entries(kg, [str(path)], lang="en")
    reported = {f.path for f in report.findings} | {f.shape for f in report.findings}
    if violations:
        assert not report.conforms, f"{path.name} passed entry validation"
        assert any(v in reported for v in violations), (violations, sorted(x for x in reported if x))
    else:
        assert warnings and report.warnings, f"{path.name}: expected warnings"


@pytest.mark.parametrize("name", ["deals/invalid/amount-as-string.ttl",
                                  "publieke-bronnen/invalid/deal-dates-unreal.ttl"])
def test_cli_validate_exit_1_with_readable_messages(name):
    path = ROOT / "tests" / "shapes" / name
    if not path.exists():
        pytest.fail(f"example {name} is missing")
    for lang, word in (("nl", "fout"), ("en", "violation")):
        proc = subprocess.run([sys.executable, "-m", "rdgraph", "validate", str(path), "--lang", lang],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert proc.returncode == 1, proc.stdout + proc.stderr
        assert word in proc.stdout and "Traceback" not in proc.stdout + proc.stderr
