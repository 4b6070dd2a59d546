"""Entry validation against the hand-written corpus in tests/entries/, and entry-vs-full equivalence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import rdgraph
from rdgraph.entries import (
    GraphIndex,
    _short,
    check_entries,
    read_entries,
    shape_findings,
    to_turtle,
    validate_entries,
)
from rdgraph.errors import ParseError

CORPUS = Path(__file__).resolve().parent / "entries"
VALID = sorted(p for p in (CORPUS / "valid").iterdir() if p.suffix in (".ttl", ".nt", ".jsonld"))
INVALID = sorted(p for p in (CORPUS / "invalid").iterdir() if p.suffix in (".ttl", ".nt", ".jsonld"))


def _expected(p: Path) -> dict:
    return json.loads(p.with_name(p.stem + ".expected.json").read_text())


@pytest.fixture(scope="module")
def kg():
    return rdgraph.load()


def _short_focus(f, entry: Path) -> str:
    if f.kind == "empty":
        return "<file>"
    s = _short(f.focus)
    return s


def test_corpus_is_complete():
    assert len(VALID) >= 3 and len(INVALID) >= 40
    for p in INVALID:
        assert p.with_name(p.stem + ".expected.json").exists(), f"{p.name} has no expected findings"


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_entries_conform(kg, path):
    report = validate_entries(kg, [path])
    assert report.findings == [], report.to_text()


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_entry_findings(kg, path):
    exp = _expected(path)
    if "parse_error" in exp:
        with pytest.raises(ParseError) as ei:
            validate_entries(kg, [path])
        loc = ei.value.location
        assert loc.file == str(path)
        assert loc.line == exp["parse_error"]["line"], str(ei.value)
        assert isinstance(loc.column, int)
        assert ei.value.hint
        return
    for lang in ("nl", "en"):
        report = validate_entries(kg, [path], lang=lang)
        got = {(_short_focus(f, path), _short(f.path) if f.path else None, f.kind, f.severity)
               for f in report.findings}
        want = {tuple(x) for x in exp["findings"]}
        assert got == want, "\n" + report.to_text()
        assert (0 if report.conforms else 1) == exp["exit"]
        for f in report.findings:
            assert f.message and f.severity in ("Violation", "Warning", "Info")
            assert f.hint, f"no hint for {f}"
        for path_, sugg in exp.get("suggest", {}).items():
            hits = [f for f in report.findings if f.path and _short(f.path) == path_]
            assert any(any(s.startswith(sugg) for s in f.suggestions) for f in hits), report.to_text()


def test_messages_are_dutch_by_default_and_english_on_request(kg):
    p = CORPUS / "invalid" / "missing-tranche.ttl"
    nl = validate_entries(kg, [p]).to_text()
    en = validate_entries(kg, [p], lang="en").to_text()
    assert "tranche" in nl and "hoort" in nl and "fout" in nl
    assert "should have exactly one tranche" in en and "violation" in en


def test_json_schema_is_stable(kg):
    report = validate_entries(kg, [CORPUS / "invalid" / "unknown-ministry.ttl"], lang="en")
    d = json.loads(report.to_json())
    assert d["schema"] == "rdgraph-entry-report/1"
    assert set(d) == {"schema", "conforms", "violations", "warnings", "infos", "lang", "files", "written",
                      "entities"}
    ent = d["entities"][0]
    assert set(ent) == {"entity", "short", "label", "kind", "findings"}
    assert ent["kind"] == "deal"
    assert set(ent["findings"][0]) == {"severity", "kind", "focus", "focus_short", "path", "path_short", "value",
                                       "message", "hint", "suggestions", "shape", "source_file"}


def test_grouping_deal_then_interventions(kg):
    report = validate_entries(kg, [CORPUS / "invalid" / "unknown-instrument.ttl"])
    groups = report.groups()
    assert [report.entities[e][0] for e, _ in groups] == ["intervention"]
    report = check_entries(kg, read_entries([CORPUS / "valid" / "zaanstreek.ttl",
                                             CORPUS / "invalid" / "intervention-goal-without-lang.ttl"]))
    kinds = [report.entities[e][0] for e, _ in report.groups()]
    assert kinds == sorted(kinds, key=["deal", "intervention", "other"].index)


# ---------------------------------------------------------------- entry validation == full validation

def _full_findings(kg, entry_triples, focus):
    """pySHACL on the whole merged graph (asserted + entry), restricted to the given focus nodes."""
    from rdgraph.convert import to_rdflib
    from rdgraph.validate import run_pyshacl, shapes_graph

    g = kg.asserted_rdflib()
    for s, p, o in entry_triples:
        g.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
    return run_pyshacl(g, shapes_graph(kg.root), lang="en"), g


def _key(f):
    return (f.focus, f.path, f.value, f.constraint, f.shape, f.severity, f.message)


@pytest.fixture(scope="module")
def full_base(kg):
    from rdgraph.validate import run_pyshacl, shapes_graph

    return {_key(f) for f in run_pyshacl(kg.asserted_rdflib(), shapes_graph(kg.root), lang="en")}


def _entry_paths():
    out = []
    for p in VALID + INVALID:
        exp_file = p.with_name(p.stem + ".expected.json")
        if exp_file.exists() and "parse_error" in json.loads(exp_file.read_text()):
            continue
        out.append(p)
    return out



@pytest.mark.parametrize("path", _entry_paths(), ids=lambda p: p.name)
def test_entry_validation_equals_full_validation(kg, full_base, path):
    """The entry's SHACL results (small context graph) are exactly those of pySHACL on the full merged
    graph: the same results on the entry's nodes, and every result the entry introduces elsewhere."""
    entry = read_entries([path])[0].triples
    if not entry:
        pytest.skip("empty entry")
    mine = {_key(f) for f in shape_findings(GraphIndex(kg.store), kg.root, entry, lang="en")}
    full, _g = _full_findings(kg, entry, None)
    subjects = {s.value if hasattr(s, "value") and not str(s).startswith("_:") else str(s) for s, _p, _o in entry}
    full_keys = {_key(f) for f in full}
    on_entry = {k for k in full_keys if k[0] in subjects}
    introduced = full_keys - full_base
    assert {k for k in mine if k[0] in subjects} == on_entry
    assert introduced <= mine, introduced - mine
    assert mine <= on_entry | introduced


# ---------------------------------------------------------------- serialisation

def test_turtle_is_deterministic_and_round_trips():
    import pyoxigraph as ox

    entry = read_entries([CORPUS / "valid" / "zaanstreek.ttl"])[0].triples
    a = to_turtle(entry)
    b = to_turtle(list(reversed(entry)))
    assert a == b
    back = {(q.subject, q.predicate, q.object) for q in ox.parse(a.encode(), format=ox.RdfFormat.TURTLE)}
    assert back == set(entry)
    assert a.index("deal:zaanstreek") < a.index("interv:zaan-techniekpact") < a.index("bedrag:zaan-")
